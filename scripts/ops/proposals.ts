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
 * Readable argument forms: amounts `"250000 KAIA"` (18 decimals) or plain integers; durations `"21 days"`,
 * `"12 hours"`; dates `"2027-01-01"` or `"2027-01-01T12:00:00Z"` (UTC); a system contract's name for an address;
 * short text for a `bytes32`.
 */
import { readFileSync } from "node:fs";

import {
  FunctionFragment,
  Interface,
  encodeBytes32String,
  getAddress,
  isAddress,
  isHexString,
  id,
} from "ethers";
import type { ParamType } from "ethers";

import { eventArgs, latestTimestamp } from "./chain.js";
import type { CouncilContracts, ContractKey } from "./deployment.js";
import { signerOf, systemInterfaces } from "./deployment.js";
import { OpsError } from "./errors.js";
import { CLASS_NAMES, sent } from "./motions.js";
import type { Actions, ClassName, Sent, UnsignedCall } from "./motions.js";

/** System contract names a proposal file may use, with the deployment key they stand for. */
export const CONTRACT_NAMES: Record<string, ContractKey> = {
  CouncilRegistry: "registry",
  StakeVault: "vault",
  CouncilGovernor: "governor",
  ImprovementReserve: "reserve",
  MotionPolicy: "policy",
  TimelockController: "timelock",
};

/** An encoded proposal, with a readable line per action. */
export interface EncodedProposal extends Actions {
  summary: string[];
}

const UNITS: Record<string, bigint> = {
  second: 1n,
  seconds: 1n,
  minute: 60n,
  minutes: 60n,
  hour: 3600n,
  hours: 3600n,
  day: 86400n,
  days: 86400n,
  week: 604800n,
  weeks: 604800n,
};

function decimal(text: string, decimals: number): bigint | undefined {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (m === null || (m[2] ?? "").length > decimals) return undefined;
  return BigInt(m[1]) * 10n ** BigInt(decimals) + BigInt((m[2] ?? "").padEnd(decimals, "0") || "0");
}

/** An integer argument: a number, "1,000", "250000 KAIA", "21 days", or a UTC date. */
function integer(value: unknown, where: string): bigint {
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value !== "string")
    throw new OpsError(`${where}: expected a number or a string, got ${JSON.stringify(value)}`);
  const text = value.trim().replace(/[,_]/g, "");
  if (/^-?\d+$/.test(text)) return BigInt(text);
  const amount = /^(\d+(?:\.\d+)?)\s*(KAIA|KLAY|ether)$/i.exec(text);
  if (amount !== null) {
    const wei = decimal(amount[1], 18);
    if (wei !== undefined) return wei;
  }
  const duration = /^(\d+)\s*([a-z]+)$/i.exec(text);
  if (duration !== null && UNITS[duration[2].toLowerCase()] !== undefined) {
    return BigInt(duration[1]) * UNITS[duration[2].toLowerCase()];
  }
  if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z?)?$/.test(text)) {
    const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text.endsWith("Z") ? text : `${text}Z`);
    if (!Number.isNaN(ms)) return BigInt(ms / 1000);
  }
  throw new OpsError(
    `${where}: "${value}" is not a number, an amount ("250000 KAIA"), a duration ("21 days") or a date ("2027-01-01")`,
  );
}

/** Converts one readable argument to what ethers encodes for `type`. */
function argument(c: CouncilContracts, type: ParamType, value: unknown, where: string): unknown {
  if (type.baseType === "array" || type.baseType === "tuple") {
    if (!Array.isArray(value)) throw new OpsError(`${where}: expected a list for ${type.format()}`);
    if (type.baseType === "array") {
      return value.map((v, i) => argument(c, type.arrayChildren!, v, `${where}[${i}]`));
    }
    return type.components!.map((component, i) =>
      argument(c, component, value[i], `${where}.${component.name || i}`),
    );
  }
  if (type.baseType.startsWith("uint") || type.baseType.startsWith("int")) return integer(value, where);
  if (type.baseType === "address") {
    if (typeof value === "string" && CONTRACT_NAMES[value] !== undefined)
      return c.addresses[CONTRACT_NAMES[value]];
    if (typeof value === "string" && isAddress(value)) return getAddress(value);
    throw new OpsError(`${where}: "${String(value)}" is not an address or a system contract name`);
  }
  if (type.baseType === "bool") {
    if (typeof value === "boolean") return value;
    throw new OpsError(`${where}: expected true or false`);
  }
  if (type.baseType === "bytes32") {
    if (typeof value === "string" && isHexString(value, 32)) return value;
    if (typeof value === "string" && value.length <= 31) return encodeBytes32String(value);
    throw new OpsError(
      `${where}: "${String(value)}" is neither 32 bytes of hex nor text of at most 31 characters`,
    );
  }
  if (type.baseType.startsWith("bytes")) {
    if (typeof value === "string" && isHexString(value)) return value;
    throw new OpsError(`${where}: expected hex bytes (0x…)`);
  }
  if (type.baseType === "string") {
    if (typeof value === "string") return value;
    throw new OpsError(`${where}: expected text`);
  }
  throw new OpsError(`${where}: type ${type.format()} is not supported in proposal files`);
}

