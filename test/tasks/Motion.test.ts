/**
 * `motion …` tasks against a system deployed by the Ignition module: list, show, propose from a file, vote,
 * signed ballots (sign offline, relay from another account, counted once), queue, execute and cancel, with every
 * refusal's one-line message.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { expect } from "chai";

import { readableAction } from "../../scripts/ops/arguments.js";
import { CommunityVeto__factory } from "../../typechain-types/index.js";
import { formatTime, formatWhen } from "../../scripts/ops/format.js";
import { argumentContext, encodeProposal } from "../../scripts/ops/proposals.js";
import {
  ACCOUNT,
  chainNow,
  deployWithModule,
  ethers,
  networkHelpers,
  runTask,
  scratch,
} from "../utils/tasks.js";
import type { Deployed, TaskRun } from "../utils/tasks.js";

const DAY = 86400n;
const UNIT = ethers.parseEther("5000000");

let fileCount = 0;
/** Writes a JSON (or raw text) proposal file and returns its path. */
function proposalFile(content: unknown): string {
  const file = path.join(scratch, `proposal-${++fileCount}.json`);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}

/** A Constitutional motion: a 21-day sponsorship window. */
const WINDOW_MOTION = {
  description: "# Longer sponsorship window\n\nCandidates need more time to find a sponsor.",
  actions: [{ contract: "CouncilRegistry", function: "setSponsorshipWindow(uint256)", args: ["21 days"] }],
};

/** The module's system; members 1–4 stake one unit each, member 5 nothing. */
async function staked(): Promise<Deployed> {
  const s = await deployWithModule();
  const signers = await ethers.getSigners();
  for (let i = 0; i < 4; i++) {
    const admin = signers[ACCOUNT.admin + i];
    await networkHelpers.setBalance(admin.address, 2n * UNIT);
    await s.vault.connect(admin).stake(UNIT, { value: UNIT });
  }
  await networkHelpers.time.increase(1);
  return s;
}

/** `staked`, plus the window motion proposed by the secretariat (motion 1, Pending). */
async function proposed(): Promise<Deployed> {
  const s = await staked();
  const run = await runTask(["motion", "propose"], {
    deployment: s.file,
    from: String(ACCOUNT.secretariat),
    file: proposalFile(WINDOW_MOTION),
    printTx: false,
  });
  expect(run.exitCode, run.err).to.equal(0);
  return s;
}

/** `proposed`, with voting open (motion 1 Active). */
async function active(): Promise<Deployed> {
  const s = await proposed();
  await networkHelpers.time.increaseTo((await s.governor.proposalSnapshot(1n)) + 1n);
  return s;
}

/** `active`, with members 1–4 voting For, then the deadline passed (motion 1 Succeeded). */
async function succeeded(): Promise<Deployed> {
  const s = await active();
  const signers = await ethers.getSigners();
  for (let i = 0; i < 4; i++) await s.governor.connect(signers[ACCOUNT.voter + i]).castVote(1n, 1);
  await networkHelpers.time.increaseTo((await s.governor.proposalDeadline(1n)) + 1n);
  return s;
}

/** `succeeded`, then queued (motion 1 Queued, Constitutional: 7 days). */
async function queued(): Promise<Deployed> {
  const s = await succeeded();
  const run = await runTask(["motion", "queue"], { deployment: s.file, from: "0", id: "1" });
  expect(run.exitCode, run.err).to.equal(0);
  return s;
}

/**
 * `staked`, with a Standard signal (motion 1, by the secretariat) voted For 2, Against 1, and a Constitutional
 * motion (2) that raises the Standard approval to 3/4 and both expiry windows to 30 days, executed after motion 1
 * passed: motion 1 is Succeeded under its own rules (1/2 approval, 14-day windows), not the new ones.
 */
async function rulesChanged(): Promise<Deployed> {
  const s = await staked();
  const signers = await ethers.getSigners();
  const secretariat = signers[ACCOUNT.secretariat];
  const voters = [0, 1, 2, 3].map((i) => signers[ACCOUNT.voter + i]);
  await s.governor
    .connect(secretariat)
    .propose([s.addresses.timelock], [0n], ["0x"], "Signal: adopt the roadmap");
  const standard = await s.policy.classConfig(0);
  const stricter = {
    votingDelay: standard.votingDelay,
    votingPeriod: standard.votingPeriod,
    timelockDelay: standard.timelockDelay,
    memberQuorumBps: standard.memberQuorumBps,
    voteQuorumBps: standard.voteQuorumBps,
    approvalNumerator: 3n,
    approvalDenominator: 4n,
  };
  const change = {
    targets: [s.addresses.policy, s.addresses.governor],
    values: [0n, 0n],
    calldatas: [
      s.policy.interface.encodeFunctionData("setClassConfig", [0, stricter]),
      s.governor.interface.encodeFunctionData("setExpiryWindows", [30n * DAY, 30n * DAY]),
    ],
    description: "Standard approval 3/4; expiry windows 30 days",
  };
  await s.governor
    .connect(voters[0])
    .propose(change.targets, change.values, change.calldatas, change.description);
  await networkHelpers.time.increaseTo((await s.governor.proposalSnapshot(2n)) + 1n);
  await s.governor.connect(voters[0]).castVote(1n, 1);
  await s.governor.connect(voters[1]).castVote(1n, 1);
  await s.governor.connect(voters[2]).castVote(1n, 0);
  for (const v of voters) await s.governor.connect(v).castVote(2n, 1);
  await networkHelpers.time.increaseTo((await s.governor.proposalDeadline(2n)) + 1n);
  const hash = ethers.id(change.description);
  const anyone = s.governor.connect(signers[ACCOUNT.outsider]);
  await anyone.queue(change.targets, change.values, change.calldatas, hash);
  await networkHelpers.time.increaseTo(await s.governor.proposalEta(2n));
  await anyone.execute(change.targets, change.values, change.calldatas, hash);
  expect((await s.policy.classConfig(0)).approvalNumerator).to.equal(3n);
  expect(await s.governor.queueWindow()).to.equal(30n * DAY);
  return s;
}

/** `staked`, with a no-confidence motion against member 4 moved by member 1's voter (motion 1, Pending). */
async function noConfidence(): Promise<Deployed> {
  const s = await staked();
  const voter = (await ethers.getSigners())[ACCOUNT.voter];
  await s.governor.connect(voter).proposeNoConfidence(4n, "No confidence in member 4");
  return s;
}

/** `staked`, with a Constitutional motion that replaces the governor's guardian (motion 1, by the secretariat). */
async function guardianChange(): Promise<Deployed> {
  const s = await staked();
  const signers = await ethers.getSigners();
  const data = s.governor.interface.encodeFunctionData("setGuardian", [
    signers[ACCOUNT.outsider].address,
    30n * DAY,
  ]);
  await s.governor
    .connect(signers[ACCOUNT.secretariat])
    .propose([s.addresses.governor], [0n], [data], "Replace the guardian");
  return s;
}

