/**
 * The deploy module's parameter files (`deploy/parameters/<network>.json`, module key `CouncilGovernance`): read,
 * checked for shape and for placeholders, and typed.
 *
 * The files for real networks ship with placeholders (`"<replace: …>"`) where the secretariat puts the real
 * accounts. A placeholder anywhere in the module's section is refused here with a one-line error naming the key,
 * and the `ignition deploy` guard (scripts/tasks/verify.ts) runs this check before Ignition sends anything.
 *
 * The checks are zod schemas, one per shape (an initial member, a class configuration, the module's section), whose
 * first issue becomes the one-line error.
 *
 * This file imports nothing generated (typechain-types, artifacts): the deploy guard loads it before a build.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { ZeroAddress, getAddress, isAddress } from "ethers";
import { z } from "zod";

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

/** The bootstrap batches after the first (`initialMembers2` … `initialMembers13`): optional, appended in order. */
const MORE_MEMBER_KEYS: readonly string[] = Array.from({ length: BOOTSTRAP_BATCHES - 1 }, (_, i) =>
  bootstrapBatchKey(i + 1),
);

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

/**
 * Checks the shape of a parsed parameter file and types its values; `source` names it in errors. The zod schemas
 * below do the checking; the first problem becomes the one-line error (an unknown key first, then a placeholder).
 */
export function parseParameters(json: unknown, source: string): DeploymentParameters {
  const fail = (message: string): never => {
    throw new OpsError(`parameter file ${source}: ${message}`);
  };
  const file = PARAMETER_FILE.safeParse(json);
  if (!file.success) return fail(file.error.issues[0].message);
  // Ignition's lookup: the module's own value, else the `$global` one (a null counts as absent), else the default.
  const own = file.data[MODULE_ID];
  const global = file.data[GLOBAL_KEY] ?? {};
  const merged: Record<string, unknown> = { ...own };
  for (const key of Object.keys(SECTION_SHAPE)) merged[key] = own[key] ?? global[key];
  const section = SECTION.safeParse(merged);
  if (section.success) return section.data;
  const { issues } = section.error;
  const first =
    issues.find((i) => i.code === "unrecognized_keys") ??
    issues.find((i) => i.code === "custom" && i.params?.placeholder === true) ??
    issues[0];
  const where = first.code === "unrecognized_keys" ? [...first.path, first.keys[0]] : first.path;
  return fail(`${keyName(where)} ${first.message}`);
}

/** The key an issue's path names: `CouncilGovernance.initialMembers[1].voter`. */
function keyName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, part) => (typeof part === "number" ? `${name}[${part}]` : `${name}.${String(part)}`),
    MODULE_ID,
  );
}

function show(value: unknown): string {
  return value === undefined ? "nothing" : typeof value === "bigint" ? String(value) : JSON.stringify(value);
}

/** A value that must be there and must not be a placeholder, then checked by `schema`. */
function field<T extends z.ZodType>(schema: T) {
  return z
    .unknown()
    .refine((v): boolean => v !== undefined, { error: "is missing", abort: true })
    .refine((v): boolean => typeof v !== "string" || !PLACEHOLDER.test(v), {
      error: (issue) =>
        `is still a placeholder (${JSON.stringify(issue.input)}): put the real value in before deploying`,
      params: { placeholder: true },
      abort: true,
    })
    .pipe(schema);
}

const uintError = (issue: { input?: unknown }) =>
  `must be a whole number ≥ 0 (a JSON number, or a decimal string for large ones), found ${show(issue.input)}`;

/** A whole number ≥ 0: a JSON number, a decimal string, or Ignition's bigint notation (`"5000n"`). */
const Uint = z
  .union(
    [
      z.int({ error: uintError }).nonnegative({ error: uintError }),
      z.string({ error: uintError }).regex(/^\d+n?$/, { error: uintError }),
    ],
    { error: uintError },
  )
  .transform((v) => BigInt(typeof v === "string" ? v.replace(/n$/, "") : v));

const addressError = (issue: { input?: unknown }) =>
  `must be an address (0x and 40 hex digits), found ${show(issue.input)}`;

/** An address, checksummed on the way out; a mixed-case address must carry a right checksum (ethers' isAddress). */
const Address = z
  .string({ error: addressError })
  .regex(/^0x[0-9a-fA-F]{40}$/, { error: addressError, abort: true })
  .refine(isAddress, {
    error: (issue) => `has a bad checksum: ${String(issue.input)} (check it, or write it in lower case)`,
  })
  .transform((v) => getAddress(v));

const Text = z.string({ error: (issue) => `must be a string, found ${show(issue.input)}` });

