/**
 * Building the portal (the `portal` workspace: `vite build` into portal/dist/) when its sources are newer than the
 * build, so `npm start` and the browser tests always serve the current app without rebuilding every time.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PORTAL_DIR = fileURLToPath(new URL("../../portal/", import.meta.url));
export const PORTAL_DIST = path.join(PORTAL_DIR, "dist");

/** Newest modification time of the portal's sources (everything but dist/ and node_modules/). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "dist" || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Whether portal/dist/ is missing or older than a source file. */
export function portalBuildIsStale(): boolean {
  const index = path.join(PORTAL_DIST, "index.html");
  if (!existsSync(index)) return true;
  return newestSource(PORTAL_DIR) > statSync(index).mtimeMs;
}

/**
 * Runs the workspace's build (`npm run build -w portal`) when the build is stale (or always with `force`), printing
 * its output through `print`. PORTAL_SKIP_BUILD=1 serves the existing build as it is.
 */
export async function buildPortal(print: (line: string) => void, force = false): Promise<void> {
  if (process.env.PORTAL_SKIP_BUILD === "1" && existsSync(path.join(PORTAL_DIST, "index.html"))) return;
  if (!force && !portalBuildIsStale()) return;
  const root = path.join(PORTAL_DIR, "..");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  await new Promise<void>((resolve, reject) => {
    const child = spawn(npm, ["run", "build", "--workspace", "portal"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) {
        output
          .split("\n")
          .filter((line) => /built in|dist\//.test(line))
          .forEach((line) => print(line.trim()));
        resolve();
      } else {
        reject(new Error(`the portal's build failed (npm run build -w portal, exit ${code}):\n${output}`));
      }
    });
  });
}
