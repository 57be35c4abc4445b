/**
 * An accessible line chart of term trends as an SVG string (pure, so the same
 * chart is drawn at build time and in the browser). All text is escaped.
 */
import { escapeXml } from '../edition/xml.ts';

/** Line styles told apart without colour: dash patterns and point shapes. */
const DASHES = ['', '6 3', '2 3', '10 3 2 3'];
/** Colours that keep 3:1 contrast on the light and dark backgrounds (CSS variables). */
const COLOURS = ['var(--ms-chart-1)', 'var(--ms-chart-2)', 'var(--ms-chart-3)', 'var(--ms-chart-4)'];

export interface ChartSeries {
  label: string;
  values: number[];
}

/**
 * A line chart: one line per series over the categories (e.g. years), with
 * axis labels, a legend, a <title> and a <desc> summarizing it, role="img".
 * @example trendSvg({ id: 'c', title: 'T', categories: ['2010'], series: [{ label: 'a', values: [1] }], unit: 'per 10,000 words' }).startsWith('<svg')
 * // => true
 */
export function trendSvg(opts: { id: string; title: string; categories: string[]; series: ChartSeries[]; unit: string }): string {
  const { id, title, categories, series, unit } = opts;
  const W = 640;
  const H = 300;
  const left = 48;
  const right = 16;
  const top = 16;
  const bottom = 64;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const niceMax = niceCeil(max);
  const x = (i: number) =>
    categories.length <= 1 ? left + (W - left - right) / 2 : left + (i * (W - left - right)) / (categories.length - 1);
  const y = (v: number) => top + (H - top - bottom) * (1 - v / niceMax);
  const parts: string[] = [];
  const desc = series.map((s) => `${s.label}: ${s.values.map((v, i) => `${categories[i]} ${v}`).join(', ')}`).join('; ');
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-title ${id}-desc" class="chart">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(`${unit}. ${desc}`)}</desc>`,
  );
  for (let k = 0; k <= 4; k++) {
    const v = (niceMax * k) / 4;
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" class="grid"/>`,
      `<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" class="tick">${escapeXml(formatTick(v))}</text>`,
    );
  }
  categories.forEach((c, i) => {
    parts.push(`<text x="${x(i).toFixed(1)}" y="${H - bottom + 18}" text-anchor="middle" class="tick">${escapeXml(c)}</text>`);
  });
  series.forEach((s, k) => {
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const colour = COLOURS[k % COLOURS.length]!;
    const dash = DASHES[k % DASHES.length]!;
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
    );
    s.values.forEach((v, i) => {
      parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="${3.5 + (k % 2)}" fill="${colour}"/>`);
    });
    const lx = left + k * 150;
    parts.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="${H - 18}" y2="${H - 18}" stroke="${colour}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      `<text x="${lx + 30}" y="${H - 14}" class="legend">${escapeXml(s.label.length > 18 ? `${s.label.slice(0, 17)}…` : s.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function formatTick(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}
