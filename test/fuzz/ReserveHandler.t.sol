// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ImprovementReserve} from "../../contracts/treasury/ImprovementReserve.sol";
import {TestBase} from "../utils/Vm.sol";
import {ReserveHandler} from "./ReserveHandler.sol";

/**
 * @title ReserveHandlerTest
 * @notice Proves that the reserve handler's actions really move funds, so the invariants are not checked against
 * an idle reserve.
 */
contract ReserveHandlerTest is TestBase {
    ReserveHandler internal handler;
    ImprovementReserve internal reserve;

    function setUp() public {
        handler = new ReserveHandler();
        reserve = handler.reserve();
    }

    /// Seeds map through bound(x, min, max) = min + x % (max - min + 1).
    function test_handlerMovesFundsThroughEveryPath() public {
        handler.fund(true, 39 ether); // 39 ether + 1
        handler.fund(false, 39 ether);
        handler.pay(true, 1 ether); // 1 ether + 1
        handler.approveBudget(false, 10 ether, 20 days); // 10 ether + 1, open 30 days
        handler.spend(1, 3 ether); // 3 ether + 1
        handler.createGrant(true, 8 ether, 40 days, 0); // 8 ether + 1 over 50 days, cliff at 12.5 days
        handler.warp(11 days);
        handler.warp(2 days); // 13 days + 2 hours: past the cliff
        handler.claim(1);
        handler.cancelGrant(1);
        handler.closeBudget(1, true);
        assertEq(handler.recordCount(), 3, "pay, spend, claim");
        uint256 claimed = reserve.grant(1).claimed;
        assertTrue(claimed > 0, "claimed");
        assertEq(handler.outflown(address(0)), 1 ether + 1 + claimed, "native out");
        assertEq(handler.outflown(address(handler.token())), 3 ether + 1, "token out");
        assertEq(reserve.committed(address(0)), reserve.grant(1).total - claimed, "vested, unclaimed part owed");
        assertEq(reserve.committed(address(handler.token())), 0, "budget released");
        handler.togglePause(true);
        assertTrue(reserve.paused(), "paused");
        handler.pay(false, 1 ether);
        assertEq(handler.recordCount(), 3, "nothing leaves while paused");
        handler.togglePause(false);
        assertTrue(!reserve.paused(), "unpaused");
        handler.pay(false, 1 ether);
        assertEq(handler.recordCount(), 4, "pays again");
    }
}
