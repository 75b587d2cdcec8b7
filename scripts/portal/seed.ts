/**
 * The seeded council that `npm start` serves and the browser tests use: the system deployed by the Ignition module
 * on a local chain, then a month of council life driven through the operations library (the CLI's own code):
 *
 * - seven founding members with different stakes (5, 4, 3, 3, 2 and 1 stake units; the seventh has none and is not
 *   eligible), names, node addresses and metadata (`data:` URIs, so nothing is fetched from the network);
 * - an eighth member admitted through an Admission motion, and a candidate whose application is open;
 * - motions in every state at the end: Pending, Active (two votes cast, the others not yet), Canceled, Defeated,
 *   Succeeded, Queued, Expired and Executed;
 * - the Improvement Reserve funded twice, a budget with one payout, and a vesting grant with one claim.
 *
 * Every time is pinned (the chain starts at SEED_START and each step moves the clock to a fixed offset), so two
 * seeds read the same apart from a few seconds of block time.
 */
import { readFileSync } from "node:fs";

import type { ModuleParameters } from "@nomicfoundation/ignition-core";
import { ZeroAddress, encodeBytes32String, formatEther } from "ethers";
import type { Signer } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import CouncilGovernance from "../../deploy/modules/CouncilGovernance.js";
import { connectContracts, actingAs } from "../ops/deployment.js";
import { COMMUNITY_CONTRACT_KEYS, CONTRACT_KEYS } from "../ops/system.js";
import type { Addresses, CouncilContracts } from "../ops/deployment.js";
import { acceptVoter, apply, sponsor } from "../ops/membership.js";
import { castVote, cancelMotion, executeMotion, getMotion, queueMotion, SUPPORT } from "../ops/motions.js";
import type { StateName } from "../ops/motions.js";
import { argumentContext, encodeProposal, proposeMotion } from "../ops/proposals.js";
import type { EncodedProposal } from "../ops/proposals.js";
import { claim, depositToReserve, spend } from "../ops/reserve.js";
import { deposit } from "../ops/stake.js";

/** The chain's pinned start: Monday 5 January 2026, 09:00 UTC. */
export const SEED_START = 1_767_603_600n;
export const HOUR = 3600n;
export const DAY = 86_400n;
/** Where the seed leaves the clock: 31 days after SEED_START. */
export const SEED_END = SEED_START + 31n * DAY;

const PARAMETER_FILE = new URL("../../deploy/parameters/localhost.json", import.meta.url);

/** Accounts of the seeded chain, by index into the test mnemonic's accounts. */
export const SEED_ACCOUNT = {
  deployer: 0,
  secretariat: 1,
  guardian: 2,
  /** Founding members' admins are 3–9 and their voters 10–16 (member n: admin 2 + n, voter 9 + n). */
  firstAdmin: 3,
  firstVoter: 10,
  admittedAdmin: 17,
  admittedVoter: 18,
  candidateAdmin: 19,
  candidateVoter: 20,
  grantee: 21,
  contractor: 22,
  /** 23 and above are free for tests (a new candidate, a relayer, an outsider). */
  firstFree: 23,
} as const;

/** Founding members: name, stake units, metadata and node addresses. */
const FOUNDERS = [
  { name: "Aurora Validators", units: 5n, site: "aurora-validators.example", nodes: 2 },
  { name: "Bluewave Capital", units: 4n, site: "bluewave.example", nodes: 1 },
  { name: "Cedar Labs", units: 3n, site: "cedarlabs.example", nodes: 2 },
  { name: "Dune Telecom", units: 3n, site: "dunetelecom.example", nodes: 1 },
  { name: "Ember Games", units: 2n, site: "embergames.example", nodes: 1 },
  { name: "Fjord Finance", units: 1n, site: "fjord.example", nodes: 1 },
  { name: "Granite Cloud", units: 0n, site: "granitecloud.example", nodes: 1 },
] as const;

const ADMITTED = { name: "Harbor Exchange", site: "harbor.example" };
const CANDIDATE = { name: "Iris Research", site: "irisresearch.example" };

