/**
 * The edition's one model of words, pure: what a word is, how words are
 * counted, and how a term (`traffick*`, `Global Compact`) is found in a text.
 * Every number about words on the site and in the downloads comes from here:
 * a statement's word count, theme assignment and its term counts, theme
 * charts, trends, the concordance and distinctive words.
 *
 * The rules (also on the About page, "How words are counted"):
 * - A word is a run of letters, marks and digits. An apostrophe between two
 *   such characters joins ("China’s" is one word); so does a decimal point or
 *   thousands separator between two digits ("3.8", "1,000"). Everything else
 *   separates words: spaces, punctuation, and hyphens and dashes
 *   ("counter-trafficking" is two words, "counter" and "trafficking"; "COVID-19"
 *   is "covid" and "19"). A symbol such as "%" is not a word.
 * - Words are compared case-folded, with curly apostrophes made straight.
 * - A term is a sequence of words that must occur in that order with nothing
 *   but non-word characters between them (`Global Compact` matches "global
 *   compact" and "Global\nCompact"); a trailing `*` lets the last word have any
 *   ending (`traffick*` matches "trafficking" and "trafficked"). Matches of one
 *   term never overlap; matches of different terms are counted per term.
 */

/** A word with its place in the text. */

/**
 * Zero-width characters, the byte-order mark and bidirectional controls:
 * invisible, and a way to disguise text. The normalizer removes them
 * (scripts/normalize/steps/1-source-text.ts) and the source view marks them
 * (src/downloads/source-view.ts). Test one character with it; make a global
 * copy (`new RegExp(INVISIBLE_CHARACTERS.source, 'gu')`) to replace.
 */
export const INVISIBLE_CHARACTERS = /[\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u200E\u200F]/u;

export interface Token {
  /** Case-folded form, curly apostrophes made straight. */
  norm: string;
  /** Start offset in the text (UTF-16 units). */
  start: number;
  /** End offset (exclusive). */
  end: number;
}

/**
 * One word: a number with decimal points or thousands separators, or a run of
 * letters, marks and digits with apostrophes inside it.
 */
const WORD = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * Case-folds a word and makes curly apostrophes straight.
 * @example foldWord('China’s') // => "china's"
 */
export function foldWord(w: string): string {
  return w.toLowerCase().replace(/’/gu, "'");
}

/**
 * The words of a text, in order, with their offsets.
 * @example tokenize('China’s counter-trafficking rose 3.8%').map((t) => t.norm) // => ["china's", 'counter', 'trafficking', 'rose', '3.8']
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ norm: foldWord(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * The number of words in a text: the one word count of the edition.
 * @example wordCount('Thank you, Mr. President — 2012.') // => 5
 */
export function wordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n += 1;
  return n;
}

/** A term as words to match: the last may be a prefix. */
export interface TermPattern {
  words: string[];
  prefix: boolean;
}

/**
 * A term as a pattern of words. Quotation marks around it are ignored (they
 * are not words); a trailing `*` makes the last word a prefix.
 * @example termPattern('Global Compact') // => { words: ['global', 'compact'], prefix: false }
 * @example termPattern('traffick*') // => { words: ['traffick'], prefix: true }
 */
export function termPattern(term: string): TermPattern {
  const prefix = /\*\s*["”]?\s*$/u.test(term);
  const words = tokenize(term.replace(/\*\s*(["”]?\s*)$/u, '$1')).map((t) => t.norm);
  return { words, prefix };
}

/** Token positions of each word form, built once per token list. */
const positionIndexes = new WeakMap<Token[], Map<string, number[]>>();

function positionsOf(tokens: Token[]): Map<string, number[]> {
  let index = positionIndexes.get(tokens);
  if (!index) {
    index = new Map();
    tokens.forEach((t, i) => {
      const list = index!.get(t.norm);
      if (list) list.push(i);
      else index!.set(t.norm, [i]);
    });
    positionIndexes.set(tokens, index);
  }
  return index;
}

/** Whether the term's words start at token `i`. */
function matchesAt(tokens: Token[], i: number, { words, prefix }: TermPattern): boolean {
  if (i + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) {
    const t = tokens[i + k]!.norm;
    const w = words[k]!;
    if (!(prefix && k === words.length - 1 ? t.startsWith(w) : t === w)) return false;
  }
  return true;
}

/**
 * Where a term starts in a list of tokens (token indexes, ascending). Matches
 * never overlap: after a match, the next can start only after its last word.
 * Found through an index of the tokens' word forms, so a text is not scanned
 * once per term.
 * @example matchTerm(tokenize('the Global Compact and global compacts'), termPattern('global compact')) // => [1]
 */
export function matchTerm(tokens: Token[], pattern: TermPattern): number[] {
  const { words, prefix } = pattern;
  if (words.length === 0) return [];
  const index = positionsOf(tokens);
  const first = words[0]!;
  let starts: number[];
  if (prefix && words.length === 1) {
    starts = [];
    for (const [form, at] of index) if (form.startsWith(first)) starts.push(...at);
    starts.sort((a, b) => a - b);
  } else {
    starts = index.get(first) ?? [];
  }
  const out: number[] = [];
  let nextFree = 0;
  for (const i of starts) {
    if (i < nextFree || !matchesAt(tokens, i, pattern)) continue;
    out.push(i);
    nextFree = i + words.length;
  }
  return out;
}

/** How often one term occurs. */
export interface TermCount {
  term: string;
  count: number;
}

/**
 * How often each term occurs in a text, each term counted on its own (so
 * "climate" also counts the "climate" of "climate change", as the concordance
 * for "climate" lists it), and in how many distinct places any of them does
 * (overlapping matches of different terms are one place). Terms listed twice
 * (after folding) count once; terms that do not occur are left out; the order
 * is the order given.
 * @example countTerms(tokenize('Big Data and data'), ['data', 'Big Data']) // => { terms: [{ term: 'data', count: 2 }, { term: 'Big Data', count: 1 }], places: 2 }
 */
export function countTerms(tokens: Token[], terms: readonly string[]): { terms: TermCount[]; places: number } {
  const seen = new Set<string>();
  const out: TermCount[] = [];
  const spans: [number, number][] = [];
  for (const term of terms) {
    const pattern = termPattern(term);
    const key = `${pattern.words.join(' ')}${pattern.prefix ? '*' : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const starts = matchTerm(tokens, pattern);
    if (starts.length === 0) continue;
    out.push({ term, count: starts.length });
    for (const s of starts) spans.push([s, s + pattern.words.length]);
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let places = 0;
  let end = -1;
  for (const [s, e] of spans) {
    if (s >= end) places += 1;
    end = Math.max(end, e);
  }
  return { terms: out, places };
}
