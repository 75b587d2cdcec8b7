/**
 * Membership: apply for membership, accept a voter nomination, renew a lapsed application, sponsor a candidate (an
 * Admission motion) and move no confidence in a member (a No-confidence motion).
 *
 * The checks before sending follow the contracts: CouncilRegistry.applyForMembership / acceptVoter /
 * renewApplication, and GovernorMembershipMotions.proposeAdmission / proposeNoConfidence with
 * GovernorProposalRules (who may propose, live-motion limit).
 */
import { ZeroAddress } from "ethers";

import { eventArgs, latestTimestamp, mined, revertOf } from "./transactions.js";
import type { CouncilContracts } from "./deployment.js";
import { signerOf } from "./deployment.js";
import { OpsError } from "./errors.js";
import { formatAmount, formatWhen } from "./format.js";
import type { Unit } from "./format.js";
import { byteLength, parseAddress, parseAddressList, parseId, plainAmount, requireText } from "./input.js";
import {
  MemberStatus,
  memberLabel,
  memberOfCurrentVoter,
  readMember,
  removalWarning,
  statusName,
} from "./members.js";
import type { MemberRecord } from "./members.js";
import { acceptNomination } from "./keys.js";
import { MOTION_CLASS_NAMES } from "./enums.js";
import { stakeAsset } from "./stake.js";

/** CouncilRegistry limits. */
export const MAX_NAME_BYTES = 64;
export const MAX_METADATA_URI_BYTES = 512;
export const MAX_NODES = 16;

/** IMotionPolicy.MotionClass names, as printed. */

/** ICouncilGovernor.ProposerRule. */
export enum ProposerRule {
  SecretariatAndMembers,
  SecretariatOnly,
  MembersOnly,
}

// ---------------------------------------------------------------- apply

export interface ApplyOptions {
  name: string;
  metadata: string;
  voter: string;
  /** Comma-separated node addresses ("" for none). */
  nodes?: string;
}

export interface ApplyResult {
  candidate: MemberRecord;
  /** The nominated voter, when it must still accept (not the applying account itself). */
  pendingVoter?: string;
  closesAt: bigint;
  stakeUnit: bigint;
  unit: Unit;
  /** Warnings that do not stop the application (a node another member runs). */
  notes: string[];
  now: bigint;
  tx: string;
}

/** Applies for membership from the sending account, which becomes the candidate's admin. */
export async function apply(c: CouncilContracts, options: ApplyOptions): Promise<ApplyResult> {
  const signer = signerOf(c);
  const account = await signer.getAddress();
  const name = requireText(options.name, "--name", '--name "Acme Labs"');
  if (byteLength(name) > MAX_NAME_BYTES) {
    throw new OpsError(`--name is ${byteLength(name)} bytes; at most ${MAX_NAME_BYTES} are allowed`);
  }
  const metadata = requireText(options.metadata, "--metadata", "--metadata https://acme.example/gc.json");
  if (byteLength(metadata) > MAX_METADATA_URI_BYTES) {
    throw new OpsError(
      `--metadata is ${byteLength(metadata)} bytes; at most ${MAX_METADATA_URI_BYTES} are allowed`,
    );
  }
  const voter = parseAddress(requireText(options.voter, "--voter", "--voter 0x…"), "--voter");
  if (voter === ZeroAddress) throw new OpsError("--voter cannot be the zero address");
  const nodes = parseAddressList(options.nodes ?? "", "--nodes");
  if (nodes.length > MAX_NODES) {
    throw new OpsError(`--nodes lists ${nodes.length} addresses; at most ${MAX_NODES} are allowed`);
  }
  nodes.forEach((node, i) => {
    if (node === ZeroAddress) throw new OpsError("--nodes cannot list the zero address");
    if (nodes.indexOf(node) !== i) throw new OpsError(`--nodes lists ${node} twice`);
  });
  for (const [who, address] of [
    [`account ${account}`, account],
    [`--voter ${voter}`, voter],
  ] as const) {
    const asAdmin = await c.registry.memberIdOfAdmin(address);
    if (asAdmin !== 0n) {
      throw new OpsError(
        `${who} is already the admin of member ${asAdmin}; apply with accounts that belong to no member`,
      );
    }
    const asVoter = await c.registry.memberIdOfVoter(address);
    if (asVoter !== 0n) {
      throw new OpsError(
        `${who} is (or was) the voter of member ${asVoter}; voter accounts are never reused: use a fresh account`,
      );
    }
  }
  const notes: string[] = [];
  for (const node of nodes) {
    const holder = await c.registry.memberIdOfNode(node);
    if (holder !== 0n) {
      notes.push(
        `node ${node} is a node of member ${holder}: admission fails unless that member releases it`,
      );
    }
  }

  const receipt = await mined(
    await c.registry.connect(signer).applyForMembership(name, metadata, voter, nodes),
  );
  const id = BigInt(eventArgs(receipt, c.registry, "MemberRegistered").getValue("memberId"));
  const candidate = await readMember(c, id);
  const { unit } = await stakeAsset(c);
  return {
    candidate,
    pendingVoter: candidate.voter === ZeroAddress ? voter : undefined,
    closesAt: candidate.appliedAt + (await c.registry.sponsorshipWindow()),
    stakeUnit: await c.vault.stakeUnit(),
    unit,
    notes,
    now: await latestTimestamp(c.provider),
    tx: receipt.hash,
  };
}

