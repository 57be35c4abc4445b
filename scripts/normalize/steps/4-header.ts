/**
 * The top of a source: site navigation, breadcrumbs, the title and date lines.
 * All of it repeats the metadata or belongs to the website, not the statement.
 */
import type { Removal } from '../../../src/edition/schemas.ts';
import { dateLine, sameDate } from './date-lines.ts';
import type { Problem } from '../problems.ts';
import type { Line } from './1-source-text.ts';

/** How far down the title is looked for: a header longer than this is not a header. */
export const HEADER_MAX_LINES = 60;

/**
 * Lower-cased words (letters and digits) of a text: markup and punctuation fall away.
 * @example words('**Statement by H.E. Ambassador') // => ['statement', 'by', 'h', 'e', 'ambassador']
 */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
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
    let got = 0;
    for (let end = start; end < limit; end++) {
      const w = words(lines[end]!.text);
      if (w.length === 0) break;
      if (got + w.length > target.length || w.some((x, i) => x !== target[got + i])) break;
      got += w.length;
      if (got === target.length) return [start, end + 1];
    }
  }
  return null;
}

export interface HeaderFacts {
  /** The title in the metadata (or the source's own spelling of it). */
  title: string;
  /** The metadata date, ISO at its precision. */
  date: string;
  /** The metadata place, for recognising "date, place" lines. */
  place: string | null;
}

/**
 * Drops the header: every line before the title (site navigation, section
 * labels, a date line), the title lines, and date lines right after the title.
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
  const title = findTitle(lines, facts.title);
  let cut = 0;
  let blankLines = 0;

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

/**
 * Adds a line to the removals, extending the previous removal when it has the
 * same kind and reason. Callers add lines in order and only from one run of
 * removed lines (blank lines between them allowed), so a removal stays one stretch.
 */
export function addRemoval(removals: Removal[], line: Line, kind: Removal['kind'], reason: string): void {
  const last = removals.at(-1);
  if (last && last.kind === kind && last.reason === reason) {
    last.toLine = line.n;
    last.text.push(line.text.trim());
    return;
  }
  removals.push({ fromLine: line.n, toLine: line.n, kind, reason, text: [line.text.trim()] });
}
