/**
 * `npm start`: the newcomer's one command. Starts a local chain, deploys the system with the Ignition module, seeds a
 * realistic council (scripts/portal/seed.ts), builds the portal and serves it on 127.0.0.1, prints the URL and the
 * test accounts, and stops cleanly on Ctrl-C.
 *
 * Ports: PORTAL_PORT (default 5173) and PORTAL_RPC_PORT (default 8545); a taken port falls back to a free one
 * (PORTAL_STRICT_PORTS=1 refuses instead). When the RPC is on 8545, the deployment is also written where the CLI
 * looks for `--network localhost`, so `npx hardhat council status --network localhost` reads the same council.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { HDNodeWallet } from "ethers";
import hre from "hardhat";

import { defaultDeploymentFile } from "../ops/deployment.js";
import { COMMUNITY_CONTRACT_KEYS, CONTRACT_KEYS, communityFutureId, futureId } from "../ops/system.js";
import { TEST_MNEMONIC } from "./local-chain.js";
import { startLocalPortal } from "./portal.js";
import type { LocalPortal } from "./portal.js";
import { SEED_ACCOUNT } from "./seed.js";

function port(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name}=${text} is not a port number`);
  return n;
}

const started = Date.now();
let portal: LocalPortal;
try {
  portal = await startLocalPortal(
    hre,
    { port: port("PORTAL_RPC_PORT", 8545), webPort: port("PORTAL_PORT", 5173) },
    (line) => console.log(`  ${line}`),
  );
} catch (error) {
  console.error(`Error: ${(error as Error).message}`);
  process.exit(1);
}
const { seeded, chain, web } = portal;

if (chain.rpc.port === 8545) {
  const file = defaultDeploymentFile(hre.config.paths.root, BigInt(chain.chainId));
  mkdirSync(path.dirname(file), { recursive: true });
  const json = {
    ...Object.fromEntries(CONTRACT_KEYS.map((k) => [futureId(k), seeded.addresses[k]])),
    ...Object.fromEntries(COMMUNITY_CONTRACT_KEYS.map((k) => [communityFutureId(k), seeded.addresses[k]])),
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

const key = (index: number) => HDNodeWallet.fromPhrase(TEST_MNEMONIC, undefined, `m/44'/60'/0'/0/${index}`);
const rows: [string, number][] = [
  ["secretariat", SEED_ACCOUNT.secretariat],
  ["guardian (governor and reserve)", SEED_ACCOUNT.guardian],
  ...seeded.members.map((m, i): [string, number] => [
    `member ${m.id} ${m.name}: voter`,
    i < 7 ? SEED_ACCOUNT.firstVoter + i : SEED_ACCOUNT.admittedVoter,
  ]),
  [`member 1 ${seeded.members[0].name}: admin (stake)`, SEED_ACCOUNT.firstAdmin],
  [`candidate ${seeded.candidate.id} ${seeded.candidate.name}: admin`, SEED_ACCOUNT.candidateAdmin],
  ["grant recipient", SEED_ACCOUNT.grantee],
  ["no role (try applying as a candidate)", SEED_ACCOUNT.firstFree],
];

const lines = [
  "",
  `The governance portal is running: ${web.url}`,
  "",
  `  chain      ${chain.rpc.url}  (chain id ${chain.chainId}, currency KAIA; a local Hardhat node)`,
  `  council    ${seeded.members.length} members, candidate "${seeded.candidate.name}", a motion in every state, a budget and a grant`,
  `  clock      the chain's time is pinned to ${new Date(Number(seeded.endTime) * 1000).toISOString().slice(0, 10)} (not today)`,
  `  ready in   ${((Date.now() - started) / 1000).toFixed(1)} s`,
  "",
  "Test accounts (public keys of Hardhat's test mnemonic: never use them on a real network):",
  ...rows.map(([role, i]) => {
    const wallet = key(i);
    return `  #${String(i).padEnd(2)} ${wallet.address}  ${wallet.privateKey}  ${role}`;
  }),
  `  mnemonic: "${TEST_MNEMONIC}" (accounts 0–29, 1,000,000,000 KAIA each)`,
  "",
  "To act from a browser wallet (MetaMask, Rabby, Kaia Wallet):",
  `  1. add a network: RPC URL ${chain.rpc.url}, chain id ${chain.chainId}, currency symbol KAIA;`,
  "  2. import an account with one of the private keys above (e.g. member 1's voter to vote);",
  `  3. open ${web.url} and press "Connect". After a restart, reset the account's activity in the wallet (nonces).`,
  chain.rpc.port === 8545
    ? "The CLI reads the same council: npx hardhat council status --network localhost"
    : "",
  "Press Ctrl-C to stop.",
];
console.log(lines.filter((l, i, all) => !(l === "" && all[i - 1] === "")).join("\n"));

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the portal and the chain…`);
  await portal.close();
  process.exit(0);
}
process.once("SIGINT", () => void stop("SIGINT"));
process.once("SIGTERM", () => void stop("SIGTERM"));
// Keep running until a signal arrives.
await new Promise<never>(() => undefined);
