/**
 * The community's voice: petitions (KGP-7 on chain) and the veto phase. The contracts are the ones the motion policy
 * names (`MotionPolicy.community()`), so no address file needs them. Every sending operation is first simulated
 * (`staticCall`), so a refused one is reported in one line, decoded from the contract's own custom error, before
 * anything is sent; the contracts' rules are never copied here.
 *
 * Amounts are typed in whole coins of the council's stake asset (the native coin, or the vault's ERC-20, approved
 * first when the allowance is short).
 */
import { ZeroAddress, id as hashText } from "ethers";
import type { ContractTransactionResponse, Interface, Signer } from "ethers";

import { CommunityPetitions__factory, CommunityVeto__factory } from "../../typechain-types/index.js";
import type { CommunityPetitions, CommunityVeto } from "../../typechain-types/index.js";
import { assetUnit, erc20 } from "./assets.js";
import { eventArgs, latestTimestamp, mined, revertOf } from "./transactions.js";
import type { CouncilContracts } from "./deployment.js";
import { signerOf } from "./deployment.js";
import { MotionClass } from "./enums.js";
import { OpsError } from "./errors.js";
import { formatAmount, formatDuration, formatWhen, parseAmount, table } from "./format.js";
import type { Unit } from "./format.js";
import { byteLength, parseId, requireText } from "./input.js";
import { removalWarning } from "./members.js";
import { getMotion, motionActions, parseMotionId } from "./motions.js";

/** Petition kinds, as ICommunityPetitions.PetitionKind orders them. */
export const KIND_NAMES = ["admission", "no-confidence"] as const;
export type KindName = (typeof KIND_NAMES)[number];

/** Petition statuses, as ICommunityPetitions.PetitionStatus orders them. */
export const PETITION_STATUS_NAMES = ["none", "open", "qualified", "failed", "lapsed"] as const;

/** Petitions shown by `community petition list` (the latest ones). */
const LIST_PAGE = 50;

/** The community contracts the policy names, connected like the rest of the system, and the asset's unit. */
export interface Community {
  petitions: CommunityPetitions;
  veto?: CommunityVeto;
  asset: string;
  unit: Unit;
}

/** Connects to the community contracts; an error when the deployment has none. */
export async function connectCommunity(c: CouncilContracts): Promise<Community> {
  const [petitionsAddress, vetoAddress] = await c.policy.community();
  if (petitionsAddress === ZeroAddress) {
    throw new OpsError(
      "this deployment has no community petitions contract (MotionPolicy.community() names none); deploy it and set it by a Constitutional motion",
    );
  }
  const runner = c.signer ?? c.provider;
  const petitions = CommunityPetitions__factory.connect(petitionsAddress, runner);
  const veto = vetoAddress === ZeroAddress ? undefined : CommunityVeto__factory.connect(vetoAddress, runner);
  const asset = await petitions.asset();
  return { petitions, veto, asset, unit: await assetUnit(c.provider, asset) };
}

function requireVeto(community: Community): CommunityVeto {
  if (community.veto === undefined) {
    throw new OpsError(
      "this deployment has no community veto contract (MotionPolicy.community() names none)",
    );
  }
  return community.veto;
}

/** Parses a positive amount of the stake asset. */
function parsePositive(text: string, unit: Unit): bigint {
  const amount = parseAmount(text, unit, "amount");
  if (amount === 0n) throw new OpsError(`amount must be greater than 0 ${unit.symbol}`);
  return amount;
}

/** Parses "for"/"back"/"support" or "against"/"oppose". */
export function parseSide(text: string): boolean {
  const clean = text.trim().toLowerCase();
  if (["for", "back", "support"].includes(clean)) return true;
  if (["against", "oppose"].includes(clean)) return false;
  throw new OpsError(`side "${text}" must be "for" or "against"`);
}

