/**
 * Scaling: for each council size and each stake mode (bonded, Kaia tracker, Kaia read), a fresh chain with our
 * system. The council is deployed with `size − 1` members (the registry's bootstrap, in batches): every member but
 * the last holds `size` stake units, so that every member's votes are capped (the cap is max(1, eligible − 1)); the
 * last holds none. Then:
 * 1. admit: a candidate holding `size` units is admitted by an Admission motion (the council reaches `size`
 *    members; the candidate is staked, so the eligible count and the cap rise by one). In the Kaia modes the
 *    candidate links its own CnStaking through the AddressBook (`linkStakingByAddressBook`, sent by one of the
 *    CnStaking's admins, through the node it applied with);
 * 2. stake crossing: the member holding nothing reaches its first unit (bonded: `stake`; Kaia tracker: its
 *    CnStaking's `stakeKlay`, whose callback refreshes our vault; Kaia read: `stakeKlay`, then anyone's
 *    `refreshStake`, the measured transaction), so the cap moves again;
 * 3. one 1-action motion runs through propose, votes (first, reaching quorum, after quorum), queue and execute,
 *    side by side with the stock baseline (bonded mode only: the baseline's holders hold the members' weights, and
 *    its figures serve the Kaia modes too);
 * 4. refresh (Kaia modes): a capped member's CnStaking gains a unit, V3 then V2 (tracker: the `stakeKlay` with its
 *    callback; read: the `refreshStake` call after it).
 * Every transaction of the run, setup included, is checked against EIP-7825's cap by the chain (bench-chain.ts).
 */
import type { Signer, TransactionReceipt, Wallet } from "ethers";

import { nodeAddress } from "../../test/utils/council.js";
import { Chain } from "./bench-chain.js";
import type { ScalePoint, StakeMode } from "./results.js";
import {
  STAKE_UNIT,
  bootstrapRegistry,
  castVote,
  deadlineOf,
  deployCnStaking,
  deployCouncil,
  deployStock,
  etaOf,
  execute,
  memberAccounts,
  propose,
  queue,
  setValueActions,
  snapshotOf,
} from "./systems.js";
import type { Actions, Council } from "./systems.js";

export const SIZES = [10, 25, 50, 100, 200, 255] as const;

/** OpenZeppelin's ProposalState.Queued. */
const QUEUED = 5n;

/**
 * Measures one council size in one stake mode. `baseline` is the bonded run's baseline at the same size (required
 * in the Kaia modes, which do not deploy the stock governor); the bonded run measures its own.
 */
