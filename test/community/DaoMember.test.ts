/**
 * DAO members end to end: a council member whose voter account is another DAO's timelock votes on council motions
 * through the DAO's own vote (its execution casts `castVoteWithReason`), and a DAO that votes by ERC-1271 signature
 * through a Safe-like wallet it owns (its execution signs the council ballot; anyone relays `castVoteBySig`).
 *
 * The DAO: an OpenZeppelin Governor with its own ERC20Votes token and TimelockController (contracts/mocks/dao): a
 * 1-day voting delay, a 3-day period and a 2-day timelock, 6 days in all, inside the council's 7-day voting period.
 */
import { expect } from "chai";

import { ballotDigest } from "../../scripts/ops/ballots.js";
import { timeOf } from "../utils/blocks.js";
import { DAY, ethers, networkHelpers } from "../utils/council.js";
import { daoDecide, deployDao } from "../utils/dao.js";
import type { Dao } from "../utils/dao.js";
import {
  ProposalState,
  Vote,
  deploySystem,
  propose,
  signallingMotion,
  waitForSnapshot,
} from "../utils/governance.js";
import type { System } from "../utils/governance.js";

const TIMING = { votingDelay: DAY, votingPeriod: 3n * DAY, timelockDelay: 2n * DAY };

/** The council (5 members, one vote each) and a DAO held by three holders. */
async function councilWithDao(): Promise<System & { dao: Dao }> {
  const s = await deploySystem();
  const dao = await deployDao(ethers, s.others.slice(0, 3), TIMING);
  return { ...s, dao };
}

/** Member 1 nominates the DAO's timelock as its voter; the DAO accepts by a decision of its own. */
async function daoVotesForMember1(): Promise<System & { dao: Dao }> {
  const s = await councilWithDao();
  const timelock = await s.dao.timelock.getAddress();
  await s.registry.connect(s.admins[0]).proposeVoter(1n, timelock);
  await daoDecide(s.dao, networkHelpers, {
    target: await s.registry.getAddress(),
    data: s.registry.interface.encodeFunctionData("acceptVoter", [1n]),
    description: "Accept the council seat's voter role",
  });
  return s;
}

/** Member 2's voter becomes a Safe-like wallet owned by the DAO's timelock (the DAO accepts through the wallet). */
async function daoWalletForMember2() {
  const s = await councilWithDao();
  const wallet = await ethers.deployContract("MockSafeWallet", [await s.dao.timelock.getAddress()]);
  const walletAddress = await wallet.getAddress();
  await s.registry.connect(s.admins[1]).proposeVoter(2n, walletAddress);
  await daoDecide(s.dao, networkHelpers, {
    target: walletAddress,
    data: wallet.interface.encodeFunctionData("execute", [
      await s.registry.getAddress(),
      s.registry.interface.encodeFunctionData("acceptVoter", [2n]),
    ]),
    description: "Accept the council seat's voter role through the DAO's wallet",
  });
  return { ...s, wallet, walletAddress };
}