/** Native coin to send with a payment of `amount`; in ERC-20 mode, approves `spender` first when needed. */
async function pay(
  community: Community,
  signer: Signer,
  spender: string,
  amount: bigint,
): Promise<{ value: bigint; approveTx?: string }> {
  if (community.asset === ZeroAddress || amount === 0n) {
    return { value: community.asset === ZeroAddress ? amount : 0n };
  }
  const token = erc20(community.asset, signer);
  const owner = await signer.getAddress();
  if ((await token.allowance(owner, spender)) >= amount) return { value: 0n };
  const tx = await token.approve(spender, amount);
  await mined(tx);
  return { value: 0n, approveTx: tx.hash };
}

/**
 * Simulates a call; a refusal by `contract` itself is named after it (the petitions and the veto contracts share
 * their lock errors, so the system-wide decoder could not tell which refused). Others (the governor's) pass on.
 */
async function simulate(contract: { interface: Interface }, name: string, call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    const parsed = revertOf(error, contract.interface);
    if (parsed === undefined) throw error;
    throw new OpsError(
      `${name} reverted: ${parsed.name}(${parsed.args.map((a: unknown) => String(a)).join(", ")})`,
    );
  }
}

async function send(tx: Promise<ContractTransactionResponse>) {
  const response = await tx;
  return { hash: response.hash, receipt: await mined(response) };
}

// ---------------------------------------------------------------- status

export interface CommunityStatus {
  unit: Unit;
  petitions: string;
  petitionWindow: bigint;
  petitionThreshold: bigint;
  petitionBond: bigint;
  petitionCount: bigint;
  veto?: { address: string; on: boolean; window: bigint; threshold: bigint };
  /** The Admission and No-confidence timelock delays (the veto window must fit both). */
  admissionDelay: bigint;
  noConfidenceDelay: bigint;
}

/** Phase, thresholds, windows and bond, read from the chain. */
export async function communityStatus(c: CouncilContracts): Promise<CommunityStatus> {
  const community = await connectCommunity(c);
  const p = community.petitions;
  let veto: CommunityStatus["veto"];
  if (community.veto !== undefined) {
    const [on, window] = await community.veto.vetoPhase();
    veto = {
      address: await community.veto.getAddress(),
      on,
      window,
      threshold: await community.veto.threshold(),
    };
  }
  return {
    unit: community.unit,
    petitions: await p.getAddress(),
    petitionWindow: await p.window(),
    petitionThreshold: await p.threshold(),
    petitionBond: await p.bond(),
    petitionCount: await p.petitionCount(),
    veto,
    admissionDelay: (await c.policy.classConfig(MotionClass.Admission)).timelockDelay,
    noConfidenceDelay: (await c.policy.classConfig(MotionClass.NoConfidence)).timelockDelay,
  };
}

export function communityStatusLines(s: CommunityStatus): string[] {
  const lines = [
    `Community petitions  ${s.petitions}`,
    `  window             ${formatDuration(s.petitionWindow)} (admission petitions close 1 day before the application's sponsorship window)`,
    `  threshold          ${formatAmount(s.petitionThreshold, s.unit)} of support, and support above opposition`,
    `  bond               ${formatAmount(s.petitionBond, s.unit)} (forfeited to the Improvement Reserve only when support stays below 1 % of the threshold)`,
    `  petitions          ${s.petitionCount}`,
  ];
  if (s.veto === undefined) {
    lines.push("Community veto       none");
  } else {
    lines.push(
      `Community veto       ${s.veto.address}`,
      `  phase              ${s.veto.on ? "on" : "off (a Constitutional motion switches it on)"}`,
      `  window             ${formatDuration(s.veto.window)} after a membership motion is queued`,
      `  threshold          ${formatAmount(s.veto.threshold, s.unit)} of opposition, and opposition above support`,
      `  membership delays  Admission ${formatDuration(s.admissionDelay)}, No-confidence ${formatDuration(s.noConfidenceDelay)} (the window must fit both)`,
    );
  }
  return lines;
}

