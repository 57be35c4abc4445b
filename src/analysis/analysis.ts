/**
 * Text analysis over the edition, pure: keyword in context, term counts by
 * year and speaker, and distinctive words (log-likelihood). Words, word counts
 * and term matching are the edition's one model (`src/edition/text.ts`). The
 * same functions run at build time and in the browser.
 */
import { type TermPattern, type Token, matchTerm, termPattern, tokenize } from '../edition/text.ts';
import { blockHref } from '../edition/block-ids.ts';
import { statementPath } from '../site/routes.ts';

/** Tokens of each paragraph, computed once per paragraph object and shared by every count. */
const paragraphTokens = new WeakMap<object, Token[]>();

/**
 * The tokens of a paragraph of the corpus, cached: a build counts the same
 * paragraphs for every theme page and the trends page.
 */
export function tokensOf(p: { text: string }): Token[] {
  let tokens = paragraphTokens.get(p);
  if (!tokens) {
    tokens = tokenize(p.text);
    paragraphTokens.set(p, tokens);
  }
  return tokens;
}

/**
 * The words of a list of paragraphs, compactly: each distinct word once, each
 * paragraph as an array of word numbers, and where each word occurs. Built once
 * per list; a 10,000-statement corpus has millions of tokens, too many to keep
 * as objects.
 */
interface WordIndex {
  /** Word → its number. */
  ids: Map<string, number>;
  /** Number → word. */
  words: string[];
  /** Each paragraph's words, as numbers. */
  paras: Int32Array[];
  /** Word number → [paragraph, position, paragraph, position, …]. */
  at: number[][];
}
const wordIndexes = new WeakMap<object, WordIndex>();

function wordIndex(paragraphs: { text: string }[]): WordIndex {
  let index = wordIndexes.get(paragraphs);
  if (!index) {
    const ids = new Map<string, number>();
    const words: string[] = [];
    const at: number[][] = [];
    const paras = paragraphs.map((para, p) => {
      const tokens = tokenize(para.text);
      const out = new Int32Array(tokens.length);
      tokens.forEach((t, i) => {
        let id = ids.get(t.norm);
        if (id === undefined) {
          id = words.length;
          ids.set(t.norm, id);
          words.push(t.norm);
          at.push([]);
        }
        out[i] = id;
        at[id]!.push(p, i);
      });
      return out;
    });
    index = { ids, words, paras, at };
    wordIndexes.set(paragraphs, index);
  }
  return index;
}

/**
 * How often a term occurs in each paragraph (paragraph index → count), as
 * `matchTerm` counts it, found through an index of the paragraphs' words
 * instead of a scan of every token: a build counts many terms over the same
 * paragraphs (every theme page, the trends page).
 * @example countByParagraph([{ text: 'Global Compact, global compacts' }], termPattern('global compact*')) // => Map { 0 => 2 }
 */
export function countByParagraph(paragraphs: { text: string }[], pattern: TermPattern): Map<number, number> {
  const { words, prefix } = pattern;
  const out = new Map<number, number>();
  if (words.length === 0) return out;
  const index = wordIndex(paragraphs);
  const last = words.length - 1;
  // Which word numbers may stand at each place of the term.
  const allowed = words.map((w, k) =>
    prefix && k === last ? new Set(index.words.flatMap((x, id) => (x.startsWith(w) ? [id] : []))) : new Set([index.ids.get(w) ?? -1]),
  );
  const starts = [...allowed[0]!].flatMap((id) => pairs(index.at[id] ?? []));
  if (allowed[0]!.size > 1) starts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let lastPara = -1;
  let nextFree = 0;
  for (const [p, i] of starts) {
    if (p === lastPara && i < nextFree) continue;
    const para = index.paras[p]!;
    if (i + words.length > para.length || !allowed.every((set, k) => set.has(para[i + k]!))) continue;
    out.set(p, (out.get(p) ?? 0) + 1);
    lastPara = p;
    nextFree = i + words.length;
  }
  return out;
}

/** The number of words of each paragraph (as `wordCount` in src/edition/text.ts counts them). */
export function wordCounts(paragraphs: { text: string }[]): number[] {
  return wordIndex(paragraphs).paras.map((p) => p.length);
}

function pairs(flat: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < flat.length; k += 2) out.push([flat[k]!, flat[k + 1]!]);
  return out;
}

