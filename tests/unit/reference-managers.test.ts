/**
 * The citation exports of the five seed statements (tests/fixtures/content/)
 * read by the tools readers cite with:
 * - citeproc-js (npm `citeproc`, the processor inside Zotero and Mendeley)
 *   rendering the CSL-JSON with APA 7, Chicago author-date and MLA 9, from the
 *   style files in ../shared/reference/csl/;
 * - citation.js (`@citation-js/core` with its BibTeX, RIS and CSL plugins)
 *   parsing statements.bib, statements.ris and statements.csl.json, each
 *   entry of which must give the same author, date at its precision, title,
 *   URL, event, place, genre, keywords and edition as the others;
 * - the CSL-JSON schema (../shared/reference/csl/csl-data.json) through Ajv.
 * The files are built with the functions the site's bundles use, joined as
 * bundles.ts joins them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type CslItem, citationJsItems } from '../helpers/citation-js.ts';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { bibtex } from '../../src/downloads/bibtex.ts';
import { ITEM_TYPES, cslJson } from '../../src/downloads/csl.ts';
import { ris } from '../../src/downloads/ris.ts';
import { speakerSchema, statementFrontmatter, themeSchema } from '../../src/edition/schemas.ts';
import { type StatementView, TYPE_LABELS, buildCorpus } from '../../src/site/corpus.ts';
import { readEditions, readWordReference } from '../../src/site/editions.ts';
import { SITE_NAME } from '../../src/site/site.ts';
import { CONTENT, ROOT } from '../helpers/content.ts';

// ------------------------------------------------------------ the exports

const corpus = buildCorpus(
  readdirSync(join(CONTENT, 'statements'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const m = /^---\n([\s\S]*?)\n---\n/u.exec(readFileSync(join(CONTENT, 'statements', f), 'utf8'));
      if (!m) throw new Error(`${f}: no frontmatter`);
      return statementFrontmatter.parse(parseYaml(m[1]!));
    }),
  z.array(speakerSchema).parse(parseYaml(readFileSync(join(CONTENT, 'speakers.yaml'), 'utf8'))),
  z.array(themeSchema).parse(parseYaml(readFileSync(join(CONTENT, 'themes.yaml'), 'utf8'))),
  new Map(),
  readEditions(join(CONTENT, 'editions.yaml')),
  readWordReference(join(CONTENT, 'word-reference.json')),
);
const edition = corpus.edition;
const urlOf = (id: string) => `https://example.org/statements/${id}/`;
const statements = corpus.statements;
const byId = new Map(statements.map((s) => [s.data.id, s]));
function statement(id: string): StatementView {
  const s = byId.get(id);
  if (!s) throw new Error(`no statement ${id}`);
  return s;
}

const BIB = `% ${SITE_NAME}\n\n${statements.map((s) => bibtex(s, urlOf(s.data.id), edition)).join('\n')}`;
const RIS = statements.map((s) => ris(s, urlOf(s.data.id), edition)).join('');
const CSL = JSON.parse(JSON.stringify(statements.map((s) => cslJson(s, urlOf(s.data.id), edition)))) as CslItem[];

const SWING_2010 = '2010-03-02-swing-cbmm-training-beijing';
const WU_2012 = '2012-11-28-wu-haitao-iom-council';
const PRESS_2014 = '2014-05-iom-swing-migration-governance-china';
const KE_2021 = '2021-03-ke-yousheng-gcm-review-asia-pacific';
const CHEN_2023 = '2023-chen-xu-iom-council';
const ALL = [SWING_2010, WU_2012, PRESS_2014, KE_2021, CHEN_2023];

/** Who each statement is by, as a reader would file it: family name, given name (none for an organization). */
const AUTHORS: Record<string, { family: string; given: string | null }> = {
  [SWING_2010]: { family: 'Swing', given: 'William Lacy' },
  [WU_2012]: { family: 'Wu', given: 'Haitao' },
  [PRESS_2014]: { family: 'IOM', given: null },
  [KE_2021]: { family: 'Ke', given: 'Yousheng' },
  [CHEN_2023]: { family: 'Chen', given: 'Xu' },
};

// ------------------------------------------------------------- consumers

const require = createRequire(import.meta.url);
const parse = (data: unknown, forceType: string) => citationJsItems(data, forceType);

