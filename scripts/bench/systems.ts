/**
 * The two systems the benchmark compares, deployed on a benchmark chain:
 * - ours, exactly as `deploySystem` (test/utils/governance.ts) deploys it (same constants, same order, every role
 *   handed to the governor, the deployer renouncing), but with generated member accounts and a registry whose
 *   maximum council size is 255 so that councils of up to 255 members fit; in one of three stake modes: coin
 *   bonded in the StakeVault, or a KaiaStakeVault reading the members' CnStaking mocks in tracker or read mode;
 * - the baseline: a stock OpenZeppelin Governor and ERC20Votes token (contracts/bench/) with a TimelockController
 *   wired the same way (proposer, executor and canceller roles to the governor, the deployer renouncing).
 * Both get their own SettableTarget, the target of the motions that are queued and executed, so that neither
 * execution finds storage the other one already wrote.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { ZeroAddress, id } from "ethers";
import type { Overrides, Signer, TransactionReceipt, TransactionResponse, Wallet } from "ethers";

import { DAY, SPONSORSHIP_WINDOW, STAKE_UNIT, nodeAddress } from "../../test/utils/council.js";
import {
  DEFAULT_CLASS_CONFIGS,
  EXECUTION_WINDOW,
  GUARDIAN_TERM,
  LATE_QUORUM_EXTENSION,
  MAX_ACTIONS,
  MAX_LIVE_PROPOSALS,
  MotionClass,
  ProposerRule,
  QUEUE_WINDOW,
  TIMELOCK_MIN_DELAY,
} from "../../test/utils/governance.js";
import type {
  AddressBookMock,
  CnStakingMock,
  CouncilGovernor,
  CouncilRegistry,
  IGovernor,
  MotionPolicy,
  SettableTarget,
  KaiaStakeVault,
  StakeVault,
  StockGovernor,
  StockVotesToken,
  TimelockController,
} from "../../typechain-types/index.js";
import { BOOTSTRAP_BATCH_SIZE } from "../ops/system.js";
import type { Chain } from "./bench-chain.js";
import type { StakeMode } from "./results.js";

export type { StakeMode };

export { DAY, STAKE_UNIT, MotionClass };

/**
 * Where members' votes come from: coin bonded in our StakeVault, or Kaia CnStaking contracts read by a
 * KaiaStakeVault that members point their CnStaking at (tracker mode) or that coexists with Kaia's own tracker and
 * is refreshed by anyone (read mode).
 */
export const STAKE_MODES: readonly StakeMode[] = ["bonded", "kaia-tracker", "kaia-read"];

/** The bench registry's council size bounds: the default minimum, and room for a 200-member council. */
export const MIN_MEMBERS = 4n;
export const MAX_MEMBERS = 255n;
/** Native coin for accounts that only pay gas. */
export const GAS_MONEY = 10n ** 24n;

/** Support values (Bravo). */
export const FOR = 1;

export interface Member {
  id: bigint;
  /** Stakes, unstakes, withdraws (the organization's controlling account). */
  admin: Wallet;
  /** Votes and proposes. */
  voter: Wallet;
}

/** A motion's actions and description, as passed to propose, queue and execute. */
export interface Actions {
  targets: string[];
  values: bigint[];
  calldatas: string[];
  description: string;
}

/** The calls both governors share (IGovernor), how to read a voter's signature nonce, and the EIP-712 name. */
export interface Governance {
  governor: IGovernor;
  address: string;
  /** EIP-712 domain name ("GC Governor" or "Stock Governor"). */
  domainName: string;
  nonces(account: string): Promise<bigint>;
  timelock: TimelockController;
  /** The SettableTarget its motions call. */
  target: SettableTarget;
}

/** The Kaia side of a council in a Kaia stake mode. */
export interface KaiaStake {
  vault: KaiaStakeVault;
  book: AddressBookMock;
  /** Member i's (0-based) CnStaking mock. */
  staking: CnStakingMock[];
}

