// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {TransientSlot} from "@openzeppelin/contracts/utils/TransientSlot.sol";
import {ICouncilGovernor} from "../../interfaces/ICouncilGovernor.sol";
import {IMotionPolicy} from "../../interfaces/IMotionPolicy.sol";
import {GovernorCouncilVotes} from "./GovernorCouncilVotes.sol";

/**
 * @title GovernorMotionClasses
 * @notice Gives every motion a class (Standard, Treasury, Constitutional, Admission, No-confidence) with its own
 * quorum, approval rule, voting delay, voting period and timelock delay, taken from the {IMotionPolicy}.
 * @dev A general proposal's class is derived from its actions by the policy, never chosen by the proposer.
 * Admission and No-confidence motions are created only through {_proposeMotion}. The class's configuration is
 * copied into the motion when it is created, so later changes never move the goalposts of a running vote. The
 * voting delay and period reach OpenZeppelin's {Governor-_propose} through {votingDelay}/{votingPeriod}, which read
 * the class being proposed from transient storage (cleared before returning). The timelock schedules every motion
 * with its minimum delay (the floor); the class's delay is enforced here at execution, by the governor, which is
 * the timelock's only executor.
 */
abstract contract GovernorMotionClasses is GovernorCouncilVotes, ICouncilGovernor {
    using TransientSlot for *;

    /// @notice Denominator of quorum shares.
    uint256 public constant BPS = 10_000;

    // Transient slots: the class being proposed, and the class and excluded member forced by _proposeMotion.
    bytes32 private constant _PROPOSING_CLASS_SLOT = keccak256("gc-governance.GovernorMotionClasses.proposingClass");
    bytes32 private constant _FORCED_CLASS_SLOT = keccak256("gc-governance.GovernorMotionClasses.forcedClass");
    bytes32 private constant _EXCLUDED_MEMBER_SLOT = keccak256("gc-governance.GovernorMotionClasses.excludedMember");

    /// @dev Per-motion record: the class and the class configuration in force when the motion was created.
    struct Motion {
        IMotionPolicy.MotionClass motionClass;
        uint48 createdBlock;
        uint64 excludedMemberId;
        uint32 timelockDelay;
        uint16 memberQuorumBps;
        uint16 voteQuorumBps;
        uint8 approvalNumerator;
        uint8 approvalDenominator;
        // Quorum thresholds, computed from snapshot values at the first vote (0 until then).
        uint8 cachedMemberQuorum;
        uint32 cachedVoteQuorum;
    }

    IMotionPolicy private immutable _POLICY;

    mapping(uint256 proposalId => Motion) private _motions;

    /**
     * @notice Reads classes and their configuration from `policy`.
     * @param policy The motion policy (owned by the timelock).
     */
    constructor(IMotionPolicy policy) {
        _POLICY = policy;
    }

    /**
     * @notice The motion policy: classification table and class configurations.
     * @return The policy.
     */
    function motionPolicy() public view returns (IMotionPolicy) {
        return _POLICY;
    }

    /**
     * @notice A motion's class.
     * @param proposalId The proposal.
     * @return The class.
     */
    function motionClass(uint256 proposalId) public view returns (IMotionPolicy.MotionClass) {
        return _motion(proposalId).motionClass;
    }

    /**
     * @notice The voting delay, in seconds, of the class being proposed (Standard outside a proposal).
     * @return Seconds.
     */
    function votingDelay() public view virtual override returns (uint256) {
        return _POLICY.classConfig(_proposingClass()).votingDelay;
    }

    /**
     * @notice The voting period, in seconds, of the class being proposed (Standard outside a proposal).
     * @return Seconds.
     */
    function votingPeriod() public view virtual override returns (uint256) {
        return _POLICY.classConfig(_proposingClass()).votingPeriod;
    }

    /// @dev Classifies the motion (or takes the class forced by {_proposeMotion}) and records it.
    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal virtual override returns (uint256 proposalId) {
        uint256 forced = _FORCED_CLASS_SLOT.asUint256().tload();
        IMotionPolicy.MotionClass cls =
            forced != 0
                ? IMotionPolicy.MotionClass(forced - 1)
                : _POLICY.classifyActions(address(this), targets, values, calldatas);
        _PROPOSING_CLASS_SLOT.asUint256().tstore(uint256(cls) + 1);
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        _PROPOSING_CLASS_SLOT.asUint256().tstore(0);

        uint256 excluded = _EXCLUDED_MEMBER_SLOT.asUint256().tload();
        IMotionPolicy.ClassConfig memory config = _POLICY.classConfig(cls);
        _motions[proposalId] = Motion({
            motionClass: cls,
            createdBlock: SafeCast.toUint48(block.number),
            excludedMemberId: SafeCast.toUint64(excluded),
            timelockDelay: config.timelockDelay,
            memberQuorumBps: config.memberQuorumBps,
            voteQuorumBps: config.voteQuorumBps,
            approvalNumerator: config.approvalNumerator,
            approvalDenominator: config.approvalDenominator,
            cachedMemberQuorum: 0,
            cachedVoteQuorum: 0
        });
        emit MotionClassified(proposalId, cls, excluded);
    }

    /// @dev Schedules on the timelock (at its minimum delay) and reports the class's ETA.
    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal virtual override returns (uint48) {
        super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
        return SafeCast.toUint48(block.timestamp + _motions[proposalId].timelockDelay);
    }

    /// @dev Refuses to execute before the class's ETA.
    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal virtual override {
        uint256 eta = proposalEta(proposalId);
        if (block.timestamp < eta) revert GovernorMotionNotReady(proposalId, eta);
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    /**
     * @dev Creates a motion of a given class (Admission, No-confidence) through the whole {_propose} chain, with
     * `excludedMemberId` excluded from its vote and quorum.
     */
    function _proposeMotion(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer,
        IMotionPolicy.MotionClass cls,
        uint256 excludedMemberId
    ) internal returns (uint256 proposalId) {
        _FORCED_CLASS_SLOT.asUint256().tstore(uint256(cls) + 1);
        _EXCLUDED_MEMBER_SLOT.asUint256().tstore(excludedMemberId);
        proposalId = _propose(targets, values, calldatas, description, proposer);
        _FORCED_CLASS_SLOT.asUint256().tstore(0);
        _EXCLUDED_MEMBER_SLOT.asUint256().tstore(0);
    }

    /// @dev The per-motion record (class, thresholds, excluded member); reverts for an unknown motion.
    function _motion(uint256 proposalId) internal view returns (Motion storage m) {
        m = _motions[proposalId];
        if (m.createdBlock == 0) revert GovernorNonexistentProposal(proposalId);
    }

    function _proposingClass() private view returns (IMotionPolicy.MotionClass) {
        uint256 value = _PROPOSING_CLASS_SLOT.asUint256().tload();
        return value == 0 ? IMotionPolicy.MotionClass.Standard : IMotionPolicy.MotionClass(value - 1);
    }
}
