/**
 * The injected test wallet behaves like a real one, so that journeys prove what a member's wallet would see: found
 * through EIP-6963, no accounts until the page asks, events on account and chain changes, chain switching and adding,
 * the user's refusal (4001), and signing and sending by the node's account.
 */
import { expect } from "chai";
import { verifyMessage } from "ethers";
import type { Page } from "playwright-core";

import { openPortal, resetChain, seededHarness, SETUP_TIMEOUT, WALLET_INFO } from "./harness/index.js";
import type { Harness, PortalPage } from "./harness/index.js";

/** Calls `window.ethereum.request` in the page; returns the result or the EIP-1193 error's code and message. */
async function request(page: Page, method: string, params: unknown[] = []): Promise<unknown> {
  return page.evaluate(
    `window.ethereum.request(${JSON.stringify({ method, params })}).then(
      (result) => ({ result }),
      (e) => ({ error: { code: e.code, message: e.message } }),
    )`,
  );
}

/** Starts recording the provider's events in the page (window.__events). */
async function recordEvents(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__events = [];
    for (const name of ["accountsChanged", "chainChanged"]) {
      window.ethereum.on(name, (payload) => window.__events.push([name, payload]));
    }
  })()`);
}

const events = (page: Page) => page.evaluate("window.__events") as Promise<[string, unknown][]>;

describe("Portal harness: the injected test wallet", function () {
  // A browser journey waits for pages and the chain: generous, so that a loaded machine (or coverage) is no failure.
  this.timeout(120_000);
  let h: Harness;
  let p: PortalPage;

  before(async function () {
    this.timeout(SETUP_TIMEOUT);
    h = await seededHarness();
  });

  beforeEach(async function () {
    p = await openPortal({ wallet: { account: h.seeded.members[0].voter }, route: "#/" });
    await recordEvents(p.page);
  });

  afterEach(async function () {
    await p.close();
  });

  after(async function () {
    await resetChain();
  });

  it("announces itself through EIP-6963 and as window.ethereum", async function () {
    const announced = (await p.page.evaluate(`new Promise((resolve) => {
      window.addEventListener("eip6963:announceProvider", (e) =>
        resolve({ info: e.detail.info, same: e.detail.provider === window.ethereum }), { once: true });
      window.dispatchEvent(new Event("eip6963:requestProvider"));
    })`)) as { info: typeof WALLET_INFO; same: boolean };
    expect(announced.info).to.deep.equal(WALLET_INFO);
    expect(announced.same).to.equal(true);
  });

  it("has no accounts until the page asks, then the selected one; revoking empties them", async function () {
    expect(await request(p.page, "eth_accounts")).to.deep.equal({ result: [] });
    expect(await request(p.page, "eth_requestAccounts")).to.deep.equal({
      result: [h.seeded.members[0].voter],
    });
    expect(await request(p.page, "eth_accounts")).to.deep.equal({ result: [h.seeded.members[0].voter] });
    await request(p.page, "wallet_revokePermissions", [{ eth_accounts: {} }]);
    expect(await request(p.page, "eth_accounts")).to.deep.equal({ result: [] });
    expect(await events(p.page)).to.deep.equal([
      ["accountsChanged", [h.seeded.members[0].voter]],
      ["accountsChanged", []],
    ]);
  });

  it("tells the page when the user picks another account", async function () {
    await request(p.page, "eth_requestAccounts");
    await p.wallet!.useAccount(h.seeded.members[1].voter);
    expect(await request(p.page, "eth_accounts")).to.deep.equal({ result: [h.seeded.members[1].voter] });
    expect((await events(p.page)).at(-1)).to.deep.equal(["accountsChanged", [h.seeded.members[1].voter]]);
  });

  it("refuses to sign or send before the site is connected (4100), and when the user rejects (4001)", async function () {
    const message = "0x6869";
    const signed = (await request(p.page, "personal_sign", [message, h.seeded.members[0].voter])) as {
      error: { code: number };
    };
    expect(signed.error.code).to.equal(4100);
    await request(p.page, "eth_requestAccounts");
    p.wallet!.rejectNext();
    const rejected = (await request(p.page, "personal_sign", [message, h.seeded.members[0].voter])) as {
      error: { code: number; message: string };
    };
    expect(rejected.error).to.deep.equal({ code: 4001, message: "User rejected the request." });
    // The next one is approved again, and signed by the node's account.
    const ok = (await request(p.page, "personal_sign", [message, h.seeded.members[0].voter])) as {
      result: string;
    };
    expect(verifyMessage("hi", ok.result)).to.equal(h.seeded.members[0].voter);
  });

  it("sends a transaction from the node's account", async function () {
    await request(p.page, "eth_requestAccounts");
    const to = h.seeded.accounts.free[1];
    const { ethers } = h.chain.connection;
    const before = await ethers.provider.getBalance(to);
    const sent = (await request(p.page, "eth_sendTransaction", [
      { from: h.seeded.members[0].voter, to, value: "0x3e8" },
    ])) as { result: string };
    const receipt = await ethers.provider.getTransactionReceipt(sent.result);
    expect(receipt?.status).to.equal(1);
    expect(receipt?.from).to.equal(h.seeded.members[0].voter);
    expect((await ethers.provider.getBalance(to)) - before).to.equal(1000n);
  });

  it("switches only to chains it knows (4902), adds a chain, and reports the chain it is on", async function () {
    const node = `0x${h.chain.chainId.toString(16)}`;
    expect(await request(p.page, "eth_chainId")).to.deep.equal({ result: node });
    const unknown = (await request(p.page, "wallet_switchEthereumChain", [{ chainId: "0x3e9" }])) as {
      error: { code: number };
    };
    expect(unknown.error.code).to.equal(4902);
    await request(p.page, "wallet_addEthereumChain", [
      { chainId: "0x3e9", chainName: "Kairos", rpcUrls: ["https://kairos.example"], nativeCurrency: {} },
    ]);
    expect(await request(p.page, "eth_chainId")).to.deep.equal({ result: "0x3e9" });
    expect(await request(p.page, "wallet_switchEthereumChain", [{ chainId: node }])).to.deep.equal({
      result: null,
    });
    expect(await request(p.page, "eth_chainId")).to.deep.equal({ result: node });
    expect(await events(p.page)).to.deep.equal([
      ["chainChanged", "0x3e9"],
      ["chainChanged", node],
    ]);
  });
});
