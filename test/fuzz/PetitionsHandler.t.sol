// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CommunityPetitions} from "../../contracts/community/CommunityPetitions.sol";
import {ICommunityPetitions} from "../../contracts/interfaces/ICommunityPetitions.sol";
import {TestBase} from "../utils/Vm.sol";
import {PetitionsHandler} from "./PetitionsHandler.sol";

/**
 * @title PetitionsHandlerTest
 * @notice Proves that the petitions handler's actions really lock, settle, open motions and pay back, so the
 * invariants are not checked against an idle contract.
 */
contract PetitionsHandlerTest is TestBase {
    PetitionsHandler internal handler;
    CommunityPetitions internal petitions;

    function setUp() public {
        handler = new PetitionsHandler();
        petitions = handler.petitions();
    }

    /// Seeds map through bound(x, min, max) = min + x % (max - min + 1).
    function test_handlerDrivesEveryPath() public {
        handler.open(0, true, 0); // holder 0, no confidence in subject 1
        handler.open(1, false, 1); // holder 1, admission of subject 2
        handler.lock(0, 1, true, 79 * 1 ether); // petition 1: 79 ether + 1 for
        handler.lock(0, 2, true, 29 * 1 ether); // 29 ether + 1 more: 108 ether + 2
        handler.lock(0, 3, false, 9 * 1 ether); // 9 ether + 1 against
        handler.lock(1, 1, true, 0); // petition 2: 1 wei for (tiny)
        handler.withdraw(0, 1); // refused: window open
        handler.warp(1 days - 1); // 1 day later: both closed
        handler.settle(0);
        handler.settle(1);
        assertTrue(petitions.petition(1).status == ICommunityPetitions.PetitionStatus.Qualified, "qualified");
        assertEq(petitions.petition(1).motionId, 1, "motion opened");
        assertTrue(petitions.petition(2).bondForfeited, "tiny support forfeits");
        handler.withdraw(0, 1);
        handler.withdraw(0, 2);
        handler.withdraw(1, 1);
        handler.reclaimBond(0, 0);
        assertEq(handler.outstandingLocks(), 9 ether + 1, "one lock left");
        assertEq(handler.bondsHeld(), 0, "bonds released");
        assertEq(address(petitions).balance, 9 ether + 1, "balance");
        assertEq(handler.wrongPayouts(), 0, "exact payouts");
    }
}
