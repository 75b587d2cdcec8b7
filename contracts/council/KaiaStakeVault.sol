// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ICouncilRegistry} from "../interfaces/ICouncilRegistry.sol";
import {ICnStaking} from "../interfaces/kaia/ICnStaking.sol";
import {IKaiaAddressBook} from "../interfaces/kaia/IKaiaAddressBook.sol";
import {IStakingTracker} from "../interfaces/kaia/IStakingTracker.sol";
import {StakeVault} from "./StakeVault.sol";

/**
 * @title KaiaStakeVault
 * @notice Capped council votes from the stake members already hold in Kaia's CnStaking contracts (V2 and V3),
 * instead of coin bonded here. Votes, caps, checkpoints and the governor's reads are those of {StakeVault}.
 * @dev A member's stake is the sum, over the CnStaking contracts linked to it, of each contract's effective stake
 * `balance − unstaking()`, as last refreshed. A contract is linked to a member by governance ({linkStaking}) or
 * with the AddressBook's word ({linkStakingByAddressBook}: the AddressBook lists the contract for one of the
 * member's registered consensus nodes, and anyone may call; for a candidate, whose nodes are reserved only at
 * admission, a node it applied with, and the call must come from one of the CnStaking's own admins); never by the
 * member alone. A member's contracts share one `gcId`. A link held by a record that left (a member that resigned or
 * was removed, a candidate that withdrew) may be moved to another record the same ways.
 *
 * Two modes, fixed at deployment:
 * - tracker mode: members point their CnStaking at this contract (a `StakingTracker`, version 1). Every balance
 *   change calls {refreshStake}, which is O(1), open to anyone and never reverts (CnStakingV3 would otherwise
 *   block the member's staking and withdrawals). A contract that points elsewhere counts 0 once refreshed.
 * - read mode: Kaia's own StakingTracker stays; anyone refreshes a member's contracts before a snapshot, and any
 *   stale record can be corrected by anyone with one call.
 *
 * A refresh of a member whose stake a no-confidence motion froze is deferred until the freeze ends (its votes at
 * the motion's snapshot stay what they were). Snapshots are checkpoints: no refresh changes a past snapshot.
 */
