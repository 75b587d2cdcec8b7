/**
 * Gas benchmark (`npm run bench`): our governance system against a stock OpenZeppelin governor, per operation and
 * across council sizes in each stake mode (bonded, Kaia tracker, Kaia read), on Hardhat's in-process chain. Fails if
 * any transaction, setup included, uses more than EIP-7825's 16,777,216 gas (see bench-chain.ts).
 *
 * Writes docs/benchmarks.md (tables, targets, explanations; the hand-written test-suite timings between its
 * markers are kept), docs/benchmarks.svg (gas against council size) and docs/benchmarks.json (for tooling).
 *
 * Usage: npm run bench   (hardhat run scripts/bench.ts: compiles first)
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { Chain, GENESIS_DATE } from "./bench/bench-chain.js";
import { renderChart } from "./bench/chart.js";
import { measureOperations } from "./bench/operations.js";
import { TX_GAS_CAP, gas, keptTimings, renderMarkdown } from "./bench/report.js";
import type { BenchResult, ScalePoint } from "./bench/results.js";
import { checkModeTargets } from "./bench/modes.js";
import { SIZES, measureScale } from "./bench/scaling.js";
import { STAKE_MODES } from "./bench/systems.js";
import { checkTargets } from "./bench/targets.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const DOCS = path.join(ROOT, "docs");
const MARKDOWN = path.join(DOCS, "benchmarks.md");

function packageVersion(name: string): string {
  const parsed: unknown = JSON.parse(
    readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8"),
  );
  if (
    typeof parsed === "object" &&
    parsed !== null &&
    "version" in parsed &&
    typeof parsed.version === "string"
  ) {
    return parsed.version;
  }
  throw new Error(`no version in ${name}/package.json`);
}

function elapsed(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

const started = Date.now();
console.log("Per-operation measurements (council of 10)…");
const chain = await Chain.open();
const operations = await measureOperations(chain);
const hardfork = chain.hardfork;
await chain.close();
console.log(`  done in ${elapsed(started)}`);

const scaling: ScalePoint[] = [];
const tracker: ScalePoint[] = [];
const read: ScalePoint[] = [];
for (const size of SIZES) {
  for (const mode of STAKE_MODES) {
    const t = Date.now();
    const point = await measureScale(
      size,
      mode,
      mode === "bonded" ? null : scaling[scaling.length - 1].baseline,
    );
    (mode === "bonded" ? scaling : mode === "kaia-tracker" ? tracker : read).push(point);
    console.log(`Council of ${size}, ${mode}: done in ${elapsed(t)}`);
  }
}

const result: BenchResult = {
  environment: {
    hardfork,
    solc: packageVersion("solc"),
    openzeppelin: packageVersion("@openzeppelin/contracts"),
    hardhat: packageVersion("hardhat"),
    genesis: GENESIS_DATE,
  },
  operations,
  scaling,
  kaiaScaling: { tracker, read },
};
const checks = [...checkTargets(result), ...checkModeTargets(result)];

const existing = existsSync(MARKDOWN) ? readFileSync(MARKDOWN, "utf8") : undefined;
writeFileSync(MARKDOWN, renderMarkdown(result, checks, keptTimings(existing)));
writeFileSync(path.join(DOCS, "benchmarks.svg"), renderChart(result, TX_GAS_CAP));
writeFileSync(
  path.join(DOCS, "benchmarks.json"),
  JSON.stringify({ ...result, targets: checks }, null, 2) + "\n",
);

console.log("");
console.log(
  `${"operation".padEnd(36)}${"ours".padStart(12)}${"baseline".padStart(12)}${"ratio".padStart(8)}`,
);
for (const o of operations) {
  const ratio = o.baseline === null ? "" : `${(o.ours / o.baseline).toFixed(2)}×`;
  console.log(
    `${o.name.padEnd(36)}${gas(o.ours).padStart(12)}${(o.baseline === null ? "" : gas(o.baseline)).padStart(12)}${ratio.padStart(8)}`,
  );
}
console.log("");
console.log(
  `${"mode".padEnd(14)}${"members".padEnd(9)}${"propose".padStart(10)}${"castVote 1st".padStart(14)}` +
    `${"after quorum".padStart(14)}${"execute".padStart(10)}${"crossing".padStart(12)}${"admit".padStart(10)}` +
    `${"refresh".padStart(10)}${"deployment".padStart(12)}`,
);
for (const p of [...scaling, ...tracker, ...read]) {
  console.log(
    `${p.mode.padEnd(14)}${String(p.size).padEnd(9)}${gas(p.propose).padStart(10)}` +
      `${gas(p.castVoteFirst).padStart(14)}${gas(p.castVoteAfterQuorum).padStart(14)}${gas(p.execute).padStart(10)}` +
      `${gas(p.stakeCrossing).padStart(12)}${gas(p.admit).padStart(10)}` +
      `${(p.refresh === null ? "—" : gas(p.refresh)).padStart(10)}${gas(p.deploymentGas).padStart(12)}`,
  );
}
console.log("");
for (const c of checks) {
  const value = c.unit === "percent" ? `${c.value.toFixed(2)} %` : `${c.value.toFixed(2)}×`;
  console.log(`${c.met ? "met   " : "MISSED"}  ${c.target}: ${c.subject}: ${value}`);
}
console.log("");
console.log(`Wrote docs/benchmarks.md, docs/benchmarks.svg, docs/benchmarks.json in ${elapsed(started)}.`);
