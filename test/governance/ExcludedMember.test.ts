/**
 * The excluded-member path of the governor (`_proposeMotion`): a motion of a forced class with one member excluded
 * from its vote and from both quorum bases, driven through real no-confidence motions.
 */
import { expect } from "chai";

import { networkHelpers } from "../utils/council.js";
import type { System } from "../utils/governance.js";
import {
  MotionClass,
  ProposalState,
  Vote,
  deploySystem,
  signallingMotion,
  waitForDeadline,
  waitForSnapshot,
} from "../utils/governance.js";

/** Member 1 holds 3 votes (5 eligible, cap 4), members 2–5 one each: 7 votes in all. */
function excludedSystem(): Promise<System> {
  return deploySystem({ stakes: [3n, 1n, 1n, 1n, 1n] });
}

/** As above, but member 5 has no stake, so it holds no votes at the snapshot. */
function excludedSystemWithIdleMember(): Promise<System> {
  return deploySystem({ stakes: [3n, 1n, 1n, 1n, 0n] });
}

/** Member `mover` (1-based) moves no confidence in `target`. */
async function moveNoConfidence(
  s: System,
  mover: number,
  target: bigint,
  description: string,
): Promise<bigint> {
  await s.governor.connect(s.voters[mover - 1]).proposeNoConfidence(target, description);
  return s.governor.latestProposalId();
}

describe("CouncilGovernor: excluded member", function () {
  it("records the forced class and the excluded member, with that class's configuration", async function () {
    const s = await networkHelpers.loadFixture(excludedSystem);
    const tx = s.governor.connect(s.voters[1]).proposeNoConfidence(1n, "Exclude member 1");
    await expect(tx).to.emit(s.governor, "MotionClassified").withArgs(1n, MotionClass.NoConfidence, 1n);
    const details = await s.lens.motionDetails(await s.governor.getAddress(), 1n);
    expect(details.motionClass).to.equal(BigInt(MotionClass.NoConfidence));
    expect(details.excludedMemberId).to.equal(1n);
    expect(details.subjectMemberId).to.equal(1n);
    // No-confidence timing (7-day delay) from the class configuration, not Standard's.
    const config = await s.policy.classConfig(MotionClass.NoConfidence);
    expect(details.deadline - details.snapshot).to.equal(config.votingPeriod);
  });

  it("reverts when the excluded member votes", async function () {
    const s = await networkHelpers.loadFixture(excludedSystem);
    const id = await moveNoConfidence(s, 2, 1n, "Exclude member 1");
    await waitForSnapshot(s, id);
    await expect(s.governor.connect(s.voters[0]).castVote(id, Vote.Against))
      .to.be.revertedWithCustomError(s.governor, "GovernorMemberExcluded")
      .withArgs(id, 1n);
    expect(await s.governor.proposalVoters(id)).to.equal(0n);
    expect(await s.governor.hasMemberVoted(id, 1n)).to.equal(false);
  });

  it("removes the excluded member's membership and votes from both quorum bases", async function () {
    const s = await networkHelpers.loadFixture(excludedSystem);
    const id = await moveNoConfidence(s, 2, 1n, "Exclude member 1");
    await waitForSnapshot(s, id);
    const snapshot = await s.governor.proposalSnapshot(id);
    expect(await s.vault.getPastEligibleCount(snapshot)).to.equal(5n);
    expect(await s.vault.getPastTotalSupply(snapshot)).to.equal(7n);
    // Others: 4 eligible, 4 votes. Half of each, rounded up: 2 voters or 2 votes.
    const [memberQuorum, voteQuorum] = await s.governor.proposalQuorum(id);
    expect([memberQuorum, voteQuorum]).to.deep.equal([2n, 2n]);
  });

  it("decides without the excluded member where counting it would flip the result", async function () {
    const s = await networkHelpers.loadFixture(excludedSystem);
    const id = await moveNoConfidence(s, 2, 1n, "Exclude member 1");
    await waitForSnapshot(s, id);
    // Two For, one Against among the others: For = 2/3 of cast, quorum 2 voters reached.
    await s.governor.connect(s.voters[1]).castVote(id, Vote.For);
    await s.governor.connect(s.voters[2]).castVote(id, Vote.For);
    await s.governor.connect(s.voters[3]).castVote(id, Vote.Against);
    // Had member 1 voted its 3 votes Against, For would be 2 of 6: the motion would fail.
    await expect(s.governor.connect(s.voters[0]).castVote(id, Vote.Against)).to.be.revertedWithCustomError(
      s.governor,
      "GovernorMemberExcluded",
    );
    await waitForDeadline(s, id);
    expect(await s.governor.proposalVotes(id)).to.deep.equal([1n, 2n, 0n]);
    expect(await s.governor.state(id)).to.equal(ProposalState.Succeeded);
  });

  it("leaves the quorum bases alone when the excluded member had no votes at the snapshot", async function () {
    const s = await networkHelpers.loadFixture(excludedSystemWithIdleMember);
    const id = await moveNoConfidence(s, 1, 5n, "Exclude idle member 5");
    await waitForSnapshot(s, id);
    const snapshot = await s.governor.proposalSnapshot(id);
    expect(await s.vault.getPastEligibleCount(snapshot)).to.equal(4n);
    expect(await s.vault.getPastTotalSupply(snapshot)).to.equal(6n); // 3 + 1 + 1 + 1, cap 3
    const [memberQuorum, voteQuorum] = await s.governor.proposalQuorum(id);
    expect([memberQuorum, voteQuorum]).to.deep.equal([2n, 3n]);
  });

  it("clears the forced class after creation: a later general proposal is classified from its actions", async function () {
    const s = await networkHelpers.loadFixture(excludedSystem);
    await moveNoConfidence(s, 2, 1n, "Exclude member 1");
    const motion = await signallingMotion(s, "An ordinary signal");
    await expect(
      s.governor
        .connect(s.secretariat)
        .propose(motion.targets, motion.values, motion.calldatas, motion.description),
    )
      .to.emit(s.governor, "MotionClassified")
      .withArgs(2n, MotionClass.Standard, 0n);
  });
});