// ---------------------------------------------------------------- petitions

export interface OpenOptions {
  kind: string;
  member: string;
  description: string;
}

export interface OpenResult {
  petitionId: bigint;
  kind: KindName;
  subject: bigint;
  closesAt: bigint;
  bond: bigint;
  unit: Unit;
  now: bigint;
  approveTx?: string;
  tx: string;
  /** A no-confidence petition's warning when removing the member now would leave too few eligible members. */
  warning?: string;
}

/** Opens a petition to admit a candidate (`admission`) or to move no confidence in a member (`no-confidence`). */
export async function openPetition(c: CouncilContracts, options: OpenOptions): Promise<OpenResult> {
  const kind = options.kind.trim().toLowerCase() as KindName;
  if (!KIND_NAMES.includes(kind))
    throw new OpsError(`kind "${options.kind}" must be "admission" or "no-confidence"`);
  const subject = parseId(options.member, kind === "admission" ? "candidate id" : "member id");
  const description = requireText(options.description, "--description", '"Admit Example Org: see https://…"');
  if (byteLength(description) > 1024) throw new OpsError("--description is longer than 1,024 bytes");
  const signer = signerOf(c);
  const community = await connectCommunity(c);
  const petitions = community.petitions.connect(signer);
  const bond = await petitions.bond();
  const open = kind === "admission" ? petitions.openAdmission : petitions.openNoConfidence;
  const payment = await pay(community, signer, await petitions.getAddress(), bond);
  await simulate(petitions, "CommunityPetitions", () =>
    open.staticCall(subject, description, { value: payment.value }),
  );
  const warning = kind === "no-confidence" ? await removalWarning(c, subject) : undefined;
  const { hash, receipt } = await send(open(subject, description, { value: payment.value }));
  const args = eventArgs(receipt, petitions, "PetitionOpened");
  return {
    warning,
    petitionId: BigInt(args.getValue("petitionId")),
    kind,
    subject,
    closesAt: BigInt(args.getValue("closesAt")),
    bond: BigInt(args.getValue("bond")),
    unit: community.unit,
    now: await latestTimestamp(c.provider),
    approveTx: payment.approveTx,
    tx: hash,
  };
}

export function openLines(r: OpenResult): string[] {
  return [
    ...(r.warning !== undefined ? [r.warning] : []),
    `Petition ${r.petitionId} opened: ${r.kind} of member ${r.subject}`,
    `  closes ${formatWhen(r.closesAt, r.now)}; bond ${formatAmount(r.bond, r.unit)}`,
    ...(r.approveTx !== undefined ? [`  approval tx ${r.approveTx}`] : []),
    `  tx ${r.tx}`,
  ];
}

export interface LockResult {
  id: bigint;
  support: boolean;
  amount: bigint;
  total: bigint;
  unit: Unit;
  approveTx?: string;
  tx: string;
}

/** Locks coin for (`back`) or against (`oppose`) a petition until its close. */
export async function lockPetition(
  c: CouncilContracts,
  options: { id: string; support: boolean; amount: string },
): Promise<LockResult> {
  const id = parseId(options.id, "petition id");
  const signer = signerOf(c);
  const community = await connectCommunity(c);
  const amount = parsePositive(options.amount, community.unit);
  const petitions = community.petitions.connect(signer);
  const payment = await pay(community, signer, await petitions.getAddress(), amount);
  await simulate(petitions, "CommunityPetitions", () =>
    petitions.lock.staticCall(id, options.support, amount, { value: payment.value }),
  );
  const { hash, receipt } = await send(petitions.lock(id, options.support, amount, { value: payment.value }));
  const args = eventArgs(receipt, petitions, "Locked");
  return {
    id,
    support: options.support,
    amount: BigInt(args.getValue("amount")),
    total: BigInt(args.getValue("newTotal")),
    unit: community.unit,
    approveTx: payment.approveTx,
    tx: hash,
  };
}

