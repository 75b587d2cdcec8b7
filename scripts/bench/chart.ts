/**
 * docs/benchmarks.svg: gas against council size for each scaled operation, hand-written SVG (no plotting
 * library). Six panels (propose, castVote, execute, stake crossing, admit, Kaia refresh), each with its own linear
 * gas axis from zero, and a logarithmic council-size axis with a tick at every measured size. The governor's
 * operations cost the same in every stake mode (see the report's tables), so their panels show the bonded mode;
 * the stake crossing, admit and refresh panels show each mode.
 */
import type { BenchResult } from "./results.js";

interface Series {
  label: string;
  color: string;
  dash: string | null;
  marker: "circle" | "square";
  points: [number, number][];
}

interface Panel {
  title: string;
  series: Series[];
  /** Horizontal reference lines (e.g. a gas cap). */
  rules: { label: string; value: number; color: string }[];
}

const OURS = "#1f5fbf";
const BASELINE = "#d9822b";
const KAIA_TRACKER = "#2e8b57";
const KAIA_READ = "#8e44ad";
const RULE = "#c0392b";

const WIDTH = 1000;
const PANEL_W = 470;
const PANEL_H = 330;
const MARGIN = { left: 78, right: 20, top: 74, bottom: 48 };

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function short(n: number): string {
  if (n === 0) return "0";
  if (n >= 1_000_000) return `${Number((n / 1_000_000).toFixed(2))}M`;
  return `${Number((n / 1000).toFixed(1))}k`;
}

/** A "nice" axis maximum and step (1, 2, 2.5 or 5 × 10^k) covering `max` in about five steps. */
function niceAxis(max: number): { top: number; step: number } {
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return { top: Math.ceil(max / step) * step, step };
}

