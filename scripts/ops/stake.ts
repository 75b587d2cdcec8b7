/**
 * Stake: bond (deposit), request to unbond (unstake), withdraw unbonded requests, re-stake expired ones, and a
 * member's stake status. Every operation checks its inputs and the member's position before sending, so a wrong
 * amount or account gets one line that says what to do instead of a failed transaction.
 *
 * Amounts are typed in whole coins ("5000000", "0.5"); the vault's asset is the native coin (KAIA) or, in ERC-20
 * mode, its token (approved before staking when the allowance is short).
 *
 * A no-confidence target's stake is frozen until the motion's snapshot: staking, unstaking and re-staking are first
 * simulated, and the vault's refusal (StakeVaultStakeFrozen) is put into one line before anything is sent.
 */
import { ZeroAddress } from "ethers";

import { assetBalance, assetUnit, erc20 } from "./assets.js";
import { eventArgs, latestTimestamp, mined } from "./transactions.js";
import type { CouncilContracts } from "./deployment.js";
import { signerOf } from "./deployment.js";
import { OpsError, revertData } from "./errors.js";
import { formatAmount, formatWhen, parseAmount } from "./format.js";
import type { Unit } from "./format.js";
import { parseAddress, parseId } from "./input.js";
import { MemberStatus, memberLabel, memberOfCurrentVoter, readMember, statusName } from "./members.js";
import type { MemberRecord } from "./members.js";

/** Unbonding requests read per batch of calls. */
const PAGE = 50;

/**
 * Simulates `operation` (a `staticCall`); if the vault refuses it because the member's stake is frozen by a
 * no-confidence motion (StakeVaultStakeFrozen), says so in one line. Any other refusal is left to the transaction.
 */
async function refuseIfFrozen(
  c: CouncilContracts,
  member: MemberRecord,
  operation: string,
  simulate: () => Promise<unknown>,
): Promise<void> {
  try {
    await simulate();
  } catch (error) {
    const data = revertData(error);
    const parsed = data === undefined ? null : c.vault.interface.parseError(data);
    if (parsed?.name !== "StakeVaultStakeFrozen") return;
    const until = BigInt(parsed.args[1] as bigint);
    throw new OpsError(
      `the stake of ${memberLabel(member)} is frozen until ${formatWhen(until, await latestTimestamp(c.provider))}, ` +
        `while a no-confidence motion against it awaits its snapshot: ${operation} is possible after that ` +
        "(withdrawing an earlier request still works)",
    );
  }
}

/** The staked asset: the zero address for the native coin, else the ERC-20, with its display unit. */
export interface StakeAsset {
  token: string;
  unit: Unit;
}

export async function stakeAsset(c: CouncilContracts): Promise<StakeAsset> {
  const token = await c.vault.stakeToken();
  return { token, unit: await assetUnit(c.provider, token) };
}

/** Parses a positive amount of the staked asset. */
function parsePositive(text: string, unit: Unit): bigint {
  const amount = parseAmount(text, unit, "amount");
  if (amount === 0n) throw new OpsError(`amount must be greater than 0 ${unit.symbol}`);
  return amount;
}

/** The record the sending account administers; an error saying how to send from an admin otherwise. */
async function adminRecord(c: CouncilContracts, account: string): Promise<MemberRecord> {
  const id = await c.registry.memberIdOfAdmin(account);
  if (id === 0n) {
    throw new OpsError(
      `account ${account} is not the admin of any member or candidate; stake from the member's admin account (--from)`,
    );
  }
  return readMember(c, id);
}

/** Why a member is or is not eligible (active with at least one stake unit). */
export function eligibility(status: MemberStatus, staked: bigint, stakeUnit: bigint, unit: Unit): string {
  if (status === MemberStatus.Candidate) return "not eligible: a candidate votes once admitted";
  if (status !== MemberStatus.Active) return `not eligible: ${statusName(status)}`;
  if (staked < stakeUnit) return `not eligible: needs at least ${formatAmount(stakeUnit, unit)} staked`;
  return "eligible";
}

// ---------------------------------------------------------------- deposit

export interface DepositOptions {
  /** Whole coins, e.g. "5000000". */
  amount: string;
  /** The member or candidate to stake for; empty for the one the sending account administers. */
  member?: string;
}

