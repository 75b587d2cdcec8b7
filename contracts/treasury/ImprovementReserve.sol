// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {ERC721Holder} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Holder.sol";
import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";
import {ERC1155Holder} from "@openzeppelin/contracts/token/ERC1155/utils/ERC1155Holder.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";
import {GovernedOwnable} from "../access/GovernedOwnable.sol";
import {IImprovementReserve} from "../interfaces/IImprovementReserve.sol";

/**
 * @title ImprovementReserve
 * @notice The Governance Council's treasury (Klaytn's Improvement Reserve), enforced by contract: one-off payments,
 * budgets a spender pays out of, vested grants their recipients claim, a rolling 30-day outflow limit per asset,
 * and a time-limited guardian pause.
 * @dev Owned by the timelock. The zero address stands for the native coin, which may arrive by a plain transfer or
 * by a balance credit with no call at all (block rewards on Kaia), so the reserve reads balances and never counts
 * deposits. Commitments (what open budgets may still spend, what grants may still pay) are reserved: a payment, a
 * budget or a grant that the uncommitted balance cannot cover reverts, so commitments never exceed holdings. Every
 * outflow (pay, budget spend, grant claim) counts against the asset's limit over the last 31 calendar days, which
 * covers every 30-day window; an asset without a limit cannot leave. The guardian may pause every outflow for at
 * most `pauseDuration` (at most 30 days), cannot extend a pause or pause again during an equal cooldown, and cannot
 * move funds; governance may unpause at any time during a pause. Like the governor's guardian, the reserve's
 * guardian serves a term of at most 730 days that ends by itself, and no pause outlasts the term. Expired budgets
 * are released by anyone. ERC-721 and ERC-1155 safe transfers are accepted, and governance can send collectibles
 * out, so nothing is ever stuck.
 */
