/**
 * Whitespace repairs: the only changes made to characters inside lines.
 */
import type { Line } from './1-source-text.ts';

/** Non-breaking and typographic spaces that mean nothing more than a space in this text. */
const SPECIAL_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu;

export interface WhitespaceStats {
  /** Special spaces (non-breaking, thin, …) replaced by a plain space. */
  specialSpaces: number;
  /** Lines that lost trailing whitespace. */
  trailingTrimmed: number;
  /** Runs of two or more spaces (after the indentation) collapsed to one. */
  spaceRunsCollapsed: number;
}

/**
 * Replaces non-breaking and other special spaces and tabs by plain spaces,
 * trims trailing whitespace and collapses runs of spaces inside a line.
 * Leading indentation is kept (it tells list continuation lines apart);
 * no other character changes.
 * @example normalizeWhitespace([{ n: 1, text: 'a\u00A0 b  ' }]).lines[0].text // => 'a b'
 */
export function normalizeWhitespace(lines: Line[]): { lines: Line[]; stats: WhitespaceStats } {
  const stats: WhitespaceStats = { specialSpaces: 0, trailingTrimmed: 0, spaceRunsCollapsed: 0 };
  const out = lines.map((line) => {
    let text = line.text.replace(SPECIAL_SPACE, () => {
      stats.specialSpaces += 1;
      return ' ';
    });
    text = text.replace(/\t/gu, '    ');
    const trimmed = text.replace(/\s+$/u, '');
    if (trimmed !== text && trimmed !== '') stats.trailingTrimmed += 1;
    const indent = /^ */u.exec(trimmed)![0];
    const rest = trimmed.slice(indent.length).replace(/ {2,}/gu, () => {
      stats.spaceRunsCollapsed += 1;
      return ' ';
    });
    return { n: line.n, text: indent + rest };
  });
  return { lines: out, stats };
}
