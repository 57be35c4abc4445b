/**
 * Pagefind's browser API, as much of it as the search page uses, and the
 * loader of `/pagefind/pagefind.js` over parts of the index. The rest of the search code takes a
 * `Pagefind` as a value, so that tests can hand it a fake one.
 */
import { partPath } from '../../search/parts.ts';
import type { ValueCounts } from '../../search/query.ts';

/** A statement's fragment: what Pagefind loads for one result (its record, src/search/search-index.ts). */
export interface PagefindData {
  url: string;
  /** The title and every block's text, whitespace collapsed: words are what split on whitespace. */
  content: string;
  /** Word positions in `content` of what matched. */
  locations: number[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** One page found; nothing of it is loaded until `data()`. */
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}

/** Filters as Pagefind takes them: per facet, any of the values. */
export type PagefindFilters = Record<string, { any: string[] }>;

/** An order as Pagefind takes it: one sort key and its direction. */
export type PagefindSort = Record<string, 'asc' | 'desc'>;

export interface PagefindResponse {
  results: PagefindResult[];
  /** Per facet and value: how many of `results` have it. Empty until `filters()` has loaded the filter index. */
  filters: Record<string, ValueCounts>;
}

export interface Pagefind {
  search(query: string | null, options?: { filters?: PagefindFilters; sort?: PagefindSort }): Promise<PagefindResponse>;
  /** Loads the whole filter index; after it, every search also returns filter counts. */
  filters(): Promise<Record<string, ValueCounts>>;
}

/** A search as Pagefind's browser API answers it (before `partsPagefind` makes it the page's). */
interface RawResponse {
  results: PagefindResult[];
  filters: Record<string, ValueCounts>;
}

/** One Pagefind over several index parts, as `/pagefind/pagefind.js` creates it. */
interface RawPagefind {
  search(query: string | null, options?: { filters?: PagefindFilters; sort?: PagefindSort }): Promise<RawResponse>;
  filters(): Promise<Record<string, ValueCounts>>;
  mergeIndex(path: string, options?: { mergeFilter?: Record<string, string> }): Promise<void>;
}

/** What `/pagefind/pagefind.js` exports that the page uses. */
interface PagefindModule {
  createInstance(options: { basePath: string; mergeFilter?: Record<string, string>; noWorker?: boolean }): RawPagefind;
}

/** The synthetic filter that tells the parts apart: every page of a part has `part: <its name>`. */
export const PART_FILTER = 'part';

/**
 * The page's Pagefind over some parts of the index (newest first), from one
 * Pagefind instance that merged them. Each part is searched on its own (a
 * search filtered to its `part`), so that a result is known by its part: its
 * id is `<part>/<Pagefind's id>` (Pagefind's ids are unique only within one
 * index), and an order by date is the parts' order, each part in Pagefind's
 * own order (Pagefind's merge of several indexes orders by score alone).
 * Results by relevance are merged by score, as Pagefind merges them.
 */
export function partsPagefind(raw: RawPagefind, parts: readonly string[]): Pagefind {
  return {
    filters: () => raw.filters(),
    async search(query, options = {}) {
      const direction = options.sort ? Object.values(options.sort)[0] : undefined;
      const order = direction === 'asc' ? [...parts].reverse() : [...parts];
      const perPart = await Promise.all(
        order.map((part) => raw.search(query, { ...options, filters: { ...options.filters, [PART_FILTER]: { any: [part] } } })),
      );
      const results = perPart.flatMap((r, i) =>
        r.results.map((x) => ({ id: `${order[i]}/${x.id}`, score: x.score, data: () => x.data() })),
      );
      if (!direction) results.sort((a, b) => b.score - a.score);
      const filters: Record<string, ValueCounts> = {};
      for (const r of perPart) {
        for (const [facet, values] of Object.entries(r.filters)) {
          if (facet === PART_FILTER) continue;
          const sum = (filters[facet] ??= {});
          for (const [value, n] of Object.entries(values)) sum[value] = (sum[value] ?? 0) + n;
        }
      }
      return { results, filters };
    },
  };
}

let runtime: Promise<PagefindModule> | undefined;
const instances = new Map<string, Promise<Pagefind>>();

/**
 * The page's Pagefind over these parts of the index (by name, newest first),
 * created once per set of parts, when the first search needs it. The first
 * part's folder is where Pagefind's WebAssembly is loaded from; parts already
 * loaded for another set come from the browser's cache.
 */
export function loadPagefind(parts: readonly string[]): Promise<Pagefind> {
  const key = parts.join(' ');
  let instance = instances.get(key);
  if (!instance) {
    // A URL in a variable: the bundler leaves this import to the browser.
    const url = '/pagefind/pagefind.js';
    runtime ??= import(/* @vite-ignore */ url) as Promise<PagefindModule>;
    instance = runtime.then(async (pf) => {
      const [first, ...others] = parts;
      if (first === undefined) throw new Error('no part of the search index to search');
      // `noWorker`: Pagefind searches on the page, not in a web worker. A part holds at most
      // 1,000 statements, so a search takes milliseconds either way, and the worker's script
      // would be a 12 kB (gzip) request more on every first search (BENCHMARKS.md). The option
      // is read by Pagefind 1.6's pagefind.js (its `init`); the parts ship no worker script, and
      // the Content-Security-Policy allows none (astro.config.mjs).
      const raw = pf.createInstance({ basePath: partPath(first), mergeFilter: { [PART_FILTER]: first }, noWorker: true });
      await Promise.all(others.map((p) => raw.mergeIndex(partPath(p), { mergeFilter: { [PART_FILTER]: p } })));
      return partsPagefind(raw, parts);
    });
    instances.set(key, instance);
  }
  return instance;
}
