// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {GovernanceSystem, IGovernorUnderTest} from "./GovernanceSystem.sol";
import {GovernorHandler} from "./GovernorHandler.sol";

/**
 * @title GovernorHandlerTest
 * @notice Proves the invariant handler reaches every state a motion can be in, so the governor invariants are not
 * checked against an idle system.
 */
contract GovernorHandlerTest is GovernanceSystem {
    GovernorHandler internal handler;
    IGovernorUnderTest internal governor;

    function setUp() public {
        handler = new GovernorHandler(_deploySystem(address(0x5EC), address(0x6A2D)));
        governor = handler.governor();
    }

    function test_handlerDrivesMotionsThroughEveryState() public {
        handler.propose(false); // 1: executed
        handler.propose(true); // 2: canceled by the guardian while active
        handler.propose(false); // 3: defeated
        handler.propose(false); // 4: succeeded, then expired
        handler.warp(1 days); // bound(1 days, 1 hours, 5 days) stays one day: every motion is Active
        for (uint256 m = 0; m < handler.MEMBERS(); ++m) {
            handler.vote(0, m, 1);
            handler.vote(3, m, 1);
            handler.vote(2, m, 0);
        }
        handler.vote(0, 0, 1); // a second vote by member 1 is refused
        handler.rotateVoter(0);
        handler.vote(0, 0, 1); // and so is a vote from its new key
        assertEq(handler.successfulVotes(1, 1), 1, "one vote");
        handler.cancel(1, true);
        assertTrue(governor.state(2) == IGovernor.ProposalState.Canceled, "canceled");
        handler.warp(3 days);
        handler.warp(2 hours);
        assertTrue(governor.state(1) == IGovernor.ProposalState.Succeeded, "succeeded");
        assertTrue(governor.state(3) == IGovernor.ProposalState.Defeated, "defeated");
        handler.queue(0);
        assertTrue(governor.state(1) == IGovernor.ProposalState.Queued, "queued");
        handler.warp(2 days);
        handler.execute(0);
        assertTrue(governor.state(1) == IGovernor.ProposalState.Executed, "executed");
        handler.warp(4 days);
        assertTrue(governor.state(4) == IGovernor.ProposalState.Expired, "expired");
        handler.changeStake(0, 10 ether, true);
        handler.changeStake(1, 10 ether, false);
        assertEq(handler.illegalTransitions(), 0, "no illegal transition");
    }

    function test_handlerRunsNoConfidenceMotions() public {
        handler.proposeNoConfidence(0, 1); // member 1 moves against member 2
        uint256[] memory ids = handler.noConfidenceIds();
        assertEq(ids.length, 1, "one motion");
        uint256 id = ids[0];
        handler.warp(1 days);
        for (uint256 m = 0; m < handler.MEMBERS(); ++m) handler.vote(0, m, 1);
        assertEq(handler.successfulVotes(id, 2), 0, "target cannot vote");
        assertEq(governor.proposalVoters(id), handler.MEMBERS() - 1, "the others voted");
        handler.warp(3 days);
        handler.warp(2 hours);
        assertTrue(governor.state(id) == IGovernor.ProposalState.Succeeded, "succeeded");
        handler.queue(0);
        handler.warp(4 days); // No-confidence timelock delay in the test system
        handler.execute(0);
        assertTrue(governor.state(id) == IGovernor.ProposalState.Executed, "executed");
        assertTrue(!handler.registry().isActive(2), "removed");

        handler.proposeNoConfidence(0, 2); // member 1 moves against member 3
        uint256 second = handler.noConfidenceIds()[1];
        handler.resign(2); // member 3 resigns first: the motion is void
        assertTrue(governor.state(second) == IGovernor.ProposalState.Canceled, "void");
        assertEq(handler.illegalTransitions(), 0, "no illegal transition");
    }

    function test_handlerReachesEverySetterAndTheAttacks() public {
        for (uint8 kind = 0; kind < 8; ++kind) handler.proposeSetting(kind, 5 days, 7 days);
        // Kinds 0-5 (expiry windows, class config, stake unit, policy table, guardian, size bounds) are proposed;
        // the relay attack and the role grant (kinds 6 and 7) are refused by the policy.
        assertEq(handler.proposalIds().length, 6, "six setting motions");
        handler.warp(1 days);
        for (uint256 i = 0; i < 6; ++i) {
            for (uint256 m = 0; m < handler.MEMBERS(); ++m) handler.vote(i, m, 1);
        }
        handler.warp(3 days);
        handler.warp(2 hours);
        for (uint256 i = 0; i < 6; ++i) handler.queue(i);
        handler.warp(4 days); // 4 days and 1 hour: past the Constitutional timelock delay of the test system
        for (uint256 i = 0; i < 6; ++i) handler.execute(i);
        // The stake unit of 5 ether (kind 2) keeps everyone eligible; every setting motion executed.
        for (uint256 i = 0; i < 6; ++i) assertTrue(handler.executedGhost(i + 1), "executed");
        assertEq(handler.executionsBelowMinimum(), 0, "no execution below the minimum");
        assertEq(handler.finalStateChanges(), 0, "no final state changed");
        assertTrue(handler.lastStakeUnitChange() != 0, "stake unit changed");
    }

    function test_handlerTargetCannotMoveItsStakeBeforeTheSnapshot() public {
        handler.proposeNoConfidence(0, 1); // member 1 moves against member 2
        uint256 id = handler.noConfidenceIds()[0];
        assertTrue(handler.targetEligibleAtCreation(id), "target eligible at creation");
        for (uint8 how = 0; how < 3; ++how) handler.targetMovesStake(0, 10 ether, how);
        assertEq(handler.targetMovesBeforeSnapshot(), 0, "every move refused");
        assertEq(handler.vault().stakeOf(2), 200 ether, "stake unchanged");
        handler.warp(1 days);
        handler.warp(1 hours);
        handler.targetMovesStake(0, 10 ether, 0); // after the snapshot the target may unstake
        assertTrue(handler.vault().stakeOf(2) < 200 ether, "unstaked after the snapshot");
        handler.restake(1);
        assertEq(handler.vault().stakeOf(2), 200 ether, "restaked");
        assertEq(handler.targetMovesBeforeSnapshot(), 0, "no move before the snapshot");
    }
}
