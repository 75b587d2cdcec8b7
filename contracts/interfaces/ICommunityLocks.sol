// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title ICommunityLocks
 * @notice What the community contracts share: holders lock the council's stake asset on one side of a question (a
 * petition, a veto campaign), and take exactly that lock back once the question closes.
 */
interface ICommunityLocks {
    /// @notice One account's lock on one question: the amount, its side, and whether it was withdrawn.
    struct Lock {
        uint256 amount;
        bool support;
        bool withdrawn;
    }

    /**
     * @notice Coin was locked on a question.
     * @param id The petition or the motion.
     * @param account The locker.
     * @param support True for support, false for opposition.
     * @param amount The amount received.
     * @param newTotal The side's new total.
     */
    event Locked(uint256 indexed id, address indexed account, bool support, uint256 amount, uint256 newTotal);

    /**
     * @notice A locker took its lock back after the question closed.
     * @param id The petition or the motion.
     * @param account The locker.
     * @param amount The amount returned.
     */
    event Withdrawn(uint256 indexed id, address indexed account, uint256 amount);

    /// @notice A zero amount, or a token transfer that delivered nothing.
    error CommunityLocksZeroAmount();
    /// @notice The native coin sent differs from what was expected.
    error CommunityLocksWrongValue(uint256 expected, uint256 sent);
    /// @notice The account already locked on the other side of this question.
    error CommunityLocksSideConflict(uint256 id, address account);
    /// @notice The account has nothing (left) to withdraw from this question.
    error CommunityLocksNothingToWithdraw(uint256 id, address account);
    /// @notice A contract address was expected (the governor), but the account has no code.
    error CommunityLocksNotAContract(address account);

    /**
     * @notice The asset locked: the vault's stake token (the zero address for the native coin).
     * @return The token.
     */
    function asset() external view returns (address);

    /**
     * @notice The council's governor, whose membership motions the community petitions or vetoes.
     * @return The governor.
     */
    function governor() external view returns (address);
}
