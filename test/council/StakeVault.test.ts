/**
 * StakeVault: bonded stake, unbonding requests, and capped, checkpointed voting power (ERC-5805).
 *
 * Layout follows OpenZeppelin's governance tests: one `describe` per external function, the success path first,
 * then one `it` per revert. Every revert is asserted with its custom error and exact arguments, and followed by a
 * full state comparison (stake, pending, requests, votes, eligibility, native and token balances, block number)
 * proving that nothing changed.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type { BaseContract, ContractTransactionReceipt, ContractTransactionResponse } from "ethers";

import type {
  CouncilRegistry,
  FeeOnTransferERC20,
  MockERC20,
  ReentrantAdmin,
  StakeVault,
} from "../../typechain-types/index.js";
import type { Council } from "../utils/council.js";
import {
  DAY,
  STAKE_UNIT,
  Status,
  UNBONDING_PERIOD,
  WITHDRAWAL_WINDOW,
  advance,
  deployCouncil,
  ethers,
  networkHelpers,
  nodeAddress,
  now,
  stakeUnits,
} from "../utils/council.js";

const U = STAKE_UNIT;
const MIN_PERIOD = DAY;
const MAX_PERIOD = 30n * DAY;
const GAS = 2_000_000n;

type TxPromise = Promise<ContractTransactionResponse>;

/** What the state helpers need: a vault and the registry it reads membership from. */
interface Setup {
  vault: StakeVault;
  registry: CouncilRegistry;
}

interface CandidateCouncil extends Council {
  /** The candidate's id (6 in a five-member council). */
  candidateId: bigint;
  candidateAdmin: HardhatEthersSigner;
  candidateVoter: HardhatEthersSigner;
}

interface ReentrantCouncil extends Council {
  mock: ReentrantAdmin;
  mockId: bigint;
}

interface FeeCouncil extends Setup {
  token: FeeOnTransferERC20;
  governance: HardhatEthersSigner;
  admins: HardhatEthersSigner[];
  voters: HardhatEthersSigner[];
  others: HardhatEthersSigner[];
}

// ---------------------------------------------------------------- fixtures (named, for loadFixture)

/** Five active members (minimum 4), native coin, nothing staked. */
function nativeCouncil(): Promise<Council> {
  return deployCouncil();
}

/** Five active members with a minimum of 1, so several can leave. */
function looseCouncil(): Promise<Council> {
  return deployCouncil({ minMembers: 1n });
}

/** Members 1, 2, 3 bonded 10, 2 and 1 units: three eligible, cap 2, votes 2 / 2 / 1. */
async function stakedCouncil(): Promise<Council> {
  const c = await deployCouncil();
  await stakeUnits(c, 1, 10n);
  await stakeUnits(c, 2, 2n);
  await stakeUnits(c, 3, 1n);
  return c;
}

/** As {stakedCouncil}, with a minimum council size of 1. */
async function looseStakedCouncil(): Promise<Council> {
  const c = await deployCouncil({ minMembers: 1n });
  await stakeUnits(c, 1, 10n);
  await stakeUnits(c, 2, 2n);
  await stakeUnits(c, 3, 1n);
  return c;
}

interface GovernedCouncil extends Council {
  /** A contract bound as the vault's governor, impersonated to call freezeStake. */
  governor: HardhatEthersSigner;
}

/** {looseStakedCouncil} with a contract (a SettableTarget standing in for the governor) bound as the governor. */
async function governedCouncil(): Promise<GovernedCouncil> {
  const c = await looseStakedCouncil();
  const stand = await ethers.deployContract("SettableTarget");
  const address = await stand.getAddress();
  await c.vault.connect(c.deployer).bindGovernor(address);
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, ethers.parseEther("10"));
  return { ...c, governor: await ethers.getSigner(address) };
}

/** {stakedCouncil} plus a candidate (id 6) applied by others[0], with others[1] as its accepted voter. */
async function candidateCouncil(): Promise<CandidateCouncil> {
  const c = await stakedCouncil();
  const [candidateAdmin, candidateVoter] = c.others;
  await c.registry
    .connect(candidateAdmin)
    .applyForMembership("Candidate", "https://candidate.example/gc.json", candidateVoter.address, [
      nodeAddress(100),
    ]);
  const candidateId = await c.registry.memberCount();
  await c.registry.connect(candidateVoter).acceptVoter(candidateId);
  return { ...c, candidateId, candidateAdmin, candidateVoter };
}

/** Five members, ERC-20 mode (MockERC20), nothing staked. */
function erc20Council(): Promise<Council> {
  return deployCouncil({ token: "erc20" });
}

/** ERC-20 mode with members 1, 2, 3 bonded 10, 2 and 1 units. */
async function erc20StakedCouncil(): Promise<Council> {
  const c = await deployCouncil({ token: "erc20" });
  await stakeUnits(c, 1, 10n);
  await stakeUnits(c, 2, 2n);
  await stakeUnits(c, 3, 1n);
  return c;
}

/**
 * {stakedCouncil} plus a ReentrantAdmin candidate (its own admin and voter) funded with 3 units through
 * stakeFor, with two unbonding requests of 1 unit each (ids 0 and 1), both unlocked.
 */
async function reentrantCouncil(): Promise<ReentrantCouncil> {
  const c = await stakedCouncil();
  const mock = await ethers.deployContract("ReentrantAdmin", [
    await c.vault.getAddress(),
    await c.registry.getAddress(),
  ]);
  await mock.applyForMembership("Reentrant Org", "https://reentrant.example/gc.json");
  const mockId = await mock.memberId();
  await c.vault.connect(c.others[0]).stakeFor(mockId, 3n * U, { value: 3n * U });
  await mock.requestUnstake(U);
  await mock.requestUnstake(U);
  await advance(UNBONDING_PERIOD);
  return { ...c, mock, mockId };
}

/** Three members (minimum 1) and a vault that stakes a token burning 1 % on every transfer. */
async function feeCouncil(): Promise<FeeCouncil> {
  const c = await deployCouncil({ members: 3, minMembers: 1n, token: "fee-on-transfer" });
  return { ...c, token: c.token as FeeOnTransferERC20 };
}

// ---------------------------------------------------------------- helpers

async function receiptOf(tx: TxPromise): Promise<ContractTransactionReceipt> {
  const receipt = await (await tx).wait();
  if (receipt === null) throw new Error("transaction was not mined");
  return receipt;
}

/** The timestamp of the block that included `tx`. */
async function timeOf(tx: TxPromise): Promise<bigint> {
  const receipt = await receiptOf(tx);
  const block = await ethers.provider.getBlock(receipt.blockNumber);
  if (block === null) throw new Error("block not found");
  return BigInt(block.timestamp);
}

/** Every `name` event that `contract` emitted in `tx`, in order, as argument arrays. */
async function eventArgs(tx: TxPromise, contract: BaseContract, name: string): Promise<unknown[][]> {
  const receipt = await receiptOf(tx);
  const address = (await contract.getAddress()).toLowerCase();
  const out: unknown[][] = [];
  for (const log of receipt.logs) {
    if (log.address.toLowerCase() !== address) continue;
    const parsed = contract.interface.parseLog(log);
    if (parsed !== null && parsed.name === name) out.push(parsed.args.toArray());
  }
  return out;
}

function selectorOf(contract: BaseContract, error: string): string {
  const fragment = contract.interface.getError(error);
  if (fragment === null) throw new Error(`unknown error ${error}`);
  return fragment.selector;
}

/** A snapshot of everything a failed call could have changed. */
async function state(s: Setup, extra: string[] = []): Promise<Record<string, unknown>> {
  const { vault, registry } = s;
  const out: Record<string, unknown> = {};
  const vaultAddress = await vault.getAddress();
  const tokenAddress = await vault.stakeToken();
  const token =
    tokenAddress === ethers.ZeroAddress ? undefined : await ethers.getContractAt("MockERC20", tokenAddress);
  const accounts = [...(await ethers.getSigners()).map((x) => x.address), ...extra, vaultAddress];
  for (const a of accounts) {
    out[`native ${a}`] = await ethers.provider.getBalance(a);
    if (token !== undefined) out[`token ${a}`] = await token.balanceOf(a);
    out[`votes ${a}`] = await vault.getVotes(a);
    out[`delegate ${a}`] = await vault.delegates(a);
  }
  const count = await registry.memberCount();
  for (let id = 0n; id <= count + 1n; id++) {
    out[`member ${id}`] = [
      ...(await registry.memberAccounts(id)),
      await vault.stakeOf(id),
      await vault.pendingOf(id),
      await vault.memberVotes(id),
      await vault.isEligible(id),
      await vault.frozenUntil(id),
    ];
    const requests = await vault.unbondingRequestCount(id);
    for (let r = 0n; r < requests; r++)
      out[`request ${id}/${r}`] = [...(await vault.unbondingRequest(id, r))];
  }
  out.totals = [
    await vault.totalStaked(),
    await vault.totalPending(),
    await vault.totalVotes(),
    await vault.eligibleCount(),
    [...(await vault.eligibleMemberIds())],
    await vault.voteCap(),
    await vault.stakeUnit(),
    await vault.unbondingPeriod(),
    await vault.withdrawalWindow(),
    await vault.owner(),
    await vault.pendingOwner(),
    await vault.governor(),
  ];
  out.block = await ethers.provider.getBlockNumber();
  return out;
}

/** Asserts that `send` reverts with the vault's custom error `error(args)` and that nothing changed. */
async function expectRevert(
  s: Setup,
  send: () => Promise<unknown>,
  error: string,
  args: unknown[],
  extra: string[] = [],
): Promise<void> {
  const before = await state(s, extra);
  await expect(send())
    .to.be.revertedWithCustomError(s.vault, error)
    .withArgs(...args);
  expect(await state(s, extra)).to.deep.equal(before);
}

/**
 * Recomputes the voting rule (docs/architecture.md, StakeVault) from the registry and the vault's stake and compares: eligibility, the cap, each member's
 * votes (also through its voter's getVotes), the total, no member above half when at least two are eligible, and the
 * vault's asset balance equal to totalStaked + totalPending.
 */
async function checkSpec(s: Setup): Promise<void> {
  const { vault, registry } = s;
  const unit = await vault.stakeUnit();
  const count = await registry.memberCount();
  const members: { id: bigint; voter: string; staked: bigint; eligible: boolean }[] = [];
  let stakedSum = 0n;
  let pendingSum = 0n;
  for (let id = 1n; id <= count; id++) {
    const [, voter, status] = await registry.memberAccounts(id);
    const staked = await vault.stakeOf(id);
    stakedSum += staked;
    pendingSum += await vault.pendingOf(id);
    members.push({ id, voter, staked, eligible: status === BigInt(Status.Active) && staked >= unit });
  }
  const eligible = members.filter((m) => m.eligible);
  const n = BigInt(eligible.length);
  const cap = n > 2n ? n - 1n : 1n;
  expect(await vault.eligibleCount()).to.equal(n);
  expect(await vault.voteCap()).to.equal(cap);
  expect([...(await vault.eligibleMemberIds())].sort()).to.deep.equal(eligible.map((m) => m.id).sort());
  let total = 0n;
  for (const m of members) {
    const expected = m.eligible ? (m.staked / unit < cap ? m.staked / unit : cap) : 0n;
    expect(await vault.isEligible(m.id)).to.equal(m.eligible);
    expect(await vault.memberVotes(m.id)).to.equal(expected, `votes of member ${m.id}`);
    if (m.voter !== ethers.ZeroAddress) expect(await vault.getVotes(m.voter)).to.equal(expected);
    total += expected;
  }
  expect(await vault.totalVotes()).to.equal(total);
  if (n >= 2n) {
    for (const m of members) expect((await vault.memberVotes(m.id)) * 2n).to.be.at.most(total);
  }
  expect(await vault.totalStaked()).to.equal(stakedSum);
  expect(await vault.totalPending()).to.equal(pendingSum);
  const tokenAddress = await vault.stakeToken();
  const vaultAddress = await vault.getAddress();
  const balance =
    tokenAddress === ethers.ZeroAddress
      ? await ethers.provider.getBalance(vaultAddress)
      : await (await ethers.getContractAt("MockERC20", tokenAddress)).balanceOf(vaultAddress);
  expect(balance).to.equal(stakedSum + pendingSum, "vault balance == totalStaked + totalPending");
}

/** Sends an unstake request from the member's admin; returns its id, its timestamp and its window. */
async function requestFrom(
  vault: StakeVault,
  admin: HardhatEthersSigner,
  memberId: bigint,
  amount: bigint,
): Promise<{ requestId: bigint; at: bigint; unlocksAt: bigint; expiresAt: bigint }> {
  const requestId = await vault.unbondingRequestCount(memberId);
  const at = await timeOf(vault.connect(admin).requestUnstake(memberId, amount));
  const [, unlocksAt, expiresAt] = await vault.unbondingRequest(memberId, requestId);
  return { requestId, at, unlocksAt, expiresAt };
}

function stakeNative(c: Council, memberId: bigint, amount: bigint): TxPromise {
  return c.vault.connect(c.admins[Number(memberId) - 1]).stake(amount, { value: amount });
}

async function impersonateRegistry(c: Council): Promise<HardhatEthersSigner> {
  const address = await c.registry.getAddress();
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, ethers.parseEther("10"));
  return ethers.getSigner(address);
}

/** The bound governor freezes `memberId`'s stake for `seconds` from now; returns the freeze's end. */
async function freeze(c: GovernedCouncil, memberId: bigint, seconds: bigint): Promise<bigint> {
  const until = (await now()) + seconds;
  await c.vault.connect(c.governor).freezeStake(memberId, until);
  return until;
}

// ---------------------------------------------------------------- tests

