// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CouncilRegistry} from "../../contracts/council/CouncilRegistry.sol";
import {StakeVault} from "../../contracts/council/StakeVault.sol";
import {ICouncilRegistry} from "../../contracts/interfaces/ICouncilRegistry.sol";
import {CouncilHandler} from "./CouncilHandler.sol";
import {VoteInvariants} from "./VoteInvariants.sol";
import {IInvariantHandler, InvariantTargets} from "../utils/Vm.sol";

/**
 * @title CouncilInvariantTest
 * @notice Invariants of the registry and the stake vault, checked after every call of random sequences
 * of stake, unbond, withdraw, restake, voter rotation, admission, removal, resignation, stake-unit and size-bound
 * changes, and the passage of time. Run count and depth come from the Solidity test profile (CI: 1,000 runs).
 */
contract CouncilInvariantTest is VoteInvariants, InvariantTargets {
    CouncilHandler internal handler;
    CouncilRegistry internal registry;
    StakeVault internal vault;

    function setUp() public {
        handler = new CouncilHandler();
        registry = handler.registry();
        vault = handler.vault();
    }

    function _handlers() internal view override returns (IInvariantHandler[] memory) {
        return _only(address(handler));
    }

    /// Σ voters' votes = total votes, now and at every past checkpoint.
    function invariant_sumOfVotesEqualsTotalAtEveryCheckpoint() public view {
        _checkSumOfVotes(vault, handler.voters(), handler.timestamps());
    }

    /// While two or more members are eligible, no member holds more than half of all votes (now and in the past).
    function invariant_noMemberAboveHalfOfVotes() public view {
        _checkHalfShare(vault, registry.memberCount(), handler.timestamps());
    }

    /// The vault holds exactly all stake plus all pending withdrawals, and the totals match the members' sums.
    function invariant_vaultBalanceEqualsStakePlusPending() public view {
        uint256 members = registry.memberCount();
        uint256 staked;
        uint256 pending;
        for (uint256 id = 1; id <= members; ++id) {
            staked += vault.stakeOf(id);
            pending += vault.pendingOf(id);
        }
        assertEq(staked, vault.totalStaked(), "sum of stake");
        assertEq(pending, vault.totalPending(), "sum of pending");
        assertEq(address(vault).balance, staked + pending, "vault balance");
    }

    /// The number of active members stays within [minMembers, maxMembers], and matches the records.
    function invariant_councilSizeWithinBounds() public view {
        uint256 active = registry.activeMemberCount();
        assertLe(registry.minMembers(), active, "min members");
        assertLe(active, registry.maxMembers(), "max members");
        uint256 counted;
        uint256 members = registry.memberCount();
        for (uint256 id = 1; id <= members; ++id) {
            (, , ICouncilRegistry.MemberStatus status) = registry.memberAccounts(id);
            if (status == ICouncilRegistry.MemberStatus.Active) ++counted;
        }
        assertEq(counted, active, "active records");
    }

    /// Every member's votes follow min(floor(stake/unit), max(1, eligible-1)) when eligible, and are 0 otherwise.
    function invariant_votesFollowTheCappedFormula() public view {
        uint256 unit = vault.stakeUnit();
        uint256 eligible = vault.eligibleCount();
        uint256 cap = eligible > 2 ? eligible - 1 : 1;
        uint256 members = registry.memberCount();
        uint256 counted;
        for (uint256 id = 1; id <= members; ++id) {
            uint256 stake = vault.stakeOf(id);
            bool isEligible = registry.isActive(id) && stake >= unit;
            assertTrue(isEligible == vault.isEligible(id), "eligibility");
            uint256 expected = isEligible ? (stake / unit < cap ? stake / unit : cap) : 0;
            assertEq(vault.memberVotes(id), expected, "member votes");
            if (isEligible) ++counted;
        }
        assertEq(counted, eligible, "eligible count");
    }

    /// Every member's votes at every past timestamp equal the capped formula applied to the stake, status and unit
    /// recorded then by the handler (and so to the eligible count then): the lazy vault never rewrites history.
    function invariant_pastVotesFollowTheFormulaAtEveryTimestamp() public view {
        _checkPastFormula(vault, handler, registry.memberCount());
    }
}