/** Votes For from members 1–4 on Pending motions `ids`, then queues and executes them through the motion tasks. */
async function passProposed(s: Deployed, ids: bigint[]): Promise<void> {
  const signers = await ethers.getSigners();
  const last = ids[ids.length - 1];
  await networkHelpers.time.increaseTo((await s.governor.proposalSnapshot(last)) + 1n);
  for (const id of ids) {
    for (let i = 0; i < 4; i++) await s.governor.connect(signers[ACCOUNT.voter + i]).castVote(id, 1);
  }
  await networkHelpers.time.increaseTo((await s.governor.proposalDeadline(last)) + 1n);
  for (const id of ids) {
    const run = await runTask(["motion", "queue"], { deployment: s.file, from: "0", id: String(id) });
    expect(run.exitCode, run.err).to.equal(0);
  }
  await networkHelpers.time.increaseTo(await s.governor.proposalEta(last));
  for (const id of ids) {
    const run = await runTask(["motion", "execute"], { deployment: s.file, from: "0", id: String(id) });
    expect(run.exitCode, run.err).to.equal(0);
  }
}

const now = chainNow;

function task(name: string, s: Deployed, args: Record<string, unknown>, from = "0"): Promise<TaskRun> {
  return runTask(["motion", name], { deployment: s.file, from, ...args });
}

/** A refused run: one line on stderr, nothing on stdout, exit code 1. */
function expectRefused(run: TaskRun, message: string): void {
  expect(run).to.deep.equal({ out: "", err: `Error: ${message}`, exitCode: 1 });
}

const VOTE = { reason: "", voter: "", printTx: false };

/** One action of every argument form a proposal file accepts, and the line `motion show` prints for each. */
const EVERY_FORM: [action: Record<string, unknown>, shown: string][] = [
  [
    { contract: "CouncilRegistry", function: "setSponsorshipWindow(uint256)", args: ["3 weeks"] },
    "CouncilRegistry.setSponsorshipWindow(21 days)",
  ],
  [
    {
      contract: "CouncilGovernor",
      function: "setExpiryWindows(uint256,uint256)",
      args: ["14 days", "36 hours"],
    },
    "CouncilGovernor.setExpiryWindows(14 days, 36 hours)",
  ],
  [
    { contract: "CouncilGovernor", function: "setLateQuorumVoteExtension(uint48)", args: ["5400"] },
    "CouncilGovernor.setLateQuorumVoteExtension(90 minutes)",
  ],
  [
    {
      contract: "ImprovementReserve",
      function: "approveBudget(bytes32,address,address,uint256,uint256,uint256)",
      args: [
        "grants Q1",
        "0x0000000000000000000000000000000000000000",
        "TimelockController",
        "250,000.5 KAIA",
        "2027-01-01",
        "2027-04-01T12:30:00Z",
      ],
    },
    "ImprovementReserve.approveBudget(grants Q1, 0x0000000000000000000000000000000000000000, TimelockController, " +
      "250000.5 KAIA, 2027-01-01, 2027-04-01T12:30:00Z)",
  ],
  [
    {
      contract: "ImprovementReserve",
      function: "setOutflowLimit(address,uint256)",
      args: ["0x00000000000000000000000000000000000000aa", "1000000"],
    },
    "ImprovementReserve.setOutflowLimit(0x00000000000000000000000000000000000000AA, 1000000)",
  ],
  [
    { contract: "StakeVault", function: "setStakeUnit(uint256)", args: ["5000000 KAIA"] },
    "StakeVault.setStakeUnit(5000000 KAIA)",
  ],
  [
    {
      contract: "MotionPolicy",
      function: "setActionClasses((address,bytes4,uint8)[])",
      args: [[["ImprovementReserve", "setPauseDuration(uint256)", "Treasury"]]],
    },
    "MotionPolicy.setActionClasses([[ImprovementReserve, setPauseDuration(uint256), Treasury]])",
  ],
  [
    {
      contract: "ImprovementReserve",
      function: "pay(address,address,uint256,string)",
      args: ["0x0000000000000000000000000000000000000000", "CouncilRegistry", "1 KAIA", "a memo"],
    },
    'ImprovementReserve.pay(0x0000000000000000000000000000000000000000, CouncilRegistry, 1 KAIA, "a memo")',
  ],
  [
    { target: "0x00000000000000000000000000000000000000bb", value: "10 KAIA" },
    "pay 10 KAIA to 0x00000000000000000000000000000000000000bb",
  ],
];

