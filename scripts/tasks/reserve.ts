/**
 * Improvement Reserve tasks: deposit, status, budgets, grants, spend, claim. The logic is in scripts/ops/reserve.ts; these
 * parse the arguments and print.
 */
import type { TaskDefinition } from "hardhat/types/tasks";

import { opsTask, runOps } from "./cli.js";

const PAGE_OPTIONS = {
  first: { name: "first", description: "First id to show (default: the last page)", defaultValue: "" },
  limit: { name: "limit", description: "How many to show (default: 50)", defaultValue: "" },
} as const;

export const reserveTasks: TaskDefinition[] = [
  opsTask(["reserve", "deposit"], "Send the native coin (or an ERC-20) to the reserve; anyone may fund it")
    .addPositionalArgument({ name: "amount", description: "Whole coins (or token units), e.g. 1000000" })
    .addOption({
      name: "asset",
      description: "An ERC-20 to send instead of the native coin",
      defaultValue: "",
    })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/reserve.js");
        ops.depositToReserveLines(await ops.depositToReserve(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(["reserve", "status"], "Holdings, commitments and outflow limits per asset; pause state")
    .addOption({
      name: "asset",
      description: "Also show this ERC-20 (the native coin and the configured assets are always shown)",
      defaultValue: "",
    })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/reserve.js");
        ops.reserveStatusLines(await ops.reserveStatus(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(["reserve", "budgets"], "Budgets the council approved: spender, amount, spent, remaining, validity")
    .addOption(PAGE_OPTIONS.first)
    .addOption(PAGE_OPTIONS.limit)
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/reserve.js");
        ops.budgetLines(await ops.listBudgets(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(["reserve", "grants"], "Vested grants: recipient, total, vested, claimed, schedule")
    .addOption(PAGE_OPTIONS.first)
    .addOption(PAGE_OPTIONS.limit)
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/reserve.js");
        ops.grantLines(await ops.listGrants(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(["reserve", "spend"], "Pay out of an approved budget (the budget's spender)")
    .addPositionalArgument({ name: "budget", description: "Budget id" })
    .addPositionalArgument({ name: "recipient", description: "Who is paid" })
    .addPositionalArgument({
      name: "amount",
      description: "Amount in whole units of the budget's asset, e.g. 1000",
    })
    .addOption({ name: "memo", description: "Why (recorded in the Outflow event)", defaultValue: "" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/reserve.js");
        ops.spendLines(await ops.spend(c, args)).forEach(print);
      }),
    )
    .build(),

  opsTask(["reserve", "claim"], "Claim the vested part of a grant (the grant's recipient)")
    .addPositionalArgument({ name: "grant", description: "Grant id" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const ops = await import("../ops/reserve.js");
        ops.claimLines(await ops.claim(c, args)).forEach(print);
      }),
    )
    .build(),
];
