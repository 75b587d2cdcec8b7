/**
 * A headless Chromium for the portal's browser tests and the performance script, with no download: the system's
 * Chromium when `CHROMIUM_PATH` names one (or /usr/bin/chromium exists), otherwise the one the npm package
 * `@sparticuz/chromium` ships (installed by the README's `npm install`). `npx playwright install` is never needed.
 */
import { existsSync } from "node:fs";

import chromiumPackage from "@sparticuz/chromium";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";

/** Flags for a closed network, as root: no sandbox, no background connections, no first-run UI. */
const OFFLINE_FLAGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-default-apps",
  "--disable-extensions",
  "--disable-domain-reliability",
  "--metrics-recording-only",
];

/** @sparticuz/chromium's flags that a user's browser does not have: the tests must see what users see. */
const WEAKENING_FLAGS = [
  "--single-process",
  "--disable-web-security",
  "--allow-running-insecure-content",
  "--disable-site-isolation-trials",
];

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** Which Chromium will run, and with which flags. */
export async function chromiumExecutable(): Promise<{ path: string; args: string[]; source: string }> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== "") {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured}: no such file`);
    return { path: configured, args: OFFLINE_FLAGS, source: "CHROMIUM_PATH" };
  }
  const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
  if (system !== undefined) return { path: system, args: OFFLINE_FLAGS, source: "system" };
  // The package's flags suit a serverless sandbox. Keep them and add ours, but keep the browser's security as a
  // user's browser has it (CORS, mixed content), and never run a single process (which breaks Playwright's pages).
  const args = [...chromiumPackage.args, ...OFFLINE_FLAGS].filter(
    (flag, i, all) => !WEAKENING_FLAGS.includes(flag) && all.indexOf(flag) === i,
  );
  return { path: await chromiumPackage.executablePath(), args, source: "@sparticuz/chromium" };
}

/** Launches the headless Chromium. */
export async function launchChromium(): Promise<Browser> {
  const { path, args } = await chromiumExecutable();
  return chromium.launch({ executablePath: path, args, headless: true });
}
