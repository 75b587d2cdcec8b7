// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CouncilRegistry} from "../../council/CouncilRegistry.sol";
import {ICouncilRegistry} from "../../interfaces/ICouncilRegistry.sol";
import {IMotionPolicy} from "../../interfaces/IMotionPolicy.sol";
import {GovernorCouncilGuardian} from "./GovernorCouncilGuardian.sol";

/**
 * @title GovernorMembershipMotions
 * @notice On-chain admission and no-confidence motions: the only way to call the registry's `admit` and `remove`.
 * @dev Admission: a member or the secretariat sponsors an open application (within the sponsorship window, voter
 * set, at least one stake unit bonded); the motion's only action admits the candidate. No-confidence: an eligible
 * member moves it against another active member; the motion's only action removes the target, and the target is
 * excluded from the vote and from both quorum bases (see GovernorCouncilCounting). One live motion of each kind per
 * member. A motion whose subject left first (the candidate withdrew, the target resigned or was removed) is void:
 * it reads as Canceled and can never be queued or executed. Both kinds appear to clients as ordinary governor
 * proposals with the standard events; the kind, subject and sponsor are in {MembershipMotionProposed}.
 *
 * Once opened, a membership motion goes to a vote: only the guardian (and, in the community veto phase, the
 * policy's veto contract) may cancel it (its proposer may not), so
 * nobody can squat a subject by opening and cancelling its motion again and again. A no-confidence target's stake
 * is frozen in the vault from the motion's creation until its snapshot, so the target cannot move its own
 * eligibility, and with it every capped member's votes, around the snapshot.
 */
abstract contract GovernorMembershipMotions is GovernorCouncilGuardian {
    mapping(uint256 memberId => uint256 proposalId) private _admissionMotion;
    mapping(uint256 memberId => uint256 proposalId) private _noConfidenceMotion;

    /**
     * @notice Sponsor a candidate: opens an Admission motion whose only action admits it.
     * @dev The caller must be allowed to propose (an eligible member's voter, the secretariat, or the policy's
     * community petitions contract).
     * @param candidateId The candidate.
     * @param description The motion's description.
     * @return proposalId The motion.
     */
    function proposeAdmission(uint256 candidateId, string calldata description) external returns (uint256 proposalId) {
        ICouncilRegistry registry = councilRegistry();
        if (!registry.isApplicationOpen(candidateId)) revert GovernorApplicationNotOpen(candidateId);
        (, address voter, ) = registry.memberAccounts(candidateId);
        if (voter == address(0) || stakeVault().stakeOf(candidateId) < stakeVault().stakeUnit()) {
            revert GovernorCandidateNotReady(candidateId);
        }
        _requireNoLiveMotion(candidateId, _admissionMotion[candidateId]);
        proposalId = _proposeMembershipMotion(
            abi.encodeCall(CouncilRegistry.admit, (candidateId)),
            description,
            IMotionPolicy.MotionClass.Admission,
            candidateId
        );
        _admissionMotion[candidateId] = proposalId;
    }

    /**
     * @notice Move no confidence in another member: opens a No-confidence motion whose only action removes it.
     * @dev The caller must be an eligible member's current voter, or the policy's community petitions contract
     * (for a qualified petition). The target cannot vote on the motion.
     * @param memberId The target.
     * @param description The motion's description.
     * @return proposalId The motion.
     */
    function proposeNoConfidence(uint256 memberId, string calldata description) external returns (uint256 proposalId) {
        ICouncilRegistry registry = councilRegistry();
        // Who may move it (an eligible member's current voter, or the community petitions contract) is checked when
        // the motion is created (GovernorProposalRules).
        (uint256 mover, ) = _memberOfVoter(msg.sender);
        if (mover == memberId || !registry.isActive(memberId)) revert GovernorInvalidTarget(memberId);
        uint256 minMembers = registry.minMembers();
        if (registry.activeMemberCount() <= minMembers) revert GovernorCouncilAtMinimum(minMembers);
        _requireNoLiveMotion(memberId, _noConfidenceMotion[memberId]);
        proposalId = _proposeMembershipMotion(
            abi.encodeCall(CouncilRegistry.remove, (memberId)),
            description,
            IMotionPolicy.MotionClass.NoConfidence,
            memberId
        );
        _noConfidenceMotion[memberId] = proposalId;
        stakeVault().freezeStake(memberId, proposalSnapshot(proposalId));
    }

    /**
     * @notice The motion's state; a membership motion whose subject left first reads as Canceled (void).
     * @param proposalId The proposal.
     * @return The state.
     */
    function state(uint256 proposalId) public view virtual override returns (ProposalState) {
        ProposalState current = super.state(proposalId);
        uint256 subject = _motion(proposalId).subjectMemberId;
        if (subject == 0 || current == ProposalState.Executed || current == ProposalState.Canceled) return current;
        uint256 leftAt = _subjectLeftAt(proposalId, subject);
        if (leftAt == 0) return current;
        // Void once the subject left; a motion that had already ended (Defeated, Expired) keeps its final state.
        if (_isLive(current) || leftAt <= _motionEnd(proposalId, current)) return ProposalState.Canceled;
        return current;
    }

    /// @dev Only the guardian, and the policy's community veto contract, may cancel a membership motion; other
    /// motions follow the usual rules.
    function _validateCancel(uint256 proposalId, address caller) internal view virtual override returns (bool) {
        if (_motion(proposalId).subjectMemberId == 0) return super._validateCancel(proposalId, caller);
        address current = guardian();
        return (current != address(0) && caller == current) || _isCommunity(caller, true);
    }

    function _proposeMembershipMotion(
        bytes memory call,
        string calldata description,
        IMotionPolicy.MotionClass cls,
        uint256 subject
    ) private returns (uint256 proposalId) {
        if (!_isValidDescriptionForProposer(msg.sender, description)) revert GovernorRestrictedProposer(msg.sender);
        address[] memory targets = new address[](1);
        targets[0] = address(councilRegistry());
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = call;
        proposalId = _proposeMotion(targets, new uint256[](1), calldatas, description, msg.sender, cls, subject);
        emit MembershipMotionProposed(proposalId, cls, subject, msg.sender);
    }

    function _requireNoLiveMotion(uint256 memberId, uint256 previous) private view {
        if (previous != 0 && _isLive(state(previous))) revert GovernorMotionAlreadyLive(memberId, previous);
    }

    /// @dev When the subject stopped being what the motion is about (0 if it still is): a candidate that
    /// withdrew or was admitted otherwise; a target that resigned or was removed.
    function _subjectLeftAt(uint256 proposalId, uint256 subject) private view returns (uint256) {
        ICouncilRegistry registry = councilRegistry();
        (, , ICouncilRegistry.MemberStatus status) = registry.memberAccounts(subject);
        (, uint256 joinedAt, uint256 leftAt) = registry.memberTimestamps(subject);
        if (motionClass(proposalId) == IMotionPolicy.MotionClass.Admission) {
            if (status == ICouncilRegistry.MemberStatus.Candidate) return 0;
            return status == ICouncilRegistry.MemberStatus.Active ? joinedAt : leftAt;
        }
        return status == ICouncilRegistry.MemberStatus.Active ? 0 : leftAt;
    }

    /// @dev When a motion in a final time-based state (Defeated, Expired) ended.
    function _motionEnd(uint256 proposalId, ProposalState current) internal view virtual returns (uint256);

    function _isLive(ProposalState s) private pure returns (bool) {
        return
            s == ProposalState.Pending ||
            s == ProposalState.Active ||
            s == ProposalState.Succeeded ||
            s == ProposalState.Queued;
    }
}
