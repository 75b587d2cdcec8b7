/**
 * Stake tasks (scripts/tasks/stake.ts over scripts/ops/stake.ts): deposit, unstake, withdraw, restake, status.
 *
 * Layout: one `describe` per task, the success paths first (output lines, on-chain state and balances), then one
 * `it` per refusal: exit code 1, one line on stderr, nothing on stdout, and no transaction (same block, same state).
 */
import { expect } from "chai";

import { formatWhen } from "../../scripts/ops/format.js";
import {
  ACCOUNT,
  addressAt,
  chainNow,
  refusalChecker,
  runGroupTask,
  type Deployed,
  deployWithModule,
  deployWithParameters,
  ethers,
  networkHelpers,
  signerAt,
  stakeMembers,
} from "../utils/tasks.js";

const { loadFixture, time } = networkHelpers;

const DAY = 86_400n;
const COIN = 10n ** 18n;
const UNIT = 5_000_000n * COIN;
const TX = /0x[0-9a-f]{64}/g;

/** Accounts: member 1's admin and voter, member 2's admin, and an outsider. */
const ADMIN1 = ACCOUNT.admin;
const ADMIN2 = ACCOUNT.admin + 1;
const ADMIN5 = ACCOUNT.admin + 4;
const VOTER1 = ACCOUNT.voter;
const OUTSIDER = ACCOUNT.outsider;

const address = addressAt;

/** Runs `stake <name>` against `d`'s deployment from account `from`. */
const stake = (d: Deployed, name: string, from: number, args: Record<string, string> = {}) =>
  runGroupTask("stake", d, name, from, args);

const now = chainNow;

/** Everything a stake task could change: the block height, each record's stake and pending amount, balances. */
async function observe(d: Deployed): Promise<unknown[]> {
  const out: unknown[] = [await ethers.provider.getBlockNumber()];
  for (let id = 1n; id <= (await d.registry.memberCount()); id++) {
    out.push(await d.vault.stakeOf(id), await d.vault.pendingOf(id), await d.vault.memberVotes(id));
  }
  out.push(await ethers.provider.getBalance(d.addresses.vault));
  return out;
}

/** Runs a task that must be refused with `message`, and checks that nothing was sent. */
const expectRefused = refusalChecker(observe);

/** The system as deployed; every admin and the outsider hold 20,000,000 coins; members hold no stake. */
async function deployed(): Promise<Deployed> {
  const d = await deployWithModule();
  for (const i of [ADMIN1, ADMIN2, ADMIN1 + 2, ADMIN1 + 3, ADMIN5, OUTSIDER, OUTSIDER + 1]) {
    await networkHelpers.setBalance(await address(i), 20_000_000n * COIN);
  }
  return d;
}

/** Every member has one stake unit bonded (one vote each). */
async function staked(): Promise<Deployed> {
  const d = await deployWithModule();
  await stakeMembers(d);
  for (const i of [ADMIN1, ADMIN2, OUTSIDER])
    await networkHelpers.setBalance(await address(i), 20_000_000n * COIN);
  return d;
}

/** Member 1 asked to unstake 1,000,000 coins (request 0) in the latest block. */
async function unbonding(): Promise<Deployed> {
  const d = await staked();
  await d.vault.connect(await signerAt(ADMIN1)).requestUnstake(1n, 1_000_000n * COIN);
  return d;
}

/**
 * Every member staked; member 4 asked to unstake 1,000,000 coins (request 0), then member 1's voter moved no
 * confidence in member 4: member 4's stake is frozen until the motion's snapshot (7 days on).
 */
async function targeted(): Promise<Deployed> {
  const d = await staked();
  await networkHelpers.setBalance(await address(ADMIN1 + 3), 20_000_000n * COIN);
  await d.vault.connect(await signerAt(ADMIN1 + 3)).requestUnstake(4n, 1_000_000n * COIN);
  await d.governor.connect(await signerAt(VOTER1)).proposeNoConfidence(4n, "No confidence in member 4");
  return d;
}

