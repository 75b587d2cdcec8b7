/**
 * Chain reads shared by the operations modules: the chain's clock, events in a receipt, and assets (the native
 * coin or an ERC-20) with their symbol and decimals.
 */
import { Contract, ZeroAddress } from "ethers";
import type {
  ContractRunner,
  ContractTransactionResponse,
  ErrorDescription,
  Interface,
  Provider,
  Result,
  TransactionReceipt,
} from "ethers";

import { OpsError, revertData } from "./errors.js";
import { NATIVE, shortAddress } from "./format.js";
import type { Unit } from "./format.js";

/** The latest block's timestamp: "now" on the chain (which tests and local nodes move by hand). */
export async function latestTimestamp(provider: Provider): Promise<bigint> {
  const block = await provider.getBlock("latest");
  if (block === null) throw new OpsError("the network returned no latest block");
  return BigInt(block.timestamp);
}

/** Waits for a sent transaction and returns its receipt; a reverted or dropped transaction is an error. */
export async function mined(tx: ContractTransactionResponse): Promise<TransactionReceipt> {
  const receipt = await tx.wait();
  if (receipt === null) throw new OpsError(`transaction ${tx.hash} was not mined`);
  return receipt;
}

/** The arguments of the first `name` event that `emitter` logged in `receipt`. */
export function eventArgs(
  receipt: TransactionReceipt,
  emitter: { interface: Interface; target: unknown },
  name: string,
): Result {
  const address = String(emitter.target).toLowerCase();
  for (const log of receipt.logs) {
    if (log.address.toLowerCase() !== address) continue;
    const parsed = emitter.interface.parseLog(log);
    if (parsed !== null && parsed.name === name) return parsed.args;
  }
  throw new OpsError(`transaction ${receipt.hash} has no ${name} event`);
}

/** The custom error a failed call or transaction reverted with, decoded against `iface` (undefined otherwise). */
export function revertOf(error: unknown, iface: Interface): ErrorDescription | undefined {
  const data = revertData(error);
  return data === undefined ? undefined : (iface.parseError(data) ?? undefined);
}

const ERC20_ABI = [
  "function symbol() view returns (string)",
  "function decimals() view returns (uint8)",
  "function balanceOf(address) view returns (uint256)",
  "function allowance(address owner, address spender) view returns (uint256)",
  "function approve(address spender, uint256 amount) returns (bool)",
  "function transfer(address to, uint256 amount) returns (bool)",
];

/** The ERC-20 functions the CLI uses, typed. */
export interface Erc20 {
  address: string;
  symbol(): Promise<string>;
  decimals(): Promise<number>;
  balanceOf(account: string): Promise<bigint>;
  allowance(owner: string, spender: string): Promise<bigint>;
  approve(spender: string, amount: bigint): Promise<ContractTransactionResponse>;
  transfer(to: string, amount: bigint): Promise<ContractTransactionResponse>;
}

/** An ERC-20 at `address`, read through `runner` (a signer to send). */
export function erc20(address: string, runner: ContractRunner): Erc20 {
  const c = new Contract(address, ERC20_ABI, runner);
  return {
    address,
    symbol: async () => String(await c.getFunction("symbol").staticCall()),
    decimals: async () => Number(await c.getFunction("decimals").staticCall()),
    balanceOf: async (account) => BigInt(await c.getFunction("balanceOf").staticCall(account)),
    allowance: async (owner, spender) => BigInt(await c.getFunction("allowance").staticCall(owner, spender)),
    approve: (spender, amount) => c.getFunction("approve").send(spender, amount),
    transfer: (to, amount) => c.getFunction("transfer").send(to, amount),
  };
}

/** The native coin (zero address) or an ERC-20's symbol and decimals; an unnamed token shows its short address. */
export async function assetUnit(provider: Provider, asset: string): Promise<Unit> {
  if (asset === ZeroAddress) return NATIVE;
  const token = erc20(asset, provider);
  let symbol: string;
  let decimals: number;
  try {
    symbol = await token.symbol();
  } catch {
    symbol = shortAddress(asset);
  }
  try {
    decimals = await token.decimals();
  } catch {
    decimals = 18;
  }
  return { symbol, decimals };
}

/** What `account` holds of `asset` (the native coin for the zero address). */
export async function assetBalance(provider: Provider, asset: string, account: string): Promise<bigint> {
  return asset === ZeroAddress ? provider.getBalance(account) : erc20(asset, provider).balanceOf(account);
}
