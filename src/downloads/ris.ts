/**
 * A statement as an RIS record, for reference managers (Zotero, EndNote,
 * Mendeley…).
 *
 * The RIS specification has no type for a speech or a press release. Statements,
 * speeches and remarks are delivered at a meeting, so they are `CPAPER`
 * (“conference paper”), whose fields say exactly that: T2 is the meeting's
 * name and CY its location. A press release is `GEN` (generic). Either way M3
 * (“type of work”) says what it is: Statement, Speech, Remarks, Press release.
 *
 * Lines end with CR LF, as the specification requires; every record starts
 * with `TY  - ` and ends with `ER  - `. A value is always one line: line
 * breaks and control characters in data become spaces.
 */
import type { StatementType } from '../edition/schemas.ts';
import type { StatementView } from '../site/corpus.ts';
import { TYPE_LABELS } from '../site/corpus.ts';
import { formatDate } from '../edition/dates.ts';
import { SITE_NAME } from '../site/site.ts';

/** The line ending RIS requires. */
export const RIS_EOL = '\r\n';

/** RIS reference types by statement type. */
export const RIS_TYPES: Record<StatementType, 'CPAPER' | 'GEN'> = {
  statement: 'CPAPER',
  speech: 'CPAPER',
  remarks: 'CPAPER',
  'press-release': 'GEN',
};

/**
 * A date as RIS writes it: `YYYY/MM/DD/` with the parts the precision does
 * not know left empty.
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
 * The statement as one RIS record. The author is the speaker's sort name
 * ("Swing, William Lacy"; a family-name-first name such as "Wu Haitao" has no
 * comma and stays as is), or the government or organization spoken for.
 * @example
 * ris(wu, 'https://example.org/statements/2012-11-28-wu-haitao-iom-council/')
 * // => 'TY  - CPAPER\r\nAU  - Wu Haitao\r\nTI  - Statement by Ambassador Wu Haitao, …\r\n…DA  - 2012/11/28/\r\nPY  - 2012\r\n…ER  - \r\n'
 */
export function ris(s: StatementView, url: string): string {
  const d = s.data;
  const author = s.speaker ? s.speaker.sortName : d.onBehalfOf.value;
  const dateNote =
    d.date.status === 'inferred'
      ? `Date inferred (${formatDate(d.date)}), not stated in the source: ${d.date.evidence ?? ''}`.trim()
      : null;
  const speakerNote =
    s.speaker && d.speaker.status === 'inferred' ? `Speaker inferred, not stated in the source: ${d.speaker.evidence ?? ''}`.trim() : null;
  const fields: [string, string | null][] = [
    ['TY', RIS_TYPES[d.type]],
    ['AU', author],
    ['TI', d.title],
    ['T2', d.event.value],
    ['CY', d.place.value],
    ['DA', risDate(d.date.value)],
    ['PY', d.date.value.slice(0, 4)],
    ['M3', TYPE_LABELS[d.type]],
    ['PB', SITE_NAME],
    ['UR', url],
    ['LA', d.language],
    ...s.themes.map((t): [string, string] => ['KW', t.theme.label]),
    ['N1', dateNote],
    ['N1', speakerNote],
    ['N1', d.onBehalfOf.value !== null && s.speaker ? `On behalf of: ${d.onBehalfOf.value}` : null],
    ['N1', d.source.url !== null ? `Source: ${d.source.url}` : null],
    ['N1', `Edition: ${SITE_NAME}; source file ${d.source.file}, SHA-256 ${d.source.sha256}`],
  ];
  const lines = fields
    .filter((f): f is [string, string] => f[1] !== null && oneLine(f[1]) !== '')
    .map(([tag, value]) => `${tag}  - ${oneLine(value)}`);
  return `${[...lines, 'ER  - '].join(RIS_EOL)}${RIS_EOL}`;
}