export interface Council extends Governance {
  mode: StakeMode;
  registry: CouncilRegistry;
  /** The vault as the governor sees it (a KaiaStakeVault is a StakeVault). */
  vault: StakeVault;
  /** Set in the Kaia modes. */
  kaia: KaiaStake | null;
  policy: MotionPolicy;
  council: CouncilGovernor;
  deployer: HardhatEthersSigner;
  secretariat: HardhatEthersSigner;
  guardian: HardhatEthersSigner;
  members: Member[];
  /** Gas of the registry's deployment with its initial council, and the length of its init code in bytes. */
  registryDeployGas: bigint;
  registryInitCodeBytes: number;
  /** The largest transaction of the whole deployment, up to every member's stake counting (gas). */
  deploymentGas: bigint;
}

export interface Stock extends Governance {
  token: StockVotesToken;
  stock: StockGovernor;
  holders: Wallet[];
}

/** The generated accounts of member `index` (0-based): the same keys in every run and every council size. */
export async function memberAccounts(chain: Chain, index: number, units: bigint): Promise<Member> {
  return {
    id: BigInt(index + 1),
    // Room for two more stake units than the member bonds at deployment (top-ups, a first unit).
    admin: await chain.wallet(`member ${index + 1} admin`, (units + 2n) * STAKE_UNIT + GAS_MONEY),
    voter: await chain.wallet(`member ${index + 1} voter`, GAS_MONEY),
  };
}

/**
 * Deploys our system as `deploySystem` does, with `size` members; member i (0-based) bonds `units(i)` stake units
 * from its admin account (none when 0), in order. In the Kaia modes, member i instead gets a CnStaking mock
 * ({deployCnStaking}, version `cnVersion(i)`: by default V3 for odd member ids, V2 for even ones) holding `units(i)`
 * units, linked to it through the AddressBook.
 */
