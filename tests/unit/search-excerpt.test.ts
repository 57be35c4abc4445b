import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  EXCERPT_WORDS,
  paragraphsOf,
  piecesAround,
  piecesFromPagefind,
  type Pieces,
  toHit,
} from '../../src/client/search/excerpt.ts';
import type { PagefindData } from '../../src/client/search/pagefind.ts';
import { parseQuery } from '../../src/search/query.ts';

/**
 * A statement as a fake Pagefind's `data()` returns it: its paragraphs as
 * anchors p-1 … p-n (plus the headings Pagefind also records), and the
 * sub-results Pagefind gives for a word search, with `<mark>` around every
 * word that begins with one searched for (Pagefind matches word stems) and
 * the rest HTML-escaped as Pagefind writes it.
 */
function fakeData(title: string, paragraphs: string[], words: string[] = []): PagefindData {
  const url = '/statements/s1/';
  const escape = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
  const marked = (text: string) =>
    text
      .split(/([\p{L}\p{N}]+)/u)
      .map((w) => (words.some((q) => w.toLowerCase().startsWith(q.toLowerCase())) && w ? `<mark>${escape(w)}</mark>` : escape(w)))
      .join('');
  const matches = (text: string) =>
    words.length > 0 && text.split(/[^\p{L}\p{N}]+/u).some((w) => words.some((q) => w.toLowerCase().startsWith(q)));
  return {
    url,
    excerpt: '',
    meta: { title, speaker: 'Chen Xu', date: '3 May 2021' },
    filters: { speaker: ['chen-xu'], year: ['2021'] },
    anchors: [
      { element: 'h1', id: 'title', text: title, location: 0 },
      ...paragraphs.map((text, i) => ({ element: 'p', id: `p-${i + 1}`, text, location: 10 * (i + 1) })),
      { element: 'h2', id: 'about', text: 'About this text: global compact', location: 1000 },
    ],
    sub_results: [
      // Pagefind's sub-result for the page's top and for a non-paragraph heading: never a paragraph hit.
      ...(matches(title) ? [{ url, title, excerpt: marked(title) }] : []),
      ...paragraphs.flatMap((text, i) => (matches(text) ? [{ url: `${url}#p-${i + 1}`, title, excerpt: marked(text) }] : [])),
      ...(matches('About this text: global compact') ? [{ url: `${url}#about`, title, excerpt: 'About this text' }] : []),
    ],
  };
}

const text = (pieces: Pieces) => pieces.map(([t]) => t).join('');
const marks = (pieces: Pieces) => pieces.filter(([, m]) => m).map(([t]) => t);

describe('piecesFromPagefind', () => {
  it("splits Pagefind's excerpt into plain and highlighted text", () => {
    expect(piecesFromPagefind('implement the <mark>Global</mark> <mark>Compact</mark> now')).toEqual([
      ['implement the ', false],
      ['Global', true],
      [' ', false],
      ['Compact', true],
      [' now', false],
    ]);
  });

  it('decodes entities into text, so markup in a statement is shown as written, never as elements', () => {
    expect(piecesFromPagefind('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>migrants&#39;</mark>')).toEqual([
      ['<script>alert("x")</script> & ', false],
      ["migrants'", true],
    ]);
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
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
  it('keeps only the paragraph anchors, not headings', () => {
    expect(paragraphsOf(fakeData('T', ['one', 'two'])).map((a) => a.id)).toEqual(['p-1', 'p-2']);
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
    expect(hit?.paragraphs.map((p) => marks(p.pieces))).toEqual([['Global Compact'], ['global  compact']]);
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

  it("without a phrase: Pagefind's own paragraph sub-results, with its highlights, and not the page top or headings", () => {
    const hit = toHit(1, fakeData('Global compact statement', paragraphs, ['compact']), parseQuery('compact'), ['GCM']);
    expect(hit?.paragraphs.map((p) => p.id)).toEqual(['p-1', 'p-3', 'p-4']);
    expect(hit?.paragraphs.map((p) => marks(p.pieces))).toEqual([['Compact'], ['compactness'], ['compact']]);
    expect(text(hit!.paragraphs[0]!.pieces)).toBe(paragraphs[0]);
    expect(hit?.names).toEqual(['GCM']);
  });
});
