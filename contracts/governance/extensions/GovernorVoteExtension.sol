// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IGovernorVoteExtension} from "../../interfaces/IGovernorVoteExtension.sol";
import {GovernorCouncilCounting} from "./GovernorCouncilCounting.sol";

/**
 * @title GovernorVoteExtension
 * @notice The two ways a live motion's deadline moves: late-quorum protection (the interface of OpenZeppelin's
 * GovernorPreventLateQuorum), and one contract fixed at deployment (the council's {VoteExtension}) granting more time
 * when a majority of eligible members has asked for it (the KGP-25 case).
 * @dev Late quorum: when a vote first brings the motion to quorum, the motion gets a deadline of that moment plus
 * {lateQuorumVoteExtension}, which counts when it is later than the deadline already in force (then
 * `ProposalExtended` is emitted). Both deadlines live in the motion's tally slot ({GovernorCouncilCounting}), which
 * every vote reads anyway, so `state()` costs no extra storage read and the vote reaching quorum writes no new slot.
 * {proposalDeadline} is the latest of the scheduled deadline, the late-quorum deadline and the granted deadline. The
 * vote-extension contract grants the deadline in force at the grant plus its amount, so the grant moves the deadline
 * by exactly that amount, and a quorum first reached late afterwards still gets the full late-quorum extension. Who
 * may ask, the count, the amount (at most 7 days), once per motion and only while the motion is Active are all
 * enforced by that contract (kept out of the governor for size); the governor trusts it as it trusts its timelock.
 * Zero disables grants. The address is a constructor setting with no getter (bytecode size): read it from the
 * deployment record, or check it with a call to {extendVote} simulated from the contract's address
 * (scripts/ops/verify.ts does).
 */
abstract contract GovernorVoteExtension is GovernorCouncilCounting, IGovernorVoteExtension {
    address private immutable _VOTE_EXTENSION;
    uint48 private _lateQuorumExtension;

    /// @notice A motion's deadline moved: quorum was first reached late, or the vote-extension contract granted time.
    /// @param proposalId The motion.
    /// @param extendedDeadline The new deadline (timestamp).
    event ProposalExtended(uint256 indexed proposalId, uint64 extendedDeadline);

    /// @notice The late-quorum extension changed.
    /// @param oldVoteExtension The previous extension, in seconds.
    /// @param newVoteExtension The new extension, in seconds.
    event LateQuorumVoteExtensionSet(uint64 oldVoteExtension, uint64 newVoteExtension);

    /// @notice The late-quorum extension asked for is longer than allowed.
    /// @param newVoteExtension The extension asked for, in seconds.
    /// @param maxVoteExtension The longest allowed, in seconds.
    error GovernorPreventLateQuorumVoteExtensionTooLarge(uint256 newVoteExtension, uint256 maxVoteExtension);

    /**
     * @notice Sets the late-quorum extension and fixes the contract that may extend live votes.
     * @param lateQuorumExtension_ Seconds a vote stays open after quorum is first reached.
     * @param voteExtension_ The vote-extension contract (zero: no grants).
     */
    constructor(uint48 lateQuorumExtension_, address voteExtension_) {
        _setLateQuorumVoteExtension(lateQuorumExtension_);
        _VOTE_EXTENSION = voteExtension_;
    }

    /**
     * @notice Set an Active motion's extended deadline. The vote-extension contract only; it checks the motion is
     * Active, grants at most once per motion and at most 7 days. Emits `ProposalExtended`.
     * @param proposalId The motion.
     * @param deadline The new deadline (timestamp).
     */
    function extendVote(uint256 proposalId, uint256 deadline) external {
        if (msg.sender != _VOTE_EXTENSION) revert GovernorOnlyVoteExtension(msg.sender);
        _setGrantedDeadline(proposalId, SafeCast.toUint48(deadline));
        emit ProposalExtended(proposalId, uint64(deadline));
    }

    /**
     * @notice Seconds a vote stays open after the vote that first reaches quorum.
     * @return The extension.
     */
    function lateQuorumVoteExtension() public view returns (uint48) {
        return _lateQuorumExtension;
    }

    /**
     * @notice Change the late-quorum extension (at most {_maxLateQuorumVoteExtension}). Governance only.
     * @param newVoteExtension Seconds.
     */
    function setLateQuorumVoteExtension(uint48 newVoteExtension) external onlyGovernance {
        _setLateQuorumVoteExtension(newVoteExtension);
    }

    /**
     * @notice The motion's deadline: the latest of the scheduled deadline, the late-quorum deadline and the granted
     * deadline.
     * @param proposalId The proposal.
     * @return The deadline (timestamp).
     */
    function proposalDeadline(uint256 proposalId) public view virtual override returns (uint256) {
        (uint256 lateQuorum, uint256 granted) = _extendedDeadlines(proposalId);
        return Math.max(super.proposalDeadline(proposalId), Math.max(lateQuorum, granted));
    }

    /// @dev After each vote: the vote that first reaches quorum sets the late-quorum deadline.
    function _tallyUpdated(uint256 proposalId) internal virtual override {
        super._tallyUpdated(proposalId);
        (uint256 lateQuorum, ) = _extendedDeadlines(proposalId);
        if (lateQuorum != 0 || !_quorumReached(proposalId)) return;
        uint48 deadline = clock() + _lateQuorumExtension;
        if (deadline > proposalDeadline(proposalId)) emit ProposalExtended(proposalId, deadline);
        _setLateQuorumDeadline(proposalId, deadline);
    }

    /// @dev The longest late-quorum extension allowed.
    function _maxLateQuorumVoteExtension() internal view virtual returns (uint256);

    function _setLateQuorumVoteExtension(uint48 newVoteExtension) private {
        uint256 maxExtension = _maxLateQuorumVoteExtension();
        if (newVoteExtension > maxExtension) {
            revert GovernorPreventLateQuorumVoteExtensionTooLarge(newVoteExtension, maxExtension);
        }
        emit LateQuorumVoteExtensionSet(_lateQuorumExtension, newVoteExtension);
        _lateQuorumExtension = newVoteExtension;
    }
}
