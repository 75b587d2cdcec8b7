// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {CouncilRegistry} from "../../contracts/council/CouncilRegistry.sol";
import {StakeVault} from "../../contracts/council/StakeVault.sol";
import {ICouncilRegistry} from "../../contracts/interfaces/ICouncilRegistry.sol";
import {IStakeVault} from "../../contracts/interfaces/IStakeVault.sol";
import {TestBase} from "../utils/Vm.sol";
import {VoteGhost} from "./VoteGhost.sol";

/**
 * @title CouncilHandler
 * @notice Drives random sequences of the registry's and the vault's real entry points for the invariant tests.
 * It is the registry's deployer and the owner of both contracts (the timelock's stand-in), and it keeps the
 * ghost state the invariants need: every voter account ever used and every timestamp at which anything changed.
 */
contract CouncilHandler is TestBase, VoteGhost {
    uint256 public constant UNIT = 100 ether;
    uint256 public constant MIN_MEMBERS = 3;
    uint256 public constant MAX_MEMBERS = 8;

    CouncilRegistry public immutable registry;
    StakeVault public immutable vault;

    address[] private _voters;
    uint256 private _accountNonce;
    uint256 public calls;
    /// @notice How many times each action changed state (to prove the runs reach every path).
    mapping(bytes4 selector => uint256) public succeeded;

    constructor() {
        ICouncilRegistry.InitialMember[] memory init = new ICouncilRegistry.InitialMember[](4);
        for (uint256 i = 0; i < init.length; ++i) {
            address voter = _freshAccount();
            init[i] = ICouncilRegistry.InitialMember({
                name: "Initial member",
                metadataURI: "ipfs://member",
                admin: _freshAccount(),
                voter: voter,
                nodes: new address[](0)
            });
            _voters.push(voter);
        }
        registry = new CouncilRegistry(address(this), MIN_MEMBERS, MAX_MEMBERS, 14 days, init);
        vault = new StakeVault(registry, IERC20(address(0)), UNIT, 1 days, 2 days, address(this));
        registry.bindStakeVault(address(vault));
    }

    // ---------------------------------------------------------------- actions

    /// @notice Anyone stakes for a candidate or active member.
    function stake(uint256 memberSeed, uint256 amount) external {
        uint256 id = _pickMember(memberSeed);
        (, , ICouncilRegistry.MemberStatus status) = registry.memberAccounts(id);
        if (status != ICouncilRegistry.MemberStatus.Active && status != ICouncilRegistry.MemberStatus.Candidate) return;
        amount = bound(amount, 1, 4 * UNIT);
        address payer = address(uint160(0xBEEF0000 + (amount % 7)));
        VM.deal(payer, amount);
        VM.prank(payer);
        vault.stakeFor{value: amount}(id, amount);
        _touch();
    }

    /// @notice The admin starts unbonding part of the stake.
    function requestUnstake(uint256 memberSeed, uint256 amount) external {
        uint256 id = _pickMember(memberSeed);
        uint256 staked = vault.stakeOf(id);
        if (staked == 0) return;
        amount = bound(amount, 1, staked);
        (address admin, , ) = registry.memberAccounts(id);
        VM.prank(admin);
        vault.requestUnstake(id, amount);
        _touch();
    }

    /// @notice The admin waits for an unbonding request to unlock, if need be, and withdraws it.
    function withdraw(uint256 memberSeed, uint256 requestSeed) external {
        uint256 id = _pickMember(memberSeed);
        uint256 count = vault.unbondingRequestCount(id);
        if (count == 0) return;
        uint256 requestId = bound(requestSeed, 0, count - 1);
        IStakeVault.UnbondingRequest memory r = vault.unbondingRequest(id, requestId);
        if (r.settled || block.timestamp >= r.expiresAt) return;
        if (block.timestamp < r.unlocksAt) VM.warp(bound(requestSeed, r.unlocksAt, r.expiresAt - 1));
        (address admin, , ) = registry.memberAccounts(id);
        VM.prank(admin);
        vault.withdraw(id, requestId, admin);
        _touch();
    }

    /// @notice The admin puts a pending or expired request back into stake.
    function restake(uint256 memberSeed, uint256 requestSeed) external {
        uint256 id = _pickMember(memberSeed);
        uint256 count = vault.unbondingRequestCount(id);
        if (count == 0) return;
        uint256 requestId = bound(requestSeed, 0, count - 1);
        if (vault.unbondingRequest(id, requestId).settled) return;
        (address admin, , ) = registry.memberAccounts(id);
        VM.prank(admin);
        vault.restake(id, requestId);
        _touch();
    }

    /// @notice Time passes (up to four days, so unbonding requests unlock and expire).
    function warp(uint256 secondsSeed) external {
        VM.warp(block.timestamp + bound(secondsSeed, 1, 4 days));
        ++calls;
    }

    /// @notice The admin rotates the member's voter to a brand-new account (two-step).
    function rotateVoter(uint256 memberSeed) external {
        uint256 id = _pickMember(memberSeed);
        (address admin, , ICouncilRegistry.MemberStatus status) = registry.memberAccounts(id);
        if (status != ICouncilRegistry.MemberStatus.Active && status != ICouncilRegistry.MemberStatus.Candidate) return;
        address newVoter = _freshAccount();
        VM.prank(admin);
        registry.proposeVoter(id, newVoter);
        VM.prank(newVoter);
        registry.acceptVoter(id);
        _voters.push(newVoter);
        _touch();
    }

    /// @notice A candidate applies, bonds stake, and governance admits it when there is room.
    function applyAndAdmit(uint256 stakeSeed, bool admitNow) external {
        address admin = _freshAccount();
        address voter = _freshAccount();
        VM.prank(admin);
        uint256 id = registry.applyForMembership("Candidate", "ipfs://candidate", voter, new address[](0));
        VM.prank(voter);
        registry.acceptVoter(id);
        _voters.push(voter);
        uint256 amount = bound(stakeSeed, 1, 4 * UNIT);
        VM.deal(admin, amount);
        VM.prank(admin);
        vault.stake{value: amount}(amount);
        bool bonded = vault.stakeOf(id) >= vault.stakeUnit();
        if (admitNow && bonded && registry.activeMemberCount() < registry.maxMembers()) registry.admit(id);
        _touch();
    }

    /// @notice Governance admits a waiting candidate.
    function admit(uint256 memberSeed) external {
        uint256 id = _pickMember(memberSeed);
        (, , ICouncilRegistry.MemberStatus status) = registry.memberAccounts(id);
        if (status != ICouncilRegistry.MemberStatus.Candidate) return;
        if (registry.activeMemberCount() >= registry.maxMembers()) return;
        if (vault.stakeOf(id) < vault.stakeUnit()) return;
        registry.admit(id);
        _touch();
    }

    /// @notice Governance removes an active member, when the council stays at or above its minimum.
    function remove(uint256 memberSeed) external {
        uint256 id = _pickMember(memberSeed);
        if (!registry.isActive(id) || registry.activeMemberCount() <= registry.minMembers()) return;
        registry.remove(id);
        _touch();
    }

    /// @notice The admin resigns (or withdraws an application).
    function resign(uint256 memberSeed) external {
        uint256 id = _pickMember(memberSeed);
        (address admin, , ICouncilRegistry.MemberStatus status) = registry.memberAccounts(id);
        if (status == ICouncilRegistry.MemberStatus.Active) {
            if (registry.activeMemberCount() <= registry.minMembers()) return;
        } else if (status != ICouncilRegistry.MemberStatus.Candidate) {
            return;
        }
        VM.prank(admin);
        registry.resign(id);
        _touch();
    }

    /// @notice Governance changes the stake unit (recomputing every member's votes).
    function setStakeUnit(uint256 unitSeed) external {
        vault.setStakeUnit(bound(unitSeed, UNIT / 2, 2 * UNIT));
        _touch();
    }

    /// @notice Governance moves the council size bounds within what the current size allows.
    function setCouncilSizeBounds(uint256 minSeed, uint256 maxSeed) external {
        uint256 active = registry.activeMemberCount();
        uint256 min = bound(minSeed, 1, active);
        uint256 max = bound(maxSeed, active, active + 4);
        registry.setCouncilSizeBounds(min, max);
        _touch();
    }

    // ---------------------------------------------------------------- ghost state for the invariants

    /// @notice Every voter account that ever held or could hold votes.
    function voters() external view returns (address[] memory) {
        return _voters;
    }

    /// @notice The selectors the invariant runner may call.
    function actions() external pure returns (bytes4[] memory selectors) {
        selectors = new bytes4[](12);
        selectors[0] = this.stake.selector;
        selectors[1] = this.requestUnstake.selector;
        selectors[2] = this.withdraw.selector;
        selectors[3] = this.restake.selector;
        selectors[4] = this.warp.selector;
        selectors[5] = this.rotateVoter.selector;
        selectors[6] = this.applyAndAdmit.selector;
        selectors[7] = this.admit.selector;
        selectors[8] = this.remove.selector;
        selectors[9] = this.resign.selector;
        selectors[10] = this.setStakeUnit.selector;
        selectors[11] = this.setCouncilSizeBounds.selector;
    }

    // ---------------------------------------------------------------- internals

    function _pickMember(uint256 seed) private view returns (uint256) {
        return bound(seed, 1, registry.memberCount());
    }

    function _freshAccount() private returns (address account) {
        account = address(uint160(0xC0DE0000 + ++_accountNonce));
    }

    function _touch() private {
        ++calls;
        ++succeeded[msg.sig];
        _recordVotes(registry, vault);
    }
}
