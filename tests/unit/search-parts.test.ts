import { describe, expect, it } from 'vitest';
import { type PartInfo, scopeNote, searchScope } from '../../src/search/parts.ts';
import { noFilters, paramsFromState, type SearchState, stateFromParams } from '../../src/search/query.ts';
import { firstSearchStatements, partYears, searchPartStatements } from '../../src/search/search-index.ts';
import { fragmentsPerFile } from '../../src/integrations/pagefind.ts';
import { ofShard, shardParts, siteShard } from '../../src/site/shards.ts';

/** Ten years of 300 statements, newest first, as /search/index.json lists them. */
const PARTS: PartInfo[] = Array.from({ length: 10 }, (_, i) => ({ id: String(2023 - i), years: [String(2023 - i)], statements: 300 }));
const state = (over: Partial<SearchState> = {}): SearchState => ({ q: 'migration', filters: noFilters(), sort: 'relevance', ...over });
const ids = (parts: PartInfo[]) => parts.map((p) => p.id);

describe('searchScope', () => {
  it('starts with the newest years that hold at least the first statements, and says so', () => {
    const scope = searchScope(PARTS, state(), 1000);
    expect(ids(scope.parts)).toEqual(['2023', '2022', '2021', '2020']);
    expect([scope.statements, scope.total, scope.complete]).toEqual([1200, 3000, false]);
    expect(scopeNote(scope)).toBe('Searched the 1,200 statements of 2020–2023, the newest of 3,000.');
  });

  it('with "oldest first", the oldest years', () => {
    const scope = searchScope(PARTS, state({ sort: 'oldest' }), 1000);
    expect(ids(scope.parts)).toEqual(['2017', '2016', '2015', '2014']);
    expect(scopeNote(scope, 'oldest')).toBe('Searched the 1,200 statements of 2014–2017, the oldest of 3,000.');
  });

  it('filtered to years, exactly those years, and nothing is left out', () => {
    const scope = searchScope(PARTS, state({ filters: { ...noFilters(), year: ['2015', '2019'] } }), 1000);
    expect(ids(scope.parts)).toEqual(['2019', '2015']);
    expect(scope.complete).toBe(true);
    expect(scopeNote(scope)).toBeNull();
    expect(searchScope(PARTS, state({ filters: { ...noFilters(), year: ['1990'] } }), 1000).parts).toEqual([]);
  });

  it('every year when asked for all, or when the corpus is no larger than the first statements', () => {
    expect(ids(searchScope(PARTS, state({ all: true }), 1000).parts)).toEqual(ids(PARTS));
    expect(searchScope(PARTS, state(), 3000).complete).toBe(true);
    expect(searchScope(PARTS, state(), 2700).complete).toBe(false);
  });

  it('names a single year alone', () => {
    expect(scopeNote(searchScope(PARTS, state(), 300))).toBe('Searched the 300 statements of 2023, the newest of 3,000.');
  });

  it('with parts of several years, names the years they span and takes a part for any of its years', () => {
    const parts: PartInfo[] = [
      { id: '2021-2023', years: ['2021', '2023'], statements: 900 },
      { id: '2018-2020', years: ['2018', '2019', '2020'], statements: 950 },
      { id: '2015-2017', years: ['2015', '2016', '2017'], statements: 990 },
    ];
    const scope = searchScope(parts, state(), 1000);
    expect(ids(scope.parts)).toEqual(['2021-2023', '2018-2020']);
    expect(scopeNote(scope)).toBe('Searched the 1,850 statements of 2018–2023, the newest of 2,840.');
    const filtered = searchScope(parts, state({ filters: { ...noFilters(), year: ['2016'] } }), 1000);
    expect([ids(filtered.parts), filtered.complete]).toEqual([['2015-2017'], true]);
  });
});

describe('partYears', () => {
  it('gathers consecutive years from the oldest into parts of at most the size; a larger year is a part by itself', () => {
    const counts: [string, number][] = [
      ['2014', 3],
      ['2010', 2],
      ['2012', 1],
      ['2015', 9],
      ['2021', 1],
      ['2022', 2],
    ];
    expect(partYears(counts, 3)).toEqual([['2010', '2012'], ['2014'], ['2015'], ['2021', '2022']]);
    expect(partYears(counts, 1)).toEqual(counts.map(([y]) => [y]).sort());
    expect(partYears(counts, 1000)).toEqual([['2010', '2012', '2014', '2015', '2021', '2022']]);
  });

  it('keeps every part without the newest year when that year grows', () => {
    const before: [string, number][] = [
      ['2019', 400],
      ['2020', 500],
      ['2021', 300],
      ['2022', 600],
      ['2023', 100],
    ];
    const after = before.map(([y, n]): [string, number] => [y, y === '2023' ? 900 : n]);
    const untouched = partYears(before, 1000).filter((years) => !years.includes('2023'));
    expect(untouched).toEqual([['2019', '2020']]);
    expect(partYears(after, 1000)).toEqual([...untouched, ['2021', '2022'], ['2023']]);
  });
});

