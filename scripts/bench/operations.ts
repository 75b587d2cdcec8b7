/**
 * Per-operation measurements on a 10-member council (each member bonds one stake unit, as `deploySystem` does) and
 * on the stock baseline with 10 holders of one vote each, on one chain.
 *
 * Order: the Improvement Reserve is classified by a Constitutional motion first (so every later proposal finds the
 * sequential id counter already written, as in steady operation); then the measured motions are proposed, voted,
 * queued and executed side by side with the baseline's; then the reserve's direct outflows, the stake vault, and the
 * membership motions.
 */
import { ethers as ethersLib } from "ethers";
import type { TransactionReceipt, Wallet } from "ethers";

import { nodeAddress } from "../../test/utils/council.js";
import { GUARDIAN_TERM } from "../../test/utils/governance.js";
import {
  RESERVE_CONSTITUTIONAL_FUNCTIONS as CONSTITUTIONAL_FUNCTIONS,
  RESERVE_TREASURY_FUNCTIONS as TREASURY_FUNCTIONS,
} from "../ops/system.js";
import type { ImprovementReserve } from "../../typechain-types/index.js";
import { anatomyOf } from "./anatomy.js";
import type { Anatomy } from "./anatomy.js";
import type { Chain } from "./bench-chain.js";
import type { Operation } from "./results.js";
import {
  DAY,
  GAS_MONEY,
  MotionClass,
  STAKE_UNIT,
  callActions,
  castVote,
  castVoteBySig,
  castVoteWithReason,
  deadlineOf,
  deployCouncil,
  deployStock,
  etaOf,
  execute,
  propose,
  queue,
  setValueActions,
  snapshotOf,
  transfer,
} from "./systems.js";
import type { Actions, Council, Governance, Stock } from "./systems.js";

const COUNCIL_SIZE = 10;
const NATIVE = ethersLib.ZeroAddress;
const E = (amount: number): bigint => ethersLib.parseEther(amount.toString());
const FUND = E(1000);
const LIMIT = E(500);
const PAUSE = 14n * DAY;
const REASON = "Supports the 2027 validator roadmap";

/** Collects measurements in report order, each with the anatomy of its transactions. */
class Sheet {
  readonly rows: Operation[] = [];
  private readonly chain: Chain;
  private readonly names: Map<string, string>;

  constructor(chain: Chain, names: Map<string, string>) {
    this.chain = chain;
    this.names = names;
  }

  async add(
    id: string,
    group: string,
    name: string,
    ours: TransactionReceipt,
    baseline: TransactionReceipt | null,
    conditions: string,
  ): Promise<void> {
    this.rows.push({
      id,
      group,
      name,
      ours: Number(ours.gasUsed),
      baseline: baseline === null ? null : Number(baseline.gasUsed),
      conditions,
      anatomy: {
        ours: await this.anatomy(ours),
        baseline: baseline === null ? null : await this.anatomy(baseline),
      },
    });
  }

  private anatomy(r: TransactionReceipt): Promise<Anatomy> {
    return anatomyOf(this.chain, r.hash, r.to ?? "", r.gasUsed, this.names);
  }
}

