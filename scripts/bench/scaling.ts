/**
 * Scaling: for each council size, a fresh chain with our system and the baseline. Every member but the last bonds
 * `size` stake units, so that every member's votes are capped (the cap is max(1, eligible - 1)); the last member
 * then bonds its first unit, crossing the eligibility line: the cap moves and every other member's votes are
 * rewritten (the one operation that loops over members). Then one 1-action motion runs through propose, votes,
 * queue and execute in each system, the baseline's holders having the same weights as the members.
 */
import type { TransactionReceipt } from "ethers";

import { Chain } from "./bench-chain.js";
import type { ScalePoint } from "./results.js";
import {
  STAKE_UNIT,
  callActions,
  castVote,
  deadlineOf,
  deployCouncil,
  deployStock,
  etaOf,
  execute,
  propose,
  queue,
  setValueActions,
  snapshotOf,
} from "./systems.js";

export const SIZES = [10, 25, 50, 100, 200, 255] as const;

export async function measureScale(size: number): Promise<ScalePoint> {
  const chain = await Chain.open();
  try {
    const ours = await deployCouncil(chain, size, (i) => (i < size - 1 ? BigInt(size) : 0n));
    const newcomer = ours.members[size - 1];
    const stakeCrossing = await chain.gas((o) =>
      ours.vault.connect(newcomer.admin).stake(STAKE_UNIT, { ...o, value: STAKE_UNIT }),
    );
    const capped = BigInt(size - 1);
    if (
      (await ours.vault.eligibleCount()) !== BigInt(size) ||
      (await ours.vault.memberVotes(1n)) !== capped
    ) {
      throw new Error(`council of ${size}: the stake did not move the cap to ${capped}`);
    }
    const voters = ours.members.map((m) => m.voter);
    const weight = (i: number): bigint => (i < size - 1 ? capped : 1n);
    const stock = await deployStock(chain, voters, weight);
    const [, , , relayer] = await chain.ethers.getSigners();

    // A first motion by the secretariat writes the sequential id counter (as in steady operation), then member 1
    // proposes.
    const timelock = await ours.timelock.getAddress();
    await propose(chain, ours, ours.secretariat, callActions(timelock, ["0x"], "Signal: adopt the roadmap"));
    const a = await setValueActions(ours, 1, "Set the value (1 action)");
    const b = await setValueActions(stock, 1, "Set the value (1 action)");
    const p = await propose(chain, ours, voters[0], a);
    const q = await propose(chain, stock, voters[0], b);
    chain.travelTo(max(await snapshotOf(ours, p.id), await snapshotOf(stock, q.id)) + 1n);

    // Members 2, 3, … vote For, each with `capped` votes.
    const oursFirst = await gasOf(castVote(chain, ours, p.id, voters[1]));
    const stockFirst = await gasOf(castVote(chain, stock, q.id, voters[1]));
    const [memberQuorum, voteQuorum] = await ours.council.proposalQuorum(p.id);
    const oursAt = min(memberQuorum, ceilDiv(voteQuorum, capped));
    const stockQuorum = await stock.governor.quorum(await snapshotOf(stock, q.id));
    const stockAt = ceilDiv(stockQuorum, capped * 10n ** 18n);
    let oursQuorum = 0n;
    for (let i = 2; i <= Number(oursAt); i++)
      oursQuorum = await gasOf(castVote(chain, ours, p.id, voters[i]));
    for (let i = 2; i <= Number(stockAt); i++) await castVote(chain, stock, q.id, voters[i]);
    const oursAfter = await gasOf(castVote(chain, ours, p.id, voters[Number(oursAt) + 1]));
    const stockAfter = await gasOf(castVote(chain, stock, q.id, voters[Number(stockAt) + 1]));
    if (oursAt < 2n) throw new Error(`council of ${size}: quorum at the first vote`);

    chain.travelTo(max(await deadlineOf(ours, p.id), await deadlineOf(stock, q.id)) + 1n);
    const oursQueue = await gasOf(queue(chain, ours, a));
    const stockQueue = await gasOf(queue(chain, stock, b));
    chain.travelTo(max(await etaOf(ours, p.id), await etaOf(stock, q.id)));
    const oursExecute = await gasOf(execute(chain, ours, a, relayer));
    const stockExecute = await gasOf(execute(chain, stock, b, relayer));

    return {
      size,
      registryDeployGas: Number(ours.registryDeployGas),
      registryInitCodeBytes: ours.registryInitCodeBytes,
      stakeCrossing: Number(stakeCrossing),
      propose: Number(p.receipt.gasUsed),
      castVoteFirst: Number(oursFirst),
      castVoteQuorum: Number(oursQuorum),
      castVoteAfterQuorum: Number(oursAfter),
      queue: Number(oursQueue),
      execute: Number(oursExecute),
      baseline: {
        propose: Number(q.receipt.gasUsed),
        castVoteFirst: Number(stockFirst),
        castVoteAfterQuorum: Number(stockAfter),
        queue: Number(stockQueue),
        execute: Number(stockExecute),
      },
    };
  } finally {
    await chain.close();
  }
}

async function gasOf(receipt: Promise<TransactionReceipt>): Promise<bigint> {
  return (await receipt).gasUsed;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
