/**
 * `npm run portal:measure`: the portal's performance on a large council, measured (never asserted in tests) and
 * written into docs/portal.md between the `measure:begin` and `measure:end` markers.
 *
 * A council of 40 members with 100 motions is deployed and seeded on a local chain; the built portal is opened in
 * headless Chromium (a fresh profile each run, so nothing is cached) and, for the council page and the motions list:
 * - the time from navigation to the table being shown with its rows, and to every read being done
 *   (`main[aria-busy="false"]`);
 * - the RPC requests of that page load, as HTTP requests and as JSON-RPC calls (a batch is one request);
 * - the JavaScript the first load fetched, gzipped.
 * Each page is loaded RUNS times and the median is reported. Environment: MEASURE_MEMBERS, MEASURE_MOTIONS, MEASURE_RUNS.
 */
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { gzipSync } from "node:zlib";

import hre from "hardhat";
import type { Browser, Page } from "playwright-core";

import { launchChromium, chromiumExecutable } from "./browser.js";
import { buildPortal, PORTAL_DIST } from "./build.js";
import { startLocalChain } from "./local-chain.js";
import { runtimeConfig } from "./portal.js";
import { largeCouncilAccounts, seedLargeCouncil, SEED_START } from "./seed.js";
import { startStaticServer } from "./static-server.js";

const MEMBERS = Number(process.env.MEASURE_MEMBERS ?? 40);
const MOTIONS = Number(process.env.MEASURE_MOTIONS ?? 100);
const RUNS = Number(process.env.MEASURE_RUNS ?? 5);
const DOC = new URL("../../docs/portal.md", import.meta.url);
const BEGIN = "<!-- measure:begin -->";
const END = "<!-- measure:end -->";

/** Targets from the portal's issue. */
const TARGETS = { usableMs: 2000, firstLoadJsGzipKb: 250 };

interface Load {
  shownMs: number;
  idleMs: number;
  httpRequests: number;
  rpcCalls: number;
  byMethod: Record<string, number>;
  jsGzipBytes: number;
  jsFiles: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function load(
  browser: Browser,
  url: string,
  rows: string,
  minRows: number,
  rpc: { resetStats(): void; stats: { posts: number; calls: number; byMethod: Record<string, number> } },
): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page: Page = await context.newPage();
  const scripts: Promise<number>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") {
      scripts.push(
        response
          .body()
          .then((body) => gzipSync(body).length)
          .catch(() => 0),
      );
    }
  });
  rpc.resetStats();
  await page.goto(url);
  await page.waitForFunction(
    `document.querySelectorAll(${JSON.stringify(rows)}).length >= ${minRows}`,
    undefined,
    { timeout: 60_000, polling: "raf" },
  );
  const shownMs = Number(await page.evaluate("performance.now()"));
  await page.waitForFunction(`document.querySelector('main[aria-busy="false"]') !== null`, undefined, {
    timeout: 60_000,
    polling: "raf",
  });
  const idleMs = Number(await page.evaluate("performance.now()"));
  // Let any request already fired land before counting.
  await page.waitForTimeout(300);
  const sizes = await Promise.all(scripts);
  const result: Load = {
    shownMs,
    idleMs,
    httpRequests: rpc.stats.posts,
    rpcCalls: rpc.stats.calls,
    byMethod: { ...rpc.stats.byMethod },
    jsGzipBytes: sizes.reduce((a, b) => a + b, 0),
    jsFiles: sizes.length,
  };
  await context.close();
  return result;
}