export async function measureOperations(chain: Chain): Promise<Operation[]> {
  const ours = await deployCouncil(chain, COUNCIL_SIZE, () => 1n);
  const voters = ours.members.map((m) => m.voter);
  const stock = await deployStock(chain, voters, () => 1n);
  const [, , , relayer, payee, grantee] = await chain.ethers.getSigners();

  // ---------------------------------------------------------------- the reserve, classified by motion
  const timelockAddress = await ours.timelock.getAddress();
  const reserve = await chain.deploy((o) =>
    chain.ethers.deployContract(
      "ImprovementReserve",
      [timelockAddress, ours.guardian.address, GUARDIAN_TERM, PAUSE, [NATIVE], [LIMIT]],
      o,
    ),
  );
  const reserveAddress = await reserve.getAddress();
  const sheet = new Sheet(chain, await contractNames(ours, stock, reserveAddress));
  await transfer(chain, relayer, reserveAddress, FUND);
  const classify = classificationMotion(ours, await ours.policy.getAddress(), reserve, reserveAddress);
  await passAndExecute(chain, ours, classify, ours.secretariat, voters);

  // ---------------------------------------------------------------- proposals
  const start = chain.now + 1n;
  const motions = {
    p1: await setValueActions(ours, 1, "Set the value (1 action)"),
    p5: await setValueActions(ours, 5, "Set the values (5 actions)"),
    p20: await setValueActions(ours, 20, "Set the values (20 actions)"),
    signal: callActions(timelockAddress, ["0x"], "Signal: adopt the 2027 roadmap"),
    pay: callActions(
      reserveAddress,
      [reserve.interface.encodeFunctionData("pay", [NATIVE, payee.address, E(10), "Security audit"])],
      "Security audit",
    ),
    budget: callActions(
      reserveAddress,
      [
        reserve.interface.encodeFunctionData("approveBudget", [
          ethersLib.encodeBytes32String("ecosystem"),
          NATIVE,
          ours.secretariat.address,
          E(100),
          start,
          start + 90n * DAY,
        ]),
      ],
      "Ecosystem budget, spent by the secretariat",
    ),
    grant: callActions(
      reserveAddress,
      [
        reserve.interface.encodeFunctionData("createGrant", [
          grantee.address,
          NATIVE,
          E(360),
          start,
          start,
          360n * DAY,
        ]),
      ],
      "Grant: light client research",
    ),
  };
  const stockTimelock = await stock.timelock.getAddress();
  const base = {
    p1: await setValueActions(stock, 1, "Set the value (1 action)"),
    p5: await setValueActions(stock, 5, "Set the values (5 actions)"),
    p20: await setValueActions(stock, 20, "Set the values (20 actions)"),
    signal: callActions(stockTimelock, ["0x"], "Signal: adopt the 2027 roadmap"),
  };

  const proposed = {
    p1: await propose(chain, ours, voters[0], motions.p1),
    p5: await propose(chain, ours, voters[1], motions.p5),
    p20: await propose(chain, ours, voters[2], motions.p20),
    signal: await propose(chain, ours, voters[3], motions.signal),
    pay: await propose(chain, ours, ours.secretariat, motions.pay),
    budget: await propose(chain, ours, ours.secretariat, motions.budget),
    grant: await propose(chain, ours, ours.secretariat, motions.grant),
  };
  const baseProposed = {
    p1: await propose(chain, stock, voters[0], base.p1),
    p5: await propose(chain, stock, voters[1], base.p5),
    p20: await propose(chain, stock, voters[2], base.p20),
    signal: await propose(chain, stock, voters[3], base.signal),
  };
  const freshMember = "by a member's voter with no earlier motion (its live-motion list is empty)";
  for (const [key, count] of [
    ["p1", 1],
    ["p5", 5],
    ["p20", 20],
  ] as const) {
    await sheet.add(
      `propose-${count}`,
      "Governor",
      `propose, ${count} action${count > 1 ? "s" : ""}`,
      proposed[key].receipt,
      baseProposed[key].receipt,
      `Standard motion of ${count} setValue call${count > 1 ? "s" : ""}, ${freshMember}; baseline: a holder`,
    );
  }

  // ---------------------------------------------------------------- votes
  let latestSnapshot = 0n;
  for (const [g, id] of [
    ...Object.values(proposed).map((p) => [ours, p.id] as const),
    ...Object.values(baseProposed).map((p) => [stock, p.id] as const),
  ]) {
    const s = await snapshotOf(g, id);
    if (s > latestSnapshot) latestSnapshot = s;
  }
  chain.travelTo(latestSnapshot + 1n);

  const positions: {
    id: string;
    name: string;
    conditions: string;
    cast: (g: Governance, id: bigint, v: Wallet) => Promise<TransactionReceipt>;
  }[] = [
    {
      id: "castVote-first",
      name: "castVote, first vote",
      conditions: "the motion's first vote (ours also caches both quorum thresholds)",
      cast: (g, id, v) => castVote(chain, g, id, v),
    },
    {
      id: "castVote-second",
      name: "castVote, before quorum",
      conditions: "2nd vote of 10, quorum not reached",
      cast: (g, id, v) => castVote(chain, g, id, v),
    },
    {
      id: "castVoteBySig-before-quorum",
      name: "castVoteBySig, before quorum",
      conditions: "3rd vote, EIP-712 Ballot signed by the voter, sent by a relayer",
      cast: (g, id, v) => castVoteBySig(chain, g, id, v, relayer),
    },
    {
      id: "castVote-quorum",
      name: "castVote, reaching quorum",
      conditions: "4th vote, the one that reaches quorum (ours records the late-quorum deadline)",
      cast: (g, id, v) => castVote(chain, g, id, v),
    },
    {
      id: "castVote-after-quorum",
      name: "castVote, after quorum",
      conditions: "5th vote, quorum already reached",
      cast: (g, id, v) => castVote(chain, g, id, v),
    },
    {
      id: "castVoteWithReason-after-quorum",
      name: "castVoteWithReason, after quorum",
      conditions: `6th vote, reason "${REASON}" (${REASON.length} bytes)`,
      cast: (g, id, v) => castVoteWithReason(chain, g, id, v, REASON),
    },
    {
      id: "castVoteBySig-after-quorum",
      name: "castVoteBySig, after quorum",
      conditions: "7th vote, EIP-712 Ballot signed by the voter, sent by a relayer",
      cast: (g, id, v) => castVoteBySig(chain, g, id, v, relayer),
    },
  ];
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    // Voter i+1 (member 2 onward; member 1 proposed): the same account in both systems.
    const gOurs = await p.cast(ours, proposed.p1.id, voters[i + 1]);
    const gBase = await p.cast(stock, baseProposed.p1.id, voters[i + 1]);
    await sheet.add(p.id, "Governor", p.name, gOurs, gBase, p.conditions);
  }
  // Both quorums are reached by the 4th of 10 equal votes (a third of the members / of the votes).
  await expectQuorumAt(ours, stock, proposed.p1.id, baseProposed.p1.id);
  // The other motions that run to execution pass with five votes For.
  for (const key of ["signal", "pay", "budget", "grant"] as const) {
    for (const v of voters.slice(0, 5)) await castVote(chain, ours, proposed[key].id, v);
  }
  for (const v of voters.slice(0, 5)) await castVote(chain, stock, baseProposed.signal.id, v);

  // ---------------------------------------------------------------- queue and execute
  const running: [Governance, bigint][] = [
    [ours, proposed.p1.id],
    [ours, proposed.signal.id],
    [ours, proposed.pay.id],
    [ours, proposed.budget.id],
    [ours, proposed.grant.id],
    [stock, baseProposed.p1.id],
    [stock, baseProposed.signal.id],
  ];
  let latestDeadline = 0n;
  for (const [g, id] of running) {
    const d = await deadlineOf(g, id);
    if (d > latestDeadline) latestDeadline = d;
  }
  chain.travelTo(latestDeadline + 1n);
  const queueOurs = await queue(chain, ours, motions.p1);
  const queueBase = await queue(chain, stock, base.p1);
  await sheet.add(
    "queue",
    "Governor",
    "queue, 1 action",
    queueOurs,
    queueBase,
    "schedules the batch on the timelock (anyone may call)",
  );
  for (const key of ["signal", "pay", "budget", "grant"] as const) await queue(chain, ours, motions[key]);
  await queue(chain, stock, base.signal);

  let latestEta = 0n;
  for (const [g, id] of running) {
    const eta = await etaOf(g, id);
    if (eta > latestEta) latestEta = eta;
  }
  chain.travelTo(latestEta);
  await sheet.add(
    "execute",
    "Governor",
    "execute, 1 action",
    await execute(chain, ours, motions.p1, relayer),
    await execute(chain, stock, base.p1, relayer),
    "one setValue call through the timelock, first write of the target's storage",
  );
  await sheet.add(
    "execute-signal",
    "Governor",
    "execute, signalling motion",
    await execute(chain, ours, motions.signal, relayer),
    await execute(chain, stock, base.signal, relayer),
    "an empty call to the timelock; ours then checks the timelock's roles and delay (post-execution check)",
  );

  // ---------------------------------------------------------------- reserve
  const payDay = chain.now;
  await sheet.add(
    "reserve-pay",
    "Improvement Reserve",
    "pay (execute of a Treasury motion)",
    await execute(chain, ours, motions.pay, relayer),
    null,
    "the executed motion: 10 native coin to an existing account, first outflow of the day",
  );
  await sheet.add(
    "reserve-approveBudget",
    "Improvement Reserve",
    "approveBudget (execute of a Treasury motion)",
    await execute(chain, ours, motions.budget, relayer),
    null,
    "the executed motion: commits 100 native coin for the secretariat",
  );
  await sheet.add(
    "reserve-createGrant",
    "Improvement Reserve",
    "createGrant (execute of a Treasury motion)",
    await execute(chain, ours, motions.grant, relayer),
    null,
    "the executed motion: 360 native coin vesting over 360 days",
  );
  chain.travelTo(payDay + DAY);
  await sheet.add(
    "reserve-spend",
    "Improvement Reserve",
    "spend (budget)",
    await chain.send((o) =>
      reserve.connect(ours.secretariat).spend(1n, payee.address, E(5), "Hackathon prizes", o),
    ),
    null,
    "the secretariat pays 5 native coin out of its budget, first outflow of the day",
  );
  chain.travelTo(payDay + 2n * DAY);
  await sheet.add(
    "reserve-claim",
    "Improvement Reserve",
    "claim (grant)",
    await chain.send((o) => reserve.connect(grantee).claim(1n, o)),
    null,
    "the recipient's first claim of its vested amount, first outflow of the day",
  );

  // ---------------------------------------------------------------- stake vault
  const staker = ours.members[7];
  await sheet.add(
    "stake",
    "Stake vault",
    "stake",
    await chain.send((o) => ours.vault.connect(staker.admin).stake(STAKE_UNIT, { ...o, value: STAKE_UNIT })),
    null,
    "an eligible member adds one stake unit (its votes go from 1 to 2; eligibility unchanged)",
  );
  await sheet.add(
    "requestUnstake",
    "Stake vault",
    "request unstake",
    await chain.send((o) => ours.vault.connect(staker.admin).requestUnstake(staker.id, STAKE_UNIT, o)),
    null,
    "one stake unit, the member's first request (its votes go from 2 to 1)",
  );
  chain.travel(7n * DAY);
  await sheet.add(
    "withdraw",
    "Stake vault",
    "withdraw",
    await chain.send((o) =>
      ours.vault.connect(staker.admin).withdraw(staker.id, 0n, staker.admin.address, o),
    ),
    null,
    "the unbonded request, to the admin account",
  );

  // ---------------------------------------------------------------- membership
  const applicant = await chain.wallet("applicant admin", 2n * STAKE_UNIT + GAS_MONEY);
  await sheet.add(
    "apply",
    "Membership",
    "apply (applyForMembership)",
    await chain.send((o) =>
      ours.registry
        .connect(applicant)
        .applyForMembership(
          "Applicant Organization",
          "https://applicant.example/gc.json",
          applicant.address,
          [nodeAddress(900)],
          o,
        ),
    ),
    null,
    "a new candidate: name, metadata URI, its own account as voter, one node",
  );
  const candidateId = await ours.registry.memberCount();
  await sheet.add(
    "stake-candidate",
    "Membership",
    "stake, candidate (stake vault)",
    await chain.send((o) => ours.vault.connect(applicant).stake(STAKE_UNIT, { ...o, value: STAKE_UNIT })),
    null,
    "the candidate bonds its first stake unit (required before sponsorship; no votes yet)",
  );
  await sheet.add(
    "sponsor",
    "Membership",
    "sponsor (proposeAdmission)",
    await chain.send((o) =>
      ours.council.connect(voters[8]).proposeAdmission(candidateId, "Admit Applicant Organization", o),
    ),
    null,
    `opens the Admission motion; ${freshMember}`,
  );
  await sheet.add(
    "no-confidence",
    "Membership",
    "no-confidence (proposeNoConfidence)",
    await chain.send((o) =>
      ours.council.connect(voters[9]).proposeNoConfidence(1n, "No confidence in Member 1", o),
    ),
    null,
    `opens the No-confidence motion against member 1; ${freshMember}`,
  );
  return sheet.rows;
}

