/** The council: one sortable row per member, with totals and both quorum bases. */
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";

import { StakeVaultAbi, coinUnits } from "../abi";
import { usePortal } from "../context";
import { blockTimes } from "../chain";
import { useCouncil, useHistory, useMotionCount, useMotionPage, voterMembers } from "../data";
import type { MemberRow } from "../data";
import { CLASS_NAMES, bps, formatDate, percent, shortAddress } from "../format";
import { Addr, Failed, HistoryGaps, Loading, MemberLink, MetadataLinks } from "../ui/common";

type Key = "name" | "status" | "joined" | "stake" | "votes" | "participation" | "lastVote" | "id";

interface Row extends MemberRow {
  couldVote: number;
  voted: number;
  lastVote: bigint;
}

function pairKey(memberId: bigint, snapshot: bigint): string {
  return `${memberId}@${snapshot}`;
}

function ceilShare(value: bigint, bpsValue: number): bigint {
  return (value * BigInt(bpsValue) + 9999n) / 10000n;
}

export default function CouncilPage() {
  const { config, client } = usePortal();
  const council = useCouncil();
  const history = useHistory();
  const count = useMotionCount();
  const motions = useMotionPage(1n, count.data ?? 0n, count.data !== undefined);
  // A motion canceled before its vote opened was never open to anyone: the cancel's block time says when.
  const cancels = useMemo(
    () => (history.data?.events ?? []).filter((e) => e.eventName === "ProposalCanceled"),
    [history.data],
  );
  const cancelTimes = useQuery({
    queryKey: ["blockTimes", cancels.map((e) => String(e.blockNumber)).join(",")],
    enabled: cancels.length > 0,
    queryFn: () =>
      blockTimes(
        client,
        cancels.map((e) => e.blockNumber),
      ),
  });
  // Motions whose vote opened: not Pending, and not canceled before their snapshot (no one could vote on those).
  const ended = useMemo(() => {
    const canceledAt = new Map<bigint, bigint>();
    for (const e of cancels) canceledAt.set(e.args.proposalId as bigint, cancelTimes.data?.get(e.blockNumber) ?? 0n);
    return (motions.data ?? []).filter((m) => {
      if (m.state === "Pending") return false;
      const at = canceledAt.get(m.id);
      return at === undefined || at > m.snapshot;
    });
  }, [motions.data, cancels, cancelTimes.data]);
  // A member could vote on a motion iff it had votes at the motion's snapshot (and was not its excluded member). The
  // vault gives votes only to Active members, so only the snapshots inside a member's membership are asked, all in
  // one batched read.
  const pairs = useMemo(() => {
    const out = new Map<string, [bigint, bigint]>();
    for (const m of council.data?.members ?? []) {
      if (m.joinedAt === 0) continue;
      for (const x of ended) {
        if (x.snapshot >= BigInt(m.joinedAt) && (m.leftAt === 0 || x.snapshot < BigInt(m.leftAt)))
          out.set(pairKey(m.id, x.snapshot), [m.id, x.snapshot]);
      }
    }
    return [...out.values()];
  }, [council.data, ended]);
  const pastVotes = useQuery({
    queryKey: ["pastMemberVotes", pairs.map(([id, at]) => pairKey(id, at)).join(",")],
    enabled:
      council.data !== undefined &&
      motions.data !== undefined &&
      history.data !== undefined &&
      (cancels.length === 0 || cancelTimes.data !== undefined),
    queryFn: async () => {
      const votes = await Promise.all(
        pairs.map(([id, at]) =>
          client.readContract({
            address: config.addresses.vault,
            abi: StakeVaultAbi,
            functionName: "getPastMemberVotes",
            args: [id, at],
          }),
        ),
      );
      return new Map(pairs.map(([id, at], i) => [pairKey(id, at), votes[i] > 0n]));
    },
  });
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>({ key: "id", desc: false });

  const rows = useMemo<Row[]>(() => {
    if (council.data === undefined) return [];
    const events = history.data?.events ?? [];
    const voters = voterMembers(council.data, events);
    const votedBy = new Map<bigint, Set<bigint>>();
    const lastVote = new Map<bigint, bigint>();
    const times = new Map<bigint, bigint>();
    for (const e of events) {
      if (e.eventName === "ProposalCreated") times.set(e.args.proposalId as bigint, e.args.voteStart as bigint);
      if (e.eventName === "VoteCast") {
        const member = voters.get(String(e.args.voter).toLowerCase());
        if (member === undefined) continue;
        const set = votedBy.get(member) ?? new Set<bigint>();
        set.add(e.args.proposalId as bigint);
        votedBy.set(member, set);
        lastVote.set(member, e.args.proposalId as bigint);
      }
    }
    const canceledAt = new Map<bigint, bigint>();
    for (const e of cancels) canceledAt.set(e.args.proposalId as bigint, cancelTimes.data?.get(e.blockNumber) ?? 0n);
    return council.data.members.map((m) => {
      const could = ended.filter(
        (x) => pastVotes.data?.get(pairKey(m.id, x.snapshot)) === true && x.excludedMemberId !== m.id,
      );
      const voted = could.filter((x) => votedBy.get(m.id)?.has(x.id) === true).length;
      return { ...m, couldVote: could.length, voted, lastVote: lastVote.get(m.id) ?? 0n };
    });
  }, [council.data, history.data, ended, pastVotes.data]);

  const sorted = useMemo(() => {
    const value = (r: Row): string | bigint | number => {
      switch (sort.key) {
        case "name":
          return r.name.toLowerCase();
        case "status":
          return r.status;
        case "joined":
          return r.joinedAt;
        case "stake":
          return r.stake;
        case "votes":
          return r.votes;
        case "participation":
          return r.couldVote === 0 ? -1 : r.voted / r.couldVote;
        case "lastVote":
          return r.lastVote;
        default:
          return r.id;
      }
    };
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = x < y ? -1 : x > y ? 1 : 0;
      return sort.desc ? -c : c;
    });
  }, [rows, sort]);

  if (council.isPending) return <Loading what="the council" />;
  if (council.isError) return <Failed what="the council" error={council.error} />;
  const c = council.data;

  function header(key: Key, label: string, num = false) {
    const active = sort.key === key;
    return (
      <th className={num ? "num" : undefined} aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"}>
        <button type="button" className="sort" onClick={() => setSort({ key, desc: active ? !sort.desc : false })}>
          {label}
          {active ? (sort.desc ? " ▼" : " ▲") : ""}
        </button>
      </th>
    );
  }

  return (
    <>
      <h1>Council</h1>
      <HistoryGaps history={history.data} />
      <section aria-labelledby="totals">
        <h2 id="totals">Totals</h2>
        <dl aria-label="Council totals">
          <dt>Members</dt>
          <dd data-testid="total-members">{c.activeCount.toString()} active</dd>
          <dt>Eligible members</dt>
          <dd data-testid="total-eligible">{c.eligibleCount.toString()}</dd>
          <dt>Total stake</dt>
          <dd data-testid="total-stake">
            {coinUnits(c.totalStaked)} {config.coin}
          </dd>
          <dt>Total votes</dt>
          <dd data-testid="total-votes">{c.totalVotes.toString()}</dd>
          <dt>Quorum bases</dt>
          <dd>
            {c.eligibleCount.toString()} eligible members and {c.totalVotes.toString()} votes (the values a motion
            snapshots). Quorum:{" "}
            {CLASS_NAMES.slice(0, 3)
              .map((name, i) => {
                const cfg = c.classConfigs[i];
                return `${name} ${ceilShare(c.eligibleCount, cfg.memberQuorumBps)} members (${bps(cfg.memberQuorumBps)}) or ${ceilShare(c.totalVotes, cfg.voteQuorumBps)} votes (${bps(cfg.voteQuorumBps)})`;
              })
              .join("; ")}
            .
          </dd>
        </dl>
      </section>
      <h2>Members</h2>
      <div style={{ overflowX: "auto" }}>
        <table aria-label="Council">
          <thead>
            <tr>
              {header("id", "Id", true)}
              {header("name", "Member")}
              {header("status", "Status")}
              {header("joined", "Joined")}
              <th>Admin</th>
              <th>Voter</th>
              <th>Nodes</th>
              {header("stake", "Stake", true)}
              {header("votes", "Votes", true)}
              <th className="num">Share</th>
              <th>Eligible</th>
              {header("participation", "Participation", true)}
              {header("lastVote", "Last vote", true)}
            </tr>
          </thead>
          <tbody>
            {sorted.map((m) => (
              <tr key={m.id.toString()} data-member-id={m.id.toString()}>
                <td className="num">{m.id.toString()}</td>
                <td>
                  <MemberLink id={m.id}>{m.name}</MemberLink>
                  <br />
                  <MetadataLinks uri={m.metadataURI} />
                </td>
                <td data-col="status">{m.status}</td>
                <td>{formatDate(m.joinedAt)}</td>
                <td>
                  <Addr address={m.admin} />
                </td>
                <td>
                  <Addr address={m.voter} />
                </td>
                <td>
                  {m.nodes.length === 0
                    ? "—"
                    : m.nodes.map((n) => (
                        <code key={n} title={n} style={{ display: "block" }}>
                          {shortAddress(n)}
                        </code>
                      ))}
                </td>
                <td className="num" data-col="stake">
                  {coinUnits(m.stake)} {config.coin}
                </td>
                <td className="num" data-col="votes">
                  {m.votes.toString()}
                </td>
                <td className="num">{percent(m.votes, c.totalVotes)}</td>
                <td data-col="eligible">{m.eligible ? "yes" : "no"}</td>
                <td className="num" data-col="participation">
                  {pastVotes.data === undefined
                    ? "…"
                    : m.couldVote === 0
                      ? "—"
                      : `${m.voted}/${m.couldVote} (${Math.round((m.voted * 100) / m.couldVote)} %)`}
                </td>
                <td className="num">
                  {m.lastVote === 0n ? "—" : <a href={`#/motions/${m.lastVote}`}>motion {m.lastVote.toString()}</a>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
