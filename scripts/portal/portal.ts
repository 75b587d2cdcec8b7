/**
 * The whole local portal in one call, shared by `npm start` and the performance script: a local chain on
 * 127.0.0.1, the system deployed and seeded, the portal built and served with a `config.json` that points it at
 * that chain.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import type { Addresses } from "../ops/deployment.js";
import { buildPortal, PORTAL_DIST } from "./build.js";
import { startLocalChain } from "./local-chain.js";
import type { LocalChain, LocalChainOptions } from "./local-chain.js";
import { seedCouncil, SEED_START } from "./seed.js";
import type { Print, SeededCouncil } from "./seed.js";
import { startStaticServer } from "./static-server.js";
import type { StaticServer } from "./static-server.js";

/** The runtime configuration the portal reads from `config.json` beside its index.html (portal/src/config.ts). */
export interface PortalRuntimeConfig {
  chainId: number;
  rpcUrl: string;
  logChunkSize: number;
  fromBlock: number;
  walletConnectProjectId: string;
  coin: string;
  addresses: Addresses;
}

/** The configuration for a deployment on `chain`. */
export function runtimeConfig(
  chain: LocalChain,
  addresses: Addresses,
  fromBlock: number,
  logChunkSize = 5000,
): PortalRuntimeConfig {
  return {
    chainId: chain.chainId,
    rpcUrl: chain.rpc.url,
    logChunkSize,
    fromBlock,
    walletConnectProjectId: "",
    coin: "KAIA",
    addresses,
  };
}

export interface LocalPortal {
  chain: LocalChain;
  seeded: SeededCouncil;
  web: StaticServer;
  config: PortalRuntimeConfig;
  close(): Promise<void>;
}

export interface LocalPortalOptions extends LocalChainOptions {
  /** Port of the portal's static server (0: any free port). */
  webPort?: number;
  /** Rebuild the portal even when its build is current. */
  rebuild?: boolean;
}

/** Starts the chain, seeds it, builds (when stale) and serves the portal. */
export async function startLocalPortal(
  hre: HardhatRuntimeEnvironment,
  options: LocalPortalOptions = {},
  print: Print = () => undefined,
): Promise<LocalPortal> {
  const host = options.host ?? "127.0.0.1";
  // Build first (the slowest step, and the one that can fail on a broken app) while nothing is listening yet.
  print("Building the portal (npm run build -w portal) when its sources changed…");
  await buildPortal(print, options.rebuild === true);
  const chain = await startLocalChain(hre, { startTime: SEED_START, ...options, host });
  try {
    const seeded = await seedCouncil(chain.connection, print);
    const config = runtimeConfig(chain, seeded.addresses, seeded.deploymentBlock);
    const web = await startStaticServer(PORTAL_DIST, config, host, options.webPort ?? 0);
    return {
      chain,
      seeded,
      web,
      config,
      async close() {
        await web.close();
        await chain.close();
      },
    };
  } catch (error) {
    await chain.close();
    throw error;
  }
}
