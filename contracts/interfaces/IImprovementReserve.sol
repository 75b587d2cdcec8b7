// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title IImprovementReserve
 * @notice The council's treasury: one-off payments, budgets spent by a spender, vested grants claimed by their
 * recipients, a rolling outflow limit per asset and a guardian pause. The zero address stands for the native coin.
 */
interface IImprovementReserve {
    /**
     * @notice How a budget stands. `Approved`: the spender may pay out of it within [start, end). `Canceled`:
     * governance closed it and released its unspent amount. `Ended`: its window passed and its unspent amount was
     * released (`releaseExpiredBudget`). An `Approved` budget whose window has passed can no longer be spent from, but
     * keeps its unspent amount committed until it is released.
     */
    enum BudgetStatus {
        Approved,
        Canceled,
        Ended
    }

    /// @notice A budget the council approved: `spender` may pay out up to `amount` of `asset` in [start, end).
    struct Budget {
        bytes32 category;
        address asset;
        address spender;
        uint128 amount;
        uint128 spent;
        uint48 start;
        uint48 end;
        BudgetStatus status;
    }

    /// @notice A vested grant: `total` of `asset` vests linearly from `start` over `duration`, none before the cliff.
    struct Grant {
        address recipient;
        address asset;
        uint128 total;
        uint128 claimed;
        uint48 start;
        uint48 cliff;
        uint48 duration;
        uint48 canceledAt;
    }

    /**
     * @notice Native coin or tokens left the reserve.
     * @param asset The asset (zero for the native coin).
     * @param to The recipient.
     * @param amount The amount.
     * @param kind 0 = pay, 1 = budget spend, 2 = grant claim.
     * @param ref The budget or grant id (0 for pay).
     * @param memo Why.
     */
    event Outflow(
        address indexed asset,
        address indexed to,
        uint256 amount,
        uint8 kind,
        uint256 indexed ref,
        string memo
    );
    /**
     * @notice A budget was approved.
     * @param budgetId The budget.
     * @param category Its category (e.g. "ecosystem", "marketing").
     * @param asset The asset.
     * @param spender Who spends it.
     * @param amount The amount.
     * @param start When it opens (timestamp).
     * @param end When it closes (timestamp, exclusive).
     */
    event BudgetApproved(
        uint256 indexed budgetId,
        bytes32 indexed category,
        address asset,
        address indexed spender,
        uint256 amount,
        uint256 start,
        uint256 end
    );
    /**
     * @notice A budget was canceled; its unspent amount is released.
     * @param budgetId The budget.
     * @param released The unspent amount no longer committed.
     */
    event BudgetCanceled(uint256 indexed budgetId, uint256 released);
    /**
     * @notice A budget's window passed and its unspent amount was released.
     * @param budgetId The budget.
     * @param released The unspent amount no longer committed.
     */
    event BudgetEnded(uint256 indexed budgetId, uint256 released);
    /**
     * @notice A grant was created.
     * @param grantId The grant.
     * @param recipient Who claims it.
     * @param asset The asset.
     * @param total The total amount.
     * @param start Vesting start (timestamp).
     * @param cliff Nothing is claimable before this (timestamp).
     * @param duration Vesting duration in seconds.
     */
    event GrantCreated(
        uint256 indexed grantId,
        address indexed recipient,
        address asset,
        uint256 total,
        uint256 start,
        uint256 cliff,
        uint256 duration
    );
    /**
     * @notice A grant was canceled: the part vested so far stays claimable, the rest returns to the reserve.
     * @param grantId The grant.
     * @param returned The unvested amount released.
     */
    event GrantCanceled(uint256 indexed grantId, uint256 returned);
    /**
     * @notice An asset's outflow limit changed.
     * @param asset The asset.
     * @param limit Most that may leave in any 30-day window (0 = nothing may leave).
     */
    event OutflowLimitSet(address indexed asset, uint256 limit);
    /**
     * @notice The guardian changed.
     * @param guardian The new guardian (zero for none).
     * @param termEnd When its power to pause ends (timestamp; 0 with no guardian).
     */
    event GuardianSet(address indexed guardian, uint256 termEnd);
    /**
     * @notice The length of a guardian pause changed.
     * @param duration Seconds.
     */
    event PauseDurationSet(uint256 duration);
    /**
     * @notice Outflows are paused until `until`.
     * @param by The guardian.
     * @param until When the pause ends by itself (timestamp).
     */
    event Paused(address indexed by, uint256 until);
    /**
     * @notice Governance lifted the pause.
     */
    event Unpaused();
    /**
     * @notice A collectible (ERC-721 or ERC-1155) left the reserve.
     * @param token The collection.
     * @param to The recipient.
     * @param id The token id.
     * @param amount 1 for ERC-721, the amount for ERC-1155.
     * @param memo Why.
     */
    event CollectibleTransferred(address indexed token, address indexed to, uint256 id, uint256 amount, string memo);

    /// @notice Amounts and recipients must be non-zero.
    error ReserveZeroAmount();
    /// @notice A zero recipient, spender or the reserve itself.
    error ReserveInvalidRecipient(address account);
    /// @notice The reserve does not hold enough uncommitted `asset` for this.
    error ReserveInsufficientAvailable(address asset, uint256 requested, uint256 available);
    /// @notice This outflow would exceed the asset's limit for the rolling 30 days.
    error ReserveOutflowLimitExceeded(address asset, uint256 requested, uint256 remaining);
    /// @notice Outflows are paused until `until`.
    error ReservePaused(uint256 until);
    /// @notice No budget with this id.
    error ReserveUnknownBudget(uint256 budgetId);
    /// @notice No grant with this id.
    error ReserveUnknownGrant(uint256 grantId);
    /// @notice The caller is not the budget's spender.
    error ReserveNotSpender(uint256 budgetId, address caller);
    /// @notice The caller is not the grant's recipient.
    error ReserveNotRecipient(uint256 grantId, address caller);
    /// @notice The budget is canceled or ended, or (for a spend) outside [start, end).
    error ReserveBudgetClosed(uint256 budgetId);
    /// @notice The budget's window lasts until `end` (timestamp): its unspent amount cannot be released before.
    error ReserveBudgetNotEnded(uint256 budgetId, uint256 end);
    /// @notice The spend exceeds what is left of the budget.
    error ReserveBudgetExceeded(uint256 budgetId, uint256 requested, uint256 remaining);
    /// @notice The grant was already canceled.
    error ReserveGrantCanceled(uint256 grantId);
    /// @notice Nothing is claimable yet (before the cliff, or everything vested was claimed).
    error ReserveNothingToClaim(uint256 grantId);
    /// @notice A budget window or vesting schedule that makes no sense (end <= start, cliff outside, duration 0).
    error ReserveInvalidSchedule();
    /// @notice Only the guardian may pause.
    error ReserveOnlyGuardian(address caller);
    /// @notice The guardian cannot pause again before `availableAt` (no extension, cooldown after a pause).
    error ReservePauseUnavailable(uint256 availableAt);
    /// @notice The reserve is not paused.
    error ReserveNotPaused();
    /// @notice A pause duration above the maximum.
    error ReserveInvalidPauseDuration(uint256 duration);
    /// @notice A guardian term longer than 730 days, a guardian with no term, or a term with no guardian.
    error ReserveInvalidGuardianTerm(uint256 term);
}
