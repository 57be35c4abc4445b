/**
 * A statement as an RIS record, for reference managers (Zotero, EndNote,
 * Mendeley…).
 *
 * The record's type is the statement's item type (`ITEM_TYPES` in csl.ts):
 * `SLIDE` for a statement, speech or remarks, which Zotero imports as a
 * presentation, with T2 its meeting, CY its place and PB the edition; `ELEC`
 * for a press release, which Zotero imports as a web page, with T2 its website
 * (the edition). M3 ("type of work") says which of the four it is: Zotero
 * keeps it as the presentation's or web page's type.
 * Every record has `ID`, the statement's id and the citation key the page
 * gives (Zotero's RIS import ignores ID unless told to keep it; EndNote and
 * citation.js read it), and `ET`, the edition's version.
 *
 * Lines end with CR LF, as the specification requires; every record starts
 * with `TY  - ` and ends with `ER  - `. A value is always one line: line
 * breaks and control characters in data become spaces.
 */
import type { Edition } from '../edition/schemas.ts';
import type { StatementType } from '../edition/schemas.ts';
import { TYPE_LABELS } from '../site/corpus.ts';
import { SITE_NAME } from '../site/site.ts';
import { type ExportStatement, ITEM_TYPES, type ItemType, creatorOf, factNotes, invertedName, provenanceNote } from './csl.ts';

/** The line ending RIS requires. */
export const RIS_EOL = '\r\n';

/** RIS reference types by statement type. */
export const RIS_TYPES: Record<StatementType, ItemType['ris']> = {
  statement: ITEM_TYPES.statement.ris,
  speech: ITEM_TYPES.speech.ris,
  remarks: ITEM_TYPES.remarks.ris,
  'press-release': ITEM_TYPES['press-release'].ris,
};

/**
 * A date as RIS writes it: `YYYY/MM/DD/` with the parts the precision does
 * not know left empty (Zotero's RIS import keeps "2021/03//" as 2021-03).
 * @example risDate('2012-11-28') // => '2012/11/28/'
 * @example risDate('2021-03') // => '2021/03//'
 * @example risDate('2023') // => '2023///'
 */
export function risDate(value: string): string {
  const [y, m, d] = value.split('-');
  return `${y}/${m ?? ''}/${d ?? ''}/`;
}

// Line breaks, other control characters and Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BREAKS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/gu;

function oneLine(value: string): string {
  return value.replace(BREAKS, ' ').replace(/ {2,}/gu, ' ').trim();
}

/**
 * The statement as one RIS record. The author is "Family, Given" ("Wu,
 * Haitao": Zotero reads AU as family name, comma, given name), or the
 * organization for a press release. Notes (N1, each a Zotero note): the
 * inferred facts with their evidence, and the provenance, which starts
 * "Provenance:" so that Zotero keeps it (see `provenanceNote`).
 * @example
 * ris(wu, 'https://example.org/statements/2012-11-28-wu-haitao-iom-council/', edition)
 * // => 'TY  - SLIDE\r\nID  - 2012-11-28-wu-haitao-iom-council\r\nAU  - Wu, Haitao\r\nTI  - Statement by Ambassador Wu Haitao, …\r\n…DA  - 2012/11/28/\r\n…ER  - \r\n'
 */
export function ris(s: ExportStatement, url: string, edition: Edition): string {
  const d = s.data;
  const type = ITEM_TYPES[d.type];
  const creator = creatorOf(s);
  const fields: [string, string | null][] = [
    ['TY', type.ris],
    ['ID', d.id],
    ['AU', creator ? invertedName(creator) : null],
    ['TI', d.title],
    // A talk's meeting and place. A web page's T2 is its website, and CY
    // would be its place of publication: a press release's event and places,
    // which it reports on, go in the notes instead.
    ['T2', type.delivered ? d.event.value : SITE_NAME],
    ['CY', type.delivered ? d.place.value : null],
    ['DA', risDate(d.date.value)],
    ['PY', d.date.value.slice(0, 4)],
    ['ET', edition.version],
    ['M3', TYPE_LABELS[d.type]],
    ['PB', type.delivered ? SITE_NAME : null],
    ['UR', url],
    ['LA', d.language],
    ...s.themes.map((t): [string, string] => ['KW', t.theme.label]),
    ...factNotes(s).map((n): [string, string] => ['N1', n]),
    ['N1', provenanceNote(s, edition)],
  ];
  const lines = fields
    .filter((f): f is [string, string] => f[1] !== null && oneLine(f[1]) !== '')
    .map(([tag, value]) => `${tag}  - ${oneLine(value)}`);
  return `${[...lines, 'ER  - '].join(RIS_EOL)}${RIS_EOL}`;
}
