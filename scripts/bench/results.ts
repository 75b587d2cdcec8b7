/** The benchmark's results, as written to docs/benchmarks.json and rendered into docs/benchmarks.md. */
import type { Anatomy } from "./anatomy.js";

export type { Anatomy };

/** One measured operation: gasUsed from its receipt. */
export interface Operation {
  /** Stable key for tooling (e.g. "propose-1"). */
  id: string;
  group: string;
  name: string;
  ours: number;
  /** The stock OpenZeppelin equivalent, when one exists. */
  baseline: number | null;
  /** What exactly was measured (position of a vote, state written, who called). */
  conditions: string;
  /** Where the gas goes, from the transactions' traces. */
  anatomy: { ours: Anatomy; baseline: Anatomy | null };
}

/** Operations measured at every council size (ours, and the baseline's where one exists). */
export interface ScalePoint {
  size: number;
  /** The largest transaction of the registry's batched deployment with `size` members (gas), and its init code (bytes). */
  registryDeployGas: number;
  registryInitCodeBytes: number;
  /** A member bonding its first stake unit while every other member is eligible and capped. */
  stakeCrossing: number;
  propose: number;
  castVoteFirst: number;
  castVoteQuorum: number;
  castVoteAfterQuorum: number;
  queue: number;
  execute: number;
  baseline: {
    propose: number;
    castVoteFirst: number;
    castVoteAfterQuorum: number;
    queue: number;
    execute: number;
  };
}

export interface Environment {
  hardfork: string;
  solc: string;
  openzeppelin: string;
  hardhat: string;
  genesis: string;
}

export interface BenchResult {
  environment: Environment;
  operations: Operation[];
  scaling: ScalePoint[];
}
