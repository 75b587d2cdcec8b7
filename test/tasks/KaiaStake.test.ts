/**
 * The Kaia stake commands' library (scripts/ops/kaia.ts, behind `stake refresh` and `stake link`): link a CnStaking
 * through the AddressBook and refresh it, each refusal in one line before anything is sent.
 */
import { expect } from "chai";

import { connectContracts } from "../../scripts/ops/deployment.js";
import type { Addresses, CouncilContracts } from "../../scripts/ops/deployment.js";
import { linkLines, linkStaking, refreshLines, refreshStaking } from "../../scripts/ops/kaia.js";
import type { CnStakingV3Mock } from "../../typechain-types/index.js";
import {
  DAY,
  RICH,
  SPONSORSHIP_WINDOW,
  deployCouncil,
  ethers,
  networkHelpers,
  nodeAddress,
} from "../utils/council.js";
import { argumentContext, encodeProposal } from "../../scripts/ops/proposals.js";
import { KaiaStakeVault__factory } from "../../typechain-types/index.js";
import * as tasks from "../utils/tasks.js";
import {
  ACCOUNT,
  deployKaiaRead,
  deployKaiaTracker,
  deployWithModule,
  runGroupTask,
  signerAt,
} from "../utils/tasks.js";

const UNIT = ethers.parseEther("1000");

/** Every key at `vault` or `other`: the library reads the vault alone. */
function addresses(vault: string, other: string): Addresses {
  return {
    timelock: other,
    registry: other,
    vault,
    lens: other,
    policy: other,
    reserve: other,
    governor: other,
  };
}

async function kaiaSystem(): Promise<{ c: CouncilContracts; cn: CnStakingV3Mock; node: string }> {
  const [deployer, governance, admin, voter] = await ethers.getSigners();
  for (const s of [deployer, governance, admin, voter]) await networkHelpers.setBalance(s.address, RICH);
  const node = nodeAddress(700);
  const registry = await ethers.deployContract("CouncilRegistry", [
    governance.address,
    1n,
    10n,
    SPONSORSHIP_WINDOW,
    [
      {
        name: "Member 1",
        metadataURI: "https://member1.example",
        admin: admin.address,
        voter: voter.address,
        nodes: [node],
      },
    ],
  ]);
  const book = await ethers.deployContract("AddressBookMock");
  const vault = await ethers.deployContract("KaiaStakeVault", [
    await registry.getAddress(),
    await book.getAddress(),
    false,
    UNIT,
    DAY,
    DAY,
    governance.address,
  ]);
  await registry.bindStakeVault(await vault.getAddress());
  const cn = await ethers.deployContract("CnStakingV3Mock", [admin.address, node, 1n]);
  await cn.connect(admin).depositLockupStakingAndInit();
  await cn.connect(admin).stakeKlay({ value: 3n * UNIT });
  await book.register(node, await cn.getAddress(), admin.address);
  const c = await connectContracts(
    addresses(await vault.getAddress(), await registry.getAddress()),
    deployer,
  );
  return { c, cn, node };
}

