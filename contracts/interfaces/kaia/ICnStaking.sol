// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title ICnStaking
 * @notice The part of Kaia's CnStaking (V2 and V3) that the council reads: what a contract holds, what is on its
 * way out, the Governance Council member it belongs to and the tracker it reports to.
 */
interface ICnStaking {
    /**
     * @notice Stake in approved withdrawals that have not left yet (excluded from the effective stake).
     * @return The amount, in wei.
     */
    function unstaking() external view returns (uint256);

    /**
     * @notice The Governance Council id that groups one member's staking contracts.
     * @return The id.
     */
    function gcId() external view returns (uint256);

    /**
     * @notice The tracker the contract reports its balance changes to (one slot).
     * @return The tracker.
     */
    function stakingTracker() external view returns (address);

    /**
     * @notice Whether `account` is one of the contract's admins (the keys of its multisig).
     * @param account The account.
     * @return True for an admin.
     */
    function isAdmin(address account) external view returns (bool);
}
