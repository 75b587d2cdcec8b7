/**
 * Journey 2: a member connects, votes with a reason, and the tally, the voter list and the member's profile follow.
 * On chain: the receipt succeeded, the governor counts the member, and the `VoteCast` event carries the reason.
 */
import { expect } from "chai";

import { act, connect, journey, settled, waitForText } from "./steps.js";

describe("Portal journey 2: vote with a reason", function () {
  this.timeout(120_000);
  const j = journey();

  it("counts the vote, lists it with its reason, and shows it on the member's profile", async function () {
    const { h } = j;
    const motionId = h.seeded.motions.Active;
    const member = h.seeded.members[1]; // Bluewave Capital: eligible, has not voted on the Active motion
    const reason = "Reviewed the integration: pay it";
    const { governor } = h.seeded.contracts;
    const [, forBefore] = await governor.proposalVotes(motionId);
    const votersBefore = await governor.proposalVoters(motionId);

    const p = await j.open({ wallet: { account: member.voter }, route: `#/motions/${motionId}` });
    const { page } = p;
    await connect(p);
    await page.getByLabel("Reason (optional, recorded on chain)").fill(reason);
    const hash = await act(page, "Vote For");

    // The chain: a successful receipt whose VoteCast carries the member's voter, weight and reason.
    const receipt = await h.chain.connection.ethers.provider.getTransactionReceipt(hash);
    expect(receipt?.status).to.equal(1);
    const voteCast = receipt!.logs
      .map((log) => governor.interface.parseLog(log))
      .find((parsed) => parsed?.name === "VoteCast");
    expect(voteCast?.args.voter).to.equal(member.voter);
    expect(voteCast?.args.proposalId).to.equal(motionId);
    expect(voteCast?.args.support).to.equal(1n);
    expect(voteCast?.args.reason).to.equal(reason);
    const weight = voteCast!.args.weight as bigint;
    expect(weight).to.equal(member.units);
    expect(await governor.hasMemberVoted(motionId, member.id)).to.equal(true);
    const [, forAfter] = await governor.proposalVotes(motionId);
    expect(forAfter).to.equal(forBefore + weight);

    // The page: the tally and the voter list follow.
    await waitForText(page.getByTestId("tally-for"), String(forAfter));
    expect(await page.getByTestId("tally-voters").innerText()).to.equal(String(votersBefore + 1n));
    const row = page.getByRole("table", { name: "Votes cast" }).getByRole("row").filter({ hasText: reason });
    expect(await row.innerText())
      .to.contain(member.name)
      .and.contain("For")
      .and.contain(String(weight));
    await p.expectClean();

    // The member's profile lists the vote with its reason.
    await p.goto(`#/members/${member.id}`);
    const profileRow = page
      .getByRole("table", { name: "Votes cast by this member" })
      .getByRole("row")
      .filter({ hasText: reason });
    await profileRow.waitFor();
    expect(await profileRow.innerText())
      .to.contain(`${motionId}:`)
      .and.contain("For");
    await settled(page);
    await p.expectClean();
  });
});
