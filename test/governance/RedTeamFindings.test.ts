/**
 * The outside red team's findings (issue 11), one `describe` per finding, each replaying the attack or the defect
 * exactly as it was reproduced against the earlier code. Every test here failed on that code and passes now; the
 * auditor guide lists them with the line of contract code that stops each one.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";

import { DAY, STAKE_UNIT, ethers, networkHelpers } from "../utils/council.js";
import {
  DEFAULT_CLASS_CONFIGS,
  EXECUTION_WINDOW,
  GUARDIAN_TERM,
  MotionClass,
  ProposalState,
  QUEUE_WINDOW,
  TIMELOCK_MIN_DELAY,
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
import { stateBitmap } from "../utils/blocks.js";

const { loadFixture, time } = networkHelpers;

// ---------------------------------------------------------------- fixtures

/** Five members with one stake unit each. */
function system(): Promise<System> {
  return deploySystem();
}

/**
 * Six members: 5, 5, 2, 2, 1 and 1 units. Six are eligible, so the cap is 5 and votes are 5/5/2/2/1/1. Member 6
 * (one unit) is the no-confidence target of finding 4.
 */
function togglingCouncil(): Promise<System> {
  return deploySystem({ members: 6, stakes: [5n, 5n, 2n, 2n, 1n, 1n] });
}

// ---------------------------------------------------------------- helpers

function single(target: string, data: string, description: string): Motion {
  return { targets: [target], values: [0n], calldatas: [data], description };
}

/** An open application from a fresh account that votes itself, with one stake unit bonded. */
async function applyCandidate(s: System, account: HardhatEthersSigner): Promise<bigint> {
  await s.registry
    .connect(account)
    .applyForMembership("Candidate Ltd", "https://candidate.example", account, []);
  const id = await s.registry.memberCount();
  await s.vault.connect(account).stake(STAKE_UNIT, { value: STAKE_UNIT });
  return id;
}

function admissionMotion(s: System, registry: string, candidateId: bigint, description: string): Motion {
  return single(registry, s.registry.interface.encodeFunctionData("admit", [candidateId]), description);
}

function removalMotion(s: System, registry: string, memberId: bigint, description: string): Motion {
  return single(registry, s.registry.interface.encodeFunctionData("remove", [memberId]), description);
}

/** An Improvement Reserve owned by the system's timelock, with the system's guardian for the default term. */
function reserveOf(s: System, pauseDuration: bigint) {
  return s.timelock
    .getAddress()
    .then((timelock) =>
      ethers.deployContract("ImprovementReserve", [
        timelock,
        s.guardian.address,
        GUARDIAN_TERM,
        pauseDuration,
        [],
        [],
      ]),
    );
}

function cancelTx(s: System, m: Motion, caller: HardhatEthersSigner) {
  return s.governor.connect(caller).cancel(m.targets, m.values, m.calldatas, descriptionHash(m));
}

