/**
 * CommunityPetitions: KGP-7 on chain. Holders lock coin for or against admitting an open applicant or moving no
 * confidence in a member; a petition that qualifies at its close (support >= threshold, support > opposition) opens
 * the council's motion with the petitions contract as sponsor; every locker withdraws exactly its lock afterwards.
 *
 * Layout: one `describe` per function, success first, then one `it` per revert, each asserted with its custom error
 * and arguments. Timestamps are pinned with setNextBlockTimestamp where a value depends on them.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";

import { DAY, Status, ethers, networkHelpers } from "../utils/council.js";
import {
  MotionClass,
  Vote,
  queue,
  voteAll,
  waitForDeadline,
  waitForEta,
  waitForSnapshot,
} from "../utils/governance.js";
import {
  type CommunitySystem,
  PETITION_BOND,
  PETITION_THRESHOLD,
  PETITION_WINDOW,
  PetitionKind,
  PetitionStatus,
  balanceOf,
  deployCommunity,
  governanceCall,
  executeMotion,
  petitionMotion,
} from "../utils/community.js";

const { loadFixture, time } = networkHelpers;

const COIN = ethers.parseEther("1");
const TARGET = 5n;

/** Opens a no-confidence petition against member 5 at a pinned time; returns its id and the pinned time. */
async function openNoConfidence(
  s: CommunitySystem,
  opener: HardhatEthersSigner = s.holders[0],
): Promise<{ id: bigint; openedAt: bigint }> {
  const openedAt = BigInt(await time.latest()) + 10n;
  await time.setNextBlockTimestamp(openedAt);
  await s.petitions
    .connect(opener)
    .openNoConfidence(TARGET, "Member 5 missed every vote", { value: PETITION_BOND });
  return { id: await s.petitions.petitionCount(), openedAt };
}

async function openAdmission(s: CommunitySystem): Promise<bigint> {
  await s.petitions
    .connect(s.holders[0])
    .openAdmission(s.candidateId, "Admit Candidate Org", { value: PETITION_BOND });
  return s.petitions.petitionCount();
}

async function lock(
  s: CommunitySystem,
  id: bigint,
  who: HardhatEthersSigner,
  support: boolean,
  amount: bigint,
) {
  return s.petitions.connect(who).lock(id, support, amount, { value: amount });
}

async function closeOf(s: CommunitySystem, id: bigint): Promise<bigint> {
  return (await s.petitions.petition(id)).closesAt;
}

async function waitForClose(s: CommunitySystem, id: bigint): Promise<void> {
  await time.increaseTo(await closeOf(s, id));
}

/** A no-confidence petition with 6M support and 1M opposition from two holders, past its close. */
async function qualifiedNoConfidence(): Promise<CommunitySystem & { id: bigint }> {
  const s = await deployCommunity();
  const { id } = await openNoConfidence(s);
  await lock(s, id, s.holders[1], true, 6_000_000n * COIN);
  await lock(s, id, s.holders[2], false, 1_000_000n * COIN);
  await waitForClose(s, id);
  return { ...s, id };
}

