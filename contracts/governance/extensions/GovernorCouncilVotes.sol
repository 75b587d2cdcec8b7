// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {ICouncilRegistry} from "../../interfaces/ICouncilRegistry.sol";
import {IStakeVault} from "../../interfaces/IStakeVault.sol";

/**
 * @title GovernorCouncilVotes
 * @notice Voting weight from the council's StakeVault, counted per member: a member votes through its current
 * voter account, with the votes the member held at the motion's snapshot.
 * @dev Extends OpenZeppelin {GovernorVotes} (the vault is the ERC-5805 token, and its clock is the governor's).
 * Weight is the member's checkpointed votes (`getPastMemberVotes`), not the account's: after a voter rotation the
 * new account casts the member's snapshot weight and the former account (perhaps a lost key) casts nothing. Only a
 * member that is active when it votes has weight: leaving the council ends its power at once. A
 * voter account is never reused by another member, so an account maps to exactly one member.
 */
abstract contract GovernorCouncilVotes is GovernorVotes {
    IStakeVault private immutable _VAULT;
    ICouncilRegistry private immutable _REGISTRY;

    /**
     * @notice Reads votes from `vault_` and membership from its registry.
     * @param vault_ The stake vault.
     */
    constructor(IStakeVault vault_) GovernorVotes(IVotes(address(vault_))) {
        _VAULT = vault_;
        _REGISTRY = ICouncilRegistry(vault_.registry());
    }

    /**
     * @notice The stake vault the weights come from.
     * @return The vault.
     */
    function stakeVault() public view returns (IStakeVault) {
        return _VAULT;
    }

    /**
     * @notice The council registry membership comes from.
     * @return The registry.
     */
    function councilRegistry() public view returns (ICouncilRegistry) {
        return _REGISTRY;
    }

    /// @dev The member's votes at `timepoint` when `account` is the current voter of a member that is still active,
    /// else 0: a member that resigned or was removed stops voting at once, also on motions snapshotted earlier.
    function _getVotes(
        address account,
        uint256 timepoint,
        bytes memory /* params */
    ) internal view virtual override returns (uint256) {
        // One read: the vault knows each member's current voter and status (the registry reports every change).
        (uint256 votes, ) = _VAULT.getPastVotesOfCurrentVoter(account, timepoint);
        return votes;
    }

    /// @dev The member whose voter `account` is or was, and whether it is the current voter of an active member.
    function _memberOfVoter(address account) internal view returns (uint256 memberId, bool current) {
        memberId = _REGISTRY.memberIdOfVoter(account);
        if (memberId != 0) {
            (, address voter, ICouncilRegistry.MemberStatus status) = _REGISTRY.memberAccounts(memberId);
            current = voter == account && status == ICouncilRegistry.MemberStatus.Active;
        }
    }
}