export function applyLines(r: ApplyResult): string[] {
  const id = r.candidate.id;
  return [
    `Applied for membership: ${memberLabel(r.candidate)}`,
    `  admin:   ${r.candidate.admin} (this account)`,
    r.pendingVoter !== undefined
      ? `  voter:   ${r.pendingVoter} (nominated: it accepts with council accept-voter ${id} --from ${r.pendingVoter})`
      : `  voter:   ${r.candidate.voter}`,
    `  nodes:   ${r.candidate.nodes.length === 0 ? "(none)" : r.candidate.nodes.join(", ")}`,
    `  sponsorship window: until ${formatWhen(r.closesAt, r.now)}`,
    `  next:    bond ${formatAmount(r.stakeUnit, r.unit)} (stake deposit ${plainAmount(r.stakeUnit, r.unit.decimals)}), then ask a member or the secretariat to sponsor it (council sponsor ${id})`,
    ...r.notes.map((note) => `  note:    ${note}`),
    `  tx:      ${r.tx}`,
  ];
}

// ---------------------------------------------------------------- accept-voter, renew

export interface AccountChangeResult {
  member: MemberRecord;
  tx: string;
}

/** Accepts the sending account's nomination as a member's (or candidate's) voter. */
export function acceptVoter(c: CouncilContracts, options: { member: string }): Promise<AccountChangeResult> {
  return acceptNomination(c, "voter", options);
}

export function acceptVoterLines(r: AccountChangeResult): string[] {
  return [`${r.member.voter} is now the voter of ${memberLabel(r.member)}`, `  tx: ${r.tx}`];
}

export interface RenewResult {
  candidate: MemberRecord;
  closesAt: bigint;
  now: bigint;
  tx: string;
}

/** Renews a lapsed or rejected application (the candidate's admin): a new sponsorship window starts now. */
export async function renew(c: CouncilContracts, options: { candidate: string }): Promise<RenewResult> {
  const signer = signerOf(c);
  const account = await signer.getAddress();
  const candidate = await readMember(c, parseId(options.candidate, "candidate id"), "candidate id");
  if (candidate.status !== MemberStatus.Candidate) {
    throw new OpsError(`${memberLabel(candidate)} is ${statusName(candidate.status)}, not a candidate`);
  }
  if (candidate.admin !== account) {
    throw new OpsError(
      `account ${account} is not the admin of ${memberLabel(candidate)}; renew from its admin account (--from)`,
    );
  }
  const window = await c.registry.sponsorshipWindow();
  const now = await latestTimestamp(c.provider);
  const closesAt = candidate.appliedAt + window;
  if (now + 1n <= closesAt) {
    throw new OpsError(
      `the application of ${memberLabel(candidate)} is open until ${formatWhen(closesAt, now)}: it can be sponsored now (renew it after it closes)`,
    );
  }
  const receipt = await mined(await c.registry.connect(signer).renewApplication(candidate.id));
  const renewed = await readMember(c, candidate.id);
  return {
    candidate: renewed,
    closesAt: renewed.appliedAt + window,
    now: await latestTimestamp(c.provider),
    tx: receipt.hash,
  };
}

export function renewLines(r: RenewResult): string[] {
  return [
    `Renewed the application of ${memberLabel(r.candidate)}`,
    `  sponsorship window: until ${formatWhen(r.closesAt, r.now)}`,
    `  tx: ${r.tx}`,
  ];
}

// ---------------------------------------------------------------- motions

/** A membership motion just opened. */
export interface MotionResult {
  proposalId: bigint;
  className: string;
  subject: MemberRecord;
  description: string;
  snapshot: bigint;
  deadline: bigint;
  now: bigint;
  tx: string;
}