export function lockLines(r: LockResult, what = "petition"): string[] {
  const side = r.support ? "support" : "opposition";
  return [
    `Locked ${formatAmount(r.amount, r.unit)} on ${what} ${r.id} (${side}); ${side} now ${formatAmount(r.total, r.unit)}`,
    ...(r.approveTx !== undefined ? [`  approval tx ${r.approveTx}`] : []),
    `  tx ${r.tx}`,
  ];
}

export interface SettleResult {
  id: bigint;
  status: string;
  support: bigint;
  opposition: bigint;
  motionId: bigint;
  forfeited: boolean;
  unit: Unit;
  tx: string;
}

/** Settles a closed petition: a qualified one opens its motion in the governor. */
export async function settlePetition(c: CouncilContracts, options: { id: string }): Promise<SettleResult> {
  const id = parseId(options.id, "petition id");
  const signer = signerOf(c);
  const community = await connectCommunity(c);
  const petitions = community.petitions.connect(signer);
  await simulate(petitions, "CommunityPetitions", () => petitions.settle.staticCall(id));
  const { hash, receipt } = await send(petitions.settle(id));
  const args = eventArgs(receipt, petitions, "PetitionSettled");
  return {
    id,
    status: PETITION_STATUS_NAMES[Number(args.getValue("status"))],
    support: BigInt(args.getValue("support")),
    opposition: BigInt(args.getValue("opposition")),
    motionId: BigInt(args.getValue("motionId")),
    forfeited: (await petitions.petition(id)).bondForfeited,
    unit: community.unit,
    tx: hash,
  };
}

export function settleLines(r: SettleResult): string[] {
  const tally = `support ${formatAmount(r.support, r.unit)}, opposition ${formatAmount(r.opposition, r.unit)}`;
  return [
    `Petition ${r.id} settled: ${r.status} (${tally})`,
    ...(r.motionId !== 0n
      ? [`  motion ${r.motionId} opened for the council's vote (see: motion show ${r.motionId})`]
      : []),
    ...(r.forfeited
      ? ["  the bond went to the Improvement Reserve (support below 1 % of the threshold)"]
      : []),
    `  tx ${r.tx}`,
  ];
}

export interface WithdrawResult {
  id: bigint;
  lock: bigint;
  bond: bigint;
  unit: Unit;
  txs: string[];
}

/**
 * After the close: takes back the sender's lock and, for the opener of a settled petition, its bond. Each is
 * simulated first; an error only when there is nothing to take.
 */
export async function withdrawPetition(
  c: CouncilContracts,
  options: { id: string },
): Promise<WithdrawResult> {
  const id = parseId(options.id, "petition id");
  const signer = signerOf(c);
  const account = await signer.getAddress();
  const community = await connectCommunity(c);
  const petitions = community.petitions.connect(signer);
  const p = await petitions.petition(id);
  const entry = await petitions.lockOf(id, account);
  const bondDue =
    p.opener === account && p.status >= 2n && p.bond > 0n && !p.bondForfeited && !p.bondReclaimed;
  const result: WithdrawResult = { id, lock: 0n, bond: 0n, unit: community.unit, txs: [] };
  if (!bondDue || (entry.amount > 0n && !entry.withdrawn)) {
    // Nothing but the lock to take (or both): let the contract say why not, if it refuses.
    await simulate(petitions, "CommunityPetitions", () => petitions.withdraw.staticCall(id));
    result.txs.push((await send(petitions.withdraw(id))).hash);
    result.lock = entry.amount;
  }
  if (bondDue) {
    await simulate(petitions, "CommunityPetitions", () => petitions.reclaimBond.staticCall(id));
    result.txs.push((await send(petitions.reclaimBond(id))).hash);
    result.bond = p.bond;
  }
  return result;
}

