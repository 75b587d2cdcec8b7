/**
 * The Improvement Reserve: status per asset, budgets and grants (read in pages), spending out of a budget (its
 * spender) and claiming a vested grant (its recipient).
 *
 * The checks before sending follow ImprovementReserve.spend and .claim: the budget or grant exists, the caller is
 * its spender or recipient, the budget is open and has enough left, something is claimable, the reserve is not
 * paused, and the asset's rolling 30-day outflow limit has room (with when enough room frees).
 */
import { ZeroAddress, decodeBytes32String } from "ethers";
import type { Provider } from "ethers";

import { assetBalance, assetUnit, erc20 } from "./assets.js";
import { eventArgs, latestTimestamp, mined } from "./transactions.js";
import type { CouncilContracts } from "./deployment.js";
import { signerOf } from "./deployment.js";
import { BudgetStatus } from "./enums.js";
import { OpsError } from "./errors.js";
import {
  formatAmount,
  formatDuration,
  formatTime,
  formatWhen,
  parseAmount,
  shortAddress,
  table,
} from "./format.js";
import type { Unit } from "./format.js";
import { parseAddress, parseId } from "./input.js";

/** Budgets or grants read per batch of calls, and shown per page by default. */
export const PAGE = 50;
const DAY = 86_400n;
/** The reserve counts outflows over the last 31 calendar days (ImprovementReserve._BUCKETS). */
const OUTFLOW_DAYS = 31n;

/** Display units per asset, read once per command. */
class Units {
  private readonly cache = new Map<string, Promise<Unit>>();
  constructor(private readonly provider: Provider) {}
  of(asset: string): Promise<Unit> {
    let unit = this.cache.get(asset);
    if (unit === undefined) {
      unit = assetUnit(this.provider, asset);
      this.cache.set(asset, unit);
    }
    return unit;
  }
}

/** A budget category as text ("ecosystem"), or its hex when it is not a short string. */
export function categoryText(category: string): string {
  try {
    return decodeBytes32String(category);
  } catch {
    return category;
  }
}

// ---------------------------------------------------------------- status

export interface AssetStatus {
  asset: string;
  unit: Unit;
  balance: bigint;
  committed: bigint;
  available: bigint;
  limit: bigint;
  /** What left over the current window (the last 31 calendar days). */
  used: bigint;
}

export interface ReserveStatus {
  address: string;
  assets: AssetStatus[];
  pausedUntil: bigint;
  guardian: string;
  pauseDuration: bigint;
  budgetCount: bigint;
  grantCount: bigint;
  /** Set when the configured assets could not be read from the reserve's events. */
  note?: string;
  now: bigint;
}

/**
 * The assets the reserve was configured with: the native coin, every asset it ever had an outflow limit set for
 * (from its OutflowLimitSet events), and `extra` tokens.
 */
export async function reserveAssets(
  c: CouncilContracts,
  extra: string[] = [],
): Promise<{ assets: string[]; note?: string }> {
  const assets = [ZeroAddress];
  let note: string | undefined;
  try {
    for (const log of await c.reserve.queryFilter(c.reserve.filters.OutflowLimitSet(), 0)) {
      assets.push(log.args.asset);
    }
  } catch {
    note = "could not read the reserve's configured assets from its events: name tokens with --asset";
  }
  for (const a of extra) assets.push(a);
  return { assets: [...new Set(assets)], note };
}

export async function reserveStatus(
  c: CouncilContracts,
  options: { asset?: string } = {},
): Promise<ReserveStatus> {
  const extra = (options.asset ?? "") === "" ? [] : [parseAddress(options.asset ?? "", "--asset")];
  const { assets, note } = await reserveAssets(c, extra);
  const units = new Units(c.provider);
  const rows = await Promise.all(
    assets.map(async (asset): Promise<AssetStatus> => {
      const [unit, balance, committed, available, limit, used] = await Promise.all([
        units.of(asset),
        c.reserve.balanceOf(asset),
        c.reserve.committed(asset),
        c.reserve.available(asset),
        c.reserve.outflowLimit(asset),
        c.reserve.recentOutflow(asset),
      ]);
      return { asset, unit, balance, committed, available, limit, used };
    }),
  );
  const [pausedUntil, guardian, pauseDuration, budgetCount, grantCount, now] = await Promise.all([
    c.reserve.pausedUntil(),
    c.reserve.guardian(),
    c.reserve.pauseDuration(),
    c.reserve.budgetCount(),
    c.reserve.grantCount(),
    latestTimestamp(c.provider),
  ]);
  return {
    address: c.addresses.reserve,
    assets: rows,
    pausedUntil,
    guardian,
    pauseDuration,
    budgetCount,
    grantCount,
    note,
    now,
  };
}

