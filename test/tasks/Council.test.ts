/**
 * `council status` against a system deployed by the Ignition module, and the errors every task shares (deployment
 * file, --from).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";

import { expect } from "chai";

import { signerOf } from "../../scripts/ops/deployment.js";
import { OpsError } from "../../scripts/ops/errors.js";
import { formatTime, formatWhen } from "../../scripts/ops/format.js";
import { ACCOUNT, deployWithModule, ethers, networkHelpers, runTask, scratch } from "../utils/tasks.js";

const UNIT = ethers.parseEther("5000000");

/** The module's system with members 1–3 staking 1, 2 and 3 units. */
async function staked() {
  const s = await deployWithModule();
  const signers = await ethers.getSigners();
  for (let i = 0; i < 3; i++) {
    const admin = signers[ACCOUNT.admin + i];
    await networkHelpers.setBalance(admin.address, 10n * UNIT);
    const amount = BigInt(i + 1) * UNIT;
    await s.vault.connect(admin).stake(amount, { value: amount });
  }
  return s;
}

describe("tasks: council status", function () {
  it("prints the summary and one row per active member with stake, votes and eligibility", async function () {
    const s = await networkHelpers.loadFixture(staked);
    const run = await runTask(["council", "status"], { deployment: s.file, from: "" });
    expect(run.exitCode).to.equal(0);
    expect(run.err).to.equal("");
    const lines = run.out.split("\n");
    expect(lines[0]).to.equal("Council: 5 active members (bounds 4–100), 3 eligible");
    expect(lines[1]).to.equal("Votes: 5 in total, at most 2 per member; one vote per 5,000,000 KAIA staked");
    expect(lines[2]).to.equal("Stake: 30,000,000 KAIA bonded, 0 KAIA unbonding");
    const member = await s.registry.getMember(3n);
    const row = lines.find((l) => l.startsWith("3 "))!.split(/\s{2,}/);
    expect(row).to.deep.equal([
      "3",
      "Member 3",
      member.voter,
      member.admin,
      member.nodes.join(","),
      "15,000,000 KAIA",
      "2",
      "yes",
    ]);
    expect(
      lines
        .find((l) => l.startsWith("5 "))!
        .split(/\s{2,}/)
        .slice(5),
    ).to.deep.equal(["0 KAIA", "0", "no"]);
    expect(lines.at(-1)).to.equal("Sponsorship window: 14d");
  });

  it("lists candidates with their sponsorship deadline, and former members", async function () {
    const s = await networkHelpers.loadFixture(staked);
    const signers = await ethers.getSigners();
    const candidate = signers[ACCOUNT.outsider];
    await s.registry
      .connect(candidate)
      .applyForMembership(
        "Candidate Org",
        "https://candidate.example/gc.json",
        signers[ACCOUNT.outsider + 1],
        [],
      );
    await s.registry.connect(signers[ACCOUNT.admin + 4]).resign(5n);
    const run = await runTask(["council", "status"], { deployment: s.file, from: "" });
    const applied = (await s.registry.getMember(6n)).appliedAt;
    const left = (await s.registry.getMember(5n)).leftAt;
    const now = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
    const lines = run.out.split("\n");
    const candidates = lines.indexOf("Candidates:");
    expect(lines[candidates + 3].split(/\s{2,}/)).to.deep.equal([
      "6",
      "Candidate Org",
      `pending ${signers[ACCOUNT.outsider + 1].address}`,
      "0 KAIA",
      `open, sponsor before ${formatWhen(applied + 14n * 86400n, now)}`,
    ]);
    const former = lines.indexOf("Former members:");
    expect(lines[former + 3].split(/\s{2,}/)).to.deep.equal([
      "5",
      "Member 5",
      "Resigned",
      formatWhen(left, now),
      "0 KAIA",
    ]);
    expect(lines[0]).to.equal("Council: 4 active members (bounds 4–100), 3 eligible");
  });

  it("shows a closed application once the sponsorship window has passed", async function () {
    const s = await networkHelpers.loadFixture(staked);
    const signers = await ethers.getSigners();
    await s.registry
      .connect(signers[ACCOUNT.outsider])
      .applyForMembership("Late Org", "https://late.example/gc.json", signers[ACCOUNT.outsider + 1], []);
    await networkHelpers.time.increase(15n * 86400n);
    const run = await runTask(["council", "status"], { deployment: s.file, from: "" });
    expect(run.out).to.match(/6\s+Late Org\s+pending 0x[0-9a-fA-F]{40}\s+0 KAIA\s+closed .* ago\); renew it/);
  });

  describe("errors shared by every task", function () {
    it("refuses a missing deployment file, saying how to get one", async function () {
      const missing = path.join(scratch, "missing.json");
      const run = await runTask(["council", "status"], { deployment: missing, from: "" });
      expect(run).to.deep.equal({
        out: "",
        err: `Error: no deployment file ${missing}: deploy first (./gc ignition deploy …) or pass --deployment <file>`,
        exitCode: 1,
      });
    });

    it("refuses a deployment file that is not JSON or lacks a contract", async function () {
      const bad = path.join(scratch, "bad.json");
      writeFileSync(bad, "{ not json");
      const run = await runTask(["council", "status"], { deployment: bad, from: "" });
      expect(run.exitCode).to.equal(1);
      expect(run.err).to.match(new RegExp(`^Error: deployment file ${bad} is not JSON: .+$`));
      const partial = path.join(scratch, "partial.json");
      writeFileSync(partial, JSON.stringify({ registry: ethers.ZeroAddress }));
      const run2 = await runTask(["council", "status"], { deployment: partial, from: "" });
      expect(run2.err).to.equal(
        `Error: deployment file ${partial} has no address for CouncilGovernance#StakeVault (or "vault")`,
      );
    });

    it("refuses addresses without code (wrong network or file)", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const wrong = path.join(scratch, "wrong.json");
      const empty = "0x000000000000000000000000000000000000dEaD";
      writeFileSync(wrong, JSON.stringify({ ...s.addresses, vault: empty }));
      const run = await runTask(["council", "status"], { deployment: wrong, from: "" });
      expect(run.err).to.equal(
        `Error: no contract at ${empty} (CouncilGovernance#StakeVault) on chain 31337: wrong --network or --deployment?`,
      );
    });

    it("refuses an unknown --from account, by index or address", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const byIndex = await runTask(["council", "status"], { deployment: s.file, from: "99" });
      expect(byIndex.err).to.equal("Error: --from 99: this network has 20 accounts (0 to 19)");
      const stranger = ethers.Wallet.createRandom().address;
      const byAddress = await runTask(["council", "status"], { deployment: s.file, from: stranger });
      expect(byAddress.err).to.equal(
        `Error: --from ${stranger}: not one of this network's accounts (configure its key, or use an index)`,
      );
    });
  });
});

describe("tasks: dev advance-time", function () {
  it("moves the local chain's clock", async function () {
    const before = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
    const run = await runTask(["dev", "advance-time"], { duration: "2d" });
    const after = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
    expect(after - before).to.equal(2n * 86400n);
    expect(run).to.deep.equal({ out: `Chain time is now ${formatTime(after)}`, err: "", exitCode: 0 });
  });

  it("refuses a malformed duration", async function () {
    const run = await runTask(["dev", "advance-time"], { duration: "two days" });
    expect(run).to.deep.equal({
      out: "",
      err: 'Error: duration "two days" is not like 7d, 36h, 90m or 3600',
      exitCode: 1,
    });
  });
});

describe("read-only connections", function () {
  it("a command that sends, on a network without a configured key, says which key to set", async function () {
    const s = await networkHelpers.loadFixture(deployWithModule);
    // deployWithModule connects the contracts to the provider only, as runOps does when no key is configured.
    expect(s.signer).to.equal(undefined);
    expect(() => signerOf(s)).to.throw(
      OpsError,
      "this command sends a transaction, but the network has no account configured: set its key (e.g. ./gc keystore set KAIROS_PRIVATE_KEY)",
    );
  });
});
