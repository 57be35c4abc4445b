/**
 * Dates shown at the precision they are known to.
 */
import type { DateFact } from './schemas.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Formats a date at its precision, in English.
 * @example formatDate({ value: '2021-03', precision: 'month' }) // => 'March 2021'
 * @example formatDate({ value: '2012-11-28', precision: 'day' }) // => '28 November 2012'
 */
export function formatDate(date: Pick<DateFact, 'value' | 'precision'>): string {
  const [y, m, d] = date.value.split('-');
  if (date.precision === 'year' || m === undefined) return y!;
  const month = MONTHS[Number(m) - 1]!;
  if (date.precision === 'month' || d === undefined) return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}

/**
 * What follows a date in lists and search results: " (inferred)" when the
 * edition inferred it (the statement page gives the evidence), else nothing.
 * @example dateStatusNote({ status: 'inferred' }) // => ' (inferred)'
 * @example dateStatusNote({ status: 'stated' }) // => ''
 */
export function dateStatusNote(date: Pick<DateFact, 'status'>): string {
  return date.status === 'inferred' ? ' (inferred)' : '';
}

/**
 * Compares two statements' dates for sorting, oldest first; a less precise date
 * sorts before a more precise one in the same period.
 * @example ['2021-03', '2021', '2010-03-02'].sort(compareDates) // => ['2010-03-02', '2021', '2021-03']
 */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
