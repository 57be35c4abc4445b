/**
 * A statement as a CSL-JSON item, the input of citeproc processors (Zotero,
 * Pandoc, citation.js…).
 *
 * Statements, speeches and remarks are CSL `speech` (a talk delivered at an
 * event: `event-title`, `event-place`); a press release is CSL `article` (a
 * self-contained work made available outside a journal). `genre` says which
 * of the four it is. CSL has no way to mark a date as supplied by the editor
 * (`circa` means approximate, which an inferred date is not), so an inferred
 * date is said in `note`.
 */
import type { StatementType } from '../edition/schemas.ts';
import type { StatementView } from '../site/corpus.ts';
import { TYPE_LABELS } from '../site/corpus.ts';
import { formatDate } from '../edition/dates.ts';
import { SITE_NAME } from '../site/site.ts';

/** CSL item types by statement type. */
export const CSL_TYPES: Record<StatementType, 'speech' | 'article'> = {
  statement: 'speech',
  speech: 'speech',
  remarks: 'speech',
  'press-release': 'article',
};

/** A CSL name: family and given parts, or a literal name kept whole. */
export type CslName = { family: string; given: string } | { literal: string };

/**
 * A CSL name from a sort name: "Family, Given" splits at the first comma; a
 * name without a comma (family name first, as "Wu Haitao", or an organization)
 * is kept whole as a literal so no style reorders it.
 * @example cslName('Swing, William Lacy') // => { family: 'Swing', given: 'William Lacy' }
 * @example cslName('Wu Haitao') // => { literal: 'Wu Haitao' }
 */
export function cslName(sortName: string): CslName {
  const i = sortName.indexOf(',');
  if (i === -1) return { literal: sortName.trim() };
  return { family: sortName.slice(0, i).trim(), given: sortName.slice(i + 1).trim() };
}

/**
 * CSL date parts from an ISO date, only as exact as the date.
 * @example cslDateParts('2012-11-28') // => [[2012, 11, 28]]
 * @example cslDateParts('2021-03') // => [[2021, 3]]
 * @example cslDateParts('2023') // => [[2023]]
 */
export function cslDateParts(value: string): number[][] {
  return [value.split('-').map(Number)];
}

/**
 * The statement as a CSL-JSON item keyed by its id. Only plain JSON values:
 * `JSON.stringify` keeps all of it.
 * @example
 * cslJson(swing2010, 'https://example.org/statements/2010-03-02-swing-cbmm-training-beijing/')
 * // => { id: '2010-03-02-swing-cbmm-training-beijing', type: 'speech', title: 'CBMM China: …',
 * //      author: [{ family: 'Swing', given: 'William Lacy' }], issued: { 'date-parts': [[2010, 3, 2]] }, … }
 */
export function cslJson(s: StatementView, url: string): Record<string, unknown> {
  const d = s.data;
  const author = s.speaker ? cslName(s.speaker.sortName) : d.onBehalfOf.value !== null ? { literal: d.onBehalfOf.value } : null;
  const notes = [
    d.date.status === 'inferred'
      ? `Date inferred (${formatDate(d.date)}), not stated in the source: ${d.date.evidence ?? ''}`.trim()
      : null,
    s.speaker && d.speaker.status === 'inferred' ? `Speaker inferred, not stated in the source: ${d.speaker.evidence ?? ''}`.trim() : null,
    s.speaker && d.onBehalfOf.value !== null ? `On behalf of: ${d.onBehalfOf.value}` : null,
    d.source.url !== null ? `Source: ${d.source.url}` : null,
  ].filter((n): n is string => n !== null);
  const item: Record<string, unknown> = {
    id: d.id,
    type: CSL_TYPES[d.type],
    genre: TYPE_LABELS[d.type],
    title: d.title,
    ...(author ? { author: [author] } : {}),
    issued: { 'date-parts': cslDateParts(d.date.value) },
    ...(d.event.value !== null ? { 'event-title': d.event.value } : {}),
    ...(d.place.value !== null ? { 'event-place': d.place.value } : {}),
    publisher: SITE_NAME,
    URL: url,
    language: d.language,
    ...(s.themes.length > 0 ? { keyword: s.themes.map((t) => t.theme.label).join(', ') } : {}),
    ...(notes.length > 0 ? { note: notes.join('\n') } : {}),
  };
  return item;
}
