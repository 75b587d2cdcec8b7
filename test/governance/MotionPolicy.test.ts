/**
 * MotionPolicy: the constitution table (class of every call) and each class's thresholds and timing.
 *
 * One `describe` per function, the success path first, then one `it` per revert with its custom error and exact
 * arguments, followed by a comparison of the policy's whole observable state proving that nothing changed.
 * Owner-only functions are called by the timelock (the owner) through an impersonated signer; the last `describe`
 * changes the policy through real motions, as governance does.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";

import type { MotionPolicy, SettableTarget, TimelockController } from "../../typechain-types/index.js";
import { DAY, ethers, networkHelpers } from "../utils/council.js";
import {
  DEFAULT_CLASS_CONFIGS,
  MotionClass,
  ProposalState,
  TIMELOCK_MIN_DELAY,
  Vote,
  deploySystem,
  propose,
  queue,
  signallingMotion,
  voteAll,
  waitForDeadline,
  waitForEta,
  waitForSnapshot,
} from "../utils/governance.js";
import type { ClassConfig, Motion, System } from "../utils/governance.js";

const ANY = "0xffffffff";
const BPS = 10_000n;
const MIN_VOTING_TIME = DAY;
const MAX_VOTING_TIME = 28n * DAY;
const MIN_TIMELOCK_DELAY = 2n * DAY;
const MAX_TIMELOCK_DELAY = 30n * DAY;
const MIN_QUORUM_BPS = 100n;
const CLASSES = [
  MotionClass.Standard,
  MotionClass.Treasury,
  MotionClass.Constitutional,
  MotionClass.Admission,
  MotionClass.NoConfidence,
];

interface PolicySystem extends System {
  /** The timelock (the policy's owner), impersonated. */
  owner: HardhatEthersSigner;
  target: SettableTarget;
  targetAddress: string;
  setValue: string;
  fail: string;
}

interface Entry {
  target: string;
  selector: string;
  motionClass: MotionClass;
}

// ---------------------------------------------------------------- fixtures (named, for loadFixture)

/**
 * The whole system with a SettableTarget in the table (wildcard Treasury, `setValue` Standard), and the timelock
 * impersonated so that owner-only functions can be called directly.
 */
async function policySystem(): Promise<PolicySystem> {
  const target = await ethers.deployContract("SettableTarget");
  const targetAddress = await target.getAddress();
  const setValue = target.interface.getFunction("setValue").selector;
  const fail = target.interface.getFunction("fail").selector;
  const s = await deploySystem({
    actionClasses: [
      { target: targetAddress, selector: ANY, motionClass: MotionClass.Treasury },
      { target: targetAddress, selector: setValue, motionClass: MotionClass.Standard },
    ],
  });
  const timelockAddress = await s.timelock.getAddress();
  await networkHelpers.setBalance(timelockAddress, ethers.parseEther("100"));
  const owner = await ethers.getImpersonatedSigner(timelockAddress);
  return { ...s, owner, target, targetAddress, setValue, fail };
}

/** A timelock with a 3-day minimum delay, to test the "not below the timelock's delay" bound. */
function slowTimelock(): Promise<TimelockController> {
  return ethers.deployContract("TimelockController", [3n * DAY, [], [], ethers.ZeroAddress]);
}

// ---------------------------------------------------------------- helpers

function withConfig(cls: MotionClass, change: Partial<ClassConfig>): ClassConfig {
  return { ...DEFAULT_CLASS_CONFIGS[cls], ...change };
}

function configTuple(c: ClassConfig): bigint[] {
  return [
    c.votingDelay,
    c.votingPeriod,
    c.timelockDelay,
    c.memberQuorumBps,
    c.voteQuorumBps,
    c.approvalNumerator,
    c.approvalDenominator,
  ];
}

async function storedConfig(policy: MotionPolicy, cls: MotionClass): Promise<bigint[]> {
  return [...(await policy.classConfig(cls))];
}

/** Invalid class configurations: one bound crossed at its edge each. */
const INVALID_CONFIGS: [string, Partial<ClassConfig>][] = [
  ["the voting delay is one second below 1 day", { votingDelay: MIN_VOTING_TIME - 1n }],
  ["the voting delay is one second above 28 days", { votingDelay: MAX_VOTING_TIME + 1n }],
  ["the voting period is zero", { votingPeriod: 0n }],
  ["the voting period is one second below 1 day", { votingPeriod: MIN_VOTING_TIME - 1n }],
  ["the voting period is one second above 28 days", { votingPeriod: MAX_VOTING_TIME + 1n }],
  ["the timelock delay is one second below 2 days", { timelockDelay: MIN_TIMELOCK_DELAY - 1n }],
  ["the timelock delay is one second above 30 days", { timelockDelay: MAX_TIMELOCK_DELAY + 1n }],
  ["the member quorum is 99 bps", { memberQuorumBps: MIN_QUORUM_BPS - 1n }],
  ["the member quorum is 10001 bps", { memberQuorumBps: BPS + 1n }],
  ["the vote quorum is 99 bps", { voteQuorumBps: MIN_QUORUM_BPS - 1n }],
  ["the vote quorum is 10001 bps", { voteQuorumBps: BPS + 1n }],
  ["the approval denominator is zero", { approvalNumerator: 0n, approvalDenominator: 0n }],
  ["the approval numerator exceeds the denominator", { approvalNumerator: 3n, approvalDenominator: 2n }],
  ["the approval is below one half (1/3)", { approvalNumerator: 1n, approvalDenominator: 3n }],
  ["the approval is just below one half (49/100)", { approvalNumerator: 49n, approvalDenominator: 100n }],
];

/** Every bound at its lowest and highest accepted edge. */
const LOWEST: ClassConfig = {
  votingDelay: MIN_VOTING_TIME,
  votingPeriod: MIN_VOTING_TIME,
  timelockDelay: MIN_TIMELOCK_DELAY,
  memberQuorumBps: MIN_QUORUM_BPS,
  voteQuorumBps: MIN_QUORUM_BPS,
  approvalNumerator: 1n,
  approvalDenominator: 2n,
};
const HIGHEST: ClassConfig = {
  votingDelay: MAX_VOTING_TIME,
  votingPeriod: MAX_VOTING_TIME,
  timelockDelay: MAX_TIMELOCK_DELAY,
  memberQuorumBps: BPS,
  voteQuorumBps: BPS,
  approvalNumerator: 255n,
  approvalDenominator: 255n,
};

/** The policy's observable state: class configurations, table entries of interest, ownership, block number. */
async function policyState(
  s: PolicySystem,
  policy: MotionPolicy = s.policy,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const cls of CLASSES) out[`class ${cls}`] = await storedConfig(policy, cls);
  out.smallest = await policy.smallestTimelockDelay();
  const registryAddress = await s.registry.getAddress();
  const pairs: [string, string][] = [
    [s.targetAddress, ANY],
    [s.targetAddress, s.setValue],
    [s.targetAddress, s.fail],
    [registryAddress, ANY],
    [registryAddress, s.registry.interface.getFunction("setCouncilSizeBounds").selector],
    [await s.vault.getAddress(), ANY],
    [await s.governor.getAddress(), ANY],
    [s.others[0].address, ANY],
    [s.others[0].address, "0x00000000"],
  ];
  for (const [target, selector] of pairs)
    out[`entry ${target}/${selector}`] = [...(await policy.actionClass(target, selector))];
  out.owner = [await policy.owner(), await policy.pendingOwner(), await policy.registry()];
  out.block = await ethers.provider.getBlockNumber();
  return out;
}

