/**
 * A trends figure's numbers, computed once: `trendTable` puts termTrends'
 * counts in the groups' order, and the chart and its description
 * (chart.ts), the HTML table and legend (trend-figure.ts) and the CSV
 * download (here) are all written from that one TrendTable.
 */
import { type CorpusParagraph, type CorpusStatement, type TrendCell, csvText, termTrends } from './analysis.ts';

/** The unit of every rate, on the chart's y axis, in its description and in the table's caption. */
export const RATE_UNIT = 'per 10,000 words';
/** The y axis's label. */
export const AXIS_LABEL = `Occurrences ${RATE_UNIT}`;

/** One term's counts, one cell per group, in the groups' order. */
export interface TrendSeries {
  term: string;
  cells: TrendCell[];
}

/**
 * What a trends figure shows: the groups (years or speakers) in order with
 * their words, and one series per term.
 */
export interface TrendTable {
  /** Caption of the figure and its table ("By year"). */
  caption: string;
  /** What the groups are, for the table's first column ("Year"). */
  groupName: string;
  groups: { key: string; label: string; words: number }[];
  series: TrendSeries[];
}

/**
 * Puts `termTrends`' output in the groups' order.
 * @example trendTable('By year', 'Year', [{ term: 'a', cells: { y: { count: 1, words: 10, per10k: 1000 } } }], [{ key: 'y', label: '2010' }]).groups
 * // => [{ key: 'y', label: '2010', words: 10 }]
 */
export function trendTable(
  caption: string,
  groupName: string,
  trends: { term: string; cells: Record<string, TrendCell> }[],
  groups: { key: string; label: string }[],
): TrendTable {
  const cell = (t: { cells: Record<string, TrendCell> } | undefined, key: string): TrendCell =>
    t?.cells[key] ?? { count: 0, words: 0, per10k: 0 };
  return {
    caption,
    groupName,
    groups: groups.map((g) => ({ ...g, words: cell(trends[0], g.key).words })),
    series: trends.map((t) => ({ term: t.term, cells: groups.map((g) => cell(t, g.key)) })),
  };
}

/**
 * The terms counted by year or by speaker in the compact corpus (the build's
 * and the browser's, /data/concordance.json.gz), as a TrendTable: the one
 * path from the texts to every number a trends figure shows.
 */
export function termTable(
  data: { statements: CorpusStatement[]; paragraphs: CorpusParagraph[] },
  terms: string[],
  by: 'year' | 'speaker',
  groups: { key: string; label: string }[],
  caption: string,
): TrendTable {
  const groupOf = by === 'year' ? (i: number) => data.statements[i]!.year : (i: number) => data.statements[i]!.speakerId;
  const trends = termTrends(
    data.paragraphs,
    terms,
    groupOf,
    groups.map((g) => g.key),
  );
  return trendTable(caption, by === 'year' ? 'Year' : 'Speaker', trends, groups);
}

/**
 * A rate as every view shows it: one decimal.
 * @example formatRate(155.2) // => '155.2'
 */
export function formatRate(v: number): string {
  return v.toFixed(1);
}

/**
 * The table as CSV (RFC 4180: a header row, fields quoted when they hold a
 * comma, quote or line break, CRLF line ends; UTF-8), one row per group and
 * term: the group, the term, the raw count, the rate per 10,000 words and the
 * group's words. A leading = + - @ gets an apostrophe, as in every CSV of the site.
 * @example trendCsv({ caption: 'c', groupName: 'Year', groups: [{ key: 'y', label: '2010', words: 10 }], series: [{ term: 'a, b', cells: [{ count: 1, words: 10, per10k: 1000 }] }] })
 * // => 'year,term,count,per_10000_words,words\r\n2010,"a, b",1,1000.0,10\r\n'
 */
export function trendCsv(table: TrendTable): string {
  const rows = [[table.groupName.toLowerCase(), 'term', 'count', 'per_10000_words', 'words']];
  table.groups.forEach((g, i) => {
    for (const s of table.series) {
      const c = s.cells[i]!;
      rows.push([g.label, s.term, String(c.count), formatRate(c.per10k), String(g.words)]);
    }
  });
  return csvText(rows);
}
