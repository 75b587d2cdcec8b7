/**
 * CouncilGovernor: OpenZeppelin Governor 5.7 with motion classes, member-keyed dual-quorum counting, proposer
 * rules, expiry, code pinning, a term-limited guardian, sequential ids and late-quorum protection.
 *
 * Layout: one `describe` per function or concern, the success path first, then one `it` per revert, named
 * "reverts when …". Every revert is asserted with its custom error and exact arguments and followed by a
 * comparison of everything the failed call could have changed (motion details, member ballots, nonces, live
 * motions, timelock operation, balances). Expected-state bitmaps are built as OpenZeppelin builds them.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type {
  ContractTransactionReceipt,
  ContractTransactionResponse,
  Interface,
  LogDescription,
} from "ethers";

import type { CouncilGovernor, MockERC1271Wallet, MockERC20 } from "../../typechain-types/index.js";
import { DAY, STAKE_UNIT, ethers, networkHelpers } from "../utils/council.js";
import {
  DEFAULT_CLASS_CONFIGS,
  EXECUTION_WINDOW,
  GUARDIAN_TERM,
  LATE_QUORUM_EXTENSION,
  MAX_ACTIONS,
  MAX_LIVE_PROPOSALS,
  MotionClass,
  ProposalState,
  ProposerRule,
  QUEUE_WINDOW,
  TIMELOCK_MIN_DELAY,
  Vote,
  deploySystem,
  descriptionHash,
  execute,
  passAndExecute,
  propose,
  queue,
  signallingMotion,
  voteAll,
  waitForDeadline,
  waitForEta,
  waitForSnapshot,
} from "../utils/governance.js";
import type { ClassConfig, Motion, System } from "../utils/governance.js";
import { stateBitmap as bitmap, receiptOf, timeOf } from "../utils/blocks.js";
import { motionDetailsOf as details, motionRecordOf, operationId } from "../utils/governance.js";

const { time, loadFixture } = networkHelpers;

const ALL_STATES: ProposalState[] = [
  ProposalState.Pending,
  ProposalState.Active,
  ProposalState.Canceled,
  ProposalState.Defeated,
  ProposalState.Succeeded,
  ProposalState.Queued,
  ProposalState.Expired,
  ProposalState.Executed,
];
/** States from which the governor's `cancel` accepts a motion: the live ones (OpenZeppelin also accepts Defeated). */
const CANCELLABLE_STATES: ProposalState[] = [
  ProposalState.Pending,
  ProposalState.Active,
  ProposalState.Succeeded,
  ProposalState.Queued,
];
/** Final states: nobody can cancel a motion in one of them, Defeated included. */
const FINAL_STATES: ProposalState[] = [
  ProposalState.Canceled,
  ProposalState.Defeated,
  ProposalState.Expired,
  ProposalState.Executed,
];

const STANDARD = DEFAULT_CLASS_CONFIGS[MotionClass.Standard];
const CONSTITUTIONAL = DEFAULT_CLASS_CONFIGS[MotionClass.Constitutional];
const ANY_SELECTOR = "0xffffffff";
/** A keyless payee listed in {tableSystem} as Standard for every call (so paying it is Treasury). */
const PAYEE = ethers.getAddress(ethers.zeroPadValue("0xbeef01", 20));
/** A keyless payee that no table lists (so paying it is Constitutional). */
const UNLISTED_PAYEE = ethers.getAddress(ethers.zeroPadValue("0xbeef02", 20));
const GRANT_FUNDS = ethers.parseEther("1000000");
const ERC1271_MAGIC = "0x1626ba7e";

const BALLOT_TYPES = {
  Ballot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
};
const EXTENDED_BALLOT_TYPES = {
  ExtendedBallot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "reason", type: "string" },
    { name: "params", type: "bytes" },
  ],
};

/** A motion and its id. */
interface Live {
  id: bigint;
  motion: Motion;
}

interface TableSystem extends System {
  token: MockERC20;
}

interface WalletSystem extends System {
  wallet: MockERC1271Wallet;
  walletAddress: string;
  owner: HardhatEthersSigner;
}

// ---------------------------------------------------------------- fixtures (named, for loadFixture)

/** Five members, one stake unit (one vote) each; empty classification table. */
function council(): Promise<System> {
  return deploySystem();
}

/**
 * Five members, one vote each; the table lists PAYEE as Standard for every call and MockERC20.transfer as
 * Treasury; the timelock holds GRANT_FUNDS of the token.
 */
async function tableSystem(): Promise<TableSystem> {
  const token = await ethers.deployContract("MockERC20", ["Grant Token", "GRANT"]);
  const s = await deploySystem({
    actionClasses: [
      { target: PAYEE, selector: ANY_SELECTOR, motionClass: MotionClass.Standard },
      {
        target: await token.getAddress(),
        selector: token.interface.getFunction("transfer").selector,
        motionClass: MotionClass.Treasury,
      },
    ],
  });
  await token.mint(await s.timelock.getAddress(), GRANT_FUNDS);
  return { ...s, token };
}

/** Six members bonding 5, 5, 5, 5, 1 and 1 units: 6 eligible, 22 votes; Standard quorum 2 voters or 8 votes. */
function manySmallMembers(): Promise<System> {
  return deploySystem({ members: 6, stakes: [5n, 5n, 5n, 5n, 1n, 1n] });
}

/** Member 1 bonds 10 units but holds 4 votes (cap max(1, 5 − 1)); 8 votes; Standard quorum 2 voters or 3 votes. */
function heavyMember(): Promise<System> {
  return deploySystem({ stakes: [10n, 1n, 1n, 1n, 1n] });
}

/** Votes 2, 1, 1, 1, 1 (total 6): Constitutional quorum 3 voters or 3 votes. */
function twoThirdsCouncil(): Promise<System> {
  return deploySystem({ stakes: [2n, 1n, 1n, 1n, 1n] });
}

/** Member 1's voter is a MockERC1271Wallet owned by others[0] (two-step voter change through the registry). */
async function walletSystem(): Promise<WalletSystem> {
  const s = await deploySystem();
  const owner = s.others[0];
  const wallet = await ethers.deployContract("MockERC1271Wallet", [owner.address]);
  const walletAddress = await wallet.getAddress();
  await s.registry.connect(s.admins[0]).proposeVoter(1n, walletAddress);
  await wallet
    .connect(owner)
    .execute(await s.registry.getAddress(), s.registry.interface.encodeFunctionData("acceptVoter", [1n]));
  await time.increase(1);
  return { ...s, wallet, walletAddress, owner };
}

// ---------------------------------------------------------------- helpers

async function latest(): Promise<bigint> {
  return BigInt(await time.latest());
}

/** The events `iface` decodes among the logs that `address` emitted in `receipt`. */
function eventsOf(
  receipt: ContractTransactionReceipt,
  iface: Interface,
  address: string,
  name: string,
): LogDescription[] {
  const out: LogDescription[] = [];
  for (const log of receipt.logs) {
    if (log.address.toLowerCase() !== address.toLowerCase()) continue;
    const parsed = iface.parseLog(log);
    if (parsed !== null && parsed.name === name) out.push(parsed);
  }
  return out;
}

/** [against, for, abstain]. */
async function tally(g: CouncilGovernor, id: bigint): Promise<bigint[]> {
  const [against, forVotes, abstain] = await g.proposalVotes(id);
  return [against, forVotes, abstain];
}

/** [memberQuorum, voteQuorum]. */
async function quorumOf(g: CouncilGovernor, id: bigint): Promise<bigint[]> {
  const [memberQuorum, voteQuorum] = await g.proposalQuorum(id);
  return [memberQuorum, voteQuorum];
}

/** Everything a failed call could have changed: motion details, ballots, nonces, live motions, operation, balances. */
async function observe(s: System, live?: Live): Promise<Record<string, unknown>> {
  const g = s.governor;
  const out: Record<string, unknown> = {
    proposalCount: await g.proposalCount(),
    governorBalance: await ethers.provider.getBalance(await g.getAddress()),
    timelockBalance: await ethers.provider.getBalance(await s.timelock.getAddress()),
    secretariatLive: await g.liveProposalCount(s.secretariat.address),
  };
  for (const v of s.voters) {
    out[`nonce ${v.address}`] = await g.nonces(v.address);
    out[`live ${v.address}`] = await g.liveProposalCount(v.address);
  }
  if (live !== undefined) {
    out.details = await details(s, live.id);
    const voted: boolean[] = [];
    for (let m = 1; m <= s.voters.length; m++) voted.push(await g.hasMemberVoted(live.id, m));
    out.memberVoted = voted;
    out.operation = await s.timelock.getTimestamp(await operationId(s, live.motion));
  }
  return out;
}

/**
 * A Standard signalling motion of the secretariat brought to `target`: Defeated by a missed quorum (one vote),
 * Succeeded by three For votes of five (members 1–3 vote; members 4 and 5 never do), Expired past the queue window.
 */
