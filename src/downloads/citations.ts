/**
 * Citations of a statement and of one of its paragraphs, as plain text and BibTeX.
 * An inferred date is put in square brackets, as citation styles do for facts
 * supplied by the editor rather than the source.
 */
import type { StatementFrontmatter } from '../edition/schemas.ts';
import { formatDate } from '../edition/dates.ts';
import { TYPE_LABELS } from '../site/corpus.ts';
import { SITE_NAME } from '../site/site.ts';
import { blockHref } from '../edition/block-ids.ts';

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
 * The statement as a plain-text citation.
 * @example
 * citeStatement(wu, 'https://example.org/statements/x/')
 * // => 'Wu Haitao. “Statement by …”. Statement, General Debate, 101st Session of the IOM Council, Geneva, 28 November 2012. Migration Statements. https://example.org/statements/x/'
 */
export function citeStatement(s: CitableStatement, url: string): string {
  const who = s.speaker ? `${withPeriod(s.speaker.name)} ` : s.data.onBehalfOf.value ? `${withPeriod(s.data.onBehalfOf.value)} ` : '';
  const where = [TYPE_LABELS[s.data.type], s.data.event.value, s.data.place.value, dateText(s)].filter(Boolean).join(', ');
  return `${who}“${s.data.title}”. ${where}. ${SITE_NAME}. ${url}`;
}

/**
 * One paragraph of the statement: the statement's citation with ¶n and the
 * paragraph's URL.
 * @example citeParagraph(wu, 7, 'https://example.org/statements/x/') // => '… 28 November 2012, ¶7. Migration Statements. https://example.org/statements/x/#p-7'
 */
export function citeParagraph(s: CitableStatement, n: number, url: string): string {
  const base = citeStatement(s, blockHref(url, n));
  return base.replace(`. ${SITE_NAME}. `, `, ¶${n}. ${SITE_NAME}. `);
}

/**
 * Escapes text for a BibTeX field in braces: the special characters of TeX.
 * @example escapeBibtex('50% & $5 #1 a_b {x}') // => '50\\% \\& \\$5 \\#1 a\\_b \\{x\\}'
 */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/gu, (c) => {
    switch (c) {
      case '\\':
        return '\\textbackslash{}';
      case '^':
        return '\\textasciicircum{}';
      case '~':
        return '\\textasciitilde{}';
      default:
        return `\\${c}`;
    }
  });
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The statement as a BibTeX `@misc` entry keyed by its id. A name without a
 * comma in its sort form ("Wu Haitao", family name first) is braced so BibTeX
 * keeps it whole; "Swing, William Lacy" is given as is.
 */
export function bibtex(s: CitableStatement, url: string): string {
  const [year, month] = s.data.date.value.split('-');
  const author = s.speaker
    ? s.speaker.sortName.includes(',')
      ? escapeBibtex(s.speaker.sortName)
      : `{${escapeBibtex(s.speaker.sortName)}}`
    : s.data.onBehalfOf.value
      ? `{${escapeBibtex(s.data.onBehalfOf.value)}}`
      : null;
  const how = [TYPE_LABELS[s.data.type], s.data.event.value, s.data.place.value].filter(Boolean).join(', ');
  const notes = [
    s.data.date.status === 'inferred' ? `Date inferred (${formatDate(s.data.date)}); see the edition's evidence` : null,
    `Edition: ${SITE_NAME}`,
  ]
    .filter(Boolean)
    .join('. ');
  const fields: [string, string][] = [
    ...(author ? [['author', `{${author}}`] as [string, string]] : []),
    ['title', `{{${escapeBibtex(s.data.title)}}}`],
    ['howpublished', `{${escapeBibtex(how)}}`],
    ['year', `{${year}}`],
    ...(month && s.data.date.precision !== 'year' ? [['month', MONTH_MACROS[Number(month) - 1]!] as [string, string]] : []),
    ['url', `{${url}}`],
    ['note', `{${escapeBibtex(notes)}}`],
  ];
  return `@misc{${s.data.id},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}\n`;
}