export function reserveStatusLines(s: ReserveStatus): string[] {
  const rows = s.assets.map((a) => [
    a.asset === ZeroAddress ? a.unit.symbol : `${a.unit.symbol} (${shortAddress(a.asset)})`,
    formatAmount(a.balance, a.unit),
    formatAmount(a.committed, a.unit),
    formatAmount(a.available, a.unit),
    a.limit === 0n ? "none: nothing may leave" : formatAmount(a.limit, a.unit),
    formatAmount(a.used, a.unit),
    formatAmount(a.limit > a.used ? a.limit - a.used : 0n, a.unit),
  ]);
  const guardian = s.guardian === ZeroAddress ? "no guardian" : `guardian ${s.guardian}`;
  return [
    `Improvement Reserve ${s.address}`,
    ...table(
      ["asset", "holdings", "committed", "free", "outflow limit (30 days)", "used this window", "left"],
      rows,
    ).split("\n"),
    s.pausedUntil > s.now
      ? `paused: until ${formatWhen(s.pausedUntil, s.now)} (${guardian}); governance may unpause it earlier`
      : `paused: no (${guardian} may pause outflows for ${formatDuration(s.pauseDuration)})`,
    `budgets: ${s.budgetCount} (reserve budgets) · grants: ${s.grantCount} (reserve grants)`,
    ...(s.note !== undefined ? [`note: ${s.note}`] : []),
  ];
}

// ---------------------------------------------------------------- paging

export interface PageOptions {
  /** The first id to show; empty for the last page. */
  first?: string;
  /** How many to show; empty for PAGE. */
  limit?: string;
}

/** The ids of one page out of 1..count: by default the last PAGE ids. */
function pageIds(count: bigint, options: PageOptions, what: string): bigint[] {
  const limitText = (options.limit ?? "") === "" ? String(PAGE) : (options.limit ?? "");
  const limit = parseId(limitText, "--limit");
  const first =
    (options.first ?? "") === ""
      ? count > limit
        ? count - limit + 1n
        : 1n
      : parseId(options.first ?? "", "--first");
  if (count > 0n && first > count) {
    throw new OpsError(`--first ${first}: there ${count === 1n ? `is 1 ${what}` : `are ${count} ${what}s`}`);
  }
  const ids: bigint[] = [];
  for (let id = first; id <= count && id < first + limit; id++) ids.push(id);
  return ids;
}

/** Reads `ids` in batches of PAGE parallel calls. */
async function readPaged<T>(ids: bigint[], read: (id: bigint) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += PAGE) {
    out.push(...(await Promise.all(ids.slice(i, i + PAGE).map(read))));
  }
  return out;
}

function pageFooter(ids: bigint[], count: bigint, what: string): string[] {
  if (ids.length === 0 || (ids[0] === 1n && ids[ids.length - 1] === count)) return [];
  return [
    `showing ${what}s ${ids[0]} to ${ids[ids.length - 1]} of ${count}; choose others with --first <id> --limit <n>`,
  ];
}

// ---------------------------------------------------------------- budgets

/**
 * Where a budget stands now: not open yet, open, ended (its window passed; `released` once its unspent amount was
 * released), or canceled by governance.
 */
export type BudgetState = "upcoming" | "open" | "ended" | "canceled";

export interface BudgetView {
  id: bigint;
  category: string;
  asset: string;
  unit: Unit;
  spender: string;
  amount: bigint;
  spent: bigint;
  start: bigint;
  end: bigint;
  /** The on-chain status: Approved until it is canceled or its unspent amount is released after its end. */
  status: BudgetStatus;
  state: BudgetState;
}

