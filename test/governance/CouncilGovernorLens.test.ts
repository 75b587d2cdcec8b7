/**
 * CouncilGovernorLens: a stateless, read-only helper that lists the council's motions for clients without an
 * indexer. `motionDetails(governor, id)` aggregates the governor's views for one motion (quorum fields only once
 * the snapshot is in the past); `motionPage(governor, firstId, count)` lists up to `count` motions from `firstId`.
 *
 * Layout: one `describe` per function, success first, then one `it` per revert ("reverts when …").
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type { ContractTransactionResponse } from "ethers";

import { STAKE_UNIT, ethers, networkHelpers, nodeAddress } from "../utils/council.js";
import {
  DEFAULT_CLASS_CONFIGS,
  EXECUTION_WINDOW,
  MotionClass,
  ProposalState,
  Vote,
  deploySystem,
  execute,
  queue,
  signallingMotion,
  waitForDeadline,
} from "../utils/governance.js";
import type { Motion, PlainDetails, System } from "../utils/governance.js";
import { motionDetailsOf as details, plainDetails } from "../utils/governance.js";

const { loadFixture, time } = networkHelpers;

// ---------------------------------------------------------------- constants and helpers

const ADMISSION = DEFAULT_CLASS_CONFIGS[MotionClass.Admission];
const NO_CONFIDENCE = DEFAULT_CLASS_CONFIGS[MotionClass.NoConfidence];
const STANDARD = DEFAULT_CLASS_CONFIGS[MotionClass.Standard];
const BPS = 10_000n;
const CANDIDATE_ID = 6n;
const NC_TARGET = 5n;

/** ⌈x × bps / 10,000⌉, at least 1. */
function share(x: bigint, bps: bigint): bigint {
  const q = (x * bps + BPS - 1n) / BPS;
  return q > 0n ? q : 1n;
}

async function page(s: System, firstId: bigint, count: bigint): Promise<PlainDetails[]> {
  return (await s.lens.motionPage(await s.governor.getAddress(), firstId, count)).map(plainDetails);
}

/** The block number and timestamp that mined `tx`. */
async function minedIn(tx: ContractTransactionResponse): Promise<{ block: bigint; time: bigint }> {
  const receipt = await tx.wait();
  if (receipt === null) throw new Error("transaction was not mined");
  const block = await ethers.provider.getBlock(receipt.blockNumber);
  if (block === null) throw new Error("block not found");
  return { block: BigInt(receipt.blockNumber), time: BigInt(block.timestamp) };
}

/** A motion created by the fixture, with its block and creation time. */
interface Created {
  id: bigint;
  motion: Motion;
  proposer: HardhatEthersSigner;
  block: bigint;
  time: bigint;
}

interface LensSystem extends System {
  applicant: HardhatEthersSigner;
  /** Motion 1: admission of candidate 6, sponsored by member 1. */
  admission: Created;
  /** Motion 2: no confidence in member 5, moved by member 2. */
  noConfidence: Created;
  /** Motion 3: a Standard signalling motion of the secretariat. */
  signal: Created;
}

// ---------------------------------------------------------------- fixtures

/** Five members, no motions. */
function emptyCouncil(): Promise<System> {
  return deploySystem();
}

