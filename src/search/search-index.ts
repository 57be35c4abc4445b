/**
 * What the search index records for each statement, and the labels the
 * search page shows for filter values. Filter values are slugs so that they
 * can stand in URLs (`/search/?speaker=chen-xu`).
 */
import type { Corpus, StatementView } from '../site/corpus.ts';
import { dateStatusNote } from '../edition/dates.ts';
import { slugify } from '../edition/slugs.ts';
import { FACET_KEYS, type Facet, SORT_KEY, wordsOf } from './query.ts';
import type { PartInfo } from './parts.ts';

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
    ['date', `${s.dateLabel}${dateStatusNote(s.data.date)}`],
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
 * The search index is built in parts, each its own Pagefind index
 * (src/integrations/pagefind.ts): an edit re-indexes one part, a part can be
 * built on another machine, and the search page loads the newest parts first
 * (src/search/parts.ts). A part is a run of consecutive years holding at most
 * `searchPartStatements()` statements (a year that holds more is a part by
 * itself: a year is never split, so that a year filter maps to whole parts).
 * Years are gathered from the oldest, so that statements added to the newest
 * year, as a growing archive adds them, move no other part's boundary; an
 * edit that changes no date moves none.
 */
export interface SearchPart {
  /** Its first and last year (`1994-1996`), or its one year (`2023`): also its folder under /pagefind/. */
  id: string;
  /** Its years, oldest first. */
  years: string[];
  /** Its statements, in the corpus's date order. */
  statements: StatementView[];
}

/**
 * Consecutive years, oldest first, gathered into parts of at most `size`
 * statements (a larger year alone).
 * @example partYears([['2010', 2], ['2012', 1], ['2014', 3], ['2021', 1]], 3) // => [['2010', '2012'], ['2014'], ['2021']]
 */
export function partYears(counts: readonly (readonly [year: string, statements: number])[], size: number): string[][] {
  const out: string[][] = [];
  let held = 0;
  for (const [year, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    const last = out.at(-1);
    if (last && held + n <= size) {
      last.push(year);
      held += n;
    } else {
      out.push([year]);
      held = n;
    }
  }
  return out;
}

/** A part's name, from its years (oldest first). */
export const partId = (years: readonly string[]): string => (years.length === 1 ? years[0]! : `${years[0]}-${years.at(-1)}`);

/** The statements grouped into the search index's parts, newest part first. */
export function searchParts(corpus: Corpus, size = searchPartStatements()): SearchPart[] {
  const counts = new Map<string, number>();
  for (const s of corpus.statements) counts.set(s.year, (counts.get(s.year) ?? 0) + 1);
  const parts = partYears([...counts], size).map((years) => ({ id: partId(years), years, statements: [] as StatementView[] }));
  const byYear = new Map(parts.flatMap((p) => p.years.map((y) => [y, p] as const)));
  for (const s of corpus.statements) byYear.get(s.year)!.statements.push(s);
  return parts.reverse();
}

/** A part as the search page and a sharded build see it: its name, years and size. */
export const partInfo = (p: SearchPart): PartInfo => ({ id: p.id, years: p.years, statements: p.statements.length });

/** The parts as the search page and a sharded build see them, newest first. */
export function searchPartInfos(corpus: Corpus): PartInfo[] {
  return searchParts(corpus).map(partInfo);
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

/** A positive whole number from the environment variable `name`, or `fallback` when it is unset. */
function countFromEnv(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[1-9]\d{0,8}$/u.test(raw)) throw new Error(`${name}: "${raw}" is not a positive whole number of statements`);
  return Number(raw);
}

/**
 * How many statements a search covers at least before the reader widens it
 * (see src/search/parts.ts): 500, or SEARCH_FIRST_STATEMENTS at build time.
 * A first search takes the newest parts until they hold this many: with parts
 * of up to 1,000 (`searchPartStatements`), one part, or two when the newest is
 * small. Each statement in scope costs a first search its share of its part's
 * metadata (about 11 bytes) and, for each word searched, its part's chunk
 * holding that word (about 22 kB for a part of 1,000) (BENCHMARKS.md).
 */
export function firstSearchStatements(env: Record<string, string | undefined> = process.env): number {
  return countFromEnv(env, 'SEARCH_FIRST_STATEMENTS', 500);
}

/**
 * How many statements a part of the search index holds at most (unless one
 * year holds more): 1,000, or SEARCH_PART_STATEMENTS at build time. Every part
 * a search opens costs a request for its metadata and one for each word's
 * chunk, and a part's chunks are about 22 kB whatever the part holds, so fewer,
 * larger parts make a search cheaper (a whole corpus of 1,000 is one part and
 * one chunk a word), and smaller parts make an edit re-index less. (The tests
 * build the fixture's five statements with 1, a part a year, to exercise a
 * search over parts.)
 */
export function searchPartStatements(env: Record<string, string | undefined> = process.env): number {
  return countFromEnv(env, 'SEARCH_PART_STATEMENTS', 1000);
}
