/**
 * From a statement Pagefind loaded to what a result shows: which paragraphs
 * matched and their excerpts, as [text, highlighted] pieces. Pure: no DOM, and
 * nothing from the index is ever parsed as HTML: excerpts are cut from the
 * record's plain text, at the word positions Pagefind matched.
 */
import { containsPhrase, highlightRanges, type ParsedQuery, wordsOf } from '../../search/query.ts';
import type { PagefindData } from './pagefind.ts';
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
 * An excerpt of a paragraph's words around the first marked one (8 words
 * before it, `EXCERPT_WORDS` in all), the marked words highlighted.
 * @example piecesAtWords(['We', 'welcome', 'migrants.'], new Set([2])) // => [['We welcome ', false], ['migrants.', true]]
 */
export function piecesAtWords(words: readonly string[], marked: ReadonlySet<number>): Pieces {
  const firstMarked = Math.min(...[...marked].filter((i) => i >= 0 && i < words.length), words.length);
  const start = firstMarked === words.length ? 0 : Math.max(0, firstMarked - 8);
  const end = Math.min(words.length, start + EXCERPT_WORDS);
  const out: Pieces = [];
  const push = (text: string, on: boolean) => {
    const last = out.at(-1);
    if (last && last[1] === on) last[0] += text;
    else out.push([text, on]);
  };
  for (let i = start; i < end; i++) {
    if (i > start) push(' ', false);
    push(words[i]!, marked.has(i));
  }
  // The ellipses are pieces of their own, as `piecesAround` gives them.
  return [
    ...(start > 0 ? [['… ', false] as [string, boolean]] : []),
    ...out,
    ...(end < words.length ? [[' …', false] as [string, boolean]] : []),
  ];
}

/** A block of a loaded statement: its id, ¶ number, the position of its first word in the record, and its text. */
export interface Paragraph {
  id: string;
  n: number;
  first: number;
  words: string[];
  text: string;
}

/**
 * The blocks of a loaded statement, in reading order, from its record's
 * `blocks` (`p-1:6 p-2:9 …`: each block's id and first word) and content.
 */
export function paragraphsOf(d: PagefindData): Paragraph[] {
  const words = wordsOf(d.content);
  const starts = (d.meta['blocks'] ?? '')
    .split(' ')
    .map((entry) => /^(.+):(\d+)$/u.exec(entry))
    .filter((m): m is RegExpExecArray => m !== null && parseBlockId(m[1]!) !== null)
    .map((m) => ({ id: m[1]!, first: Number(m[2]) }));
  return starts.map((b, i) => {
    const own = words.slice(b.first, starts[i + 1]?.first ?? words.length);
    return { id: b.id, n: i + 1, first: b.first, words: own, text: own.join(' ') };
  });
}

/**
 * Turns one loaded statement into a hit for a parsed query, or null when a
 * quoted phrase does not occur in it (Pagefind only saw the word stems). With
 * phrases, the hits are the paragraphs that contain one; without, those that
 * hold a word Pagefind matched (at its word positions).
 */
export function toHit(score: number, d: PagefindData, q: ParsedQuery, names: string[]): StatementHit | null {
  const paras = paragraphsOf(d);
  if (q.phrases.length > 0) {
    const everyPhrase = q.phrases.every((p) => paras.some((a) => containsPhrase(a.text, p)) || containsPhrase(d.meta['title'] ?? '', p));
    if (!everyPhrase) return null;
    const hits = paras
      .filter((a) => q.phrases.some((p) => containsPhrase(a.text, p)))
      .map((a) => ({ id: a.id, n: a.n, pieces: piecesAround(a.text, q.phrases, q.terms) }));
    return { url: d.url, score, data: d, paragraphs: hits, names };
  }
  const located = new Set(d.locations);
  const hits = paras
    .map((a) => ({ a, marked: new Set(a.words.map((_, i) => i).filter((i) => located.has(a.first + i))) }))
    .filter(({ marked }) => marked.size > 0)
    .map(({ a, marked }) => ({ id: a.id, n: a.n, pieces: piecesAtWords(a.words, marked) }));
  return { url: d.url, score, data: d, paragraphs: hits, names };
}
