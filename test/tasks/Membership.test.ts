/**
 * Membership tasks (scripts/tasks/membership.ts over scripts/ops/membership.ts): council apply, accept-voter,
 * renew, sponsor and no-confidence.
 *
 * Layout: one `describe` per task, the success paths first (output lines and on-chain state), then one `it` per
 * refusal: exit code 1, one line on stderr, nothing on stdout, and no transaction (same block, same state).
 */
import { expect } from "chai";

import { formatWhen } from "../../scripts/ops/format.js";
import {
  ACCOUNT,
  addressAt,
  chainNow,
  refusalChecker,
  runGroupTask,
  type Deployed,
  deployWithModule,
  ethers,
  networkHelpers,
  passMotion,
  signerAt,
  stakeMembers,
} from "../utils/tasks.js";

const { loadFixture, time } = networkHelpers;

const DAY = 86_400n;
const COIN = 10n ** 18n;
const UNIT = 5_000_000n * COIN;
const TX = /0x[0-9a-f]{64}/g;

const SECRETARIAT = ACCOUNT.secretariat;
const ADMIN1 = ACCOUNT.admin;
const ADMIN5 = ACCOUNT.admin + 4;
const VOTER1 = ACCOUNT.voter;
const VOTER2 = ACCOUNT.voter + 1;
const OUTSIDER = ACCOUNT.outsider;
/** The applicant (candidate 6's admin) and the voter it nominates. */
const APPLICANT = ACCOUNT.outsider + 1;
const CANDIDATE_VOTER = ACCOUNT.outsider + 2;

/** IMotionPolicy.MotionClass and IGovernor.ProposalState values used here. */
const ADMISSION = 3n;
const NO_CONFIDENCE = 4n;
const PENDING = 0n;

/** A keyless node address. */
function node(seed: number): string {
  return ethers.getAddress(ethers.zeroPadValue(ethers.toBeHex(0xb0000 + seed), 20));
}

const address = addressAt;

/** Runs `council <name>` against `d`'s deployment from account `from`. */
const council = (d: Deployed, name: string, from: number, args: Record<string, string> = {}) =>
  runGroupTask("council", d, name, from, args);

const now = chainNow;

/** Everything a membership task could change: the block height, the records, and the motions. */
async function observe(d: Deployed): Promise<unknown[]> {
  const out: unknown[] = [await ethers.provider.getBlockNumber(), await d.governor.proposalCount()];
  for (let id = 1n; id <= (await d.registry.memberCount()); id++) {
    const m = await d.registry.getMember(id);
    out.push(m.status, m.voter, m.appliedAt, await d.registry.pendingVoter(id));
  }
  return out;
}

/** Runs a task that must be refused with `message`, and checks that nothing was sent. */
const expectRefused = refusalChecker(observe);

/** The system with every member bonded one stake unit; outsiders hold 20,000,000 coins. */
async function deployed(): Promise<Deployed> {
  const d = await deployWithModule();
  await stakeMembers(d);
  for (const i of [OUTSIDER, APPLICANT, CANDIDATE_VOTER]) {
    await networkHelpers.setBalance(await address(i), 20_000_000n * COIN);
  }
  return d;
}

/** Account 14 applied as "Acme" (candidate 6), nominating account 15 as its voter (not accepted yet). */
async function applied(): Promise<Deployed> {
  const d = await deployed();
  await d.registry
    .connect(await signerAt(APPLICANT))
    .applyForMembership("Acme", "https://acme.example/gc.json", await address(CANDIDATE_VOTER), []);
  return d;
}

/** Candidate 6's voter accepted. */
async function accepted(): Promise<Deployed> {
  const d = await applied();
  await d.registry.connect(await signerAt(CANDIDATE_VOTER)).acceptVoter(6n);
  return d;
}

/** Candidate 6's voter accepted and it bonded one stake unit: it can be sponsored. */
async function ready(): Promise<Deployed> {
  const d = await accepted();
  await d.vault.connect(await signerAt(APPLICANT)).stake(UNIT, { value: UNIT });
  return d;
}

