/**
 * Membership tasks: apply, accept-voter, renew, sponsor, no-confidence. The logic is in scripts/ops/membership.ts;
 * these parse the arguments and print.
 */
import type { TaskDefinition } from "hardhat/types/tasks";

import { opsTask, runOps } from "./cli.js";

export const membershipTasks: TaskDefinition[] = [
  opsTask(
    ["council", "apply"],
    "Apply for council membership; the sending account becomes the candidate's admin",
  )
    .addOption({ name: "name", description: "Organization name (1 to 64 bytes)", defaultValue: "" })
    .addOption({
      name: "metadata",
      description: "Metadata URI: website, public services, contact (1 to 512 bytes)",
      defaultValue: "",
    })
    .addOption({ name: "voter", description: "The account that will vote for the member", defaultValue: "" })
    .addOption({
      name: "nodes",
      description: "Consensus node addresses, comma-separated (at most 16)",
      defaultValue: "",
    })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/membership.js");
        ops.applyLines(await ops.apply(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(
    ["council", "accept-voter"],
    "Accept a nomination as a member's or candidate's voter (from that account)",
  )
    .addPositionalArgument({ name: "member", description: "Member or candidate id" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/membership.js");
        ops.acceptVoterLines(await ops.acceptVoter(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(["council", "renew"], "Renew a lapsed or rejected application: a new sponsorship window starts")
    .addPositionalArgument({ name: "candidate", description: "Candidate id" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/membership.js");
        ops.renewLines(await ops.renew(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(
    ["council", "sponsor"],
    "Sponsor a candidate: open its Admission motion (a member's voter or the secretariat)",
  )
    .addPositionalArgument({ name: "candidate", description: "Candidate id" })
    .addOption({
      name: "description",
      description: 'Motion description (default: "Admit candidate <id> (<name>)")',
      defaultValue: "",
    })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/membership.js");
        ops.sponsorLines(await ops.sponsor(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(
    ["council", "no-confidence"],
    "Move no confidence in a member: open a motion to remove it (a member's voter)",
  )
    .addPositionalArgument({ name: "member", description: "The member's id" })
    .addOption({ name: "reason", description: "Why (becomes the motion's description)", defaultValue: "" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/membership.js");
        ops.noConfidenceLines(await ops.noConfidence(c, args)).forEach(print);
      }),
    )
    .build(),
];
