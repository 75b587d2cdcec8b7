/**
 * The whole council on the Kaia stake source, end to end: members' votes come from their CnStaking contracts (V3 for
 * members 1, 3 and 5, V2 for members 2 and 4), in tracker mode (every CnStaking points at the vault) and in read
 * mode (Kaia's own tracker stays; anyone refreshes). Motions are proposed, voted, queued and executed through the
 * governor; each test checks the votes counted against the capped formula at the motion's snapshot.
 */
import { expect } from "chai";

import type { CnStakingV2Mock, CnStakingV3Mock } from "../../typechain-types/index.js";
import { DAY, STAKE_UNIT, ethers, networkHelpers } from "../utils/council.js";
import {
  ProposalState,
  Vote,
  deploySystem,
  propose,
  queue,
  execute,
  signallingMotion,
  waitForDeadline,
  waitForEta,
  waitForSnapshot,
} from "../utils/governance.js";
import type { KaiaStakeSource, System } from "../utils/governance.js";

/** Five members: four with one unit each, member 5 with ten (capped at eligible − 1 = 4). */
const STAKES = [1n, 1n, 1n, 1n, 10n];

type KaiaSystem = System & { kaia: KaiaStakeSource };

async function kaiaSystem(trackerMode: boolean): Promise<KaiaSystem> {
  const system = await deploySystem({ stakes: STAKES, kaia: { trackerMode } });
  if (system.kaia === undefined) throw new Error("deploySystem did not deploy the Kaia stake source");
  return system as KaiaSystem;
}

const trackerSystem = () => kaiaSystem(true);
const readSystem = () => kaiaSystem(false);

/**
 * After a CnStaking's balance changed: in tracker mode the CnStaking already told the vault; in read mode a
 * stranger refreshes it (anyone may).
 */
async function settle(s: KaiaSystem, trackerMode: boolean, staking: CnStakingV2Mock | CnStakingV3Mock) {
  if (!trackerMode) await s.kaia.vault.connect(s.others[0]).refreshStake(await staking.getAddress());
}

/** The weight of `voter`'s vote, read from its VoteCast event. */
async function castVoteWeight(s: KaiaSystem, id: bigint, voter: number): Promise<bigint> {
  const receipt = await (await s.governor.connect(s.voters[voter]).castVote(id, Vote.For)).wait();
  for (const log of receipt?.logs ?? []) {
    const parsed = s.governor.interface.parseLog(log);
    if (parsed?.name === "VoteCast") return parsed.args.weight as bigint;
  }
  throw new Error("no VoteCast event");
}

