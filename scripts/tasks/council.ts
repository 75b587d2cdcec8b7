/**
 * `council status`: the council table (members, stake, votes, eligibility, voter, nodes), candidates and former
 * members. `council dao-check`: whether a DAO member's own process fits each class of motion.
 */
import { ArgumentType } from "hardhat/types/arguments";
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

  opsTask(
    ["council", "dao-check"],
    "Check that a DAO's governor (delay, period, timelock) can decide within each class's council vote",
  )
    .addPositionalArgument({ name: "governor", description: "The DAO's governor address" })
    .addOption({
      name: "blockTime",
      description: "Seconds per block, for a DAO whose clock counts blocks",
      type: ArgumentType.BIGINT,
      defaultValue: 1n,
    })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const d = await import("../ops/dao.js");
        const dao = await d.readDao(c.provider, args.governor, args.blockTime);
        print(d.renderDaoCheck(dao, await d.daoFit(c, dao)));
      }),
    )
    .build(),
];
