/**
 * `verify-deployment` (the role matrix and every parameter, see deploy/README.md) on a system deployed by the Ignition module, and the parameter files for Kairos and
 * Kaia: every check passes on the module's deployment; a wrong parameter, a role left to someone or a pending
 * ownership transfer fails with the exact mismatch and exit code 1; bad files give one-line errors.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { expect } from "chai";
import type { Provider } from "ethers";

import { connectContracts } from "../../scripts/ops/deployment.js";
import { OpsError } from "../../scripts/ops/errors.js";
import { readParameters } from "../../scripts/ops/parameters.js";
import { TIMELOCK_ROLES, verifyDeployment } from "../../scripts/ops/verify.js";
import {
  ACCOUNT,
  PARAMETER_FILE,
  deployWithFile,
  deployWithModule,
  ethers,
  installAddressBook,
  networkHelpers,
  runTask,
  scratch,
} from "../utils/tasks.js";
import type { Deployed } from "../utils/tasks.js";

const VERIFY = ["verify-deployment"];
const parametersDir = fileURLToPath(new URL("../../deploy/parameters/", import.meta.url));
const KAIROS_FILE = path.join(parametersDir, "kairos.json");
const KAIA_FILE = path.join(parametersDir, "kaia.json");
const DAY = 86400;
/** An address that is not the zero address, for a stake token the Kaia stake source refuses. */
const ACCOUNT_ZERO_ONE = "0x0000000000000000000000000000000000000001";

/** A parameter file's module section, as JSON. */
type Section = Record<string, unknown>;

let fileCount = 0;

/** Writes a copy of `source` with its CouncilGovernance section edited, and returns its path. */
function editedFile(source: string, edit: (section: Section) => void): string {
  const json = JSON.parse(readFileSync(source, "utf8")) as { CouncilGovernance: Section };
  edit(json.CouncilGovernance);
  const file = path.join(scratch, `parameters-${++fileCount}.json`);
  writeFileSync(file, JSON.stringify(json, null, 2));
  return file;
}

/** Writes `text` to a scratch file. */
function rawFile(text: string): string {
  const file = path.join(scratch, `parameters-${++fileCount}.json`);
  writeFileSync(file, text);
  return file;
}

/**
 * The Kairos/Kaia file with its placeholders replaced by the in-process network's accounts: 1 secretariat,
 * 2 guardian and reserve guardian, 3… admins, 8… voters.
 */
async function filledIn(source: string): Promise<string> {
  const signers = await ethers.getSigners();
  return editedFile(source, (s) => {
    s.secretariat = signers[ACCOUNT.secretariat].address;
    s.guardian = signers[ACCOUNT.guardian].address;
    s.reserveGuardian = signers[ACCOUNT.guardian].address;
    (s.initialMembers as Section[]).forEach((m, i) => {
      m.name = `Member ${i + 1}`;
      m.metadataURI = `https://member${i + 1}.example/gc.json`;
      m.admin = signers[ACCOUNT.admin + i].address;
      m.voter = signers[ACCOUNT.voter + i].address;
      m.nodes = [ethers.zeroPadValue(ethers.toBeHex(0xa0000 + i + 1), 20)];
    });
  });
}

/** Runs the task on the deployment `d` with the in-process parameter file unless told otherwise. */
function verify(d: Deployed, args: Record<string, unknown> = {}) {
  return runTask(VERIFY, { deployment: d.file, parameters: PARAMETER_FILE, ...args });
}

/** The timelock, sending as itself (impersonated), to change roles and ownership as governance could. */
async function asTimelock(d: Deployed) {
  await networkHelpers.impersonateAccount(d.addresses.timelock);
  await networkHelpers.setBalance(d.addresses.timelock, ethers.parseEther("10"));
  return ethers.getSigner(d.addresses.timelock);
}

function lines(out: string): string[] {
  return out.split("\n");
}

/** The storage slot of `contract` whose low 20 bytes hold `account` (a state variable's slot, found by scanning). */
async function storageSlotHolding(contract: string, account: string): Promise<number> {
  for (let slot = 0; slot < 64; slot++) {
    const word = BigInt(await ethers.provider.getStorage(contract, slot));
    if ((word & ((1n << 160n) - 1n)) === BigInt(account)) return slot;
  }
  throw new Error(`no storage slot of ${contract} holds ${account}`);
}

