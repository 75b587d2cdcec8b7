/**
 * WalletConnect, offline: it cannot connect without the WalletConnect relay (on the internet), so this checks what
 * can be checked here. Without a project id there is no WalletConnect button. With one (the runtime `config.json`'s
 * `walletConnectProjectId`), the button shows, the first load does not fetch the SDK, and hovering or focusing the
 * button loads wagmi's connector and `@walletconnect/ethereum-provider` from the build: no request leaves the
 * machine, no console error, and the chain is not touched by merely loading it.
 */
import { expect } from "chai";
import type { Request } from "playwright-core";

import { connect, journey, settled } from "./steps.js";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

describe("Portal: WalletConnect only when a project id is configured", function () {
  this.timeout(120_000);
  const j = journey();

  it("shows no WalletConnect button without a project id", async function () {
    expect(j.h.config.walletConnectProjectId ?? "").to.equal("");
    const p = await j.open({ route: "#/motions" });
    await settled(p.page);
    await p.page.getByRole("button", { name: "Connect GC Test Wallet" }).waitFor();
    expect(await p.page.getByRole("button", { name: "Connect with WalletConnect" }).count()).to.equal(0);
    await p.expectClean();
  });

  it("with a project id, shows the button and loads the connector on demand, offline", async function () {
    const { h } = j;
    const p = await j.open({ route: "#/motions" });
    const { page, context } = p;
    const outside: string[] = [];
    const scripts: string[] = [];
    await context.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (!LOCAL_HOSTS.has(url.hostname)) {
        outside.push(url.toString());
        await route.abort();
        return;
      }
      if (url.pathname.endsWith("/config.json")) {
        await route.fulfill({
          json: { ...h.config, walletConnectProjectId: "0123456789abcdef0123456789abcdef" },
        });
        return;
      }
      await route.continue();
    });
    const onRequest = (r: Request) => {
      if (r.resourceType() === "script") scripts.push(r.url());
    };
    page.on("request", onRequest);
    const blockBefore = await h.chain.connection.ethers.provider.getBlockNumber();
    await page.reload();
    await settled(page);

    const button = page.getByRole("button", { name: "Connect with WalletConnect" });
    await button.waitFor();
    expect(await button.getAttribute("data-sdk")).to.equal("idle");
    const firstLoad = scripts.length;
    expect(firstLoad).to.be.greaterThan(0);

    // Focus (or hover) loads the connector and its SDK: more script chunks, from this server only.
    await button.focus();
    await page.locator('button[data-sdk="ready"]').waitFor({ timeout: 30_000 });
    expect(scripts.length, "the SDK's chunks are fetched on demand").to.be.greaterThan(firstLoad);
    expect(outside, "no request leaves the machine").to.deep.equal([]);
    expect(await page.getByRole("alert").count()).to.equal(0);
    // The injected wallet is still offered beside it, and loading WalletConnect touched no chain state.
    await connect(p);
    expect(await h.chain.connection.ethers.provider.getBlockNumber()).to.equal(blockBefore);
    page.off("request", onRequest);
    await p.expectClean();
  });
});
