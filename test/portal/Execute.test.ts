/**
 * Journey 4: members vote on the Treasury payment motion, time passes (pinned block times), anyone queues and then
 * executes it from the page; the payment arrives and the reserve page shows the outflow.
 */
import { expect } from "chai";
import { parseEther } from "ethers";

import { timeTravelTo } from "./harness/index.js";
import { act, connect, journey, reload, settled, switchAccount, waitForText } from "./steps.js";

describe("Portal journey 4: vote, time travel, queue and execute a payment", function () {
  this.timeout(120_000);
  const j = journey();

  it("pays the contractor, and the reserve page shows the outflow", async function () {
    const { h } = j;
    const { governor, reserve } = h.seeded.contracts;
    const provider = h.chain.connection.ethers.provider;
    const motionId = h.seeded.motions.Active; // ImprovementReserve.pay: 25,000 KAIA to the contractor
    const payee = h.seeded.accounts.contractor;
    const amount = parseEther("25000");
    const [bluewave, , dune] = [h.seeded.members[1], h.seeded.members[2], h.seeded.members[3]];

    const p = await j.open({ wallet: { account: bluewave.voter }, route: `#/motions/${motionId}` });
    const { page } = p;
    await connect(p);
    await act(page, "Vote For");
    await switchAccount(p, dune.voter);
    await act(page, "Vote For");
    expect(await governor.hasMemberVoted(motionId, bluewave.id)).to.equal(true);
    expect(await governor.hasMemberVoted(motionId, dune.id)).to.equal(true);

    // After the deadline: Succeeded, and the page offers Queue.
    await timeTravelTo((await governor.proposalDeadline(motionId)) + 1n);
    await reload(p);
    await waitForText(page.getByTestId("motion-state"), "Succeeded");
    await act(page, "Queue");
    expect(await governor.state(motionId)).to.equal(5n); // Queued
    const eta = await governor.proposalEta(motionId);
    await waitForText(page.getByTestId("motion-state"), "Queued");
    // Before the class delay has passed, the contract refuses execution, and the page says so.
    await waitForText(page.locator(".why-not").filter({ hasText: "execute" }), /GovernorMotionNotReady/);

    await timeTravelTo(eta + 1n);
    await reload(p);
    const balanceBefore = await provider.getBalance(payee);
    const reserveBefore = await reserve.balanceOf("0x0000000000000000000000000000000000000000");
    const hash = await act(page, "Execute");
    await waitForText(page.getByTestId("motion-state"), "Executed");

    // The chain: executed, the payee was paid, the reserve emitted the outflow.
    expect(await governor.state(motionId)).to.equal(7n); // Executed
    expect(await provider.getBalance(payee)).to.equal(balanceBefore + amount);
    expect(await reserve.balanceOf("0x0000000000000000000000000000000000000000")).to.equal(
      reserveBefore - amount,
    );
    const receipt = await provider.getTransactionReceipt(hash);
    const outflow = receipt!.logs
      .map((l) => reserve.interface.parseLog(l))
      .find((e) => e?.name === "Outflow");
    expect(outflow?.args.to).to.equal(payee);
    expect(outflow?.args.amount).to.equal(amount);
    await settled(page);
    await p.expectClean();

    // The reserve page lists it and counts it against the 30-day limit.
    await p.goto("#/reserve");
    const row = page.getByTestId("outflow").first();
    await waitForText(row, /payment/);
    expect(await row.innerText())
      .to.contain("25,000 KAIA")
      .and.contain(String(outflow?.args.memo));
    const recent = await reserve.recentOutflow("0x0000000000000000000000000000000000000000");
    const shownRecent = await page
      .locator('tr[data-asset="0x0000000000000000000000000000000000000000"] [data-col="recent"]')
      .innerText();
    // Shown in coin units to 6 decimals.
    expect(parseEther(shownRecent.replace(/,/g, ""))).to.equal(recent - (recent % 10n ** 12n));
    await settled(page);
    await p.expectClean();
  });
});
