import { createRequire } from "node:module";

import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";

import { projectPlugin } from "./scripts/hardhat/plugin.js";
import { projectTasks } from "./scripts/tasks/index.js";

const require = createRequire(import.meta.url);

/** solc from the npm `solc` package (solcjs): compiles offline, never downloads a compiler. */
const SOLC_VERSION = "0.8.30";
const solcjsPath = require.resolve("solc/soljson.js");
const STANDARD_COMPILER = {
  version: SOLC_VERSION,
  path: solcjsPath,
  settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: "cancun" },
};
const GOVERNOR_COMPILER = {
  version: SOLC_VERSION,
  path: solcjsPath,
  settings: { optimizer: { enabled: true, runs: 200 }, viaIR: true, evmVersion: "cancun" },
};

const BUILD_PROFILE = {
  // One build for every command: Hardhat's production profile (used by `ignition deploy`) would otherwise compile
  // each file on its own (isolated) and record tool versions, which changes every compilation job and recompiles
  // everything when switching between `build`/`test` and a deploy. With these two fixed, both profiles resolve to
  // the same jobs and share one cache, so the deployed bytecode is the tested bytecode.
  isolated: false,
  toolVersionsInBuildInfo: false,
  compilers: [STANDARD_COMPILER],
  overrides: {
    // The governor composes OpenZeppelin Governor with eight extensions; the IR pipeline keeps it under the
    // 24,576-byte contract size limit (24,345 bytes, against about 29 KB with the legacy pipeline).
    "contracts/governance/CouncilGovernor.sol": GOVERNOR_COMPILER,
  },
};

export default defineConfig({
  // projectPlugin: OpenZeppelin's transient-storage warning left out of solc's output, plain Ignition logs off a terminal.
  plugins: [hardhatToolboxMochaEthers, projectPlugin],
  tasks: projectTasks,
  // The in-process network (default) and `localhost` (a `./gc node`) need no settings. Kaia's networks take
  // their RPC URL and the sending key from configuration variables: environment variables or the encrypted keystore
  // (`./gc keystore set KAIROS_RPC_URL`). They are read only when the network is used.
  networks: {
    // `./gc node` (the `localhost` network): the default accounts hold a billion coins each, so that members
    // can bond real stake units (5,000,000 coins each by default) on a local council.
    node: {
      type: "edr-simulated",
      accounts: { accountsBalance: 10n ** 27n },
    },
    kairos: {
      type: "http",
      chainType: "l1",
      chainId: 1001,
      url: configVariable("KAIROS_RPC_URL"),
      accounts: [configVariable("KAIROS_PRIVATE_KEY")],
    },
    kaia: {
      type: "http",
      chainType: "l1",
      chainId: 8217,
      url: configVariable("KAIA_RPC_URL"),
      accounts: [configVariable("KAIA_PRIVATE_KEY")],
    },
  },
  solidity: {
    // OpenZeppelin files built for artifacts: the timelock (deployed as it is) and IGovernor (client tests).
    npmFilesToBuild: [
      "@openzeppelin/contracts/governance/TimelockController.sol",
      "@openzeppelin/contracts/governance/IGovernor.sol",
      "@openzeppelin/contracts/governance/utils/IVotes.sol",
    ],
    // The same settings for `default` (build, test) and `production` (ignition deploy): Hardhat does not carry
    // compilers and overrides into the production profile by itself.
    profiles: {
      default: BUILD_PROFILE,
      production: BUILD_PROFILE,
    },
  },
  paths: {
    // Ignition modules live in deploy/modules, deployments in deploy/deployments.
    ignition: "deploy",
    tests: {
      mocha: "test",
      solidity: "test",
    },
  },
  test: {
    solidity: {
      profiles: {
        // `npm test` runs the fuzz and invariant tests at CI strength: 1,000 runs each.
        default: {
          // Solidity tests deploy the governor from its artifact (getCode), so they never recompile it.
          fsPermissions: { readDirectory: ["artifacts"] },
          fuzz: { runs: 1000 },
          invariant: { runs: 1000, depth: 25, failOnRevert: false },
        },
        // A fast profile for local iteration: ./gc test solidity --test-profile quick
        quick: {
          fsPermissions: { readDirectory: ["artifacts"] },
          fuzz: { runs: 64 },
          invariant: { runs: 32, depth: 15, failOnRevert: false },
        },
      },
    },
  },
  typechain: {
    outDir: "typechain-types",
  },
});
