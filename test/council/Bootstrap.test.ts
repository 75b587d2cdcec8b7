/**
 * CouncilRegistry bootstrap: an initial council of any allowed size, registered by the deployer in batches before
 * the hand-off, and a council of 255 members at the vote cap whose every transaction stays under EIP-7825's
 * 16,777,216-gas cap (the lazy vote accounting of StakeVault).
 */
import { expect } from "chai";

import type { CouncilRegistry, StakeVault } from "../../typechain-types/index.js";
import {
  DAY,
  SPONSORSHIP_WINDOW,
  Status,
  TX_GAS_CAP,
  ethers,
  gasOf,
  networkHelpers,
  numberedMember,
} from "../utils/council.js";

/** EIP-3860: the most init code a creation may carry. */
const MAX_INIT_CODE = 49_152;
const UNIT = ethers.parseEther("1");
const initialMember = numberedMember;

/** A registry deployed with an empty initial council (the bootstrap open), owned by the second account. */
async function emptyRegistry(minMembers = 4n, maxMembers = 255n): Promise<CouncilRegistry> {
  const [, governance] = await ethers.getSigners();
  return ethers.deployContract("CouncilRegistry", [
    governance.address,
    minMembers,
    maxMembers,
    SPONSORSHIP_WINDOW,
    [],
  ]);
}

/** {emptyRegistry} with a minimum of 4 and a maximum of 255, as a fixture. */
async function bootstrapping(): Promise<{ registry: CouncilRegistry }> {
  return { registry: await emptyRegistry() };
}

