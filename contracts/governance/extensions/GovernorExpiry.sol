// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {GovernorMotionClasses} from "./GovernorMotionClasses.sol";

/**
 * @title GovernorExpiry
 * @notice A passed motion must be queued within the queue window after its deadline, and a queued motion executed
 * within the execution window after its ETA; otherwise it is Expired and can never run.
 * @dev Uses OpenZeppelin's `Expired` state, which the core already refuses to queue, execute or cancel. The windows
 * are frozen into each motion when it is created (see {GovernorMotionClasses-motionRecord}): a later change applies to
 * later motions only, so an Expired motion stays Expired.
 */
abstract contract GovernorExpiry is GovernorMotionClasses {
    uint256 private constant _MIN_WINDOW = 1 days;
    uint256 private constant _MAX_WINDOW = 60 days;

    uint32 private _queueWindow;
    uint32 private _executionWindow;

    /**
     * @notice Sets the initial windows.
     * @param queueWindow_ Seconds after the deadline to queue (1 to 60 days).
     * @param executionWindow_ Seconds after the ETA to execute (1 to 60 days).
     */
    constructor(uint256 queueWindow_, uint256 executionWindow_) {
        _setExpiryWindows(queueWindow_, executionWindow_);
    }

    /**
     * @notice Change the expiry windows. Governance only.
     * @param queueWindow_ Seconds after the deadline to queue (1 to 60 days).
     * @param executionWindow_ Seconds after the ETA to execute (1 to 60 days).
     */
    function setExpiryWindows(uint256 queueWindow_, uint256 executionWindow_) external onlyGovernance {
        _setExpiryWindows(queueWindow_, executionWindow_);
    }

    /**
     * @notice Seconds after the deadline during which a passed motion may be queued.
     * @return The window.
     */
    function queueWindow() external view returns (uint256) {
        return _queueWindow;
    }

    /**
     * @notice Seconds after the ETA during which a queued motion may be executed.
     * @return The window.
     */
    function executionWindow() external view returns (uint256) {
        return _executionWindow;
    }

    /**
     * @notice The motion's state, Expired once a window has passed.
     * @param proposalId The proposal.
     * @return The state.
     */
    function state(uint256 proposalId) public view virtual override returns (ProposalState) {
        ProposalState current = super.state(proposalId);
        if (
            (current == ProposalState.Succeeded || current == ProposalState.Queued) && clock() > _expiresAt(proposalId)
        ) {
            return ProposalState.Expired;
        }
        return current;
    }

    /// @dev When a Succeeded (never queued) or Queued motion expired or will expire, by the windows it was created
    /// with.
    function _expiresAt(uint256 proposalId) internal view returns (uint256) {
        Motion storage m = _motion(proposalId);
        uint256 eta = proposalEta(proposalId);
        return eta == 0 ? proposalDeadline(proposalId) + m.queueWindow : eta + m.executionWindow;
    }

    function _expiryWindows() internal view override returns (uint256, uint256) {
        return (_queueWindow, _executionWindow);
    }

    function _setExpiryWindows(uint256 queueWindow_, uint256 executionWindow_) private {
        if (
            queueWindow_ < _MIN_WINDOW ||
            queueWindow_ > _MAX_WINDOW ||
            executionWindow_ < _MIN_WINDOW ||
            executionWindow_ > _MAX_WINDOW
        ) revert GovernorInvalidExpiryWindows(queueWindow_, executionWindow_);
        _queueWindow = uint32(queueWindow_);
        _executionWindow = uint32(executionWindow_);
        emit ExpiryWindowsSet(queueWindow_, executionWindow_);
    }
}
