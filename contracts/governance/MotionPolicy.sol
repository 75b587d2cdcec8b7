// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {GovernedOwnable} from "../access/GovernedOwnable.sol";
import {CouncilRegistry} from "../council/CouncilRegistry.sol";
import {ICommunityVeto} from "../interfaces/ICommunityVeto.sol";
import {IMotionPolicy} from "../interfaces/IMotionPolicy.sol";

/**
 * @title MotionPolicy
 * @notice The constitution table of the council's governor: the class of every call (target + selector), and the
 * quorum, approval rule, voting delay, voting period and timelock delay of every class (docs/architecture.md, "Motion
 * classes" and "Defaults and bounds").
 * @dev Owned by the timelock; a separate contract so that the governor stays under the contract size limit.
 * Classification of one action: calls to the governor, the timelock (its owner) or this policy are always
 * Constitutional, except an empty, value-less call to the timelock (a Standard signalling motion); otherwise the
 * table entry for target + selector, then the target's wildcard entry; with no entry, a plain payment (empty
 * calldata) to an account without code is Standard, anything else Constitutional (fail closed); an action sending
 * value is at least Treasury; the registry's `admit` and `remove` are reserved for admission and no-confidence
 * motions; no motion may grant a timelock role (admin, proposer, executor, canceller) to anyone but the
 * governor, call the timelock's scheduling functions, move the governor to another timelock, or make the governor
 * relay a call to the timelock, itself or this policy (a relayed call runs with the governor's timelock roles).
 * The highest class of the actions wins. Every setter enforces the documented bounds, and class timelock delays
 * never drop below the timelock's minimum delay. The policy also answers, for the governor, whether a motion
 * changes a guardian (which the guardian may then not cancel) and whether the timelock is still governable.
 */
