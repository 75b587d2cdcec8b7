/**
 * `dev advance-time`: moves a local chain's clock (a `./gc node` or the in-process network), to rehearse a
 * motion's whole life (7-day voting delay, 7-day vote, timelock delay) in minutes. Refused on any other chain.
 */
import type { TaskDefinition } from "hardhat/types/tasks";
import { emptyTask, task } from "hardhat/config";

import { taskConnection } from "./cli.js";

/** Chains whose clock can be moved. */
const LOCAL_CHAIN_ID = 31337n;

export const devTasks: TaskDefinition[] = [
  emptyTask("dev", "Local rehearsal helpers (local chains only)").build(),
  task(["dev", "advance-time"], "Advance a local chain's clock, e.g. `7d`, `36h`, `90m` or seconds")
    .addPositionalArgument({
      name: "duration",
      description: "How long: 7d, 36h, 90m, or a number of seconds",
    })
    .setInlineAction(async (args, hre) => {
      const { OpsError, describeError } = await import("../ops/errors.js");
      const { formatTime } = await import("../ops/format.js");
      try {
        const m = /^(\d+)([dhms]?)$/.exec(args.duration.trim());
        if (m === null) throw new OpsError(`duration "${args.duration}" is not like 7d, 36h, 90m or 3600`);
        const seconds =
          BigInt(m[1]) * { d: 86400n, h: 3600n, m: 60n, s: 1n, "": 1n }[m[2] as "d" | "h" | "m" | "s" | ""];
        const connection = await taskConnection(hre);
        const { chainId } = await connection.ethers.provider.getNetwork();
        if (chainId !== LOCAL_CHAIN_ID) {
          throw new OpsError(`chain ${chainId} is not a local chain: only a local node's clock can be moved`);
        }
        await connection.networkHelpers.time.increase(seconds);
        const block = await connection.ethers.provider.getBlock("latest");
        console.log(`Chain time is now ${formatTime(BigInt(block?.timestamp ?? 0))}`);
      } catch (error) {
        console.error(`Error: ${describeError(error)}`);
        process.exitCode = 1;
      }
    })
    .build(),
];
