/**
 * The motions list's filters: a state or class filter reads the lens in chunks, newest first, until a page of
 * matches is found or the ids run out; the rows shown are exactly the motions the governor holds in that state and
 * class, newest first.
 */
import { expect } from "chai";

import { listMotions } from "../../scripts/ops/motions.js";
import { openPortal, resetChain, seededHarness, SETUP_TIMEOUT } from "./harness/index.js";
import type { Harness, PortalPage } from "./harness/index.js";

/** The ids the list shows once it has rendered `expected` rows (or its empty message when none match). */
async function shownIds(p: PortalPage, expected: string[]): Promise<string[]> {
  await p.page.locator('main[aria-busy="false"]').waitFor();
  await p.page.getByTestId("motion-scan").waitFor({ state: "detached" });
  const rows = p.page.getByRole("table", { name: "Motions" }).locator("tbody tr");
  if (expected.length === 0) await p.page.getByText("No motions match these filters.").waitFor();
  else await rows.locator(`xpath=self::*[@data-motion-id="${expected[expected.length - 1]}"]`).waitFor();
  return rows.evaluateAll((list) => list.map((r) => r.getAttribute("data-motion-id") ?? ""));
}

describe("Portal: the motions list's filters", function () {
  // A browser journey waits for pages and the chain: generous, so that a loaded machine (or coverage) is no failure.
  this.timeout(120_000);
  let h: Harness;
  let p: PortalPage;

  before(async function () {
    this.timeout(SETUP_TIMEOUT);
    h = await seededHarness();
    p = await openPortal({ route: "#/motions" });
  });

  after(async function () {
    await p?.close();
    await resetChain();
  });

  it("shows the motions in the chosen state and class, newest first, as the governor holds them", async function () {
    const all = await listMotions(h.seeded.contracts, { limit: 1000 });
    const every = all.map((m) => String(m.id));
    expect(await shownIds(p, every)).to.deep.equal(every);
    for (const [state, cls] of [
      ["Executed", ""],
      ["Active", "Treasury"],
      ["", "Admission"],
      ["Queued", "Admission"],
    ] as const) {
      await p.page.getByLabel("State").selectOption(state === "" ? "any" : state);
      await p.page.getByLabel("Class").selectOption(cls === "" ? "any" : cls);
      const expected = all
        .filter((m) => (state === "" || m.state === state) && (cls === "" || m.motionClass === cls))
        .map((m) => String(m.id));
      expect(await shownIds(p, expected), `state ${state || "any"}, class ${cls || "any"}`).to.deep.equal(
        expected,
      );
      if (expected.length > 0) await p.page.getByText("Page 1 of 1").waitFor();
    }
    await p.expectClean();
  });
});
