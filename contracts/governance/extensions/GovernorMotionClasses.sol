// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {TransientSlot} from "@openzeppelin/contracts/utils/TransientSlot.sol";
import {CouncilRegistry} from "../../council/CouncilRegistry.sol";
import {ICouncilGovernor} from "../../interfaces/ICouncilGovernor.sol";
import {GovernorCouncilVotes} from "./GovernorCouncilVotes.sol";

/**
 * @title GovernorMotionClasses
 * @notice Motion classes (Standard, Treasury, Constitutional, Admission, No-confidence), each with its own quorum,
 * approval rule, voting delay, voting period and timelock delay.
 * @dev A general proposal's class is derived from its actions, never chosen by the proposer: each action's class
 * comes from the classification table (target + selector, then target-wide, else Constitutional), an action that
 * sends value is at least Treasury, and the highest class wins. Calls to the governor or the timelock are always
 * Constitutional (so the table itself is constitutional), except an empty, value-less call to the timelock, which
 * is a Standard signalling motion. Admission and No-confidence motions are created only through their own entry
 * points ({_proposeMotion}); their actions (the registry's `admit` and `remove`) are reserved.
 *
 * The class's configuration is copied into the motion when it is created, so later changes never move the
 * goalposts of a running vote. The voting delay and period reach OpenZeppelin's {Governor-_propose} through
 * {votingDelay}/{votingPeriod}, which read the class being proposed from transient storage. The timelock schedules
 * every motion with its minimum delay (the floor); the class's longer delay is enforced here, at execution, by the
 * governor, which is the timelock's only executor.
 */
