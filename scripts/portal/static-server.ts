/**
 * A tiny static server for the portal's build on 127.0.0.1: files from `root`, `config.json` from memory (the
 * runtime configuration: RPC URL, chain id, addresses), index.html for any other path. No caching, so a rebuilt
 * portal shows at the next reload.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { closeServer, listen } from "./rpc-server.js";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export interface StaticServer {
  url: string;
  port: number;
  /** Replaces the served config.json. */
  setConfig(config: object): void;
  close(): Promise<void>;
}

/** Serves `root` (the portal's dist/) with `config` as /config.json. */
export async function startStaticServer(
  root: string,
  config: object,
  host = "127.0.0.1",
  port = 0,
): Promise<StaticServer> {
  let configText = JSON.stringify(config, null, 2);
  const base = path.resolve(root);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, headers);
      res.end();
      return;
    }
    if (url.pathname === "/config.json") {
      res.writeHead(200, { ...headers, "Content-Type": MIME[".json"] });
      res.end(configText);
      return;
    }
    let file = path.join(base, decodeURIComponent(url.pathname));
    if (!file.startsWith(base)) {
      res.writeHead(403, headers);
      res.end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) {
      const ext = path.extname(url.pathname);
      if (ext !== "" && ext !== ".html") {
        res.writeHead(404, { ...headers, "Content-Type": MIME[".txt"] });
        res.end("not found");
        return;
      }
      file = path.join(base, "index.html");
    }
    res.writeHead(200, {
      ...headers,
      "Content-Type": MIME[path.extname(file)] ?? "application/octet-stream",
      "Content-Length": statSync(file).size,
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  await listen(server, host, port);
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    setConfig(next) {
      configText = JSON.stringify(next, null, 2);
    },
    close: () => closeServer(server),
  };
}
