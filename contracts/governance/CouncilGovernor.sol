// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
// solhint-disable-next-line max-line-length
import {GovernorSequentialProposalId} from "@openzeppelin/contracts/governance/extensions/GovernorSequentialProposalId.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IMotionPolicy} from "../interfaces/IMotionPolicy.sol";
import {IStakeVault} from "../interfaces/IStakeVault.sol";
import {GovernorCodePinning} from "./extensions/GovernorCodePinning.sol";
import {GovernorCouncilCounting} from "./extensions/GovernorCouncilCounting.sol";
import {GovernorCouncilGuardian} from "./extensions/GovernorCouncilGuardian.sol";
import {GovernorCouncilVotes} from "./extensions/GovernorCouncilVotes.sol";
import {GovernorExpiry} from "./extensions/GovernorExpiry.sol";
import {GovernorMembershipMotions} from "./extensions/GovernorMembershipMotions.sol";
import {GovernorMotionClasses} from "./extensions/GovernorMotionClasses.sol";
import {GovernorProposalRules} from "./extensions/GovernorProposalRules.sol";
import {GovernorVoteExtension} from "./extensions/GovernorVoteExtension.sol";

/**
 * @title CouncilGovernor
 * @notice The Governance Council's governor: one OpenZeppelin Governor for every kind of motion, reading
 * stake-weighted, capped votes from the StakeVault and executing through a TimelockController.
 * @dev Composition of OpenZeppelin Governor 5.x (sequential ids, timelock control) and this project's extensions:
 * motion classes, member-keyed dual-quorum counting, late-quorum protection and granted vote extensions (both kept
 * in the tally's slot), proposer rules, expiry, code
 * pinning, a term-limited guardian, and admission and no-confidence motions. After executing a motion that calls
 * the timelock or the governor, the governor asks the policy whether it still holds its timelock roles, nobody else
 * may execute, and the timelock delay stays within its bounds; a motion that would break that reverts
 * (anti-bricking). Through its extensions the governor implements {ICouncilGovernorViews}, the interface the lens
 * reads, so the compiler checks that they agree.
 */
