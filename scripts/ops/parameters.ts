/**
 * The deploy module's parameter files (`deploy/parameters/<network>.json`, module key `CouncilGovernance`): read,
 * checked for shape and for placeholders, and typed.
 *
 * The files for real networks ship with placeholders (`"<replace: …>"`) where the secretariat puts the real
 * accounts. A placeholder anywhere in the module's section is refused here with a one-line error naming the key,
 * and the `ignition deploy` guard (scripts/tasks/verify.ts) runs this check before Ignition sends anything.
 *
 * This file imports nothing generated (typechain-types, artifacts): the deploy guard loads it before a build.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { ZeroAddress, getAddress, isAddress } from "ethers";

import { MOTION_CLASS_NAMES, ProposerRule, enumNames } from "./enums.js";
import { OpsError } from "./errors.js";
import {
  BOOTSTRAP_BATCHES,
  BOOTSTRAP_BATCH_SIZE,
  COMMUNITY_DEFAULTS,
  KAIA_ADDRESS_BOOK,
  MODULE_ID,
  STAKE_SOURCES,
  bootstrapBatchKey,
} from "./system.js";
import type { StakeSource } from "./system.js";

/** The section Ignition falls back to for any module's parameter. */
const GLOBAL_KEY = "$global";

/** A placeholder the secretariat must replace: `"<replace: the secretariat's Safe address>"`. */
export const PLACEHOLDER = /^\s*<\s*replace\b/i;

/** The governor's proposer rules, in their on-chain order (ICouncilGovernor.ProposerRule). */
export const PROPOSER_RULES = enumNames(ProposerRule);

/** The fields of one class configuration (IMotionPolicy.ClassConfig). */
export const CLASS_CONFIG_FIELDS = [
  "votingDelay",
  "votingPeriod",
  "timelockDelay",
  "memberQuorumBps",
  "voteQuorumBps",
  "approvalNumerator",
  "approvalDenominator",
] as const;

export type ClassConfigField = (typeof CLASS_CONFIG_FIELDS)[number];
export type ClassConfigParameters = Record<ClassConfigField, bigint>;

/** One member of the initial council (ICouncilRegistry.InitialMember). */
export interface InitialMemberParameters {
  name: string;
  metadataURI: string;
  admin: string;
  voter: string;
  nodes: string[];
}

/** Every parameter of the module, typed; addresses are checksummed. */
export interface DeploymentParameters {
  timelockMinDelay: bigint;
  minMembers: bigint;
  maxMembers: bigint;
  sponsorshipWindow: bigint;
  initialMembers: InitialMemberParameters[];
  /** Where votes come from: "bonded" (StakeVault, the default) or "kaia" (KaiaStakeVault); it picks the module. */
  stakeSource: StakeSource;
  /** Kaia only: true for tracker mode (members point their CnStaking at the vault), false for read mode. */
  trackerMode: boolean;
  /** Kaia only: Kaia's AddressBook (default 0x…0400); the zero address for bonded stake. */
  addressBook: string;
  stakeToken: string;
  stakeUnit: bigint;
  unbondingPeriod: bigint;
  withdrawalWindow: bigint;
  reserveGuardian: string;
  reservePauseDuration: bigint;
  reserveAssets: string[];
  reserveOutflowLimits: bigint[];
  classConfigs: ClassConfigParameters[];
  secretariat: string;
  proposerRule: bigint;
  maxActions: bigint;
  maxLiveProposals: bigint;
  queueWindow: bigint;
  executionWindow: bigint;
  lateQuorumExtension: bigint;
  guardian: string;
  guardianTerm: bigint;
  petitionWindow: bigint;
  petitionThreshold: bigint;
  petitionBond: bigint;
  vetoWindow: bigint;
  vetoThreshold: bigint;
  /** Seconds a members' call adds to a live vote (VoteExtension; 1 to 7 days). */
  voteExtensionAmount: bigint;
}