describe("StakeVault", function () {
  describe("constructor", function () {
    it("stores the registry, the asset, the parameters and the owner, and emits the initial settings", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const registry = await c.registry.getAddress();
      const vault = await ethers.deployContract("StakeVault", [
        registry,
        ethers.ZeroAddress,
        U,
        2n * DAY,
        3n * DAY,
        c.governance.address,
      ]);
      const deployment = vault.deploymentTransaction();
      if (deployment === null) throw new Error("no deployment transaction");
      await expect(deployment).to.emit(vault, "StakeUnitUpdated").withArgs(0n, U);
      await expect(deployment)
        .to.emit(vault, "UnbondingPeriodUpdated")
        .withArgs(0n, 2n * DAY);
      await expect(deployment)
        .to.emit(vault, "WithdrawalWindowUpdated")
        .withArgs(0n, 3n * DAY);
      await expect(deployment)
        .to.emit(vault, "OwnershipTransferred")
        .withArgs(ethers.ZeroAddress, c.governance.address);
      expect(await vault.registry()).to.equal(registry);
      expect(await vault.stakeToken()).to.equal(ethers.ZeroAddress);
      expect(await vault.stakeUnit()).to.equal(U);
      expect(await vault.unbondingPeriod()).to.equal(2n * DAY);
      expect(await vault.withdrawalWindow()).to.equal(3n * DAY);
      expect(await vault.owner()).to.equal(c.governance.address);
      expect(await vault.pendingOwner()).to.equal(ethers.ZeroAddress);
      expect(await vault.totalVotes()).to.equal(0n);
      expect(await vault.eligibleCount()).to.equal(0n);
      expect(await vault.voteCap()).to.equal(1n);
      expect(await vault.governor()).to.equal(ethers.ZeroAddress);
      expect(await vault.frozenUntil(1n)).to.equal(0n);
    });

    it("accepts the period bounds exactly (1 day and 30 days)", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const vault = await ethers.deployContract("StakeVault", [
        await c.registry.getAddress(),
        ethers.ZeroAddress,
        1n,
        MIN_PERIOD,
        MAX_PERIOD,
        c.governance.address,
      ]);
      expect(await vault.stakeUnit()).to.equal(1n);
      expect(await vault.unbondingPeriod()).to.equal(MIN_PERIOD);
      expect(await vault.withdrawalWindow()).to.equal(MAX_PERIOD);
      expect(await vault.MIN_PERIOD()).to.equal(MIN_PERIOD);
      expect(await vault.MAX_PERIOD()).to.equal(MAX_PERIOD);
    });

    const deployArgs = async (
      c: Council,
      overrides: { registry?: string; unit?: bigint; period?: bigint; window?: bigint; owner?: string },
    ): Promise<unknown[]> => [
      overrides.registry ?? (await c.registry.getAddress()),
      ethers.ZeroAddress,
      overrides.unit ?? U,
      overrides.period ?? UNBONDING_PERIOD,
      overrides.window ?? WITHDRAWAL_WINDOW,
      overrides.owner ?? c.governance.address,
    ];

    it("reverts when the registry is the zero address", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const args = await deployArgs(c, { registry: ethers.ZeroAddress });
      await expectRevert(c, () => ethers.deployContract("StakeVault", args), "StakeVaultZeroAddress", []);
    });

    it("reverts when the registry has no code", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const args = await deployArgs(c, { registry: c.others[0].address });
      await expectRevert(c, () => ethers.deployContract("StakeVault", args), "StakeVaultNotAContract", [
        c.others[0].address,
      ]);
    });

    it("reverts when the staked token has no code", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const args = await deployArgs(c, {});
      args[1] = c.others[1].address;
      await expectRevert(c, () => ethers.deployContract("StakeVault", args), "StakeVaultNotAContract", [
        c.others[1].address,
      ]);
    });

    it("reverts when the stake unit is zero", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const args = await deployArgs(c, { unit: 0n });
      await expectRevert(c, () => ethers.deployContract("StakeVault", args), "StakeVaultInvalidStakeUnit", [
        0n,
      ]);
    });

    it("reverts when the unbonding period is shorter than a day", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const args = await deployArgs(c, { period: MIN_PERIOD - 1n });
      await expectRevert(c, () => ethers.deployContract("StakeVault", args), "StakeVaultInvalidPeriod", [
        MIN_PERIOD - 1n,
        MIN_PERIOD,
        MAX_PERIOD,
      ]);
    });

    it("reverts when the unbonding period is longer than 30 days", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const args = await deployArgs(c, { period: MAX_PERIOD + 1n });
      await expectRevert(c, () => ethers.deployContract("StakeVault", args), "StakeVaultInvalidPeriod", [
        MAX_PERIOD + 1n,
        MIN_PERIOD,
        MAX_PERIOD,
      ]);
    });

    it("reverts when the withdrawal window is shorter than a day", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const args = await deployArgs(c, { window: 0n });
      await expectRevert(c, () => ethers.deployContract("StakeVault", args), "StakeVaultInvalidPeriod", [
        0n,
        MIN_PERIOD,
        MAX_PERIOD,
      ]);
    });

    it("reverts when the withdrawal window is longer than 30 days", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const args = await deployArgs(c, { window: MAX_PERIOD + 1n });
      await expectRevert(c, () => ethers.deployContract("StakeVault", args), "StakeVaultInvalidPeriod", [
        MAX_PERIOD + 1n,
        MIN_PERIOD,
        MAX_PERIOD,
      ]);
    });

    it("reverts when the initial owner is the zero address", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const args = await deployArgs(c, { owner: ethers.ZeroAddress });
      await expectRevert(c, () => ethers.deployContract("StakeVault", args), "OwnableInvalidOwner", [
        ethers.ZeroAddress,
      ]);
    });
  });

  describe("stake", function () {
    it("bonds the caller's own member, self-delegates its voter and checkpoints its votes", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const [admin] = c.admins;
      const voter = c.voters[0].address;
      const amount = 2n * U;
      const tx = c.vault.connect(admin).stake(amount, { value: amount });
      await expect(tx).to.emit(c.vault, "Staked").withArgs(1n, admin.address, amount, amount);
      await expect(tx).to.emit(c.vault, "DelegateChanged").withArgs(voter, ethers.ZeroAddress, voter);
      await expect(tx).to.emit(c.vault, "EligibilityChanged").withArgs(1n, true, 1n);
      await expect(tx).to.emit(c.vault, "MemberVotesUpdated").withArgs(1n, voter, 0n, 1n);
      await expect(tx).to.emit(c.vault, "DelegateVotesChanged").withArgs(voter, 0n, 1n);
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, admin], [amount, -amount]);
      const at = await timeOf(tx);
      expect(await c.vault.stakeOf(1n)).to.equal(amount);
      expect(await c.vault.pendingOf(1n)).to.equal(0n);
      expect(await c.vault.totalStaked()).to.equal(amount);
      expect(await c.vault.memberVotes(1n)).to.equal(1n);
      expect(await c.vault.getVotes(voter)).to.equal(1n);
      expect(await c.vault.delegates(voter)).to.equal(voter);
      expect(await c.vault.isEligible(1n)).to.equal(true);
      expect([...(await c.vault.eligibleMemberIds())]).to.deep.equal([1n]);
      expect(await c.vault.totalVotes()).to.equal(1n);
      await networkHelpers.mine();
      expect(await c.vault.getPastVotes(voter, at)).to.equal(1n);
      expect(await c.vault.getPastVotes(voter, at - 1n)).to.equal(0n);
      expect(await c.vault.getPastEligibleCount(at)).to.equal(1n);
      await checkSpec(c);
    });

    it("adds to an existing stake without new eligibility or vote events while capped", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      await stakeUnits(c, 1, 1n);
      const [admin] = c.admins;
      const tx = c.vault.connect(admin).stake(3n * U, { value: 3n * U });
      await expect(tx)
        .to.emit(c.vault, "Staked")
        .withArgs(1n, admin.address, 3n * U, 4n * U);
      await expect(tx).not.to.emit(c.vault, "EligibilityChanged");
      await expect(tx).not.to.emit(c.vault, "MemberVotesUpdated");
      await expect(tx).not.to.emit(c.vault, "DelegateChanged");
      await expect(tx).not.to.emit(c.vault, "DelegateVotesChanged");
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, admin], [3n * U, -3n * U]);
      expect(await c.vault.stakeOf(1n)).to.equal(4n * U);
      expect(await c.vault.memberVotes(1n)).to.equal(1n);
      await checkSpec(c);
    });

    it("gives no votes below one stake unit, and votes once the unit is reached", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const [admin] = c.admins;
      const voter = c.voters[0].address;
      const first = stakeNative(c, 1n, U - 1n);
      await expect(first)
        .to.emit(c.vault, "Staked")
        .withArgs(1n, admin.address, U - 1n, U - 1n);
      await expect(first).not.to.emit(c.vault, "EligibilityChanged");
      await expect(first).not.to.emit(c.vault, "MemberVotesUpdated");
      expect(await c.vault.getVotes(voter)).to.equal(0n);
      expect(await c.vault.isEligible(1n)).to.equal(false);
      const second = stakeNative(c, 1n, 1n);
      await expect(second).to.emit(c.vault, "Staked").withArgs(1n, admin.address, 1n, U);
      await expect(second).to.emit(c.vault, "EligibilityChanged").withArgs(1n, true, 1n);
      await expect(second).to.emit(c.vault, "MemberVotesUpdated").withArgs(1n, voter, 0n, 1n);
      expect(await c.vault.getVotes(voter)).to.equal(1n);
      await checkSpec(c);
    });

    it("bonds for a candidate's admin without giving votes", async function () {
      const c = await networkHelpers.loadFixture(candidateCouncil);
      const tx = c.vault.connect(c.candidateAdmin).stake(5n * U, { value: 5n * U });
      await expect(tx)
        .to.emit(c.vault, "Staked")
        .withArgs(c.candidateId, c.candidateAdmin.address, 5n * U, 5n * U);
      await expect(tx).not.to.emit(c.vault, "EligibilityChanged");
      await expect(tx).not.to.emit(c.vault, "MemberVotesUpdated");
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, c.candidateAdmin], [5n * U, -5n * U]);
      expect(await c.vault.stakeOf(c.candidateId)).to.equal(5n * U);
      expect(await c.vault.memberVotes(c.candidateId)).to.equal(0n);
      expect(await c.vault.getVotes(c.candidateVoter.address)).to.equal(0n);
      await checkSpec(c);
    });

    it("reverts when the caller is no member's admin", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const caller = c.others[0];
      await expectRevert(
        c,
        () => c.vault.connect(caller).stake(U, { value: U }),
        "StakeVaultCallerNotAdmin",
        [caller.address],
      );
    });

    it("reverts when the caller is a member's voter, not its admin", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const caller = c.voters[0];
      await expectRevert(
        c,
        () => c.vault.connect(caller).stake(U, { value: U }),
        "StakeVaultCallerNotAdmin",
        [caller.address],
      );
    });

    it("reverts when the amount is zero", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(c, () => c.vault.connect(c.admins[0]).stake(0n), "StakeVaultZeroAmount", []);
    });

    it("reverts when the value sent is less than the amount", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).stake(U, { value: U - 1n }),
        "StakeVaultWrongValue",
        [U, U - 1n],
      );
    });

    it("reverts when the value sent is more than the amount", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).stake(U, { value: U + 1n }),
        "StakeVaultWrongValue",
        [U, U + 1n],
      );
    });

    it("reverts when the member was removed", async function () {
      const c = await networkHelpers.loadFixture(looseStakedCouncil);
      await c.registry.connect(c.governance).remove(2n);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[1]).stake(U, { value: U }),
        "StakeVaultMemberNotStakeable",
        [2n, Status.Removed],
      );
    });

    it("reverts when the member resigned", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await c.registry.connect(c.admins[1]).resign(2n);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[1]).stake(U, { value: U }),
        "StakeVaultMemberNotStakeable",
        [2n, Status.Resigned],
      );
    });

    it("reverts while the member's stake is frozen, up to and including the freeze's end", async function () {
      const c = await networkHelpers.loadFixture(governedCouncil);
      const until = await freeze(c, 2n, DAY);
      const send = () => c.vault.connect(c.admins[1]).stake(U, { value: U });
      await expectRevert(c, send, "StakeVaultStakeFrozen", [2n, until]);
      await networkHelpers.time.setNextBlockTimestamp(until);
      await expectRevert(c, send, "StakeVaultStakeFrozen", [2n, until]);
      await networkHelpers.time.setNextBlockTimestamp(until + 1n);
      await expect(send())
        .to.emit(c.vault, "Staked")
        .withArgs(2n, c.admins[1].address, U, 3n * U);
      expect(await c.vault.stakeOf(2n)).to.equal(3n * U);
    });
  });

  describe("stakeFor", function () {
    it("lets anyone add stake to an active member; the stake and the votes are the member's", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const payer = c.others[0];
      const voter = c.voters[1].address;
      const tx = c.vault.connect(payer).stakeFor(2n, 2n * U, { value: 2n * U });
      await expect(tx)
        .to.emit(c.vault, "Staked")
        .withArgs(2n, payer.address, 2n * U, 2n * U);
      await expect(tx).to.emit(c.vault, "EligibilityChanged").withArgs(2n, true, 1n);
      await expect(tx).to.emit(c.vault, "MemberVotesUpdated").withArgs(2n, voter, 0n, 1n);
      await expect(tx).to.emit(c.vault, "DelegateVotesChanged").withArgs(voter, 0n, 1n);
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, payer, c.admins[1]], [2n * U, -2n * U, 0n]);
      expect(await c.vault.stakeOf(2n)).to.equal(2n * U);
      expect(await c.vault.getVotes(voter)).to.equal(1n);
      expect(await c.vault.getVotes(payer.address)).to.equal(0n);
      await checkSpec(c);
    });

    it("accepts stake for a candidate, whose votes start at admission", async function () {
      const c = await networkHelpers.loadFixture(candidateCouncil);
      const payer = c.others[2];
      const voter = c.candidateVoter.address;
      const tx = c.vault.connect(payer).stakeFor(c.candidateId, 2n * U, { value: 2n * U });
      await expect(tx)
        .to.emit(c.vault, "Staked")
        .withArgs(c.candidateId, payer.address, 2n * U, 2n * U);
      await expect(tx).not.to.emit(c.vault, "MemberVotesUpdated");
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, payer], [2n * U, -2n * U]);
      expect(await c.vault.getVotes(voter)).to.equal(0n);

      const admit = c.registry.connect(c.governance).admit(c.candidateId);
      await expect(admit).to.emit(c.vault, "EligibilityChanged").withArgs(c.candidateId, true, 4n);
      // Only the admitted member's own votes are written; member 1 (10 units) follows the new cap on reading.
      expect(await eventArgs(admit, c.vault, "MemberVotesUpdated")).to.deep.equal([
        [c.candidateId, voter, 0n, 2n],
      ]);
      await expect(admit).to.emit(c.vault, "VoteCapChanged").withArgs(3n, 4n);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(3n);
      expect(await c.vault.getVotes(voter)).to.equal(2n);
      await checkSpec(c);
    });

    it("reverts when the member id is zero", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.others[0]).stakeFor(0n, U, { value: U }),
        "StakeVaultUnknownMember",
        [0n],
      );
    });

    it("reverts when the member does not exist", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.others[0]).stakeFor(6n, U, { value: U }),
        "StakeVaultUnknownMember",
        [6n],
      );
    });

    it("reverts when the member was removed", async function () {
      const c = await networkHelpers.loadFixture(looseStakedCouncil);
      await c.registry.connect(c.governance).remove(3n);
      await expectRevert(
        c,
        () => c.vault.connect(c.others[0]).stakeFor(3n, U, { value: U }),
        "StakeVaultMemberNotStakeable",
        [3n, Status.Removed],
      );
    });

    it("reverts when the member resigned", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await c.registry.connect(c.admins[2]).resign(3n);
      await expectRevert(
        c,
        () => c.vault.connect(c.others[0]).stakeFor(3n, U, { value: U }),
        "StakeVaultMemberNotStakeable",
        [3n, Status.Resigned],
      );
    });

    it("reverts when the candidate withdrew its application", async function () {
      const c = await networkHelpers.loadFixture(candidateCouncil);
      await c.registry.connect(c.candidateAdmin).resign(c.candidateId);
      await expectRevert(
        c,
        () => c.vault.connect(c.others[2]).stakeFor(c.candidateId, U, { value: U }),
        "StakeVaultMemberNotStakeable",
        [c.candidateId, Status.Resigned],
      );
    });

    it("reverts when the amount is zero", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(c, () => c.vault.connect(c.others[0]).stakeFor(1n, 0n), "StakeVaultZeroAmount", []);
    });

    it("reverts when the value sent differs from the amount", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.others[0]).stakeFor(1n, U, { value: 0n }),
        "StakeVaultWrongValue",
        [U, 0n],
      );
    });

    it("reverts when the registry has not bound the vault yet", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const unbound = await ethers.deployContract("StakeVault", [
        await c.registry.getAddress(),
        ethers.ZeroAddress,
        U,
        UNBONDING_PERIOD,
        WITHDRAWAL_WINDOW,
        c.governance.address,
      ]);
      await expectRevert(
        { vault: unbound, registry: c.registry },
        () => unbound.connect(c.others[0]).stakeFor(1n, U, { value: U }),
        "StakeVaultNotBound",
        [],
      );
      expect(await unbound.totalStaked()).to.equal(0n);
    });

    it("reverts while the member's stake is frozen, whoever pays", async function () {
      const c = await networkHelpers.loadFixture(governedCouncil);
      const until = await freeze(c, 3n, DAY);
      await expectRevert(
        c,
        () => c.vault.connect(c.others[0]).stakeFor(3n, U, { value: U }),
        "StakeVaultStakeFrozen",
        [3n, until],
      );
      // Another member's stake is not frozen.
      await expect(c.vault.connect(c.others[0]).stakeFor(4n, U, { value: U }))
        .to.emit(c.vault, "Staked")
        .withArgs(4n, c.others[0].address, U, U);
    });
  });

  describe("requestUnstake", function () {
    it("moves stake to pending, records the request and drops votes at once", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const [admin] = c.admins;
      const voter = c.voters[0].address;
      expect(await c.vault.connect(admin).requestUnstake.staticCall(1n, 9n * U)).to.equal(0n);
      const tx = c.vault.connect(admin).requestUnstake(1n, 9n * U);
      const at = await timeOf(tx);
      const unlocksAt = at + UNBONDING_PERIOD;
      const expiresAt = unlocksAt + WITHDRAWAL_WINDOW;
      await expect(tx)
        .to.emit(c.vault, "UnstakeRequested")
        .withArgs(1n, 0n, 9n * U, unlocksAt, expiresAt);
      await expect(tx).to.emit(c.vault, "MemberVotesUpdated").withArgs(1n, voter, 2n, 1n);
      await expect(tx).to.emit(c.vault, "DelegateVotesChanged").withArgs(voter, 2n, 1n);
      await expect(tx).not.to.emit(c.vault, "EligibilityChanged");
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, admin], [0n, 0n]);
      expect(await c.vault.stakeOf(1n)).to.equal(U);
      expect(await c.vault.pendingOf(1n)).to.equal(9n * U);
      expect(await c.vault.totalStaked()).to.equal(4n * U);
      expect(await c.vault.totalPending()).to.equal(9n * U);
      expect(await c.vault.unbondingRequestCount(1n)).to.equal(1n);
      expect([...(await c.vault.unbondingRequest(1n, 0n))]).to.deep.equal([
        9n * U,
        unlocksAt,
        expiresAt,
        false,
      ]);
      expect(await c.vault.getVotes(voter)).to.equal(1n);
      await networkHelpers.mine();
      expect(await c.vault.getPastVotes(voter, at - 1n)).to.equal(2n);
      expect(await c.vault.getPastVotes(voter, at)).to.equal(1n);
      await checkSpec(c);
    });

    it("makes the member ineligible below one unit and lowers the others' cap", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const tx = c.vault.connect(c.admins[0]).requestUnstake(1n, 10n * U);
      await expect(tx).to.emit(c.vault, "EligibilityChanged").withArgs(1n, false, 2n);
      expect(await eventArgs(tx, c.vault, "MemberVotesUpdated")).to.deep.equal([
        [1n, c.voters[0].address, 2n, 0n],
      ]);
      await expect(tx).to.emit(c.vault, "VoteCapChanged").withArgs(1n, 2n);
      expect(await c.vault.getVotes(c.voters[1].address)).to.equal(1n);
      const at = await timeOf(tx);
      expect(await c.vault.isEligible(1n)).to.equal(false);
      expect(await c.vault.voteCap()).to.equal(1n);
      expect(await c.vault.totalVotes()).to.equal(2n);
      await networkHelpers.mine();
      expect(await c.vault.getPastEligibleCount(at - 1n)).to.equal(3n);
      expect(await c.vault.getPastEligibleCount(at)).to.equal(2n);
      await checkSpec(c);
    });

    it("numbers requests in order and keeps each one's own window", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const first = await requestFrom(c.vault, c.admins[0], 1n, U);
      await c.vault.connect(c.governance).setUnbondingPeriod(2n * DAY);
      await c.vault.connect(c.governance).setWithdrawalWindow(3n * DAY);
      const second = await requestFrom(c.vault, c.admins[0], 1n, 2n * U);
      expect(first.requestId).to.equal(0n);
      expect(second.requestId).to.equal(1n);
      expect([...(await c.vault.unbondingRequest(1n, 0n))]).to.deep.equal([
        U,
        first.at + UNBONDING_PERIOD,
        first.at + UNBONDING_PERIOD + WITHDRAWAL_WINDOW,
        false,
      ]);
      expect([...(await c.vault.unbondingRequest(1n, 1n))]).to.deep.equal([
        2n * U,
        second.at + 2n * DAY,
        second.at + 5n * DAY,
        false,
      ]);
      expect(await c.vault.pendingOf(1n)).to.equal(3n * U);
      await checkSpec(c);
    });

    it("lets a removed member's admin unbond (no vote change: it has none)", async function () {
      const c = await networkHelpers.loadFixture(looseStakedCouncil);
      await c.registry.connect(c.governance).remove(2n);
      const tx = c.vault.connect(c.admins[1]).requestUnstake(2n, 2n * U);
      const at = await timeOf(tx);
      await expect(tx)
        .to.emit(c.vault, "UnstakeRequested")
        .withArgs(2n, 0n, 2n * U, at + UNBONDING_PERIOD, at + UNBONDING_PERIOD + WITHDRAWAL_WINDOW);
      await expect(tx).not.to.emit(c.vault, "MemberVotesUpdated");
      await expect(tx).not.to.emit(c.vault, "EligibilityChanged");
      expect(await c.vault.stakeOf(2n)).to.equal(0n);
      expect(await c.vault.pendingOf(2n)).to.equal(2n * U);
      await checkSpec(c);
    });

    it("reverts when the amount is zero", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).requestUnstake(1n, 0n),
        "StakeVaultZeroAmount",
        [],
      );
    });

    it("reverts when the amount exceeds the stake", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).requestUnstake(1n, 10n * U + 1n),
        "StakeVaultInsufficientStake",
        [1n, 10n * U + 1n, 10n * U],
      );
    });

    it("reverts when the whole stake is already pending", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await c.vault.connect(c.admins[2]).requestUnstake(3n, U);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[2]).requestUnstake(3n, 1n),
        "StakeVaultInsufficientStake",
        [3n, 1n, 0n],
      );
    });

    it("reverts when the caller is not the member's admin", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[1]).requestUnstake(1n, U),
        "StakeVaultNotMemberAdmin",
        [1n, c.admins[1].address],
      );
    });

    it("reverts when the caller is the member's voter", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.voters[0]).requestUnstake(1n, U),
        "StakeVaultNotMemberAdmin",
        [1n, c.voters[0].address],
      );
    });

    it("reverts when the member does not exist", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).requestUnstake(99n, U),
        "StakeVaultUnknownMember",
        [99n],
      );
    });

    it("reverts while the member's stake is frozen", async function () {
      const c = await networkHelpers.loadFixture(governedCouncil);
      const until = await freeze(c, 1n, DAY);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).requestUnstake(1n, U),
        "StakeVaultStakeFrozen",
        [1n, until],
      );
      await networkHelpers.time.increaseTo(until + 1n);
      await expect(c.vault.connect(c.admins[0]).requestUnstake(1n, U)).to.emit(c.vault, "UnstakeRequested");
    });
  });

  describe("withdraw", function () {
    it("pays an unbonded request to the recipient from its unlock time", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const recipient = c.others[0];
      const r = await requestFrom(c.vault, c.admins[0], 1n, 9n * U);
      const votesBefore = await c.vault.getVotes(c.voters[0].address);
      await networkHelpers.time.setNextBlockTimestamp(r.unlocksAt);
      const tx = c.vault.connect(c.admins[0]).withdraw(1n, 0n, recipient.address);
      await expect(tx)
        .to.emit(c.vault, "Withdrawn")
        .withArgs(1n, 0n, recipient.address, 9n * U);
      await expect(tx).to.changeEtherBalances(
        ethers,
        [c.vault, recipient, c.admins[0]],
        [-9n * U, 9n * U, 0n],
      );
      await expect(tx).not.to.emit(c.vault, "MemberVotesUpdated");
      await expect(tx).not.to.emit(c.vault, "DelegateVotesChanged");
      expect(await timeOf(tx)).to.equal(r.unlocksAt);
      expect(await c.vault.pendingOf(1n)).to.equal(0n);
      expect(await c.vault.stakeOf(1n)).to.equal(U);
      expect(await c.vault.totalPending()).to.equal(0n);
      expect([...(await c.vault.unbondingRequest(1n, 0n))]).to.deep.equal([
        9n * U,
        r.unlocksAt,
        r.expiresAt,
        true,
      ]);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(votesBefore);
      await checkSpec(c);
    });

    it("pays in the last second of the withdrawal window", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const r = await requestFrom(c.vault, c.admins[1], 2n, U);
      await networkHelpers.time.setNextBlockTimestamp(r.expiresAt - 1n);
      const tx = c.vault.connect(c.admins[1]).withdraw(2n, 0n, c.admins[1].address);
      await expect(tx).to.emit(c.vault, "Withdrawn").withArgs(2n, 0n, c.admins[1].address, U);
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, c.admins[1]], [-U, U]);
      await checkSpec(c);
    });

    it("settles each request independently", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await requestFrom(c.vault, c.admins[0], 1n, U);
      await requestFrom(c.vault, c.admins[0], 1n, 2n * U);
      await advance(UNBONDING_PERIOD);
      const tx = c.vault.connect(c.admins[0]).withdraw(1n, 1n, c.others[1].address);
      await expect(tx)
        .to.emit(c.vault, "Withdrawn")
        .withArgs(1n, 1n, c.others[1].address, 2n * U);
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, c.others[1]], [-2n * U, 2n * U]);
      expect(await c.vault.pendingOf(1n)).to.equal(U);
      expect((await c.vault.unbondingRequest(1n, 0n)).settled).to.equal(false);
      expect((await c.vault.unbondingRequest(1n, 1n)).settled).to.equal(true);
      await checkSpec(c);
    });

    it("lets a removed member withdraw its full stake after the unbonding period", async function () {
      const c = await networkHelpers.loadFixture(looseStakedCouncil);
      const remove = c.registry.connect(c.governance).remove(2n);
      await expect(remove).to.emit(c.vault, "EligibilityChanged").withArgs(2n, false, 2n);
      expect(await eventArgs(remove, c.vault, "MemberVotesUpdated")).to.deep.equal([
        [2n, c.voters[1].address, 2n, 0n],
      ]);
      await expect(remove).to.emit(c.vault, "VoteCapChanged").withArgs(1n, 2n);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(1n);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[1]).stake(U, { value: U }),
        "StakeVaultMemberNotStakeable",
        [2n, Status.Removed],
      );
      const r = await requestFrom(c.vault, c.admins[1], 2n, 2n * U);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[1]).withdraw(2n, r.requestId, c.admins[1].address),
        "StakeVaultRequestLocked",
        [2n, r.requestId, r.unlocksAt],
      );
      await networkHelpers.time.increaseTo(r.at + UNBONDING_PERIOD);
      const tx = c.vault.connect(c.admins[1]).withdraw(2n, r.requestId, c.admins[1].address);
      await expect(tx)
        .to.emit(c.vault, "Withdrawn")
        .withArgs(2n, r.requestId, c.admins[1].address, 2n * U);
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, c.admins[1]], [-2n * U, 2n * U]);
      expect(await c.vault.stakeOf(2n)).to.equal(0n);
      expect(await c.vault.pendingOf(2n)).to.equal(0n);
      expect(await c.vault.memberVotes(2n)).to.equal(0n);
      await checkSpec(c);
    });

    it("blocks re-entry from the recipient and pays exactly once", async function () {
      const c = await networkHelpers.loadFixture(reentrantCouncil);
      const mockAddress = await c.mock.getAddress();
      await c.mock.setReentry(1n, 1n, false); // Reentry.Withdraw, request 1, keep the outer call
      const tx = c.mock.withdraw(0n);
      expect(await eventArgs(tx, c.vault, "Withdrawn")).to.deep.equal([[c.mockId, 0n, mockAddress, U]]);
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, c.mock], [-U, U]);
      expect(await c.mock.lastRevertSelector()).to.equal(selectorOf(c.vault, "ReentrancyGuardReentrantCall"));
      expect(await c.mock.paymentsReceived()).to.equal(1n);
      expect(await c.mock.amountReceived()).to.equal(U);
      expect((await c.vault.unbondingRequest(c.mockId, 0n)).settled).to.equal(true);
      expect((await c.vault.unbondingRequest(c.mockId, 1n)).settled).to.equal(false);
      expect(await c.vault.pendingOf(c.mockId)).to.equal(U);
      // Without the guard the inner withdrawal of request 1 would succeed (it is unlocked and open).
      await c.mock.setReentry(0n, 0n, false);
      await expect(c.mock.withdraw(1n)).to.changeEtherBalances(ethers, [c.vault, c.mock], [-U, U]);
      await checkSpec(c);
    });

    it("reverts when the recipient is the zero address", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await requestFrom(c.vault, c.admins[0], 1n, U);
      await advance(UNBONDING_PERIOD);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).withdraw(1n, 0n, ethers.ZeroAddress),
        "StakeVaultInvalidRecipient",
        [ethers.ZeroAddress],
      );
    });

    it("reverts when the recipient is the vault itself", async function () {
      const c = await networkHelpers.loadFixture(erc20StakedCouncil);
      await requestFrom(c.vault, c.admins[0], 1n, U);
      await advance(UNBONDING_PERIOD);
      const vaultAddress = await c.vault.getAddress();
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).withdraw(1n, 0n, vaultAddress),
        "StakeVaultInvalidRecipient",
        [vaultAddress],
      );
    });

    it("reverts when the request does not exist", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await requestFrom(c.vault, c.admins[0], 1n, U);
      await advance(UNBONDING_PERIOD);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).withdraw(1n, 1n, c.admins[0].address),
        "StakeVaultUnknownRequest",
        [1n, 1n],
      );
    });

    it("reverts when the request is still unbonding", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const r = await requestFrom(c.vault, c.admins[0], 1n, U);
      await networkHelpers.time.setNextBlockTimestamp(r.unlocksAt - 1n);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).withdraw(1n, 0n, c.admins[0].address),
        "StakeVaultRequestLocked",
        [1n, 0n, r.unlocksAt],
      );
    });

    it("reverts when the withdrawal window has passed", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const r = await requestFrom(c.vault, c.admins[0], 1n, U);
      await networkHelpers.time.setNextBlockTimestamp(r.expiresAt);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).withdraw(1n, 0n, c.admins[0].address),
        "StakeVaultRequestExpired",
        [1n, 0n, r.expiresAt],
      );
    });

    it("reverts when the request was already withdrawn", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await requestFrom(c.vault, c.admins[0], 1n, U);
      await advance(UNBONDING_PERIOD);
      await c.vault.connect(c.admins[0]).withdraw(1n, 0n, c.admins[0].address);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).withdraw(1n, 0n, c.admins[0].address),
        "StakeVaultRequestSettled",
        [1n, 0n],
      );
    });

    it("reverts when the request was re-staked", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await requestFrom(c.vault, c.admins[0], 1n, U);
      await c.vault.connect(c.admins[0]).restake(1n, 0n);
      await advance(UNBONDING_PERIOD);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).withdraw(1n, 0n, c.admins[0].address),
        "StakeVaultRequestSettled",
        [1n, 0n],
      );
    });

    it("reverts when the caller is not the member's admin", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await requestFrom(c.vault, c.admins[0], 1n, U);
      await advance(UNBONDING_PERIOD);
      await expectRevert(
        c,
        () => c.vault.connect(c.others[0]).withdraw(1n, 0n, c.others[0].address),
        "StakeVaultNotMemberAdmin",
        [1n, c.others[0].address],
      );
    });

    it("reverts when the member does not exist", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).withdraw(42n, 0n, c.admins[0].address),
        "StakeVaultUnknownMember",
        [42n],
      );
    });

    it("reverts when the recipient rejects the coin", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await requestFrom(c.vault, c.admins[0], 1n, U);
      await advance(UNBONDING_PERIOD);
      const registry = await c.registry.getAddress();
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).withdraw(1n, 0n, registry),
        "FailedCall",
        [],
        [registry],
      );
    });

    it("reverts when the recipient re-enters withdraw", async function () {
      const c = await networkHelpers.loadFixture(reentrantCouncil);
      const mockAddress = await c.mock.getAddress();
      await c.mock.setReentry(1n, 1n, true); // Reentry.Withdraw, bubble the inner revert
      await expectRevert(c, () => c.mock.withdraw(0n), "ReentrancyGuardReentrantCall", [], [mockAddress]);
      expect(await c.mock.paymentsReceived()).to.equal(0n);
    });

    it("still pays a request made before the member's stake was frozen", async function () {
      const c = await networkHelpers.loadFixture(governedCouncil);
      const r = await requestFrom(c.vault, c.admins[0], 1n, U);
      await networkHelpers.time.increaseTo(r.unlocksAt);
      const until = await freeze(c, 1n, 30n * DAY);
      expect(await c.vault.frozenUntil(1n)).to.equal(until);
      const tx = c.vault.connect(c.admins[0]).withdraw(1n, r.requestId, c.others[3].address);
      await expect(tx).to.emit(c.vault, "Withdrawn").withArgs(1n, r.requestId, c.others[3].address, U);
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, c.others[3]], [-U, U]);
      expect(await c.vault.stakeOf(1n)).to.equal(9n * U);
      await checkSpec(c);
    });
  });

  describe("restake", function () {
    it("returns an expired request to the stake and restores the votes", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const voter = c.voters[0].address;
      const r = await requestFrom(c.vault, c.admins[0], 1n, 9n * U);
      expect(await c.vault.getVotes(voter)).to.equal(1n);
      await networkHelpers.time.increaseTo(r.expiresAt);
      const tx = c.vault.connect(c.admins[0]).restake(1n, 0n);
      await expect(tx)
        .to.emit(c.vault, "Restaked")
        .withArgs(1n, 0n, 9n * U);
      await expect(tx).to.emit(c.vault, "MemberVotesUpdated").withArgs(1n, voter, 1n, 2n);
      await expect(tx).to.emit(c.vault, "DelegateVotesChanged").withArgs(voter, 1n, 2n);
      await expect(tx).not.to.emit(c.vault, "EligibilityChanged");
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, c.admins[0]], [0n, 0n]);
      expect(await c.vault.stakeOf(1n)).to.equal(10n * U);
      expect(await c.vault.pendingOf(1n)).to.equal(0n);
      expect(await c.vault.totalPending()).to.equal(0n);
      expect((await c.vault.unbondingRequest(1n, 0n)).settled).to.equal(true);
      await checkSpec(c);
    });

    it("returns a request that is still unbonding", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await requestFrom(c.vault, c.admins[1], 2n, U);
      const tx = c.vault.connect(c.admins[1]).restake(2n, 0n);
      await expect(tx).to.emit(c.vault, "Restaked").withArgs(2n, 0n, U);
      await expect(tx).to.emit(c.vault, "MemberVotesUpdated").withArgs(2n, c.voters[1].address, 1n, 2n);
      expect(await c.vault.stakeOf(2n)).to.equal(2n * U);
      await checkSpec(c);
    });

    it("returns a request inside its withdrawal window", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const r = await requestFrom(c.vault, c.admins[1], 2n, U);
      await networkHelpers.time.increaseTo(r.unlocksAt);
      await expect(c.vault.connect(c.admins[1]).restake(2n, 0n))
        .to.emit(c.vault, "Restaked")
        .withArgs(2n, 0n, U);
      expect(await c.vault.pendingOf(2n)).to.equal(0n);
      await checkSpec(c);
    });

    it("makes the member eligible again and raises the others' cap", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await c.vault.connect(c.admins[2]).requestUnstake(3n, U);
      expect(await c.vault.voteCap()).to.equal(1n);
      const tx = c.vault.connect(c.admins[2]).restake(3n, 0n);
      await expect(tx).to.emit(c.vault, "EligibilityChanged").withArgs(3n, true, 3n);
      expect(await eventArgs(tx, c.vault, "MemberVotesUpdated")).to.deep.equal([
        [3n, c.voters[2].address, 0n, 1n],
      ]);
      await expect(tx).to.emit(c.vault, "VoteCapChanged").withArgs(2n, 3n);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(2n);
      expect(await c.vault.getVotes(c.voters[1].address)).to.equal(2n);
      await checkSpec(c);
    });

    it("lets a removed member restake an expired request, request it again and withdraw it", async function () {
      const c = await networkHelpers.loadFixture(looseStakedCouncil);
      await c.registry.connect(c.governance).remove(2n);
      const first = await requestFrom(c.vault, c.admins[1], 2n, 2n * U);
      await networkHelpers.time.increaseTo(first.expiresAt);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[1]).withdraw(2n, 0n, c.admins[1].address),
        "StakeVaultRequestExpired",
        [2n, 0n, first.expiresAt],
      );
      const restake = c.vault.connect(c.admins[1]).restake(2n, 0n);
      await expect(restake)
        .to.emit(c.vault, "Restaked")
        .withArgs(2n, 0n, 2n * U);
      await expect(restake).not.to.emit(c.vault, "MemberVotesUpdated");
      await expect(restake).not.to.emit(c.vault, "EligibilityChanged");
      expect(await c.vault.stakeOf(2n)).to.equal(2n * U);
      expect(await c.vault.memberVotes(2n)).to.equal(0n);
      await checkSpec(c);

      const second = await requestFrom(c.vault, c.admins[1], 2n, 2n * U);
      expect(second.requestId).to.equal(1n);
      await networkHelpers.time.increaseTo(second.unlocksAt);
      const tx = c.vault.connect(c.admins[1]).withdraw(2n, 1n, c.admins[1].address);
      await expect(tx)
        .to.emit(c.vault, "Withdrawn")
        .withArgs(2n, 1n, c.admins[1].address, 2n * U);
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, c.admins[1]], [-2n * U, 2n * U]);
      expect(await c.vault.stakeOf(2n)).to.equal(0n);
      expect(await c.vault.pendingOf(2n)).to.equal(0n);
      await checkSpec(c);
    });

    it("reverts when the member has no such request", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(c, () => c.vault.connect(c.admins[0]).restake(1n, 0n), "StakeVaultUnknownRequest", [
        1n,
        0n,
      ]);
    });

    it("reverts when the request was already re-staked", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await requestFrom(c.vault, c.admins[0], 1n, U);
      await c.vault.connect(c.admins[0]).restake(1n, 0n);
      await expectRevert(c, () => c.vault.connect(c.admins[0]).restake(1n, 0n), "StakeVaultRequestSettled", [
        1n,
        0n,
      ]);
    });

    it("reverts when the request was withdrawn", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await requestFrom(c.vault, c.admins[0], 1n, U);
      await advance(UNBONDING_PERIOD);
      await c.vault.connect(c.admins[0]).withdraw(1n, 0n, c.admins[0].address);
      await expectRevert(c, () => c.vault.connect(c.admins[0]).restake(1n, 0n), "StakeVaultRequestSettled", [
        1n,
        0n,
      ]);
    });

    it("reverts when the caller is not the member's admin", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await requestFrom(c.vault, c.admins[0], 1n, U);
      await expectRevert(c, () => c.vault.connect(c.voters[0]).restake(1n, 0n), "StakeVaultNotMemberAdmin", [
        1n,
        c.voters[0].address,
      ]);
    });

    it("reverts when the member does not exist", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(c, () => c.vault.connect(c.admins[0]).restake(7n, 0n), "StakeVaultUnknownMember", [
        7n,
      ]);
    });

    it("reverts when re-entered from a withdrawal payment", async function () {
      const c = await networkHelpers.loadFixture(reentrantCouncil);
      const mockAddress = await c.mock.getAddress();
      await c.mock.setReentry(2n, 1n, true); // Reentry.Restake, bubble the inner revert
      await expectRevert(c, () => c.mock.withdraw(0n), "ReentrancyGuardReentrantCall", [], [mockAddress]);
    });

    it("blocks a re-entrant restake and keeps the request open", async function () {
      const c = await networkHelpers.loadFixture(reentrantCouncil);
      await c.mock.setReentry(2n, 1n, false); // Reentry.Restake, swallow the inner revert
      const tx = c.mock.withdraw(0n);
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, c.mock], [-U, U]);
      await expect(tx).not.to.emit(c.vault, "Restaked");
      expect(await c.mock.lastRevertSelector()).to.equal(selectorOf(c.vault, "ReentrancyGuardReentrantCall"));
      expect(await c.vault.stakeOf(c.mockId)).to.equal(U);
      expect((await c.vault.unbondingRequest(c.mockId, 1n)).settled).to.equal(false);
      await checkSpec(c);
    });

    it("reverts while the member's stake is frozen, even for a request made before", async function () {
      const c = await networkHelpers.loadFixture(governedCouncil);
      const r = await requestFrom(c.vault, c.admins[1], 2n, U);
      const until = await freeze(c, 2n, DAY);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[1]).restake(2n, r.requestId),
        "StakeVaultStakeFrozen",
        [2n, until],
      );
      await networkHelpers.time.increaseTo(until + 1n);
      await expect(c.vault.connect(c.admins[1]).restake(2n, r.requestId))
        .to.emit(c.vault, "Restaked")
        .withArgs(2n, r.requestId, U);
    });
  });

  describe("onMemberUpdated", function () {
    it("gives votes at once when a staked candidate is admitted", async function () {
      const c = await networkHelpers.loadFixture(candidateCouncil);
      await c.vault.connect(c.candidateAdmin).stake(U, { value: U });
      const tx = c.registry.connect(c.governance).admit(c.candidateId);
      await expect(tx).to.emit(c.vault, "EligibilityChanged").withArgs(c.candidateId, true, 4n);
      expect(await eventArgs(tx, c.vault, "MemberVotesUpdated")).to.deep.equal([
        [c.candidateId, c.candidateVoter.address, 0n, 1n],
      ]);
      await expect(tx).to.emit(c.vault, "VoteCapChanged").withArgs(3n, 4n);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(3n);
      const at = await timeOf(tx);
      await networkHelpers.mine();
      expect(await c.vault.getPastEligibleCount(at)).to.equal(4n);
      expect(await c.vault.getPastMemberVotes(c.candidateId, at)).to.equal(1n);
      await checkSpec(c);
    });

    it("self-delegates a candidate's voter when it accepts, with no votes yet", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const [admin, voter] = c.others;
      await c.registry
        .connect(admin)
        .applyForMembership("New", "https://new.example/gc.json", voter.address, []);
      const tx = c.registry.connect(voter).acceptVoter(6n);
      await expect(tx)
        .to.emit(c.vault, "DelegateChanged")
        .withArgs(voter.address, ethers.ZeroAddress, voter.address);
      await expect(tx).not.to.emit(c.vault, "DelegateVotesChanged");
      expect(await c.vault.delegates(voter.address)).to.equal(voter.address);
      expect(await c.vault.getVotes(voter.address)).to.equal(0n);
    });

    it("drops a removed member's votes at once", async function () {
      const c = await networkHelpers.loadFixture(looseStakedCouncil);
      const tx = c.registry.connect(c.governance).remove(3n);
      await expect(tx).to.emit(c.vault, "EligibilityChanged").withArgs(3n, false, 2n);
      expect(await eventArgs(tx, c.vault, "MemberVotesUpdated")).to.deep.equal([
        [3n, c.voters[2].address, 1n, 0n],
      ]);
      await expect(tx).to.emit(c.vault, "VoteCapChanged").withArgs(1n, 2n);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(1n);
      expect(await c.vault.getVotes(c.voters[1].address)).to.equal(1n);
      await checkSpec(c);
    });

    it("drops a resigned member's votes at once", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const tx = c.registry.connect(c.admins[0]).resign(1n);
      await expect(tx).to.emit(c.vault, "EligibilityChanged").withArgs(1n, false, 2n);
      await expect(tx).to.emit(c.vault, "MemberVotesUpdated").withArgs(1n, c.voters[0].address, 2n, 0n);
      await expect(tx).to.emit(c.vault, "DelegateVotesChanged").withArgs(c.voters[0].address, 2n, 0n);
      expect(await c.vault.stakeOf(1n)).to.equal(10n * U);
      await checkSpec(c);
    });

    it("moves votes to a rotated voter at once; the old voter keeps its past votes", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const oldVoter = c.voters[0].address;
      const newVoter = c.others[0];
      await c.registry.connect(c.admins[0]).proposeVoter(1n, newVoter.address);
      const before = await now();
      const totalBefore = await c.vault.totalVotes();
      const tx = c.registry.connect(newVoter).acceptVoter(1n);
      await expect(tx)
        .to.emit(c.vault, "DelegateChanged")
        .withArgs(newVoter.address, ethers.ZeroAddress, newVoter.address);
      expect(await eventArgs(tx, c.vault, "DelegateVotesChanged")).to.deep.equal([
        [oldVoter, 2n, 0n],
        [newVoter.address, 0n, 2n],
      ]);
      await expect(tx).not.to.emit(c.vault, "MemberVotesUpdated");
      await expect(tx).not.to.emit(c.vault, "EligibilityChanged");
      const at = await timeOf(tx);
      expect(await c.vault.getVotes(oldVoter)).to.equal(0n);
      expect(await c.vault.getVotes(newVoter.address)).to.equal(2n);
      expect(await c.vault.memberVotes(1n)).to.equal(2n);
      expect(await c.vault.totalVotes()).to.equal(totalBefore);
      await networkHelpers.mine();
      // Both accounts stay the member's; only the current voter casts its snapshot votes.
      expect(await c.vault.memberOfVoter(oldVoter)).to.equal(1n);
      expect(await c.vault.memberOfVoter(newVoter.address)).to.equal(1n);
      expect([...(await c.vault.getPastVotesOfCurrentVoter(oldVoter, before))]).to.deep.equal([0n, 1n]);
      expect([...(await c.vault.getPastVotesOfCurrentVoter(newVoter.address, before))]).to.deep.equal([
        2n,
        1n,
      ]);
      expect([...(await c.vault.getPastVotesOfCurrentVoter(c.others[1].address, before))]).to.deep.equal([
        0n,
        0n,
      ]);
      expect(await c.vault.getPastVotes(oldVoter, before)).to.equal(2n);
      expect(await c.vault.getPastVotes(oldVoter, at)).to.equal(0n);
      expect(await c.vault.getPastVotes(newVoter.address, before)).to.equal(0n);
      expect(await c.vault.getPastVotes(newVoter.address, at)).to.equal(2n);
      expect(await c.vault.getPastMemberVotes(1n, before)).to.equal(2n);
      expect(await c.vault.getPastMemberVotes(1n, at)).to.equal(2n);
      expect(await c.vault.getPastTotalSupply(at)).to.equal(await c.vault.getPastTotalSupply(before));
      // Later changes are checkpointed for the new voter.
      const more = c.vault.connect(c.admins[0]).requestUnstake(1n, 9n * U);
      await expect(more).to.emit(c.vault, "MemberVotesUpdated").withArgs(1n, newVoter.address, 2n, 1n);
      await expect(more).to.emit(c.vault, "DelegateVotesChanged").withArgs(newVoter.address, 2n, 1n);
      expect(await c.vault.getVotes(oldVoter)).to.equal(0n);
      await checkSpec(c);
    });

    it("changes nothing when the registry reports a member whose record did not change", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const registry = await impersonateRegistry(c);
      const before = await state(c, [registry.address]);
      const tx = c.vault.connect(registry).onMemberUpdated(1n);
      await expect(tx).not.to.emit(c.vault, "MemberVotesUpdated");
      await expect(tx).not.to.emit(c.vault, "EligibilityChanged");
      await expect(tx).not.to.emit(c.vault, "DelegateVotesChanged");
      await expect(tx).not.to.emit(c.vault, "DelegateChanged");
      const after = await state(c, [registry.address]);
      // Only the block number and the registry's gas may differ.
      delete before.block;
      delete after.block;
      delete before[`native ${registry.address}`];
      delete after[`native ${registry.address}`];
      expect(after).to.deep.equal(before);
      await networkHelpers.stopImpersonatingAccount(registry.address);
    });

    it("reverts when the caller is not the registry", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.others[0]).onMemberUpdated(1n),
        "StakeVaultOnlyRegistry",
        [c.others[0].address],
      );
    });

    it("reverts when the caller is governance", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).onMemberUpdated(1n),
        "StakeVaultOnlyRegistry",
        [c.governance.address],
      );
    });
  });

  describe("bindGovernor", function () {
    it("binds the governor once, for the deployer only, and emits GovernorBound", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const governor = await ethers.deployContract("SettableTarget");
      const address = await governor.getAddress();
      await expect(c.vault.connect(c.deployer).bindGovernor(address))
        .to.emit(c.vault, "GovernorBound")
        .withArgs(address);
      expect(await c.vault.governor()).to.equal(address);
    });

    it("reverts when the caller is not the deployer", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const address = await (await ethers.deployContract("SettableTarget")).getAddress();
      for (const caller of [c.governance, c.admins[0], c.others[0]]) {
        await expectRevert(
          c,
          () => c.vault.connect(caller).bindGovernor(address),
          "StakeVaultGovernorBindingClosed",
          [],
        );
      }
    });

    it("reverts when a governor is already bound", async function () {
      const c = await networkHelpers.loadFixture(governedCouncil);
      const other = await (await ethers.deployContract("SettableTarget")).getAddress();
      await expectRevert(
        c,
        () => c.vault.connect(c.deployer).bindGovernor(other),
        "StakeVaultGovernorBindingClosed",
        [],
      );
      expect(await c.vault.governor()).to.equal(c.governor.address);
    });

    it("reverts when the governor has no code (an account or the zero address)", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      for (const account of [c.others[0].address, ethers.ZeroAddress]) {
        await expectRevert(
          c,
          () => c.vault.connect(c.deployer).bindGovernor(account),
          "StakeVaultNotAContract",
          [account],
        );
      }
    });
  });

  describe("freezeStake", function () {
    it("freezes a member's stake until the given time and emits StakeFrozen", async function () {
      const c = await networkHelpers.loadFixture(governedCouncil);
      const until = (await now()) + DAY;
      await expect(c.vault.connect(c.governor).freezeStake(2n, until))
        .to.emit(c.vault, "StakeFrozen")
        .withArgs(2n, until);
      expect(await c.vault.frozenUntil(2n)).to.equal(until);
      expect(await c.vault.frozenUntil(1n)).to.equal(0n);
      // Votes and eligibility do not move.
      expect(await c.vault.memberVotes(2n)).to.equal(2n);
      await checkSpec(c);
    });

    it("extends a freeze with a later end; an earlier or equal end changes nothing and emits nothing", async function () {
      const c = await networkHelpers.loadFixture(governedCouncil);
      const until = await freeze(c, 2n, 2n * DAY);
      for (const earlier of [until, until - DAY]) {
        await expect(c.vault.connect(c.governor).freezeStake(2n, earlier)).not.to.emit(
          c.vault,
          "StakeFrozen",
        );
        expect(await c.vault.frozenUntil(2n)).to.equal(until);
      }
      await expect(c.vault.connect(c.governor).freezeStake(2n, until + DAY))
        .to.emit(c.vault, "StakeFrozen")
        .withArgs(2n, until + DAY);
      expect(await c.vault.frozenUntil(2n)).to.equal(until + DAY);
    });

    it("reverts when the caller is not the bound governor", async function () {
      const c = await networkHelpers.loadFixture(governedCouncil);
      const until = (await now()) + DAY;
      for (const caller of [c.deployer, c.governance, c.admins[1], c.voters[1]]) {
        await expectRevert(
          c,
          () => c.vault.connect(caller).freezeStake(2n, until),
          "StakeVaultOnlyGovernor",
          [caller.address],
        );
      }
    });

    it("reverts for everyone while no governor is bound", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const registry = await impersonateRegistry(c);
      for (const caller of [c.deployer, c.governance, registry]) {
        await expectRevert(c, () => c.vault.connect(caller).freezeStake(1n, 1n), "StakeVaultOnlyGovernor", [
          caller.address,
        ]);
      }
    });
  });

  describe("setStakeUnit", function () {
    it("recomputes every active member's eligibility and votes when the unit rises", async function () {
      const c = await networkHelpers.loadFixture(looseStakedCouncil);
      const tx = c.vault.connect(c.governance).setStakeUnit(2n * U);
      await expect(tx)
        .to.emit(c.vault, "StakeUnitUpdated")
        .withArgs(U, 2n * U);
      expect(await eventArgs(tx, c.vault, "EligibilityChanged")).to.deep.equal([[3n, false, 2n]]);
      // A stake unit change emits the votes of every member whose votes changed, as well as the cap's move.
      expect(await eventArgs(tx, c.vault, "MemberVotesUpdated")).to.deep.equal([
        [1n, c.voters[0].address, 2n, 1n],
        [2n, c.voters[1].address, 2n, 1n],
        [3n, c.voters[2].address, 1n, 0n],
      ]);
      await expect(tx).to.emit(c.vault, "VoteCapChanged").withArgs(1n, 2n);
      const at = await timeOf(tx);
      expect(await c.vault.stakeUnit()).to.equal(2n * U);
      expect(await c.vault.voteCap()).to.equal(1n);
      expect(await c.vault.stakeOf(3n)).to.equal(U);
      await networkHelpers.mine();
      expect(await c.vault.getPastEligibleCount(at - 1n)).to.equal(3n);
      expect(await c.vault.getPastEligibleCount(at)).to.equal(2n);
      expect(await c.vault.getPastTotalSupply(at)).to.equal(2n);
      await checkSpec(c);
    });

    it("makes members eligible when the unit drops", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await stakeNative(c, 4n, U / 2n);
      const tx = c.vault.connect(c.governance).setStakeUnit(U / 2n);
      await expect(tx)
        .to.emit(c.vault, "StakeUnitUpdated")
        .withArgs(U, U / 2n);
      expect(await eventArgs(tx, c.vault, "EligibilityChanged")).to.deep.equal([[4n, true, 4n]]);
      expect(await eventArgs(tx, c.vault, "MemberVotesUpdated")).to.deep.equal([
        [1n, c.voters[0].address, 2n, 3n],
        [2n, c.voters[1].address, 2n, 3n],
        [3n, c.voters[2].address, 1n, 2n],
        [4n, c.voters[3].address, 0n, 1n],
      ]);
      expect(await c.vault.totalVotes()).to.equal(9n);
      await checkSpec(c);
    });

    it("changes only the votes when eligibility is unchanged", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const tx = c.vault.connect(c.governance).setStakeUnit(U / 2n);
      await expect(tx).not.to.emit(c.vault, "EligibilityChanged");
      expect(await eventArgs(tx, c.vault, "MemberVotesUpdated")).to.deep.equal([
        [3n, c.voters[2].address, 1n, 2n],
      ]);
      await checkSpec(c);
    });

    it("emits one EligibilityChanged per member that crosses the line, each with the final count", async function () {
      const c = await networkHelpers.loadFixture(looseStakedCouncil);
      await stakeUnits(c, 4, 1n);
      expect(await c.vault.eligibleCount()).to.equal(4n);
      const tx = c.vault.connect(c.governance).setStakeUnit(3n * U);
      expect(await eventArgs(tx, c.vault, "EligibilityChanged")).to.deep.equal([
        [2n, false, 1n],
        [3n, false, 1n],
        [4n, false, 1n],
      ]);
      expect(await eventArgs(tx, c.vault, "MemberVotesUpdated")).to.deep.equal([
        [1n, c.voters[0].address, 3n, 1n],
        [2n, c.voters[1].address, 2n, 0n],
        [3n, c.voters[2].address, 1n, 0n],
        [4n, c.voters[3].address, 1n, 0n],
      ]);
      const at = await timeOf(tx);
      await networkHelpers.mine();
      expect(await c.vault.getPastEligibleCount(at - 1n)).to.equal(4n);
      expect(await c.vault.getPastEligibleCount(at)).to.equal(1n);
      await checkSpec(c);
    });

    it("leaves removed and resigned members without votes", async function () {
      const c = await networkHelpers.loadFixture(looseStakedCouncil);
      await c.registry.connect(c.governance).remove(1n);
      await c.registry.connect(c.admins[1]).resign(2n);
      const tx = c.vault.connect(c.governance).setStakeUnit(U / 10n);
      await expect(tx).not.to.emit(c.vault, "EligibilityChanged");
      expect(await eventArgs(tx, c.vault, "MemberVotesUpdated")).to.deep.equal([]);
      expect(await c.vault.memberVotes(1n)).to.equal(0n);
      expect(await c.vault.memberVotes(2n)).to.equal(0n);
      expect(await c.vault.memberVotes(3n)).to.equal(1n);
      await checkSpec(c);
    });

    it("reverts when the unit is zero", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).setStakeUnit(0n),
        "StakeVaultInvalidStakeUnit",
        [0n],
      );
    });

    it("reverts when the caller is not the owner", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).setStakeUnit(1n),
        "OwnableUnauthorizedAccount",
        [c.admins[0].address],
      );
    });

    it("reverts when a raised unit would leave fewer eligible members than the minimum council size", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      for (const id of [1, 2, 3, 4]) await stakeUnits(c, id, 2n);
      await stakeUnits(c, 5, 1n);
      // Five eligible, minimum 4: a unit of 2 leaves four eligible (allowed), a unit of 3 leaves none.
      await expect(c.vault.connect(c.governance).setStakeUnit(2n * U))
        .to.emit(c.vault, "EligibilityChanged")
        .withArgs(5n, false, 4n);
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).setStakeUnit(3n * U),
        "StakeVaultTooFewEligible",
        [0n, 4n],
      );
      expect(await c.vault.stakeUnit()).to.equal(2n * U);
      await checkSpec(c);
    });

    it("reverts when a raised unit lowers an eligible count that is already below the minimum", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).setStakeUnit(2n * U),
        "StakeVaultTooFewEligible",
        [2n, 4n],
      );
    });
  });

  describe("setUnbondingPeriod", function () {
    it("sets the period for future requests only", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const old = await requestFrom(c.vault, c.admins[0], 1n, U);
      const tx = c.vault.connect(c.governance).setUnbondingPeriod(3n * DAY);
      await expect(tx)
        .to.emit(c.vault, "UnbondingPeriodUpdated")
        .withArgs(UNBONDING_PERIOD, 3n * DAY);
      expect(await c.vault.unbondingPeriod()).to.equal(3n * DAY);
      expect((await c.vault.unbondingRequest(1n, 0n)).unlocksAt).to.equal(old.unlocksAt);
      const next = await requestFrom(c.vault, c.admins[0], 1n, U);
      expect(next.unlocksAt).to.equal(next.at + 3n * DAY);
      expect(next.expiresAt).to.equal(next.at + 3n * DAY + WITHDRAWAL_WINDOW);
    });

    it("accepts exactly 1 day and exactly 30 days", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      await expect(c.vault.connect(c.governance).setUnbondingPeriod(MIN_PERIOD))
        .to.emit(c.vault, "UnbondingPeriodUpdated")
        .withArgs(UNBONDING_PERIOD, MIN_PERIOD);
      await expect(c.vault.connect(c.governance).setUnbondingPeriod(MAX_PERIOD))
        .to.emit(c.vault, "UnbondingPeriodUpdated")
        .withArgs(MIN_PERIOD, MAX_PERIOD);
      expect(await c.vault.unbondingPeriod()).to.equal(MAX_PERIOD);
    });

    it("reverts when the period is shorter than a day", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).setUnbondingPeriod(MIN_PERIOD - 1n),
        "StakeVaultInvalidPeriod",
        [MIN_PERIOD - 1n, MIN_PERIOD, MAX_PERIOD],
      );
    });

    it("reverts when the period is longer than 30 days", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).setUnbondingPeriod(MAX_PERIOD + 1n),
        "StakeVaultInvalidPeriod",
        [MAX_PERIOD + 1n, MIN_PERIOD, MAX_PERIOD],
      );
    });

    it("reverts when the caller is not the owner", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.others[0]).setUnbondingPeriod(2n * DAY),
        "OwnableUnauthorizedAccount",
        [c.others[0].address],
      );
    });
  });

  describe("setWithdrawalWindow", function () {
    it("sets the window for future requests only", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const old = await requestFrom(c.vault, c.admins[0], 1n, U);
      const tx = c.vault.connect(c.governance).setWithdrawalWindow(2n * DAY);
      await expect(tx)
        .to.emit(c.vault, "WithdrawalWindowUpdated")
        .withArgs(WITHDRAWAL_WINDOW, 2n * DAY);
      expect(await c.vault.withdrawalWindow()).to.equal(2n * DAY);
      expect((await c.vault.unbondingRequest(1n, 0n)).expiresAt).to.equal(old.expiresAt);
      const next = await requestFrom(c.vault, c.admins[0], 1n, U);
      expect(next.expiresAt).to.equal(next.at + UNBONDING_PERIOD + 2n * DAY);
    });

    it("accepts exactly 1 day and exactly 30 days", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      await expect(c.vault.connect(c.governance).setWithdrawalWindow(MIN_PERIOD))
        .to.emit(c.vault, "WithdrawalWindowUpdated")
        .withArgs(WITHDRAWAL_WINDOW, MIN_PERIOD);
      await expect(c.vault.connect(c.governance).setWithdrawalWindow(MAX_PERIOD))
        .to.emit(c.vault, "WithdrawalWindowUpdated")
        .withArgs(MIN_PERIOD, MAX_PERIOD);
      expect(await c.vault.withdrawalWindow()).to.equal(MAX_PERIOD);
    });

    it("reverts when the window is shorter than a day", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).setWithdrawalWindow(MIN_PERIOD - 1n),
        "StakeVaultInvalidPeriod",
        [MIN_PERIOD - 1n, MIN_PERIOD, MAX_PERIOD],
      );
    });

    it("reverts when the window is longer than 30 days", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).setWithdrawalWindow(MAX_PERIOD + 1n),
        "StakeVaultInvalidPeriod",
        [MAX_PERIOD + 1n, MIN_PERIOD, MAX_PERIOD],
      );
    });

    it("reverts when the caller is not the owner", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).setWithdrawalWindow(2n * DAY),
        "OwnableUnauthorizedAccount",
        [c.admins[0].address],
      );
    });
  });

  describe("recoverExcess", function () {
    it("recovers native coin credited without a call, never stake or pending", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await c.vault.connect(c.admins[0]).requestUnstake(1n, 4n * U);
      const vaultAddress = await c.vault.getAddress();
      const excess = ethers.parseEther("3");
      await networkHelpers.setBalance(
        vaultAddress,
        (await ethers.provider.getBalance(vaultAddress)) + excess,
      );
      const to = c.others[3];
      const tx = c.vault.connect(c.governance).recoverExcess(ethers.ZeroAddress, to.address);
      await expect(tx).to.emit(c.vault, "ExcessRecovered").withArgs(ethers.ZeroAddress, to.address, excess);
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, to], [-excess, excess]);
      expect(await c.vault.totalStaked()).to.equal(9n * U);
      expect(await c.vault.totalPending()).to.equal(4n * U);
      await checkSpec(c);
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).recoverExcess(ethers.ZeroAddress, to.address),
        "StakeVaultNothingToRecover",
        [ethers.ZeroAddress],
      );
    });

    it("recovers a foreign token in full", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const foreign = await ethers.deployContract("MockERC20", ["Foreign", "FOR"]);
      await foreign.mint(await c.vault.getAddress(), 123n);
      const to = c.others[3];
      const tx = c.vault.connect(c.governance).recoverExcess(await foreign.getAddress(), to.address);
      await expect(tx)
        .to.emit(c.vault, "ExcessRecovered")
        .withArgs(await foreign.getAddress(), to.address, 123n);
      await expect(tx).to.changeTokenBalances(ethers, foreign, [c.vault, to], [-123n, 123n]);
      await expect(tx).to.changeEtherBalances(ethers, [c.vault], [0n]);
      await checkSpec(c);
    });

    it("reverts when the recipient is the zero address", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const vaultAddress = await c.vault.getAddress();
      await networkHelpers.setBalance(vaultAddress, (await ethers.provider.getBalance(vaultAddress)) + 1n);
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).recoverExcess(ethers.ZeroAddress, ethers.ZeroAddress),
        "StakeVaultInvalidRecipient",
        [ethers.ZeroAddress],
      );
    });

    it("reverts when the recipient is the vault itself", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const vaultAddress = await c.vault.getAddress();
      await networkHelpers.setBalance(vaultAddress, (await ethers.provider.getBalance(vaultAddress)) + 1n);
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).recoverExcess(ethers.ZeroAddress, vaultAddress),
        "StakeVaultInvalidRecipient",
        [vaultAddress],
      );
    });

    it("reverts when the native balance is only stake and pending", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await c.vault.connect(c.admins[0]).requestUnstake(1n, U);
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).recoverExcess(ethers.ZeroAddress, c.others[3].address),
        "StakeVaultNothingToRecover",
        [ethers.ZeroAddress],
      );
    });

    it("reverts when the vault holds none of a foreign token", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const foreign = await ethers.deployContract("MockERC20", ["Foreign", "FOR"]);
      const foreignAddress = await foreign.getAddress();
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).recoverExcess(foreignAddress, c.others[3].address),
        "StakeVaultNothingToRecover",
        [foreignAddress],
      );
    });

    it("reverts when the recipient rejects the coin", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const vaultAddress = await c.vault.getAddress();
      await networkHelpers.setBalance(vaultAddress, (await ethers.provider.getBalance(vaultAddress)) + 5n);
      const registry = await c.registry.getAddress();
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).recoverExcess(ethers.ZeroAddress, registry),
        "FailedCall",
        [],
        [registry],
      );
    });

    it("reverts when the caller is not the owner", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const vaultAddress = await c.vault.getAddress();
      await networkHelpers.setBalance(vaultAddress, (await ethers.provider.getBalance(vaultAddress)) + 5n);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).recoverExcess(ethers.ZeroAddress, c.admins[0].address),
        "OwnableUnauthorizedAccount",
        [c.admins[0].address],
      );
    });
  });

  describe("delegate", function () {
    it("reverts for any delegatee, including the caller itself", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const voter = c.voters[0];
      await expectRevert(
        c,
        () => c.vault.connect(voter).delegate(c.others[0].address),
        "StakeVaultDelegationFixed",
        [],
      );
      await expectRevert(
        c,
        () => c.vault.connect(voter).delegate(voter.address),
        "StakeVaultDelegationFixed",
        [],
      );
      expect(await c.vault.delegates(voter.address)).to.equal(voter.address);
      expect(await c.vault.getVotes(voter.address)).to.equal(2n);
    });
  });

  describe("delegateBySig", function () {
    it("reverts even with a valid signature, and does not use the nonce", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const voter = c.voters[0];
      const delegatee = c.others[0].address;
      const expiry = (await now()) + DAY;
      const { chainId } = await ethers.provider.getNetwork();
      const signature = await voter.signTypedData(
        { name: "GC StakeVault", version: "1", chainId, verifyingContract: await c.vault.getAddress() },
        {
          Delegation: [
            { name: "delegatee", type: "address" },
            { name: "nonce", type: "uint256" },
            { name: "expiry", type: "uint256" },
          ],
        },
        { delegatee, nonce: 0n, expiry },
      );
      const { v, r, s } = ethers.Signature.from(signature);
      await expectRevert(
        c,
        () => c.vault.connect(c.others[1]).delegateBySig(delegatee, 0n, expiry, v, r, s),
        "StakeVaultDelegationFixed",
        [],
      );
      expect(await c.vault.nonces(voter.address)).to.equal(0n);
      expect(await c.vault.delegates(voter.address)).to.equal(voter.address);
      expect(await c.vault.getVotes(voter.address)).to.equal(2n);
    });

    it("reverts with an expired, malformed signature", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expectRevert(
        c,
        () => c.vault.delegateBySig(c.others[0].address, 0n, 0n, 27, ethers.ZeroHash, ethers.ZeroHash),
        "StakeVaultDelegationFixed",
        [],
      );
    });
  });

  describe("clock and CLOCK_MODE", function () {
    it("uses the block timestamp", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      expect(await c.vault.CLOCK_MODE()).to.equal("mode=timestamp");
      expect(await c.vault.clock()).to.equal(await now());
      await advance(1000n);
      expect(await c.vault.clock()).to.equal(await now());
      expect(await c.vault.clock()).to.equal(await c.registry.clock());
    });

    it("keys checkpoints by timestamp, not by block number", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const at = await timeOf(stakeNative(c, 1n, U));
      const block = await ethers.provider.getBlockNumber();
      await networkHelpers.mine();
      expect(at).to.be.greaterThan(BigInt(block));
      expect(await c.vault.getPastVotes(c.voters[0].address, at)).to.equal(1n);
      expect(await c.vault.getPastVotes(c.voters[0].address, at - 1n)).to.equal(0n);
      expect(await c.vault.getPastVotes(c.voters[0].address, BigInt(block))).to.equal(0n);
    });
  });

  describe("getVotes, getPastVotes and getPastTotalSupply", function () {
    it("flash stake gives no power at any earlier timepoint", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const voter = c.voters[2].address;
      const first = (await now()) - 40n;
      const last = await now();
      const past = new Map<bigint, bigint[]>();
      for (let t = first; t < last; t++) {
        past.set(t, [
          await c.vault.getPastVotes(voter, t),
          await c.vault.getPastTotalSupply(t),
          await c.vault.getPastMemberVotes(3n, t),
          await c.vault.getPastEligibleCount(t),
        ]);
      }
      const current = [
        await c.vault.getVotes(voter),
        await c.vault.totalVotes(),
        await c.vault.memberVotes(3n),
        await c.vault.eligibleCount(),
      ];
      expect(current).to.deep.equal([1n, 5n, 1n, 3n]);
      const stakeAt = last + 10n;
      await networkHelpers.time.setNextBlockTimestamp(stakeAt);
      const tx = stakeNative(c, 3n, 4n * U);
      await expect(tx).to.emit(c.vault, "MemberVotesUpdated").withArgs(3n, voter, 1n, 2n);
      expect(await timeOf(tx)).to.equal(stakeAt);
      expect(await c.vault.getVotes(voter)).to.equal(2n);
      expect(await c.vault.clock()).to.equal(stakeAt);
      await expect(c.vault.getPastVotes(voter, stakeAt))
        .to.be.revertedWithCustomError(c.vault, "ERC5805FutureLookup")
        .withArgs(stakeAt, stakeAt);
      await expect(c.vault.getPastTotalSupply(stakeAt))
        .to.be.revertedWithCustomError(c.vault, "ERC5805FutureLookup")
        .withArgs(stakeAt, stakeAt);
      await expect(c.vault.getPastMemberVotes(3n, stakeAt))
        .to.be.revertedWithCustomError(c.vault, "ERC5805FutureLookup")
        .withArgs(stakeAt, stakeAt);
      for (let t = first; t < stakeAt; t++) {
        const expected = t < last ? past.get(t) : current;
        expect([
          await c.vault.getPastVotes(voter, t),
          await c.vault.getPastTotalSupply(t),
          await c.vault.getPastMemberVotes(3n, t),
          await c.vault.getPastEligibleCount(t),
        ]).to.deep.equal(expected, `timepoint ${t}`);
      }
      await networkHelpers.mine();
      expect(await c.vault.getPastVotes(voter, stakeAt)).to.equal(2n);
      expect(await c.vault.getPastTotalSupply(stakeAt)).to.equal(6n);
    });

    it("flash stake and unstake in the same block give no power at any earlier timepoint", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const voter = c.voters[2].address;
      const first = (await now()) - 40n;
      const last = await now();
      const history = async (t: bigint): Promise<bigint[]> => [
        await c.vault.getPastVotes(voter, t),
        await c.vault.getPastTotalSupply(t),
        await c.vault.getPastMemberVotes(3n, t),
      ];
      const past = new Map<bigint, bigint[]>();
      for (let t = first; t < last; t++) past.set(t, await history(t));
      const blockAt = last + 10n;
      await ethers.provider.send("evm_setAutomine", [false]);
      let stakeTx: ContractTransactionResponse;
      let unstakeTx: ContractTransactionResponse;
      try {
        stakeTx = await c.vault.connect(c.admins[2]).stake(4n * U, { value: 4n * U, gasLimit: GAS });
        unstakeTx = await c.vault.connect(c.admins[2]).requestUnstake(3n, 4n * U, { gasLimit: GAS });
        await networkHelpers.time.setNextBlockTimestamp(blockAt);
        await ethers.provider.send("evm_mine", []);
      } finally {
        await ethers.provider.send("evm_setAutomine", [true]);
      }
      const stakeReceipt = await stakeTx.wait();
      const unstakeReceipt = await unstakeTx.wait();
      expect(stakeReceipt?.status).to.equal(1);
      expect(unstakeReceipt?.status).to.equal(1);
      expect(stakeReceipt?.blockNumber).to.equal(unstakeReceipt?.blockNumber);
      expect(await now()).to.equal(blockAt);
      expect(await eventArgs(Promise.resolve(stakeTx), c.vault, "MemberVotesUpdated")).to.deep.equal([
        [3n, voter, 1n, 2n],
      ]);
      expect(await eventArgs(Promise.resolve(unstakeTx), c.vault, "MemberVotesUpdated")).to.deep.equal([
        [3n, voter, 2n, 1n],
      ]);
      await expect(c.vault.getPastVotes(voter, blockAt))
        .to.be.revertedWithCustomError(c.vault, "ERC5805FutureLookup")
        .withArgs(blockAt, blockAt);
      for (let t = first; t < blockAt; t++) {
        expect(await history(t)).to.deep.equal(t < last ? past.get(t) : [1n, 5n, 1n], `timepoint ${t}`);
      }
      await networkHelpers.mine();
      expect(await history(blockAt)).to.deep.equal([1n, 5n, 1n]);
      expect(await c.vault.stakeOf(3n)).to.equal(U);
      expect(await c.vault.pendingOf(3n)).to.equal(4n * U);
      await checkSpec(c);
    });

    it("returns zero for an account that is no voter", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      expect(await c.vault.getVotes(c.admins[0].address)).to.equal(0n);
      expect(await c.vault.getVotes(c.others[0].address)).to.equal(0n);
      expect(await c.vault.getPastVotes(c.admins[0].address, (await now()) - 1n)).to.equal(0n);
    });

    it("sums voters' votes to the total supply after a sequence of operations, now and in the past", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const [candidateAdmin, candidateVoter, rotatedVoter, payer] = c.others;
      await stakeUnits(c, 1, 10n);
      await stakeUnits(c, 2, 3n);
      await stakeUnits(c, 3, 1n);
      await stakeUnits(c, 4, 1n);
      await checkSpec(c);
      const tA = await now();
      await c.vault.connect(c.admins[1]).requestUnstake(2n, 2n * U);
      await checkSpec(c);
      await c.registry.connect(c.admins[0]).proposeVoter(1n, rotatedVoter.address);
      await c.registry.connect(rotatedVoter).acceptVoter(1n);
      await checkSpec(c);
      await c.registry
        .connect(candidateAdmin)
        .applyForMembership("Sixth", "https://sixth.example/gc.json", candidateVoter.address, []);
      await c.registry.connect(candidateVoter).acceptVoter(6n);
      await c.vault.connect(payer).stakeFor(6n, 2n * U, { value: 2n * U });
      await c.registry.connect(c.governance).admit(6n);
      await checkSpec(c);
      const tB = await now();
      await c.registry.connect(c.governance).remove(4n);
      await checkSpec(c);
      await c.vault.connect(c.governance).setStakeUnit(U / 2n);
      await checkSpec(c);
      await networkHelpers.mine();

      const voterAccounts = [...c.voters.map((v) => v.address), rotatedVoter.address, candidateVoter.address];
      const sum = async (read: (a: string) => Promise<bigint>): Promise<bigint> => {
        let total = 0n;
        for (const a of voterAccounts) total += await read(a);
        return total;
      };
      const memberSum = async (t: bigint): Promise<bigint> => {
        let total = 0n;
        for (let id = 1n; id <= 6n; id++) total += await c.vault.getPastMemberVotes(id, t);
        return total;
      };
      // Member votes: at tA 3/3/1/1, at tB 4/1/1/1/-/2, now (unit halved, member 4 gone) 3/2/2/0/-/3.
      expect(await sum((a) => c.vault.getVotes(a))).to.equal(await c.vault.totalVotes());
      expect(await c.vault.totalVotes()).to.equal(10n);
      expect(await sum((a) => c.vault.getPastVotes(a, tA))).to.equal(await c.vault.getPastTotalSupply(tA));
      expect(await c.vault.getPastTotalSupply(tA)).to.equal(8n);
      expect(await memberSum(tA)).to.equal(8n);
      expect(await sum((a) => c.vault.getPastVotes(a, tB))).to.equal(await c.vault.getPastTotalSupply(tB));
      expect(await c.vault.getPastTotalSupply(tB)).to.equal(9n);
      expect(await memberSum(tB)).to.equal(9n);
      expect(await c.vault.getPastEligibleCount(tA)).to.equal(4n);
      expect(await c.vault.getPastEligibleCount(tB)).to.equal(5n);
    });

    it("getPastVotes reverts for the current and future timepoints", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const clock = await c.vault.clock();
      await expect(c.vault.getPastVotes(c.voters[0].address, clock))
        .to.be.revertedWithCustomError(c.vault, "ERC5805FutureLookup")
        .withArgs(clock, clock);
      await expect(c.vault.getPastVotes(c.voters[0].address, clock + 100n))
        .to.be.revertedWithCustomError(c.vault, "ERC5805FutureLookup")
        .withArgs(clock + 100n, clock);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(2n);
    });

    it("getPastTotalSupply reverts for the current and future timepoints", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await advance(10n);
      const clock = await c.vault.clock();
      await expect(c.vault.getPastTotalSupply(clock))
        .to.be.revertedWithCustomError(c.vault, "ERC5805FutureLookup")
        .withArgs(clock, clock);
      await expect(c.vault.getPastTotalSupply(clock + 1n))
        .to.be.revertedWithCustomError(c.vault, "ERC5805FutureLookup")
        .withArgs(clock + 1n, clock);
      expect(await c.vault.getPastTotalSupply(clock - 1n)).to.equal(5n);
    });
  });

  describe("getPastEligibleCount", function () {
    it("returns the eligible count at each past timepoint", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const t0 = await now();
      const t1 = await timeOf(stakeNative(c, 1n, U));
      const t2 = await timeOf(stakeNative(c, 2n, U));
      const t3 = await timeOf(stakeNative(c, 3n, U));
      const t4 = await timeOf(c.vault.connect(c.admins[1]).requestUnstake(2n, 1n));
      await networkHelpers.mine();
      expect(await c.vault.getPastEligibleCount(t0)).to.equal(0n);
      expect(await c.vault.getPastEligibleCount(t1)).to.equal(1n);
      expect(await c.vault.getPastEligibleCount(t2)).to.equal(2n);
      expect(await c.vault.getPastEligibleCount(t3)).to.equal(3n);
      expect(await c.vault.getPastEligibleCount(t4)).to.equal(2n);
      expect(await c.vault.eligibleCount()).to.equal(2n);
    });

    it("reverts for the current timepoint", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await advance(10n);
      const clock = await c.vault.clock();
      await expect(c.vault.getPastEligibleCount(clock))
        .to.be.revertedWithCustomError(c.vault, "ERC5805FutureLookup")
        .withArgs(clock, clock);
      expect(await c.vault.getPastEligibleCount(clock - 1n)).to.equal(3n);
    });
  });

  describe("getPastMemberVotes", function () {
    it("returns a member's votes at each past timepoint, whichever voter held them", async function () {
      const c = await networkHelpers.loadFixture(looseStakedCouncil);
      const t0 = await now();
      await c.registry.connect(c.admins[1]).proposeVoter(2n, c.others[0].address);
      const t1 = await timeOf(c.registry.connect(c.others[0]).acceptVoter(2n));
      const t2 = await timeOf(c.vault.connect(c.admins[1]).requestUnstake(2n, U));
      const t3 = await timeOf(c.registry.connect(c.governance).remove(2n));
      await networkHelpers.mine();
      expect(await c.vault.getPastMemberVotes(2n, t0)).to.equal(2n);
      expect(await c.vault.getPastMemberVotes(2n, t1)).to.equal(2n);
      expect(await c.vault.getPastMemberVotes(2n, t2)).to.equal(1n);
      expect(await c.vault.getPastMemberVotes(2n, t3)).to.equal(0n);
      expect(await c.vault.getPastVotes(c.voters[1].address, t1)).to.equal(0n);
      expect(await c.vault.getPastVotes(c.others[0].address, t1)).to.equal(2n);
      expect(await c.vault.getPastMemberVotes(99n, t3)).to.equal(0n);
    });

    it("reverts for a future timepoint", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const clock = await c.vault.clock();
      await expect(c.vault.getPastMemberVotes(1n, clock + 5n))
        .to.be.revertedWithCustomError(c.vault, "ERC5805FutureLookup")
        .withArgs(clock + 5n, clock);
    });
  });

  describe("plain views", function () {
    it("report the configuration, positions, requests and totals", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      const r = await requestFrom(c.vault, c.admins[0], 1n, 3n * U);
      expect(await c.vault.registry()).to.equal(await c.registry.getAddress());
      expect(await c.vault.stakeToken()).to.equal(ethers.ZeroAddress);
      expect(await c.vault.stakeUnit()).to.equal(U);
      expect(await c.vault.unbondingPeriod()).to.equal(UNBONDING_PERIOD);
      expect(await c.vault.withdrawalWindow()).to.equal(WITHDRAWAL_WINDOW);
      expect(await c.vault.MIN_PERIOD()).to.equal(MIN_PERIOD);
      expect(await c.vault.MAX_PERIOD()).to.equal(MAX_PERIOD);
      expect(await c.vault.owner()).to.equal(c.governance.address);
      expect(await c.vault.stakeOf(1n)).to.equal(7n * U);
      expect(await c.vault.pendingOf(1n)).to.equal(3n * U);
      expect(await c.vault.memberVotes(1n)).to.equal(2n);
      expect(await c.vault.stakeOf(4n)).to.equal(0n);
      expect(await c.vault.memberVotes(4n)).to.equal(0n);
      expect(await c.vault.isEligible(3n)).to.equal(true);
      expect(await c.vault.isEligible(4n)).to.equal(false);
      expect(await c.vault.eligibleCount()).to.equal(3n);
      expect([...(await c.vault.eligibleMemberIds())]).to.deep.equal([1n, 2n, 3n]);
      expect(await c.vault.voteCap()).to.equal(2n);
      expect(await c.vault.totalVotes()).to.equal(5n);
      expect(await c.vault.totalStaked()).to.equal(10n * U);
      expect(await c.vault.totalPending()).to.equal(3n * U);
      expect(await c.vault.unbondingRequestCount(1n)).to.equal(1n);
      expect(await c.vault.unbondingRequestCount(2n)).to.equal(0n);
      const request = await c.vault.unbondingRequest(1n, 0n);
      expect(request.amount).to.equal(3n * U);
      expect(request.unlocksAt).to.equal(r.unlocksAt);
      expect(request.expiresAt).to.equal(r.expiresAt);
      expect(request.settled).to.equal(false);
      expect(await c.vault.delegates(c.voters[0].address)).to.equal(c.voters[0].address);
      expect(await c.vault.delegates(c.voters[3].address)).to.equal(ethers.ZeroAddress);
    });

    it("unbondingRequest reverts for an unknown request", async function () {
      const c = await networkHelpers.loadFixture(stakedCouncil);
      await expect(c.vault.unbondingRequest(1n, 0n))
        .to.be.revertedWithCustomError(c.vault, "StakeVaultUnknownRequest")
        .withArgs(1n, 0n);
    });

    it("keeps the vault balance equal to totalStaked + totalPending after each step of a sequence", async function () {
      const c = await networkHelpers.loadFixture(looseCouncil);
      const vaultAddress = await c.vault.getAddress();
      const step = async (label: string): Promise<void> => {
        expect(await ethers.provider.getBalance(vaultAddress)).to.equal(
          (await c.vault.totalStaked()) + (await c.vault.totalPending()),
          label,
        );
        await checkSpec(c);
      };
      await step("empty");
      await stakeUnits(c, 1, 4n);
      await step("stake");
      await c.vault.connect(c.others[0]).stakeFor(2n, 3n * U, { value: 3n * U });
      await step("stakeFor");
      await c.vault.connect(c.admins[0]).requestUnstake(1n, 2n * U);
      await c.vault.connect(c.admins[0]).requestUnstake(1n, U);
      await step("requestUnstake");
      await advance(UNBONDING_PERIOD);
      await c.vault.connect(c.admins[0]).withdraw(1n, 0n, c.others[1].address);
      await step("withdraw");
      await c.vault.connect(c.admins[0]).restake(1n, 1n);
      await step("restake");
      await c.registry.connect(c.governance).remove(2n);
      await step("remove");
      await c.vault.connect(c.governance).setStakeUnit(U / 4n);
      await step("setStakeUnit");
      await networkHelpers.setBalance(vaultAddress, (await ethers.provider.getBalance(vaultAddress)) + 7n);
      await c.vault.connect(c.governance).recoverExcess(ethers.ZeroAddress, c.others[2].address);
      await step("recoverExcess");
      await c.vault.connect(c.admins[1]).requestUnstake(2n, 3n * U);
      await advance(UNBONDING_PERIOD);
      await c.vault.connect(c.admins[1]).withdraw(2n, 0n, c.admins[1].address);
      await step("removed member withdraws");
      expect(await c.vault.totalPending()).to.equal(0n);
      expect(await ethers.provider.getBalance(vaultAddress)).to.equal(await c.vault.totalStaked());
    });
  });

  describe("renounceOwnership", function () {
    it("reverts for the owner, who stays the owner", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).renounceOwnership(),
        "GovernedOwnableRenounceDisabled",
        [],
      );
      expect(await c.vault.owner()).to.equal(c.governance.address);
    });

    it("reverts for anyone else", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.others[0]).renounceOwnership(),
        "OwnableUnauthorizedAccount",
        [c.others[0].address],
      );
    });

    it("leaves the two-step transfer to a new owner working", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      const next = c.others[0];
      await expect(c.vault.connect(c.governance).transferOwnership(next.address))
        .to.emit(c.vault, "OwnershipTransferStarted")
        .withArgs(c.governance.address, next.address);
      expect(await c.vault.owner()).to.equal(c.governance.address);
      await expect(c.vault.connect(next).acceptOwnership())
        .to.emit(c.vault, "OwnershipTransferred")
        .withArgs(c.governance.address, next.address);
      expect(await c.vault.owner()).to.equal(next.address);
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).setStakeUnit(1n),
        "OwnableUnauthorizedAccount",
        [c.governance.address],
      );
    });
  });

  describe("voting power", function () {
    it("re-reads capped members on VoteCapChanged, as an indexer does", async function () {
      // An indexer that keeps a balance per voter from DelegateVotesChanged, and on VoteCapChanged re-reads the
      // voters it knows (docs/integrator-guide.md), ends with the vault's numbers after every transaction.
      const c = await networkHelpers.loadFixture(looseCouncil);
      const balances = new Map<string, bigint>();
      const steps: (() => TxPromise)[] = [
        () => stakeNative(c, 1n, 10n * U),
        () => stakeNative(c, 2n, 10n * U),
        () => stakeNative(c, 3n, U), // cap 1 → 2: members 1 and 2 gain a vote without an event of their own
        () => stakeNative(c, 4n, 3n * U), // cap 2 → 3
        () => c.registry.connect(c.governance).remove(2n), // cap 3 → 2
        () => c.vault.connect(c.admins[3]).requestUnstake(4n, 2n * U), // member 4's own votes: 2 → 1
      ];
      let capEvents = 0;
      for (const step of steps) {
        const receipt = await receiptOf(step());
        const vaultAddress = (await c.vault.getAddress()).toLowerCase();
        for (const log of receipt.logs) {
          if (log.address.toLowerCase() !== vaultAddress) continue;
          const parsed = c.vault.interface.parseLog(log);
          if (parsed?.name === "DelegateVotesChanged") {
            balances.set(parsed.args.delegate as string, parsed.args.newVotes as bigint);
          } else if (parsed?.name === "VoteCapChanged") {
            ++capEvents;
            for (const voter of balances.keys()) {
              balances.set(voter, await c.vault.getVotes(voter, { blockTag: receipt.blockNumber }));
            }
          }
        }
        let sum = 0n;
        for (const [voter, votes] of balances) {
          expect(votes).to.equal(await c.vault.getVotes(voter));
          sum += votes;
        }
        expect(sum).to.equal(await c.vault.totalVotes());
      }
      expect(capEvents).to.equal(3);
      expect(balances.get(c.voters[0].address)).to.equal(2n);
      await checkSpec(c);
    });

    it("gives a single eligible member with 10 units 1 vote", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      await stakeUnits(c, 1, 10n);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(1n);
      expect(await c.vault.voteCap()).to.equal(1n);
      expect(await c.vault.totalVotes()).to.equal(1n);
      await checkSpec(c);
    });

    it("gives two eligible members at most 1 vote each", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      await stakeUnits(c, 1, 10n);
      await stakeUnits(c, 2, 7n);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(1n);
      expect(await c.vault.getVotes(c.voters[1].address)).to.equal(1n);
      expect(await c.vault.voteCap()).to.equal(1n);
      await checkSpec(c);
    });

    it("caps three eligible members at 2 votes", async function () {
      const c = await networkHelpers.loadFixture(nativeCouncil);
      await stakeUnits(c, 1, 10n);
      await stakeUnits(c, 2, 1n);
      await stakeUnits(c, 3, 1n);
      expect(await c.vault.voteCap()).to.equal(2n);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(2n);
      expect(await c.vault.getVotes(c.voters[1].address)).to.equal(1n);
      expect(await c.vault.getVotes(c.voters[2].address)).to.equal(1n);
      await checkSpec(c);
    });

    it("raises a member's votes when a third member becomes eligible and lowers them when members leave", async function () {
      const c = await networkHelpers.loadFixture(looseCouncil);
      const [v1, v2, v3] = c.voters.map((v) => v.address);

      const s1 = stakeNative(c, 1n, 10n * U);
      await expect(s1).to.emit(c.vault, "EligibilityChanged").withArgs(1n, true, 1n);
      const t1 = await timeOf(s1);

      const s2 = stakeNative(c, 2n, 10n * U);
      await expect(s2).to.emit(c.vault, "EligibilityChanged").withArgs(2n, true, 2n);
      expect(await eventArgs(s2, c.vault, "MemberVotesUpdated")).to.deep.equal([[2n, v2, 0n, 1n]]);
      const t2 = await timeOf(s2);
      expect(await c.vault.getVotes(v1)).to.equal(1n);

      const s3 = stakeNative(c, 3n, U);
      await expect(s3).to.emit(c.vault, "EligibilityChanged").withArgs(3n, true, 3n);
      // Members 1 and 2 are capped: their votes move with the cap, announced once by VoteCapChanged.
      expect(await eventArgs(s3, c.vault, "MemberVotesUpdated")).to.deep.equal([[3n, v3, 0n, 1n]]);
      expect(await eventArgs(s3, c.vault, "DelegateVotesChanged")).to.deep.equal([[v3, 0n, 1n]]);
      expect(await eventArgs(s3, c.vault, "VoteCapChanged")).to.deep.equal([[2n, 3n]]);
      expect(await c.vault.getVotes(v2)).to.equal(2n);
      const t3 = await timeOf(s3);
      expect(await c.vault.getVotes(v1)).to.equal(2n);

      const removal = c.registry.connect(c.governance).remove(2n);
      await expect(removal).to.emit(c.vault, "EligibilityChanged").withArgs(2n, false, 2n);
      expect(await eventArgs(removal, c.vault, "MemberVotesUpdated")).to.deep.equal([[2n, v2, 2n, 0n]]);
      expect(await eventArgs(removal, c.vault, "VoteCapChanged")).to.deep.equal([[1n, 2n]]);
      const t4 = await timeOf(removal);
      expect(await c.vault.getVotes(v1)).to.equal(1n);

      const resignation = c.registry.connect(c.admins[2]).resign(3n);
      await expect(resignation).to.emit(c.vault, "EligibilityChanged").withArgs(3n, false, 1n);
      expect(await eventArgs(resignation, c.vault, "MemberVotesUpdated")).to.deep.equal([[3n, v3, 1n, 0n]]);
      const t5 = await timeOf(resignation);
      await networkHelpers.mine();

      const counts = [];
      const votes = [];
      for (const t of [t1, t2, t3, t4, t5]) {
        counts.push(await c.vault.getPastEligibleCount(t));
        votes.push(await c.vault.getPastVotes(v1, t));
      }
      expect(counts).to.deep.equal([1n, 2n, 3n, 2n, 1n]);
      expect(votes).to.deep.equal([1n, 1n, 2n, 1n, 1n]);
      await checkSpec(c);
    });

    it("gives candidates, removed and resigned members no votes whatever their stake", async function () {
      const c = await networkHelpers.loadFixture(candidateCouncil);
      await c.vault.connect(c.candidateAdmin).stake(20n * U, { value: 20n * U });
      await stakeUnits(c, 4, 5n);
      await stakeUnits(c, 5, 5n);
      // Five eligible, so that removing one leaves the minimum of 4 eligible.
      await c.registry.connect(c.governance).remove(1n);
      // Active 2..5, at minimum 4: admit the candidate, then member 5 resigns.
      await c.registry.connect(c.governance).admit(c.candidateId);
      await c.registry.connect(c.admins[4]).resign(5n);
      expect(await c.vault.memberVotes(1n)).to.equal(0n);
      expect(await c.vault.memberVotes(5n)).to.equal(0n);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(0n);
      expect(await c.vault.getVotes(c.voters[4].address)).to.equal(0n);
      expect(await c.vault.memberVotes(c.candidateId)).to.equal(3n);
      await checkSpec(c);
    });

    const configurations: bigint[][] = [
      [10n, 1n],
      [10n, 1n, 1n],
      [50n, 1n, 1n, 1n],
      [20n, 20n, 1n, 1n, 1n],
      [100n, 1n],
      [3n, 3n, 3n],
    ];
    const expectedVotes: bigint[][] = [
      [1n, 1n],
      [2n, 1n, 1n],
      [3n, 1n, 1n, 1n],
      [4n, 4n, 1n, 1n, 1n],
      [1n, 1n],
      [2n, 2n, 2n],
    ];
    it("never gives one member more than half of all votes when at least two are eligible", async function () {
      for (const [i, units] of configurations.entries()) {
        const c = await networkHelpers.loadFixture(nativeCouncil);
        for (const [j, u] of units.entries()) await stakeUnits(c, j + 1, u);
        const votes: bigint[] = [];
        for (let j = 0; j < units.length; j++) votes.push(await c.vault.getVotes(c.voters[j].address));
        const total = await c.vault.totalVotes();
        expect(votes).to.deep.equal(expectedVotes[i], `configuration ${units.join("/")}`);
        for (const v of votes) expect(v * 2n).to.be.at.most(total, `configuration ${units.join("/")}`);
        await checkSpec(c);
      }
    });
  });

  describe("ERC-20 mode", function () {
    it("stake pulls the tokens and takes no native coin", async function () {
      const c = await networkHelpers.loadFixture(erc20Council);
      const token = c.token as MockERC20;
      const [admin] = c.admins;
      expect(await c.vault.stakeToken()).to.equal(await token.getAddress());
      const tx = c.vault.connect(admin).stake(2n * U);
      await expect(tx)
        .to.emit(c.vault, "Staked")
        .withArgs(1n, admin.address, 2n * U, 2n * U);
      await expect(tx).to.emit(c.vault, "MemberVotesUpdated").withArgs(1n, c.voters[0].address, 0n, 1n);
      await expect(tx).to.changeTokenBalances(ethers, token, [c.vault, admin], [2n * U, -2n * U]);
      await expect(tx).to.changeEtherBalances(ethers, [c.vault], [0n]);
      expect(await c.vault.stakeOf(1n)).to.equal(2n * U);
      await checkSpec(c);
    });

    it("stakeFor pulls the tokens from the payer", async function () {
      const c = await networkHelpers.loadFixture(erc20Council);
      const token = c.token as MockERC20;
      const payer = c.others[0];
      const tx = c.vault.connect(payer).stakeFor(3n, U);
      await expect(tx).to.emit(c.vault, "Staked").withArgs(3n, payer.address, U, U);
      await expect(tx).to.changeTokenBalances(ethers, token, [c.vault, payer, c.admins[2]], [U, -U, 0n]);
      await checkSpec(c);
    });

    it("withdraw sends the tokens to the recipient", async function () {
      const c = await networkHelpers.loadFixture(erc20StakedCouncil);
      const token = c.token as MockERC20;
      const r = await requestFrom(c.vault, c.admins[0], 1n, 4n * U);
      await networkHelpers.time.increaseTo(r.unlocksAt);
      const tx = c.vault.connect(c.admins[0]).withdraw(1n, 0n, c.others[0].address);
      await expect(tx)
        .to.emit(c.vault, "Withdrawn")
        .withArgs(1n, 0n, c.others[0].address, 4n * U);
      await expect(tx).to.changeTokenBalances(ethers, token, [c.vault, c.others[0]], [-4n * U, 4n * U]);
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, c.others[0]], [0n, 0n]);
      await checkSpec(c);
    });

    it("recoverExcess recovers stake tokens sent without staking, never stake or pending", async function () {
      const c = await networkHelpers.loadFixture(erc20StakedCouncil);
      const token = c.token as MockERC20;
      const tokenAddress = await token.getAddress();
      await c.vault.connect(c.admins[0]).requestUnstake(1n, U);
      await token.connect(c.others[0]).transfer(await c.vault.getAddress(), 77n);
      const to = c.others[3];
      const tx = c.vault.connect(c.governance).recoverExcess(tokenAddress, to.address);
      await expect(tx).to.emit(c.vault, "ExcessRecovered").withArgs(tokenAddress, to.address, 77n);
      await expect(tx).to.changeTokenBalances(ethers, token, [c.vault, to], [-77n, 77n]);
      await checkSpec(c);
      await expectRevert(
        c,
        () => c.vault.connect(c.governance).recoverExcess(tokenAddress, to.address),
        "StakeVaultNothingToRecover",
        [tokenAddress],
      );
    });

    it("recoverExcess recovers all native coin credited to an ERC-20 vault", async function () {
      const c = await networkHelpers.loadFixture(erc20StakedCouncil);
      const vaultAddress = await c.vault.getAddress();
      await networkHelpers.setBalance(vaultAddress, 9n);
      const tx = c.vault.connect(c.governance).recoverExcess(ethers.ZeroAddress, c.others[3].address);
      await expect(tx)
        .to.emit(c.vault, "ExcessRecovered")
        .withArgs(ethers.ZeroAddress, c.others[3].address, 9n);
      await expect(tx).to.changeEtherBalances(ethers, [c.vault, c.others[3]], [-9n, 9n]);
      await checkSpec(c);
    });

    it("reverts when native coin is sent with an ERC-20 stake", async function () {
      const c = await networkHelpers.loadFixture(erc20StakedCouncil);
      await expectRevert(
        c,
        () => c.vault.connect(c.admins[0]).stake(U, { value: 1n }),
        "StakeVaultWrongValue",
        [0n, 1n],
      );
    });

    it("reverts when the amount is zero", async function () {
      const c = await networkHelpers.loadFixture(erc20StakedCouncil);
      await expectRevert(c, () => c.vault.connect(c.others[0]).stakeFor(1n, 0n), "StakeVaultZeroAmount", []);
    });

    it("reverts when the payer has not approved the vault", async function () {
      const c = await networkHelpers.loadFixture(erc20StakedCouncil);
      const token = c.token as MockERC20;
      const vaultAddress = await c.vault.getAddress();
      await token.connect(c.others[0]).approve(vaultAddress, 0n);
      const before = await state(c);
      await expect(c.vault.connect(c.others[0]).stakeFor(1n, U))
        .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
        .withArgs(vaultAddress, 0n, U);
      expect(await state(c)).to.deep.equal(before);
    });

    it("reverts when the stake would not fit in 128 bits", async function () {
      const c = await networkHelpers.loadFixture(erc20StakedCouncil);
      const token = c.token as MockERC20;
      const huge = 2n ** 128n;
      await token.mint(c.others[0].address, huge);
      await expectRevert(
        c,
        () => c.vault.connect(c.others[0]).stakeFor(4n, huge),
        "SafeCastOverflowedUintDowncast",
        [128n, huge],
      );
    });

    it("reverts when a member's stake would exceed 128 bits", async function () {
      const c = await networkHelpers.loadFixture(erc20StakedCouncil);
      const token = c.token as MockERC20;
      const room = 2n ** 128n - 1n - (await c.vault.stakeOf(4n));
      await token.mint(c.others[0].address, room + 1n);
      await c.vault.connect(c.others[0]).stakeFor(4n, room);
      expect(await c.vault.stakeOf(4n)).to.equal(2n ** 128n - 1n);
      const before = await state(c);
      await expect(c.vault.connect(c.others[0]).stakeFor(4n, 1n))
        .to.be.revertedWithCustomError(c.vault, "SafeCastOverflowedUintDowncast")
        .withArgs(128n, 2n ** 128n);
      expect(await state(c)).to.deep.equal(before);
    });

    it("keeps the token balance equal to totalStaked + totalPending after each step", async function () {
      const c = await networkHelpers.loadFixture(erc20Council);
      await stakeUnits(c, 1, 3n);
      await checkSpec(c);
      await c.vault.connect(c.others[0]).stakeFor(2n, 2n * U);
      await checkSpec(c);
      await c.vault.connect(c.admins[0]).requestUnstake(1n, 2n * U);
      await checkSpec(c);
      await advance(UNBONDING_PERIOD);
      await c.vault.connect(c.admins[0]).withdraw(1n, 0n, c.admins[0].address);
      await checkSpec(c);
      await c.vault.connect(c.admins[1]).requestUnstake(2n, U);
      await c.vault.connect(c.admins[1]).restake(2n, 0n);
      await checkSpec(c);
    });

    describe("with a fee-on-transfer token", function () {
      it("credits only what arrived", async function () {
        const c = await networkHelpers.loadFixture(feeCouncil);
        const [admin] = c.admins;
        const fee = await c.token.feeOf(100n * U);
        expect(fee).to.equal(U);
        const tx = c.vault.connect(admin).stake(100n * U);
        await expect(tx)
          .to.emit(c.vault, "Staked")
          .withArgs(1n, admin.address, 99n * U, 99n * U);
        await expect(tx).to.changeTokenBalances(ethers, c.token, [c.vault, admin], [99n * U, -100n * U]);
        expect(await c.vault.stakeOf(1n)).to.equal(99n * U);
        expect(await c.vault.totalStaked()).to.equal(99n * U);
        expect(await c.token.balanceOf(await c.vault.getAddress())).to.equal(99n * U);
        await checkSpec(c);
      });

      it("pays a withdrawal in full; the recipient bears the token's fee", async function () {
        const c = await networkHelpers.loadFixture(feeCouncil);
        const [admin] = c.admins;
        await c.vault.connect(admin).stake(100n * U);
        const r = await requestFrom(c.vault, admin, 1n, 9n * U);
        await networkHelpers.time.increaseTo(r.unlocksAt);
        const fee = await c.token.feeOf(9n * U);
        const tx = c.vault.connect(admin).withdraw(1n, 0n, c.others[0].address);
        await expect(tx)
          .to.emit(c.vault, "Withdrawn")
          .withArgs(1n, 0n, c.others[0].address, 9n * U);
        await expect(tx).to.changeTokenBalances(
          ethers,
          c.token,
          [c.vault, c.others[0]],
          [-9n * U, 9n * U - fee],
        );
        await checkSpec(c);
      });

      it("reverts when nothing arrives", async function () {
        const c = await networkHelpers.loadFixture(feeCouncil);
        expect(await c.token.feeOf(1n)).to.equal(1n);
        await expectRevert(
          c,
          () => c.vault.connect(c.others[0]).stakeFor(1n, 1n),
          "StakeVaultZeroAmount",
          [],
        );
      });
    });
  });
});
