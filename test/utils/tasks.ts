/**
 * Running the CLI tasks in tests: the system is deployed by the Ignition module (deploy/parameters/hardhat.json)
 * on the connection the tasks use, its addresses are written to a temporary file passed as `--deployment`, and each
 * task run returns what it printed and its exit code.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { ModuleParameters } from "@nomicfoundation/ignition-core";
import { expect } from "chai";
import hre from "hardhat";

import CouncilGovernance from "../../deploy/modules/CouncilGovernance.js";
import KaiaCouncilGovernance from "../../deploy/modules/KaiaCouncilGovernance.js";
import { connectContracts } from "../../scripts/ops/deployment.js";
import { KAIA_ADDRESS_BOOK } from "../../scripts/ops/system.js";
import { AddressBookMock__factory } from "../../typechain-types/index.js";
import type { AddressBookMock } from "../../typechain-types/index.js";
import type { Addresses, CouncilContracts } from "../../scripts/ops/deployment.js";
import { taskConnection } from "../../scripts/tasks/cli.js";

export { hre };

/** The connection every task uses: deploy, move time and set balances through it. */
export const connection = await taskConnection(hre);
export const { ethers, networkHelpers } = connection;

/** The in-process network's parameter file. */
export const PARAMETER_FILE = fileURLToPath(new URL("../../deploy/parameters/hardhat.json", import.meta.url));

/** A scratch directory for address files, proposal files and ballots. */
export const scratch = mkdtempSync(path.join(tmpdir(), "gc-tasks-"));

/** Accounts of deploy/parameters/hardhat.json: 0 deployer, 1 secretariat, 2 guardian, 3–7 admins, 8–12 voters. */
export const ACCOUNT = {
  deployer: 0,
  secretariat: 1,
  guardian: 2,
  admin: 3,
  voter: 8,
  outsider: 13,
} as const;

export interface Deployed extends CouncilContracts {
  /** The address file to pass as `deployment`. */
  file: string;
}

/** Deploys the system with the module and writes its address file (use with networkHelpers.loadFixture). */
export function deployWithModule(): Promise<Deployed> {
  return deployWithParameters({});
}

export interface TaskRun {
  /** Everything the task printed to standard output. */
  out: string;
  /** Everything it printed to standard error. */
  err: string;
  /** The process exit code it set (0 when it set none). */
  exitCode: number;
}

