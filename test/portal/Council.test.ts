/**
 * Journey 1: the council page matches the contracts for every member. Each row is compared with what the registry
 * and the vault say on chain, read through the operations library (the CLI's `council status`), and participation
 * with the governor's own record of who voted; then a member bonds stake and the page follows the chain.
 */
import { expect } from "chai";
import { formatEther, parseEther } from "ethers";
import type { Page } from "playwright-core";

import { councilStatus, memberRow } from "../../scripts/ops/council.js";
import type { MemberRow } from "../../scripts/ops/council.js";
import { actingAs } from "../../scripts/ops/deployment.js";
import { listMotions } from "../../scripts/ops/motions.js";
import { deposit } from "../../scripts/ops/stake.js";
import { openPortal, resetChain, seededHarness, signer, SETUP_TIMEOUT } from "./harness/index.js";
import type { Harness, PortalPage } from "./harness/index.js";

/** One row of the council table as the page shows it: cell texts by column, and full addresses by column. */
interface ShownRow {
  id: string;
  cells: Record<string, string>;
  addresses: Record<string, string[]>;
}

const COLUMNS = [
  "Member",
  "Status",
  "Joined",
  "Admin",
  "Voter",
  "Nodes",
  "Stake",
  "Votes",
  "Share",
  "Eligible",
  "Participation",
  "Last vote",
];

/** Reads the council table: columns by header text, full addresses from the shortened codes' titles. */
async function shownRows(page: Page): Promise<ShownRow[]> {
  const table = page.getByRole("table", { name: "Council", exact: true });
  await table.locator("tbody tr").first().waitFor();
  await page.locator('main[aria-busy="false"]').waitFor();
  const headers = (await table.locator("thead th").allInnerTexts()).map((h) => h.replace(/[▲▼]/g, "").trim());
  const index = (name: string) => {
    const i = headers.findIndex((h) => h.startsWith(name));
    expect(i, `council table has a "${name}" column (headers: ${headers.join(", ")})`).to.be.greaterThan(-1);
    return i;
  };
  const rows: ShownRow[] = [];
  for (const row of await table.locator("tbody tr").all()) {
    const cells = row.locator("td");
    const shown: ShownRow = {
      id: (await row.getAttribute("data-member-id")) ?? "",
      cells: {},
      addresses: {},
    };
    for (const column of COLUMNS) {
      const cell = cells.nth(index(column));
      shown.cells[column] = (await cell.innerText()).trim();
      shown.addresses[column] = [];
      for (const code of await cell.locator("code[title]").all()) {
        shown.addresses[column].push((await code.getAttribute("title")) ?? "");
      }
    }
    rows.push(shown);
  }
  return rows;
}

/** "25,000,000 KAIA" (or "25,000,000.0 KAIA") as wei. */
function amountOf(text: string): bigint {
  const match = /^([\d,]+(?:\.\d+)?)\s*KAIA$/.exec(text);
  expect(match, `"${text}" is an amount in KAIA`).to.not.equal(null);
  return parseEther(match![1].replace(/,/g, ""));
}

function isoDate(seconds: bigint): string {
  return seconds === 0n ? "—" : new Date(Number(seconds) * 1000).toISOString().slice(0, 10);
}

/**
 * Participation from the chain: the motions the member could vote on — their vote opened (not Pending, not cancelled
 * before their snapshot), the member had votes at their snapshot (`getPastMemberVotes`, asked for every motion) and
 * was not their excluded member — and how many of those it voted on (`hasMemberVoted`).
 */
async function participation(
  h: Harness,
  m: MemberRow,
): Promise<{ could: number; voted: number; last: bigint }> {
  const c = h.seeded.contracts;
  const motions = await listMotions(c, { limit: 1000 });
  const canceledAt = new Map<bigint, bigint>();
  for (const e of await c.governor.queryFilter(c.governor.filters.ProposalCanceled())) {
    const block = await e.getBlock();
    canceledAt.set(e.args.proposalId, BigInt(block.timestamp));
  }
  let could = 0;
  let voted = 0;
  for (const v of motions) {
    if (v.state === "Pending" || v.excludedMemberId === m.id) continue;
    const canceled = canceledAt.get(v.id);
    if (canceled !== undefined && canceled <= v.snapshot) continue;
    if ((await c.vault.getPastMemberVotes(m.id, v.snapshot)) === 0n) continue;
    could++;
    if (await c.governor.hasMemberVoted(v.id, m.id)) voted++;
  }
  const votes = await c.governor.queryFilter(c.governor.filters.VoteCast(m.voter));
  const last = votes.length === 0 ? 0n : votes[votes.length - 1].args.proposalId;
  return { could, voted, last };
}

