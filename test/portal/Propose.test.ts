/**
 * Journeys 3, 9 and 9b: the Propose page.
 * 3. The secretariat builds a reserve payment in the action builder; the class the policy derives shows before
 *    anything is sent; the motion then exists on chain with that class and its page shows the action decoded.
 * 9. The page imports a docs/examples/ proposal file and shows the same actions: the builder holds the file's
 *    readable arguments, and the encoded calls equal the CLI's (`encodeProposal`, the ops library).
 * 9b. The same for the community examples (appoint-advisor.json, veto-phase-on.json: the advisors' board and the veto
 *    contract by name, a class name and a tuple): the page encodes what the CLI encodes, the motion on chain holds
 *    those calls with the class the CLI derives, and the motion page decodes them.
 */
import { readFileSync } from "node:fs";

import { expect } from "chai";
import { parseEther, ZeroAddress } from "ethers";

import { connectCommunity } from "../../scripts/ops/community.js";
import { MOTION_CLASS_NAMES } from "../../scripts/ops/enums.js";
import { argumentContext, classify, encodeProposal } from "../../scripts/ops/proposals.js";
import { act, connect, journey, settled, switchAccount, waitForText } from "./steps.js";

/** A proposal file's argument as the builder's text field holds it. */
function fieldText(arg: unknown): string {
  return typeof arg === "string" ? arg : JSON.stringify(arg);
}

