// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {GovernedOwnable} from "../access/GovernedOwnable.sol";
import {CommunityLocks} from "./CommunityLocks.sol";
import {CouncilRegistry} from "../council/CouncilRegistry.sol";
import {GovernorMembershipMotions} from "../governance/extensions/GovernorMembershipMotions.sol";
import {ICommunityVeto} from "../interfaces/ICommunityVeto.sol";
import {IMotionPolicy} from "../interfaces/IMotionPolicy.sol";
import {ICouncilGovernor} from "../interfaces/ICouncilGovernor.sol";

/**
 * @title CommunityVeto
 * @notice The community veto, a later decentralization phase (off until a Constitutional motion switches it on).
 * While a passed Admission or No-confidence motion waits in the timelock, holders lock the council's stake asset
 * against it or for it. The moment opposition reaches the veto threshold (10,000,000 coins by default) and exceeds
 * the support locked in the same window, the motion is canceled through the governor, which accepts this contract
 * (the policy's community veto) as a canceller of membership motions. The timelock roles stay with the governor.
 * @dev A motion's window opens when it is queued and lasts the veto window (7 days by default), but never past the
 * motion's ETA; the policy refuses to switch the phase on, or to shorten a membership class's timelock delay, when
 * the window would not fit (one rule: {IMotionPolicy-vetoWindowFits}). Flash-loan proof: locked coin comes back only
 * after the window closes, whatever happened, so a lock and its withdrawal never share a transaction. An account
 * locks on one side per motion. The first lock names the motion's description hash, checked against the governor.
 * No function loops.
 */
