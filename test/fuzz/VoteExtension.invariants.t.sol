// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {VoteExtension} from "../../contracts/community/VoteExtension.sol";
import {GovernanceSystem, IGovernorUnderTest} from "./GovernanceSystem.sol";
import {VoteExtensionHandler} from "./VoteExtensionHandler.sol";
import {IInvariantHandler, InvariantTargets} from "../utils/Vm.sol";

/**
 * @title VoteExtensionInvariantTest
 * @notice The members' vote extension under random sequences of proposals (signalling and no-confidence), votes
 * (reaching quorum early or late), calls for an extension from members, an outsider and targets, and time: a motion
 * is extended at most once, by exactly its amount (at most 7 days), only once more than half of the eligible members
 * called, each member calls at most once, and the deadline never passes the scheduled one plus the members'
 * extension plus the late-quorum extension.
 */
contract VoteExtensionInvariantTest is GovernanceSystem, InvariantTargets {
    uint256 internal constant AMOUNT = 3 days;
    uint256 internal constant LATE_QUORUM_EXTENSION = 1 days;

    VoteExtensionHandler internal handler;
    IGovernorUnderTest internal governor;
    VoteExtension internal ext;

    function setUp() public {
        handler = new VoteExtensionHandler(_deploySystem(address(0x5EC), address(0x6A2D), AMOUNT));
        governor = handler.governor();
        ext = handler.voteExtension();
    }

    function _handlers() internal view override returns (IInvariantHandler[] memory) {
        return _only(address(handler));
    }

    /// A motion is extended at most once, and its granted deadline never changes.
    function invariant_extendedAtMostOnce() public view {
        uint256[] memory ids = handler.proposalIds();
        for (uint256 i = 0; i < ids.length; ++i) assertLe(handler.grants(ids[i]), 1, "one grant per motion");
        assertEq(handler.grantedDeadlineChanges(), 0, "granted deadline fixed");
    }

    /// A grant moves the deadline by exactly the motion's amount, which is at most 7 days.
    function invariant_grantMovesDeadlineByItsAmount() public view {
        uint256[] memory ids = handler.proposalIds();
        for (uint256 i = 0; i < ids.length; ++i) {
            if (handler.grants(ids[i]) == 0) continue;
            uint256 moved = handler.deadlineAfterGrant(ids[i]) - handler.deadlineBeforeGrant(ids[i]);
            assertEq(moved, ext.motionExtensionAmount(ids[i]), "moved by the amount");
            assertLe(moved, ext.MAX_EXTENSION(), "at most 7 days");
        }
    }

    /// The deadline never passes the scheduled one plus the members' and the late-quorum extensions.
    function invariant_deadlineBounded() public view {
        uint256[] memory ids = handler.proposalIds();
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 bound_ = handler.scheduledDeadline(ids[i]) + AMOUNT + LATE_QUORUM_EXTENSION;
            assertLe(governor.proposalDeadline(ids[i]), bound_, "deadline bounded");
        }
    }

    /// Extended exactly when more than half of the eligible members called; nobody calls twice; outsiders never.
    function invariant_extendedIffThresholdMet() public view {
        uint256[] memory ids = handler.proposalIds();
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 id = ids[i];
            assertEq(handler.successfulCalls(id, 0), 0, "outsider never counts");
            uint256 members;
            for (uint256 m = 1; m <= handler.MEMBERS(); ++m) {
                assertLe(handler.successfulCalls(id, m), 1, "one call per member");
                members += handler.successfulCalls(id, m);
            }
            if (governor.proposalSnapshot(id) >= block.timestamp) continue;
            (uint256 calls, uint256 needed, uint256 extendedDeadline) = ext.extensionStatus(id);
            assertEq(calls, members, "calls counted");
            assertTrue((extendedDeadline != 0) == (calls >= needed), "extended iff threshold met");
        }
    }
}