/** The refusal for an operation on member 4's frozen stake. */
async function frozenMessage(d: Deployed, operation: string): Promise<string> {
  const until = await d.vault.frozenUntil(4n);
  return (
    `the stake of member 4 (Member 4) is frozen until ${formatWhen(until, await now())}, while a no-confidence ` +
    `motion against it awaits its snapshot: ${operation} is possible after that (withdrawing an earlier request ` +
    "still works)"
  );
}

/** Account 14 applied (candidate 6, "Acme") with account 15 as its voter. */
async function withCandidate(): Promise<Deployed> {
  const d = await deployed();
  const applicant = await signerAt(OUTSIDER + 1);
  await d.registry
    .connect(applicant)
    .applyForMembership("Acme", "https://acme.example/gc.json", await address(OUTSIDER + 2), []);
  return d;
}

/** An ERC-20 deployment: the vault stakes WKAIA, which the admins and the outsider hold (no allowance yet). */
async function erc20Deployed() {
  const token = await ethers.deployContract("MockERC20", ["Wrapped Kaia", "WKAIA"]);
  const d = await deployWithParameters({ stakeToken: await token.getAddress() });
  for (const i of [ADMIN1, OUTSIDER]) await token.mint(await address(i), 20_000_000n * COIN);
  return { d, token };
}

