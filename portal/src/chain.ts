/**
 * The chain: one public client per page load, with JSON-RPC batching (calls made in the same tick travel in one
 * HTTP request) and a counter of requests that the performance script reads (`window.__rpcCount` HTTP requests,
 * `window.__rpcCalls` JSON-RPC calls). Event history is read in bounded chunks, with progress and with the ranges
 * that failed kept, so a page can say what is missing instead of going blank.
 */
import { createPublicClient, defineChain, http, parseEventLogs } from "viem";
import type { Abi, Address, Chain, Hex, Log, PublicClient } from "viem";

import { CouncilGovernorAbi, CouncilRegistryAbi, ImprovementReserveAbi, KaiaStakeVaultAbi } from "./abi";
import type { ContractKey, PortalConfig } from "./config";

declare global {
  interface Window {
    /** HTTP requests sent to the RPC since the page loaded. */
    __rpcCount: number;
    /** JSON-RPC calls sent (a batch counts each call). */
    __rpcCalls: number;
  }
}
window.__rpcCount = 0;
window.__rpcCalls = 0;

export const kairos = defineChain({
  id: 1001,
  name: "Kairos",
  nativeCurrency: { name: "KAIA", symbol: "KAIA", decimals: 18 },
  rpcUrls: { default: { http: ["https://public-en-kairos.node.kaia.io"] } },
  blockExplorers: { default: { name: "Kaiascan", url: "https://kairos.kaiascan.io" } },
  testnet: true,
});

export const kaia = defineChain({
  id: 8217,
  name: "Kaia",
  nativeCurrency: { name: "KAIA", symbol: "KAIA", decimals: 18 },
  rpcUrls: { default: { http: ["https://public-en.node.kaia.io"] } },
  blockExplorers: { default: { name: "Kaiascan", url: "https://kaiascan.io" } },
});

/** The chain the configuration names, with its RPC. */
export function chainOf(config: PortalConfig): Chain {
  const known = [kairos, kaia].find((c) => c.id === config.chainId);
  const base =
    known ??
    defineChain({
      id: config.chainId,
      name: config.chainName ?? (config.chainId === 31337 ? "Local node" : `Chain ${config.chainId}`),
      nativeCurrency: { name: config.coin, symbol: config.coin, decimals: 18 },
      rpcUrls: { default: { http: [config.rpcUrl] } },
    });
  return { ...base, rpcUrls: { default: { http: [config.rpcUrl] } } };
}

function countingTransport(url: string) {
  return http(url, {
    batch: { batchSize: 200, wait: 0 },
    onFetchRequest: async (request) => {
      window.__rpcCount += 1;
      try {
        const body: unknown = JSON.parse(await request.clone().text());
        window.__rpcCalls += Array.isArray(body) ? body.length : 1;
      } catch {
        window.__rpcCalls += 1;
      }
    },
  });
}

export function makePublicClient(config: PortalConfig): PublicClient {
  return createPublicClient({ chain: chainOf(config), transport: countingTransport(config.rpcUrl) });
}

export { countingTransport };

/** A decoded event of one of the system's contracts. */
export interface SystemEvent {
  contract: ContractKey;
  eventName: string;
  args: Record<string, unknown>;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
}

/** A block range whose logs could not be read, and why. */
export interface MissingRange {
  from: bigint;
  to: bigint;
  reason: string;
}

export interface History {
  events: SystemEvent[];
  /** The last block read (inclusive). */
  scannedTo: bigint;
  missing: MissingRange[];
}

/** Progress of the history read in flight, for the page's "loading history…" line. */
export interface HistoryProgress {
  from: bigint;
  to: bigint;
  done: bigint;
}

type Listener = () => void;
let progress: HistoryProgress | undefined;
const listeners = new Set<Listener>();
export const historyProgress = {
  get: (): HistoryProgress | undefined => progress,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set(value: HistoryProgress | undefined) {
    progress = value;
    for (const l of listeners) l();
  },
};

const ABIS: Partial<Record<ContractKey, Abi>> = {
  governor: CouncilGovernorAbi,
  registry: CouncilRegistryAbi,
  // A superset of StakeVault's events: a bonded vault's logs decode the same, a Kaia vault's links decode too.
  vault: KaiaStakeVaultAbi,
  reserve: ImprovementReserveAbi,
};

function decode(config: PortalConfig, logs: Log[]): SystemEvent[] {
  const out: SystemEvent[] = [];
  for (const [key, abi] of Object.entries(ABIS) as [ContractKey, Abi][]) {
    const address = config.addresses[key].toLowerCase();
    const mine = logs.filter((l) => l.address.toLowerCase() === address);
    for (const log of parseEventLogs({ abi, logs: mine, strict: false })) {
      out.push({
        contract: key,
        eventName: log.eventName ?? "",
        args: (log.args ?? {}) as Record<string, unknown>,
        blockNumber: log.blockNumber ?? 0n,
        logIndex: log.logIndex ?? 0,
        transactionHash: log.transactionHash ?? "0x",
      });
    }
  }
  return out.sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
}

let cache: History | undefined;

/**
 * Every event of the governor, registry, vault and reserve up to the latest block: one eth_getLogs per chunk for all
 * four contracts. Reads only what the previous call did not; ranges that fail are kept as missing.
 */
export async function readHistory(client: PublicClient, config: PortalConfig): Promise<History> {
  const latest = await client.getBlockNumber({ cacheTime: 0 });
  const start = cache === undefined ? BigInt(config.fromBlock) : cache.scannedTo + 1n;
  const events = cache?.events.slice() ?? [];
  const missing = cache?.missing.slice() ?? [];
  const chunk = BigInt(config.logChunkSize);
  const address: Address[] = (Object.keys(ABIS) as ContractKey[]).map((k) => config.addresses[k]);
  const ranges: [bigint, bigint][] = [];
  for (let from = start; from <= latest; from += chunk) {
    ranges.push([from, from + chunk - 1n > latest ? latest : from + chunk - 1n]);
  }
  let done = 0n;
  if (ranges.length > 1) historyProgress.set({ from: start, to: latest, done });
  // A few chunks at a time: in parallel they share JSON-RPC batches.
  const parallel = 4;
  for (let i = 0; i < ranges.length; i += parallel) {
    const group = ranges.slice(i, i + parallel);
    const results = await Promise.allSettled(
      group.map(([fromBlock, toBlock]) => client.getLogs({ address, fromBlock, toBlock })),
    );
    results.forEach((r, j) => {
      const [from, to] = group[j];
      if (r.status === "fulfilled") events.push(...decode(config, r.value));
      else missing.push({ from, to, reason: firstLine(r.reason) });
      done += to - from + 1n;
    });
    if (ranges.length > 1) historyProgress.set({ from: start, to: latest, done });
  }
  historyProgress.set(undefined);
  cache = { events, scannedTo: latest, missing };
  return cache;
}

/** The first line of an error's message. */
export function firstLine(error: unknown): string {
  const e = error as { shortMessage?: unknown; message?: unknown } | undefined;
  const text = typeof e?.shortMessage === "string" ? e.shortMessage : String(e?.message ?? error);
  return text.split("\n")[0];
}

/** Block timestamps for a few blocks, in one batch. */
export async function blockTimes(client: PublicClient, blocks: bigint[]): Promise<Map<bigint, bigint>> {
  const unique = [...new Set(blocks)];
  const found = await Promise.all(unique.map((b) => client.getBlock({ blockNumber: b })));
  return new Map(found.map((b) => [b.number, b.timestamp]));
}
