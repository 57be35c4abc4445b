/**
 * The statement as a biblatex entry (biber reads it; so do Zotero's BibTeX
 * import and citation.js).
 *
 * The entry type is the statement's item type (`ITEM_TYPES` in csl.ts):
 * `@unpublished` for a statement, speech or remarks, biblatex's type for "the
 * script of a talk", with `eventtitle`, `eventdate` and `venue`, and the
 * edition in `howpublished`; `@online` for a press release, with the edition
 * as the `organization` that publishes it online. `type` is the genre
 * (Statement, Speech, Remarks, Press release): biblatex prints it for a talk,
 * Zotero keeps it as the manuscript's or web page's type. `date` is ISO 8601 at
 * the date's precision, day kept. `version` is the edition's.
 */
import type { Edition } from '../edition/schemas.ts';
import { TYPE_LABELS } from '../site/corpus.ts';
import { SITE_NAME } from '../site/site.ts';
import { type Creator, type ExportStatement, ITEM_TYPES, creatorOf, factNotes, inferredFacts, provenanceNote } from './csl.ts';

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

/**
 * A name for biblatex's `author`: "Family, Given", each part braced only when
 * it holds what BibTeX would split at (a comma, or "and" between names); an
 * organization braced whole, so no part of it is read as a given name.
 * @example bibtexName({ family: 'Wu', given: 'Haitao' }) // => 'Wu, Haitao'
 * @example bibtexName({ organization: 'IOM' }) // => '{IOM}'
 */
export function bibtexName(c: Creator): string {
  if ('organization' in c) return `{${escapeBibtex(c.organization)}}`;
  const part = (p: string) => (/,|\band\b/iu.test(p) ? `{${escapeBibtex(p)}}` : escapeBibtex(p));
  return `${part(c.family)}, ${part(c.given)}`;
}

// biblatex's `langid` (babel's and polyglossia's name for a language) by the
// BCP 47 primary language subtag; `language` takes the same name, which
// biblatex prints in the reader's language and leaves out when it is the
// document's. A tag not listed here is given as `language` as it is.
const LANGIDS: Record<string, string> = {
  ar: 'arabic',
  de: 'ngerman',
  en: 'english',
  es: 'spanish',
  fr: 'french',
  pt: 'portuguese',
  ru: 'russian',
};

/** What a biblatex entry needs of a statement; `themes` are its keywords. */
export type BibtexStatement = ExportStatement;

/**
 * The statement as a biblatex entry keyed by its id. `note` (printed) says
 * which facts the edition inferred; `annote` (not printed by biblatex's
 * styles; Zotero keeps it as a note, as it keeps `note`) has their evidence
 * and the provenance.
 * @example
 * bibtex(wu, 'https://example.org/statements/2012-11-28-wu-haitao-iom-council/', edition)
 * // => '@unpublished{2012-11-28-wu-haitao-iom-council,\n  author = {Wu, Haitao},\n  title = {{Statement by …}},\n  type = {Statement},\n'
 * //    + '  eventtitle = {General Debate, 101st Session of the IOM Council},\n  eventdate = {2012-11-28},\n  venue = {Geneva},\n  date = {2012-11-28},\n…}\n'
 */
export function bibtex(s: BibtexStatement, url: string, edition: Edition): string {
  const d = s.data;
  const type = ITEM_TYPES[d.type];
  const creator = creatorOf(s);
  const lang = d.language.split('-')[0]!.toLowerCase();
  const langid = LANGIDS[lang];
  const inferred = inferredFacts(s).map((f) => (f.shown !== null ? `${f.what} (${f.shown})` : f.what));
  const brace = (v: string) => `{${escapeBibtex(v)}}`;
  const fields: [string, string | null][] = [
    ['author', creator ? `{${bibtexName(creator)}}` : null],
    ['title', `{${brace(d.title)}}`],
    ['type', brace(TYPE_LABELS[d.type])],
    ['eventtitle', type.delivered && d.event.value !== null ? brace(d.event.value) : null],
    ['eventdate', type.delivered ? `{${d.date.value}}` : null],
    ['venue', type.delivered && d.place.value !== null ? brace(d.place.value) : null],
    ['date', `{${d.date.value}}`],
    [type.delivered ? 'howpublished' : 'organization', brace(SITE_NAME)],
    ['version', brace(edition.version)],
    ['url', `{${url}}`],
    ['langid', langid ? `{${langid}}` : null],
    ['language', brace(langid ?? d.language)],
    ['keywords', s.themes && s.themes.length > 0 ? brace(s.themes.map((t) => t.theme.label).join(', ')) : null],
    ['note', inferred.length > 0 ? brace(`Inferred by the editors, not stated in the source: ${inferred.join(', ')}`) : null],
    ['annote', brace([...factNotes(s), provenanceNote(s, edition)].join('\n'))],
  ];
  const body = fields.filter((f): f is [string, string] => f[1] !== null).map(([k, v]) => `  ${k} = ${v}`);
  return `@${type.biblatex}{${d.id},\n${body.join(',\n')}\n}\n`;
}
