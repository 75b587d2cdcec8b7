/**
 * The injected test wallet: an EIP-1193 provider put into the page before any of its scripts run, announced through
 * EIP-6963 and set as `window.ethereum`, and backed by the local node's unlocked accounts.
 *
 * It keeps a wallet's state on the Node side, per page (and across reloads, as a wallet remembers a site):
 * - no accounts until the page asks (`eth_requestAccounts` or `wallet_requestPermissions`); `eth_accounts` is `[]`
 *   until then and after `wallet_revokePermissions`;
 * - one selected account (`useAccount`), one current chain (`setChainId`), the chains it knows (the node's; more
 *   through `wallet_addEthereumChain`); `accountsChanged`, `chainChanged`, `connect` events reach the page;
 * - rejection: `rejectNext()` / `setRejecting(true)` make the next (or every) approval fail with EIP-1193 4001;
 * - signing (`personal_sign`, `eth_signTypedData_v4`) and sending (`eth_sendTransaction`) are done by the node's
 *   unlocked account; every other call is forwarded to the node.
 */
import type { Page } from "playwright-core";

import { errorObject } from "../../../scripts/portal/rpc-server.js";
import type { Eip1193 } from "../../../scripts/portal/rpc-server.js";

/** What the page sees of the wallet (EIP-6963 `info`). */
export const WALLET_INFO = {
  name: "GC Test Wallet",
  rdns: "org.gc-governance.test-wallet",
  uuid: "6f1c2a1e-3b1d-4c55-9a0e-7a1f0c0ffee1",
  icon:
    "data:image/svg+xml;base64," +
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d4ed8"/><text x="16" y="22" font-size="16" text-anchor="middle" fill="#fff">W</text></svg>',
    ).toString("base64"),
} as const;

/** An EIP-1193 error, as the page receives it. */
export interface WalletError {
  code: number;
  message: string;
  data?: unknown;
}

type Reply = { result: unknown } | { error: WalletError };

/** Methods that ask the user (and so can be rejected with 4001). */
const APPROVALS = new Set([
  "eth_requestAccounts",
  "wallet_requestPermissions",
  "wallet_switchEthereumChain",
  "wallet_addEthereumChain",
  "eth_sendTransaction",
  "personal_sign",
  "eth_sign",
  "eth_signTypedData_v4",
]);

/** Methods that need the site to be connected and act for the selected account. */
const ACCOUNT_METHODS = new Set(["eth_sendTransaction", "personal_sign", "eth_sign", "eth_signTypedData_v4"]);

const hex = (n: number) => `0x${n.toString(16)}`;

export interface TestWalletOptions {
  /** The node that backs the wallet. */
  node: Eip1193;
  /** The node's chain id: the wallet starts on it unless `chainId` says otherwise. */
  nodeChainId: number;
  /** The selected account (one of the node's unlocked accounts). */
  account: string;
  /** The chain the wallet is on at first (a "wrong network" wallet). */
  chainId?: number;
  /** Whether the site is already connected (as a wallet that remembers it). */
  connected?: boolean;
}

/** A wallet installed in a page; the test's handle on it. */
export class TestWallet {
  /** Every method the page called, in order. */
  readonly calls: string[] = [];
  private account: string;
  private chainId: number;
  private connected: boolean;
  private rejectCount = 0;
  private rejectAll = false;
  private readonly chains: Set<number>;
  private beforeSend: (() => Promise<void>) | undefined;

  constructor(
    private readonly page: Page,
    private readonly options: TestWalletOptions,
  ) {
    this.account = options.account;
    this.chainId = options.chainId ?? options.nodeChainId;
    this.connected = options.connected === true;
    this.chains = new Set([options.nodeChainId, this.chainId]);
  }

  /** The account the wallet acts for. */
  get selected(): string {
    return this.account;
  }

  /** Whether the site is connected. */
  get isConnected(): boolean {
    return this.connected;
  }

  /** The chain the wallet is on. */
  get currentChainId(): number {
    return this.chainId;
  }

  /** Selects another account; a connected page receives `accountsChanged`. */
  async useAccount(address: string): Promise<void> {
    this.account = address;
    if (this.connected) await this.emit("accountsChanged", [address]);
  }

  /** Moves the wallet to another chain (as the user would in the wallet); the page receives `chainChanged`. */
  async setChainId(chainId: number): Promise<void> {
    this.chainId = chainId;
    this.chains.add(chainId);
    await this.emit("chainChanged", hex(chainId));
  }

  /** The next `count` approvals (connect, switch, sign, send) are rejected by "the user" with 4001. */
  rejectNext(count = 1): void {
    this.rejectCount += count;
  }

  /**
   * Runs `step` when the page next sends a transaction, after the user approved it and before the node receives it:
   * the chain changes between the page's checks and the transaction (another device voted, a ballot was relayed).
   */
  beforeNextSend(step: () => Promise<void>): void {
    this.beforeSend = step;
  }

  /** Every approval is rejected (true) or approved (false). */
  setRejecting(rejecting: boolean): void {
    this.rejectAll = rejecting;
  }

  /** Answers one request from the page. */
  async handle(method: string, params: unknown[]): Promise<Reply> {
    this.calls.push(method);
    try {
      return { result: await this.answer(method, params) };
    } catch (error) {
      return { error: errorObject(error) };
    }
  }

