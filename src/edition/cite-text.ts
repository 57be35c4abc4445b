/**
 * How a plain-text citation is put together, in one place for the build (the
 * cite box, src/downloads/citations.ts) and the browser (the ¶ citation
 * buttons, src/client/cite-paragraph.ts): who and what, then ¶n for one
 * paragraph, the site and its edition, the URL (with the paragraph's id), and
 * the day the reader accessed it.
 */
import { formatDate } from './dates.ts';

/** A statement's citation before it is put together. */
export interface CitationParts {
  /** Speaker, title, type, event, place and date: `Wu Haitao. “Statement by …”. Statement, …, 28 November 2012`. */
  lead: string;
  /** The site and its edition: `Migration Statements, edition 1.0`. */
  publisher: string;
  /** The statement page's absolute URL. */
  url: string;
}

/** What stands for the access date where it cannot be known (the page without JavaScript). */
export const ACCESS_DATE_PLACEHOLDER = '…';

/**
 * A day as citations write it.
 * @example accessDate(new Date(2026, 11, 1)) // => '1 December 2026'
 */
export function accessDate(day: Date): string {
  const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  return formatDate({ value: iso, precision: 'day' });
}

/**
 * The citation of a statement, or of one of its paragraphs (`block`), with
 * the access date (or the placeholder).
 * @example assembleCitation({ lead: 'Wu Haitao. “Statement”. Statement, Geneva, 28 November 2012', publisher: 'Migration Statements, edition 1.0', url: 'https://example.org/statements/x/' }, { n: 7, id: 'p-7' }, '1 December 2026')
 * // => 'Wu Haitao. “Statement”. Statement, Geneva, 28 November 2012, ¶7. Migration Statements, edition 1.0. https://example.org/statements/x/#p-7 [accessed 1 December 2026]'
 */
export function assembleCitation(
  parts: CitationParts,
  block: { n: number; id: string } | null,
  accessed: string = ACCESS_DATE_PLACEHOLDER,
): string {
  const where = block ? `${parts.lead}, ¶${block.n}` : parts.lead;
  const url = block ? `${parts.url}#${block.id}` : parts.url;
  return `${where}. ${parts.publisher}. ${url} [accessed ${accessed}]`;
}
