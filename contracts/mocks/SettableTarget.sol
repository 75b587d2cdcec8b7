// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title SettableTarget
 * @notice Test-only target of governance motions: stores a value and records who set it and what it was paid.
 */
contract SettableTarget {
    /// @notice The stored value.
    uint256 public value;
    /// @notice The account that last called {setValue}.
    address public lastCaller;
    /// @notice Total native coin received through {setValue}.
    uint256 public received;

    /**
     * @notice The value was set.
     * @param caller The account that set it.
     * @param value The new value.
     * @param paid Native coin sent with the call.
     */
    event ValueSet(address indexed caller, uint256 value, uint256 paid);

    /// @notice {fail} always reverts with this error.
    error SettableTargetFailed(uint256 code);

    /**
     * @notice Stores `newValue` and records the caller.
     * @param newValue The value to store.
     */
    function setValue(uint256 newValue) external payable {
        value = newValue;
        lastCaller = msg.sender;
        received += msg.value;
        emit ValueSet(msg.sender, newValue, msg.value);
    }

    /**
     * @notice Always reverts.
     * @param code Echoed in the error.
     */
    function fail(uint256 code) external pure {
        revert SettableTargetFailed(code);
    }
}
