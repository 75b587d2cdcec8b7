/**
 * CommunityVeto: the community veto phase. Off by default; a Constitutional motion raises the membership classes'
 * timelock delay to at least the veto window and switches it on. While a passed Admission or No-confidence motion
 * waits in the timelock, holders lock coin against it (or for it); opposition >= threshold and > support cancels
 * it through the governor. Every locker withdraws exactly its lock after the window.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";

import { DAY, ethers, networkHelpers } from "../utils/council.js";
import {
  DEFAULT_CLASS_CONFIGS,
  type Motion,
  MotionClass,
  ProposalState,
  Vote,
  passAndExecute,
  queue,
  voteAll,
  waitForDeadline,
  waitForEta,
  waitForSnapshot,
} from "../utils/governance.js";
import { stateBitmap } from "../utils/blocks.js";
import {
  type CommunitySystem,
  VETO_THRESHOLD,
  VETO_WINDOW,
  balanceOf,
  deployCommunity,
  executeMotion,
} from "../utils/community.js";

const { loadFixture, time } = networkHelpers;

const COIN = ethers.parseEther("1");
const TARGET = 5n;

/** Membership classes with a 7-day timelock delay (the veto window fits). */
function membershipDelay(days: bigint) {
  return [MotionClass.Admission, MotionClass.NoConfidence].map((cls) => ({
    cls,
    config: { ...DEFAULT_CLASS_CONFIGS[cls], timelockDelay: days * DAY },
  }));
}

/** One Constitutional motion: raise the membership delays to 7 days, then switch the phase on. */
async function switchOn(s: CommunitySystem): Promise<void> {
  const policy = await s.policy.getAddress();
  const veto = await s.veto.getAddress();
  const motion: Motion = {
    targets: [policy, policy, veto],
    values: [0n, 0n, 0n],
    calldatas: [
      ...membershipDelay(7n).map(({ cls, config }) =>
        s.policy.interface.encodeFunctionData("setClassConfig", [cls, config]),
      ),
      s.veto.interface.encodeFunctionData("setPhase", [true]),
    ],
    description: "Community veto phase: on",
  };
  await passAndExecute(s, motion, s.secretariat);
}

async function vetoOn(): Promise<CommunitySystem> {
  const s = await deployCommunity();
  await switchOn(s);
  return s;
}

interface Queued extends CommunitySystem {
  id: bigint;
  motion: Motion;
  descriptionHash: string;
}

/** Phase on; a member's no-confidence motion against member 5 passed and was queued (7-day delay). */
async function queuedNoConfidence(): Promise<Queued> {
  const s = await vetoOn();
  const description = "No confidence in Member 5";
  await s.governor.connect(s.voters[0]).proposeNoConfidence(TARGET, description);
  const id = await s.governor.latestProposalId();
  const motion: Motion = {
    targets: [await s.registry.getAddress()],
    values: [0n],
    calldatas: [s.registry.interface.encodeFunctionData("remove", [TARGET])],
    description,
  };
  await waitForSnapshot(s, id);
  await voteAll(s, id, s.voters.slice(0, 4), Vote.For);
  await waitForDeadline(s, id);
  await queue(s, motion);
  return { ...s, id, motion, descriptionHash: ethers.id(description) };
}

async function lock(s: Queued, who: HardhatEthersSigner, support: boolean, amount: bigint) {
  return s.veto.connect(who).lock(s.id, s.descriptionHash, support, amount, { value: amount });
}

async function asTimelock(s: CommunitySystem): Promise<HardhatEthersSigner> {
  const address = await s.timelock.getAddress();
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, COIN);
  return ethers.getSigner(address);
}

