// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IMotionPolicy} from "../../interfaces/IMotionPolicy.sol";
import {GovernorMotionClasses} from "./GovernorMotionClasses.sol";

/**
 * @title GovernorProposalRules
 * @notice Who may propose, and how much: the secretariat and/or eligible members, at most `maxActions` actions per
 * proposal and at most `maxLiveProposals` live motions per proposer.
 * @dev A member proposes from its current voter account and must have had votes one second before (no flash
 * eligibility). Limits are counted per member, so rotating the voter account does not reset them. Under the
 * SecretariatOnly rule members may still open Constitutional and No-confidence motions, so that losing the
 * secretariat's key can never lock governance and no-confidence stays a members' right (the secretariat never
 * moves no confidence). The policy's community petitions contract sponsors the Admission and No-confidence motions
 * its qualified petitions open (it has no other path to propose), outside the live-motion limit: each of them
 * needed the community's locked support. A member's Pending motion may be cancelled by its current voter. The
 * live list of a proposer has at most 20 entries (`MAX_LIVE_PROPOSALS_LIMIT`), packed eight to a slot; a new motion
 * reuses the entry of one no longer live, so the loop does not grow with history.
 */
abstract contract GovernorProposalRules is GovernorMotionClasses {
    /// @notice Upper bound of `maxActions`.
    uint256 public constant MAX_ACTIONS_LIMIT = 256;
    /// @notice Upper bound of `maxLiveProposals`.
    uint256 public constant MAX_LIVE_PROPOSALS_LIMIT = 20;

    uint256 private constant _SECRETARIAT_KEY = type(uint256).max;
    uint256 private constant _COMMUNITY_KEY = type(uint256).max - 1;

    address private _secretariat;
    ProposerRule private _proposerRule;
    uint16 private _maxActions;
    uint8 private _maxLiveProposals;
    /// @dev Per proposer: the ids of its motions that were live when recorded, 32 bits each, eight to a slot; a
    /// proposer's first motions write one slot. Entries are never cleared, so the zero entries are a suffix: a new
    /// motion takes the place of the first motion no longer live, or the first zero entry.
    mapping(uint256 proposerKey => uint32[MAX_LIVE_PROPOSALS_LIMIT]) private _liveProposals;

    /**
     * @notice Sets the initial proposer rule and limits.
     * @param secretariat_ The secretariat account.
     * @param rule Who may open general motions.
     * @param maxActions_ Most actions per proposal (1 to 256).
     * @param maxLiveProposals_ Most live motions per proposer (1 to 20).
     */
    constructor(address secretariat_, ProposerRule rule, uint256 maxActions_, uint256 maxLiveProposals_) {
        _setProposerRule(secretariat_, rule);
        _setProposalLimits(maxActions_, maxLiveProposals_);
    }

    /**
     * @notice Change the secretariat and who may propose. Governance only.
     * @param secretariat_ The secretariat account (required for SecretariatOnly).
     * @param rule The rule.
     */
    function setProposerRule(address secretariat_, ProposerRule rule) external onlyGovernance {
        _setProposerRule(secretariat_, rule);
    }

    /**
     * @notice Change the proposal size and live-motion limits. Governance only.
     * @param maxActions_ Most actions per proposal (1 to 256).
     * @param maxLiveProposals_ Most live motions per proposer (1 to 20).
     */
    function setProposalLimits(uint256 maxActions_, uint256 maxLiveProposals_) external onlyGovernance {
        _setProposalLimits(maxActions_, maxLiveProposals_);
    }

    /**
     * @notice The secretariat account.
     * @return The account.
     */
    function secretariat() public view returns (address) {
        return _secretariat;
    }

    /**
     * @notice Who may open general motions.
     * @return The rule.
     */
    function proposerRule() external view returns (ProposerRule) {
        return _proposerRule;
    }

    /**
     * @notice Most actions per proposal.
     * @return The limit.
     */
    function maxActions() external view returns (uint256) {
        return _maxActions;
    }

    /**
     * @notice Most live (Pending, Active, Succeeded or Queued) motions per proposer.
     * @return The limit.
     */
    function maxLiveProposals() external view returns (uint256) {
        return _maxLiveProposals;
    }

    /**
     * @notice How many live motions `proposer` has (the secretariat, or the member whose voter it is).
     * @param proposer The account.
     * @return count The number of live motions.
     */
    function liveProposalCount(address proposer) external view returns (uint256 count) {
        uint32[MAX_LIVE_PROPOSALS_LIMIT] storage live = _liveProposals[_keyOf(proposer)];
        for (uint256 i = 0; i < MAX_LIVE_PROPOSALS_LIMIT && live[i] != 0; ++i) {
            if (_isLive(live[i])) ++count;
        }
    }

    /// @dev Checks the size first; after creation (when the class is known) checks the proposer and its limit.
    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal virtual override returns (uint256 proposalId) {
        if (targets.length > _maxActions) revert GovernorTooManyActions(targets.length, _maxActions);
        proposalId = super._propose(targets, values, calldatas, description, proposer);

        uint256 key = _authorize(proposer, motionClass(proposalId));
        if (key == _COMMUNITY_KEY) return proposalId;
        uint32[MAX_LIVE_PROPOSALS_LIMIT] storage live = _liveProposals[key];
        uint256 free = MAX_LIVE_PROPOSALS_LIMIT;
        uint256 count = 0;
        for (uint256 i = 0; i < MAX_LIVE_PROPOSALS_LIMIT; ++i) {
            uint256 id = live[i];
            if (id != 0 && _isLive(id)) {
                ++count;
            } else {
                if (free == MAX_LIVE_PROPOSALS_LIMIT) free = i;
                if (id == 0) break;
            }
        }
        if (count >= _maxLiveProposals) revert GovernorTooManyLiveProposals(proposer, _maxLiveProposals);
        live[free] = SafeCast.toUint32(proposalId);
    }

    /// @dev A member's own motion may be cancelled while Pending by the member's current voter (not by a voter
    /// account it rotated away from); the secretariat's by the secretariat (OpenZeppelin's rule).
    function _validateCancel(uint256 proposalId, address caller) internal view virtual override returns (bool) {
        uint256 proposerMember = councilRegistry().memberIdOfVoter(proposalProposer(proposalId));
        if (proposerMember == 0) return super._validateCancel(proposalId, caller);
        (uint256 callerMember, bool current) = _memberOfVoter(caller);
        return current && callerMember == proposerMember && state(proposalId) == ProposalState.Pending;
    }

    function _authorize(address proposer, IMotionPolicy.MotionClass cls) private view returns (uint256) {
        if (_isCommunity(proposer, false)) return _COMMUNITY_KEY;
        if (
            proposer == _secretariat &&
            proposer != address(0) &&
            _proposerRule != ProposerRule.MembersOnly &&
            cls != IMotionPolicy.MotionClass.NoConfidence
        ) {
            return _SECRETARIAT_KEY;
        }
        // One vault call: the member whose current voter `proposer` is, and its votes one second ago (no flash
        // eligibility); zero votes when `proposer` is not the current voter of an active member.
        (uint256 votes, uint256 memberId) = stakeVault().getPastVotesOfCurrentVoter(proposer, clock() - 1);
        if (
            votes > 0 &&
            (_proposerRule != ProposerRule.SecretariatOnly ||
                cls == IMotionPolicy.MotionClass.Constitutional ||
                cls == IMotionPolicy.MotionClass.NoConfidence)
        ) return memberId;
        revert GovernorRestrictedProposer(proposer);
    }

    function _keyOf(address proposer) private view returns (uint256) {
        if (proposer == _secretariat && proposer != address(0)) return _SECRETARIAT_KEY;
        return councilRegistry().memberIdOfVoter(proposer);
    }

    function _isLive(uint256 proposalId) private view returns (bool) {
        ProposalState s = state(proposalId);
        return
            s == ProposalState.Pending ||
            s == ProposalState.Active ||
            s == ProposalState.Succeeded ||
            s == ProposalState.Queued;
    }

    function _setProposerRule(address secretariat_, ProposerRule rule) private {
        if (rule == ProposerRule.SecretariatOnly && secretariat_ == address(0)) {
            revert GovernorInvalidProposerRule(secretariat_, rule);
        }
        _secretariat = secretariat_;
        _proposerRule = rule;
        emit ProposerRuleSet(secretariat_, rule);
    }

    function _setProposalLimits(uint256 maxActions_, uint256 maxLiveProposals_) private {
        if (
            maxActions_ == 0 ||
            maxActions_ > MAX_ACTIONS_LIMIT ||
            maxLiveProposals_ == 0 ||
            maxLiveProposals_ > MAX_LIVE_PROPOSALS_LIMIT
        ) revert GovernorInvalidProposalLimits(maxActions_, maxLiveProposals_);
        _maxActions = uint16(maxActions_);
        _maxLiveProposals = uint8(maxLiveProposals_);
        emit ProposalLimitsSet(maxActions_, maxLiveProposals_);
    }
}
