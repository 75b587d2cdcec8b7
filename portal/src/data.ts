/**
 * What the pages read, as TanStack queries. Reads go through the batching client, so the calls of one query travel
 * in one HTTP request; motions come from the lens; history from the chunked log reader.
 */
import { useQuery } from "@tanstack/react-query";
import type { UseQueryResult } from "@tanstack/react-query";
import { parseEventLogs } from "viem";
import type { Address, ContractFunctionReturnType, Hex, PublicClient } from "viem";

import {
  CouncilGovernorAbi,
  CouncilGovernorLensAbi,
  CouncilRegistryAbi,
  MotionPolicyAbi,
  StakeVaultAbi,
} from "./abi";
import { CONTRACT_KEYS, DEPLOYED_CONTRACTS } from "../../scripts/ops/system.js";
import { readHistory } from "./chain";
import type { History, SystemEvent } from "./chain";
import type { PortalConfig } from "./config";
import { usePortal } from "./context";
import { CLASS_NAMES, MEMBER_STATUS, STATE_NAMES } from "./format";
import type { MemberStatusName } from "./format";
import type { ClassName, NameBook, StateName } from "./format";
import { useSystem } from "./system";

/** The chain's current time (latest block timestamp). */
export function useNow(): bigint | undefined {
  const { client } = usePortal();
  return useQuery({
    queryKey: ["now"],
    queryFn: async () => (await client.getBlock()).timestamp,
    refetchInterval: 15_000,
  }).data;
}

export interface MemberRow {
  id: bigint;
  name: string;
  metadataURI: string;
  admin: Address;
  voter: Address;
  nodes: readonly Address[];
  status: MemberStatusName;
  appliedAt: number;
  joinedAt: number;
  leftAt: number;
  stake: bigint;
  pending: bigint;
  votes: bigint;
  eligible: boolean;
  applicationOpen: boolean;
}

export interface ClassConfig {
  votingDelay: number;
  votingPeriod: number;
  timelockDelay: number;
  memberQuorumBps: number;
  voteQuorumBps: number;
  approvalNumerator: number;
  approvalDenominator: number;
}

export interface Council {
  members: MemberRow[];
  activeCount: bigint;
  eligibleCount: bigint;
  totalStaked: bigint;
  totalVotes: bigint;
  stakeUnit: bigint;
  sponsorshipWindow: bigint;
  unbondingPeriod: bigint;
  withdrawalWindow: bigint;
  classConfigs: ClassConfig[];
  secretariat: Address;
  guardian: Address;
  guardianTermEnd: bigint;
}