/** Five members, candidate 6 ready, and three motions (admission, no-confidence, signalling), one per block. */
async function threeMotions(): Promise<LensSystem> {
  const s = await deploySystem();
  const [applicant, candidateVoter] = s.others;
  const registry = await s.registry.getAddress();
  await s.registry
    .connect(applicant)
    .applyForMembership("Candidate Org", "https://candidate.example/gc.json", candidateVoter.address, [
      nodeAddress(200),
    ]);
  await s.registry.connect(candidateVoter).acceptVoter(CANDIDATE_ID);
  await s.vault.connect(applicant).stake(STAKE_UNIT, { value: STAKE_UNIT });

  const admissionDescription = "Admit Candidate Org";
  const a = await minedIn(
    await s.governor.connect(s.voters[0]).proposeAdmission(CANDIDATE_ID, admissionDescription),
  );
  const ncDescription = "No confidence in Member 5";
  const n = await minedIn(
    await s.governor.connect(s.voters[1]).proposeNoConfidence(NC_TARGET, ncDescription),
  );
  const signalMotion = await signallingMotion(s, "Signal: adopt the 2027 roadmap");
  const g = await minedIn(
    await s.governor
      .connect(s.secretariat)
      .propose(signalMotion.targets, signalMotion.values, signalMotion.calldatas, signalMotion.description),
  );
  return {
    ...s,
    applicant,
    admission: {
      id: 1n,
      motion: {
        targets: [registry],
        values: [0n],
        calldatas: [s.registry.interface.encodeFunctionData("admit", [CANDIDATE_ID])],
        description: admissionDescription,
      },
      proposer: s.voters[0],
      ...a,
    },
    noConfidence: {
      id: 2n,
      motion: {
        targets: [registry],
        values: [0n],
        calldatas: [s.registry.interface.encodeFunctionData("remove", [NC_TARGET])],
        description: ncDescription,
      },
      proposer: s.voters[1],
      ...n,
    },
    signal: { id: 3n, motion: signalMotion, proposer: s.secretariat, ...g },
  };
}

/** The admission motion's details while Pending: every field from the fixture's own record of it. */
function pendingAdmission(s: LensSystem): PlainDetails {
  const snapshot = s.admission.time + ADMISSION.votingDelay;
  return {
    proposalId: 1n,
    proposer: s.voters[0].address,
    motionClass: BigInt(MotionClass.Admission),
    state: BigInt(ProposalState.Pending),
    snapshot,
    deadline: snapshot + ADMISSION.votingPeriod,
    eta: 0n,
    createdBlock: s.admission.block,
    excludedMemberId: 0n,
    subjectMemberId: CANDIDATE_ID,
    forVotes: 0n,
    againstVotes: 0n,
    abstainVotes: 0n,
    voters: 0n,
    memberQuorum: 0n,
    voteQuorum: 0n,
  };
}

// ---------------------------------------------------------------- tests

