// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/**
 * @title FeeOnTransferERC20
 * @notice Test-only ERC-20 with open minting that burns a 1% fee, rounded up, on every transfer (not on mint or
 * burn), so the recipient receives less than the amount sent. A transfer of 1 unit delivers nothing.
 */
contract FeeOnTransferERC20 is ERC20 {
    /// @notice The fee, in percent of the amount transferred.
    uint256 public constant FEE_PERCENT = 1;

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

    /**
     * @notice The fee burned when `amount` is transferred.
     * @param amount The amount sent.
     * @return The fee: 1% of `amount`, rounded up.
     */
    function feeOf(uint256 amount) public pure returns (uint256) {
        return Math.ceilDiv(amount * FEE_PERCENT, 100);
    }

    /// @dev Burns the fee from the sender, then moves the rest.
    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) {
            super._update(from, to, value);
            return;
        }
        uint256 fee = feeOf(value);
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}
