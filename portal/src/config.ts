/**
 * The portal's configuration: the chain, its RPC, how many blocks one log read covers, and the system's addresses.
 *
 * Build time: VITE_RPC_URL, VITE_CHAIN_ID, VITE_LOG_CHUNK_SIZE, VITE_FROM_BLOCK, VITE_WALLETCONNECT_PROJECT_ID and the
 * deployment file compiled in by vite.config.ts. Run time: a `config.json` beside index.html overrides any of them
 * (same names in camelCase, and `addresses`), so `npm start` points one build at a fresh local deployment.
 */
import { getAddress, isAddress } from "viem";
import type { Address } from "viem";

import {
  COMMUNITY_CONTRACT_KEYS,
  CONTRACT_KEYS,
  communityFutureId,
  futureId,
} from "../../scripts/ops/system.js";
import type { CommunityContractKey, ContractKey } from "../../scripts/ops/system.js";

declare const __BUILD_ADDRESSES__: Record<string, unknown>;

export type { CommunityContractKey, ContractKey };
/**
 * The system's addresses; the advisors' board and the vote extension only when the deployment has them (the
 * community petitions and veto contracts are read from the motion policy, `MotionPolicy.community()`).
 */
export type Addresses = Record<ContractKey, Address> & Partial<Record<CommunityContractKey, Address>>;

export interface PortalConfig {
  chainId: number;
  rpcUrl: string;
  /** Blocks per eth_getLogs request (public RPCs limit the range). */
  logChunkSize: number;
  /** The first block worth scanning for events (the deployment block). */
  fromBlock: number;
  walletConnectProjectId: string;
  /** A display name for the chain (Kairos and Kaia are known). */
  chainName?: string;
  /** The native coin's symbol. */
  coin: string;
  addresses: Addresses;
}

/**
 * Reads an address map with Ignition future ids (scripts/ops/system.ts) or plain keys; undefined when any contract
 * is missing (the advisors' board and the vote extension are optional).
 */
export function parseAddresses(json: Record<string, unknown>): Addresses | undefined {
  const out: Partial<Addresses> = {};
  for (const key of CONTRACT_KEYS) {
    const value = json[futureId(key)] ?? json[key];
    if (typeof value !== "string" || !isAddress(value)) return undefined;
    out[key] = getAddress(value);
  }
  for (const key of COMMUNITY_CONTRACT_KEYS) {
    const value = json[communityFutureId(key)] ?? json[key];
    if (typeof value === "string" && isAddress(value)) out[key] = getAddress(value);
  }
  return out as Addresses;
}

function num(value: unknown, fallback: number): number {
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** Loads config.json (if hosted beside the build) over the build-time values. */
export async function loadConfig(): Promise<PortalConfig | string> {
  const env = import.meta.env;
  let runtime: Record<string, unknown> = {};
  try {
    const response = await fetch("./config.json", { cache: "no-store" });
    if (response.ok && (response.headers.get("content-type") ?? "").includes("json")) {
      runtime = (await response.json()) as Record<string, unknown>;
    }
  } catch {
    // No runtime configuration: the build's values apply.
  }
  const chainId = num(runtime.chainId ?? env.VITE_CHAIN_ID, 31337);
  const rpcUrl = String(runtime.rpcUrl ?? env.VITE_RPC_URL ?? "http://127.0.0.1:8545");
  const rawAddresses = (runtime.addresses as Record<string, unknown> | undefined) ?? __BUILD_ADDRESSES__;
  const addresses = parseAddresses(rawAddresses);
  if (addresses === undefined) {
    return `No deployment configured for chain ${chainId}: place a config.json with "addresses" beside the portal, or build with VITE_DEPLOYMENT_FILE.`;
  }
  return {
    chainId,
    rpcUrl,
    logChunkSize: Math.max(1, num(runtime.logChunkSize ?? env.VITE_LOG_CHUNK_SIZE, 5000)),
    fromBlock: num(runtime.fromBlock ?? env.VITE_FROM_BLOCK, 0),
    walletConnectProjectId: String(
      runtime.walletConnectProjectId ?? env.VITE_WALLETCONNECT_PROJECT_ID ?? "",
    ).replace(/^null$/, ""),
    chainName: typeof runtime.chainName === "string" ? runtime.chainName : undefined,
    coin: String(runtime.coin ?? env.VITE_COIN ?? "KAIA"),
    addresses,
  };
}
