// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {CouncilRegistry} from "../../contracts/council/CouncilRegistry.sol";
import {StakeVault} from "../../contracts/council/StakeVault.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {GovernanceSystem, IGovernorUnderTest} from "./GovernanceSystem.sol";
import {GovernorHandler} from "./GovernorHandler.sol";
import {CommunityHandler} from "./CommunityHandler.sol";
import {CommunityPetitions} from "../../contracts/community/CommunityPetitions.sol";
import {CommunityVeto} from "../../contracts/community/CommunityVeto.sol";
import {ICommunityPetitions} from "../../contracts/interfaces/ICommunityPetitions.sol";
import {IMotionPolicy} from "../../contracts/interfaces/IMotionPolicy.sol";

/**
 * @title GovernorInvariantTest
 * @notice The governor invariants of the auditor guide, and the community's invariants across the whole system,
 * checked after every call of random sequences of the council's actions (propose, also motions calling every setter
 * a motion can reach and the red team's attacks; vote, also after voter rotation, and whole-council sessions; queue,
 * execute, cancel, no-confidence, resignation, stake, unstake, restake, time) mixed with the community's (candidates
 * applying, petitions opened, locked for and against, settled into motions, withdrawn, bonds reclaimed; veto locks
 * on queued membership motions, vetoes, withdrawals; motions switching the veto phase). The veto phase is switched
 * on by a Constitutional motion in setUp. Run count and depth come from the Solidity test profile (CI: 1,000 runs).
 */
