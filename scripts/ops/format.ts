/**
 * Formatting for tables and messages: coin amounts, times and durations, plain-text tables.
 */
import { formatUnits, parseUnits } from "ethers";

import { OpsError } from "./errors.js";

/** An asset's display: its symbol and decimals. */
export interface Unit {
  symbol: string;
  decimals: number;
}

/** The chain's native coin (Kaia). */
export const NATIVE: Unit = { symbol: "KAIA", decimals: 18 };

/** `1234567.5 KAIA`, with thousands separators and no trailing zeros. */
export function formatAmount(amount: bigint, unit: Unit = NATIVE): string {
  const [whole, fraction] = formatUnits(amount, unit.decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const trimmed = (fraction ?? "").replace(/0+$/, "");
  return `${grouped}${trimmed === "" ? "" : `.${trimmed}`} ${unit.symbol}`;
}

/** Parses a human amount ("5000000", "5,000,000", "0.5") into base units; rejects anything else. */
export function parseAmount(text: string, unit: Unit = NATIVE, what = "amount"): bigint {
  const clean = text.replace(/[,_\s]/g, "");
  if (!/^\d+(\.\d+)?$/.test(clean)) {
    throw new OpsError(`${what} "${text}" is not a number of ${unit.symbol} (example: 5000000 or 0.5)`);
  }
  try {
    return parseUnits(clean, unit.decimals);
  } catch {
    throw new OpsError(`${what} "${text}" has more than ${unit.decimals} decimals`);
  }
}

/** `2026-11-21 10:00:00 UTC` for a unix timestamp in seconds. */
export function formatTime(timestamp: bigint | number): string {
  const ms = Number(timestamp) * 1000;
  return `${new Date(ms).toISOString().replace("T", " ").slice(0, 19)} UTC`;
}

/** `3d 4h 5m` for a number of seconds (`0s` for none). */
export function formatDuration(seconds: bigint | number): string {
  let s = Number(seconds);
  if (s <= 0) return "0s";
  const parts: string[] = [];
  for (const [size, label] of [
    [86400, "d"],
    [3600, "h"],
    [60, "m"],
  ] as const) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)}${label}`);
      s %= size;
    }
  }
  if (s > 0 && parts.length < 2) parts.push(`${s}s`);
  return parts.slice(0, 2).join(" ");
}

/** `2026-11-28 10:00:00 UTC (in 7d)` or `(3h ago)`, relative to `now`. */
export function formatWhen(timestamp: bigint, now: bigint): string {
  const relative =
    timestamp === now
      ? "now"
      : timestamp > now
        ? `in ${formatDuration(timestamp - now)}`
        : `${formatDuration(now - timestamp)} ago`;
  return `${formatTime(timestamp)} (${relative})`;
}

/** A plain-text table: a header row, a rule, then the rows, columns padded to their widest cell. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** `1 vote`, `3 votes`, `0 votes`: a count with its noun in the right number. */
export function count(n: bigint | number, singular: string, plural = `${singular}s`): string {
  return `${n} ${BigInt(n) === 1n ? singular : plural}`;
}

/** A short address: `0x1234…abcd`. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
