/**
 * Errors for people: one line that says what was wrong and what to do. The CLI prints `Error: <message>` and exits
 * with 1; it never prints a stack trace for an OpsError or a decoded contract revert.
 */
import type { Interface } from "ethers";

/** A wrong input or a refused operation, with a one-line, actionable message. */
export class OpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OpsError";
  }
}

/** Revert data carried by an ethers or provider error, wherever the stack put it. */
export function revertData(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (e === null || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const record = e as Record<string, unknown>;
    if (typeof record.data === "string" && /^0x[0-9a-fA-F]{8,}$/.test(record.data)) return record.data;
    for (const key of ["error", "info", "cause", "data"]) queue.push(record[key]);
  }
  return undefined;
}

/**
 * One line for any error: an OpsError's message; a contract revert decoded against the system's interfaces
 * (`CouncilGovernor reverted: GovernorMemberAlreadyVoted(3, 2)`); otherwise the first line of the message.
 */
export function describeError(error: unknown, interfaces: Record<string, Interface> = {}): string {
  if (error instanceof OpsError) return error.message;
  const data = revertData(error);
  if (data !== undefined) {
    for (const [name, iface] of Object.entries(interfaces)) {
      const parsed = iface.parseError(data);
      if (parsed !== null) {
        const args = parsed.args.map((a: unknown) => String(a)).join(", ");
        return `${name} reverted: ${parsed.name}(${args})`;
      }
    }
  }
  const e = error as { shortMessage?: unknown; message?: unknown };
  const message = typeof e?.shortMessage === "string" ? e.shortMessage : String(e?.message ?? error);
  return message.split("\n")[0];
}
