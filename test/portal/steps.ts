/**
 * Steps the portal journeys share (journeys 2–7 and 9): connect the test wallet, wait for the page to settle, wait
 * for a text, and read the transaction hash of a confirmed action.
 */
import { expect } from "chai";
import type { Locator, Page } from "playwright-core";

import { harness, openPortal, resetChain, SETUP_TIMEOUT } from "./harness/index.js";
import type { Harness, OpenOptions, PortalPage } from "./harness/index.js";

/** Connects the injected test wallet (announced through EIP-6963) from the wallet bar. */
export async function connect(p: PortalPage): Promise<void> {
  await p.page.getByRole("button", { name: "Connect GC Test Wallet" }).click();
  await p.page.getByTestId("connected-account").waitFor();
}

/** Waits until no read is in flight (`main[aria-busy=false]`). */
export async function settled(page: Page): Promise<void> {
  await page.locator('main[aria-busy="false"]').waitFor();
}

/** Waits until the locator's text matches. */
export async function waitForText(
  locator: Locator,
  expected: string | RegExp,
  timeout = 15_000,
): Promise<string> {
  const until = Date.now() + timeout;
  let text = "";
  for (;;) {
    text = (await locator.innerText().catch(() => "")).trim();
    if (typeof expected === "string" ? text === expected : expected.test(text)) return text;
    if (Date.now() > until) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(text, `text of ${locator.toString()}`).to.match(
    typeof expected === "string" ? new RegExp(`^${expected}$`) : expected,
  );
  return text;
}

/** Clicks an action's button and returns the hash of its confirmed transaction (from the "Done: …" line). */
export async function act(page: Page, label: string): Promise<string> {
  await page.getByRole("button", { name: label, exact: true }).click();
  const done = page.getByRole("status").filter({ hasText: `Done: ${label} confirmed` });
  const failed = page.getByRole("alert");
  await Promise.race([done.waitFor(), failed.first().waitFor()]);
  if (!(await done.isVisible())) expect.fail(`"${label}" failed: ${await failed.first().innerText()}`);
  const hash = /\((0x[0-9a-f]{64})\)/.exec(await done.innerText())?.[1];
  expect(hash, `the page names ${label}'s transaction`).to.match(/^0x[0-9a-f]{64}$/);
  return hash!;
}

/** Switches the test wallet to another account and waits until the page shows it. */
export async function switchAccount(p: PortalPage, address: string): Promise<void> {
  await p.wallet!.useAccount(address);
  await waitForText(
    p.page.getByTestId("connected-account"),
    new RegExp(`${address.slice(0, 6)}…${address.slice(-4)}`),
  );
}

/** Reloads the page (after time travel) and reconnects if the wallet bar asks again. */
export async function reload(p: PortalPage): Promise<void> {
  await p.page.reload();
  // The wallet remembers the site, so the portal reconnects by itself; connect only if it has not after a while.
  const connected = p.page.getByTestId("connected-account");
  const reconnected = await connected.waitFor({ timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (!reconnected) await connect(p);
  await settled(p.page);
}

export interface Journey {
  /** The shared harness (after the suite's `before`). */
  readonly h: Harness;
  /** Opens the portal; the page is closed after the test. */
  open(options: OpenOptions): Promise<PortalPage>;
}

/**
 * Registers a journey suite's hooks: the chain back to the seeded state before it (the first call also starts the
 * harness), and every page it opened closed after each test.
 */
export function journey(): Journey {
  let started: Harness | undefined;
  const pages: PortalPage[] = [];
  before(async function () {
    this.timeout(SETUP_TIMEOUT);
    await resetChain();
    started = await harness();
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close();
  });
  return {
    get h() {
      if (started === undefined) throw new Error("the harness starts in the suite's before hook");
      return started;
    },
    async open(options) {
      const p = await openPortal(options);
      pages.push(p);
      return p;
    },
  };
}