for (const trackerMode of [true, false]) {
  const mode = trackerMode ? "tracker mode" : "read mode";
  const fixture = trackerMode ? trackerSystem : readSystem;

  describe(`Kaia council end to end (${mode})`, function () {
    it("votes follow each CnStaking's balance, the motion's snapshot ignores later changes, the cap holds, and it executes", async function () {
      const s = await networkHelpers.loadFixture(fixture);
      expect(await s.kaia.vault.trackerMode()).to.equal(trackerMode);
      expect(await s.vault.eligibleCount()).to.equal(5n);
      expect(await s.vault.getVotes(s.voters[0].address)).to.equal(1n);
      expect(await s.vault.getVotes(s.voters[4].address)).to.equal(4n);
      expect(await s.vault.totalVotes()).to.equal(8n);

      // Member 2 (V2) stakes two more units before the motion: its votes follow its CnStaking.
      await s.kaia.cn[1].connect(s.admins[1]).stakeKlay({ value: 2n * STAKE_UNIT });
      await settle(s, trackerMode, s.kaia.cn[1]);
      expect(await s.vault.stakeOf(2n)).to.equal(3n * STAKE_UNIT);
      expect(await s.vault.getVotes(s.voters[1].address)).to.equal(3n);

      const motion = await signallingMotion(s);
      const id = await propose(s, motion, s.voters[0]);
      await waitForSnapshot(s, id);

      // After the snapshot, member 1 (V3) stakes 100 more units: its votes now are at the cap, not in this motion.
      await s.kaia.cn[0].connect(s.admins[0]).stakeKlay({ value: 100n * STAKE_UNIT });
      await settle(s, trackerMode, s.kaia.cn[0]);
      expect(await s.vault.getVotes(s.voters[0].address)).to.equal(4n);

      const weights: bigint[] = [];
      for (let i = 0; i < 5; i++) weights.push(await castVoteWeight(s, id, i));
      expect(weights).to.deep.equal([1n, 3n, 1n, 1n, 4n]);
      const [against, forVotes, abstain] = await s.governor.proposalVotes(id);
      expect([against, forVotes, abstain]).to.deep.equal([0n, 10n, 0n]);

      await waitForDeadline(s, id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Succeeded);
      await queue(s, motion);
      await waitForEta(s, id);
      await execute(s, motion);
      expect(await s.governor.state(id)).to.equal(ProposalState.Executed);
    });

    it("a member that withdraws its whole stake keeps its vote in the live motion and has no power in the next", async function () {
      const s = await networkHelpers.loadFixture(fixture);
      const first = await signallingMotion(s, "Signal: first");
      const id = await propose(s, first, s.voters[0]);
      await waitForSnapshot(s, id);

      // Member 3's V3 approves a withdrawal of its whole stake during the vote: from then on it counts nothing.
      const cn3 = s.kaia.cn[2];
      await cn3.connect(s.admins[2]).approveStakingWithdrawal(s.admins[2].address, STAKE_UNIT);
      await settle(s, trackerMode, cn3);
      expect(await s.vault.stakeOf(3n)).to.equal(0n);
      expect(await s.vault.eligibleCount()).to.equal(4n);

      // Its vote in the live motion keeps the snapshot's weight.
      expect(await castVoteWeight(s, id, 2)).to.equal(1n);

      // After the lockup the coin leaves: the CnStaking keeps working (in tracker mode, with the vault told).
      await networkHelpers.time.increase(7n * DAY);
      await expect(cn3.connect(s.admins[2]).withdrawApprovedStaking(0n)).to.changeEtherBalances(
        ethers,
        [s.admins[2], cn3],
        [STAKE_UNIT, -STAKE_UNIT],
      );
      expect(await s.vault.stakeOf(3n)).to.equal(0n);

      const second = await signallingMotion(s, "Signal: second");
      const next = await propose(s, second, s.voters[0]);
      await waitForSnapshot(s, next);
      await expect(s.governor.connect(s.voters[2]).castVote(next, Vote.For))
        .to.be.revertedWithCustomError(s.governor, "GovernorNoVotingPower")
        .withArgs(next, s.voters[2].address);
      // Four eligible members: the cap falls to 3, and member 5 counts 3.
      expect(await castVoteWeight(s, next, 4)).to.equal(3n);
      expect(await s.vault.getPastTotalSupply(await s.governor.proposalSnapshot(next))).to.equal(6n);
    });

    it("a CnStaking that is not linked to a member moves no vote and no quorum", async function () {
      const s = await networkHelpers.loadFixture(fixture);
      const stranger = s.others[1];
      const loose = await ethers.deployContract("CnStakingV3Mock", [
        stranger.address,
        s.others[2].address,
        99n,
      ]);
      if (trackerMode) await loose.connect(stranger).setStakingTracker(await s.vault.getAddress());
      await loose.connect(stranger).depositLockupStakingAndInit();
      await expect(loose.connect(stranger).stakeKlay({ value: 100n * STAKE_UNIT })).not.to.emit(
        s.kaia.vault,
        "StakeRefreshed",
      );
      await expect(s.kaia.vault.refreshStake(await loose.getAddress())).not.to.emit(
        s.kaia.vault,
        "StakeRefreshed",
      );
      expect(await s.vault.totalVotes()).to.equal(8n);
      const id = await propose(s, await signallingMotion(s), s.voters[0]);
      await waitForSnapshot(s, id);
      expect(await s.vault.getPastTotalSupply(await s.governor.proposalSnapshot(id))).to.equal(8n);
      expect(await s.vault.getVotes(stranger.address)).to.equal(0n);
    });
  });
}