export async function deployCouncil(
  chain: Chain,
  size: number,
  units: (index: number) => bigint,
  mode: StakeMode = "bonded",
  cnVersion: (index: number) => 2 | 3 = (index) => (index % 2 === 0 ? 3 : 2),
): Promise<Council> {
  const { ethers } = chain;
  chain.resetLargest();
  const [deployer, secretariat, guardian] = await ethers.getSigners();
  const members: Member[] = [];
  for (let i = 0; i < size; i++) members.push(await memberAccounts(chain, i, units(i)));

  const target = await chain.deploy((o) => ethers.deployContract("SettableTarget", [], o));
  const targetAddress = await target.getAddress();
  const timelock = await chain.deploy((o) =>
    ethers.deployContract("TimelockController", [TIMELOCK_MIN_DELAY, [], [], deployer.address], o),
  );
  const timelockAddress = await timelock.getAddress();
  const { registry, registryDeployGas, registryInitCodeBytes } = await bootstrapRegistry(
    chain,
    timelockAddress,
    members,
  );
  const registryAddress = await registry.getAddress();
  const book =
    mode === "bonded" ? null : await chain.deploy((o) => ethers.deployContract("AddressBookMock", [], o));
  const kaiaVault =
    book === null
      ? null
      : await chain.deploy((o) =>
          ethers.deployContract(
            "KaiaStakeVault",
            [registryAddress, book, mode === "kaia-tracker", STAKE_UNIT, 7n * DAY, 7n * DAY, timelockAddress],
            o,
          ),
        );
  const vault =
    kaiaVault === null
      ? await chain.deploy((o) =>
          ethers.deployContract(
            "StakeVault",
            [registryAddress, ethers.ZeroAddress, STAKE_UNIT, 7n * DAY, 7n * DAY, timelockAddress],
            o,
          ),
        )
      : await ethers.getContractAt("StakeVault", await kaiaVault.getAddress());
  const vaultAddress = await vault.getAddress();
  await chain.send((o) => registry.bindStakeVault(vaultAddress, o));
  // The benchmark's call target is classified Standard at deployment (deploySystem's `actionClasses` option).
  const actionClasses = [
    {
      target: targetAddress,
      selector: target.interface.getFunction("setValue").selector,
      motionClass: MotionClass.Standard,
    },
  ];
  const policy = await chain.deploy((o) =>
    ethers.deployContract(
      "MotionPolicy",
      [timelockAddress, registryAddress, DEFAULT_CLASS_CONFIGS, actionClasses],
      o,
    ),
  );
  const settings = {
    secretariat: secretariat.address,
    proposerRule: ProposerRule.SecretariatAndMembers,
    maxActions: MAX_ACTIONS,
    maxLiveProposals: MAX_LIVE_PROPOSALS,
    queueWindow: QUEUE_WINDOW,
    executionWindow: EXECUTION_WINDOW,
    lateQuorumExtension: LATE_QUORUM_EXTENSION,
    guardian: guardian.address,
    guardianTerm: GUARDIAN_TERM,
    voteExtension: ZeroAddress,
  };
  const policyAddress = await policy.getAddress();
  const deployed = await chain.deploy((o) =>
    ethers.deployContract("CouncilGovernor", [vaultAddress, timelockAddress, policyAddress, settings], o),
  );
  const address = await deployed.getAddress();
  const council = await ethers.getContractAt("CouncilGovernor", address);
  // The governor freezes a no-confidence target's stake: the deployer binds it, as the deploy module does.
  await chain.send((o) => vault.bindGovernor(address, o));
  await handOverTimelock(chain, timelock, address, deployer);

  const staking: CnStakingMock[] = [];
  for (let i = 0; i < size; i++) {
    const amount = units(i) * STAKE_UNIT;
    if (kaiaVault !== null && book !== null) {
      const cn = await deployCnStaking(
        chain,
        mode,
        kaiaVault,
        book,
        i,
        members[i].admin,
        amount,
        cnVersion(i),
      );
      staking.push(cn);
      // Anyone may link a CnStaking that the AddressBook lists for one of the member's nodes.
      const cnAddress = await cn.getAddress();
      await chain.send((o) =>
        kaiaVault.linkStakingByAddressBook(members[i].id, nodeAddress(100 + i), cnAddress, o),
      );
    } else if (amount > 0n) {
      await chain.send((o) => vault.connect(members[i].admin).stake(amount, { ...o, value: amount }));
    }
  }
  return {
    mode,
    kaia: kaiaVault !== null && book !== null ? { vault: kaiaVault, book, staking } : null,
    governor: await ethers.getContractAt("IGovernor", address),
    address,
    domainName: "GC Governor",
    nonces: (account) => council.nonces(account),
    timelock,
    target,
    registry,
    vault,
    policy,
    council,
    deployer,
    secretariat,
    guardian,
    members,
    registryDeployGas,
    registryInitCodeBytes,
    deploymentGas: chain.largestGas,
  };
}

/**
 * Deploys the registry empty, owned by `owner`, and registers `members` in batches (the bootstrap), then closes the
 * bootstrap, as the deploy module does: the largest of these transactions is what a council of this size needs.
 */
export async function bootstrapRegistry(
  chain: Chain,
  owner: string,
  members: Member[],
): Promise<{ registry: CouncilRegistry; registryDeployGas: bigint; registryInitCodeBytes: number }> {
  const initial = members.map((m, i) => ({
    name: `Member ${i + 1}`,
    metadataURI: `https://member${i + 1}.example/gc.json`,
    admin: m.admin.address,
    voter: m.voter.address,
    nodes: [nodeAddress(100 + i)],
  }));
  const registry = await chain.deploy((o) =>
    chain.ethers.deployContract(
      "CouncilRegistry",
      [owner, MIN_MEMBERS, MAX_MEMBERS, SPONSORSHIP_WINDOW, []],
      o,
    ),
  );
  const registryTx = registry.deploymentTransaction();
  const registryDeployment = await registryTx?.wait();
  if (!registryTx || !registryDeployment) throw new Error("registry deployment not mined");
  let registryDeployGas = registryDeployment.gasUsed;
  for (let i = 0; i < initial.length; i += BOOTSTRAP_BATCH_SIZE) {
    const batch = initial.slice(i, i + BOOTSTRAP_BATCH_SIZE);
    const used = await chain.gas((o) => registry.bootstrapMembers(batch, o));
    if (used > registryDeployGas) registryDeployGas = used;
  }
  await chain.send((o) => registry.endBootstrap(o));
  return { registry, registryDeployGas, registryInitCodeBytes: (registryTx.data.length - 2) / 2 };
}