describe("CouncilRegistry bootstrap", function () {
  describe("constructor", function () {
    it("opens the bootstrap when the initial council is empty", async function () {
      const { registry } = await networkHelpers.loadFixture(bootstrapping);
      expect(await registry.bootstrapEnded()).to.equal(false);
      expect(await registry.minMembers()).to.equal(4n);
      expect(await registry.maxMembers()).to.equal(255n);
      expect(await registry.activeMemberCount()).to.equal(0n);
      const deployment = registry.deploymentTransaction();
      if (deployment === null) throw new Error("no deployment transaction");
      await expect(deployment).to.emit(registry, "BootstrapStarted");
      await expect(deployment).to.emit(registry, "CouncilSizeBoundsUpdated").withArgs(4n, 255n);
    });

    it("keeps the bootstrap closed when the constructor registers the council", async function () {
      const [deployer, governance] = await ethers.getSigners();
      const registry = await ethers.deployContract("CouncilRegistry", [
        governance.address,
        1n,
        10n,
        SPONSORSHIP_WINDOW,
        [initialMember(0)],
      ]);
      expect(await registry.bootstrapEnded()).to.equal(true);
      await expect(
        registry.connect(deployer).bootstrapMembers([initialMember(1)]),
      ).to.be.revertedWithCustomError(registry, "CouncilRegistryBootstrapClosed");
      await expect(registry.connect(deployer).endBootstrap()).to.be.revertedWithCustomError(
        registry,
        "CouncilRegistryBootstrapClosed",
      );
    });

    for (const [min, max] of [
      [0n, 10n],
      [5n, 4n],
      [4n, 256n],
    ]) {
      it(`reverts with an empty council and bounds [${min}, ${max}]`, async function () {
        const [, governance] = await ethers.getSigners();
        const factory = await ethers.getContractFactory("CouncilRegistry");
        await expect(
          ethers.deployContract("CouncilRegistry", [governance.address, min, max, SPONSORSHIP_WINDOW, []]),
        )
          .to.be.revertedWithCustomError(factory, "CouncilRegistryInvalidSizeBounds")
          .withArgs(min, max, 0n);
      });
    }
  });

  describe("bootstrapMembers", function () {
    it("registers each batch as active members with ids in order", async function () {
      const { registry } = await networkHelpers.loadFixture(bootstrapping);
      const first = [0, 1, 2].map(initialMember);
      const tx = registry.bootstrapMembers(first);
      await expect(tx)
        .to.emit(registry, "MemberRegistered")
        .withArgs(1n, first[0].admin, first[0].name, Status.Active);
      await expect(tx).to.emit(registry, "VoterChanged").withArgs(3n, ethers.ZeroAddress, first[2].voter);
      await registry.bootstrapMembers([3, 4].map(initialMember));
      expect(await registry.activeMemberCount()).to.equal(5n);
      expect(await registry.memberIdOfVoter(initialMember(4).voter)).to.equal(5n);
      expect(await registry.memberIdOfNode(initialMember(4).nodes[1])).to.equal(5n);
      expect((await registry.getMember(4n)).status).to.equal(Status.Active);
      expect(await registry.bootstrapEnded()).to.equal(false);
    });

    it("reverts when the caller is not the deployer", async function () {
      const { registry } = await networkHelpers.loadFixture(bootstrapping);
      const [, , stranger] = await ethers.getSigners();
      await expect(
        registry.connect(stranger).bootstrapMembers([initialMember(0)]),
      ).to.be.revertedWithCustomError(registry, "CouncilRegistryBootstrapClosed");
      expect(await registry.activeMemberCount()).to.equal(0n);
    });

    it("reverts after the bootstrap ended", async function () {
      const { registry } = await networkHelpers.loadFixture(bootstrapping);
      await registry.bootstrapMembers([0, 1, 2, 3].map(initialMember));
      await registry.endBootstrap();
      await expect(registry.bootstrapMembers([initialMember(4)])).to.be.revertedWithCustomError(
        registry,
        "CouncilRegistryBootstrapClosed",
      );
      expect(await registry.activeMemberCount()).to.equal(4n);
    });

    it("reverts when the batch would pass the maximum council size", async function () {
      const registry = await emptyRegistry(1n, 2n);
      await expect(registry.bootstrapMembers([0, 1, 2].map(initialMember)))
        .to.be.revertedWithCustomError(registry, "CouncilRegistryCouncilFull")
        .withArgs(2n);
      expect(await registry.activeMemberCount()).to.equal(0n);
    });

    it("reverts when an account is used twice", async function () {
      const { registry } = await networkHelpers.loadFixture(bootstrapping);
      await registry.bootstrapMembers([initialMember(0)]);
      const duplicate = { ...initialMember(1), voter: initialMember(0).voter };
      await expect(registry.bootstrapMembers([duplicate]))
        .to.be.revertedWithCustomError(registry, "CouncilRegistryAccountInUse")
        .withArgs(duplicate.voter, 1n);
    });
  });

  describe("endBootstrap", function () {
    it("closes the bootstrap once the council reaches its minimum", async function () {
      const { registry } = await networkHelpers.loadFixture(bootstrapping);
      await registry.bootstrapMembers([0, 1, 2, 3].map(initialMember));
      await expect(registry.endBootstrap()).to.emit(registry, "BootstrapEnded").withArgs(4n);
      expect(await registry.bootstrapEnded()).to.equal(true);
    });

    it("reverts below the minimum council size", async function () {
      const { registry } = await networkHelpers.loadFixture(bootstrapping);
      await registry.bootstrapMembers([0, 1, 2].map(initialMember));
      await expect(registry.endBootstrap())
        .to.be.revertedWithCustomError(registry, "CouncilRegistryInvalidSizeBounds")
        .withArgs(4n, 255n, 3n);
      expect(await registry.bootstrapEnded()).to.equal(false);
    });

    it("reverts when the caller is not the deployer", async function () {
      const { registry } = await networkHelpers.loadFixture(bootstrapping);
      const [, , stranger] = await ethers.getSigners();
      await registry.bootstrapMembers([0, 1, 2, 3].map(initialMember));
      await expect(registry.connect(stranger).endBootstrap()).to.be.revertedWithCustomError(
        registry,
        "CouncilRegistryBootstrapClosed",
      );
      expect(await registry.bootstrapEnded()).to.equal(false);
    });
  });

  describe("while bootstrapping", function () {
    it("refuses membership changes, size bounds and the vault binding", async function () {
      const { registry } = await networkHelpers.loadFixture(bootstrapping);
      const [deployer, governance, applicant] = await ethers.getSigners();
      await registry.bootstrapMembers([0, 1, 2, 3].map(initialMember));
      const vault = await ethers.deployContract("StakeVault", [
        await registry.getAddress(),
        ethers.ZeroAddress,
        UNIT,
        DAY,
        DAY,
        governance.address,
      ]);
      const refused = "CouncilRegistryBootstrapping";
      await expect(
        registry.connect(applicant).applyForMembership("Late", "https://late.example", applicant.address, []),
      ).to.be.revertedWithCustomError(registry, refused);
      await expect(
        registry.connect(deployer).bindStakeVault(await vault.getAddress()),
      ).to.be.revertedWithCustomError(registry, refused);
      await expect(registry.connect(governance).admit(1n)).to.be.revertedWithCustomError(registry, refused);
      await expect(registry.connect(governance).remove(1n)).to.be.revertedWithCustomError(registry, refused);
      await expect(registry.connect(governance).setCouncilSizeBounds(1n, 10n)).to.be.revertedWithCustomError(
        registry,
        refused,
      );
      await networkHelpers.impersonateAccount(initialMember(0).admin);
      await networkHelpers.setBalance(initialMember(0).admin, ethers.parseEther("1"));
      const admin = await ethers.getSigner(initialMember(0).admin);
      await expect(registry.connect(admin).resign(1n)).to.be.revertedWithCustomError(registry, refused);
      expect(await registry.stakeVault()).to.equal(ethers.ZeroAddress);
      expect(await registry.activeMemberCount()).to.equal(4n);

      await registry.endBootstrap();
      await expect(registry.connect(deployer).bindStakeVault(await vault.getAddress())).to.emit(
        registry,
        "StakeVaultBound",
      );
    });
  });

  describe("at full scale", function () {
    for (const size of [100, 255]) {
      it(`deploys a council of ${size} in batches, every transaction under the gas cap`, async function () {
        this.timeout(600_000);
        const [, governance] = await ethers.getSigners();
        const factory = await ethers.getContractFactory("CouncilRegistry");
        const deployTx = await factory.getDeployTransaction(
          governance.address,
          4n,
          255n,
          SPONSORSHIP_WINDOW,
          [],
        );
        expect(ethers.dataLength(deployTx.data)).to.be.lessThan(MAX_INIT_CODE);
        const registry = await emptyRegistry();
        const receipt = await registry.deploymentTransaction()?.wait();
        expect(receipt?.gasUsed ?? TX_GAS_CAP).to.be.lessThan(TX_GAS_CAP);
        const members = Array.from({ length: size }, (_, i) => initialMember(i));
        let largest = 0n;
        for (let i = 0; i < size; i += 20) {
          const gas = await gasOf(registry.bootstrapMembers(members.slice(i, i + 20)));
          if (gas > largest) largest = gas;
        }
        expect(largest).to.be.lessThan(TX_GAS_CAP);
        await registry.endBootstrap();
        expect(await registry.activeMemberCount()).to.equal(BigInt(size));
      });
    }

    it("keeps every stake crossing under the gas cap with 255 members at the vote cap", async function () {
      this.timeout(600_000);
      const [deployer, governance] = await ethers.getSigners();
      const registry = await emptyRegistry();
      const members = Array.from({ length: 255 }, (_, i) => initialMember(i));
      for (let i = 0; i < 255; i += 20) await registry.bootstrapMembers(members.slice(i, i + 20));
      await registry.endBootstrap();
      const vault: StakeVault = await ethers.deployContract("StakeVault", [
        await registry.getAddress(),
        ethers.ZeroAddress,
        UNIT,
        DAY,
        DAY,
        governance.address,
      ]);
      await registry.bindStakeVault(await vault.getAddress());
      await networkHelpers.setBalance(deployer.address, ethers.parseEther("100000000"));
      // Every member bonds 300 units: each new eligible member moves the cap of all those before it.
      let largest = 0n;
      for (let id = 1; id <= 255; ++id) {
        const gas = await gasOf(vault.stakeFor(BigInt(id), 300n * UNIT, { value: 300n * UNIT }));
        if (gas > largest) largest = gas;
      }
      expect(largest).to.be.lessThan(500_000n);
      expect(await vault.eligibleCount()).to.equal(255n);
      expect(await vault.voteCap()).to.equal(254n);
      expect(await vault.totalVotes()).to.equal(255n * 254n);
      expect(await vault.getVotes(members[0].voter)).to.equal(254n);

      // The 256th stake crossing at full size: one member leaves eligibility and back.
      await networkHelpers.impersonateAccount(members[7].admin);
      await networkHelpers.setBalance(members[7].admin, ethers.parseEther("1"));
      const admin = await ethers.getSigner(members[7].admin);
      const leave = vault.connect(admin).requestUnstake(8n, 300n * UNIT);
      await expect(leave).to.emit(vault, "VoteCapChanged").withArgs(253n, 254n);
      expect(await gasOf(leave)).to.be.lessThan(500_000n);
      expect(await vault.totalVotes()).to.equal(254n * 253n);

      // A stake unit change reads every member once and stays far under the cap.
      const unitGas = await gasOf(vault.connect(governance).setStakeUnit(2n * UNIT));
      expect(unitGas).to.be.lessThan(TX_GAS_CAP / 2n);
      expect(await vault.totalVotes()).to.equal(254n * 150n);
      await networkHelpers.mine();
      const at = BigInt(await networkHelpers.time.latest());
      expect(await vault.getPastTotalSupply(at - 1n)).to.equal(254n * 150n);
    });
  });
});
