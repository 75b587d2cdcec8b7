// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {GovernedOwnable} from "../access/GovernedOwnable.sol";
import {CommunityLocks} from "./CommunityLocks.sol";
import {CouncilRegistry} from "../council/CouncilRegistry.sol";
import {GovernorMembershipMotions} from "../governance/extensions/GovernorMembershipMotions.sol";
import {ICommunityPetitions} from "../interfaces/ICommunityPetitions.sol";
import {ICouncilRegistry} from "../interfaces/ICouncilRegistry.sol";

/**
 * @title CommunityPetitions
 * @notice KGP-7 on chain. Anyone opens a petition to admit an open applicant or to move no confidence in a member;
 * during its window (14 days by default) holders back or oppose it by locking the council's stake asset (the native
 * coin, or the vault's ERC-20). At the close it qualifies when support reaches the threshold (5,000,000 coins by
 * default) and exceeds opposition; anyone may then settle it, which opens the council's Admission or No-confidence
 * motion with this contract as sponsor. The council votes on it under the usual rules.
 * @dev Flash-loan proof: locked coin stays here until the close, so a lock and its withdrawal can never share a
 * transaction, and the tally is read only at the close. An account locks on one side of a petition only (it may top
 * up that side). After the close every locker withdraws exactly what it locked, whatever the result, settled or not.
 * One petition per subject and kind while its window is open. Anti-spam: the opener posts a bond (10,000 coins by
 * default) that comes back after settlement, unless support stayed below 1 % of the threshold: then it is forfeited
 * to the Improvement Reserve. Window, threshold and bond are frozen into each petition when it opens; only the owner
 * (the council's timelock; the setters are unclassified, so Constitutional) changes them. No function loops.
 */
