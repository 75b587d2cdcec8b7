/**
 * Proposal files: a motion written for people. Actions name a system contract (or give a target address), a
 * function signature and its arguments in readable form; the file is checked, encoded against the contract's ABI,
 * classified by the motion policy and then proposed.
 *
 * ```json
 * {
 *   "description": "# Ecosystem budget Q1\n\nWhy …",
 *   "actions": [
 *     { "contract": "ImprovementReserve",
 *       "function": "approveBudget(bytes32,address,address,uint256,uint256,uint256)",
 *       "args": ["ecosystem", "0x0000000000000000000000000000000000000000", "0x7099…79C8", "250000 KAIA",
 *                "2027-01-01", "2027-04-01"] },
 *     { "contract": "CouncilRegistry", "function": "setSponsorshipWindow(uint256)", "args": ["21 days"] },
 *     { "target": "0x1234…", "value": "10 KAIA" }
 *   ]
 * }
 * ```
 *
 * Readable argument forms (amounts `"250000 KAIA"`, durations `"21 days"`, dates `"2027-01-01"`, contract names
 * for addresses, short text for a `bytes32`, signatures for a selector) are read and printed by arguments.ts, so that
 * `motion show` prints an action as its proposal file wrote it.
 *
 * The file's shape is checked by zod schemas (the document, each action, the function signature through ethers); the
 * first problem becomes the one-line error. What depends on the deployment (the named contract's ABI, the arguments'
 * readable forms) is checked while encoding.
 */
import { readFileSync } from "node:fs";

import { FunctionFragment, Interface, getAddress, isAddress, id } from "ethers";
import { z } from "zod";

import { describeCall, governedAddress, parseArgument, parseInteger } from "./arguments.js";
import type { ArgumentContext } from "./arguments.js";
import { eventArgs, latestTimestamp } from "./transactions.js";
import type { CouncilContracts } from "./deployment.js";
import { hasKaiaVault, signerOf, systemInterfaces } from "./deployment.js";
import { MOTION_CLASS_NAMES } from "./enums.js";
import type { MotionClassName } from "./enums.js";
import { OpsError } from "./errors.js";
import { sent } from "./motions.js";
import type { Actions, Sent, UnsignedCall } from "./motions.js";
import { GOVERNED_CONTRACTS } from "./system.js";

/** An encoded proposal, with a readable line per action. */
export interface EncodedProposal extends Actions {
  summary: string[];
}

/** What reading and printing arguments need from the deployment (reads whether the vault stakes the native coin). */
export async function argumentContext(c: CouncilContracts): Promise<ArgumentContext> {
  const stakeToken = await c.vault.stakeToken();
  return {
    addresses: c.addresses,
    nativeStake: BigInt(stakeToken) === 0n,
    interfaces: systemInterfaces(await hasKaiaVault(c)),
  };
}

/** Reads and checks a proposal file; every problem is one line naming the file and the action. */
export function readProposalFile(ctx: ArgumentContext, file: string): EncodedProposal {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new OpsError(`proposal file ${file} cannot be read: check the path`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new OpsError(`proposal file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  return encodeProposal(ctx, json, `proposal file ${file}`);
}

const CONTRACT_NAMES = Object.keys(GOVERNED_CONTRACTS) as [string, ...string[]];

/**
 * One action's shape: a system contract's name or a target address, an optional function signature (parsed by ethers)
 * with its arguments, and an optional value. Arguments and value are read in their readable forms by arguments.ts,
 * against the function's ABI; other keys are ignored.
 */
const Action = z
  .object(
    {
      contract: z
        .enum(CONTRACT_NAMES, {
          error: (issue) => `${show(issue.input)} is not one of: ${CONTRACT_NAMES.join(", ")}`,
        })
        .optional(),
      // An address, checksummed; anything else reads as no target (a named contract needs none).
      target: z
        .string()
        .refine((text) => isAddress(text))
        .transform((text) => getAddress(text))
        .optional()
        .catch(undefined),
      value: z.unknown().optional(),
      function: z
        .string({ error: `must be a signature like "f(uint256)"` })
        .transform((text, ctx) => {
          try {
            return FunctionFragment.from(text);
          } catch {
            ctx.issues.push({
              code: "custom",
              input: text,
              message: `${show(text)} is not a function signature like "setX(uint256,address)"`,
            });
            return z.NEVER;
          }
        })
        .optional(),
      args: z.unknown().optional(),
    },
    { error: "must be an object" },
  )
  .superRefine((action, ctx) => {
    if (action.contract === undefined && action.target === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `needs "contract" (a system contract's name) or "target" (an address)`,
      });
    }
    if (action.function === undefined && action.args !== undefined) {
      ctx.addIssue({ code: "custom", message: `has "args" but no "function"` });
    }
  });