export async function measureScale(
  size: number,
  mode: StakeMode,
  baseline: ScalePoint["baseline"] | null,
): Promise<ScalePoint> {
  if (mode !== "bonded" && baseline === null) throw new Error(`${mode}: the bonded run's baseline is needed`);
  const chain = await Chain.open();
  try {
    const initial = size - 1;
    const crosser = initial - 1;
    // The crossing member (the last bootstrapped one) and member 1 use V3, member 2 V2, the others alternate.
    const ours = await deployCouncil(
      chain,
      initial,
      (i) => (i < crosser ? BigInt(size) : 0n),
      mode,
      (i) => (i === crosser || i % 2 === 0 ? 3 : 2),
    );
    // The registry of a council deployed with all `size` members (the bootstrap in batches), deployed alone on
    // the same chain: the council above starts one member short, to admit one.
    chain.resetLargest();
    const everyone = [...ours.members, await memberAccounts(chain, initial, BigInt(size))];
    const full = await bootstrapRegistry(chain, await ours.timelock.getAddress(), everyone);
    const deploymentGas = max(ours.deploymentGas, chain.largestGas);
    const [, , , relayer] = await chain.ethers.getSigners();
    const eligibleVoters = ours.members.slice(0, crosser).map((m) => m.voter);

    // ---------------------------------------------------------------- admit
    const candidate = everyone[initial];
    const candidateId = BigInt(size);
    const registryAddress = await ours.registry.getAddress();
    // The candidate applies with its voter account, which accepts the nomination.
    const apply = async (): Promise<void> => {
      await chain.send((o) =>
        ours.registry
          .connect(candidate.admin)
          .applyForMembership(
            `Member ${size}`,
            `https://member${size}.example/gc.json`,
            candidate.voter.address,
            [nodeOf(initial)],
            o,
          ),
      );
      await chain.send((o) => ours.registry.connect(candidate.voter).acceptVoter(candidateId, o));
    };
    const amount = BigInt(size) * STAKE_UNIT;
    if (ours.kaia === null) {
      await apply();
      await chain.send((o) => ours.vault.connect(candidate.admin).stake(amount, { ...o, value: amount }));
    } else {
      // The candidate applies, then links its own CnStaking: one of the CnStaking's admins (here the candidate's
      // admin key) sends the link, through the node the candidate applied with.
      const k = ours.kaia;
      await apply();
      const cn = await deployCnStaking(chain, mode, k.vault, k.book, initial, candidate.admin, amount, 2);
      const cnAddress = await cn.getAddress();
      await chain.send((o) =>
        k.vault.connect(candidate.admin).linkStakingByAddressBook(candidateId, nodeOf(initial), cnAddress, o),
      );
    }
    if ((await ours.vault.stakeOf(candidateId)) !== amount)
      throw new Error(`${label(size, mode)}: candidate unstaked`);
    const admission: Actions = {
      targets: [registryAddress],
      values: [0n],
      calldatas: [ours.registry.interface.encodeFunctionData("admit", [candidateId])],
      description: `Admit Member ${size}`,
    };
    await chain.send((o) =>
      ours.council.connect(eligibleVoters[2]).proposeAdmission(candidateId, admission.description, o),
    );
    const admissionId = await ours.governor.getProposalId(
      admission.targets,
      admission.values,
      admission.calldatas,
      chain.ethers.id(admission.description),
    );
    await pass(chain, ours, admissionId, admission, eligibleVoters);
    const admitted = await execute(chain, ours, admission);
    await expectCap(ours, size, size - 1, label(size, mode), "admission");

    // ---------------------------------------------------------------- stake crossing
    const newcomer = ours.members[crosser];
    let stakeCrossing: bigint;
    if (ours.kaia === null) {
      stakeCrossing = await chain.gas((o) =>
        ours.vault.connect(newcomer.admin).stake(STAKE_UNIT, { ...o, value: STAKE_UNIT }),
      );
    } else {
      stakeCrossing = await kaiaStake(chain, ours, crosser, relayer);
    }
    await expectCap(ours, size, size, label(size, mode), "stake crossing");

    // ---------------------------------------------------------------- one motion, side by side with the baseline
    const capped = BigInt(size - 1);
    const voters = [...ours.members.map((m) => m.voter), candidate.voter];
    const weight = (i: number): bigint => (i === crosser ? 1n : capped);
    const stock = mode === "bonded" ? await deployStock(chain, voters, weight) : null;

    const a = await setValueActions(ours, 1, "Set the value (1 action)");
    const b = stock === null ? null : await setValueActions(stock, 1, "Set the value (1 action)");
    const p = await propose(chain, ours, voters[0], a);
    const q = stock === null || b === null ? null : await propose(chain, stock, voters[0], b);
    chain.travelTo(
      max(await snapshotOf(ours, p.id), q === null || stock === null ? 0n : await snapshotOf(stock, q.id)) +
        1n,
    );

    // Members 2, 3, … vote For, each with `capped` votes.
    const oursFirst = await gasOf(castVote(chain, ours, p.id, voters[1]));
    const stockFirst = stock && q ? await gasOf(castVote(chain, stock, q.id, voters[1])) : 0n;
    const [memberQuorum, voteQuorum] = await ours.council.proposalQuorum(p.id);
    const oursAt = min(memberQuorum, ceilDiv(voteQuorum, capped));
    const stockAt =
      stock && q
        ? ceilDiv(await stock.governor.quorum(await snapshotOf(stock, q.id)), capped * 10n ** 18n)
        : 0n;
    if (oursAt < 2n || oursAt + 1n >= BigInt(crosser))
      throw new Error(`${label(size, mode)}: quorum at vote ${oursAt}`);
    let oursQuorum = 0n;
    for (let i = 2; i <= Number(oursAt); i++)
      oursQuorum = await gasOf(castVote(chain, ours, p.id, voters[i]));
    const oursAfter = await gasOf(castVote(chain, ours, p.id, voters[Number(oursAt) + 1]));
    let stockAfter = 0n;
    if (stock && q) {
      for (let i = 2; i <= Number(stockAt); i++) await castVote(chain, stock, q.id, voters[i]);
      stockAfter = await gasOf(castVote(chain, stock, q.id, voters[Number(stockAt) + 1]));
    }

    chain.travelTo(max(await deadlineOf(ours, p.id), stock && q ? await deadlineOf(stock, q.id) : 0n) + 1n);
    const oursQueue = await gasOf(queue(chain, ours, a));
    const stockQueue = stock && b ? await gasOf(queue(chain, stock, b)) : 0n;
    chain.travelTo(max(await etaOf(ours, p.id), stock && q ? await etaOf(stock, q.id) : 0n));
    const oursExecute = await gasOf(execute(chain, ours, a, relayer));
    const stockExecute = stock && b ? await gasOf(execute(chain, stock, b, relayer)) : 0n;

    // ---------------------------------------------------------------- refresh (Kaia modes)
    let refresh: number | null = null;
    let refreshV2: number | null = null;
    if (ours.kaia !== null) {
      refresh = Number(await kaiaStake(chain, ours, 0, relayer));
      refreshV2 = Number(await kaiaStake(chain, ours, 1, relayer));
      const expected = BigInt(size + 1) * STAKE_UNIT;
      if ((await ours.vault.stakeOf(1n)) !== expected || (await ours.vault.stakeOf(2n)) !== expected) {
        throw new Error(`${label(size, mode)}: the refresh was not recorded`);
      }
      await expectCap(ours, size, size, label(size, mode), "refresh");
    }

    return {
      size,
      mode,
      deploymentGas: Number(deploymentGas),
      registryDeployGas: Number(full.registryDeployGas),
      registryInitCodeBytes: full.registryInitCodeBytes,
      stakeCrossing: Number(stakeCrossing),
      refresh,
      refreshV2,
      admit: Number(admitted.gasUsed),
      propose: Number(p.receipt.gasUsed),
      castVoteFirst: Number(oursFirst),
      castVoteQuorum: Number(oursQuorum),
      castVoteAfterQuorum: Number(oursAfter),
      queue: Number(oursQueue),
      execute: Number(oursExecute),
      baseline:
        stock && q
          ? {
              propose: Number(q.receipt.gasUsed),
              castVoteFirst: Number(stockFirst),
              castVoteAfterQuorum: Number(stockAfter),
              queue: Number(stockQueue),
              execute: Number(stockExecute),
            }
          : required(baseline),
    };
  } finally {
    await chain.close();
  }
}

