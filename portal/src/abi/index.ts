/**
 * The system's ABIs (generated from the compiled artifacts) and what the portal does with them: decode a motion's
 * actions into contract, function and arguments, and decode any revert into its custom error.
 */
import { decodeErrorResult, decodeFunctionData, formatEther, hexToString } from "viem";
import type { Abi, AbiFunction, AbiParameter, Address, Hex } from "viem";

import { revertData } from "../../../scripts/ops/revert.js";
import { DEPLOYED_CONTRACTS } from "../../../scripts/ops/system.js";
import type { Addresses, ContractKey } from "../config";
import {
  AdvisorBoardAbi,
  CommunityPetitionsAbi,
  CommunityVetoAbi,
  CouncilGovernorAbi,
  CouncilGovernorLensAbi,
  CouncilRegistryAbi,
  ImprovementReserveAbi,
  KaiaStakeVaultAbi,
  MotionPolicyAbi,
  StakeVaultAbi,
  TimelockControllerAbi,
  VoteExtensionAbi,
} from "../../generated/abis";

export * from "../../generated/abis";

/** Each system contract's display name (as the CLI's proposal files spell it), deployment key and ABI. */
export const SYSTEM: readonly { name: string; key: ContractKey; abi: Abi }[] = (
  [
    ["registry", CouncilRegistryAbi],
    ["vault", StakeVaultAbi],
    ["governor", CouncilGovernorAbi],
    ["reserve", ImprovementReserveAbi],
    ["policy", MotionPolicyAbi],
    ["timelock", TimelockControllerAbi],
  ] as const
).map(([key, abi]) => ({ name: DEPLOYED_CONTRACTS[key], key, abi }));

/** The state-changing functions of an ABI (what a motion may call). */
export function writableFunctions(abi: Abi): AbiFunction[] {
  return abi.filter(
    (f): f is AbiFunction =>
      f.type === "function" && f.stateMutability !== "view" && f.stateMutability !== "pure",
  );
}

/** `name(type,type)` for a function. */
export function signatureOf(f: AbiFunction): string {
  return `${f.name}(${f.inputs.map(typeString).join(",")})`;
}

export function typeString(p: AbiParameter): string {
  if (p.type.startsWith("tuple")) {
    const components = (p as { components?: readonly AbiParameter[] }).components ?? [];
    return `(${components.map(typeString).join(",")})${p.type.slice(5)}`;
  }
  return p.type;
}

/** One argument of a decoded action. */
export interface DecodedArg {
  name: string;
  type: string;
  value: unknown;
}

/** A motion action, decoded when its target is a system contract. */
export interface DecodedAction {
  target: Address;
  value: bigint;
  data: Hex;
  /** The system contract's name, when the target is one. */
  contract?: string;
  fn?: AbiFunction;
  args?: DecodedArg[];
}

export function systemName(addresses: Addresses, address: string): string | undefined {
  return SYSTEM.find((s) => addresses[s.key].toLowerCase() === address.toLowerCase())?.name;
}

/** Decodes a call with the project's ABIs. */
export function decodeAction(addresses: Addresses, target: Address, value: bigint, data: Hex): DecodedAction {
  const system = SYSTEM.find((s) => addresses[s.key].toLowerCase() === target.toLowerCase());
  const action: DecodedAction = { target, value, data, contract: system?.name };
  if (system === undefined || data === "0x") return action;
  try {
    const decoded = decodeFunctionData({ abi: system.abi, data });
    const fn = system.abi.find(
      (f): f is AbiFunction =>
        f.type === "function" &&
        f.name === decoded.functionName &&
        f.inputs.length === (decoded.args?.length ?? 0),
    );
    if (fn !== undefined) {
      action.fn = fn;
      action.args = fn.inputs.map((input, i) => ({
        name: input.name ?? `arg${i}`,
        type: typeString(input),
        value: (decoded.args ?? [])[i],
      }));
    }
  } catch {
    // Unknown selector: shown as raw calldata.
  }
  return action;
}

/** Text of a bytes32 that holds short text (budget categories), else the hex. */
export function bytes32Text(value: Hex): string {
  try {
    const text = hexToString(value, { size: 32 }).replace(/\0+$/, "");
    return /^[\x20-\x7e]+$/.test(text) ? text : value;
  } catch {
    return value;
  }
}

const ALL_ABIS: readonly [string, Abi][] = [
  ...SYSTEM.map((s) => [s.name, s.abi] as [string, Abi]),
  ["CouncilGovernorLens", CouncilGovernorLensAbi],
  // A Kaia-mode vault's own errors (its StakeVault errors decode above).
  ["KaiaStakeVault", KaiaStakeVaultAbi],
  ["CommunityPetitions", CommunityPetitionsAbi],
  ["CommunityVeto", CommunityVetoAbi],
  ["AdvisorBoard", AdvisorBoardAbi],
  ["VoteExtension", VoteExtensionAbi],
];

function argText(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return `[${value.map(argText).join(", ")}]`;
  return String(value);
}

/** The custom error in revert data, as `ContractError(args)`, or undefined. */
export function decodeRevert(data: Hex): string | undefined {
  for (const [, abi] of ALL_ABIS) {
    try {
      const decoded = decodeErrorResult({ abi, data });
      if (decoded.errorName === "Error" || decoded.errorName === "Panic") {
        return `${decoded.errorName}(${(decoded.args ?? []).map(argText).join(", ")})`;
      }
      return `${decoded.errorName}(${(decoded.args ?? []).map(argText).join(", ")})`;
    } catch {
      // Not this contract's error.
    }
  }
  return undefined;
}

/**
 * One line for any error: the decoded custom error, the wallet's refusal, a wrong network, or the first line of
 * the message. Never a stack.
 */
export function describeError(error: unknown): string {
  const data = revertData(error);
  if (data !== undefined) {
    const decoded = decodeRevert(data);
    if (decoded !== undefined) return `Refused by the contract: ${decoded}`;
  }
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e !== null && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const record = e as { code?: unknown; name?: unknown; cause?: unknown };
    if (record.code === 4001 || record.name === "UserRejectedRequestError") {
      return "You rejected the request in your wallet (4001).";
    }
    if (record.name === "ChainMismatchError" || record.name === "ChainNotConfiguredError") {
      return "Your wallet is on another network: switch it to this portal's network.";
    }
    if (record.name === "ConnectorNotConnectedError") return "No wallet is connected: connect one first.";
    e = record.cause;
  }
  const top = error as { shortMessage?: unknown; message?: unknown } | undefined;
  const text = typeof top?.shortMessage === "string" ? top.shortMessage : String(top?.message ?? error);
  return text.split("\n")[0];
}

/** An amount of the native coin in coin units: "1,200.5". */
export function coinUnits(wei: bigint): string {
  const [whole, fraction] = formatEther(wei).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction.slice(0, 6)}`;
}
