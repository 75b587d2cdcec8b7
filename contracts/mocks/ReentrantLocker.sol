// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CommunityPetitions} from "../community/CommunityPetitions.sol";

/**
 * @title ReentrantLocker
 * @notice Test-only petition locker. `flashLock` plays a flash loan: it locks coin and tries to withdraw it in the
 * same transaction (as a borrower must repay). When paid back, `receive` tries once to re-enter `withdraw`, records
 * the re-entry's revert selector and carries on, so the outer withdrawal can be checked to pay exactly the lock.
 */
contract ReentrantLocker {
    /// @notice The petitions contract under test.
    CommunityPetitions public immutable PETITIONS;

    /// @notice Whether the next payment tries to re-enter `withdraw`.
    bool public reenter;
    /// @notice The petition the re-entry withdraws from.
    uint256 public reentryId;
    /// @notice The selector of the last blocked re-entry's revert (zero if none).
    bytes4 public lastRevertSelector;
    /// @notice Total native coin received.
    uint256 public amountReceived;

    /**
     * @notice Deploys the locker.
     * @param petitions The petitions contract.
     */
    constructor(CommunityPetitions petitions) {
        PETITIONS = petitions;
    }

    /**
     * @notice Receives native coin and tries the configured re-entry once.
     */
    receive() external payable {
        _onPayment();
    }

    function _onPayment() private {
        amountReceived += msg.value;
        if (!reenter) return;
        reenter = false;
        try PETITIONS.withdraw(reentryId) {} catch (bytes memory reason) {
            lastRevertSelector = bytes4(reason);
        }
    }

    /**
     * @notice Sets the re-entry tried on the next payment.
     * @param petitionId The petition to withdraw from again.
     */
    function setReentry(uint256 petitionId) external {
        reenter = true;
        reentryId = petitionId;
    }

    /**
     * @notice Locks the native coin sent.
     * @param petitionId The petition.
     * @param support The side.
     */
    function lock(uint256 petitionId, bool support) external payable {
        PETITIONS.lock{value: msg.value}(petitionId, support, msg.value);
    }

    /**
     * @notice A flash loan's shape: lock the coin sent, then withdraw it in the same transaction.
     * @param petitionId The petition.
     * @param support The side.
     */
    function flashLock(uint256 petitionId, bool support) external payable {
        PETITIONS.lock{value: msg.value}(petitionId, support, msg.value);
        PETITIONS.withdraw(petitionId);
    }

    /**
     * @notice Withdraws its lock.
     * @param petitionId The petition.
     */
    function withdraw(uint256 petitionId) external {
        PETITIONS.withdraw(petitionId);
    }
}
