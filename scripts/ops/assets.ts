/**
 * Assets the reserve and the vault hold: the native coin (the zero address) or an ERC-20, with its symbol and
 * decimals, and balances.
 */
import { Contract, ZeroAddress } from "ethers";
import type { ContractRunner, ContractTransactionResponse, Provider } from "ethers";

import { NATIVE, shortAddress } from "./format.js";
import type { Unit } from "./format.js";

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
