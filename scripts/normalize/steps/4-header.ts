/**
 * The top of a source: site navigation, breadcrumbs, the title and date lines.
 * All of it repeats the metadata or belongs to the website, not the statement.
 *
 * No prose is removed by a heuristic: the rules here remove only lines that
 * look like website chrome (`isChromeLine`) or date lines; anything else goes
 * only when the metadata lists it (`removals`, applied by `removeListedLines`),
 * and otherwise the normalizer stops and says which lines it would have removed.
 */
import type { Removal, RemovalKind } from '../../../src/edition/schemas.ts';
import { dateLine, sameDate } from './date-lines.ts';
import type { Problem } from '../problems.ts';
import type { Line } from './1-source-text.ts';

/** How far down the title is looked for: a header longer than this is not a header. */
export const HEADER_MAX_LINES = 60;

/** The most words a chrome line may have: a menu item, a section label, a name, an office, a phone line. */
export const CHROME_MAX_WORDS = 12;

/** The fewest words before a full stop, question or exclamation mark that make a sentence inside a line. */
export const SENTENCE_MIN_WORDS = 3;

/**
 * Words that end with a full stop without ending a sentence: titles and
 * contact labels ("Mr.", "Tel."), Latin abbreviations ("etc.", "cf.").
 */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'amb',
  'hon',
  'rev',
  'gen',
  'sen',
  'rep',
  'st',
  'jr',
  'sr',
  'no',
  'nos',
  'tel',
  'fax',
  'ext',
  'mob',
  'vs',
  'etc',
  'cf',
  'ca',
  'approx',
  'dept',
  'inc',
  'ltd',
  'co',
  'corp',
  'art',
  'para',
  'vol',
  'pp',
  'p',
]);

