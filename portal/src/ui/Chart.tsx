/**
 * A line chart drawn by uPlot (through uplot-react), loaded with the page that needs it. Each series is a list of
 * [x, y] points (x in unix seconds); the chart is an image for screen readers whose name is its title and a summary
 * of each series' latest point, and its caption names the series.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import uPlot from "uplot";
import UplotReact from "uplot-react";
import "uplot/dist/uPlot.min.css";

export interface Series {
  name: string;
  color: string;
  points: [number, number][];
  dashed?: boolean;
  /** Hold each value until the next point (a quantity that changes at events, like a stake). */
  stepped?: boolean;
}

const WIDTH = 640;
const HEIGHT = 220;
const INK = "#1a1a1a";

/** The series on one x axis, as uPlot wants them; a series with several points at one x keeps the last. */
function aligned(series: Series[]): uPlot.AlignedData {
  return uPlot.join(
    series.map((s) => {
      const byX = new Map(s.points);
      return [[...byX.keys()], [...byX.values()]];
    }),
  );
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
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(WIDTH);
  // The formatters are read when uPlot draws, so a new function each render does not rebuild the chart.
  const format = useRef({ formatX, formatY });
  format.current = { formatX, formatY };
  const empty = series.every((s) => s.points.length === 0);
  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const fit = () => setWidth(Math.min(WIDTH, Math.max(240, element.clientWidth)));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [empty]);

  const points = JSON.stringify(series.map((s) => s.points));
  const looks = JSON.stringify(series.map((s) => [s.name, s.color, s.dashed, s.stepped]));
  // Keyed on the points, not on the array (a new one each render).
  const data = useMemo(() => (empty ? undefined : aligned(series)), [points]);
  const options = useMemo(
    (): uPlot.Options => ({
      width,
      height: HEIGHT,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true },
        y: { range: (_u, _min, max) => [0, Math.max(yMax ?? max, 1) * 1.1] },
      },
      axes: [
        {
          label: xLabel,
          stroke: INK,
          // A date label is about 80 px wide: keep them apart.
          space: 100,
          values: (_u, splits) => splits.map((x) => format.current.formatX(x)),
        },
        {
          label: yLabel,
          stroke: INK,
          size: 96,
          values: (_u, splits) => splits.map((y) => format.current.formatY(y)),
        },
      ],
      series: [
        {},
        ...series.map((s): uPlot.Series => ({
          label: s.name,
          stroke: s.color,
          width: 2,
          spanGaps: true,
          dash: s.dashed === true ? [6, 4] : undefined,
          paths: s.stepped === true ? uPlot.paths.stepped?.({ align: 1 }) : undefined,
        })),
      ],
    }),
    // Keyed on how the series look, not on the array (a new one each render).
    [width, looks, xLabel, yLabel, yMax],
  );

  if (data === undefined) return <p>{title}: no data yet.</p>;
  const summary = series
    .map((s) => {
      const last = s.points[s.points.length - 1];
      return `${s.name}: ${last === undefined ? "none" : `${formatY(last[1])} at ${formatX(last[0])}`}`;
    })
    .join("; ");
  return (
    <figure>
      <div ref={box} role="img" aria-label={`${title}. ${summary}`} style={{ maxWidth: WIDTH }}>
        <UplotReact options={options} data={data} />
      </div>
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
