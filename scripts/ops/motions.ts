/**
 * Motions: reading them (list, show, timeline, quorum progress, actions), explaining their state in words, and the
 * lifecycle transactions (vote, queue, execute, cancel) with checks that turn every foreseeable refusal into a
 * one-line message before anything is sent.
 *
 * A motion's rules (approval rule, expiry windows, subject) come from its record, frozen when it was proposed
 * (`motionRecord`), never from the policy's or the governor's current settings, which apply to later motions only.
 * Where the governor decides (who may cancel), the check is a `staticCall` of the governor itself, its refusal put
 * into words, rather than a copy of its rules.
 */
import { id as keccakText } from "ethers";
import type { ContractTransactionResponse, TransactionReceipt } from "ethers";

import type { ICouncilGovernor } from "../../typechain-types/contracts/governance/CouncilGovernorLens.js";
import { latestTimestamp, mined } from "./transactions.js";
import type { CouncilContracts } from "./deployment.js";
import { signerOf } from "./deployment.js";
import { MOTION_CLASS_NAMES, PROPOSAL_STATE_NAMES, VoteSupport } from "./enums.js";
import type { MotionClassName, ProposalStateName } from "./enums.js";
import { OpsError, revertData } from "./errors.js";
import { count, formatTime, formatWhen, shortAddress, table } from "./format.js";

/** OpenZeppelin's ProposalState names, in order. */
export type StateName = ProposalStateName;
export const STATE_NAMES = PROPOSAL_STATE_NAMES;

/** Vote supports, as the CLI spells them. */
export const SUPPORT = {
  against: VoteSupport.Against,
  for: VoteSupport.For,
  abstain: VoteSupport.Abstain,
} as const;
export type SupportName = keyof typeof SUPPORT;

/** Parses `for`, `against` or `abstain` (or 1, 0, 2). */
export function parseSupport(text: string): number {
  const key = text.trim().toLowerCase();
  if (key in SUPPORT) return SUPPORT[key as SupportName];
  if (/^[012]$/.test(key)) return Number(key);
  throw new OpsError(`vote "${text}" is not one of: for, against, abstain`);
}

/** The name of a support value. */
export function supportName(support: number): SupportName {
  return (Object.keys(SUPPORT) as SupportName[]).find((k) => SUPPORT[k] === support) ?? "abstain";
}

/** A motion's actions, as passed to queue, execute and cancel. */
export interface Actions {
  targets: string[];
  values: bigint[];
  calldatas: string[];
  description: string;
}

/** Everything about one motion. */
export interface MotionView {
  id: bigint;
  state: StateName;
  motionClass: MotionClassName;
  proposer: string;
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
  /** Voters needed, or 0 before the snapshot. */
  memberQuorum: bigint;
  /** Votes cast needed, or 0 before the snapshot. */
  voteQuorum: bigint;
  /** The approval rule frozen into the motion: For must reach numerator/denominator of the votes cast. */
  approval: { numerator: bigint; denominator: bigint };
  /** A Succeeded motion must be queued by this time (its deadline plus its frozen queue window). */
  queueBy: bigint;
  /** A Queued motion must be executed by this time (its ETA plus its frozen execution window). */
  executeBy: bigint;
  /** The chain's time when this view was read. */
  now: bigint;
}