/** Names of the contracts, the same role names in both systems, for the anatomy of each transaction. */
async function contractNames(ours: Council, stock: Stock, reserve: string): Promise<Map<string, string>> {
  const entries: [string, string][] = [
    [ours.address, "governor"],
    [await ours.timelock.getAddress(), "timelock"],
    [await ours.target.getAddress(), "target"],
    [await ours.registry.getAddress(), "registry"],
    [await ours.vault.getAddress(), "vault / token"],
    [await ours.policy.getAddress(), "policy"],
    [reserve, "reserve"],
    [stock.address, "governor"],
    [await stock.timelock.getAddress(), "timelock"],
    [await stock.target.getAddress(), "target"],
    [await stock.token.getAddress(), "vault / token"],
  ];
  return new Map(entries.map(([address, name]) => [address.toLowerCase(), name]));
}

/** Asserts that both systems reach quorum at the 4th vote, which the vote positions above assume. */
async function expectQuorumAt(ours: Council, stock: Stock, oursId: bigint, stockId: bigint): Promise<void> {
  const snapshot = await stock.governor.proposalSnapshot(stockId);
  const stockQuorum = await stock.governor.quorum(snapshot);
  const vote = 10n ** 18n;
  const stockAt = (stockQuorum + vote - 1n) / vote;
  const [memberQuorum, voteQuorum] = await ours.council.proposalQuorum(oursId);
  const oursAt = memberQuorum < voteQuorum ? memberQuorum : voteQuorum;
  if (stockAt !== 4n || oursAt !== 4n) {
    throw new Error(`quorum positions changed: ours at vote ${oursAt}, baseline at vote ${stockAt}`);
  }
}