interface CiteprocEngine {
  setOutputFormat(format: 'text'): void;
  updateItems(ids: string[]): void;
  makeBibliography(): [{ entry_ids: string[][] }, string[]];
  makeCitationCluster(items: { id: string }[]): string;
}
interface Citeproc {
  Engine: new (
    sys: { retrieveLocale(lang: string): string; retrieveItem(id: string): CslItem },
    style: string,
    lang: string,
  ) => CiteprocEngine;
}
const citeproc = require('citeproc') as Citeproc;
// citation.js's CSL plugin ships the CSL project's en-US locale.
const locales = require('@citation-js/plugin-csl/lib/locales.json') as Record<string, string>;

const STYLES_DIR = join(ROOT, '../shared/reference/csl');
const hasStyles = ['apa.csl', 'chicago-author-date.csl', 'modern-language-association.csl', 'csl-data.json'].every((f) =>
  existsSync(join(STYLES_DIR, f)),
);
// CI has ../shared beside the clone (.ci/run): there these checks must run, not skip.
if (process.env['CI'] && !hasStyles) throw new Error(`CI: the CSL styles and schema must be in ${STYLES_DIR}`);

/** Every statement's bibliography entry and in-text citation in a style, by statement id. */
function render(style: string): Map<string, { entry: string; cite: string }> {
  const engine = new citeproc.Engine(
    {
      retrieveLocale: (lang) => locales[lang] ?? locales['en-US']!,
      retrieveItem: (id) => CSL.find((i) => i.id === id)!,
    },
    readFileSync(join(STYLES_DIR, style), 'utf8'),
    'en-US',
  );
  engine.setOutputFormat('text');
  engine.updateItems(ALL);
  const [meta, entries] = engine.makeBibliography();
  return new Map(meta.entry_ids.map(([id], i) => [id!, { entry: entries[i]!.trim(), cite: engine.makeCitationCluster([{ id: id! }]) }]));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A month as styles write it: in full, or its first three letters with or without a period (MLA's "Mar.", "Sept."). */
const monthPattern = (m: string) => `(?:${m}|${m.slice(0, 3)}[a-z]?\\.?)(?!\\w)`;

/** Nothing more precise than the date: no month for a year-only date; no day beside the month of a month-only date. */
function notMorePrecise(text: string, id: string): void {
  const { precision, value } = statement(id).data.date;
  const name = monthPattern(MONTHS[Number(value.split('-')[1] ?? 1) - 1]!);
  if (precision === 'year') {
    for (const m of MONTHS) expect(text, `${id}: no month`).not.toMatch(new RegExp(`\\b${monthPattern(m)}`, 'u'));
  }
  if (precision === 'month') {
    expect(text, `${id}: no day after the month`).not.toMatch(new RegExp(`${name} \\d{1,2}(?!\\d)`, 'u'));
    expect(text, `${id}: no day before the month`).not.toMatch(new RegExp(`(?<!\\d)\\d{1,2} ${name}`, 'u'));
  }
}

// ------------------------------------------------------------ citeproc-js

describe.skipIf(!hasStyles)('citeproc-js', () => {
  // A skipped describe's body still runs when the tests are collected: render only where the styles are.
  const styles = hasStyles
    ? { apa: render('apa.csl'), chicago: render('chicago-author-date.csl'), mla: render('modern-language-association.csl') }
    : { apa: new Map(), chicago: new Map(), mla: new Map() };

  it('reads CSL-JSON the schema of CSL 1.0.2 accepts', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(STYLES_DIR, 'csl-data.json'), 'utf8')) as object);
    expect(validate(CSL), JSON.stringify(validate.errors)).toBe(true);
  });

  // The date as each style prints it at the statement's precision: APA in the
  // parentheses after the author; Chicago the year after the author and the
  // rest with the event (or the website); MLA with the event (or the website).
  it.each([
    [SWING_2010, 'Swing, W. L. (2010, March 2).', 'Swing, William Lacy. 2010.', 'March 2, 2010', '2 Mar. 2010'],
    [WU_2012, 'Wu, H. (2012, November 28).', 'Wu, Haitao. 2012.', 'November 28, 2012', '28 Nov. 2012'],
    [PRESS_2014, 'IOM. (2014, May).', 'IOM. 2014.', `${SITE_NAME}, May.`, 'May 2014'],
    [KE_2021, 'Ke, Y. (2021, March).', 'Ke, Yousheng. 2021.', 'March 2021', 'Mar. 2021'],
    [CHEN_2023, 'Chen, X. (2023).', 'Chen, Xu. 2023.', '2023', '2023'],
  ] as const)('cites %s by its author, with its date at its precision, title and URL', (id, apa, chicago, chicagoDate, mla) => {
    const s = statement(id);
    const title = s.data.title.toLowerCase();
    const { family, given } = AUTHORS[id]!;

    const a = styles.apa.get(id)!;
    expect(a.entry.startsWith(`${apa} `), a.entry).toBe(true);
    expect(a.cite).toBe(`(${family}, ${s.data.date.value.slice(0, 4)})`);
    notMorePrecise(a.entry, id);

    const c = styles.chicago.get(id)!;
    expect(c.entry.startsWith(`${chicago} `), c.entry).toBe(true);
    expect(c.entry).toContain(chicagoDate);
    expect(c.cite).toBe(`(${family} ${s.data.date.value.slice(0, 4)})`);
    notMorePrecise(c.entry, id);

    const m = styles.mla.get(id)!;
    expect(m.entry.startsWith(given ? `${family}, ${given}. ` : `${family}. `), m.entry).toBe(true);
    expect(m.entry, 'MLA 9 dates it').toContain(mla);
    expect(m.cite).toBe(`(${family})`);
    notMorePrecise(m.entry, id);

    for (const { entry } of [a, c, m]) {
      expect(entry.toLowerCase(), 'title').toContain(title);
      expect(entry, 'URL').toContain(urlOf(id));
    }
    if (given) {
      // The given name is never taken for the family name ("Haitao, W.", "Haitao, Wu").
      expect(a.entry).not.toContain(`${given}, ${family.charAt(0)}.`);
      for (const { entry } of [c, m]) expect(entry).not.toContain(`${given}, ${family}`);
    }
  });

  it.each([SWING_2010, WU_2012, KE_2021, CHEN_2023])('gives the talk %s its genre and event in every style', (id) => {
    const s = statement(id);
    for (const style of Object.values(styles)) {
      const { entry } = style.get(id)!;
      expect(entry).toContain(s.data.event.value!);
      expect(entry).toContain(TYPE_LABELS[s.data.type]);
    }
    expect(styles.apa.get(id)!.entry).toContain(`[${TYPE_LABELS[s.data.type]}]`);
  });

  it('cites the press release as APA cites one: its issuer, [Press release] and the website', () => {
    expect(styles.apa.get(PRESS_2014)!.entry).toBe(
      `IOM. (2014, May). Director General Discusses Migration Governance in China [Press release]. ${SITE_NAME}. ${urlOf(PRESS_2014)}`,
    );
    for (const style of Object.values(styles)) expect(style.get(PRESS_2014)!.entry).not.toContain('Swing');
  });
});

