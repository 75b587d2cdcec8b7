// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {CouncilRegistry} from "../../contracts/council/CouncilRegistry.sol";
import {StakeVault} from "../../contracts/council/StakeVault.sol";
import {MotionPolicy} from "../../contracts/governance/MotionPolicy.sol";
import {IMotionPolicy} from "../../contracts/interfaces/IMotionPolicy.sol";
import {TestBase} from "../utils/Vm.sol";
import {GovernanceSystem, IGovernorUnderTest} from "./GovernanceSystem.sol";

/**
 * @title GovernorHandler
 * @notice Drives random sequences of the governance system's real entry points for the governor invariants:
 * propose (signalling, and motions calling every setter a motion can reach: expiry windows, class configurations,
 * the stake unit, the policy table, the guardian, the council size bounds; and the red team's relay and role-grant
 * attacks), vote (also from a rotated voter key), queue, execute, cancel, no-confidence, resignation, stake,
 * unstake, restake, a no-confidence target's own stake moves, and time, on a system deployed by
 * {GovernanceSystem}. It records ghost state: successful votes per member, cancellations, executions, every state
 * transition that the action could not have caused, every transition out of a final state, executions that took
 * the eligible count below the minimum, and any stake move a no-confidence target made before its snapshot.
 */
contract GovernorHandler is TestBase {
    uint256 public constant MEMBERS = 6;
    uint256 public constant UNIT = 100 ether;

    CouncilRegistry public registry;
    StakeVault public vault;
    TimelockController public timelock;
    MotionPolicy public policy;
    IGovernorUnderTest public governor;
    address public constant SECRETARIAT = address(0x5EC);
    address public constant GUARDIAN = address(0x6A2D);
    /// @notice The account the red team's attacks try to hand timelock roles to.
    address public constant OUTSIDER = address(0xBAD);

    struct Motion {
        address[] targets;
        uint256[] values;
        bytes[] calldatas;
        bytes32 descriptionHash;
    }

    address[] private _admins;
    uint256[] private _ids;
    mapping(uint256 proposalId => Motion) private _motions;
    mapping(uint256 proposalId => IGovernor.ProposalState) private _lastState;
    mapping(uint256 proposalId => mapping(uint256 memberId => uint256)) public successfulVotes;
    mapping(uint256 proposalId => bool) public canceledGhost;
    mapping(uint256 proposalId => bool) public executedGhost;
    uint256 public illegalTransitions;
    /// @notice Transitions out of Defeated, Canceled, Expired or Executed.
    uint256 public finalStateChanges;
    /// @notice Executed motions that newly left fewer eligible members than the minimum.
    uint256 public executionsBelowMinimum;
    /// @notice Stake moves a no-confidence target made between its motion's creation and snapshot.
    uint256 public targetMovesBeforeSnapshot;
    /// @notice Whether a no-confidence motion's target was eligible when the motion was created.
    mapping(uint256 proposalId => bool) public targetEligibleAtCreation;
    /// @notice When a motion last changed the stake unit (which may change any member's eligibility).
    uint256 public lastStakeUnitChange;
    uint256 private _nonce;
    uint256[] private _noConfidenceIds;
    uint256[] private _membershipIds;
    mapping(uint256 memberId => uint256 proposalId) private _noConfidenceOf;
    /// @notice The community handler (CommunityHandler), which records the motions the community contracts open
    /// and reports its actions here so that every transition is checked against the same rules.
    address public community;

    error NotCommunityHandler(address caller);
    error CommunityHandlerAlreadyBound(address handler);

    enum Action {
        Time,
        Propose,
        Vote,
        Queue,
        Execute,
        Cancel,
        Stake
    }

    constructor(GovernanceSystem.Deployed memory d) {
        registry = d.registry;
        vault = d.vault;
        timelock = d.timelock;
        policy = d.policy;
        governor = d.governor;
        for (uint256 i = 0; i < MEMBERS; ++i) _admins.push(address(uint160(0xAD000 + i)));
    }

    // ---------------------------------------------------------------- actions

    /// @notice The secretariat proposes a Standard signalling motion or a Constitutional parameter change.
    function propose(bool constitutional) external {
        address[] memory targets = new address[](1);
        uint256[] memory values = new uint256[](1);
        bytes[] memory calldatas = new bytes[](1);
        targets[0] = constitutional ? address(vault) : address(timelock);
        if (constitutional) calldatas[0] = abi.encodeCall(StakeVault.setUnbondingPeriod, (2 days));
        string memory description = string.concat("motion ", Strings.toString(++_nonce));
        VM.prank(SECRETARIAT);
        uint256 id = governor.propose(targets, values, calldatas, description);
        _motions[id] = Motion(targets, values, calldatas, keccak256(bytes(description)));
        _ids.push(id);
        _checkTransitions(Action.Propose, id);
    }

    /// @notice The secretariat proposes a motion that calls one of the setters a motion can reach, with fuzzed
    /// values (bricking ones included), or one of the red team's attacks (refused when proposed).
    function proposeSetting(uint8 kindSeed, uint256 a, uint256 b) external {
        address[] memory targets = new address[](1);
        bytes[] memory calldatas = new bytes[](1);
        uint8 kind = kindSeed % 8;
        if (kind == 0) {
            targets[0] = address(governor);
            calldatas[0] = abi.encodeCall(
                governor.setExpiryWindows,
                (bound(a, 1 days, 60 days), bound(b, 1 days, 60 days))
            );
        } else if (kind == 1) {
            targets[0] = address(policy);
            IMotionPolicy.ClassConfig memory c = IMotionPolicy.ClassConfig({
                votingDelay: uint32(bound(a, 1 days, 4 days)),
                votingPeriod: uint32(bound(b, 1 days, 4 days)),
                timelockDelay: uint32(bound(a >> 32, 2 days, 5 days)),
                memberQuorumBps: uint16(bound(b >> 32, 100, 10_000)),
                voteQuorumBps: uint16(bound(a >> 64, 100, 10_000)),
                approvalNumerator: 2,
                approvalDenominator: 3
            });
            calldatas[0] = abi.encodeCall(MotionPolicy.setClassConfig, (IMotionPolicy.MotionClass(b % 5), c));
        } else if (kind == 2) {
            targets[0] = address(vault);
            calldatas[0] = abi.encodeCall(StakeVault.setStakeUnit, (bound(a, 1 ether, 1000 ether)));
        } else if (kind == 3) {
            targets[0] = address(policy);
            IMotionPolicy.ActionClass[] memory entries = new IMotionPolicy.ActionClass[](1);
            entries[0] = IMotionPolicy.ActionClass({
                target: address(registry),
                selector: CouncilRegistry.setSponsorshipWindow.selector,
                motionClass: IMotionPolicy.MotionClass(a % 3)
            });
            calldatas[0] = abi.encodeCall(MotionPolicy.setActionClasses, (entries));
        } else if (kind == 4) {
            targets[0] = address(governor);
            address next = a % 2 == 0 ? GUARDIAN : address(uint160(bound(a, 1, type(uint64).max)));
            calldatas[0] = abi.encodeCall(governor.setGuardian, (next, bound(b, 1 days, 730 days)));
        } else if (kind == 5) {
            targets[0] = address(registry);
            calldatas[0] = abi.encodeCall(CouncilRegistry.setCouncilSizeBounds, (bound(a, 1, MEMBERS), 20));
        } else if (kind == 6) {
            // The red team's relay: schedule grants of the proposer and executor roles to an outsider.
            targets[0] = address(governor);
            calldatas[0] = abi.encodeCall(governor.relay, (address(timelock), 0, _scheduleGrants()));
        } else {
            targets[0] = address(timelock);
            calldatas[0] = abi.encodeCall(timelock.grantRole, (timelock.EXECUTOR_ROLE(), OUTSIDER));
        }
        string memory description = string.concat("setting ", Strings.toString(++_nonce));
        VM.prank(SECRETARIAT);
        try governor.propose(targets, new uint256[](1), calldatas, description) returns (uint256 id) {
            _motions[id] = Motion(targets, new uint256[](1), calldatas, keccak256(bytes(description)));
            _ids.push(id);
            _checkTransitions(Action.Propose, id);
        } catch {
            _checkTransitions(Action.Stake, 0);
        }
    }

    /// @notice A no-confidence target moves its own stake (unstake, restake or add), which must fail until the
    /// motion's snapshot.
    function targetMovesStake(uint256 motionSeed, uint256 amount, uint8 how) external {
        if (_noConfidenceIds.length == 0) return;
        uint256 id = _noConfidenceIds[bound(motionSeed, 0, _noConfidenceIds.length - 1)];
        uint256 target = governor.motionRecord(id).subjectMemberId;
        address admin = _admins[target - 1];
        bool moved = _moveStake(target, admin, amount, how % 3);
        if (moved && block.timestamp <= governor.proposalSnapshot(id)) ++targetMovesBeforeSnapshot;
        _checkTransitions(Action.Stake, 0);
    }

    /// @notice A member re-stakes its latest unbonding request (pending or expired).
    function restake(uint256 memberSeed) external {
        uint256 memberId = bound(memberSeed, 1, MEMBERS);
        _moveStake(memberId, _admins[memberId - 1], 0, 1);
        _checkTransitions(Action.Stake, 0);
    }

    /// @notice A member moves no confidence in another (refused when not allowed: target inactive, at minimum…).
    function proposeNoConfidence(uint256 moverSeed, uint256 targetSeed) external {
        uint256 mover = bound(moverSeed, 1, MEMBERS);
        uint256 target = bound(targetSeed, 1, MEMBERS);
        (, address voter, ) = registry.memberAccounts(mover);
        string memory description = string.concat("no confidence ", Strings.toString(++_nonce));
        VM.prank(voter);
        try governor.proposeNoConfidence(target, description) returns (uint256 id) {
            address[] memory targets = new address[](1);
            targets[0] = address(registry);
            bytes[] memory calldatas = new bytes[](1);
            calldatas[0] = abi.encodeCall(CouncilRegistry.remove, (target));
            _motions[id] = Motion(targets, new uint256[](1), calldatas, keccak256(bytes(description)));
            _ids.push(id);
            _noConfidenceIds.push(id);
            _membershipIds.push(id);
            _noConfidenceOf[target] = id;
            targetEligibleAtCreation[id] = vault.isEligible(target);
            _checkTransitions(Action.Propose, id);
        } catch {
            _checkTransitions(Action.Stake, 0);
        }
    }

    /// @notice A member resigns (when the council stays at or above its minimum); a no-confidence motion against
    /// it becomes void.
    function resign(uint256 memberSeed) external {
        uint256 memberId = bound(memberSeed, 1, MEMBERS);
        if (!registry.isActive(memberId) || registry.activeMemberCount() <= registry.minMembers()) return;
        VM.prank(_admins[memberId - 1]);
        registry.resign(memberId);
        _checkTransitions(Action.Cancel, _noConfidenceOf[memberId]);
    }

    /// @notice A member votes through its current voter account.
    function vote(uint256 proposalSeed, uint256 memberSeed, uint8 support) external {
        if (_ids.length == 0) return;
        uint256 id = _ids[bound(proposalSeed, 0, _ids.length - 1)];
        uint256 memberId = bound(memberSeed, 1, MEMBERS);
        (, address voter, ) = registry.memberAccounts(memberId);
        VM.prank(voter);
        try governor.castVote(id, support % 3) {
            ++successfulVotes[id][memberId];
        } catch {}
        _checkTransitions(Action.Vote, id);
    }

    /// @notice A council session: every member votes `support` on one motion through its current voter account
    /// (refused votes, e.g. a no-confidence target's or a second one, change nothing).
    function voteAll(uint256 proposalSeed, uint8 support) external {
        if (_ids.length == 0) return;
        uint256 id = _ids[bound(proposalSeed, 0, _ids.length - 1)];
        for (uint256 memberId = 1; memberId <= MEMBERS; ++memberId) {
            (, address voter, ) = registry.memberAccounts(memberId);
            VM.prank(voter);
            try governor.castVote(id, support % 3) {
                ++successfulVotes[id][memberId];
            } catch {}
        }
        _checkTransitions(Action.Vote, id);
    }

    /// @notice A member rotates its voter key (two-step), so a later vote comes from a new account.
    function rotateVoter(uint256 memberSeed) external {
        uint256 memberId = bound(memberSeed, 1, MEMBERS);
        address newVoter = address(uint160(0xC0000 + ++_nonce));
        VM.prank(_admins[memberId - 1]);
        registry.proposeVoter(memberId, newVoter);
        VM.prank(newVoter);
        registry.acceptVoter(memberId);
        _checkTransitions(Action.Vote, 0);
    }

    /// @notice Anyone queues a motion.
    function queue(uint256 proposalSeed) external {
        if (_ids.length == 0) return;
        uint256 id = _ids[bound(proposalSeed, 0, _ids.length - 1)];
        Motion storage m = _motions[id];
        try governor.queue(m.targets, m.values, m.calldatas, m.descriptionHash) {} catch {}
        _checkTransitions(Action.Queue, id);
    }

    /// @notice Anyone executes a motion.
    function execute(uint256 proposalSeed) external {
        if (_ids.length == 0) return;
        uint256 id = _ids[bound(proposalSeed, 0, _ids.length - 1)];
        Motion storage m = _motions[id];
        uint256 eligibleBefore = vault.eligibleCount();
        uint256 minBefore = registry.minMembers();
        try governor.execute(m.targets, m.values, m.calldatas, m.descriptionHash) {
            executedGhost[id] = true;
            if (m.targets[0] == address(vault)) lastStakeUnitChange = block.timestamp;
            uint256 eligible = vault.eligibleCount();
            uint256 minimum = registry.minMembers();
            if (eligible < minimum && (eligible < eligibleBefore || minimum > minBefore)) ++executionsBelowMinimum;
        } catch {}
        _checkTransitions(Action.Execute, id);
    }

    /// @notice The guardian (or the secretariat, its proposer) cancels a motion.
    function cancel(uint256 proposalSeed, bool byGuardian) external {
        if (_ids.length == 0) return;
        uint256 id = _ids[bound(proposalSeed, 0, _ids.length - 1)];
        Motion storage m = _motions[id];
        VM.prank(byGuardian ? GUARDIAN : SECRETARIAT);
        try governor.cancel(m.targets, m.values, m.calldatas, m.descriptionHash) {
            canceledGhost[id] = true;
        } catch {}
        _checkTransitions(Action.Cancel, id);
    }

    /// @notice A member adds stake or starts unbonding (neither may change any motion's state; refused while the
    /// member's stake is frozen by a no-confidence motion).
    function changeStake(uint256 memberSeed, uint256 amount, bool add) external {
        uint256 memberId = bound(memberSeed, 1, MEMBERS);
        _moveStake(memberId, _admins[memberId - 1], amount, add ? 2 : 0);
        _checkTransitions(Action.Stake, 0);
    }

    /// @notice Time passes.
    function warp(uint256 secondsSeed) external {
        VM.warp(block.timestamp + bound(secondsSeed, 1 hours, 5 days));
        _checkTransitions(Action.Time, 0);
    }

    // ---------------------------------------------------------------- community hooks

    /// @notice Names the community handler, once (the invariant test's setUp).
    function bindCommunity(address handler) external {
        if (community != address(0)) revert CommunityHandlerAlreadyBound(community);
        community = handler;
    }

    /// @notice The community handler records a motion it opened (a petition's membership motion, or a motion that
    /// switches the veto phase), then every transition is checked as after a proposal.
    /// @param noConfidenceTarget The target when it is a No-confidence motion (0 otherwise).
    function recordMotion(
        uint256 id,
        address target,
        bytes calldata data,
        bytes32 descriptionHash,
        uint256 noConfidenceTarget
    ) external {
        _onlyCommunity();
        address[] memory targets = new address[](1);
        targets[0] = target;
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = data;
        _motions[id] = Motion(targets, new uint256[](1), calldatas, descriptionHash);
        _ids.push(id);
        if (target == address(registry)) _membershipIds.push(id);
        if (noConfidenceTarget != 0) {
            _noConfidenceIds.push(id);
            _noConfidenceOf[noConfidenceTarget] = id;
            targetEligibleAtCreation[id] = vault.isEligible(noConfidenceTarget);
        }
        _checkTransitions(Action.Propose, id);
    }

    /// @notice The community handler reports one of its actions: `action` on motion `id` (Cancel for a veto that
    /// canceled it, Stake for anything that may change no motion), so every transition is checked.
    function communityStep(Action action, uint256 id, bool canceled) external {
        _onlyCommunity();
        if (canceled) canceledGhost[id] = true;
        _checkTransitions(action, id);
    }

    /// @notice A recorded motion's description hash (zero for an unknown id).
    function descriptionHashOf(uint256 id) external view returns (bytes32) {
        return _motions[id].descriptionHash;
    }

    function _onlyCommunity() private view {
        if (msg.sender != community) revert NotCommunityHandler(msg.sender);
    }

    // ---------------------------------------------------------------- ghost views

    /// @notice Every proposal id created.
    function proposalIds() external view returns (uint256[] memory) {
        return _ids;
    }

    /// @notice Every no-confidence motion created.
    function noConfidenceIds() external view returns (uint256[] memory) {
        return _noConfidenceIds;
    }

    /// @notice Every Admission and No-confidence motion created (by members or by petitions).
    function membershipIds() external view returns (uint256[] memory) {
        return _membershipIds;
    }

    /// @notice The selectors the invariant runner may call.
    function actions() external pure returns (bytes4[] memory selectors) {
        selectors = new bytes4[](14);
        selectors[13] = this.voteAll.selector;
        selectors[10] = this.proposeSetting.selector;
        selectors[11] = this.targetMovesStake.selector;
        selectors[12] = this.restake.selector;
        selectors[0] = this.propose.selector;
        selectors[1] = this.vote.selector;
        selectors[2] = this.rotateVoter.selector;
        selectors[3] = this.queue.selector;
        selectors[4] = this.execute.selector;
        selectors[5] = this.cancel.selector;
        selectors[6] = this.changeStake.selector;
        selectors[7] = this.warp.selector;
        selectors[8] = this.proposeNoConfidence.selector;
        selectors[9] = this.resign.selector;
    }

    // ---------------------------------------------------------------- stake moves and attack payloads

    /// @dev how: 0 requests `amount` back, 1 re-stakes the latest request, 2 adds `amount`. True if it happened.
    function _moveStake(uint256 memberId, address admin, uint256 amount, uint8 how) private returns (bool) {
        if (how == 2) {
            amount = bound(amount, 1, 5 * UNIT);
            VM.deal(admin, amount);
            VM.prank(admin);
            try vault.stake{value: amount}(amount) {
                return true;
            } catch {
                return false;
            }
        }
        if (how == 1) {
            uint256 count = vault.unbondingRequestCount(memberId);
            if (count == 0) return false;
            VM.prank(admin);
            try vault.restake(memberId, count - 1) {
                return true;
            } catch {
                return false;
            }
        }
        uint256 staked = vault.stakeOf(memberId);
        if (staked == 0) return false;
        VM.prank(admin);
        try vault.requestUnstake(memberId, bound(amount, 1, staked)) {
            return true;
        } catch {
            return false;
        }
    }

    function _scheduleGrants() private view returns (bytes memory) {
        address[] memory targets = new address[](2);
        targets[0] = address(timelock);
        targets[1] = address(timelock);
        bytes[] memory payloads = new bytes[](2);
        payloads[0] = abi.encodeCall(timelock.grantRole, (timelock.PROPOSER_ROLE(), OUTSIDER));
        payloads[1] = abi.encodeCall(timelock.grantRole, (timelock.EXECUTOR_ROLE(), OUTSIDER));
        return
            abi.encodeCall(
                TimelockController.scheduleBatch,
                (targets, new uint256[](2), payloads, bytes32(0), bytes32(0), timelock.getMinDelay())
            );
    }

    // ---------------------------------------------------------------- transitions

    /// @dev Compares every motion's state with the last one seen and counts transitions the action cannot cause.
    function _checkTransitions(Action action, uint256 target) private {
        for (uint256 i = 0; i < _ids.length; ++i) {
            uint256 id = _ids[i];
            IGovernor.ProposalState next = governor.state(id);
            bool isNew = action == Action.Propose && id == target;
            IGovernor.ProposalState prev = isNew ? IGovernor.ProposalState.Pending : _lastState[id];
            if (next != prev && !_allowed(prev, next, action, id == target)) ++illegalTransitions;
            if (next != prev && !isNew && _isFinal(prev)) ++finalStateChanges;
            _lastState[id] = next;
        }
    }

    function _isFinal(IGovernor.ProposalState s) private pure returns (bool) {
        return
            s == IGovernor.ProposalState.Defeated ||
            s == IGovernor.ProposalState.Canceled ||
            s == IGovernor.ProposalState.Expired ||
            s == IGovernor.ProposalState.Executed;
    }

    function _allowed(
        IGovernor.ProposalState prev,
        IGovernor.ProposalState next,
        Action action,
        bool isTarget
    ) private pure returns (bool) {
        if (action == Action.Time) {
            if (prev == IGovernor.ProposalState.Pending) {
                return
                    next == IGovernor.ProposalState.Active ||
                    next == IGovernor.ProposalState.Defeated ||
                    next == IGovernor.ProposalState.Succeeded ||
                    next == IGovernor.ProposalState.Expired;
            }
            if (prev == IGovernor.ProposalState.Active) {
                return
                    next == IGovernor.ProposalState.Defeated ||
                    next == IGovernor.ProposalState.Succeeded ||
                    next == IGovernor.ProposalState.Expired;
            }
            return
                (prev == IGovernor.ProposalState.Succeeded || prev == IGovernor.ProposalState.Queued) &&
                next == IGovernor.ProposalState.Expired;
        }
        if (!isTarget) return false;
        if (action == Action.Queue) {
            return prev == IGovernor.ProposalState.Succeeded && next == IGovernor.ProposalState.Queued;
        }
        if (action == Action.Execute) {
            return prev == IGovernor.ProposalState.Queued && next == IGovernor.ProposalState.Executed;
        }
        if (action == Action.Cancel) {
            return next == IGovernor.ProposalState.Canceled && !_isFinal(prev);
        }
        return false;
    }
}