function budgetState(b: { status: BudgetStatus; start: bigint; end: bigint }, at: bigint): BudgetState {
  if (b.status === BudgetStatus.Canceled) return "canceled";
  if (b.status === BudgetStatus.Ended || at >= b.end) return "ended";
  return at < b.start ? "upcoming" : "open";
}

async function readBudget(c: CouncilContracts, units: Units, id: bigint, now: bigint): Promise<BudgetView> {
  const b = await c.reserve.budget(id);
  const status = Number(b.status) as BudgetStatus;
  return {
    id,
    category: categoryText(b.category),
    asset: b.asset,
    unit: await units.of(b.asset),
    spender: b.spender,
    amount: b.amount,
    spent: b.spent,
    start: b.start,
    end: b.end,
    status,
    state: budgetState({ status, start: b.start, end: b.end }, now),
  };
}

export interface BudgetList {
  count: bigint;
  budgets: BudgetView[];
  now: bigint;
}

export async function listBudgets(c: CouncilContracts, options: PageOptions = {}): Promise<BudgetList> {
  const [count, now] = await Promise.all([c.reserve.budgetCount(), latestTimestamp(c.provider)]);
  const units = new Units(c.provider);
  const ids = pageIds(count, options, "budget");
  return { count, budgets: await readPaged(ids, (id) => readBudget(c, units, id, now)), now };
}

export function budgetLines(list: BudgetList): string[] {
  if (list.count === 0n) return ["The reserve has no budgets yet."];
  const validity = (b: BudgetView): string => {
    const range = `${formatTime(b.start)} to ${formatTime(b.end)}`;
    if (b.state !== "ended") return `${b.state}, ${range}`;
    return b.status === BudgetStatus.Ended
      ? `ended, released, ${range}`
      : `ended, not yet released, ${range}`;
  };
  const rows = list.budgets.map((b) => [
    String(b.id),
    b.category,
    b.unit.symbol,
    b.spender,
    formatAmount(b.amount, b.unit),
    formatAmount(b.spent, b.unit),
    formatAmount(b.status === BudgetStatus.Approved ? b.amount - b.spent : 0n, b.unit),
    validity(b),
  ]);
  return [
    ...table(["id", "purpose", "asset", "spender", "amount", "spent", "remaining", "validity"], rows).split(
      "\n",
    ),
    ...pageFooter(
      list.budgets.map((b) => b.id),
      list.count,
      "budget",
    ),
  ];
}

// ---------------------------------------------------------------- grants

export interface GrantView {
  id: bigint;
  recipient: string;
  asset: string;
  unit: Unit;
  total: bigint;
  vested: bigint;
  claimed: bigint;
  start: bigint;
  cliff: bigint;
  duration: bigint;
  canceledAt: bigint;
}

async function readGrant(c: CouncilContracts, units: Units, id: bigint): Promise<GrantView> {
  const [g, vested] = await Promise.all([c.reserve.grant(id), c.reserve.vested(id)]);
  return {
    id,
    recipient: g.recipient,
    asset: g.asset,
    unit: await units.of(g.asset),
    total: g.total,
    vested,
    claimed: g.claimed,
    start: g.start,
    cliff: g.cliff,
    duration: g.duration,
    canceledAt: g.canceledAt,
  };
}

export interface GrantList {
  count: bigint;
  grants: GrantView[];
  now: bigint;
}

export async function listGrants(c: CouncilContracts, options: PageOptions = {}): Promise<GrantList> {
  const [count, now] = await Promise.all([c.reserve.grantCount(), latestTimestamp(c.provider)]);
  const units = new Units(c.provider);
  const ids = pageIds(count, options, "grant");
  return { count, grants: await readPaged(ids, (id) => readGrant(c, units, id)), now };
}

/** A grant's schedule in words. */
export function grantSchedule(g: GrantView): string {
  const vesting = `vests ${formatTime(g.start)} to ${formatTime(g.start + g.duration)}, cliff ${formatTime(g.cliff)}`;
  return g.canceledAt !== 0n ? `canceled ${formatTime(g.canceledAt)} (${vesting})` : vesting;
}

