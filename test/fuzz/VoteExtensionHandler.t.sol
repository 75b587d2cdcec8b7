// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {GovernanceSystem, IGovernorUnderTest} from "./GovernanceSystem.sol";
import {VoteExtensionHandler} from "./VoteExtensionHandler.sol";

/**
 * @title VoteExtensionHandlerTest
 * @notice Proves the vote-extension handler reaches a grant, refuses outsiders and second calls, and composes with a
 * late quorum, so the invariants are not checked against an idle system.
 */
contract VoteExtensionHandlerTest is GovernanceSystem {
    VoteExtensionHandler internal handler;
    IGovernorUnderTest internal governor;

    function setUp() public {
        handler = new VoteExtensionHandler(_deploySystem(address(0x5EC), address(0x6A2D), 3 days));
        governor = handler.governor();
    }

    function test_handlerGrantsOnceAtMoreThanHalf() public {
        handler.propose();
        uint256 id = handler.proposalIds()[0];
        handler.warp(1 days); // the 1-day voting delay has passed: Active
        handler.callForExtension(0, 0); // the outsider: refused
        for (uint256 m = 1; m <= 3; ++m) handler.callForExtension(0, m);
        handler.callForExtension(0, 1); // a second call: refused
        assertEq(handler.grants(id), 0, "3 of 6 is not more than half");
        handler.callForExtension(0, 4);
        assertEq(handler.grants(id), 1, "granted at 4 of 6");
        assertEq(governor.proposalDeadline(id), handler.scheduledDeadline(id) + 3 days, "moved by the amount");
        handler.callForExtension(0, 5); // already extended: refused
        assertEq(handler.grants(id), 1, "granted once");
        assertEq(handler.successfulCalls(id, 0), 0, "outsider refused");
        assertEq(handler.successfulCalls(id, 1), 1, "second call refused");
    }

    function test_handlerReachesLateQuorumAfterTheGrant() public {
        handler.propose();
        uint256 id = handler.proposalIds()[0];
        handler.warp(1 days);
        for (uint256 m = 1; m <= 4; ++m) handler.callForExtension(0, m);
        // Late in the extended vote: one hour before the extended deadline (warp(x) moves 1 + x seconds below 2 days).
        uint256 target = governor.proposalDeadline(id) - 1 hours;
        while (target - block.timestamp > 2 days) handler.warp(2 days - 1);
        handler.warp(target - block.timestamp - 1);
        assertEq(block.timestamp, target, "one hour before the extended deadline");
        for (uint256 m = 1; m <= 3; ++m) handler.vote(0, m, 1);
        assertEq(governor.proposalDeadline(id), block.timestamp + 1 days, "late quorum from the extended deadline");
    }
}
