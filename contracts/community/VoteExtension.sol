// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {GovernedOwnable} from "../access/GovernedOwnable.sol";
import {ICouncilGovernor} from "../interfaces/ICouncilGovernor.sol";
import {ICouncilRegistry} from "../interfaces/ICouncilRegistry.sol";
import {IExtendableGovernor} from "../interfaces/IExtendableGovernor.sol";
import {IStakeVault} from "../interfaces/IStakeVault.sol";
import {IVoteExtension} from "../interfaces/IVoteExtension.sol";

/**
 * @title VoteExtension
 * @notice Extends a live council vote once, when more than half of the members eligible at the motion's snapshot
 * ask for it (the KGP-25 case). One member, one call, whatever its votes. The deadline then moves by the extension
 * amount (1 to 7 days, 7 by default), which only a Constitutional motion can change.
 * @dev The owner is the timelock; the motion policy classifies a call to a contract it does not list as
 * Constitutional. A member calls through its current voter account (as it votes); a member with no votes at the
 * snapshot, or the target of a no-confidence motion, may not call, and the target is left out of the count. The
 * eligible count is the vault's at the snapshot, so the threshold is fixed for the whole vote. The amount is frozen
 * per motion: a motion uses the amount in force at the end of the block before the one that created it (a
 * checkpointed history), so a change never reaches a running motion. Calls while the motion is not Active (before
 * voting opens, after its deadline) are refused with {VoteExtensionVoteNotActive} and change nothing. The governor
 * stores the granted deadline and reports it through `proposalDeadline`. Storage is O(1) per call: no loop.
 */