describe("Portal journeys 3, 9 and 9b: the Propose page", function () {
  this.timeout(120_000);
  const j = journey();

  it("journey 3: builds a reserve payment, shows its class before sending, and the motion shows it decoded", async function () {
    const { h } = j;
    const { governor, reserve } = h.seeded.contracts;
    const payee = h.seeded.accounts.free[0];
    const countBefore = await governor.proposalCount();
    const p = await j.open({ wallet: { account: h.seeded.accounts.secretariat }, route: "#/propose" });
    const { page } = p;
    await connect(p);
    await page
      .getByLabel("Description (Markdown; the first line is the title)")
      .fill(
        "# Pay the translators\n\n1,500 KAIA for translating the member guide." +
          '\n\n<img src="x" onerror="window.__xss = 1"><script>window.__xss = 2</script>',
      );
    await page.getByLabel("Contract (action 1)").selectOption("ImprovementReserve");
    await page.getByLabel("Function (action 1)").selectOption("pay(address,address,uint256,string)");
    await page.getByLabel("asset (address) (action 1)").fill(ZeroAddress);
    await page.getByLabel("to (address) (action 1)").fill(payee);
    await page.getByLabel("amount (uint256) (action 1)").fill("1500 KAIA");
    await page.getByLabel("memo (string) (action 1)").fill("Member guide translations");

    // Before sending: the policy's class, with its rules, and nothing proposed yet.
    await waitForText(page.getByTestId("derived-class-name"), "Treasury");
    const derived = await page.getByTestId("derived-class").innerText();
    expect(derived).to.contain("Quorum:").and.contain("Timelock delay:");
    expect(await page.getByTestId("action-class").innerText()).to.contain("Treasury");
    expect(await governor.proposalCount()).to.equal(countBefore);
    await settled(page);
    await p.expectClean();

    const hash = await act(page, "Propose motion");
    const receipt = await h.chain.connection.ethers.provider.getTransactionReceipt(hash);
    const created = receipt!.logs
      .map((l) => governor.interface.parseLog(l))
      .find((e) => e?.name === "ProposalCreated");
    const motionId = created!.args.proposalId as bigint;
    expect(motionId).to.equal(countBefore + 1n);
    expect(await governor.motionClass(motionId)).to.equal(1n); // Treasury
    expect(created!.args.targets).to.deep.equal([await reserve.getAddress()]);
    expect(created!.args.calldatas).to.deep.equal([
      reserve.interface.encodeFunctionData("pay", [
        ZeroAddress,
        payee,
        parseEther("1500"),
        "Member guide translations",
      ]),
    ]);

    // The motions list has it; its page decodes the action.
    await p.goto("#/motions");
    const row = page.getByRole("table", { name: "Motions" }).locator(`tr[data-motion-id="${motionId}"]`);
    await waitForText(row, /Pay the translators\s+Treasury\s+Pending/);
    await p.goto(`#/motions/${motionId}`);
    const action = page.getByTestId("action");
    await waitForText(action.locator("strong").first(), "ImprovementReserve.pay");
    expect(await action.locator('[data-arg="amount"]').innerText()).to.equal("1,500 KAIA");
    expect(await action.locator('[data-arg="to"]').innerText()).to.contain(payee);
    expect(await action.locator('[data-arg="asset"]').innerText()).to.contain("native KAIA");
    expect(await action.locator('[data-arg="memo"]').innerText()).to.equal("Member guide translations");
    await waitForText(page.getByTestId("action-class"), /Class: Treasury/);
    expect(await page.getByTestId("motion-class").innerText()).to.match(/^Treasury/);
    // The description is Markdown with its raw HTML dropped: nothing in it runs.
    expect(await page.locator(".markdown").innerText()).to.contain(
      "1,500 KAIA for translating the member guide.",
    );
    expect(await page.locator(".markdown img, .markdown script").count()).to.equal(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).to.equal(
      undefined,
    );
    await settled(page);
    await p.expectClean();
  });

  it("journey 9: imports a docs/examples/ file and shows the same actions as the CLI encodes", async function () {
    const { h } = j;
    const file = new URL("../../docs/examples/ecosystem-budget.json", import.meta.url);
    const doc = JSON.parse(readFileSync(file, "utf8")) as {
      description: string;
      actions: { contract: string; function: string; args: string[] }[];
    };
    const cli = encodeProposal(await argumentContext(h.seeded.contracts), doc, "ecosystem-budget.json");

    const p = await j.open({ route: "#/propose" });
    const { page } = p;
    await page.getByLabel("Proposal file", { exact: true }).setInputFiles(file.pathname);
    await page.getByTestId("action").first().waitFor(); // the preview appears once the file is read
    expect(
      await page.getByLabel("Description (Markdown; the first line is the title)").inputValue(),
    ).to.equal(doc.description);
    expect(await page.getByTestId("action").count()).to.equal(doc.actions.length);
    for (const [i, a] of doc.actions.entries()) {
      const n = i + 1;
      expect(await page.getByLabel(`Contract (action ${n})`).inputValue()).to.equal(a.contract);
      expect(await page.getByLabel(`Function (action ${n})`).inputValue()).to.equal(a.function);
      const fields = page.locator("fieldset").nth(i).locator("input:not([type=file])");
      for (const [j, arg] of a.args.entries()) expect(await fields.nth(j).inputValue()).to.equal(arg);
      // The same call as the CLI encodes from the same file.
      const shown = page.getByTestId("action").nth(i);
      expect(await shown.getByTestId("raw-target").textContent()).to.equal(cli.targets[i]);
      expect(await shown.getByTestId("raw-value").textContent()).to.equal(String(cli.values[i]));
      expect(await shown.getByTestId("raw-calldata").textContent()).to.equal(cli.calldatas[i]);
    }
    // Decoded for people: the budget's category, spender named, amount in coin units, dates.
    const action = page.getByTestId("action").first();
    expect(await action.locator("strong").first().innerText()).to.equal("ImprovementReserve.approveBudget");
    expect(await action.locator('[data-arg="category"]').innerText()).to.equal("ecosystem");
    expect(await action.locator('[data-arg="spender"]').innerText()).to.contain("Secretariat");
    expect(await action.locator('[data-arg="amount"]').innerText()).to.equal("250,000 KAIA");
    expect(await action.locator('[data-arg="start"]').innerText()).to.contain("2026-12-01");
    expect(await action.locator('[data-arg="end"]').innerText()).to.contain("2027-12-31");
    await waitForText(page.getByTestId("derived-class-name"), "Treasury");

    // Exported again, the file is the same document.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export proposal file" }).click();
    const exported = JSON.parse(readFileSync((await (await download).path())!, "utf8")) as unknown;
    expect(exported).to.deep.equal(doc);
    await settled(page);
    await p.expectClean();
  });

  it("journey 9b: imports the community examples, proposes them, and the motion page decodes them", async function () {
    const { h } = j;
    const c = h.seeded.contracts;
    const { governor } = c;
    const ctx = await argumentContext(c);
    const community = await connectCommunity(c);
    // Members 1 and 2 propose (the secretariat already has as many live motions as it may).
    const [first, second] = h.seeded.members;
    const p = await j.open({ wallet: { account: first.voter }, route: "#/propose" });
    const { page } = p;
    await connect(p);
    const motions: { id: bigint; targets: string[] }[] = [];
    for (const [name, proposer] of [
      ["appoint-advisor", first.voter],
      ["veto-phase-on", second.voter],
    ]) {
      if (proposer !== first.voter) await switchAccount(p, proposer);
      const file = new URL(`../../docs/examples/${name}.json`, import.meta.url);
      const doc = JSON.parse(readFileSync(file, "utf8")) as {
        description: string;
        actions: { contract: string; function: string; args: unknown[] }[];
      };
      const cli = encodeProposal(ctx, doc, `${name}.json`);
      await p.goto("#/propose");
      await page.getByLabel("Proposal file", { exact: true }).setInputFiles(file.pathname);
      await page.getByTestId("action").first().waitFor();
      expect(await page.getByTestId("action").count()).to.equal(doc.actions.length);
      for (const [i, a] of doc.actions.entries()) {
        const n = i + 1;
        expect(await page.getByLabel(`Contract (action ${n})`).inputValue()).to.equal(a.contract);
        expect(await page.getByLabel(`Function (action ${n})`).inputValue()).to.equal(a.function);
        const fields = page.locator("fieldset").nth(i).locator("input:not([type=file])");
        for (const [k, arg] of a.args.entries())
          expect(await fields.nth(k).inputValue()).to.equal(fieldText(arg));
        const shown = page.getByTestId("action").nth(i);
        expect(await shown.getByTestId("raw-target").textContent()).to.equal(cli.targets[i]);
        expect(await shown.getByTestId("raw-value").textContent()).to.equal(String(cli.values[i]));
        expect(await shown.getByTestId("raw-calldata").textContent()).to.equal(cli.calldatas[i]);
      }
      const motionClass = await classify(c, cli);
      await waitForText(page.getByTestId("derived-class-name"), motionClass);
      // Exported again, the file is the same document (a tuple as a list, a bool as a bool).
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "Export proposal file" }).click();
      expect(JSON.parse(readFileSync((await (await download).path())!, "utf8"))).to.deep.equal(doc);

      // Proposed, the motion on chain holds the CLI's calls, with the class the CLI derives.
      const hash = await act(page, "Propose motion");
      const receipt = await h.chain.connection.ethers.provider.getTransactionReceipt(hash);
      const created = receipt!.logs
        .map((l) => governor.interface.parseLog(l))
        .find((e) => e?.name === "ProposalCreated");
      expect([...created!.args.targets]).to.deep.equal(cli.targets);
      expect([...created!.args.calldatas]).to.deep.equal(cli.calldatas);
      expect(created!.args.description).to.equal(doc.description);
      const motionId = created!.args.proposalId as bigint;
      expect(await governor.motionClass(motionId)).to.equal(BigInt(MOTION_CLASS_NAMES.indexOf(motionClass)));
      motions.push({ id: motionId, targets: [...created!.args.targets] });
    }
    // The names stand for the advisors' board of the address file and the veto contract the policy names.
    expect(motions[0].targets).to.deep.equal([c.addresses.advisors]);
    expect(motions[1].targets).to.deep.equal([
      c.addresses.policy,
      c.addresses.policy,
      await community.veto!.getAddress(),
    ]);

    // The motion pages decode the community contracts' calls, a class name and a tuple's fields.
    await p.goto(`#/motions/${motions[0].id}`);
    const advisor = page.getByTestId("action");
    await waitForText(advisor.locator("strong").first(), "AdvisorBoard.appointAdvisor");
    expect(await advisor.locator('[data-arg="account"]').innerText()).to.contain(
      "0x2546BcD3c84621e976D8185a91A922aE77ECEc30",
    );
    expect(await advisor.locator('[data-arg="name"]').innerText()).to.equal("Kaia Research");
    await p.goto(`#/motions/${motions[1].id}`);
    const actions = page.getByTestId("action");
    await waitForText(actions.nth(2).locator("strong").first(), "CommunityVeto.setPhase");
    expect(await actions.nth(2).locator('[data-arg="on"]').innerText()).to.equal("true");
    for (const [i, cls] of [
      [0, "Admission (3)"],
      [1, "No-confidence (4)"],
    ] as const) {
      const a = actions.nth(i);
      expect(await a.locator("strong").first().innerText()).to.equal("MotionPolicy.setClassConfig");
      expect(await a.locator('[data-arg="motionClass"]').innerText()).to.equal(cls);
      expect(await a.locator('[data-arg="config.timelockDelay"]').innerText()).to.equal("7 days (604800 s)");
    }
    expect(await actions.nth(1).locator('[data-arg="config.memberQuorumBps"]').innerText()).to.equal("5000");
    // A bonded vault's member page shows the stake that is unbonding (hidden in Kaia mode: journey 11).
    await p.goto(`#/members/${first.id}`);
    await waitForText(page.getByTestId("member-stake"), /^[\d,.]+ KAIA \([\d,.]+ unbonding\)$/);
    await settled(page);
    await p.expectClean();
  });
});
