// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

/**
 * @title IVoteExtension
 * @notice Members' call to extend a live vote (the KGP-25 case): events, errors and functions clients use.
 */
interface IVoteExtension {
    /// @notice One member's call on a motion, and where the count stands.
    /// @param proposalId The motion.
    /// @param memberId The calling member.
    /// @param calls Members that have called, this one included.
    /// @param needed Calls that extend the vote (more than half of the eligible members at the snapshot).
    event ExtensionCalled(uint256 indexed proposalId, uint256 indexed memberId, uint256 calls, uint256 needed);

    /// @notice The threshold was met and the governor moved the motion's deadline.
    /// @param proposalId The motion.
    /// @param extension Seconds added (the amount frozen for this motion).
    /// @param deadline The new deadline (timestamp).
    event VoteExtended(uint256 indexed proposalId, uint256 extension, uint256 deadline);

    /// @notice The extension amount for motions created after this block was set.
    /// @param previousAmount Seconds before.
    /// @param newAmount Seconds now.
    event ExtensionAmountSet(uint256 previousAmount, uint256 newAmount);

    /// @notice The governor was bound.
    /// @param governor The council governor.
    event GovernorBound(address indexed governor);

    /// @notice Binding is closed: the caller is not the deployer, or a governor is already bound.
    error VoteExtensionBindingClosed();
    /// @notice The governor to bind does not read votes from this contract's vault.
    /// @param governor The governor.
    error VoteExtensionGovernorMismatch(address governor);
    /// @notice No governor is bound yet.
    error VoteExtensionNotBound();
    /// @notice The amount is outside its bounds.
    /// @param amount Seconds asked for.
    /// @param min Smallest amount, seconds.
    /// @param max Largest amount, seconds.
    error VoteExtensionInvalidAmount(uint256 amount, uint256 min, uint256 max);
    /// @notice The motion is not Active (voting has not opened, or its deadline has passed).
    /// @param proposalId The motion.
    /// @param current Its state.
    error VoteExtensionVoteNotActive(uint256 proposalId, IGovernor.ProposalState current);
    /// @notice The motion was already extended once.
    /// @param proposalId The motion.
    /// @param deadline The extended deadline.
    error VoteExtensionAlreadyExtended(uint256 proposalId, uint256 deadline);
    /// @notice The caller is not the current voter account of an active member.
    /// @param account The caller.
    error VoteExtensionNotMember(address account);
    /// @notice The member held no votes at the motion's snapshot.
    /// @param proposalId The motion.
    /// @param memberId The member.
    error VoteExtensionNotEligible(uint256 proposalId, uint256 memberId);
    /// @notice The member is the target of this no-confidence motion.
    /// @param proposalId The motion.
    /// @param memberId The member.
    error VoteExtensionMemberExcluded(uint256 proposalId, uint256 memberId);
    /// @notice The member already called on this motion.
    /// @param proposalId The motion.
    /// @param memberId The member.
    error VoteExtensionAlreadyCalled(uint256 proposalId, uint256 memberId);

    /**
     * @notice Ask for more time on an Active motion, as the calling member's current voter account.
     * @param proposalId The motion.
     */
    function callForExtension(uint256 proposalId) external;

    /**
     * @notice Where a motion's extension stands.
     * @param proposalId The motion.
     * @return calls Members that have called.
     * @return needed Calls that extend the vote (0 while the snapshot is in the future).
     * @return extendedDeadline The granted deadline (0 until extended).
     */
    function extensionStatus(
        uint256 proposalId
    ) external view returns (uint256 calls, uint256 needed, uint256 extendedDeadline);
}
