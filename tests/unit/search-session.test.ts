import { describe, expect, it } from 'vitest';
import type { Pagefind, PagefindData, PagefindFilters, PagefindResult, PagefindSort } from '../../src/client/search/pagefind.ts';
import { EXACT_LIMIT, Session } from '../../src/client/search/session.ts';
import {
  type AliasGroup,
  noFilters,
  RESULTS_PER_PAGE,
  type SearchState,
  searchStatus,
  SORT_KEY,
  type ValueCounts,
} from '../../src/search/query.ts';
import { fakeFragment } from '../helpers/fake-fragment.ts';

/** A statement in the fake index. */
interface FakePage {
  id: string;
  title: string;
  speaker: string;
  year: string;
  /** Sort key (ISO date). */
  date: string;
  paragraphs: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const wordsOf = (text: string) => (text.toLowerCase().match(WORD) ?? []) as string[];
/** Pagefind matches word stems; the fake, any word that begins with the one searched for ("compact" finds "compactness"). */
const stemMatch = (word: string, q: string) => word.startsWith(q);

/**
 * A fake Pagefind over a few pages in memory, as the search page uses it:
 * `search` finds pages by words (all of them, on stems) or by one quoted
 * phrase (consecutive words, on stems), applies filters, orders by score or
 * by date, and returns results whose `data()` is the page's fragment; counts
 * per filter value come back only after `filters()` loaded the filter index.
 * It records every fragment loaded and every load of the filter index.
 */
class FakePagefind implements Pagefind {
  readonly pages: FakePage[];
  /** Ids of the statements whose fragment was loaded, in order. */
  readonly loaded: string[] = [];
  filterIndexLoads = 0;

  constructor(pages: FakePage[]) {
    this.pages = pages;
  }

  filters(): Promise<Record<string, ValueCounts>> {
    this.filterIndexLoads++;
    return Promise.resolve({});
  }

  search(query: string | null, options: { filters?: PagefindFilters; sort?: PagefindSort } = {}) {
    const phrase = query && /^"(.*)"$/u.exec(query)?.[1];
    const qWords = phrase ? wordsOf(phrase) : query ? wordsOf(query) : [];
    const found: { page: FakePage; score: number }[] = [];
    for (const page of this.pages) {
      const filters = filtersOf(page);
      if (Object.entries(options.filters ?? {}).some(([k, { any }]) => !any.some((v) => filters[k]?.includes(v)))) continue;
      const words = wordsOf([page.title, ...page.paragraphs].join(' '));
      let score = 1;
      if (phrase) {
        score = words.filter((_, i) => qWords.every((q, j) => stemMatch(words[i + j] ?? '', q))).length;
      } else if (query) {
        const perWord = qWords.map((q) => words.filter((w) => stemMatch(w, q)).length);
        score = perWord.every((n) => n > 0) ? perWord.reduce((a, b) => a + b, 0) : 0;
      }
      if (score > 0) found.push({ page, score });
    }
    const sortKey = options.sort?.[SORT_KEY];
    if (sortKey) found.sort((a, b) => (sortKey === 'asc' ? 1 : -1) * a.page.date.localeCompare(b.page.date));
    else found.sort((a, b) => b.score - a.score);
    const counts: Record<string, ValueCounts> = {};
    if (this.filterIndexLoads > 0) {
      for (const { page } of found) {
        for (const [k, vs] of Object.entries(filtersOf(page))) for (const v of vs) (counts[k] ??= {})[v] = (counts[k]![v] ?? 0) + 1;
      }
    }
    const results: PagefindResult[] = found.map(({ page, score }) => ({
      id: page.id,
      score,
      data: () => {
        this.loaded.push(page.id);
        return Promise.resolve(fragmentOf(page, qWords));
      },
    }));
    return Promise.resolve({ results, filters: counts });
  }
}

function filtersOf(page: FakePage): Record<string, string[]> {
  return { speaker: [page.speaker], year: [page.year], type: ['speech'] };
}

/** A page's fragment, with Pagefind's word positions of the words searched. */
function fragmentOf(page: FakePage, qWords: string[]): PagefindData {
  return fakeFragment(`/statements/${page.id}/`, page.title, page.paragraphs, qWords, {
    meta: { speaker: page.speaker, date: page.date },
    filters: filtersOf(page),
  });
}

const state = (q: string, filters: Partial<SearchState['filters']> = {}, sort: SearchState['sort'] = 'relevance'): SearchState => ({
  q,
  filters: { ...noFilters(), ...filters },
  sort,
});
const ids = (hits: { url: string }[]) => hits.map((h) => /statements\/([^/]+)\//u.exec(h.url)![1]);
const status = (s: Session) => searchStatus(s.statusFacts());

/** The small corpus: two statements with the phrase, one with only its stems, one without. */
const SMALL: FakePage[] = [
  {
    id: 'chen-2018',
    title: 'Statement at the intergovernmental conference',
    speaker: 'chen-xu',
    year: '2018',
    date: '2018-12-10',
    paragraphs: ['China welcomes the Global Compact.', 'Cooperation matters.', 'We will implement the Global Compact on Migration.'],
  },
  {
    id: 'ke-2019',
    title: 'Remarks on cooperation',
    speaker: 'ke-yousheng',
    year: '2019',
    date: '2019-06-01',
    paragraphs: ['International cooperation on migration.', 'The global compact is a milestone.'],
  },
  {
    id: 'iom-2020',
    title: 'IOM statement',
    speaker: 'iom-dg',
    year: '2020',
    date: '2020-03-01',
    paragraphs: ['A global compactness of views on migration.', 'Compact, global and fair cooperation.'],
  },
  {
    id: 'wu-2012',
    title: 'Early remarks',
    speaker: 'chen-xu',
    year: '2012',
    date: '2012-01-01',
    paragraphs: ['Migration and development.'],
  },
];

/** `n` statements on migration; every third has only the stems of "Global Compact" ("global compactness"). */
function many(n: number): FakePage[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `s${String(i + 1).padStart(2, '0')}`,
    title: `Statement ${i + 1}`,
    speaker: i % 2 === 0 ? 'chen-xu' : 'ke-yousheng',
    year: String(2010 + (i % 5)),
    date: `${2010 + (i % 5)}-01-${String(i + 1).padStart(2, '0')}`,
    paragraphs: ['On migration.', (i + 1) % 3 === 0 ? 'A global compactness of views.' : 'The Global Compact matters.'],
  }));
}

