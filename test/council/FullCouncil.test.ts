/**
 * A council at the registry's largest size, 255 members, every one at the vote cap, in each stake source: bonded
 * (StakeVault), and Kaia's CnStaking in tracker mode and in read mode (KaiaStakeVault). The membership operations
 * that move the eligible count, and so every other member's cap, each stay under EIP-7825's 16,777,216-gas cap:
 * admitting the 255th member, a stake crossing, a refresh, a resignation and a removal. (Proposing and voting at
 * this size are measured by `npm run bench`.)
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";

import type {
  AddressBookMock,
  CouncilRegistry,
  KaiaStakeVault,
  StakeVault,
} from "../../typechain-types/index.js";
import {
  DAY,
  SPONSORSHIP_WINDOW,
  Status,
  TX_GAS_CAP,
  ethers,
  gasOf,
  networkHelpers,
  numberedMember,
} from "../utils/council.js";

const UNIT = ethers.parseEther("1");
/** Units each member holds: far above the cap, so every member's votes are the cap. */
const HELD = 300n;
const SIZE = 255;

type Mode = "bonded" | "kaia tracker" | "kaia read";

interface FullCouncil {
  registry: CouncilRegistry;
  vault: StakeVault;
  kaia?: { vault: KaiaStakeVault; book: AddressBookMock };
  governance: HardhatEthersSigner;
  deployer: HardhatEthersSigner;
  /** The CnStaking of each member id (Kaia modes). */
  staking: Map<bigint, string>;
}

const member = numberedMember;

async function signer(address: string): Promise<HardhatEthersSigner> {
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, ethers.parseEther("10"));
  return ethers.getSigner(address);
}

/**
 * Gives member `id` (node `node`) `units` of stake: bonded in the vault, or in a new CnStaking (the deployer is its
 * admin) that the AddressBook lists for the node and that the deployer links (as the CnStaking's admin, which a
 * candidate's link needs).
 */
async function fund(c: FullCouncil, mode: Mode, id: bigint, node: string, units: bigint): Promise<void> {
  const value = units * UNIT;
  if (c.kaia === undefined) {
    await c.vault.stakeFor(id, value, { value });
    return;
  }
  const cn = await ethers.deployContract("CnStakingV3Mock", [c.deployer.address, node, id]);
  if (mode === "kaia tracker") await cn.setStakingTracker(await c.kaia.vault.getAddress());
  await cn.depositLockupStakingAndInit();
  await cn.stakeKlay({ value });
  await c.kaia.book.register(node, await cn.getAddress(), c.deployer.address);
  await c.kaia.vault.linkStakingByAddressBook(id, node, await cn.getAddress());
  c.staking.set(id, await cn.getAddress());
}

/** 254 members bootstrapped and funded at the cap; the 255th is an applicant, funded, waiting for admission. */
async function fullCouncil(mode: Mode): Promise<FullCouncil> {
  const [deployer, governance] = await ethers.getSigners();
  await networkHelpers.setBalance(deployer.address, ethers.parseEther("1000000"));
  const registry = await ethers.deployContract("CouncilRegistry", [
    governance.address,
    4n,
    BigInt(SIZE),
    SPONSORSHIP_WINDOW,
    [],
  ]);
  const members = Array.from({ length: SIZE - 1 }, (_, i) => member(i));
  for (let i = 0; i < members.length; i += 20) await registry.bootstrapMembers(members.slice(i, i + 20));
  await registry.endBootstrap();
  let kaia: FullCouncil["kaia"];
  let vault: StakeVault;
  if (mode === "bonded") {
    vault = await ethers.deployContract("StakeVault", [
      await registry.getAddress(),
      ethers.ZeroAddress,
      UNIT,
      DAY,
      DAY,
      governance.address,
    ]);
  } else {
    const book = await ethers.deployContract("AddressBookMock");
    const kaiaVault = await ethers.deployContract("KaiaStakeVault", [
      await registry.getAddress(),
      await book.getAddress(),
      mode === "kaia tracker",
      UNIT,
      DAY,
      DAY,
      governance.address,
    ]);
    kaia = { vault: kaiaVault, book };
    vault = await ethers.getContractAt("StakeVault", await kaiaVault.getAddress());
  }
  await registry.bindStakeVault(await vault.getAddress());
  const c: FullCouncil = { registry, vault, kaia, governance, deployer, staking: new Map() };
  for (const [i, m] of members.entries()) await fund(c, mode, BigInt(i + 1), m.nodes[0], HELD);

  const candidate = member(SIZE - 1);
  await registry
    .connect(await signer(candidate.admin))
    .applyForMembership(candidate.name, candidate.metadataURI, candidate.voter, candidate.nodes);
  await registry.connect(await signer(candidate.voter)).acceptVoter(BigInt(SIZE));
  await fund(c, mode, BigInt(SIZE), candidate.nodes[0], HELD);
  return c;
}

