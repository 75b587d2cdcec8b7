/**
 * ImprovementReserve under real governance: owned by the timelock, driven by CouncilGovernor motions.
 *
 * A Constitutional motion first lists the reserve in the MotionPolicy table (payments, budgets, grants and
 * collectibles as Treasury; limits, guardian, pause duration and unpause as Constitutional); then every treasury
 * operation runs end to end: propose → vote → queue → ETA → execute. Reverts are asserted with their custom error
 * and exact arguments, followed by a comparison of the reserve's state proving that nothing changed.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type { AddressLike, BaseContract, ContractTransactionResponse } from "ethers";

import type { ImprovementReserve, MockERC20 } from "../../typechain-types/index.js";
import { BudgetStatus } from "../../scripts/ops/enums.js";
import {
  RESERVE_CONSTITUTIONAL_FUNCTIONS as CONSTITUTIONAL_FUNCTIONS,
  RESERVE_TREASURY_FUNCTIONS as TREASURY_FUNCTIONS,
} from "../../scripts/ops/system.js";
import { DAY, ethers, networkHelpers } from "../utils/council.js";
import {
  DEFAULT_CLASS_CONFIGS,
  MotionClass,
  ProposalState,
  Vote,
  deploySystem,
  descriptionHash,
  passAndExecute,
  propose,
  voteAll,
  waitForDeadline,
  waitForEta,
  waitForSnapshot,
} from "../utils/governance.js";
import type { Motion, System } from "../utils/governance.js";

const { time } = networkHelpers;

const NATIVE = ethers.ZeroAddress;
const E = (amount: number): bigint => ethers.parseEther(amount.toString());
const FUND = E(1000);
const LIMIT = E(500);
const PAUSE = 14n * DAY;
const RESERVE_GUARDIAN_TERM = 365n * DAY;
const ECOSYSTEM = ethers.encodeBytes32String("ecosystem");
const CLAIM_MEMO = "grant claim";
const TREASURY_DELAY = DEFAULT_CLASS_CONFIGS[MotionClass.Treasury].timelockDelay;
const CONSTITUTIONAL_DELAY = DEFAULT_CLASS_CONFIGS[MotionClass.Constitutional].timelockDelay;

/** Outflow kinds, as emitted. */
enum Kind {
  Pay,
  Spend,
  Claim,
}

interface GovernedReserve extends System {
  reserve: ImprovementReserve;
  reserveAddress: string;
  token: MockERC20;
  tokenAddress: string;
  timelockAddress: string;
  policyAddress: string;
  /** Receives payments; no role anywhere. */
  payee: HardhatEthersSigner;
  /** A grant recipient; no role anywhere. */
  grantee: HardhatEthersSigner;
}

/** A motion with concrete types (assignable to the fixture's `Motion`). */
interface Action {
  targets: string[];
  values: bigint[];
  calldatas: string[];
  description: string;
}

interface Passed {
  id: bigint;
  queuedAt: bigint;
  eta: bigint;
}

// ---------------------------------------------------------------- helpers

async function now(): Promise<bigint> {
  return BigInt(await time.latest());
}

async function timeOf(
  tx: ContractTransactionResponse | Promise<ContractTransactionResponse>,
): Promise<bigint> {
  const receipt = await (await tx).wait();
  const block = await ethers.provider.getBlock(receipt?.blockNumber ?? "latest");
  return BigInt(block?.timestamp ?? 0);
}

function selectorOf(signature: string): string {
  return ethers.FunctionFragment.from(signature).selector;
}

/** A motion whose every action is a value-less call to the reserve. */
function reserveMotion(g: GovernedReserve, calldatas: string[], description: string): Action {
  return {
    targets: calldatas.map(() => g.reserveAddress),
    values: calldatas.map(() => 0n),
    calldatas,
    description,
  };
}

function payMotion(g: GovernedReserve, to: HardhatEthersSigner, amount: bigint, memo: string): Action {
  return reserveMotion(
    g,
    [g.reserve.interface.encodeFunctionData("pay", [NATIVE, to.address, amount, memo])],
    memo,
  );
}

function limitMotion(g: GovernedReserve, asset: string, limit: bigint, description: string): Action {
  return reserveMotion(
    g,
    [g.reserve.interface.encodeFunctionData("setOutflowLimit", [asset, limit])],
    description,
  );
}

