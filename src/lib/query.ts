/**
 * Search queries, pure: parsing quoted phrases, building what Pagefind is
 * asked, alias expansion, checking phrases against paragraph text, and the
 * search state that lives in the URL. Used by the search page's script.
 */
import { escapeRegExp } from './regexp.ts';

/** A parsed query: quoted phrases (exact) and the remaining words. */
export interface ParsedQuery {
  /** Phrases given in quotes, in order, without the quotes. */
  phrases: string[];
  /** Words outside quotes, in order. */
  terms: string[];
}

const QUOTE_PAIRS = /["“”„«»]([^"“”„«»]*)["“”„«»]/gu;

/**
 * Splits a query into quoted phrases and other words. Straight and curly
 * double quotes both work; an unclosed quote is ignored.
 * @example parseQuery('"Global Compact" cooperation') // => { phrases: ['Global Compact'], terms: ['cooperation'] }
 */
export function parseQuery(q: string): ParsedQuery {
  const phrases: string[] = [];
  const rest = q.replace(QUOTE_PAIRS, (_m, inner: string) => {
    const p = inner.trim().replace(/\s+/gu, ' ');
    if (p) phrases.push(p);
    return ' ';
  });
  const terms = rest
    .replace(/["“”„«»]/gu, ' ')
    .split(/\s+/u)
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
  return { phrases, terms };
}

/**
 * The query string for Pagefind. Pagefind matches a phrase only when the whole
 * query is one quoted phrase; otherwise it gets every word, and phrases are
 * checked against the text afterwards (`containsPhrase`).
 * @example pagefindQuery({ phrases: ['Global Compact'], terms: [] }) // => '"Global Compact"'
 * @example pagefindQuery({ phrases: ['Global Compact'], terms: ['cooperation'] }) // => 'Global Compact cooperation'
 */
export function pagefindQuery(p: ParsedQuery): string | null {
  if (p.phrases.length === 1 && p.terms.length === 0) return `"${p.phrases[0]}"`;
  const words = [...p.phrases, ...p.terms].join(' ').trim();
  return words === '' ? null : words;
}

/**
 * Folds case, quote and apostrophe kinds, dash kinds and whitespace kinds,
 * character for character, so offsets stay those of the original text.
 * @example foldChars('“GCM’s”\t') // => '"gcm\'s" '
 */
export function foldChars(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘‛′]/gu, "'")
    .replace(/[“”„‟″]/gu, '"')
    .replace(/[‐‑‒–—―]/gu, '-')
    .replace(/\s/gu, ' ');
}

/**
 * Folds what should not tell texts apart when matching a phrase: as
 * `foldChars`, and runs of spaces become one.
 * @example fold('The  “GCM’s”') // => 'the "gcm\'s"'
 */
export function fold(text: string): string {
  return foldChars(text).replace(/ +/gu, ' ');
}

/** A regular expression for a phrase as whole words in folded text. */
function phraseRegExp(phrase: string): RegExp {
  const body = fold(phrase.trim()).split(' ').map(escapeRegExp).join(' ');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu');
}

/**
 * True when the text contains the phrase as whole words (folded as `fold` does).
 * @example containsPhrase('the Global Compact on Migration', 'global compact') // => true
 * @example containsPhrase('a global compactness', 'global compact') // => false
 */
export function containsPhrase(text: string, phrase: string): boolean {
  return phraseRegExp(phrase).test(fold(text));
}

/**
 * Where phrases occur in a text, as [start, end) offsets into the text itself,
 * merged and sorted: for highlighting. With `prefix`, a phrase's last word
 * also matches longer words ("migrant" marks "migrants"), as search does.
 * @example phraseRanges('The Global Compact.', ['global compact']) // => [[4, 18]]
 * @example phraseRanges('Migrants and migration', ['migrant'], { prefix: true }) // => [[0, 8]]
 */
export function phraseRanges(text: string, phrases: string[], options: { prefix?: boolean } = {}): [number, number][] {
  const folded = foldChars(text);
  const ranges: [number, number][] = [];
  for (const phrase of phrases) {
    const body = fold(phrase.trim()).split(' ').filter(Boolean).map(escapeRegExp).join(' +');
    if (!body) continue;
    const end = options.prefix ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])';
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${body}${end}`, 'gu');
    for (const m of folded.matchAll(re)) ranges.push([m.index, m.index + m[0].length]);
  }
  return mergeRanges(ranges);
}

/**
 * Sorts [start, end) ranges and merges those that overlap or touch.
 * @example mergeRanges([[5, 9], [0, 3], [2, 4]]) // => [[0, 4], [5, 9]]
 */
export function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * What to mark in a text for a search: the phrases whole, and the single
 * words also where they begin a longer word (as search stems do).
 * @example highlightRanges('Global Compact for migrants', ['global compact'], ['migrant']) // => [[0, 14], [19, 27]]
 */
export function highlightRanges(text: string, phrases: string[], words: string[]): [number, number][] {
  return mergeRanges([...phraseRanges(text, phrases), ...phraseRanges(text, words, { prefix: true })]);
}

/** A group of names for the same thing, from `content/aliases.yaml`. */
export interface AliasGroup {
  /** Group id. */
  id: string;
  /** The names, each searched as an exact phrase. */
  names: string[];
}

/** One query to run for an alias, and which name it stands for. */
export interface AliasVariant {
  /** The parsed query with the alias replaced by this name. */
  query: ParsedQuery;
  /** The name searched for. */
  name: string;
  /** The name the reader typed. */
  typed: string;
}

/**
 * Alias expansion for an unquoted query: when the words outside quotes contain
 * a name from an alias group (longest name first), one variant per name of the
 * group, the name as a phrase. Quoted phrases stay exact and are never expanded.
 * Returns [] when no alias applies.
 * @example expandAliases(parseQuery('GCM'), [{ id: 'gcm', names: ['GCM', 'Global Compact on Migration'] }]).map((v) => v.name)
 * // => ['GCM', 'Global Compact on Migration']
 */
export function expandAliases(p: ParsedQuery, groups: AliasGroup[]): AliasVariant[] {
  const words = p.terms.join(' ');
  const foldedWords = fold(words);
  let best: { group: AliasGroup; name: string; index: number; length: number } | null = null;
  for (const group of groups) {
    for (const name of group.names) {
      const m = phraseRegExp(name).exec(foldedWords);
      if (m && (!best || fold(name).length > best.length)) best = { group, name, index: m.index, length: m[0].length };
    }
  }
  if (!best) return [];
  const before = foldedWords.slice(0, best.index);
  const after = foldedWords.slice(best.index + best.length);
  const remaining = `${before} ${after}`.split(' ').filter((t) => /[\p{L}\p{N}]/u.test(t));
  return best.group.names.map((name) => ({
    name,
    typed: best.name,
    query: { phrases: [...p.phrases, name], terms: remaining },
  }));
}

/** The facets a search can be narrowed by; each is a URL parameter. */
export const FACET_KEYS = ['speaker', 'year', 'theme', 'type', 'behalf'] as const;
export type Facet = (typeof FACET_KEYS)[number];

/** How results are ordered. */
export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** Everything that defines a search, as kept in the URL. */
export interface SearchState {
  /** The query as typed. */
  q: string;
  /** Selected values per facet (any of them matches). */
  filters: Record<Facet, string[]>;
  /** Result order. */
  sort: SortOrder;
}

/**
 * Reads the search state from URL parameters (`q`, one parameter per facet,
 * repeatable, and `sort`). Unknown parameters and values are ignored.
 * @example stateFromParams(new URLSearchParams('q=%22Global+Compact%22&speaker=chen-xu')).filters.speaker // => ['chen-xu']
 */
export function stateFromParams(params: URLSearchParams): SearchState {
  const filters = Object.fromEntries(
    FACET_KEYS.map((k) => [k, [...new Set(params.getAll(k).filter((v) => /^[a-z0-9-]+$/u.test(v)))].sort()]),
  ) as Record<Facet, string[]>;
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance',
  };
}

/**
 * Writes the state as URL parameters in a stable order, leaving out defaults,
 * so equal searches have equal URLs.
 * @example paramsFromState({ q: 'GCM', filters: { speaker: [], year: ['2021'], theme: [], type: [], behalf: [] }, sort: 'relevance' }).toString()
 * // => 'q=GCM&year=2021'
 */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const k of FACET_KEYS) for (const v of [...state.filters[k]].sort()) params.append(k, v);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** True when the state has any filter selected. */
export function hasFilters(state: SearchState): boolean {
  return FACET_KEYS.some((k) => state.filters[k].length > 0);
}

/**
 * The words to highlight on a statement page reached from a hit: phrases
 * whole, then the other words.
 * @example highlightTerms({ phrases: ['Global Compact'], terms: ['cooperation'] }) // => ['Global Compact', 'cooperation']
 */
export function highlightTerms(p: ParsedQuery): string[] {
  return [...new Set([...p.phrases, ...p.terms])];
}
