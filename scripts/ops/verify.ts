/**
 * Deployment verification (deploy/README.md): the role matrix and every parameter of a deployed system, checked against
 * its parameter file. Each check is `{ name, expected, actual, pass }`; the `verify-deployment` task prints them.
 *
 * The checks read the system's current state. Right after the deploy every check passes; later governance changes
 * (a member admitted or removed, a voter rotated, a setting changed by a motion) show as FAILs against the file that
 * described the deployment, with the value found on chain.
 */
import { ZeroAddress, ZeroHash, getAddress, id } from "ethers";
import type { Provider } from "ethers";

import { RESERVE_TREASURY_FUNCTIONS } from "./system.js";
import {
  CommunityPetitions__factory,
  CommunityVeto__factory,
  ICnStaking__factory,
  IKaiaAddressBook__factory,
  KaiaStakeVault__factory,
} from "../../typechain-types/index.js";
import type { CouncilContracts } from "./deployment.js";
import { formatDuration, formatTime } from "./format.js";
import { MOTION_CLASS_NAMES, MemberStatus } from "./enums.js";
import { CLASS_CONFIG_FIELDS, PROPOSER_RULES, stakeMode } from "./parameters.js";
import type { DeploymentParameters } from "./parameters.js";

/** One verified property: what the parameter file (or the role matrix) says, what the chain holds. */
export interface Check {
  name: string;
  expected: string;
  actual: string;
  pass: boolean;
  /** A check that did not pass but does not fail the deployment: printed `WARN`, exit code unchanged. */
  warning?: boolean;
}

export interface VerifyOptions {
  /** The account that deployed the system; it must hold no timelock role. */
  deployer?: string;
}

/** The timelock's roles (OpenZeppelin TimelockController). */
export const TIMELOCK_ROLES = {
  DEFAULT_ADMIN_ROLE: ZeroHash,
  PROPOSER_ROLE: id("PROPOSER_ROLE"),
  EXECUTOR_ROLE: id("EXECUTOR_ROLE"),
  CANCELLER_ROLE: id("CANCELLER_ROLE"),
} as const;

type RoleName = keyof typeof TIMELOCK_ROLES;
const ROLE_NAMES = Object.keys(TIMELOCK_ROLES) as RoleName[];

/** MotionPolicy's selector for "every function of the target". */
const ANY_SELECTOR = "0xffffffff";

/** `PASS  <name>`, or `FAIL  <name>: expected <x>, found <y>` (`WARN` for a warning). */
export function formatCheck(check: Check): string {
  if (check.pass) return `PASS  ${check.name}`;
  return `${check.warning === true ? "WARN" : "FAIL"}  ${check.name}: expected ${check.expected}, found ${check.actual}`;
}

/** The checks that fail the deployment (warnings do not). */
export function failedChecks(checks: Check[]): Check[] {
  return checks.filter((c) => !c.pass && c.warning !== true);
}

/** `N checks: P passed, F failed`, with `W warnings` between them when there are any. */
export function summarize(checks: Check[]): string {
  const passed = checks.filter((c) => c.pass).length;
  const failed = failedChecks(checks).length;
  const warnings = checks.length - passed - failed;
  const warned = warnings === 0 ? "" : ` ${warnings} warning${warnings === 1 ? "" : "s"},`;
  return `${checks.length} checks: ${passed} passed,${warned} ${failed} failed`;
}

/** Checks the deployed system `c` against the parameters `p`: role matrix, wiring, ownership, every parameter. */
export async function verifyDeployment(
  c: CouncilContracts,
  p: DeploymentParameters,
  options: VerifyOptions = {},
): Promise<Check[]> {
  const checks: Check[] = [];
  const equal = (name: string, expected: string, actual: string) =>
    checks.push({ name, expected, actual, pass: expected === actual });

  await checkRoleMatrix(c, p, options, equal);
  await checkWiring(c, equal);
  await checkCouncil(c, p, equal);
  await checkVault(c, p, equal, (check) => checks.push(check));
  await checkReserve(c, p, equal, (check) => checks.push(check));
  await checkPolicy(c, p, equal);
  await checkGovernor(c, p, equal, (check) => checks.push(check));
  await checkCommunity(c, p, equal);
  await checkPetitionsAndVeto(c, p, equal);
  return checks;
}

