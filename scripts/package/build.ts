/**
 * Builds the publishable typed-bindings package `@gc-governance/contracts` (docs/integrator-guide.md), by default
 * into dist/package/:
 *
 * - TypeChain ethers-v6 bindings (types and factories) of the deployable contracts and their interfaces, compiled
 *   from typechain-types/ to ESM JavaScript and .d.ts by tsc (options in scripts/package/tsconfig.json); ethers is
 *   a peer dependency, never bundled. Test mocks and the benchmark's baseline are left out.
 * - `abis`: every packaged contract's ABI, typed `as const`; the same ABIs as JSON files in abi/<Contract>.json.
 * - `addresses` and `addressesFor(chainId)`: the deployed system per chain id, read from every
 *   `chain-<id>/deployed_addresses.json` (Ignition's output) under the deployments directory.
 *
 * Deployments: every `chain-<id>` directory found is included. The default directory is deploy/deployments, where the
 * committed networks live (Kairos 1001, Kaia 8217) and, on a developer's machine, the uncommitted local node's
 * chain-31337: a package built from a clean checkout carries only the committed networks. No deployment at all is
 * fine (`addresses` is then empty). A chain directory that lacks one of the seven contracts stops the build.
 *
 * Needs compiled contracts and generated bindings (`./gc build`); `./gc npm run build` runs both.
 *
 * Usage: ./gc npm run package -- [--deployments <dir>] [--out <dir>]
 *   --deployments  the directory of the chain-<id>/ deployments (or GC_DEPLOYMENTS_DIR); default deploy/deployments
 *   --out          where the package is written (emptied first); default dist/package
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";

import { getAddress, isAddress } from "ethers";

// Plain `node` runs this script (npm run package), so the import names the TypeScript file itself.
import { CONTRACT_KEYS, DEPLOYED_CONTRACTS, futureId } from "../ops/system.ts";
import type { ContractKey } from "../ops/system.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const PACKAGE_NAME = "@gc-governance/contracts";
const TEMPLATE_DIR = import.meta.dirname;

/** A contract in the package: its name and the Solidity source it is compiled from (as Hardhat names it). */
interface PackagedContract {
  name: string;
  source: string;
}

/** The deployable system, then the interfaces that carry its events, errors and structs. No mocks, no bench. */
const CONTRACTS: readonly PackagedContract[] = [
  { name: "CouncilRegistry", source: "contracts/council/CouncilRegistry.sol" },
  { name: "StakeVault", source: "contracts/council/StakeVault.sol" },
  { name: "KaiaStakeVault", source: "contracts/council/KaiaStakeVault.sol" },
  { name: "CouncilGovernor", source: "contracts/governance/CouncilGovernor.sol" },
  { name: "CouncilGovernorLens", source: "contracts/governance/CouncilGovernorLens.sol" },
  { name: "MotionPolicy", source: "contracts/governance/MotionPolicy.sol" },
  { name: "ImprovementReserve", source: "contracts/treasury/ImprovementReserve.sol" },
  { name: "VoteExtension", source: "contracts/community/VoteExtension.sol" },
  { name: "AdvisorBoard", source: "contracts/community/AdvisorBoard.sol" },
  { name: "CommunityPetitions", source: "contracts/community/CommunityPetitions.sol" },
  { name: "CommunityVeto", source: "contracts/community/CommunityVeto.sol" },
  { name: "TimelockController", source: "@openzeppelin/contracts/governance/TimelockController.sol" },
  { name: "ICouncilRegistry", source: "contracts/interfaces/ICouncilRegistry.sol" },
  { name: "IStakeVault", source: "contracts/interfaces/IStakeVault.sol" },
  { name: "ICouncilGovernor", source: "contracts/interfaces/ICouncilGovernor.sol" },
  { name: "ICouncilGovernorViews", source: "contracts/interfaces/ICouncilGovernorViews.sol" },
  { name: "IMotionPolicy", source: "contracts/interfaces/IMotionPolicy.sol" },
  { name: "IImprovementReserve", source: "contracts/interfaces/IImprovementReserve.sol" },
  { name: "IVoteExtension", source: "contracts/interfaces/IVoteExtension.sol" },
  { name: "IAdvisorBoard", source: "contracts/interfaces/IAdvisorBoard.sol" },
  { name: "ICommunityPetitions", source: "contracts/interfaces/ICommunityPetitions.sol" },
  { name: "ICommunityVeto", source: "contracts/interfaces/ICommunityVeto.sol" },
];

