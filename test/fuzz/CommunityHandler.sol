// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {CommunityPetitions} from "../../contracts/community/CommunityPetitions.sol";
import {CommunityVeto} from "../../contracts/community/CommunityVeto.sol";
import {CouncilRegistry} from "../../contracts/council/CouncilRegistry.sol";
import {StakeVault} from "../../contracts/council/StakeVault.sol";
import {ICommunityPetitions} from "../../contracts/interfaces/ICommunityPetitions.sol";
import {ICouncilRegistry} from "../../contracts/interfaces/ICouncilRegistry.sol";
import {ImprovementReserve} from "../../contracts/treasury/ImprovementReserve.sol";
import {TestBase} from "../utils/Vm.sol";
import {GovernanceSystem, IGovernorUnderTest} from "./GovernanceSystem.sol";
import {GovernorHandler} from "./GovernorHandler.sol";

/**
 * @title CommunityHandler
 * @notice Drives the community contracts inside the whole governance system, next to the council's actions of
 * {GovernorHandler}: candidates apply (and renew), holders open petitions (admission of a candidate, no confidence in
 * a member), lock for or against them, settle them (a qualified one opens its motion in the governor), withdraw their
 * locks and reclaim bonds; holders lock for or against a queued membership motion in the veto phase (opposition at
 * the threshold and above support cancels it), and withdraw after the window; the secretariat proposes switching the
 * veto phase off or on; council sessions carry the community's motions through the governor handler's vote, queue
 * and execute actions (moving time as each step needs). Every motion a petition opens, every action and every move
 * of time is reported to the governor handler so that its transition rules and ghost state cover them. Ghost state
 * here: what each holder locked and got back on each petition and each veto campaign, the bonds held and forfeited,
 * the motion each qualified petition opened, and payouts that were not exactly what was owed.
 */
