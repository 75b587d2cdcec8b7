/** Motion helpers shared by the list and the motion page: titles from history, the next transition. */
import { useQuery } from "@tanstack/react-query";

import { CouncilGovernorAbi } from "../abi";
import { usePortal } from "../context";
import type { MotionRow } from "../data";
import { formatTime, relative } from "../format";

export function useWindows(): { queueWindow: bigint; executionWindow: bigint } | undefined {
  const { client, config } = usePortal();
  const g = { address: config.addresses.governor, abi: CouncilGovernorAbi } as const;
  return useQuery({
    queryKey: ["windows"],
    queryFn: async () => {
      const [queueWindow, executionWindow] = await Promise.all([
        client.readContract({ ...g, functionName: "queueWindow" }),
        client.readContract({ ...g, functionName: "executionWindow" }),
      ]);
      return { queueWindow, executionWindow };
    },
    staleTime: 60_000,
  }).data;
}

/** The motion's next state change, in words, with its time. */
export function nextTransition(
  m: MotionRow,
  now: bigint | undefined,
  windows: { queueWindow: bigint; executionWindow: bigint } | undefined,
): string {
  const at = (label: string, t: bigint) =>
    `${label} ${formatTime(t)}${now !== undefined ? ` (${relative(t, now)})` : ""}`;
  switch (m.state) {
    case "Pending":
      return at("voting opens", m.snapshot + 1n);
    case "Active":
      return at("voting closes", m.deadline);
    case "Succeeded":
      return windows === undefined ? "awaiting queue" : at("queue by", m.deadline + windows.queueWindow);
    case "Queued":
      if (now !== undefined && now < m.eta) return at("executable", m.eta);
      return windows === undefined ? "executable" : at("expires", m.eta + windows.executionWindow);
    default:
      return "final";
  }
}
