import { expect } from "chai";
import { networkHelpers } from "../utils/council.js";
import {
  MotionClass,
  ProposalState,
  deploySystem,
  passAndExecute,
  signallingMotion,
} from "../utils/governance.js";

describe("governor smoke", function () {
  it("runs a standard signalling motion end to end", async function () {
    const s = await networkHelpers.loadFixture(function system() {
      return deploySystem();
    });
    const motion = await signallingMotion(s);
    const id = await passAndExecute(s, motion, s.secretariat);
    expect(await s.governor.state(id)).to.equal(ProposalState.Executed);
    expect(await s.governor.motionClass(id)).to.equal(MotionClass.Standard);
  });
});
