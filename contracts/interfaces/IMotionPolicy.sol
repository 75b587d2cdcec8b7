// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title IMotionPolicy
 * @notice The council's constitution table: how each call is classified, and each class's thresholds and timing.
 */
interface IMotionPolicy {
    /// @notice Kinds of motion. A general proposal's class is derived from its actions; the highest class wins.
    enum MotionClass {
        Standard,
        Treasury,
        Constitutional,
        Admission,
        NoConfidence
    }

    /**
     * @notice Thresholds and timing of one motion class.
     * @dev Quorum is reached when voters >= memberQuorumBps of eligible members OR votes cast >= voteQuorumBps of
     * total votes, both at the snapshot. A motion passes when For > half of the votes cast AND
     * For * approvalDenominator >= approvalNumerator * cast (1/2 gives Klaytn's For > Against + Abstain, 2/3 a
     * two-thirds majority).
     */
    struct ClassConfig {
        uint32 votingDelay;
        uint32 votingPeriod;
        uint32 timelockDelay;
        uint16 memberQuorumBps;
        uint16 voteQuorumBps;
        uint8 approvalNumerator;
        uint8 approvalDenominator;
    }

    /// @notice One entry of the classification table: calls of `selector` on `target` are of class `motionClass`.
    struct ActionClass {
        address target;
        bytes4 selector;
        MotionClass motionClass;
    }

    /**
     * @notice A class's thresholds or timing changed.
     * @param motionClass The class.
     * @param config The new configuration.
     */
    event ClassConfigSet(MotionClass motionClass, ClassConfig config);

    /**
     * @notice An entry of the classification table changed.
     * @param target The called contract.
     * @param selector The function selector (0xffffffff for every function of the target).
     * @param motionClass The class (Constitutional when an entry is cleared: the default).
     * @param cleared Whether the entry was removed.
     */
    event ActionClassSet(address indexed target, bytes4 indexed selector, MotionClass motionClass, bool cleared);

    /// @notice A general proposal called an action reserved for admission or no-confidence motions.
    error MotionPolicyReservedAction(address target, bytes4 selector);
    /// @notice A proposal may not grant a timelock role (admin, proposer, executor, canceller) to anyone but the
    /// governor, call the timelock's scheduling functions, move the governor to another timelock, or relay a call
    /// to the timelock, the governor or the policy.
    error MotionPolicyForbiddenAction(bytes4 selector);
    /// @notice A contract address was expected (the registry), but the account has no code.
    error MotionPolicyNotAContract(address account);
    /// @notice A class configuration outside the documented bounds (docs/architecture.md, "Defaults and bounds").
    error MotionPolicyInvalidClassConfig(MotionClass motionClass);
    /// @notice A classification entry that is not allowed (reserved class or action, the policy or timelock).
    error MotionPolicyInvalidActionClass(address target, bytes4 selector);
    /// @notice The arrays of a proposal differ in length.
    error MotionPolicyInvalidActions(uint256 targets, uint256 values, uint256 calldatas);

    /**
     * @notice The class of a general proposal with these actions, for the governor `governor`.
     * @param governor The governor the proposal is made to (its own calls are Constitutional).
     * @param targets Called contracts.
     * @param values Native coin per call.
     * @param calldatas Calldata per call.
     * @return The highest class among the actions.
     */
    function classifyActions(
        address governor,
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata calldatas
    ) external view returns (MotionClass);

    /**
     * @notice A class's configuration.
     * @param motionClass The class.
     * @return The configuration.
     */
    function classConfig(MotionClass motionClass) external view returns (ClassConfig memory);

    /**
     * @notice The For votes, out of `totalVotes`, that pass a motion of any class even if every other vote were
     * cast against it: at least the strictest vote quorum and approval fraction any class has had, and more than
     * half. The governor answers IGovernor's `quorum(t)` with it, so a standard client that counts only For votes
     * towards that quorum never shows a motion as passing that the governor defeats.
     * @param totalVotes The total votes at a snapshot.
     * @return The For votes needed.
     */
    function conservativeQuorum(uint256 totalVotes) external view returns (uint256);

    /**
     * @notice Whether a motion with these actions changes a guardian (the governor's or the reserve's
     * `setGuardian(address,uint256)`), so that the guardian may not cancel it.
     * @param calldatas Calldata per action.
     * @return True if any action calls `setGuardian(address,uint256)`.
     */
    function changesGuardian(bytes[] calldata calldatas) external pure returns (bool);

    /**
     * @notice Whether `timelock` is still governable by `governor` alone: the governor holds the proposer, executor
     * and canceller roles, execution is not open to everyone, and the minimum delay lies between 2 days and the
     * smallest class delay.
     * @param governor The governor.
     * @param timelock The governor's timelock.
     * @return True if governable.
     */
    function timelockGovernable(address governor, address timelock) external view returns (bool);

    /**
     * @notice The smallest timelock delay of any class (the timelock's minimum delay may not exceed it).
     * @return Seconds.
     */
    function smallestTimelockDelay() external view returns (uint256);
}
