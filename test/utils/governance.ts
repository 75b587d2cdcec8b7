/**
 * Fixture for the whole governance system: registry, stake vault, timelock, motion policy and governor, with every
 * role handed to the timelock and none left to the deployer (docs/architecture.md, Roles), and lifecycle helpers.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { AddressLike, BigNumberish, BytesLike } from "ethers";

import type {
  AddressBookMock,
  CnStakingV2Mock,
  CnStakingV3Mock,
  CouncilGovernor,
  CouncilGovernorLens,
  CouncilRegistry,
  KaiaStakeVault,
  MotionPolicy,
  StakeVault,
  TimelockController,
  VoteExtension,
} from "../../typechain-types/index.js";
import { MotionClass, ProposerRule, VoteSupport as Vote } from "../../scripts/ops/enums.js";
import { DAY, RICH, SPONSORSHIP_WINDOW, STAKE_UNIT, ethers, networkHelpers, nodeAddress } from "./council.js";

// The contracts' enums, from their one TypeScript source (the tests call VoteSupport `Vote`).
export { MotionClass, ProposalState, ProposerRule, VoteSupport as Vote } from "../../scripts/ops/enums.js";

export interface ClassConfig {
  votingDelay: bigint;
  votingPeriod: bigint;
  timelockDelay: bigint;
  memberQuorumBps: bigint;
  voteQuorumBps: bigint;
  approvalNumerator: bigint;
  approvalDenominator: bigint;
}

/** The default class configurations (docs/architecture.md, Motion classes), indexed by MotionClass. */
export const DEFAULT_CLASS_CONFIGS: ClassConfig[] = [
  // Standard, Treasury: 1/3 quorum, For > Against + Abstain, 2-day timelock
  cfg(7n, 7n, 2n, 3333n, 3333n, 1n, 2n),
  cfg(7n, 7n, 2n, 3333n, 3333n, 1n, 2n),
  // Constitutional: 1/2 quorum, For >= 2/3 of cast, 7-day timelock
  cfg(7n, 7n, 7n, 5000n, 5000n, 2n, 3n),
  // Admission: as Standard
  cfg(7n, 7n, 2n, 3333n, 3333n, 1n, 2n),
  // No-confidence: 1/2 quorum of the others, For >= 2/3 of cast
  cfg(7n, 7n, 2n, 5000n, 5000n, 2n, 3n),
];

function cfg(
  delayDays: bigint,
  periodDays: bigint,
  timelockDays: bigint,
  memberQuorumBps: bigint,
  voteQuorumBps: bigint,
  approvalNumerator: bigint,
  approvalDenominator: bigint,
): ClassConfig {
  return {
    votingDelay: delayDays * DAY,
    votingPeriod: periodDays * DAY,
    timelockDelay: timelockDays * DAY,
    memberQuorumBps,
    voteQuorumBps,
    approvalNumerator,
    approvalDenominator,
  };
}

export const TIMELOCK_MIN_DELAY = 2n * DAY;
export const QUEUE_WINDOW = 14n * DAY;
export const EXECUTION_WINDOW = 14n * DAY;
export const LATE_QUORUM_EXTENSION = 2n * DAY;
export const GUARDIAN_TERM = 365n * DAY;
export const MAX_ACTIONS = 32n;
export const MAX_LIVE_PROPOSALS = 3n;

export interface System {
  registry: CouncilRegistry;
  vault: StakeVault;
  timelock: TimelockController;
  policy: MotionPolicy;
  governor: CouncilGovernor;
  /** Read-only helper listing motions (motionDetails, motionPage). */
  lens: CouncilGovernorLens;
  /** The members' vote extension, when deployed with `voteExtension` (else undefined: extensions disabled). */
  voteExtension?: VoteExtension;
  /** Timestamp of the block that deployed the governor (its guardian term starts there). */
  governorDeployedAt: bigint;
  deployer: HardhatEthersSigner;
  secretariat: HardhatEthersSigner;
  guardian: HardhatEthersSigner;
  admins: HardhatEthersSigner[];
  voters: HardhatEthersSigner[];
  others: HardhatEthersSigner[];
  /** With `kaia`: the Kaia stake source (the vault is `kaia.vault`, the same contract as `vault`). */
  kaia?: KaiaStakeSource;
}

/** The Kaia stake source of a system deployed with `kaia`: the vault, the AddressBook and each member's CnStaking. */
export interface KaiaStakeSource {
  vault: KaiaStakeVault;
  book: AddressBookMock;
  /** Member i+1's CnStaking: V3 for odd members (1, 3, …), V2 for even ones; each lists the member's node. */
  cn: (CnStakingV2Mock | CnStakingV3Mock)[];
}

