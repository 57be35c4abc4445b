/**
 * The trends page: the terms in `?terms=a, b` are counted by year and by
 * speaker, drawn as a chart and tabulated, with downloads of what is shown
 * (CSV, SVG and PNG, named after the terms). Without JavaScript the page
 * shows the default terms, rendered at build time, and their static files.
 */
import { trendSvg } from '../analysis/chart.ts';
import { trendFigureHtml } from '../analysis/trend-figure.ts';
import { type TrendTable, termTable, trendCsv } from '../analysis/trend-table.ts';
import { loadCorpusData } from './corpus-data.ts';
import { el } from './dom.ts';
import { offerPng } from './trend-downloads.ts';

/** At most this many terms are compared. */
export const MAX_TERMS = 4;

/**
 * Reads comma-separated terms: the first four different ones are compared, the rest are dropped.
 * @example parseTerms(' GCM, Global Compact ,, x').terms // => ['GCM', 'Global Compact', 'x']
 */
export function parseTerms(value: string): { terms: string[]; dropped: string[] } {
  const all = [
    ...new Set(
      value
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  return { terms: all.slice(0, MAX_TERMS), dropped: all.slice(MAX_TERMS) };
}

/**
 * What the status line says of terms left out, or nothing.
 * @example droppedMessage(['x']) // => ' At most four terms are compared: “x” was left out.'
 */
export function droppedMessage(dropped: readonly string[]): string {
  if (dropped.length === 0) return '';
  const list = dropped.map((t) => `“${t}”`).join(', ');
  return ` At most four terms are compared: ${list} ${dropped.length === 1 ? 'was' : 'were'} left out.`;
}

/**
 * A file name part from the terms: letters and digits, lower case, joined by hyphens.
 * @example termsSlug(['Global Compact', 'GCM']) // => 'global-compact-gcm'
 */
export function termsSlug(terms: readonly string[]): string {
  return (
    terms
      .join(' ')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/gu, '')
      .slice(0, 80)
      .replace(/-$/u, '') || 'terms'
  );
}

/** A figure for `table`, its downloads made here: the CSV and the standalone SVG as blob URLs, the PNG drawn from that SVG. */
function figure(id: string, table: TrendTable, chart: boolean, name: string): HTMLElement {
  const out = el('figure', { className: 'trends', id });
  const blob = (text: string, type: string) => URL.createObjectURL(new Blob([text], { type }));
  const svg = chart ? trendSvg(table, { id: 'chart', variant: 'standalone' }) : null;
  // trendFigureHtml escapes every text it writes: the terms typed end up as text, never markup.
  out.innerHTML = trendFigureHtml(table, {
    id,
    chart,
    files: {
      csv: blob(trendCsv(table), 'text/csv;charset=utf-8'),
      ...(svg ? { svg: blob(svg, 'image/svg+xml') } : {}),
      name,
    },
  });
  if (svg) offerPng(out, () => Promise.resolve(svg), name);
  return out;
}

export async function runTrendsPage(): Promise<void> {
  const input = document.getElementById('trends-terms') as HTMLInputElement | null;
  const out = document.getElementById('trends-output');
  const status = document.getElementById('trends-status');
  const configEl = document.getElementById('trends-config');
  if (!input || !out || !status || !configEl) return;
  const config = JSON.parse(configEl.textContent ?? '{}') as {
    years: { key: string; label: string }[];
    speakers: { key: string; label: string }[];
  };
  const param = new URLSearchParams(location.search).get('terms');
  if (param === null) return;
  const { terms, dropped } = parseTerms(param);
  input.value = terms.join(', ');
  if (terms.length === 0) return;
  status.textContent = 'Counting…';
  const data = await loadCorpusData();
  const byYear = termTable(data, terms, 'year', config.years, 'By year');
  const bySpeaker = termTable(data, terms, 'speaker', config.speakers, 'By speaker');
  const slug = termsSlug(terms);
  out.replaceChildren(
    el('h2', {}, 'By year'),
    figure('by-year', byYear, true, `trends-by-year-${slug}`),
    el('h2', {}, 'By speaker'),
    figure('by-speaker', bySpeaker, false, `trends-by-speaker-${slug}`),
  );
  const total = byYear.series.map((s) => `${s.term} ${s.cells.reduce((n, c) => n + c.count, 0)}`).join(', ');
  status.textContent = `Showing: ${total} occurrences in all.${droppedMessage(dropped)}`;
}
