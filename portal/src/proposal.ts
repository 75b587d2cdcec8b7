/**
 * Proposal documents in the CLI's format (scripts/ops/proposals.ts, docs/examples/*.json): a description and actions
 * that name a system contract (or a target address), a function signature and readable arguments — amounts
 * "250000 KAIA", durations "21 days", UTC dates "2027-01-01", system contract names for addresses, short text for
 * bytes32, class names for a `motionClass`, JSON lists for lists and tuples. Encoding here follows the CLI's rules so
 * that a file opens the same in both; the contract names are the CLI's (scripts/ops/system.ts GOVERNED_CONTRACTS, see
 * useSystem), the community contracts included when the deployment has them.
 */
import { encodeFunctionData, getAddress, isAddress, isHex, parseAbiItem, stringToHex } from "viem";
import type { AbiFunction, AbiParameter, Address, Hex } from "viem";

import { MOTION_CLASS_NAMES } from "../../scripts/ops/enums.js";
import { READABLE_INTEGER_FORMS, readableInteger as parseReadable } from "../../scripts/ops/readable.js";
import { communityFutureId, isCommunityKey } from "../../scripts/ops/system.js";
import { signatureOf, typeString, writableFunctions } from "./abi";
import type { System, SystemContract } from "./abi";

/** One action as the builder holds it: readable strings, as in the file. */
export interface DraftAction {
  /** A system contract's name, or "" for a target address. */
  contract: string;
  target: string;
  /** The function's signature, e.g. "pay(address,address,uint256,string)"; "" for a plain payment. */
  fn: string;
  /** For a target address: an ABI fragment, e.g. "function setX(uint256 x)". */
  fragment: string;
  args: string[];
  value: string;
}

export interface Draft {
  description: string;
  actions: DraftAction[];
}

/** An integer in the CLI's readable forms (scripts/ops/readable.ts): "1,000", "250000 KAIA", "21 days", "2027-01-01". */
export function readableInteger(text: string): bigint {
  const n = parseReadable(text);
  if (n === undefined) throw new Error(`"${text}" is not ${READABLE_INTEGER_FORMS}`);
  return n;
}

/**
 * Why a governed contract has no address in this deployment, in one line like the CLI's: "this deployment has no
 * AdvisorBoard (…)". The petitions and veto contracts are the motion policy's; the others come from config.json.
 */
export function absentContract(c: SystemContract): string {
  const why =
    c.key === "petitions" || c.key === "veto"
      ? "the motion policy names none: MotionPolicy.community()"
      : `config.json's addresses lack ${isCommunityKey(c.key) ? communityFutureId(c.key) : c.key}`;
  return `this deployment has no ${c.name} (${why})`;
}

/** The system contract a name stands for, or undefined when `name` names none; an absent one is a one-line error. */
export function namedContract(system: System, name: unknown, where: string): SystemContract | undefined {
  const c = system.find((s) => s.name === name);
  if (c !== undefined && c.address === undefined) throw new Error(`${where}: ${absentContract(c)}`);
  return c;
}

/** A list or tuple argument as the builder holds it: a JSON list ("[1, 2]"), or comma-separated values. */
function listOf(raw: unknown, where: string): unknown[] {
  let list: unknown = raw;
  if (typeof raw === "string") {
    const t = raw.trim();
    try {
      list = t === "" ? [] : t.startsWith("[") ? JSON.parse(t) : t.split(",").map((x) => x.trim());
    } catch {
      throw new Error(`${where}: "${t}" is not a JSON list like [1, "2 days"]`);
    }
  }
  if (!Array.isArray(list)) throw new Error(`${where}: expected a list`);
  return list;
}

function argument(system: System, p: AbiParameter, raw: unknown, where: string): unknown {
  const type = p.type;
  if (type.endsWith("]")) {
    const child = { ...p, type: type.slice(0, type.lastIndexOf("[")) } as AbiParameter;
    return listOf(raw, where).map((v, i) => argument(system, child, v, `${where}[${i}]`));
  }
  if (type === "tuple") {
    const components = (p as { components?: readonly AbiParameter[] }).components ?? [];
    const fields = listOf(raw, where);
    if (fields.length !== components.length)
      throw new Error(`${where}: expected a list of ${components.length} fields, got ${fields.length}`);
    return components.map((c, i) => argument(system, c, fields[i], `${where}.${c.name || i}`));
  }
  const text = typeof raw === "number" ? String(raw) : raw;
  if (p.name === "motionClass" && typeof text === "string") {
    const index = MOTION_CLASS_NAMES.findIndex((n) => n.toLowerCase() === text.trim().toLowerCase());
    if (index >= 0) return index;
  }
  if (type.startsWith("uint") || type.startsWith("int")) {
    if (typeof text !== "string") throw new Error(`${where}: expected a number`);
    return readableInteger(text);
  }
  if (type === "address") {
    const named = namedContract(system, text, where);
    if (named?.address !== undefined) return named.address;
    if (typeof text === "string" && isAddress(text.trim())) return getAddress(text.trim());
    throw new Error(`${where}: "${String(text)}" is not an address or a system contract name`);
  }
  if (type === "bool") {
    if (raw === true || raw === "true") return true;
    if (raw === false || raw === "false") return false;
    throw new Error(`${where}: expected true or false`);
  }
  if (type === "bytes32") {
    if (typeof text === "string" && isHex(text) && text.length === 66) return text;
    if (typeof text === "string" && new TextEncoder().encode(text).length <= 31)
      return stringToHex(text, { size: 32 });
    throw new Error(`${where}: neither 32 bytes of hex nor text of at most 31 characters`);
  }
  if (type.startsWith("bytes")) {
    if (typeof text === "string" && isHex(text)) return text;
    throw new Error(`${where}: expected hex bytes (0x…)`);
  }
  if (type === "string") {
    if (typeof text === "string") return text;
    throw new Error(`${where}: expected text`);
  }
  throw new Error(`${where}: type ${type} is not supported`);
}

