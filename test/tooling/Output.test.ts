/**
 * The project's Hardhat plugin (scripts/hardhat/): OpenZeppelin's transient-storage warning left out of solc's output
 * while every other message stays, and Ignition's display rewritten for output that is not a terminal.
 */
import { expect } from "chai";
import type { CompilerOutput, CompilerOutputError } from "hardhat/types/solidity";

import { IgnitionLogFilter } from "../../scripts/hardhat/ignition-deploy.js";
import {
  TRANSIENT_STORAGE_WARNING,
  withoutOpenZeppelinTransientWarnings,
} from "../../scripts/hardhat/solidity-hooks.js";

/** A solc message at `file`, as solc reports it (with the source location Hardhat's type leaves out). */
function message(file: string, errorCode: string, severity: CompilerOutputError["severity"] = "warning") {
  return {
    type: severity === "error" ? "TypeError" : "Warning",
    component: "general",
    severity,
    errorCode,
    message: `message ${errorCode} at ${file}`,
    formattedMessage: `Warning: message ${errorCode}\n --> ${file}:1:1:`,
    sourceLocation: { file, start: 0, end: 1 },
  };
}

const OZ_TRANSIENT = message(
  "npm/@openzeppelin/contracts@5.7.0/utils/TransientSlot.sol",
  TRANSIENT_STORAGE_WARNING,
);
const OWN_TRANSIENT = message("project/contracts/treasury/ImprovementReserve.sol", TRANSIENT_STORAGE_WARNING);
const OZ_OTHER = message("npm/@openzeppelin/contracts@5.7.0/governance/Governor.sol", "5667");

function output(errors: CompilerOutputError[] | undefined): CompilerOutput {
  return errors === undefined ? { sources: {} } : { sources: {}, errors };
}

describe("the project's Hardhat plugin", function () {
  describe("withoutOpenZeppelinTransientWarnings", function () {
    it("drops the transient-storage warning where it points into OpenZeppelin", function () {
      const result = withoutOpenZeppelinTransientWarnings(output([OZ_TRANSIENT, OWN_TRANSIENT, OZ_OTHER]));
      expect(result.errors).to.deep.equal([OWN_TRANSIENT, OZ_OTHER]);
    });

    it("keeps the same warning on one of the project's files, and errors", function () {
      const error = message("npm/@openzeppelin/contracts@5.7.0/utils/TransientSlot.sol", "2394", "error");
      const result = withoutOpenZeppelinTransientWarnings(output([OWN_TRANSIENT, error]));
      expect(result.errors).to.deep.equal([OWN_TRANSIENT, error]);
    });

    it("leaves out an empty message list, as solc does for a clean compile", function () {
      expect(withoutOpenZeppelinTransientWarnings(output([OZ_TRANSIENT, OZ_TRANSIENT]))).to.deep.equal(
        output(undefined),
      );
      expect(withoutOpenZeppelinTransientWarnings(output(undefined))).to.deep.equal(output(undefined));
    });
  });

  describe("IgnitionLogFilter", function () {
    it("prints each batch once, in its final state, and ends the starting line", function () {
      const written: string[] = [];
      const filter = new IgnitionLogFilter((text) => written.push(text));
      // What Ignition writes when stdout is not a terminal: every redraw of a batch, one after the other.
      for (const chunk of [
        "Hardhat Ignition starting for [ CouncilGovernance ]...",
        "Hardhat Ignition 🚀\n\nDeploying [ CouncilGovernance ]\n\n",
        "Batch #1\n  Executing A...\n  Executing B...\n\n",
        "Batch #1\n  Executed A\n  Executing B...\n\n",
        "Batch #1\n  Executed A\n  Executed B\n\n",
        "Batch #2\n  Executing C...\n\n",
        "Batch #2\n  Executed C\n\n",
        "[ CouncilGovernance ] successfully deployed 🚀\n",
      ]) {
        filter.push(chunk);
      }
      filter.flush();
      expect(written.join("")).to.equal(
        "Hardhat Ignition starting for [ CouncilGovernance ]...\n" +
          "Hardhat Ignition 🚀\n\nDeploying [ CouncilGovernance ]\n\n" +
          "Batch #1\n  Executed A\n  Executed B\n\n" +
          "Batch #2\n  Executed C\n\n" +
          "[ CouncilGovernance ] successfully deployed 🚀\n",
      );
    });

    it("prints the last drawing of a batch that nothing follows when flushed", function () {
      const written: string[] = [];
      const filter = new IgnitionLogFilter((text) => written.push(text));
      filter.push("Batch #1\n  Executing A...\n\n");
      filter.push("Batch #1\n  Failed A\n\n");
      expect(written).to.deep.equal([]);
      filter.flush();
      expect(written).to.deep.equal(["Batch #1\n  Failed A\n\n"]);
    });
  });
});
