/**
 * Motions: newest first, 25 to a page from the lens; filters by state and class, which read the lens in chunks of 50
 * until a page of matches is found or the ids run out, with the progress on the page.
 */
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router";

import { usePortal } from "../context";
import { readMotionPage, useHistory, useMotionCount, useMotionPage, useNames, useNow } from "../data";
import type { MotionRow } from "../data";
import { CLASS_NAMES, STATE_NAMES, titleOf } from "../format";
import { Addr, Failed, HistoryGaps, Loading, Progress } from "../ui/common";
import { nextTransition, useWindows } from "../ui/motion";

const PAGE = 25n;
/** Motions read per lens call while looking for a filter's matches. */
const CHUNK = 50n;

/** One lens chunk of a filtered scan, newest first, and the id the next (older) chunk ends at. */
interface Chunk {
  rows: MotionRow[];
  first: bigint;
}

export default function MotionsPage() {
  const { client, config } = usePortal();
  const count = useMotionCount();
  const [page, setPage] = useState(0n);
  const [state, setState] = useState("");
  const [cls, setCls] = useState("");
  const filtered = state !== "" || cls !== "";
  const total = count.data ?? 0n;
  // Unfiltered: one lens page of 25.
  const firstId = total - (page + 1n) * PAGE + 1n > 0n ? total - (page + 1n) * PAGE + 1n : 1n;
  const pageCount = total - page * PAGE - firstId + 1n;
  const motions = useMotionPage(firstId, pageCount > 0n ? pageCount : 0n, count.data !== undefined && !filtered);
  // Filtered: the lens in chunks, newest first, until the page's matches are found or the ids run out. The chunks
  // do not depend on the filters, so changing a filter reuses what was read.
  const scan = useInfiniteQuery({
    queryKey: ["motionScan", String(total)],
    enabled: filtered && count.data !== undefined && total > 0n,
    initialPageParam: total,
    queryFn: async ({ pageParam }): Promise<Chunk> => {
      const first = pageParam - CHUNK + 1n > 0n ? pageParam - CHUNK + 1n : 1n;
      const rows = await readMotionPage(client, config, first, pageParam - first + 1n);
      return { rows: rows.reverse(), first };
    },
    getNextPageParam: (last: Chunk) => (last.first > 1n ? last.first - 1n : undefined),
  });
  const history = useHistory();
  const names = useNames();
  const now = useNow();
  const windows = useWindows();

  const titles = useMemo(() => {
    const map = new Map<bigint, string>();
    for (const e of history.data?.events ?? []) {
      if (e.eventName === "ProposalCreated") map.set(e.args.proposalId as bigint, titleOf(String(e.args.description)));
    }
    return map;
  }, [history.data]);

  const scanned = useMemo(() => (scan.data?.pages ?? []).flatMap((c) => c.rows), [scan.data]);
  const matches = useMemo(
    () => scanned.filter((m) => (state === "" || m.state === state) && (cls === "" || m.motionClass === cls)),
    [scanned, state, cls],
  );
  const needed = Number((page + 1n) * PAGE);
  const { hasNextPage, isFetching, fetchNextPage } = scan;
  useEffect(() => {
    // One more match than the page shows says whether an older page exists.
    if (filtered && matches.length <= needed && hasNextPage && !isFetching) void fetchNextPage();
  }, [filtered, matches.length, needed, hasNextPage, isFetching, fetchNextPage]);
  const searching = filtered && matches.length <= needed && (hasNextPage || isFetching);

  const rows = useMemo(
    () => (filtered ? matches.slice(Number(page * PAGE), needed) : [...(motions.data ?? [])].reverse()),
    [filtered, matches, motions.data, page, needed],
  );
  const pending = filtered ? scan.isPending && total > 0n : motions.isPending;
  const error = filtered ? scan.error : motions.error;
  const pages = filtered
    ? Math.max(1, Math.ceil(matches.length / Number(PAGE)))
    : Math.max(1, Math.ceil(Number(total) / Number(PAGE)));
  const hasOlder = filtered ? matches.length > needed || hasNextPage : Number(page) + 1 < pages;

  if (count.isError) return <Failed what="the motions" error={count.error} />;
  return (
    <>
      <h1>Motions</h1>
      <HistoryGaps history={history.data} />
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          State
          <select
            value={state}
            onChange={(e) => {
              setState(e.target.value);
              setPage(0n);
            }}
          >
            <option value="">any</option>
            {STATE_NAMES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Class
          <select
            value={cls}
            onChange={(e) => {
              setCls(e.target.value);
              setPage(0n);
            }}
          >
            <option value="">any</option>
            {CLASS_NAMES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      </form>
      {searching && (
        <p role="status" data-testid="motion-scan">
          Searching the motions, newest first: {scanned.length.toString()} of {total.toString()} read, {matches.length}{" "}
          {matches.length === 1 ? "match" : "matches"} so far…
        </p>
      )}
      {pending ? (
        <Loading what="motions" />
      ) : error !== null ? (
        <Failed what="the motions" error={error} />
      ) : (
        <table aria-label="Motions">
          <thead>
            <tr>
              <th className="num">Id</th>
              <th>Title</th>
              <th>Class</th>
              <th>State</th>
              <th>Proposer</th>
              <th className="num">For / Against / Abstain</th>
              <th>Quorum (voters · votes)</th>
              <th>Next</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id.toString()} data-motion-id={m.id.toString()}>
                <td className="num">{m.id.toString()}</td>
                <td>
                  <Link to={`/motions/${m.id}`}>{titles.get(m.id) ?? `Motion ${m.id}`}</Link>
                </td>
                <td>{m.motionClass}</td>
                <td data-col="state">{m.state}</td>
                <td>
                  <Addr address={m.proposer} names={names} />
                </td>
                <td className="num" data-col="tally">
                  {m.forVotes.toString()} / {m.againstVotes.toString()} / {m.abstainVotes.toString()}
                </td>
                <td>
                  {m.memberQuorum === 0n ? (
                    <span className="muted">after the snapshot</span>
                  ) : (
                    <>
                      <Progress value={m.voters} of={m.memberQuorum} label={`Motion ${m.id} voters toward quorum`} />
                      <br />
                      <Progress
                        value={m.forVotes + m.againstVotes + m.abstainVotes}
                        of={m.voteQuorum}
                        label={`Motion ${m.id} votes toward quorum`}
                      />
                    </>
                  )}
                </td>
                <td>{nextTransition(m, now, windows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length === 0 && !pending && !searching && <p>No motions{filtered ? " match these filters" : " yet"}.</p>}
      <nav aria-label="Pages" className="action">
        <button type="button" disabled={page === 0n} onClick={() => setPage(page - 1n)}>
          Newer
        </button>
        <span>
          Page {(page + 1n).toString()}
          {filtered && hasNextPage ? "" : ` of ${pages}`}
        </span>
        <button type="button" disabled={!hasOlder} onClick={() => setPage(page + 1n)}>
          Older
        </button>
      </nav>
    </>
  );
}
