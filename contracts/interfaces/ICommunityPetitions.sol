// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICommunityLocks} from "./ICommunityLocks.sol";

/**
 * @title ICommunityPetitions
 * @notice Community petitions (KGP-7 on chain): holders lock coin for or against admitting an open applicant or
 * moving no confidence in a member; a petition that qualifies opens the council's motion as its sponsor.
 */
interface ICommunityPetitions is ICommunityLocks {
    /// @notice What a petition asks the council to vote on.
    enum PetitionKind {
        Admission,
        NoConfidence
    }

    /// @notice Where a petition stands. Open until settled; Lapsed: it qualified, but its subject had meanwhile
    /// stopped being an open applicant (Admission) or an active member (No-confidence), so no motion was opened.
    enum PetitionStatus {
        None,
        Open,
        Qualified,
        Failed,
        Lapsed
    }

    /// @notice One petition. Threshold and bond are frozen when it opens.
    struct Petition {
        PetitionKind kind;
        PetitionStatus status;
        bool bondForfeited;
        bool bondReclaimed;
        uint48 closesAt;
        address opener;
        uint256 subjectMemberId;
        uint256 threshold;
        uint256 bond;
        uint256 support;
        uint256 opposition;
        uint256 motionId;
    }

    /**
     * @notice A petition opened.
     * @param petitionId The petition.
     * @param kind Admission or NoConfidence.
     * @param subjectMemberId The candidate or the member.
     * @param opener The account that opened it and posted the bond.
     * @param closesAt When the window closes (timestamp).
     * @param threshold Support it needs, in the asset's smallest unit.
     * @param bond The bond posted.
     * @param description The description its motion will carry.
     */
    event PetitionOpened(
        uint256 indexed petitionId,
        PetitionKind kind,
        uint256 indexed subjectMemberId,
        address indexed opener,
        uint256 closesAt,
        uint256 threshold,
        uint256 bond,
        string description
    );

    /**
     * @notice A petition was settled after its close.
     * @param petitionId The petition.
     * @param status Qualified, Failed or Lapsed.
     * @param support Total support.
     * @param opposition Total opposition.
     * @param motionId The motion opened (0 unless Qualified).
     */
    event PetitionSettled(
        uint256 indexed petitionId,
        PetitionStatus status,
        uint256 support,
        uint256 opposition,
        uint256 motionId
    );

    /**
     * @notice A bond went back to its opener, or (support tiny) to the Improvement Reserve.
     * @param petitionId The petition.
     * @param to The opener, or the reserve.
     * @param amount The bond.
     * @param forfeited True when it went to the reserve.
     */
    event BondReleased(uint256 indexed petitionId, address indexed to, uint256 amount, bool forfeited);

    /**
     * @notice The petition window changed.
     * @param window Seconds.
     */
    event WindowSet(uint256 window);

    /**
     * @notice The support threshold changed.
     * @param threshold In the asset's smallest unit.
     */
    event ThresholdSet(uint256 threshold);

    /**
     * @notice The opening bond changed.
     * @param bond In the asset's smallest unit.
     */
    event BondSet(uint256 bond);

    /// @notice A window outside [1, 60] days.
    error CommunityPetitionsInvalidWindow(uint256 window);
    /// @notice A zero threshold.
    error CommunityPetitionsInvalidThreshold(uint256 threshold);
    /// @notice A bond not below the support threshold.
    error CommunityPetitionsInvalidBond(uint256 bond, uint256 threshold);
    /// @notice A description empty or longer than the maximum.
    error CommunityPetitionsInvalidDescription(uint256 length);
    /// @notice The subject is not an open applicant (Admission) or not an active member (No-confidence).
    error CommunityPetitionsInvalidSubject(PetitionKind kind, uint256 subjectMemberId);
    /// @notice The application's sponsorship window closes too soon for a petition to run and be settled in it.
    error CommunityPetitionsApplicationClosing(uint256 candidateId, uint256 latestClose);
    /// @notice The subject already has a petition of this kind whose window is open.
    error CommunityPetitionsSubjectBusy(PetitionKind kind, uint256 subjectMemberId, uint256 petitionId);
    /// @notice No such petition.
    error CommunityPetitionsUnknownPetition(uint256 petitionId);
    /// @notice The petition's window has closed (no more locks).
    error CommunityPetitionsWindowClosed(uint256 petitionId, uint256 closesAt);
    /// @notice The petition's window is still open (no settlement or withdrawal yet).
    error CommunityPetitionsWindowOpen(uint256 petitionId, uint256 closesAt);
    /// @notice The petition was already settled.
    error CommunityPetitionsAlreadySettled(uint256 petitionId, PetitionStatus status);
    /// @notice The bond cannot be reclaimed: not the opener, not settled yet, forfeited or already reclaimed.
    error CommunityPetitionsBondUnavailable(uint256 petitionId, address caller);
    /// @notice A contract address was expected (the reserve), but the account has no code.
    error CommunityPetitionsNotAContract(address account);

    /**
     * @notice A petition's record.
     * @param petitionId The petition.
     * @return The record.
     */
    function petition(uint256 petitionId) external view returns (Petition memory);

    /**
     * @notice How many petitions exist; their ids are 1 to this number.
     * @return The count.
     */
    function petitionCount() external view returns (uint256);
}
