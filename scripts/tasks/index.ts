/**
 * Every CLI task of the project, for hardhat.config.ts. Run `./gc <group> --help` for a group's tasks.
 */
import { emptyTask } from "hardhat/config";

import { communityTasks } from "./community.js";
import { councilTasks } from "./council.js";
import { devTasks } from "./dev.js";
import { keyTasks } from "./keys.js";
import { membershipTasks } from "./membership.js";
import { motionTasks } from "./motion.js";
import { reserveTasks } from "./reserve.js";
import { stakeTasks } from "./stake.js";
import { verifyTasks } from "./verify.js";

export const projectTasks = [
  emptyTask(
    "council",
    "The council: status table, applications, key rotation, renewal, sponsorship, no-confidence",
  ).build(),
  emptyTask("motion", "Motions: list, show, propose, vote, signed ballots, queue, execute, cancel").build(),
  emptyTask("stake", "Stake: deposit, unstake, withdraw, restake, status, refresh, link").build(),
  emptyTask("reserve", "The Improvement Reserve: deposit, status, budgets, grants, spend, claim").build(),
  emptyTask("community", "The community: petitions (KGP-7) and the veto phase").build(),
  emptyTask(
    ["community", "petition"],
    "Petitions: open, back, oppose, settle, withdraw, status, list",
  ).build(),
  emptyTask(["community", "veto"], "The veto phase: lock, withdraw, status").build(),
  ...councilTasks,
  ...membershipTasks,
  ...keyTasks,
  ...motionTasks,
  ...stakeTasks,
  ...reserveTasks,
  ...communityTasks,
  ...verifyTasks,
  ...devTasks,
];