async function expectPolicyRevert(
  s: PolicySystem,
  send: () => Promise<unknown>,
  error: string,
  args: unknown[],
): Promise<void> {
  const before = await policyState(s);
  await expect(send())
    .to.be.revertedWithCustomError(s.policy, error)
    .withArgs(...args);
  expect(await policyState(s)).to.deep.equal(before);
}

/** The constructor takes exactly five configurations, one per class. */
function fiveConfigs(
  configs: ClassConfig[],
): [ClassConfig, ClassConfig, ClassConfig, ClassConfig, ClassConfig] {
  if (configs.length !== 5) throw new Error("five class configurations expected");
  return [configs[0], configs[1], configs[2], configs[3], configs[4]];
}

async function deployPolicy(
  owner: string,
  registry: string,
  configs: ClassConfig[],
  entries: Entry[] = [],
): Promise<MotionPolicy> {
  return ethers.deployContract("MotionPolicy", [owner, registry, configs, entries]);
}

// ---------------------------------------------------------------- tests

describe("MotionPolicy", function () {
  describe("constructor", function () {
    it("stores the owner, registry, class configurations and entries, and emits an event for each", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const timelockAddress = await s.timelock.getAddress();
      const registryAddress = await s.registry.getAddress();
      const configs = [
        LOWEST,
        HIGHEST,
        DEFAULT_CLASS_CONFIGS[2],
        DEFAULT_CLASS_CONFIGS[3],
        DEFAULT_CLASS_CONFIGS[4],
      ];
      const entries: Entry[] = [
        { target: s.targetAddress, selector: ANY, motionClass: MotionClass.Standard },
        { target: s.targetAddress, selector: s.fail, motionClass: MotionClass.Constitutional },
        { target: registryAddress, selector: ANY, motionClass: MotionClass.Treasury },
      ];
      const policy = await deployPolicy(timelockAddress, registryAddress, configs, entries);
      const deployment = policy.deploymentTransaction();
      if (deployment === null) throw new Error("no deployment transaction");
      for (const cls of CLASSES) {
        expect(await storedConfig(policy, cls)).to.deep.equal(configTuple(configs[cls]));
        await expect(deployment).to.emit(policy, "ClassConfigSet").withArgs(cls, configTuple(configs[cls]));
      }
      for (const e of entries) {
        expect([...(await policy.actionClass(e.target, e.selector))]).to.deep.equal([
          BigInt(e.motionClass),
          true,
        ]);
        await expect(deployment)
          .to.emit(policy, "ActionClassSet")
          .withArgs(e.target, e.selector, e.motionClass, false);
      }
      expect(await policy.owner()).to.equal(timelockAddress);
      expect(await policy.registry()).to.equal(registryAddress);
      expect(await policy.smallestTimelockDelay()).to.equal(MIN_TIMELOCK_DELAY);
    });

    it("accepts every bound at its lowest and highest edge, and 2/3 approval", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const timelockAddress = await s.timelock.getAddress();
      const registryAddress = await s.registry.getAddress();
      const twoThirds = { ...LOWEST, approvalNumerator: 2n, approvalDenominator: 3n };
      const oneOne = { ...LOWEST, approvalNumerator: 1n, approvalDenominator: 1n };
      const policy = await deployPolicy(timelockAddress, registryAddress, [
        LOWEST,
        HIGHEST,
        twoThirds,
        oneOne,
        HIGHEST,
      ]);
      expect(await storedConfig(policy, MotionClass.Standard)).to.deep.equal(configTuple(LOWEST));
      expect(await storedConfig(policy, MotionClass.Treasury)).to.deep.equal(configTuple(HIGHEST));
      expect(await storedConfig(policy, MotionClass.Constitutional)).to.deep.equal(configTuple(twoThirds));
      expect(await storedConfig(policy, MotionClass.Admission)).to.deep.equal(configTuple(oneOne));
    });

    it("accepts a class timelock delay equal to the owner timelock's minimum delay", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const slow = await slowTimelock();
      const configs = CLASSES.map((cls) => withConfig(cls, { timelockDelay: 3n * DAY }));
      const policy = await deployPolicy(await slow.getAddress(), await s.registry.getAddress(), configs);
      expect(await policy.smallestTimelockDelay()).to.equal(3n * DAY);
    });

    const factoryRevert = async (
      s: PolicySystem,
      owner: string,
      configs: ClassConfig[],
      entries: Entry[],
      error: string,
      args: unknown[],
    ): Promise<void> => {
      const factory = await ethers.getContractFactory("MotionPolicy");
      const block = await ethers.provider.getBlockNumber();
      await expect(factory.deploy(owner, await s.registry.getAddress(), fiveConfigs(configs), entries))
        .to.be.revertedWithCustomError(factory, error)
        .withArgs(...args);
      expect(await ethers.provider.getBlockNumber()).to.equal(block);
    };

    INVALID_CONFIGS.forEach(([label, change], i) => {
      const cls = CLASSES[i % CLASSES.length];
      it(`reverts when ${label} (class ${MotionClass[cls]})`, async function () {
        const s = await networkHelpers.loadFixture(policySystem);
        const configs = CLASSES.map((c) => (c === cls ? withConfig(c, change) : DEFAULT_CLASS_CONFIGS[c]));
        await factoryRevert(s, await s.timelock.getAddress(), configs, [], "MotionPolicyInvalidClassConfig", [
          cls,
        ]);
      });
    });

    it("reverts when a class timelock delay is below the owner timelock's minimum delay", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const slow = await slowTimelock();
      const configs = CLASSES.map((cls) =>
        withConfig(cls, { timelockDelay: cls === MotionClass.Treasury ? 3n * DAY - 1n : 3n * DAY }),
      );
      await factoryRevert(s, await slow.getAddress(), configs, [], "MotionPolicyInvalidClassConfig", [
        MotionClass.Treasury,
      ]);
    });

    for (const [label, registry] of [
      ["the zero address", ethers.ZeroAddress],
      ["an account without code", "0x000000000000000000000000000000000000bEEF"],
    ] as const) {
      it(`reverts when the registry is ${label} (MotionPolicyNotAContract)`, async function () {
        const s = await networkHelpers.loadFixture(policySystem);
        const factory = await ethers.getContractFactory("MotionPolicy");
        const block = await ethers.provider.getBlockNumber();
        await expect(
          factory.deploy(await s.timelock.getAddress(), registry, fiveConfigs(DEFAULT_CLASS_CONFIGS), []),
        )
          .to.be.revertedWithCustomError(factory, "MotionPolicyNotAContract")
          .withArgs(registry);
        expect(await ethers.provider.getBlockNumber()).to.equal(block);
      });
    }

    it("reverts when an initial entry is invalid (the timelock as target)", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const timelockAddress = await s.timelock.getAddress();
      await factoryRevert(
        s,
        timelockAddress,
        DEFAULT_CLASS_CONFIGS,
        [{ target: timelockAddress, selector: ANY, motionClass: MotionClass.Standard }],
        "MotionPolicyInvalidActionClass",
        [timelockAddress, ANY],
      );
    });

    it("reverts when an initial entry is reserved (the registry's admit)", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const registryAddress = await s.registry.getAddress();
      const admit = s.registry.interface.getFunction("admit").selector;
      await factoryRevert(
        s,
        await s.timelock.getAddress(),
        DEFAULT_CLASS_CONFIGS,
        [{ target: registryAddress, selector: admit, motionClass: MotionClass.Standard }],
        "MotionPolicyInvalidActionClass",
        [registryAddress, admit],
      );
    });
  });

  describe("setClassConfig", function () {
    it("sets a class's configuration and emits ClassConfigSet", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const config = withConfig(MotionClass.Treasury, { votingPeriod: 3n * DAY, timelockDelay: 4n * DAY });
      await expect(s.policy.connect(s.owner).setClassConfig(MotionClass.Treasury, config))
        .to.emit(s.policy, "ClassConfigSet")
        .withArgs(MotionClass.Treasury, configTuple(config));
      expect(await storedConfig(s.policy, MotionClass.Treasury)).to.deep.equal(configTuple(config));
      expect(await storedConfig(s.policy, MotionClass.Standard)).to.deep.equal(
        configTuple(DEFAULT_CLASS_CONFIGS[MotionClass.Standard]),
      );
    });

    it("accepts every bound at its lowest and highest edge", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      for (const [cls, config] of [
        [MotionClass.Standard, LOWEST],
        [MotionClass.Admission, HIGHEST],
      ] as [MotionClass, ClassConfig][]) {
        await expect(s.policy.connect(s.owner).setClassConfig(cls, config))
          .to.emit(s.policy, "ClassConfigSet")
          .withArgs(cls, configTuple(config));
        expect(await storedConfig(s.policy, cls)).to.deep.equal(configTuple(config));
      }
    });

    it("reverts when the caller is not the owner", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      for (const caller of [s.deployer, s.secretariat, s.voters[0]]) {
        await expectPolicyRevert(
          s,
          () => s.policy.connect(caller).setClassConfig(MotionClass.Standard, LOWEST),
          "OwnableUnauthorizedAccount",
          [caller.address],
        );
      }
    });

    INVALID_CONFIGS.forEach(([label, change], i) => {
      const cls = CLASSES[(i + 2) % CLASSES.length];
      it(`reverts when ${label} (class ${MotionClass[cls]})`, async function () {
        const s = await networkHelpers.loadFixture(policySystem);
        await expectPolicyRevert(
          s,
          () => s.policy.connect(s.owner).setClassConfig(cls, withConfig(cls, change)),
          "MotionPolicyInvalidClassConfig",
          [cls],
        );
      });
    });

    it("reverts when the timelock delay is below the owner timelock's minimum delay", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const slow = await slowTimelock();
      const slowAddress = await slow.getAddress();
      const configs = CLASSES.map((cls) => withConfig(cls, { timelockDelay: 3n * DAY }));
      const policy = await deployPolicy(slowAddress, await s.registry.getAddress(), configs);
      await networkHelpers.setBalance(slowAddress, ethers.parseEther("1"));
      const slowOwner = await ethers.getImpersonatedSigner(slowAddress);
      const before = await policyState(s, policy);
      await expect(
        policy
          .connect(slowOwner)
          .setClassConfig(MotionClass.Standard, withConfig(0, { timelockDelay: 3n * DAY - 1n })),
      )
        .to.be.revertedWithCustomError(policy, "MotionPolicyInvalidClassConfig")
        .withArgs(MotionClass.Standard);
      expect(await policyState(s, policy)).to.deep.equal(before);
      await expect(
        policy
          .connect(slowOwner)
          .setClassConfig(MotionClass.Standard, withConfig(0, { timelockDelay: 3n * DAY })),
      ).to.emit(policy, "ClassConfigSet");
    });
  });

  describe("setActionClasses", function () {
    it("sets several entries (Standard, Treasury, Constitutional), overwriting, and emits ActionClassSet for each", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const vaultAddress = await s.vault.getAddress();
      const registryAddress = await s.registry.getAddress();
      const bounds = s.registry.interface.getFunction("setCouncilSizeBounds").selector;
      const entries: Entry[] = [
        { target: s.targetAddress, selector: s.setValue, motionClass: MotionClass.Treasury },
        { target: vaultAddress, selector: ANY, motionClass: MotionClass.Constitutional },
        { target: registryAddress, selector: bounds, motionClass: MotionClass.Standard },
      ];
      const tx = s.policy.connect(s.owner).setActionClasses(entries);
      for (const e of entries) {
        await expect(tx)
          .to.emit(s.policy, "ActionClassSet")
          .withArgs(e.target, e.selector, e.motionClass, false);
      }
      for (const e of entries) {
        expect([...(await s.policy.actionClass(e.target, e.selector))]).to.deep.equal([
          BigInt(e.motionClass),
          true,
        ]);
      }
    });

    it("accepts an entry for the registry's other functions and its wildcard, leaving admit and remove reserved", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const registryAddress = await s.registry.getAddress();
      const governorAddress = await s.governor.getAddress();
      await s.policy
        .connect(s.owner)
        .setActionClasses([{ target: registryAddress, selector: ANY, motionClass: MotionClass.Standard }]);
      const bounds = s.registry.interface.encodeFunctionData("setCouncilSizeBounds", [1n, 100n]);
      expect(await s.policy.classifyAction(governorAddress, registryAddress, 0n, bounds)).to.equal(
        MotionClass.Standard,
      );
      const admit = s.registry.interface.encodeFunctionData("admit", [6n]);
      await expect(s.policy.classifyAction(governorAddress, registryAddress, 0n, admit))
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyReservedAction")
        .withArgs(registryAddress, s.registry.interface.getFunction("admit").selector);
    });

    it("reverts when the caller is not the owner", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      await expectPolicyRevert(
        s,
        () =>
          s.policy
            .connect(s.secretariat)
            .setActionClasses([
              { target: s.targetAddress, selector: s.fail, motionClass: MotionClass.Standard },
            ]),
        "OwnableUnauthorizedAccount",
        [s.secretariat.address],
      );
    });

    const invalid: [string, (s: PolicySystem) => Promise<Entry>][] = [
      [
        "the class is Admission (reserved)",
        async (s) => ({ target: s.targetAddress, selector: s.fail, motionClass: MotionClass.Admission }),
      ],
      [
        "the class is No-confidence (reserved)",
        async (s) => ({ target: s.targetAddress, selector: s.fail, motionClass: MotionClass.NoConfidence }),
      ],
      [
        "the target is the zero address",
        async () => ({ target: ethers.ZeroAddress, selector: ANY, motionClass: MotionClass.Standard }),
      ],
      [
        "the target is the policy itself",
        async (s) => ({
          target: await s.policy.getAddress(),
          selector: ANY,
          motionClass: MotionClass.Standard,
        }),
      ],
      [
        "the target is the timelock (the owner)",
        async (s) => ({
          target: await s.timelock.getAddress(),
          selector: "0x00000000",
          motionClass: MotionClass.Standard,
        }),
      ],
      [
        "the entry is the registry's admit",
        async (s) => ({
          target: await s.registry.getAddress(),
          selector: s.registry.interface.getFunction("admit").selector,
          motionClass: MotionClass.Constitutional,
        }),
      ],
      [
        "the entry is the registry's remove",
        async (s) => ({
          target: await s.registry.getAddress(),
          selector: s.registry.interface.getFunction("remove").selector,
          motionClass: MotionClass.Constitutional,
        }),
      ],
    ];
    for (const [label, make] of invalid) {
      it(`reverts when ${label}`, async function () {
        const s = await networkHelpers.loadFixture(policySystem);
        const entry = await make(s);
        await expectPolicyRevert(
          s,
          () => s.policy.connect(s.owner).setActionClasses([entry]),
          "MotionPolicyInvalidActionClass",
          [entry.target, entry.selector],
        );
      });
    }

    it("reverts the whole batch when one entry is invalid (the valid one before it is not stored)", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const timelockAddress = await s.timelock.getAddress();
      await expectPolicyRevert(
        s,
        () =>
          s.policy.connect(s.owner).setActionClasses([
            { target: s.targetAddress, selector: s.fail, motionClass: MotionClass.Standard },
            { target: timelockAddress, selector: ANY, motionClass: MotionClass.Standard },
          ]),
        "MotionPolicyInvalidActionClass",
        [timelockAddress, ANY],
      );
    });
  });

  describe("clearActionClass", function () {
    it("removes an entry (the wildcard then applies) and emits ActionClassSet(..., Constitutional, true)", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const governorAddress = await s.governor.getAddress();
      const data = s.target.interface.encodeFunctionData("setValue", [1n]);
      expect(await s.policy.classifyAction(governorAddress, s.targetAddress, 0n, data)).to.equal(
        MotionClass.Standard,
      );
      await expect(s.policy.connect(s.owner).clearActionClass(s.targetAddress, s.setValue))
        .to.emit(s.policy, "ActionClassSet")
        .withArgs(s.targetAddress, s.setValue, MotionClass.Constitutional, true);
      expect([...(await s.policy.actionClass(s.targetAddress, s.setValue))]).to.deep.equal([
        BigInt(MotionClass.Constitutional),
        false,
      ]);
      expect(await s.policy.classifyAction(governorAddress, s.targetAddress, 0n, data)).to.equal(
        MotionClass.Treasury,
      );
      // With the wildcard cleared too, the target is unknown: Constitutional.
      await s.policy.connect(s.owner).clearActionClass(s.targetAddress, ANY);
      expect(await s.policy.classifyAction(governorAddress, s.targetAddress, 0n, data)).to.equal(
        MotionClass.Constitutional,
      );
    });

    it("emits for an entry that was never set, changing nothing else", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      await expect(s.policy.connect(s.owner).clearActionClass(s.others[0].address, ANY))
        .to.emit(s.policy, "ActionClassSet")
        .withArgs(s.others[0].address, ANY, MotionClass.Constitutional, true);
      expect([...(await s.policy.actionClass(s.targetAddress, s.setValue))]).to.deep.equal([
        BigInt(MotionClass.Standard),
        true,
      ]);
    });

    it("reverts when the caller is not the owner", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      await expectPolicyRevert(
        s,
        () => s.policy.connect(s.voters[0]).clearActionClass(s.targetAddress, s.setValue),
        "OwnableUnauthorizedAccount",
        [s.voters[0].address],
      );
    });
  });

  describe("classifyAction", function () {
    it("prefers the selector entry to the target's wildcard", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const g = await s.governor.getAddress();
      const setValue = s.target.interface.encodeFunctionData("setValue", [7n]);
      const fail = s.target.interface.encodeFunctionData("fail", [7n]);
      expect(await s.policy.classifyAction(g, s.targetAddress, 0n, setValue)).to.equal(MotionClass.Standard);
      expect(await s.policy.classifyAction(g, s.targetAddress, 0n, fail)).to.equal(MotionClass.Treasury);
      // Calldata shorter than a selector (and empty calldata) falls back to the wildcard too.
      expect(await s.policy.classifyAction(g, s.targetAddress, 0n, "0x")).to.equal(MotionClass.Treasury);
      expect(await s.policy.classifyAction(g, s.targetAddress, 0n, "0x12")).to.equal(MotionClass.Treasury);
    });

    it("classifies a plain payment to an account without code Standard (Treasury with value)", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const g = await s.governor.getAddress();
      expect(await s.policy.classifyAction(g, s.others[0].address, 0n, "0x")).to.equal(MotionClass.Standard);
      expect(await s.policy.classifyAction(g, s.others[0].address, 1n, "0x")).to.equal(MotionClass.Treasury);
      // With calldata, an account without code is unknown: Constitutional.
      expect(await s.policy.classifyAction(g, s.others[0].address, 0n, "0x12345678")).to.equal(
        MotionClass.Constitutional,
      );
    });

    it("classifies an unknown target, or a known target's unlisted selector without wildcard, Constitutional", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const g = await s.governor.getAddress();
      const vaultAddress = await s.vault.getAddress();
      expect(await s.policy.classifyAction(g, vaultAddress, 0n, "0x")).to.equal(MotionClass.Constitutional);
      expect(
        await s.policy.classifyAction(
          g,
          vaultAddress,
          0n,
          s.vault.interface.encodeFunctionData("setStakeUnit", [1n]),
        ),
      ).to.equal(MotionClass.Constitutional);
      await s.policy
        .connect(s.owner)
        .setActionClasses([
          { target: vaultAddress, selector: "0x12345678", motionClass: MotionClass.Standard },
        ]);
      expect(
        await s.policy.classifyAction(
          g,
          vaultAddress,
          0n,
          s.vault.interface.encodeFunctionData("setStakeUnit", [1n]),
        ),
      ).to.equal(MotionClass.Constitutional);
      expect(await s.policy.classifyAction(g, vaultAddress, 0n, "0x12345678")).to.equal(MotionClass.Standard);
    });

    it("lifts a Standard action that sends value to Treasury, and never lowers a higher class", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const g = await s.governor.getAddress();
      const setValue = s.target.interface.encodeFunctionData("setValue", [7n]);
      const fail = s.target.interface.encodeFunctionData("fail", [7n]);
      expect(await s.policy.classifyAction(g, s.targetAddress, 1n, setValue)).to.equal(MotionClass.Treasury);
      expect(await s.policy.classifyAction(g, s.targetAddress, 1n, fail)).to.equal(MotionClass.Treasury);
      expect(await s.policy.classifyAction(g, s.others[0].address, 1n, "0x")).to.equal(MotionClass.Treasury);
      // An unlisted contract stays Constitutional with value.
      expect(await s.policy.classifyAction(g, await s.vault.getAddress(), 1n, "0x")).to.equal(
        MotionClass.Constitutional,
      );
    });

    it("classifies any call to the governor, the timelock or the policy Constitutional, whatever the table says", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const g = await s.governor.getAddress();
      const timelockAddress = await s.timelock.getAddress();
      const policyAddress = await s.policy.getAddress();
      // The policy does not know the governor: a table entry for it is accepted but never used for that governor.
      await s.policy
        .connect(s.owner)
        .setActionClasses([{ target: g, selector: ANY, motionClass: MotionClass.Standard }]);
      const limits = s.governor.interface.encodeFunctionData("setProposalLimits", [1n, 1n]);
      expect(await s.policy.classifyAction(g, g, 0n, limits)).to.equal(MotionClass.Constitutional);
      expect(await s.policy.classifyAction(g, g, 0n, "0x")).to.equal(MotionClass.Constitutional);
      expect(await s.policy.classifyAction(s.others[0].address, g, 0n, limits)).to.equal(
        MotionClass.Standard,
      );
      const delay = s.timelock.interface.encodeFunctionData("updateDelay", [3n * DAY]);
      expect(await s.policy.classifyAction(g, timelockAddress, 0n, delay)).to.equal(
        MotionClass.Constitutional,
      );
      expect(await s.policy.classifyAction(g, policyAddress, 0n, "0x")).to.equal(MotionClass.Constitutional);
      const config = s.policy.interface.encodeFunctionData("setClassConfig", [0, LOWEST]);
      expect(await s.policy.classifyAction(g, policyAddress, 0n, config)).to.equal(
        MotionClass.Constitutional,
      );
    });

    it("classifies an empty, value-less call to the timelock Standard (a signal), and with value or data Constitutional", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const g = await s.governor.getAddress();
      const timelockAddress = await s.timelock.getAddress();
      expect(await s.policy.classifyAction(g, timelockAddress, 0n, "0x")).to.equal(MotionClass.Standard);
      expect(await s.policy.classifyAction(g, timelockAddress, 1n, "0x")).to.equal(
        MotionClass.Constitutional,
      );
      expect(await s.policy.classifyAction(g, timelockAddress, 0n, "0x00")).to.equal(
        MotionClass.Constitutional,
      );
    });

    it("reverts when the action is the registry's admit or remove (MotionPolicyReservedAction), whatever the governor", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const registryAddress = await s.registry.getAddress();
      const calls: [string, string][] = [
        [
          s.registry.interface.encodeFunctionData("admit", [6n]),
          s.registry.interface.getFunction("admit").selector,
        ],
        [
          s.registry.interface.encodeFunctionData("remove", [1n]),
          s.registry.interface.getFunction("remove").selector,
        ],
      ];
      for (const [data, selector] of calls) {
        for (const governor of [await s.governor.getAddress(), s.others[0].address]) {
          await expect(s.policy.classifyAction(governor, registryAddress, 0n, data))
            .to.be.revertedWithCustomError(s.policy, "MotionPolicyReservedAction")
            .withArgs(registryAddress, selector);
        }
      }
      // The same selector on another target is not reserved.
      const admitElsewhere = s.registry.interface.encodeFunctionData("admit", [6n]);
      expect(
        await s.policy.classifyAction(await s.governor.getAddress(), s.targetAddress, 0n, admitElsewhere),
      ).to.equal(MotionClass.Treasury);
    });
    it("reverts when the action calls the timelock's schedule, scheduleBatch, execute, executeBatch or cancel", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const g = await s.governor.getAddress();
      const timelockAddress = await s.timelock.getAddress();
      const tl = s.timelock.interface;
      const salt = ethers.ZeroHash;
      const calls: ["schedule" | "scheduleBatch" | "execute" | "executeBatch" | "cancel", string][] = [
        ["schedule", tl.encodeFunctionData("schedule", [s.targetAddress, 0n, "0x", salt, salt, 2n * DAY])],
        [
          "scheduleBatch",
          tl.encodeFunctionData("scheduleBatch", [[s.targetAddress], [0n], ["0x"], salt, salt, 2n * DAY]),
        ],
        ["execute", tl.encodeFunctionData("execute", [s.targetAddress, 0n, "0x", salt, salt])],
        [
          "executeBatch",
          tl.encodeFunctionData("executeBatch", [[s.targetAddress], [0n], ["0x"], salt, salt]),
        ],
        ["cancel", tl.encodeFunctionData("cancel", [salt])],
      ];
      for (const [name, data] of calls) {
        await expect(s.policy.classifyAction(g, timelockAddress, 0n, data), name)
          .to.be.revertedWithCustomError(s.policy, "MotionPolicyForbiddenAction")
          .withArgs(tl.getFunction(name).selector);
      }
      // The timelock's other functions stay Constitutional.
      const delay = tl.encodeFunctionData("updateDelay", [3n * DAY]);
      expect(await s.policy.classifyAction(g, timelockAddress, 0n, delay)).to.equal(
        MotionClass.Constitutional,
      );
    });

    it("reverts when the action moves the governor to another timelock (updateTimelock)", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const g = await s.governor.getAddress();
      const data = s.governor.interface.encodeFunctionData("updateTimelock", [s.others[0].address]);
      await expect(s.policy.classifyAction(g, g, 0n, data))
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyForbiddenAction")
        .withArgs(s.governor.interface.getFunction("updateTimelock").selector);
    });

    it("reverts when the action relays a call to the timelock, the governor or the policy", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const g = await s.governor.getAddress();
      const relay = s.governor.interface.getFunction("relay").selector;
      const grant = s.timelock.interface.encodeFunctionData("grantRole", [
        await s.timelock.EXECUTOR_ROLE(),
        s.others[0].address,
      ]);
      const inner: [string, string][] = [
        [await s.timelock.getAddress(), grant],
        [await s.timelock.getAddress(), "0x"],
        [g, s.governor.interface.encodeFunctionData("setProposalLimits", [1n, 1n])],
        [await s.policy.getAddress(), s.policy.interface.encodeFunctionData("setClassConfig", [0, LOWEST])],
      ];
      for (const [target, data] of inner) {
        const call = s.governor.interface.encodeFunctionData("relay", [target, 0n, data]);
        await expect(s.policy.classifyAction(g, g, 0n, call))
          .to.be.revertedWithCustomError(s.policy, "MotionPolicyForbiddenAction")
          .withArgs(relay);
      }
    });

    it("reverts when the action relays the registry's admit or remove (reserved for membership motions)", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const g = await s.governor.getAddress();
      const registryAddress = await s.registry.getAddress();
      for (const data of [
        s.registry.interface.encodeFunctionData("admit", [6n]),
        s.registry.interface.encodeFunctionData("remove", [1n]),
      ]) {
        const call = s.governor.interface.encodeFunctionData("relay", [registryAddress, 0n, data]);
        await expect(s.policy.classifyAction(g, g, 0n, call))
          .to.be.revertedWithCustomError(s.policy, "MotionPolicyForbiddenAction")
          .withArgs(s.governor.interface.getFunction("relay").selector);
      }
    });

    it("reverts when the relay calldata is too short to read its target", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const g = await s.governor.getAddress();
      const relay = s.governor.interface.getFunction("relay").selector;
      const full = s.governor.interface.encodeFunctionData("relay", [s.targetAddress, 0n, "0x"]);
      for (const data of [relay, ethers.dataSlice(full, 0, 99)]) {
        await expect(s.policy.classifyAction(g, g, 0n, data))
          .to.be.revertedWithCustomError(s.policy, "MotionPolicyForbiddenAction")
          .withArgs(relay);
      }
    });

    it("classifies a relay to any other contract Constitutional (a call to the governor), short inner calldata too", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const g = await s.governor.getAddress();
      const registryAddress = await s.registry.getAddress();
      const relays = [
        [s.targetAddress, s.target.interface.encodeFunctionData("setValue", [7n])],
        [s.targetAddress, "0x12"],
        [registryAddress, s.registry.interface.encodeFunctionData("setSponsorshipWindow", [DAY])],
      ];
      for (const [target, data] of relays) {
        const call = s.governor.interface.encodeFunctionData("relay", [target, 0n, data]);
        expect(await s.policy.classifyAction(g, g, 0n, call)).to.equal(MotionClass.Constitutional);
      }
      // Relay calldata sent to another contract is not the governor's relay: the table decides.
      const call = s.governor.interface.encodeFunctionData("relay", [
        await s.timelock.getAddress(),
        0n,
        "0x",
      ]);
      expect(await s.policy.classifyAction(g, s.targetAddress, 0n, call)).to.equal(MotionClass.Treasury);
    });
  });

  describe("classifyActions", function () {
    it("returns the highest class of the actions (Standard for none)", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const g = await s.governor.getAddress();
      const timelockAddress = await s.timelock.getAddress();
      const setValue = s.target.interface.encodeFunctionData("setValue", [7n]);
      const fail = s.target.interface.encodeFunctionData("fail", [7n]);
      expect(await s.policy.classifyActions(g, [], [], [])).to.equal(MotionClass.Standard);
      expect(
        await s.policy.classifyActions(g, [timelockAddress, s.targetAddress], [0n, 0n], ["0x", setValue]),
      ).to.equal(MotionClass.Standard);
      expect(
        await s.policy.classifyActions(g, [s.targetAddress, s.targetAddress], [0n, 0n], [setValue, fail]),
      ).to.equal(MotionClass.Treasury);
      expect(
        await s.policy.classifyActions(
          g,
          [s.targetAddress, g, s.targetAddress],
          [0n, 0n, 0n],
          [setValue, "0x", fail],
        ),
      ).to.equal(MotionClass.Constitutional);
    });

    const mismatched: [number, number, number][] = [
      [2, 1, 1],
      [1, 2, 1],
      [1, 1, 2],
      [0, 1, 0],
    ];
    for (const [t, v, c] of mismatched) {
      it(`reverts when the lengths differ (${t} targets, ${v} values, ${c} calldatas)`, async function () {
        const s = await networkHelpers.loadFixture(policySystem);
        await expect(
          s.policy.classifyActions(
            await s.governor.getAddress(),
            Array<string>(t).fill(s.targetAddress),
            Array<bigint>(v).fill(0n),
            Array<string>(c).fill("0x"),
          ),
        )
          .to.be.revertedWithCustomError(s.policy, "MotionPolicyInvalidActions")
          .withArgs(t, v, c);
      });
    }

    it("reverts when one of the actions is reserved", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const registryAddress = await s.registry.getAddress();
      await expect(
        s.policy.classifyActions(
          await s.governor.getAddress(),
          [s.targetAddress, registryAddress],
          [0n, 0n],
          ["0x", s.registry.interface.encodeFunctionData("remove", [2n])],
        ),
      )
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyReservedAction")
        .withArgs(registryAddress, s.registry.interface.getFunction("remove").selector);
    });
  });

  describe("actionClass", function () {
    it("returns the entry and whether it is set (Constitutional, false when unset)", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      expect([...(await s.policy.actionClass(s.targetAddress, s.setValue))]).to.deep.equal([
        BigInt(MotionClass.Standard),
        true,
      ]);
      expect([...(await s.policy.actionClass(s.targetAddress, ANY))]).to.deep.equal([
        BigInt(MotionClass.Treasury),
        true,
      ]);
      expect([...(await s.policy.actionClass(s.targetAddress, s.fail))]).to.deep.equal([
        BigInt(MotionClass.Constitutional),
        false,
      ]);
    });
  });

  describe("classConfig", function () {
    it("returns each class's configuration (the deployed defaults)", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      for (const cls of CLASSES) {
        expect(await storedConfig(s.policy, cls)).to.deep.equal(configTuple(DEFAULT_CLASS_CONFIGS[cls]));
      }
    });
  });

  describe("smallestTimelockDelay", function () {
    it("returns the smallest class timelock delay, following changes", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      expect(await s.policy.smallestTimelockDelay()).to.equal(2n * DAY);
      const delays: [MotionClass, bigint][] = [
        [MotionClass.Standard, 5n * DAY],
        [MotionClass.Treasury, 4n * DAY],
        [MotionClass.Admission, 6n * DAY],
      ];
      for (const [cls, delay] of delays) {
        await s.policy.connect(s.owner).setClassConfig(cls, withConfig(cls, { timelockDelay: delay }));
      }
      // No-confidence keeps 2 days.
      expect(await s.policy.smallestTimelockDelay()).to.equal(2n * DAY);
      await s.policy
        .connect(s.owner)
        .setClassConfig(
          MotionClass.NoConfidence,
          withConfig(MotionClass.NoConfidence, { timelockDelay: 8n * DAY }),
        );
      expect(await s.policy.smallestTimelockDelay()).to.equal(4n * DAY);
    });
  });

  describe("conservativeQuorum and strictestRules", function () {
    it("start from the strictest of the deployed classes: ⅔ approval and a ½ vote quorum", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      expect([...(await s.policy.strictestRules())]).to.deep.equal([2n, 3n, 5000n]);
      // The For votes that pass any class, out of a total: ceil(⅔ × total), and always a majority.
      for (const [total, needed] of [
        [0n, 1n],
        [1n, 1n],
        [2n, 2n],
        [3n, 2n],
        [5n, 4n],
        [11n, 8n],
        [254n * 255n, 43180n],
      ]) {
        expect(await s.policy.conservativeQuorum(total), `total ${total}`).to.equal(needed);
      }
    });

    it("follow a stricter class configuration, and keep it after the class is relaxed again", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const strict = withConfig(MotionClass.Constitutional, {
        approvalNumerator: 3n,
        approvalDenominator: 4n,
        voteQuorumBps: 9000n,
      });
      await s.policy.connect(s.owner).setClassConfig(MotionClass.Constitutional, strict);
      expect([...(await s.policy.strictestRules())]).to.deep.equal([3n, 4n, 9000n]);
      expect(await s.policy.conservativeQuorum(11n)).to.equal(10n); // ceil(90 % × 11)
      // Motions created under the strict rules keep them, so relaxing the class does not lower the number.
      await s.policy
        .connect(s.owner)
        .setClassConfig(MotionClass.Constitutional, DEFAULT_CLASS_CONFIGS[MotionClass.Constitutional]);
      expect([...(await s.policy.strictestRules())]).to.deep.equal([3n, 4n, 9000n]);
      expect(await s.policy.conservativeQuorum(11n)).to.equal(10n);
    });

    it("a looser class configuration changes neither", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      await s.policy.connect(s.owner).setClassConfig(
        MotionClass.Standard,
        withConfig(MotionClass.Standard, {
          approvalNumerator: 1n,
          approvalDenominator: 2n,
          voteQuorumBps: 100n,
        }),
      );
      expect([...(await s.policy.strictestRules())]).to.deep.equal([2n, 3n, 5000n]);
      expect(await s.policy.conservativeQuorum(11n)).to.equal(8n);
    });
  });

  describe("changesGuardian", function () {
    it("is true when any action calls setGuardian(address,uint256) (the governor's or the reserve's)", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const setGuardian = s.governor.interface.encodeFunctionData("setGuardian", [s.others[0].address, DAY]);
      const reserve = await ethers.getContractFactory("ImprovementReserve");
      const reserveSetGuardian = reserve.interface.encodeFunctionData("setGuardian", [
        ethers.ZeroAddress,
        0n,
      ]);
      expect(await s.policy.changesGuardian([setGuardian])).to.equal(true);
      expect(await s.policy.changesGuardian([reserveSetGuardian])).to.equal(true);
      expect(await s.policy.changesGuardian(["0x", s.setValue, setGuardian])).to.equal(true);
      // The selector alone counts, whatever follows.
      expect(await s.policy.changesGuardian([ethers.dataSlice(setGuardian, 0, 4)])).to.equal(true);
    });

    it("is false for no actions, other selectors and calldata shorter than a selector", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const oldSetter = ethers.id("setGuardian(address)").slice(0, 10);
      const renounce = s.governor.interface.encodeFunctionData("renounceGuardian");
      expect(await s.policy.changesGuardian([])).to.equal(false);
      expect(await s.policy.changesGuardian(["0x", "0x12", s.setValue, renounce, oldSetter])).to.equal(false);
      const setGuardian = s.governor.interface.encodeFunctionData("setGuardian", [s.others[0].address, DAY]);
      expect(await s.policy.changesGuardian([ethers.dataSlice(setGuardian, 0, 3)])).to.equal(false);
    });
  });

  describe("timelockGovernable", function () {
    /** A timelock with `delay` and the given roles for `governor` (the deployer keeps the admin role). */
    async function timelockWith(
      s: PolicySystem,
      governor: string,
      roles: {
        proposer?: boolean;
        executor?: boolean;
        canceller?: boolean;
        openExecutor?: boolean;
        delay?: bigint;
      },
    ): Promise<string> {
      const tl = await ethers.deployContract("TimelockController", [
        roles.delay ?? TIMELOCK_MIN_DELAY,
        [],
        [],
        s.deployer.address,
      ]);
      if (roles.proposer ?? true) await tl.grantRole(await tl.PROPOSER_ROLE(), governor);
      if (roles.executor ?? true) await tl.grantRole(await tl.EXECUTOR_ROLE(), governor);
      if (roles.canceller ?? true) await tl.grantRole(await tl.CANCELLER_ROLE(), governor);
      if (roles.openExecutor ?? false) await tl.grantRole(await tl.EXECUTOR_ROLE(), ethers.ZeroAddress);
      return tl.getAddress();
    }

    it("is true for the system's governor and timelock, and for a timelock with every role and a delay in bounds", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const g = await s.governor.getAddress();
      expect(await s.policy.timelockGovernable(g, await s.timelock.getAddress())).to.equal(true);
      expect(await s.policy.timelockGovernable(g, await timelockWith(s, g, {}))).to.equal(true);
    });

    const clauses: [string, Parameters<typeof timelockWith>[2]][] = [
      ["the governor is not a proposer", { proposer: false }],
      ["the governor is not an executor", { executor: false }],
      ["the governor is not a canceller", { canceller: false }],
      ["anyone may execute (open executor role)", { openExecutor: true }],
      ["the minimum delay is one second below 2 days", { delay: 2n * DAY - 1n }],
      ["the minimum delay is one second above the smallest class delay", { delay: 2n * DAY + 1n }],
    ];
    for (const [label, roles] of clauses) {
      it(`is false when ${label}`, async function () {
        const s = await networkHelpers.loadFixture(policySystem);
        const g = await s.governor.getAddress();
        expect(await s.policy.timelockGovernable(g, await timelockWith(s, g, roles))).to.equal(false);
      });
    }

    it("follows the smallest class delay: a longer minimum delay is governable once every class delay is longer", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const g = await s.governor.getAddress();
      const slow = await timelockWith(s, g, { delay: 3n * DAY });
      expect(await s.policy.timelockGovernable(g, slow)).to.equal(false);
      for (const cls of CLASSES) {
        await s.policy.connect(s.owner).setClassConfig(cls, withConfig(cls, { timelockDelay: 3n * DAY }));
      }
      expect(await s.policy.timelockGovernable(g, slow)).to.equal(true);
    });

    it("is false for an account that holds no role", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      expect(await s.policy.timelockGovernable(s.others[0].address, await s.timelock.getAddress())).to.equal(
        false,
      );
    });
  });

  describe("registry", function () {
    it("returns the council registry", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      expect(await s.policy.registry()).to.equal(await s.registry.getAddress());
    });
  });

  describe("constants", function () {
    it("exposes the documented bounds (docs/architecture.md, Defaults and bounds)", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      expect(await s.policy.ANY_SELECTOR()).to.equal(ANY);
      expect(await s.policy.BPS()).to.equal(BPS);
      expect(await s.policy.MIN_VOTING_TIME()).to.equal(MIN_VOTING_TIME);
      expect(await s.policy.MAX_VOTING_TIME()).to.equal(MAX_VOTING_TIME);
      expect(await s.policy.MIN_TIMELOCK_DELAY()).to.equal(MIN_TIMELOCK_DELAY);
      expect(await s.policy.MAX_TIMELOCK_DELAY()).to.equal(MAX_TIMELOCK_DELAY);
      expect(await s.policy.MIN_QUORUM_BPS()).to.equal(MIN_QUORUM_BPS);
    });
  });

  describe("ownership", function () {
    it("is owned by the timelock; a transfer is two-step", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const timelockAddress = await s.timelock.getAddress();
      const next = s.others[0];
      expect(await s.policy.owner()).to.equal(timelockAddress);
      await expect(s.policy.connect(s.owner).transferOwnership(next.address))
        .to.emit(s.policy, "OwnershipTransferStarted")
        .withArgs(timelockAddress, next.address);
      expect(await s.policy.owner()).to.equal(timelockAddress);
      expect(await s.policy.pendingOwner()).to.equal(next.address);
      await expect(s.policy.connect(next).acceptOwnership())
        .to.emit(s.policy, "OwnershipTransferred")
        .withArgs(timelockAddress, next.address);
      expect(await s.policy.owner()).to.equal(next.address);
    });

    it("keeps its setters usable under an owner that is not a timelock (only the 2-day floor applies)", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const next = s.others[0];
      await s.policy.connect(s.owner).transferOwnership(next.address);
      await s.policy.connect(next).acceptOwnership();
      const config = { ...DEFAULT_CLASS_CONFIGS[MotionClass.Standard], timelockDelay: 2n * DAY };
      await expect(s.policy.connect(next).setClassConfig(MotionClass.Standard, config)).to.emit(
        s.policy,
        "ClassConfigSet",
      );
      const tooShort = { ...config, timelockDelay: 2n * DAY - 1n };
      await expect(s.policy.connect(next).setClassConfig(MotionClass.Standard, tooShort))
        .to.be.revertedWithCustomError(s.policy, "MotionPolicyInvalidClassConfig")
        .withArgs(MotionClass.Standard);
    });

    it("reverts when a non-owner starts a transfer", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      await expectPolicyRevert(
        s,
        () => s.policy.connect(s.others[0]).transferOwnership(s.others[0].address),
        "OwnableUnauthorizedAccount",
        [s.others[0].address],
      );
    });

    it("reverts when an account that is not the pending owner accepts", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      await s.policy.connect(s.owner).transferOwnership(s.others[0].address);
      await expectPolicyRevert(
        s,
        () => s.policy.connect(s.others[1]).acceptOwnership(),
        "OwnableUnauthorizedAccount",
        [s.others[1].address],
      );
    });

    it("reverts when the owner renounces (GovernedOwnableRenounceDisabled)", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      await expectPolicyRevert(
        s,
        () => s.policy.connect(s.owner).renounceOwnership(),
        "GovernedOwnableRenounceDisabled",
        [],
      );
    });

    it("reverts when a non-owner renounces (OwnableUnauthorizedAccount)", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      await expectPolicyRevert(
        s,
        () => s.policy.connect(s.deployer).renounceOwnership(),
        "OwnableUnauthorizedAccount",
        [s.deployer.address],
      );
    });
  });

  describe("governance through motions", function () {
    it("changes the table through a Constitutional motion (7-day timelock), effective from its execution", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const vaultAddress = await s.vault.getAddress();
      const recover = s.vault.interface.getFunction("recoverExcess").selector;
      const motion: Motion = {
        targets: [await s.policy.getAddress()],
        values: [0n],
        calldatas: [
          s.policy.interface.encodeFunctionData("setActionClasses", [
            [{ target: vaultAddress, selector: recover, motionClass: MotionClass.Treasury }],
          ]),
        ],
        description: "Recovering excess stake is a Treasury matter",
      };
      const id = await propose(s, motion, s.secretariat);
      expect(await s.governor.motionClass(id)).to.equal(MotionClass.Constitutional);
      await waitForSnapshot(s, id);
      await voteAll(s, id, s.voters, Vote.For);
      await waitForDeadline(s, id);
      await queue(s, motion);
      const queuedAt = BigInt(await networkHelpers.time.latest());
      expect(await s.governor.proposalEta(id)).to.equal(queuedAt + 7n * DAY);
      await waitForEta(s, id);
      await expect(
        s.governor.execute(motion.targets, motion.values, motion.calldatas, ethers.id(motion.description)),
      )
        .to.emit(s.policy, "ActionClassSet")
        .withArgs(vaultAddress, recover, MotionClass.Treasury, false);
      const data = s.vault.interface.encodeFunctionData("recoverExcess", [
        ethers.ZeroAddress,
        s.others[0].address,
      ]);
      expect(await s.policy.classifyAction(await s.governor.getAddress(), vaultAddress, 0n, data)).to.equal(
        MotionClass.Treasury,
      );
      const next = await propose(
        s,
        { targets: [vaultAddress], values: [0n], calldatas: [data], description: "Recover excess" },
        s.secretariat,
      );
      expect(await s.governor.motionClass(next)).to.equal(MotionClass.Treasury);
    });

    it("changes a class configuration through a motion; running motions keep the configuration they were created with", async function () {
      const s = await networkHelpers.loadFixture(policySystem);
      const newStandard: ClassConfig = {
        votingDelay: DAY,
        votingPeriod: 3n * DAY,
        timelockDelay: 3n * DAY,
        memberQuorumBps: 5000n,
        voteQuorumBps: 5000n,
        approvalNumerator: 2n,
        approvalDenominator: 3n,
      };
      const change: Motion = {
        targets: [await s.policy.getAddress()],
        values: [0n],
        calldatas: [
          s.policy.interface.encodeFunctionData("setClassConfig", [MotionClass.Standard, newStandard]),
        ],
        description: "Stricter Standard motions",
      };
      const changeId = await propose(s, change, s.secretariat);
      expect(await s.governor.motionClass(changeId)).to.equal(MotionClass.Constitutional);
      await waitForSnapshot(s, changeId);
      await voteAll(s, changeId, s.voters, Vote.For);
      await waitForDeadline(s, changeId);
      await queue(s, change);
      await waitForEta(s, changeId);

      // Motion A is created under the old Standard configuration, then the change executes, then B under the new.
      const before = await signallingMotion(s, "Created before the change");
      const beforeId = await propose(s, before, s.voters[0]);
      const beforeCreated = BigInt(await networkHelpers.time.latest());
      await expect(
        s.governor.execute(change.targets, change.values, change.calldatas, ethers.id(change.description)),
      )
        .to.emit(s.policy, "ClassConfigSet")
        .withArgs(MotionClass.Standard, configTuple(newStandard));
      const after = await signallingMotion(s, "Created after the change");
      const afterId = await propose(s, after, s.voters[1]);
      const afterCreated = BigInt(await networkHelpers.time.latest());

      expect(await s.governor.proposalSnapshot(beforeId)).to.equal(beforeCreated + 7n * DAY);
      expect(await s.governor.proposalDeadline(beforeId)).to.equal(beforeCreated + 14n * DAY);
      expect(await s.governor.proposalSnapshot(afterId)).to.equal(afterCreated + DAY);
      expect(await s.governor.proposalDeadline(afterId)).to.equal(afterCreated + 4n * DAY);

      // 3 For, 2 Against on both: 60 % passes the old 1/2 rule, fails the new 2/3 rule.
      for (const id of [afterId, beforeId]) {
        await waitForSnapshot(s, id);
        await voteAll(s, id, s.voters.slice(0, 3), Vote.For);
        await voteAll(s, id, s.voters.slice(3), Vote.Against);
      }
      expect([...(await s.governor.proposalQuorum(beforeId))]).to.deep.equal([2n, 2n]);
      expect([...(await s.governor.proposalQuorum(afterId))]).to.deep.equal([3n, 3n]);
      await waitForDeadline(s, beforeId);
      expect(await s.governor.state(afterId)).to.equal(ProposalState.Defeated);
      expect(await s.governor.state(beforeId)).to.equal(ProposalState.Succeeded);
      await queue(s, before);
      const queuedAt = BigInt(await networkHelpers.time.latest());
      expect(await s.governor.proposalEta(beforeId)).to.equal(queuedAt + 2n * DAY);

      // A motion created after the change gets the new 3-day timelock delay.
      const third = await signallingMotion(s, "Created after the change, passed");
      const thirdId = await propose(s, third, s.voters[2]);
      await waitForSnapshot(s, thirdId);
      await voteAll(s, thirdId, s.voters, Vote.For);
      await waitForDeadline(s, thirdId);
      await queue(s, third);
      const thirdQueuedAt = BigInt(await networkHelpers.time.latest());
      expect(await s.governor.proposalEta(thirdId)).to.equal(thirdQueuedAt + 3n * DAY);
      expect(await s.policy.smallestTimelockDelay()).to.equal(TIMELOCK_MIN_DELAY);
    });
  });
});
