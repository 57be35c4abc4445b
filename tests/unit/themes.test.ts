import { describe, expect, it } from 'vitest';
import type { Theme } from '../../src/edition/schemas.ts';
import { assignThemes, countTerms, termPattern } from '../../scripts/normalize/steps/8-themes.ts';

const theme = (id: string, terms: string[], minMatches = 1): Theme => ({
  id,
  label: id,
  description: `About ${id}.`,
  terms,
  minMatches,
  aliases: [],
});
const noOverrides = { add: [], remove: [] };

describe('termPattern', () => {
  it('turns a trailing * into any word ending', () => {
    expect(termPattern('traffick*')).toBe('traffick[\\p{L}\\p{N}]*');
  });

  it('lower-cases the term and lets any run of spaces stand for a space', () => {
    expect(termPattern('Big  Data')).toBe('big\\s+data');
  });

  it('escapes characters that mean something in a regular expression', () => {
    expect(termPattern('e.g. (GCM)')).toBe('e\\.g\\.\\s+\\(gcm\\)');
  });

  it('folds a curly apostrophe in the term to a straight one', () => {
    expect(termPattern('migrants’ rights')).toBe("migrants'\\s+rights");
  });
});

describe('countTerms', () => {
  it('counts overlapping terms once, the longer one winning ("Big Data" vs "data")', () => {
    expect(countTerms('Big Data and data', ['data', 'Big Data'])).toEqual([
      { term: 'Big Data', count: 1 },
      { term: 'data', count: 1 },
    ]);
  });

  it('matches a wildcard term with any ending and in any case', () => {
    const text = 'Trafficking is a crime; traffickers exploit victims of trafficking.';
    expect(countTerms(text, ['traffick*'])).toEqual([{ term: 'traffick*', count: 3 }]);
  });

  it('matches whole words only', () => {
    expect(countTerms('the database and its metadata hold data', ['data'])).toEqual([{ term: 'data', count: 1 }]);
  });

  it('does not let a term without * match a longer word', () => {
    expect(countTerms('pandemics and the pandemic', ['pandemic'])).toEqual([{ term: 'pandemic', count: 1 }]);
  });

  it('matches a term whose words are broken over a line or doubly spaced', () => {
    expect(countTerms('the Global\nCompact and the Global  Compact', ['Global Compact'])).toEqual([{ term: 'Global Compact', count: 2 }]);
  });

  it('matches a curly apostrophe in the text to a straight apostrophe in the term', () => {
    expect(countTerms('protect migrants’ rights', ["migrants' rights"])).toEqual([{ term: "migrants' rights", count: 1 }]);
  });

  it('matches a straight apostrophe in the text to a curly one in the term', () => {
    expect(countTerms("protect migrants' rights", ['migrants’ rights'])).toEqual([{ term: 'migrants’ rights', count: 1 }]);
  });

  it('counts a hyphenated term ("data-driven") once, not also as "data"', () => {
    expect(countTerms('a data-driven approach to data', ['data', 'data-driven'])).toEqual([
      { term: 'data-driven', count: 1 },
      { term: 'data', count: 1 },
    ]);
  });

  // BUG (reported): the leftmost match wins, so a shorter term that starts earlier
  // ("illegal entry") beats a longer one that overlaps it ("entry and exit").
  it('lets the longer term win over a shorter one that overlaps it from the left', () => {
    expect(countTerms('to combat illegal entry and exit', ['illegal entry', 'entry and exit'])).toEqual([
      { term: 'entry and exit', count: 1 },
    ]);
  });

  // BUG (reported): a term listed twice is counted twice for the same words,
  // so a theme with minMatches: 2 is assigned from a single occurrence.
  it('counts a stretch once when a term is listed twice', () => {
    expect(countTerms('the rights of migrants', ['rights', 'rights'])).toEqual([{ term: 'rights', count: 1 }]);
  });

  it('leaves out terms that do not occur', () => {
    expect(countTerms('Thank you.', ['GCM', 'Global Compact'])).toEqual([]);
  });

  it('matches terms with regular-expression characters literally', () => {
    expect(countTerms('COVID-19 and COVID 19 and COVIDX19', ['COVID-19'])).toEqual([{ term: 'COVID-19', count: 1 }]);
  });
});

describe('assignThemes', () => {
  const themes = [
    theme('trafficking-and-smuggling', ['traffick*', 'smuggl*']),
    theme('migrants-rights', ['rights', 'discrimination'], 2),
    theme('technology-and-data', ['data', 'Big Data']),
  ];

  it('assigns every theme whose terms occur, with the terms and a reason, in theme order', () => {
    const text = 'Big Data helps against trafficking and smuggling; discrimination violates rights.';
    expect(assignThemes(text, themes, noOverrides)).toEqual([
      {
        id: 'trafficking-and-smuggling',
        how: 'matched',
        terms: [
          { term: 'traffick*', count: 1 },
          { term: 'smuggl*', count: 1 },
        ],
        reason: 'The text mentions “traffick*” ×1, “smuggl*” ×1.',
      },
      {
        id: 'migrants-rights',
        how: 'matched',
        terms: [
          { term: 'discrimination', count: 1 },
          { term: 'rights', count: 1 },
        ],
        reason: 'The text mentions “discrimination” ×1, “rights” ×1.',
      },
      { id: 'technology-and-data', how: 'matched', terms: [{ term: 'Big Data', count: 1 }], reason: 'The text mentions “Big Data” ×1.' },
    ]);
  });

  it('does not assign a theme whose terms occur fewer than minMatches times', () => {
    expect(assignThemes('the rights of migrants', themes, noOverrides)).toEqual([]);
  });

  it('assigns a theme when its terms reach minMatches together', () => {
    expect(assignThemes('rights and rights', themes, noOverrides).map((t) => t.id)).toEqual(['migrants-rights']);
  });

  it('assigns a theme the editor adds, with the editor’s reason', () => {
    const overrides = { add: [{ theme: 'technology-and-data', reason: 'The statement is about digital border checks.' }], remove: [] };
    expect(assignThemes('Thank you.', themes, overrides)).toEqual([
      { id: 'technology-and-data', how: 'added', terms: [], reason: 'The statement is about digital border checks.' },
    ]);
  });

  it('drops a matched theme the editor removes', () => {
    const overrides = { add: [], remove: [{ theme: 'trafficking-and-smuggling', reason: 'Only a passing mention.' }] };
    expect(assignThemes('trafficking and data', themes, overrides).map((t) => t.id)).toEqual(['technology-and-data']);
  });

  it('keeps the order of the themes list whatever the order of the additions', () => {
    const overrides = {
      add: [
        { theme: 'technology-and-data', reason: 'Added second.' },
        { theme: 'trafficking-and-smuggling', reason: 'Added first.' },
      ],
      remove: [],
    };
    expect(assignThemes('Thank you.', themes, overrides).map((t) => t.id)).toEqual(['trafficking-and-smuggling', 'technology-and-data']);
  });

  it('ignores an addition for a theme that is not in the list', () => {
    const overrides = { add: [{ theme: 'no-such-theme', reason: 'x' }], remove: [] };
    expect(assignThemes('Thank you.', themes, overrides)).toEqual([]);
  });
});
