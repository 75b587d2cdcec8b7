/**
 * Where a transaction's gas goes, from its execution trace (debug_traceTransaction struct logs): execution gas per
 * contract (each call frame's own gas, its callees' excluded), storage slots written for the first time, cold
 * storage reads, and logs. Explains the measured figures; the figures themselves come from receipts.
 */
import type { Chain } from "./bench-chain.js";

export interface Anatomy {
  /** gasUsed minus the execution gas: 21,000, calldata, minus the storage refund. */
  transaction: number;
  /** Execution gas spent in each contract's own code (precompiles and calls to accounts without code included). */
  byContract: Record<string, number>;
  /** Storage slots written from zero, per contract (about 20,000 gas each, plus 2,100 if not read first). */
  newSlots: Record<string, number>;
  /** Gas of all SSTOREs, of slots written from zero among them, of all SLOADs, and of logs. */
  sstoreGas: number;
  newSlotGas: number;
  sloadGas: number;
  coldSloads: number;
  logGas: number;
  /** Calls made to other contracts (CALL, STATICCALL, DELEGATECALL). */
  externalCalls: number;
}

interface Step {
  op: string;
  gas: number;
  gasCost: number;
  depth: number;
  stack?: string[];
}

interface Trace {
  structLogs: Step[];
}

interface Frame {
  address: string;
  startGas: number;
  children: number;
  last: Step | undefined;
}

const CALLS = new Set(["CALL", "STATICCALL", "DELEGATECALL", "CALLCODE"]);

function isTrace(value: unknown): value is Trace {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as { structLogs?: unknown }).structLogs)
  );
}

function addressOf(word: string): string {
  return "0x" + BigInt(word).toString(16).padStart(40, "0").slice(-40);
}

/** Traces the transaction `hash` (sent to `to`) and attributes its gas; `names` maps lower-case addresses. */
export async function anatomyOf(
  chain: Chain,
  hash: string,
  to: string,
  gasUsed: bigint,
  names: Map<string, string>,
): Promise<Anatomy> {
  const raw: unknown = await chain.ethers.provider.send("debug_traceTransaction", [
    hash,
    { disableMemory: true, disableStorage: true },
  ]);
  if (!isTrace(raw)) throw new Error(`no trace for ${hash}`);
  const steps = raw.structLogs;
  const name = (address: string): string => names.get(address.toLowerCase()) ?? `other ${address}`;
  const result: Anatomy = {
    transaction: 0,
    byContract: {},
    newSlots: {},
    sstoreGas: 0,
    newSlotGas: 0,
    sloadGas: 0,
    coldSloads: 0,
    logGas: 0,
    externalCalls: 0,
  };
  const frames: Frame[] = [];
  let pendingTarget = to;
  let execution = 0;

  const close = (): void => {
    const frame = frames.pop();
    if (!frame || !frame.last) return;
    const inclusive = frame.startGas - (frame.last.gas - frame.last.gasCost);
    const own = inclusive - frame.children;
    const key = name(frame.address);
    result.byContract[key] = (result.byContract[key] ?? 0) + own;
    const parent = frames.at(-1);
    if (parent) parent.children += inclusive;
    else execution = inclusive;
  };

  for (const step of steps) {
    while (frames.length > step.depth) close();
    if (frames.length < step.depth) {
      frames.push({ address: pendingTarget, startGas: step.gas, children: 0, last: undefined });
    }
    const frame = frames[frames.length - 1];
    frame.last = step;
    const here = name(frame.address);
    if (step.op === "SSTORE") {
      result.sstoreGas += step.gasCost;
      if (step.gasCost >= 20_000) {
        result.newSlotGas += step.gasCost;
        result.newSlots[here] = (result.newSlots[here] ?? 0) + 1;
      }
    } else if (step.op === "SLOAD") {
      result.sloadGas += step.gasCost;
      if (step.gasCost >= 2_100) result.coldSloads += 1;
    } else if (step.op.startsWith("LOG")) {
      result.logGas += step.gasCost;
    } else if (CALLS.has(step.op) && step.stack) {
      const target = addressOf(step.stack[step.stack.length - 2]);
      // A DELEGATECALL runs in the caller's storage: count it as the caller's.
      pendingTarget = step.op === "DELEGATECALL" || step.op === "CALLCODE" ? frame.address : target;
      if (BigInt(target) > 0x11n) result.externalCalls += 1;
    }
  }
  while (frames.length > 0) close();
  result.transaction = Number(gasUsed) - execution;
  return result;
}