abstract contract GovernorMotionClasses is GovernorCouncilVotes, ICouncilGovernor {
    using TransientSlot for *;

    /// @notice Selector key that classifies every function of a target.
    bytes4 public constant ANY_SELECTOR = 0xffffffff;
    /// @notice Denominator of quorum shares.
    uint256 public constant BPS = 10_000;

    uint256 private constant _MIN_VOTING_TIME = 1 days;
    uint256 private constant _MAX_VOTING_TIME = 28 days;
    uint256 private constant _MIN_TIMELOCK_DELAY = 2 days;
    uint256 private constant _MAX_TIMELOCK_DELAY = 30 days;
    uint256 private constant _MIN_QUORUM_BPS = 100;
    uint256 private constant _CLASS_COUNT = 5;

    // Transient slots: the class being proposed, and the class and excluded member forced by _proposeMotion.
    bytes32 private constant _PROPOSING_CLASS_SLOT = keccak256("gc-governance.GovernorMotionClasses.proposingClass");
    bytes32 private constant _FORCED_CLASS_SLOT = keccak256("gc-governance.GovernorMotionClasses.forcedClass");
    bytes32 private constant _EXCLUDED_MEMBER_SLOT = keccak256("gc-governance.GovernorMotionClasses.excludedMember");

    /// @dev Per-motion record: the class and the class configuration in force when the motion was created.
    struct Motion {
        MotionClass motionClass;
        uint48 createdBlock;
        uint64 excludedMemberId;
        uint32 timelockDelay;
        uint16 memberQuorumBps;
        uint16 voteQuorumBps;
        uint8 approvalNumerator;
        uint8 approvalDenominator;
    }

    mapping(MotionClass motionClass => ClassConfig) private _classConfigs;
    mapping(address target => mapping(bytes4 selector => uint8 classPlusOne)) private _actionClasses;
    mapping(uint256 proposalId => Motion) private _motions;

    /**
     * @param configs Configuration of each class, indexed by {MotionClass}.
     * @param entries Initial classification table.
     */
    constructor(ClassConfig[5] memory configs, ActionClass[] memory entries) {
        for (uint256 i = 0; i < _CLASS_COUNT; ++i) {
            _setClassConfig(MotionClass(i), configs[i]);
        }
        for (uint256 i = 0; i < entries.length; ++i) {
            _setActionClass(entries[i]);
        }
    }

    // ---------------------------------------------------------------- governance

    /**
     * @notice Change one class's thresholds and timing (SPEC §11 bounds). Governance only; running motions keep
     * the configuration they were created with.
     * @param cls The class.
     * @param config The new configuration.
     */
    function setClassConfig(MotionClass cls, ClassConfig calldata config) external onlyGovernance {
        _setClassConfig(cls, config);
    }

    /**
     * @notice Set entries of the classification table. Governance only (a Constitutional motion, since it calls
     * the governor).
     * @param entries The entries; the class must be Standard, Treasury or Constitutional.
     */
    function setActionClasses(ActionClass[] calldata entries) external onlyGovernance {
        for (uint256 i = 0; i < entries.length; ++i) {
            _setActionClass(entries[i]);
        }
    }

    /**
     * @notice Remove an entry of the classification table (the target's wildcard entry, or Constitutional, then
     * applies). Governance only.
     * @param target The called contract.
     * @param selector The function selector, or {ANY_SELECTOR}.
     */
    function clearActionClass(address target, bytes4 selector) external onlyGovernance {
        delete _actionClasses[target][selector];
        emit ActionClassSet(target, selector, MotionClass.Constitutional, true);
    }

    // ---------------------------------------------------------------- views

    /**
     * @notice A class's current configuration.
     * @param cls The class.
     * @return The configuration.
     */
    function classConfig(MotionClass cls) public view returns (ClassConfig memory) {
        return _classConfigs[cls];
    }

    /**
     * @notice The class of one action as a general proposal would see it.
     * @dev Reverts with {GovernorReservedAction} for admission and removal calls.
     * @param target The called contract.
     * @param value Native coin sent with the call.
     * @param data The calldata.
     * @return The class.
     */
    function classifyAction(address target, uint256 value, bytes memory data) public view returns (MotionClass) {
        bytes4 selector = data.length >= 4 ? bytes4(data) : bytes4(0);
        if (_isReservedAction(target, selector)) revert GovernorReservedAction(target, selector);
        MotionClass result;
        if (target == address(this) || target == _executor()) {
            bool signalling = target == _executor() && data.length == 0 && value == 0;
            result = signalling ? MotionClass.Standard : MotionClass.Constitutional;
        } else {
            uint8 entry = _actionClasses[target][selector];
            if (entry == 0) entry = _actionClasses[target][ANY_SELECTOR];
            result = entry == 0 ? MotionClass.Constitutional : MotionClass(entry - 1);
        }
        if (value > 0 && result < MotionClass.Treasury) result = MotionClass.Treasury;
        return result;
    }

    /**
     * @notice The class a general proposal with these actions would have: the highest of its actions' classes.
     * @param targets Called contracts.
     * @param values Native coin per call.
     * @param calldatas Calldata per call.
     * @return result The class.
     */
    function classifyActions(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas
    ) public view returns (MotionClass result) {
        for (uint256 i = 0; i < targets.length; ++i) {
            MotionClass cls = classifyAction(targets[i], values[i], calldatas[i]);
            if (cls > result) result = cls;
        }
    }

    /**
     * @notice The classification table entry for `target` and `selector`.
     * @param target The called contract.
     * @param selector The selector, or {ANY_SELECTOR}.
     * @return cls The class (Constitutional when unset).
     * @return isSet Whether an entry exists.
     */
    function actionClass(address target, bytes4 selector) external view returns (MotionClass cls, bool isSet) {
        uint8 entry = _actionClasses[target][selector];
        return (entry == 0 ? MotionClass.Constitutional : MotionClass(entry - 1), entry != 0);
    }

    /**
     * @notice A motion's class.
     * @param proposalId The proposal.
     * @return The class.
     */
    function motionClass(uint256 proposalId) public view returns (MotionClass) {
        return _motions[proposalId].motionClass;
    }

    /**
     * @notice The voting delay, in seconds, of the class being proposed (Standard outside a proposal).
     * @return Seconds.
     */
    function votingDelay() public view virtual override returns (uint256) {
        return _classConfigs[_proposingClass()].votingDelay;
    }

    /**
     * @notice The voting period, in seconds, of the class being proposed (Standard outside a proposal).
     * @return Seconds.
     */
    function votingPeriod() public view virtual override returns (uint256) {
        return _classConfigs[_proposingClass()].votingPeriod;
    }

    // ---------------------------------------------------------------- hooks

    /// @dev Classifies the motion (or takes the class forced by {_proposeMotion}) and records it.
    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal virtual override returns (uint256 proposalId) {
        uint256 forced = _FORCED_CLASS_SLOT.asUint256().tload();
        MotionClass cls = forced != 0 ? MotionClass(forced - 1) : classifyActions(targets, values, calldatas);
        _PROPOSING_CLASS_SLOT.asUint256().tstore(uint256(cls) + 1);
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        _PROPOSING_CLASS_SLOT.asUint256().tstore(0);

        uint256 excluded = _EXCLUDED_MEMBER_SLOT.asUint256().tload();
        ClassConfig storage config = _classConfigs[cls];
        _motions[proposalId] = Motion({
            motionClass: cls,
            createdBlock: SafeCast.toUint48(block.number),
            excludedMemberId: SafeCast.toUint64(excluded),
            timelockDelay: config.timelockDelay,
            memberQuorumBps: config.memberQuorumBps,
            voteQuorumBps: config.voteQuorumBps,
            approvalNumerator: config.approvalNumerator,
            approvalDenominator: config.approvalDenominator
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
        MotionClass cls,
        uint256 excludedMemberId
    ) internal returns (uint256 proposalId) {
        _FORCED_CLASS_SLOT.asUint256().tstore(uint256(cls) + 1);
        _EXCLUDED_MEMBER_SLOT.asUint256().tstore(excludedMemberId);
        proposalId = _propose(targets, values, calldatas, description, proposer);
        _FORCED_CLASS_SLOT.asUint256().tstore(0);
        _EXCLUDED_MEMBER_SLOT.asUint256().tstore(0);
    }

    /// @dev The per-motion record (class, thresholds, excluded member).
    function _motion(uint256 proposalId) internal view returns (Motion storage) {
        return _motions[proposalId];
    }

    /// @dev The smallest timelock delay of any class (the timelock's minimum delay may not exceed it).
    function _smallestClassTimelockDelay() internal view returns (uint256 smallest) {
        smallest = type(uint256).max;
        for (uint256 i = 0; i < _CLASS_COUNT; ++i) {
            uint256 delay = _classConfigs[MotionClass(i)].timelockDelay;
            if (delay < smallest) smallest = delay;
        }
    }

    /// @dev Whether a call is reserved for admission or no-confidence motions: the registry's admit and remove.
    function _isReservedAction(address target, bytes4 selector) internal view returns (bool) {
        return
            target == address(councilRegistry()) &&
            (selector == CouncilRegistry.admit.selector || selector == CouncilRegistry.remove.selector);
    }

    /// @dev The timelock's current minimum delay, in seconds.
    function _timelockMinDelay() internal view virtual returns (uint256);

    // ---------------------------------------------------------------- internals

    function _proposingClass() private view returns (MotionClass) {
        uint256 value = _PROPOSING_CLASS_SLOT.asUint256().tload();
        return value == 0 ? MotionClass.Standard : MotionClass(value - 1);
    }

    function _setClassConfig(MotionClass cls, ClassConfig memory config) private {
        uint256 minDelay = _timelockMinDelay();
        if (
            config.votingDelay < _MIN_VOTING_TIME ||
            config.votingDelay > _MAX_VOTING_TIME ||
            config.votingPeriod < _MIN_VOTING_TIME ||
            config.votingPeriod > _MAX_VOTING_TIME ||
            config.timelockDelay < _MIN_TIMELOCK_DELAY ||
            config.timelockDelay < minDelay ||
            config.timelockDelay > _MAX_TIMELOCK_DELAY ||
            config.memberQuorumBps < _MIN_QUORUM_BPS ||
            config.memberQuorumBps > BPS ||
            config.voteQuorumBps < _MIN_QUORUM_BPS ||
            config.voteQuorumBps > BPS ||
            config.approvalDenominator == 0 ||
            config.approvalNumerator > config.approvalDenominator ||
            2 * uint256(config.approvalNumerator) < config.approvalDenominator
        ) revert GovernorInvalidClassConfig(cls);
        _classConfigs[cls] = config;
        emit ClassConfigSet(cls, config);
    }

    function _setActionClass(ActionClass memory entry) private {
        if (
            entry.motionClass > MotionClass.Constitutional ||
            entry.target == address(this) ||
            entry.target == _executor() ||
            entry.target == address(0) ||
            _isReservedAction(entry.target, entry.selector)
        ) revert GovernorInvalidActionClass(entry.target, entry.selector);
        _actionClasses[entry.target][entry.selector] = uint8(entry.motionClass) + 1;
        emit ActionClassSet(entry.target, entry.selector, entry.motionClass, false);
    }
}