contract CommunityVeto is ICommunityVeto, GovernedOwnable, CommunityLocks {
    /// @notice Shortest veto window, in seconds.
    uint256 public constant MIN_WINDOW = 1 days;
    /// @notice Longest veto window, in seconds.
    uint256 public constant MAX_WINDOW = 30 days;

    address private immutable _REGISTRY;

    bool private _on;
    uint256 private _window;
    uint256 private _threshold;
    mapping(uint256 proposalId => Campaign) private _campaigns;

    /**
     * @notice Deploys the veto contract, with the phase off.
     * @param initialOwner The council's timelock.
     * @param governor_ The council's governor.
     * @param window_ Veto window, in seconds (1 to 30 days).
     * @param threshold_ Opposition needed to veto, in the asset's smallest unit (> 0).
     */
    constructor(
        address initialOwner,
        GovernorMembershipMotions governor_,
        uint256 window_,
        uint256 threshold_
    ) GovernedOwnable(initialOwner) CommunityLocks(governor_) {
        _REGISTRY = address(governor_.councilRegistry());
        _setWindow(window_);
        _setThreshold(threshold_);
    }

    /**
     * @notice Lock coin against (or for) a queued Admission or No-confidence motion while its veto window is open.
     * Send it as `msg.value` in native mode, or approve this contract in ERC-20 mode. If opposition then reaches the
     * threshold and exceeds support, the motion is canceled in this transaction.
     * @param proposalId The motion.
     * @param descriptionHash keccak256 of the motion's description (checked on the first lock).
     * @param support True for the motion, false against it.
     * @param amount The amount, in the asset's smallest unit (> 0).
     */
    function lock(
        uint256 proposalId,
        bytes32 descriptionHash,
        bool support,
        uint256 amount
    ) external payable nonReentrant {
        if (!_on) revert CommunityVetoPhaseOff();
        // Only while Queued: not before, and not once canceled, voided or executed.
        _requireQueued(proposalId);
        Campaign storage c = _campaigns[proposalId];
        if (c.windowEnd == 0) {
            _openCampaign(c, proposalId, descriptionHash);
        } else if (c.descriptionHash != descriptionHash) {
            revert CommunityVetoWrongDescription(proposalId, descriptionHash);
        }
        if (block.timestamp >= c.windowEnd) revert CommunityVetoWindowClosed(proposalId, c.windowEnd);
        uint256 received = _lock(proposalId, support, amount);
        uint256 newTotal = support ? (c.support += received) : (c.opposition += received);
        emit Locked(proposalId, msg.sender, support, received, newTotal);
        if (!support && c.opposition >= _threshold && c.opposition > c.support) {
            c.vetoed = true;
            emit Vetoed(proposalId, c.support, c.opposition);
            (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _actions(proposalId);
            _governor().cancel(targets, values, calldatas, c.descriptionHash);
        }
    }

    /**
     * @notice After a motion's veto window closes, take back exactly what you locked, whatever happened.
     * @param proposalId The motion.
     */
    function withdraw(uint256 proposalId) external nonReentrant {
        Campaign storage c = _campaigns[proposalId];
        if (block.timestamp < c.windowEnd || c.windowEnd == 0) revert CommunityVetoWindowOpen(proposalId, c.windowEnd);
        _withdraw(proposalId);
    }

    // ---------------------------------------------------------------- governance

    /**
     * @notice Switch the veto phase on or off. Governance only (a Constitutional motion).
     * @dev Switching on needs this contract to be the policy's community veto and the window to fit the Admission
     * and No-confidence timelock delays. Campaigns already open keep running when it is switched off; their locks
     * stay withdrawable.
     * @param on Whether holders may veto.
     */
    function setPhase(bool on) external onlyOwner {
        if (on) _requireFits(_window);
        _on = on;
        emit PhaseSet(on);
    }

    /**
     * @notice Set the veto window of new campaigns. Governance only (a Constitutional motion).
     * @param window_ Seconds, 1 to 30 days; while the phase is on, at most the membership classes' timelock delay.
     */
    function setWindow(uint256 window_) external onlyOwner {
        if (_on) _requireFits(window_);
        _setWindow(window_);
    }

    /**
     * @notice Set the veto threshold. Governance only (a Constitutional motion).
     * @param threshold_ Opposition needed, in the asset's smallest unit (> 0).
     */
    function setThreshold(uint256 threshold_) external onlyOwner {
        _setThreshold(threshold_);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc ICommunityVeto
    function vetoPhase() external view returns (bool on, uint256 window) {
        return (_on, _window);
    }

    /**
     * @notice The opposition needed to veto, in the asset's smallest unit.
     * @return The threshold.
     */
    function threshold() external view returns (uint256) {
        return _threshold;
    }

    /**
     * @notice A motion's veto campaign (all zero before its first lock).
     * @param proposalId The motion.
     * @return The campaign.
     */
    function campaign(uint256 proposalId) external view returns (Campaign memory) {
        return _campaigns[proposalId];
    }

    /**
     * @notice An account's lock on a motion's campaign.
     * @param proposalId The motion.
     * @param account The locker.
     * @return The lock (amount, side, withdrawn).
     */
    function lockOf(uint256 proposalId, address account) external view returns (Lock memory) {
        return _lockOf(proposalId, account);
    }

    // ---------------------------------------------------------------- internals

    function _openCampaign(Campaign storage c, uint256 proposalId, bytes32 descriptionHash) private {
        IMotionPolicy.MotionClass cls = _governor().motionClass(proposalId);
        if (cls != IMotionPolicy.MotionClass.Admission && cls != IMotionPolicy.MotionClass.NoConfidence) {
            revert CommunityVetoNotMembershipMotion(proposalId);
        }
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _actions(proposalId);
        // Reverts (GovernorNonexistentProposal) for a hash that names no motion.
        if (_governor().getProposalId(targets, values, calldatas, descriptionHash) != proposalId) {
            revert CommunityVetoWrongDescription(proposalId, descriptionHash);
        }
        uint256 eta = _governor().proposalEta(proposalId);
        uint256 queuedAt = eta - _governor().motionRecord(proposalId).timelockDelay;
        c.windowEnd = SafeCast.toUint48(Math.min(queuedAt + _window, eta));
        c.descriptionHash = descriptionHash;
    }

    function _requireQueued(uint256 proposalId) private view {
        IGovernor.ProposalState current = _governor().state(proposalId);
        if (current != IGovernor.ProposalState.Queued) revert CommunityVetoNotQueued(proposalId, uint8(current));
    }

    /// @dev A membership motion's only action: the registry's admit or remove of its subject.
    function _actions(
        uint256 proposalId
    ) private view returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) {
        ICouncilGovernor.MotionRecord memory r = _governor().motionRecord(proposalId);
        targets = new address[](1);
        targets[0] = _REGISTRY;
        values = new uint256[](1);
        calldatas = new bytes[](1);
        calldatas[0] =
            r.motionClass == IMotionPolicy.MotionClass.Admission
                ? abi.encodeCall(CouncilRegistry.admit, (r.subjectMemberId))
                : abi.encodeCall(CouncilRegistry.remove, (r.subjectMemberId));
    }

    function _requireFits(uint256 window_) private view {
        IMotionPolicy policy = _governor().motionPolicy();
        (, address bound) = policy.community();
        if (bound != address(this)) revert CommunityVetoNotBound(bound);
        if (!policy.vetoWindowFits(window_)) revert CommunityVetoWindowTooLong(window_);
    }

    function _setWindow(uint256 window_) private {
        if (window_ < MIN_WINDOW || window_ > MAX_WINDOW) revert CommunityVetoInvalidWindow(window_);
        _window = window_;
        emit WindowSet(window_);
    }

    function _setThreshold(uint256 threshold_) private {
        if (threshold_ == 0) revert CommunityVetoInvalidThreshold(threshold_);
        _threshold = threshold_;
        emit ThresholdSet(threshold_);
    }
}
