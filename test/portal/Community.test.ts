/**
 * Journey 10: the community's voice from the portal. Before the journeys, one Constitutional motion, proposed, voted,
 * queued and executed through the operations library (the CLI's code) on the seeded chain, raises the Admission and
 * No-confidence timelock delays to the veto window, switches the veto phase on and appoints an advisor. Then:
 * - a petition opened from the Community page, backed and opposed, settled after its close (the page links the
 *   motion it opened), and the locks and the bond withdrawn;
 * - a queued No-confidence motion vetoed from the page (a lock for, then a lock against that cancels it), and the
 *   lock withdrawn after the window;
 * - an advisor's opinion filed from the motion page and listed there;
 * - members' calls for an extension from the motion page, the last of which moves the deadline.
 * Each step is checked on the page and on chain; every time is pinned (the chain's clock, moved to chain-derived
 * times).
 */
import { expect } from "chai";
import type { ContractTransactionReceipt, TransactionReceipt } from "ethers";

import { connectCommunity } from "../../scripts/ops/community.js";
import type { Community } from "../../scripts/ops/community.js";
import { actingAs } from "../../scripts/ops/deployment.js";
import type { CouncilContracts } from "../../scripts/ops/deployment.js";
import { MotionClass } from "../../scripts/ops/enums.js";
import { castVote, executeMotion, queueMotion, SUPPORT } from "../../scripts/ops/motions.js";
import { proposeMotion } from "../../scripts/ops/proposals.js";
import { signal } from "../../scripts/portal/seed.js";
import type { AdvisorBoard, VoteExtension } from "../../typechain-types/index.js";
import { chainTime, signer, timeTravelTo } from "./harness/index.js";
import { act, connect, journey, reload, settled, switchAccount, waitForText } from "./steps.js";

const COIN = 10n ** 18n;

