// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CommunityPetitions} from "../../contracts/community/CommunityPetitions.sol";
import {GovernorMembershipMotions} from "../../contracts/governance/extensions/GovernorMembershipMotions.sol";
import {MockCommunityGovernor} from "../../contracts/mocks/MockCommunityGovernor.sol";
import {ImprovementReserve} from "../../contracts/treasury/ImprovementReserve.sol";
import {TestBase} from "../utils/Vm.sol";

/**
 * @title PetitionsHandler
 * @notice Drives random sequences of the petitions contract's entry points for its invariants: open, lock on
 * either side, withdraw, settle, reclaim a bond, governance changes, subjects leaving, and time. Five holders act
 * through pranks. It owns the petitions contract (the timelock's stand-in); an Improvement Reserve receives
 * forfeited bonds. Ghost variables record what each holder locked and got back, and the bonds held.
 */
contract PetitionsHandler is TestBase {
    uint256 public constant UNIT = 1 ether;
    uint256 public constant HOLDERS = 5;

    MockCommunityGovernor public immutable governor;
    CommunityPetitions public immutable petitions;
    ImprovementReserve public immutable reserve;

    mapping(uint256 petitionId => mapping(address holder => uint256)) public lockedBy;
    mapping(uint256 petitionId => mapping(address holder => uint256)) public withdrawnBy;
    /// @notice Σ locked − Σ withdrawn, over every petition and holder.
    uint256 public outstandingLocks;
    /// @notice Bonds posted and neither forfeited nor reclaimed.
    uint256 public bondsHeld;
    /// @notice Withdrawals or reclaims that paid anything but exactly what was owed.
    uint256 public wrongPayouts;

    constructor() {
        governor = new MockCommunityGovernor(address(0));
        reserve = new ImprovementReserve(
            address(this),
            address(0x6A2D),
            365 days,
            14 days,
            new address[](0),
            new uint256[](0)
        );
        petitions = new CommunityPetitions(
            address(this),
            GovernorMembershipMotions(payable(address(governor))),
            address(reserve),
            1 days,
            100 * UNIT,
            1 * UNIT
        );
    }

    // ---------------------------------------------------------------- actions

    /// @notice A holder opens a petition (either kind, subjects 1 to 3), posting the bond.
    function open(uint256 holderSeed, bool noConfidence, uint256 subjectSeed) external {
        address holder = _holder(holderSeed);
        uint256 subject = bound(subjectSeed, 1, 3);
        uint256 bond = petitions.bond();
        VM.deal(holder, holder.balance + bond);
        VM.prank(holder);
        if (noConfidence) {
            try petitions.openNoConfidence{value: bond}(subject, "petition") {
                bondsHeld += bond;
            } catch {}
        } else {
            try petitions.openAdmission{value: bond}(subject, "petition") {
                bondsHeld += bond;
            } catch {}
        }
    }

    /// @notice A holder locks coin for or against a petition.
    function lock(uint256 petitionSeed, uint256 holderSeed, bool support, uint256 amount) external {
        uint256 id = _petitionId(petitionSeed);
        if (id == 0) return;
        address holder = _holder(holderSeed);
        amount = bound(amount, 1, 80 * UNIT);
        VM.deal(holder, holder.balance + amount);
        VM.prank(holder);
        try petitions.lock{value: amount}(id, support, amount) {
            lockedBy[id][holder] += amount;
            outstandingLocks += amount;
        } catch {}
    }

    /// @notice A holder withdraws its lock; it must get exactly what it locked.
    function withdraw(uint256 petitionSeed, uint256 holderSeed) external {
        uint256 id = _petitionId(petitionSeed);
        if (id == 0) return;
        address holder = _holder(holderSeed);
        uint256 before = holder.balance;
        VM.prank(holder);
        try petitions.withdraw(id) {
            uint256 paid = holder.balance - before;
            if (paid != lockedBy[id][holder] || withdrawnBy[id][holder] != 0) ++wrongPayouts;
            withdrawnBy[id][holder] += paid;
            outstandingLocks -= paid;
        } catch {}
    }

    /// @notice Anyone settles a petition; a forfeited bond leaves for the reserve.
    function settle(uint256 petitionSeed) external {
        uint256 id = _petitionId(petitionSeed);
        if (id == 0) return;
        try petitions.settle(id) {
            if (petitions.petition(id).bondForfeited) bondsHeld -= petitions.petition(id).bond;
        } catch {}
    }

    /// @notice The opener (or someone else) reclaims a bond.
    function reclaimBond(uint256 petitionSeed, uint256 holderSeed) external {
        uint256 id = _petitionId(petitionSeed);
        if (id == 0) return;
        address holder = _holder(holderSeed);
        uint256 before = holder.balance;
        VM.prank(holder);
        try petitions.reclaimBond(id) {
            uint256 paid = holder.balance - before;
            if (paid != petitions.petition(id).bond || holder != petitions.petition(id).opener) ++wrongPayouts;
            bondsHeld -= paid;
        } catch {}
    }

    /// @notice Governance changes the window, threshold or bond of new petitions.
    function govern(uint256 window, uint256 threshold, uint256 bond) external {
        try petitions.setWindow(bound(window, 1 days, 3 days)) {} catch {}
        try petitions.setThreshold(bound(threshold, 2 * UNIT, 200 * UNIT)) {} catch {}
        try petitions.setBond(bound(bond, 0, 2 * UNIT)) {} catch {}
    }

    /// @notice Subjects leave (or come back): settlement then lapses.
    function toggleSubjects(bool valid) external {
        governor.setSubjectsValid(valid);
    }

    /// @notice Time passes (up to two days).
    function warp(uint256 seconds_) external {
        VM.warp(block.timestamp + bound(seconds_, 1, 2 days));
    }

    /// @notice The selectors the invariant runner calls.
    function actions() external pure returns (bytes4[] memory selectors) {
        selectors = new bytes4[](9);
        selectors[0] = this.open.selector;
        selectors[1] = this.lock.selector;
        selectors[2] = this.withdraw.selector;
        selectors[3] = this.settle.selector;
        selectors[4] = this.reclaimBond.selector;
        selectors[5] = this.govern.selector;
        selectors[6] = this.toggleSubjects.selector;
        selectors[7] = this.warp.selector;
        selectors[8] = this.lock.selector;
    }

    /// @notice The holder for a seed.
    function holderOf(uint256 seed) external pure returns (address) {
        return _holder(seed);
    }

    // ---------------------------------------------------------------- internals

    function _holder(uint256 seed) private pure returns (address) {
        return address(uint160(0xC0FFEE00 + (seed % HOLDERS)));
    }

    function _petitionId(uint256 seed) private view returns (uint256) {
        uint256 count = petitions.petitionCount();
        return count == 0 ? 0 : 1 + (seed % count);
    }
}
