/**
 * Attacks on the council's governance: CouncilGovernor, its extensions, MotionPolicy and the timelock they drive.
 *
 * One `it` per attack. Each test says, in a one-line comment, which line of which contract stops the attack: the
 * test fails if that line is removed. Every revert is asserted with its custom error and exact arguments, followed
 * by a comparison of the whole system's state (motions, tallies, settings, timelock roles and delay, class
 * configurations, membership, votes, balances, block number) proving that nothing changed.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type { BaseContract, ContractTransactionResponse } from "ethers";

import type { ReentrantTarget, SettableTarget } from "../../typechain-types/index.js";
import { DAY, STAKE_UNIT, ethers, networkHelpers } from "../utils/council.js";
import {
  DEFAULT_CLASS_CONFIGS,
  EXECUTION_WINDOW,
  MAX_ACTIONS,
  MotionClass,
  ProposalState,
  QUEUE_WINDOW,
  TIMELOCK_MIN_DELAY,
  Vote,
  deploySystem,
  descriptionHash,
  propose,
  queue,
  signallingMotion,
  voteAll,
  waitForDeadline,
  waitForEta,
  waitForSnapshot,
} from "../utils/governance.js";
import type { ClassConfig, System } from "../utils/governance.js";
import { inOneBlock, maxOf, stateBitmap } from "../utils/blocks.js";

type TxPromise = Promise<ContractTransactionResponse>;

/** A motion with concrete types (assignable to the fixture's `Motion`). */
interface Action {
  targets: string[];
  values: bigint[];
  calldatas: string[];
  description: string;
}

interface TargetSystem extends System {
  target: SettableTarget;
}

interface ReentrantSystem extends System {
  attacker: ReentrantTarget;
}

// ---------------------------------------------------------------- fixtures (named, for loadFixture)

/** Five members with one stake unit each: votes 1 each, total 5, cap 4. */
function system(): Promise<System> {
  return deploySystem();
}

/** Member 5 bonded nothing: four eligible members with one vote each, cap 3. */
function systemWithIneligibleMember(): Promise<System> {
  return deploySystem({ stakes: [1n, 1n, 1n, 1n, 0n] });
}

/** Member 1 bonded two units: votes 2/1/1/1/1, total 6; Standard quorum is 2 voters or 2 votes. */
function systemWithHeavyMember(): Promise<System> {
  return deploySystem({ stakes: [2n, 1n, 1n, 1n, 1n] });
}

/** A SettableTarget whose `setValue` is classified Standard. */
async function systemWithTarget(): Promise<TargetSystem> {
  const target = await ethers.deployContract("SettableTarget");
  const s = await deploySystem({
    actionClasses: [
      {
        target: await target.getAddress(),
        selector: target.interface.getFunction("setValue").selector,
        motionClass: MotionClass.Standard,
      },
    ],
  });
  return { ...s, target };
}

/** A ReentrantTarget pointed at the system's governor and timelock (an unknown target: Constitutional). */
async function systemWithReentrantTarget(): Promise<ReentrantSystem> {
  const s = await deploySystem();
  const attacker = await ethers.deployContract("ReentrantTarget", [
    await s.governor.getAddress(),
    await s.timelock.getAddress(),
  ]);
  return { ...s, attacker };
}

// ---------------------------------------------------------------- helpers

const QUEUED = stateBitmap(ProposalState.Queued);
const SUCCEEDED = stateBitmap(ProposalState.Succeeded);

function action(target: string, data: string, description: string, value = 0n): Action {
  return { targets: [target], values: [value], calldatas: [data], description };
}

/** A Standard signalling motion: an empty, value-less call to the timelock. */
async function signalAction(s: System, description: string): Promise<Action> {
  return action(await s.timelock.getAddress(), "0x", description);
}

function proposeTx(s: System, m: Action, proposer: HardhatEthersSigner): TxPromise {
  return s.governor.connect(proposer).propose(m.targets, m.values, m.calldatas, m.description);
}

function queueTx(s: System, m: Action): TxPromise {
  return s.governor.queue(m.targets, m.values, m.calldatas, descriptionHash(m));
}

function executeTx(s: System, m: Action, value = 0n, caller?: HardhatEthersSigner): TxPromise {
  const governor = caller ? s.governor.connect(caller) : s.governor;
  return governor.execute(m.targets, m.values, m.calldatas, descriptionHash(m), { value });
}

/**
 * Proposes every motion (proposers taken in turn), has every member vote For, queues them all and waits for the
 * latest ETA. Returns the ids.
 */
async function passToEta(s: System, motions: Action[], proposers: HardhatEthersSigner[]): Promise<bigint[]> {
  const ids: bigint[] = [];
  for (let i = 0; i < motions.length; i++)
    ids.push(await propose(s, motions[i], proposers[i % proposers.length]));
  await networkHelpers.time.increaseTo((await maxOf(ids, (id) => s.governor.proposalSnapshot(id))) + 1n);
  for (const id of ids) await voteAll(s, id, s.voters, Vote.For);
  await networkHelpers.time.increaseTo((await maxOf(ids, (id) => s.governor.proposalDeadline(id))) + 1n);
  for (const m of motions) await queue(s, m);
  await networkHelpers.time.increaseTo(await maxOf(ids, (id) => s.governor.proposalEta(id)));
  return ids;
}

