// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {CouncilGovernor} from "../governance/CouncilGovernor.sol";
import {IMotionPolicy} from "../interfaces/IMotionPolicy.sol";
import {IStakeVault} from "../interfaces/IStakeVault.sol";

/**
 * @title CouncilGovernorHarness
 * @notice Test-only: exposes the governor's internal {_proposeMotion}, which creates a motion of a forced class
 * with one member excluded from its vote and quorum (the path that admission and no-confidence motions use).
 */
contract CouncilGovernorHarness is CouncilGovernor {
    /**
     * @notice Deploys the harness with the governor's constructor arguments.
     * @param vault The stake vault.
     * @param timelock_ The timelock.
     * @param policy The motion policy.
     * @param settings The governor settings.
     */
    constructor(
        IStakeVault vault,
        TimelockController timelock_,
        IMotionPolicy policy,
        Settings memory settings
    ) CouncilGovernor(vault, timelock_, policy, settings) {}

    /**
     * @notice Creates a motion of class `cls` excluding `excludedMemberId`, proposed by the caller.
     * @param targets Called contracts.
     * @param values Native coin per call.
     * @param calldatas Calldata per call.
     * @param description The description.
     * @param cls The forced class.
     * @param excludedMemberId The member excluded from the vote and the quorum bases.
     * @return The proposal id.
     */
    function proposeExcluding(
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata calldatas,
        string calldata description,
        IMotionPolicy.MotionClass cls,
        uint256 excludedMemberId
    ) external returns (uint256) {
        return _proposeMotion(targets, values, calldatas, description, msg.sender, cls, excludedMemberId);
    }
}
