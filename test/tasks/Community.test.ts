/**
 * The community-phase tasks against a system deployed by the Ignition module: `motion opine` (an advisor's
 * statement of opinion), `motion extend` (a member's call to extend a live vote) and what `motion show` prints of
 * both, and `council dao-check` on a DAO that fits the council's classes and on one that does not, with every
 * refusal's one-line message.
 */
import { expect } from "chai";

import { formatTime } from "../../scripts/ops/format.js";
import { ACCOUNT, deployWithModule, ethers, networkHelpers, runTask, stakeMembers } from "../utils/tasks.js";
import type { Deployed, TaskRun } from "../utils/tasks.js";
import { deployDao } from "../utils/dao.js";

const ADVISOR = ACCOUNT.outsider;
const URI = "ipfs://bafyopinion/kgp-31.md";
const HASH = ethers.id("statement of opinion on KGP-31");

function task(name: string, s: Deployed, args: Record<string, unknown>, from: number): Promise<TaskRun> {
  return runTask(["motion", name], { deployment: s.file, from: String(from), ...args });
}

/** A refused run: one line on stderr, nothing on stdout, exit code 1. */
function expectRefused(run: TaskRun, message: string): void {
  expect(run).to.deep.equal({ out: "", err: `Error: ${message}`, exitCode: 1 });
}

/** The module's system, five members staked, an advisor appointed (the timelock impersonated), motion 1 Pending. */
async function withAdvisor(): Promise<Deployed & { advisor: string }> {
  const s = await deployWithModule();
  await stakeMembers(s);
  const timelock = await s.timelock.getAddress();
  await networkHelpers.impersonateAccount(timelock);
  await networkHelpers.setBalance(timelock, ethers.parseEther("10"));
  const signers = await ethers.getSigners();
  const advisor = signers[ADVISOR].address;
  await s.advisors!.connect(await ethers.getSigner(timelock)).appointAdvisor(advisor, "Kaia Research");
  await s.governor.connect(signers[ACCOUNT.secretariat]).propose([timelock], [0n], ["0x"], "Signal: KGP-31");
  return { ...s, advisor };
}

/** `withAdvisor`, with voting open. */
async function active(): Promise<Deployed & { advisor: string }> {
  const s = await withAdvisor();
  await networkHelpers.time.increaseTo((await s.governor.proposalSnapshot(1n)) + 1n);
  return s;
}

