// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {ICouncilGovernorViews} from "./ICouncilGovernorViews.sol";
import {IGovernorVoteExtension} from "./IGovernorVoteExtension.sol";
import {IStakeVault} from "./IStakeVault.sol";

/**
 * @title IExtendableGovernor
 * @notice The council governor as the vote-extension contract sees it: IGovernor, the council's views, the
 * extension entry point and the vault it reads votes from.
 */
interface IExtendableGovernor is IGovernor, ICouncilGovernorViews, IGovernorVoteExtension {
    /**
     * @notice The vault the governor reads votes from.
     * @return The vault.
     */
    function stakeVault() external view returns (IStakeVault);
}
