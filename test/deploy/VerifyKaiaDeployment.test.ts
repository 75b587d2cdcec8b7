/**
 * `verify-deployment` on a council deployed with the Kaia stake source (deploy/modules/KaiaCouncilGovernance.ts),
 * with Kaia's AddressBook (a mock) at 0x…0400 and CnStaking mocks: the stake mode against the parameter file, the
 * AddressBook, and every linked CnStaking (its member's node in the AddressBook or a governance link, its gcId, and
 * in tracker mode its tracker). Each failure has its exact line; a CnStaking pointing at another tracker is a
 * warning. Also the `ignition deploy` guard: a file whose stakeSource is not the module's is refused in one line.
 */
import { fileURLToPath } from "node:url";

import { expect } from "chai";

import { readParameters } from "../../scripts/ops/parameters.js";
import { KAIA_ADDRESS_BOOK } from "../../scripts/ops/system.js";
import { KaiaStakeVault__factory } from "../../typechain-types/index.js";
import type { CnStakingV2Mock, CnStakingV3Mock } from "../../typechain-types/index.js";
import {
  ACCOUNT,
  PARAMETER_FILE,
  deployKaia,
  deployWithModule,
  ethers,
  kaiaParameterFile,
  networkHelpers,
  runTask,
} from "../utils/tasks.js";
import type { KaiaDeployed } from "../utils/tasks.js";

const VERIFY = ["verify-deployment"];
const DAY = 86400n;
const module = (name: string) => fileURLToPath(new URL(`../../deploy/modules/${name}.ts`, import.meta.url));

interface Linked extends KaiaDeployed {
  /** Member 1's CnStakingV3, linked through the AddressBook (listed for its node). */
  cn1: CnStakingV3Mock;
  /** Member 2's CnStakingV2, linked by governance (the AddressBook does not list it). */
  cn2: CnStakingV2Mock;
  cn1Address: string;
  cn2Address: string;
  node1: string;
}

/** A Kaia deployment with member 1's CnStaking linked through the AddressBook and member 2's by governance. */
async function linked(trackerMode: boolean): Promise<Linked> {
  const d = await deployKaia(trackerMode);
  const signers = await ethers.getSigners();
  const [admin1, admin2] = [signers[ACCOUNT.admin], signers[ACCOUNT.admin + 1]];
  const p = readParameters(d.parameters);
  const [node1, node2] = [p.initialMembers[0].nodes[0], p.initialMembers[1].nodes[0]];
  const cn1 = await ethers.deployContract("CnStakingV3Mock", [admin1.address, node1, 11n]);
  const cn2 = await ethers.deployContract("CnStakingV2Mock", [admin2.address, node2, 22n]);
  const unit = await d.vault.stakeUnit();
  for (const [cn, admin] of [
    [cn1, admin1],
    [cn2, admin2],
  ] as const) {
    await networkHelpers.setBalance(admin.address, unit * 3n);
    if (trackerMode) await cn.connect(admin).setStakingTracker(d.addresses.vault);
    await cn.connect(admin).depositLockupStakingAndInit();
    await cn.connect(admin).stakeKlay({ value: unit });
  }
  const [cn1Address, cn2Address] = [await cn1.getAddress(), await cn2.getAddress()];
  await d.book.register(node1, cn1Address, admin1.address);
  const vault = KaiaStakeVault__factory.connect(d.addresses.vault, signers[ACCOUNT.outsider]);
  await vault.linkStakingByAddressBook(1n, node1, cn1Address);
  await networkHelpers.impersonateAccount(d.addresses.timelock);
  await networkHelpers.setBalance(d.addresses.timelock, ethers.parseEther("10"));
  await vault.connect(await ethers.getSigner(d.addresses.timelock)).linkStaking(2n, cn2Address);
  return { ...d, cn1, cn2, cn1Address, cn2Address, node1 };
}

const trackerLinked = () => linked(true);
const readLinked = () => linked(false);

function verify(d: KaiaDeployed, parameters = d.parameters) {
  return runTask(VERIFY, { deployment: d.file, parameters });
}

