/**
 * AdvisorBoard: advisors appointed and removed by Constitutional motions, and their statements of opinion, one per
 * advisor and motion, filed while the motion is Pending or Active.
 *
 * One `describe` per function, the success path first, then one `it` per revert with its custom error and exact
 * arguments and a check that nothing changed.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";

import type { AdvisorBoard } from "../../typechain-types/index.js";
import { timeOf } from "../utils/blocks.js";
import { DAY, ethers, networkHelpers } from "../utils/council.js";
import {
  MotionClass,
  ProposalState,
  deploySystem,
  passAndExecute,
  propose,
  signallingMotion,
  waitForDeadline,
  waitForSnapshot,
} from "../utils/governance.js";
import type { System } from "../utils/governance.js";

enum Recommendation {
  Against,
  For,
  Abstain,
}

const URI = "ipfs://bafyopinion/kgp-31.md";
const HASH = ethers.id("statement of opinion on KGP-31");

interface BoardSystem extends System {
  board: AdvisorBoard;
  owner: HardhatEthersSigner;
  advisor: HardhatEthersSigner;
  advisor2: HardhatEthersSigner;
}

/** The governance system, a board owned by the timelock, and two advisors appointed (the timelock impersonated). */
async function boardSystem(): Promise<BoardSystem> {
  const s = await deploySystem();
  const timelock = await s.timelock.getAddress();
  const board = await ethers.deployContract("AdvisorBoard", [timelock, await s.governor.getAddress()]);
  await networkHelpers.impersonateAccount(timelock);
  await networkHelpers.setBalance(timelock, ethers.parseEther("10"));
  const owner = await ethers.getSigner(timelock);
  const [advisor, advisor2] = s.others;
  await board.connect(owner).appointAdvisor(advisor.address, "Kaia Research");
  await board.connect(owner).appointAdvisor(advisor2.address, "Ecosystem Fund");
  return { ...s, board, owner, advisor, advisor2 };
}

/** A signalling motion, Pending. */
async function pendingMotion(s: System, description = "Signal: KGP-31"): Promise<bigint> {
  return propose(s, await signallingMotion(s, description), s.secretariat);
}

type Opinion = Awaited<ReturnType<AdvisorBoard["opinions"]>>[number];

function plain(o: Opinion) {
  return {
    advisor: o.advisor,
    recommendation: o.recommendation,
    filedAt: o.filedAt,
    contentHash: o.contentHash,
    uri: o.uri,
  };
}

