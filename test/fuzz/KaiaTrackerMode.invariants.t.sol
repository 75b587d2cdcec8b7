// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {KaiaCouncilInvariants} from "./KaiaCouncilInvariants.sol";

/// @title KaiaTrackerModeInvariantTest
/// @notice The vote invariants with members' CnStaking pointing at the vault (tracker mode).
contract KaiaTrackerModeInvariantTest is KaiaCouncilInvariants {
    function setUp() public {
        _setUp(true);
    }
}
