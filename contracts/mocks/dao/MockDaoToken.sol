// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/**
 * @title MockDaoToken
 * @notice Test-only governance token of a DAO that sits on the council: ERC20Votes on a timestamp clock (as the
 * council's), the whole supply minted to the holders given at deployment.
 */
contract MockDaoToken is ERC20, ERC20Permit, ERC20Votes {
    /**
     * @notice Deploys the token and mints `amount` to each holder.
     * @param holders The initial holders.
     * @param amount Tokens per holder.
     */
    constructor(address[] memory holders, uint256 amount) ERC20("DAO Token", "DAO") ERC20Permit("DAO Token") {
        for (uint256 i = 0; i < holders.length; ++i) _mint(holders[i], amount);
    }

    /**
     * @notice The clock: block timestamps.
     * @return The current timestamp.
     */
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    // solhint-disable func-name-mixedcase
    /**
     * @notice The clock mode (ERC-6372).
     * @return "mode=timestamp".
     */
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }
    // solhint-enable func-name-mixedcase

    /**
     * @notice ERC-2612 and ERC-5805 nonces.
     * @param owner The account.
     * @return Its nonce.
     */
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
