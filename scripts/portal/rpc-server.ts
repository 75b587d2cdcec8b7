/**
 * A local JSON-RPC endpoint over HTTP for an in-process Hardhat network: what `npm start` and the browser tests hand
 * to the portal and to wallets. It forwards each request (single or batch) to the connection's EIP-1193 provider,
 * answers CORS preflights (the portal is served from another port), and counts requests by method, which the
 * performance script reports.
 */
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the server forwards to: an EIP-1193 provider (Hardhat's network connection provider). */
export interface Eip1193 {
  request(args: { method: string; params?: unknown[] | object }): Promise<unknown>;
}

interface JsonRpcRequest {
  jsonrpc?: string;
  id?: number | string | null;
  method?: unknown;
  params?: unknown[] | object;
}

/** Requests counted since the last reset: HTTP posts, JSON-RPC calls, and calls by method. */
export interface RpcStats {
  posts: number;
  calls: number;
  byMethod: Record<string, number>;
}

export interface RpcServer {
  url: string;
  port: number;
  stats: RpcStats;
  resetStats(): void;
  close(): Promise<void>;
}

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, GET, OPTIONS",
  "Access-Control-Allow-Headers": "*",
  "Access-Control-Max-Age": "600",
};

/** Revert data in a provider error: a hex string, directly or one level down. */
function revertHex(data: unknown): string | undefined {
  if (typeof data === "string" && data.startsWith("0x")) return data;
  if (typeof data === "object" && data !== null && "data" in data) return revertHex(data.data);
  return undefined;
}

/**
 * The JSON-RPC error object for a failed provider call. A revert (code 3) carries the raw revert data, as geth and
 * `hardhat node` send it, so that viem and ethers decode the custom error; other errors keep the data they have.
 */
export function errorObject(error: unknown): { code: number; message: string; data?: unknown } {
  const e = error as { code?: unknown; message?: unknown; data?: unknown };
  const code = typeof e.code === "number" ? e.code : -32603;
  const message = typeof e.message === "string" ? e.message : String(error);
  const hex = revertHex(e.data);
  if (code === 3 || hex !== undefined)
    return hex === undefined ? { code, message } : { code, message, data: hex };
  return e.data === undefined ? { code, message } : { code, message, data: e.data };
}

async function answer(provider: Eip1193, stats: RpcStats, request: JsonRpcRequest): Promise<object> {
  const id = request.id ?? null;
  if (typeof request.method !== "string") {
    return { jsonrpc: "2.0", id, error: { code: -32600, message: "invalid request: no method" } };
  }
  stats.calls++;
  stats.byMethod[request.method] = (stats.byMethod[request.method] ?? 0) + 1;
  try {
    const result = await provider.request({ method: request.method, params: request.params ?? [] });
    return { jsonrpc: "2.0", id, result: result ?? null };
  } catch (error) {
    return { jsonrpc: "2.0", id, error: errorObject(error) };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...CORS, "Content-Type": "application/json" });
  res.end(
    JSON.stringify(body, (_key, value: unknown) =>
      typeof value === "bigint" ? `0x${value.toString(16)}` : value,
    ),
  );
}

/** Listens on `host:port` (port 0: any free port) and forwards JSON-RPC to `provider`. */
export async function startRpcServer(provider: Eip1193, host = "127.0.0.1", port = 0): Promise<RpcServer> {
  const stats: RpcStats = { posts: 0, calls: 0, byMethod: {} };
  const server: Server = createServer((req, res) => {
    if (req.method === "OPTIONS") {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    if (req.method !== "POST") {
      send(res, 405, { jsonrpc: "2.0", id: null, error: { code: -32600, message: "POST JSON-RPC here" } });
      return;
    }
    stats.posts++;
    readBody(req)
      .then(async (text) => {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          send(res, 400, { jsonrpc: "2.0", id: null, error: { code: -32700, message: "parse error" } });
          return;
        }
        const result = Array.isArray(body)
          ? await Promise.all(body.map((r) => answer(provider, stats, r as JsonRpcRequest)))
          : await answer(provider, stats, body as JsonRpcRequest);
        send(res, 200, result);
      })
      .catch((error: unknown) => send(res, 500, { jsonrpc: "2.0", id: null, error: errorObject(error) }));
  });
  await listen(server, host, port);
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    stats,
    resetStats() {
      stats.posts = 0;
      stats.calls = 0;
      stats.byMethod = {};
    },
    close: () => closeServer(server),
  };
}

/** Listens on `port`; when it is taken, on any free port (ports are preferences: default to free ones). */
export function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE" && port !== 0 && process.env.PORTAL_STRICT_PORTS !== "1") {
        server.listen(0, host, () => resolve());
      } else {
        reject(error);
      }
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

/** Closes a server and every open keep-alive connection. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
