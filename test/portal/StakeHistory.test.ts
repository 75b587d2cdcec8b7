/**
 * The member page's stake series (portal/src/stake.ts), from decoded vault events: a bonded vault's bonding events,
 * and a Kaia vault's refreshes and unlinks (an unlink takes away the contract's last recorded effective stake).
 */
import { expect } from "chai";

import { stakeHistory } from "../../portal/src/stake.js";
import type { VaultEvent } from "../../portal/src/stake.js";

const A = "0x00000000000000000000000000000000000000a1";
const B = "0x00000000000000000000000000000000000000b2";
const E = 10n ** 18n;

let block = 0n;
function ev(eventName: string, args: Record<string, unknown>, contract = "vault"): VaultEvent {
  block += 1n;
  return { contract, eventName, args, blockNumber: block };
}

describe("Portal: a member's stake from the vault's events", function () {
  it("a bonded vault: Staked and Restaked add, UnstakeRequested takes away; other members and contracts are left out", function () {
    block = 0n;
    const events = [
      ev("Staked", { memberId: 1n, amount: 10n * E }),
      ev("Staked", { memberId: 2n, amount: 99n * E }),
      ev("UnstakeRequested", { memberId: 1n, amount: 4n * E }),
      ev("Restaked", { memberId: 1n, amount: 1n * E }),
      ev("Staked", { memberId: 1n, amount: 50n * E }, "reserve"),
      ev("VoterChanged", { memberId: 1n }),
    ];
    expect(stakeHistory(events, 1n)).to.deep.equal([
      { blockNumber: 1n, stake: 10n * E },
      { blockNumber: 3n, stake: 6n * E },
      { blockNumber: 4n, stake: 7n * E },
    ]);
    expect(stakeHistory(events, 3n)).to.deep.equal([]);
  });

  it("a Kaia vault: each refresh gives the member's stake, an unlink takes away the contract's last record", function () {
    block = 0n;
    const events = [
      ev("StakingLinked", { memberId: 1n, staking: A }),
      ev("StakeRefreshed", { staking: A, memberId: 1n, effectiveStake: 5n * E, memberStake: 5n * E }),
      ev("StakingLinked", { memberId: 1n, staking: B }),
      ev("StakeRefreshed", { staking: B, memberId: 1n, effectiveStake: 3n * E, memberStake: 8n * E }),
      ev("StakeRefreshed", { staking: A, memberId: 1n, effectiveStake: 6n * E, memberStake: 9n * E }),
      // Another member's refresh changes nothing here.
      ev("StakeRefreshed", { staking: A, memberId: 2n, effectiveStake: 1n * E, memberStake: 1n * E }),
      // The address's case does not matter: A's last record (6) is taken away.
      ev("StakingUnlinked", { memberId: 1n, staking: A.toUpperCase().replace("0X", "0x") }),
    ];
    expect(stakeHistory(events, 1n)).to.deep.equal([
      { blockNumber: 2n, stake: 5n * E },
      { blockNumber: 4n, stake: 8n * E },
      { blockNumber: 5n, stake: 9n * E },
      { blockNumber: 7n, stake: 3n * E },
    ]);
  });

  it("a Kaia vault: a contract linked again with no refresh since counts nothing when unlinked", function () {
    block = 0n;
    const events = [
      ev("StakingLinked", { memberId: 1n, staking: A }),
      ev("StakeRefreshed", { staking: A, memberId: 1n, effectiveStake: 5n * E, memberStake: 5n * E }),
      ev("StakingUnlinked", { memberId: 1n, staking: A }),
      // Linked again; its refresh was skipped, so nothing is recorded for it.
      ev("StakingLinked", { memberId: 1n, staking: A }),
      ev("StakingUnlinked", { memberId: 1n, staking: A }),
    ];
    expect(stakeHistory(events, 1n)).to.deep.equal([
      { blockNumber: 2n, stake: 5n * E },
      { blockNumber: 3n, stake: 0n },
      { blockNumber: 5n, stake: 0n },
    ]);
  });
});