describe('a search with few matches (at most EXACT_LIMIT)', () => {
  it('a quoted phrase finds the statements that contain it, not one that has only its word stems', async () => {
    const pf = new FakePagefind(SMALL);
    const s = new Session(state('"Global Compact"'), pf, []);
    const counts = await s.start();
    // Pagefind found three (stems), the phrase check keeps two.
    expect(s.found.candidates.map((c) => c.id).sort()).toEqual(['chen-2018', 'iom-2020', 'ke-2019']);
    const shown = s.showFirst();
    expect(ids(shown)).toEqual(['chen-2018', 'ke-2019']);
    expect(shown.map((h) => h.paragraphs.map((p) => p.id))).toEqual([['p-1', 'p-3'], ['p-2']]);
    expect(status(s)).toBe('2 statements, 3 paragraphs for "Global Compact".');
    expect(s.hasMore).toBe(false);
    // Exact facet counts from the statements that passed, without Pagefind's filter index.
    expect(counts?.atMost.size).toBe(0);
    expect(counts?.counts.get('speaker:chen-xu')).toBe(1);
    expect(counts?.counts.get('speaker:ke-yousheng')).toBe(1);
    expect(counts?.counts.has('speaker:iom-dg')).toBe(false);
    expect(counts?.counts.get('year:2018')).toBe(1);
    expect(pf.filterIndexLoads).toBe(0);
  });

  it('a phrase inside a longer query must still occur as a phrase', async () => {
    const s = new Session(state('"Global Compact" cooperation'), new FakePagefind(SMALL), []);
    await s.start();
    // iom-2020 has every word, and "compact, global", but not the phrase; chen-2018 and ke-2019 have both.
    expect(ids(s.showFirst())).toEqual(['chen-2018', 'ke-2019']);
    expect(s.check).toBe('phrase');
  });

  it('plain words: Pagefind finds the statements and its sub-results are the paragraph hits', async () => {
    const s = new Session(state('cooperation'), new FakePagefind(SMALL), []);
    await s.start();
    const shown = s.showFirst();
    expect(ids(shown).sort()).toEqual(['chen-2018', 'iom-2020', 'ke-2019']);
    const ke = shown.find((h) => h.url.includes('ke-2019'))!;
    expect(ke.paragraphs.map((p) => p.id)).toEqual(['p-1']);
    expect(ke.paragraphs[0]!.pieces.filter(([, m]) => m).map(([t]) => t)).toEqual(['cooperation']);
    // The title matched too, but only paragraphs are hits: chen-2018 has one.
    expect(status(s)).toBe('3 statements, 3 paragraphs for “cooperation”.');
  });

  it('counts a facet with a selection as if it were off, and the other facets within it', async () => {
    const s = new Session(state('migration', { speaker: ['chen-xu'] }), new FakePagefind(SMALL), []);
    const counts = await s.start();
    expect(ids(s.showFirst()).sort()).toEqual(['chen-2018', 'wu-2012']);
    expect(status(s)).toBe('2 statements, 2 paragraphs for “migration”, filtered.');
    expect(counts?.counts.get('speaker:chen-xu')).toBe(2);
    expect(counts?.counts.get('speaker:ke-yousheng')).toBe(1);
    expect(counts?.counts.get('speaker:iom-dg')).toBe(1);
    expect(counts?.counts.get('year:2012')).toBe(1);
    expect(counts?.counts.has('year:2019')).toBe(false);
  });

  it('orders by date when asked', async () => {
    const newest = new Session(state('migration', {}, 'newest'), new FakePagefind(SMALL), []);
    await newest.start();
    expect(ids(newest.showFirst())).toEqual(['iom-2020', 'ke-2019', 'chen-2018', 'wu-2012']);
  });
});