export interface SystemOptions {
  members?: number;
  /** Stake units bonded by each initial member (default: 1 each). */
  stakes?: bigint[];
  actionClasses?: { target: string; selector: string; motionClass: MotionClass }[];
  /** Deploy a VoteExtension with this amount (seconds) and fix it in the governor. */
  voteExtension?: bigint;
  /**
   * Take stake from Kaia CnStaking contracts (KaiaStakeVault, in tracker or read mode) instead of bonding it: each
   * member's stake units are staked in its own CnStaking, which the AddressBook lists for the member's node and
   * which anyone then links through the AddressBook.
   */
  kaia?: { trackerMode: boolean };
}

/** Deploys the whole system as the deploy module will: the deployer ends with no role anywhere. */
export async function deploySystem(options: SystemOptions = {}): Promise<System> {
  const members = options.members ?? 5;
  const signers = await ethers.getSigners();
  const [deployer, secretariat, guardian] = signers;
  const admins = signers.slice(3, 3 + members);
  const voters = signers.slice(3 + members, 3 + 2 * members);
  const others = signers.slice(3 + 2 * members);
  for (const s of signers) await networkHelpers.setBalance(s.address, RICH);

  const timelock = await ethers.deployContract("TimelockController", [
    TIMELOCK_MIN_DELAY,
    [],
    [],
    deployer.address,
  ]);
  const timelockAddress = await timelock.getAddress();
  const initial = admins.map((admin, i) => ({
    name: `Member ${i + 1}`,
    metadataURI: `https://member${i + 1}.example/gc.json`,
    admin: admin.address,
    voter: voters[i].address,
    nodes: [nodeAddress(100 + i)],
  }));
  const registry = await ethers.deployContract("CouncilRegistry", [
    timelockAddress,
    4n,
    100n,
    SPONSORSHIP_WINDOW,
    initial,
  ]);
  const book = options.kaia ? await ethers.deployContract("AddressBookMock") : undefined;
  const kaiaVault =
    options.kaia && book
      ? await ethers.deployContract("KaiaStakeVault", [
          await registry.getAddress(),
          await book.getAddress(),
          options.kaia.trackerMode,
          STAKE_UNIT,
          7n * DAY,
          7n * DAY,
          timelockAddress,
        ])
      : undefined;
  const vault: StakeVault =
    kaiaVault === undefined
      ? await ethers.deployContract("StakeVault", [
          await registry.getAddress(),
          ethers.ZeroAddress,
          STAKE_UNIT,
          7n * DAY,
          7n * DAY,
          timelockAddress,
        ])
      : await ethers.getContractAt("StakeVault", await kaiaVault.getAddress());
  await registry.bindStakeVault(await vault.getAddress());
  const policy = await ethers.deployContract("MotionPolicy", [
    timelockAddress,
    await registry.getAddress(),
    DEFAULT_CLASS_CONFIGS,
    options.actionClasses ?? [],
  ]);
  const voteExtension =
    options.voteExtension === undefined
      ? undefined
      : await ethers.deployContract("VoteExtension", [
          timelockAddress,
          await vault.getAddress(),
          options.voteExtension,
        ]);
  const governorArgs = [
    await vault.getAddress(),
    timelockAddress,
    await policy.getAddress(),
    {
      secretariat: secretariat.address,
      proposerRule: ProposerRule.SecretariatAndMembers,
      maxActions: MAX_ACTIONS,
      maxLiveProposals: MAX_LIVE_PROPOSALS,
      queueWindow: QUEUE_WINDOW,
      executionWindow: EXECUTION_WINDOW,
      lateQuorumExtension: LATE_QUORUM_EXTENSION,
      guardian: guardian.address,
      guardianTerm: GUARDIAN_TERM,
      voteExtension: voteExtension ? await voteExtension.getAddress() : ethers.ZeroAddress,
    },
  ];
  const deployed = await ethers.deployContract("CouncilGovernor", governorArgs);
  const governor = await ethers.getContractAt("CouncilGovernor", await deployed.getAddress());
  const deployment = await deployed.deploymentTransaction()?.wait();
  const governorDeployedAt = BigInt(
    (await ethers.provider.getBlock(deployment?.blockNumber ?? "latest"))!.timestamp,
  );
  const governorAddress = await governor.getAddress();
  await vault.bindGovernor(governorAddress);
  if (voteExtension) await voteExtension.bindGovernor(governorAddress);
  await timelock.grantRole(await timelock.PROPOSER_ROLE(), governorAddress);
  await timelock.grantRole(await timelock.EXECUTOR_ROLE(), governorAddress);
  await timelock.grantRole(await timelock.CANCELLER_ROLE(), governorAddress);
  await timelock.renounceRole(await timelock.DEFAULT_ADMIN_ROLE(), deployer.address);

  const stakes = options.stakes ?? admins.map(() => 1n);
  const kaia =
    kaiaVault && book && options.kaia
      ? {
          vault: kaiaVault,
          book,
          cn: await stakeInCnStaking(kaiaVault, book, options.kaia.trackerMode, admins, stakes),
        }
      : undefined;
  for (let i = 0; i < admins.length && kaia === undefined; i++) {
    if (stakes[i] > 0n) {
      const amount = stakes[i] * STAKE_UNIT;
      await vault.connect(admins[i]).stake(amount, { value: amount });
    }
  }
  await networkHelpers.time.increase(1);
  const lens = await ethers.deployContract("CouncilGovernorLens");
  return {
    registry,
    vault,
    timelock,
    policy,
    governor,
    lens,
    voteExtension,
    governorDeployedAt,
    deployer,
    secretariat,
    guardian,
    admins,
    voters,
    others,
    kaia,
  };
}

