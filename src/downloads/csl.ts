/**
 * A statement as a CSL-JSON item, the input of citeproc processors (Zotero,
 * Pandoc, citation.js…), and the description of a statement as a reference
 * manager's item that the CSL-JSON, RIS and biblatex exports and the page's
 * `citation_*` meta tags share: one item type per kind of statement, one
 * author, one provenance note.
 *
 * CSL has no way to mark a date as supplied by the editor (`circa` means
 * approximate, which an inferred date is not), so an inferred date (and any
 * other inferred fact) is said in `note`, with its evidence.
 */
import type { Edition, StatementType } from '../edition/schemas.ts';
import type { StatementView } from '../site/corpus.ts';
import { TYPE_LABELS } from '../site/corpus.ts';
import { formatDate } from '../edition/dates.ts';
import { SITE_NAME } from '../site/site.ts';

/** What the exports need of a statement: its frontmatter, speaker entry and themes. */
export type ExportStatement = Pick<StatementView, 'data' | 'speaker' | 'themes'>;

/** One kind of statement as each format and reference manager types it. */
export interface ItemType {
  /** CSL item type. */
  csl: 'speech' | 'webpage';
  /** biblatex entry type. */
  biblatex: 'unpublished' | 'online';
  /** RIS reference type (`TY`). */
  ris: 'SLIDE' | 'ELEC';
  /** The Zotero item type the RIS and CSL-JSON files and the page become in Zotero (the page says it in `z.itemType`). */
  zotero: 'presentation' | 'webpage';
  /**
   * Whether it was delivered at an event: then it has the event's title,
   * place and date, and the edition is its publisher; otherwise (a press
   * release) the edition is the website it is on, and the event and places
   * are what it reports on.
   */
  delivered: boolean;
}

// A statement, speech or remarks is a talk delivered at a meeting:
// - CSL `speech`, which APA 7, Chicago and MLA 9 cite with its event, and for
//   which MLA prints `event-date`.
// - RIS `SLIDE`: Zotero's RIS translator maps SLIDE to and from its
//   `presentation` type (exportTypeMap presentation: "SLIDE"), reads T2 as the
//   meeting's name (fieldMap T2 meetingName: ["presentation"]), CY as its place
//   and M3 as the presentation type. (CPAPER, which RIS names "conference
//   paper", it imports as a conference paper, which a speech is not.)
// - biblatex `@unpublished`, whose documented use is "the script of a talk",
//   with `eventtitle`, `eventdate`, `venue` and `type`; Zotero's own BibLaTeX
//   export writes its presentations so. No biblatex type comes back into
//   Zotero as a presentation: its BibTeX import reads @unpublished as a
//   manuscript (bibtex2zoteroTypeMap unpublished: "manuscript").
// A press release, as this edition publishes it, is a page of a website:
// - CSL `webpage` with `genre` "Press release": APA 7 then cites it as APA
//   cites a press release, "IOM. (2014, May). Title [Press release]. Site.",
//   and Chicago and MLA give its month. (As a CSL `report`, APA and Chicago
//   print its year only.)
// - RIS `ELEC` and biblatex `@online`: Zotero reads both, and CSL `webpage`,
//   as a web page (RIS importTypeMap ELEC, BibTeX bibtex2zoteroTypeMap
//   online), with "Press release" as its website type (RIS M3 websiteType,
//   BibTeX `type`) and the edition as its website (RIS T2 websiteTitle; on the
//   page, og:site_name). (GEN, RIS's generic type, Zotero imports as a journal
//   article; CSL `article` it now reads as a preprint.)
const TALK: ItemType = { csl: 'speech', biblatex: 'unpublished', ris: 'SLIDE', zotero: 'presentation', delivered: true };

/** Each kind of statement's item type, the same in every format. */
export const ITEM_TYPES: Record<StatementType, ItemType> = {
  statement: TALK,
  speech: TALK,
  remarks: TALK,
  'press-release': { csl: 'webpage', biblatex: 'online', ris: 'ELEC', zotero: 'webpage', delivered: false },
};