async function motionIn(s: System, target: ProposalState, description?: string): Promise<Live> {
  const motion = await signallingMotion(s, description ?? `Signal in state ${ProposalState[target]}`);
  const id = await propose(s, motion, s.secretariat);
  if (target === ProposalState.Canceled) {
    await s.governor
      .connect(s.secretariat)
      .cancel(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
  } else if (target !== ProposalState.Pending) {
    await waitForSnapshot(s, id);
    if (target !== ProposalState.Active) {
      const yes = target === ProposalState.Defeated ? s.voters.slice(0, 1) : s.voters.slice(0, 3);
      await voteAll(s, id, yes, Vote.For);
      await waitForDeadline(s, id);
      if (target === ProposalState.Expired) {
        await time.increaseTo((await s.governor.proposalDeadline(id)) + QUEUE_WINDOW + 1n);
      } else if (target === ProposalState.Queued || target === ProposalState.Executed) {
        await queue(s, motion);
        if (target === ProposalState.Executed) {
          await waitForEta(s, id);
          await execute(s, motion);
        }
      }
    }
  }
  expect(await s.governor.state(id)).to.equal(target);
  return { id, motion };
}

/** A call to `vault.setUnbondingPeriod`: unlisted, so Constitutional. */
async function unbondingMotion(s: System, period: bigint, description: string): Promise<Motion> {
  return {
    targets: [await s.vault.getAddress()],
    values: [0n],
    calldatas: [s.vault.interface.encodeFunctionData("setUnbondingPeriod", [period])],
    description,
  };
}

/** propose → snapshot → all members vote For → deadline → queue → ETA (not executed). */
async function passAndQueue(s: System, motion: Motion, proposer: HardhatEthersSigner): Promise<bigint> {
  const id = await propose(s, motion, proposer);
  await waitForSnapshot(s, id);
  await voteAll(s, id, s.voters, Vote.For);
  await waitForDeadline(s, id);
  await queue(s, motion);
  await waitForEta(s, id);
  return id;
}

/** Casts one vote per listed voter, `supports[i]` for `voters[i]`. */
async function castVotes(
  s: System,
  id: bigint,
  voters: HardhatEthersSigner[],
  supports: Vote[],
): Promise<void> {
  for (let i = 0; i < voters.length; i++) await s.governor.connect(voters[i]).castVote(id, supports[i]);
}

/** Rotates member `memberId`'s voter to `newVoter` (registry two-step change). */
async function rotateVoter(s: System, memberId: number, newVoter: HardhatEthersSigner): Promise<void> {
  await s.registry.connect(s.admins[memberId - 1]).proposeVoter(memberId, newVoter.address);
  await s.registry.connect(newVoter).acceptVoter(memberId);
}

async function signBallot(
  signer: HardhatEthersSigner,
  g: CouncilGovernor,
  ballot: { proposalId: bigint; support: Vote; voter: string; nonce: bigint },
): Promise<string> {
  const domain = {
    name: "GC Governor",
    version: "1",
    chainId: (await ethers.provider.getNetwork()).chainId,
    verifyingContract: await g.getAddress(),
  };
  return signer.signTypedData(domain, BALLOT_TYPES, ballot);
}

async function signExtendedBallot(
  signer: HardhatEthersSigner,
  g: CouncilGovernor,
  ballot: { proposalId: bigint; support: Vote; voter: string; nonce: bigint; reason: string; params: string },
): Promise<string> {
  const domain = {
    name: "GC Governor",
    version: "1",
    chainId: (await ethers.provider.getNetwork()).chainId,
    verifyingContract: await g.getAddress(),
  };
  return signer.signTypedData(domain, EXTENDED_BALLOT_TYPES, ballot);
}

/** XOR of the selectors of `iface`'s functions, leaving out `inherited` (as Solidity's `type(I).interfaceId`). */
function interfaceId(iface: Interface, inherited: string[]): string {
  const skip = new Set(inherited.map((f) => ethers.id(f).slice(0, 10)));
  let id = 0n;
  iface.forEachFunction((f) => {
    if (!skip.has(f.selector)) id ^= BigInt(f.selector);
  });
  return ethers.toBeHex(id, 4);
}

// ---------------------------------------------------------------- tests

describe("CouncilGovernor", function () {
  describe("lifecycle per class", function () {
    it("runs a Standard signalling motion: propose, vote, queue, wait 2 days, execute", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const timelock = await s.timelock.getAddress();
      const motion = await signallingMotion(s, "Signal: adopt the 2027 roadmap");

      const t0 = (await latest()) + 10n;
      await time.setNextBlockTimestamp(t0);
      const proposeTx = await g
        .connect(s.secretariat)
        .propose(motion.targets, motion.values, motion.calldatas, motion.description);
      const snapshot = t0 + STANDARD.votingDelay;
      const deadline = snapshot + STANDARD.votingPeriod;
      await expect(proposeTx)
        .to.emit(g, "ProposalCreated")
        .withArgs(
          1n,
          s.secretariat.address,
          [timelock],
          [0n],
          [""],
          ["0x"],
          snapshot,
          deadline,
          motion.description,
        );
      await expect(proposeTx).to.emit(g, "MotionClassified").withArgs(1n, MotionClass.Standard, 0n);
      expect(await g.state(1n)).to.equal(ProposalState.Pending);
      expect(await g.motionClass(1n)).to.equal(MotionClass.Standard);

      await waitForSnapshot(s, 1n);
      expect(await g.state(1n)).to.equal(ProposalState.Active);
      await expect(g.connect(s.voters[0]).castVote(1n, Vote.For))
        .to.emit(g, "VoteCast")
        .withArgs(s.voters[0].address, 1n, Vote.For, 1n, "");
      await castVotes(s, 1n, s.voters.slice(1, 4), [Vote.For, Vote.For, Vote.Against]);
      expect(await tally(g, 1n)).to.deep.equal([1n, 3n, 0n]);

      await waitForDeadline(s, 1n);
      expect(await g.state(1n)).to.equal(ProposalState.Succeeded);
      const queueTx = await g
        .connect(s.others[0])
        .queue(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
      const queuedAt = await timeOf(queueTx);
      const eta = queuedAt + STANDARD.timelockDelay;
      await expect(queueTx).to.emit(g, "ProposalQueued").withArgs(1n, eta);
      expect(await g.proposalEta(1n)).to.equal(eta);
      expect(await g.state(1n)).to.equal(ProposalState.Queued);
      const op = await operationId(s, motion);
      expect(await s.timelock.getTimestamp(op)).to.equal(queuedAt + TIMELOCK_MIN_DELAY);

      await time.setNextBlockTimestamp(eta - 1n);
      await expect(
        g
          .connect(s.others[0])
          .execute(motion.targets, motion.values, motion.calldatas, ethers.id(motion.description)),
      )
        .to.be.revertedWithCustomError(g, "GovernorMotionNotReady")
        .withArgs(1n, eta);

      await time.setNextBlockTimestamp(eta);
      const executeTx = await g
        .connect(s.others[0])
        .execute(motion.targets, motion.values, motion.calldatas, ethers.id(motion.description));
      await expect(executeTx).to.emit(g, "ProposalExecuted").withArgs(1n);
      expect(await g.state(1n)).to.equal(ProposalState.Executed);
      expect(await s.timelock.isOperationDone(op)).to.equal(true);
    });

    it("runs a Treasury payment: the timelock pays native coin after 2 days", async function () {
      const s = await loadFixture(tableSystem);
      const g = s.governor;
      const timelock = await s.timelock.getAddress();
      await networkHelpers.setBalance(timelock, ethers.parseEther("100"));
      const amount = ethers.parseEther("25");
      const motion: Motion = {
        targets: [PAYEE],
        values: [amount],
        calldatas: ["0x"],
        description: "Grant 25",
      };

      const proposeTx = await g
        .connect(s.voters[1])
        .propose(motion.targets, motion.values, motion.calldatas, motion.description);
      await expect(proposeTx).to.emit(g, "MotionClassified").withArgs(1n, MotionClass.Treasury, 0n);
      await expect(proposeTx)
        .to.emit(g, "ProposalCreated")
        .withArgs(
          1n,
          s.voters[1].address,
          [PAYEE],
          [amount],
          [""],
          ["0x"],
          (await timeOf(proposeTx)) + DAY * 7n,
          (await timeOf(proposeTx)) + DAY * 14n,
          "Grant 25",
        );

      await waitForSnapshot(s, 1n);
      await voteAll(s, 1n, s.voters.slice(0, 3), Vote.For);
      await waitForDeadline(s, 1n);
      const queueTx = await g.queue(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
      const eta = (await timeOf(queueTx)) + DEFAULT_CLASS_CONFIGS[MotionClass.Treasury].timelockDelay;
      await expect(queueTx).to.emit(g, "ProposalQueued").withArgs(1n, eta);

      await time.setNextBlockTimestamp(eta - 1n);
      await expect(g.execute(motion.targets, motion.values, motion.calldatas, descriptionHash(motion)))
        .to.be.revertedWithCustomError(g, "GovernorMotionNotReady")
        .withArgs(1n, eta);
      expect(await ethers.provider.getBalance(PAYEE)).to.equal(0n);

      await time.setNextBlockTimestamp(eta);
      const executeTx = g
        .connect(s.others[0])
        .execute(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
      await expect(executeTx).to.changeEtherBalances(ethers, [PAYEE, timelock, g], [amount, -amount, 0n]);
      await expect(executeTx).to.emit(g, "ProposalExecuted").withArgs(1n);
      expect(await g.state(1n)).to.equal(ProposalState.Executed);
      expect(await ethers.provider.getBalance(timelock)).to.equal(ethers.parseEther("75"));
    });

    it("runs a Treasury motion classified by a table entry: an ERC-20 grant from the timelock", async function () {
      const s = await loadFixture(tableSystem);
      const g = s.governor;
      const timelock = await s.timelock.getAddress();
      const grant = ethers.parseEther("1234");
      const motion: Motion = {
        targets: [await s.token.getAddress()],
        values: [0n],
        calldatas: [s.token.interface.encodeFunctionData("transfer", [PAYEE, grant])],
        description: "Token grant",
      };
      const id = await propose(s, motion, s.secretariat);
      expect(await g.motionClass(id)).to.equal(MotionClass.Treasury);

      await waitForSnapshot(s, id);
      await voteAll(s, id, s.voters.slice(0, 2), Vote.For);
      await waitForDeadline(s, id);
      const queueTx = await g.queue(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
      const eta = (await timeOf(queueTx)) + 2n * DAY;
      expect(await g.proposalEta(id)).to.equal(eta);
      await time.setNextBlockTimestamp(eta);
      const executeTx = g.execute(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
      await expect(executeTx).to.emit(s.token, "Transfer").withArgs(timelock, PAYEE, grant);
      await expect(executeTx).to.emit(g, "ProposalExecuted").withArgs(id);
      expect(await s.token.balanceOf(PAYEE)).to.equal(grant);
      expect(await s.token.balanceOf(timelock)).to.equal(GRANT_FUNDS - grant);
    });

    it("runs a Constitutional motion (an unlisted vault setter): ETA is queue + 7 days", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const motion = await unbondingMotion(s, 10n * DAY, "Unbonding period: 10 days");
      const proposeTx = await g
        .connect(s.voters[0])
        .propose(motion.targets, motion.values, motion.calldatas, motion.description);
      await expect(proposeTx).to.emit(g, "MotionClassified").withArgs(1n, MotionClass.Constitutional, 0n);
      const t0 = await timeOf(proposeTx);
      expect(await g.proposalSnapshot(1n)).to.equal(t0 + CONSTITUTIONAL.votingDelay);
      expect(await g.proposalDeadline(1n)).to.equal(
        t0 + CONSTITUTIONAL.votingDelay + CONSTITUTIONAL.votingPeriod,
      );

      await waitForSnapshot(s, 1n);
      expect(await quorumOf(g, 1n)).to.deep.equal([3n, 3n]);
      await castVotes(s, 1n, s.voters, [Vote.For, Vote.For, Vote.For, Vote.For, Vote.Against]);
      await waitForDeadline(s, 1n);
      expect(await g.state(1n)).to.equal(ProposalState.Succeeded);

      const queueTx = await g.queue(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
      const queuedAt = await timeOf(queueTx);
      const eta = queuedAt + 7n * DAY;
      await expect(queueTx).to.emit(g, "ProposalQueued").withArgs(1n, eta);

      // The timelock's own delay (2 days) has passed, the class delay (7 days) has not: the governor refuses.
      await time.increaseTo(queuedAt + 2n * DAY);
      const op = await operationId(s, motion);
      expect(await s.timelock.isOperationReady(op)).to.equal(true);
      const before = await observe(s, { id: 1n, motion });
      await expect(g.execute(motion.targets, motion.values, motion.calldatas, descriptionHash(motion)))
        .to.be.revertedWithCustomError(g, "GovernorMotionNotReady")
        .withArgs(1n, eta);
      expect(await observe(s, { id: 1n, motion })).to.deep.equal(before);
      expect(await s.vault.unbondingPeriod()).to.equal(7n * DAY);

      await time.setNextBlockTimestamp(eta);
      const executeTx = g.execute(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
      await expect(executeTx)
        .to.emit(s.vault, "UnbondingPeriodUpdated")
        .withArgs(7n * DAY, 10n * DAY);
      await expect(executeTx).to.emit(g, "ProposalExecuted").withArgs(1n);
      expect(await s.vault.unbondingPeriod()).to.equal(10n * DAY);
      expect(await g.state(1n)).to.equal(ProposalState.Executed);
    });

    it("copies the class configuration into each motion when it is created", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      // A Constitutional motion opened under the default configuration.
      const older = await unbondingMotion(s, 9n * DAY, "Older constitutional motion");
      const olderId = await propose(s, older, s.voters[0]);

      // Governance changes the Constitutional class: shorter timing, unanimous quorum.
      const changed: ClassConfig = {
        ...CONSTITUTIONAL,
        votingDelay: 3n * DAY,
        votingPeriod: 5n * DAY,
        memberQuorumBps: 10_000n,
        voteQuorumBps: 10_000n,
      };
      const change: Motion = {
        targets: [await s.policy.getAddress()],
        values: [0n],
        calldatas: [
          s.policy.interface.encodeFunctionData("setClassConfig", [MotionClass.Constitutional, changed]),
        ],
        description: "Constitutional class: faster, unanimous quorum",
      };
      const changeId = await passAndExecute(s, change, s.secretariat);
      expect(await g.motionClass(changeId)).to.equal(MotionClass.Constitutional);

      const newer = await unbondingMotion(s, 8n * DAY, "Newer constitutional motion");
      const t1 = (await latest()) + 10n;
      await time.setNextBlockTimestamp(t1);
      const newerId = await propose(s, newer, s.voters[1]);
      expect(await g.proposalSnapshot(newerId)).to.equal(t1 + 3n * DAY);
      expect(await g.proposalDeadline(newerId)).to.equal(t1 + 8n * DAY);
      // votingDelay()/votingPeriod() outside a proposal are Standard's, which did not change.
      expect(await g.votingDelay()).to.equal(STANDARD.votingDelay);
      expect(await g.votingPeriod()).to.equal(STANDARD.votingPeriod);

      // Each record holds the configuration its motion was created under.
      const [olderRecord, newerRecord] = [await motionRecordOf(s, olderId), await motionRecordOf(s, newerId)];
      expect([olderRecord.memberQuorumBps, olderRecord.voteQuorumBps]).to.deep.equal([
        CONSTITUTIONAL.memberQuorumBps,
        CONSTITUTIONAL.voteQuorumBps,
      ]);
      expect([newerRecord.memberQuorumBps, newerRecord.voteQuorumBps]).to.deep.equal([10_000n, 10_000n]);
      for (const r of [olderRecord, newerRecord]) {
        expect([r.timelockDelay, r.approvalNumerator, r.approvalDenominator]).to.deep.equal([
          CONSTITUTIONAL.timelockDelay,
          CONSTITUTIONAL.approvalNumerator,
          CONSTITUTIONAL.approvalDenominator,
        ]);
      }

      await waitForSnapshot(s, newerId);
      expect(await quorumOf(g, newerId)).to.deep.equal([5n, 5n]);
      expect(await quorumOf(g, olderId)).to.deep.equal([3n, 3n]);
      expect((await g.proposalDeadline(olderId)) - (await g.proposalSnapshot(olderId))).to.equal(7n * DAY);
    });
  });

  describe("classification", function () {
    function classOf(s: System, motion: Motion): Promise<ContractTransactionResponse> {
      return s.governor
        .connect(s.secretariat)
        .propose(motion.targets, motion.values, motion.calldatas, motion.description);
    }

    it("classifies an empty, value-less call to the timelock as Standard (signalling)", async function () {
      const s = await loadFixture(tableSystem);
      await expect(classOf(s, await signallingMotion(s)))
        .to.emit(s.governor, "MotionClassified")
        .withArgs(1n, MotionClass.Standard, 0n);
    });

    it("classifies calls to the timelock, the governor or the policy as Constitutional", async function () {
      const s = await loadFixture(tableSystem);
      const timelock = await s.timelock.getAddress();
      const motions: Motion[] = [
        {
          targets: [timelock],
          values: [0n],
          calldatas: [s.timelock.interface.encodeFunctionData("updateDelay", [3n * DAY])],
          description: "Timelock call",
        },
        { targets: [timelock], values: [1n], calldatas: ["0x"], description: "Value to the timelock" },
        {
          targets: [await s.governor.getAddress()],
          values: [0n],
          calldatas: [s.governor.interface.encodeFunctionData("setProposalLimits", [10n, 2n])],
          description: "Governor call",
        },
      ];
      for (let i = 0; i < motions.length; i++) {
        await expect(classOf(s, motions[i]))
          .to.emit(s.governor, "MotionClassified")
          .withArgs(BigInt(i + 1), MotionClass.Constitutional, 0n);
      }
      const policyCall: Motion = {
        targets: [await s.policy.getAddress()],
        values: [0n],
        calldatas: [s.policy.interface.encodeFunctionData("clearActionClass", [PAYEE, ANY_SELECTOR])],
        description: "Policy call",
      };
      await expect(
        s.governor
          .connect(s.voters[0])
          .propose(policyCall.targets, policyCall.values, policyCall.calldatas, policyCall.description),
      )
        .to.emit(s.governor, "MotionClassified")
        .withArgs(4n, MotionClass.Constitutional, 0n);
    });

    it("uses the table: a listed target without value is its class, with value at least Treasury", async function () {
      const s = await loadFixture(tableSystem);
      await expect(
        classOf(s, { targets: [PAYEE], values: [0n], calldatas: ["0x"], description: "Ping payee" }),
      )
        .to.emit(s.governor, "MotionClassified")
        .withArgs(1n, MotionClass.Standard, 0n);
      await expect(
        classOf(s, { targets: [PAYEE], values: [5n], calldatas: ["0x"], description: "Pay payee" }),
      )
        .to.emit(s.governor, "MotionClassified")
        .withArgs(2n, MotionClass.Treasury, 0n);
      await expect(
        classOf(s, {
          targets: [UNLISTED_PAYEE],
          values: [5n],
          calldatas: ["0x"],
          description: "Pay unlisted",
        }),
      )
        .to.emit(s.governor, "MotionClassified")
        .withArgs(3n, MotionClass.Treasury, 0n);
      // An unlisted contract (it has code) is Constitutional, even for an empty call.
      expect(
        await s.policy.classifyActions(
          await s.governor.getAddress(),
          [await s.vault.getAddress()],
          [0n],
          ["0x"],
        ),
      ).to.equal(MotionClass.Constitutional);
    });

    it("takes the highest class of the actions", async function () {
      const s = await loadFixture(tableSystem);
      const timelock = await s.timelock.getAddress();
      await expect(
        classOf(s, {
          targets: [timelock, PAYEE],
          values: [0n, 5n],
          calldatas: ["0x", "0x"],
          description: "Signal and pay",
        }),
      )
        .to.emit(s.governor, "MotionClassified")
        .withArgs(1n, MotionClass.Treasury, 0n);
      await expect(
        classOf(s, {
          targets: [PAYEE, await s.vault.getAddress()],
          values: [5n, 0n],
          calldatas: ["0x", s.vault.interface.encodeFunctionData("setUnbondingPeriod", [DAY])],
          description: "Pay and change the vault",
        }),
      )
        .to.emit(s.governor, "MotionClassified")
        .withArgs(2n, MotionClass.Constitutional, 0n);
    });

    it("classifies motions created after a table change by the new entry, and keeps earlier classes", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const vault = await s.vault.getAddress();
      const call = s.vault.interface.encodeFunctionData("setUnbondingPeriod", [2n * DAY]);
      const tweak: Motion = { targets: [vault], values: [0n], calldatas: [call], description: "Tweak" };
      const before = await propose(s, tweak, s.voters[0]);
      expect(await g.motionClass(before)).to.equal(MotionClass.Constitutional);

      const selector = s.vault.interface.getFunction("setUnbondingPeriod").selector;
      const entry = { target: vault, selector, motionClass: MotionClass.Standard };
      const change: Motion = {
        targets: [await s.policy.getAddress()],
        values: [0n],
        calldatas: [s.policy.interface.encodeFunctionData("setActionClasses", [[entry]])],
        description: "List the vault setter as Standard",
      };
      await passAndExecute(s, change, s.secretariat);
      const [listedClass, isSet] = await s.policy.actionClass(vault, selector);
      expect([listedClass, isSet]).to.deep.equal([BigInt(MotionClass.Standard), true]);

      const after = await propose(s, { ...tweak, description: "Tweak again" }, s.voters[1]);
      expect(await g.motionClass(after)).to.equal(MotionClass.Standard);
      expect(await g.motionClass(before)).to.equal(MotionClass.Constitutional);
    });
  });

  describe("state", function () {
    for (const target of ALL_STATES) {
      it(`reaches ${ProposalState[target]}`, async function () {
        const s = await loadFixture(council);
        const { id } = await motionIn(s, target);
        expect((await details(s, id)).state).to.equal(BigInt(target));
      });
    }

    it("is Pending up to and including the snapshot, Active from the next second to the deadline", async function () {
      const s = await loadFixture(council);
      const { id } = await motionIn(s, ProposalState.Pending);
      const snapshot = await s.governor.proposalSnapshot(id);
      await time.increaseTo(snapshot);
      expect(await s.governor.state(id)).to.equal(ProposalState.Pending);
      await time.increaseTo(snapshot + 1n);
      expect(await s.governor.state(id)).to.equal(ProposalState.Active);
      await time.increaseTo(await s.governor.proposalDeadline(id));
      expect(await s.governor.state(id)).to.equal(ProposalState.Active);
      await time.increase(1);
      expect(await s.governor.state(id)).to.equal(ProposalState.Defeated);
    });

    it("is Defeated when the quorum is met but the approval fails", async function () {
      const s = await loadFixture(council);
      const { id } = await motionIn(s, ProposalState.Active);
      await castVotes(s, id, s.voters.slice(0, 3), [Vote.For, Vote.Against, Vote.Against]);
      await waitForDeadline(s, id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Defeated);
      expect(await s.governor.proposalVoters(id)).to.equal(3n);
    });

    it("reverts when the motion does not exist", async function () {
      const s = await loadFixture(council);
      await expect(s.governor.state(7n))
        .to.be.revertedWithCustomError(s.governor, "GovernorNonexistentProposal")
        .withArgs(7n);
      await expect(s.lens.motionDetails(await s.governor.getAddress(), 7n))
        .to.be.revertedWithCustomError(s.governor, "GovernorNonexistentProposal")
        .withArgs(7n);
    });
  });

  describe("propose", function () {
    it("lets a member propose from its voter account and counts its live motions", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const motion = await signallingMotion(s, "Member motion");
      const at = (await latest()) + 10n;
      await time.setNextBlockTimestamp(at);
      await expect(
        g.connect(s.voters[2]).propose(motion.targets, motion.values, motion.calldatas, motion.description),
      )
        .to.emit(g, "ProposalCreated")
        .withArgs(
          1n,
          s.voters[2].address,
          motion.targets,
          motion.values,
          [""],
          motion.calldatas,
          at + 7n * DAY,
          at + 14n * DAY,
          motion.description,
        );
      expect(await g.proposalProposer(1n)).to.equal(s.voters[2].address);
      expect(await g.liveProposalCount(s.voters[2].address)).to.equal(1n);
      expect(await g.liveProposalCount(s.secretariat.address)).to.equal(0n);
    });

    it("accepts a description ending with the proposer's own #proposer= suffix", async function () {
      const s = await loadFixture(council);
      const motion = await signallingMotion(s, `Signal#proposer=${s.secretariat.address}`);
      expect(await propose(s, motion, s.secretariat)).to.equal(1n);
    });

    it("frees a live slot when a motion is canceled", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const live: Live[] = [];
      for (let i = 0; i < Number(MAX_LIVE_PROPOSALS); i++) {
        const motion = await signallingMotion(s, `Slot ${i}`);
        live.push({ id: await propose(s, motion, s.secretariat), motion });
      }
      expect(await g.liveProposalCount(s.secretariat.address)).to.equal(MAX_LIVE_PROPOSALS);
      const m = live[0].motion;
      await g.connect(s.secretariat).cancel(m.targets, m.values, m.calldatas, descriptionHash(m));
      expect(await g.liveProposalCount(s.secretariat.address)).to.equal(MAX_LIVE_PROPOSALS - 1n);
      await propose(s, await signallingMotion(s, "Slot again"), s.secretariat);
      expect(await g.liveProposalCount(s.secretariat.address)).to.equal(MAX_LIVE_PROPOSALS);
    });

    for (const st of ALL_STATES) {
      it(`reverts when the same motion is proposed again while ${ProposalState[st]}`, async function () {
        const s = await loadFixture(council);
        const live = await motionIn(s, st);
        const m = live.motion;
        const before = await observe(s, live);
        await expect(s.governor.connect(s.voters[4]).propose(m.targets, m.values, m.calldatas, m.description))
          .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
          .withArgs(live.id, st, bitmap());
        expect(await observe(s, live)).to.deep.equal(before);
      });
    }

    it("reverts when the proposer is neither the secretariat nor a member's voter", async function () {
      const s = await loadFixture(council);
      const m = await signallingMotion(s);
      for (const account of [s.others[0], s.admins[0], s.guardian]) {
        const before = await observe(s);
        await expect(s.governor.connect(account).propose(m.targets, m.values, m.calldatas, m.description))
          .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
          .withArgs(account.address);
        expect(await observe(s)).to.deep.equal(before);
      }
    });

    it("reverts when the proposer's member resigned, though it held votes one second before", async function () {
      const s = await loadFixture(council);
      await s.registry.connect(s.admins[4]).resign(5n);
      const m = await signallingMotion(s);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[4]).propose(m.targets, m.values, m.calldatas, m.description))
        .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
        .withArgs(s.voters[4].address);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the member had no votes one second before (stake unbonded)", async function () {
      const s = await loadFixture(council);
      await s.vault.connect(s.admins[4]).requestUnstake(5n, STAKE_UNIT);
      await time.increase(1);
      const m = await signallingMotion(s);
      const before = await observe(s);
      await expect(s.governor.connect(s.voters[4]).propose(m.targets, m.values, m.calldatas, m.description))
        .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
        .withArgs(s.voters[4].address);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when a #proposer= suffix names another account", async function () {
      const s = await loadFixture(council);
      const m = await signallingMotion(s, `Signal#proposer=${s.voters[0].address}`);
      const before = await observe(s);
      await expect(s.governor.connect(s.secretariat).propose(m.targets, m.values, m.calldatas, m.description))
        .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
        .withArgs(s.secretariat.address);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when there are no actions", async function () {
      const s = await loadFixture(council);
      const before = await observe(s);
      await expect(s.governor.connect(s.secretariat).propose([], [], [], "Nothing"))
        .to.be.revertedWithCustomError(s.governor, "GovernorInvalidProposalLength")
        .withArgs(0n, 0n, 0n);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the action arrays differ in length", async function () {
      const s = await loadFixture(council);
      const timelock = await s.timelock.getAddress();
      const before = await observe(s);
      await expect(s.governor.connect(s.secretariat).propose([timelock], [0n, 0n], ["0x"], "Mismatch"))
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyInvalidActions")
        .withArgs(1n, 2n, 1n);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when a general motion calls an action reserved for admission", async function () {
      const s = await loadFixture(council);
      const registry = await s.registry.getAddress();
      const data = s.registry.interface.encodeFunctionData("admit", [1n]);
      const before = await observe(s);
      await expect(s.governor.connect(s.secretariat).propose([registry], [0n], [data], "Admit"))
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyReservedAction")
        .withArgs(registry, data.slice(0, 10));
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when there are more than maxActions actions", async function () {
      const s = await loadFixture(council);
      const n = Number(MAX_ACTIONS) + 1;
      const timelock = await s.timelock.getAddress();
      const before = await observe(s);
      await expect(
        s.governor
          .connect(s.secretariat)
          .propose(
            Array<string>(n).fill(timelock),
            Array<bigint>(n).fill(0n),
            Array<string>(n).fill("0x"),
            "Big",
          ),
      )
        .to.be.revertedWithCustomError(s.governor, "GovernorTooManyActions")
        .withArgs(BigInt(n), MAX_ACTIONS);
      expect(await observe(s)).to.deep.equal(before);
    });

    it("reverts when the proposer already has maxLiveProposals live motions", async function () {
      const s = await loadFixture(council);
      for (let i = 0; i < Number(MAX_LIVE_PROPOSALS); i++) {
        await propose(s, await signallingMotion(s, `Live ${i}`), s.secretariat);
      }
      const m = await signallingMotion(s, "One too many");
      const before = await observe(s);
      await expect(s.governor.connect(s.secretariat).propose(m.targets, m.values, m.calldatas, m.description))
        .to.be.revertedWithCustomError(s.governor, "GovernorTooManyLiveProposals")
        .withArgs(s.secretariat.address, MAX_LIVE_PROPOSALS);
      expect(await observe(s)).to.deep.equal(before);
    });
  });

  describe("castVote and its variants", function () {
    it("castVote records the member's vote and emits VoteCast", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const { id } = await motionIn(s, ProposalState.Active);
      expect(await g.connect(s.voters[0]).castVote.staticCall(id, Vote.For)).to.equal(1n);
      await expect(g.connect(s.voters[0]).castVote(id, Vote.For))
        .to.emit(g, "VoteCast")
        .withArgs(s.voters[0].address, id, Vote.For, 1n, "");
      expect(await tally(g, id)).to.deep.equal([0n, 1n, 0n]);
      expect(await g.proposalVoters(id)).to.equal(1n);
      expect(await g.hasVoted(id, s.voters[0].address)).to.equal(true);
      expect(await g.hasVoted(id, s.voters[1].address)).to.equal(false);
      expect(await g.hasVoted(id, s.others[0].address)).to.equal(false);
      expect(await g.hasMemberVoted(id, 1n)).to.equal(true);
      expect(await g.hasMemberVoted(id, 2n)).to.equal(false);
    });

    it("castVoteWithReason records Against and Abstain in their own columns", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const { id } = await motionIn(s, ProposalState.Active);
      await expect(g.connect(s.voters[1]).castVoteWithReason(id, Vote.Against, "Too costly"))
        .to.emit(g, "VoteCast")
        .withArgs(s.voters[1].address, id, Vote.Against, 1n, "Too costly");
      await expect(g.connect(s.voters[2]).castVoteWithReason(id, Vote.Abstain, "Conflict of interest"))
        .to.emit(g, "VoteCast")
        .withArgs(s.voters[2].address, id, Vote.Abstain, 1n, "Conflict of interest");
      expect(await tally(g, id)).to.deep.equal([1n, 0n, 1n]);
      expect(await g.proposalVoters(id)).to.equal(2n);
    });

    it("castVoteWithReasonAndParams emits VoteCastWithParams with params, VoteCast without", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const { id } = await motionIn(s, ProposalState.Active);
      await expect(g.connect(s.voters[0]).castVoteWithReasonAndParams(id, Vote.For, "Yes", "0x1234"))
        .to.emit(g, "VoteCastWithParams")
        .withArgs(s.voters[0].address, id, Vote.For, 1n, "Yes", "0x1234");
      const tx = g.connect(s.voters[1]).castVoteWithReasonAndParams(id, Vote.For, "Also yes", "0x");
      await expect(tx).to.emit(g, "VoteCast").withArgs(s.voters[1].address, id, Vote.For, 1n, "Also yes");
      await expect(tx).not.to.emit(g, "VoteCastWithParams");
      expect(await tally(g, id)).to.deep.equal([0n, 2n, 0n]);
    });

    it("counts the member's snapshot votes, not its current stake", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const { id } = await motionIn(s, ProposalState.Active);
      await s.vault.connect(s.admins[0]).stake(3n * STAKE_UNIT, { value: 3n * STAKE_UNIT });
      await s.vault.connect(s.admins[1]).requestUnstake(2n, STAKE_UNIT);
      // 4 eligible now, so the cap is 3.
      expect(await s.vault.memberVotes(1n)).to.equal(3n);
      expect(await s.vault.memberVotes(2n)).to.equal(0n);
      await expect(g.connect(s.voters[0]).castVote(id, Vote.For))
        .to.emit(g, "VoteCast")
        .withArgs(s.voters[0].address, id, Vote.For, 1n, "");
      await expect(g.connect(s.voters[1]).castVote(id, Vote.Against))
        .to.emit(g, "VoteCast")
        .withArgs(s.voters[1].address, id, Vote.Against, 1n, "");
      expect(await tally(g, id)).to.deep.equal([1n, 1n, 0n]);
    });

    it("lets the member's new voter account cast the member's snapshot votes after a rotation", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const { id } = await motionIn(s, ProposalState.Active);
      const newVoter = s.others[1];
      await rotateVoter(s, 1, newVoter);
      await expect(g.connect(newVoter).castVote(id, Vote.For))
        .to.emit(g, "VoteCast")
        .withArgs(newVoter.address, id, Vote.For, 1n, "");
      expect(await g.hasVoted(id, newVoter.address)).to.equal(true);
      expect(await g.hasVoted(id, s.voters[0].address)).to.equal(true);
      expect(await g.hasMemberVoted(id, 1n)).to.equal(true);
    });

    it("reverts when support is not Against, For or Abstain", async function () {
      const s = await loadFixture(council);
      const live = await motionIn(s, ProposalState.Active);
      const before = await observe(s, live);
      await expect(s.governor.connect(s.voters[0]).castVote(live.id, 3))
        .to.be.revertedWithCustomError(s.governor, "GovernorInvalidVoteType")
        .withArgs();
      expect(await observe(s, live)).to.deep.equal(before);
    });

    it("reverts when the account is no member's voter", async function () {
      const s = await loadFixture(council);
      const live = await motionIn(s, ProposalState.Active);
      const before = await observe(s, live);
      for (const account of [s.others[0], s.admins[0], s.secretariat]) {
        await expect(s.governor.connect(account).castVote(live.id, Vote.For))
          .to.be.revertedWithCustomError(s.governor, "GovernorNoVotingPower")
          .withArgs(live.id, account.address);
      }
      expect(await observe(s, live)).to.deep.equal(before);
    });

    it("reverts when the member had no votes at the snapshot", async function () {
      const s = await loadFixture(council);
      await s.vault.connect(s.admins[4]).requestUnstake(5n, STAKE_UNIT);
      const live = await motionIn(s, ProposalState.Active);
      await s.vault.connect(s.admins[4]).stake(STAKE_UNIT, { value: STAKE_UNIT });
      expect(await s.vault.memberVotes(5n)).to.equal(1n);
      const before = await observe(s, live);
      await expect(s.governor.connect(s.voters[4]).castVote(live.id, Vote.For))
        .to.be.revertedWithCustomError(s.governor, "GovernorNoVotingPower")
        .withArgs(live.id, s.voters[4].address);
      expect(await observe(s, live)).to.deep.equal(before);
    });

    it("reverts when the member votes a second time", async function () {
      const s = await loadFixture(council);
      const live = await motionIn(s, ProposalState.Active);
      await s.governor.connect(s.voters[0]).castVote(live.id, Vote.For);
      const before = await observe(s, live);
      await expect(s.governor.connect(s.voters[0]).castVote(live.id, Vote.Against))
        .to.be.revertedWithCustomError(s.governor, "GovernorMemberAlreadyVoted")
        .withArgs(live.id, 1n);
      expect(await observe(s, live)).to.deep.equal(before);
      expect(await tally(s.governor, live.id)).to.deep.equal([0n, 1n, 0n]);
    });

    it("reverts when the member votes again from a new voter account", async function () {
      const s = await loadFixture(council);
      const live = await motionIn(s, ProposalState.Active);
      await s.governor.connect(s.voters[0]).castVote(live.id, Vote.For);
      const newVoter = s.others[1];
      await rotateVoter(s, 1, newVoter);
      expect(await s.governor.hasVoted(live.id, newVoter.address)).to.equal(true);
      const before = await observe(s, live);
      await expect(s.governor.connect(newVoter).castVote(live.id, Vote.Against))
        .to.be.revertedWithCustomError(s.governor, "GovernorMemberAlreadyVoted")
        .withArgs(live.id, 1n);
      expect(await observe(s, live)).to.deep.equal(before);
      expect(await tally(s.governor, live.id)).to.deep.equal([0n, 1n, 0n]);
    });

    it("reverts when the member resigned after the snapshot: its power ends at once (GovernorNoVotingPower)", async function () {
      const s = await loadFixture(council);
      const live = await motionIn(s, ProposalState.Active);
      const snapshot = await s.governor.proposalSnapshot(live.id);
      expect(await s.governor.getVotes(s.voters[1].address, snapshot)).to.equal(1n);
      await s.registry.connect(s.admins[1]).resign(2n);
      // The vault still reports the member's votes at the snapshot; the governor gives it no weight.
      expect(await s.vault.getPastMemberVotes(2n, snapshot)).to.equal(1n);
      expect(await s.governor.getVotes(s.voters[1].address, snapshot)).to.equal(0n);
      const before = await observe(s, live);
      await expect(s.governor.connect(s.voters[1]).castVote(live.id, Vote.For))
        .to.be.revertedWithCustomError(s.governor, "GovernorNoVotingPower")
        .withArgs(live.id, s.voters[1].address);
      expect(await observe(s, live)).to.deep.equal(before);
      expect(await tally(s.governor, live.id)).to.deep.equal([0n, 0n, 0n]);
    });

    it("reverts when the member was removed after the snapshot (GovernorNoVotingPower)", async function () {
      const s = await loadFixture(council);
      const live = await motionIn(s, ProposalState.Active);
      // The timelock (the registry's owner) removes member 3, as an executed no-confidence motion would.
      const timelockAddress = await s.timelock.getAddress();
      await networkHelpers.impersonateAccount(timelockAddress);
      await networkHelpers.setBalance(timelockAddress, ethers.parseEther("1"));
      await s.registry.connect(await ethers.getSigner(timelockAddress)).remove(3n);
      await networkHelpers.stopImpersonatingAccount(timelockAddress);
      const before = await observe(s, live);
      await expect(s.governor.connect(s.voters[2]).castVote(live.id, Vote.Against))
        .to.be.revertedWithCustomError(s.governor, "GovernorNoVotingPower")
        .withArgs(live.id, s.voters[2].address);
      expect(await observe(s, live)).to.deep.equal(before);
    });

    it("reverts when a former voter account votes after the rotation", async function () {
      const s = await loadFixture(council);
      const live = await motionIn(s, ProposalState.Active);
      await rotateVoter(s, 1, s.others[1]);
      const before = await observe(s, live);
      await expect(s.governor.connect(s.voters[0]).castVote(live.id, Vote.For))
        .to.be.revertedWithCustomError(s.governor, "GovernorNoVotingPower")
        .withArgs(live.id, s.voters[0].address);
      expect(await observe(s, live)).to.deep.equal(before);
    });

    it("reverts when the motion does not exist", async function () {
      const s = await loadFixture(council);
      await expect(s.governor.connect(s.voters[0]).castVote(9n, Vote.For))
        .to.be.revertedWithCustomError(s.governor, "GovernorNonexistentProposal")
        .withArgs(9n);
    });

    for (const st of ALL_STATES.filter((x) => x !== ProposalState.Active)) {
      it(`reverts when the motion is ${ProposalState[st]}`, async function () {
        const s = await loadFixture(council);
        const live = await motionIn(s, st);
        const before = await observe(s, live);
        const voter = s.governor.connect(s.voters[3]);
        for (const call of [
          () => voter.castVote(live.id, Vote.For),
          () => voter.castVoteWithReason(live.id, Vote.For, "late"),
          () => voter.castVoteWithReasonAndParams(live.id, Vote.For, "late", "0x01"),
        ]) {
          await expect(call())
            .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
            .withArgs(live.id, st, bitmap(ProposalState.Active));
        }
        expect(await observe(s, live)).to.deep.equal(before);
      });
    }
  });

  describe("votes by signature", function () {
    it("exposes the EIP-712 domain GC Governor / 1", async function () {
      const s = await loadFixture(council);
      const domain = await s.governor.eip712Domain();
      expect(domain.name).to.equal("GC Governor");
      expect(domain.version).to.equal("1");
      expect(domain.chainId).to.equal((await ethers.provider.getNetwork()).chainId);
      expect(domain.verifyingContract).to.equal(await s.governor.getAddress());
    });

    it("castVoteBySig counts an EOA's signed vote once, whoever relays it", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const { id } = await motionIn(s, ProposalState.Active);
      const voter = s.voters[0];
      const relayer = s.others[0];
      expect(await g.nonces(voter.address)).to.equal(0n);
      const signature = await signBallot(voter, g, {
        proposalId: id,
        support: Vote.For,
        voter: voter.address,
        nonce: 0n,
      });
      await expect(g.connect(relayer).castVoteBySig(id, Vote.For, voter.address, signature))
        .to.emit(g, "VoteCast")
        .withArgs(voter.address, id, Vote.For, 1n, "");
      expect(await g.nonces(voter.address)).to.equal(1n);
      expect(await tally(g, id)).to.deep.equal([0n, 1n, 0n]);
      expect(await g.proposalVoters(id)).to.equal(1n);
      expect(await g.hasVoted(id, voter.address)).to.equal(true);
      expect(await g.hasVoted(id, relayer.address)).to.equal(false);
    });

    it("castVoteWithReasonAndParamsBySig counts a signed extended ballot", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const { id } = await motionIn(s, ProposalState.Active);
      const voter = s.voters[1];
      const ballot = {
        proposalId: id,
        support: Vote.Against,
        voter: voter.address,
        nonce: 0n,
        reason: "No",
        params: "0xabcd",
      };
      const signature = await signExtendedBallot(voter, g, ballot);
      await expect(
        g
          .connect(s.others[0])
          .castVoteWithReasonAndParamsBySig(id, Vote.Against, voter.address, "No", "0xabcd", signature),
      )
        .to.emit(g, "VoteCastWithParams")
        .withArgs(voter.address, id, Vote.Against, 1n, "No", "0xabcd");
      expect(await g.nonces(voter.address)).to.equal(1n);

      const abstainer = s.voters[2];
      const plain = {
        proposalId: id,
        support: Vote.Abstain,
        voter: abstainer.address,
        nonce: 0n,
        reason: "Pass",
        params: "0x",
      };
      await expect(
        g
          .connect(s.others[0])
          .castVoteWithReasonAndParamsBySig(
            id,
            Vote.Abstain,
            abstainer.address,
            "Pass",
            "0x",
            await signExtendedBallot(abstainer, g, plain),
          ),
      )
        .to.emit(g, "VoteCast")
        .withArgs(abstainer.address, id, Vote.Abstain, 1n, "Pass");
      expect(await tally(g, id)).to.deep.equal([1n, 0n, 1n]);
    });

    it("accepts the ERC-1271 signature of a contract-wallet voter", async function () {
      const s = await loadFixture(walletSystem);
      const g = s.governor;
      const [, voter] = await s.registry.memberAccounts(1n);
      expect(voter).to.equal(s.walletAddress);
      const { id } = await motionIn(s, ProposalState.Active);
      const signature = await signBallot(s.owner, g, {
        proposalId: id,
        support: Vote.For,
        voter: s.walletAddress,
        nonce: 0n,
      });
      await expect(g.connect(s.others[2]).castVoteBySig(id, Vote.For, s.walletAddress, signature))
        .to.emit(g, "VoteCast")
        .withArgs(s.walletAddress, id, Vote.For, 1n, "");
      expect(await g.nonces(s.walletAddress)).to.equal(1n);
      expect(await g.hasMemberVoted(id, 1n)).to.equal(true);
      expect(await g.hasVoted(id, s.walletAddress)).to.equal(true);
      expect(await g.hasVoted(id, s.voters[0].address)).to.equal(true);
      expect(await tally(g, id)).to.deep.equal([0n, 1n, 0n]);
    });

    it("lets a contract-wallet voter vote directly", async function () {
      const s = await loadFixture(walletSystem);
      const g = s.governor;
      const { id } = await motionIn(s, ProposalState.Active);
      const data = g.interface.encodeFunctionData("castVoteWithReason", [id, Vote.Abstain, "Wallet"]);
      await expect(s.wallet.connect(s.owner).execute(await g.getAddress(), data))
        .to.emit(g, "VoteCast")
        .withArgs(s.walletAddress, id, Vote.Abstain, 1n, "Wallet");
      expect(await tally(g, id)).to.deep.equal([0n, 0n, 1n]);
    });

    it("reverts when a signature is reused (its nonce was consumed)", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const live = await motionIn(s, ProposalState.Active);
      const voter = s.voters[0];
      const signature = await signBallot(voter, g, {
        proposalId: live.id,
        support: Vote.For,
        voter: voter.address,
        nonce: 0n,
      });
      await g.connect(s.others[0]).castVoteBySig(live.id, Vote.For, voter.address, signature);
      const before = await observe(s, live);
      await expect(g.connect(s.others[1]).castVoteBySig(live.id, Vote.For, voter.address, signature))
        .to.be.revertedWithCustomError(g, "GovernorInvalidSignature")
        .withArgs(voter.address);
      expect(await observe(s, live)).to.deep.equal(before);
      expect(await g.nonces(voter.address)).to.equal(1n);
    });

    it("reverts when the signature is not the voter's", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const live = await motionIn(s, ProposalState.Active);
      const voter = s.voters[0];
      const forged = await signBallot(s.others[0], g, {
        proposalId: live.id,
        support: Vote.For,
        voter: voter.address,
        nonce: 0n,
      });
      const before = await observe(s, live);
      await expect(g.connect(s.others[0]).castVoteBySig(live.id, Vote.For, voter.address, forged))
        .to.be.revertedWithCustomError(g, "GovernorInvalidSignature")
        .withArgs(voter.address);
      expect(await observe(s, live)).to.deep.equal(before);
    });

    it("reverts when the relayer changes the signed support", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const live = await motionIn(s, ProposalState.Active);
      const voter = s.voters[0];
      const signature = await signBallot(voter, g, {
        proposalId: live.id,
        support: Vote.Against,
        voter: voter.address,
        nonce: 0n,
      });
      const before = await observe(s, live);
      await expect(g.connect(s.others[0]).castVoteBySig(live.id, Vote.For, voter.address, signature))
        .to.be.revertedWithCustomError(g, "GovernorInvalidSignature")
        .withArgs(voter.address);
      expect(await observe(s, live)).to.deep.equal(before);
    });

    it("reverts when the relayer changes the signed reason or params", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const live = await motionIn(s, ProposalState.Active);
      const voter = s.voters[0];
      const ballot = {
        proposalId: live.id,
        support: Vote.For,
        voter: voter.address,
        nonce: 0n,
        reason: "Yes",
        params: "0x01",
      };
      const signature = await signExtendedBallot(voter, g, ballot);
      const before = await observe(s, live);
      await expect(
        g
          .connect(s.others[0])
          .castVoteWithReasonAndParamsBySig(live.id, Vote.For, voter.address, "No", "0x01", signature),
      )
        .to.be.revertedWithCustomError(g, "GovernorInvalidSignature")
        .withArgs(voter.address);
      await expect(
        g
          .connect(s.others[0])
          .castVoteWithReasonAndParamsBySig(live.id, Vote.For, voter.address, "Yes", "0x02", signature),
      )
        .to.be.revertedWithCustomError(g, "GovernorInvalidSignature")
        .withArgs(voter.address);
      expect(await observe(s, live)).to.deep.equal(before);
    });

    it("reverts when a contract-wallet voter's signature is not its owner's", async function () {
      const s = await loadFixture(walletSystem);
      const g = s.governor;
      const live = await motionIn(s, ProposalState.Active);
      const signature = await signBallot(s.others[1], g, {
        proposalId: live.id,
        support: Vote.For,
        voter: s.walletAddress,
        nonce: 0n,
      });
      const before = await observe(s, live);
      await expect(g.connect(s.others[1]).castVoteBySig(live.id, Vote.For, s.walletAddress, signature))
        .to.be.revertedWithCustomError(g, "GovernorInvalidSignature")
        .withArgs(s.walletAddress);
      expect(await observe(s, live)).to.deep.equal(before);
      expect(await g.nonces(s.walletAddress)).to.equal(0n);
    });

    it("reverts when a valid signature comes from a member who already voted", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const live = await motionIn(s, ProposalState.Active);
      const voter = s.voters[0];
      await g.connect(voter).castVote(live.id, Vote.Against);
      const signature = await signBallot(voter, g, {
        proposalId: live.id,
        support: Vote.For,
        voter: voter.address,
        nonce: 0n,
      });
      const before = await observe(s, live);
      await expect(g.connect(s.others[0]).castVoteBySig(live.id, Vote.For, voter.address, signature))
        .to.be.revertedWithCustomError(g, "GovernorMemberAlreadyVoted")
        .withArgs(live.id, 1n);
      expect(await observe(s, live)).to.deep.equal(before);
      expect(await g.nonces(voter.address)).to.equal(0n);
    });

    it("reverts when a valid signature arrives after the deadline", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const live = await motionIn(s, ProposalState.Active);
      const voter = s.voters[3];
      const signature = await signBallot(voter, g, {
        proposalId: live.id,
        support: Vote.For,
        voter: voter.address,
        nonce: 0n,
      });
      await waitForDeadline(s, live.id);
      const before = await observe(s, live);
      await expect(g.connect(s.others[0]).castVoteBySig(live.id, Vote.For, voter.address, signature))
        .to.be.revertedWithCustomError(g, "GovernorUnexpectedProposalState")
        .withArgs(live.id, ProposalState.Defeated, bitmap(ProposalState.Active));
      expect(await observe(s, live)).to.deep.equal(before);
    });

    it("the wallet mock accepts its owner's signatures only, and only its owner drives it", async function () {
      const s = await loadFixture(walletSystem);
      const digest = ethers.hashMessage("ballot");
      expect(await s.wallet.isValidSignature(digest, await s.owner.signMessage("ballot"))).to.equal(
        ERC1271_MAGIC,
      );
      expect(await s.wallet.isValidSignature(digest, await s.others[1].signMessage("ballot"))).to.equal(
        "0xffffffff",
      );
      expect(await s.wallet.isValidSignature(digest, "0x")).to.equal("0xffffffff");
      await expect(s.wallet.connect(s.others[1]).execute(await s.governor.getAddress(), "0x"))
        .to.be.revertedWithCustomError(s.wallet, "MockERC1271WalletNotOwner")
        .withArgs(s.others[1].address);
      const factory = await ethers.getContractFactory("MockERC1271Wallet");
      await expect(factory.deploy(ethers.ZeroAddress)).to.be.revertedWithCustomError(
        factory,
        "MockERC1271WalletZeroOwner",
      );
    });
  });

  describe("counting", function () {
    it("reaches quorum by the member count alone (many small members)", async function () {
      const s = await loadFixture(manySmallMembers);
      const g = s.governor;
      const { id } = await motionIn(s, ProposalState.Active);
      expect(await quorumOf(g, id)).to.deep.equal([2n, 8n]);
      await castVotes(s, id, [s.voters[4], s.voters[5]], [Vote.For, Vote.For]);
      expect(await tally(g, id)).to.deep.equal([0n, 2n, 0n]);
      expect(await g.proposalVoters(id)).to.equal(2n);
      await waitForDeadline(s, id);
      expect(await g.state(id)).to.equal(ProposalState.Succeeded);
    });

    it("reaches quorum by votes alone (one heavy member, capped at eligible − 1)", async function () {
      const s = await loadFixture(heavyMember);
      const g = s.governor;
      const { id } = await motionIn(s, ProposalState.Active);
      const snapshot = await g.proposalSnapshot(id);
      expect(await s.vault.getPastMemberVotes(1n, snapshot)).to.equal(4n);
      expect(await s.vault.getPastTotalSupply(snapshot)).to.equal(8n);
      expect(await quorumOf(g, id)).to.deep.equal([2n, 3n]);
      await expect(g.connect(s.voters[0]).castVote(id, Vote.For))
        .to.emit(g, "VoteCast")
        .withArgs(s.voters[0].address, id, Vote.For, 4n, "");
      expect(await g.proposalVoters(id)).to.equal(1n);
      await waitForDeadline(s, id);
      expect(await g.state(id)).to.equal(ProposalState.Succeeded);
    });

    it("is Defeated when both quorums are missed, even unanimously", async function () {
      const s = await loadFixture(heavyMember);
      const { id } = await motionIn(s, ProposalState.Active);
      await s.governor.connect(s.voters[1]).castVote(id, Vote.For);
      await waitForDeadline(s, id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Defeated);
    });

    it("is Defeated when one heavy member alone misses both quorums", async function () {
      const s = await loadFixture(manySmallMembers);
      const { id } = await motionIn(s, ProposalState.Active);
      await expect(s.governor.connect(s.voters[0]).castVote(id, Vote.For))
        .to.emit(s.governor, "VoteCast")
        .withArgs(s.voters[0].address, id, Vote.For, 5n, "");
      await waitForDeadline(s, id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Defeated);
    });

    it("passes a Standard motion when For exceeds Against + Abstain", async function () {
      const s = await loadFixture(council);
      const { id } = await motionIn(s, ProposalState.Active);
      await castVotes(s, id, s.voters, [Vote.For, Vote.For, Vote.For, Vote.Against, Vote.Abstain]);
      await waitForDeadline(s, id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Succeeded);
    });

    it("fails a Standard motion on a tie", async function () {
      const s = await loadFixture(council);
      const { id } = await motionIn(s, ProposalState.Active);
      await castVotes(s, id, s.voters.slice(0, 4), [Vote.For, Vote.For, Vote.Against, Vote.Against]);
      await waitForDeadline(s, id);
      expect(await tally(s.governor, id)).to.deep.equal([2n, 2n, 0n]);
      expect(await s.governor.state(id)).to.equal(ProposalState.Defeated);
    });

    it("counts abstentions against a Standard motion", async function () {
      const s = await loadFixture(council);
      const a = await motionIn(s, ProposalState.Pending, "Without abstention");
      const b = await motionIn(s, ProposalState.Pending, "With abstention");
      await waitForSnapshot(s, b.id);
      await castVotes(s, a.id, s.voters.slice(0, 3), [Vote.For, Vote.For, Vote.Against]);
      await castVotes(s, b.id, s.voters.slice(0, 4), [Vote.For, Vote.For, Vote.Against, Vote.Abstain]);
      await waitForDeadline(s, b.id);
      expect(await s.governor.state(a.id)).to.equal(ProposalState.Succeeded);
      expect(await s.governor.state(b.id)).to.equal(ProposalState.Defeated);
    });

    it("passes a Constitutional motion at exactly two thirds of the votes cast", async function () {
      const s = await loadFixture(twoThirdsCouncil);
      const motion = await unbondingMotion(s, 10n * DAY, "Exactly two thirds");
      const id = await propose(s, motion, s.secretariat);
      await waitForSnapshot(s, id);
      expect(await quorumOf(s.governor, id)).to.deep.equal([3n, 3n]);
      await castVotes(s, id, s.voters, [Vote.For, Vote.For, Vote.For, Vote.Against, Vote.Against]);
      expect(await tally(s.governor, id)).to.deep.equal([2n, 4n, 0n]);
      await waitForDeadline(s, id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Succeeded);
    });

    it("fails a Constitutional motion just below two thirds, where a Standard one passes", async function () {
      const s = await loadFixture(twoThirdsCouncil);
      const constitutional = await unbondingMotion(s, 10n * DAY, "Just below two thirds");
      const cId = await propose(s, constitutional, s.secretariat);
      const standard = await motionIn(s, ProposalState.Pending, "Same split, Standard");
      await waitForSnapshot(s, standard.id);
      const split = [Vote.For, Vote.For, Vote.Against, Vote.Against];
      await castVotes(s, cId, s.voters.slice(0, 4), split);
      await castVotes(s, standard.id, s.voters.slice(0, 4), split);
      // For 3, Against 2: 3 × 3 = 9 < 2 × 5 = 10.
      expect(await tally(s.governor, cId)).to.deep.equal([2n, 3n, 0n]);
      await waitForDeadline(s, standard.id);
      expect(await s.governor.state(cId)).to.equal(ProposalState.Defeated);
      expect(await s.governor.state(standard.id)).to.equal(ProposalState.Succeeded);
    });

    it("takes both quorum bases at the snapshot: later stake and unbonding do not move them", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const first = await motionIn(s, ProposalState.Active, "First");
      expect(await quorumOf(g, first.id)).to.deep.equal([2n, 2n]);

      // After the snapshot: member 1 bonds 3 more units (4 votes, total 8), members 4 and 5 unbond everything.
      await s.vault.connect(s.admins[0]).stake(3n * STAKE_UNIT, { value: 3n * STAKE_UNIT });
      await time.increase(1);
      expect(await g.quorum((await latest()) - 1n)).to.equal(6n); // conservative: ceil(⅔ × 8)
      expect(await quorumOf(g, first.id)).to.deep.equal([2n, 2n]);
      await s.vault.connect(s.admins[3]).requestUnstake(4n, STAKE_UNIT);
      await s.vault.connect(s.admins[4]).requestUnstake(5n, STAKE_UNIT);
      expect(await s.vault.eligibleCount()).to.equal(3n);
      expect(await quorumOf(g, first.id)).to.deep.equal([2n, 2n]);

      // Member 4 still votes on the first motion with its snapshot vote.
      await expect(g.connect(s.voters[3]).castVote(first.id, Vote.For))
        .to.emit(g, "VoteCast")
        .withArgs(s.voters[3].address, first.id, Vote.For, 1n, "");

      // A motion proposed now sees 3 eligible members (cap 2: votes 2, 1, 1); member 4 has no vote on it.
      const second = await motionIn(s, ProposalState.Active, "Second");
      expect(await quorumOf(g, second.id)).to.deep.equal([1n, 2n]);
      expect((await details(s, second.id)).memberQuorum).to.equal(1n);
      expect(await quorumOf(g, first.id)).to.deep.equal([2n, 2n]);
      await expect(g.connect(s.voters[3]).castVote(second.id, Vote.For))
        .to.be.revertedWithCustomError(g, "GovernorNoVotingPower")
        .withArgs(second.id, s.voters[3].address);
    });

    it("motionClass and proposalQuorum revert for a motion that does not exist", async function () {
      const s = await loadFixture(council);
      await expect(s.governor.motionClass(999))
        .to.be.revertedWithCustomError(s.governor, "GovernorNonexistentProposal")
        .withArgs(999n);
      await expect(s.governor.proposalQuorum(999))
        .to.be.revertedWithCustomError(s.governor, "GovernorNonexistentProposal")
        .withArgs(999n);
    });

    it("proposalQuorum reverts while the snapshot is not in the past", async function () {
      const s = await loadFixture(council);
      const { id } = await motionIn(s, ProposalState.Pending);
      const snapshot = await s.governor.proposalSnapshot(id);
      await expect(s.governor.proposalQuorum(id))
        .to.be.revertedWithCustomError(s.vault, "ERC5805FutureLookup")
        .withArgs(snapshot, await latest());
    });

    it("quorum(t) is the For votes that pass any class at t: the strictest rules ever configured, and a majority", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const t0 = (await latest()) - 1n;
      expect(await g.quorum(t0)).to.equal(4n); // ceil(⅔ × 5)
      await s.vault.connect(s.admins[0]).stake(3n * STAKE_UNIT, { value: 3n * STAKE_UNIT });
      await s.vault.connect(s.admins[1]).stake(3n * STAKE_UNIT, { value: 3n * STAKE_UNIT });
      await time.increase(1);
      const t1 = (await latest()) - 1n;
      expect(await s.vault.getPastTotalSupply(t1)).to.equal(11n);
      expect(await g.quorum(t1)).to.equal(8n); // ceil(⅔ × 11) = ceil(7.33)
      expect(await g.quorum(t0)).to.equal(4n);
      expect(await s.policy.conservativeQuorum(11n)).to.equal(8n);
      const future = (await latest()) + 100n;
      await expect(g.quorum(future))
        .to.be.revertedWithCustomError(s.vault, "ERC5805FutureLookup")
        .withArgs(future, await latest());
    });

    it("describes its counting mode", async function () {
      const s = await loadFixture(council);
      expect(await s.governor.COUNTING_MODE()).to.equal("support=bravo&quorum=for");
    });
  });

  describe("late-quorum protection", function () {
    it("extends the deadline to 2 days after quorum when it is first reached near the end", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const { id } = await motionIn(s, ProposalState.Active);
      const deadline = await g.proposalDeadline(id);
      await g.connect(s.voters[0]).castVote(id, Vote.For);
      expect(await g.proposalDeadline(id)).to.equal(deadline);

      const t = deadline - DAY;
      await time.setNextBlockTimestamp(t);
      const extended = t + LATE_QUORUM_EXTENSION;
      await expect(g.connect(s.voters[1]).castVote(id, Vote.For))
        .to.emit(g, "ProposalExtended")
        .withArgs(id, extended);
      expect(await g.proposalDeadline(id)).to.equal(extended);
      expect((await details(s, id)).deadline).to.equal(extended);

      await time.increaseTo(deadline + 1n);
      expect(await g.state(id)).to.equal(ProposalState.Active);
      await g.connect(s.voters[2]).castVote(id, Vote.Against);
      await time.increaseTo(extended);
      expect(await g.state(id)).to.equal(ProposalState.Active);
      await time.increase(1);
      expect(await g.state(id)).to.equal(ProposalState.Succeeded);
      // The queue window runs from the extended deadline.
      await time.increaseTo(extended + QUEUE_WINDOW);
      expect(await g.state(id)).to.equal(ProposalState.Succeeded);
      await time.increase(1);
      expect(await g.state(id)).to.equal(ProposalState.Expired);
    });

    it("does not extend when quorum was reached early", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const { id } = await motionIn(s, ProposalState.Active);
      const deadline = await g.proposalDeadline(id);
      await g.connect(s.voters[0]).castVote(id, Vote.For);
      await expect(g.connect(s.voters[1]).castVote(id, Vote.For)).not.to.emit(g, "ProposalExtended");
      await time.setNextBlockTimestamp(deadline - 60n);
      await expect(g.connect(s.voters[2]).castVote(id, Vote.For)).not.to.emit(g, "ProposalExtended");
      expect(await g.proposalDeadline(id)).to.equal(deadline);
      await time.increaseTo(deadline + 1n);
      expect(await g.state(id)).to.equal(ProposalState.Succeeded);
    });

    it("does not extend when quorum is reached exactly one extension before the deadline", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const { id } = await motionIn(s, ProposalState.Active);
      const deadline = await g.proposalDeadline(id);
      await g.connect(s.voters[0]).castVote(id, Vote.For);
      await time.setNextBlockTimestamp(deadline - LATE_QUORUM_EXTENSION);
      await expect(g.connect(s.voters[1]).castVote(id, Vote.For)).not.to.emit(g, "ProposalExtended");
      expect(await g.proposalDeadline(id)).to.equal(deadline);
    });
  });

  describe("queue", function () {
    it("lets anyone queue a Succeeded motion and schedules it on the timelock", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const live = await motionIn(s, ProposalState.Succeeded);
      const m = live.motion;
      const tx = await g.connect(s.others[3]).queue(m.targets, m.values, m.calldatas, descriptionHash(m));
      const queuedAt = await timeOf(tx);
      await expect(tx)
        .to.emit(g, "ProposalQueued")
        .withArgs(live.id, queuedAt + 2n * DAY);
      const op = await operationId(s, m);
      await expect(tx)
        .to.emit(s.timelock, "CallScheduled")
        .withArgs(op, 0n, m.targets[0], 0n, "0x", ethers.ZeroHash, TIMELOCK_MIN_DELAY);
      expect(await s.timelock.isOperationPending(op)).to.equal(true);
    });

    it("queues at the last second of the queue window", async function () {
      const s = await loadFixture(council);
      const live = await motionIn(s, ProposalState.Succeeded);
      await time.setNextBlockTimestamp((await s.governor.proposalDeadline(live.id)) + QUEUE_WINDOW);
      await queue(s, live.motion);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Queued);
    });

    it("reverts when the actions match no motion", async function () {
      const s = await loadFixture(council);
      const m = await signallingMotion(s, "Never proposed");
      await expect(s.governor.queue(m.targets, m.values, m.calldatas, descriptionHash(m)))
        .to.be.revertedWithCustomError(s.governor, "GovernorNonexistentProposal")
        .withArgs(0n);
    });

    for (const st of ALL_STATES.filter((x) => x !== ProposalState.Succeeded)) {
      it(`reverts when the motion is ${ProposalState[st]}`, async function () {
        const s = await loadFixture(council);
        const live = await motionIn(s, st);
        const m = live.motion;
        const before = await observe(s, live);
        await expect(
          s.governor.connect(s.others[0]).queue(m.targets, m.values, m.calldatas, descriptionHash(m)),
        )
          .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
          .withArgs(live.id, st, bitmap(ProposalState.Succeeded));
        expect(await observe(s, live)).to.deep.equal(before);
      });
    }
  });

  describe("execute", function () {
    it("lets anyone execute a Queued motion from its ETA", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const live = await motionIn(s, ProposalState.Queued);
      const m = live.motion;
      const op = await operationId(s, m);
      await waitForEta(s, live.id);
      const tx = g.connect(s.others[4]).execute(m.targets, m.values, m.calldatas, descriptionHash(m));
      await expect(tx).to.emit(g, "ProposalExecuted").withArgs(live.id);
      await expect(tx).to.emit(s.timelock, "CallExecuted").withArgs(op, 0n, m.targets[0], 0n, "0x");
      expect(await g.state(live.id)).to.equal(ProposalState.Executed);
      expect(await g.liveProposalCount(s.secretariat.address)).to.equal(0n);
    });

    it("executes at the last second of the execution window", async function () {
      const s = await loadFixture(council);
      const live = await motionIn(s, ProposalState.Queued);
      await time.setNextBlockTimestamp((await s.governor.proposalEta(live.id)) + EXECUTION_WINDOW);
      await execute(s, live.motion);
      expect(await s.governor.state(live.id)).to.equal(ProposalState.Executed);
    });

    it("reverts when the ETA has not come (GovernorMotionNotReady)", async function () {
      const s = await loadFixture(council);
      const live = await motionIn(s, ProposalState.Queued);
      const m = live.motion;
      const eta = await s.governor.proposalEta(live.id);
      const before = await observe(s, live);
      await expect(s.governor.execute(m.targets, m.values, m.calldatas, descriptionHash(m)))
        .to.be.revertedWithCustomError(s.governor, "GovernorMotionNotReady")
        .withArgs(live.id, eta);
      expect(await observe(s, live)).to.deep.equal(before);
    });

    it("executes although a payee without code received coin since the proposal", async function () {
      const s = await loadFixture(tableSystem);
      const timelock = await s.timelock.getAddress();
      await networkHelpers.setBalance(timelock, 10n);
      const motion: Motion = { targets: [PAYEE], values: [3n], calldatas: ["0x"], description: "Pay 3 wei" };
      const id = await propose(s, motion, s.secretariat);
      const digest = await s.governor.proposalCodeDigest(id);
      expect(digest).to.equal(await s.governor.codeDigest([PAYEE]));
      await networkHelpers.setBalance(PAYEE, 1n);
      expect(await s.governor.codeDigest([PAYEE])).to.equal(digest);
      await waitForSnapshot(s, id);
      await voteAll(s, id, s.voters.slice(0, 3), Vote.For);
      await waitForDeadline(s, id);
      await queue(s, motion);
      await waitForEta(s, id);
      await expect(
        s.governor.execute(motion.targets, motion.values, motion.calldatas, descriptionHash(motion)),
      ).to.changeEtherBalances(ethers, [PAYEE, timelock], [3n, -3n]);
    });

    it("reverts when a target's code changed since the proposal", async function () {
      const s = await loadFixture(tableSystem);
      await networkHelpers.setBalance(await s.timelock.getAddress(), 10n);
      const motion: Motion = { targets: [PAYEE], values: [3n], calldatas: ["0x"], description: "Pay 3 wei" };
      const id = await propose(s, motion, s.secretariat);
      await waitForSnapshot(s, id);
      await voteAll(s, id, s.voters.slice(0, 3), Vote.For);
      await waitForDeadline(s, id);
      await queue(s, motion);
      await waitForEta(s, id);
      await networkHelpers.setCode(PAYEE, "0x5f5ff3");
      expect(await s.governor.codeDigest([PAYEE])).to.not.equal(await s.governor.proposalCodeDigest(id));
      const live = { id, motion };
      const before = await observe(s, live);
      await expect(
        s.governor.execute(motion.targets, motion.values, motion.calldatas, descriptionHash(motion)),
      )
        .to.be.revertedWithCustomError(s.governor, "GovernorTargetCodeChanged")
        .withArgs(id);
      expect(await observe(s, live)).to.deep.equal(before);
      expect(await ethers.provider.getBalance(PAYEE)).to.equal(0n);
    });

    it("reverts when the motion would leave the timelock ungovernable", async function () {
      const s = await loadFixture(council);
      const timelock = await s.timelock.getAddress();
      const motion: Motion = {
        targets: [timelock],
        values: [0n],
        calldatas: [s.timelock.interface.encodeFunctionData("updateDelay", [3n * DAY])],
        description: "Timelock delay above the smallest class delay",
      };
      const id = await passAndQueue(s, motion, s.secretariat);
      expect(await s.governor.motionClass(id)).to.equal(MotionClass.Constitutional);
      const live = { id, motion };
      const before = await observe(s, live);
      await expect(
        s.governor.execute(motion.targets, motion.values, motion.calldatas, descriptionHash(motion)),
      )
        .to.be.revertedWithCustomError(s.governor, "GovernorTimelockCompromised")
        .withArgs(timelock);
      expect(await observe(s, live)).to.deep.equal(before);
      expect(await s.timelock.getMinDelay()).to.equal(TIMELOCK_MIN_DELAY);
    });

    it("reverts when the actions match no motion", async function () {
      const s = await loadFixture(council);
      const m = await signallingMotion(s, "Never proposed");
      await expect(s.governor.execute(m.targets, m.values, m.calldatas, descriptionHash(m)))
        .to.be.revertedWithCustomError(s.governor, "GovernorNonexistentProposal")
        .withArgs(0n);
    });

    for (const st of ALL_STATES.filter((x) => x !== ProposalState.Queued)) {
      it(`reverts when the motion is ${ProposalState[st]}`, async function () {
        const s = await loadFixture(council);
        const live = await motionIn(s, st);
        const m = live.motion;
        const before = await observe(s, live);
        await expect(
          s.governor.connect(s.others[0]).execute(m.targets, m.values, m.calldatas, descriptionHash(m)),
        )
          .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
          .withArgs(live.id, st, bitmap(ProposalState.Queued));
        expect(await observe(s, live)).to.deep.equal(before);
      });
    }
  });

  describe("expiry", function () {
    it("expires a passed motion not queued within 14 days of its deadline", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const live = await motionIn(s, ProposalState.Succeeded);
      const deadline = await g.proposalDeadline(live.id);
      await time.increaseTo(deadline + QUEUE_WINDOW);
      expect(await g.state(live.id)).to.equal(ProposalState.Succeeded);
      expect(await g.liveProposalCount(s.secretariat.address)).to.equal(1n);
      await time.increase(1);
      expect(await g.state(live.id)).to.equal(ProposalState.Expired);
      expect(await g.liveProposalCount(s.secretariat.address)).to.equal(0n);
      const m = live.motion;
      const before = await observe(s, live);
      await expect(g.queue(m.targets, m.values, m.calldatas, descriptionHash(m)))
        .to.be.revertedWithCustomError(g, "GovernorUnexpectedProposalState")
        .withArgs(live.id, ProposalState.Expired, bitmap(ProposalState.Succeeded));
      expect(await observe(s, live)).to.deep.equal(before);
    });

    it("expires a queued motion not executed within 14 days of its ETA", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const live = await motionIn(s, ProposalState.Queued);
      const eta = await g.proposalEta(live.id);
      await time.increaseTo(eta + EXECUTION_WINDOW);
      expect(await g.state(live.id)).to.equal(ProposalState.Queued);
      await time.increase(1);
      expect(await g.state(live.id)).to.equal(ProposalState.Expired);
      expect(await g.liveProposalCount(s.secretariat.address)).to.equal(0n);
      const m = live.motion;
      const before = await observe(s, live);
      await expect(g.execute(m.targets, m.values, m.calldatas, descriptionHash(m)))
        .to.be.revertedWithCustomError(g, "GovernorUnexpectedProposalState")
        .withArgs(live.id, ProposalState.Expired, bitmap(ProposalState.Queued));
      await expect(g.connect(s.guardian).cancel(m.targets, m.values, m.calldatas, descriptionHash(m)))
        .to.be.revertedWithCustomError(g, "GovernorUnexpectedProposalState")
        .withArgs(live.id, ProposalState.Expired, bitmap(...CANCELLABLE_STATES));
      expect(await observe(s, live)).to.deep.equal(before);
    });
    it("keeps the windows a motion was created with: a later, longer queue window does not revive it", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const signal = await signallingMotion(s, "Passed, never queued");
      const windows: Motion = {
        targets: [await g.getAddress()],
        values: [0n],
        calldatas: [g.interface.encodeFunctionData("setExpiryWindows", [60n * DAY, 60n * DAY])],
        description: "Expiry windows: 60 days each",
      };
      const signalId = await propose(s, signal, s.secretariat);
      const windowsId = await propose(s, windows, s.voters[0]);
      await waitForSnapshot(s, windowsId);
      await voteAll(s, signalId, s.voters, Vote.For);
      await voteAll(s, windowsId, s.voters, Vote.For);
      await waitForDeadline(s, windowsId);
      await queue(s, windows);
      const expiresAt = (await g.proposalDeadline(signalId)) + QUEUE_WINDOW;
      await time.increaseTo(expiresAt + 1n);
      expect(await g.state(signalId)).to.equal(ProposalState.Expired);
      expect(await g.proposalEta(windowsId)).to.be.below(expiresAt); // its ETA has passed
      await execute(s, windows);
      expect(await g.queueWindow()).to.equal(60n * DAY);

      // The expired motion keeps its own 14-day window: Expired is final.
      expect(await g.state(signalId)).to.equal(ProposalState.Expired);
      const record = await motionRecordOf(s, signalId);
      expect([record.queueWindow, record.executionWindow]).to.deep.equal([QUEUE_WINDOW, EXECUTION_WINDOW]);
      const before = await observe(s, { id: signalId, motion: signal });
      await expect(g.queue(signal.targets, signal.values, signal.calldatas, descriptionHash(signal)))
        .to.be.revertedWithCustomError(g, "GovernorUnexpectedProposalState")
        .withArgs(signalId, ProposalState.Expired, bitmap(ProposalState.Succeeded));
      expect(await observe(s, { id: signalId, motion: signal })).to.deep.equal(before);

      // A motion created now gets the new windows.
      const later = await propose(
        s,
        await signallingMotion(s, "Created under the new windows"),
        s.secretariat,
      );
      const laterRecord = await motionRecordOf(s, later);
      expect([laterRecord.queueWindow, laterRecord.executionWindow]).to.deep.equal([60n * DAY, 60n * DAY]);
    });
  });

  describe("cancel", function () {
    it("lets the proposer cancel while Pending", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const m = await signallingMotion(s, "Member motion");
      const id = await propose(s, m, s.voters[0]);
      await expect(g.connect(s.voters[0]).cancel(m.targets, m.values, m.calldatas, descriptionHash(m)))
        .to.emit(g, "ProposalCanceled")
        .withArgs(id);
      expect(await g.state(id)).to.equal(ProposalState.Canceled);
      expect(await g.liveProposalCount(s.voters[0].address)).to.equal(0n);
    });

    it("lets a member's current voter cancel its Pending motion, not the key it rotated away from", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const m = await signallingMotion(s, "Member motion, then key rotation");
      const id = await propose(s, m, s.voters[0]);
      await rotateVoter(s, 1, s.others[0]);
      await expect(g.connect(s.voters[0]).cancel(m.targets, m.values, m.calldatas, descriptionHash(m)))
        .to.be.revertedWithCustomError(g, "GovernorUnableToCancel")
        .withArgs(id, s.voters[0].address);
      expect(await g.state(id)).to.equal(ProposalState.Pending);
      await expect(g.connect(s.others[0]).cancel(m.targets, m.values, m.calldatas, descriptionHash(m)))
        .to.emit(g, "ProposalCanceled")
        .withArgs(id);
      expect(await g.state(id)).to.equal(ProposalState.Canceled);
    });

    it("reverts when a member's current voter cancels after voting started", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const m = await signallingMotion(s, "Member motion, active");
      const id = await propose(s, m, s.voters[0]);
      await waitForSnapshot(s, id);
      await expect(g.connect(s.voters[0]).cancel(m.targets, m.values, m.calldatas, descriptionHash(m)))
        .to.be.revertedWithCustomError(g, "GovernorUnableToCancel")
        .withArgs(id, s.voters[0].address);
      expect(await g.state(id)).to.equal(ProposalState.Active);
    });

    for (const st of CANCELLABLE_STATES) {
      it(`lets the guardian cancel a motion that is ${ProposalState[st]}`, async function () {
        const s = await loadFixture(council);
        const g = s.governor;
        const live = await motionIn(s, st);
        const m = live.motion;
        const op = await operationId(s, m);
        const tx = g.connect(s.guardian).cancel(m.targets, m.values, m.calldatas, descriptionHash(m));
        await expect(tx).to.emit(g, "ProposalCanceled").withArgs(live.id);
        if (st === ProposalState.Queued) await expect(tx).to.emit(s.timelock, "Cancelled").withArgs(op);
        else await expect(tx).not.to.emit(s.timelock, "Cancelled");
        expect(await g.state(live.id)).to.equal(ProposalState.Canceled);
        expect(await s.timelock.isOperation(op)).to.equal(false);
      });
    }

    it("reverts when someone other than the proposer or the guardian cancels", async function () {
      const s = await loadFixture(council);
      const live = await motionIn(s, ProposalState.Pending);
      const m = live.motion;
      const before = await observe(s, live);
      for (const caller of [s.others[0], s.voters[0], s.admins[0]]) {
        await expect(s.governor.connect(caller).cancel(m.targets, m.values, m.calldatas, descriptionHash(m)))
          .to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel")
          .withArgs(live.id, caller.address);
      }
      expect(await observe(s, live)).to.deep.equal(before);
    });

    for (const st of CANCELLABLE_STATES.filter((x) => x !== ProposalState.Pending)) {
      it(`reverts when the proposer cancels a motion that is ${ProposalState[st]}`, async function () {
        const s = await loadFixture(council);
        const live = await motionIn(s, st);
        const m = live.motion;
        const before = await observe(s, live);
        await expect(
          s.governor.connect(s.secretariat).cancel(m.targets, m.values, m.calldatas, descriptionHash(m)),
        )
          .to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel")
          .withArgs(live.id, s.secretariat.address);
        expect(await observe(s, live)).to.deep.equal(before);
      });
    }

    for (const st of FINAL_STATES) {
      it(`reverts when the proposer cancels a motion that is ${ProposalState[st]} (final)`, async function () {
        const s = await loadFixture(council);
        const live = await motionIn(s, st);
        const m = live.motion;
        const before = await observe(s, live);
        await expect(
          s.governor.connect(s.secretariat).cancel(m.targets, m.values, m.calldatas, descriptionHash(m)),
        )
          .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
          .withArgs(live.id, st, bitmap(...CANCELLABLE_STATES));
        expect(await observe(s, live)).to.deep.equal(before);
      });
    }

    for (const st of FINAL_STATES) {
      it(`reverts when the guardian cancels a motion that is ${ProposalState[st]}`, async function () {
        const s = await loadFixture(council);
        const live = await motionIn(s, st);
        const m = live.motion;
        const before = await observe(s, live);
        await expect(
          s.governor.connect(s.guardian).cancel(m.targets, m.values, m.calldatas, descriptionHash(m)),
        )
          .to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState")
          .withArgs(live.id, st, bitmap(...CANCELLABLE_STATES));
        expect(await observe(s, live)).to.deep.equal(before);
      });
    }

    it("reverts when the guardian's term has ended", async function () {
      const s = await loadFixture(council);
      const termEnd = await s.governor.guardianTermEnd();
      expect(termEnd).to.equal(s.governorDeployedAt + GUARDIAN_TERM);
      expect(await s.governor.guardian()).to.equal(s.guardian.address);
      await time.increaseTo(termEnd);
      expect(await s.governor.guardian()).to.equal(ethers.ZeroAddress);
      const live = await motionIn(s, ProposalState.Pending);
      const m = live.motion;
      const before = await observe(s, live);
      await expect(
        s.governor.connect(s.guardian).cancel(m.targets, m.values, m.calldatas, descriptionHash(m)),
      )
        .to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel")
        .withArgs(live.id, s.guardian.address);
      expect(await observe(s, live)).to.deep.equal(before);
    });

    it("reverts when the actions match no motion", async function () {
      const s = await loadFixture(council);
      const m = await signallingMotion(s, "Never proposed");
      await expect(
        s.governor.connect(s.guardian).cancel(m.targets, m.values, m.calldatas, descriptionHash(m)),
      )
        .to.be.revertedWithCustomError(s.governor, "GovernorNonexistentProposal")
        .withArgs(0n);
    });
  });

  describe("ids and views", function () {
    it("numbers motions 1, 2, 3 and finds them by their actions", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      expect(await g.proposalCount()).to.equal(0n);
      const motions: Motion[] = [];
      for (let i = 1; i <= 3; i++) {
        const m = await signallingMotion(s, `Motion ${i}`);
        motions.push(m);
        expect(await propose(s, m, s.voters[i])).to.equal(BigInt(i));
        expect(await g.proposalCount()).to.equal(BigInt(i));
        expect(await g.latestProposalId()).to.equal(BigInt(i));
      }
      for (let i = 0; i < 3; i++) {
        const m = motions[i];
        expect(await g.getProposalId(m.targets, m.values, m.calldatas, descriptionHash(m))).to.equal(
          BigInt(i + 1),
        );
        expect(await g.hashProposal(m.targets, m.values, m.calldatas, descriptionHash(m))).to.not.equal(
          BigInt(i + 1),
        );
        expect(await g.proposalProposer(BigInt(i + 1))).to.equal(s.voters[i + 1].address);
      }
      const unknown = await signallingMotion(s, "Unknown");
      await expect(
        g.getProposalId(unknown.targets, unknown.values, unknown.calldatas, descriptionHash(unknown)),
      )
        .to.be.revertedWithCustomError(g, "GovernorNonexistentProposal")
        .withArgs(0n);
    });

    it("motionDetails reports every field, with quorum fields 0 while Pending", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const m = await signallingMotion(s, "Detailed");
      const t0 = (await latest()) + 5n;
      await time.setNextBlockTimestamp(t0);
      const tx = await g.connect(s.secretariat).propose(m.targets, m.values, m.calldatas, m.description);
      const createdBlock = BigInt((await receiptOf(tx)).blockNumber);
      const snapshot = t0 + 7n * DAY;
      const deadline = snapshot + 7n * DAY;
      const pending = {
        proposalId: 1n,
        proposer: s.secretariat.address,
        motionClass: BigInt(MotionClass.Standard),
        state: BigInt(ProposalState.Pending),
        snapshot,
        deadline,
        eta: 0n,
        createdBlock,
        excludedMemberId: 0n,
        subjectMemberId: 0n,
        forVotes: 0n,
        againstVotes: 0n,
        abstainVotes: 0n,
        voters: 0n,
        memberQuorum: 0n,
        voteQuorum: 0n,
      };
      expect(await details(s, 1n)).to.deep.equal(pending);
      await time.increaseTo(snapshot);
      expect(await details(s, 1n)).to.deep.equal(pending);

      await time.increaseTo(snapshot + 1n);
      await castVotes(s, 1n, s.voters.slice(0, 4), [Vote.For, Vote.For, Vote.Against, Vote.Abstain]);
      await s.governor.connect(s.voters[4]).castVote(1n, Vote.For);
      const active = {
        ...pending,
        state: BigInt(ProposalState.Active),
        forVotes: 3n,
        againstVotes: 1n,
        abstainVotes: 1n,
        voters: 5n,
        memberQuorum: 2n,
        voteQuorum: 2n,
      };
      expect(await details(s, 1n)).to.deep.equal(active);

      await waitForDeadline(s, 1n);
      const tq = await timeOf(await g.queue(m.targets, m.values, m.calldatas, descriptionHash(m)));
      expect(await details(s, 1n)).to.deep.equal({
        ...active,
        state: BigInt(ProposalState.Queued),
        eta: tq + 2n * DAY,
      });
    });

    it("reports snapshot, deadline, ETA and proposer", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const m = await signallingMotion(s, "Views");
      const tx = await g.connect(s.voters[3]).propose(m.targets, m.values, m.calldatas, m.description);
      const t0 = await timeOf(tx);
      expect(await g.proposalSnapshot(1n)).to.equal(t0 + 7n * DAY);
      expect(await g.proposalDeadline(1n)).to.equal(t0 + 14n * DAY);
      expect(await g.proposalEta(1n)).to.equal(0n);
      expect(await g.proposalProposer(1n)).to.equal(s.voters[3].address);
      expect(await g.proposalNeedsQueuing(1n)).to.equal(true);
      expect(await g.proposalSnapshot(2n)).to.equal(0n);
      expect(await g.proposalProposer(2n)).to.equal(ethers.ZeroAddress);
    });

    it("reports the Standard class's voting delay and period", async function () {
      const s = await loadFixture(council);
      expect(await s.governor.votingDelay()).to.equal(STANDARD.votingDelay);
      expect(await s.governor.votingPeriod()).to.equal(STANDARD.votingPeriod);
      expect(await s.governor.proposalThreshold()).to.equal(0n);
    });

    it("uses timestamps as its clock", async function () {
      const s = await loadFixture(council);
      expect(await s.governor.clock()).to.equal(await latest());
      expect(await s.governor.CLOCK_MODE()).to.equal("mode=timestamp");
      await time.increase(1000);
      expect(await s.governor.clock()).to.equal(await latest());
    });

    it("is named GC Governor, version 1", async function () {
      const s = await loadFixture(council);
      expect(await s.governor.name()).to.equal("GC Governor");
      expect(await s.governor.version()).to.equal("1");
    });

    it("reports votes of a member's current voter only", async function () {
      const s = await loadFixture(council);
      const t = (await latest()) - 1n;
      expect(await s.governor.getVotes(s.voters[0].address, t)).to.equal(1n);
      expect(await s.governor.getVotesWithParams(s.voters[0].address, t, "0x")).to.equal(1n);
      expect(await s.governor.getVotes(s.admins[0].address, t)).to.equal(0n);
      await rotateVoter(s, 1, s.others[0]);
      await time.increase(1);
      expect(await s.governor.getVotes(s.voters[0].address, t)).to.equal(0n);
      expect(await s.governor.getVotes(s.others[0].address, t)).to.equal(1n);
    });
  });

  describe("OpenZeppelin client compatibility", function () {
    it("supports the IGovernor and ERC-165 interfaces", async function () {
      const s = await loadFixture(council);
      const address = await s.governor.getAddress();
      const iGovernor = await ethers.getContractAt("IGovernor", address);
      const id = interfaceId(iGovernor.interface, ["supportsInterface(bytes4)", "clock()", "CLOCK_MODE()"]);
      expect(await s.governor.supportsInterface(id)).to.equal(true);
      const getProposalId = iGovernor.interface.getFunction("getProposalId").selector;
      expect(
        await s.governor.supportsInterface(ethers.toBeHex(BigInt(id) ^ BigInt(getProposalId), 4)),
      ).to.equal(true);
      expect(await s.governor.supportsInterface("0x01ffc9a7")).to.equal(true);
      expect(await s.governor.supportsInterface("0x4e2312e0")).to.equal(true); // IERC1155Receiver
      expect(await s.governor.supportsInterface("0xffffffff")).to.equal(false);
      expect(await s.governor.supportsInterface("0x12345678")).to.equal(false);
    });

    it("runs a whole lifecycle through the IGovernor interface and its events", async function () {
      const s = await loadFixture(council);
      const address = await s.governor.getAddress();
      const ig = await ethers.getContractAt("IGovernor", address);
      const iface = ig.interface;
      const targets = [await s.timelock.getAddress()];
      const values = [0n];
      const calldatas = ["0x"];
      const description = "IGovernor client motion";
      const descHash = ethers.id(description);

      const created = eventsOf(
        await receiptOf(await ig.connect(s.secretariat).propose(targets, values, calldatas, description)),
        iface,
        address,
        "ProposalCreated",
      );
      expect(created).to.have.length(1);
      const id = BigInt(created[0].args.proposalId);
      expect(id).to.equal(1n);
      expect(created[0].args.proposer).to.equal(s.secretariat.address);
      expect(created[0].args.description).to.equal(description);
      expect(await ig.getProposalId(targets, values, calldatas, descHash)).to.equal(id);
      expect(await ig.state(id)).to.equal(ProposalState.Pending);
      const snapshot = await ig.proposalSnapshot(id);
      expect(BigInt(created[0].args.voteStart)).to.equal(snapshot);
      expect(BigInt(created[0].args.voteEnd)).to.equal(await ig.proposalDeadline(id));

      await time.increaseTo(snapshot + 1n);
      expect(await ig.state(id)).to.equal(ProposalState.Active);
      expect(await ig.getVotes(s.voters[0].address, snapshot)).to.equal(1n);
      expect(await ig.quorum(snapshot)).to.equal(4n); // For votes that pass any class: ceil(⅔ × 5)
      for (const voter of s.voters.slice(0, 3)) {
        const cast = eventsOf(
          await receiptOf(await ig.connect(voter).castVote(id, Vote.For)),
          iface,
          address,
          "VoteCast",
        );
        expect(cast).to.have.length(1);
        expect(cast[0].args.voter).to.equal(voter.address);
        expect(BigInt(cast[0].args.proposalId)).to.equal(id);
        expect(BigInt(cast[0].args.weight)).to.equal(1n);
        expect(await ig.hasVoted(id, voter.address)).to.equal(true);
      }

      await time.increaseTo((await ig.proposalDeadline(id)) + 1n);
      expect(await ig.state(id)).to.equal(ProposalState.Succeeded);
      expect(await ig.proposalNeedsQueuing(id)).to.equal(true);
      const queued = eventsOf(
        await receiptOf(await ig.connect(s.others[0]).queue(targets, values, calldatas, descHash)),
        iface,
        address,
        "ProposalQueued",
      );
      expect(queued).to.have.length(1);
      const eta = BigInt(queued[0].args.etaSeconds);
      expect(eta).to.equal(await ig.proposalEta(id));
      expect(await ig.state(id)).to.equal(ProposalState.Queued);

      await time.increaseTo(eta);
      const executed = eventsOf(
        await receiptOf(await ig.connect(s.others[0]).execute(targets, values, calldatas, descHash)),
        iface,
        address,
        "ProposalExecuted",
      );
      expect(executed).to.have.length(1);
      expect(BigInt(executed[0].args.proposalId)).to.equal(id);
      expect(await ig.state(id)).to.equal(ProposalState.Executed);
    });
  });

  describe("constructor", function () {
    /** Deploys a second governor on the fixture's vault, timelock and policy, with the default settings overridden. */
    async function deployWith(s: System, overrides: Partial<CouncilGovernor.SettingsStruct>) {
      const factory = await ethers.getContractFactory("CouncilGovernor");
      const settings: CouncilGovernor.SettingsStruct = {
        secretariat: s.secretariat.address,
        proposerRule: ProposerRule.SecretariatAndMembers,
        maxActions: MAX_ACTIONS,
        maxLiveProposals: MAX_LIVE_PROPOSALS,
        queueWindow: QUEUE_WINDOW,
        executionWindow: EXECUTION_WINDOW,
        lateQuorumExtension: LATE_QUORUM_EXTENSION,
        guardian: s.guardian.address,
        guardianTerm: GUARDIAN_TERM,
        voteExtension: ethers.ZeroAddress,
        ...overrides,
      };
      return {
        factory,
        deployment: factory.deploy(
          await s.vault.getAddress(),
          await s.timelock.getAddress(),
          await s.policy.getAddress(),
          settings,
        ),
      };
    }

    it("deploys with no guardian and no secretariat under MembersOnly", async function () {
      const s = await loadFixture(council);
      const { deployment } = await deployWith(s, {
        secretariat: ethers.ZeroAddress,
        proposerRule: ProposerRule.MembersOnly,
        guardian: ethers.ZeroAddress,
        guardianTerm: 0n,
      });
      const g = await deployment;
      expect(await g.guardian()).to.equal(ethers.ZeroAddress);
      expect(await g.guardianTermEnd()).to.equal(0n);
      expect(await g.secretariat()).to.equal(ethers.ZeroAddress);
      expect(await g.proposerRule()).to.equal(ProposerRule.MembersOnly);
    });

    const invalidLimits: [bigint, bigint][] = [
      [0n, 3n],
      [257n, 3n],
      [32n, 0n],
      [32n, 21n],
    ];
    for (const [maxActions, maxLiveProposals] of invalidLimits) {
      it(`reverts when the limits are ${maxActions} actions and ${maxLiveProposals} live motions`, async function () {
        const s = await loadFixture(council);
        const { factory, deployment } = await deployWith(s, { maxActions, maxLiveProposals });
        await expect(deployment)
          .to.be.revertedWithCustomError(factory, "GovernorInvalidProposalLimits")
          .withArgs(maxActions, maxLiveProposals);
      });
    }

    const invalidWindows: [bigint, bigint][] = [
      [DAY - 1n, 14n * DAY],
      [61n * DAY, 14n * DAY],
      [14n * DAY, DAY - 1n],
      [14n * DAY, 61n * DAY],
    ];
    for (const [queueWindow, executionWindow] of invalidWindows) {
      it(`reverts when the expiry windows are ${queueWindow} s and ${executionWindow} s`, async function () {
        const s = await loadFixture(council);
        const { factory, deployment } = await deployWith(s, { queueWindow, executionWindow });
        await expect(deployment)
          .to.be.revertedWithCustomError(factory, "GovernorInvalidExpiryWindows")
          .withArgs(queueWindow, executionWindow);
      });
    }

    it("reverts when the rule is SecretariatOnly without a secretariat", async function () {
      const s = await loadFixture(council);
      const { factory, deployment } = await deployWith(s, {
        secretariat: ethers.ZeroAddress,
        proposerRule: ProposerRule.SecretariatOnly,
      });
      await expect(deployment)
        .to.be.revertedWithCustomError(factory, "GovernorInvalidProposerRule")
        .withArgs(ethers.ZeroAddress, ProposerRule.SecretariatOnly);
    });

    for (const [guardianSet, term] of [
      [true, 0n],
      [true, 731n * DAY],
      [false, DAY],
    ] as [boolean, bigint][]) {
      it(`reverts when the guardian is ${guardianSet ? "set" : "zero"} with a term of ${term} s`, async function () {
        const s = await loadFixture(council);
        const { factory, deployment } = await deployWith(s, {
          guardian: guardianSet ? s.guardian.address : ethers.ZeroAddress,
          guardianTerm: term,
        });
        await expect(deployment)
          .to.be.revertedWithCustomError(factory, "GovernorInvalidGuardianTerm")
          .withArgs(term);
      });
    }

    it("reverts when the late-quorum extension exceeds 7 days", async function () {
      const s = await loadFixture(council);
      const { factory, deployment } = await deployWith(s, { lateQuorumExtension: 7n * DAY + 1n });
      await expect(deployment)
        .to.be.revertedWithCustomError(factory, "GovernorPreventLateQuorumVoteExtensionTooLarge")
        .withArgs(7n * DAY + 1n, 7n * DAY);
    });
  });

  describe("settings", function () {
    it("reads its configuration", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      expect(await g.timelock()).to.equal(await s.timelock.getAddress());
      expect(await g.stakeVault()).to.equal(await s.vault.getAddress());
      expect(await g.token()).to.equal(await s.vault.getAddress());
      expect(await g.councilRegistry()).to.equal(await s.registry.getAddress());
      expect(await g.motionPolicy()).to.equal(await s.policy.getAddress());
      expect(await g.secretariat()).to.equal(s.secretariat.address);
      expect(await g.proposerRule()).to.equal(ProposerRule.SecretariatAndMembers);
      expect(await g.maxActions()).to.equal(MAX_ACTIONS);
      expect(await g.maxLiveProposals()).to.equal(MAX_LIVE_PROPOSALS);
      expect(await g.queueWindow()).to.equal(QUEUE_WINDOW);
      expect(await g.executionWindow()).to.equal(EXECUTION_WINDOW);
      expect(await g.lateQuorumVoteExtension()).to.equal(LATE_QUORUM_EXTENSION);
      expect(await g.guardian()).to.equal(s.guardian.address);
      expect(await g.MAX_LATE_QUORUM_EXTENSION()).to.equal(7n * DAY);
      expect(await g.MIN_TIMELOCK_DELAY()).to.equal(2n * DAY);
    });

    it("changes its settings through a Constitutional motion", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const address = await g.getAddress();
      const newGuardian = s.others[0];
      const motion: Motion = {
        targets: [address, address, address, address],
        values: [0n, 0n, 0n, 0n],
        calldatas: [
          g.interface.encodeFunctionData("setProposalLimits", [10n, 2n]),
          g.interface.encodeFunctionData("setExpiryWindows", [7n * DAY, 21n * DAY]),
          g.interface.encodeFunctionData("setProposerRule", [
            s.secretariat.address,
            ProposerRule.MembersOnly,
          ]),
          g.interface.encodeFunctionData("setGuardian", [newGuardian.address, 30n * DAY]),
        ],
        description: "New governor settings",
      };
      const id = await passAndQueue(s, motion, s.voters[0]);
      expect(await g.motionClass(id)).to.equal(MotionClass.Constitutional);
      const tx = await g.execute(motion.targets, motion.values, motion.calldatas, descriptionHash(motion));
      const executedAt = await timeOf(tx);
      await expect(tx).to.emit(g, "ProposalLimitsSet").withArgs(10n, 2n);
      await expect(tx)
        .to.emit(g, "ExpiryWindowsSet")
        .withArgs(7n * DAY, 21n * DAY);
      await expect(tx)
        .to.emit(g, "ProposerRuleSet")
        .withArgs(s.secretariat.address, ProposerRule.MembersOnly);
      await expect(tx)
        .to.emit(g, "GuardianSet")
        .withArgs(newGuardian.address, executedAt + 30n * DAY);
      expect(await g.maxActions()).to.equal(10n);
      expect(await g.maxLiveProposals()).to.equal(2n);
      expect(await g.queueWindow()).to.equal(7n * DAY);
      expect(await g.executionWindow()).to.equal(21n * DAY);
      expect(await g.proposerRule()).to.equal(ProposerRule.MembersOnly);
      expect(await g.guardian()).to.equal(newGuardian.address);
      expect(await g.guardianTermEnd()).to.equal(executedAt + 30n * DAY);

      const m = await signallingMotion(s, "Secretariat under MembersOnly");
      await expect(g.connect(s.secretariat).propose(m.targets, m.values, m.calldatas, m.description))
        .to.be.revertedWithCustomError(g, "GovernorRestrictedProposer")
        .withArgs(s.secretariat.address);
    });

    it("lets the guardian renounce, after which it cannot cancel", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      await expect(g.connect(s.guardian).renounceGuardian())
        .to.emit(g, "GuardianSet")
        .withArgs(ethers.ZeroAddress, 0n);
      expect(await g.guardian()).to.equal(ethers.ZeroAddress);
      expect(await g.guardianTermEnd()).to.equal(0n);
      const live = await motionIn(s, ProposalState.Active);
      const m = live.motion;
      await expect(g.connect(s.guardian).cancel(m.targets, m.values, m.calldatas, descriptionHash(m)))
        .to.be.revertedWithCustomError(g, "GovernorUnableToCancel")
        .withArgs(live.id, s.guardian.address);
    });

    it("reverts when someone other than the guardian renounces", async function () {
      const s = await loadFixture(council);
      await expect(s.governor.connect(s.others[0]).renounceGuardian())
        .to.be.revertedWithCustomError(s.governor, "GovernorOnlyGuardian")
        .withArgs(s.others[0].address);
      expect(await s.governor.guardian()).to.equal(s.guardian.address);
    });

    it("reverts when a setter is called other than by a motion", async function () {
      const s = await loadFixture(council);
      const g = s.governor.connect(s.secretariat);
      const caller = s.secretariat.address;
      const calls = [
        () => g.setProposalLimits(10n, 2n),
        () => g.setExpiryWindows(7n * DAY, 7n * DAY),
        () => g.setProposerRule(caller, ProposerRule.MembersOnly),
        () => g.setGuardian(caller, DAY),
        () => g.setLateQuorumVoteExtension(DAY),
        () => g.updateTimelock(caller),
      ];
      for (const call of calls) {
        await expect(call())
          .to.be.revertedWithCustomError(s.governor, "GovernorOnlyExecutor")
          .withArgs(caller);
      }
      expect(await g.maxActions()).to.equal(MAX_ACTIONS);
      expect(await g.queueWindow()).to.equal(QUEUE_WINDOW);
      expect(await g.proposerRule()).to.equal(ProposerRule.SecretariatAndMembers);
      expect(await g.guardian()).to.equal(s.guardian.address);
      expect(await g.lateQuorumVoteExtension()).to.equal(LATE_QUORUM_EXTENSION);
      expect(await g.timelock()).to.equal(await s.timelock.getAddress());
    });
  });

  describe("deposits and executor-only functions", function () {
    it("reverts when native coin is sent to the governor", async function () {
      const s = await loadFixture(council);
      const address = await s.governor.getAddress();
      await expect(s.others[0].sendTransaction({ to: address, value: 1n })).to.be.revertedWithCustomError(
        s.governor,
        "GovernorDisabledDeposit",
      );
      expect(await ethers.provider.getBalance(address)).to.equal(0n);
    });

    it("reverts when ERC-721 or ERC-1155 tokens are offered to the governor", async function () {
      const s = await loadFixture(council);
      const g = s.governor;
      const a = s.others[0].address;
      await expect(g.onERC721Received(a, a, 1n, "0x")).to.be.revertedWithCustomError(
        g,
        "GovernorDisabledDeposit",
      );
      await expect(g.onERC1155Received(a, a, 1n, 1n, "0x")).to.be.revertedWithCustomError(
        g,
        "GovernorDisabledDeposit",
      );
      await expect(g.onERC1155BatchReceived(a, a, [1n], [1n], "0x")).to.be.revertedWithCustomError(
        g,
        "GovernorDisabledDeposit",
      );
    });

    it("reverts when anyone but the timelock calls relay", async function () {
      const s = await loadFixture(council);
      await expect(s.governor.connect(s.others[0]).relay(s.others[1].address, 0n, "0x"))
        .to.be.revertedWithCustomError(s.governor, "GovernorOnlyExecutor")
        .withArgs(s.others[0].address);
    });
  });
});