/** The contracts' enums (scripts/ops/enums.ts), shipped in the package as they are. */
const ENUMS_SOURCE = path.join(ROOT, "scripts", "ops", "enums.ts");

/** Known chains, for the package README. */
const CHAIN_NAMES: Readonly<Record<number, string>> = {
  1001: "Kaia Kairos testnet",
  8217: "Kaia mainnet",
  31337: "local Hardhat node",
};

type Deployment = Record<ContractKey, string>;

/** A problem the person running the build can fix; printed as one line, without a stack trace. */
class BuildError extends Error {}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new BuildError(`${path.relative(ROOT, file)} is not readable JSON: ${(e as Error).message}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The root package's version, which the published package takes. */
function rootPackage(): { version: string } {
  const json = readJson(path.join(ROOT, "package.json"));
  if (!isRecord(json) || typeof json.version !== "string")
    throw new BuildError("package.json has no version");
  return { version: json.version };
}

/** Deployed addresses per chain id, from `<dir>/chain-<id>/deployed_addresses.json`, in chain id order. */
function readDeployments(dir: string): Map<number, Deployment> {
  const deployments = new Map<number, Deployment>();
  if (!existsSync(dir)) return deployments;
  const chains = readdirSync(dir)
    .map((entry) => ({ entry, match: /^chain-(\d+)$/.exec(entry) }))
    .filter(({ entry, match }) => match !== null && statSync(path.join(dir, entry)).isDirectory())
    .map(({ entry, match }) => ({ entry, chainId: Number(match?.[1]) }))
    .sort((a, b) => a.chainId - b.chainId);
  for (const { entry, chainId } of chains) {
    const file = path.join(dir, entry, "deployed_addresses.json");
    if (!existsSync(file)) {
      throw new BuildError(
        `${file} does not exist: finish that deployment (re-run the deploy command) or remove ${entry}/`,
      );
    }
    const json = readJson(file);
    if (!isRecord(json)) throw new BuildError(`${file} is not an object of Ignition future ids`);
    const deployment = {} as Deployment;
    for (const key of CONTRACT_KEYS) {
      const id = futureId(key);
      const value = json[id];
      if (typeof value !== "string" || !isAddress(value)) {
        throw new BuildError(
          `${file} has no address for ${id}: finish that deployment (re-run the deploy command) or remove ${entry}/`,
        );
      }
      deployment[key] = getAddress(value);
    }
    deployments.set(chainId, deployment);
  }
  return deployments;
}

/** Where TypeChain put a contract's binding and factory, relative to typechain-types/. */
function typechainFiles(c: PackagedContract): { binding: string; factory: string } {
  const dir = path.posix.dirname(c.source);
  return { binding: `${dir}/${c.name}.ts`, factory: `factories/${dir}/${c.name}__factory.ts` };
}

function generatedHeader(): string {
  return "// Generated by scripts/package/build.ts from the TypeChain bindings. Do not edit.\n";
}

/** The entry point: every binding type and factory, the common TypeChain types, the ABIs, the enums and the addresses. */
function indexSource(): string {
  const lines = [generatedHeader()];
  for (const c of CONTRACTS) {
    const { binding, factory } = typechainFiles(c);
    lines.push(`export type { ${c.name} } from "./typechain/${binding.replace(/\.ts$/, ".js")}";`);
    lines.push(`export { ${c.name}__factory } from "./typechain/${factory.replace(/\.ts$/, ".js")}";`);
  }
  lines.push(
    "export type {",
    "  TypedContractEvent,",
    "  TypedContractMethod,",
    "  TypedDeferredTopicFilter,",
    "  TypedEventLog,",
    "  TypedListener,",
    "  TypedLogDescription,",
    '} from "./typechain/common.js";',
    'export * from "./abis.js";',
    'export { addresses, addressesFor, deployedChainIds } from "./addresses.js";',
    'export type { CouncilAddresses, DeployedContract } from "./addresses.js";',
  );
  return lines.join("\n") + "\n";
}

/**
 * The `/abis` entry point, which imports no ethers (for viem, wagmi or abitype): each contract's ABI as a literal
 * typed `as const` (`councilGovernorAbi`, …, and all of them in `abis`), and the contracts' enums.
 */
function abisSource(abiOf: (c: PackagedContract) => unknown[]): string {
  const constName = (c: PackagedContract) => `${c.name[0].toLowerCase()}${c.name.slice(1)}Abi`;
  const lines = [generatedHeader()];
  lines.push(
    "export { BudgetStatus, MOTION_CLASS_NAMES, MotionClass, ProposalState, ProposerRule, VoteSupport, enumNames } " +
      'from "./enums.js";',
    'export type { MotionClassName } from "./enums.js";',
    "",
  );
  for (const c of CONTRACTS) {
    lines.push(
      `/** The ABI of ${c.name}. */`,
      `export const ${constName(c)} = ${JSON.stringify(abiOf(c))} as const;`,
      "",
    );
  }
  lines.push(
    "/**",
    " * The ABI of every contract in the package, typed `as const` (for viem or abitype). The same ABIs are",
    " * JSON files: `@gc-governance/contracts/abi/<Contract>.json`.",
    " */",
    "export const abis = {",
    ...CONTRACTS.map((c) => `  ${c.name}: ${constName(c)},`),
    "} as const;",
    "",
    "/** The name of a contract in the package. */",
    "export type ContractName = keyof typeof abis;",
  );
  return lines.join("\n") + "\n";
}

/** `addresses`, `deployedChainIds` and `addressesFor`: plain data, no ethers import. */
function addressesSource(deployments: Map<number, Deployment>): string {
  const chainIds = [...deployments.keys()];
  const known = chainIds.length > 0 ? chainIds.join(", ") : "none";
  const entries = chainIds.map((chainId) => {
    const d = deployments.get(chainId) as Deployment;
    const fields = CONTRACT_KEYS.map((key) => `    ${key}: "${d[key]}",`);
    return [`  ${chainId}: {`, ...fields, "  },"].join("\n");
  });
  return [
    generatedHeader(),
    "/** The deployed system on one chain: checksummed addresses. */",
    "export interface CouncilAddresses {",
    ...CONTRACT_KEYS.map(
      (key) => `  /** ${DEPLOYED_CONTRACTS[key]} */\n  readonly ${key}: \`0x\${string}\`;`,
    ),
    "}",
    "",
    "/** A key of {@link CouncilAddresses}: registry, vault, governor, lens, policy, reserve or timelock. */",
    "export type DeployedContract = keyof CouncilAddresses;",
    "",
    "/**",
    " * The deployed system per chain id, as this version of the package knows it (from the deploy command's",
    " * deploy/deployments/chain-<id>/deployed_addresses.json). An unknown chain id gives undefined.",
    " */",
    "export const addresses: {",
    ...chainIds.map((chainId) => `  readonly ${chainId}: CouncilAddresses;`),
    "  readonly [chainId: number]: CouncilAddresses | undefined;",
    "} = {",
    ...entries,
    "};",
    "",
    "/** The chain ids with a deployment in this version of the package, ascending. */",
    `export const deployedChainIds: readonly number[] = [${chainIds.join(", ")}];`,
    "",
    "/**",
    " * The deployed system on `chainId` (a number, or the bigint that ethers' `provider.getNetwork()` gives).",
    " * Throws when this version of the package has no deployment on that chain.",
    " */",
    "export function addressesFor(chainId: number | bigint): CouncilAddresses {",
    "  const found = addresses[Number(chainId)];",
    "  if (found === undefined) {",
    "    throw new Error(",
    `      \`${PACKAGE_NAME}: no deployment on chain id \${chainId} (this version knows chain ids: ${known}); ` +
      "check the network, or update the package.`,",
    "    );",
    "  }",
    "  return found;",
    "}",
  ].join("\n");
}

