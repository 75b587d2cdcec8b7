/**
 * A small line/step chart in SVG (no chart library: a few hundred bytes, loaded with the page that needs it).
 * Each series is a list of [x, y] points; the chart has a title and a text summary for screen readers.
 */
export interface Series {
  name: string;
  color: string;
  points: [number, number][];
  dashed?: boolean;
}

export default function Chart({
  title,
  series,
  xLabel,
  yLabel,
  formatX,
  formatY,
  yMax,
}: {
  title: string;
  series: Series[];
  xLabel: string;
  yLabel: string;
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  /** The top of the y axis (default: the largest value); points above it are clipped to it. */
  yMax?: number;
}) {
  const all = series.flatMap((s) => s.points);
  const width = 640;
  const height = 220;
  const pad = { l: 96, r: 12, t: 12, b: 36 };
  if (all.length === 0) return <p>{title}: no data yet.</p>;
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs) === Math.min(...xs) ? Math.min(...xs) + 1 : Math.max(...xs)];
  const y1 = (yMax ?? Math.max(...ys, 1)) * 1.1;
  const sx = (x: number) => pad.l + ((x - x0) / (x1 - x0)) * (width - pad.l - pad.r);
  const sy = (y: number) => height - pad.b - (Math.min(y, y1) / y1) * (height - pad.t - pad.b);
  const summary = series
    .map(
      (s) =>
        `${s.name}: ${s.points.length === 0 ? "none" : formatY(s.points[s.points.length - 1][1])} at ${s.points.length === 0 ? "" : formatX(s.points[s.points.length - 1][0])}`,
    )
    .join("; ");
  return (
    <figure>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
        role="img"
        aria-label={`${title}. ${summary}`}
      >
        <line x1={pad.l} y1={height - pad.b} x2={width - pad.r} y2={height - pad.b} stroke="#4b5563" />
        <line x1={pad.l} y1={pad.t} x2={pad.l} y2={height - pad.b} stroke="#4b5563" />
        <text x={pad.l - 6} y={pad.t + 10} textAnchor="end" fontSize="11" fill="#1a1a1a">
          {formatY(y1 / 1.1)}
        </text>
        <text x={pad.l - 6} y={height - pad.b} textAnchor="end" fontSize="11" fill="#1a1a1a">
          0
        </text>
        <text x={pad.l} y={height - 8} fontSize="11" fill="#1a1a1a">
          {formatX(x0)}
        </text>
        <text x={width - pad.r} y={height - 8} textAnchor="end" fontSize="11" fill="#1a1a1a">
          {formatX(x1)}
        </text>
        <text x={(width + pad.l) / 2} y={height - 8} textAnchor="middle" fontSize="11" fill="#1a1a1a">
          {xLabel}
        </text>
        <text
          x={12}
          y={height / 2}
          fontSize="11"
          fill="#1a1a1a"
          transform={`rotate(-90 12 ${height / 2})`}
          textAnchor="middle"
        >
          {yLabel}
        </text>
        {series.map((s) => (
          <polyline
            key={s.name}
            fill="none"
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={s.dashed === true ? "6 4" : undefined}
            points={s.points.map(([x, y]) => `${sx(x)},${sy(y)}`).join(" ")}
          />
        ))}
      </svg>
      <figcaption>
        {title} —{" "}
        {series.map((s, i) => (
          <span key={s.name}>
            {i > 0 && ", "}
            <span style={{ color: s.color, fontWeight: 700 }}>{s.dashed === true ? "- -" : "—"}</span> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
