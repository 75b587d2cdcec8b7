/**
 * The Ignition module deploys the whole system from deploy/parameters/hardhat.json and hands every role to the
 * timelock: the deployer ends with no role anywhere.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { expect } from "chai";

import CouncilGovernance from "../../deploy/modules/CouncilGovernance.js";
import { RESERVE_TREASURY_FUNCTIONS } from "../../scripts/ops/system.js";
import { connection, ethers, networkHelpers } from "../utils/council.js";
import { MotionClass } from "../utils/governance.js";

interface Parameters {
  CouncilGovernance: {
    secretariat: string;
    guardian: string;
    reserveGuardian: string;
    stakeUnit: string;
    maxActions: number;
    maxLiveProposals: number;
    queueWindow: number;
    executionWindow: number;
    minMembers: number;
    maxMembers: number;
    sponsorshipWindow: number;
    initialMembers: { admin: string; voter: string }[];
    guardianTerm: number;
  };
}

const parameterFile = fileURLToPath(new URL("../../deploy/parameters/hardhat.json", import.meta.url));
const p = (JSON.parse(readFileSync(parameterFile, "utf8")) as Parameters).CouncilGovernance;

/** The timestamp of the block that created `address` (bisecting eth_getCode over past blocks). */
async function createdAt(address: string): Promise<bigint> {
  let low = 0;
  let high = await ethers.provider.getBlockNumber();
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if ((await ethers.provider.getCode(address, mid)) === "0x") low = mid + 1;
    else high = mid;
  }
  return BigInt((await ethers.provider.getBlock(low))!.timestamp);
}

async function deployed() {
  const d = await connection.ignition.deploy(CouncilGovernance, { parameters: parameterFile });
  return {
    timelock: await ethers.getContractAt("TimelockController", await d.timelock.getAddress()),
    registry: await ethers.getContractAt("CouncilRegistry", await d.registry.getAddress()),
    vault: await ethers.getContractAt("StakeVault", await d.vault.getAddress()),
    reserve: await ethers.getContractAt("ImprovementReserve", await d.reserve.getAddress()),
    policy: await ethers.getContractAt("MotionPolicy", await d.policy.getAddress()),
    governor: await ethers.getContractAt("CouncilGovernor", await d.governor.getAddress()),
    lens: await ethers.getContractAt("CouncilGovernorLens", await d.lens.getAddress()),
  };
}