/** The portal's time format (portal/src/format.ts): "2026-02-26 09:00 UTC". */
function portalTime(seconds: bigint): string {
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "6,000,000" for 6,000,000 coins. */
function grouped(wei: bigint): string {
  return (wei / COIN).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Gas paid by a transaction, in wei. */
function gasPaid(receipt: TransactionReceipt | ContractTransactionReceipt | null): bigint {
  return receipt!.gasUsed * receipt!.gasPrice;
}

describe("Portal journey 10: petitions, veto, advisors' opinions, vote extension", function () {
  this.timeout(180_000);
  const j = journey();
  let c: CouncilContracts;
  let community: Community;
  let advisors: AdvisorBoard;
  let extension: VoteExtension;
  let advisor: string;
  let vetoWindow: bigint;

  /** Acts as account `address` through the operations library. */
  const as = async (address: string) => actingAs(c, await signer(address));
  const voters = () => j.h.seeded.members.map((m) => m.voter);

  /** Moves a motion from Pending through a vote by members 1–5 For; returns after its deadline. */
  async function passVote(motionId: bigint, skip?: bigint) {
    await timeTravelTo((await c.governor.proposalSnapshot(motionId)) + 1n);
    for (const m of j.h.seeded.members.slice(0, 5)) {
      if (m.id !== skip) await castVote(await as(m.voter), motionId, SUPPORT.for);
    }
    await timeTravelTo((await c.governor.proposalDeadline(motionId)) + 1n);
  }

  before(async function () {
    this.timeout(60_000);
    c = j.h.seeded.contracts;
    community = await connectCommunity(c);
    advisors = c.advisors!;
    extension = c.voteExtension!;
    advisor = j.h.seeded.accounts.free[5];
    // The Constitutional motion of the veto phase (docs/community-guide.md): both membership delays to at least the
    // veto window, then the phase on; and an advisor appointed.
    [, vetoWindow] = await community.veto!.vetoPhase();
    const calls: { target: string; data: string }[] = [];
    for (const cls of [MotionClass.Admission, MotionClass.NoConfidence]) {
      const current = await c.policy.classConfig(cls);
      calls.push({
        target: c.addresses.policy,
        data: c.policy.interface.encodeFunctionData("setClassConfig", [
          cls,
          {
            votingDelay: current.votingDelay,
            votingPeriod: current.votingPeriod,
            timelockDelay: vetoWindow,
            memberQuorumBps: current.memberQuorumBps,
            voteQuorumBps: current.voteQuorumBps,
            approvalNumerator: current.approvalNumerator,
            approvalDenominator: current.approvalDenominator,
          },
        ]),
      });
    }
    calls.push({
      target: await community.veto!.getAddress(),
      data: community.veto!.interface.encodeFunctionData("setPhase", [true]),
    });
    calls.push({
      target: await advisors.getAddress(),
      data: advisors.interface.encodeFunctionData("appointAdvisor", [advisor, "Lumen Advisory"]),
    });
    const secretariat = await as(j.h.seeded.accounts.secretariat);
    const { motionId, motionClass } = await proposeMotion(secretariat, {
      targets: calls.map((x) => x.target),
      values: calls.map(() => 0n),
      calldatas: calls.map((x) => x.data),
      description: "# Community veto phase and an advisor\n\nSwitch the veto on; appoint Lumen Advisory.",
      summary: [],
    });
    expect(motionClass).to.equal("Constitutional");
    await passVote(motionId);
    await queueMotion(secretariat, motionId);
    await timeTravelTo(await c.governor.proposalEta(motionId));
    await executeMotion(secretariat, motionId);
    expect((await community.veto!.vetoPhase())[0]).to.equal(true);
    expect(await advisors.isAdvisor(advisor)).to.equal(true);
  });

  it("opens a petition, locks on both sides, settles it into a motion, and withdraws the locks and the bond", async function () {
    const { h } = j;
    const [opener, backer, opposer] = h.seeded.accounts.free;
    const petitions = community.petitions;
    const petitionsAddress = await petitions.getAddress();
    const target = h.seeded.members[6]; // Granite Cloud
    const [threshold, bond] = await Promise.all([petitions.threshold(), petitions.bond()]);
    const support = threshold + COIN * 1_000_000n;
    const opposition = COIN * 1_000_000n;
    const provider = h.chain.connection.ethers.provider;

    const p = await j.open({ wallet: { account: opener }, route: "#/community" });
    const { page } = p;
    await connect(p);
    await waitForText(page.getByTestId("petition-threshold"), new RegExp(`${grouped(threshold)} KAIA`));
    await waitForText(page.getByTestId("veto-phase"), /^on:/);
    const days = `${vetoWindow / 86_400n} days`;
    await waitForText(
      page.getByTestId("veto-window"),
      new RegExp(
        `^${days} after the motion is queued[\\s\\S]*delays: ${days}, ${days} \\(the window fits them\\)$`,
      ),
    );
    await page.getByLabel("Petition kind").selectOption("No-confidence");
    await page.getByLabel("Petition subject").selectOption(target.id.toString());
    await page.getByLabel("Petition description").fill("Granite Cloud has no stake and missed every vote");
    await act(page, "Open petition");
    const id = await petitions.petitionCount();
    const record = await petitions.petition(id);
    expect(record.kind).to.equal(1n); // NoConfidence
    expect(record.status).to.equal(1n); // Open
    expect(record.subjectMemberId).to.equal(target.id);
    expect(record.opener).to.equal(opener);
    expect(record.bond).to.equal(bond);
    expect(await provider.getBalance(petitionsAddress)).to.equal(bond);
    const row = page.getByRole("table", { name: "Petitions" }).locator(`tr[data-petition-id="${id}"]`);
    await waitForText(row.getByTestId("petition-state"), "open");
    expect(await row.innerText()).to.contain(`no confidence in ${target.name}`);
    await p.expectClean();

    // Back it from one account, oppose it from another.
    const amountField = page.getByLabel(`Amount to lock on petition ${id} (KAIA)`);
    await switchAccount(p, backer);
    await amountField.fill(grouped(support));
    await act(page, `Back petition ${id}`);
    expect((await petitions.lockOf(id, backer)).amount).to.equal(support);
    await switchAccount(p, opposer);
    await amountField.fill("lots");
    await waitForText(page.getByRole("alert").first(), /“lots” is not an amount of KAIA/);
    await amountField.fill(grouped(opposition));
    await act(page, `Oppose petition ${id}`);
    // Locked on one side, the opposer may not back it too: the page says why, from the contract.
    await waitForText(
      page.getByTestId(`petition-${id}`).locator(".why-not").first(),
      new RegExp(
        `You cannot back petition ${id} now: Refused by the contract: CommunityLocksSideConflict\\(${id}, ${opposer}\\)`,
        "i",
      ),
    );
    const locked = await petitions.petition(id);
    expect(locked.support).to.equal(support);
    expect(locked.opposition).to.equal(opposition);
    expect(await provider.getBalance(petitionsAddress)).to.equal(bond + support + opposition);
    await waitForText(
      row,
      new RegExp(`${grouped(support)} KAIA\\s+${grouped(opposition)} KAIA\\s+${grouped(threshold)} KAIA`),
    );

    await settled(page);
    await p.screenshot("community-petition");

    // After the close: settle; the page links the No-confidence motion the petition opened.
    await timeTravelTo(record.closesAt);
    await reload(p);
    await act(page, `Settle petition ${id}`);
    const settledRecord = await petitions.petition(id);
    expect(settledRecord.status).to.equal(2n); // Qualified
    const motionId = settledRecord.motionId;
    expect(motionId).to.equal(await c.governor.proposalCount());
    expect(await c.governor.motionClass(motionId)).to.equal(BigInt(MotionClass.NoConfidence));
    expect((await c.governor.motionRecord(motionId)).subjectMemberId).to.equal(target.id);
    expect(await c.governor.proposalProposer(motionId)).to.equal(petitionsAddress);
    const link = page.getByTestId("petition-motion").getByRole("link", { name: `motion ${motionId}` });
    await link.waitFor();
    await waitForText(row.getByTestId("petition-state"), `qualified: motion ${motionId}`);
    await settled(page);
    await p.expectClean();

    // Withdrawals: each locker gets exactly its lock back, the opener its bond.
    const before = await provider.getBalance(opposer);
    const hash = await act(page, `Withdraw from petition ${id}`);
    const paid = gasPaid(await provider.getTransactionReceipt(hash));
    expect(await provider.getBalance(opposer)).to.equal(before + opposition - paid);
    expect((await petitions.lockOf(id, opposer)).withdrawn).to.equal(true);
    await switchAccount(p, opener);
    const openerBefore = await provider.getBalance(opener);
    const bondHash = await act(page, `Reclaim the bond of petition ${id}`);
    const bondPaid = gasPaid(await provider.getTransactionReceipt(bondHash));
    expect(await provider.getBalance(opener)).to.equal(openerBefore + bond - bondPaid);
    expect(await provider.getBalance(petitionsAddress)).to.equal(support);

    // The link opens the motion: No-confidence in Granite Cloud.
    await link.click();
    await waitForText(page.getByTestId("motion-class"), /^No-confidence/);
    await settled(page);
    await p.expectClean();
  });

  it("vetoes a queued No-confidence motion with a lock for and a lock against, then withdraws after the window", async function () {
    const { h } = j;
    const veto = community.veto!;
    const vetoAddress = await veto.getAddress();
    const provider = h.chain.connection.ethers.provider;
    const [, , , supporter, opponent] = h.seeded.accounts.free;
    const target = h.seeded.members[5]; // Fjord Finance
    const proposer = await signer(voters()[0]);
    await (
      await c.governor.connect(proposer).proposeNoConfidence(target.id, "# No confidence in Fjord Finance")
    ).wait();
    const motionId = await c.governor.proposalCount();
    await passVote(motionId, target.id);
    await queueMotion(await as(h.seeded.accounts.secretariat), motionId);
    const threshold = await veto.threshold();
    const forAmount = COIN * 2_000_000n;

    const p = await j.open({ wallet: { account: supporter }, route: "#/community" });
    const { page } = p;
    await connect(p);
    await waitForText(page.getByTestId("veto-threshold"), new RegExp(`${grouped(threshold)} KAIA`));
    const row = page
      .getByRole("table", { name: "Membership motions in the timelock" })
      .locator(`tr[data-veto-motion-id="${motionId}"]`);
    await waitForText(row.getByTestId("veto-state"), "not vetoed");
    const amountField = page.getByLabel(`Amount to lock on motion ${motionId} (KAIA)`);
    await amountField.fill(grouped(forAmount));
    await act(page, `Lock for motion ${motionId}`);
    const campaign = await veto.campaign(motionId);
    expect(campaign.support).to.equal(forAmount);
    expect(campaign.windowEnd).to.be.greaterThan(0n);

    await switchAccount(p, opponent);
    await amountField.fill(grouped(threshold));
    const hash = await act(page, `Lock against motion ${motionId}`);
    const receipt = await provider.getTransactionReceipt(hash);
    const vetoed = receipt!.logs.map((l) => veto.interface.parseLog(l)).find((e) => e?.name === "Vetoed");
    expect(vetoed?.args.opposition).to.equal(threshold);
    expect(vetoed?.args.support).to.equal(forAmount);
    expect(await c.governor.state(motionId)).to.equal(2n); // Canceled
    expect((await veto.campaign(motionId)).vetoed).to.equal(true);
    await waitForText(row.getByTestId("veto-state"), /^vetoed/);
    await waitForText(row, /Canceled/);
    expect(await provider.getBalance(vetoAddress)).to.equal(forAmount + threshold);
    await settled(page);
    await p.expectClean();

    // After the window, the opponent takes its lock back.
    await timeTravelTo(campaign.windowEnd);
    await reload(p);
    const before = await provider.getBalance(opponent);
    const withdrawHash = await act(page, `Withdraw from the veto of motion ${motionId}`);
    const paid = gasPaid(await provider.getTransactionReceipt(withdrawHash));
    expect(await provider.getBalance(opponent)).to.equal(before + threshold - paid);
    expect((await veto.lockOf(motionId, opponent)).withdrawn).to.equal(true);
    expect(await provider.getBalance(vetoAddress)).to.equal(forAmount);
    await settled(page);
    await p.expectClean();

    // The motion's page says the community vetoed it.
    await row.getByRole("link").click();
    await waitForText(page.getByTestId("motion-state"), "Canceled");
    await waitForText(
      page.getByTestId("veto-status"),
      new RegExp(`^vetoed: opposition ${grouped(threshold)} KAIA against support ${grouped(forAmount)} KAIA`),
    );
    await settled(page);
    await p.expectClean();
  });

  it("files an advisor's opinion from the motion page and lists it", async function () {
    const { h } = j;
    const { motionId } = await proposeMotion(
      await as(h.seeded.accounts.secretariat),
      signal(c, "# Publish the council's minutes\n\nMinutes within a week of each call."),
    );
    const uri = "https://lumen.example/opinions/minutes.md";
    const contentHash = `0x${"ab".repeat(32)}`;

    // A member sees the opinions, not the form.
    const p = await j.open({ wallet: { account: voters()[0] }, route: `#/motions/${motionId}` });
    const { page } = p;
    await connect(p);
    await waitForText(page.locator("section[aria-labelledby=opinions]"), /No opinion filed\./);
    expect(await page.getByRole("heading", { name: "File your opinion" }).count()).to.equal(0);

    await switchAccount(p, advisor);
    await page.getByRole("heading", { name: "File your opinion" }).waitFor();
    await page.getByLabel("Recommendation").selectOption("For");
    await page.getByLabel("Statement URI").fill(uri);
    await page.getByLabel("Statement content hash (0x…)").fill("0x1234");
    await waitForText(page.getByRole("alert").first(), /^The content hash must be 32 bytes of hex/);
    await page.getByLabel("Statement content hash (0x…)").fill(contentHash);
    const hash = await act(page, "File opinion");
    const receipt = await h.chain.connection.ethers.provider.getTransactionReceipt(hash);
    const filed = receipt!.logs
      .map((l) => advisors.interface.parseLog(l))
      .find((e) => e?.name === "OpinionFiled");
    expect(filed?.args.proposalId).to.equal(motionId);
    expect(filed?.args.advisor).to.equal(advisor);
    const [isFiled, opinion] = await advisors.opinionOf(motionId, advisor);
    expect(isFiled).to.equal(true);
    expect(opinion.recommendation).to.equal(1n); // For
    expect(opinion.uri).to.equal(uri);
    expect(opinion.contentHash).to.equal(contentHash);

    const row = page
      .getByRole("table", { name: "Advisors' opinions" })
      .locator(`tr[data-advisor="${advisor}"]`);
    await waitForText(
      row,
      new RegExp(`Lumen Advisory[\\s\\S]*For\\s+${portalTime(opinion.filedAt)}\\s+${uri}\\s+${contentHash}`),
    );
    // One opinion per motion: the form is gone.
    expect(await page.getByRole("heading", { name: "File your opinion" }).count()).to.equal(0);
    await settled(page);
    await p.screenshot("motion-opinions");
    await p.expectClean();
  });

  it("moves the deadline once enough members call for an extension from the motion page", async function () {
    const { h } = j;
    const { motionId } = await proposeMotion(
      await as(voters()[1]),
      signal(c, "# Review the node requirements\n\nA working group reports on minimum hardware."),
    );
    await timeTravelTo((await c.governor.proposalSnapshot(motionId)) + 1n);
    const deadline = await c.governor.proposalDeadline(motionId);
    const amount = await extension.motionExtensionAmount(motionId);
    const [, needed] = await extension.extensionStatus(motionId);
    expect(needed).to.be.greaterThan(2n);
    const callers = voters().slice(0, Number(needed));

    const p = await j.open({ wallet: { account: callers[0] }, route: `#/motions/${motionId}` });
    const { page } = p;
    await connect(p);
    const days = `${amount / 86_400n} days`;
    await waitForText(
      page.getByTestId("extension-status"),
      `not extended: 0 of ${needed} calls needed (it would add ${days})`,
    );
    await act(page, "Call for an extension");
    expect(await extension.hasCalled(motionId, h.seeded.members[0].id)).to.equal(true);
    await waitForText(
      page.getByTestId("extension-status"),
      new RegExp(`^not extended: 1 of ${needed} calls`),
    );

    for (const voter of callers.slice(1, -1)) {
      await (await extension.connect(await signer(voter)).callForExtension(motionId)).wait();
    }
    await switchAccount(p, callers[callers.length - 1]);
    const hash = await act(page, "Call for an extension");
    const receipt = await h.chain.connection.ethers.provider.getTransactionReceipt(hash);
    const extended = receipt!.logs
      .map((l) => extension.interface.parseLog(l))
      .find((e) => e?.name === "VoteExtended");
    expect(extended?.args.deadline).to.equal(deadline + amount);
    expect(extended?.args.extension).to.equal(amount);
    expect(await c.governor.proposalDeadline(motionId)).to.equal(deadline + amount);
    await waitForText(
      page.getByTestId("extension-status"),
      `extended by ${days} after ${needed} members called: the vote closes at ${portalTime(deadline + amount)}`,
    );
    expect(await page.locator("main").innerText()).to.contain(`Deadline\n${portalTime(deadline + amount)}`);
    // Extended once: the call is gone.
    expect(await page.getByRole("button", { name: "Call for an extension" }).count()).to.equal(0);
    expect(await chainTime()).to.be.lessThan(deadline);
    await settled(page);
    await p.screenshot("motion-extension");
    await p.expectClean();
  });
});

describe("Portal journey 10b: an admission petition closes before the application's window", function () {
  this.timeout(120_000);
  const j = journey();

  it("opens a petition to admit the open applicant, closing a settlement day before its sponsorship window", async function () {
    const { h } = j;
    const c = h.seeded.contracts;
    const { petitions } = await connectCommunity(c);
    const candidate = h.seeded.candidate; // Iris Research, applied on day 23
    const opener = h.seeded.accounts.free[6];
    const [window, settlementTime, sponsorshipWindow, [appliedAt]] = await Promise.all([
      petitions.window(),
      petitions.SETTLEMENT_TIME(),
      c.registry.sponsorshipWindow(),
      c.registry.memberTimestamps(candidate.id),
    ]);

    const p = await j.open({ wallet: { account: opener }, route: "#/community" });
    const { page } = p;
    await connect(p);
    await page.getByLabel("Petition kind").selectOption("Admission");
    await page.getByLabel("Petition subject").selectOption(candidate.id.toString());
    await page.getByLabel("Petition description").fill("Iris Research runs two public RPC nodes");
    const hash = await act(page, "Open petition");
    const receipt = await h.chain.connection.ethers.provider.getTransactionReceipt(hash);
    const openedAt = BigInt(
      (await h.chain.connection.ethers.provider.getBlock(receipt!.blockNumber))!.timestamp,
    );
    const id = await petitions.petitionCount();
    const record = await petitions.petition(id);
    expect(record.kind).to.equal(0n); // Admission
    expect(record.subjectMemberId).to.equal(candidate.id);
    const latestClose = appliedAt + sponsorshipWindow - settlementTime;
    expect(latestClose).to.be.lessThan(openedAt + window);
    expect(record.closesAt).to.equal(latestClose);
    expect(await petitions.motionDescription(id)).to.equal(
      `Iris Research runs two public RPC nodes\n\n(Community petition ${id})`,
    );

    const row = page.getByRole("table", { name: "Petitions" }).locator(`tr[data-petition-id="${id}"]`);
    await waitForText(
      row,
      new RegExp(`admit ${candidate.name} \\(${candidate.id}\\)\\s+closes ${portalTime(latestClose)}`),
    );
    await waitForText(row.getByTestId("petition-state"), "open");
    await settled(page);
    await p.expectClean();
  });
});
