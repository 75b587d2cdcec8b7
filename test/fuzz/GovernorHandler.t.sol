// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {GovernanceSystem, IGovernorUnderTest} from "./GovernanceSystem.sol";
import {GovernorHandler} from "./GovernorHandler.sol";
import {CommunityHandler} from "./CommunityHandler.sol";
import {CommunityPetitions} from "../../contracts/community/CommunityPetitions.sol";
import {CommunityVeto} from "../../contracts/community/CommunityVeto.sol";
import {ICommunityPetitions} from "../../contracts/interfaces/ICommunityPetitions.sol";

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

/**
 * @title GovernorCommunityHandlerTest
 * @notice Proves that the community handler's actions really run inside the whole system, next to the council's:
 * candidates apply, petitions open, lock on both sides, settle into an Admission and a No-confidence motion (and one
 * fails, forfeiting its bond), locks and bonds come back, the council votes on the opened motions as a whole
 * (voteAll), the veto cancels a queued motion while the other executes, veto locks come back after the window, and a
 * motion switches the veto phase off, driven by council sessions. The veto phase is switched on by a Constitutional
 * motion in setUp, as in the invariant test. Seeds map through bound(x, min, max) = min + x % (max - min + 1).
 */
contract GovernorCommunityHandlerTest is GovernanceSystem {
    GovernorHandler internal handler;
    CommunityHandler internal community;
    IGovernorUnderTest internal governor;
    CommunityPetitions internal petitions;
    CommunityVeto internal veto;

    function setUp() public {
        Deployed memory d = _deploySystem(address(0x5EC), address(0x6A2D));
        Community memory c = _deployCommunity(d);
        bytes memory phaseOn = abi.encodeCall(CommunityVeto.setPhase, (true));
        _passConstitutional(d, address(0x5EC), address(c.veto), phaseOn, "Community veto phase: on");
        handler = new GovernorHandler(d);
        community = new CommunityHandler(handler, c);
        handler.bindCommunity(address(community));
        governor = handler.governor();
        petitions = c.petitions;
        veto = c.veto;
    }

    function test_handlerDrivesPetitionsTheCouncilAndTheVeto() public {
        (bool on, ) = veto.vetoPhase();
        assertTrue(on, "phase switched on by a Constitutional motion");
        community.applyCandidate(0); // candidate 7, voter accepted, one unit bonded
        assertEq(community.candidates()[0], 7, "candidate 7");
        assertTrue(handler.registry().isApplicationOpen(7), "application open");

        community.openPetition(0, false, 0); // petition 1: holder 0, admission of candidate 7
        community.openPetition(1, true, 1); // petition 2: holder 1, no confidence in member 2
        community.openPetition(2, true, 2); // petition 3: holder 2, no confidence in member 3
        assertEq(petitions.petitionCount(), 3, "three petitions");
        assertEq(community.bondsHeld(), 3 ether, "three bonds");
        // Amounts are (1 + seed % 8) * 10 ether against a 30-ether threshold; petition 3 gets nothing (tiny support).
        community.lockPetition(0, 2, true, 5); // petition 1: 60 ether for
        community.lockPetition(0, 3, false, 0); // petition 1: 10 ether against
        community.lockPetition(1, 2, true, 6); // petition 2: 70 ether for
        community.withdrawPetition(0, 2); // refused: the window is open
        assertEq(community.petitionWithdrawnBy(1, community.holderOf(2)), 0, "no early withdrawal");

        handler.warp(1 days); // 25 hours: every petition closed
        community.settlePetition(0); // the first closed, unsettled petition: 1, then 2, then 3
        community.settlePetition(0);
        community.settlePetition(0);
        assertEq(community.motionsOpened(), 2, "two motions opened");
        uint256 admission = petitions.petition(1).motionId;
        uint256 noConfidence = petitions.petition(2).motionId;
        assertTrue(admission != 0 && noConfidence != 0, "qualified petitions opened motions");
        assertEq(handler.proposalIds().length, 2, "recorded with the council's motions");
        assertEq(handler.membershipIds().length, 2, "both are membership motions");
        assertEq(handler.noConfidenceIds()[0], noConfidence, "no-confidence recorded");
        assertTrue(
            petitions.petition(3).status == ICommunityPetitions.PetitionStatus.Failed,
            "tiny support fails the petition"
        );
        assertEq(community.bondsForfeited(), 1 ether, "its bond is forfeited");

        community.withdrawPetition(0, 2);
        community.withdrawPetition(0, 3);
        community.withdrawPetition(1, 2);
        community.withdrawPetition(2, 4); // refused: holder 4 locked nothing
        community.reclaimBond(0, 0);
        community.reclaimBond(1, 1);
        assertEq(community.outstandingPetitionLocks(), 0, "every petition lock withdrawn");
        assertEq(community.bondsHeld(), 0, "bonds reclaimed or forfeited");
        assertEq(address(petitions).balance, 0, "petitions contract empty");

        handler.warp(1 days); // voting open on both motions
        handler.voteAll(0, 1); // the council votes For the admission
        handler.voteAll(1, 1); // and For the no-confidence motion (member 2, its target, is refused)
        assertEq(governor.proposalVoters(admission), 6, "six voted on the admission");
        assertEq(governor.proposalVoters(noConfidence), 5, "the target did not vote");
        handler.warp(3 days);
        handler.queue(0);
        handler.queue(1);
        assertTrue(governor.state(noConfidence) == IGovernor.ProposalState.Queued, "queued");

        // Amounts are (1 + seed % 6) * 10 ether; the veto threshold is 30 ether.
        community.lockVeto(1, 3, false, 0); // the second queued motion (no confidence): 10 ether against
        assertTrue(governor.state(noConfidence) == IGovernor.ProposalState.Queued, "below the threshold");
        community.lockVeto(1, 4, false, 1); // 30 ether against, the threshold: vetoed
        assertTrue(governor.state(noConfidence) == IGovernor.ProposalState.Canceled, "vetoed");
        assertEq(community.vetoes(), 1, "one veto");
        assertTrue(handler.canceledGhost(noConfidence), "recorded as canceled");
        community.lockVeto(0, 0, true, 0); // the only queued motion left (the admission): 10 ether for
        community.lockVeto(0, 1, false, 0); // 10 ether against: no veto
        community.withdrawVeto(1, 3); // refused: the window is open
        assertEq(community.vetoWithdrawnBy(noConfidence, community.holderOf(3)), 0, "no early withdrawal");

        handler.warp(2 days); // 49 hours: past the Admission delay and both veto windows
        handler.execute(0);
        handler.execute(1); // refused: vetoed
        assertTrue(handler.executedGhost(admission), "admission executed");
        assertTrue(!handler.executedGhost(noConfidence), "vetoed motion never executes");
        assertTrue(handler.registry().isActive(7), "candidate 7 admitted");
        assertTrue(handler.registry().isActive(2), "member 2 stays");
        community.withdrawVeto(1, 3);
        community.withdrawVeto(1, 4);
        community.withdrawVeto(0, 0);
        community.withdrawVeto(0, 1);
        assertEq(community.outstandingVetoLocks(), 0, "every veto lock withdrawn");
        assertEq(address(veto).balance, 0, "veto contract empty");

        community.proposeVetoPhase(false); // the community's third motion: switch the phase off
        assertEq(community.phaseMotions(), 1, "phase motion proposed");
        uint256 phaseOff = handler.proposalIds()[2];
        community.councilSession(2, 1); // Pending: voting opens, all vote For, the vote closes, it is queued
        assertEq(governor.proposalVoters(phaseOff), 6, "six voted");
        assertTrue(governor.state(phaseOff) == IGovernor.ProposalState.Queued, "queued by the session");
        community.councilSession(2, 2); // Queued, an even support: no waiting, execution refused before the ETA
        assertTrue(governor.state(phaseOff) == IGovernor.ProposalState.Queued, "still queued");
        community.councilSession(2, 1); // an odd support: waits for the ETA, then executes
        assertTrue(handler.executedGhost(phaseOff), "executed by the session");
        (on, ) = veto.vetoPhase();
        assertTrue(!on, "switched off by the council");

        community.applyCandidate(0); // a second candidate (id 8)
        assertEq(community.candidates().length, 2, "two candidates");
        assertEq(community.wrongPayouts(), 0, "exact payouts");
        assertEq(handler.illegalTransitions(), 0, "no illegal transition");
        assertEq(handler.finalStateChanges(), 0, "no final state changed");
    }
}
