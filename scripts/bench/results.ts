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

/** Where members' votes come from (see systems.ts). */
export type StakeMode = "bonded" | "kaia-tracker" | "kaia-read";

/** Operations measured at every council size (ours, and the baseline's where one exists). */
export interface ScalePoint {
  size: number;
  mode: StakeMode;
  /** The largest transaction of the whole deployment: contracts, registry batches, every member's stake (gas). */
  deploymentGas: number;
  /** The largest transaction of the registry's batched deployment with `size` members (gas), and its init code (bytes). */
  registryDeployGas: number;
  registryInitCodeBytes: number;
  /** A member's stake reaching its first unit while every other member is eligible and capped. */
  stakeCrossing: number;
  /**
   * Kaia modes: a capped member's CnStaking balance change recorded (V3, then V2); null in the bonded mode, whose
   * stake changes only through the vault.
   */
  refresh: number | null;
  refreshV2: number | null;
  /** The execution of an Admission motion admitting a staked candidate (the council reaches `size` members). */
  admit: number;
  propose: number;
  castVoteFirst: number;
  castVoteQuorum: number;
  castVoteAfterQuorum: number;
  queue: number;
  execute: number;
  /**
   * The stock baseline at the same council size and weights; measured once per size, on the bonded mode's chain,
   * and shared by the Kaia modes (its gas does not depend on our vault).
   */
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
  /** The bonded mode at every size (the figures the targets and the chart have always used). */
  scaling: ScalePoint[];
  /** The Kaia modes at every size. */
  kaiaScaling: { tracker: ScalePoint[]; read: ScalePoint[] };
}