export interface DepositResult {
  member: MemberRecord;
  unit: Unit;
  /** What the vault received. */
  amount: bigint;
  stake: bigint;
  votes: bigint;
  eligibility: string;
  /** The ERC-20 approval sent first, if one was needed. */
  approveTx?: string;
  tx: string;
}

/** Bonds stake: `stake` for the sender's own record, or `stakeFor` a member id (anyone may add stake). */
export async function deposit(c: CouncilContracts, options: DepositOptions): Promise<DepositResult> {
  const signer = signerOf(c);
  const account = await signer.getAddress();
  const asset = await stakeAsset(c);
  const amount = parsePositive(options.amount, asset.unit);
  const forMember = (options.member ?? "") !== "";
  const member = forMember
    ? await readMember(c, parseId(options.member ?? "", "member id"))
    : await adminRecord(c, account);
  if (member.status !== MemberStatus.Candidate && member.status !== MemberStatus.Active) {
    throw new OpsError(
      `${memberLabel(member)} is ${statusName(member.status)}: stake is accepted only for candidates and active members`,
    );
  }
  const balance = await assetBalance(c.provider, asset.token, account);
  if (balance < amount) {
    throw new OpsError(
      `account ${account} holds ${formatAmount(balance, asset.unit)}; cannot stake ${formatAmount(amount, asset.unit)}`,
    );
  }

  const vault = c.vault.connect(signer);
  const value = asset.token === ZeroAddress ? amount : 0n;
  await refuseIfFrozen(c, member, "staking", () =>
    forMember
      ? vault.stakeFor.staticCall(member.id, amount, { value })
      : vault.stake.staticCall(amount, { value }),
  );
  let approveTx: string | undefined;
  if (asset.token !== ZeroAddress) {
    const token = erc20(asset.token, signer);
    if ((await token.allowance(account, c.addresses.vault)) < amount) {
      approveTx = (await mined(await token.approve(c.addresses.vault, amount))).hash;
    }
  }
  const tx = forMember
    ? await vault.stakeFor(member.id, amount, { value })
    : await vault.stake(amount, { value });
  const receipt = await mined(tx);
  const staked = eventArgs(receipt, c.vault, "Staked");
  const stake = await c.vault.stakeOf(member.id);
  return {
    member,
    unit: asset.unit,
    amount: BigInt(staked.getValue("amount")),
    stake,
    votes: await c.vault.memberVotes(member.id),
    eligibility: eligibility(member.status, stake, await c.vault.stakeUnit(), asset.unit),
    approveTx,
    tx: receipt.hash,
  };
}

export function depositLines(r: DepositResult): string[] {
  return [
    ...(r.approveTx !== undefined
      ? [`Approved the stake vault to take ${formatAmount(r.amount, r.unit)} (tx ${r.approveTx})`]
      : []),
    `Staked ${formatAmount(r.amount, r.unit)} for ${memberLabel(r.member)}`,
    `  stake: ${formatAmount(r.stake, r.unit)}`,
    `  votes: ${r.votes} (${r.eligibility})`,
    `  tx:    ${r.tx}`,
  ];
}

// ---------------------------------------------------------------- unstake

export interface UnstakeResult {
  member: MemberRecord;
  unit: Unit;
  amount: bigint;
  requestId: bigint;
  unlocksAt: bigint;
  expiresAt: bigint;
  stake: bigint;
  votes: bigint;
  eligibility: string;
  now: bigint;
  tx: string;
}

/** Requests to unbond `amount` of the sender's member's stake; its votes drop at once. */
export async function unstake(c: CouncilContracts, options: { amount: string }): Promise<UnstakeResult> {
  const signer = signerOf(c);
  const account = await signer.getAddress();
  const asset = await stakeAsset(c);
  const amount = parsePositive(options.amount, asset.unit);
  const member = await adminRecord(c, account);
  const staked = await c.vault.stakeOf(member.id);
  if (amount > staked) {
    throw new OpsError(
      `member ${member.id} has ${formatAmount(staked, asset.unit)} staked; cannot unstake ${formatAmount(amount, asset.unit)}`,
    );
  }
  const vault = c.vault.connect(signer);
  await refuseIfFrozen(c, member, "unstaking", () => vault.requestUnstake.staticCall(member.id, amount));
  const receipt = await mined(await vault.requestUnstake(member.id, amount));
  const requested = eventArgs(receipt, c.vault, "UnstakeRequested");
  const stake = await c.vault.stakeOf(member.id);
  return {
    member,
    unit: asset.unit,
    amount,
    requestId: BigInt(requested.getValue("requestId")),
    unlocksAt: BigInt(requested.getValue("unlocksAt")),
    expiresAt: BigInt(requested.getValue("expiresAt")),
    stake,
    votes: await c.vault.memberVotes(member.id),
    eligibility: eligibility(member.status, stake, await c.vault.stakeUnit(), asset.unit),
    now: await latestTimestamp(c.provider),
    tx: receipt.hash,
  };
}

