import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type { ContractTransactionResponse } from "ethers";

import type { CouncilRegistry } from "../../typechain-types/index.js";
import {
  advance,
  type Council,
  deployCouncil,
  ethers,
  MAX_MEMBERS,
  SPONSORSHIP_WINDOW,
  MIN_MEMBERS,
  networkHelpers,
  nodeAddress,
  now,
  STAKE_UNIT,
  stakeAll,
  stakeUnits,
  Status,
} from "../utils/council.js";

// ---------------------------------------------------------------- constants and helpers

const CANDIDATE_ID = 6n;
const CANDIDATE_NAME = "Candidate Org";
const CANDIDATE_URI = "https://candidate.example/gc.json";
const CANDIDATE_NODES = [nodeAddress(101), nodeAddress(102)];

const NAME_64 = "n".repeat(64);
const NAME_65 = "n".repeat(65);
const URI_512 = "u".repeat(512);
const URI_513 = "u".repeat(513);

const NONE = BigInt(Status.None);
const CANDIDATE = BigInt(Status.Candidate);
const ACTIVE = BigInt(Status.Active);
const REMOVED = BigInt(Status.Removed);
const RESIGNED = BigInt(Status.Resigned);

/** `count` distinct node addresses starting at seed `from`. */
function nodes(from: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => nodeAddress(from + i));
}

/** A keyless account address (for constructor inputs only). */
function account(seed: number): string {
  return ethers.getAddress(ethers.zeroPadValue(ethers.toBeHex(0xb00000 + seed), 20));
}

interface InitialMember {
  name: string;
  metadataURI: string;
  admin: string;
  voter: string;
  nodes: string[];
}

/** `count` valid initial members with keyless accounts and nodes (2 each, seeds 1..2*count). */
function initialMembers(count: number): InitialMember[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `Member ${i + 1}`,
    metadataURI: `https://member${i + 1}.example/gc.json`,
    admin: account(2 * i + 1),
    voter: account(2 * i + 2),
    nodes: [nodeAddress(i * 2 + 1), nodeAddress(i * 2 + 2)],
  }));
}

/** The initial council of the shared fixture, rebuilt from its signers. */
function initialMembersOf(c: Council): InitialMember[] {
  return c.admins.map((admin, i) => ({
    name: `Member ${i + 1}`,
    metadataURI: `https://member${i + 1}.example/gc.json`,
    admin: admin.address,
    voter: c.voters[i].address,
    nodes: [nodeAddress(i * 2 + 1), nodeAddress(i * 2 + 2)],
  }));
}

/** The timestamp of the block that mined `tx`. */
async function minedAt(
  tx: ContractTransactionResponse | Promise<ContractTransactionResponse>,
): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (receipt === null) throw new Error("transaction not mined");
  const block = await ethers.provider.getBlock(receipt.blockNumber);
  if (block === null) throw new Error("block not found");
  return BigInt(block.timestamp);
}

interface RecordView {
  id: bigint;
  name: string;
  metadataURI: string;
  admin: string;
  voter: string;
  nodes: string[];
  status: bigint;
  appliedAt: bigint;
  joinedAt: bigint;
  leftAt: bigint;
  pendingVoter: string;
  pendingAdmin: string;
  active: boolean;
}

/** A member's whole record plus its pending nominations and activity, as plain values. */
async function readRecord(registry: CouncilRegistry, id: bigint): Promise<RecordView> {
  const m = await registry.getMember(id);
  return {
    id: m.id,
    name: m.name,
    metadataURI: m.metadataURI,
    admin: m.admin,
    voter: m.voter,
    nodes: [...m.nodes],
    status: m.status,
    appliedAt: m.appliedAt,
    joinedAt: m.joinedAt,
    leftAt: m.leftAt,
    pendingVoter: await registry.pendingVoter(id),
    pendingAdmin: await registry.pendingAdmin(id),
    active: await registry.isActive(id),
  };
}

interface CouncilView {
  memberCount: bigint;
  activeCount: bigint;
  activeIds: bigint[];
  minMembers: bigint;
  maxMembers: bigint;
  owner: string;
  pendingOwner: string;
  stakeVault: string;
}

/** Council-wide state, as plain values (active ids sorted: the set's order is unspecified). */
async function readCouncil(registry: CouncilRegistry): Promise<CouncilView> {
  const ids = [...(await registry.activeMemberIds())].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    memberCount: await registry.memberCount(),
    activeCount: await registry.activeMemberCount(),
    activeIds: ids,
    minMembers: await registry.minMembers(),
    maxMembers: await registry.maxMembers(),
    owner: await registry.owner(),
    pendingOwner: await registry.pendingOwner(),
    stakeVault: await registry.stakeVault(),
  };
}

interface Bindings {
  asAdmin: bigint[];
  asVoter: bigint[];
}

/** The member ids `accounts` are bound to, as admin and as voter. */
async function readBindings(registry: CouncilRegistry, accounts: string[]): Promise<Bindings> {
  const asAdmin: bigint[] = [];
  const asVoter: bigint[] = [];
  for (const a of accounts) {
    asAdmin.push(await registry.memberIdOfAdmin(a));
    asVoter.push(await registry.memberIdOfVoter(a));
  }
  return { asAdmin, asVoter };
}

/** The active member holding each node (0 when free). */
async function nodeHolders(registry: CouncilRegistry, list: string[]): Promise<bigint[]> {
  const holders: bigint[] = [];
  for (const n of list) holders.push(await registry.memberIdOfNode(n));
  return holders;
}

async function setAutomine(on: boolean): Promise<void> {
  await ethers.provider.send("evm_setAutomine", [on]);
}

function sorted(ids: readonly bigint[]): bigint[] {
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// ---------------------------------------------------------------- fixtures

interface CandidateCouncil extends Council {
  /** Admin of candidate 6. */
  applicant: HardhatEthersSigner;
  /** The voter candidate 6 nominated (accepted only in `councilWithReadyCandidate`). */
  candidateVoter: HardhatEthersSigner;
  /** Accounts bound to no member. */
  free: HardhatEthersSigner[];
}

interface UnboundCouncil extends Council {
  /** A second registry with the same initial council, deployed by `deployer`, with no vault bound. */
  unbound: CouncilRegistry;
}

async function council(): Promise<Council> {
  return deployCouncil();
}

/** Five active members (min 4, max 100) and candidate 6 (one stake unit bonded), whose voter nomination is still pending. */
async function councilWithCandidate(): Promise<CandidateCouncil> {
  const c = await deployCouncil();
  const [applicant, candidateVoter, ...free] = c.others;
  await c.registry
    .connect(applicant)
    .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, candidateVoter.address, CANDIDATE_NODES);
  // Admission needs one bonded stake unit.
  await c.vault.connect(applicant).stakeFor(CANDIDATE_ID, STAKE_UNIT, { value: STAKE_UNIT });
  return { ...c, applicant, candidateVoter, free };
}

/** As `councilWithCandidate`, with the candidate's voter accepted: candidate 6 can be admitted. */
async function councilWithReadyCandidate(): Promise<CandidateCouncil> {
  const c = await councilWithCandidate();
  await c.registry.connect(c.candidateVoter).acceptVoter(CANDIDATE_ID);
  return c;
}

async function councilWithUnboundRegistry(): Promise<UnboundCouncil> {
  const c = await deployCouncil();
  const unbound = await ethers.deployContract("CouncilRegistry", [
    c.governance.address,
    MIN_MEMBERS,
    MAX_MEMBERS,
    SPONSORSHIP_WINDOW,
    initialMembersOf(c),
  ]);
  return { ...c, unbound };
}

const { loadFixture } = networkHelpers;

// ---------------------------------------------------------------- tests

