// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CouncilRegistry} from "../../contracts/council/CouncilRegistry.sol";
import {StakeVault} from "../../contracts/council/StakeVault.sol";
import {TestBase} from "../utils/Vm.sol";
import {CouncilHandler} from "./CouncilHandler.sol";

/**
 * @title CouncilHandlerTest
 * @notice Proves that every action of the invariant handler really changes state, so the invariant runs are not
 * checking an idle system.
 */
contract CouncilHandlerTest is TestBase {
    CouncilHandler internal handler;
    CouncilRegistry internal registry;
    StakeVault internal vault;

    function setUp() public {
        handler = new CouncilHandler();
        registry = handler.registry();
        vault = handler.vault();
    }

    /// Each handler's actions really change state (so the invariants are not checked against an idle system).
    function test_everyHandlerActionSucceeds() public {
        handler.stake(0, 3 * handler.UNIT());
        handler.stake(1, 3 * handler.UNIT());
        handler.stake(2, 3 * handler.UNIT());
        handler.requestUnstake(0, handler.UNIT());
        handler.withdraw(0, 0);
        handler.requestUnstake(1, handler.UNIT());
        handler.restake(1, 0);
        handler.warp(1 days);
        handler.rotateVoter(2);
        handler.applyAndAdmit(2 * handler.UNIT(), true);
        handler.applyAndAdmit(2 * handler.UNIT(), false);
        handler.admit(5);
        handler.remove(3);
        handler.resign(1);
        handler.setStakeUnit(0);
        handler.setCouncilSizeBounds(0, 0);
        bytes4[] memory actions = handler.actions();
        for (uint256 i = 0; i < actions.length; ++i) {
            if (actions[i] == handler.warp.selector) continue;
            if (handler.succeeded(actions[i]) == 0) revert AssertionFailed("unreached index", i, 0);
        }
        assertEq(registry.activeMemberCount(), 4, "two admitted, one removed, one resigned");
        assertEq(vault.totalPending(), 0, "one request withdrawn, one restaked");
        assertEq(address(vault).balance, vault.totalStaked(), "balance");
    }
}
