/**
 * A DAO that sits on the council, for tests: a stock OpenZeppelin Governor with its own ERC20Votes token (the
 * benchmark's StockGovernor and StockVotesToken, with the DAO's own timing: contracts/mocks/dao) and TimelockController, and a helper that runs one of its proposals
 * through its whole process (propose → its voting delay → holders vote → its period → queue → its timelock → execute).
 */
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";
import { id as ethersId } from "ethers";

import type { MockDaoGovernor, StockVotesToken, TimelockController } from "../../typechain-types/index.js";

export interface Dao {
  token: StockVotesToken;
  governor: MockDaoGovernor;
  /** The DAO's timelock: it executes the DAO's decisions, so it is the account that acts for the DAO. */
  timelock: TimelockController;
  holders: HardhatEthersSigner[];
}

export interface DaoTiming {
  /** Seconds. */
  votingDelay: bigint;
  votingPeriod: bigint;
  timelockDelay: bigint;
}

/** Deploys a DAO whose `holders` hold and self-delegate 100 tokens each; anyone may execute its queued decisions. */
export async function deployDao(
  ethers: HardhatEthers,
  holders: HardhatEthersSigner[],
  timing: DaoTiming,
): Promise<Dao> {
  const [deployer] = await ethers.getSigners();
  const token = await ethers.deployContract("StockVotesToken");
  for (const h of holders) {
    await token.mint(h.address, ethers.parseEther("100"));
    await token.connect(h).delegate(h.address);
  }
  const timelock = await ethers.deployContract("TimelockController", [
    timing.timelockDelay,
    [],
    [ethers.ZeroAddress],
    deployer.address,
  ]);
  const governor = await ethers.deployContract("MockDaoGovernor", [
    await token.getAddress(),
    await timelock.getAddress(),
    timing.votingDelay,
    timing.votingPeriod,
  ]);
  const governorAddress = await governor.getAddress();
  await timelock.grantRole(await timelock.PROPOSER_ROLE(), governorAddress);
  await timelock.grantRole(await timelock.CANCELLER_ROLE(), governorAddress);
  await timelock.renounceRole(await timelock.DEFAULT_ADMIN_ROLE(), deployer.address);
  return { token, governor, timelock, holders };
}

/**
 * Runs one DAO decision through its governor and timelock, starting now, and executes it in the block at its ETA
 * (or at `executeAt`, a timestamp, if later). Returns the DAO's proposal id and the execution transaction.
 */
export async function daoDecide(
  dao: Dao,
  networkHelpers: NetworkHelpers,
  action: { target: string; data: string; description: string },
  executeAt = 0n,
) {
  const targets = [action.target];
  const values = [0n];
  const calldatas = [action.data];
  const descriptionHash = ethersId(action.description);
  const governor = dao.governor.connect(dao.holders[0]);
  await governor.propose(targets, values, calldatas, action.description);
  const id = await dao.governor.getProposalId(targets, values, calldatas, descriptionHash);
  await networkHelpers.time.increaseTo((await dao.governor.proposalSnapshot(id)) + 1n);
  for (const h of dao.holders) await dao.governor.connect(h).castVote(id, 1);
  await networkHelpers.time.increaseTo((await dao.governor.proposalDeadline(id)) + 1n);
  await governor.queue(targets, values, calldatas, descriptionHash);
  const eta = await dao.governor.proposalEta(id);
  await networkHelpers.time.setNextBlockTimestamp(eta > executeAt ? eta : executeAt);
  return { proposalId: id, tx: await governor.execute(targets, values, calldatas, descriptionHash) };
}
