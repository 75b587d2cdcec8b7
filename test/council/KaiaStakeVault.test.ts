/**
 * KaiaStakeVault: council votes from Kaia CnStaking contracts (V2 and V3 mocks written from Kaia's documented
 * interface), in tracker mode (members point their CnStaking here) and read mode (Kaia's tracker stays; anyone
 * refreshes). Each of the named cases has its test: flash stake, a dropped callback, coin forced into a
 * CnStaking, a member switching trackers mid-vote, V3 withdrawals when a refresh would fail, an unlinked contract.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";

import type {
  AddressBookMock,
  CnStakingV2Mock,
  CnStakingV3Mock,
  CouncilRegistry,
  KaiaStakeVault,
} from "../../typechain-types/index.js";
import { DAY, RICH, SPONSORSHIP_WINDOW, ethers, networkHelpers, nodeAddress } from "../utils/council.js";

const UNIT = ethers.parseEther("1000");
const LOCKUP = 7n * DAY;

interface KaiaCouncil {
  registry: CouncilRegistry;
  vault: KaiaStakeVault;
  book: AddressBookMock;
  governance: HardhatEthersSigner;
  admins: HardhatEthersSigner[];
  voters: HardhatEthersSigner[];
  stranger: HardhatEthersSigner;
  /** Member 1's V3, member 2's V2, member 3's V3; member 4 has none linked. */
  cn: [CnStakingV3Mock, CnStakingV2Mock, CnStakingV3Mock];
}

async function deployKaia(trackerMode: boolean): Promise<KaiaCouncil> {
  const signers = await ethers.getSigners();
  const [, governance] = signers;
  const admins = signers.slice(2, 6);
  const voters = signers.slice(6, 10);
  const stranger = signers[10];
  for (const s of signers.slice(0, 11)) await networkHelpers.setBalance(s.address, RICH);
  const registry = await ethers.deployContract("CouncilRegistry", [
    governance.address,
    1n,
    10n,
    SPONSORSHIP_WINDOW,
    admins.map((admin, i) => ({
      name: `Member ${i + 1}`,
      metadataURI: `https://member${i + 1}.example`,
      admin: admin.address,
      voter: voters[i].address,
      nodes: [nodeAddress(500 + i)],
    })),
  ]);
  const book = await ethers.deployContract("AddressBookMock");
  const vault = await ethers.deployContract("KaiaStakeVault", [
    await registry.getAddress(),
    await book.getAddress(),
    trackerMode,
    UNIT,
    DAY,
    DAY,
    governance.address,
  ]);
  await registry.bindStakeVault(await vault.getAddress());
  const cn1 = await ethers.deployContract("CnStakingV3Mock", [admins[0].address, nodeAddress(500), 1n]);
  const cn2 = await ethers.deployContract("CnStakingV2Mock", [admins[1].address, nodeAddress(501), 2n]);
  const cn3 = await ethers.deployContract("CnStakingV3Mock", [admins[2].address, nodeAddress(502), 3n]);
  const cn: [CnStakingV3Mock, CnStakingV2Mock, CnStakingV3Mock] = [cn1, cn2, cn3];
  for (const [i, c] of cn.entries()) {
    if (trackerMode) await c.connect(admins[i]).setStakingTracker(await vault.getAddress());
    // The initial lockup (no callback) is empty here; the free stake, which withdrawals draw on, is 10 units.
    await c.connect(admins[i]).depositLockupStakingAndInit();
    await c.connect(admins[i]).stakeKlay({ value: 10n * UNIT });
    await book.register(nodeAddress(500 + i), await c.getAddress(), admins[i].address);
  }
  return { registry, vault, book, governance, admins, voters, stranger, cn };
}

/** Tracker mode, the three contracts linked by governance: 10 units each, cap 2. */
async function trackerCouncil(): Promise<KaiaCouncil> {
  const k = await deployKaia(true);
  for (const [i, c] of k.cn.entries())
    await k.vault.connect(k.governance).linkStaking(i + 1, await c.getAddress());
  return k;
}