export function withdrawLines(r: WithdrawResult, what = "petition"): string[] {
  return [
    ...(r.lock > 0n ? [`Withdrew ${formatAmount(r.lock, r.unit)} locked on ${what} ${r.id}`] : []),
    ...(r.bond > 0n ? [`Reclaimed the ${formatAmount(r.bond, r.unit)} bond of petition ${r.id}`] : []),
    ...r.txs.map((tx) => `  tx ${tx}`),
  ];
}

export interface PetitionView {
  id: bigint;
  kind: KindName;
  status: string;
  subject: bigint;
  opener: string;
  closesAt: bigint;
  threshold: bigint;
  bond: bigint;
  support: bigint;
  opposition: bigint;
  motionId: bigint;
  description: string;
  unit: Unit;
  now: bigint;
}

async function readPetition(c: CouncilContracts, community: Community, id: bigint): Promise<PetitionView> {
  const p = await community.petitions.petition(id);
  return {
    id,
    kind: KIND_NAMES[Number(p.kind)],
    status: PETITION_STATUS_NAMES[Number(p.status)],
    subject: p.subjectMemberId,
    opener: p.opener,
    closesAt: p.closesAt,
    threshold: p.threshold,
    bond: p.bond,
    support: p.support,
    opposition: p.opposition,
    motionId: p.motionId,
    description: await community.petitions.motionDescription(id),
    unit: community.unit,
    now: await latestTimestamp(c.provider),
  };
}

/** One petition, with its tally and what happens next. */
export async function petitionStatus(c: CouncilContracts, options: { id: string }): Promise<PetitionView> {
  const id = parseId(options.id, "petition id");
  const community = await connectCommunity(c);
  const count = await community.petitions.petitionCount();
  if (id > count)
    throw new OpsError(`unknown petition ${id}: there are ${count} (see: community petition list)`);
  return readPetition(c, community, id);
}

export function petitionLines(v: PetitionView): string[] {
  const open = v.status === "open" && v.now < v.closesAt;
  return [
    `Petition ${v.id}: ${v.kind} of member ${v.subject} — ${open ? "open" : v.status === "open" ? "closed, not settled" : v.status}`,
    `  opener      ${v.opener} (bond ${formatAmount(v.bond, v.unit)})`,
    `  ${open ? "closes" : "closed"}      ${formatWhen(v.closesAt, v.now)}`,
    `  support     ${formatAmount(v.support, v.unit)} (needs ${formatAmount(v.threshold, v.unit)}, and more than opposition)`,
    `  opposition  ${formatAmount(v.opposition, v.unit)}`,
    ...(v.motionId !== 0n ? [`  motion      ${v.motionId}`] : []),
    `  description ${v.description.split("\n")[0]}`,
  ];
}

/** The latest petitions (at most 50), newest first. */
export async function listPetitions(c: CouncilContracts): Promise<PetitionView[]> {
  const community = await connectCommunity(c);
  const count = await community.petitions.petitionCount();
  const views: PetitionView[] = [];
  for (let id = count; id >= 1n && views.length < LIST_PAGE; id--)
    views.push(await readPetition(c, community, id));
  return views;
}

export function petitionListLines(views: PetitionView[]): string[] {
  if (views.length === 0) return ["No petitions yet (open one: community petition open)"];
  return table(
    ["id", "kind", "member", "status", "closes", "support", "opposition", "motion"],
    views.map((v) => [
      String(v.id),
      v.kind,
      String(v.subject),
      v.status,
      formatWhen(v.closesAt, v.now),
      formatAmount(v.support, v.unit),
      formatAmount(v.opposition, v.unit),
      v.motionId === 0n ? "-" : String(v.motionId),
    ]),
  ).split("\n");
}

// ---------------------------------------------------------------- veto

