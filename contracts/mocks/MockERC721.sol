// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

/**
 * @title MockERC721
 * @notice Test-only ERC-721 collection with open minting, used to send collectibles to the reserve.
 */
contract MockERC721 is ERC721 {
    /**
     * @notice Deploys the collection.
     * @param name_ Collection name.
     * @param symbol_ Collection symbol.
     */
    constructor(string memory name_, string memory symbol_) ERC721(name_, symbol_) {}

    /**
     * @notice Mints token `id` to `to`, checking that a contract recipient accepts it. Test-only: anyone may mint.
     * @param to Recipient.
     * @param id Token id.
     */
    function safeMint(address to, uint256 id) external {
        _safeMint(to, id);
    }

    /**
     * @notice Mints token `id` to `to` without the receiver check. Test-only: anyone may mint.
     * @param to Recipient.
     * @param id Token id.
     */
    function mint(address to, uint256 id) external {
        _mint(to, id);
    }
}
