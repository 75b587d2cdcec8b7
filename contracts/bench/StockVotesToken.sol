// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

/**
 * @title StockVotesToken
 * @notice Benchmark baseline only (never deployed by the deploy modules): a stock OpenZeppelin ERC20Votes token
 * with a timestamp clock, minted freely, as the voting token of {StockGovernor}.
 */
contract StockVotesToken is ERC20, ERC20Permit, ERC20Votes {
    /// @notice Deploys the token.
    constructor() ERC20("Stock Votes", "SVT") ERC20Permit("Stock Votes") {}

    /**
     * @notice Mints `amount` to `to` (benchmark only).
     * @param to Recipient.
     * @param amount Amount.
     */
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /**
     * @notice ERC-6372 clock: timestamps, like the council's vault.
     * @return The current timestamp.
     */
    function clock() public view override returns (uint48) {
        return Time.timestamp();
    }

    // solhint-disable func-name-mixedcase
    /**
     * @notice ERC-6372 clock mode.
     * @return "mode=timestamp".
     */
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }
    // solhint-enable func-name-mixedcase

    /**
     * @notice The next nonce of `owner` (permit and delegation).
     * @param owner The account.
     * @return The nonce.
     */
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
