// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {StakeVault} from "../council/StakeVault.sol";
import {CouncilRegistry} from "../council/CouncilRegistry.sol";

/**
 * @title ReentrantAdmin
 * @notice Test-only contract that is a candidate's admin (and voter) and, when paid a withdrawal, tries once to
 * re-enter the vault. It records the re-entry's revert selector, and can bubble the revert up instead.
 */
contract ReentrantAdmin {
    /// @notice What `receive` tries when paid.
    enum Reentry {
        None,
        Withdraw,
        Restake
    }

    /// @notice The vault under test.
    StakeVault public immutable VAULT;
    /// @notice The council registry.
    CouncilRegistry public immutable REGISTRY;

    /// @notice The member id this contract administers (0 before it applies).
    uint256 public memberId;
    /// @notice The re-entry attempted on the next payment (reset to None once tried).
    Reentry public reentry;
    /// @notice The request id used by the re-entry.
    uint256 public reentryRequestId;
    /// @notice Whether a blocked re-entry reverts the payment with the same error.
    bool public bubble;
    /// @notice The selector of the last blocked re-entry's revert (zero if none).
    bytes4 public lastRevertSelector;
    /// @notice Number of payments received.
    uint256 public paymentsReceived;
    /// @notice Total native coin received.
    uint256 public amountReceived;

    /**
     * @notice Deploys the admin contract.
     * @param vault_ The stake vault.
     * @param registry_ The council registry.
     */
    constructor(StakeVault vault_, CouncilRegistry registry_) {
        VAULT = vault_;
        REGISTRY = registry_;
    }

    /**
     * @notice Receives a withdrawal and tries the configured re-entry once.
     */
    receive() external payable {
        _onPayment();
    }

    /**
     * @notice Applies for membership with this contract as admin and voter, and no nodes.
     * @param name Organization name.
     * @param metadataURI Metadata URI.
     * @return id The new candidate's id.
     */
    function applyForMembership(string calldata name, string calldata metadataURI) external returns (uint256 id) {
        id = REGISTRY.applyForMembership(name, metadataURI, address(this), new address[](0));
        memberId = id;
    }

    /**
     * @notice Sets the re-entry tried on the next payment.
     * @param mode What to try.
     * @param requestId The request id to use.
     * @param bubble_ Whether to revert the payment with the re-entry's error.
     */
    function setReentry(Reentry mode, uint256 requestId, bool bubble_) external {
        reentry = mode;
        reentryRequestId = requestId;
        bubble = bubble_;
    }

    /**
     * @notice Starts unbonding `amount` of this member's stake.
     * @param amount Amount to unbond.
     * @return requestId The request's index.
     */
    function requestUnstake(uint256 amount) external returns (uint256 requestId) {
        return VAULT.requestUnstake(memberId, amount);
    }

    /**
     * @notice Withdraws an unbonded request to this contract.
     * @param requestId The request's index.
     */
    function withdraw(uint256 requestId) external {
        VAULT.withdraw(memberId, requestId, address(this));
    }

    /// @dev Counts the payment, then tries the configured re-entry once (kept out of `receive`, which stays simple).
    function _onPayment() private {
        ++paymentsReceived;
        amountReceived += msg.value;
        Reentry mode = reentry;
        if (mode == Reentry.None) return;
        reentry = Reentry.None;
        if (mode == Reentry.Withdraw) {
            try VAULT.withdraw(memberId, reentryRequestId, address(this)) {} catch (bytes memory reason) {
                _blocked(reason);
            }
        } else {
            try VAULT.restake(memberId, reentryRequestId) {} catch (bytes memory reason) {
                _blocked(reason);
            }
        }
    }

    function _blocked(bytes memory reason) private {
        lastRevertSelector = bytes4(reason);
        if (bubble) Address.verifyCallResult(false, reason);
    }
}
