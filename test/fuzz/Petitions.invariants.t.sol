// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CommunityPetitions} from "../../contracts/community/CommunityPetitions.sol";
import {ICommunityPetitions} from "../../contracts/interfaces/ICommunityPetitions.sol";
import {MockCommunityGovernor} from "../../contracts/mocks/MockCommunityGovernor.sol";
import {IInvariantHandler, InvariantTargets} from "../utils/Vm.sol";
import {PetitionsHandler} from "./PetitionsHandler.sol";

/**
 * @title PetitionsInvariantTest
 * @notice Issue 14 invariants of the community petitions, checked after every call of random sequences of opening,
 * locking, withdrawing, settling, reclaiming bonds, governance changes, subjects leaving and time.
 */
contract PetitionsInvariantTest is InvariantTargets {
    PetitionsHandler internal handler;
    CommunityPetitions internal petitions;
    MockCommunityGovernor internal governor;

    function setUp() public {
        handler = new PetitionsHandler();
        petitions = handler.petitions();
        governor = handler.governor();
    }

    function _handlers() internal view override returns (IInvariantHandler[] memory) {
        return _only(address(handler));
    }

    /// The contract holds exactly what was locked and not withdrawn, plus the bonds it still holds.
    function invariant_balanceIsLockedNotWithdrawnPlusBonds() public view {
        assertEq(
            address(petitions).balance,
            handler.outstandingLocks() + handler.bondsHeld(),
            "balance = locked - withdrawn + bonds"
        );
    }

    /// Nobody withdraws more than it locked; every payout was exactly what was owed.
    function invariant_nobodyWithdrawsMoreThanItLocked() public view {
        assertEq(handler.wrongPayouts(), 0, "wrong payouts");
        uint256 count = petitions.petitionCount();
        for (uint256 id = 1; id <= count; ++id) {
            for (uint256 h = 0; h < handler.HOLDERS(); ++h) {
                address holder = handler.holderOf(h);
                assertLe(handler.withdrawnBy(id, holder), handler.lockedBy(id, holder), "withdrawn <= locked");
            }
        }
    }

    /// Every qualified petition opened exactly one motion, as its sponsor; no other petition opened any.
    function invariant_qualifiedPetitionOpenedExactlyOneMotion() public view {
        uint256 count = petitions.petitionCount();
        uint256 qualified = 0;
        for (uint256 id = 1; id <= count; ++id) {
            ICommunityPetitions.Petition memory p = petitions.petition(id);
            if (p.status == ICommunityPetitions.PetitionStatus.Qualified) {
                ++qualified;
                assertTrue(p.motionId != 0 && p.motionId <= governor.motionCount(), "motion id");
                assertTrue(governor.sponsorOf(p.motionId) == address(petitions), "sponsor");
                assertTrue(p.support >= p.threshold && p.support > p.opposition, "qualified tally");
            } else {
                assertEq(p.motionId, 0, "no motion unless qualified");
            }
        }
        // Motion ids are distinct (the mock numbers them), so equal counts mean one motion each.
        assertEq(governor.motionCount(), qualified, "one motion per qualified petition");
    }
}