describe("AdvisorBoard", function () {
  describe("constructor", function () {
    it("reverts for a zero governor", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      await expect(
        ethers.deployContract("AdvisorBoard", [await s.timelock.getAddress(), ethers.ZeroAddress]),
      ).to.be.revertedWithCustomError(s.board, "AdvisorBoardZeroAddress");
    });
  });

  describe("appointAdvisor", function () {
    it("is appointed by a Constitutional motion", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      const newcomer = s.others[2];
      const motion = {
        targets: [await s.board.getAddress()],
        values: [0n],
        calldatas: [
          s.board.interface.encodeFunctionData("appointAdvisor", [newcomer.address, "Klaytn Foundation"]),
        ],
        description: "Appoint the Klaytn Foundation as an advisor",
      };
      const id = await passAndExecute(s, motion, s.secretariat);
      expect(await s.governor.motionClass(id)).to.equal(BigInt(MotionClass.Constitutional));
      expect(await s.board.isAdvisor(newcomer.address)).to.equal(true);
      expect(await s.board.advisorName(newcomer.address)).to.equal("Klaytn Foundation");
      expect(await s.board.advisorCount()).to.equal(3n);
      expect(await s.board.advisors(0n, 10n)).to.deep.equal([
        s.advisor.address,
        s.advisor2.address,
        newcomer.address,
      ]);
    });

    it("emits AdvisorAppointed", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      await expect(s.board.connect(s.owner).appointAdvisor(s.others[2].address, "A"))
        .to.emit(s.board, "AdvisorAppointed")
        .withArgs(s.others[2].address, "A");
    });

    it("reverts for anyone but the owner", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      await expect(s.board.connect(s.voters[0]).appointAdvisor(s.others[2].address, "Member"))
        .to.be.revertedWithCustomError(s.board, "OwnableUnauthorizedAccount")
        .withArgs(s.voters[0].address);
      expect(await s.board.isAdvisor(s.others[2].address)).to.equal(false);
    });

    it("reverts for the zero address, an empty or long name, and an advisor already serving", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      await expect(
        s.board.connect(s.owner).appointAdvisor(ethers.ZeroAddress, "Zero"),
      ).to.be.revertedWithCustomError(s.board, "AdvisorBoardZeroAddress");
      await expect(s.board.connect(s.owner).appointAdvisor(s.others[2].address, ""))
        .to.be.revertedWithCustomError(s.board, "AdvisorBoardInvalidName")
        .withArgs(0n);
      await expect(s.board.connect(s.owner).appointAdvisor(s.others[2].address, "x".repeat(65)))
        .to.be.revertedWithCustomError(s.board, "AdvisorBoardInvalidName")
        .withArgs(65n);
      await expect(s.board.connect(s.owner).appointAdvisor(s.advisor.address, "Again"))
        .to.be.revertedWithCustomError(s.board, "AdvisorBoardAlreadyAdvisor")
        .withArgs(s.advisor.address);
      expect(await s.board.advisorCount()).to.equal(2n);
      expect(await s.board.advisorName(s.advisor.address)).to.equal("Kaia Research");
    });
  });

  describe("removeAdvisor", function () {
    it("removes an advisor by a Constitutional motion; its opinions stay on record", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      const opined = await pendingMotion(s);
      await s.board.connect(s.advisor).fileOpinion(opined, Recommendation.For, URI, HASH);
      const motion = {
        targets: [await s.board.getAddress()],
        values: [0n],
        calldatas: [s.board.interface.encodeFunctionData("removeAdvisor", [s.advisor.address])],
        description: "Remove an advisor",
      };
      const id = await passAndExecute(s, motion, s.secretariat);
      expect(await s.governor.motionClass(id)).to.equal(BigInt(MotionClass.Constitutional));
      expect(await s.board.isAdvisor(s.advisor.address)).to.equal(false);
      expect(await s.board.advisorName(s.advisor.address)).to.equal("");
      expect(await s.board.advisors(0n, 10n)).to.deep.equal([s.advisor2.address]);
      expect(await s.board.opinionCount(opined)).to.equal(1n);
      expect((await s.board.opinionOf(opined, s.advisor.address))[0]).to.equal(true);
    });

    it("emits AdvisorRemoved", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      await expect(s.board.connect(s.owner).removeAdvisor(s.advisor.address))
        .to.emit(s.board, "AdvisorRemoved")
        .withArgs(s.advisor.address);
    });

    it("reverts for anyone but the owner, and for an account that is not an advisor", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      await expect(s.board.connect(s.advisor).removeAdvisor(s.advisor.address))
        .to.be.revertedWithCustomError(s.board, "OwnableUnauthorizedAccount")
        .withArgs(s.advisor.address);
      await expect(s.board.connect(s.owner).removeAdvisor(s.others[3].address))
        .to.be.revertedWithCustomError(s.board, "AdvisorBoardNotAdvisor")
        .withArgs(s.others[3].address);
      expect(await s.board.advisorCount()).to.equal(2n);
    });
  });

  describe("fileOpinion", function () {
    it("files one opinion while the motion is Pending, readable per motion and per advisor", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      const id = await pendingMotion(s);
      const tx = await s.board.connect(s.advisor).fileOpinion(id, Recommendation.Against, URI, HASH);
      await expect(tx)
        .to.emit(s.board, "OpinionFiled")
        .withArgs(id, s.advisor.address, Recommendation.Against, URI, HASH);
      const expected = {
        advisor: s.advisor.address,
        recommendation: BigInt(Recommendation.Against),
        filedAt: await timeOf(tx),
        contentHash: HASH,
        uri: URI,
      };
      expect(await s.board.opinionCount(id)).to.equal(1n);
      expect((await s.board.opinions(id, 0n, 10n)).map(plain)).to.deep.equal([expected]);
      const [filed, opinion] = await s.board.opinionOf(id, s.advisor.address);
      expect([filed, plain(opinion)]).to.deep.equal([true, expected]);
      expect((await s.board.opinionOf(id, s.advisor2.address))[0]).to.equal(false);
      expect(await s.board.opinedMotionCount(s.advisor.address)).to.equal(1n);
      expect(await s.board.opinedMotions(s.advisor.address, 0n, 10n)).to.deep.equal([id]);
    });

    it("files while the motion is Active, up to its deadline", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      const id = await pendingMotion(s);
      await networkHelpers.time.setNextBlockTimestamp(await s.governor.proposalDeadline(id));
      await expect(s.board.connect(s.advisor2).fileOpinion(id, Recommendation.Abstain, URI, HASH))
        .to.emit(s.board, "OpinionFiled")
        .withArgs(id, s.advisor2.address, Recommendation.Abstain, URI, HASH);
      expect(await s.governor.state(id)).to.equal(ProposalState.Active);
    });

    it("pages a motion's opinions and an advisor's motions", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      const first = await pendingMotion(s, "Signal: first");
      const second = await pendingMotion(s, "Signal: second");
      await s.board.connect(s.advisor).fileOpinion(first, Recommendation.For, URI, HASH);
      await s.board.connect(s.advisor2).fileOpinion(first, Recommendation.Against, URI, HASH);
      await s.board.connect(s.advisor).fileOpinion(second, Recommendation.Abstain, URI, HASH);
      expect((await s.board.opinions(first, 1n, 1n)).map((o) => o.advisor)).to.deep.equal([
        s.advisor2.address,
      ]);
      expect(await s.board.opinions(first, 2n, 5n)).to.deep.equal([]);
      expect(await s.board.opinedMotions(s.advisor.address, 1n, 100n)).to.deep.equal([second]);
      expect(await s.board.opinedMotions(s.advisor.address, 5n, 1n)).to.deep.equal([]);
      expect(await s.board.advisors(1n, 1n)).to.deep.equal([s.advisor2.address]);
    });

    it("reverts for an account that is not an advisor", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      const id = await pendingMotion(s);
      for (const account of [s.voters[0], s.secretariat, s.others[3]]) {
        await expect(s.board.connect(account).fileOpinion(id, Recommendation.For, URI, HASH))
          .to.be.revertedWithCustomError(s.board, "AdvisorBoardNotAdvisor")
          .withArgs(account.address);
      }
      expect(await s.board.opinionCount(id)).to.equal(0n);
    });

    it("reverts for a removed advisor", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      const id = await pendingMotion(s);
      await s.board.connect(s.owner).removeAdvisor(s.advisor.address);
      await expect(s.board.connect(s.advisor).fileOpinion(id, Recommendation.For, URI, HASH))
        .to.be.revertedWithCustomError(s.board, "AdvisorBoardNotAdvisor")
        .withArgs(s.advisor.address);
      expect(await s.board.opinionCount(id)).to.equal(0n);
    });

    it("reverts for a second opinion on the same motion, also after a reappointment", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      const id = await pendingMotion(s);
      await s.board.connect(s.advisor).fileOpinion(id, Recommendation.For, URI, HASH);
      await expect(s.board.connect(s.advisor).fileOpinion(id, Recommendation.Against, "ipfs://other", HASH))
        .to.be.revertedWithCustomError(s.board, "AdvisorBoardOpinionAlreadyFiled")
        .withArgs(id, s.advisor.address);
      await s.board.connect(s.owner).removeAdvisor(s.advisor.address);
      await s.board.connect(s.owner).appointAdvisor(s.advisor.address, "Kaia Research");
      await expect(s.board.connect(s.advisor).fileOpinion(id, Recommendation.Against, "ipfs://other", HASH))
        .to.be.revertedWithCustomError(s.board, "AdvisorBoardOpinionAlreadyFiled")
        .withArgs(id, s.advisor.address);
      expect(await s.board.opinionCount(id)).to.equal(1n);
      expect((await s.board.opinions(id, 0n, 1n))[0].recommendation).to.equal(BigInt(Recommendation.For));
    });

    it("reverts after voting ends", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      const id = await pendingMotion(s);
      await waitForDeadline(s, id);
      await expect(s.board.connect(s.advisor).fileOpinion(id, Recommendation.For, URI, HASH))
        .to.be.revertedWithCustomError(s.board, "AdvisorBoardVotingClosed")
        .withArgs(id, ProposalState.Defeated);
      expect(await s.board.opinionCount(id)).to.equal(0n);
    });

    it("reverts for a canceled motion", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      const motion = await signallingMotion(s, "Signal: withdrawn");
      const id = await propose(s, motion, s.secretariat);
      await s.governor
        .connect(s.secretariat)
        .cancel(motion.targets, motion.values, motion.calldatas, ethers.id(motion.description));
      await expect(s.board.connect(s.advisor).fileOpinion(id, Recommendation.For, URI, HASH))
        .to.be.revertedWithCustomError(s.board, "AdvisorBoardVotingClosed")
        .withArgs(id, ProposalState.Canceled);
    });

    it("reverts for an unknown motion", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      await expect(s.board.connect(s.advisor).fileOpinion(99n, Recommendation.For, URI, HASH))
        .to.be.revertedWithCustomError(s.board, "AdvisorBoardUnknownMotion")
        .withArgs(99n);
    });

    it("reverts for a recommendation other than Against, For or Abstain", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      const id = await pendingMotion(s);
      await expect(s.board.connect(s.advisor).fileOpinion(id, 3, URI, HASH))
        .to.be.revertedWithCustomError(s.board, "AdvisorBoardInvalidRecommendation")
        .withArgs(3);
      expect(await s.board.opinionCount(id)).to.equal(0n);
    });

    it("reverts for an empty or long URI and a zero content hash", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      const id = await pendingMotion(s);
      await expect(s.board.connect(s.advisor).fileOpinion(id, Recommendation.For, "", HASH))
        .to.be.revertedWithCustomError(s.board, "AdvisorBoardInvalidURI")
        .withArgs(0n);
      await expect(s.board.connect(s.advisor).fileOpinion(id, Recommendation.For, "u".repeat(257), HASH))
        .to.be.revertedWithCustomError(s.board, "AdvisorBoardInvalidURI")
        .withArgs(257n);
      await expect(
        s.board.connect(s.advisor).fileOpinion(id, Recommendation.For, URI, ethers.ZeroHash),
      ).to.be.revertedWithCustomError(s.board, "AdvisorBoardEmptyContentHash");
      expect(await s.board.opinionCount(id)).to.equal(0n);
    });

    it("accepts opinions in a members' extension of the vote", async function () {
      const s = await deploySystem({ voteExtension: 7n * DAY });
      const timelock = await s.timelock.getAddress();
      const board = await ethers.deployContract("AdvisorBoard", [timelock, await s.governor.getAddress()]);
      await networkHelpers.impersonateAccount(timelock);
      await networkHelpers.setBalance(timelock, ethers.parseEther("10"));
      await board
        .connect(await ethers.getSigner(timelock))
        .appointAdvisor(s.others[0].address, "Late advisor");
      const id = await pendingMotion(s);
      await waitForSnapshot(s, id);
      const base = await s.governor.proposalDeadline(id);
      for (const v of s.voters.slice(0, 3)) await s.voteExtension!.connect(v).callForExtension(id);
      await networkHelpers.time.increaseTo(base + DAY);
      await expect(board.connect(s.others[0]).fileOpinion(id, Recommendation.For, URI, HASH)).to.emit(
        board,
        "OpinionFiled",
      );
    });
  });

  describe("views", function () {
    it("reverts for a page above the maximum", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      expect(await s.board.MAX_PAGE()).to.equal(100n);
      for (const call of [
        s.board.opinions(1n, 0n, 101n),
        s.board.opinedMotions(s.advisor.address, 0n, 101n),
        s.board.advisors(0n, 101n),
      ]) {
        await expect(call)
          .to.be.revertedWithCustomError(s.board, "AdvisorBoardPageTooLarge")
          .withArgs(101n, 100n);
      }
    });

    it("reads the governor and the limits", async function () {
      const s = await networkHelpers.loadFixture(boardSystem);
      expect(await s.board.governor()).to.equal(await s.governor.getAddress());
      expect([await s.board.MAX_NAME_LENGTH(), await s.board.MAX_URI_LENGTH()]).to.deep.equal([64n, 256n]);
      expect(await s.board.owner()).to.equal(await s.timelock.getAddress());
    });
  });
});