type Equal = (name: string, expected: string, actual: string) => void;

async function checkRoleMatrix(
  c: CouncilContracts,
  p: DeploymentParameters,
  options: VerifyOptions,
  equal: Equal,
): Promise<void> {
  const { governor, timelock } = c.addresses;
  const has = (role: RoleName, account: string) => c.timelock.hasRole(TIMELOCK_ROLES[role], account);
  const granted = async (role: RoleName, account: string) =>
    (await has(role, account)) ? "granted" : "not granted";

  for (const role of ["PROPOSER_ROLE", "EXECUTOR_ROLE", "CANCELLER_ROLE"] as const) {
    equal(`timelock ${role} of the governor`, "granted", await granted(role, governor));
  }
  equal(
    "timelock DEFAULT_ADMIN_ROLE of the timelock itself",
    "granted",
    await granted("DEFAULT_ADMIN_ROLE", timelock),
  );
  equal(
    "timelock DEFAULT_ADMIN_ROLE of the governor",
    "not granted",
    await granted("DEFAULT_ADMIN_ROLE", governor),
  );
  equal(
    "timelock EXECUTOR_ROLE of everyone (address 0)",
    "not granted",
    await granted("EXECUTOR_ROLE", ZeroAddress),
  );

  // Every account the parameter file (and the caller) knows holds no timelock role.
  const known = new Map<string, string[]>();
  const note = (account: string | undefined, label: string) => {
    if (account === undefined || account === ZeroAddress || account === governor || account === timelock)
      return;
    known.set(account, [...(known.get(account) ?? []), label]);
  };
  note(options.deployer === undefined ? undefined : getAddress(options.deployer), "deployer");
  note(p.secretariat, "secretariat");
  note(p.guardian, "guardian");
  note(p.reserveGuardian, "reserve guardian");
  p.initialMembers.forEach((m, i) => {
    note(m.admin, `member ${i + 1} admin`);
    note(m.voter, `member ${i + 1} voter`);
  });
  const held = await Promise.all(
    [...known.keys()].map(async (account) => {
      const roles = await Promise.all(
        ROLE_NAMES.map(async (role) => ((await has(role, account)) ? role : "")),
      );
      return roles.filter((r) => r !== "");
    }),
  );
  [...known.entries()].forEach(([account, labels], i) => {
    const roles = held[i];
    equal(
      `timelock roles of ${labels.join(" and ")} ${account}`,
      "none",
      roles.length === 0 ? "none" : roles.join(", "),
    );
  });
}

async function checkWiring(c: CouncilContracts, equal: Equal): Promise<void> {
  const a = c.addresses;
  for (const [label, owned] of [
    ["registry", c.registry],
    ["vault", c.vault],
    ["policy", c.policy],
    ["reserve", c.reserve],
  ] as const) {
    const [owner, pending] = await Promise.all([owned.owner(), owned.pendingOwner()]);
    equal(`${label} owner`, `${a.timelock} (timelock)`, named(owner, a));
    equal(`${label} pending owner`, `${ZeroAddress} (none)`, named(pending, a));
  }
  const [timelock, token, policy, councilRegistry, stakeVault, vaultRegistry, vaultGovernor, policyRegistry] =
    await Promise.all([
      c.governor.timelock(),
      c.governor.token(),
      c.governor.motionPolicy(),
      c.governor.councilRegistry(),
      c.registry.stakeVault(),
      c.vault.registry(),
      c.vault.governor(),
      c.policy.registry(),
    ]);
  equal("governor timelock", `${a.timelock} (timelock)`, named(timelock, a));
  equal("governor token (votes)", `${a.vault} (vault)`, named(token, a));
  equal("governor motion policy", `${a.policy} (policy)`, named(policy, a));
  equal("governor council registry", `${a.registry} (registry)`, named(councilRegistry, a));
  equal("registry stake vault", `${a.vault} (vault)`, named(stakeVault, a));
  equal("vault registry", `${a.registry} (registry)`, named(vaultRegistry, a));
  // The governor the vault lets freeze a no-confidence target's stake (bound once by the deployer).
  equal("vault governor", `${a.governor} (governor)`, named(vaultGovernor, a));
  equal("policy registry", `${a.registry} (registry)`, named(policyRegistry, a));
}