/** The function a draft action calls, from the system contract's ABI or the given fragment. */
export function draftFunction(system: System, d: DraftAction): AbiFunction | undefined {
  if (d.contract !== "") {
    const c = system.find((s) => s.name === d.contract);
    return c === undefined ? undefined : writableFunctions(c.abi).find((f) => signatureOf(f) === d.fn);
  }
  if (d.fragment.trim() === "") return undefined;
  const text = d.fragment.trim().startsWith("function") ? d.fragment.trim() : `function ${d.fragment.trim()}`;
  const item = parseAbiItem(text) as AbiFunction;
  return item.type === "function" ? item : undefined;
}

export interface Encoded {
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  description: string;
}

/** Encodes a draft; a problem is one line naming the action and argument. */
export function encodeDraft(system: System, draft: Draft): Encoded {
  if (draft.description.trim() === "")
    throw new Error("The description is empty: give the motion a title and reasons.");
  if (draft.actions.length === 0) throw new Error("Add at least one action.");
  const out: Encoded = { targets: [], values: [], calldatas: [], description: draft.description };
  draft.actions.forEach((a, i) => {
    const at = `Action ${i + 1}`;
    let target: Address;
    if (a.contract !== "") {
      const c = namedContract(system, a.contract, at);
      if (c?.address === undefined) throw new Error(`${at}: "${a.contract}" is not a system contract`);
      target = c.address;
    } else if (isAddress(a.target.trim())) target = getAddress(a.target.trim());
    else throw new Error(`${at}: the target "${a.target}" is not an address`);
    const value = a.value.trim() === "" ? 0n : readableInteger(a.value);
    let data: Hex = "0x";
    if (a.fn !== "" || a.fragment.trim() !== "") {
      let fn: AbiFunction | undefined;
      try {
        fn = draftFunction(system, a);
      } catch {
        throw new Error(`${at}: "${a.fragment}" is not an ABI fragment like "function setX(uint256 x)"`);
      }
      if (fn === undefined) throw new Error(`${at}: ${a.fn} is not a function of ${a.contract}`);
      const args = fn.inputs.map((input, j) =>
        argument(system, input, a.args[j] ?? "", `${at}, ${input.name || typeString(input)}`),
      );
      data = encodeFunctionData({ abi: [fn], functionName: fn.name, args });
    } else if (value === 0n) throw new Error(`${at}: neither a function nor a value — it would do nothing`);
    out.targets.push(target);
    out.values.push(value);
    out.calldatas.push(data);
  });
  return out;
}

/** Reads a proposal file (the CLI's JSON) into a draft, keeping the readable forms. */
export function importProposal(system: System, text: string): Draft {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`The file is not JSON: ${String((e as Error).message).split("\n")[0]}`);
  }
  const doc = json as { description?: unknown; actions?: unknown };
  if (typeof doc?.description !== "string" || !Array.isArray(doc.actions)) {
    throw new Error('The file is not a proposal: expected "description" and "actions".');
  }
  return {
    description: doc.description,
    actions: doc.actions.map((raw: Record<string, unknown>, i) => {
      const contract = typeof raw.contract === "string" ? raw.contract : "";
      if (
        contract !== "" &&
        namedContract(system, contract, `actions[${i}].contract "${contract}"`) === undefined
      ) {
        throw new Error(`actions[${i}]: "${contract}" is not a system contract`);
      }
      const fnText = typeof raw.function === "string" ? raw.function.replace(/\s+/g, "") : "";
      const args = Array.isArray(raw.args)
        ? raw.args.map((a) => (typeof a === "string" ? a : JSON.stringify(a)))
        : [];
      return {
        contract,
        target: typeof raw.target === "string" ? raw.target : "",
        fn: contract !== "" ? fnText : "",
        fragment: contract === "" && fnText !== "" ? `function ${fnText}` : "",
        args,
        value: raw.value === undefined ? "" : String(raw.value),
      };
    }),
  };
}

/**
 * An argument as the builder holds it (text), back in the file's form: true or false for a bool, a list for a list or
 * a tuple (as the CLI reads them), the text otherwise.
 */
function fileArgument(p: AbiParameter | undefined, text: string): unknown {
  if (p === undefined) return text;
  if (p.type === "bool" && (text === "true" || text === "false")) return text === "true";
  if (p.type === "tuple" || p.type.endsWith("]")) {
    try {
      return listOf(text, "");
    } catch {
      return text;
    }
  }
  return text;
}

/** A draft as the CLI's proposal file. */
export function exportProposal(system: System, draft: Draft): unknown {
  return {
    description: draft.description,
    actions: draft.actions.map((a) => {
      const out: Record<string, unknown> =
        a.contract !== "" ? { contract: a.contract } : { target: a.target };
      let fn: AbiFunction | undefined;
      try {
        fn = draftFunction(system, a);
      } catch {
        fn = undefined;
      }
      const signature = a.contract !== "" ? a.fn : fn === undefined ? "" : signatureOf(fn);
      if (signature !== "") {
        out.function = signature;
        out.args = a.args.map((arg, j) => fileArgument(fn?.inputs[j], arg));
      }
      if (a.value.trim() !== "") out.value = a.value;
      return out;
    }),
  };
}
