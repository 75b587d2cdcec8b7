// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CouncilRegistry} from "../../contracts/council/CouncilRegistry.sol";
import {KaiaStakeVault} from "../../contracts/council/KaiaStakeVault.sol";
import {KaiaCouncilHandler} from "./KaiaCouncilHandler.sol";
import {VoteInvariants} from "./VoteInvariants.sol";
import {IInvariantHandler, InvariantTargets} from "../utils/Vm.sol";

/**
 * @title KaiaCouncilInvariants
 * @notice The vote invariants (docs/architecture.md, "Invariants and where they are tested") for a council whose
 * stake lives in Kaia CnStaking contracts, after every call of random sequences of the handler's actions. The two modes run as two test contracts.
 */
abstract contract KaiaCouncilInvariants is VoteInvariants, InvariantTargets {
    KaiaCouncilHandler internal handler;
    CouncilRegistry internal registry;
    KaiaStakeVault internal vault;

    function _setUp(bool trackerMode) internal {
        handler = new KaiaCouncilHandler(trackerMode);
        registry = handler.registry();
        vault = handler.vault();
    }

    function _handlers() internal view override returns (IInvariantHandler[] memory) {
        return _only(address(handler));
    }

    /// Σ voters' votes = total votes, now and at every past timestamp.
    function invariant_sumOfVotesEqualsTotalAtEveryCheckpoint() public view {
        _checkSumOfVotes(vault, handler.voters(), handler.timestamps());
    }

    /// While two or more members are eligible, no member holds more than half of all votes (now and in the past).
    function invariant_noMemberAboveHalfOfVotes() public view {
        _checkHalfShare(vault, handler.MEMBERS(), handler.timestamps());
    }

    /// Every member's past votes equal the formula applied to its past stake, status, unit and eligible count.
    function invariant_pastVotesFollowTheFormulaAtEveryTimestamp() public view {
        _checkPastFormula(vault, handler, handler.MEMBERS());
    }

    /// Each member's recorded stake is its CnStaking's effective stake (callbacks or refreshes kept it in step).
    function invariant_recordedStakeFollowsTheCnStaking() public view {
        uint256 members = handler.MEMBERS();
        for (uint256 id = 1; id <= members; ++id) {
            address cn = address(handler.staking(id - 1));
            (, uint256 recorded) = vault.stakingLink(cn);
            assertEq(recorded, vault.effectiveStake(cn), "recorded effective stake");
            assertEq(vault.stakeOf(id), recorded, "member stake");
        }
    }
}
