// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

/**
 * @title ReentrantTarget
 * @notice Test-only motion target that, when the timelock calls {attack} during a motion's execution, tries to
 * re-enter the governor's `execute` (or `queue`) for a motion it was armed with. It records the re-entry's result,
 * and can bubble a failed re-entry up so that the outer execution reverts with the same error.
 */
contract ReentrantTarget {
    /// @notice What {attack} tries when the timelock calls it.
    enum Reentry {
        None,
        Execute,
        Queue
    }

    /// @notice The governor under attack.
    IGovernor public immutable GOVERNOR;
    /// @notice The timelock whose calls trigger the re-entry.
    address public immutable TIMELOCK;

    /// @notice The re-entry {attack} tries.
    Reentry public reentry;
    /// @notice Whether a failed re-entry reverts {attack} with the same error.
    bool public bubble;
    /// @notice Number of calls to {attack}.
    uint256 public attacks;
    /// @notice Number of re-entries that succeeded.
    uint256 public reentrySuccesses;
    /// @notice The revert data of the last failed re-entry (empty if none).
    bytes public lastRevertData;

    address[] private _targets;
    uint256[] private _values;
    bytes[] private _calldatas;
    bytes32 private _descriptionHash;

    /**
     * @notice Deploys the attacker.
     * @param governor The governor to re-enter.
     * @param timelock The timelock that executes the governor's motions.
     */
    constructor(IGovernor governor, address timelock) {
        GOVERNOR = governor;
        TIMELOCK = timelock;
    }

    /**
     * @notice Sets the motion the re-entry targets and how it is tried.
     * @param mode What {attack} tries.
     * @param bubble_ Whether a failed re-entry reverts {attack}.
     * @param targets The motion's targets.
     * @param values The motion's values.
     * @param calldatas The motion's calldatas.
     * @param descriptionHash keccak256 of the motion's description.
     */
    function arm(
        Reentry mode,
        bool bubble_,
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata calldatas,
        bytes32 descriptionHash
    ) external {
        reentry = mode;
        bubble = bubble_;
        delete _targets;
        delete _values;
        delete _calldatas;
        for (uint256 i = 0; i < targets.length; ++i) {
            _targets.push(targets[i]);
            _values.push(values[i]);
            _calldatas.push(calldatas[i]);
        }
        _descriptionHash = descriptionHash;
    }

    /**
     * @notice The motion's action. Called by the timelock, it tries the armed re-entry once per call.
     */
    function attack() external payable {
        ++attacks;
        if (msg.sender != TIMELOCK || reentry == Reentry.None) return;
        if (reentry == Reentry.Execute) {
            try GOVERNOR.execute(_targets, _values, _calldatas, _descriptionHash) returns (uint256) {
                ++reentrySuccesses;
                return;
            } catch (bytes memory reason) {
                lastRevertData = reason;
            }
        } else {
            try GOVERNOR.queue(_targets, _values, _calldatas, _descriptionHash) returns (uint256) {
                ++reentrySuccesses;
                return;
            } catch (bytes memory reason) {
                lastRevertData = reason;
            }
        }
        if (bubble) Address.verifyCallResult(false, lastRevertData);
    }
}
