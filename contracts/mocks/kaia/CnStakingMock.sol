// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IStakingTracker} from "../../interfaces/kaia/IStakingTracker.sol";

/**
 * @title CnStakingMock
 * @notice Test double of Kaia's CnStaking, written from its documented interface: one admin instead of a multisig,
 * the same public functions for stake, withdrawal requests, tracker and voter, and the tracker callbacks at the
 * same moments. V2 and V3 differ only in how a failed `refreshStake` callback is treated ({_notifyTracker}).
 */
abstract contract CnStakingMock {
    /// @notice One approved withdrawal: `value` to `to`, withdrawable in [withdrawableFrom, withdrawableFrom + lockup).
    struct Withdrawal {
        address to;
        uint256 value;
        uint256 withdrawableFrom;
        uint8 state; // 0 pending, 1 transferred, 2 canceled
    }

    /// @notice Delay before an approved withdrawal can leave (Kaia: 7 days).
    uint256 public constant STAKE_LOCKUP = 7 days;

    address private immutable _ADMIN;
    address private immutable _NODE_ID;
    /// @notice The Governance Council id that groups one member's contracts.
    uint256 public gcId;
    /// @notice The tracker told of balance changes.
    address public stakingTracker;
    /// @notice The voter account recorded in the contract.
    address public voterAddress;
    /// @notice Whether the initial lockup was deposited.
    bool public isInitialized;
    /// @notice Free stake (wei).
    uint256 public staking;
    /// @notice Stake in approved withdrawals not yet taken out (wei).
    uint256 public unstaking;
    Withdrawal[] private _withdrawals;

    /**
     * @notice Free stake was added.
     * @param from The sender.
     * @param value The amount.
     */
    event StakeKlay(address from, uint256 value);
    /**
     * @notice A withdrawal was approved.
     * @param id Its id.
     * @param to The recipient.
     * @param value The amount.
     * @param withdrawableFrom When it can be taken out.
     */
    event ApproveStakingWithdrawal(uint256 id, address to, uint256 value, uint256 withdrawableFrom);
    /**
     * @notice An approved withdrawal was taken out.
     * @param id Its id.
     * @param to The recipient.
     * @param value The amount.
     */
    event WithdrawApprovedStaking(uint256 id, address to, uint256 value);
    /**
     * @notice An approved withdrawal was canceled (or expired).
     * @param id Its id.
     * @param to The recipient.
     * @param value The amount.
     */
    event CancelApprovedStakingWithdrawal(uint256 id, address to, uint256 value);
    /**
     * @notice The tracker changed.
     * @param stakingTracker The new tracker.
     */
    event UpdateStakingTracker(address stakingTracker);
    /**
     * @notice The voter changed.
     * @param voterAddress The new voter.
     */
    event UpdateVoterAddress(address voterAddress);

    /// @notice Only the admin (the multisig's stand-in) may do this.
    error CnStakingMockOnlyAdmin();
    /// @notice The call is not valid in this state (Kaia reverts with a message here).
    error CnStakingMockInvalid();

    modifier onlyAdmin() {
        if (msg.sender != _ADMIN) revert CnStakingMockOnlyAdmin();
        _;
    }

    constructor(address admin_, address nodeId_, uint256 gcId_) {
        _ADMIN = admin_;
        _NODE_ID = nodeId_;
        gcId = gcId_;
    }

    /**
     * @notice Before initialization: choose the tracker (checked like any tracker).
     * @param tracker The tracker.
     */
    function setStakingTracker(address tracker) external onlyAdmin {
        if (isInitialized || !_validTracker(tracker)) revert CnStakingMockInvalid();
        stakingTracker = tracker;
    }

    /// @notice The initial lockup deposit: initializes the contract and, as in Kaia, calls no tracker.
    function depositLockupStakingAndInit() external payable onlyAdmin {
        if (isInitialized) revert CnStakingMockInvalid();
        isInitialized = true;
    }

    /// @notice Add free stake; the tracker is told.
    function stakeKlay() public payable {
        if (!isInitialized || msg.value == 0) revert CnStakingMockInvalid();
        staking += msg.value;
        _notifyTracker();
        emit StakeKlay(msg.sender, msg.value);
    }

    /// @notice Plain coin sent here is staked, as with {stakeKlay}.
    receive() external payable {
        stakeKlay();
    }

    /**
     * @notice Approve a withdrawal (the multisig's step): unstaking grows now; the tracker is told.
     * @param to The recipient.
     * @param value The amount.
     * @return id The withdrawal's id.
     */
    function approveStakingWithdrawal(address to, uint256 value) external onlyAdmin returns (uint256 id) {
        if (value == 0 || unstaking + value > staking) revert CnStakingMockInvalid();
        id = _withdrawals.length;
        _withdrawals.push(Withdrawal(to, value, block.timestamp + STAKE_LOCKUP, 0));
        unstaking += value;
        _notifyTracker();
        emit ApproveStakingWithdrawal(id, to, value, block.timestamp + STAKE_LOCKUP);
    }

    /**
     * @notice Cancel an approved withdrawal: unstaking shrinks; the tracker is told.
     * @param id The withdrawal's id.
     */
    function cancelApprovedStakingWithdrawal(uint256 id) external onlyAdmin {
        Withdrawal storage w = _withdrawals[id];
        if (w.state != 0) revert CnStakingMockInvalid();
        w.state = 2;
        unstaking -= w.value;
        _notifyTracker();
        emit CancelApprovedStakingWithdrawal(id, w.to, w.value);
    }

    /**
     * @notice Take out an approved withdrawal after the lockup (or cancel it once expired); the tracker is told.
     * @param id The withdrawal's id.
     */
    function withdrawApprovedStaking(uint256 id) external onlyAdmin {
        Withdrawal storage w = _withdrawals[id];
        if (w.state != 0 || block.timestamp < w.withdrawableFrom) revert CnStakingMockInvalid();
        unstaking -= w.value;
        if (block.timestamp >= w.withdrawableFrom + STAKE_LOCKUP) {
            w.state = 2;
            _notifyTracker();
            emit CancelApprovedStakingWithdrawal(id, w.to, w.value);
            return;
        }
        w.state = 1;
        staking -= w.value;
        (bool sent, ) = w.to.call{value: w.value}("");
        if (!sent) revert CnStakingMockInvalid();
        _notifyTracker();
        emit WithdrawApprovedStaking(id, w.to, w.value);
    }

    /**
     * @notice Switch trackers: the old one is refreshed first and must have no live tracker.
     * @param tracker The new tracker.
     */
    function updateStakingTracker(address tracker) external onlyAdmin {
        if (!_validTracker(tracker)) revert CnStakingMockInvalid();
        address old = stakingTracker;
        if (old != address(0)) {
            IStakingTracker(old).refreshStake(address(this));
            if (IStakingTracker(old).getLiveTrackerIds().length != 0) revert CnStakingMockInvalid();
        }
        stakingTracker = tracker;
        emit UpdateStakingTracker(tracker);
    }

    /**
     * @notice Change the voter; the tracker's refreshVoter is called directly.
     * @param voter The new voter.
     */
    function updateVoterAddress(address voter) external onlyAdmin {
        voterAddress = voter;
        if (stakingTracker != address(0)) IStakingTracker(stakingTracker).refreshVoter(address(this));
        emit UpdateVoterAddress(voter);
    }

    /**
     * @notice Test knob: set the gcId.
     * @param gcId_ The id.
     */
    function setGCId(uint256 gcId_) external onlyAdmin {
        gcId = gcId_;
    }

    /**
     * @notice The admin (a multisig in Kaia).
     * @return The admin.
     */
    function admin() external view returns (address) {
        return _ADMIN;
    }

    /**
     * @notice Whether `account` is an admin (the mock's multisig has one key).
     * @param account The account.
     * @return True for the admin.
     */
    function isAdmin(address account) external view returns (bool) {
        return account == _ADMIN;
    }

    /**
     * @notice The consensus node this contract stakes for.
     * @return The node.
     */
    function nodeId() external view returns (address) {
        return _NODE_ID;
    }

    // solhint-disable func-name-mixedcase
    /**
     * @notice The contract's version.
     * @return 2 or 3.
     */
    function VERSION() external pure virtual returns (uint256);

    /**
     * @notice The contract's type.
     * @return "CnStakingContract".
     */
    function CONTRACT_TYPE() external pure returns (string memory) {
        return "CnStakingContract";
    }
    // solhint-enable func-name-mixedcase

    /// @dev Calls the tracker's refreshStake after a balance change.
    function _notifyTracker() internal virtual;

    function _validTracker(address tracker) private view returns (bool) {
        return
            tracker.code.length > 0 &&
            keccak256(bytes(IStakingTracker(tracker).CONTRACT_TYPE())) == keccak256("StakingTracker") &&
            IStakingTracker(tracker).VERSION() == 1;
    }
}