contract MotionPolicy is IMotionPolicy, GovernedOwnable {
    /// @notice Selector key that classifies every function of a target.
    bytes4 public constant ANY_SELECTOR = 0xffffffff;
    /// @notice Denominator of quorum shares.
    uint256 public constant BPS = 10_000;
    /// @notice Shortest voting delay or voting period, in seconds.
    uint256 public constant MIN_VOTING_TIME = 1 days;
    /// @notice Longest voting delay or voting period, in seconds.
    uint256 public constant MAX_VOTING_TIME = 28 days;
    /// @notice Shortest class timelock delay, in seconds.
    uint256 public constant MIN_TIMELOCK_DELAY = 2 days;
    /// @notice Longest class timelock delay, in seconds.
    uint256 public constant MAX_TIMELOCK_DELAY = 30 days;
    /// @notice Smallest quorum share (1 %).
    uint256 public constant MIN_QUORUM_BPS = 100;

    uint256 private constant _CLASS_COUNT = 5;
    bytes32 private constant _DEFAULT_ADMIN_ROLE = 0x00;
    bytes32 private constant _PROPOSER_ROLE = keccak256("PROPOSER_ROLE");
    bytes32 private constant _EXECUTOR_ROLE = keccak256("EXECUTOR_ROLE");
    bytes32 private constant _CANCELLER_ROLE = keccak256("CANCELLER_ROLE");
    /// @dev `setGuardian(address,uint256)`: the governor's and the reserve's guardian setter share this selector.
    bytes4 private constant _SET_GUARDIAN = bytes4(keccak256("setGuardian(address,uint256)"));

    address private immutable _REGISTRY;
    address private immutable _DEPLOYER;

    address private _communityPetitions;
    address private _communityVeto;
    bool private _communityBound;

    mapping(MotionClass motionClass => ClassConfig) private _classConfigs;
    // The strictest approval fraction and vote-quorum share any class has ever had (running motions keep the
    // configuration they were created with, so a standard client's quorum must cover all of them).
    uint8 private _strictestApprovalNumerator;
    uint8 private _strictestApprovalDenominator = 1;
    uint16 private _strictestVoteQuorumBps;
    // The smallest class timelock delay, recomputed whenever a class changes (read by every anti-bricking check).
    uint32 private _smallestTimelockDelay;
    mapping(address target => mapping(bytes4 selector => uint8 classPlusOne)) private _actionClasses;

    /**
     * @notice Deploys the policy.
     * @param initialOwner The timelock (its minimum delay bounds the class delays).
     * @param registry_ The council registry, whose admit and remove are reserved.
     * @param configs Configuration of each class, indexed by {MotionClass}.
     * @param entries Initial classification table.
     */
    constructor(
        address initialOwner,
        address registry_,
        ClassConfig[5] memory configs,
        ActionClass[] memory entries
    ) GovernedOwnable(initialOwner) {
        if (registry_.code.length == 0) revert MotionPolicyNotAContract(registry_);
        _REGISTRY = registry_;
        _DEPLOYER = msg.sender;
        for (uint256 i = 0; i < _CLASS_COUNT; ++i) {
            _setClassConfig(MotionClass(i), configs[i]);
        }
        for (uint256 i = 0; i < entries.length; ++i) {
            _setActionClass(entries[i]);
        }
    }

    /**
     * @notice Change one class's thresholds and timing. Governance only; running motions keep the configuration
     * they were created with.
     * @param motionClass The class.
     * @param config The new configuration.
     */
    function setClassConfig(MotionClass motionClass, ClassConfig calldata config) external onlyOwner {
        _setClassConfig(motionClass, config);
    }

    /**
     * @notice Set entries of the classification table. Governance only (a Constitutional motion).
     * @param entries The entries; the class must be Standard, Treasury or Constitutional.
     */
    function setActionClasses(ActionClass[] calldata entries) external onlyOwner {
        for (uint256 i = 0; i < entries.length; ++i) {
            _setActionClass(entries[i]);
        }
    }

    /**
     * @notice Remove an entry of the table (the wildcard entry, or Constitutional, then applies). Governance only.
     * @param target The called contract.
     * @param selector The function selector, or {ANY_SELECTOR}.
     */
    function clearActionClass(address target, bytes4 selector) external onlyOwner {
        delete _actionClasses[target][selector];
        emit ActionClassSet(target, selector, MotionClass.Constitutional, true);
    }

    /**
     * @notice Set the community contracts the governor accepts: the petitions contract as sponsor, and the veto
     * contract as canceller, of Admission and No-confidence motions. Governance only (Constitutional); the deployer
     * may call it once, while wiring the deployment.
     * @dev Refused when the veto's phase is on and its window exceeds a membership class's timelock delay.
     * @param petitions The petitions contract (zero for none).
     * @param veto The veto contract (zero for none).
     */
    function setCommunity(address petitions, address veto) external {
        if (msg.sender != owner() && (msg.sender != _DEPLOYER || _communityBound)) {
            revert MotionPolicyCommunityBindingClosed(msg.sender);
        }
        if (petitions != address(0) && petitions.code.length == 0) revert MotionPolicyNotAContract(petitions);
        if (veto != address(0) && veto.code.length == 0) revert MotionPolicyNotAContract(veto);
        _communityBound = true;
        _communityPetitions = petitions;
        _communityVeto = veto;
        _requireVetoFits();
        emit CommunitySet(petitions, veto);
    }

    /// @inheritdoc IMotionPolicy
    function community() external view returns (address petitions, address veto) {
        return (_communityPetitions, _communityVeto);
    }

    /// @inheritdoc IMotionPolicy
    function vetoWindowFits(uint256 window) public view returns (bool) {
        return
            window <= _classConfigs[MotionClass.Admission].timelockDelay &&
            window <= _classConfigs[MotionClass.NoConfidence].timelockDelay;
    }

    /// @inheritdoc IMotionPolicy
    function classifyActions(
        address governor,
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata calldatas
    ) external view returns (MotionClass result) {
        if (targets.length != values.length || targets.length != calldatas.length) {
            revert MotionPolicyInvalidActions(targets.length, values.length, calldatas.length);
        }
        for (uint256 i = 0; i < targets.length; ++i) {
            MotionClass cls = classifyAction(governor, targets[i], values[i], calldatas[i]);
            if (cls > result) result = cls;
        }
    }

    /**
     * @notice The class of one action of a general proposal to `governor`.
     * @dev Reverts with {MotionPolicyReservedAction} for the registry's admit and remove, and with
     * {MotionPolicyForbiddenAction} for a timelock role granted to anyone but the governor.
     * @param governor The governor the proposal is made to.
     * @param target The called contract.
     * @param value Native coin sent with the call.
     * @param data The calldata.
     * @return result The class.
     */
    function classifyAction(
        address governor,
        address target,
        uint256 value,
        bytes calldata data
    ) public view returns (MotionClass result) {
        bytes4 selector = data.length >= 4 ? bytes4(data[:4]) : bytes4(0);
        if (_isReserved(target, selector)) revert MotionPolicyReservedAction(target, selector);
        address timelock = owner();
        if (target == timelock) _checkTimelockCall(governor, selector, data);
        if (target == governor) _checkGovernorCall(governor, timelock, selector, data);
        if (target == governor || target == timelock || target == address(this)) {
            bool signalling = target == timelock && data.length == 0 && value == 0;
            result = signalling ? MotionClass.Standard : MotionClass.Constitutional;
        } else {
            uint8 entry = _actionClasses[target][selector];
            if (entry == 0) entry = _actionClasses[target][ANY_SELECTOR];
            if (entry != 0) {
                result = MotionClass(entry - 1);
            } else if (data.length == 0 && target.code.length == 0) {
                // A plain payment to an account without code (kept codeless until execution by code pinning).
                result = MotionClass.Standard;
            } else {
                result = MotionClass.Constitutional;
            }
        }
        if (value > 0 && result < MotionClass.Treasury) result = MotionClass.Treasury;
    }

    /**
     * @notice The table entry for `target` and `selector`.
     * @param target The called contract.
     * @param selector The selector, or {ANY_SELECTOR}.
     * @return motionClass The class (Constitutional when unset).
     * @return isSet Whether an entry exists.
     */
    function actionClass(address target, bytes4 selector) external view returns (MotionClass motionClass, bool isSet) {
        uint8 entry = _actionClasses[target][selector];
        return (entry == 0 ? MotionClass.Constitutional : MotionClass(entry - 1), entry != 0);
    }

    /// @inheritdoc IMotionPolicy
    function classConfig(MotionClass motionClass) external view returns (ClassConfig memory) {
        return _classConfigs[motionClass];
    }

    /// @inheritdoc IMotionPolicy
    function smallestTimelockDelay() public view returns (uint256) {
        return _smallestTimelockDelay;
    }

    /// @inheritdoc IMotionPolicy
    function conservativeQuorum(uint256 totalVotes) external view returns (uint256) {
        uint256 approval = Math.mulDiv(
            totalVotes,
            _strictestApprovalNumerator,
            _strictestApprovalDenominator,
            Math.Rounding.Ceil
        );
        uint256 quorum = Math.mulDiv(totalVotes, _strictestVoteQuorumBps, BPS, Math.Rounding.Ceil);
        return Math.max(Math.max(approval, quorum), totalVotes / 2 + 1);
    }

    /**
     * @notice The strictest approval fraction and vote-quorum share any class has had since deployment.
     * @return approvalNumerator Numerator of the approval fraction.
     * @return approvalDenominator Denominator of the approval fraction.
     * @return voteQuorumBps The vote-quorum share, in basis points.
     */
    function strictestRules()
        external
        view
        returns (uint256 approvalNumerator, uint256 approvalDenominator, uint256 voteQuorumBps)
    {
        return (_strictestApprovalNumerator, _strictestApprovalDenominator, _strictestVoteQuorumBps);
    }

    /// @inheritdoc IMotionPolicy
    function changesGuardian(bytes[] calldata calldatas) external pure returns (bool) {
        for (uint256 i = 0; i < calldatas.length; ++i) {
            if (calldatas[i].length >= 4 && bytes4(calldatas[i][:4]) == _SET_GUARDIAN) return true;
        }
        return false;
    }

    /// @inheritdoc IMotionPolicy
    function timelockGovernable(address governor, address timelock) external view returns (bool) {
        TimelockController tl = TimelockController(payable(timelock));
        uint256 minDelay = tl.getMinDelay();
        return
            tl.hasRole(_PROPOSER_ROLE, governor) &&
            tl.hasRole(_EXECUTOR_ROLE, governor) &&
            tl.hasRole(_CANCELLER_ROLE, governor) &&
            !tl.hasRole(_EXECUTOR_ROLE, address(0)) &&
            minDelay >= MIN_TIMELOCK_DELAY &&
            minDelay <= smallestTimelockDelay();
    }

    /**
     * @notice The council registry whose admit and remove are reserved.
     * @return The registry.
     */
    function registry() external view returns (address) {
        return _REGISTRY;
    }

    function _setClassConfig(MotionClass cls, ClassConfig memory config) private {
        if (
            config.votingDelay < MIN_VOTING_TIME ||
            config.votingDelay > MAX_VOTING_TIME ||
            config.votingPeriod < MIN_VOTING_TIME ||
            config.votingPeriod > MAX_VOTING_TIME ||
            config.timelockDelay < MIN_TIMELOCK_DELAY ||
            config.timelockDelay < _timelockMinDelay() ||
            config.timelockDelay > MAX_TIMELOCK_DELAY ||
            config.memberQuorumBps < MIN_QUORUM_BPS ||
            config.memberQuorumBps > BPS ||
            config.voteQuorumBps < MIN_QUORUM_BPS ||
            config.voteQuorumBps > BPS ||
            config.approvalDenominator == 0 ||
            config.approvalNumerator > config.approvalDenominator ||
            2 * uint256(config.approvalNumerator) < config.approvalDenominator
        ) revert MotionPolicyInvalidClassConfig(cls);
        _classConfigs[cls] = config;
        uint32 smallest = type(uint32).max;
        for (uint256 i = 0; i < _CLASS_COUNT; ++i) {
            uint32 delay = _classConfigs[MotionClass(i)].timelockDelay;
            if (delay < smallest) smallest = delay;
        }
        _smallestTimelockDelay = smallest;
        if (
            uint256(config.approvalNumerator) * _strictestApprovalDenominator >
            uint256(_strictestApprovalNumerator) * config.approvalDenominator
        ) {
            _strictestApprovalNumerator = config.approvalNumerator;
            _strictestApprovalDenominator = config.approvalDenominator;
        }
        if (config.voteQuorumBps > _strictestVoteQuorumBps) _strictestVoteQuorumBps = config.voteQuorumBps;
        if (cls == MotionClass.Admission || cls == MotionClass.NoConfidence) _requireVetoFits();
        emit ClassConfigSet(cls, config);
    }

    /// @dev While the community veto phase is on, its window must fit the membership classes' timelock delays.
    function _requireVetoFits() private view {
        if (_communityVeto == address(0)) return;
        (bool on, uint256 window) = ICommunityVeto(_communityVeto).vetoPhase();
        if (on && !vetoWindowFits(window)) revert MotionPolicyVetoWindowTooLong(window);
    }

    function _setActionClass(ActionClass memory entry) private {
        if (
            entry.motionClass > MotionClass.Constitutional ||
            entry.target == address(0) ||
            entry.target == address(this) ||
            entry.target == owner() ||
            _isReserved(entry.target, entry.selector)
        ) revert MotionPolicyInvalidActionClass(entry.target, entry.selector);
        _actionClasses[entry.target][entry.selector] = uint8(entry.motionClass) + 1;
        emit ActionClassSet(entry.target, entry.selector, entry.motionClass, false);
    }

    /// @dev No motion may give another account a timelock role that executes, schedules, cancels or administers:
    /// anyone holding one could bypass the governor's class delays, code pinning and expiry. (The timelock cannot
    /// enumerate role holders, so this is checked on the proposal's calldata.)
    function _checkTimelockCall(address governor, bytes4 selector, bytes calldata data) private pure {
        if (
            selector == TimelockController.schedule.selector ||
            selector == TimelockController.scheduleBatch.selector ||
            selector == TimelockController.execute.selector ||
            selector == TimelockController.executeBatch.selector ||
            selector == TimelockController.cancel.selector
        ) revert MotionPolicyForbiddenAction(selector);
        if (selector != IAccessControl.grantRole.selector) return;
        if (data.length < 68) revert MotionPolicyForbiddenAction(selector);
        (bytes32 role, address account) = abi.decode(data[4:], (bytes32, address));
        if (
            account != governor &&
            (role == _DEFAULT_ADMIN_ROLE || role == _PROPOSER_ROLE || role == _EXECUTOR_ROLE || role == _CANCELLER_ROLE)
        ) revert MotionPolicyForbiddenAction(selector);
    }

    /// @dev A call to the governor may not move it to another timelock (whose other role holders would then command
    /// the governor, and through {Governor-relay} the council's timelock), and may not relay a call to the timelock,
    /// the governor or this policy: a relayed call runs as the governor, with its timelock roles, and would escape
    /// the checks above. A relayed call to any other contract must not be an action reserved for membership motions.
    function _checkGovernorCall(address governor, address timelock, bytes4 selector, bytes calldata data) private view {
        if (selector == GovernorTimelockControl.updateTimelock.selector) revert MotionPolicyForbiddenAction(selector);
        if (selector != Governor.relay.selector) return;
        if (data.length < 100) revert MotionPolicyForbiddenAction(selector);
        (address innerTarget, , bytes memory innerData) = abi.decode(data[4:], (address, uint256, bytes));
        bytes4 innerSelector = innerData.length >= 4 ? bytes4(innerData) : bytes4(0);
        if (
            innerTarget == timelock ||
            innerTarget == governor ||
            innerTarget == address(this) ||
            _isReserved(innerTarget, innerSelector)
        ) revert MotionPolicyForbiddenAction(selector);
    }

    /// @dev The owner's minimum delay when it is a timelock; 0 for an owner that is not (only the floor applies).
    function _timelockMinDelay() private view returns (uint256) {
        (bool ok, bytes memory data) = owner().staticcall(abi.encodeCall(TimelockController.getMinDelay, ()));
        return ok && data.length == 32 ? abi.decode(data, (uint256)) : 0;
    }

    function _isReserved(address target, bytes4 selector) private view returns (bool) {
        return
            target == _REGISTRY &&
            (selector == CouncilRegistry.admit.selector || selector == CouncilRegistry.remove.selector);
    }
}
