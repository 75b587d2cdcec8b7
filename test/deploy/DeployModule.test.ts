/**
 * The Ignition modules deploy the whole system and hand every role to the timelock: the deployer ends with no role
 * anywhere. CouncilGovernance (bonded stake) deploys from deploy/parameters/hardhat.json; KaiaCouncilGovernance
 * deploys the same file turned to the Kaia stake source, in tracker mode and in read mode, with Kaia's AddressBook
 * (a mock) at 0x…0400. Every mode gets the same role matrix and parameter checks.
 */
import { expect } from "chai";

import { readParameters } from "../../scripts/ops/parameters.js";
import { KAIA_ADDRESS_BOOK, RESERVE_TREASURY_FUNCTIONS } from "../../scripts/ops/system.js";
import { KaiaStakeVault__factory } from "../../typechain-types/index.js";
import { MotionClass } from "../utils/governance.js";
import {
  ACCOUNT,
  PARAMETER_FILE,
  deployKaiaRead,
  deployKaiaTracker,
  deployWithModule,
  ethers,
  networkHelpers,
} from "../utils/tasks.js";
import type { Deployed } from "../utils/tasks.js";

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

/** The bonded deployment, with the file it came from. */
async function bonded(): Promise<Deployed & { parameters: string }> {
  return { ...(await deployWithModule()), parameters: PARAMETER_FILE };
}

const MODES = [
  { mode: "bonded", module: "CouncilGovernance", fixture: bonded },
  { mode: "kaia-tracker", module: "KaiaCouncilGovernance", fixture: deployKaiaTracker },
  { mode: "kaia-read", module: "KaiaCouncilGovernance", fixture: deployKaiaRead },
] as const;

it("the hardhat parameter file uses the in-process network's accounts", async function () {
  const p = readParameters(PARAMETER_FILE);
  const signers = await ethers.getSigners();
  expect(p.stakeSource).to.equal("bonded");
  expect(p.secretariat).to.equal(signers[ACCOUNT.secretariat].address);
  expect(p.guardian).to.equal(signers[ACCOUNT.guardian].address);
  p.initialMembers.forEach((member, i) => {
    expect(member.admin).to.equal(signers[ACCOUNT.admin + i].address);
    expect(member.voter).to.equal(signers[ACCOUNT.voter + i].address);
  });
});

