/**
 * Recognising date lines ("02 Mar 2010", "November 28, 2012, Geneva") so that
 * those repeating the metadata can be dropped, and those contradicting it reported.
 */
import { escapeRegExp } from '../../../src/edition/regexp.ts';
import type { DatePrecision } from '../../../src/edition/schemas.ts';

export { escapeRegExp };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The month number (1–12) for a full or abbreviated English month name, else null. */
function monthNumber(name: string): number | null {
  const n = name.toLowerCase().replace(/\.$/u, '');
  if (n.length < 3) return null;
  const i = MONTHS.findIndex((m) => m === n || (n.length <= 4 && m.startsWith(n)) || (n === 'sept' && m === 'september'));
  return i === -1 ? null : i + 1;
}

const MONTH = String.raw`([A-Za-z]{3,9}\.?)`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(\d{4})`;

const PATTERNS: { re: RegExp; parts: ('d' | 'm' | 'y')[] }[] = [
  { re: new RegExp(String.raw`\b${DAY}\s+${MONTH},?\s+${YEAR}\b`, 'gu'), parts: ['d', 'm', 'y'] },
  { re: new RegExp(String.raw`\b${MONTH}\s+${DAY},?\s+${YEAR}\b`, 'gu'), parts: ['m', 'd', 'y'] },
  { re: new RegExp(String.raw`\b${YEAR}-(\d{2})-(\d{2})\b`, 'gu'), parts: ['y', 'm', 'd'] },
  { re: new RegExp(String.raw`\b${MONTH}\s+${YEAR}\b`, 'gu'), parts: ['m', 'y'] },
];

/** A date found in a line, as ISO text at its own precision. */
export interface FoundDate {
  /** "2010-03-02", or "2021-03" for a month-only line. */
  iso: string;
  /** Precision of what the line says. */
  precision: DatePrecision;
  /** The line without the date, for checking what else it says. */
  rest: string;
}

/**
 * Finds the first English-language date in a line (trying day-month-year,
 * month-day-year, ISO, then month-year).
 * @example findDate('02 Mar 2010')?.iso // => '2010-03-02'
 * @example findDate('November 28, 2012, Geneva')?.rest // => ', Geneva'
 */
export function findDate(text: string): FoundDate | null {
  for (const { re, parts } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const found = toFoundDate(m, parts, text);
      if (found) return found;
    }
  }
  return null;
}

/** The date a pattern match stands for, or null when its month is not a month ("Year 2011"). */
function toFoundDate(m: RegExpExecArray, parts: ('d' | 'm' | 'y')[], text: string): FoundDate | null {
  let d: number | null = null;
  let mo: number | null = null;
  let y: number | null = null;
  parts.forEach((part, i) => {
    const raw = m[i + 1]!;
    if (part === 'd') d = Number(raw);
    else if (part === 'y') y = Number(raw);
    else mo = /^\d+$/u.test(raw) ? Number(raw) : monthNumber(raw);
  });
  if (mo === null || y === null) return null;
  const pad = (v: number) => String(v).padStart(2, '0');
  const iso = d === null ? `${y}-${pad(mo)}` : `${y}-${pad(mo)}-${pad(d)}`;
  return { iso, precision: d === null ? 'month' : 'day', rest: text.slice(0, m.index) + text.slice(m.index + m[0].length) };
}

/**
 * A date line is a line that says a date and at most a place: once the date is
 * taken out, only punctuation and the words of `place` may remain.
 * @example dateLine('November 28, 2012, Geneva', 'Geneva')?.iso // => '2012-11-28'
 * @example dateLine('On 28 November 2012 we met', 'Geneva') // => null
 */
export function dateLine(text: string, place: string | null): FoundDate | null {
  const found = findDate(text.trim());
  if (!found) return null;
  let rest = found.rest;
  if (place) {
    for (const word of place.split(/[\s,]+/u).filter(Boolean)) {
      rest = rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu'), ' ');
    }
  }
  return /^[\s,.;:–—-]*$/u.test(rest) ? found : null;
}

/**
 * True when two ISO dates agree at the coarser of their precisions.
 * @example sameDate('2010-03-02', '2010-03') // => true
 */
export function sameDate(a: string, b: string): boolean {
  const len = Math.min(a.length, b.length);
  return a.slice(0, len) === b.slice(0, len);
}