/**
 * Checks that the sending account may open a motion of this kind: the secretariat (admission only, unless the
 * rule is members-only) or the current voter of an active member that has votes, and under its live-motion limit.
 */
async function checkProposer(
  c: CouncilContracts,
  account: string,
  kind: "admission" | "no-confidence",
): Promise<MemberRecord | undefined> {
  const verb = kind === "admission" ? "sponsor" : "move no confidence";
  const rule = Number(await c.governor.proposerRule()) as ProposerRule;
  const secretariat = await c.governor.secretariat();
  const isSecretariat = secretariat !== ZeroAddress && account === secretariat;
  let mover: MemberRecord | undefined;
  if (!(kind === "admission" && isSecretariat && rule !== ProposerRule.MembersOnly)) {
    mover = await memberOfCurrentVoter(c, account);
    if (mover === undefined || mover.status !== MemberStatus.Active) {
      const who = kind === "admission" ? " (nor the secretariat)" : "";
      const why =
        mover === undefined
          ? `it is not the voter of an active member${who}`
          : `it votes for ${memberLabel(mover)}, which is ${statusName(mover.status)}`;
      const from =
        kind === "admission"
          ? "a member's voter account or the secretariat's"
          : "your member's voter account";
      throw new OpsError(`account ${account} is not a member: ${why}; ${verb} from ${from} (--from)`);
    }
    if ((await c.vault.memberVotes(mover.id)) === 0n) {
      const [staked, stakeUnit, { unit }] = await Promise.all([
        c.vault.stakeOf(mover.id),
        c.vault.stakeUnit(),
        stakeAsset(c),
      ]);
      throw new OpsError(
        `insufficient stake: ${memberLabel(mover)} has ${formatAmount(staked, unit)} staked and needs at least ${formatAmount(stakeUnit, unit)} to ${verb}`,
      );
    }
    if (kind === "admission" && rule === ProposerRule.SecretariatOnly) {
      throw new OpsError(
        "only the secretariat may sponsor candidates (the proposer rule is secretariat-only)",
      );
    }
  }
  const [live, max] = await Promise.all([
    c.governor.liveProposalCount(account),
    c.governor.maxLiveProposals(),
  ]);
  if (live >= max) {
    throw new OpsError(
      `account ${account} already has ${live} live motions, the most allowed; ${verb} when one ends`,
    );
  }
  return mover;
}

/** Reads a motion's id from its MembershipMotionProposed event and its voting times. */
async function motionResult(
  c: CouncilContracts,
  receipt: Awaited<ReturnType<typeof mined>>,
  subject: MemberRecord,
  description: string,
): Promise<MotionResult> {
  const args = eventArgs(receipt, c.governor, "MembershipMotionProposed");
  const proposalId = BigInt(args.getValue("proposalId"));
  return {
    proposalId,
    className: MOTION_CLASS_NAMES[Number(args.getValue("motionClass"))] ?? "unknown",
    subject,
    description,
    snapshot: await c.governor.proposalSnapshot(proposalId),
    deadline: await c.governor.proposalDeadline(proposalId),
    now: await latestTimestamp(c.provider),
    tx: receipt.hash,
  };
}

/** Sends a motion, turning the one refusal that cannot be read beforehand (a live motion) into one line. */
async function sendMotion(
  c: CouncilContracts,
  subject: MemberRecord,
  kind: string,
  send: () => ReturnType<CouncilContracts["governor"]["proposeAdmission"]>,
) {
  try {
    return await mined(await send());
  } catch (error) {
    const reverted = revertOf(error, c.governor.interface);
    if (reverted?.name === "GovernorMotionAlreadyLive") {
      throw new OpsError(
        `${memberLabel(subject)} already has a live ${kind} motion (motion ${reverted.args[1]}); vote on it instead`,
      );
    }
    throw error;
  }
}

export interface SponsorOptions {
  candidate: string;
  /** The motion's description; empty for "Admit candidate <id> (<name>)". */
  description?: string;
}

