import { describe, expect, it } from 'vitest';
import { FACETS } from '../../src/search/search-index.ts';
import {
  containsPhrase,
  FACET_KEYS,
  expandAliases,
  fold,
  foldChars,
  hasFilters,
  highlightRanges,
  highlightTerms,
  mergeRanges,
  noFilters,
  pagefindQuery,
  paramsFromState,
  parseQuery,
  phraseQueries,
  phraseRanges,
  searchStatus,
  stateFromParams,
  type StatusFacts,
  upperBoundCounts,
} from '../../src/search/query.ts';

const GROUPS = [
  { id: 'gcm', names: ['GCM', 'Global Compact for Safe, Orderly and Regular Migration', 'Global Compact on Migration'] },
  { id: 'iom', names: ['IOM', 'International Organization for Migration'] },
];
const NO_FILTERS = { speaker: [], year: [], theme: [], type: [], behalf: [] };

describe('parseQuery', () => {
  it('separates quoted phrases from the other words', () => {
    expect(parseQuery('"Global Compact" cooperation')).toEqual({ phrases: ['Global Compact'], terms: ['cooperation'] });
    expect(parseQuery('“Global  Compact” and "human trafficking"')).toEqual({
      phrases: ['Global Compact', 'human trafficking'],
      terms: ['and'],
    });
  });

  it('ignores an unclosed quote, empty quotes and punctuation-only words', () => {
    expect(parseQuery('"Global Compact')).toEqual({ phrases: [], terms: ['Global', 'Compact'] });
    expect(parseQuery('"" - migration')).toEqual({ phrases: [], terms: ['migration'] });
  });
});

describe('pagefindQuery', () => {
  it('passes a lone phrase quoted, so Pagefind matches it as a phrase', () => {
    expect(pagefindQuery(parseQuery('"Global Compact"'))).toBe('"Global Compact"');
  });

  it('passes every word unquoted otherwise, and null for an empty query', () => {
    expect(pagefindQuery(parseQuery('"Global Compact" cooperation'))).toBe('Global Compact cooperation');
    expect(pagefindQuery(parseQuery('  '))).toBeNull();
  });
});

describe('fold', () => {
  it('folds case, quote and dash kinds and runs of spaces', () => {
    expect(fold('The  “GCM’s” — year‑on‑year')).toBe('the "gcm\'s" - year-on-year');
  });
});

describe('containsPhrase', () => {
  it('matches whole words in order, whatever the case, quotes or spacing', () => {
    expect(containsPhrase('implement the Global Compact on Migration in', 'global compact')).toBe(true);
    expect(containsPhrase('the Global\nCompact', 'Global Compact')).toBe(true);
    expect(containsPhrase('migrants’ rights', "migrants' rights")).toBe(true);
  });

  it('does not match words apart, out of order, or inside longer words', () => {
    expect(containsPhrase('the Global Forum and a compact', 'global compact')).toBe(false);
    expect(containsPhrase('Compact Global', 'global compact')).toBe(false);
    expect(containsPhrase('a global compactness', 'global compact')).toBe(false);
  });
});

describe('phraseRanges', () => {
  it('gives the offsets of each occurrence in the original text, merged', () => {
    const text = 'The Global Compact, the global  compact.';
    expect(phraseRanges(text, ['Global Compact']).map(([a, b]) => text.slice(a, b))).toEqual(['Global Compact', 'global  compact']);
    expect(phraseRanges('IOM and IOM’s', ['IOM', 'iom'])).toEqual([
      [0, 3],
      [8, 11],
    ]);
  });

  it('with prefix, lets the last word run on, as search stems do', () => {
    expect(phraseRanges('Migrants and migration', ['migrant'], { prefix: true })).toEqual([[0, 8]]);
    expect(phraseRanges('Migrants and migration', ['migrant'])).toEqual([]);
  });
});