contract GovernorInvariantTest is GovernanceSystem {
    GovernorHandler internal handler;
    CommunityHandler internal community;
    IGovernorUnderTest internal governor;
    StakeVault internal vault;
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
        vault = handler.vault();
        petitions = c.petitions;
        veto = c.veto;
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](2);
        targets[0] = address(handler);
        targets[1] = address(community);
    }

    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        targets = new FuzzSelector[](2);
        targets[0] = FuzzSelector({addr: address(handler), selectors: handler.actions()});
        targets[1] = FuzzSelector({addr: address(community), selectors: community.actions()});
    }

    /// Votes cast on a motion never exceed the total votes at its snapshot.
    function invariant_votesCastNeverExceedSnapshotTotal() public view {
        uint256[] memory ids = handler.proposalIds();
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 snapshot = governor.proposalSnapshot(ids[i]);
            if (snapshot >= block.timestamp) continue;
            (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes) = governor.proposalVotes(ids[i]);
            assertLe(againstVotes + forVotes + abstainVotes, vault.getPastTotalSupply(snapshot), "cast <= total");
        }
    }

    /// Each member's vote is counted at most once per motion, whatever voter account it used.
    function invariant_eachMemberVotesOncePerMotion() public view {
        uint256[] memory ids = handler.proposalIds();
        uint256 members = handler.MEMBERS();
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 counted;
            for (uint256 m = 1; m <= members; ++m) {
                uint256 votes = handler.successfulVotes(ids[i], m);
                assertLe(votes, 1, "one vote per member");
                counted += votes;
                assertTrue(governor.hasMemberVoted(ids[i], m) == (votes == 1), "hasMemberVoted");
            }
            assertEq(governor.proposalVoters(ids[i]), counted, "voters");
        }
    }

    /// A motion that executed was never canceled, and a canceled motion never executes.
    function invariant_executedMotionWasNeverCanceled() public view {
        uint256[] memory ids = handler.proposalIds();
        for (uint256 i = 0; i < ids.length; ++i) {
            assertTrue(!(handler.executedGhost(ids[i]) && handler.canceledGhost(ids[i])), "executed and canceled");
            IGovernor.ProposalState s = governor.state(ids[i]);
            if (s == IGovernor.ProposalState.Executed) assertTrue(!handler.canceledGhost(ids[i]), "executed");
            if (handler.canceledGhost(ids[i])) assertTrue(s == IGovernor.ProposalState.Canceled, "canceled");
        }
    }

    /// A no-confidence target never has counted votes on its own motion.
    function invariant_noConfidenceTargetNeverVotesOnItsMotion() public view {
        uint256[] memory ids = handler.noConfidenceIds();
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 target = governor.motionRecord(ids[i]).subjectMemberId;
            assertTrue(!governor.hasMemberVoted(ids[i], target), "target voted");
            assertEq(handler.successfulVotes(ids[i], target), 0, "target vote counted");
        }
    }

    /// The council's size stays within [minMembers, maxMembers] whatever motions execute.
    function invariant_councilSizeWithinBounds() public view {
        CouncilRegistry registry = handler.registry();
        uint256 active = registry.activeMemberCount();
        assertLe(registry.minMembers(), active, "min members");
        assertLe(active, registry.maxMembers(), "max members");
    }

    /// A motion's state changes only through queue, execute, cancel, or the passage of time; votes and stake
    /// changes never move it.
    function invariant_stateChangesOnlyThroughAllowedFunctionsOrTime() public view {
        assertEq(handler.illegalTransitions(), 0, "illegal transitions");
    }

    /// Defeated, Canceled, Expired and Executed are final: no later call or setting change moves a motion out.
    function invariant_finalStatesAreFinal() public view {
        assertEq(handler.finalStateChanges(), 0, "final state changed");
    }

    /// The timelock's proposer, executor and canceller roles are held by the governor and nobody else (every
    /// account the system and the attacks know of is checked), and execution is not open to everyone.
    function invariant_timelockRolesHeldByGovernorAlone() public view {
        TimelockController timelock = handler.timelock();
        bytes32[3] memory roles = [timelock.PROPOSER_ROLE(), timelock.EXECUTOR_ROLE(), timelock.CANCELLER_ROLE()];
        address[] memory others = new address[](9 + 2 * handler.MEMBERS());
        others[0] = handler.OUTSIDER();
        others[1] = handler.SECRETARIAT();
        others[2] = handler.GUARDIAN();
        others[3] = address(handler);
        others[4] = address(this);
        others[5] = address(0);
        others[6] = address(community);
        others[7] = address(petitions);
        others[8] = address(veto);
        for (uint256 i = 0; i < handler.MEMBERS(); ++i) {
            others[9 + 2 * i] = address(uint160(0xAD000 + i));
            others[10 + 2 * i] = address(uint160(0xB0000 + i));
        }
        for (uint256 r = 0; r < roles.length; ++r) {
            assertTrue(timelock.hasRole(roles[r], address(governor)), "governor lost a role");
            for (uint256 i = 0; i < others.length; ++i) {
                assertTrue(!timelock.hasRole(roles[r], others[i]), "someone else holds a timelock role");
            }
        }
        assertTrue(!timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), handler.OUTSIDER()), "outsider is admin");
    }

    /// No executed motion leaves fewer eligible members than the council's minimum size (unless the count was
    /// already below it, by members' own unstaking, and the motion lowered neither the count nor raised the minimum).
    function invariant_minMembersEligibleAfterExecutedMotions() public view {
        assertEq(handler.executionsBelowMinimum(), 0, "a motion left too few eligible members");
    }

    /// A no-confidence target cannot move its own stake between the motion's creation and its snapshot, so its
    /// eligibility at the snapshot (and with it every capped member's votes and both quorum bases) is what it was
    /// when the motion was created; after the snapshot nothing it does reaches the motion's snapshot values.
    function invariant_noConfidenceTargetCannotChangeItsOutcome() public view {
        assertEq(handler.targetMovesBeforeSnapshot(), 0, "target moved its stake before the snapshot");
        uint256[] memory ids = handler.noConfidenceIds();
        CouncilRegistry registry = handler.registry();
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 snapshot = governor.proposalSnapshot(ids[i]);
            if (snapshot >= block.timestamp || handler.lastStakeUnitChange() != 0) continue;
            uint256 target = governor.motionRecord(ids[i]).subjectMemberId;
            if (!registry.wasActiveAt(target, snapshot)) continue;
            bool eligibleAtSnapshot = vault.getPastMemberVotes(target, snapshot) > 0;
            assertTrue(eligibleAtSnapshot == handler.targetEligibleAtCreation(ids[i]), "target eligibility moved");
        }
    }

    // ---------------------------------------------------------------- the community across the whole system

    /// A motion the community vetoed never executes: it is Canceled for good, and no execution of it succeeded.
    function invariant_vetoedMotionNeverExecutes() public view {
        uint256[] memory ids = handler.membershipIds();
        uint256 vetoed = 0;
        for (uint256 i = 0; i < ids.length; ++i) {
            if (!veto.campaign(ids[i]).vetoed) continue;
            ++vetoed;
            assertTrue(governor.state(ids[i]) == IGovernor.ProposalState.Canceled, "vetoed motion not canceled");
            assertTrue(!handler.executedGhost(ids[i]), "vetoed motion executed");
        }
        assertEq(vetoed, community.vetoes(), "vetoes");
    }

    /// Every qualified petition opened exactly one motion, in the governor, of its kind, on its subject, with the
    /// petitions contract as proposer; no other petition opened any.
    function invariant_qualifiedPetitionOpenedExactlyOneMotion() public view {
        uint256 count = petitions.petitionCount();
        uint256 qualified = 0;
        for (uint256 id = 1; id <= count; ++id) {
            ICommunityPetitions.Petition memory p = petitions.petition(id);
            if (p.status != ICommunityPetitions.PetitionStatus.Qualified) {
                assertEq(p.motionId, 0, "no motion unless qualified");
                continue;
            }
            ++qualified;
            assertTrue(p.support >= p.threshold && p.support > p.opposition, "qualified tally");
            assertEq(community.petitionOfMotion(p.motionId), id, "one petition per motion");
            assertTrue(governor.proposalProposer(p.motionId) == address(petitions), "sponsor");
            assertEq(governor.motionRecord(p.motionId).subjectMemberId, p.subjectMemberId, "subject");
            IMotionPolicy.MotionClass expected =
                p.kind == ICommunityPetitions.PetitionKind.Admission
                    ? IMotionPolicy.MotionClass.Admission
                    : IMotionPolicy.MotionClass.NoConfidence;
            assertTrue(governor.motionRecord(p.motionId).motionClass == expected, "class");
        }
        // Each settlement that opened a motion is counted once, and maps back to its own petition (above).
        assertEq(community.motionsOpened(), qualified, "one motion per qualified petition");
    }

    /// The petition and veto contracts hold exactly what was locked and not withdrawn (plus the bonds the petitions
    /// contract still holds); forfeited bonds are in the reserve.
    function invariant_communityBalancesEqualOutstandingLocks() public view {
        assertEq(
            address(petitions).balance,
            community.outstandingPetitionLocks() + community.bondsHeld(),
            "petitions: locked - withdrawn + bonds"
        );
        assertEq(address(veto).balance, community.outstandingVetoLocks(), "veto: locked - withdrawn");
        assertEq(address(community.reserve()).balance, community.bondsForfeited(), "reserve: forfeited bonds");
    }

    /// Nobody withdraws more than it locked, on a petition or a veto campaign; every payout was exactly what was owed.
    function invariant_nobodyWithdrawsMoreThanItLocked() public view {
        assertEq(community.wrongPayouts(), 0, "wrong payouts");
        uint256 count = petitions.petitionCount();
        uint256[] memory ids = handler.membershipIds();
        for (uint256 h = 0; h < community.HOLDERS(); ++h) {
            address holder = community.holderOf(h);
            for (uint256 id = 1; id <= count; ++id) {
                assertLe(community.petitionWithdrawnBy(id, holder), community.petitionLockedBy(id, holder), "petition");
            }
            for (uint256 i = 0; i < ids.length; ++i) {
                assertLe(community.vetoWithdrawnBy(ids[i], holder), community.vetoLockedBy(ids[i], holder), "veto");
            }
        }
    }
}
