/**
 * ImprovementReserve, called directly: an EOA (`governance`) stands in for the timelock as owner.
 *
 * One `describe` per external function, the success path first, then one `it` per revert. Every revert is asserted
 * with its custom error and exact arguments, and followed by a comparison of the reserve's whole state (native and
 * token balances of the reserve and of the accounts involved, commitments, available amounts, recent outflows,
 * limits, every budget and grant record, guardian and pause) proving that nothing changed.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type { AddressLike, BaseContract, ContractFactory, ContractTransactionResponse } from "ethers";

import type {
  FeeOnTransferERC20,
  ImprovementReserve,
  MockERC1155,
  MockERC20,
  MockERC721,
  ReentrantRecipient,
} from "../../typechain-types/index.js";
import { BudgetStatus } from "../../scripts/ops/enums.js";
import { DAY, ethers, networkHelpers } from "../utils/council.js";

const { time } = networkHelpers;

type TxPromise = Promise<ContractTransactionResponse>;

const NATIVE = ethers.ZeroAddress;
const E = (amount: number): bigint => ethers.parseEther(amount.toString());
/** What the funded reserve holds of the native coin, of the limited token and of the unlimited token. */
const FUND = E(1000);
/** Outflow limit of the native coin and of the limited token, per rolling 30 days. */
const LIMIT = E(500);
const PAUSE = 14n * DAY;
const MAX_PAUSE = 30n * DAY;
const RESERVE_GUARDIAN_TERM = 365n * DAY;
const ECOSYSTEM = ethers.encodeBytes32String("ecosystem");
const MARKETING = ethers.encodeBytes32String("marketing");
const CLAIM_MEMO = "grant claim";

/** Outflow kinds, as emitted. */
enum Kind {
  Pay,
  Spend,
  Claim,
}

/** ReentrantRecipient.Reentry */
enum Reentry {
  None,
  Claim,
  Spend,
}

interface Setup {
  reserve: ImprovementReserve;
  reserveAddress: string;
  /** A MockERC20 with an outflow limit of LIMIT. */
  token: MockERC20;
  tokenAddress: string;
  /** A MockERC20 with no outflow limit: it cannot leave. */
  unlimited: MockERC20;
  unlimitedAddress: string;
  deployer: HardhatEthersSigner;
  /** Stands in for the timelock: owns the reserve. */
  governance: HardhatEthersSigner;
  guardian: HardhatEthersSigner;
  spender: HardhatEthersSigner;
  recipient: HardhatEthersSigner;
  others: HardhatEthersSigner[];
}

/** A budget as approved by a fixture. */
interface BudgetPlan {
  id: bigint;
  asset: string;
  amount: bigint;
  start: bigint;
  end: bigint;
}

/** A grant as created by a fixture. */
interface GrantPlan {
  id: bigint;
  asset: string;
  total: bigint;
  start: bigint;
  cliff: bigint;
  duration: bigint;
}

interface BudgetSetup extends Setup {
  /** Budget 1: 300 native coin for the spender, opening in a day, for 30 days. */
  nativeBudget: BudgetPlan;
  /** Budget 2: 200 tokens for the spender, open now, for 10 days. */
  tokenBudget: BudgetPlan;
}

interface GrantSetup extends Setup {
  /** Grant 1: 360 native coin to the recipient, from tomorrow over 360 days (1 a day), cliff after 30 days. */
  nativeGrant: GrantPlan;
  /** Grant 2: 100 tokens to the recipient, from now over 100 days, no cliff. */
  tokenGrant: GrantPlan;
}

interface OpenSetup extends Setup {
  /** Budget 1: 300 native coin for the spender, open now for 30 days. */
  budget: BudgetPlan;
  /** Grant 1: 100 native coin to the recipient, fully vested. */
  grant: GrantPlan;
  erc721: MockERC721;
  erc1155: MockERC1155;
}

interface CollectibleSetup extends Setup {
  erc721: MockERC721;
  erc721Address: string;
  erc1155: MockERC1155;
  erc1155Address: string;
  /** Holds ERC-721 token 3 and 100 of ERC-1155 token 9 itself. */
  holder: HardhatEthersSigner;
}

interface ReentrantSetup extends Setup {
  mock: ReentrantRecipient;
  mockAddress: string;
  /** Grant 1: 100 native coin to the mock, fully vested. */
  grant: GrantPlan;
  /** Budget 1: 300 native coin for the mock, open now for 30 days. */
  budget: BudgetPlan;
}

// ---------------------------------------------------------------- helpers

async function now(): Promise<bigint> {
  return BigInt(await time.latest());
}

/** The first second of the day after today (outflows are bucketed by day). */
async function nextDayStart(): Promise<bigint> {
  return ((await now()) / DAY + 1n) * DAY;
}

async function timeOf(tx: ContractTransactionResponse | TxPromise): Promise<bigint> {
  const receipt = await (await tx).wait();
  const block = await ethers.provider.getBlock(receipt?.blockNumber ?? "latest");
  return BigInt(block?.timestamp ?? 0);
}

/** What a linear schedule has vested after `elapsed` of `duration` (rounded down, as the reserve does). */
function linear(total: bigint, elapsed: bigint, duration: bigint): bigint {
  return (total * elapsed) / duration;
}

async function setLimit(f: Setup, asset: string, limit: bigint): Promise<void> {
  await f.reserve.connect(f.governance).setOutflowLimit(asset, limit);
}

async function nativeBalance(account: AddressLike): Promise<bigint> {
  return ethers.provider.getBalance(await ethers.resolveAddress(account));
}

interface BudgetView {
  category: string;
  asset: string;
  spender: string;
  amount: bigint;
  spent: bigint;
  start: bigint;
  end: bigint;
  status: BudgetStatus;
}

interface GrantView {
  recipient: string;
  asset: string;
  total: bigint;
  claimed: bigint;
  start: bigint;
  cliff: bigint;
  duration: bigint;
  canceledAt: bigint;
  vested: bigint;
  claimable: bigint;
}

async function readBudget(reserve: ImprovementReserve, id: bigint): Promise<BudgetView> {
  const b = await reserve.budget(id);
  return {
    category: b.category,
    asset: b.asset,
    spender: b.spender,
    amount: b.amount,
    spent: b.spent,
    start: b.start,
    end: b.end,
    status: Number(b.status) as BudgetStatus,
  };
}

async function readGrant(reserve: ImprovementReserve, id: bigint): Promise<GrantView> {
  const g = await reserve.grant(id);
  return {
    recipient: g.recipient,
    asset: g.asset,
    total: g.total,
    claimed: g.claimed,
    start: g.start,
    cliff: g.cliff,
    duration: g.duration,
    canceledAt: g.canceledAt,
    vested: await reserve.vested(id),
    claimable: await reserve.claimable(id),
  };
}

interface AssetState {
  balance: bigint;
  committed: bigint;
  available: bigint;
  limit: bigint;
  recent: bigint;
}

interface ReserveState {
  assets: AssetState[];
  /** Native coin, limited token and unlimited token held by every watched account. */
  holdings: bigint[][];
  budgets: BudgetView[];
  grants: GrantView[];
  guardian: string;
  pauseDuration: bigint;
  pausedUntil: bigint;
  paused: boolean;
  owner: string;
  pendingOwner: string;
}

async function reserveState(f: Setup, watch: AddressLike[] = []): Promise<ReserveState> {
  const r = f.reserve;
  const assets: AssetState[] = [];
  for (const asset of [NATIVE, f.tokenAddress, f.unlimitedAddress]) {
    assets.push({
      balance: await r.balanceOf(asset),
      committed: await r.committed(asset),
      available: await r.available(asset),
      limit: await r.outflowLimit(asset),
      recent: await r.recentOutflow(asset),
    });
  }
  const holdings: bigint[][] = [];
  for (const account of [
    f.reserveAddress,
    f.governance,
    f.spender,
    f.recipient,
    ...f.others.slice(0, 3),
    ...watch,
  ]) {
    holdings.push([
      await nativeBalance(account),
      await f.token.balanceOf(account),
      await f.unlimited.balanceOf(account),
    ]);
  }
  const budgets: BudgetView[] = [];
  for (let id = 1n; id <= (await r.budgetCount()); id++) budgets.push(await readBudget(r, id));
  const grants: GrantView[] = [];
  for (let id = 1n; id <= (await r.grantCount()); id++) grants.push(await readGrant(r, id));
  return {
    assets,
    holdings,
    budgets,
    grants,
    guardian: await r.guardian(),
    pauseDuration: await r.pauseDuration(),
    pausedUntil: await r.pausedUntil(),
    paused: await r.paused(),
    owner: await r.owner(),
    pendingOwner: await r.pendingOwner(),
  };
}

/**
 * Sends a call that must revert with `error(args)` from `contract`, and checks that the reserve's state (and the
 * holdings of `watch`, and `extra()`) did not change.
 */
async function expectRevert(
  f: Setup,
  send: () => Promise<unknown>,
  contract: BaseContract | ContractFactory,
  error: string,
  args: unknown[],
  watch: AddressLike[] = [],
  extra: () => Promise<unknown> = async () => null,
): Promise<void> {
  const before = await reserveState(f, watch);
  const extraBefore = await extra();
  await expect(send())
    .to.be.revertedWithCustomError(contract, error)
    .withArgs(...args);
  expect(await reserveState(f, watch)).to.deep.equal(before);
  expect(await extra()).to.deep.equal(extraBefore);
}

type DeployArgs = [string, string, bigint, bigint, string[], bigint[]];

/** Deploying with `args` reverts with `error(errorArgs)`, and the deployer's nonce does not move. */
async function expectDeployRevert(
  f: Setup,
  args: DeployArgs,
  error: string,
  errorArgs: unknown[],
): Promise<void> {
  const factory = await ethers.getContractFactory("ImprovementReserve");
  const nonce = await ethers.provider.getTransactionCount(f.deployer.address);
  await expect(factory.connect(f.deployer).deploy(...args))
    .to.be.revertedWithCustomError(factory, error)
    .withArgs(...errorArgs);
  expect(await ethers.provider.getTransactionCount(f.deployer.address)).to.equal(nonce);
}

// ---------------------------------------------------------------- fixtures (named, for loadFixture)

/** The reserve owned by `governance`, guardian `guardian`, 14-day pauses, limits on the native coin and `token`. */
async function emptyReserve(): Promise<Setup> {
  const [deployer, governance, guardian, spender, recipient, ...others] = await ethers.getSigners();
  const token = await ethers.deployContract("MockERC20", ["Wrapped Coin", "WCOIN"]);
  const unlimited = await ethers.deployContract("MockERC20", ["Unlisted Coin", "ULC"]);
  const tokenAddress = await token.getAddress();
  const reserve = await ethers.deployContract("ImprovementReserve", [
    governance.address,
    guardian.address,
    RESERVE_GUARDIAN_TERM,
    PAUSE,
    [NATIVE, tokenAddress],
    [LIMIT, LIMIT],
  ]);
  return {
    reserve,
    reserveAddress: await reserve.getAddress(),
    token,
    tokenAddress,
    unlimited,
    unlimitedAddress: await unlimited.getAddress(),
    deployer,
    governance,
    guardian,
    spender,
    recipient,
    others,
  };
}

/** {emptyReserve} holding FUND of the native coin (plain transfer), of `token` and of `unlimited`. */
async function fundedReserve(): Promise<Setup> {
  const f = await emptyReserve();
  await f.deployer.sendTransaction({ to: f.reserveAddress, value: FUND });
  await f.token.mint(f.reserveAddress, FUND);
  await f.unlimited.mint(f.reserveAddress, FUND);
  return f;
}

async function approve(
  f: Setup,
  category: string,
  asset: string,
  spender: AddressLike,
  amount: bigint,
  start: bigint,
  end: bigint,
): Promise<BudgetPlan> {
  await f.reserve.connect(f.governance).approveBudget(category, asset, spender, amount, start, end);
  return { id: await f.reserve.budgetCount(), asset, amount, start, end };
}

async function grant(
  f: Setup,
  recipient: AddressLike,
  asset: string,
  total: bigint,
  start: bigint,
  cliff: bigint,
  duration: bigint,
): Promise<GrantPlan> {
  await f.reserve.connect(f.governance).createGrant(recipient, asset, total, start, cliff, duration);
  return { id: await f.reserve.grantCount(), asset, total, start, cliff, duration };
}

/** {fundedReserve} with a native budget opening tomorrow (id 1) and a token budget open now (id 2). */
async function budgetReserve(): Promise<BudgetSetup> {
  const f = await fundedReserve();
  const t = await now();
  const nativeBudget = await approve(f, ECOSYSTEM, NATIVE, f.spender, E(300), t + DAY, t + 31n * DAY);
  const tokenBudget = await approve(f, MARKETING, f.tokenAddress, f.spender, E(200), t, t + 10n * DAY);
  return { ...f, nativeBudget, tokenBudget };
}

/** {fundedReserve} with a native grant (id 1, 1 a day from tomorrow, 30-day cliff) and a token grant (id 2). */
async function grantReserve(): Promise<GrantSetup> {
  const f = await fundedReserve();
  const t = await now();
  const nativeGrant = await grant(f, f.recipient, NATIVE, E(360), t + DAY, t + 31n * DAY, 360n * DAY);
  const tokenGrant = await grant(f, f.recipient, f.tokenAddress, E(100), t, t, 100n * DAY);
  return { ...f, nativeGrant, tokenGrant };
}