/** Every record, with stake and votes, and the council's totals: one batch. */
export function useCouncil(): UseQueryResult<Council> {
  const { client, config } = usePortal();
  const { registry, vault, policy, governor } = config.addresses;
  return useQuery({
    queryKey: ["council"],
    queryFn: async (): Promise<Council> => {
      const r = { address: registry, abi: CouncilRegistryAbi } as const;
      const v = { address: vault, abi: StakeVaultAbi } as const;
      const g = { address: governor, abi: CouncilGovernorAbi } as const;
      const [count, activeCount, eligibleCount, totalStaked, totalVotes, stakeUnit, sponsorshipWindow] =
        await Promise.all([
          client.readContract({ ...r, functionName: "memberCount" }),
          client.readContract({ ...r, functionName: "activeMemberCount" }),
          client.readContract({ ...v, functionName: "eligibleCount" }),
          client.readContract({ ...v, functionName: "totalStaked" }),
          client.readContract({ ...v, functionName: "totalVotes" }),
          client.readContract({ ...v, functionName: "stakeUnit" }),
          client.readContract({ ...r, functionName: "sponsorshipWindow" }),
        ]);
      const ids = Array.from({ length: Number(count) }, (_, i) => BigInt(i + 1));
      const [members, extras, configs, rest] = await Promise.all([
        Promise.all(ids.map((id) => client.readContract({ ...r, functionName: "getMember", args: [id] }))),
        Promise.all(
          ids.map((id) =>
            Promise.all([
              client.readContract({ ...v, functionName: "stakeOf", args: [id] }),
              client.readContract({ ...v, functionName: "pendingOf", args: [id] }),
              client.readContract({ ...v, functionName: "memberVotes", args: [id] }),
              client.readContract({ ...v, functionName: "isEligible", args: [id] }),
              client.readContract({ ...r, functionName: "isApplicationOpen", args: [id] }),
            ]),
          ),
        ),
        Promise.all(
          CLASS_NAMES.map((_, i) =>
            client.readContract({
              address: policy,
              abi: MotionPolicyAbi,
              functionName: "classConfig",
              args: [i],
            }),
          ),
        ),
        Promise.all([
          client.readContract({ ...g, functionName: "secretariat" }),
          client.readContract({ ...g, functionName: "guardian" }),
          client.readContract({ ...g, functionName: "guardianTermEnd" }),
          client.readContract({ ...v, functionName: "unbondingPeriod" }),
          client.readContract({ ...v, functionName: "withdrawalWindow" }),
        ]),
      ]);
      return {
        members: members.map((m, i) => ({
          id: m.id,
          name: m.name,
          metadataURI: m.metadataURI,
          admin: m.admin,
          voter: m.voter,
          nodes: m.nodes,
          status: MEMBER_STATUS[m.status] ?? "None",
          appliedAt: Number(m.appliedAt),
          joinedAt: Number(m.joinedAt),
          leftAt: Number(m.leftAt),
          stake: extras[i][0],
          pending: extras[i][1],
          votes: extras[i][2],
          eligible: extras[i][3],
          applicationOpen: extras[i][4],
        })),
        activeCount,
        eligibleCount,
        totalStaked,
        totalVotes,
        stakeUnit,
        sponsorshipWindow,
        classConfigs: configs.map((c) => ({ ...c })),
        secretariat: rest[0],
        guardian: rest[1],
        guardianTermEnd: rest[2],
        unbondingPeriod: rest[3],
        withdrawalWindow: rest[4],
      };
    },
  });
}

/** Names for addresses: system contracts, members' admin and voter accounts, the secretariat. */
export function useNames(): NameBook {
  const { config } = usePortal();
  const council = useCouncil().data;
  const history = useHistory().data;
  const { system } = useSystem();
  const book: NameBook = new Map();
  for (const key of CONTRACT_KEYS) book.set(config.addresses[key].toLowerCase(), DEPLOYED_CONTRACTS[key]);
  for (const c of system ?? []) if (c.address !== undefined) book.set(c.address.toLowerCase(), c.name);
  if (council !== undefined) {
    for (const m of council.members) {
      book.set(m.admin.toLowerCase(), `${m.name} (admin)`);
      book.set(m.voter.toLowerCase(), `${m.name} (voter)`);
    }
    for (const e of history?.events ?? []) {
      if (e.eventName === "VoterChanged") {
        const m = council.members.find((x) => x.id === e.args.memberId);
        const prev = e.args.previousVoter as string;
        if (m !== undefined && !book.has(prev.toLowerCase()))
          book.set(prev.toLowerCase(), `${m.name} (former voter)`);
      }
    }
    if (!book.has(council.secretariat.toLowerCase()))
      book.set(council.secretariat.toLowerCase(), "Secretariat");
  }
  return book;
}

/** Every system event so far (read in chunks; see chain.ts). */
export function useHistory(): UseQueryResult<History> {
  const { client, config } = usePortal();
  return useQuery({ queryKey: ["history"], queryFn: () => readHistory(client, config), staleTime: 5_000 });
}

/** The member id each voter account ever held (current voters and every previous one). */
export function voterMembers(council: Council, events: SystemEvent[]): Map<string, bigint> {
  const map = new Map<string, bigint>();
  for (const e of events) {
    if (e.eventName === "VoterChanged") {
      map.set(String(e.args.previousVoter).toLowerCase(), e.args.memberId as bigint);
      map.set(String(e.args.newVoter).toLowerCase(), e.args.memberId as bigint);
    }
  }
  for (const m of council.members) map.set(m.voter.toLowerCase(), m.id);
  return map;
}

/** A motion as the lens reports it (`motionDetails`): its fields follow the contract's struct. */
type LensDetails = ContractFunctionReturnType<typeof CouncilGovernorLensAbi, "view", "motionDetails">;

/** A lens motion with its state and class named. */
export type MotionRow = Omit<LensDetails, "proposalId" | "state" | "motionClass"> & {
  id: bigint;
  state: StateName;
  motionClass: ClassName;
};