contract VoteExtension is GovernedOwnable, IVoteExtension {
    using Checkpoints for Checkpoints.Trace208;

    /// @notice Smallest extension amount, in seconds.
    uint256 public constant MIN_EXTENSION = 1 days;
    /// @notice Largest extension amount, in seconds.
    uint256 public constant MAX_EXTENSION = 7 days;

    struct Tally {
        uint32 calls;
        uint48 extendedDeadline;
        mapping(uint256 memberId => bool) called;
    }

    IStakeVault private immutable _VAULT;
    ICouncilRegistry private immutable _REGISTRY;
    address private immutable _DEPLOYER;

    IExtendableGovernor private _governor;
    // Extension amount (seconds) by the block it took effect in; key 0 holds the deployment amount.
    Checkpoints.Trace208 private _amounts;
    mapping(uint256 proposalId => Tally) private _tallies;

    /**
     * @notice Deploys the contract; the deployer then deploys the governor with this address and binds it here.
     * @param owner_ The owner (the timelock).
     * @param vault The stake vault the council's votes come from.
     * @param amount The extension amount, seconds (1 to 7 days).
     */
    constructor(address owner_, IStakeVault vault, uint256 amount) GovernedOwnable(owner_) {
        _VAULT = vault;
        _REGISTRY = ICouncilRegistry(vault.registry());
        _DEPLOYER = msg.sender;
        _checkAmount(amount);
        _amounts.push(0, SafeCast.toUint208(amount));
        emit ExtensionAmountSet(0, amount);
    }

    /**
     * @notice Bind the governor whose motions this contract extends. The deployer only, exactly once.
     * @param governor_ The council governor (deployed with this contract as its vote extension).
     */
    function bindGovernor(IExtendableGovernor governor_) external {
        if (msg.sender != _DEPLOYER || address(_governor) != address(0)) revert VoteExtensionBindingClosed();
        if (address(governor_).code.length == 0 || governor_.stakeVault() != _VAULT) {
            revert VoteExtensionGovernorMismatch(address(governor_));
        }
        _governor = governor_;
        emit GovernorBound(address(governor_));
    }

    /**
     * @notice Set the extension amount for motions created in later blocks. Governance only (a Constitutional
     * motion); running motions keep the amount they were created with.
     * @param amount Seconds (1 to 7 days).
     */
    function setExtensionAmount(uint256 amount) external onlyOwner {
        _checkAmount(amount);
        uint256 previous = _amounts.latest();
        _amounts.push(SafeCast.toUint48(block.number), SafeCast.toUint208(amount));
        emit ExtensionAmountSet(previous, amount);
    }

    /// @inheritdoc IVoteExtension
    function callForExtension(uint256 proposalId) external {
        IExtendableGovernor gov = _boundGovernor();
        IGovernor.ProposalState current = gov.state(proposalId);
        if (current != IGovernor.ProposalState.Active) revert VoteExtensionVoteNotActive(proposalId, current);
        Tally storage t = _tallies[proposalId];
        if (t.extendedDeadline != 0) revert VoteExtensionAlreadyExtended(proposalId, t.extendedDeadline);

        uint256 memberId = _memberOf(msg.sender);
        uint256 snapshot = gov.proposalSnapshot(proposalId);
        if (_VAULT.getPastMemberVotes(memberId, snapshot) == 0) revert VoteExtensionNotEligible(proposalId, memberId);
        ICouncilGovernor.MotionRecord memory record = gov.motionRecord(proposalId);
        if (memberId == record.excludedMemberId) revert VoteExtensionMemberExcluded(proposalId, memberId);
        if (t.called[memberId]) revert VoteExtensionAlreadyCalled(proposalId, memberId);

        t.called[memberId] = true;
        uint256 calls = ++t.calls;
        uint256 needed = _needed(snapshot, record.excludedMemberId);
        emit ExtensionCalled(proposalId, memberId, calls, needed);
        if (calls < needed) return;

        uint256 amount = _amounts.upperLookupRecent(SafeCast.toUint48(record.createdBlock - 1));
        uint256 deadline = gov.proposalDeadline(proposalId) + amount;
        t.extendedDeadline = SafeCast.toUint48(deadline);
        emit VoteExtended(proposalId, amount, deadline);
        gov.extendVote(proposalId, deadline);
    }

    /// @inheritdoc IVoteExtension
    function extensionStatus(
        uint256 proposalId
    ) external view returns (uint256 calls, uint256 needed, uint256 extendedDeadline) {
        Tally storage t = _tallies[proposalId];
        IExtendableGovernor gov = _boundGovernor();
        uint256 snapshot = gov.proposalSnapshot(proposalId);
        if (snapshot != 0 && snapshot < gov.clock()) {
            needed = _needed(snapshot, gov.motionRecord(proposalId).excludedMemberId);
        }
        return (t.calls, needed, t.extendedDeadline);
    }

    /**
     * @notice Whether a member has called for an extension of a motion.
     * @param proposalId The motion.
     * @param memberId The member.
     * @return True once it called.
     */
    function hasCalled(uint256 proposalId, uint256 memberId) external view returns (bool) {
        return _tallies[proposalId].called[memberId];
    }

    /**
     * @notice The extension amount new motions get now.
     * @return Seconds.
     */
    function extensionAmount() external view returns (uint256) {
        return _amounts.latest();
    }

    /**
     * @notice The extension amount frozen for a motion: the one in force in the block before its creation.
     * @param proposalId The motion (reverts for an unknown one, as the governor does).
     * @return Seconds.
     */
    function motionExtensionAmount(uint256 proposalId) external view returns (uint256) {
        uint256 createdBlock = _boundGovernor().motionRecord(proposalId).createdBlock;
        return _amounts.upperLookupRecent(SafeCast.toUint48(createdBlock - 1));
    }

    /**
     * @notice The governor whose motions this contract extends (zero until bound).
     * @return The governor.
     */
    function governor() external view returns (address) {
        return address(_governor);
    }

    /**
     * @notice The stake vault eligibility is read from.
     * @return The vault.
     */
    function stakeVault() external view returns (IStakeVault) {
        return _VAULT;
    }

    function _boundGovernor() private view returns (IExtendableGovernor gov) {
        gov = _governor;
        if (address(gov) == address(0)) revert VoteExtensionNotBound();
    }

    /// @dev The member whose current voter `account` is, if that member is active; reverts otherwise.
    function _memberOf(address account) private view returns (uint256 memberId) {
        memberId = _REGISTRY.memberIdOfVoter(account);
        if (memberId != 0) {
            (, address voter, ICouncilRegistry.MemberStatus status) = _REGISTRY.memberAccounts(memberId);
            if (voter == account && status == ICouncilRegistry.MemberStatus.Active) return memberId;
        }
        revert VoteExtensionNotMember(account);
    }

    /// @dev More than half of the members eligible at the snapshot, a no-confidence target left out.
    function _needed(uint256 snapshot, uint256 excludedMemberId) private view returns (uint256) {
        uint256 eligible = _VAULT.getPastEligibleCount(snapshot);
        if (excludedMemberId != 0 && _VAULT.getPastMemberVotes(excludedMemberId, snapshot) > 0) eligible -= 1;
        return eligible / 2 + 1;
    }

    function _checkAmount(uint256 amount) private pure {
        if (amount < MIN_EXTENSION || amount > MAX_EXTENSION) {
            revert VoteExtensionInvalidAmount(amount, MIN_EXTENSION, MAX_EXTENSION);
        }
    }
}
