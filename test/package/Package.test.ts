/**
 * The typed-bindings package (docs/integrator-guide.md), end to end as an integrator gets it: built by
 * scripts/package/build.ts from a fake deployments directory, packed with `npm pack`, installed from the tarball into
 * an empty TypeScript project, where a consumer that imports a factory, an ABI and an address type-checks and runs,
 * consumers with mistakes do not type-check, the ethers-free `/abis` subpath loads without ethers, and the integrator
 * guide's write example (propose, vote, queue, execute) runs against a local chain served over HTTP.
 *
 * Needs the compiled contracts and bindings (`hardhat test` builds them first). ethers is installed into the
 * consumer project from the npm cache (`--prefer-offline`, at the version the repository installed), so the test
 * needs no network once the repository's own `npm install` has run.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { expect } from "chai";
import hre from "hardhat";
import type { EthereumProvider } from "hardhat/types/providers";

import CouncilGovernance from "../../deploy/modules/CouncilGovernance.js";
import { CONTRACT_KEYS, DEPLOYED_CONTRACTS, MODULE_ID } from "../../scripts/ops/system.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BUILD_SCRIPT = path.join(ROOT, "scripts", "package", "build.ts");
const require = createRequire(import.meta.url);
const TSC = require.resolve("typescript/bin/tsc");
const ETHERS_VERSION = (
  JSON.parse(readFileSync(path.join(ROOT, "node_modules", "ethers", "package.json"), "utf8")) as {
    version: string;
  }
).version;
const ROOT_VERSION = (
  JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }
).version;

/** The fake deployment on the local chain, written in lower case: the package must checksum the addresses. */
const LOCAL = {
  registry: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
  vault: "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512",
  governor: "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0",
  lens: "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9",
  policy: "0xdc64a140aa3e981100a9beca4e685f962f0cf6c9",
  reserve: "0x5fc8d32690cc91d4c39d9d3abcbd16989f875707",
  timelock: "0x0165878a594ca255338adfa4d48449f69242eb8f",
} as const;
const CHECKSUMMED_GOVERNOR = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";

/** Ignition's deployed_addresses.json for `addresses` (plus one future the package does not use). */
function ignitionFile(addresses: Record<string, string>): string {
  const json: Record<string, string> = { [`${MODULE_ID}#Unused`]: "0x" + "ee".repeat(20) };
  for (const key of CONTRACT_KEYS) {
    if (addresses[key] !== undefined) json[`${MODULE_ID}#${DEPLOYED_CONTRACTS[key]}`] = addresses[key];
  }
  return JSON.stringify(json, null, 2);
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** This process's environment without npm's own settings (prefix, engine-strict, …), for the commands it runs. */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("npm_") || name === "npm_config_cache"),
  );
}