describe("tasks: motion", function () {
  describe("readable arguments (one decoder for proposal files and motion show)", function () {
    it("prints every argument form the way a proposal file writes it", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const ctx = await argumentContext(s);
      const p = encodeProposal(ctx, { description: "forms", actions: EVERY_FORM.map(([a]) => a) }, "forms");
      expect(p.summary).to.deep.equal(EVERY_FORM.map(([, shown]) => shown));
    });

    it("reads back what it prints: the printed actions encode the same calls", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const ctx = await argumentContext(s);
      const p = encodeProposal(ctx, { description: "forms", actions: EVERY_FORM.map(([a]) => a) }, "forms");
      const readable = p.targets.map((target, i) => readableAction(ctx, target, p.values[i], p.calldatas[i]));
      const again = encodeProposal(ctx, { description: "forms", actions: readable }, "again");
      expect([again.targets, again.values, again.calldatas]).to.deep.equal([
        p.targets,
        p.values,
        p.calldatas,
      ]);
      expect(readable[0]).to.deep.equal({
        contract: "CouncilRegistry",
        function: "setSponsorshipWindow(uint256)",
        args: ["21 days"],
      });
    });

    it("prints stake amounts in wei when the vault stakes an ERC-20", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const ctx = { ...(await argumentContext(s)), nativeStake: false };
      const p = encodeProposal(
        ctx,
        {
          description: "unit",
          actions: [{ contract: "StakeVault", function: "setStakeUnit(uint256)", args: ["5 KAIA"] }],
        },
        "unit",
      );
      expect(p.summary).to.deep.equal([`StakeVault.setStakeUnit(${5n * 10n ** 18n})`]);
    });
  });

  describe("propose", function () {
    it("encodes the readable actions, prints the class and creates the motion", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const run = await task("propose", s, { file: proposalFile(WINDOW_MOTION), printTx: false }, "1");
      expect(run.exitCode, run.err).to.equal(0);
      const snapshot = await s.governor.proposalSnapshot(1n);
      const deadline = await s.governor.proposalDeadline(1n);
      const lines = run.out.split("\n");
      expect(lines.slice(0, 2)).to.deep.equal([
        "Actions (1), class Constitutional:",
        "  1. CouncilRegistry.setSponsorshipWindow(21 days)",
      ]);
      expect(lines[2]).to.match(/^Proposed motion 1 \(Constitutional\) in transaction 0x[0-9a-f]{64}$/);
      expect(lines[3]).to.equal(
        `  voting opens after ${formatTime(snapshot)} and closes at ${formatTime(deadline)}`,
      );
      expect(await s.governor.proposalCount()).to.equal(1n);
      expect(await s.governor.proposalProposer(1n)).to.equal(
        (await ethers.getSigners())[ACCOUNT.secretariat].address,
      );
    });

    it("reads amounts, dates, contract names and bytes32 text (a Treasury budget)", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const secretariat = (await ethers.getSigners())[ACCOUNT.secretariat].address;
      const file = proposalFile({
        description: "Ecosystem budget",
        actions: [
          {
            contract: "ImprovementReserve",
            function: "approveBudget(bytes32,address,address,uint256,uint256,uint256)",
            args: [
              "ecosystem",
              ethers.ZeroAddress,
              secretariat,
              "250,000 KAIA",
              "2027-01-01",
              "2027-04-01T00:00:00Z",
            ],
          },
        ],
      });
      const run = await task("propose", s, { file, printTx: false }, "1");
      expect(run.exitCode, run.err).to.equal(0);
      // Printed the way the file writes it (the amount without grouping, the end date at midnight as a day).
      expect(run.out.split("\n").slice(0, 2)).to.deep.equal([
        "Actions (1), class Treasury:",
        `  1. ImprovementReserve.approveBudget(ecosystem, ${ethers.ZeroAddress}, ${secretariat}, 250000 KAIA, 2027-01-01, 2027-04-01)`,
      ]);
      expect(await s.governor.motionClass(1n)).to.equal(1n);
    });

    const EXAMPLES: [file: string, motionClass: string, actions: number][] = [
      ["sponsorship-window.json", "Constitutional", 1],
      ["ecosystem-budget.json", "Treasury", 1],
      ["explorer-grant.json", "Treasury", 1],
      ["appoint-advisor.json", "Constitutional", 1],
      ["veto-phase-on.json", "Constitutional", 3],
    ];
    it("checks every example in docs/examples", function () {
      const listed = EXAMPLES.map(([file]) => file).sort();
      const present = readdirSync(fileURLToPath(new URL("../../docs/examples/", import.meta.url)))
        .filter((f) => f.endsWith(".json"))
        .sort();
      expect(present).to.deep.equal(listed);
    });
    for (const [example, motionClass, actions] of EXAMPLES) {
      it(`proposes the guides' example docs/examples/${example} as a ${motionClass} motion`, async function () {
        const s = await networkHelpers.loadFixture(staked);
        const file = fileURLToPath(new URL(`../../docs/examples/${example}`, import.meta.url));
        const run = await task("propose", s, { file, printTx: false }, "1");
        expect(run.exitCode, run.err).to.equal(0);
        expect(run.out.split("\n")[0]).to.equal(`Actions (${actions}), class ${motionClass}:`);
        expect(await s.governor.proposalCount()).to.equal(1n);
      });
    }

    it("passes the community examples: an advisor appointed, the veto phase on with a 7-day window", async function () {
      const s = await networkHelpers.loadFixture(staked);
      for (const example of ["appoint-advisor.json", "veto-phase-on.json"]) {
        const file = fileURLToPath(new URL(`../../docs/examples/${example}`, import.meta.url));
        const run = await task("propose", s, { file, printTx: false }, "1");
        expect(run.exitCode, run.err).to.equal(0);
      }
      await passProposed(s, [1n, 2n]);
      expect(await s.advisors!.isAdvisor("0x2546BcD3c84621e976D8185a91A922aE77ECEc30")).to.equal(true);
      expect(await s.advisors!.advisorName("0x2546BcD3c84621e976D8185a91A922aE77ECEc30")).to.equal(
        "Kaia Research",
      );
      const veto = CommunityVeto__factory.connect(s.addresses.veto!, ethers.provider);
      expect(await veto.vetoPhase()).to.deep.equal([true, 7n * DAY]);
      expect((await s.policy.classConfig(3)).timelockDelay).to.equal(7n * DAY);
      expect((await s.policy.classConfig(4)).timelockDelay).to.equal(7n * DAY);
    });

    describe("names the community contracts", function () {
      const NAMED: [action: Record<string, unknown>, shown: string][] = [
        [
          {
            contract: "AdvisorBoard",
            function: "removeAdvisor(address)",
            args: ["0x00000000000000000000000000000000000000aa"],
          },
          "AdvisorBoard.removeAdvisor(0x00000000000000000000000000000000000000AA)",
        ],
        [
          { contract: "VoteExtension", function: "setExtensionAmount(uint256)", args: ["3 days"] },
          "VoteExtension.setExtensionAmount(259200)",
        ],
        [
          { contract: "CommunityPetitions", function: "setBond(uint256)", args: ["5000 KAIA"] },
          "CommunityPetitions.setBond(5000000000000000000000)",
        ],
        [
          { contract: "CommunityVeto", function: "setPhase(bool)", args: [false] },
          "CommunityVeto.setPhase(false)",
        ],
        [
          {
            contract: "MotionPolicy",
            function: "setCommunity(address,address)",
            args: ["CommunityPetitions", "CommunityVeto"],
          },
          "MotionPolicy.setCommunity(CommunityPetitions, CommunityVeto)",
        ],
      ];
      for (const [action, shown] of NAMED) {
        it(`targets and prints ${shown}`, async function () {
          const s = await networkHelpers.loadFixture(staked);
          const file = proposalFile({ description: `# ${shown}`, actions: [action] });
          const run = await task("propose", s, { file, printTx: false }, "1");
          expect(run.exitCode, run.err).to.equal(0);
          expect(run.out.split("\n").slice(0, 2)).to.deep.equal([
            "Actions (1), class Constitutional:",
            `  1. ${shown}`,
          ]);
          const expected = {
            AdvisorBoard: s.addresses.advisors,
            VoteExtension: s.addresses.voteExtension,
            CommunityPetitions: s.addresses.petitions,
            CommunityVeto: s.addresses.veto,
            MotionPolicy: s.addresses.policy,
          }[action.contract as string];
          const events = await s.governor.queryFilter(s.governor.filters.ProposalCreated());
          expect(events).to.have.length(1);
          expect([...events[0].args.targets]).to.deep.equal([expected]);
        });
      }

      /** The deployment without its community contracts (an address file written before they existed). */
      async function olderFile(): Promise<Deployed> {
        const s = await staked();
        const { advisors, voteExtension, petitions, veto, ...core } = s.addresses;
        expect([advisors, voteExtension, petitions, veto].every((a) => a !== undefined)).to.equal(true);
        const file = path.join(scratch, `older-${s.addresses.governor}.json`);
        writeFileSync(file, JSON.stringify(core, null, 2));
        return { ...s, file };
      }

      for (const name of ["AdvisorBoard", "VoteExtension", "CommunityPetitions", "CommunityVeto"]) {
        it(`refuses ${name} in one line when the address file lacks it`, async function () {
          const s = await networkHelpers.loadFixture(olderFile);
          const file = proposalFile({
            description: "x",
            actions: [{ contract: name, function: "owner()" }],
          });
          expectRefused(
            await task("propose", s, { file, printTx: false }, "1"),
            `proposal file ${file}: actions[0].contract "${name}": this deployment has no ${name} (its address file lacks CouncilGovernance#${name})`,
          );
          expect(await s.governor.proposalCount()).to.equal(0n);
        });
      }

      it("refuses a community contract's name as an address argument when the address file lacks it", async function () {
        const s = await networkHelpers.loadFixture(olderFile);
        const file = proposalFile({
          description: "x",
          actions: [
            {
              contract: "MotionPolicy",
              function: "setCommunity(address,address)",
              args: ["0x00000000000000000000000000000000000000aa", "CommunityVeto"],
            },
          ],
        });
        expectRefused(
          await task("propose", s, { file, printTx: false }, "1"),
          `proposal file ${file}: actions[0].args[1] (veto): this deployment has no CommunityVeto (its address file lacks CouncilGovernance#CommunityVeto)`,
        );
      });
    });

    it("prints the transaction for a Safe with --print-tx and sends nothing", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const run = await task("propose", s, { file: proposalFile(WINDOW_MOTION), printTx: true }, "1");
      expect(run.exitCode, run.err).to.equal(0);
      const json = JSON.parse(run.out.split("\n").slice(2).join("\n")) as {
        to: string;
        value: string;
        data: string;
      };
      expect(json.to).to.equal(s.addresses.governor);
      expect(json.value).to.equal("0");
      const decoded = s.governor.interface.decodeFunctionData("propose", json.data);
      expect(decoded[0]).to.deep.equal([s.addresses.registry]);
      expect(decoded[3]).to.equal(WINDOW_MOTION.description);
      expect(await s.governor.proposalCount()).to.equal(0n);
    });

    it("lets a staked member's voter propose", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const run = await task(
        "propose",
        s,
        { file: proposalFile(WINDOW_MOTION), printTx: false },
        String(ACCOUNT.voter),
      );
      expect(run.exitCode, run.err).to.equal(0);
      expect(await s.governor.proposalProposer(1n)).to.equal(
        (await ethers.getSigners())[ACCOUNT.voter].address,
      );
    });

    describe("refuses a bad proposal file, naming the file and the action", function () {
      const cases: [string, unknown, (file: string) => string][] = [
        ["invalid JSON", '{ "description": ', (f) => `proposal file ${f} is not valid JSON: `],
        [
          "no description",
          { actions: [] },
          (f) => `proposal file ${f}: "description" must be non-empty text (the motion's title and reasons)`,
        ],
        [
          "no actions",
          { description: "x", actions: [] },
          (f) => `proposal file ${f}: "actions" must be a non-empty list`,
        ],
        [
          "an unknown contract",
          { description: "x", actions: [{ contract: "Registry", function: "f()" }] },
          (f) =>
            `proposal file ${f}: actions[0].contract "Registry" is not one of: CouncilRegistry, StakeVault, CouncilGovernor, MotionPolicy, ImprovementReserve, TimelockController, AdvisorBoard, VoteExtension, CommunityPetitions, CommunityVeto`,
        ],
        [
          "neither contract nor target",
          { description: "x", actions: [{ function: "f()" }] },
          (f) =>
            `proposal file ${f}: actions[0] needs "contract" (a system contract's name) or "target" (an address)`,
        ],
        [
          "a function the contract lacks",
          {
            description: "x",
            actions: [{ contract: "CouncilRegistry", function: "setSponsorshipWindow(uint64)", args: [1] }],
          },
          (f) =>
            `proposal file ${f}: actions[0].function setSponsorshipWindow(uint64) is not a function of CouncilRegistry (it has setSponsorshipWindow(uint256))`,
        ],
        [
          "a malformed signature",
          { description: "x", actions: [{ contract: "CouncilRegistry", function: "setSponsorshipWindow(" }] },
          (f) =>
            `proposal file ${f}: actions[0].function "setSponsorshipWindow(" is not a function signature like "setX(uint256,address)"`,
        ],
        [
          "the wrong number of arguments",
          {
            description: "x",
            actions: [
              { contract: "CouncilRegistry", function: "setSponsorshipWindow(uint256)", args: [1, 2] },
            ],
          },
          (f) =>
            `proposal file ${f}: actions[0].args: setSponsorshipWindow(uint256) takes 1 argument(s), got 2`,
        ],
        [
          "an unreadable number",
          {
            description: "x",
            actions: [
              {
                contract: "CouncilRegistry",
                function: "setSponsorshipWindow(uint256)",
                args: ["three weeks"],
              },
            ],
          },
          (f) =>
            `proposal file ${f}: actions[0].args[0] (sponsorshipWindow_): "three weeks" is not a number, an amount ("250000 KAIA"), a duration ("21 days") or a date ("2027-01-01")`,
        ],
        [
          "a bad address",
          {
            description: "x",
            actions: [
              {
                contract: "ImprovementReserve",
                function: "setGuardian(address,uint256)",
                args: ["0x1234", "365 days"],
              },
            ],
          },
          (f) =>
            `proposal file ${f}: actions[0].args[0] (guardian_): "0x1234" is not an address or a system contract name`,
        ],
        [
          "an action that does nothing",
          { description: "x", actions: [{ target: "0x000000000000000000000000000000000000bEEF" }] },
          (f) => `proposal file ${f}: actions[0] has neither a "function" nor a "value": it would do nothing`,
        ],
      ];
      for (const [what, content, message] of cases) {
        it(`refuses ${what}`, async function () {
          const s = await networkHelpers.loadFixture(staked);
          const file = proposalFile(content);
          const run = await task("propose", s, { file, printTx: false }, "1");
          expect(run.out).to.equal("");
          expect(run.exitCode).to.equal(1);
          expect(run.err.startsWith(`Error: ${message(file)}`), run.err).to.equal(true);
          expect(run.err.split("\n")).to.have.length(1);
          expect(await s.governor.proposalCount()).to.equal(0n);
        });
      }

      it("refuses a file that does not exist", async function () {
        const s = await networkHelpers.loadFixture(staked);
        const file = path.join(scratch, "nowhere.json");
        expectRefused(
          await task("propose", s, { file, printTx: false }, "1"),
          `proposal file ${file} cannot be read: check the path`,
        );
      });
    });

    it("refuses an account that is neither a member's voter nor the secretariat (not a member)", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const outsider = (await ethers.getSigners())[ACCOUNT.outsider].address;
      const run = await task(
        "propose",
        s,
        { file: proposalFile(WINDOW_MOTION), printTx: false },
        String(ACCOUNT.outsider),
      );
      expect(run.err).to.equal(
        `Error: account ${outsider} is not a member's voter account nor the secretariat: propose --from one of them`,
      );
      expect(run.exitCode).to.equal(1);
      expect(await s.governor.proposalCount()).to.equal(0n);
    });

    it("refuses a member without stake (insufficient stake)", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const run = await task(
        "propose",
        s,
        { file: proposalFile(WINDOW_MOTION), printTx: false },
        String(ACCOUNT.voter + 4),
      );
      expect(run.err).to.equal(
        "Error: insufficient stake: member 5 has no votes; stake at least one stake unit first",
      );
      expect(await s.governor.proposalCount()).to.equal(0n);
    });

    it("refuses the same proposal twice, naming the existing motion", async function () {
      const s = await networkHelpers.loadFixture(proposed);
      const run = await task("propose", s, { file: proposalFile(WINDOW_MOTION), printTx: false }, "1");
      expectRefused(run, "this exact proposal already exists as motion 1: change its description");
    });

    it("refuses a proposer at its live-motion limit", async function () {
      const s = await networkHelpers.loadFixture(proposed);
      for (const n of [2, 3]) {
        const run = await task(
          "propose",
          s,
          { file: proposalFile({ ...WINDOW_MOTION, description: `motion ${n}` }), printTx: false },
          "1",
        );
        expect(run.exitCode, run.err).to.equal(0);
      }
      const secretariat = (await ethers.getSigners())[ACCOUNT.secretariat].address;
      const run = await task(
        "propose",
        s,
        { file: proposalFile({ ...WINDOW_MOTION, description: "motion 4" }), printTx: false },
        "1",
      );
      expectRefused(run, `${secretariat} already has 3 live motions, the most allowed: wait until one ends`);
    });

    it("turns a policy refusal into one decoded line (a timelock role for someone else)", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const outsider = (await ethers.getSigners())[ACCOUNT.outsider].address;
      const file = proposalFile({
        description: "grant",
        actions: [
          {
            contract: "TimelockController",
            function: "grantRole(bytes32,address)",
            args: [ethers.id("PROPOSER_ROLE"), outsider],
          },
        ],
      });
      const run = await task("propose", s, { file, printTx: false }, "1");
      expect(run.exitCode).to.equal(1);
      expect(run.err).to.match(/^Error: MotionPolicy reverted: MotionPolicyForbiddenAction\(0x2f2ff15d\)$/);
    });
  });

  describe("list and show", function () {
    it("says when there are no motions", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const list = await task("list", s, { state: "", limit: 20 });
      expect(list).to.deep.equal({ out: "No motions.", err: "", exitCode: 0 });
      expectRefused(await task("show", s, { id: "1" }), "unknown motion 1: no motion has been proposed yet");
    });

    it("lists motions newest first with tally, voters and quorum, and filters by state", async function () {
      const s = await networkHelpers.loadFixture(succeeded);
      await task(
        "propose",
        s,
        { file: proposalFile({ ...WINDOW_MOTION, description: "second" }), printTx: false },
        "1",
      );
      const t = await now();
      const snapshot2 = await s.governor.proposalSnapshot(2n);
      const list = await task("list", s, { state: "", limit: 20 });
      const rows = list.out.split("\n").map((l) => l.split(/\s{2,}/));
      expect(rows[0]).to.deep.equal(["id", "class", "state", "for/against/abstain", "voters", "next"]);
      expect(rows[2]).to.deep.equal([
        "2",
        "Constitutional",
        "Pending",
        "0/0/0",
        "0",
        `voting opens after ${formatWhen(snapshot2, t)}`,
      ]);
      const queueBy = (await s.governor.proposalDeadline(1n)) + 14n * DAY;
      expect(rows[3]).to.deep.equal([
        "1",
        "Constitutional",
        "Succeeded",
        "4/0/0",
        "4/2 ✓",
        `it passed; queue it before ${formatWhen(queueBy, t)} or it expires`,
      ]);
      const filtered = await task("list", s, { state: "succeeded", limit: 20 });
      expect(filtered.out.split("\n")).to.have.length(3);
      expect(filtered.out).to.contain("Succeeded");
      const limited = await task("list", s, { state: "", limit: 1 });
      expect(limited.out.split("\n")).to.have.length(3);
      expectRefused(
        await task("list", s, { state: "Open", limit: 20 }),
        'state "Open" is not one of: Pending, Active, Canceled, Defeated, Succeeded, Queued, Expired, Executed',
      );
    });

    it("shows one motion: next change, tally, quorum progress, approval, timeline, decoded actions", async function () {
      const s = await networkHelpers.loadFixture(active);
      const signers = await ethers.getSigners();
      await s.governor.connect(signers[ACCOUNT.voter]).castVote(1n, 1);
      const run = await task("show", s, { id: "1" });
      const t = await now();
      const snapshot = await s.governor.proposalSnapshot(1n);
      const deadline = await s.governor.proposalDeadline(1n);
      expect(run.out.split("\n")).to.deep.equal([
        "Motion 1 — Constitutional — Active",
        `  voting closes at ${formatWhen(deadline, t)}`,
        `  proposer: ${signers[ACCOUNT.secretariat].address}`,
        "  tally: For 1, Against 0, Abstain 0 (1 member voted)",
        "  quorum: 1/2 members OR 1/2 votes → not reached",
        "  approval (For ≥ 2/3 of votes cast): met",
        "  timeline:",
        `    created in block ${(await s.governor.motionRecord(1n)).createdBlock}`,
        `    voting opens after ${formatWhen(snapshot, t)}`,
        `    voting closes at   ${formatWhen(deadline, t)}`,
        `    queue before       ${formatWhen(deadline + 14n * DAY, t)}`,
        "  actions (1):",
        "    1. CouncilRegistry.setSponsorshipWindow(21 days)",
        "  description:",
        "    # Longer sponsorship window",
        "    ",
        "    Candidates need more time to find a sponsor.",
        "Vote extension: 0 of 3 calls (would add 7d)",
        "Advisors' opinions: none filed",
      ]);
    });

    it("shows a motion with the approval rule and windows frozen into it, not the class's current ones", async function () {
      const s = await networkHelpers.loadFixture(rulesChanged);
      const t = await now();
      const deadline = await s.governor.proposalDeadline(1n);
      const queueBy = deadline + 14n * DAY; // motion 1's own queue window, not the new 30 days
      expect(await s.governor.state(1n)).to.equal(4n); // Succeeded
      const run = await task("show", s, { id: "1" });
      expect(run.exitCode, run.err).to.equal(0);
      const lines = run.out.split("\n");
      expect(lines.slice(0, 2)).to.deep.equal([
        "Motion 1 — Standard — Succeeded",
        `  it passed; queue it before ${formatWhen(queueBy, t)} or it expires`,
      ]);
      expect(lines).to.include.members([
        "  tally: For 2, Against 1, Abstain 0 (3 members voted)",
        "  quorum: 3/2 members ✓ OR 3/2 votes ✓ → reached",
        "  approval (more For than Against + Abstain): met",
        `    queue before       ${formatWhen(queueBy, t)}`,
      ]);
      const list = await task("list", s, { state: "succeeded", limit: 20 });
      const row = list.out.split("\n")[2].split(/\s{2,}/);
      expect(row).to.deep.equal([
        "1",
        "Standard",
        "Succeeded",
        "2/1/0",
        "3/2 ✓",
        `it passed; queue it before ${formatWhen(queueBy, t)} or it expires`,
      ]);
      // A motion created now gets the new rules.
      await s.governor
        .connect((await ethers.getSigners())[ACCOUNT.secretariat])
        .propose([s.addresses.timelock], [0n], ["0x"], "Signal under the new rules");
      const later = await task("show", s, { id: "3" });
      expect(later.out).to.contain("  approval (For ≥ 3/4 of votes cast): not met");
      const laterDeadline = await s.governor.proposalDeadline(3n);
      expect(later.out).to.contain(
        `    queue before       ${formatWhen(laterDeadline + 30n * DAY, await now())}`,
      );
    });

    it("refuses an unknown or malformed motion id", async function () {
      const s = await networkHelpers.loadFixture(proposed);
      expectRefused(
        await task("show", s, { id: "7" }),
        "unknown motion 7: motions are numbered 1 to 1 (see: motion list)",
      );
      expectRefused(
        await task("show", s, { id: "one" }),
        'motion id "one" is not a number (see: motion list)',
      );
    });
  });

  describe("vote", function () {
    it("casts the member's snapshot votes from its voter account", async function () {
      const s = await networkHelpers.loadFixture(active);
      const run = await task("vote", s, { id: "1", support: "for", ...VOTE }, String(ACCOUNT.voter + 1));
      expect(run.exitCode, run.err).to.equal(0);
      expect(run.out).to.match(/^Member 2 voted for on motion 1 with 1 vote \(0x[0-9a-f]{64}\)$/);
      expect(await s.governor.hasMemberVoted(1n, 2n)).to.equal(true);
      expect(await s.governor.proposalVotes(1n)).to.deep.equal([0n, 1n, 0n]);
    });

    it("records a reason", async function () {
      const s = await networkHelpers.loadFixture(active);
      const voter = (await ethers.getSigners())[ACCOUNT.voter];
      const run = await task(
        "vote",
        s,
        { id: "1", support: "against", ...VOTE, reason: "too long" },
        String(ACCOUNT.voter),
      );
      expect(run.exitCode, run.err).to.equal(0);
      const events = await s.governor.queryFilter(s.governor.filters.VoteCast(voter.address));
      expect(events.map((e) => [e.args.support, e.args.reason])).to.deep.equal([[0n, "too long"]]);
    });

    it("prints the vote transaction for a Safe voter with --print-tx and sends nothing", async function () {
      const s = await networkHelpers.loadFixture(active);
      const voter = (await ethers.getSigners())[ACCOUNT.voter + 2].address;
      const run = await task("vote", s, { id: "1", support: "abstain", reason: "", voter, printTx: true });
      expect(JSON.parse(run.out)).to.deep.equal({
        to: s.addresses.governor,
        value: "0",
        data: s.governor.interface.encodeFunctionData("castVote", [1n, 2]),
      });
      expect(await s.governor.hasMemberVoted(1n, 3n)).to.equal(false);
    });

    it("refuses a Pending motion, saying when voting opens", async function () {
      const s = await networkHelpers.loadFixture(proposed);
      const snapshot = await s.governor.proposalSnapshot(1n);
      const run = await task("vote", s, { id: "1", support: "for", ...VOTE }, String(ACCOUNT.voter));
      expectRefused(
        run,
        `motion 1 is Pending: voting opens after ${formatWhen(snapshot, await now())}; voting needs it Active`,
      );
    });

    it("refuses a motion whose voting has closed, saying what comes next", async function () {
      const s = await networkHelpers.loadFixture(succeeded);
      const queueBy = (await s.governor.proposalDeadline(1n)) + 14n * DAY;
      const run = await task("vote", s, { id: "1", support: "for", ...VOTE }, String(ACCOUNT.voter + 4));
      expectRefused(
        run,
        `motion 1 is Succeeded: it passed; queue it before ${formatWhen(queueBy, await now())} or it expires; voting needs it Active`,
      );
    });

    it("refuses an account that is not a member's voter (not a member)", async function () {
      const s = await networkHelpers.loadFixture(active);
      const admin = (await ethers.getSigners())[ACCOUNT.admin].address;
      const run = await task("vote", s, { id: "1", support: "for", ...VOTE }, String(ACCOUNT.admin));
      expectRefused(
        run,
        `account ${admin} is not a member's voter account: vote on motion 1 --from the member's voter`,
      );
    });

    it("refuses a member with no votes at the snapshot (insufficient stake)", async function () {
      const s = await networkHelpers.loadFixture(active);
      const snapshot = await s.governor.proposalSnapshot(1n);
      const run = await task("vote", s, { id: "1", support: "for", ...VOTE }, String(ACCOUNT.voter + 4));
      expectRefused(
        run,
        `insufficient stake: member 5 had no votes at motion 1's snapshot (${formatTime(snapshot)}); one vote needs ${UNIT} wei staked before the snapshot`,
      );
    });

    it("refuses a second vote by the same member", async function () {
      const s = await networkHelpers.loadFixture(active);
      await task("vote", s, { id: "1", support: "for", ...VOTE }, String(ACCOUNT.voter));
      const run = await task("vote", s, { id: "1", support: "against", ...VOTE }, String(ACCOUNT.voter));
      expectRefused(run, "member 1 already voted on motion 1; a member votes once");
      expect(await s.governor.proposalVotes(1n)).to.deep.equal([0n, 1n, 0n]);
    });

    it("refuses an unknown vote and an unknown motion", async function () {
      const s = await networkHelpers.loadFixture(active);
      expectRefused(
        await task("vote", s, { id: "1", support: "yes", ...VOTE }, String(ACCOUNT.voter)),
        'vote "yes" is not one of: for, against, abstain',
      );
      expectRefused(
        await task("vote", s, { id: "2", support: "for", ...VOTE }, String(ACCOUNT.voter)),
        "unknown motion 2: motions are numbered 1 to 1 (see: motion list)",
      );
    });
  });

  describe("signed ballots", function () {
    it("a ballot signed offline while Pending and relayed by another account counts exactly once", async function () {
      const s = await networkHelpers.loadFixture(proposed);
      const signers = await ethers.getSigners();
      const voter = signers[ACCOUNT.voter + 1];
      const out = path.join(scratch, "ballot-once.json");
      const balanceBefore = await ethers.provider.getBalance(voter.address);
      const sign = await task(
        "sign-vote",
        s,
        { id: "1", support: "for", out, reason: "" },
        String(ACCOUNT.voter + 1),
      );
      expect(sign.exitCode, sign.err).to.equal(0);
      expect(sign.out.split("\n")).to.deep.equal([
        `Signed for on motion 1 as ${voter.address} (nonce 0)`,
        `Ballot written to ${out}; relay it with: ./gc motion relay-vote ${out}`,
      ]);
      // Signing sent nothing: no gas spent, no vote yet.
      expect(await ethers.provider.getBalance(voter.address)).to.equal(balanceBefore);
      expect(await s.governor.hasMemberVoted(1n, 2n)).to.equal(false);

      await networkHelpers.time.increaseTo((await s.governor.proposalSnapshot(1n)) + 1n);
      const relay = await task("relay-vote", s, { file: out }, String(ACCOUNT.outsider));
      expect(relay.exitCode, relay.err).to.equal(0);
      expect(relay.out).to.match(/^Relayed: member 2 voted for on motion 1 with 1 vote \(0x[0-9a-f]{64}\)$/);
      expect(await s.governor.proposalVotes(1n)).to.deep.equal([0n, 1n, 0n]);
      expect(await s.governor.proposalVoters(1n)).to.equal(1n);
      expect(await ethers.provider.getBalance(voter.address)).to.equal(balanceBefore);

      const again = await task("relay-vote", s, { file: out }, String(ACCOUNT.outsider + 1));
      expectRefused(again, "member 2 already voted on motion 1; a member votes once");
      expect(await s.governor.proposalVotes(1n)).to.deep.equal([0n, 1n, 0n]);
      expect(await s.governor.proposalVoters(1n)).to.equal(1n);
    });

    it("carries a reason (ExtendedBallot)", async function () {
      const s = await networkHelpers.loadFixture(active);
      const out = path.join(scratch, "ballot-reason.json");
      await task(
        "sign-vote",
        s,
        { id: "1", support: "against", out, reason: "not now" },
        String(ACCOUNT.voter),
      );
      const relay = await task("relay-vote", s, { file: out }, "0");
      expect(relay.exitCode, relay.err).to.equal(0);
      const events = await s.governor.queryFilter(s.governor.filters.VoteCast());
      expect(events.map((e) => [e.args.voter, e.args.support, e.args.reason])).to.deep.equal([
        [(await ethers.getSigners())[ACCOUNT.voter].address, 0n, "not now"],
      ]);
    });

    it("refuses a tampered ballot (the signature no longer matches)", async function () {
      const s = await networkHelpers.loadFixture(active);
      const out = path.join(scratch, "ballot-tampered.json");
      await task("sign-vote", s, { id: "1", support: "against", out, reason: "" }, String(ACCOUNT.voter));
      const ballot = JSON.parse(readFileSync(out, "utf8")) as { support: number; voter: string };
      writeFileSync(out, JSON.stringify({ ...ballot, support: 1 }));
      expectRefused(
        await task("relay-vote", s, { file: out }, "0"),
        `the ballot's signature is not ${ballot.voter}'s for motion 1 voting for`,
      );
      expect(await s.governor.proposalVoters(1n)).to.equal(0n);
    });

    it("refuses a ballot whose nonce another signed vote used", async function () {
      const s = await networkHelpers.loadFixture(active);
      await task(
        "propose",
        s,
        { file: proposalFile({ ...WINDOW_MOTION, description: "second" }), printTx: false },
        "1",
      );
      const first = path.join(scratch, "ballot-n1.json");
      const second = path.join(scratch, "ballot-n2.json");
      await task("sign-vote", s, { id: "1", support: "for", out: first, reason: "" }, String(ACCOUNT.voter));
      await task("sign-vote", s, { id: "2", support: "for", out: second, reason: "" }, String(ACCOUNT.voter));
      expect((await task("relay-vote", s, { file: first }, "0")).exitCode).to.equal(0);
      await networkHelpers.time.increaseTo((await s.governor.proposalSnapshot(2n)) + 1n);
      const voter = (await ethers.getSigners())[ACCOUNT.voter].address;
      expectRefused(
        await task("relay-vote", s, { file: second }, "0"),
        `the ballot was signed with nonce 0, but ${voter}'s nonce is now 1: another signed vote used it; sign again`,
      );
    });

    it("refuses a ballot for another governor or chain, and a malformed file", async function () {
      const s = await networkHelpers.loadFixture(active);
      const out = path.join(scratch, "ballot-other.json");
      await task("sign-vote", s, { id: "1", support: "for", out, reason: "" }, String(ACCOUNT.voter));
      const ballot = JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>;
      const other = "0x000000000000000000000000000000000000bEEF";
      writeFileSync(out, JSON.stringify({ ...ballot, governor: other }));
      expectRefused(
        await task("relay-vote", s, { file: out }, "0"),
        `the ballot is for governor ${other}, not this deployment's ${s.addresses.governor}`,
      );
      writeFileSync(out, JSON.stringify({ ...ballot, chainId: "8217" }));
      expectRefused(
        await task("relay-vote", s, { file: out }, "0"),
        "the ballot is for chain 8217, but this network is chain 31337",
      );
      writeFileSync(out, JSON.stringify({ ...ballot, signature: "nope" }));
      expectRefused(
        await task("relay-vote", s, { file: out }, "0"),
        `ballot file ${out}: "signature" is missing or malformed`,
      );
      writeFileSync(out, JSON.stringify({ hello: 1 }));
      expectRefused(
        await task("relay-vote", s, { file: out }, "0"),
        `ballot file ${out} is not a gc-governance/ballot@1 file`,
      );
    });

    it("refuses to sign for a non-member, a closed motion, or without --out", async function () {
      const s = await networkHelpers.loadFixture(succeeded);
      const out = path.join(scratch, "ballot-refused.json");
      expectRefused(
        await task("sign-vote", s, { id: "1", support: "for", out: "", reason: "" }, String(ACCOUNT.voter)),
        "give the ballot file to write with --out <file>",
      );
      const queueBy = (await s.governor.proposalDeadline(1n)) + 14n * DAY;
      expectRefused(
        await task("sign-vote", s, { id: "1", support: "for", out, reason: "" }, String(ACCOUNT.voter)),
        `motion 1 is Succeeded: it passed; queue it before ${formatWhen(queueBy, await now())} or it expires; a ballot needs it Pending or Active`,
      );
      await task(
        "propose",
        s,
        { file: proposalFile({ ...WINDOW_MOTION, description: "second" }), printTx: false },
        "1",
      );
      const outsider = (await ethers.getSigners())[ACCOUNT.outsider].address;
      expectRefused(
        await task("sign-vote", s, { id: "2", support: "for", out, reason: "" }, String(ACCOUNT.outsider)),
        `account ${outsider} is not a member's voter account: vote on motion 2 --from the member's voter`,
      );
    });
  });

  describe("queue, execute, cancel", function () {
    it("queues a Succeeded motion, then executes it after the Constitutional delay", async function () {
      const s = await networkHelpers.loadFixture(succeeded);
      const queue = await task("queue", s, { id: "1" });
      expect(queue.exitCode, queue.err).to.equal(0);
      const eta = await s.governor.proposalEta(1n);
      expect(eta).to.equal((await now()) + 7n * DAY);
      expect(queue.out).to.match(
        new RegExp(`^Queued motion 1 \\(0x[0-9a-f]{64}\\); it can be executed from ${formatTime(eta)}$`),
      );

      expectRefused(
        await task("execute", s, { id: "1" }),
        `motion 1 is Queued but its delay has not passed: it can be executed from ${formatWhen(eta, await now())}`,
      );
      await networkHelpers.time.increaseTo(eta);
      const execute = await task("execute", s, { id: "1" }, String(ACCOUNT.outsider));
      expect(execute.exitCode, execute.err).to.equal(0);
      expect(execute.out).to.match(/^Executed motion 1 \(0x[0-9a-f]{64}\)$/);
      expect(await s.registry.sponsorshipWindow()).to.equal(21n * DAY);
      expectRefused(
        await task("execute", s, { id: "1" }),
        "motion 1 is Executed: that is final, it never changes; execution needs it Queued",
      );
    });

    it("refuses to queue a motion still in its vote, saying when voting closes", async function () {
      const s = await networkHelpers.loadFixture(active);
      const deadline = await s.governor.proposalDeadline(1n);
      expectRefused(
        await task("queue", s, { id: "1" }),
        `motion 1 is Active: voting closes at ${formatWhen(deadline, await now())}; queueing needs it Succeeded`,
      );
    });

    it("refuses to queue twice and to execute before queueing", async function () {
      const s = await networkHelpers.loadFixture(queued);
      const eta = await s.governor.proposalEta(1n);
      const executeBy = eta + 14n * DAY;
      expectRefused(
        await task("queue", s, { id: "1" }),
        `motion 1 is Queued: it can be executed from ${formatWhen(eta, await now())} until ${formatTime(executeBy)}; queueing needs it Succeeded`,
      );
    });

    it("refuses a Defeated motion as final", async function () {
      const s = await networkHelpers.loadFixture(active);
      const signers = await ethers.getSigners();
      for (let i = 0; i < 4; i++) await s.governor.connect(signers[ACCOUNT.voter + i]).castVote(1n, 0);
      await networkHelpers.time.increaseTo((await s.governor.proposalDeadline(1n)) + 1n);
      expectRefused(
        await task("queue", s, { id: "1" }),
        "motion 1 is Defeated: that is final, it never changes; queueing needs it Succeeded",
      );
    });

    it("lets the proposer cancel while Pending", async function () {
      const s = await networkHelpers.loadFixture(proposed);
      const run = await task("cancel", s, { id: "1" }, String(ACCOUNT.secretariat));
      expect(run.exitCode, run.err).to.equal(0);
      expect(run.out).to.match(/^Canceled motion 1 \(0x[0-9a-f]{64}\)$/);
      expect(await s.governor.state(1n)).to.equal(2n);
    });

    it("refuses the proposer's cancel once voting has opened", async function () {
      const s = await networkHelpers.loadFixture(active);
      const deadline = await s.governor.proposalDeadline(1n);
      expectRefused(
        await task("cancel", s, { id: "1" }, String(ACCOUNT.secretariat)),
        `motion 1 is Active: voting closes at ${formatWhen(deadline, await now())}; a proposer's cancel needs it Pending`,
      );
    });

    it("lets the guardian cancel a Queued motion", async function () {
      const s = await networkHelpers.loadFixture(queued);
      const run = await task("cancel", s, { id: "1" }, String(ACCOUNT.guardian));
      expect(run.exitCode, run.err).to.equal(0);
      expect(await s.governor.state(1n)).to.equal(2n);
      expectRefused(
        await task("cancel", s, { id: "1" }, String(ACCOUNT.guardian)),
        "motion 1 is Canceled: that is final, it never changes; cancelling needs it Pending or Active or Succeeded or Queued",
      );
    });

    it("refuses the guardian's cancel of a Defeated motion: Defeated is final", async function () {
      const s = await networkHelpers.loadFixture(active);
      const signers = await ethers.getSigners();
      for (let i = 0; i < 4; i++) await s.governor.connect(signers[ACCOUNT.voter + i]).castVote(1n, 0);
      await networkHelpers.time.increaseTo((await s.governor.proposalDeadline(1n)) + 1n);
      expectRefused(
        await task("cancel", s, { id: "1" }, String(ACCOUNT.guardian)),
        "motion 1 is Defeated: that is final, it never changes; cancelling needs it Pending or Active or Succeeded or Queued",
      );
      expect(await s.governor.state(1n)).to.equal(3n);
    });

    it("refuses the mover's cancel of a no-confidence motion: only the guardian may cancel it", async function () {
      const s = await networkHelpers.loadFixture(noConfidence);
      const signers = await ethers.getSigners();
      const mover = signers[ACCOUNT.voter].address.toLowerCase();
      expectRefused(
        await task("cancel", s, { id: "1" }, String(ACCOUNT.voter)),
        `account ${mover} may not cancel motion 1: a No-confidence motion, once opened, goes to a vote; only the ` +
          `guardian (${signers[ACCOUNT.guardian].address}) may cancel it`,
      );
      expect(await s.governor.state(1n)).to.equal(0n);
      const run = await task("cancel", s, { id: "1" }, String(ACCOUNT.guardian));
      expect(run.exitCode, run.err).to.equal(0);
      expect(await s.governor.state(1n)).to.equal(2n);
    });

    it("refuses the sponsor's cancel of an admission motion: only the guardian may cancel it", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const signers = await ethers.getSigners();
      const [applicant, candidateVoter] = [signers[ACCOUNT.outsider], signers[ACCOUNT.outsider + 1]];
      await s.registry
        .connect(applicant)
        .applyForMembership("Acme", "https://acme.example/gc.json", candidateVoter.address, []);
      await s.registry.connect(candidateVoter).acceptVoter(6n);
      await networkHelpers.setBalance(applicant.address, 2n * UNIT);
      await s.vault.connect(applicant).stake(UNIT, { value: UNIT });
      await s.governor.connect(signers[ACCOUNT.secretariat]).proposeAdmission(6n, "Admit Acme");
      expectRefused(
        await task("cancel", s, { id: "1" }, String(ACCOUNT.secretariat)),
        `account ${signers[ACCOUNT.secretariat].address.toLowerCase()} may not cancel motion 1: an Admission ` +
          `motion, once opened, goes to a vote; only the guardian (${signers[ACCOUNT.guardian].address}) may ` +
          "cancel it",
      );
      expect(await s.governor.state(1n)).to.equal(0n);
    });

    it("says nobody may cancel a membership motion once the guardian's term has ended", async function () {
      const s = await networkHelpers.loadFixture(staked);
      await networkHelpers.time.increaseTo(await s.governor.guardianTermEnd());
      const voter = (await ethers.getSigners())[ACCOUNT.voter];
      await s.governor.connect(voter).proposeNoConfidence(4n, "No confidence in member 4");
      expectRefused(
        await task("cancel", s, { id: "1" }, String(ACCOUNT.guardian)),
        `account ${(await ethers.getSigners())[ACCOUNT.guardian].address.toLowerCase()} may not cancel motion 1: a ` +
          "No-confidence motion, once opened, goes to a vote; only the guardian may cancel it, and the guardian's " +
          "term has ended",
      );
    });

    it("refuses the guardian's cancel of a motion that changes a guardian", async function () {
      const s = await networkHelpers.loadFixture(guardianChange);
      expectRefused(
        await task("cancel", s, { id: "1" }, String(ACCOUNT.guardian)),
        "the guardian may not cancel motion 1: it changes a guardian (setGuardian), and the council must always be " +
          "able to replace its guardian",
      );
      expect(await s.governor.state(1n)).to.equal(0n);
      // Its proposer still may, while Pending.
      const run = await task("cancel", s, { id: "1" }, String(ACCOUNT.secretariat));
      expect(run.exitCode, run.err).to.equal(0);
    });

    it("refuses the cancel of a member's voter once its member resigned", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const signers = await ethers.getSigners();
      const voter = signers[ACCOUNT.voter + 1];
      await s.governor.connect(voter).propose([s.addresses.timelock], [0n], ["0x"], "Signal by member 2");
      await s.registry.connect(signers[ACCOUNT.admin + 1]).resign(2n);
      expectRefused(
        await task("cancel", s, { id: "1" }, String(ACCOUNT.voter + 1)),
        `account ${voter.address.toLowerCase()} may not cancel motion 1: its member 2 is no longer an active member ` +
          "of the council",
      );
      expect(await s.governor.state(1n)).to.equal(0n);
    });

    it("refuses the cancel of a voter account its member rotated away from, naming the current one", async function () {
      const s = await networkHelpers.loadFixture(staked);
      const signers = await ethers.getSigners();
      const [oldVoter, newVoter] = [signers[ACCOUNT.voter + 2], signers[ACCOUNT.outsider]];
      await s.governor.connect(oldVoter).propose([s.addresses.timelock], [0n], ["0x"], "Signal by member 3");
      await s.registry.connect(signers[ACCOUNT.admin + 2]).proposeVoter(3n, newVoter.address);
      await s.registry.connect(newVoter).acceptVoter(3n);
      expectRefused(
        await task("cancel", s, { id: "1" }, String(ACCOUNT.voter + 2)),
        `account ${oldVoter.address.toLowerCase()} may not cancel motion 1: it is no longer member 3's voter ` +
          `(now ${newVoter.address}); use that account`,
      );
      const run = await task("cancel", s, { id: "1" }, String(ACCOUNT.outsider));
      expect(run.exitCode, run.err).to.equal(0);
      expect(await s.governor.state(1n)).to.equal(2n);
    });

    it("refuses anyone else", async function () {
      const s = await networkHelpers.loadFixture(proposed);
      const signers = await ethers.getSigners();
      const outsider = signers[ACCOUNT.outsider].address.toLowerCase();
      expectRefused(
        await task("cancel", s, { id: "1" }, String(ACCOUNT.outsider)),
        `account ${outsider} may not cancel motion 1: only its proposer (${signers[ACCOUNT.secretariat].address.slice(0, 6)}…${signers[
          ACCOUNT.secretariat
        ].address.slice(
          -4,
        )}, or its member's current voter) while Pending, or the guardian (${signers[ACCOUNT.guardian].address})`,
      );
      expect(await s.governor.state(1n)).to.equal(0n);
    });
  });
});