function budgetMotion(g: GovernedReserve, amount: bigint, start: bigint, end: bigint): Action {
  return reserveMotion(
    g,
    [
      g.reserve.interface.encodeFunctionData("approveBudget", [
        ECOSYSTEM,
        NATIVE,
        g.secretariat.address,
        amount,
        start,
        end,
      ]),
    ],
    "Ecosystem budget, spent by the secretariat",
  );
}

function grantMotion(
  g: GovernedReserve,
  total: bigint,
  start: bigint,
  cliff: bigint,
  duration: bigint,
): Action {
  return reserveMotion(
    g,
    [
      g.reserve.interface.encodeFunctionData("createGrant", [
        g.grantee.address,
        NATIVE,
        total,
        start,
        cliff,
        duration,
      ]),
    ],
    "Grant: light client research",
  );
}

/** The Constitutional motion listing the reserve's functions in the policy table. */
function classificationMotion(g: GovernedReserve): Action {
  const entries = [
    ...TREASURY_FUNCTIONS.map((name) => ({
      target: g.reserveAddress,
      selector: selectorOf(name),
      motionClass: MotionClass.Treasury,
    })),
    ...CONSTITUTIONAL_FUNCTIONS.map((name) => ({
      target: g.reserveAddress,
      selector: selectorOf(name),
      motionClass: MotionClass.Constitutional,
    })),
  ];
  return {
    targets: [g.policyAddress],
    values: [0n],
    calldatas: [g.policy.interface.encodeFunctionData("setActionClasses", [entries])],
    description: "Classify the Improvement Reserve",
  };
}

/** propose → snapshot → every member votes For → deadline → queue → ETA (not executed). */
async function passToEta(g: GovernedReserve, motion: Motion, proposer: HardhatEthersSigner): Promise<Passed> {
  const id = await propose(g, motion, proposer);
  await waitForSnapshot(g, id);
  await voteAll(g, id, g.voters, Vote.For);
  await waitForDeadline(g, id);
  const queuedAt = await timeOf(
    g.governor.queue(motion.targets, motion.values, motion.calldatas, descriptionHash(motion)),
  );
  await waitForEta(g, id);
  return { id, queuedAt, eta: await g.governor.proposalEta(id) };
}

