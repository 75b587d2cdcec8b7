/** The benchmark's targets (issue 7, then issue 13's tighter ones), checked against the measurements. */
import type { BenchResult, Operation, ScalePoint } from "./results.js";

export interface TargetCheck {
  id: string;
  /** The target, as stated. */
  target: string;
  /** What was compared (operation, position of the vote). */
  subject: string;
  /** Measured value: a ratio to the baseline, or a growth in percent. */
  value: number;
  limit: number;
  unit: "ratio" | "percent";
  met: boolean;
}

export const PROPOSE_GROWTH_LIMIT = 2;
export const CAST_VOTE_LIMIT = 1.1;
export const LIFECYCLE_LIMIT = 1.25;

/**
 * Issue 13: castVote after quorum and the first vote, propose with one action (ratios to the baseline), and the
 * growth of propose and castVote from the smallest to the largest council (percent), with why each miss happens.
 */
export const ISSUE13_TARGETS = [
  {
    id: "i13-castVote-after-quorum",
    row: "castVote-after-quorum",
    limit: 1.15,
    why:
      "a vote reads seven cold slots in the vault (the voter's member, the member's stake record, the unit and the " +
      "eligible count) and writes the member's voted flag and the tally; the baseline reads one checkpoint",
  },
  {
    id: "i13-castVote-first",
    row: "castVote-first",
    limit: 1.35,
    why: "the first vote also caches both quorum thresholds for the motion",
  },
  {
    id: "i13-propose-1",
    row: "propose-1",
    limit: 2.5,
    why:
      "a motion stores its class, thresholds, snapshot bases and live-motion entry (six new slots against the " +
      "baseline's two) and checks the proposer's membership in the registry",
  },
] as const;
export const ISSUE13_GROWTH_LIMIT = 1;

/** Operations compared with the baseline against each ratio target. */
const CAST_VOTE_ROWS = [
  "castVote-first",
  "castVote-second",
  "castVote-quorum",
  "castVote-after-quorum",
  "castVoteWithReason-after-quorum",
  "castVoteBySig-before-quorum",
  "castVoteBySig-after-quorum",
];
const LIFECYCLE_ROWS = ["propose-1", "propose-5", "propose-20", "queue", "execute", "execute-signal"];

export function operation(result: BenchResult, id: string): Operation {
  const row = result.operations.find((o) => o.id === id);
  if (!row) throw new Error(`no measurement ${id}`);
  return row;
}

export function ratioOf(row: Operation): number {
  if (row.baseline === null) throw new Error(`${row.id} has no baseline`);
  return row.ours / row.baseline;
}

export function smallest(result: BenchResult): ScalePoint {
  return result.scaling[0];
}

export function largest(result: BenchResult): ScalePoint {
  return result.scaling[result.scaling.length - 1];
}

/** Growth of ours' propose from the smallest to the largest council, in percent. */
export function proposeGrowth(result: BenchResult): number {
  return (largest(result).propose / smallest(result).propose - 1) * 100;
}

export function checkTargets(result: BenchResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const growth = proposeGrowth(result);
  checks.push({
    id: "propose-growth",
    target: `propose gas grows ≤ ${PROPOSE_GROWTH_LIMIT} % from ${smallest(result).size} to ${largest(result).size} members`,
    subject: "propose, 1 action, by the member with the most vote checkpoints",
    value: growth,
    limit: PROPOSE_GROWTH_LIMIT,
    unit: "percent",
    met: growth <= PROPOSE_GROWTH_LIMIT,
  });
  for (const id of CAST_VOTE_ROWS) {
    const row = operation(result, id);
    const value = ratioOf(row);
    checks.push({
      id,
      target: `castVote ≤ ${CAST_VOTE_LIMIT.toFixed(2)}× baseline`,
      subject: row.name,
      value,
      limit: CAST_VOTE_LIMIT,
      unit: "ratio",
      met: value <= CAST_VOTE_LIMIT,
    });
  }
  for (const id of LIFECYCLE_ROWS) {
    const row = operation(result, id);
    const value = ratioOf(row);
    const kind = id.startsWith("propose") ? "propose" : id.startsWith("queue") ? "queue" : "execute";
    checks.push({
      id,
      target: `${kind} ≤ ${LIFECYCLE_LIMIT.toFixed(2)}× baseline`,
      subject: row.name,
      value,
      limit: LIFECYCLE_LIMIT,
      unit: "ratio",
      met: value <= LIFECYCLE_LIMIT,
    });
  }
  for (const t of ISSUE13_TARGETS) {
    const row = operation(result, t.row);
    const value = ratioOf(row);
    checks.push({
      id: t.id,
      target: `issue 13: ≤ ${t.limit.toFixed(2)}× baseline`,
      subject:
        value <= t.limit
          ? row.name
          : `${row.name} (missed by ${((value / t.limit - 1) * 100).toFixed(0)} %: ${t.why})`,
      value,
      limit: t.limit,
      unit: "ratio",
      met: value <= t.limit,
    });
  }
  for (const [id, name, pick] of [
    ["i13-propose-growth", "propose, 1 action", (p: ScalePoint) => p.propose],
    ["i13-castVote-growth", "castVote, after quorum", (p: ScalePoint) => p.castVoteAfterQuorum],
  ] as const) {
    const value = (pick(largest(result)) / pick(smallest(result)) - 1) * 100;
    checks.push({
      id,
      target: `issue 13: growth ≤ ${ISSUE13_GROWTH_LIMIT} % from ${smallest(result).size} to ${largest(result).size} members`,
      subject: name,
      value,
      limit: ISSUE13_GROWTH_LIMIT,
      unit: "percent",
      met: value <= ISSUE13_GROWTH_LIMIT,
    });
  }
  return checks;
}