/** A proposal document's shape (see the module comment). */
const ProposalDocument = z.object(
  {
    description: z
      .string({ error: `"description" must be non-empty text (the motion's title and reasons)` })
      .refine((text) => text.trim() !== "", {
        error: `"description" must be non-empty text (the motion's title and reasons)`,
      }),
    actions: z
      .array(Action, { error: `"actions" must be a non-empty list` })
      .min(1, { error: `"actions" must be a non-empty list` }),
  },
  { error: `expected an object with "description" and "actions"` },
);

function show(value: unknown): string {
  return `"${String(value)}"`;
}

/** Encodes a parsed proposal document (see the module comment for its shape). */
export function encodeProposal(ctx: ArgumentContext, json: unknown, where: string): EncodedProposal {
  const parsed = ProposalDocument.safeParse(json);
  if (!parsed.success) {
    const { path, message } = parsed.error.issues[0];
    // A problem of the document names its key in the message; an action's is named by its path (actions[0].function).
    const key = path
      .slice(1)
      .reduce<string>(
        (name, part) => (typeof part === "number" ? `${name}[${part}]` : `${name}.${String(part)}`),
        String(path[0]),
      );
    throw new OpsError(`${where}: ${path.length > 1 ? `${key} ` : ""}${message}`);
  }
  const doc = parsed.data;
  const out: EncodedProposal = {
    targets: [],
    values: [],
    calldatas: [],
    description: doc.description,
    summary: [],
  };
  doc.actions.forEach((raw, i) => {
    const at = `${where}: actions[${i}]`;
    let target: string;
    let iface: Interface | undefined;
    let name: string;
    if (raw.contract !== undefined) {
      // The schema admits only the governed names; governedAddress refuses a community contract the deployment lacks.
      target = governedAddress(ctx, raw.contract, `${at}.contract "${raw.contract}"`) as string;
      name = raw.contract;
      iface = ctx.interfaces[name];
    } else {
      target = raw.target as string; // the schema wants a target when no contract is named
      name = target;
    }
    const value = raw.value === undefined ? 0n : parseInteger(raw.value, `${at}.value`);
    if (raw.function === undefined) {
      if (value === 0n)
        throw new OpsError(`${at} has neither a "function" nor a "value": it would do nothing`);
      out.targets.push(target);
      out.values.push(value);
      out.calldatas.push("0x");
      out.summary.push(describeCall(ctx, target, value, "0x"));
      return;
    }
    let fragment = raw.function;
    if (iface !== undefined) {
      const known = iface.getFunction(fragment.format("sighash"));
      if (known === null) {
        const same = iface.fragments
          .filter(
            (f): f is FunctionFragment =>
              f.type === "function" && (f as FunctionFragment).name === fragment.name,
          )
          .map((f) => f.format("sighash"));
        throw new OpsError(
          `${at}.function ${fragment.format("sighash")} is not a function of ${name}` +
            (same.length > 0 ? ` (it has ${same.join(", ")})` : ""),
        );
      }
      fragment = known;
    }
    const args = raw.args ?? [];
    if (!Array.isArray(args) || args.length !== fragment.inputs.length) {
      throw new OpsError(
        `${at}.args: ${fragment.format("sighash")} takes ${fragment.inputs.length} argument(s), got ${
          Array.isArray(args) ? args.length : "no list"
        }`,
      );
    }
    const values = fragment.inputs.map((input, j) =>
      parseArgument(ctx, input, args[j], `${at}.args[${j}] (${input.name || input.type})`),
    );
    const data = new Interface([fragment]).encodeFunctionData(fragment, values);
    out.targets.push(target);
    out.values.push(value);
    out.calldatas.push(data);
    out.summary.push(describeCall(ctx, target, value, data));
  });
  return out;
}