describe("CommunityPetitions", function () {
  describe("constructor and views", function () {
    it("reads the defaults, the asset, the governor and the reserve", async function () {
      const s = await loadFixture(deployCommunity);
      expect(await s.petitions.window()).to.equal(PETITION_WINDOW);
      expect(await s.petitions.threshold()).to.equal(PETITION_THRESHOLD);
      expect(await s.petitions.bond()).to.equal(PETITION_BOND);
      expect(await s.petitions.asset()).to.equal(ethers.ZeroAddress);
      expect(await s.petitions.governor()).to.equal(await s.governor.getAddress());
      expect(await s.petitions.reserve()).to.equal(await s.reserve.getAddress());
      expect(await s.petitions.owner()).to.equal(await s.timelock.getAddress());
      expect(await s.petitions.petitionCount()).to.equal(0n);
      expect(await s.policy.community()).to.deep.equal([
        await s.petitions.getAddress(),
        await s.veto.getAddress(),
      ]);
    });

    it("reverts when the governor or the reserve has no code", async function () {
      const s = await loadFixture(deployCommunity);
      const timelock = await s.timelock.getAddress();
      const governor = await s.governor.getAddress();
      const reserve = await s.reserve.getAddress();
      const factory = await ethers.getContractFactory("CommunityPetitions");
      const eoa = s.holders[0].address;
      await expect(factory.deploy(timelock, eoa, reserve, PETITION_WINDOW, PETITION_THRESHOLD, PETITION_BOND))
        .to.be.revertedWithCustomError(s.petitions, "CommunityLocksNotAContract")
        .withArgs(eoa);
      await expect(
        factory.deploy(timelock, governor, eoa, PETITION_WINDOW, PETITION_THRESHOLD, PETITION_BOND),
      )
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsNotAContract")
        .withArgs(eoa);
    });

    it("reverts on a window, threshold or bond out of bounds", async function () {
      const s = await loadFixture(deployCommunity);
      const args: [string, string, string] = [
        await s.timelock.getAddress(),
        await s.governor.getAddress(),
        await s.reserve.getAddress(),
      ];
      const factory = await ethers.getContractFactory("CommunityPetitions");
      await expect(factory.deploy(...args, DAY - 1n, PETITION_THRESHOLD, PETITION_BOND))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsInvalidWindow")
        .withArgs(DAY - 1n);
      await expect(factory.deploy(...args, 60n * DAY + 1n, PETITION_THRESHOLD, PETITION_BOND))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsInvalidWindow")
        .withArgs(60n * DAY + 1n);
      await expect(factory.deploy(...args, PETITION_WINDOW, 0n, 0n))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsInvalidThreshold")
        .withArgs(0n);
      await expect(factory.deploy(...args, PETITION_WINDOW, PETITION_THRESHOLD, PETITION_THRESHOLD))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsInvalidBond")
        .withArgs(PETITION_THRESHOLD, PETITION_THRESHOLD);
    });

    it("reverts on an unknown petition", async function () {
      const s = await loadFixture(deployCommunity);
      for (const read of [
        () => s.petitions.petition(1n),
        () => s.petitions.lockOf(1n, s.holders[0].address),
        () => s.petitions.motionDescription(1n),
      ]) {
        await expect(read())
          .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsUnknownPetition")
          .withArgs(1n);
      }
      await expect(s.petitions.lock(7n, true, COIN, { value: COIN }))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsUnknownPetition")
        .withArgs(7n);
    });
  });

  describe("openNoConfidence", function () {
    it("opens a 14-day petition, takes the bond and records it", async function () {
      const s = await loadFixture(deployCommunity);
      const openedAt = BigInt(await time.latest()) + 10n;
      await time.setNextBlockTimestamp(openedAt);
      const tx = s.petitions
        .connect(s.holders[0])
        .openNoConfidence(TARGET, "Member 5 missed every vote", { value: PETITION_BOND });
      await expect(tx)
        .to.emit(s.petitions, "PetitionOpened")
        .withArgs(
          1n,
          PetitionKind.NoConfidence,
          TARGET,
          s.holders[0].address,
          openedAt + PETITION_WINDOW,
          PETITION_THRESHOLD,
          PETITION_BOND,
          "Member 5 missed every vote",
        );
      await expect(tx).to.changeEtherBalances(
        ethers,
        [s.holders[0], s.petitions],
        [-PETITION_BOND, PETITION_BOND],
      );
      const p = await s.petitions.petition(1n);
      expect(p.kind).to.equal(PetitionKind.NoConfidence);
      expect(p.status).to.equal(PetitionStatus.Open);
      expect(p.closesAt).to.equal(openedAt + PETITION_WINDOW);
      expect(p.opener).to.equal(s.holders[0].address);
      expect(p.subjectMemberId).to.equal(TARGET);
      expect(p.support).to.equal(0n);
      expect(await s.petitions.latestPetition(PetitionKind.NoConfidence, TARGET)).to.equal(1n);
      expect(await s.petitions.motionDescription(1n)).to.equal(
        "Member 5 missed every vote\n\n(Community petition 1)",
      );
    });

    it("refuses a second petition on a live subject, and accepts one after the close", async function () {
      const s = await loadFixture(deployCommunity);
      const { id } = await openNoConfidence(s);
      await expect(
        s.petitions.connect(s.holders[1]).openNoConfidence(TARGET, "Again", { value: PETITION_BOND }),
      )
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsSubjectBusy")
        .withArgs(PetitionKind.NoConfidence, TARGET, id);
      expect(await s.petitions.petitionCount()).to.equal(1n);
      // Another kind or another subject is not blocked.
      await s.petitions.connect(s.holders[1]).openNoConfidence(4n, "Member 4", { value: PETITION_BOND });
      await waitForClose(s, id);
      await s.petitions.connect(s.holders[1]).openNoConfidence(TARGET, "Again", { value: PETITION_BOND });
      expect(await s.petitions.latestPetition(PetitionKind.NoConfidence, TARGET)).to.equal(3n);
    });

    it("reverts when the subject is not an active member", async function () {
      const s = await loadFixture(deployCommunity);
      for (const subject of [0n, s.candidateId, 99n]) {
        await expect(s.petitions.openNoConfidence(subject, "x", { value: PETITION_BOND }))
          .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsInvalidSubject")
          .withArgs(PetitionKind.NoConfidence, subject);
      }
    });

    it("reverts when the description is empty or too long", async function () {
      const s = await loadFixture(deployCommunity);
      for (const description of ["", "x".repeat(1025)]) {
        await expect(s.petitions.openNoConfidence(TARGET, description, { value: PETITION_BOND }))
          .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsInvalidDescription")
          .withArgs(description.length);
      }
    });

    it("reverts when the bond sent is wrong", async function () {
      const s = await loadFixture(deployCommunity);
      for (const sent of [0n, PETITION_BOND - 1n, PETITION_BOND + 1n]) {
        await expect(s.petitions.openNoConfidence(TARGET, "x", { value: sent }))
          .to.be.revertedWithCustomError(s.petitions, "CommunityLocksWrongValue")
          .withArgs(PETITION_BOND, sent);
      }
      expect(await s.petitions.petitionCount()).to.equal(0n);
    });

    it("with no bond, refuses coin sent and opens for free", async function () {
      const s = await loadFixture(deployCommunity);
      await governanceCall(
        s,
        await s.petitions.getAddress(),
        s.petitions.interface.encodeFunctionData("setBond", [0n]),
        "Petition bond: none",
      );
      await expect(s.petitions.openNoConfidence(TARGET, "x", { value: 1n }))
        .to.be.revertedWithCustomError(s.petitions, "CommunityLocksWrongValue")
        .withArgs(0n, 1n);
      await s.petitions.openNoConfidence(TARGET, "x");
      expect((await s.petitions.petition(1n)).bond).to.equal(0n);
    });
  });

  describe("openAdmission", function () {
    it("closes one settlement day before the application's sponsorship window", async function () {
      const s = await loadFixture(deployCommunity);
      const [appliedAt] = await s.registry.memberTimestamps(s.candidateId);
      const tx = s.petitions
        .connect(s.holders[0])
        .openAdmission(s.candidateId, "Admit Candidate Org", { value: PETITION_BOND });
      const closesAt = appliedAt + 14n * DAY - DAY;
      await expect(tx)
        .to.emit(s.petitions, "PetitionOpened")
        .withArgs(
          1n,
          PetitionKind.Admission,
          s.candidateId,
          s.holders[0].address,
          closesAt,
          PETITION_THRESHOLD,
          PETITION_BOND,
          "Admit Candidate Org",
        );
      expect(await closeOf(s, 1n)).to.equal(closesAt);
    });

    it("reverts when the application is not open", async function () {
      const s = await loadFixture(deployCommunity);
      for (const subject of [1n, 99n]) {
        await expect(s.petitions.openAdmission(subject, "x", { value: PETITION_BOND }))
          .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsInvalidSubject")
          .withArgs(PetitionKind.Admission, subject);
      }
    });

    it("reverts when the application closes within the settlement day", async function () {
      const s = await loadFixture(deployCommunity);
      const [appliedAt] = await s.registry.memberTimestamps(s.candidateId);
      const latestClose = appliedAt + 13n * DAY;
      await time.setNextBlockTimestamp(latestClose);
      await expect(s.petitions.openAdmission(s.candidateId, "x", { value: PETITION_BOND }))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsApplicationClosing")
        .withArgs(s.candidateId, latestClose);
    });
  });

  describe("lock", function () {
    it("locks on either side, tops up a side and emits the new totals", async function () {
      const s = await loadFixture(deployCommunity);
      const { id } = await openNoConfidence(s);
      const tx = lock(s, id, s.holders[1], true, 3n * COIN);
      await expect(tx)
        .to.emit(s.petitions, "Locked")
        .withArgs(id, s.holders[1].address, true, 3n * COIN, 3n * COIN);
      await expect(tx).to.changeEtherBalances(ethers, [s.holders[1], s.petitions], [-3n * COIN, 3n * COIN]);
      await expect(lock(s, id, s.holders[1], true, 2n * COIN))
        .to.emit(s.petitions, "Locked")
        .withArgs(id, s.holders[1].address, true, 2n * COIN, 5n * COIN);
      await expect(lock(s, id, s.holders[2], false, 4n * COIN))
        .to.emit(s.petitions, "Locked")
        .withArgs(id, s.holders[2].address, false, 4n * COIN, 4n * COIN);
      const p = await s.petitions.petition(id);
      expect([p.support, p.opposition]).to.deep.equal([5n * COIN, 4n * COIN]);
      expect(await s.petitions.lockOf(id, s.holders[1].address)).to.deep.equal([5n * COIN, true, false]);
    });

    it("coin locked on both sides cannot change a tally: the other side is refused", async function () {
      const s = await loadFixture(deployCommunity);
      const { id } = await openNoConfidence(s);
      await lock(s, id, s.holders[1], true, 3n * COIN);
      await expect(lock(s, id, s.holders[1], false, 3n * COIN))
        .to.be.revertedWithCustomError(s.petitions, "CommunityLocksSideConflict")
        .withArgs(id, s.holders[1].address);
      const p = await s.petitions.petition(id);
      expect([p.support, p.opposition]).to.deep.equal([3n * COIN, 0n]);
      expect(await balanceOf(s.petitions)).to.equal(PETITION_BOND + 3n * COIN);
    });

    it("reverts once the window has closed", async function () {
      const s = await loadFixture(deployCommunity);
      const { id, openedAt } = await openNoConfidence(s);
      await time.setNextBlockTimestamp(openedAt + PETITION_WINDOW);
      await expect(lock(s, id, s.holders[1], true, COIN))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsWindowClosed")
        .withArgs(id, openedAt + PETITION_WINDOW);
    });

    it("reverts on a zero amount or a wrong value", async function () {
      const s = await loadFixture(deployCommunity);
      const { id } = await openNoConfidence(s);
      await expect(s.petitions.lock(id, true, 0n)).to.be.revertedWithCustomError(
        s.petitions,
        "CommunityLocksZeroAmount",
      );
      await expect(s.petitions.lock(id, true, 2n * COIN, { value: COIN }))
        .to.be.revertedWithCustomError(s.petitions, "CommunityLocksWrongValue")
        .withArgs(2n * COIN, COIN);
    });

    it("a flash loan cannot count: a lock and its withdrawal cannot share a transaction", async function () {
      const s = await loadFixture(deployCommunity);
      const { id } = await openNoConfidence(s);
      const borrower = await ethers.deployContract("ReentrantLocker", [await s.petitions.getAddress()]);
      const loan = PETITION_THRESHOLD;
      await expect(borrower.flashLock(id, true, { value: loan }))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsWindowOpen")
        .withArgs(id, await closeOf(s, id));
      const p = await s.petitions.petition(id);
      expect([p.support, p.opposition]).to.deep.equal([0n, 0n]);
      expect(await balanceOf(s.petitions)).to.equal(PETITION_BOND);
    });
  });

  describe("withdraw", function () {
    it("reverts before the close (withdrawal before the close is refused)", async function () {
      const s = await loadFixture(deployCommunity);
      const { id } = await openNoConfidence(s);
      await lock(s, id, s.holders[1], true, COIN);
      await time.setNextBlockTimestamp((await closeOf(s, id)) - 1n);
      await expect(s.petitions.connect(s.holders[1]).withdraw(id))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsWindowOpen")
        .withArgs(id, await closeOf(s, id));
    });

    it("pays back exactly the lock, once, before settlement", async function () {
      const s = await loadFixture(deployCommunity);
      const { id } = await openNoConfidence(s);
      await lock(s, id, s.holders[1], true, 3n * COIN);
      await waitForClose(s, id);
      const tx = s.petitions.connect(s.holders[1]).withdraw(id);
      await expect(tx)
        .to.emit(s.petitions, "Withdrawn")
        .withArgs(id, s.holders[1].address, 3n * COIN);
      await expect(tx).to.changeEtherBalances(ethers, [s.holders[1], s.petitions], [3n * COIN, -3n * COIN]);
      expect(await s.petitions.lockOf(id, s.holders[1].address)).to.deep.equal([3n * COIN, true, true]);
      await expect(s.petitions.connect(s.holders[1]).withdraw(id))
        .to.be.revertedWithCustomError(s.petitions, "CommunityLocksNothingToWithdraw")
        .withArgs(id, s.holders[1].address);
      await expect(s.petitions.connect(s.holders[2]).withdraw(id))
        .to.be.revertedWithCustomError(s.petitions, "CommunityLocksNothingToWithdraw")
        .withArgs(id, s.holders[2].address);
    });

    it("a reentrant locker gains nothing", async function () {
      const s = await loadFixture(deployCommunity);
      const { id } = await openNoConfidence(s);
      const locker = await ethers.deployContract("ReentrantLocker", [await s.petitions.getAddress()]);
      await locker.lock(id, true, { value: 5n * COIN });
      await lock(s, id, s.holders[1], true, 7n * COIN);
      await waitForClose(s, id);
      await locker.setReentry(id);
      const tx = locker.withdraw(id);
      await expect(tx).to.changeEtherBalances(ethers, [locker, s.petitions], [5n * COIN, -5n * COIN]);
      expect(await locker.lastRevertSelector()).to.equal(
        s.petitions.interface.getError("ReentrancyGuardReentrantCall")!.selector,
      );
      expect(await locker.amountReceived()).to.equal(5n * COIN);
      await expect(locker.withdraw(id))
        .to.be.revertedWithCustomError(s.petitions, "CommunityLocksNothingToWithdraw")
        .withArgs(id, await locker.getAddress());
      expect(await balanceOf(s.petitions)).to.equal(PETITION_BOND + 7n * COIN);
    });
  });

  describe("settle", function () {
    it("end to end: a qualified no-confidence petition opens the motion; the council removes the member", async function () {
      const s = await loadFixture(qualifiedNoConfidence);
      const id = s.id;
      const tx = s.petitions.connect(s.holders[4]).settle(id);
      const motionId = (await s.governor.latestProposalId()) + 1n;
      await expect(tx)
        .to.emit(s.petitions, "PetitionSettled")
        .withArgs(id, PetitionStatus.Qualified, 6_000_000n * COIN, 1_000_000n * COIN, motionId);
      await expect(tx)
        .to.emit(s.governor, "MembershipMotionProposed")
        .withArgs(motionId, MotionClass.NoConfidence, TARGET, await s.petitions.getAddress());
      const p = await s.petitions.petition(id);
      expect(p.status).to.equal(PetitionStatus.Qualified);
      expect(p.motionId).to.equal(motionId);
      const record = await s.governor.motionRecord(motionId);
      expect(record.excludedMemberId).to.equal(TARGET);
      // The target's stake is frozen until the snapshot, as for a member's motion.
      expect(await s.vault.frozenUntil(TARGET)).to.equal(await s.governor.proposalSnapshot(motionId));
      await expect(s.petitions.settle(id))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsAlreadySettled")
        .withArgs(id, PetitionStatus.Qualified);

      const motion = await petitionMotion(s, id);
      await waitForSnapshot(s, motionId);
      await expect(s.governor.connect(s.voters[4]).castVote(motionId, Vote.Against))
        .to.be.revertedWithCustomError(s.governor, "GovernorMemberExcluded")
        .withArgs(motionId, TARGET);
      await voteAll(s, motionId, s.voters.slice(0, 4), Vote.For);
      await waitForDeadline(s, motionId);
      await queue(s, motion);
      await waitForEta(s, motionId);
      await expect(executeMotion(s, motion)).to.emit(s.registry, "MemberRemoved").withArgs(TARGET);
      expect(await s.registry.isActive(TARGET)).to.equal(false);

      // Everyone withdraws exactly its lock; the opener reclaims its bond.
      await expect(s.petitions.connect(s.holders[1]).withdraw(id)).to.changeEtherBalance(
        ethers,
        s.holders[1],
        6_000_000n * COIN,
      );
      await expect(s.petitions.connect(s.holders[2]).withdraw(id)).to.changeEtherBalance(
        ethers,
        s.holders[2],
        1_000_000n * COIN,
      );
      const reclaim = s.petitions.connect(s.holders[0]).reclaimBond(id);
      await expect(reclaim)
        .to.emit(s.petitions, "BondReleased")
        .withArgs(id, s.holders[0].address, PETITION_BOND, false);
      await expect(reclaim).to.changeEtherBalance(ethers, s.holders[0], PETITION_BOND);
      expect(await balanceOf(s.petitions)).to.equal(0n);
    });

    it("end to end: a qualified admission petition opens the motion; the council admits the candidate", async function () {
      const s = await loadFixture(deployCommunity);
      const id = await openAdmission(s);
      await lock(s, id, s.holders[1], true, 5_000_000n * COIN);
      await lock(s, id, s.holders[2], false, 2_000_000n * COIN);
      await lock(s, id, s.holders[3], true, 1n);
      await waitForClose(s, id);
      const motionId = (await s.governor.latestProposalId()) + 1n;
      await expect(s.petitions.settle(id))
        .to.emit(s.governor, "MembershipMotionProposed")
        .withArgs(motionId, MotionClass.Admission, s.candidateId, await s.petitions.getAddress());
      // Outside the sponsor's live-motion limit: the petitions contract is no member and no secretariat.
      expect(await s.governor.liveProposalCount(await s.petitions.getAddress())).to.equal(0n);
      const motion = await petitionMotion(s, id);
      await waitForSnapshot(s, motionId);
      await voteAll(s, motionId, s.voters, Vote.For);
      await waitForDeadline(s, motionId);
      await queue(s, motion);
      await waitForEta(s, motionId);
      await expect(executeMotion(s, motion)).to.emit(s.registry, "MemberAdmitted").withArgs(s.candidateId);
      expect((await s.registry.memberAccounts(s.candidateId)).status).to.equal(Status.Active);
      for (const [holder, amount] of [
        [s.holders[1], 5_000_000n * COIN],
        [s.holders[2], 2_000_000n * COIN],
        [s.holders[3], 1n],
      ] as const) {
        await expect(s.petitions.connect(holder).withdraw(id)).to.changeEtherBalance(ethers, holder, amount);
      }
    });

    it("fails when support is under the threshold; everyone withdraws; the bond comes back", async function () {
      const s = await loadFixture(deployCommunity);
      const { id } = await openNoConfidence(s);
      await lock(s, id, s.holders[1], true, PETITION_THRESHOLD - 1n);
      await waitForClose(s, id);
      const before = await s.governor.latestProposalId();
      await expect(s.petitions.settle(id))
        .to.emit(s.petitions, "PetitionSettled")
        .withArgs(id, PetitionStatus.Failed, PETITION_THRESHOLD - 1n, 0n, 0n);
      expect(await s.governor.latestProposalId()).to.equal(before);
      await expect(s.petitions.connect(s.holders[1]).withdraw(id)).to.changeEtherBalance(
        ethers,
        s.holders[1],
        PETITION_THRESHOLD - 1n,
      );
      await expect(s.petitions.connect(s.holders[0]).reclaimBond(id)).to.changeEtherBalance(
        ethers,
        s.holders[0],
        PETITION_BOND,
      );
      expect(await balanceOf(s.petitions)).to.equal(0n);
    });

    it("fails when support does not exceed opposition, even above the threshold", async function () {
      const s = await loadFixture(deployCommunity);
      const { id } = await openNoConfidence(s);
      await lock(s, id, s.holders[1], true, 6_000_000n * COIN);
      await lock(s, id, s.holders[2], false, 6_000_000n * COIN);
      await waitForClose(s, id);
      await expect(s.petitions.settle(id))
        .to.emit(s.petitions, "PetitionSettled")
        .withArgs(id, PetitionStatus.Failed, 6_000_000n * COIN, 6_000_000n * COIN, 0n);
      for (const holder of [s.holders[1], s.holders[2]]) {
        await expect(s.petitions.connect(holder).withdraw(id)).to.changeEtherBalance(
          ethers,
          holder,
          6_000_000n * COIN,
        );
      }
    });

    it("forfeits the bond to the Improvement Reserve when support stays below 1 % of the threshold", async function () {
      const s = await loadFixture(deployCommunity);
      const { id } = await openNoConfidence(s);
      const tiny = PETITION_THRESHOLD / 100n - 1n;
      await lock(s, id, s.holders[1], true, tiny);
      await waitForClose(s, id);
      const tx = s.petitions.settle(id);
      await expect(tx)
        .to.emit(s.petitions, "BondReleased")
        .withArgs(id, await s.reserve.getAddress(), PETITION_BOND, true);
      await expect(tx).to.changeEtherBalances(
        ethers,
        [s.reserve, s.petitions],
        [PETITION_BOND, -PETITION_BOND],
      );
      expect((await s.petitions.petition(id)).bondForfeited).to.equal(true);
      await expect(s.petitions.connect(s.holders[0]).reclaimBond(id))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsBondUnavailable")
        .withArgs(id, s.holders[0].address);
      await expect(s.petitions.connect(s.holders[1]).withdraw(id)).to.changeEtherBalance(
        ethers,
        s.holders[1],
        tiny,
      );
      expect(await balanceOf(s.petitions)).to.equal(0n);
    });

    it("lapses without a motion when the target left before settlement", async function () {
      const s = await loadFixture(qualifiedNoConfidence);
      await s.registry.connect(s.admins[4]).resign(TARGET);
      const before = await s.governor.latestProposalId();
      await expect(s.petitions.settle(s.id))
        .to.emit(s.petitions, "PetitionSettled")
        .withArgs(s.id, PetitionStatus.Lapsed, 6_000_000n * COIN, 1_000_000n * COIN, 0n);
      expect(await s.governor.latestProposalId()).to.equal(before);
      await expect(s.petitions.connect(s.holders[0]).reclaimBond(s.id)).to.changeEtherBalance(
        ethers,
        s.holders[0],
        PETITION_BOND,
      );
    });

    it("reverts with the governor's error while a motion is live on the subject, and can be retried", async function () {
      const s = await loadFixture(qualifiedNoConfidence);
      await s.governor.connect(s.voters[0]).proposeNoConfidence(TARGET, "A member's own motion");
      const live = await s.governor.latestProposalId();
      await expect(s.petitions.settle(s.id))
        .to.be.revertedWithCustomError(s.governor, "GovernorMotionAlreadyLive")
        .withArgs(TARGET, live);
      expect((await s.petitions.petition(s.id)).status).to.equal(PetitionStatus.Open);
      // Withdrawals never wait for settlement.
      await s.petitions.connect(s.holders[1]).withdraw(s.id);
      const m = await memberMotion(s);
      await s.governor.connect(s.guardian).cancel(m.targets, m.values, m.calldatas, m.descriptionHash);
      await expect(s.petitions.settle(s.id)).to.emit(s.governor, "MembershipMotionProposed");
    });

    it("reverts before the close", async function () {
      const s = await loadFixture(deployCommunity);
      const { id } = await openNoConfidence(s);
      await expect(s.petitions.settle(id))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsWindowOpen")
        .withArgs(id, await closeOf(s, id));
    });
  });

  describe("reclaimBond", function () {
    it("reverts for anyone but the opener, before settlement, and twice", async function () {
      const s = await loadFixture(qualifiedNoConfidence);
      await expect(s.petitions.connect(s.holders[0]).reclaimBond(s.id))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsBondUnavailable")
        .withArgs(s.id, s.holders[0].address);
      await s.petitions.settle(s.id);
      await expect(s.petitions.connect(s.holders[1]).reclaimBond(s.id))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsBondUnavailable")
        .withArgs(s.id, s.holders[1].address);
      await s.petitions.connect(s.holders[0]).reclaimBond(s.id);
      await expect(s.petitions.connect(s.holders[0]).reclaimBond(s.id))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsBondUnavailable")
        .withArgs(s.id, s.holders[0].address);
    });
  });

  describe("governance", function () {
    it("classifies every setter as Constitutional (fail-closed default)", async function () {
      const s = await loadFixture(deployCommunity);
      const governor = await s.governor.getAddress();
      const target = await s.petitions.getAddress();
      for (const data of [
        s.petitions.interface.encodeFunctionData("setWindow", [7n * DAY]),
        s.petitions.interface.encodeFunctionData("setThreshold", [COIN]),
        s.petitions.interface.encodeFunctionData("setBond", [0n]),
      ]) {
        expect(await s.policy.classifyAction(governor, target, 0n, data)).to.equal(
          MotionClass.Constitutional,
        );
      }
    });

    it("changes window, threshold and bond by a Constitutional motion; new petitions use them", async function () {
      const s = await loadFixture(deployCommunity);
      const target = await s.petitions.getAddress();
      const i = s.petitions.interface;
      await governanceCall(s, target, i.encodeFunctionData("setWindow", [7n * DAY]), "Window: 7 days");
      await governanceCall(
        s,
        target,
        i.encodeFunctionData("setThreshold", [2n * PETITION_THRESHOLD]),
        "Threshold",
      );
      await governanceCall(s, target, i.encodeFunctionData("setBond", [COIN]), "Bond: 1 coin");
      expect(await s.petitions.window()).to.equal(7n * DAY);
      expect(await s.petitions.threshold()).to.equal(2n * PETITION_THRESHOLD);
      expect(await s.petitions.bond()).to.equal(COIN);
      const openedAt = BigInt(await time.latest()) + 10n;
      await time.setNextBlockTimestamp(openedAt);
      await s.petitions.openNoConfidence(TARGET, "x", { value: COIN });
      const p = await s.petitions.petition(1n);
      expect([p.closesAt, p.threshold, p.bond]).to.deep.equal([
        openedAt + 7n * DAY,
        2n * PETITION_THRESHOLD,
        COIN,
      ]);
    });

    it("reverts for anyone but the timelock, and on values out of bounds", async function () {
      const s = await loadFixture(deployCommunity);
      const p = s.petitions.connect(s.holders[0]);
      for (const call of [() => p.setWindow(DAY), () => p.setThreshold(COIN), () => p.setBond(0n)]) {
        await expect(call())
          .to.be.revertedWithCustomError(s.petitions, "OwnableUnauthorizedAccount")
          .withArgs(s.holders[0].address);
      }
      await networkHelpers.impersonateAccount(await s.timelock.getAddress());
      await networkHelpers.setBalance(await s.timelock.getAddress(), COIN);
      const timelock = await ethers.getSigner(await s.timelock.getAddress());
      const asTimelock = s.petitions.connect(timelock);
      await expect(asTimelock.setWindow(61n * DAY))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsInvalidWindow")
        .withArgs(61n * DAY);
      await expect(asTimelock.setThreshold(0n))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsInvalidThreshold")
        .withArgs(0n);
      await expect(asTimelock.setThreshold(PETITION_BOND))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsInvalidBond")
        .withArgs(PETITION_BOND, PETITION_BOND);
      await expect(asTimelock.setBond(PETITION_THRESHOLD))
        .to.be.revertedWithCustomError(s.petitions, "CommunityPetitionsInvalidBond")
        .withArgs(PETITION_THRESHOLD, PETITION_THRESHOLD);
      await expect(asTimelock.setWindow(DAY)).to.emit(s.petitions, "WindowSet").withArgs(DAY);
      await expect(asTimelock.setBond(COIN - 1n))
        .to.emit(s.petitions, "BondSet")
        .withArgs(COIN - 1n);
      await expect(asTimelock.setThreshold(COIN)).to.emit(s.petitions, "ThresholdSet").withArgs(COIN);
    });
  });
});

/** The actions of a member's no-confidence motion against TARGET, as cancel() takes them. */
async function memberMotion(s: CommunitySystem) {
  return {
    targets: [await s.registry.getAddress()],
    values: [0n],
    calldatas: [s.registry.interface.encodeFunctionData("remove", [TARGET])],
    descriptionHash: ethers.id("A member's own motion"),
  };
}