/** A member's metadata as a `data:` URI: website, public services and contact, readable without a network. */
export function metadataUri(name: string, site: string): string {
  const json = {
    name,
    website: `https://${site}`,
    services: [`https://rpc.${site}`, `https://explorer.${site}`],
    contact: `mailto:council@${site}`,
  };
  return `data:application/json,${encodeURIComponent(JSON.stringify(json))}`;
}

/** Node address `n` of member `member`: 0x…0a<member><n>, recognisable in the table. */
function nodeAddress(member: number, n: number): string {
  return `0x${(0xa0000 + member * 16 + n).toString(16).padStart(40, "0")}`;
}

export interface SeededMember {
  id: bigint;
  name: string;
  admin: string;
  voter: string;
  /** Stake units bonded by the seed. */
  units: bigint;
}

export interface SeededCouncil {
  contracts: CouncilContracts;
  addresses: Addresses;
  chainId: number;
  /** The block the system was deployed in (where log scans start). */
  deploymentBlock: number;
  stakeUnit: bigint;
  members: SeededMember[];
  /** The candidate whose application is open at the end. */
  candidate: SeededMember;
  /** One motion in each state at the end of the seed. */
  motions: Record<StateName, bigint>;
  /** The admission motion (Executed) that admitted member 8. */
  admissionMotion: bigint;
  budgetId: bigint;
  grantId: bigint;
  accounts: {
    deployer: string;
    secretariat: string;
    guardian: string;
    grantee: string;
    contractor: string;
    /** Accounts with coins and no role, for tests. */
    free: string[];
  };
  startTime: bigint;
  endTime: bigint;
}

export type Print = (line: string) => void;

/** The localhost parameters with the seed's members, secretariat and guardian. */
function seedParameters(addresses: string[]): { CouncilGovernance: ModuleParameters } {
  const base = JSON.parse(readFileSync(PARAMETER_FILE, "utf8")) as { CouncilGovernance: ModuleParameters };
  return {
    CouncilGovernance: {
      ...base.CouncilGovernance,
      initialMembers: FOUNDERS.map((f, i) => ({
        name: f.name,
        metadataURI: metadataUri(f.name, f.site),
        admin: addresses[SEED_ACCOUNT.firstAdmin + i],
        voter: addresses[SEED_ACCOUNT.firstVoter + i],
        nodes: Array.from({ length: f.nodes }, (_, n) => nodeAddress(i + 1, n + 1)),
      })),
      secretariat: addresses[SEED_ACCOUNT.secretariat],
      guardian: addresses[SEED_ACCOUNT.guardian],
      reserveGuardian: addresses[SEED_ACCOUNT.guardian],
    },
  };
}

/** A signalling motion: an empty, value-less call to the timelock (the policy's Standard class). */
export function signal(c: CouncilContracts, description: string): EncodedProposal {
  return {
    targets: [c.addresses.timelock],
    values: [0n],
    calldatas: ["0x"],
    description,
    summary: ["signal (no action)"],
  };
}