function readme(version: string, deployments: Map<number, Deployment>): string {
  const template = readFileSync(path.join(TEMPLATE_DIR, "package-readme.md"), "utf8");
  const rows = [...deployments].map(([chainId, d]) => {
    const list = CONTRACT_KEYS.map((key) => `${key} \`${d[key]}\``).join("<br>");
    return `| ${chainId} | ${CHAIN_NAMES[chainId] ?? ""} | ${list} |`;
  });
  const table =
    rows.length > 0
      ? ["| chain id | network | addresses |", "|---|---|---|", ...rows].join("\n")
      : "This version carries no deployment: `addresses` is empty and `addressesFor` throws for every chain id.";
  return template
    .replaceAll("{{version}}", version)
    .replaceAll("{{contracts}}", CONTRACTS.map((c) => `\`${c.name}\``).join(", "))
    .replaceAll("{{deployments}}", table);
}

function packageJson(version: string): Record<string, unknown> {
  return {
    name: PACKAGE_NAME,
    version,
    description:
      "Typed ethers v6 bindings (TypeChain), ABIs and deployed addresses of the gc-governance contracts: " +
      "council registry, stake vault, governor, lens, motion policy, timelock and Improvement Reserve.",
    keywords: ["governance", "council", "ethers", "typechain", "abi", "kaia"],
    license: "MIT",
    type: "module",
    main: "./index.js",
    types: "./index.d.ts",
    exports: {
      ".": { types: "./index.d.ts", default: "./index.js" },
      "./abis": { types: "./abis.d.ts", default: "./abis.js" },
      "./addresses": { types: "./addresses.d.ts", default: "./addresses.js" },
      "./abi/*.json": "./abi/*.json",
      "./package.json": "./package.json",
    },
    files: ["*.js", "*.d.ts", "typechain/", "abi/"],
    sideEffects: false,
    peerDependencies: { ethers: "^6" },
  };
}

