/**
 * The search page. The whole state (query, filters, order) lives in the URL;
 * the form, the result list and the facet counts are drawn from it. Pagefind
 * finds pages; this script checks quoted phrases against each paragraph's
 * text, expands aliases, and groups paragraph hits by statement. Nothing from
 * the index is ever parsed as HTML, and nothing is downloaded before a search.
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
  type SearchState,
  stateFromParams,
} from '../lib/query.ts';
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
interface Pagefind {
  search(
    query: string | null,
    options?: { filters?: Record<string, { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: PagefindResult[] }>;
}

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

const dataCache = new Map<string, Promise<PagefindData>>();
function dataOf(r: PagefindResult): Promise<PagefindData> {
  let d = dataCache.get(r.id);
  if (!d) {
    d = r.data();
    dataCache.set(r.id, d);
  }
  return d;
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
 * Turns one Pagefind result into a statement hit for the parsed query, or null
 * when a quoted phrase does not occur in it (Pagefind only saw the words).
 */
function toHit(r: PagefindResult, d: PagefindData, q: ParsedQuery, names: string[]): StatementHit | null {
  const paras = paragraphsOf(d);
  if (q.phrases.length > 0) {
    const everyPhrase = q.phrases.every((p) => paras.some((a) => containsPhrase(a.text, p)) || containsPhrase(d.meta['title'] ?? '', p));
    if (!everyPhrase) return null;
    const hits = paras
      .filter((a) => q.phrases.some((p) => containsPhrase(a.text, p)))
      .map((a) => ({ id: a.id, pieces: piecesAround(a.text, q.phrases, q.terms) }));
    return { url: d.url, score: r.score, data: d, paragraphs: hits, names };
  }
  const hits = d.sub_results
    .map((s) => ({ id: /#(p-\d+)$/u.exec(s.url)?.[1], excerpt: s.excerpt }))
    .filter((s): s is { id: string; excerpt: string } => s.id !== undefined)
    .map((s) => ({ id: s.id, pieces: piecesFromPagefind(s.excerpt) }));
  return { url: d.url, score: r.score, data: d, paragraphs: hits, names };
}

function pagefindFilters(filters: Record<Facet, string[]>): Record<string, { any: string[] }> {
  return Object.fromEntries(FACET_KEYS.filter((k) => filters[k].length > 0).map((k) => [k, { any: filters[k] }]));
}

/** Runs the search for a state: every alias variant, phrases checked, merged by statement. */
async function searchHits(state: SearchState, filters: Record<Facet, string[]>): Promise<StatementHit[]> {
  const pf = await loadPagefind();
  const parsed = parseQuery(state.q);
  const variants = parsed.phrases.length === 0 ? expandAliases(parsed, config.aliases) : [];
  const runs = variants.length > 0 ? variants.map((v) => ({ q: v.query, name: v.name })) : [{ q: parsed, name: null }];
  const sort = state.sort === 'relevance' ? undefined : { date: state.sort === 'newest' ? ('desc' as const) : ('asc' as const) };
  const byUrl = new Map<string, StatementHit>();
  for (const run of runs) {
    const query = pagefindQuery(run.q);
    const res = await pf.search(query, { filters: pagefindFilters(filters), ...(sort ? { sort } : {}) });
    const datas = await Promise.all(res.results.map((r) => dataOf(r)));
    res.results.forEach((r, i) => {
      const hit = toHit(r, datas[i]!, run.q, run.name ? [run.name] : []);
      if (!hit) return;
      const seen = byUrl.get(hit.url);
      if (!seen) {
        byUrl.set(hit.url, hit);
        return;
      }
      seen.score = Math.max(seen.score, hit.score);
      for (const n of hit.names) if (!seen.names.includes(n)) seen.names.push(n);
      for (const p of hit.paragraphs) if (!seen.paragraphs.some((x) => x.id === p.id)) seen.paragraphs.push(p);
    });
  }
  const hits = [...byUrl.values()];
  for (const h of hits) h.paragraphs.sort((a, b) => Number(a.id.slice(2)) - Number(b.id.slice(2)));
  if (state.sort === 'relevance') hits.sort((a, b) => b.score - a.score);
  else {
    const date = (h: StatementHit) => h.data.meta['sortdate'] ?? '';
    hits.sort((a, b) => (state.sort === 'newest' ? date(b).localeCompare(date(a)) : date(a).localeCompare(date(b))));
  }
  return hits;
}

/** Facet counts: for each facet, over the results of the search without that facet's own selection. */
async function facetCounts(state: SearchState, hits: StatementHit[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const facet of FACET_KEYS) {
    const base = state.filters[facet].length === 0 ? hits : await searchHits(state, { ...state.filters, [facet]: [] });
    for (const h of base) for (const v of h.data.filters[facet] ?? []) counts.set(`${facet}:${v}`, (counts.get(`${facet}:${v}`) ?? 0) + 1);
  }
  return counts;
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
  const configEl = document.getElementById('search-config');
  if (!form || !input || !sortSelect || !status || !list || !controls || !browse || !configEl) return;
  config = JSON.parse(configEl.textContent ?? '{}') as Config;
  let generation = 0;

  const readForm = (): SearchState => stateFromParams(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
  const writeForm = (state: SearchState) => {
    input.value = state.q;
    sortSelect.value = state.sort;
    for (const box of controls.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      box.checked = state.filters[box.name as Facet]?.includes(box.value) ?? false;
    }
  };

  const show = async (state: SearchState, browseAll = false) => {
    const mine = ++generation;
    document.title = state.q ? `“${state.q}” · Search · Migration Statements` : 'Search · Migration Statements';
    if (!state.q && !hasFilters(state) && !browseAll) {
      list.replaceChildren();
      status.textContent = 'Type words or a "quoted phrase", or browse all statements.';
      browse.hidden = false;
      for (const c of controls.querySelectorAll('.count')) c.textContent = '';
      controls.hidden = false;
      return;
    }
    browse.hidden = true;
    status.textContent = 'Searching…';
    try {
      const hits = await searchHits(state, state.filters);
      const counts = await facetCounts(state, hits);
      if (mine !== generation) return;
      const parsed = parseQuery(state.q);
      const typed = parsed.phrases.length === 0 ? (expandAliases(parsed, config.aliases)[0]?.typed ?? null) : null;
      list.replaceChildren(...hits.map((h) => renderHit(h, parsed, typed)));
      // Shown with the first results, not before: appearing below them moves nothing.
      controls.hidden = false;
      for (const c of controls.querySelectorAll<HTMLElement>('.count')) {
        const n = counts.get(c.dataset['countFor'] ?? '') ?? 0;
        c.textContent = `(${n})`;
        c.closest('li')?.classList.toggle('empty', n === 0);
      }
      const paragraphs = hits.reduce((s, h) => s + h.paragraphs.length, 0);
      const what = !state.q ? '' : /["“”]/u.test(state.q) ? ` for ${state.q}` : ` for “${state.q}”`;
      if (hits.length === 0) {
        status.textContent = `No statements match${what}${hasFilters(state) ? ' with these filters' : ''}.`;
        if (hasFilters(state)) {
          const retry = el('button', { type: 'button', className: 'button secondary' }, 'Search without filters');
          retry.addEventListener('click', () =>
            go({ ...state, filters: { speaker: [], year: [], theme: [], type: [], behalf: [] } }, 'push'),
          );
          list.replaceChildren(el('li', {}, retry));
        }
      } else {
        const s = hits.length === 1 ? 'statement' : 'statements';
        const p = state.q ? `, ${paragraphs} paragraph${paragraphs === 1 ? '' : 's'}` : '';
        status.textContent = `${hits.length} ${s}${p}${what}${hasFilters(state) ? ', filtered' : ''}.`;
      }
    } catch {
      if (mine === generation) status.textContent = 'Search could not load. Browse the statements by speaker, year or theme instead.';
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
  window.addEventListener('popstate', () => go(stateFromParams(new URLSearchParams(location.search)), 'none'));

  go(stateFromParams(new URLSearchParams(location.search)), 'none');
}
