/**
 * Sending: every action is checked against the contract first (eth_call with the connected account), so the page
 * shows a button only when the contract would accept the call, and otherwise the contract's own reason. The rule
 * lives in the contract, in one place; the portal never re-implements it. Any action can also be exported as Safe
 * Transaction Builder JSON for a Safe to propose to its owners.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, useSyncExternalStore } from "react";
import type { ReactNode } from "react";
import { encodeFunctionData } from "viem";
import type { Abi, Address, Hex, TransactionReceipt } from "viem";
import { useConfig } from "wagmi";
import { writeContract } from "wagmi/actions";

import { describeError } from "./abi";
import { usePortal } from "./context";
import { useAccount } from "./wallet";

/** A contract call. */
export interface Call {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
  value?: bigint;
}

function callKey(call: Call): string {
  return JSON.stringify([call.address, call.functionName, call.args, call.value ?? 0n], (_, v: unknown) =>
    typeof v === "bigint" ? v.toString() : v,
  );
}

/** Whether the connected account may make this call now: undefined while checking, else ok or the reason. */
export function usePrecheck(call: Call | undefined): { ok?: boolean; reason?: string; account?: Address } {
  const { client } = usePortal();
  const { address, wrongChain } = useAccount();
  const query = useQuery({
    queryKey: ["precheck", address ?? "", call === undefined ? "" : callKey(call)],
    enabled: call !== undefined && address !== undefined && !wrongChain,
    retry: false,
    queryFn: async () => {
      try {
        await client.simulateContract({ ...(call as Call), account: address } as Parameters<
          typeof client.simulateContract
        >[0]);
        return { ok: true as const };
      } catch (e) {
        return { ok: false as const, reason: describeError(e) };
      }
    },
  });
  if (address === undefined) return { ok: false, reason: "Connect a wallet to act." };
  if (wrongChain) return { ok: false, reason: "Your wallet is on another network: switch it first.", account: address };
  if (query.data === undefined) return { account: address };
  return { ...query.data, account: address };
}

/** Sends a call from the connected wallet and waits for its receipt; refreshes every query afterwards. */
export function useSend(): (call: Call) => Promise<TransactionReceipt> {
  const { client, chain } = usePortal();
  const wagmiConfig = useConfig();
  const queryClient = useQueryClient();
  const { address, wrongChain } = useAccount();
  return async (call: Call) => {
    if (address === undefined) throw new Error("No wallet is connected: connect one first.");
    if (wrongChain) throw new Error(`Your wallet is on another network: switch it to ${chain.name}.`);
    const { request } = await client.simulateContract({ ...call, account: address } as Parameters<
      typeof client.simulateContract
    >[0]);
    const hash = await writeContract(wagmiConfig, {
      ...(request as Parameters<typeof writeContract>[1]),
      chainId: chain.id,
    });
    const receipt = await client.waitForTransactionReceipt({ hash });
    await queryClient.invalidateQueries();
    if (receipt.status !== "success") throw new Error(`The transaction ${hash} reverted.`);
    return receipt;
  };
}

/**
 * The outcome of the last confirmed action, shown above the page: the action's own panel may disappear once the
 * chain has changed (a member that voted no longer sees the vote buttons), but its confirmation stays.
 */
let lastDone: string | undefined;
const doneListeners = new Set<() => void>();
export const lastAction = {
  get: () => lastDone,
  subscribe(listener: () => void) {
    doneListeners.add(listener);
    return () => doneListeners.delete(listener);
  },
  set(text: string | undefined) {
    lastDone = text;
    for (const l of doneListeners) l();
  },
};

export function LastAction() {
  const text = useSyncExternalStore(lastAction.subscribe, lastAction.get);
  if (text === undefined) return null;
  return (
    <p role="status" className="ok">
      {text}
    </p>
  );
}

/** Offers a JSON document as a file. */
export function download(filename: string, json: unknown) {
  const blob = new Blob([`${JSON.stringify(json, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The Safe Transaction Builder's batch file for these transactions. */
export function safeBatch(chainId: number, name: string, txs: { to: Address; value: bigint; data: Hex }[]) {
  return {
    version: "1.0",
    chainId: String(chainId),
    createdAt: 0,
    meta: { name, description: name, txBuilderVersion: "1.16.5" },
    transactions: txs.map((t) => ({
      to: t.to,
      value: t.value.toString(),
      data: t.data,
      contractMethod: null,
      contractInputsValues: null,
    })),
  };
}

export function encodeCall(call: Call): Hex {
  return encodeFunctionData({ abi: call.abi, functionName: call.functionName, args: call.args } as Parameters<
    typeof encodeFunctionData
  >[0]);
}

export interface ActionProps {
  /** The button's text, e.g. "Queue". */
  label: string;
  /** The call, or undefined while its arguments are incomplete. */
  call: Call | undefined;
  /** What the action does, for the "why not" line: "queue this motion". */
  what: string;
  onDone?: (receipt: TransactionReceipt) => void;
  children?: ReactNode;
}

/**
 * A contract action: the button when the contract would accept the call from the connected account, otherwise the
 * reason; the result (or the decoded refusal) as one line; and the Safe Transaction Builder export.
 */
export function Action({ label, call, what, onDone, children }: ActionProps) {
  const { chain } = usePortal();
  const check = usePrecheck(call);
  const send = useSend();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function run() {
    if (call === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      lastAction.set(undefined);
      const receipt = await send(call);
      lastAction.set(`Done: ${label} confirmed in block ${receipt.blockNumber} (${receipt.transactionHash}).`);
      onDone?.(receipt);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="action">
      {children}
      {check.ok === true && call !== undefined && (
        <button type="button" disabled={busy} onClick={() => void run()}>
          {busy ? `${label}…` : label}
        </button>
      )}
      {check.ok === false && (
        <p className="why-not">
          You cannot {what} now: {check.reason}
        </p>
      )}
      {check.ok === undefined && check.account !== undefined && call !== undefined && (
        <p className="muted">Checking…</p>
      )}
      {call !== undefined && (
        <button
          type="button"
          className="secondary"
          onClick={() =>
            download(
              `safe-${call.functionName}.json`,
              safeBatch(chain.id, `${label}: ${call.functionName}`, [
                { to: call.address, value: call.value ?? 0n, data: encodeCall(call) },
              ]),
            )
          }
        >
          Export for a Safe
        </button>
      )}
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
