/**
 * A Kaia-mode council on the harness's chain, for the portal's Kaia journeys: the whole system with a
 * KaiaStakeVault in place of the bonded StakeVault, deployed as the contract tests deploy it
 * (test/council/KaiaStakeVault.test.ts, test/utils/governance.ts), the CnStaking mocks (V2 and V3) staked, and the
 * AddressBook mock placed at Kaia's AddressBook address with `hardhat_setCode`; then the same portal build served
 * with a `config.json` for that deployment. The default (bonded) seed and `npm start` are untouched.
 *
 * Parameters (stake unit, periods, class configurations, timelock delay) come from the localhost parameter file
 * that the seed deploys with; the members are four, so that three eligible members give a vote cap of 2.
 */
import { readFileSync } from "node:fs";

import { ZeroAddress, id } from "ethers";
import type { Signer } from "ethers";
import hre from "hardhat";

import { PORTAL_DIST } from "../../../scripts/portal/build.js";
import { runtimeConfig } from "../../../scripts/portal/portal.js";
import type { PortalRuntimeConfig } from "../../../scripts/portal/portal.js";
import { SEED_ACCOUNT } from "../../../scripts/portal/seed.js";
import { startStaticServer } from "../../../scripts/portal/static-server.js";
import type { StaticServer } from "../../../scripts/portal/static-server.js";
import type { Addresses } from "../../../scripts/ops/deployment.js";
import type {
  AddressBookMock,
  CnStakingV2Mock,
  CnStakingV3Mock,
  CouncilRegistry,
  KaiaStakeVault,
} from "../../../typechain-types/index.js";
import type { Harness } from "./index.js";

/** Kaia's AddressBook system contract (Kaia and Kairos). */
export const ADDRESS_BOOK = "0x0000000000000000000000000000000000000400";

const PARAMETER_FILE = new URL("../../../deploy/parameters/localhost.json", import.meta.url);

interface LocalParameters {
  timelockMinDelay: number;
  sponsorshipWindow: number;
  stakeUnit: string;
  unbondingPeriod: number;
  withdrawalWindow: number;
  reservePauseDuration: number;
  classConfigs: Record<string, number>[];
  proposerRule: number;
  maxActions: number;
  maxLiveProposals: number;
  queueWindow: number;
  executionWindow: number;
  lateQuorumExtension: number;
  guardianTerm: number;
}

const MEMBER_NAMES = ["Koru Nodes", "Lumen Staking", "Maple Chain", "Nimbus Labs"] as const;

export interface KaiaMember {
  id: bigint;
  name: string;
  admin: Signer & { address: string };
  voter: string;
  node: string;
  /** The member's CnStaking (V3 for members 1 and 3, V2 for 2 and 4). */
  cn: CnStakingV3Mock | CnStakingV2Mock;
  cnAddress: string;
}

export interface KaiaCouncil {
  trackerMode: boolean;
  registry: CouncilRegistry;
  vault: KaiaStakeVault;
  book: AddressBookMock;
  addresses: Addresses;
  members: KaiaMember[];
  stakeUnit: bigint;
  config: PortalRuntimeConfig;
  web: StaticServer;
  /** The portal serving this deployment (ends with "/"). */
  url: string;
  close(): Promise<void>;
}

export interface KaiaCouncilOptions {
  /** Tracker mode (the CnStaking contracts point at the vault) or read mode. */
  trackerMode: boolean;
  /** Members (1-based) whose CnStaking is linked through the AddressBook at deployment (default: all). */
  linked?: number[];
  /** Node addresses are 0x…<nodePrefix><member>: distinct per council on the same chain. */
  nodePrefix: number;
}

/** Places the AddressBook mock's code at Kaia's AddressBook address (once per chain state). */
async function addressBookAt(h: Harness): Promise<AddressBookMock> {
  const { ethers, provider } = h.chain.connection;
  if ((await ethers.provider.getCode(ADDRESS_BOOK)) === "0x") {
    const artifact = await hre.artifacts.readArtifact("AddressBookMock");
    await provider.request({ method: "hardhat_setCode", params: [ADDRESS_BOOK, artifact.deployedBytecode] });
  }
  return ethers.getContractAt("AddressBookMock", ADDRESS_BOOK);
}

