/** Tasks: to be written. */
import type { TaskDefinition } from "hardhat/types/tasks";

export const verifyTasks: TaskDefinition[] = [];
