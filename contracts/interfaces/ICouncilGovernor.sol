// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMotionPolicy} from "./IMotionPolicy.sol";

/**
 * @title ICouncilGovernor
 * @notice What the council's governor adds to OpenZeppelin's IGovernor: motion classes (from the {IMotionPolicy}),
 * the dual quorum, expiry, code pinning, proposer rules and a term-limited guardian.
 */
interface ICouncilGovernor {
    /// @notice Who may open general motions.
    enum ProposerRule {
        SecretariatAndMembers,
        SecretariatOnly,
        MembersOnly
    }

    /// @notice Everything frozen into a motion when it was created; its rules come from here, never from the current
    /// policy or settings.
    struct MotionRecord {
        IMotionPolicy.MotionClass motionClass;
        uint256 createdBlock;
        uint256 subjectMemberId;
        uint256 excludedMemberId;
        uint256 timelockDelay;
        uint256 memberQuorumBps;
        uint256 voteQuorumBps;
        uint256 approvalNumerator;
        uint256 approvalDenominator;
        uint256 queueWindow;
        uint256 executionWindow;
    }

    /// @notice Everything a client needs to list a motion without an indexer.
    struct MotionDetails {
        uint256 proposalId;
        address proposer;
        IMotionPolicy.MotionClass motionClass;
        uint8 state;
        uint256 snapshot;
        uint256 deadline;
        uint256 eta;
        uint256 createdBlock;
        uint256 excludedMemberId;
        uint256 subjectMemberId;
        uint256 forVotes;
        uint256 againstVotes;
        uint256 abstainVotes;
        uint256 voters;
        uint256 memberQuorum;
        uint256 voteQuorum;
    }

    /**
     * @notice A motion was classified when it was created.
     * @param proposalId The proposal.
     * @param motionClass Its class.
     * @param excludedMemberId The member excluded from its vote and quorum (0 if none).
     */
    event MotionClassified(uint256 indexed proposalId, IMotionPolicy.MotionClass motionClass, uint256 excludedMemberId);

    /**
     * @notice The secretariat or the proposer rule changed.
     * @param secretariat The secretariat account.
     * @param rule Who may open general motions.
     */
    event ProposerRuleSet(address indexed secretariat, ProposerRule rule);

    /**
     * @notice The proposal size and per-proposer limits changed.
     * @param maxActions Most actions per proposal.
     * @param maxLiveProposals Most live motions per proposer.
     */
    event ProposalLimitsSet(uint256 maxActions, uint256 maxLiveProposals);

    /**
     * @notice The expiry windows changed.
     * @param queueWindow Seconds after the deadline during which a passed motion may be queued.
     * @param executionWindow Seconds after the ETA during which a queued motion may be executed.
     */
    event ExpiryWindowsSet(uint256 queueWindow, uint256 executionWindow);

    /**
     * @notice The guardian changed.
     * @param guardian The new guardian (zero for none).
     * @param termEnd When its power to cancel ends (timestamp).
     */
    event GuardianSet(address indexed guardian, uint256 termEnd);

    /**
     * @notice An admission or no-confidence motion was opened.
     * @param proposalId The proposal.
     * @param motionClass Admission or NoConfidence.
     * @param memberId The candidate (admission) or the target (no-confidence).
     * @param sponsor The member's voter or the secretariat that opened it.
     */
    event MembershipMotionProposed(
        uint256 indexed proposalId,
        IMotionPolicy.MotionClass motionClass,
        uint256 indexed memberId,
        address indexed sponsor
    );

    /// @notice The candidate's application is not open for sponsorship (not a candidate, or the window closed).
    error GovernorApplicationNotOpen(uint256 candidateId);
    /// @notice The candidate has no accepted voter account or less than one stake unit bonded.
    error GovernorCandidateNotReady(uint256 candidateId);
    /// @notice The member already has a live motion of this kind.
    error GovernorMotionAlreadyLive(uint256 memberId, uint256 proposalId);
    /// @notice The no-confidence target is not an active member, or is the mover itself.
    error GovernorInvalidTarget(uint256 memberId);
    /// @notice Removing a member now would take the council below its minimum size.
    error GovernorCouncilAtMinimum(uint256 minMembers);
    /// @notice More actions than `maxActions`.
    error GovernorTooManyActions(uint256 actions, uint256 maxActions);
    /// @notice The proposer already has `maxLiveProposals` live motions.
    error GovernorTooManyLiveProposals(address proposer, uint256 maxLiveProposals);
    /// @notice The account has no votes at the motion's snapshot, or is not its member's current voter.
    error GovernorNoVotingPower(uint256 proposalId, address account);
    /// @notice The member is excluded from this motion (a no-confidence target).
    error GovernorMemberExcluded(uint256 proposalId, uint256 memberId);
    /// @notice The member already voted on this motion (from this or a former voter account).
    error GovernorMemberAlreadyVoted(uint256 proposalId, uint256 memberId);
    /// @notice The class's timelock delay has not passed since queueing.
    error GovernorMotionNotReady(uint256 proposalId, uint256 eta);
    /// @notice A target's code changed since the motion was proposed.
    error GovernorTargetCodeChanged(uint256 proposalId);
    /// @notice Proposal limits outside [1, 256] actions and [1, 20] live motions.
    error GovernorInvalidProposalLimits(uint256 maxActions, uint256 maxLiveProposals);
    /// @notice Expiry windows outside [1, 60] days.
    error GovernorInvalidExpiryWindows(uint256 queueWindow, uint256 executionWindow);
    /// @notice A secretariat-only rule needs a secretariat.
    error GovernorInvalidProposerRule(address secretariat, ProposerRule rule);
    /// @notice A guardian term longer than 730 days, or a guardian with no term.
    error GovernorInvalidGuardianTerm(uint256 term);
    /// @notice Only the guardian may do this.
    error GovernorOnlyGuardian(address caller);
    /// @notice After execution the timelock would no longer be governable (roles or delay); the motion reverts.
    error GovernorTimelockCompromised(address timelock);
    /// @notice The guardian may not cancel a motion that changes a guardian.
    error GovernorGuardianConflict(uint256 proposalId);
    /// @notice A contract address was expected, but the account has no code.
    error GovernorNotAContract(address account);
}