/**
 * Each member's CnStaking (V3 for odd members, V2 for even ones), pointed at the vault in tracker mode, funded with
 * its stake units, listed by the AddressBook for the member's node and linked through it by a stranger.
 */
async function stakeInCnStaking(
  vault: KaiaStakeVault,
  book: AddressBookMock,
  trackerMode: boolean,
  admins: HardhatEthersSigner[],
  stakes: bigint[],
): Promise<(CnStakingV2Mock | CnStakingV3Mock)[]> {
  const cn: (CnStakingV2Mock | CnStakingV3Mock)[] = [];
  for (const [i, admin] of admins.entries()) {
    const node = nodeAddress(100 + i);
    const args: [string, string, bigint] = [admin.address, node, BigInt(i + 1)];
    const staking: CnStakingV2Mock | CnStakingV3Mock =
      i % 2 === 0
        ? await ethers.deployContract("CnStakingV3Mock", args)
        : await ethers.deployContract("CnStakingV2Mock", args);
    if (trackerMode) await staking.connect(admin).setStakingTracker(await vault.getAddress());
    await staking.connect(admin).depositLockupStakingAndInit();
    if (stakes[i] > 0n) await staking.connect(admin).stakeKlay({ value: stakes[i] * STAKE_UNIT });
    await book.register(node, await staking.getAddress(), admin.address);
    await vault.linkStakingByAddressBook(i + 1, node, await staking.getAddress());
    cn.push(staking);
  }
  return cn;
}

/** One motion's actions and description, as passed to propose/queue/execute/cancel. */
export interface Motion {
  targets: AddressLike[];
  values: BigNumberish[];
  calldatas: BytesLike[];
  description: string;
}

export function descriptionHash(motion: Motion): string {
  return ethers.id(motion.description);
}

type LensDetails = Awaited<ReturnType<CouncilGovernorLens["motionDetails"]>>;

/** One motion's details as a plain object (field names as in ICouncilGovernor.MotionDetails). */
export interface PlainDetails {
  proposalId: bigint;
  proposer: string;
  motionClass: bigint;
  state: bigint;
  snapshot: bigint;
  deadline: bigint;
  eta: bigint;
  createdBlock: bigint;
  excludedMemberId: bigint;
  subjectMemberId: bigint;
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
  voters: bigint;
  memberQuorum: bigint;
  voteQuorum: bigint;
}

/** The lens's result as a plain object, for deep-equality assertions. */
export function plainDetails(d: LensDetails): PlainDetails {
  return {
    proposalId: d.proposalId,
    proposer: d.proposer,
    motionClass: d.motionClass,
    state: d.state,
    snapshot: d.snapshot,
    deadline: d.deadline,
    eta: d.eta,
    createdBlock: d.createdBlock,
    excludedMemberId: d.excludedMemberId,
    subjectMemberId: d.subjectMemberId,
    forVotes: d.forVotes,
    againstVotes: d.againstVotes,
    abstainVotes: d.abstainVotes,
    voters: d.voters,
    memberQuorum: d.memberQuorum,
    voteQuorum: d.voteQuorum,
  };
}

/** Every field of the lens's `motionDetails` for motion `id`, as a plain object. */
export async function motionDetailsOf(system: System, id: bigint): Promise<PlainDetails> {
  return plainDetails(await system.lens.motionDetails(await system.governor.getAddress(), id));
}

type RecordOutput = Awaited<ReturnType<CouncilGovernor["motionRecord"]>>;

/** A motion's record (ICouncilGovernor.MotionRecord: everything frozen at proposal) as a plain object. */
export interface PlainRecord {
  motionClass: bigint;
  createdBlock: bigint;
  subjectMemberId: bigint;
  excludedMemberId: bigint;
  timelockDelay: bigint;
  memberQuorumBps: bigint;
  voteQuorumBps: bigint;
  approvalNumerator: bigint;
  approvalDenominator: bigint;
  queueWindow: bigint;
  executionWindow: bigint;
}

