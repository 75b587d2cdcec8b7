// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {ICouncilGovernor} from "../interfaces/ICouncilGovernor.sol";
import {ICouncilGovernorViews} from "../interfaces/ICouncilGovernorViews.sol";

/**
 * @title CouncilGovernorLens
 * @notice Read-only helper that lists the council's motions with everything a client shows, so that the CLI and
 * UIs need no indexer: `proposalCount()` on the governor, then {motionDetails} or {motionPage} here.
 * @dev Stateless and permissionless; it only aggregates the governor's public views (kept out of the governor,
 * which is near the contract size limit). One lens serves any CouncilGovernor.
 */
contract CouncilGovernorLens {
    /**
     * @notice Everything about one motion (quorum fields are 0 while its snapshot is not yet in the past; its
     * actions are in the ProposalCreated event of `createdBlock`).
     * @param governor The governor.
     * @param proposalId The proposal.
     * @return d The details.
     */
    function motionDetails(
        ICouncilGovernorViews governor,
        uint256 proposalId
    ) public view returns (ICouncilGovernor.MotionDetails memory d) {
        IGovernor standard = IGovernor(address(governor));
        d.proposalId = proposalId;
        d.state = uint8(standard.state(proposalId));
        d.proposer = standard.proposalProposer(proposalId);
        ICouncilGovernor.MotionRecord memory r = governor.motionRecord(proposalId);
        d.motionClass = r.motionClass;
        d.createdBlock = r.createdBlock;
        d.excludedMemberId = r.excludedMemberId;
        d.subjectMemberId = r.subjectMemberId;
        d.snapshot = standard.proposalSnapshot(proposalId);
        d.deadline = standard.proposalDeadline(proposalId);
        d.eta = standard.proposalEta(proposalId);
        (d.againstVotes, d.forVotes, d.abstainVotes) = governor.proposalVotes(proposalId);
        d.voters = governor.proposalVoters(proposalId);
        if (d.snapshot < standard.clock()) (d.memberQuorum, d.voteQuorum) = governor.proposalQuorum(proposalId);
    }

    /**
     * @notice Details of up to `count` motions from id `firstId` (ids run from 1 to `proposalCount()`).
     * @param governor The governor.
     * @param firstId The first id to list.
     * @param count How many at most.
     * @return page The details, in id order.
     */
    function motionPage(
        ICouncilGovernorViews governor,
        uint256 firstId,
        uint256 count
    ) external view returns (ICouncilGovernor.MotionDetails[] memory page) {
        uint256 total = governor.proposalCount();
        if (firstId == 0) firstId = 1;
        uint256 n = firstId > total ? 0 : total - firstId + 1;
        if (n > count) n = count;
        page = new ICouncilGovernor.MotionDetails[](n);
        for (uint256 i = 0; i < n; ++i) page[i] = motionDetails(governor, firstId + i);
    }
}
