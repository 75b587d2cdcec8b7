/**
 * Key rotation tasks: rotate-voter, rotate-admin (the member's admin nominates), accept-admin (the nominee accepts;
 * a voter accepts with `council accept-voter`). The logic is in scripts/ops/keys.ts.
 */
import type { TaskDefinition } from "hardhat/types/tasks";

import { opsTask, runOps } from "./cli.js";

const member = { name: "member", description: "Member or candidate id" } as const;

export const keyTasks: TaskDefinition[] = [
  opsTask(["council", "rotate-voter"], "Nominate a new voter account for a member (from its admin account)")
    .addPositionalArgument(member)
    .addPositionalArgument({ name: "account", description: "The new voter account (a fresh one)" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const keys = await import("../ops/keys.js");
        keys.nominationLines(await keys.nominate(c, "voter", args)).forEach(print);
      }),
    )
    .build(),

  opsTask(["council", "rotate-admin"], "Nominate a new admin account for a member (from its admin account)")
    .addPositionalArgument(member)
    .addPositionalArgument({ name: "account", description: "The new admin account (a fresh one)" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const keys = await import("../ops/keys.js");
        keys.nominationLines(await keys.nominate(c, "admin", args)).forEach(print);
      }),
    )
    .build(),

  opsTask(["council", "accept-admin"], "Accept a nomination as a member's admin (from the nominated account)")
    .addPositionalArgument(member)
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const keys = await import("../ops/keys.js");
        const r = await keys.acceptNomination(c, "admin", args);
        print(`${r.member.admin} is now the admin of member ${r.member.id} (${r.member.name})`);
        print(`  tx: ${r.tx}`);
      }),
    )
    .build(),
];