/** The lines that are not PASS, and the summary. */
async function notPassing(d: KaiaDeployed, parameters = d.parameters) {
  const run = await verify(d, parameters);
  const out = run.out.split("\n");
  const summary = out.pop();
  return { lines: out.filter((l) => !l.startsWith("PASS  ")), summary, exitCode: run.exitCode, err: run.err };
}

describe("verify-deployment, Kaia stake source", function () {
  for (const [mode, fixture] of [
    ["tracker", trackerLinked],
    ["read", readLinked],
  ] as const) {
    it(`passes every check in ${mode} mode, naming each linked CnStaking`, async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const run = await verify(d);
      expect(run.err).to.equal("");
      expect(run.exitCode).to.equal(0);
      const out = run.out.split("\n");
      const summary = out.pop();
      expect(out.filter((l) => !l.startsWith("PASS  "))).to.deep.equal([]);
      // The bonded deployment's 159 (without --deployer), the AddressBook, and per contract: AddressBook or
      // governance, gcId, and the tracker in tracker mode.
      expect(out.length).to.equal(mode === "tracker" ? 166 : 164);
      expect(summary).to.equal(`${out.length} checks: ${out.length} passed, 0 failed`);
      const kaiaLines = out.filter(
        (l) => l.includes("staking 0x") || l.includes("vault stake source") || l.includes("AddressBook"),
      );
      expect(kaiaLines).to.deep.equal([
        "PASS  vault stake source",
        "PASS  vault AddressBook",
        `PASS  staking ${d.cn1Address} of member 1 in the AddressBook`,
        `PASS  staking ${d.cn1Address} of member 1 gcId`,
        ...(mode === "tracker" ? [`PASS  staking ${d.cn1Address} of member 1 tracker`] : []),
        `PASS  staking ${d.cn2Address} of member 2 linked by governance (the AddressBook lists it for none of the ` +
          "member's nodes)",
        `PASS  staking ${d.cn2Address} of member 2 gcId`,
        ...(mode === "tracker" ? [`PASS  staking ${d.cn2Address} of member 2 tracker`] : []),
      ]);
    });
  }

  it("fails on a stake mode that is not the file's", async function () {
    const d = await networkHelpers.loadFixture(readLinked);
    const asTracker = await notPassing(d, kaiaParameterFile(true));
    expect(asTracker.lines).to.deep.equal([
      "FAIL  vault stake source: expected kaia-tracker, found kaia-read",
    ]);
    expect(asTracker.exitCode).to.equal(1);
    // Against the bonded file: the mode, and no Kaia checks, since the file expects none.
    const asBonded = await notPassing(d, PARAMETER_FILE);
    expect(asBonded.lines).to.deep.equal(["FAIL  vault stake source: expected bonded, found kaia-read"]);
    expect(asBonded.summary).to.equal("159 checks: 158 passed, 1 failed");
    expect(asBonded.exitCode).to.equal(1);
  });

  it("fails a bonded deployment against a Kaia file", async function () {
    const d = { ...(await networkHelpers.loadFixture(deployWithModule)), parameters: "", book: undefined! };
    const r = await notPassing(d, kaiaParameterFile(false));
    expect(r.lines).to.deep.equal(["FAIL  vault stake source: expected kaia-read, found bonded"]);
    expect(r.exitCode).to.equal(1);
  });

  it("fails on another AddressBook than the file's", async function () {
    const d = await networkHelpers.loadFixture(readLinked);
    const other = "0x0000000000000000000000000000000000000401";
    const r = await notPassing(d, kaiaParameterFile(false, { addressBook: other }));
    expect(r.lines).to.deep.equal([`FAIL  vault AddressBook: expected ${other}, found ${KAIA_ADDRESS_BOOK}`]);
    expect(r.exitCode).to.equal(1);
  });

  it("fails on a CnStaking the AddressBook no longer lists for its member's node", async function () {
    const d = await networkHelpers.loadFixture(readLinked);
    await d.book.register(d.node1, d.cn2Address, d.node1);
    const r = await notPassing(d);
    expect(r.lines).to.deep.equal([
      `FAIL  staking ${d.cn1Address} of member 1 in the AddressBook: expected listed for a node of member 1, ` +
        `found listed for none of its nodes [${d.node1}]`,
    ]);
    expect(r.exitCode).to.equal(1);
  });

  it("fails on a CnStaking whose gcId is no longer its member's", async function () {
    const d = await networkHelpers.loadFixture(readLinked);
    await d.cn2.connect((await ethers.getSigners())[ACCOUNT.admin + 1]).setGCId(23n);
    const r = await notPassing(d);
    expect(r.lines).to.deep.equal([
      `FAIL  staking ${d.cn2Address} of member 2 gcId: expected 22 (the member's), found 23`,
    ]);
    expect(r.exitCode).to.equal(1);
  });

  it("skips a CnStaking that governance unlinked", async function () {
    const d = await networkHelpers.loadFixture(readLinked);
    const vault = KaiaStakeVault__factory.connect(
      d.addresses.vault,
      await ethers.getSigner(d.addresses.timelock),
    );
    await vault.unlinkStaking(d.cn2Address);
    const run = await verify(d);
    expect(run.exitCode).to.equal(0);
    expect(run.out).not.to.include(d.cn2Address);
    expect(run.out.split("\n").pop()).to.equal("162 checks: 162 passed, 0 failed");
  });

  it("warns, and still exits with 0, when a CnStaking points at another tracker (it counts 0)", async function () {
    const d = await networkHelpers.loadFixture(trackerLinked);
    // Another valid tracker (a second vault on the same registry and AddressBook).
    const other = await ethers.deployContract("KaiaStakeVault", [
      d.addresses.registry,
      KAIA_ADDRESS_BOOK,
      true,
      await d.vault.stakeUnit(),
      DAY,
      DAY,
      d.addresses.timelock,
    ]);
    const otherAddress = await other.getAddress();
    await d.cn1.connect((await ethers.getSigners())[ACCOUNT.admin]).updateStakingTracker(otherAddress);
    // The switch refreshed this vault first (still the tracker then); the next refresh records 0.
    const unit = await d.vault.stakeUnit();
    expect(await d.vault.stakeOf(1n)).to.equal(unit);
    const kaiaVault = KaiaStakeVault__factory.connect(
      d.addresses.vault,
      (await ethers.getSigners())[ACCOUNT.outsider],
    );
    await expect(kaiaVault.refreshStake(d.cn1Address))
      .to.emit(kaiaVault, "StakeRefreshed")
      .withArgs(d.cn1Address, 1n, 0n, 0n);
    expect(await d.vault.stakeOf(1n)).to.equal(0n);
    const r = await notPassing(d);
    expect(r.lines).to.deep.equal([
      `WARN  staking ${d.cn1Address} of member 1 tracker: expected ${d.addresses.vault} (vault), found ` +
        `${otherAddress} (another tracker: the contract counts 0 once refreshed)`,
    ]);
    expect(r.summary).to.equal("166 checks: 165 passed, 1 warning, 0 failed");
    expect(r.exitCode).to.equal(0);
  });

  describe("ignition deploy guard", function () {
    it("refuses a Kaia file through the bonded module, in one line, before Ignition starts", async function () {
      const file = kaiaParameterFile(true);
      const run = await runTask(["ignition", "deploy"], {
        modulePath: module("CouncilGovernance"),
        parameters: file,
      });
      expect(run).to.deep.equal({
        out: "",
        err:
          `Error: parameter file ${file}: CouncilGovernance.stakeSource is "kaia" but ${module("CouncilGovernance")} ` +
          'deploys StakeVault (stake source "bonded"): deploy deploy/modules/KaiaCouncilGovernance.ts with this file',
        exitCode: 1,
      });
    });

    it("refuses a bonded file through the Kaia module", async function () {
      const path = module("KaiaCouncilGovernance");
      const run = await runTask(["ignition", "deploy"], { modulePath: path, parameters: PARAMETER_FILE });
      expect(run).to.deep.equal({
        out: "",
        err:
          `Error: parameter file ${PARAMETER_FILE}: CouncilGovernance.stakeSource is "bonded" but ${path} deploys ` +
          'KaiaStakeVault (stake source "kaia"): deploy deploy/modules/CouncilGovernance.ts with this file',
        exitCode: 1,
      });
    });
  });
});
