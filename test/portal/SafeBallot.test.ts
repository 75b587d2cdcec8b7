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
import type { Harness, SeededCouncil } from "./harness/index.js";
import { act, connect, journey, reload, settled, waitForText } from "./steps.js";

type SeededMember = SeededCouncil["members"][number];

interface PageTypedData {
  domain: { name: string; version: string; chainId: number; verifyingContract: string };
  types: Record<string, TypedDataField[]>;
  primaryType: string;
  message: Record<string, unknown>;
}

/** The member's voter becomes a MockERC1271Wallet owned by `owner`: the admin nominates it, the wallet accepts. */
async function walletAsVoter(h: Harness, member: SeededMember, owner: string) {
  const { registry } = h.seeded.contracts;
  const wallet = await h.chain.connection.ethers.deployContract(
    "MockERC1271Wallet",
    [owner],
    await signer(owner),
  );
  await wallet.waitForDeployment();
  const safe = await wallet.getAddress();
  await (await registry.connect(await signer(member.admin)).proposeVoter(member.id, safe)).wait();
  const accept = registry.interface.encodeFunctionData("acceptVoter", [member.id]);
  await (await wallet.connect(await signer(owner)).execute(await registry.getAddress(), accept)).wait();
  expect((await registry.getMember(member.id)).voter).to.equal(safe);
  return { wallet, safe };
}

/** A fresh signalling motion (its snapshot after whatever came before), with the clock pinned past its voting delay. */
async function activeMotion(h: Harness, description: string): Promise<bigint> {
  const c = h.seeded.contracts;
  const proposed = await proposeMotion(
    actingAs(c, await signer(h.seeded.accounts.secretariat)),
    signal(c, description),
  );
  await timeTravelTo(proposed.snapshot + 1n);
  expect(await c.governor.state(proposed.motionId)).to.equal(1n); // Active
  return proposed.motionId;
}

describe("Portal: Safes: an ERC-1271 ballot relayed, and an action exported to the Transaction Builder", function () {
  this.timeout(180_000);
  const j = journey();

  it("counts the wallet's relayed ballot once, for its member, and refuses it again", async function () {
    const { h } = j;
    const c = h.seeded.contracts;
    const { governor } = c;
    const { ethers } = h.chain.connection;
    const member = h.seeded.members[1]; // 4 stake units
    const owner = h.seeded.accounts.free[2];
    const relayer = h.seeded.accounts.free[1];
    const reason = "Signed by the Safe's owners";

    const { safe } = await walletAsVoter(h, member, owner);
    const motionId = await activeMotion(
      h,
      "# Signal from a Safe\n\nA motion the Safe's member votes on with an ERC-1271 ballot.",
    );

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

  it("exports a vote for the Safe's Transaction Builder, shows it pending, and shows it once the Safe executes it", async function () {
    const { h } = j;
    const { governor } = h.seeded.contracts;
    const { ethers } = h.chain.connection;
    const member = h.seeded.members[3]; // 3 stake units
    const owner = h.seeded.accounts.free[0];
    const reason = "Executed by the Safe";
    const { wallet, safe } = await walletAsVoter(h, member, owner);
    const motionId = await activeMotion(
      h,
      "# Export to a Safe\n\nA motion the Safe votes on through its Transaction Builder.",
    );

    // The Safe is the connected account (as through WalletConnect from Safe{Wallet}); nothing is sent from the page.
    const p = await j.open({ wallet: { account: safe }, route: `#/motions/${motionId}` });
    const { page } = p;
    await connect(p);
    await settled(page);
    await page.getByLabel("Reason (optional, recorded on chain)").fill(reason);
    const voteFor = page
      .locator(".action")
      .filter({ has: page.getByRole("button", { name: "Vote For", exact: true }) });
    const downloading = page.waitForEvent("download");
    await voteFor.getByRole("button", { name: "Export for a Safe" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).to.equal("safe-castVoteWithReason.json");

    // The Transaction Builder's batch format, for this Safe, on this chain.
    const batch = JSON.parse(readFileSync(await download.path(), "utf8")) as {
      version: string;
      chainId: string;
      createdAt: number;
      meta: { name: string; description: string; txBuilderVersion: string; createdFromSafeAddress?: string };
      transactions: {
        to: string;
        value: string;
        data: string;
        contractMethod: unknown;
        contractInputsValues: unknown;
      }[];
    };
    expect(batch.version).to.equal("1.0");
    expect(batch.chainId).to.equal(String(h.chain.chainId));
    expect(batch.meta.name).to.be.a("string").and.not.equal("");
    expect(batch.meta.txBuilderVersion).to.match(/^\d+\.\d+\.\d+$/);
    expect(batch.meta.createdFromSafeAddress).to.equal(safe);
    expect(batch.transactions).to.have.length(1);
    const [tx] = batch.transactions;
    expect(tx.to).to.equal(await governor.getAddress());
    expect(tx.value).to.equal("0");
    expect(tx.data).to.equal(
      governor.interface.encodeFunctionData("castVoteWithReason", [motionId, 1, reason]),
    );

    // Pending in the Safe: said on the page; nothing on chain yet.
    await waitForText(
      page.getByTestId("safe-pending"),
      `Exported for Safe ${safe}: “Vote For” is pending there until its owners sign and execute it; this page shows it once it is on chain.`,
    );
    expect(await governor.hasVoted(motionId, safe)).to.equal(false);
    await settled(page);
    await p.expectClean();

    // The Safe's owners execute the batch (here: the wallet's owner through `execute`); the page then shows the vote.
    const receipt = await (await wallet.connect(await signer(owner)).execute(tx.to, tx.data)).wait();
    const voteCast = receipt!.logs
      .filter((l) => l.address === tx.to)
      .map((l) => governor.interface.parseLog(l))
      .find((e) => e?.name === "VoteCast");
    expect(voteCast?.args.voter).to.equal(safe);
    expect(voteCast?.args.weight).to.equal(member.units);
    expect(voteCast?.args.reason).to.equal(reason);
    expect(await governor.hasMemberVoted(motionId, member.id)).to.equal(true);
    const [, forVotes] = await governor.proposalVotes(motionId);
    expect(forVotes).to.equal(member.units);
    expect(await ethers.provider.getCode(safe)).to.not.equal("0x");
    await reload(p);
    await waitForText(page.getByTestId("tally-for"), member.units.toString());
    const row = page.getByRole("table", { name: "Votes cast" }).getByRole("row").filter({ hasText: reason });
    expect(await row.count()).to.equal(1);
    await waitForText(
      page.locator(".why-not").filter({ hasText: "You cannot vote now" }),
      /GovernorMemberAlreadyVoted\(/,
    );
    await settled(page);
    await p.expectClean();
  });
});
