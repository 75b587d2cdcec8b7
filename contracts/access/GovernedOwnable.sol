// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";

/**
 * @title GovernedOwnable
 * @notice Two-step ownership for contracts owned by the council's timelock, with renouncing disabled.
 * @dev Renouncing would leave the contract's parameters without an owner and brick governance of it, so
 * {renounceOwnership} always reverts. A transfer to a new owner (a new timelock) is two-step: the new owner
 * must call {acceptOwnership}.
 */
abstract contract GovernedOwnable is Ownable2Step {
    /// @notice Ownership can never be renounced: governance would lose control of the contract.
    error GovernedOwnableRenounceDisabled();

    /**
     * @notice Sets the first owner.
     * @param initialOwner The owner, normally the council's timelock.
     */
    constructor(address initialOwner) Ownable(initialOwner) {}

    /**
     * @notice Always reverts: a governed contract must keep an owner.
     */
    function renounceOwnership() public view override onlyOwner {
        revert GovernedOwnableRenounceDisabled();
    }
}
