/**
 * CouncilGovernor's governance-only settings, changed through real motions (every call to the governor is a
 * Constitutional motion: 7-day voting delay and period, 1/2 quorum, 2/3 approval, 7-day timelock), and the rules
 * they drive: who may propose, proposal size and live-motion limits, expiry windows, the guardian and cancelling,
 * the late-quorum extension, relay and the timelock.
 *
 * One `describe` per function, the success path first, then one `it` per revert with its custom error and exact
 * arguments, followed by a comparison of the governance system's state proving that nothing changed.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type { BaseContract, ContractTransactionResponse } from "ethers";

import type { SettableTarget } from "../../typechain-types/index.js";
import { DAY, STAKE_UNIT, ethers, networkHelpers } from "../utils/council.js";
import {
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
  propose,
  queue,
  signallingMotion,
  voteAll,
  waitForDeadline,
  waitForEta,
  waitForSnapshot,
} from "../utils/governance.js";
import type { System } from "../utils/governance.js";
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

const MAX_GUARDIAN_TERM = 730n * DAY;
const MAX_LATE_QUORUM_EXTENSION = 7n * DAY;

// ---------------------------------------------------------------- fixtures (named, for loadFixture)

/** Five members with one stake unit each; guardian term 365 days; SecretariatAndMembers. */
function system(): Promise<System> {
  return deploySystem();
}

/** Member 5 bonded nothing (no votes). */
function systemWithIneligibleMember(): Promise<System> {
  return deploySystem({ stakes: [1n, 1n, 1n, 1n, 0n] });
}

/** A SettableTarget (not in the table: Constitutional) for relay. */
async function systemWithTarget(): Promise<TargetSystem> {
  const target = await ethers.deployContract("SettableTarget");
  const s = await deploySystem();
  return { ...s, target };
}

// ---------------------------------------------------------------- helpers

const QUEUED = stateBitmap(ProposalState.Queued);
/** States from which a motion can be cancelled: the live ones (Defeated is final, unlike in OpenZeppelin). */
const CANCELLABLE = stateBitmap(
  ProposalState.Pending,
  ProposalState.Active,
  ProposalState.Succeeded,
  ProposalState.Queued,
);

function action(target: string, data: string, description: string, value = 0n): Action {
  return { targets: [target], values: [value], calldatas: [data], description };
}

async function governorCall(s: System, data: string, description: string): Promise<Action> {
  return action(await s.governor.getAddress(), data, description);
}

async function signal(s: System, description: string): Promise<Action> {
  return action(await s.timelock.getAddress(), "0x", description);
}

function proposeTx(s: System, m: Action, proposer: HardhatEthersSigner): TxPromise {
  return s.governor.connect(proposer).propose(m.targets, m.values, m.calldatas, m.description);
}

function executeTx(s: System, m: Action): TxPromise {
  return s.governor.execute(m.targets, m.values, m.calldatas, descriptionHash(m));
}

function cancelTx(s: System, m: Action, caller: HardhatEthersSigner): TxPromise {
  return s.governor.connect(caller).cancel(m.targets, m.values, m.calldatas, descriptionHash(m));
}

/** Proposes (proposers in turn), all members vote For, queues, and waits for the latest ETA. */
async function passToEta(
  s: System,
  motions: Action[],
  proposers: HardhatEthersSigner[] = [s.secretariat],
): Promise<bigint[]> {
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

/** Passes one governor call to its ETA and returns the motion and its id. */
async function enactable(s: System, data: string, description: string): Promise<[Action, bigint]> {
  const m = await governorCall(s, data, description);
  const [id] = await passToEta(s, [m]);
  expect(await s.governor.motionClass(id)).to.equal(MotionClass.Constitutional);
  return [m, id];
}

async function timeOf(tx: TxPromise): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (receipt === null) throw new Error("transaction was not mined");
  const block = await ethers.provider.getBlock(receipt.blockNumber);
  if (block === null) throw new Error("block not found");
  return BigInt(block.timestamp);
}

