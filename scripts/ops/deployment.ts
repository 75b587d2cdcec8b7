/**
 * Where the system is deployed, and typed handles on its contracts.
 *
 * Addresses come from an Ignition deployment (`deploy/deployments/chain-<id>/deployed_addresses.json`, written by
 * the deploy command) or from any JSON file with the same keys, or with plain keys (`registry`, `vault`, …).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { getAddress, isAddress } from "ethers";
import type { Interface, Provider, Signer } from "ethers";

import {
  AdvisorBoard__factory,
  CommunityPetitions__factory,
  CommunityVeto__factory,
  CouncilGovernorLens__factory,
  CouncilGovernor__factory,
  CouncilRegistry__factory,
  ImprovementReserve__factory,
  KaiaStakeVault__factory,
  MotionPolicy__factory,
  StakeVault__factory,
  TimelockController__factory,
  VoteExtension__factory,
} from "../../typechain-types/index.js";
import type {
  AdvisorBoard,
  CouncilGovernor,
  CouncilGovernorLens,
  CouncilRegistry,
  ImprovementReserve,
  MotionPolicy,
  StakeVault,
  TimelockController,
  VoteExtension,
} from "../../typechain-types/index.js";
import { OpsError } from "./errors.js";
import {
  COMMUNITY_CONTRACT_KEYS,
  CONTRACT_KEYS,
  GOVERNED_CONTRACTS,
  communityFutureId,
  futureId,
} from "./system.js";
import type { CommunityContractKey, ContractKey, GovernedContractKey } from "./system.js";

/** Every contract's address; the community contracts only when the address file has them (older deployments). */
export type Addresses = Record<ContractKey, string> & Partial<Record<CommunityContractKey, string>>;

/** The deploy command's address file for a chain, under the project root. */
export function defaultDeploymentFile(root: string, chainId: bigint): string {
  return path.join(root, "deploy", "deployments", `chain-${chainId}`, "deployed_addresses.json");
}

/** Reads an address file (Ignition's future ids or plain keys); every contract must be there. */
export function readAddresses(file: string): Addresses {
  if (!existsSync(file)) {
    throw new OpsError(
      `no deployment file ${file}: deploy first (./gc ignition deploy …) or pass --deployment <file>`,
    );
  }
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (e) {
    throw new OpsError(`deployment file ${file} is not JSON: ${(e as Error).message}`);
  }
  const addresses = {} as Addresses;
  for (const key of CONTRACT_KEYS) {
    const value = json[futureId(key)] ?? json[key];
    if (typeof value !== "string" || !isAddress(value)) {
      throw new OpsError(`deployment file ${file} has no address for ${futureId(key)} (or "${key}")`);
    }
    addresses[key] = getAddress(value);
  }
  for (const key of COMMUNITY_CONTRACT_KEYS) {
    const value = json[communityFutureId(key)] ?? json[key];
    if (value === undefined) continue;
    if (typeof value !== "string" || !isAddress(value)) {
      throw new OpsError(`deployment file ${file}: ${communityFutureId(key)} is not an address`);
    }
    addresses[key] = getAddress(value);
  }
  return addresses;
}

/** Typed handles on the deployed system, connected to one account (or read-only to a provider). */
export interface CouncilContracts {
  addresses: Addresses;
  chainId: bigint;
  provider: Provider;
  /** The account that sends transactions; undefined when read-only. */
  signer?: Signer;
  timelock: TimelockController;
  registry: CouncilRegistry;
  vault: StakeVault;
  reserve: ImprovementReserve;
  policy: MotionPolicy;
  governor: CouncilGovernor;
  lens: CouncilGovernorLens;
  /** The advisors' board, when deployed. */
  advisors?: AdvisorBoard;
  /** The members' vote extension, when deployed. */
  voteExtension?: VoteExtension;
}

/**
 * Connects to the system at `addresses`. Checks that every address holds code, so that a wrong file or network is
 * reported at once instead of as a failed call later.
 */
