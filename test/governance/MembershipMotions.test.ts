/**
 * GovernorMembershipMotions: admission and no-confidence motions, the only way to call the registry's `admit` and
 * `remove`.
 *
 * Admission: a member or the secretariat sponsors an open application (within the sponsorship window, voter
 * accepted, at least one stake unit bonded); the motion's only action admits the candidate. No-confidence: an
 * eligible member moves it against another active member; the only action removes the target, which cannot vote
 * and is taken out of both quorum bases. One live motion of each kind per member; a motion whose subject left
 * first is void (reads as Canceled, can never be queued or executed).
 *
 * Layout: one `describe` per function, success first, then one `it` per revert ("reverts when …"), each revert
 * asserted with its custom error and exact arguments and followed by a comparison of everything the failed call
 * could have changed (motions, ballots, live counts, records, stakes, timelock operations).
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type {
  ContractTransactionReceipt,
  ContractTransactionResponse,
  Interface,
  LogDescription,
} from "ethers";

import { DAY, STAKE_UNIT, Status, ethers, networkHelpers, nodeAddress } from "../utils/council.js";
import {
  DEFAULT_CLASS_CONFIGS,
  EXECUTION_WINDOW,
  MotionClass,
  ProposalState,
  ProposerRule,
  Vote,
  deploySystem,
  descriptionHash,
  execute,
  passAndExecute,
  propose,
  queue,
  signallingMotion,
  voteAll,
  waitForDeadline,
  waitForEta,
  waitForSnapshot,
} from "../utils/governance.js";
import type { Motion, System } from "../utils/governance.js";
import { stateBitmap as bitmap, receiptOf, timeOf } from "../utils/blocks.js";
import {
  motionDetailsOf as details,
  expectedRecord,
  motionRecordOf,
  operationId,
} from "../utils/governance.js";

const { loadFixture, time } = networkHelpers;

// ---------------------------------------------------------------- constants and helpers

const ADMISSION = DEFAULT_CLASS_CONFIGS[MotionClass.Admission];
const NO_CONFIDENCE = DEFAULT_CLASS_CONFIGS[MotionClass.NoConfidence];
const CONSTITUTIONAL = DEFAULT_CLASS_CONFIGS[MotionClass.Constitutional];
const BPS = 10_000n;
/** The fixture's sponsorship window (deploySystem). */
const WINDOW = 14n * DAY;
const UNBONDING = 7n * DAY;
const CANDIDATE_NAME = "Candidate Org";
const CANDIDATE_URI = "https://candidate.example/gc.json";
const CANDIDATE_NODES = [nodeAddress(200), nodeAddress(201)];

/** A motion and its id. */
interface Live {
  id: bigint;
  motion: Motion;
}

/** ⌈x × bps / 10,000⌉, at least 1: a quorum threshold as the governor computes it. */
function share(x: bigint, bps: bigint): bigint {
  const q = (x * bps + BPS - 1n) / BPS;
  return q > 0n ? q : 1n;
}

async function latest(): Promise<bigint> {
  return BigInt(await time.latest());
}

/** The events `iface` decodes among the logs that `address` emitted in `receipt`. */
function eventsOf(
  receipt: ContractTransactionReceipt,
  iface: Interface,
  address: string,
  name: string,
): LogDescription[] {
  const out: LogDescription[] = [];
  for (const log of receipt.logs) {
    if (log.address.toLowerCase() !== address.toLowerCase()) continue;
    const parsed = iface.parseLog(log);
    if (parsed !== null && parsed.name === name) out.push(parsed);
  }
  return out;
}

/** A decoded IGovernor `ProposalCreated` event. */
interface Created {
  proposalId: bigint;
  proposer: string;
  targets: string[];
  values: bigint[];
  signatures: string[];
  calldatas: string[];
  voteStart: bigint;
  voteEnd: bigint;
  description: string;
}

/** The one `ProposalCreated` event `address` emitted in `receipt`, decoded with the IGovernor ABI. */
function proposalCreated(receipt: ContractTransactionReceipt, iface: Interface, address: string): Created {
  const logs = eventsOf(receipt, iface, address, "ProposalCreated");
  expect(logs).to.have.length(1);
  const [proposalId, proposer, targets, values, signatures, calldatas, voteStart, voteEnd, description] =
    logs[0].args.toArray(true) as [
      bigint,
      string,
      string[],
      bigint[],
      string[],
      string[],
      bigint,
      bigint,
      string,
    ];
  return { proposalId, proposer, targets, values, signatures, calldatas, voteStart, voteEnd, description };
}

/** The actions of an admission motion for `candidateId`, as queue and execute need them. */
async function admissionMotion(s: System, candidateId: bigint, description: string): Promise<Motion> {
  return {
    targets: [await s.registry.getAddress()],
    values: [0n],
    calldatas: [s.registry.interface.encodeFunctionData("admit", [candidateId])],
    description,
  };
}

/** The actions of a no-confidence motion against `memberId`. */
async function noConfidenceMotion(s: System, memberId: bigint, description: string): Promise<Motion> {
  return {
    targets: [await s.registry.getAddress()],
    values: [0n],
    calldatas: [s.registry.interface.encodeFunctionData("remove", [memberId])],
    description,
  };
}

/** `sponsor` opens an admission motion for `candidateId`. */
async function sponsor(
  s: System,
  by: HardhatEthersSigner,
  candidateId: bigint,
  description: string,
): Promise<Live> {
  await s.governor.connect(by).proposeAdmission(candidateId, description);
  return {
    id: await s.governor.latestProposalId(),
    motion: await admissionMotion(s, candidateId, description),
  };
}

/** `mover` opens a no-confidence motion against `target`. */
async function moveNoConfidence(
  s: System,
  mover: HardhatEthersSigner,
  target: bigint,
  description: string,
): Promise<Live> {
  await s.governor.connect(mover).proposeNoConfidence(target, description);
  return {
    id: await s.governor.latestProposalId(),
    motion: await noConfidenceMotion(s, target, description),
  };
}

/** Casts one vote per listed voter, `supports[i]` for `voters[i]`. */
async function castVotes(
  s: System,
  id: bigint,
  voters: HardhatEthersSigner[],
  supports: Vote[],
): Promise<void> {
  for (let i = 0; i < voters.length; i++) await s.governor.connect(voters[i]).castVote(id, supports[i]);
}

/** snapshot → `voters` vote For → deadline → queue → ETA (not executed). */
async function passAndQueue(s: System, live: Live, voters: HardhatEthersSigner[]): Promise<void> {
  await waitForSnapshot(s, live.id);
  await voteAll(s, live.id, voters, Vote.For);
  await waitForDeadline(s, live.id);
  await queue(s, live.motion);
  await waitForEta(s, live.id);
}

/** The timelock salt OpenZeppelin's GovernorTimelockControl uses: bytes20(governor) ^ descriptionHash. */
async function timelockSalt(s: System, motion: Motion): Promise<string> {
  const governor = BigInt(await s.governor.getAddress());
  return ethers.toBeHex((governor << 96n) ^ BigInt(descriptionHash(motion)), 32);
}

/**
 * Everything a failed call could have changed: every motion (details, record, ballots), live counts, every
 * record (accounts, status, times, application window), stakes, freezes and votes, and the timelock operations of
 * `lives`.
 */
async function observe(s: System, lives: Live[] = []): Promise<Record<string, unknown>> {
  const g = s.governor;
  const count = await g.proposalCount();
  const members = await s.registry.memberCount();
  const out: Record<string, unknown> = {
    proposalCount: count,
    activeCount: await s.registry.activeMemberCount(),
    eligibleCount: await s.vault.eligibleCount(),
    totalVotes: await s.vault.totalVotes(),
    totalStaked: await s.vault.totalStaked(),
    secretariatLive: await g.liveProposalCount(s.secretariat.address),
  };
  for (const v of [...s.voters, ...s.others]) out[`live ${v.address}`] = await g.liveProposalCount(v.address);
  for (let m = 1n; m <= members; m++) {
    const r = await s.registry.getMember(m);
    out[`member ${m}`] = [r.admin, r.voter, r.status, r.appliedAt, r.joinedAt, r.leftAt, [...r.nodes]];
    out[`member ${m} open`] = await s.registry.isApplicationOpen(m);
    out[`member ${m} stake`] = [
      await s.vault.stakeOf(m),
      await s.vault.pendingOf(m),
      await s.vault.memberVotes(m),
      await s.vault.frozenUntil(m),
    ];
  }
  for (let id = 1n; id <= count; id++) {
    out[`motion ${id}`] = await details(s, id);
    out[`motion ${id} record`] = await motionRecordOf(s, id);
    const voted: boolean[] = [];
    for (let m = 1n; m <= members; m++) voted.push(await g.hasMemberVoted(id, m));
    out[`motion ${id} ballots`] = voted;
  }
  for (const live of lives)
    out[`operation ${live.id}`] = await s.timelock.getTimestamp(await operationId(s, live.motion));
  return out;
}

// ---------------------------------------------------------------- fixtures (named, for loadFixture)

interface CandidateSystem extends System {
  /** The candidate's admin (others[0]). */
  applicant: HardhatEthersSigner;
  /** The candidate's voter (others[1]). */
  candidateVoter: HardhatEthersSigner;
  candidateId: bigint;
  /** When the candidate applied. */
  appliedAt: bigint;
}

/**
 * `others[0]` applies with `others[1]` as voter. Options: the voter accepts (default true), the applicant bonds
 * `units` stake units (default 1).
 */