/** Deploys the system with the Ignition module and seeds the council; see the file's comment. */
export async function seedCouncil(
  connection: NetworkConnection,
  print: Print = () => undefined,
): Promise<SeededCouncil> {
  const { ethers, networkHelpers } = connection;
  const signers = await ethers.getSigners();
  if (signers.length < SEED_ACCOUNT.firstFree + 2) {
    throw new Error(
      `the seed needs at least ${SEED_ACCOUNT.firstFree + 2} accounts; the chain has ${signers.length}`,
    );
  }
  const at = (i: number): Signer => signers[i];
  const address = (i: number): string => signers[i].address;
  const clockTo = async (days: bigint, hours = 0n) => {
    const target = SEED_START + days * DAY + hours * HOUR;
    if (BigInt(await networkHelpers.time.latest()) < target) await networkHelpers.time.increaseTo(target);
  };

  await clockTo(0n);
  print("Deploying the system with the Ignition module (deploy/modules/CouncilGovernance.ts)…");
  const parameters = seedParameters(signers.map((s) => s.address));
  const deploymentBlock = (await ethers.provider.getBlockNumber()) + 1;
  const deployed = await connection.ignition.deploy(CouncilGovernance, { parameters });
  const addresses = {} as Addresses;
  for (const key of CONTRACT_KEYS) addresses[key] = await deployed[key].getAddress();
  for (const key of COMMUNITY_CONTRACT_KEYS) addresses[key] = await deployed[key].getAddress();
  const c = await connectContracts(addresses, at(SEED_ACCOUNT.deployer));
  const as = (i: number) => actingAs(c, at(i));
  const stakeUnit = await c.vault.stakeUnit();
  const coins = (units: bigint) => formatEther(units * stakeUnit).replace(/\.0$/, "");

  // Day 0: members bond stake; the reserve is funded; a candidate applies and is sponsored; two motions open.
  print("Day 0: members bond stake, the reserve is funded, a candidate applies");
  const members: SeededMember[] = [];
  for (const [i, f] of FOUNDERS.entries()) {
    const member: SeededMember = {
      id: BigInt(i + 1),
      name: f.name,
      admin: address(SEED_ACCOUNT.firstAdmin + i),
      voter: address(SEED_ACCOUNT.firstVoter + i),
      units: f.units,
    };
    if (f.units > 0n) await deposit(as(SEED_ACCOUNT.firstAdmin + i), { amount: coins(f.units) });
    members.push(member);
  }
  await depositToReserve(as(SEED_ACCOUNT.deployer), { amount: "2000000" });
  const applied = await apply(as(SEED_ACCOUNT.admittedAdmin), {
    name: ADMITTED.name,
    metadata: metadataUri(ADMITTED.name, ADMITTED.site),
    voter: address(SEED_ACCOUNT.admittedVoter),
    nodes: nodeAddress(8, 1),
  });
  const admittedId = applied.candidate.id;
  await acceptVoter(as(SEED_ACCOUNT.admittedVoter), { member: String(admittedId) });
  await deposit(as(SEED_ACCOUNT.admittedAdmin), { amount: coins(1n) });
  const voterOf = (memberIndex: number) => SEED_ACCOUNT.firstVoter + memberIndex;
  /** A signalling motion proposed by account `from`; returns its id. */
  const signalBy = async (from: number, description: string) =>
    (await proposeMotion(as(from), signal(c, description))).motionId;

  await clockTo(0n, 1n);
  const admissionMotion = (
    await sponsor(as(voterOf(0)), {
      candidate: String(admittedId),
      description: `# Admit ${ADMITTED.name}\n\nRuns two consensus nodes on Kairos since 2024 and offers a public RPC.`,
    })
  ).proposalId;
  const budgetStart = SEED_START;
  const grantStart = SEED_START + 16n * DAY;
  const executed = (
    await proposeMotion(
      as(SEED_ACCOUNT.secretariat),
      encodeProposal(
        await argumentContext(c),
        {
          description:
            "# Ecosystem budget and explorer grant\n\nA 300,000 KAIA budget for tooling and audits this season, " +
            "paid by the secretariat, and a 120,000 KAIA grant to the block explorer team, vesting over 90 days.",
          actions: [
            {
              contract: "ImprovementReserve",
              function: "approveBudget(bytes32,address,address,uint256,uint256,uint256)",
              args: [
                "ecosystem",
                ZeroAddress,
                address(SEED_ACCOUNT.secretariat),
                "300000 KAIA",
                String(budgetStart),
                String(budgetStart + 120n * DAY),
              ],
            },
            {
              contract: "ImprovementReserve",
              function: "createGrant(address,address,uint256,uint256,uint256,uint256)",
              args: [
                address(SEED_ACCOUNT.grantee),
                ZeroAddress,
                "120000 KAIA",
                String(grantStart),
                String(grantStart),
                "90 days",
              ],
            },
          ],
        },
        "seed: budget and grant",
      ),
    )
  ).motionId;
  const expired = await signalBy(
    voterOf(1),
    "# Publish a node uptime report every quarter\n\nMembers report their nodes' uptime each quarter.",
  );

  // Day 7: voting opens on the three.
  await clockTo(7n, 2n);
  print("Day 7: members vote on the admission, the budget and the uptime report");
  for (const m of [0, 1, 2, 3, 4]) {
    await castVote(as(voterOf(m)), admissionMotion, SUPPORT.for);
    await castVote(as(voterOf(m)), executed, SUPPORT.for, m === 0 ? "Tooling and audits are overdue" : "");
  }
  for (const m of [1, 2, 4]) await castVote(as(voterOf(m)), expired, SUPPORT.for);

  // Day 14: the admission and the budget are queued; the uptime report is left to expire; three motions open.
  await clockTo(14n, 2n);
  print("Day 14: queue the admission and the budget; three more motions open");
  await queueMotion(as(SEED_ACCOUNT.secretariat), admissionMotion);
  await queueMotion(as(SEED_ACCOUNT.secretariat), executed);
  const defeated = await signalBy(
    voterOf(2),
    "# Move the council meeting to Fridays\n\nThe monthly call moves from Tuesday to Friday.",
  );
  const queued = (
    await proposeMotion(
      as(voterOf(3)),
      encodeProposal(
        await argumentContext(c),
        {
          description: "# Longer sponsorship window\n\nCandidates need three weeks to find a sponsor.",
          actions: [
            { contract: "CouncilRegistry", function: "setSponsorshipWindow(uint256)", args: ["21 days"] },
          ],
        },
        "seed: constitutional motion",
      ),
    )
  ).motionId;
  const canceled = await signalBy(voterOf(4), "# Sponsor a hackathon\n\nWithdrawn: merged into the budget.");
  await clockTo(14n, 3n);
  await cancelMotion(as(voterOf(4)), canceled);

  // Day 16: execute; pay out of the budget; fund the reserve again; a Standard motion opens.
  await clockTo(16n, 3n);
  print("Day 16: execute the admission and the budget; the secretariat pays an audit");
  await executeMotion(as(SEED_ACCOUNT.secretariat), admissionMotion);
  await executeMotion(as(SEED_ACCOUNT.secretariat), executed);
  members.push({
    id: admittedId,
    name: ADMITTED.name,
    admin: address(SEED_ACCOUNT.admittedAdmin),
    voter: address(SEED_ACCOUNT.admittedVoter),
    units: 1n,
  });
  const budgetId = await c.reserve.budgetCount();
  const grantId = await c.reserve.grantCount();
  await spend(as(SEED_ACCOUNT.secretariat), {
    budget: String(budgetId),
    recipient: address(SEED_ACCOUNT.contractor),
    amount: "45000",
    memo: "Audit of the stake vault",
  });
  await depositToReserve(as(SEED_ACCOUNT.deployer), { amount: "500000" });
  const succeeded = await signalBy(
    voterOf(5),
    "# Adopt the incident response runbook\n\nThe secretariat's runbook for chain halts becomes policy.",
  );

  // Day 21: votes on the meeting day (against) and the sponsorship window (for).
  await clockTo(21n, 3n);
  print("Day 21: the meeting-day motion is voted down; the sponsorship window gets two thirds");
  for (const m of [0, 1, 2])
    await castVote(as(voterOf(m)), defeated, SUPPORT.against, m === 1 ? "Fridays clash with releases" : "");
  await castVote(as(voterOf(3)), defeated, SUPPORT.for);
  for (const m of [0, 1, 2, 3]) await castVote(as(voterOf(m)), queued, SUPPORT.for);
  await castVote(as(voterOf(4)), queued, SUPPORT.abstain);

  // Day 23: votes on the runbook; a Treasury motion opens; a candidate applies.
  await clockTo(23n, 4n);
  print("Day 23: the runbook passes its vote; a payment motion opens; a candidate applies");
  for (const m of [0, 1, 5]) await castVote(as(voterOf(m)), succeeded, SUPPORT.for);
  const active = (
    await proposeMotion(
      as(SEED_ACCOUNT.secretariat),
      encodeProposal(
        await argumentContext(c),
        {
          description:
            "# Pay the wallet integration\n\n25,000 KAIA to the contractor who added Kaia Wallet support to the portal.",
          actions: [
            {
              contract: "ImprovementReserve",
              function: "pay(address,address,uint256,string)",
              args: [ZeroAddress, address(SEED_ACCOUNT.contractor), "25000 KAIA", "Wallet integration"],
            },
          ],
        },
        "seed: treasury motion",
      ),
    )
  ).motionId;
  const candidateApplied = await apply(as(SEED_ACCOUNT.candidateAdmin), {
    name: CANDIDATE.name,
    metadata: metadataUri(CANDIDATE.name, CANDIDATE.site),
    voter: address(SEED_ACCOUNT.candidateVoter),
    nodes: nodeAddress(9, 1),
  });
  await acceptVoter(as(SEED_ACCOUNT.candidateVoter), { member: String(candidateApplied.candidate.id) });
  await deposit(as(SEED_ACCOUNT.candidateAdmin), { amount: coins(1n) });

  // Day 28: the constitutional motion is queued (7-day delay); the uptime report has expired.
  await clockTo(28n, 4n);
  print("Day 28: queue the sponsorship window (7-day delay)");
  await queueMotion(as(SEED_ACCOUNT.secretariat), queued);

  // Day 30: two members vote on the payment; the grantee claims; a last motion opens.
  await clockTo(30n, 5n);
  print("Day 30: two votes on the payment; the grantee claims; a new motion opens");
  await castVote(as(voterOf(0)), active, SUPPORT.for, "The integration shipped and was reviewed");
  await castVote(as(voterOf(2)), active, SUPPORT.against, "Pay after the security review");
  await claim(as(SEED_ACCOUNT.grantee), { grant: String(grantId) });
  const pending = await signalBy(
    voterOf(1),
    "# Rotate the secretariat's signers yearly\n\nThe secretariat's Safe rotates one signer a year.",
  );
  await clockTo(31n);

  const motions: Record<StateName, bigint> = {
    Pending: pending,
    Active: active,
    Canceled: canceled,
    Defeated: defeated,
    Succeeded: succeeded,
    Queued: queued,
    Expired: expired,
    Executed: executed,
  };
  for (const [state, id] of Object.entries(motions)) {
    const view = await getMotion(c, id);
    if (view.state !== state) throw new Error(`seed: motion ${id} is ${view.state}, expected ${state}`);
  }
  const free: string[] = [];
  for (let i = SEED_ACCOUNT.firstFree; i < signers.length; i++) free.push(address(i));
  print(
    `Seeded: ${members.length} members, a candidate, ${Object.keys(motions).length + 1} motions, a budget and a grant`,
  );
  return {
    contracts: c,
    addresses,
    chainId: Number(c.chainId),
    deploymentBlock,
    stakeUnit,
    members,
    candidate: {
      id: candidateApplied.candidate.id,
      name: CANDIDATE.name,
      admin: address(SEED_ACCOUNT.candidateAdmin),
      voter: address(SEED_ACCOUNT.candidateVoter),
      units: 1n,
    },
    motions,
    admissionMotion,
    budgetId,
    grantId,
    accounts: {
      deployer: address(SEED_ACCOUNT.deployer),
      secretariat: address(SEED_ACCOUNT.secretariat),
      guardian: address(SEED_ACCOUNT.guardian),
      grantee: address(SEED_ACCOUNT.grantee),
      contractor: address(SEED_ACCOUNT.contractor),
      free,
    },
    startTime: SEED_START,
    endTime: SEED_END,
  };
}