/** Executes a queued motion from an account with no role (execution is permissionless once ready). */
function executeMotion(g: GovernedReserve, motion: Motion): Promise<ContractTransactionResponse> {
  return g.governor
    .connect(g.others[0])
    .execute(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
}

interface ReserveState {
  balances: bigint[];
  committed: bigint[];
  available: bigint[];
  recent: bigint[];
  limits: bigint[];
  budgetCount: bigint;
  grantCount: bigint;
  budgets: unknown[][];
  grants: unknown[][];
  pausedUntil: bigint;
  guardian: string;
  owner: string;
}

async function reserveState(g: GovernedReserve, watch: AddressLike[] = []): Promise<ReserveState> {
  const r = g.reserve;
  const assets = [NATIVE, g.tokenAddress];
  const balances: bigint[] = [];
  for (const account of [g.reserveAddress, g.timelockAddress, g.payee, g.grantee, g.secretariat, ...watch]) {
    const address = await ethers.resolveAddress(account);
    balances.push(await ethers.provider.getBalance(address), await g.token.balanceOf(address));
  }
  const budgets: unknown[][] = [];
  for (let id = 1n; id <= (await r.budgetCount()); id++) budgets.push([...(await r.budget(id))]);
  const grants: unknown[][] = [];
  for (let id = 1n; id <= (await r.grantCount()); id++) grants.push([...(await r.grant(id))]);
  return {
    balances,
    committed: await Promise.all(assets.map((a) => r.committed(a))),
    available: await Promise.all(assets.map((a) => r.available(a))),
    recent: await Promise.all(assets.map((a) => r.recentOutflow(a))),
    limits: await Promise.all(assets.map((a) => r.outflowLimit(a))),
    budgetCount: await r.budgetCount(),
    grantCount: await r.grantCount(),
    budgets,
    grants,
    pausedUntil: await r.pausedUntil(),
    guardian: await r.guardian(),
    owner: await r.owner(),
  };
}

async function expectRevert(
  g: GovernedReserve,
  send: () => Promise<unknown>,
  contract: BaseContract,
  error: string,
  args: unknown[],
): Promise<void> {
  const before = await reserveState(g);
  await expect(send())
    .to.be.revertedWithCustomError(contract, error)
    .withArgs(...args);
  expect(await reserveState(g)).to.deep.equal(before);
}

// ---------------------------------------------------------------- fixtures (named, for loadFixture)

/** The governance system, and a reserve owned by its timelock holding 1000 native coin and 1000 tokens. */
async function governedReserve(): Promise<GovernedReserve> {
  const s = await deploySystem();
  const token = await ethers.deployContract("MockERC20", ["Wrapped Coin", "WCOIN"]);
  const tokenAddress = await token.getAddress();
  const timelockAddress = await s.timelock.getAddress();
  const reserve = await ethers.deployContract("ImprovementReserve", [
    timelockAddress,
    s.guardian.address,
    RESERVE_GUARDIAN_TERM,
    PAUSE,
    [NATIVE, tokenAddress],
    [LIMIT, LIMIT],
  ]);
  const reserveAddress = await reserve.getAddress();
  await s.others[0].sendTransaction({ to: reserveAddress, value: FUND });
  await token.mint(reserveAddress, FUND);
  return {
    ...s,
    reserve,
    reserveAddress,
    token,
    tokenAddress,
    timelockAddress,
    policyAddress: await s.policy.getAddress(),
    payee: s.others[1],
    grantee: s.others[2],
  };
}

/** {governedReserve} after the Constitutional motion classifying the reserve's functions has been executed. */
async function classifiedReserve(): Promise<GovernedReserve> {
  const g = await governedReserve();
  await passAndExecute(g, classificationMotion(g), g.secretariat);
  return g;
}

/** {classifiedReserve} with budget 1 (300 native coin for the secretariat, 60 days) approved by motion. */
async function budgetedReserve(): Promise<GovernedReserve> {
  const g = await classifiedReserve();
  const t = await now();
  await passAndExecute(g, budgetMotion(g, E(300), t, t + 60n * DAY), g.secretariat);
  return g;
}

interface GrantedReserve extends GovernedReserve {
  grantPlan: { start: bigint; cliff: bigint; duration: bigint };
}

/** {classifiedReserve} with grant 1 (360 native coin over 360 days, 30-day cliff) created by motion. */
async function grantedReserve(): Promise<GrantedReserve> {
  const g = await classifiedReserve();
  const t = await now();
  const grantPlan = { start: t, cliff: t + 30n * DAY, duration: 360n * DAY };
  await passAndExecute(
    g,
    grantMotion(g, E(360), grantPlan.start, grantPlan.cliff, grantPlan.duration),
    g.secretariat,
  );
  return { ...g, grantPlan };
}

// ---------------------------------------------------------------- tests

describe("ReserveGovernance", function () {
  const { loadFixture } = networkHelpers;

  describe("classification", function () {
    it("lists the reserve's functions in the policy table by a Constitutional motion", async function () {
      const g = await loadFixture(governedReserve);
      // Unlisted, a call to the reserve is Constitutional (the policy fails closed).
      const early = await propose(g, payMotion(g, g.payee, E(1), "Too early"), g.voters[4]);
      expect(await g.governor.motionClass(early)).to.equal(MotionClass.Constitutional);

      const motion = classificationMotion(g);
      const { id } = await passToEta(g, motion, g.secretariat);
      expect(await g.governor.motionClass(id)).to.equal(MotionClass.Constitutional);
      const tx = executeMotion(g, motion);
      for (const name of TREASURY_FUNCTIONS) {
        await expect(tx)
          .to.emit(g.policy, "ActionClassSet")
          .withArgs(g.reserveAddress, selectorOf(name), MotionClass.Treasury, false);
      }
      for (const name of CONSTITUTIONAL_FUNCTIONS) {
        await expect(tx)
          .to.emit(g.policy, "ActionClassSet")
          .withArgs(g.reserveAddress, selectorOf(name), MotionClass.Constitutional, false);
      }
      expect(await g.governor.state(id)).to.equal(ProposalState.Executed);
      for (const name of TREASURY_FUNCTIONS) {
        expect([...(await g.policy.actionClass(g.reserveAddress, selectorOf(name)))]).to.deep.equal([
          BigInt(MotionClass.Treasury),
          true,
        ]);
      }
      for (const name of CONSTITUTIONAL_FUNCTIONS) {
        expect([...(await g.policy.actionClass(g.reserveAddress, selectorOf(name)))]).to.deep.equal([
          BigInt(MotionClass.Constitutional),
          true,
        ]);
      }
    });

    it("makes a motion calling pay Treasury and one calling setOutflowLimit Constitutional", async function () {
      const g = await loadFixture(classifiedReserve);
      const pay = await propose(g, payMotion(g, g.payee, E(10), "Pay the auditors"), g.secretariat);
      const limit = await propose(g, limitMotion(g, NATIVE, E(800), "Raise the native limit"), g.secretariat);
      expect(await g.governor.motionClass(pay)).to.equal(MotionClass.Treasury);
      expect(await g.governor.motionClass(limit)).to.equal(MotionClass.Constitutional);

      // The highest class of a motion's actions wins.
      const both = reserveMotion(
        g,
        [...payMotion(g, g.payee, E(10), "x").calldatas, ...limitMotion(g, NATIVE, E(800), "y").calldatas],
        "Pay and raise the limit",
      );
      const mixed = await propose(g, both, g.secretariat);
      expect(await g.governor.motionClass(mixed)).to.equal(MotionClass.Constitutional);
    });

    it("classifies every listed reserve function as the table says", async function () {
      const g = await loadFixture(classifiedReserve);
      const governor = await g.governor.getAddress();
      const r = g.reserve.interface;
      const t = await now();
      const treasury = [
        r.encodeFunctionData("pay", [NATIVE, g.payee.address, 1n, "m"]),
        r.encodeFunctionData("approveBudget", [ECOSYSTEM, NATIVE, g.secretariat.address, 1n, t, t + DAY]),
        r.encodeFunctionData("cancelBudget", [1n]),
        r.encodeFunctionData("createGrant", [g.grantee.address, NATIVE, 1n, t, t, DAY]),
        r.encodeFunctionData("cancelGrant", [1n]),
        r.encodeFunctionData("transferCollectible", [g.tokenAddress, g.payee.address, 1n, 0n, "m"]),
      ];
      const constitutional = [
        r.encodeFunctionData("setOutflowLimit", [NATIVE, 1n]),
        r.encodeFunctionData("setGuardian", [g.payee.address, RESERVE_GUARDIAN_TERM]),
        r.encodeFunctionData("setPauseDuration", [DAY]),
        r.encodeFunctionData("unpause"),
      ];
      for (const data of treasury) {
        expect(await g.policy.classifyAction(governor, g.reserveAddress, 0n, data)).to.equal(
          MotionClass.Treasury,
        );
      }
      for (const data of constitutional) {
        expect(await g.policy.classifyAction(governor, g.reserveAddress, 0n, data)).to.equal(
          MotionClass.Constitutional,
        );
      }
      // A function left out of the table (the guardian's pause) stays Constitutional.
      expect(
        await g.policy.classifyAction(governor, g.reserveAddress, 0n, r.encodeFunctionData("pause")),
      ).to.equal(MotionClass.Constitutional);
    });
  });

  describe("pay", function () {
    it("pays by a Treasury motion after the 2-day timelock delay", async function () {
      const g = await loadFixture(classifiedReserve);
      const motion = payMotion(g, g.payee, E(120), "Security audit, phase 1");
      const { id, queuedAt, eta } = await passToEta(g, motion, g.secretariat);
      expect(await g.governor.motionClass(id)).to.equal(MotionClass.Treasury);
      expect(eta).to.equal(queuedAt + TREASURY_DELAY);

      const tx = executeMotion(g, motion);
      await expect(tx)
        .to.emit(g.reserve, "Outflow")
        .withArgs(NATIVE, g.payee.address, E(120), Kind.Pay, 0n, "Security audit, phase 1");
      await expect(tx).to.changeEtherBalances(
        ethers,
        [g.reserve, g.payee, g.timelock, g.governor],
        [-E(120), E(120), 0n, 0n],
      );
      expect(await g.governor.state(id)).to.equal(ProposalState.Executed);
      expect(await g.reserve.recentOutflow(NATIVE)).to.equal(E(120));
      expect(await g.reserve.available(NATIVE)).to.equal(FUND - E(120));
    });

    it("reverts when anyone but the timelock calls it directly", async function () {
      const g = await loadFixture(classifiedReserve);
      for (const caller of [g.secretariat, g.guardian, g.voters[0], g.admins[0], g.deployer]) {
        await expectRevert(
          g,
          () => g.reserve.connect(caller).pay(NATIVE, caller, E(1), "Direct"),
          g.reserve,
          "OwnableUnauthorizedAccount",
          [caller.address],
        );
      }
    });
  });

  describe("approveBudget and spend", function () {
    it("approves a budget by motion, which the secretariat spends twice with memos", async function () {
      const g = await loadFixture(classifiedReserve);
      const t = await now();
      const [start, end] = [t, t + 60n * DAY];
      const motion = budgetMotion(g, E(300), start, end);
      const { id } = await passToEta(g, motion, g.voters[0]);
      expect(await g.governor.motionClass(id)).to.equal(MotionClass.Treasury);
      await expect(executeMotion(g, motion))
        .to.emit(g.reserve, "BudgetApproved")
        .withArgs(1n, ECOSYSTEM, NATIVE, g.secretariat.address, E(300), start, end);
      expect(await g.reserve.committed(NATIVE)).to.equal(E(300));
      expect(await g.reserve.available(NATIVE)).to.equal(FUND - E(300));

      const payments: [HardhatEthersSigner, bigint, string][] = [
        [g.payee, E(120), "Hackathon prizes"],
        [g.others[3], E(80), "Developer grants round 1"],
      ];
      for (const [to, amount, memo] of payments) {
        const tx = g.reserve.connect(g.secretariat).spend(1n, to, amount, memo);
        await expect(tx)
          .to.emit(g.reserve, "Outflow")
          .withArgs(NATIVE, to.address, amount, Kind.Spend, 1n, memo);
        await expect(tx).to.changeEtherBalances(ethers, [g.reserve, to], [-amount, amount]);
      }
      const b = await g.reserve.budget(1n);
      expect([b.amount, b.spent, b.status]).to.deep.equal([E(300), E(200), BigInt(BudgetStatus.Approved)]);
      expect(await g.reserve.committed(NATIVE)).to.equal(E(100));
      expect(await g.reserve.available(NATIVE)).to.equal(FUND - E(300));
      expect(await g.reserve.recentOutflow(NATIVE)).to.equal(E(200));
    });

    it("reverts when a member's voter or admin, or the guardian, spends the budget", async function () {
      const g = await loadFixture(budgetedReserve);
      for (const caller of [g.voters[0], g.admins[0], g.guardian]) {
        await expectRevert(
          g,
          () => g.reserve.connect(caller).spend(1n, caller, E(1), "Not mine"),
          g.reserve,
          "ReserveNotSpender",
          [1n, caller.address],
        );
      }
    });

    it("reverts when the secretariat spends more than the budget", async function () {
      const g = await loadFixture(budgetedReserve);
      await expectRevert(
        g,
        () => g.reserve.connect(g.secretariat).spend(1n, g.payee, E(300) + 1n, "Too much"),
        g.reserve,
        "ReserveBudgetExceeded",
        [1n, E(300) + 1n, E(300)],
      );
    });
  });

  describe("createGrant and claim", function () {
    it("creates a grant by motion, which its recipient claims after the cliff", async function () {
      const g = await loadFixture(classifiedReserve);
      const t = await now();
      const [start, cliff, duration] = [t, t + 30n * DAY, 360n * DAY];
      const motion = grantMotion(g, E(360), start, cliff, duration);
      const { id } = await passToEta(g, motion, g.secretariat);
      expect(await g.governor.motionClass(id)).to.equal(MotionClass.Treasury);
      await expect(executeMotion(g, motion))
        .to.emit(g.reserve, "GrantCreated")
        .withArgs(1n, g.grantee.address, NATIVE, E(360), start, cliff, duration);
      expect(await g.reserve.committed(NATIVE)).to.equal(E(360));
      expect(await now()).to.be.lessThan(cliff);

      // At the cliff, 30 of 360 days have vested.
      await time.setNextBlockTimestamp(cliff);
      const tx = g.reserve.connect(g.grantee).claim(1n);
      await expect(tx)
        .to.emit(g.reserve, "Outflow")
        .withArgs(NATIVE, g.grantee.address, E(30), Kind.Claim, 1n, CLAIM_MEMO);
      await expect(tx).to.changeEtherBalances(ethers, [g.reserve, g.grantee], [-E(30), E(30)]);
      expect((await g.reserve.grant(1n)).claimed).to.equal(E(30));
      expect(await g.reserve.committed(NATIVE)).to.equal(E(330));
      expect(await g.reserve.claimable(1n)).to.equal(0n);
    });

    it("reverts when the recipient claims before the cliff", async function () {
      const g = await loadFixture(grantedReserve);
      await time.setNextBlockTimestamp(g.grantPlan.cliff - 1n);
      await expectRevert(
        g,
        () => g.reserve.connect(g.grantee).claim(1n),
        g.reserve,
        "ReserveNothingToClaim",
        [1n],
      );
    });

    it("reverts when anyone but the recipient claims", async function () {
      const g = await loadFixture(grantedReserve);
      await time.increaseTo(g.grantPlan.cliff);
      for (const caller of [g.secretariat, g.voters[0], g.guardian]) {
        await expectRevert(g, () => g.reserve.connect(caller).claim(1n), g.reserve, "ReserveNotRecipient", [
          1n,
          caller.address,
        ]);
      }
    });
  });

  describe("cancelGrant", function () {
    it("cancels a grant by motion: the vested part stays claimable, the rest is released", async function () {
      const g = await loadFixture(classifiedReserve);
      const t = await now();
      const [start, duration] = [t, 100n * DAY];
      const create = reserveMotion(
        g,
        [
          g.reserve.interface.encodeFunctionData("createGrant", [
            g.grantee.address,
            NATIVE,
            E(100),
            start,
            start,
            duration,
          ]),
        ],
        "Grant: indexer maintenance",
      );
      await passAndExecute(g, create, g.secretariat);

      const cancel = reserveMotion(
        g,
        [g.reserve.interface.encodeFunctionData("cancelGrant", [1n])],
        "Stop the grant",
      );
      const { id } = await passToEta(g, cancel, g.voters[1]);
      expect(await g.governor.motionClass(id)).to.equal(MotionClass.Treasury);
      const tx = await executeMotion(g, cancel);
      const canceledAt = await timeOf(tx);
      const vested = (E(100) * (canceledAt - start)) / duration;
      expect(vested).to.be.greaterThan(0n);
      expect(vested).to.be.lessThan(E(100));
      await expect(tx)
        .to.emit(g.reserve, "GrantCanceled")
        .withArgs(1n, E(100) - vested);
      const grant = await g.reserve.grant(1n);
      expect([grant.total, grant.claimed, grant.canceledAt]).to.deep.equal([vested, 0n, canceledAt]);
      expect(await g.reserve.committed(NATIVE)).to.equal(vested);
      expect(await g.reserve.available(NATIVE)).to.equal(FUND - vested);

      // Vesting stopped; the recipient still claims what had vested, once.
      await time.increaseTo(start + duration);
      expect(await g.reserve.vested(1n)).to.equal(vested);
      await expect(g.reserve.connect(g.grantee).claim(1n)).to.changeEtherBalances(
        ethers,
        [g.reserve, g.grantee],
        [-vested, vested],
      );
      expect(await g.reserve.committed(NATIVE)).to.equal(0n);
      await expectRevert(
        g,
        () => g.reserve.connect(g.grantee).claim(1n),
        g.reserve,
        "ReserveNothingToClaim",
        [1n],
      );
    });
  });

  describe("setOutflowLimit", function () {
    it("changes an outflow limit by a Constitutional motion, letting a larger payment through", async function () {
      const g = await loadFixture(classifiedReserve);
      const raise = limitMotion(g, NATIVE, E(800), "Raise the native outflow limit to 800");
      const pay = payMotion(g, g.payee, E(700), "Validator incentives, 2027");
      // The limit motion (Constitutional, 7-day delay) goes first; the payment (Treasury, 2 days) a day later.
      const raiseId = await propose(g, raise, g.secretariat);
      await time.increase(DAY);
      const payId = await propose(g, pay, g.secretariat);
      expect(await g.governor.motionClass(raiseId)).to.equal(MotionClass.Constitutional);
      expect(await g.governor.motionClass(payId)).to.equal(MotionClass.Treasury);
      await waitForSnapshot(g, payId);
      await voteAll(g, raiseId, g.voters, Vote.For);
      await voteAll(g, payId, g.voters, Vote.For);
      await waitForDeadline(g, payId);
      const raiseQueuedAt = await timeOf(
        g.governor.queue(raise.targets, raise.values, raise.calldatas, descriptionHash(raise)),
      );
      await g.governor.queue(pay.targets, pay.values, pay.calldatas, descriptionHash(pay));
      expect(await g.governor.proposalEta(raiseId)).to.equal(raiseQueuedAt + CONSTITUTIONAL_DELAY);

      // The payment is ready first, and the old limit stops it.
      await waitForEta(g, payId);
      await expectRevert(g, () => executeMotion(g, pay), g.reserve, "ReserveOutflowLimitExceeded", [
        NATIVE,
        E(700),
        LIMIT,
      ]);
      expect(await g.governor.state(payId)).to.equal(ProposalState.Queued);

      await waitForEta(g, raiseId);
      await expect(executeMotion(g, raise)).to.emit(g.reserve, "OutflowLimitSet").withArgs(NATIVE, E(800));
      expect(await g.reserve.outflowLimit(NATIVE)).to.equal(E(800));

      const tx = executeMotion(g, pay);
      await expect(tx)
        .to.emit(g.reserve, "Outflow")
        .withArgs(NATIVE, g.payee.address, E(700), Kind.Pay, 0n, "Validator incentives, 2027");
      await expect(tx).to.changeEtherBalances(ethers, [g.reserve, g.payee], [-E(700), E(700)]);
      expect(await g.reserve.recentOutflow(NATIVE)).to.equal(E(700));
    });

    it("reverts when the guardian or a member calls it directly", async function () {
      const g = await loadFixture(classifiedReserve);
      for (const caller of [g.guardian, g.secretariat, g.voters[0]]) {
        await expectRevert(
          g,
          () => g.reserve.connect(caller).setOutflowLimit(NATIVE, FUND),
          g.reserve,
          "OwnableUnauthorizedAccount",
          [caller.address],
        );
      }
    });
  });

  describe("setGuardian", function () {
    it("replaces the guardian for a term by a Constitutional motion the guardian cannot cancel", async function () {
      const g = await loadFixture(classifiedReserve);
      const next = g.others[3];
      const motion = reserveMotion(
        g,
        [g.reserve.interface.encodeFunctionData("setGuardian", [next.address, 30n * DAY])],
        "New reserve guardian for 30 days",
      );
      const id = await propose(g, motion, g.secretariat);
      expect(await g.governor.motionClass(id)).to.equal(MotionClass.Constitutional);
      await waitForSnapshot(g, id);
      // The guardian may not cancel the motion that replaces it (GovernorGuardianConflict).
      await expectRevert(
        g,
        () =>
          g.governor
            .connect(g.guardian)
            .cancel(motion.targets, motion.values, motion.calldatas, descriptionHash(motion)),
        g.governor,
        "GovernorGuardianConflict",
        [id],
      );
      expect(await g.governor.state(id)).to.equal(ProposalState.Active);
      await voteAll(g, id, g.voters, Vote.For);
      await waitForDeadline(g, id);
      await g.governor.queue(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
      await time.increaseTo(await g.governor.proposalEta(id));
      const tx = executeMotion(g, motion);
      const at = await timeOf(tx);
      await expect(tx)
        .to.emit(g.reserve, "GuardianSet")
        .withArgs(next.address, at + 30n * DAY);
      expect(await g.reserve.guardian()).to.equal(next.address);
      expect(await g.reserve.guardianTermEnd()).to.equal(at + 30n * DAY);
    });
  });

  describe("unpause", function () {
    it("lifts the guardian's pause by a Constitutional motion", async function () {
      const g = await loadFixture(classifiedReserve);
      const motion = reserveMotion(
        g,
        [g.reserve.interface.encodeFunctionData("unpause")],
        "Lift the reserve pause",
      );
      const id = await propose(g, motion, g.secretariat);
      expect(await g.governor.motionClass(id)).to.equal(MotionClass.Constitutional);
      await waitForSnapshot(g, id);
      await voteAll(g, id, g.voters, Vote.For);
      await waitForDeadline(g, id);
      await g.governor.queue(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
      const eta = await g.governor.proposalEta(id);

      // The guardian pauses (for 14 days) a day before the motion is ready.
      await time.increaseTo(eta - DAY);
      const until = (await timeOf(g.reserve.connect(g.guardian).pause())) + PAUSE;
      expect(await g.reserve.paused()).to.equal(true);
      await time.increaseTo(eta);
      const tx = executeMotion(g, motion);
      await expect(tx).to.emit(g.reserve, "Unpaused");
      expect(await g.reserve.paused()).to.equal(false);
      expect(await g.reserve.pausedUntil()).to.equal(await timeOf(tx));
      expect(await timeOf(tx)).to.be.lessThan(until);
      expect(await g.governor.state(id)).to.equal(ProposalState.Executed);
    });
  });
});