/** {fundedReserve} with an open native budget, a fully vested native grant, and collectibles held by the reserve. */
async function openReserve(): Promise<OpenSetup> {
  const f = await fundedReserve();
  const t = await now();
  const budget = await approve(f, ECOSYSTEM, NATIVE, f.spender, E(300), t, t + 30n * DAY);
  const g = await grant(f, f.recipient, NATIVE, E(100), t - 20n * DAY, t - 10n * DAY, 10n * DAY);
  const erc721 = await ethers.deployContract("MockERC721", ["Council Badge", "BADGE"]);
  const erc1155 = await ethers.deployContract("MockERC1155", ["https://collectibles.example/{id}.json"]);
  await erc721.safeMint(f.reserveAddress, 1n);
  await erc1155.mint(f.reserveAddress, 7n, 10n);
  return { ...f, budget, grant: g, erc721, erc1155 };
}

/** {fundedReserve} plus an ERC-721 and an ERC-1155 collection, with `holder` owning some of each. */
async function collectibleReserve(): Promise<CollectibleSetup> {
  const f = await fundedReserve();
  const erc721 = await ethers.deployContract("MockERC721", ["Council Badge", "BADGE"]);
  const erc1155 = await ethers.deployContract("MockERC1155", ["https://collectibles.example/{id}.json"]);
  const holder = f.others[5];
  await erc721.mint(holder.address, 3n);
  await erc1155.mint(holder.address, 9n, 100n);
  return {
    ...f,
    erc721,
    erc721Address: await erc721.getAddress(),
    erc1155,
    erc1155Address: await erc1155.getAddress(),
    holder,
  };
}

/** {fundedReserve} with a ReentrantRecipient holding a fully vested grant (id 1) and an open budget (id 1). */
async function reentrantReserve(): Promise<ReentrantSetup> {
  const f = await fundedReserve();
  const mock = await ethers.deployContract("ReentrantRecipient", [f.reserveAddress]);
  const mockAddress = await mock.getAddress();
  const t = await now();
  const g = await grant(f, mockAddress, NATIVE, E(100), t - 20n * DAY, t - 10n * DAY, 10n * DAY);
  const budget = await approve(f, ECOSYSTEM, NATIVE, mockAddress, E(300), t, t + 30n * DAY);
  return { ...f, mock, mockAddress, grant: g, budget };
}

// ---------------------------------------------------------------- tests

