/**
 * The project's own Hardhat plugin, for output that is quiet and exact:
 * - solc's transient-storage warning is dropped where it points into OpenZeppelin Contracts (their reentrancy guard
 *   and transient slots clear what they write within the call; the warning is about code we do not own and would
 *   print on every fresh compile). The same warning on one of this project's files still prints.
 * - `ignition deploy`, when its output is not a terminal (CI, a log file, a pipe), prints each batch once, in its
 *   final state, and ends the starting line. Ignition's display redraws a batch in place on a terminal; elsewhere
 *   each redraw would be printed again below the last.
 */
import { overrideTask } from "hardhat/config";
import type { HardhatPlugin } from "hardhat/types/plugins";

export const projectPlugin: HardhatPlugin = {
  id: "gc-governance-output",
  npmPackage: null,
  hookHandlers: {
    solidity: () => import("./solidity-hooks.js"),
  },
  tasks: [
    overrideTask(["ignition", "deploy"])
      .setAction(() => import("./ignition-deploy.js"))
      .build(),
  ],
};