async function checkCouncil(c: CouncilContracts, p: DeploymentParameters, equal: Equal): Promise<void> {
  const [minDelay, minMembers, maxMembers, window, bootstrapEnded] = await Promise.all([
    c.timelock.getMinDelay(),
    c.registry.minMembers(),
    c.registry.maxMembers(),
    c.registry.sponsorshipWindow(),
    c.registry.bootstrapEnded(),
  ]);
  // An open bootstrap would let the deployer still add members: it must have ended before the hand-off.
  equal(
    "registry bootstrap",
    "ended",
    bootstrapEnded ? "ended" : "open (the deployer can still add members)",
  );
  equal("timelock min delay", seconds(p.timelockMinDelay), seconds(minDelay));
  equal("registry min members", String(p.minMembers), String(minMembers));
  equal("registry max members", String(p.maxMembers), String(maxMembers));
  equal("registry sponsorship window", seconds(p.sponsorshipWindow), seconds(window));

  // The initial council is registered in file order, from id 1. These are the records as they are now: a member
  // removed, resigned or rotated by governance since the deployment shows here as a FAIL.
  const records = await Promise.all(
    p.initialMembers.map(async (_, i) => {
      try {
        return await c.registry.getMember(i + 1);
      } catch {
        return undefined;
      }
    }),
  );
  p.initialMembers.forEach((m, i) => {
    const label = `initial member ${i + 1}`;
    const r = records[i];
    if (r === undefined) {
      equal(`${label} record`, `member ${i + 1} "${m.name}"`, "no record with this id");
      return;
    }
    equal(`${label} name`, JSON.stringify(m.name), JSON.stringify(r.name));
    equal(`${label} metadata URI`, JSON.stringify(m.metadataURI), JSON.stringify(r.metadataURI));
    equal(`${label} admin`, m.admin, r.admin);
    equal(`${label} voter`, m.voter, r.voter);
    equal(`${label} nodes`, list(m.nodes), list(r.nodes.map((n) => getAddress(n))));
    const status = MemberStatus[Number(r.status)] ?? String(r.status);
    equal(`${label} status`, "Active", r.leftAt > 0n ? `${status} (left ${formatTime(r.leftAt)})` : status);
  });
}

async function checkVault(
  c: CouncilContracts,
  p: DeploymentParameters,
  equal: Equal,
  add: (check: Check) => void,
): Promise<void> {
  const [token, unit, unbonding, withdrawal] = await Promise.all([
    c.vault.stakeToken(),
    c.vault.stakeUnit(),
    c.vault.unbondingPeriod(),
    c.vault.withdrawalWindow(),
  ]);
  // A KaiaStakeVault answers trackerMode(); the bonded StakeVault has no such function.
  const kaia = KaiaStakeVault__factory.connect(c.addresses.vault, c.provider);
  let trackerMode: boolean | undefined;
  try {
    trackerMode = await kaia.trackerMode();
  } catch {
    trackerMode = undefined;
  }
  const found = stakeMode({
    stakeSource: trackerMode === undefined ? "bonded" : "kaia",
    trackerMode: trackerMode ?? false,
  });
  equal("vault stake source", stakeMode(p), found);
  equal("vault stake token", asset(p.stakeToken), asset(token));
  equal("vault stake unit", String(p.stakeUnit), String(unit));
  equal("vault unbonding period", seconds(p.unbondingPeriod), seconds(unbonding));
  equal("vault withdrawal window", seconds(p.withdrawalWindow), seconds(withdrawal));
  if (p.stakeSource === "kaia" && trackerMode !== undefined)
    await checkKaiaStake(c, p, trackerMode, equal, add);
}

/**
 * The Kaia stake source: the vault's AddressBook, and every CnStaking linked to a member (found from the vault's
 * `StakingLinked` events, each confirmed by `stakingLink`): listed in the AddressBook for one of its member's
 * registered nodes (or linked by governance, which the line says), its `gcId` the member's, and in tracker mode
 * pointing at the vault (a warning when not: it then counts 0 once refreshed).
 */
