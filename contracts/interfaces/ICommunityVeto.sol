// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICommunityLocks} from "./ICommunityLocks.sol";

/**
 * @title ICommunityVeto
 * @notice The community veto phase: while a passed Admission or No-confidence motion waits in the timelock, holders
 * lock coin against it (or for it); enough opposition, above the support, cancels it.
 */
interface ICommunityVeto is ICommunityLocks {
    /// @notice One motion's veto campaign.
    struct Campaign {
        uint48 windowEnd;
        bool vetoed;
        bytes32 descriptionHash;
        uint256 support;
        uint256 opposition;
    }

    /**
     * @notice The phase was switched on or off.
     * @param on Whether holders may now veto.
     */
    event PhaseSet(bool on);

    /**
     * @notice The veto window changed.
     * @param window Seconds after a motion is queued during which holders may lock.
     */
    event WindowSet(uint256 window);

    /**
     * @notice The veto threshold changed.
     * @param threshold Opposition needed, in the asset's smallest unit.
     */
    event ThresholdSet(uint256 threshold);

    /**
     * @notice The community vetoed a motion: it was canceled through the governor.
     * @param proposalId The motion.
     * @param support Total support.
     * @param opposition Total opposition.
     */
    event Vetoed(uint256 indexed proposalId, uint256 support, uint256 opposition);

    /// @notice The veto phase is off.
    error CommunityVetoPhaseOff();
    /// @notice A window outside [1, 30] days.
    error CommunityVetoInvalidWindow(uint256 window);
    /// @notice A zero threshold.
    error CommunityVetoInvalidThreshold(uint256 threshold);
    /// @notice The window is longer than the timelock delay of the Admission or No-confidence class.
    error CommunityVetoWindowTooLong(uint256 window);
    /// @notice The motion policy does not name this contract as the community veto.
    error CommunityVetoNotBound(address policyVeto);
    /// @notice The motion is not an Admission or No-confidence motion.
    error CommunityVetoNotMembershipMotion(uint256 proposalId);
    /// @notice The motion is not Queued (state as in OpenZeppelin's IGovernor.ProposalState).
    error CommunityVetoNotQueued(uint256 proposalId, uint8 state);
    /// @notice The description hash does not match the motion.
    error CommunityVetoWrongDescription(uint256 proposalId, bytes32 descriptionHash);
    /// @notice The campaign's window has closed (no more locks).
    error CommunityVetoWindowClosed(uint256 proposalId, uint256 windowEnd);
    /// @notice The campaign's window is still open (no withdrawal yet), or never opened.
    error CommunityVetoWindowOpen(uint256 proposalId, uint256 windowEnd);

    /**
     * @notice Whether the phase is on, and the window in force.
     * @return on Whether holders may veto.
     * @return window Seconds after queueing during which holders may lock.
     */
    function vetoPhase() external view returns (bool on, uint256 window);
}