describe("verify-deployment", function () {
  describe("on the module's deployment", function () {
    it("passes every check and exits with 0", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const [deployer] = await ethers.getSigners();
      const run = await verify(d, { deployer: deployer.address });
      expect(run.err).to.equal("");
      expect(run.exitCode).to.equal(0);
      const out = lines(run.out);
      const summary = out.pop();
      expect(out.filter((l) => !l.startsWith("PASS  "))).to.deep.equal([]);
      expect(summary).to.equal(`${out.length} checks: ${out.length} passed, 0 failed`);
      // 6 role-matrix checks, 13 accounts with no role, 16 wiring, 5 council (the bootstrap ended), 5 × 6 initial members, 5 vault (its stake source too),
      // 4 reserve, 35 class fields, 7 classifications, 9 governor, 6 vote extension, 3 advisors' board, 21
      // community (2 named, 2 × 7 per contract, 7 parameters).
      expect(out.length).to.equal(160);
      expect(out).to.include.members([
        "PASS  timelock PROPOSER_ROLE of the governor",
        "PASS  timelock EXECUTOR_ROLE of the governor",
        "PASS  timelock CANCELLER_ROLE of the governor",
        "PASS  timelock DEFAULT_ADMIN_ROLE of the timelock itself",
        "PASS  timelock EXECUTOR_ROLE of everyone (address 0)",
        `PASS  timelock roles of deployer ${deployer.address}`,
        "PASS  timelock roles of guardian and reserve guardian 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
        "PASS  registry owner",
        "PASS  governor token (votes)",
        "PASS  vault governor",
        "PASS  initial member 5 status",
        "PASS  vault stake source",
        "PASS  vault stake unit",
        "PASS  reserve guardian",
        "PASS  reserve guardian term",
        "PASS  reserve outflow limit of native coin",
        "PASS  policy No-confidence approvalDenominator",
        "PASS  policy class of reserve pay(address,address,uint256,string)",
        "PASS  policy class of every other reserve function",
        "PASS  governor late quorum extension",
        "PASS  vote extension owner",
        "PASS  vote extension governor",
        "PASS  vote extension amount",
        "PASS  governor accepts extensions from the vote extension",
        "PASS  advisors' board owner",
        "PASS  advisors' board governor",
        "PASS  governor guardian term",
      ]);
    });

    it("reads deploy/parameters/<network>.json by default (hardhat.json in process)", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const run = await runTask(VERIFY, { deployment: d.file });
      expect(run.err).to.equal("");
      expect(run.exitCode).to.equal(0);
      expect(lines(run.out).pop()).to.equal("159 checks: 159 passed, 0 failed");
    });
  });

  describe("with a parameter file that does not match", function () {
    it("fails with the exact mismatches and exits with 1", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const signers = await ethers.getSigners();
      const outsider = signers[ACCOUNT.outsider].address;
      const file = editedFile(PARAMETER_FILE, (s) => {
        s.stakeUnit = "1000";
        (s.classConfigs as Section[])[2].memberQuorumBps = 6000;
        (s.classConfigs as Section[])[1].votingPeriod = 3 * DAY;
        s.secretariat = outsider;
      });
      const run = await verify(d, { parameters: file });
      expect(run.err).to.equal("");
      expect(run.exitCode).to.equal(1);
      const failed = lines(run.out).filter((l) => l.startsWith("FAIL"));
      expect(failed).to.deep.equal([
        "FAIL  vault stake unit: expected 1000, found 5000000000000000000000000",
        "FAIL  policy Treasury votingPeriod: expected 259200 (3d), found 604800 (7d)",
        "FAIL  policy Constitutional memberQuorumBps: expected 6000, found 5000",
        `FAIL  governor secretariat: expected ${outsider}, found ${signers[ACCOUNT.secretariat].address}`,
      ]);
      expect(lines(run.out).pop()).to.equal("159 checks: 155 passed, 4 failed");
    });

    it("fails on the vote extension's amount, and on a vote extension the governor does not accept", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const file = editedFile(PARAMETER_FILE, (s) => {
        s.voteExtensionAmount = 3 * DAY;
      });
      const run = await verify(d, { parameters: file });
      expect(lines(run.out).filter((l) => l.startsWith("FAIL"))).to.deep.equal([
        "FAIL  vote extension amount: expected 259200 (3d), found 604800 (7d)",
      ]);

      // An address file naming another VoteExtension, bound to the same governor, which the governor never fixed.
      const other = await ethers.deployContract("VoteExtension", [
        d.addresses.timelock,
        d.addresses.vault,
        7 * DAY,
      ]);
      await other.bindGovernor(d.addresses.governor);
      const forged = path.join(scratch, "addresses-forged-extension.json");
      writeFileSync(forged, JSON.stringify({ ...d.addresses, voteExtension: await other.getAddress() }));
      const forgedRun = await runTask(VERIFY, { deployment: forged, parameters: PARAMETER_FILE });
      expect(lines(forgedRun.out).filter((l) => l.startsWith("FAIL"))).to.deep.equal([
        "FAIL  governor accepts extensions from the vote extension: expected accepted, found refused",
      ]);
      expect(forgedRun.exitCode).to.equal(1);
    });

    it("fails on an initial member's record, a reserve limit and both guardians' term", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const file = editedFile(PARAMETER_FILE, (s) => {
        const members = s.initialMembers as Section[];
        members[1].name = "Member Two";
        members[2].nodes = ["0x00000000000000000000000000000000000b0003"];
        s.reserveOutflowLimits = ["1"];
        s.guardianTerm = 30 * DAY;
      });
      const run = await verify(d, { parameters: file });
      expect(run.exitCode).to.equal(1);
      expect(lines(run.out).filter((l) => l.startsWith("FAIL"))).to.deep.equal([
        'FAIL  initial member 2 name: expected "Member Two", found "Member 2"',
        "FAIL  initial member 3 nodes: expected [0x00000000000000000000000000000000000B0003], " +
          "found [0x00000000000000000000000000000000000A0003]",
        "FAIL  reserve guardian term: expected 2592000 (30d), found 31536000 (365d)",
        "FAIL  reserve outflow limit of native coin: expected 1, found 100000000000000000000000000",
        "FAIL  governor guardian term: expected 2592000 (30d), found 31536000 (365d)",
      ]);
    });
  });

  describe("role matrix", function () {
    it("fails when a known account holds a timelock role", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const signers = await ethers.getSigners();
      const [deployer] = signers;
      const secretariat = signers[ACCOUNT.secretariat].address;
      const voter = signers[ACCOUNT.voter + 1].address;
      const timelock = d.timelock.connect(await asTimelock(d));
      await timelock.grantRole(TIMELOCK_ROLES.DEFAULT_ADMIN_ROLE, deployer.address);
      await timelock.grantRole(TIMELOCK_ROLES.PROPOSER_ROLE, secretariat);
      await timelock.grantRole(TIMELOCK_ROLES.CANCELLER_ROLE, secretariat);
      await timelock.grantRole(TIMELOCK_ROLES.EXECUTOR_ROLE, voter);

      const run = await verify(d, { deployer: deployer.address });
      expect(run.exitCode).to.equal(1);
      expect(lines(run.out).filter((l) => l.startsWith("FAIL"))).to.deep.equal([
        `FAIL  timelock roles of deployer ${deployer.address}: expected none, found DEFAULT_ADMIN_ROLE`,
        `FAIL  timelock roles of secretariat ${secretariat}: expected none, found PROPOSER_ROLE, CANCELLER_ROLE`,
        `FAIL  timelock roles of member 2 voter ${voter}: expected none, found EXECUTOR_ROLE`,
      ]);
      expect(lines(run.out).pop()).to.equal("160 checks: 157 passed, 3 failed");
    });

    it("checks the deployer only when told who it is", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const [deployer] = await ethers.getSigners();
      await d.timelock.connect(await asTimelock(d)).grantRole(TIMELOCK_ROLES.PROPOSER_ROLE, deployer.address);
      expect((await verify(d)).exitCode).to.equal(0);
      expect((await verify(d, { deployer: deployer.address })).exitCode).to.equal(1);
    });

    it("fails when the governor lost a role or anyone may execute", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const timelock = d.timelock.connect(await asTimelock(d));
      await timelock.revokeRole(TIMELOCK_ROLES.CANCELLER_ROLE, d.addresses.governor);
      await timelock.grantRole(TIMELOCK_ROLES.EXECUTOR_ROLE, ethers.ZeroAddress);
      await timelock.grantRole(TIMELOCK_ROLES.DEFAULT_ADMIN_ROLE, d.addresses.governor);

      const run = await verify(d);
      expect(lines(run.out).filter((l) => l.startsWith("FAIL"))).to.deep.equal([
        "FAIL  timelock CANCELLER_ROLE of the governor: expected granted, found not granted",
        "FAIL  timelock DEFAULT_ADMIN_ROLE of the governor: expected not granted, found granted",
        "FAIL  timelock EXECUTOR_ROLE of everyone (address 0): expected not granted, found granted",
      ]);
      expect(run.exitCode).to.equal(1);
    });

    it("fails when the timelock is no longer its own admin", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      await d.timelock
        .connect(await asTimelock(d))
        .renounceRole(TIMELOCK_ROLES.DEFAULT_ADMIN_ROLE, d.addresses.timelock);
      const run = await verify(d);
      expect(lines(run.out).filter((l) => l.startsWith("FAIL"))).to.deep.equal([
        "FAIL  timelock DEFAULT_ADMIN_ROLE of the timelock itself: expected granted, found not granted",
      ]);
    });

    it("fails while an ownership transfer is pending", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const outsider = (await ethers.getSigners())[ACCOUNT.outsider].address;
      await d.reserve.connect(await asTimelock(d)).transferOwnership(outsider);
      const run = await verify(d);
      expect(lines(run.out).filter((l) => l.startsWith("FAIL"))).to.deep.equal([
        `FAIL  reserve pending owner: expected ${ethers.ZeroAddress} (none), found ${outsider}`,
      ]);
      expect(run.exitCode).to.equal(1);
    });
  });

  describe("after governance changed the system", function () {
    it("reports the community's changed threshold and veto phase, and a community contract holding a role", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const [petitionsAddress, vetoAddress] = await d.policy.community();
      const timelock = await asTimelock(d);
      const petitions = await ethers.getContractAt("CommunityPetitions", petitionsAddress, timelock);
      await petitions.setThreshold(ethers.parseEther("6000000"));
      await d.timelock.connect(timelock).grantRole(TIMELOCK_ROLES.CANCELLER_ROLE, vetoAddress);
      const run = await verify(d);
      expect(lines(run.out).filter((l) => l.startsWith("FAIL"))).to.deep.equal([
        "FAIL  timelock roles of the veto contract: expected none, found CANCELLER_ROLE",
        "FAIL  petitions threshold: expected 5000000000000000000000000, found 6000000000000000000000000",
      ]);
      expect(run.exitCode).to.equal(1);
    });

    it("reports a removed initial member as such", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      await d.registry.connect(await asTimelock(d)).remove(5);
      const run = await verify(d);
      const failed = lines(run.out).filter((l) => l.startsWith("FAIL"));
      expect(failed).to.have.length(1);
      expect(failed[0]).to.match(
        /^FAIL {2}initial member 5 status: expected Active, found Removed \(left \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)$/,
      );
    });

    it("reports both guardians once their term has ended", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const termEnd = await d.governor.guardianTermEnd();
      // The reserve was deployed a few blocks before the governor: its guardian's term ends first.
      expect(await d.reserve.guardianTermEnd()).to.be.at.most(termEnd);
      await networkHelpers.time.increaseTo(termEnd + 1n);
      const run = await verify(d);
      const failed = lines(run.out).filter((l) => l.startsWith("FAIL"));
      expect(failed).to.have.length(2);
      expect(failed[0]).to.match(
        /^FAIL {2}reserve guardian: expected 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC, found 0x0{40} \(its term ended .+ UTC\)$/,
      );
      expect(failed[1]).to.match(
        /^FAIL {2}governor guardian: expected 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC, found 0x0{40} \(its term ended .+ UTC\)$/,
      );
      // The terms themselves still match the file.
      expect(lines(run.out)).to.include.members([
        "PASS  reserve guardian term",
        "PASS  governor guardian term",
      ]);
    });

    it("reports a reserve guardian that governance replaced, with its new term", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const next = (await ethers.getSigners())[ACCOUNT.outsider].address;
      await d.reserve.connect(await asTimelock(d)).setGuardian(next, 30n * BigInt(DAY));
      const termEnd = await d.reserve.guardianTermEnd();
      const run = await verify(d);
      const failed = lines(run.out).filter((l) => l.startsWith("FAIL"));
      expect(failed).to.have.length(2);
      expect(failed[0]).to.equal(
        `FAIL  reserve guardian: expected 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC, found ${next}`,
      );
      expect(failed[1]).to.match(
        /^FAIL {2}reserve guardian term: expected 31536000 \(365d\), found \d+ \(30d/,
      );
      expect(termEnd).to.be.above(0n);
      expect(run.exitCode).to.equal(1);
    });

    it("reports a reserve with no guardian against a file that names one", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      await d.reserve.connect(await asTimelock(d)).setGuardian(ethers.ZeroAddress, 0n);
      const run = await verify(d);
      expect(lines(run.out).filter((l) => l.startsWith("FAIL"))).to.deep.equal([
        `FAIL  reserve guardian: expected 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC, found ${ethers.ZeroAddress}`,
        "FAIL  reserve guardian term: expected 31536000 (365d), found 0 (no guardian)",
      ]);
    });

    it("reports a vault whose governor is not the deployment's governor", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      // No second binding is possible: clear the vault's governor slot, as if the module had never bound it.
      const slot = await storageSlotHolding(d.addresses.vault, d.addresses.governor);
      const word = await ethers.provider.getStorage(d.addresses.vault, slot);
      const cleared = ethers.toBeHex(BigInt(word) & ~((1n << 160n) - 1n), 32);
      await networkHelpers.setStorageAt(d.addresses.vault, slot, cleared);
      expect(await d.vault.governor()).to.equal(ethers.ZeroAddress);
      const run = await verify(d);
      expect(lines(run.out).filter((l) => l.startsWith("FAIL"))).to.deep.equal([
        `FAIL  vault governor: expected ${d.addresses.governor} (governor), found ${ethers.ZeroAddress} (none)`,
      ]);
      expect(run.exitCode).to.equal(1);
    });
  });

  describe("guardian term on a node without past state", function () {
    /** The deployment seen through a provider that refuses every past-state query, like a pruned node. */
    async function withoutHistory(d: Deployed) {
      const provider = new Proxy(ethers.provider, {
        get(target, property, receiver) {
          if (property === "getCode") {
            return (address: string, blockTag?: unknown) => {
              if (blockTag !== undefined && blockTag !== "latest") throw new Error("missing trie node");
              return target.getCode(address);
            };
          }
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      }) as Provider;
      return connectContracts(d.addresses, provider);
    }

    it("bounds the governor's and the reserve's deployment between the registry's and now", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const checks = await verifyDeployment(await withoutHistory(d), readParameters(PARAMETER_FILE));
      for (const holder of ["governor", "reserve"]) {
        const term = checks.find((c) => c.name === `${holder} guardian term`);
        expect(term?.pass).to.equal(true);
        expect(term?.expected).to.equal(`31536000 (365d) from the ${holder}'s deployment`);
        expect(term?.actual).to.contain("this node keeps no past state");
      }
      expect(checks.every((c) => c.pass)).to.equal(true);
    });

    it("still fails a term that does not fit", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const p = { ...readParameters(PARAMETER_FILE), guardianTerm: 300n * BigInt(DAY) };
      const checks = await verifyDeployment(await withoutHistory(d), p);
      expect(checks.filter((c) => !c.pass).map((c) => c.name)).to.deep.equal([
        "reserve guardian term",
        "governor guardian term",
      ]);
    });
  });

  describe("errors", function () {
    it("reports a missing deployment file in one line", async function () {
      const missing = path.join(scratch, "nowhere", "deployed_addresses.json");
      const run = await runTask(VERIFY, { deployment: missing, parameters: PARAMETER_FILE });
      expect(run).to.deep.equal({
        out: "",
        err: `Error: no deployment file ${missing}: deploy first (./gc ignition deploy …) or pass --deployment <file>`,
        exitCode: 1,
      });
    });

    it("reports a missing parameter file in one line", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const missing = path.join(scratch, "missing.json");
      const run = await verify(d, { parameters: missing });
      expect(run).to.deep.equal({
        out: "",
        err: `Error: no parameter file ${missing}: pass --parameters <file> (see deploy/parameters/)`,
        exitCode: 1,
      });
    });

    it("reports a parameter file that is not JSON in one line", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const file = rawFile('{ "CouncilGovernance": { "stakeUnit": 5, } }');
      const run = await verify(d, { parameters: file });
      expect(run.out).to.equal("");
      expect(run.err).to.match(new RegExp(`^Error: parameter file ${file} is not JSON: [^\\n]+$`));
      expect(run.exitCode).to.equal(1);
    });

    const malformed: [string, (s: Section) => void, string][] = [
      ["a missing parameter", (s) => delete s.stakeUnit, "CouncilGovernance.stakeUnit is missing"],
      [
        "an unknown key",
        (s) => (s.stakeTokn = ethers.ZeroAddress),
        "CouncilGovernance.stakeTokn is not a parameter of the module (a typo? see deploy/README.md)",
      ],
      [
        "a number that is not whole",
        (s) => (s.queueWindow = "14 days"),
        "CouncilGovernance.queueWindow must be a whole number ≥ 0 (a JSON number, or a decimal string for large " +
          'ones), found "14 days"',
      ],
      [
        "a bad address",
        (s) => ((s.initialMembers as Section[])[1].voter = "0x1234"),
        'CouncilGovernance.initialMembers[1].voter must be an address (0x and 40 hex digits), found "0x1234"',
      ],
      [
        "a class configuration field",
        (s) => delete (s.classConfigs as Section[])[4].voteQuorumBps,
        "CouncilGovernance.classConfigs[4].voteQuorumBps is missing",
      ],
      [
        "four class configurations",
        (s) => (s.classConfigs as Section[]).pop(),
        "CouncilGovernance.classConfigs must have 5 entries (Standard, Treasury, Constitutional, Admission, " +
          "No-confidence)",
      ],
      [
        "a limit missing for an asset",
        (s) => (s.reserveOutflowLimits = []),
        "CouncilGovernance.reserveAssets has 1 entries but CouncilGovernance.reserveOutflowLimits has 0: give " +
          "one limit per asset",
      ],
      [
        "a reserve guardian without a governor guardian (they share one term)",
        (s) => (s.guardian = ethers.ZeroAddress),
        "CouncilGovernance.guardian is the zero address but CouncilGovernance.reserveGuardian is not: both " +
          "guardians serve the one CouncilGovernance.guardianTerm, so set both, or neither (with guardianTerm 0)",
      ],
      [
        "a governor guardian without a reserve guardian",
        (s) => (s.reserveGuardian = ethers.ZeroAddress),
        "CouncilGovernance.reserveGuardian is the zero address but CouncilGovernance.guardian is not: both " +
          "guardians serve the one CouncilGovernance.guardianTerm, so set both, or neither (with guardianTerm 0)",
      ],
      [
        "a placeholder",
        (s) => (s.guardian = "<replace: governor guardian account>"),
        'CouncilGovernance.guardian is still a placeholder ("<replace: governor guardian account>"): put the ' +
          "real value in before deploying",
      ],
      [
        "a stake source that is neither bonded nor kaia",
        (s) => (s.stakeSource = "kaia-tracker"),
        'CouncilGovernance.stakeSource must be "bonded" (stake bonded in the vault) or "kaia" (Kaia CnStaking), ' +
          'found "kaia-tracker"',
      ],
      [
        "a Kaia parameter in a bonded file",
        (s) => (s.trackerMode = true),
        'CouncilGovernance.trackerMode is a parameter of the Kaia stake source: remove it, or set CouncilGovernance.stakeSource to "kaia"',
      ],
      [
        "a Kaia file without its mode",
        (s) => (s.stakeSource = "kaia"),
        "CouncilGovernance.trackerMode must be true (tracker mode: members point their CnStaking at the vault) or " +
          "false (read mode: Kaia's StakingTracker stays), found nothing",
      ],
      [
        "a Kaia file with a stake token",
        (s) => Object.assign(s, { stakeSource: "kaia", trackerMode: false, stakeToken: ACCOUNT_ZERO_ONE }),
        `CouncilGovernance.stakeToken is ${ACCOUNT_ZERO_ONE}, but the Kaia stake source counts the native coin in ` +
          "CnStaking contracts: leave stakeToken out (or the zero address)",
      ],
    ];
    for (const [what, edit, message] of malformed) {
      it(`reports ${what} in one line, naming the key`, async function () {
        const d = await networkHelpers.loadFixture(deployWithModule);
        const file = editedFile(PARAMETER_FILE, edit);
        const run = await verify(d, { parameters: file });
        expect(run).to.deep.equal({ out: "", err: `Error: parameter file ${file}: ${message}`, exitCode: 1 });
      });
    }

    it("reports a file without the module's section", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const file = rawFile('{ "Other": {} }');
      const run = await verify(d, { parameters: file });
      expect(run.err).to.equal(
        `Error: parameter file ${file}: no "CouncilGovernance" section (an object of the module's parameters)`,
      );
    });

    it("reports a --deployer that is not an address", async function () {
      const d = await networkHelpers.loadFixture(deployWithModule);
      const run = await verify(d, { deployer: "0xdead" });
      expect(run).to.deep.equal({
        out: "",
        err: "Error: --deployer 0xdead: not an address (0x and 40 hex digits)",
        exitCode: 1,
      });
    });
  });
});

