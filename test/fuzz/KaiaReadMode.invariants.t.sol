// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {KaiaCouncilInvariants} from "./KaiaCouncilInvariants.sol";

/// @title KaiaReadModeInvariantTest
/// @notice The vote invariants with Kaia's own tracker in place and refreshes by anyone (read mode).
contract KaiaReadModeInvariantTest is KaiaCouncilInvariants {
    function setUp() public {
        _setUp(false);
    }
}