async function withCandidate(
  s: System,
  options: { accept?: boolean; units?: bigint } = {},
): Promise<CandidateSystem> {
  const [applicant, candidateVoter] = s.others;
  const tx = await s.registry
    .connect(applicant)
    .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, candidateVoter.address, CANDIDATE_NODES);
  const appliedAt = await timeOf(tx);
  const candidateId = await s.registry.memberCount();
  if (options.accept ?? true) await s.registry.connect(candidateVoter).acceptVoter(candidateId);
  const units = options.units ?? 1n;
  if (units > 0n) await s.vault.connect(applicant).stake(units * STAKE_UNIT, { value: units * STAKE_UNIT });
  return { ...s, applicant, candidateVoter, candidateId, appliedAt };
}

/** Five members, one vote each. */
function council(): Promise<System> {
  return deploySystem();
}

/** Five members and candidate 6: voter accepted, one stake unit bonded, application open (14-day window). */
async function councilWithCandidate(): Promise<CandidateSystem> {
  return withCandidate(await deploySystem());
}

/** Five members and candidate 6 that applied but neither accepted its voter nor bonded stake. */
async function councilWithUnreadyCandidate(): Promise<CandidateSystem> {
  return withCandidate(await deploySystem(), { accept: false, units: 0n });
}

/** As `councilWithCandidate`, after governance (a Constitutional motion) lengthened the window to 60 days. */
async function councilWithLongWindow(): Promise<CandidateSystem> {
  const s = await deploySystem();
  await passAndExecute(
    s,
    {
      targets: [await s.registry.getAddress()],
      values: [0n],
      calldatas: [s.registry.interface.encodeFunctionData("setSponsorshipWindow", [60n * DAY])],
      description: "Sponsorship window: 60 days",
    },
    s.secretariat,
  );
  expect(await s.registry.sponsorshipWindow()).to.equal(60n * DAY);
  return withCandidate(s);
}

/**
 * Six members bonding 2, 1, 1, 1, 1 and 5 units: 6 eligible, cap 5, votes 2, 1, 1, 1, 1, 5 (11 in all). Member 6
 * is the no-confidence target: without it, 5 eligible and 6 votes (No-confidence quorum 3 voters or 3 votes);
 * with it, 3 voters or 6 votes.
 */
function heavyTarget(): Promise<System> {
  return deploySystem({ members: 6, stakes: [2n, 1n, 1n, 1n, 1n, 5n] });
}

/**
 * Seven members bonding 1 unit each but member 7, which bonds 6 (cap 6): 12 votes. Without member 7, 6 eligible
 * and 6 votes (quorum 3 voters or 3 votes); with it, 4 voters or 6 votes: both bases move.
 */
function heavyTargetOfSeven(): Promise<System> {
  return deploySystem({ members: 7, stakes: [1n, 1n, 1n, 1n, 1n, 1n, 6n] });
}

/** Exactly the minimum council: four members. */
function minimumCouncil(): Promise<System> {
  return deploySystem({ members: 4 });
}

/** Five members under the SecretariatOnly rule (set by a Constitutional motion), and candidate 6 ready. */
async function secretariatOnlyCouncil(): Promise<CandidateSystem> {
  const s = await deploySystem();
  await passAndExecute(
    s,
    {
      targets: [await s.governor.getAddress()],
      values: [0n],
      calldatas: [
        s.governor.interface.encodeFunctionData("setProposerRule", [
          s.secretariat.address,
          ProposerRule.SecretariatOnly,
        ]),
      ],
      description: "Proposer rule: secretariat only",
    },
    s.secretariat,
  );
  expect(await s.governor.proposerRule()).to.equal(ProposerRule.SecretariatOnly);
  return withCandidate(s);
}

/** Five members under the MembersOnly rule (set by a Constitutional motion), and candidate 6 ready. */
async function membersOnlyCouncil(): Promise<CandidateSystem> {
  const s = await deploySystem();
  await passAndExecute(
    s,
    {
      targets: [await s.governor.getAddress()],
      values: [0n],
      calldatas: [
        s.governor.interface.encodeFunctionData("setProposerRule", [
          s.secretariat.address,
          ProposerRule.MembersOnly,
        ]),
      ],
      description: "Proposer rule: members only",
    },
    s.secretariat,
  );
  expect(await s.governor.proposerRule()).to.equal(ProposerRule.MembersOnly);
  return withCandidate(s);
}

// ---------------------------------------------------------------- tests

