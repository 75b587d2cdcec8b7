/**
 * DAO members: does a DAO's own process (its governor's voting delay and period, then its timelock's delay) fit
 * inside each class of council motion, so that the DAO can decide and cast its council vote before the vote closes?
 *
 * The council's classes are read from the motion policy, never restated here. A DAO whose clock counts blocks is
 * converted to seconds with an assumed block time.
 */
import { Contract, isAddress } from "ethers";
import type { Provider } from "ethers";

import type { CouncilContracts } from "./deployment.js";
import { OpsError } from "./errors.js";
import { formatDuration, table } from "./format.js";
import { MOTION_CLASS_NAMES } from "./enums.js";

const DAO_GOVERNOR_ABI = [
  "function votingDelay() view returns (uint256)",
  "function votingPeriod() view returns (uint256)",
  "function CLOCK_MODE() view returns (string)",
  "function timelock() view returns (address)",
  "function name() view returns (string)",
];
const TIMELOCK_ABI = ["function getMinDelay() view returns (uint256)"];

/** A DAO's own decision process, in seconds. */
export interface DaoTiming {
  governor: string;
  name: string;
  clockMode: string;
  /** Seconds per clock unit: 1 for a timestamp clock, the assumed block time for a block-number clock. */
  secondsPerUnit: bigint;
  votingDelay: bigint;
  votingPeriod: bigint;
  /** Zero address when the governor has no timelock (it executes itself). */
  timelock: string;
  timelockDelay: bigint;
  /** votingDelay + votingPeriod + timelockDelay, in seconds. */
  total: bigint;
}

export type Verdict = "fits" | "fits if started early" | "does not fit";

/** How a DAO fits one council class. */
export interface ClassFit {
  motionClass: string;
  councilDelay: bigint;
  councilPeriod: bigint;
  verdict: Verdict;
  /** For "fits if started early": the DAO must propose within this many seconds of the motion's creation. */
  startWithin: bigint;
}

/** Reads a DAO governor's timing; `blockTime` (seconds) converts a block-number clock. */
export async function readDao(provider: Provider, governor: string, blockTime: bigint): Promise<DaoTiming> {
  if (!isAddress(governor))
    throw new OpsError(`"${governor}" is not an address: pass the DAO's governor address`);
  if ((await provider.getCode(governor)) === "0x") {
    throw new OpsError(`no contract at ${governor}: pass the DAO's governor address on this network`);
  }
  if (blockTime <= 0n) throw new OpsError("--block-time must be a positive number of seconds");
  const dao = new Contract(governor, DAO_GOVERNOR_ABI, provider);
  let votingDelay: bigint;
  let votingPeriod: bigint;
  try {
    [votingDelay, votingPeriod] = [(await dao.votingDelay()) as bigint, (await dao.votingPeriod()) as bigint];
  } catch {
    throw new OpsError(`${governor} is not a governor: it has no votingDelay() and votingPeriod()`);
  }
  // ERC-6372: a governor without CLOCK_MODE counts blocks.
  const clockMode =
    (await optional(() => dao.CLOCK_MODE() as Promise<string>)) ?? "mode=blocknumber&from=default";
  const secondsPerUnit = clockMode.includes("mode=timestamp") ? 1n : blockTime;
  const name = (await optional(() => dao.name() as Promise<string>)) ?? "";
  const timelock =
    (await optional(() => dao.timelock() as Promise<string>)) ?? "0x0000000000000000000000000000000000000000";
  let timelockDelay = 0n;
  if (BigInt(timelock) !== 0n) {
    const minDelay = await optional(
      () => new Contract(timelock, TIMELOCK_ABI, provider).getMinDelay() as Promise<bigint>,
    );
    if (minDelay === undefined) throw new OpsError(`the DAO's timelock ${timelock} has no getMinDelay()`);
    timelockDelay = minDelay;
  }
  const delaySeconds = votingDelay * secondsPerUnit;
  const periodSeconds = votingPeriod * secondsPerUnit;
  return {
    governor,
    name,
    clockMode,
    secondsPerUnit,
    votingDelay: delaySeconds,
    votingPeriod: periodSeconds,
    timelock,
    timelockDelay,
    total: delaySeconds + periodSeconds + timelockDelay,
  };
}

/**
 * The DAO against every council class. It fits when its whole process fits in the class's voting period (it can
 * start as late as the vote opening); it fits if started early when it fits in the voting delay and period together
 * (it must propose soon after the council motion is created); otherwise it cannot vote in time.
 */
export async function daoFit(c: CouncilContracts, dao: DaoTiming): Promise<ClassFit[]> {
  const configs = await Promise.all(MOTION_CLASS_NAMES.map((_, i) => c.policy.classConfig(i)));
  return configs.map((k, i) => {
    const window = k.votingDelay + k.votingPeriod;
    const verdict: Verdict =
      dao.total <= k.votingPeriod ? "fits" : dao.total <= window ? "fits if started early" : "does not fit";
    return {
      motionClass: MOTION_CLASS_NAMES[i],
      councilDelay: k.votingDelay,
      councilPeriod: k.votingPeriod,
      verdict,
      startWithin: verdict === "fits if started early" ? window - dao.total : 0n,
    };
  });
}

/** The report `council dao-check` prints. */
export function renderDaoCheck(dao: DaoTiming, fits: ClassFit[]): string {
  const clock =
    dao.secondsPerUnit === 1n ? dao.clockMode : `${dao.clockMode}, ${dao.secondsPerUnit}s per block assumed`;
  const lines = [
    `DAO ${dao.name === "" ? dao.governor : `${dao.name} (${dao.governor})`}`,
    `  clock: ${clock}`,
    `  voting delay ${formatDuration(dao.votingDelay)} + voting period ${formatDuration(dao.votingPeriod)} + timelock ${formatDuration(dao.timelockDelay)} = ${formatDuration(dao.total)}`,
    table(
      ["class", "council delay", "council period", "verdict"],
      fits.map((f) => [
        f.motionClass,
        formatDuration(f.councilDelay),
        formatDuration(f.councilPeriod),
        f.verdict === "fits if started early"
          ? `fits if the DAO proposes within ${formatDuration(f.startWithin)} of the motion's creation`
          : f.verdict,
      ]),
    ),
  ];
  const worst = fits.filter((f) => f.verdict === "does not fit").map((f) => f.motionClass);
  lines.push(
    worst.length === 0
      ? "The DAO can vote on every class of motion."
      : `The DAO cannot vote in time on: ${worst.join(", ")}; shorten its delay, period or timelock.`,
  );
  return lines.join("\n");
}

async function optional<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}