function plain(
  d: ICouncilGovernor.MotionDetailsStructOutput,
): Omit<MotionView, "approval" | "queueBy" | "executeBy" | "now"> {
  return {
    id: d.proposalId,
    state: STATE_NAMES[Number(d.state)],
    motionClass: MOTION_CLASS_NAMES[Number(d.motionClass)],
    proposer: d.proposer,
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

/** Parses a motion id given on the command line. */
export function parseMotionId(text: string | bigint): bigint {
  if (typeof text === "bigint") return text;
  if (!/^\d+$/.test(text.trim()))
    throw new OpsError(`motion id "${text}" is not a number (see: motion list)`);
  return BigInt(text.trim());
}

/** Reads one motion, or says which ids exist. */
export async function getMotion(c: CouncilContracts, motionId: bigint): Promise<MotionView> {
  const count = await c.governor.proposalCount();
  if (motionId < 1n || motionId > count) {
    throw new OpsError(
      count === 0n
        ? `unknown motion ${motionId}: no motion has been proposed yet`
        : `unknown motion ${motionId}: motions are numbered 1 to ${count} (see: motion list)`,
    );
  }
  const [details, record, now] = await Promise.all([
    c.lens.motionDetails(c.addresses.governor, motionId),
    c.governor.motionRecord(motionId),
    latestTimestamp(c.provider),
  ]);
  return toView(details, record, now);
}

/** The part of a motion's record (ICouncilGovernor.MotionRecord) a MotionView needs: its frozen rules. */
interface FrozenRules {
  approvalNumerator: bigint;
  approvalDenominator: bigint;
  queueWindow: bigint;
  executionWindow: bigint;
}

/** The lens's details and the motion's own record (its rules, frozen at proposal) as a MotionView. */
function toView(d: ICouncilGovernor.MotionDetailsStructOutput, r: FrozenRules, now: bigint): MotionView {
  const view = plain(d);
  return {
    ...view,
    approval: { numerator: r.approvalNumerator, denominator: r.approvalDenominator },
    queueBy: view.deadline + r.queueWindow,
    executeBy: view.eta === 0n ? 0n : view.eta + r.executionWindow,
    now,
  };
}

/** Lists motions, newest first, reading pages of `pageSize` through the lens, each with its own record. */
export async function listMotions(
  c: CouncilContracts,
  options: { states?: StateName[]; limit?: number; pageSize?: number } = {},
): Promise<MotionView[]> {
  const limit = options.limit ?? 20;
  const pageSize = BigInt(options.pageSize ?? 25);
  const [count, now] = await Promise.all([c.governor.proposalCount(), latestTimestamp(c.provider)]);
  const rows: MotionView[] = [];
  let last = count;
  while (last >= 1n && rows.length < limit) {
    const first = last > pageSize ? last - pageSize + 1n : 1n;
    const page = await c.lens.motionPage(c.addresses.governor, first, last - first + 1n);
    const records = await Promise.all(page.map((d) => c.governor.motionRecord(d.proposalId)));
    for (const [i, d] of [...page.entries()].reverse()) {
      const view = toView(d, records[i], now);
      if (options.states !== undefined && !options.states.includes(view.state)) continue;
      rows.push(view);
      if (rows.length >= limit) break;
    }
    last = first - 1n;
  }
  return rows;
}

/** Parses a comma-separated list of state names (case-insensitive). */
export function parseStates(text: string): StateName[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => {
      const match = STATE_NAMES.find((n) => n.toLowerCase() === s.toLowerCase());
      if (match === undefined) throw new OpsError(`state "${s}" is not one of: ${STATE_NAMES.join(", ")}`);
      return match;
    });
}

/** The motion's actions and description, from the ProposalCreated event of its creation block. */
export async function motionActions(c: CouncilContracts, view: MotionView): Promise<Actions> {
  const events = await c.governor.queryFilter(
    c.governor.filters.ProposalCreated(),
    Number(view.createdBlock),
    Number(view.createdBlock),
  );
  const event = events.find((e) => e.args.proposalId === view.id);
  if (event === undefined) {
    throw new OpsError(
      `motion ${view.id}: no ProposalCreated event in block ${view.createdBlock} (pruned node?)`,
    );
  }
  // Positional: `values` is also the name of a method of ethers' Result.
  const [, , targets, values, , calldatas] = event.args;
  return {
    targets: [...targets],
    values: [...values],
    calldatas: [...calldatas],
    description: event.args.description,
  };
}

/** The next change of a motion's state, in words ("voting opens …", "final: it never changes"). */
export function nextChange(v: MotionView): string {
  switch (v.state) {
    case "Pending":
      return `voting opens after ${formatWhen(v.snapshot, v.now)}`;
    case "Active":
      return `voting closes at ${formatWhen(v.deadline, v.now)}`;
    case "Succeeded":
      return `it passed; queue it before ${formatWhen(v.queueBy, v.now)} or it expires`;
    case "Queued":
      return v.now < v.eta
        ? `it can be executed from ${formatWhen(v.eta, v.now)} until ${formatTime(v.executeBy)}`
        : `it can be executed until ${formatWhen(v.executeBy, v.now)}`;
    default:
      return "that is final, it never changes";
  }
}

/** The refusal for an operation in the wrong state: which motion, which state, when it changes. */
export function wrongState(v: MotionView, operation: string, allowed: StateName[]): OpsError {
  return new OpsError(
    `motion ${v.id} is ${v.state}: ${nextChange(v)}; ${operation} needs it ${allowed.join(" or ")}`,
  );
}

/** Whether each quorum is reached, and the approval so far. */
export function progress(v: MotionView): {
  members: boolean;
  votes: boolean;
  approved: boolean;
  cast: bigint;
} {
  const cast = v.forVotes + v.againstVotes + v.abstainVotes;
  const approved =
    2n * v.forVotes > cast && v.forVotes * v.approval.denominator >= v.approval.numerator * cast && cast > 0n;
  return {
    members: v.memberQuorum > 0n && v.voters >= v.memberQuorum,
    votes: v.voteQuorum > 0n && cast >= v.voteQuorum,
    approved,
    cast,
  };
}

/** One motion, in full: state and next change, tallies, quorum progress, timeline and actions. */
export function renderMotion(
  v: MotionView,
  actions: Actions,
  describe: (target: string, value: bigint, data: string) => string,
) {
  const p = progress(v);
  const quorum =
    v.memberQuorum === 0n
      ? "quorum: fixed at the snapshot (after voting opens)"
      : `quorum: ${v.voters}/${v.memberQuorum} members${p.members ? " ✓" : ""} OR ${p.cast}/${v.voteQuorum} votes${
          p.votes ? " ✓" : ""
        } → ${p.members || p.votes ? "reached" : "not reached"}`;
  const rule =
    v.approval.numerator * 2n === v.approval.denominator
      ? "more For than Against + Abstain"
      : `For ≥ ${v.approval.numerator}/${v.approval.denominator} of votes cast`;
  const lines = [
    `Motion ${v.id} — ${v.motionClass} — ${v.state}`,
    `  ${nextChange(v)}`,
    `  proposer: ${v.proposer}`,
  ];
  if (v.subjectMemberId !== 0n) {
    lines.push(`  ${v.motionClass === "Admission" ? "candidate" : "target member"}: ${v.subjectMemberId}`);
  }
  if (v.excludedMemberId !== 0n) lines.push(`  excluded from vote and quorum: member ${v.excludedMemberId}`);
  lines.push(
    `  tally: For ${v.forVotes}, Against ${v.againstVotes}, Abstain ${v.abstainVotes} (${count(v.voters, "member")} voted)`,
    `  ${quorum}`,
    `  approval (${rule}): ${p.approved ? "met" : "not met"}`,
    "  timeline:",
    `    created in block ${v.createdBlock}`,
    `    voting opens after ${formatWhen(v.snapshot, v.now)}`,
    `    voting closes at   ${formatWhen(v.deadline, v.now)}`,
  );
  if (v.eta === 0n) {
    lines.push(`    queue before       ${formatWhen(v.queueBy, v.now)}`);
  } else {
    lines.push(
      `    executable from    ${formatWhen(v.eta, v.now)}`,
      `    execute before     ${formatWhen(v.executeBy, v.now)}`,
    );
  }
  lines.push(`  actions (${actions.targets.length}):`);
  actions.targets.forEach((target, i) => {
    lines.push(`    ${i + 1}. ${describe(target, actions.values[i], actions.calldatas[i])}`);
  });
  lines.push("  description:", ...actions.description.split("\n").map((l) => `    ${l}`));
  return lines.join("\n");
}

/** Motions as a table: id, class, state, tally, quorum, next change. */
export function renderMotionList(rows: MotionView[]): string {
  if (rows.length === 0) return "No motions.";
  return table(
    ["id", "class", "state", "for/against/abstain", "voters", "next"],
    rows.map((v) => {
      const p = progress(v);
      const quorum = v.memberQuorum === 0n ? "" : `/${v.memberQuorum}${p.members || p.votes ? " ✓" : ""}`;
      return [
        String(v.id),
        v.motionClass,
        v.state,
        `${v.forVotes}/${v.againstVotes}/${v.abstainVotes}`,
        `${v.voters}${quorum}`,
        nextChange(v),
      ];
    }),
  );
}

/** The member whose current voter is `account`, or a refusal that says whose account it is not. */
export async function voterMember(c: CouncilContracts, account: string, motionId: bigint): Promise<bigint> {
  const memberId = await c.registry.memberIdOfVoter(account);
  if (memberId === 0n) {
    throw new OpsError(
      `account ${account} is not a member's voter account: vote on motion ${motionId} --from the member's voter`,
    );
  }
  const [, voter, status] = await c.registry.memberAccounts(memberId);
  if (voter.toLowerCase() !== account.toLowerCase()) {
    throw new OpsError(
      `account ${account} is no longer member ${memberId}'s voter (now ${voter}); use that account`,
    );
  }
  if (status !== 2n) {
    throw new OpsError(`member ${memberId} is not an active member of the council, so it cannot vote`);
  }
  return memberId;
}

/** Checks that `voter` can vote on the motion now, and returns its member id and weight. */
export async function checkVote(
  c: CouncilContracts,
  motionId: bigint,
  voter: string,
): Promise<{ view: MotionView; memberId: bigint; weight: bigint }> {
  const view = await getMotion(c, motionId);
  if (view.state !== "Active") throw wrongState(view, "voting", ["Active"]);
  const memberId = await voterMember(c, voter, motionId);
  if (memberId === view.excludedMemberId) {
    throw new OpsError(
      `member ${memberId} is the subject of motion ${motionId} and is excluded from its vote`,
    );
  }
  if (await c.governor.hasMemberVoted(motionId, memberId)) {
    throw new OpsError(`member ${memberId} already voted on motion ${motionId}; a member votes once`);
  }
  const weight = await c.vault.getPastMemberVotes(memberId, view.snapshot);
  if (weight === 0n) {
    const unit = await c.vault.stakeUnit();
    throw new OpsError(
      `insufficient stake: member ${memberId} had no votes at motion ${motionId}'s snapshot (${formatTime(
        view.snapshot,
      )}); one vote needs ${unit} wei staked before the snapshot`,
    );
  }
  return { view, memberId, weight };
}

/** The result of a sent transaction. */
export interface Sent {
  hash: string;
  receipt: TransactionReceipt;
}

/** Waits for a transaction and returns its hash and receipt. */
export async function sent(tx: ContractTransactionResponse): Promise<Sent> {
  return { hash: tx.hash, receipt: await mined(tx) };
}

/** Casts the sender's vote (with a reason when given). */
export async function castVote(
  c: CouncilContracts,
  motionId: bigint,
  support: number,
  reason = "",
): Promise<Sent & { memberId: bigint; weight: bigint }> {
  const signer = signerOf(c);
  const { memberId, weight } = await checkVote(c, motionId, await signer.getAddress());
  const tx =
    reason === ""
      ? await c.governor.connect(signer).castVote(motionId, support)
      : await c.governor.connect(signer).castVoteWithReason(motionId, support, reason);
  return { ...(await sent(tx)), memberId, weight };
}

/** A transaction for another wallet to send (a Safe's transaction builder, a hardware wallet). */
export interface UnsignedCall {
  to: string;
  value: string;
  data: string;
}

/**
 * The vote of `voter` (a member's voter account, e.g. a Safe) as a transaction to send from that account, after
 * the same checks as castVote.
 */
export async function voteCall(
  c: CouncilContracts,
  motionId: bigint,
  support: number,
  reason: string,
  voter: string,
): Promise<UnsignedCall> {
  await checkVote(c, motionId, voter);
  const data =
    reason === ""
      ? c.governor.interface.encodeFunctionData("castVote", [motionId, support])
      : c.governor.interface.encodeFunctionData("castVoteWithReason", [motionId, support, reason]);
  return { to: c.addresses.governor, value: "0", data };
}

/** Queues a Succeeded motion in the timelock. */
export async function queueMotion(c: CouncilContracts, motionId: bigint): Promise<Sent & { eta: bigint }> {
  const view = await getMotion(c, motionId);
  if (view.state !== "Succeeded") throw wrongState(view, "queueing", ["Succeeded"]);
  const a = await motionActions(c, view);
  const tx = await c.governor
    .connect(signerOf(c))
    .queue(a.targets, a.values, a.calldatas, keccakText(a.description));
  const result = await sent(tx);
  return { ...result, eta: await c.governor.proposalEta(motionId) };
}

/** Executes a Queued motion whose delay has passed. */
export async function executeMotion(c: CouncilContracts, motionId: bigint): Promise<Sent> {
  const view = await getMotion(c, motionId);
  if (view.state !== "Queued") throw wrongState(view, "execution", ["Queued"]);
  if (view.now < view.eta) {
    throw new OpsError(
      `motion ${motionId} is Queued but its delay has not passed: it can be executed from ${formatWhen(
        view.eta,
        view.now,
      )}`,
    );
  }
  const a = await motionActions(c, view);
  const total = a.values.reduce((x, y) => x + y, 0n);
  const tx = await c.governor
    .connect(signerOf(c))
    .execute(a.targets, a.values, a.calldatas, keccakText(a.description), { value: total });
  return sent(tx);
}

/**
 * Cancels a motion. The governor decides who may (its proposer while Pending; the guardian while the motion is
 * live; only the guardian for an admission or no-confidence motion; never the guardian for a guardian change): the
 * cancel is first simulated (`staticCall`), and a refusal is put into one line before anything is sent.
 */
export async function cancelMotion(c: CouncilContracts, motionId: bigint): Promise<Sent> {
  const view = await getMotion(c, motionId);
  const signer = signerOf(c);
  const a = await motionActions(c, view);
  const governor = c.governor.connect(signer);
  const args = [a.targets, a.values, a.calldatas, keccakText(a.description)] as const;
  try {
    await governor.cancel.staticCall(...args);
  } catch (error) {
    throw await cancelRefusal(c, view, (await signer.getAddress()).toLowerCase(), error);
  }
  return sent(await governor.cancel(...args));
}

/** A cancel the governor refused (its simulated revert), in words; an unexpected error is returned as it is. */
async function cancelRefusal(
  c: CouncilContracts,
  view: MotionView,
  caller: string,
  error: unknown,
): Promise<unknown> {
  const data = revertData(error);
  const parsed = data === undefined ? null : c.governor.interface.parseError(data);
  if (parsed === null) return error;
  switch (parsed.name) {
    case "GovernorUnexpectedProposalState":
      return wrongState(view, "cancelling", statesOf(parsed.args[2] as string));
    case "GovernorGuardianConflict":
      return new OpsError(
        `the guardian may not cancel motion ${view.id}: it changes a guardian (setGuardian), and the council ` +
          "must always be able to replace its guardian",
      );
    case "GovernorUnableToCancel":
      return unableToCancel(c, view, caller);
    default:
      return error;
  }
}

/** Why the governor refused `caller`'s cancel (GovernorUnableToCancel), from the motion and the caller's member. */
async function unableToCancel(c: CouncilContracts, view: MotionView, caller: string): Promise<OpsError> {
  const refused = `account ${caller} may not cancel motion ${view.id}`;
  // The guardian reads as zero once its term has ended.
  const guardian = await c.governor.guardian();
  const guardianEnded = BigInt(guardian) === 0n;
  if (view.subjectMemberId !== 0n) {
    const only = guardianEnded
      ? "only the guardian may cancel it, and the guardian's term has ended"
      : `only the guardian (${guardian}) may cancel it`;
    const article = /^[AEIOU]/.test(view.motionClass) ? "an" : "a";
    return new OpsError(
      `${refused}: ${article} ${view.motionClass} motion, once opened, goes to a vote; ${only}`,
    );
  }
  const proposerMember = await c.registry.memberIdOfVoter(view.proposer);
  const callerMember = await c.registry.memberIdOfVoter(caller);
  const own =
    view.proposer.toLowerCase() === caller || (proposerMember !== 0n && callerMember === proposerMember);
  if (own) {
    if (view.state !== "Pending") return wrongState(view, "a proposer's cancel", ["Pending"]);
    const [, voter, status] = await c.registry.memberAccounts(proposerMember);
    if (proposerMember !== 0n && status !== 2n) {
      return new OpsError(
        `${refused}: its member ${proposerMember} is no longer an active member of the council`,
      );
    }
    if (proposerMember !== 0n && voter.toLowerCase() !== caller) {
      return new OpsError(
        `${refused}: it is no longer member ${proposerMember}'s voter (now ${voter}); use that account`,
      );
    }
  }
  return new OpsError(
    `${refused}: only its proposer (${shortAddress(view.proposer)}, or its member's current voter) while ` +
      `Pending, or the guardian (${guardian})`,
  );
}

/** The states set in an OpenZeppelin state bitmap (GovernorUnexpectedProposalState's `expectedStates`). */
function statesOf(bitmap: string): StateName[] {
  const bits = BigInt(bitmap);
  return STATE_NAMES.filter((_, i) => ((bits >> BigInt(i)) & 1n) === 1n);
}