describe('aliases', () => {
  const GCM: AliasGroup[] = [{ id: 'gcm', names: ['GCM', 'Global Compact on Migration'] }];
  const pages: FakePage[] = [
    { id: 'a', title: 'A', speaker: 'chen-xu', year: '2018', date: '2018-01-01', paragraphs: ['Intro.', 'The GCM is adopted.'] },
    {
      id: 'b',
      title: 'B',
      speaker: 'ke-yousheng',
      year: '2019',
      date: '2019-01-01',
      paragraphs: ['The Global Compact on Migration is adopted.'],
    },
    {
      id: 'c',
      title: 'C',
      speaker: 'chen-xu',
      year: '2017',
      date: '2017-01-01',
      paragraphs: ['The GCM, the GCM.', 'Other words.', 'The Global Compact on Migration, the Global Compact on Migration.'],
    },
    // Pagefind's stems find "GCMs"; the exact name does not occur.
    { id: 'd', title: 'D', speaker: 'iom-dg', year: '2020', date: '2020-01-01', paragraphs: ['Several GCMs.'] },
  ];

  it('an unquoted name finds its other names, and each result says which names matched', async () => {
    const s = new Session(state('gcm'), new FakePagefind(pages), GCM);
    await s.start();
    expect(s.check).toBe('names');
    expect(s.typed).toBe('GCM');
    const shown = s.showFirst();
    // Merged by best score: c matched twice under each name.
    expect(ids(shown)).toEqual(['c', 'a', 'b']);
    expect(shown.map((h) => h.names)).toEqual([['GCM', 'Global Compact on Migration'], ['GCM'], ['Global Compact on Migration']]);
    expect(shown[0]!.paragraphs.map((p) => p.id)).toEqual(['p-1', 'p-3']);
    expect(status(s)).toBe('3 statements, 4 paragraphs for “gcm”.');
  });

  it('merged results follow the date order when asked', async () => {
    const s = new Session(state('GCM', {}, 'oldest'), new FakePagefind(pages), GCM);
    await s.start();
    expect(ids(s.showFirst())).toEqual(['c', 'a', 'b']);
    const newest = new Session(state('GCM', {}, 'newest'), new FakePagefind(pages), GCM);
    await newest.start();
    expect(ids(newest.showFirst())).toEqual(['b', 'a', 'c']);
  });

  it('a quoted name stays exact', async () => {
    const s = new Session(state('"GCM"'), new FakePagefind(pages), GCM);
    await s.start();
    expect(s.typed).toBeNull();
    expect(ids(s.showFirst())).toEqual(['c', 'a']);
    expect(s.showFirst().every((h) => h.names.length === 0)).toBe(true);
  });
});