/**
 * Member `index`'s (0-based) CnStaking mock (V2 or V3), as its organization would set it up: in tracker mode pointed at our vault before its initial deposit; `amount` deposited as the initial lockup
 * (which calls no tracker); listed in the AddressBook for the member's node. In read mode it keeps no tracker here
 * (Kaia's own StakingTracker, outside the benchmark, would be told of its changes).
 */
export async function deployCnStaking(
  chain: Chain,
  mode: StakeMode,
  kaiaVault: KaiaStakeVault,
  book: AddressBookMock,
  index: number,
  admin: Wallet,
  amount: bigint,
  version: 2 | 3,
): Promise<CnStakingMock> {
  const { ethers } = chain;
  const node = nodeAddress(100 + index);
  const contract = version === 3 ? "CnStakingV3Mock" : "CnStakingV2Mock";
  const deployed = await chain.deploy((o) =>
    ethers.deployContract(contract, [admin.address, node, BigInt(index + 1)], o),
  );
  const address = await deployed.getAddress();
  const cn = (await ethers.getContractAt("CnStakingMock", address)).connect(admin);
  if (mode === "kaia-tracker") {
    const vaultAddress = await kaiaVault.getAddress();
    await chain.send((o) => cn.setStakingTracker(vaultAddress, o));
  }
  await chain.send((o) => cn.depositLockupStakingAndInit({ ...o, value: amount }));
  await chain.send((o) => book.register(node, address, admin.address, o));
  return cn;
}

/**
 * Deploys the stock OpenZeppelin baseline; holder i receives `votes(i)` whole tokens and delegates to itself (the
 * same voting weights as the council's members).
 */
export async function deployStock(
  chain: Chain,
  holders: Wallet[],
  votes: (index: number) => bigint,
): Promise<Stock> {
  const { ethers } = chain;
  const [deployer] = await ethers.getSigners();
  const target = await chain.deploy((o) => ethers.deployContract("SettableTarget", [], o));
  const token = await chain.deploy((o) => ethers.deployContract("StockVotesToken", [], o));
  const timelock = await chain.deploy((o) =>
    ethers.deployContract("TimelockController", [TIMELOCK_MIN_DELAY, [], [], deployer.address], o),
  );
  const stock = await chain.deploy((o) =>
    ethers.deployContract("StockGovernor", [token.getAddress(), timelock.getAddress()], o),
  );
  const address = await stock.getAddress();
  await handOverTimelock(chain, timelock, address, deployer);
  for (let i = 0; i < holders.length; i++) {
    const holder = holders[i];
    await chain.send((o) => token.mint(holder.address, votes(i) * 10n ** 18n, o));
    await chain.send((o) => token.connect(holder).delegate(holder.address, o));
  }
  return {
    governor: await ethers.getContractAt("IGovernor", address),
    address,
    domainName: "Stock Governor",
    nonces: (account) => stock.nonces(account),
    timelock,
    target,
    token,
    stock,
    holders,
  };
}

/** Proposer, executor and canceller roles to the governor; the deployer renounces its temporary admin role. */
async function handOverTimelock(
  chain: Chain,
  timelock: TimelockController,
  governor: string,
  deployer: HardhatEthersSigner,
): Promise<void> {
  for (const role of [
    await timelock.PROPOSER_ROLE(),
    await timelock.EXECUTOR_ROLE(),
    await timelock.CANCELLER_ROLE(),
  ]) {
    await chain.send((o) => timelock.grantRole(role, governor, o));
  }
  const admin = await timelock.DEFAULT_ADMIN_ROLE();
  await chain.send((o) => timelock.renounceRole(admin, deployer.address, o));
}

// ---------------------------------------------------------------- motions