/** Everything a failed call could have changed, across the whole system. */
async function systemState(s: System): Promise<Record<string, unknown>> {
  const { governor, timelock, policy, vault, registry } = s;
  const out: Record<string, unknown> = {};
  const count = await governor.proposalCount();
  for (let id = 1n; id <= count; id++) {
    out[`motion ${id}`] = [
      ...(await s.lens.motionDetails(await governor.getAddress(), id)),
      await governor.motionClass(id),
      await governor.proposalCodeDigest(id),
    ];
  }
  out.governor = [
    await governor.timelock(),
    await governor.secretariat(),
    await governor.proposerRule(),
    await governor.maxActions(),
    await governor.maxLiveProposals(),
    await governor.queueWindow(),
    await governor.executionWindow(),
    await governor.lateQuorumVoteExtension(),
    await governor.guardian(),
    await governor.guardianTermEnd(),
  ];
  const governorAddress = await governor.getAddress();
  const timelockAddress = await timelock.getAddress();
  const accounts = [
    governorAddress,
    timelockAddress,
    ethers.ZeroAddress,
    ...(await ethers.getSigners()).map((x) => x.address),
  ];
  const roles = [
    await timelock.DEFAULT_ADMIN_ROLE(),
    await timelock.PROPOSER_ROLE(),
    await timelock.EXECUTOR_ROLE(),
    await timelock.CANCELLER_ROLE(),
  ];
  const held: string[] = [];
  for (const role of roles) {
    for (const a of accounts) if (await timelock.hasRole(role, a)) held.push(`${role}/${a}`);
  }
  out.roles = held;
  out.minDelay = await timelock.getMinDelay();
  for (let c = 0; c < 5; c++) out[`class ${c}`] = [...(await policy.classConfig(c))];
  out.owners = [await registry.owner(), await vault.owner(), await policy.owner()];
  const members = await registry.memberCount();
  for (let id = 1n; id <= members; id++) {
    out[`member ${id}`] = [
      ...(await registry.memberAccounts(id)),
      await vault.stakeOf(id),
      await vault.memberVotes(id),
    ];
  }
  out.vault = [await vault.totalVotes(), await vault.eligibleCount(), await vault.totalStaked()];
  for (const a of [governorAddress, timelockAddress, await vault.getAddress()]) {
    out[`balance ${a}`] = await ethers.provider.getBalance(a);
  }
  out.block = await ethers.provider.getBlockNumber();
  return out;
}

/** Asserts that `send` reverts with `contract`'s custom error `error(args)` and that nothing changed. */
async function expectRevert(
  s: System,
  send: () => Promise<unknown>,
  contract: BaseContract,
  error: string,
  args: unknown[],
): Promise<void> {
  const before = await systemState(s);
  await expect(send())
    .to.be.revertedWithCustomError(contract, error)
    .withArgs(...args);
  expect(await systemState(s)).to.deep.equal(before);
}

/** Signs an EIP-712 Ballot for the governor, optionally with a forged domain field. */
async function signBallot(
  s: System,
  signer: HardhatEthersSigner,
  proposalId: bigint,
  support: Vote,
  nonce: bigint,
  domainOverride: { chainId?: bigint; verifyingContract?: string } = {},
): Promise<string> {
  const [, name, version, chainId, verifyingContract] = await s.governor.eip712Domain();
  const domain = {
    name,
    version,
    chainId: domainOverride.chainId ?? chainId,
    verifyingContract: domainOverride.verifyingContract ?? verifyingContract,
  };
  const types = {
    Ballot: [
      { name: "proposalId", type: "uint256" },
      { name: "support", type: "uint8" },
      { name: "voter", type: "address" },
      { name: "nonce", type: "uint256" },
    ],
  };
  return signer.signTypedData(domain, types, { proposalId, support, voter: signer.address, nonce });
}

function withConfig(cls: MotionClass, change: Partial<ClassConfig>): ClassConfig {
  return { ...DEFAULT_CLASS_CONFIGS[cls], ...change };
}

// ---------------------------------------------------------------- attacks

