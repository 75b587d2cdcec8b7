// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title IGovernorVoteExtension
 * @notice The governor's side of a members' vote extension: the one entry point the vote-extension contract calls.
 */
interface IGovernorVoteExtension {
    /// @notice The caller is not the vote-extension contract fixed at deployment.
    /// @param caller The caller.
    error GovernorOnlyVoteExtension(address caller);

    /**
     * @notice Set an Active motion's extended deadline (the vote-extension contract only).
     * @param proposalId The motion.
     * @param deadline The new deadline (timestamp).
     */
    function extendVote(uint256 proposalId, uint256 deadline) external;
}