describe("CouncilRegistry", function () {
  describe("constructor", function () {
    it("registers the initial council as active members with ids 1..n", async function () {
      const c = await loadFixture(council);
      const deployTx = c.registry.deploymentTransaction();
      if (deployTx === null) throw new Error("no deployment transaction");
      const deployedAt = await minedAt(deployTx);

      for (let i = 0; i < 5; ++i) {
        const id = BigInt(i + 1);
        const memberNodes = [nodeAddress(i * 2 + 1), nodeAddress(i * 2 + 2)];
        expect(await readRecord(c.registry, id)).to.deep.equal({
          id,
          name: `Member ${i + 1}`,
          metadataURI: `https://member${i + 1}.example/gc.json`,
          admin: c.admins[i].address,
          voter: c.voters[i].address,
          nodes: memberNodes,
          status: ACTIVE,
          appliedAt: deployedAt,
          joinedAt: deployedAt,
          leftAt: 0n,
          pendingVoter: ethers.ZeroAddress,
          pendingAdmin: ethers.ZeroAddress,
          active: true,
        });
        expect(await c.registry.memberIdOfAdmin(c.admins[i].address)).to.equal(id);
        expect(await c.registry.memberIdOfVoter(c.voters[i].address)).to.equal(id);
        expect(await nodeHolders(c.registry, memberNodes)).to.deep.equal([id, id]);
        expect(await c.registry.memberAccounts(id)).to.deep.equal([
          c.admins[i].address,
          c.voters[i].address,
          ACTIVE,
        ]);
      }
      expect(await readCouncil(c.registry)).to.deep.equal({
        memberCount: 5n,
        activeCount: 5n,
        activeIds: [1n, 2n, 3n, 4n, 5n],
        minMembers: MIN_MEMBERS,
        maxMembers: MAX_MEMBERS,
        owner: c.governance.address,
        pendingOwner: ethers.ZeroAddress,
        stakeVault: await c.vault.getAddress(),
      });
    });

    it("emits the registration events for every initial member and the size bounds", async function () {
      const c = await loadFixture(council);
      const members = initialMembersOf(c);
      const registry = await ethers.deployContract("CouncilRegistry", [
        c.governance.address,
        2n,
        7n,
        SPONSORSHIP_WINDOW,
        members,
      ]);
      const deployTx = registry.deploymentTransaction();
      if (deployTx === null) throw new Error("no deployment transaction");
      for (let i = 0; i < members.length; ++i) {
        const id = i + 1;
        await expect(deployTx)
          .to.emit(registry, "MemberRegistered")
          .withArgs(id, members[i].admin, members[i].name, Status.Active);
        await expect(deployTx)
          .to.emit(registry, "VoterChanged")
          .withArgs(id, ethers.ZeroAddress, members[i].voter);
        await expect(deployTx).to.emit(registry, "MemberNodesUpdated").withArgs(id, members[i].nodes);
      }
      await expect(deployTx).to.emit(registry, "CouncilSizeBoundsUpdated").withArgs(2n, 7n);
      await expect(deployTx)
        .to.emit(registry, "OwnershipTransferred")
        .withArgs(ethers.ZeroAddress, c.governance.address);
      expect(await registry.minMembers()).to.equal(2n);
      expect(await registry.maxMembers()).to.equal(7n);
    });

    it("checkpoints the initial council at the deployment timestamp", async function () {
      const c = await loadFixture(council);
      const deployedAt = (await c.registry.getMember(1)).joinedAt;
      await advance(10n);
      expect(await c.registry.wasActiveAt(1, deployedAt - 1n)).to.equal(false);
      expect(await c.registry.wasActiveAt(1, deployedAt)).to.equal(true);
      expect(await c.registry.wasActiveAt(5, deployedAt)).to.equal(true);
      expect(await c.registry.getPastActiveCount(deployedAt - 1n)).to.equal(0n);
      expect(await c.registry.getPastActiveCount(deployedAt)).to.equal(5n);
    });

    it("leaves the stake vault unbound", async function () {
      const c = await loadFixture(councilWithUnboundRegistry);
      expect(await c.unbound.stakeVault()).to.equal(ethers.ZeroAddress);
    });

    it("accepts the boundary values: a single member with min = max = 1, a 64-byte name, a 512-byte URI, 16 nodes, admin as its own voter", async function () {
      const member: InitialMember = {
        name: NAME_64,
        metadataURI: URI_512,
        admin: account(1),
        voter: account(1),
        nodes: nodes(300, 16),
      };
      const registry = await ethers.deployContract("CouncilRegistry", [
        account(99),
        1n,
        1n,
        SPONSORSHIP_WINDOW,
        [member],
      ]);
      const m = await registry.getMember(1);
      expect(m.name).to.equal(NAME_64);
      expect(m.metadataURI).to.equal(URI_512);
      expect([...m.nodes]).to.deep.equal(member.nodes);
      expect(m.admin).to.equal(account(1));
      expect(m.voter).to.equal(account(1));
      expect(await registry.memberIdOfAdmin(account(1))).to.equal(1n);
      expect(await registry.memberIdOfVoter(account(1))).to.equal(1n);
      expect(await nodeHolders(registry, member.nodes)).to.deep.equal(member.nodes.map(() => 1n));
    });

    it("accepts a member with no nodes and the maximum bound 255", async function () {
      const members = initialMembers(2);
      members[1].nodes = [];
      const registry = await ethers.deployContract("CouncilRegistry", [
        account(99),
        1n,
        255n,
        SPONSORSHIP_WINDOW,
        members,
      ]);
      expect((await registry.getMember(2)).nodes).to.deep.equal([]);
      expect(await registry.maxMembers()).to.equal(255n);
    });

    it("reverts when the council is smaller than the minimum", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      await expect(f.deploy(account(99), 4n, 100n, SPONSORSHIP_WINDOW, initialMembers(3)))
        .to.be.revertedWithCustomError(f, "CouncilRegistryInvalidSizeBounds")
        .withArgs(4n, 100n, 3n);
    });

    it("opens the bootstrap when the council is empty, and an empty council cannot close it", async function () {
      // An empty initial council no longer reverts: the deployer registers it in batches (test/council/Bootstrap).
      const f = await ethers.getContractFactory("CouncilRegistry");
      const registry = await f.deploy(account(99), 1n, 100n, SPONSORSHIP_WINDOW, []);
      expect(await registry.bootstrapEnded()).to.equal(false);
      await expect(registry.endBootstrap())
        .to.be.revertedWithCustomError(f, "CouncilRegistryInvalidSizeBounds")
        .withArgs(1n, 100n, 0n);
    });

    it("reverts when the council is larger than the maximum", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      await expect(f.deploy(account(99), 1n, 4n, SPONSORSHIP_WINDOW, initialMembers(5)))
        .to.be.revertedWithCustomError(f, "CouncilRegistryInvalidSizeBounds")
        .withArgs(1n, 4n, 5n);
    });

    it("reverts when the minimum is 0", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      await expect(f.deploy(account(99), 0n, 100n, SPONSORSHIP_WINDOW, initialMembers(5)))
        .to.be.revertedWithCustomError(f, "CouncilRegistryInvalidSizeBounds")
        .withArgs(0n, 100n, 5n);
    });

    it("reverts when the maximum is above 255", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      await expect(f.deploy(account(99), 1n, 256n, SPONSORSHIP_WINDOW, initialMembers(5)))
        .to.be.revertedWithCustomError(f, "CouncilRegistryInvalidSizeBounds")
        .withArgs(1n, 256n, 5n);
    });

    it("reverts when the initial owner is the zero address", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      await expect(f.deploy(ethers.ZeroAddress, 1n, 100n, SPONSORSHIP_WINDOW, initialMembers(5)))
        .to.be.revertedWithCustomError(f, "OwnableInvalidOwner")
        .withArgs(ethers.ZeroAddress);
    });

    it("reverts when two members share an admin", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const members = initialMembers(5);
      members[3].admin = members[1].admin;
      await expect(f.deploy(account(99), 1n, 100n, SPONSORSHIP_WINDOW, members))
        .to.be.revertedWithCustomError(f, "CouncilRegistryAccountInUse")
        .withArgs(members[1].admin, 2n);
    });

    it("reverts when two members share a voter", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const members = initialMembers(5);
      members[4].voter = members[0].voter;
      await expect(f.deploy(account(99), 1n, 100n, SPONSORSHIP_WINDOW, members))
        .to.be.revertedWithCustomError(f, "CouncilRegistryAccountInUse")
        .withArgs(members[0].voter, 1n);
    });

    it("reverts when a member's voter is another member's admin", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const members = initialMembers(5);
      members[2].voter = members[0].admin;
      await expect(f.deploy(account(99), 1n, 100n, SPONSORSHIP_WINDOW, members))
        .to.be.revertedWithCustomError(f, "CouncilRegistryAccountInUse")
        .withArgs(members[0].admin, 1n);
    });

    it("reverts when a member's admin is another member's voter", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const members = initialMembers(5);
      members[2].admin = members[1].voter;
      await expect(f.deploy(account(99), 1n, 100n, SPONSORSHIP_WINDOW, members))
        .to.be.revertedWithCustomError(f, "CouncilRegistryAccountInUse")
        .withArgs(members[1].voter, 2n);
    });

    it("reverts when an admin is the zero address", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const members = initialMembers(5);
      members[2].admin = ethers.ZeroAddress;
      await expect(f.deploy(account(99), 1n, 100n, SPONSORSHIP_WINDOW, members))
        .to.be.revertedWithCustomError(f, "CouncilRegistryZeroAddress")
        .withArgs();
    });

    it("reverts when a voter is the zero address", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const members = initialMembers(5);
      members[0].voter = ethers.ZeroAddress;
      await expect(f.deploy(account(99), 1n, 100n, SPONSORSHIP_WINDOW, members))
        .to.be.revertedWithCustomError(f, "CouncilRegistryZeroAddress")
        .withArgs();
    });

    it("reverts when a name is empty", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const members = initialMembers(5);
      members[1].name = "";
      await expect(f.deploy(account(99), 1n, 100n, SPONSORSHIP_WINDOW, members))
        .to.be.revertedWithCustomError(f, "CouncilRegistryInvalidName")
        .withArgs(0n);
    });

    it("reverts when a name is 65 bytes long", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const members = initialMembers(5);
      members[1].name = NAME_65;
      await expect(f.deploy(account(99), 1n, 100n, SPONSORSHIP_WINDOW, members))
        .to.be.revertedWithCustomError(f, "CouncilRegistryInvalidName")
        .withArgs(65n);
    });

    it("reverts when a metadata URI is empty", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const members = initialMembers(5);
      members[4].metadataURI = "";
      await expect(f.deploy(account(99), 1n, 100n, SPONSORSHIP_WINDOW, members))
        .to.be.revertedWithCustomError(f, "CouncilRegistryInvalidMetadataURI")
        .withArgs(0n);
    });

    it("reverts when a metadata URI is 513 bytes long", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const members = initialMembers(5);
      members[4].metadataURI = URI_513;
      await expect(f.deploy(account(99), 1n, 100n, SPONSORSHIP_WINDOW, members))
        .to.be.revertedWithCustomError(f, "CouncilRegistryInvalidMetadataURI")
        .withArgs(513n);
    });

    it("reverts when a member lists 17 nodes", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const members = initialMembers(5);
      members[0].nodes = nodes(300, 17);
      await expect(f.deploy(account(99), 1n, 100n, SPONSORSHIP_WINDOW, members))
        .to.be.revertedWithCustomError(f, "CouncilRegistryTooManyNodes")
        .withArgs(17n, 16n);
    });

    it("reverts when a member lists the same node twice", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const members = initialMembers(5);
      members[0].nodes = [nodeAddress(300), nodeAddress(301), nodeAddress(300)];
      await expect(f.deploy(account(99), 1n, 100n, SPONSORSHIP_WINDOW, members))
        .to.be.revertedWithCustomError(f, "CouncilRegistryNodeInUse")
        .withArgs(nodeAddress(300), 0n);
    });

    it("reverts when two members list the same node", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const members = initialMembers(5);
      members[3].nodes = [nodeAddress(300), members[1].nodes[1]];
      await expect(f.deploy(account(99), 1n, 100n, SPONSORSHIP_WINDOW, members))
        .to.be.revertedWithCustomError(f, "CouncilRegistryNodeInUse")
        .withArgs(members[1].nodes[1], 2n);
    });

    it("reverts when a node is the zero address", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const members = initialMembers(5);
      members[2].nodes = [nodeAddress(300), ethers.ZeroAddress];
      await expect(f.deploy(account(99), 1n, 100n, SPONSORSHIP_WINDOW, members))
        .to.be.revertedWithCustomError(f, "CouncilRegistryZeroAddress")
        .withArgs();
    });
  });

  describe("applyForMembership", function () {
    it("creates a candidate record with the caller as admin and nominates the voter", async function () {
      const c = await loadFixture(council);
      const [applicant, voter] = c.others;
      const tx = c.registry
        .connect(applicant)
        .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, voter.address, CANDIDATE_NODES);
      await expect(tx)
        .to.emit(c.registry, "MemberRegistered")
        .withArgs(CANDIDATE_ID, applicant.address, CANDIDATE_NAME, Status.Candidate);
      await expect(tx).to.emit(c.registry, "MemberNodesUpdated").withArgs(CANDIDATE_ID, CANDIDATE_NODES);
      await expect(tx).to.emit(c.registry, "VoterChangeStarted").withArgs(CANDIDATE_ID, voter.address);
      await expect(tx).not.to.emit(c.registry, "VoterChanged");
      const appliedAt = await minedAt(tx);

      expect(await readRecord(c.registry, CANDIDATE_ID)).to.deep.equal({
        id: CANDIDATE_ID,
        name: CANDIDATE_NAME,
        metadataURI: CANDIDATE_URI,
        admin: applicant.address,
        voter: ethers.ZeroAddress,
        nodes: CANDIDATE_NODES,
        status: CANDIDATE,
        appliedAt,
        joinedAt: 0n,
        leftAt: 0n,
        pendingVoter: voter.address,
        pendingAdmin: ethers.ZeroAddress,
        active: false,
      });
      expect(await readBindings(c.registry, [applicant.address, voter.address])).to.deep.equal({
        asAdmin: [CANDIDATE_ID, 0n],
        asVoter: [0n, 0n],
      });
      expect(await c.registry.memberCount()).to.equal(6n);
      expect(await c.registry.activeMemberCount()).to.equal(5n);
      expect(sorted(await c.registry.activeMemberIds())).to.deep.equal([1n, 2n, 3n, 4n, 5n]);
    });

    it("returns the new member id", async function () {
      const c = await loadFixture(council);
      const [applicant, voter] = c.others;
      expect(
        await c.registry
          .connect(applicant)
          .applyForMembership.staticCall(CANDIDATE_NAME, CANDIDATE_URI, voter.address, CANDIDATE_NODES),
      ).to.equal(CANDIDATE_ID);
    });

    it("sets the voter at once when the caller nominates itself", async function () {
      const c = await loadFixture(council);
      const [applicant] = c.others;
      const tx = c.registry
        .connect(applicant)
        .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, applicant.address, CANDIDATE_NODES);
      await expect(tx)
        .to.emit(c.registry, "VoterChanged")
        .withArgs(CANDIDATE_ID, ethers.ZeroAddress, applicant.address);
      await expect(tx).not.to.emit(c.registry, "VoterChangeStarted");
      const r = await readRecord(c.registry, CANDIDATE_ID);
      expect(r.voter).to.equal(applicant.address);
      expect(r.pendingVoter).to.equal(ethers.ZeroAddress);
      expect(await readBindings(c.registry, [applicant.address])).to.deep.equal({
        asAdmin: [CANDIDATE_ID],
        asVoter: [CANDIDATE_ID],
      });
    });

    it("stores the nodes without reserving them, so two candidates may list the same node", async function () {
      const c = await loadFixture(council);
      const [a1, v1, a2, v2] = c.others;
      const shared = [nodeAddress(101), nodeAddress(1)]; // nodeAddress(1) belongs to active member 1
      await c.registry.connect(a1).applyForMembership("One", CANDIDATE_URI, v1.address, shared);
      await c.registry.connect(a2).applyForMembership("Two", CANDIDATE_URI, v2.address, shared);
      expect((await c.registry.getMember(6)).nodes).to.deep.equal(shared);
      expect((await c.registry.getMember(7)).nodes).to.deep.equal(shared);
      expect(await nodeHolders(c.registry, shared)).to.deep.equal([0n, 1n]);
    });

    it("accepts a 64-byte name, a 512-byte URI, 16 nodes, and an empty node list", async function () {
      const c = await loadFixture(council);
      const [a1, v1, a2, v2] = c.others;
      await c.registry.connect(a1).applyForMembership(NAME_64, URI_512, v1.address, nodes(300, 16));
      await c.registry.connect(a2).applyForMembership("x", "y", v2.address, []);
      const m6 = await c.registry.getMember(6);
      expect(m6.name).to.equal(NAME_64);
      expect(m6.metadataURI).to.equal(URI_512);
      expect(m6.nodes).to.deep.equal(nodes(300, 16));
      const m7 = await c.registry.getMember(7);
      expect(m7.name).to.equal("x");
      expect(m7.metadataURI).to.equal("y");
      expect(m7.nodes).to.deep.equal([]);
    });

    it("lets an account that is only a pending nominee apply", async function () {
      const c = await loadFixture(council);
      const [nominee, voter] = c.others;
      await c.registry.connect(c.admins[0]).proposeVoter(1, nominee.address);
      await c.registry.connect(nominee).applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, voter.address, []);
      expect(await c.registry.memberIdOfAdmin(nominee.address)).to.equal(CANDIDATE_ID);
    });

    async function expectNoNewRecord(c: Council): Promise<void> {
      expect(await c.registry.memberCount()).to.equal(5n);
      expect(await c.registry.memberAccounts(CANDIDATE_ID)).to.deep.equal([
        ethers.ZeroAddress,
        ethers.ZeroAddress,
        NONE,
      ]);
      await expect(c.registry.getMember(CANDIDATE_ID))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnknownMember")
        .withArgs(CANDIDATE_ID);
    }

    it("reverts when the caller is already an active member's admin", async function () {
      const c = await loadFixture(council);
      await expect(
        c.registry
          .connect(c.admins[1])
          .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, c.others[0].address, CANDIDATE_NODES),
      )
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.admins[1].address, 2n);
      await expectNoNewRecord(c);
      expect(await c.registry.memberIdOfAdmin(c.admins[1].address)).to.equal(2n);
      expect(await c.registry.pendingVoter(CANDIDATE_ID)).to.equal(ethers.ZeroAddress);
    });

    it("reverts when the caller is already a candidate's admin", async function () {
      const c = await loadFixture(councilWithCandidate);
      await expect(
        c.registry
          .connect(c.applicant)
          .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, c.free[0].address, CANDIDATE_NODES),
      )
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.applicant.address, CANDIDATE_ID);
      expect(await c.registry.memberCount()).to.equal(6n);
      expect(await c.registry.memberAccounts(7)).to.deep.equal([
        ethers.ZeroAddress,
        ethers.ZeroAddress,
        NONE,
      ]);
    });

    it("reverts when the caller is the admin of a resigned record (an admin account is never shared)", async function () {
      const c = await loadFixture(councilWithCandidate);
      await c.registry.connect(c.applicant).resign(CANDIDATE_ID);
      await expect(
        c.registry
          .connect(c.applicant)
          .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, c.free[0].address, CANDIDATE_NODES),
      )
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.applicant.address, CANDIDATE_ID);
      expect(await c.registry.memberCount()).to.equal(6n);
    });

    it("reverts when the caller is a member's voter", async function () {
      const c = await loadFixture(council);
      await expect(
        c.registry
          .connect(c.voters[2])
          .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, c.others[0].address, CANDIDATE_NODES),
      )
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.voters[2].address, 3n);
      await expectNoNewRecord(c);
      expect(await c.registry.memberIdOfAdmin(c.voters[2].address)).to.equal(0n);
    });

    it("reverts when the voter is already another member's voter", async function () {
      const c = await loadFixture(council);
      const applicant = c.others[0];
      await expect(
        c.registry
          .connect(applicant)
          .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, c.voters[0].address, CANDIDATE_NODES),
      )
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.voters[0].address, 1n);
      await expectNoNewRecord(c);
      expect(await c.registry.memberIdOfAdmin(applicant.address)).to.equal(0n);
      expect(await c.registry.memberIdOfVoter(c.voters[0].address)).to.equal(1n);
    });

    it("reverts when the voter is another member's admin", async function () {
      const c = await loadFixture(council);
      const applicant = c.others[0];
      await expect(
        c.registry
          .connect(applicant)
          .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, c.admins[3].address, CANDIDATE_NODES),
      )
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.admins[3].address, 4n);
      await expectNoNewRecord(c);
      expect(await c.registry.memberIdOfAdmin(applicant.address)).to.equal(0n);
    });

    it("reverts when the voter is an account a member rotated away from (voter accounts are never reused)", async function () {
      const c = await loadFixture(council);
      const [applicant, newVoter] = c.others;
      await c.registry.connect(c.admins[0]).proposeVoter(1, newVoter.address);
      await c.registry.connect(newVoter).acceptVoter(1);
      expect((await c.registry.getMember(1)).voter).to.equal(newVoter.address);
      await expect(
        c.registry
          .connect(applicant)
          .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, c.voters[0].address, CANDIDATE_NODES),
      )
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.voters[0].address, 1n);
      await expectNoNewRecord(c);
      expect(await c.registry.memberIdOfAdmin(applicant.address)).to.equal(0n);
    });

    it("reverts when the voter is the zero address", async function () {
      const c = await loadFixture(council);
      const applicant = c.others[0];
      await expect(
        c.registry
          .connect(applicant)
          .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, ethers.ZeroAddress, CANDIDATE_NODES),
      )
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryZeroAddress")
        .withArgs();
      await expectNoNewRecord(c);
      expect(await c.registry.memberIdOfAdmin(applicant.address)).to.equal(0n);
    });

    it("reverts when the name is empty", async function () {
      const c = await loadFixture(council);
      const [applicant, voter] = c.others;
      await expect(
        c.registry.connect(applicant).applyForMembership("", CANDIDATE_URI, voter.address, CANDIDATE_NODES),
      )
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryInvalidName")
        .withArgs(0n);
      await expectNoNewRecord(c);
      expect(await c.registry.memberIdOfAdmin(applicant.address)).to.equal(0n);
    });

    it("reverts when the name is 65 bytes long", async function () {
      const c = await loadFixture(council);
      const [applicant, voter] = c.others;
      await expect(
        c.registry
          .connect(applicant)
          .applyForMembership(NAME_65, CANDIDATE_URI, voter.address, CANDIDATE_NODES),
      )
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryInvalidName")
        .withArgs(65n);
      await expectNoNewRecord(c);
      expect(await c.registry.memberIdOfAdmin(applicant.address)).to.equal(0n);
    });

    it("reverts when the metadata URI is empty", async function () {
      const c = await loadFixture(council);
      const [applicant, voter] = c.others;
      await expect(
        c.registry.connect(applicant).applyForMembership(CANDIDATE_NAME, "", voter.address, CANDIDATE_NODES),
      )
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryInvalidMetadataURI")
        .withArgs(0n);
      await expectNoNewRecord(c);
      expect(await c.registry.memberIdOfAdmin(applicant.address)).to.equal(0n);
    });

    it("reverts when the metadata URI is 513 bytes long", async function () {
      const c = await loadFixture(council);
      const [applicant, voter] = c.others;
      await expect(
        c.registry
          .connect(applicant)
          .applyForMembership(CANDIDATE_NAME, URI_513, voter.address, CANDIDATE_NODES),
      )
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryInvalidMetadataURI")
        .withArgs(513n);
      await expectNoNewRecord(c);
      expect(await c.registry.memberIdOfAdmin(applicant.address)).to.equal(0n);
    });

    it("reverts when more than 16 nodes are listed", async function () {
      const c = await loadFixture(council);
      const [applicant, voter] = c.others;
      await expect(
        c.registry
          .connect(applicant)
          .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, voter.address, nodes(300, 17)),
      )
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryTooManyNodes")
        .withArgs(17n, 16n);
      await expectNoNewRecord(c);
      expect(await c.registry.memberIdOfAdmin(applicant.address)).to.equal(0n);
    });

    it("reverts when a node is listed twice", async function () {
      const c = await loadFixture(council);
      const [applicant, voter] = c.others;
      const list = [nodeAddress(300), nodeAddress(301), nodeAddress(302), nodeAddress(301)];
      await expect(
        c.registry.connect(applicant).applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, voter.address, list),
      )
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNodeInUse")
        .withArgs(nodeAddress(301), 0n);
      await expectNoNewRecord(c);
      expect(await c.registry.memberIdOfAdmin(applicant.address)).to.equal(0n);
    });

    it("reverts when a node is the zero address", async function () {
      const c = await loadFixture(council);
      const [applicant, voter] = c.others;
      await expect(
        c.registry
          .connect(applicant)
          .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, voter.address, [ethers.ZeroAddress]),
      )
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryZeroAddress")
        .withArgs();
      await expectNoNewRecord(c);
      expect(await c.registry.memberIdOfAdmin(applicant.address)).to.equal(0n);
    });
  });

  describe("admit", function () {
    it("makes the candidate an active member, reserves its nodes and checkpoints it", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      const before = await readRecord(c.registry, CANDIDATE_ID);
      const tx = c.registry.connect(c.governance).admit(CANDIDATE_ID);
      await expect(tx).to.emit(c.registry, "MemberAdmitted").withArgs(CANDIDATE_ID);
      const joinedAt = await minedAt(tx);

      expect(await readRecord(c.registry, CANDIDATE_ID)).to.deep.equal({
        ...before,
        status: ACTIVE,
        joinedAt,
        active: true,
      });
      expect(before.appliedAt).to.be.lessThan(joinedAt);
      expect(await nodeHolders(c.registry, CANDIDATE_NODES)).to.deep.equal([CANDIDATE_ID, CANDIDATE_ID]);
      expect(sorted(await c.registry.activeMemberIds())).to.deep.equal([1n, 2n, 3n, 4n, 5n, 6n]);
      expect(await c.registry.activeMemberCount()).to.equal(6n);
      expect(await c.registry.memberCount()).to.equal(6n);

      await advance(5n);
      expect(await c.registry.wasActiveAt(CANDIDATE_ID, joinedAt - 1n)).to.equal(false);
      expect(await c.registry.wasActiveAt(CANDIDATE_ID, joinedAt)).to.equal(true);
      expect(await c.registry.getPastActiveCount(joinedAt - 1n)).to.equal(5n);
      expect(await c.registry.getPastActiveCount(joinedAt)).to.equal(6n);
    });

    it("reserves the nodes the candidate lists at admission, not those it applied with", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      await c.registry.connect(c.applicant).setNodes(CANDIDATE_ID, [nodeAddress(150)]);
      await c.registry.connect(c.governance).admit(CANDIDATE_ID);
      expect(await nodeHolders(c.registry, [nodeAddress(150), ...CANDIDATE_NODES])).to.deep.equal([
        CANDIDATE_ID,
        0n,
        0n,
      ]);
    });

    it("notifies the vault: a candidate that bonded a stake unit votes at once", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      await c.vault.connect(c.free[0]).stakeFor(CANDIDATE_ID, STAKE_UNIT, { value: STAKE_UNIT });
      expect(await c.vault.getVotes(c.candidateVoter.address)).to.equal(0n);
      expect(await c.vault.isEligible(CANDIDATE_ID)).to.equal(false);
      await c.registry.connect(c.governance).admit(CANDIDATE_ID);
      expect(await c.vault.isEligible(CANDIDATE_ID)).to.equal(true);
      expect(await c.vault.getVotes(c.candidateVoter.address)).to.equal(1n);
    });

    it("reverts when the candidate has less than one stake unit bonded", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      await c.vault.connect(c.applicant).requestUnstake(CANDIDATE_ID, 1n);
      const before = await readRecord(c.registry, CANDIDATE_ID);
      await expect(c.registry.connect(c.governance).admit(CANDIDATE_ID))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryCandidateNotBonded")
        .withArgs(CANDIDATE_ID);
      expect(await readRecord(c.registry, CANDIDATE_ID)).to.deep.equal(before);
      expect(await c.registry.isActive(CANDIDATE_ID)).to.equal(false);
    });

    it("admits up to the maximum council size", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      await c.registry.connect(c.governance).setCouncilSizeBounds(4n, 6n);
      await c.registry.connect(c.governance).admit(CANDIDATE_ID);
      expect(await c.registry.activeMemberCount()).to.equal(6n);
    });

    it("reverts when the caller is not the owner", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      const before = await readRecord(c.registry, CANDIDATE_ID);
      for (const caller of [c.applicant, c.admins[0], c.deployer]) {
        await expect(c.registry.connect(caller).admit(CANDIDATE_ID))
          .to.be.revertedWithCustomError(c.registry, "OwnableUnauthorizedAccount")
          .withArgs(caller.address);
      }
      expect(await readRecord(c.registry, CANDIDATE_ID)).to.deep.equal(before);
      expect(await nodeHolders(c.registry, CANDIDATE_NODES)).to.deep.equal([0n, 0n]);
      expect(await c.registry.activeMemberCount()).to.equal(5n);
    });

    it("reverts when the member is unknown", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      const before = await readCouncil(c.registry);
      for (const id of [0n, 7n]) {
        await expect(c.registry.connect(c.governance).admit(id))
          .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnknownMember")
          .withArgs(id);
      }
      expect(await readCouncil(c.registry)).to.deep.equal(before);
    });

    it("reverts when the member is already active", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.governance).admit(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(1n, Status.Active);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await c.registry.activeMemberCount()).to.equal(5n);
    });

    it("reverts when the member was removed", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.governance).remove(1);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.governance).admit(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(1n, Status.Removed);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await nodeHolders(c.registry, [nodeAddress(1), nodeAddress(2)])).to.deep.equal([0n, 0n]);
      expect(await c.registry.activeMemberCount()).to.equal(4n);
    });

    it("reverts when the candidate withdrew its application", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      await c.registry.connect(c.applicant).resign(CANDIDATE_ID);
      const before = await readRecord(c.registry, CANDIDATE_ID);
      await expect(c.registry.connect(c.governance).admit(CANDIDATE_ID))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(CANDIDATE_ID, Status.Resigned);
      expect(await readRecord(c.registry, CANDIDATE_ID)).to.deep.equal(before);
      expect(await c.registry.activeMemberCount()).to.equal(5n);
    });

    it("reverts when the candidate has no accepted voter", async function () {
      const c = await loadFixture(councilWithCandidate);
      const before = await readRecord(c.registry, CANDIDATE_ID);
      await expect(c.registry.connect(c.governance).admit(CANDIDATE_ID))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryVoterNotSet")
        .withArgs(CANDIDATE_ID);
      expect(await readRecord(c.registry, CANDIDATE_ID)).to.deep.equal(before);
      expect(before.status).to.equal(CANDIDATE);
      expect(await nodeHolders(c.registry, CANDIDATE_NODES)).to.deep.equal([0n, 0n]);
      expect(await c.registry.activeMemberCount()).to.equal(5n);
    });

    it("reverts when the council is full", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      await c.registry.connect(c.governance).setCouncilSizeBounds(4n, 5n);
      const before = await readRecord(c.registry, CANDIDATE_ID);
      await expect(c.registry.connect(c.governance).admit(CANDIDATE_ID))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryCouncilFull")
        .withArgs(5n);
      expect(await readRecord(c.registry, CANDIDATE_ID)).to.deep.equal(before);
      expect(await nodeHolders(c.registry, CANDIDATE_NODES)).to.deep.equal([0n, 0n]);
      expect(await c.registry.activeMemberCount()).to.equal(5n);
    });

    it("reverts when a node is held by an active member", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      const list = [nodeAddress(150), nodeAddress(3)];
      await c.registry.connect(c.applicant).setNodes(CANDIDATE_ID, list);
      const before = await readRecord(c.registry, CANDIDATE_ID);
      await expect(c.registry.connect(c.governance).admit(CANDIDATE_ID))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNodeInUse")
        .withArgs(nodeAddress(3), 2n);
      expect(await readRecord(c.registry, CANDIDATE_ID)).to.deep.equal(before);
      expect(await nodeHolders(c.registry, list)).to.deep.equal([0n, 2n]);
      expect(await c.registry.activeMemberCount()).to.equal(5n);
    });

    it("reverts when a node was reserved by a candidate admitted first", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      const [applicant2] = c.free;
      await c.registry
        .connect(applicant2)
        .applyForMembership("Second", CANDIDATE_URI, applicant2.address, [CANDIDATE_NODES[1]]);
      await c.vault.connect(applicant2).stakeFor(7n, STAKE_UNIT, { value: STAKE_UNIT });
      await c.registry.connect(c.governance).admit(CANDIDATE_ID);
      const before = await readRecord(c.registry, 7n);
      await expect(c.registry.connect(c.governance).admit(7))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNodeInUse")
        .withArgs(CANDIDATE_NODES[1], CANDIDATE_ID);
      expect(await readRecord(c.registry, 7n)).to.deep.equal(before);
      expect(await c.registry.memberIdOfNode(CANDIDATE_NODES[1])).to.equal(CANDIDATE_ID);
    });
  });

  describe("remove", function () {
    it("removes an active member, releases its nodes and checkpoints the leave", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      const tx = c.registry.connect(c.governance).remove(1);
      await expect(tx).to.emit(c.registry, "MemberRemoved").withArgs(1n);
      await expect(tx).not.to.emit(c.registry, "VoterChangeStarted");
      const leftAt = await minedAt(tx);

      expect(await readRecord(c.registry, 1n)).to.deep.equal({
        ...before,
        status: REMOVED,
        leftAt,
        active: false,
      });
      expect(await nodeHolders(c.registry, before.nodes)).to.deep.equal([0n, 0n]);
      expect(sorted(await c.registry.activeMemberIds())).to.deep.equal([2n, 3n, 4n, 5n]);
      expect(await c.registry.activeMemberCount()).to.equal(4n);
      // Accounts stay bound: the admin still controls the stake, the voter is never reused.
      expect(await readBindings(c.registry, [c.admins[0].address, c.voters[0].address])).to.deep.equal({
        asAdmin: [1n, 0n],
        asVoter: [0n, 1n],
      });

      await advance(5n);
      expect(await c.registry.wasActiveAt(1, leftAt - 1n)).to.equal(true);
      expect(await c.registry.wasActiveAt(1, leftAt)).to.equal(false);
      expect(await c.registry.getPastActiveCount(leftAt - 1n)).to.equal(5n);
      expect(await c.registry.getPastActiveCount(leftAt)).to.equal(4n);
    });

    it("ends the member's voting power at once", async function () {
      const c = await loadFixture(council);
      await stakeAll(c);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(1n);
      await c.registry.connect(c.governance).remove(1);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(0n);
      expect(await c.vault.isEligible(1)).to.equal(false);
      expect(await c.vault.eligibleCount()).to.equal(4n);
    });

    it("removes an ineligible member even when only the minimum number of members is eligible", async function () {
      const c = await loadFixture(council);
      for (const id of [1, 2, 3, 4]) await stakeUnits(c, id, 1n);
      expect(await c.vault.eligibleCount()).to.equal(MIN_MEMBERS);
      expect(await c.registry.removalCheck(5n)).to.deep.equal([true, MIN_MEMBERS, MIN_MEMBERS]);
      await expect(c.registry.connect(c.governance).remove(5))
        .to.emit(c.registry, "MemberRemoved")
        .withArgs(5n);
      expect(await c.vault.eligibleCount()).to.equal(MIN_MEMBERS);
      expect(await c.registry.activeMemberCount()).to.equal(4n);
    });

    it("reverts when removing an eligible member would leave fewer eligible members than the minimum", async function () {
      const c = await loadFixture(council);
      for (const id of [1, 2, 3, 4]) await stakeUnits(c, id, 1n);
      const before = await readRecord(c.registry, 1n);
      const councilBefore = await readCouncil(c.registry);
      expect(await c.registry.removalCheck(1n)).to.deep.equal([false, 3n, MIN_MEMBERS]);
      await expect(c.registry.connect(c.governance).remove(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryTooFewEligible")
        .withArgs(3n, MIN_MEMBERS);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await readCouncil(c.registry)).to.deep.equal(councilBefore);
      expect(await nodeHolders(c.registry, before.nodes)).to.deep.equal([1n, 1n]);
      expect(await c.vault.eligibleCount()).to.equal(MIN_MEMBERS);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(1n);
    });

    it("removalCheck: allowed for an eligible member while the rest keep the minimum; never for a non-member", async function () {
      const c = await loadFixture(council);
      await stakeAll(c);
      expect(await c.registry.removalCheck(1n)).to.deep.equal([true, 4n, MIN_MEMBERS]);
      await c.registry.connect(c.governance).remove(1);
      // Removed, candidate-less ids and unknown ids are not active: nothing to remove.
      expect(await c.registry.removalCheck(1n)).to.deep.equal([false, 4n, MIN_MEMBERS]);
      expect(await c.registry.removalCheck(99n)).to.deep.equal([false, 4n, MIN_MEMBERS]);
      // Four eligible left (the minimum): removing any of them would leave three.
      expect(await c.registry.removalCheck(2n)).to.deep.equal([false, 3n, MIN_MEMBERS]);
    });

    it("removalCheck before a vault is bound: active members only, no eligible count", async function () {
      const c = await loadFixture(councilWithUnboundRegistry);
      expect(await c.unbound.removalCheck(1n)).to.deep.equal([true, 0n, MIN_MEMBERS]);
      expect(await c.unbound.removalCheck(99n)).to.deep.equal([false, 0n, MIN_MEMBERS]);
    });

    it("clears a pending voter nomination", async function () {
      const c = await loadFixture(council);
      const nominee = c.others[0];
      await c.registry.connect(c.admins[0]).proposeVoter(1, nominee.address);
      await expect(c.registry.connect(c.governance).remove(1))
        .to.emit(c.registry, "VoterChangeStarted")
        .withArgs(1n, ethers.ZeroAddress);
      expect(await c.registry.pendingVoter(1)).to.equal(ethers.ZeroAddress);
      await expect(c.registry.connect(nominee).acceptVoter(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotPendingAccount")
        .withArgs(1n, nominee.address);
      expect((await c.registry.getMember(1)).voter).to.equal(c.voters[0].address);
    });

    it("keeps a pending admin nomination (a removed member's admin still controls its stake)", async function () {
      const c = await loadFixture(council);
      const nominee = c.others[0];
      await c.registry.connect(c.admins[0]).proposeAdmin(1, nominee.address);
      await c.registry.connect(c.governance).remove(1);
      expect(await c.registry.pendingAdmin(1)).to.equal(nominee.address);
    });

    it("frees the released nodes for another active member", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.governance).remove(1);
      await c.registry.connect(c.admins[1]).setNodes(2, [nodeAddress(1), nodeAddress(3)]);
      expect(await nodeHolders(c.registry, [nodeAddress(1), nodeAddress(2), nodeAddress(3)])).to.deep.equal([
        2n,
        0n,
        2n,
      ]);
    });

    it("reverts when the caller is not the owner", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      for (const caller of [c.admins[0], c.voters[0], c.deployer]) {
        await expect(c.registry.connect(caller).remove(1))
          .to.be.revertedWithCustomError(c.registry, "OwnableUnauthorizedAccount")
          .withArgs(caller.address);
      }
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await nodeHolders(c.registry, before.nodes)).to.deep.equal([1n, 1n]);
    });

    it("reverts when the member is unknown", async function () {
      const c = await loadFixture(council);
      const before = await readCouncil(c.registry);
      await expect(c.registry.connect(c.governance).remove(99))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnknownMember")
        .withArgs(99n);
      expect(await readCouncil(c.registry)).to.deep.equal(before);
    });

    it("reverts when the member is a candidate", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      const before = await readRecord(c.registry, CANDIDATE_ID);
      await expect(c.registry.connect(c.governance).remove(CANDIDATE_ID))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(CANDIDATE_ID, Status.Candidate);
      expect(await readRecord(c.registry, CANDIDATE_ID)).to.deep.equal(before);
    });

    it("reverts when the member was already removed", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.governance).remove(1);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.governance).remove(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(1n, Status.Removed);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await c.registry.activeMemberCount()).to.equal(4n);
    });

    it("reverts when the member resigned", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.admins[0]).resign(1);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.governance).remove(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(1n, Status.Resigned);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the council is at its minimum size", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.governance).remove(1); // 5 -> 4 = minimum
      await stakeUnits(c, 2, 1n);
      const before = await readRecord(c.registry, 2n);
      const councilBefore = await readCouncil(c.registry);
      await expect(c.registry.connect(c.governance).remove(2))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryCouncilAtMinimum")
        .withArgs(MIN_MEMBERS);
      expect(await readRecord(c.registry, 2n)).to.deep.equal(before);
      expect(await readCouncil(c.registry)).to.deep.equal(councilBefore);
      expect(await nodeHolders(c.registry, before.nodes)).to.deep.equal([2n, 2n]);
      expect(await c.vault.getVotes(c.voters[1].address)).to.equal(1n);
    });
  });

  describe("resign", function () {
    it("lets an active member resign, releasing its nodes and checkpointing the leave", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      const tx = c.registry.connect(c.admins[0]).resign(1);
      await expect(tx).to.emit(c.registry, "MemberResigned").withArgs(1n, Status.Active);
      await expect(tx).not.to.emit(c.registry, "VoterChangeStarted");
      const leftAt = await minedAt(tx);

      expect(await readRecord(c.registry, 1n)).to.deep.equal({
        ...before,
        status: RESIGNED,
        leftAt,
        active: false,
      });
      expect(await nodeHolders(c.registry, before.nodes)).to.deep.equal([0n, 0n]);
      expect(sorted(await c.registry.activeMemberIds())).to.deep.equal([2n, 3n, 4n, 5n]);
      expect(await c.registry.activeMemberCount()).to.equal(4n);

      await advance(5n);
      expect(await c.registry.wasActiveAt(1, leftAt - 1n)).to.equal(true);
      expect(await c.registry.wasActiveAt(1, leftAt)).to.equal(false);
      expect(await c.registry.getPastActiveCount(leftAt)).to.equal(4n);
    });

    it("ends the member's voting power at once", async function () {
      const c = await loadFixture(council);
      await stakeUnits(c, 1, 1n);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(1n);
      await c.registry.connect(c.admins[0]).resign(1);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(0n);
      expect(await c.vault.isEligible(1)).to.equal(false);
    });

    it("clears a pending voter nomination", async function () {
      const c = await loadFixture(council);
      const nominee = c.others[0];
      await c.registry.connect(c.admins[0]).proposeVoter(1, nominee.address);
      await expect(c.registry.connect(c.admins[0]).resign(1))
        .to.emit(c.registry, "VoterChangeStarted")
        .withArgs(1n, ethers.ZeroAddress);
      expect(await c.registry.pendingVoter(1)).to.equal(ethers.ZeroAddress);
    });

    it("lets a candidate withdraw its application", async function () {
      const c = await loadFixture(councilWithCandidate);
      const before = await readRecord(c.registry, CANDIDATE_ID);
      const countBefore = await c.registry.getPastActiveCount((await c.registry.clock()) - 1n);
      const tx = c.registry.connect(c.applicant).resign(CANDIDATE_ID);
      await expect(tx).to.emit(c.registry, "MemberResigned").withArgs(CANDIDATE_ID, Status.Candidate);
      await expect(tx).to.emit(c.registry, "VoterChangeStarted").withArgs(CANDIDATE_ID, ethers.ZeroAddress);
      const leftAt = await minedAt(tx);

      expect(await readRecord(c.registry, CANDIDATE_ID)).to.deep.equal({
        ...before,
        status: RESIGNED,
        leftAt,
        pendingVoter: ethers.ZeroAddress,
        active: false,
      });
      expect(await c.registry.activeMemberCount()).to.equal(5n);
      await advance(5n);
      expect(await c.registry.wasActiveAt(CANDIDATE_ID, leftAt)).to.equal(false);
      expect(await c.registry.getPastActiveCount(leftAt)).to.equal(countBefore);
      await expect(c.registry.connect(c.candidateVoter).acceptVoter(CANDIDATE_ID))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotPendingAccount")
        .withArgs(CANDIDATE_ID, c.candidateVoter.address);
    });

    it("lets a candidate with no pending nomination withdraw without a cancellation event", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      const tx = c.registry.connect(c.applicant).resign(CANDIDATE_ID);
      await expect(tx).to.emit(c.registry, "MemberResigned").withArgs(CANDIDATE_ID, Status.Candidate);
      await expect(tx).not.to.emit(c.registry, "VoterChangeStarted");
      expect((await c.registry.getMember(CANDIDATE_ID)).status).to.equal(RESIGNED);
      // Its voter account stays bound to it.
      expect(await c.registry.memberIdOfVoter(c.candidateVoter.address)).to.equal(CANDIDATE_ID);
    });

    it("lets a candidate withdraw while the council is at its minimum size", async function () {
      const c = await loadFixture(councilWithCandidate);
      await stakeAll(c);
      await c.registry.connect(c.governance).setCouncilSizeBounds(5n, 100n);
      await c.registry.connect(c.applicant).resign(CANDIDATE_ID);
      expect((await c.registry.getMember(CANDIDATE_ID)).status).to.equal(RESIGNED);
    });

    it("reverts when the caller is not the admin", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      for (const caller of [c.voters[0], c.admins[1], c.governance]) {
        await expect(c.registry.connect(caller).resign(1))
          .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotAdmin")
          .withArgs(1n, caller.address);
      }
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await nodeHolders(c.registry, before.nodes)).to.deep.equal([1n, 1n]);
    });

    it("reverts when the member is unknown", async function () {
      const c = await loadFixture(council);
      const before = await readCouncil(c.registry);
      await expect(c.registry.connect(c.admins[0]).resign(99))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnknownMember")
        .withArgs(99n);
      expect(await readCouncil(c.registry)).to.deep.equal(before);
    });

    it("reverts when the council is at its minimum size", async function () {
      const c = await loadFixture(council);
      await stakeAll(c);
      await c.registry.connect(c.governance).setCouncilSizeBounds(5n, 100n);
      const before = await readRecord(c.registry, 1n);
      const councilBefore = await readCouncil(c.registry);
      await expect(c.registry.connect(c.admins[0]).resign(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryCouncilAtMinimum")
        .withArgs(5n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await readCouncil(c.registry)).to.deep.equal(councilBefore);
      expect(await nodeHolders(c.registry, before.nodes)).to.deep.equal([1n, 1n]);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(1n);
    });

    it("reverts when the member already resigned", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.admins[0]).resign(1);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).resign(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(1n, Status.Resigned);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await c.registry.activeMemberCount()).to.equal(4n);
    });

    it("reverts when the member was removed", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.governance).remove(1);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).resign(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(1n, Status.Removed);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });
  });

  describe("setCouncilSizeBounds", function () {
    it("sets the bounds and emits CouncilSizeBoundsUpdated", async function () {
      const c = await loadFixture(council);
      await stakeAll(c);
      await expect(c.registry.connect(c.governance).setCouncilSizeBounds(5n, 5n))
        .to.emit(c.registry, "CouncilSizeBoundsUpdated")
        .withArgs(5n, 5n);
      expect(await c.registry.minMembers()).to.equal(5n);
      expect(await c.registry.maxMembers()).to.equal(5n);
    });

    it("accepts the extremes: minimum 1 and maximum 255", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.governance).setCouncilSizeBounds(1n, 255n))
        .to.emit(c.registry, "CouncilSizeBoundsUpdated")
        .withArgs(1n, 255n);
      expect(await c.registry.minMembers()).to.equal(1n);
      expect(await c.registry.maxMembers()).to.equal(255n);
    });

    it("lowers or keeps the minimum whatever the eligible count (nobody is eligible here)", async function () {
      const c = await loadFixture(council);
      expect(await c.vault.eligibleCount()).to.equal(0n);
      await expect(c.registry.connect(c.governance).setCouncilSizeBounds(MIN_MEMBERS, 50n))
        .to.emit(c.registry, "CouncilSizeBoundsUpdated")
        .withArgs(MIN_MEMBERS, 50n);
      await expect(c.registry.connect(c.governance).setCouncilSizeBounds(3n, 50n))
        .to.emit(c.registry, "CouncilSizeBoundsUpdated")
        .withArgs(3n, 50n);
      expect(await c.registry.minMembers()).to.equal(3n);
    });

    it("raises the minimum without an eligibility check while no vault is bound", async function () {
      const c = await loadFixture(councilWithUnboundRegistry);
      await expect(c.unbound.connect(c.governance).setCouncilSizeBounds(5n, 100n))
        .to.emit(c.unbound, "CouncilSizeBoundsUpdated")
        .withArgs(5n, 100n);
      expect(await c.unbound.minMembers()).to.equal(5n);
    });

    it("reverts when a raised minimum exceeds the number of eligible members", async function () {
      const c = await loadFixture(council);
      for (const id of [1, 2, 3]) await stakeUnits(c, id, 1n);
      await expect(c.registry.connect(c.governance).setCouncilSizeBounds(5n, 100n))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryTooFewEligible")
        .withArgs(3n, 5n);
      expect(await c.registry.minMembers()).to.equal(MIN_MEMBERS);
      expect(await c.registry.maxMembers()).to.equal(MAX_MEMBERS);
    });

    async function expectBoundsUnchanged(c: Council): Promise<void> {
      expect(await c.registry.minMembers()).to.equal(MIN_MEMBERS);
      expect(await c.registry.maxMembers()).to.equal(MAX_MEMBERS);
    }

    it("reverts when the caller is not the owner", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.admins[0]).setCouncilSizeBounds(5n, 5n))
        .to.be.revertedWithCustomError(c.registry, "OwnableUnauthorizedAccount")
        .withArgs(c.admins[0].address);
      await expectBoundsUnchanged(c);
    });

    it("reverts when the minimum is 0", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.governance).setCouncilSizeBounds(0n, 100n))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryInvalidSizeBounds")
        .withArgs(0n, 100n, 5n);
      await expectBoundsUnchanged(c);
    });

    it("reverts when the minimum is above the active count (no vault bound)", async function () {
      const c = await loadFixture(councilWithUnboundRegistry);
      await expect(c.unbound.connect(c.governance).setCouncilSizeBounds(6n, 100n))
        .to.be.revertedWithCustomError(c.unbound, "CouncilRegistryInvalidSizeBounds")
        .withArgs(6n, 100n, 5n);
      expect(await c.unbound.minMembers()).to.equal(MIN_MEMBERS);
      expect(await c.unbound.maxMembers()).to.equal(MAX_MEMBERS);
    });

    it("reverts with too few eligible when the minimum is above the active count (a vault is bound)", async function () {
      const c = await loadFixture(council);
      await stakeAll(c);
      await expect(c.registry.connect(c.governance).setCouncilSizeBounds(6n, 100n))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryTooFewEligible")
        .withArgs(5n, 6n);
      await expectBoundsUnchanged(c);
    });

    it("reverts when the maximum is below the active count", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.governance).setCouncilSizeBounds(4n, 4n))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryInvalidSizeBounds")
        .withArgs(4n, 4n, 5n);
      await expectBoundsUnchanged(c);
    });

    it("reverts when the minimum is above the maximum", async function () {
      const c = await loadFixture(council);
      await stakeAll(c);
      await expect(c.registry.connect(c.governance).setCouncilSizeBounds(5n, 3n))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryInvalidSizeBounds")
        .withArgs(5n, 3n, 5n);
      await expectBoundsUnchanged(c);
    });

    it("reverts when the maximum is above 255", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.governance).setCouncilSizeBounds(4n, 256n))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryInvalidSizeBounds")
        .withArgs(4n, 256n, 5n);
      await expectBoundsUnchanged(c);
    });
  });

  describe("bindStakeVault", function () {
    it("binds a vault that points back at the registry, once", async function () {
      const c = await loadFixture(councilWithUnboundRegistry);
      const vault = await ethers.deployContract("StakeVault", [
        await c.unbound.getAddress(),
        ethers.ZeroAddress,
        STAKE_UNIT,
        7n * 24n * 3600n,
        7n * 24n * 3600n,
        c.governance.address,
      ]);
      const vaultAddress = await vault.getAddress();
      await expect(c.unbound.connect(c.deployer).bindStakeVault(vaultAddress))
        .to.emit(c.unbound, "StakeVaultBound")
        .withArgs(vaultAddress);
      expect(await c.unbound.stakeVault()).to.equal(vaultAddress);

      // Membership changes now reach the vault (every member eligible, so that one can be removed).
      for (const admin of c.admins) await vault.connect(admin).stake(STAKE_UNIT, { value: STAKE_UNIT });
      expect(await vault.getVotes(c.voters[0].address)).to.equal(1n);
      await c.unbound.connect(c.governance).remove(1);
      expect(await vault.getVotes(c.voters[0].address)).to.equal(0n);
      expect(await vault.eligibleCount()).to.equal(4n);
    });

    it("lets the registry work without a vault until one is bound", async function () {
      const c = await loadFixture(councilWithUnboundRegistry);
      const [applicant] = c.others;
      await c.unbound
        .connect(applicant)
        .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, applicant.address, []);
      await c.unbound.connect(c.governance).admit(CANDIDATE_ID);
      await c.unbound.connect(c.governance).remove(1);
      await c.unbound.connect(c.admins[1]).resign(2);
      await c.unbound.connect(c.admins[2]).proposeVoter(3, c.admins[2].address);
      expect(await c.unbound.isActive(CANDIDATE_ID)).to.equal(true);
      expect(await c.unbound.activeMemberCount()).to.equal(4n);
      expect((await c.unbound.getMember(3)).voter).to.equal(c.admins[2].address);
    });

    it("reverts when the caller is not the deployer", async function () {
      const c = await loadFixture(councilWithUnboundRegistry);
      const vault = await ethers.deployContract("StakeVault", [
        await c.unbound.getAddress(),
        ethers.ZeroAddress,
        STAKE_UNIT,
        7n * 24n * 3600n,
        7n * 24n * 3600n,
        c.governance.address,
      ]);
      for (const caller of [c.governance, c.admins[0]]) {
        await expect(c.unbound.connect(caller).bindStakeVault(await vault.getAddress()))
          .to.be.revertedWithCustomError(c.unbound, "CouncilRegistryVaultBindingClosed")
          .withArgs();
      }
      expect(await c.unbound.stakeVault()).to.equal(ethers.ZeroAddress);
    });

    it("reverts when a vault is already bound", async function () {
      const c = await loadFixture(council);
      const second = await ethers.deployContract("StakeVault", [
        await c.registry.getAddress(),
        ethers.ZeroAddress,
        STAKE_UNIT,
        7n * 24n * 3600n,
        7n * 24n * 3600n,
        c.governance.address,
      ]);
      await expect(c.registry.connect(c.deployer).bindStakeVault(await second.getAddress()))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryVaultBindingClosed")
        .withArgs();
      expect(await c.registry.stakeVault()).to.equal(await c.vault.getAddress());
    });

    it("reverts when the vault is the zero address", async function () {
      const c = await loadFixture(councilWithUnboundRegistry);
      await expect(c.unbound.connect(c.deployer).bindStakeVault(ethers.ZeroAddress))
        .to.be.revertedWithCustomError(c.unbound, "CouncilRegistryZeroAddress")
        .withArgs();
      expect(await c.unbound.stakeVault()).to.equal(ethers.ZeroAddress);
    });

    it("reverts when the vault points at another registry", async function () {
      const c = await loadFixture(councilWithUnboundRegistry);
      // c.vault belongs to c.registry, not to c.unbound.
      const vaultAddress = await c.vault.getAddress();
      await expect(c.unbound.connect(c.deployer).bindStakeVault(vaultAddress))
        .to.be.revertedWithCustomError(c.unbound, "CouncilRegistryVaultMismatch")
        .withArgs(vaultAddress);
      expect(await c.unbound.stakeVault()).to.equal(ethers.ZeroAddress);
    });
    it("reverts when the vault address has no code", async function () {
      const c = await loadFixture(councilWithUnboundRegistry);
      const noCode = c.others[0].address;
      await expect(c.unbound.connect(c.deployer).bindStakeVault(noCode))
        .to.be.revertedWithCustomError(c.unbound, "CouncilRegistryVaultMismatch")
        .withArgs(noCode);
      expect(await c.unbound.stakeVault()).to.equal(ethers.ZeroAddress);
    });
  });

  describe("updateMetadata", function () {
    it("updates an active member's name and metadata URI", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).updateMetadata(1, "Renamed", "ipfs://new"))
        .to.emit(c.registry, "MemberMetadataUpdated")
        .withArgs(1n, "Renamed", "ipfs://new");
      expect(await readRecord(c.registry, 1n)).to.deep.equal({
        ...before,
        name: "Renamed",
        metadataURI: "ipfs://new",
      });
    });

    it("updates a candidate's record, accepting a 64-byte name and a 512-byte URI", async function () {
      const c = await loadFixture(councilWithCandidate);
      const before = await readRecord(c.registry, CANDIDATE_ID);
      await expect(c.registry.connect(c.applicant).updateMetadata(CANDIDATE_ID, NAME_64, URI_512))
        .to.emit(c.registry, "MemberMetadataUpdated")
        .withArgs(CANDIDATE_ID, NAME_64, URI_512);
      expect(await readRecord(c.registry, CANDIDATE_ID)).to.deep.equal({
        ...before,
        name: NAME_64,
        metadataURI: URI_512,
      });
    });

    it("reverts when the caller is not the admin", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      for (const caller of [c.voters[0], c.admins[1], c.governance]) {
        await expect(c.registry.connect(caller).updateMetadata(1, "Renamed", "ipfs://new"))
          .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotAdmin")
          .withArgs(1n, caller.address);
      }
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the member is unknown", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.admins[0]).updateMetadata(99, "Renamed", "ipfs://new"))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnknownMember")
        .withArgs(99n);
      expect(await c.registry.memberCount()).to.equal(5n);
    });

    it("reverts when the member was removed", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.governance).remove(1);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).updateMetadata(1, "Renamed", "ipfs://new"))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(1n, Status.Removed);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the member resigned", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.admins[0]).resign(1);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).updateMetadata(1, "Renamed", "ipfs://new"))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(1n, Status.Resigned);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the name is empty", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).updateMetadata(1, "", "ipfs://new"))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryInvalidName")
        .withArgs(0n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the name is 65 bytes long", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).updateMetadata(1, NAME_65, "ipfs://new"))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryInvalidName")
        .withArgs(65n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the metadata URI is empty", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).updateMetadata(1, "Renamed", ""))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryInvalidMetadataURI")
        .withArgs(0n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the metadata URI is 513 bytes long", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).updateMetadata(1, "Renamed", URI_513))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryInvalidMetadataURI")
        .withArgs(513n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });
  });

  describe("setNodes", function () {
    it("replaces an active member's nodes: old ones released, new ones reserved", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      const list = nodes(200, 3);
      await expect(c.registry.connect(c.admins[0]).setNodes(1, list))
        .to.emit(c.registry, "MemberNodesUpdated")
        .withArgs(1n, list);
      expect(await readRecord(c.registry, 1n)).to.deep.equal({ ...before, nodes: list });
      expect(await nodeHolders(c.registry, before.nodes)).to.deep.equal([0n, 0n]);
      expect(await nodeHolders(c.registry, list)).to.deep.equal([1n, 1n, 1n]);
    });

    it("keeps a node that stays in the list, in any order", async function () {
      const c = await loadFixture(council);
      const reordered = [nodeAddress(2), nodeAddress(1)];
      await c.registry.connect(c.admins[0]).setNodes(1, reordered);
      expect((await c.registry.getMember(1)).nodes).to.deep.equal(reordered);
      expect(await nodeHolders(c.registry, reordered)).to.deep.equal([1n, 1n]);

      const partial = [nodeAddress(200), nodeAddress(1)];
      await c.registry.connect(c.admins[0]).setNodes(1, partial);
      expect(await nodeHolders(c.registry, [nodeAddress(1), nodeAddress(2), nodeAddress(200)])).to.deep.equal(
        [1n, 0n, 1n],
      );
    });

    it("accepts an empty list (all nodes released) and 16 nodes", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.admins[0]).setNodes(1, []);
      expect((await c.registry.getMember(1)).nodes).to.deep.equal([]);
      expect(await nodeHolders(c.registry, [nodeAddress(1), nodeAddress(2)])).to.deep.equal([0n, 0n]);
      await c.registry.connect(c.admins[0]).setNodes(1, nodes(200, 16));
      expect(await nodeHolders(c.registry, nodes(200, 16))).to.deep.equal(nodes(200, 16).map(() => 1n));
    });

    it("stores a candidate's nodes without reserving them, even nodes of active members", async function () {
      const c = await loadFixture(councilWithCandidate);
      const before = await readRecord(c.registry, CANDIDATE_ID);
      const list = [nodeAddress(1), nodeAddress(200)];
      await expect(c.registry.connect(c.applicant).setNodes(CANDIDATE_ID, list))
        .to.emit(c.registry, "MemberNodesUpdated")
        .withArgs(CANDIDATE_ID, list);
      expect(await readRecord(c.registry, CANDIDATE_ID)).to.deep.equal({ ...before, nodes: list });
      expect(await nodeHolders(c.registry, list)).to.deep.equal([1n, 0n]);
    });

    it("reverts when the caller is not the admin", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      for (const caller of [c.voters[0], c.admins[1], c.governance]) {
        await expect(c.registry.connect(caller).setNodes(1, nodes(200, 1)))
          .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotAdmin")
          .withArgs(1n, caller.address);
      }
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await nodeHolders(c.registry, [...before.nodes, nodeAddress(200)])).to.deep.equal([1n, 1n, 0n]);
    });

    it("reverts when the member is unknown", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.admins[0]).setNodes(99, nodes(200, 1)))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnknownMember")
        .withArgs(99n);
      expect(await c.registry.memberIdOfNode(nodeAddress(200))).to.equal(0n);
    });

    it("reverts when the member was removed", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.governance).remove(1);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).setNodes(1, nodes(200, 1)))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(1n, Status.Removed);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await c.registry.memberIdOfNode(nodeAddress(200))).to.equal(0n);
    });

    it("reverts when the member resigned", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.admins[0]).resign(1);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).setNodes(1, nodes(200, 1)))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(1n, Status.Resigned);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when a node is held by another active member", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      const list = [nodeAddress(1), nodeAddress(200), nodeAddress(3)];
      await expect(c.registry.connect(c.admins[0]).setNodes(1, list))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNodeInUse")
        .withArgs(nodeAddress(3), 2n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(
        await nodeHolders(c.registry, [nodeAddress(1), nodeAddress(2), nodeAddress(200), nodeAddress(3)]),
      ).to.deep.equal([1n, 1n, 0n, 2n]);
    });

    it("reverts when more than 16 nodes are listed", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).setNodes(1, nodes(200, 17)))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryTooManyNodes")
        .withArgs(17n, 16n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await nodeHolders(c.registry, before.nodes)).to.deep.equal([1n, 1n]);
    });

    it("reverts when a node is listed twice", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).setNodes(1, [nodeAddress(1), nodeAddress(1)]))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNodeInUse")
        .withArgs(nodeAddress(1), 0n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await nodeHolders(c.registry, before.nodes)).to.deep.equal([1n, 1n]);
    });

    it("reverts when a node is the zero address", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).setNodes(1, [nodeAddress(200), ethers.ZeroAddress]))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryZeroAddress")
        .withArgs();
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await nodeHolders(c.registry, before.nodes)).to.deep.equal([1n, 1n]);
    });
  });

  describe("proposeVoter", function () {
    it("nominates a voter, who is not bound until it accepts", async function () {
      const c = await loadFixture(council);
      const nominee = c.others[0];
      await stakeUnits(c, 1, 1n);
      const before = await readRecord(c.registry, 1n);
      const tx = c.registry.connect(c.admins[0]).proposeVoter(1, nominee.address);
      await expect(tx).to.emit(c.registry, "VoterChangeStarted").withArgs(1n, nominee.address);
      await expect(tx).not.to.emit(c.registry, "VoterChanged");
      expect(await readRecord(c.registry, 1n)).to.deep.equal({ ...before, pendingVoter: nominee.address });
      expect(await c.registry.memberIdOfVoter(nominee.address)).to.equal(0n);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(1n);
      expect(await c.vault.getVotes(nominee.address)).to.equal(0n);
    });

    it("replaces an earlier nomination", async function () {
      const c = await loadFixture(council);
      const [first, second] = c.others;
      await c.registry.connect(c.admins[0]).proposeVoter(1, first.address);
      await c.registry.connect(c.admins[0]).proposeVoter(1, second.address);
      expect(await c.registry.pendingVoter(1)).to.equal(second.address);
      await expect(c.registry.connect(first).acceptVoter(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotPendingAccount")
        .withArgs(1n, first.address);
    });

    it("cancels a nomination with the zero address", async function () {
      const c = await loadFixture(council);
      const nominee = c.others[0];
      await c.registry.connect(c.admins[0]).proposeVoter(1, nominee.address);
      await expect(c.registry.connect(c.admins[0]).proposeVoter(1, ethers.ZeroAddress))
        .to.emit(c.registry, "VoterChangeStarted")
        .withArgs(1n, ethers.ZeroAddress);
      expect(await c.registry.pendingVoter(1)).to.equal(ethers.ZeroAddress);
      expect((await c.registry.getMember(1)).voter).to.equal(c.voters[0].address);
      await expect(c.registry.connect(nominee).acceptVoter(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotPendingAccount")
        .withArgs(1n, nominee.address);
    });

    it("takes effect at once when the admin nominates itself, and moves the votes", async function () {
      const c = await loadFixture(council);
      await stakeUnits(c, 1, 1n);
      await c.registry.connect(c.admins[0]).proposeVoter(1, c.others[0].address);
      const before = await readRecord(c.registry, 1n);
      const tx = c.registry.connect(c.admins[0]).proposeVoter(1, c.admins[0].address);
      await expect(tx)
        .to.emit(c.registry, "VoterChanged")
        .withArgs(1n, c.voters[0].address, c.admins[0].address);
      await expect(tx).not.to.emit(c.registry, "VoterChangeStarted");
      expect(await readRecord(c.registry, 1n)).to.deep.equal({
        ...before,
        voter: c.admins[0].address,
        pendingVoter: ethers.ZeroAddress,
      });
      expect(await readBindings(c.registry, [c.admins[0].address, c.voters[0].address])).to.deep.equal({
        asAdmin: [1n, 0n],
        asVoter: [1n, 1n],
      });
      expect(await c.vault.getVotes(c.admins[0].address)).to.equal(1n);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(0n);
    });

    it("lets a member nominate one of its own former voter accounts", async function () {
      const c = await loadFixture(council);
      const interim = c.others[0];
      await c.registry.connect(c.admins[0]).proposeVoter(1, interim.address);
      await c.registry.connect(interim).acceptVoter(1);
      await expect(c.registry.connect(c.admins[0]).proposeVoter(1, c.voters[0].address))
        .to.emit(c.registry, "VoterChangeStarted")
        .withArgs(1n, c.voters[0].address);
      await c.registry.connect(c.voters[0]).acceptVoter(1);
      expect((await c.registry.getMember(1)).voter).to.equal(c.voters[0].address);
    });

    it("lets a candidate nominate another voter", async function () {
      const c = await loadFixture(councilWithCandidate);
      const nominee = c.free[0];
      await expect(c.registry.connect(c.applicant).proposeVoter(CANDIDATE_ID, nominee.address))
        .to.emit(c.registry, "VoterChangeStarted")
        .withArgs(CANDIDATE_ID, nominee.address);
      expect(await c.registry.pendingVoter(CANDIDATE_ID)).to.equal(nominee.address);
    });

    it("reverts when the caller is not the admin", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      for (const caller of [c.voters[0], c.admins[1], c.governance]) {
        await expect(c.registry.connect(caller).proposeVoter(1, c.others[0].address))
          .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotAdmin")
          .withArgs(1n, caller.address);
      }
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the member is unknown", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.admins[0]).proposeVoter(99, c.others[0].address))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnknownMember")
        .withArgs(99n);
      expect(await c.registry.pendingVoter(99)).to.equal(ethers.ZeroAddress);
    });

    it("reverts when the member was removed", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.governance).remove(1);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).proposeVoter(1, c.others[0].address))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(1n, Status.Removed);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the member resigned", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.admins[0]).resign(1);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).proposeVoter(1, c.admins[0].address))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(1n, Status.Resigned);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the nominee is already the voter", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.admins[0]).proposeVoter(1, c.others[0].address);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).proposeVoter(1, c.voters[0].address))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.voters[0].address, 1n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(before.pendingVoter).to.equal(c.others[0].address);
    });

    it("reverts when the nominee is another member's voter", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).proposeVoter(1, c.voters[1].address))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.voters[1].address, 2n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the nominee is another member's admin", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).proposeVoter(1, c.admins[4].address))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.admins[4].address, 5n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the nominee is a candidate's admin", async function () {
      const c = await loadFixture(councilWithCandidate);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).proposeVoter(1, c.applicant.address))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.applicant.address, CANDIDATE_ID);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the nominee is an account another member rotated away from", async function () {
      const c = await loadFixture(council);
      const replacement = c.others[0];
      await c.registry.connect(c.admins[1]).proposeVoter(2, replacement.address);
      await c.registry.connect(replacement).acceptVoter(2);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).proposeVoter(1, c.voters[1].address))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.voters[1].address, 2n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });
  });

  describe("acceptVoter", function () {
    it("sets the nominee as voter and binds it to the member for good", async function () {
      const c = await loadFixture(council);
      const nominee = c.others[0];
      await c.registry.connect(c.admins[0]).proposeVoter(1, nominee.address);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(nominee).acceptVoter(1))
        .to.emit(c.registry, "VoterChanged")
        .withArgs(1n, c.voters[0].address, nominee.address);
      expect(await readRecord(c.registry, 1n)).to.deep.equal({
        ...before,
        voter: nominee.address,
        pendingVoter: ethers.ZeroAddress,
      });
      expect(await readBindings(c.registry, [nominee.address, c.voters[0].address])).to.deep.equal({
        asAdmin: [0n, 0n],
        asVoter: [1n, 1n],
      });
      expect(await c.registry.memberAccounts(1)).to.deep.equal([
        c.admins[0].address,
        nominee.address,
        ACTIVE,
      ]);
    });

    it("moves the votes to the new voter at once and keeps the old voter's past votes", async function () {
      const c = await loadFixture(council);
      const nominee = c.others[0];
      await stakeUnits(c, 1, 1n);
      const stakedAt = await now();
      await advance(10n);
      await c.registry.connect(c.admins[0]).proposeVoter(1, nominee.address);
      const movedAt = await minedAt(c.registry.connect(nominee).acceptVoter(1));
      expect(await c.vault.getVotes(nominee.address)).to.equal(1n);
      expect(await c.vault.getVotes(c.voters[0].address)).to.equal(0n);
      await advance(1n);
      expect(await c.vault.getPastVotes(c.voters[0].address, stakedAt)).to.equal(1n);
      expect(await c.vault.getPastVotes(c.voters[0].address, movedAt - 1n)).to.equal(1n);
      expect(await c.vault.getPastVotes(c.voters[0].address, movedAt)).to.equal(0n);
      expect(await c.vault.getPastVotes(nominee.address, stakedAt)).to.equal(0n);
      expect(await c.vault.getPastVotes(nominee.address, movedAt)).to.equal(1n);
    });

    it("sets a candidate's first voter, making it admissible", async function () {
      const c = await loadFixture(councilWithCandidate);
      await expect(c.registry.connect(c.candidateVoter).acceptVoter(CANDIDATE_ID))
        .to.emit(c.registry, "VoterChanged")
        .withArgs(CANDIDATE_ID, ethers.ZeroAddress, c.candidateVoter.address);
      expect(await c.registry.memberAccounts(CANDIDATE_ID)).to.deep.equal([
        c.applicant.address,
        c.candidateVoter.address,
        CANDIDATE,
      ]);
      expect(await c.registry.memberIdOfVoter(c.candidateVoter.address)).to.equal(CANDIDATE_ID);
      await c.registry.connect(c.governance).admit(CANDIDATE_ID);
      expect(await c.registry.isActive(CANDIDATE_ID)).to.equal(true);
    });

    it("reverts when the caller is not the nominee", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.admins[0]).proposeVoter(1, c.others[0].address);
      const before = await readRecord(c.registry, 1n);
      for (const caller of [c.others[1], c.admins[0], c.voters[0]]) {
        await expect(c.registry.connect(caller).acceptVoter(1))
          .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotPendingAccount")
          .withArgs(1n, caller.address);
      }
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when nobody is nominated", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.others[0]).acceptVoter(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotPendingAccount")
        .withArgs(1n, c.others[0].address);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await c.registry.memberIdOfVoter(c.others[0].address)).to.equal(0n);
    });

    it("reverts when the member is unknown", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.others[0]).acceptVoter(99))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotPendingAccount")
        .withArgs(99n, c.others[0].address);
      expect(await c.registry.memberIdOfVoter(c.others[0].address)).to.equal(0n);
    });

    it("reverts when the nominee became another member's admin meanwhile", async function () {
      const c = await loadFixture(council);
      const [nominee, voter] = c.others;
      await c.registry.connect(c.admins[0]).proposeVoter(1, nominee.address);
      await c.registry.connect(nominee).applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, voter.address, []);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(nominee).acceptVoter(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(nominee.address, CANDIDATE_ID);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(before.pendingVoter).to.equal(nominee.address);
      expect(await readBindings(c.registry, [nominee.address])).to.deep.equal({
        asAdmin: [CANDIDATE_ID],
        asVoter: [0n],
      });
    });

    it("reverts when the nominee became another member's voter meanwhile", async function () {
      const c = await loadFixture(council);
      const nominee = c.others[0];
      await c.registry.connect(c.admins[0]).proposeVoter(1, nominee.address);
      await c.registry.connect(c.admins[1]).proposeVoter(2, nominee.address);
      await c.registry.connect(nominee).acceptVoter(1);
      const before = await readRecord(c.registry, 2n);
      await expect(c.registry.connect(nominee).acceptVoter(2))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(nominee.address, 1n);
      expect(await readRecord(c.registry, 2n)).to.deep.equal(before);
      expect(before.voter).to.equal(c.voters[1].address);
      expect(await c.registry.memberIdOfVoter(nominee.address)).to.equal(1n);
    });
  });

  describe("proposeAdmin", function () {
    it("nominates an admin, who takes over only once it accepts", async function () {
      const c = await loadFixture(council);
      const nominee = c.others[0];
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).proposeAdmin(1, nominee.address))
        .to.emit(c.registry, "AdminChangeStarted")
        .withArgs(1n, nominee.address);
      expect(await readRecord(c.registry, 1n)).to.deep.equal({ ...before, pendingAdmin: nominee.address });
      expect(await c.registry.memberIdOfAdmin(nominee.address)).to.equal(0n);
      expect(await c.registry.memberIdOfAdmin(c.admins[0].address)).to.equal(1n);
    });

    it("cancels a nomination with the zero address", async function () {
      const c = await loadFixture(council);
      const nominee = c.others[0];
      await c.registry.connect(c.admins[0]).proposeAdmin(1, nominee.address);
      await expect(c.registry.connect(c.admins[0]).proposeAdmin(1, ethers.ZeroAddress))
        .to.emit(c.registry, "AdminChangeStarted")
        .withArgs(1n, ethers.ZeroAddress);
      expect(await c.registry.pendingAdmin(1)).to.equal(ethers.ZeroAddress);
      await expect(c.registry.connect(nominee).acceptAdmin(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotPendingAccount")
        .withArgs(1n, nominee.address);
    });

    it("works for a removed member and for a resigned candidate", async function () {
      const c = await loadFixture(councilWithCandidate);
      await c.registry.connect(c.governance).remove(1);
      await expect(c.registry.connect(c.admins[0]).proposeAdmin(1, c.free[0].address))
        .to.emit(c.registry, "AdminChangeStarted")
        .withArgs(1n, c.free[0].address);
      await c.registry.connect(c.applicant).resign(CANDIDATE_ID);
      await expect(c.registry.connect(c.applicant).proposeAdmin(CANDIDATE_ID, c.free[1].address))
        .to.emit(c.registry, "AdminChangeStarted")
        .withArgs(CANDIDATE_ID, c.free[1].address);
      expect(await c.registry.pendingAdmin(1)).to.equal(c.free[0].address);
      expect(await c.registry.pendingAdmin(CANDIDATE_ID)).to.equal(c.free[1].address);
    });

    it("lets the member nominate its own voter", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.admins[0]).proposeAdmin(1, c.voters[0].address))
        .to.emit(c.registry, "AdminChangeStarted")
        .withArgs(1n, c.voters[0].address);
      await c.registry.connect(c.voters[0]).acceptAdmin(1);
      expect(await c.registry.memberAccounts(1)).to.deep.equal([
        c.voters[0].address,
        c.voters[0].address,
        ACTIVE,
      ]);
    });

    it("reverts when the caller is not the admin", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      for (const caller of [c.voters[0], c.admins[1], c.governance]) {
        await expect(c.registry.connect(caller).proposeAdmin(1, c.others[0].address))
          .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotAdmin")
          .withArgs(1n, caller.address);
      }
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the member is unknown", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.admins[0]).proposeAdmin(99, c.others[0].address))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnknownMember")
        .withArgs(99n);
      expect(await c.registry.pendingAdmin(99)).to.equal(ethers.ZeroAddress);
    });

    it("reverts when the admin nominates itself", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.admins[0]).proposeAdmin(1, c.others[0].address);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).proposeAdmin(1, c.admins[0].address))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.admins[0].address, 1n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(before.pendingAdmin).to.equal(c.others[0].address);
    });

    it("reverts when the nominee is another member's admin", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).proposeAdmin(1, c.admins[2].address))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.admins[2].address, 3n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the nominee is another member's voter", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).proposeAdmin(1, c.voters[3].address))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.voters[3].address, 4n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when the nominee is a candidate's admin", async function () {
      const c = await loadFixture(councilWithCandidate);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.admins[0]).proposeAdmin(1, c.applicant.address))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(c.applicant.address, CANDIDATE_ID);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });
  });

  describe("acceptAdmin", function () {
    it("hands the record to the nominee; the old admin loses its binding", async function () {
      const c = await loadFixture(council);
      const nominee = c.others[0];
      await c.registry.connect(c.admins[0]).proposeAdmin(1, nominee.address);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(nominee).acceptAdmin(1))
        .to.emit(c.registry, "AdminChanged")
        .withArgs(1n, c.admins[0].address, nominee.address);
      expect(await readRecord(c.registry, 1n)).to.deep.equal({
        ...before,
        admin: nominee.address,
        pendingAdmin: ethers.ZeroAddress,
      });
      expect(await readBindings(c.registry, [nominee.address, c.admins[0].address])).to.deep.equal({
        asAdmin: [1n, 0n],
        asVoter: [0n, 0n],
      });
    });

    it("lets the new admin act and stops the old one", async function () {
      const c = await loadFixture(council);
      const nominee = c.others[0];
      await c.registry.connect(c.admins[0]).proposeAdmin(1, nominee.address);
      await c.registry.connect(nominee).acceptAdmin(1);
      await c.registry.connect(nominee).updateMetadata(1, "New admin", "ipfs://new-admin");
      expect((await c.registry.getMember(1)).name).to.equal("New admin");
      await expect(c.registry.connect(c.admins[0]).updateMetadata(1, "Old admin", "ipfs://old"))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotAdmin")
        .withArgs(1n, c.admins[0].address);
      // The new admin stakes for the member in the vault; the old one no longer can.
      await c.vault.connect(nominee).stake(STAKE_UNIT, { value: STAKE_UNIT });
      expect(await c.vault.stakeOf(1)).to.equal(STAKE_UNIT);
      // The old admin account is free again: it may apply for a new record.
      await c.registry
        .connect(c.admins[0])
        .applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, c.others[1].address, []);
      expect(await c.registry.memberIdOfAdmin(c.admins[0].address)).to.equal(CANDIDATE_ID);
    });

    it("works for a removed member, whose new admin controls it", async function () {
      const c = await loadFixture(council);
      const nominee = c.others[0];
      await c.registry.connect(c.governance).remove(1);
      await c.registry.connect(c.admins[0]).proposeAdmin(1, nominee.address);
      await expect(c.registry.connect(nominee).acceptAdmin(1))
        .to.emit(c.registry, "AdminChanged")
        .withArgs(1n, c.admins[0].address, nominee.address);
      expect(await c.registry.memberAccounts(1)).to.deep.equal([
        nominee.address,
        c.voters[0].address,
        REMOVED,
      ]);
      await expect(c.registry.connect(nominee).proposeAdmin(1, c.others[1].address))
        .to.emit(c.registry, "AdminChangeStarted")
        .withArgs(1n, c.others[1].address);
    });

    it("reverts when the caller is not the nominee", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.admins[0]).proposeAdmin(1, c.others[0].address);
      const before = await readRecord(c.registry, 1n);
      for (const caller of [c.others[1], c.admins[0], c.governance]) {
        await expect(c.registry.connect(caller).acceptAdmin(1))
          .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotPendingAccount")
          .withArgs(1n, caller.address);
      }
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
    });

    it("reverts when nobody is nominated", async function () {
      const c = await loadFixture(council);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(c.others[0]).acceptAdmin(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotPendingAccount")
        .withArgs(1n, c.others[0].address);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await c.registry.memberIdOfAdmin(c.others[0].address)).to.equal(0n);
    });

    it("reverts when the member is unknown", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.others[0]).acceptAdmin(99))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotPendingAccount")
        .withArgs(99n, c.others[0].address);
      expect(await c.registry.memberIdOfAdmin(c.others[0].address)).to.equal(0n);
    });

    it("reverts when the nominee became another member's admin meanwhile", async function () {
      const c = await loadFixture(council);
      const [nominee, voter] = c.others;
      await c.registry.connect(c.admins[0]).proposeAdmin(1, nominee.address);
      await c.registry.connect(nominee).applyForMembership(CANDIDATE_NAME, CANDIDATE_URI, voter.address, []);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(nominee).acceptAdmin(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(nominee.address, CANDIDATE_ID);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(before.pendingAdmin).to.equal(nominee.address);
      expect(await readBindings(c.registry, [c.admins[0].address, nominee.address])).to.deep.equal({
        asAdmin: [1n, CANDIDATE_ID],
        asVoter: [0n, 0n],
      });
    });

    it("reverts when the nominee became another member's voter meanwhile", async function () {
      const c = await loadFixture(council);
      const nominee = c.others[0];
      await c.registry.connect(c.admins[0]).proposeAdmin(1, nominee.address);
      await c.registry.connect(c.admins[1]).proposeVoter(2, nominee.address);
      await c.registry.connect(nominee).acceptVoter(2);
      const before = await readRecord(c.registry, 1n);
      await expect(c.registry.connect(nominee).acceptAdmin(1))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryAccountInUse")
        .withArgs(nominee.address, 2n);
      expect(await readRecord(c.registry, 1n)).to.deep.equal(before);
      expect(await c.registry.memberIdOfAdmin(c.admins[0].address)).to.equal(1n);
    });
  });

  describe("getMember", function () {
    it("returns the whole record", async function () {
      const c = await loadFixture(councilWithCandidate);
      const m = await c.registry.getMember(CANDIDATE_ID);
      expect(m.id).to.equal(CANDIDATE_ID);
      expect(m.name).to.equal(CANDIDATE_NAME);
      expect(m.metadataURI).to.equal(CANDIDATE_URI);
      expect(m.admin).to.equal(c.applicant.address);
      expect(m.voter).to.equal(ethers.ZeroAddress);
      expect(m.nodes).to.deep.equal(CANDIDATE_NODES);
      expect(m.status).to.equal(CANDIDATE);
      expect(m.appliedAt).to.be.greaterThan(0n);
      expect(m.joinedAt).to.equal(0n);
      expect(m.leftAt).to.equal(0n);
    });

    it("reverts when the member is unknown", async function () {
      const c = await loadFixture(council);
      for (const id of [0n, 6n, 2n ** 256n - 1n]) {
        await expect(c.registry.getMember(id))
          .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnknownMember")
          .withArgs(id);
      }
    });
  });

  describe("memberAccounts", function () {
    it("returns admin, voter and status in every status", async function () {
      const c = await loadFixture(councilWithCandidate);
      expect(await c.registry.memberAccounts(2)).to.deep.equal([
        c.admins[1].address,
        c.voters[1].address,
        ACTIVE,
      ]);
      expect(await c.registry.memberAccounts(CANDIDATE_ID)).to.deep.equal([
        c.applicant.address,
        ethers.ZeroAddress,
        CANDIDATE,
      ]);
      await c.registry.connect(c.governance).setCouncilSizeBounds(3n, 100n);
      await c.registry.connect(c.governance).remove(2);
      expect(await c.registry.memberAccounts(2)).to.deep.equal([
        c.admins[1].address,
        c.voters[1].address,
        REMOVED,
      ]);
      await c.registry.connect(c.admins[2]).resign(3);
      expect(await c.registry.memberAccounts(3)).to.deep.equal([
        c.admins[2].address,
        c.voters[2].address,
        RESIGNED,
      ]);
    });

    it("returns zeros and None for an unknown id instead of reverting", async function () {
      const c = await loadFixture(council);
      expect(await c.registry.memberAccounts(0)).to.deep.equal([
        ethers.ZeroAddress,
        ethers.ZeroAddress,
        NONE,
      ]);
      expect(await c.registry.memberAccounts(42)).to.deep.equal([
        ethers.ZeroAddress,
        ethers.ZeroAddress,
        NONE,
      ]);
    });
  });

  describe("activeMemberIds", function () {
    it("tracks admissions and departures", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      expect(sorted(await c.registry.activeMemberIds())).to.deep.equal([1n, 2n, 3n, 4n, 5n]);
      await c.registry.connect(c.governance).admit(CANDIDATE_ID);
      await c.registry.connect(c.governance).remove(2);
      await c.registry.connect(c.admins[3]).resign(4);
      expect(sorted(await c.registry.activeMemberIds())).to.deep.equal([1n, 3n, 5n, CANDIDATE_ID]);
      expect(await c.registry.activeMemberCount()).to.equal(4n);
    });
  });

  describe("memberIdOfAdmin / memberIdOfVoter / memberIdOfNode", function () {
    it("returns the bound member id, and 0 for an unbound account or node", async function () {
      const c = await loadFixture(council);
      expect(await c.registry.memberIdOfAdmin(c.admins[3].address)).to.equal(4n);
      expect(await c.registry.memberIdOfVoter(c.voters[3].address)).to.equal(4n);
      expect(await c.registry.memberIdOfNode(nodeAddress(8))).to.equal(4n);
      expect(await c.registry.memberIdOfAdmin(c.voters[3].address)).to.equal(0n);
      expect(await c.registry.memberIdOfVoter(c.admins[3].address)).to.equal(0n);
      expect(await c.registry.memberIdOfAdmin(c.others[0].address)).to.equal(0n);
      expect(await c.registry.memberIdOfVoter(c.others[0].address)).to.equal(0n);
      expect(await c.registry.memberIdOfNode(nodeAddress(999))).to.equal(0n);
      expect(await c.registry.memberIdOfAdmin(ethers.ZeroAddress)).to.equal(0n);
      expect(await c.registry.memberIdOfVoter(ethers.ZeroAddress)).to.equal(0n);
      expect(await c.registry.memberIdOfNode(ethers.ZeroAddress)).to.equal(0n);
    });
  });

  describe("pendingVoter / pendingAdmin", function () {
    it("are zero without a nomination and return the nominee otherwise", async function () {
      const c = await loadFixture(council);
      expect(await c.registry.pendingVoter(1)).to.equal(ethers.ZeroAddress);
      expect(await c.registry.pendingAdmin(1)).to.equal(ethers.ZeroAddress);
      await c.registry.connect(c.admins[0]).proposeVoter(1, c.others[0].address);
      await c.registry.connect(c.admins[0]).proposeAdmin(1, c.others[1].address);
      expect(await c.registry.pendingVoter(1)).to.equal(c.others[0].address);
      expect(await c.registry.pendingAdmin(1)).to.equal(c.others[1].address);
      expect(await c.registry.pendingVoter(2)).to.equal(ethers.ZeroAddress);
      expect(await c.registry.pendingAdmin(2)).to.equal(ethers.ZeroAddress);
    });
  });

  describe("isActive", function () {
    it("is true only for active members", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      expect(await c.registry.isActive(1)).to.equal(true);
      expect(await c.registry.isActive(CANDIDATE_ID)).to.equal(false);
      expect(await c.registry.isActive(0)).to.equal(false);
      expect(await c.registry.isActive(99)).to.equal(false);
      await c.registry.connect(c.governance).admit(CANDIDATE_ID);
      await c.registry.connect(c.governance).remove(1);
      await c.registry.connect(c.admins[1]).resign(2);
      expect(await c.registry.isActive(CANDIDATE_ID)).to.equal(true);
      expect(await c.registry.isActive(1)).to.equal(false);
      expect(await c.registry.isActive(2)).to.equal(false);
    });
  });

  describe("wasActiveAt", function () {
    it("answers for timestamps before and after a join and a leave", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      await stakeAll(c); // the eligible candidate's removal must leave the minimum eligible
      const deployedAt = (await c.registry.getMember(1)).joinedAt;
      await advance(10n);
      const joinedAt = await minedAt(c.registry.connect(c.governance).admit(CANDIDATE_ID));
      await advance(10n);
      const leftAt = await minedAt(c.registry.connect(c.governance).remove(CANDIDATE_ID));
      await advance(10n);

      expect(await c.registry.wasActiveAt(CANDIDATE_ID, deployedAt)).to.equal(false);
      expect(await c.registry.wasActiveAt(CANDIDATE_ID, joinedAt - 1n)).to.equal(false);
      expect(await c.registry.wasActiveAt(CANDIDATE_ID, joinedAt)).to.equal(true);
      expect(await c.registry.wasActiveAt(CANDIDATE_ID, leftAt - 1n)).to.equal(true);
      expect(await c.registry.wasActiveAt(CANDIDATE_ID, leftAt)).to.equal(false);
      expect(await c.registry.wasActiveAt(CANDIDATE_ID, leftAt + 5n)).to.equal(false);
      expect(await c.registry.wasActiveAt(1, leftAt + 5n)).to.equal(true);
      expect(await c.registry.wasActiveAt(0, leftAt)).to.equal(false);
      expect(await c.registry.wasActiveAt(99, leftAt)).to.equal(false);
      expect(await c.registry.wasActiveAt(1, 0)).to.equal(false);
    });

    it("reports the state at the end of a timestamp with several changes", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      await stakeAll(c); // the eligible candidate's removal must leave the minimum eligible
      await networkHelpers.mine(1);
      await setAutomine(false);
      try {
        await c.registry.connect(c.governance).admit(CANDIDATE_ID);
        await c.registry.connect(c.governance).remove(CANDIDATE_ID);
        await networkHelpers.mine(1);
      } finally {
        await setAutomine(true);
      }
      const m = await c.registry.getMember(CANDIDATE_ID);
      expect(m.joinedAt).to.equal(m.leftAt);
      await advance(5n);
      expect(await c.registry.wasActiveAt(CANDIDATE_ID, m.joinedAt)).to.equal(false);
      expect(await c.registry.wasActiveAt(CANDIDATE_ID, m.joinedAt - 1n)).to.equal(false);
      expect(await c.registry.getPastActiveCount(m.joinedAt)).to.equal(5n);
    });

    it("reverts when the timepoint is not in the past", async function () {
      const c = await loadFixture(council);
      const clock = await c.registry.clock();
      for (const timepoint of [clock, clock + 1n, 2n ** 256n - 1n]) {
        await expect(c.registry.wasActiveAt(1, timepoint))
          .to.be.revertedWithCustomError(c.registry, "CouncilRegistryFutureLookup")
          .withArgs(timepoint, clock);
      }
      expect(await c.registry.wasActiveAt(1, clock - 1n)).to.equal(true);
    });
  });

  describe("getPastActiveCount", function () {
    it("answers for timestamps before and after joins and leaves", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      const deployedAt = (await c.registry.getMember(1)).joinedAt;
      await advance(10n);
      const joinedAt = await minedAt(c.registry.connect(c.governance).admit(CANDIDATE_ID));
      await advance(10n);
      const removedAt = await minedAt(c.registry.connect(c.governance).remove(1));
      const resignedAt = await minedAt(c.registry.connect(c.admins[1]).resign(2));
      await advance(10n);

      expect(await c.registry.getPastActiveCount(0)).to.equal(0n);
      expect(await c.registry.getPastActiveCount(deployedAt - 1n)).to.equal(0n);
      expect(await c.registry.getPastActiveCount(deployedAt)).to.equal(5n);
      expect(await c.registry.getPastActiveCount(joinedAt - 1n)).to.equal(5n);
      expect(await c.registry.getPastActiveCount(joinedAt)).to.equal(6n);
      expect(await c.registry.getPastActiveCount(removedAt - 1n)).to.equal(6n);
      expect(await c.registry.getPastActiveCount(removedAt)).to.equal(5n);
      expect(await c.registry.getPastActiveCount(resignedAt)).to.equal(4n);
      expect(await c.registry.getPastActiveCount(resignedAt + 5n)).to.equal(4n);
    });

    it("reverts when the timepoint is not in the past", async function () {
      const c = await loadFixture(council);
      const clock = await c.registry.clock();
      for (const timepoint of [clock, clock + 1000n]) {
        await expect(c.registry.getPastActiveCount(timepoint))
          .to.be.revertedWithCustomError(c.registry, "CouncilRegistryFutureLookup")
          .withArgs(timepoint, clock);
      }
      expect(await c.registry.getPastActiveCount(clock - 1n)).to.equal(5n);
    });
  });

  describe("activeMemberCount / memberCount", function () {
    it("count active members and all records ever created", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      expect(await c.registry.activeMemberCount()).to.equal(5n);
      expect(await c.registry.memberCount()).to.equal(6n);
      await c.registry.connect(c.free[0]).applyForMembership("Seven", CANDIDATE_URI, c.free[1].address, []);
      await c.registry.connect(c.free[0]).resign(7);
      expect(await c.registry.activeMemberCount()).to.equal(5n);
      expect(await c.registry.memberCount()).to.equal(7n);
      await c.registry.connect(c.governance).admit(CANDIDATE_ID);
      expect(await c.registry.activeMemberCount()).to.equal(6n);
      await c.registry.connect(c.governance).remove(1);
      expect(await c.registry.activeMemberCount()).to.equal(5n);
      expect(await c.registry.memberCount()).to.equal(7n);
    });
  });

  describe("minMembers / maxMembers", function () {
    it("return the bounds set at deployment and by governance", async function () {
      const c = await loadFixture(council);
      expect(await c.registry.minMembers()).to.equal(MIN_MEMBERS);
      expect(await c.registry.maxMembers()).to.equal(MAX_MEMBERS);
      await c.registry.connect(c.governance).setCouncilSizeBounds(3n, 9n);
      expect(await c.registry.minMembers()).to.equal(3n);
      expect(await c.registry.maxMembers()).to.equal(9n);
    });
  });

  describe("stakeVault", function () {
    it("returns the bound vault", async function () {
      const c = await loadFixture(council);
      expect(await c.registry.stakeVault()).to.equal(await c.vault.getAddress());
      expect(await c.vault.registry()).to.equal(await c.registry.getAddress());
    });
  });

  describe("clock / CLOCK_MODE", function () {
    it("uses block timestamps", async function () {
      const c = await loadFixture(council);
      expect(await c.registry.CLOCK_MODE()).to.equal("mode=timestamp");
      expect(await c.registry.clock()).to.equal(await now());
      await advance(1000n);
      expect(await c.registry.clock()).to.equal(await now());
    });
  });

  describe("constants", function () {
    it("expose the documented limits", async function () {
      const c = await loadFixture(council);
      expect(await c.registry.MAX_NAME_LENGTH()).to.equal(64n);
      expect(await c.registry.MAX_METADATA_URI_LENGTH()).to.equal(512n);
      expect(await c.registry.MAX_NODES_PER_MEMBER()).to.equal(16n);
      expect(await c.registry.MAX_COUNCIL_SIZE()).to.equal(255n);
    });
  });

  describe("renounceOwnership", function () {
    it("reverts for the owner: ownership can never be renounced", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.governance).renounceOwnership())
        .to.be.revertedWithCustomError(c.registry, "GovernedOwnableRenounceDisabled")
        .withArgs();
      expect(await c.registry.owner()).to.equal(c.governance.address);
    });

    it("reverts when the caller is not the owner", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.admins[0]).renounceOwnership())
        .to.be.revertedWithCustomError(c.registry, "OwnableUnauthorizedAccount")
        .withArgs(c.admins[0].address);
      expect(await c.registry.owner()).to.equal(c.governance.address);
    });
  });

  describe("transferOwnership / acceptOwnership", function () {
    it("transfers ownership in two steps", async function () {
      const c = await loadFixture(councilWithReadyCandidate);
      const newOwner = c.free[0];
      await expect(c.registry.connect(c.governance).transferOwnership(newOwner.address))
        .to.emit(c.registry, "OwnershipTransferStarted")
        .withArgs(c.governance.address, newOwner.address);
      expect(await c.registry.owner()).to.equal(c.governance.address);
      expect(await c.registry.pendingOwner()).to.equal(newOwner.address);

      await expect(c.registry.connect(newOwner).acceptOwnership())
        .to.emit(c.registry, "OwnershipTransferred")
        .withArgs(c.governance.address, newOwner.address);
      expect(await c.registry.owner()).to.equal(newOwner.address);
      expect(await c.registry.pendingOwner()).to.equal(ethers.ZeroAddress);

      await expect(c.registry.connect(c.governance).admit(CANDIDATE_ID))
        .to.be.revertedWithCustomError(c.registry, "OwnableUnauthorizedAccount")
        .withArgs(c.governance.address);
      await expect(c.registry.connect(newOwner).admit(CANDIDATE_ID))
        .to.emit(c.registry, "MemberAdmitted")
        .withArgs(CANDIDATE_ID);
    });

    it("reverts when a non-owner starts a transfer", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.admins[0]).transferOwnership(c.admins[0].address))
        .to.be.revertedWithCustomError(c.registry, "OwnableUnauthorizedAccount")
        .withArgs(c.admins[0].address);
      expect(await c.registry.owner()).to.equal(c.governance.address);
      expect(await c.registry.pendingOwner()).to.equal(ethers.ZeroAddress);
    });

    it("reverts when someone other than the pending owner accepts", async function () {
      const c = await loadFixture(council);
      await c.registry.connect(c.governance).transferOwnership(c.others[0].address);
      await expect(c.registry.connect(c.others[1]).acceptOwnership())
        .to.be.revertedWithCustomError(c.registry, "OwnableUnauthorizedAccount")
        .withArgs(c.others[1].address);
      expect(await c.registry.owner()).to.equal(c.governance.address);
      expect(await c.registry.pendingOwner()).to.equal(c.others[0].address);
    });
  });
});