/** Member 1 asked to unstake its whole stake: no votes, not eligible. */
async function member1Unstaked(d: Deployed): Promise<void> {
  await d.vault.connect(await signerAt(ADMIN1)).requestUnstake(1n, UNIT);
  await time.increase(1);
}

describe("membership tasks", function () {
  describe("council apply", function () {
    it("applies with a nominated voter and nodes; prints the window and the next steps", async function () {
      const d = await loadFixture(deployed);
      const voter = await address(CANDIDATE_VOTER);
      const r = await council(d, "apply", APPLICANT, {
        name: "Acme",
        metadata: "https://acme.example/gc.json",
        voter,
        nodes: `${node(1)}, ${node(2)}`,
      });
      expect(r.exitCode).to.equal(0);
      expect(r.err).to.equal("");
      const m = await d.registry.getMember(6n);
      expect(r.out.replace(TX, "<tx>")).to.equal(
        [
          "Applied for membership: candidate 6 (Acme)",
          `  admin:   ${await address(APPLICANT)} (this account)`,
          `  voter:   ${voter} (nominated: it accepts with council accept-voter 6 --from ${voter})`,
          `  nodes:   ${node(1)}, ${node(2)}`,
          `  sponsorship window: until ${formatWhen(m.appliedAt + 14n * DAY, await now())}`,
          "  next:    bond 5,000,000 KAIA (stake deposit 5000000), then ask a member or the secretariat to sponsor it (council sponsor 6)",
          "  tx:      <tx>",
        ].join("\n"),
      );
      expect(r.out).to.contain("(in 14d)");
      expect(m.status).to.equal(1n);
      expect(m.name).to.equal("Acme");
      expect(m.metadataURI).to.equal("https://acme.example/gc.json");
      expect(m.admin).to.equal(await address(APPLICANT));
      expect(m.voter).to.equal(ethers.ZeroAddress);
      expect([...m.nodes]).to.deep.equal([node(1), node(2)]);
      expect(await d.registry.pendingVoter(6n)).to.equal(voter);
    });

    it("sets the voter at once when it is the applying account, and notes a node another member runs", async function () {
      const d = await loadFixture(deployed);
      const applicant = await address(APPLICANT);
      const taken = "0x00000000000000000000000000000000000A0001";
      const r = await council(d, "apply", APPLICANT, {
        name: "Acme",
        metadata: "ipfs://acme",
        voter: applicant,
        nodes: taken,
      });
      expect(r.exitCode).to.equal(0);
      const lines = r.out.replace(TX, "<tx>").split("\n");
      expect(lines[2]).to.equal(`  voter:   ${applicant}`);
      expect(lines[6]).to.equal(
        `  note:    node ${ethers.getAddress(taken)} is a node of member 1: admission fails unless that member releases it`,
      );
      expect((await d.registry.getMember(6n)).voter).to.equal(applicant);
    });

    it("refuses a missing name", async function () {
      const d = await loadFixture(deployed);
      await expectRefused(
        d,
        () => council(d, "apply", APPLICANT, { metadata: "ipfs://acme", voter: ethers.ZeroAddress }),
        '--name is required (example: --name "Acme Labs")',
      );
    });

    it("refuses a name longer than 64 bytes", async function () {
      const d = await loadFixture(deployed);
      await expectRefused(
        d,
        () =>
          council(d, "apply", APPLICANT, { name: "é".repeat(33), metadata: "ipfs://acme", voter: node(9) }),
        "--name is 66 bytes; at most 64 are allowed",
      );
    });

    it("refuses a missing metadata URI", async function () {
      const d = await loadFixture(deployed);
      await expectRefused(
        d,
        () => council(d, "apply", APPLICANT, { name: "Acme", voter: node(9) }),
        "--metadata is required (example: --metadata https://acme.example/gc.json)",
      );
    });

    it("refuses a voter that is not an address", async function () {
      const d = await loadFixture(deployed);
      await expectRefused(
        d,
        () => council(d, "apply", APPLICANT, { name: "Acme", metadata: "ipfs://acme", voter: "bob" }),
        '--voter "bob" is not an address (0x followed by 40 hex digits)',
      );
    });

    it("refuses a voter account that another member uses", async function () {
      const d = await loadFixture(deployed);
      const voter = await address(VOTER1);
      await expectRefused(
        d,
        () => council(d, "apply", APPLICANT, { name: "Acme", metadata: "ipfs://acme", voter }),
        `--voter ${voter} is (or was) the voter of member 1; voter accounts are never reused: use a fresh account`,
      );
    });

    it("refuses an applying account that already administers a member", async function () {
      const d = await loadFixture(deployed);
      await expectRefused(
        d,
        () => council(d, "apply", ADMIN1, { name: "Acme", metadata: "ipfs://acme", voter: node(9) }),
        `account ${await address(ADMIN1)} is already the admin of member 1; apply with accounts that belong to no member`,
      );
    });

    it("refuses a node listed twice", async function () {
      const d = await loadFixture(deployed);
      await expectRefused(
        d,
        () =>
          council(d, "apply", APPLICANT, {
            name: "Acme",
            metadata: "ipfs://acme",
            voter: node(9),
            nodes: `${node(1)},${node(1).toLowerCase()}`,
          }),
        `--nodes lists ${node(1)} twice`,
      );
    });

    it("refuses more than 16 nodes", async function () {
      const d = await loadFixture(deployed);
      const nodes = Array.from({ length: 17 }, (_, i) => node(10 + i)).join(",");
      await expectRefused(
        d,
        () =>
          council(d, "apply", APPLICANT, { name: "Acme", metadata: "ipfs://acme", voter: node(9), nodes }),
        "--nodes lists 17 addresses; at most 16 are allowed",
      );
    });
  });

  describe("council accept-voter", function () {
    it("makes the nominated account the candidate's voter", async function () {
      const d = await loadFixture(applied);
      const voter = await address(CANDIDATE_VOTER);
      const r = await council(d, "accept-voter", CANDIDATE_VOTER, { member: "6" });
      expect(r.exitCode).to.equal(0);
      expect(r.out.replace(TX, "<tx>")).to.equal(
        `${voter} is now the voter of candidate 6 (Acme)\n  tx: <tx>`,
      );
      expect((await d.registry.getMember(6n)).voter).to.equal(voter);
      expect(await d.registry.pendingVoter(6n)).to.equal(ethers.ZeroAddress);
    });

    it("refuses an account that was not nominated", async function () {
      const d = await loadFixture(applied);
      await expectRefused(
        d,
        () => council(d, "accept-voter", OUTSIDER, { member: "6" }),
        `account ${await address(OUTSIDER)} is not the voter nominated for candidate 6 (Acme) (${await address(CANDIDATE_VOTER)} is); accept from that account (--from)`,
      );
    });

    it("refuses when there is no nomination", async function () {
      const d = await loadFixture(applied);
      await expectRefused(
        d,
        () => council(d, "accept-voter", OUTSIDER, { member: "1" }),
        "member 1 (Member 1) has no voter nomination to accept; its admin nominates one first",
      );
    });

    it("refuses an unknown id", async function () {
      const d = await loadFixture(applied);
      await expectRefused(
        d,
        () => council(d, "accept-voter", CANDIDATE_VOTER, { member: "7" }),
        "unknown member id 7: no member or candidate has this id (ids are 1 to 6)",
      );
    });
  });

  describe("council renew", function () {
    it("starts a new sponsorship window for a lapsed application", async function () {
      const d = await loadFixture(applied);
      await time.increase(15n * DAY);
      const r = await council(d, "renew", APPLICANT, { candidate: "6" });
      expect(r.exitCode).to.equal(0);
      const appliedAt = (await d.registry.getMember(6n)).appliedAt;
      expect(appliedAt).to.equal(await now());
      expect(r.out.replace(TX, "<tx>")).to.equal(
        [
          "Renewed the application of candidate 6 (Acme)",
          `  sponsorship window: until ${formatWhen(appliedAt + 14n * DAY, appliedAt)}`,
          "  tx: <tx>",
        ].join("\n"),
      );
      expect(await d.registry.isApplicationOpen(6n)).to.equal(true);
    });

    it("refuses while the application is open", async function () {
      const d = await loadFixture(applied);
      const closesAt = (await d.registry.getMember(6n)).appliedAt + 14n * DAY;
      await expectRefused(
        d,
        () => council(d, "renew", APPLICANT, { candidate: "6" }),
        `the application of candidate 6 (Acme) is open until ${formatWhen(closesAt, await now())}: it can be sponsored now (renew it after it closes)`,
      );
    });

    it("refuses an account that is not the candidate's admin", async function () {
      const d = await loadFixture(applied);
      await time.increase(15n * DAY);
      await expectRefused(
        d,
        () => council(d, "renew", OUTSIDER, { candidate: "6" }),
        `account ${await address(OUTSIDER)} is not the admin of candidate 6 (Acme); renew from its admin account (--from)`,
      );
    });

    it("refuses an active member", async function () {
      const d = await loadFixture(applied);
      await expectRefused(
        d,
        () => council(d, "renew", ADMIN1, { candidate: "1" }),
        "member 1 (Member 1) is Active, not a candidate",
      );
    });
  });

  describe("council sponsor", function () {
    it("opens an Admission motion from a member's voter; prints its id, class and voting times", async function () {
      const d = await loadFixture(ready);
      const r = await council(d, "sponsor", VOTER1, { candidate: "6" });
      expect(r.exitCode).to.equal(0);
      expect(r.err).to.equal("");
      const at = await now();
      const snapshot = await d.governor.proposalSnapshot(1n);
      const deadline = await d.governor.proposalDeadline(1n);
      expect(snapshot).to.equal(at + 7n * DAY);
      expect(deadline).to.equal(at + 14n * DAY);
      expect(r.out.replace(TX, "<tx>")).to.equal(
        [
          "Sponsored candidate 6 (Acme): motion 1 (Admission)",
          "  description:   Admit candidate 6 (Acme)",
          `  voting starts: ${formatWhen(snapshot, at)}`,
          `  voting ends:   ${formatWhen(deadline, at)}`,
          "  tx:            <tx>",
        ].join("\n"),
      );
      expect(r.out).to.contain("(in 7d)");
      expect(await d.governor.motionClass(1n)).to.equal(ADMISSION);
      expect((await d.governor.motionRecord(1n)).subjectMemberId).to.equal(6n);
      expect(await d.governor.proposalProposer(1n)).to.equal(await address(VOTER1));
      expect(await d.governor.state(1n)).to.equal(PENDING);
    });

    it("opens it from the secretariat, with a description", async function () {
      const d = await loadFixture(ready);
      const r = await council(d, "sponsor", SECRETARIAT, {
        candidate: "6",
        description: "Admit Acme: runs two public RPC endpoints",
      });
      expect(r.exitCode).to.equal(0);
      expect(r.out.split("\n").slice(0, 2)).to.deep.equal([
        "Sponsored candidate 6 (Acme): motion 1 (Admission)",
        "  description:   Admit Acme: runs two public RPC endpoints",
      ]);
      expect(await d.governor.proposalProposer(1n)).to.equal(await address(SECRETARIAT));
    });

    it("refuses an unknown candidate id", async function () {
      const d = await loadFixture(ready);
      await expectRefused(
        d,
        () => council(d, "sponsor", VOTER1, { candidate: "9" }),
        "unknown candidate id 9: no member or candidate has this id (ids are 1 to 6)",
      );
    });

    it("refuses an id that is not a candidate", async function () {
      const d = await loadFixture(ready);
      await expectRefused(
        d,
        () => council(d, "sponsor", VOTER1, { candidate: "2" }),
        "member 2 (Member 2) is Active, not a candidate: only candidates can be sponsored",
      );
    });

    it("refuses an application whose sponsorship window closed, saying when", async function () {
      const d = await loadFixture(ready);
      const closesAt = (await d.registry.getMember(6n)).appliedAt + 14n * DAY;
      await time.increase(15n * DAY);
      await expectRefused(
        d,
        () => council(d, "sponsor", VOTER1, { candidate: "6" }),
        `the application of candidate 6 (Acme) closed ${formatWhen(closesAt, await now())}: its admin renews it (council renew 6), then it can be sponsored`,
      );
    });

    it("refuses a candidate whose voter has not accepted", async function () {
      const d = await loadFixture(applied);
      const voter = await address(CANDIDATE_VOTER);
      await expectRefused(
        d,
        () => council(d, "sponsor", VOTER1, { candidate: "6" }),
        `candidate 6 (Acme) has no voter yet: ${voter} accepts first (council accept-voter 6 --from ${voter})`,
      );
    });

    it("refuses a candidate with less than one stake unit bonded", async function () {
      const d = await loadFixture(accepted);
      await d.vault.connect(await signerAt(APPLICANT)).stake(COIN, { value: COIN });
      await expectRefused(
        d,
        () => council(d, "sponsor", VOTER1, { candidate: "6" }),
        "candidate 6 (Acme) has 1 KAIA bonded and needs at least 5,000,000 KAIA before it can be sponsored (stake deposit 4999999 --member 6)",
      );
    });

    it("refuses an account that is not a member (not the voter of an active member, nor the secretariat)", async function () {
      const d = await loadFixture(ready);
      await expectRefused(
        d,
        () => council(d, "sponsor", OUTSIDER, { candidate: "6" }),
        `account ${await address(OUTSIDER)} is not a member: it is not the voter of an active member (nor the secretariat); sponsor from a member's voter account or the secretariat's (--from)`,
      );
    });

    it("refuses the voter of a member that resigned", async function () {
      const d = await loadFixture(ready);
      await d.registry.connect(await signerAt(ADMIN5)).resign(5n);
      const voter5 = await address(ACCOUNT.voter + 4);
      await expectRefused(
        d,
        () => council(d, "sponsor", ACCOUNT.voter + 4, { candidate: "6" }),
        `account ${voter5} is not a member: it votes for member 5 (Member 5), which is Resigned; sponsor from a member's voter account or the secretariat's (--from)`,
      );
    });

    it("refuses a member without a stake unit (insufficient stake)", async function () {
      const d = await loadFixture(ready);
      await member1Unstaked(d);
      await expectRefused(
        d,
        () => council(d, "sponsor", VOTER1, { candidate: "6" }),
        "insufficient stake: member 1 (Member 1) has 0 KAIA staked and needs at least 5,000,000 KAIA to sponsor",
      );
    });

    it("refuses a candidate that already has a live admission motion", async function () {
      const d = await loadFixture(ready);
      await d.governor.connect(await signerAt(VOTER2)).proposeAdmission(6n, "Admit Acme");
      await expectRefused(
        d,
        () => council(d, "sponsor", VOTER1, { candidate: "6" }),
        "candidate 6 (Acme) already has a live admission motion (motion 1); vote on it instead",
      );
    });

    it("refuses a proposer at its live-motion limit", async function () {
      const d = await loadFixture(ready);
      const voter = await signerAt(VOTER1);
      for (let i = 0; i < 3; i++) {
        await d.governor.connect(voter).propose([d.addresses.timelock], [0n], ["0x"], `Signal ${i}`);
      }
      await expectRefused(
        d,
        () => council(d, "sponsor", VOTER1, { candidate: "6" }),
        `account ${voter.address} already has 3 live motions, the most allowed; sponsor when one ends`,
      );
    });

    it("refuses a member under the secretariat-only proposer rule", async function () {
      const d = await loadFixture(ready);
      const secretariat = await address(SECRETARIAT);
      await passMotion(d, {
        targets: [d.addresses.governor],
        values: [0n],
        calldatas: [d.governor.interface.encodeFunctionData("setProposerRule", [secretariat, 1])],
        description: "Only the secretariat proposes",
      });
      await d.registry.connect(await signerAt(APPLICANT)).renewApplication(6n);
      await expectRefused(
        d,
        () => council(d, "sponsor", VOTER1, { candidate: "6" }),
        "only the secretariat may sponsor candidates (the proposer rule is secretariat-only)",
      );
    });
  });

  describe("council no-confidence", function () {
    it("opens a No-confidence motion from a member's voter; the target is excluded", async function () {
      const d = await loadFixture(deployed);
      const r = await council(d, "no-confidence", VOTER1, {
        member: "3",
        reason: "nodes offline for 30 days",
      });
      expect(r.exitCode).to.equal(0);
      expect(r.err).to.equal("");
      const at = await now();
      const snapshot = await d.governor.proposalSnapshot(1n);
      const deadline = await d.governor.proposalDeadline(1n);
      expect(r.out.replace(TX, "<tx>")).to.equal(
        [
          "Moved no confidence in member 3 (Member 3): motion 1 (No-confidence)",
          "  description:   No confidence in member 3 (Member 3): nodes offline for 30 days",
          `  voting starts: ${formatWhen(snapshot, at)}`,
          `  voting ends:   ${formatWhen(deadline, at)}`,
          "  member 3 cannot vote on it and is left out of its quorum",
          `  member 3's stake is frozen until ${formatWhen(snapshot, at)}: no stake, unstake or re-stake before voting opens`,
          "  tx:            <tx>",
        ].join("\n"),
      );
      expect(snapshot).to.equal(at + 7n * DAY);
      expect(deadline).to.equal(at + 14n * DAY);
      expect(await d.governor.motionClass(1n)).to.equal(NO_CONFIDENCE);
      expect((await d.governor.motionRecord(1n)).excludedMemberId).to.equal(3n);
      expect((await d.governor.motionRecord(1n)).subjectMemberId).to.equal(3n);
      // The target's stake is frozen until the snapshot.
      expect(await d.vault.frozenUntil(3n)).to.equal(snapshot);
    });

    it("warns in one line when removing an eligible target would leave too few eligible members", async function () {
      const d = await loadFixture(deployed);
      // Member 5 unbonds: 5 active members, 4 eligible (the minimum). Removing eligible member 3 would leave 3.
      await d.vault.connect(await signerAt(ADMIN5)).requestUnstake(5n, UNIT);
      await time.increase(1);
      expect(await d.registry.removalCheck(3n)).to.deep.equal([false, 3n, 4n]);
      const r = await council(d, "no-confidence", VOTER1, { member: "3", reason: "nodes offline" });
      expect(r.exitCode, r.err).to.equal(0);
      const lines = r.out.split("\n");
      expect(lines[0]).to.equal(
        "warning: removing member 3 now would leave 3 eligible members, below the minimum of 4: the motion can pass, " +
          "but its execution will fail unless the eligible count rises",
      );
      expect(lines[1]).to.equal("Moved no confidence in member 3 (Member 3): motion 1 (No-confidence)");
      expect(await d.governor.proposalCount()).to.equal(1n);

      // The warning is right: the motion passes, and its execution reverts until the eligible count rises.
      const voters = await Promise.all([0, 1, 3].map((i) => signerAt(VOTER1 + i)));
      await time.increaseTo((await d.governor.proposalSnapshot(1n)) + 1n);
      for (const v of voters) await d.governor.connect(v).castVote(1n, 1);
      await time.increaseTo((await d.governor.proposalDeadline(1n)) + 1n);
      const remove = {
        targets: [d.addresses.registry],
        values: [0n],
        calldatas: [d.registry.interface.encodeFunctionData("remove", [3n])],
        hash: ethers.id("No confidence in member 3 (Member 3): nodes offline"),
      };
      const anyone = d.governor.connect(await signerAt(OUTSIDER));
      await anyone.queue(remove.targets, remove.values, remove.calldatas, remove.hash);
      await time.increaseTo(await d.governor.proposalEta(1n));
      await expect(anyone.execute(remove.targets, remove.values, remove.calldatas, remove.hash))
        .to.be.revertedWithCustomError(d.registry, "CouncilRegistryTooFewEligible")
        .withArgs(3n, 4n);
      // Member 5 re-stakes its request: 5 eligible, and the same execution now removes member 3.
      await d.vault.connect(await signerAt(ADMIN5)).restake(5n, 0n);
      expect(await d.registry.removalCheck(3n)).to.deep.equal([true, 4n, 4n]);
      await anyone.execute(remove.targets, remove.values, remove.calldatas, remove.hash);
      expect(await d.registry.isActive(3n)).to.equal(false);
    });

    it("prints no warning while the eligible count stays at the minimum after the removal", async function () {
      const d = await loadFixture(deployed);
      expect(await d.registry.removalCheck(3n)).to.deep.equal([true, 4n, 4n]);
      const r = await council(d, "no-confidence", VOTER1, { member: "3", reason: "nodes offline" });
      expect(r.exitCode, r.err).to.equal(0);
      expect(r.out).to.not.include("warning");
    });

    it("refuses a missing reason", async function () {
      const d = await loadFixture(deployed);
      await expectRefused(
        d,
        () => council(d, "no-confidence", VOTER1, { member: "3" }),
        '--reason is required (example: --reason "left its nodes offline for 30 days")',
      );
    });

    it("refuses an unknown member id", async function () {
      const d = await loadFixture(deployed);
      await expectRefused(
        d,
        () => council(d, "no-confidence", VOTER1, { member: "9", reason: "x" }),
        "unknown member id 9: no member or candidate has this id (ids are 1 to 5)",
      );
    });

    it("refuses an account that is not a member (the secretariat included)", async function () {
      const d = await loadFixture(deployed);
      for (const from of [OUTSIDER, SECRETARIAT]) {
        await expectRefused(
          d,
          () => council(d, "no-confidence", from, { member: "3", reason: "x" }),
          `account ${await address(from)} is not a member: it is not the voter of an active member; move no confidence from your member's voter account (--from)`,
        );
      }
    });

    it("refuses a member without a stake unit (insufficient stake)", async function () {
      const d = await loadFixture(deployed);
      await member1Unstaked(d);
      await expectRefused(
        d,
        () => council(d, "no-confidence", VOTER1, { member: "3", reason: "x" }),
        "insufficient stake: member 1 (Member 1) has 0 KAIA staked and needs at least 5,000,000 KAIA to move no confidence",
      );
    });

    it("refuses a motion against the mover itself", async function () {
      const d = await loadFixture(deployed);
      await expectRefused(
        d,
        () => council(d, "no-confidence", VOTER1, { member: "1", reason: "x" }),
        "member 1 (Member 1) cannot move no confidence in itself",
      );
    });

    it("refuses a target that is not an active member", async function () {
      const d = await loadFixture(applied);
      await expectRefused(
        d,
        () => council(d, "no-confidence", VOTER1, { member: "6", reason: "x" }),
        "candidate 6 (Acme) is Candidate, not an active member: no confidence applies to active members only",
      );
      await d.registry.connect(await signerAt(ADMIN5)).resign(5n);
      await expectRefused(
        d,
        () => council(d, "no-confidence", VOTER1, { member: "5", reason: "x" }),
        "member 5 (Member 5) is Resigned, not an active member: no confidence applies to active members only",
      );
    });

    it("refuses when the council is at its minimum size", async function () {
      const d = await loadFixture(deployed);
      await d.registry.connect(await signerAt(ADMIN5)).resign(5n);
      await expectRefused(
        d,
        () => council(d, "no-confidence", VOTER1, { member: "3", reason: "x" }),
        "the council has 4 active members, its minimum: no member can be removed until another is admitted",
      );
    });

    it("refuses a target that already has a live no-confidence motion", async function () {
      const d = await loadFixture(deployed);
      await d.governor.connect(await signerAt(VOTER2)).proposeNoConfidence(3n, "No confidence in member 3");
      await expectRefused(
        d,
        () => council(d, "no-confidence", VOTER1, { member: "3", reason: "x" }),
        "member 3 (Member 3) already has a live no-confidence motion (motion 1); vote on it instead",
      );
    });

    it("refuses a mover at its live-motion limit", async function () {
      const d = await loadFixture(deployed);
      const voter = await signerAt(VOTER1);
      for (let i = 0; i < 3; i++) {
        await d.governor.connect(voter).propose([d.addresses.timelock], [0n], ["0x"], `Signal ${i}`);
      }
      await expectRefused(
        d,
        () => council(d, "no-confidence", VOTER1, { member: "3", reason: "x" }),
        `account ${voter.address} already has 3 live motions, the most allowed; move no confidence when one ends`,
      );
    });
  });
});