const bonded = () => fullCouncil("bonded");
const kaiaTracker = () => fullCouncil("kaia tracker");
const kaiaRead = () => fullCouncil("kaia read");

/** Moves member `id`'s stake to `units` (bonded: unstake request; Kaia: a withdrawal approved, then a refresh). */
async function lowerStake(c: FullCouncil, mode: Mode, id: bigint, units: bigint): Promise<bigint> {
  const drop = (HELD - units) * UNIT;
  if (c.kaia === undefined) {
    return gasOf(c.vault.connect(await signer(member(Number(id) - 1).admin)).requestUnstake(id, drop));
  }
  const cn = await ethers.getContractAt("CnStakingV3Mock", c.staking.get(id)!);
  const approve = gasOf(cn.approveStakingWithdrawal(c.deployer.address, drop));
  // Tracker mode: the CnStaking's own callback is the refresh. Read mode: anyone refreshes.
  if (mode === "kaia tracker") return approve;
  await approve;
  return gasOf(c.kaia.vault.refreshStake(c.staking.get(id)!));
}

describe(`A council of ${SIZE} members at the vote cap`, function () {
  this.timeout(600_000);

  for (const [mode, fixture] of [
    ["bonded", bonded],
    ["kaia tracker", kaiaTracker],
    ["kaia read", kaiaRead],
  ] as const) {
    it(`${mode}: admission of the 255th, a stake crossing, a resignation and a removal each stay under the gas cap`, async function () {
      const c = await networkHelpers.loadFixture(fixture);
      expect(await c.vault.eligibleCount()).to.equal(BigInt(SIZE - 1));
      expect(await c.vault.voteCap()).to.equal(BigInt(SIZE - 2));
      expect(await c.vault.totalVotes()).to.equal(BigInt((SIZE - 1) * (SIZE - 2)));

      // Admission: the 255th member is staked, so every member's cap rises by one.
      const admit = c.registry.connect(c.governance).admit(BigInt(SIZE));
      await expect(admit)
        .to.emit(c.vault, "VoteCapChanged")
        .withArgs(BigInt(SIZE - 1), BigInt(SIZE));
      const gas = { admit: await gasOf(admit) };
      expect(await c.registry.activeMemberCount()).to.equal(BigInt(SIZE));
      expect(await c.vault.totalVotes()).to.equal(BigInt(SIZE * (SIZE - 1)));
      expect(await c.vault.getVotes(member(0).voter)).to.equal(BigInt(SIZE - 1));

      // A stake crossing: member 8 falls below one unit, and every other cap falls by one.
      const crossing = await lowerStake(c, mode, 8n, 0n);
      expect(await c.vault.eligibleCount()).to.equal(BigInt(SIZE - 1));
      expect(await c.vault.totalVotes()).to.equal(BigInt((SIZE - 1) * (SIZE - 2)));
      // A refresh (or unstake request) that leaves eligibility alone.
      const refresh = await lowerStake(c, mode, 9n, HELD - 1n);
      expect(await c.vault.stakeOf(9n)).to.equal((HELD - 1n) * UNIT);

      const resign = c.registry.connect(await signer(member(9).admin)).resign(10n);
      await expect(resign).to.emit(c.vault, "VoteCapChanged");
      const resignGas = await gasOf(resign);
      expect((await c.registry.memberAccounts(10n))[2]).to.equal(Status.Resigned);

      const remove = c.registry.connect(c.governance).remove(11n);
      await expect(remove).to.emit(c.vault, "VoteCapChanged");
      const removeGas = await gasOf(remove);
      expect((await c.registry.memberAccounts(11n))[2]).to.equal(Status.Removed);
      expect(await c.vault.eligibleCount()).to.equal(BigInt(SIZE - 3));
      expect(await c.vault.totalVotes()).to.equal(BigInt((SIZE - 3) * (SIZE - 4)));

      for (const used of [gas.admit, crossing, refresh, resignGas, removeGas])
        expect(used).to.be.lessThan(TX_GAS_CAP);
    });
  }
});
