// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";
import {GovernedOwnable} from "../access/GovernedOwnable.sol";
import {ICouncilRegistry} from "../interfaces/ICouncilRegistry.sol";
import {IStakeVault} from "../interfaces/IStakeVault.sol";

/**
 * @title StakeVault
 * @notice Holds the stake that members and candidates bond, and turns it into capped voting power.
 * @dev A member is eligible when it is active in the registry and its stake is at least one stake unit. Its votes
 * are `min(floor(stake / unit), max(1, eligible - 1))`, so no member ever holds more than half of all votes;
 * everyone else has 0. Votes belong to the member's voter account and are checkpointed by timestamp through
 * OpenZeppelin {Votes} (ERC-5805, ERC-6372), so an unmodified Governor, Tally or Snapshot can read them. Each voter
 * account is self-delegated; delegation cannot be changed here (voters change through the registry, two-step).
 *
 * The eligible count and each member's votes are also checkpointed, for count-based quorum and for motions that
 * must exclude a member. Only a change in the eligible count (which moves the cap) loops over members, bounded by
 * the registry's maximum council size.
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
    using EnumerableSet for EnumerableSet.UintSet;
    using SafeERC20 for IERC20;

    /// @notice Shortest unbonding period or withdrawal window, in seconds.
    uint256 public constant MIN_PERIOD = 1 days;
    /// @notice Longest unbonding period or withdrawal window, in seconds.
    uint256 public constant MAX_PERIOD = 30 days;

    struct Position {
        uint128 staked;
        uint128 pending;
        address voter;
        uint32 votes;
    }

    ICouncilRegistry private immutable _REGISTRY;
    IERC20 private immutable _TOKEN;
    address private immutable _DEPLOYER;

    address private _governor;
    mapping(uint256 memberId => uint48 until) private _frozenUntil;

    uint256 private _stakeUnit;
    uint48 private _unbondingPeriod;
    uint48 private _withdrawalWindow;
    uint256 private _totalStaked;
    uint256 private _totalPending;

    mapping(uint256 memberId => Position) private _positions;
    mapping(uint256 memberId => UnbondingRequest[]) private _requests;
    mapping(uint256 memberId => Checkpoints.Trace208) private _memberVotes;
    mapping(address voter => uint256) private _votingUnits;
    EnumerableSet.UintSet private _eligible;
    Checkpoints.Trace208 private _eligibleCount;

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
     * @notice Set the stake worth one vote. Governance (the owner) only; recomputes every active member's votes.
     * @dev Refused when it would take the eligible count below the registry's minimum council size (a unit no
     * member reaches would leave nobody able to vote, and governance bricked).
     * @param newUnit The new unit, in the asset's smallest unit (> 0).
     */
    function setStakeUnit(uint256 newUnit) external onlyOwner {
        uint256 before = _eligible.length();
        _setStakeUnit(newUnit);
        _resyncAll();
        uint256 eligible = _eligible.length();
        uint256 minMembers = _REGISTRY.minMembers();
        if (eligible < before && eligible < minMembers) revert StakeVaultTooFewEligible(eligible, minMembers);
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
        uint256 owed = token == address(_TOKEN) ? _totalStaked + _totalPending : 0;
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
        return _stakeUnit;
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
        return _positions[memberId].votes;
    }

    /// @inheritdoc IStakeVault
    function getPastMemberVotes(uint256 memberId, uint256 timepoint) external view returns (uint256) {
        return _memberVotes[memberId].upperLookupRecent(_validateTimepoint(timepoint));
    }

    /**
     * @notice Whether a member is eligible now (active, with at least one stake unit).
     * @param memberId The member's id.
     * @return True when eligible.
     */
    function isEligible(uint256 memberId) external view returns (bool) {
        return _eligible.contains(memberId);
    }

    /**
     * @notice The number of eligible members now.
     * @return The count.
     */
    function eligibleCount() external view returns (uint256) {
        return _eligible.length();
    }

    /// @inheritdoc IStakeVault
    function getPastEligibleCount(uint256 timepoint) external view returns (uint256) {
        return _eligibleCount.upperLookupRecent(_validateTimepoint(timepoint));
    }

    /**
     * @notice The ids of the eligible members, in no particular order.
     * @return The ids.
     */
    function eligibleMemberIds() external view returns (uint256[] memory) {
        return _eligible.values();
    }

    /**
     * @notice The most votes any member may hold now: max(1, eligible - 1).
     * @return The cap.
     */
    function voteCap() external view returns (uint256) {
        return _voteCap(_eligible.length());
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

    /// @dev Brings one member's voter, eligibility and votes in line with the registry and its stake.
    function _sync(uint256 memberId) private {
        (, address voter, ICouncilRegistry.MemberStatus status) = _REGISTRY.memberAccounts(memberId);
        Position storage p = _positions[memberId];
        if (voter != p.voter && voter != address(0)) _moveVoter(p, voter);

        bool eligible = status == ICouncilRegistry.MemberStatus.Active && p.staked >= _stakeUnit;
        uint256 cap = _voteCap(_eligible.length());
        if (eligible != _eligible.contains(memberId)) {
            if (eligible) {
                _eligible.add(memberId);
            } else {
                _eligible.remove(memberId);
            }
            uint256 count = _eligible.length();
            _eligibleCount.push(clock(), uint208(count));
            emit EligibilityChanged(memberId, eligible, count);
            uint256 newCap = _voteCap(count);
            if (newCap != cap) {
                cap = newCap;
                _applyCap(cap);
            }
        }
        _setVotes(memberId, p, eligible ? Math.min(p.staked / _stakeUnit, cap) : 0);
    }

    /// @dev Recomputes every active member's eligibility and votes (after a stake unit change).
    function _resyncAll() private {
        uint256[] memory ids = _REGISTRY.activeMemberIds();
        uint256 unit = _stakeUnit;
        uint256 before = _eligible.length();
        bool[] memory changed = new bool[](ids.length);
        for (uint256 i = 0; i < ids.length; ++i) {
            changed[i] = _positions[ids[i]].staked >= unit ? _eligible.add(ids[i]) : _eligible.remove(ids[i]);
        }
        uint256 count = _eligible.length();
        if (count != before) _eligibleCount.push(clock(), uint208(count));
        uint256 cap = _voteCap(count);
        for (uint256 i = 0; i < ids.length; ++i) {
            Position storage p = _positions[ids[i]];
            bool eligible = p.staked >= unit;
            if (changed[i]) emit EligibilityChanged(ids[i], eligible, count);
            _setVotes(ids[i], p, eligible ? Math.min(p.staked / unit, cap) : 0);
        }
    }

    /// @dev Applies a new cap to every eligible member. The one loop over members, bounded by the council size.
    function _applyCap(uint256 cap) private {
        uint256[] memory ids = _eligible.values();
        uint256 unit = _stakeUnit;
        for (uint256 i = 0; i < ids.length; ++i) {
            Position storage p = _positions[ids[i]];
            _setVotes(ids[i], p, Math.min(p.staked / unit, cap));
        }
    }

    function _setVotes(uint256 memberId, Position storage p, uint256 newVotes) private {
        uint256 previous = p.votes;
        if (previous == newVotes) return;
        address voter = p.voter;
        p.votes = uint32(newVotes);
        if (newVotes > previous) {
            _votingUnits[voter] += newVotes - previous;
            _transferVotingUnits(address(0), voter, newVotes - previous);
        } else {
            _votingUnits[voter] -= previous - newVotes;
            _transferVotingUnits(voter, address(0), previous - newVotes);
        }
        _memberVotes[memberId].push(clock(), uint208(newVotes));
        emit MemberVotesUpdated(memberId, voter, previous, newVotes);
    }

    /// @dev Moves a member's votes to its new voter account, which delegates to itself.
    function _moveVoter(Position storage p, address newVoter) private {
        address previous = p.voter;
        p.voter = newVoter;
        if (delegates(newVoter) != newVoter) _delegate(newVoter, newVoter);
        uint256 units = p.votes;
        if (units > 0) {
            _votingUnits[previous] -= units;
            _votingUnits[newVoter] += units;
            _transferVotingUnits(previous, newVoter, units);
        }
    }

    function _setStakeUnit(uint256 newUnit) private {
        if (newUnit == 0) revert StakeVaultInvalidStakeUnit(newUnit);
        emit StakeUnitUpdated(_stakeUnit, newUnit);
        _stakeUnit = newUnit;
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

    function _getVotingUnits(address account) internal view override returns (uint256) {
        return _votingUnits[account];
    }

    function _voteCap(uint256 eligibleMembers) private pure returns (uint256) {
        return eligibleMembers > 2 ? eligibleMembers - 1 : 1;
    }

    function _checkPeriod(uint256 value) private pure {
        if (value < MIN_PERIOD || value > MAX_PERIOD) revert StakeVaultInvalidPeriod(value, MIN_PERIOD, MAX_PERIOD);
    }
}
