/**
 * The Kaia stake source, read from the chain: whether the vault takes its stake from members' Kaia CnStaking
 * contracts (a KaiaStakeVault answers `trackerMode()` and `addressBook()`; a bonded StakeVault has neither), and
 * the CnStaking contracts linked to members, with their recorded and current effective stake.
 *
 * Which contracts are linked comes from the vault's StakingLinked and StakingUnlinked events (the history read);
 * what each counts comes from the vault's views (`stakingLink`, `effectiveStake`), so a record is shown stale
 * exactly when a refresh would change it.
 */
import { useQuery } from "@tanstack/react-query";
import type { UseQueryResult } from "@tanstack/react-query";
import { ContractFunctionRevertedError, ContractFunctionZeroDataError, getAddress } from "viem";
import type { Address } from "viem";

import { ICnStakingAbi, IKaiaAddressBookAbi, KaiaStakeVaultAbi, describeError } from "./abi";
import type { SystemEvent } from "./chain";
import { usePortal } from "./context";
import { useHistory } from "./data";

/** A Kaia stake source: its mode and the AddressBook it checks links against. */
export interface KaiaSource {
  trackerMode: boolean;
  addressBook: Address;
}

/** True when the error says the contract has no such function (it reverted or returned nothing), not a failed read. */
export function isMissingFunction(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e !== null && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    if (e instanceof ContractFunctionRevertedError || e instanceof ContractFunctionZeroDataError) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The vault's stake source, probed on the chain: a KaiaStakeVault (`null` for a bonded StakeVault). A read that
 * fails for another reason (the RPC) is an error, not a bonded vault.
 */
export function useStakeSource(): UseQueryResult<KaiaSource | null> {
  const { client, config } = usePortal();
  return useQuery({
    queryKey: ["stake-source", config.addresses.vault],
    staleTime: Infinity,
    queryFn: async (): Promise<KaiaSource | null> => {
      const v = { address: config.addresses.vault, abi: KaiaStakeVaultAbi } as const;
      try {
        const [trackerMode, addressBook] = await Promise.all([
          client.readContract({ ...v, functionName: "trackerMode" }),
          client.readContract({ ...v, functionName: "addressBook" }),
        ]);
        return { trackerMode, addressBook };
      } catch (error) {
        if (isMissingFunction(error)) return null;
        throw error;
      }
    },
  });
}

/** One linked CnStaking: its member, how it was linked, and what it counts as recorded and now. */
export interface StakingRow {
  staking: Address;
  memberId: bigint;
  gcId: bigint;
  byGovernance: boolean;
  recorded: bigint;
  /** `balance − unstaking()` now (0 in tracker mode when it points elsewhere); undefined when it cannot be read. */
  current?: bigint;
  /** Why `current` could not be read. */
  currentError?: string;
  /** Tracker mode: the CnStaking's `stakingTracker()`. */
  tracker?: Address;
  /** The record differs from what a refresh would record now. */
  stale: boolean;
}

/** The CnStaking contracts linked now, in the order they were linked, from the vault's events. */
export function linkedFromEvents(events: readonly SystemEvent[]): {
  staking: Address;
  gcId: bigint;
  byGovernance: boolean;
}[] {
  const linked = new Map<string, { staking: Address; gcId: bigint; byGovernance: boolean }>();
  for (const e of events) {
    if (e.contract !== "vault") continue;
    if (e.eventName === "StakingLinked") {
      const staking = getAddress(e.args.staking as string);
      linked.set(staking, {
        staking,
        gcId: e.args.gcId as bigint,
        byGovernance: e.args.byGovernance as boolean,
      });
    } else if (e.eventName === "StakingUnlinked") {
      linked.delete(getAddress(e.args.staking as string));
    }
  }
  return [...linked.values()];
}

/** Every linked CnStaking with its recorded and current effective stake (and, in tracker mode, its tracker). */
export function useLinkedStaking(source: KaiaSource | null | undefined): UseQueryResult<StakingRow[]> {
  const { client, config } = usePortal();
  const history = useHistory().data;
  const candidates = history === undefined ? undefined : linkedFromEvents(history.events);
  return useQuery({
    queryKey: ["kaia-links", candidates?.map((c) => c.staking).join(",") ?? ""],
    enabled: source != null && candidates !== undefined,
    queryFn: async (): Promise<StakingRow[]> => {
      const v = { address: config.addresses.vault, abi: KaiaStakeVaultAbi } as const;
      const rows = await Promise.all(
        (candidates ?? []).map(async (c) => {
          const [[memberId, recorded], current, tracker] = await Promise.all([
            client.readContract({ ...v, functionName: "stakingLink", args: [c.staking] }),
            client
              .readContract({ ...v, functionName: "effectiveStake", args: [c.staking] })
              .then((value) => ({ value }))
              .catch((error: unknown) => ({ error: describeError(error) })),
            source?.trackerMode === true
              ? client
                  .readContract({ address: c.staking, abi: ICnStakingAbi, functionName: "stakingTracker" })
                  .catch(() => undefined)
              : undefined,
          ]);
          const value = "value" in current ? current.value : undefined;
          return {
            ...c,
            memberId,
            recorded,
            current: value,
            currentError: "error" in current ? current.error : undefined,
            tracker,
            stale: value !== undefined && value !== recorded,
          };
        }),
      );
      // The views decide: a contract whose link the events show but the vault no longer has is left out.
      return rows.filter((r) => r.memberId !== 0n);
    },
  });
}

/** The CnStaking the AddressBook lists for a consensus node (undefined while reading, null when not listed). */
export function useAddressBookEntry(
  source: KaiaSource | null | undefined,
  node: Address | undefined,
): Address | null | undefined {
  const { client } = usePortal();
  return useQuery({
    queryKey: ["address-book", source?.addressBook ?? "", node ?? ""],
    enabled: source != null && node !== undefined,
    queryFn: async (): Promise<Address | null> => {
      try {
        const [, staking] = await client.readContract({
          address: (source as KaiaSource).addressBook,
          abi: IKaiaAddressBookAbi,
          functionName: "getCnInfo",
          args: [node as Address],
        });
        return staking;
      } catch (error) {
        if (isMissingFunction(error)) return null;
        throw error;
      }
    },
  }).data;
}
