/**
 * Community tasks (scripts/tasks/community.ts over scripts/ops/community.ts): status, petitions (open, back, oppose,
 * settle, withdraw, status, list) and the veto phase (lock, withdraw, status).
 *
 * Layout: one `describe` per task group, the success path first (output lines, on-chain state), then one `it` per
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
  runTask,
  type Deployed,
  deployWithModule,
  deployWithParameters,
  ethers,
  passMotion,
  signerAt,
  networkHelpers,
  stakeMembers,
} from "../utils/tasks.js";

const { loadFixture, time } = networkHelpers;

const COIN = 10n ** 18n;
const TX = /0x[0-9a-f]{64}/;
const HOLDER = ACCOUNT.outsider;

/** Runs `community <words…>` against `d`'s deployment from account `from`. */
function community(d: Deployed, words: string[], from: number, args: Record<string, unknown> = {}) {
  return runTask(["community", ...words], { deployment: d.file, from: String(from), ...args });
}

async function petitionsOf(d: Deployed) {
  const [address] = await d.policy.community();
  return ethers.getContractAt("CommunityPetitions", address);
}

/** Everything a community task could change: the block height and the two contracts' balances. */
async function observe(d: Deployed): Promise<unknown[]> {
  const [petitions, veto] = await d.policy.community();
  return [
    await ethers.provider.getBlockNumber(),
    await ethers.provider.getBalance(petitions),
    await ethers.provider.getBalance(veto),
  ];
}

const expectRefused = refusalChecker(observe);

/** Members staked; holders 13 to 16 hold 20,000,000 coins each. */
async function deployed(): Promise<Deployed> {
  const d = await deployWithModule();
  await stakeMembers(d);
  for (let i = 0; i < 4; i++)
    await networkHelpers.setBalance(await addressAt(HOLDER + i), 20_000_000n * COIN);
  return d;
}

/** Petition 1 (no confidence in member 5) opened by holder 13, backed by 6,000,000 and opposed by 1,000,000. */
async function withPetition(): Promise<Deployed> {
  const d = await deployed();
  const petitions = await petitionsOf(d);
  await petitions
    .connect((await ethers.getSigners())[HOLDER])
    .openNoConfidence(5n, "Member 5 missed every vote", { value: await petitions.bond() });
  await petitions
    .connect((await ethers.getSigners())[HOLDER + 1])
    .lock(1n, true, 6_000_000n * COIN, { value: 6_000_000n * COIN });
  await petitions
    .connect((await ethers.getSigners())[HOLDER + 2])
    .lock(1n, false, 1_000_000n * COIN, { value: 1_000_000n * COIN });
  return d;
}

/**
 * ERC-20 mode with a fee-on-transfer token (1 %, rounded up) and a 2-day veto window: every member bonds one stake
 * unit (plus the fee), holders 13 to 16 hold 20,000,000 tokens, and a Constitutional motion switched the veto on.
 */
async function erc20WithVeto() {
  const token = await ethers.deployContract("FeeOnTransferERC20", ["Wrapped Kaia", "WKAIA"]);
  const d = await deployWithParameters({ stakeToken: await token.getAddress(), vetoWindow: 2n * 86_400n });
  const amount = ((await d.vault.stakeUnit()) * 100n) / 99n + 10n;
  for (let i = 0; i < 5; i++) {
    const admin = await signerAt(ACCOUNT.admin + i);
    await networkHelpers.setBalance(admin.address, 10n * COIN);
    await token.mint(admin.address, amount);
    await token.connect(admin).approve(d.addresses.vault, amount);
    await d.vault.connect(admin).stake(amount);
  }
  for (let i = 0; i < 4; i++) {
    await networkHelpers.setBalance(await addressAt(HOLDER + i), 10n * COIN);
    await token.mint(await addressAt(HOLDER + i), 20_000_000n * COIN);
  }
  await time.increase(1);
  const [, veto] = await d.policy.community();
  const vetoContract = await ethers.getContractAt("CommunityVeto", veto);
  await passMotion(d, {
    targets: [veto],
    values: [0n],
    calldatas: [vetoContract.interface.encodeFunctionData("setPhase", [true])],
    description: "Community veto phase: on",
  });
  return { d, token };
}

