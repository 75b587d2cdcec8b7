/**
 * The community's contracts, as TanStack queries: the petitions and veto contracts the motion policy names
 * (`MotionPolicy.community()`), with their rules read from their views; the advisors' board and the vote extension
 * from the deployment's addresses. Nothing here keeps a copy of a rule: windows, thresholds, bonds, the phase and
 * the page size are all read from the contracts.
 */
import { useQuery } from "@tanstack/react-query";
import type { UseQueryResult } from "@tanstack/react-query";
import { erc20Abi, formatUnits, keccak256, parseEventLogs, parseUnits, toBytes, zeroAddress } from "viem";
import type { Address, Hex } from "viem";

import {
  AdvisorBoardAbi,
  CommunityPetitionsAbi,
  CommunityVetoAbi,
  CouncilGovernorAbi,
  MotionPolicyAbi,
  VoteExtensionAbi,
} from "./abi";
import { usePortal } from "./context";
import { readMotionPage } from "./data";
import type { MotionRow } from "./data";
import { titleOf } from "./format";
import { useAccount } from "./wallet";

/** Petition kinds and statuses, in the order of ICommunityPetitions' enums. */
export const PETITION_KINDS = ["Admission", "No-confidence"] as const;
export const PETITION_STATUS = ["None", "Open", "Qualified", "Failed", "Lapsed"] as const;
/** The advisors' recommendations, in the order of IAdvisorBoard.Recommendation (the governor's vote order). */
export const RECOMMENDATIONS = ["Against", "For", "Abstain"] as const;

/** Petitions the page lists: the latest ones. */
export const PETITIONS_SHOWN = 50n;
/** Motions the veto section scans for membership motions: the latest ones. */
export const MOTIONS_SCANNED = 50n;

/** The stake asset the community locks: the native coin, or the vault's ERC-20. */
export interface Asset {
  address: Address;
  native: boolean;
  symbol: string;
  decimals: number;
}

