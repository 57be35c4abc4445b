/**
 * The search page. The whole state (query, filters, order) lives in the URL;
 * the form, the result list and the facet counts are drawn from it. Pagefind
 * finds pages; this script checks quoted phrases against each paragraph's
 * text, expands aliases, and groups paragraph hits by statement. Nothing from
 * the index is ever parsed as HTML, and nothing is downloaded before a search.
 *
 * What a search downloads stays small however many statements match: the
 * statement count and the facet counts come from Pagefind's search response
 * (result ids and its filter counts), and a statement's text (its fragment) is
 * loaded only to show it, a page of results at a time. Only when Pagefind
 * finds few statements (`EXACT_LIMIT`) are all of them loaded, so that every
 * count is exact after the phrase check; above that the page says which
 * counts are Pagefind's.
 */
import {
  type AliasGroup,
  expandAliases,
  FACET_KEYS,
  type Facet,
  fold,
  containsPhrase,
  hasFilters,
  highlightRanges,
  highlightTerms,
  pagefindQuery,
  paramsFromState,
  parseQuery,
  type ParsedQuery,
  phraseQueries,
  RESULTS_PER_PAGE,
  type SearchState,
  searchStatus,
  stateFromParams,
  upperBoundCounts,
  type ValueCounts,
} from '../search/query.ts';
import { el } from './dom.ts';

interface PagefindAnchor {
  element: string;
  id: string;
  text: string;
  location: number;
}
interface PagefindSubResult {
  url: string;
  title: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: PagefindAnchor[];
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
type PagefindFilters = Record<string, { any: string[] }>;
type PagefindSort = Record<string, 'asc' | 'desc'>;
interface PagefindResponse {
  results: PagefindResult[];
  /** Per facet and value: how many of `results` have it. Empty until `filters()` has loaded the filter index. */
  filters: Record<string, ValueCounts>;
}
interface Pagefind {
  search(query: string | null, options?: { filters?: PagefindFilters; sort?: PagefindSort }): Promise<PagefindResponse>;
  /** Loads the whole filter index; after it, every search also returns filter counts. */
  filters(): Promise<Record<string, ValueCounts>>;
}

/**
 * Up to this many statements found by Pagefind, all of them are loaded and
 * checked, and every count (statements, paragraphs, facets) is exact, as on a
 * small site. By bytes: a statement's fragment is ~3.5 kB compressed for a
 * statement of 6 kB (2–3.5 kB for the real ones), so this mode loads at most
 * ~70 kB of fragments: the first page that paging loads anyway (~35 kB) plus
 * as much again, and it needs no filter index (Pagefind's facet counts need
 * the whole of it: ~160 kB at 10,000 statements). A larger limit would make
 * exactness cost more than the page itself.
 */
const EXACT_LIMIT = 20;
/**
 * When phrases are checked page by page, the first page or one "Show more"
 * loads at most this many fragments (~100 kB) looking for statements that
 * pass; if fewer than a page pass, it shows those and "Show more" goes on. It
 * bounds what a phrase that few of Pagefind's word-stem matches contain costs.
 */
const MAX_CHECKS_PER_LOAD = 3 * RESULTS_PER_PAGE;
/** Paragraph hits shown per statement before "and N more". */
const HITS_PER_STATEMENT = 5;
/** Words of context around a phrase in an excerpt. */
const EXCERPT_WORDS = 30;

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  // A URL in a variable: the bundler leaves this import to the browser.
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
  return pagefind;
}

let filterIndex: Promise<unknown> | undefined;
/** Pagefind's filter index: needed for its filter counts, loaded once and only when they are. */
function loadFilterIndex(pf: Pagefind): Promise<unknown> {
  filterIndex ??= pf.filters();
  return filterIndex;
}

/** A paragraph that matched. */
interface ParagraphHit {
  id: string;
  /** Excerpt as [text, highlighted] pieces. */
  pieces: [string, boolean][];
}

/** A statement that matched, with its paragraphs. */
interface StatementHit {
  url: string;
  score: number;
  data: PagefindData;
  paragraphs: ParagraphHit[];
  /** Alias names that found it, when the search was expanded. */
  names: string[];
}

function piecesFromPagefind(excerpt: string): [string, boolean][] {
  const out: [string, boolean][] = [];
  let marked = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/u)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) out.push([decodeEntities(part), marked]);
  }
  return out;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&#x27;/gu, "'")
    .replace(/&amp;/gu, '&');
}