describe("ImprovementReserve", function () {
  const { loadFixture } = networkHelpers;

  /** The mock's own record of what it was paid and what its re-entry hit. */
  async function mockRecord(m: ReentrantSetup): Promise<unknown[]> {
    return [
      await m.mock.paymentsReceived(),
      await m.mock.amountReceived(),
      await m.mock.lastRevertSelector(),
    ];
  }

  describe("constructor", function () {
    it("sets the owner, guardian, pause duration and limits, and emits their events", async function () {
      const f = await loadFixture(emptyReserve);
      const r = f.reserve;
      const tx = r.deploymentTransaction();
      if (tx === null) throw new Error("no deployment transaction");
      const deployedAt = BigInt((await ethers.provider.getBlock((await tx.wait())!.blockNumber))!.timestamp);
      await expect(tx)
        .to.emit(r, "GuardianSet")
        .withArgs(f.guardian.address, deployedAt + RESERVE_GUARDIAN_TERM);
      await expect(tx).to.emit(r, "PauseDurationSet").withArgs(PAUSE);
      await expect(tx).to.emit(r, "OutflowLimitSet").withArgs(NATIVE, LIMIT);
      await expect(tx).to.emit(r, "OutflowLimitSet").withArgs(f.tokenAddress, LIMIT);
      await expect(tx).to.emit(r, "OwnershipTransferred").withArgs(ethers.ZeroAddress, f.governance.address);
      expect(await r.owner()).to.equal(f.governance.address);
      expect(await r.guardian()).to.equal(f.guardian.address);
      expect(await r.guardianTermEnd()).to.equal(deployedAt + RESERVE_GUARDIAN_TERM);
      expect(await r.MAX_GUARDIAN_TERM()).to.equal(730n * DAY);
      expect(await r.pauseDuration()).to.equal(PAUSE);
      expect(await r.outflowLimit(NATIVE)).to.equal(LIMIT);
      expect(await r.outflowLimit(f.tokenAddress)).to.equal(LIMIT);
      expect(await r.outflowLimit(f.unlimitedAddress)).to.equal(0n);
      expect(await r.OUTFLOW_WINDOW()).to.equal(30n * DAY);
      expect(await r.MAX_PAUSE_DURATION()).to.equal(MAX_PAUSE);
      expect([await r.budgetCount(), await r.grantCount(), await r.pausedUntil()]).to.deep.equal([
        0n,
        0n,
        0n,
      ]);
      expect(await r.paused()).to.equal(false);
      expect(await r.balanceOf(NATIVE)).to.equal(0n);
      expect(await r.available(f.tokenAddress)).to.equal(0n);
    });

    it("accepts no guardian, no limits and the longest pause", async function () {
      const f = await loadFixture(emptyReserve);
      const r = await ethers.deployContract("ImprovementReserve", [
        f.governance.address,
        ethers.ZeroAddress,
        0n,
        MAX_PAUSE,
        [],
        [],
      ]);
      expect(await r.guardian()).to.equal(ethers.ZeroAddress);
      expect(await r.guardianTermEnd()).to.equal(0n);
      expect(await r.pauseDuration()).to.equal(MAX_PAUSE);
      expect(await r.outflowLimit(NATIVE)).to.equal(0n);
    });

    it("accepts the longest guardian term, 730 days", async function () {
      const f = await loadFixture(emptyReserve);
      const r = await ethers.deployContract("ImprovementReserve", [
        f.governance.address,
        f.guardian.address,
        730n * DAY,
        PAUSE,
        [],
        [],
      ]);
      const deployment = r.deploymentTransaction();
      if (deployment === null) throw new Error("no deployment transaction");
      const deployedAt = BigInt(
        (await ethers.provider.getBlock((await deployment.wait())!.blockNumber))!.timestamp,
      );
      expect(await r.guardianTermEnd()).to.equal(deployedAt + 730n * DAY);
      expect(await r.guardian()).to.equal(f.guardian.address);
    });

    for (const [label, account, term] of [
      ["a guardian with no term", "guardian", 0n],
      ["a guardian term over 730 days", "guardian", 730n * DAY + 1n],
      ["a term with no guardian", "zero", DAY],
    ] as const) {
      it(`reverts for ${label}`, async function () {
        const f = await loadFixture(emptyReserve);
        const who = account === "zero" ? ethers.ZeroAddress : f.guardian.address;
        await expectDeployRevert(
          f,
          [f.governance.address, who, term, PAUSE, [], []],
          "ReserveInvalidGuardianTerm",
          [term],
        );
      });
    }

    it("reverts when the asset and limit arrays differ in length", async function () {
      const f = await loadFixture(emptyReserve);
      await expectDeployRevert(
        f,
        [
          f.governance.address,
          f.guardian.address,
          RESERVE_GUARDIAN_TERM,
          PAUSE,
          [NATIVE, f.tokenAddress],
          [LIMIT],
        ],
        "ReserveInvalidSchedule",
        [],
      );
    });

    it("reverts when the pause duration is 0", async function () {
      const f = await loadFixture(emptyReserve);
      await expectDeployRevert(
        f,
        [f.governance.address, f.guardian.address, RESERVE_GUARDIAN_TERM, 0n, [], []],
        "ReserveInvalidPauseDuration",
        [0n],
      );
    });

    it("reverts when the pause duration is longer than 30 days", async function () {
      const f = await loadFixture(emptyReserve);
      await expectDeployRevert(
        f,
        [f.governance.address, f.guardian.address, RESERVE_GUARDIAN_TERM, MAX_PAUSE + 1n, [], []],
        "ReserveInvalidPauseDuration",
        [MAX_PAUSE + 1n],
      );
    });

    it("reverts when the owner is the zero address", async function () {
      const f = await loadFixture(emptyReserve);
      await expectDeployRevert(
        f,
        [ethers.ZeroAddress, f.guardian.address, RESERVE_GUARDIAN_TERM, PAUSE, [], []],
        "OwnableInvalidOwner",
        [ethers.ZeroAddress],
      );
    });
  });

  describe("receive", function () {
    it("accepts the native coin by plain transfer", async function () {
      const f = await loadFixture(emptyReserve);
      const tx = f.others[0].sendTransaction({ to: f.reserveAddress, value: E(40) });
      await expect(tx).to.changeEtherBalances(ethers, [f.reserve, f.others[0]], [E(40), -E(40)]);
      expect(await f.reserve.balanceOf(NATIVE)).to.equal(E(40));
      expect(await f.reserve.available(NATIVE)).to.equal(E(40));
    });

    it("counts native coin credited with no call (a balance credit) as available, and spends it", async function () {
      const f = await loadFixture(emptyReserve);
      await f.others[0].sendTransaction({ to: f.reserveAddress, value: E(100) });
      // A block reward: the balance grows with no call to the reserve.
      await networkHelpers.setBalance(f.reserveAddress, E(300));
      expect(await f.reserve.balanceOf(NATIVE)).to.equal(E(300));
      expect(await f.reserve.available(NATIVE)).to.equal(E(300));

      // A budget of 250 needs the credit (only 100 arrived by transfer); the payment of 50 takes the rest.
      const t = await now();
      const b = await approve(f, ECOSYSTEM, NATIVE, f.spender, E(250), t, t + DAY);
      expect(await f.reserve.available(NATIVE)).to.equal(E(50));
      await expect(
        f.reserve.connect(f.governance).pay(NATIVE, f.others[1], E(50), "From the credit"),
      ).to.changeEtherBalances(ethers, [f.reserve, f.others[1]], [-E(50), E(50)]);
      await expect(
        f.reserve.connect(f.spender).spend(b.id, f.others[2], E(250), "Also from the credit"),
      ).to.changeEtherBalances(ethers, [f.reserve, f.others[2]], [-E(250), E(250)]);
      expect(await f.reserve.balanceOf(NATIVE)).to.equal(0n);
      expect(await f.reserve.committed(NATIVE)).to.equal(0n);
    });

    it("holds ERC-20 tokens sent by transfer", async function () {
      const f = await loadFixture(emptyReserve);
      await f.token.mint(f.others[0].address, E(70));
      await expect(f.token.connect(f.others[0]).transfer(f.reserveAddress, E(70))).to.changeTokenBalances(
        ethers,
        f.token,
        [f.reserve, f.others[0]],
        [E(70), -E(70)],
      );
      expect(await f.reserve.balanceOf(f.tokenAddress)).to.equal(E(70));
      expect(await f.reserve.available(f.tokenAddress)).to.equal(E(70));
    });
  });

  describe("pay", function () {
    it("pays the native coin out of the uncommitted balance and records the outflow", async function () {
      const f = await loadFixture(fundedReserve);
      const to = f.others[0];
      const tx = f.reserve.connect(f.governance).pay(NATIVE, to, E(120), "Bug bounty #12");
      await expect(tx)
        .to.emit(f.reserve, "Outflow")
        .withArgs(NATIVE, to.address, E(120), Kind.Pay, 0n, "Bug bounty #12");
      await expect(tx).to.changeEtherBalances(ethers, [f.reserve, to, f.governance], [-E(120), E(120), 0n]);
      expect(await f.reserve.balanceOf(NATIVE)).to.equal(FUND - E(120));
      expect(await f.reserve.available(NATIVE)).to.equal(FUND - E(120));
      expect(await f.reserve.committed(NATIVE)).to.equal(0n);
      expect(await f.reserve.recentOutflow(NATIVE)).to.equal(E(120));
      expect(await f.reserve.recentOutflow(f.tokenAddress)).to.equal(0n);
    });

    it("pays an ERC-20 token", async function () {
      const f = await loadFixture(fundedReserve);
      const to = f.others[1];
      const tx = f.reserve.connect(f.governance).pay(f.tokenAddress, to, E(80), "Liquidity incentive");
      await expect(tx)
        .to.emit(f.reserve, "Outflow")
        .withArgs(f.tokenAddress, to.address, E(80), Kind.Pay, 0n, "Liquidity incentive");
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.reserve, to], [-E(80), E(80)]);
      await expect(tx).to.changeEtherBalances(ethers, [f.reserve, to], [0n, 0n]);
      expect(await f.reserve.available(f.tokenAddress)).to.equal(FUND - E(80));
      expect(await f.reserve.recentOutflow(f.tokenAddress)).to.equal(E(80));
      expect(await f.reserve.recentOutflow(NATIVE)).to.equal(0n);
    });

    it("pays exactly the uncommitted balance while the rest stays committed", async function () {
      const f = await loadFixture(budgetReserve);
      const to = f.others[0];
      // 1000 held, 300 committed to budget 1: 700 available; 400 is paid, leaving exactly the other 300.
      await f.reserve.connect(f.governance).pay(NATIVE, to, E(400), "First half");
      expect(await f.reserve.available(NATIVE)).to.equal(E(300));
      await setLimit(f, NATIVE, E(1000));
      await expect(
        f.reserve.connect(f.governance).pay(NATIVE, to, E(300), "Second half"),
      ).to.changeEtherBalances(ethers, [f.reserve, to], [-E(300), E(300)]);
      expect(await f.reserve.available(NATIVE)).to.equal(0n);
      expect(await f.reserve.balanceOf(NATIVE)).to.equal(E(300));
      expect(await f.reserve.committed(NATIVE)).to.equal(E(300));
    });

    it("pays a fee-on-transfer token: the reserve's balance falls by the amount, the recipient gets it less the fee", async function () {
      const f = await loadFixture(fundedReserve);
      const fee: FeeOnTransferERC20 = await ethers.deployContract("FeeOnTransferERC20", ["Fee Coin", "FEE"]);
      const feeAddress = await fee.getAddress();
      await fee.mint(f.reserveAddress, E(100));
      await setLimit(f, feeAddress, E(100));
      const tx = f.reserve.connect(f.governance).pay(feeAddress, f.others[0], E(50), "Fee token");
      await expect(tx)
        .to.emit(f.reserve, "Outflow")
        .withArgs(feeAddress, f.others[0].address, E(50), Kind.Pay, 0n, "Fee token");
      await expect(tx).to.changeTokenBalances(
        ethers,
        fee,
        [f.reserve, f.others[0]],
        [-E(50), E(50) - (await fee.feeOf(E(50)))],
      );
      expect(await f.reserve.available(feeAddress)).to.equal(E(50));
      expect(await f.reserve.recentOutflow(feeAddress)).to.equal(E(50));
    });

    it("reverts when the caller is not governance", async function () {
      const f = await loadFixture(fundedReserve);
      for (const caller of [f.others[0], f.spender, f.recipient]) {
        await expectRevert(
          f,
          () => f.reserve.connect(caller).pay(NATIVE, caller, E(1), "Mine"),
          f.reserve,
          "OwnableUnauthorizedAccount",
          [caller.address],
        );
      }
    });

    it("reverts when the amount is zero", async function () {
      const f = await loadFixture(fundedReserve);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(NATIVE, f.others[0], 0n, "Nothing"),
        f.reserve,
        "ReserveZeroAmount",
        [],
      );
    });

    it("reverts when the amount exceeds what the reserve holds", async function () {
      const f = await loadFixture(fundedReserve);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(f.tokenAddress, f.others[0], FUND + 1n, "Too much"),
        f.reserve,
        "ReserveInsufficientAvailable",
        [f.tokenAddress, FUND + 1n, FUND],
      );
    });

    it("reverts when the reserve holds none of the asset", async function () {
      const f = await loadFixture(emptyReserve);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(NATIVE, f.others[0], 1n, "Empty"),
        f.reserve,
        "ReserveInsufficientAvailable",
        [NATIVE, 1n, 0n],
      );
    });

    it("reverts when it would touch committed funds", async function () {
      const f = await loadFixture(budgetReserve);
      const t = await now();
      await grant(f, f.recipient, NATIVE, E(600), t, t, DAY);
      // 1000 held, 300 (budget) + 600 (grant) committed: 100 available.
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(NATIVE, f.others[0], E(100) + 1n, "Committed"),
        f.reserve,
        "ReserveInsufficientAvailable",
        [NATIVE, E(100) + 1n, E(100)],
      );
    });

    it("reverts when the recipient is the zero address", async function () {
      const f = await loadFixture(fundedReserve);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(NATIVE, ethers.ZeroAddress, E(1), "Burn"),
        f.reserve,
        "ReserveInvalidRecipient",
        [ethers.ZeroAddress],
      );
    });

    it("reverts when the recipient is the reserve itself", async function () {
      const f = await loadFixture(fundedReserve);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(f.tokenAddress, f.reserveAddress, E(1), "Loop"),
        f.reserve,
        "ReserveInvalidRecipient",
        [f.reserveAddress],
      );
    });

    it("reverts while paused", async function () {
      const f = await loadFixture(fundedReserve);
      const until = (await timeOf(f.reserve.connect(f.guardian).pause())) + PAUSE;
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(NATIVE, f.others[0], E(1), "Paused"),
        f.reserve,
        "ReservePaused",
        [until],
      );
    });

    it("reverts when it would exceed the asset's outflow limit", async function () {
      const f = await loadFixture(fundedReserve);
      await f.reserve.connect(f.governance).pay(NATIVE, f.others[0], E(300), "First");
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(NATIVE, f.others[0], E(200) + 1n, "Over the limit"),
        f.reserve,
        "ReserveOutflowLimitExceeded",
        [NATIVE, E(200) + 1n, E(200)],
      );
    });

    it("reverts when the asset has no outflow limit", async function () {
      const f = await loadFixture(fundedReserve);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(f.unlimitedAddress, f.others[0], 1n, "No limit set"),
        f.reserve,
        "ReserveOutflowLimitExceeded",
        [f.unlimitedAddress, 1n, 0n],
      );
    });

    it("reverts when the recipient rejects the native coin", async function () {
      const f = await loadFixture(reentrantReserve);
      await f.mock.setRejectPayments(true);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(NATIVE, f.mockAddress, E(1), "Rejected"),
        f.reserve,
        "FailedCall",
        [],
        [f.mockAddress],
        () => mockRecord(f),
      );
    });
  });

  describe("approveBudget", function () {
    it("commits the amount and records the budget", async function () {
      const f = await loadFixture(fundedReserve);
      const r = f.reserve.connect(f.governance);
      const t = await now();
      const [start, end] = [t + DAY, t + 31n * DAY];
      expect(await r.approveBudget.staticCall(ECOSYSTEM, NATIVE, f.spender, E(300), start, end)).to.equal(1n);
      const tx = r.approveBudget(ECOSYSTEM, NATIVE, f.spender, E(300), start, end);
      await expect(tx)
        .to.emit(f.reserve, "BudgetApproved")
        .withArgs(1n, ECOSYSTEM, NATIVE, f.spender.address, E(300), start, end);
      await expect(tx).to.changeEtherBalances(ethers, [f.reserve, f.spender], [0n, 0n]);
      expect(await f.reserve.budgetCount()).to.equal(1n);
      expect(await readBudget(f.reserve, 1n)).to.deep.equal({
        category: ECOSYSTEM,
        asset: NATIVE,
        spender: f.spender.address,
        amount: E(300),
        spent: 0n,
        start,
        end,
        status: BudgetStatus.Approved,
      });
      expect(await f.reserve.committed(NATIVE)).to.equal(E(300));
      expect(await f.reserve.available(NATIVE)).to.equal(FUND - E(300));
      expect(await f.reserve.balanceOf(NATIVE)).to.equal(FUND);
      expect(await f.reserve.recentOutflow(NATIVE)).to.equal(0n);
    });

    it("numbers budgets from 1, accepts a window that opened in the past and commits each asset apart", async function () {
      const f = await loadFixture(budgetReserve);
      const t = await now();
      const tx = f.reserve
        .connect(f.governance)
        .approveBudget(MARKETING, f.tokenAddress, f.others[0], E(50), t - 5n * DAY, t + DAY);
      await expect(tx)
        .to.emit(f.reserve, "BudgetApproved")
        .withArgs(3n, MARKETING, f.tokenAddress, f.others[0].address, E(50), t - 5n * DAY, t + DAY);
      expect(await f.reserve.budgetCount()).to.equal(3n);
      expect(await f.reserve.committed(f.tokenAddress)).to.equal(E(250));
      expect(await f.reserve.committed(NATIVE)).to.equal(E(300));
      // Open at once.
      await expect(
        f.reserve.connect(f.others[0]).spend(3n, f.others[0], E(50), "Open"),
      ).to.changeTokenBalances(ethers, f.token, [f.reserve, f.others[0]], [-E(50), E(50)]);
    });

    it("commits the whole uncommitted balance", async function () {
      const f = await loadFixture(budgetReserve);
      const t = await now();
      await f.reserve
        .connect(f.governance)
        .approveBudget(ECOSYSTEM, NATIVE, f.spender, FUND - E(300), t, t + DAY);
      expect(await f.reserve.committed(NATIVE)).to.equal(FUND);
      expect(await f.reserve.available(NATIVE)).to.equal(0n);
    });

    it("reverts when the caller is not governance", async function () {
      const f = await loadFixture(fundedReserve);
      const t = await now();
      for (const caller of [f.others[0], f.guardian, f.spender]) {
        await expectRevert(
          f,
          () => f.reserve.connect(caller).approveBudget(ECOSYSTEM, NATIVE, caller, E(1), t, t + DAY),
          f.reserve,
          "OwnableUnauthorizedAccount",
          [caller.address],
        );
      }
    });

    it("reverts when the spender is the zero address", async function () {
      const f = await loadFixture(fundedReserve);
      const t = await now();
      await expectRevert(
        f,
        () =>
          f.reserve
            .connect(f.governance)
            .approveBudget(ECOSYSTEM, NATIVE, ethers.ZeroAddress, E(1), t, t + DAY),
        f.reserve,
        "ReserveInvalidRecipient",
        [ethers.ZeroAddress],
      );
    });

    it("reverts when the spender is the reserve itself", async function () {
      const f = await loadFixture(fundedReserve);
      const t = await now();
      await expectRevert(
        f,
        () =>
          f.reserve
            .connect(f.governance)
            .approveBudget(ECOSYSTEM, NATIVE, f.reserveAddress, E(1), t, t + DAY),
        f.reserve,
        "ReserveInvalidRecipient",
        [f.reserveAddress],
      );
    });

    it("reverts when the window ends when it starts", async function () {
      const f = await loadFixture(fundedReserve);
      const t = await now();
      await expectRevert(
        f,
        () =>
          f.reserve.connect(f.governance).approveBudget(ECOSYSTEM, NATIVE, f.spender, E(1), t + DAY, t + DAY),
        f.reserve,
        "ReserveInvalidSchedule",
        [],
      );
    });

    it("reverts when the window ends before it starts", async function () {
      const f = await loadFixture(fundedReserve);
      const t = await now();
      await expectRevert(
        f,
        () =>
          f.reserve
            .connect(f.governance)
            .approveBudget(ECOSYSTEM, NATIVE, f.spender, E(1), t + 2n * DAY, t + DAY),
        f.reserve,
        "ReserveInvalidSchedule",
        [],
      );
    });

    it("reverts when the window has already ended", async function () {
      const f = await loadFixture(fundedReserve);
      const t = await now();
      for (const end of [t - DAY, t]) {
        await expectRevert(
          f,
          () =>
            f.reserve
              .connect(f.governance)
              .approveBudget(ECOSYSTEM, NATIVE, f.spender, E(1), t - 2n * DAY, end),
          f.reserve,
          "ReserveInvalidSchedule",
          [],
        );
      }
      // The next block's timestamp itself is not in the future either.
      await time.setNextBlockTimestamp(t + 100n);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).approveBudget(ECOSYSTEM, NATIVE, f.spender, E(1), t, t + 100n),
        f.reserve,
        "ReserveInvalidSchedule",
        [],
      );
    });

    it("reverts when the amount is zero", async function () {
      const f = await loadFixture(fundedReserve);
      const t = await now();
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).approveBudget(ECOSYSTEM, NATIVE, f.spender, 0n, t, t + DAY),
        f.reserve,
        "ReserveZeroAmount",
        [],
      );
    });

    it("reverts when the amount exceeds the uncommitted balance", async function () {
      const f = await loadFixture(budgetReserve);
      const t = await now();
      // 1000 held, 300 committed: a budget of 700 + 1 cannot be covered.
      await expectRevert(
        f,
        () =>
          f.reserve
            .connect(f.governance)
            .approveBudget(ECOSYSTEM, NATIVE, f.spender, E(700) + 1n, t, t + DAY),
        f.reserve,
        "ReserveInsufficientAvailable",
        [NATIVE, E(700) + 1n, E(700)],
      );
      await expectRevert(
        f,
        () =>
          f.reserve
            .connect(f.governance)
            .approveBudget(ECOSYSTEM, f.unlimitedAddress, f.spender, FUND + 1n, t, t + DAY),
        f.reserve,
        "ReserveInsufficientAvailable",
        [f.unlimitedAddress, FUND + 1n, FUND],
      );
    });
  });

  describe("spend", function () {
    it("pays several times out of an open budget, with memos", async function () {
      const f = await loadFixture(budgetReserve);
      const b = f.nativeBudget;
      await time.increaseTo(b.start);
      const payments: [HardhatEthersSigner, bigint, string][] = [
        [f.others[0], E(100), "Hackathon prizes"],
        [f.others[1], E(50), "Audit deposit"],
        [f.spender, E(150), "Conference booth, reimbursed"],
      ];
      let spent = 0n;
      for (const [to, amount, memo] of payments) {
        const tx = f.reserve.connect(f.spender).spend(b.id, to, amount, memo);
        await expect(tx)
          .to.emit(f.reserve, "Outflow")
          .withArgs(NATIVE, to.address, amount, Kind.Spend, b.id, memo);
        await expect(tx).to.changeEtherBalances(ethers, [f.reserve, to], [-amount, amount]);
        spent += amount;
        expect((await readBudget(f.reserve, b.id)).spent).to.equal(spent);
        expect(await f.reserve.committed(NATIVE)).to.equal(b.amount - spent);
        // The commitment and the balance fall together: what is available does not move.
        expect(await f.reserve.available(NATIVE)).to.equal(FUND - b.amount);
        expect(await f.reserve.recentOutflow(NATIVE)).to.equal(spent);
      }
      expect(await readBudget(f.reserve, b.id)).to.deep.equal({
        category: ECOSYSTEM,
        asset: NATIVE,
        spender: f.spender.address,
        amount: E(300),
        spent: E(300),
        start: b.start,
        end: b.end,
        status: BudgetStatus.Approved,
      });
      expect(await f.reserve.balanceOf(NATIVE)).to.equal(FUND - E(300));
    });

    it("spends a token budget", async function () {
      const f = await loadFixture(budgetReserve);
      const b = f.tokenBudget;
      const tx = f.reserve.connect(f.spender).spend(b.id, f.others[2], E(75), "Ads");
      await expect(tx)
        .to.emit(f.reserve, "Outflow")
        .withArgs(f.tokenAddress, f.others[2].address, E(75), Kind.Spend, b.id, "Ads");
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.reserve, f.others[2]], [-E(75), E(75)]);
      expect(await f.reserve.committed(f.tokenAddress)).to.equal(E(125));
      expect(await f.reserve.recentOutflow(f.tokenAddress)).to.equal(E(75));
      expect(await f.reserve.recentOutflow(NATIVE)).to.equal(0n);
    });

    it("spends from the first to the last second of the window", async function () {
      const f = await loadFixture(budgetReserve);
      const b = f.nativeBudget;
      await time.setNextBlockTimestamp(b.start);
      await expect(f.reserve.connect(f.spender).spend(b.id, f.others[0], E(1), "First second"))
        .to.emit(f.reserve, "Outflow")
        .withArgs(NATIVE, f.others[0].address, E(1), Kind.Spend, b.id, "First second");
      await time.setNextBlockTimestamp(b.end - 1n);
      await expect(
        f.reserve.connect(f.spender).spend(b.id, f.others[0], E(299), "Last second"),
      ).to.changeEtherBalances(ethers, [f.reserve, f.others[0]], [-E(299), E(299)]);
      expect(await f.reserve.committed(NATIVE)).to.equal(0n);
    });

    it("reverts when the budget does not exist", async function () {
      const f = await loadFixture(budgetReserve);
      for (const id of [0n, 3n]) {
        await expectRevert(
          f,
          () => f.reserve.connect(f.spender).spend(id, f.others[0], E(1), "Unknown"),
          f.reserve,
          "ReserveUnknownBudget",
          [id],
        );
      }
    });

    it("reverts when the caller is not the budget's spender", async function () {
      const f = await loadFixture(budgetReserve);
      await time.increaseTo(f.nativeBudget.start);
      for (const caller of [f.others[0], f.governance, f.recipient]) {
        await expectRevert(
          f,
          () => f.reserve.connect(caller).spend(1n, caller, E(1), "Not mine"),
          f.reserve,
          "ReserveNotSpender",
          [1n, caller.address],
        );
      }
    });

    it("reverts before the window opens", async function () {
      const f = await loadFixture(budgetReserve);
      await time.setNextBlockTimestamp(f.nativeBudget.start - 1n);
      await expectRevert(
        f,
        () => f.reserve.connect(f.spender).spend(1n, f.others[0], E(1), "Early"),
        f.reserve,
        "ReserveBudgetClosed",
        [1n],
      );
    });

    it("reverts once the window has closed", async function () {
      const f = await loadFixture(budgetReserve);
      await time.setNextBlockTimestamp(f.nativeBudget.end);
      await expectRevert(
        f,
        () => f.reserve.connect(f.spender).spend(1n, f.others[0], E(1), "Late"),
        f.reserve,
        "ReserveBudgetClosed",
        [1n],
      );
    });

    it("reverts when the budget was canceled", async function () {
      const f = await loadFixture(budgetReserve);
      await f.reserve.connect(f.governance).cancelBudget(2n);
      await expectRevert(
        f,
        () => f.reserve.connect(f.spender).spend(2n, f.others[0], E(1), "Canceled"),
        f.reserve,
        "ReserveBudgetClosed",
        [2n],
      );
    });

    it("reverts when the amount exceeds what is left of the budget", async function () {
      const f = await loadFixture(budgetReserve);
      await f.reserve.connect(f.spender).spend(2n, f.others[0], E(120), "Most of it");
      await expectRevert(
        f,
        () => f.reserve.connect(f.spender).spend(2n, f.others[0], E(80) + 1n, "Too much"),
        f.reserve,
        "ReserveBudgetExceeded",
        [2n, E(80) + 1n, E(80)],
      );
    });

    it("reverts when the amount is zero", async function () {
      const f = await loadFixture(budgetReserve);
      await expectRevert(
        f,
        () => f.reserve.connect(f.spender).spend(2n, f.others[0], 0n, "Nothing"),
        f.reserve,
        "ReserveZeroAmount",
        [],
      );
    });

    it("reverts when the recipient is the zero address or the reserve", async function () {
      const f = await loadFixture(budgetReserve);
      for (const to of [ethers.ZeroAddress, f.reserveAddress]) {
        await expectRevert(
          f,
          () => f.reserve.connect(f.spender).spend(2n, to, E(1), "Nowhere"),
          f.reserve,
          "ReserveInvalidRecipient",
          [to],
        );
      }
    });

    it("reverts while paused", async function () {
      const f = await loadFixture(budgetReserve);
      const until = (await timeOf(f.reserve.connect(f.guardian).pause())) + PAUSE;
      await expectRevert(
        f,
        () => f.reserve.connect(f.spender).spend(2n, f.others[0], E(1), "Paused"),
        f.reserve,
        "ReservePaused",
        [until],
      );
    });

    it("reverts when it would exceed the asset's outflow limit (payments and spends share it)", async function () {
      const f = await loadFixture(budgetReserve);
      await f.reserve.connect(f.governance).pay(f.tokenAddress, f.others[0], E(400), "Paid first");
      await expectRevert(
        f,
        () => f.reserve.connect(f.spender).spend(2n, f.others[0], E(100) + 1n, "Over the limit"),
        f.reserve,
        "ReserveOutflowLimitExceeded",
        [f.tokenAddress, E(100) + 1n, E(100)],
      );
    });

    it("reverts when the recipient rejects the native coin", async function () {
      const f = await loadFixture(reentrantReserve);
      const b = await approve(f, ECOSYSTEM, NATIVE, f.spender, E(10), await now(), (await now()) + DAY);
      await f.mock.setRejectPayments(true);
      await expectRevert(
        f,
        () => f.reserve.connect(f.spender).spend(b.id, f.mockAddress, E(1), "Rejected"),
        f.reserve,
        "FailedCall",
        [],
        [f.mockAddress],
        () => mockRecord(f),
      );
    });
  });

  describe("cancelBudget", function () {
    it("releases the unspent part of a partly spent budget", async function () {
      const f = await loadFixture(budgetReserve);
      await f.reserve.connect(f.spender).spend(2n, f.others[0], E(30), "Part");
      const tx = f.reserve.connect(f.governance).cancelBudget(2n);
      await expect(tx).to.emit(f.reserve, "BudgetCanceled").withArgs(2n, E(170));
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.reserve, f.spender], [0n, 0n]);
      expect(await readBudget(f.reserve, 2n)).to.deep.equal({
        category: MARKETING,
        asset: f.tokenAddress,
        spender: f.spender.address,
        amount: E(200),
        spent: E(30),
        start: f.tokenBudget.start,
        end: f.tokenBudget.end,
        status: BudgetStatus.Canceled,
      });
      expect(await f.reserve.committed(f.tokenAddress)).to.equal(0n);
      expect(await f.reserve.available(f.tokenAddress)).to.equal(FUND - E(30));
      // The native budget is untouched.
      expect(await f.reserve.committed(NATIVE)).to.equal(E(300));
    });

    it("cancels a budget that has not opened yet, releasing all of it", async function () {
      const f = await loadFixture(budgetReserve);
      await expect(f.reserve.connect(f.governance).cancelBudget(1n))
        .to.emit(f.reserve, "BudgetCanceled")
        .withArgs(1n, E(300));
      expect(await f.reserve.committed(NATIVE)).to.equal(0n);
      expect(await f.reserve.available(NATIVE)).to.equal(FUND);
      await time.increaseTo(f.nativeBudget.start);
      await expect(f.reserve.connect(f.spender).spend(1n, f.others[0], E(1), "Too late"))
        .to.be.revertedWithCustomError(f.reserve, "ReserveBudgetClosed")
        .withArgs(1n);
    });

    it("cancels a fully spent budget, releasing nothing", async function () {
      const f = await loadFixture(budgetReserve);
      await f.reserve.connect(f.spender).spend(2n, f.others[0], E(200), "All");
      await expect(f.reserve.connect(f.governance).cancelBudget(2n))
        .to.emit(f.reserve, "BudgetCanceled")
        .withArgs(2n, 0n);
      expect(await f.reserve.committed(f.tokenAddress)).to.equal(0n);
      expect(await f.reserve.available(f.tokenAddress)).to.equal(FUND - E(200));
    });

    it("cancels a budget whose window has ended", async function () {
      const f = await loadFixture(budgetReserve);
      await time.increaseTo(f.tokenBudget.end + DAY);
      await expect(f.reserve.connect(f.governance).cancelBudget(2n))
        .to.emit(f.reserve, "BudgetCanceled")
        .withArgs(2n, E(200));
      expect(await f.reserve.committed(f.tokenAddress)).to.equal(0n);
    });

    it("reverts when the caller is not governance", async function () {
      const f = await loadFixture(budgetReserve);
      for (const caller of [f.spender, f.guardian, f.others[0]]) {
        await expectRevert(
          f,
          () => f.reserve.connect(caller).cancelBudget(1n),
          f.reserve,
          "OwnableUnauthorizedAccount",
          [caller.address],
        );
      }
    });

    it("reverts when the budget does not exist", async function () {
      const f = await loadFixture(budgetReserve);
      for (const id of [0n, 3n]) {
        await expectRevert(
          f,
          () => f.reserve.connect(f.governance).cancelBudget(id),
          f.reserve,
          "ReserveUnknownBudget",
          [id],
        );
      }
    });

    it("reverts when the budget is already canceled", async function () {
      const f = await loadFixture(budgetReserve);
      await f.reserve.connect(f.governance).cancelBudget(1n);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).cancelBudget(1n),
        f.reserve,
        "ReserveBudgetClosed",
        [1n],
      );
    });

    it("reverts when the expired budget was already released", async function () {
      const f = await loadFixture(budgetReserve);
      await time.increaseTo(f.tokenBudget.end);
      await f.reserve.connect(f.others[0]).releaseExpiredBudget(2n);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).cancelBudget(2n),
        f.reserve,
        "ReserveBudgetClosed",
        [2n],
      );
    });
  });

  describe("releaseExpiredBudget", function () {
    it("lets anyone release the unspent part once the window has ended", async function () {
      const f = await loadFixture(budgetReserve);
      await f.reserve.connect(f.spender).spend(2n, f.others[0], E(60), "Before the end");
      await time.setNextBlockTimestamp(f.tokenBudget.end);
      const tx = f.reserve.connect(f.others[3]).releaseExpiredBudget(2n);
      await expect(tx).to.emit(f.reserve, "BudgetEnded").withArgs(2n, E(140));
      await expect(tx).not.to.emit(f.reserve, "BudgetCanceled");
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.reserve, f.others[3]], [0n, 0n]);
      expect((await readBudget(f.reserve, 2n)).status).to.equal(BudgetStatus.Ended);
      expect((await readBudget(f.reserve, 2n)).spent).to.equal(E(60));
      expect(await f.reserve.committed(f.tokenAddress)).to.equal(0n);
      expect(await f.reserve.available(f.tokenAddress)).to.equal(FUND - E(60));
    });

    it("releases a budget that ended without any spend, all of it", async function () {
      const f = await loadFixture(budgetReserve);
      await time.increaseTo(f.nativeBudget.end);
      await expect(f.reserve.connect(f.others[3]).releaseExpiredBudget(1n))
        .to.emit(f.reserve, "BudgetEnded")
        .withArgs(1n, E(300));
      expect(await readBudget(f.reserve, 1n)).to.deep.include({ spent: 0n, status: BudgetStatus.Ended });
      expect(await f.reserve.committed(NATIVE)).to.equal(0n);
    });

    it("reverts before the window has ended, saying when it ends", async function () {
      const f = await loadFixture(budgetReserve);
      await time.setNextBlockTimestamp(f.tokenBudget.end - 1n);
      await expectRevert(
        f,
        () => f.reserve.connect(f.others[3]).releaseExpiredBudget(2n),
        f.reserve,
        "ReserveBudgetNotEnded",
        [2n, f.tokenBudget.end],
      );
    });

    it("reverts when the budget was canceled", async function () {
      const f = await loadFixture(budgetReserve);
      await f.reserve.connect(f.governance).cancelBudget(2n);
      await time.increaseTo(f.tokenBudget.end);
      await expectRevert(
        f,
        () => f.reserve.connect(f.others[3]).releaseExpiredBudget(2n),
        f.reserve,
        "ReserveBudgetClosed",
        [2n],
      );
    });

    it("reverts when the budget was already released", async function () {
      const f = await loadFixture(budgetReserve);
      await time.increaseTo(f.tokenBudget.end);
      await f.reserve.connect(f.others[3]).releaseExpiredBudget(2n);
      await expectRevert(
        f,
        () => f.reserve.connect(f.others[3]).releaseExpiredBudget(2n),
        f.reserve,
        "ReserveBudgetClosed",
        [2n],
      );
    });

    it("reverts when the budget does not exist", async function () {
      const f = await loadFixture(budgetReserve);
      for (const id of [0n, 3n]) {
        await expectRevert(
          f,
          () => f.reserve.connect(f.others[3]).releaseExpiredBudget(id),
          f.reserve,
          "ReserveUnknownBudget",
          [id],
        );
      }
    });
  });

  describe("createGrant", function () {
    it("commits the total and records the grant", async function () {
      const f = await loadFixture(fundedReserve);
      const r = f.reserve.connect(f.governance);
      const t = await now();
      const [start, cliff, duration] = [t + DAY, t + 31n * DAY, 360n * DAY];
      expect(await r.createGrant.staticCall(f.recipient, NATIVE, E(360), start, cliff, duration)).to.equal(
        1n,
      );
      const tx = r.createGrant(f.recipient, NATIVE, E(360), start, cliff, duration);
      await expect(tx)
        .to.emit(f.reserve, "GrantCreated")
        .withArgs(1n, f.recipient.address, NATIVE, E(360), start, cliff, duration);
      await expect(tx).to.changeEtherBalances(ethers, [f.reserve, f.recipient], [0n, 0n]);
      expect(await f.reserve.grantCount()).to.equal(1n);
      expect(await readGrant(f.reserve, 1n)).to.deep.equal({
        recipient: f.recipient.address,
        asset: NATIVE,
        total: E(360),
        claimed: 0n,
        start,
        cliff,
        duration,
        canceledAt: 0n,
        vested: 0n,
        claimable: 0n,
      });
      expect(await f.reserve.committed(NATIVE)).to.equal(E(360));
      expect(await f.reserve.available(NATIVE)).to.equal(FUND - E(360));
      expect(await f.reserve.balanceOf(NATIVE)).to.equal(FUND);
    });

    it("accepts a cliff at the start or at the end of vesting, and numbers grants from 1", async function () {
      const f = await loadFixture(grantReserve);
      const t = await now();
      const atStart = await grant(f, f.others[0], f.tokenAddress, E(10), t + DAY, t + DAY, 10n * DAY);
      const atEnd = await grant(f, f.others[1], f.tokenAddress, E(10), t + DAY, t + 11n * DAY, 10n * DAY);
      expect([atStart.id, atEnd.id]).to.deep.equal([3n, 4n]);
      expect(await f.reserve.committed(f.tokenAddress)).to.equal(E(120));
      // Cliff at the end: nothing until it, then everything.
      await time.increaseTo(t + 11n * DAY - 1n);
      expect(await f.reserve.vested(atEnd.id)).to.equal(0n);
      expect(await f.reserve.vested(atStart.id)).to.be.greaterThan(0n);
      await time.increaseTo(t + 11n * DAY);
      expect(await f.reserve.vested(atEnd.id)).to.equal(E(10));
    });

    it("reverts when the caller is not governance", async function () {
      const f = await loadFixture(fundedReserve);
      const t = await now();
      for (const caller of [f.recipient, f.guardian, f.others[0]]) {
        await expectRevert(
          f,
          () => f.reserve.connect(caller).createGrant(caller, NATIVE, E(1), t, t, DAY),
          f.reserve,
          "OwnableUnauthorizedAccount",
          [caller.address],
        );
      }
    });

    it("reverts when the recipient is the zero address or the reserve", async function () {
      const f = await loadFixture(fundedReserve);
      const t = await now();
      for (const to of [ethers.ZeroAddress, f.reserveAddress]) {
        await expectRevert(
          f,
          () => f.reserve.connect(f.governance).createGrant(to, NATIVE, E(1), t, t, DAY),
          f.reserve,
          "ReserveInvalidRecipient",
          [to],
        );
      }
    });

    it("reverts when the duration is 0", async function () {
      const f = await loadFixture(fundedReserve);
      const t = await now();
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).createGrant(f.recipient, NATIVE, E(1), t, t, 0n),
        f.reserve,
        "ReserveInvalidSchedule",
        [],
      );
    });

    it("reverts when the cliff is before the start", async function () {
      const f = await loadFixture(fundedReserve);
      const t = await now();
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).createGrant(f.recipient, NATIVE, E(1), t, t - 1n, DAY),
        f.reserve,
        "ReserveInvalidSchedule",
        [],
      );
    });

    it("reverts when the cliff is after the end of vesting", async function () {
      const f = await loadFixture(fundedReserve);
      const t = await now();
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).createGrant(f.recipient, NATIVE, E(1), t, t + DAY + 1n, DAY),
        f.reserve,
        "ReserveInvalidSchedule",
        [],
      );
    });

    it("reverts when the total is zero", async function () {
      const f = await loadFixture(fundedReserve);
      const t = await now();
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).createGrant(f.recipient, NATIVE, 0n, t, t, DAY),
        f.reserve,
        "ReserveZeroAmount",
        [],
      );
    });

    it("reverts when the total exceeds the uncommitted balance", async function () {
      const f = await loadFixture(budgetReserve);
      const t = await now();
      // 1000 held, 300 committed to budget 1.
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).createGrant(f.recipient, NATIVE, E(700) + 1n, t, t, DAY),
        f.reserve,
        "ReserveInsufficientAvailable",
        [NATIVE, E(700) + 1n, E(700)],
      );
    });
  });

  describe("claim", function () {
    it("pays the linearly vested part from the cliff, then the rest, never more than vested", async function () {
      const f = await loadFixture(grantReserve);
      const g = f.nativeGrant;
      const r = f.reserve.connect(f.recipient);
      // At the cliff, 30 days of 360 have vested: 30.
      await time.setNextBlockTimestamp(g.cliff);
      let tx = r.claim(g.id);
      await expect(tx)
        .to.emit(f.reserve, "Outflow")
        .withArgs(NATIVE, f.recipient.address, E(30), Kind.Claim, g.id, CLAIM_MEMO);
      await expect(tx).to.changeEtherBalances(ethers, [f.reserve, f.recipient], [-E(30), E(30)]);
      expect((await readGrant(f.reserve, g.id)).claimed).to.equal(E(30));
      expect(await f.reserve.claimable(g.id)).to.equal(0n);
      expect(await f.reserve.committed(NATIVE)).to.equal(E(330));

      // Half-way: 180 vested, 150 more paid.
      await time.setNextBlockTimestamp(g.start + 180n * DAY);
      tx = r.claim(g.id);
      await expect(tx)
        .to.emit(f.reserve, "Outflow")
        .withArgs(NATIVE, f.recipient.address, E(150), Kind.Claim, g.id, CLAIM_MEMO);
      await expect(tx).to.changeEtherBalances(ethers, [f.reserve, f.recipient], [-E(150), E(150)]);
      expect(await f.reserve.vested(g.id)).to.equal(E(180));
      expect((await readGrant(f.reserve, g.id)).claimed).to.equal(E(180));

      // A second later, a little more has vested than was claimed: the claim pays exactly that.
      await time.setNextBlockTimestamp(g.start + 180n * DAY + 1n);
      const perSecond = linear(E(360), 180n * DAY + 1n, g.duration) - E(180);
      await expect(r.claim(g.id)).to.changeEtherBalances(
        ethers,
        [f.reserve, f.recipient],
        [-perSecond, perSecond],
      );

      // After the duration: all of it, and nothing more later.
      await time.setNextBlockTimestamp(g.start + g.duration + 10n * DAY);
      tx = r.claim(g.id);
      const rest = E(360) - E(180) - perSecond;
      await expect(tx)
        .to.emit(f.reserve, "Outflow")
        .withArgs(NATIVE, f.recipient.address, rest, Kind.Claim, g.id, CLAIM_MEMO);
      await expect(tx).to.changeEtherBalances(ethers, [f.reserve, f.recipient], [-rest, rest]);
      expect(await readGrant(f.reserve, g.id)).to.deep.equal({
        recipient: f.recipient.address,
        asset: NATIVE,
        total: E(360),
        claimed: E(360),
        start: g.start,
        cliff: g.cliff,
        duration: g.duration,
        canceledAt: 0n,
        vested: E(360),
        claimable: 0n,
      });
      expect(await f.reserve.committed(NATIVE)).to.equal(0n);
      expect(await f.reserve.balanceOf(NATIVE)).to.equal(FUND - E(360));
      expect(await f.reserve.available(NATIVE)).to.equal(FUND - E(360));
    });

    it("follows the schedule in vested and claimable", async function () {
      const f = await loadFixture(grantReserve);
      const g = f.nativeGrant;
      const points: [bigint, bigint][] = [
        [g.start - 1n, 0n],
        [g.start + DAY, 0n],
        [g.cliff - 1n, 0n],
        [g.cliff, E(30)],
        [g.start + 90n * DAY, E(90)],
        [g.start + g.duration - 1n, linear(E(360), g.duration - 1n, g.duration)],
        [g.start + g.duration, E(360)],
        [g.start + 2n * g.duration, E(360)],
      ];
      for (const [t, expected] of points) {
        await time.increaseTo(t);
        expect(await f.reserve.vested(g.id)).to.equal(expected);
        expect(await f.reserve.claimable(g.id)).to.equal(expected);
      }
    });

    it("returns the amount paid and pays a token grant", async function () {
      const f = await loadFixture(grantReserve);
      const g = f.tokenGrant;
      await time.increaseTo(g.start + 50n * DAY);
      expect(await f.reserve.connect(f.recipient).claim.staticCall(g.id)).to.equal(E(50));
      await time.setNextBlockTimestamp(g.start + 50n * DAY + 1n);
      const amount = linear(E(100), 50n * DAY + 1n, g.duration);
      const tx = f.reserve.connect(f.recipient).claim(g.id);
      await expect(tx)
        .to.emit(f.reserve, "Outflow")
        .withArgs(f.tokenAddress, f.recipient.address, amount, Kind.Claim, g.id, CLAIM_MEMO);
      await expect(tx).to.changeTokenBalances(ethers, f.token, [f.reserve, f.recipient], [-amount, amount]);
      expect(await f.reserve.committed(f.tokenAddress)).to.equal(E(100) - amount);
      expect(await f.reserve.recentOutflow(f.tokenAddress)).to.equal(amount);
    });

    it("reverts when the grant does not exist", async function () {
      const f = await loadFixture(grantReserve);
      for (const id of [0n, 3n]) {
        await expectRevert(
          f,
          () => f.reserve.connect(f.recipient).claim(id),
          f.reserve,
          "ReserveUnknownGrant",
          [id],
        );
      }
    });

    it("reverts when the caller is not the recipient", async function () {
      const f = await loadFixture(grantReserve);
      await time.increaseTo(f.tokenGrant.start + 50n * DAY);
      for (const caller of [f.others[0], f.governance, f.spender]) {
        await expectRevert(f, () => f.reserve.connect(caller).claim(2n), f.reserve, "ReserveNotRecipient", [
          2n,
          caller.address,
        ]);
      }
    });

    it("reverts before the cliff", async function () {
      const f = await loadFixture(grantReserve);
      const g = f.nativeGrant;
      // Before the start, then after the start but before the cliff.
      await expectRevert(
        f,
        () => f.reserve.connect(f.recipient).claim(g.id),
        f.reserve,
        "ReserveNothingToClaim",
        [g.id],
      );
      await time.increaseTo(g.cliff - 2n);
      await time.setNextBlockTimestamp(g.cliff - 1n);
      await expectRevert(
        f,
        () => f.reserve.connect(f.recipient).claim(g.id),
        f.reserve,
        "ReserveNothingToClaim",
        [g.id],
      );
    });

    it("reverts when everything vested has been claimed", async function () {
      const f = await loadFixture(grantReserve);
      const g = f.tokenGrant;
      await time.increaseTo(g.start + g.duration);
      await f.reserve.connect(f.recipient).claim(g.id);
      await expectRevert(
        f,
        () => f.reserve.connect(f.recipient).claim(g.id),
        f.reserve,
        "ReserveNothingToClaim",
        [g.id],
      );
    });

    it("reverts while paused", async function () {
      const f = await loadFixture(grantReserve);
      await time.increaseTo(f.tokenGrant.start + 50n * DAY);
      const until = (await timeOf(f.reserve.connect(f.guardian).pause())) + PAUSE;
      await expectRevert(f, () => f.reserve.connect(f.recipient).claim(2n), f.reserve, "ReservePaused", [
        until,
      ]);
    });

    it("reverts when it would exceed the asset's outflow limit", async function () {
      const f = await loadFixture(grantReserve);
      const g = f.tokenGrant;
      await time.increaseTo(g.start + g.duration);
      await f.reserve.connect(f.governance).pay(f.tokenAddress, f.others[0], E(450), "Paid first");
      await expectRevert(
        f,
        () => f.reserve.connect(f.recipient).claim(g.id),
        f.reserve,
        "ReserveOutflowLimitExceeded",
        [f.tokenAddress, E(100), E(50)],
      );
    });

    it("reverts when the recipient rejects the native coin", async function () {
      const f = await loadFixture(reentrantReserve);
      await f.mock.setRejectPayments(true);
      await expectRevert(
        f,
        () => f.mock.claim(f.grant.id),
        f.reserve,
        "FailedCall",
        [],
        [f.mockAddress],
        () => mockRecord(f),
      );
    });
  });

  describe("cancelGrant", function () {
    it("stops vesting mid-way: the vested part stays claimable, the rest is released", async function () {
      const f = await loadFixture(grantReserve);
      const g = f.nativeGrant;
      const canceledAt = g.start + 90n * DAY;
      await time.setNextBlockTimestamp(canceledAt);
      const tx = f.reserve.connect(f.governance).cancelGrant(g.id);
      await expect(tx).to.emit(f.reserve, "GrantCanceled").withArgs(g.id, E(270));
      await expect(tx).to.changeEtherBalances(ethers, [f.reserve, f.recipient], [0n, 0n]);
      expect(await readGrant(f.reserve, g.id)).to.deep.equal({
        recipient: f.recipient.address,
        asset: NATIVE,
        total: E(90),
        claimed: 0n,
        start: g.start,
        cliff: g.cliff,
        duration: g.duration,
        canceledAt,
        vested: E(90),
        claimable: E(90),
      });
      expect(await f.reserve.committed(NATIVE)).to.equal(E(90));
      expect(await f.reserve.available(NATIVE)).to.equal(FUND - E(90));

      // Vesting stopped: months later, still 90.
      await time.increaseTo(g.start + 300n * DAY);
      expect(await f.reserve.vested(g.id)).to.equal(E(90));
      await expect(f.reserve.connect(f.recipient).claim(g.id)).to.changeEtherBalances(
        ethers,
        [f.reserve, f.recipient],
        [-E(90), E(90)],
      );
      expect(await f.reserve.committed(NATIVE)).to.equal(0n);
      await expect(f.reserve.connect(f.recipient).claim(g.id))
        .to.be.revertedWithCustomError(f.reserve, "ReserveNothingToClaim")
        .withArgs(g.id);
    });

    it("after a partial claim, only the unclaimed vested part stays committed", async function () {
      const f = await loadFixture(grantReserve);
      const g = f.nativeGrant;
      await time.setNextBlockTimestamp(g.cliff);
      await f.reserve.connect(f.recipient).claim(g.id);
      await time.setNextBlockTimestamp(g.start + 60n * DAY);
      await expect(f.reserve.connect(f.governance).cancelGrant(g.id))
        .to.emit(f.reserve, "GrantCanceled")
        .withArgs(g.id, E(300));
      expect(await f.reserve.committed(NATIVE)).to.equal(E(30));
      expect(await f.reserve.claimable(g.id)).to.equal(E(30));
      expect(await f.reserve.available(NATIVE)).to.equal(FUND - E(60));
      await expect(f.reserve.connect(f.recipient).claim(g.id))
        .to.emit(f.reserve, "Outflow")
        .withArgs(NATIVE, f.recipient.address, E(30), Kind.Claim, g.id, CLAIM_MEMO);
      expect(await f.reserve.committed(NATIVE)).to.equal(0n);
    });

    it("before the cliff, releases everything", async function () {
      const f = await loadFixture(grantReserve);
      const g = f.nativeGrant;
      await expect(f.reserve.connect(f.governance).cancelGrant(g.id))
        .to.emit(f.reserve, "GrantCanceled")
        .withArgs(g.id, E(360));
      expect(await f.reserve.committed(NATIVE)).to.equal(0n);
      expect(await f.reserve.available(NATIVE)).to.equal(FUND);
      await time.increaseTo(g.start + g.duration);
      expect(await f.reserve.vested(g.id)).to.equal(0n);
      await expect(f.reserve.connect(f.recipient).claim(g.id))
        .to.be.revertedWithCustomError(f.reserve, "ReserveNothingToClaim")
        .withArgs(g.id);
    });

    it("after full vesting, releases nothing", async function () {
      const f = await loadFixture(grantReserve);
      const g = f.tokenGrant;
      await time.increaseTo(g.start + g.duration);
      await expect(f.reserve.connect(f.governance).cancelGrant(g.id))
        .to.emit(f.reserve, "GrantCanceled")
        .withArgs(g.id, 0n);
      expect(await f.reserve.committed(f.tokenAddress)).to.equal(E(100));
      expect(await f.reserve.claimable(g.id)).to.equal(E(100));
    });

    it("reverts when the caller is not governance", async function () {
      const f = await loadFixture(grantReserve);
      for (const caller of [f.recipient, f.guardian, f.others[0]]) {
        await expectRevert(
          f,
          () => f.reserve.connect(caller).cancelGrant(1n),
          f.reserve,
          "OwnableUnauthorizedAccount",
          [caller.address],
        );
      }
    });

    it("reverts when the grant does not exist", async function () {
      const f = await loadFixture(grantReserve);
      for (const id of [0n, 3n]) {
        await expectRevert(
          f,
          () => f.reserve.connect(f.governance).cancelGrant(id),
          f.reserve,
          "ReserveUnknownGrant",
          [id],
        );
      }
    });

    it("reverts when the grant is already canceled", async function () {
      const f = await loadFixture(grantReserve);
      await f.reserve.connect(f.governance).cancelGrant(1n);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).cancelGrant(1n),
        f.reserve,
        "ReserveGrantCanceled",
        [1n],
      );
    });
  });

  describe("setOutflowLimit", function () {
    it("sets a limit that lets the asset leave, up to the limit", async function () {
      const f = await loadFixture(fundedReserve);
      await expect(f.reserve.connect(f.governance).setOutflowLimit(f.unlimitedAddress, E(100)))
        .to.emit(f.reserve, "OutflowLimitSet")
        .withArgs(f.unlimitedAddress, E(100));
      expect(await f.reserve.outflowLimit(f.unlimitedAddress)).to.equal(E(100));
      await expect(
        f.reserve.connect(f.governance).pay(f.unlimitedAddress, f.others[0], E(100), "Now allowed"),
      ).to.changeTokenBalances(ethers, f.unlimited, [f.reserve, f.others[0]], [-E(100), E(100)]);
      await expect(f.reserve.connect(f.governance).pay(f.unlimitedAddress, f.others[0], 1n, "One more"))
        .to.be.revertedWithCustomError(f.reserve, "ReserveOutflowLimitExceeded")
        .withArgs(f.unlimitedAddress, 1n, 0n);
    });

    it("lowered below the recent outflow, leaves nothing until it rolls off", async function () {
      const f = await loadFixture(fundedReserve);
      await f.reserve.connect(f.governance).pay(NATIVE, f.others[0], E(300), "Before");
      await f.reserve.connect(f.governance).setOutflowLimit(NATIVE, E(200));
      await expect(f.reserve.connect(f.governance).pay(NATIVE, f.others[0], 1n, "After"))
        .to.be.revertedWithCustomError(f.reserve, "ReserveOutflowLimitExceeded")
        .withArgs(NATIVE, 1n, 0n);
      await f.reserve.connect(f.governance).setOutflowLimit(NATIVE, E(350));
      await expect(
        f.reserve.connect(f.governance).pay(NATIVE, f.others[0], E(50), "Raised"),
      ).to.changeEtherBalances(ethers, [f.reserve, f.others[0]], [-E(50), E(50)]);
    });

    it("set to 0, blocks every outflow of the asset (payments, spends and claims)", async function () {
      const f = await loadFixture(openReserve);
      await expect(f.reserve.connect(f.governance).setOutflowLimit(NATIVE, 0n))
        .to.emit(f.reserve, "OutflowLimitSet")
        .withArgs(NATIVE, 0n);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(NATIVE, f.others[0], 1n, "Blocked"),
        f.reserve,
        "ReserveOutflowLimitExceeded",
        [NATIVE, 1n, 0n],
      );
      await expectRevert(
        f,
        () => f.reserve.connect(f.spender).spend(f.budget.id, f.others[0], 1n, "Blocked"),
        f.reserve,
        "ReserveOutflowLimitExceeded",
        [NATIVE, 1n, 0n],
      );
      await expectRevert(
        f,
        () => f.reserve.connect(f.recipient).claim(f.grant.id),
        f.reserve,
        "ReserveOutflowLimitExceeded",
        [NATIVE, E(100), 0n],
      );
      // The token is not affected.
      await f.reserve.connect(f.governance).pay(f.tokenAddress, f.others[0], 1n, "Token still moves");
    });

    it("reverts when the caller is not governance", async function () {
      const f = await loadFixture(fundedReserve);
      for (const caller of [f.guardian, f.others[0]]) {
        await expectRevert(
          f,
          () => f.reserve.connect(caller).setOutflowLimit(NATIVE, FUND),
          f.reserve,
          "OwnableUnauthorizedAccount",
          [caller.address],
        );
      }
    });
  });

  describe("recentOutflow", function () {
    it("counts an outflow for 31 calendar days: still on day 30, gone on day 31", async function () {
      const f = await loadFixture(fundedReserve);
      const day0 = await nextDayStart();
      const budget = await approve(f, ECOSYSTEM, NATIVE, f.spender, E(300), day0, day0 + 60n * DAY);
      await time.setNextBlockTimestamp(day0 + 3600n);
      await f.reserve.connect(f.spender).spend(budget.id, f.others[0], E(100), "Day 0");
      expect(await f.reserve.recentOutflow(NATIVE)).to.equal(E(100));

      // The end of day 30: still counted, so only 400 more may leave.
      await time.increaseTo(day0 + 31n * DAY - 2n);
      expect(await f.reserve.recentOutflow(NATIVE)).to.equal(E(100));
      await time.setNextBlockTimestamp(day0 + 31n * DAY - 1n);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(NATIVE, f.others[0], E(400) + 1n, "Day 30"),
        f.reserve,
        "ReserveOutflowLimitExceeded",
        [NATIVE, E(400) + 1n, E(400)],
      );

      // The first second of day 31: gone, and the whole limit may leave again.
      await time.increaseTo(day0 + 31n * DAY);
      expect(await f.reserve.recentOutflow(NATIVE)).to.equal(0n);
      await expect(
        f.reserve.connect(f.governance).pay(NATIVE, f.others[0], LIMIT, "Day 31"),
      ).to.changeEtherBalances(ethers, [f.reserve, f.others[0]], [-LIMIT, LIMIT]);
    });

    it("rolls day by day, adding up outflows of the same day", async function () {
      const f = await loadFixture(fundedReserve);
      const day0 = await nextDayStart();
      await time.setNextBlockTimestamp(day0 + 10n);
      await f.reserve.connect(f.governance).pay(NATIVE, f.others[0], E(100), "Day 0");
      await time.setNextBlockTimestamp(day0 + DAY + 10n);
      await f.reserve.connect(f.governance).pay(NATIVE, f.others[0], E(150), "Day 1, first");
      await time.setNextBlockTimestamp(day0 + 2n * DAY - 1n);
      await f.reserve.connect(f.governance).pay(NATIVE, f.others[0], E(50), "Day 1, last second");
      expect(await f.reserve.recentOutflow(NATIVE)).to.equal(E(300));

      await time.increaseTo(day0 + 30n * DAY);
      expect(await f.reserve.recentOutflow(NATIVE)).to.equal(E(300));
      await time.increaseTo(day0 + 31n * DAY);
      expect(await f.reserve.recentOutflow(NATIVE)).to.equal(E(200));
      await time.increaseTo(day0 + 32n * DAY);
      expect(await f.reserve.recentOutflow(NATIVE)).to.equal(0n);
    });

    it("frees the limit 31 days after it was reached, reusing the day's slot", async function () {
      const f = await loadFixture(fundedReserve);
      const day0 = await nextDayStart();
      await time.setNextBlockTimestamp(day0 + 3600n);
      await f.reserve.connect(f.governance).pay(NATIVE, f.others[0], LIMIT, "The whole limit");
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(NATIVE, f.others[0], 1n, "Day 0"),
        f.reserve,
        "ReserveOutflowLimitExceeded",
        [NATIVE, 1n, 0n],
      );
      await time.increaseTo(day0 + 30n * DAY + 3600n);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(NATIVE, f.others[0], 1n, "Day 30"),
        f.reserve,
        "ReserveOutflowLimitExceeded",
        [NATIVE, 1n, 0n],
      );
      // Day 31 falls in day 0's slot: the old amount is dropped, not added to.
      await time.setNextBlockTimestamp(day0 + 31n * DAY);
      await expect(
        f.reserve.connect(f.governance).pay(NATIVE, f.others[0], LIMIT, "Day 31"),
      ).to.changeEtherBalances(ethers, [f.reserve, f.others[0]], [-LIMIT, LIMIT]);
      expect(await f.reserve.recentOutflow(NATIVE)).to.equal(LIMIT);
    });

    it("counts payments, spends and claims against one limit per asset", async function () {
      const f = await loadFixture(openReserve);
      await f.reserve.connect(f.governance).pay(NATIVE, f.others[0], E(200), "Pay");
      await f.reserve.connect(f.spender).spend(f.budget.id, f.others[0], E(200), "Spend");
      await f.reserve.connect(f.recipient).claim(f.grant.id);
      expect(await f.reserve.recentOutflow(NATIVE)).to.equal(E(500));
      await expectRevert(
        f,
        () => f.reserve.connect(f.spender).spend(f.budget.id, f.others[0], 1n, "One more"),
        f.reserve,
        "ReserveOutflowLimitExceeded",
        [NATIVE, 1n, 0n],
      );
      // Each asset has its own window.
      expect(await f.reserve.recentOutflow(f.tokenAddress)).to.equal(0n);
      await expect(
        f.reserve.connect(f.governance).pay(f.tokenAddress, f.others[0], LIMIT, "Token"),
      ).to.changeTokenBalances(ethers, f.token, [f.reserve, f.others[0]], [-LIMIT, LIMIT]);
    });
  });

  describe("setGuardian", function () {
    it("hands the pause to a new guardian for a term", async function () {
      const f = await loadFixture(fundedReserve);
      const next = f.others[0];
      const at = BigInt(await time.latest()) + 10n;
      await time.setNextBlockTimestamp(at);
      await expect(f.reserve.connect(f.governance).setGuardian(next, 30n * DAY))
        .to.emit(f.reserve, "GuardianSet")
        .withArgs(next.address, at + 30n * DAY);
      expect(await f.reserve.guardian()).to.equal(next.address);
      expect(await f.reserve.guardianTermEnd()).to.equal(at + 30n * DAY);
      await expectRevert(f, () => f.reserve.connect(f.guardian).pause(), f.reserve, "ReserveOnlyGuardian", [
        f.guardian.address,
      ]);
      await expect(f.reserve.connect(next).pause()).to.emit(f.reserve, "Paused");
    });

    it("set to zero, leaves nobody able to pause", async function () {
      const f = await loadFixture(fundedReserve);
      await expect(f.reserve.connect(f.governance).setGuardian(ethers.ZeroAddress, 0n))
        .to.emit(f.reserve, "GuardianSet")
        .withArgs(ethers.ZeroAddress, 0n);
      expect(await f.reserve.guardianTermEnd()).to.equal(0n);
      for (const caller of [f.guardian, f.governance, f.others[0]]) {
        await expectRevert(f, () => f.reserve.connect(caller).pause(), f.reserve, "ReserveOnlyGuardian", [
          caller.address,
        ]);
      }
    });

    it("ends the guardian's power by itself when the term is over", async function () {
      const f = await loadFixture(fundedReserve);
      const termEnd = await f.reserve.guardianTermEnd();
      await time.setNextBlockTimestamp(termEnd);
      await expectRevert(f, () => f.reserve.connect(f.guardian).pause(), f.reserve, "ReserveOnlyGuardian", [
        f.guardian.address,
      ]);
      await time.increaseTo(termEnd);
      expect(await f.reserve.guardian()).to.equal(ethers.ZeroAddress);
    });

    it("never lets a pause outlast the guardian's term", async function () {
      const f = await loadFixture(fundedReserve);
      const termEnd = await f.reserve.guardianTermEnd();
      await time.setNextBlockTimestamp(termEnd - DAY);
      await expect(f.reserve.connect(f.guardian).pause())
        .to.emit(f.reserve, "Paused")
        .withArgs(f.guardian.address, termEnd);
      expect(await f.reserve.pausedUntil()).to.equal(termEnd);
    });

    for (const [label, account, term] of [
      ["a guardian with no term", "guardian", 0n],
      ["a term over 730 days", "guardian", 731n * DAY],
      ["a term with no guardian", "zero", DAY],
    ] as const) {
      it(`reverts for ${label}`, async function () {
        const f = await loadFixture(fundedReserve);
        const who = account === "zero" ? ethers.ZeroAddress : f.others[0].address;
        await expectRevert(
          f,
          () => f.reserve.connect(f.governance).setGuardian(who, term),
          f.reserve,
          "ReserveInvalidGuardianTerm",
          [term],
        );
      });
    }

    it("reverts when the caller is not governance", async function () {
      const f = await loadFixture(fundedReserve);
      for (const caller of [f.guardian, f.others[0]]) {
        await expectRevert(
          f,
          () => f.reserve.connect(caller).setGuardian(caller, DAY),
          f.reserve,
          "OwnableUnauthorizedAccount",
          [caller.address],
        );
      }
    });
  });

  describe("setPauseDuration", function () {
    it("sets how long the next pause lasts, from 1 second to 30 days", async function () {
      const f = await loadFixture(fundedReserve);
      for (const duration of [1n, MAX_PAUSE]) {
        await expect(f.reserve.connect(f.governance).setPauseDuration(duration))
          .to.emit(f.reserve, "PauseDurationSet")
          .withArgs(duration);
        expect(await f.reserve.pauseDuration()).to.equal(duration);
      }
      const tx = f.reserve.connect(f.guardian).pause();
      const until = (await timeOf(tx)) + MAX_PAUSE;
      await expect(tx).to.emit(f.reserve, "Paused").withArgs(f.guardian.address, until);
      expect(await f.reserve.pausedUntil()).to.equal(until);
    });

    it("reverts when the duration is 0", async function () {
      const f = await loadFixture(fundedReserve);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).setPauseDuration(0n),
        f.reserve,
        "ReserveInvalidPauseDuration",
        [0n],
      );
    });

    it("reverts when the duration is longer than 30 days", async function () {
      const f = await loadFixture(fundedReserve);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).setPauseDuration(MAX_PAUSE + 1n),
        f.reserve,
        "ReserveInvalidPauseDuration",
        [MAX_PAUSE + 1n],
      );
    });

    it("reverts when the caller is not governance", async function () {
      const f = await loadFixture(fundedReserve);
      await expectRevert(
        f,
        () => f.reserve.connect(f.guardian).setPauseDuration(DAY),
        f.reserve,
        "OwnableUnauthorizedAccount",
        [f.guardian.address],
      );
    });
  });

  describe("pause", function () {
    it("pauses every outflow for the pause duration", async function () {
      const f = await loadFixture(openReserve);
      const tx = f.reserve.connect(f.guardian).pause();
      const until = (await timeOf(tx)) + PAUSE;
      await expect(tx).to.emit(f.reserve, "Paused").withArgs(f.guardian.address, until);
      expect(await f.reserve.paused()).to.equal(true);
      expect(await f.reserve.pausedUntil()).to.equal(until);

      const blocked: [string, () => Promise<unknown>][] = [
        ["pay", () => f.reserve.connect(f.governance).pay(NATIVE, f.others[0], E(1), "Paused")],
        ["spend", () => f.reserve.connect(f.spender).spend(f.budget.id, f.others[0], E(1), "Paused")],
        ["claim", () => f.reserve.connect(f.recipient).claim(f.grant.id)],
        [
          "transferCollectible",
          () => f.reserve.connect(f.governance).transferCollectible(f.erc721, f.others[0], 1n, 0n, "Paused"),
        ],
      ];
      for (const [, send] of blocked) {
        await expectRevert(f, send, f.reserve, "ReservePaused", [until]);
      }
      expect(await f.erc721.ownerOf(1n)).to.equal(f.reserveAddress);
    });

    it("lets governance still commit and release funds while outflows are paused", async function () {
      const f = await loadFixture(openReserve);
      await f.reserve.connect(f.guardian).pause();
      const t = await now();
      await approve(f, MARKETING, NATIVE, f.spender, E(10), t, t + DAY);
      await grant(f, f.recipient, NATIVE, E(10), t, t, DAY);
      await f.reserve.connect(f.governance).cancelBudget(f.budget.id);
      await f.reserve.connect(f.governance).cancelGrant(f.grant.id);
      expect(await f.reserve.committed(NATIVE)).to.equal(E(120));
      expect(await f.reserve.balanceOf(NATIVE)).to.equal(FUND);
    });

    it("ends by itself after the pause duration", async function () {
      const f = await loadFixture(openReserve);
      const until = (await timeOf(f.reserve.connect(f.guardian).pause())) + PAUSE;
      await time.setNextBlockTimestamp(until - 1n);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(NATIVE, f.others[0], E(1), "Still paused"),
        f.reserve,
        "ReservePaused",
        [until],
      );
      expect(await f.reserve.paused()).to.equal(true);
      await time.setNextBlockTimestamp(until);
      await expect(
        f.reserve.connect(f.governance).pay(NATIVE, f.others[0], E(1), "Resumed"),
      ).to.changeEtherBalances(ethers, [f.reserve, f.others[0]], [-E(1), E(1)]);
      expect(await f.reserve.paused()).to.equal(false);
      await expect(f.reserve.connect(f.spender).spend(f.budget.id, f.others[0], E(1), "Resumed"))
        .to.emit(f.reserve, "Outflow")
        .withArgs(NATIVE, f.others[0].address, E(1), Kind.Spend, f.budget.id, "Resumed");
      await expect(f.reserve.connect(f.recipient).claim(f.grant.id))
        .to.emit(f.reserve, "Outflow")
        .withArgs(NATIVE, f.recipient.address, E(100), Kind.Claim, f.grant.id, CLAIM_MEMO);
    });

    it("can be used again once the cooldown has passed", async function () {
      const f = await loadFixture(fundedReserve);
      const until = (await timeOf(f.reserve.connect(f.guardian).pause())) + PAUSE;
      await time.setNextBlockTimestamp(until + PAUSE);
      const tx = f.reserve.connect(f.guardian).pause();
      await expect(tx)
        .to.emit(f.reserve, "Paused")
        .withArgs(f.guardian.address, until + 2n * PAUSE);
    });

    it("reverts when the caller is not the guardian", async function () {
      const f = await loadFixture(fundedReserve);
      for (const caller of [f.governance, f.others[0], f.spender]) {
        await expectRevert(f, () => f.reserve.connect(caller).pause(), f.reserve, "ReserveOnlyGuardian", [
          caller.address,
        ]);
      }
    });

    it("reverts when already paused (no extension)", async function () {
      const f = await loadFixture(fundedReserve);
      const until = (await timeOf(f.reserve.connect(f.guardian).pause())) + PAUSE;
      await time.increaseTo(until - DAY);
      await expectRevert(
        f,
        () => f.reserve.connect(f.guardian).pause(),
        f.reserve,
        "ReservePauseUnavailable",
        [until + PAUSE],
      );
    });

    it("reverts during the cooldown after a pause", async function () {
      const f = await loadFixture(fundedReserve);
      const until = (await timeOf(f.reserve.connect(f.guardian).pause())) + PAUSE;
      await time.increaseTo(until);
      expect(await f.reserve.paused()).to.equal(false);
      await time.setNextBlockTimestamp(until + PAUSE - 1n);
      await expectRevert(
        f,
        () => f.reserve.connect(f.guardian).pause(),
        f.reserve,
        "ReservePauseUnavailable",
        [until + PAUSE],
      );
    });

    it("reverts when the guardian tries to move funds", async function () {
      const f = await loadFixture(openReserve);
      const g = f.guardian;
      const t = await now();
      await expectRevert(
        f,
        () => f.reserve.connect(g).pay(NATIVE, g, E(1), "Mine"),
        f.reserve,
        "OwnableUnauthorizedAccount",
        [g.address],
      );
      await expectRevert(
        f,
        () => f.reserve.connect(g).spend(f.budget.id, g, E(1), "Mine"),
        f.reserve,
        "ReserveNotSpender",
        [f.budget.id, g.address],
      );
      await expectRevert(f, () => f.reserve.connect(g).claim(f.grant.id), f.reserve, "ReserveNotRecipient", [
        f.grant.id,
        g.address,
      ]);
      await expectRevert(
        f,
        () => f.reserve.connect(g).transferCollectible(f.erc721, g, 1n, 0n, "Mine"),
        f.reserve,
        "OwnableUnauthorizedAccount",
        [g.address],
      );
      await expectRevert(
        f,
        () => f.reserve.connect(g).approveBudget(ECOSYSTEM, NATIVE, g, E(1), t, t + DAY),
        f.reserve,
        "OwnableUnauthorizedAccount",
        [g.address],
      );
      await expectRevert(
        f,
        () => f.reserve.connect(g).createGrant(g, NATIVE, E(1), t, t, DAY),
        f.reserve,
        "OwnableUnauthorizedAccount",
        [g.address],
      );
      await expectRevert(f, () => f.reserve.connect(g).unpause(), f.reserve, "OwnableUnauthorizedAccount", [
        g.address,
      ]);
      await expectRevert(
        f,
        () => f.reserve.connect(g).transferOwnership(g),
        f.reserve,
        "OwnableUnauthorizedAccount",
        [g.address],
      );
    });
  });

  describe("unpause", function () {
    it("lets governance lift the pause; the guardian's cooldown still runs from the original pause", async function () {
      const f = await loadFixture(openReserve);
      const until = (await timeOf(f.reserve.connect(f.guardian).pause())) + PAUSE;
      await time.increaseTo(until - 10n * DAY);
      const tx = f.reserve.connect(f.governance).unpause();
      await expect(tx).to.emit(f.reserve, "Unpaused");
      const liftedAt = await timeOf(tx);
      expect(await f.reserve.paused()).to.equal(false);
      expect(await f.reserve.pausedUntil()).to.equal(liftedAt);
      await expect(
        f.reserve.connect(f.spender).spend(f.budget.id, f.others[0], E(5), "Lifted"),
      ).to.changeEtherBalances(ethers, [f.reserve, f.others[0]], [-E(5), E(5)]);
      await expectRevert(
        f,
        () => f.reserve.connect(f.guardian).pause(),
        f.reserve,
        "ReservePauseUnavailable",
        [until + PAUSE],
      );
    });

    it("reverts when not paused", async function () {
      const f = await loadFixture(fundedReserve);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).unpause(),
        f.reserve,
        "ReserveNotPaused",
        [],
      );
    });

    it("reverts once the pause has ended by itself", async function () {
      const f = await loadFixture(fundedReserve);
      const until = (await timeOf(f.reserve.connect(f.guardian).pause())) + PAUSE;
      await time.setNextBlockTimestamp(until);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).unpause(),
        f.reserve,
        "ReserveNotPaused",
        [],
      );
    });

    it("reverts when already lifted", async function () {
      const f = await loadFixture(fundedReserve);
      await f.reserve.connect(f.guardian).pause();
      await f.reserve.connect(f.governance).unpause();
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).unpause(),
        f.reserve,
        "ReserveNotPaused",
        [],
      );
    });

    it("reverts when the caller is not governance", async function () {
      const f = await loadFixture(fundedReserve);
      await f.reserve.connect(f.guardian).pause();
      for (const caller of [f.guardian, f.others[0]]) {
        await expectRevert(
          f,
          () => f.reserve.connect(caller).unpause(),
          f.reserve,
          "OwnableUnauthorizedAccount",
          [caller.address],
        );
      }
    });
  });

  describe("transferCollectible", function () {
    it("receives ERC-721 tokens by safeMint and safeTransferFrom, and sends one out", async function () {
      const f = await loadFixture(collectibleReserve);
      await f.erc721.safeMint(f.reserveAddress, 1n);
      await f.erc721
        .connect(f.holder)
        ["safeTransferFrom(address,address,uint256)"](f.holder.address, f.reserveAddress, 3n);
      expect(await f.erc721.ownerOf(1n)).to.equal(f.reserveAddress);
      expect(await f.erc721.ownerOf(3n)).to.equal(f.reserveAddress);
      expect(await f.erc721.balanceOf(f.reserveAddress)).to.equal(2n);

      const tx = f.reserve
        .connect(f.governance)
        .transferCollectible(f.erc721, f.others[0], 3n, 0n, "Badge to the winner");
      await expect(tx)
        .to.emit(f.reserve, "CollectibleTransferred")
        .withArgs(f.erc721Address, f.others[0].address, 3n, 1n, "Badge to the winner");
      await expect(tx).to.emit(f.erc721, "Transfer").withArgs(f.reserveAddress, f.others[0].address, 3n);
      expect(await f.erc721.ownerOf(3n)).to.equal(f.others[0].address);
      expect(await f.erc721.balanceOf(f.reserveAddress)).to.equal(1n);
      // Collectibles are not fungible assets: nothing is counted against an outflow limit.
      expect(await f.reserve.recentOutflow(f.erc721Address)).to.equal(0n);
    });

    it("receives ERC-1155 tokens by mint, safeTransferFrom and safeBatchTransferFrom, and sends some out", async function () {
      const f = await loadFixture(collectibleReserve);
      await f.erc1155.mint(f.reserveAddress, 7n, 10n);
      await f.erc1155.connect(f.holder).safeTransferFrom(f.holder.address, f.reserveAddress, 9n, 40n, "0x");
      await f.erc1155
        .connect(f.holder)
        .safeBatchTransferFrom(f.holder.address, f.reserveAddress, [9n], [20n], "0x");
      expect(await f.erc1155.balanceOf(f.reserveAddress, 7n)).to.equal(10n);
      expect(await f.erc1155.balanceOf(f.reserveAddress, 9n)).to.equal(60n);

      const tx = f.reserve
        .connect(f.governance)
        .transferCollectible(f.erc1155, f.others[1], 9n, 25n, "Event tickets");
      await expect(tx)
        .to.emit(f.reserve, "CollectibleTransferred")
        .withArgs(f.erc1155Address, f.others[1].address, 9n, 25n, "Event tickets");
      await expect(tx)
        .to.emit(f.erc1155, "TransferSingle")
        .withArgs(f.reserveAddress, f.reserveAddress, f.others[1].address, 9n, 25n);
      expect(await f.erc1155.balanceOf(f.reserveAddress, 9n)).to.equal(35n);
      expect(await f.erc1155.balanceOf(f.others[1].address, 9n)).to.equal(25n);
    });

    it("reverts when the caller is not governance", async function () {
      const f = await loadFixture(openReserve);
      await expectRevert(
        f,
        () => f.reserve.connect(f.others[0]).transferCollectible(f.erc721, f.others[0], 1n, 0n, "Mine"),
        f.reserve,
        "OwnableUnauthorizedAccount",
        [f.others[0].address],
        [],
        async () => f.erc721.ownerOf(1n),
      );
    });

    it("reverts when the recipient is the zero address or the reserve", async function () {
      const f = await loadFixture(openReserve);
      for (const to of [ethers.ZeroAddress, f.reserveAddress]) {
        await expectRevert(
          f,
          () => f.reserve.connect(f.governance).transferCollectible(f.erc1155, to, 7n, 1n, "Nowhere"),
          f.reserve,
          "ReserveInvalidRecipient",
          [to],
          [],
          async () => f.erc1155.balanceOf(f.reserveAddress, 7n),
        );
      }
    });

    it("reverts while paused", async function () {
      const f = await loadFixture(openReserve);
      const until = (await timeOf(f.reserve.connect(f.guardian).pause())) + PAUSE;
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).transferCollectible(f.erc1155, f.others[0], 7n, 1n, "Paused"),
        f.reserve,
        "ReservePaused",
        [until],
        [],
        async () => f.erc1155.balanceOf(f.reserveAddress, 7n),
      );
    });

    it("reverts when the reserve does not hold the ERC-721 token", async function () {
      const f = await loadFixture(collectibleReserve);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).transferCollectible(f.erc721, f.others[0], 3n, 0n, "Not ours"),
        f.erc721,
        "ERC721InsufficientApproval",
        [f.reserveAddress, 3n],
        [],
        async () => f.erc721.ownerOf(3n),
      );
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).transferCollectible(f.erc721, f.others[0], 42n, 0n, "Nobody's"),
        f.erc721,
        "ERC721NonexistentToken",
        [42n],
      );
    });

    it("reverts when the reserve holds too few of the ERC-1155 token", async function () {
      const f = await loadFixture(openReserve);
      await expectRevert(
        f,
        () =>
          f.reserve.connect(f.governance).transferCollectible(f.erc1155, f.others[0], 7n, 11n, "Too many"),
        f.erc1155,
        "ERC1155InsufficientBalance",
        [await f.reserve.getAddress(), 10n, 11n, 7n],
        [],
        async () => f.erc1155.balanceOf(f.reserveAddress, 7n),
      );
    });

    it("reverts when the recipient cannot receive an ERC-721 token", async function () {
      const f = await loadFixture(openReserve);
      await expectRevert(
        f,
        () =>
          f.reserve
            .connect(f.governance)
            .transferCollectible(f.erc721, f.tokenAddress, 1n, 0n, "Into a token"),
        f.erc721,
        "ERC721InvalidReceiver",
        [f.tokenAddress],
        [],
        async () => f.erc721.ownerOf(1n),
      );
    });
  });

  describe("renounceOwnership", function () {
    it("reverts for governance: the reserve always keeps an owner", async function () {
      const f = await loadFixture(fundedReserve);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).renounceOwnership(),
        f.reserve,
        "GovernedOwnableRenounceDisabled",
        [],
      );
    });

    it("reverts when the caller is not governance", async function () {
      const f = await loadFixture(fundedReserve);
      await expectRevert(
        f,
        () => f.reserve.connect(f.others[0]).renounceOwnership(),
        f.reserve,
        "OwnableUnauthorizedAccount",
        [f.others[0].address],
      );
    });
  });

  describe("transferOwnership", function () {
    it("hands the reserve to a new owner in two steps", async function () {
      const f = await loadFixture(fundedReserve);
      const next = f.others[0];
      await expect(f.reserve.connect(f.governance).transferOwnership(next))
        .to.emit(f.reserve, "OwnershipTransferStarted")
        .withArgs(f.governance.address, next.address);
      expect(await f.reserve.owner()).to.equal(f.governance.address);
      await expect(f.reserve.connect(next).acceptOwnership())
        .to.emit(f.reserve, "OwnershipTransferred")
        .withArgs(f.governance.address, next.address);
      await expect(f.reserve.connect(f.governance).pay(NATIVE, f.governance, E(1), "Old owner"))
        .to.be.revertedWithCustomError(f.reserve, "OwnableUnauthorizedAccount")
        .withArgs(f.governance.address);
      await expect(f.reserve.connect(next).pay(NATIVE, next, E(1), "New owner")).to.changeEtherBalances(
        ethers,
        [f.reserve, next],
        [-E(1), E(1)],
      );
    });

    it("reverts when someone other than the pending owner accepts", async function () {
      const f = await loadFixture(fundedReserve);
      await f.reserve.connect(f.governance).transferOwnership(f.others[0]);
      await expectRevert(
        f,
        () => f.reserve.connect(f.others[1]).acceptOwnership(),
        f.reserve,
        "OwnableUnauthorizedAccount",
        [f.others[1].address],
      );
    });
  });

  describe("views", function () {
    it("clamp what is available at zero when the balance falls below the commitments", async function () {
      const f = await loadFixture(openReserve);
      // 300 (budget) + 100 (grant) committed. Force the balance down to 100 (impossible on a live chain).
      await networkHelpers.setBalance(f.reserveAddress, E(100));
      expect(await f.reserve.balanceOf(NATIVE)).to.equal(E(100));
      expect(await f.reserve.committed(NATIVE)).to.equal(E(400));
      expect(await f.reserve.available(NATIVE)).to.equal(0n);
      await expectRevert(
        f,
        () => f.reserve.connect(f.governance).pay(NATIVE, f.others[0], 1n, "Nothing free"),
        f.reserve,
        "ReserveInsufficientAvailable",
        [NATIVE, 1n, 0n],
      );
      // A spend within the budget that the balance cannot cover fails in Address.sendValue.
      await expectRevert(
        f,
        () => f.reserve.connect(f.spender).spend(f.budget.id, f.others[0], E(150), "Short"),
        f.reserve,
        "InsufficientBalance",
        [E(100), E(150)],
      );
    });

    it("revert for unknown budget and grant ids", async function () {
      const f = await loadFixture(openReserve);
      for (const id of [0n, 2n]) {
        await expect(f.reserve.budget(id))
          .to.be.revertedWithCustomError(f.reserve, "ReserveUnknownBudget")
          .withArgs(id);
        await expect(f.reserve.grant(id))
          .to.be.revertedWithCustomError(f.reserve, "ReserveUnknownGrant")
          .withArgs(id);
        await expect(f.reserve.vested(id))
          .to.be.revertedWithCustomError(f.reserve, "ReserveUnknownGrant")
          .withArgs(id);
        await expect(f.reserve.claimable(id))
          .to.be.revertedWithCustomError(f.reserve, "ReserveUnknownGrant")
          .withArgs(id);
      }
    });

    it("supports the ERC-721 and ERC-1155 receiver interfaces", async function () {
      const f = await loadFixture(emptyReserve);
      // IERC1155Receiver and IERC165.
      expect(await f.reserve.supportsInterface("0x4e2312e0")).to.equal(true);
      expect(await f.reserve.supportsInterface("0x01ffc9a7")).to.equal(true);
      expect(await f.reserve.supportsInterface("0xffffffff")).to.equal(false);
    });
  });

  describe("reentrancy", function () {
    it("refuses a grant recipient re-entering claim from its receive hook, and pays once", async function () {
      const f = await loadFixture(reentrantReserve);
      await f.mock.setReentry(Reentry.Claim, f.grant.id, 0n, false);
      const tx = f.mock.claim(f.grant.id);
      await expect(tx).to.changeEtherBalances(ethers, [f.reserve, f.mock], [-E(100), E(100)]);
      await expect(tx)
        .to.emit(f.reserve, "Outflow")
        .withArgs(NATIVE, f.mockAddress, E(100), Kind.Claim, f.grant.id, CLAIM_MEMO);
      expect(await f.mock.lastRevertSelector()).to.equal(
        f.reserve.interface.getError("ReentrancyGuardReentrantCall")?.selector,
      );
      expect([await f.mock.paymentsReceived(), await f.mock.amountReceived()]).to.deep.equal([1n, E(100)]);
      expect((await readGrant(f.reserve, f.grant.id)).claimed).to.equal(E(100));
      expect(await f.reserve.recentOutflow(NATIVE)).to.equal(E(100));
      expect(await f.reserve.committed(NATIVE)).to.equal(E(300));
    });

    it("refuses a spender re-entering spend from its receive hook, and pays once", async function () {
      const f = await loadFixture(reentrantReserve);
      await f.mock.setReentry(Reentry.Spend, f.budget.id, E(100), false);
      const tx = f.mock.spend(f.budget.id, f.mockAddress, E(100), "To myself");
      await expect(tx).to.changeEtherBalances(ethers, [f.reserve, f.mock], [-E(100), E(100)]);
      expect(await f.mock.lastRevertSelector()).to.equal(
        f.reserve.interface.getError("ReentrancyGuardReentrantCall")?.selector,
      );
      expect([await f.mock.paymentsReceived(), await f.mock.amountReceived()]).to.deep.equal([1n, E(100)]);
      expect((await readBudget(f.reserve, f.budget.id)).spent).to.equal(E(100));
      expect(await f.reserve.committed(NATIVE)).to.equal(E(300));
      // The re-entry is tried once: the next payment is an ordinary one.
      await f.mock.spend(f.budget.id, f.mockAddress, E(50), "Again");
      expect([await f.mock.paymentsReceived(), await f.mock.amountReceived()]).to.deep.equal([2n, E(150)]);
      expect((await readBudget(f.reserve, f.budget.id)).spent).to.equal(E(150));
    });

    it("refuses a re-entry into spend from a claim (one lock for every outflow)", async function () {
      const f = await loadFixture(reentrantReserve);
      await f.mock.setReentry(Reentry.Spend, f.budget.id, E(100), false);
      await expect(f.mock.claim(f.grant.id)).to.changeEtherBalances(
        ethers,
        [f.reserve, f.mock],
        [-E(100), E(100)],
      );
      expect(await f.mock.lastRevertSelector()).to.equal(
        f.reserve.interface.getError("ReentrancyGuardReentrantCall")?.selector,
      );
      expect((await readBudget(f.reserve, f.budget.id)).spent).to.equal(0n);
    });

    it("reverts the claim when the refused re-entry bubbles up", async function () {
      const f = await loadFixture(reentrantReserve);
      await f.mock.setReentry(Reentry.Claim, f.grant.id, 0n, true);
      await expectRevert(
        f,
        () => f.mock.claim(f.grant.id),
        f.reserve,
        "ReentrancyGuardReentrantCall",
        [],
        [f.mockAddress],
        () => mockRecord(f),
      );
    });

    it("reverts the spend when the refused re-entry bubbles up", async function () {
      const f = await loadFixture(reentrantReserve);
      await f.mock.setReentry(Reentry.Spend, f.budget.id, E(100), true);
      await expectRevert(
        f,
        () => f.mock.spend(f.budget.id, f.mockAddress, E(100), "To myself"),
        f.reserve,
        "ReentrancyGuardReentrantCall",
        [],
        [f.mockAddress],
        () => mockRecord(f),
      );
    });
  });
});