describe("red-team findings (issue 11)", function () {
  describe("1. a takeover hidden inside relay", function () {
    it("refuses a motion that relays scheduleBatch(grantRole PROPOSER and EXECUTOR to an outsider) to the timelock", async function () {
      const s = await loadFixture(system);
      const outsider = s.others[0];
      const timelock = await s.timelock.getAddress();
      const governor = await s.governor.getAddress();
      const grant = (role: string) =>
        s.timelock.interface.encodeFunctionData("grantRole", [role, outsider.address]);
      const schedule = s.timelock.interface.encodeFunctionData("scheduleBatch", [
        [timelock, timelock],
        [0n, 0n],
        [grant(await s.timelock.PROPOSER_ROLE()), grant(await s.timelock.EXECUTOR_ROLE())],
        ethers.ZeroHash,
        ethers.id("takeover"),
        TIMELOCK_MIN_DELAY,
      ]);
      const relay = s.governor.interface.encodeFunctionData("relay", [timelock, 0n, schedule]);
      const motion = single(governor, relay, "Routine maintenance");
      const count = await s.governor.proposalCount();
      await expect(
        s.governor
          .connect(s.voters[0])
          .propose(motion.targets, motion.values, motion.calldatas, motion.description),
      )
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyForbiddenAction")
        .withArgs(s.governor.interface.getFunction("relay").selector);
      expect(await s.governor.proposalCount()).to.equal(count);
      expect(await s.timelock.hasRole(await s.timelock.PROPOSER_ROLE(), outsider.address)).to.equal(false);
    });

    it("refuses the second half of the attack too: a relayed executeBatch", async function () {
      const s = await loadFixture(system);
      const timelock = await s.timelock.getAddress();
      const execute = s.timelock.interface.encodeFunctionData("executeBatch", [
        [timelock],
        [0n],
        ["0x"],
        ethers.ZeroHash,
        ethers.id("takeover"),
      ]);
      const relay = s.governor.interface.encodeFunctionData("relay", [timelock, 0n, execute]);
      await expect(
        s.policy.classifyActions(
          await s.governor.getAddress(),
          [await s.governor.getAddress()],
          [0n],
          [relay],
        ),
      )
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyForbiddenAction")
        .withArgs(s.governor.interface.getFunction("relay").selector);
    });

    it("refuses a motion that moves the governor to another timelock (whose other role holders would command it)", async function () {
      const s = await loadFixture(system);
      const rogue = await ethers.deployContract("TimelockController", [
        TIMELOCK_MIN_DELAY,
        [s.others[0].address],
        [s.others[0].address],
        s.others[0].address,
      ]);
      const data = s.governor.interface.encodeFunctionData("updateTimelock", [await rogue.getAddress()]);
      await expect(
        s.governor
          .connect(s.voters[0])
          .propose([await s.governor.getAddress()], [0n], [data], "Move to a faster timelock"),
      )
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyForbiddenAction")
        .withArgs(s.governor.interface.getFunction("updateTimelock").selector);
    });
  });

  describe("2. bricking through an unbounded setter", function () {
    it("refuses a stake unit that no member reaches: the motion's execution reverts and governance still works", async function () {
      const s = await loadFixture(system);
      const vault = await s.vault.getAddress();
      const brick = single(
        vault,
        s.vault.interface.encodeFunctionData("setStakeUnit", [STAKE_UNIT * 1000n]),
        "Raise the stake unit",
      );
      const id = await propose(s, brick, s.voters[0]);
      await waitForSnapshot(s, id);
      await voteAll(s, id, s.voters, Vote.For);
      await waitForDeadline(s, id);
      await queue(s, brick);
      await waitForEta(s, id);
      await expect(execute(s, brick))
        .to.be.revertedWithCustomError(s.vault, "StakeVaultTooFewEligible")
        .withArgs(0n, 4n);
      expect(await s.vault.stakeUnit()).to.equal(STAKE_UNIT);
      expect(await s.vault.eligibleCount()).to.equal(5n);
      // The council can still pass a motion.
      await passAndExecute(s, await signallingMotion(s), s.voters[0]);
    });
  });

  describe("3. cancel-and-repropose squatting", function () {
    it("an ally can no longer open the target's no-confidence motion and cancel it before the snapshot", async function () {
      const s = await loadFixture(system);
      const registry = await s.registry.getAddress();
      const ally = s.voters[1];
      await s.governor.connect(ally).proposeNoConfidence(1n, "No confidence in member 1");
      const id = await s.governor.latestProposalId();
      const motion = removalMotion(s, registry, 1n, "No confidence in member 1");
      await expect(cancelTx(s, motion, ally))
        .to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel")
        .withArgs(id, ally.address);
      expect(await s.governor.state(id)).to.equal(ProposalState.Pending);
      // The motion reaches its vote, and the others can remove the target.
      await waitForSnapshot(s, id);
      await voteAll(s, id, s.voters.slice(1), Vote.For);
      await waitForDeadline(s, id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Succeeded);
    });

    it("a hostile member or the secretariat can no longer squat a candidate's admission by cancelling it", async function () {
      const s = await loadFixture(system);
      const registry = await s.registry.getAddress();
      const candidate = await applyCandidate(s, s.others[0]);
      const hostile = s.voters[2];
      await s.governor.connect(hostile).proposeAdmission(candidate, "Admit the candidate");
      const id = await s.governor.latestProposalId();
      const motion = admissionMotion(s, registry, candidate, "Admit the candidate");
      for (const caller of [hostile, s.secretariat]) {
        await expect(cancelTx(s, motion, caller))
          .to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel")
          .withArgs(id, caller.address);
      }
      expect(await s.governor.state(id)).to.equal(ProposalState.Pending);
    });

    it("the guardian alone may still cancel a membership motion", async function () {
      const s = await loadFixture(system);
      const registry = await s.registry.getAddress();
      await s.governor.connect(s.voters[1]).proposeNoConfidence(1n, "No confidence in member 1");
      const id = await s.governor.latestProposalId();
      await expect(cancelTx(s, removalMotion(s, registry, 1n, "No confidence in member 1"), s.guardian))
        .to.emit(s.governor, "ProposalCanceled")
        .withArgs(id);
    });
  });

  describe("4. eligibility toggling to escape removal", function () {
    it("the target cannot unstake around the snapshot to turn 4-of-6 For into Defeated", async function () {
      const s = await loadFixture(togglingCouncil);
      const target = 6n;
      const targetAdmin = s.admins[5];
      await s.governor.connect(s.voters[0]).proposeNoConfidence(target, "No confidence in member 6");
      const id = await s.governor.latestProposalId();
      const snapshot = await s.governor.proposalSnapshot(id);
      expect(await s.vault.frozenUntil(target)).to.equal(snapshot);

      // The toggle: request the whole stake back before the snapshot (dropping the cap from 5 to 4) ...
      await expect(s.vault.connect(targetAdmin).requestUnstake(target, STAKE_UNIT))
        .to.be.revertedWithCustomError(s.vault, "StakeVaultStakeFrozen")
        .withArgs(target, snapshot);
      // ... or have an ally add stake, or re-stake an earlier request: all frozen until the snapshot.
      await expect(s.vault.connect(s.others[0]).stakeFor(target, STAKE_UNIT, { value: STAKE_UNIT }))
        .to.be.revertedWithCustomError(s.vault, "StakeVaultStakeFrozen")
        .withArgs(target, snapshot);
      expect(await s.vault.eligibleCount()).to.equal(6n);

      await waitForSnapshot(s, id);
      // After the snapshot the target may leave the stake (it no longer moves this motion).
      await s.vault.connect(targetAdmin).requestUnstake(target, STAKE_UNIT);
      // Members 1 and 2 (5 votes each at the cap of 5) For; members 3, 4 and 5 (2 + 2 + 1) Against: 10 of 15.
      for (const i of [0, 1]) await s.governor.connect(s.voters[i]).castVote(id, Vote.For);
      for (const i of [2, 3, 4]) await s.governor.connect(s.voters[i]).castVote(id, Vote.Against);
      expect(await s.governor.proposalVotes(id)).to.deep.equal([5n, 10n, 0n]);
      await waitForDeadline(s, id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Succeeded);
    });
  });

  describe("5. members who left keep voting", function () {
    it("a member that resigned after the snapshot has no vote on the motion", async function () {
      const s = await loadFixture(system);
      const id = await propose(s, await signallingMotion(s), s.voters[0]);
      await waitForSnapshot(s, id);
      await s.registry.connect(s.admins[2]).resign(3n);
      await expect(s.governor.connect(s.voters[2]).castVote(id, Vote.For))
        .to.be.revertedWithCustomError(s.governor, "GovernorNoVotingPower")
        .withArgs(id, s.voters[2].address);
      expect(await s.governor.proposalVoters(id)).to.equal(0n);
    });
  });

  describe("6. guardian limits", function () {
    it("the guardian cannot cancel the motion that would remove it", async function () {
      const s = await loadFixture(system);
      const governor = await s.governor.getAddress();
      const motion = single(
        governor,
        s.governor.interface.encodeFunctionData("setGuardian", [ethers.ZeroAddress, 0n]),
        "Remove the guardian",
      );
      const id = await propose(s, motion, s.voters[0]);
      await expect(cancelTx(s, motion, s.guardian))
        .to.be.revertedWithCustomError(s.governor, "GovernorGuardianConflict")
        .withArgs(id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Pending);
    });

    it("nor a motion that replaces the reserve's guardian (same setter, same selector)", async function () {
      const s = await loadFixture(system);
      const reserve = await reserveOf(s, 14n * DAY);
      const motion = single(
        await reserve.getAddress(),
        reserve.interface.encodeFunctionData("setGuardian", [s.others[0].address, 30n * DAY]),
        "New reserve guardian",
      );
      const id = await propose(s, motion, s.voters[0]);
      await expect(cancelTx(s, motion, s.guardian))
        .to.be.revertedWithCustomError(s.governor, "GovernorGuardianConflict")
        .withArgs(id);
    });

    it("one account for both guardians stops pausing when the term ends", async function () {
      const s = await loadFixture(system);
      const reserve = await reserveOf(s, 14n * DAY);
      await time.increaseTo((await reserve.guardianTermEnd()) + 1n);
      await expect(reserve.connect(s.guardian).pause())
        .to.be.revertedWithCustomError(reserve, "ReserveOnlyGuardian")
        .withArgs(s.guardian.address);
      expect(await s.governor.guardian()).to.equal(ethers.ZeroAddress);
    });

    it("a Constitutional unpause lands while a 30-day pause lasts", async function () {
      const s = await loadFixture(system);
      const reserve = await reserveOf(s, 30n * DAY);
      await reserve.connect(s.guardian).pause();
      const motion = single(
        await reserve.getAddress(),
        reserve.interface.encodeFunctionData("unpause"),
        "Unpause",
      );
      const id = await propose(s, motion, s.voters[0]);
      expect(await s.governor.motionClass(id)).to.equal(MotionClass.Constitutional);
      await waitForSnapshot(s, id);
      await voteAll(s, id, s.voters, Vote.For);
      await waitForDeadline(s, id);
      await queue(s, motion);
      await waitForEta(s, id);
      expect(await reserve.paused()).to.equal(true);
      await expect(
        s.governor.execute(motion.targets, motion.values, motion.calldatas, descriptionHash(motion)),
      ).to.emit(reserve, "Unpaused");
      expect(await reserve.paused()).to.equal(false);
    });
  });

  describe("7. Expired must be final", function () {
    it("a motion that reached Expired stays Expired when a later motion lengthens the queue window", async function () {
      const s = await loadFixture(system);
      const stale = await signallingMotion(s, "Signal that nobody queued");
      const staleId = await propose(s, stale, s.voters[0]);
      await waitForSnapshot(s, staleId);
      await voteAll(s, staleId, s.voters, Vote.For);
      await waitForDeadline(s, staleId);
      await time.increaseTo((await s.governor.proposalDeadline(staleId)) + QUEUE_WINDOW + 1n);
      expect(await s.governor.state(staleId)).to.equal(ProposalState.Expired);

      const lengthen = single(
        await s.governor.getAddress(),
        s.governor.interface.encodeFunctionData("setExpiryWindows", [60n * DAY, 60n * DAY]),
        "Longer windows",
      );
      await passAndExecute(s, lengthen, s.voters[0]);
      expect(await s.governor.queueWindow()).to.equal(60n * DAY);
      expect((await s.governor.motionRecord(staleId)).queueWindow).to.equal(QUEUE_WINDOW);
      expect((await s.governor.motionRecord(staleId)).executionWindow).to.equal(EXECUTION_WINDOW);
      expect(await s.governor.state(staleId)).to.equal(ProposalState.Expired);
      await expect(s.governor.queue(stale.targets, stale.values, stale.calldatas, descriptionHash(stale)))
        .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
        .withArgs(staleId, ProposalState.Expired, stateBitmap(ProposalState.Succeeded));
    });
  });

  describe("8. constructors that cannot be misconfigured", function () {
    it("MotionPolicy refuses a zero or codeless registry", async function () {
      const s = await loadFixture(system);
      const factory = await ethers.getContractFactory("MotionPolicy");
      for (const registry of [ethers.ZeroAddress, s.others[0].address]) {
        await expect(
          ethers.deployContract("MotionPolicy", [
            await s.timelock.getAddress(),
            registry,
            DEFAULT_CLASS_CONFIGS,
            [],
          ]),
        )
          .to.be.revertedWithCustomError(factory, "MotionPolicyNotAContract")
          .withArgs(registry);
      }
    });

    it("CouncilGovernor refuses a codeless timelock or policy", async function () {
      const s = await loadFixture(system);
      const factory = await ethers.getContractFactory("CouncilGovernor");
      const settings = {
        secretariat: s.secretariat.address,
        proposerRule: 0,
        maxActions: 32n,
        maxLiveProposals: 3n,
        queueWindow: QUEUE_WINDOW,
        executionWindow: EXECUTION_WINDOW,
        lateQuorumExtension: 2n * DAY,
        guardian: s.guardian.address,
        guardianTerm: GUARDIAN_TERM,
        voteExtension: ethers.ZeroAddress,
      };
      const vault = await s.vault.getAddress();
      const policy = await s.policy.getAddress();
      const timelock = await s.timelock.getAddress();
      const eoa = s.others[0].address;
      await expect(ethers.deployContract("CouncilGovernor", [vault, eoa, policy, settings]))
        .to.be.revertedWithCustomError(factory, "GovernorNotAContract")
        .withArgs(eoa);
      await expect(ethers.deployContract("CouncilGovernor", [vault, timelock, eoa, settings]))
        .to.be.revertedWithCustomError(factory, "GovernorNotAContract")
        .withArgs(eoa);
    });

    it("StakeVault refuses a codeless registry or stake token", async function () {
      const s = await loadFixture(system);
      const factory = await ethers.getContractFactory("StakeVault");
      const eoa = s.others[0].address;
      const registry = await s.registry.getAddress();
      await expect(
        ethers.deployContract("StakeVault", [eoa, ethers.ZeroAddress, STAKE_UNIT, 7n * DAY, 7n * DAY, eoa]),
      )
        .to.be.revertedWithCustomError(factory, "StakeVaultNotAContract")
        .withArgs(eoa);
      await expect(ethers.deployContract("StakeVault", [registry, eoa, STAKE_UNIT, 7n * DAY, 7n * DAY, eoa]))
        .to.be.revertedWithCustomError(factory, "StakeVaultNotAContract")
        .withArgs(eoa);
    });
  });
});