/** The Constitutional motion listing the reserve's functions in the policy table. */
function classificationMotion(
  ours: Council,
  policyAddress: string,
  reserve: ImprovementReserve,
  reserveAddress: string,
): Actions {
  const entries = [
    ...TREASURY_FUNCTIONS.map((name) => ({
      target: reserveAddress,
      selector: ethersLib.FunctionFragment.from(name).selector,
      motionClass: MotionClass.Treasury,
    })),
    ...CONSTITUTIONAL_FUNCTIONS.map((name) => ({
      target: reserveAddress,
      selector: ethersLib.FunctionFragment.from(name).selector,
      motionClass: MotionClass.Constitutional,
    })),
  ];
  return {
    targets: [policyAddress],
    values: [0n],
    calldatas: [ours.policy.interface.encodeFunctionData("setActionClasses", [entries])],
    description: "Classify the Improvement Reserve",
  };
}

/** propose → snapshot → every voter For → deadline → queue → ETA → execute. */
async function passAndExecute(
  chain: Chain,
  g: Governance,
  a: Actions,
  proposer: Parameters<typeof propose>[2],
  voters: Wallet[],
): Promise<void> {
  const { id } = await propose(chain, g, proposer, a);
  chain.travelTo((await snapshotOf(g, id)) + 1n);
  for (const v of voters) await castVote(chain, g, id, v);
  chain.travelTo((await deadlineOf(g, id)) + 1n);
  await queue(chain, g, a);
  chain.travelTo(await etaOf(g, id));
  await execute(chain, g, a);
}