async function checkKaiaStake(
  c: CouncilContracts,
  p: DeploymentParameters,
  trackerMode: boolean,
  equal: Equal,
  add: (check: Check) => void,
): Promise<void> {
  const vaultAddress = c.addresses.vault;
  const vault = KaiaStakeVault__factory.connect(vaultAddress, c.provider);
  const addressBook = getAddress(await vault.addressBook());
  const bookCode = await c.provider.getCode(addressBook);
  equal("vault AddressBook", p.addressBook, bookCode === "0x" ? `${addressBook} (no code)` : addressBook);
  const book = IKaiaAddressBook__factory.connect(addressBook, c.provider);

  // The latest StakingLinked event of each contract says who linked it; stakingLink says whether it still is.
  const byGovernance = new Map<string, boolean>();
  // From the vault's creation block (a node without past state: from block 0), to keep the log query short.
  const from = (await creationBlock(c.provider, vaultAddress)) ?? 0;
  for (const event of await vault.queryFilter(vault.filters.StakingLinked(), from)) {
    byGovernance.set(getAddress(event.args.staking), event.args.byGovernance);
  }
  for (const [staking, governance] of byGovernance) {
    const [memberId] = await vault.stakingLink(staking);
    if (memberId === 0n) continue;
    const label = `staking ${staking} of member ${memberId}`;
    const cn = ICnStaking__factory.connect(staking, c.provider);

    const nodes = (await c.registry.getMember(memberId)).nodes.map((n) => getAddress(n));
    const listedFor = await Promise.all(
      nodes.map(async (node) => {
        try {
          const [, listed] = await book.getCnInfo(node);
          return getAddress(listed) === staking ? node : undefined;
        } catch {
          return undefined;
        }
      }),
    );
    const node = listedFor.find((n) => n !== undefined);
    if (node === undefined && governance) {
      add({
        name: `${label} linked by governance (the AddressBook lists it for none of the member's nodes)`,
        expected: "",
        actual: "",
        pass: true,
      });
    } else {
      equal(
        `${label} in the AddressBook`,
        `listed for a node of member ${memberId}`,
        node === undefined
          ? `listed for none of its nodes ${list(nodes)}`
          : `listed for a node of member ${memberId}`,
      );
    }

    const [[gcId], cnGcId] = await Promise.all([vault.memberStaking(memberId), cn.gcId()]);
    equal(`${label} gcId`, `${gcId} (the member's)`, `${cnGcId}${cnGcId === gcId ? " (the member's)" : ""}`);

    if (trackerMode) {
      const tracker = getAddress(await cn.stakingTracker());
      add({
        name: `${label} tracker`,
        expected: `${vaultAddress} (vault)`,
        actual:
          tracker === vaultAddress
            ? `${vaultAddress} (vault)`
            : `${tracker} (another tracker: the contract counts 0 once refreshed)`,
        pass: tracker === vaultAddress,
        warning: true,
      });
    }
  }
}

async function checkReserve(
  c: CouncilContracts,
  p: DeploymentParameters,
  equal: Equal,
  add: (check: Check) => void,
): Promise<void> {
  const [guardian, termEnd, pause, limits] = await Promise.all([
    c.reserve.guardian(),
    c.reserve.guardianTermEnd(),
    c.reserve.pauseDuration(),
    Promise.all(p.reserveAssets.map((a) => c.reserve.outflowLimit(a))),
  ]);
  const now = await latestTime(c.provider);
  // guardian() is zero once the term has ended; the module gives the reserve's guardian the governor's term.
  equal("reserve guardian", p.reserveGuardian, guardianShown(guardian, termEnd, now));
  add(await guardianTermCheck(c, "reserve", p.reserveGuardian, p.guardianTerm, termEnd, now));
  equal("reserve pause duration", seconds(p.reservePauseDuration), seconds(pause));
  p.reserveAssets.forEach((a, i) => {
    equal(`reserve outflow limit of ${asset(a)}`, String(p.reserveOutflowLimits[i]), String(limits[i]));
  });
}

