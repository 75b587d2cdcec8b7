/** Motions: newest first, 25 to a page from the lens; filters by state and class. */
import { useMemo, useState } from "react";
import { Link } from "react-router";

import { useHistory, useMotionCount, useMotionPage, useNames, useNow } from "../data";
import { CLASS_NAMES, STATE_NAMES, titleOf } from "../format";
import { Addr, Failed, HistoryGaps, Loading, Progress } from "../ui/common";
import { nextTransition, useWindows } from "../ui/motion";

const PAGE = 25n;

export default function MotionsPage() {
  const count = useMotionCount();
  const [page, setPage] = useState(0n);
  const [state, setState] = useState("");
  const [cls, setCls] = useState("");
  const filtered = state !== "" || cls !== "";
  const total = count.data ?? 0n;
  // Unfiltered: one lens page. Filtered: every motion in one lens call, then pages of the matches.
  const firstId = filtered ? 1n : total - (page + 1n) * PAGE + 1n > 0n ? total - (page + 1n) * PAGE + 1n : 1n;
  const pageCount = filtered ? total : total - page * PAGE - firstId + 1n;
  const motions = useMotionPage(firstId, pageCount > 0n ? pageCount : 0n, count.data !== undefined);
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

  const rows = useMemo(() => {
    const list = [...(motions.data ?? [])].reverse();
    if (!filtered) return list;
    const matches = list.filter((m) => (state === "" || m.state === state) && (cls === "" || m.motionClass === cls));
    return matches.slice(Number(page * PAGE), Number((page + 1n) * PAGE));
  }, [motions.data, filtered, state, cls, page]);
  const matchCount = filtered
    ? (motions.data ?? []).filter((m) => (state === "" || m.state === state) && (cls === "" || m.motionClass === cls))
        .length
    : Number(total);
  const pages = Math.max(1, Math.ceil(matchCount / Number(PAGE)));

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
      {motions.isPending ? (
        <Loading what="motions" />
      ) : motions.isError ? (
        <Failed what="the motions" error={motions.error} />
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
      {rows.length === 0 && !motions.isPending && <p>No motions{filtered ? " match these filters" : " yet"}.</p>}
      <nav aria-label="Pages" className="action">
        <button type="button" disabled={page === 0n} onClick={() => setPage(page - 1n)}>
          Newer
        </button>
        <span>
          Page {(page + 1n).toString()} of {pages}
        </span>
        <button type="button" disabled={Number(page) + 1 >= pages} onClick={() => setPage(page + 1n)}>
          Older
        </button>
      </nav>
    </>
  );
}
