/**
 * The portal's browser-test harness, shared by every journey in test/portal/: one local chain seeded once
 * (scripts/portal/seed.ts, the council `npm start` serves), one build of the portal served on 127.0.0.1, one
 * headless Chromium (scripts/portal/browser.ts), all started by the first `harness()` call and closed by a root
 * `after` hook when mocha ends.
 *
 * Each journey opens pages with `openPortal()`: a fresh browser context, the injected test wallet (wallet.ts), and a
 * record of console errors; `expectClean()` fails on any console error and any serious or critical axe-core
 * violation. `resetChain()` puts the chain back to the seeded state, so journeys do not depend on each other.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";

import { expect } from "chai";
import hre from "hardhat";
import type { Browser, BrowserContext, Page } from "playwright-core";

import { launchChromium } from "../../../scripts/portal/browser.js";
import { buildPortal, PORTAL_DIST } from "../../../scripts/portal/build.js";
import { startLocalChain } from "../../../scripts/portal/local-chain.js";
import type { LocalChain } from "../../../scripts/portal/local-chain.js";
import { runtimeConfig } from "../../../scripts/portal/portal.js";
import type { PortalRuntimeConfig } from "../../../scripts/portal/portal.js";
import { seedCouncil, SEED_START } from "../../../scripts/portal/seed.js";
import type { SeededCouncil } from "../../../scripts/portal/seed.js";
import { startStaticServer } from "../../../scripts/portal/static-server.js";
import type { StaticServer } from "../../../scripts/portal/static-server.js";
import { axeViolations } from "./axe.js";

export { axeViolations } from "./axe.js";
import { installWallet } from "./wallet.js";
import type { TestWallet } from "./wallet.js";

export { TestWallet, WALLET_INFO } from "./wallet.js";
export type { SeededCouncil } from "../../../scripts/portal/seed.js";

/** Where tests write page screenshots: a git-ignored folder, unless PORTAL_SCREENSHOTS_DIR says otherwise. */
export const SCREENSHOTS_DIR = path.resolve(process.env.PORTAL_SCREENSHOTS_DIR ?? "cache/portal-screenshots");

/** The viewport of every page (and so of every screenshot). */
export const VIEWPORT = { width: 1280, height: 900 } as const;

/** Time for the first `harness()` (build, seed, browser): the build alone can take a minute on two cores. */
export const SETUP_TIMEOUT = 240_000;

export interface Harness {
  chain: LocalChain;
  seeded: SeededCouncil;
  web: StaticServer;
  browser: Browser;
  config: PortalRuntimeConfig;
  /** The portal's URL (ends with "/"). */
  url: string;
}

let started: Promise<Harness> | undefined;
let seededSnapshot: string | undefined;

async function start(): Promise<Harness> {
  await buildPortal(() => undefined);
  const chain = await startLocalChain(hre, { startTime: SEED_START });
  const seeded = await seedCouncil(chain.connection);
  seededSnapshot = await snapshot(chain);
  const config = runtimeConfig(chain, seeded.addresses, seeded.deploymentBlock);
  const web = await startStaticServer(PORTAL_DIST, config);
  const browser = await launchChromium();
  return { chain, seeded, web, browser, config, url: web.url };
}

/** The shared harness, started on first use (give the calling hook SETUP_TIMEOUT). */
export function harness(): Promise<Harness> {
  started ??= start();
  return started;
}

async function snapshot(chain: LocalChain): Promise<string> {
  return String(await chain.connection.provider.request({ method: "evm_snapshot" }));
}

/** For a journey's `before` hook (give it SETUP_TIMEOUT): the harness, with the chain back in the seeded state. */
export async function seededHarness(): Promise<Harness> {
  const h = await harness();
  await resetChain();
  return h;
}

/** Puts the chain back to the seeded state (and the clock to the seed's end). */
export async function resetChain(): Promise<void> {
  const h = await harness();
  if (seededSnapshot === undefined) throw new Error("no seeded snapshot");
  const reverted = await h.chain.connection.provider.request({
    method: "evm_revert",
    params: [seededSnapshot],
  });
  if (reverted !== true) throw new Error("evm_revert to the seeded snapshot failed");
  seededSnapshot = await snapshot(h.chain);
}

/**
 * Takes a snapshot of the chain now; the returned function puts the chain back to it (once). For a journey that
 * wants to undo only its own steps; `resetChain()` goes back to the seeded state.
 */