describe("DAO members", function () {
  it("a DAO whose timelock is the voter decides internally, then its execution casts the council vote", async function () {
    const s = await networkHelpers.loadFixture(daoVotesForMember1);
    const daoTimelock = await s.dao.timelock.getAddress();
    expect(await s.registry.memberIdOfVoter(daoTimelock)).to.equal(1n);

    const id = await propose(
      s,
      await signallingMotion(s, "Signal: fund the DAO tooling grant"),
      s.secretariat,
    );
    await waitForSnapshot(s, id);
    const opens = await s.governor.proposalSnapshot(id);
    const closes = await s.governor.proposalDeadline(id);
    // The DAO starts when the council vote opens and finishes 6 days later, a day before it closes.
    const { proposalId: daoId, tx } = await daoDecide(s.dao, networkHelpers, {
      target: await s.governor.getAddress(),
      data: s.governor.interface.encodeFunctionData("castVoteWithReason", [
        id,
        Vote.For,
        "Decided by DAO proposal: fund the tooling grant",
      ]),
      description: "Council motion: vote For",
    });
    const at = await timeOf(tx);
    // Executed at the DAO's ETA: its timelock delay after it was queued, just after its own period ended.
    const daoEta = await s.dao.governor.proposalEta(daoId);
    expect(at).to.equal(daoEta);
    expect(daoEta - (await s.dao.governor.proposalDeadline(daoId))).to.equal(TIMING.timelockDelay + 2n);
    expect(at - opens).to.be.lessThan(TIMING.votingDelay + TIMING.votingPeriod + TIMING.timelockDelay + 10n);
    expect(at).to.be.lessThanOrEqual(closes);
    await expect(tx)
      .to.emit(s.governor, "VoteCast")
      .withArgs(daoTimelock, id, Vote.For, 1n, "Decided by DAO proposal: fund the tooling grant");
    expect(await s.governor.hasMemberVoted(id, 1n)).to.equal(true);
    expect(await s.governor.proposalVotes(id)).to.deep.equal([0n, 1n, 0n]);
    expect(await s.governor.state(id)).to.equal(ProposalState.Active);
  });

  it("a DAO votes by ERC-1271 signature through its Safe-like wallet; anyone relays castVoteBySig", async function () {
    const s = await networkHelpers.loadFixture(daoWalletForMember2);
    expect(await s.registry.memberIdOfVoter(s.walletAddress)).to.equal(2n);
    const id = await propose(s, await signallingMotion(s, "Signal: adopt the DAO roadmap"), s.secretariat);
    await waitForSnapshot(s, id);

    const d = await s.governor.eip712Domain();
    const domain = {
      name: d.name,
      version: d.version,
      chainId: d.chainId,
      verifyingContract: d.verifyingContract,
    };
    const nonce = await s.governor.nonces(s.walletAddress);
    const digest = ballotDigest(domain, id, Vote.Against, s.walletAddress, nonce);
    const relayer = s.others[5];

    // Before the DAO has signed, the wallet refuses the ballot.
    await expect(s.governor.connect(relayer).castVoteBySig(id, Vote.Against, s.walletAddress, "0x"))
      .to.be.revertedWithCustomError(s.governor, "GovernorInvalidSignature")
      .withArgs(s.walletAddress);

    const { tx: signed } = await daoDecide(s.dao, networkHelpers, {
      target: s.walletAddress,
      data: s.wallet.interface.encodeFunctionData("signMessage", [digest]),
      description: "Council motion: sign a ballot Against",
    });
    await expect(signed).to.emit(s.wallet, "MessageSigned").withArgs(digest);
    expect(await s.wallet.isValidSignature(digest, "0x")).to.equal("0x1626ba7e");

    await expect(s.governor.connect(relayer).castVoteBySig(id, Vote.Against, s.walletAddress, "0x"))
      .to.emit(s.governor, "VoteCast")
      .withArgs(s.walletAddress, id, Vote.Against, 1n, "");
    expect(await s.governor.hasMemberVoted(id, 2n)).to.equal(true);
    expect(await s.governor.proposalVotes(id)).to.deep.equal([1n, 0n, 0n]);
    // The nonce moved: the same signed ballot cannot be replayed.
    await expect(s.governor.connect(relayer).castVoteBySig(id, Vote.Against, s.walletAddress, "0x"))
      .to.be.revertedWithCustomError(s.governor, "GovernorInvalidSignature")
      .withArgs(s.walletAddress);
  });

  it("the wallet takes instructions from the DAO's timelock only", async function () {
    const s = await networkHelpers.loadFixture(daoWalletForMember2);
    await expect(s.wallet.connect(s.others[0]).signMessage(ethers.ZeroHash))
      .to.be.revertedWithCustomError(s.wallet, "MockSafeWalletNotOwner")
      .withArgs(s.others[0].address);
    await expect(s.wallet.connect(s.others[0]).execute(s.walletAddress, "0x"))
      .to.be.revertedWithCustomError(s.wallet, "MockSafeWalletNotOwner")
      .withArgs(s.others[0].address);
  });
});
