/**
 * `council status`: the council table (members, stake, votes, eligibility, voter, nodes), candidates and former
 * members.
 */
import type { TaskDefinition } from "hardhat/types/tasks";

import { opsTask, runOps } from "./cli.js";

export const councilTasks: TaskDefinition[] = [
  opsTask(
    ["council", "status"],
    "Print the council: members, stake, votes, eligibility, voters, nodes, candidates",
  )
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const { councilStatus, renderCouncilStatus } = await import("../ops/council.js");
        print(renderCouncilStatus(await councilStatus(c)));
      }),
    )
    .build(),
];