describe("stake tasks", function () {
  describe("stake deposit", function () {
    it("bonds stake from the member's admin account and prints the new stake and votes", async function () {
      const d = await loadFixture(deployed);
      const vaultBefore = await ethers.provider.getBalance(d.addresses.vault);
      const r = await stake(d, "deposit", ADMIN1, { amount: "5,000,000" });
      expect(r.exitCode).to.equal(0);
      expect(r.err).to.equal("");
      expect(r.out.replace(TX, "<tx>")).to.equal(
        [
          "Staked 5,000,000 KAIA for member 1 (Member 1)",
          "  stake: 5,000,000 KAIA",
          "  votes: 1 (eligible)",
          "  tx:    <tx>",
        ].join("\n"),
      );
      const block = await ethers.provider.getBlock("latest");
      expect(r.out).to.contain(block?.transactions[0]);
      expect(await d.vault.stakeOf(1n)).to.equal(UNIT);
      expect(await d.vault.memberVotes(1n)).to.equal(1n);
      expect(await d.vault.isEligible(1n)).to.equal(true);
      expect(await ethers.provider.getBalance(d.addresses.vault)).to.equal(vaultBefore + UNIT);
    });

    it("bonds stake for another member with --member (anyone may add stake)", async function () {
      const d = await loadFixture(deployed);
      const r = await stake(d, "deposit", OUTSIDER, { amount: "2500000.5", member: "2" });
      expect(r.exitCode).to.equal(0);
      expect(r.out.replace(TX, "<tx>")).to.equal(
        [
          "Staked 2,500,000.5 KAIA for member 2 (Member 2)",
          "  stake: 2,500,000.5 KAIA",
          "  votes: 0 (not eligible: needs at least 5,000,000 KAIA staked)",
          "  tx:    <tx>",
        ].join("\n"),
      );
      expect(await d.vault.stakeOf(2n)).to.equal(2_500_000n * COIN + COIN / 2n);
      expect(await d.vault.stakeOf(1n)).to.equal(0n);
    });

    it("bonds a candidate's stake from its admin account", async function () {
      const d = await loadFixture(withCandidate);
      const r = await stake(d, "deposit", OUTSIDER + 1, { amount: "5000000" });
      expect(r.exitCode).to.equal(0);
      expect(r.out.replace(TX, "<tx>")).to.equal(
        [
          "Staked 5,000,000 KAIA for candidate 6 (Acme)",
          "  stake: 5,000,000 KAIA",
          "  votes: 0 (not eligible: a candidate votes once admitted)",
          "  tx:    <tx>",
        ].join("\n"),
      );
      expect(await d.vault.stakeOf(6n)).to.equal(UNIT);
    });

    it("approves the vault first in ERC-20 mode, and only when the allowance is short", async function () {
      const { d, token } = await loadFixture(erc20Deployed);
      const admin = await address(ADMIN1);
      const first = await stake(d, "deposit", ADMIN1, { amount: "5000000" });
      expect(first.exitCode).to.equal(0);
      expect(first.out.replace(TX, "<tx>")).to.equal(
        [
          "Approved the stake vault to take 5,000,000 WKAIA (tx <tx>)",
          "Staked 5,000,000 WKAIA for member 1 (Member 1)",
          "  stake: 5,000,000 WKAIA",
          "  votes: 1 (eligible)",
          "  tx:    <tx>",
        ].join("\n"),
      );
      expect(await token.balanceOf(admin)).to.equal(15_000_000n * COIN);
      expect(await token.balanceOf(d.addresses.vault)).to.equal(UNIT);

      await token.connect(await signerAt(ADMIN1)).approve(d.addresses.vault, UNIT);
      const second = await stake(d, "deposit", ADMIN1, { amount: "5000000" });
      expect(second.out.replace(TX, "<tx>").split("\n")[0]).to.equal(
        "Staked 5,000,000 WKAIA for member 1 (Member 1)",
      );
      expect(await d.vault.stakeOf(1n)).to.equal(2n * UNIT);
      expect(await token.allowance(admin, d.addresses.vault)).to.equal(0n);
    });

    it("refuses an account that administers no member or candidate", async function () {
      const d = await loadFixture(deployed);
      await expectRefused(
        d,
        () => stake(d, "deposit", OUTSIDER, { amount: "5000000" }),
        `account ${await address(OUTSIDER)} is not the admin of any member or candidate; stake from the member's admin account (--from)`,
      );
    });

    it("refuses an amount that is not a number", async function () {
      const d = await loadFixture(deployed);
      await expectRefused(
        d,
        () => stake(d, "deposit", ADMIN1, { amount: "five million" }),
        'amount "five million" is not a number of KAIA (example: 5000000 or 0.5)',
      );
    });

    it("refuses a zero amount", async function () {
      const d = await loadFixture(deployed);
      await expectRefused(
        d,
        () => stake(d, "deposit", ADMIN1, { amount: "0" }),
        "amount must be greater than 0 KAIA",
      );
    });

    it("refuses an amount with more decimals than the coin has", async function () {
      const d = await loadFixture(deployed);
      await expectRefused(
        d,
        () => stake(d, "deposit", ADMIN1, { amount: "0.0000000000000000001" }),
        'amount "0.0000000000000000001" has more than 18 decimals',
      );
    });

    it("refuses a member id that is not a number", async function () {
      const d = await loadFixture(deployed);
      await expectRefused(
        d,
        () => stake(d, "deposit", OUTSIDER, { amount: "1", member: "two" }),
        'member id "two" is not a number (example: 3)',
      );
    });

    it("refuses an unknown member id", async function () {
      const d = await loadFixture(deployed);
      await expectRefused(
        d,
        () => stake(d, "deposit", OUTSIDER, { amount: "1", member: "9" }),
        "unknown member id 9: no member or candidate has this id (ids are 1 to 5)",
      );
    });

    it("refuses a member that resigned", async function () {
      const d = await loadFixture(deployed);
      await d.registry.connect(await signerAt(ADMIN5)).resign(5n);
      await expectRefused(
        d,
        () => stake(d, "deposit", OUTSIDER, { amount: "1", member: "5" }),
        "member 5 (Member 5) is Resigned: stake is accepted only for candidates and active members",
      );
    });

    it("refuses stake for a member whose stake is frozen by a no-confidence motion, from anyone", async function () {
      const d = await loadFixture(targeted);
      expect(await d.vault.frozenUntil(4n)).to.equal(await d.governor.proposalSnapshot(1n));
      await expectRefused(
        d,
        () => stake(d, "deposit", ADMIN1 + 3, { amount: "1" }),
        await frozenMessage(d, "staking"),
      );
      await expectRefused(
        d,
        () => stake(d, "deposit", OUTSIDER, { amount: "1", member: "4" }),
        await frozenMessage(d, "staking"),
      );
    });

    it("refuses an amount the account does not hold", async function () {
      const d = await loadFixture(deployed);
      await networkHelpers.setBalance(await address(ADMIN1), 1_000n * COIN);
      await expectRefused(
        d,
        () => stake(d, "deposit", ADMIN1, { amount: "5000000" }),
        `account ${await address(ADMIN1)} holds 1,000 KAIA; cannot stake 5,000,000 KAIA`,
      );
    });

    it("refuses an amount the account does not hold in ERC-20 mode", async function () {
      const { d } = await loadFixture(erc20Deployed);
      await expectRefused(
        d,
        () => stake(d, "deposit", ADMIN1 + 1, { amount: "1" }),
        `account ${await address(ADMIN1 + 1)} holds 0 WKAIA; cannot stake 1 WKAIA`,
      );
    });
  });

  describe("stake unstake", function () {
    it("requests to unbond, drops the votes at once and says when the stake can be withdrawn", async function () {
      const d = await loadFixture(staked);
      const r = await stake(d, "unstake", ADMIN1, { amount: "1000000" });
      expect(r.exitCode).to.equal(0);
      expect(r.err).to.equal("");
      const request = await d.vault.unbondingRequest(1n, 0n);
      const at = await now();
      expect(request.unlocksAt).to.equal(at + 7n * DAY);
      expect(request.expiresAt).to.equal(at + 14n * DAY);
      expect(r.out.replace(TX, "<tx>")).to.equal(
        [
          "Requested to unstake 1,000,000 KAIA from member 1 (Member 1): request 0",
          "  stake:        4,000,000 KAIA",
          "  votes:        0 (not eligible: needs at least 5,000,000 KAIA staked)",
          `  withdrawable: from ${formatWhen(at + 7n * DAY, at)}`,
          `  window ends:  ${formatWhen(at + 14n * DAY, at)} (withdraw before, or re-stake it after)`,
          "  tx:           <tx>",
        ].join("\n"),
      );
      expect(r.out).to.contain("(in 7d)");
      expect(await d.vault.stakeOf(1n)).to.equal(4_000_000n * COIN);
      expect(await d.vault.pendingOf(1n)).to.equal(1_000_000n * COIN);
      expect(await d.vault.memberVotes(1n)).to.equal(0n);
    });

    it("refuses an account that administers no member or candidate", async function () {
      const d = await loadFixture(staked);
      await expectRefused(
        d,
        () => stake(d, "unstake", OUTSIDER, { amount: "1" }),
        `account ${await address(OUTSIDER)} is not the admin of any member or candidate; stake from the member's admin account (--from)`,
      );
    });

    it("refuses while the member's stake is frozen by a no-confidence motion", async function () {
      const d = await loadFixture(targeted);
      await expectRefused(
        d,
        () => stake(d, "unstake", ADMIN1 + 3, { amount: "1" }),
        await frozenMessage(d, "unstaking"),
      );
    });

    it("refuses more than the member has staked", async function () {
      const d = await loadFixture(staked);
      await expectRefused(
        d,
        () => stake(d, "unstake", ADMIN2, { amount: "6000000" }),
        "member 2 has 5,000,000 KAIA staked; cannot unstake 6,000,000 KAIA",
      );
    });

    it("refuses an amount that is not a number", async function () {
      const d = await loadFixture(staked);
      await expectRefused(
        d,
        () => stake(d, "unstake", ADMIN1, { amount: "-5" }),
        'amount "-5" is not a number of KAIA (example: 5000000 or 0.5)',
      );
    });

    it("refuses a zero amount", async function () {
      const d = await loadFixture(staked);
      await expectRefused(
        d,
        () => stake(d, "unstake", ADMIN1, { amount: "0.0" }),
        "amount must be greater than 0 KAIA",
      );
    });
  });

  describe("stake withdraw", function () {
    it("withdraws every request whose window is open to the admin account", async function () {
      const d = await loadFixture(unbonding);
      await d.vault.connect(await signerAt(ADMIN1)).requestUnstake(1n, 500_000n * COIN);
      await time.increase(7n * DAY + 1n);
      const vaultBefore = await ethers.provider.getBalance(d.addresses.vault);
      const admin = await address(ADMIN1);
      const r = await stake(d, "withdraw", ADMIN1);
      expect(r.exitCode).to.equal(0);
      expect(r.err).to.equal("");
      expect(r.out.replace(TX, "<tx>")).to.equal(
        [
          `Withdrew 1,000,000 KAIA from member 1 (Member 1), request 0, to ${admin}`,
          "  tx: <tx>",
          `Withdrew 500,000 KAIA from member 1 (Member 1), request 1, to ${admin}`,
          "  tx: <tx>",
          "  still unstaking: 0 KAIA",
        ].join("\n"),
      );
      expect(await ethers.provider.getBalance(d.addresses.vault)).to.equal(vaultBefore - 1_500_000n * COIN);
      expect(await d.vault.pendingOf(1n)).to.equal(0n);
      expect((await d.vault.unbondingRequest(1n, 0n)).settled).to.equal(true);
      expect((await d.vault.unbondingRequest(1n, 1n)).settled).to.equal(true);
    });

    it("withdraws one named request to another account with --request and --to", async function () {
      const d = await loadFixture(unbonding);
      await d.vault.connect(await signerAt(ADMIN1)).requestUnstake(1n, 500_000n * COIN);
      await time.increase(7n * DAY + 1n);
      const to = await address(OUTSIDER);
      const before = await ethers.provider.getBalance(to);
      const r = await stake(d, "withdraw", ADMIN1, { request: "1", to });
      expect(r.exitCode).to.equal(0);
      expect(r.out.replace(TX, "<tx>")).to.equal(
        [
          `Withdrew 500,000 KAIA from member 1 (Member 1), request 1, to ${to}`,
          "  tx: <tx>",
          "  still unstaking: 1,000,000 KAIA",
        ].join("\n"),
      );
      expect(await ethers.provider.getBalance(to)).to.equal(before + 500_000n * COIN);
      expect((await d.vault.unbondingRequest(1n, 0n)).settled).to.equal(false);
    });

    it("still withdraws a request made before the member's stake was frozen", async function () {
      const d = await loadFixture(targeted);
      await time.increase(7n * DAY);
      expect(await now()).to.be.at.most(await d.vault.frozenUntil(4n));
      const r = await stake(d, "withdraw", ADMIN1 + 3);
      expect(r.err).to.equal("");
      expect(r.exitCode).to.equal(0);
      expect(await d.vault.pendingOf(4n)).to.equal(0n);
    });

    it("refuses an account that administers no member or candidate", async function () {
      const d = await loadFixture(unbonding);
      await expectRefused(
        d,
        () => stake(d, "withdraw", OUTSIDER),
        `account ${await address(OUTSIDER)} is not the admin of any member or candidate; stake from the member's admin account (--from)`,
      );
    });

    it("refuses when the member has no pending request", async function () {
      const d = await loadFixture(staked);
      await expectRefused(
        d,
        () => stake(d, "withdraw", ADMIN1),
        "member 1 has nothing to withdraw: no pending unstake request (request one with: stake unstake <amount>)",
      );
    });

    it("refuses before the unbonding period ends, naming when the stake becomes withdrawable", async function () {
      const d = await loadFixture(unbonding);
      const unlocksAt = (await d.vault.unbondingRequest(1n, 0n)).unlocksAt;
      await expectRefused(
        d,
        () => stake(d, "withdraw", ADMIN1),
        `member 1 has nothing withdrawable yet: 1,000,000 KAIA (request 0) becomes withdrawable ${formatWhen(unlocksAt, unlocksAt - 7n * DAY)}`,
      );
    });

    it("refuses an expired request and suggests re-staking it", async function () {
      const d = await loadFixture(unbonding);
      const expiresAt = (await d.vault.unbondingRequest(1n, 0n)).expiresAt;
      await time.increase(15n * DAY);
      await expectRefused(
        d,
        () => stake(d, "withdraw", ADMIN1),
        `request 0 of member 1 (1,000,000 KAIA) expired ${formatWhen(expiresAt, await now())}: re-stake it (stake restake --request 0) and unstake again`,
      );
    });

    it("refuses an unknown request id", async function () {
      const d = await loadFixture(unbonding);
      await expectRefused(
        d,
        () => stake(d, "withdraw", ADMIN1, { request: "5" }),
        "member 1 has no unbonding request 5 (its only request is 0)",
      );
    });

    it("refuses a request that was already withdrawn", async function () {
      const d = await loadFixture(unbonding);
      await time.increase(7n * DAY + 1n);
      await d.vault.connect(await signerAt(ADMIN1)).withdraw(1n, 0n, await address(ADMIN1));
      await expectRefused(
        d,
        () => stake(d, "withdraw", ADMIN1, { request: "0" }),
        "request 0 of member 1 was already withdrawn or re-staked",
      );
    });

    it("refuses a recipient that is not an address", async function () {
      const d = await loadFixture(unbonding);
      await time.increase(7n * DAY + 1n);
      await expectRefused(
        d,
        () => stake(d, "withdraw", ADMIN1, { to: "treasury" }),
        '--to "treasury" is not an address (0x followed by 40 hex digits)',
      );
    });
  });

  describe("stake restake", function () {
    it("re-stakes every expired request; the votes come back", async function () {
      const d = await loadFixture(unbonding);
      await time.increase(15n * DAY);
      const r = await stake(d, "restake", ADMIN1);
      expect(r.exitCode).to.equal(0);
      expect(r.out.replace(TX, "<tx>")).to.equal(
        [
          "Re-staked 1,000,000 KAIA for member 1 (Member 1), request 0",
          "  tx: <tx>",
          "  stake: 5,000,000 KAIA",
          "  votes: 1 (eligible)",
        ].join("\n"),
      );
      expect(await d.vault.stakeOf(1n)).to.equal(UNIT);
      expect(await d.vault.pendingOf(1n)).to.equal(0n);
      expect(await d.vault.memberVotes(1n)).to.equal(1n);
    });

    it("cancels a pending request named with --request", async function () {
      const d = await loadFixture(unbonding);
      const r = await stake(d, "restake", ADMIN1, { request: "0" });
      expect(r.exitCode).to.equal(0);
      expect(r.out.split("\n")[0]).to.equal("Re-staked 1,000,000 KAIA for member 1 (Member 1), request 0");
      expect(await d.vault.stakeOf(1n)).to.equal(UNIT);
      expect((await d.vault.unbondingRequest(1n, 0n)).settled).to.equal(true);
    });

    it("refuses while the member's stake is frozen by a no-confidence motion", async function () {
      const d = await loadFixture(targeted);
      await expectRefused(
        d,
        () => stake(d, "restake", ADMIN1 + 3, { request: "0" }),
        await frozenMessage(d, "re-staking"),
      );
    });

    it("refuses when no request has expired", async function () {
      const d = await loadFixture(unbonding);
      await expectRefused(
        d,
        () => stake(d, "restake", ADMIN1),
        "member 1 has no expired unstake request; to cancel a pending one, name it with --request <id> (see stake status)",
      );
    });

    it("refuses an account that administers no member or candidate", async function () {
      const d = await loadFixture(unbonding);
      await expectRefused(
        d,
        () => stake(d, "restake", OUTSIDER, { request: "0" }),
        `account ${await address(OUTSIDER)} is not the admin of any member or candidate; stake from the member's admin account (--from)`,
      );
    });
  });

  describe("stake status", function () {
    it("shows the admin's member: stake, votes, eligibility and each request with its times", async function () {
      const d = await loadFixture(unbonding);
      await time.increase(3n * DAY);
      await d.vault.connect(await signerAt(ADMIN1)).requestUnstake(1n, 500_000n * COIN);
      const second = await d.vault.unbondingRequest(1n, 1n);
      await time.increase(4n * DAY);
      const first = await d.vault.unbondingRequest(1n, 0n);
      const at = await now();
      const r = await stake(d, "status", ADMIN1);
      expect(r.exitCode).to.equal(0);
      expect(r.err).to.equal("");
      expect(r.out).to.equal(
        [
          "member 1 (Member 1): Active",
          `  admin:      ${await address(ADMIN1)}`,
          `  voter:      ${await address(VOTER1)}`,
          "  stake:      3,500,000 KAIA (one vote per 5,000,000 KAIA)",
          "  votes:      0 (of 4 in total; at most 3 per member)",
          "  eligible:   no (needs at least 5,000,000 KAIA staked)",
          "  unstaking:  1,500,000 KAIA in 2 requests",
          `    request 0: 1,000,000 KAIA, withdrawable now; window closes ${formatWhen(first.expiresAt, at)}`,
          `    request 1: 500,000 KAIA, unbonding; withdrawable from ${formatWhen(second.unlocksAt, at)}, window closes ${formatWhen(second.expiresAt, at)}`,
        ].join("\n"),
      );
    });

    it("shows any member with --member, and the voter's member from its voter account", async function () {
      const d = await loadFixture(staked);
      const byId = await stake(d, "status", OUTSIDER, { member: "2" });
      expect(byId.exitCode).to.equal(0);
      expect(byId.out.split("\n").slice(0, 1).concat(byId.out.split("\n").slice(3, 7))).to.deep.equal([
        "member 2 (Member 2): Active",
        "  stake:      5,000,000 KAIA (one vote per 5,000,000 KAIA)",
        "  votes:      1 (of 5 in total; at most 4 per member)",
        "  eligible:   yes",
        "  unstaking:  0 KAIA",
      ]);
      const byVoter = await stake(d, "status", VOTER1);
      expect(byVoter.exitCode).to.equal(0);
      expect(byVoter.out.split("\n")[0]).to.equal("member 1 (Member 1): Active");
    });

    it("shows an expired request with the re-stake hint, and a candidate's status", async function () {
      const d = await loadFixture(withCandidate);
      const r = await stake(d, "status", OUTSIDER, { member: "6" });
      expect(r.out.split("\n")).to.deep.equal([
        "candidate 6 (Acme): Candidate",
        `  admin:      ${await address(OUTSIDER + 1)}`,
        "  voter:      (not set)",
        "  stake:      0 KAIA (one vote per 5,000,000 KAIA)",
        "  votes:      0 (of 0 in total; at most 1 per member)",
        "  eligible:   no (a candidate votes once admitted)",
        "  unstaking:  0 KAIA",
      ]);
      const e = await loadFixture(unbonding);
      await time.increase(15n * DAY);
      const expired = await stake(e, "status", ADMIN1);
      const expiresAt = (await e.vault.unbondingRequest(1n, 0n)).expiresAt;
      expect(expired.out.split("\n").at(-1)).to.equal(
        `    request 0: 1,000,000 KAIA, expired ${formatWhen(expiresAt, await now())}; re-stake it (stake restake --request 0)`,
      );
    });

    it("shows a no-confidence target's stake as frozen until the motion's snapshot, and no longer after", async function () {
      const d = await loadFixture(targeted);
      const until = await d.vault.frozenUntil(4n);
      const r = await stake(d, "status", OUTSIDER, { member: "4" });
      expect(r.exitCode, r.err).to.equal(0);
      expect(r.out.split("\n").pop()).to.equal(
        `  frozen:     until ${formatWhen(until, await now())}: a no-confidence motion against it awaits its ` +
          "snapshot (no stake, unstake or re-stake until then)",
      );
      await time.increaseTo(until);
      const after = await stake(d, "status", OUTSIDER, { member: "4" });
      expect(after.out).not.to.contain("frozen:");
    });

    it("refuses an account that is neither a member's admin nor its voter, without --member", async function () {
      const d = await loadFixture(staked);
      await expectRefused(
        d,
        () => stake(d, "status", OUTSIDER),
        `account ${await address(OUTSIDER)} is neither a member's admin nor its voter; name the member with --member <id>`,
      );
    });

    it("refuses an unknown member id", async function () {
      const d = await loadFixture(staked);
      await expectRefused(
        d,
        () => stake(d, "status", OUTSIDER, { member: "6" }),
        "unknown member id 6: no member or candidate has this id (ids are 1 to 5)",
      );
    });
  });
});