interface RawAction {
  contract?: unknown;
  target?: unknown;
  function?: unknown;
  args?: unknown;
  value?: unknown;
}

/** Reads and checks a proposal file; every problem is one line naming the file and the action. */
export function readProposalFile(c: CouncilContracts, file: string): EncodedProposal {
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
  return encodeProposal(c, json, `proposal file ${file}`);
}

/** Encodes a parsed proposal document (see the module comment for its shape). */
export function encodeProposal(c: CouncilContracts, json: unknown, where: string): EncodedProposal {
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
  const interfaces = systemInterfaces();
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
      const key = typeof raw.contract === "string" ? CONTRACT_NAMES[raw.contract] : undefined;
      if (key === undefined) {
        throw new OpsError(
          `${at}.contract "${String(raw.contract)}" is not one of: ${Object.keys(CONTRACT_NAMES).join(", ")}`,
        );
      }
      target = c.addresses[key];
      name = raw.contract as string;
      iface = interfaces[name];
    } else if (typeof raw.target === "string" && isAddress(raw.target)) {
      target = getAddress(raw.target);
      name = target;
    } else {
      throw new OpsError(`${at} needs "contract" (a system contract's name) or "target" (an address)`);
    }
    const value = raw.value === undefined ? 0n : integer(raw.value, `${at}.value`);
    if (raw.function === undefined) {
      if (raw.args !== undefined) throw new OpsError(`${at} has "args" but no "function"`);
      if (value === 0n)
        throw new OpsError(`${at} has neither a "function" nor a "value": it would do nothing`);
      out.targets.push(target);
      out.values.push(value);
      out.calldatas.push("0x");
      out.summary.push(`pay ${value} wei to ${name}`);
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
      argument(c, input, args[j], `${at}.args[${j}] (${input.name || input.type})`),
    );
    out.targets.push(target);
    out.values.push(value);
    out.calldatas.push(new Interface([fragment]).encodeFunctionData(fragment, values));
    out.summary.push(
      `${name}.${fragment.name}(${values.map((v) => String(v)).join(", ")})${value > 0n ? ` with ${value} wei` : ""}`,
    );
  });
  return out;
}

/** A readable form of one action, decoded against the system's ABIs when the target is a system contract. */
export function describeAction(c: CouncilContracts, target: string, data: string): string {
  const interfaces = systemInterfaces();
  const entry = Object.entries(CONTRACT_NAMES).find(([, key]) => c.addresses[key] === getAddress(target));
  if (entry === undefined)
    return data === "0x"
      ? `call ${target}`
      : `${target} ← ${data.slice(0, 10)}… (${(data.length - 2) / 2} bytes)`;
  const [name] = entry;
  if (data === "0x") return `${name} (no calldata)`;
  const parsed = interfaces[name].parseTransaction({ data });
  if (parsed === null) return `${name} ← ${data.slice(0, 10)}…`;
  return `${name}.${parsed.name}(${parsed.args.map((a: unknown) => String(a)).join(", ")})`;
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
        `only the secretariat may propose ${CLASS_NAMES[motionClass]} motions (members may propose Constitutional ones)`,
      );
    }
  }
  if (live >= maxLive) {
    throw new OpsError(`${proposer} already has ${live} live motions, the most allowed: wait until one ends`);
  }
}

/** The class the policy assigns to these actions (refusals come back as one line). */
export async function classify(c: CouncilContracts, p: Actions): Promise<ClassName> {
  const cls = await c.policy.classifyActions(c.addresses.governor, p.targets, p.values, p.calldatas);
  return CLASS_NAMES[Number(cls)];
}

/** The proposal as a transaction for `proposer` (e.g. a Safe) to send, after the same checks as proposeMotion. */
export async function proposeCall(
  c: CouncilContracts,
  p: EncodedProposal,
  proposer: string,
): Promise<UnsignedCall> {
  const motionClass = await classify(c, p);
  await checkProposer(c, proposer, CLASS_NAMES.indexOf(motionClass), p.targets.length);
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
): Promise<Sent & { motionId: bigint; motionClass: ClassName; snapshot: bigint; deadline: bigint }> {
  const signer = signerOf(c);
  const motionClass = await classify(c, p);
  await checkProposer(c, await signer.getAddress(), CLASS_NAMES.indexOf(motionClass), p.targets.length);
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
