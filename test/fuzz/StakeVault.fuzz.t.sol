// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {CouncilRegistry} from "../../contracts/council/CouncilRegistry.sol";
import {StakeVault} from "../../contracts/council/StakeVault.sol";
import {ICouncilRegistry} from "../../contracts/interfaces/ICouncilRegistry.sol";
import {IStakeVault} from "../../contracts/interfaces/IStakeVault.sol";
import {TestBase} from "../utils/Vm.sol";

/**
 * @title StakeVaultFuzzTest
 * @notice Property tests of the voting-power rule, flash stake, unbonding and voter rotation with random inputs.
 */
contract StakeVaultFuzzTest is TestBase {
    uint256 internal constant UNIT = 5_000_000 ether;
    uint256 internal constant MEMBERS = 12;

    CouncilRegistry internal registry;
    StakeVault internal vault;
    address[] internal admins;
    address[] internal voters;

    function setUp() public {
        VM.warp(1_700_000_000);
        ICouncilRegistry.InitialMember[] memory init = new ICouncilRegistry.InitialMember[](MEMBERS);
        for (uint256 i = 0; i < MEMBERS; ++i) {
            admins.push(address(uint160(0xA000 + i)));
            voters.push(address(uint160(0xB000 + i)));
            init[i] = ICouncilRegistry.InitialMember({
                name: "Member",
                metadataURI: "ipfs://member",
                admin: admins[i],
                voter: voters[i],
                nodes: new address[](0)
            });
        }
        registry = new CouncilRegistry(address(this), 1, 255, 14 days, init);
        vault = new StakeVault(registry, IERC20(address(0)), UNIT, 7 days, 7 days, address(this));
        registry.bindStakeVault(address(vault));
    }

    function _stake(uint256 memberIndex, uint256 amount) internal {
        VM.deal(admins[memberIndex], amount);
        VM.prank(admins[memberIndex]);
        vault.stake{value: amount}(amount);
    }

    /// Random stakes for a random number of members: every member's votes follow the capped formula, the totals
    /// add up, and no member exceeds half of all votes while two or more are eligible.
    function testFuzz_votesFollowTheCappedFormula(uint256 seed, uint8 stakers) public {
        uint256 n = bound(stakers, 1, MEMBERS);
        uint256[] memory stakes = new uint256[](MEMBERS);
        uint256 eligible;
        for (uint256 i = 0; i < n; ++i) {
            stakes[i] = bound(uint256(keccak256(abi.encode(seed, i))), 1 ether, 20 * UNIT);
            _stake(i, stakes[i]);
            if (stakes[i] >= UNIT) ++eligible;
        }
        uint256 cap = eligible > 2 ? eligible - 1 : 1;
        uint256 total;
        for (uint256 i = 0; i < MEMBERS; ++i) {
            uint256 units = stakes[i] / UNIT;
            uint256 expected = units == 0 ? 0 : (units < cap ? units : cap);
            assertEq(vault.getVotes(voters[i]), expected, "votes");
            assertEq(vault.memberVotes(i + 1), expected, "member votes");
            total += expected;
        }
        assertEq(vault.totalVotes(), total, "total votes");
        assertEq(vault.eligibleCount(), eligible, "eligible count");
        if (eligible >= 2) {
            for (uint256 i = 0; i < MEMBERS; ++i) assertLe(2 * vault.getVotes(voters[i]), total, "share");
        }
    }

    /// Stake bought in the current block gives no power at any earlier timepoint, and the current timepoint
    /// cannot be looked up (ERC-5805).
    function testFuzz_flashStakeGivesNoEarlierPower(uint256 baseline, uint256 flash, uint256 gap) public {
        baseline = bound(baseline, UNIT, 3 * UNIT);
        flash = bound(flash, 1, 50 * UNIT);
        gap = bound(gap, 1, 30 days);
        _stake(0, baseline);
        _stake(1, UNIT);
        _stake(2, UNIT);
        uint256 stakedAt = block.timestamp;
        VM.warp(block.timestamp + gap);
        uint256 votesBefore = vault.getVotes(voters[0]);
        uint256 totalBefore = vault.totalVotes();

        _stake(0, flash);
        VM.prank(admins[0]);
        vault.requestUnstake(1, flash);

        uint256 nowTs = block.timestamp;
        assertEq(vault.getPastVotes(voters[0], nowTs - 1), votesBefore, "power one second before");
        assertEq(vault.getPastVotes(voters[0], stakedAt), votesBefore, "power at the earlier stake");
        assertEq(vault.getPastTotalSupply(nowTs - 1), totalBefore, "total one second before");
        VM.expectRevert(abi.encodeWithSelector(Votes.ERC5805FutureLookup.selector, nowTs, uint48(nowTs)));
        vault.getPastVotes(voters[0], nowTs);
    }

    /// Unbonding drops power at once; the coin leaves only inside [unlocksAt, expiresAt); an expired request
    /// goes back into stake.
    function testFuzz_unbondingWindow(uint256 amount, uint256 wait) public {
        _stake(0, 3 * UNIT);
        _stake(1, 3 * UNIT);
        _stake(2, 3 * UNIT);
        amount = bound(amount, 1, 3 * UNIT);
        wait = bound(wait, 0, 20 days);
        VM.prank(admins[0]);
        uint256 requestId = vault.requestUnstake(1, amount);
        uint256 expectedVotes = (3 * UNIT - amount) / UNIT;
        if (expectedVotes > 2) expectedVotes = 2;
        assertEq(vault.getVotes(voters[0]), expectedVotes, "power drops at once");

        VM.warp(block.timestamp + wait);
        IStakeVault.UnbondingRequest memory r = vault.unbondingRequest(1, requestId);
        VM.prank(admins[0]);
        if (block.timestamp < r.unlocksAt) {
            VM.expectRevert(
                abi.encodeWithSelector(IStakeVault.StakeVaultRequestLocked.selector, 1, requestId, r.unlocksAt)
            );
            vault.withdraw(1, requestId, admins[0]);
        } else if (block.timestamp >= r.expiresAt) {
            VM.expectRevert(
                abi.encodeWithSelector(IStakeVault.StakeVaultRequestExpired.selector, 1, requestId, r.expiresAt)
            );
            vault.withdraw(1, requestId, admins[0]);
            VM.prank(admins[0]);
            vault.restake(1, requestId);
            assertEq(vault.stakeOf(1), 3 * UNIT, "restaked");
        } else {
            uint256 before = admins[0].balance;
            vault.withdraw(1, requestId, admins[0]);
            assertEq(admins[0].balance - before, amount, "paid");
        }
        assertEq(address(vault).balance, vault.totalStaked() + vault.totalPending(), "balance");
    }

    /// Rotating the voter moves current power but never changes any past timepoint: the new account has nothing
    /// at earlier snapshots, the old one keeps its history, so no snapshot counts the member twice.
    function testFuzz_voterRotationNeverDoublesPastVotes(uint256 stakeUnits, uint256 gap) public {
        stakeUnits = bound(stakeUnits, 1, 10);
        gap = bound(gap, 1, 30 days);
        for (uint256 i = 0; i < 4; ++i) _stake(i, stakeUnits * UNIT);
        uint256 snapshot = block.timestamp;
        VM.warp(block.timestamp + gap);

        address newVoter = address(0xD00D);
        VM.prank(admins[0]);
        registry.proposeVoter(1, newVoter);
        VM.prank(newVoter);
        registry.acceptVoter(1);
        VM.warp(block.timestamp + 1);

        uint256 expected = stakeUnits < 3 ? stakeUnits : 3;
        assertEq(vault.getPastVotes(voters[0], snapshot), expected, "old voter keeps history");
        assertEq(vault.getPastVotes(newVoter, snapshot), 0, "new voter has no past power");
        assertEq(vault.getVotes(newVoter), expected, "new voter holds power now");
        assertEq(vault.getVotes(voters[0]), 0, "old voter holds nothing now");
        assertEq(vault.getPastMemberVotes(1, snapshot), expected, "member history");
    }
}
