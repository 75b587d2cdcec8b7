/**
 * The demo's season (npm run demo) runs to its end and leaves the council and the reserve as it narrates.
 */
import { expect } from "chai";

import { runSeason } from "../../scripts/demo/season.js";
import { PARAMETER_FILE, connection, ethers } from "../utils/tasks.js";

describe("demo: one season of the council", function () {
  it("stakes, admits, pays a budget twice, changes the constitution and removes a member", async function () {
    const lines: string[] = [];
    const r = await runSeason(connection, PARAMETER_FILE, (text) => lines.push(text));
    const c = r.contracts;
    // Every motion executed (state 7).
    for (const id of r.motions) expect(await c.governor.state(id)).to.equal(7n);
    expect(r.motions.map((id) => Number(id))).to.have.length(4);
    expect((await c.registry.getMember(r.admittedId)).status).to.equal(2n);
    expect((await c.registry.getMember(r.removedId)).status).to.equal(3n);
    expect(await c.registry.activeMemberCount()).to.equal(5n);
    expect(await c.registry.sponsorshipWindow()).to.equal(21n * 86400n);
    const budget = await c.reserve.budget(r.budgetId);
    expect(budget.spent).to.equal(r.payouts[0] + r.payouts[1]);
    expect(await c.reserve.balanceOf(ethers.ZeroAddress)).to.equal(ethers.parseEther("800000"));
    // The narrative has each step and the final tables.
    for (const heading of [
      "== Deploy: the whole system and a council of five, every role handed to the timelock",
      "== Final council",
      "== Final reserve",
    ]) {
      expect(lines).to.include(heading);
    }
    expect(lines.filter((l) => l.startsWith("  executed on "))).to.have.length(4);
    expect(lines).to.include("  the secretariat relays it: member 3 votes with 2 votes");
    // The no-confidence target's stake was frozen until the motion's snapshot.
    expect(
      lines.filter((l) => l.startsWith("  member 5's stake is frozen until voting opens (")),
    ).to.have.length(1);
    // Counts take the right number.
    expect(lines).to.include("  member 4: 1 vote");
    expect(lines).to.include("  member 1: 3 votes");
    expect(lines).to.include("  member 4 votes abstain with 1 vote");
    // The budget table is indented as one block, its columns aligned under their headers.
    const header = lines.findIndex((l) => l.startsWith("  id  purpose"));
    expect(header).to.be.greaterThan(0);
    const [head, rule, row] = lines.slice(header, header + 3);
    expect(rule).to.match(/^ {2}-- {2}-+ {2}/);
    expect(row).to.match(/^ {2}1 {3}ecosystem {2}KAIA {3}0x/);
    for (const [column, cell] of [
      ["purpose", "ecosystem"],
      ["spender", "0x"],
      ["remaining", "100,000 KAIA"],
    ]) {
      expect(row.indexOf(cell), column).to.equal(head.indexOf(column));
    }
  });
});