export function unstakeLines(r: UnstakeResult): string[] {
  return [
    `Requested to unstake ${formatAmount(r.amount, r.unit)} from ${memberLabel(r.member)}: request ${r.requestId}`,
    `  stake:        ${formatAmount(r.stake, r.unit)}`,
    `  votes:        ${r.votes} (${r.eligibility})`,
    `  withdrawable: from ${formatWhen(r.unlocksAt, r.now)}`,
    `  window ends:  ${formatWhen(r.expiresAt, r.now)} (withdraw before, or re-stake it after)`,
    `  tx:           ${r.tx}`,
  ];
}

// ---------------------------------------------------------------- requests

/** Where an unbonding request stands at a given time. */
export type RequestState = "unbonding" | "withdrawable" | "expired" | "settled";

export interface UnbondingRequest {
  id: bigint;
  amount: bigint;
  unlocksAt: bigint;
  expiresAt: bigint;
  settled: boolean;
}

export function requestState(r: UnbondingRequest, at: bigint): RequestState {
  if (r.settled) return "settled";
  if (at < r.unlocksAt) return "unbonding";
  if (at < r.expiresAt) return "withdrawable";
  return "expired";
}

/** A member's unbonding requests that are neither withdrawn nor re-staked, read in batches. */
export async function openRequests(c: CouncilContracts, memberId: bigint): Promise<UnbondingRequest[]> {
  const count = await c.vault.unbondingRequestCount(memberId);
  const open: UnbondingRequest[] = [];
  for (let start = 0n; start < count; start += BigInt(PAGE)) {
    const ids: bigint[] = [];
    for (let id = start; id < count && id < start + BigInt(PAGE); id++) ids.push(id);
    const page = await Promise.all(ids.map((id) => c.vault.unbondingRequest(memberId, id)));
    page.forEach((r, i) => {
      if (!r.settled) {
        open.push({
          id: ids[i],
          amount: r.amount,
          unlocksAt: r.unlocksAt,
          expiresAt: r.expiresAt,
          settled: false,
        });
      }
    });
  }
  return open;
}

/** The open request `text` names; an error for an unknown or settled one. */
async function namedRequest(
  c: CouncilContracts,
  member: MemberRecord,
  text: string,
): Promise<UnbondingRequest> {
  const clean = text.trim();
  if (!/^\d+$/.test(clean)) throw new OpsError(`request id "${text}" is not a number (example: 0)`);
  const id = BigInt(clean);
  const count = await c.vault.unbondingRequestCount(member.id);
  if (id >= count) {
    const known =
      count === 0n ? "it has none" : count === 1n ? "its only request is 0" : `requests 0 to ${count - 1n}`;
    throw new OpsError(`member ${member.id} has no unbonding request ${id} (${known})`);
  }
  const r = await c.vault.unbondingRequest(member.id, id);
  if (r.settled)
    throw new OpsError(`request ${id} of member ${member.id} was already withdrawn or re-staked`);
  return { id, amount: r.amount, unlocksAt: r.unlocksAt, expiresAt: r.expiresAt, settled: false };
}

// ---------------------------------------------------------------- withdraw

export interface WithdrawOptions {
  /** One request id; empty for every withdrawable request. */
  request?: string;
  /** The recipient; empty for the sending account. */
  to?: string;
}

export interface Withdrawal {
  requestId: bigint;
  amount: bigint;
  tx: string;
}

export interface WithdrawResult {
  member: MemberRecord;
  unit: Unit;
  to: string;
  withdrawals: Withdrawal[];
  pending: bigint;
}

/**
 * Withdraws unbonded stake to the sender (or `to`): one named request, or every request whose window is open.
 * Nothing withdrawable is an error that says when the next request unlocks, or that an expired one must be
 * re-staked.
 */
