import { describe, expect, it } from 'vitest';
import { EXCERPT_WORDS, paragraphsOf, piecesAround, piecesAtWords, type Pieces, toHit } from '../../src/client/search/excerpt.ts';
import { moreParagraphsLabel } from '../../src/client/search/render.ts';
import { parseQuery } from '../../src/search/query.ts';
import { fakeFragment } from '../helpers/fake-fragment.ts';

/** A statement as the fake Pagefind's `data()` returns it, Pagefind having matched the words that begin with one of `words`. */
const fakeData = (title: string, paragraphs: string[], words: string[] = []) =>
  fakeFragment('/statements/s1/', title, paragraphs, words, { meta: { speaker: 'Chen Xu', date: '3 May 2021' } });

const text = (pieces: Pieces) => pieces.map(([t]) => t).join('');
const marks = (pieces: Pieces) => pieces.filter(([, m]) => m).map(([t]) => t);

describe('piecesAtWords', () => {
  it('marks the words Pagefind matched, by position, in text shown as written', () => {
    expect(piecesAtWords(['<script>alert("x")</script>', '&', "migrants'", 'now'], new Set([2]))).toEqual([
      ['<script>alert("x")</script> & ', false],
      ["migrants'", true],
      [' now', false],
    ]);
  });

  it(`shows ${EXCERPT_WORDS} words starting 8 before the first marked one, with ellipses where text is cut`, () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    const pieces = piecesAtWords(words, new Set([20, 21, 55]));
    expect(pieces[0]).toEqual(['… ', false]);
    expect(pieces.at(-1)).toEqual([' …', false]);
    expect(marks(pieces)).toEqual(['w20', 'w21']);
    const shown = text(pieces)
      .replace(/^… | …$/gu, '')
      .split(' ');
    expect(shown).toHaveLength(EXCERPT_WORDS);
    expect(shown[0]).toBe('w12');
  });
});

describe('piecesAround', () => {
  const long = Array.from({ length: 60 }, (_, i) => `w${i}`);

  it(`shows ${EXCERPT_WORDS} words starting 8 before the first match, with ellipses where text is cut`, () => {
    const words = [...long];
    words.splice(20, 2, 'Global', 'Compact');
    const pieces = piecesAround(words.join(' '), ['global compact'], []);
    expect(pieces[0]).toEqual(['… ', false]);
    expect(pieces.at(-1)).toEqual([' …', false]);
    expect(marks(pieces)).toEqual(['Global Compact']);
    const shown = text(pieces)
      .replace(/^… | …$/gu, '')
      .split(' ');
    expect(shown).toHaveLength(EXCERPT_WORDS);
    expect(shown[0]).toBe('w12');
    expect(shown[8]).toBe('Global');
  });

  it('marks every occurrence of the phrase and the words that begin with a searched word', () => {
    const pieces = piecesAround('Migrants and the Global Compact: the global  compact for migrants.', ['Global Compact'], ['migrant']);
    expect(text(pieces)).toBe('Migrants and the Global Compact: the global  compact for migrants.');
    expect(marks(pieces)).toEqual(['Migrants', 'Global Compact', 'global  compact', 'migrants']);
  });

  it('a short paragraph is shown whole, without ellipses', () => {
    const pieces = piecesAround('We support the Global Compact.', ['global compact'], []);
    expect(pieces).toEqual([
      ['We support the ', false],
      ['Global Compact', true],
      ['.', false],
    ]);
  });
});

describe('paragraphsOf', () => {
  it("reads each block's id, ¶ number and text back from the record, after the title's words", () => {
    const paras = paragraphsOf(fakeData('Statement  at the\nGFMD', ['One  two.', 'Three\tfour five.']));
    expect(paras.map((p) => [p.id, p.n, p.first, p.text])).toEqual([
      ['p-1', 1, 4, 'One two.'],
      ['p-2', 2, 6, 'Three four five.'],
    ]);
  });

  it('ignores what is not a block id in the record', () => {
    const d = fakeData('T', ['one', 'two']);
    expect(paragraphsOf({ ...d, meta: { ...d.meta, blocks: `${d.meta['blocks']} about:9 junk` } }).map((p) => p.id)).toEqual([
      'p-1',
      'p-2',
    ]);
  });
});

describe('toHit', () => {
  const paragraphs = [
    'China welcomes the adoption of the Global Compact on Migration.',
    'International cooperation on migration must be strengthened.',
    'A global compactness of views is not the aim.',
    'We will implement the global  compact with partners.',
  ];

  it('with a quoted phrase: the paragraphs that contain it, each excerpted with the phrase marked', () => {
    const hit = toHit(2.5, fakeData('Statement at the GFMD', paragraphs), parseQuery('"Global Compact"'), []);
    expect(hit?.paragraphs.map((p) => p.id)).toEqual(['p-1', 'p-4']);
    // The record's text has its whitespace collapsed, as a page shows it.
    expect(hit?.paragraphs.map((p) => marks(p.pieces))).toEqual([['Global Compact'], ['global compact']]);
    expect(hit?.url).toBe('/statements/s1/');
    expect(hit?.score).toBe(2.5);
  });

  it('rejects a statement where Pagefind matched only word stems, not the phrase', () => {
    const stemOnly = ['A global compactness of views is not the aim.', 'Compact, global and fair.'];
    expect(toHit(1, fakeData('Statement', stemOnly), parseQuery('"Global Compact"'), [])).toBeNull();
  });

  it('needs every phrase, and lists the paragraphs with any of them', () => {
    expect(toHit(1, fakeData('Statement', paragraphs), parseQuery('"Global Compact" "human trafficking"'), [])).toBeNull();
    const hit = toHit(1, fakeData('Statement', paragraphs), parseQuery('"Global Compact" "international cooperation"'), []);
    expect(hit?.paragraphs.map((p) => p.id)).toEqual(['p-1', 'p-2', 'p-4']);
  });

  it('a phrase found only in the title still finds the statement, with no paragraph hit', () => {
    const hit = toHit(1, fakeData('Remarks on the Global Compact', ['Nothing here.']), parseQuery('"Global Compact"'), []);
    expect(hit).not.toBeNull();
    expect(hit?.paragraphs).toEqual([]);
  });

  it('without a phrase: the paragraphs holding a word Pagefind matched, those words marked, and not the title', () => {
    const hit = toHit(1, fakeData('Global compact statement', paragraphs, ['compact']), parseQuery('compact'), ['GCM']);
    expect(hit?.paragraphs.map((p) => p.id)).toEqual(['p-1', 'p-3', 'p-4']);
    expect(hit?.paragraphs.map((p) => marks(p.pieces))).toEqual([['Compact'], ['compactness'], ['compact']]);
    expect(text(hit!.paragraphs[0]!.pieces)).toBe(paragraphs[0]);
    expect(hit?.names).toEqual(['GCM']);
  });
});

describe('moreParagraphsLabel', () => {
  it('offers the paragraphs a result does not show yet, in the singular for one', () => {
    expect(moreParagraphsLabel(1)).toBe('Show 1 more paragraph of this statement');
    expect(moreParagraphsLabel(2)).toBe('Show 2 more paragraphs of this statement');
  });
});
