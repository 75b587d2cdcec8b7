/**
 * Where an error carries a contract's revert data. ethers, viem and browser wallets nest it differently (`data`,
 * `error.data`, `info.error.data`, `cause.data.data`), so the lookup walks every one of those keys.
 *
 * The file imports nothing, so the CLI (errors.ts) and the portal (portal/src/abi) share it.
 */

/** The revert data (a 4-byte selector or more, as 0x-hex) carried by an error, wherever the stack put it. */
export function revertData(error: unknown): `0x${string}` | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (e === null || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const record = e as Record<string, unknown>;
    if (typeof record.data === "string" && /^0x[0-9a-fA-F]{8,}$/.test(record.data)) {
      return record.data as `0x${string}`;
    }
    for (const key of ["error", "info", "cause", "data"]) queue.push(record[key]);
  }
  return undefined;
}