describe('expandAliases', () => {
  it('turns an unquoted name into one phrase query per name of its group', () => {
    const v = expandAliases(parseQuery('GCM'), GROUPS);
    expect(v.map((x) => [x.name, x.typed, x.query])).toEqual([
      ['GCM', 'GCM', { phrases: ['GCM'], terms: [] }],
      [
        'Global Compact for Safe, Orderly and Regular Migration',
        'GCM',
        { phrases: ['Global Compact for Safe, Orderly and Regular Migration'], terms: [] },
      ],
      ['Global Compact on Migration', 'GCM', { phrases: ['Global Compact on Migration'], terms: [] }],
    ]);
  });

  it('finds the longest name inside a longer query and keeps the other words', () => {
    const v = expandAliases(parseQuery('support of the International Organization for Migration'), GROUPS);
    expect(v.map((x) => x.query)).toEqual([
      { phrases: ['IOM'], terms: ['support', 'of', 'the'] },
      { phrases: ['International Organization for Migration'], terms: ['support', 'of', 'the'] },
    ]);
    expect(v[0]!.typed).toBe('International Organization for Migration');
  });

  it('leaves quoted names and queries without a name alone', () => {
    expect(expandAliases(parseQuery('"GCM"'), GROUPS)).toEqual([]);
    expect(expandAliases(parseQuery('migration governance'), GROUPS)).toEqual([]);
    expect(expandAliases(parseQuery('GCMs'), GROUPS)).toEqual([]);
  });
});

describe('the facets', () => {
  it('are one list: the URL parameters, the empty selection and the headings of the search page follow it', () => {
    expect(FACET_KEYS).toEqual(['speaker', 'year', 'theme', 'type', 'behalf']);
    expect(noFilters()).toEqual(NO_FILTERS);
    expect(FACETS).toEqual([
      { key: 'speaker', label: 'Speaker' },
      { key: 'year', label: 'Year' },
      { key: 'theme', label: 'Theme' },
      { key: 'type', label: 'Type' },
      { key: 'behalf', label: 'On behalf of' },
    ]);
  });

  it('noFilters gives a fresh selection each time', () => {
    const a = noFilters();
    a.speaker.push('chen-xu');
    expect(noFilters().speaker).toEqual([]);
  });
});

describe('stateFromParams', () => {
  it('reads query, repeatable facet values and order, ignoring anything else', () => {
    expect(
      stateFromParams(
        new URLSearchParams('q=%22Global+Compact%22&speaker=chen-xu&speaker=ke-yousheng&year=2021&sort=newest&x=1&theme=<b>'),
      ),
    ).toEqual({
      q: '"Global Compact"',
      filters: { speaker: ['chen-xu', 'ke-yousheng'], year: ['2021'], theme: [], type: [], behalf: [] },
      sort: 'newest',
    });
    expect(stateFromParams(new URLSearchParams('sort=sideways')).sort).toBe('relevance');
  });
});

describe('paramsFromState', () => {
  it('writes a stable URL without defaults, and reads back to the same state', () => {
    const state = { q: 'GCM', filters: { ...NO_FILTERS, year: ['2023', '2021'], speaker: ['chen-xu'] }, sort: 'oldest' as const };
    const params = paramsFromState(state);
    expect(params.toString()).toBe('q=GCM&speaker=chen-xu&year=2021&year=2023&sort=oldest');
    expect(stateFromParams(params)).toEqual({ ...state, filters: { ...state.filters, year: ['2021', '2023'] } });
    expect(paramsFromState({ q: '', filters: NO_FILTERS, sort: 'relevance' }).toString()).toBe('');
  });
});

describe('hasFilters', () => {
  it('is true only when a facet value is selected', () => {
    expect(hasFilters({ q: 'x', filters: NO_FILTERS, sort: 'relevance' })).toBe(false);
    expect(hasFilters({ q: '', filters: { ...NO_FILTERS, type: ['speech'] }, sort: 'relevance' })).toBe(true);
  });
});

describe('highlightTerms', () => {
  it('lists phrases, then words, once each', () => {
    expect(highlightTerms(parseQuery('"Global Compact" cooperation "Global Compact"'))).toEqual(['Global Compact', 'cooperation']);
  });
});

describe('mergeRanges', () => {
  it('sorts and merges overlapping or touching ranges', () => {
    expect(
      mergeRanges([
        [5, 9],
        [0, 3],
        [2, 4],
        [9, 10],
      ]),
    ).toEqual([
      [0, 4],
      [5, 10],
    ]);
  });
});

describe('highlightRanges', () => {
  it('marks phrases whole and words where they begin a longer word', () => {
    expect(highlightRanges('Global Compact for migrants', ['global compact'], ['migrant'])).toEqual([
      [0, 14],
      [19, 27],
    ]);
  });
});

describe('foldChars', () => {
  it('keeps the length of the text', () => {
    const t = 'A\t“quote” — here';
    expect(foldChars(t)).toHaveLength(t.length);
  });
});