contract CommunityPetitions is ICommunityPetitions, GovernedOwnable, CommunityLocks {
    /// @notice Shortest petition window, in seconds.
    uint256 public constant MIN_WINDOW = 1 days;
    /// @notice Longest petition window, in seconds.
    uint256 public constant MAX_WINDOW = 60 days;
    /// @notice Support below threshold / TINY_SUPPORT_DIVISOR (1 %) forfeits the opener's bond.
    uint256 public constant TINY_SUPPORT_DIVISOR = 100;
    /// @notice Longest description, in bytes (it becomes the motion's description).
    uint256 public constant MAX_DESCRIPTION_LENGTH = 1024;
    /// @notice An admission petition closes at least this long before its application's sponsorship window, so that
    /// it can be settled (and its motion opened) while the application is open, in seconds.
    uint256 public constant SETTLEMENT_TIME = 1 days;

    ICouncilRegistry private immutable _REGISTRY;
    address private immutable _RESERVE;

    uint256 private _window;
    uint256 private _threshold;
    uint256 private _bond;
    uint256 private _petitionCount;
    mapping(uint256 petitionId => Petition) private _petitions;
    mapping(uint256 petitionId => string) private _descriptions;
    mapping(PetitionKind kind => mapping(uint256 subjectMemberId => uint256 petitionId)) private _latest;

    /**
     * @notice Deploys the petitions contract.
     * @param initialOwner The council's timelock.
     * @param governor_ The council's governor (it must accept this contract as sponsor: the policy's community).
     * @param reserve_ The Improvement Reserve, which receives forfeited bonds.
     * @param window_ Petition window, in seconds (1 to 60 days).
     * @param threshold_ Support a petition needs, in the asset's smallest unit (> 0).
     * @param bond_ Opening bond, in the asset's smallest unit (below the threshold; 0 for none).
     */
    constructor(
        address initialOwner,
        GovernorMembershipMotions governor_,
        address reserve_,
        uint256 window_,
        uint256 threshold_,
        uint256 bond_
    ) GovernedOwnable(initialOwner) CommunityLocks(governor_) {
        if (reserve_.code.length == 0) revert CommunityPetitionsNotAContract(reserve_);
        _REGISTRY = governor_.councilRegistry();
        _RESERVE = reserve_;
        _setWindow(window_);
        _setThreshold(threshold_);
        _setBond(bond_);
    }

    // ---------------------------------------------------------------- petitions

    /**
     * @notice Open a petition to admit an open applicant. Post the bond: as `msg.value` in native mode, or approve
     * this contract for it in ERC-20 mode.
     * @dev KGP-7: the community's endorsement comes within the application's sponsorship window. The petition closes
     * after the petition window or {SETTLEMENT_TIME} before the application's sponsorship window closes, whichever
     * comes first; a candidate whose application is about to lapse renews it first (registry `renewApplication`).
     * @param candidateId The candidate; its application must be open (registry `isApplicationOpen`).
     * @param description The description of the Admission motion it will open (1 to 1,024 bytes).
     * @return petitionId The petition.
     */
    function openAdmission(
        uint256 candidateId,
        string calldata description
    ) external payable nonReentrant returns (uint256 petitionId) {
        if (!_REGISTRY.isApplicationOpen(candidateId)) {
            revert CommunityPetitionsInvalidSubject(PetitionKind.Admission, candidateId);
        }
        (uint256 appliedAt, , ) = _REGISTRY.memberTimestamps(candidateId);
        // The sponsorship window is at least 1 day (the registry's bound), so this cannot underflow.
        uint256 latestClose = appliedAt + CouncilRegistry(address(_REGISTRY)).sponsorshipWindow() - SETTLEMENT_TIME;
        if (latestClose <= block.timestamp) revert CommunityPetitionsApplicationClosing(candidateId, latestClose);
        return _open(PetitionKind.Admission, candidateId, description, latestClose);
    }

    /**
     * @notice Open a petition to move no confidence in a member. Post the bond as for {openAdmission}.
     * @param memberId The member; it must be active.
     * @param description The description of the No-confidence motion it will open (1 to 1,024 bytes).
     * @return petitionId The petition.
     */
    function openNoConfidence(
        uint256 memberId,
        string calldata description
    ) external payable nonReentrant returns (uint256 petitionId) {
        if (!_REGISTRY.isActive(memberId)) revert CommunityPetitionsInvalidSubject(PetitionKind.NoConfidence, memberId);
        return _open(PetitionKind.NoConfidence, memberId, description, type(uint256).max);
    }

    /**
     * @notice Lock coin for or against a petition while its window is open. Send it as `msg.value` in native mode,
     * or approve this contract in ERC-20 mode. It stays locked until the close.
     * @dev An account locks on one side only; further locks top up that side. In ERC-20 mode the amount received is
     * what counts.
     * @param petitionId The petition.
     * @param support True to back it, false to oppose it.
     * @param amount The amount, in the asset's smallest unit (> 0).
     */
    function lock(uint256 petitionId, bool support, uint256 amount) external payable nonReentrant {
        Petition storage p = _petition(petitionId);
        if (block.timestamp >= p.closesAt) revert CommunityPetitionsWindowClosed(petitionId, p.closesAt);
        uint256 received = _lock(petitionId, support, amount);
        uint256 newTotal = support ? (p.support += received) : (p.opposition += received);
        emit Locked(petitionId, msg.sender, support, received, newTotal);
    }

    /**
     * @notice After the close, take back exactly what you locked on a petition, whatever its result.
     * @param petitionId The petition.
     */
    function withdraw(uint256 petitionId) external nonReentrant {
        Petition storage p = _petition(petitionId);
        if (block.timestamp < p.closesAt) revert CommunityPetitionsWindowOpen(petitionId, p.closesAt);
        _withdraw(petitionId);
    }

    /**
     * @notice After the close, settle a petition: anyone may call it, once. A qualified petition opens its motion in
     * the governor with this contract as sponsor; one that did not qualify is Failed, and forfeits the opener's bond
     * to the Improvement Reserve when support stayed below 1 % of the threshold.
     * @dev Qualified when support >= threshold and support > opposition. If its subject is no longer an open
     * applicant (Admission) or active member (No-confidence), it is Lapsed and opens nothing. Any other refusal by
     * the governor (for example a motion already live on the subject, or the council at its minimum size) reverts
     * with the governor's error, and settlement can be retried; withdrawals never wait for it.
     * @param petitionId The petition.
     * @return status Qualified, Failed or Lapsed.
     * @return motionId The motion opened (0 unless Qualified).
     */
    function settle(uint256 petitionId) external nonReentrant returns (PetitionStatus status, uint256 motionId) {
        Petition storage p = _petition(petitionId);
        if (block.timestamp < p.closesAt) revert CommunityPetitionsWindowOpen(petitionId, p.closesAt);
        if (p.status != PetitionStatus.Open) revert CommunityPetitionsAlreadySettled(petitionId, p.status);
        bool tiny = false;
        if (p.support < p.threshold || p.support <= p.opposition) {
            status = PetitionStatus.Failed;
            tiny = p.support < p.threshold / TINY_SUPPORT_DIVISOR && p.bond != 0;
        } else if (!_subjectStillValid(p.kind, p.subjectMemberId)) {
            status = PetitionStatus.Lapsed;
        } else {
            status = PetitionStatus.Qualified;
        }
        p.status = status;
        if (tiny) p.bondForfeited = true;
        if (status == PetitionStatus.Qualified) {
            string memory description = _motionDescription(petitionId);
            motionId =
                p.kind == PetitionKind.Admission
                    ? _governor().proposeAdmission(p.subjectMemberId, description)
                    : _governor().proposeNoConfidence(p.subjectMemberId, description);
            p.motionId = motionId;
        }
        emit PetitionSettled(petitionId, status, p.support, p.opposition, motionId);
        if (tiny) {
            emit BondReleased(petitionId, _RESERVE, p.bond, true);
            _send(_RESERVE, p.bond);
        }
    }

    /**
     * @notice The opener takes its bond back once the petition is settled, unless it was forfeited.
     * @param petitionId The petition.
     */
    function reclaimBond(uint256 petitionId) external nonReentrant {
        Petition storage p = _petition(petitionId);
        if (
            msg.sender != p.opener ||
            p.status == PetitionStatus.Open ||
            p.bond == 0 ||
            p.bondForfeited ||
            p.bondReclaimed
        ) revert CommunityPetitionsBondUnavailable(petitionId, msg.sender);
        p.bondReclaimed = true;
        emit BondReleased(petitionId, msg.sender, p.bond, false);
        _send(msg.sender, p.bond);
    }

    // ---------------------------------------------------------------- governance

    /**
     * @notice Set the window of new petitions. Governance only (a Constitutional motion).
     * @param window_ Seconds, 1 to 60 days.
     */
    function setWindow(uint256 window_) external onlyOwner {
        _setWindow(window_);
    }

    /**
     * @notice Set the support threshold of new petitions. Governance only (a Constitutional motion).
     * @param threshold_ In the asset's smallest unit (> 0, above the bond).
     */
    function setThreshold(uint256 threshold_) external onlyOwner {
        _setThreshold(threshold_);
    }

    /**
     * @notice Set the opening bond of new petitions. Governance only (a Constitutional motion).
     * @param bond_ In the asset's smallest unit (below the threshold; 0 for none).
     */
    function setBond(uint256 bond_) external onlyOwner {
        _setBond(bond_);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc ICommunityPetitions
    function petition(uint256 petitionId) external view returns (Petition memory) {
        return _petition(petitionId);
    }

    /// @inheritdoc ICommunityPetitions
    function petitionCount() external view returns (uint256) {
        return _petitionCount;
    }

    /**
     * @notice The description of the motion a petition opens (its opener's text and a suffix naming the petition).
     * @param petitionId The petition.
     * @return The description.
     */
    function motionDescription(uint256 petitionId) external view returns (string memory) {
        _petition(petitionId);
        return _motionDescription(petitionId);
    }

    /**
     * @notice An account's lock on a petition.
     * @param petitionId The petition.
     * @param account The locker.
     * @return The lock (amount, side, withdrawn).
     */
    function lockOf(uint256 petitionId, address account) external view returns (Lock memory) {
        _petition(petitionId);
        return _lockOf(petitionId, account);
    }

    /**
     * @notice The latest petition of a kind on a subject (0 if none); it is live while its window is open.
     * @param kind Admission or NoConfidence.
     * @param subjectMemberId The candidate or the member.
     * @return The petition id.
     */
    function latestPetition(PetitionKind kind, uint256 subjectMemberId) external view returns (uint256) {
        return _latest[kind][subjectMemberId];
    }

    /**
     * @notice The window of new petitions, in seconds.
     * @return Seconds.
     */
    function window() external view returns (uint256) {
        return _window;
    }

    /**
     * @notice The support threshold of new petitions, in the asset's smallest unit.
     * @return The threshold.
     */
    function threshold() external view returns (uint256) {
        return _threshold;
    }

    /**
     * @notice The opening bond of new petitions, in the asset's smallest unit.
     * @return The bond.
     */
    function bond() external view returns (uint256) {
        return _bond;
    }

    /**
     * @notice The Improvement Reserve, which receives forfeited bonds.
     * @return The reserve.
     */
    function reserve() external view returns (address) {
        return _RESERVE;
    }

    // ---------------------------------------------------------------- internals

    function _open(
        PetitionKind kind,
        uint256 subject,
        string calldata description_,
        uint256 latestClose
    ) private returns (uint256 petitionId) {
        if (bytes(description_).length == 0 || bytes(description_).length > MAX_DESCRIPTION_LENGTH) {
            revert CommunityPetitionsInvalidDescription(bytes(description_).length);
        }
        uint256 previous = _latest[kind][subject];
        if (previous != 0 && block.timestamp < _petitions[previous].closesAt) {
            revert CommunityPetitionsSubjectBusy(kind, subject, previous);
        }
        petitionId = ++_petitionCount;
        Petition storage p = _petitions[petitionId];
        p.kind = kind;
        p.status = PetitionStatus.Open;
        p.closesAt = SafeCast.toUint48(Math.min(block.timestamp + _window, latestClose));
        p.opener = msg.sender;
        p.subjectMemberId = subject;
        p.threshold = _threshold;
        if (_bond == 0) {
            if (msg.value != 0) revert CommunityLocksWrongValue(0, msg.value);
        } else {
            p.bond = _receive(_bond);
        }
        _descriptions[petitionId] = description_;
        _latest[kind][subject] = petitionId;
        emit PetitionOpened(petitionId, kind, subject, msg.sender, p.closesAt, p.threshold, p.bond, description_);
    }

    /// @dev The petition's description with a fixed suffix, so that no description can end in OpenZeppelin's
    /// `#proposer=0x…` marker and make the governor refuse this contract as sponsor.
    function _motionDescription(uint256 petitionId) private view returns (string memory) {
        return string.concat(_descriptions[petitionId], "\n\n(Community petition ", Strings.toString(petitionId), ")");
    }

    function _subjectStillValid(PetitionKind kind, uint256 subject) private view returns (bool) {
        return kind == PetitionKind.Admission ? _REGISTRY.isApplicationOpen(subject) : _REGISTRY.isActive(subject);
    }

    function _petition(uint256 petitionId) private view returns (Petition storage p) {
        p = _petitions[petitionId];
        if (p.status == PetitionStatus.None) revert CommunityPetitionsUnknownPetition(petitionId);
    }

    function _setWindow(uint256 window_) private {
        if (window_ < MIN_WINDOW || window_ > MAX_WINDOW) revert CommunityPetitionsInvalidWindow(window_);
        _window = window_;
        emit WindowSet(window_);
    }

    function _setThreshold(uint256 threshold_) private {
        if (threshold_ == 0) revert CommunityPetitionsInvalidThreshold(threshold_);
        if (_bond >= threshold_) revert CommunityPetitionsInvalidBond(_bond, threshold_);
        _threshold = threshold_;
        emit ThresholdSet(threshold_);
    }

    function _setBond(uint256 bond_) private {
        if (bond_ >= _threshold) revert CommunityPetitionsInvalidBond(bond_, _threshold);
        _bond = bond_;
        emit BondSet(bond_);
    }
}
