/**
 * Over the fixture's site (tests/fixtures/content/ → dist-fixture/, `npm run
 * build:fixture`): what a reference manager saving a statement page reads
 * from its <head> (Zotero's Embedded Metadata translator: Highwire
 * `citation_*`, Dublin Core `DC.*`, Zotero's `z.*`), and that it says what
 * the site's citation downloads say: statements.csl.json, statements.bib and
 * statements.ris as citation.js reads them, and the CSL-JSON as citeproc-js
 * renders it in APA 7 (style from ../shared/reference/csl/).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type CheerioAPI, load } from 'cheerio';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { type CslItem, citationJsItems } from '../helpers/citation-js.ts';
import type { StatementFrontmatter } from '../../src/edition/schemas.ts';
import { readEditions } from '../../src/site/editions.ts';
import { SITE_NAME } from '../../src/site/site.ts';
import { FIXTURE_SITE, ROOT, splitStatement } from '../helpers/content.ts';

const { content: CONTENT, dist: DIST } = FIXTURE_SITE;
const edition = readEditions(join(CONTENT, 'editions.yaml')).at(-1)!;
const statements: StatementFrontmatter[] = readdirSync(join(CONTENT, 'statements'))
  .filter((n) => n.endsWith('.md'))
  .sort()
  .map((n) => parse(splitStatement(readFileSync(join(CONTENT, 'statements', n), 'utf8')).frontmatter) as StatementFrontmatter);
const page = (id: string): CheerioAPI => load(readFileSync(join(DIST, 'statements', id, 'index.html'), 'utf8'));
/** Every value of a meta tag, in order. */
const meta = ($: CheerioAPI, name: string): string[] =>
  $(`head meta[name="${name}"]`)
    .toArray()
    .map((m) => $(m).attr('content') ?? '');

/** Who each statement is by, as Zotero must file it: "Family, Given", or the organization. */
const AUTHORS: Record<string, string> = {
  '2010-03-02-swing-cbmm-training-beijing': 'Swing, William Lacy',
  '2012-11-28-wu-haitao-iom-council': 'Wu, Haitao',
  '2014-05-iom-swing-migration-governance-china': 'IOM',
  '2021-03-ke-yousheng-gcm-review-asia-pacific': 'Ke, Yousheng',
  '2023-chen-xu-iom-council': 'Chen, Xu',
};
const GENRES: Record<StatementFrontmatter['type'], string> = {
  statement: 'Statement',
  speech: 'Speech',
  remarks: 'Remarks',
  'press-release': 'Press release',
};
const talk = (s: StatementFrontmatter) => s.type !== 'press-release';

describe('citation meta tags of the statement pages in dist-fixture/', () => {
  it.each(statements.map((s) => [s.id, s] as const))('%s names its author, date at its precision, title and URL', (id, s) => {
    const $ = page(id);
    const canonical = $('link[rel="canonical"]').attr('href');
    expect(canonical).toMatch(new RegExp(`^https?://[^/]+/statements/${id}/$`, 'u'));
    // One author, inverted: Zotero reads a name with a comma as "Family, Given".
    expect(meta($, 'citation_author')).toEqual([AUTHORS[id]]);
    expect(meta($, 'DC.creator')).toEqual([AUTHORS[id]]);
    expect(meta($, 'citation_title')).toEqual([s.title]);
    expect(meta($, 'DC.title')).toEqual([s.title]);
    expect(meta($, 'citation_date')).toEqual([s.date.value]);
    expect(meta($, 'DC.date')).toEqual([s.date.value]);
    expect(meta($, 'citation_public_url')).toEqual([canonical]);
    expect(meta($, 'citation_language')).toEqual([s.language]);
    expect(meta($, 'DC.language')).toEqual([s.language]);
    expect(meta($, 'DC.type')).toEqual([GENRES[s.type]]);
  });

  it.each(statements.map((s) => [s.id, s] as const))('%s types itself for Zotero as the RIS and CSL-JSON files do', (id, s) => {
    const $ = page(id);
    expect(meta($, 'z.itemType')).toEqual([talk(s) ? 'presentation' : 'webpage']);
    // Tags that would make Zotero's Embedded Metadata type it a conference paper, journal article, report or book.
    for (const name of [
      'citation_conference_title',
      'citation_conference',
      'citation_journal_title',
      'citation_technical_report_institution',
      'citation_isbn',
    ])
      expect(meta($, name), name).toEqual([]);
    expect($('head link[rel="schema.DC"]').attr('href')).toBe('http://purl.org/dc/elements/1.1/');
    expect($('head link[rel="schema.z"]').attr('href')).toBe('http://www.zotero.org/namespaces/export#');
  });

  it.each(statements.filter(talk).map((s) => [s.id, s] as const))('%s gives its meeting, place and the edition as publisher', (id, s) => {
    const $ = page(id);
    expect(meta($, 'z.meetingName')).toEqual([s.event.value]);
    expect(meta($, 'z.place')).toEqual([s.place.value]);
    expect(meta($, 'citation_publisher')).toEqual([SITE_NAME]);
    expect(meta($, 'DC.publisher')).toEqual([SITE_NAME]);
  });

  it('gives the press release the edition as its website only, and no meeting or place of its own', () => {
    const $ = page('2014-05-iom-swing-migration-governance-china');
    expect($('head meta[property="og:site_name"]').attr('content')).toBe(SITE_NAME);
    for (const name of ['citation_publisher', 'DC.publisher', 'z.meetingName', 'z.place']) expect(meta($, name), name).toEqual([]);
  });

  it.each(statements.map((s) => [s.id, s] as const))('%s carries its themes, inferred facts and provenance', (id, s) => {
    const $ = page(id);
    const themes = $('main .facts dt:contains("Themes") + dd a')
      .toArray()
      .map((a) => $(a).text().trim());
    expect(themes.length).toBeGreaterThan(0);
    expect(meta($, 'citation_keywords')).toEqual([themes.join('; ')]);
    const [extra] = meta($, 'z.extra');
    expect(extra).toContain(`Provenance: ${SITE_NAME}, edition ${edition.version} of ${edition.date}`);
    expect(extra).toContain(s.source.sha256);
    if (s.date.status === 'inferred') expect(extra).toContain(`not stated in the source: ${s.date.evidence}`);
  });
});

