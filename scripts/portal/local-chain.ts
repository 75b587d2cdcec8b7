/**
 * The local chain behind `npm start`, the browser tests and the performance script: Hardhat's `node` network
 * (chain id 31337, the standard test mnemonic, a billion coins per account) created in this process, with its
 * clock starting at a pinned date, and exposed over HTTP on 127.0.0.1 for the portal and for wallets.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { startRpcServer } from "./rpc-server.js";
import type { RpcServer } from "./rpc-server.js";

/** The `node` network of hardhat.config.ts: the one `npx hardhat node` runs. */
export const NODE_NETWORK = "node";

/** Hardhat's standard test mnemonic (its accounts are public: never send real funds to them). */
export const TEST_MNEMONIC = "test test test test test test test test test test test junk";

export interface LocalChainOptions {
  /** Accounts derived from the test mnemonic (default 30). */
  accounts?: number;
  /** The chain's first timestamp, in seconds (default: the seed's pinned start, see seed.ts). */
  startTime?: bigint;
  /** RPC port (0: any free port). */
  port?: number;
  host?: string;
  /** More network settings (e.g. the performance script's lifted gas caps for a large initial council). */
  networkOverrides?: Record<string, unknown>;
}

export interface LocalChain {
  connection: NetworkConnection;
  rpc: RpcServer;
  chainId: number;
  close(): Promise<void>;
}

/** Creates the in-process `node` network and serves it over HTTP. */
export async function startLocalChain(
  hre: HardhatRuntimeEnvironment,
  options: LocalChainOptions = {},
): Promise<LocalChain> {
  const override: Record<string, unknown> = {
    ...options.networkOverrides,
    accounts: { mnemonic: TEST_MNEMONIC, count: options.accounts ?? 30, accountsBalance: 10n ** 27n },
  };
  if (options.startTime !== undefined) {
    override.initialDate = new Date(Number(options.startTime) * 1000).toISOString();
  }
  const connection = await hre.network.create({ network: NODE_NETWORK, override });
  const rpc = await startRpcServer(connection.provider, options.host ?? "127.0.0.1", options.port ?? 0);
  const chainId = Number(await connection.provider.request({ method: "eth_chainId" }));
  return {
    connection,
    rpc,
    chainId,
    async close() {
      await rpc.close();
      await connection.close();
    },
  };
}
