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

/// @notice An invariant handler: it lists the actions the invariant runner may call on it.
interface IInvariantHandler {
    function actions() external view returns (bytes4[] memory);
}

/**
 * @title InvariantTargets
 * @notice The invariant runner's targets for a suite: its handlers, each with the actions it lists.
 */
abstract contract InvariantTargets is TestBase {
    function targetContracts() public view returns (address[] memory targets) {
        IInvariantHandler[] memory handlers = _handlers();
        targets = new address[](handlers.length);
        for (uint256 i = 0; i < handlers.length; ++i) targets[i] = address(handlers[i]);
    }

    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        IInvariantHandler[] memory handlers = _handlers();
        targets = new FuzzSelector[](handlers.length);
        for (uint256 i = 0; i < handlers.length; ++i) {
            targets[i] = FuzzSelector({addr: address(handlers[i]), selectors: handlers[i].actions()});
        }
    }

    /// @dev The suite's handlers.
    function _handlers() internal view virtual returns (IInvariantHandler[] memory);

    /// @dev A suite with one handler.
    function _only(address handler) internal pure returns (IInvariantHandler[] memory handlers) {
        handlers = new IInvariantHandler[](1);
        handlers[0] = IInvariantHandler(handler);
    }
}
