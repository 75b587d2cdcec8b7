/**
 * The council status report: size and bounds, the stake unit, and every member's record, stake, votes and
 * eligibility; then candidates (with their application window) and former members.
 */
import { ZeroAddress } from "ethers";

import type { CouncilContracts } from "./deployment.js";
import { assetUnit } from "./assets.js";
import { statusName } from "./members.js";
import { formatAmount, formatDuration, formatWhen, table } from "./format.js";
import type { Unit } from "./format.js";

export interface MemberRow {
  id: bigint;
  name: string;
  status: string;
  admin: string;
  voter: string;
  /** A voter change (or a candidate's first voter) waiting for the new account to accept it. */
  pendingVoter: string;
  nodes: string[];
  stake: bigint;
  pending: bigint;
  votes: bigint;
  eligible: boolean;
  appliedAt: bigint;
  joinedAt: bigint;
  leftAt: bigint;
  /** Candidates only: whether the application can still be sponsored. */
  applicationOpen: boolean;
}

export interface CouncilStatus {
  now: bigint;
  unit: Unit;
  stakeUnit: bigint;
  activeCount: bigint;
  minMembers: bigint;
  maxMembers: bigint;
  eligibleCount: bigint;
  totalVotes: bigint;
  voteCap: bigint;
  totalStaked: bigint;
  totalPending: bigint;
  sponsorshipWindow: bigint;
  members: MemberRow[];
}

/** One member record with its stake and votes; `id` must exist. */
export async function memberRow(c: CouncilContracts, id: bigint): Promise<MemberRow> {
  const [m, pendingVoter, stake, pending, votes, eligible, applicationOpen] = await Promise.all([
    c.registry.getMember(id),
    c.registry.pendingVoter(id),
    c.vault.stakeOf(id),
    c.vault.pendingOf(id),
    c.vault.memberVotes(id),
    c.vault.isEligible(id),
    c.registry.isApplicationOpen(id),
  ]);
  return {
    id,
    name: m.name,
    status: statusName(m.status),
    admin: m.admin,
    voter: m.voter,
    pendingVoter,
    nodes: [...m.nodes],
    stake,
    pending,
    votes,
    eligible,
    appliedAt: m.appliedAt,
    joinedAt: m.joinedAt,
    leftAt: m.leftAt,
    applicationOpen,
  };
}

/** Reads the whole council (every record ever registered: a report, not an on-chain operation). */
export async function councilStatus(c: CouncilContracts): Promise<CouncilStatus> {
  const [block, token, stakeUnit, activeCount, minMembers, maxMembers, count, window] = await Promise.all([
    c.provider.getBlock("latest"),
    c.vault.stakeToken(),
    c.vault.stakeUnit(),
    c.registry.activeMemberCount(),
    c.registry.minMembers(),
    c.registry.maxMembers(),
    c.registry.memberCount(),
    c.registry.sponsorshipWindow(),
  ]);
  const [eligibleCount, totalVotes, voteCap, totalStaked, totalPending] = await Promise.all([
    c.vault.eligibleCount(),
    c.vault.totalVotes(),
    c.vault.voteCap(),
    c.vault.totalStaked(),
    c.vault.totalPending(),
  ]);
  const members: MemberRow[] = [];
  for (let id = 1n; id <= count; id++) members.push(await memberRow(c, id));
  return {
    now: BigInt(block?.timestamp ?? 0),
    unit: await assetUnit(c.provider, token),
    stakeUnit,
    activeCount,
    minMembers,
    maxMembers,
    eligibleCount,
    totalVotes,
    voteCap,
    totalStaked,
    totalPending,
    sponsorshipWindow: window,
    members,
  };
}

/** The voter column: the voter, and a pending change waiting for acceptance. */
function voterCell(m: MemberRow): string {
  const pending = m.pendingVoter === ZeroAddress ? "" : `pending ${m.pendingVoter}`;
  if (m.voter === ZeroAddress) return pending === "" ? "-" : pending;
  return pending === "" ? m.voter : `${m.voter} (${pending})`;
}

/** The status report as text: a summary, then the members, candidates and former members tables. */
export function renderCouncilStatus(s: CouncilStatus): string {
  const amount = (v: bigint) => formatAmount(v, s.unit);
  const lines = [
    `Council: ${s.activeCount} active members (bounds ${s.minMembers}–${s.maxMembers}), ${s.eligibleCount} eligible`,
    `Votes: ${s.totalVotes} in total, at most ${s.voteCap} per member; one vote per ${amount(s.stakeUnit)} staked`,
    `Stake: ${amount(s.totalStaked)} bonded, ${amount(s.totalPending)} unbonding`,
    "",
  ];
  const active = s.members.filter((m) => m.status === "Active");
  lines.push(
    table(
      ["id", "name", "voter", "admin", "nodes", "stake", "votes", "eligible"],
      active.map((m) => [
        String(m.id),
        m.name,
        voterCell(m),
        m.admin,
        m.nodes.join(",") || "-",
        amount(m.stake) + (m.pending > 0n ? ` (+${amount(m.pending)} unbonding)` : ""),
        String(m.votes),
        m.eligible ? "yes" : "no",
      ]),
    ),
  );
  const candidates = s.members.filter((m) => m.status === "Candidate");
  if (candidates.length > 0) {
    lines.push("", "Candidates:");
    lines.push(
      table(
        ["id", "name", "voter", "stake", "application"],
        candidates.map((m) => {
          const closes = m.appliedAt + s.sponsorshipWindow;
          return [
            String(m.id),
            m.name,
            voterCell(m),
            amount(m.stake),
            m.applicationOpen
              ? `open, sponsor before ${formatWhen(closes, s.now)}`
              : `closed ${formatWhen(closes, s.now)}; renew it`,
          ];
        }),
      ),
    );
  }
  const former = s.members.filter((m) => m.status === "Removed" || m.status === "Resigned");
  if (former.length > 0) {
    lines.push("", "Former members:");
    lines.push(
      table(
        ["id", "name", "status", "left", "stake"],
        former.map((m) => [
          String(m.id),
          m.name,
          m.status,
          formatWhen(m.leftAt, s.now),
          amount(m.stake + m.pending),
        ]),
      ),
    );
  }
  lines.push("", `Sponsorship window: ${formatDuration(s.sponsorshipWindow)}`);
  return lines.join("\n");
}
