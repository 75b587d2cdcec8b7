/**
 * The portal's build. It is a static site (`vite build` → dist/) with relative asset paths, so it can be hosted
 * under any path. Build-time configuration comes from VITE_* variables (see src/config.ts); a `config.json` placed
 * beside the built index.html overrides them at run time, so one build serves any deployment.
 *
 * VITE_DEPLOYMENT_FILE (or, by default, ../deploy/deployments/chain-<VITE_CHAIN_ID>/deployed_addresses.json when it
 * exists) is read here and compiled in as the default addresses.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv } from "vite";

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, import.meta.dirname, "VITE_");
  const chainId = env.VITE_CHAIN_ID ?? "31337";
  const file =
    env.VITE_DEPLOYMENT_FILE ??
    path.join(
      import.meta.dirname,
      "..",
      "deploy",
      "deployments",
      `chain-${chainId}`,
      "deployed_addresses.json",
    );
  const addresses: unknown = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  return {
    base: "./",
    plugins: [react()],
    define: { __BUILD_ADDRESSES__: JSON.stringify(addresses) },
    build: { target: "es2022", sourcemap: false, chunkSizeWarningLimit: 600 },
    server: { host: "127.0.0.1" },
    preview: { host: "127.0.0.1" },
  };
});
