import { describe, expect, it } from 'vitest';
import { type PartInfo, scopeNote, searchScope } from '../../src/search/parts.ts';
import { noFilters, paramsFromState, type SearchState, stateFromParams } from '../../src/search/query.ts';
import { firstSearchStatements } from '../../src/search/search-index.ts';

/** Ten years of 300 statements, newest first, as /search/index.json lists them. */
const PARTS: PartInfo[] = Array.from({ length: 10 }, (_, i) => ({ id: String(2023 - i), statements: 300 }));
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
});

describe('scope=all in the URL', () => {
  it('is read and written back, and left out when not asked for', () => {
    expect(stateFromParams(new URLSearchParams('q=x&scope=all')).all).toBe(true);
    expect(stateFromParams(new URLSearchParams('q=x&scope=some')).all).toBeUndefined();
    expect(paramsFromState(state({ all: true })).toString()).toBe('q=migration&scope=all');
    expect(paramsFromState(state()).toString()).toBe('q=migration');
  });
});

describe('firstSearchStatements', () => {
  it('is 2,000 unless SEARCH_FIRST_STATEMENTS says otherwise, and refuses what is not a count', () => {
    expect(firstSearchStatements({})).toBe(2000);
    expect(firstSearchStatements({ SEARCH_FIRST_STATEMENTS: '50' })).toBe(50);
    expect(() => firstSearchStatements({ SEARCH_FIRST_STATEMENTS: '0' })).toThrow(
      'SEARCH_FIRST_STATEMENTS: "0" is not a positive whole number',
    );
    expect(() => firstSearchStatements({ SEARCH_FIRST_STATEMENTS: 'lots' })).toThrow('"lots"');
  });
});
