/**
 * The system's ABIs (generated from the compiled artifacts) and what the portal does with them: decode a motion's
 * actions into contract, function and arguments, and decode any revert into its custom error.
 */
import { decodeErrorResult, decodeFunctionData, formatEther, hexToString } from "viem";
import type { Abi, AbiFunction, AbiParameter, Address, Hex } from "viem";

import { revertData } from "../../../scripts/ops/revert.js";
import { GOVERNED_CONTRACTS } from "../../../scripts/ops/system.js";
import type { GovernedContractKey } from "../../../scripts/ops/system.js";
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

/**
 * The ABI of each contract a motion may name (GOVERNED_CONTRACTS), by key. The vault's is the bonded StakeVault's; a
 * Kaia-mode vault is a KaiaStakeVault (see systemContracts).
 */
const GOVERNED_ABIS: Readonly<Record<GovernedContractKey, Abi>> = {
  registry: CouncilRegistryAbi,
  vault: StakeVaultAbi,
  governor: CouncilGovernorAbi,
  reserve: ImprovementReserveAbi,
  policy: MotionPolicyAbi,
  timelock: TimelockControllerAbi,
  advisors: AdvisorBoardAbi,
  voteExtension: VoteExtensionAbi,
  petitions: CommunityPetitionsAbi,
  veto: CommunityVetoAbi,
};

/** A contract a motion may name: its name as the CLI's proposal files spell it, its key, ABI and address. */
export interface SystemContract {
  name: string;
  key: GovernedContractKey;
  abi: Abi;
  /** Undefined when the deployment lacks it (a community contract of an older deployment). */
  address?: Address;
}

/** The contracts a motion may name in one deployment (see useSystem). */
export type System = readonly SystemContract[];

/**
 * The deployment's governed contracts, by the CLI's names (scripts/ops/system.ts GOVERNED_CONTRACTS), with their
 * addresses; the vault's ABI is the KaiaStakeVault's when `kaiaVault` (so that `linkStaking` and `unlinkStaking` are
 * offered and decoded), as the CLI's systemInterfaces.
 */
export function systemContracts(
  addresses: Partial<Record<GovernedContractKey, Address>>,
  kaiaVault: boolean,
): System {
  return Object.entries(GOVERNED_CONTRACTS).map(([name, key]) => ({
    name,
    key,
    abi: key === "vault" && kaiaVault ? KaiaStakeVaultAbi : GOVERNED_ABIS[key],
    address: addresses[key],
  }));
}

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
  /** A tuple's fields, each decoded the same way. */
  components?: DecodedArg[];
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

/** The system contract at `address`, if it is one. */
export function systemContractAt(system: System, address: string): SystemContract | undefined {
  return system.find((s) => s.address !== undefined && s.address.toLowerCase() === address.toLowerCase());
}

function decodedArg(p: AbiParameter, value: unknown, i: number): DecodedArg {
  const arg: DecodedArg = { name: p.name || `arg${i}`, type: typeString(p), value };
  if (p.type === "tuple") {
    const components = (p as { components?: readonly AbiParameter[] }).components ?? [];
    // viem gives a tuple as an object keyed by field name, or as an array when a field is unnamed.
    const fields = value as Record<string, unknown> & unknown[];
    arg.components = components.map((c, j) =>
      decodedArg(c, Array.isArray(value) || !c.name ? fields[j] : fields[c.name], j),
    );
  }
  return arg;
}

/** Decodes a call with the ABIs of the deployment's system contracts. */
export function decodeAction(system: System, target: Address, value: bigint, data: Hex): DecodedAction {
  const contract = systemContractAt(system, target);
  const action: DecodedAction = { target, value, data, contract: contract?.name };
  if (contract === undefined || data === "0x") return action;
  try {
    const decoded = decodeFunctionData({ abi: contract.abi, data });
    const fn = contract.abi.find(
      (f): f is AbiFunction =>
        f.type === "function" &&
        f.name === decoded.functionName &&
        f.inputs.length === (decoded.args?.length ?? 0),
    );
    if (fn !== undefined) {
      action.fn = fn;
      action.args = fn.inputs.map((input, i) => decodedArg(input, (decoded.args ?? [])[i], i));
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

/** Every ABI whose custom errors decode: the governed contracts', the lens's, and a Kaia-mode vault's own. */
const ALL_ABIS: readonly Abi[] = [...Object.values(GOVERNED_ABIS), CouncilGovernorLensAbi, KaiaStakeVaultAbi];

function argText(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return `[${value.map(argText).join(", ")}]`;
  return String(value);
}

/** The custom error in revert data, as `ContractError(args)`, or undefined. */
export function decodeRevert(data: Hex): string | undefined {
  for (const abi of ALL_ABIS) {
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