function renderPanel(panel: Panel, x0: number, y0: number, sizes: number[]): string[] {
  const plotW = PANEL_W - MARGIN.left - MARGIN.right;
  const plotH = PANEL_H - MARGIN.top - MARGIN.bottom;
  const left = x0 + MARGIN.left;
  const top = y0 + MARGIN.top;
  const bottom = top + plotH;
  const values = [
    ...panel.series.flatMap((s) => s.points.map(([, v]) => v)),
    ...panel.rules.map((r) => r.value),
  ];
  const axis = niceAxis(Math.max(...values) * 1.08);
  const minSize = Math.min(...sizes);
  const maxSize = Math.max(...sizes);
  const x = (n: number): number =>
    left + ((Math.log(n) - Math.log(minSize)) / (Math.log(maxSize) - Math.log(minSize))) * plotW;
  const y = (v: number): number => bottom - (v / axis.top) * plotH;
  const out: string[] = [];

  out.push(
    `<text x="${x0 + PANEL_W / 2}" y="${y0 + 20}" class="title" text-anchor="middle">${escape(panel.title)}</text>`,
  );
  // Legend under the title, wrapped to the plot's width.
  let lx = left;
  let ly = y0 + 38;
  for (const s of panel.series) {
    const itemWidth = 40 + s.label.length * 6.5;
    if (lx > left && lx + itemWidth > left + plotW) {
      lx = left;
      ly += 17;
    }
    const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : "";
    out.push(
      `<line x1="${lx}" y1="${ly}" x2="${lx + 22}" y2="${ly}" stroke="${s.color}" stroke-width="2.5"${dash}/>`,
      marker(s, lx + 11, ly),
      `<text x="${lx + 28}" y="${ly + 4}" class="legend">${escape(s.label)}</text>`,
    );
    lx += itemWidth;
  }
  // Gas axis: grid lines and labels.
  for (let v = 0; v <= axis.top + axis.step / 2; v += axis.step) {
    const yy = y(v).toFixed(1);
    out.push(
      `<line x1="${left}" y1="${yy}" x2="${left + plotW}" y2="${yy}" class="grid"/>`,
      `<text x="${left - 8}" y="${Number(yy) + 4}" class="tick" text-anchor="end">${short(v)}</text>`,
    );
  }
  out.push(
    `<text x="${x0 + 16}" y="${top + plotH / 2}" class="axis" text-anchor="middle" ` +
      `transform="rotate(-90 ${x0 + 16} ${top + plotH / 2})">gas</text>`,
  );
  // Council-size axis.
  out.push(`<line x1="${left}" y1="${bottom}" x2="${left + plotW}" y2="${bottom}" class="frame"/>`);
  out.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" class="frame"/>`);
  for (const n of sizes) {
    const xx = x(n).toFixed(1);
    out.push(
      `<line x1="${xx}" y1="${bottom}" x2="${xx}" y2="${bottom + 5}" class="frame"/>`,
      `<text x="${xx}" y="${bottom + 19}" class="tick" text-anchor="middle">${n}</text>`,
    );
  }
  out.push(
    `<text x="${left + plotW / 2}" y="${bottom + 38}" class="axis" text-anchor="middle">council size (members, log scale)</text>`,
  );
  // Reference lines.
  for (const r of panel.rules) {
    const yy = y(r.value).toFixed(1);
    out.push(
      `<line x1="${left}" y1="${yy}" x2="${left + plotW}" y2="${yy}" stroke="${r.color}" stroke-width="1.5" stroke-dasharray="2 3"/>`,
      `<text x="${left + 6}" y="${Number(yy) - 5}" class="rule" fill="${r.color}">${escape(r.label)}</text>`,
    );
  }
  // Value labels at the largest size: above the point, or below it when a higher label is too close.
  const labelY = new Map<Series, number>();
  let previous = -Infinity;
  for (const s of [...panel.series].sort(
    (a, b) => b.points[b.points.length - 1][1] - a.points[a.points.length - 1][1],
  )) {
    const py = y(s.points[s.points.length - 1][1]);
    const above = py - 8;
    // Close to the label above it: below the point, and below that label (labels of near-equal series stack).
    const ly = above - previous < 14 ? Math.max(py + 17, previous + 14) : above;
    labelY.set(s, ly);
    previous = ly;
  }
  // Series.
  for (const s of panel.series) {
    const path = s.points
      .map(([n, v], i) => `${i === 0 ? "M" : "L"}${x(n).toFixed(1)},${y(v).toFixed(1)}`)
      .join(" ");
    const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : "";
    out.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2.5"${dash}/>`);
    for (const [n, v] of s.points) {
      out.push(`<g>${marker(s, x(n), y(v))}<title>${escape(s.label)}, ${n} members: ${v} gas</title></g>`);
    }
    const [ln, lv] = s.points[s.points.length - 1];
    out.push(
      `<text x="${x(ln) - 6}" y="${(labelY.get(s) ?? y(lv) - 8).toFixed(1)}" class="value" text-anchor="end" ` +
        `fill="${s.color}">${short(lv)}</text>`,
    );
  }
  return out;
}

function marker(s: Series, cx: number, cy: number): string {
  const fill = `fill="white" stroke="${s.color}" stroke-width="2"`;
  return s.marker === "circle"
    ? `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="3.5" ${fill}/>`
    : `<rect x="${(cx - 3.5).toFixed(1)}" y="${(cy - 3.5).toFixed(1)}" width="7" height="7" ${fill}/>`;
}