describe('phraseQueries', () => {
  it('asks Pagefind each phrase of a longer query alone, quoted', () => {
    expect(phraseQueries(parseQuery('"Global Compact" cooperation'))).toEqual(['"Global Compact"']);
    expect(phraseQueries(parseQuery('"Global Compact" "human trafficking"'))).toEqual(['"Global Compact"', '"human trafficking"']);
    expect(phraseQueries(parseQuery('"GCM" and "GCM"'))).toEqual(['"GCM"']);
  });

  it('asks nothing more for a lone phrase (Pagefind already gets it quoted) or for plain words', () => {
    expect(phraseQueries(parseQuery('"Global Compact"'))).toEqual([]);
    expect(phraseQueries(parseQuery('migration governance'))).toEqual([]);
  });
});

describe('upperBoundCounts', () => {
  it('takes the smallest count of intersected searches, adds up runs, and never exceeds the total', () => {
    expect(
      upperBoundCounts(
        [
          [
            { a: 5, b: 2 },
            { a: 3, b: 4 },
          ],
        ],
        10,
      ),
    ).toEqual({ a: 3, b: 2 });
    expect(upperBoundCounts([[{ a: 5, b: 2 }], [{ a: 4, b: 0 }]], 7)).toEqual({ a: 7, b: 2 });
  });

  it('counts a value missing from one intersected search as none', () => {
    expect(upperBoundCounts([[{ a: 5, b: 2 }, { a: 1 }]], 10)).toEqual({ a: 1, b: 0 });
    expect(upperBoundCounts([], 10)).toEqual({});
  });
});

describe('searchStatus', () => {
  const facts = (f: Partial<StatusFacts>): StatusFacts => ({
    q: 'migration',
    filtered: false,
    found: 0,
    checked: 0,
    passed: 0,
    paragraphs: null,
    shown: 0,
    check: null,
    ...f,
  });

  it('gives exact counts when every statement found was checked, as before paging', () => {
    expect(searchStatus(facts({ q: '"Global Compact"', found: 2, checked: 2, passed: 2, paragraphs: 2, shown: 2, check: 'phrase' }))).toBe(
      '2 statements, 2 paragraphs for "Global Compact".',
    );
    expect(searchStatus(facts({ found: 1, checked: 1, passed: 1, paragraphs: 3, shown: 1 }))).toBe(
      '1 statement, 3 paragraphs for “migration”.',
    );
    expect(searchStatus(facts({ q: '"a b" c', found: 15, checked: 15, passed: 12, paragraphs: 20, shown: 10, check: 'phrase' }))).toBe(
      '12 statements, 20 paragraphs for "a b" c. Showing 10.',
    );
    expect(searchStatus(facts({ q: '', filtered: true, found: 12, checked: 12, passed: 12, paragraphs: 40, shown: 12 }))).toBe(
      '12 statements, filtered. Showing all 12.',
    );
  });

  it("gives Pagefind's count as exact when nothing needs checking, without paragraphs until all are loaded", () => {
    expect(searchStatus(facts({ found: 1234, checked: 10, passed: 10, shown: 10 }))).toBe('1,234 statements for “migration”. Showing 10.');
    expect(searchStatus(facts({ found: 1234, checked: 20, passed: 20, shown: 20, filtered: true }))).toBe(
      '1,234 statements for “migration”, filtered. Showing 20.',
    );
  });

  it("says when a count is Pagefind's, and how many of those checked so far pass", () => {
    expect(searchStatus(facts({ q: '"Global Compact"', found: 2012, checked: 12, passed: 10, shown: 10, check: 'phrase' }))).toBe(
      `About 2,012 statements for "Global Compact" (Pagefind's count, matching word stems); showing those with the exact phrase: 10 of the first 12 checked.`,
    );
    expect(searchStatus(facts({ q: 'IOM', found: 150, checked: 10, passed: 10, shown: 10, check: 'names', filtered: true }))).toBe(
      `About 150 statements for “IOM” (Pagefind's count, matching word stems), filtered; showing those with one of the names exactly: 10 of the first 10 checked.`,
    );
    expect(searchStatus(facts({ q: '"a b" "c d"', found: 90, checked: 30, passed: 0, shown: 0, check: 'phrases' }))).toMatch(
      /^About 90 statements .* the exact phrases: 0 of the first 30 checked\.$/u,
    );
  });

  it('says nothing matches only when nothing can', () => {
    expect(searchStatus(facts({ q: '"a b"', found: 40, checked: 40, passed: 0, shown: 0, check: 'phrase', filtered: true }))).toBe(
      'No statements match for "a b" with these filters.',
    );
    expect(searchStatus(facts({}))).toBe('No statements match for “migration”.');
  });
});