/**
 * Member `index`'s CnStaking gains one unit (its admin's `stakeKlay`). Tracker mode: the measured transaction is
 * that `stakeKlay`, whose callback records the change in our vault. Read mode: Kaia's tracker is told, not ours; the
 * measured transaction is the `refreshStake` anyone then sends (here the relayer).
 */
async function kaiaStake(chain: Chain, ours: Council, index: number, keeper: Signer): Promise<bigint> {
  const k = ours.kaia;
  if (k === null) throw new Error("not a Kaia council");
  const cn = k.staking[index];
  const staked = await chain.gas((o) => cn.stakeKlay({ ...o, value: STAKE_UNIT }));
  if (ours.mode === "kaia-tracker") return staked;
  const cnAddress = await cn.getAddress();
  const vault = k.vault.connect(keeper);
  return chain.gas((o) => vault.refreshStake(cnAddress, o));
}

/**
 * Runs a motion of ours to its ETA: eligible members vote For, in order, until its quorum is reached; then queue.
 * The caller executes.
 */
async function pass(chain: Chain, ours: Council, id: bigint, a: Actions, voters: Wallet[]): Promise<void> {
  const snapshot = await snapshotOf(ours, id);
  chain.travelTo(snapshot + 1n);
  let count = 0n;
  let votes = 0n;
  for (const v of voters) {
    await castVote(chain, ours, id, v);
    count += 1n;
    votes += await ours.vault.getPastVotes(v.address, snapshot);
    const [memberQuorum, voteQuorum] = await ours.council.proposalQuorum(id);
    if (count >= memberQuorum || votes >= voteQuorum) break;
  }
  chain.travelTo((await deadlineOf(ours, id)) + 1n);
  await queue(chain, ours, a);
  // Queued (OpenZeppelin's state 5) means it succeeded; anything else would have made queue revert.
  if ((await ours.governor.state(id)) !== QUEUED) throw new Error(`motion ${id} did not pass`);
  chain.travelTo(await etaOf(ours, id));
}

/** Asserts the eligible count and member 1's capped votes after a step. */
async function expectCap(
  ours: Council,
  size: number,
  eligible: number,
  what: string,
  step: string,
): Promise<void> {
  const cap = BigInt(Math.max(1, eligible - 1));
  if ((await ours.vault.eligibleCount()) !== BigInt(eligible) || (await ours.vault.memberVotes(1n)) !== cap) {
    throw new Error(
      `${what}: after the ${step}, expected ${eligible} eligible members of ${size} and a cap of ${cap}`,
    );
  }
}

function label(size: number, mode: StakeMode): string {
  return `council of ${size}, ${mode}`;
}

function nodeOf(index: number): string {
  return nodeAddress(100 + index);
}

function required(baseline: ScalePoint["baseline"] | null): ScalePoint["baseline"] {
  if (baseline === null) throw new Error("no baseline");
  return baseline;
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
