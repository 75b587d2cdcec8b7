// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {LowLevelCall} from "@openzeppelin/contracts/utils/LowLevelCall.sol";
import {ImprovementReserve} from "../treasury/ImprovementReserve.sol";

/**
 * @title ReentrantRecipient
 * @notice Test-only grant recipient and budget spender of the reserve that, when paid native coin, tries once to
 * re-enter the reserve (claim or spend again). It records the re-entry's revert selector, and can bubble the revert
 * up instead. It can also reject native coin altogether (a revert with no data).
 */
contract ReentrantRecipient {
    /// @notice What `receive` tries when paid.
    enum Reentry {
        None,
        Claim,
        Spend
    }

    /// @notice The reserve under test.
    ImprovementReserve public immutable RESERVE;

    /// @notice The re-entry attempted on the next payment (reset to None once tried).
    Reentry public reentry;
    /// @notice The grant or budget id used by the re-entry.
    uint256 public reentryId;
    /// @notice The amount a re-entering spend asks for.
    uint256 public reentryAmount;
    /// @notice Whether a blocked re-entry reverts the payment with the same error.
    bool public bubble;
    /// @notice Whether native coin is rejected (a revert with no data).
    bool public rejectPayments;
    /// @notice The selector of the last blocked re-entry's revert (zero if none).
    bytes4 public lastRevertSelector;
    /// @notice Number of payments received.
    uint256 public paymentsReceived;
    /// @notice Total native coin received.
    uint256 public amountReceived;

    /**
     * @notice Deploys the recipient.
     * @param reserve_ The reserve it claims from and spends out of.
     */
    constructor(ImprovementReserve reserve_) {
        RESERVE = reserve_;
    }

    /**
     * @notice Receives native coin (or rejects it) and tries the configured re-entry once.
     */
    receive() external payable {
        _onPayment();
    }

    /**
     * @notice Sets the re-entry tried on the next payment.
     * @param mode What to try.
     * @param id The grant (Claim) or budget (Spend) id to use.
     * @param amount The amount a re-entering spend asks for.
     * @param bubble_ Whether to revert the payment with the re-entry's error.
     */
    function setReentry(Reentry mode, uint256 id, uint256 amount, bool bubble_) external {
        reentry = mode;
        reentryId = id;
        reentryAmount = amount;
        bubble = bubble_;
    }

    /**
     * @notice Rejects (or accepts again) native coin.
     * @param reject Whether to reject.
     */
    function setRejectPayments(bool reject) external {
        rejectPayments = reject;
    }

    /**
     * @notice Claims a grant whose recipient is this contract.
     * @param grantId The grant.
     * @return amount The amount paid.
     */
    function claim(uint256 grantId) external returns (uint256 amount) {
        return RESERVE.claim(grantId);
    }

    /**
     * @notice Spends out of a budget whose spender is this contract.
     * @param budgetId The budget.
     * @param to The recipient.
     * @param amount The amount.
     * @param memo Why.
     */
    function spend(uint256 budgetId, address to, uint256 amount, string calldata memo) external {
        RESERVE.spend(budgetId, to, amount, memo);
    }

    /// @dev Rejects the payment when told to; otherwise counts it, then tries the configured re-entry once.
    function _onPayment() private {
        if (rejectPayments) _reject();
        ++paymentsReceived;
        amountReceived += msg.value;
        Reentry mode = reentry;
        if (mode == Reentry.None) return;
        reentry = Reentry.None;
        if (mode == Reentry.Claim) {
            try RESERVE.claim(reentryId) {} catch (bytes memory reason) {
                _blocked(reason);
            }
        } else {
            try RESERVE.spend(reentryId, address(this), reentryAmount, "re-entry") {} catch (bytes memory reason) {
                _blocked(reason);
            }
        }
    }

    /// @dev Reverts with no data, as an account that cannot receive native coin does.
    function _reject() private pure {
        LowLevelCall.bubbleRevert("");
    }

    function _blocked(bytes memory reason) private {
        lastRevertSelector = bytes4(reason);
        if (bubble) Address.verifyCallResult(false, reason);
    }
}
