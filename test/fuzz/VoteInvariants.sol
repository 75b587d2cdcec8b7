// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {StakeVault} from "../../contracts/council/StakeVault.sol";
import {TestBase} from "../utils/Vm.sol";
import {VoteGhost} from "./VoteGhost.sol";

/**
 * @title VoteInvariants
 * @notice The vote invariants (docs/architecture.md, "Invariants and where they are tested"), for any stake vault (bonded or Kaia) and the handler's ghost state:
 * Σ votes = total at every checkpoint, no member over half, past votes follow the capped formula.
 */
abstract contract VoteInvariants is TestBase {
    /// @dev Σ voters' votes = total votes, now and at every past timestamp.
    function _checkSumOfVotes(StakeVault vault, address[] memory voters, uint48[] memory timestamps) internal view {
        uint256 sum;
        for (uint256 i = 0; i < voters.length; ++i) sum += vault.getVotes(voters[i]);
        assertEq(sum, vault.totalVotes(), "sum of current votes");
        for (uint256 t = 0; t < timestamps.length; ++t) {
            if (timestamps[t] >= block.timestamp) continue;
            uint256 pastSum;
            for (uint256 i = 0; i < voters.length; ++i) pastSum += vault.getPastVotes(voters[i], timestamps[t]);
            assertEq(pastSum, vault.getPastTotalSupply(timestamps[t]), "sum of past votes");
        }
    }

    /// @dev While two or more members are eligible, no member holds more than half of all votes (now and in the past).
    function _checkHalfShare(StakeVault vault, uint256 members, uint48[] memory timestamps) internal view {
        if (vault.eligibleCount() >= 2) {
            uint256 total = vault.totalVotes();
            for (uint256 id = 1; id <= members; ++id) assertLe(2 * vault.memberVotes(id), total, "member share");
        }
        for (uint256 t = 0; t < timestamps.length; ++t) {
            if (timestamps[t] >= block.timestamp || vault.getPastEligibleCount(timestamps[t]) < 2) continue;
            uint256 total = vault.getPastTotalSupply(timestamps[t]);
            for (uint256 id = 1; id <= members; ++id) {
                assertLe(2 * vault.getPastMemberVotes(id, timestamps[t]), total, "past member share");
            }
        }
    }

    /// @dev Every member's votes at every past timestamp equal the capped formula applied to what the ghost recorded.
    function _checkPastFormula(StakeVault vault, VoteGhost ghost, uint256 members) internal view {
        uint48[] memory timestamps = ghost.timestamps();
        for (uint256 t = 0; t < timestamps.length; ++t) {
            if (timestamps[t] >= block.timestamp) continue;
            for (uint256 id = 1; id <= members; ++id) {
                assertEq(
                    vault.getPastMemberVotes(id, timestamps[t]),
                    ghost.expectedPastVotes(timestamps[t], id),
                    "past member votes"
                );
            }
        }
    }
}