async function checkPolicy(c: CouncilContracts, p: DeploymentParameters, equal: Equal): Promise<void> {
  const configs = await Promise.all(MOTION_CLASS_NAMES.map((_, i) => c.policy.classConfig(i)));
  MOTION_CLASS_NAMES.forEach((cls, i) => {
    for (const field of CLASS_CONFIG_FIELDS) {
      const show = field.endsWith("Delay") || field === "votingPeriod" ? seconds : String;
      equal(`policy ${cls} ${field}`, show(p.classConfigs[i][field]), show(configs[i][field]));
    }
  });

  // The reserve's payments, budgets, grants and collectibles are Treasury motions; every other reserve function
  // (limits, guardian, pause length, unpause, ownership) has no entry, so it stays Constitutional.
  const reserve = c.addresses.reserve;
  const classOf = async (selector: string) => {
    const [cls, isSet] = await c.policy.actionClass(reserve, selector);
    return isSet ? (MOTION_CLASS_NAMES[Number(cls)] ?? String(cls)) : "Constitutional (no entry)";
  };
  const treasury = RESERVE_TREASURY_FUNCTIONS.map((signature) => ({
    signature,
    selector: id(signature).slice(0, 10),
  }));
  const treasuryClasses = await Promise.all(treasury.map((f) => classOf(f.selector)));
  treasury.forEach((f, i) => equal(`policy class of reserve ${f.signature}`, "Treasury", treasuryClasses[i]));

  const others: { signature: string; selector: string }[] = [
    { signature: "any function (wildcard)", selector: ANY_SELECTOR },
  ];
  c.reserve.interface.forEachFunction((f) => {
    if (f.constant) return;
    const signature = f.format("sighash");
    if (!(RESERVE_TREASURY_FUNCTIONS as readonly string[]).includes(signature))
      others.push({ signature, selector: f.selector });
  });
  const otherEntries = await Promise.all(
    others.map(async (f) => {
      const [cls, isSet] = await c.policy.actionClass(reserve, f.selector);
      return isSet ? `${f.signature} ${MOTION_CLASS_NAMES[Number(cls)] ?? String(cls)}` : "";
    }),
  );
  const set = otherEntries.filter((e) => e !== "");
  equal(
    "policy class of every other reserve function",
    "Constitutional (no entry)",
    set.length === 0 ? "Constitutional (no entry)" : `entries for ${set.join("; ")}`,
  );
}

async function checkGovernor(
  c: CouncilContracts,
  p: DeploymentParameters,
  equal: Equal,
  add: (check: Check) => void,
): Promise<void> {
  const g = c.governor;
  const [secretariat, rule, maxActions, maxLive, queueWindow, executionWindow, extension, guardian, termEnd] =
    await Promise.all([
      g.secretariat(),
      g.proposerRule(),
      g.maxActions(),
      g.maxLiveProposals(),
      g.queueWindow(),
      g.executionWindow(),
      g.lateQuorumVoteExtension(),
      g.guardian(),
      g.guardianTermEnd(),
    ]);
  const now = await latestTime(c.provider);
  equal("governor secretariat", p.secretariat, secretariat);
  equal("governor proposer rule", proposerRule(p.proposerRule), proposerRule(rule));
  equal("governor max actions", String(p.maxActions), String(maxActions));
  equal("governor max live proposals", String(p.maxLiveProposals), String(maxLive));
  equal("governor queue window", seconds(p.queueWindow), seconds(queueWindow));
  equal("governor execution window", seconds(p.executionWindow), seconds(executionWindow));
  equal("governor late quorum extension", seconds(p.lateQuorumExtension), seconds(extension));
  // guardian() is zero once the term has ended.
  equal("governor guardian", p.guardian, guardianShown(guardian, termEnd, now));
  add(await guardianTermCheck(c, "governor", p.guardian, p.guardianTerm, termEnd, now));
}

/**
 * The community contracts the policy names: wired to this governor, reserve and stake asset, owned by the timelock,
 * holding no timelock role, with the parameter file's window, threshold and bond, the veto phase off, and their
 * setters unclassified (so Constitutional).
 */
