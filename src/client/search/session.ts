/**
 * One search against a Pagefind instance, given to it (the page passes the
 * real one, tests a fake): what Pagefind finds, the statements loaded and
 * checked so far, and how many are on screen. No DOM.
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
  hasFilters,
  pagefindQuery,
  parseQuery,
  type ParsedQuery,
  phraseQueries,
  RESULTS_PER_PAGE,
  type SearchState,
  SORT_KEY,
  type StatusFacts,
  upperBoundCounts,
  type ValueCounts,
} from '../../search/query.ts';
import { type StatementHit, toHit } from './excerpt.ts';
import type { Pagefind, PagefindData, PagefindFilters, PagefindResponse, PagefindResult, PagefindSort } from './pagefind.ts';

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
export const EXACT_LIMIT = 20;
/**
 * When phrases are checked page by page, the first page or one "Show more"
 * loads at most this many fragments (~100 kB) looking for statements that
 * pass; if fewer than a page pass, it shows those and "Show more" goes on. It
 * bounds what a phrase that few of Pagefind's word-stem matches contain costs.
 */
export const MAX_CHECKS_PER_LOAD = 3 * RESULTS_PER_PAGE;

/** Pagefind's filter index, per Pagefind instance: needed for its filter counts, loaded once and only when they are. */
const filterIndexes = new WeakMap<Pagefind, Promise<unknown>>();
function loadFilterIndex(pf: Pagefind): Promise<unknown> {
  let index = filterIndexes.get(pf);
  if (!index) {
    index = pf.filters();
    filterIndexes.set(pf, index);
  }
  return index;
}

/** Selected filter values as Pagefind takes them; facets with nothing selected are left out. */
export function pagefindFilters(filters: Record<Facet, string[]>): PagefindFilters {
  return Object.fromEntries(FACET_KEYS.filter((k) => filters[k].length > 0).map((k) => [k, { any: filters[k] }]));
}

/** One query Pagefind is asked: the query as typed, or one alias name in its place. */
export interface Run {
  q: ParsedQuery;
  /** The alias name searched for, or null. */
  name: string | null;
}

/** A statement Pagefind found, not yet loaded: its id, best score, and each run that found it. */
export interface Candidate {
  id: string;
  score: number;
  found: { run: Run; result: PagefindResult }[];
}

/** What Pagefind found for a search, before anything is loaded. */
export interface Found {
  /** In the order to show. */
  candidates: Candidate[];
  /** Per run, the Pagefind responses whose results were intersected (with their filter counts if loaded). */
  responses: PagefindResponse[][];
}

/** Facet counts: per `facet:value`, and whether they are exact or an upper bound. */
export interface FacetCounts {
  counts: Map<string, number>;
  /** Facets whose counts are upper bounds (Pagefind's counts before the phrase check). */
  atMost: Set<Facet>;
}

/**
 * One search on the page: what Pagefind found, the statements loaded and
 * checked so far, and how many are on screen. "Show more" continues it.
 */
export class Session {
  readonly state: SearchState;
  readonly pf: Pagefind;
  readonly parsed: ParsedQuery;
  readonly runs: Run[];
  /** The name the reader typed when the query was expanded to its aliases, or null. */
  readonly typed: string | null;
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
    this.typed = variants[0]?.typed ?? null;
    this.check =
      variants.length > 0 ? 'names' : this.parsed.phrases.length > 1 ? 'phrases' : this.parsed.phrases.length === 1 ? 'phrase' : null;
  }

  get sort(): PagefindSort | undefined {
    return this.state.sort === 'relevance' ? undefined : { [SORT_KEY]: this.state.sort === 'newest' ? 'desc' : 'asc' };
  }

  /** Every candidate checked, so the statements that passed are all there are. */
  get complete(): boolean {
    return this.checked >= this.found.candidates.length;
  }

  /** Whether "Show more results" has anything to show or check. */
  get hasMore(): boolean {
    return !(this.shown >= this.passed.length && this.complete);
  }

  /**
   * Starts the search: asks Pagefind, then loads and checks the first page of
   * statements, or every statement when there are at most `EXACT_LIMIT`. In
   * that case it also returns the facet counts (exact, from the statements
   * just loaded); otherwise null, and they come from Pagefind later.
   */
  async start(): Promise<FacetCounts | null> {
    this.found = await this.find(this.state.filters, false);
    const exact = this.found.candidates.length <= EXACT_LIMIT;
    await this.fill(exact ? this.found.candidates.length : RESULTS_PER_PAGE, exact ? Infinity : MAX_CHECKS_PER_LOAD);
    return exact ? await this.facetCounts() : null;
  }

  /** Puts the first page of statements that passed on screen: those statements. */
  showFirst(): StatementHit[] {
    this.shown = Math.min(RESULTS_PER_PAGE, this.passed.length);
    return this.passed.slice(0, this.shown);
  }

  /** Loads and checks what the next page needs ("Show more results"); `showNext` then puts it on screen. */
  async loadMore(): Promise<void> {
    await this.fill(this.shown + RESULTS_PER_PAGE, MAX_CHECKS_PER_LOAD);
  }

  /** Puts the next page of statements that passed on screen: those statements (none when none passed). */
  showNext(): StatementHit[] {
    const added = this.passed.slice(this.shown, this.shown + RESULTS_PER_PAGE);
    this.shown += added.length;
    return added;
  }

  /** What the status line says, as facts for `searchStatus`. */
  statusFacts(): StatusFacts {
    const complete = this.complete;
    return {
      q: this.state.q,
      filtered: hasFilters(this.state),
      found: this.found.candidates.length,
      checked: this.check === null ? this.shown : this.checked,
      passed: this.passed.length,
      paragraphs: complete ? this.passed.reduce((n, h) => n + h.paragraphs.length, 0) : null,
      shown: this.shown,
      check: this.check,
    };
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
      // Pagefind hands out one object per statement and rewrites its word positions on every search: keep a copy.
      d = c.found[0]!.result.data().then((x) => ({ ...x, locations: [...x.locations] }));
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
    hit?.paragraphs.sort((a, b) => a.n - b.n);
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