/** The one-line message `operation` fails with. */
async function failure(operation: Promise<unknown>): Promise<string> {
  try {
    await operation;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("Kaia stake commands (scripts/ops/kaia.ts)", function () {
  it("links through the AddressBook, then refreshes after a stake change", async function () {
    const { c, cn, node } = await networkHelpers.loadFixture(kaiaSystem);
    const staking = await cn.getAddress();
    const link = await linkStaking(c, { member: "1", staking, node });
    expect(link.memberStake).to.equal(3n * UNIT);
    expect(linkLines(link)[0]).to.equal(`Linked ${staking} to member 1`);

    const [, , admin] = await ethers.getSigners();
    await cn.connect(admin).stakeKlay({ value: 2n * UNIT });
    const refresh = await refreshStaking(c, { staking });
    expect(refresh.memberStake).to.equal(5n * UNIT);
    expect(refresh.votes).to.equal(1n);
    expect(refreshLines(refresh)[0]).to.equal(`Refreshed ${staking} of member 1`);
  });

  it("refuses in one line a refresh of an unlinked contract", async function () {
    const { c, cn } = await networkHelpers.loadFixture(kaiaSystem);
    const staking = await cn.getAddress();
    expect(await failure(refreshStaking(c, { staking }))).to.equal(
      `${staking} is linked to no member: link it first (stake link <memberId> ${staking} --node <node>)`,
    );
  });

  it("refuses in one line a node that is not the member's, or a contract the AddressBook does not list", async function () {
    const { c, cn, node } = await networkHelpers.loadFixture(kaiaSystem);
    const staking = await cn.getAddress();
    const other = nodeAddress(701);
    expect(await failure(linkStaking(c, { member: "1", staking, node: other }))).to.equal(
      `node ${other} is not a registered node of member 1, nor a node it applied with that no member holds (see council show)`,
    );
    const registry = c.addresses.registry;
    expect(await failure(linkStaking(c, { member: "1", staking: registry, node }))).to.equal(
      `the AddressBook does not list ${registry} for node ${node}`,
    );
  });

  it("links a candidate's CnStaking when one of its admins sends it, and refuses anyone else in one line", async function () {
    const { c, cn, node } = await networkHelpers.loadFixture(kaiaSystem);
    const signers = await ethers.getSigners();
    const applicant = signers[4];
    await networkHelpers.setBalance(applicant.address, RICH);
    const applied = nodeAddress(702);
    const registry = await ethers.getContractAt("CouncilRegistry", c.addresses.registry);
    await registry
      .connect(applicant)
      .applyForMembership("Candidate", "https://c.example", applicant.address, [applied]);
    const own = await ethers.deployContract("CnStakingV3Mock", [applicant.address, applied, 5n]);
    await own.connect(applicant).depositLockupStakingAndInit();
    await own.connect(applicant).stakeKlay({ value: 2n * UNIT });
    const vault = await ethers.getContractAt("KaiaStakeVault", c.addresses.vault);
    const book = await ethers.getContractAt("AddressBookMock", await vault.addressBook());
    await book.register(applied, await own.getAddress(), applicant.address);
    const staking = await own.getAddress();

    expect(await failure(linkStaking(c, { member: "2", staking, node: applied }))).to.equal(
      `member 2 is a candidate: its link must be sent by an admin of ${staking} (--from one of the CnStaking's admin keys)`,
    );
    const asApplicant = await connectContracts(c.addresses, applicant);
    const link = await linkStaking(asApplicant, { member: "2", staking, node: applied });
    expect(link.memberStake).to.equal(2n * UNIT);

    // Member 1's contract, listed for the candidate's node too, stays member 1's.
    const member1 = await cn.getAddress();
    await linkStaking(c, { member: "1", staking: member1, node });
    await book.register(applied, member1, applicant.address);
    const [, , admin] = signers;
    const asAdmin = await connectContracts(c.addresses, admin);
    expect(await failure(linkStaking(asAdmin, { member: "2", staking: member1, node: applied }))).to.equal(
      `${member1} is already linked to member 1, an active member or a candidate`,
    );
  });

  it("refuses in one line a vault that holds bonded stake", async function () {
    const council = await deployCouncil();
    const vault = await council.vault.getAddress();
    const c = await connectContracts(addresses(vault, await council.registry.getAddress()), council.deployer);
    expect(await failure(refreshStaking(c, { staking: vault }))).to.equal(
      `the stake vault ${vault} holds bonded stake, not Kaia CnStaking: use stake deposit instead`,
    );
  });
});

describe("stake link and stake refresh on the Kaia module's deployment", function () {
  for (const [mode, fixture] of [
    ["tracker", deployKaiaTracker],
    ["read", deployKaiaRead],
  ] as const) {
    it(`find the vault in the address file (${mode} mode), link through the AddressBook and refresh`, async function () {
      const d = await tasks.networkHelpers.loadFixture(fixture);
      const admin = await signerAt(ACCOUNT.admin);
      const node = (await d.registry.getMember(1n)).nodes[0];
      const cn = await tasks.ethers.deployContract("CnStakingV3Mock", [admin.address, node, 1n]);
      const staking = await cn.getAddress();
      const unit = await d.vault.stakeUnit();
      await tasks.networkHelpers.setBalance(admin.address, 3n * unit);
      if (mode === "tracker") await cn.connect(admin).setStakingTracker(d.addresses.vault);
      await cn.connect(admin).depositLockupStakingAndInit();
      await cn.connect(admin).stakeKlay({ value: unit });
      await d.book.register(node, staking, admin.address);

      const link = await runGroupTask("stake", d, "link", ACCOUNT.outsider, { member: "1", staking, node });
      expect(link.err).to.equal("");
      expect(link.out.split("\n").slice(0, 2)).to.deep.equal([
        `Linked ${staking} to member 1`,
        `  member stake: ${unit} wei`,
      ]);
      // More stake: in tracker mode the CnStaking reported it already, in read mode the refresh records it.
      await cn.connect(admin).stakeKlay({ value: unit });
      const refresh = await runGroupTask("stake", d, "refresh", ACCOUNT.outsider, { staking });
      expect(refresh.err).to.equal("");
      expect(refresh.out.split("\n").slice(0, 3)).to.deep.equal([
        `Refreshed ${staking} of member 1`,
        `  recorded stake: ${2n * unit} wei (member: ${2n * unit} wei)`,
        `  votes:          ${await d.vault.memberVotes(1n)}`,
      ]);
      expect(await d.vault.stakeOf(1n)).to.equal(2n * unit);
    });
  }

  it("lets a proposal file call linkStaking on the StakeVault of a Kaia deployment, not of a bonded one", async function () {
    const d = await tasks.networkHelpers.loadFixture(deployKaiaRead);
    const staking = "0x00000000000000000000000000000000000c0001";
    const doc = {
      description: "Link member 2's CnStaking",
      actions: [{ contract: "StakeVault", function: "linkStaking(uint256,address)", args: ["2", staking] }],
    };
    const encoded = encodeProposal(await argumentContext(d), doc, "proposal");
    expect(encoded.targets).to.deep.equal([d.addresses.vault]);
    expect(encoded.calldatas).to.deep.equal([
      KaiaStakeVault__factory.createInterface().encodeFunctionData("linkStaking", [2n, staking]),
    ]);
    const bonded = await tasks.networkHelpers.loadFixture(deployWithModule);
    const bondedContext = await argumentContext(bonded);
    expect(() => encodeProposal(bondedContext, doc, "proposal")).to.throw(
      "proposal: actions[0].function linkStaking(uint256,address) is not a function of StakeVault",
    );
  });
});