/** Refuses to empty a directory that is not an earlier build of this package. */
function prepareOutDir(outDir: string): void {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    const manifest = path.join(outDir, "package.json");
    const json = existsSync(manifest) ? readJson(manifest) : undefined;
    if (!isRecord(json) || json.name !== PACKAGE_NAME) {
      throw new BuildError(
        `${outDir} is not empty and holds no earlier build of ${PACKAGE_NAME}: choose another --out`,
      );
    }
  }
  rmSync(outDir, { recursive: true, force: true });
}

function writeFile(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Stages the TypeScript sources, compiles them into `outDir`, then adds the ABIs, package.json, README and LICENSE. */
function build(deploymentsDir: string, outDir: string): Map<number, Deployment> {
  const typechainDir = path.join(ROOT, "typechain-types");
  const missing = CONTRACTS.flatMap((c) => {
    const { binding, factory } = typechainFiles(c);
    return [
      path.join("artifacts", c.source, `${c.name}.json`),
      path.join("typechain-types", binding),
      path.join("typechain-types", factory),
    ];
  }).filter((file) => !existsSync(path.join(ROOT, file)));
  if (missing.length > 0) {
    throw new BuildError(
      `${missing[0]} is missing: compile first with \`./gc build\` (./gc npm run build does both)`,
    );
  }
  const { version } = rootPackage();
  const deployments = readDeployments(deploymentsDir);
  const abiOf = (c: PackagedContract): unknown[] => {
    const artifact = readJson(path.join(ROOT, "artifacts", c.source, `${c.name}.json`));
    if (!isRecord(artifact) || !Array.isArray(artifact.abi))
      throw new BuildError(`the ${c.name} artifact has no ABI`);
    return artifact.abi;
  };
  prepareOutDir(outDir);

  // Staged inside the repository, so that tsc resolves ethers from its node_modules.
  mkdirSync(path.join(ROOT, "dist"), { recursive: true });
  const stage = mkdtempSync(path.join(ROOT, "dist", ".package-src-"));
  try {
    for (const file of ["common.ts", ...CONTRACTS.flatMap((c) => Object.values(typechainFiles(c)))]) {
      mkdirSync(path.dirname(path.join(stage, "typechain", file)), { recursive: true });
      copyFileSync(path.join(typechainDir, file), path.join(stage, "typechain", file));
    }
    writeFile(path.join(stage, "index.ts"), indexSource());
    writeFile(path.join(stage, "abis.ts"), abisSource(abiOf));
    copyFileSync(ENUMS_SOURCE, path.join(stage, "enums.ts"));
    writeFile(path.join(stage, "addresses.ts"), addressesSource(deployments));
    writeFile(path.join(stage, "package.json"), JSON.stringify({ type: "module" }) + "\n");
    const tsconfig = {
      extends: path.join(TEMPLATE_DIR, "tsconfig.json"),
      compilerOptions: { rootDir: ".", outDir },
      include: ["**/*.ts"],
    };
    writeFile(path.join(stage, "tsconfig.json"), JSON.stringify(tsconfig, null, 2) + "\n");
    const tsc = createRequire(path.join(ROOT, "package.json")).resolve("typescript/bin/tsc");
    const result = spawnSync(process.execPath, [tsc, "-p", path.join(stage, "tsconfig.json")], {
      stdio: "inherit",
    });
    if (result.status !== 0)
      throw new BuildError(`tsc failed (exit ${result.status}) on the staged bindings`);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }

  for (const c of CONTRACTS) {
    writeFile(path.join(outDir, "abi", `${c.name}.json`), JSON.stringify(abiOf(c), null, 2) + "\n");
  }
  writeFile(path.join(outDir, "package.json"), JSON.stringify(packageJson(version), null, 2) + "\n");
  writeFile(path.join(outDir, "README.md"), readme(version, deployments));
  copyFileSync(path.join(ROOT, "LICENSE"), path.join(outDir, "LICENSE"));
  return deployments;
}

const { values } = parseArgs({
  options: { deployments: { type: "string" }, out: { type: "string" } },
});
const chosenDir = values.deployments ?? process.env.GC_DEPLOYMENTS_DIR;
const deploymentsDir = path.resolve(chosenDir ?? path.join(ROOT, "deploy", "deployments"));
const outDir = path.resolve(values.out ?? path.join(ROOT, "dist", "package"));
try {
  if (chosenDir !== undefined && !existsSync(deploymentsDir)) {
    throw new BuildError(`the deployments directory ${deploymentsDir} does not exist`);
  }
  const deployments = build(deploymentsDir, outDir);
  const chains = deployments.size > 0 ? `chain ids ${[...deployments.keys()].join(", ")}` : "no deployment";
  console.log(
    `${PACKAGE_NAME}@${rootPackage().version} in ${path.relative(process.cwd(), outDir) || "."}: ` +
      `${CONTRACTS.length} contracts, ${chains} (from ${deploymentsDir})`,
  );
} catch (e) {
  if (!(e instanceof BuildError)) throw e;
  console.error(`package build: ${e.message}`);
  process.exit(1);
}