function row(d: LensDetails): MotionRow {
  return {
    ...d,
    id: d.proposalId,
    state: STATE_NAMES[d.state] ?? "Pending",
    motionClass: CLASS_NAMES[d.motionClass] ?? "Standard",
  };
}

export function useMotionCount(): UseQueryResult<bigint> {
  const { client, config } = usePortal();
  return useQuery({
    queryKey: ["motionCount"],
    queryFn: () =>
      client.readContract({
        address: config.addresses.governor,
        abi: CouncilGovernorAbi,
        functionName: "proposalCount",
      }),
  });
}

/** Up to `count` motions from `firstId`, from the lens, in one call. */
export function useMotionPage(firstId: bigint, count: bigint, enabled = true): UseQueryResult<MotionRow[]> {
  const { client, config } = usePortal();
  return useQuery({
    queryKey: ["motionPage", String(firstId), String(count)],
    enabled,
    queryFn: () => readMotionPage(client, config, firstId, count),
  });
}

/** Up to `count` motions from `firstId`, from the lens (`motionPage`), in one call. */
export async function readMotionPage(
  client: PublicClient,
  config: PortalConfig,
  firstId: bigint,
  count: bigint,
): Promise<MotionRow[]> {
  const page = await client.readContract({
    address: config.addresses.lens,
    abi: CouncilGovernorLensAbi,
    functionName: "motionPage",
    args: [config.addresses.governor, firstId, count],
  });
  return page.map(row);
}

export interface Proposal {
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  description: string;
  voteStart: bigint;
  voteEnd: bigint;
}

/** A motion's details (lens), its actions (ProposalCreated of its block) and its timing context. */
export interface MotionFull {
  motion: MotionRow;
  proposal?: Proposal;
  proposalError?: string;
  createdAt: bigint;
  queueWindow: bigint;
  executionWindow: bigint;
  lateQuorumExtension: bigint;
  codeDigest?: Hex;
  currentDigest?: Hex;
}

export function useMotion(id: bigint): UseQueryResult<MotionFull> {
  const { client, config } = usePortal();
  const g = { address: config.addresses.governor, abi: CouncilGovernorAbi } as const;
  return useQuery({
    queryKey: ["motion", String(id)],
    queryFn: async (): Promise<MotionFull> => {
      const [details, queueWindow, executionWindow, lateQuorumExtension, codeDigest] = await Promise.all([
        client.readContract({
          address: config.addresses.lens,
          abi: CouncilGovernorLensAbi,
          functionName: "motionDetails",
          args: [config.addresses.governor, id],
        }),
        client.readContract({ ...g, functionName: "queueWindow" }),
        client.readContract({ ...g, functionName: "executionWindow" }),
        client.readContract({ ...g, functionName: "lateQuorumVoteExtension" }),
        client.readContract({ ...g, functionName: "proposalCodeDigest", args: [id] }),
      ]);
      const motion = row(details);
      const full: MotionFull = {
        motion,
        createdAt: 0n,
        queueWindow,
        executionWindow,
        lateQuorumExtension: BigInt(lateQuorumExtension),
        codeDigest,
      };
      try {
        const [logs, block] = await Promise.all([
          client.getLogs({
            address: config.addresses.governor,
            fromBlock: motion.createdBlock,
            toBlock: motion.createdBlock,
          }),
          client.getBlock({ blockNumber: motion.createdBlock }),
        ]);
        full.createdAt = block.timestamp;
        const created = parseEventLogs({ abi: CouncilGovernorAbi, logs, eventName: "ProposalCreated" }).find(
          (l) => l.args.proposalId === id,
        );
        if (created === undefined)
          throw new Error(`no ProposalCreated event in block ${motion.createdBlock}`);
        full.proposal = {
          targets: created.args.targets,
          values: created.args.values,
          calldatas: created.args.calldatas,
          description: created.args.description,
          voteStart: created.args.voteStart,
          voteEnd: created.args.voteEnd,
        };
        full.currentDigest = await client.readContract({
          ...g,
          functionName: "codeDigest",
          args: [[...created.args.targets]],
        });
      } catch (e) {
        full.proposalError = `The motion's actions could not be read from block ${motion.createdBlock}: ${String((e as Error).message).split("\n")[0]}`;
      }
      return full;
    },
  });
}
