/**
 * CommunityPetitions in ERC-20 mode, against a stand-in governor (contracts/mocks/MockCommunityGovernor.sol) whose
 * vault stakes a fee-on-transfer token: the bond and the locks are pulled with the allowance, what arrives is what
 * counts, a transfer that delivers nothing is refused, native coin is refused, and withdrawals and forfeited bonds
 * pay the token back. (The whole system in ERC-20 mode, with the veto, runs in test/tasks/Community.test.ts.)
 */
import { expect } from "chai";

import { DAY, ethers, networkHelpers } from "../utils/council.js";

const { loadFixture, time } = networkHelpers;

const COIN = ethers.parseEther("1");
const THRESHOLD = 1_000n * COIN;
const BOND = 100n * COIN;

async function erc20Mode() {
  const [deployer, opener, backer] = await ethers.getSigners();
  const token = await ethers.deployContract("FeeOnTransferERC20", ["Wrapped Kaia", "WKAIA"]);
  const governor = await ethers.deployContract("MockCommunityGovernor", [await token.getAddress()]);
  const reserve = await ethers.deployContract("MockCommunityGovernor", [ethers.ZeroAddress]);
  const petitions = await ethers.deployContract("CommunityPetitions", [
    deployer.address,
    await governor.getAddress(),
    await reserve.getAddress(),
    14n * DAY,
    THRESHOLD,
    BOND,
  ]);
  for (const account of [opener, backer]) {
    await token.mint(account.address, 10_000n * COIN);
    await token.connect(account).approve(await petitions.getAddress(), ethers.MaxUint256);
  }
  return { token, governor, reserve, petitions, opener, backer };
}

describe("CommunityPetitions (ERC-20 mode)", function () {
  it("pulls the bond and the locks, counts what arrives, and pays the token back", async function () {
    const { token, petitions, opener, backer } = await loadFixture(erc20Mode);
    expect(await petitions.asset()).to.equal(await token.getAddress());
    await petitions.connect(opener).openNoConfidence(1n, "x");
    const fee = (amount: bigint) => amount / 100n;
    expect((await petitions.petition(1n)).bond).to.equal(BOND - fee(BOND));
    await expect(petitions.connect(backer).lock(1n, true, 2_000n * COIN))
      .to.emit(petitions, "Locked")
      .withArgs(
        1n,
        backer.address,
        true,
        2_000n * COIN - fee(2_000n * COIN),
        2_000n * COIN - fee(2_000n * COIN),
      );
    await time.increaseTo((await petitions.petition(1n)).closesAt);
    await petitions.settle(1n);
    const lockReceived = 2_000n * COIN - fee(2_000n * COIN);
    await expect(petitions.connect(backer).withdraw(1n)).to.changeTokenBalances(
      ethers,
      token,
      [petitions, backer],
      [-lockReceived, lockReceived - fee(lockReceived)],
    );
    await petitions.connect(opener).reclaimBond(1n);
    expect(await token.balanceOf(await petitions.getAddress())).to.equal(0n);
  });

  it("forfeits the bond in the token to the reserve", async function () {
    const { token, reserve, petitions, opener } = await loadFixture(erc20Mode);
    await petitions.connect(opener).openNoConfidence(1n, "x");
    await time.increaseTo((await petitions.petition(1n)).closesAt);
    const bond = (await petitions.petition(1n)).bond;
    await expect(petitions.settle(1n))
      .to.emit(petitions, "BondReleased")
      .withArgs(1n, await reserve.getAddress(), bond, true);
    expect(await token.balanceOf(await reserve.getAddress())).to.equal(bond - bond / 100n);
  });

  it("reverts on native coin sent, and on a transfer that delivers nothing", async function () {
    const { petitions, backer, opener } = await loadFixture(erc20Mode);
    await expect(petitions.connect(opener).openNoConfidence(1n, "x", { value: 1n }))
      .to.be.revertedWithCustomError(petitions, "CommunityLocksWrongValue")
      .withArgs(0n, 1n);
    await petitions.connect(opener).openNoConfidence(1n, "x");
    await expect(petitions.connect(backer).lock(1n, true, 5n, { value: 5n }))
      .to.be.revertedWithCustomError(petitions, "CommunityLocksWrongValue")
      .withArgs(0n, 5n);
    // The token's 1 % fee, rounded up, takes the whole of 1 unit.
    await expect(petitions.connect(backer).lock(1n, true, 1n)).to.be.revertedWithCustomError(
      petitions,
      "CommunityLocksZeroAmount",
    );
  });

  it("a qualified petition lapses when its subject left, and opens nothing", async function () {
    const { governor, petitions, opener, backer } = await loadFixture(erc20Mode);
    await petitions.connect(opener).openAdmission(1n, "x");
    await petitions.connect(backer).lock(1n, true, 2_000n * COIN);
    await time.increaseTo((await petitions.petition(1n)).closesAt);
    await governor.setSubjectsValid(false);
    await expect(petitions.settle(1n)).to.emit(petitions, "PetitionSettled");
    expect((await petitions.petition(1n)).status).to.equal(4n);
    expect(await governor.motionCount()).to.equal(0n);
  });
});
