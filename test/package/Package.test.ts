/**
 * The typed-bindings package (SPEC §9), end to end as an integrator gets it: built by scripts/package/build.ts from a
 * fake deployments directory, packed with `npm pack`, installed from the tarball into an empty TypeScript project,
 * where a consumer that imports a factory, an ABI and an address type-checks and runs, and consumers with mistakes
 * do not type-check.
 *
 * Needs the compiled contracts and bindings (`hardhat test` builds them first). ethers is installed into the
 * consumer project from the npm cache (`--prefer-offline`, at the version the repository installed), so the test
 * needs no network once the repository's own `npm install` has run.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { expect } from "chai";

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
  const ids: Record<string, string> = {
    registry: "CouncilRegistry",
    vault: "StakeVault",
    governor: "CouncilGovernor",
    lens: "CouncilGovernorLens",
    policy: "MotionPolicy",
    reserve: "ImprovementReserve",
    timelock: "TimelockController",
  };
  const json: Record<string, string> = { "CouncilGovernance#Unused": "0x" + "ee".repeat(20) };
  for (const [key, address] of Object.entries(addresses)) json[`CouncilGovernance#${ids[key]}`] = address;
  return JSON.stringify(json, null, 2);
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; npm's own environment (prefix, engine-strict, …) is not passed on. */
function run(command: string, args: string[], cwd: string): Run {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("npm_") || name === "npm_config_cache"),
  );
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
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
    mkdirSync(consumer);
    writeFileSync(
      path.join(consumer, "package.json"),
      JSON.stringify({ name: "consumer", private: true, type: "module" }),
    );
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
    succeed(
      "npm",
      [
        "install",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        tarball,
        `ethers@${ETHERS_VERSION}`,
      ],
      consumer,
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
      "abi/CouncilGovernor.json",
      "abi/TimelockController.json",
      "abi/ICouncilRegistry.json",
      "typechain/factories/contracts/governance/CouncilGovernor__factory.js",
      "typechain/factories/contracts/governance/CouncilGovernor__factory.d.ts",
    ]);
    expect(packedFiles.filter((f) => f.startsWith("abi/"))).to.have.lengthOf(17);
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
    expect(manifest.exports).to.have.all.keys(".", "./addresses", "./abi/*.json", "./package.json");
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
