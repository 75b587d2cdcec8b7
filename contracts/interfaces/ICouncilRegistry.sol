// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title ICouncilRegistry
 * @notice Who the Governance Council is: member records, their accounts and nodes, and membership history.
 */
interface ICouncilRegistry {
    /// @notice Life cycle of a member record.
    enum MemberStatus {
        None,
        Candidate,
        Active,
        Removed,
        Resigned
    }

    /// @notice A member record as returned by {getMember}.
    struct Member {
        uint256 id;
        string name;
        string metadataURI;
        address admin;
        address voter;
        address[] nodes;
        MemberStatus status;
        uint48 appliedAt;
        uint48 joinedAt;
        uint48 leftAt;
    }

    /// @notice One member of the initial council, set at deployment.
    struct InitialMember {
        string name;
        string metadataURI;
        address admin;
        address voter;
        address[] nodes;
    }

    /**
     * @notice A record was created: Active for the initial council, Candidate for an application.
     * @param memberId The new record's id.
     * @param admin The record's admin account.
     * @param name The organization's name.
     * @param status The record's first status.
     */
    event MemberRegistered(uint256 indexed memberId, address indexed admin, string name, MemberStatus status);

    /**
     * @notice Governance admitted a candidate; it is now an active member.
     * @param memberId The member's id.
     */
    event MemberAdmitted(uint256 indexed memberId);

    /**
     * @notice Governance removed an active member.
     * @param memberId The member's id.
     */
    event MemberRemoved(uint256 indexed memberId);

    /**
     * @notice The admin resigned (an active member) or withdrew its application (a candidate).
     * @param memberId The member's id.
     * @param previousStatus Active or Candidate.
     */
    event MemberResigned(uint256 indexed memberId, MemberStatus previousStatus);

    /**
     * @notice The record's name or metadata URI changed.
     * @param memberId The member's id.
     * @param name The new name.
     * @param metadataURI The new metadata URI.
     */
    event MemberMetadataUpdated(uint256 indexed memberId, string name, string metadataURI);

    /**
     * @notice The record's consensus node addresses were replaced.
     * @param memberId The member's id.
     * @param nodes The new node list.
     */
    event MemberNodesUpdated(uint256 indexed memberId, address[] nodes);

    /**
     * @notice The admin nominated a voter account, which must accept. Zero means a nomination was cancelled.
     * @param memberId The member's id.
     * @param pendingVoter The nominated account, or zero.
     */
    event VoterChangeStarted(uint256 indexed memberId, address indexed pendingVoter);

    /**
     * @notice A voter account was set; the member's votes now belong to it.
     * @param memberId The member's id.
     * @param previousVoter The former voter account (zero if none).
     * @param newVoter The new voter account.
     */
    event VoterChanged(uint256 indexed memberId, address indexed previousVoter, address indexed newVoter);

    /**
     * @notice The admin nominated a new admin account, which must accept. Zero means a nomination was cancelled.
     * @param memberId The member's id.
     * @param pendingAdmin The nominated account, or zero.
     */
    event AdminChangeStarted(uint256 indexed memberId, address indexed pendingAdmin);

    /**
     * @notice A new admin accepted; it now controls the record and its stake.
     * @param memberId The member's id.
     * @param previousAdmin The former admin account.
     * @param newAdmin The new admin account.
     */
    event AdminChanged(uint256 indexed memberId, address indexed previousAdmin, address indexed newAdmin);

    /**
     * @notice The council size bounds changed.
     * @param minMembers The new minimum number of active members.
     * @param maxMembers The new maximum number of active members.
     */
    event CouncilSizeBoundsUpdated(uint256 minMembers, uint256 maxMembers);

    /**
     * @notice A candidate renewed its application; the sponsorship window starts again.
     * @param memberId The candidate's id.
     * @param appliedAt The new application time (timestamp).
     */
    event ApplicationRenewed(uint256 indexed memberId, uint256 appliedAt);

    /**
     * @notice Governance changed the sponsorship window.
     * @param sponsorshipWindow Seconds after applying during which a candidate can be sponsored.
     */
    event SponsorshipWindowUpdated(uint256 sponsorshipWindow);

    /**
     * @notice The stake vault was bound, once, at deployment.
     * @param stakeVault The vault.
     */
    event StakeVaultBound(address indexed stakeVault);

    /// @notice The registry was deployed without its council: the deployer registers it in batches.
    event BootstrapStarted();

    /**
     * @notice The deployer closed the bootstrap; the initial council is complete.
     * @param activeMembers The size of the initial council.
     */
    event BootstrapEnded(uint256 activeMembers);

