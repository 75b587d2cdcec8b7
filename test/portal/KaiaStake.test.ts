/**
 * Journey 11: the Stake page with a Kaia stake source (harness/kaia.ts: two Kaia-mode councils on the test chain,
 * one in read mode and one in tracker mode, the AddressBook mock at Kaia's address). The page finds the mode on the
 * chain, hides bonding, and follows the chain: a CnStaking balance that changed without a callback shows stale,
 * anyone refreshes it and the votes follow; a member's CnStaking is linked through the AddressBook (a wrong contract
 * is refused in one line first); in tracker mode a CnStaking that points at another tracker is named, and counts 0
 * once refreshed. A motion to link a CnStaking by governance is built on the Propose page (the vault's KaiaStakeVault
 * functions are offered, the community contracts this deployment lacks are refused in one line), proposed and decoded
 * on its page; the member page shows no unbonding figure, and its stake chart follows the refreshes.
 */
import { readFileSync } from "node:fs";

import { expect } from "chai";
import { getAddress } from "ethers";
import type { ContractTransactionReceipt } from "ethers";

import { connectContracts } from "../../scripts/ops/deployment.js";
import { argumentContext, classify, encodeProposal } from "../../scripts/ops/proposals.js";
import { DAY, SEED_ACCOUNT, SEED_END } from "../../scripts/portal/seed.js";
import { deployKaiaCouncil } from "./harness/kaia.js";
import type { KaiaCouncil } from "./harness/kaia.js";
import { SETUP_TIMEOUT, snapshotChain, timeTravelTo } from "./harness/index.js";
import { act, connect, journey, reload, settled, waitForText } from "./steps.js";

/** The Kaia councils are deployed one day after the seed ends, at a pinned time. */
const KAIA_START = SEED_END + DAY;

/** Whole coins as the page groups them: "5,000,000". */
function coins(wei: bigint): string {
  return (wei / 10n ** 18n).toLocaleString("en-US");
}