/** Deploys a Kaia-mode council on the harness's chain and serves the portal for it. */
export async function deployKaiaCouncil(h: Harness, options: KaiaCouncilOptions): Promise<KaiaCouncil> {
  const { ethers } = h.chain.connection;
  const p = (JSON.parse(readFileSync(PARAMETER_FILE, "utf8")) as { CouncilGovernance: LocalParameters })
    .CouncilGovernance;
  const signers = await ethers.getSigners();
  const deployer = signers[SEED_ACCOUNT.deployer];
  const secretariat = signers[SEED_ACCOUNT.secretariat].address;
  const guardian = signers[SEED_ACCOUNT.guardian].address;
  const admins = MEMBER_NAMES.map((_, i) => signers[SEED_ACCOUNT.firstFree + i]);
  const address = (n: number) => `0x${n.toString(16).padStart(40, "0")}`;
  const nodes = MEMBER_NAMES.map((_, i) => address(options.nodePrefix * 16 + i + 1));
  const voters = MEMBER_NAMES.map((_, i) => address(0xe0000 + options.nodePrefix * 16 + i + 1));
  const stakeUnit = BigInt(p.stakeUnit);
  const deploymentBlock = (await ethers.provider.getBlockNumber()) + 1;

  const book = await addressBookAt(h);
  const timelock = await ethers.deployContract("TimelockController", [
    p.timelockMinDelay,
    [],
    [],
    deployer.address,
  ]);
  const timelockAddress = await timelock.getAddress();
  const registry = await ethers.deployContract("CouncilRegistry", [
    timelockAddress,
    MEMBER_NAMES.length,
    100n,
    p.sponsorshipWindow,
    MEMBER_NAMES.map((name, i) => ({
      name,
      metadataURI: `https://member${i + 1}.kaia.example/gc.json`,
      admin: admins[i].address,
      voter: voters[i],
      nodes: [nodes[i]],
    })),
  ]);
  const vault = await ethers.deployContract("KaiaStakeVault", [
    await registry.getAddress(),
    ADDRESS_BOOK,
    options.trackerMode,
    stakeUnit,
    p.unbondingPeriod,
    p.withdrawalWindow,
    timelockAddress,
  ]);
  const vaultAddress = await vault.getAddress();
  await (await registry.bindStakeVault(vaultAddress)).wait();
  const reserve = await ethers.deployContract("ImprovementReserve", [
    timelockAddress,
    guardian,
    p.guardianTerm,
    p.reservePauseDuration,
    [],
    [],
  ]);
  const policy = await ethers.deployContract("MotionPolicy", [
    timelockAddress,
    await registry.getAddress(),
    p.classConfigs,
    [],
  ]);
  const governor = await ethers.deployContract("CouncilGovernor", [
    vaultAddress,
    timelockAddress,
    await policy.getAddress(),
    {
      secretariat,
      proposerRule: p.proposerRule,
      maxActions: p.maxActions,
      maxLiveProposals: p.maxLiveProposals,
      queueWindow: p.queueWindow,
      executionWindow: p.executionWindow,
      lateQuorumExtension: p.lateQuorumExtension,
      guardian,
      guardianTerm: p.guardianTerm,
      voteExtension: ZeroAddress,
    },
  ]);
  const governorAddress = await governor.getAddress();
  await (await vault.bindGovernor(governorAddress)).wait();
  for (const role of ["PROPOSER_ROLE", "EXECUTOR_ROLE", "CANCELLER_ROLE"]) {
    await (await timelock.grantRole(id(role), governorAddress)).wait();
  }
  await (await timelock.renounceRole(await timelock.DEFAULT_ADMIN_ROLE(), deployer.address)).wait();
  const lens = await ethers.deployContract("CouncilGovernorLens");

  // Each member's CnStaking: one stake unit of free stake, listed in the AddressBook for its node.
  const members: KaiaMember[] = [];
  for (const [i, name] of MEMBER_NAMES.entries()) {
    const admin = admins[i];
    const cn =
      i % 2 === 0
        ? await ethers.deployContract("CnStakingV3Mock", [admin.address, nodes[i], BigInt(100 + i + 1)])
        : await ethers.deployContract("CnStakingV2Mock", [admin.address, nodes[i], BigInt(100 + i + 1)]);
    const cnAddress = await cn.getAddress();
    if (options.trackerMode) await (await cn.connect(admin).setStakingTracker(vaultAddress)).wait();
    await (await cn.connect(admin).depositLockupStakingAndInit()).wait();
    await (await cn.connect(admin).stakeKlay({ value: stakeUnit })).wait();
    await (await book.register(nodes[i], cnAddress, admin.address)).wait();
    members.push({ id: BigInt(i + 1), name, admin, voter: voters[i], node: nodes[i], cn, cnAddress });
  }
  for (const m of members) {
    if ((options.linked ?? members.map((x) => Number(x.id))).includes(Number(m.id))) {
      await (await vault.linkStakingByAddressBook(m.id, m.node, m.cnAddress)).wait();
    }
  }

  const addresses: Addresses = {
    registry: await registry.getAddress(),
    vault: vaultAddress,
    governor: governorAddress,
    lens: await lens.getAddress(),
    policy: await policy.getAddress(),
    reserve: await reserve.getAddress(),
    timelock: timelockAddress,
  };
  const config = runtimeConfig(h.chain, addresses, deploymentBlock);
  const web = await startStaticServer(PORTAL_DIST, config);
  return {
    trackerMode: options.trackerMode,
    registry,
    vault,
    book,
    addresses,
    members,
    stakeUnit,
    config,
    web,
    url: web.url,
    close: () => web.close(),
  };
}