export async function snapshotChain(): Promise<() => Promise<void>> {
  const h = await harness();
  const id = await snapshot(h.chain);
  return async () => {
    const reverted = await h.chain.connection.provider.request({ method: "evm_revert", params: [id] });
    if (reverted !== true) throw new Error(`evm_revert to snapshot ${id} failed`);
  };
}

/** A signer for one of the node's accounts (ethers), to act or to check on chain. */
export async function signer(address: string) {
  return (await harness()).chain.connection.ethers.getSigner(address);
}

/** Mines a block at exactly `timestamp` (seconds): the chain's clock, pinned. */
export async function timeTravelTo(timestamp: bigint): Promise<void> {
  const { provider } = (await harness()).chain.connection;
  await provider.request({ method: "evm_setNextBlockTimestamp", params: [`0x${timestamp.toString(16)}`] });
  await provider.request({ method: "evm_mine", params: [] });
}

/** Moves the clock `seconds` past the latest block, pinned (a block at exactly that time); returns the new time. */
export async function increaseTime(seconds: bigint): Promise<bigint> {
  const target = (await chainTime()) + seconds;
  await timeTravelTo(target);
  return target;
}

/** The chain's clock: the latest block's timestamp. */
export async function chainTime(): Promise<bigint> {
  const { ethers } = (await harness()).chain.connection;
  const block = await ethers.provider.getBlock("latest");
  if (block === null) throw new Error("no latest block");
  return BigInt(block.timestamp);
}

export interface OpenOptions {
  /** The test wallet: `false` for a browser without any wallet. Default: installed, not yet connected. */
  wallet?:
    | false
    | {
        /** The selected account (default: member 1's voter). */
        account?: string;
        /** The chain the wallet is on (default: the node's). */
        chainId?: number;
        /** Already connected to the site, as a wallet that remembers it (default: false). */
        connected?: boolean;
      };
  /** The route to open after the portal's URL, e.g. "#/motions/3" (default: the council page). */
  route?: string;
  /** The portal's URL (default: the seeded council's portal; kaia.ts serves another deployment's). */
  url?: string;
}

export interface PortalPage {
  page: Page;
  context: BrowserContext;
  /** The test wallet; undefined when opened without one. */
  wallet?: TestWallet;
  /** Console errors and uncaught page errors so far. */
  errors: string[];
  /** Navigates to a route of the portal (e.g. "#/motions"). */
  goto(route: string): Promise<void>;
  /** Fails on any console error so far and on any serious or critical axe-core violation of the current page. */
  expectClean(): Promise<void>;
  /** Writes the current page to SCREENSHOTS_DIR/<name>.png. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

const openPages = new Set<PortalPage>();

/** Opens the portal in a fresh browser context with the test wallet (see OpenOptions). */
export async function openPortal(options: OpenOptions = {}): Promise<PortalPage> {
  const h = await harness();
  const context = await h.browser.newContext({
    viewport: VIEWPORT,
    locale: "en-US",
    timezoneId: "UTC",
    colorScheme: "light",
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  let wallet: TestWallet | undefined;
  if (options.wallet !== false) {
    const w = options.wallet ?? {};
    wallet = await installWallet(page, {
      node: h.chain.connection.provider,
      nodeChainId: h.chain.chainId,
      account: w.account ?? h.seeded.members[0].voter,
      chainId: w.chainId,
      connected: w.connected,
    });
  }
  const portalPage: PortalPage = {
    page,
    context,
    wallet,
    errors,
    async goto(route) {
      await page.goto(new URL(route, options.url ?? h.url).toString());
    },
    async expectClean() {
      expect(errors, `console errors on ${page.url()}`).to.deep.equal([]);
      const violations = await axeViolations(page);
      expect(violations, `serious or critical accessibility violations on ${page.url()}`).to.deep.equal([]);
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
      return file;
    },
    async close() {
      openPages.delete(portalPage);
      await context.close();
    },
  };
  openPages.add(portalPage);
  await portalPage.goto(options.route ?? "");
  return portalPage;
}

// Root hook: mocha runs it once, after every suite of the run (this module is loaded once).
after(async function () {
  this.timeout(30_000);
  if (started === undefined) return;
  const h = await started.catch(() => undefined);
  for (const p of [...openPages]) await p.close().catch(() => undefined);
  if (h === undefined) return;
  await h.browser.close();
  await h.web.close();
  await h.chain.close();
});
