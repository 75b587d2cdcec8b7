/**
 * A Safe's ballot (ERC-1271), end to end in the browser: a member's voter becomes a contract wallet (the test-only
 * MockERC1271Wallet, owned by a node account), a fresh motion opens after the rotation, the page gives the wallet's
 * EIP-712 typed data, the owner signs it, the page turns the signature into a ballot file, another account relays
 * it, and the governor counts it once, for the wallet's member, after checking the signature with the wallet's
 * `isValidSignature`.
 */
import { readFileSync } from "node:fs";

import { expect } from "chai";
import type { TypedDataField } from "ethers";

import { actingAs } from "../../scripts/ops/deployment.js";
import { proposeMotion } from "../../scripts/ops/proposals.js";
import { signal } from "../../scripts/portal/seed.js";
import { readBallot } from "../../scripts/ops/ballots.js";
import { signer, timeTravelTo } from "./harness/index.js";
import { act, connect, journey, settled, waitForText } from "./steps.js";

interface PageTypedData {
  domain: { name: string; version: string; chainId: number; verifyingContract: string };
  types: Record<string, TypedDataField[]>;
  primaryType: string;
  message: Record<string, unknown>;
}

describe("Portal: a ballot for a Safe (ERC-1271), signed by its owner and relayed", function () {
  this.timeout(180_000);
  const j = journey();

  it("counts the wallet's relayed ballot once, for its member, and refuses it again", async function () {
    const { h } = j;
    const c = h.seeded.contracts;
    const { governor, registry } = c;
    const { ethers } = h.chain.connection;
    const member = h.seeded.members[1]; // 4 stake units
    const owner = h.seeded.accounts.free[2];
    const relayer = h.seeded.accounts.free[1];
    const reason = "Signed by the Safe's owners";

    // The member's voter becomes a contract wallet: the admin nominates it, the wallet accepts (through its owner).
    const wallet = await ethers.deployContract("MockERC1271Wallet", [owner], await signer(owner));
    await wallet.waitForDeployment();
    const safe = await wallet.getAddress();
    await (await registry.connect(await signer(member.admin)).proposeVoter(member.id, safe)).wait();
    const accept = registry.interface.encodeFunctionData("acceptVoter", [member.id]);
    await (await wallet.connect(await signer(owner)).execute(await registry.getAddress(), accept)).wait();
    expect((await registry.getMember(member.id)).voter).to.equal(safe);

    // A fresh motion, so its snapshot comes after the rotation; then the clock past its voting delay (pinned).
    const proposed = await proposeMotion(
      actingAs(c, await signer(h.seeded.accounts.secretariat)),
      signal(c, "# Signal from a Safe\n\nA motion the Safe's member votes on with an ERC-1271 ballot."),
    );
    const motionId = proposed.motionId;
    await timeTravelTo(proposed.snapshot + 1n);
    expect(await governor.state(motionId)).to.equal(1n); // Active

    const p = await j.open({ wallet: { account: relayer }, route: `#/motions/${motionId}` });
    const { page } = p;
    await connect(p);
    await settled(page);
    await waitForText(page.getByTestId("motion-state"), "Active");

    // The Safe panel: the wallet's address, the vote and reason; the page asks the governor and gives the typed data.
    await page.getByText("Ballot for a Safe (ERC-1271)").click();
    await page.getByLabel("Safe address (the member's voter account)").fill(safe);
    await page.getByLabel("Safe ballot vote").selectOption("1");
    await page.getByLabel("Safe ballot reason (optional)").fill(reason);
    const typedBox = page.getByLabel("EIP-712 data for the Safe to sign");
    await typedBox.waitFor();
    await waitForText(typedBox, /"primaryType"/).catch(() => undefined);
    const typed = JSON.parse(await typedBox.inputValue()) as PageTypedData;
    expect(typed.domain.verifyingContract).to.equal(await governor.getAddress());
    expect(typed.domain.chainId).to.equal(Number(h.chain.chainId));
    expect(typed.message.voter).to.equal(safe);
    expect(typed.message.reason).to.equal(reason);
    expect(String(typed.message.proposalId)).to.equal(String(motionId));

    // The owner signs the typed data (the node's eth_signTypedData_v4, through ethers); the wallet accepts it.
    const signature = await (await signer(owner)).signTypedData(typed.domain, typed.types, typed.message);
    await page.getByLabel("Signature returned by the Safe (0x…)").fill(signature);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download Safe ballot" }).click();
    const download = await downloading;
    const file = await download.path();
    const text = readFileSync(file, "utf8");
    const ballot = readBallot(file);
    expect(ballot.voter).to.equal(safe);
    expect(ballot.proposalId).to.equal(String(motionId));
    expect(ballot.support).to.equal(1);
    expect(ballot.reason).to.equal(reason);
    expect(ballot.signature).to.equal(signature);
    expect(ballot.nonce).to.equal(String(await governor.nonces(safe)));

    // Relayed from the page by another account, which pays the gas.
    const votersBefore = await governor.proposalVoters(motionId);
    await page.getByLabel("Ballot JSON").fill(text);
    const hash = await act(page, "Relay ballot");
    const tx = await ethers.provider.getTransaction(hash);
    expect(tx?.from).to.equal(relayer);
    const receipt = await ethers.provider.getTransactionReceipt(hash);
    const voteCast = receipt!.logs
      .map((l) => governor.interface.parseLog(l))
      .find((e) => e?.name === "VoteCast");
    expect(voteCast?.args.voter).to.equal(safe);
    expect(voteCast?.args.support).to.equal(1n);
    expect(voteCast?.args.weight).to.equal(member.units);
    expect(voteCast?.args.reason).to.equal(reason);
    expect(await governor.hasVoted(motionId, safe)).to.equal(true);
    expect(await governor.hasMemberVoted(motionId, member.id)).to.equal(true);
    const [against, forVotes, abstain] = await governor.proposalVotes(motionId);
    expect([against, forVotes, abstain]).to.deep.equal([0n, member.units, 0n]);
    expect(await governor.proposalVoters(motionId)).to.equal(votersBefore + 1n);

    // The page: the tally and the voter list.
    await waitForText(page.getByTestId("tally-for"), member.units.toString());
    await waitForText(page.getByTestId("tally-voters"), String(votersBefore + 1n));
    const row = page.getByRole("table", { name: "Votes cast" }).getByRole("row").filter({ hasText: reason });
    expect(await row.count()).to.equal(1);
    expect(await row.locator(`[title="${safe}"]`).count()).to.be.greaterThan(0);

    // Counted once: relaying the same ballot again is refused, with the decoded custom error, on the page and on chain.
    await waitForText(
      page.locator(".why-not").filter({ hasText: "relay this ballot" }),
      /Refused by the contract: GovernorInvalidSignature\(/,
    );
    expect(await page.getByRole("button", { name: "Relay ballot" }).count()).to.equal(0);
    await expect(
      governor
        .connect(await signer(relayer))
        .castVoteWithReasonAndParamsBySig(motionId, 1, safe, reason, "0x", signature),
    ).to.be.revertedWithCustomError(governor, "GovernorInvalidSignature");
    expect(await governor.proposalVoters(motionId)).to.equal(votersBefore + 1n);
    await settled(page);
    await p.expectClean();
  });
});