// ------------------------------------------------- the same as the downloads

const require = createRequire(import.meta.url);
const read = (file: string, forceType: string): Map<string, CslItem> => {
  const text = readFileSync(join(DIST, 'data', file), 'utf8');
  const items = citationJsItems(file.endsWith('.json') ? JSON.parse(text) : text, forceType);
  return new Map(items.map((i) => [i.id, i]));
};

const APA = join(ROOT, '../shared/reference/csl/apa.csl');
// CI has ../shared beside the clone (.ci/run): there the APA check must run, not skip.
if (process.env['CI'] && !existsSync(APA)) throw new Error(`CI: ${APA} must be present`);

describe('the statement pages and the citation downloads of dist-fixture/', () => {
  const files = {
    csl: read('statements.csl.json', '@csl/list+object'),
    bib: read('statements.bib', '@biblatex/text'),
    ris: read('statements.ris', '@ris/file'),
  };

  it.each(statements.map((s) => [s.id, s] as const))('agree on the author, date, title, URL and keywords of %s', (id, s) => {
    const $ = page(id);
    const [family, given] = meta($, 'citation_author')[0]!.split(', ');
    const parts = meta($, 'citation_date')[0]!.split('-').map(Number);
    for (const [format, items] of Object.entries(files)) {
      const item = items.get(id);
      expect(item, `${format} has ${id}`).toBeDefined();
      const author = item!.author?.[0];
      expect(author?.family ?? author?.literal, format).toBe(family);
      expect(author?.given, format).toBe(given);
      expect(item!.issued, format).toEqual({ 'date-parts': [parts] });
      expect(item!.title, format).toBe(meta($, 'citation_title')[0]);
      expect(item!.URL, format).toBe(meta($, 'citation_public_url')[0]);
      expect((item!.keyword ?? '').split(/\s*,\s*/u), `${format} keywords`).toEqual(meta($, 'citation_keywords')[0]!.split('; '));
    }
    expect(files.csl.get(id)!.type).toBe(talk(s) ? 'speech' : 'webpage');
  });

  it('carry the edition’s version in every citation download', () => {
    expect(readFileSync(join(DIST, 'data', 'statements.ris'), 'utf8').match(/^ET {2}- .*$/gmu)).toEqual(
      statements.map(() => `ET  - ${edition.version}`),
    );
    const csl = JSON.parse(readFileSync(join(DIST, 'data', 'statements.csl.json'), 'utf8')) as { version?: string }[];
    expect(csl.map((i) => i.version)).toEqual(statements.map(() => edition.version));
    expect(readFileSync(join(DIST, 'data', 'statements.bib'), 'utf8').match(/^ {2}version = \{.*\},$/gmu)).toEqual(
      statements.map(() => `  version = {${edition.version}},`),
    );
  });

  it.skipIf(!existsSync(APA))('render in APA 7 with the author and date the page gives', () => {
    const citeproc = require('citeproc') as {
      Engine: new (
        sys: { retrieveLocale(lang: string): string; retrieveItem(id: string): CslItem },
        style: string,
        lang: string,
      ) => {
        updateItems(ids: string[]): void;
        makeBibliography(): [{ entry_ids: string[][] }, string[]];
        setOutputFormat(f: string): void;
      };
    };
    const locales = require('@citation-js/plugin-csl/lib/locales.json') as Record<string, string>;
    const csl = JSON.parse(readFileSync(join(DIST, 'data', 'statements.csl.json'), 'utf8')) as CslItem[];
    const engine = new citeproc.Engine(
      { retrieveLocale: (l) => locales[l] ?? locales['en-US']!, retrieveItem: (id) => csl.find((i) => i.id === id)! },
      readFileSync(APA, 'utf8'),
      'en-US',
    );
    engine.setOutputFormat('text');
    engine.updateItems(csl.map((i) => i.id));
    const [ids, entries] = engine.makeBibliography();
    for (const s of statements) {
      const entry = entries[ids.entry_ids.findIndex(([id]) => id === s.id)]!;
      const author = meta(page(s.id), 'citation_author')[0]!;
      expect(entry.startsWith(author.includes(', ') ? `${author.split(', ')[0]}, ` : `${author}. `), entry).toBe(true);
      expect(entry).toContain(`(${s.date.value.slice(0, 4)}`);
      expect(entry).toContain(meta(page(s.id), 'citation_public_url')[0]);
    }
  });
});
