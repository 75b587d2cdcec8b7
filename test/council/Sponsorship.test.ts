/**
 * CouncilRegistry: the sponsorship window. An application can be sponsored (an admission motion opened) within
 * `sponsorshipWindow` seconds after applying; a lapsed or rejected candidate renews its application to start a
 * new window. The window is set at deployment and by governance (the owner), within 1 to 60 days.
 *
 * Layout: one `describe` per function, success first, then one `it` per revert ("reverts when …"), each revert
 * asserted with its custom error and exact arguments and followed by a comparison of everything it could change.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type { ContractTransactionResponse } from "ethers";

import type { CouncilRegistry } from "../../typechain-types/index.js";
import {
  type Council,
  DAY,
  MAX_MEMBERS,
  MIN_MEMBERS,
  SPONSORSHIP_WINDOW,
  Status,
  deployCouncil,
  ethers,
  networkHelpers,
  nodeAddress,
  STAKE_UNIT,
} from "../utils/council.js";

const { loadFixture, time } = networkHelpers;

// ---------------------------------------------------------------- constants and helpers

const MIN_WINDOW = DAY;
const MAX_WINDOW = 60n * DAY;
const CANDIDATE_ID = 6n;
const CANDIDATE_NODES = [nodeAddress(301), nodeAddress(302)];

/** A keyless account address (constructor inputs only). */
function account(seed: number): string {
  return ethers.getAddress(ethers.zeroPadValue(ethers.toBeHex(0xd00000 + seed), 20));
}

interface InitialMember {
  name: string;
  metadataURI: string;
  admin: string;
  voter: string;
  nodes: string[];
}

/** `count` valid initial members with keyless accounts. */
function initialMembers(count: number): InitialMember[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `Member ${i + 1}`,
    metadataURI: `https://member${i + 1}.example/gc.json`,
    admin: account(2 * i + 1),
    voter: account(2 * i + 2),
    nodes: [nodeAddress(400 + i)],
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

/** Everything a sponsorship call could change: the window, the bounds, and every record's status and times. */
async function observe(registry: CouncilRegistry): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {
    sponsorshipWindow: await registry.sponsorshipWindow(),
    minMembers: await registry.minMembers(),
    maxMembers: await registry.maxMembers(),
    memberCount: await registry.memberCount(),
    activeCount: await registry.activeMemberCount(),
    owner: await registry.owner(),
  };
  const count = await registry.memberCount();
  for (let id = 1n; id <= count; id++) {
    const m = await registry.getMember(id);
    out[`member ${id}`] = [m.admin, m.voter, m.status, m.appliedAt, m.joinedAt, m.leftAt, [...m.nodes]];
    out[`pending voter ${id}`] = await registry.pendingVoter(id);
    out[`open ${id}`] = await registry.isApplicationOpen(id);
  }
  return out;
}

// ---------------------------------------------------------------- fixtures

interface CandidateCouncil extends Council {
  /** Admin of candidate 6. */
  applicant: HardhatEthersSigner;
  /** Voter nominated (not accepted) by candidate 6. */
  candidateVoter: HardhatEthersSigner;
  /** When candidate 6 applied. */
  appliedAt: bigint;
}

async function council(): Promise<Council> {
  return deployCouncil();
}

/** Five members (min 4, max 100, 14-day window) and candidate 6, which applied at `appliedAt`. */
async function councilWithCandidate(): Promise<CandidateCouncil> {
  const c = await deployCouncil();
  const [applicant, candidateVoter] = c.others;
  const appliedAt = await minedAt(
    c.registry
      .connect(applicant)
      .applyForMembership(
        "Candidate Org",
        "https://candidate.example/gc.json",
        candidateVoter.address,
        CANDIDATE_NODES,
      ),
  );
  return { ...c, applicant, candidateVoter, appliedAt };
}

/** As `councilWithCandidate`, one second after the window closed (`appliedAt + window + 1`). */
async function councilWithLapsedCandidate(): Promise<CandidateCouncil> {
  const c = await councilWithCandidate();
  await time.increaseTo(c.appliedAt + SPONSORSHIP_WINDOW + 1n);
  return c;
}

// ---------------------------------------------------------------- tests