describe("CouncilGovernorLens", function () {
  describe("motionDetails", function () {
    it("returns every field of a Pending admission motion, quorum fields 0 before the snapshot", async function () {
      const s = await loadFixture(threeMotions);
      expect(await details(s, 1n)).to.deep.equal(pendingAdmission(s));
    });

    it("keeps the quorum fields at 0 at the snapshot second itself and sets them one second later", async function () {
      const s = await loadFixture(threeMotions);
      const expected = pendingAdmission(s);
      await time.increaseTo(expected.snapshot);
      expect(await s.governor.clock()).to.equal(expected.snapshot);
      expect(await details(s, 1n)).to.deep.equal(expected);

      await time.increase(1);
      // Admission: ⌈⅓ × 5 eligible⌉ = 2 voters, ⌈⅓ × 5 votes⌉ = 2 votes.
      const [memberQuorum, voteQuorum] = await s.governor.proposalQuorum(1n);
      expect([memberQuorum, voteQuorum]).to.deep.equal([2n, 2n]);
      expect(await details(s, 1n)).to.deep.equal({
        ...expected,
        state: BigInt(ProposalState.Active),
        memberQuorum,
        voteQuorum,
      });
    });

    it("follows the votes, the queueing and the execution of a motion", async function () {
      const s = await loadFixture(threeMotions);
      const expected = pendingAdmission(s);
      await time.increaseTo(expected.snapshot + 1n);
      await s.governor.connect(s.voters[0]).castVote(1n, Vote.For);
      await s.governor.connect(s.voters[1]).castVote(1n, Vote.Against);
      await s.governor.connect(s.voters[2]).castVote(1n, Vote.Abstain);
      await s.governor.connect(s.voters[3]).castVote(1n, Vote.For);
      await s.governor.connect(s.voters[4]).castVote(1n, Vote.For);
      const voted: PlainDetails = {
        ...expected,
        state: BigInt(ProposalState.Active),
        forVotes: 3n,
        againstVotes: 1n,
        abstainVotes: 1n,
        voters: 5n,
        memberQuorum: 2n,
        voteQuorum: 2n,
      };
      expect(await details(s, 1n)).to.deep.equal(voted);

      await waitForDeadline(s, 1n);
      expect(await details(s, 1n)).to.deep.equal({ ...voted, state: BigInt(ProposalState.Succeeded) });
      const queueTx = await s.governor.queue(
        s.admission.motion.targets,
        s.admission.motion.values,
        s.admission.motion.calldatas,
        ethers.id(s.admission.motion.description),
      );
      const eta = (await minedIn(queueTx)).time + ADMISSION.timelockDelay;
      const queued = { ...voted, state: BigInt(ProposalState.Queued), eta };
      expect(await details(s, 1n)).to.deep.equal(queued);
      await time.increaseTo(eta);
      await execute(s, s.admission.motion);
      expect(await details(s, 1n)).to.deep.equal({ ...queued, state: BigInt(ProposalState.Executed) });
    });

    it("reports a no-confidence motion's target as subject and excluded member, with quorum bases without it", async function () {
      const s = await loadFixture(threeMotions);
      const snapshot = s.noConfidence.time + NO_CONFIDENCE.votingDelay;
      const expected: PlainDetails = {
        proposalId: 2n,
        proposer: s.voters[1].address,
        motionClass: BigInt(MotionClass.NoConfidence),
        state: BigInt(ProposalState.Pending),
        snapshot,
        deadline: snapshot + NO_CONFIDENCE.votingPeriod,
        eta: 0n,
        createdBlock: s.noConfidence.block,
        excludedMemberId: NC_TARGET,
        subjectMemberId: NC_TARGET,
        forVotes: 0n,
        againstVotes: 0n,
        abstainVotes: 0n,
        voters: 0n,
        memberQuorum: 0n,
        voteQuorum: 0n,
      };
      expect(await details(s, 2n)).to.deep.equal(expected);

      await time.increaseTo(snapshot + 1n);
      const eligible = await s.vault.getPastEligibleCount(snapshot);
      const total = await s.vault.getPastTotalSupply(snapshot);
      const targetVotes = await s.vault.getPastMemberVotes(NC_TARGET, snapshot);
      expect([eligible, total, targetVotes]).to.deep.equal([5n, 5n, 1n]);
      expect(await details(s, 2n)).to.deep.equal({
        ...expected,
        state: BigInt(ProposalState.Active),
        memberQuorum: share(eligible - 1n, NO_CONFIDENCE.memberQuorumBps),
        voteQuorum: share(total - targetVotes, NO_CONFIDENCE.voteQuorumBps),
      });
    });

    it("reports a general motion with subject and excluded member 0", async function () {
      const s = await loadFixture(threeMotions);
      const snapshot = s.signal.time + STANDARD.votingDelay;
      expect(await details(s, 3n)).to.deep.equal({
        proposalId: 3n,
        proposer: s.secretariat.address,
        motionClass: BigInt(MotionClass.Standard),
        state: BigInt(ProposalState.Pending),
        snapshot,
        deadline: snapshot + STANDARD.votingPeriod,
        eta: 0n,
        createdBlock: s.signal.block,
        excludedMemberId: 0n,
        subjectMemberId: 0n,
        forVotes: 0n,
        againstVotes: 0n,
        abstainVotes: 0n,
        voters: 0n,
        memberQuorum: 0n,
        voteQuorum: 0n,
      });
    });

    it("reports a void motion (its candidate withdrew) as Canceled", async function () {
      const s = await loadFixture(threeMotions);
      await s.registry.connect(s.applicant).resign(CANDIDATE_ID);
      expect(await details(s, 1n)).to.deep.equal({
        ...pendingAdmission(s),
        state: BigInt(ProposalState.Canceled),
      });
    });

    it("reports a queued motion's ETA and an expired one's state", async function () {
      const s = await loadFixture(threeMotions);
      const snapshot = s.signal.time + STANDARD.votingDelay;
      await time.increaseTo(snapshot + 1n);
      for (const v of s.voters.slice(0, 2)) await s.governor.connect(v).castVote(3n, Vote.For);
      await waitForDeadline(s, 3n);
      await queue(s, s.signal.motion);
      const eta = await s.governor.proposalEta(3n);
      expect(eta).to.be.greaterThan(0n);
      const d = await details(s, 3n);
      expect([d.state, d.eta]).to.deep.equal([BigInt(ProposalState.Queued), eta]);
      // Past the execution window (14 days after the ETA) it is Expired.
      await time.increaseTo(eta + EXECUTION_WINDOW + 1n);
      expect((await details(s, 3n)).state).to.equal(BigInt(ProposalState.Expired));
    });

    it("reverts when the motion does not exist", async function () {
      const s = await loadFixture(threeMotions);
      const governor = await s.governor.getAddress();
      for (const id of [0n, 4n, 99n]) {
        await expect(s.lens.motionDetails(governor, id))
          .to.be.revertedWithCustomError(s.governor, "GovernorNonexistentProposal")
          .withArgs(id);
      }
    });
  });

  describe("motionPage", function () {
    it("lists motions 1..n in id order, each entry equal to motionDetails", async function () {
      const s = await loadFixture(threeMotions);
      expect(await s.governor.proposalCount()).to.equal(3n);
      const all = await page(s, 1n, 10n);
      expect(all.map((d) => d.proposalId)).to.deep.equal([1n, 2n, 3n]);
      expect(all).to.deep.equal([await details(s, 1n), await details(s, 2n), await details(s, 3n)]);
      expect(all.map((d) => d.motionClass)).to.deep.equal([
        BigInt(MotionClass.Admission),
        BigInt(MotionClass.NoConfidence),
        BigInt(MotionClass.Standard),
      ]);
    });

    it("treats firstId 0 as 1", async function () {
      const s = await loadFixture(threeMotions);
      expect(await page(s, 0n, 10n)).to.deep.equal(await page(s, 1n, 10n));
      expect((await page(s, 0n, 2n)).map((d) => d.proposalId)).to.deep.equal([1n, 2n]);
    });

    it("starts at firstId", async function () {
      const s = await loadFixture(threeMotions);
      expect((await page(s, 2n, 10n)).map((d) => d.proposalId)).to.deep.equal([2n, 3n]);
      expect((await page(s, 3n, 10n)).map((d) => d.proposalId)).to.deep.equal([3n]);
    });

    it("caps the page at count", async function () {
      const s = await loadFixture(threeMotions);
      expect((await page(s, 1n, 2n)).map((d) => d.proposalId)).to.deep.equal([1n, 2n]);
      expect((await page(s, 2n, 1n)).map((d) => d.proposalId)).to.deep.equal([2n]);
      expect(await page(s, 1n, 0n)).to.deep.equal([]);
    });

    it("returns the remaining motions for a count beyond them", async function () {
      const s = await loadFixture(threeMotions);
      expect((await page(s, 2n, ethers.MaxUint256)).map((d) => d.proposalId)).to.deep.equal([2n, 3n]);
    });

    it("returns an empty page past the end", async function () {
      const s = await loadFixture(threeMotions);
      expect(await page(s, 4n, 10n)).to.deep.equal([]);
      expect(await page(s, ethers.MaxUint256, ethers.MaxUint256)).to.deep.equal([]);
    });

    it("returns an empty page when there are no motions", async function () {
      const s = await loadFixture(emptyCouncil);
      expect(await s.governor.proposalCount()).to.equal(0n);
      expect(await page(s, 0n, 10n)).to.deep.equal([]);
      expect(await page(s, 1n, 10n)).to.deep.equal([]);
    });
  });
});