describe('scope=all in the URL', () => {
  it('is read and written back, and left out when not asked for', () => {
    expect(stateFromParams(new URLSearchParams('q=x&scope=all')).all).toBe(true);
    expect(stateFromParams(new URLSearchParams('q=x&scope=some')).all).toBeUndefined();
    expect(paramsFromState(state({ all: true })).toString()).toBe('q=migration&scope=all');
    expect(paramsFromState(state()).toString()).toBe('q=migration');
  });
});

describe('firstSearchStatements and searchPartStatements', () => {
  it('are 500 and 1,000 unless SEARCH_FIRST_STATEMENTS and SEARCH_PART_STATEMENTS say otherwise, and refuse what is not a count', () => {
    expect(searchPartStatements({})).toBe(1000);
    expect(searchPartStatements({ SEARCH_PART_STATEMENTS: '12' })).toBe(12);
    expect(() => searchPartStatements({ SEARCH_PART_STATEMENTS: '-1' })).toThrow(
      'SEARCH_PART_STATEMENTS: "-1" is not a positive whole number',
    );
    expect(firstSearchStatements({})).toBe(500);
    expect(firstSearchStatements({ SEARCH_FIRST_STATEMENTS: '50' })).toBe(50);
    expect(() => firstSearchStatements({ SEARCH_FIRST_STATEMENTS: '0' })).toThrow(
      'SEARCH_FIRST_STATEMENTS: "0" is not a positive whole number',
    );
    expect(() => firstSearchStatements({ SEARCH_FIRST_STATEMENTS: 'lots' })).toThrow('"lots"');
  });
});

describe('fragmentsPerFile', () => {
  it('packs statements two to a fragment file above 5,000 statements, three above 10,000: at most 5,000 files', () => {
    expect([1, 5000, 5001, 10000, 10001, 30000].map((n) => fragmentsPerFile(n))).toEqual([1, 1, 2, 2, 3, 6]);
    expect(fragmentsPerFile(0)).toBe(1);
  });
});

describe('sharded builds', () => {
  const counts: [string, number][] = [
    ['2010', 1],
    ['2012', 1],
    ['2014', 1],
    ['2021', 1],
    ['2023', 1],
  ];

  it('split the parts into runs of consecutive parts holding about as many statements each', () => {
    expect(shardParts(counts, 2)).toEqual([
      ['2010', '2012'],
      ['2014', '2021', '2023'],
    ]);
    expect(
      shardParts(
        [
          ['1999', 10],
          ['2000-2001', 2],
          ['2002', 8],
        ],
        2,
      ),
    ).toEqual([['1999'], ['2000-2001', '2002']]);
    expect(shardParts(counts, 1)).toEqual([counts.map(([y]) => y)]);
    // More shards than parts: some are empty, none is split.
    expect(shardParts([['2020-2023', 3]], 3).flat()).toEqual(['2020-2023']);
  });

  it('read SITE_SHARD as K/N, and refuse anything else', () => {
    expect(siteShard({})).toBeNull();
    expect(siteShard({ SITE_SHARD: '2/3' })).toEqual({ index: 2, of: 3 });
    expect(() => siteShard({ SITE_SHARD: '4/3' })).toThrow('SITE_SHARD: "4/3" is not K/N with 1 ≤ K ≤ N');
    expect(() => siteShard({ SITE_SHARD: 'half' })).toThrow('"half"');
    const parts = [
      { id: '2010-2012', years: ['2010', '2012'], statements: 2 },
      { id: '2014', years: ['2014'], statements: 1 },
      { id: '2021-2023', years: ['2021', '2023'], statements: 2 },
    ];
    expect(ofShard(parts, { index: 2, of: 2 })).toEqual({
      parts: new Set(['2014', '2021-2023']),
      years: new Set(['2014', '2021', '2023']),
    });
    expect(ofShard(parts, { index: 1, of: 2 }).years).toEqual(new Set(['2010', '2012']));
    expect(ofShard(parts, null).years.size).toBe(5);
  });
});
