/**
 * A member's stake after each of the vault's events that changes it, from the history read.
 *
 * A bonded StakeVault: `Staked` and `Restaked` add their amount, `UnstakeRequested` takes it away.
 * A KaiaStakeVault: `StakeRefreshed` carries the member's stake after the refresh; `StakingUnlinked` takes away the
 * unlinked contract's last recorded effective stake (from its last `StakeRefreshed`, or 0 when none followed its
 * `StakingLinked`, since a link starts with nothing recorded).
 */
import { getAddress } from "viem";

/** The fields of a decoded system event (`SystemEvent` in chain.ts) this reads. */
export interface VaultEvent {
  contract: string;
  eventName: string;
  args: Record<string, unknown>;
  blockNumber: bigint;
}

/** The member's stake (wei) after one event. */
export interface StakePoint {
  blockNumber: bigint;
  stake: bigint;
}

export function stakeHistory(events: readonly VaultEvent[], memberId: bigint): StakePoint[] {
  const points: StakePoint[] = [];
  const recorded = new Map<string, bigint>();
  let stake = 0n;
  for (const e of events) {
    if (e.contract !== "vault" || e.args.memberId !== memberId) continue;
    switch (e.eventName) {
      case "Staked":
      case "Restaked":
        stake += e.args.amount as bigint;
        break;
      case "UnstakeRequested":
        stake -= e.args.amount as bigint;
        break;
      case "StakingLinked":
        recorded.set(getAddress(e.args.staking as string), 0n);
        continue;
      case "StakeRefreshed":
        recorded.set(getAddress(e.args.staking as string), e.args.effectiveStake as bigint);
        stake = e.args.memberStake as bigint;
        break;
      case "StakingUnlinked": {
        const staking = getAddress(e.args.staking as string);
        stake -= recorded.get(staking) ?? 0n;
        recorded.delete(staking);
        break;
      }
      default:
        continue;
    }
    points.push({ blockNumber: e.blockNumber, stake });
  }
  return points;
}