/** An amount of the asset in its units, grouped: "6,000,000". */
export function assetUnits(amount: bigint, asset: Asset): string {
  const [whole, fraction] = formatUnits(amount, asset.decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction.slice(0, 6)}`;
}

/** Reads an amount typed in the asset's units ("6000000", "6,000,000.5"); a one-line reason when it is not one. */
export function parseAssetAmount(text: string, asset: Asset): bigint | string | undefined {
  const t = text
    .trim()
    .replace(/,/g, "")
    .replace(new RegExp(`\\s*${asset.symbol}$`, "i"), "");
  if (t === "") return undefined;
  if (!/^\d+(\.\d+)?$/.test(t))
    return `“${text.trim()}” is not an amount of ${asset.symbol}: type a number, e.g. 1000000`;
  const [, fraction = ""] = t.split(".");
  if (fraction.length > asset.decimals) return `${asset.symbol} has at most ${asset.decimals} decimals`;
  const amount = parseUnits(t, asset.decimals);
  if (amount === 0n) return `Type an amount above 0 ${asset.symbol}`;
  return amount;
}

export interface Community {
  petitions: Address;
  /** Undefined when the policy names no veto contract. */
  veto?: Address;
  asset: Asset;
  window: bigint;
  threshold: bigint;
  bond: bigint;
  /** Support below threshold / this forfeits the bond. */
  tinySupportDivisor: bigint;
  /** An admission petition closes at least this long before its application's sponsorship window. */
  settlementTime: bigint;
  maxDescription: bigint;
  petitionCount: bigint;
  vetoOn: boolean;
  vetoWindow: bigint;
  vetoThreshold: bigint;
  /** Whether the veto window fits the Admission and No-confidence timelock delays (the policy's answer). */
  vetoWindowFits: boolean;
}

/** The community contracts and their rules; `undefined` data when the deployment has none. */
export function useCommunity(): UseQueryResult<Community | null> {
  const { client, config } = usePortal();
  return useQuery({
    queryKey: ["community"],
    queryFn: async (): Promise<Community | null> => {
      const [petitions, veto] = await client.readContract({
        address: config.addresses.policy,
        abi: MotionPolicyAbi,
        functionName: "community",
      });
      if (petitions === zeroAddress) return null;
      const p = { address: petitions, abi: CommunityPetitionsAbi } as const;
      const hasVeto = veto !== zeroAddress;
      const v = { address: veto, abi: CommunityVetoAbi } as const;
      const [asset, window, threshold, bond, divisor, settlementTime, maxDescription, petitionCount] =
        await Promise.all([
          client.readContract({ ...p, functionName: "asset" }),
          client.readContract({ ...p, functionName: "window" }),
          client.readContract({ ...p, functionName: "threshold" }),
          client.readContract({ ...p, functionName: "bond" }),
          client.readContract({ ...p, functionName: "TINY_SUPPORT_DIVISOR" }),
          client.readContract({ ...p, functionName: "SETTLEMENT_TIME" }),
          client.readContract({ ...p, functionName: "MAX_DESCRIPTION_LENGTH" }),
          client.readContract({ ...p, functionName: "petitionCount" }),
        ]);
      const [[vetoOn, vetoWindow], vetoThreshold] = hasVeto
        ? await Promise.all([
            client.readContract({ ...v, functionName: "vetoPhase" }),
            client.readContract({ ...v, functionName: "threshold" }),
          ])
        : [[false, 0n] as const, 0n];
      const vetoWindowFits = hasVeto
        ? await client.readContract({
            address: config.addresses.policy,
            abi: MotionPolicyAbi,
            functionName: "vetoWindowFits",
            args: [vetoWindow],
          })
        : false;
      const native = asset === zeroAddress;
      const [symbol, decimals] = native
        ? [config.coin, 18]
        : await Promise.all([
            client.readContract({ address: asset, abi: erc20Abi, functionName: "symbol" }),
            client.readContract({ address: asset, abi: erc20Abi, functionName: "decimals" }),
          ]);
      return {
        petitions,
        veto: hasVeto ? veto : undefined,
        asset: { address: asset, native, symbol, decimals },
        window,
        threshold,
        bond,
        tinySupportDivisor: divisor,
        settlementTime,
        maxDescription,
        petitionCount,
        vetoOn,
        vetoWindow,
        vetoThreshold,
        vetoWindowFits,
      };
    },
  });
}

/** One petition, with its motion description and the connected account's lock. */
export interface PetitionRow {
  id: bigint;
  kind: (typeof PETITION_KINDS)[number];
  status: (typeof PETITION_STATUS)[number];
  bondForfeited: boolean;
  bondReclaimed: boolean;
  closesAt: bigint;
  opener: Address;
  subject: bigint;
  threshold: bigint;
  bond: bigint;
  support: bigint;
  opposition: bigint;
  motionId: bigint;
  description: string;
  lock?: { amount: bigint; support: boolean; withdrawn: boolean };
}

/** The latest petitions, newest first (at most PETITIONS_SHOWN), in one batch. */
export function usePetitions(community: Community | null | undefined): UseQueryResult<PetitionRow[]> {
  const { client } = usePortal();
  const { address } = useAccount();
  return useQuery({
    queryKey: [
      "petitions",
      community?.petitions ?? "",
      String(community?.petitionCount ?? 0n),
      address ?? "",
    ],
    enabled: community !== undefined && community !== null,
    queryFn: async (): Promise<PetitionRow[]> => {
      const c = community as Community;
      const p = { address: c.petitions, abi: CommunityPetitionsAbi } as const;
      const ids: bigint[] = [];
      for (let id = c.petitionCount; id > 0n && ids.length < Number(PETITIONS_SHOWN); id--) ids.push(id);
      return Promise.all(
        ids.map(async (id) => {
          const [record, description, lock] = await Promise.all([
            client.readContract({ ...p, functionName: "petition", args: [id] }),
            client.readContract({ ...p, functionName: "motionDescription", args: [id] }),
            address === undefined
              ? Promise.resolve(undefined)
              : client.readContract({ ...p, functionName: "lockOf", args: [id, address] }),
          ]);
          return {
            id,
            kind: PETITION_KINDS[record.kind] ?? "Admission",
            status: PETITION_STATUS[record.status] ?? "None",
            bondForfeited: record.bondForfeited,
            bondReclaimed: record.bondReclaimed,
            closesAt: BigInt(record.closesAt),
            opener: record.opener,
            subject: record.subjectMemberId,
            threshold: record.threshold,
            bond: record.bond,
            support: record.support,
            opposition: record.opposition,
            motionId: record.motionId,
            description,
            lock: lock === undefined || lock.amount === 0n ? undefined : { ...lock },
          };
        }),
      );
    },
  });
}

/** A membership motion the veto section shows: queued (vetoable) or with a campaign. */
export interface VetoRow {
  motion: MotionRow;
  descriptionHash?: Hex;
  title: string;
  campaign: { windowEnd: bigint; vetoed: boolean; support: bigint; opposition: bigint };
  lock?: { amount: bigint; support: boolean; withdrawn: boolean };
}

/**
 * Admission and No-confidence motions among the latest MOTIONS_SCANNED that are queued or have a veto campaign,
 * with the campaign, the connected account's lock, and the description hash a lock names.
 */
export function useVetoMotions(community: Community | null | undefined): UseQueryResult<VetoRow[]> {
  const { client, config } = usePortal();
  const { address } = useAccount();
  return useQuery({
    queryKey: ["vetoMotions", community?.veto ?? "", address ?? ""],
    enabled: community?.veto !== undefined,
    queryFn: async (): Promise<VetoRow[]> => {
      const veto = { address: (community as Community).veto as Address, abi: CommunityVetoAbi } as const;
      const count = await client.readContract({
        address: config.addresses.governor,
        abi: CouncilGovernorAbi,
        functionName: "proposalCount",
      });
      const first = count > MOTIONS_SCANNED ? count - MOTIONS_SCANNED + 1n : 1n;
      const page = count === 0n ? [] : await readMotionPage(client, config, first, count - first + 1n);
      const membership = page.filter(
        (m) => m.motionClass === "Admission" || m.motionClass === "No-confidence",
      );
      const rows = await Promise.all(
        membership.map(async (motion) => {
          const [campaign, lock] = await Promise.all([
            client.readContract({ ...veto, functionName: "campaign", args: [motion.id] }),
            address === undefined
              ? Promise.resolve(undefined)
              : client.readContract({ ...veto, functionName: "lockOf", args: [motion.id, address] }),
          ]);
          return { motion, campaign, lock };
        }),
      );
      const shown = rows.filter((r) => r.motion.state === "Queued" || r.campaign.windowEnd !== 0);
      return Promise.all(
        shown.map(async ({ motion, campaign, lock }) => {
          const logs = await client.getLogs({
            address: config.addresses.governor,
            fromBlock: motion.createdBlock,
            toBlock: motion.createdBlock,
          });
          const created = parseEventLogs({
            abi: CouncilGovernorAbi,
            logs,
            eventName: "ProposalCreated",
          }).find((l) => l.args.proposalId === motion.id);
          const description = created?.args.description;
          return {
            motion,
            descriptionHash:
              campaign.windowEnd !== 0
                ? campaign.descriptionHash
                : description === undefined
                  ? undefined
                  : keccak256(toBytes(description)),
            title: description === undefined ? `motion ${motion.id}` : titleOf(description),
            campaign: {
              windowEnd: BigInt(campaign.windowEnd),
              vetoed: campaign.vetoed,
              support: campaign.support,
              opposition: campaign.opposition,
            },
            lock: lock === undefined || lock.amount === 0n ? undefined : { ...lock },
          };
        }),
      );
    },
  });
}

/** The connected account's allowance to `spender` in ERC-20 mode (undefined in native mode or disconnected). */
export function useAllowance(asset: Asset | undefined, spender: Address | undefined): bigint | undefined {
  const { client } = usePortal();
  const { address } = useAccount();
  return useQuery({
    queryKey: ["allowance", asset?.address ?? "", spender ?? "", address ?? ""],
    enabled: asset !== undefined && !asset.native && spender !== undefined && address !== undefined,
    queryFn: () =>
      client.readContract({
        address: (asset as Asset).address,
        abi: erc20Abi,
        functionName: "allowance",
        args: [address as Address, spender as Address],
      }),
  }).data;
}

/** An advisor's opinion, with the advisor's name ("" once removed). */
export interface OpinionRow {
  advisor: Address;
  name: string;
  recommendation: (typeof RECOMMENDATIONS)[number];
  filedAt: bigint;
  contentHash: Hex;
  uri: string;
}

/** The advisors' opinions on a motion (read in pages of the board's MAX_PAGE), and whether the account advises. */
export function useOpinions(
  proposalId: bigint,
): UseQueryResult<{ opinions: OpinionRow[]; isAdvisor: boolean; filed: boolean } | null> {
  const { client, config } = usePortal();
  const { address } = useAccount();
  const board = config.addresses.advisors;
  return useQuery({
    queryKey: ["opinions", board ?? "", String(proposalId), address ?? ""],
    queryFn: async () => {
      if (board === undefined) return null;
      const b = { address: board, abi: AdvisorBoardAbi } as const;
      const [count, page, isAdvisor, mine] = await Promise.all([
        client.readContract({ ...b, functionName: "opinionCount", args: [proposalId] }),
        client.readContract({ ...b, functionName: "MAX_PAGE" }),
        address === undefined
          ? Promise.resolve(false)
          : client.readContract({ ...b, functionName: "isAdvisor", args: [address] }),
        address === undefined
          ? Promise.resolve(undefined)
          : client.readContract({ ...b, functionName: "opinionOf", args: [proposalId, address] }),
      ]);
      const pages: Promise<
        readonly {
          advisor: Address;
          recommendation: number;
          filedAt: number;
          contentHash: Hex;
          uri: string;
        }[]
      >[] = [];
      for (let offset = 0n; offset < count; offset += page) {
        pages.push(client.readContract({ ...b, functionName: "opinions", args: [proposalId, offset, page] }));
      }
      const list = (await Promise.all(pages)).flat();
      const names = await Promise.all(
        list.map((o) => client.readContract({ ...b, functionName: "advisorName", args: [o.advisor] })),
      );
      return {
        opinions: list.map((o, i) => ({
          advisor: o.advisor,
          name: names[i],
          recommendation: RECOMMENDATIONS[o.recommendation] ?? "Abstain",
          filedAt: BigInt(o.filedAt),
          contentHash: o.contentHash,
          uri: o.uri,
        })),
        isAdvisor,
        filed: mine?.[0] ?? false,
      };
    },
  });
}

/** A motion's extension: calls so far, calls needed, the granted deadline (0 until extended), the frozen amount. */
export function useExtension(
  proposalId: bigint,
): UseQueryResult<{ calls: bigint; needed: bigint; extendedDeadline: bigint; amount: bigint } | null> {
  const { client, config } = usePortal();
  const ext = config.addresses.voteExtension;
  return useQuery({
    queryKey: ["extension", ext ?? "", String(proposalId)],
    queryFn: async () => {
      if (ext === undefined) return null;
      const e = { address: ext, abi: VoteExtensionAbi } as const;
      const [[calls, needed, extendedDeadline], amount] = await Promise.all([
        client.readContract({ ...e, functionName: "extensionStatus", args: [proposalId] }),
        client.readContract({ ...e, functionName: "motionExtensionAmount", args: [proposalId] }),
      ]);
      return { calls, needed, extendedDeadline, amount };
    },
  });
}