/** An excerpt around the first phrase match, with every match highlighted. */
function piecesAround(text: string, marks: string[], prefixTerms: string[]): [string, boolean][] {
  const merged = highlightRanges(text, marks, prefixTerms);
  const words = [...text.matchAll(/\S+/gu)];
  const firstWord = merged.length === 0 ? 0 : Math.max(0, words.findIndex((w) => w.index + w[0].length > merged[0]![0]) - 8);
  const lastWord = Math.min(words.length, firstWord + EXCERPT_WORDS);
  const start = words[firstWord]?.index ?? 0;
  const end = lastWord >= words.length ? text.length : words[lastWord - 1]!.index + words[lastWord - 1]![0].length;
  const out: [string, boolean][] = [];
  if (start > 0) out.push(['… ', false]);
  let at = start;
  for (const [a, b] of merged) {
    if (b <= start || a >= end) continue;
    if (a > at) out.push([text.slice(at, a), false]);
    out.push([text.slice(Math.max(a, start), Math.min(b, end)), true]);
    at = Math.min(b, end);
  }
  if (at < end) out.push([text.slice(at, end), false]);
  if (end < text.length) out.push([' …', false]);
  return out;
}

/** Paragraph anchors of a result (the blocks p-1 … p-n). */
function paragraphsOf(d: PagefindData): PagefindAnchor[] {
  return d.anchors.filter((a) => /^p-\d+$/u.test(a.id));
}

/**
 * Turns one loaded statement into a hit for a parsed query, or null when a
 * quoted phrase does not occur in it (Pagefind only saw the word stems).
 */
