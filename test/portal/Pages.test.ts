/**
 * Every page of the portal, as a connected member sees it on the seeded council: it renders its heading and its
 * content from the chain (its charts drawn), logs no console error, has no serious or critical axe-core violation, and is written as a
 * screenshot (cache/portal-screenshots/ during `npm test`; `npm run portal:screenshots` writes docs/portal/, the
 * images docs/portal.md shows).
 */
import { expect } from "chai";

import { openPortal, seededHarness, SETUP_TIMEOUT, WALLET_INFO } from "./harness/index.js";
import type { Harness, PortalPage } from "./harness/index.js";

interface PageCase {
  /** The screenshot's name. */
  name: string;
  route: (h: Harness) => string;
  /** The page's first heading. */
  heading: (h: Harness) => RegExp;
  /** Text the page shows once it has read the chain. */
  shows: (h: Harness) => string;
  /** The wallet's account on this page (default: member 2's voter). */
  account?: (h: Harness) => string;
  /** The accessible names of the charts the page draws (an image each, named by its title and latest points). */
  charts?: RegExp[];
}

const PAGES: PageCase[] = [
  {
    name: "council",
    route: () => "#/",
    heading: () => /^Council$/,
    shows: (h) => h.seeded.members[7].name,
  },
  {
    name: "member",
    route: (h) => `#/members/${h.seeded.members[0].id}`,
    heading: (h) => new RegExp(`^${h.seeded.members[0].name}$`),
    shows: () => "Tooling and audits are overdue",
    charts: [
      /^Votes \(vault checkpoints\)\. votes: \d+ at /,
      /^Stake \(KAIA, from vault events\)\. stake: [\d,]+ at /,
    ],
  },
  {
    name: "motions",
    route: () => "#/motions",
    heading: () => /^Motions$/,
    shows: () => "Pay the wallet integration",
  },
  {
    name: "motion",
    route: (h) => `#/motions/${h.seeded.motions.Active}`,
    heading: (h) => new RegExp(`^Motion ${h.seeded.motions.Active}: Pay the wallet integration$`),
    shows: () => "The integration shipped and was reviewed",
  },
  {
    name: "propose",
    route: () => "#/propose",
    heading: () => /^Propose a motion$/,
    shows: () => "Import or export a proposal file",
  },
  {
    name: "membership",
    route: () => "#/membership",
    heading: () => /^Membership$/,
    shows: (h) => h.seeded.candidate.name,
  },
  {
    name: "community",
    route: () => "#/community",
    heading: () => /^Community$/,
    shows: () => "No Admission or No-confidence motion is waiting in the timelock.",
  },
  {
    name: "reserve",
    route: () => "#/reserve",
    heading: () => /^Improvement Reserve$/,
    shows: () => "Audit of the stake vault",
    charts: [/^Outflows of KAIA in the 30 days before each day, against the limit\. /, /^Vesting curves /],
  },
  {
    name: "stake",
    route: () => "#/stake",
    heading: () => /^Stake$/,
    shows: (h) => h.seeded.members[1].name,
    account: (h) => h.seeded.members[1].admin,
  },
];

describe("Portal: every page (accessibility, console, screenshots)", function () {
  // A browser journey waits for pages and the chain: generous, so that a loaded machine (or coverage) is no failure.
  this.timeout(120_000);
  let h: Harness;
  let p: PortalPage;

  before(async function () {
    this.timeout(SETUP_TIMEOUT);
    h = await seededHarness();
    p = await openPortal({ wallet: { account: h.seeded.members[1].voter }, route: "#/" });
    await p.page.getByRole("button", { name: `Connect ${WALLET_INFO.name}` }).click();
    await p.page.getByTestId("connected-account").waitFor();
  });

  after(async function () {
    await p?.close();
  });

  for (const c of PAGES) {
    it(`${c.name}: shows the chain's data, logs no error, has no serious or critical accessibility violation`, async function () {
      const account = (c.account ?? ((x: Harness) => x.seeded.members[1].voter))(h);
      if (p.wallet!.selected !== account) await p.wallet!.useAccount(account);
      await p.goto(c.route(h));
      const heading = p.page.getByRole("heading", { level: 1 });
      await heading.first().waitFor();
      await p.page.getByText(c.shows(h)).first().waitFor();
      await p.page.locator('main[aria-busy="false"]').waitFor();
      // The charts (loaded with their page) are drawn before the page is checked.
      for (const name of c.charts ?? []) await p.page.getByRole("img", { name }).waitFor();
      expect((await heading.first().innerText()).trim()).to.match(c.heading(h));
      await p.expectClean();
      await p.screenshot(c.name);
    });
  }
});