export async function connectContracts(
  addresses: Addresses,
  runner: Signer | Provider,
): Promise<CouncilContracts> {
  const signer = "getAddress" in runner ? (runner as Signer) : undefined;
  const provider = signer !== undefined ? signer.provider : (runner as Provider);
  if (provider === null || provider === undefined) throw new OpsError("the account has no provider");
  const { chainId } = await provider.getNetwork();
  for (const key of CONTRACT_KEYS) {
    if ((await provider.getCode(addresses[key])) === "0x") {
      throw new OpsError(
        `no contract at ${addresses[key]} (${futureId(key)}) on chain ${chainId}: wrong --network or --deployment?`,
      );
    }
  }
  return {
    addresses,
    chainId,
    provider,
    signer,
    timelock: TimelockController__factory.connect(addresses.timelock, runner),
    registry: CouncilRegistry__factory.connect(addresses.registry, runner),
    vault: StakeVault__factory.connect(addresses.vault, runner),
    reserve: ImprovementReserve__factory.connect(addresses.reserve, runner),
    policy: MotionPolicy__factory.connect(addresses.policy, runner),
    governor: CouncilGovernor__factory.connect(addresses.governor, runner),
    lens: CouncilGovernorLens__factory.connect(addresses.lens, runner),
    advisors:
      addresses.advisors === undefined
        ? undefined
        : AdvisorBoard__factory.connect(addresses.advisors, runner),
    voteExtension:
      addresses.voteExtension === undefined
        ? undefined
        : VoteExtension__factory.connect(addresses.voteExtension, runner),
  };
}

/**
 * Whether the deployment's vault is a KaiaStakeVault (the Kaia stake source, deploy/modules/KaiaCouncilGovernance.ts):
 * both modules write the vault under the same key, and only KaiaStakeVault answers `trackerMode()`.
 */
export async function hasKaiaVault(c: Pick<CouncilContracts, "addresses" | "provider">): Promise<boolean> {
  try {
    await KaiaStakeVault__factory.connect(c.addresses.vault, c.provider).trackerMode();
    return true;
  } catch {
    return false;
  }
}

/**
 * The system's contract interfaces by name (GOVERNED_CONTRACTS), for encoding proposal files and decoding reverts
 * (see describeError).
 * `StakeVault` is the KaiaStakeVault's interface when `kaiaVault` (so a proposal can call `linkStaking`); the
 * KaiaStakeVault's interface is listed too, so that its errors decode whatever the deployment.
 */
export function systemInterfaces(kaiaVault = false): Record<string, Interface> {
  const factories: Record<GovernedContractKey, { createInterface(): Interface }> = {
    registry: CouncilRegistry__factory,
    vault: kaiaVault ? KaiaStakeVault__factory : StakeVault__factory,
    governor: CouncilGovernor__factory,
    policy: MotionPolicy__factory,
    reserve: ImprovementReserve__factory,
    timelock: TimelockController__factory,
    advisors: AdvisorBoard__factory,
    voteExtension: VoteExtension__factory,
    petitions: CommunityPetitions__factory,
    veto: CommunityVeto__factory,
  };
  return {
    ...Object.fromEntries(
      Object.entries(GOVERNED_CONTRACTS).map(([name, key]) => [name, factories[key].createInterface()]),
    ),
    KaiaStakeVault: KaiaStakeVault__factory.createInterface(),
  };
}

/** The sending account, or an error saying how to give one. */
export function signerOf(c: CouncilContracts): Signer {
  if (c.signer === undefined) {
    throw new OpsError(
      "this command sends a transaction, but the network has no account configured: set its key (e.g. ./gc keystore set KAIROS_PRIVATE_KEY)",
    );
  }
  return c.signer;
}

/** The same system, acting as another account. */
export function actingAs(c: CouncilContracts, signer: Signer): CouncilContracts {
  return { ...c, signer };
}
