/**
 * VoteExtension and the governor's GovernorVoteExtension: members' call to extend a live vote (KGP-25).
 *
 * One `describe` per function, the success path first, then one `it` per revert with its custom error and exact
 * arguments and a check that nothing changed. The late-quorum `describe` drives OpenZeppelin's extension and the
 * members' extension on the same motion, in both orders, with pinned timestamps.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type { ContractTransactionResponse } from "ethers";

import type { VoteExtension } from "../../typechain-types/index.js";
import { timeOf } from "../utils/blocks.js";
import { DAY, ethers, networkHelpers } from "../utils/council.js";
import {
  LATE_QUORUM_EXTENSION,
  MotionClass,
  ProposalState,
  QUEUE_WINDOW,
  Vote,
  deploySystem,
  passAndExecute,
  propose,
  signallingMotion,
  voteAll,
  waitForSnapshot,
} from "../utils/governance.js";
import type { System } from "../utils/governance.js";

const WEEK = 7n * DAY;

/** Five members with one vote each: more than half of 5 eligible is 3 calls. */
async function extensionSystem(): Promise<System & { ext: VoteExtension }> {
  const s = await deploySystem({ voteExtension: WEEK });
  return { ...s, ext: s.voteExtension! };
}

/** As above, but member 5 has no stake: 4 eligible at the snapshot, 3 calls needed. */
async function idleMemberSystem(): Promise<System & { ext: VoteExtension }> {
  const s = await deploySystem({ voteExtension: WEEK, stakes: [1n, 1n, 1n, 1n, 0n] });
  return { ...s, ext: s.voteExtension! };
}

/** The system deployed without a vote extension (the governor's extension address is zero). */
function systemWithoutExtension(): Promise<System> {
  return deploySystem();
}

/** A signalling motion whose vote is open (one second after its snapshot). */
async function activeMotion(s: System, description = "Signal: extend me"): Promise<bigint> {
  const id = await propose(s, await signallingMotion(s, description), s.secretariat);
  await waitForSnapshot(s, id);
  return id;
}

/** The timelock (the contract's owner), impersonated. */
async function asTimelock(s: System): Promise<HardhatEthersSigner> {
  const address = await s.timelock.getAddress();
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, ethers.parseEther("10"));
  return ethers.getSigner(address);
}

/** A second VoteExtension on the fixture's vault (1-day amount), deployed by the deployer and not yet bound. */
async function unboundExtension(s: System): Promise<VoteExtension> {
  return ethers.deployContract("VoteExtension", [
    await s.timelock.getAddress(),
    await s.vault.getAddress(),
    DAY,
  ]);
}

/** The call granted a week: both contracts' events carry the new deadline, which `proposalDeadline` now returns. */
async function expectGrant(
  s: System & { ext: VoteExtension },
  call: Promise<ContractTransactionResponse>,
  id: bigint,
  deadline: bigint,
): Promise<void> {
  await expect(call).to.emit(s.ext, "VoteExtended").withArgs(id, WEEK, deadline);
  await expect(call).to.emit(s.governor, "ProposalExtended").withArgs(id, deadline);
  expect(await s.governor.proposalDeadline(id)).to.equal(deadline);
}

async function callAll(ext: VoteExtension, id: bigint, voters: HardhatEthersSigner[]): Promise<void> {
  for (const v of voters) await ext.connect(v).callForExtension(id);
}

