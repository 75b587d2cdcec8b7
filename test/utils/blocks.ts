/**
 * Block and receipt helpers shared by the suites: receipts and block times, OpenZeppelin's state bitmaps, and sending
 * several transactions in one block.
 */
import type { ContractTransactionReceipt, ContractTransactionResponse } from "ethers";

import { ethers, networkHelpers } from "./council.js";

/** OpenZeppelin's `expectedStates` bitmap for GovernorUnexpectedProposalState: bit `s` set for each state. */
export function stateBitmap(...states: number[]): string {
  let bits = 0n;
  for (const s of states) bits |= 1n << BigInt(s);
  return ethers.toBeHex(bits, 32);
}

/** The mined receipt of `tx`. */
export async function receiptOf(tx: ContractTransactionResponse): Promise<ContractTransactionReceipt> {
  const receipt = await tx.wait();
  if (receipt === null) throw new Error("transaction was not mined");
  return receipt;
}

/** The timestamp of the block that mined `tx`. */
export async function timeOf(tx: ContractTransactionResponse): Promise<bigint> {
  const block = await ethers.provider.getBlock((await receiptOf(tx)).blockNumber);
  if (block === null) throw new Error("block not found");
  return BigInt(block.timestamp);
}

/** The largest value `read` returns over `ids` (0 for none). */
export async function maxOf(ids: bigint[], read: (id: bigint) => Promise<bigint>): Promise<bigint> {
  let max = 0n;
  for (const id of ids) {
    const v = await read(id);
    if (v > max) max = v;
  }
  return max;
}

/** Sends every transaction with automine off, then mines them together in one block. */
export async function inOneBlock(
  sends: (() => Promise<ContractTransactionResponse>)[],
): Promise<ContractTransactionResponse[]> {
  await ethers.provider.send("evm_setAutomine", [false]);
  try {
    const sent: ContractTransactionResponse[] = [];
    for (const send of sends) sent.push(await send());
    await networkHelpers.mine();
    return sent;
  } finally {
    await ethers.provider.send("evm_setAutomine", [true]);
  }
}