    /// @notice No record has this id.
    error CouncilRegistryUnknownMember(uint256 memberId);
    /// @notice The caller is not the record's admin.
    error CouncilRegistryNotAdmin(uint256 memberId, address caller);
    /// @notice The caller is not the account the admin nominated.
    error CouncilRegistryNotPendingAccount(uint256 memberId, address caller);
    /// @notice The record is not in a status that allows the operation.
    error CouncilRegistryUnexpectedStatus(uint256 memberId, MemberStatus current);
    /// @notice The name is empty or longer than 64 bytes.
    error CouncilRegistryInvalidName(uint256 length);
    /// @notice The metadata URI is empty or longer than the maximum.
    error CouncilRegistryInvalidMetadataURI(uint256 length);
    /// @notice A zero address where an account is required.
    error CouncilRegistryZeroAddress();
    /// @notice The account already belongs to another member (as admin or voter; a voter account is never reused).
    error CouncilRegistryAccountInUse(address account, uint256 memberId);
    /// @notice The node address is already a node of another active member, or listed twice.
    error CouncilRegistryNodeInUse(address node, uint256 memberId);
    /// @notice More node addresses than a member may register.
    error CouncilRegistryTooManyNodes(uint256 count, uint256 maxNodes);
    /// @notice The candidate has no accepted voter account yet.
    error CouncilRegistryVoterNotSet(uint256 memberId);
    /// @notice The candidate has less than one stake unit bonded in the stake vault.
    error CouncilRegistryCandidateNotBonded(uint256 memberId);
    /// @notice Admitting would exceed the maximum council size.
    error CouncilRegistryCouncilFull(uint256 maxMembers);
    /// @notice Removing or resigning would take the council below its minimum size.
    error CouncilRegistryCouncilAtMinimum(uint256 minMembers);
    /// @notice Bounds must satisfy 1 <= min <= active members <= max <= 255.
    error CouncilRegistryInvalidSizeBounds(uint256 minMembers, uint256 maxMembers, uint256 activeMembers);
    /// @notice Only the deployer may bind the stake vault, and only once.
    error CouncilRegistryVaultBindingClosed();
    /// @notice The change would leave fewer eligible members than the council's minimum size.
    error CouncilRegistryTooFewEligible(uint256 eligible, uint256 minMembers);
    /// @notice The vault does not point back at this registry.
    error CouncilRegistryVaultMismatch(address stakeVault);
    /// @notice The application can still be sponsored until `closesAt`; renew it after that.
    error CouncilRegistryApplicationOpen(uint256 memberId, uint256 closesAt);
    /// @notice A sponsorship window outside [1, 60] days.
    error CouncilRegistryInvalidSponsorshipWindow(uint256 window);
    /// @notice Past lookups must be strictly before the current clock.
    /// @notice Only the deployer may bootstrap the council, and only until it ends the bootstrap.
    error CouncilRegistryBootstrapClosed();
    /// @notice The initial council is still being registered: membership changes wait for the end of the bootstrap.
    error CouncilRegistryBootstrapping();
    error CouncilRegistryFutureLookup(uint256 timepoint, uint48 clock);

    /**
     * @notice The record's accounts and status, in one cheap call (used by the stake vault and governor).
     * @param memberId The member id.
     * @return admin The admin account.
     * @return voter The voter account (zero while a candidate has none).
     * @return status The record's status.
     */
    function memberAccounts(uint256 memberId) external view returns (address admin, address voter, MemberStatus status);

    /**
     * @notice Ids of the active members, in no particular order. At most `maxMembers` entries.
     * @return The ids.
     */
    function activeMemberIds() external view returns (uint256[] memory);

    /**
     * @notice The active member that runs consensus node `node` (0 if none).
     * @param node The node address.
     * @return The member id, or 0.
     */
    function memberIdOfNode(address node) external view returns (uint256);

    /**
     * @notice The member id whose voter account is, or once was, `account` (0 if none). Voter accounts are never
     * reused by another member, so this binding is permanent.
     * @param account The voter account.
     * @return The member id, or 0.
     */
    function memberIdOfVoter(address account) external view returns (uint256);

    /**
     * @notice The record's timestamps, in one cheap call.
     * @param memberId The member id.
     * @return appliedAt When it applied (or the application was renewed).
     * @return joinedAt When it was admitted (0 if never).
     * @return leftAt When it was removed or resigned (0 if it has not left).
     */
    function memberTimestamps(
        uint256 memberId
    ) external view returns (uint256 appliedAt, uint256 joinedAt, uint256 leftAt);

    /**
     * @notice Whether `memberId` is an active member now.
     * @param memberId The member's id.
     * @return True when active.
     */
    function isActive(uint256 memberId) external view returns (bool);

    /**
     * @notice The number of active members now.
     * @return The count.
     */
    function activeMemberCount() external view returns (uint256);

    /**
     * @notice Minimum number of active members; removal or resignation below it reverts.
     * @return The minimum.
     */
    function minMembers() external view returns (uint256);

    /**
     * @notice Whether `memberId` is a candidate whose application can be sponsored now (within the window).
     * @param memberId The candidate's id.
     * @return True while the application is open.
     */
    function isApplicationOpen(uint256 memberId) external view returns (bool);

    /**
     * @notice The whole record of `memberId` (reverts for an unknown id).
     * @param memberId The member's id.
     * @return m The record.
     */
    function getMember(uint256 memberId) external view returns (Member memory m);

    /**
     * @notice The stake vault that receives membership updates (zero until bound).
     * @return The vault.
     */
    function stakeVault() external view returns (address);

    /**
     * @notice The member id whose admin is `account` (0 if none).
     * @param account The admin account.
     * @return The member id, or 0.
     */
    function memberIdOfAdmin(address account) external view returns (uint256);

    /**
     * @notice Whether `memberId` was an active member at the end of `timepoint` (a past timestamp).
     * @param memberId The member id.
     * @param timepoint A timestamp strictly before {clock}.
     * @return True when active.
     */
    function wasActiveAt(uint256 memberId, uint256 timepoint) external view returns (bool);
}