/** CSL item types by statement type. */
export const CSL_TYPES: Record<StatementType, ItemType['csl']> = {
  statement: ITEM_TYPES.statement.csl,
  speech: ITEM_TYPES.speech.csl,
  remarks: ITEM_TYPES.remarks.csl,
  'press-release': ITEM_TYPES['press-release'].csl,
};

/** Who a citation names as author: a person by family and given name, or an organization by its name. */
export type Creator = { family: string; given: string } | { organization: string };

/**
 * The statement's author as citations name it. A statement, speech or remarks
 * is its speaker's (and, when the speaker is not known, the government's or
 * organization's spoken for). A press release is the issuing organization's,
 * not that of the person it reports on: the edition records the issuer as the
 * press release's `onBehalfOf`, a stated fact with its evidence (for the 2014
 * IOM release: "A news release published by IOM about its Director General"),
 * so that is its author; with no issuer recorded it has none.
 * @example creatorOf(wu2012) // => { family: 'Wu', given: 'Haitao' }
 * @example creatorOf(iomPressRelease2014) // => { organization: 'IOM' }
 */
export function creatorOf(s: Pick<ExportStatement, 'data' | 'speaker'>): Creator | null {
  const org = s.data.onBehalfOf.value;
  if (s.data.type === 'press-release') return org !== null ? { organization: org } : null;
  if (s.speaker) return { family: s.speaker.family, given: s.speaker.given };
  return org !== null ? { organization: org } : null;
}

/**
 * The author as reference managers read a name: "Family, Given" (Zotero stores
 * "Wu Haitao" as family name "Haitao"; "Wu, Haitao" it files under Wu), or an
 * organization's name whole.
 * @example invertedName({ family: 'Wu', given: 'Haitao' }) // => 'Wu, Haitao'
 * @example invertedName({ organization: 'IOM' }) // => 'IOM'
 */
