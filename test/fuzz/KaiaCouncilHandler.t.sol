// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TestBase} from "../utils/Vm.sol";
import {KaiaCouncilHandler} from "./KaiaCouncilHandler.sol";

/// @title KaiaCouncilHandlerTest
/// @notice Every action of the Kaia handler changes state when called directly, in both modes, so the invariant
/// runs exercise real paths rather than early returns.
contract KaiaCouncilHandlerTest is TestBase {
    function test_everyActionSucceedsInTrackerMode() public {
        _run(new KaiaCouncilHandler(true));
    }

    function test_everyActionSucceedsInReadMode() public {
        _run(new KaiaCouncilHandler(false));
    }

    function _run(KaiaCouncilHandler h) private {
        h.stakeKlay(0, 5 * h.UNIT());
        h.approveWithdrawal(0, h.UNIT());
        h.settleWithdrawal(0, false);
        h.approveWithdrawal(1, h.UNIT());
        h.settleWithdrawal(1, true);
        h.forceCoin(2, h.UNIT());
        h.switchTracker(3);
        h.warp(1 days);
        h.rotateVoter(4);
        h.remove(5);
        h.setStakeUnit(h.UNIT() / 2);
        assertTrue(h.succeeded(h.stakeKlay.selector) == 1, "stakeKlay");
        assertTrue(h.succeeded(h.approveWithdrawal.selector) == 2, "approveWithdrawal");
        assertTrue(h.succeeded(h.settleWithdrawal.selector) == 2, "settleWithdrawal");
        assertTrue(h.succeeded(h.forceCoin.selector) == 1, "forceCoin");
        assertTrue(h.succeeded(h.switchTracker.selector) == (h.trackerMode() ? 1 : 0), "switchTracker");
        assertTrue(h.succeeded(h.rotateVoter.selector) == 1, "rotateVoter");
        assertTrue(h.succeeded(h.remove.selector) == 1, "remove");
        assertTrue(h.succeeded(h.setStakeUnit.selector) == 1, "setStakeUnit");
    }
}
