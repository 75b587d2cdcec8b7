// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {StakeVault} from "../council/StakeVault.sol";
import {GovernorMembershipMotions} from "../governance/extensions/GovernorMembershipMotions.sol";
import {ICommunityLocks} from "../interfaces/ICommunityLocks.sol";

/**
 * @title CommunityLocks
 * @notice Locks of the council's stake asset on one side of a question, keyed by the question's id, paid back exactly
 * once. Shared by the petitions and the veto contracts.
 * @dev The asset is the native coin (zero address) or an ERC-20 (what arrives is what counts, so a fee-on-transfer
 * token is safe). An account locks on one side of a question only; further locks top up that side. The inheriting
 * contract decides when locks are taken and when they may be withdrawn, and keeps its own tallies. Withdrawal marks
 * the lock before paying (checks-effects-interactions, plus OpenZeppelin's ReentrancyGuard on every entry point).
 */
abstract contract CommunityLocks is ICommunityLocks, ReentrancyGuard {
    using SafeERC20 for IERC20;

    GovernorMembershipMotions private immutable _GOVERNOR;
    IERC20 private immutable _TOKEN;

    mapping(uint256 id => mapping(address account => Lock)) private _locks;

    /**
     * @notice Binds the council's governor and takes its vault's stake asset.
     * @param governor_ The council's governor.
     */
    constructor(GovernorMembershipMotions governor_) {
        if (address(governor_).code.length == 0) revert CommunityLocksNotAContract(address(governor_));
        _GOVERNOR = governor_;
        _TOKEN = IERC20(StakeVault(payable(address(governor_.stakeVault()))).stakeToken());
    }

    /// @inheritdoc ICommunityLocks
    function governor() external view returns (address) {
        return address(_GOVERNOR);
    }

    /// @inheritdoc ICommunityLocks
    function asset() public view returns (address) {
        return address(_TOKEN);
    }

    /// @dev The council's governor.
    function _governor() internal view returns (GovernorMembershipMotions) {
        return _GOVERNOR;
    }

    /// @dev Takes `amount` from the caller onto `id`'s side `support`; returns what arrived.
    function _lock(uint256 id, bool support, uint256 amount) internal returns (uint256 received) {
        Lock storage entry = _locks[id][msg.sender];
        if (entry.amount != 0 && entry.support != support) revert CommunityLocksSideConflict(id, msg.sender);
        received = _receive(amount);
        entry.amount += received;
        entry.support = support;
    }

    /// @dev Pays the caller back exactly its lock on `id`, once.
    function _withdraw(uint256 id) internal {
        Lock storage entry = _locks[id][msg.sender];
        if (entry.amount == 0 || entry.withdrawn) revert CommunityLocksNothingToWithdraw(id, msg.sender);
        entry.withdrawn = true;
        emit Withdrawn(id, msg.sender, entry.amount);
        _send(msg.sender, entry.amount);
    }

    /// @dev An account's lock on `id`.
    function _lockOf(uint256 id, address account) internal view returns (Lock memory) {
        return _locks[id][account];
    }

    /// @dev Takes `amount` from the caller; returns what arrived (an ERC-20 may charge a fee).
    function _receive(uint256 amount) internal returns (uint256 received) {
        if (amount == 0) revert CommunityLocksZeroAmount();
        if (address(_TOKEN) == address(0)) {
            if (msg.value != amount) revert CommunityLocksWrongValue(amount, msg.value);
            return amount;
        }
        if (msg.value != 0) revert CommunityLocksWrongValue(0, msg.value);
        uint256 before = _TOKEN.balanceOf(address(this));
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
        received = _TOKEN.balanceOf(address(this)) - before;
        if (received == 0) revert CommunityLocksZeroAmount();
    }

    /// @dev Sends `amount` of the asset to `to`.
    function _send(address to, uint256 amount) internal {
        if (address(_TOKEN) == address(0)) {
            Address.sendValue(payable(to), amount);
        } else {
            _TOKEN.safeTransfer(to, amount);
        }
    }
}
