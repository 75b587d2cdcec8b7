// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";

/**
 * @title MockERC1155
 * @notice Test-only ERC-1155 collection with open minting, used to send collectibles to the reserve.
 */
contract MockERC1155 is ERC1155 {
    /**
     * @notice Deploys the collection.
     * @param uri_ Metadata URI template.
     */
    constructor(string memory uri_) ERC1155(uri_) {}

    /**
     * @notice Mints `amount` of token `id` to `to`, checking that a contract recipient accepts it. Test-only:
     * anyone may mint.
     * @param to Recipient.
     * @param id Token id.
     * @param amount Amount.
     */
    function mint(address to, uint256 id, uint256 amount) external {
        _mint(to, id, amount, "");
    }
}
