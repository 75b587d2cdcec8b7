// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title IStakeVault
 * @notice Bonded stake of members and candidates, and the capped, checkpointed voting power derived from it.
 * @dev Voting power is also exposed through ERC-5805 (`IVotes`) and ERC-6372 on the implementation.
 */
interface IStakeVault {
    /// @notice One unbonding request: `amount` can be withdrawn in [unlocksAt, expiresAt).
    struct UnbondingRequest {
        uint128 amount;
        uint48 unlocksAt;
        uint48 expiresAt;
        bool settled;
    }

    /**
     * @notice Stake was bonded for a member.
     * @param memberId The member's id.
     * @param from The account that paid.
     * @param amount The amount received.
     * @param newStake The member's bonded stake afterwards.
     */
    event Staked(uint256 indexed memberId, address indexed from, uint256 amount, uint256 newStake);

    /**
     * @notice The admin asked to unbond stake; the member's voting power dropped at once.
     * @param memberId The member's id.
     * @param requestId The request's index.
     * @param amount The amount unbonding.
     * @param unlocksAt When it becomes withdrawable (timestamp).
     * @param expiresAt When the withdrawal window closes (timestamp).
     */
    event UnstakeRequested(
        uint256 indexed memberId,
        uint256 indexed requestId,
        uint256 amount,
        uint48 unlocksAt,
        uint48 expiresAt
    );

    /**
     * @notice An unbonded request was paid out.
     * @param memberId The member's id.
     * @param requestId The request's index.
     * @param to The recipient.
     * @param amount The amount paid.
     */
    event Withdrawn(uint256 indexed memberId, uint256 indexed requestId, address indexed to, uint256 amount);

    /**
     * @notice An unbonding request (pending or expired) went back into the member's stake.
     * @param memberId The member's id.
     * @param requestId The request's index.
     * @param amount The amount re-staked.
     */
    event Restaked(uint256 indexed memberId, uint256 indexed requestId, uint256 amount);

    /**
     * @notice A member's votes changed.
     * @param memberId The member's id.
     * @param voter The voter account holding the votes.
     * @param previousVotes Votes before.
     * @param newVotes Votes after.
     */
    event MemberVotesUpdated(uint256 indexed memberId, address indexed voter, uint256 previousVotes, uint256 newVotes);

    /**
     * @notice A member crossed the eligibility line (active with at least one stake unit).
     * @param memberId The member's id.
     * @param eligible Whether it is eligible now.
     * @param eligibleCount The number of eligible members afterwards.
     */
    event EligibilityChanged(uint256 indexed memberId, bool eligible, uint256 eligibleCount);

    /**
     * @notice The vote cap `max(1, eligibleCount - 1)` moved. Every member holding at least the smaller of the old
     * and the new cap in stake units now has different votes, although no event was emitted for it: an indexer
     * re-reads `getVotes` (or `getPastVotes` at this block's timestamp) of those members' voters.
     * @param cap The new cap (votes).
     * @param eligibleCount The eligible count that sets it.
     */
    event VoteCapChanged(uint256 cap, uint256 eligibleCount);

    /**
     * @notice Governance changed the stake unit (the stake worth one vote).
     * @param previousUnit The former unit.
     * @param newUnit The new unit.
     */
    event StakeUnitUpdated(uint256 previousUnit, uint256 newUnit);

    /**
     * @notice Governance changed the unbonding period for future requests.
     * @param previousPeriod The former period, in seconds.
     * @param newPeriod The new period, in seconds.
     */
    event UnbondingPeriodUpdated(uint256 previousPeriod, uint256 newPeriod);

    /**
     * @notice Governance changed the withdrawal window for future requests.
     * @param previousWindow The former window, in seconds.
     * @param newWindow The new window, in seconds.
     */
    event WithdrawalWindowUpdated(uint256 previousWindow, uint256 newWindow);

    /**
     * @notice Governance recovered assets that were nobody's stake (forced transfers, stray tokens).
     * @param token The asset (zero for the native coin).
     * @param to The recipient.
     * @param amount The amount sent.
     */
    event ExcessRecovered(address indexed token, address indexed to, uint256 amount);