/** Everything a failed call could have changed in the governance system. */
async function governanceState(s: System): Promise<Record<string, unknown>> {
  const { governor, timelock } = s;
  const out: Record<string, unknown> = {};
  const count = await governor.proposalCount();
  for (let id = 1n; id <= count; id++)
    out[`motion ${id}`] = [...(await s.lens.motionDetails(await governor.getAddress(), id))];
  out.settings = [
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
  const signers = await ethers.getSigners();
  for (const x of signers) out[`live ${x.address}`] = await governor.liveProposalCount(x.address);
  const governorAddress = await governor.getAddress();
  const roles = [
    await timelock.PROPOSER_ROLE(),
    await timelock.EXECUTOR_ROLE(),
    await timelock.CANCELLER_ROLE(),
  ];
  out.roles = [];
  for (const role of roles) {
    (out.roles as boolean[]).push(await timelock.hasRole(role, governorAddress));
    (out.roles as boolean[]).push(await timelock.hasRole(role, ethers.ZeroAddress));
  }
  out.minDelay = await timelock.getMinDelay();
  out.block = await ethers.provider.getBlockNumber();
  return out;
}

async function expectRevert(
  s: System,
  send: () => Promise<unknown>,
  contract: BaseContract,
  error: string,
  args: unknown[],
): Promise<void> {
  const before = await governanceState(s);
  await expect(send())
    .to.be.revertedWithCustomError(contract, error)
    .withArgs(...args);
  expect(await governanceState(s)).to.deep.equal(before);
}

/** A governance setter called directly by accounts that are not the executor (the timelock). */
async function expectOnlyExecutor(s: System, data: string): Promise<void> {
  const governorAddress = await s.governor.getAddress();
  for (const caller of [s.deployer, s.secretariat, s.guardian, s.voters[0], s.others[0]]) {
    await expectRevert(
      s,
      () => caller.sendTransaction({ to: governorAddress, data }),
      s.governor,
      "GovernorOnlyExecutor",
      [caller.address],
    );
  }
}

/** Executing the motion reverts with the governor's `error(args)`, nothing changed, and the motion stays Queued. */
async function expectMotionRevert(
  s: System,
  m: Action,
  id: bigint,
  error: string,
  args: unknown[],
): Promise<void> {
  await expectRevert(s, () => executeTx(s, m), s.governor, error, args);
  expect(await s.governor.state(id)).to.equal(ProposalState.Queued);
}

// ---------------------------------------------------------------- tests

describe("CouncilGovernor settings", function () {
  describe("constructor", function () {
    it("stores the deployment settings", async function () {
      const s = await networkHelpers.loadFixture(system);
      const g = s.governor;
      expect(await g.name()).to.equal("GC Governor");
      expect(await g.secretariat()).to.equal(s.secretariat.address);
      expect(await g.proposerRule()).to.equal(ProposerRule.SecretariatAndMembers);
      expect(await g.maxActions()).to.equal(MAX_ACTIONS);
      expect(await g.maxLiveProposals()).to.equal(MAX_LIVE_PROPOSALS);
      expect(await g.queueWindow()).to.equal(QUEUE_WINDOW);
      expect(await g.executionWindow()).to.equal(EXECUTION_WINDOW);
      expect(await g.lateQuorumVoteExtension()).to.equal(LATE_QUORUM_EXTENSION);
      expect(await g.guardian()).to.equal(s.guardian.address);
      expect(await g.timelock()).to.equal(await s.timelock.getAddress());
      expect(await g.motionPolicy()).to.equal(await s.policy.getAddress());
      expect(await g.stakeVault()).to.equal(await s.vault.getAddress());
      expect(await g.councilRegistry()).to.equal(await s.registry.getAddress());
      expect(await g.token()).to.equal(await s.vault.getAddress());
      expect(await g.proposalThreshold()).to.equal(0n);
      expect(await g.proposalNeedsQueuing(1n)).to.equal(true);
      expect(await g.votingDelay()).to.equal(7n * DAY);
      expect(await g.votingPeriod()).to.equal(7n * DAY);
      expect(await g.CLOCK_MODE()).to.equal("mode=timestamp");
      expect(await g.COUNTING_MODE()).to.equal("support=bravo&quorum=for");
      expect(await g.MAX_ACTIONS_LIMIT()).to.equal(256n);
      expect(await g.MAX_LIVE_PROPOSALS_LIMIT()).to.equal(20n);
      expect(await g.MAX_GUARDIAN_TERM()).to.equal(MAX_GUARDIAN_TERM);
      expect(await g.MAX_LATE_QUORUM_EXTENSION()).to.equal(MAX_LATE_QUORUM_EXTENSION);
      expect(await g.MIN_TIMELOCK_DELAY()).to.equal(TIMELOCK_MIN_DELAY);
      expect(await g.proposalCount()).to.equal(0n);
    });

    interface Settings {
      secretariat: string;
      proposerRule: ProposerRule;
      maxActions: bigint;
      maxLiveProposals: bigint;
      queueWindow: bigint;
      executionWindow: bigint;
      lateQuorumExtension: bigint;
      guardian: string;
      guardianTerm: bigint;
      voteExtension: string;
    }
    const guardianAddress = "0x000000000000000000000000000000000000dEaD";
    const valid: Settings = {
      secretariat: "0x000000000000000000000000000000000000bEEF",
      proposerRule: ProposerRule.SecretariatAndMembers,
      maxActions: MAX_ACTIONS,
      maxLiveProposals: MAX_LIVE_PROPOSALS,
      queueWindow: QUEUE_WINDOW,
      executionWindow: EXECUTION_WINDOW,
      lateQuorumExtension: LATE_QUORUM_EXTENSION,
      guardian: guardianAddress,
      guardianTerm: GUARDIAN_TERM,
      voteExtension: ethers.ZeroAddress,
    };
    const invalid: [string, Partial<Settings>, string, unknown[]][] = [
      [
        "SecretariatOnly has no secretariat",
        { secretariat: ethers.ZeroAddress, proposerRule: ProposerRule.SecretariatOnly },
        "GovernorInvalidProposerRule",
        [ethers.ZeroAddress, ProposerRule.SecretariatOnly],
      ],
      ["maxActions is 0", { maxActions: 0n }, "GovernorInvalidProposalLimits", [0n, MAX_LIVE_PROPOSALS]],
      [
        "maxActions is 257",
        { maxActions: 257n },
        "GovernorInvalidProposalLimits",
        [257n, MAX_LIVE_PROPOSALS],
      ],
      ["maxLiveProposals is 0", { maxLiveProposals: 0n }, "GovernorInvalidProposalLimits", [MAX_ACTIONS, 0n]],
      [
        "maxLiveProposals is 21",
        { maxLiveProposals: 21n },
        "GovernorInvalidProposalLimits",
        [MAX_ACTIONS, 21n],
      ],
      [
        "the queue window is below 1 day",
        { queueWindow: DAY - 1n },
        "GovernorInvalidExpiryWindows",
        [DAY - 1n, EXECUTION_WINDOW],
      ],
      [
        "the execution window is above 60 days",
        { executionWindow: 60n * DAY + 1n },
        "GovernorInvalidExpiryWindows",
        [QUEUE_WINDOW, 60n * DAY + 1n],
      ],
      [
        "the late-quorum extension is above 7 days",
        { lateQuorumExtension: MAX_LATE_QUORUM_EXTENSION + 1n },
        "GovernorPreventLateQuorumVoteExtensionTooLarge",
        [MAX_LATE_QUORUM_EXTENSION + 1n, MAX_LATE_QUORUM_EXTENSION],
      ],
      ["the guardian has no term", { guardianTerm: 0n }, "GovernorInvalidGuardianTerm", [0n]],
      [
        "the guardian term is above 730 days",
        { guardianTerm: MAX_GUARDIAN_TERM + 1n },
        "GovernorInvalidGuardianTerm",
        [MAX_GUARDIAN_TERM + 1n],
      ],
      [
        "a term is given without a guardian",
        { guardian: ethers.ZeroAddress, guardianTerm: 1n },
        "GovernorInvalidGuardianTerm",
        [1n],
      ],
    ];
    for (const [label, change, error, args] of invalid) {
      it(`reverts when ${label}`, async function () {
        const s = await networkHelpers.loadFixture(system);
        const factory = await ethers.getContractFactory("CouncilGovernor");
        const block = await ethers.provider.getBlockNumber();
        await expect(
          factory.deploy(
            await s.vault.getAddress(),
            await s.timelock.getAddress(),
            await s.policy.getAddress(),
            { ...valid, ...change },
          ),
        )
          .to.be.revertedWithCustomError(factory, error)
          .withArgs(...args);
        expect(await ethers.provider.getBlockNumber()).to.equal(block);
      });
    }

    for (const [label, which, account] of [
      ["the timelock has no code (an account)", "timelock", "0x000000000000000000000000000000000000bEEF"],
      ["the timelock is the zero address", "timelock", ethers.ZeroAddress],
      ["the policy has no code (an account)", "policy", "0x000000000000000000000000000000000000bEEF"],
      ["the policy is the zero address", "policy", ethers.ZeroAddress],
    ] as const) {
      it(`reverts when ${label} (GovernorNotAContract)`, async function () {
        const s = await networkHelpers.loadFixture(system);
        const factory = await ethers.getContractFactory("CouncilGovernor");
        const block = await ethers.provider.getBlockNumber();
        await expect(
          factory.deploy(
            await s.vault.getAddress(),
            which === "timelock" ? account : await s.timelock.getAddress(),
            which === "policy" ? account : await s.policy.getAddress(),
            valid,
          ),
        )
          .to.be.revertedWithCustomError(factory, "GovernorNotAContract")
          .withArgs(account);
        expect(await ethers.provider.getBlockNumber()).to.equal(block);
      });
    }

    it("accepts every bound at its edge, and no guardian with no term", async function () {
      const s = await networkHelpers.loadFixture(system);
      const edges: Settings = {
        secretariat: ethers.ZeroAddress,
        proposerRule: ProposerRule.MembersOnly,
        maxActions: 256n,
        maxLiveProposals: 20n,
        queueWindow: DAY,
        executionWindow: 60n * DAY,
        lateQuorumExtension: MAX_LATE_QUORUM_EXTENSION,
        guardian: ethers.ZeroAddress,
        guardianTerm: 0n,
        voteExtension: ethers.ZeroAddress,
      };
      const governor = await ethers.deployContract("CouncilGovernor", [
        await s.vault.getAddress(),
        await s.timelock.getAddress(),
        await s.policy.getAddress(),
        edges,
      ]);
      expect(await governor.maxActions()).to.equal(256n);
      expect(await governor.maxLiveProposals()).to.equal(20n);
      expect(await governor.queueWindow()).to.equal(DAY);
      expect(await governor.executionWindow()).to.equal(60n * DAY);
      expect(await governor.lateQuorumVoteExtension()).to.equal(MAX_LATE_QUORUM_EXTENSION);
      expect(await governor.guardian()).to.equal(ethers.ZeroAddress);
      expect(await governor.guardianTermEnd()).to.equal(0n);
    });
  });

  describe("setProposerRule", function () {
    it("SecretariatAndMembers (the default): the secretariat and every member with votes may propose", async function () {
      const s = await networkHelpers.loadFixture(system);
      await expect(proposeTx(s, await signal(s, "By the secretariat"), s.secretariat))
        .to.emit(s.governor, "ProposalCreated")
        .withArgs(
          1n,
          s.secretariat.address,
          [await s.timelock.getAddress()],
          [0n],
          [""],
          ["0x"],
          (x: bigint) => x > 0n,
          (x: bigint) => x > 0n,
          "By the secretariat",
        );
      for (const voter of s.voters) {
        await expect(proposeTx(s, await signal(s, `By ${voter.address}`), voter)).to.emit(
          s.governor,
          "ProposalCreated",
        );
      }
      expect(await s.governor.proposalCount()).to.equal(6n);
    });

    it("sets SecretariatOnly through a motion: members may then propose only Constitutional motions", async function () {
      const s = await networkHelpers.loadFixture(system);
      const [m] = await enactable(
        s,
        s.governor.interface.encodeFunctionData("setProposerRule", [
          s.secretariat.address,
          ProposerRule.SecretariatOnly,
        ]),
        "Secretariat only",
      );
      await expect(executeTx(s, m))
        .to.emit(s.governor, "ProposerRuleSet")
        .withArgs(s.secretariat.address, ProposerRule.SecretariatOnly);
      expect(await s.governor.proposerRule()).to.equal(ProposerRule.SecretariatOnly);

      await expect(proposeTx(s, await signal(s, "Secretariat signal"), s.secretariat)).to.emit(
        s.governor,
        "ProposalCreated",
      );
      await expectRevert(
        s,
        async () => proposeTx(s, await signal(s, "Member signal"), s.voters[0]),
        s.governor,
        "GovernorRestrictedProposer",
        [s.voters[0].address],
      );
      const constitutional = await governorCall(
        s,
        s.governor.interface.encodeFunctionData("setProposerRule", [
          s.secretariat.address,
          ProposerRule.SecretariatAndMembers,
        ]),
        "Members propose again",
      );
      await expect(proposeTx(s, constitutional, s.voters[0]))
        .to.emit(s.governor, "MotionClassified")
        .withArgs(3n, MotionClass.Constitutional, 0n);
    });

    it("sets MembersOnly through a motion: the secretariat may no longer propose", async function () {
      const s = await networkHelpers.loadFixture(system);
      const [m] = await enactable(
        s,
        s.governor.interface.encodeFunctionData("setProposerRule", [
          s.secretariat.address,
          ProposerRule.MembersOnly,
        ]),
        "Members only",
      );
      await expect(executeTx(s, m))
        .to.emit(s.governor, "ProposerRuleSet")
        .withArgs(s.secretariat.address, ProposerRule.MembersOnly);
      for (const motion of [
        await signal(s, "Secretariat signal"),
        await governorCall(s, "0x", "Secretariat call"),
      ]) {
        await expectRevert(
          s,
          () => proposeTx(s, motion, s.secretariat),
          s.governor,
          "GovernorRestrictedProposer",
          [s.secretariat.address],
        );
      }
      await expect(proposeTx(s, await signal(s, "Member signal"), s.voters[0])).to.emit(
        s.governor,
        "ProposalCreated",
      );
    });

    it("replaces the secretariat: the new one may propose, the former one may not", async function () {
      const s = await networkHelpers.loadFixture(system);
      const next = s.others[0];
      const [m] = await enactable(
        s,
        s.governor.interface.encodeFunctionData("setProposerRule", [
          next.address,
          ProposerRule.SecretariatOnly,
        ]),
        "New secretariat",
      );
      await expect(executeTx(s, m))
        .to.emit(s.governor, "ProposerRuleSet")
        .withArgs(next.address, ProposerRule.SecretariatOnly);
      expect(await s.governor.secretariat()).to.equal(next.address);
      await expect(proposeTx(s, await signal(s, "New secretariat signal"), next)).to.emit(
        s.governor,
        "ProposalCreated",
      );
      await expectRevert(
        s,
        async () => proposeTx(s, await signal(s, "Former secretariat signal"), s.secretariat),
        s.governor,
        "GovernorRestrictedProposer",
        [s.secretariat.address],
      );
    });

    it("reverts when called directly (GovernorOnlyExecutor)", async function () {
      const s = await networkHelpers.loadFixture(system);
      await expectOnlyExecutor(
        s,
        s.governor.interface.encodeFunctionData("setProposerRule", [
          s.others[0].address,
          ProposerRule.MembersOnly,
        ]),
      );
    });

    it("reverts when the timelock calls it outside a motion's execution (empty governance-call queue)", async function () {
      const s = await networkHelpers.loadFixture(system);
      const timelockAddress = await s.timelock.getAddress();
      await networkHelpers.setBalance(timelockAddress, ethers.parseEther("1"));
      const timelock = await ethers.getImpersonatedSigner(timelockAddress);
      const before = await governanceState(s);
      await expect(
        s.governor.connect(timelock).setProposerRule(s.others[0].address, ProposerRule.MembersOnly),
      ).to.be.revertedWithPanic(0x31);
      expect(await governanceState(s)).to.deep.equal(before);
    });

    it("reverts when SecretariatOnly is set with no secretariat (GovernorInvalidProposerRule)", async function () {
      const s = await networkHelpers.loadFixture(system);
      const [m, id] = await enactable(
        s,
        s.governor.interface.encodeFunctionData("setProposerRule", [
          ethers.ZeroAddress,
          ProposerRule.SecretariatOnly,
        ]),
        "Secretariat only, without a secretariat",
      );
      await expectMotionRevert(s, m, id, "GovernorInvalidProposerRule", [
        ethers.ZeroAddress,
        ProposerRule.SecretariatOnly,
      ]);
    });
  });

  describe("setProposalLimits", function () {
    it("sets the lowest limits (1 action, 1 live motion) and enforces them", async function () {
      const s = await networkHelpers.loadFixture(system);
      const [m] = await enactable(
        s,
        s.governor.interface.encodeFunctionData("setProposalLimits", [1n, 1n]),
        "Tight limits",
      );
      await expect(executeTx(s, m)).to.emit(s.governor, "ProposalLimitsSet").withArgs(1n, 1n);
      expect(await s.governor.maxActions()).to.equal(1n);
      expect(await s.governor.maxLiveProposals()).to.equal(1n);
      const timelockAddress = await s.timelock.getAddress();
      const two: Action = {
        targets: [timelockAddress, timelockAddress],
        values: [0n, 0n],
        calldatas: ["0x", "0x"],
        description: "Two signals",
      };
      await expectRevert(s, () => proposeTx(s, two, s.voters[0]), s.governor, "GovernorTooManyActions", [
        2n,
        1n,
      ]);
      await propose(s, await signal(s, "The one live motion"), s.voters[0]);
      await expectRevert(
        s,
        async () => proposeTx(s, await signal(s, "A second live motion"), s.voters[0]),
        s.governor,
        "GovernorTooManyLiveProposals",
        [s.voters[0].address, 1n],
      );
    });

    it("sets the highest limits (256 actions, 20 live motions)", async function () {
      const s = await networkHelpers.loadFixture(system);
      const [m] = await enactable(
        s,
        s.governor.interface.encodeFunctionData("setProposalLimits", [256n, 20n]),
        "Loose limits",
      );
      await expect(executeTx(s, m)).to.emit(s.governor, "ProposalLimitsSet").withArgs(256n, 20n);
      for (let i = 0; i < 20; i++) await propose(s, await signal(s, `Signal ${i}`), s.voters[1]);
      expect(await s.governor.liveProposalCount(s.voters[1].address)).to.equal(20n);
      await expectRevert(
        s,
        async () => proposeTx(s, await signal(s, "Signal 20"), s.voters[1]),
        s.governor,
        "GovernorTooManyLiveProposals",
        [s.voters[1].address, 20n],
      );
    });

    it("reverts when called directly (GovernorOnlyExecutor)", async function () {
      const s = await networkHelpers.loadFixture(system);
      await expectOnlyExecutor(s, s.governor.interface.encodeFunctionData("setProposalLimits", [10n, 10n]));
    });

    for (const [actions, live] of [
      [0n, 1n],
      [257n, 1n],
      [1n, 0n],
      [1n, 21n],
    ]) {
      it(`reverts when the limits are ${actions} actions and ${live} live motions (GovernorInvalidProposalLimits)`, async function () {
        const s = await networkHelpers.loadFixture(system);
        const [m, id] = await enactable(
          s,
          s.governor.interface.encodeFunctionData("setProposalLimits", [actions, live]),
          `Limits ${actions}/${live}`,
        );
        await expectMotionRevert(s, m, id, "GovernorInvalidProposalLimits", [actions, live]);
      });
    }

    it("counts live motions per member across voter rotation; Defeated motions free the slots", async function () {
      const s = await networkHelpers.loadFixture(system);
      const newKey = s.others[0];
      const ids: bigint[] = [];
      for (let i = 0; i < 3; i++)
        ids.push(await propose(s, await signal(s, `Member 1 signal ${i}`), s.voters[0]));
      expect(await s.governor.liveProposalCount(s.voters[0].address)).to.equal(3n);
      await s.registry.connect(s.admins[0]).proposeVoter(1n, newKey.address);
      await s.registry.connect(newKey).acceptVoter(1n);
      expect(await s.governor.liveProposalCount(newKey.address)).to.equal(3n);
      await expectRevert(
        s,
        async () => proposeTx(s, await signal(s, "Member 1 signal from the new key"), newKey),
        s.governor,
        "GovernorTooManyLiveProposals",
        [newKey.address, 3n],
      );
      // Nobody votes: all three are Defeated after their deadline, which frees the member's slots.
      await waitForDeadline(s, ids[2]);
      for (const id of ids) expect(await s.governor.state(id)).to.equal(ProposalState.Defeated);
      expect(await s.governor.liveProposalCount(newKey.address)).to.equal(0n);
      await expect(proposeTx(s, await signal(s, "Member 1 signal from the new key"), newKey)).to.emit(
        s.governor,
        "ProposalCreated",
      );
      expect(await s.governor.liveProposalCount(newKey.address)).to.equal(1n);
    });

    it("frees a slot when a motion is Executed (a Queued motion still counts)", async function () {
      const s = await networkHelpers.loadFixture(system);
      const first = await signal(s, "First");
      const firstId = await propose(s, first, s.secretariat);
      await waitForSnapshot(s, firstId);
      await voteAll(s, firstId, s.voters, Vote.For);
      await waitForDeadline(s, firstId);
      await propose(s, await signal(s, "Second"), s.secretariat);
      await propose(s, await signal(s, "Third"), s.secretariat);
      await queue(s, first);
      await waitForEta(s, firstId);
      expect(await s.governor.liveProposalCount(s.secretariat.address)).to.equal(3n);
      await expectRevert(
        s,
        async () => proposeTx(s, await signal(s, "Fourth"), s.secretariat),
        s.governor,
        "GovernorTooManyLiveProposals",
        [s.secretariat.address, 3n],
      );
      await executeTx(s, first);
      expect(await s.governor.liveProposalCount(s.secretariat.address)).to.equal(2n);
      await expect(proposeTx(s, await signal(s, "Fourth"), s.secretariat)).to.emit(
        s.governor,
        "ProposalCreated",
      );
    });
  });

  describe("setExpiryWindows", function () {
    it("sets the windows at their edges (1 day to queue, 60 days to execute) and applies them", async function () {
      const s = await networkHelpers.loadFixture(system);
      const [m] = await enactable(
        s,
        s.governor.interface.encodeFunctionData("setExpiryWindows", [DAY, 60n * DAY]),
        "Short queue window, long execution window",
      );
      await expect(executeTx(s, m))
        .to.emit(s.governor, "ExpiryWindowsSet")
        .withArgs(DAY, 60n * DAY);
      expect(await s.governor.queueWindow()).to.equal(DAY);
      expect(await s.governor.executionWindow()).to.equal(60n * DAY);

      const late = await signal(s, "Queued late");
      const onTime = await signal(s, "Executed after 60 days");
      const [lateId, onTimeId] = [
        await propose(s, late, s.secretariat),
        await propose(s, onTime, s.secretariat),
      ];
      await waitForSnapshot(s, onTimeId);
      for (const id of [lateId, onTimeId]) await voteAll(s, id, s.voters, Vote.For);
      await waitForDeadline(s, onTimeId);
      await queue(s, onTime);
      const lateDeadline = await s.governor.proposalDeadline(lateId);
      await networkHelpers.time.increaseTo(lateDeadline + DAY + 1n);
      expect(await s.governor.state(lateId)).to.equal(ProposalState.Expired);
      await networkHelpers.time.increaseTo((await s.governor.proposalEta(onTimeId)) + 60n * DAY - 1n);
      await expect(executeTx(s, onTime)).to.emit(s.governor, "ProposalExecuted").withArgs(onTimeId);
    });

    it("reverts when called directly (GovernorOnlyExecutor)", async function () {
      const s = await networkHelpers.loadFixture(system);
      await expectOnlyExecutor(s, s.governor.interface.encodeFunctionData("setExpiryWindows", [DAY, DAY]));
    });

    for (const [queueWindow, executionWindow] of [
      [DAY - 1n, DAY],
      [60n * DAY + 1n, DAY],
      [DAY, DAY - 1n],
      [DAY, 60n * DAY + 1n],
    ]) {
      it(`reverts when the windows are ${queueWindow}s and ${executionWindow}s (GovernorInvalidExpiryWindows)`, async function () {
        const s = await networkHelpers.loadFixture(system);
        const [m, id] = await enactable(
          s,
          s.governor.interface.encodeFunctionData("setExpiryWindows", [queueWindow, executionWindow]),
          `Windows ${queueWindow}/${executionWindow}`,
        );
        await expectMotionRevert(s, m, id, "GovernorInvalidExpiryWindows", [queueWindow, executionWindow]);
      });
    }
  });

  describe("setGuardian", function () {
    it("sets a new guardian for the longest term (730 days); the former guardian loses its power", async function () {
      const s = await networkHelpers.loadFixture(system);
      const next = s.others[0];
      const [m] = await enactable(
        s,
        s.governor.interface.encodeFunctionData("setGuardian", [next.address, MAX_GUARDIAN_TERM]),
        "New guardian",
      );
      const tx = executeTx(s, m);
      const at = await timeOf(tx);
      await expect(tx)
        .to.emit(s.governor, "GuardianSet")
        .withArgs(next.address, at + MAX_GUARDIAN_TERM);
      expect(await s.governor.guardian()).to.equal(next.address);
      expect(await s.governor.guardianTermEnd()).to.equal(at + MAX_GUARDIAN_TERM);

      const target = await signal(s, "To be cancelled");
      const id = await propose(s, target, s.secretariat);
      await expectRevert(s, () => cancelTx(s, target, s.guardian), s.governor, "GovernorUnableToCancel", [
        id,
        s.guardian.address,
      ]);
      await expect(cancelTx(s, target, next))
        .to.emit(s.governor, "ProposalCanceled")
        .withArgs(id);
    });

    it("removes the guardian (zero address, zero term)", async function () {
      const s = await networkHelpers.loadFixture(system);
      const [m] = await enactable(
        s,
        s.governor.interface.encodeFunctionData("setGuardian", [ethers.ZeroAddress, 0n]),
        "No guardian",
      );
      await expect(executeTx(s, m)).to.emit(s.governor, "GuardianSet").withArgs(ethers.ZeroAddress, 0n);
      expect(await s.governor.guardian()).to.equal(ethers.ZeroAddress);
      expect(await s.governor.guardianTermEnd()).to.equal(0n);
    });

    it("reverts when called directly (GovernorOnlyExecutor)", async function () {
      const s = await networkHelpers.loadFixture(system);
      await expectOnlyExecutor(
        s,
        s.governor.interface.encodeFunctionData("setGuardian", [s.others[0].address, DAY]),
      );
    });

    const invalid: [string, (s: System) => string, bigint][] = [
      ["a guardian is given no term", (s) => s.others[0].address, 0n],
      ["the term is one second above 730 days", (s) => s.others[0].address, MAX_GUARDIAN_TERM + 1n],
      ["the zero guardian is given a term", () => ethers.ZeroAddress, DAY],
    ];
    for (const [label, guardianOf, term] of invalid) {
      it(`reverts when ${label} (GovernorInvalidGuardianTerm)`, async function () {
        const s = await networkHelpers.loadFixture(system);
        const [m, id] = await enactable(
          s,
          s.governor.interface.encodeFunctionData("setGuardian", [guardianOf(s), term]),
          `Guardian: ${label}`,
        );
        await expectMotionRevert(s, m, id, "GovernorInvalidGuardianTerm", [term]);
      });
    }
  });

  describe("renounceGuardian", function () {
    it("lets the guardian give up its power at once", async function () {
      const s = await networkHelpers.loadFixture(system);
      await expect(s.governor.connect(s.guardian).renounceGuardian())
        .to.emit(s.governor, "GuardianSet")
        .withArgs(ethers.ZeroAddress, 0n);
      expect(await s.governor.guardian()).to.equal(ethers.ZeroAddress);
      expect(await s.governor.guardianTermEnd()).to.equal(0n);
      const target = await signal(s, "Not cancellable by the former guardian");
      const id = await propose(s, target, s.voters[0]);
      await expectRevert(s, () => cancelTx(s, target, s.guardian), s.governor, "GovernorUnableToCancel", [
        id,
        s.guardian.address,
      ]);
    });

    it("reverts when the caller is not the guardian (GovernorOnlyGuardian)", async function () {
      const s = await networkHelpers.loadFixture(system);
      for (const caller of [s.deployer, s.secretariat, s.voters[0]]) {
        await expectRevert(
          s,
          () => s.governor.connect(caller).renounceGuardian(),
          s.governor,
          "GovernorOnlyGuardian",
          [caller.address],
        );
      }
    });

    it("reverts when the guardian already renounced (GovernorOnlyGuardian)", async function () {
      const s = await networkHelpers.loadFixture(system);
      await s.governor.connect(s.guardian).renounceGuardian();
      await expectRevert(
        s,
        () => s.governor.connect(s.guardian).renounceGuardian(),
        s.governor,
        "GovernorOnlyGuardian",
        [s.guardian.address],
      );
    });
  });

  describe("cancel", function () {
    it("lets the guardian cancel a Pending motion (freeing the proposer's slot)", async function () {
      const s = await networkHelpers.loadFixture(system);
      const m = await signal(s, "Pending");
      const id = await propose(s, m, s.voters[0]);
      expect(await s.governor.liveProposalCount(s.voters[0].address)).to.equal(1n);
      await expect(cancelTx(s, m, s.guardian))
        .to.emit(s.governor, "ProposalCanceled")
        .withArgs(id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Canceled);
      expect(await s.governor.liveProposalCount(s.voters[0].address)).to.equal(0n);
    });

    it("lets the guardian cancel an Active motion", async function () {
      const s = await networkHelpers.loadFixture(system);
      const m = await signal(s, "Active");
      const id = await propose(s, m, s.secretariat);
      await waitForSnapshot(s, id);
      await s.governor.connect(s.voters[0]).castVote(id, Vote.For);
      expect(await s.governor.state(id)).to.equal(ProposalState.Active);
      await expect(cancelTx(s, m, s.guardian))
        .to.emit(s.governor, "ProposalCanceled")
        .withArgs(id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Canceled);
      await expectRevert(
        s,
        () => s.governor.connect(s.voters[1]).castVote(id, Vote.For),
        s.governor,
        "GovernorUnexpectedProposalState",
        [id, ProposalState.Canceled, stateBitmap(ProposalState.Active)],
      );
    });

    it("lets the guardian cancel a Succeeded motion", async function () {
      const s = await networkHelpers.loadFixture(system);
      const m = await signal(s, "Succeeded");
      const id = await propose(s, m, s.secretariat);
      await waitForSnapshot(s, id);
      await voteAll(s, id, s.voters, Vote.For);
      await waitForDeadline(s, id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Succeeded);
      await expect(cancelTx(s, m, s.guardian))
        .to.emit(s.governor, "ProposalCanceled")
        .withArgs(id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Canceled);
    });

    it("lets the guardian cancel a Queued motion, cancelling the timelock operation too", async function () {
      const s = await networkHelpers.loadFixture(system);
      const m = await signal(s, "Queued");
      const [id] = await passToEta(s, [m]);
      const salt = ethers.toBeHex(
        (BigInt(await s.governor.getAddress()) * 2n ** 96n) ^ BigInt(descriptionHash(m)),
        32,
      );
      const opId = await s.timelock.hashOperationBatch(
        m.targets,
        m.values,
        m.calldatas,
        ethers.ZeroHash,
        salt,
      );
      expect(await s.timelock.isOperationReady(opId)).to.equal(true);
      const tx = cancelTx(s, m, s.guardian);
      await expect(tx).to.emit(s.governor, "ProposalCanceled").withArgs(id);
      await expect(tx).to.emit(s.timelock, "Cancelled").withArgs(opId);
      expect(await s.timelock.isOperation(opId)).to.equal(false);
      expect(await s.governor.state(id)).to.equal(ProposalState.Canceled);
      await expectRevert(s, () => executeTx(s, m), s.governor, "GovernorUnexpectedProposalState", [
        id,
        ProposalState.Canceled,
        QUEUED,
      ]);
    });

    it("lets the proposer (secretariat or member) cancel its own motion while Pending", async function () {
      const s = await networkHelpers.loadFixture(system);
      for (const proposer of [s.secretariat, s.voters[2]]) {
        const m = await signal(s, `Withdrawn by ${proposer.address}`);
        const id = await propose(s, m, proposer);
        await expect(cancelTx(s, m, proposer))
          .to.emit(s.governor, "ProposalCanceled")
          .withArgs(id);
      }
    });

    it("reverts when the proposer cancels once voting started (GovernorUnableToCancel)", async function () {
      const s = await networkHelpers.loadFixture(system);
      const m = await signal(s, "Active, proposer cannot cancel");
      const id = await propose(s, m, s.secretariat);
      await waitForSnapshot(s, id);
      await expectRevert(s, () => cancelTx(s, m, s.secretariat), s.governor, "GovernorUnableToCancel", [
        id,
        s.secretariat.address,
      ]);
    });

    it("reverts when someone else than the proposer or guardian cancels (GovernorUnableToCancel)", async function () {
      const s = await networkHelpers.loadFixture(system);
      const m = await signal(s, "Pending, not theirs");
      const id = await propose(s, m, s.secretariat);
      for (const caller of [s.voters[0], s.others[0], s.deployer]) {
        await expectRevert(s, () => cancelTx(s, m, caller), s.governor, "GovernorUnableToCancel", [
          id,
          caller.address,
        ]);
      }
    });

    it("reverts when the guardian cancels after its term ended (GovernorUnableToCancel)", async function () {
      const s = await networkHelpers.loadFixture(system);
      const termEnd = await s.governor.guardianTermEnd();
      await networkHelpers.time.increaseTo(termEnd - 3n * DAY);
      const first = await signal(s, "Cancelled in the term's last second");
      const second = await signal(s, "Cancelled after the term");
      const firstId = await propose(s, first, s.secretariat);
      const secondId = await propose(s, second, s.secretariat);
      await networkHelpers.time.setNextBlockTimestamp(termEnd - 1n);
      await expect(cancelTx(s, first, s.guardian))
        .to.emit(s.governor, "ProposalCanceled")
        .withArgs(firstId);
      await networkHelpers.time.increaseTo(termEnd);
      expect(await s.governor.guardian()).to.equal(ethers.ZeroAddress);
      await expectRevert(s, () => cancelTx(s, second, s.guardian), s.governor, "GovernorUnableToCancel", [
        secondId,
        s.guardian.address,
      ]);
    });

    it("reverts when the guardian cancels a Defeated motion: Defeated is final (GovernorUnexpectedProposalState)", async function () {
      const s = await networkHelpers.loadFixture(system);
      const m = await signal(s, "Defeated");
      const id = await propose(s, m, s.secretariat);
      await waitForSnapshot(s, id);
      await voteAll(s, id, s.voters.slice(0, 3), Vote.Against);
      await waitForDeadline(s, id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Defeated);
      await expectRevert(s, () => cancelTx(s, m, s.guardian), s.governor, "GovernorUnexpectedProposalState", [
        id,
        ProposalState.Defeated,
        CANCELLABLE,
      ]);
      expect(await s.governor.state(id)).to.equal(ProposalState.Defeated);
    });

    it("reverts when the guardian cancels a motion that changes a guardian (GovernorGuardianConflict)", async function () {
      const s = await networkHelpers.loadFixture(system);
      const replace = await governorCall(
        s,
        s.governor.interface.encodeFunctionData("setGuardian", [s.others[0].address, 30n * DAY]),
        "Replace the guardian",
      );
      // Among other actions too: any action calling setGuardian(address,uint256) counts.
      const mixed: Action = {
        targets: [await s.timelock.getAddress(), ...replace.targets],
        values: [0n, 0n],
        calldatas: ["0x", ...replace.calldatas],
        description: "Signal, then remove the guardian",
      };
      const ids = [await propose(s, replace, s.secretariat), await propose(s, mixed, s.voters[0])];
      await expectRevert(s, () => cancelTx(s, replace, s.guardian), s.governor, "GovernorGuardianConflict", [
        ids[0],
      ]);
      await waitForSnapshot(s, ids[1]);
      await expectRevert(s, () => cancelTx(s, mixed, s.guardian), s.governor, "GovernorGuardianConflict", [
        ids[1],
      ]);
      expect(await s.governor.state(ids[1])).to.equal(ProposalState.Active);
    });

    it("lets the proposer cancel its own Pending guardian change (the conflict binds the guardian only)", async function () {
      const s = await networkHelpers.loadFixture(system);
      const m = await governorCall(
        s,
        s.governor.interface.encodeFunctionData("setGuardian", [ethers.ZeroAddress, 0n]),
        "Remove the guardian",
      );
      const id = await propose(s, m, s.secretariat);
      await expect(cancelTx(s, m, s.secretariat))
        .to.emit(s.governor, "ProposalCanceled")
        .withArgs(id);
    });

    it("reverts when a member that resigned cancels its own Pending motion (GovernorUnableToCancel)", async function () {
      const s = await networkHelpers.loadFixture(system);
      const m = await signal(s, "Proposed, then the member resigned");
      const id = await propose(s, m, s.voters[2]);
      await s.registry.connect(s.admins[2]).resign(3n);
      expect(await s.governor.state(id)).to.equal(ProposalState.Pending);
      await expectRevert(s, () => cancelTx(s, m, s.voters[2]), s.governor, "GovernorUnableToCancel", [
        id,
        s.voters[2].address,
      ]);
    });

    it("reverts when the guardian cancels an Executed motion (GovernorUnexpectedProposalState)", async function () {
      const s = await networkHelpers.loadFixture(system);
      const m = await signal(s, "Executed");
      const [id] = await passToEta(s, [m]);
      await executeTx(s, m);
      await expectRevert(s, () => cancelTx(s, m, s.guardian), s.governor, "GovernorUnexpectedProposalState", [
        id,
        ProposalState.Executed,
        CANCELLABLE,
      ]);
    });
  });

  describe("setLateQuorumVoteExtension", function () {
    it("sets the longest extension (7 days), which then extends a motion reaching quorum late", async function () {
      const s = await networkHelpers.loadFixture(system);
      const [m] = await enactable(
        s,
        s.governor.interface.encodeFunctionData("setLateQuorumVoteExtension", [MAX_LATE_QUORUM_EXTENSION]),
        "Longest late-quorum extension",
      );
      await expect(executeTx(s, m))
        .to.emit(s.governor, "LateQuorumVoteExtensionSet")
        .withArgs(LATE_QUORUM_EXTENSION, MAX_LATE_QUORUM_EXTENSION);
      expect(await s.governor.lateQuorumVoteExtension()).to.equal(MAX_LATE_QUORUM_EXTENSION);

      const late = await signal(s, "Quorum reached in the last hour");
      const id = await propose(s, late, s.secretariat);
      const deadline = await s.governor.proposalDeadline(id);
      await networkHelpers.time.increaseTo(deadline - 3600n);
      await s.governor.connect(s.voters[0]).castVote(id, Vote.For);
      const tx = s.governor.connect(s.voters[1]).castVote(id, Vote.For);
      const at = await timeOf(tx);
      await expect(tx)
        .to.emit(s.governor, "ProposalExtended")
        .withArgs(id, at + MAX_LATE_QUORUM_EXTENSION);
      expect(await s.governor.proposalDeadline(id)).to.equal(at + MAX_LATE_QUORUM_EXTENSION);
      await networkHelpers.time.increaseTo(deadline + 1n);
      expect(await s.governor.state(id)).to.equal(ProposalState.Active);
    });

    it("reverts when called directly (GovernorOnlyExecutor)", async function () {
      const s = await networkHelpers.loadFixture(system);
      await expectOnlyExecutor(
        s,
        s.governor.interface.encodeFunctionData("setLateQuorumVoteExtension", [DAY]),
      );
    });

    it("reverts when the extension is one second above 7 days (GovernorPreventLateQuorumVoteExtensionTooLarge)", async function () {
      const s = await networkHelpers.loadFixture(system);
      const [m, id] = await enactable(
        s,
        s.governor.interface.encodeFunctionData("setLateQuorumVoteExtension", [
          MAX_LATE_QUORUM_EXTENSION + 1n,
        ]),
        "Too long a late-quorum extension",
      );
      await expectMotionRevert(s, m, id, "GovernorPreventLateQuorumVoteExtensionTooLarge", [
        MAX_LATE_QUORUM_EXTENSION + 1n,
        MAX_LATE_QUORUM_EXTENSION,
      ]);
    });
  });

  describe("relay", function () {
    it("makes the governor call a target through a motion", async function () {
      const s = await networkHelpers.loadFixture(systemWithTarget);
      const targetAddress = await s.target.getAddress();
      const governorAddress = await s.governor.getAddress();
      const [m] = await enactable(
        s,
        s.governor.interface.encodeFunctionData("relay", [
          targetAddress,
          0n,
          s.target.interface.encodeFunctionData("setValue", [7n]),
        ]),
        "Relay a call",
      );
      await expect(executeTx(s, m)).to.emit(s.target, "ValueSet").withArgs(governorAddress, 7n, 0n);
      expect(await s.target.value()).to.equal(7n);
      expect(await s.target.lastCaller()).to.equal(governorAddress);
    });

    it("reverts when called directly (GovernorOnlyExecutor)", async function () {
      const s = await networkHelpers.loadFixture(systemWithTarget);
      await expectOnlyExecutor(
        s,
        s.governor.interface.encodeFunctionData("relay", [
          await s.target.getAddress(),
          0n,
          s.target.interface.encodeFunctionData("setValue", [7n]),
        ]),
      );
    });

    it("bubbles up the target's revert, leaving the motion Queued", async function () {
      const s = await networkHelpers.loadFixture(systemWithTarget);
      const [m, id] = await enactable(
        s,
        s.governor.interface.encodeFunctionData("relay", [
          await s.target.getAddress(),
          0n,
          s.target.interface.encodeFunctionData("fail", [3n]),
        ]),
        "Relay a failing call",
      );
      await expectRevert(s, () => executeTx(s, m), s.target, "SettableTargetFailed", [3n]);
      expect(await s.governor.state(id)).to.equal(ProposalState.Queued);
    });
  });

  describe("updateTimelock", function () {
    it("is refused at proposal, even to a properly configured second timelock (MotionPolicyForbiddenAction)", async function () {
      // Another timelock's role holders would command the governor (and, through relay, the council's timelock);
      // the policy refuses the move outright. Later motions keep running through the council's timelock.
      const s = await networkHelpers.loadFixture(system);
      const governorAddress = await s.governor.getAddress();
      const oldTimelock = await s.timelock.getAddress();
      const next = await ethers.deployContract("TimelockController", [
        TIMELOCK_MIN_DELAY,
        [governorAddress],
        [governorAddress],
        ethers.ZeroAddress,
      ]);
      const m = await governorCall(
        s,
        s.governor.interface.encodeFunctionData("updateTimelock", [await next.getAddress()]),
        "Move to the new timelock",
      );
      await expectRevert(s, () => proposeTx(s, m, s.secretariat), s.policy, "MotionPolicyForbiddenAction", [
        s.governor.interface.getFunction("updateTimelock").selector,
      ]);
      expect(await s.governor.timelock()).to.equal(oldTimelock);

      const limits = await governorCall(
        s,
        s.governor.interface.encodeFunctionData("setProposalLimits", [MAX_ACTIONS, 5n]),
        "Five live motions, through the council's timelock",
      );
      const id = await propose(s, limits, s.secretariat);
      await waitForSnapshot(s, id);
      await voteAll(s, id, s.voters, Vote.For);
      await waitForDeadline(s, id);
      await expect(
        s.governor.queue(limits.targets, limits.values, limits.calldatas, descriptionHash(limits)),
      ).to.emit(s.timelock, "CallScheduled");
      await waitForEta(s, id);
      const tx = executeTx(s, limits);
      await expect(tx).to.emit(s.governor, "ProposalLimitsSet").withArgs(MAX_ACTIONS, 5n);
      await expect(tx).to.emit(s.timelock, "CallExecuted");
      expect(await s.governor.maxLiveProposals()).to.equal(5n);
    });

    it("reverts when called directly (GovernorOnlyExecutor)", async function () {
      const s = await networkHelpers.loadFixture(system);
      await expectOnlyExecutor(
        s,
        s.governor.interface.encodeFunctionData("updateTimelock", [s.others[0].address]),
      );
    });
  });

  describe("proposer eligibility", function () {
    it("reverts when a member proposes from a rotated-away voter account (GovernorRestrictedProposer)", async function () {
      const s = await networkHelpers.loadFixture(system);
      await s.registry.connect(s.admins[0]).proposeVoter(1n, s.others[0].address);
      await s.registry.connect(s.others[0]).acceptVoter(1n);
      await expectRevert(
        s,
        async () => proposeTx(s, await signal(s, "From the old key"), s.voters[0]),
        s.governor,
        "GovernorRestrictedProposer",
        [s.voters[0].address],
      );
      await expect(proposeTx(s, await signal(s, "From the new key"), s.others[0])).to.emit(
        s.governor,
        "ProposalCreated",
      );
    });

    it("reverts when a member with no votes proposes (GovernorRestrictedProposer)", async function () {
      const s = await networkHelpers.loadFixture(systemWithIneligibleMember);
      await expectRevert(
        s,
        async () => proposeTx(s, await signal(s, "No votes"), s.voters[4]),
        s.governor,
        "GovernorRestrictedProposer",
        [s.voters[4].address],
      );
    });

    it("reverts when a member proposes in the block it became eligible (no flash eligibility)", async function () {
      const s = await networkHelpers.loadFixture(systemWithIneligibleMember);
      const m = await signal(s, "Flash eligible");
      const [stakeTx, proposeSent] = await inOneBlock([
        () => s.vault.connect(s.admins[4]).stake(STAKE_UNIT, { value: STAKE_UNIT, gasLimit: 1_000_000n }),
        () =>
          s.governor
            .connect(s.voters[4])
            .propose(m.targets, m.values, m.calldatas, m.description, { gasLimit: 3_000_000n }),
      ]);
      expect((await stakeTx.wait())?.status).to.equal(1);
      await expect(proposeSent)
        .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
        .withArgs(s.voters[4].address);
      expect(await s.governor.proposalCount()).to.equal(0n);
      // In the next block its votes are in the past: it may propose.
      await expect(proposeTx(s, m, s.voters[4])).to.emit(s.governor, "ProposalCreated");
    });

    it("reverts when a member's admin account or an outsider proposes (GovernorRestrictedProposer)", async function () {
      const s = await networkHelpers.loadFixture(system);
      for (const caller of [s.admins[0], s.others[0], s.guardian, s.deployer]) {
        await expectRevert(
          s,
          async () => proposeTx(s, await signal(s, "Not a proposer"), caller),
          s.governor,
          "GovernorRestrictedProposer",
          [caller.address],
        );
      }
    });
  });
});
