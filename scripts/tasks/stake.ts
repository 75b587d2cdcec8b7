/**
 * Stake tasks: deposit, unstake, withdraw, restake, status, and for a Kaia stake source refresh and link. The logic is in scripts/ops/stake.ts; these parse the
 * arguments and print.
 */
import type { TaskDefinition } from "hardhat/types/tasks";

import { opsTask, runOps } from "./cli.js";

export const stakeTasks: TaskDefinition[] = [
  opsTask(
    ["stake", "deposit"],
    "Bond stake for your member (the admin account), or for any member with --member",
  )
    .addPositionalArgument({ name: "amount", description: "Amount in whole coins, e.g. 5000000" })
    .addOption({
      name: "member",
      description: "Member or candidate id to stake for (default: the one --from administers)",
      defaultValue: "",
    })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/stake.js");
        ops.depositLines(await ops.deposit(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(
    ["stake", "unstake"],
    "Request to unbond stake (votes drop now; withdraw after the unbonding period)",
  )
    .addPositionalArgument({ name: "amount", description: "Amount in whole coins, e.g. 1000000" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/stake.js");
        ops.unstakeLines(await ops.unstake(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(["stake", "withdraw"], "Withdraw unbonded stake whose withdrawal window is open")
    .addOption({
      name: "request",
      description: "One request id (default: every withdrawable one)",
      defaultValue: "",
    })
    .addOption({
      name: "to",
      description: "Recipient (default: the sending admin account)",
      defaultValue: "",
    })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/stake.js");
        ops.withdrawLines(await ops.withdraw(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(["stake", "restake"], "Put unbonding requests back into the stake (default: every expired one)")
    .addOption({
      name: "request",
      description: "One request id, pending or expired (default: every expired one)",
      defaultValue: "",
    })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/stake.js");
        ops.restakeLines(await ops.restake(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(["stake", "status"], "A member's stake, votes, eligibility and unbonding requests")
    .addOption({
      name: "member",
      description: "Member id (default: the member --from administers or votes for)",
      defaultValue: "",
    })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/stake.js");
        ops.stakeStatusLines(await ops.stakeStatus(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(["stake", "refresh"], "Kaia stake source: record a CnStaking's stake now (anyone may)")
    .addPositionalArgument({ name: "staking", description: "The CnStaking contract's address" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/kaia.js");
        ops.refreshLines(await ops.refreshStaking(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(
    ["stake", "link"],
    "Kaia stake source: link the CnStaking the AddressBook lists for a member's node",
  )
    .addPositionalArgument({ name: "member", description: "The member's id" })
    .addPositionalArgument({ name: "staking", description: "The CnStaking contract's address" })
    .addOption({
      name: "node",
      description: "The member's consensus node the AddressBook lists it for",
      defaultValue: "",
    })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/kaia.js");
        ops.linkLines(await ops.linkStaking(c, args)).forEach(print);
      }),
    )
    .build(),
];
