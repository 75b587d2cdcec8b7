// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CouncilRegistry} from "../../contracts/council/CouncilRegistry.sol";
import {StakeVault} from "../../contracts/council/StakeVault.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {GovernanceSystem, IGovernorUnderTest} from "./GovernanceSystem.sol";
import {GovernorHandler} from "./GovernorHandler.sol";

/**
 * @title GovernorInvariantTest
 * @notice SPEC §10 governor invariants, checked after every call of random sequences of propose, vote (also after
 * voter rotation), queue, execute, cancel, stake changes and time. Run count and depth come from the Solidity test
 * profile (CI: 1,000 runs).
 */
contract GovernorInvariantTest is GovernanceSystem {
    GovernorHandler internal handler;
    IGovernorUnderTest internal governor;
    StakeVault internal vault;

    function setUp() public {
        handler = new GovernorHandler(_deploySystem(address(0x5EC), address(0x6A2D)));
        governor = handler.governor();
        vault = handler.vault();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector({addr: address(handler), selectors: handler.actions()});
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
            uint256 target = governor.motionSubject(ids[i]);
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
}
