/** A member's profile: record, stake and votes over time, votes with reasons, motions, sponsorships, rotations, contact. */
import { useQuery } from "@tanstack/react-query";
import { Suspense, lazy, useMemo } from "react";
import { useParams } from "react-router";

import { StakeVaultAbi, coinUnits } from "../abi";
import { blockTimes } from "../chain";
import { usePortal } from "../context";
import { useCouncil, useHistory, useNow, voterMembers } from "../data";
import { SUPPORT_NAMES, formatDate, formatTime, titleOf } from "../format";
import { useStakeSource } from "../kaia";
import { stakeHistory } from "../stake";
import { Addr, Failed, HistoryGaps, Loading, MetadataLinks } from "../ui/common";

const Chart = lazy(() => import("../ui/Chart"));

export default function MemberPage() {
  const params = useParams();
  const id = /^\d+$/.test(params.id ?? "") ? BigInt(params.id as string) : 0n;
  const { client, config } = usePortal();
  const council = useCouncil();
  const history = useHistory();
  // A Kaia stake source bonds nothing, so nothing unbonds: the figure is shown for a bonded vault only.
  const bonded = useStakeSource().data === null;
  const now = useNow();
  const member = council.data?.members.find((m) => m.id === id);

  const events = history.data?.events ?? [];
  const view = useMemo(() => {
    if (council.data === undefined || member === undefined) return undefined;
    const voters = voterMembers(council.data, events);
    const mineVoter = (a: unknown) => voters.get(String(a).toLowerCase()) === id;
    const titles = new Map<bigint, string>();
    for (const e of events)
      if (e.eventName === "ProposalCreated")
        titles.set(e.args.proposalId as bigint, titleOf(String(e.args.description)));
    return {
      votes: events.filter((e) => e.eventName === "VoteCast" && mineVoter(e.args.voter)),
      proposed: events.filter((e) => e.eventName === "ProposalCreated" && mineVoter(e.args.proposer)),
      sponsored: events.filter(
        (e) =>
          e.eventName === "MembershipMotionProposed" && mineVoter(e.args.sponsor) && Number(e.args.motionClass) === 3,
      ),
      rotations: events.filter(
        (e) => (e.eventName === "VoterChanged" || e.eventName === "AdminChanged") && e.args.memberId === id,
      ),
      stake: stakeHistory(events, id),
      titles,
    };
  }, [council.data, member, events, id]);

  // Votes over time from the vault's checkpoints (sampled), stake from its events.
  const series = useQuery({
    queryKey: ["memberSeries", String(id), String(now ?? 0n), String(view?.stake.length ?? 0)],
    enabled: member !== undefined && now !== undefined && view !== undefined,
    queryFn: async () => {
      const start = BigInt(member?.appliedAt ?? 0);
      const end = (now as bigint) - 1n;
      const samples = 24;
      const points = Array.from(
        { length: samples + 1 },
        (_, i) => start + ((end - start) * BigInt(i)) / BigInt(samples),
      );
      const votes = await Promise.all(
        points.map((t) =>
          client
            .readContract({
              address: config.addresses.vault,
              abi: StakeVaultAbi,
              functionName: "getPastMemberVotes",
              args: [id, t],
            })
            .catch(() => 0n),
        ),
      );
      const stake = view?.stake ?? [];
      const times = await blockTimes(
        client,
        stake.map((p) => p.blockNumber),
      );
      const stakePoints = stake.map((p): [number, number] => [
        Number(times.get(p.blockNumber) ?? 0n),
        Number(p.stake / 10n ** 15n) / 1000,
      ]);
      if (stakePoints.length > 0) stakePoints.push([Number(end), stakePoints[stakePoints.length - 1][1]]);
      return { votes: points.map((t, i) => [Number(t), Number(votes[i])] as [number, number]), stake: stakePoints };
    },
  });

  if (id === 0n) return <p role="alert">Member ids are numbers.</p>;
  if (council.isPending) return <Loading what={`member ${id}`} />;
  if (council.isError) return <Failed what={`member ${id}`} error={council.error} />;
  if (member === undefined)
    return (
      <p role="alert">
        No member {id.toString()}: members are numbered 1 to {council.data.members.length}.
      </p>
    );

  return (
    <>
      <h1>{member.name}</h1>
      <HistoryGaps history={history.data} />
      <dl>
        <dt>Member id</dt>
        <dd>{member.id.toString()}</dd>
        <dt>Status</dt>
        <dd>{member.status}</dd>
        <dt>Applied / joined / left</dt>
        <dd>
          {formatDate(member.appliedAt)} / {formatDate(member.joinedAt)} / {formatDate(member.leftAt)}
        </dd>
        <dt>Admin</dt>
        <dd>
          <Addr address={member.admin} />
        </dd>
        <dt>Voter</dt>
        <dd>
          <Addr address={member.voter} />
        </dd>
        <dt>Nodes</dt>
        <dd>
          {member.nodes.length === 0
            ? "—"
            : member.nodes.map((n) => (
                <code key={n} style={{ display: "block" }}>
                  {n}
                </code>
              ))}
        </dd>
        <dt>Stake</dt>
        <dd data-testid="member-stake">
          {coinUnits(member.stake)} {config.coin}
          {bonded && ` (${coinUnits(member.pending)} unbonding)`}
        </dd>
        <dt>Votes</dt>
        <dd data-testid="member-votes">
          {member.votes.toString()} ({member.eligible ? "eligible" : "not eligible"})
        </dd>
        <dt>Contact</dt>
        <dd>
          <MetadataLinks uri={member.metadataURI} />
        </dd>
      </dl>
      <section aria-labelledby="over-time">
        <h2 id="over-time">Stake and votes over time</h2>
        {series.isError ? (
          <Failed what="the checkpoints" error={series.error} />
        ) : series.data === undefined ? (
          <Loading what="the checkpoints" />
        ) : (
          <Suspense fallback={<p role="status">Loading chart…</p>}>
            <div className="grid">
              <Chart
                title="Votes (vault checkpoints)"
                xLabel="date"
                yLabel="votes"
                formatX={formatDate}
                formatY={(y) => String(Math.round(y))}
                series={[{ name: "votes", color: "#0b4fa8", points: series.data.votes }]}
              />
              <Chart
                title={`Stake (${config.coin}, from vault events)`}
                xLabel="date"
                yLabel={config.coin}
                formatX={formatDate}
                formatY={(y) => y.toLocaleString("en-US")}
                series={[{ name: "stake", color: "#0b6b2b", points: series.data.stake, stepped: true }]}
              />
            </div>
          </Suspense>
        )}
      </section>
      <section aria-labelledby="member-votes">
        <h2 id="member-votes">Votes cast</h2>
        {view === undefined || view.votes.length === 0 ? (
          <p>No votes yet.</p>
        ) : (
          <table aria-label="Votes cast by this member">
            <thead>
              <tr>
                <th>Motion</th>
                <th>Vote</th>
                <th className="num">Weight</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {view.votes.map((e) => (
                <tr key={`${e.transactionHash}-${e.logIndex}`}>
                  <td>
                    <a href={`#/motions/${String(e.args.proposalId)}`}>
                      {String(e.args.proposalId)}: {view.titles.get(e.args.proposalId as bigint) ?? ""}
                    </a>
                  </td>
                  <td>{SUPPORT_NAMES[Number(e.args.support)]}</td>
                  <td className="num">{String(e.args.weight)}</td>
                  <td>{String(e.args.reason) || <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="proposed">
        <h2 id="proposed">Motions proposed</h2>
        {view === undefined || view.proposed.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {view.proposed.map((e) => (
              <li key={String(e.args.proposalId)}>
                <a href={`#/motions/${String(e.args.proposalId)}`}>
                  {String(e.args.proposalId)}: {titleOf(String(e.args.description))}
                </a>
              </li>
            ))}
          </ul>
        )}
        <h2>Candidates sponsored</h2>
        {view === undefined || view.sponsored.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {view.sponsored.map((e) => {
              const cand = council.data.members.find((m) => m.id === e.args.memberId);
              return (
                <li key={String(e.args.proposalId)}>
                  {cand?.name ?? `member ${String(e.args.memberId)}`} —{" "}
                  <a href={`#/motions/${String(e.args.proposalId)}`}>motion {String(e.args.proposalId)}</a>
                </li>
              );
            })}
          </ul>
        )}
        <h2>Key rotations</h2>
        {view === undefined || view.rotations.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {view.rotations.map((e) => (
              <li key={`${e.transactionHash}-${e.logIndex}`}>
                {e.eventName === "VoterChanged" ? "Voter" : "Admin"}:{" "}
                {/^0x0{40}$/i.test(String(e.args.previousVoter ?? e.args.previousAdmin)) ? (
                  "first set to "
                ) : (
                  <>
                    <Addr address={String(e.args.previousVoter ?? e.args.previousAdmin)} /> →{" "}
                  </>
                )}
                <Addr address={String(e.args.newVoter ?? e.args.newAdmin)} /> (block {e.blockNumber.toString()})
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="muted">Record read at {now !== undefined ? formatTime(now) : "…"}.</p>
    </>
  );
}
