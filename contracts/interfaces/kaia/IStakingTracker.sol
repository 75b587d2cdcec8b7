// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title IStakingTracker
 * @notice What a Kaia CnStaking (V2, V3) calls on the tracker it points at. It accepts a tracker whose
 * `CONTRACT_TYPE()` is "StakingTracker" and whose `VERSION()` is 1; it calls `refreshStake` after each balance
 * change (V2 ignores a failure, V3 reverts with it), `refreshVoter` after a voter change, and before switching to
 * another tracker it calls `refreshStake` then requires `getLiveTrackerIds()` to be empty.
 */
interface IStakingTracker {
    /**
     * @notice A staking contract's balance changed.
     * @param staking The CnStaking.
     */
    function refreshStake(address staking) external;

    /**
     * @notice A staking contract's voter changed.
     * @param staking The CnStaking.
     */
    function refreshVoter(address staking) external;

    // solhint-disable func-name-mixedcase
    /**
     * @notice The tracker's type, checked by CnStaking.
     * @return "StakingTracker".
     */
    function CONTRACT_TYPE() external view returns (string memory);

    /**
     * @notice The tracker's version, checked by CnStaking.
     * @return 1.
     */
    function VERSION() external view returns (uint256);
    // solhint-enable func-name-mixedcase

    /**
     * @notice Trackers still open for a vote; a CnStaking may leave only while there are none.
     * @return The ids.
     */
    function getLiveTrackerIds() external view returns (uint256[] memory);

    /**
     * @notice The node a voter account is taken by (CnStakingV2 checks it before a voter change).
     * @param voter The voter account.
     * @return The node, or zero when the account is free.
     */
    function voterToGCId(address voter) external view returns (address);
}
