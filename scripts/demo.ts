/**
 * `npm run demo`: one season of a Governance Council on the in-process network (see scripts/demo/season.ts).
 */
import { fileURLToPath } from "node:url";

import hre from "hardhat";

import { taskConnection } from "./tasks/cli.js";
import { runSeason } from "./demo/season.js";

const started = Date.now();
const parameters = fileURLToPath(new URL("../deploy/parameters/hardhat.json", import.meta.url));
await runSeason(await taskConnection(hre), parameters, (text) => console.log(text));
console.log(`\nSeason done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