/** The module's parameters; those with a default in the module (stake token, proposer rule, vote extension,
 * community) may be left out. */
const KNOWN_KEYS: readonly (keyof DeploymentParameters)[] = [
  "timelockMinDelay",
  "minMembers",
  "maxMembers",
  "sponsorshipWindow",
  "initialMembers",
  "stakeSource",
  "trackerMode",
  "addressBook",
  "stakeToken",
  "stakeUnit",
  "unbondingPeriod",
  "withdrawalWindow",
  "reserveGuardian",
  "reservePauseDuration",
  "reserveAssets",
  "reserveOutflowLimits",
  "classConfigs",
  "secretariat",
  "proposerRule",
  "maxActions",
  "maxLiveProposals",
  "queueWindow",
  "executionWindow",
  "lateQuorumExtension",
  "guardian",
  "guardianTerm",
  "petitionWindow",
  "petitionThreshold",
  "petitionBond",
  "vetoWindow",
  "vetoThreshold",
  "voteExtensionAmount",
];

/** The bootstrap batches after the first (`initialMembers2` … `initialMembers13`): optional, appended in order. */
const MORE_MEMBER_KEYS: readonly string[] = Array.from({ length: BOOTSTRAP_BATCHES - 1 }, (_, i) =>
  bootstrapBatchKey(i + 1),
);

/** The parameters only the Kaia module reads. */
const KAIA_KEYS = ["trackerMode", "addressBook"] as const;

/** Defaults the modules apply (`m.getParameter(name, default)`), and the stake source's (bonded). */
const MODULE_DEFAULTS: Partial<Record<keyof DeploymentParameters, unknown>> = {
  stakeSource: "bonded",
  addressBook: KAIA_ADDRESS_BOOK,
  stakeToken: "0x0000000000000000000000000000000000000000",
  proposerRule: 0,
  ...Object.fromEntries(Object.entries(COMMUNITY_DEFAULTS).map(([key, value]) => [key, String(value)])),
  voteExtensionAmount: 604800,
};

