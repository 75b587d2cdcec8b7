/**
 * Improvement Reserve tasks (scripts/tasks/reserve.ts over scripts/ops/reserve.ts): reserve status, budgets,
 * grants, spend and claim. Budgets and grants are created by a real Treasury motion (passMotion: propose, vote,
 * queue, execute).
 *
 * Layout: one `describe` per task, the success paths first (output lines, on-chain state and balances), then one
 * `it` per refusal: exit code 1, one line on stderr, nothing on stdout, and no transaction (same block, same state).
 */
import { expect } from "chai";

import { formatTime, formatWhen, shortAddress, table } from "../../scripts/ops/format.js";
import type { MockERC20 } from "../../typechain-types/index.js";
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
  passMotion,
  signerAt,
  stakeMembers,
} from "../utils/tasks.js";

const { loadFixture, time } = networkHelpers;

const DAY = 86_400n;
const COIN = 10n ** 18n;
const TX = /0x[0-9a-f]{64}/g;

const SECRETARIAT = ACCOUNT.secretariat;
const GUARDIAN = ACCOUNT.guardian;
const OUTSIDER = ACCOUNT.outsider;
/** The grant's recipient, and a payee. */
const GRANTEE = ACCOUNT.outsider + 3;
const PAYEE = ACCOUNT.outsider + 4;

const address = addressAt;

/** Runs `reserve <name>` against `d`'s deployment from account `from`. */
const reserve = (d: Deployed, name: string, from: number, args: Record<string, string> = {}) =>
  runGroupTask("reserve", d, name, from, args);

const now = chainNow;

/** Everything a reserve task could change: the block height, balances, commitments, budgets and grants. */
async function observe(d: Deployed): Promise<unknown[]> {
  const out: unknown[] = [
    await ethers.provider.getBlockNumber(),
    await ethers.provider.getBalance(d.addresses.reserve),
    await d.reserve.committed(ethers.ZeroAddress),
  ];
  for (let id = 1n; id <= (await d.reserve.budgetCount()); id++) out.push((await d.reserve.budget(id)).spent);
  for (let id = 1n; id <= (await d.reserve.grantCount()); id++) out.push((await d.reserve.grant(id)).claimed);
  return out;
}

/** Runs a task that must be refused with `message`, and checks that nothing was sent. */
const expectRefused = refusalChecker(observe);

interface Scenario {
  d: Deployed;
  usdt: MockERC20;
  /** When the approving motion was proposed: budgets and the grant are scheduled from here. */
  t0: bigint;
}

/** A deployment whose reserve also holds USDT (outflow limit 20,000 per 30 days): 1,000,000 KAIA, 50,000 USDT. */
async function funded(): Promise<Scenario> {
  const usdt = await ethers.deployContract("MockERC20", ["Tether USD", "USDT"]);
  const d = await deployWithParameters({
    reserveAssets: [ethers.ZeroAddress, await usdt.getAddress()],
    reserveOutflowLimits: [(100_000_000n * COIN).toString(), (20_000n * COIN).toString()],
  });
  await stakeMembers(d);
  await networkHelpers.setBalance(d.addresses.reserve, 1_000_000n * COIN);
  await usdt.mint(d.addresses.reserve, 50_000n * COIN);
  for (const i of [SECRETARIAT, OUTSIDER, GRANTEE]) {
    await networkHelpers.setBalance(await address(i), 1_000n * COIN);
  }
  return { d, usdt, t0: await now() };
}

/**
 * One Treasury motion approved three budgets (1: "ecosystem", 10,000 KAIA, open until t0 + 90 days; 2: "marketing",
 * 5,000 KAIA, opening at t0 + 60 days; 3: "audits", 30,000 USDT) for the secretariat, and grant 1 (1,200 KAIA to
 * account 16, vesting over 120 days from t0 with a 30-day cliff). About 16 days have passed since t0.
 */
