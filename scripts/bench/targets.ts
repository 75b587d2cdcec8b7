/** The benchmark's targets (issue 7), checked against the measurements. */
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
  return checks;
}
