// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {CouncilRegistry} from "../../contracts/council/CouncilRegistry.sol";
import {StakeVault} from "../../contracts/council/StakeVault.sol";
import {MotionPolicy} from "../../contracts/governance/MotionPolicy.sol";
import {TestBase} from "../utils/Vm.sol";
import {GovernanceSystem, IGovernorUnderTest} from "./GovernanceSystem.sol";

/**
 * @title GovernorHandler
 * @notice Drives random sequences of the governance system's real entry points for the governor invariants:
 * propose, vote (also from a rotated voter key), queue, execute, cancel, stake changes and time, on a system
 * deployed by {GovernanceSystem}. It records ghost state: successful votes per member, cancellations, executions,
 * and every state transition that the action could not have caused.
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
    uint256 private _nonce;
    uint256[] private _noConfidenceIds;
    mapping(uint256 memberId => uint256 proposalId) private _noConfidenceOf;

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
            _noConfidenceOf[target] = id;
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
        try governor.execute(m.targets, m.values, m.calldatas, m.descriptionHash) {
            executedGhost[id] = true;
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

    /// @notice A member adds stake or starts unbonding (neither may change any motion's state).
    function changeStake(uint256 memberSeed, uint256 amount, bool add) external {
        uint256 memberId = bound(memberSeed, 1, MEMBERS);
        address admin = _admins[memberId - 1];
        if (add) {
            amount = bound(amount, 1, 5 * UNIT);
            VM.deal(admin, amount);
            VM.prank(admin);
            vault.stake{value: amount}(amount);
        } else {
            uint256 staked = vault.stakeOf(memberId);
            if (staked == 0) return;
            VM.prank(admin);
            vault.requestUnstake(memberId, bound(amount, 1, staked));
        }
        _checkTransitions(Action.Stake, 0);
    }

    /// @notice Time passes.
    function warp(uint256 secondsSeed) external {
        VM.warp(block.timestamp + bound(secondsSeed, 1 hours, 5 days));
        _checkTransitions(Action.Time, 0);
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

    /// @notice The selectors the invariant runner may call.
    function actions() external pure returns (bytes4[] memory selectors) {
        selectors = new bytes4[](10);
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

    // ---------------------------------------------------------------- transitions

    /// @dev Compares every motion's state with the last one seen and counts transitions the action cannot cause.
    function _checkTransitions(Action action, uint256 target) private {
        for (uint256 i = 0; i < _ids.length; ++i) {
            uint256 id = _ids[i];
            IGovernor.ProposalState next = governor.state(id);
            bool isNew = action == Action.Propose && id == target;
            IGovernor.ProposalState prev = isNew ? IGovernor.ProposalState.Pending : _lastState[id];
            if (next != prev && !_allowed(prev, next, action, id == target)) ++illegalTransitions;
            _lastState[id] = next;
        }
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
            return
                next == IGovernor.ProposalState.Canceled &&
                prev != IGovernor.ProposalState.Executed &&
                prev != IGovernor.ProposalState.Expired;
        }
        return false;
    }
}
