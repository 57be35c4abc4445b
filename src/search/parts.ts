/**
 * Which parts of the search index a search covers. The index is built in
 * parts, each a run of consecutive years (`searchParts`,
 * src/search/search-index.ts). Every part a search covers costs its metadata
 * before the first result (about 11 bytes compressed per statement: 110 kB at
 * 10,000) and its share of each word's positions, so a search starts with the
 * newest parts holding at least `first` statements (the oldest, for "oldest
 * first"), or with the years it is filtered to, and says so; the reader can
 * widen it to every statement (`all`, `?scope=all` in the URL). A corpus no
 * larger than `first` is always searched whole.
 */
import type { AliasGroup, Facet, SearchState } from './query.ts';

/** One part of the index: its name, its years (oldest first), and how many statements it holds. */
export interface PartInfo {
  id: string;
  years: string[];
  statements: number;
}

/** A part's name, which is its folder under /pagefind/: its year, or its first and last year (`partId`, src/search/search-index.ts). */
export const PART_NAME = /^\d{4}(?:-\d{4})?$/u;

/** What the search page loads before its first search (/search/index.json). */
export interface SearchManifest {
  /** Newest first. */
  parts: PartInfo[];
  /** How many statements a search covers at first (at least; whole parts). */
  first: number;
  labels: Record<Facet, Record<string, string>>;
  aliases: AliasGroup[];
}

/** The parts a search covers. */
export interface Scope {
  /** Newest first, as the index lists them. */
  parts: PartInfo[];
  /** Statements in those parts. */
  statements: number;
  /** Statements in the whole index. */
  total: number;
  /** True when no statement outside the scope could match (every part, or every part holding a year filtered to). */
  complete: boolean;
}

/** Where a part's Pagefind index is. */
export const partPath = (id: string): string => `/pagefind/${id}/`;

/**
 * The parts a search covers: every part when asked for all or when the corpus
 * is no larger than `first`; with a year filter, the parts holding those years;
 * otherwise the newest parts (the oldest, for "oldest first") until they hold
 * at least `first` statements.
 * @example searchScope([{ id: '2023', years: ['2023'], statements: 3 }, { id: '2021-2022', years: ['2021', '2022'], statements: 3 }, { id: '2020', years: ['2020'], statements: 3 }], { q: 'x', filters: { speaker: [], year: [], theme: [], type: [], behalf: [] }, sort: 'relevance' }, 4).parts.map((p) => p.id)
 * // => ['2023', '2021-2022']
 */
export function searchScope(parts: readonly PartInfo[], state: SearchState, first: number): Scope {
  const total = parts.reduce((n, p) => n + p.statements, 0);
  const scope = (chosen: PartInfo[], complete: boolean): Scope => ({
    parts: chosen,
    statements: chosen.reduce((n, p) => n + p.statements, 0),
    total,
    complete,
  });
  if (state.all || total <= first) return scope([...parts], true);
  if (state.filters.year.length > 0)
    return scope(
      parts.filter((p) => p.years.some((y) => state.filters.year.includes(y))),
      true,
    );
  const ordered = state.sort === 'oldest' ? [...parts].reverse() : [...parts];
  const chosen: PartInfo[] = [];
  let held = 0;
  for (const p of ordered) {
    if (held >= first) break;
    chosen.push(p);
    held += p.statements;
  }
  // In the index's order (newest first), whichever end they were taken from.
  return scope(
    parts.filter((p) => chosen.includes(p)),
    chosen.length === parts.length,
  );
}

/**
 * What the page says of a scope that leaves statements out, or null.
 * @example scopeNote({ parts: [{ id: '2023', years: ['2023'], statements: 2100 }, { id: '2020-2022', years: ['2020', '2022'], statements: 1900 }], statements: 4000, total: 10000, complete: false })
 * // => 'Searched the 4,000 statements of 2020–2023, the newest of 10,000.'
 */
export function scopeNote(scope: Scope, sort: SearchState['sort'] = 'relevance'): string | null {
  if (scope.complete) return null;
  const years = scope.parts.flatMap((p) => p.years).sort();
  const span = years.length === 1 ? years[0]! : `${years[0]}–${years.at(-1)}`;
  const n = (x: number) => x.toLocaleString('en-US');
  return `Searched the ${n(scope.statements)} statements of ${span}, the ${sort === 'oldest' ? 'oldest' : 'newest'} of ${n(scope.total)}.`;
}
