// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {GovernorPreventLateQuorum} from "@openzeppelin/contracts/governance/extensions/GovernorPreventLateQuorum.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IGovernorVoteExtension} from "../../interfaces/IGovernorVoteExtension.sol";

/**
 * @title GovernorVoteExtension
 * @notice Lets one contract, fixed at deployment (the council's {VoteExtension}), move a live motion's deadline when a
 * majority of eligible members has asked for more time (the KGP-25 case).
 * @dev The governor stores only what it is granted: one absolute deadline per motion. {proposalDeadline} is the later
 * of that and the deadline below it (OpenZeppelin's late-quorum extension included). The vote-extension contract
 * grants the deadline in force at the grant plus its amount, so the grant moves the deadline by exactly that amount,
 * and a quorum first reached late afterwards still gets the full late-quorum extension. Who may ask, the count, the
 * amount (at most 7 days), once per motion and only while the motion is Active are all enforced by that contract
 * (kept out of the governor for size); the governor trusts it as it trusts its timelock. Zero disables extensions.
 * The address is a constructor setting with no getter (bytecode size): read it from the deployment record, or check
 * it with a call to {extendVote} simulated from the contract's address (scripts/ops/verify.ts does).
 */
abstract contract GovernorVoteExtension is GovernorPreventLateQuorum, IGovernorVoteExtension {
    address private immutable _VOTE_EXTENSION;
    mapping(uint256 proposalId => uint256) private _grantedDeadlines;

    /**
     * @notice Fixes the contract that may extend live votes.
     * @param voteExtension_ The vote-extension contract (zero: no extensions).
     */
    constructor(address voteExtension_) {
        _VOTE_EXTENSION = voteExtension_;
    }

    /**
     * @notice Set an Active motion's extended deadline. The vote-extension contract only; it checks the motion is
     * Active, grants at most once per motion and at most 7 days. Emits OpenZeppelin's `ProposalExtended`.
     * @param proposalId The motion.
     * @param deadline The new deadline (timestamp).
     */
    function extendVote(uint256 proposalId, uint256 deadline) external {
        if (msg.sender != _VOTE_EXTENSION) revert GovernorOnlyVoteExtension(msg.sender);
        _grantedDeadlines[proposalId] = deadline;
        emit ProposalExtended(proposalId, uint64(deadline));
    }

    /**
     * @notice The motion's deadline: the later of the granted deadline and the deadline below it.
     * @param proposalId The proposal.
     * @return The deadline (timestamp).
     */
    function proposalDeadline(uint256 proposalId) public view virtual override returns (uint256) {
        return Math.max(super.proposalDeadline(proposalId), _grantedDeadlines[proposalId]);
    }
}