/** Runs a command to its end; npm's own environment (prefix, engine-strict, …) is not passed on. */
function run(command: string, args: string[], cwd: string): Run {
  const result = spawnSync(command, args, { cwd, env: childEnv(), encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command without blocking this process (which may be serving the chain the command talks to). */
function runAsync(
  command: string,
  args: string[],
  cwd: string,
  extraEnv: Record<string, string>,
): Promise<Run> {
  const env = { ...childEnv(), ...extraEnv };
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Serves an in-process chain's provider as JSON-RPC over HTTP on a free local port. */
async function serveOverHttp(
  provider: EthereumProvider,
): Promise<{ url: string; close: () => Promise<void> }> {
  interface Call {
    id: unknown;
    method: string;
    params?: unknown[];
  }
  const answer = async (call: Call) => {
    try {
      return { jsonrpc: "2.0", id: call.id, result: await provider.request(call) };
    } catch (error) {
      const { message, data } = error as { message: string; data?: unknown };
      return { jsonrpc: "2.0", id: call.id, error: { code: -32000, message, data } };
    }
  };
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const calls = JSON.parse(body) as Call | Call[];
      void (Array.isArray(calls) ? Promise.all(calls.map(answer)) : answer(calls)).then((reply) => {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify(reply));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The ```ts blocks of a Markdown section (from its heading to the next heading of the same level). */
function tsBlocks(file: string, heading: string): string[] {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(`\n${heading}\n`);
  expect(start, `${file} has no section "${heading}"`).to.be.greaterThan(-1);
  const level = heading.slice(0, heading.indexOf(" ") + 1);
  const end = text.indexOf(`\n${level}`, start + heading.length + 1);
  const section = text.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/**
 * An empty ESM project at `dir` with `packages` installed from the npm cache (`--prefer-offline`), so the test needs
 * no network once the repository's own install has run.
 */
function installProject(dir: string, packages: string[], flags: string[] = []): void {
  mkdirSync(dir);
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: path.basename(dir), private: true, type: "module" }),
  );
  const install = ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", ...flags];
  succeed("npm", [...install, ...packages], dir);
}

/** Runs a command and fails the test with its output unless it exits with 0. */
function succeed(command: string, args: string[], cwd: string): string {
  const result = run(command, args, cwd);
  expect(result.status, `${command} ${args.join(" ")}\n${result.stdout}\n${result.stderr}`).to.equal(0);
  return result.stdout;
}

/**
 * Type-checks `file` in the consumer project (tsconfig.json's options). The first check also checks the package's
 * declarations (skipLibCheck off) and emits JavaScript into out/; later ones skip them, which is seconds faster.
 */
function typeCheck(dir: string, file: string, options: { emit: boolean; checkDeclarations: boolean }): Run {
  const config = `tsconfig.${path.basename(file, ".ts")}.json`;
  const compilerOptions = { noEmit: !options.emit, skipLibCheck: !options.checkDeclarations };
  writeFileSync(
    path.join(dir, config),
    JSON.stringify({ extends: "./tsconfig.json", compilerOptions, files: [file] }),
  );
  return run(process.execPath, [TSC, "-p", config], dir);
}

/** Uses the installed package the way an integrator would: factory, interface, typed and JSON ABIs, addresses. */
const CONSUMER = `
import { CouncilGovernor__factory, abis, addresses, addressesFor, deployedChainIds } from "@gc-governance/contracts";
import type { CouncilAddresses, CouncilGovernor } from "@gc-governance/contracts";
import { addressesFor as addressesOnly } from "@gc-governance/contracts/addresses";
import governorAbi from "@gc-governance/contracts/abi/CouncilGovernor.json" with { type: "json" };
import { Interface } from "ethers";

type GovernorEvent = Extract<(typeof abis.CouncilGovernor)[number], { type: "event" }>["name"];
const indexed: GovernorEvent[] = ["ProposalCreated", "VoteCast", "MotionClassified", "MembershipMotionProposed"];

const deployed: CouncilAddresses = addressesFor(31337n);
const governor: CouncilGovernor = CouncilGovernor__factory.connect(deployed.governor);
const calldata: string = governor.interface.encodeFunctionData("castVote", [7n, 1]);
let unknownChain = "";
try {
  addressesFor(1);
} catch (error) {
  unknownChain = (error as Error).message;
}
console.log(
  JSON.stringify({
    governor: await governor.getAddress(),
    kairosLens: addresses[1001].lens,
    chains: deployedChainIds,
    subpathGovernor: addressesOnly(31337).governor,
    castVoteSelector: governor.interface.getFunction("castVote").selector,
    calldata,
    typedAbiEntries: abis.CouncilGovernor.length,
    jsonAbiEntries: governorAbi.length,
    jsonTopic: new Interface(governorAbi).getEvent("ProposalCreated")?.topicHash,
    typedTopic: governor.interface.getEvent("ProposalCreated").topicHash,
    indexed,
    unknownChain,
  }),
);
`;

/** Mistakes the types must catch: a method the governor lacks, an event its ABI lacks, a typo in a key. */
const MISTAKES = `
import { CouncilGovernor__factory, abis, addressesFor } from "@gc-governance/contracts";

type GovernorEvent = Extract<(typeof abis.CouncilGovernor)[number], { type: "event" }>["name"];
const governor = CouncilGovernor__factory.connect(addressesFor(31337).governor);
await governor.noSuchMethod();
const event: GovernorEvent = "NoSuchEvent";
console.log(event, addressesFor(31337).governr);
`;

/**
 * Drives the integrator guide's write example (motion-lifecycle.ts) on a fresh deployment, moving the chain's clock
 * between the steps: members stake (a fresh deployment has no votes), the secretariat proposes a Constitutional
 * motion, the five voter accounts vote For, then anyone queues and executes it with the actions read back from
 * ProposalCreated.
 */
const WRITE_DRIVER = `
import { JsonRpcProvider } from "ethers";
import { CouncilGovernor__factory, CouncilRegistry__factory, StakeVault__factory } from "@gc-governance/contracts";
import type { CouncilAddresses } from "@gc-governance/contracts";
import { ProposalState } from "@gc-governance/contracts/abis";
import { VoteSupport, execute, motionById, previewClass, propose, queue, vote } from "./motion-lifecycle.js";

const provider = new JsonRpcProvider(process.env.RPC_URL);
const deployed = JSON.parse(process.env.GC_ADDRESSES ?? "{}") as CouncilAddresses;
const now = async (): Promise<bigint> => BigInt((await provider.getBlock("latest"))?.timestamp ?? 0);
const until = async (time: bigint): Promise<void> => {
  await provider.send("evm_setNextBlockTimestamp", [Number(time)]);
  await provider.send("evm_mine", []);
};

const vault = StakeVault__factory.connect(deployed.vault, provider);
const unit = await vault.stakeUnit();
for (let admin = 3; admin < 8; admin++) {
  const signer = await provider.getSigner(admin);
  await provider.send("hardhat_setBalance", [signer.address, "0x" + (2n * unit).toString(16)]);
  await (await vault.connect(signer).stake(unit, { value: unit })).wait();
}
await until((await now()) + 1n);

const governor = CouncilGovernor__factory.connect(deployed.governor, await provider.getSigner(1));
const registry = CouncilRegistry__factory.connect(deployed.registry, provider);
const actions = {
  targets: [deployed.registry],
  values: [0n],
  calldatas: [registry.interface.encodeFunctionData("setSponsorshipWindow", [21n * 86_400n])],
  description: "# Longer sponsorship window\\n\\nCandidates need more time to find a sponsor.",
};
const states: string[] = [];
const state = async (id: bigint) => states.push(ProposalState[Number(await governor.state(id))]);

const motionClass = await previewClass(deployed, provider, actions);
const motion = await propose(deployed, governor, actions);
await state(motion.id);
await until((await governor.proposalSnapshot(motion.id)) + 1n);
await state(motion.id);
for (let voter = 8; voter < 13; voter++) {
  await vote(governor.connect(await provider.getSigner(voter)), motion.id, VoteSupport.For);
}
const [memberQuorum, voteQuorum] = await governor.proposalQuorum(motion.id);
await until((await governor.proposalDeadline(motion.id)) + 1n);
await state(motion.id);

// Queue and execute as another process would: the actions read back from the ProposalCreated event.
const readBack = await motionById(deployed, provider, motion.id);
const anyone = governor.connect(await provider.getSigner(14));
const eta = await queue(anyone, readBack);
await state(motion.id);
await until(eta);
await execute(anyone, readBack);
await state(motion.id);

console.log(
  JSON.stringify({
    id: String(motion.id),
    motionClass,
    states,
    quorum: [String(memberQuorum), String(voteQuorum)],
    readBack: JSON.stringify(readBack, (_, v) => (typeof v === "bigint" ? String(v) : v)) ===
      JSON.stringify(motion, (_, v) => (typeof v === "bigint" ? String(v) : v)),
    sponsorshipWindow: String(await registry.sponsorshipWindow()),
  }),
);
`;

describe("@gc-governance/contracts (typed-bindings package)", function () {
  // Build (tsc over the bindings), pack, install from the npm cache and three type checks: 10 to 20 s.
  this.timeout(120_000);

  let work: string;
  let packDir: string;
  let consumer: string;
  let packedFiles: string[];
  let tarball: string;

  before(function () {
    work = mkdtempSync(path.join(tmpdir(), "gc-package-"));
    const deployments = path.join(work, "deployments");
    mkdirSync(path.join(deployments, "chain-31337"), { recursive: true });
    writeFileSync(path.join(deployments, "chain-31337", "deployed_addresses.json"), ignitionFile(LOCAL));
    mkdirSync(path.join(deployments, "chain-1001"), { recursive: true });
    const kairos = Object.fromEntries(
      Object.keys(LOCAL).map((key, i) => [key, `0x${(0x1001_0000 + i).toString(16).padStart(40, "0")}`]),
    );
    writeFileSync(path.join(deployments, "chain-1001", "deployed_addresses.json"), ignitionFile(kairos));

    packDir = path.join(work, "package");
    succeed(process.execPath, [BUILD_SCRIPT, "--deployments", deployments, "--out", packDir], ROOT);
    const [packed] = JSON.parse(
      succeed("npm", ["pack", packDir, "--json", "--ignore-scripts", "--pack-destination", work], work),
    ) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(work, packed.filename);
    packedFiles = packed.files.map((f) => f.path);

    consumer = path.join(work, "consumer");
    installProject(consumer, [tarball, `ethers@${ETHERS_VERSION}`]);
    writeFileSync(
      path.join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          target: "es2022",
          lib: ["es2023"],
          strict: true,
          resolveJsonModule: true,
          skipDefaultLibCheck: true,
          types: ["node"],
          outDir: "out",
        },
      }),
    );
  });

  after(function () {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it("packs the bindings, the ABIs, the README and the LICENSE, and no test mocks or benchmark contracts", function () {
    expect(packedFiles).to.include.members([
      "package.json",
      "README.md",
      "LICENSE",
      "index.js",
      "index.d.ts",
      "addresses.js",
      "addresses.d.ts",
      "abis.js",
      "abis.d.ts",
      "enums.js",
      "enums.d.ts",
      "abi/CouncilGovernor.json",
      "abi/TimelockController.json",
      "abi/ICouncilRegistry.json",
      "typechain/factories/contracts/governance/CouncilGovernor__factory.js",
      "typechain/factories/contracts/governance/CouncilGovernor__factory.d.ts",
    ]);
    expect(packedFiles.filter((f) => f.startsWith("abi/"))).to.have.lengthOf(22);
    expect(
      packedFiles.filter((f) => /Mock|Stock|Reentrant|SettableTarget|FeeOnTransfer/.test(f)),
    ).to.deep.equal([]);
    expect(packedFiles.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).to.deep.equal([]);
  });

  it("declares an ESM package with exports, types and ethers v6 as a peer dependency", function () {
    const manifest = JSON.parse(
      readFileSync(
        path.join(consumer, "node_modules", "@gc-governance", "contracts", "package.json"),
        "utf8",
      ),
    ) as Record<string, unknown>;
    expect(manifest).to.include({ name: "@gc-governance/contracts", version: ROOT_VERSION, type: "module" });
    expect(manifest.peerDependencies).to.deep.equal({ ethers: "^6" });
    expect(manifest.dependencies).to.equal(undefined);
    expect(manifest.exports).to.have.all.keys(".", "./abis", "./addresses", "./abi/*.json", "./package.json");
  });

  it("type-checks and runs a consumer that imports a factory, an ABI and an address", function () {
    writeFileSync(path.join(consumer, "consumer.ts"), CONSUMER);
    const checked = typeCheck(consumer, "consumer.ts", { emit: true, checkDeclarations: true });
    expect(checked.status, checked.stdout).to.equal(0);

    const out = JSON.parse(succeed(process.execPath, ["out/consumer.js"], consumer)) as Record<
      string,
      unknown
    >;
    expect(out.governor).to.equal(CHECKSUMMED_GOVERNOR);
    expect(out.subpathGovernor).to.equal(CHECKSUMMED_GOVERNOR);
    expect(out.kairosLens).to.equal("0x0000000000000000000000000000000010010003");
    expect(out.chains).to.deep.equal([1001, 31337]);
    expect(out.castVoteSelector).to.equal("0x56781388");
    expect(out.calldata).to.match(/^0x56781388/);
    expect(out.jsonAbiEntries).to.equal(out.typedAbiEntries).and.to.be.greaterThan(50);
    expect(out.jsonTopic)
      .to.equal(out.typedTopic)
      .and.to.match(/^0x[0-9a-f]{64}$/);
    expect(out.unknownChain).to.equal(
      "@gc-governance/contracts: no deployment on chain id 1 (this version knows chain ids: 1001, 31337); " +
        "check the network, or update the package.",
    );
  });

  it("type-checks the usage example of the package's README", function () {
    const readme = readFileSync(
      path.join(consumer, "node_modules", "@gc-governance", "contracts", "README.md"),
      "utf8",
    );
    const example = /```ts\n([\s\S]*?)```/.exec(readme);
    expect(example, "the README has no ```ts example").to.not.equal(null);
    writeFileSync(path.join(consumer, "readme-example.ts"), example?.[1] ?? "");
    const checked = typeCheck(consumer, "readme-example.ts", { emit: false, checkDeclarations: false });
    expect(checked.status, checked.stdout).to.equal(0);
  });

  it("serves the ABIs and the enums from /abis to a project without ethers", function () {
    const viemLike = path.join(work, "no-ethers");
    // --legacy-peer-deps: npm would otherwise install the ethers peer dependency by itself.
    installProject(viemLike, [tarball], ["--legacy-peer-deps"]);
    const script =
      'const m = await import("@gc-governance/contracts/abis");' +
      "console.log(JSON.stringify({ names: m.MOTION_CLASS_NAMES, noConfidence: m.MotionClass.NoConfidence," +
      " executed: m.ProposalState[7], abstain: m.VoteSupport.Abstain, membersOnly: m.ProposerRule.MembersOnly," +
      " ended: m.BudgetStatus.Ended, entries: m.councilGovernorAbi.length, same: m.abis.CouncilGovernor === m.councilGovernorAbi }));";
    const out = JSON.parse(
      succeed(process.execPath, ["--input-type=module", "-e", script], viemLike),
    ) as Record<string, unknown>;
    expect(out).to.deep.include({
      names: ["Standard", "Treasury", "Constitutional", "Admission", "No-confidence"],
      noConfidence: 4,
      executed: "Executed",
      abstain: 2,
      membersOnly: 2,
      ended: 2,
      same: true,
    });
    expect(out.entries).to.be.greaterThan(50);
    // The main entry point does need ethers: without it, it does not load.
    const main = run(
      process.execPath,
      ["--input-type=module", "-e", 'await import("@gc-governance/contracts")'],
      viemLike,
    );
    expect(main.status).to.not.equal(0);
    expect(main.stderr).to.match(/Cannot find package 'ethers'/);
  });

  it("runs the README's example on a chain the package has no deployment on: it says so", async function () {
    const readme = readFileSync(
      path.join(consumer, "node_modules", "@gc-governance", "contracts", "README.md"),
      "utf8",
    );
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    const kaia = await hre.network.create({ override: { chainId: 8217 } });
    const served = await serveOverHttp(kaia.provider);
    try {
      writeFileSync(
        path.join(consumer, "readme-run.ts"),
        example.replace("https://public-en-kairos.node.kaia.io", served.url),
      );
      const checked = typeCheck(consumer, "readme-run.ts", { emit: true, checkDeclarations: false });
      expect(checked.status, checked.stdout).to.equal(0);
      const result = await runAsync(process.execPath, ["out/readme-run.js"], consumer, {});
      expect(result.stderr).to.equal("");
      expect(result.status).to.equal(0);
      expect(result.stdout.trim()).to.equal(
        "This version of @gc-governance/contracts has no deployment on chain 8217 (it has: 1001, 31337). " +
          "Update the package, or pass the addresses of your own deployment to the factories.",
      );
    } finally {
      await served.close();
      await kaia.close();
    }
  });

  it("runs the integrator guide's write example: propose, vote, queue and execute a motion", async function () {
    const [lifecycle, usage] = tsBlocks(
      path.join(ROOT, "docs", "integrator-guide.md"),
      "## Write: propose, vote, queue, execute",
    );
    writeFileSync(path.join(consumer, "motion-lifecycle.ts"), lifecycle);
    writeFileSync(path.join(consumer, "motion-usage.ts"), usage);
    writeFileSync(path.join(consumer, "motion-driver.ts"), WRITE_DRIVER);
    for (const file of ["motion-usage.ts", "motion-driver.ts"]) {
      const checked = typeCheck(consumer, file, {
        emit: file === "motion-driver.ts",
        checkDeclarations: false,
      });
      expect(checked.status, checked.stdout).to.equal(0);
    }

    const chain = await hre.network.create();
    const served = await serveOverHttp(chain.provider);
    try {
      const parameters = path.join(ROOT, "deploy", "parameters", "hardhat.json");
      const d = await chain.ignition.deploy(CouncilGovernance, { parameters });
      const deployed = Object.fromEntries(
        await Promise.all(CONTRACT_KEYS.map(async (key) => [key, await d[key].getAddress()])),
      );
      const result = await runAsync(process.execPath, ["out/motion-driver.js"], consumer, {
        RPC_URL: served.url,
        GC_ADDRESSES: JSON.stringify(deployed),
      });
      expect(result.status, result.stderr).to.equal(0);
      expect(JSON.parse(result.stdout)).to.deep.equal({
        id: "1",
        motionClass: "Constitutional",
        states: ["Pending", "Active", "Succeeded", "Queued", "Executed"],
        quorum: ["3", "3"],
        readBack: true,
        sponsorshipWindow: String(21 * 86_400),
      });
    } finally {
      await served.close();
      await chain.close();
    }
  });

  it("rejects a consumer that calls a method, names an event or reads an address the package lacks", function () {
    writeFileSync(path.join(consumer, "mistakes.ts"), MISTAKES);
    const checked = typeCheck(consumer, "mistakes.ts", { emit: false, checkDeclarations: false });
    expect(checked.status).to.not.equal(0);
    expect(checked.stdout).to.match(
      /mistakes\.ts\(6,\d+\): error TS2339: Property 'noSuchMethod' does not exist/,
    );
    expect(checked.stdout).to.match(/mistakes\.ts\(7,\d+\): error TS2322: Type '"NoSuchEvent"'/);
    expect(checked.stdout).to.match(/mistakes\.ts\(8,\d+\): error TS2551: Property 'governr' does not exist/);
    expect(checked.stdout.match(/error TS/g)).to.have.lengthOf(3);
  });

  it("stops with a one-line error when a deployment lacks a contract", function () {
    const broken = path.join(work, "broken");
    mkdirSync(path.join(broken, "chain-8217"), { recursive: true });
    const { lens: _lens, ...withoutLens } = LOCAL;
    writeFileSync(path.join(broken, "chain-8217", "deployed_addresses.json"), ignitionFile(withoutLens));
    const result = run(
      process.execPath,
      [BUILD_SCRIPT, "--deployments", broken, "--out", path.join(work, "unused")],
      ROOT,
    );
    expect(result.status).to.equal(1);
    expect(result.stderr.trim()).to.equal(
      `package build: ${path.join(broken, "chain-8217", "deployed_addresses.json")} has no address for ` +
        "CouncilGovernance#CouncilGovernorLens: finish that deployment (re-run the deploy command) " +
        "or remove chain-8217/",
    );
  });
});
