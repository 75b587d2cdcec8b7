// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {StockGovernor} from "../../bench/StockGovernor.sol";

/**
 * @title MockDaoGovernor
 * @notice Test-only DAO that is a council member: the stock OpenZeppelin Governor of the benchmark (settings, simple
 * counting, token votes, quorum fraction, timelock control) with its own voting delay and period. Its
 * TimelockController executes its decisions, so the timelock is the account that acts for the DAO.
 */
contract MockDaoGovernor is StockGovernor {
    /**
     * @notice Deploys the DAO's governor.
     * @param token The DAO's votes token.
     * @param timelock_ The DAO's timelock.
     * @param delay Voting delay, in the token's clock units.
     * @param period Voting period, in the token's clock units.
     */
    constructor(
        IVotes token,
        TimelockController timelock_,
        uint48 delay,
        uint32 period
    ) StockGovernor(token, timelock_) {
        _setVotingDelay(delay);
        _setVotingPeriod(period);
    }
}