describe("tasks: community", function () {
  describe("motion opine", function () {
    it("files the advisor's opinion, and motion show lists it", async function () {
      const s = await networkHelpers.loadFixture(withAdvisor);
      const run = await task(
        "opine",
        s,
        { id: "1", recommendation: "against", uri: URI, hash: HASH },
        ADVISOR,
      );
      expect(run.err).to.equal("");
      expect(run.out).to.match(/^Filed an opinion \(against\) on motion 1 \(0x[0-9a-f]{64}\)$/);
      const [, opinion] = await s.advisors!.opinionOf(1n, s.advisor);
      const show = await task("show", s, { id: "1" }, 0);
      const lines = show.out.split("\n");
      const at = lines.indexOf("Advisors' opinions (1):");
      expect(at).to.be.greaterThan(0);
      expect(lines[at + 1].split(/\s{2,}/)).to.deep.equal([
        "advisor",
        "recommends",
        "filed",
        "statement",
        "content hash",
      ]);
      expect(lines[at + 3].split(/\s{2,}/)).to.deep.equal([
        `Kaia Research ${s.advisor}`,
        "against",
        formatTime(opinion.filedAt),
        URI,
        HASH,
      ]);
    });

    it("refuses an account that is not an advisor", async function () {
      const s = await networkHelpers.loadFixture(withAdvisor);
      const account = (await ethers.getSigners())[ACCOUNT.voter].address;
      expectRefused(
        await task("opine", s, { id: "1", recommendation: "for", uri: URI, hash: HASH }, ACCOUNT.voter),
        `account ${account} is not an advisor: only appointed advisors file opinions`,
      );
    });

    it("refuses a second opinion, a bad recommendation, URI or hash", async function () {
      const s = await networkHelpers.loadFixture(withAdvisor);
      await task("opine", s, { id: "1", recommendation: "for", uri: URI, hash: HASH }, ADVISOR);
      expectRefused(
        await task("opine", s, { id: "1", recommendation: "for", uri: URI, hash: HASH }, ADVISOR),
        `advisor ${s.advisor} already filed its opinion on motion 1; one per motion`,
      );
      expectRefused(
        await task("opine", s, { id: "1", recommendation: "yes", uri: URI, hash: HASH }, ADVISOR),
        'recommendation "yes" is not one of: against, for, abstain',
      );
      expectRefused(
        await task("opine", s, { id: "1", recommendation: "for", uri: "", hash: HASH }, ADVISOR),
        "the statement URI must be 1 to 256 bytes (got 0): pass --uri ipfs://…",
      );
      expectRefused(
        await task("opine", s, { id: "1", recommendation: "for", uri: URI, hash: "0x12" }, ADVISOR),
        'the content hash must be a non-zero 32-byte hex value (got "0x12"): e.g. the statement\'s sha256 or keccak256',
      );
      expect(await s.advisors!.opinionCount(1n)).to.equal(1n);
    });

    it("refuses after voting ends", async function () {
      const s = await networkHelpers.loadFixture(withAdvisor);
      await networkHelpers.time.increaseTo((await s.governor.proposalDeadline(1n)) + 1n);
      const run = await task("opine", s, { id: "1", recommendation: "for", uri: URI, hash: HASH }, ADVISOR);
      expect(run.exitCode).to.equal(1);
      expect(run.err).to.match(
        /^Error: motion 1 is Defeated: .*; filing an opinion needs it Pending or Active$/,
      );
    });
  });

  describe("motion extend", function () {
    it("counts members' calls and extends the vote at more than half; motion show says so", async function () {
      const s = await networkHelpers.loadFixture(active);
      const deadline = await s.governor.proposalDeadline(1n);
      const first = await task("extend", s, { id: "1" }, ACCOUNT.voter);
      expect(first.out).to.match(/^Member 1 called for an extension of motion 1: 1 of 3 \(0x[0-9a-f]{64}\)$/);
      expect((await task("show", s, { id: "1" }, 0)).out).to.contain(
        "Vote extension: 1 of 3 calls (would add 7d)",
      );
      await task("extend", s, { id: "1" }, ACCOUNT.voter + 1);
      const third = await task("extend", s, { id: "1" }, ACCOUNT.voter + 2);
      const extended = deadline + 7n * 86400n;
      expect(third.out.split("\n")[1]).to.equal(
        `The vote is extended: it now closes at ${formatTime(extended)}`,
      );
      expect(await s.governor.proposalDeadline(1n)).to.equal(extended);
      expect((await task("show", s, { id: "1" }, 0)).out).to.contain(
        `Vote extension: granted by 3 members; the vote closes at ${formatTime(extended)}`,
      );
      expectRefused(
        await task("extend", s, { id: "1" }, ACCOUNT.voter + 3),
        `motion 1 was already extended (to ${formatTime(extended)}); a motion is extended once`,
      );
    });

    it("refuses a second call, a non-member, and a motion that is not Active", async function () {
      const s = await networkHelpers.loadFixture(active);
      await task("extend", s, { id: "1" }, ACCOUNT.voter);
      expectRefused(
        await task("extend", s, { id: "1" }, ACCOUNT.voter),
        "member 1 already called for an extension of motion 1; a member calls once",
      );
      const outsider = (await ethers.getSigners())[ACCOUNT.outsider].address;
      expectRefused(
        await task("extend", s, { id: "1" }, ACCOUNT.outsider),
        `account ${outsider} is not a member's voter account: vote on motion 1 --from the member's voter`,
      );
      await networkHelpers.time.increaseTo((await s.governor.proposalDeadline(1n)) + 1n);
      const late = await task("extend", s, { id: "1" }, ACCOUNT.voter + 1);
      expect(late.err).to.match(
        /^Error: motion 1 is Defeated: .*; calling for an extension needs it Active$/,
      );
      expect((await s.voteExtension!.extensionStatus(1n))[0]).to.equal(1n);
    });
  });

  describe("council dao-check", function () {
    const DAY = 86400n;

    async function daoCheck(s: Deployed, governor: string): Promise<TaskRun> {
      return runTask(["council", "dao-check"], { deployment: s.file, from: "0", governor, blockTime: 1n });
    }

    async function daoWith(
      votingDelay: bigint,
      votingPeriod: bigint,
      timelockDelay: bigint,
    ): Promise<string> {
      const holders = (await ethers.getSigners()).slice(14, 16);
      const dao = await deployDao(ethers, holders, { votingDelay, votingPeriod, timelockDelay });
      return dao.governor.getAddress();
    }

    it("says a DAO of 1 + 3 + 2 days fits every class (7-day council periods)", async function () {
      const s = await networkHelpers.loadFixture(deployWithModule);
      const governor = await daoWith(DAY, 3n * DAY, 2n * DAY);
      const run = await daoCheck(s, governor);
      expect(run.err).to.equal("");
      const lines = run.out.split("\n");
      expect(lines.slice(0, 3)).to.deep.equal([
        `DAO Stock Governor (${governor})`,
        "  clock: mode=timestamp",
        "  voting delay 1d + voting period 3d + timelock 2d = 6d",
      ]);
      const rows = lines.slice(5, 10).map((l) => l.split(/\s{2,}/));
      expect(rows).to.deep.equal([
        ["Standard", "7d", "7d", "fits"],
        ["Treasury", "7d", "7d", "fits"],
        ["Constitutional", "7d", "7d", "fits"],
        ["Admission", "7d", "7d", "fits"],
        ["No-confidence", "7d", "7d", "fits"],
      ]);
      expect(lines[10]).to.equal("The DAO can vote on every class of motion.");
    });

    it("says a DAO of 2 + 5 + 2 days fits only if it proposes within 5 days of the motion", async function () {
      const s = await networkHelpers.loadFixture(deployWithModule);
      const run = await daoCheck(s, await daoWith(2n * DAY, 5n * DAY, 2n * DAY));
      const rows = run.out
        .split("\n")
        .slice(5, 10)
        .map((l) => l.split(/\s{2,}/));
      expect(rows[0]).to.deep.equal([
        "Standard",
        "7d",
        "7d",
        "fits if the DAO proposes within 5d of the motion's creation",
      ]);
    });

    it("says a DAO of 2 + 10 + 3 days does not fit, and which classes", async function () {
      const s = await networkHelpers.loadFixture(deployWithModule);
      const run = await daoCheck(s, await daoWith(2n * DAY, 10n * DAY, 3n * DAY));
      expect(run.exitCode).to.equal(0);
      const lines = run.out.split("\n");
      expect(lines[2]).to.equal("  voting delay 2d + voting period 10d + timelock 3d = 15d");
      expect(lines.slice(5, 10).map((l) => l.split(/\s{2,}/)[3])).to.deep.equal(
        Array(5).fill("does not fit"),
      );
      expect(lines[10]).to.equal(
        "The DAO cannot vote in time on: Standard, Treasury, Constitutional, Admission, No-confidence; shorten its delay, period or timelock.",
      );
    });

    it("refuses an address without code, an account that is not a governor, and a malformed address", async function () {
      const s = await networkHelpers.loadFixture(deployWithModule);
      const eoa = (await ethers.getSigners())[ACCOUNT.outsider].address;
      expectRefused(
        await daoCheck(s, eoa),
        `no contract at ${eoa}: pass the DAO's governor address on this network`,
      );
      const registry = await s.registry.getAddress();
      expectRefused(
        await daoCheck(s, registry),
        `${registry} is not a governor: it has no votingDelay() and votingPeriod()`,
      );
      expectRefused(await daoCheck(s, "0x12"), '"0x12" is not an address: pass the DAO\'s governor address');
    });
  });
});