export async function withdraw(c: CouncilContracts, options: WithdrawOptions = {}): Promise<WithdrawResult> {
  const signer = signerOf(c);
  const account = await signer.getAddress();
  const { unit } = await stakeAsset(c);
  const to = (options.to ?? "") === "" ? account : parseAddress(options.to ?? "", "--to");
  if (to === ZeroAddress || to === c.addresses.vault) {
    throw new OpsError(
      `--to ${to} cannot receive stake: give an account (the zero address and the vault cannot)`,
    );
  }
  const member = await adminRecord(c, account);
  const now = await latestTimestamp(c.provider);
  const next = now + 1n;
  const named = (options.request ?? "") !== "";
  const candidates = named
    ? [await namedRequest(c, member, options.request ?? "")]
    : await openRequests(c, member.id);
  if (candidates.length === 0) {
    throw new OpsError(
      `member ${member.id} has nothing to withdraw: no pending unstake request (request one with: stake unstake <amount>)`,
    );
  }
  const ready = candidates.filter((r) => requestState(r, next) === "withdrawable");
  if (ready.length === 0) {
    const waiting = candidates.filter((r) => requestState(r, next) === "unbonding");
    if (waiting.length > 0) {
      const first = waiting.reduce((a, b) => (b.unlocksAt < a.unlocksAt ? b : a));
      throw new OpsError(
        `member ${member.id} has nothing withdrawable yet: ${formatAmount(first.amount, unit)} (request ${first.id}) becomes withdrawable ${formatWhen(first.unlocksAt, now)}`,
      );
    }
    const expired = candidates[0];
    throw new OpsError(
      `request ${expired.id} of member ${member.id} (${formatAmount(expired.amount, unit)}) expired ${formatWhen(expired.expiresAt, now)}: re-stake it (stake restake --request ${expired.id}) and unstake again`,
    );
  }

  const vault = c.vault.connect(signer);
  const withdrawals: Withdrawal[] = [];
  for (const r of ready) {
    const receipt = await mined(await vault.withdraw(member.id, r.id, to));
    withdrawals.push({ requestId: r.id, amount: r.amount, tx: receipt.hash });
  }
  return { member, unit, to, withdrawals, pending: await c.vault.pendingOf(member.id) };
}

export function withdrawLines(r: WithdrawResult): string[] {
  return [
    ...r.withdrawals.flatMap((w) => [
      `Withdrew ${formatAmount(w.amount, r.unit)} from ${memberLabel(r.member)}, request ${w.requestId}, to ${r.to}`,
      `  tx: ${w.tx}`,
    ]),
    `  still unstaking: ${formatAmount(r.pending, r.unit)}`,
  ];
}

// ---------------------------------------------------------------- restake

export interface RestakeResult {
  member: MemberRecord;
  unit: Unit;
  restaked: Withdrawal[];
  stake: bigint;
  votes: bigint;
  eligibility: string;
}

/**
 * Puts unbonding requests back into the stake: one named request (pending or expired), or every expired one.
 */
export async function restake(
  c: CouncilContracts,
  options: { request?: string } = {},
): Promise<RestakeResult> {
  const signer = signerOf(c);
  const account = await signer.getAddress();
  const { unit } = await stakeAsset(c);
  const member = await adminRecord(c, account);
  const next = (await latestTimestamp(c.provider)) + 1n;
  let chosen: UnbondingRequest[];
  if ((options.request ?? "") !== "") {
    chosen = [await namedRequest(c, member, options.request ?? "")];
  } else {
    chosen = (await openRequests(c, member.id)).filter((r) => requestState(r, next) === "expired");
    if (chosen.length === 0) {
      throw new OpsError(
        `member ${member.id} has no expired unstake request; to cancel a pending one, name it with --request <id> (see stake status)`,
      );
    }
  }
  const vault = c.vault.connect(signer);
  await refuseIfFrozen(c, member, "re-staking", () => vault.restake.staticCall(member.id, chosen[0].id));
  const restaked: Withdrawal[] = [];
  for (const r of chosen) {
    const receipt = await mined(await vault.restake(member.id, r.id));
    restaked.push({ requestId: r.id, amount: r.amount, tx: receipt.hash });
  }
  const stake = await c.vault.stakeOf(member.id);
  return {
    member,
    unit,
    restaked,
    stake,
    votes: await c.vault.memberVotes(member.id),
    eligibility: eligibility(member.status, stake, await c.vault.stakeUnit(), unit),
  };
}

