/**
 * Wallets: injected wallets found through EIP-6963 (wagmi's multi-injected discovery), the configured chain and
 * Kairos/Kaia to switch to (added to the wallet when it lacks them), and WalletConnect only when a project id is
 * configured, loaded on demand.
 */
import { useState } from "react";
import { createConfig, injected, useConnect, useConnection, useConnectors, useDisconnect, useSwitchChain } from "wagmi";
import type { Config } from "wagmi";
import type { Chain } from "viem";

import { describeError } from "./abi";
import { countingTransport, kaia, kairos } from "./chain";
import type { PortalConfig } from "./config";
import { usePortal } from "./context";
import { useNames } from "./data";
import { nameOf, shortAddress } from "./format";

export function makeWagmiConfig(config: PortalConfig, chain: Chain): Config {
  const others = [kairos, kaia].filter((c) => c.id !== chain.id);
  const chains = [chain, ...others] as [Chain, ...Chain[]];
  const transports = Object.fromEntries(
    chains.map((c) => [c.id, countingTransport(c.id === chain.id ? config.rpcUrl : c.rpcUrls.default.http[0])]),
  );
  return createConfig({
    chains,
    connectors: [injected({ shimDisconnect: true })],
    multiInjectedProviderDiscovery: true,
    transports,
  });
}

/** The connected account on the portal's chain, or why there is none. */
export function useAccount(): { address?: `0x${string}`; wrongChain: boolean; chainId?: number } {
  const { chain } = usePortal();
  const connection = useConnection();
  if (connection.status !== "connected" || connection.address === undefined) return { wrongChain: false };
  return { address: connection.address, chainId: connection.chainId, wrongChain: connection.chainId !== chain.id };
}

export function WalletBar() {
  const { chain, config } = usePortal();
  const connection = useConnection();
  const connectors = useConnectors();
  const { connectAsync, isPending } = useConnect();
  const { disconnect } = useDisconnect();
  const { switchChainAsync } = useSwitchChain();
  const names = useNames();
  const [error, setError] = useState<string>();
  // EIP-6963 wallets announce themselves with an rdns; the generic injected connector only when nothing announced.
  const announced = connectors.filter((c) => c.id !== "injected");
  const hasWindowEthereum = typeof window !== "undefined" && "ethereum" in window;
  const choices = announced.length > 0 ? announced : connectors.filter(() => hasWindowEthereum);

  async function connectWith(index: number) {
    setError(undefined);
    try {
      await connectAsync({ connector: choices[index] });
    } catch (e) {
      setError(describeError(e));
    }
  }

  async function connectWalletConnect() {
    setError(undefined);
    try {
      const { walletConnect } = await import("wagmi/connectors");
      await connectAsync({ connector: walletConnect({ projectId: config.walletConnectProjectId, showQrModal: true }) });
    } catch (e) {
      // wagmi's WalletConnect connector needs its SDK as an optional peer dependency, installed for the build.
      setError(
        /Could not resolve.*walletconnect/i.test(String((e as Error).message))
          ? "WalletConnect is not part of this build: npm install @walletconnect/ethereum-provider -w @gc-governance/portal, then rebuild."
          : describeError(e),
      );
    }
  }

  async function switchTo(id: number) {
    setError(undefined);
    try {
      await switchChainAsync({ chainId: id });
    } catch (e) {
      setError(describeError(e));
    }
  }

  if (connection.status === "connected" && connection.address !== undefined) {
    const wrong = connection.chainId !== chain.id;
    const named = nameOf(names, connection.address);
    return (
      <div className="wallet" aria-label="Wallet">
        <span data-testid="connected-account">
          Connected: <code title={connection.address}>{shortAddress(connection.address)}</code>
          {named !== undefined ? ` — ${named}` : ""}
        </span>
        {wrong && (
          <>
            <span role="alert" className="error">
              Wrong network: the wallet is on chain {connection.chainId}; switch to {chain.id} ({chain.name}).
            </span>
            <button type="button" onClick={() => void switchTo(chain.id)}>
              Switch to {chain.name}
            </button>
          </>
        )}
        <button type="button" onClick={() => disconnect()}>
          Disconnect
        </button>
        {error !== undefined && (
          <span role="alert" className="error">
            {error}
          </span>
        )}
      </div>
    );
  }
  if (connection.status === "reconnecting") {
    return (
      <div className="wallet" aria-label="Wallet">
        <span className="muted">Reconnecting the wallet…</span>
      </div>
    );
  }
  return (
    <div className="wallet" aria-label="Wallet">
      {choices.map((c, i) => (
        <button type="button" key={c.uid} disabled={isPending} onClick={() => void connectWith(i)}>
          Connect {c.id === "injected" ? "browser wallet" : c.name}
        </button>
      ))}
      {config.walletConnectProjectId !== "" && (
        <button type="button" onClick={() => void connectWalletConnect()}>
          Connect with WalletConnect
        </button>
      )}
      {choices.length === 0 && config.walletConnectProjectId === "" && (
        <span role="alert" className="error">
          No wallet found: install a browser wallet (MetaMask, Kaia Wallet, Rabby) to act; reading works without one.
        </span>
      )}
      {error !== undefined && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </div>
  );
}