describe("GovernorMembershipMotions", function () {
  describe("proposeAdmission", function () {
    it("admits a candidate end to end: apply, bond, sponsor, vote, queue, wait 2 days, execute; it votes at once", async function () {
      const s = await loadFixture(councilWithCandidate);
      const g = s.governor;
      const registry = await s.registry.getAddress();
      const description = "Admit Candidate Org";
      const admit = s.registry.interface.encodeFunctionData("admit", [s.candidateId]);
      expect((await s.registry.getMember(s.candidateId)).status).to.equal(BigInt(Status.Candidate));
      expect(await s.vault.stakeOf(s.candidateId)).to.equal(STAKE_UNIT);

      const t0 = (await latest()) + 10n;
      await time.setNextBlockTimestamp(t0);
      const tx = await g.connect(s.voters[0]).proposeAdmission(s.candidateId, description);
      const snapshot = t0 + ADMISSION.votingDelay;
      const deadline = snapshot + ADMISSION.votingPeriod;
      await expect(tx)
        .to.emit(g, "ProposalCreated")
        .withArgs(1n, s.voters[0].address, [registry], [0n], [""], [admit], snapshot, deadline, description);
      await expect(tx).to.emit(g, "MotionClassified").withArgs(1n, MotionClass.Admission, 0n);
      await expect(tx)
        .to.emit(g, "MembershipMotionProposed")
        .withArgs(1n, MotionClass.Admission, s.candidateId, s.voters[0].address);
      const id = await g.latestProposalId();
      expect(id).to.equal(1n);
      expect(await g.state(id)).to.equal(ProposalState.Pending);
      expect(await g.liveProposalCount(s.voters[0].address)).to.equal(1n);

      await waitForSnapshot(s, id);
      await castVotes(s, id, s.voters.slice(0, 4), [Vote.For, Vote.For, Vote.For, Vote.Against]);
      await waitForDeadline(s, id);
      expect(await g.state(id)).to.equal(ProposalState.Succeeded);
      // The window closed during the vote: a motion sponsored in time still runs to the end.
      expect(await s.registry.isApplicationOpen(s.candidateId)).to.equal(false);

      const motion = await admissionMotion(s, s.candidateId, description);
      const queueTx = await g.queue(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
      const eta = (await timeOf(queueTx)) + ADMISSION.timelockDelay;
      await expect(queueTx).to.emit(g, "ProposalQueued").withArgs(id, eta);
      await time.setNextBlockTimestamp(eta - 1n);
      await expect(
        g.execute(motion.targets, motion.values, motion.calldatas, descriptionHash(motion), {
          gasLimit: 1_000_000n,
        }),
      )
        .to.be.revertedWithCustomError(g, "GovernorMotionNotReady")
        .withArgs(id, eta);
      expect(await s.registry.memberIdOfNode(CANDIDATE_NODES[0])).to.equal(0n);

      const execTx = g.execute(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
      await expect(execTx).to.emit(s.registry, "MemberAdmitted").withArgs(s.candidateId);
      await expect(execTx).to.emit(g, "ProposalExecuted").withArgs(id);
      expect(await g.state(id)).to.equal(ProposalState.Executed);
      const member = await s.registry.getMember(s.candidateId);
      expect(member.status).to.equal(BigInt(Status.Active));
      expect(member.joinedAt).to.equal(await latest());
      expect(await s.registry.isActive(s.candidateId)).to.equal(true);
      for (const node of CANDIDATE_NODES)
        expect(await s.registry.memberIdOfNode(node)).to.equal(s.candidateId);
      // Voting power at once: eligible, one vote on its voter account.
      expect(await s.vault.isEligible(s.candidateId)).to.equal(true);
      expect(await s.vault.eligibleCount()).to.equal(6n);
      expect(await s.vault.getVotes(s.candidateVoter.address)).to.equal(1n);
      // One second later it may propose and its votes count at new snapshots.
      await time.increase(1);
      const signal = await signallingMotion(s, "The new member's first motion");
      const next = await propose(s, signal, s.candidateVoter);
      await waitForSnapshot(s, next);
      await expect(g.connect(s.candidateVoter).castVote(next, Vote.For))
        .to.emit(g, "VoteCast")
        .withArgs(s.candidateVoter.address, next, Vote.For, 1n, "");
    });

    it("lets the secretariat sponsor a candidate, which is then admitted", async function () {
      const s = await loadFixture(councilWithCandidate);
      const g = s.governor;
      const description = "Admit Candidate Org (secretariat)";
      const tx = g.connect(s.secretariat).proposeAdmission(s.candidateId, description);
      await expect(tx)
        .to.emit(g, "MembershipMotionProposed")
        .withArgs(1n, MotionClass.Admission, s.candidateId, s.secretariat.address);
      await expect(tx).to.emit(g, "MotionClassified").withArgs(1n, MotionClass.Admission, 0n);
      expect(await g.proposalProposer(1n)).to.equal(s.secretariat.address);
      expect(await g.liveProposalCount(s.secretariat.address)).to.equal(1n);

      const live: Live = { id: 1n, motion: await admissionMotion(s, s.candidateId, description) };
      // Admission quorum: ⌈⅓ × 5⌉ = 2 voters.
      await passAndQueue(s, live, s.voters.slice(0, 2));
      await expect(
        g.execute(
          live.motion.targets,
          live.motion.values,
          live.motion.calldatas,
          descriptionHash(live.motion),
        ),
      )
        .to.emit(s.registry, "MemberAdmitted")
        .withArgs(s.candidateId);
      expect(await s.registry.isActive(s.candidateId)).to.equal(true);
      expect(await s.vault.getVotes(s.candidateVoter.address)).to.equal(1n);
      expect(await g.liveProposalCount(s.secretariat.address)).to.equal(0n);
    });

    it("accepts a candidate whose stake unit another account bonded (stakeFor)", async function () {
      const s = await loadFixture(councilWithUnreadyCandidate);
      await s.registry.connect(s.candidateVoter).acceptVoter(s.candidateId);
      await s.vault.connect(s.others[2]).stakeFor(s.candidateId, STAKE_UNIT, { value: STAKE_UNIT });
      await expect(s.governor.connect(s.voters[0]).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.emit(s.governor, "MembershipMotionProposed")
        .withArgs(1n, MotionClass.Admission, s.candidateId, s.voters[0].address);
    });

    it("accepts sponsorship at the window's last second (appliedAt + window)", async function () {
      const s = await loadFixture(councilWithCandidate);
      await time.setNextBlockTimestamp(s.appliedAt + WINDOW);
      const tx = await s.governor.connect(s.voters[0]).proposeAdmission(s.candidateId, "Admit Candidate Org");
      await expect(tx)
        .to.emit(s.governor, "MembershipMotionProposed")
        .withArgs(1n, MotionClass.Admission, s.candidateId, s.voters[0].address);
      expect(await timeOf(tx)).to.equal(s.appliedAt + WINDOW);
    });

    it("lets a lapsed application be renewed, then sponsored", async function () {
      const s = await loadFixture(councilWithCandidate);
      await time.increaseTo(s.appliedAt + WINDOW + 1n);
      await expect(s.governor.connect(s.voters[0]).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.be.revertedWithCustomError(s.governor, "GovernorApplicationNotOpen")
        .withArgs(s.candidateId);

      const renewedAt = (await latest()) + 5n;
      await time.setNextBlockTimestamp(renewedAt);
      await expect(s.registry.connect(s.applicant).renewApplication(s.candidateId))
        .to.emit(s.registry, "ApplicationRenewed")
        .withArgs(s.candidateId, renewedAt);
      expect((await s.registry.getMember(s.candidateId)).appliedAt).to.equal(renewedAt);
      await expect(s.governor.connect(s.voters[0]).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.emit(s.governor, "MembershipMotionProposed")
        .withArgs(1n, MotionClass.Admission, s.candidateId, s.voters[0].address);
    });

    it("reverts renewApplication while the window is open (CouncilRegistryApplicationOpen)", async function () {
      const s = await loadFixture(councilWithCandidate);
      const before = await observe(s);
      await expect(s.registry.connect(s.applicant).renewApplication(s.candidateId))
        .to.be.revertedWithCustomError(s.registry, "CouncilRegistryApplicationOpen")
        .withArgs(s.candidateId, s.appliedAt + WINDOW);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("lets a rejected candidate renew and be sponsored again, then admitted", async function () {
      const s = await loadFixture(councilWithCandidate);
      const first = await sponsor(s, s.voters[0], s.candidateId, "Admit Candidate Org");
      await waitForSnapshot(s, first.id);
      await voteAll(s, first.id, s.voters.slice(0, 3), Vote.Against);
      await waitForDeadline(s, first.id);
      expect(await s.governor.state(first.id)).to.equal(ProposalState.Defeated);
      // A 14-day vote outlasts the 14-day window: the application has lapsed.
      expect(await s.registry.isApplicationOpen(s.candidateId)).to.equal(false);
      await expect(
        s.governor.connect(s.voters[1]).proposeAdmission(s.candidateId, "Admit Candidate Org, again"),
      )
        .to.be.revertedWithCustomError(s.governor, "GovernorApplicationNotOpen")
        .withArgs(s.candidateId);

      await s.registry.connect(s.applicant).renewApplication(s.candidateId);
      const second = await sponsor(s, s.voters[1], s.candidateId, "Admit Candidate Org, again");
      expect(second.id).to.equal(2n);
      expect((await s.governor.motionRecord(second.id)).subjectMemberId).to.equal(s.candidateId);
      await passAndQueue(s, second, s.voters.slice(0, 3));
      await execute(s, second.motion);
      expect(await s.governor.state(second.id)).to.equal(ProposalState.Executed);
      expect(await s.registry.isActive(s.candidateId)).to.equal(true);
      expect(await s.governor.state(first.id)).to.equal(ProposalState.Defeated);
    });

    it("lets a rejected candidate be sponsored again at once while its window is open (60-day window)", async function () {
      const s = await loadFixture(councilWithLongWindow);
      const first = await sponsor(s, s.voters[0], s.candidateId, "Admit Candidate Org");
      await waitForSnapshot(s, first.id);
      await voteAll(s, first.id, s.voters.slice(0, 3), Vote.Against);
      await waitForDeadline(s, first.id);
      expect(await s.governor.state(first.id)).to.equal(ProposalState.Defeated);
      expect(await s.registry.isApplicationOpen(s.candidateId)).to.equal(true);
      await expect(s.registry.connect(s.applicant).renewApplication(s.candidateId))
        .to.be.revertedWithCustomError(s.registry, "CouncilRegistryApplicationOpen")
        .withArgs(s.candidateId, s.appliedAt + 60n * DAY);

      await expect(
        s.governor.connect(s.voters[2]).proposeAdmission(s.candidateId, "Admit Candidate Org, again"),
      )
        .to.emit(s.governor, "MembershipMotionProposed")
        .withArgs(first.id + 1n, MotionClass.Admission, s.candidateId, s.voters[2].address);
    });

    it("refuses the sponsor's cancel of its Pending motion (GovernorUnableToCancel): once opened, it goes to a vote", async function () {
      const s = await loadFixture(councilWithCandidate);
      const first = await sponsor(s, s.voters[0], s.candidateId, "Admit Candidate Org");
      const m = first.motion;
      const before = await observe(s, [first]);
      for (const caller of [s.voters[0], s.secretariat, s.voters[1]]) {
        await expect(s.governor.connect(caller).cancel(m.targets, m.values, m.calldatas, descriptionHash(m)))
          .to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel")
          .withArgs(first.id, caller.address);
      }
      expect(await observe(s, [first])).to.deep.equal(before);
      expect(await s.governor.state(first.id)).to.equal(ProposalState.Pending);
      // Nobody can squat the candidate: a second sponsorship is refused while the first is live.
      await expect(
        s.governor.connect(s.voters[1]).proposeAdmission(s.candidateId, "Admit Candidate Org, again"),
      )
        .to.be.revertedWithCustomError(s.governor, "GovernorMotionAlreadyLive")
        .withArgs(s.candidateId, first.id);
    });

    it("lets the guardian cancel an admission motion; the candidate can then be sponsored again", async function () {
      const s = await loadFixture(councilWithCandidate);
      const first = await sponsor(s, s.voters[0], s.candidateId, "Admit Candidate Org");
      const m = first.motion;
      await expect(
        s.governor.connect(s.guardian).cancel(m.targets, m.values, m.calldatas, descriptionHash(m)),
      )
        .to.emit(s.governor, "ProposalCanceled")
        .withArgs(first.id);
      expect(await s.governor.state(first.id)).to.equal(ProposalState.Canceled);
      await expect(
        s.governor.connect(s.voters[1]).proposeAdmission(s.candidateId, "Admit Candidate Org, again"),
      )
        .to.emit(s.governor, "MembershipMotionProposed")
        .withArgs(2n, MotionClass.Admission, s.candidateId, s.voters[1].address);
    });

    it("lets a candidate withdraw: resign, request unstake, wait 7 days, withdraw the full stake", async function () {
      const s = await loadFixture(councilWithCandidate);
      // A second unit from a supporter: the candidate's admin recovers everything bonded for it.
      await s.vault.connect(s.others[2]).stakeFor(s.candidateId, STAKE_UNIT, { value: STAKE_UNIT });
      const bonded = 2n * STAKE_UNIT;
      expect(await s.vault.stakeOf(s.candidateId)).to.equal(bonded);

      await expect(s.registry.connect(s.applicant).resign(s.candidateId))
        .to.emit(s.registry, "MemberResigned")
        .withArgs(s.candidateId, Status.Candidate);
      expect((await s.registry.getMember(s.candidateId)).status).to.equal(BigInt(Status.Resigned));
      expect(await s.registry.isApplicationOpen(s.candidateId)).to.equal(false);

      const requestedAt = (await latest()) + 5n;
      await time.setNextBlockTimestamp(requestedAt);
      await expect(s.vault.connect(s.applicant).requestUnstake(s.candidateId, bonded))
        .to.emit(s.vault, "UnstakeRequested")
        .withArgs(s.candidateId, 0n, bonded, requestedAt + UNBONDING, requestedAt + 2n * UNBONDING);
      expect(await s.vault.stakeOf(s.candidateId)).to.equal(0n);
      expect(await s.vault.pendingOf(s.candidateId)).to.equal(bonded);

      await time.increaseTo(requestedAt + UNBONDING);
      const tx = s.vault.connect(s.applicant).withdraw(s.candidateId, 0n, s.applicant.address);
      await expect(tx).to.emit(s.vault, "Withdrawn").withArgs(s.candidateId, 0n, s.applicant.address, bonded);
      await expect(tx).to.changeEtherBalances(ethers, [s.vault, s.applicant], [-bonded, bonded]);
      expect(await s.vault.pendingOf(s.candidateId)).to.equal(0n);
      expect(await s.vault.stakeOf(s.candidateId)).to.equal(0n);
    });

    it("voids a motion whose candidate withdraws mid-vote: Canceled, no more votes, cannot be queued, not live", async function () {
      const s = await loadFixture(councilWithCandidate);
      const live = await sponsor(s, s.voters[0], s.candidateId, "Admit Candidate Org");
      await waitForSnapshot(s, live.id);
      await voteAll(s, live.id, s.voters.slice(0, 2), Vote.For);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Active);

      await s.registry.connect(s.applicant).resign(s.candidateId);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Canceled);
      expect(await s.governor.liveProposalCount(s.voters[0].address)).to.equal(0n);
      await expect(s.governor.connect(s.voters[2]).castVote(live.id, Vote.For))
        .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
        .withArgs(live.id, ProposalState.Canceled, bitmap(ProposalState.Active));

      // Two For votes reach the quorum: without the void rule it would have Succeeded.
      await waitForDeadline(s, live.id);
      expect(await s.governor.proposalVotes(live.id)).to.deep.equal([0n, 2n, 0n]);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Canceled);
      const before = await observe(s, [live]);
      await expect(queue(s, live.motion))
        .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
        .withArgs(live.id, ProposalState.Canceled, bitmap(ProposalState.Succeeded));
      expect(await observe(s, [live])).to.deep.equal(before);
    });

    it("voids a queued motion whose candidate withdraws: execution reverts and nobody can run its operation", async function () {
      const s = await loadFixture(councilWithCandidate);
      const live = await sponsor(s, s.voters[0], s.candidateId, "Admit Candidate Org");
      await passAndQueue(s, live, s.voters.slice(0, 3));
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Queued);

      await s.registry.connect(s.applicant).resign(s.candidateId);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Canceled);
      const before = await observe(s, [live]);
      await expect(execute(s, live.motion))
        .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
        .withArgs(live.id, ProposalState.Canceled, bitmap(ProposalState.Queued));
      expect(await observe(s, [live])).to.deep.equal(before);
      // The governor is the timelock's only executor: the scheduled operation cannot be run around it.
      const m = live.motion;
      const salt = await timelockSalt(s, m);
      expect(await s.timelock.isOperationPending(await operationId(s, m))).to.equal(true);
      await expect(
        s.timelock.connect(s.others[2]).executeBatch(m.targets, m.values, m.calldatas, ethers.ZeroHash, salt),
      )
        .to.be.revertedWithCustomError(s.timelock, "AccessControlUnauthorizedAccount")
        .withArgs(s.others[2].address, await s.timelock.EXECUTOR_ROLE());
      expect(await observe(s, [live])).to.deep.equal(before);
      expect((await s.registry.getMember(s.candidateId)).status).to.equal(BigInt(Status.Resigned));
    });

    it("keeps a void motion Canceled after its deadline (a final state never turns into Defeated)", async function () {
      const s = await loadFixture(councilWithCandidate);
      const live = await sponsor(s, s.voters[0], s.candidateId, "Admit Candidate Org");
      await s.registry.connect(s.applicant).resign(s.candidateId);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Canceled);
      // No votes were cast: without the void rule it would end Defeated, but it was voided first.
      await waitForDeadline(s, live.id);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Canceled);
    });

    it("reverts when the candidate's voter has not accepted", async function () {
      const s = await loadFixture(councilWithUnreadyCandidate);
      await s.vault.connect(s.applicant).stake(STAKE_UNIT, { value: STAKE_UNIT });
      expect(await s.registry.pendingVoter(s.candidateId)).to.equal(s.candidateVoter.address);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[0]).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.be.revertedWithCustomError(s.governor, "GovernorCandidateNotReady")
        .withArgs(s.candidateId);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the candidate has bonded no stake", async function () {
      const s = await loadFixture(councilWithUnreadyCandidate);
      await s.registry.connect(s.candidateVoter).acceptVoter(s.candidateId);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[0]).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.be.revertedWithCustomError(s.governor, "GovernorCandidateNotReady")
        .withArgs(s.candidateId);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the candidate has bonded one wei less than a stake unit", async function () {
      const s = await loadFixture(councilWithUnreadyCandidate);
      await s.registry.connect(s.candidateVoter).acceptVoter(s.candidateId);
      await s.vault.connect(s.applicant).stake(STAKE_UNIT - 1n, { value: STAKE_UNIT - 1n });
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[0]).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.be.revertedWithCustomError(s.governor, "GovernorCandidateNotReady")
        .withArgs(s.candidateId);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the candidate has requested to unstake its stake unit", async function () {
      const s = await loadFixture(councilWithCandidate);
      await s.vault.connect(s.applicant).requestUnstake(s.candidateId, 1n);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[0]).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.be.revertedWithCustomError(s.governor, "GovernorCandidateNotReady")
        .withArgs(s.candidateId);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the id is an active member", async function () {
      const s = await loadFixture(councilWithCandidate);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[0]).proposeAdmission(2n, "Admit member 2"))
        .to.be.revertedWithCustomError(s.governor, "GovernorApplicationNotOpen")
        .withArgs(2n);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the id is unknown", async function () {
      const s = await loadFixture(councilWithCandidate);
      const before = await observe(s);
      for (const id of [0n, 7n]) {
        await expect(s.governor.connect(s.voters[0]).proposeAdmission(id, "Admit nobody"))
          .to.be.revertedWithCustomError(s.governor, "GovernorApplicationNotOpen")
          .withArgs(id);
      }
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the candidate withdrew its application", async function () {
      const s = await loadFixture(councilWithCandidate);
      await s.registry.connect(s.applicant).resign(s.candidateId);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[0]).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.be.revertedWithCustomError(s.governor, "GovernorApplicationNotOpen")
        .withArgs(s.candidateId);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the sponsorship window has closed (appliedAt + window + 1 second)", async function () {
      const s = await loadFixture(councilWithCandidate);
      const before = await observe(s);
      await time.setNextBlockTimestamp(s.appliedAt + WINDOW + 1n);
      // Fixed gas: the transaction is mined one second after the window and reverts there.
      await expect(
        s.governor
          .connect(s.voters[0])
          .proposeAdmission(s.candidateId, "Admit Candidate Org", { gasLimit: 2_000_000n }),
      )
        .to.be.revertedWithCustomError(s.governor, "GovernorApplicationNotOpen")
        .withArgs(s.candidateId);
      expect(await latest()).to.equal(s.appliedAt + WINDOW + 1n);
      const after = await observe(s);
      expect(before[`member ${s.candidateId} open`]).to.equal(true);
      expect(after[`member ${s.candidateId} open`]).to.equal(false); // time moved, nothing else
      delete before[`member ${s.candidateId} open`];
      delete after[`member ${s.candidateId} open`];
      expect(after).to.deep.equal(before);
    });

    it("reverts when an admission motion for the candidate is live (Pending, Active, Succeeded or Queued)", async function () {
      const s = await loadFixture(councilWithLongWindow);
      const first = await sponsor(s, s.voters[0], s.candidateId, "Admit Candidate Org");
      const attempt = async (label: string): Promise<void> => {
        const before = await observe(s, [first]);
        await expect(
          s.governor.connect(s.voters[1]).proposeAdmission(s.candidateId, `Admit Candidate Org (${label})`),
          label,
        )
          .to.be.revertedWithCustomError(s.governor, "GovernorMotionAlreadyLive")
          .withArgs(s.candidateId, first.id);
        expect(await observe(s, [first])).to.deep.equal(before);
      };
      expect(await s.governor.state(first.id)).to.equal(ProposalState.Pending);
      await attempt("pending");
      await waitForSnapshot(s, first.id);
      await voteAll(s, first.id, s.voters.slice(0, 3), Vote.For);
      expect(await s.governor.state(first.id)).to.equal(ProposalState.Active);
      await attempt("active");
      await waitForDeadline(s, first.id);
      expect(await s.governor.state(first.id)).to.equal(ProposalState.Succeeded);
      await attempt("succeeded");
      await queue(s, first.motion);
      expect(await s.governor.state(first.id)).to.equal(ProposalState.Queued);
      await attempt("queued");
      expect(await s.registry.isApplicationOpen(s.candidateId)).to.equal(true);
    });

    it("reverts when the description repeats that of a defeated motion for the same candidate", async function () {
      const s = await loadFixture(councilWithLongWindow);
      const first = await sponsor(s, s.voters[0], s.candidateId, "Admit Candidate Org");
      await waitForSnapshot(s, first.id);
      await waitForDeadline(s, first.id);
      expect(await s.governor.state(first.id)).to.equal(ProposalState.Defeated);
      const before = await observe(s, [first]);
      // Same actions and description: the same proposal id, which OpenZeppelin never reuses.
      await expect(s.governor.connect(s.voters[1]).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
        .withArgs(first.id, ProposalState.Defeated, ethers.ZeroHash);
      expect(await observe(s, [first])).to.deep.equal(before);
    });

    it("reverts when the sponsor is neither a member's voter nor the secretariat", async function () {
      const s = await loadFixture(councilWithCandidate);
      const before = await observe(s);
      // An outsider, the candidate's own admin and the candidate's own voter (no votes: not yet a member).
      for (const caller of [s.others[2], s.applicant, s.candidateVoter, s.admins[0]]) {
        await expect(s.governor.connect(caller).proposeAdmission(s.candidateId, "Admit Candidate Org"))
          .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
          .withArgs(caller.address);
      }
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the sponsor's member has no votes", async function () {
      const s = await loadFixture(councilWithCandidate);
      await s.vault.connect(s.admins[1]).requestUnstake(2n, STAKE_UNIT);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[1]).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
        .withArgs(s.voters[1].address);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the sponsor is a voter account its member rotated away from", async function () {
      const s = await loadFixture(councilWithCandidate);
      await s.registry.connect(s.admins[1]).proposeVoter(2n, s.others[3].address);
      await s.registry.connect(s.others[3]).acceptVoter(2n);
      await time.increase(1);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[1]).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
        .withArgs(s.voters[1].address);
      expect(await observe(s)).to.deep.equal(before);
      // The member's current voter may sponsor.
      await expect(s.governor.connect(s.others[3]).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.emit(s.governor, "MembershipMotionProposed")
        .withArgs(1n, MotionClass.Admission, s.candidateId, s.others[3].address);
    });

    it("reverts when the sponsor already has the maximum number of live motions", async function () {
      const s = await loadFixture(councilWithCandidate);
      for (let i = 0; i < 3; i++) await propose(s, await signallingMotion(s, `Signal ${i}`), s.voters[0]);
      expect(await s.governor.liveProposalCount(s.voters[0].address)).to.equal(3n);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[0]).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.be.revertedWithCustomError(s.governor, "GovernorTooManyLiveProposals")
        .withArgs(s.voters[0].address, 3n);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when a member sponsors under the SecretariatOnly rule (the secretariat still may)", async function () {
      const s = await loadFixture(secretariatOnlyCouncil);
      const next = (await s.governor.proposalCount()) + 1n;
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[0]).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
        .withArgs(s.voters[0].address);
      expect(await observe(s)).to.deep.equal(before);
      await expect(s.governor.connect(s.secretariat).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.emit(s.governor, "MembershipMotionProposed")
        .withArgs(next, MotionClass.Admission, s.candidateId, s.secretariat.address);
    });

    it("reverts when the secretariat sponsors under the MembersOnly rule (members still may)", async function () {
      const s = await loadFixture(membersOnlyCouncil);
      const next = (await s.governor.proposalCount()) + 1n;
      const before = await observe(s);
      await expect(s.governor.connect(s.secretariat).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
        .withArgs(s.secretariat.address);
      expect(await observe(s)).to.deep.equal(before);
      await expect(s.governor.connect(s.voters[0]).proposeAdmission(s.candidateId, "Admit Candidate Org"))
        .to.emit(s.governor, "MembershipMotionProposed")
        .withArgs(next, MotionClass.Admission, s.candidateId, s.voters[0].address);
    });

    it("reverts when the description reserves the motion for another proposer (#proposer=)", async function () {
      const s = await loadFixture(councilWithCandidate);
      const description = `Admit Candidate Org#proposer=${s.voters[0].address}`;
      const before = await observe(s);
      // As for general motions (OpenZeppelin's front-running protection), only voters[0] may submit it.
      await expect(s.governor.connect(s.voters[1]).proposeAdmission(s.candidateId, description))
        .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
        .withArgs(s.voters[1].address);
      expect(await observe(s)).to.deep.equal(before);
    });
  });

  describe("proposeNoConfidence", function () {
    const TARGET = 6n;

    it("removes a member by two thirds of the others; the target's own vote attempt reverts", async function () {
      const s = await loadFixture(heavyTarget);
      const g = s.governor;
      const registry = await s.registry.getAddress();
      const description = "No confidence in Member 6";
      const remove = s.registry.interface.encodeFunctionData("remove", [TARGET]);
      expect(await s.vault.memberVotes(TARGET)).to.equal(5n);

      const t0 = (await latest()) + 10n;
      await time.setNextBlockTimestamp(t0);
      const tx = await g.connect(s.voters[0]).proposeNoConfidence(TARGET, description);
      const snapshot = t0 + NO_CONFIDENCE.votingDelay;
      const deadline = snapshot + NO_CONFIDENCE.votingPeriod;
      await expect(tx)
        .to.emit(g, "ProposalCreated")
        .withArgs(1n, s.voters[0].address, [registry], [0n], [""], [remove], snapshot, deadline, description);
      await expect(tx).to.emit(g, "MotionClassified").withArgs(1n, MotionClass.NoConfidence, TARGET);
      await expect(tx)
        .to.emit(g, "MembershipMotionProposed")
        .withArgs(1n, MotionClass.NoConfidence, TARGET, s.voters[0].address);
      await expect(tx).to.emit(s.vault, "StakeFrozen").withArgs(TARGET, snapshot);
      expect(await s.vault.frozenUntil(TARGET)).to.equal(snapshot);
      const live: Live = { id: 1n, motion: await noConfidenceMotion(s, TARGET, description) };

      await waitForSnapshot(s, live.id);
      const before = await observe(s, [live]);
      await expect(g.connect(s.voters[5]).castVote(live.id, Vote.Against))
        .to.be.revertedWithCustomError(g, "GovernorMemberExcluded")
        .withArgs(live.id, TARGET);
      expect(await observe(s, [live])).to.deep.equal(before);

      // Members 1–3 For (4 votes), member 4 Against (1): For = 80 % of cast ≥ ⅔.
      await castVotes(s, live.id, s.voters.slice(0, 4), [Vote.For, Vote.For, Vote.For, Vote.Against]);
      expect(await g.hasMemberVoted(live.id, TARGET)).to.equal(false);
      await waitForDeadline(s, live.id);
      expect(await g.state(live.id)).to.equal(ProposalState.Succeeded);
      expect(await g.proposalVotes(live.id)).to.deep.equal([1n, 4n, 0n]);
      await queue(s, live.motion);
      await waitForEta(s, live.id);
      expect(await s.registry.memberIdOfNode(nodeAddress(105))).to.equal(TARGET);

      const execTx = g.execute(
        live.motion.targets,
        live.motion.values,
        live.motion.calldatas,
        descriptionHash(live.motion),
      );
      await expect(execTx).to.emit(s.registry, "MemberRemoved").withArgs(TARGET);
      await expect(execTx).to.emit(g, "ProposalExecuted").withArgs(live.id);
      const member = await s.registry.getMember(TARGET);
      expect(member.status).to.equal(BigInt(Status.Removed));
      expect(member.leftAt).to.equal(await latest());
      expect(await s.registry.isActive(TARGET)).to.equal(false);
      expect(await s.registry.memberIdOfNode(nodeAddress(105))).to.equal(0n);
      expect(await s.vault.isEligible(TARGET)).to.equal(false);
      expect(await s.vault.getVotes(s.voters[5].address)).to.equal(0n);
      expect(await s.vault.eligibleCount()).to.equal(5n);
      expect(await g.state(live.id)).to.equal(ProposalState.Executed);
    });

    it("computes both quorum bases without the target: eligible at the snapshot − 1, total votes − the target's", async function () {
      const s = await loadFixture(heavyTargetOfSeven);
      const target = 7n;
      const nc = await moveNoConfidence(s, s.voters[0], target, "No confidence in Member 7");
      // A Constitutional motion with the same shares (½ and ½), for comparison: it counts member 7.
      const constitutional = await propose(
        s,
        {
          targets: [await s.vault.getAddress()],
          values: [0n],
          calldatas: [s.vault.interface.encodeFunctionData("setUnbondingPeriod", [8n * DAY])],
          description: "Unbonding: 8 days",
        },
        s.secretariat,
      );
      expect(await s.governor.motionClass(constitutional)).to.equal(BigInt(MotionClass.Constitutional));
      expect(CONSTITUTIONAL.memberQuorumBps).to.equal(NO_CONFIDENCE.memberQuorumBps);
      expect(CONSTITUTIONAL.voteQuorumBps).to.equal(NO_CONFIDENCE.voteQuorumBps);
      await waitForSnapshot(s, constitutional);

      const snapshot = await s.governor.proposalSnapshot(nc.id);
      const eligible = await s.vault.getPastEligibleCount(snapshot);
      const total = await s.vault.getPastTotalSupply(snapshot);
      const targetVotes = await s.vault.getPastMemberVotes(target, snapshot);
      expect([eligible, total, targetVotes]).to.deep.equal([7n, 12n, 6n]);
      const expected = [
        share(eligible - 1n, NO_CONFIDENCE.memberQuorumBps),
        share(total - targetVotes, NO_CONFIDENCE.voteQuorumBps),
      ];
      expect(expected).to.deep.equal([3n, 3n]);
      expect(await s.governor.proposalQuorum(nc.id)).to.deep.equal(expected);
      // With member 7 counted: 4 voters or 6 votes.
      expect(await s.governor.proposalQuorum(constitutional)).to.deep.equal([4n, 6n]);
      // The lens shows the same thresholds.
      const d = await s.lens.motionDetails(await s.governor.getAddress(), nc.id);
      expect([d.memberQuorum, d.voteQuorum]).to.deep.equal(expected);
      expect(d.excludedMemberId).to.equal(target);

      // Three members (3 voters, 3 votes) reach it; counted with member 7 they would not.
      await voteAll(s, nc.id, s.voters.slice(0, 3), Vote.For);
      await voteAll(s, constitutional, s.voters.slice(0, 3), Vote.For);
      await waitForDeadline(s, nc.id);
      expect(await s.governor.state(nc.id)).to.equal(ProposalState.Succeeded);
      await waitForDeadline(s, constitutional);
      expect(await s.governor.state(constitutional)).to.equal(ProposalState.Defeated);
    });

    it("reaches the quorum on the others' votes where the target's weight in the base would leave it short", async function () {
      const s = await loadFixture(heavyTarget);
      const live = await moveNoConfidence(s, s.voters[0], TARGET, "No confidence in Member 6");
      await waitForSnapshot(s, live.id);
      const snapshot = await s.governor.proposalSnapshot(live.id);
      expect(await s.vault.getPastTotalSupply(snapshot)).to.equal(11n);
      // Without the target: ⌈½ × 5⌉ = 3 voters or ⌈½ × 6⌉ = 3 votes. With it, 3 voters or 6 votes.
      expect(await s.governor.proposalQuorum(live.id)).to.deep.equal([3n, 3n]);
      // Members 1 (2 votes) and 2 (1 vote): 2 voters, 3 votes, all For.
      await voteAll(s, live.id, s.voters.slice(0, 2), Vote.For);
      await waitForDeadline(s, live.id);
      expect(await s.governor.proposalVoters(live.id)).to.equal(2n);
      expect(await s.governor.proposalVotes(live.id)).to.deep.equal([0n, 3n, 0n]);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Succeeded);
    });

    it("decides on the others' votes where the target's vote would flip the result", async function () {
      const s = await loadFixture(heavyTarget);
      const live = await moveNoConfidence(s, s.voters[0], TARGET, "No confidence in Member 6");
      await waitForSnapshot(s, live.id);
      // For 3 (members 1 and 2), Against 1 (member 3): 75 % ≥ ⅔.
      await castVotes(s, live.id, s.voters.slice(0, 3), [Vote.For, Vote.For, Vote.Against]);
      // The target's 5 votes Against would make it 3 of 9: Defeated. They are refused.
      const before = await observe(s, [live]);
      await expect(s.governor.connect(s.voters[5]).castVote(live.id, Vote.Against))
        .to.be.revertedWithCustomError(s.governor, "GovernorMemberExcluded")
        .withArgs(live.id, TARGET);
      await expect(s.governor.connect(s.voters[5]).castVoteWithReason(live.id, Vote.Abstain, "abstain"))
        .to.be.revertedWithCustomError(s.governor, "GovernorMemberExcluded")
        .withArgs(live.id, TARGET);
      expect(await observe(s, [live])).to.deep.equal(before);
      await waitForDeadline(s, live.id);
      expect(await s.governor.proposalVotes(live.id)).to.deep.equal([1n, 3n, 0n]);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Succeeded);
    });

    it("keeps the target excluded after it rotates its voter account", async function () {
      const s = await loadFixture(heavyTarget);
      const live = await moveNoConfidence(s, s.voters[0], TARGET, "No confidence in Member 6");
      await s.registry.connect(s.admins[5]).proposeVoter(TARGET, s.others[0].address);
      await s.registry.connect(s.others[0]).acceptVoter(TARGET);
      await waitForSnapshot(s, live.id);
      const before = await observe(s, [live]);
      for (const account of [s.others[0], s.voters[5]]) {
        await expect(s.governor.connect(account).castVote(live.id, Vote.Against))
          .to.be.revertedWithCustomError(s.governor, "GovernorMemberExcluded")
          .withArgs(live.id, TARGET);
      }
      expect(await observe(s, [live])).to.deep.equal(before);
    });

    it("allows a new motion against the same target once the first is Defeated; it passes at exactly two thirds", async function () {
      const s = await loadFixture(heavyTarget);
      const first = await moveNoConfidence(s, s.voters[0], TARGET, "No confidence in Member 6");
      await waitForSnapshot(s, first.id);
      // For 2 (member 1), Against 2 (members 2 and 3): quorum reached, 50 % < ⅔.
      await castVotes(s, first.id, s.voters.slice(0, 3), [Vote.For, Vote.Against, Vote.Against]);
      await waitForDeadline(s, first.id);
      expect(await s.governor.state(first.id)).to.equal(ProposalState.Defeated);

      const tx = s.governor
        .connect(s.voters[1])
        .proposeNoConfidence(TARGET, "No confidence in Member 6, again");
      await expect(tx)
        .to.emit(s.governor, "MembershipMotionProposed")
        .withArgs(2n, MotionClass.NoConfidence, TARGET, s.voters[1].address);
      const second: Live = {
        id: 2n,
        motion: await noConfidenceMotion(s, TARGET, "No confidence in Member 6, again"),
      };
      await waitForSnapshot(s, second.id);
      // For 2 (member 1), Against 1 (member 2): exactly ⅔ of the votes cast, and 3 votes reach the quorum.
      await castVotes(s, second.id, s.voters.slice(0, 2), [Vote.For, Vote.Against]);
      await waitForDeadline(s, second.id);
      expect(await s.governor.state(second.id)).to.equal(ProposalState.Succeeded);
      await queue(s, second.motion);
      await waitForEta(s, second.id);
      await execute(s, second.motion);
      expect(await s.registry.isActive(TARGET)).to.equal(false);
    });

    it("voids the motion when the target resigns mid-vote: Canceled, no more votes, cannot be queued", async function () {
      const s = await loadFixture(heavyTarget);
      const live = await moveNoConfidence(s, s.voters[0], TARGET, "No confidence in Member 6");
      await waitForSnapshot(s, live.id);
      await voteAll(s, live.id, s.voters.slice(0, 4), Vote.For);
      await expect(s.registry.connect(s.admins[5]).resign(TARGET))
        .to.emit(s.registry, "MemberResigned")
        .withArgs(TARGET, Status.Active);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Canceled);
      expect(await s.governor.liveProposalCount(s.voters[0].address)).to.equal(0n);
      await expect(s.governor.connect(s.voters[4]).castVote(live.id, Vote.For))
        .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
        .withArgs(live.id, ProposalState.Canceled, bitmap(ProposalState.Active));

      await waitForDeadline(s, live.id);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Canceled);
      const before = await observe(s, [live]);
      await expect(queue(s, live.motion))
        .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
        .withArgs(live.id, ProposalState.Canceled, bitmap(ProposalState.Succeeded));
      await expect(execute(s, live.motion))
        .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
        .withArgs(live.id, ProposalState.Canceled, bitmap(ProposalState.Queued));
      expect(await observe(s, [live])).to.deep.equal(before);
      expect((await s.registry.getMember(TARGET)).status).to.equal(BigInt(Status.Resigned));
    });

    it("voids a queued motion when the target resigns: execution reverts", async function () {
      const s = await loadFixture(heavyTarget);
      const live = await moveNoConfidence(s, s.voters[0], TARGET, "No confidence in Member 6");
      await passAndQueue(s, live, s.voters.slice(0, 4));
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Queued);
      await s.registry.connect(s.admins[5]).resign(TARGET);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Canceled);
      const before = await observe(s, [live]);
      await expect(execute(s, live.motion))
        .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
        .withArgs(live.id, ProposalState.Canceled, bitmap(ProposalState.Queued));
      expect(await observe(s, [live])).to.deep.equal(before);
      // Resigned, not Removed: the motion never ran.
      expect((await s.registry.getMember(TARGET)).status).to.equal(BigInt(Status.Resigned));
    });

    it("keeps a void queued motion Canceled past its execution window (a final state never turns into Expired)", async function () {
      const s = await loadFixture(heavyTarget);
      const live = await moveNoConfidence(s, s.voters[0], TARGET, "No confidence in Member 6");
      await passAndQueue(s, live, s.voters.slice(0, 4));
      await s.registry.connect(s.admins[5]).resign(TARGET);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Canceled);
      await time.increaseTo((await s.governor.proposalEta(live.id)) + EXECUTION_WINDOW + 1n);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Canceled);
    });

    it("execution reverts (CouncilRegistryCouncilAtMinimum) when resignations during the vote leave the council at its minimum", async function () {
      const s = await loadFixture(council);
      const target = 5n;
      const live = await moveNoConfidence(s, s.voters[0], target, "No confidence in Member 5");
      await waitForSnapshot(s, live.id);
      await voteAll(s, live.id, s.voters.slice(0, 3), Vote.For);
      // Member 4 resigns during the vote: 4 active members remain, the minimum.
      await s.registry.connect(s.admins[3]).resign(4n);
      expect(await s.registry.activeMemberCount()).to.equal(4n);
      await waitForDeadline(s, live.id);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Succeeded);
      await queue(s, live.motion);
      await waitForEta(s, live.id);

      const before = await observe(s, [live]);
      await expect(execute(s, live.motion))
        .to.be.revertedWithCustomError(s.registry, "CouncilRegistryCouncilAtMinimum")
        .withArgs(4n);
      expect(await observe(s, [live])).to.deep.equal(before);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Queued);
      expect(await s.registry.isActive(target)).to.equal(true);
    });

    it("lets the removed member withdraw its full stake: request, wait 7 days, withdraw", async function () {
      const s = await loadFixture(heavyTarget);
      const live = await moveNoConfidence(s, s.voters[0], TARGET, "No confidence in Member 6");
      await passAndQueue(s, live, s.voters.slice(0, 4));
      await execute(s, live.motion);
      expect((await s.registry.getMember(TARGET)).status).to.equal(BigInt(Status.Removed));

      const bonded = 5n * STAKE_UNIT;
      expect(await s.vault.stakeOf(TARGET)).to.equal(bonded);
      const requestedAt = (await latest()) + 5n;
      await time.setNextBlockTimestamp(requestedAt);
      await expect(s.vault.connect(s.admins[5]).requestUnstake(TARGET, bonded))
        .to.emit(s.vault, "UnstakeRequested")
        .withArgs(TARGET, 0n, bonded, requestedAt + UNBONDING, requestedAt + 2n * UNBONDING);
      await time.increaseTo(requestedAt + UNBONDING);
      const tx = s.vault.connect(s.admins[5]).withdraw(TARGET, 0n, s.admins[5].address);
      await expect(tx).to.emit(s.vault, "Withdrawn").withArgs(TARGET, 0n, s.admins[5].address, bonded);
      await expect(tx).to.changeEtherBalances(ethers, [s.vault, s.admins[5]], [-bonded, bonded]);
      expect(await s.vault.stakeOf(TARGET)).to.equal(0n);
      expect(await s.vault.pendingOf(TARGET)).to.equal(0n);
    });

    it("lets members move no confidence under the MembersOnly rule", async function () {
      const s = await loadFixture(membersOnlyCouncil);
      const id = (await s.governor.proposalCount()) + 1n;
      await expect(s.governor.connect(s.voters[0]).proposeNoConfidence(5n, "No confidence in Member 5"))
        .to.emit(s.governor, "MembershipMotionProposed")
        .withArgs(id, MotionClass.NoConfidence, 5n, s.voters[0].address);
    });

    it("lets members move no confidence under the SecretariatOnly rule (the rule governs general motions only)", async function () {
      const s = await loadFixture(secretariatOnlyCouncil);
      const id = (await s.governor.proposalCount()) + 1n;
      // proposeNoConfidence requires an eligible member; the secretariat can never move it. If the rule also
      // applied here, nobody could.
      await expect(s.governor.connect(s.voters[0]).proposeNoConfidence(5n, "No confidence in Member 5"))
        .to.emit(s.governor, "MembershipMotionProposed")
        .withArgs(id, MotionClass.NoConfidence, 5n, s.voters[0].address);
    });

    it("freezes the target's stake until the snapshot: no stake added, requested back or restaked; withdraw still pays", async function () {
      const s = await loadFixture(heavyTarget);
      const admin = s.admins[5];
      // Two requests made before the motion: the first is unlocked by the time the motion opens.
      await s.vault.connect(admin).requestUnstake(TARGET, STAKE_UNIT);
      await time.increase(UNBONDING);
      await s.vault.connect(admin).requestUnstake(TARGET, STAKE_UNIT);
      const live = await moveNoConfidence(s, s.voters[0], TARGET, "No confidence in Member 6");
      const snapshot = await s.governor.proposalSnapshot(live.id);
      expect(await s.vault.frozenUntil(TARGET)).to.equal(snapshot);

      const before = await observe(s, [live]);
      const refused: [string, () => Promise<unknown>][] = [
        ["stake", () => s.vault.connect(admin).stake(STAKE_UNIT, { value: STAKE_UNIT })],
        ["stakeFor", () => s.vault.connect(s.others[3]).stakeFor(TARGET, STAKE_UNIT, { value: STAKE_UNIT })],
        ["requestUnstake", () => s.vault.connect(admin).requestUnstake(TARGET, STAKE_UNIT)],
        ["restake", () => s.vault.connect(admin).restake(TARGET, 1n)],
      ];
      for (const [label, send] of refused) {
        await expect(send(), label)
          .to.be.revertedWithCustomError(s.vault, "StakeVaultStakeFrozen")
          .withArgs(TARGET, snapshot);
      }
      expect(await observe(s, [live])).to.deep.equal(before);

      // Withdrawing the earlier request changes no votes, and is allowed.
      const paid = s.vault.connect(admin).withdraw(TARGET, 0n, admin.address);
      await expect(paid).to.emit(s.vault, "Withdrawn").withArgs(TARGET, 0n, admin.address, STAKE_UNIT);
      await expect(paid).to.changeEtherBalances(ethers, [s.vault, admin], [-STAKE_UNIT, STAKE_UNIT]);
      // The other members' stakes are not frozen.
      await expect(s.vault.connect(s.admins[0]).stake(STAKE_UNIT, { value: STAKE_UNIT })).to.emit(
        s.vault,
        "Staked",
      );

      // After the snapshot the target's stake moves again.
      await waitForSnapshot(s, live.id);
      await expect(s.vault.connect(admin).restake(TARGET, 1n))
        .to.emit(s.vault, "Restaked")
        .withArgs(TARGET, 1n, STAKE_UNIT);
    });

    it("refuses the mover's cancel (GovernorUnableToCancel); only the guardian may cancel a no-confidence motion", async function () {
      const s = await loadFixture(heavyTarget);
      const live = await moveNoConfidence(s, s.voters[0], TARGET, "No confidence in Member 6");
      const m = live.motion;
      const cancel = (by: HardhatEthersSigner) =>
        s.governor.connect(by).cancel(m.targets, m.values, m.calldatas, descriptionHash(m));
      const before = await observe(s, [live]);
      for (const caller of [s.voters[0], s.secretariat, s.voters[5], s.others[0]]) {
        await expect(cancel(caller))
          .to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel")
          .withArgs(live.id, caller.address);
      }
      expect(await observe(s, [live])).to.deep.equal(before);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Pending);

      await waitForSnapshot(s, live.id);
      await expect(cancel(s.guardian)).to.emit(s.governor, "ProposalCanceled").withArgs(live.id);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Canceled);
      expect(await s.governor.liveProposalCount(s.voters[0].address)).to.equal(0n);
    });

    it("refuses every cancel of a membership motion once the guardian's term has ended", async function () {
      const s = await loadFixture(heavyTarget);
      await time.increaseTo(await s.governor.guardianTermEnd());
      expect(await s.governor.guardian()).to.equal(ethers.ZeroAddress);
      const live = await moveNoConfidence(s, s.voters[0], TARGET, "No confidence in Member 6");
      const m = live.motion;
      const before = await observe(s, [live]);
      for (const caller of [s.guardian, s.voters[0]]) {
        await expect(s.governor.connect(caller).cancel(m.targets, m.values, m.calldatas, descriptionHash(m)))
          .to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel")
          .withArgs(live.id, caller.address);
      }
      expect(await observe(s, [live])).to.deep.equal(before);
    });

    it("reverts when the mover is not a member's voter", async function () {
      const s = await loadFixture(heavyTarget);
      const before = await observe(s);
      for (const caller of [s.others[0], s.admins[0]]) {
        await expect(s.governor.connect(caller).proposeNoConfidence(TARGET, "No confidence in Member 6"))
          .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
          .withArgs(caller.address);
      }
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the mover is the secretariat", async function () {
      const s = await loadFixture(heavyTarget);
      const before = await observe(s);
      await expect(s.governor.connect(s.secretariat).proposeNoConfidence(TARGET, "No confidence in Member 6"))
        .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
        .withArgs(s.secretariat.address);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the mover's member has no votes", async function () {
      const s = await loadFixture(heavyTarget);
      await s.vault.connect(s.admins[1]).requestUnstake(2n, STAKE_UNIT);
      expect(await s.vault.memberVotes(2n)).to.equal(0n);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[1]).proposeNoConfidence(TARGET, "No confidence in Member 6"))
        .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
        .withArgs(s.voters[1].address);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the mover is a candidate's voter", async function () {
      const s = await loadFixture(councilWithCandidate);
      const before = await observe(s);
      await expect(s.governor.connect(s.candidateVoter).proposeNoConfidence(5n, "No confidence in Member 5"))
        .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
        .withArgs(s.candidateVoter.address);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the mover is a voter account its member rotated away from", async function () {
      const s = await loadFixture(heavyTarget);
      await s.registry.connect(s.admins[1]).proposeVoter(2n, s.others[0].address);
      await s.registry.connect(s.others[0]).acceptVoter(2n);
      await time.increase(1);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[1]).proposeNoConfidence(TARGET, "No confidence in Member 6"))
        .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
        .withArgs(s.voters[1].address);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the target is the mover itself", async function () {
      const s = await loadFixture(heavyTarget);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[0]).proposeNoConfidence(1n, "No confidence in myself"))
        .to.be.revertedWithCustomError(s.governor, "GovernorInvalidTarget")
        .withArgs(1n);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the target is a candidate", async function () {
      const s = await loadFixture(councilWithCandidate);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[0]).proposeNoConfidence(s.candidateId, "No confidence"))
        .to.be.revertedWithCustomError(s.governor, "GovernorInvalidTarget")
        .withArgs(s.candidateId);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the target resigned", async function () {
      const s = await loadFixture(heavyTarget);
      await s.registry.connect(s.admins[5]).resign(TARGET);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[0]).proposeNoConfidence(TARGET, "No confidence in Member 6"))
        .to.be.revertedWithCustomError(s.governor, "GovernorInvalidTarget")
        .withArgs(TARGET);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the target is unknown", async function () {
      const s = await loadFixture(heavyTarget);
      const before = await observe(s);
      for (const id of [0n, 7n]) {
        await expect(s.governor.connect(s.voters[0]).proposeNoConfidence(id, "No confidence in nobody"))
          .to.be.revertedWithCustomError(s.governor, "GovernorInvalidTarget")
          .withArgs(id);
      }
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the council is at its minimum size (4 active members)", async function () {
      const s = await loadFixture(minimumCouncil);
      expect(await s.registry.activeMemberCount()).to.equal(4n);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[0]).proposeNoConfidence(4n, "No confidence in Member 4"))
        .to.be.revertedWithCustomError(s.governor, "GovernorCouncilAtMinimum")
        .withArgs(4n);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when a resignation has brought the council to its minimum size", async function () {
      const s = await loadFixture(council);
      await s.registry.connect(s.admins[4]).resign(5n);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[0]).proposeNoConfidence(4n, "No confidence in Member 4"))
        .to.be.revertedWithCustomError(s.governor, "GovernorCouncilAtMinimum")
        .withArgs(4n);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when a no-confidence motion against the target is live (Pending, Active, Succeeded or Queued)", async function () {
      const s = await loadFixture(heavyTarget);
      const first = await moveNoConfidence(s, s.voters[0], TARGET, "No confidence in Member 6");
      const attempt = async (label: string): Promise<void> => {
        const before = await observe(s, [first]);
        await expect(
          s.governor.connect(s.voters[1]).proposeNoConfidence(TARGET, `No confidence in Member 6 (${label})`),
          label,
        )
          .to.be.revertedWithCustomError(s.governor, "GovernorMotionAlreadyLive")
          .withArgs(TARGET, first.id);
        expect(await observe(s, [first])).to.deep.equal(before);
      };
      await attempt("pending");
      await waitForSnapshot(s, first.id);
      await voteAll(s, first.id, s.voters.slice(0, 4), Vote.For);
      await attempt("active");
      await waitForDeadline(s, first.id);
      expect(await s.governor.state(first.id)).to.equal(ProposalState.Succeeded);
      await attempt("succeeded");
      await queue(s, first.motion);
      expect(await s.governor.state(first.id)).to.equal(ProposalState.Queued);
      await attempt("queued");
    });

    it("reverts when the mover already has the maximum number of live motions", async function () {
      const s = await loadFixture(heavyTarget);
      for (let i = 0; i < 3; i++) await propose(s, await signallingMotion(s, `Signal ${i}`), s.voters[0]);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[0]).proposeNoConfidence(TARGET, "No confidence in Member 6"))
        .to.be.revertedWithCustomError(s.governor, "GovernorTooManyLiveProposals")
        .withArgs(s.voters[0].address, 3n);
      expect(await observe(s)).to.deep.equal(before);
    });
  });

  describe("propose (general motions)", function () {
    it("reverts when a general proposal calls the registry's admit", async function () {
      const s = await loadFixture(councilWithCandidate);
      const motion = await admissionMotion(s, s.candidateId, "Admit Candidate Org");
      const selector = s.registry.interface.getFunction("admit").selector;
      const before = await observe(s);
      for (const proposer of [s.secretariat, s.voters[0]]) {
        await expect(
          s.governor
            .connect(proposer)
            .propose(motion.targets, motion.values, motion.calldatas, motion.description),
        )
          .to.be.revertedWithCustomError(s.policy, "MotionPolicyReservedAction")
          .withArgs(await s.registry.getAddress(), selector);
      }
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when a general proposal calls the registry's remove", async function () {
      const s = await loadFixture(heavyTarget);
      const motion = await noConfidenceMotion(s, 6n, "Remove Member 6");
      const selector = s.registry.interface.getFunction("remove").selector;
      const before = await observe(s);
      await expect(
        s.governor
          .connect(s.secretariat)
          .propose(motion.targets, motion.values, motion.calldatas, motion.description),
      )
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyReservedAction")
        .withArgs(await s.registry.getAddress(), selector);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when a hand-built proposal repeats a no-confidence motion's exact actions (no dodging the exclusion)", async function () {
      const s = await loadFixture(heavyTarget);
      const description = "No confidence in Member 6";
      const motion = await noConfidenceMotion(s, 6n, description);
      const selector = s.registry.interface.getFunction("remove").selector;
      const before = await observe(s);
      // Proposed as a general motion, member 6 would vote its 5 votes; it is refused like any other.
      for (const proposer of [s.voters[0], s.voters[5]]) {
        await expect(
          s.governor
            .connect(proposer)
            .propose(motion.targets, motion.values, motion.calldatas, motion.description),
        )
          .to.be.revertedWithCustomError(s.policy, "MotionPolicyReservedAction")
          .withArgs(await s.registry.getAddress(), selector);
      }
      expect(await observe(s)).to.deep.equal(before);
      // The same actions and description through the proper entry point: the target is excluded.
      await expect(s.governor.connect(s.voters[0]).proposeNoConfidence(6n, description))
        .to.emit(s.governor, "MotionClassified")
        .withArgs(1n, MotionClass.NoConfidence, 6n);
      expect(
        await s.governor.getProposalId(
          motion.targets,
          motion.values,
          motion.calldatas,
          ethers.id(description),
        ),
      ).to.equal(1n);
    });

    it("reverts when the reserved call is one action among several", async function () {
      const s = await loadFixture(heavyTarget);
      const signal = await signallingMotion(s);
      const remove = await noConfidenceMotion(s, 6n, "unused");
      const selector = s.registry.interface.getFunction("remove").selector;
      const before = await observe(s);
      await expect(
        s.governor
          .connect(s.voters[0])
          .propose(
            [...signal.targets, ...remove.targets],
            [0n, 0n],
            [...signal.calldatas, ...remove.calldatas],
            "Signal, and remove Member 6",
          ),
      )
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyReservedAction")
        .withArgs(await s.registry.getAddress(), selector);
      expect(await observe(s)).to.deep.equal(before);
    });
  });

  describe("clients", function () {
    it("sees an admission motion as an ordinary IGovernor proposal and runs it from its ProposalCreated event", async function () {
      const s = await loadFixture(councilWithCandidate);
      const address = await s.governor.getAddress();
      const ig = await ethers.getContractAt("IGovernor", address);
      const description = "Admit Candidate Org";
      const receipt = await receiptOf(
        await s.governor.connect(s.voters[0]).proposeAdmission(s.candidateId, description),
      );
      const e = proposalCreated(receipt, ig.interface, address);
      const { proposalId: id, targets, values, calldatas } = e;
      expect(id).to.equal(1n);
      expect(e.proposer).to.equal(s.voters[0].address);
      expect(targets).to.deep.equal([await s.registry.getAddress()]);
      expect(values).to.deep.equal([0n]);
      expect(e.signatures).to.deep.equal([""]);
      expect(calldatas).to.deep.equal([s.registry.interface.encodeFunctionData("admit", [s.candidateId])]);
      expect(e.description).to.equal(description);
      expect(e.voteStart).to.equal(await ig.proposalSnapshot(id));
      expect(e.voteEnd).to.equal(await ig.proposalDeadline(id));
      const descHash = ethers.id(description);
      expect(await ig.getProposalId(targets, values, calldatas, descHash)).to.equal(id);
      expect(await ig.proposalProposer(id)).to.equal(s.voters[0].address);
      expect(await ig.proposalNeedsQueuing(id)).to.equal(true);

      // This project's views: class and record (the candidate is its subject, nobody is excluded).
      expect(await s.governor.motionClass(id)).to.equal(BigInt(MotionClass.Admission));
      expect(await motionRecordOf(s, id)).to.deep.equal(
        expectedRecord(MotionClass.Admission, BigInt(receipt.blockNumber), s.candidateId),
      );
      const proposed = eventsOf(receipt, s.governor.interface, address, "MembershipMotionProposed");
      expect(proposed).to.have.length(1);
      expect([...proposed[0].args]).to.deep.equal([
        id,
        BigInt(MotionClass.Admission),
        s.candidateId,
        s.voters[0].address,
      ]);

      expect(await ig.state(id)).to.equal(ProposalState.Pending);
      await time.increaseTo((await ig.proposalSnapshot(id)) + 1n);
      expect(await ig.state(id)).to.equal(ProposalState.Active);
      for (const v of s.voters.slice(0, 3)) await ig.connect(v).castVote(id, Vote.For);
      expect(await ig.hasVoted(id, s.voters[0].address)).to.equal(true);
      await time.increaseTo((await ig.proposalDeadline(id)) + 1n);
      expect(await ig.state(id)).to.equal(ProposalState.Succeeded);
      await ig.connect(s.others[3]).queue(targets, values, calldatas, descHash);
      expect(await ig.state(id)).to.equal(ProposalState.Queued);
      await time.increaseTo(await ig.proposalEta(id));
      await ig.connect(s.others[3]).execute(targets, values, calldatas, descHash);
      expect(await ig.state(id)).to.equal(ProposalState.Executed);
      expect(await s.registry.isActive(s.candidateId)).to.equal(true);
    });

    it("sees a no-confidence motion as an ordinary IGovernor proposal, with the target excluded in its record", async function () {
      const s = await loadFixture(heavyTarget);
      const address = await s.governor.getAddress();
      const ig = await ethers.getContractAt("IGovernor", address);
      const description = "No confidence in Member 6";
      const receipt = await receiptOf(
        await s.governor.connect(s.voters[2]).proposeNoConfidence(6n, description),
      );
      const e = proposalCreated(receipt, ig.interface, address);
      const { proposalId: id, targets, values, calldatas } = e;
      expect(e.proposer).to.equal(s.voters[2].address);
      expect(targets).to.deep.equal([await s.registry.getAddress()]);
      expect(calldatas).to.deep.equal([s.registry.interface.encodeFunctionData("remove", [6n])]);
      expect(await s.governor.motionClass(id)).to.equal(BigInt(MotionClass.NoConfidence));
      const record = await motionRecordOf(s, id);
      expect(record).to.deep.equal(expectedRecord(MotionClass.NoConfidence, BigInt(receipt.blockNumber), 6n));
      expect([record.subjectMemberId, record.excludedMemberId]).to.deep.equal([6n, 6n]);
      const proposed = eventsOf(receipt, s.governor.interface, address, "MembershipMotionProposed");
      expect([...proposed[0].args]).to.deep.equal([
        id,
        BigInt(MotionClass.NoConfidence),
        6n,
        s.voters[2].address,
      ]);

      await time.increaseTo((await ig.proposalSnapshot(id)) + 1n);
      // The target is refused through the plain IGovernor entry point too.
      await expect(ig.connect(s.voters[5]).castVote(id, Vote.Against))
        .to.be.revertedWithCustomError(s.governor, "GovernorMemberExcluded")
        .withArgs(id, 6n);
      for (const v of s.voters.slice(0, 3)) await ig.connect(v).castVote(id, Vote.For);
      await time.increaseTo((await ig.proposalDeadline(id)) + 1n);
      expect(await ig.state(id)).to.equal(ProposalState.Succeeded);
      const descHash = ethers.id(description);
      await ig.connect(s.others[3]).queue(targets, values, calldatas, descHash);
      await time.increaseTo(await ig.proposalEta(id));
      await ig.connect(s.others[3]).execute(targets, values, calldatas, descHash);
      expect(await ig.state(id)).to.equal(ProposalState.Executed);
      expect((await s.registry.getMember(6n)).status).to.equal(BigInt(Status.Removed));
    });

    it("a general motion's record has no subject and excludes nobody; motionRecord reverts for an unknown id", async function () {
      const s = await loadFixture(council);
      const id = await propose(s, await signallingMotion(s), s.secretariat);
      expect(await motionRecordOf(s, id)).to.deep.equal(
        expectedRecord(MotionClass.Standard, BigInt(await ethers.provider.getBlockNumber())),
      );
      await expect(s.governor.motionRecord(99n))
        .to.be.revertedWithCustomError(s.governor, "GovernorNonexistentProposal")
        .withArgs(99n);
      await expect(s.governor.motionClass(99n))
        .to.be.revertedWithCustomError(s.governor, "GovernorNonexistentProposal")
        .withArgs(99n);
    });
  });
});
