/**
 * Errors for people: one line that says what was wrong and what to do. The CLI prints `Error: <message>` and exits
 * with 1; it never prints a stack trace for an OpsError or a decoded contract revert.
 */
import type { Interface } from "ethers";

import { revertData } from "./revert.js";

/** A wrong input or a refused operation, with a one-line, actionable message. */
export class OpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OpsError";
  }
}

export { revertData } from "./revert.js";

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
