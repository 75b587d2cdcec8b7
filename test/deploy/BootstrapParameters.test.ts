/**
 * Parameter files and the bootstrap: the initial council may be split over `initialMembers`, `initialMembers2` …
 * `initialMembers13` (at most 20 members each), read back as one council in order.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { expect } from "chai";

import { parseParameters } from "../../scripts/ops/parameters.js";

const FILE = fileURLToPath(new URL("../../deploy/parameters/hardhat.json", import.meta.url));

interface Section {
  initialMembers: { name: string; admin: string; voter: string; metadataURI: string; nodes: string[] }[];
  [key: string]: unknown;
}

function withMembers(edit: (section: Section) => void): unknown {
  const json = JSON.parse(readFileSync(FILE, "utf8")) as { CouncilGovernance: Section };
  edit(json.CouncilGovernance);
  return json;
}

/** The one-line message parsing fails with. */
function failure(json: unknown): string {
  try {
    parseParameters(json, "p.json");
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("deploy parameters: bootstrap batches", function () {
  it("appends the further batches to the initial council, in order", function () {
    const json = withMembers((s) => {
      s.initialMembers2 = [s.initialMembers[4]];
      s.initialMembers = s.initialMembers.slice(0, 4);
    });
    const p = parseParameters(json, "p.json");
    const original = parseParameters(
      withMembers(() => undefined),
      "p.json",
    );
    expect(p.initialMembers).to.deep.equal(original.initialMembers);
  });

  it("refuses in one line a batch of more than 20 members", function () {
    const json = withMembers((s) => {
      s.initialMembers3 = Array.from({ length: 21 }, () => s.initialMembers[0]);
    });
    expect(failure(json)).to.equal(
      "parameter file p.json: CouncilGovernance.initialMembers3 has 21 members: put at most 20 in each bootstrap " +
        "batch (initialMembers, initialMembers2, …)",
    );
  });

  it("still refuses an unknown key next to the batches", function () {
    const json = withMembers((s) => {
      s.initialMembers14 = [];
    });
    expect(failure(json)).to.equal(
      "parameter file p.json: CouncilGovernance.initialMembers14 is not a parameter of the module (a typo? see deploy/README.md)",
    );
  });
});