  private async answer(method: string, params: unknown[]): Promise<unknown> {
    if (APPROVALS.has(method) && (this.rejectAll || this.rejectCount > 0)) {
      if (this.rejectCount > 0) this.rejectCount--;
      throw walletError(4001, "User rejected the request.");
    }
    if (ACCOUNT_METHODS.has(method)) {
      if (!this.connected)
        throw walletError(4100, "The requested account has not been authorized by the user.");
      const from = accountOf(method, params);
      if (from !== undefined && from.toLowerCase() !== this.account.toLowerCase()) {
        throw walletError(4100, `The wallet's account is ${this.account}, not ${from}.`);
      }
      if (this.chainId !== this.options.nodeChainId) {
        throw walletError(-32603, `The test wallet has no node for chain ${this.chainId}.`);
      }
      const step = method === "eth_sendTransaction" ? this.beforeSend : undefined;
      if (step !== undefined) {
        this.beforeSend = undefined;
        await step();
      }
      return this.options.node.request({ method, params });
    }
    switch (method) {
      case "eth_requestAccounts":
        return this.connect();
      case "eth_accounts":
        return this.connected ? [this.account] : [];
      case "eth_coinbase":
        return this.connected ? this.account : null;
      case "eth_chainId":
        return hex(this.chainId);
      case "net_version":
        return String(this.chainId);
      case "wallet_requestPermissions":
        await this.connect();
        return [{ parentCapability: "eth_accounts", caveats: [] }];
      case "wallet_getPermissions":
        return this.connected ? [{ parentCapability: "eth_accounts", caveats: [] }] : [];
      case "wallet_revokePermissions":
        this.connected = false;
        await this.emit("accountsChanged", []);
        return null;
      case "wallet_switchEthereumChain": {
        const chainId = chainIdParam(params);
        if (!this.chains.has(chainId)) throw walletError(4902, `Unrecognized chain ID ${hex(chainId)}.`);
        if (chainId !== this.chainId) await this.setChainId(chainId);
        return null;
      }
      case "wallet_addEthereumChain": {
        const chainId = chainIdParam(params);
        this.chains.add(chainId);
        if (chainId !== this.chainId) await this.setChainId(chainId);
        return null;
      }
      default:
        return this.options.node.request({ method, params });
    }
  }

  private async connect(): Promise<string[]> {
    if (!this.connected) {
      this.connected = true;
      await this.emit("accountsChanged", [this.account]);
    }
    return [this.account];
  }

  private async emit(event: string, payload: unknown): Promise<void> {
    if (this.page.isClosed()) return;
    await this.page
      .evaluate(([e, p]) => (globalThis as unknown as PageGlobals).__gcWalletEmit?.(e, p), [
        event,
        payload,
      ] as const)
      .catch(() => undefined);
  }
}

function walletError(code: number, message: string): WalletError {
  return { code, message };
}

/** The account a signing or sending request names. */
function accountOf(method: string, params: unknown[]): string | undefined {
  if (method === "eth_sendTransaction") return (params[0] as { from?: string } | undefined)?.from;
  if (method === "personal_sign") return typeof params[1] === "string" ? params[1] : undefined;
  return typeof params[0] === "string" ? params[0] : undefined;
}

function chainIdParam(params: unknown[]): number {
  const raw = (params[0] as { chainId?: string } | undefined)?.chainId;
  if (typeof raw !== "string") throw walletError(-32602, "Expected [{ chainId }].");
  return Number(BigInt(raw));
}

/** What the init script adds to the page's global object. */
interface PageGlobals {
  __gcWalletEmit?: (event: string, payload: unknown) => void;
}

/**
 * The page side, run by `page.addInitScript` before the page's scripts: an EIP-1193 provider whose requests go to
 * `__gcWalletRequest` (exposed by Playwright), with events, announced through EIP-6963 (and again on every
 * `eip6963:requestProvider`) and set as window.ethereum. Plain JavaScript text: a transpiled function's text may
 * carry the transpiler's helpers, which do not exist in the page.
 */
const PAGE_SCRIPT = `(() => {
  const info = Object.freeze(INFO);
  const listeners = new Map();
  const provider = {
    isGcTestWallet: true,
    async request(args) {
      const params = Array.isArray(args.params) ? args.params : args.params === undefined ? [] : [args.params];
      if (typeof window.__gcWalletRequest !== "function") {
        throw Object.assign(new Error("The wallet is not ready."), { code: -32603 });
      }
      const reply = await window.__gcWalletRequest(args.method, params);
      if ("error" in reply) {
        throw Object.assign(new Error(reply.error.message), { code: reply.error.code, data: reply.error.data });
      }
      return reply.result;
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return provider;
    },
    removeListener(event, listener) {
      const set = listeners.get(event);
      if (set !== undefined) set.delete(listener);
      return provider;
    },
  };
  window.__gcWalletEmit = (event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  window.ethereum = provider;
  const announce = () =>
    window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
})();`;

/** Installs the test wallet in `page` (call before the first navigation). */
export async function installWallet(page: Page, options: TestWalletOptions): Promise<TestWallet> {
  const wallet = new TestWallet(page, options);
  await page.exposeFunction("__gcWalletRequest", (method: string, params: unknown[]) =>
    wallet.handle(method, params),
  );
  await page.addInitScript({ content: PAGE_SCRIPT.replace("INFO", JSON.stringify(WALLET_INFO)) });
  return wallet;
}