/** Sponsors a candidate: opens its Admission motion. */
export async function sponsor(c: CouncilContracts, options: SponsorOptions): Promise<MotionResult> {
  const signer = signerOf(c);
  const account = await signer.getAddress();
  const candidate = await readMember(c, parseId(options.candidate, "candidate id"), "candidate id");
  if (candidate.status !== MemberStatus.Candidate) {
    throw new OpsError(
      `${memberLabel(candidate)} is ${statusName(candidate.status)}, not a candidate: only candidates can be sponsored`,
    );
  }
  const now = await latestTimestamp(c.provider);
  const closesAt = candidate.appliedAt + (await c.registry.sponsorshipWindow());
  if (now + 1n > closesAt) {
    throw new OpsError(
      `the application of ${memberLabel(candidate)} closed ${formatWhen(closesAt, now)}: its admin renews it (council renew ${candidate.id}), then it can be sponsored`,
    );
  }
  if (candidate.voter === ZeroAddress) {
    const pending = await c.registry.pendingVoter(candidate.id);
    throw new OpsError(
      pending === ZeroAddress
        ? `${memberLabel(candidate)} has no voter: its admin nominates one, who accepts, before it can be sponsored`
        : `${memberLabel(candidate)} has no voter yet: ${pending} accepts first (council accept-voter ${candidate.id} --from ${pending})`,
    );
  }
  const [bonded, stakeUnit, { unit }] = await Promise.all([
    c.vault.stakeOf(candidate.id),
    c.vault.stakeUnit(),
    stakeAsset(c),
  ]);
  if (bonded < stakeUnit) {
    throw new OpsError(
      `${memberLabel(candidate)} has ${formatAmount(bonded, unit)} bonded and needs at least ${formatAmount(stakeUnit, unit)} before it can be sponsored (stake deposit ${plainAmount(stakeUnit - bonded, unit.decimals)} --member ${candidate.id})`,
    );
  }
  await checkProposer(c, account, "admission");
  const description =
    (options.description ?? "").trim() !== ""
      ? (options.description ?? "").trim()
      : `Admit candidate ${candidate.id} (${candidate.name})`;
  const receipt = await sendMotion(c, candidate, "admission", () =>
    c.governor.connect(signer).proposeAdmission(candidate.id, description),
  );
  return motionResult(c, receipt, candidate, description);
}

export function sponsorLines(r: MotionResult): string[] {
  return [
    `Sponsored ${memberLabel(r.subject)}: motion ${r.proposalId} (${r.className})`,
    `  description:   ${r.description}`,
    `  voting starts: ${formatWhen(r.snapshot, r.now)}`,
    `  voting ends:   ${formatWhen(r.deadline, r.now)}`,
    `  tx:            ${r.tx}`,
  ];
}

export interface NoConfidenceOptions {
  member: string;
  reason: string;
}

/**
 * Moves no confidence in an active member: opens its No-confidence motion (the target cannot vote on it, and its
 * stake is frozen until the snapshot, as the vault reports).
 */
export async function noConfidence(
  c: CouncilContracts,
  options: NoConfidenceOptions,
): Promise<MotionResult & { frozenUntil: bigint; warning?: string }> {
  const signer = signerOf(c);
  const account = await signer.getAddress();
  const target = await readMember(c, parseId(options.member, "member id"));
  const reason = requireText(options.reason, "--reason", '--reason "left its nodes offline for 30 days"');
  const mover = await checkProposer(c, account, "no-confidence");
  if (mover !== undefined && mover.id === target.id) {
    throw new OpsError(`${memberLabel(target)} cannot move no confidence in itself`);
  }
  if (target.status !== MemberStatus.Active) {
    throw new OpsError(
      `${memberLabel(target)} is ${statusName(target.status)}, not an active member: no confidence applies to active members only`,
    );
  }
  const [active, minimum] = await Promise.all([c.registry.activeMemberCount(), c.registry.minMembers()]);
  if (active <= minimum) {
    throw new OpsError(
      `the council has ${active} active members, its minimum: no member can be removed until another is admitted`,
    );
  }
  const description = `No confidence in ${memberLabel(target)}: ${reason}`;
  const warning = await removalWarning(c, target.id);
  const receipt = await sendMotion(c, target, "no-confidence", () =>
    c.governor.connect(signer).proposeNoConfidence(target.id, description),
  );
  const result = await motionResult(c, receipt, target, description);
  return { ...result, frozenUntil: await c.vault.frozenUntil(target.id), warning };
}

export function noConfidenceLines(r: MotionResult & { frozenUntil: bigint; warning?: string }): string[] {
  return [
    ...(r.warning !== undefined ? [r.warning] : []),
    `Moved no confidence in ${memberLabel(r.subject)}: motion ${r.proposalId} (${r.className})`,
    `  description:   ${r.description}`,
    `  voting starts: ${formatWhen(r.snapshot, r.now)}`,
    `  voting ends:   ${formatWhen(r.deadline, r.now)}`,
    `  member ${r.subject.id} cannot vote on it and is left out of its quorum`,
    `  member ${r.subject.id}'s stake is frozen until ${formatWhen(r.frozenUntil, r.now)}: no stake, unstake or ` +
      "re-stake before voting opens",
    `  tx:            ${r.tx}`,
  ];
}
