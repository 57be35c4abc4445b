import { describe, expect, it } from 'vitest';
import {
  concordance,
  countByParagraph,
  csvField,
  distinctiveWords,
  kwicCsv,
  logLikelihood,
  sortKwic,
  termTrends,
} from '../../src/analysis/analysis.ts';
import { matchTerm, termPattern, tokenize } from '../../src/edition/text.ts';

const statements = [
  { id: 'a', title: 'A', speaker: 'Wu Haitao', speakerId: 'wu', year: '2012', date: '2012-11-28', dateLabel: '28 November 2012' },
  { id: 'b', title: 'B, "quoted"', speaker: 'Chen Xu', speakerId: 'chen', year: '2023', date: '2023', dateLabel: '2023' },
];
const paragraphs = [
  {
    s: 0,
    n: 1,
    id: 'p-1',
    text: 'Migration is a global issue which calls for strengthened international cooperation as no country can cope.',
  },
  { s: 1, n: 4, id: 'p-4', text: 'Fourth, enhance international cooperation on migration. We welcome the Global Compact on Migration.' },
  { s: 1, n: 5, id: 'p-5', text: 'Cooperation, cooperation: =SUM(A1)' },
];

describe('concordance', () => {
  it('lists every occurrence with up to eight words either side, in corpus order', () => {
    const lines = concordance(paragraphs, ['cooperation']);
    expect(lines.map((l) => [l.s, l.n, l.left, l.match, l.right])).toEqual([
      [0, 1, 'a global issue which calls for strengthened international', 'cooperation', 'as no country can cope.'],
      [1, 4, 'Fourth, enhance international', 'cooperation', 'on migration. We welcome the Global Compact on'],
      [1, 5, '', 'Cooperation', ', cooperation: =SUM(A1)'],
      [1, 5, 'Cooperation,', 'cooperation', ': =SUM(A1)'],
    ]);
  });

  it('finds phrases and several terms without counting a stretch twice', () => {
    const lines = concordance(paragraphs, ['Global Compact', 'Global Compact on Migration']);
    expect(lines.map((l) => l.match)).toEqual(['Global Compact']);
  });
});

describe('sortKwic', () => {
  const lines = concordance(paragraphs, ['cooperation']);
  it('orders by the words just before the match, nearest first', () => {
    expect(sortKwic(lines, 'left', statements).map((l) => l.left)).toEqual([
      '',
      'Cooperation,',
      'Fourth, enhance international',
      'a global issue which calls for strengthened international',
    ]);
  });

  it('orders by the words after, or by date', () => {
    expect(sortKwic(lines, 'right', statements).map((l) => l.right)).toEqual([
      'as no country can cope.',
      ', cooperation: =SUM(A1)',
      'on migration. We welcome the Global Compact on',
      ': =SUM(A1)',
    ]);
    expect(sortKwic(lines, 'date', statements).map((l) => `${l.s}:${l.n}`)).toEqual(['0:1', '1:4', '1:5', '1:5']);
  });
});

describe('csvField and kwicCsv', () => {
  it('quotes what needs quoting and disarms spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });

  it('writes a header and one CRLF-terminated row per line with the paragraph URL', () => {
    const csv = kwicCsv(concordance(paragraphs.slice(1, 2), ['cooperation']), statements, 'https://x.org');
    expect(csv).toBe(
      'statement_id,title,speaker,date,paragraph,url,left,match,right\r\n' +
        'b,"B, ""quoted""",Chen Xu,2023,4,https://x.org/statements/b/#p-4,"Fourth, enhance international",cooperation,on migration. We welcome the Global Compact on\r\n',
    );
  });
});

describe('termTrends', () => {
  it('counts per group, raw and per 10,000 words, with every group present', () => {
    const t = termTrends(paragraphs, ['cooperation', 'absent'], (i) => statements[i]!.year, ['2012', '2023', '2030']);
    expect(t[0]!.cells).toEqual({
      '2012': { count: 1, words: 16, per10k: 625 },
      '2023': { count: 3, words: 17, per10k: 1764.7 },
      '2030': { count: 0, words: 0, per10k: 0 },
    });
    expect(t[1]!.cells['2023']!.count).toBe(0);
  });
});

describe('countByParagraph', () => {
  const texts = [
    'The the the cat. Global Compact, global compacts and the Global Compact on Migration.',
    'Trafficking, traffickers and counter-trafficking; the the.',
    'Nothing here.',
  ].map((text) => ({ text }));
  it.each(['the', 'the the', 'global compact', 'global compact*', 'traffick*', 'the global compact on migration', 'absent', 'cat*'])(
    'counts "%s" in each paragraph exactly as matchTerm does',
    (term) => {
      const pattern = termPattern(term);
      const expected = new Map(texts.map((p, i) => [i, matchTerm(tokenize(p.text), pattern).length] as const).filter(([, n]) => n > 0));
      expect(countByParagraph(texts, pattern)).toEqual(expected);
    },
  );
  it('counts overlapping repeats once per non-overlapping match: "the the" in "the the the" is one', () => {
    expect(countByParagraph(texts, termPattern('the the')).get(0)).toBe(1);
  });
});

describe('logLikelihood', () => {
  it('is zero when the word is equally common in both', () => {
    expect(logLikelihood(5, 5, 100, 100)).toBeCloseTo(0, 10);
  });

  it('matches the published formula', () => {
    expect(logLikelihood(10, 0, 1000, 1000)).toBeCloseTo(13.8629, 3);
    // 2 × (20 ln(20 / 8.33) + 5 ln(5 / 16.67)) = 22.98
    expect(logLikelihood(20, 5, 1000, 2000)).toBeCloseTo(22.98, 2);
  });
});

describe('distinctiveWords', () => {
  it('ranks over-used content words, leaving out stopwords, short words, numbers and rare words', () => {
    const target = 'trafficking trafficking trafficking the the the of of 2009 2009 un un partnership partnership migration'.split(' ');
    const rest = 'migration migration migration the the of cooperation cooperation development'.split(' ');
    expect(distinctiveWords(target, rest).map((k) => k.word)).toEqual(['trafficking', 'partnership']);
    expect(distinctiveWords(target, rest)[0]).toMatchObject({ word: 'trafficking', count: 3, rest: 0 });
  });
});