function short(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** The decoded events of one of the vault's transactions. */
async function vaultEvents(k: KaiaCouncil, hash: string): Promise<{ name: string; args: unknown[] }[]> {
  const receipt = (await k.vault.runner!.provider!.getTransactionReceipt(hash)) as ContractTransactionReceipt;
  expect(receipt.status).to.equal(1);
  const vault = (await k.vault.getAddress()).toLowerCase();
  return receipt.logs
    .filter((l) => l.address.toLowerCase() === vault)
    .map((l) => k.vault.interface.parseLog(l))
    .filter((l) => l !== null)
    .map((l) => ({ name: l.name, args: [...l.args] }));
}

describe("Portal journey 11: the Stake page with a Kaia stake source", function () {
  this.timeout(120_000);
  const j = journey();
  let read: KaiaCouncil;
  let tracker: KaiaCouncil;
  let restore: () => Promise<void>;

  before(async function () {
    this.timeout(SETUP_TIMEOUT);
    await timeTravelTo(KAIA_START);
    // Read mode: member 2's CnStaking is listed in the AddressBook but not linked yet.
    read = await deployKaiaCouncil(j.h, { trackerMode: false, linked: [1, 3, 4], nodePrefix: 0xb0 });
    tracker = await deployKaiaCouncil(j.h, { trackerMode: true, nodePrefix: 0xc0 });
  });
  beforeEach(async () => {
    restore = await snapshotChain();
  });
  afterEach(async () => {
    await restore();
  });
  after(async () => {
    await read?.close();
    await tracker?.close();
  });

  it("read mode: a CnStaking balance changes, the page shows it stale, anyone refreshes and the votes follow", async function () {
    const k = read;
    const m = k.members[0];
    const unit = k.stakeUnit;
    const p = await j.open({ wallet: { account: m.admin.address }, route: "#/stake", url: k.url });
    const { page } = p;
    await connect(p);
    await waitForText(page.getByTestId("stake-source"), /^Stake source: Kaia CnStaking, read mode: /);
    expect(await page.getByTestId("stake-source").innerText()).to.contain(
      "AddressBook 0x0000000000000000000000000000000000000400",
    );
    const row = page.getByTestId("kaia-member-1");
    await waitForText(row.getByTestId("record"), "current");
    expect(await row.getByTestId("recorded").innerText()).to.equal(coins(unit));
    expect(await row.getByTestId("votes").innerText()).to.equal("1");
    expect(await page.getByTestId("kaia-member-2").getByTestId("record").innerText()).to.equal(
      "no CnStaking linked",
    );
    // Bonding is not offered: the vault refuses it in Kaia mode.
    expect(await page.getByLabel("Amount to stake", { exact: false }).count()).to.equal(0);
    expect(await page.getByRole("button", { name: "Request unstake" }).count()).to.equal(0);
    await settled(page);
    await p.expectClean();

    // Member 1 stakes one more unit in its CnStaking. In read mode no callback reaches the vault: the record stays.
    await (await m.cn.connect(m.admin).stakeKlay({ value: unit })).wait();
    expect((await k.vault.stakingLink(m.cnAddress))[1]).to.equal(unit);
    expect(await k.vault.effectiveStake(m.cnAddress)).to.equal(2n * unit);
    expect(await k.vault.memberVotes(1n)).to.equal(1n);

    await reload(p);
    await waitForText(row.getByTestId("record"), "stale: refresh its contract below");
    expect(await row.getByTestId("recorded").innerText()).to.equal(coins(unit));
    expect(await row.getByTestId("current").innerText()).to.equal(coins(2n * unit));
    const contractRow = page.getByTestId(`staking-${m.cnAddress.toLowerCase()}`);
    expect(await contractRow.getByTestId("record").innerText()).to.equal("stale: refresh it");
    await settled(page);
    await p.expectClean();

    // The refresh is recorded on chain and the member's votes rise to 2 (the cap with three eligible members).
    const hash = await act(page, `Refresh ${short(m.cnAddress)}`);
    const events = await vaultEvents(k, hash);
    expect(events.find((e) => e.name === "StakeRefreshed")?.args).to.deep.equal([
      m.cnAddress,
      1n,
      2n * unit,
      2n * unit,
    ]);
    expect((await k.vault.stakingLink(m.cnAddress))[1]).to.equal(2n * unit);
    expect(await k.vault.memberVotes(1n)).to.equal(2n);
    await waitForText(row.getByTestId("votes"), "2");
    await waitForText(row.getByTestId("record"), "current");
    expect(await row.getByTestId("recorded").innerText()).to.equal(coins(2n * unit));
    await waitForText(contractRow.getByTestId("record"), "current");
    await settled(page);
    await p.expectClean();

    // The member page's stake chart follows the vault's StakeRefreshed events: its latest point is the new stake.
    await p.goto("#/members/1");
    await page
      .getByRole("img", {
        name: new RegExp(
          `^Stake \\(KAIA, from vault events\\)\\. stake: ${coins(2n * unit)} at \\d{4}-\\d{2}-\\d{2}$`,
        ),
      })
      .waitFor({ timeout: 15_000 });
    await settled(page);
    await p.expectClean();
  });

  it("read mode: anyone links a member's CnStaking through the AddressBook; a wrong contract is refused in one line", async function () {
    const k = read;
    const [m1, m2] = k.members;
    const anyone = (await j.h.chain.connection.ethers.getSigners())[SEED_ACCOUNT.firstFree + 4].address;
    const p = await j.open({ wallet: { account: anyone }, route: "#/stake", url: k.url });
    const { page } = p;
    await connect(p);
    await page.getByLabel("Member", { exact: true }).selectOption(m2.id.toString());
    await waitForText(
      page.getByTestId("address-book-entry"),
      `The AddressBook lists ${m2.cnAddress} for this node.`,
    );
    expect(await page.getByLabel("Consensus node", { exact: true }).inputValue()).to.equal(
      getAddress(m2.node),
    );
    expect(await page.getByLabel("CnStaking address", { exact: true }).inputValue()).to.equal(m2.cnAddress);

    // Another member's contract for this node: the vault's own check refuses it, before anything is sent.
    await page.getByLabel("CnStaking address", { exact: true }).fill(m1.cnAddress);
    const refusal = await waitForText(
      page.locator(".why-not").filter({ hasText: "link this contract" }),
      `You cannot link this contract now: Refused by the contract: KaiaStakeVaultNotInAddressBook(${getAddress(m2.node)}, ${m1.cnAddress})`,
    );
    expect(refusal).to.not.contain("\n");
    expect(await page.getByRole("button", { name: "Link by AddressBook" }).count()).to.equal(0);
    await settled(page);
    await p.expectClean();

    await page.getByLabel("CnStaking address", { exact: true }).fill(m2.cnAddress);
    const hash = await act(page, "Link by AddressBook");
    const events = await vaultEvents(k, hash);
    expect(events.find((e) => e.name === "StakingLinked")?.args).to.deep.equal([
      2n,
      m2.cnAddress,
      102n,
      false,
    ]);
    expect(await k.vault.stakingLink(m2.cnAddress)).to.deep.equal([2n, k.stakeUnit]);
    expect(await k.vault.memberVotes(2n)).to.equal(1n);
    const row = page.getByTestId("kaia-member-2");
    await waitForText(row.getByTestId("record"), "current");
    expect(await row.getByTestId("recorded").innerText()).to.equal(coins(k.stakeUnit));
    expect(await row.getByTestId("votes").innerText()).to.equal("1");
    const contractRow = page.getByTestId(`staking-${m2.cnAddress.toLowerCase()}`);
    await contractRow.waitFor();
    expect(await contractRow.locator("td").nth(3).innerText()).to.equal("AddressBook");
    await settled(page);
    await p.expectClean();
  });

  it("tracker mode: a CnStaking that points at another tracker is named, shows stale, and counts 0 once refreshed", async function () {
    const k = tracker;
    const [m1, m2] = k.members;
    // Member 2 points its CnStaking at another StakingTracker (the read-mode council's vault): our record is stale.
    const elsewhere = await read.vault.getAddress();
    await (await m2.cn.connect(m2.admin).updateStakingTracker(elsewhere)).wait();
    expect(await k.vault.effectiveStake(m2.cnAddress)).to.equal(0n);
    expect((await k.vault.stakingLink(m2.cnAddress))[1]).to.equal(k.stakeUnit);

    const anyone = (await j.h.chain.connection.ethers.getSigners())[SEED_ACCOUNT.firstFree + 4].address;
    const p = await j.open({ wallet: { account: anyone }, route: "#/stake", url: k.url });
    const { page } = p;
    await connect(p);
    await waitForText(page.getByTestId("stake-source"), /^Stake source: Kaia CnStaking, tracker mode: /);
    const row1 = page.getByTestId(`staking-${m1.cnAddress.toLowerCase()}`);
    const row2 = page.getByTestId(`staking-${m2.cnAddress.toLowerCase()}`);
    await waitForText(row1.getByTestId("tracker"), "points at this council");
    expect(await row1.getByTestId("record").innerText()).to.equal("current");
    expect(await row2.getByTestId("tracker").innerText()).to.equal(
      `points elsewhere (${short(elsewhere)}): counts 0`,
    );
    expect(await row2.getByTestId("record").innerText()).to.equal("stale: refresh it");
    expect(await row2.getByTestId("current").innerText()).to.equal("0");
    await settled(page);
    await p.expectClean();

    const hash = await act(page, `Refresh ${short(m2.cnAddress)}`);
    const events = await vaultEvents(k, hash);
    expect(events.find((e) => e.name === "StakeRefreshed")?.args).to.deep.equal([m2.cnAddress, 2n, 0n, 0n]);
    expect(await k.vault.memberVotes(2n)).to.equal(0n);
    expect(await k.vault.isEligible(2n)).to.equal(false);
    const member2 = page.getByTestId("kaia-member-2");
    await waitForText(member2.getByTestId("votes"), "0");
    await waitForText(row2.getByTestId("record"), "current");
    await settled(page);
    await p.expectClean();
  });

  it("read mode: a motion links a CnStaking by governance, built on the Propose page and decoded on its page", async function () {
    const k = read;
    const m2 = k.members[1]; // listed in the AddressBook, not linked
    const { ethers } = j.h.chain.connection;
    const c = await connectContracts(k.addresses, ethers.provider);
    const doc = {
      description:
        "# Link Lumen Staking's CnStaking\n\nGovernance links it while the AddressBook entry is being fixed.",
      actions: [
        { contract: "StakeVault", function: "linkStaking(uint256,address)", args: ["2", m2.cnAddress] },
      ],
    };
    const cli = encodeProposal(await argumentContext(c), doc, "link.json");
    const secretariat = (await ethers.getSigners())[SEED_ACCOUNT.secretariat].address;
    const p = await j.open({ wallet: { account: secretariat }, route: "#/propose", url: k.url });
    const { page } = p;
    await connect(p);

    // This deployment has no community contracts: a file naming one is refused in one line, and none is offered.
    await page
      .getByLabel("Proposal JSON")
      .fill(readFileSync(new URL("../../docs/examples/appoint-advisor.json", import.meta.url), "utf8"));
    await page.getByRole("button", { name: "Import JSON" }).click();
    await waitForText(
      page.getByRole("alert"),
      `actions[0].contract "AdvisorBoard": this deployment has no AdvisorBoard (config.json's addresses lack CouncilGovernance#AdvisorBoard)`,
    );
    const offered = await page.getByLabel("Contract (action 1)").locator("option").allInnerTexts();
    expect(offered).to.include("StakeVault").and.not.include("AdvisorBoard").and.not.include("CommunityVeto");

    // The vault's Kaia functions are offered; the built call is the CLI's.
    await page.getByLabel("Description (Markdown; the first line is the title)").fill(doc.description);
    await page.getByLabel("Contract (action 1)").selectOption("StakeVault");
    const fns = await page.getByLabel("Function (action 1)").locator("option").allInnerTexts();
    expect(fns).to.include("linkStaking(uint256,address)").and.include("unlinkStaking(address)");
    await page.getByLabel("Function (action 1)").selectOption("linkStaking(uint256,address)");
    await page.getByLabel("memberId (uint256) (action 1)").fill("2");
    await page.getByLabel("staking (address) (action 1)").fill(m2.cnAddress);
    const shown = page.getByTestId("action");
    await waitForText(shown.locator("strong").first(), "StakeVault.linkStaking");
    expect(await shown.locator('[data-arg="staking"]').innerText()).to.equal(m2.cnAddress);
    expect(await shown.getByTestId("raw-target").textContent()).to.equal(k.addresses.vault);
    expect(await shown.getByTestId("raw-calldata").textContent()).to.equal(cli.calldatas[0]);
    const motionClass = await classify(c, cli);
    await waitForText(page.getByTestId("derived-class-name"), motionClass);

    const hash = await act(page, "Propose motion");
    const receipt = await ethers.provider.getTransactionReceipt(hash);
    const created = receipt!.logs
      .map((l) => c.governor.interface.parseLog(l))
      .find((e) => e?.name === "ProposalCreated");
    expect([...created!.args.targets]).to.deep.equal([k.addresses.vault]);
    expect([...created!.args.calldatas]).to.deep.equal([
      k.vault.interface.encodeFunctionData("linkStaking", [2n, m2.cnAddress]),
    ]);
    const motionId = created!.args.proposalId as bigint;
    await p.goto(`#/motions/${motionId}`);
    const action = page.getByTestId("action");
    await waitForText(action.locator("strong").first(), "StakeVault.linkStaking");
    expect(await action.locator('[data-arg="memberId"]').innerText()).to.equal("2");
    expect(await action.locator('[data-arg="staking"]').innerText()).to.equal(m2.cnAddress);
    await waitForText(page.getByTestId("action-class"), new RegExp(`^Class: ${motionClass}`));

    // Nothing bonds in Kaia mode, so the member page shows the stake without an unbonding figure.
    await p.goto("#/members/1");
    await waitForText(page.getByTestId("member-stake"), `${coins(await k.vault.stakeOf(1n))} KAIA`);
    await settled(page);
    await p.expectClean();
  });
});