contract KaiaStakeVault is StakeVault, IStakingTracker {
    /// @dev A linked CnStaking: its member and the effective stake last recorded for it.
    struct Link {
        uint64 memberId;
        uint192 recorded;
    }

    IKaiaAddressBook private immutable _ADDRESS_BOOK;
    bool private immutable _TRACKER_MODE;
    /// @dev Always true: see {_requireBonding}.
    bool private immutable _REFUSES_BONDING = true;

    mapping(address staking => Link) private _links;
    mapping(uint256 memberId => uint256 gcId) private _gcIds;
    mapping(uint256 memberId => uint256 count) private _linkCounts;

    /**
     * @notice A CnStaking was linked to a member.
     * @param memberId The member.
     * @param staking The CnStaking.
     * @param gcId Its Governance Council id.
     * @param byGovernance True when governance linked it, false when the AddressBook did.
     */
    event StakingLinked(uint256 indexed memberId, address indexed staking, uint256 gcId, bool byGovernance);
    /**
     * @notice Governance unlinked a CnStaking; its stake no longer counts.
     * @param memberId The member.
     * @param staking The CnStaking.
     */
    event StakingUnlinked(uint256 indexed memberId, address indexed staking);
    /**
     * @notice A CnStaking's effective stake was recorded, and its member's stake with it.
     * @param staking The CnStaking.
     * @param memberId Its member.
     * @param effectiveStake The contract's `balance − unstaking()` (wei).
     * @param memberStake The member's stake over all its contracts (wei).
     */
    event StakeRefreshed(
        address indexed staking,
        uint256 indexed memberId,
        uint256 effectiveStake,
        uint256 memberStake
    );
    /**
     * @notice A refresh was not applied; anyone may refresh again later.
     * @param staking The CnStaking.
     * @param frozen True when a no-confidence motion freezes the member's stake, false when the refresh failed.
     */
    event StakeRefreshSkipped(address indexed staking, bool frozen);

    /// @notice Kaia mode holds no bonded stake: stake lives in the members' CnStaking contracts.
    error KaiaStakeVaultBondingDisabled();
    /// @notice The contract is already linked to `memberId`, an active member or a candidate.
    error KaiaStakeVaultAlreadyLinked(address staking, uint256 memberId);
    /// @notice The contract is not linked to any member.
    error KaiaStakeVaultNotLinked(address staking);
    /// @notice The contract's `gcId` differs from the member's other contracts.
    error KaiaStakeVaultGcIdMismatch(uint256 memberId, uint256 expected, uint256 actual);
    /// @notice The node is not one of the member's registered consensus nodes.
    error KaiaStakeVaultNodeNotOfMember(address node, uint256 memberId);
    /// @notice The AddressBook does not list this node, or lists another staking contract for it.
    error KaiaStakeVaultNotInAddressBook(address node, address staking);
    /// @notice The record left (resigned, withdrew or was removed): nothing more can be linked to it.
    error KaiaStakeVaultMemberLeft(uint256 memberId);
    /// @notice A candidate's contract must be linked by one of the CnStaking's own admins.
    error KaiaStakeVaultNotStakingAdmin(address staking, address caller);
    /// @notice Only the vault itself may apply a refresh (through {refreshStake}).
    error KaiaStakeVaultOnlySelf(address caller);

    /**
     * @notice Deploys the vault in tracker or read mode; the registry's deployer then binds it.
     * @param registry_ The council registry.
     * @param addressBook_ Kaia's AddressBook (0x0000000000000000000000000000000000000400 on Kaia and Kairos).
     * @param trackerMode_ True: members point their CnStaking at this contract. False: read mode.
     * @param stakeUnit_ Effective stake worth one vote, in wei (> 0).
     * @param unbondingPeriod_ Kept for the interface (no bonded stake here), 1 to 30 days.
     * @param withdrawalWindow_ Kept for the interface, 1 to 30 days.
     * @param initialOwner The owner, the council's timelock.
     */
    constructor(
        ICouncilRegistry registry_,
        IKaiaAddressBook addressBook_,
        bool trackerMode_,
        uint256 stakeUnit_,
        uint256 unbondingPeriod_,
        uint256 withdrawalWindow_,
        address initialOwner
    ) StakeVault(registry_, IERC20(address(0)), stakeUnit_, unbondingPeriod_, withdrawalWindow_, initialOwner) {
        if (address(addressBook_).code.length == 0) revert StakeVaultNotAContract(address(addressBook_));
        _ADDRESS_BOOK = addressBook_;
        _TRACKER_MODE = trackerMode_;
    }

    // ---------------------------------------------------------------- linking

    /**
     * @notice Link a CnStaking to a member. Governance (the owner) only. Its stake counts at once.
     * @param memberId The member.
     * @param staking The CnStaking contract.
     */
    function linkStaking(uint256 memberId, address staking) external onlyOwner {
        _link(memberId, staking, true);
    }

    /**
     * @notice Link the CnStaking that Kaia's AddressBook lists for one of the member's consensus nodes. For a
     * member, anyone may call it: the AddressBook and the registry decide, not the caller. For a candidate (its
     * nodes are reserved only at admission, so that it can meet the stake an admission needs): a node it applied
     * with that no member holds, and the caller must be one of the CnStaking's admins.
     * @param memberId The member or candidate.
     * @param node One of its consensus nodes (reserved for a member; listed in a candidate's application).
     * @param staking The CnStaking the AddressBook lists for `node`.
     */
    function linkStakingByAddressBook(uint256 memberId, address node, address staking) external {
        uint256 holder = _registry().memberIdOfNode(node);
        if (holder != memberId) {
            if (holder != 0 || !_appliedWith(memberId, node)) revert KaiaStakeVaultNodeNotOfMember(node, memberId);
            if (!_isStakingAdmin(staking, msg.sender)) revert KaiaStakeVaultNotStakingAdmin(staking, msg.sender);
        }
        address listed;
        try _ADDRESS_BOOK.getCnInfo(node) returns (address, address cnStaking, address) {
            listed = cnStaking;
        } catch {
            revert KaiaStakeVaultNotInAddressBook(node, staking);
        }
        if (listed != staking || staking == address(0)) revert KaiaStakeVaultNotInAddressBook(node, staking);
        _link(memberId, staking, false);
    }

    /**
     * @notice Unlink a CnStaking. Governance (the owner) only. Its stake stops counting at once.
     * @param staking The CnStaking contract.
     */
    function unlinkStaking(address staking) external onlyOwner {
        Link memory link = _links[staking];
        if (link.memberId == 0) revert KaiaStakeVaultNotLinked(staking);
        _unlink(staking, link);
    }

    // ---------------------------------------------------------------- StakingTracker

    /**
     * @notice Record a CnStaking's effective stake now. Anyone may call it; it never reverts, so a CnStakingV3
     * pointing here keeps working. An unlinked contract changes nothing.
     * @dev O(1): one contract, one member. A failed read is reported by {StakeRefreshSkipped}.
     * @param staking The CnStaking contract.
     */
    function refreshStake(address staking) public {
        try this.applyRefresh(staking) {} catch {
            emit StakeRefreshSkipped(staking, false);
        }
    }

    /**
     * @notice A CnStaking's voter changed: voters come from the council registry, so this only refreshes its stake.
     * @param staking The CnStaking contract.
     */
    function refreshVoter(address staking) external {
        refreshStake(staking);
    }

    /**
     * @notice Applies a refresh. Called by {refreshStake} on this contract only (so that a failure is caught).
     * @param staking The CnStaking contract.
     */
    function applyRefresh(address staking) external {
        if (msg.sender != address(this)) revert KaiaStakeVaultOnlySelf(msg.sender);
        Link memory link = _links[staking];
        if (link.memberId == 0) return;
        if (_isFrozen(link.memberId)) {
            emit StakeRefreshSkipped(staking, true);
            return;
        }
        uint256 effective = effectiveStake(staking);
        if (effective == link.recorded) return;
        uint256 memberStake = _stakeOf(link.memberId) - link.recorded + effective;
        _links[staking].recorded = uint192(effective);
        emit StakeRefreshed(staking, link.memberId, effective, memberStake);
        _setStake(link.memberId, memberStake);
    }

    // solhint-disable func-name-mixedcase
    /**
     * @notice The tracker type CnStaking checks.
     * @return "StakingTracker".
     */
    function CONTRACT_TYPE() external pure returns (string memory) {
        return "StakingTracker";
    }

    /**
     * @notice The tracker version CnStaking checks.
     * @return 1.
     */
    function VERSION() external pure returns (uint256) {
        return 1;
    }
    // solhint-enable func-name-mixedcase

    /**
     * @notice Always empty: snapshots are checkpoints, so a CnStaking may switch trackers at any time without
     * changing a vote in progress.
     * @return ids No ids.
     */
    function getLiveTrackerIds() external pure returns (uint256[] memory ids) {
        return ids;
    }

    /**
     * @notice Always zero: voter accounts are the council registry's, not the CnStaking's.
     * @return The zero address.
     */
    function voterToGCId(address) external pure returns (address) {
        return address(0);
    }

    // ---------------------------------------------------------------- views

    /**
     * @notice What a CnStaking counts for now: `balance − unstaking()`, and 0 in tracker mode when it points at
     * another tracker.
     * @param staking The CnStaking contract.
     * @return The effective stake, in wei.
     */
    function effectiveStake(address staking) public view returns (uint256) {
        if (_TRACKER_MODE && ICnStaking(staking).stakingTracker() != address(this)) return 0;
        uint256 balance = staking.balance;
        uint256 unstaking = ICnStaking(staking).unstaking();
        return balance > unstaking ? balance - unstaking : 0;
    }

    /**
     * @notice The member a CnStaking is linked to (0 if none) and its effective stake as last recorded.
     * @param staking The CnStaking contract.
     * @return memberId The member.
     * @return recorded The recorded effective stake, in wei.
     */
    function stakingLink(address staking) external view returns (uint256 memberId, uint256 recorded) {
        Link memory link = _links[staking];
        return (link.memberId, link.recorded);
    }

    /**
     * @notice The `gcId` of a member's linked contracts (0 while none is linked) and how many are linked.
     * @param memberId The member.
     * @return gcId The id.
     * @return count The number of linked contracts.
     */
    function memberStaking(uint256 memberId) external view returns (uint256 gcId, uint256 count) {
        return (_gcIds[memberId], _linkCounts[memberId]);
    }

    /**
     * @notice Whether members point their CnStaking here (tracker mode) or Kaia's tracker stays (read mode).
     * @return True in tracker mode.
     */
    function trackerMode() external view returns (bool) {
        return _TRACKER_MODE;
    }

    /**
     * @notice Kaia's AddressBook this vault checks links against.
     * @return The AddressBook.
     */
    function addressBook() external view returns (address) {
        return address(_ADDRESS_BOOK);
    }

    // ---------------------------------------------------------------- internals

    function _link(uint256 memberId, address staking, bool byGovernance) private {
        if (!_isLive(memberId)) {
            (, , ICouncilRegistry.MemberStatus status) = _registry().memberAccounts(memberId);
            if (status == ICouncilRegistry.MemberStatus.None) revert StakeVaultUnknownMember(memberId);
            revert KaiaStakeVaultMemberLeft(memberId);
        }
        if (staking.code.length == 0) revert StakeVaultNotAContract(staking);
        Link memory previous = _links[staking];
        if (previous.memberId != 0) {
            if (_isLive(previous.memberId)) revert KaiaStakeVaultAlreadyLinked(staking, previous.memberId);
            _unlink(staking, previous);
        }
        uint256 gcId = ICnStaking(staking).gcId();
        uint256 expected = _gcIds[memberId];
        if (_linkCounts[memberId] > 0 && gcId != expected) revert KaiaStakeVaultGcIdMismatch(memberId, expected, gcId);
        _gcIds[memberId] = gcId;
        ++_linkCounts[memberId];
        _links[staking] = Link({memberId: uint64(memberId), recorded: 0});
        emit StakingLinked(memberId, staking, gcId, byGovernance);
        refreshStake(staking);
    }

    function _unlink(address staking, Link memory link) private {
        delete _links[staking];
        if (--_linkCounts[link.memberId] == 0) delete _gcIds[link.memberId];
        emit StakingUnlinked(link.memberId, staking);
        _setStake(link.memberId, _stakeOf(link.memberId) - link.recorded);
    }

    /// @dev Whether `memberId` is a candidate whose application lists `node`. A loop over at most 16 nodes.
    function _appliedWith(uint256 memberId, address node) private view returns (bool) {
        ICouncilRegistry.Member memory m = _registry().getMember(memberId);
        if (m.status != ICouncilRegistry.MemberStatus.Candidate) return false;
        for (uint256 i = 0; i < m.nodes.length; ++i) if (m.nodes[i] == node) return true;
        return false;
    }

    /// @dev Whether `account` is one of the CnStaking's admins (false when the contract cannot say).
    function _isStakingAdmin(address staking, address account) private view returns (bool) {
        try ICnStaking(staking).isAdmin(account) returns (bool admin) {
            return admin;
        } catch {
            return false;
        }
    }

    /// @dev Whether a record still holds its links: an active member or a candidate (one that left does not).
    function _isLive(uint256 memberId) private view returns (bool) {
        (, , ICouncilRegistry.MemberStatus status) = _registry().memberAccounts(memberId);
        return status == ICouncilRegistry.MemberStatus.Active || status == ICouncilRegistry.MemberStatus.Candidate;
    }

    /// @dev The vault holds no member's coin: the recorded stake stays in the CnStaking contracts, and bonding is
    /// refused. So native coin forced in (a self-destructing contract, a block reward, a transfer to the address
    /// before deployment) is owed to no one, and {recoverExcess} sends all of it.
    function _heldStake() internal pure override returns (uint256) {
        return 0;
    }

    /// @dev Stake comes from the CnStaking contracts, so the inherited bonding functions always refuse. The check
    /// reads an immutable (always set) rather than reverting unconditionally, so that the compiler does not flag the
    /// inherited functions' bodies as unreachable code.
    function _requireBonding() internal view override {
        if (_REFUSES_BONDING) revert KaiaStakeVaultBondingDisabled();
    }
}