export function renderChart(result: BenchResult, txGasCap: number): string {
  const s = result.scaling;
  const sizes = s.map((p) => p.size);
  const pts = (f: (p: (typeof s)[number]) => number): [number, number][] => s.map((p) => [p.size, f(p)]);
  const ours = (label: string, points: [number, number][], m: Series["marker"] = "circle"): Series => ({
    label,
    color: OURS,
    dash: null,
    marker: m,
    points,
  });
  const kaia = (
    label: string,
    color: string,
    points: [number, number][],
    m: Series["marker"] = "circle",
  ): Series => ({ label, color, dash: null, marker: m, points });
  const tracker = result.kaiaScaling.tracker;
  const read = result.kaiaScaling.read;
  const at = (points: typeof s, f: (p: (typeof s)[number]) => number | null): [number, number][] =>
    points.map((p) => [p.size, f(p) ?? 0]);
  const base = (label: string, points: [number, number][], m: Series["marker"] = "circle"): Series => ({
    label,
    color: BASELINE,
    dash: "7 4",
    marker: m,
    points,
  });
  const panels: Panel[] = [
    {
      title: "propose (1 action)",
      series: [
        ours(
          "ours",
          pts((p) => p.propose),
        ),
        base(
          "baseline",
          pts((p) => p.baseline.propose),
        ),
      ],
      rules: [],
    },
    {
      title: "castVote",
      series: [
        ours(
          "ours, first vote",
          pts((p) => p.castVoteFirst),
        ),
        ours(
          "ours, after quorum",
          pts((p) => p.castVoteAfterQuorum),
          "square",
        ),
        base(
          "baseline, first",
          pts((p) => p.baseline.castVoteFirst),
        ),
        base(
          "baseline, after quorum",
          pts((p) => p.baseline.castVoteAfterQuorum),
          "square",
        ),
      ],
      rules: [],
    },
    {
      title: "execute (1 action)",
      series: [
        ours(
          "ours",
          pts((p) => p.execute),
        ),
        base(
          "baseline",
          pts((p) => p.baseline.execute),
        ),
      ],
      rules: [],
    },
    {
      title: "stake crossing the eligibility line (every member capped)",
      series: [
        ours(
          "bonded",
          pts((p) => p.stakeCrossing),
        ),
        kaia(
          "Kaia tracker",
          KAIA_TRACKER,
          at(tracker, (p) => p.stakeCrossing),
        ),
        kaia(
          "Kaia read",
          KAIA_READ,
          at(read, (p) => p.stakeCrossing),
        ),
      ],
      rules: [
        {
          label: `EIP-7825 transaction gas cap (${txGasCap.toLocaleString("en-US")})`,
          value: txGasCap,
          color: RULE,
        },
      ],
    },
  ];
  panels.push(
    {
      title: "admit (execute of an Admission motion)",
      series: [
        ours(
          "bonded",
          pts((p) => p.admit),
        ),
        kaia(
          "Kaia tracker",
          KAIA_TRACKER,
          at(tracker, (p) => p.admit),
        ),
        kaia(
          "Kaia read",
          KAIA_READ,
          at(read, (p) => p.admit),
        ),
      ],
      rules: [],
    },
    {
      title: "Kaia refresh of a capped member's stake",
      series: [
        kaia(
          "tracker, V3",
          KAIA_TRACKER,
          at(tracker, (p) => p.refresh),
        ),
        kaia(
          "tracker, V2",
          KAIA_TRACKER,
          at(tracker, (p) => p.refreshV2),
          "square",
        ),
        kaia(
          "read, V3",
          KAIA_READ,
          at(read, (p) => p.refresh),
        ),
        kaia(
          "read, V2",
          KAIA_READ,
          at(read, (p) => p.refreshV2),
          "square",
        ),
      ],
      rules: [],
    },
  );
  const height = 70 + Math.ceil(panels.length / 2) * PANEL_H + 30;
  const body: string[] = [];
  panels.forEach((panel, i) => {
    const x0 = 20 + (i % 2) * (PANEL_W + 20);
    const y0 = 60 + Math.floor(i / 2) * PANEL_H;
    body.push(...renderPanel(panel, x0, y0, sizes));
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ` +
      `font-family="Helvetica, Arial, sans-serif">`,
    "<style>",
    "  .heading { font-size: 19px; font-weight: bold; fill: #222; }",
    "  .sub { font-size: 12px; fill: #555; }",
    "  .title { font-size: 15px; font-weight: bold; fill: #222; }",
    "  .legend { font-size: 11.5px; fill: #333; }",
    "  .tick { font-size: 11px; fill: #444; }",
    "  .axis { font-size: 12px; fill: #333; }",
    "  .value { font-size: 11px; font-weight: bold; }",
    "  .rule { font-size: 11px; }",
    "  .grid { stroke: #e3e3e3; stroke-width: 1; }",
    "  .frame { stroke: #888; stroke-width: 1; }",
    "</style>",
    `<rect width="${WIDTH}" height="${height}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="30" class="heading" text-anchor="middle">Gas against council size</text>`,
    `<text x="${WIDTH / 2}" y="50" class="sub" text-anchor="middle">` +
      `ours solid (bonded blue, Kaia tracker green, Kaia read purple); stock OpenZeppelin baseline dashed ` +
      `orange; ` +
      `solc ${escape(result.environment.solc)}; see benchmarks.md</text>`,
    ...body.map((l) => `  ${l}`),
    "</svg>",
    "",
  ].join("\n");
}
