// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title Vm
 * @notice The few cheatcodes of Hardhat 3's Solidity test runner (EDR, Foundry-compatible) that these tests use.
 * forge-std is not on npm, so the project declares the interface itself.
 */
interface Vm {
    function warp(uint256 newTimestamp) external;
    function roll(uint256 newHeight) external;
    function deal(address account, uint256 newBalance) external;
    function prank(address msgSender) external;
    function startPrank(address msgSender) external;
    function stopPrank() external;
    function expectRevert(bytes calldata revertData) external;
    function expectRevert(bytes4 revertData) external;
    function assume(bool condition) external pure;
    function addr(uint256 privateKey) external pure returns (address);
    function label(address account, string calldata newLabel) external;
    function getCode(string calldata artifactPath) external view returns (bytes memory creationBytecode);
}

/**
 * @title TestBase
 * @notice Cheatcode handle, assertions and input bounding shared by the Solidity tests.
 */
abstract contract TestBase {
    /// @notice The cheatcode address used by Foundry and Hardhat 3.
    Vm internal constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    error AssertionFailed(string what, uint256 left, uint256 right);

    /// @notice Target selectors for invariant runs, as the runner expects them.
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    function assertEq(uint256 left, uint256 right, string memory what) internal pure {
        if (left != right) revert AssertionFailed(what, left, right);
    }

    function assertLe(uint256 left, uint256 right, string memory what) internal pure {
        if (left > right) revert AssertionFailed(what, left, right);
    }

    function assertTrue(bool condition, string memory what) internal pure {
        if (!condition) revert AssertionFailed(what, 0, 1);
    }

    /// @notice Maps any `x` into [min, max] (inclusive) without rejecting inputs.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (max <= min) return min;
        return min + (x % (max - min + 1));
    }
}