// ------------------------------------------------------------- citation.js

/** The three files as citation.js reads them, by format, each by statement id. */
const read = {
  bib: new Map(parse(BIB, '@biblatex/text').map((i) => [i.id, i])),
  ris: new Map(parse(RIS, '@ris/file').map((i) => [i.id, i])),
  csl: new Map(parse(CSL, '@csl/list+object').map((i) => [i.id, i])),
};
const FORMATS = ['bib', 'ris', 'csl'] as const;
const keywords = (i: CslItem) => (i.keyword ?? '').split(/\s*,\s*/u).filter(Boolean);
const notes = (i: CslItem) => [i.note ?? [], i.annote ?? []].flat().join('\n');

describe('citation.js', () => {
  it('reads every statement, under its id, from each file', () => {
    for (const f of FORMATS) expect([...read[f].keys()].sort(), f).toEqual([...ALL].sort());
    for (const id of ALL) expect(read.bib.get(id)!['citation-key']).toBe(id);
  });

  it.each(ALL)('reads the same author, date at its precision, title and URL of %s from the .bib, .ris and CSL-JSON', (id) => {
    const s = statement(id);
    const { family, given } = AUTHORS[id]!;
    const parts = s.data.date.value.split('-').map(Number);
    for (const f of FORMATS) {
      const item = read[f].get(id)!;
      expect(item.author, f).toHaveLength(1);
      const author = item.author![0]!;
      expect(author.family ?? author.literal, `${f} family name`).toBe(family);
      expect(author.given ?? null, `${f} given name`).toBe(given);
      expect(item.issued, f).toEqual({ 'date-parts': [parts] });
      expect(item.title, f).toBe(s.data.title);
      expect(item.URL, f).toBe(urlOf(id));
    }
  });

  it.each(ALL)('reads %s as the same kind of item, with the same genre, keywords, edition and provenance, from every file', (id) => {
    const s = statement(id);
    const { bib, ris: r, csl } = { bib: read.bib.get(id)!, ris: read.ris.get(id)!, csl: read.csl.get(id)! };
    const talk = ITEM_TYPES[s.data.type].delivered;
    // citation.js's own tables: biblatex @unpublished is a manuscript, and RIS
    // SLIDE (which Zotero imports as a presentation) a motion picture; a web
    // page is a web page in all three.
    expect([csl.type, bib.type, r.type]).toEqual(talk ? ['speech', 'manuscript', 'motion_picture'] : ['webpage', 'webpage', 'webpage']);
    const genre = TYPE_LABELS[s.data.type];
    expect(csl.genre).toBe(genre);
    expect(bib.genre).toBe(genre);
    // citation.js reads a web page's M3 as its medium, another record's as its genre.
    expect(talk ? r.genre : r.medium).toBe(genre);
    const labels = s.themes.map((t) => t.theme.label);
    for (const item of [bib, r, csl]) expect(keywords(item)).toEqual(labels);
    expect([csl.version, bib.version, r.edition]).toEqual([edition.version, edition.version, edition.version]);
    for (const item of [bib, r, csl]) {
      expect(notes(item)).toContain(`Provenance: ${SITE_NAME}, edition ${edition.version} of ${edition.date}`);
      expect(notes(item)).toContain(s.data.source.sha256);
      if (s.data.date.status === 'inferred') expect(notes(item)).toContain(s.data.date.evidence);
    }
    expect([csl.language, r.language, bib.language]).toEqual([s.data.language, s.data.language, 'english']);
  });

  it.each([SWING_2010, WU_2012, KE_2021, CHEN_2023])(
    'reads the talk %s’s event, place and date from the .bib and CSL-JSON, and its place from the RIS',
    (id) => {
      const s = statement(id);
      const parts = s.data.date.value.split('-').map(Number);
      for (const item of [read.bib.get(id)!, read.csl.get(id)!]) {
        expect(item['event-title']).toBe(s.data.event.value);
        expect(item['event-place']).toBe(s.data.place.value);
        expect(item['event-date']).toEqual({ 'date-parts': [parts] });
        expect(item.publisher).toBe(SITE_NAME);
      }
      // citation.js follows the RIS specification, whose SLIDE has no meeting:
      // T2 it leaves out (Zotero, which SLIDE is for, reads it as the meeting).
      expect(read.ris.get(id)!['publisher-place']).toBe(s.data.place.value);
      expect(read.ris.get(id)!.publisher).toBe(SITE_NAME);
      expect(RIS).toContain(`T2  - ${s.data.event.value}\r\n`);
    },
  );

  it('reads the press release with the edition as its website or publisher, and what it reports on in its notes', () => {
    const s = statement(PRESS_2014);
    expect(read.csl.get(PRESS_2014)!['container-title']).toBe(SITE_NAME);
    expect(read.bib.get(PRESS_2014)!.publisher).toBe(SITE_NAME);
    expect(read.ris.get(PRESS_2014)!['collection-title']).toBe(SITE_NAME);
    for (const f of FORMATS) {
      const item = read[f].get(PRESS_2014)!;
      expect(item['event-title'], f).toBeUndefined();
      expect(notes(item), f).toContain(`Reported event: ${s.data.event.value}`);
      expect(notes(item), f).toContain('Reports on: William Lacy Swing');
    }
  });

  it('reads hostile text back exactly from the .bib and the RIS', () => {
    const s = statement(WU_2012);
    const title = 'Costs 50% & {more} #1 a_b ~ ^ \\ “quoted” <script>alert("x")</script>';
    const hostile: StatementView = { ...s, data: { ...s.data, title, event: { ...s.data.event, value: `Event } { ${title}` } } };
    const fromBib = parse(bibtex(hostile, urlOf(WU_2012), edition), '@biblatex/text')[0]!;
    expect(fromBib.title).toBe(title);
    expect(fromBib['event-title']).toBe(`Event } { ${title}`);
    expect(fromBib.author).toEqual([{ family: 'Wu', given: 'Haitao' }]);
    const fromRis = parse(ris(hostile, urlOf(WU_2012), edition), '@ris/file')[0]!;
    expect(fromRis.title).toBe(title);
  });
});