async function approved(): Promise<Scenario> {
  const s = await funded();
  const { d, t0 } = s;
  const secretariat = await address(SECRETARIAT);
  const usdt = await s.usdt.getAddress();
  const r = d.reserve.interface;
  const calls = [
    r.encodeFunctionData("approveBudget", [
      ethers.encodeBytes32String("ecosystem"),
      ethers.ZeroAddress,
      secretariat,
      10_000n * COIN,
      t0,
      t0 + 90n * DAY,
    ]),
    r.encodeFunctionData("approveBudget", [
      ethers.encodeBytes32String("marketing"),
      ethers.ZeroAddress,
      secretariat,
      5_000n * COIN,
      t0 + 60n * DAY,
      t0 + 90n * DAY,
    ]),
    r.encodeFunctionData("approveBudget", [
      ethers.encodeBytes32String("audits"),
      usdt,
      secretariat,
      30_000n * COIN,
      t0,
      t0 + 90n * DAY,
    ]),
    r.encodeFunctionData("createGrant", [
      await address(GRANTEE),
      ethers.ZeroAddress,
      1_200n * COIN,
      t0,
      t0 + 30n * DAY,
      120n * DAY,
    ]),
  ];
  await passMotion(d, {
    targets: calls.map(() => d.addresses.reserve),
    values: calls.map(() => 0n),
    calldatas: calls,
    description: "Q3 budgets and the explorer grant",
  });
  return s;
}