describe("deploy/parameters for Kairos and Kaia", function () {
  for (const [network, file] of [
    ["kairos", KAIROS_FILE],
    ["kaia", KAIA_FILE],
  ] as const) {
    describe(`${network}.json`, function () {
      it("refuses its placeholders, naming the first one", function () {
        expect(() => readParameters(file))
          .to.throw(OpsError)
          .with.property(
            "message",
            `parameter file ${file}: CouncilGovernance.initialMembers[0].name is still a placeholder ` +
              '("<replace: member 1 organization name>"): put the real value in before deploying',
          );
      });

      it("carries the documented defaults (docs/architecture.md) and a real outflow limit", async function () {
        const p = readParameters(await filledIn(file));
        // The Kaia stake source, in read mode, on the AddressBook at 0x…0400 (deploy/README.md says why).
        expect([p.stakeSource, p.trackerMode, p.addressBook]).to.deep.equal([
          "kaia",
          false,
          "0x0000000000000000000000000000000000000400",
        ]);
        expect(p.stakeUnit).to.equal(ethers.parseEther("5000000"));
        expect(p.stakeToken).to.equal(ethers.ZeroAddress);
        expect([p.unbondingPeriod, p.withdrawalWindow]).to.deep.equal([7n * 86400n, 7n * 86400n]);
        expect([p.minMembers, p.maxMembers, p.sponsorshipWindow]).to.deep.equal([4n, 100n, 14n * 86400n]);
        expect([p.queueWindow, p.executionWindow]).to.deep.equal([14n * 86400n, 14n * 86400n]);
        expect([p.maxActions, p.maxLiveProposals, p.proposerRule]).to.deep.equal([32n, 3n, 0n]);
        expect([p.timelockMinDelay, p.lateQuorumExtension]).to.deep.equal([2n * 86400n, 2n * 86400n]);
        expect([p.guardianTerm, p.reservePauseDuration]).to.deep.equal([365n * 86400n, 14n * 86400n]);
        expect(p.reserveAssets).to.deep.equal([ethers.ZeroAddress]);
        expect(p.reserveOutflowLimits).to.deep.equal([ethers.parseEther("10000000")]);
        const day = 86400n;
        const ordinary = [7n * day, 7n * day, 2n * day, 3333n, 3333n, 1n, 2n];
        const weighty = (delay: bigint) => [7n * day, 7n * day, delay, 5000n, 5000n, 2n, 3n];
        expect(p.classConfigs.map((c) => Object.values(c))).to.deep.equal([
          ordinary,
          ordinary,
          weighty(7n * day),
          ordinary,
          weighty(2n * day),
        ]);
      });

      it("deploys and verifies once the placeholders are replaced", async function () {
        const filled = await filledIn(file);
        // Kaia's AddressBook (a mock here) at 0x…0400, where the Kaia stake source looks for it.
        await installAddressBook();
        const { file: deployment } = await deployWithFile(filled);
        const run = await runTask(VERIFY, { deployment, parameters: filled });
        expect(run.exitCode).to.equal(0);
        // 4 accounts fewer than hardhat.json (one member less), 2 more vault checks (stake source, AddressBook).
        expect(lines(run.out).pop()).to.equal("152 checks: 152 passed, 0 failed");
      });
    });
  }

  it("stops `ignition deploy` on a placeholder before Ignition starts", async function () {
    const run = await runTask(["ignition", "deploy"], {
      modulePath: fileURLToPath(new URL("../../deploy/modules/CouncilGovernance.ts", import.meta.url)),
      parameters: KAIA_FILE,
    });
    expect(run).to.deep.equal({
      out: "",
      err:
        `Error: parameter file ${KAIA_FILE}: CouncilGovernance.initialMembers[0].name is still a placeholder ` +
        '("<replace: member 1 organization name>"): put the real value in before deploying',
      exitCode: 1,
    });
  });
});
