// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CouncilRegistry} from "../../contracts/council/CouncilRegistry.sol";
import {StakeVault} from "../../contracts/council/StakeVault.sol";
import {ICouncilRegistry} from "../../contracts/interfaces/ICouncilRegistry.sol";
import {TestBase} from "../utils/Vm.sol";
import {CouncilHandler} from "./CouncilHandler.sol";

/**
 * @title CouncilInvariantTest
 * @notice Invariants of the registry and the stake vault, checked after every call of random sequences
 * of stake, unbond, withdraw, restake, voter rotation, admission, removal, resignation, stake-unit and size-bound
 * changes, and the passage of time. Run count and depth come from the Solidity test profile (CI: 1,000 runs).
 */
contract CouncilInvariantTest is TestBase {
    CouncilHandler internal handler;
    CouncilRegistry internal registry;
    StakeVault internal vault;

    function setUp() public {
        handler = new CouncilHandler();
        registry = handler.registry();
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

    /// Σ voters' votes = total votes, now and at every past checkpoint.
    function invariant_sumOfVotesEqualsTotalAtEveryCheckpoint() public view {
        address[] memory voters = handler.voters();
        uint256 sum;
        for (uint256 i = 0; i < voters.length; ++i) sum += vault.getVotes(voters[i]);
        assertEq(sum, vault.totalVotes(), "sum of current votes");

        uint48[] memory timestamps = handler.timestamps();
        for (uint256 t = 0; t < timestamps.length; ++t) {
            if (timestamps[t] >= block.timestamp) continue;
            uint256 pastSum;
            for (uint256 i = 0; i < voters.length; ++i) pastSum += vault.getPastVotes(voters[i], timestamps[t]);
            assertEq(pastSum, vault.getPastTotalSupply(timestamps[t]), "sum of past votes");
        }
    }

    /// While two or more members are eligible, no member holds more than half of all votes (now and in the past).
    function invariant_noMemberAboveHalfOfVotes() public view {
        uint256 members = registry.memberCount();
        if (vault.eligibleCount() >= 2) {
            uint256 total = vault.totalVotes();
            for (uint256 id = 1; id <= members; ++id) assertLe(2 * vault.memberVotes(id), total, "member share");
        }
        uint48[] memory timestamps = handler.timestamps();
        for (uint256 t = 0; t < timestamps.length; ++t) {
            if (timestamps[t] >= block.timestamp || vault.getPastEligibleCount(timestamps[t]) < 2) continue;
            uint256 total = vault.getPastTotalSupply(timestamps[t]);
            for (uint256 id = 1; id <= members; ++id) {
                assertLe(2 * vault.getPastMemberVotes(id, timestamps[t]), total, "past member share");
            }
        }
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
}