async function checkPetitionsAndVeto(
  c: CouncilContracts,
  p: DeploymentParameters,
  equal: Equal,
): Promise<void> {
  const [petitionsAddress, vetoAddress] = await c.policy.community();
  equal("policy community petitions", "a contract", await codeOrNone(c, petitionsAddress));
  equal("policy community veto", "a contract", await codeOrNone(c, vetoAddress));
  if (petitionsAddress === ZeroAddress || vetoAddress === ZeroAddress) return;
  const a = c.addresses;
  const petitions = CommunityPetitions__factory.connect(petitionsAddress, c.provider);
  const veto = CommunityVeto__factory.connect(vetoAddress, c.provider);
  for (const [label, owned] of [
    ["petitions", petitions],
    ["veto", veto],
  ] as const) {
    const [owner, pending, governor, asset_] = await Promise.all([
      owned.owner(),
      owned.pendingOwner(),
      owned.governor(),
      owned.asset(),
    ]);
    equal(`${label} owner`, `${a.timelock} (timelock)`, named(owner, a));
    equal(`${label} pending owner`, `${ZeroAddress} (none)`, named(pending, a));
    equal(`${label} governor`, `${a.governor} (governor)`, named(governor, a));
    equal(`${label} asset`, asset(p.stakeToken), asset(asset_));
    const roles = await Promise.all(
      ROLE_NAMES.map(async (role) =>
        (await c.timelock.hasRole(TIMELOCK_ROLES[role], await owned.getAddress())) ? role : "",
      ),
    );
    const held = roles.filter((r) => r !== "");
    equal(`timelock roles of the ${label} contract`, "none", held.length === 0 ? "none" : held.join(", "));
    const [, isSet] = await c.policy.actionClass(await owned.getAddress(), ANY_SELECTOR);
    equal(
      `policy class of every ${label} function`,
      "Constitutional (no entry)",
      isSet ? "an entry" : "Constitutional (no entry)",
    );
  }
  const [reserve, window, threshold, bond, [on, vetoWindow], vetoThreshold] = await Promise.all([
    petitions.reserve(),
    petitions.window(),
    petitions.threshold(),
    petitions.bond(),
    veto.vetoPhase(),
    veto.threshold(),
  ]);
  equal("petitions reserve (forfeited bonds)", `${a.reserve} (reserve)`, named(reserve, a));
  equal("petitions window", seconds(p.petitionWindow), seconds(window));
  equal("petitions threshold", String(p.petitionThreshold), String(threshold));
  equal("petitions bond", String(p.petitionBond), String(bond));
  equal("veto phase", "off", on ? "on" : "off");
  equal("veto window", seconds(p.vetoWindow), seconds(vetoWindow));
  equal("veto threshold", String(p.vetoThreshold), String(vetoThreshold));
}

async function codeOrNone(c: CouncilContracts, address: string): Promise<string> {
  if (address === ZeroAddress) return `${ZeroAddress} (none)`;
  return (await c.provider.getCode(address)) === "0x" ? `${address} (no code)` : "a contract";
}

/** A guardian as read from the chain, saying so when it reads zero because its term ended. */
function guardianShown(guardian: string, termEnd: bigint, now: bigint): string {
  return guardian === ZeroAddress && termEnd > 0n && termEnd <= now
    ? `${guardian} (its term ended ${formatTime(termEnd)})`
    : guardian;
}

/**
 * A guardian's term (the governor's or the reserve's): the contract stores only when it ends (deployment time +
 * term). The deployment time is the contract's creation block, found by bisecting `eth_getCode` over past blocks.
 * A node that keeps no past state cannot answer that; the check then bounds the deployment between the registry's
 * (the initial members' joining time, a few blocks earlier) and now.
 */
async function guardianTermCheck(
  c: CouncilContracts,
  holder: "governor" | "reserve",
  guardian: string,
  term: bigint,
  termEnd: bigint,
  now: bigint,
): Promise<Check> {
  const name = `${holder} guardian term`;
  if (guardian === ZeroAddress || termEnd === 0n) {
    const expected = guardian === ZeroAddress ? "0 (no guardian)" : seconds(term);
    const actual = termEnd === 0n ? "0 (no guardian)" : `term ends ${formatTime(termEnd)}`;
    return { name, expected, actual, pass: expected === actual };
  }
  const deployedAt = await creationTime(c.provider, c.addresses[holder]);
  if (deployedAt !== undefined) {
    const expected = seconds(term);
    const actual = termEnd >= deployedAt ? seconds(termEnd - deployedAt) : `term ends ${formatTime(termEnd)}`;
    return { name, expected, actual, pass: expected === actual };
  }
  const [, registryDeployedAt] = await c.registry.memberTimestamps(1);
  const start = termEnd - term;
  return {
    name,
    expected: `${seconds(term)} from the ${holder}'s deployment`,
    actual:
      `term ends ${formatTime(termEnd)}, so it started ${formatTime(start)}; this node keeps no past state, so the ` +
      `deployment is only known to lie between ${formatTime(registryDeployedAt)} (registry) and now`,
    pass: start >= registryDeployedAt && start <= now,
  };
}

