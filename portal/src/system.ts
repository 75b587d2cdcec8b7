/**
 * The contracts a motion may name in this deployment, read from the chain: the core contracts from the
 * configuration, the advisors' board and the vote extension from `config.json` (as the CLI reads them from the
 * address file), the community petitions and veto contracts that the motion policy names (`MotionPolicy.community()`,
 * as the Community page reads them), and the vault's ABI by its stake source (a KaiaStakeVault, found as the Stake
 * page finds it, offers and decodes `linkStaking` and `unlinkStaking`).
 */
import { useQuery } from "@tanstack/react-query";
import { zeroAddress } from "viem";
import type { Address } from "viem";

import { MotionPolicyAbi, systemContracts } from "./abi";
import type { System } from "./abi";
import { usePortal } from "./context";
import { isMissingFunction, useStakeSource } from "./kaia";

/** The deployment's system (undefined while reading), or why it could not be read. */
export interface SystemState {
  system?: System;
  error?: unknown;
}

export function useSystem(): SystemState {
  const { client, config } = usePortal();
  const source = useStakeSource();
  const community = useQuery({
    queryKey: ["policy-community", config.addresses.policy],
    queryFn: async (): Promise<{ petitions?: Address; veto?: Address }> => {
      try {
        const [petitions, veto] = await client.readContract({
          address: config.addresses.policy,
          abi: MotionPolicyAbi,
          functionName: "community",
        });
        const named = (a: Address) => (a === zeroAddress ? undefined : a);
        return { petitions: named(petitions), veto: named(veto) };
      } catch (error) {
        // A policy deployed before the community contracts has no community(): it names none.
        if (isMissingFunction(error)) return {};
        throw error;
      }
    },
  });
  if (source.isError) return { error: source.error };
  if (community.isError) return { error: community.error };
  if (source.data === undefined || community.data === undefined) return {};
  // The policy decides which petitions and veto contracts count, whatever the address file lists.
  const { petitions, veto } = community.data;
  return { system: systemContracts({ ...config.addresses, petitions, veto }, source.data !== null) };
}
