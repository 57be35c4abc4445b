/**
 * Search queries, pure: parsing quoted phrases, building what Pagefind is
 * asked, alias expansion, checking phrases against paragraph text, and the
 * search state that lives in the URL. Used by the search page's script.
 */
import { escapeRegExp } from '../edition/regexp.ts';

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

/** Pagefind's word separators: whitespace but U+FEFF, as its excerpts split a record's content. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/u;

/**
 * The words of a text as Pagefind counts word positions.
 * @example wordsOf(' the  Global\nCompact ') // => ['the', 'Global', 'Compact']
 */
export function wordsOf(text: string): string[] {
  return text.split(WORD_SEPARATORS).filter((w) => w !== '');
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

/**
 * The facets a search can be narrowed by, in the order the search page shows
 * them: the one list of their names. Each is a URL parameter, a Pagefind
 * filter (see `searchRecordOf` in `search-index.ts`) and a fieldset of the
 * search page.
 */
export const FACET_KEYS = ['speaker', 'year', 'theme', 'type', 'behalf'] as const;
export type Facet = (typeof FACET_KEYS)[number];

/**
 * No filter selected: an empty selection for every facet.
 * @example noFilters() // => { speaker: [], year: [], theme: [], type: [], behalf: [] }
 */
export function noFilters(): Record<Facet, string[]> {
  return Object.fromEntries(FACET_KEYS.map((k) => [k, []])) as unknown as Record<Facet, string[]>;
}

/** Pagefind's sort key of a statement (its date): written into the index by `searchRecordOf` (search-index.ts), asked for by the search page. */
export const SORT_KEY = 'date';

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
  /** Search every statement at once, not only the newest (`?scope=all`; see src/search/parts.ts). */
  all?: true;
}

/**
 * Reads the search state from URL parameters (`q`, one parameter per facet,
 * repeatable, `sort`, and `scope=all`). Unknown parameters and values are ignored.
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
    ...(params.get('scope') === 'all' ? { all: true as const } : {}),
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
  if (state.all) params.set('scope', 'all');
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

/**
 * The quoted queries that narrow Pagefind's matches for a query with phrases
 * inside a longer query: Pagefind is asked each phrase alone (where it does
 * match the phrase, on word stems) and only statements found by every one of
 * them are kept. Empty when `pagefindQuery` already asks for the lone phrase.
 * @example phraseQueries(parseQuery('"Global Compact" cooperation')) // => ['"Global Compact"']
 * @example phraseQueries(parseQuery('"Global Compact"')) // => []
 */
export function phraseQueries(p: ParsedQuery): string[] {
  if (p.phrases.length === 1 && p.terms.length === 0) return [];
  return [...new Set(p.phrases)].map((phrase) => `"${phrase}"`);
}

/** Counts per value of one facet, as Pagefind returns them (`filters.speaker`). */
export type ValueCounts = Record<string, number>;

/**
 * An upper bound on how many statements per facet value a search finds, from
 * Pagefind's counts alone: for each run (one alias name), the smallest count
 * among the searches whose results were intersected; across runs, their sum
 * (a statement found under two names counts twice); never more than `total`,
 * the number of statements found in all.
 * @example upperBoundCounts([[{ a: 5, b: 2 }, { a: 3, b: 4 }], [{ a: 1, b: 0 }]], 5) // => { a: 4, b: 2 }
 */
export function upperBoundCounts(runs: ValueCounts[][], total: number): ValueCounts {
  const out: ValueCounts = {};
  for (const searches of runs) {
    const values = new Set(searches.flatMap((s) => Object.keys(s)));
    for (const v of values) out[v] = (out[v] ?? 0) + Math.min(...searches.map((s) => s[v] ?? 0));
  }
  for (const v of Object.keys(out)) out[v] = Math.min(out[v]!, total);
  return out;
}

/** Statements shown at first, and added by each "Show more results". */
export const RESULTS_PER_PAGE = 10;

/** What the search page knows when it words its status line. */
export interface StatusFacts {
  /** The query as typed. */
  q: string;
  /** Whether any filter is selected. */
  filtered: boolean;
  /** Statements Pagefind found (merged over alias names, narrowed by phrases on word stems). */
  found: number;
  /** Statements checked so far (their text loaded). */
  checked: number;
  /** Checked statements that passed (contain the phrases as written; all of them when nothing needs checking). */
  passed: number;
  /** Paragraph hits of those, when every statement found has been checked; otherwise null. */
  paragraphs: number | null;
  /** Statements on screen. */
  shown: number;
  /** What is checked against the text: `null` when nothing is (plain words, Pagefind's match is the answer). */
  check: 'phrase' | 'phrases' | 'names' | null;
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The status line of the search page. It gives an exact count only for what
 * was counted: Pagefind's count when nothing needs checking, the statements
 * that passed once every one has been checked, and otherwise Pagefind's count
 * said to be one ("About …, matching word stems") with how many of those
 * checked so far pass.
 * @example searchStatus({ q: '"Global Compact"', filtered: false, found: 2, checked: 2, passed: 2, paragraphs: 2, shown: 2, check: 'phrase' })
 * // => '2 statements, 2 paragraphs for "Global Compact".'
 * @example searchStatus({ q: 'migration', filtered: false, found: 1234, checked: 10, passed: 10, paragraphs: null, shown: 10, check: null })
 * // => '1,234 statements for “migration”. Showing 10.'
 */
export function searchStatus(f: StatusFacts): string {
  const what = !f.q ? '' : /["“”]/u.test(f.q) ? ` for ${f.q}` : ` for “${f.q}”`;
  const allChecked = f.check === null || f.checked >= f.found;
  const total = f.check === null ? f.found : f.passed;
  if (allChecked && total === 0) return `No statements match${what}${f.filtered ? ' with these filters' : ''}.`;
  const filtered = f.filtered ? ', filtered' : '';
  if (allChecked) {
    const s = total === 1 ? 'statement' : 'statements';
    const p = f.q && f.paragraphs !== null ? `, ${count(f.paragraphs)} paragraph${f.paragraphs === 1 ? '' : 's'}` : '';
    const showing = f.shown < total ? ` Showing ${count(f.shown)}.` : f.shown > RESULTS_PER_PAGE ? ` Showing all ${count(f.shown)}.` : '';
    return `${count(total)} ${s}${p}${what}${filtered}.${showing}`;
  }
  const exactly = f.check === 'names' ? 'one of the names exactly' : f.check === 'phrases' ? 'the exact phrases' : 'the exact phrase';
  const s = f.found === 1 ? 'statement' : 'statements';
  return (
    `About ${count(f.found)} ${s}${what} (Pagefind's count, matching word stems)${filtered}; ` +
    `showing those with ${exactly}: ${count(f.passed)} of the first ${count(f.checked)} checked.`
  );
}
