/**
 * The trends page: the terms in `?terms=a, b` are counted by year and by
 * speaker, drawn as a chart and tabulated. Without JavaScript the page shows
 * the default terms, rendered at build time.
 */
import { type TrendCell, termTrends } from '../analysis/analysis.ts';
import { trendSvg } from '../analysis/chart.ts';
import { loadCorpusData } from './corpus-data.ts';
import { el } from './dom.ts';

/** At most this many terms are compared. */
const MAX_TERMS = 4;

/**
 * Reads up to four comma-separated terms.
 * @example parseTerms(' GCM, Global Compact ,, x') // => ['GCM', 'Global Compact', 'x']
 */
export function parseTerms(value: string): string[] {
  return [
    ...new Set(
      value
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ].slice(0, MAX_TERMS);
}

function table(
  caption: string,
  groupName: string,
  trends: { term: string; cells: Record<string, TrendCell> }[],
  groups: { key: string; label: string }[],
): HTMLElement {
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, groupName),
    ...trends.map((t) => el('th', { scope: 'col' }, t.term)),
    el('th', { scope: 'col' }, 'Words'),
  );
  const rows = groups.map((g) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, g.label),
      ...trends.map((t) => {
        const c = t.cells[g.key]!;
        return el('td', {}, `${c.count} `, el('span', { className: 'muted' }, `(${c.per10k.toFixed(1)})`));
      }),
      el('td', {}, (trends[0]?.cells[g.key]?.words ?? 0).toLocaleString('en')),
    ),
  );
  const wrap = el('section', { className: 'table-wrap', tabIndex: 0 });
  wrap.setAttribute('aria-label', `${caption}: table`);
  wrap.append(
    el('table', {}, el('caption', {}, `${caption}: occurrences (per 10,000 words)`), el('thead', {}, head), el('tbody', {}, ...rows)),
  );
  return wrap;
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
  const terms = parseTerms(param);
  input.value = terms.join(', ');
  if (terms.length === 0) return;
  status.textContent = 'Counting…';
  const { statements, paragraphs } = await loadCorpusData();
  const byYear = termTrends(
    paragraphs,
    terms,
    (i) => statements[i]!.year,
    config.years.map((g) => g.key),
  );
  const bySpeaker = termTrends(
    paragraphs,
    terms,
    (i) => statements[i]!.speakerId,
    config.speakers.map((g) => g.key),
  );
  const figure = el('figure', { className: 'trends', id: 'by-year' });
  // trendSvg escapes every text it writes: the terms typed end up as text, never markup.
  figure.innerHTML = trendSvg({
    id: 'by-year-chart',
    title: 'By year',
    categories: config.years.map((g) => g.label),
    series: byYear.map((t) => ({ label: t.term, values: config.years.map((g) => t.cells[g.key]!.per10k) })),
    unit: 'Occurrences per 10,000 words',
  });
  figure.append(table('By year', 'Year', byYear, config.years));
  out.replaceChildren(
    el('h2', {}, 'By year'),
    figure,
    el('h2', {}, 'By speaker'),
    el('figure', { className: 'trends', id: 'by-speaker' }, table('By speaker', 'Speaker', bySpeaker, config.speakers)),
  );
  const total = byYear.map((t) => `${t.term} ${Object.values(t.cells).reduce((s, c) => s + c.count, 0)}`).join(', ');
  status.textContent = `Showing: ${total} occurrences in all.`;
}
