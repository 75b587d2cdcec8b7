/**
 * A standard client (a Tally-style UI or bot) that reads the council only through OpenZeppelin's ABIs: IGovernor for
 * the governor (state, snapshot, deadline, `quorum(t)`, `COUNTING_MODE`, `VoteCast` events) and IVotes for the
 * vault. It sums the weights of `VoteCast` events, counts towards the quorum the supports that `COUNTING_MODE` names,
 * and shows a motion as passing when that count reaches `quorum(snapshot)` and For beats Against (Bravo).
 *
 * The council's rules are richer (a quorum of voters or of votes, per class; approval of more than half or of two
 * thirds; a no-confidence target excluded), so the client cannot be exact. It must be conservative: across every
 * class, the member-quorum path and the approval edges, it never shows a motion as passing that the governor defeats.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";

import type { IGovernor, IVotes } from "../../typechain-types/index.js";
import { STAKE_UNIT, ethers, networkHelpers } from "../utils/council.js";
import {
  MotionClass,
  ProposalState,
  Vote,
  deploySystem,
  waitForDeadline,
  waitForSnapshot,
} from "../utils/governance.js";
import type { System } from "../utils/governance.js";

const { loadFixture } = networkHelpers;

/** Seven members with 3, 2, 2, 1, 1, 1 and 1 units: votes 3/2/2/1/1/1/1 (cap 6), 11 in all. */
async function council(): Promise<System & { treasuryTarget: string }> {
  const target = await ethers.deployContract("SettableTarget");
  const s = await deploySystem({
    members: 7,
    stakes: [3n, 2n, 2n, 1n, 1n, 1n, 1n],
    actionClasses: [
      {
        target: await target.getAddress(),
        selector: target.interface.getFunction("setValue").selector,
        motionClass: MotionClass.Treasury,
      },
    ],
  });
  return { ...s, treasuryTarget: await target.getAddress() };
}

/** What the standard client shows for one motion. */
interface ClientView {
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
  quorumCount: bigint;
  quorum: bigint;
  passing: boolean;
}

/** The client: only OpenZeppelin's IGovernor and IVotes ABIs. */
class StandardClient {
  constructor(
    private readonly governor: IGovernor,
    readonly votes: IVotes,
  ) {}

  /** The supports whose votes count towards the quorum, parsed from COUNTING_MODE (`quorum=for,abstain`...). */
  async quorumSupports(): Promise<Vote[]> {
    const mode = new URLSearchParams(await this.governor.COUNTING_MODE());
    expect(mode.get("support")).to.equal("bravo");
    const names: Record<string, Vote> = { for: Vote.For, against: Vote.Against, abstain: Vote.Abstain };
    return (mode.get("quorum") ?? "").split(",").map((name) => names[name]);
  }

  async view(proposalId: bigint): Promise<ClientView> {
    const events = await this.governor.queryFilter(this.governor.filters.VoteCast());
    const sums = [0n, 0n, 0n];
    for (const e of events) {
      if (e.args.proposalId === proposalId) sums[Number(e.args.support)] += e.args.weight;
    }
    const supports = await this.quorumSupports();
    const quorumCount = supports.reduce((sum, s) => sum + sums[s], 0n);
    const quorum = await this.governor.quorum(await this.governor.proposalSnapshot(proposalId));
    return {
      forVotes: sums[Vote.For],
      againstVotes: sums[Vote.Against],
      abstainVotes: sums[Vote.Abstain],
      quorumCount,
      quorum,
      passing: quorumCount >= quorum && sums[Vote.For] > sums[Vote.Against],
    };
  }
}

type Pattern = string; // one character per member: F(or), A(gainst), B (abstain), - (no vote)

/** Vote patterns, member 1 first: approval edges, the member-quorum path, unanimity, defeats. */
const PATTERNS: { pattern: Pattern; why: string }[] = [
  { pattern: "FFFFFFF", why: "everyone For" },
  { pattern: "FFF----", why: "three members For: quorum by voters, 7 of 11 votes" },
  { pattern: "----FFF", why: "three small members For: the member-quorum path alone" },
  { pattern: "F--AAAA", why: "Against wins" },
  { pattern: "FFFAB--", why: "For 7, Against 1, Abstain 1" },
  {
    pattern: "FFAAAB-",
    why: "For 5, Against 4, Abstain 1: Bravo passes, the council's majority rule does not",
  },
  { pattern: "FFFFAAB", why: "For 8 of 11: passes every class" },
  { pattern: "FBBBBBB", why: "For 3, the rest abstain" },
  { pattern: "AFFFFFF", why: "the heaviest member Against" },
];

interface Scenario {
  s: System;
  client: StandardClient;
  proposalId: bigint;
  /** Members (index into voters) who may vote: a no-confidence target is excluded. */
  voters: HardhatEthersSigner[];
}

