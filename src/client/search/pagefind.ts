/**
 * Pagefind's browser API, as much of it as the search page uses, and the
 * loader of `/pagefind/pagefind.js`. The rest of the search code takes a
 * `Pagefind` as a value, so that tests can hand it a fake one.
 */
import type { ValueCounts } from '../../search/query.ts';

/** A block of a page that Pagefind recorded with its id (`<p id="p-7">`), and its text. */
export interface PagefindAnchor {
  element: string;
  id: string;
  text: string;
  location: number;
}

/** The part of a page under one anchor that matched, with Pagefind's excerpt (`<mark>` around the words). */
export interface PagefindSubResult {
  url: string;
  title: string;
  excerpt: string;
}

/** A page's fragment: what Pagefind loads for one result. */
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: PagefindAnchor[];
  sub_results: PagefindSubResult[];
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

let pagefind: Promise<Pagefind> | undefined;

/** Pagefind itself, imported once, when the first search needs it. */
export function loadPagefind(): Promise<Pagefind> {
  // A URL in a variable: the bundler leaves this import to the browser.
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
  return pagefind;
}