contract CommunityHandler is TestBase {
    uint256 public constant HOLDERS = 5;
    uint256 public constant MAX_CANDIDATES = 3;
    address public constant SECRETARIAT = address(0x5EC);

    GovernorHandler public immutable council;
    IGovernorUnderTest public immutable governor;
    CouncilRegistry public immutable registry;
    StakeVault public immutable vault;
    CommunityPetitions public immutable petitions;
    CommunityVeto public immutable veto;
    ImprovementReserve public immutable reserve;

    mapping(uint256 petitionId => mapping(address holder => uint256)) public petitionLockedBy;
    mapping(uint256 petitionId => mapping(address holder => uint256)) public petitionWithdrawnBy;
    mapping(uint256 proposalId => mapping(address holder => uint256)) public vetoLockedBy;
    mapping(uint256 proposalId => mapping(address holder => uint256)) public vetoWithdrawnBy;
    /// @notice Σ locked − Σ withdrawn on petitions.
    uint256 public outstandingPetitionLocks;
    /// @notice Σ locked − Σ withdrawn on veto campaigns.
    uint256 public outstandingVetoLocks;
    /// @notice Bonds posted and neither forfeited nor reclaimed.
    uint256 public bondsHeld;
    /// @notice Bonds forfeited to the reserve.
    uint256 public bondsForfeited;
    /// @notice Withdrawals or reclaims that paid anything but exactly what was owed, or to the wrong account.
    uint256 public wrongPayouts;
    /// @notice Motions opened by settling a petition.
    uint256 public motionsOpened;
    /// @notice The petition that opened a motion (0 for a motion no petition opened).
    mapping(uint256 proposalId => uint256 petitionId) public petitionOfMotion;
    /// @notice Motions the veto canceled.
    uint256 public vetoes;
    /// @notice Motions proposed to switch the veto phase.
    uint256 public phaseMotions;

    uint256[] private _candidates;
    /// @dev Motions the community opened or proposed (petitions' motions, phase motions), which councilSession drives.
    uint256[] private _driven;
    uint256 private _nonce;

    constructor(GovernorHandler council_, GovernanceSystem.Community memory c) {
        council = council_;
        governor = council_.governor();
        registry = council_.registry();
        vault = council_.vault();
        petitions = c.petitions;
        veto = c.veto;
        reserve = c.reserve;
    }

    // ---------------------------------------------------------------- candidates

    /// @notice A new candidate applies (voter accepted, one stake unit bonded), up to three; after that a candidate
    /// whose application lapsed renews it, and one short of the stake unit tops up.
    function applyCandidate(uint256 seed) external {
        if (_candidates.length < MAX_CANDIDATES) {
            uint256 n = _candidates.length;
            address admin = address(uint160(0xCA000 + n));
            address voter = address(uint160(0xCB000 + n));
            VM.prank(admin);
            uint256 id = registry.applyForMembership("Candidate", "ipfs://candidate", voter, new address[](0));
            VM.prank(voter);
            registry.acceptVoter(id);
            _candidates.push(id);
            _bondUnit(id, admin);
        } else {
            uint256 index = seed % _candidates.length;
            uint256 id = _candidates[index];
            address admin = address(uint160(0xCA000 + index));
            (, , ICouncilRegistry.MemberStatus status) = registry.memberAccounts(id);
            if (status == ICouncilRegistry.MemberStatus.Candidate) {
                VM.prank(admin);
                try registry.renewApplication(id) {} catch {}
                _bondUnit(id, admin);
            }
        }
        council.communityStep(GovernorHandler.Action.Stake, 0, false);
    }

    // ---------------------------------------------------------------- petitions

    /// @notice A holder opens a petition, posting the bond: no confidence in a member (1 to 6) or the admission of a
    /// candidate.
    function openPetition(uint256 holderSeed, bool noConfidence, uint256 subjectSeed) external {
        uint256 subject;
        if (noConfidence) {
            subject = bound(subjectSeed, 1, council.MEMBERS());
        } else {
            if (_candidates.length == 0) return;
            subject = _candidates[subjectSeed % _candidates.length];
        }
        address holder = _holder(holderSeed);
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
        council.communityStep(GovernorHandler.Action.Stake, 0, false);
    }

    /// @notice A holder locks 10 to 80 ether for or against a petition (against a 30-ether threshold), preferring
    /// one whose window is open.
    function lockPetition(uint256 petitionSeed, uint256 holderSeed, bool support, uint256 amount) external {
        uint256 id = _petitionWhere(petitionSeed, true);
        if (id == 0) return;
        address holder = _holder(holderSeed);
        amount = (1 + (amount % 8)) * 10 ether;
        VM.deal(holder, holder.balance + amount);
        VM.prank(holder);
        try petitions.lock{value: amount}(id, support, amount) {
            petitionLockedBy[id][holder] += amount;
            outstandingPetitionLocks += amount;
        } catch {}
        council.communityStep(GovernorHandler.Action.Stake, 0, false);
    }

    /// @notice Anyone settles a petition, preferring one that closed unsettled (else time moves to the chosen one's
    /// close first); a qualified one opens its motion, recorded with the council's motions.
    function settlePetition(uint256 petitionSeed) external {
        uint256 id = _petitionWhere(petitionSeed, false);
        if (id == 0) return;
        _warpTo(petitions.petition(id).closesAt);
        try petitions.settle(id) returns (ICommunityPetitions.PetitionStatus, uint256 motionId) {
            ICommunityPetitions.Petition memory p = petitions.petition(id);
            if (p.bondForfeited) {
                bondsHeld -= p.bond;
                bondsForfeited += p.bond;
            }
            if (motionId != 0) {
                ++motionsOpened;
                petitionOfMotion[motionId] = id;
                bool noConfidence = p.kind == ICommunityPetitions.PetitionKind.NoConfidence;
                bytes memory data =
                    noConfidence
                        ? abi.encodeCall(CouncilRegistry.remove, (p.subjectMemberId))
                        : abi.encodeCall(CouncilRegistry.admit, (p.subjectMemberId));
                _driven.push(motionId);
                council.recordMotion(
                    motionId,
                    address(registry),
                    data,
                    keccak256(bytes(petitions.motionDescription(id))),
                    noConfidence ? p.subjectMemberId : 0
                );
                return;
            }
        } catch {}
        council.communityStep(GovernorHandler.Action.Stake, 0, false);
    }

    /// @notice A holder withdraws its petition lock; it must get exactly what it locked, once.
    function withdrawPetition(uint256 petitionSeed, uint256 holderSeed) external {
        uint256 id = _petitionId(petitionSeed);
        if (id == 0) return;
        address holder = _holder(holderSeed);
        uint256 before = holder.balance;
        VM.prank(holder);
        try petitions.withdraw(id) {
            uint256 paid = holder.balance - before;
            if (paid != petitionLockedBy[id][holder] || petitionWithdrawnBy[id][holder] != 0) ++wrongPayouts;
            petitionWithdrawnBy[id][holder] += paid;
            outstandingPetitionLocks -= paid;
        } catch {}
        council.communityStep(GovernorHandler.Action.Stake, 0, false);
    }

    /// @notice A holder (the opener, or someone else) reclaims a petition's bond.
    function reclaimBond(uint256 petitionSeed, uint256 holderSeed) external {
        uint256 id = _petitionId(petitionSeed);
        if (id == 0) return;
        address holder = _holder(holderSeed);
        uint256 before = holder.balance;
        VM.prank(holder);
        try petitions.reclaimBond(id) {
            uint256 paid = holder.balance - before;
            ICommunityPetitions.Petition memory p = petitions.petition(id);
            if (paid != p.bond || holder != p.opener) ++wrongPayouts;
            bondsHeld -= paid;
        } catch {}
        council.communityStep(GovernorHandler.Action.Stake, 0, false);
    }

    // ---------------------------------------------------------------- veto phase

    /// @notice A holder locks 10 to 60 ether against (or for) a membership motion, preferring one that is Queued
    /// (against a 30-ether threshold); a veto cancels the motion in the same call.
    function lockVeto(uint256 motionSeed, uint256 holderSeed, bool support, uint256 amount) external {
        uint256 id = _membershipMotion(motionSeed);
        if (id == 0) return;
        address holder = _holder(holderSeed);
        amount = (1 + (amount % 6)) * 10 ether;
        VM.deal(holder, holder.balance + amount);
        bytes32 descriptionHash = council.descriptionHashOf(id);
        bool vetoedBefore = veto.campaign(id).vetoed;
        VM.prank(holder);
        try veto.lock{value: amount}(id, descriptionHash, support, amount) {
            vetoLockedBy[id][holder] += amount;
            outstandingVetoLocks += amount;
        } catch {}
        bool vetoedNow = veto.campaign(id).vetoed && !vetoedBefore;
        if (vetoedNow) ++vetoes;
        council.communityStep(
            vetoedNow ? GovernorHandler.Action.Cancel : GovernorHandler.Action.Stake,
            vetoedNow ? id : 0,
            vetoedNow
        );
    }

    /// @notice A holder withdraws its veto lock after the window; it must get exactly what it locked, once.
    function withdrawVeto(uint256 motionSeed, uint256 holderSeed) external {
        uint256[] memory ids = council.membershipIds();
        if (ids.length == 0) return;
        uint256 id = ids[motionSeed % ids.length];
        address holder = _holder(holderSeed);
        uint256 before = holder.balance;
        VM.prank(holder);
        try veto.withdraw(id) {
            uint256 paid = holder.balance - before;
            if (paid != vetoLockedBy[id][holder] || vetoWithdrawnBy[id][holder] != 0) ++wrongPayouts;
            vetoWithdrawnBy[id][holder] += paid;
            outstandingVetoLocks -= paid;
        } catch {}
        council.communityStep(GovernorHandler.Action.Stake, 0, false);
    }

    /// @notice The secretariat proposes switching the veto phase on or off: a Constitutional motion, recorded with
    /// the council's motions (the council's vote, queue and execute actions carry it).
    function proposeVetoPhase(bool on) external {
        bytes memory data = abi.encodeCall(CommunityVeto.setPhase, (on));
        address[] memory targets = new address[](1);
        targets[0] = address(veto);
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = data;
        string memory description = string.concat("veto phase ", Strings.toString(++_nonce));
        VM.prank(SECRETARIAT);
        try governor.propose(targets, new uint256[](1), calldatas, description) returns (uint256 id) {
            ++phaseMotions;
            _driven.push(id);
            council.recordMotion(id, address(veto), data, keccak256(bytes(description)), 0);
        } catch {
            council.communityStep(GovernorHandler.Action.Stake, 0, false);
        }
    }

    // ---------------------------------------------------------------- the council on community motions

    /// @notice A council session on a motion the community opened (a petition's motion or a phase motion), through
    /// the governor handler's own actions, with time moving as far as each step needs (reported as the passage of
    /// time): once voting opens every member votes (For, or Against when `support % 3 == 0`), the vote closes, anyone
    /// queues it; it stops at Queued, so that the veto window is open for holders. On a Queued motion an odd
    /// `support` waits for the ETA and executes it, an even one lets time pass no further (execution refused before
    /// the ETA).
    function councilSession(uint256 seed, uint8 support) external {
        if (_driven.length == 0) return;
        uint256 id = _driven[seed % _driven.length];
        uint256[] memory ids = council.proposalIds();
        uint256 index = 0;
        while (ids[index] != id) ++index;
        IGovernor.ProposalState current = governor.state(id);
        if (current == IGovernor.ProposalState.Queued) {
            if (support % 2 == 1) _warpTo(governor.proposalEta(id));
            council.execute(index);
            return;
        }
        if (current == IGovernor.ProposalState.Pending) {
            _warpTo(governor.proposalSnapshot(id) + 1);
            current = governor.state(id);
        }
        if (current == IGovernor.ProposalState.Active) {
            council.voteAll(index, support % 3 == 0 ? 0 : 1);
            _warpTo(governor.proposalDeadline(id) + 1);
            current = governor.state(id);
        }
        if (current == IGovernor.ProposalState.Succeeded) council.queue(index);
    }

    // ---------------------------------------------------------------- views

    /// @notice The selectors the invariant runner calls. The steps of a petition's and a veto's path (lock,
    /// settle, council sessions) appear more than once, so that random sequences of 25 calls reach motions opened
    /// by petitions, their votes and vetoes, not only petitions that never close or settle.
    function actions() external pure returns (bytes4[] memory selectors) {
        selectors = new bytes4[](24);
        selectors[0] = this.applyCandidate.selector;
        selectors[1] = this.withdrawPetition.selector;
        selectors[2] = this.reclaimBond.selector;
        selectors[3] = this.withdrawVeto.selector;
        selectors[4] = this.proposeVetoPhase.selector;
        for (uint256 i = 0; i < 3; ++i) {
            selectors[5 + i] = this.openPetition.selector;
            selectors[8 + i] = this.settlePetition.selector;
        }
        for (uint256 i = 0; i < 4; ++i) {
            selectors[11 + i] = this.lockPetition.selector;
            selectors[15 + i] = this.councilSession.selector;
            selectors[19 + i] = this.lockVeto.selector;
        }
        selectors[23] = this.withdrawPetition.selector;
    }

    /// @notice The holder for a seed.
    function holderOf(uint256 seed) external pure returns (address) {
        return _holder(seed);
    }

    /// @notice The candidates that applied.
    function candidates() external view returns (uint256[] memory) {
        return _candidates;
    }

    // ---------------------------------------------------------------- internals

    /// @dev Tops the candidate's stake up to the current stake unit.
    function _bondUnit(uint256 id, address admin) private {
        uint256 unit = vault.stakeUnit();
        uint256 staked = vault.stakeOf(id);
        if (staked >= unit) return;
        uint256 amount = unit - staked;
        VM.deal(admin, amount);
        VM.prank(admin);
        try vault.stake{value: amount}(amount) {} catch {}
    }

    /// @dev Moves time forward to `timestamp` (never back) and reports it to the governor handler.
    function _warpTo(uint256 timestamp) private {
        if (timestamp <= block.timestamp) return;
        VM.warp(timestamp);
        council.communityStep(GovernorHandler.Action.Time, 0, false);
    }

    function _holder(uint256 seed) private pure returns (address) {
        return address(uint160(0xC0FFEE00 + (seed % HOLDERS)));
    }

    /// @dev The `seed`-th petition whose window is open (`open`) or that closed unsettled (otherwise); any petition
    /// when there is none such (0 when there is no petition).
    function _petitionWhere(uint256 seed, bool open) private view returns (uint256) {
        uint256 count = petitions.petitionCount();
        uint256 matching = 0;
        for (uint256 id = 1; id <= count; ++id) {
            if (_matches(id, open)) ++matching;
        }
        if (matching == 0) return _petitionId(seed);
        uint256 pick = seed % matching;
        for (uint256 id = 1; id <= count; ++id) {
            if (!_matches(id, open)) continue;
            if (pick == 0) return id;
            --pick;
        }
        return 0;
    }

    function _matches(uint256 id, bool open) private view returns (bool) {
        ICommunityPetitions.Petition memory p = petitions.petition(id);
        if (open) return block.timestamp < p.closesAt;
        return block.timestamp >= p.closesAt && p.status == ICommunityPetitions.PetitionStatus.Open;
    }

    function _petitionId(uint256 seed) private view returns (uint256) {
        uint256 count = petitions.petitionCount();
        return count == 0 ? 0 : 1 + (seed % count);
    }

    /// @dev A membership motion: the `seed`-th Queued one when any is Queued, else any (0 when there is none).
    function _membershipMotion(uint256 seed) private view returns (uint256) {
        uint256[] memory ids = council.membershipIds();
        if (ids.length == 0) return 0;
        uint256 queued = 0;
        for (uint256 i = 0; i < ids.length; ++i) {
            if (governor.state(ids[i]) == IGovernor.ProposalState.Queued) ++queued;
        }
        if (queued == 0) return ids[seed % ids.length];
        uint256 pick = seed % queued;
        for (uint256 i = 0; i < ids.length; ++i) {
            if (governor.state(ids[i]) != IGovernor.ProposalState.Queued) continue;
            if (pick == 0) return ids[i];
            --pick;
        }
        return 0;
    }
}