describe("Portal: the council page (journey 1)", function () {
  // A browser journey waits for pages and the chain: generous, so that a loaded machine (or coverage) is no failure.
  this.timeout(120_000);
  let h: Harness;
  let p: PortalPage;

  before(async function () {
    this.timeout(SETUP_TIMEOUT);
    h = await seededHarness();
    p = await openPortal({ route: "#/" });
  });

  after(async function () {
    await p?.close();
    await resetChain();
  });

  it("shows one row per registry record, in id order", async function () {
    const count = await h.seeded.contracts.registry.memberCount();
    const rows = await shownRows(p.page);
    expect(rows.map((r) => r.id)).to.deep.equal(
      Array.from({ length: Number(count) }, (_, i) => String(i + 1)),
    );
    // The seed's eight members and its candidate.
    expect(rows).to.have.length(h.seeded.members.length + 1);
  });

  it("shows each member's record, stake, votes, share and eligibility as the contracts hold them", async function () {
    const c = h.seeded.contracts;
    const status = await councilStatus(c);
    const rows = await shownRows(p.page);
    for (const row of rows) {
      const m = await memberRow(c, BigInt(row.id));
      const what = `member ${m.id} (${m.name})`;
      expect(row.cells.Member.split("\n")[0], `${what}: name`).to.equal(m.name);
      expect(row.cells.Status, `${what}: status`).to.equal(m.status);
      expect(row.cells.Joined, `${what}: joined`).to.equal(isoDate(m.joinedAt));
      expect(row.addresses.Admin, `${what}: admin`).to.deep.equal([m.admin]);
      expect(row.addresses.Voter, `${what}: voter`).to.deep.equal([m.voter]);
      expect(
        row.addresses.Nodes.map((a) => a.toLowerCase()),
        `${what}: nodes`,
      ).to.deep.equal(m.nodes.map((a) => a.toLowerCase()));
      expect(amountOf(row.cells.Stake), `${what}: stake`).to.equal(m.stake);
      expect(row.cells.Votes, `${what}: votes`).to.equal(String(m.votes));
      const share = Number(/^([\d.]+)\s*%$/.exec(row.cells.Share)?.[1]);
      const expected = status.totalVotes === 0n ? 0 : (Number(m.votes) * 100) / Number(status.totalVotes);
      expect(
        Math.abs(share - expected),
        `${what}: share of all votes (${row.cells.Share}, expected ${expected.toFixed(2)} %)`,
      ).to.be.at.most(0.051);
      expect(row.cells.Eligible, `${what}: eligible`).to.equal(m.eligible ? "yes" : "no");
    }
  });

  it("shows each member's participation and last vote as the governor recorded them", async function () {
    const rows = await shownRows(p.page);
    for (const row of rows) {
      const m = await memberRow(h.seeded.contracts, BigInt(row.id));
      const { could, voted, last } = await participation(h, m);
      const what = `member ${m.id} (${m.name})`;
      if (could === 0) {
        expect(row.cells.Participation, `${what}: participation`).to.equal("—");
      } else {
        expect(row.cells.Participation, `${what}: participation`).to.match(
          new RegExp(`^${voted}/${could}\\b`),
        );
      }
      expect(row.cells["Last vote"], `${what}: last vote`).to.equal(last === 0n ? "—" : `motion ${last}`);
    }
    // The seed's history is there to compare: the founders voted, the candidate could not, and neither could the
    // member without stake (Active throughout, so its membership dates alone would have counted every motion).
    expect(rows[0].cells.Participation).to.not.equal("—");
    expect(rows[rows.length - 1].cells.Participation).to.equal("—");
    const unstaked = h.seeded.members.find((m) => m.units === 0n);
    expect(unstaked, "the seed has a member without stake").to.not.equal(undefined);
    const record = await memberRow(h.seeded.contracts, unstaked!.id);
    expect(record.status).to.equal("Active");
    const row = rows.find((r) => r.id === String(unstaked!.id));
    expect(row?.cells.Participation, "the member without stake could vote on nothing").to.equal("—");
  });

  it("shows the totals the registry and the vault report", async function () {
    const s = await councilStatus(h.seeded.contracts);
    const totals = p.page.getByRole("definition");
    await totals.first().waitFor();
    expect(await p.page.getByTestId("total-members").innerText()).to.equal(`${s.activeCount} active`);
    expect(await p.page.getByTestId("total-eligible").innerText()).to.equal(String(s.eligibleCount));
    expect(amountOf(await p.page.getByTestId("total-stake").innerText())).to.equal(s.totalStaked);
    expect(await p.page.getByTestId("total-votes").innerText()).to.equal(String(s.totalVotes));
  });

  it("sorts the members by stake, both ways", async function () {
    const byStake = async () => (await shownRows(p.page)).map((r) => amountOf(r.cells.Stake));
    const stakeHeader = p.page
      .getByRole("table", { name: "Council", exact: true })
      .getByRole("button", { name: /^Stake/ });
    await stakeHeader.click();
    const ascending = await byStake();
    expect(ascending).to.deep.equal([...ascending].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await stakeHeader.click();
    const descending = await byStake();
    expect(descending).to.deep.equal([...ascending].reverse());
    expect(ascending[0]).to.not.equal(ascending[ascending.length - 1]);
  });

  it("follows the chain: a member without stake bonds two units and becomes eligible", async function () {
    const c = h.seeded.contracts;
    const granite = h.seeded.members.find((m) => m.units === 0n)!;
    const before = await memberRow(c, granite.id);
    expect(before.eligible).to.equal(false);
    const units = 2n * h.seeded.stakeUnit;
    await deposit(actingAs(c, await signer(granite.admin)), {
      amount: formatEther(units).replace(/\.0$/, ""),
    });
    const after = await memberRow(c, granite.id);
    expect(after.stake).to.equal(before.stake + units);
    expect(after.eligible).to.equal(true);

    await p.page.reload();
    const row = (await shownRows(p.page)).find((r) => r.id === String(granite.id))!;
    expect(amountOf(row.cells.Stake)).to.equal(after.stake);
    expect(row.cells.Votes).to.equal(String(after.votes));
    expect(row.cells.Eligible).to.equal("yes");
  });

  it("has no console errors and no serious or critical accessibility violations", async function () {
    await p.expectClean();
  });
});