/** Opens a motion of `cls` and returns it with the members that may vote on it. */
async function openMotion(cls: MotionClass): Promise<Scenario> {
  const s = await loadFixture(council);
  const governor = s.governor;
  let voters = s.voters;
  if (cls === MotionClass.Standard) {
    await governor
      .connect(s.voters[0])
      .propose([await s.timelock.getAddress()], [0n], ["0x"], "Signal: adopt the roadmap");
  } else if (cls === MotionClass.Treasury) {
    const data = (
      await ethers.getContractAt("SettableTarget", s.treasuryTarget)
    ).interface.encodeFunctionData("setValue", [7n]);
    await governor.connect(s.voters[0]).propose([s.treasuryTarget], [0n], [data], "Fund the target");
  } else if (cls === MotionClass.Constitutional) {
    const data = governor.interface.encodeFunctionData("setProposalLimits", [16n, 2n]);
    await governor
      .connect(s.voters[0])
      .propose([await governor.getAddress()], [0n], [data], "Tighter limits");
  } else if (cls === MotionClass.Admission) {
    const candidate = s.others[0];
    await s.registry
      .connect(candidate)
      .applyForMembership("Candidate", "https://candidate.example", candidate, []);
    const id = await s.registry.memberCount();
    await s.vault.connect(candidate).stake(STAKE_UNIT, { value: STAKE_UNIT });
    await governor.connect(s.voters[0]).proposeAdmission(id, "Admit the candidate");
  } else {
    await governor.connect(s.voters[0]).proposeNoConfidence(7n, "No confidence in member 7");
    voters = s.voters.slice(0, 6);
  }
  const proposalId = await governor.latestProposalId();
  expect(await governor.motionClass(proposalId)).to.equal(BigInt(cls));
  const client = new StandardClient(
    await ethers.getContractAt("IGovernor", await governor.getAddress()),
    await ethers.getContractAt("IVotes", await s.vault.getAddress()),
  );
  return { s, client, proposalId, voters };
}

const SUPPORT: Record<string, Vote | undefined> = {
  F: Vote.For,
  A: Vote.Against,
  B: Vote.Abstain,
  "-": undefined,
};

describe("a standard client reading only OpenZeppelin's ABIs", function () {
  for (const cls of [
    MotionClass.Standard,
    MotionClass.Treasury,
    MotionClass.Constitutional,
    MotionClass.Admission,
    MotionClass.NoConfidence,
  ]) {
    describe(`${MotionClass[cls]} motions`, function () {
      for (const { pattern, why } of PATTERNS) {
        it(`never shows passing what the governor defeats: ${pattern} (${why})`, async function () {
          const { s, client, proposalId, voters } = await openMotion(cls);
          await waitForSnapshot(s, proposalId);
          const shown: boolean[] = [];
          for (let i = 0; i < voters.length; i++) {
            const support = SUPPORT[pattern[i]];
            if (support === undefined) continue;
            await s.governor.connect(voters[i]).castVote(proposalId, support);
            shown.push((await client.view(proposalId)).passing);
          }
          const final = await client.view(proposalId);
          // The client's tallies are the governor's.
          expect(await s.governor.proposalVotes(proposalId)).to.deep.equal([
            final.againstVotes,
            final.forVotes,
            final.abstainVotes,
          ]);
          await waitForDeadline(s, proposalId);
          const state = Number(await s.governor.state(proposalId));
          expect([ProposalState.Succeeded, ProposalState.Defeated]).to.include(state);
          if (final.passing) expect(state).to.equal(ProposalState.Succeeded);
          if (state === ProposalState.Defeated) expect(shown).to.not.include(true);
          // Once shown as passing, it stays passing: the For votes alone already decide the motion.
          const first = shown.indexOf(true);
          if (first >= 0) expect(shown.slice(first)).to.not.include(false);
        });
      }
    });
  }

  it("reads COUNTING_MODE, quorum(t) and the voting units through IGovernor and IVotes", async function () {
    const { s, client, proposalId } = await openMotion(MotionClass.Standard);
    await waitForSnapshot(s, proposalId);
    expect(await client.quorumSupports()).to.deep.equal([Vote.For]);
    const snapshot = await s.governor.proposalSnapshot(proposalId);
    // 11 votes in all: the strictest rules are ⅔ approval and a ½ vote quorum, so 8 For votes decide any class.
    expect(await client.votes.getPastTotalSupply(snapshot)).to.equal(11n);
    expect((await client.view(proposalId)).quorum).to.equal(8n);
    expect(await client.votes.getPastVotes(s.voters[0].address, snapshot)).to.equal(3n);
  });

  it("shows a Standard motion with For 5, Against 4, Abstain 2 as not passing (stock Bravo counting would)", async function () {
    const { s, client, proposalId } = await openMotion(MotionClass.Standard);
    await waitForSnapshot(s, proposalId);
    const supports = [
      Vote.For,
      Vote.For,
      Vote.Against,
      Vote.Against,
      Vote.Against,
      Vote.Abstain,
      Vote.Abstain,
    ];
    for (let i = 0; i < supports.length; i++)
      await s.governor.connect(s.voters[i]).castVote(proposalId, supports[i]);
    const view = await client.view(proposalId);
    expect([view.forVotes, view.againstVotes, view.abstainVotes]).to.deep.equal([5n, 4n, 2n]);
    expect(view.passing).to.equal(false);
    await waitForDeadline(s, proposalId);
    expect(await s.governor.state(proposalId)).to.equal(ProposalState.Defeated);
  });
});
