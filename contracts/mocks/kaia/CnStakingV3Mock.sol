// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CnStakingMock} from "./CnStakingMock.sol";

/**
 * @title CnStakingV3Mock
 * @notice CnStakingV3's behaviour: the tracker callback must succeed, so a tracker that reverts blocks the
 * contract's staking and withdrawals.
 */
contract CnStakingV3Mock is CnStakingMock {
    /// @notice The tracker's refreshStake failed, so V3 reverts.
    error CnStakingMockTrackerFailed();

    constructor(address admin_, address nodeId_, uint256 gcId_) CnStakingMock(admin_, nodeId_, gcId_) {}

    // solhint-disable func-name-mixedcase
    /**
     * @notice The contract's version.
     * @return The version.
     */
    function VERSION() external pure override returns (uint256) {
        return 3;
    }
    // solhint-enable func-name-mixedcase

    function _notifyTracker() internal override {
        if (stakingTracker == address(0)) return;
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, ) = stakingTracker.call(abi.encodeWithSignature("refreshStake(address)", address(this)));
        if (!ok) revert CnStakingMockTrackerFailed();
    }
}
