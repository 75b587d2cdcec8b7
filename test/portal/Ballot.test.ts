/**
 * Journey 5: a member signs a ballot in the page (EIP-712 in the wallet, no transaction), another account relays it,
 * and the governor counts it once, for the signer's member; relaying it again is refused.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";

import { readBallot } from "../../scripts/ops/ballots.js";
import { act, connect, journey, settled, switchAccount, waitForText } from "./steps.js";

describe("Portal journey 5: a signed ballot, relayed by another account", function () {
  this.timeout(120_000);
  const j = journey();

  it("counts the relayed ballot once, for the signer's member", async function () {
    const { h } = j;
    const { governor } = h.seeded.contracts;
    const provider = h.chain.connection.ethers.provider;
    const motionId = h.seeded.motions.Active;
    const signerMember = h.seeded.members[4]; // Ember Games: eligible, has not voted
    const relayer = h.seeded.accounts.free[1];
    const reason = "Signed from the portal";
    const [, forBefore] = await governor.proposalVotes(motionId);
    const votersBefore = await governor.proposalVoters(motionId);
    const nonceBefore = await governor.nonces(signerMember.voter);

    const p = await j.open({ wallet: { account: signerMember.voter }, route: `#/motions/${motionId}` });
    const { page } = p;
    await connect(p);
    const txBefore = await provider.getTransactionCount(signerMember.voter);
    await page.getByLabel("Your ballot's vote").selectOption("1");
    await page.getByLabel("Your ballot's reason (optional)").fill(reason);
    await page.getByRole("button", { name: "Sign ballot" }).click();
    const text = await page.getByLabel("Signed ballot").inputValue();
    expect(p.wallet!.calls).to.include("eth_signTypedData_v4");
    expect(await provider.getTransactionCount(signerMember.voter)).to.equal(txBefore); // signed, not sent

    // The CLI's ballot format: the ops library reads the file the page produced.
    const file = path.join(mkdtempSync(path.join(tmpdir(), "ballot-")), "ballot.json");
    writeFileSync(file, text);
    const ballot = readBallot(file);
    expect(ballot.voter).to.equal(signerMember.voter);
    expect(ballot.proposalId).to.equal(String(motionId));
    expect(ballot.support).to.equal(1);
    expect(ballot.reason).to.equal(reason);
    expect(ballot.nonce).to.equal(String(nonceBefore));
    await settled(page);
    await p.expectClean();

    // Another account relays it and pays the gas.
    await switchAccount(p, relayer);
    await page.getByLabel("Ballot JSON").fill(text);
    const hash = await act(page, "Relay ballot");
    const receipt = await provider.getTransactionReceipt(hash);
    const tx = await provider.getTransaction(hash);
    expect(tx?.from).to.equal(relayer);
    const voteCast = receipt!.logs
      .map((l) => governor.interface.parseLog(l))
      .find((e) => e?.name === "VoteCast");
    expect(voteCast?.args.voter).to.equal(signerMember.voter);
    expect(voteCast?.args.reason).to.equal(reason);
    expect(voteCast?.args.weight).to.equal(signerMember.units);
    expect(await governor.hasMemberVoted(motionId, signerMember.id)).to.equal(true);
    const [, forAfter] = await governor.proposalVotes(motionId);
    expect(forAfter).to.equal(forBefore + signerMember.units);
    expect(await governor.proposalVoters(motionId)).to.equal(votersBefore + 1n);

    // Counted once: the same ballot again is refused by the contract, before anything is sent.
    await waitForText(page.getByTestId("tally-voters"), String(votersBefore + 1n));
    await waitForText(
      page.locator(".why-not").filter({ hasText: "relay this ballot" }),
      /Refused by the contract: \w+\(/,
    );
    expect(await page.getByRole("button", { name: "Relay ballot" }).count()).to.equal(0);
    const votesTable = page.getByRole("table", { name: "Votes cast" });
    expect(await votesTable.getByRole("row").filter({ hasText: reason }).count()).to.equal(1);
    expect(await governor.proposalVoters(motionId)).to.equal(votersBefore + 1n);
    await settled(page);
    await p.expectClean();
  });
});
