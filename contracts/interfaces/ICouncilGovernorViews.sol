// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IMotionPolicy} from "./IMotionPolicy.sol";

/**
 * @title ICouncilGovernorViews
 * @notice The council governor's read functions beyond IGovernor, for clients and the lens.
 */
interface ICouncilGovernorViews is IGovernor {
    /**
     * @notice How many motions exist; their ids are 1 to this number.
     * @return The count.
     */
    function proposalCount() external view returns (uint256);

    /**
     * @notice A motion's class, creation block and excluded member.
     * @param proposalId The proposal.
     * @return cls The class.
     * @return createdBlock The block the motion was created in.
     * @return excludedMemberId The member excluded from its vote (0 if none).
     */
    function motionRecord(
        uint256 proposalId
    ) external view returns (IMotionPolicy.MotionClass cls, uint256 createdBlock, uint256 excludedMemberId);

    /**
     * @notice The candidate or target of an admission or no-confidence motion (0 otherwise).
     * @param proposalId The proposal.
     * @return The member id.
     */
    function motionSubject(uint256 proposalId) external view returns (uint256);

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
