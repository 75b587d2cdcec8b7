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

/**
 * The network connection every task of this Hardhat runtime uses (the `--network` one, cached by Hardhat). On the
 * in-process network each connection is its own chain, so the tests and the demo deploy through this same one.
 */
export function taskConnection(hre: HardhatRuntimeEnvironment): Promise<NetworkConnection> {
  return hre.network.getOrCreate();
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
 * The account `--from` names (index or address), or the first account by default. Without `--from`, a network
 * whose key is not configured (a read-only check of Kairos or Kaia) gives no account: reads work, and a command
 * that sends says to pass `--from`.
 */
async function selectSigner(connection: NetworkConnection, from: string) {
  const { OpsError } = await import("../ops/errors.js");
  let signers: Awaited<ReturnType<typeof connection.ethers.getSigners>>;
  try {
    signers = await connection.ethers.getSigners();
  } catch (error) {
    if (from === "") return undefined;
    throw error;
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
