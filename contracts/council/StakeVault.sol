// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";
import {GovernedOwnable} from "../access/GovernedOwnable.sol";
import {ICouncilRegistry} from "../interfaces/ICouncilRegistry.sol";
import {IStakeVault} from "../interfaces/IStakeVault.sol";
import {VoteHistogram} from "./VoteHistogram.sol";

/**
 * @title StakeVault
 * @notice Holds the stake that members and candidates bond, and turns it into capped voting power.
 * @dev A member is eligible when it is active in the registry and its stake is at least one stake unit. Its votes
 * are `min(floor(stake / unit), max(1, eligible - 1))`, so no member ever holds more than half of all votes;
 * everyone else has 0. Votes belong to the member's voter account and are read through OpenZeppelin {Votes}'s
 * ERC-5805 and ERC-6372 interface (timestamps), so an unmodified Governor, Tally or Snapshot can read them. Each
 * voter account is self-delegated; delegation cannot be changed here (voters change through the registry).
 *
 * Votes are computed when read, never rewritten: the vault checkpoints each member's stake and registry status, the
 * stake unit, each voter account's member, and (in one trace) the eligible count with the capped total. A member's
 * votes at any timepoint follow from the formula applied to the values in force then. The capped total
 * `Σ min(units_i, cap)` comes from a histogram of the eligible members' units ({VoteHistogram}), so a change of one
 * member costs O(log 255) whatever the council's size; when the cap moves, no other member's record is written and
 * {VoteCapChanged} tells indexers to re-read the capped members. Only a stake unit change (a Constitutional motion)
 * reads every active member once, to rebuild the histogram; it writes no member's record.
 *
 * Assets: the chain's native coin by default, or an ERC-20 chosen at deployment. Stake leaves only through
 * request, unbonding period, then withdrawal within the window; an expired request can be re-staked.
 *
 * The governor, bound once by the deployer, freezes a no-confidence target's stake from the motion's creation to
 * its snapshot: the target cannot change its own eligibility (and so every capped member's votes) around the
 * snapshot. Withdrawing a request made earlier stays possible (it changes no votes). A stake unit change may not
 * leave fewer eligible members than the council's minimum size.
 */
