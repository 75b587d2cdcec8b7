/**
 * `motion …`: list and show motions; propose from a JSON file; vote, or sign a ballot to a file and relay it; queue,
 * execute and cancel. Every check that can refuse is made before anything is sent, and refusals are one line.
 */
import { ArgumentType } from "hardhat/types/arguments";
import type { TaskDefinition } from "hardhat/types/tasks";

import { opsTask, runOps } from "./cli.js";

const motionId = { name: "id", description: "The motion id (see: motion list)" } as const;

export const motionTasks: TaskDefinition[] = [
  opsTask(["motion", "list"], "List motions, newest first: class, state, tally, voters/quorum, next change")
    .addOption({
      name: "state",
      description: "Only these states, comma-separated (e.g. Active,Succeeded)",
      defaultValue: "",
    })
    .addOption({ name: "limit", description: "At most this many", type: ArgumentType.INT, defaultValue: 20 })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const m = await import("../ops/motions.js");
        const states = args.state === "" ? undefined : m.parseStates(args.state);
        print(m.renderMotionList(await m.listMotions(c, { states, limit: args.limit })));
      }),
    )
    .build(),

  opsTask(
    ["motion", "show"],
    "Show one motion: state and next change, tallies, quorum progress, timeline, actions",
  )
    .addPositionalArgument(motionId)
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const m = await import("../ops/motions.js");
        const { argumentContext } = await import("../ops/proposals.js");
        const { describeCall } = await import("../ops/arguments.js");
        const view = await m.getMotion(c, m.parseMotionId(args.id));
        const [actions, ctx] = await Promise.all([m.motionActions(c, view), argumentContext(c)]);
        print(m.renderMotion(view, actions, (target, value, data) => describeCall(ctx, target, value, data)));
        const advisors = await import("../ops/advisors.js");
        const extension = await import("../ops/extension.js");
        print(extension.renderExtension(await extension.extensionStatus(c, view.id)));
        print(advisors.renderOpinions(await advisors.motionOpinions(c, view.id)));
      }),
    )
    .build(),

  opsTask(["motion", "propose"], "Propose a motion from a JSON file of human-readable actions")
    .addPositionalArgument({
      name: "file",
      description: "The proposal file (see docs/secretariat-runbook.md)",
    })
    .addFlag({
      name: "printTx",
      description: "Check and print the transaction for a Safe or hardware wallet; send nothing",
    })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const p = await import("../ops/proposals.js");
        const { formatTime } = await import("../ops/format.js");
        const proposal = p.readProposalFile(await p.argumentContext(c), args.file);
        const summary = (motionClass: string) => {
          print(`Actions (${proposal.targets.length}), class ${motionClass}:`);
          proposal.summary.forEach((line, i) => print(`  ${i + 1}. ${line}`));
        };
        if (args.printTx) {
          const { signerOf } = await import("../ops/deployment.js");
          const call = await p.proposeCall(c, proposal, await signerOf(c).getAddress());
          summary(await p.classify(c, proposal));
          print(JSON.stringify(call, null, 2));
          return;
        }
        const r = await p.proposeMotion(c, proposal);
        summary(r.motionClass);
        print(`Proposed motion ${r.motionId} (${r.motionClass}) in transaction ${r.hash}`);
        print(`  voting opens after ${formatTime(r.snapshot)} and closes at ${formatTime(r.deadline)}`);
      }),
    )
    .build(),

  opsTask(["motion", "vote"], "Vote on an Active motion from a member's voter account")
    .addPositionalArgument(motionId)
    .addPositionalArgument({ name: "support", description: "for, against or abstain" })
    .addOption({ name: "reason", description: "A reason, recorded on chain", defaultValue: "" })
    .addOption({
      name: "voter",
      description: "With --print-tx: the voter account that will send it (e.g. a Safe)",
      defaultValue: "",
    })
    .addFlag({
      name: "printTx",
      description: "Check and print the transaction for a Safe or hardware wallet; send nothing",
    })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const m = await import("../ops/motions.js");
        const id = m.parseMotionId(args.id);
        const support = m.parseSupport(args.support);
        if (args.printTx) {
          const { signerOf } = await import("../ops/deployment.js");
          const voter = args.voter !== "" ? args.voter : await signerOf(c).getAddress();
          print(JSON.stringify(await m.voteCall(c, id, support, args.reason, voter), null, 2));
          return;
        }
        const r = await m.castVote(c, id, support, args.reason);
        const { count } = await import("../ops/format.js");
        print(
          `Member ${r.memberId} voted ${m.supportName(support)} on motion ${id} with ${count(r.weight, "vote")} (${r.hash})`,
        );
      }),
    )
    .build(),

  opsTask(["motion", "sign-vote"], "Sign a vote offline (EIP-712) into a ballot file that anyone can relay")
    .addPositionalArgument(motionId)
    .addPositionalArgument({ name: "support", description: "for, against or abstain" })
    .addOption({ name: "out", description: "The ballot file to write", defaultValue: "" })
    .addOption({ name: "reason", description: "A reason, recorded on chain", defaultValue: "" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const m = await import("../ops/motions.js");
        const b = await import("../ops/ballots.js");
        const { OpsError } = await import("../ops/errors.js");
        if (args.out === "") throw new OpsError("give the ballot file to write with --out <file>");
        const id = m.parseMotionId(args.id);
        const ballot = await b.signBallot(c, id, m.parseSupport(args.support), args.reason);
        b.writeBallot(args.out, ballot);
        print(
          `Signed ${m.supportName(ballot.support)} on motion ${id} as ${ballot.voter} (nonce ${ballot.nonce})`,
        );
        print(`Ballot written to ${args.out}; relay it with: ./gc motion relay-vote ${args.out}`);
      }),
    )
    .build(),

  opsTask(["motion", "relay-vote"], "Relay a signed ballot file; the vote counts for the signer's member")
    .addPositionalArgument({ name: "file", description: "The ballot file" })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const m = await import("../ops/motions.js");
        const b = await import("../ops/ballots.js");
        const ballot = b.readBallot(args.file);
        const r = await b.relayBallot(c, ballot);
        const { count } = await import("../ops/format.js");
        print(
          `Relayed: member ${r.memberId} voted ${m.supportName(ballot.support)} on motion ${r.motionId} with ${count(r.weight, "vote")} (${r.hash})`,
        );
      }),
    )
    .build(),

  opsTask(
    ["motion", "opine"],
    "File an advisor's statement of opinion on a motion whose voting has not ended",
  )
    .addPositionalArgument(motionId)
    .addPositionalArgument({ name: "recommendation", description: "for, against or abstain" })
    .addOption({
      name: "uri",
      description: "Where the statement is published (ipfs://…, https://…)",
      defaultValue: "",
    })
    .addOption({
      name: "hash",
      description: "The statement's content hash (32 bytes, 0x…)",
      defaultValue: "",
    })
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const m = await import("../ops/motions.js");
        const a = await import("../ops/advisors.js");
        const id = m.parseMotionId(args.id);
        const r = await a.fileOpinion(c, id, args.recommendation, args.uri, args.hash);
        print(
          `Filed an opinion (${m.supportName(m.parseSupport(args.recommendation))}) on motion ${id} (${r.hash})`,
        );
      }),
    )
    .build(),

  opsTask(
    ["motion", "extend"],
    "Call, as a member's voter, for a one-time extension of an Active motion's vote",
  )
    .addPositionalArgument(motionId)
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const m = await import("../ops/motions.js");
        const { formatTime } = await import("../ops/format.js");
        const e = await import("../ops/extension.js");
        const id = m.parseMotionId(args.id);
        const r = await e.callForExtension(c, id);
        print(
          `Member ${r.memberId} called for an extension of motion ${id}: ${r.calls} of ${r.needed} (${r.hash})`,
        );
        if (r.extendedDeadline !== 0n)
          print(`The vote is extended: it now closes at ${formatTime(r.extendedDeadline)}`);
      }),
    )
    .build(),

  opsTask(["motion", "queue"], "Queue a Succeeded motion in the timelock")
    .addPositionalArgument(motionId)
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const m = await import("../ops/motions.js");
        const { formatTime } = await import("../ops/format.js");
        const id = m.parseMotionId(args.id);
        const r = await m.queueMotion(c, id);
        print(`Queued motion ${id} (${r.hash}); it can be executed from ${formatTime(r.eta)}`);
      }),
    )
    .build(),

  opsTask(["motion", "execute"], "Execute a Queued motion whose timelock delay has passed")
    .addPositionalArgument(motionId)
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const m = await import("../ops/motions.js");
        const id = m.parseMotionId(args.id);
        const r = await m.executeMotion(c, id);
        print(`Executed motion ${id} (${r.hash})`);
      }),
    )
    .build(),

  opsTask(
    ["motion", "cancel"],
    "Cancel a live motion: its proposer while Pending, or the guardian (an admission or no-confidence motion: the guardian only)",
  )
    .addPositionalArgument(motionId)
    .setInlineAction(async (args, hre) =>
      runOps(hre, args, async (c, print) => {
        const m = await import("../ops/motions.js");
        const id = m.parseMotionId(args.id);
        const r = await m.cancelMotion(c, id);
        print(`Canceled motion ${id} (${r.hash})`);
      }),
    )
    .build(),
];