/** Reads one parameter file and checks it; every problem is a one-line OpsError naming the file and the key. */
export function readParameters(file: string): DeploymentParameters {
  if (!existsSync(file)) {
    throw new OpsError(`no parameter file ${file}: pass --parameters <file> (see deploy/parameters/)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new OpsError(`parameter file ${file} is not JSON: ${(e as Error).message}`);
  }
  return parseParameters(json, file);
}

/** Whether a parsed parameter file has a section for this module (other modules' files are left alone). */
export function hasModuleSection(json: unknown): boolean {
  return isRecord(json) && MODULE_ID in json;
}

/** Checks the shape of a parsed parameter file and types its values; `source` names it in errors. */
export function parseParameters(json: unknown, source: string): DeploymentParameters {
  const fail: Fail = (message: string): never => {
    throw new OpsError(`parameter file ${source}: ${message}`);
  };
  if (!isRecord(json)) fail(`expected an object with a "${MODULE_ID}" section`);
  const root = json as Record<string, unknown>;
  const section = root[MODULE_ID];
  if (!isRecord(section)) fail(`no "${MODULE_ID}" section (an object of the module's parameters)`);
  const own = section as Record<string, unknown>;
  for (const key of Object.keys(own)) {
    if (!(KNOWN_KEYS as readonly string[]).includes(key) && !MORE_MEMBER_KEYS.includes(key)) {
      fail(`${MODULE_ID}.${key} is not a parameter of the module (a typo? see deploy/README.md)`);
    }
  }
  const global = isRecord(root[GLOBAL_KEY]) ? (root[GLOBAL_KEY] as Record<string, unknown>) : {};
  findPlaceholder(own, MODULE_ID, fail);

  const value = (key: keyof DeploymentParameters): unknown => {
    const found = own[key] ?? global[key] ?? MODULE_DEFAULTS[key];
    if (found === undefined) fail(`${MODULE_ID}.${key} is missing`);
    return found;
  };
  const at = (key: string) => `${MODULE_ID}.${key}`;
  const uint = (key: keyof DeploymentParameters) => toUint(value(key), at(key), fail);
  const address = (key: keyof DeploymentParameters) => toAddress(value(key), at(key), fail);

  const batches = [toArray(value("initialMembers"), at("initialMembers"), fail)];
  if (batches[0].length === 0) fail(`${at("initialMembers")} is empty: the initial council needs members`);
  for (const key of MORE_MEMBER_KEYS) {
    const found = own[key] ?? global[key];
    batches.push(found === undefined ? [] : toArray(found, at(key), fail));
  }
  batches.forEach((b, i) => {
    if (b.length > BOOTSTRAP_BATCH_SIZE) {
      fail(
        `${at(bootstrapBatchKey(i))} has ${b.length} members: put at most ${BOOTSTRAP_BATCH_SIZE} in each ` +
          `bootstrap batch (initialMembers, initialMembers2, …)`,
      );
    }
  });
  const initialMembers = batches.flat().map((entry, i) => {
    const key = `${at("initialMembers")}[${i}]`;
    if (!isRecord(entry)) fail(`${key} must be an object { name, metadataURI, admin, voter, nodes }`);
    const m = entry as Record<string, unknown>;
    for (const field of Object.keys(m)) {
      if (!["name", "metadataURI", "admin", "voter", "nodes"].includes(field)) {
        fail(`${key}.${field} is not a field of a member (name, metadataURI, admin, voter, nodes)`);
      }
    }
    return {
      name: toText(m.name, `${key}.name`, fail),
      metadataURI: toText(m.metadataURI, `${key}.metadataURI`, fail),
      admin: toAddress(m.admin, `${key}.admin`, fail),
      voter: toAddress(m.voter, `${key}.voter`, fail),
      nodes: toArray(m.nodes, `${key}.nodes`, fail).map((n, j) => toAddress(n, `${key}.nodes[${j}]`, fail)),
    };
  });

  const reserveAssets = toArray(value("reserveAssets"), at("reserveAssets"), fail).map((a, i) =>
    toAddress(a, `${at("reserveAssets")}[${i}]`, fail),
  );
  const reserveOutflowLimits = toArray(value("reserveOutflowLimits"), at("reserveOutflowLimits"), fail).map(
    (l, i) => toUint(l, `${at("reserveOutflowLimits")}[${i}]`, fail),
  );
  if (reserveAssets.length !== reserveOutflowLimits.length) {
    fail(
      `${at("reserveAssets")} has ${reserveAssets.length} entries but ${at("reserveOutflowLimits")} has ` +
        `${reserveOutflowLimits.length}: give one limit per asset`,
    );
  }

  const configs = toArray(value("classConfigs"), at("classConfigs"), fail);
  if (configs.length !== MOTION_CLASS_NAMES.length) {
    fail(
      `${at("classConfigs")} must have ${MOTION_CLASS_NAMES.length} entries (${MOTION_CLASS_NAMES.join(", ")})`,
    );
  }
  const classConfigs = configs.map((entry, i) => {
    const key = `${at("classConfigs")}[${i}]`;
    if (!isRecord(entry)) fail(`${key} (${MOTION_CLASS_NAMES[i]}) must be an object`);
    const c = entry as Record<string, unknown>;
    for (const field of Object.keys(c)) {
      if (!(CLASS_CONFIG_FIELDS as readonly string[]).includes(field)) {
        fail(`${key}.${field} is not a field of a class configuration (${CLASS_CONFIG_FIELDS.join(", ")})`);
      }
    }
    const config = {} as ClassConfigParameters;
    for (const field of CLASS_CONFIG_FIELDS) {
      if (c[field] === undefined) fail(`${key}.${field} is missing`);
      config[field] = toUint(c[field], `${key}.${field}`, fail);
    }
    return config;
  });

  const proposerRule = uint("proposerRule");
  if (proposerRule >= BigInt(PROPOSER_RULES.length)) {
    fail(`${at("proposerRule")} must be 0, 1 or 2 (${PROPOSER_RULES.join(", ")}), found ${proposerRule}`);
  }

  // The module gives both guardians (the governor's and the reserve's) the one term `guardianTerm`, and each
  // contract wants a term with a guardian and none without: both guardians are set, or neither is.
  const guardian = address("guardian");
  const reserveGuardian = address("reserveGuardian");
  if ((guardian === ZeroAddress) !== (reserveGuardian === ZeroAddress)) {
    fail(
      `${at(guardian === ZeroAddress ? "guardian" : "reserveGuardian")} is the zero address but ` +
        `${at(guardian === ZeroAddress ? "reserveGuardian" : "guardian")} is not: both guardians serve the one ` +
        `${at("guardianTerm")}, so set both, or neither (with guardianTerm 0)`,
    );
  }

  const stakeSource = value("stakeSource");
  if (typeof stakeSource !== "string" || !Object.hasOwn(STAKE_SOURCES, stakeSource)) {
    fail(
      `${at("stakeSource")} must be "bonded" (stake bonded in the vault) or "kaia" (Kaia CnStaking), found ` +
        show(stakeSource),
    );
  }
  const stake = { stakeSource: stakeSource as StakeSource, trackerMode: false, addressBook: ZeroAddress };
  const stakeToken = address("stakeToken");
  if (stake.stakeSource === "bonded") {
    for (const key of KAIA_KEYS) {
      if ((own[key] ?? global[key]) !== undefined) {
        fail(
          `${at(key)} is a parameter of the Kaia stake source: remove it, or set ${at("stakeSource")} to "kaia"`,
        );
      }
    }
  } else {
    const trackerMode = own.trackerMode ?? global.trackerMode;
    if (typeof trackerMode !== "boolean") {
      fail(
        `${at("trackerMode")} must be true (tracker mode: members point their CnStaking at the vault) or false ` +
          `(read mode: Kaia's StakingTracker stays), found ${show(trackerMode)}`,
      );
    }
    stake.trackerMode = trackerMode as boolean;
    stake.addressBook = address("addressBook");
    if (stakeToken !== ZeroAddress) {
      fail(
        `${at("stakeToken")} is ${stakeToken}, but the Kaia stake source counts the native coin in CnStaking ` +
          `contracts: leave stakeToken out (or the zero address)`,
      );
    }
  }

  const voteExtensionAmount = uint("voteExtensionAmount");
  if (voteExtensionAmount < 86400n || voteExtensionAmount > 604800n) {
    fail(
      `${at("voteExtensionAmount")} is ${voteExtensionAmount}: the vote extension is 1 to 7 days (86400 to 604800)`,
    );
  }

  return {
    timelockMinDelay: uint("timelockMinDelay"),
    minMembers: uint("minMembers"),
    maxMembers: uint("maxMembers"),
    sponsorshipWindow: uint("sponsorshipWindow"),
    initialMembers,
    ...stake,
    stakeToken,
    stakeUnit: uint("stakeUnit"),
    unbondingPeriod: uint("unbondingPeriod"),
    withdrawalWindow: uint("withdrawalWindow"),
    reserveGuardian,
    reservePauseDuration: uint("reservePauseDuration"),
    reserveAssets,
    reserveOutflowLimits,
    classConfigs,
    secretariat: address("secretariat"),
    proposerRule,
    maxActions: uint("maxActions"),
    maxLiveProposals: uint("maxLiveProposals"),
    queueWindow: uint("queueWindow"),
    executionWindow: uint("executionWindow"),
    lateQuorumExtension: uint("lateQuorumExtension"),
    guardian,
    guardianTerm: uint("guardianTerm"),
    petitionWindow: uint("petitionWindow"),
    petitionThreshold: uint("petitionThreshold"),
    petitionBond: uint("petitionBond"),
    vetoWindow: uint("vetoWindow"),
    vetoThreshold: uint("vetoThreshold"),
    voteExtensionAmount,
  };
}

/** The stake mode a file describes: `bonded`, `kaia-tracker` or `kaia-read`. */
export function stakeMode(p: Pick<DeploymentParameters, "stakeSource" | "trackerMode">): string {
  if (p.stakeSource === "bonded") return "bonded";
  return p.trackerMode ? "kaia-tracker" : "kaia-read";
}

/**
 * The stake vault's contract name in an Ignition module (its future `CouncilGovernance#StakeVault`), or undefined
 * for a module without one (another module, left alone by the deploy guard).
 */
export function moduleVaultContract(module: unknown): string | undefined {
  if (!isRecord(module) || !(module.futures instanceof Set)) return undefined;
  for (const future of module.futures as Set<unknown>) {
    if (
      isRecord(future) &&
      future.id === `${MODULE_ID}#StakeVault` &&
      typeof future.contractName === "string"
    ) {
      return future.contractName;
    }
  }
  return undefined;
}

/**
 * Refuses to deploy a parameter file through the other stake source's module, in one line that names the module to
 * use. `vaultContract` is the module's vault ({@link moduleVaultContract}); a module without one passes.
 */
export function checkModuleStakeSource(
  p: DeploymentParameters,
  vaultContract: string | undefined,
  modulePath: string,
  file: string,
): void {
  const entry = Object.entries(STAKE_SOURCES).find(([, s]) => s.contract === vaultContract);
  if (entry === undefined || entry[0] === p.stakeSource) return;
  throw new OpsError(
    `parameter file ${file}: ${MODULE_ID}.stakeSource is "${p.stakeSource}" but ${modulePath} deploys ` +
      `${vaultContract} (stake source "${entry[0]}"): deploy ${STAKE_SOURCES[p.stakeSource].module} with this file`,
  );
}

/**
 * The parameter file of a network: `deploy/parameters/<network>.json`. The in-process network, which Hardhat names
 * `default`, uses `hardhat.json`.
 */
export function defaultParameterFile(root: string, networkName: string): string {
  const name = networkName === "default" ? "hardhat" : networkName;
  return path.join(root, "deploy", "parameters", `${name}.json`);
}

type Fail = (message: string) => never;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Refuses the first placeholder string found anywhere under `value`. */
function findPlaceholder(value: unknown, key: string, fail: Fail): void {
  if (typeof value === "string" && PLACEHOLDER.test(value)) {
    fail(`${key} is still a placeholder (${JSON.stringify(value)}): put the real value in before deploying`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findPlaceholder(item, `${key}[${i}]`, fail));
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) findPlaceholder(v, `${key}.${k}`, fail);
  }
}

/** A whole number ≥ 0: a JSON number, a decimal string, or Ignition's bigint notation (`"5000n"`). */
function toUint(value: unknown, key: string, fail: Fail): bigint {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === "string" && /^\d+n?$/.test(value)) return BigInt(value.replace(/n$/, ""));
  return fail(
    `${key} must be a whole number ≥ 0 (a JSON number, or a decimal string for large ones), found ${show(value)}`,
  );
}

function toAddress(value: unknown, key: string, fail: Fail): string {
  if (typeof value !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(value)) {
    return fail(`${key} must be an address (0x and 40 hex digits), found ${show(value)}`);
  }
  if (!isAddress(value))
    return fail(`${key} has a bad checksum: ${value} (check it, or write it in lower case)`);
  return getAddress(value);
}

function toText(value: unknown, key: string, fail: Fail): string {
  if (typeof value !== "string") return fail(`${key} must be a string, found ${show(value)}`);
  return value;
}

function toArray(value: unknown, key: string, fail: Fail): unknown[] {
  if (!Array.isArray(value)) return fail(`${key} must be an array, found ${show(value)}`);
  return value;
}

function show(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}