contract CouncilGovernor is
    GovernorSequentialProposalId,
    GovernorTimelockControl,
    GovernorCouncilCounting,
    GovernorVoteExtension,
    GovernorProposalRules,
    GovernorExpiry,
    GovernorCodePinning,
    GovernorCouncilGuardian,
    GovernorMembershipMotions
{
    /// @notice Longest late-quorum extension, in seconds.
    uint48 public constant MAX_LATE_QUORUM_EXTENSION = 7 days;
    /// @notice The timelock's minimum delay may never go below this, in seconds.
    uint256 public constant MIN_TIMELOCK_DELAY = 2 days;

    /// @notice Deployment settings (the defaults live in the deploy parameter files).
    struct Settings {
        address secretariat;
        ProposerRule proposerRule;
        uint256 maxActions;
        uint256 maxLiveProposals;
        uint256 queueWindow;
        uint256 executionWindow;
        uint48 lateQuorumExtension;
        address guardian;
        uint256 guardianTerm;
        address voteExtension;
    }

    /**
     * @notice Deploys the governor.
     * @param vault The stake vault (votes) whose registry is the council.
     * @param timelock_ The timelock this governor proposes to and executes through.
     * @param policy The motion policy (classification table and class configurations).
     * @param settings Proposer rules, expiry windows, late-quorum extension and guardian.
     */
    constructor(
        IStakeVault vault,
        TimelockController timelock_,
        IMotionPolicy policy,
        Settings memory settings
    )
        Governor("GC Governor")
        GovernorVoteExtension(settings.lateQuorumExtension, settings.voteExtension)
        GovernorTimelockControl(timelock_)
        GovernorCouncilVotes(vault)
        GovernorMotionClasses(policy)
        GovernorProposalRules(
            settings.secretariat,
            settings.proposerRule,
            settings.maxActions,
            settings.maxLiveProposals
        )
        GovernorExpiry(settings.queueWindow, settings.executionWindow)
        GovernorCouncilGuardian(settings.guardian, settings.guardianTerm)
    {
        if (address(timelock_).code.length == 0) revert GovernorNotAContract(address(timelock_));
        if (address(policy).code.length == 0) revert GovernorNotAContract(address(policy));
    }

    /**
     * @notice How many motions exist; their ids are 1 to this number (details: {CouncilGovernorLens}).
     * @return The count.
     */
    function proposalCount() external view override returns (uint256) {
        return latestProposalId();
    }

    // ---------------------------------------------------------------- overrides Solidity requires

    /// @inheritdoc GovernorMotionClasses
    function votingDelay() public view override(Governor, GovernorMotionClasses) returns (uint256) {
        return super.votingDelay();
    }

    /// @inheritdoc GovernorMotionClasses
    function votingPeriod() public view override(Governor, GovernorMotionClasses) returns (uint256) {
        return super.votingPeriod();
    }

    /// @inheritdoc GovernorCouncilCounting
    function quorum(uint256 timepoint) public view override(Governor, GovernorCouncilCounting) returns (uint256) {
        return super.quorum(timepoint);
    }

    /// @inheritdoc GovernorMembershipMotions
    function state(
        uint256 proposalId
    )
        public
        view
        override(Governor, GovernorTimelockControl, GovernorExpiry, GovernorMembershipMotions)
        returns (ProposalState)
    {
        return super.state(proposalId);
    }

    /// @inheritdoc GovernorVoteExtension
    function proposalDeadline(
        uint256 proposalId
    ) public view override(Governor, GovernorVoteExtension) returns (uint256) {
        return super.proposalDeadline(proposalId);
    }

    /**
     * @notice Every motion goes through the timelock.
     * @param proposalId The proposal.
     * @return Always true.
     */
    function proposalNeedsQueuing(
        uint256 proposalId
    ) public view override(Governor, GovernorTimelockControl) returns (bool) {
        return super.proposalNeedsQueuing(proposalId);
    }

    /**
     * @notice The sequential id of the motion with these actions and description.
     * @param targets Called contracts.
     * @param values Native coin per call.
     * @param calldatas Calldata per call.
     * @param descriptionHash keccak256 of the description.
     * @return The proposal id.
     */
    function getProposalId(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) public view override(Governor, GovernorSequentialProposalId) returns (uint256) {
        return super.getProposalId(targets, values, calldatas, descriptionHash);
    }

    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    )
        internal
        override(
            Governor,
            GovernorSequentialProposalId,
            GovernorMotionClasses,
            GovernorProposalRules,
            GovernorCodePinning
        )
        returns (uint256)
    {
        return super._propose(targets, values, calldatas, description, proposer);
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl, GovernorMotionClasses) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    /// @dev Executes, then refuses any outcome that leaves the timelock ungovernable.
    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl, GovernorMotionClasses, GovernorCodePinning) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
        // Only a call to the timelock (its roles, its delay) or to the governor (its timelock, relay) can change
        // what is checked: the timelock's admin functions accept calls from the timelock itself alone.
        address tl = timelock();
        for (uint256 i = 0; i < targets.length; ++i) {
            if (targets[i] == tl || targets[i] == address(this)) {
                if (!motionPolicy().timelockGovernable(address(this), tl)) revert GovernorTimelockCompromised(tl);
                break;
            }
        }
    }

    /// @inheritdoc GovernorCouncilGuardian
    function cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) public override(Governor, GovernorCouncilGuardian) returns (uint256) {
        return super.cancel(targets, values, calldatas, descriptionHash);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }

    function _tallyUpdated(uint256 proposalId) internal override(Governor, GovernorVoteExtension) {
        super._tallyUpdated(proposalId);
    }

    function _validateCancel(
        uint256 proposalId,
        address caller
    )
        internal
        view
        override(Governor, GovernorProposalRules, GovernorCouncilGuardian, GovernorMembershipMotions)
        returns (bool)
    {
        return super._validateCancel(proposalId, caller);
    }

    function _countVote(
        uint256 proposalId,
        address account,
        uint8 support,
        uint256 totalWeight,
        bytes memory params
    ) internal override(Governor, GovernorCouncilCounting) returns (uint256) {
        return super._countVote(proposalId, account, support, totalWeight, params);
    }

    function _quorumReached(
        uint256 proposalId
    ) internal view override(Governor, GovernorCouncilCounting) returns (bool) {
        return super._quorumReached(proposalId);
    }

    function _voteSucceeded(
        uint256 proposalId
    ) internal view override(Governor, GovernorCouncilCounting) returns (bool) {
        return super._voteSucceeded(proposalId);
    }

    function _motionEnd(uint256 proposalId, ProposalState current) internal view override returns (uint256) {
        return current == ProposalState.Defeated ? proposalDeadline(proposalId) : _expiresAt(proposalId);
    }

    function _maxLateQuorumVoteExtension() internal pure override returns (uint256) {
        return MAX_LATE_QUORUM_EXTENSION;
    }
}