export function invertedName(c: Creator): string {
  return 'organization' in c ? c.organization : `${c.family}, ${c.given}`;
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

/** A fact the edition inferred rather than read in the source. */
export interface InferredFact {
  /** "date", "speaker", "event", "place", … */
  what: string;
  /** The value as readers see it, for a date ("March 2021"); null for the others, whose value the citation gives. */
  shown: string | null;
  evidence: string;
}

/**
 * The statement's facts the edition inferred, in the order citations give
 * them. For a press release, the speaker, event and place are the person,
 * event and places it reports on, and `onBehalfOf` its issuer.
 * @example inferredFacts(chen2023) // => [{ what: 'date', shown: '2023', evidence: 'The source gives no date. …' }, { what: 'place', shown: null, evidence: '…' }]
 */
export function inferredFacts(s: Pick<ExportStatement, 'data' | 'speaker'>): InferredFact[] {
  const d = s.data;
  const talk = ITEM_TYPES[d.type].delivered;
  const facts: [string, { value: unknown; status: string; evidence: string | null }][] = [
    ['date', d.date],
    [talk ? 'speaker' : 'person reported on', d.speaker],
    [talk ? 'event' : 'event reported on', d.event],
    [talk ? 'place' : 'places reported on', d.place],
    [talk ? 'government or organization spoken for' : 'issuer', d.onBehalfOf],
  ];
  return facts
    .filter(([, f]) => f.status === 'inferred' && f.value !== null)
    .filter(([what]) => s.speaker !== null || (what !== 'speaker' && what !== 'person reported on'))
    .map(([what, f]) => ({ what, shown: what === 'date' ? formatDate(d.date) : null, evidence: f.evidence ?? '' }));
}

/**
 * The notes every export gives with a statement, one sentence each: its
 * inferred facts with their evidence; for a talk whom the speaker spoke for;
 * for a press release the person, event and places it reports on (which are
 * not its author, event or place).
 * @example factNotes(ke2021)[0] // => 'Date inferred (March 2021), not stated in the source: The regional review …'
 */
export function factNotes(s: Pick<ExportStatement, 'data' | 'speaker'>): string[] {
  const d = s.data;
  const talk = ITEM_TYPES[d.type].delivered;
  const inferred = inferredFacts(s).map((f) =>
    `${f.what.charAt(0).toUpperCase()}${f.what.slice(1)} inferred${f.shown !== null ? ` (${f.shown})` : ''}, not stated in the source: ${f.evidence}`.trim(),
  );
  return [
    ...inferred,
    talk && s.speaker && d.onBehalfOf.value !== null ? `On behalf of: ${d.onBehalfOf.value}` : null,
    !talk && s.speaker ? `Reports on: ${s.speaker.name}${d.role.value !== null ? ` (${d.role.value})` : ''}` : null,
    !talk && d.event.value !== null ? `Reported event: ${d.event.value}` : null,
    !talk && d.place.value !== null ? `Reported places: ${d.place.value}` : null,
  ].filter((n): n is string => n !== null);
}

/**
 * Where the cited text comes from: the edition (its name, version and date)
 * and the source it was made from (file, SHA-256, URL). It starts
 * "Provenance:", never "Edition:": Zotero's RIS import reads a note that
 * starts with a ProCite field name ("Edition", "Language", "Notes"…) as that
 * field and drops the note (ProCiteCleaner in RIS.js).
 * @example
 * provenanceNote(wu2012, { version: '1.0', date: '2026-12-01', summary: '…' })
 * // => 'Provenance: Migration Statements, edition 1.0 of 2026-12-01; made from the source file 000_ce5e4365aebd8e0f.txt (SHA-256 9c89…), source URL not recorded'
 */
export function provenanceNote(s: Pick<ExportStatement, 'data'>, edition: Edition): string {
  const d = s.data;
  const where = `${SITE_NAME}, edition ${edition.version} of ${edition.date}`;
  const url = d.source.url !== null ? `source URL ${d.source.url}` : 'source URL not recorded';
  return `Provenance: ${where}; made from the source file ${d.source.file} (SHA-256 ${d.source.sha256}), ${url}`;
}

/**
 * The statement as a CSL-JSON item keyed by its id. Only plain JSON values:
 * `JSON.stringify` keeps all of it. A talk has its event's title, place and
 * date (`event-date`, the same as `issued`: MLA 9 dates a speech by its
 * event), and the edition as its publisher; a press release has the edition
 * as its website (`container-title`: with a publisher too, APA would name the
 * edition twice once Zotero has read the page, whose og:site_name is its
 * website), and no event, its event and places being what it reports on
 * (said in `note`).
 * @example
 * cslJson(swing2010, 'https://example.org/statements/2010-03-02-swing-cbmm-training-beijing/', edition)
 * // => { id: '2010-03-02-swing-cbmm-training-beijing', type: 'speech', genre: 'Speech', title: 'CBMM China: …',
 * //      author: [{ family: 'Swing', given: 'William Lacy' }], issued: { 'date-parts': [[2010, 3, 2]] },
 * //      'event-date': { 'date-parts': [[2010, 3, 2]] }, 'event-title': 'Opening of the Training Session …', … }
 */
export function cslJson(s: ExportStatement, url: string, edition: Edition): Record<string, unknown> {
  const d = s.data;
  const type = ITEM_TYPES[d.type];
  const creator = creatorOf(s);
  const date = { 'date-parts': cslDateParts(d.date.value) };
  const notes = [...factNotes(s), provenanceNote(s, edition)];
  return {
    id: d.id,
    'citation-key': d.id,
    type: type.csl,
    genre: TYPE_LABELS[d.type],
    title: d.title,
    ...(creator ? { author: ['organization' in creator ? { literal: creator.organization } : creator] } : {}),
    issued: date,
    ...(type.delivered
      ? {
          'event-date': date,
          ...(d.event.value !== null ? { 'event-title': d.event.value } : {}),
          ...(d.place.value !== null ? { 'event-place': d.place.value } : {}),
        }
      : {}),
    ...(type.delivered ? { publisher: SITE_NAME } : { 'container-title': SITE_NAME }),
    version: edition.version,
    URL: url,
    language: d.language,
    ...(s.themes.length > 0 ? { keyword: s.themes.map((t) => t.theme.label).join(', ') } : {}),
    note: notes.join('\n'),
  };
}