for (const { mode, module, fixture } of MODES) {
  describe(`deploy/${module} (Ignition module), ${mode}`, function () {
    it("hands every role to the timelock and leaves the deployer none", async function () {
      const s = await networkHelpers.loadFixture(fixture);
      const [deployer] = await ethers.getSigners();
      const { timelock, governor, vault } = s.addresses;
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
      expect(await s.timelock.hasRole(roles.admin, governor)).to.equal(false);
      expect(await s.timelock.hasRole(roles.executor, ethers.ZeroAddress)).to.equal(false);
      for (const owned of [s.registry, s.vault, s.policy, s.reserve, s.voteExtension!, s.advisors!]) {
        expect(await owned.owner()).to.equal(timelock);
        expect(await owned.pendingOwner()).to.equal(ethers.ZeroAddress);
      }
      expect(await s.governor.timelock()).to.equal(timelock);
      expect(await s.governor.token()).to.equal(vault);
      // The one-shot vault binding is spent: nobody can bind again.
      expect(await s.registry.stakeVault()).to.equal(vault);
      await expect(s.registry.connect(deployer).bindStakeVault(vault)).to.be.revertedWithCustomError(
        s.registry,
        "CouncilRegistryVaultBindingClosed",
      );
      // So is the vault's governor binding: the governor alone may freeze a no-confidence target's stake.
      expect(await s.vault.governor()).to.equal(governor);
      await expect(s.vault.connect(deployer).bindGovernor(governor)).to.be.revertedWithCustomError(
        s.vault,
        "StakeVaultGovernorBindingClosed",
      );
      expect(await s.registry.bootstrapEnded()).to.equal(true);
    });

    it("sets every parameter from the file", async function () {
      const s = await networkHelpers.loadFixture(fixture);
      const p = readParameters(s.parameters);
      expect(await s.timelock.getMinDelay()).to.equal(p.timelockMinDelay);
      expect(await s.registry.activeMemberCount()).to.equal(BigInt(p.initialMembers.length));
      for (const [i, m] of p.initialMembers.entries()) {
        const r = await s.registry.getMember(i + 1);
        expect([r.name, r.metadataURI, r.admin, r.voter, [...r.nodes]]).to.deep.equal([
          m.name,
          m.metadataURI,
          m.admin,
          m.voter,
          m.nodes,
        ]);
      }
      expect(await s.registry.minMembers()).to.equal(p.minMembers);
      expect(await s.registry.maxMembers()).to.equal(p.maxMembers);
      expect(await s.registry.sponsorshipWindow()).to.equal(p.sponsorshipWindow);
      expect(await s.vault.stakeToken()).to.equal(p.stakeToken);
      expect(await s.vault.stakeUnit()).to.equal(p.stakeUnit);
      expect(await s.vault.unbondingPeriod()).to.equal(p.unbondingPeriod);
      expect(await s.vault.withdrawalWindow()).to.equal(p.withdrawalWindow);
      expect(await s.governor.secretariat()).to.equal(p.secretariat);
      expect(await s.governor.proposerRule()).to.equal(p.proposerRule);
      expect(await s.governor.guardian()).to.equal(p.guardian);
      expect(await s.governor.maxActions()).to.equal(p.maxActions);
      expect(await s.governor.maxLiveProposals()).to.equal(p.maxLiveProposals);
      expect(await s.governor.queueWindow()).to.equal(p.queueWindow);
      expect(await s.governor.executionWindow()).to.equal(p.executionWindow);
      expect(await s.governor.lateQuorumVoteExtension()).to.equal(p.lateQuorumExtension);
      expect(await s.governor.motionPolicy()).to.equal(s.addresses.policy);
      expect(await s.reserve.guardian()).to.equal(p.reserveGuardian);
      expect(await s.reserve.pauseDuration()).to.equal(p.reservePauseDuration);
      for (const [i, a] of p.reserveAssets.entries()) {
        expect(await s.reserve.outflowLimit(a)).to.equal(p.reserveOutflowLimits[i]);
      }
      for (const [i, config] of p.classConfigs.entries()) {
        const onChain = await s.policy.classConfig(i);
        for (const [field, value] of Object.entries(config)) {
          expect(onChain[field as keyof typeof config]).to.equal(value, `class ${i} ${field}`);
        }
      }
      expect(await s.voteExtension!.extensionAmount()).to.equal(p.voteExtensionAmount);
      // Both guardians serve guardianTerm, each from its own contract's deployment.
      expect(await s.reserve.guardianTermEnd()).to.equal(
        (await createdAt(s.addresses.reserve)) + p.guardianTerm,
      );
      expect(await s.governor.guardianTermEnd()).to.equal(
        (await createdAt(s.addresses.governor)) + p.guardianTerm,
      );
    });

    if (mode === "bonded") {
      it("deploys the bonded StakeVault, which accepts bonds", async function () {
        const s = await networkHelpers.loadFixture(fixture);
        // No trackerMode() there: the call reverts without a reason.
        await expect(
          KaiaStakeVault__factory.connect(s.addresses.vault, ethers.provider).trackerMode(),
        ).to.be.revertedWithoutReason(ethers);
        const admin = (await ethers.getSigners())[ACCOUNT.admin];
        const unit = await s.vault.stakeUnit();
        await networkHelpers.setBalance(admin.address, unit * 2n);
        await expect(s.vault.connect(admin).stake(unit, { value: unit }))
          .to.emit(s.vault, "Staked")
          .withArgs(1n, admin.address, unit, unit);
      });
    } else {
      it(`deploys KaiaStakeVault in ${mode === "kaia-tracker" ? "tracker" : "read"} mode on the AddressBook`, async function () {
        const s = await networkHelpers.loadFixture(fixture);
        const vault = KaiaStakeVault__factory.connect(s.addresses.vault, ethers.provider);
        expect(await vault.trackerMode()).to.equal(mode === "kaia-tracker");
        expect(await vault.addressBook()).to.equal(KAIA_ADDRESS_BOOK);
        expect(await vault.CONTRACT_TYPE()).to.equal("StakingTracker");
        const admin = (await ethers.getSigners())[ACCOUNT.admin];
        const unit = await s.vault.stakeUnit();
        await expect(s.vault.connect(admin).stake(unit, { value: unit })).to.be.revertedWithCustomError(
          vault,
          "KaiaStakeVaultBondingDisabled",
        );
      });
    }

    it("classifies the reserve's payments Treasury and its limits Constitutional", async function () {
      const s = await networkHelpers.loadFixture(fixture);
      const { governor, reserve } = s.addresses;
      const payee = (await ethers.getSigners())[ACCOUNT.outsider];
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
      expect(await s.policy.classifyAction(governor, reserve, 0n, limit)).to.equal(
        MotionClass.Constitutional,
      );
    });
  });
}
