/**
 * Shared fixtures for the council contracts: one in-process network connection, a deployed registry with an
 * initial council, and a bound stake vault (native coin by default, or an ERC-20).
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { network } from "hardhat";

import type {
  CouncilRegistry,
  FeeOnTransferERC20,
  MockERC20,
  StakeVault,
} from "../../typechain-types/index.js";

export const connection = await network.create();
export const { ethers, networkHelpers } = connection;

export const DAY = 24n * 60n * 60n;
/** The default settings (docs/architecture.md, Defaults and bounds). */
export const STAKE_UNIT = ethers.parseEther("5000000");
export const UNBONDING_PERIOD = 7n * DAY;
export const WITHDRAWAL_WINDOW = 7n * DAY;
export const MIN_MEMBERS = 4n;
export const MAX_MEMBERS = 100n;
export const SPONSORSHIP_WINDOW = 14n * DAY;
/** Enough native coin for every test account to bond many stake units. */
export const RICH = ethers.parseEther("1000000000");

export enum Status {
  None,
  Candidate,
  Active,
  Removed,
  Resigned,
}

export interface CouncilOptions {
  members?: number;
  minMembers?: bigint;
  maxMembers?: bigint;
  /** The staked asset: the native coin (default), a plain ERC-20, or one that burns 1 % on every transfer. */
  token?: "native" | "erc20" | "fee-on-transfer";
}

export type StakeToken = MockERC20 | FeeOnTransferERC20;

export interface Council {
  registry: CouncilRegistry;
  vault: StakeVault;
  token: StakeToken | undefined;
  deployer: HardhatEthersSigner;
  /** Stands in for the timelock: owns the registry and the vault. */
  governance: HardhatEthersSigner;
  admins: HardhatEthersSigner[];
  voters: HardhatEthersSigner[];
  /** Accounts that belong to no member. */
  others: HardhatEthersSigner[];
}

/** A fresh address with no key, for node addresses. */
export function nodeAddress(seed: number): string {
  return ethers.getAddress(ethers.zeroPadValue(ethers.toBeHex(0xa0000 + seed), 20));
}

/** EIP-7825: the most gas one transaction may use. */
export const TX_GAS_CAP = 16_777_216n;

/** One initial member, as `bootstrapMembers` takes it. */
export interface NumberedMember {
  name: string;
  metadataURI: string;
  admin: string;
  voter: string;
  nodes: string[];
}

/**
 * Member `i` (from 0) of a large council, with accounts nobody holds a key for (impersonate them) and two nodes: for
 * councils registered in bootstrap batches.
 */
export function numberedMember(i: number): NumberedMember {
  return {
    name: `Member ${i + 1}`,
    metadataURI: `https://member${i + 1}.example/gc.json`,
    admin: ethers.getAddress(ethers.zeroPadValue(ethers.toBeHex(0xad0000 + i), 20)),
    voter: ethers.getAddress(ethers.zeroPadValue(ethers.toBeHex(0x0e0000 + i), 20)),
    nodes: [nodeAddress(1000 + 2 * i), nodeAddress(1001 + 2 * i)],
  };
}

/** The gas a transaction used, once mined. */
export async function gasOf(tx: Promise<{ wait(): Promise<{ gasUsed: bigint } | null> }>): Promise<bigint> {
  const receipt = await (await tx).wait();
  return receipt?.gasUsed ?? 0n;
}

export async function deployCouncil(options: CouncilOptions = {}): Promise<Council> {
  const members = options.members ?? 5;
  const signers = await ethers.getSigners();
  const [deployer, governance] = signers;
  const admins = signers.slice(2, 2 + members);
  const voters = signers.slice(2 + members, 2 + 2 * members);
  const others = signers.slice(2 + 2 * members);
  for (const s of signers) await networkHelpers.setBalance(s.address, RICH);

  const initial = admins.map((admin, i) => ({
    name: `Member ${i + 1}`,
    metadataURI: `https://member${i + 1}.example/gc.json`,
    admin: admin.address,
    voter: voters[i].address,
    nodes: [nodeAddress(i * 2 + 1), nodeAddress(i * 2 + 2)],
  }));
  const registry = await ethers.deployContract("CouncilRegistry", [
    governance.address,
    options.minMembers ?? MIN_MEMBERS,
    options.maxMembers ?? MAX_MEMBERS,
    SPONSORSHIP_WINDOW,
    initial,
  ]);
  let token: StakeToken | undefined;
  if (options.token === "erc20") {
    token = await ethers.deployContract("MockERC20", ["Wrapped Coin", "WCOIN"]);
  } else if (options.token === "fee-on-transfer") {
    token = await ethers.deployContract("FeeOnTransferERC20", ["Fee Coin", "FEE"]);
  }
  if (token) {
    for (const s of signers) await token.mint(s.address, RICH);
  }
  const vault = await ethers.deployContract("StakeVault", [
    await registry.getAddress(),
    token ? await token.getAddress() : ethers.ZeroAddress,
    STAKE_UNIT,
    UNBONDING_PERIOD,
    WITHDRAWAL_WINDOW,
    governance.address,
  ]);
  await registry.bindStakeVault(await vault.getAddress());
  if (token) {
    for (const s of signers) await token.connect(s).approve(await vault.getAddress(), ethers.MaxUint256);
  }
  return { registry, vault, token, deployer, governance, admins, voters, others };
}

/** Bonds `units` stake units for member `memberId` from its admin (native or ERC-20 mode). */
export async function stakeUnits(council: Council, memberId: number, units: bigint): Promise<void> {
  const amount = units * STAKE_UNIT;
  const admin = council.admins[memberId - 1];
  await council.vault.connect(admin).stake(amount, { value: council.token ? 0n : amount });
}

/** Bonds `units` stake units for every initial member: all of them eligible (the minimum size can then rise). */
export async function stakeAll(council: Council, units = 1n): Promise<void> {
  for (let id = 1; id <= council.admins.length; id++) await stakeUnits(council, id, units);
}

/** Moves time forward by `seconds` and mines a block. */
export async function advance(seconds: bigint): Promise<void> {
  await networkHelpers.time.increase(seconds);
}

/** The latest block's timestamp. */
export async function now(): Promise<bigint> {
  return BigInt(await networkHelpers.time.latest());
}
