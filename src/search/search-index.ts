/**
 * What the search index records for each statement, and the labels the
 * search page shows for filter values. Filter values are slugs so that they
 * can stand in URLs (`/search/?speaker=chen-xu`).
 */
import type { Corpus, StatementView } from '../site/corpus.ts';
import { slugify } from '../edition/slugs.ts';
import { FACET_KEYS, type Facet, SORT_KEY, wordsOf } from './query.ts';

/** Each facet's heading on the search page. */
const FACET_LABELS: Record<Facet, string> = {
  speaker: 'Speaker',
  year: 'Year',
  theme: 'Theme',
  type: 'Type',
  behalf: 'On behalf of',
};

/** The facets, in the order the search page shows them (that of `FACET_KEYS`), with their heading. */
export const FACETS: readonly { key: Facet; label: string }[] = FACET_KEYS.map((key) => ({ key, label: FACET_LABELS[key] }));

/**
 * Filter values, metadata and sort key of a statement for Pagefind.
 * @example searchFacetsOf(wu).filters // => [['speaker', 'wu-haitao'], ['year', '2012'], ['theme', 'international-cooperation'], …]
 */
export function searchFacetsOf(s: StatementView): {
  filters: [Facet, string][];
  meta: [string, string][];
  sort: string;
} {
  const filters: [Facet, string][] = [];
  if (s.speaker) filters.push(['speaker', s.speaker.id]);
  filters.push(['year', s.year]);
  for (const t of s.themes) filters.push(['theme', t.theme.id]);
  filters.push(['type', s.data.type]);
  if (s.data.onBehalfOf.value) filters.push(['behalf', slugify(s.data.onBehalfOf.value)]);
  // Shown with each result (src/client/search/render.ts), after the title.
  const meta: [string, string][] = [
    ['speaker', s.speaker?.name ?? 'Speaker not recorded'],
    ['date', s.dateLabel],
  ];
  return { filters, meta, sort: s.data.date.value };
}

/** Labels of every facet value, for the search page: facet → value → label. */
export function facetLabels(corpus: Corpus): Record<Facet, Record<string, string>> {
  return {
    speaker: Object.fromEntries(corpus.speakers.map((s) => [s.speaker.id, s.speaker.name])),
    year: Object.fromEntries(corpus.years.map((g) => [g.slug, g.label])),
    theme: Object.fromEntries(corpus.themes.map((t) => [t.theme.id, t.theme.label])),
    type: Object.fromEntries(corpus.types.map((g) => [g.slug, g.label])),
    behalf: Object.fromEntries(corpus.onBehalfOf.map((g) => [g.slug, g.label])),
  };
}

/**
 * The search index is built in parts, one per year of the statements' dates,
 * each its own Pagefind index (src/integrations/pagefind.ts): an edit
 * re-indexes one part, a part can be built on another machine, and the search
 * page loads the newest parts first (`SearchParts`). A part's name is its
 * year, so a statement never moves between parts unless its date does.
 */
export interface SearchPart {
  /** The year, which is also the part's folder under /pagefind/. */
  id: string;
  /** Its statements, in the corpus's date order. */
  statements: StatementView[];
}

/** The statements grouped into the search index's parts, newest year first. */
export function searchParts(corpus: Corpus): SearchPart[] {
  const byYear = new Map<string, StatementView[]>();
  for (const s of corpus.statements) {
    const part = byYear.get(s.year);
    if (part) part.push(s);
    else byYear.set(s.year, [s]);
  }
  return [...byYear].sort(([a], [b]) => b.localeCompare(a)).map(([id, statements]) => ({ id, statements }));
}

/**
 * One statement as Pagefind indexes it (a custom record: Pagefind's
 * `addCustomRecord`). Its content is the title and then every block's text,
 * whitespace collapsed, so that Pagefind's word positions (it splits on
 * whitespace) can be mapped back to blocks: `meta.blocks` lists each block's
 * id and the position of its first word (`p-1:6 p-2:9 …`). Indexing records,
 * not the rendered pages, keeps each result's fragment to the text once (the
 * pages' paragraph ids made Pagefind store every paragraph a second time as an
 * anchor) and keeps search attributes out of the pages.
 */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * The record of one statement.
 * @example searchRecordOf(wu).meta.blocks // => 'p-1:9 p-2:11 …'
 */
export function searchRecordOf(s: StatementView): SearchRecord {
  const { filters, meta, sort } = searchFacetsOf(s);
  const title = wordsOf(s.data.title);
  const pieces = [title.join(' ')];
  const starts: string[] = [];
  let at = title.length;
  for (const b of s.blocks) {
    // Counted, not spread into one array: a block may hold hundreds of thousands of words.
    const words = wordsOf(b.text);
    starts.push(`${b.id}:${at}`);
    at += words.length;
    if (words.length > 0) pieces.push(words.join(' '));
  }
  const grouped: Record<string, string[]> = {};
  for (const [facet, value] of filters) (grouped[facet] ??= []).push(value);
  return {
    url: `/statements/${s.data.id}/`,
    content: pieces.filter((p) => p !== '').join(' '),
    language: 'en',
    meta: { title: s.data.title, ...Object.fromEntries(meta), blocks: starts.join(' ') },
    filters: grouped,
    sort: { [SORT_KEY]: sort },
  };
}

/**
 * How many statements a search covers before the reader widens it (see
 * src/search/parts.ts): 1,000, or SEARCH_FIRST_STATEMENTS at build time.
 * Each statement in scope costs a first search its share of the parts'
 * metadata (about 11 bytes) and, for a word it holds, of that word's index
 * chunk (its positions: about 30 bytes); 1,000 keeps a common word's chunks
 * near 65 kB (BENCHMARKS.md).
 */
export function firstSearchStatements(env: Record<string, string | undefined> = process.env): number {
  const raw = env['SEARCH_FIRST_STATEMENTS'];
  if (raw === undefined || raw === '') return 1000;
  if (!/^[1-9]\d{0,8}$/u.test(raw)) throw new Error(`SEARCH_FIRST_STATEMENTS: "${raw}" is not a positive whole number of statements`);
  return Number(raw);
}