describe("reserve tasks", function () {
  describe("reserve deposit", function () {
    it("sends the native coin to the reserve and prints its holdings", async function () {
      const { d } = await loadFixture(funded);
      const before = await ethers.provider.getBalance(d.addresses.reserve);
      const r = await reserve(d, "deposit", OUTSIDER, { amount: "250.5", asset: "" });
      expect(r.exitCode, r.err).to.equal(0);
      expect(await ethers.provider.getBalance(d.addresses.reserve)).to.equal(before + (2505n * COIN) / 10n);
      expect(r.out.replace(TX, "0xTX").split("\n")).to.deep.equal([
        "Sent 250.5 KAIA to the Improvement Reserve",
        "  holdings: 1,000,250.5 KAIA",
        "  tx:       0xTX",
      ]);
    });

    it("sends an ERC-20 with --asset", async function () {
      const { d, usdt } = await loadFixture(funded);
      const from = await signerAt(OUTSIDER);
      await usdt.mint(from.address, 100n * COIN);
      const r = await reserve(d, "deposit", OUTSIDER, { amount: "100", asset: await usdt.getAddress() });
      expect(r.exitCode, r.err).to.equal(0);
      expect(await usdt.balanceOf(d.addresses.reserve)).to.equal(50_100n * COIN);
      expect(r.out.split("\n")[0]).to.equal("Sent 100 USDT to the Improvement Reserve");
    });

    it("refuses more than the account holds, zero, and a malformed amount", async function () {
      const { d } = await loadFixture(funded);
      const from = await address(OUTSIDER);
      await expectRefused(
        d,
        () => reserve(d, "deposit", OUTSIDER, { amount: "5000", asset: "" }),
        `account ${from} holds 1,000 KAIA; cannot send 5,000 KAIA to the reserve`,
      );
      await expectRefused(
        d,
        () => reserve(d, "deposit", OUTSIDER, { amount: "0", asset: "" }),
        "amount must be greater than 0 KAIA",
      );
      await expectRefused(
        d,
        () => reserve(d, "deposit", OUTSIDER, { amount: "1e3", asset: "" }),
        'amount "1e3" is not a number of KAIA (example: 5000000 or 0.5)',
      );
    });
  });

  describe("reserve status", function () {
    it("shows holdings, committed, free and the outflow limit per configured asset, and the pause", async function () {
      const { d, usdt } = await loadFixture(approved);
      const r = await reserve(d, "status", OUTSIDER);
      expect(r.exitCode).to.equal(0);
      expect(r.err).to.equal("");
      expect(r.out).to.equal(
        [
          `Improvement Reserve ${d.addresses.reserve}`,
          table(
            ["asset", "holdings", "committed", "free", "outflow limit (30 days)", "used this window", "left"],
            [
              [
                "KAIA",
                "1,000,000 KAIA",
                "16,200 KAIA",
                "983,800 KAIA",
                "100,000,000 KAIA",
                "0 KAIA",
                "100,000,000 KAIA",
              ],
              [
                `USDT (${shortAddress(await usdt.getAddress())})`,
                "50,000 USDT",
                "30,000 USDT",
                "20,000 USDT",
                "20,000 USDT",
                "0 USDT",
                "20,000 USDT",
              ],
            ],
          ),
          `paused: no (guardian ${await address(GUARDIAN)} may pause outflows for 14d)`,
          "budgets: 3 (reserve budgets) · grants: 1 (reserve grants)",
        ].join("\n"),
      );
    });

    it("shows the outflow used this window and when a pause ends", async function () {
      const { d, usdt } = await loadFixture(approved);
      await d.reserve.connect(await signerAt(SECRETARIAT)).spend(1n, await address(PAYEE), 1_000n * COIN, "");
      await d.reserve.connect(await signerAt(GUARDIAN)).pause();
      const until = await d.reserve.pausedUntil();
      const r = await reserve(d, "status", OUTSIDER);
      const lines = r.out.split("\n");
      expect(lines[3]).to.equal(
        table(
          ["asset", "holdings", "committed", "free", "outflow limit (30 days)", "used this window", "left"],
          [
            [
              "KAIA",
              "999,000 KAIA",
              "15,200 KAIA",
              "983,800 KAIA",
              "100,000,000 KAIA",
              "1,000 KAIA",
              "99,999,000 KAIA",
            ],
            [
              `USDT (${shortAddress(await usdt.getAddress())})`,
              "50,000 USDT",
              "30,000 USDT",
              "20,000 USDT",
              "20,000 USDT",
              "0 USDT",
              "20,000 USDT",
            ],
          ],
        ).split("\n")[2],
      );
      expect(lines[5]).to.equal(
        `paused: until ${formatWhen(until, await now())} (guardian ${await address(GUARDIAN)}); governance may unpause it earlier`,
      );
    });

    it("shows an extra token named with --asset", async function () {
      const d = await loadFixture(deployWithModule);
      const token = await ethers.deployContract("MockERC20", ["Wrapped Ether", "WETH"]);
      await token.mint(d.addresses.reserve, 7n * COIN);
      const r = await reserve(d, "status", OUTSIDER, { asset: await token.getAddress() });
      expect(r.exitCode).to.equal(0);
      expect(r.out.split("\n")[4]).to.match(
        /^WETH \(0x.{4}….{4}\) +7 WETH +0 WETH +7 WETH +none: nothing may leave +0 WETH +0 WETH$/,
      );
    });

    it("refuses an --asset that is not an address", async function () {
      const d = await loadFixture(deployWithModule);
      await expectRefused(
        d,
        () => reserve(d, "status", OUTSIDER, { asset: "USDT" }),
        '--asset "USDT" is not an address (0x followed by 40 hex digits)',
      );
    });
  });

  describe("reserve budgets", function () {
    it("lists every budget: purpose, asset, spender, amount, spent, remaining, validity", async function () {
      const { d, t0 } = await loadFixture(approved);
      await d.reserve.connect(await signerAt(SECRETARIAT)).spend(1n, await address(PAYEE), 2_500n * COIN, "");
      const secretariat = await address(SECRETARIAT);
      const r = await reserve(d, "budgets", OUTSIDER);
      expect(r.exitCode).to.equal(0);
      expect(r.err).to.equal("");
      const range = (from: bigint) => `${formatTime(from)} to ${formatTime(t0 + 90n * DAY)}`;
      expect(r.out).to.equal(
        table(
          ["id", "purpose", "asset", "spender", "amount", "spent", "remaining", "validity"],
          [
            [
              "1",
              "ecosystem",
              "KAIA",
              secretariat,
              "10,000 KAIA",
              "2,500 KAIA",
              "7,500 KAIA",
              `open, ${range(t0)}`,
            ],
            [
              "2",
              "marketing",
              "KAIA",
              secretariat,
              "5,000 KAIA",
              "0 KAIA",
              "5,000 KAIA",
              `upcoming, ${range(t0 + 60n * DAY)}`,
            ],
            [
              "3",
              "audits",
              "USDT",
              secretariat,
              "30,000 USDT",
              "0 USDT",
              "30,000 USDT",
              `open, ${range(t0)}`,
            ],
          ],
        ),
      );
    });

    it("tells a canceled budget from an ended one, before and after its unspent amount is released", async function () {
      const { d, t0 } = await loadFixture(approved);
      await passMotion(d, {
        targets: [d.addresses.reserve],
        values: [0n],
        calldatas: [d.reserve.interface.encodeFunctionData("cancelBudget", [2n])],
        description: "Cancel the marketing budget",
      });
      await time.increaseTo(t0 + 90n * DAY);
      await d.reserve.connect(await signerAt(OUTSIDER)).releaseExpiredBudget(3n);
      const r = await reserve(d, "budgets", OUTSIDER);
      expect(r.exitCode).to.equal(0);
      const range = (from: bigint) => `${formatTime(from)} to ${formatTime(t0 + 90n * DAY)}`;
      expect(r.out.split("\n").slice(2)).to.deep.equal(
        table(
          ["id", "purpose", "asset", "spender", "amount", "spent", "remaining", "validity"],
          [
            ["1", "ecosystem", "KAIA", await address(SECRETARIAT), "10,000 KAIA", "0 KAIA", "10,000 KAIA"],
            ["2", "marketing", "KAIA", await address(SECRETARIAT), "5,000 KAIA", "0 KAIA", "0 KAIA"],
            ["3", "audits", "USDT", await address(SECRETARIAT), "30,000 USDT", "0 USDT", "0 USDT"],
          ].map((row, i) => [
            ...row,
            [
              `ended, not yet released, ${range(t0)}`,
              `canceled, ${range(t0 + 60n * DAY)}`,
              `ended, released, ${range(t0)}`,
            ][i],
          ]),
        )
          .split("\n")
          .slice(2),
      );
    });

    it("shows one page with --first and --limit, and says which", async function () {
      const { d } = await loadFixture(approved);
      const r = await reserve(d, "budgets", OUTSIDER, { first: "2", limit: "1" });
      const lines = r.out.split("\n");
      expect(lines).to.have.length(4);
      expect(lines[2]).to.match(/^2 +marketing /);
      expect(lines[3]).to.equal("showing budgets 2 to 2 of 3; choose others with --first <id> --limit <n>");
    });

    it("says when there are no budgets", async function () {
      const d = await loadFixture(deployWithModule);
      const r = await reserve(d, "budgets", OUTSIDER);
      expect(r.exitCode).to.equal(0);
      expect(r.out).to.equal("The reserve has no budgets yet.");
    });

    it("refuses a --first beyond the last budget", async function () {
      const { d } = await loadFixture(approved);
      await expectRefused(
        d,
        () => reserve(d, "budgets", OUTSIDER, { first: "4" }),
        "--first 4: there are 3 budgets",
      );
    });

    it("refuses a --limit that is not a number", async function () {
      const { d } = await loadFixture(approved);
      await expectRefused(
        d,
        () => reserve(d, "budgets", OUTSIDER, { limit: "all" }),
        '--limit "all" is not a number (example: 3)',
      );
    });
  });

  describe("reserve grants", function () {
    it("lists every grant: recipient, total, vested, claimed, claimable and schedule", async function () {
      const { d, t0 } = await loadFixture(approved);
      await time.increaseTo(t0 + 60n * DAY);
      const r = await reserve(d, "grants", OUTSIDER);
      expect(r.exitCode).to.equal(0);
      expect(r.out).to.equal(
        table(
          ["id", "recipient", "asset", "total", "vested", "claimed", "claimable", "schedule"],
          [
            [
              "1",
              await address(GRANTEE),
              "KAIA",
              "1,200 KAIA",
              "600 KAIA",
              "0 KAIA",
              "600 KAIA",
              `vests ${formatTime(t0)} to ${formatTime(t0 + 120n * DAY)}, cliff ${formatTime(t0 + 30n * DAY)}`,
            ],
          ],
        ),
      );
    });

    it("says when there are no grants", async function () {
      const d = await loadFixture(deployWithModule);
      const r = await reserve(d, "grants", OUTSIDER);
      expect(r.out).to.equal("The reserve has no grants yet.");
    });
  });

  describe("reserve spend", function () {
    it("pays out of an open budget from its spender, with a memo", async function () {
      const { d, t0 } = await loadFixture(approved);
      const payee = await address(PAYEE);
      const before = await ethers.provider.getBalance(payee);
      const r = await reserve(d, "spend", SECRETARIAT, {
        budget: "1",
        recipient: payee,
        amount: "1,000",
        memo: "Hackathon prizes",
      });
      expect(r.exitCode).to.equal(0);
      expect(r.err).to.equal("");
      expect(r.out.replace(TX, "<tx>")).to.equal(
        [
          `Spent 1,000 KAIA from budget 1 (ecosystem) to ${payee}`,
          "  memo:   Hackathon prizes",
          `  budget: 1,000 KAIA of 10,000 KAIA spent; 9,000 KAIA left until ${formatWhen(t0 + 90n * DAY, await now())}`,
          "  tx:     <tx>",
        ].join("\n"),
      );
      expect(await ethers.provider.getBalance(payee)).to.equal(before + 1_000n * COIN);
      expect((await d.reserve.budget(1n)).spent).to.equal(1_000n * COIN);
      expect(await d.reserve.committed(ethers.ZeroAddress)).to.equal(15_200n * COIN);
      expect(await d.reserve.recentOutflow(ethers.ZeroAddress)).to.equal(1_000n * COIN);
    });

    it("pays an ERC-20 budget", async function () {
      const { d, usdt } = await loadFixture(approved);
      const payee = await address(PAYEE);
      const r = await reserve(d, "spend", SECRETARIAT, { budget: "3", recipient: payee, amount: "12000.5" });
      expect(r.exitCode).to.equal(0);
      expect(r.out.split("\n")[0]).to.equal(`Spent 12,000.5 USDT from budget 3 (audits) to ${payee}`);
      expect(await usdt.balanceOf(payee)).to.equal(12_000n * COIN + COIN / 2n);
    });

    it("refuses an unknown budget id", async function () {
      const { d } = await loadFixture(approved);
      await expectRefused(
        d,
        () => reserve(d, "spend", SECRETARIAT, { budget: "9", recipient: ethers.ZeroAddress, amount: "1" }),
        "unknown budget id 9 (budgets are 1 to 3)",
      );
    });

    it("refuses an account that is not the budget's spender", async function () {
      const { d } = await loadFixture(approved);
      await expectRefused(
        d,
        () => reserve(d, "spend", OUTSIDER, { budget: "1", recipient: ethers.ZeroAddress, amount: "1" }),
        `account ${await address(OUTSIDER)} is not the spender of budget 1 (ecosystem) (its spender is ${await address(SECRETARIAT)}); send from that account (--from)`,
      );
    });

    it("refuses a recipient that cannot be paid", async function () {
      const { d } = await loadFixture(approved);
      await expectRefused(
        d,
        () => reserve(d, "spend", SECRETARIAT, { budget: "1", recipient: ethers.ZeroAddress, amount: "1" }),
        `recipient ${ethers.ZeroAddress} cannot be paid (the zero address and the reserve itself cannot)`,
      );
      await expectRefused(
        d,
        () => reserve(d, "spend", SECRETARIAT, { budget: "1", recipient: "alice", amount: "1" }),
        'recipient "alice" is not an address (0x followed by 40 hex digits)',
      );
    });

    it("refuses a zero amount", async function () {
      const { d } = await loadFixture(approved);
      await expectRefused(
        d,
        () => reserve(d, "spend", SECRETARIAT, { budget: "1", recipient: d.addresses.vault, amount: "0" }),
        "amount must be greater than 0 KAIA",
      );
    });

    it("refuses more than the budget has left", async function () {
      const { d } = await loadFixture(approved);
      await d.reserve.connect(await signerAt(SECRETARIAT)).spend(1n, await address(PAYEE), 2_500n * COIN, "");
      await expectRefused(
        d,
        async () =>
          reserve(d, "spend", SECRETARIAT, { budget: "1", recipient: await address(PAYEE), amount: "8000" }),
        "budget 1 (ecosystem) has 7,500 KAIA left; cannot spend 8,000 KAIA",
      );
    });

    it("refuses a budget that has not opened yet, saying when it opens", async function () {
      const { d, t0 } = await loadFixture(approved);
      await expectRefused(
        d,
        async () =>
          reserve(d, "spend", SECRETARIAT, { budget: "2", recipient: await address(PAYEE), amount: "1" }),
        `budget 2 (marketing) opens ${formatWhen(t0 + 60n * DAY, await now())}: spend from it then`,
      );
    });

    it("refuses an expired budget", async function () {
      const { d, t0 } = await loadFixture(approved);
      await time.increaseTo(t0 + 91n * DAY);
      await expectRefused(
        d,
        async () =>
          reserve(d, "spend", SECRETARIAT, { budget: "1", recipient: await address(PAYEE), amount: "1" }),
        `budget 1 (ecosystem) ended ${formatWhen(t0 + 90n * DAY, await now())}: ask the council for a new budget`,
      );
    });

    it("refuses an ended budget whose unspent amount was released", async function () {
      const { d, t0 } = await loadFixture(approved);
      await time.increaseTo(t0 + 91n * DAY);
      await d.reserve.connect(await signerAt(OUTSIDER)).releaseExpiredBudget(1n);
      await expectRefused(
        d,
        async () =>
          reserve(d, "spend", SECRETARIAT, { budget: "1", recipient: await address(PAYEE), amount: "1" }),
        `budget 1 (ecosystem) ended ${formatWhen(t0 + 90n * DAY, await now())}: ask the council for a new budget`,
      );
    });

    it("refuses while the reserve is paused, saying until when", async function () {
      const { d } = await loadFixture(approved);
      await d.reserve.connect(await signerAt(GUARDIAN)).pause();
      const until = await d.reserve.pausedUntil();
      await expectRefused(
        d,
        async () =>
          reserve(d, "spend", SECRETARIAT, { budget: "1", recipient: await address(PAYEE), amount: "1" }),
        `the reserve is paused until ${formatWhen(until, await now())}: nothing leaves it before then (unless governance unpauses it)`,
      );
    });

    it("refuses an outflow over the 30-day limit, saying when enough room frees", async function () {
      const { d } = await loadFixture(approved);
      const secretariat = await signerAt(SECRETARIAT);
      const payee = await address(PAYEE);
      await d.reserve.connect(secretariat).spend(3n, payee, 12_000n * COIN, "");
      const firstDay = (await now()) / DAY;
      await time.increase(3n * DAY);
      await d.reserve.connect(secretariat).spend(3n, payee, 3_000n * COIN, "");
      await time.increase(DAY);
      // 5,000 USDT are left; 10,000 fit once the first day's 12,000 leave the window (31 days after that day).
      await expectRefused(
        d,
        () => reserve(d, "spend", SECRETARIAT, { budget: "3", recipient: payee, amount: "10000" }),
        `the outflow limit allows 5,000 USDT more in this 30-day window (limit 20,000 USDT); cannot send 10,000 USDT: enough room frees ${formatWhen((firstDay + 31n) * DAY, await now())}`,
      );
    });

    it("refuses an outflow larger than the limit itself", async function () {
      const { d } = await loadFixture(approved);
      await expectRefused(
        d,
        async () =>
          reserve(d, "spend", SECRETARIAT, { budget: "3", recipient: await address(PAYEE), amount: "25000" }),
        "25,000 USDT is more than the outflow limit itself (20,000 USDT per 30 days): send less",
      );
    });
  });

  describe("reserve claim", function () {
    it("pays the recipient what has vested", async function () {
      const { d, t0 } = await loadFixture(approved);
      await time.increaseTo(t0 + 60n * DAY);
      const reserveBefore = await ethers.provider.getBalance(d.addresses.reserve);
      const r = await reserve(d, "claim", GRANTEE, { grant: "1" });
      expect(r.exitCode).to.equal(0);
      expect(r.err).to.equal("");
      const at = await now();
      const paid = (1_200n * COIN * (at - t0)) / (120n * DAY);
      const g = await d.reserve.grant(1n);
      expect(g.claimed).to.equal(paid);
      expect(await ethers.provider.getBalance(d.addresses.reserve)).to.equal(reserveBefore - paid);
      const shown = ethers.formatEther(paid).replace(/\.?0+$/, "");
      expect(r.out.replace(TX, "<tx>")).to.equal(
        [
          `Claimed ${shown} KAIA of grant 1 to ${await address(GRANTEE)}`,
          `  grant: ${shown} KAIA of 1,200 KAIA claimed; fully vested ${formatWhen(t0 + 120n * DAY, at)}`,
          "  tx:    <tx>",
        ].join("\n"),
      );
    });

    it("pays the rest once fully vested", async function () {
      const { d, t0 } = await loadFixture(approved);
      await time.increaseTo(t0 + 121n * DAY);
      const r = await reserve(d, "claim", GRANTEE, { grant: "1" });
      expect(r.out.split("\n").slice(0, 2)).to.deep.equal([
        `Claimed 1,200 KAIA of grant 1 to ${await address(GRANTEE)}`,
        "  grant: 1,200 KAIA of 1,200 KAIA claimed; fully claimed",
      ]);
    });

    it("refuses an unknown grant id", async function () {
      const { d } = await loadFixture(approved);
      await expectRefused(
        d,
        () => reserve(d, "claim", GRANTEE, { grant: "2" }),
        "unknown grant id 2 (the only one is 1)",
      );
    });

    it("refuses an account that is not the grant's recipient", async function () {
      const { d } = await loadFixture(approved);
      await expectRefused(
        d,
        () => reserve(d, "claim", OUTSIDER, { grant: "1" }),
        `account ${await address(OUTSIDER)} is not the recipient of grant 1 (its recipient is ${await address(GRANTEE)}); claim from that account (--from)`,
      );
    });

    it("refuses before the cliff, saying when it is", async function () {
      const { d, t0 } = await loadFixture(approved);
      await expectRefused(
        d,
        () => reserve(d, "claim", GRANTEE, { grant: "1" }),
        `grant 1 has nothing to claim before its cliff, ${formatWhen(t0 + 30n * DAY, await now())}`,
      );
    });

    it("refuses a fully claimed grant", async function () {
      const { d, t0 } = await loadFixture(approved);
      await time.increaseTo(t0 + 121n * DAY);
      await d.reserve.connect(await signerAt(GRANTEE)).claim(1n);
      await expectRefused(
        d,
        () => reserve(d, "claim", GRANTEE, { grant: "1" }),
        "grant 1 is fully claimed (1,200 KAIA)",
      );
    });

    it("refuses while the reserve is paused", async function () {
      const { d, t0 } = await loadFixture(approved);
      await time.increaseTo(t0 + 60n * DAY);
      await d.reserve.connect(await signerAt(GUARDIAN)).pause();
      const until = await d.reserve.pausedUntil();
      await expectRefused(
        d,
        () => reserve(d, "claim", GRANTEE, { grant: "1" }),
        `the reserve is paused until ${formatWhen(until, await now())}: nothing leaves it before then (unless governance unpauses it)`,
      );
    });
  });
});