describe("attacks", function () {
  it("flash-stake voting: stake bonded after the snapshot adds no weight; a member eligible only after it cannot vote", async function () {
    // Depends on GovernorCouncilVotes.sol:54 — weight is getPastMemberVotes(memberId, timepoint) at the snapshot.
    const s = await networkHelpers.loadFixture(systemWithIneligibleMember);
    const id = await propose(s, await signallingMotion(s), s.secretariat);
    await waitForSnapshot(s, id);
    const huge = 150n * STAKE_UNIT;

    // A block after the snapshot, member 1 bonds 150 units: its current votes jump to the cap (3).
    await s.vault.connect(s.admins[0]).stake(huge, { value: huge });
    expect(await s.vault.memberVotes(1n)).to.equal(3n);
    await expect(s.governor.connect(s.voters[0]).castVote(id, Vote.For))
      .to.emit(s.governor, "VoteCast")
      .withArgs(s.voters[0].address, id, Vote.For, 1n, "");

    // Member 2 bonds 150 units and votes in the same block.
    const [stakeTx, voteTx] = await inOneBlock([
      () => s.vault.connect(s.admins[1]).stake(huge, { value: huge, gasLimit: 1_000_000n }),
      () => s.governor.connect(s.voters[1]).castVote(id, Vote.For, { gasLimit: 1_000_000n }),
    ]);
    const stakeReceipt = await stakeTx.wait();
    const voteReceipt = await voteTx.wait();
    expect(voteReceipt?.blockNumber).to.equal(stakeReceipt?.blockNumber);
    expect(await s.vault.memberVotes(2n)).to.equal(3n);
    await expect(voteTx).to.emit(s.governor, "VoteCast").withArgs(s.voters[1].address, id, Vote.For, 1n, "");

    // Member 5 becomes eligible after the snapshot: it has votes now, none at the snapshot.
    await s.vault.connect(s.admins[4]).stake(STAKE_UNIT, { value: STAKE_UNIT });
    expect(await s.vault.isEligible(5n)).to.equal(true);
    expect(await s.vault.memberVotes(5n)).to.equal(1n);
    await expectRevert(
      s,
      () => s.governor.connect(s.voters[4]).castVote(id, Vote.For),
      s.governor,
      "GovernorNoVotingPower",
      [id, s.voters[4].address],
    );

    expect([...(await s.governor.proposalVotes(id))]).to.deep.equal([0n, 2n, 0n]);
    expect(await s.governor.proposalVoters(id)).to.equal(2n);
    expect(await s.governor.hasMemberVoted(id, 5n)).to.equal(false);
  });

  it("target code swapped after the vote: execution refuses a changed target, not a payee that received coin", async function () {
    // Depends on GovernorCodePinning.sol:61 (digest compared before execution) and :38 (no code = empty code).
    const s = await networkHelpers.loadFixture(systemWithTarget);
    const targetAddress = await s.target.getAddress();
    const timelockAddress = await s.timelock.getAddress();
    const payee = ethers.getAddress(ethers.zeroPadValue("0xbeef01", 20));
    const eoaTarget = ethers.getAddress(ethers.zeroPadValue("0xbeef02", 20));
    const amount = ethers.parseEther("10");
    await s.others[0].sendTransaction({ to: timelockAddress, value: 2n * amount });

    const setValue = action(
      targetAddress,
      s.target.interface.encodeFunctionData("setValue", [42n]),
      "Set the value to 42",
    );
    const pay = action(payee, "0x", "Pay the contractor", amount);
    const payCodeless = action(eoaTarget, "0x", "Pay the other contractor", amount);
    const [setId, payId, codelessId] = await passToEta(s, [setValue, pay, payCodeless], [s.secretariat]);
    expect(await s.governor.motionClass(setId)).to.equal(MotionClass.Standard);
    // A plain coin transfer to an account without code is a Treasury motion.
    expect(await s.governor.motionClass(payId)).to.equal(MotionClass.Treasury);

    // The target's code is swapped (CREATE2 redeploy or upgrade) after the vote.
    const originalCode = await ethers.provider.getCode(targetAddress);
    const other = await ethers.deployContract("ReentrantTarget", [
      await s.governor.getAddress(),
      timelockAddress,
    ]);
    await networkHelpers.setCode(targetAddress, await ethers.provider.getCode(await other.getAddress()));
    await expectRevert(s, () => executeTx(s, setValue), s.governor, "GovernorTargetCodeChanged", [setId]);

    // With the voted code back, the same motion executes.
    await networkHelpers.setCode(targetAddress, originalCode);
    await expect(executeTx(s, setValue)).to.emit(s.governor, "ProposalExecuted").withArgs(setId);
    expect(await s.target.value()).to.equal(42n);
    expect(await s.target.lastCaller()).to.equal(timelockAddress);

    // A payee that had no account at proposal time receives coin meanwhile: execution still goes through.
    expect(await ethers.provider.getBalance(payee)).to.equal(0n);
    await s.others[1].sendTransaction({ to: payee, value: 1n });
    await expect(executeTx(s, pay)).to.emit(s.governor, "ProposalExecuted").withArgs(payId);
    expect(await ethers.provider.getBalance(payee)).to.equal(amount + 1n);
    expect(await s.governor.state(payId)).to.equal(ProposalState.Executed);

    // An account without code that gains code is a changed target.
    await networkHelpers.setCode(eoaTarget, originalCode);
    await expectRevert(s, () => executeTx(s, payCodeless), s.governor, "GovernorTargetCodeChanged", [
      codelessId,
    ]);
  });

  it("double voting: through voter-key rotation, through re-staking, and from a rotated-away key", async function () {
    // Depends on GovernorCouncilCounting.sol:161 — the tally is keyed by member id, not by voter account.
    const s = await networkHelpers.loadFixture(system);
    const id = await propose(s, await signallingMotion(s), s.secretariat);
    await waitForSnapshot(s, id);
    const [newKey1, newKey3] = s.others;

    // Member 1 votes, rotates its voter key, and tries again from the new key and from the old one.
    await s.governor.connect(s.voters[0]).castVote(id, Vote.For);
    await s.registry.connect(s.admins[0]).proposeVoter(1n, newKey1.address);
    await s.registry.connect(newKey1).acceptVoter(1n);
    await expectRevert(
      s,
      () => s.governor.connect(newKey1).castVote(id, Vote.For),
      s.governor,
      "GovernorMemberAlreadyVoted",
      [id, 1n],
    );
    await expectRevert(
      s,
      () => s.governor.connect(s.voters[0]).castVote(id, Vote.For),
      s.governor,
      "GovernorNoVotingPower",
      [id, s.voters[0].address],
    );
    expect(await s.governor.hasVoted(id, newKey1.address)).to.equal(true);

    // Member 2 votes Against, then unstakes, restakes and bonds more: no second vote, no extra weight.
    await s.governor.connect(s.voters[1]).castVote(id, Vote.Against);
    await s.vault.connect(s.admins[1]).requestUnstake(2n, STAKE_UNIT);
    await s.vault.connect(s.admins[1]).restake(2n, 0n);
    await s.vault.connect(s.admins[1]).stake(3n * STAKE_UNIT, { value: 3n * STAKE_UNIT });
    expect(await s.vault.memberVotes(2n)).to.equal(4n);
    await expectRevert(
      s,
      () => s.governor.connect(s.voters[1]).castVote(id, Vote.For),
      s.governor,
      "GovernorMemberAlreadyVoted",
      [id, 2n],
    );

    // Member 3 rotates before voting: the old key has no power, the new key casts the snapshot weight.
    await s.registry.connect(s.admins[2]).proposeVoter(3n, newKey3.address);
    await s.registry.connect(newKey3).acceptVoter(3n);
    await expectRevert(
      s,
      () => s.governor.connect(s.voters[2]).castVote(id, Vote.For),
      s.governor,
      "GovernorNoVotingPower",
      [id, s.voters[2].address],
    );
    await expect(s.governor.connect(newKey3).castVote(id, Vote.For))
      .to.emit(s.governor, "VoteCast")
      .withArgs(newKey3.address, id, Vote.For, 1n, "");

    // Member 4: a ballot with an out-of-range support value is refused; an abstention counts once.
    await expectRevert(
      s,
      () => s.governor.connect(s.voters[3]).castVote(id, 3),
      s.governor,
      "GovernorInvalidVoteType",
      [],
    );
    await s.governor.connect(s.voters[3]).castVote(id, Vote.Abstain);
    await expectRevert(
      s,
      () => s.governor.connect(s.voters[3]).castVote(id, Vote.For),
      s.governor,
      "GovernorMemberAlreadyVoted",
      [id, 4n],
    );

    expect([...(await s.governor.proposalVotes(id))]).to.deep.equal([1n, 2n, 1n]);
    expect(await s.governor.proposalVoters(id)).to.equal(4n);
  });

  it("signature replay: across proposals, chains, contracts, a tampered support and a used nonce", async function () {
    // Depends on Governor.sol:578 (OpenZeppelin) — the Ballot digest binds proposalId, support, voter and a
    // nonce under the EIP-712 domain (name, version, chainId, verifying contract).
    const s = await networkHelpers.loadFixture(system);
    const id1 = await propose(s, await signallingMotion(s, "Signal one"), s.secretariat);
    const id2 = await propose(s, await signallingMotion(s, "Signal two"), s.secretariat);
    await waitForSnapshot(s, id2);
    const voter = s.voters[0];
    const relayer = s.others[0];
    const cast = (id: bigint, support: Vote, signature: string) => () =>
      s.governor.connect(relayer).castVoteBySig(id, support, voter.address, signature);

    const signature = await signBallot(s, voter, id1, Vote.For, 0n);
    const otherChain = await signBallot(s, voter, id1, Vote.For, 0n, { chainId: 1n });
    const otherContract = await signBallot(s, voter, id1, Vote.For, 0n, {
      verifyingContract: await s.policy.getAddress(),
    });
    await expectRevert(s, cast(id2, Vote.For, signature), s.governor, "GovernorInvalidSignature", [
      voter.address,
    ]);
    await expectRevert(s, cast(id1, Vote.Against, signature), s.governor, "GovernorInvalidSignature", [
      voter.address,
    ]);
    await expectRevert(s, cast(id1, Vote.For, otherChain), s.governor, "GovernorInvalidSignature", [
      voter.address,
    ]);
    await expectRevert(s, cast(id1, Vote.For, otherContract), s.governor, "GovernorInvalidSignature", [
      voter.address,
    ]);

    await expect(cast(id1, Vote.For, signature)())
      .to.emit(s.governor, "VoteCast")
      .withArgs(voter.address, id1, Vote.For, 1n, "");
    expect(await s.governor.nonces(voter.address)).to.equal(1n);
    await expectRevert(s, cast(id1, Vote.For, signature), s.governor, "GovernorInvalidSignature", [
      voter.address,
    ]);
    await expectRevert(s, cast(id2, Vote.For, signature), s.governor, "GovernorInvalidSignature", [
      voter.address,
    ]);
    expect(await s.governor.hasVoted(id2, voter.address)).to.equal(false);
  });

  it("reentrancy into execute: a target re-entering execute or queue for the same motion fails; it executes once", async function () {
    // Depends on Governor.sol:410 (OpenZeppelin) — `executed = true` is set before the timelock runs the calls.
    const s = await networkHelpers.loadFixture(systemWithReentrantTarget);
    const attackerAddress = await s.attacker.getAddress();
    const data = s.attacker.interface.encodeFunctionData("attack");
    const caught = action(attackerAddress, data, "Re-enter execute, swallow the error");
    const bubbled = action(attackerAddress, data, "Re-enter execute, bubble the error");
    const requeue = action(attackerAddress, data, "Re-enter queue, bubble the error");
    const [caughtId, bubbledId, requeueId] = await passToEta(s, [caught, bubbled, requeue], [s.secretariat]);
    const arm = (mode: number, bubble: boolean, m: Action) =>
      s.attacker.arm(mode, bubble, m.targets, m.values, m.calldatas, descriptionHash(m));
    const EXECUTE = 1;
    const QUEUE = 2;

    // The inner execute fails with the unexpected-state error; the outer execution completes, once.
    await arm(EXECUTE, false, caught);
    const tx = executeTx(s, caught);
    await expect(tx).to.emit(s.governor, "ProposalExecuted").withArgs(caughtId);
    const receipt = await (await tx).wait();
    const executedEvents = (receipt?.logs ?? []).filter(
      (log) => s.governor.interface.parseLog(log)?.name === "ProposalExecuted",
    );
    expect(executedEvents).to.have.length(1);
    expect(await s.attacker.attacks()).to.equal(1n);
    expect(await s.attacker.reentrySuccesses()).to.equal(0n);
    expect(await s.attacker.lastRevertData()).to.equal(
      s.governor.interface.encodeErrorResult("GovernorUnexpectedProposalState", [
        caughtId,
        ProposalState.Executed,
        QUEUED,
      ]),
    );
    expect(await s.governor.state(caughtId)).to.equal(ProposalState.Executed);
    await expectRevert(s, () => executeTx(s, caught), s.governor, "GovernorUnexpectedProposalState", [
      caughtId,
      ProposalState.Executed,
      QUEUED,
    ]);

    // Bubbled up, the inner failure reverts the whole execution; disarmed, the motion then executes normally.
    await arm(EXECUTE, true, bubbled);
    await expectRevert(s, () => executeTx(s, bubbled), s.governor, "GovernorUnexpectedProposalState", [
      bubbledId,
      ProposalState.Executed,
      QUEUED,
    ]);
    await arm(QUEUE, true, requeue);
    await expectRevert(s, () => executeTx(s, requeue), s.governor, "GovernorUnexpectedProposalState", [
      requeueId,
      ProposalState.Executed,
      SUCCEEDED,
    ]);
    await arm(0, false, bubbled);
    await expect(executeTx(s, bubbled)).to.emit(s.governor, "ProposalExecuted").withArgs(bubbledId);
    expect(await s.attacker.attacks()).to.equal(2n);
    expect(await s.governor.state(bubbledId)).to.equal(ProposalState.Executed);
    expect(await s.governor.state(requeueId)).to.equal(ProposalState.Queued);
  });

  it("bricking parameters: a motion setting an unusable class configuration reverts", async function () {
    // Depends on MotionPolicy.sol:179 (voting period floor), :181 (delay floor), :185 (quorum <= 100 %) and :190.
    const s = await networkHelpers.loadFixture(system);
    const policyAddress = await s.policy.getAddress();
    const cases: [MotionClass, Partial<ClassConfig>, string][] = [
      [MotionClass.Standard, { votingPeriod: 0n }, "a zero voting period"],
      [MotionClass.Treasury, { memberQuorumBps: 10_001n }, "a member quorum above 100 %"],
      [MotionClass.Constitutional, { timelockDelay: TIMELOCK_MIN_DELAY - 1n }, "a delay below the floor"],
      [MotionClass.NoConfidence, { approvalNumerator: 1n, approvalDenominator: 3n }, "approval below 1/2"],
    ];
    const motions = cases.map(([cls, change, label]) =>
      action(
        policyAddress,
        s.policy.interface.encodeFunctionData("setClassConfig", [cls, withConfig(cls, change)]),
        `Set ${label}`,
      ),
    );
    const ids = await passToEta(s, motions, [s.secretariat, s.voters[0]]);
    for (let i = 0; i < cases.length; i++) {
      expect(await s.governor.motionClass(ids[i])).to.equal(MotionClass.Constitutional);
      await expectRevert(s, () => executeTx(s, motions[i]), s.policy, "MotionPolicyInvalidClassConfig", [
        cases[i][0],
      ]);
    }
  });

  it("bricking parameters: a motion leaving the timelock ungovernable reverts GovernorTimelockCompromised", async function () {
    // Depends on CouncilGovernor._executeOperations (asks MotionPolicy.timelockGovernable after every execution that
    // called the timelock or the governor).
    const s = await networkHelpers.loadFixture(system);
    const governorAddress = await s.governor.getAddress();
    const timelockAddress = await s.timelock.getAddress();
    const tl = s.timelock.interface;
    const [proposer, executor, canceller] = [
      await s.timelock.PROPOSER_ROLE(),
      await s.timelock.EXECUTOR_ROLE(),
      await s.timelock.CANCELLER_ROLE(),
    ];
    const cases: [Action, string][] = [
      [
        action(
          timelockAddress,
          tl.encodeFunctionData("revokeRole", [proposer, governorAddress]),
          "No proposer",
        ),
        timelockAddress,
      ],
      [
        action(
          timelockAddress,
          tl.encodeFunctionData("revokeRole", [executor, governorAddress]),
          "No executor",
        ),
        timelockAddress,
      ],
      [
        action(
          timelockAddress,
          tl.encodeFunctionData("revokeRole", [canceller, governorAddress]),
          "No canceller",
        ),
        timelockAddress,
      ],
      [
        action(timelockAddress, tl.encodeFunctionData("updateDelay", [2n * DAY - 1n]), "Short delay"),
        timelockAddress,
      ],
      [
        action(timelockAddress, tl.encodeFunctionData("updateDelay", [2n * DAY + 1n]), "Long delay"),
        timelockAddress,
      ],
    ];
    const motions = cases.map(([m]) => m);
    await passToEta(s, motions, [s.secretariat, s.voters[0], s.voters[1]]);
    for (const [m, reported] of cases) {
      await expectRevert(s, () => executeTx(s, m), s.governor, "GovernorTimelockCompromised", [reported]);
    }
    expect(await s.governor.timelock()).to.equal(timelockAddress);
  });

  it("timelock swap: a motion moving the governor to another timelock is refused at proposal", async function () {
    // Depends on MotionPolicy._checkGovernorCall — the other timelock's role holders (or anyone, with an open
    // executor role) would command the governor, and through relay the council's timelock.
    const s = await networkHelpers.loadFixture(system);
    const governorAddress = await s.governor.getAddress();
    const selector = s.governor.interface.getFunction("updateTimelock").selector;
    const orphan = await ethers.deployContract("TimelockController", [
      TIMELOCK_MIN_DELAY,
      [],
      [],
      ethers.ZeroAddress,
    ]);
    // The governor holds every role there, but anyone may execute: its class delays could be bypassed.
    const open = await ethers.deployContract("TimelockController", [
      TIMELOCK_MIN_DELAY,
      [governorAddress],
      [governorAddress, ethers.ZeroAddress],
      ethers.ZeroAddress,
    ]);
    // Even a properly configured one: the move itself is refused.
    const proper = await ethers.deployContract("TimelockController", [
      TIMELOCK_MIN_DELAY,
      [governorAddress],
      [governorAddress],
      ethers.ZeroAddress,
    ]);
    for (const [label, other] of [
      ["an orphan timelock", orphan],
      ["a timelock with an open executor role", open],
      ["a properly configured timelock", proper],
    ] as const) {
      const move = action(
        governorAddress,
        s.governor.interface.encodeFunctionData("updateTimelock", [await other.getAddress()]),
        `Move to ${label}`,
      );
      await expectRevert(
        s,
        () => proposeTx(s, move, s.secretariat),
        s.policy,
        "MotionPolicyForbiddenAction",
        [selector],
      );
    }
    expect(await s.governor.timelock()).to.equal(await s.timelock.getAddress());
  });

  it("timelock bypass: a motion granting a timelock role to anyone but the governor is refused at proposal", async function () {
    // Depends on MotionPolicy._checkTimelockCall — an extra admin, proposer, executor or canceller could execute
    // or cancel queued operations directly, skipping the class delay, code pinning and expiry. The timelock
    // cannot enumerate role holders, so the policy refuses such grants when the motion is proposed.
    const s = await networkHelpers.loadFixture(system);
    const timelockAddress = await s.timelock.getAddress();
    const selector = s.timelock.interface.getFunction("grantRole").selector;
    const roles = [
      await s.timelock.DEFAULT_ADMIN_ROLE(),
      await s.timelock.PROPOSER_ROLE(),
      await s.timelock.EXECUTOR_ROLE(),
      await s.timelock.CANCELLER_ROLE(),
    ];
    for (const [i, [role, account]] of roles
      .flatMap((role) => [
        [role, s.others[0].address],
        [role, ethers.ZeroAddress],
      ])
      .entries()) {
      const grant = action(
        timelockAddress,
        s.timelock.interface.encodeFunctionData("grantRole", [role, account]),
        `An extra timelock role ${i}`,
      );
      await expectRevert(
        s,
        () => proposeTx(s, grant, s.secretariat),
        s.policy,
        "MotionPolicyForbiddenAction",
        [selector],
      );
    }
    // Malformed grantRole calldata is refused too.
    const truncated = action(timelockAddress, selector + "00".repeat(31), "A truncated grant");
    await expectRevert(
      s,
      () => proposeTx(s, truncated, s.secretariat),
      s.policy,
      "MotionPolicyForbiddenAction",
      [selector],
    );
    // Granting a role to the governor itself (harmless) is an ordinary Constitutional motion.
    const own = action(
      timelockAddress,
      s.timelock.interface.encodeFunctionData("grantRole", [roles[2], await s.governor.getAddress()]),
      "Re-grant the governor's executor role",
    );
    await passToEta(s, [own], [s.secretariat]);
    await executeTx(s, own);
    expect(await s.timelock.hasRole(roles[2], await s.governor.getAddress())).to.equal(true);
  });

  it("timelock bypass: nobody but the governor holds a timelock role, schedules, executes or cancels, or beats the class delay", async function () {
    // Depends on GovernorMotionClasses.sol:143 — the class ETA (7 days) is enforced above the timelock's 2 days.
    const s = await networkHelpers.loadFixture(system);
    const governorAddress = await s.governor.getAddress();
    const timelockAddress = await s.timelock.getAddress();
    const roles = {
      admin: await s.timelock.DEFAULT_ADMIN_ROLE(),
      proposer: await s.timelock.PROPOSER_ROLE(),
      executor: await s.timelock.EXECUTOR_ROLE(),
      canceller: await s.timelock.CANCELLER_ROLE(),
    };
    for (const signer of await ethers.getSigners()) {
      for (const role of Object.values(roles))
        expect(await s.timelock.hasRole(role, signer.address)).to.equal(false);
    }
    expect(await s.timelock.hasRole(roles.admin, timelockAddress)).to.equal(true);
    expect(await s.timelock.hasRole(roles.admin, governorAddress)).to.equal(false);
    for (const role of [roles.proposer, roles.executor, roles.canceller]) {
      expect(await s.timelock.hasRole(role, governorAddress)).to.equal(true);
    }
    expect(await s.timelock.hasRole(roles.executor, ethers.ZeroAddress)).to.equal(false);

    // A Constitutional motion, queued: the timelock operation is ready after 2 days, the motion after 7.
    const m = action(
      governorAddress,
      s.governor.interface.encodeFunctionData("setProposalLimits", [MAX_ACTIONS, 5n]),
      "Five live motions per proposer",
    );
    const id = await propose(s, m, s.secretariat);
    await waitForSnapshot(s, id);
    await voteAll(s, id, s.voters, Vote.For);
    await waitForDeadline(s, id);
    await queue(s, m);
    const eta = await s.governor.proposalEta(id);
    const salt = ethers.toBeHex((BigInt(governorAddress) * 2n ** 96n) ^ BigInt(descriptionHash(m)), 32);
    const opId = await s.timelock.hashOperationBatch(m.targets, m.values, m.calldatas, ethers.ZeroHash, salt);
    expect(await s.timelock.isOperationPending(opId)).to.equal(true);
    await networkHelpers.time.increase(TIMELOCK_MIN_DELAY);
    expect(await s.timelock.isOperationReady(opId)).to.equal(true);

    for (const attacker of [s.deployer, s.secretariat, s.guardian, s.voters[0]]) {
      await expectRevert(
        s,
        () =>
          s.timelock.connect(attacker).executeBatch(m.targets, m.values, m.calldatas, ethers.ZeroHash, salt),
        s.timelock,
        "AccessControlUnauthorizedAccount",
        [attacker.address, roles.executor],
      );
      await expectRevert(
        s,
        () =>
          s.timelock
            .connect(attacker)
            .schedule(
              timelockAddress,
              0n,
              "0x",
              ethers.ZeroHash,
              ethers.id(attacker.address),
              TIMELOCK_MIN_DELAY,
            ),
        s.timelock,
        "AccessControlUnauthorizedAccount",
        [attacker.address, roles.proposer],
      );
      await expectRevert(
        s,
        () => s.timelock.connect(attacker).cancel(opId),
        s.timelock,
        "AccessControlUnauthorizedAccount",
        [attacker.address, roles.canceller],
      );
      await expectRevert(
        s,
        () => s.timelock.connect(attacker).grantRole(roles.executor, attacker.address),
        s.timelock,
        "AccessControlUnauthorizedAccount",
        [attacker.address, roles.admin],
      );
      await expectRevert(
        s,
        () => s.timelock.connect(attacker).updateDelay(0n),
        s.timelock,
        "TimelockUnauthorizedCaller",
        [attacker.address],
      );
    }
    // Through the governor, the operation is refused until the class ETA.
    await expectRevert(s, () => executeTx(s, m), s.governor, "GovernorMotionNotReady", [id, eta]);
    await networkHelpers.time.increaseTo(eta);
    await expect(executeTx(s, m)).to.emit(s.governor, "ProposalLimitsSet").withArgs(MAX_ACTIONS, 5n);
    expect(await s.timelock.isOperationDone(opId)).to.equal(true);
  });

  it("timelock bypass: owner-only functions of the registry, vault and policy revert for every EOA", async function () {
    // Depends on Ownable.sol:48-51 `onlyOwner` (OpenZeppelin) with the timelock as owner (GovernedOwnable constructor).
    const s = await networkHelpers.loadFixture(system);
    const timelockAddress = await s.timelock.getAddress();
    expect(await s.registry.owner()).to.equal(timelockAddress);
    expect(await s.vault.owner()).to.equal(timelockAddress);
    expect(await s.policy.owner()).to.equal(timelockAddress);
    const config = DEFAULT_CLASS_CONFIGS[MotionClass.Standard];
    for (const attacker of [s.deployer, s.secretariat, s.guardian, s.admins[0], s.voters[0], s.others[0]]) {
      const calls: (() => Promise<unknown>)[] = [
        () => s.registry.connect(attacker).admit(1n),
        () => s.registry.connect(attacker).remove(1n),
        () => s.registry.connect(attacker).setCouncilSizeBounds(1n, 100n),
        () => s.registry.connect(attacker).transferOwnership(attacker.address),
        () => s.vault.connect(attacker).setStakeUnit(1n),
        () => s.vault.connect(attacker).setUnbondingPeriod(DAY),
        () => s.vault.connect(attacker).recoverExcess(ethers.ZeroAddress, attacker.address),
        () => s.policy.connect(attacker).setClassConfig(MotionClass.Standard, config),
        () =>
          s.policy
            .connect(attacker)
            .setActionClasses([
              { target: attacker.address, selector: "0x12345678", motionClass: MotionClass.Standard },
            ]),
        () => s.policy.connect(attacker).clearActionClass(attacker.address, "0x12345678"),
        () => s.policy.connect(attacker).transferOwnership(attacker.address),
      ];
      for (const call of calls) {
        await expectRevert(s, call, s.policy, "OwnableUnauthorizedAccount", [attacker.address]);
      }
    }
  });

  it("low-participation Constitutional change: a few For votes defeat it, the same participation passes a Standard motion", async function () {
    // Depends on GovernorMotionClasses.sol:114 — the class's quorum (1/2 for Constitutional) is copied into the motion.
    const s = await networkHelpers.loadFixture(system);
    const constitutional = action(
      await s.governor.getAddress(),
      s.governor.interface.encodeFunctionData("setProposalLimits", [MAX_ACTIONS, 20n]),
      "Twenty live motions per proposer",
    );
    const standard = await signallingMotion(s);
    const cId = await propose(s, constitutional, s.secretariat);
    const sId = await propose(s, standard, s.secretariat);
    expect(await s.governor.motionClass(cId)).to.equal(MotionClass.Constitutional);
    expect(await s.governor.motionClass(sId)).to.equal(MotionClass.Standard);
    await waitForSnapshot(s, sId);
    for (const id of [cId, sId]) await voteAll(s, id, s.voters.slice(0, 2), Vote.For);
    expect([...(await s.governor.proposalQuorum(cId))]).to.deep.equal([3n, 3n]);
    expect([...(await s.governor.proposalQuorum(sId))]).to.deep.equal([2n, 2n]);
    await waitForDeadline(s, sId);
    expect(await s.governor.proposalDeadline(cId)).to.be.lessThanOrEqual(
      await s.governor.proposalDeadline(sId),
    );
    expect(await s.governor.state(cId)).to.equal(ProposalState.Defeated);
    expect(await s.governor.state(sId)).to.equal(ProposalState.Succeeded);
    await expectRevert(s, () => queueTx(s, constitutional), s.governor, "GovernorUnexpectedProposalState", [
      cId,
      ProposalState.Defeated,
      SUCCEEDED,
    ]);
    await queue(s, standard);
    expect(await s.governor.state(sId)).to.equal(ProposalState.Queued);
  });

  it("quorum from current instead of snapshot supply: stake arriving after the snapshot does not raise a running motion's quorum", async function () {
    // Depends on GovernorCouncilCounting.sol:101 — the vote quorum's base is getPastTotalSupply(snapshot).
    const s = await networkHelpers.loadFixture(systemWithHeavyMember);
    const id = await propose(s, await signallingMotion(s), s.secretariat);
    await waitForSnapshot(s, id);
    // Member 1 alone: 1 voter (< 2), 2 votes (= the vote quorum of 6 total).
    await s.governor.connect(s.voters[0]).castVote(id, Vote.For);
    for (let i = 1; i < 5; i++) {
      await s.vault.connect(s.admins[i]).stake(3n * STAKE_UNIT, { value: 3n * STAKE_UNIT });
    }
    expect(await s.vault.totalVotes()).to.equal(18n);
    await networkHelpers.time.increase(1);
    const now = BigInt(await networkHelpers.time.latest());
    expect(await s.governor.quorum(now - 1n)).to.equal(12n); // the standard view moves with the supply (⅔ × 18) …
    expect([...(await s.governor.proposalQuorum(id))]).to.deep.equal([2n, 2n]); // … the motion's quorum does not
    await waitForDeadline(s, id);
    expect(await s.governor.state(id)).to.equal(ProposalState.Succeeded);
  });

  it("oversized proposal: 33 actions and mismatched or empty arrays are rejected", async function () {
    // Depends on GovernorProposalRules.sol:113 — at most maxActions (32) actions per proposal.
    const s = await networkHelpers.loadFixture(system);
    const timelockAddress = await s.timelock.getAddress();
    const many = (n: number): Action => ({
      targets: Array<string>(n).fill(timelockAddress),
      values: Array<bigint>(n).fill(0n),
      calldatas: Array<string>(n).fill("0x"),
      description: `${n} signals`,
    });
    await expectRevert(s, () => proposeTx(s, many(33), s.secretariat), s.governor, "GovernorTooManyActions", [
      33n,
      MAX_ACTIONS,
    ]);
    const mismatched: [string[], bigint[], string[]][] = [
      [[timelockAddress, timelockAddress], [0n], ["0x", "0x"]],
      [[timelockAddress], [0n, 0n], ["0x"]],
      [[timelockAddress], [0n], ["0x", "0x"]],
    ];
    for (const [targets, values, calldatas] of mismatched) {
      await expectRevert(
        s,
        () => s.governor.connect(s.secretariat).propose(targets, values, calldatas, "Mismatched"),
        s.policy,
        "MotionPolicyInvalidActions",
        [targets.length, values.length, calldatas.length],
      );
    }
    await expectRevert(
      s,
      () => s.governor.connect(s.secretariat).propose([], [], [], "Empty"),
      s.governor,
      "GovernorInvalidProposalLength",
      [0n, 0n, 0n],
    );
    await expect(proposeTx(s, many(32), s.secretariat)).to.emit(s.governor, "ProposalCreated");
  });

  it("expired motion executed late: past ETA + 14 days it is Expired and cannot execute; unqueued past 14 days it cannot queue", async function () {
    // Depends on GovernorExpiry.sol:64 — Queued turns Expired after the execution window (and :61 for queueing).
    const s = await networkHelpers.loadFixture(system);
    const late = await signalAction(s, "Executed too late");
    const unqueued = await signalAction(s, "Queued too late");
    const [lateId, unqueuedId] = [
      await propose(s, late, s.secretariat),
      await propose(s, unqueued, s.secretariat),
    ];
    await waitForSnapshot(s, unqueuedId);
    for (const id of [lateId, unqueuedId]) await voteAll(s, id, s.voters, Vote.For);
    await waitForDeadline(s, unqueuedId);
    await queue(s, late);
    const eta = await s.governor.proposalEta(lateId);
    await networkHelpers.time.increaseTo(eta + EXECUTION_WINDOW);
    expect(await s.governor.state(lateId)).to.equal(ProposalState.Queued);
    await networkHelpers.time.increaseTo(eta + EXECUTION_WINDOW + 1n);
    expect(await s.governor.state(lateId)).to.equal(ProposalState.Expired);
    await expectRevert(s, () => executeTx(s, late), s.governor, "GovernorUnexpectedProposalState", [
      lateId,
      ProposalState.Expired,
      QUEUED,
    ]);
    expect((await s.governor.proposalDeadline(unqueuedId)) + QUEUE_WINDOW).to.be.lessThan(
      eta + EXECUTION_WINDOW,
    );
    expect(await s.governor.state(unqueuedId)).to.equal(ProposalState.Expired);
    await expectRevert(s, () => queueTx(s, unqueued), s.governor, "GovernorUnexpectedProposalState", [
      unqueuedId,
      ProposalState.Expired,
      SUCCEEDED,
    ]);
  });

  it("ETH sent to the governor is refused; value sent with execute ends in the timelock and governance recovers it", async function () {
    // Depends on Governor.sol:83-86 (OpenZeppelin receive: deposits refused when the executor is the timelock)
    // and GovernorTimelockControl.sol:105 (`executeBatch{value: msg.value}`).
    const s = await networkHelpers.loadFixture(system);
    const governorAddress = await s.governor.getAddress();
    const timelockAddress = await s.timelock.getAddress();
    const amount = ethers.parseEther("3");
    await expectRevert(
      s,
      () => s.others[0].sendTransaction({ to: governorAddress, value: amount }),
      s.governor,
      "GovernorDisabledDeposit",
      [],
    );

    const payee = ethers.getAddress(ethers.zeroPadValue("0xbeef03", 20));
    const signal = await signallingMotion(s);
    const recover = action(payee, "0x", "Recover the coin stuck in the timelock", amount);
    const signalAction: Action = {
      targets: [timelockAddress],
      values: [0n],
      calldatas: ["0x"],
      description: signal.description,
    };
    const [, recoverId] = await passToEta(s, [signalAction, recover], [s.secretariat]);
    expect(await s.governor.motionClass(recoverId)).to.equal(MotionClass.Treasury);
    const timelockBefore = await ethers.provider.getBalance(timelockAddress);
    await executeTx(s, signalAction, amount, s.others[0]);
    expect(await ethers.provider.getBalance(governorAddress)).to.equal(0n);
    expect(await ethers.provider.getBalance(timelockAddress)).to.equal(timelockBefore + amount);

    await expect(executeTx(s, recover)).to.emit(s.governor, "ProposalExecuted").withArgs(recoverId);
    expect(await ethers.provider.getBalance(payee)).to.equal(amount);
    expect(await ethers.provider.getBalance(timelockAddress)).to.equal(timelockBefore);
  });

  it("proposal-id front-running: a copied `#proposer=` proposal is rejected, and so is an identical re-proposal", async function () {
    // Depends on Governor.sol:283-284 (OpenZeppelin _isValidDescriptionForProposer) and Governor.sol:316
    // (an existing proposal cannot be created again).
    const s = await networkHelpers.loadFixture(system);
    const m = await signallingMotion(s, `Adopt the 2027 roadmap #proposer=${s.secretariat.address}`);
    const protectedMotion: Action = {
      targets: [await s.timelock.getAddress()],
      values: [0n],
      calldatas: ["0x"],
      description: m.description,
    };
    for (const attacker of [s.others[0], s.voters[0]]) {
      await expectRevert(
        s,
        () => proposeTx(s, protectedMotion, attacker),
        s.governor,
        "GovernorRestrictedProposer",
        [attacker.address],
      );
    }
    const id = await propose(s, protectedMotion, s.secretariat);
    expect(await s.governor.proposalProposer(id)).to.equal(s.secretariat.address);
    await expectRevert(
      s,
      () => proposeTx(s, protectedMotion, s.secretariat),
      s.governor,
      "GovernorUnexpectedProposalState",
      [id, ProposalState.Pending, ethers.ZeroHash],
    );
    const unprotected = { ...protectedMotion, description: "Adopt the 2027 roadmap" };
    const id2 = await propose(s, unprotected, s.voters[0]);
    await expectRevert(
      s,
      () => proposeTx(s, unprotected, s.voters[1]),
      s.governor,
      "GovernorUnexpectedProposalState",
      [id2, ProposalState.Pending, ethers.ZeroHash],
    );
  });

  it("a general proposal calling registry.admit or registry.remove is rejected (MotionPolicyReservedAction)", async function () {
    // Depends on MotionPolicy.sol:128 — admit and remove are reserved for admission and no-confidence motions.
    const s = await networkHelpers.loadFixture(system);
    const registryAddress = await s.registry.getAddress();
    const admit = s.registry.interface.getFunction("admit").selector;
    const remove = s.registry.interface.getFunction("remove").selector;
    const timelockAddress = await s.timelock.getAddress();
    const attempts: [Action, string][] = [
      [action(registryAddress, s.registry.interface.encodeFunctionData("admit", [6n]), "Admit 6"), admit],
      [action(registryAddress, s.registry.interface.encodeFunctionData("remove", [1n]), "Remove 1"), remove],
      [
        {
          targets: [timelockAddress, registryAddress],
          values: [0n, 0n],
          calldatas: ["0x", s.registry.interface.encodeFunctionData("remove", [2n])],
          description: "A signal hiding a removal",
        },
        remove,
      ],
    ];
    for (const [m, selector] of attempts) {
      for (const proposer of [s.secretariat, s.voters[0]]) {
        await expectRevert(s, () => proposeTx(s, m, proposer), s.policy, "MotionPolicyReservedAction", [
          registryAddress,
          selector,
        ]);
      }
    }
  });
});
