// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CnStakingMock} from "./CnStakingMock.sol";

/**
 * @title CnStakingV2Mock
 * @notice CnStakingV2's behaviour: the tracker callback is a low-level call whose failure is ignored, so a broken
 * or out-of-gas tracker never blocks the contract (and its record silently goes stale).
 */
contract CnStakingV2Mock is CnStakingMock {
    /// @notice Test knob: gas forwarded to the callback (0: all), to drop a callback as a congested call would.
    uint256 public callbackGas;

    constructor(address admin_, address nodeId_, uint256 gcId_) CnStakingMock(admin_, nodeId_, gcId_) {}

    /**
     * @notice Test knob: limit the gas of the next callbacks.
     * @param gas The gas (0: all).
     */
    function setCallbackGas(uint256 gas) external {
        callbackGas = gas;
    }

    // solhint-disable func-name-mixedcase
    /**
     * @notice The contract's version.
     * @return The version.
     */
    function VERSION() external pure override returns (uint256) {
        return 2;
    }
    // solhint-enable func-name-mixedcase

    function _notifyTracker() internal override {
        if (stakingTracker == address(0)) return;
        uint256 gas = callbackGas == 0 ? gasleft() : callbackGas;
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, ) = stakingTracker.call{gas: gas}(abi.encodeWithSignature("refreshStake(address)", address(this)));
        ok; // V2 ignores the result.
    }
}