/** Checks that the sender may propose a motion of `motionClass` now (proposer rule, votes, live limit). */
export async function checkProposer(
  c: CouncilContracts,
  proposer: string,
  motionClass: number,
  actions: number,
) {
  const [secretariat, rule, maxActions, maxLive, live] = await Promise.all([
    c.governor.secretariat(),
    c.governor.proposerRule(),
    c.governor.maxActions(),
    c.governor.maxLiveProposals(),
    c.governor.liveProposalCount(proposer),
  ]);
  if (BigInt(actions) > maxActions) {
    throw new OpsError(`the proposal has ${actions} actions; at most ${maxActions} are allowed: split it`);
  }
  const isSecretariat = secretariat.toLowerCase() === proposer.toLowerCase() && rule !== 2n;
  if (!isSecretariat) {
    const memberId = await c.registry.memberIdOfVoter(proposer);
    if (memberId === 0n) {
      throw new OpsError(
        `account ${proposer} is not a member's voter account nor the secretariat: propose --from one of them`,
      );
    }
    const [, voter, status] = await c.registry.memberAccounts(memberId);
    if (voter.toLowerCase() !== proposer.toLowerCase() || status !== 2n) {
      throw new OpsError(`account ${proposer} is not the current voter of an active member`);
    }
    const votes = await c.vault.getPastMemberVotes(memberId, (await latestTimestamp(c.provider)) - 1n);
    if (votes === 0n) {
      throw new OpsError(
        `insufficient stake: member ${memberId} has no votes; stake at least one stake unit first`,
      );
    }
    if (rule === 1n && motionClass !== 2 && motionClass !== 4) {
      throw new OpsError(
        `only the secretariat may propose ${MOTION_CLASS_NAMES[motionClass]} motions (members may propose Constitutional ones)`,
      );
    }
  }
  if (live >= maxLive) {
    throw new OpsError(`${proposer} already has ${live} live motions, the most allowed: wait until one ends`);
  }
}

/** The class the policy assigns to these actions (refusals come back as one line). */
export async function classify(c: CouncilContracts, p: Actions): Promise<MotionClassName> {
  const cls = await c.policy.classifyActions(c.addresses.governor, p.targets, p.values, p.calldatas);
  return MOTION_CLASS_NAMES[Number(cls)];
}

/** The proposal as a transaction for `proposer` (e.g. a Safe) to send, after the same checks as proposeMotion. */
export async function proposeCall(
  c: CouncilContracts,
  p: EncodedProposal,
  proposer: string,
): Promise<UnsignedCall> {
  const motionClass = await classify(c, p);
  await checkProposer(c, proposer, MOTION_CLASS_NAMES.indexOf(motionClass), p.targets.length);
  const data = c.governor.interface.encodeFunctionData("propose", [
    p.targets,
    p.values,
    p.calldatas,
    p.description,
  ]);
  return { to: c.addresses.governor, value: "0", data };
}

/** Proposes the motion; returns its id. */
export async function proposeMotion(
  c: CouncilContracts,
  p: EncodedProposal,
): Promise<Sent & { motionId: bigint; motionClass: MotionClassName; snapshot: bigint; deadline: bigint }> {
  const signer = signerOf(c);
  const motionClass = await classify(c, p);
  await checkProposer(
    c,
    await signer.getAddress(),
    MOTION_CLASS_NAMES.indexOf(motionClass),
    p.targets.length,
  );
  const existing = await c.governor
    .getProposalId(p.targets, p.values, p.calldatas, id(p.description))
    .catch(() => 0n);
  if (existing !== 0n) {
    throw new OpsError(`this exact proposal already exists as motion ${existing}: change its description`);
  }
  const tx = await c.governor.connect(signer).propose(p.targets, p.values, p.calldatas, p.description);
  const result = await sent(tx);
  const motionId = BigInt(eventArgs(result.receipt, c.governor, "ProposalCreated").getValue("proposalId"));
  const [snapshot, deadline] = await Promise.all([
    c.governor.proposalSnapshot(motionId),
    c.governor.proposalDeadline(motionId),
  ]);
  return { ...result, motionId, motionClass, snapshot, deadline };
}