describe("community tasks", function () {
  describe("community status", function () {
    it("shows the petition window, threshold and bond, and the veto phase, window and threshold", async function () {
      const d = await loadFixture(deployed);
      const [petitions, veto] = await d.policy.community();
      const r = await community(d, ["status"], HOLDER);
      expect(r.err).to.equal("");
      expect(r.out.split("\n")).to.deep.equal([
        `Community petitions  ${petitions}`,
        "  window             14d (admission petitions close 1 day before the application's sponsorship window)",
        "  threshold          5,000,000 KAIA of support, and support above opposition",
        "  bond               10,000 KAIA (forfeited to the Improvement Reserve only when support stays below 1 % of the threshold)",
        "  petitions          0",
        `Community veto       ${veto}`,
        "  phase              off (a Constitutional motion switches it on)",
        "  window             7d after a membership motion is queued",
        "  threshold          10,000,000 KAIA of opposition, and opposition above support",
        "  membership delays  Admission 2d, No-confidence 2d (the window must fit both)",
      ]);
    });
  });

  describe("community petition", function () {
    it("open no-confidence warns in one line when the removal could not execute yet", async function () {
      const d = await loadFixture(deployed);
      // Member 4 unbonds: 5 active members, 4 eligible (the minimum); removing eligible member 5 would leave 3.
      const unit = await d.vault.stakeUnit();
      await d.vault.connect(await signerAt(ACCOUNT.admin + 3)).requestUnstake(4n, unit);
      await time.increase(1);
      const r = await community(d, ["petition", "open"], HOLDER, {
        kind: "no-confidence",
        member: "5",
        description: "Member 5 missed every vote",
      });
      expect(r.err).to.equal("");
      expect(r.out.split("\n").slice(0, 2)).to.deep.equal([
        "warning: removing member 5 now would leave 3 eligible members, below the minimum of 4: the motion can " +
          "pass, but its execution will fail unless the eligible count rises",
        "Petition 1 opened: no-confidence of member 5",
      ]);
      expect((await (await petitionsOf(d)).petition(1n)).subjectMemberId).to.equal(5n);
    });
    it("open, back, oppose, status, list, settle, withdraw: a qualified petition opens its motion", async function () {
      const d = await loadFixture(deployed);
      let r = await community(d, ["petition", "open"], HOLDER, {
        kind: "no-confidence",
        member: "5",
        description: "Member 5 missed every vote",
      });
      expect(r.err).to.equal("");
      const petitions = await petitionsOf(d);
      const closesAt = (await petitions.petition(1n)).closesAt;
      const lines = r.out.split("\n");
      expect(lines[0]).to.equal("Petition 1 opened: no-confidence of member 5");
      expect(lines[1]).to.equal(`  closes ${formatWhen(closesAt, await chainNow())}; bond 10,000 KAIA`);
      expect(lines[2]).to.match(TX);

      r = await community(d, ["petition", "back"], HOLDER + 1, { id: "1", amount: "6000000" });
      expect(r.out.split("\n")[0]).to.equal(
        "Locked 6,000,000 KAIA on petition 1 (support); support now 6,000,000 KAIA",
      );
      r = await community(d, ["petition", "oppose"], HOLDER + 2, { id: "1", amount: "1,000,000" });
      expect(r.out.split("\n")[0]).to.equal(
        "Locked 1,000,000 KAIA on petition 1 (opposition); opposition now 1,000,000 KAIA",
      );

      r = await community(d, ["petition", "status"], HOLDER, { id: "1" });
      expect(r.out.split("\n").slice(0, 1)).to.deep.equal(["Petition 1: no-confidence of member 5 — open"]);
      expect(r.out).to.include("support     6,000,000 KAIA (needs 5,000,000 KAIA, and more than opposition)");
      r = await community(d, ["petition", "list"], HOLDER);
      expect(r.out.split("\n")[0]).to.match(
        /^id +kind +member +status +closes +support +opposition +motion$/,
      );
      expect(r.out.split("\n")[2]).to.match(/^1 +no-confidence +5 +open +/);

      await time.increaseTo(closesAt);
      r = await community(d, ["petition", "settle"], HOLDER + 3, { id: "1" });
      expect(r.err).to.equal("");
      const motionId = (await petitions.petition(1n)).motionId;
      expect(r.out.split("\n").slice(0, 2)).to.deep.equal([
        "Petition 1 settled: qualified (support 6,000,000 KAIA, opposition 1,000,000 KAIA)",
        `  motion ${motionId} opened for the council's vote (see: motion show ${motionId})`,
      ]);
      expect((await d.governor.motionRecord(motionId)).excludedMemberId).to.equal(5n);

      const before = await ethers.provider.getBalance(await addressAt(HOLDER + 1));
      r = await community(d, ["petition", "withdraw"], HOLDER + 1, { id: "1" });
      expect(r.out.split("\n")[0]).to.equal("Withdrew 6,000,000 KAIA locked on petition 1");
      expect(await ethers.provider.getBalance(await addressAt(HOLDER + 1))).to.be.greaterThan(before);
      r = await community(d, ["petition", "withdraw"], HOLDER, { id: "1" });
      expect(r.out.split("\n")[0]).to.equal("Reclaimed the 10,000 KAIA bond of petition 1");
    });

    it("refuses a wrong kind, id, amount or side, in one line, sending nothing", async function () {
      const d = await loadFixture(withPetition);
      await expectRefused(
        d,
        () =>
          community(d, ["petition", "open"], HOLDER, { kind: "dismissal", member: "5", description: "x" }),
        'kind "dismissal" must be "admission" or "no-confidence"',
      );
      await expectRefused(
        d,
        () =>
          community(d, ["petition", "open"], HOLDER, { kind: "admission", member: "x", description: "x" }),
        'candidate id "x" is not a number (example: 3)',
      );
      await expectRefused(
        d,
        () =>
          community(d, ["petition", "open"], HOLDER, { kind: "no-confidence", member: "5", description: "" }),
        '--description is required (example: "Admit Example Org: see https://…")',
      );
      await expectRefused(
        d,
        () => community(d, ["petition", "back"], HOLDER, { id: "1", amount: "lots" }),
        'amount "lots" is not a number of KAIA (example: 5000000 or 0.5)',
      );
      await expectRefused(
        d,
        () => community(d, ["petition", "back"], HOLDER, { id: "1", amount: "0" }),
        "amount must be greater than 0 KAIA",
      );
      await expectRefused(
        d,
        () => community(d, ["petition", "status"], HOLDER, { id: "9" }),
        "unknown petition 9: there are 1 (see: community petition list)",
      );
      const r = await community(d, ["veto", "lock"], HOLDER, { motion: "1", side: "sideways", amount: "1" });
      expect(r.err).to.equal('Error: side "sideways" must be "for" or "against"');
    });

    it("refuses what the contract refuses, decoded from a staticCall, sending nothing", async function () {
      const d = await loadFixture(withPetition);
      const closesAt = (await (await petitionsOf(d)).petition(1n)).closesAt;
      await expectRefused(
        d,
        () =>
          community(d, ["petition", "open"], HOLDER + 3, {
            kind: "no-confidence",
            member: "5",
            description: "Again",
          }),
        "CommunityPetitions reverted: CommunityPetitionsSubjectBusy(1, 5, 1)",
      );
      await expectRefused(
        d,
        () => community(d, ["petition", "oppose"], HOLDER + 1, { id: "1", amount: "1" }),
        `CommunityPetitions reverted: CommunityLocksSideConflict(1, ${await addressAt(HOLDER + 1)})`,
      );
      await expectRefused(
        d,
        () => community(d, ["petition", "withdraw"], HOLDER + 1, { id: "1" }),
        `CommunityPetitions reverted: CommunityPetitionsWindowOpen(1, ${closesAt})`,
      );
      await expectRefused(
        d,
        () => community(d, ["petition", "settle"], HOLDER, { id: "1" }),
        `CommunityPetitions reverted: CommunityPetitionsWindowOpen(1, ${closesAt})`,
      );
    });
  });

  describe("community veto", function () {
    it("shows no campaign, and refuses a lock while the phase is off", async function () {
      const d = await loadFixture(withPetition);
      await time.increaseTo((await (await petitionsOf(d)).petition(1n)).closesAt);
      await (await petitionsOf(d)).settle(1n);
      const motionId = await d.governor.latestProposalId();
      const r = await community(d, ["veto", "status"], HOLDER, { motion: String(motionId) });
      expect(r.out).to.equal(`Motion ${motionId}: no veto campaign yet (the veto phase is off)`);
      await expectRefused(
        d,
        () =>
          community(d, ["veto", "lock"], HOLDER, {
            motion: String(motionId),
            side: "against",
            amount: "1000",
          }),
        "CommunityVeto reverted: CommunityVetoPhaseOff()",
      );
      await expectRefused(
        d,
        () => community(d, ["veto", "withdraw"], HOLDER, { motion: String(motionId) }),
        `CommunityVeto reverted: CommunityVetoWindowOpen(${motionId}, 0)`,
      );
    });
  });

  describe("ERC-20 mode", function () {
    it("approves the token, opens, backs and settles; the veto locks the token and cancels the motion", async function () {
      const { d } = await loadFixture(erc20WithVeto);
      let r = await community(d, ["petition", "open"], HOLDER, {
        kind: "no-confidence",
        member: "5",
        description: "Member 5 missed every vote",
      });
      expect(r.err).to.equal("");
      expect(r.out).to.match(/ {2}approval tx 0x[0-9a-f]{64}/);
      expect(r.out).to.include("bond 9,900 WKAIA");
      r = await community(d, ["petition", "back"], HOLDER + 1, { id: "1", amount: "6000000" });
      expect(r.out.split("\n")[0]).to.equal(
        "Locked 5,940,000 WKAIA on petition 1 (support); support now 5,940,000 WKAIA",
      );
      const petitions = await petitionsOf(d);
      await time.increaseTo((await petitions.petition(1n)).closesAt);
      r = await community(d, ["petition", "settle"], HOLDER, { id: "1" });
      expect(r.err).to.equal("");
      const id = (await petitions.petition(1n)).motionId;

      // The council passes and queues the motion; the community vetoes it.
      await time.increaseTo((await d.governor.proposalSnapshot(id)) + 1n);
      for (let i = 0; i < 4; i++) await d.governor.connect(await signerAt(ACCOUNT.voter + i)).castVote(id, 1);
      await time.increaseTo((await d.governor.proposalDeadline(id)) + 1n);
      const registry = d.addresses.registry;
      const remove = d.registry.interface.encodeFunctionData("remove", [5n]);
      const description = await petitions.motionDescription(1n);
      await d.governor
        .connect(await signerAt(ACCOUNT.secretariat))
        .queue([registry], [0n], [remove], ethers.id(description));

      r = await community(d, ["veto", "lock"], HOLDER + 2, {
        motion: String(id),
        side: "for",
        amount: "0.000000000000000001",
      });
      expect(r.err).to.equal("Error: CommunityVeto reverted: CommunityLocksZeroAmount()");
      const [, vetoAddress] = await d.policy.community();
      const veto = await ethers.getContractAt("CommunityVeto", vetoAddress, await signerAt(HOLDER + 3));
      await expect(veto.lock(id, ethers.id(description), false, 1n, { value: 1n }))
        .to.be.revertedWithCustomError(veto, "CommunityLocksWrongValue")
        .withArgs(0n, 1n);
      r = await community(d, ["veto", "lock"], HOLDER + 2, {
        motion: String(id),
        side: "against",
        amount: "10200000",
      });
      expect(r.err).to.equal("");
      expect(r.out.split("\n")).to.include(
        `Motion ${id} is vetoed: the community canceled it; it can never execute`,
      );
      expect(await d.governor.state(id)).to.equal(2n);
      r = await community(d, ["veto", "status"], HOLDER, { motion: String(id) });
      expect(r.out.split("\n").slice(0, 1)).to.deep.equal([
        `Motion ${id}: vetoed (canceled by the community)`,
      ]);
      expect(r.out).to.include(
        "opposition   10,098,000 WKAIA (vetoes at 10,000,000 WKAIA and above support)",
      );

      await time.increase(2n * 86_400n);
      r = await community(d, ["veto", "withdraw"], HOLDER + 2, { motion: String(id) });
      expect(r.out.split("\n")[0]).to.equal(`Withdrew 10,098,000 WKAIA locked on motion ${id}`);
      r = await community(d, ["petition", "withdraw"], HOLDER + 1, { id: "1" });
      expect(r.out.split("\n")[0]).to.equal("Withdrew 5,940,000 WKAIA locked on petition 1");
    });
  });

  it("groups: `community` lists its tasks", async function () {
    const d = await loadFixture(deployed);
    const r = await runGroupTask("community", d, "status", HOLDER);
    expect(r.exitCode).to.equal(0);
  });
});
