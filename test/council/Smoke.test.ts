import { expect } from "chai";
import { deployCouncil, networkHelpers, stakeUnits } from "../utils/council.js";

describe("smoke", function () {
  it("deploys a council and gives votes", async function () {
    const c = await networkHelpers.loadFixture(function council() {
      return deployCouncil();
    });
    await stakeUnits(c, 1, 2n);
    await stakeUnits(c, 2, 1n);
    expect(await c.vault.getVotes(c.voters[0].address)).to.equal(1n);
    await stakeUnits(c, 3, 1n);
    expect(await c.vault.getVotes(c.voters[0].address)).to.equal(2n);
    await expect(c.vault.delegate(c.voters[0].address)).to.be.revertedWithCustomError(
      c.vault,
      "StakeVaultDelegationFixed",
    );
  });
});
