/**
 * From a statement Pagefind loaded to what a result shows: which paragraphs
 * matched and their excerpts, as [text, highlighted] pieces. Pure: no DOM, and
 * nothing from the index is ever parsed as HTML (Pagefind's `<mark>` tags are
 * split off and its entities decoded into plain text).
 */
import { containsPhrase, highlightRanges, type ParsedQuery } from '../../search/query.ts';
import type { PagefindAnchor, PagefindData } from './pagefind.ts';
import { parseBlockId } from '../../edition/block-ids.ts';

/** Words of context around a phrase in an excerpt. */
export const EXCERPT_WORDS = 30;

/** An excerpt as [text, highlighted] pieces. */
export type Pieces = [string, boolean][];

/** A paragraph that matched. */
export interface ParagraphHit {
  /** Block id (the anchor). */
  id: string;
  /** ¶ number: the block's place in reading order. */
  n: number;
  /** Excerpt as [text, highlighted] pieces. */
  pieces: Pieces;
}

/** A statement that matched, with its paragraphs. */
export interface StatementHit {
  url: string;
  score: number;
  data: PagefindData;
  paragraphs: ParagraphHit[];
  /** Alias names that found it, when the search was expanded. */
  names: string[];
}

/**
 * Pagefind's excerpt (HTML-escaped text with `<mark>` around the matched words) as pieces.
 * @example piecesFromPagefind('the <mark>Global</mark> &amp; more') // => [['the ', false], ['Global', true], [' & more', false]]
 */
export function piecesFromPagefind(excerpt: string): Pieces {
  const out: Pieces = [];
  let marked = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/u)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) out.push([decodeEntities(part), marked]);
  }
  return out;
}

/**
 * Decodes the entities Pagefind writes in excerpts; anything else stays as written.
 * @example decodeEntities('&lt;b&gt; &amp;amp;') // => '<b> &amp;'
 */
export function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&#x27;/gu, "'")
    .replace(/&amp;/gu, '&');
}

/**
 * An excerpt of `text` around the first match (8 words before it, `EXCERPT_WORDS`
 * in all), with every phrase and every word (as a prefix) highlighted.
 */
export function piecesAround(text: string, marks: string[], prefixTerms: string[]): Pieces {
  const merged = highlightRanges(text, marks, prefixTerms);
  const words = [...text.matchAll(/\S+/gu)];
  const firstWord = merged.length === 0 ? 0 : Math.max(0, words.findIndex((w) => w.index + w[0].length > merged[0]![0]) - 8);
  const lastWord = Math.min(words.length, firstWord + EXCERPT_WORDS);
  const start = words[firstWord]?.index ?? 0;
  const end = lastWord >= words.length ? text.length : words[lastWord - 1]!.index + words[lastWord - 1]![0].length;
  const out: Pieces = [];
  if (start > 0) out.push(['… ', false]);
  let at = start;
  for (const [a, b] of merged) {
    if (b <= start || a >= end) continue;
    if (a > at) out.push([text.slice(at, a), false]);
    out.push([text.slice(Math.max(a, start), Math.min(b, end)), true]);
    at = Math.min(b, end);
  }
  if (at < end) out.push([text.slice(at, end), false]);
  if (end < text.length) out.push([' …', false]);
  return out;
}

/**
 * Paragraph anchors of a result: the numbered blocks, in reading order (not
 * the notes that carry retired ids, which are spans inside a block).
 */
export function paragraphsOf(d: PagefindData): PagefindAnchor[] {
  return d.anchors.filter((a) => parseBlockId(a.id) !== null && a.element !== 'span').sort((a, b) => a.location - b.location);
}

/**
 * Turns one loaded statement into a hit for a parsed query, or null when a
 * quoted phrase does not occur in it (Pagefind only saw the word stems). With
 * phrases, the hits are the paragraphs that contain one, excerpted here;
 * without, they are Pagefind's own sub-results that are paragraphs.
 */
export function toHit(score: number, d: PagefindData, q: ParsedQuery, names: string[]): StatementHit | null {
  const paras = paragraphsOf(d);
  const numbers = new Map(paras.map((a, i) => [a.id, i + 1]));
  if (q.phrases.length > 0) {
    const everyPhrase = q.phrases.every((p) => paras.some((a) => containsPhrase(a.text, p)) || containsPhrase(d.meta['title'] ?? '', p));
    if (!everyPhrase) return null;
    const hits = paras
      .filter((a) => q.phrases.some((p) => containsPhrase(a.text, p)))
      .map((a) => ({ id: a.id, n: numbers.get(a.id)!, pieces: piecesAround(a.text, q.phrases, q.terms) }));
    return { url: d.url, score, data: d, paragraphs: hits, names };
  }
  const hits = d.sub_results
    .map((s) => ({ id: s.url.slice(s.url.lastIndexOf('#') + 1), excerpt: s.excerpt }))
    .filter((s) => numbers.has(s.id))
    .map((s) => ({ id: s.id, n: numbers.get(s.id)!, pieces: piecesFromPagefind(s.excerpt) }));
  return { url: d.url, score, data: d, paragraphs: hits, names };
}