function list<T extends z.ZodType>(item: T) {
  return z.array(item, { error: (issue) => `must be an array, found ${show(issue.input)}` });
}

/** One member of the initial council (ICouncilRegistry.InitialMember). */
const InitialMember = z.strictObject(
  {
    name: field(Text),
    metadataURI: field(Text),
    admin: field(Address),
    voter: field(Address),
    nodes: field(list(field(Address))),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? "is not a field of a member (name, metadataURI, admin, voter, nodes)"
        : "must be an object { name, metadataURI, admin, voter, nodes }",
  },
);

/** One bootstrap batch: at most BOOTSTRAP_BATCH_SIZE members. */
const Batch = list(field(InitialMember)).max(BOOTSTRAP_BATCH_SIZE, {
  error: (issue) =>
    `has ${(issue.input as unknown[]).length} members: put at most ${BOOTSTRAP_BATCH_SIZE} in each ` +
    `bootstrap batch (initialMembers, initialMembers2, …)`,
});

/** One class configuration (IMotionPolicy.ClassConfig): every field, none other. */
const ClassConfig = z.strictObject(
  Object.fromEntries(CLASS_CONFIG_FIELDS.map((f) => [f, field(Uint)])) as Record<
    ClassConfigField,
    ReturnType<typeof field<typeof Uint>>
  >,
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `is not a field of a class configuration (${CLASS_CONFIG_FIELDS.join(", ")})`
        : `must be an object { ${CLASS_CONFIG_FIELDS.join(", ")} }`,
  },
);

const StakeSourceName = z.enum(Object.keys(STAKE_SOURCES) as [StakeSource, ...StakeSource[]], {
  error: (issue) =>
    `must be "bonded" (stake bonded in the vault) or "kaia" (Kaia CnStaking), found ${show(issue.input)}`,
});

const trackerModeError = (found: unknown) =>
  `must be true (tracker mode: members point their CnStaking at the vault) or false (read mode: Kaia's ` +
  `StakingTracker stays), found ${show(found)}`;

/**
 * The module's parameters, one schema each; those with a default in the modules (stake source, stake token,
 * proposer rule, community, vote extension) may be left out, and the Kaia ones belong to the Kaia stake source.
 */
const SECTION_SHAPE = {
  timelockMinDelay: field(Uint),
  minMembers: field(Uint),
  maxMembers: field(Uint),
  sponsorshipWindow: field(Uint),
  initialMembers: field(Batch.min(1, { error: "is empty: the initial council needs members" })),
  ...(Object.fromEntries(MORE_MEMBER_KEYS.map((key) => [key, field(Batch).optional()])) as Record<
    string,
    z.ZodOptional<ReturnType<typeof field<typeof Batch>>>
  >),
  stakeSource: field(StakeSourceName).prefault("bonded"),
  trackerMode: field(z.boolean({ error: (issue) => trackerModeError(issue.input) })).optional(),
  addressBook: field(Address).optional(),
  stakeToken: field(Address).prefault(ZeroAddress),
  stakeUnit: field(Uint),
  unbondingPeriod: field(Uint),
  withdrawalWindow: field(Uint),
  reserveGuardian: field(Address),
  reservePauseDuration: field(Uint),
  reserveAssets: field(list(field(Address))),
  reserveOutflowLimits: field(list(field(Uint))),
  classConfigs: field(
    list(field(ClassConfig)).length(MOTION_CLASS_NAMES.length, {
      error: `must have ${MOTION_CLASS_NAMES.length} entries (${MOTION_CLASS_NAMES.join(", ")})`,
    }),
  ),
  secretariat: field(Address),
  proposerRule: field(
    Uint.refine((rule) => rule < BigInt(PROPOSER_RULES.length), {
      error: (issue) => `must be 0, 1 or 2 (${PROPOSER_RULES.join(", ")}), found ${show(issue.input)}`,
    }),
  ).prefault(0),
  maxActions: field(Uint),
  maxLiveProposals: field(Uint),
  queueWindow: field(Uint),
  executionWindow: field(Uint),
  lateQuorumExtension: field(Uint),
  guardian: field(Address),
  guardianTerm: field(Uint),
  ...(Object.fromEntries(
    Object.entries(COMMUNITY_DEFAULTS).map(([key, value]) => [key, field(Uint).prefault(String(value))]),
  ) as Record<keyof typeof COMMUNITY_DEFAULTS, z.ZodPrefault<ReturnType<typeof field<typeof Uint>>>>),
  voteExtensionAmount: field(
    Uint.refine((s) => s >= 86400n && s <= 604800n, {
      error: (issue) => `is ${show(issue.input)}: the vote extension is 1 to 7 days (86400 to 604800)`,
    }),
  ).prefault(604800),
};