describe("VoteExtension", function () {
  describe("constructor", function () {
    it("starts with the deployment amount, unbound", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      expect(await s.ext.extensionAmount()).to.equal(WEEK);
      expect(await s.ext.governor()).to.equal(await s.governor.getAddress());
      expect(await s.ext.stakeVault()).to.equal(await s.vault.getAddress());
      expect(await s.ext.owner()).to.equal(await s.timelock.getAddress());
      expect([await s.ext.MIN_EXTENSION(), await s.ext.MAX_EXTENSION()]).to.deep.equal([DAY, WEEK]);
    });

    it("reverts when the amount is outside 1 to 7 days", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const factory = await ethers.getContractFactory("VoteExtension");
      const args = [await s.timelock.getAddress(), await s.vault.getAddress()] as const;
      await expect(factory.deploy(...args, DAY - 1n))
        .to.be.revertedWithCustomError(s.ext, "VoteExtensionInvalidAmount")
        .withArgs(DAY - 1n, DAY, WEEK);
      await expect(factory.deploy(...args, WEEK + 1n))
        .to.be.revertedWithCustomError(s.ext, "VoteExtensionInvalidAmount")
        .withArgs(WEEK + 1n, DAY, WEEK);
    });
  });

  describe("bindGovernor", function () {
    it("binds once, by the deployer, a governor on the same vault", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const fresh = await unboundExtension(s);
      await expect(fresh.bindGovernor(await s.governor.getAddress()))
        .to.emit(fresh, "GovernorBound")
        .withArgs(await s.governor.getAddress());
      expect(await fresh.governor()).to.equal(await s.governor.getAddress());
    });

    it("reverts for anyone but the deployer, and a second time", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const governor = await s.governor.getAddress();
      await expect(s.ext.connect(s.others[0]).bindGovernor(governor)).to.be.revertedWithCustomError(
        s.ext,
        "VoteExtensionBindingClosed",
      );
      await expect(s.ext.bindGovernor(governor)).to.be.revertedWithCustomError(
        s.ext,
        "VoteExtensionBindingClosed",
      );
      expect(await s.ext.governor()).to.equal(governor);
    });

    it("reverts for an account without code or a governor on another vault", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const other = await deploySystem({ voteExtension: DAY });
      const fresh = await unboundExtension(s);
      await expect(fresh.bindGovernor(s.others[0].address))
        .to.be.revertedWithCustomError(fresh, "VoteExtensionGovernorMismatch")
        .withArgs(s.others[0].address);
      await expect(fresh.bindGovernor(await other.governor.getAddress()))
        .to.be.revertedWithCustomError(fresh, "VoteExtensionGovernorMismatch")
        .withArgs(await other.governor.getAddress());
      expect(await fresh.governor()).to.equal(ethers.ZeroAddress);
    });
  });

  describe("callForExtension", function () {
    it("counts one call per member and moves the deadline by the amount when more than half have called", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const id = await activeMotion(s);
      const before = await s.governor.proposalDeadline(id);
      await expect(s.ext.connect(s.voters[0]).callForExtension(id))
        .to.emit(s.ext, "ExtensionCalled")
        .withArgs(id, 1n, 1n, 3n);
      await expect(s.ext.connect(s.voters[1]).callForExtension(id))
        .to.emit(s.ext, "ExtensionCalled")
        .withArgs(id, 2n, 2n, 3n);
      // Two of five is not more than half: nothing moved.
      expect(await s.governor.proposalDeadline(id)).to.equal(before);
      expect(await s.ext.extensionStatus(id)).to.deep.equal([2n, 3n, 0n]);

      const third = s.ext.connect(s.voters[2]).callForExtension(id);
      await expect(third).to.emit(s.ext, "ExtensionCalled").withArgs(id, 3n, 3n, 3n);
      await expectGrant(s, third, id, before + WEEK);
      expect(await s.ext.extensionStatus(id)).to.deep.equal([3n, 3n, before + WEEK]);
      expect(await s.ext.hasCalled(id, 3n)).to.equal(true);
      expect(await s.ext.hasCalled(id, 4n)).to.equal(false);

      // Still Active past the original deadline; members vote in the added week.
      await networkHelpers.time.increaseTo(before + 1n);
      expect(await s.governor.state(id)).to.equal(ProposalState.Active);
      await voteAll(s, id, s.voters, Vote.For);
      await networkHelpers.time.increaseTo(before + WEEK + 1n);
      expect(await s.governor.state(id)).to.equal(ProposalState.Succeeded);
    });

    it("counts the queue window from the extended deadline", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const id = await activeMotion(s);
      const before = await s.governor.proposalDeadline(id);
      await callAll(s.ext, id, s.voters.slice(0, 3));
      await voteAll(s, id, s.voters, Vote.For);
      await networkHelpers.time.increaseTo(before + WEEK + QUEUE_WINDOW);
      expect(await s.governor.state(id)).to.equal(ProposalState.Succeeded);
      await networkHelpers.time.increaseTo(before + WEEK + QUEUE_WINDOW + 1n);
      expect(await s.governor.state(id)).to.equal(ProposalState.Expired);
    });

    it("leaves a no-confidence target out of the count", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      await s.governor.connect(s.voters[1]).proposeNoConfidence(1n, "No confidence in member 1");
      const id = await s.governor.latestProposalId();
      await waitForSnapshot(s, id);
      // 5 eligible, the target left out: 4, so 3 calls are needed.
      await expect(s.ext.connect(s.voters[1]).callForExtension(id))
        .to.emit(s.ext, "ExtensionCalled")
        .withArgs(id, 2n, 1n, 3n);
      await expect(s.ext.connect(s.voters[0]).callForExtension(id))
        .to.be.revertedWithCustomError(s.ext, "VoteExtensionMemberExcluded")
        .withArgs(id, 1n);
      expect(await s.ext.extensionStatus(id)).to.deep.equal([1n, 3n, 0n]);
      expect(await s.ext.hasCalled(id, 1n)).to.equal(false);
    });

    it("reverts before voting opens", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const id = await propose(s, await signallingMotion(s), s.secretariat);
      await expect(s.ext.connect(s.voters[0]).callForExtension(id))
        .to.be.revertedWithCustomError(s.ext, "VoteExtensionVoteNotActive")
        .withArgs(id, ProposalState.Pending);
      expect(await s.ext.extensionStatus(id)).to.deep.equal([0n, 0n, 0n]);
    });

    it("reverts after the deadline, and the deadline stays", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const id = await activeMotion(s);
      const deadline = await s.governor.proposalDeadline(id);
      await callAll(s.ext, id, s.voters.slice(0, 2));
      await networkHelpers.time.increaseTo(deadline + 1n);
      await expect(s.ext.connect(s.voters[2]).callForExtension(id))
        .to.be.revertedWithCustomError(s.ext, "VoteExtensionVoteNotActive")
        .withArgs(id, ProposalState.Defeated);
      expect(await s.governor.proposalDeadline(id)).to.equal(deadline);
      expect(await s.ext.hasCalled(id, 3n)).to.equal(false);
    });

    it("reverts for a motion already extended", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const id = await activeMotion(s);
      const before = await s.governor.proposalDeadline(id);
      await callAll(s.ext, id, s.voters.slice(0, 3));
      await expect(s.ext.connect(s.voters[3]).callForExtension(id))
        .to.be.revertedWithCustomError(s.ext, "VoteExtensionAlreadyExtended")
        .withArgs(id, before + WEEK);
      expect(await s.governor.proposalDeadline(id)).to.equal(before + WEEK);
      expect(await s.ext.hasCalled(id, 4n)).to.equal(false);
    });

    it("reverts when a member calls twice", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const id = await activeMotion(s);
      await s.ext.connect(s.voters[0]).callForExtension(id);
      await expect(s.ext.connect(s.voters[0]).callForExtension(id))
        .to.be.revertedWithCustomError(s.ext, "VoteExtensionAlreadyCalled")
        .withArgs(id, 1n);
      expect((await s.ext.extensionStatus(id))[0]).to.equal(1n);
    });

    it("reverts for an account that is not a member's current voter", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const id = await activeMotion(s);
      for (const account of [s.others[0], s.admins[0], s.secretariat]) {
        await expect(s.ext.connect(account).callForExtension(id))
          .to.be.revertedWithCustomError(s.ext, "VoteExtensionNotMember")
          .withArgs(account.address);
      }
      expect((await s.ext.extensionStatus(id))[0]).to.equal(0n);
    });

    it("reverts for a member that held no votes at the snapshot", async function () {
      const s = await networkHelpers.loadFixture(idleMemberSystem);
      const id = await activeMotion(s);
      await expect(s.ext.connect(s.voters[4]).callForExtension(id))
        .to.be.revertedWithCustomError(s.ext, "VoteExtensionNotEligible")
        .withArgs(id, 5n);
      // 4 eligible: 3 calls needed.
      await expect(s.ext.connect(s.voters[0]).callForExtension(id))
        .to.emit(s.ext, "ExtensionCalled")
        .withArgs(id, 1n, 1n, 3n);
      expect(await s.ext.hasCalled(id, 5n)).to.equal(false);
    });

    it("reverts while no governor is bound", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const fresh = await unboundExtension(s);
      await expect(fresh.connect(s.voters[0]).callForExtension(1n)).to.be.revertedWithCustomError(
        fresh,
        "VoteExtensionNotBound",
      );
      await expect(fresh.extensionStatus(1n)).to.be.revertedWithCustomError(fresh, "VoteExtensionNotBound");
    });
  });

  describe("GovernorVoteExtension.extendVote", function () {
    it("reverts for anyone but the vote-extension contract", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const id = await activeMotion(s);
      const deadline = await s.governor.proposalDeadline(id);
      await expect(s.governor.connect(s.voters[0]).extendVote(id, deadline + WEEK))
        .to.be.revertedWithCustomError(s.governor, "GovernorOnlyVoteExtension")
        .withArgs(s.voters[0].address);
      expect(await s.governor.proposalDeadline(id)).to.equal(deadline);
    });

    it("refuses a deadline beyond 48 bits (kept in the tally's slot) and changes nothing", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const id = await activeMotion(s);
      const deadline = await s.governor.proposalDeadline(id);
      const extAddress = await s.ext.getAddress();
      await networkHelpers.impersonateAccount(extAddress);
      await networkHelpers.setBalance(extAddress, 10n ** 18n);
      const ext = await ethers.getSigner(extAddress);
      await expect(s.governor.connect(ext).extendVote(id, 1n << 48n))
        .to.be.revertedWithCustomError(s.governor, "SafeCastOverflowedUintDowncast")
        .withArgs(48, 1n << 48n);
      expect(await s.governor.proposalDeadline(id)).to.equal(deadline);
      await expect(s.governor.connect(ext).extendVote(id, deadline + WEEK))
        .to.emit(s.governor, "ProposalExtended")
        .withArgs(id, deadline + WEEK);
      expect(await s.governor.proposalDeadline(id)).to.equal(deadline + WEEK);
    });

    it("is closed to everyone on a governor deployed without a vote extension", async function () {
      const s = await networkHelpers.loadFixture(systemWithoutExtension);
      const id = await activeMotion(s);
      const deadline = await s.governor.proposalDeadline(id);
      await expect(s.governor.connect(s.voters[0]).extendVote(id, deadline + WEEK))
        .to.be.revertedWithCustomError(s.governor, "GovernorOnlyVoteExtension")
        .withArgs(s.voters[0].address);
    });
  });

  describe("composition with the late-quorum extension", function () {
    it("members' extension first, then quorum reached late: the late-quorum extension runs from the quorum", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const id = await activeMotion(s);
      const base = await s.governor.proposalDeadline(id);
      await callAll(s.ext, id, s.voters.slice(0, 3));
      expect(await s.governor.proposalDeadline(id)).to.equal(base + WEEK);
      // Quorum (2 of 5 members) first reached one day before the extended deadline.
      await networkHelpers.time.setNextBlockTimestamp(base + WEEK - DAY - 1n);
      await s.governor.connect(s.voters[0]).castVote(id, Vote.For);
      await networkHelpers.time.setNextBlockTimestamp(base + WEEK - DAY);
      const tx = await s.governor.connect(s.voters[1]).castVote(id, Vote.For);
      expect(await timeOf(tx)).to.equal(base + WEEK - DAY);
      await expect(tx)
        .to.emit(s.governor, "ProposalExtended")
        .withArgs(id, base + WEEK - DAY + LATE_QUORUM_EXTENSION);
      expect(await s.governor.proposalDeadline(id)).to.equal(base + WEEK - DAY + LATE_QUORUM_EXTENSION);
    });

    it("quorum reached late first, then the members' extension: the deadline moves by exactly the amount", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const id = await activeMotion(s);
      const base = await s.governor.proposalDeadline(id);
      await networkHelpers.time.setNextBlockTimestamp(base - DAY - 1n);
      await s.governor.connect(s.voters[0]).castVote(id, Vote.For);
      await networkHelpers.time.setNextBlockTimestamp(base - DAY);
      await s.governor.connect(s.voters[1]).castVote(id, Vote.For);
      const late = base - DAY + LATE_QUORUM_EXTENSION;
      expect(await s.governor.proposalDeadline(id)).to.equal(late);
      await callAll(s.ext, id, s.voters.slice(0, 2));
      await expectGrant(s, s.ext.connect(s.voters[2]).callForExtension(id), id, late + WEEK);
    });

    it("quorum reached early, then the members' extension: the scheduled deadline moves by the amount", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const id = await activeMotion(s);
      const base = await s.governor.proposalDeadline(id);
      await voteAll(s, id, s.voters.slice(0, 2), Vote.For);
      expect(await s.governor.proposalDeadline(id)).to.equal(base);
      await callAll(s.ext, id, s.voters.slice(0, 3));
      expect(await s.governor.proposalDeadline(id)).to.equal(base + WEEK);
    });

    it("members' extension first, then quorum reached early in the added week: no late-quorum move", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const id = await activeMotion(s);
      const base = await s.governor.proposalDeadline(id);
      await callAll(s.ext, id, s.voters.slice(0, 3));
      // One day after the original deadline: 6 days remain, more than the 2-day late-quorum extension.
      await networkHelpers.time.setNextBlockTimestamp(base + DAY);
      await s.governor.connect(s.voters[0]).castVote(id, Vote.For);
      const tx = s.governor.connect(s.voters[1]).castVote(id, Vote.For);
      await expect(tx).not.to.emit(s.governor, "ProposalExtended");
      expect(await s.governor.proposalDeadline(id)).to.equal(base + WEEK);
    });
  });

  describe("setExtensionAmount", function () {
    it("sets the amount for motions created in later blocks; a running motion keeps its own", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const first = await propose(s, await signallingMotion(s, "Signal: first"), s.secretariat);
      const owner = await asTimelock(s);
      await expect(s.ext.connect(owner).setExtensionAmount(2n * DAY))
        .to.emit(s.ext, "ExtensionAmountSet")
        .withArgs(WEEK, 2n * DAY);
      const second = await propose(s, await signallingMotion(s, "Signal: second"), s.secretariat);
      expect(await s.ext.extensionAmount()).to.equal(2n * DAY);
      expect(await s.ext.motionExtensionAmount(first)).to.equal(WEEK);
      expect(await s.ext.motionExtensionAmount(second)).to.equal(2n * DAY);

      await waitForSnapshot(s, second);
      const firstDeadline = await s.governor.proposalDeadline(first);
      const secondDeadline = await s.governor.proposalDeadline(second);
      await callAll(s.ext, first, s.voters.slice(0, 3));
      await callAll(s.ext, second, s.voters.slice(0, 3));
      expect(await s.governor.proposalDeadline(first)).to.equal(firstDeadline + WEEK);
      expect(await s.governor.proposalDeadline(second)).to.equal(secondDeadline + 2n * DAY);
    });

    it("is changed by a Constitutional motion", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const motion = {
        targets: [await s.ext.getAddress()],
        values: [0n],
        calldatas: [s.ext.interface.encodeFunctionData("setExtensionAmount", [3n * DAY])],
        description: "Set the vote extension to 3 days",
      };
      const id = await passAndExecute(s, motion, s.secretariat);
      expect(await s.governor.motionClass(id)).to.equal(BigInt(MotionClass.Constitutional));
      expect(await s.ext.extensionAmount()).to.equal(3n * DAY);
    });

    it("reverts for anyone but the owner", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      await expect(s.ext.connect(s.voters[0]).setExtensionAmount(DAY))
        .to.be.revertedWithCustomError(s.ext, "OwnableUnauthorizedAccount")
        .withArgs(s.voters[0].address);
      expect(await s.ext.extensionAmount()).to.equal(WEEK);
    });

    it("reverts outside 1 to 7 days", async function () {
      const s = await networkHelpers.loadFixture(extensionSystem);
      const owner = await asTimelock(s);
      for (const amount of [0n, DAY - 1n, WEEK + 1n]) {
        await expect(s.ext.connect(owner).setExtensionAmount(amount))
          .to.be.revertedWithCustomError(s.ext, "VoteExtensionInvalidAmount")
          .withArgs(amount, DAY, WEEK);
      }
      expect(await s.ext.extensionAmount()).to.equal(WEEK);
    });
  });
});