/** Read mode, nothing linked yet. */
function readCouncil(): Promise<KaiaCouncil> {
  return deployKaia(false);
}

/**
 * A candidate (the next id) that applied with node 600, voting with its own account, and its CnStaking (V3, gcId 7, two
 * units), which the AddressBook lists for node 600. The candidate's admin account is also the CnStaking's admin.
 */
async function candidate(k: KaiaCouncil) {
  const signers = await ethers.getSigners();
  const multisig = signers[11];
  await networkHelpers.setBalance(multisig.address, RICH);
  await k.registry
    .connect(multisig)
    .applyForMembership("Candidate", "https://candidate.example", multisig.address, [nodeAddress(600)]);
  const id = await k.registry.memberCount();
  const cn = await ethers.deployContract("CnStakingV3Mock", [multisig.address, nodeAddress(600), 7n]);
  await cn.connect(multisig).depositLockupStakingAndInit();
  await cn.connect(multisig).stakeKlay({ value: 2n * UNIT });
  await k.book.register(nodeAddress(600), await cn.getAddress(), multisig.address);
  return { id, cn, multisig };
}

async function latest(): Promise<bigint> {
  return BigInt(await networkHelpers.time.latest());
}

describe("KaiaStakeVault", function () {
  describe("tracker mode", function () {
    it("answers CnStaking's tracker checks", async function () {
      const k = await networkHelpers.loadFixture(trackerCouncil);
      expect(await k.vault.CONTRACT_TYPE()).to.equal("StakingTracker");
      expect(await k.vault.VERSION()).to.equal(1n);
      expect(await k.vault.getLiveTrackerIds()).to.deep.equal([]);
      expect(await k.vault.voterToGCId(k.voters[0].address)).to.equal(ethers.ZeroAddress);
      expect(await k.vault.trackerMode()).to.equal(true);
      expect(await k.vault.addressBook()).to.equal(await k.book.getAddress());
    });

    it("follows each CnStaking's balance, keeps past snapshots and holds the cap", async function () {
      const k = await networkHelpers.loadFixture(trackerCouncil);
      expect(await k.vault.eligibleCount()).to.equal(3n);
      expect(await k.vault.getVotes(k.voters[0].address)).to.equal(2n);
      expect(await k.vault.stakeOf(1n)).to.equal(10n * UNIT);
      const before = await latest();

      // Member 2 (V2) approves a withdrawal of 9.5 units: its callback moves its votes to 0 units → ineligible.
      const cn2 = await k.cn[1].getAddress();
      const approve = k.cn[1]
        .connect(k.admins[1])
        .approveStakingWithdrawal(k.admins[1].address, (19n * UNIT) / 2n);
      await expect(approve)
        .to.emit(k.vault, "StakeRefreshed")
        .withArgs(cn2, 2n, UNIT / 2n, UNIT / 2n);
      await expect(approve).to.emit(k.vault, "EligibilityChanged").withArgs(2n, false, 2n);
      await expect(approve).to.emit(k.vault, "VoteCapChanged").withArgs(1n, 2n);
      expect(await k.vault.getVotes(k.voters[0].address)).to.equal(1n);
      expect(await k.vault.getVotes(k.voters[1].address)).to.equal(0n);
      await networkHelpers.mine();
      expect(await k.vault.getPastVotes(k.voters[0].address, before)).to.equal(2n);
      expect(await k.vault.getPastVotes(k.voters[1].address, before)).to.equal(2n);
      expect(await k.vault.getPastTotalSupply(before)).to.equal(6n);

      // Member 1 (V3) stakes more: its votes stay at the cap.
      await k.cn[0].connect(k.admins[0]).stakeKlay({ value: 100n * UNIT });
      expect(await k.vault.stakeOf(1n)).to.equal(110n * UNIT);
      expect(await k.vault.getVotes(k.voters[0].address)).to.equal(1n);
      expect(await k.vault.totalVotes()).to.equal(2n);
    });

    it("refuses the bonding entry points", async function () {
      const k = await networkHelpers.loadFixture(trackerCouncil);
      await expect(k.vault.connect(k.admins[0]).stake(UNIT, { value: UNIT })).to.be.revertedWithCustomError(
        k.vault,
        "KaiaStakeVaultBondingDisabled",
      );
      await expect(k.vault.stakeFor(1n, UNIT, { value: UNIT })).to.be.revertedWithCustomError(
        k.vault,
        "KaiaStakeVaultBondingDisabled",
      );
      await expect(k.vault.connect(k.admins[0]).requestUnstake(1n, UNIT)).to.be.revertedWithCustomError(
        k.vault,
        "KaiaStakeVaultBondingDisabled",
      );
      await expect(k.vault.connect(k.admins[0]).restake(1n, 0n)).to.be.revertedWithCustomError(
        k.vault,
        "KaiaStakeVaultBondingDisabled",
      );
    });

    it("flash stake: coin staked and refreshed now never shows at an earlier snapshot", async function () {
      const k = await networkHelpers.loadFixture(trackerCouncil);
      await k.cn[1].connect(k.admins[1]).approveStakingWithdrawal(k.admins[1].address, 10n * UNIT);
      await networkHelpers.mine();
      const snapshot = await latest();
      await networkHelpers.mine();
      // Member 2 stakes back in one block: it counts from now on only.
      await k.cn[1].connect(k.admins[1]).stakeKlay({ value: 1000n * UNIT });
      const at = await latest();
      await networkHelpers.mine();
      expect(await k.vault.getPastVotes(k.voters[1].address, snapshot)).to.equal(0n);
      expect(await k.vault.getPastVotes(k.voters[1].address, at)).to.equal(2n);
      expect(await k.vault.getPastTotalSupply(snapshot)).to.equal(2n);
    });

    it("a dropped V2 callback leaves a stale record that anyone corrects", async function () {
      const k = await networkHelpers.loadFixture(trackerCouncil);
      const cn2 = await k.cn[1].getAddress();
      await k.cn[1].setCallbackGas(5_000n);
      // The callback runs out of gas inside the vault; V2 ignores the failure and the withdrawal goes through.
      const approve = k.cn[1].connect(k.admins[1]).approveStakingWithdrawal(k.admins[1].address, 10n * UNIT);
      await expect(approve).not.to.emit(k.vault, "StakeRefreshed");
      expect(await k.cn[1].unstaking()).to.equal(10n * UNIT);
      expect(await k.vault.stakeOf(2n)).to.equal(10n * UNIT);
      expect(await k.vault.effectiveStake(cn2)).to.equal(0n);
      // Anyone refreshes: the record is correct again.
      await expect(k.vault.connect(k.stranger).refreshStake(cn2))
        .to.emit(k.vault, "StakeRefreshed")
        .withArgs(cn2, 2n, 0n, 0n);
      expect(await k.vault.getVotes(k.voters[1].address)).to.equal(0n);
      expect(await k.vault.eligibleCount()).to.equal(2n);
    });

    it("coin forced into a CnStaking counts like Kaia's tracker counts it: balance − unstaking", async function () {
      const k = await networkHelpers.loadFixture(trackerCouncil);
      const cn3 = await k.cn[2].getAddress();
      // A selfdestruct (or a block reward) raises the balance without a callback.
      await networkHelpers.setBalance(cn3, 40n * UNIT);
      expect(await k.vault.stakeOf(3n)).to.equal(10n * UNIT);
      await k.vault.connect(k.stranger).refreshStake(cn3);
      expect(await k.vault.stakeOf(3n)).to.equal(40n * UNIT);
      // The cap holds: forced coin buys no more than eligible − 1 votes.
      expect(await k.vault.getVotes(k.voters[2].address)).to.equal(2n);
      expect(await k.vault.totalVotes()).to.equal(6n);
    });

    it("a member switching trackers mid-vote keeps its snapshot votes and loses them for later snapshots", async function () {
      const k = await networkHelpers.loadFixture(trackerCouncil);
      const cn1 = await k.cn[0].getAddress();
      await networkHelpers.mine();
      const snapshot = await latest();
      const other = await ethers.deployContract("KaiaStakeVault", [
        await k.registry.getAddress(),
        await k.book.getAddress(),
        true,
        UNIT,
        DAY,
        DAY,
        k.governance.address,
      ]);
      // The CnStaking refreshes us first, then switches: we record its stake as it was.
      await k.cn[0].connect(k.admins[0]).updateStakingTracker(await other.getAddress());
      expect(await k.cn[0].stakingTracker()).to.equal(await other.getAddress());
      expect(await k.vault.effectiveStake(cn1)).to.equal(0n);
      // It now withdraws: we are no longer told, but anyone's refresh sees it points elsewhere and counts 0.
      await k.vault.connect(k.stranger).refreshStake(cn1);
      expect(await k.vault.stakeOf(1n)).to.equal(0n);
      expect(await k.vault.getVotes(k.voters[0].address)).to.equal(0n);
      await networkHelpers.mine();
      expect(await k.vault.getPastVotes(k.voters[0].address, snapshot)).to.equal(2n);
    });

    it("V3 withdrawals keep working when a refresh fails", async function () {
      const k = await networkHelpers.loadFixture(trackerCouncil);
      const cn3 = await k.cn[2].getAddress();
      // A balance no stake record can hold (above 2^128 wei) makes the refresh itself fail inside the vault.
      await networkHelpers.setBalance(cn3, 2n ** 130n);
      const approve = k.cn[2].connect(k.admins[2]).approveStakingWithdrawal(k.admins[2].address, UNIT);
      await expect(approve).to.emit(k.vault, "StakeRefreshSkipped").withArgs(cn3, false);
      await expect(approve).to.emit(k.cn[2], "ApproveStakingWithdrawal");
      await networkHelpers.time.increase(LOCKUP);
      const withdraw = k.cn[2].connect(k.admins[2]).withdrawApprovedStaking(0n);
      await expect(withdraw).to.changeEtherBalances(ethers, [k.admins[2]], [UNIT]);
      await expect(withdraw).to.emit(k.vault, "StakeRefreshSkipped").withArgs(cn3, false);
      expect(await k.vault.stakeOf(3n)).to.equal(10n * UNIT);
    });

    it("an unlinked contract moves nothing", async function () {
      const k = await networkHelpers.loadFixture(trackerCouncil);
      const loose = await ethers.deployContract("CnStakingV3Mock", [
        k.stranger.address,
        nodeAddress(900),
        9n,
      ]);
      await loose.connect(k.stranger).setStakingTracker(await k.vault.getAddress());
      await loose.connect(k.stranger).depositLockupStakingAndInit({ value: 100n * UNIT });
      const total = await k.vault.totalVotes();
      const tx = loose.connect(k.stranger).stakeKlay({ value: 100n * UNIT });
      await expect(tx).not.to.emit(k.vault, "StakeRefreshed");
      await expect(tx).not.to.emit(k.vault, "StakeRefreshSkipped");
      expect(await k.vault.totalVotes()).to.equal(total);
      expect(await k.vault.totalStaked()).to.equal(30n * UNIT);
      expect(await k.vault.stakingLink(await loose.getAddress())).to.deep.equal([0n, 0n]);
    });

    it("refreshVoter refreshes the stake and never reverts", async function () {
      const k = await networkHelpers.loadFixture(trackerCouncil);
      await expect(k.cn[0].connect(k.admins[0]).updateVoterAddress(k.stranger.address)).to.emit(
        k.cn[0],
        "UpdateVoterAddress",
      );
      expect(await k.vault.getVotes(k.voters[0].address)).to.equal(2n);
    });

    it("defers a frozen member's refresh until the freeze ends", async function () {
      const k = await networkHelpers.loadFixture(trackerCouncil);
      const cn1 = await k.cn[0].getAddress();
      const governor = await ethers.deployContract("SettableTarget");
      await networkHelpers.impersonateAccount(await governor.getAddress());
      await networkHelpers.setBalance(await governor.getAddress(), ethers.parseEther("1"));
      await k.vault.bindGovernor(await governor.getAddress());
      const asGovernor = await ethers.getSigner(await governor.getAddress());
      const until = (await latest()) + DAY;
      await k.vault.connect(asGovernor).freezeStake(1n, until);
      await expect(k.cn[0].connect(k.admins[0]).approveStakingWithdrawal(k.admins[0].address, 10n * UNIT))
        .to.emit(k.vault, "StakeRefreshSkipped")
        .withArgs(cn1, true);
      expect(await k.vault.stakeOf(1n)).to.equal(10n * UNIT);
      await networkHelpers.time.increaseTo(until + 1n);
      await k.vault.connect(k.stranger).refreshStake(cn1);
      expect(await k.vault.stakeOf(1n)).to.equal(0n);
    });

    it("applyRefresh reverts unless the vault calls itself", async function () {
      const k = await networkHelpers.loadFixture(trackerCouncil);
      await expect(k.vault.connect(k.stranger).applyRefresh(await k.cn[0].getAddress()))
        .to.be.revertedWithCustomError(k.vault, "KaiaStakeVaultOnlySelf")
        .withArgs(k.stranger.address);
    });
  });

  describe("read mode", function () {
    it("links through the AddressBook and refreshes on anyone's call", async function () {
      const k = await networkHelpers.loadFixture(readCouncil);
      expect(await k.vault.trackerMode()).to.equal(false);
      const cn1 = await k.cn[0].getAddress();
      await expect(k.vault.connect(k.stranger).linkStakingByAddressBook(1n, nodeAddress(500), cn1))
        .to.emit(k.vault, "StakingLinked")
        .withArgs(1n, cn1, 1n, false);
      expect(await k.vault.stakeOf(1n)).to.equal(10n * UNIT);
      expect(await k.vault.memberStaking(1n)).to.deep.equal([1n, 1n]);
      // Read mode: the CnStaking reports to Kaia's tracker (none here), so a stake change waits for a refresh.
      await k.cn[0].connect(k.admins[0]).stakeKlay({ value: 5n * UNIT });
      expect(await k.vault.stakeOf(1n)).to.equal(10n * UNIT);
      await k.vault.connect(k.stranger).refreshStake(cn1);
      expect(await k.vault.stakeOf(1n)).to.equal(15n * UNIT);
      expect(await k.vault.getVotes(k.voters[0].address)).to.equal(1n);
    });

    it("reverts a link through a node that is not the member's", async function () {
      const k = await networkHelpers.loadFixture(readCouncil);
      const cn2 = await k.cn[1].getAddress();
      await expect(k.vault.linkStakingByAddressBook(1n, nodeAddress(501), cn2))
        .to.be.revertedWithCustomError(k.vault, "KaiaStakeVaultNodeNotOfMember")
        .withArgs(nodeAddress(501), 1n);
    });

    it("reverts a link the AddressBook does not list", async function () {
      const k = await networkHelpers.loadFixture(readCouncil);
      const cn2 = await k.cn[1].getAddress();
      await expect(k.vault.linkStakingByAddressBook(1n, nodeAddress(500), cn2))
        .to.be.revertedWithCustomError(k.vault, "KaiaStakeVaultNotInAddressBook")
        .withArgs(nodeAddress(500), cn2);
      await expect(k.vault.linkStakingByAddressBook(4n, nodeAddress(503), cn2))
        .to.be.revertedWithCustomError(k.vault, "KaiaStakeVaultNotInAddressBook")
        .withArgs(nodeAddress(503), cn2);
      expect(await k.vault.stakeOf(1n)).to.equal(0n);
    });

    it("groups a member's contracts by gcId and refuses another gcId", async function () {
      const k = await networkHelpers.loadFixture(readCouncil);
      const second = await ethers.deployContract("CnStakingV2Mock", [
        k.admins[0].address,
        nodeAddress(500),
        1n,
      ]);
      await second.connect(k.admins[0]).depositLockupStakingAndInit({ value: 3n * UNIT });
      await k.vault.connect(k.governance).linkStaking(1n, await k.cn[0].getAddress());
      await k.vault.connect(k.governance).linkStaking(1n, await second.getAddress());
      expect(await k.vault.stakeOf(1n)).to.equal(13n * UNIT);
      expect(await k.vault.memberStaking(1n)).to.deep.equal([1n, 2n]);
      await expect(k.vault.connect(k.governance).linkStaking(1n, await k.cn[1].getAddress()))
        .to.be.revertedWithCustomError(k.vault, "KaiaStakeVaultGcIdMismatch")
        .withArgs(1n, 1n, 2n);
    });

    it("reverts a second link of the same contract, an unknown member or an account without code", async function () {
      const k = await networkHelpers.loadFixture(readCouncil);
      const cn1 = await k.cn[0].getAddress();
      await k.vault.connect(k.governance).linkStaking(1n, cn1);
      await expect(k.vault.connect(k.governance).linkStaking(2n, cn1))
        .to.be.revertedWithCustomError(k.vault, "KaiaStakeVaultAlreadyLinked")
        .withArgs(cn1, 1n);
      await expect(k.vault.connect(k.governance).linkStaking(99n, cn1))
        .to.be.revertedWithCustomError(k.vault, "StakeVaultUnknownMember")
        .withArgs(99n);
      await expect(k.vault.connect(k.governance).linkStaking(2n, k.stranger.address))
        .to.be.revertedWithCustomError(k.vault, "StakeVaultNotAContract")
        .withArgs(k.stranger.address);
      await expect(k.vault.connect(k.stranger).linkStaking(2n, cn1))
        .to.be.revertedWithCustomError(k.vault, "OwnableUnauthorizedAccount")
        .withArgs(k.stranger.address);
    });

    it("unlinks by governance: the stake stops counting", async function () {
      const k = await networkHelpers.loadFixture(readCouncil);
      const cn1 = await k.cn[0].getAddress();
      await k.vault.connect(k.governance).linkStaking(1n, cn1);
      await expect(k.vault.connect(k.governance).unlinkStaking(cn1))
        .to.emit(k.vault, "StakingUnlinked")
        .withArgs(1n, cn1);
      expect(await k.vault.stakeOf(1n)).to.equal(0n);
      expect(await k.vault.memberStaking(1n)).to.deep.equal([0n, 0n]);
      await expect(k.vault.connect(k.governance).unlinkStaking(cn1))
        .to.be.revertedWithCustomError(k.vault, "KaiaStakeVaultNotLinked")
        .withArgs(cn1);
    });

    it("a candidate links a CnStaking whose admin asks, through a node it applied with, and can then be admitted", async function () {
      const k = await networkHelpers.loadFixture(readCouncil);
      const { id, cn, multisig } = await candidate(k);
      const address = await cn.getAddress();
      await expect(k.vault.connect(multisig).linkStakingByAddressBook(id, nodeAddress(600), address))
        .to.emit(k.vault, "StakingLinked")
        .withArgs(id, address, 7n, false);
      expect(await k.vault.stakeOf(id)).to.equal(2n * UNIT);
      // Still a candidate: no votes until admitted.
      expect(await k.vault.getVotes(multisig.address)).to.equal(0n);
      await k.registry.connect(k.governance).admit(id);
      expect(await k.registry.memberIdOfNode(nodeAddress(600))).to.equal(id);
      expect(await k.vault.eligibleCount()).to.equal(1n);
      expect(await k.vault.getVotes(multisig.address)).to.equal(1n);
    });

    it("refuses a candidate's link by anyone but an admin of the CnStaking, and through a node it did not apply with or a member holds", async function () {
      const k = await networkHelpers.loadFixture(readCouncil);
      const { id, cn, multisig } = await candidate(k);
      const address = await cn.getAddress();
      for (const caller of [k.stranger, k.admins[0]]) {
        await expect(k.vault.connect(caller).linkStakingByAddressBook(id, nodeAddress(600), address))
          .to.be.revertedWithCustomError(k.vault, "KaiaStakeVaultNotStakingAdmin")
          .withArgs(address, caller.address);
      }
      // A node of member 1, listed for member 1's CnStaking.
      await expect(
        k.vault
          .connect(k.admins[0])
          .linkStakingByAddressBook(id, nodeAddress(500), await k.cn[0].getAddress()),
      )
        .to.be.revertedWithCustomError(k.vault, "KaiaStakeVaultNodeNotOfMember")
        .withArgs(nodeAddress(500), id);
      // A node the candidate did not apply with.
      await k.book.register(nodeAddress(601), address, multisig.address);
      await expect(k.vault.connect(multisig).linkStakingByAddressBook(id, nodeAddress(601), address))
        .to.be.revertedWithCustomError(k.vault, "KaiaStakeVaultNodeNotOfMember")
        .withArgs(nodeAddress(601), id);
      // A listed contract that cannot say who its admins are.
      const mute = await ethers.deployContract("SettableTarget");
      await k.book.register(nodeAddress(600), await mute.getAddress(), multisig.address);
      await expect(
        k.vault.connect(multisig).linkStakingByAddressBook(id, nodeAddress(600), await mute.getAddress()),
      )
        .to.be.revertedWithCustomError(k.vault, "KaiaStakeVaultNotStakingAdmin")
        .withArgs(await mute.getAddress(), multisig.address);
      expect(await k.vault.stakeOf(id)).to.equal(0n);
    });

    it("moves a link away from a record that left, never from a member or a candidate", async function () {
      const k = await networkHelpers.loadFixture(readCouncil);
      const { id, cn, multisig } = await candidate(k);
      const address = await cn.getAddress();
      // Linked to member 4 by governance: a candidate cannot take it while member 4 is active.
      await k.vault.connect(k.governance).linkStaking(4n, address);
      await expect(k.vault.connect(multisig).linkStakingByAddressBook(id, nodeAddress(600), address))
        .to.be.revertedWithCustomError(k.vault, "KaiaStakeVaultAlreadyLinked")
        .withArgs(address, 4n);
      // Member 4 resigns: the link can move, and member 4's stake drops with it.
      await k.registry.connect(k.admins[3]).resign(4n);
      const move = k.vault.connect(multisig).linkStakingByAddressBook(id, nodeAddress(600), address);
      await expect(move).to.emit(k.vault, "StakingUnlinked").withArgs(4n, address);
      await expect(move).to.emit(k.vault, "StakingLinked").withArgs(id, address, 7n, false);
      expect(await k.vault.stakeOf(4n)).to.equal(0n);
      expect(await k.vault.memberStaking(4n)).to.deep.equal([0n, 0n]);
      expect(await k.vault.stakeOf(id)).to.equal(2n * UNIT);
      // Nothing more can be linked to the record that left.
      await expect(k.vault.connect(k.governance).linkStaking(4n, await k.cn[0].getAddress()))
        .to.be.revertedWithCustomError(k.vault, "KaiaStakeVaultMemberLeft")
        .withArgs(4n);
      // The candidate withdraws: its link can go back to a live record, by governance.
      await k.registry.connect(multisig).resign(id);
      await expect(k.vault.connect(k.governance).linkStaking(3n, address))
        .to.emit(k.vault, "StakingUnlinked")
        .withArgs(id, address);
      expect(await k.vault.stakeOf(id)).to.equal(0n);
      expect(await k.vault.stakeOf(3n)).to.equal(2n * UNIT);
    });

    it("reverts a deployment without an AddressBook", async function () {
      const k = await networkHelpers.loadFixture(readCouncil);
      const factory = await ethers.getContractFactory("KaiaStakeVault");
      await expect(
        factory.deploy(
          await k.registry.getAddress(),
          k.stranger.address,
          false,
          UNIT,
          DAY,
          DAY,
          k.governance.address,
        ),
      )
        .to.be.revertedWithCustomError(factory, "StakeVaultNotAContract")
        .withArgs(k.stranger.address);
    });
  });

  describe("native coin sent to the vault", function () {
    it("refuses a plain transfer and every bonding call, keeping the coin with the sender", async function () {
      const k = await networkHelpers.loadFixture(trackerCouncil);
      const vault = await k.vault.getAddress();
      // No receive or fallback function: the transfer reverts without a reason.
      await expect(k.stranger.sendTransaction({ to: vault, value: UNIT })).to.be.revertedWithoutReason(
        ethers,
      );
      const stake = k.vault.connect(k.admins[0]).stake(UNIT, { value: UNIT });
      await expect(stake).to.be.revertedWithCustomError(k.vault, "KaiaStakeVaultBondingDisabled");
      const stakeFor = k.vault.connect(k.stranger).stakeFor(2n, UNIT, { value: UNIT });
      await expect(stakeFor).to.be.revertedWithCustomError(k.vault, "KaiaStakeVaultBondingDisabled");
      expect(await ethers.provider.getBalance(vault)).to.equal(0n);
    });

    it("lets governance recover all coin forced in, although members' recorded stake is far larger", async function () {
      const k = await networkHelpers.loadFixture(trackerCouncil);
      const vault = await k.vault.getAddress();
      expect(await k.vault.totalStaked()).to.equal(30n * UNIT);
      // Coin credited without a call (a self-destructing contract, a block reward, a transfer before deployment).
      const forced = 3n * UNIT;
      await networkHelpers.setBalance(vault, forced);
      const to = k.stranger.address;
      const tx = k.vault.connect(k.governance).recoverExcess(ethers.ZeroAddress, to);
      await expect(tx).to.emit(k.vault, "ExcessRecovered").withArgs(ethers.ZeroAddress, to, forced);
      await expect(tx).to.changeEtherBalances(ethers, [vault, to], [-forced, forced]);
      // The members' stake stays in their CnStaking contracts, untouched.
      expect(await k.vault.totalStaked()).to.equal(30n * UNIT);
      expect(await k.vault.stakeOf(1n)).to.equal(10n * UNIT);
      expect(await ethers.provider.getBalance(await k.cn[0].getAddress())).to.equal(10n * UNIT);
      await expect(k.vault.connect(k.governance).recoverExcess(ethers.ZeroAddress, to))
        .to.be.revertedWithCustomError(k.vault, "StakeVaultNothingToRecover")
        .withArgs(ethers.ZeroAddress);
    });

    it("recovers for governance only", async function () {
      const k = await networkHelpers.loadFixture(trackerCouncil);
      await networkHelpers.setBalance(await k.vault.getAddress(), UNIT);
      await expect(k.vault.connect(k.stranger).recoverExcess(ethers.ZeroAddress, k.stranger.address))
        .to.be.revertedWithCustomError(k.vault, "OwnableUnauthorizedAccount")
        .withArgs(k.stranger.address);
      expect(await ethers.provider.getBalance(await k.vault.getAddress())).to.equal(UNIT);
    });
  });
});