/** The governor's `motionRecord` result as a plain object, for deep-equality assertions. */
export function plainRecord(r: RecordOutput): PlainRecord {
  return {
    motionClass: r.motionClass,
    createdBlock: r.createdBlock,
    subjectMemberId: r.subjectMemberId,
    excludedMemberId: r.excludedMemberId,
    timelockDelay: r.timelockDelay,
    memberQuorumBps: r.memberQuorumBps,
    voteQuorumBps: r.voteQuorumBps,
    approvalNumerator: r.approvalNumerator,
    approvalDenominator: r.approvalDenominator,
    queueWindow: r.queueWindow,
    executionWindow: r.executionWindow,
  };
}

/** Motion `id`'s record, as a plain object. */
export async function motionRecordOf(system: System, id: bigint): Promise<PlainRecord> {
  return plainRecord(await system.governor.motionRecord(id));
}

/**
 * The record a motion of class `cls` gets with the default class configurations and expiry windows, created in
 * block `createdBlock` about `subject` (excluded from the vote for a No-confidence motion).
 */
export function expectedRecord(cls: MotionClass, createdBlock: bigint, subject = 0n): PlainRecord {
  const k = DEFAULT_CLASS_CONFIGS[cls];
  return {
    motionClass: BigInt(cls),
    createdBlock,
    subjectMemberId: subject,
    excludedMemberId: cls === MotionClass.NoConfidence ? subject : 0n,
    timelockDelay: k.timelockDelay,
    memberQuorumBps: k.memberQuorumBps,
    voteQuorumBps: k.voteQuorumBps,
    approvalNumerator: k.approvalNumerator,
    approvalDenominator: k.approvalDenominator,
    queueWindow: QUEUE_WINDOW,
    executionWindow: EXECUTION_WINDOW,
  };
}

/** The timelock operation id of a queued motion (GovernorTimelockControl's salt: governor address XOR hash). */
export async function operationId(system: System, motion: Motion): Promise<string> {
  const governor = BigInt(await system.governor.getAddress());
  const salt = ethers.toBeHex((governor << 96n) ^ BigInt(descriptionHash(motion)), 32);
  return system.timelock.hashOperationBatch(
    motion.targets,
    motion.values,
    motion.calldatas,
    ethers.ZeroHash,
    salt,
  );
}

/** A Standard signalling motion: an empty, value-less call to the timelock. */
export async function signallingMotion(
  system: System,
  description = "Signal: adopt the 2027 roadmap",
): Promise<Motion> {
  return { targets: [await system.timelock.getAddress()], values: [0n], calldatas: ["0x"], description };
}

export async function propose(
  system: System,
  motion: Motion,
  proposer: HardhatEthersSigner,
): Promise<bigint> {
  await system.governor
    .connect(proposer)
    .propose(motion.targets, motion.values, motion.calldatas, motion.description);
  return system.governor.latestProposalId();
}

export async function waitForSnapshot(system: System, proposalId: bigint): Promise<void> {
  await networkHelpers.time.increaseTo((await system.governor.proposalSnapshot(proposalId)) + 1n);
}

export async function waitForDeadline(system: System, proposalId: bigint): Promise<void> {
  await networkHelpers.time.increaseTo((await system.governor.proposalDeadline(proposalId)) + 1n);
}

export async function waitForEta(system: System, proposalId: bigint): Promise<void> {
  await networkHelpers.time.increaseTo(await system.governor.proposalEta(proposalId));
}

export async function queue(system: System, motion: Motion, caller?: HardhatEthersSigner): Promise<void> {
  const governor = caller ? system.governor.connect(caller) : system.governor;
  await governor.queue(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
}

export async function execute(system: System, motion: Motion, caller?: HardhatEthersSigner): Promise<void> {
  const governor = caller ? system.governor.connect(caller) : system.governor;
  await governor.execute(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
}

/** Every listed voter casts `support`. */
export async function voteAll(
  system: System,
  proposalId: bigint,
  voters: HardhatEthersSigner[],
  support: Vote,
): Promise<void> {
  for (const v of voters) await system.governor.connect(v).castVote(proposalId, support);
}

/** propose → snapshot → all members vote For → deadline → queue → ETA → execute. */
export async function passAndExecute(
  system: System,
  motion: Motion,
  proposer: HardhatEthersSigner,
): Promise<bigint> {
  const id = await propose(system, motion, proposer);
  await waitForSnapshot(system, id);
  await voteAll(system, id, system.voters, Vote.For);
  await waitForDeadline(system, id);
  await queue(system, motion);
  await waitForEta(system, id);
  await execute(system, motion);
  return id;
}