/** The block in which `address` got its code, or undefined if the node keeps no past state. */
async function creationBlock(provider: Provider, address: string): Promise<number | undefined> {
  try {
    let low = 0;
    let high = await provider.getBlockNumber();
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if ((await provider.getCode(address, mid)) === "0x") low = mid + 1;
      else high = mid;
    }
    return low;
  } catch {
    return undefined;
  }
}

/** When `address` got its code: the timestamp of its creation block, or undefined if the node keeps no past state. */
async function creationTime(provider: Provider, address: string): Promise<bigint | undefined> {
  const number = await creationBlock(provider, address);
  if (number === undefined) return undefined;
  const block = await provider.getBlock(number);
  return block === null ? undefined : BigInt(block.timestamp);
}

async function latestTime(provider: Provider): Promise<bigint> {
  const block = await provider.getBlock("latest");
  return BigInt(block?.timestamp ?? Math.floor(Date.now() / 1000));
}

/** `604800 (7d)`. */
function seconds(value: bigint | number): string {
  return `${value} (${formatDuration(value)})`;
}

/** `0 (SecretariatAndMembers)`. */
function proposerRule(value: bigint): string {
  return `${value} (${PROPOSER_RULES[Number(value)] ?? "unknown"})`;
}

/** An asset: `native coin` for the zero address. */
function asset(address: string): string {
  return address === ZeroAddress ? "native coin" : getAddress(address);
}

/** `[0x…, 0x…]`. */
function list(addresses: string[]): string {
  return `[${addresses.join(", ")}]`;
}

/** An address, with the system contract's name when it is one. */
function named(address: string, addresses: CouncilContracts["addresses"]): string {
  const key = Object.entries(addresses).find(([, a]) => a === address)?.[0];
  if (key !== undefined) return `${address} (${key})`;
  return address === ZeroAddress ? `${address} (none)` : address;
}

/**
 * The community contracts: the vote extension (owned by the timelock, bound to this governor, the parameter's
 * amount, and the one contract the governor lets extend a vote) and the advisors' board (owned by the timelock, on
 * this governor). The governor keeps its vote extension in an immutable with no getter (bytecode size), so the last
 * check simulates `extendVote` from the vote extension's address: only that address is accepted.
 */
async function checkCommunity(c: CouncilContracts, p: DeploymentParameters, equal: Equal): Promise<void> {
  const a = c.addresses;
  if (c.voteExtension === undefined) {
    equal("vote extension", "deployed", "not in the address file");
  } else {
    const ext = c.voteExtension;
    const [owner, pending, governor, vault, amount] = await Promise.all([
      ext.owner(),
      ext.pendingOwner(),
      ext.governor(),
      ext.stakeVault(),
      ext.extensionAmount(),
    ]);
    equal("vote extension owner", `${a.timelock} (timelock)`, named(owner, a));
    equal("vote extension pending owner", `${ZeroAddress} (none)`, named(pending, a));
    equal("vote extension governor", `${a.governor} (governor)`, named(governor, a));
    equal("vote extension vault", `${a.vault} (vault)`, named(vault, a));
    equal("vote extension amount", seconds(p.voteExtensionAmount), seconds(amount));
    const data = c.governor.interface.encodeFunctionData("extendVote", [0n, 0n]);
    let trusted = "accepted";
    try {
      await c.provider.call({ from: a.voteExtension, to: a.governor, data });
    } catch {
      trusted = "refused";
    }
    equal("governor accepts extensions from the vote extension", "accepted", trusted);
  }
  if (c.advisors === undefined) {
    equal("advisors' board", "deployed", "not in the address file");
  } else {
    const [owner, pending, governor] = await Promise.all([
      c.advisors.owner(),
      c.advisors.pendingOwner(),
      c.advisors.governor(),
    ]);
    equal("advisors' board owner", `${a.timelock} (timelock)`, named(owner, a));
    equal("advisors' board pending owner", `${ZeroAddress} (none)`, named(pending, a));
    equal("advisors' board governor", `${a.governor} (governor)`, named(governor, a));
  }
}
