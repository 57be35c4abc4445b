/**
 * The edition's one model of words (src/edition/text.ts): what a word is, the
 * word count, and the term matcher that themes, charts, trends and the
 * concordance share.
 */
import { describe, expect, it } from 'vitest';
import { countTerms, matchTerm, termPattern, tokenize, wordCount } from '../../src/edition/text.ts';

const words = (text: string): string[] => tokenize(text).map((t) => t.norm);

describe('tokenize', () => {
  it('joins apostrophes inside words and separators inside numbers; splits on hyphens, dashes and symbols', () => {
    expect(words('China’s year-on-year COVID-19 increase of 3.8% — 1,000 migrants, 2012.')).toEqual([
      "china's",
      'year',
      'on',
      'year',
      'covid',
      '19',
      'increase',
      'of',
      '3.8',
      '1,000',
      'migrants',
      '2012',
    ]);
  });

  it('counts "counter-trafficking" as two words, the second of them "trafficking"', () => {
    expect(words('counter-trafficking')).toEqual(['counter', 'trafficking']);
  });

  it('keeps combining marks inside a word', () => {
    expect(words('Cafe\u0301 society')).toEqual(['cafe\u0301', 'society']);
  });

  it('gives offsets into the original text', () => {
    const text = '“Palermo” protocol';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['Palermo', 'protocol']);
  });

  it('does not make a word of a trailing apostrophe or a sentence-final period after a number', () => {
    expect(words("migrants' rights in 2012.")).toEqual(['migrants', 'rights', 'in', '2012']);
  });
});

describe('wordCount', () => {
  it('counts the words tokenize finds', () => {
    const text = 'Thank you, Mr. President — the counter-trafficking work of 2012, 3.8% more.';
    expect(wordCount(text)).toBe(tokenize(text).length);
    // Thank, you, Mr, President, the, counter, trafficking, work, of, 2012, 3.8, more.
    expect(wordCount(text)).toBe(12);
  });

  it('counts nothing in punctuation alone', () => {
    expect(wordCount('— … ¶ %')).toBe(0);
  });
});

describe('termPattern and matchTerm', () => {
  it('matches whole words in order, a trailing * any ending', () => {
    const tokens = tokenize('migrants and migration; the Global Compact; a migrant');
    expect(matchTerm(tokens, termPattern('migrant'))).toEqual([7]);
    expect(matchTerm(tokens, termPattern('migra*'))).toEqual([0, 2, 7]);
    expect(matchTerm(tokens, termPattern('global compact'))).toEqual([4]);
    expect(matchTerm(tokens, termPattern('"Global Compact"'))).toEqual([4]);
    expect(matchTerm(tokens, termPattern('   '))).toEqual([]);
  });

  it('finds a term across a line break and repeated spaces, in any case', () => {
    expect(matchTerm(tokenize('the Global\nCompact and the GLOBAL  compact'), termPattern('Global Compact'))).toEqual([1, 5]);
  });

  it('finds "trafficking" inside "counter-trafficking", as search does', () => {
    expect(matchTerm(tokenize('counter-trafficking and trafficked persons'), termPattern('traffick*'))).toEqual([1, 3]);
  });

  it('matches a hyphenated term in its hyphenated and spaced forms', () => {
    expect(matchTerm(tokenize('COVID-19 and COVID 19 and COVIDX19'), termPattern('COVID-19'))).toEqual([0, 3]);
  });

  it('treats curly and straight apostrophes alike', () => {
    expect(matchTerm(tokenize('protect migrants’ rights'), termPattern("migrants' rights"))).toEqual([1]);
    expect(matchTerm(tokenize("protect migrants' rights"), termPattern('migrants’ rights'))).toEqual([1]);
    expect(matchTerm(tokenize('China’s role'), termPattern("China's"))).toEqual([0]);
    expect(matchTerm(tokenize("China's role"), termPattern('China’s'))).toEqual([0]);
    expect(matchTerm(tokenize('Chinas role'), termPattern("China's"))).toEqual([]);
  });

  it('never overlaps two matches of one term', () => {
    expect(matchTerm(tokenize('the the the'), termPattern('the the'))).toEqual([0]);
  });

  it('does not match a word inside another word', () => {
    expect(matchTerm(tokenize('the database and its metadata hold data'), termPattern('data'))).toEqual([6]);
  });

  it('gives the same matches as a scan of every token, on a long repetitive text', () => {
    const text = Array.from({ length: 2000 }, (_, i) => (i % 7 === 0 ? 'global compact' : i % 5 === 0 ? 'globally' : 'global')).join(' ');
    const tokens = tokenize(text);
    for (const term of ['global compact', 'global*', 'global', 'compact global']) {
      const p = termPattern(term);
      const scan: number[] = [];
      for (let i = 0; i + p.words.length <= tokens.length; i++) {
        const ok = p.words.every((w, k) =>
          p.prefix && k === p.words.length - 1 ? tokens[i + k]!.norm.startsWith(w) : tokens[i + k]!.norm === w,
        );
        if (ok) {
          scan.push(i);
          i += p.words.length - 1;
        }
      }
      expect(matchTerm(tokens, p)).toEqual(scan);
    }
  });
});

describe('countTerms', () => {
  it('counts each term on its own, and overlapping matches once as places', () => {
    expect(countTerms(tokenize('Big Data and data'), ['data', 'Big Data'])).toEqual({
      terms: [
        { term: 'data', count: 2 },
        { term: 'Big Data', count: 1 },
      ],
      places: 2,
    });
  });

  it('counts "illegal entry and exit" as one place for two overlapping terms', () => {
    expect(countTerms(tokenize('to combat illegal entry and exit'), ['illegal entry', 'entry and exit'])).toEqual({
      terms: [
        { term: 'illegal entry', count: 1 },
        { term: 'entry and exit', count: 1 },
      ],
      places: 1,
    });
  });

  it('counts a term listed twice once, and leaves out terms that do not occur', () => {
    expect(countTerms(tokenize('the rights of migrants'), ['rights', 'Rights', 'GCM'])).toEqual({
      terms: [{ term: 'rights', count: 1 }],
      places: 1,
    });
  });

  it('gives no places for no matches', () => {
    expect(countTerms(tokenize('Thank you.'), ['GCM', 'Global Compact'])).toEqual({ terms: [], places: 0 });
  });
});