/** The bytes32 category the seed's budget uses. */
export const SEED_BUDGET_CATEGORY = encodeBytes32String("ecosystem");

export interface LargeCouncil {
  contracts: CouncilContracts;
  addresses: Addresses;
  deploymentBlock: number;
  members: number;
  motions: number;
}

/** Accounts a large council needs: deployer, secretariat, guardian, then an admin and a voter per member. */
export function largeCouncilAccounts(members: number): number {
  return 3 + 2 * members;
}

/**
 * A large council for the performance script: `members` founding members (1 to 5 stake units each) and `motions`
 * signalling motions in three waves, so that the list holds Succeeded and Defeated motions (first wave, a quarter of
 * them voted through by a third of the council), Active ones (second wave) and Pending ones (third wave). Proposers
 * take turns (the secretariat and every member's voter), within the three live motions each may have.
 */
export async function seedLargeCouncil(
  connection: NetworkConnection,
  members: number,
  motions: number,
  print: Print = () => undefined,
): Promise<LargeCouncil> {
  const { ethers, networkHelpers } = connection;
  const signers = await ethers.getSigners();
  if (signers.length < largeCouncilAccounts(members)) {
    throw new Error(
      `a council of ${members} needs ${largeCouncilAccounts(members)} accounts; the chain has ${signers.length}`,
    );
  }
  const admin = (i: number) => signers[3 + i];
  const voter = (i: number) => signers[3 + members + i];
  const base = JSON.parse(readFileSync(PARAMETER_FILE, "utf8")) as { CouncilGovernance: ModuleParameters };
  const parameters = {
    CouncilGovernance: {
      ...base.CouncilGovernance,
      initialMembers: Array.from({ length: members }, (_, i) => ({
        name: `Member ${i + 1}`,
        metadataURI: metadataUri(`Member ${i + 1}`, `member${i + 1}.example`),
        admin: admin(i).address,
        voter: voter(i).address,
        nodes: [nodeAddress(i + 1, 1)],
      })),
      secretariat: signers[1].address,
      guardian: signers[2].address,
      reserveGuardian: signers[2].address,
    },
  };
  print(`Deploying a council of ${members}…`);
  const deploymentBlock = (await ethers.provider.getBlockNumber()) + 1;
  const deployed = await connection.ignition.deploy(CouncilGovernance, { parameters });
  const addresses = {} as Addresses;
  for (const key of CONTRACT_KEYS) addresses[key] = await deployed[key].getAddress();
  const c = await connectContracts(addresses, signers[0]);
  const stakeUnit = await c.vault.stakeUnit();
  for (let i = 0; i < members; i++) {
    const units = BigInt((i % 5) + 1);
    await deposit(actingAs(c, admin(i)), { amount: formatEther(units * stakeUnit).replace(/\.0$/, "") });
  }
  await networkHelpers.time.increase(3600);
  const proposers = [signers[1], ...Array.from({ length: members }, (_, i) => voter(i))];
  let next = 0;
  const propose = async (count: number): Promise<bigint[]> => {
    const ids: bigint[] = [];
    for (let i = 0; i < count && next < motions; i++, next++) {
      const proposer = proposers[next % proposers.length];
      const title = `# Signal ${next + 1}: review item ${next + 1} of the council's agenda`;
      ids.push(
        (
          await proposeMotion(
            actingAs(c, proposer),
            signal(c, `${title}\n\nMotion ${next + 1} of ${motions}.`),
          )
        ).motionId,
      );
    }
    return ids;
  };
  const wave = Math.ceil(motions * 0.4);
  print(`Proposing ${motions} motions in three waves…`);
  const first = await propose(wave);
  await networkHelpers.time.increase(7n * DAY + HOUR);
  const quorumVoters = Math.ceil(members / 3) + 1;
  for (const id of first.slice(0, Math.ceil(first.length / 4))) {
    for (let m = 0; m < quorumVoters; m++) await castVote(actingAs(c, voter(m)), id, SUPPORT.for);
  }
  await networkHelpers.time.increase(7n * DAY + HOUR);
  await propose(Math.ceil((motions - wave) / 2));
  await networkHelpers.time.increase(7n * DAY + HOUR);
  await propose(motions - next);
  return { contracts: c, addresses, deploymentBlock, members, motions: next };
}