/** Locks coin against (`oppose`) or for (`back`) a queued membership motion; enough opposition cancels it. */
export async function lockVeto(
  c: CouncilContracts,
  options: { motion: string; support: boolean; amount: string },
): Promise<LockResult & { vetoed: boolean }> {
  const motionId = parseMotionId(options.motion);
  const signer = signerOf(c);
  const community = await connectCommunity(c);
  const veto = requireVeto(community).connect(signer);
  const amount = parsePositive(options.amount, community.unit);
  const actions = await motionActions(c, await getMotion(c, motionId));
  const hash = hashText(actions.description);
  const payment = await pay(community, signer, await veto.getAddress(), amount);
  await simulate(veto, "CommunityVeto", () =>
    veto.lock.staticCall(motionId, hash, options.support, amount, { value: payment.value }),
  );
  const { hash: tx, receipt } = await send(
    veto.lock(motionId, hash, options.support, amount, { value: payment.value }),
  );
  const args = eventArgs(receipt, veto, "Locked");
  const vetoed = receipt.logs.some((log) => veto.interface.parseLog(log)?.name === "Vetoed");
  return {
    id: motionId,
    support: options.support,
    amount: BigInt(args.getValue("amount")),
    total: BigInt(args.getValue("newTotal")),
    unit: community.unit,
    approveTx: payment.approveTx,
    tx,
    vetoed,
  };
}

export function vetoLockLines(r: LockResult & { vetoed: boolean }): string[] {
  return [
    ...lockLines(r, "motion"),
    ...(r.vetoed ? [`Motion ${r.id} is vetoed: the community canceled it; it can never execute`] : []),
  ];
}

/** After a motion's veto window: takes back the sender's lock. */
export async function withdrawVeto(
  c: CouncilContracts,
  options: { motion: string },
): Promise<WithdrawResult> {
  const motionId = parseMotionId(options.motion);
  const signer = signerOf(c);
  const community = await connectCommunity(c);
  const veto = requireVeto(community).connect(signer);
  const entry = await veto.lockOf(motionId, await signer.getAddress());
  await simulate(veto, "CommunityVeto", () => veto.withdraw.staticCall(motionId));
  const { hash } = await send(veto.withdraw(motionId));
  return { id: motionId, lock: entry.amount, bond: 0n, unit: community.unit, txs: [hash] };
}

export interface VetoView {
  motionId: bigint;
  on: boolean;
  threshold: bigint;
  windowEnd: bigint;
  vetoed: boolean;
  support: bigint;
  opposition: bigint;
  unit: Unit;
  now: bigint;
}

/** A motion's veto campaign. */
export async function vetoStatus(c: CouncilContracts, options: { motion: string }): Promise<VetoView> {
  const motionId = parseMotionId(options.motion);
  const community = await connectCommunity(c);
  const veto = requireVeto(community);
  const [on] = await veto.vetoPhase();
  const campaign = await veto.campaign(motionId);
  return {
    motionId,
    on,
    threshold: await veto.threshold(),
    windowEnd: campaign.windowEnd,
    vetoed: campaign.vetoed,
    support: campaign.support,
    opposition: campaign.opposition,
    unit: community.unit,
    now: await latestTimestamp(c.provider),
  };
}

export function vetoStatusLines(v: VetoView): string[] {
  if (v.windowEnd === 0n) {
    return [
      `Motion ${v.motionId}: no veto campaign yet${v.on ? " (the first lock opens it while the motion is queued)" : " (the veto phase is off)"}`,
    ];
  }
  return [
    `Motion ${v.motionId}: ${v.vetoed ? "vetoed (canceled by the community)" : v.now < v.windowEnd ? "veto window open" : "veto window closed"}`,
    `  window ends  ${formatWhen(v.windowEnd, v.now)}`,
    `  opposition   ${formatAmount(v.opposition, v.unit)} (vetoes at ${formatAmount(v.threshold, v.unit)} and above support)`,
    `  support      ${formatAmount(v.support, v.unit)}`,
  ];
}
