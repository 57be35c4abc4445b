/**
 * An accessible line chart of term trends as SVG strings, drawn from a
 * TrendTable (src/analysis/trend-table.ts); pure, so the same chart is drawn
 * at build time and in the browser. All text is escaped.
 *
 * The chart's x axis is time: a year's x is proportional to its distance from
 * the first year, so 2014 → 2021 is seven years wide. Years with no statements
 * have no rate: they are hatched and labelled "no statements", and a line
 * across them is drawn thin and pale (it only joins the years either side).
 */
import { escapeXml } from '../edition/xml.ts';
import { AXIS_LABEL, type TrendTable, formatRate } from './trend-table.ts';

/** The y axis: from 0 to `max` in steps of `step`. */
export interface YAxis {
  max: number;
  step: number;
  ticks: number[];
}

const NICE_STEPS = [1, 2, 2.5, 3, 4, 5, 6, 8];

/**
 * A y axis whose top is close above the data's maximum: the smallest top
 * reachable in three to six steps of 1, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k
 * (within a quarter of the maximum, e.g. 300 for 264). Zero data give 0–1.
 * @example yAxis(264).max // => 300
 */
export function yAxis(dataMax: number): YAxis {
  const v = dataMax > 0 && Number.isFinite(dataMax) ? dataMax : 1;
  let best: { max: number; step: number; n: number } | null = null;
  const k0 = Math.floor(Math.log10(v / 6));
  for (let k = k0 - 1; k <= k0 + 1; k++) {
    for (const m of NICE_STEPS) {
      const step = m * 10 ** k;
      const n = Math.ceil(v / step - 1e-9);
      if (n < 3 || n > 6) continue;
      const max = n * step;
      // The lowest top wins; among equal tops, fewer and rounder steps.
      if (!best || max < best.max - 1e-9 || (Math.abs(max - best.max) < 1e-9 && n < best.n)) best = { max, step, n };
    }
  }
  const { max, step, n } = best!;
  return { max: round(max), step: round(step), ticks: Array.from({ length: n + 1 }, (_, i) => round(i * step)) };
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/**
 * A y tick's label, with as many decimals as the step needs and thousands separated.
 * @example formatTick(2.5, 2.5) // => '2.5'
 */
export function formatTick(v: number, step: number): string {
  const decimals = Number.isInteger(step) ? 0 : String(round(step)).split('.')[1]!.length;
  return v.toLocaleString('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** The three drawings of a chart: wide and narrow on the page (one shown, by the figure's width), and standalone for downloads. */
export type ChartVariant = 'wide' | 'narrow' | 'standalone';

/** Font size of every text in the chart, in the SVG's units (px at scale 1). */
const FONT = 13;
/** The width of one character at FONT, about (digits are 0.55–0.64 em in common sans-serif fonts), to keep labels apart. */
const CHAR = FONT * 0.6;
const SIZES: Record<ChartVariant, { W: number; H: number }> = {
  wide: { W: 640, H: 300 },
  // Narrow enough that its 13 px text stays at least 12 px on a 320 px screen's figure (288 px wide).
  narrow: { W: 310, H: 260 },
  standalone: { W: 640, H: 300 },
};

/** A run of years without statements between two groups that have some: `after` is the index of the group before it. */
export interface YearGap {
  after: number;
  from: number;
  to: number;
}

/**
 * Where the groups fall in time: their years (when every label is a year),
 * else their positions 0, 1, 2…; and the runs of years without statements.
 * @example timeline(['2010', '2012', '2014', '2021']).gaps
 * // => [{ after: 0, from: 2011, to: 2011 }, { after: 1, from: 2013, to: 2013 }, { after: 2, from: 2015, to: 2020 }]
 */
export function timeline(labels: readonly string[]): { timeAxis: boolean; at: number[]; gaps: YearGap[] } {
  const years = labels.map((l) => (/^\d{4}$/u.test(l) ? Number(l) : NaN));
  const timeAxis = years.length > 0 && years.every(Number.isFinite);
  const at = timeAxis ? years : years.map((_, i) => i);
  const gaps: YearGap[] = [];
  if (timeAxis)
    for (let i = 0; i + 1 < at.length; i++) if (at[i + 1]! - at[i]! > 1) gaps.push({ after: i, from: at[i]! + 1, to: at[i + 1]! - 1 });
  return { timeAxis, at, gaps };
}

/** A chart's geometry: where each year and value goes. */
export interface ChartGeometry {
  W: number;
  /** Height of the plot and its axes (a standalone chart adds a title and a legend). */
  H: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** The x of each group. */
  xs: number[];
  /** The x axis's labelled ticks: indices of groups, thinned so labels never overlap. */
  xTicks: number[];
  y: (v: number) => number;
  axis: YAxis;
  /** Runs of years without statements, each with its span on the x axis (from half a year after the group before to half a year before the next). */
  gaps: (YearGap & { x1: number; x2: number })[];
}

/**
 * Where things go on a chart of `table`: x proportional to the years (or
 * evenly spaced when the groups are not all years), y from 0 to a nice top.
 */
export function chartGeometry(table: TrendTable, variant: ChartVariant): ChartGeometry {
  const { W, H } = SIZES[variant];
  const axis = yAxis(Math.max(0, ...table.series.flatMap((s) => s.cells.map((c) => c.per10k))));
  const tickWidth = Math.max(...axis.ticks.map((t) => formatTick(t, axis.step).length)) * CHAR;
  const plot = { left: Math.ceil(tickWidth + 12), right: W - 24, top: 34, bottom: H - 36 };
  const { at, gaps } = timeline(table.groups.map((g) => g.label));
  const first = at[0] ?? 0;
  const span = (at.at(-1) ?? 0) - first;
  const x = (t: number) => (span === 0 ? (plot.left + plot.right) / 2 : plot.left + ((t - first) * (plot.right - plot.left)) / span);
  const xs = at.map(x);
  return {
    W,
    H,
    plot,
    xs,
    xTicks: thinTicks(
      xs,
      table.groups.map((g) => g.label.length * CHAR + 4),
    ),
    y: (v: number) => plot.bottom - ((plot.bottom - plot.top) * v) / axis.max,
    axis,
    gaps: gaps.map((gap) => ({ ...gap, x1: x(gap.from - 0.5), x2: x(gap.to + 0.5) })),
  };
}

/** Indices of the ticks to label, left to right, so that no two labels overlap; the last is always kept. */
function thinTicks(xs: number[], widths: number[]): number[] {
  const kept: number[] = [];
  const clear = (a: number, b: number) => Math.abs(xs[b]! - xs[a]!) >= (widths[a]! + widths[b]!) / 2;
  xs.forEach((_, i) => {
    if (kept.length === 0 || clear(kept.at(-1)!, i)) kept.push(i);
  });
  const last = xs.length - 1;
  if (last >= 0 && kept.at(-1) !== last) {
    while (kept.length > 0 && !clear(kept.at(-1)!, last)) kept.pop();
    kept.push(last);
  }
  return kept;
}

/** A line across years without statements: thinner and paler than the 2.5-unit line between consecutive years. */
const ACROSS_GAP = { width: 1.75, opacity: 0.7 };
/** Line styles told apart without colour: dash patterns and point shapes. */
const DASHES = ['', '7 4', '2 3', '10 3 2 3'];
/** Colours that keep 3:1 contrast on the light and dark backgrounds: on the page the CSS's (`.s1`…`.s4`), in a download the light theme's. */
const STANDALONE = {
  series: ['#1a4f8b', '#b3261e', '#2e7d32', '#6a3d9a'],
  text: '#1d1c1a',
  muted: '#55524b',
  border: '#cfcabd',
  bg: '#ffffff',
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
};

const f = (v: number) => String(Math.round(v * 10) / 10);

/**
 * A series' point shape at (x, y): circle, square, triangle, diamond, each a
 * little smaller than the one before, so that where two series have the same
 * value the earlier one's shape still shows around the later one's.
 */
function marker(k: number, x: number, y: number): string {
  const r = [6, 4.5, 5, 4.5][k % 4]!;
  switch (k % 4) {
    case 0:
      return `<circle cx="${f(x)}" cy="${f(y)}" r="${r}"/>`;
    case 1:
      return `<rect x="${f(x - r)}" y="${f(y - r)}" width="${2 * r}" height="${2 * r}"/>`;
    case 2:
      return `<path d="M${f(x)} ${f(y - r)}L${f(x + r)} ${f(y + r * 0.75)}L${f(x - r)} ${f(y + r * 0.75)}Z"/>`;
    default:
      return `<path d="M${f(x)} ${f(y - r)}L${f(x + r)} ${f(y)}L${f(x)} ${f(y + r)}L${f(x - r)} ${f(y)}Z"/>`;
  }
}

/** The group of a series' points: filled with its colour, outlined in the background's so that shapes drawn over each other stay apart. */
function pointsGroup(inner: string, standalone: boolean): string {
  return `<g fill="currentColor" ${standalone ? `stroke="${STANDALONE.bg}"` : 'class="points"'} stroke-width="1">${inner}</g>`;
}

/** Stroke attributes of series k's line. */
function lineStyle(k: number, width = 2.5): string {
  const dash = DASHES[k % DASHES.length]!;
  return `fill="none" stroke="currentColor" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}`;
}

/** The colour of series k: a class on the page, the colour itself in a download. */
function seriesColour(k: number, standalone: boolean): string {
  return standalone ? `color="${STANDALONE.series[k % 4]}"` : `class="s${(k % 4) + 1}"`;
}

/**
 * A series' key: its line and point (as on the chart) in a small drawing,
 * for the legend beside the chart.
 */
export function seriesSwatch(k: number, standalone = false, x = 0, y = 0): string {
  return `<g ${seriesColour(k, standalone)}><path d="M${x + 2} ${y + 8}H${x + 38}" ${lineStyle(k)}/>${pointsGroup(marker(k, x + 20, y + 8), standalone)}</g>`;
}

/** The key of the hatching of years without statements, and of the thin line across them. */
function gapSwatch(standalone: boolean, x = 0, y = 0): string {
  const hatch = [8, 16, 24, 32].map((d) => `M${x + d - 6} ${y + 15}L${x + d + 2} ${y + 1}`).join('');
  return `<path d="${hatch}" fill="none" ${standalone ? `stroke="${STANDALONE.border}"` : 'class="hatch"'} stroke-width="2"/><path d="M${x + 2} ${y + 8}H${x + 38}" ${standalone ? `stroke="${STANDALONE.muted}"` : 'class="gap-line"'} stroke-width="${ACROSS_GAP.width}" stroke-opacity="${ACROSS_GAP.opacity}"/>`;
}

/** What the legend says of the hatching. */
export const GAP_NOTE = 'Hatched: years with no statements (no rate); a thin pale line across them only joins the years either side.';

/**
 * Years as a short list with runs: "2011, 2015–2020".
 * @example yearRuns([{ from: 2011, to: 2011 }, { from: 2015, to: 2020 }]) // => '2011, 2015–2020'
 */
export function yearRuns(gaps: readonly { from: number; to: number }[]): string {
  return gaps.map((g) => (g.from === g.to ? String(g.from) : `${g.from}–${g.to}`)).join(', ');
}

/**
 * The chart's description: the unit, every number (as the table shows it) and the rule for years without statements.
 * @example trendDescription({ caption: '', groupName: 'Year', groups: [{ key: 'a', label: '2010', words: 1 }], series: [{ term: 't', cells: [{ count: 1, words: 1, per10k: 2 }] }] })
 * // => 'Occurrences per 10,000 words. t: 2010 2.0.'
 */
export function trendDescription(table: TrendTable): string {
  const { gaps: missing } = timeline(table.groups.map((g) => g.label));
  const numbers = table.series.map(
    (s) => `${s.term}: ${s.cells.map((c, i) => `${table.groups[i]!.label} ${formatRate(c.per10k)}`).join(', ')}`,
  );
  const gaps =
    missing.length > 0
      ? ` No statements in ${yearRuns(missing)}: those years are hatched, and the line across them is thin and pale (it only joins the years either side).`
      : '';
  return `${AXIS_LABEL}. ${numbers.join('; ')}.${gaps}`;
}

/**
 * Wraps text into lines of at most `width` characters at spaces (a longer word is cut).
 * @example wrapText('human trafficking and smuggling', 13) // => ['human', 'trafficking', 'and smuggling']
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    for (let w = word; w.length > 0; w = w.slice(width)) {
      const piece = w.slice(0, width);
      if (line === '') line = piece;
      else if (line.length + 1 + piece.length <= width) line += ` ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * A line chart of the table's rates over the groups (years on a time axis):
 * y axis with its label and unit, year ticks, one line and point shape per
 * term, hatched years without statements; a <title>, and a <desc> giving
 * every number; role="img". The `standalone` variant is a file of its own:
 * colours and font written in, white background, the caption as a heading
 * and the legend (wrapped, never cut) below the plot.
 */
export function trendSvg(table: TrendTable, opts: { id: string; variant: ChartVariant }): string {
  const { id, variant } = opts;
  const standalone = variant === 'standalone';
  const g = chartGeometry(table, variant);
  const { plot, y, axis } = g;
  const head = standalone ? 30 : 0;
  const parts: string[] = [];
  const text = (x: number, yy: number, s: string, attrs = '') => `<text x="${f(x)}" y="${f(yy)}"${attrs}>${escapeXml(s)}</text>`;
  // Legend rows of a standalone chart: a swatch and the term's lines, then the hatching's note.
  const legendChars = Math.floor((g.W - 60) / CHAR);
  const legend = [
    ...table.series.map((s, k) => ({ swatch: seriesSwatch(k, true, 0, 0), lines: wrapText(s.term, legendChars) })),
    ...(g.gaps.length > 0 ? [{ swatch: gapSwatch(true), lines: wrapText(GAP_NOTE, legendChars) }] : []),
  ];
  const legendHeight = standalone ? legend.reduce((h, l) => h + l.lines.length * 18 + 6, 8) : 0;
  const height = head + g.H + legendHeight;
  const css = standalone
    ? ` font-family="${escapeXml(STANDALONE.font)}" font-size="${FONT}" fill="${STANDALONE.text}"`
    : ` class="chart ${variant}"`;
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.W} ${height}"${standalone ? ` width="${g.W}" height="${height}"` : ''} role="img" aria-labelledby="${id}-title ${id}-desc"${css}>`,
    `<title id="${id}-title">${escapeXml(table.caption)}</title>`,
    `<desc id="${id}-desc">${escapeXml(trendDescription(table))}</desc>`,
  );
  if (standalone)
    parts.push(
      `<rect width="100%" height="100%" fill="${STANDALONE.bg}"/>`,
      text(8, 20, table.caption, ' font-size="16" font-weight="bold"'),
    );
  parts.push(`<g transform="translate(0 ${head})">`);
  // Years without statements: hatched, labelled where the label fits.
  if (g.gaps.length > 0) {
    const hatchId = `${id}-hatch`;
    parts.push(
      `<defs><pattern id="${hatchId}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><path d="M0 0V8" ${standalone ? `stroke="${STANDALONE.border}"` : 'class="hatch"'} stroke-width="3"/></pattern></defs>`,
    );
    for (const gap of g.gaps) {
      parts.push(
        `<rect x="${f(gap.x1)}" y="${plot.top}" width="${f(gap.x2 - gap.x1)}" height="${plot.bottom - plot.top}" fill="url(#${hatchId})"/>`,
      );
      const label = 'no statements';
      if (gap.x2 - gap.x1 >= label.length * CHAR + 8)
        parts.push(
          text(
            (gap.x1 + gap.x2) / 2,
            plot.top + 16,
            label,
            standalone
              ? ` text-anchor="middle" fill="${STANDALONE.muted}" stroke="${STANDALONE.bg}" stroke-width="4" paint-order="stroke"`
              : ' text-anchor="middle" class="gap-label"',
          ),
        );
    }
  }
  // The y axis: grid lines, ticks and the label with the unit.
  const grid = standalone ? ` stroke="${STANDALONE.border}"` : ' class="grid"';
  for (const t of axis.ticks) {
    parts.push(
      `<path d="M${plot.left} ${f(y(t))}H${plot.right}"${grid} stroke-width="1"/>`,
      text(plot.left - 6, y(t) + 4.5, formatTick(t, axis.step), ' text-anchor="end"'),
    );
  }
  parts.push(text(4, plot.top - 16, AXIS_LABEL, ' class="axis-label"'));
  // The x axis: the labelled years (or groups).
  for (const i of g.xTicks) {
    parts.push(
      `<path d="M${f(g.xs[i]!)} ${plot.bottom}v5"${grid}/>`,
      text(g.xs[i]!, plot.bottom + 20, table.groups[i]!.label, ' text-anchor="middle"'),
    );
  }
  // One line and point shape per term; thin and pale across years without statements.
  const gapAfter = new Set(g.gaps.map((gap) => gap.after));
  table.series.forEach((s, k) => {
    const pts = s.cells.map((c, i) => [g.xs[i]!, y(c.per10k)] as const);
    const seg = (i: number) => `M${f(pts[i]![0])} ${f(pts[i]![1])}L${f(pts[i + 1]![0])} ${f(pts[i + 1]![1])}`;
    const steps = pts.slice(0, -1).map((_, i) => i);
    const solid = steps
      .filter((i) => !gapAfter.has(i))
      .map(seg)
      .join('');
    const across = steps
      .filter((i) => gapAfter.has(i))
      .map(seg)
      .join('');
    parts.push(
      `<g ${seriesColour(k, standalone)}>`,
      solid ? `<path d="${solid}" ${lineStyle(k)}/>` : '',
      across ? `<path d="${across}" ${lineStyle(k, ACROSS_GAP.width)} stroke-opacity="${ACROSS_GAP.opacity}"/>` : '',
      pointsGroup(pts.map(([px, py]) => marker(k, px, py)).join(''), standalone),
      '</g>',
    );
  });
  parts.push('</g>');
  if (standalone) {
    let yy = head + g.H + 8;
    for (const l of legend) {
      parts.push(`<g transform="translate(8 ${yy})">${l.swatch}</g>`);
      l.lines.forEach((line, j) => parts.push(text(52, yy + 13 + j * 18, line)));
      yy += l.lines.length * 18 + 6;
    }
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The legend beside the chart on the page, as HTML: a key per term (wrapping, never cut), and the hatching's. */
export function legendHtml(table: TrendTable): string {
  const hasGaps = timeline(table.groups.map((g) => g.label)).gaps.length > 0;
  const swatch = (inner: string) => `<svg class="swatch" viewBox="0 0 40 16" width="40" height="16" aria-hidden="true">${inner}</svg>`;
  const items = table.series.map((s, k) => `<li>${swatch(seriesSwatch(k))}<span>${escapeXml(s.term)}</span></li>`);
  if (hasGaps) items.push(`<li>${swatch(gapSwatch(false))}<span>${escapeXml(GAP_NOTE)}</span></li>`);
  return `<ul class="chart-legend">${items.join('')}</ul>`;
}
