/**
 * WalletConnect, loaded on demand. wagmi's connector and its SDK (the optional peer `@walletconnect/ethereum-provider`)
 * are separate chunks that the first load never fetches: the wallet bar starts loading them when the pointer or the
 * focus reaches "Connect with WalletConnect", and the click waits for them. Loading makes no network call; connecting
 * does (the WalletConnect relay, on the internet).
 */
import type { CreateConnectorFn } from "wagmi";

let loading: Promise<(projectId: string) => CreateConnectorFn> | undefined;

/** Loads the connector and its SDK (once); resolves to a factory of the WalletConnect connector. */
export function loadWalletConnect(): Promise<(projectId: string) => CreateConnectorFn> {
  loading ??= Promise.all([import("wagmi/connectors"), import("@walletconnect/ethereum-provider")]).then(
    ([{ walletConnect }, sdk]) => {
      if (typeof sdk.EthereumProvider?.init !== "function")
        throw new Error("the WalletConnect SDK did not load");
      return (projectId: string) => walletConnect({ projectId, showQrModal: true });
    },
  );
  // A failed load may be retried (a chunk that did not arrive).
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