/** `count` calls of `setValue` on the system's target (a Standard motion for ours). */
export async function setValueActions(g: Governance, count: number, description: string): Promise<Actions> {
  const target = await g.target.getAddress();
  return {
    targets: Array.from({ length: count }, () => target),
    values: Array.from({ length: count }, () => 0n),
    calldatas: Array.from({ length: count }, (_, i) =>
      g.target.interface.encodeFunctionData("setValue", [BigInt(1000 + i)]),
    ),
    description,
  };
}

/** Value-less calls to one contract (the reserve, the policy). */
export function callActions(target: string, calldatas: string[], description: string): Actions {
  return { targets: calldatas.map(() => target), values: calldatas.map(() => 0n), calldatas, description };
}

export function descriptionHash(a: Actions): string {
  return id(a.description);
}

export async function propose(
  chain: Chain,
  g: Governance,
  proposer: Signer,
  a: Actions,
): Promise<{ id: bigint; receipt: TransactionReceipt }> {
  const receipt = await chain.send((o) =>
    g.governor.connect(proposer).propose(a.targets, a.values, a.calldatas, a.description, o),
  );
  const id = await g.governor.getProposalId(a.targets, a.values, a.calldatas, descriptionHash(a));
  return { id, receipt };
}

export function queue(chain: Chain, g: Governance, a: Actions, caller?: Signer): Promise<TransactionReceipt> {
  const governor = caller ? g.governor.connect(caller) : g.governor;
  return chain.send((o) => governor.queue(a.targets, a.values, a.calldatas, descriptionHash(a), o));
}

export function execute(
  chain: Chain,
  g: Governance,
  a: Actions,
  caller?: Signer,
): Promise<TransactionReceipt> {
  const governor = caller ? g.governor.connect(caller) : g.governor;
  return chain.send((o) => governor.execute(a.targets, a.values, a.calldatas, descriptionHash(a), o));
}

export function castVote(
  chain: Chain,
  g: Governance,
  id: bigint,
  voter: Signer,
): Promise<TransactionReceipt> {
  return chain.send((o) => g.governor.connect(voter).castVote(id, FOR, o));
}

export function castVoteWithReason(
  chain: Chain,
  g: Governance,
  id: bigint,
  voter: Signer,
  reason: string,
): Promise<TransactionReceipt> {
  return chain.send((o) => g.governor.connect(voter).castVoteWithReason(id, FOR, reason, o));
}

/** The voter signs an EIP-712 Ballot; `relayer` sends it. */
export async function castVoteBySig(
  chain: Chain,
  g: Governance,
  id: bigint,
  voter: Wallet,
  relayer: Signer,
): Promise<TransactionReceipt> {
  const { chainId } = await chain.ethers.provider.getNetwork();
  const domain = { name: g.domainName, version: "1", chainId, verifyingContract: g.address };
  const types = {
    Ballot: [
      { name: "proposalId", type: "uint256" },
      { name: "support", type: "uint8" },
      { name: "voter", type: "address" },
      { name: "nonce", type: "uint256" },
    ],
  };
  const nonce = await g.nonces(voter.address);
  const signature = await voter.signTypedData(domain, types, {
    proposalId: id,
    support: FOR,
    voter: voter.address,
    nonce,
  });
  return chain.send((o) => g.governor.connect(relayer).castVoteBySig(id, FOR, voter.address, signature, o));
}

export async function snapshotOf(g: Governance, id: bigint): Promise<bigint> {
  return g.governor.proposalSnapshot(id);
}

export async function deadlineOf(g: Governance, id: bigint): Promise<bigint> {
  return g.governor.proposalDeadline(id);
}

export async function etaOf(g: Governance, id: bigint): Promise<bigint> {
  return g.governor.proposalEta(id);
}

/** Sends a plain transfer (e.g. funding the reserve). */
export function transfer(chain: Chain, from: Signer, to: string, value: bigint): Promise<TransactionReceipt> {
  return chain.send((o: Overrides): Promise<TransactionResponse> =>
    from.sendTransaction({ ...o, to, value }),
  );
}
