/**
 * Transactions and the chain's clock, shared by the operations modules: "now" on the chain, waiting for a receipt,
 * an event's arguments in a receipt, and the custom error a call reverted with.
 */
import type {
  ContractTransactionResponse,
  ErrorDescription,
  Interface,
  Provider,
  Result,
  TransactionReceipt,
} from "ethers";

import { OpsError, revertData } from "./errors.js";

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
