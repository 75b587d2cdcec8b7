/**
 * Journey 7: the reserve guardian pauses outflows from the reserve page; the page shows the pause and its end, and
 * the budget's spender is told, before sending anything, that the contract refuses the spend (ReservePaused).
 */
import { expect } from "chai";
import { parseEther } from "ethers";

import { signer } from "./harness/index.js";
import { act, connect, journey, settled, switchAccount, waitForText } from "./steps.js";

describe("Portal journey 7: a guardian pause on the reserve page", function () {
  this.timeout(120_000);
  const j = journey();

  it("shows the pause and refuses spending with the contract's reason", async function () {
    const { h } = j;
    const { reserve } = h.seeded.contracts;
    const { guardian, secretariat } = h.seeded.accounts;
    const budgetId = h.seeded.budgetId;

    const p = await j.open({ wallet: { account: guardian }, route: "#/reserve" });
    const { page } = p;
    await connect(p);
    await waitForText(page.getByTestId("pause-state"), /^Not paused/);
    await act(page, "Pause outflows");
    expect(await reserve.paused()).to.equal(true);
    const until = await reserve.pausedUntil();
    const untilText = new Date(Number(until) * 1000).toISOString().slice(0, 16).replace("T", " ");
    await waitForText(
      page.getByTestId("pause-state"),
      new RegExp(`paused by the guardian until ${untilText} UTC`),
    );
    await settled(page);
    await p.expectClean();

    // The secretariat spends from its budget: the page asks the contract first and shows its refusal.
    await switchAccount(p, secretariat);
    await page.getByLabel("Recipient").fill(h.seeded.accounts.free[3]);
    await page.getByLabel("Amount (KAIA)").fill("100");
    const refusal = await waitForText(
      page.locator(".why-not").filter({ hasText: "spend from this budget" }),
      new RegExp(
        `^You cannot spend from this budget now: Refused by the contract: ReservePaused\\(${until}\\)$`,
      ),
    );
    expect(refusal).to.not.contain("\n");
    expect(await page.getByRole("button", { name: "Pay from budget" }).count()).to.equal(0);
    await settled(page);
    await p.expectClean();

    // The chain agrees: the same spend reverts with ReservePaused(until), and nothing was spent.
    const spentBefore = (await reserve.budget(budgetId)).spent;
    const asSecretariat = reserve.connect(await signer(secretariat));
    let reverted: unknown;
    try {
      await asSecretariat.spend.staticCall(budgetId, h.seeded.accounts.free[3], parseEther("100"), "");
    } catch (e) {
      reverted = e;
    }
    expect(reserve.interface.parseError((reverted as { data: string }).data)?.name).to.equal("ReservePaused");
    expect((await reserve.budget(budgetId)).spent).to.equal(spentBefore);
  });
});
