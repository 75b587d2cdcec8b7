/**
 * Parsing what people type: ids, addresses, lists of addresses, required text. Each parser throws an OpsError with
 * one line naming the option and what a valid value looks like.
 */
import { formatUnits, getAddress, isAddress } from "ethers";

import { OpsError } from "./errors.js";

/** A positive integer id ("3"), as a bigint. `what` names it in the message ("member id"). */
export function parseId(text: string, what: string): bigint {
  const clean = text.trim();
  if (!/^\d+$/.test(clean)) throw new OpsError(`${what} "${text}" is not a number (example: 3)`);
  const id = BigInt(clean);
  if (id === 0n) throw new OpsError(`${what} must be 1 or more (ids start at 1)`);
  return id;
}

/** An address, checksummed; `what` names it in the message ("--voter"). */
export function parseAddress(text: string, what: string): string {
  const clean = text.trim();
  if (!isAddress(clean))
    throw new OpsError(`${what} "${text}" is not an address (0x followed by 40 hex digits)`);
  return getAddress(clean);
}

/** A comma-separated list of addresses ("" for none). */
export function parseAddressList(text: string, what: string): string[] {
  if (text.trim() === "") return [];
  return text.split(",").map((part) => parseAddress(part, what));
}

/** Text that must not be empty. */
export function requireText(text: string, what: string, example: string): string {
  const clean = text.trim();
  if (clean === "") throw new OpsError(`${what} is required (example: ${example})`);
  return clean;
}

/** The length of `text` in UTF-8 bytes (what the contracts limit). */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** An amount as one types it on the command line: `5000000`, `0.5` (no separators, no symbol). */
export function plainAmount(amount: bigint, decimals: number): string {
  return formatUnits(amount, decimals).replace(/\.0$/, "");
}
