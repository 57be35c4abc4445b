/**
 * Citations of a statement and of one of its paragraphs, as plain text.
 * An inferred date is put in square brackets, as citation styles do for facts
 * supplied by the editor rather than the source.
 */
import type { StatementFrontmatter } from '../edition/schemas.ts';
import { formatDate } from '../edition/dates.ts';
import { TYPE_LABELS } from '../site/corpus.ts';
import { SITE_NAME } from '../site/site.ts';
import { assembleCitation, type CitationParts } from '../edition/cite-text.ts';
import { wordCount } from '../edition/text.ts';

/** What a citation needs to know about a statement. */
export interface CitableStatement {
  data: Pick<StatementFrontmatter, 'id' | 'title' | 'type' | 'event' | 'place' | 'date' | 'onBehalfOf'>;
  /** The speaker's name and sort name, or null when not known. */
  speaker: { name: string; sortName: string } | null;
}

function dateText(s: CitableStatement): string {
  const d = formatDate(s.data.date);
  return s.data.date.status === 'inferred' ? `[${d}]` : d;
}

function withPeriod(text: string): string {
  return /[.!?]$/u.test(text) ? text : `${text}.`;
}

/**
 * The parts of the statement's plain-text citation (see src/edition/cite-text.ts).
 * @example citationParts(wu, 'https://example.org/statements/x/', '1.0').publisher // => 'Migration Statements, edition 1.0'
 */
export function citationParts(s: CitableStatement, url: string, edition: string): CitationParts {
  // A press release is the organisation's, whoever it reports on (as in every export, src/downloads/csl.ts).
  const author = s.data.type === 'press-release' ? s.data.onBehalfOf.value : (s.speaker?.name ?? s.data.onBehalfOf.value);
  const who = author ? `${withPeriod(author)} ` : '';
  const where = [TYPE_LABELS[s.data.type], s.data.event.value, s.data.place.value, dateText(s)].filter(Boolean).join(', ');
  return { lead: `${who}“${s.data.title}”. ${where}`, publisher: `${SITE_NAME}, edition ${edition}`, url };
}

/**
 * The statement as a plain-text citation, with the access date or its placeholder.
 * @example
 * citeStatement(wu, 'https://example.org/statements/x/', '1.0')
 * // => 'Wu Haitao. “Statement by …”. Statement, General Debate, 101st Session of the IOM Council, Geneva, 28 November 2012. Migration Statements, edition 1.0. https://example.org/statements/x/ [accessed …]'
 */
export function citeStatement(s: CitableStatement, url: string, edition: string, accessed?: string): string {
  return assembleCitation(citationParts(s, url, edition), null, accessed);
}

/**
 * One paragraph of the statement: ¶n (its place in this edition's text) and
 * the URL with the block's id, which stays the same in every edition.
 * @example citeParagraph(wu, { n: 7, id: 'p-7' }, 'https://example.org/statements/x/', '1.0') // => '… 28 November 2012, ¶7. Migration Statements, edition 1.0. https://example.org/statements/x/#p-7 [accessed …]'
 */
export function citeParagraph(
  s: CitableStatement,
  block: { n: number; id: string },
  url: string,
  edition: string,
  accessed?: string,
): string {
  return assembleCitation(citationParts(s, url, edition), block, accessed);
}

/** The fewest words of a paragraph the cite box's worked example uses: a paragraph of substance, not a salutation. */
export const EXAMPLE_MIN_WORDS = 25;

/**
 * The paragraph the cite box's worked example cites: the first of at least
 * `EXAMPLE_MIN_WORDS` words, else the longest.
 * @example exampleBlock([{ n: 1, id: 'p-1', text: 'Mr. Chairperson,' }, { n: 2, id: 'p-2', text: 'We welcome …' }]).n // => 2
 */
export function exampleBlock<B extends { text: string }>(blocks: readonly B[]): B | undefined {
  const size = (b: B) => wordCount(b.text);
  return blocks.find((b) => size(b) >= EXAMPLE_MIN_WORDS) ?? [...blocks].sort((a, b) => size(b) - size(a))[0];
}