describe("CouncilRegistry: sponsorship window", function () {
  describe("constructor", function () {
    it("stores the window and emits SponsorshipWindowUpdated", async function () {
      const c = await loadFixture(council);
      expect(await c.registry.sponsorshipWindow()).to.equal(SPONSORSHIP_WINDOW);
      expect(await c.registry.MIN_SPONSORSHIP_WINDOW()).to.equal(MIN_WINDOW);
      expect(await c.registry.MAX_SPONSORSHIP_WINDOW()).to.equal(MAX_WINDOW);
      const registry = await ethers.deployContract("CouncilRegistry", [
        account(99),
        MIN_MEMBERS,
        MAX_MEMBERS,
        30n * DAY,
        initialMembers(5),
      ]);
      await expect(registry.deploymentTransaction())
        .to.emit(registry, "SponsorshipWindowUpdated")
        .withArgs(30n * DAY);
      expect(await registry.sponsorshipWindow()).to.equal(30n * DAY);
    });

    it("accepts the bounds: 1 day and 60 days", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const shortest = await f.deploy(account(99), MIN_MEMBERS, MAX_MEMBERS, MIN_WINDOW, initialMembers(4));
      expect(await shortest.sponsorshipWindow()).to.equal(MIN_WINDOW);
      const longest = await f.deploy(account(99), MIN_MEMBERS, MAX_MEMBERS, MAX_WINDOW, initialMembers(4));
      expect(await longest.sponsorshipWindow()).to.equal(MAX_WINDOW);
    });

    it("reverts when the window is 1 day - 1 second", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      await expect(f.deploy(account(99), MIN_MEMBERS, MAX_MEMBERS, MIN_WINDOW - 1n, initialMembers(4)))
        .to.be.revertedWithCustomError(f, "CouncilRegistryInvalidSponsorshipWindow")
        .withArgs(MIN_WINDOW - 1n);
    });

    it("reverts when the window is 60 days + 1 second", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      await expect(f.deploy(account(99), MIN_MEMBERS, MAX_MEMBERS, MAX_WINDOW + 1n, initialMembers(4)))
        .to.be.revertedWithCustomError(f, "CouncilRegistryInvalidSponsorshipWindow")
        .withArgs(MAX_WINDOW + 1n);
    });

    it("reverts when the window is 0", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      await expect(f.deploy(account(99), MIN_MEMBERS, MAX_MEMBERS, 0n, initialMembers(4)))
        .to.be.revertedWithCustomError(f, "CouncilRegistryInvalidSponsorshipWindow")
        .withArgs(0n);
    });

    it("reverts when the window does not fit in 32 bits (no silent truncation)", async function () {
      const f = await ethers.getContractFactory("CouncilRegistry");
      const huge = 2n ** 32n + DAY; // would truncate to 1 day in a uint32
      await expect(f.deploy(account(99), MIN_MEMBERS, MAX_MEMBERS, huge, initialMembers(4)))
        .to.be.revertedWithCustomError(f, "CouncilRegistryInvalidSponsorshipWindow")
        .withArgs(huge);
    });
  });

  describe("setSponsorshipWindow", function () {
    it("lets the owner change the window, emitting SponsorshipWindowUpdated", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.governance).setSponsorshipWindow(30n * DAY))
        .to.emit(c.registry, "SponsorshipWindowUpdated")
        .withArgs(30n * DAY);
      expect(await c.registry.sponsorshipWindow()).to.equal(30n * DAY);
    });

    it("accepts the bounds: 1 day and 60 days", async function () {
      const c = await loadFixture(council);
      await expect(c.registry.connect(c.governance).setSponsorshipWindow(MIN_WINDOW))
        .to.emit(c.registry, "SponsorshipWindowUpdated")
        .withArgs(MIN_WINDOW);
      expect(await c.registry.sponsorshipWindow()).to.equal(MIN_WINDOW);
      await expect(c.registry.connect(c.governance).setSponsorshipWindow(MAX_WINDOW))
        .to.emit(c.registry, "SponsorshipWindowUpdated")
        .withArgs(MAX_WINDOW);
      expect(await c.registry.sponsorshipWindow()).to.equal(MAX_WINDOW);
    });

    it("applies to existing applications: lengthening reopens a lapsed one, shortening closes an open one", async function () {
      const c = await loadFixture(councilWithLapsedCandidate);
      expect(await c.registry.isApplicationOpen(CANDIDATE_ID)).to.equal(false);
      await c.registry.connect(c.governance).setSponsorshipWindow(30n * DAY);
      expect(await c.registry.isApplicationOpen(CANDIDATE_ID)).to.equal(true);
      await c.registry.connect(c.governance).setSponsorshipWindow(MIN_WINDOW);
      expect(await c.registry.isApplicationOpen(CANDIDATE_ID)).to.equal(false);
      // The candidate's record is untouched: only the window moved.
      expect((await c.registry.getMember(CANDIDATE_ID)).appliedAt).to.equal(c.appliedAt);
    });

    it("reverts when the caller is not the owner", async function () {
      const c = await loadFixture(council);
      const before = await observe(c.registry);
      for (const caller of [c.admins[0], c.voters[0], c.others[0], c.deployer]) {
        await expect(c.registry.connect(caller).setSponsorshipWindow(30n * DAY))
          .to.be.revertedWithCustomError(c.registry, "OwnableUnauthorizedAccount")
          .withArgs(caller.address);
      }
      expect(await observe(c.registry)).to.deep.equal(before);
    });

    it("reverts when the window is 1 day - 1 second", async function () {
      const c = await loadFixture(council);
      const before = await observe(c.registry);
      await expect(c.registry.connect(c.governance).setSponsorshipWindow(MIN_WINDOW - 1n))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryInvalidSponsorshipWindow")
        .withArgs(MIN_WINDOW - 1n);
      expect(await observe(c.registry)).to.deep.equal(before);
    });

    it("reverts when the window is 60 days + 1 second", async function () {
      const c = await loadFixture(council);
      const before = await observe(c.registry);
      await expect(c.registry.connect(c.governance).setSponsorshipWindow(MAX_WINDOW + 1n))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryInvalidSponsorshipWindow")
        .withArgs(MAX_WINDOW + 1n);
      expect(await observe(c.registry)).to.deep.equal(before);
    });

    it("reverts when the window is 0", async function () {
      const c = await loadFixture(council);
      const before = await observe(c.registry);
      await expect(c.registry.connect(c.governance).setSponsorshipWindow(0n))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryInvalidSponsorshipWindow")
        .withArgs(0n);
      expect(await observe(c.registry)).to.deep.equal(before);
    });
  });

  describe("isApplicationOpen", function () {
    it("is true from the application up to and including appliedAt + window", async function () {
      const c = await loadFixture(councilWithCandidate);
      expect(await c.registry.isApplicationOpen(CANDIDATE_ID)).to.equal(true);
      await time.increaseTo(c.appliedAt + SPONSORSHIP_WINDOW);
      expect(await c.registry.isApplicationOpen(CANDIDATE_ID)).to.equal(true);
    });

    it("is false from appliedAt + window + 1 second", async function () {
      const c = await loadFixture(councilWithCandidate);
      await time.increaseTo(c.appliedAt + SPONSORSHIP_WINDOW + 1n);
      expect(await c.registry.isApplicationOpen(CANDIDATE_ID)).to.equal(false);
    });

    it("does not depend on the candidate's voter being accepted", async function () {
      const c = await loadFixture(councilWithCandidate);
      expect(await c.registry.pendingVoter(CANDIDATE_ID)).to.equal(c.candidateVoter.address);
      expect(await c.registry.isApplicationOpen(CANDIDATE_ID)).to.equal(true);
      await c.registry.connect(c.candidateVoter).acceptVoter(CANDIDATE_ID);
      expect(await c.registry.isApplicationOpen(CANDIDATE_ID)).to.equal(true);
    });

    it("is false for active members, even within their window", async function () {
      const c = await loadFixture(councilWithCandidate);
      // Initial members' appliedAt is their deployment time, well within 14 days.
      for (let id = 1n; id <= 5n; id++) expect(await c.registry.isApplicationOpen(id)).to.equal(false);
    });

    it("is false for an admitted candidate", async function () {
      const c = await loadFixture(councilWithCandidate);
      await c.registry.connect(c.candidateVoter).acceptVoter(CANDIDATE_ID);
      await c.vault.connect(c.others[5]).stakeFor(CANDIDATE_ID, STAKE_UNIT, { value: STAKE_UNIT });
      await c.registry.connect(c.governance).admit(CANDIDATE_ID);
      expect(await c.registry.isApplicationOpen(CANDIDATE_ID)).to.equal(false);
    });

    it("is false for a removed member", async function () {
      const c = await loadFixture(councilWithCandidate);
      await c.registry.connect(c.governance).remove(2n);
      expect((await c.registry.getMember(2n)).status).to.equal(BigInt(Status.Removed));
      expect(await c.registry.isApplicationOpen(2n)).to.equal(false);
    });

    it("is false for a candidate that withdrew its application", async function () {
      const c = await loadFixture(councilWithCandidate);
      await c.registry.connect(c.applicant).resign(CANDIDATE_ID);
      expect((await c.registry.getMember(CANDIDATE_ID)).status).to.equal(BigInt(Status.Resigned));
      expect(await c.registry.isApplicationOpen(CANDIDATE_ID)).to.equal(false);
    });

    it("is false for unknown ids and id 0", async function () {
      const c = await loadFixture(councilWithCandidate);
      expect(await c.registry.isApplicationOpen(0n)).to.equal(false);
      expect(await c.registry.isApplicationOpen(7n)).to.equal(false);
      expect(await c.registry.isApplicationOpen(ethers.MaxUint256)).to.equal(false);
    });
  });

  describe("renewApplication", function () {
    it("starts a new window from now, updating appliedAt and emitting ApplicationRenewed", async function () {
      const c = await loadFixture(councilWithLapsedCandidate);
      const before = await c.registry.getMember(CANDIDATE_ID);
      const renewedAt = (await time.latest()) + 10;
      await time.setNextBlockTimestamp(renewedAt);
      await expect(c.registry.connect(c.applicant).renewApplication(CANDIDATE_ID))
        .to.emit(c.registry, "ApplicationRenewed")
        .withArgs(CANDIDATE_ID, renewedAt);
      const after = await c.registry.getMember(CANDIDATE_ID);
      expect(after.appliedAt).to.equal(BigInt(renewedAt));
      expect(await c.registry.isApplicationOpen(CANDIDATE_ID)).to.equal(true);
      // Nothing else in the record moves.
      expect([
        after.admin,
        after.voter,
        after.status,
        after.joinedAt,
        after.leftAt,
        [...after.nodes],
      ]).to.deep.equal([
        before.admin,
        before.voter,
        before.status,
        before.joinedAt,
        before.leftAt,
        [...before.nodes],
      ]);
      expect(await c.registry.pendingVoter(CANDIDATE_ID)).to.equal(c.candidateVoter.address);
    });

    it("opens a full window: open at renewal + window, closed one second later", async function () {
      const c = await loadFixture(councilWithLapsedCandidate);
      const renewedAt = await minedAt(c.registry.connect(c.applicant).renewApplication(CANDIDATE_ID));
      await time.increaseTo(renewedAt + SPONSORSHIP_WINDOW);
      expect(await c.registry.isApplicationOpen(CANDIDATE_ID)).to.equal(true);
      await time.increase(1);
      expect(await c.registry.isApplicationOpen(CANDIDATE_ID)).to.equal(false);
    });

    it("accepts a renewal one second after the window closed", async function () {
      const c = await loadFixture(councilWithCandidate);
      const closesAt = c.appliedAt + SPONSORSHIP_WINDOW;
      await time.setNextBlockTimestamp(closesAt + 1n);
      await expect(c.registry.connect(c.applicant).renewApplication(CANDIDATE_ID))
        .to.emit(c.registry, "ApplicationRenewed")
        .withArgs(CANDIDATE_ID, closesAt + 1n);
    });

    it("can be repeated once each new window has closed", async function () {
      const c = await loadFixture(councilWithLapsedCandidate);
      const first = await minedAt(c.registry.connect(c.applicant).renewApplication(CANDIDATE_ID));
      await time.increaseTo(first + SPONSORSHIP_WINDOW + 1n);
      const second = await minedAt(c.registry.connect(c.applicant).renewApplication(CANDIDATE_ID));
      expect(second).to.be.greaterThan(first + SPONSORSHIP_WINDOW);
      expect((await c.registry.getMember(CANDIDATE_ID)).appliedAt).to.equal(second);
    });

    it("follows the current window: after the window is lengthened, an application reopened by it cannot be renewed", async function () {
      const c = await loadFixture(councilWithLapsedCandidate);
      await c.registry.connect(c.governance).setSponsorshipWindow(30n * DAY);
      const before = await observe(c.registry);
      await expect(c.registry.connect(c.applicant).renewApplication(CANDIDATE_ID))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryApplicationOpen")
        .withArgs(CANDIDATE_ID, c.appliedAt + 30n * DAY);
      expect(await observe(c.registry)).to.deep.equal(before);
    });

    it("reverts when the window has not closed yet", async function () {
      const c = await loadFixture(councilWithCandidate);
      const before = await observe(c.registry);
      await expect(c.registry.connect(c.applicant).renewApplication(CANDIDATE_ID))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryApplicationOpen")
        .withArgs(CANDIDATE_ID, c.appliedAt + SPONSORSHIP_WINDOW);
      expect(await observe(c.registry)).to.deep.equal(before);
    });

    it("reverts when called at the window's last second (appliedAt + window)", async function () {
      const c = await loadFixture(councilWithCandidate);
      const closesAt = c.appliedAt + SPONSORSHIP_WINDOW;
      await time.setNextBlockTimestamp(closesAt);
      // Fixed gas: the transaction is mined at `closesAt` and reverts there.
      await expect(c.registry.connect(c.applicant).renewApplication(CANDIDATE_ID, { gasLimit: 200_000n }))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryApplicationOpen")
        .withArgs(CANDIDATE_ID, closesAt);
      expect(BigInt(await time.latest())).to.equal(closesAt);
      expect((await c.registry.getMember(CANDIDATE_ID)).appliedAt).to.equal(c.appliedAt);
    });

    it("reverts when a renewed window is still open", async function () {
      const c = await loadFixture(councilWithLapsedCandidate);
      const renewedAt = await minedAt(c.registry.connect(c.applicant).renewApplication(CANDIDATE_ID));
      const before = await observe(c.registry);
      await expect(c.registry.connect(c.applicant).renewApplication(CANDIDATE_ID))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryApplicationOpen")
        .withArgs(CANDIDATE_ID, renewedAt + SPONSORSHIP_WINDOW);
      expect(await observe(c.registry)).to.deep.equal(before);
    });

    it("reverts when the caller is not the candidate's admin", async function () {
      const c = await loadFixture(councilWithLapsedCandidate);
      const before = await observe(c.registry);
      for (const caller of [c.candidateVoter, c.admins[0], c.governance, c.others[2]]) {
        await expect(c.registry.connect(caller).renewApplication(CANDIDATE_ID))
          .to.be.revertedWithCustomError(c.registry, "CouncilRegistryNotAdmin")
          .withArgs(CANDIDATE_ID, caller.address);
      }
      expect(await observe(c.registry)).to.deep.equal(before);
    });

    it("reverts when the record is unknown", async function () {
      const c = await loadFixture(councilWithLapsedCandidate);
      const before = await observe(c.registry);
      await expect(c.registry.connect(c.applicant).renewApplication(7n))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnknownMember")
        .withArgs(7n);
      expect(await observe(c.registry)).to.deep.equal(before);
    });

    it("reverts when the record is an active member", async function () {
      const c = await loadFixture(councilWithLapsedCandidate);
      const before = await observe(c.registry);
      await expect(c.registry.connect(c.admins[0]).renewApplication(1n))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(1n, Status.Active);
      expect(await observe(c.registry)).to.deep.equal(before);
    });

    it("reverts when the candidate was admitted", async function () {
      const c = await loadFixture(councilWithLapsedCandidate);
      await c.registry.connect(c.candidateVoter).acceptVoter(CANDIDATE_ID);
      await c.vault.connect(c.others[5]).stakeFor(CANDIDATE_ID, STAKE_UNIT, { value: STAKE_UNIT });
      await c.registry.connect(c.governance).admit(CANDIDATE_ID);
      const before = await observe(c.registry);
      await expect(c.registry.connect(c.applicant).renewApplication(CANDIDATE_ID))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(CANDIDATE_ID, Status.Active);
      expect(await observe(c.registry)).to.deep.equal(before);
    });

    it("reverts when the candidate withdrew its application", async function () {
      const c = await loadFixture(councilWithLapsedCandidate);
      await c.registry.connect(c.applicant).resign(CANDIDATE_ID);
      const before = await observe(c.registry);
      await expect(c.registry.connect(c.applicant).renewApplication(CANDIDATE_ID))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(CANDIDATE_ID, Status.Resigned);
      expect(await observe(c.registry)).to.deep.equal(before);
    });

    it("reverts when the member was removed", async function () {
      const c = await loadFixture(councilWithLapsedCandidate);
      await c.registry.connect(c.governance).remove(2n);
      const before = await observe(c.registry);
      await expect(c.registry.connect(c.admins[1]).renewApplication(2n))
        .to.be.revertedWithCustomError(c.registry, "CouncilRegistryUnexpectedStatus")
        .withArgs(2n, Status.Removed);
      expect(await observe(c.registry)).to.deep.equal(before);
    });
  });
});
