/**
 * The thin CLI layer shared by every operations task: common options (`--deployment`, `--from`), one network
 * connection per Hardhat runtime, and error handling that prints one line (`Error: …`) and sets exit code 1 —
 * never a stack trace.
 *
 * This file is imported by hardhat.config.ts, so it imports nothing generated (typechain-types, artifacts) at load
 * time: the library in scripts/ops is loaded when a task runs.
 */
import { task } from "hardhat/config";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import type { CouncilContracts } from "../ops/deployment.js";

/** Hardhat's error number for a configuration variable that is not set (HHE7). */
const MISSING_CONFIGURATION_VARIABLE = 7;

const readOnlyConnections = new WeakMap<HardhatRuntimeEnvironment, Promise<NetworkConnection>>();

/**
 * The network connection every task of this Hardhat runtime uses (the `--network` one, cached by Hardhat). On the
 * in-process network each connection is its own chain, so the tests and the demo deploy through this same one.
 * When the network's key is not configured (a configuration variable such as KAIROS_PRIVATE_KEY is missing), the
 * connection has no account: reading tasks work, and a task that sends says which key to set.
 */
export async function taskConnection(hre: HardhatRuntimeEnvironment): Promise<NetworkConnection> {
  const connection = await hre.network.getOrCreate();
  try {
    // Accounts are resolved lazily: a missing key shows here, not when the connection is created.
    await connection.ethers.getSigners();
    return connection;
  } catch (error) {
    if ((error as { number?: unknown }).number !== MISSING_CONFIGURATION_VARIABLE) throw error;
    let readOnly = readOnlyConnections.get(hre);
    if (readOnly === undefined) {
      readOnly = hre.network.create({ override: { accounts: [] } });
      readOnlyConnections.set(hre, readOnly);
    }
    return readOnly;
  }
}

/** Options every operations task takes. */
export interface CommonArgs {
  /** Address file; empty for the deploy command's file of the connected chain. */
  deployment: string;
  /** The sending account: an index into the network's accounts, or one of their addresses; empty for the first. */
  from: string;
}

/** A task with the common options. */
export function opsTask(id: string[], description: string) {
  return task(id, description)
    .addOption({
      name: "deployment",
      description: "Address file (default: deploy/deployments/chain-<chain id>/deployed_addresses.json)",
      defaultValue: "",
    })
    .addOption({
      name: "from",
      description:
        "Sending account: an index into the network's accounts or one of their addresses (default: 0)",
      defaultValue: "",
    });
}

/** Prints a line of the task's output. */
export type Print = (text: string) => void;

/**
 * Runs an operations task: connects to the system (addresses, account), runs `body`, and turns any failure into
 * one printed line and exit code 1.
 */
export async function runOps(
  hre: HardhatRuntimeEnvironment,
  args: CommonArgs,
  body: (c: CouncilContracts, print: Print, connection: NetworkConnection) => Promise<void>,
): Promise<void> {
  const { describeError } = await import("../ops/errors.js");
  const deployment = await import("../ops/deployment.js");
  try {
    const connection = await taskConnection(hre);
    const { chainId } = await connection.ethers.provider.getNetwork();
    const file =
      args.deployment !== ""
        ? args.deployment
        : deployment.defaultDeploymentFile(hre.config.paths.root, chainId);
    const addresses = deployment.readAddresses(file);
    const signer = await selectSigner(connection, args.from);
    const contracts = await deployment.connectContracts(addresses, signer ?? connection.ethers.provider);
    await body(contracts, (text) => console.log(text), connection);
  } catch (error) {
    console.error(`Error: ${describeError(error, deployment.systemInterfaces())}`);
    process.exitCode = 1;
  }
}

/**
 * The account `--from` names (index or address), or the first account by default; none on a network whose key is
 * not configured (a read-only check of Kairos or Kaia).
 */
async function selectSigner(connection: NetworkConnection, from: string) {
  const { OpsError } = await import("../ops/errors.js");
  const signers = await connection.ethers.getSigners();
  if (signers.length === 0) {
    if (from === "") return undefined;
    throw new OpsError(
      `--from ${from}: this network has no account configured; set its key first (e.g. ./gc keystore set KAIROS_PRIVATE_KEY)`,
    );
  }
  if (from === "") return signers[0];
  if (/^\d+$/.test(from)) {
    const signer = signers[Number(from)];
    if (signer === undefined) {
      throw new OpsError(
        `--from ${from}: this network has ${signers.length} accounts (0 to ${signers.length - 1})`,
      );
    }
    return signer;
  }
  const signer = signers.find((s) => s.address.toLowerCase() === from.toLowerCase());
  if (signer === undefined) {
    throw new OpsError(
      `--from ${from}: not one of this network's accounts (configure its key, or use an index)`,
    );
  }
  return signer;
}
