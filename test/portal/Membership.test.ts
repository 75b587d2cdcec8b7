/**
 * Journey 6: a candidate applies from the page and bonds a stake unit, a member sponsors it, and the admission
 * motion appears with the candidate as its subject.
 */
import { expect } from "chai";

import { act, connect, journey, settled, switchAccount, waitForText } from "./steps.js";

describe("Portal journey 6: apply, sponsor, admission motion", function () {
  this.timeout(120_000);
  const j = journey();

  it("admits nobody yet, but opens an Admission motion for the new candidate", async function () {
    const { h } = j;
    const { registry, vault, governor } = h.seeded.contracts;
    const applicant = h.seeded.accounts.free[2];
    const sponsor = h.seeded.members[0]; // Aurora Validators
    const name = "Juniper Research";
    const node = "0x00000000000000000000000000000000000B0001";

    const p = await j.open({ wallet: { account: applicant }, route: "#/membership" });
    const { page } = p;
    await connect(p);
    await page.getByLabel("Organization name").fill(name);
    await page.getByLabel("Metadata URI (website, services, contact)").fill("https://juniper.example");
    await page.getByLabel("Consensus node addresses (comma-separated)").fill(node);
    await act(page, "Apply");
    const candidateId = await registry.memberIdOfAdmin(applicant);
    expect(candidateId).to.be.greaterThan(0n);
    const record = await registry.getMember(candidateId);
    expect(record.name).to.equal(name);
    expect(record.status).to.equal(1n); // Candidate
    expect(record.voter).to.equal(applicant);
    expect(record.nodes).to.deep.equal([node]);

    // Bond one stake unit from the Stake page.
    const unit = await vault.stakeUnit();
    await p.goto("#/stake");
    await page.getByLabel("Amount to stake (KAIA)").fill(String(unit / 10n ** 18n));
    await act(page, "Stake");
    expect(await vault.stakeOf(candidateId)).to.equal(unit);
    await settled(page);
    await p.expectClean();

    // The application is listed with its window and bonded stake; a member sponsors it.
    await p.goto("#/membership");
    const row = page
      .getByRole("table", { name: "Applications" })
      .locator(`tr[data-member-id="${candidateId}"]`);
    await waitForText(row, new RegExp(`${name}[\\s\\S]*open — closes[\\s\\S]*5,000,000 KAIA[\\s\\S]*bonded`));
    await switchAccount(p, sponsor.voter);
    const countBefore = await governor.proposalCount();
    const hash = await act(page, `Sponsor ${name}`);
    const receipt = await h.chain.connection.ethers.provider.getTransactionReceipt(hash);
    const proposed = receipt!.logs
      .map((l) => governor.interface.parseLog(l))
      .find((e) => e?.name === "MembershipMotionProposed");
    const motionId = proposed!.args.proposalId as bigint;
    expect(motionId).to.equal(countBefore + 1n);
    expect(proposed!.args.memberId).to.equal(candidateId);
    expect(proposed!.args.sponsor).to.equal(sponsor.voter);
    expect(await governor.motionClass(motionId)).to.equal(3n); // Admission
    expect((await governor.motionRecord(motionId)).subjectMemberId).to.equal(candidateId);
    await settled(page);
    await p.expectClean();

    // The motion appears in the list and on its page, naming the candidate.
    await p.goto("#/motions");
    await waitForText(
      page.getByRole("table", { name: "Motions" }).locator(`tr[data-motion-id="${motionId}"]`),
      new RegExp(`Admit ${name}\\s+Admission\\s+Pending`),
    );
    await p.goto(`#/motions/${motionId}`);
    await waitForText(page.getByTestId("motion-class"), /^Admission/);
    expect(await page.locator("main").innerText()).to.contain(`Candidate\n${name}`);
    await waitForText(page.getByTestId("action").locator("strong").first(), "CouncilRegistry.admit");
    await settled(page);
    await p.expectClean();
  });
});
