/**
 * Journey 8: what goes wrong is said in one line that names the cause, never a blank page or a raw stack: a browser
 * without a wallet, a wallet on the wrong network, a signature the user rejects, and a transaction the contract
 * reverts (its custom error decoded). Each case also checks the chain: nothing was signed, sent or counted twice.
 */
import { expect } from "chai";
import type { Locator, Page } from "playwright-core";

import { relayBallot, signBallot } from "../../scripts/ops/ballots.js";
import { actingAs } from "../../scripts/ops/deployment.js";
import { SUPPORT } from "../../scripts/ops/motions.js";
import {
  openPortal,
  resetChain,
  seededHarness,
  signer,
  SETUP_TIMEOUT,
  WALLET_INFO,
} from "./harness/index.js";
import type { Harness, PortalPage } from "./harness/index.js";

const KAIROS = 1001;

/** The page's alerts, once one has shown. */
async function alerts(page: Page): Promise<Locator> {
  const alert = page.getByRole("alert");
  await alert.first().waitFor();
  return alert;
}

/** One alert, one line: its text. */
async function oneLineAlert(page: Page): Promise<string> {
  const alert = await alerts(page);
  expect(await alert.count(), "exactly one alert").to.equal(1);
  const text = (await alert.innerText()).trim();
  expect(text.split("\n"), `one line: "${text}"`).to.have.length(1);
  expect(text, "no stack trace or raw RPC dump").to.not.match(
    /\bat \S+ \(|Request Arguments|Details:|Version: viem/,
  );
  return text;
}

/** The page still shows its content: a heading and the main region are there. */
async function notBlank(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.locator('main[aria-busy="false"]').waitFor();
  expect((await page.locator("main").innerText()).trim()).to.not.equal("");
}

async function connect(p: PortalPage): Promise<void> {
  await p.page.getByRole("button", { name: `Connect ${WALLET_INFO.name}` }).click();
  await p.page.getByTestId("connected-account").waitFor();
}

describe("Portal: errors name their cause (journey 8)", function () {
  // A browser journey waits for pages and the chain: generous, so that a loaded machine (or coverage) is no failure.
  this.timeout(120_000);
  let h: Harness;
  let p: PortalPage | undefined;

  before(async function () {
    this.timeout(SETUP_TIMEOUT);
    h = await seededHarness();
  });

  afterEach(async function () {
    await p?.close();
    p = undefined;
  });

  after(async function () {
    await resetChain();
  });

  it("without a wallet, the council still reads and the page says no wallet was found", async function () {
    p = await openPortal({ wallet: false, route: "#/" });
    await notBlank(p.page);
    await p.page.getByRole("table", { name: "Council", exact: true }).locator("tbody tr").first().waitFor();
    expect(await oneLineAlert(p.page)).to.match(/^No wallet found: install a browser wallet/);
    expect(await p.page.getByRole("button", { name: /^Connect/ }).count()).to.equal(0);

    // Acting needs a wallet: the motion page says so instead of offering a button.
    await p.goto(`#/motions/${h.seeded.motions.Active}`);
    await notBlank(p.page);
    await p.page.getByText("You cannot vote now: Connect a wallet to act.").waitFor();
    expect(await p.page.getByRole("button", { name: "Vote For" }).count()).to.equal(0);
    await p.expectClean();
  });

  it("a wallet on another network gets one line naming both chains, and the switch fixes it", async function () {
    // Member 5 has not voted on the Active motion: once on the right network, it may.
    const member = h.seeded.members[4];
    p = await openPortal({
      wallet: { account: member.voter, chainId: KAIROS },
      route: `#/motions/${h.seeded.motions.Active}`,
    });
    await connect(p);
    const text = await oneLineAlert(p.page);
    expect(text).to.match(/^Wrong network: /);
    expect(text).to.include(String(KAIROS));
    expect(text).to.include(String(h.chain.chainId));
    await notBlank(p.page);
    expect(await p.page.getByRole("button", { name: "Vote For" }).count()).to.equal(0);

    await p.page.getByRole("button", { name: /^Switch to/ }).click();
    await p.page.getByRole("button", { name: "Vote For" }).waitFor();
    expect(await p.page.getByRole("alert").count()).to.equal(0);
    expect(p.wallet!.currentChainId).to.equal(h.chain.chainId);
    expect(p.wallet!.calls).to.include("wallet_switchEthereumChain");
    await p.expectClean();
  });

  it("a ballot signature rejected in the wallet says so in one line; nothing is signed", async function () {
    const c = h.seeded.contracts;
    const motion = h.seeded.motions.Active;
    const member = h.seeded.members[1];
    const nonce = await c.governor.nonces(member.voter);
    p = await openPortal({ wallet: { account: member.voter }, route: `#/motions/${motion}` });
    await connect(p);
    const sign = p.page.getByRole("button", { name: "Sign ballot" });
    await sign.waitFor();
    await p.page.locator('main[aria-busy="false"]').waitFor();
    p.wallet!.rejectNext();
    await sign.click();
    expect(await oneLineAlert(p.page)).to.equal("You rejected the request in your wallet (4001).");
    expect(p.wallet!.calls).to.include("eth_signTypedData_v4");
    expect(await p.page.getByText("Signed ballot").count()).to.equal(0);
    // On chain: no vote and no nonce used.
    expect(await c.governor.hasMemberVoted(motion, member.id)).to.equal(false);
    expect(await c.governor.nonces(member.voter)).to.equal(nonce);
    await notBlank(p.page);
    await p.expectClean();
  });

  it("a vote the contract reverts shows the decoded custom error; the member's vote counts once", async function () {
    const c = h.seeded.contracts;
    const motion = h.seeded.motions.Active;
    const member = h.seeded.members[3];
    const relayer = await signer(h.seeded.accounts.free[0]);
    p = await openPortal({ wallet: { account: member.voter }, route: `#/motions/${motion}` });
    await connect(p);
    const vote = p.page.getByRole("button", { name: "Vote For" });
    await vote.waitFor();
    await p.page.locator('main[aria-busy="false"]').waitFor();
    const tallyBefore = await c.governor.proposalVotes(motion);

    // The page checked the vote and the member approves it; meanwhile its signed ballot (Against) is relayed.
    p.wallet!.beforeNextSend(async () => {
      const ballot = await signBallot(actingAs(c, await signer(member.voter)), motion, SUPPORT.against);
      await relayBallot(actingAs(c, relayer), ballot);
    });
    await vote.click();
    const text = await oneLineAlert(p.page);
    expect(text).to.include(`GovernorMemberAlreadyVoted(${motion}, ${member.id})`);
    expect(p.wallet!.calls).to.include("eth_sendTransaction");

    // On chain: one vote by this member (the relayed Against), the page's For was refused.
    const [against, forVotes] = await c.governor.proposalVotes(motion);
    const weight = await c.vault.getPastMemberVotes(member.id, await c.governor.proposalSnapshot(motion));
    expect(against).to.equal(tallyBefore[0] + weight);
    expect(forVotes).to.equal(tallyBefore[1]);
    const cast = await c.governor.queryFilter(c.governor.filters.VoteCast(member.voter));
    expect(cast.filter((e) => e.args.proposalId === motion)).to.have.length(1);
    await notBlank(p.page);
    await p.expectClean();
  });
});