/** The module's section: the schemas above, the rules that tie parameters together, and the typed result. */
const SECTION = z
  .strictObject(SECTION_SHAPE, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? "is not a parameter of the module (a typo? see deploy/README.md)"
        : `must be an object`,
  })
  .superRefine((s, ctx) => {
    const at = (key: string) => `${MODULE_ID}.${key}`;
    if (s.reserveAssets.length !== s.reserveOutflowLimits.length) {
      ctx.addIssue({
        code: "custom",
        path: ["reserveAssets"],
        message:
          `has ${s.reserveAssets.length} entries but ${at("reserveOutflowLimits")} has ` +
          `${s.reserveOutflowLimits.length}: give one limit per asset`,
      });
    }
    // The module gives both guardians (the governor's and the reserve's) the one term `guardianTerm`, and each
    // contract wants a term with a guardian and none without: both guardians are set, or neither is.
    const noGuardian = s.guardian === ZeroAddress;
    if (noGuardian !== (s.reserveGuardian === ZeroAddress)) {
      ctx.addIssue({
        code: "custom",
        path: [noGuardian ? "guardian" : "reserveGuardian"],
        message:
          `is the zero address but ${at(noGuardian ? "reserveGuardian" : "guardian")} is not: both guardians ` +
          `serve the one ${at("guardianTerm")}, so set both, or neither (with guardianTerm 0)`,
      });
    }
    if (s.stakeSource === "bonded") {
      for (const key of ["trackerMode", "addressBook"] as const) {
        if (s[key] !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: `is a parameter of the Kaia stake source: remove it, or set ${at("stakeSource")} to "kaia"`,
          });
        }
      }
    } else {
      if (s.trackerMode === undefined) {
        ctx.addIssue({ code: "custom", path: ["trackerMode"], message: trackerModeError(undefined) });
      }
      if (s.stakeToken !== ZeroAddress) {
        ctx.addIssue({
          code: "custom",
          path: ["stakeToken"],
          message:
            `is ${s.stakeToken}, but the Kaia stake source counts the native coin in CnStaking contracts: leave ` +
            `stakeToken out (or the zero address)`,
        });
      }
    }
  })
  .transform((s): DeploymentParameters => {
    const kaia = s.stakeSource === "kaia";
    // zod's inferred type leaves out the keys of the further batches (a computed shape): name their type here.
    const batches = s as unknown as Partial<Record<string, InitialMemberParameters[]>>;
    return {
      timelockMinDelay: s.timelockMinDelay,
      minMembers: s.minMembers,
      maxMembers: s.maxMembers,
      sponsorshipWindow: s.sponsorshipWindow,
      initialMembers: [s.initialMembers, ...MORE_MEMBER_KEYS.map((key) => batches[key] ?? [])].flat(),
      stakeSource: s.stakeSource,
      trackerMode: kaia && s.trackerMode === true,
      addressBook: kaia ? (s.addressBook ?? KAIA_ADDRESS_BOOK) : ZeroAddress,
      stakeToken: s.stakeToken,
      stakeUnit: s.stakeUnit,
      unbondingPeriod: s.unbondingPeriod,
      withdrawalWindow: s.withdrawalWindow,
      reserveGuardian: s.reserveGuardian,
      reservePauseDuration: s.reservePauseDuration,
      reserveAssets: s.reserveAssets,
      reserveOutflowLimits: s.reserveOutflowLimits,
      classConfigs: s.classConfigs,
      secretariat: s.secretariat,
      proposerRule: s.proposerRule,
      maxActions: s.maxActions,
      maxLiveProposals: s.maxLiveProposals,
      queueWindow: s.queueWindow,
      executionWindow: s.executionWindow,
      lateQuorumExtension: s.lateQuorumExtension,
      guardian: s.guardian,
      guardianTerm: s.guardianTerm,
      petitionWindow: s.petitionWindow,
      petitionThreshold: s.petitionThreshold,
      petitionBond: s.petitionBond,
      vetoWindow: s.vetoWindow,
      vetoThreshold: s.vetoThreshold,
      voteExtensionAmount: s.voteExtensionAmount,
    };
  });

/** A parameter file: the module's section (an object), and Ignition's `$global` section if it has one. */
const PARAMETER_FILE = z.object(
  {
    [MODULE_ID]: z.record(z.string(), z.unknown(), {
      error: `no "${MODULE_ID}" section (an object of the module's parameters)`,
    }),
    [GLOBAL_KEY]: z.record(z.string(), z.unknown()).optional().catch(undefined),
  },
  { error: `expected an object with a "${MODULE_ID}" section` },
);

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