function toHit(score: number, d: PagefindData, q: ParsedQuery, names: string[]): StatementHit | null {
  const paras = paragraphsOf(d);
  if (q.phrases.length > 0) {
    const everyPhrase = q.phrases.every((p) => paras.some((a) => containsPhrase(a.text, p)) || containsPhrase(d.meta['title'] ?? '', p));
    if (!everyPhrase) return null;
    const hits = paras
      .filter((a) => q.phrases.some((p) => containsPhrase(a.text, p)))
      .map((a) => ({ id: a.id, pieces: piecesAround(a.text, q.phrases, q.terms) }));
    return { url: d.url, score, data: d, paragraphs: hits, names };
  }
  const hits = d.sub_results
    .map((s) => ({ id: /#(p-\d+)$/u.exec(s.url)?.[1], excerpt: s.excerpt }))
    .filter((s): s is { id: string; excerpt: string } => s.id !== undefined)
    .map((s) => ({ id: s.id, pieces: piecesFromPagefind(s.excerpt) }));
  return { url: d.url, score, data: d, paragraphs: hits, names };
}

function pagefindFilters(filters: Record<Facet, string[]>): PagefindFilters {
  return Object.fromEntries(FACET_KEYS.filter((k) => filters[k].length > 0).map((k) => [k, { any: filters[k] }]));
}

/** One query Pagefind is asked: the query as typed, or one alias name in its place. */
interface Run {
  q: ParsedQuery;
  /** The alias name searched for, or null. */
  name: string | null;
}

/** A statement Pagefind found, not yet loaded: its id, best score, and each run that found it. */
interface Candidate {
  id: string;
  score: number;
  found: { run: Run; result: PagefindResult }[];
}

/** What Pagefind found for a search, before anything is loaded. */
interface Found {
  /** In the order to show. */
  candidates: Candidate[];
  /** Per run, the Pagefind responses whose results were intersected (with their filter counts if loaded). */
  responses: PagefindResponse[][];
}

/** Facet counts: per `facet:value`, and whether they are exact or an upper bound. */
interface FacetCounts {
  counts: Map<string, number>;
  /** Facets whose counts are upper bounds (Pagefind's counts before the phrase check). */
  atMost: Set<Facet>;
}

/**
 * One search on the page: what Pagefind found, the statements loaded and
 * checked so far, and how many are on screen. "Show more" continues it.
 */
class Session {
  readonly state: SearchState;
  readonly pf: Pagefind;
  readonly parsed: ParsedQuery;
  readonly runs: Run[];
  /** Whether statements must be loaded and checked against phrases (or alias names). */
  readonly check: 'phrase' | 'phrases' | 'names' | null;
  /** Responses already asked of Pagefind in this session, by query, filters and order. */
  private readonly responses = new Map<string, { withCounts: boolean; response: Promise<PagefindResponse> }>();
  /** Statements loaded in this session, by id (Pagefind keeps the fragment; this keeps this query's excerpts). */
  private readonly loaded = new Map<string, Promise<PagefindData>>();
  found: Found = { candidates: [], responses: [] };
  /** Statements that passed, in order; the first `shown` are on screen. */
  readonly passed: StatementHit[] = [];
  /** Candidates checked so far (from the start of the list). */
  checked = 0;
  shown = 0;

  constructor(state: SearchState, pf: Pagefind, aliases: AliasGroup[]) {
    this.state = state;
    this.pf = pf;
    this.parsed = parseQuery(state.q);
    const variants = this.parsed.phrases.length === 0 ? expandAliases(this.parsed, aliases) : [];
    this.runs = variants.length > 0 ? variants.map((v) => ({ q: v.query, name: v.name })) : [{ q: this.parsed, name: null }];
    this.check =
      variants.length > 0 ? 'names' : this.parsed.phrases.length > 1 ? 'phrases' : this.parsed.phrases.length === 1 ? 'phrase' : null;
  }

  get sort(): PagefindSort | undefined {
    return this.state.sort === 'relevance' ? undefined : { date: this.state.sort === 'newest' ? 'desc' : 'asc' };
  }

  /** Every candidate checked, so the statements that passed are all there are. */
  get complete(): boolean {
    return this.checked >= this.found.candidates.length;
  }

  /** Asks Pagefind (no fragment is loaded); with `withCounts`, after loading the filter index so that counts come back. */
  private async ask(
    query: string | null,
    filters: PagefindFilters,
    sort: PagefindSort | undefined,
    withCounts: boolean,
  ): Promise<PagefindResponse> {
    const key = JSON.stringify([query, filters, sort ?? null]);
    const seen = this.responses.get(key);
    if (seen && (seen.withCounts || !withCounts)) return seen.response;
    const response = (async () => {
      if (withCounts) await loadFilterIndex(this.pf);
      return this.pf.search(query, { filters, ...(sort ? { sort } : {}) });
    })();
    this.responses.set(key, { withCounts, response });
    return response;
  }

  /**
   * What Pagefind finds for every run under these filters, merged by statement:
   * a query with phrases inside longer text keeps only the statements that
   * Pagefind also finds for each phrase alone.
   */
  async find(filters: Record<Facet, string[]>, withCounts: boolean): Promise<Found> {
    const pfFilters = pagefindFilters(filters);
    const sort = this.sort;
    const perRun = await Promise.all(
      this.runs.map(async (run) => {
        const main = await this.ask(pagefindQuery(run.q), pfFilters, sort, withCounts);
        const narrowing = await Promise.all(phraseQueries(run.q).map((p) => this.ask(p, pfFilters, undefined, withCounts)));
        const keep = narrowing.map((r) => new Set(r.results.map((x) => x.id)));
        return { run, results: main.results.filter((r) => keep.every((ids) => ids.has(r.id))), responses: [main, ...narrowing] };
      }),
    );
    const byId = new Map<string, Candidate>();
    for (const { run, results } of perRun) {
      for (const result of results) {
        const c = byId.get(result.id);
        if (c) {
          c.score = Math.max(c.score, result.score);
          c.found.push({ run, result });
        } else byId.set(result.id, { id: result.id, score: result.score, found: [{ run, result }] });
      }
    }
    const candidates = [...byId.values()];
    // One run keeps Pagefind's order; several are merged by best score, or by the date order of all statements.
    if (perRun.length > 1) {
      if (!sort) candidates.sort((a, b) => b.score - a.score);
      else {
        const all = await this.ask(null, {}, sort, false);
        const rank = new Map(all.results.map((r, i) => [r.id, i]));
        candidates.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
      }
    }
    return { candidates, responses: perRun.map((r) => r.responses) };
  }

  /** Loads one candidate and checks it against every run that found it: its hit, or null. */
  private async hitOf(c: Candidate): Promise<StatementHit | null> {
    let d = this.loaded.get(c.id);
    if (!d) {
      // Pagefind hands out one object per statement and rewrites its excerpts on every call: keep a copy.
      d = c.found[0]!.result.data().then((x) => ({ ...x, sub_results: [...x.sub_results] }));
      this.loaded.set(c.id, d);
    }
    const data = await d;
    let hit: StatementHit | null = null;
    for (const { run } of c.found) {
      const h = toHit(c.score, data, run.q, run.name ? [run.name] : []);
      if (!h) continue;
      if (!hit) {
        hit = h;
        continue;
      }
      for (const n of h.names) if (!hit.names.includes(n)) hit.names.push(n);
      for (const p of h.paragraphs) if (!hit.paragraphs.some((x) => x.id === p.id)) hit.paragraphs.push(p);
    }
    hit?.paragraphs.sort((a, b) => Number(a.id.slice(2)) - Number(b.id.slice(2)));
    return hit;
  }

  /** Loads and checks candidates of a list, all at once. */
  checkAll(candidates: Candidate[]): Promise<(StatementHit | null)[]> {
    return Promise.all(candidates.map((c) => this.hitOf(c)));
  }

  /**
   * Loads and checks further candidates until `target` statements have passed,
   * the candidates run out, or `limit` have been loaded by this call. Never
   * loads more than the statements still needed at each step.
   */
  async fill(target: number, limit: number): Promise<void> {
    let loaded = 0;
    while (this.passed.length < target && !this.complete && loaded < limit) {
      const n = Math.min(target - this.passed.length, limit - loaded);
      const batch = this.found.candidates.slice(this.checked, this.checked + n);
      this.checked += batch.length;
      loaded += batch.length;
      for (const hit of await this.checkAll(batch)) if (hit) this.passed.push(hit);
    }
  }

  /** Facet counts for the search: for each facet, over what the search finds without that facet's own selection. */
  async facetCounts(): Promise<FacetCounts> {
    const out: FacetCounts = { counts: new Map(), atMost: new Set() };
    const add = (facet: Facet, values: ValueCounts) => {
      for (const [v, n] of Object.entries(values)) out.counts.set(`${facet}:${v}`, n);
    };
    await Promise.all(
      FACET_KEYS.map(async (facet) => {
        const own = this.state.filters[facet].length > 0;
        const filters = own ? { ...this.state.filters, [facet]: [] } : this.state.filters;
        let found = own ? await this.find(filters, false) : this.found;
        if (found.candidates.length <= EXACT_LIMIT) {
          // Few enough to load: count the statements that pass, from their own filter values.
          const values: ValueCounts = {};
          for (const hit of await this.checkAll(found.candidates)) {
            for (const v of hit?.data.filters[facet] ?? []) values[v] = (values[v] ?? 0) + 1;
          }
          add(facet, values);
          return;
        }
        found = await this.find(filters, true);
        const perRun = found.responses.map((rs) => rs.map((r) => r.filters[facet] ?? {}));
        if (this.check === null) add(facet, perRun[0]![0]!);
        else {
          add(facet, upperBoundCounts(perRun, found.candidates.length));
          out.atMost.add(facet);
        }
      }),
    );
    return out;
  }
}

interface Config {
  labels: Record<Facet, Record<string, string>>;
  aliases: AliasGroup[];
}
let config: Config;

function renderHit(hit: StatementHit, q: ParsedQuery, typed: string | null): HTMLLIElement {
  const hl = new URLSearchParams();
  for (const t of [...highlightTerms(q), ...hit.names]) hl.append('hl', t);
  const base = hit.url;
  const li = el('li');
  li.append(el('h2', {}, el('a', { href: base }, hit.data.meta['title'] ?? base)));
  li.append(el('p', { className: 'meta' }, `${hit.data.meta['speaker'] ?? ''} · ${hit.data.meta['date'] ?? ''}`));
  const others = typed ? hit.names.filter((n) => fold(n) !== fold(typed)) : [];
  if (others.length > 0) {
    const also = hit.names.length > others.length ? `“${typed}” and ` : '';
    li.append(
      el(
        'p',
        { className: 'alias' },
        `Found as ${also}${others.map((n) => `“${n}”`).join(', ')}: ${others.length === 1 ? 'another name' : 'other names'} for “${typed}”.`,
      ),
    );
  }
  if (hit.paragraphs.length > 0) {
    const list = el('ol', { className: 'paras' });
    for (const p of hit.paragraphs.slice(0, HITS_PER_STATEMENT)) {
      const item = el('li');
      const n = p.id.slice(2);
      item.append(el('a', { className: 'pnum', href: `${base}?${hl.toString()}#${p.id}` }, `¶${n}`), ' ');
      for (const [text, marked] of p.pieces) item.append(marked ? el('mark', {}, text) : text);
      list.append(item);
    }
    li.append(list);
    if (hit.paragraphs.length > HITS_PER_STATEMENT) {
      li.append(el('p', { className: 'more' }, `and ${hit.paragraphs.length - HITS_PER_STATEMENT} more paragraphs in this statement`));
    }
  }
  return li;
}

/** Wires up the search page. */
export function runSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  const input = document.getElementById('search-q') as HTMLInputElement | null;
  const sortSelect = document.getElementById('search-sort') as HTMLSelectElement | null;
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const controls = document.getElementById('search-controls');
  const browse = document.getElementById('search-browse');
  const moreBox = document.getElementById('search-more');
  const more = document.getElementById('search-more-button') as HTMLButtonElement | null;
  const countsNote = document.getElementById('search-counts-note');
  const countsAsk = document.getElementById('search-counts-ask');
  const countsButton = document.getElementById('search-counts-button');
  const configEl = document.getElementById('search-config');
  if (
    !form ||
    !input ||
    !sortSelect ||
    !status ||
    !list ||
    !controls ||
    !browse ||
    !moreBox ||
    !more ||
    !countsNote ||
    !countsAsk ||
    !countsButton ||
    !configEl
  )
    return;
  config = JSON.parse(configEl.textContent ?? '{}') as Config;
  /** Each search has a number; an older one that finishes late draws nothing. */
  let generation = 0;
  /** The search on screen, which "Show more" continues. */
  let current: Session | null = null;
  let loadingMore = false;
  /**
   * Whether the reader asked for facet counts over many matches. They need
   * Pagefind's whole filter index (about 160 kB at 10,000 statements), so a
   * search that finds many statements shows them only on request; once asked,
   * every later search counts at once.
   */
  let countsWanted = false;

  const readForm = (): SearchState => stateFromParams(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
  const writeForm = (state: SearchState) => {
    input.value = state.q;
    sortSelect.value = state.sort;
    for (const box of controls.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      box.checked = state.filters[box.name as Facet]?.includes(box.value) ?? false;
    }
  };

  const typedName = (s: Session): string | null =>
    s.parsed.phrases.length === 0 ? (expandAliases(s.parsed, config.aliases)[0]?.typed ?? null) : null;

  const writeStatus = (s: Session) => {
    const complete = s.complete;
    status.textContent = searchStatus({
      q: s.state.q,
      filtered: hasFilters(s.state),
      found: s.found.candidates.length,
      checked: s.check === null ? s.shown : s.checked,
      passed: s.passed.length,
      paragraphs: complete ? s.passed.reduce((n, h) => n + h.paragraphs.length, 0) : null,
      shown: s.shown,
      check: s.check,
    });
    moreBox.hidden = s.shown >= s.passed.length && complete;
  };

  const drawCounts = (s: Session, fc: FacetCounts) => {
    for (const c of controls.querySelectorAll<HTMLElement>('.count')) {
      const key = c.dataset['countFor'] ?? '';
      const n = fc.counts.get(key) ?? 0;
      const facet = key.split(':')[0] as Facet;
      c.textContent = fc.atMost.has(facet) && n > 0 ? `(up to ${n.toLocaleString('en-US')})` : `(${n.toLocaleString('en-US')})`;
      c.closest('li')?.classList.toggle('empty', n === 0);
    }
    countsNote.hidden = fc.atMost.size === 0;
    countsNote.textContent =
      s.runs.length > 1
        ? "“Up to”: Pagefind's counts for each name, matching word stems, added up (a statement found under two names counts twice), before the check for the exact names."
        : "“Up to”: Pagefind's count, matching word stems, before the check for the exact phrase.";
  };

  const show = async (state: SearchState, browseAll = false) => {
    const mine = ++generation;
    current = null;
    document.title = state.q ? `“${state.q}” · Search · Migration Statements` : 'Search · Migration Statements';
    moreBox.hidden = true;
    countsAsk.hidden = true;
    controls.removeAttribute('aria-busy');
    if (!state.q && !hasFilters(state) && !browseAll) {
      list.replaceChildren();
      status.textContent = 'Type words or a "quoted phrase", or browse all statements.';
      browse.hidden = false;
      for (const c of controls.querySelectorAll('.count')) c.textContent = '';
      countsNote.hidden = true;
      controls.hidden = false;
      return;
    }
    browse.hidden = true;
    status.textContent = 'Searching…';
    try {
      const s = new Session(state, await loadPagefind(), config.aliases);
      s.found = await s.find(state.filters, false);
      const exact = s.found.candidates.length <= EXACT_LIMIT;
      await s.fill(exact ? s.found.candidates.length : RESULTS_PER_PAGE, exact ? Infinity : MAX_CHECKS_PER_LOAD);
      // Exact: facets are counted from the statements just loaded. Otherwise from Pagefind, once the results are on screen.
      const counts = exact ? await s.facetCounts() : null;
      if (mine !== generation) return;
      current = s;
      const typed = typedName(s);
      s.shown = Math.min(RESULTS_PER_PAGE, s.passed.length);
      list.replaceChildren(...s.passed.slice(0, s.shown).map((h) => renderHit(h, s.parsed, typed)));
      // Shown with the first results, not before: appearing below them moves nothing.
      controls.hidden = false;
      if (counts) drawCounts(s, counts);
      else {
        for (const c of controls.querySelectorAll('.count')) c.textContent = '';
        countsNote.hidden = true;
        if (countsWanted) controls.setAttribute('aria-busy', 'true');
        else countsAsk.hidden = false;
      }
      writeStatus(s);
      if (s.passed.length === 0 && s.complete && hasFilters(state)) {
        const retry = el('button', { type: 'button', className: 'button secondary' }, 'Search without filters');
        retry.addEventListener('click', () =>
          go({ ...state, filters: { speaker: [], year: [], theme: [], type: [], behalf: [] } }, 'push'),
        );
        list.replaceChildren(el('li', {}, retry));
      }
      if (!counts && countsWanted) await countLater(s, mine);
    } catch {
      if (mine === generation) {
        status.textContent = 'Search could not load. Browse the statements by speaker, year or theme instead.';
        controls.removeAttribute('aria-busy');
      }
    }
  };

  /** Draws the facet counts of a search with many matches, unless another search has started since. */
  const countLater = async (s: Session, mine: number) => {
    controls.setAttribute('aria-busy', 'true');
    const later = await s.facetCounts();
    if (mine !== generation) return;
    drawCounts(s, later);
    controls.removeAttribute('aria-busy');
  };

  countsButton.addEventListener('click', () => {
    const s = current;
    countsWanted = true;
    countsAsk.hidden = true;
    if (!s) return;
    // Focus stays in the filters, on the first of them, where the counts appear.
    controls.querySelector<HTMLInputElement>('input[type=checkbox]')?.focus();
    void countLater(s, generation).catch(() => {
      controls.removeAttribute('aria-busy');
      countsNote.hidden = false;
      countsNote.textContent = 'The counts could not load.';
    });
  });

  const showMore = async () => {
    const s = current;
    if (!s || loadingMore) return;
    loadingMore = true;
    more.setAttribute('aria-disabled', 'true');
    status.textContent = 'Loading more results…';
    try {
      await s.fill(s.shown + RESULTS_PER_PAGE, MAX_CHECKS_PER_LOAD);
      if (current !== s) return;
      const added = s.passed.slice(s.shown, s.shown + RESULTS_PER_PAGE);
      const typed = typedName(s);
      const items = added.map((h) => renderHit(h, s.parsed, typed));
      list.append(...items);
      s.shown += added.length;
      writeStatus(s);
      // Keyboard and screen-reader users go on reading at the first new result; if none
      // came and the button is gone, at the last result.
      const next = items[0] ?? (moreBox.hidden ? list.lastElementChild : null);
      next?.querySelector<HTMLElement>('h2 a')?.focus();
    } catch {
      if (current === s) status.textContent = 'More results could not load. Try again.';
    } finally {
      loadingMore = false;
      more.removeAttribute('aria-disabled');
    }
  };

  const go = (state: SearchState, history: 'push' | 'replace' | 'none', browseAll = false) => {
    const params = paramsFromState(state).toString();
    const url = `${location.pathname}${params ? `?${params}` : ''}`;
    if (history === 'push' && url !== `${location.pathname}${location.search}`) window.history.pushState(null, '', url);
    if (history === 'replace') window.history.replaceState(null, '', url);
    writeForm(state);
    void show(state, browseAll);
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(readForm(), 'push');
  });
  controls.addEventListener('change', () => go(readForm(), 'push'));
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => go(readForm(), 'replace'), 350);
  });
  document.getElementById('search-clear')?.addEventListener('click', () => {
    go({ ...readForm(), filters: { speaker: [], year: [], theme: [], type: [], behalf: [] } }, 'push');
  });
  document.getElementById('search-browse-all')?.addEventListener('click', () => go(readForm(), 'none', true));
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => go(stateFromParams(new URLSearchParams(location.search)), 'none'));

  go(stateFromParams(new URLSearchParams(location.search)), 'none');
}
