// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {TransientSlot} from "@openzeppelin/contracts/utils/TransientSlot.sol";
import {ICouncilGovernor} from "../../interfaces/ICouncilGovernor.sol";
import {ICouncilGovernorViews} from "../../interfaces/ICouncilGovernorViews.sol";
import {IMotionPolicy} from "../../interfaces/IMotionPolicy.sol";
import {GovernorCouncilVotes} from "./GovernorCouncilVotes.sol";

/**
 * @title GovernorMotionClasses
 * @notice Gives every motion a class (Standard, Treasury, Constitutional, Admission, No-confidence) with its own
 * quorum, approval rule, voting delay, voting period and timelock delay, taken from the {IMotionPolicy}.
 * @dev A general proposal's class is derived from its actions by the policy, never chosen by the proposer.
 * Admission and No-confidence motions are created only through {_proposeMotion}. The class's configuration and
 * the expiry windows are copied into the motion when it is created ({motionRecord}), so later changes never move
 * the goalposts of a running motion. The
 * voting delay and period reach OpenZeppelin's {Governor-_propose} through {votingDelay}/{votingPeriod}, which read
 * the class being proposed from transient storage (cleared before returning). The timelock schedules every motion
 * with its minimum delay (the floor); the class's delay is enforced here at execution, by the governor, which is
 * the timelock's only executor.
 */
abstract contract GovernorMotionClasses is GovernorCouncilVotes, ICouncilGovernor, ICouncilGovernorViews {
    using TransientSlot for *;

    /// @notice Denominator of quorum shares.
    uint256 public constant BPS = 10_000;

    // Transient slots: the class being proposed, and the class and subject forced by _proposeMotion.
    bytes32 private constant _PROPOSING_CLASS_SLOT = keccak256("gc-governance.GovernorMotionClasses.proposingClass");
    bytes32 private constant _FORCED_CLASS_SLOT = keccak256("gc-governance.GovernorMotionClasses.forcedClass");
    bytes32 private constant _SUBJECT_SLOT = keccak256("gc-governance.GovernorMotionClasses.subject");

    /// @dev Per-motion record: the class, the class configuration and the expiry windows in force when the motion was
    /// created, and its subject (one storage slot). The excluded member is the subject of a No-confidence motion.
    struct Motion {
        IMotionPolicy.MotionClass motionClass;
        uint48 createdBlock;
        uint32 subjectMemberId;
        uint24 timelockDelay;
        uint16 memberQuorumBps;
        uint16 voteQuorumBps;
        uint8 approvalNumerator;
        uint8 approvalDenominator;
        uint24 queueWindow;
        uint24 executionWindow;
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
     * @notice Everything frozen into a motion when it was created: its class and that class's configuration, the
     * expiry windows, its subject (admission candidate or no-confidence target) and the member excluded from its
     * vote. Clients derive a motion's rules from this record, never from the current policy.
     * @param proposalId The proposal.
     * @return r The record.
     */
    function motionRecord(uint256 proposalId) public view override returns (MotionRecord memory r) {
        Motion storage m = _motion(proposalId);
        r.motionClass = m.motionClass;
        r.createdBlock = m.createdBlock;
        r.subjectMemberId = m.subjectMemberId;
        r.excludedMemberId = _excludedMember(m);
        r.timelockDelay = m.timelockDelay;
        r.memberQuorumBps = m.memberQuorumBps;
        r.voteQuorumBps = m.voteQuorumBps;
        r.approvalNumerator = m.approvalNumerator;
        r.approvalDenominator = m.approvalDenominator;
        r.queueWindow = m.queueWindow;
        r.executionWindow = m.executionWindow;
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

        uint256 subject = _SUBJECT_SLOT.asUint256().tload();
        IMotionPolicy.ClassConfig memory config = _POLICY.classConfig(cls);
        (uint256 queueWindow_, uint256 executionWindow_) = _expiryWindows();
        Motion storage m = _motions[proposalId];
        m.motionClass = cls;
        m.createdBlock = SafeCast.toUint48(block.number);
        m.subjectMemberId = SafeCast.toUint32(subject);
        m.timelockDelay = SafeCast.toUint24(config.timelockDelay);
        m.memberQuorumBps = config.memberQuorumBps;
        m.voteQuorumBps = config.voteQuorumBps;
        m.approvalNumerator = config.approvalNumerator;
        m.approvalDenominator = config.approvalDenominator;
        m.queueWindow = uint24(queueWindow_);
        m.executionWindow = uint24(executionWindow_);
        emit MotionClassified(proposalId, cls, _excludedMember(m));
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
     * @dev Creates a motion of a given class (Admission, No-confidence) about `subjectMemberId` through the whole
     * {_propose} chain; a No-confidence motion's subject is excluded from its vote and quorum.
     */
    function _proposeMotion(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer,
        IMotionPolicy.MotionClass cls,
        uint256 subjectMemberId
    ) internal returns (uint256 proposalId) {
        _FORCED_CLASS_SLOT.asUint256().tstore(uint256(cls) + 1);
        _SUBJECT_SLOT.asUint256().tstore(subjectMemberId);
        proposalId = _propose(targets, values, calldatas, description, proposer);
        _FORCED_CLASS_SLOT.asUint256().tstore(0);
        _SUBJECT_SLOT.asUint256().tstore(0);
    }

    /// @dev Whether `account` (a caller, never zero) is the policy's community petitions contract (`veto` false) or
    /// veto contract (true); none is set while the policy returns zero.
    function _isCommunity(address account, bool veto) internal view returns (bool) {
        (address petitions, address vetoContract) = _POLICY.community();
        return account == (veto ? vetoContract : petitions);
    }

    /// @dev The expiry windows in force now (queue, execution), frozen into each new motion.
    function _expiryWindows() internal view virtual returns (uint256 queueWindow, uint256 executionWindow);

    /// @dev The member excluded from a motion's vote and quorum: a No-confidence motion's target, else 0.
    function _excludedMember(Motion storage m) internal view returns (uint256) {
        return m.motionClass == IMotionPolicy.MotionClass.NoConfidence ? m.subjectMemberId : 0;
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
