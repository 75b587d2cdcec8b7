// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IImprovementReserve} from "../../contracts/interfaces/IImprovementReserve.sol";
import {ImprovementReserve} from "../../contracts/treasury/ImprovementReserve.sol";
import {IInvariantHandler, InvariantTargets} from "../utils/Vm.sol";
import {ReserveHandler} from "./ReserveHandler.sol";

/**
 * @title ReserveInvariantTest
 * @notice Invariants of the Improvement Reserve, checked after every call of random sequences
 * of funding, payments, budgets, spends, grants, claims, cancellations, limit changes, pauses and time.
 */
contract ReserveInvariantTest is InvariantTargets {
    ReserveHandler internal handler;
    ImprovementReserve internal reserve;

    function setUp() public {
        handler = new ReserveHandler();
        reserve = handler.reserve();
    }

    function _handlers() internal view override returns (IInvariantHandler[] memory) {
        return _only(address(handler));
    }

    /// Commitments (open budgets, unpaid grants) never exceed what the reserve holds, for every asset.
    function invariant_committedNeverExceedsBalance() public view {
        assertLe(reserve.committed(address(0)), reserve.balanceOf(address(0)), "native committed");
        address token = address(handler.token());
        assertLe(reserve.committed(token), reserve.balanceOf(token), "token committed");
    }

    /// Every outflow fitted the limit in force: it and all outflows of the same asset in the 30 days before it add
    /// up to at most that limit.
    function invariant_outflowsInAnyThirtyDaysWithinLimit() public view {
        uint256 n = handler.recordCount();
        for (uint256 i = 0; i < n; ++i) {
            ReserveHandler.OutflowRecord memory r = handler.record(i);
            uint256 windowTotal;
            for (uint256 j = 0; j <= i; ++j) {
                ReserveHandler.OutflowRecord memory earlier = handler.record(j);
                if (earlier.asset == r.asset && r.time - earlier.time < 30 days) windowTotal += earlier.amount;
            }
            assertLe(windowTotal, r.limit, "30-day outflow");
        }
    }

    /// No grant ever paid more than what vested, nor more than its total.
    function invariant_claimedNeverExceedsVested() public view {
        uint256 count = reserve.grantCount();
        for (uint256 id = 1; id <= count; ++id) {
            IImprovementReserve.Grant memory g = reserve.grant(id);
            assertLe(g.claimed, reserve.vested(id), "claimed <= vested");
            assertLe(g.claimed, g.total, "claimed <= total");
        }
    }

    /// Funds leave only through pay, spend and claim: the balance is what arrived minus those outflows.
    function invariant_fundsLeaveOnlyThroughPaySpendClaim() public view {
        assertEq(
            reserve.balanceOf(address(0)),
            handler.funded(address(0)) - handler.outflown(address(0)),
            "native balance"
        );
        address token = address(handler.token());
        assertEq(reserve.balanceOf(token), handler.funded(token) - handler.outflown(token), "token balance");
    }
}