contract ImprovementReserve is IImprovementReserve, GovernedOwnable, ReentrancyGuard, ERC721Holder, ERC1155Holder {
    using SafeERC20 for IERC20;

    /// @notice Length of the rolling outflow window, in seconds (checked over 31 daily buckets).
    uint256 public constant OUTFLOW_WINDOW = 30 days;
    /// @notice Longest guardian pause, in seconds.
    uint256 public constant MAX_PAUSE_DURATION = 30 days;
    /// @notice Longest guardian term, in seconds.
    uint256 public constant MAX_GUARDIAN_TERM = 730 days;

    uint256 private constant _BUCKETS = 31;
    uint8 private constant _KIND_PAY = 0;
    uint8 private constant _KIND_SPEND = 1;
    uint8 private constant _KIND_CLAIM = 2;

    struct Bucket {
        uint48 day;
        uint208 amount;
    }

    mapping(address asset => Bucket[_BUCKETS]) private _outflows;
    mapping(address asset => uint256) private _outflowLimits;
    mapping(address asset => uint256) private _committed;
    Budget[] private _budgets;
    Grant[] private _grants;
    address private _guardian;
    uint48 private _guardianTermEnd;
    uint48 private _pausedUntil;
    uint48 private _nextPauseAt;
    uint48 private _pauseDuration;

    modifier whenNotPaused() {
        if (block.timestamp < _pausedUntil) revert ReservePaused(_pausedUntil);
        _;
    }

    /**
     * @notice Deploys the reserve.
     * @param initialOwner The timelock.
     * @param guardian_ The guardian who may pause outflows (zero for none).
     * @param guardianTerm Seconds from deployment until the guardian's power ends (1 second to 730 days; 0 with no
     * guardian).
     * @param pauseDuration_ How long a guardian pause lasts, in seconds (at most 30 days).
     * @param assets Assets with an outflow limit at deployment (zero for the native coin).
     * @param limits Their limits per rolling 30 days.
     */
    constructor(
        address initialOwner,
        address guardian_,
        uint256 guardianTerm,
        uint256 pauseDuration_,
        address[] memory assets,
        uint256[] memory limits
    ) GovernedOwnable(initialOwner) {
        if (assets.length != limits.length) revert ReserveInvalidSchedule();
        _setGuardian(guardian_, guardianTerm);
        _setPauseDuration(pauseDuration_);
        for (uint256 i = 0; i < assets.length; ++i) _setOutflowLimit(assets[i], limits[i]);
    }

    /**
     * @notice Accepts native coin sent by a plain transfer.
     */
    receive() external payable {}

    // ---------------------------------------------------------------- governance

    /**
     * @notice Pay `amount` of `asset` to `to`, out of the uncommitted balance. Governance only (Treasury class).
     * @param asset The asset (zero for the native coin).
     * @param to The recipient.
     * @param amount The amount.
     * @param memo Why (emitted).
     */
    function pay(
        address asset,
        address to,
        uint256 amount,
        string calldata memo
    ) external onlyOwner nonReentrant whenNotPaused {
        _requireAvailable(asset, amount);
        _outflow(asset, to, amount, _KIND_PAY, 0, memo);
    }

    /**
     * @notice Approve a budget that `spender` pays out of, in any number of payments, within [start, end).
     * Governance only (Treasury class). The amount is committed at once.
     * @param category Budget category (e.g. "ecosystem").
     * @param asset The asset (zero for the native coin).
     * @param spender Who spends it (usually the secretariat).
     * @param amount The budget.
     * @param start When it opens (timestamp).
     * @param end When it closes (timestamp, exclusive; in the future).
     * @return budgetId The budget's id (from 1).
     */
    function approveBudget(
        bytes32 category,
        address asset,
        address spender,
        uint256 amount,
        uint256 start,
        uint256 end
    ) external onlyOwner returns (uint256 budgetId) {
        _checkRecipient(spender);
        if (end <= start || end <= block.timestamp) revert ReserveInvalidSchedule();
        _requireAvailable(asset, amount);
        _committed[asset] += amount;
        _budgets.push(
            Budget({
                category: category,
                asset: asset,
                spender: spender,
                amount: SafeCast.toUint128(amount),
                spent: 0,
                start: SafeCast.toUint48(start),
                end: SafeCast.toUint48(end),
                status: BudgetStatus.Approved
            })
        );
        budgetId = _budgets.length;
        emit BudgetApproved(budgetId, category, asset, spender, amount, start, end);
    }

    /**
     * @notice Cancel a budget; its unspent amount is released. Governance only.
     * @param budgetId The budget.
     */
    function cancelBudget(uint256 budgetId) external onlyOwner {
        Budget storage b = _budget(budgetId);
        if (b.status != BudgetStatus.Approved) revert ReserveBudgetClosed(budgetId);
        emit BudgetCanceled(budgetId, _closeBudget(b, BudgetStatus.Canceled));
    }

    /**
     * @notice Release the unspent amount of a budget whose window has ended; the budget becomes `Ended`. Anyone may
     * call.
     * @param budgetId The budget.
     */
    function releaseExpiredBudget(uint256 budgetId) external {
        Budget storage b = _budget(budgetId);
        if (b.status != BudgetStatus.Approved) revert ReserveBudgetClosed(budgetId);
        if (block.timestamp < b.end) revert ReserveBudgetNotEnded(budgetId, b.end);
        emit BudgetEnded(budgetId, _closeBudget(b, BudgetStatus.Ended));
    }

    /**
     * @notice Create a grant that vests linearly from `start` over `duration`, claimable from `cliff`. Governance
     * only (Treasury class). The total is committed at once.
     * @param recipient Who claims it.
     * @param asset The asset (zero for the native coin).
     * @param total The total amount.
     * @param start Vesting start (timestamp).
     * @param cliff Nothing is claimable before this (timestamp, in [start, start + duration]).
     * @param duration Vesting duration in seconds (> 0).
     * @return grantId The grant's id (from 1).
     */
    function createGrant(
        address recipient,
        address asset,
        uint256 total,
        uint256 start,
        uint256 cliff,
        uint256 duration
    ) external onlyOwner returns (uint256 grantId) {
        _checkRecipient(recipient);
        if (duration == 0 || cliff < start || cliff > start + duration) revert ReserveInvalidSchedule();
        _requireAvailable(asset, total);
        _committed[asset] += total;
        _grants.push(
            Grant({
                recipient: recipient,
                asset: asset,
                total: SafeCast.toUint128(total),
                claimed: 0,
                start: SafeCast.toUint48(start),
                cliff: SafeCast.toUint48(cliff),
                duration: SafeCast.toUint48(duration),
                canceledAt: 0
            })
        );
        grantId = _grants.length;
        emit GrantCreated(grantId, recipient, asset, total, start, cliff, duration);
    }

    /**
     * @notice Cancel a grant: vesting stops now, the vested part stays claimable, the rest is released.
     * Governance only.
     * @param grantId The grant.
     */
    function cancelGrant(uint256 grantId) external onlyOwner {
        Grant storage g = _grant(grantId);
        if (g.canceledAt != 0) revert ReserveGrantCanceled(grantId);
        uint256 vestedNow = _vested(g, block.timestamp);
        uint256 returned = g.total - vestedNow;
        g.canceledAt = Time.timestamp();
        g.total = SafeCast.toUint128(vestedNow);
        _committed[g.asset] -= returned;
        emit GrantCanceled(grantId, returned);
    }

    /**
     * @notice Set the most of `asset` that may leave in any 30-day window (0: nothing). Governance only
     * (Constitutional class).
     * @param asset The asset (zero for the native coin).
     * @param limit The limit.
     */
    function setOutflowLimit(address asset, uint256 limit) external onlyOwner {
        _setOutflowLimit(asset, limit);
    }

    /**
     * @notice Set the guardian who may pause outflows, for a term (zero for none). Governance only (Constitutional
     * class); the guardian cannot cancel this motion in the governor.
     * @param guardian_ The guardian.
     * @param term Seconds from now until its power ends (1 second to 730 days; 0 with no guardian).
     */
    function setGuardian(address guardian_, uint256 term) external onlyOwner {
        _setGuardian(guardian_, term);
    }

    /**
     * @notice Set how long a guardian pause lasts. Governance only (Constitutional class).
     * @param pauseDuration_ Seconds, at most 30 days.
     */
    function setPauseDuration(uint256 pauseDuration_) external onlyOwner {
        _setPauseDuration(pauseDuration_);
    }

    /**
     * @notice Lift a guardian pause. Governance only.
     */
    function unpause() external onlyOwner {
        if (block.timestamp >= _pausedUntil) revert ReserveNotPaused();
        _pausedUntil = Time.timestamp();
        emit Unpaused();
    }

    /**
     * @notice Send an ERC-721 or ERC-1155 token the reserve holds. Governance only (Treasury class).
     * @param token The collection.
     * @param to The recipient.
     * @param id The token id.
     * @param amount 0 for an ERC-721 token; the amount for an ERC-1155 token.
     * @param memo Why (emitted).
     */
    function transferCollectible(
        address token,
        address to,
        uint256 id,
        uint256 amount,
        string calldata memo
    ) external onlyOwner nonReentrant whenNotPaused {
        _checkRecipient(to);
        if (amount == 0) {
            IERC721(token).safeTransferFrom(address(this), to, id);
            emit CollectibleTransferred(token, to, id, 1, memo);
        } else {
            IERC1155(token).safeTransferFrom(address(this), to, id, amount, "");
            emit CollectibleTransferred(token, to, id, amount, memo);
        }
    }

    // ---------------------------------------------------------------- spender, recipient, guardian

    /**
     * @notice Pay out of an open budget. The budget's spender only.
     * @param budgetId The budget.
     * @param to The recipient.
     * @param amount The amount (at most what is left of the budget).
     * @param memo Why (emitted).
     */
    function spend(
        uint256 budgetId,
        address to,
        uint256 amount,
        string calldata memo
    ) external nonReentrant whenNotPaused {
        Budget storage b = _budget(budgetId);
        if (msg.sender != b.spender) revert ReserveNotSpender(budgetId, msg.sender);
        if (b.status != BudgetStatus.Approved || block.timestamp < b.start || block.timestamp >= b.end) {
            revert ReserveBudgetClosed(budgetId);
        }
        uint256 remaining = b.amount - b.spent;
        if (amount > remaining) revert ReserveBudgetExceeded(budgetId, amount, remaining);
        b.spent += SafeCast.toUint128(amount);
        _committed[b.asset] -= amount;
        _outflow(b.asset, to, amount, _KIND_SPEND, budgetId, memo);
    }

    /**
     * @notice Claim the vested, unclaimed part of a grant. The grant's recipient only.
     * @param grantId The grant.
     * @return amount The amount paid.
     */
    function claim(uint256 grantId) external nonReentrant whenNotPaused returns (uint256 amount) {
        Grant storage g = _grant(grantId);
        if (msg.sender != g.recipient) revert ReserveNotRecipient(grantId, msg.sender);
        amount = _vested(g, block.timestamp) - g.claimed;
        if (amount == 0) revert ReserveNothingToClaim(grantId);
        g.claimed += SafeCast.toUint128(amount);
        _committed[g.asset] -= amount;
        _outflow(g.asset, msg.sender, amount, _KIND_CLAIM, grantId, "grant claim");
    }

    /**
     * @notice Pause every outflow for `pauseDuration`, or until the guardian's term ends if that is sooner. The
     * guardian only, within its term; no extension, and a cooldown of the same length after a pause.
     */
    function pause() external {
        if (msg.sender != guardian() || msg.sender == address(0)) revert ReserveOnlyGuardian(msg.sender);
        if (block.timestamp < _nextPauseAt) revert ReservePauseUnavailable(_nextPauseAt);
        uint48 until = Time.timestamp() + _pauseDuration;
        if (until > _guardianTermEnd) until = _guardianTermEnd;
        _pausedUntil = until;
        _nextPauseAt = until + _pauseDuration;
        emit Paused(msg.sender, until);
    }

    // ---------------------------------------------------------------- views

    /**
     * @notice What the reserve holds of `asset`.
     * @param asset The asset (zero for the native coin).
     * @return The balance.
     */
    function balanceOf(address asset) public view returns (uint256) {
        return asset == address(0) ? address(this).balance : IERC20(asset).balanceOf(address(this));
    }

    /**
     * @notice What open budgets may still spend and grants may still pay, in `asset`.
     * @param asset The asset.
     * @return The committed amount.
     */
    function committed(address asset) external view returns (uint256) {
        return _committed[asset];
    }

    /**
     * @notice The uncommitted balance: what a payment, budget or grant may use.
     * @param asset The asset.
     * @return The available amount.
     */
    function available(address asset) public view returns (uint256) {
        uint256 balance = balanceOf(asset);
        uint256 owed = _committed[asset];
        return balance > owed ? balance - owed : 0;
    }

    /**
     * @notice The most of `asset` that may leave in any 30-day window.
     * @param asset The asset.
     * @return The limit.
     */
    function outflowLimit(address asset) external view returns (uint256) {
        return _outflowLimits[asset];
    }

    /**
     * @notice What left the reserve in `asset` over the current window (the last 31 calendar days).
     * @param asset The asset.
     * @return total The amount.
     */
    function recentOutflow(address asset) public view returns (uint256 total) {
        uint256 today = block.timestamp / 1 days;
        Bucket[_BUCKETS] storage buckets = _outflows[asset];
        for (uint256 i = 0; i < _BUCKETS; ++i) {
            Bucket storage b = buckets[i];
            if (b.amount != 0 && b.day + _BUCKETS > today) total += b.amount;
        }
    }

    /**
     * @notice How many budgets exist (ids 1 to this number).
     * @return The count.
     */
    function budgetCount() external view returns (uint256) {
        return _budgets.length;
    }

    /**
     * @notice One budget.
     * @param budgetId The budget.
     * @return The budget.
     */
    function budget(uint256 budgetId) external view returns (Budget memory) {
        return _budget(budgetId);
    }

    /**
     * @notice How many grants exist (ids 1 to this number).
     * @return The count.
     */
    function grantCount() external view returns (uint256) {
        return _grants.length;
    }

    /**
     * @notice One grant.
     * @param grantId The grant.
     * @return The grant.
     */
    function grant(uint256 grantId) external view returns (Grant memory) {
        return _grant(grantId);
    }

    /**
     * @notice The part of a grant vested so far (frozen at cancellation).
     * @param grantId The grant.
     * @return The vested amount.
     */
    function vested(uint256 grantId) external view returns (uint256) {
        return _vested(_grant(grantId), block.timestamp);
    }

    /**
     * @notice The part of a grant its recipient can claim now.
     * @param grantId The grant.
     * @return The claimable amount.
     */
    function claimable(uint256 grantId) external view returns (uint256) {
        Grant storage g = _grant(grantId);
        return _vested(g, block.timestamp) - g.claimed;
    }

    /**
     * @notice The guardian who may pause outflows, while its term runs; else the zero address.
     * @return The guardian.
     */
    function guardian() public view returns (address) {
        return block.timestamp < _guardianTermEnd ? _guardian : address(0);
    }

    /**
     * @notice When the guardian's power ends (timestamp; 0 with no guardian).
     * @return The term's end.
     */
    function guardianTermEnd() external view returns (uint256) {
        return _guardianTermEnd;
    }

    /**
     * @notice How long a guardian pause lasts, in seconds.
     * @return The duration.
     */
    function pauseDuration() external view returns (uint256) {
        return _pauseDuration;
    }

    /**
     * @notice When the current pause ends (a past timestamp when not paused).
     * @return The timestamp.
     */
    function pausedUntil() external view returns (uint256) {
        return _pausedUntil;
    }

    /**
     * @notice Whether outflows are paused now.
     * @return True while paused.
     */
    function paused() external view returns (bool) {
        return block.timestamp < _pausedUntil;
    }

    // ---------------------------------------------------------------- internals

    function _outflow(address asset, address to, uint256 amount, uint8 kind, uint256 ref, string memory memo) private {
        if (amount == 0) revert ReserveZeroAmount();
        _checkRecipient(to);
        uint256 recent = recentOutflow(asset);
        uint256 limit = _outflowLimits[asset];
        uint256 remaining = limit > recent ? limit - recent : 0;
        if (amount > remaining) revert ReserveOutflowLimitExceeded(asset, amount, remaining);
        uint256 today = block.timestamp / 1 days;
        Bucket storage b = _outflows[asset][today % _BUCKETS];
        if (b.day != today) {
            b.day = uint48(today);
            b.amount = 0;
        }
        b.amount += SafeCast.toUint208(amount);
        emit Outflow(asset, to, amount, kind, ref, memo);
        if (asset == address(0)) {
            Address.sendValue(payable(to), amount);
        } else {
            IERC20(asset).safeTransfer(to, amount);
        }
    }

    /// @dev Closes an approved budget with `status` and releases its unspent amount, which it returns.
    function _closeBudget(Budget storage b, BudgetStatus status) private returns (uint256 released) {
        released = b.amount - b.spent;
        b.status = status;
        _committed[b.asset] -= released;
    }

    function _requireAvailable(address asset, uint256 amount) private view {
        if (amount == 0) revert ReserveZeroAmount();
        uint256 free = available(asset);
        if (amount > free) revert ReserveInsufficientAvailable(asset, amount, free);
    }

    function _vested(Grant storage g, uint256 timepoint) private view returns (uint256) {
        if (g.canceledAt != 0) return g.total;
        if (timepoint < g.cliff) return 0;
        uint256 elapsed = timepoint - g.start;
        if (elapsed >= g.duration) return g.total;
        return Math.mulDiv(g.total, elapsed, g.duration);
    }

    function _budget(uint256 budgetId) private view returns (Budget storage) {
        if (budgetId == 0 || budgetId > _budgets.length) revert ReserveUnknownBudget(budgetId);
        return _budgets[budgetId - 1];
    }

    function _grant(uint256 grantId) private view returns (Grant storage) {
        if (grantId == 0 || grantId > _grants.length) revert ReserveUnknownGrant(grantId);
        return _grants[grantId - 1];
    }

    function _checkRecipient(address account) private view {
        if (account == address(0) || account == address(this)) revert ReserveInvalidRecipient(account);
    }

    function _setOutflowLimit(address asset, uint256 limit) private {
        _outflowLimits[asset] = limit;
        emit OutflowLimitSet(asset, limit);
    }

    function _setGuardian(address guardian_, uint256 term) private {
        uint48 termEnd = 0;
        if (guardian_ != address(0)) {
            if (term == 0 || term > MAX_GUARDIAN_TERM) revert ReserveInvalidGuardianTerm(term);
            termEnd = SafeCast.toUint48(block.timestamp + term);
        } else if (term != 0) {
            revert ReserveInvalidGuardianTerm(term);
        }
        _guardian = guardian_;
        _guardianTermEnd = termEnd;
        emit GuardianSet(guardian_, termEnd);
    }

    function _setPauseDuration(uint256 pauseDuration_) private {
        if (pauseDuration_ == 0 || pauseDuration_ > MAX_PAUSE_DURATION)
            revert ReserveInvalidPauseDuration(pauseDuration_);
        _pauseDuration = uint48(pauseDuration_);
        emit PauseDurationSet(pauseDuration_);
    }
}