contract StakeVault is IStakeVault, Votes, GovernedOwnable, ReentrancyGuard {
    using Checkpoints for Checkpoints.Trace208;
    using SafeERC20 for IERC20;
    using VoteHistogram for VoteHistogram.Tree;

    /// @notice Shortest unbonding period or withdrawal window, in seconds.
    uint256 public constant MIN_PERIOD = 1 days;
    /// @notice Longest unbonding period or withdrawal window, in seconds.
    uint256 public constant MAX_PERIOD = 30 days;

    struct Position {
        uint128 staked;
        uint128 pending;
        address voter;
    }

    /// @dev The stake unit in force and the timestamp from which it applies (a read at or after it needs no lookup).
    struct UnitState {
        uint208 unit;
        uint48 since;
    }

    ICouncilRegistry private immutable _REGISTRY;
    IERC20 private immutable _TOKEN;
    address private immutable _DEPLOYER;

    address private _governor;
    mapping(uint256 memberId => uint48 until) private _frozenUntil;

    UnitState private _unit;
    Checkpoints.Trace208 private _unitHistory;
    uint48 private _unbondingPeriod;
    uint48 private _withdrawalWindow;
    uint256 private _totalStaked;
    uint256 private _totalPending;

    mapping(uint256 memberId => Position) private _positions;
    mapping(uint256 memberId => UnbondingRequest[]) private _requests;
    /// @dev Per member: `stake << 1 | active`, as last accounted (stake and registry status at each timepoint).
    mapping(uint256 memberId => Checkpoints.Trace208) private _accounts;
    /// @dev Per voter account: the member it votes for at each timepoint (0 when none).
    mapping(address voter => Checkpoints.Trace208) private _voterMember;
    /// @dev Per voter account: `memberId << 1 | current`, the member it is or was the voter of (permanent, as in the
    /// registry) and whether it is that member's voter now (one read answers both for a vote).
    mapping(address voter => uint256 memberAndCurrent) private _memberOfVoter;
    /// @dev `total << 16 | eligibleCount` at each timepoint: the capped vote total and the eligible count.
    Checkpoints.Trace208 private _supply;
    VoteHistogram.Tree private _histogram;

    modifier onlyMemberAdmin(uint256 memberId) {
        (address admin, , ICouncilRegistry.MemberStatus status) = _REGISTRY.memberAccounts(memberId);
        if (status == ICouncilRegistry.MemberStatus.None) revert StakeVaultUnknownMember(memberId);
        if (admin != msg.sender) revert StakeVaultNotMemberAdmin(memberId, msg.sender);
        _;
    }

    /**
     * @notice Deploys the vault; the registry's deployer then binds it.
     * @param registry_ The council registry (which must then bind this vault).
     * @param token_ The staked ERC-20, or the zero address for the chain's native coin.
     * @param stakeUnit_ Stake worth one vote, in the asset's smallest unit (> 0).
     * @param unbondingPeriod_ Seconds between an unstake request and its withdrawal (1 to 30 days).
     * @param withdrawalWindow_ Seconds during which an unbonded request can be withdrawn (1 to 30 days).
     * @param initialOwner The owner, the council's timelock.
     */
    constructor(
        ICouncilRegistry registry_,
        IERC20 token_,
        uint256 stakeUnit_,
        uint256 unbondingPeriod_,
        uint256 withdrawalWindow_,
        address initialOwner
    ) EIP712("GC StakeVault", "1") GovernedOwnable(initialOwner) {
        if (address(registry_) == address(0)) revert StakeVaultZeroAddress();
        if (address(registry_).code.length == 0) revert StakeVaultNotAContract(address(registry_));
        if (address(token_) != address(0) && address(token_).code.length == 0) {
            revert StakeVaultNotAContract(address(token_));
        }
        _REGISTRY = registry_;
        _TOKEN = token_;
        _DEPLOYER = msg.sender;
        _setStakeUnit(stakeUnit_);
        _setUnbondingPeriod(unbondingPeriod_);
        _setWithdrawalWindow(withdrawalWindow_);
    }

    // ---------------------------------------------------------------- staking

    /**
     * @notice Bond `amount` for the member whose admin is the caller.
     * @dev Native mode: send exactly `amount` as value. ERC-20 mode: approve first and send no value.
     * @param amount Amount to bond, in the asset's smallest unit.
     */
    function stake(uint256 amount) external payable nonReentrant {
        _requireBonding();
        uint256 memberId = _REGISTRY.memberIdOfAdmin(msg.sender);
        if (memberId == 0) revert StakeVaultCallerNotAdmin(msg.sender);
        _stakeFor(memberId, amount);
    }

    /**
     * @notice Bond `amount` for `memberId`. Anyone may add stake; it belongs to the member's admin.
     * @dev Accepted for candidates and active members only, once the registry has bound this vault (before that,
     * the registry would not report voter changes). Voting power changes at once (and is checkpointed at
     * this timestamp, so it counts only for snapshots taken after it).
     * @param memberId The member or candidate to stake for.
     * @param amount Amount to bond, in the asset's smallest unit.
     */
    function stakeFor(uint256 memberId, uint256 amount) external payable nonReentrant {
        _requireBonding();
        _stakeFor(memberId, amount);
    }

    /**
     * @notice Start unbonding `amount` of the member's stake. Voting power drops now.
     * @dev The admin only; allowed in any status, so removed and resigned members recover their stake.
     * @param memberId The member's id.
     * @param amount Amount to unbond.
     * @return requestId The request's index for {withdraw} or {restake}.
     */
    function requestUnstake(
        uint256 memberId,
        uint256 amount
    ) external nonReentrant onlyMemberAdmin(memberId) returns (uint256 requestId) {
        _requireBonding();
        if (amount == 0) revert StakeVaultZeroAmount();
        _requireNotFrozen(memberId);
        Position storage p = _positions[memberId];
        if (amount > p.staked) revert StakeVaultInsufficientStake(memberId, amount, p.staked);

        uint48 unlocksAt = Time.timestamp() + _unbondingPeriod;
        uint48 expiresAt = unlocksAt + _withdrawalWindow;
        p.staked -= uint128(amount);
        p.pending += uint128(amount);
        _totalStaked -= amount;
        _totalPending += amount;
        requestId = _requests[memberId].length;
        _requests[memberId].push(
            UnbondingRequest({amount: uint128(amount), unlocksAt: unlocksAt, expiresAt: expiresAt, settled: false})
        );
        emit UnstakeRequested(memberId, requestId, amount, unlocksAt, expiresAt);
        _sync(memberId);
    }

    /**
     * @notice Withdraw an unbonded request to `to`, between its unlock time and its expiry.
     * @param memberId The member's id (the caller must be its admin).
     * @param requestId The request's index.
     * @param to The recipient.
     */
    function withdraw(uint256 memberId, uint256 requestId, address to) external nonReentrant onlyMemberAdmin(memberId) {
        _checkRecipient(to);
        UnbondingRequest storage r = _openRequest(memberId, requestId);
        if (Time.timestamp() < r.unlocksAt) revert StakeVaultRequestLocked(memberId, requestId, r.unlocksAt);
        if (Time.timestamp() >= r.expiresAt) revert StakeVaultRequestExpired(memberId, requestId, r.expiresAt);

        uint256 amount = r.amount;
        r.settled = true;
        _positions[memberId].pending -= uint128(amount);
        _totalPending -= amount;
        emit Withdrawn(memberId, requestId, to, amount);
        _send(to, amount);
    }

    /**
     * @notice Put a pending or expired unbonding request back into the member's stake.
     * @dev The admin only, in any status: an expired request of a removed member is re-staked, then requested again.
     * @param memberId The member's id.
     * @param requestId The request's index.
     */
    function restake(uint256 memberId, uint256 requestId) external nonReentrant onlyMemberAdmin(memberId) {
        _requireBonding();
        _requireNotFrozen(memberId);
        UnbondingRequest storage r = _openRequest(memberId, requestId);
        uint256 amount = r.amount;
        r.settled = true;
        Position storage p = _positions[memberId];
        p.pending -= uint128(amount);
        p.staked += uint128(amount);
        _totalPending -= amount;
        _totalStaked += amount;
        emit Restaked(memberId, requestId, amount);
        _sync(memberId);
    }

    /// @inheritdoc IStakeVault
    function freezeStake(uint256 memberId, uint256 until) external {
        if (msg.sender != _governor || msg.sender == address(0)) revert StakeVaultOnlyGovernor(msg.sender);
        if (until > _frozenUntil[memberId]) {
            _frozenUntil[memberId] = SafeCast.toUint48(until);
            emit StakeFrozen(memberId, until);
        }
    }

    /**
     * @notice Bind the governor that may freeze a no-confidence target's stake. The deployer only, exactly once.
     * @param governor_ The governor; it must read its votes from this vault.
     */
    function bindGovernor(address governor_) external {
        if (msg.sender != _DEPLOYER || _governor != address(0)) revert StakeVaultGovernorBindingClosed();
        if (governor_.code.length == 0) revert StakeVaultNotAContract(governor_);
        _governor = governor_;
        emit GovernorBound(governor_);
    }

    /// @inheritdoc IStakeVault
    function onMemberUpdated(uint256 memberId) external {
        if (msg.sender != address(_REGISTRY)) revert StakeVaultOnlyRegistry(msg.sender);
        _sync(memberId);
    }

    // ---------------------------------------------------------------- governance

    /**
     * @notice Set the stake worth one vote. Governance (the owner) only; every member's votes follow at once.
     * @dev Refused when it would take the eligible count below the registry's minimum council size (a unit no
     * member reaches would leave nobody able to vote, and governance bricked). Reads each active member once (at
     * most 255) to rebuild the histogram and emit the changed votes; writes no member's record.
     * @param newUnit The new unit, in the asset's smallest unit (> 0).
     */
    function setStakeUnit(uint256 newUnit) external onlyOwner {
        (uint256 oldTotal, uint256 before) = _latestSupply();
        uint256 oldUnit = _unit.unit;
        _setStakeUnit(newUnit);
        uint256[] memory ids = _REGISTRY.activeMemberIds();
        uint256[32] memory tree;
        uint256 eligible;
        uint256[] memory oldUnits = new uint256[](ids.length);
        uint256[] memory newUnits = new uint256[](ids.length);
        for (uint256 i = 0; i < ids.length; ++i) {
            (uint256 staked, bool active) = _accountOf(ids[i]);
            if (!active) continue;
            oldUnits[i] = _unitsOf(staked, oldUnit);
            newUnits[i] = _unitsOf(staked, newUnit);
            if (newUnits[i] > 0) {
                ++eligible;
                VoteHistogram.updateMemory(tree, newUnits[i]);
            }
        }
        uint256 minMembers = _REGISTRY.minMembers();
        if (eligible < before && eligible < minMembers) revert StakeVaultTooFewEligible(eligible, minMembers);
        _histogram.store(tree);
        uint256 oldCap = _voteCap(before);
        uint256 cap = _voteCap(eligible);
        _pushSupply(oldTotal, before, _histogram.cappedTotal(cap, eligible), eligible);
        if (cap != oldCap) emit VoteCapChanged(cap, eligible);
        for (uint256 i = 0; i < ids.length; ++i) {
            if ((oldUnits[i] > 0) != (newUnits[i] > 0)) emit EligibilityChanged(ids[i], newUnits[i] > 0, eligible);
            _emitVotes(ids[i], _positions[ids[i]].voter, _capped(oldUnits[i], oldCap), _capped(newUnits[i], cap));
        }
    }

    /**
     * @notice Set the unbonding period for future requests. Governance (the owner) only.
     * @param newPeriod Seconds, 1 to 30 days.
     */
    function setUnbondingPeriod(uint256 newPeriod) external onlyOwner {
        _setUnbondingPeriod(newPeriod);
    }

    /**
     * @notice Set the withdrawal window for future requests. Governance (the owner) only.
     * @param newWindow Seconds, 1 to 30 days.
     */
    function setWithdrawalWindow(uint256 newWindow) external onlyOwner {
        _setWithdrawalWindow(newWindow);
    }

    /**
     * @notice Send to `to` what the vault holds beyond all stake and pending withdrawals: native coin forced in
     * without a call, the stake token sent without staking, or any other token. Governance (the owner) only.
     * @param token The asset: the zero address for the native coin.
     * @param to The recipient (normally the Improvement Reserve).
     */
    function recoverExcess(address token, address to) external onlyOwner nonReentrant {
        _checkRecipient(to);
        uint256 balance = token == address(0) ? address(this).balance : IERC20(token).balanceOf(address(this));
        uint256 owed = token == address(_TOKEN) ? _heldStake() : 0;
        if (balance <= owed) revert StakeVaultNothingToRecover(token);
        uint256 amount = balance - owed;
        emit ExcessRecovered(token, to, amount);
        if (token == address(0)) {
            Address.sendValue(payable(to), amount);
        } else {
            IERC20(token).safeTransfer(to, amount);
        }
    }

    // ---------------------------------------------------------------- ERC-5805 / ERC-6372

    /**
     * @notice Always reverts: votes follow the voter account set in the registry.
     */
    function delegate(address) public pure override {
        revert StakeVaultDelegationFixed();
    }

    /**
     * @notice Always reverts: votes follow the voter account set in the registry.
     */
    function delegateBySig(address, uint256, uint256, uint8, bytes32, bytes32) public pure override {
        revert StakeVaultDelegationFixed();
    }

    /**
     * @notice ERC-6372 clock: votes are checkpointed by block timestamp.
     * @return The current timestamp as uint48.
     */
    function clock() public view override returns (uint48) {
        return Time.timestamp();
    }

    // solhint-disable func-name-mixedcase
    /**
     * @notice ERC-6372 clock mode.
     * @return "mode=timestamp".
     */
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }
    // solhint-enable func-name-mixedcase

    // ---------------------------------------------------------------- views

    /**
     * @notice The governor that may freeze a no-confidence target's stake (zero until bound).
     * @return The governor.
     */
    function governor() external view returns (address) {
        return _governor;
    }

    /**
     * @notice Until when (inclusive, timestamp) a member's stake is frozen; a past time when it is not.
     * @param memberId The member.
     * @return The end of the freeze.
     */
    function frozenUntil(uint256 memberId) external view returns (uint256) {
        return _frozenUntil[memberId];
    }

    /// @inheritdoc IStakeVault
    function registry() external view returns (address) {
        return address(_REGISTRY);
    }

    /**
     * @notice The staked asset: an ERC-20, or the zero address for the native coin.
     * @return The asset.
     */
    function stakeToken() external view returns (address) {
        return address(_TOKEN);
    }

    /// @inheritdoc IStakeVault
    function stakeUnit() external view returns (uint256) {
        return _unit.unit;
    }

    /**
     * @notice Seconds from an unstake request until it can be withdrawn.
     * @return The period.
     */
    function unbondingPeriod() external view returns (uint256) {
        return _unbondingPeriod;
    }

    /**
     * @notice Seconds during which an unbonded request can be withdrawn before it expires.
     * @return The window.
     */
    function withdrawalWindow() external view returns (uint256) {
        return _withdrawalWindow;
    }

    /// @inheritdoc IStakeVault
    function stakeOf(uint256 memberId) external view returns (uint256) {
        return _positions[memberId].staked;
    }

    /**
     * @notice A member's stake in open unbonding requests (no votes; withdrawable once unlocked).
     * @param memberId The member's id.
     * @return The pending amount.
     */
    function pendingOf(uint256 memberId) external view returns (uint256) {
        return _positions[memberId].pending;
    }

    /**
     * @notice A member's current votes.
     * @param memberId The member's id.
     * @return The votes.
     */
    function memberVotes(uint256 memberId) external view returns (uint256) {
        return _currentVotes(memberId);
    }

    /// @inheritdoc IStakeVault
    function getPastMemberVotes(uint256 memberId, uint256 timepoint) external view returns (uint256) {
        return _pastVotes(memberId, _validateTimepoint(timepoint));
    }

    /**
     * @notice Whether a member is eligible now (active, with at least one stake unit).
     * @param memberId The member's id.
     * @return True when eligible.
     */
    function isEligible(uint256 memberId) external view returns (bool) {
        (uint256 staked, bool active) = _accountOf(memberId);
        return active && staked >= _unit.unit;
    }

    /**
     * @notice The number of eligible members now.
     * @return The count.
     */
    function eligibleCount() external view returns (uint256) {
        (, uint256 eligible) = _latestSupply();
        return eligible;
    }

    /// @inheritdoc IStakeVault
    function getPastEligibleCount(uint256 timepoint) external view returns (uint256) {
        return uint16(_latestFirst(_supply, _validateTimepoint(timepoint)));
    }

    /**
     * @notice The ids of the eligible members, in the registry's order of active members.
     * @dev A view for clients: it reads every active member.
     * @return ids The ids.
     */
    function eligibleMemberIds() external view returns (uint256[] memory ids) {
        uint256[] memory active = _REGISTRY.activeMemberIds();
        (, uint256 eligible) = _latestSupply();
        ids = new uint256[](eligible);
        uint256 unit = _unit.unit;
        uint256 n;
        for (uint256 i = 0; i < active.length; ++i) {
            (uint256 staked, bool isActive) = _accountOf(active[i]);
            if (isActive && staked >= unit) ids[n++] = active[i];
        }
    }

    /**
     * @notice The most votes any member may hold now: max(1, eligible - 1).
     * @return The cap.
     */
    function voteCap() external view returns (uint256) {
        (, uint256 eligible) = _latestSupply();
        return _voteCap(eligible);
    }

    /**
     * @notice Current votes of a voter account: those of the member it votes for.
     * @param account The voter account.
     * @return The votes.
     */
    function getVotes(address account) public view override returns (uint256) {
        return _currentVotes(_voterMember[account].latest());
    }

    /**
     * @notice Votes of a voter account at a past timepoint: those of the member whose voter it was then.
     * @param account The voter account.
     * @param timepoint A past timestamp.
     * @return The votes.
     */
    function getPastVotes(address account, uint256 timepoint) public view override returns (uint256) {
        uint48 t = _validateTimepoint(timepoint);
        return _pastVotes(_latestFirst(_voterMember[account], t), t);
    }

    /// @inheritdoc IStakeVault
    function memberOfVoter(address account) external view returns (uint256) {
        return _memberOfVoter[account] >> 1;
    }

    /// @inheritdoc IStakeVault
    function getPastVotesOfCurrentVoter(
        address account,
        uint256 timepoint
    ) external view returns (uint256 votes, uint256 memberId) {
        uint48 t = _validateTimepoint(timepoint);
        uint256 record = _memberOfVoter[account];
        memberId = record >> 1;
        if (record & 1 == 0 || _accounts[memberId].latest() & 1 == 0) return (0, memberId);
        votes = _pastVotes(memberId, t);
    }

    /**
     * @notice The capped total of all members' votes at a past timepoint.
     * @param timepoint A past timestamp.
     * @return The total.
     */
    function getPastTotalSupply(uint256 timepoint) public view override returns (uint256) {
        return _latestFirst(_supply, _validateTimepoint(timepoint)) >> 16;
    }

    /**
     * @notice The current total of all members' votes.
     * @return The total.
     */
    function totalVotes() external view returns (uint256) {
        return _getTotalSupply();
    }

    /**
     * @notice Total bonded stake across all members.
     * @return The total.
     */
    function totalStaked() external view returns (uint256) {
        return _totalStaked;
    }

    /**
     * @notice Total stake in open unbonding requests across all members.
     * @return The total.
     */
    function totalPending() external view returns (uint256) {
        return _totalPending;
    }

    /**
     * @notice How many unbonding requests a member has made.
     * @param memberId The member's id.
     * @return The count.
     */
    function unbondingRequestCount(uint256 memberId) external view returns (uint256) {
        return _requests[memberId].length;
    }

    /**
     * @notice One unbonding request.
     * @param memberId The member's id.
     * @param requestId The request's index.
     * @return The request.
     */
    function unbondingRequest(uint256 memberId, uint256 requestId) external view returns (UnbondingRequest memory) {
        if (requestId >= _requests[memberId].length) revert StakeVaultUnknownRequest(memberId, requestId);
        return _requests[memberId][requestId];
    }

    // ---------------------------------------------------------------- internals

    /// @dev Hook for a stake source that bonds nothing here (Kaia's CnStaking): it refuses the bonding entry points.
    function _requireBonding() internal view virtual {}

    /// @dev What the vault holds for its members in the stake asset: bonded stake and open unbonding requests.
    /// {recoverExcess} never sends it. A stake source that holds nothing here (Kaia's CnStaking) returns 0.
    function _heldStake() internal view virtual returns (uint256) {
        return _totalStaked + _totalPending;
    }

    /// @dev Sets a member's stake from another source (a Kaia CnStaking refresh) and accounts its votes.
    function _setStake(uint256 memberId, uint256 newStake) internal {
        Position storage p = _positions[memberId];
        _totalStaked = _totalStaked - p.staked + newStake;
        p.staked = SafeCast.toUint128(newStake);
        _sync(memberId);
    }

    /// @dev The registry this vault reads membership from.
    function _registry() internal view returns (ICouncilRegistry) {
        return _REGISTRY;
    }

    /// @dev A member's stake as last recorded.
    function _stakeOf(uint256 memberId) internal view returns (uint256) {
        return _positions[memberId].staked;
    }

    /// @dev Whether a no-confidence motion freezes the member's stake now.
    function _isFrozen(uint256 memberId) internal view returns (bool) {
        return block.timestamp <= _frozenUntil[memberId];
    }

    function _stakeFor(uint256 memberId, uint256 amount) private {
        if (amount == 0) revert StakeVaultZeroAmount();
        _requireNotFrozen(memberId);
        (, , ICouncilRegistry.MemberStatus status) = _REGISTRY.memberAccounts(memberId);
        if (status == ICouncilRegistry.MemberStatus.None) revert StakeVaultUnknownMember(memberId);
        if (status != ICouncilRegistry.MemberStatus.Active && status != ICouncilRegistry.MemberStatus.Candidate) {
            revert StakeVaultMemberNotStakeable(memberId, uint8(status));
        }
        if (_REGISTRY.stakeVault() != address(this)) revert StakeVaultNotBound();
        uint256 received = _receive(amount);
        Position storage p = _positions[memberId];
        uint128 newStake = SafeCast.toUint128(uint256(p.staked) + received);
        p.staked = newStake;
        _totalStaked += received;
        emit Staked(memberId, msg.sender, received, newStake);
        _sync(memberId);
    }

    function _receive(uint256 amount) private returns (uint256 received) {
        if (address(_TOKEN) == address(0)) {
            if (msg.value != amount) revert StakeVaultWrongValue(amount, msg.value);
            return amount;
        }
        if (msg.value != 0) revert StakeVaultWrongValue(0, msg.value);
        uint256 before = _TOKEN.balanceOf(address(this));
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
        received = _TOKEN.balanceOf(address(this)) - before;
        if (received == 0) revert StakeVaultZeroAmount();
    }

    function _send(address to, uint256 amount) private {
        if (address(_TOKEN) == address(0)) {
            Address.sendValue(payable(to), amount);
        } else {
            _TOKEN.safeTransfer(to, amount);
        }
    }

    function _openRequest(uint256 memberId, uint256 requestId) private view returns (UnbondingRequest storage r) {
        if (requestId >= _requests[memberId].length) revert StakeVaultUnknownRequest(memberId, requestId);
        r = _requests[memberId][requestId];
        if (r.settled) revert StakeVaultRequestSettled(memberId, requestId);
    }

    /// @dev Brings one member's voter, status and stake in line with the registry and its position, and updates the
    /// histogram, the eligible count and the capped total. O(log 255): no other member is touched.
    function _sync(uint256 memberId) private {
        (, address voter, ICouncilRegistry.MemberStatus status) = _REGISTRY.memberAccounts(memberId);
        Position storage p = _positions[memberId];
        (uint256 oldVotes, uint256 newVotes) = _account(
            memberId,
            status == ICouncilRegistry.MemberStatus.Active,
            p.staked
        );
        address oldVoter = p.voter;
        if (voter != oldVoter && voter != address(0)) {
            p.voter = voter;
            uint48 now_ = clock();
            if (oldVoter != address(0)) {
                _voterMember[oldVoter].push(now_, 0);
                _memberOfVoter[oldVoter] = memberId << 1;
            }
            _voterMember[voter].push(now_, uint208(memberId));
            _memberOfVoter[voter] = (memberId << 1) | 1;
            if (delegates(voter) != voter) _delegate(voter, voter);
            if (oldVotes > 0) emit DelegateVotesChanged(oldVoter, oldVotes, 0);
            if (newVotes > 0) emit DelegateVotesChanged(voter, 0, newVotes);
            if (oldVotes != newVotes) emit MemberVotesUpdated(memberId, voter, oldVotes, newVotes);
        } else {
            _emitVotes(memberId, oldVoter, oldVotes, newVotes);
        }
    }

    /// @dev Records a member's new stake and status; returns its votes before and after.
    function _account(
        uint256 memberId,
        bool active,
        uint256 newStake
    ) private returns (uint256 oldVotes, uint256 newVotes) {
        (uint256 oldStake, bool wasActive) = _accountOf(memberId);
        if (newStake != oldStake || active != wasActive) {
            _accounts[memberId].push(clock(), uint208((newStake << 1) | (active ? 1 : 0)));
        }
        uint256 unit = _unit.unit;
        uint256 oldUnits = wasActive ? _unitsOf(oldStake, unit) : 0;
        uint256 newUnits = active ? _unitsOf(newStake, unit) : 0;
        (, uint256 eligible) = _latestSupply();
        uint256 oldCap = _voteCap(eligible);
        uint256 cap = newUnits == oldUnits ? oldCap : _moveUnits(memberId, oldUnits, newUnits);
        return (_capped(oldUnits, oldCap), _capped(newUnits, cap));
    }

    /// @dev Moves a member from `oldUnits` to `newUnits` (0: not eligible) in the histogram, the eligible count and
    /// the capped total; returns the cap after.
    function _moveUnits(uint256 memberId, uint256 oldUnits, uint256 newUnits) private returns (uint256 cap) {
        if (oldUnits > 0) _histogram.update(_clampUnits(oldUnits), false);
        if (newUnits > 0) _histogram.update(_clampUnits(newUnits), true);
        (uint256 oldTotal, uint256 oldEligible) = _latestSupply();
        uint256 eligible = oldEligible;
        cap = _voteCap(oldEligible);
        if ((oldUnits > 0) != (newUnits > 0)) {
            eligible = newUnits > 0 ? oldEligible + 1 : oldEligible - 1;
            emit EligibilityChanged(memberId, newUnits > 0, eligible);
            uint256 newCap = _voteCap(eligible);
            if (newCap != cap) {
                cap = newCap;
                emit VoteCapChanged(cap, eligible);
            }
        }
        _pushSupply(oldTotal, oldEligible, _histogram.cappedTotal(cap, eligible), eligible);
    }

    /// @dev Pushes the capped total and the eligible count when either changed.
    function _pushSupply(uint256 oldTotal, uint256 oldEligible, uint256 total, uint256 eligible) private {
        if (total != oldTotal || eligible != oldEligible) _supply.push(clock(), uint208((total << 16) | eligible));
    }

    /// @dev The events of one member whose own votes changed (its voter's ERC-5805 balance and the member's record).
    function _emitVotes(uint256 memberId, address voter, uint256 oldVotes, uint256 newVotes) private {
        if (oldVotes == newVotes) return;
        emit DelegateVotesChanged(voter, oldVotes, newVotes);
        emit MemberVotesUpdated(memberId, voter, oldVotes, newVotes);
    }

    /// @dev A member's votes now.
    function _currentVotes(uint256 memberId) private view returns (uint256) {
        if (memberId == 0) return 0;
        (uint256 staked, bool active) = _accountOf(memberId);
        if (!active) return 0;
        (, uint256 eligible) = _latestSupply();
        return _capped(_unitsOf(staked, _unit.unit), _voteCap(eligible));
    }

    /// @dev A member's votes at past timepoint `t`: the formula applied to its stake and status, the stake unit and
    /// the eligible count in force at `t`.
    function _pastVotes(uint256 memberId, uint48 t) private view returns (uint256) {
        if (memberId == 0) return 0;
        uint256 account = _latestFirst(_accounts[memberId], t);
        if (account & 1 == 0) return 0;
        UnitState memory u = _unit;
        uint256 unit = t >= u.since ? u.unit : _unitHistory.upperLookupRecent(t);
        return _capped(_unitsOf(account >> 1, unit), _voteCap(uint16(_latestFirst(_supply, t))));
    }

    /// @dev The value of `trace` at `t`, trying the latest checkpoint first (most reads are of a recent snapshot).
    function _latestFirst(Checkpoints.Trace208 storage trace, uint48 t) private view returns (uint256) {
        (bool exists, uint48 key, uint208 value) = trace.latestCheckpoint();
        if (!exists) return 0;
        return key <= t ? value : trace.upperLookupRecent(t);
    }

    /// @dev A member's stake and registry status as last accounted.
    function _accountOf(uint256 memberId) private view returns (uint256 staked, bool active) {
        uint256 account = _accounts[memberId].latest();
        return (account >> 1, account & 1 == 1);
    }

    /// @dev The capped total and the eligible count now.
    function _latestSupply() private view returns (uint256 total, uint256 eligible) {
        uint256 supply = _supply.latest();
        return (supply >> 16, uint16(supply));
    }

    function _getTotalSupply() internal view override returns (uint256 total) {
        (total, ) = _latestSupply();
    }

    function _setStakeUnit(uint256 newUnit) private {
        if (newUnit == 0 || newUnit > type(uint208).max) revert StakeVaultInvalidStakeUnit(newUnit);
        uint48 now_ = clock();
        emit StakeUnitUpdated(_unit.unit, newUnit);
        _unit = UnitState({unit: uint208(newUnit), since: now_});
        _unitHistory.push(now_, uint208(newUnit));
    }

    function _setUnbondingPeriod(uint256 newPeriod) private {
        _checkPeriod(newPeriod);
        emit UnbondingPeriodUpdated(_unbondingPeriod, newPeriod);
        _unbondingPeriod = uint48(newPeriod);
    }

    function _setWithdrawalWindow(uint256 newWindow) private {
        _checkPeriod(newWindow);
        emit WithdrawalWindowUpdated(_withdrawalWindow, newWindow);
        _withdrawalWindow = uint48(newWindow);
    }

    function _requireNotFrozen(uint256 memberId) private view {
        uint256 until = _frozenUntil[memberId];
        if (block.timestamp <= until) revert StakeVaultStakeFrozen(memberId, until);
    }

    function _checkRecipient(address to) private view {
        if (to == address(0) || to == address(this)) revert StakeVaultInvalidRecipient(to);
    }

    /// @dev Votes are computed from the member records, never delegated: a voter account has no units to move.
    function _getVotingUnits(address) internal pure override returns (uint256) {
        return 0;
    }

    /// @dev Whole stake units, 0 below one unit.
    function _unitsOf(uint256 staked, uint256 unit) private pure returns (uint256) {
        return staked / unit;
    }

    /// @dev The histogram records at most 255 units (the cap never exceeds 254, so votes are unchanged).
    function _clampUnits(uint256 units) private pure returns (uint256) {
        return units > VoteHistogram.MAX_UNITS ? VoteHistogram.MAX_UNITS : units;
    }

    /// @dev Votes of a member with `units` units (0 when not eligible) under `cap`.
    function _capped(uint256 units, uint256 cap) private pure returns (uint256) {
        return units < cap ? units : cap;
    }

    function _voteCap(uint256 eligibleMembers) private pure returns (uint256) {
        return eligibleMembers > 2 ? eligibleMembers - 1 : 1;
    }

    function _checkPeriod(uint256 value) private pure {
        if (value < MIN_PERIOD || value > MAX_PERIOD) revert StakeVaultInvalidPeriod(value, MIN_PERIOD, MAX_PERIOD);
    }
}
