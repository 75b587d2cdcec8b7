/**
 * Community tasks: petitions (KGP-7 on chain), the veto phase, and the status of both. The logic is in
 * scripts/ops/community.ts; these parse the arguments and print.
 */
import type { TaskDefinition } from "hardhat/types/tasks";

import { opsTask, runOps } from "./cli.js";

export const communityTasks: TaskDefinition[] = [
  opsTask(["community", "status"], "Petition window, threshold and bond; veto phase, window and threshold")
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/community.js");
        ops.communityStatusLines(await ops.communityStatus(c)).forEach(print);
      }),
    )
    .build(),

  opsTask(["community", "petition", "open"], "Open a petition (posts the bond): admission or no-confidence")
    .addPositionalArgument({ name: "kind", description: '"admission" or "no-confidence"' })
    .addPositionalArgument({
      name: "member",
      description: "Candidate id (admission) or member id (no-confidence)",
    })
    .addOption({
      name: "description",
      description: "Description of the motion it will open (1 to 1,024 bytes)",
      defaultValue: "",
    })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/community.js");
        ops.openLines(await ops.openPetition(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(["community", "petition", "back"], "Lock coin in support of a petition until its close")
    .addPositionalArgument({ name: "id", description: "Petition id" })
    .addPositionalArgument({ name: "amount", description: "Amount in whole coins, e.g. 1000000" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/community.js");
        ops.lockLines(await ops.lockPetition(c, { ...args, support: true })).forEach(print);
      }),
    )
    .build(),

  opsTask(["community", "petition", "oppose"], "Lock coin against a petition until its close")
    .addPositionalArgument({ name: "id", description: "Petition id" })
    .addPositionalArgument({ name: "amount", description: "Amount in whole coins, e.g. 1000000" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/community.js");
        ops.lockLines(await ops.lockPetition(c, { ...args, support: false })).forEach(print);
      }),
    )
    .build(),

  opsTask(["community", "petition", "settle"], "Settle a closed petition (a qualified one opens its motion)")
    .addPositionalArgument({ name: "id", description: "Petition id" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/community.js");
        ops.settleLines(await ops.settlePetition(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(
    ["community", "petition", "withdraw"],
    "After the close: take back your lock (and your bond, as opener)",
  )
    .addPositionalArgument({ name: "id", description: "Petition id" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/community.js");
        ops.withdrawLines(await ops.withdrawPetition(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(["community", "petition", "status"], "One petition: tally, close, motion")
    .addPositionalArgument({ name: "id", description: "Petition id" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/community.js");
        ops.petitionLines(await ops.petitionStatus(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(["community", "petition", "list"], "The latest petitions (50), newest first")
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/community.js");
        ops.petitionListLines(await ops.listPetitions(c)).forEach(print);
      }),
    )
    .build(),

  opsTask(["community", "veto", "lock"], "Lock coin against (or for) a queued membership motion")
    .addPositionalArgument({ name: "motion", description: "Motion id" })
    .addPositionalArgument({ name: "side", description: '"against" or "for"' })
    .addPositionalArgument({ name: "amount", description: "Amount in whole coins, e.g. 1000000" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/community.js");
        const support = ops.parseSide(args.side);
        ops.vetoLockLines(await ops.lockVeto(c, { ...args, support })).forEach(print);
      }),
    )
    .build(),

  opsTask(["community", "veto", "withdraw"], "After a motion's veto window: take back your lock")
    .addPositionalArgument({ name: "motion", description: "Motion id" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/community.js");
        ops.withdrawLines(await ops.withdrawVeto(c, args), "motion").forEach(print);
      }),
    )
    .build(),

  opsTask(["community", "veto", "status"], "A motion's veto campaign: window, opposition, support")
    .addPositionalArgument({ name: "motion", description: "Motion id" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/community.js");
        ops.vetoStatusLines(await ops.vetoStatus(c, args)).forEach(print);
      }),
    )
    .build(),
];