describe('a search with many matches (more than EXACT_LIMIT)', () => {
  it(`plain words: Pagefind's count is exact, and only ${RESULTS_PER_PAGE} statements are loaded per page`, async () => {
    const pf = new FakePagefind(many(35));
    const s = new Session(state('migration'), pf, []);
    expect(await s.start()).toBeNull();
    expect(s.found.candidates).toHaveLength(35);
    expect(pf.loaded).toHaveLength(RESULTS_PER_PAGE);
    expect(ids(s.showFirst())).toEqual(pf.loaded);
    expect(status(s)).toBe('35 statements for “migration”. Showing 10.');
    expect(s.hasMore).toBe(true);

    await s.loadMore();
    expect(pf.loaded).toHaveLength(2 * RESULTS_PER_PAGE);
    const next = s.showNext();
    expect(ids(next)).toEqual(pf.loaded.slice(RESULTS_PER_PAGE));
    expect(status(s)).toBe('35 statements for “migration”. Showing 20.');

    await s.loadMore();
    expect(s.showNext()).toHaveLength(10);
    await s.loadMore();
    expect(s.showNext()).toHaveLength(5);
    expect(new Set(pf.loaded).size).toBe(35);
    expect(s.hasMore).toBe(false);
    // Every statement loaded: now the paragraphs are counted too.
    expect(status(s)).toBe('35 statements, 35 paragraphs for “migration”. Showing all 35.');
  });

  it('facet counts are Pagefind’s (exact for plain words), after loading its filter index once', async () => {
    const pf = new FakePagefind(many(35));
    const s = new Session(state('migration'), pf, []);
    await s.start();
    expect(pf.filterIndexLoads).toBe(0);
    const counts = await s.facetCounts();
    expect(pf.filterIndexLoads).toBe(1);
    expect(counts.atMost.size).toBe(0);
    expect(counts.counts.get('speaker:chen-xu')).toBe(18);
    expect(counts.counts.get('speaker:ke-yousheng')).toBe(17);
    // Counting loads no further statement.
    expect(pf.loaded).toHaveLength(RESULTS_PER_PAGE);
    await s.facetCounts();
    expect(pf.filterIndexLoads).toBe(1);
  });

  it("a phrase: the count is marked as Pagefind's, and statements are checked page by page", async () => {
    const pf = new FakePagefind(many(30));
    const s = new Session(state('"Global Compact"'), pf, []);
    expect(await s.start()).toBeNull();
    expect(s.found.candidates.length).toBeGreaterThan(EXACT_LIMIT);
    // s03, s06, s09 and s12 have only the stems: 14 checked for 10 that pass.
    const shown = s.showFirst();
    expect(shown).toHaveLength(10);
    expect(ids(shown)).not.toContain('s03');
    expect(pf.loaded).toHaveLength(14);
    expect(status(s)).toBe(
      `About 30 statements for "Global Compact" (Pagefind's count, matching word stems); showing those with the exact phrase: 10 of the first 14 checked.`,
    );
    expect(s.statusFacts().paragraphs).toBeNull();

    // Facet counts: Pagefind's, upper bounds (they include the stem-only matches).
    const counts = await s.facetCounts();
    expect(counts.atMost.has('speaker')).toBe(true);
    expect(counts.counts.get('speaker:chen-xu')).toBe(15);

    // Show more until every match is checked: then the count is exact.
    while (s.hasMore) {
      await s.loadMore();
      s.showNext();
    }
    expect(pf.loaded).toHaveLength(30);
    expect(status(s)).toBe('20 statements, 20 paragraphs for "Global Compact". Showing all 20.');
  });

  it(`loads at most ${3 * RESULTS_PER_PAGE} statements at a time looking for ones with a rare phrase`, async () => {
    // Pagefind's stems find "rarely phrased" in all 45; only s41 has the phrase.
    const pages = many(45).map((p) => ({ ...p, paragraphs: [p.id === 's41' ? 'A rare phrase here.' : 'Rarely phrased.'] }));
    const pf = new FakePagefind(pages);
    const s = new Session(state('"rare phrase"'), pf, []);
    await s.start();
    expect(s.found.candidates).toHaveLength(45);
    expect(s.showFirst()).toEqual([]);
    expect(pf.loaded).toHaveLength(3 * RESULTS_PER_PAGE);
    expect(status(s)).toBe(
      `About 45 statements for "rare phrase" (Pagefind's count, matching word stems); showing those with the exact phrase: 0 of the first 30 checked.`,
    );
    expect(s.hasMore).toBe(true);
    await s.loadMore();
    expect(ids(s.showNext())).toEqual(['s41']);
    expect(pf.loaded).toHaveLength(45);
    expect(s.hasMore).toBe(false);
    expect(status(s)).toBe('1 statement, 1 paragraph for "rare phrase".');
  });
});
