/**
 * Key rotation tasks: council rotate-voter / rotate-admin (the admin nominates), accept-voter / accept-admin (the
 * nominee accepts), with their one-line refusals.
 */
import { expect } from "chai";

import { ACCOUNT, deployWithModule, ethers, networkHelpers, runGroupTask } from "../utils/tasks.js";
import type { Deployed, TaskRun } from "../utils/tasks.js";

function council(name: string, s: Deployed, args: Record<string, unknown>, from: number): Promise<TaskRun> {
  return runGroupTask("council", s, name, from, args);
}

function expectRefused(run: TaskRun, message: string): void {
  expect(run).to.deep.equal({ out: "", err: `Error: ${message}`, exitCode: 1 });
}

describe("tasks: key rotation", function () {
  it("rotates a member's voter: the admin nominates, the new account accepts and the votes move", async function () {
    const s = await networkHelpers.loadFixture(deployWithModule);
    const signers = await ethers.getSigners();
    const fresh = signers[ACCOUNT.outsider];
    const nominate = await council("rotate-voter", s, { member: "1", account: fresh.address }, ACCOUNT.admin);
    expect(nominate.exitCode, nominate.err).to.equal(0);
    expect(nominate.out.split("\n").slice(0, 2)).to.deep.equal([
      `Nominated ${fresh.address} as the voter of member 1 (Member 1)`,
      `  it takes effect when that account accepts: council accept-voter 1 --from ${fresh.address}`,
    ]);
    expect(await s.registry.pendingVoter(1n)).to.equal(fresh.address);
    const accept = await council("accept-voter", s, { member: "1" }, ACCOUNT.outsider);
    expect(accept.exitCode, accept.err).to.equal(0);
    expect((await s.registry.getMember(1n)).voter).to.equal(fresh.address);
  });

  it("rotates a member's admin: nominate, then accept from the new account", async function () {
    const s = await networkHelpers.loadFixture(deployWithModule);
    const fresh = (await ethers.getSigners())[ACCOUNT.outsider + 1];
    const nominate = await council(
      "rotate-admin",
      s,
      { member: "2", account: fresh.address },
      ACCOUNT.admin + 1,
    );
    expect(nominate.exitCode, nominate.err).to.equal(0);
    expect(nominate.out.split("\n")[1]).to.equal(
      `  it takes effect when that account accepts: council accept-admin 2 --from ${fresh.address}`,
    );
    const accept = await council("accept-admin", s, { member: "2" }, ACCOUNT.outsider + 1);
    expect(accept.exitCode, accept.err).to.equal(0);
    expect(accept.out.split("\n")[0]).to.equal(`${fresh.address} is now the admin of member 2 (Member 2)`);
    expect((await s.registry.getMember(2n)).admin).to.equal(fresh.address);
  });

  it("refuses a nomination from anyone but the member's admin", async function () {
    const s = await networkHelpers.loadFixture(deployWithModule);
    const signers = await ethers.getSigners();
    const voter = signers[ACCOUNT.voter];
    expectRefused(
      await council(
        "rotate-voter",
        s,
        { member: "1", account: signers[ACCOUNT.outsider].address },
        ACCOUNT.voter,
      ),
      `account ${voter.address} is not the admin of member 1 (Member 1) (${signers[ACCOUNT.admin].address} is); nominate from the admin account (--from)`,
    );
    expect(await s.registry.pendingVoter(1n)).to.equal(ethers.ZeroAddress);
  });

  it("refuses an account bound to another member, the current key, and a bad address", async function () {
    const s = await networkHelpers.loadFixture(deployWithModule);
    const signers = await ethers.getSigners();
    const otherVoter = signers[ACCOUNT.voter + 1].address;
    expectRefused(
      await council("rotate-voter", s, { member: "1", account: otherVoter }, ACCOUNT.admin),
      `account ${otherVoter} is already bound to member 2 (as voter); accounts are never shared between members: choose a fresh one`,
    );
    const ownVoter = signers[ACCOUNT.voter].address;
    expectRefused(
      await council("rotate-voter", s, { member: "1", account: ownVoter }, ACCOUNT.admin),
      `${ownVoter} is already the voter of member 1 (Member 1)`,
    );
    expectRefused(
      await council("rotate-admin", s, { member: "1", account: "0x12" }, ACCOUNT.admin),
      'new admin "0x12" is not an address (0x followed by 40 hex digits)',
    );
    expectRefused(
      await council("rotate-admin", s, { member: "9", account: otherVoter }, ACCOUNT.admin),
      "unknown member id 9: no member or candidate has this id (ids are 1 to 5)",
    );
  });

  it("refuses an acceptance from an account that was not nominated, or with no nomination", async function () {
    const s = await networkHelpers.loadFixture(deployWithModule);
    const signers = await ethers.getSigners();
    expectRefused(
      await council("accept-admin", s, { member: "3" }, ACCOUNT.outsider),
      "member 3 (Member 3) has no admin nomination to accept; its admin nominates one first",
    );
    const fresh = signers[ACCOUNT.outsider + 2].address;
    await council("rotate-admin", s, { member: "3", account: fresh }, ACCOUNT.admin + 2);
    const wrong = signers[ACCOUNT.outsider].address;
    expectRefused(
      await council("accept-admin", s, { member: "3" }, ACCOUNT.outsider),
      `account ${wrong} is not the admin nominated for member 3 (Member 3) (${fresh} is); accept from that account (--from)`,
    );
    expect((await s.registry.getMember(3n)).admin).to.equal(signers[ACCOUNT.admin + 2].address);
  });
});
