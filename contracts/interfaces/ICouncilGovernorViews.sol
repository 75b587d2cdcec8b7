// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICouncilGovernor} from "./ICouncilGovernor.sol";

/**
 * @title ICouncilGovernorViews
 * @notice The council governor's read functions beyond IGovernor, for clients and the lens. The governor
 * implements this interface (so the compiler checks that the lens reads what the governor has); the standard ones
 * come from OpenZeppelin's IGovernor.
 */
interface ICouncilGovernorViews {
    /**
     * @notice How many motions exist; their ids are 1 to this number.
     * @return The count.
     */
    function proposalCount() external view returns (uint256);

    /**
     * @notice Everything frozen into a motion when it was created: class, class configuration, expiry windows,
     * subject and excluded member.
     * @param proposalId The proposal.
     * @return The record.
     */
    function motionRecord(uint256 proposalId) external view returns (ICouncilGovernor.MotionRecord memory);

    /**
     * @notice The votes cast so far.
     * @param proposalId The proposal.
     * @return againstVotes Votes against.
     * @return forVotes Votes for.
     * @return abstainVotes Abstentions.
     */
    function proposalVotes(
        uint256 proposalId
    ) external view returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes);

    /**
     * @notice How many members have voted.
     * @param proposalId The proposal.
     * @return The number of voters.
     */
    function proposalVoters(uint256 proposalId) external view returns (uint256);

    /**
     * @notice The motion's two quorum thresholds, from snapshot values.
     * @param proposalId The proposal.
     * @return memberQuorum Voters needed.
     * @return voteQuorum Votes cast needed.
     */
    function proposalQuorum(uint256 proposalId) external view returns (uint256 memberQuorum, uint256 voteQuorum);
}