/** A paragraph of the corpus, for analysis. */
export interface CorpusParagraph {
  /** Index of its statement in the statement list. */
  s: number;
  /** ¶ number (reading order). */
  n: number;
  /** Block id, the paragraph's anchor (see src/edition/block-ids.ts). */
  id: string;
  /** Text. */
  text: string;
}

/** A statement, as the analysis needs it. */
export interface CorpusStatement {
  id: string;
  title: string;
  speaker: string;
  /** Speaker id for grouping. */
  speakerId: string;
  year: string;
  /** ISO date at its precision, for sorting. */
  date: string;
  dateLabel: string;
}

/** One keyword-in-context line. */
export interface KwicLine {
  /** Statement index. */
  s: number;
  /** ¶ number (reading order). */
  n: number;
  /** Block id, the paragraph's anchor. */
  id: string;
  left: string;
  match: string;
  right: string;
}

/** Words of context on each side of a concordance line. */
export const KWIC_CONTEXT = 8;

/**
 * Every occurrence of any of the terms, keyword in context: `KWIC_CONTEXT`
 * words either side, within the paragraph, in corpus order.
 * @example concordance([{ s: 0, n: 1, id: 'p-1', text: 'We call for cooperation now.' }], ['cooperation'])[0]
 * // => { s: 0, n: 1, id: 'p-1', left: 'We call for', match: 'cooperation', right: 'now.' }
 */
export function concordance(paragraphs: CorpusParagraph[], terms: string[], context = KWIC_CONTEXT): KwicLine[] {
  const patterns = terms.map(termPattern).filter((p) => p.words.length > 0);
  const lines: KwicLine[] = [];
  for (const p of paragraphs) {
    const tokens = tokensOf(p);
    const hits = new Map<number, number>();
    for (const pattern of patterns) {
      for (const i of matchTerm(tokens, pattern)) {
        const len = pattern.words.length;
        if (![...hits].some(([j, l]) => i < j + l && j < i + len)) hits.set(i, len);
      }
    }
    for (const [i, len] of [...hits].sort((a, b) => a[0] - b[0])) {
      const first = tokens[i]!;
      const last = tokens[i + len - 1]!;
      const leftStart = tokens[Math.max(0, i - context)]!.start;
      const rightEnd = tokens[Math.min(tokens.length - 1, i + len - 1 + context)]!.end;
      const afterEnd = /^\S*/u.exec(p.text.slice(rightEnd))![0];
      lines.push({
        s: p.s,
        n: p.n,
        id: p.id,
        left: p.text.slice(leftStart, first.start).trim(),
        match: p.text.slice(first.start, last.end),
        right: (p.text.slice(last.end, rightEnd) + afterEnd).trim(),
      });
    }
  }
  return lines;
}

/**
 * Orders concordance lines: by the words just left of the match (nearest
 * first), by the words right of it, or by the statement's date.
 */
