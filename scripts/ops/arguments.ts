/**
 * Call arguments in readable form, both ways, with one set of rules: `parseArgument` reads what a proposal file
 * writes, and `formatArgument` prints an encoded argument the same way, so that `motion show` (and a proposal's
 * summary) prints each action as its proposal file would write it.
 *
 * | Solidity type | a proposal file may write | printed as |
 * |---|---|---|
 * | an integer named like a duration (`…Window`, `…Period`, `…Delay`, `…Duration`, `…Extension`, `term`) | `"21 days"`, `"12 hours"`, or seconds | `21 days` (whole weeks as days) |
 * | an integer named `start`, `end` or `cliff` (a timestamp) | `"2027-01-01"`, `"2027-01-01T12:00:00Z"` (UTC), or seconds | `2027-01-01` or `2027-01-01T12:00:00Z` |
 * | an integer named like an amount (`amount`, `total`, `limit`, `…Unit`) in the native coin | `"250000 KAIA"`, or wei | `250000 KAIA` |
 * | any other integer (and amounts of an ERC-20) | a number (`"1,000"` too) | the number |
 * | `address` | a system contract's name, or an address | the contract's name, or the checksummed address |
 * | `bytes32` | text of at most 31 characters, or 32 bytes of hex | the text when it is printable, else the hex |
 * | `bytes4` (a selector) | a function signature `"setX(uint256)"`, or 4 bytes of hex | a system function's signature, else the hex |
 * | `uint8 motionClass` | a class name (`"Treasury"`) or its number | the class name |
 * | `bool`, `string`, other `bytes`, lists, tuples | JSON | JSON (lists and tuples in `[…]`) |
 *
 * Every integer accepts every integer form when parsed; the parameter's name only chooses how it is printed. An
 * amount is in the native coin when the call's `asset` or `token` argument is the zero address, or when the call is
 * the stake vault's and the vault stakes the native coin.
 */
import {
  FunctionFragment,
  ZeroAddress,
  decodeBytes32String,
  encodeBytes32String,
  getAddress,
  isAddress,
  isHexString,
} from "ethers";
import type { Interface, ParamType, Result } from "ethers";

import { MOTION_CLASS_NAMES } from "./enums.js";
import { OpsError } from "./errors.js";
import { DAY, NATIVE_DECIMALS, NATIVE_SYMBOL, READABLE_INTEGER_FORMS, readableInteger } from "./readable.js";
import type { CommunityContractKey, ContractKey } from "./system.js";
import { GOVERNED_CONTRACTS, communityFutureId, isCommunityKey } from "./system.js";

/** What parsing and printing need to know about the deployment. */
export interface ArgumentContext {
  /** The deployed contracts' addresses (checksummed); a community contract only when the address file has it. */
  addresses: Readonly<Record<ContractKey, string> & Partial<Record<CommunityContractKey, string>>>;
  /** Whether the stake vault stakes the native coin (its amounts then print in KAIA). */
  nativeStake: boolean;
  /** The system's contract interfaces by name, to print selectors as function signatures. */
  interfaces: Readonly<Record<string, Interface>>;
}

/** How an integer parameter prints, from its name. */
type IntegerForm = "duration" | "date" | "amount" | "plain";

function integerForm(name: string): IntegerForm {
  if (/^(start|end|cliff)$/i.test(name)) return "date";
  if (/(window|period|delay|duration|extension|^term)_?$/i.test(name)) return "duration";
  if (/(amount|total|limit|unit)_?$/i.test(name)) return "amount";
  return "plain";
}

/** An integer: a number, "1,000", "250000 KAIA", "21 days", or a UTC date ("2027-01-01", "2027-01-01T12:00:00Z"). */
export function parseInteger(value: unknown, where: string): bigint {
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value !== "string")
    throw new OpsError(`${where}: expected a number or a string, got ${JSON.stringify(value)}`);
  const n = readableInteger(value);
  if (n === undefined) throw new OpsError(`${where}: "${value}" is not ${READABLE_INTEGER_FORMS}`);
  return n;
}

/** `21 days`, `1 day`, `12 hours`, `90 minutes`, `45 seconds`: the largest unit that divides the seconds. */
export function formatSeconds(seconds: bigint): string {
  for (const [size, unit] of [
    [DAY, "day"],
    [3600n, "hour"],
    [60n, "minute"],
  ] as const) {
    if (seconds > 0n && seconds % size === 0n) {
      const n = seconds / size;
      return `${n} ${unit}${n === 1n ? "" : "s"}`;
    }
  }
  return `${seconds} second${seconds === 1n ? "" : "s"}`;
}