/** Runs a task by id with its arguments, capturing its output; restores process.exitCode afterwards. */
export async function runTask(id: string[], args: Record<string, unknown>): Promise<TaskRun> {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  const previousExitCode = process.exitCode;
  process.exitCode = undefined;
  console.log = (...parts: unknown[]) => out.push(parts.map(String).join(" "));
  console.error = (...parts: unknown[]) => err.push(parts.map(String).join(" "));
  try {
    await hre.tasks.getTask(id).run(args);
  } finally {
    console.log = log;
    console.error = error;
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = previousExitCode;
  return { out: out.join("\n"), err: err.join("\n"), exitCode };
}

// ---------------------------------------------------------------- stake and governance helpers for task tests

/** The in-process network's signer at `index` (see ACCOUNT). */
export async function signerAt(index: number) {
  return (await ethers.getSigners())[index];
}

/**
 * Deploys with the module like deployWithModule, with some parameters of deploy/parameters/hardhat.json replaced
 * (for example `stakeToken`, `reserveAssets` and `reserveOutflowLimits` for an ERC-20 deployment).
 */
export function deployWithParameters(overrides: ModuleParameters): Promise<Deployed> {
  const base = JSON.parse(readFileSync(PARAMETER_FILE, "utf8")) as { CouncilGovernance: ModuleParameters };
  return deployWithFile({ CouncilGovernance: { ...base.CouncilGovernance, ...overrides } });
}

/**
 * Deploys from a parameter file (or parameters) and writes the deployment's address file. The module is the one
 * the parameters' `stakeSource` names, as the `ignition deploy` guard requires: KaiaCouncilGovernance for "kaia",
 * CouncilGovernance otherwise.
 */
export async function deployWithFile(
  parameters: string | { CouncilGovernance: ModuleParameters },
): Promise<Deployed> {
  const json = (
    typeof parameters === "string" ? JSON.parse(readFileSync(parameters, "utf8")) : parameters
  ) as {
    CouncilGovernance: ModuleParameters;
  };
  const d =
    json.CouncilGovernance.stakeSource === "kaia"
      ? await connection.ignition.deploy(KaiaCouncilGovernance, { parameters })
      : await connection.ignition.deploy(CouncilGovernance, { parameters });
  const addresses: Addresses = {
    timelock: await d.timelock.getAddress(),
    registry: await d.registry.getAddress(),
    vault: await d.vault.getAddress(),
    reserve: await d.reserve.getAddress(),
    policy: await d.policy.getAddress(),
    governor: await d.governor.getAddress(),
    lens: await d.lens.getAddress(),
    advisors: await d.advisors.getAddress(),
    voteExtension: await d.voteExtension.getAddress(),
    petitions: await d.petitions.getAddress(),
    veto: await d.veto.getAddress(),
  };
  const file = path.join(scratch, `addresses-${addresses.governor}.json`);
  writeFileSync(file, JSON.stringify(addresses, null, 2));
  return { ...(await connectContracts(addresses, connection.ethers.provider)), file };
}

/**
 * Kaia's AddressBook at its system address 0x…0400, as on Kaia and Kairos: the AddressBookMock's code put there
 * (hardhat_setCode), with no node registered. Call it inside a fixture, before deploying the Kaia module.
 */
export async function installAddressBook(): Promise<AddressBookMock> {
  const artifact = await hre.artifacts.readArtifact("AddressBookMock");
  await networkHelpers.setCode(KAIA_ADDRESS_BOOK, artifact.deployedBytecode);
  return AddressBookMock__factory.connect(KAIA_ADDRESS_BOOK, (await ethers.getSigners())[0]);
}

/**
 * deploy/parameters/hardhat.json turned into a Kaia stake source file: `stakeSource` "kaia", the given mode, the
 * AddressBook at 0x…0400 and no stake token; `overrides` replace any parameter. Written to a scratch file.
 */
export function kaiaParameterFile(trackerMode: boolean, overrides: ModuleParameters = {}): string {
  const base = JSON.parse(readFileSync(PARAMETER_FILE, "utf8")) as { CouncilGovernance: ModuleParameters };
  const { stakeToken: _bondedOnly, ...section } = base.CouncilGovernance;
  const file = path.join(scratch, `kaia-${trackerMode ? "tracker" : "read"}-${++kaiaFiles}.json`);
  const kaia = { stakeSource: "kaia", trackerMode, addressBook: KAIA_ADDRESS_BOOK };
  writeFileSync(file, JSON.stringify({ CouncilGovernance: { ...section, ...kaia, ...overrides } }, null, 2));
  return file;
}
let kaiaFiles = 0;

/** A deployment through the Kaia module, with its parameter file and the AddressBook mock at 0x…0400. */
export interface KaiaDeployed extends Deployed {
  /** The parameter file it was deployed from. */
  parameters: string;
  book: AddressBookMock;
}

/** Deploys through the Kaia module (AddressBook mock installed first) in tracker or read mode. */
export async function deployKaia(trackerMode: boolean): Promise<KaiaDeployed> {
  const book = await installAddressBook();
  const parameters = kaiaParameterFile(trackerMode);
  return { ...(await deployWithFile(parameters)), parameters, book };
}

/** Fixtures (for networkHelpers.loadFixture): the Kaia module in tracker mode, and in read mode. */
export const deployKaiaTracker = (): Promise<KaiaDeployed> => deployKaia(true);
export const deployKaiaRead = (): Promise<KaiaDeployed> => deployKaia(false);

/** Bonds `units` stake units (native coin) for each initial member from its admin (accounts 3–7), funding them. */
export async function stakeMembers(
  d: CouncilContracts,
  units = 1n,
  members = [1, 2, 3, 4, 5],
): Promise<void> {
  const amount = units * (await d.vault.stakeUnit());
  for (const id of members) {
    const admin = await signerAt(ACCOUNT.admin + id - 1);
    await networkHelpers.setBalance(admin.address, amount + ethers.parseEther("1000"));
    await d.vault.connect(admin).stake(amount, { value: amount });
  }
  await networkHelpers.time.increase(1);
}

/** A motion's actions and description, as the governor's propose/queue/execute take them. */
export interface MotionActions {
  targets: string[];
  values: bigint[];
  calldatas: string[];
  description: string;
}

/**
 * Passes a motion through governance: the secretariat (account 1) proposes, every voter (accounts 8–12) with votes
 * at the snapshot votes For, then it is queued and executed after the class's timelock delay. Returns its id.
 */
export async function passMotion(d: CouncilContracts, motion: MotionActions): Promise<bigint> {
  const { targets, values, calldatas, description } = motion;
  const secretariat = await signerAt(ACCOUNT.secretariat);
  await d.governor.connect(secretariat).propose(targets, values, calldatas, description);
  const id = await d.governor.latestProposalId();
  const snapshot = await d.governor.proposalSnapshot(id);
  await networkHelpers.time.increaseTo(snapshot + 1n);
  for (let i = 0; i < 5; i++) {
    const voter = await signerAt(ACCOUNT.voter + i);
    if ((await d.governor.getVotes(voter.address, snapshot)) > 0n)
      await d.governor.connect(voter).castVote(id, 1);
  }
  await networkHelpers.time.increaseTo((await d.governor.proposalDeadline(id)) + 1n);
  const descriptionHash = ethers.id(description);
  await d.governor.connect(secretariat).queue(targets, values, calldatas, descriptionHash);
  await networkHelpers.time.increaseTo(await d.governor.proposalEta(id));
  await d.governor.connect(secretariat).execute(targets, values, calldatas, descriptionHash);
  return id;
}

/** The address of the network's account `index`. */
export async function addressAt(index: number): Promise<string> {
  return (await signerAt(index)).address;
}

/** The latest block's timestamp. */
export async function chainNow(): Promise<bigint> {
  return BigInt(await networkHelpers.time.latest());
}

/** Runs `<group> <name>` against `d`'s deployment from account `from`. */
export function runGroupTask(
  group: string,
  d: Deployed,
  name: string,
  from: number,
  args: Record<string, unknown> = {},
): Promise<TaskRun> {
  return runTask([group, name], { deployment: d.file, from: String(from), ...args });
}

/**
 * A suite's refusal check: the task prints exactly `Error: <message>` (one line), nothing on standard output, exits
 * with 1, and everything `observe` reads is the same before and after (nothing was sent).
 */
export function refusalChecker(observe: (d: Deployed) => Promise<unknown[]>) {
  return async (d: Deployed, run: () => Promise<TaskRun>, message: string): Promise<void> => {
    const before = await observe(d);
    const r = await run();
    expect(r.err).to.equal(`Error: ${message}`);
    expect(r.out).to.equal("");
    expect(r.exitCode).to.equal(1);
    expect(await observe(d)).to.deep.equal(before);
  };
}