describe("CommunityVeto", function () {
  describe("constructor and views", function () {
    it("starts off, with a 7-day window and a 10,000,000-coin threshold", async function () {
      const s = await loadFixture(deployCommunity);
      expect(await s.veto.vetoPhase()).to.deep.equal([false, VETO_WINDOW]);
      expect(await s.veto.threshold()).to.equal(VETO_THRESHOLD);
      expect(await s.veto.asset()).to.equal(ethers.ZeroAddress);
      expect(await s.veto.governor()).to.equal(await s.governor.getAddress());
      expect(await s.veto.owner()).to.equal(await s.timelock.getAddress());
    });

    it("reverts on a governor without code, a window or threshold out of bounds", async function () {
      const s = await loadFixture(deployCommunity);
      const factory = await ethers.getContractFactory("CommunityVeto");
      const timelock = await s.timelock.getAddress();
      const governor = await s.governor.getAddress();
      await expect(factory.deploy(timelock, s.holders[0].address, VETO_WINDOW, VETO_THRESHOLD))
        .to.be.revertedWithCustomError(s.veto, "CommunityLocksNotAContract")
        .withArgs(s.holders[0].address);
      for (const window of [DAY - 1n, 30n * DAY + 1n]) {
        await expect(factory.deploy(timelock, governor, window, VETO_THRESHOLD))
          .to.be.revertedWithCustomError(s.veto, "CommunityVetoInvalidWindow")
          .withArgs(window);
      }
      await expect(factory.deploy(timelock, governor, VETO_WINDOW, 0n))
        .to.be.revertedWithCustomError(s.veto, "CommunityVetoInvalidThreshold")
        .withArgs(0n);
    });
  });

  describe("setPhase", function () {
    it("switching the phase on needs a Constitutional motion that makes the window fit", async function () {
      const s = await loadFixture(deployCommunity);
      const data = s.veto.interface.encodeFunctionData("setPhase", [true]);
      expect(
        await s.policy.classifyAction(await s.governor.getAddress(), await s.veto.getAddress(), 0n, data),
      ).to.equal(MotionClass.Constitutional);
      await expect(s.veto.connect(s.holders[0]).setPhase(true))
        .to.be.revertedWithCustomError(s.veto, "OwnableUnauthorizedAccount")
        .withArgs(s.holders[0].address);
      await switchOn(s);
      expect(await s.veto.vetoPhase()).to.deep.equal([true, VETO_WINDOW]);
      expect(await s.policy.vetoWindowFits(VETO_WINDOW)).to.equal(true);
    });

    it("reverts when the window exceeds a membership class's timelock delay", async function () {
      const s = await loadFixture(deployCommunity);
      const timelock = await asTimelock(s);
      expect(await s.policy.vetoWindowFits(VETO_WINDOW)).to.equal(false);
      await expect(s.veto.connect(timelock).setPhase(true))
        .to.be.revertedWithCustomError(s.veto, "CommunityVetoWindowTooLong")
        .withArgs(VETO_WINDOW);
      // Off needs no check.
      await expect(s.veto.connect(timelock).setPhase(false)).to.emit(s.veto, "PhaseSet").withArgs(false);
    });

    it("reverts when the policy does not name this veto contract", async function () {
      const s = await loadFixture(deployCommunity);
      const timelock = await asTimelock(s);
      await s.policy.connect(timelock).setCommunity(await s.petitions.getAddress(), ethers.ZeroAddress);
      await expect(s.veto.connect(timelock).setPhase(true))
        .to.be.revertedWithCustomError(s.veto, "CommunityVetoNotBound")
        .withArgs(ethers.ZeroAddress);
    });
  });

  describe("setWindow and setThreshold", function () {
    it("while on, a window longer than the membership delays is refused; bounds are enforced", async function () {
      const s = await loadFixture(vetoOn);
      const timelock = await asTimelock(s);
      await expect(s.veto.connect(timelock).setWindow(7n * DAY + 1n))
        .to.be.revertedWithCustomError(s.veto, "CommunityVetoWindowTooLong")
        .withArgs(7n * DAY + 1n);
      await expect(s.veto.connect(timelock).setWindow(3n * DAY))
        .to.emit(s.veto, "WindowSet")
        .withArgs(3n * DAY);
      await expect(s.veto.connect(timelock).setThreshold(0n))
        .to.be.revertedWithCustomError(s.veto, "CommunityVetoInvalidThreshold")
        .withArgs(0n);
      await expect(s.veto.connect(timelock).setThreshold(COIN))
        .to.emit(s.veto, "ThresholdSet")
        .withArgs(COIN);
      await expect(s.veto.connect(s.holders[0]).setWindow(DAY))
        .to.be.revertedWithCustomError(s.veto, "OwnableUnauthorizedAccount")
        .withArgs(s.holders[0].address);
      await expect(s.veto.connect(s.holders[0]).setThreshold(COIN))
        .to.be.revertedWithCustomError(s.veto, "OwnableUnauthorizedAccount")
        .withArgs(s.holders[0].address);
    });

    it("while off, any window within bounds is accepted", async function () {
      const s = await loadFixture(deployCommunity);
      const timelock = await asTimelock(s);
      await expect(s.veto.connect(timelock).setWindow(30n * DAY))
        .to.emit(s.veto, "WindowSet")
        .withArgs(30n * DAY);
      await expect(s.veto.connect(timelock).setWindow(31n * DAY))
        .to.be.revertedWithCustomError(s.veto, "CommunityVetoInvalidWindow")
        .withArgs(31n * DAY);
    });
  });

  describe("MotionPolicy rules for the community", function () {
    it("refuses a membership delay shorter than the window while the phase is on (one rule, in the policy)", async function () {
      const s = await loadFixture(vetoOn);
      const timelock = await asTimelock(s);
      for (const { cls, config } of membershipDelay(6n)) {
        await expect(s.policy.connect(timelock).setClassConfig(cls, config))
          .to.be.revertedWithCustomError(s.policy, "MotionPolicyVetoWindowTooLong")
          .withArgs(VETO_WINDOW);
      }
      // Other classes are not bound by the veto window.
      const standard = { ...DEFAULT_CLASS_CONFIGS[MotionClass.Standard], timelockDelay: 2n * DAY };
      await expect(s.policy.connect(timelock).setClassConfig(MotionClass.Standard, standard)).to.emit(
        s.policy,
        "ClassConfigSet",
      );
    });

    it("setCommunity: the deployer once, then the owner only; contracts only", async function () {
      const s = await loadFixture(deployCommunity);
      await expect(s.policy.connect(s.deployer).setCommunity(ethers.ZeroAddress, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyCommunityBindingClosed")
        .withArgs(s.deployer.address);
      await expect(s.policy.connect(s.holders[0]).setCommunity(ethers.ZeroAddress, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyCommunityBindingClosed")
        .withArgs(s.holders[0].address);
      const timelock = await asTimelock(s);
      const eoa = s.holders[0].address;
      await expect(s.policy.connect(timelock).setCommunity(eoa, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyNotAContract")
        .withArgs(eoa);
      await expect(s.policy.connect(timelock).setCommunity(ethers.ZeroAddress, eoa))
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyNotAContract")
        .withArgs(eoa);
      await expect(s.policy.connect(timelock).setCommunity(ethers.ZeroAddress, ethers.ZeroAddress))
        .to.emit(s.policy, "CommunitySet")
        .withArgs(ethers.ZeroAddress, ethers.ZeroAddress);
    });

    it("setCommunity refuses a veto whose phase is on with a window that does not fit", async function () {
      const s = await loadFixture(vetoOn);
      const timelock = await asTimelock(s);
      await s.veto.connect(timelock).setPhase(true);
      await s.policy.connect(timelock).setCommunity(await s.petitions.getAddress(), ethers.ZeroAddress);
      // With no veto named, the delays are free again; naming the veto back checks them.
      await s.policy.connect(timelock).setClassConfig(MotionClass.Admission, membershipDelay(2n)[0].config);
      await expect(
        s.policy.connect(timelock).setCommunity(await s.petitions.getAddress(), await s.veto.getAddress()),
      )
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyVetoWindowTooLong")
        .withArgs(VETO_WINDOW);
    });
  });

  describe("lock", function () {
    it("a vetoed motion can never execute: opposition >= threshold and > support cancels it", async function () {
      const s = await loadFixture(queuedNoConfidence);
      const eta = await s.governor.proposalEta(s.id);
      await lock(s, s.holders[0], true, 2_000_000n * COIN);
      await lock(s, s.holders[1], false, 9_000_000n * COIN);
      expect(await s.governor.state(s.id)).to.equal(ProposalState.Queued);
      const tx = lock(s, s.holders[2], false, 1_000_000n * COIN);
      await expect(tx)
        .to.emit(s.veto, "Vetoed")
        .withArgs(s.id, 2_000_000n * COIN, VETO_THRESHOLD);
      await expect(tx).to.emit(s.governor, "ProposalCanceled").withArgs(s.id);
      expect(await s.governor.state(s.id)).to.equal(ProposalState.Canceled);
      expect((await s.veto.campaign(s.id)).vetoed).to.equal(true);
      await time.increaseTo(eta + 1n);
      await expect(executeMotion(s, s.motion))
        .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
        .withArgs(s.id, ProposalState.Canceled, stateBitmap(ProposalState.Queued));
      expect(await s.registry.isActive(TARGET)).to.equal(true);
      // No more locks; everyone withdraws exactly its lock.
      await expect(lock(s, s.holders[3], true, COIN))
        .to.be.revertedWithCustomError(s.veto, "CommunityVetoNotQueued")
        .withArgs(s.id, ProposalState.Canceled);
      for (const [holder, amount] of [
        [s.holders[0], 2_000_000n * COIN],
        [s.holders[1], 9_000_000n * COIN],
        [s.holders[2], 1_000_000n * COIN],
      ] as const) {
        const w = s.veto.connect(holder).withdraw(s.id);
        await expect(w).to.emit(s.veto, "Withdrawn").withArgs(s.id, holder.address, amount);
        await expect(w).to.changeEtherBalance(ethers, holder, amount);
      }
      expect(await balanceOf(s.veto)).to.equal(0n);
    });

    it("an unvetoed motion executes after the window: opposition not above support", async function () {
      const s = await loadFixture(queuedNoConfidence);
      await lock(s, s.holders[0], true, 12_000_000n * COIN);
      await expect(lock(s, s.holders[1], false, 11_000_000n * COIN)).not.to.emit(s.veto, "Vetoed");
      const c = await s.veto.campaign(s.id);
      expect(c.windowEnd).to.equal(await s.governor.proposalEta(s.id));
      await waitForEta(s, s.id);
      await expect(lock(s, s.holders[2], false, 5_000_000n * COIN))
        .to.be.revertedWithCustomError(s.veto, "CommunityVetoWindowClosed")
        .withArgs(s.id, c.windowEnd);
      await expect(executeMotion(s, s.motion)).to.emit(s.registry, "MemberRemoved").withArgs(TARGET);
      await expect(s.veto.connect(s.holders[1]).withdraw(s.id)).to.changeEtherBalance(
        ethers,
        s.holders[1],
        11_000_000n * COIN,
      );
    });

    it("withdrawal before the window closes is refused, so a flash loan cannot veto", async function () {
      const s = await loadFixture(queuedNoConfidence);
      await lock(s, s.holders[0], false, COIN);
      const c = await s.veto.campaign(s.id);
      await expect(s.veto.connect(s.holders[0]).withdraw(s.id))
        .to.be.revertedWithCustomError(s.veto, "CommunityVetoWindowOpen")
        .withArgs(s.id, c.windowEnd);
      await expect(s.veto.connect(s.holders[0]).withdraw(99n))
        .to.be.revertedWithCustomError(s.veto, "CommunityVetoWindowOpen")
        .withArgs(99n, 0n);
      await time.increaseTo(c.windowEnd);
      await expect(s.veto.connect(s.holders[1]).withdraw(s.id))
        .to.be.revertedWithCustomError(s.veto, "CommunityLocksNothingToWithdraw")
        .withArgs(s.id, s.holders[1].address);
      await s.veto.connect(s.holders[0]).withdraw(s.id);
      await expect(s.veto.connect(s.holders[0]).withdraw(s.id))
        .to.be.revertedWithCustomError(s.veto, "CommunityLocksNothingToWithdraw")
        .withArgs(s.id, s.holders[0].address);
    });

    it("reverts while the phase is off", async function () {
      const s = await loadFixture(deployCommunity);
      await expect(
        s.veto.lock(1n, ethers.ZeroHash, false, COIN, { value: COIN }),
      ).to.be.revertedWithCustomError(s.veto, "CommunityVetoPhaseOff");
    });

    it("reverts for a motion that is not queued, or not a membership motion", async function () {
      const s = await loadFixture(queuedNoConfidence);
      await s.governor.connect(s.voters[1]).proposeNoConfidence(4n, "No confidence in Member 4");
      const pending = await s.governor.latestProposalId();
      await expect(s.veto.lock(pending, ethers.id("No confidence in Member 4"), false, COIN, { value: COIN }))
        .to.be.revertedWithCustomError(s.veto, "CommunityVetoNotQueued")
        .withArgs(pending, ProposalState.Pending);
      const general: Motion = {
        targets: [await s.timelock.getAddress()],
        values: [0n],
        calldatas: ["0x"],
        description: "Signal",
      };
      await s.governor
        .connect(s.secretariat)
        .propose(general.targets, general.values, general.calldatas, general.description);
      const generalId = await s.governor.latestProposalId();
      await waitForSnapshot(s, generalId);
      await voteAll(s, generalId, s.voters, Vote.For);
      await waitForDeadline(s, generalId);
      await queue(s, general);
      await expect(s.veto.lock(generalId, ethers.id("Signal"), false, COIN, { value: COIN }))
        .to.be.revertedWithCustomError(s.veto, "CommunityVetoNotMembershipMotion")
        .withArgs(generalId);
    });

    it("reverts on a wrong description hash, a zero amount, a wrong value, or the other side", async function () {
      const s = await loadFixture(queuedNoConfidence);
      await expect(s.veto.lock(s.id, ethers.id("wrong"), false, COIN, { value: COIN }))
        .to.be.revertedWithCustomError(s.governor, "GovernorNonexistentProposal")
        .withArgs(0n);
      await lock(s, s.holders[0], false, COIN);
      await expect(s.veto.lock(s.id, ethers.id("wrong"), false, COIN, { value: COIN }))
        .to.be.revertedWithCustomError(s.veto, "CommunityVetoWrongDescription")
        .withArgs(s.id, ethers.id("wrong"));
      await expect(s.veto.lock(s.id, s.descriptionHash, false, 0n)).to.be.revertedWithCustomError(
        s.veto,
        "CommunityLocksZeroAmount",
      );
      await expect(s.veto.lock(s.id, s.descriptionHash, false, 2n * COIN, { value: COIN }))
        .to.be.revertedWithCustomError(s.veto, "CommunityLocksWrongValue")
        .withArgs(2n * COIN, COIN);
      await expect(lock(s, s.holders[0], true, COIN))
        .to.be.revertedWithCustomError(s.veto, "CommunityLocksSideConflict")
        .withArgs(s.id, s.holders[0].address);
      expect(await s.veto.lockOf(s.id, s.holders[0].address)).to.deep.equal([COIN, false, false]);
      const c = await s.veto.campaign(s.id);
      expect([c.support, c.opposition, c.descriptionHash]).to.deep.equal([0n, COIN, s.descriptionHash]);
    });

    it("reverts when the description hash names another motion with the same action", async function () {
      const s = await loadFixture(vetoOn);
      await s.governor.connect(s.voters[0]).proposeNoConfidence(TARGET, "First motion");
      const first = await s.governor.latestProposalId();
      const registry = await s.registry.getAddress();
      const remove = s.registry.interface.encodeFunctionData("remove", [TARGET]);
      await s.governor.connect(s.guardian).cancel([registry], [0n], [remove], ethers.id("First motion"));
      await s.governor.connect(s.voters[1]).proposeNoConfidence(TARGET, "Second motion");
      const second = await s.governor.latestProposalId();
      expect(second).to.equal(first + 1n);
      await waitForSnapshot(s, second);
      await voteAll(s, second, s.voters.slice(0, 4), Vote.For);
      await waitForDeadline(s, second);
      await queue(s, {
        targets: [registry],
        values: [0n],
        calldatas: [remove],
        description: "Second motion",
      });
      await expect(s.veto.lock(second, ethers.id("First motion"), false, COIN, { value: COIN }))
        .to.be.revertedWithCustomError(s.veto, "CommunityVetoWrongDescription")
        .withArgs(second, ethers.id("First motion"));
    });

    it("vetoes an admission motion a petition opened", async function () {
      const s = await loadFixture(vetoOn);
      // The application lapsed while the phase was switched on: the candidate renews it.
      await s.registry.connect(s.others[0]).renewApplication(s.candidateId);
      await s.petitions.openAdmission(s.candidateId, "Admit Candidate Org", {
        value: await s.petitions.bond(),
      });
      await s.petitions.connect(s.holders[0]).lock(1n, true, 5_000_000n * COIN, { value: 5_000_000n * COIN });
      await time.increaseTo((await s.petitions.petition(1n)).closesAt);
      await s.petitions.settle(1n);
      const id = (await s.petitions.petition(1n)).motionId;
      const description = await s.petitions.motionDescription(1n);
      const motion: Motion = {
        targets: [await s.registry.getAddress()],
        values: [0n],
        calldatas: [s.registry.interface.encodeFunctionData("admit", [s.candidateId])],
        description,
      };
      await waitForSnapshot(s, id);
      await voteAll(s, id, s.voters, Vote.For);
      await waitForDeadline(s, id);
      await queue(s, motion);
      await expect(
        s.veto
          .connect(s.holders[1])
          .lock(id, ethers.id(description), false, VETO_THRESHOLD, { value: VETO_THRESHOLD }),
      )
        .to.emit(s.veto, "Vetoed")
        .withArgs(id, 0n, VETO_THRESHOLD);
      expect(await s.governor.state(id)).to.equal(ProposalState.Canceled);
    });
  });
});