describe("deploy/CouncilGovernance (Ignition module)", function () {
  it("uses the in-process network's accounts in its hardhat parameter file", async function () {
    const signers = await ethers.getSigners();
    expect(p.secretariat).to.equal(signers[1].address);
    expect(p.guardian).to.equal(signers[2].address);
    p.initialMembers.forEach((member, i) => {
      expect(member.admin).to.equal(signers[3 + i].address);
      expect(member.voter).to.equal(signers[8 + i].address);
    });
  });

  it("hands every role to the timelock and leaves the deployer none", async function () {
    const s = await networkHelpers.loadFixture(deployed);
    const [deployer] = await ethers.getSigners();
    const timelock = await s.timelock.getAddress();
    const governor = await s.governor.getAddress();
    const roles = {
      admin: await s.timelock.DEFAULT_ADMIN_ROLE(),
      proposer: await s.timelock.PROPOSER_ROLE(),
      executor: await s.timelock.EXECUTOR_ROLE(),
      canceller: await s.timelock.CANCELLER_ROLE(),
    };
    for (const role of Object.values(roles)) {
      expect(await s.timelock.hasRole(role, deployer.address)).to.equal(false);
    }
    for (const role of [roles.proposer, roles.executor, roles.canceller]) {
      expect(await s.timelock.hasRole(role, governor)).to.equal(true);
    }
    expect(await s.timelock.hasRole(roles.admin, timelock)).to.equal(true);
    expect(await s.timelock.hasRole(roles.executor, ethers.ZeroAddress)).to.equal(false);
    for (const owned of [s.registry, s.vault, s.policy, s.reserve]) {
      expect(await owned.owner()).to.equal(timelock);
      expect(await owned.pendingOwner()).to.equal(ethers.ZeroAddress);
    }
    expect(await s.governor.timelock()).to.equal(timelock);
    // The one-shot vault binding is spent: nobody can bind again.
    expect(await s.registry.stakeVault()).to.equal(await s.vault.getAddress());
    await expect(s.registry.bindStakeVault(await s.vault.getAddress())).to.be.revertedWithCustomError(
      s.registry,
      "CouncilRegistryVaultBindingClosed",
    );
    // So is the vault's governor binding: the governor alone may freeze a no-confidence target's stake.
    expect(await s.vault.governor()).to.equal(governor);
    await expect(s.vault.connect(deployer).bindGovernor(governor)).to.be.revertedWithCustomError(
      s.vault,
      "StakeVaultGovernorBindingClosed",
    );
  });

  it("sets every parameter from the file", async function () {
    const s = await networkHelpers.loadFixture(deployed);
    expect(await s.registry.activeMemberCount()).to.equal(BigInt(p.initialMembers.length));
    expect(await s.registry.minMembers()).to.equal(BigInt(p.minMembers));
    expect(await s.registry.maxMembers()).to.equal(BigInt(p.maxMembers));
    expect(await s.registry.sponsorshipWindow()).to.equal(BigInt(p.sponsorshipWindow));
    expect(await s.vault.stakeUnit()).to.equal(BigInt(p.stakeUnit));
    expect(await s.governor.secretariat()).to.equal(p.secretariat);
    expect(await s.governor.guardian()).to.equal(p.guardian);
    expect(await s.governor.maxActions()).to.equal(BigInt(p.maxActions));
    expect(await s.governor.maxLiveProposals()).to.equal(BigInt(p.maxLiveProposals));
    expect(await s.governor.queueWindow()).to.equal(BigInt(p.queueWindow));
    expect(await s.governor.executionWindow()).to.equal(BigInt(p.executionWindow));
    expect(await s.governor.motionPolicy()).to.equal(await s.policy.getAddress());
    expect(await s.reserve.guardian()).to.equal(p.reserveGuardian);
    // Both guardians serve guardianTerm, each from its own contract's deployment.
    const term = BigInt(p.guardianTerm);
    expect(await s.reserve.guardianTermEnd()).to.equal(
      (await createdAt(await s.reserve.getAddress())) + term,
    );
    expect(await s.governor.guardianTermEnd()).to.equal(
      (await createdAt(await s.governor.getAddress())) + term,
    );
    expect((await s.policy.classConfig(MotionClass.Constitutional)).timelockDelay).to.equal(7n * 24n * 3600n);
  });

  it("classifies the reserve's payments Treasury and its limits Constitutional", async function () {
    const s = await networkHelpers.loadFixture(deployed);
    const governor = await s.governor.getAddress();
    const reserve = await s.reserve.getAddress();
    const [, , , payee] = await ethers.getSigners();
    for (const signature of RESERVE_TREASURY_FUNCTIONS) {
      const [cls, isSet] = await s.policy.actionClass(reserve, ethers.id(signature).slice(0, 10));
      expect([cls, isSet]).to.deep.equal([BigInt(MotionClass.Treasury), true]);
    }
    const pay = s.reserve.interface.encodeFunctionData("pay", [
      ethers.ZeroAddress,
      payee.address,
      1n,
      "memo",
    ]);
    expect(await s.policy.classifyAction(governor, reserve, 0n, pay)).to.equal(MotionClass.Treasury);
    const limit = s.reserve.interface.encodeFunctionData("setOutflowLimit", [ethers.ZeroAddress, 1n]);
    expect(await s.policy.classifyAction(governor, reserve, 0n, limit)).to.equal(MotionClass.Constitutional);
  });
});