export function grantLines(list: GrantList): string[] {
  if (list.count === 0n) return ["The reserve has no grants yet."];
  const rows = list.grants.map((g) => [
    String(g.id),
    g.recipient,
    g.unit.symbol,
    formatAmount(g.total, g.unit),
    formatAmount(g.vested, g.unit),
    formatAmount(g.claimed, g.unit),
    formatAmount(g.vested - g.claimed, g.unit),
    grantSchedule(g),
  ]);
  return [
    ...table(["id", "recipient", "asset", "total", "vested", "claimed", "claimable", "schedule"], rows).split(
      "\n",
    ),
    ...pageFooter(
      list.grants.map((g) => g.id),
      list.count,
      "grant",
    ),
  ];
}

// ---------------------------------------------------------------- outflow checks

/** The first block whose timestamp is at least `timestamp` (binary search over block numbers). */
async function firstBlockAt(provider: Provider, timestamp: bigint): Promise<number> {
  let low = 0;
  let high = await provider.getBlockNumber();
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    const block = await provider.getBlock(mid);
    if (block !== null && BigInt(block.timestamp) >= timestamp) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * When the asset's window will have room for `amount` again: outflows of a calendar day stop counting 31 days
 * later. Read from the reserve's Outflow events; undefined if they cannot be read or room never comes.
 */
export async function outflowRoomAt(
  c: CouncilContracts,
  asset: string,
  amount: bigint,
  now: bigint,
): Promise<bigint | undefined> {
  const limit = await c.reserve.outflowLimit(asset);
  if (amount > limit) return undefined;
  try {
    const today = now / DAY;
    const from = await firstBlockAt(c.provider, (today - OUTFLOW_DAYS + 1n) * DAY);
    const perDay = new Map<bigint, bigint>();
    for (const log of await c.reserve.queryFilter(c.reserve.filters.Outflow(asset), from)) {
      const block = await log.getBlock();
      const day = BigInt(block.timestamp) / DAY;
      perDay.set(day, (perDay.get(day) ?? 0n) + log.args.amount);
    }
    let used = [...perDay.values()].reduce((a, b) => a + b, 0n);
    for (const day of [...perDay.keys()].sort((a, b) => (a < b ? -1 : 1))) {
      used -= perDay.get(day) ?? 0n;
      if (limit - used >= amount) return (day + OUTFLOW_DAYS) * DAY;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Refuses an outflow the pause or the asset's rolling limit would stop, saying until when. */
async function checkOutflow(c: CouncilContracts, asset: string, amount: bigint, unit: Unit, now: bigint) {
  const pausedUntil = await c.reserve.pausedUntil();
  if (pausedUntil > now + 1n) {
    throw new OpsError(
      `the reserve is paused until ${formatWhen(pausedUntil, now)}: nothing leaves it before then (unless governance unpauses it)`,
    );
  }
  const [limit, used] = await Promise.all([c.reserve.outflowLimit(asset), c.reserve.recentOutflow(asset)]);
  const left = limit > used ? limit - used : 0n;
  if (amount <= left) return;
  if (limit === 0n) {
    throw new OpsError(
      `${unit.symbol} has no outflow limit, so none may leave the reserve (the council sets one by constitutional motion)`,
    );
  }
  if (amount > limit) {
    throw new OpsError(
      `${formatAmount(amount, unit)} is more than the outflow limit itself (${formatAmount(limit, unit)} per 30 days): send less`,
    );
  }
  const at = await outflowRoomAt(c, asset, amount, now);
  throw new OpsError(
    `the outflow limit allows ${formatAmount(left, unit)} more in this 30-day window (limit ${formatAmount(limit, unit)}); cannot send ${formatAmount(amount, unit)}: ${at === undefined ? "room frees as past outflows leave the window" : `enough room frees ${formatWhen(at, now)}`}`,
  );
}

// ---------------------------------------------------------------- spend

export interface SpendOptions {
  budget: string;
  recipient: string;
  /** Whole units of the budget's asset, e.g. "1000". */
  amount: string;
  memo?: string;
}

export interface SpendResult {
  budget: BudgetView;
  to: string;
  amount: bigint;
  memo: string;
  now: bigint;
  tx: string;
}

/** Reads a budget by the id typed; an unknown id is an error naming the ids that exist. */
async function namedBudget(c: CouncilContracts, text: string, now: bigint): Promise<BudgetView> {
  const id = parseId(text, "budget id");
  const count = await c.reserve.budgetCount();
  if (id > count) {
    const known =
      count === 0n
        ? "the reserve has no budgets yet"
        : count === 1n
          ? "the only one is 1"
          : `budgets are 1 to ${count}`;
    throw new OpsError(`unknown budget id ${id} (${known})`);
  }
  return readBudget(c, new Units(c.provider), id, now);
}

/** Pays out of an approved budget: its spender only, while it is open. */
export async function spend(c: CouncilContracts, options: SpendOptions): Promise<SpendResult> {
  const signer = signerOf(c);
  const account = await signer.getAddress();
  const now = await latestTimestamp(c.provider);
  const b = await namedBudget(c, options.budget, now);
  const label = `budget ${b.id} (${b.category})`;
  if (account !== b.spender) {
    throw new OpsError(
      `account ${account} is not the spender of ${label} (its spender is ${b.spender}); send from that account (--from)`,
    );
  }
  const to = parseAddress(options.recipient, "recipient");
  if (to === ZeroAddress || to === c.addresses.reserve) {
    throw new OpsError(`recipient ${to} cannot be paid (the zero address and the reserve itself cannot)`);
  }
  const amount = parseAmount(options.amount, b.unit, "amount");
  if (amount === 0n) throw new OpsError(`amount must be greater than 0 ${b.unit.symbol}`);
  const next = now + 1n;
  if (b.state === "canceled") throw new OpsError(`${label} was canceled: nothing can be spent from it`);
  if (b.state === "ended" || next >= b.end) {
    throw new OpsError(`${label} ended ${formatWhen(b.end, now)}: ask the council for a new budget`);
  }
  if (next < b.start) throw new OpsError(`${label} opens ${formatWhen(b.start, now)}: spend from it then`);
  const remaining = b.amount - b.spent;
  if (amount > remaining) {
    throw new OpsError(
      `${label} has ${formatAmount(remaining, b.unit)} left; cannot spend ${formatAmount(amount, b.unit)}`,
    );
  }
  await checkOutflow(c, b.asset, amount, b.unit, now);

  const memo = options.memo ?? "";
  const receipt = await mined(await c.reserve.connect(signer).spend(b.id, to, amount, memo));
  const paid = BigInt(eventArgs(receipt, c.reserve, "Outflow").getValue("amount"));
  const after = await readBudget(c, new Units(c.provider), b.id, await latestTimestamp(c.provider));
  return { budget: after, to, amount: paid, memo, now: await latestTimestamp(c.provider), tx: receipt.hash };
}

export function spendLines(r: SpendResult): string[] {
  const b = r.budget;
  return [
    `Spent ${formatAmount(r.amount, b.unit)} from budget ${b.id} (${b.category}) to ${r.to}`,
    ...(r.memo !== "" ? [`  memo:   ${r.memo}`] : []),
    `  budget: ${formatAmount(b.spent, b.unit)} of ${formatAmount(b.amount, b.unit)} spent; ${formatAmount(b.amount - b.spent, b.unit)} left until ${formatWhen(b.end, r.now)}`,
    `  tx:     ${r.tx}`,
  ];
}

// ---------------------------------------------------------------- claim

export interface ClaimResult {
  grant: GrantView;
  amount: bigint;
  now: bigint;
  tx: string;
}

/** Claims the vested, unclaimed part of a grant: its recipient only. */
export async function claim(c: CouncilContracts, options: { grant: string }): Promise<ClaimResult> {
  const signer = signerOf(c);
  const account = await signer.getAddress();
  const now = await latestTimestamp(c.provider);
  const id = parseId(options.grant, "grant id");
  const count = await c.reserve.grantCount();
  if (id > count) {
    const known =
      count === 0n
        ? "the reserve has no grants yet"
        : count === 1n
          ? "the only one is 1"
          : `grants are 1 to ${count}`;
    throw new OpsError(`unknown grant id ${id} (${known})`);
  }
  const g = await readGrant(c, new Units(c.provider), id);
  if (account !== g.recipient) {
    throw new OpsError(
      `account ${account} is not the recipient of grant ${id} (its recipient is ${g.recipient}); claim from that account (--from)`,
    );
  }
  const next = now + 1n;
  if (g.canceledAt !== 0n && g.vested <= g.claimed) {
    throw new OpsError(
      `grant ${id} was canceled ${formatWhen(g.canceledAt, now)} and everything that vested is claimed`,
    );
  }
  if (g.canceledAt === 0n && next < g.cliff) {
    throw new OpsError(`grant ${id} has nothing to claim before its cliff, ${formatWhen(g.cliff, now)}`);
  }
  if (g.claimed >= g.total) {
    throw new OpsError(`grant ${id} is fully claimed (${formatAmount(g.total, g.unit)})`);
  }
  const end = g.start + g.duration;
  // What the claim will pay: vested at the next block, less what was claimed.
  const vestedNext =
    g.canceledAt !== 0n || next >= end
      ? g.total
      : (g.total * (next - g.start)) / (g.duration === 0n ? 1n : g.duration);
  await checkOutflow(c, g.asset, vestedNext - g.claimed, g.unit, now);

  const receipt = await mined(await c.reserve.connect(signer).claim(id));
  const paid = BigInt(eventArgs(receipt, c.reserve, "Outflow").getValue("amount"));
  return {
    grant: await readGrant(c, new Units(c.provider), id),
    amount: paid,
    now: await latestTimestamp(c.provider),
    tx: receipt.hash,
  };
}

export function claimLines(r: ClaimResult): string[] {
  const g = r.grant;
  const end = g.start + g.duration;
  const rest =
    g.canceledAt !== 0n
      ? "canceled: nothing more vests"
      : g.claimed >= g.total
        ? "fully claimed"
        : `fully vested ${formatWhen(end, r.now)}`;
  return [
    `Claimed ${formatAmount(r.amount, g.unit)} of grant ${g.id} to ${g.recipient}`,
    `  grant: ${formatAmount(g.claimed, g.unit)} of ${formatAmount(g.total, g.unit)} claimed; ${rest}`,
    `  tx:    ${r.tx}`,
  ];
}

// ---------------------------------------------------------------- deposit

export interface DepositToReserveResult {
  asset: string;
  unit: Unit;
  amount: bigint;
  holdings: bigint;
  tx: string;
}

/**
 * Sends the native coin (or, with `asset`, an ERC-20) from the sending account to the reserve. Anyone may fund the
 * reserve; what it holds leaves only by governance (pay, budgets, grants).
 */
export async function depositToReserve(
  c: CouncilContracts,
  options: { amount: string; asset?: string },
): Promise<DepositToReserveResult> {
  const signer = signerOf(c);
  const account = await signer.getAddress();
  const asset =
    options.asset === undefined || options.asset === "" ? ZeroAddress : parseAddress(options.asset, "asset");
  const unit = await assetUnit(c.provider, asset);
  const amount = parseAmount(options.amount, unit, "amount");
  if (amount === 0n) throw new OpsError(`amount must be greater than 0 ${unit.symbol}`);
  const held = await assetBalance(c.provider, asset, account);
  if (held < amount) {
    throw new OpsError(
      `account ${account} holds ${formatAmount(held, unit)}; cannot send ${formatAmount(amount, unit)} to the reserve`,
    );
  }
  const tx =
    asset === ZeroAddress
      ? await signer.sendTransaction({ to: c.addresses.reserve, value: amount })
      : await erc20(asset, signer).transfer(c.addresses.reserve, amount);
  const receipt = await tx.wait();
  if (receipt === null) throw new OpsError(`transaction ${tx.hash} was not mined`);
  return { asset, unit, amount, holdings: await c.reserve.balanceOf(asset), tx: receipt.hash };
}

export function depositToReserveLines(r: DepositToReserveResult): string[] {
  return [
    `Sent ${formatAmount(r.amount, r.unit)} to the Improvement Reserve`,
    `  holdings: ${formatAmount(r.holdings, r.unit)}`,
    `  tx:       ${r.tx}`,
  ];
}