/** Closing quotes, brackets and Markdown emphasis that may follow a line's last word. */
const CLOSERS = /["'”’»)\]*_]+$/u;

/** Marks that end a sentence. */
const SENTENCE_END = /[.!?]$/u;

/** Marks at the end of a line that end a sentence or leave a clause open onto the next line. */
const CLAUSE_END = /[.!?,;]$/u;

/** A whitespace-separated token counts as a word when it has a letter or a digit ("-" and "•" do not). */
const isWord = (token: string): boolean => /[\p{L}\p{N}]/u.test(token);

/**
 * Whether a token ending in "." is an abbreviation or an initial rather than
 * the end of a sentence: a single letter ("W."), letters with inner dots
 * ("H.E.", "e.g."), or a word of `ABBREVIATIONS` ("Mr.", "Tel.").
 * @example isAbbreviation('H.E.') // => true
 * @example isAbbreviation('China.') // => false
 */
export function isAbbreviation(token: string): boolean {
  const core = token
    .replace(CLOSERS, '')
    .replace(/^["'“‘«([*_]+/u, '')
    .replace(/\.$/u, '');
  return /^\p{L}$/u.test(core) || /^\p{L}+(?:\.\p{L}+)+$/u.test(core) || ABBREVIATIONS.has(core.toLowerCase());
}

/**
 * Whether a line looks like website chrome (a menu item, a section label, a
 * breadcrumb, a name, an office, a telephone or e-mail line) rather than prose.
 * These are the only lines the header and footer rules remove on their own.
 * A chrome line
 * 1. has at most `CHROME_MAX_WORDS` words (whitespace-separated tokens with a
 *    letter or digit, so "-" alone has none);
 * 2. does not end a sentence or leave a clause open: its last character, once
 *    closing quotes, brackets and Markdown emphasis are set aside, is not
 *    `.`, `!`, `?` (a sentence, "Thank you.") nor `,` or `;` (a salutation
 *    such as "Mr. President," or a line of a wrapped sentence);
 * 3. contains no sentence of several words: no `.`, `!` or `?` (before a
 *    space) ends a run of at least `SENTENCE_MIN_WORDS` words, unless the word
 *    it ends is an abbreviation or an initial ("H.E.", "Mr.", "Tel.").
 * A blank line is not chrome (callers skip blank lines).
 * @example isChromeLine('What We Do') // => true
 * @example isChromeLine('Tel. +86 10 597 996 95') // => true
 * @example isChromeLine('Thank you.') // => false
 * @example isChromeLine('Mr. President,') // => false
 * @example isChromeLine('We met in Geneva. It was a good day') // => false
 */
export function isChromeLine(text: string): boolean {
  const tokens = text.trim().split(/\s+/u).filter(Boolean);
  if (tokens.length === 0) return false;
  if (tokens.filter(isWord).length > CHROME_MAX_WORDS) return false;
  if (CLAUSE_END.test(text.trim().replace(CLOSERS, ''))) return false;
  let run = 0;
  for (const token of tokens.slice(0, -1)) {
    if (isWord(token)) run += 1;
    const bare = token.replace(CLOSERS, '');
    if (!SENTENCE_END.test(bare) || (bare.endsWith('.') && isAbbreviation(token))) continue;
    if (run >= SENTENCE_MIN_WORDS) return false;
    run = 0;
  }
  return true;
}

/**
 * Lower-cased words (letters and digits) of a text: markup and punctuation fall away.
 * @example words('**Statement by H.E. Ambassador') // => ['statement', 'by', 'h', 'e', 'ambassador']
 */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The end (exclusive index) of the run of consecutive non-blank lines starting
 * at `start` whose words are exactly `target`, or null.
 */
function titleEndAt(lines: Line[], start: number, target: string[], limit: number): number | null {
  let got = 0;
  for (let end = start; end < limit; end++) {
    const w = words(lines[end]!.text);
    if (w.length === 0) return null;
    if (got + w.length > target.length || w.some((x, i) => x !== target[got + i])) return null;
    got += w.length;
    if (got === target.length) return end + 1;
  }
  return null;
}

/**
 * Finds the run of consecutive non-blank lines, within the first
 * `HEADER_MAX_LINES` lines, whose words are exactly the title's words.
 * Returns the indexes [start, end) into `lines`, or null.
 * @example findTitle([{ n: 1, text: 'A Title' }, { n: 2, text: 'Text.' }], 'A title') // => [0, 1]
 */
export function findTitle(lines: Line[], title: string): [number, number] | null {
  const target = words(title);
  if (target.length === 0) return null;
  const limit = Math.min(lines.length, HEADER_MAX_LINES);
  for (let start = 0; start < limit; start++) {
    const end = titleEndAt(lines, start, target, limit);
    if (end !== null) return [start, end];
  }
  return null;
}

/**
 * The title's lines when the metadata says on which source line it begins
 * (`sourceTitleLine`), anywhere in the source: [start, end) into `lines`, or
 * null when the title's words do not begin there.
 * @example findTitleAtLine([{ n: 1, text: 'Home' }, { n: 2, text: 'A Title' }], 'A title', 2) // => [1, 2]
 */
export function findTitleAtLine(lines: Line[], title: string, lineNumber: number): [number, number] | null {
  const target = words(title);
  const start = lines.findIndex((l) => l.n === lineNumber);
  if (target.length === 0 || start === -1) return null;
  const end = titleEndAt(lines, start, target, lines.length);
  return end === null ? null : [start, end];
}

export interface HeaderFacts {
  /** The title in the metadata (or the source's own spelling of it). */
  title: string;
  /** The metadata date, ISO at its precision. */
  date: string;
  /** The metadata place, for recognising "date, place" lines. */
  place: string | null;
  /** The metadata's `sourceTitleLine`: the source line where the title begins, or `none`; looked for when absent. */
  titleLine?: number | 'none' | undefined;
  /** The metadata file, named in problems about it. */
  metaFile?: string;
}

/** A line quoted in a message: trimmed, and cut after 60 characters. */
const quoteLine = (text: string): string => {
  const t = text.trim();
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
};

/** "line 3" or "lines 1–22". */
const lineRange = (from: number, to: number): string => (from === to ? `line ${from}` : `lines ${from}–${to}`);

/**
 * Drops the header: every line before the title (site navigation, section
 * labels, a date line), the title lines, and date lines right after the title.
 * The title is found by its words in the first `HEADER_MAX_LINES` lines, or at
 * the metadata's `sourceTitleLine`; with `sourceTitleLine: none` there is no title.
 * Lines above the title are removed only when every non-blank one is a chrome
 * line (`isChromeLine`) or a date line; when one reads as prose, nothing is
 * removed and a problem names the lines and the prose (list them under
 * `removals` in the metadata, or say where the title is).
 * A date line that contradicts the metadata date is a problem, not a removal.
 * Without a title in the source, only leading date lines are dropped.
 * Blank lines dropped with the header are counted in `blankLines`.
 * @example
 * stripHeaderMatter([{ n: 1, text: 'Home' }, { n: 2, text: 'My Title' }, { n: 3, text: 'Body.' }],
 *   { title: 'My Title', date: '2010', place: null }, 'a.txt').lines // => [{ n: 3, text: 'Body.' }]
 */
export function stripHeaderMatter(
  lines: Line[],
  facts: HeaderFacts,
  file: string,
): { lines: Line[]; removals: Removal[]; problems: Problem[]; titleFound: boolean; blankLines: number } {
  const removals: Removal[] = [];
  const problems: Problem[] = [];
  const metaFile = facts.metaFile ?? file.replace(/\.txt$/u, '.yaml');
  let title: [number, number] | null = null;
  if (typeof facts.titleLine === 'number') {
    title = findTitleAtLine(lines, facts.title, facts.titleLine);
    if (!title) {
      problems.push({
        file: metaFile,
        where: 'sourceTitleLine',
        message: `the title "${quoteLine(facts.title)}" does not begin on line ${facts.titleLine} of ${file} (its words must fill that line and the lines right after it)`,
      });
    }
  } else if (facts.titleLine !== 'none') {
    title = findTitle(lines, facts.title);
  }
  let cut = 0;
  let blankLines = 0;

  const isDateLine = (line: Line): boolean => dateLine(line.text, facts.place) !== null;
  const dropDateLine = (line: Line): boolean => {
    const found = dateLine(line.text, facts.place);
    if (!found) return false;
    if (!sameDate(found.iso, facts.date)) {
      problems.push({
        file,
        where: `line ${line.n}`,
        message: `the date line "${line.text.trim()}" says ${found.iso} but the metadata date is ${facts.date}`,
      });
    }
    addRemoval(removals, line, 'date-line', 'date line; the date is in the metadata');
    return true;
  };

  if (title) {
    const [start, end] = title;
    const above = lines.slice(0, start).filter((l) => l.text.trim() !== '');
    const prose = above.filter((l) => !isDateLine(l) && !isChromeLine(l.text));
    if (prose.length > 0) {
      const first = prose[0]!;
      const others = prose.length > 1 ? ` (and ${prose.length - 1} other line${prose.length === 2 ? '' : 's'})` : '';
      problems.push({
        file,
        where: lineRange(above[0]!.n, above.at(-1)!.n),
        message:
          `would be removed as website navigation above the title (${lineRange(lines[start]!.n, lines[end - 1]!.n)}), ` +
          `but line ${first.n} reads as prose ("${quoteLine(first.text)}")${others}; ` +
          `if it is not part of the statement, list it under removals in ${metaFile} with a reason; ` +
          (typeof facts.titleLine === 'number'
            ? `if it is, sourceTitleLine in ${metaFile} does not point at the title`
            : `if it is, the title is not there: give sourceTitleLine in ${metaFile} (the title's line, or none)`),
      });
      return { lines, removals: [], problems, titleFound: true, blankLines: 0 };
    }
    for (const line of lines.slice(0, start)) {
      if (line.text.trim() === '') {
        blankLines += 1;
        continue;
      }
      if (!dropDateLine(line)) {
        addRemoval(removals, line, 'navigation', 'website navigation or section label before the title');
      }
    }
    for (const line of lines.slice(start, end)) {
      addRemoval(removals, line, 'title', 'title; it is in the metadata');
    }
    cut = end;
  }
  // Date lines directly after the title (or at the very top when there is none).
  while (cut < lines.length) {
    const line = lines[cut]!;
    if (line.text.trim() === '') blankLines += 1;
    else if (!dropDateLine(line)) break;
    cut += 1;
  }
  return { lines: lines.slice(cut), removals, problems, titleFound: title !== null, blankLines };
}

/** A range of source lines the metadata lists under `removals`, with the editor's reason. */
export interface ListedRemoval {
  /** First line (1-based). */
  from: number;
  /** Last line (1-based, inclusive). */
  to: number;
  /** The editor's reason. */
  reason: string;
}

/**
 * Removes the lines the metadata lists under `removals` (before any rule
 * runs), one `editor` removal per range with the editor's reason (a final full
 * stop dropped: the report adds its own) and the non-blank lines removed.
 * Blank lines inside a range are counted in `blankLines`.
 * @example
 * removeListedLines([{ n: 1, text: 'Menu text.' }, { n: 2, text: 'Body.' }], [{ from: 1, to: 1, reason: 'menu' }]).lines
 * // => [{ n: 2, text: 'Body.' }]
 */
export function removeListedLines(
  lines: Line[],
  listed: readonly ListedRemoval[],
): { lines: Line[]; removals: Removal[]; blankLines: number } {
  const ranges = [...listed].sort((a, b) => a.from - b.from);
  const removals: Removal[] = ranges.map((r) => ({
    fromLine: r.from,
    toLine: r.to,
    kind: 'editor',
    reason: r.reason.trim().replace(/\.$/u, ''),
    text: [],
  }));
  const kept: Line[] = [];
  let blankLines = 0;
  let i = 0; // lines come in order and the ranges do not overlap: one sweep
  for (const line of lines) {
    while (i < ranges.length && ranges[i]!.to < line.n) i += 1;
    const r = ranges[i];
    if (!r || line.n < r.from) kept.push(line);
    else if (line.text.trim() === '') blankLines += 1;
    else removals[i]!.text.push(line.text.trim());
  }
  return { lines: kept, removals, blankLines };
}

/**
 * Adds a line to the removals, extending the previous removal when it has the
 * same kind and reason. Callers add lines in order and only from one run of
 * removed lines (blank lines between them allowed), so a removal stays one stretch.
 */
export function addRemoval(removals: Removal[], line: Line, kind: RemovalKind, reason: string): void {
  const last = removals.at(-1);
  if (last && last.kind === kind && last.reason === reason) {
    last.toLine = line.n;
    last.text.push(line.text.trim());
    return;
  }
  removals.push({ fromLine: line.n, toLine: line.n, kind, reason, text: [line.text.trim()] });
}
