import { describe, expect, it } from 'vitest';
import type { Theme } from '../../src/edition/schemas.ts';
import { assignThemes, matchReason } from '../../scripts/normalize/steps/9-themes.ts';

const theme = (id: string, terms: string[], minMatches = 1): Theme => ({
  id,
  label: id,
  description: `About ${id}.`,
  terms,
  minMatches,
  aliases: [],
});
const noOverrides = { add: [], remove: [] };

describe('assignThemes', () => {
  const themes = [
    theme('trafficking-and-smuggling', ['traffick*', 'smuggl*']),
    theme('migrants-rights', ['rights', 'discrimination'], 2),
    theme('technology-and-data', ['data', 'Big Data']),
  ];

  it('assigns every theme whose terms occur, with the terms (most frequent first) and a reason, in theme order', () => {
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
          { term: 'rights', count: 1 },
          { term: 'discrimination', count: 1 },
        ],
        reason: 'The text mentions “rights” ×1, “discrimination” ×1.',
      },
      {
        id: 'technology-and-data',
        how: 'matched',
        terms: [
          { term: 'data', count: 1 },
          { term: 'Big Data', count: 1 },
        ],
        reason: 'The text mentions “data” ×1, “Big Data” ×1 (1 place in all, as the terms overlap).',
      },
    ]);
  });

  it('does not assign a theme whose terms occur fewer than minMatches times', () => {
    expect(assignThemes('the rights of migrants', themes, noOverrides)).toEqual([]);
  });

  it('assigns a theme when its terms reach minMatches together', () => {
    expect(assignThemes('rights and rights', themes, noOverrides).map((t) => t.id)).toEqual(['migrants-rights']);
    expect(assignThemes('rights and discrimination', themes, noOverrides).map((t) => t.id)).toEqual(['migrants-rights']);
  });

  it('counts overlapping terms as one place towards minMatches', () => {
    const overlapping = [theme('climate-and-disasters', ['climate change', 'climate'], 2)];
    expect(assignThemes('climate change', overlapping, noOverrides)).toEqual([]);
    expect(assignThemes('climate change and the climate', overlapping, noOverrides).map((t) => t.terms)).toEqual([
      [
        { term: 'climate', count: 2 },
        { term: 'climate change', count: 1 },
      ],
    ]);
  });

  it('takes time linear in the text: a repetitive 2 MB text is counted term by term, not hit by hit', () => {
    const text = 'data Big Data trafficking rights '.repeat(65_000);
    const [, , data] = assignThemes(text, themes, noOverrides);
    expect(data!.terms).toEqual([
      { term: 'data', count: 130_000 },
      { term: 'Big Data', count: 65_000 },
    ]);
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

describe('matchReason', () => {
  it('lists the terms with their counts', () => {
    expect(matchReason([{ term: 'traffick*', count: 16 }], 16)).toBe('The text mentions “traffick*” ×16.');
  });

  it('says how many places when overlapping terms add up to more', () => {
    expect(
      matchReason(
        [
          { term: 'climate', count: 3 },
          { term: 'climate change', count: 2 },
        ],
        3,
      ),
    ).toBe('The text mentions “climate” ×3, “climate change” ×2 (3 places in all, as the terms overlap).');
  });
});
