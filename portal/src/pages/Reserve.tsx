/** The Improvement Reserve: per asset balance, committed, available; outflows against the limit; budgets; grants; pause. */
import { useQuery } from "@tanstack/react-query";
import { Suspense, lazy, useMemo, useState } from "react";
import { zeroAddress } from "viem";
import type { Address } from "viem";

import { ImprovementReserveAbi, bytes32Text, coinUnits } from "../abi";
import { blockTimes } from "../chain";
import { usePortal } from "../context";
import { useHistory, useNames, useNow } from "../data";
import { formatDate, formatDuration, formatTime, percent, sameAddress } from "../format";
import { coinInput } from "../ui/amount";
import { Action } from "../tx";
import { Addr, Failed, HistoryGaps, Loading } from "../ui/common";
import { useAccount } from "../wallet";

const Chart = lazy(() => import("../ui/Chart"));
const KINDS = ["payment", "budget spend", "grant claim"];
const DAY = 86400;

export default function ReservePage() {
  const { client, config } = usePortal();
  const history = useHistory();
  const names = useNames();
  const now = useNow();
  const { address } = useAccount();
  const r = { address: config.addresses.reserve, abi: ImprovementReserveAbi } as const;

  const assets = useMemo(() => {
    const set = new Set<string>([zeroAddress]);
    for (const e of history.data?.events ?? []) {
      if (e.contract === "reserve" && typeof e.args.asset === "string") set.add(e.args.asset.toLowerCase());
    }
    return [...set] as Address[];
  }, [history.data]);

  const state = useQuery({
    queryKey: ["reserve", assets.join(",")],
    queryFn: async () => {
      const [perAsset, paused, pausedUntil, guardian, pauseDuration, budgetCount, grantCount] = await Promise.all([
        Promise.all(
          assets.map(async (asset) => {
            const [balance, committed, available, limit, recent] = await Promise.all([
              client.readContract({ ...r, functionName: "balanceOf", args: [asset] }),
              client.readContract({ ...r, functionName: "committed", args: [asset] }),
              client.readContract({ ...r, functionName: "available", args: [asset] }),
              client.readContract({ ...r, functionName: "outflowLimit", args: [asset] }),
              client.readContract({ ...r, functionName: "recentOutflow", args: [asset] }),
            ]);
            return { asset, balance, committed, available, limit, recent };
          }),
        ),
        client.readContract({ ...r, functionName: "paused" }),
        client.readContract({ ...r, functionName: "pausedUntil" }),
        client.readContract({ ...r, functionName: "guardian" }),
        client.readContract({ ...r, functionName: "pauseDuration" }),
        client.readContract({ ...r, functionName: "budgetCount" }),
        client.readContract({ ...r, functionName: "grantCount" }),
      ]);
      const budgetIds = Array.from({ length: Number(budgetCount) }, (_, i) => BigInt(i + 1));
      const grantIds = Array.from({ length: Number(grantCount) }, (_, i) => BigInt(i + 1));
      const [budgets, grants] = await Promise.all([
        Promise.all(
          budgetIds.map(async (id) => ({
            id,
            ...(await client.readContract({ ...r, functionName: "budget", args: [id] })),
          })),
        ),
        Promise.all(
          grantIds.map(async (id) => {
            const [g, vested, claimable] = await Promise.all([
              client.readContract({ ...r, functionName: "grant", args: [id] }),
              client.readContract({ ...r, functionName: "vested", args: [id] }),
              client.readContract({ ...r, functionName: "claimable", args: [id] }),
            ]);
            return { id, ...g, vested, claimable };
          }),
        ),
      ]);
      return { perAsset, paused, pausedUntil, guardian, pauseDuration, budgets, grants };
    },
  });

  const outflows = useMemo(
    () => (history.data?.events ?? []).filter((e) => e.contract === "reserve" && e.eventName === "Outflow"),
    [history.data],
  );
  const times = useQuery({
    queryKey: ["blockTimes", outflows.map((o) => String(o.blockNumber)).join(",")],
    enabled: outflows.length > 0,
    queryFn: () =>
      blockTimes(
        client,
        outflows.map((o) => o.blockNumber),
      ),
  });

  if (state.isPending) return <Loading what="the reserve" />;
  if (state.isError) return <Failed what="the reserve" error={state.error} />;
  const s = state.data;
  const assetName = (a: string) => (a === zeroAddress ? config.coin : (names.get(a.toLowerCase()) ?? a));
  const myBudgets = s.budgets.filter((b) => sameAddress(b.spender, address));
  const myGrants = s.grants.filter((g) => sameAddress(g.recipient, address));

  // Daily outflows and the rolling 30-day sum, native coin.
  const native = s.perAsset.find((a) => a.asset === zeroAddress);
  const nativeOutflows = outflows
    .filter((o) => String(o.args.asset).toLowerCase() === zeroAddress)
    .map((o) => ({ t: Number(times.data?.get(o.blockNumber) ?? 0n), amount: o.args.amount as bigint }))
    .filter((o) => o.t > 0);
  const rolling: [number, number][] = [];
  const limitLine: [number, number][] = [];
  if (nativeOutflows.length > 0 && now !== undefined) {
    const start = Math.floor(nativeOutflows[0].t / DAY) * DAY;
    const end = Math.max(Number(now), start + DAY);
    for (let day = start; day <= end + DAY; day += DAY) {
      const sum = nativeOutflows.filter((o) => o.t <= day && o.t > day - 30 * DAY).reduce((a, o) => a + o.amount, 0n);
      rolling.push([day, Number(sum / 10n ** 15n) / 1000]);
      limitLine.push([day, Number((native?.limit ?? 0n) / 10n ** 15n) / 1000]);
    }
  }

  const peak = Math.max(1, ...rolling.map((p) => p[1]));
  const limitValue = limitLine.length > 0 ? limitLine[0][1] : 0;
  const limitOnScale = limitValue > 0 && limitValue <= peak * 4;
  const chartTop = limitOnScale ? Math.max(peak, limitValue) : peak;
  return (
    <>
      <h1>Improvement Reserve</h1>
      <HistoryGaps history={history.data} />
      <section aria-labelledby="pause">
        <h2 id="pause">Pause</h2>
        {s.paused ? (
          <p role="status" className="error" data-testid="pause-state">
            Outflows are paused by the guardian until {formatTime(s.pausedUntil)}
            {now !== undefined && s.pausedUntil > now ? ` (${formatDuration(s.pausedUntil - now)} left)` : ""}:
            payments, spends and claims are refused until then or until governance unpauses.
          </p>
        ) : (
          <p data-testid="pause-state">
            Not paused. The guardian (<Addr address={s.guardian} names={names} />) may pause outflows for{" "}
            {formatDuration(s.pauseDuration)}.
          </p>
        )}
        {sameAddress(s.guardian, address) && !s.paused && (
          <Action label="Pause outflows" what="pause the reserve" call={{ ...r, functionName: "pause", args: [] }} />
        )}
      </section>
      <section aria-labelledby="assets">
        <h2 id="assets">Holdings</h2>
        <table aria-label="Reserve holdings">
          <thead>
            <tr>
              <th>Asset</th>
              <th className="num">Balance</th>
              <th className="num">Committed</th>
              <th className="num">Available</th>
              <th className="num">Outflow, last 30 days</th>
              <th className="num">30-day limit</th>
            </tr>
          </thead>
          <tbody>
            {s.perAsset.map((a) => (
              <tr key={a.asset} data-asset={a.asset}>
                <td>{assetName(a.asset)}</td>
                <td className="num" data-col="balance">
                  {coinUnits(a.balance)}
                </td>
                <td className="num">{coinUnits(a.committed)}</td>
                <td className="num">{coinUnits(a.available)}</td>
                <td className="num" data-col="recent">
                  {coinUnits(a.recent)}
                </td>
                <td className="num">{a.limit === 0n ? "none (cannot leave)" : coinUnits(a.limit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Suspense fallback={<p role="status">Loading chart…</p>}>
          <Chart
            title={`Outflows of ${config.coin} in the 30 days before each day, against the limit`}
            xLabel="date"
            yLabel={config.coin}
            formatX={(x) => formatDate(x)}
            formatY={(y) => y.toLocaleString("en-US")}
            yMax={chartTop}
            series={[
              { name: "rolling 30-day outflow", color: "#0b4fa8", points: rolling },
              ...(limitOnScale ? [{ name: "limit", color: "#a00000", points: limitLine, dashed: true }] : []),
            ]}
          />
          {!limitOnScale && native !== undefined && (
            <p className="muted">
              The limit, {coinUnits(native.limit)} {config.coin} per 30 days, is far above these outflows (
              {percent(native.recent, native.limit)} used), so it is not drawn.
            </p>
          )}
        </Suspense>
      </section>
      <section aria-labelledby="outflows">
        <h2 id="outflows">Outflows</h2>
        {outflows.length === 0 ? (
          <p>No outflows yet.</p>
        ) : (
          <table aria-label="Outflows">
            <thead>
              <tr>
                <th>When</th>
                <th>Kind</th>
                <th>To</th>
                <th className="num">Amount</th>
                <th>Memo</th>
              </tr>
            </thead>
            <tbody>
              {[...outflows].reverse().map((o) => (
                <tr key={`${o.transactionHash}-${o.logIndex}`} data-testid="outflow">
                  <td>
                    {times.data?.get(o.blockNumber) !== undefined
                      ? formatTime(times.data.get(o.blockNumber) as bigint)
                      : `block ${o.blockNumber}`}
                  </td>
                  <td>
                    {KINDS[Number(o.args.kind)] ?? "outflow"}
                    {Number(o.args.kind) > 0 ? ` #${String(o.args.ref)}` : ""}
                  </td>
                  <td>
                    <Addr address={String(o.args.to)} names={names} />
                  </td>
                  <td className="num">
                    {coinUnits(o.args.amount as bigint)} {assetName(String(o.args.asset))}
                  </td>
                  <td>{String(o.args.memo)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="budgets">
        <h2 id="budgets">Budgets</h2>
        <table aria-label="Budgets">
          <thead>
            <tr>
              <th className="num">Id</th>
              <th>Category</th>
              <th>Spender</th>
              <th className="num">Amount</th>
              <th className="num">Spent</th>
              <th className="num">Remaining</th>
              <th>Window</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {s.budgets.map((b) => (
              <tr key={b.id.toString()}>
                <td className="num">{b.id.toString()}</td>
                <td>{bytes32Text(b.category)}</td>
                <td>
                  <Addr address={b.spender} names={names} />
                </td>
                <td className="num">
                  {coinUnits(b.amount)} {assetName(b.asset)}
                </td>
                <td className="num">{coinUnits(b.spent)}</td>
                <td className="num">{coinUnits(b.amount - b.spent)}</td>
                <td>
                  {formatDate(b.start)} → {formatDate(b.end)}
                </td>
                <td>{budgetStatus(b.status, BigInt(b.end), now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {myBudgets.length > 0 && (
          <SpendForm
            budgets={myBudgets.map((b) => ({
              id: b.id,
              label: `${b.id} — ${bytes32Text(b.category)} (${coinUnits(b.amount - b.spent)} left)`,
            }))}
          />
        )}
      </section>
      <section aria-labelledby="grants">
        <h2 id="grants">Grants</h2>
        <table aria-label="Grants">
          <thead>
            <tr>
              <th className="num">Id</th>
              <th>Recipient</th>
              <th className="num">Total</th>
              <th className="num">Vested</th>
              <th className="num">Claimed</th>
              <th className="num">Claimable</th>
              <th>Vesting</th>
            </tr>
          </thead>
          <tbody>
            {s.grants.map((g) => (
              <tr key={g.id.toString()}>
                <td className="num">{g.id.toString()}</td>
                <td>
                  <Addr address={g.recipient} names={names} />
                </td>
                <td className="num">
                  {coinUnits(g.total)} {assetName(g.asset)}
                </td>
                <td className="num">{coinUnits(g.vested)}</td>
                <td className="num">{coinUnits(g.claimed)}</td>
                <td className="num">{coinUnits(g.claimable)}</td>
                <td>
                  {formatDate(g.start)} + {formatDuration(g.duration)} (cliff {formatDate(g.cliff)})
                  {g.canceledAt !== 0 ? `, canceled ${formatDate(g.canceledAt)}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {s.grants.length > 0 && (
          <Suspense fallback={<p role="status">Loading chart…</p>}>
            <Chart
              title="Vesting curves (amount vested over time)"
              xLabel="date"
              yLabel={config.coin}
              formatX={(x) => formatDate(x)}
              formatY={(y) => y.toLocaleString("en-US")}
              series={s.grants.map((g, i) => {
                const total = Number(g.total / 10n ** 15n) / 1000;
                const start = Number(g.start);
                const cliff = Number(g.cliff);
                const end = start + Number(g.duration);
                const at = (t: number) => (t < cliff ? 0 : total * Math.min(1, (t - start) / Math.max(1, end - start)));
                // Nothing vests before the cliff; at the cliff the curve steps up (drawn one second wide).
                const pts: [number, number][] = [
                  [start, 0],
                  ...(cliff > start ? [[cliff - 1, 0] as [number, number]] : []),
                  [cliff, at(cliff)],
                  [end, total],
                ];
                return {
                  name: `grant ${g.id}`,
                  color: ["#0b6b2b", "#7a3e00", "#5b21b6", "#0b4fa8"][i % 4],
                  points: pts,
                };
              })}
            />
          </Suspense>
        )}
        {myGrants.map((g) => (
          <Action
            key={g.id.toString()}
            label={`Claim grant ${g.id}`}
            what={`claim grant ${g.id}`}
            call={{ ...r, functionName: "claim", args: [g.id] }}
          />
        ))}
      </section>
    </>
  );
}

function SpendForm({ budgets }: { budgets: { id: bigint; label: string }[] }) {
  const { config } = usePortal();
  const [budgetId, setBudgetId] = useState(budgets[0].id.toString());
  const [to, setTo] = useState("");
  const [amount, setAmount] = useState("");
  const [memo, setMemo] = useState("");
  let call;
  let problem: string | undefined;
  try {
    if (to !== "" && amount !== "") {
      if (!/^0x[0-9a-fA-F]{40}$/.test(to.trim())) throw new Error("the recipient is not an address");
      const wei = coinInput(amount);
      if (wei === undefined) throw new Error("the amount is not a number of coins");
      call = {
        address: config.addresses.reserve,
        abi: ImprovementReserveAbi,
        functionName: "spend",
        args: [BigInt(budgetId), to.trim() as Address, wei, memo] as const,
      };
    }
  } catch (e) {
    problem = (e as Error).message;
  }
  return (
    <div className="card">
      <h3>Pay out of a budget</h3>
      <label>
        Budget
        <select value={budgetId} onChange={(e) => setBudgetId(e.target.value)}>
          {budgets.map((b) => (
            <option key={b.id.toString()} value={b.id.toString()}>
              {b.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Recipient
        <input value={to} onChange={(e) => setTo(e.target.value)} size={44} />
      </label>
      <label>
        Amount ({config.coin})
        <input value={amount} onChange={(e) => setAmount(e.target.value)} />
      </label>
      <label>
        Memo
        <input value={memo} onChange={(e) => setMemo(e.target.value)} />
      </label>
      {problem !== undefined && <p className="why-not">{problem}</p>}
      <Action label="Pay from budget" what="spend from this budget" call={call} />
    </div>
  );
}

/** A budget's status (IImprovementReserve.BudgetStatus: Approved, Canceled, Ended): an approved one past its end
 * has ended too, before anyone releases it. */
function budgetStatus(status: number, end: bigint, now: bigint | undefined): string {
  if (status === 1) return "canceled";
  if (status === 2 || (now !== undefined && end < now)) return "ended";
  return "open";
}
