// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {GovernorMotionClasses} from "./GovernorMotionClasses.sol";

/**
 * @title GovernorCouncilCounting
 * @notice Bravo-style counting (Against, For, Abstain) keyed by member, with Klaytn's dual quorum and each class's
 * approval rule.
 * @dev Quorum: voters >= the class's share of members eligible at the snapshot, OR votes cast >= its share of the
 * total votes at the snapshot; both bases are snapshot values. Approval: For > half of the votes cast and
 * For * denominator >= numerator * cast. A motion may exclude one member (a no-confidence target): that member
 * cannot vote, and its membership and votes are removed from both quorum bases. Votes of zero weight are refused,
 * so every counted voter was eligible at the snapshot.
 *
 * One storage slot per motion holds the three sums, the voter count and the two deadlines a motion's vote can be
 * extended to (late quorum, and the members' call for more time: see {GovernorVoteExtension}), so a vote reads and
 * writes that one slot. Votes are at most 254 per member and members at most 255, so 48-bit sums cannot overflow.
 */
abstract contract GovernorCouncilCounting is GovernorMotionClasses {
    /// @dev Support values, as in Compound Bravo and OpenZeppelin.
    enum VoteType {
        Against,
        For,
        Abstain
    }

    struct Tally {
        uint48 againstVotes;
        uint48 forVotes;
        uint48 abstainVotes;
        uint16 voters;
        // Deadline set when quorum was first reached (0 until then), and deadline granted by the vote extension.
        uint48 lateQuorumDeadline;
        uint48 grantedDeadline;
        mapping(uint256 memberId => bool) voted;
    }

    mapping(uint256 proposalId => Tally) private _tallies;

    // solhint-disable func-name-mixedcase
    /**
     * @notice How a standard client should count: Bravo support values, and only For votes towards {quorum}.
     * @dev The council's own quorum (voters or votes, per class) and approval rules are in {proposalQuorum} and the
     * motion record; {quorum} is the conservative single number a client reading only IGovernor can use.
     * @return The counting mode.
     */
    function COUNTING_MODE() public pure virtual override returns (string memory) {
        return "support=bravo&quorum=for";
    }
    // solhint-enable func-name-mixedcase

    /**
     * @notice Whether the member whose voter `account` is (or was) has voted on the motion.
     * @param proposalId The proposal.
     * @param account A voter account.
     * @return True if that member voted.
     */
    function hasVoted(uint256 proposalId, address account) public view virtual override returns (bool) {
        uint256 memberId = councilRegistry().memberIdOfVoter(account);
        return memberId != 0 && _tallies[proposalId].voted[memberId];
    }

    /**
     * @notice Whether `memberId` has voted on the motion.
     * @param proposalId The proposal.
     * @param memberId The member.
     * @return True if it voted.
     */
    function hasMemberVoted(uint256 proposalId, uint256 memberId) external view returns (bool) {
        return _tallies[proposalId].voted[memberId];
    }

    /**
     * @notice The votes cast so far (same shape as OpenZeppelin's GovernorCountingSimple).
     * @param proposalId The proposal.
     * @return againstVotes Votes against.
     * @return forVotes Votes for.
     * @return abstainVotes Abstentions.
     */
    function proposalVotes(
        uint256 proposalId
    ) public view override returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes) {
        Tally storage t = _tallies[proposalId];
        return (t.againstVotes, t.forVotes, t.abstainVotes);
    }

    /**
     * @notice How many members have voted.
     * @param proposalId The proposal.
     * @return The number of voters.
     */
    function proposalVoters(uint256 proposalId) public view override returns (uint256) {
        return _tallies[proposalId].voters;
    }

    /**
     * @notice The motion's two quorum thresholds, from snapshot values (excluding an excluded member).
     * @dev Reverts while the snapshot is not yet in the past.
     * @param proposalId The proposal.
     * @return memberQuorum Voters needed.
     * @return voteQuorum Votes cast needed.
     */
    function proposalQuorum(
        uint256 proposalId
    ) public view override returns (uint256 memberQuorum, uint256 voteQuorum) {
        Motion storage m = _motion(proposalId);
        if (m.cachedVoteQuorum != 0) return (m.cachedMemberQuorum, m.cachedVoteQuorum);
        uint256 snapshot = proposalSnapshot(proposalId);
        uint256 eligible = stakeVault().getPastEligibleCount(snapshot);
        uint256 total = token().getPastTotalSupply(snapshot);
        uint256 excludedMemberId = _excludedMember(m);
        if (excludedMemberId != 0) {
            uint256 excludedVotes = stakeVault().getPastMemberVotes(excludedMemberId, snapshot);
            if (excludedVotes > 0) {
                eligible -= 1;
                total -= excludedVotes;
            }
        }
        memberQuorum = Math.max(1, Math.mulDiv(eligible, m.memberQuorumBps, BPS, Math.Rounding.Ceil));
        voteQuorum = Math.max(1, Math.mulDiv(total, m.voteQuorumBps, BPS, Math.Rounding.Ceil));
    }

    /**
     * @notice For a client that reads only IGovernor: the For votes that, at a snapshot `timepoint`, pass a motion
     * of any class even if every other vote were cast against it (see {IMotionPolicy-conservativeQuorum}). A client
     * that shows a motion as passing once its For votes reach this number is never wrong; it may show "not yet" for
     * a motion that the council's own rules ({proposalQuorum}, the approval rule in {motionRecord}) already pass.
     * @param timepoint A past timestamp.
     * @return For votes needed.
     */
    function quorum(uint256 timepoint) public view virtual override returns (uint256) {
        return motionPolicy().conservativeQuorum(token().getPastTotalSupply(timepoint));
    }

    /// @dev Quorum depends only on snapshot values, so the first vote computes it once for every later vote.
    function _cacheQuorum(uint256 proposalId) private {
        (uint256 memberQuorum, uint256 voteQuorum) = proposalQuorum(proposalId);
        Motion storage m = _motion(proposalId);
        m.cachedMemberQuorum = SafeCast.toUint8(memberQuorum);
        m.cachedVoteQuorum = SafeCast.toUint32(voteQuorum);
    }

    function _quorumReached(uint256 proposalId) internal view virtual override returns (bool) {
        Tally storage t = _tallies[proposalId];
        (uint256 memberQuorum, uint256 voteQuorum) = proposalQuorum(proposalId);
        return t.voters >= memberQuorum || uint256(t.forVotes) + t.againstVotes + t.abstainVotes >= voteQuorum;
    }

    function _voteSucceeded(uint256 proposalId) internal view virtual override returns (bool) {
        Tally storage t = _tallies[proposalId];
        Motion storage m = _motion(proposalId);
        uint256 cast = uint256(t.forVotes) + t.againstVotes + t.abstainVotes;
        return
            2 * uint256(t.forVotes) > cast && uint256(t.forVotes) * m.approvalDenominator >= m.approvalNumerator * cast;
    }

    /// @dev The late-quorum and granted deadlines kept in the motion's tally slot (0 when not set).
    function _extendedDeadlines(uint256 proposalId) internal view returns (uint256 lateQuorum, uint256 granted) {
        Tally storage t = _tallies[proposalId];
        return (t.lateQuorumDeadline, t.grantedDeadline);
    }

    function _setLateQuorumDeadline(uint256 proposalId, uint48 deadline) internal {
        _tallies[proposalId].lateQuorumDeadline = deadline;
    }

    function _setGrantedDeadline(uint256 proposalId, uint48 deadline) internal {
        _tallies[proposalId].grantedDeadline = deadline;
    }

    function _countVote(
        uint256 proposalId,
        address account,
        uint8 support,
        uint256 totalWeight,
        bytes memory /* params */
    ) internal virtual override returns (uint256) {
        if (support > uint8(VoteType.Abstain)) revert GovernorInvalidVoteType();
        // The vault answered this vote's weight a moment ago: its record of the voter's member is warm.
        uint256 memberId = stakeVault().memberOfVoter(account);
        if (memberId != 0 && memberId == _excludedMember(_motion(proposalId))) {
            revert GovernorMemberExcluded(proposalId, memberId);
        }
        if (totalWeight == 0) revert GovernorNoVotingPower(proposalId, account);
        Tally storage t = _tallies[proposalId];
        if (t.voted[memberId]) revert GovernorMemberAlreadyVoted(proposalId, memberId);
        t.voted[memberId] = true;
        if (t.voters == 0) _cacheQuorum(proposalId);
        t.voters += 1;
        uint48 weight = uint48(totalWeight);
        if (support == uint8(VoteType.Against)) {
            t.againstVotes += weight;
        } else if (support == uint8(VoteType.For)) {
            t.forVotes += weight;
        } else {
            t.abstainVotes += weight;
        }
        return totalWeight;
    }
}