    /// @notice Amount must be greater than zero.
    error StakeVaultZeroAmount();
    /// @notice A zero address where one is not allowed.
    error StakeVaultZeroAddress();
    /// @notice Funds may not be sent to the zero address or to the vault itself.
    error StakeVaultInvalidRecipient(address to);
    /// @notice The registry has not bound this vault yet, so membership changes would not reach it.
    error StakeVaultNotBound();
    /// @notice No record has this id.
    error StakeVaultUnknownMember(uint256 memberId);
    /// @notice New stake is only accepted for candidates and active members.
    error StakeVaultMemberNotStakeable(uint256 memberId, uint8 status);
    /// @notice The caller is not the member's admin.
    error StakeVaultNotMemberAdmin(uint256 memberId, address caller);
    /// @notice The caller is no member's admin.
    error StakeVaultCallerNotAdmin(address caller);
    /// @notice The member's stake is less than the amount.
    error StakeVaultInsufficientStake(uint256 memberId, uint256 requested, uint256 available);
    /// @notice No such unbonding request.
    error StakeVaultUnknownRequest(uint256 memberId, uint256 requestId);
    /// @notice The request was already withdrawn or re-staked.
    error StakeVaultRequestSettled(uint256 memberId, uint256 requestId);
    /// @notice The request is still unbonding.
    error StakeVaultRequestLocked(uint256 memberId, uint256 requestId, uint48 unlocksAt);
    /// @notice The withdrawal window passed; re-stake the request and ask again.
    error StakeVaultRequestExpired(uint256 memberId, uint256 requestId, uint48 expiresAt);
    /// @notice In native mode msg.value must equal the amount; in ERC-20 mode it must be zero.
    error StakeVaultWrongValue(uint256 expected, uint256 sent);
    /// @notice Voting power follows the registry's voter account and cannot be delegated.
    error StakeVaultDelegationFixed();
    /// @notice Only the council registry may report membership changes.
    error StakeVaultOnlyRegistry(address caller);
    /// @notice The stake unit must be greater than zero.
    error StakeVaultInvalidStakeUnit(uint256 unit);
    /// @notice A period outside its bounds (seconds).
    error StakeVaultInvalidPeriod(uint256 value, uint256 min, uint256 max);
    /// @notice There is nothing to recover for this asset.
    error StakeVaultNothingToRecover(address token);
    /// @notice Only the deployer may bind the governor, exactly once.
    error StakeVaultGovernorBindingClosed();
    /// @notice Only the bound governor may do this.
    error StakeVaultOnlyGovernor(address caller);
    /// @notice The member's stake is frozen until `until` (a no-confidence motion against it awaits its snapshot).
    error StakeVaultStakeFrozen(uint256 memberId, uint256 until);
    /// @notice A contract address was expected, but the account has no code.
    error StakeVaultNotAContract(address account);
    /// @notice The change would leave fewer eligible members than the council's minimum size.
    error StakeVaultTooFewEligible(uint256 eligible, uint256 minMembers);

    /**
     * @notice The governor was bound: it may freeze a no-confidence target's stake.
     * @param governor The governor.
     */
    event GovernorBound(address indexed governor);

    /**
     * @notice A member's stake is frozen: it can neither grow nor be requested back until `until`.
     * @param memberId The member.
     * @param until The last timestamp of the freeze (a no-confidence motion's snapshot).
     */
    event StakeFrozen(uint256 indexed memberId, uint256 until);

    /**
     * @notice Freeze a member's stake until `until` (inclusive): no stake added, requested back or restaked for it.
     * The bound governor only, when it opens a no-confidence motion against the member; a later `until` extends
     * the freeze, an earlier one changes nothing.
     * @param memberId The member.
     * @param until The motion's snapshot (timestamp).
     */
    function freezeStake(uint256 memberId, uint256 until) external;

    /**
     * @notice Called by the registry after any change to a member's status or voter account.
     * @param memberId The member whose record changed.
     */
    function onMemberUpdated(uint256 memberId) external;

    /**
     * @notice The registry this vault reads membership from.
     * @return The registry address.
     */
    function registry() external view returns (address);

    /**
     * @notice A member's bonded stake (counting towards votes).
     * @param memberId The member's id.
     * @return The stake.
     */
    function stakeOf(uint256 memberId) external view returns (uint256);

    /**
     * @notice Stake worth one vote, in the asset's smallest unit.
     * @return The unit.
     */
    function stakeUnit() external view returns (uint256);

    /**
     * @notice Whether a member is eligible now (active, with at least one stake unit).
     * @param memberId The member's id.
     * @return True if eligible.
     */
    function isEligible(uint256 memberId) external view returns (bool);

    /**
     * @notice The number of eligible members now.
     * @return The count.
     */
    function eligibleCount() external view returns (uint256);

    /**
     * @notice The number of eligible members (active, with at least one stake unit) at a past timepoint.
     * @param timepoint A timestamp strictly before `clock()`.
     * @return The count.
     */
    function getPastEligibleCount(uint256 timepoint) external view returns (uint256);

    /**
     * @notice The votes at `timepoint` of the member whose voter `account` is now, when that member is active now;
     * else 0; and the member whose voter `account` is or was (as {memberOfVoter}). One call for a governor: a
     * member that resigned or was removed stops voting at once, a voter account replaced since the snapshot no
     * longer votes for it, and the governor counts the vote against the member.
     * @param account The voter account.
     * @param timepoint A past timestamp (the motion's snapshot).
     * @return votes The votes.
     * @return memberId The member whose voter `account` is or was, or 0.
     */
    function getPastVotesOfCurrentVoter(
        address account,
        uint256 timepoint
    ) external view returns (uint256 votes, uint256 memberId);

    /**
     * @notice The member whose voter account `account` is or was (0 if none): permanent, like the registry's
     * `memberIdOfVoter`, for the members the vault has accounted (every member once it staked).
     * @param account The voter account.
     * @return The member id, or 0.
     */
    function memberOfVoter(address account) external view returns (uint256);

    /**
     * @notice A member's votes at a past timepoint, whichever voter account held them.
     * @param memberId The member id.
     * @param timepoint A timestamp strictly before `clock()`.
     * @return The votes.
     */
    function getPastMemberVotes(uint256 memberId, uint256 timepoint) external view returns (uint256);
}