export function sortKwic(lines: KwicLine[], by: 'left' | 'right' | 'date', statements: CorpusStatement[]): KwicLine[] {
  const key = (l: KwicLine): string => {
    if (by === 'left')
      return tokenize(l.left)
        .map((t) => t.norm)
        .reverse()
        .join(' ');
    if (by === 'right')
      return tokenize(l.right)
        .map((t) => t.norm)
        .join(' ');
    return `${statements[l.s]!.date} ${String(l.n).padStart(5, '0')}`;
  };
  return lines
    .map((l, i) => ({ l, i, k: key(l) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
    .map((x) => x.l);
}

/**
 * Concordance lines as CSV (RFC 4180: quoted fields, CRLF line ends), with the
 * statement's metadata and the paragraph's URL.
 */
export function kwicCsv(lines: KwicLine[], statements: CorpusStatement[], site: string): string {
  const rows = [['statement_id', 'title', 'speaker', 'date', 'paragraph', 'url', 'left', 'match', 'right']];
  for (const l of lines) {
    const s = statements[l.s]!;
    rows.push([s.id, s.title, s.speaker, s.date, String(l.n), blockHref(`${site}${statementPath(s.id)}`, l.id), l.left, l.match, l.right]);
  }
  return csvText(rows);
}

/**
 * Rows as CSV text (RFC 4180): each field through `csvField`, CRLF line ends,
 * a final CRLF. Every CSV of the site is written by it.
 * @example csvText([['a', 'b, c']]) // => 'a,"b, c"\r\n'
 */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * One CSV field: quoted when it holds a comma, quote, or line break; a leading
 * =, +, - or @ is prefixed with an apostrophe so spreadsheets do not run it.
 * @example csvField('a "b", c') // => '"a ""b"", c"'
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

/** Occurrences of one term in one group (a year or a speaker). */
export interface TrendCell {
  /** Raw count. */
  count: number;
  /** Words in the group. */
  words: number;
  /** Occurrences per 10,000 words. */
  per10k: number;
}

/**
 * Counts each term per group (e.g. per year), raw and per 10,000 words of the
 * group. Groups are given in order; every group appears for every term.
 */
export function termTrends(
  paragraphs: CorpusParagraph[],
  terms: string[],
  groupOf: (statementIndex: number) => string,
  groups: string[],
): { term: string; cells: Record<string, TrendCell> }[] {
  const words = new Map<string, number>(groups.map((g) => [g, 0]));
  const sizes = wordCounts(paragraphs);
  paragraphs.forEach((p, i) => {
    const g = groupOf(p.s);
    words.set(g, (words.get(g) ?? 0) + sizes[i]!);
  });
  return terms.map((term) => {
    const counts = new Map<string, number>(groups.map((g) => [g, 0]));
    for (const [i, n] of countByParagraph(paragraphs, termPattern(term))) {
      const g = groupOf(paragraphs[i]!.s);
      counts.set(g, (counts.get(g) ?? 0) + n);
    }
    const cells: Record<string, TrendCell> = {};
    for (const g of groups) {
      const count = counts.get(g) ?? 0;
      const w = words.get(g) ?? 0;
      cells[g] = { count, words: w, per10k: w === 0 ? 0 : Math.round((count / w) * 10000 * 10) / 10 };
    }
    return { term, cells };
  });
}

/** Common English words left out of distinctive-word lists. */
export const STOPWORDS = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below between both but by can could did ' +
    'do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its ' +
    'itself just me more most my no nor not now of off on once only or other our ours ourselves out over own same she should so some ' +
    'such than that the their theirs them then there these they this those through to too under until up very was we were what when ' +
    'where which while who whom why will with would you your yours shall may must etc us against might upon within without'
  ).split(' '),
);

/** A word that distinguishes one statement from the rest of the corpus. */
export interface KeyWord {
  word: string;
  /** Occurrences in the statement. */
  count: number;
  /** Occurrences in the rest of the corpus. */
  rest: number;
  /** Log-likelihood (G²) keyness. */
  g2: number;
}

/**
 * Dunning's log-likelihood (G²) of a word occurring `a` times in `c` tokens
 * against `b` times in `d` tokens.
 * @see https://ucrel.lancs.ac.uk/llwizard.html
 * @example Math.round(logLikelihood(10, 0, 1000, 1000) * 100) / 100 // => 13.86
 */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  const t1 = a > 0 ? a * Math.log(a / e1) : 0;
  const t2 = b > 0 ? b * Math.log(b / e2) : 0;
  return 2 * (t1 + t2);
}

/**
 * Word frequencies.
 * @example wordFrequencies(['a', 'b', 'a']).get('a') // => 2
 */
export function wordFrequencies(words: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/**
 * The words most typical of one statement against the rest of the corpus, by
 * log-likelihood, over-used words only, at least `minCount` times, stopwords,
 * numbers and one- or two-letter words left out. Ties go alphabetically.
 */
export function distinctiveWords(target: string[], rest: string[], limit = 10, minCount = 2): KeyWord[] {
  return distinctiveFromCounts(wordFrequencies(target), target.length, wordFrequencies(rest), rest.length, limit, minCount);
}

/**
 * `distinctiveWords` from frequencies: `a` and `c` for the statement, `b` and
 * `d` for the rest (so a corpus's totals can be counted once, then each
 * statement's subtracted).
 */
export function distinctiveFromCounts(
  a: Map<string, number>,
  c: number,
  b: Map<string, number>,
  d: number,
  limit = 10,
  minCount = 2,
): KeyWord[] {
  const out: KeyWord[] = [];
  for (const [word, n] of a) {
    if (n < minCount || word.length < 3 || STOPWORDS.has(word) || /^[\p{N}.,']+$/u.test(word)) continue;
    const r = b.get(word) ?? 0;
    if (d > 0 && r / d >= n / c) continue;
    out.push({ word, count: n, rest: r, g2: Math.round(logLikelihood(n, r, c, d) * 100) / 100 });
  }
  return out.sort((x, y) => y.g2 - x.g2 || (x.word < y.word ? -1 : 1)).slice(0, limit);
}
