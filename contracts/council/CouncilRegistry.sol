// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";
import {GovernedOwnable} from "../access/GovernedOwnable.sol";
import {ICouncilRegistry} from "../interfaces/ICouncilRegistry.sol";
import {IStakeVault} from "../interfaces/IStakeVault.sol";

/**
 * @title CouncilRegistry
 * @notice The Governance Council's member registry: who the members are, their admin and voter accounts, their
 * consensus nodes, and a checkpointed history of who was active when.
 * @dev Owned by the timelock: only governance admits or removes members and changes the size bounds. A member's
 * admin manages its record and may resign. Account changes are two-step (the nominated account accepts).
 *
 * Account rules, so that nobody can claim another member's identity or votes:
 * - an account is the admin of at most one record;
 * - an account that has been a member's voter stays bound to that member forever: voting power at a past
 *   snapshot belongs to whatever voter held it, so a voter account handed to another member could vote twice;
 * - no account is the admin of one member and the voter of another.
 *
 * Node addresses are unique across the active council. A candidate's nodes are stored but only reserved at
 * admission, so an applicant cannot squat another organization's node addresses.
 *
 * An application can be sponsored (an admission motion opened) within the sponsorship window after applying; a
 * lapsed or rejected candidate renews its application to start a new window.
 */
contract CouncilRegistry is ICouncilRegistry, GovernedOwnable, IERC6372 {
    using Checkpoints for Checkpoints.Trace208;
    using EnumerableSet for EnumerableSet.UintSet;

    /// @notice Longest member name, in bytes.
    uint256 public constant MAX_NAME_LENGTH = 64;
    /// @notice Longest metadata URI, in bytes.
    uint256 public constant MAX_METADATA_URI_LENGTH = 512;
    /// @notice Most consensus node addresses a member may register.
    uint256 public constant MAX_NODES_PER_MEMBER = 16;
    /// @notice Hard ceiling for `maxMembers` (keeps every loop over members bounded).
    uint256 public constant MAX_COUNCIL_SIZE = 255;
    /// @notice Shortest sponsorship window, in seconds.
    uint256 public constant MIN_SPONSORSHIP_WINDOW = 1 days;
    /// @notice Longest sponsorship window, in seconds.
    uint256 public constant MAX_SPONSORSHIP_WINDOW = 60 days;

    struct Record {
        address admin;
        MemberStatus status;
        uint48 appliedAt;
        address voter;
        uint48 joinedAt;
        uint48 leftAt;
        string name;
        string metadataURI;
        address[] nodes;
    }

    address private immutable _DEPLOYER;

    mapping(uint256 memberId => Record) private _records;
    mapping(uint256 memberId => address) private _pendingAdmin;
    mapping(uint256 memberId => address) private _pendingVoter;
    mapping(uint256 memberId => Checkpoints.Trace208) private _activeHistory;
    mapping(address account => uint256) private _memberOfAdmin;
    mapping(address account => uint256) private _memberOfVoter;
    mapping(address node => uint256) private _memberOfNode;

    EnumerableSet.UintSet private _active;
    Checkpoints.Trace208 private _activeCountHistory;
    uint256 private _memberCount;
    uint8 private _minMembers;
    uint8 private _maxMembers;
    uint32 private _sponsorshipWindow;
    bool private _bootstrapping;
    address private _stakeVault;

    modifier onlyAdmin(uint256 memberId) {
        _requireAdmin(memberId);
        _;
    }

    /// @dev Membership changes wait until the deployer has registered the whole initial council.
    modifier afterBootstrap() {
        if (_bootstrapping) revert CouncilRegistryBootstrapping();
        _;
    }

    /**
     * @notice Deploys the registry with its initial council.
     * @param initialOwner The owner, the council's timelock.
     * @param minMembers_ Minimum number of active members (>= 1).
     * @param maxMembers_ Maximum number of active members (<= 255).
     * @param sponsorshipWindow_ Seconds after applying during which a candidate can be sponsored (1 to 60 days).
     * @param initialMembers The initial council, admitted as active members. Their size must lie within the bounds.
     * An empty list opens the bootstrap instead: the deployer registers the council in batches with
     * {bootstrapMembers}, then closes it with {endBootstrap} (for councils too large for one transaction).
     */
    constructor(
        address initialOwner,
        uint256 minMembers_,
        uint256 maxMembers_,
        uint256 sponsorshipWindow_,
        InitialMember[] memory initialMembers
    ) GovernedOwnable(initialOwner) {
        _DEPLOYER = msg.sender;
        for (uint256 i = 0; i < initialMembers.length; ++i) {
            _registerInitialMember(initialMembers[i]);
        }
        if (initialMembers.length == 0) {
            // The bounds are checked against the council when the bootstrap ends.
            if (minMembers_ == 0 || minMembers_ > maxMembers_ || maxMembers_ > MAX_COUNCIL_SIZE) {
                revert CouncilRegistryInvalidSizeBounds(minMembers_, maxMembers_, 0);
            }
            _minMembers = uint8(minMembers_);
            _maxMembers = uint8(maxMembers_);
            _bootstrapping = true;
            emit CouncilSizeBoundsUpdated(minMembers_, maxMembers_);
            emit BootstrapStarted();
        } else {
            _setCouncilSizeBounds(minMembers_, maxMembers_);
        }
        _setSponsorshipWindow(sponsorshipWindow_);
    }

    // ---------------------------------------------------------------- bootstrap

    /**
     * @notice Register one batch of the initial council as active members. The deployer only, while the bootstrap
     * is open (the registry was deployed with an empty initial council).
     * @dev Each member costs about the same as in the constructor; batches keep every transaction under the
     * 16,777,216-gas cap (EIP-7825) whatever the council's size. The council may not exceed `maxMembers`.
     * @param batch The next members, in order (ids follow on).
     */
    function bootstrapMembers(InitialMember[] calldata batch) external {
        _requireBootstrap();
        uint256 size = _active.length() + batch.length;
        if (size > _maxMembers) revert CouncilRegistryCouncilFull(_maxMembers);
        for (uint256 i = 0; i < batch.length; ++i) {
            _registerInitialMember(batch[i]);
        }
    }

    /**
     * @notice Close the bootstrap: the council's size must now lie within its bounds. The deployer only, once,
     * before it binds the stake vault and hands the system to the timelock.
     */
    function endBootstrap() external {
        _requireBootstrap();
        uint256 active = _active.length();
        if (active < _minMembers) revert CouncilRegistryInvalidSizeBounds(_minMembers, _maxMembers, active);
        _bootstrapping = false;
        emit BootstrapEnded(active);
    }

    /**
     * @notice Whether the initial council is complete: true unless a bootstrap is still open.
     * @return True when membership changes, the vault binding and governance are open.
     */
    function bootstrapEnded() external view returns (bool) {
        return !_bootstrapping;
    }

    // ---------------------------------------------------------------- applications and governance

    /**
     * @notice Apply for council membership. The caller becomes the record's admin.
     * @dev `voter` is nominated and must call {acceptVoter} (it is set at once when it is the caller). Nodes are
     * checked for shape here and reserved at admission. Sponsorship and the admission vote are separate steps.
     * @param name Organization name, 1 to 64 bytes.
     * @param metadataURI Website, public services and contact (1 to 512 bytes).
     * @param voter The account that will vote for the member.
     * @param nodes Consensus node addresses (at most 16, distinct, non-zero).
     * @return memberId The new record's id.
     */
    function applyForMembership(
        string calldata name,
        string calldata metadataURI,
        address voter,
        address[] calldata nodes
    ) external afterBootstrap returns (uint256 memberId) {
        _validateMetadata(name, metadataURI);
        _validateNodes(nodes);
        memberId = _memberCount + 1;
        _requireAccountFree(msg.sender, memberId);
        _requireAccountFree(voter, memberId);

        _memberCount = memberId;
        Record storage r = _records[memberId];
        r.admin = msg.sender;
        r.status = MemberStatus.Candidate;
        r.appliedAt = Time.timestamp();
        r.name = name;
        r.metadataURI = metadataURI;
        r.nodes = nodes;
        _memberOfAdmin[msg.sender] = memberId;

        emit MemberRegistered(memberId, msg.sender, name, MemberStatus.Candidate);
        emit MemberNodesUpdated(memberId, nodes);
        _nominateVoter(memberId, voter);
    }

    /**
     * @notice Admit a candidate as an active member. Governance (the owner) only.
     * @dev The candidate must have an accepted voter and (once the vault is bound) at least one stake unit
     * bonded, so it has voting power at once. Reserves the candidate's nodes.
     * @param memberId The candidate's id.
     */
    function admit(uint256 memberId) external onlyOwner afterBootstrap {
        Record storage r = _recordWithStatus(memberId, MemberStatus.Candidate);
        if (r.voter == address(0)) revert CouncilRegistryVoterNotSet(memberId);
        if (_active.length() >= _maxMembers) revert CouncilRegistryCouncilFull(_maxMembers);
        address vault = _stakeVault;
        if (vault != address(0) && IStakeVault(vault).stakeOf(memberId) < IStakeVault(vault).stakeUnit()) {
            revert CouncilRegistryCandidateNotBonded(memberId);
        }

        _reserveNodes(memberId, r.nodes);
        r.status = MemberStatus.Active;
        r.joinedAt = Time.timestamp();
        _setActive(memberId, true);
        emit MemberAdmitted(memberId);
        _notifyVault(memberId);
    }

    /**
     * @notice Remove an active member. Governance (the owner) only.
     * @dev Voting power ends at once; the stake stays withdrawable through the unbonding path. Refused when the
     * member is eligible and its removal would leave fewer eligible members than the minimum council size.
     * @param memberId The member's id.
     */
    function remove(uint256 memberId) external onlyOwner afterBootstrap {
        _recordWithStatus(memberId, MemberStatus.Active);
        address vault = _stakeVault;
        bool wasEligible = vault != address(0) && IStakeVault(vault).isEligible(memberId);
        _leave(memberId, MemberStatus.Removed);
        if (wasEligible) _requireEligible(IStakeVault(vault), _minMembers);
        emit MemberRemoved(memberId);
    }

    /**
     * @notice Resign from the council (an active member) or withdraw an application (a candidate).
     * @dev The record's admin only. Voting power ends at once; the stake stays withdrawable.
     * @param memberId The member's id.
     */
    function resign(uint256 memberId) external onlyAdmin(memberId) afterBootstrap {
        MemberStatus previous = _records[memberId].status;
        if (previous == MemberStatus.Active) {
            _leave(memberId, MemberStatus.Resigned);
        } else if (previous == MemberStatus.Candidate) {
            _records[memberId].status = MemberStatus.Resigned;
            _records[memberId].leftAt = Time.timestamp();
            _clearPending(memberId);
        } else {
            revert CouncilRegistryUnexpectedStatus(memberId, previous);
        }
        emit MemberResigned(memberId, previous);
    }

    /**
     * @notice Renew a lapsed or rejected application: the sponsorship window starts again now.
     * @dev The candidate's admin only, once the current window has closed.
     * @param memberId The candidate's id.
     */
    function renewApplication(uint256 memberId) external onlyAdmin(memberId) {
        Record storage r = _recordWithStatus(memberId, MemberStatus.Candidate);
        uint256 closesAt = uint256(r.appliedAt) + _sponsorshipWindow;
        if (block.timestamp <= closesAt) revert CouncilRegistryApplicationOpen(memberId, closesAt);
        r.appliedAt = Time.timestamp();
        emit ApplicationRenewed(memberId, r.appliedAt);
    }

    /**
     * @notice Set how long after applying a candidate can be sponsored. Governance (the owner) only.
     * @param sponsorshipWindow_ Seconds, 1 to 60 days.
     */
    function setSponsorshipWindow(uint256 sponsorshipWindow_) external onlyOwner {
        _setSponsorshipWindow(sponsorshipWindow_);
    }

    /**
     * @notice Set the minimum and maximum number of active members. Governance (the owner) only.
     * @param minMembers_ New minimum, at least 1 and at most the current active count; a raised minimum must not
     * exceed the number of eligible members.
     * @param maxMembers_ New maximum, at least the current active count and at most 255.
     */
    function setCouncilSizeBounds(uint256 minMembers_, uint256 maxMembers_) external onlyOwner afterBootstrap {
        address vault = _stakeVault;
        if (minMembers_ > _minMembers && vault != address(0)) _requireEligible(IStakeVault(vault), minMembers_);
        _setCouncilSizeBounds(minMembers_, maxMembers_);
    }

    /**
     * @notice Bind the stake vault that receives membership updates. The deployer only, exactly once.
     * @param stakeVault_ The vault; it must name this registry as its registry.
     */
    function bindStakeVault(address stakeVault_) external afterBootstrap {
        if (msg.sender != _DEPLOYER || _stakeVault != address(0)) revert CouncilRegistryVaultBindingClosed();
        if (stakeVault_ == address(0)) revert CouncilRegistryZeroAddress();
        if (stakeVault_.code.length == 0 || IStakeVault(stakeVault_).registry() != address(this)) {
            revert CouncilRegistryVaultMismatch(stakeVault_);
        }
        _stakeVault = stakeVault_;
        emit StakeVaultBound(stakeVault_);
    }

    // ---------------------------------------------------------------- the member's own record

    /**
     * @notice Update the record's name and metadata URI. The admin only, while candidate or active.
     * @param memberId The member's id.
     * @param name New name, 1 to 64 bytes.
     * @param metadataURI New metadata URI, 1 to 512 bytes.
     */
    function updateMetadata(
        uint256 memberId,
        string calldata name,
        string calldata metadataURI
    ) external onlyAdmin(memberId) {
        Record storage r = _recordInCouncilOrCandidate(memberId);
        _validateMetadata(name, metadataURI);
        r.name = name;
        r.metadataURI = metadataURI;
        emit MemberMetadataUpdated(memberId, name, metadataURI);
    }

    /**
     * @notice Replace the record's consensus node addresses. The admin only, while candidate or active.
     * @dev For an active member every new node must be free across the council.
     * @param memberId The member's id.
     * @param nodes The new node list (at most 16, distinct, non-zero); may be empty.
     */
    function setNodes(uint256 memberId, address[] calldata nodes) external onlyAdmin(memberId) {
        Record storage r = _recordInCouncilOrCandidate(memberId);
        _validateNodes(nodes);
        if (r.status == MemberStatus.Active) {
            _releaseNodes(r.nodes);
            _reserveNodes(memberId, nodes);
        }
        r.nodes = nodes;
        emit MemberNodesUpdated(memberId, nodes);
    }

    /**
     * @notice Nominate a new voter account; it takes effect when that account calls {acceptVoter}.
     * @dev The admin only, while candidate or active. Nominating the zero address cancels a pending nomination.
     * Nominating the caller itself takes effect at once.
     * @param memberId The member's id.
     * @param newVoter The nominated voter account.
     */
    function proposeVoter(uint256 memberId, address newVoter) external onlyAdmin(memberId) {
        Record storage r = _recordInCouncilOrCandidate(memberId);
        if (newVoter != address(0)) {
            if (newVoter == r.voter) revert CouncilRegistryAccountInUse(newVoter, memberId);
            _requireAccountFree(newVoter, memberId);
        }
        _nominateVoter(memberId, newVoter);
    }

    /**
     * @notice Accept a nomination as the member's voter. The member's votes move to the caller at once.
     * @param memberId The member's id.
     */
    function acceptVoter(uint256 memberId) external {
        if (msg.sender != _pendingVoter[memberId] || msg.sender == address(0)) {
            revert CouncilRegistryNotPendingAccount(memberId, msg.sender);
        }
        // A nomination exists only for candidates and active members: leaving clears it.
        _requireAccountFree(msg.sender, memberId);
        _setVoter(memberId, msg.sender);
    }

    /**
     * @notice Nominate a new admin account; it takes effect when that account calls {acceptAdmin}.
     * @dev The admin only, in any status (a removed member's admin still controls its stake). Nominating the zero
     * address cancels a pending nomination.
     * @param memberId The member's id.
     * @param newAdmin The nominated admin account.
     */
    function proposeAdmin(uint256 memberId, address newAdmin) external onlyAdmin(memberId) {
        if (newAdmin == msg.sender) revert CouncilRegistryAccountInUse(newAdmin, memberId);
        if (newAdmin != address(0)) _requireAccountFree(newAdmin, memberId);
        _pendingAdmin[memberId] = newAdmin;
        emit AdminChangeStarted(memberId, newAdmin);
    }

    /**
     * @notice Accept a nomination as the member's admin. The caller then controls the record and its stake.
     * @param memberId The member's id.
     */
    function acceptAdmin(uint256 memberId) external {
        if (msg.sender != _pendingAdmin[memberId] || msg.sender == address(0)) {
            revert CouncilRegistryNotPendingAccount(memberId, msg.sender);
        }
        _requireAccountFree(msg.sender, memberId);
        Record storage r = _records[memberId];
        address previous = r.admin;
        delete _memberOfAdmin[previous];
        _memberOfAdmin[msg.sender] = memberId;
        r.admin = msg.sender;
        delete _pendingAdmin[memberId];
        emit AdminChanged(memberId, previous, msg.sender);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc ICouncilRegistry
    function getMember(uint256 memberId) external view returns (Member memory m) {
        Record storage r = _record(memberId);
        m = Member({
            id: memberId,
            name: r.name,
            metadataURI: r.metadataURI,
            admin: r.admin,
            voter: r.voter,
            nodes: r.nodes,
            status: r.status,
            appliedAt: r.appliedAt,
            joinedAt: r.joinedAt,
            leftAt: r.leftAt
        });
    }

    /// @inheritdoc ICouncilRegistry
    function memberAccounts(
        uint256 memberId
    ) external view returns (address admin, address voter, MemberStatus status) {
        Record storage r = _records[memberId];
        return (r.admin, r.voter, r.status);
    }

    /// @inheritdoc ICouncilRegistry
    function memberTimestamps(
        uint256 memberId
    ) external view returns (uint256 appliedAt, uint256 joinedAt, uint256 leftAt) {
        Record storage r = _records[memberId];
        return (r.appliedAt, r.joinedAt, r.leftAt);
    }

    /// @inheritdoc ICouncilRegistry
    function activeMemberIds() external view returns (uint256[] memory) {
        return _active.values();
    }

    /// @inheritdoc ICouncilRegistry
    function memberIdOfVoter(address account) external view returns (uint256) {
        return _memberOfVoter[account];
    }

    /// @inheritdoc ICouncilRegistry
    function memberIdOfAdmin(address account) external view returns (uint256) {
        return _memberOfAdmin[account];
    }

    /**
     * @notice The active member that runs consensus node `node` (0 if none).
     * @param node The node address.
     * @return The member id, or 0.
     */
    function memberIdOfNode(address node) external view returns (uint256) {
        return _memberOfNode[node];
    }

    /**
     * @notice The voter account nominated for `memberId` and not yet accepted (zero if none).
     * @param memberId The member's id.
     * @return The pending voter.
     */
    function pendingVoter(uint256 memberId) external view returns (address) {
        return _pendingVoter[memberId];
    }

    /**
     * @notice The admin account nominated for `memberId` and not yet accepted (zero if none).
     * @param memberId The member's id.
     * @return The pending admin.
     */
    function pendingAdmin(uint256 memberId) external view returns (address) {
        return _pendingAdmin[memberId];
    }

    /// @inheritdoc ICouncilRegistry
    function isActive(uint256 memberId) external view returns (bool) {
        return _active.contains(memberId);
    }

    /// @inheritdoc ICouncilRegistry
    function wasActiveAt(uint256 memberId, uint256 timepoint) external view returns (bool) {
        return _activeHistory[memberId].upperLookupRecent(_validateTimepoint(timepoint)) == 1;
    }

    /**
     * @notice The number of active members at the end of a past timepoint.
     * @param timepoint A timestamp strictly before {clock}.
     * @return The count.
     */
    function getPastActiveCount(uint256 timepoint) external view returns (uint256) {
        return _activeCountHistory.upperLookupRecent(_validateTimepoint(timepoint));
    }

    /// @inheritdoc ICouncilRegistry
    function activeMemberCount() external view returns (uint256) {
        return _active.length();
    }

    /**
     * @notice Whether governance could remove a member now, with the counts {remove} compares. Removing an eligible
     * member must leave at least `minMembers` eligible members: when it would not, a passed No-confidence motion
     * against the member reverts at execution (`CouncilRegistryTooFewEligible`) unless the eligible count rises first.
     * @param memberId The member's id.
     * @return allowed False when the member is not active, or when its removal would leave too few eligible members.
     * @return eligibleAfter Eligible members left after the removal (0 before a stake vault is bound).
     * @return minimum The minimum council size.
     */
    function removalCheck(
        uint256 memberId
    ) external view returns (bool allowed, uint256 eligibleAfter, uint256 minimum) {
        minimum = _minMembers;
        allowed = _records[memberId].status == MemberStatus.Active;
        address vault = _stakeVault;
        if (vault == address(0)) return (allowed, 0, minimum);
        bool eligible = IStakeVault(vault).isEligible(memberId);
        eligibleAfter = IStakeVault(vault).eligibleCount() - (eligible ? 1 : 0);
        allowed = allowed && (!eligible || eligibleAfter >= minimum);
    }

    /**
     * @notice The number of records ever created (the highest member id).
     * @return The count.
     */
    function memberCount() external view returns (uint256) {
        return _memberCount;
    }

    /// @inheritdoc ICouncilRegistry
    function isApplicationOpen(uint256 memberId) external view returns (bool) {
        Record storage r = _records[memberId];
        return r.status == MemberStatus.Candidate && block.timestamp <= uint256(r.appliedAt) + _sponsorshipWindow;
    }

    /**
     * @notice Seconds after applying during which a candidate can be sponsored.
     * @return The window.
     */
    function sponsorshipWindow() external view returns (uint256) {
        return _sponsorshipWindow;
    }

    /// @inheritdoc ICouncilRegistry
    function minMembers() external view returns (uint256) {
        return _minMembers;
    }

    /**
     * @notice Maximum number of active members; admission above it reverts.
     * @return The maximum.
     */
    function maxMembers() external view returns (uint256) {
        return _maxMembers;
    }

    /// @inheritdoc ICouncilRegistry
    function stakeVault() external view returns (address) {
        return _stakeVault;
    }

    /**
     * @notice ERC-6372 clock: membership is checkpointed by block timestamp.
     * @return The current timestamp as uint48.
     */
    function clock() public view returns (uint48) {
        return Time.timestamp();
    }

    // solhint-disable func-name-mixedcase
    /**
     * @notice ERC-6372 clock mode.
     * @return "mode=timestamp".
     */
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }
    // solhint-enable func-name-mixedcase

    // ---------------------------------------------------------------- internals

    function _registerInitialMember(InitialMember memory init) private {
        _validateMetadata(init.name, init.metadataURI);
        _validateNodes(init.nodes);
        uint256 memberId = _memberCount + 1;
        _requireAccountFree(init.admin, memberId);
        _requireAccountFree(init.voter, memberId);

        _memberCount = memberId;
        Record storage r = _records[memberId];
        uint48 now_ = Time.timestamp();
        r.admin = init.admin;
        r.voter = init.voter;
        r.status = MemberStatus.Active;
        r.appliedAt = now_;
        r.joinedAt = now_;
        r.name = init.name;
        r.metadataURI = init.metadataURI;
        r.nodes = init.nodes;
        _memberOfAdmin[init.admin] = memberId;
        _memberOfVoter[init.voter] = memberId;
        _reserveNodes(memberId, init.nodes);
        _setActive(memberId, true);

        emit MemberRegistered(memberId, init.admin, init.name, MemberStatus.Active);
        emit VoterChanged(memberId, address(0), init.voter);
        emit MemberNodesUpdated(memberId, init.nodes);
    }

    function _leave(uint256 memberId, MemberStatus status) private {
        if (_active.length() <= _minMembers) revert CouncilRegistryCouncilAtMinimum(_minMembers);
        Record storage r = _records[memberId];
        r.status = status;
        r.leftAt = Time.timestamp();
        _releaseNodes(r.nodes);
        _clearPending(memberId);
        _setActive(memberId, false);
        _notifyVault(memberId);
    }

    function _setActive(uint256 memberId, bool active) private {
        uint48 now_ = Time.timestamp();
        if (active) {
            _active.add(memberId);
        } else {
            _active.remove(memberId);
        }
        _activeHistory[memberId].push(now_, active ? 1 : 0);
        _activeCountHistory.push(now_, uint208(_active.length()));
    }

    function _nominateVoter(uint256 memberId, address voter) private {
        if (voter == msg.sender && voter != address(0)) {
            _setVoter(memberId, voter);
        } else {
            _pendingVoter[memberId] = voter;
            emit VoterChangeStarted(memberId, voter);
        }
    }

    function _setVoter(uint256 memberId, address voter) private {
        Record storage r = _records[memberId];
        address previous = r.voter;
        r.voter = voter;
        _memberOfVoter[voter] = memberId;
        delete _pendingVoter[memberId];
        emit VoterChanged(memberId, previous, voter);
        _notifyVault(memberId);
    }

    function _clearPending(uint256 memberId) private {
        if (_pendingVoter[memberId] != address(0)) {
            delete _pendingVoter[memberId];
            emit VoterChangeStarted(memberId, address(0));
        }
    }

    function _notifyVault(uint256 memberId) private {
        address vault = _stakeVault;
        if (vault != address(0)) IStakeVault(vault).onMemberUpdated(memberId);
    }

    /// @dev At least `minimum` members must be eligible (so that governance never sinks below its minimum size).
    function _requireEligible(IStakeVault vault, uint256 minimum) private view {
        uint256 eligible = vault.eligibleCount();
        if (eligible < minimum) revert CouncilRegistryTooFewEligible(eligible, minimum);
    }

    function _setCouncilSizeBounds(uint256 minMembers_, uint256 maxMembers_) private {
        uint256 active = _active.length();
        if (minMembers_ == 0 || minMembers_ > active || active > maxMembers_ || maxMembers_ > MAX_COUNCIL_SIZE) {
            revert CouncilRegistryInvalidSizeBounds(minMembers_, maxMembers_, active);
        }
        _minMembers = uint8(minMembers_);
        _maxMembers = uint8(maxMembers_);
        emit CouncilSizeBoundsUpdated(minMembers_, maxMembers_);
    }

    function _setSponsorshipWindow(uint256 window) private {
        if (window < MIN_SPONSORSHIP_WINDOW || window > MAX_SPONSORSHIP_WINDOW) {
            revert CouncilRegistryInvalidSponsorshipWindow(window);
        }
        _sponsorshipWindow = uint32(window);
        emit SponsorshipWindowUpdated(window);
    }

    function _reserveNodes(uint256 memberId, address[] memory nodes) private {
        for (uint256 i = 0; i < nodes.length; ++i) {
            uint256 holder = _memberOfNode[nodes[i]];
            if (holder != 0) revert CouncilRegistryNodeInUse(nodes[i], holder);
            _memberOfNode[nodes[i]] = memberId;
        }
    }

    function _releaseNodes(address[] storage nodes) private {
        for (uint256 i = 0; i < nodes.length; ++i) {
            delete _memberOfNode[nodes[i]];
        }
    }

    function _requireBootstrap() private view {
        if (msg.sender != _DEPLOYER || !_bootstrapping) revert CouncilRegistryBootstrapClosed();
    }

    function _requireAdmin(uint256 memberId) private view {
        if (_record(memberId).admin != msg.sender) revert CouncilRegistryNotAdmin(memberId, msg.sender);
    }

    function _requireAccountFree(address account, uint256 memberId) private view {
        if (account == address(0)) revert CouncilRegistryZeroAddress();
        uint256 asAdmin = _memberOfAdmin[account];
        if (asAdmin != 0 && asAdmin != memberId) revert CouncilRegistryAccountInUse(account, asAdmin);
        uint256 asVoter = _memberOfVoter[account];
        if (asVoter != 0 && asVoter != memberId) revert CouncilRegistryAccountInUse(account, asVoter);
    }

    function _record(uint256 memberId) private view returns (Record storage r) {
        r = _records[memberId];
        if (r.status == MemberStatus.None) revert CouncilRegistryUnknownMember(memberId);
    }

    function _recordWithStatus(uint256 memberId, MemberStatus status) private view returns (Record storage r) {
        r = _record(memberId);
        if (r.status != status) revert CouncilRegistryUnexpectedStatus(memberId, r.status);
    }

    function _recordInCouncilOrCandidate(uint256 memberId) private view returns (Record storage r) {
        r = _record(memberId);
        if (r.status != MemberStatus.Active && r.status != MemberStatus.Candidate) {
            revert CouncilRegistryUnexpectedStatus(memberId, r.status);
        }
    }

    function _validateTimepoint(uint256 timepoint) private view returns (uint48) {
        uint48 now_ = clock();
        if (timepoint >= now_) revert CouncilRegistryFutureLookup(timepoint, now_);
        return uint48(timepoint);
    }

    function _validateMetadata(string memory name, string memory metadataURI) private pure {
        uint256 nameLength = bytes(name).length;
        if (nameLength == 0 || nameLength > MAX_NAME_LENGTH) revert CouncilRegistryInvalidName(nameLength);
        uint256 uriLength = bytes(metadataURI).length;
        if (uriLength == 0 || uriLength > MAX_METADATA_URI_LENGTH) {
            revert CouncilRegistryInvalidMetadataURI(uriLength);
        }
    }

    function _validateNodes(address[] memory nodes) private pure {
        if (nodes.length > MAX_NODES_PER_MEMBER) revert CouncilRegistryTooManyNodes(nodes.length, MAX_NODES_PER_MEMBER);
        for (uint256 i = 0; i < nodes.length; ++i) {
            if (nodes[i] == address(0)) revert CouncilRegistryZeroAddress();
            for (uint256 j = 0; j < i; ++j) {
                if (nodes[i] == nodes[j]) revert CouncilRegistryNodeInUse(nodes[i], 0);
            }
        }
    }
}
