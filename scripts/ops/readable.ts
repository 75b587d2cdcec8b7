/**
 * Integers as people write them, one set of rules for the CLI's proposal files (arguments.ts) and the portal's action
 * builder and amount fields: a number (`"1,000"` too), an amount in the native coin (`"250000 KAIA"`), a duration
 * (`"21 days"`) or a UTC date (`"2027-01-01"`, `"2027-01-01T12:00:00Z"`).
 *
 * The file imports nothing and uses only erasable TypeScript, so the browser bundle and plain `node` import it too.
 */

/** The native coin's symbol and decimals. */
export const NATIVE_SYMBOL = "KAIA";
export const NATIVE_DECIMALS = 18;

/** Seconds in a day. */
export const DAY = 86400n;

/** The duration units a readable integer may name, in seconds. */
export const DURATION_UNITS: Readonly<Record<string, bigint>> = {
  second: 1n,
  seconds: 1n,
  minute: 60n,
  minutes: 60n,
  hour: 3600n,
  hours: 3600n,
  day: DAY,
  days: DAY,
  week: 7n * DAY,
  weeks: 7n * DAY,
};

/** What a readable integer may be, for messages. */
export const READABLE_INTEGER_FORMS =
  'a number, an amount ("250000 KAIA"), a duration ("21 days") or a date ("2027-01-01")';

/** `"1.5"` with `decimals` 18 → 1.5e18; undefined when it is not a decimal or has more decimals than allowed. */
export function decimalUnits(text: string, decimals: number): bigint | undefined {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (m === null || (m[2] ?? "").length > decimals) return undefined;
  return BigInt(m[1]) * 10n ** BigInt(decimals) + BigInt((m[2] ?? "").padEnd(decimals, "0") || "0");
}

/**
 * A readable integer: `"1,000"`, `"250000 KAIA"` (in wei), `"21 days"` (in seconds), `"2027-01-01"` (a unix time in
 * seconds, UTC); undefined when the text is none of these.
 */
export function readableInteger(value: string): bigint | undefined {
  const text = value.trim().replace(/[,_]/g, "");
  if (/^-?\d+$/.test(text)) return BigInt(text);
  const amount = /^(\d+(?:\.\d+)?)\s*(KAIA|KLAY|ether)$/i.exec(text);
  if (amount !== null) {
    const wei = decimalUnits(amount[1], NATIVE_DECIMALS);
    if (wei !== undefined) return wei;
  }
  const duration = /^(\d+)\s*([a-z]+)$/i.exec(text);
  const unit = duration === null ? undefined : DURATION_UNITS[duration[2].toLowerCase()];
  if (duration !== null && unit !== undefined) return BigInt(duration[1]) * unit;
  if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z?)?$/.test(text)) {
    const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text.endsWith("Z") ? text : `${text}Z`);
    if (!Number.isNaN(ms)) return BigInt(ms / 1000);
  }
  return undefined;
}
