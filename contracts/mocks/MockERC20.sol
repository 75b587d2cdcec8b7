// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/**
 * @title MockERC20
 * @notice Test-only ERC-20 with open minting, standing in for a wrapped native coin in ERC-20 mode.
 */
contract MockERC20 is ERC20 {
    /**
     * @notice Deploys the token.
     * @param name_ Token name.
     * @param symbol_ Token symbol.
     */
    constructor(string memory name_, string memory symbol_) ERC20(name_, symbol_) {}

    /**
     * @notice Mints `amount` to `to`. Test-only: anyone may mint.
     * @param to Recipient.
     * @param amount Amount.
     */
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
