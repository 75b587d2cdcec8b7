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
 */
import { readFileSync } from "node:fs";

import { FunctionFragment, Interface, getAddress, isAddress, id } from "ethers";

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

interface RawAction {
  contract?: unknown;
  target?: unknown;
  function?: unknown;
  args?: unknown;
  value?: unknown;
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

/** Encodes a parsed proposal document (see the module comment for its shape). */
export function encodeProposal(ctx: ArgumentContext, json: unknown, where: string): EncodedProposal {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new OpsError(`${where}: expected an object with "description" and "actions"`);
  }
  const doc = json as { description?: unknown; actions?: unknown };
  if (typeof doc.description !== "string" || doc.description.trim() === "") {
    throw new OpsError(`${where}: "description" must be non-empty text (the motion's title and reasons)`);
  }
  if (!Array.isArray(doc.actions) || doc.actions.length === 0) {
    throw new OpsError(`${where}: "actions" must be a non-empty list`);
  }
  const out: EncodedProposal = {
    targets: [],
    values: [],
    calldatas: [],
    description: doc.description,
    summary: [],
  };
  doc.actions.forEach((raw: RawAction, i) => {
    const at = `${where}: actions[${i}]`;
    if (raw === null || typeof raw !== "object") throw new OpsError(`${at} must be an object`);
    let target: string;
    let iface: Interface | undefined;
    let name: string;
    if (raw.contract !== undefined) {
      const named =
        typeof raw.contract === "string"
          ? governedAddress(ctx, raw.contract, `${at}.contract "${raw.contract}"`)
          : undefined;
      if (named === undefined) {
        throw new OpsError(
          `${at}.contract "${String(raw.contract)}" is not one of: ${Object.keys(GOVERNED_CONTRACTS).join(", ")}`,
        );
      }
      target = named;
      name = raw.contract as string;
      iface = ctx.interfaces[name];
    } else if (typeof raw.target === "string" && isAddress(raw.target)) {
      target = getAddress(raw.target);
      name = target;
    } else {
      throw new OpsError(`${at} needs "contract" (a system contract's name) or "target" (an address)`);
    }
    const value = raw.value === undefined ? 0n : parseInteger(raw.value, `${at}.value`);
    if (raw.function === undefined) {
      if (raw.args !== undefined) throw new OpsError(`${at} has "args" but no "function"`);
      if (value === 0n)
        throw new OpsError(`${at} has neither a "function" nor a "value": it would do nothing`);
      out.targets.push(target);
      out.values.push(value);
      out.calldatas.push("0x");
      out.summary.push(describeCall(ctx, target, value, "0x"));
      return;
    }
    if (typeof raw.function !== "string")
      throw new OpsError(`${at}.function must be a signature like "f(uint256)"`);
    let fragment: FunctionFragment;
    try {
      fragment = FunctionFragment.from(raw.function);
    } catch {
      throw new OpsError(
        `${at}.function "${raw.function}" is not a function signature like "setX(uint256,address)"`,
      );
    }
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