/** `2027-01-01` at midnight UTC, else `2027-01-01T12:00:00Z`. */
export function formatDate(timestamp: bigint): string {
  const iso = new Date(Number(timestamp) * 1000).toISOString();
  return timestamp % DAY === 0n ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`;
}

/** `250000 KAIA`, `0.5 KAIA`: wei in the native coin, with no grouping and no trailing zeros. */
export function formatNative(wei: bigint): string {
  const whole = wei / 10n ** BigInt(NATIVE_DECIMALS);
  const fraction = (wei % 10n ** BigInt(NATIVE_DECIMALS))
    .toString()
    .padStart(NATIVE_DECIMALS, "0")
    .replace(/0+$/, "");
  return `${whole}${fraction === "" ? "" : `.${fraction}`} ${NATIVE_SYMBOL}`;
}

/**
 * The address a governed contract's name (GOVERNED_CONTRACTS) stands for in this deployment, or undefined when
 * `name` names none. A community contract that the deployment's address file lacks is a one-line error.
 */
export function governedAddress(ctx: ArgumentContext, name: string, where: string): string | undefined {
  if (!Object.hasOwn(GOVERNED_CONTRACTS, name)) return undefined;
  const key = GOVERNED_CONTRACTS[name];
  const address = ctx.addresses[key];
  if (address === undefined && isCommunityKey(key)) {
    throw new OpsError(
      `${where}: this deployment has no ${name} (its address file lacks ${communityFutureId(key)})`,
    );
  }
  return address;
}

/** The name of the system contract at `address`, if it is one. */
function contractNameAt(ctx: ArgumentContext, address: string): string | undefined {
  return Object.entries(GOVERNED_CONTRACTS).find(([, key]) => ctx.addresses[key] === address)?.[0];
}

/** A selector's function signature, when it is a system contract's function. */
function signatureOf(ctx: ArgumentContext, selector: string): string | undefined {
  for (const iface of Object.values(ctx.interfaces)) {
    const fragment = iface.getFunction(selector);
    if (fragment !== null) return fragment.format("sighash");
  }
  return undefined;
}

/** Converts one readable argument to what ethers encodes for `type`. */
export function parseArgument(ctx: ArgumentContext, type: ParamType, value: unknown, where: string): unknown {
  if (type.baseType === "array" || type.baseType === "tuple") {
    if (!Array.isArray(value)) throw new OpsError(`${where}: expected a list for ${type.format()}`);
    if (type.baseType === "array") {
      return value.map((v, i) => parseArgument(ctx, type.arrayChildren!, v, `${where}[${i}]`));
    }
    return type.components!.map((component, i) =>
      parseArgument(ctx, component, value[i], `${where}.${component.name || i}`),
    );
  }
  if (type.name === "motionClass" && typeof value === "string") {
    const index = MOTION_CLASS_NAMES.findIndex((n) => n.toLowerCase() === value.trim().toLowerCase());
    if (index >= 0) return BigInt(index);
  }
  if (type.baseType.startsWith("uint") || type.baseType.startsWith("int")) return parseInteger(value, where);
  if (type.baseType === "address") {
    const named = typeof value === "string" ? governedAddress(ctx, value, where) : undefined;
    if (named !== undefined) return named;
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
  if (type.baseType === "bytes4" && typeof value === "string" && !isHexString(value)) {
    try {
      return FunctionFragment.from(value).selector;
    } catch {
      throw new OpsError(
        `${where}: "${value}" is neither 4 bytes of hex nor a function signature like "f(uint256)"`,
      );
    }
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

/** A readable argument: what a proposal file would hold for it. */
export type ReadableArgument = string | boolean | ReadableArgument[];

/**
 * One encoded argument as a proposal file would write it. `nativeAmounts` says whether the call's amounts are in
 * the native coin (see the module comment).
 */
export function formatArgument(
  ctx: ArgumentContext,
  type: ParamType,
  value: unknown,
  nativeAmounts: boolean,
): ReadableArgument {
  if (type.baseType === "array") {
    return (value as unknown[]).map((v) => formatArgument(ctx, type.arrayChildren!, v, nativeAmounts));
  }
  if (type.baseType === "tuple") {
    const fields = value as unknown[];
    return type.components!.map((component, i) => formatArgument(ctx, component, fields[i], nativeAmounts));
  }
  if (type.baseType.startsWith("uint") || type.baseType.startsWith("int")) {
    const n = BigInt(value as bigint);
    if (type.name === "motionClass" && n < BigInt(MOTION_CLASS_NAMES.length))
      return MOTION_CLASS_NAMES[Number(n)];
    switch (integerForm(type.name)) {
      case "duration":
        return formatSeconds(n);
      case "date":
        return formatDate(n);
      case "amount":
        return nativeAmounts ? formatNative(n) : n.toString();
      default:
        return n.toString();
    }
  }
  if (type.baseType === "address") {
    const address = getAddress(value as string);
    return contractNameAt(ctx, address) ?? address;
  }
  if (type.baseType === "bytes32") {
    try {
      const text = decodeBytes32String(value as string);
      if (/^[\x20-\x7e]{1,31}$/.test(text) && !isHexString(text)) return text;
    } catch {
      // Not a short string: printed as hex below.
    }
    return value as string;
  }
  if (type.baseType === "bytes4") return signatureOf(ctx, value as string) ?? (value as string);
  if (type.baseType === "bool") return value as boolean;
  return String(value);
}

/** Whether a call's amounts are in the native coin: its `asset`/`token` argument is zero, or it is the vault's. */
function nativeAmountsOf(
  ctx: ArgumentContext,
  target: string,
  inputs: readonly ParamType[],
  args: Result,
): boolean {
  const asset = inputs.findIndex(
    (input) => /^(asset|token)_?$/.test(input.name) && input.baseType === "address",
  );
  if (asset >= 0) return args[asset] === ZeroAddress;
  return target === ctx.addresses.vault && ctx.nativeStake;
}

/** The readable arguments of a call, in order, as a proposal file's `args` would hold them. */
export function readableArgs(
  ctx: ArgumentContext,
  target: string,
  inputs: readonly ParamType[],
  args: Result,
): ReadableArgument[] {
  const native = nativeAmountsOf(ctx, target, inputs, args);
  return inputs.map((input, i) => formatArgument(ctx, input, args[i], native));
}

/** One action as a proposal file writes it (see proposals.ts), for an action the system's ABIs can decode. */
export interface ReadableAction {
  /** A system contract's name, or … */
  contract?: string;
  /** … the target's address. */
  target?: string;
  /** The function's signature, e.g. "setSponsorshipWindow(uint256)". */
  function?: string;
  args?: ReadableArgument[];
  /** Native coin sent with the call, e.g. "10 KAIA". */
  value?: string;
}

/**
 * An encoded action (target, value, calldata) back in a proposal file's form: proposing the result encodes the same
 * action. Undefined for a call to another contract, or calldata that no function of the target's ABI decodes.
 */
export function readableAction(
  ctx: ArgumentContext,
  target: string,
  value: bigint,
  data: string,
): ReadableAction | undefined {
  const address = getAddress(target);
  const name = contractNameAt(ctx, address);
  const where = name === undefined ? { target: address } : { contract: name };
  const sent = value > 0n ? { value: formatNative(value) } : {};
  if (data === "0x") return value > 0n ? { ...where, ...sent } : undefined;
  const parsed = name === undefined ? null : ctx.interfaces[name].parseTransaction({ data });
  if (parsed === null) return undefined;
  const inputs = parsed.fragment.inputs;
  return {
    ...where,
    function: parsed.fragment.format("sighash"),
    args: readableArgs(ctx, address, inputs, parsed.args),
    ...sent,
  };
}

/** Joins readable arguments for one line: text arguments quoted, the others as they are. */
export function argumentList(inputs: readonly ParamType[], readable: readonly ReadableArgument[]): string {
  const show = (type: ParamType, value: ReadableArgument): string => {
    if (Array.isArray(value)) {
      const child = (i: number) => (type.baseType === "array" ? type.arrayChildren! : type.components![i]);
      return `[${value.map((v, i) => show(child(i), v)).join(", ")}]`;
    }
    return type.baseType === "string" ? JSON.stringify(value) : String(value);
  };
  return inputs.map((input, i) => show(input, readable[i])).join(", ");
}

/**
 * One action in one line: `CouncilRegistry.setSponsorshipWindow(21 days)`, `pay 10 KAIA to 0x…`, or the selector
 * and length of calldata that the system's ABIs do not decode.
 */
export function describeCall(ctx: ArgumentContext, target: string, value: bigint, data: string): string {
  const action = readableAction(ctx, target, value, data);
  const to = action?.contract ?? action?.target ?? getAddress(target);
  const withValue = value > 0n ? ` with ${formatNative(value)}` : "";
  if (action === undefined) {
    return data === "0x"
      ? `call ${to}`
      : `${to} ← ${data.slice(0, 10)}… (${(data.length - 2) / 2} bytes)${withValue}`;
  }
  if (action.function === undefined) return `pay ${action.value} to ${to}`;
  const inputs = FunctionFragment.from(action.function).inputs;
  return `${to}.${action.function.slice(0, action.function.indexOf("("))}(${argumentList(inputs, action.args ?? [])})${withValue}`;
}