describe("Kaia council end to end: re-pointing a CnStaking mid-vote (tracker mode)", function () {
  it("keeps the snapshot's votes in the live motion, and loses them for later motions once anyone refreshes", async function () {
    const s = await networkHelpers.loadFixture(trackerSystem);
    const id = await propose(s, await signallingMotion(s, "Signal: live"), s.voters[0]);
    await waitForSnapshot(s, id);

    // Member 5 re-points its CnStaking at another tracker mid-vote: the CnStaking refreshes us first, then switches.
    const other = await ethers.deployContract("KaiaStakeVault", [
      await s.registry.getAddress(),
      await s.kaia.book.getAddress(),
      true,
      STAKE_UNIT,
      DAY,
      DAY,
      s.others[0].address,
    ]);
    const cn5 = s.kaia.cn[4];
    await cn5.connect(s.admins[4]).updateStakingTracker(await other.getAddress());
    expect(await s.kaia.vault.effectiveStake(await cn5.getAddress())).to.equal(0n);

    // It gains nothing from the switch: more coin staked under the other tracker is not counted here.
    await cn5.connect(s.admins[4]).stakeKlay({ value: 100n * STAKE_UNIT });
    expect(await s.vault.stakeOf(5n)).to.equal(10n * STAKE_UNIT);
    // Anyone's refresh sees it points elsewhere: from now on it counts 0.
    await expect(s.kaia.vault.connect(s.others[0]).refreshStake(await cn5.getAddress()))
      .to.emit(s.kaia.vault, "StakeRefreshed")
      .withArgs(await cn5.getAddress(), 5n, 0n, 0n);
    expect(await s.vault.getVotes(s.voters[4].address)).to.equal(0n);

    // The live motion keeps the snapshot's votes.
    expect(await castVoteWeight(s, id, 4)).to.equal(4n);

    // The next motion: member 5 has no power, and the other four are capped at 3 (each holds 1).
    const next = await propose(s, await signallingMotion(s, "Signal: next"), s.voters[0]);
    await waitForSnapshot(s, next);
    await expect(s.governor.connect(s.voters[4]).castVote(next, Vote.For))
      .to.be.revertedWithCustomError(s.governor, "GovernorNoVotingPower")
      .withArgs(next, s.voters[4].address);
    expect(await s.vault.getPastTotalSupply(await s.governor.proposalSnapshot(next))).to.equal(4n);
  });
});

describe("Kaia council end to end: a stale record in read mode", function () {
  it("counts until corrected; anyone corrects it before the snapshot, and the motion sees the correction", async function () {
    const s = await networkHelpers.loadFixture(readSystem);
    const cn5 = s.kaia.cn[4];
    // Member 5 approves a withdrawal of nine units: Kaia's own tracker is told, ours is not.
    await cn5.connect(s.admins[4]).approveStakingWithdrawal(s.admins[4].address, 9n * STAKE_UNIT);
    expect(await s.vault.stakeOf(5n)).to.equal(10n * STAKE_UNIT);
    expect(await s.kaia.vault.effectiveStake(await cn5.getAddress())).to.equal(STAKE_UNIT);
    await expect(s.kaia.vault.connect(s.others[3]).refreshStake(await cn5.getAddress()))
      .to.emit(s.kaia.vault, "StakeRefreshed")
      .withArgs(await cn5.getAddress(), 5n, STAKE_UNIT, STAKE_UNIT);
    const id = await propose(s, await signallingMotion(s), s.voters[0]);
    await waitForSnapshot(s, id);
    expect(await castVoteWeight(s, id, 4)).to.equal(1n);
    expect(await s.vault.getPastTotalSupply(await s.governor.proposalSnapshot(id))).to.equal(5n);
  });
});