const started = Date.now();
console.log("Building the portal when stale…");
await buildPortal((line) => console.log(`  ${line}`));
// The founding council is deployed in one transaction: for 40 members it exceeds the per-transaction gas cap and the
// init-code size limit, which this measuring chain lifts (as the gas benchmark does, scripts/lib/chain.ts).
const chain = await startLocalChain(hre, {
  accounts: largeCouncilAccounts(MEMBERS),
  startTime: SEED_START,
  networkOverrides: {
    blockGasLimit: 1_000_000_000n,
    transactionGasCap: false,
    allowUnlimitedContractSize: true,
  },
});
const pages = [
  { name: "Council", route: "#/", rows: 'table[aria-label="Council"] tbody tr', minRows: MEMBERS },
  { name: "Motions list", route: "#/motions", rows: 'table[aria-label="Motions"] tbody tr', minRows: 25 },
];
const results: { name: string; loads: Load[] }[] = [];
let motionCount = MOTIONS;
try {
  const council = await seedLargeCouncil(chain.connection, MEMBERS, MOTIONS, (line) => console.log(line));
  motionCount = council.motions;
  const web = await startStaticServer(
    PORTAL_DIST,
    runtimeConfig(chain, council.addresses, council.deploymentBlock),
  );
  const browser = await launchChromium();
  console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s; measuring ${RUNS} loads per page…`);
  try {
    for (const p of pages) {
      const loads: Load[] = [];
      for (let i = 0; i < RUNS; i++) {
        loads.push(await load(browser, `${web.url}${p.route}`, p.rows, p.minRows, chain.rpc));
      }
      results.push({ name: p.name, loads });
    }
  } finally {
    await browser.close();
    await web.close();
  }
} catch (error) {
  console.error(`Error: ${(error as Error).message}`);
  await chain.close();
  process.exit(1);
}
await chain.close();

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (x: number) => `${Math.round(x)} ms`;
const verdict = (ok: boolean) => (ok ? "meets" : "misses");
const { source } = await chromiumExecutable();
const lines = [
  BEGIN,
  "",
  `Measured by \`npm run portal:measure\` on ${new Date().toISOString().slice(0, 10)}: a council of ${MEMBERS} members ` +
    `with ${motionCount} motions on a local Hardhat node, the production build served from 127.0.0.1, headless ` +
    `Chromium (${source}), a fresh profile per load, median of ${RUNS} loads; ${os.cpus().length} CPU cores ` +
    `(${os.cpus()[0]?.model.trim() ?? "unknown"}), load average ${os.loadavg()[0].toFixed(1)} at the end.`,
  "",
  "| page | table shown | all reads done | target | RPC: HTTP requests | RPC: JSON-RPC calls | first-load JS (gzip) | target |",
  "|---|---|---|---|---|---|---|---|",
  ...results.map(({ name, loads }) => {
    const shown = median(loads.map((l) => l.shownMs));
    const idle = median(loads.map((l) => l.idleMs));
    const js = median(loads.map((l) => l.jsGzipBytes));
    return (
      `| ${name} | ${ms(shown)} | ${ms(idle)} | ≤ ${TARGETS.usableMs} ms: ${verdict(shown <= TARGETS.usableMs)} | ` +
      `${median(loads.map((l) => l.httpRequests))} | ${median(loads.map((l) => l.rpcCalls))} | ` +
      `${kb(js)} kB in ${median(loads.map((l) => l.jsFiles))} files | ≤ ${TARGETS.firstLoadJsGzipKb} kB: ` +
      `${verdict(js / 1024 <= TARGETS.firstLoadJsGzipKb)} |`
    );
  }),
  "",
  "JSON-RPC calls by method (median load):",
  "",
  ...results.map(({ name, loads }) => {
    const l = [...loads].sort((a, b) => a.rpcCalls - b.rpcCalls)[Math.floor(loads.length / 2)];
    const methods = Object.entries(l.byMethod)
      .sort((a, b) => b[1] - a[1])
      .map(([m, n]) => `\`${m}\` ${n}`)
      .join(", ");
    return `- ${name}: ${methods}`;
  }),
  "",
  END,
];
const text = lines.join("\n");
console.log(text);
const doc = readFileSync(DOC, "utf8");
const begin = doc.indexOf(BEGIN);
const end = doc.indexOf(END);
if (begin === -1 || end === -1) {
  console.log(`docs/portal.md has no ${BEGIN} … ${END} section: results printed only.`);
} else {
  writeFileSync(DOC, doc.slice(0, begin) + text + doc.slice(end + END.length));
  console.log("Written to docs/portal.md.");
}