export function restakeLines(r: RestakeResult): string[] {
  return [
    ...r.restaked.flatMap((w) => [
      `Re-staked ${formatAmount(w.amount, r.unit)} for ${memberLabel(r.member)}, request ${w.requestId}`,
      `  tx: ${w.tx}`,
    ]),
    `  stake: ${formatAmount(r.stake, r.unit)}`,
    `  votes: ${r.votes} (${r.eligibility})`,
  ];
}

// ---------------------------------------------------------------- status

export interface StakeStatus {
  member: MemberRecord;
  unit: Unit;
  stakeUnit: bigint;
  staked: bigint;
  pending: bigint;
  votes: bigint;
  totalVotes: bigint;
  voteCap: bigint;
  eligibility: string;
  requests: UnbondingRequest[];
  /** The last second of a freeze by a no-confidence motion (a past time or 0 when not frozen). */
  frozenUntil: bigint;
  now: bigint;
}

/** A member's stake, votes, eligibility and open unbonding requests: `--member`, else the sender's own record. */
export async function stakeStatus(
  c: CouncilContracts,
  options: { member?: string } = {},
): Promise<StakeStatus> {
  let member: MemberRecord;
  if ((options.member ?? "") !== "") {
    member = await readMember(c, parseId(options.member ?? "", "member id"));
  } else {
    const account = await signerOf(c).getAddress();
    const adminOf = await c.registry.memberIdOfAdmin(account);
    const voterOf = adminOf === 0n ? await memberOfCurrentVoter(c, account) : undefined;
    if (adminOf === 0n && voterOf === undefined) {
      throw new OpsError(
        `account ${account} is neither a member's admin nor its voter; name the member with --member <id>`,
      );
    }
    member = voterOf ?? (await readMember(c, adminOf));
  }
  const { unit } = await stakeAsset(c);
  const [stakeUnit, staked, pending, votes, totalVotes, voteCap, requests, frozenUntil, now] =
    await Promise.all([
      c.vault.stakeUnit(),
      c.vault.stakeOf(member.id),
      c.vault.pendingOf(member.id),
      c.vault.memberVotes(member.id),
      c.vault.totalVotes(),
      c.vault.voteCap(),
      openRequests(c, member.id),
      c.vault.frozenUntil(member.id),
      latestTimestamp(c.provider),
    ]);
  return {
    member,
    unit,
    stakeUnit,
    staked,
    pending,
    votes,
    totalVotes,
    voteCap,
    eligibility: eligibility(member.status, staked, stakeUnit, unit),
    requests,
    frozenUntil,
    now,
  };
}

export function stakeStatusLines(s: StakeStatus): string[] {
  const requestLine = (r: UnbondingRequest): string => {
    const state = requestState(r, s.now);
    const when =
      state === "unbonding"
        ? `unbonding; withdrawable from ${formatWhen(r.unlocksAt, s.now)}, window closes ${formatWhen(r.expiresAt, s.now)}`
        : state === "withdrawable"
          ? `withdrawable now; window closes ${formatWhen(r.expiresAt, s.now)}`
          : `expired ${formatWhen(r.expiresAt, s.now)}; re-stake it (stake restake --request ${r.id})`;
    return `    request ${r.id}: ${formatAmount(r.amount, s.unit)}, ${when}`;
  };
  return [
    `${memberLabel(s.member)}: ${statusName(s.member.status)}`,
    `  admin:      ${s.member.admin}`,
    `  voter:      ${s.member.voter === ZeroAddress ? "(not set)" : s.member.voter}`,
    `  stake:      ${formatAmount(s.staked, s.unit)} (one vote per ${formatAmount(s.stakeUnit, s.unit)})`,
    `  votes:      ${s.votes} (of ${s.totalVotes} in total; at most ${s.voteCap} per member)`,
    `  eligible:   ${s.eligibility === "eligible" ? "yes" : `no (${s.eligibility.replace("not eligible: ", "")})`}`,
    `  unstaking:  ${formatAmount(s.pending, s.unit)}${s.requests.length === 0 ? "" : ` in ${s.requests.length} request${s.requests.length === 1 ? "" : "s"}`}`,
    ...s.requests.map(requestLine),
    // The vault refuses at `frozenUntil` itself; the next block comes after `now`.
    ...(s.now < s.frozenUntil
      ? [
          `  frozen:     until ${formatWhen(s.frozenUntil, s.now)}: a no-confidence motion against it awaits its ` +
            "snapshot (no stake, unstake or re-stake until then)",
        ]
      : []),
  ];
}
