/**
 * The export files (TEI, RIS, CSL-JSON) of the five seed statements (the frozen
 * fixture in tests/fixtures/content/), read the way a user's tools read them:
 * the TEI by an XML parser, the RIS line by line, the CSL-JSON through JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type StatementView, TYPE_LABELS, buildCorpus } from '../../src/site/corpus.ts';
import { CSL_TYPES, ITEM_TYPES, creatorOf, cslDateParts, cslJson, invertedName, provenanceNote } from '../../src/downloads/csl.ts';
import { bibtex, bibtexName } from '../../src/downloads/bibtex.ts';
import { RIS_TYPES, ris, risDate } from '../../src/downloads/ris.ts';
import { CSV_TEXT_MAX, dataPackage, paragraphsCsv, splitCsvText } from '../../src/downloads/exports.ts';
import { SITE_NAME } from '../../src/site/site.ts';
import { type TextBlock, blocksFromMarkdown } from '../../src/edition/statement-text.ts';
import { teiDocument } from '../../src/downloads/tei.ts';
import { statementDocument } from '../../src/downloads/statement-entries.ts';
import { readEditions, readWordReference } from '../../src/site/editions.ts';
import { blockHash } from '../../src/edition/block-hash.ts';
import { escapeXml } from '../../src/edition/xml.ts';
import { speakerSchema, statementFrontmatter, themeSchema } from '../../src/edition/schemas.ts';
import { CONTENT } from '../helpers/content.ts';

// ---------------------------------------------------------------- the corpus

const files = readdirSync(join(CONTENT, 'statements'))
  .filter((f) => f.endsWith('.md'))
  .sort();
const parsed = files.map((f) => {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/u.exec(readFileSync(join(CONTENT, 'statements', f), 'utf8'));
  if (!m) throw new Error(`${f}: no frontmatter`);
  return { data: statementFrontmatter.parse(parseYaml(m[1]!)), body: m[2]! };
});
const blocksOf = new Map(parsed.map((p) => [p.data.id, blocksFromMarkdown(p.body)]));
const corpus = buildCorpus(
  parsed.map((p) => p.data),
  z.array(speakerSchema).parse(parseYaml(readFileSync(join(CONTENT, 'speakers.yaml'), 'utf8'))),
  z.array(themeSchema).parse(parseYaml(readFileSync(join(CONTENT, 'themes.yaml'), 'utf8'))),
  blocksOf,
  readEditions(join(CONTENT, 'editions.yaml')),
  readWordReference(join(CONTENT, 'word-reference.json')),
);
const urlOf = (id: string) => `https://example.org/statements/${id}/`;
const edition = corpus.edition;

function statement(id: string): StatementView {
  const s = corpus.statements.find((x) => x.data.id === id);
  if (!s) throw new Error(`no statement ${id}`);
  return s;
}
function blocks(id: string): TextBlock[] {
  const b = blocksOf.get(id);
  if (!b) throw new Error(`no blocks for ${id}`);
  return b;
}

const SWING_2010 = '2010-03-02-swing-cbmm-training-beijing';
const WU_2012 = '2012-11-28-wu-haitao-iom-council';
const PRESS_2014 = '2014-05-iom-swing-migration-governance-china';
const KE_2021 = '2021-03-ke-yousheng-gcm-review-asia-pacific';
const CHEN_2023 = '2023-chen-xu-iom-council';
const ALL = corpus.statements.map((s) => s.data.id);

const tei = (id: string) =>
  teiDocument({ ...statementDocument(statement(id), corpus.edition, 'https://example.org/'), blocks: blocks(id), url: urlOf(id) });
const xml = (doc: string) => load(doc, { xml: true });

// ------------------------------------------------------------ XML checking

// Characters XML 1.0 allows in a document.
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/**
 * Why `doc` is not well-formed XML, or null when it is. fast-xml-parser's
 * validator checks tags, nesting, attributes and entity references; it lets
 * through a few things XML forbids, which are checked here as well: a second
 * root element or text outside the root, `<` in an attribute value, and
 * characters XML 1.0 cannot carry.
 */
function notWellFormed(doc: string): string | null {
  const r = XMLValidator.validate(doc);
  if (r !== true) return `${r.err.code} at ${r.err.line}:${r.err.col}: ${r.err.msg}`;
  if (!XML_CHAR.test(doc)) return 'a character XML 1.0 does not allow';
  if (/=\s*(?:"[^"]*<|'[^']*<)/u.test(doc)) return '"<" in an attribute value';
  const outside = doc
    .replace(/^<\?xml[^?]*\?>/u, '')
    .replace(/<!--[\s\S]*?-->/gu, '')
    .trim();
  let depth = 0;
  let roots = 0;
  let last = 0;
  for (const m of outside.matchAll(/<(\/?)[^\s/>]+(?:\s[^>]*?)?(\/?)>/gu)) {
    if (depth === 0 && outside.slice(last, m.index).trim() !== '') return 'text outside the root element';
    if (m[1] === '/') depth -= 1;
    else {
      if (depth === 0) roots += 1;
      if (m[2] !== '/') depth += 1;
    }
    last = m.index + m[0].length;
  }
  if (outside.slice(last).trim() !== '') return 'text outside the root element';
  return roots === 1 ? null : `${roots} root elements`;
}

/** The elements carrying block ids (statement-<id>.p-N), in document order, with their text as a parser reads it. */
function blockElements(doc: string): { tag: string; id: string; n: string | undefined; text: string }[] {
  const $ = xml(doc);
  return $('text p, text item, text head')
    .toArray()
    .map((e) => ({ tag: e.tagName, id: $(e).attr('xml:id') ?? '', n: $(e).attr('n'), text: $(e).text() }))
    .filter((b) => /^statement-[^.]+\.p-\d+$/u.test(b.id));
}

/** A statement whose every reader-visible string carries XML's special characters. */
const HOSTILE = `<script>alert("x")</script> & 'quoted' ]]> <!-- -->`;
function hostile(): { s: StatementView; blocks: TextBlock[] } {
  const s = statement(SWING_2010);
  const data = {
    ...s.data,
    title: `Title ${HOSTILE}`,
    event: { ...s.data.event, value: `Event ${HOSTILE}` },
    place: { ...s.data.place, value: `Place ${HOSTILE}` },
    date: { ...s.data.date, status: 'inferred' as const, evidence: `Evidence ${HOSTILE}` },
    source: { ...s.data.source, url: 'https://example.org/source?a=1&b="2"&c=<3>' },
    edition: {
      ...s.data.edition,
      removals: [{ fromLine: 1, toLine: 1, kind: 'navigation' as const, reason: `Reason ${HOSTILE}`, text: [HOSTILE] }],
      notes: [{ block: 'p-2', quote: HOSTILE, note: `Note ${HOSTILE}` }],
    },
  };
  const speaker = { ...s.speaker!, name: `Name ${HOSTILE}`, sortName: `Name, ${HOSTILE}` };
  const themes = s.themes.map((t) => ({ ...t, theme: { ...t.theme, label: `Label ${HOSTILE}` } }));
  return {
    s: { ...s, data, speaker, themes },
    blocks: [
      { id: 'p-1', n: 1, hash: 'h1', kind: 'heading', text: `Heading ${HOSTILE}`, list: null, number: null },
      { id: 'p-2', n: 2, hash: 'h2', kind: 'paragraph', text: `<script>&"'`, list: null, number: null },
      { id: 'p-3', n: 3, hash: 'h3', kind: 'bullet-item', text: `Item ${HOSTILE}`, list: 0, number: null },
      {
        id: 'p-4',
        n: 4,
        hash: 'h4',
        kind: 'paragraph',
        text: 'A control character \u0001 and a lone surrogate \uD800 here.',
        list: null,
        number: null,
      },
    ],
  };
}

// ------------------------------------------------------------------- TEI

describe('escapeXml', () => {
  it('escapes the five characters XML gives a meaning to', () => {
    expect(escapeXml(`<script>&"'`)).toBe('&lt;script&gt;&amp;&quot;&apos;');
  });

  it('replaces characters XML 1.0 cannot carry with U+FFFD and keeps tab, newline and astral characters', () => {
    expect(escapeXml('a\u0001b\uD800c\uFFFEd')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(escapeXml('a\tb\nc 😀')).toBe('a\tb\nc 😀');
  });
});

describe('teiDocument', () => {
  it('has a check for well-formedness that rejects what XML forbids', () => {
    expect(notWellFormed('<?xml version="1.0" encoding="UTF-8"?>\n<a xml:id="x"><b n="1">t &amp; &#x27;</b><c/></a>\n')).toBeNull();
    expect(notWellFormed('<a>t & u</a>')).not.toBeNull();
    expect(notWellFormed('<a>t < u</a>')).not.toBeNull();
    expect(notWellFormed('<a><b></a>')).not.toBeNull();
    expect(notWellFormed('<a b="x"y"/>')).not.toBeNull();
    expect(notWellFormed('<a b="<"/>')).not.toBeNull();
    expect(notWellFormed('<a/><b/>')).not.toBeNull();
    expect(notWellFormed('<a/>text')).not.toBeNull();
    expect(notWellFormed('<a>\u0001</a>')).not.toBeNull();
  });

  it.each(ALL)('writes a well-formed TEI P5 document for %s', (id) => {
    const doc = tei(id);
    expect(notWellFormed(doc)).toBeNull();
    expect(doc.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" ')).toBe(true);
    const $ = xml(doc);
    expect($.root().children('TEI').attr('xml:id')).toBe(`statement-${id}`);
    expect($('TEI > teiHeader > fileDesc').length).toBe(1);
    expect($('TEI > text > body').length).toBe(1);
  });

  it.each(ALL)('gives every block of %s, in order, with exactly its text', (id) => {
    const found = blockElements(tei(id));
    const expected = blocks(id);
    expect(found.map((b) => b.id)).toEqual(expected.map((b) => `statement-${id}.${b.id}`));
    expect(found.map((b) => b.text)).toEqual(expected.map((b) => b.text));
    expect(found.map((b) => b.n)).toEqual(expected.map((b) => String(b.n)));
    expect(found.map((b) => b.tag)).toEqual(expected.map((b) => (b.kind === 'paragraph' ? 'p' : b.kind === 'heading' ? 'head' : 'item')));
  });

  it('puts each heading at the head of a section and groups list items into lists', () => {
    const $ = xml(tei(SWING_2010));
    expect(
      $('body > div[type="section"] > head')
        .toArray()
        .map((e) => $(e).attr('xml:id')),
    ).toEqual(['p-11', 'p-19', 'p-29'].map((b) => `statement-${SWING_2010}.${b}`));
    const bullets = $('list[type="bulleted"]');
    expect(bullets.length).toBe(1);
    expect(
      bullets
        .children('item')
        .toArray()
        .map((e) => $(e).attr('xml:id')),
    ).toEqual(['p-25', 'p-26', 'p-27'].map((b) => `statement-${SWING_2010}.${b}`));

    const $ke = xml(tei(KE_2021));
    const lists = $ke('body > list[type="ordered"]').toArray();
    expect(lists.map((l) => $ke(l).children('item').length)).toEqual([4, 4]);
    expect(
      $ke(lists[1]!)
        .children('label')
        .toArray()
        .map((e) => $ke(e).text()),
    ).toEqual(['1.', '2.', '3.', '4.']);
    expect($ke(lists[1]!).children('item').first().attr('xml:id')).toBe(`statement-${KE_2021}.p-11`);
  });

  it('states title, speaker, type and the source’s file, hash and URL in the header', () => {
    const s = statement(SWING_2010);
    const $ = xml(tei(SWING_2010));
    expect($('titleStmt > title').text()).toBe(s.data.title);
    expect($('titleStmt > author > persName').text()).toBe('William Lacy Swing');
    expect($('titleStmt > respStmt > orgName').text()).toBe(SITE_NAME);
    expect($('publicationStmt > publisher').text()).toBe(SITE_NAME);
    expect($('publicationStmt > idno[type="URL"]').text()).toBe(urlOf(SWING_2010));
    expect($('sourceDesc > bibl > idno[type="sha256"]').text()).toBe('3d9af78371a71b4f7a882e1a515097a6c31259a66053db551130946ed056928d');
    expect($('sourceDesc > bibl > idno[type="filename"]').text()).toBe('004_d8b40110be93ca73.txt');
    expect($('sourceDesc > bibl > ref').attr('target')).toBe(s.data.source.url);
    expect($('sourceDesc > bibl > note[type="genre"]').text()).toBe('Speech');
    expect($('particDesc person > occupation').text()).toBe('Director General, IOM');
    expect($('settingDesc name[type="event"]').text()).toBe(s.data.event.value);
    expect($('creation > placeName').text()).toBe('Beijing');
  });

  it('marks an inferred speaker as uncertain and gives the evidence', () => {
    const $ = xml(tei(SWING_2010));
    expect($('titleStmt > author > persName').attr('cert')).toBe('medium');
    expect($('sourceDesc note[type="evidence"][subtype="speaker"]').text()).toMatch(/^Speaker \(inferred\): /u);
    expect(xml(tei(WU_2012))('titleStmt > author > persName').attr('cert')).toBeUndefined();
  });

  it('says so when the source URL is not recorded', () => {
    const $ = xml(tei(WU_2012));
    expect($('sourceDesc > bibl > ref').length).toBe(0);
    expect($('sourceDesc > bibl > note[type="url"]').text()).toBe('Source URL not recorded.');
  });

  it.each([
    [WU_2012, '2012-11-28', '28 November 2012', false],
    [PRESS_2014, '2014-05', 'May 2014', true],
    [KE_2021, '2021-03', 'March 2021', true],
    [CHEN_2023, '2023', '2023', true],
  ] as const)('dates %s when="%s", only as exact as known, with cert and evidence when inferred', (id, when, label, inferred) => {
    const $ = xml(tei(id));
    for (const date of [$('sourceDesc > bibl > date'), $('profileDesc > creation > date')]) {
      expect(date.attr('when')).toBe(when);
      expect(date.text()).toBe(label);
      expect(date.attr('cert')).toBe(inferred ? 'medium' : undefined);
    }
    const evidence = $('sourceDesc note[type="evidence"][subtype="date"]').text();
    expect(evidence).toBe(`Date (${inferred ? 'inferred' : 'stated'}): ${statement(id).data.date.evidence}`);
  });

  it.each(ALL)('lists every removal of %s with its lines, kind, reason and removed text', (id) => {
    const removals = statement(id).data.edition.removals;
    const $ = xml(tei(id));
    const items = $('editorialDecl list[type="removals"] > item').toArray();
    expect(items).toHaveLength(removals.length);
    removals.forEach((r, i) => {
      const item = $(items[i]!);
      const range = r.fromLine === r.toLine ? `Line ${r.fromLine}` : `Lines ${r.fromLine}–${r.toLine}`;
      expect(item.text()).toBe(`${range} (${r.kind}): ${r.reason}.${r.text.join('')}`);
      expect(
        item
          .find('list[type="removed-lines"] > item > quote')
          .toArray()
          .map((q) => $(q).text()),
      ).toEqual(r.text);
    });
  });

  it('lists the press release’s navigation lines 1–22 (removed by the editor) and its contact footer as left out', () => {
    const $ = xml(tei(PRESS_2014));
    const removals = $('editorialDecl list[type="removals"] > item')
      .toArray()
      .map((e) => $(e).text());
    expect(removals[0]).toMatch(/^Lines 1–22 \(editor\): The navigation menu of the iom\.int website/u);
    expect(removals[1]).toMatch(/^Line 23 \(title\): title/u);
    expect(removals[2]).toMatch(/^Lines 34–38 \(contact-footer\): press-contact footer/u);
    expect(removals[2]).toContain('Pär Liljert');
    expect($('text').text()).not.toContain('Pär Liljert');
  });

  it('reports rejoins, unwrapped lines, joins without a space, inline HTML and whitespace repairs', () => {
    const $wu = xml(tei(WU_2012));
    const rejoins = $wu('editorialDecl list[type="rejoins"] > item')
      .toArray()
      .map((e) => $wu(e).text());
    expect(rejoins).toEqual([
      'Blank line 19, now in ¶4: and work for common | development. All countries should',
      'Blank line 29, now in ¶8: increased opportunities for exchanges | between China and the',
    ]);
    expect($wu('editorialDecl list[type="rejoins"] ref').first().attr('target')).toBe(`#statement-${WU_2012}.p-4`);
    expect($wu('editorialDecl list[type="inline-html"] > item').text()).toBe('Line 7: <sup> around st');
    expect($wu('editorialDecl list[type="whitespace"]').text()).toContain('trailing whitespace was removed: 2.');
    expect($wu('editorialDecl list[type="whitespace"]').text()).toContain('Blank lines dropped at the start, at the end and in runs: 6.');

    const $sw = xml(tei(SWING_2010));
    const decl = $sw('editorialDecl').text();
    expect(decl).toContain('Hard line breaks unwrapped inside paragraphs, headings and list items: 88.');
    expect($sw('editorialDecl list[type="joined-without-space"] > item').text()).toBe('Line 163, in ¶39: Nations “Palermo”');
    expect($sw('editorialDecl list[type="whitespace"]').text()).toContain('made plain spaces: 6.');
    expect($sw('editorialDecl list[type="headings"] > item')).toHaveLength(3);
    expect($sw('editorialDecl list[type="lists"] > item').text()).toBe('Bulleted list of 3 items, from ¶25');
    expect($sw('editorialDecl p').text()).toContain('separated in the source by blank lines');
    expect(xml(tei(PRESS_2014))('editorialDecl p').text()).toContain('separated in the source by line breaks');
  });

  it('gives an editorial note in the header and after the block it is about', () => {
    const $ = xml(tei(SWING_2010));
    expect($('editorialDecl list[type="notes"] > item').text()).toMatch(/^¶8: Representatives form the European Union — \[sic\]/u);
    const note = $('text note[type="editorial"]');
    expect(note.length).toBe(1);
    expect(note.attr('target')).toBe(`#statement-${SWING_2010}.p-8`);
    expect(note.children('quote').text()).toBe('Representatives form the European Union');
    expect(note.prev().attr('xml:id')).toBe(`statement-${SWING_2010}.p-8`);
  });

  it('gives the themes as keywords and the language', () => {
    const s = statement(KE_2021);
    const $ = xml(tei(KE_2021));
    expect(
      $('textClass keywords > term')
        .toArray()
        .map((e) => $(e).text()),
    ).toEqual(s.themes.map((t) => t.theme.label));
    expect($('langUsage > language').attr('ident')).toBe('en');
    expect($('langUsage > language').text()).toBe('English');
    expect($.root().children('TEI').attr('xml:lang')).toBe('en');
  });

  it.each(ALL)('adds no layout whitespace inside mixed content in %s', (id) => {
    const $ = xml(tei(id));
    const mixed = $('*')
      .toArray()
      .filter((e) =>
        $(e)
          .contents()
          .toArray()
          .some((c) => c.type === 'text' && c.data.trim() !== ''),
      );
    expect(mixed.length).toBeGreaterThan(blocks(id).length);
    for (const e of mixed) expect($.xml(e)).not.toMatch(/\n/u);
  });

  it('escapes hostile text in titles, names, metadata, notes and blocks and stays well-formed', () => {
    const h = hostile();
    const doc = teiDocument({
      ...statementDocument(h.s, corpus.edition, 'https://example.org/'),
      blocks: h.blocks,
      url: 'https://example.org/statements/x/?a=1&b=2',
    });
    expect(notWellFormed(doc)).toBeNull();
    expect(doc).not.toContain('<script>');
    expect(doc).not.toContain('<!--');
    expect(doc).toContain('&lt;script&gt;&amp;&quot;&apos;');
    const $ = xml(doc);
    expect($('titleStmt > title').text()).toBe(`Title ${HOSTILE}`);
    expect($('titleStmt > author > persName').text()).toBe(`Name ${HOSTILE}`);
    expect($('settingDesc name').text()).toBe(`Event ${HOSTILE}`);
    expect($('sourceDesc > bibl > ref').attr('target')).toBe('https://example.org/source?a=1&b="2"&c=<3>');
    expect($('publicationStmt > idno[type="URL"]').text()).toBe('https://example.org/statements/x/?a=1&b=2');
    expect($('editorialDecl list[type="removed-lines"] quote').text()).toBe(HOSTILE);
    expect($('text note[type="editorial"] > quote').text()).toBe(HOSTILE);
    expect($('keywords > term').first().text()).toBe(`Label ${HOSTILE}`);
    expect(blockElements(doc).map((b) => b.text)).toEqual([
      `Heading ${HOSTILE}`,
      `<script>&"'`,
      `Item ${HOSTILE}`,
      'A control character \uFFFD and a lone surrogate \uFFFD here.',
    ]);
  });

  it('names the government or organization as author when the speaker is unknown', () => {
    const s = statement(CHEN_2023);
    const unknown: StatementView = {
      ...s,
      speaker: null,
      data: { ...s.data, speaker: { value: null, status: 'unknown', evidence: null } },
    };
    const doc = teiDocument({
      ...statementDocument(unknown, corpus.edition, 'https://example.org/'),
      blocks: blocks(CHEN_2023),
      url: urlOf(CHEN_2023),
    });
    expect(notWellFormed(doc)).toBeNull();
    const $ = xml(doc);
    expect($('titleStmt > author > orgName').text()).toBe('China');
    expect($('titleStmt > author > persName').length).toBe(0);
    expect($('particDesc listPerson').length).toBe(0);
  });
});

// ------------------------------------------------------------------- RIS

// Reference types of the RIS specification.
const RIS_SPEC_TYPES = new Set(
  'ABST ADVS AGGR ANCIENT ART BILL BLOG BOOK CASE CHAP CHART CLSWK COMP CONF CPAPER CTLG DATA DBASE DICT EBOOK ECHAP EDBOOK EJOUR ELEC ENCYC EQUA FIGURE GEN GOVDOC GRANT HEAR ICOMM INPR JFULL JOUR LEGAL MANSCPT MAP MGZN MPCT MULTI MUSIC NEWS PAMP PAT PCOMM RPRT SER SLIDE SOUND STAND STAT THES UNBILL UNPD VIDEO'.split(
    ' ',
  ),
);

/** The record's tags and values, in order. */
function risFields(record: string): [string, string][] {
  return record
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => {
      const m = /^([A-Z][A-Z0-9]) {2}- (.*)$/u.exec(l);
      if (!m) throw new Error(`not an RIS line: ${JSON.stringify(l)}`);
      return [m[1]!, m[2]!];
    });
}
const risValues = (record: string, tag: string) =>
  risFields(record)
    .filter(([t]) => t === tag)
    .map(([, v]) => v);

describe('risDate', () => {
  it('writes YYYY/MM/DD/ with the unknown parts left empty', () => {
    expect(risDate('2012-11-28')).toBe('2012/11/28/');
    expect(risDate('2021-03')).toBe('2021/03//');
    expect(risDate('2023')).toBe('2023///');
  });
});

// The note labels Zotero's RIS import takes for ProCite fields (ProCiteCleaner
// in its RIS.js): a note starting "<label>:" becomes that field, and the note
// is gone. None of ours may start so.
const PROCITE_LABELS =
  /^(?:Author, Subsidiary|Author, Monographic|[A-Za-z/ ]+ Role|Record ID|Record Number|Notes|Connective Phrase|Extent of Work|Packaging Method|Call Number|Edition|ISBN|Language|Publisher Name|Series Title|Proceedings Title|Page\(s\)|Volume ID|Issue ID|Issue Identification|Series Volume ID|Scale|Place of Publication|Histroy|Size)\s*:/u;

const TALKS = [SWING_2010, WU_2012, KE_2021, CHEN_2023];
const risOf = (id: string) => ris(statement(id), urlOf(id), edition);

describe('ris', () => {
  it.each(ALL)('writes one record for %s from TY to ER with CR LF line ends', (id) => {
    const record = risOf(id);
    expect(record.startsWith('TY  - ')).toBe(true);
    expect(record.endsWith('\r\nER  - \r\n')).toBe(true);
    expect(record.replace(/\r\n/gu, '')).not.toMatch(/[\r\n]/u);
    const tags = risFields(record).map(([t]) => t);
    expect(tags.filter((t) => t === 'TY' || t === 'ER')).toEqual(['TY', 'ER']);
    for (const tag of ['ID', 'AU', 'TI', 'DA', 'PY', 'ET', 'M3', 'UR', 'LA']) expect(tags).toContain(tag);
    expect(RIS_SPEC_TYPES.has(risValues(record, 'TY')[0]!)).toBe(true);
    expect(risValues(record, 'ID')).toEqual([id]);
    expect(risValues(record, 'UR')).toEqual([urlOf(id)]);
    expect(risValues(record, 'TI')).toEqual([statement(id).data.title]);
    expect(risValues(record, 'ET')).toEqual([edition.version]);
  });

  it('types statements, speeches and remarks SLIDE (a presentation in Zotero) and the press release ELEC (a web page)', () => {
    for (const id of TALKS) expect(risValues(risOf(id), 'TY'), id).toEqual(['SLIDE']);
    expect(risValues(risOf(PRESS_2014), 'TY')).toEqual(['ELEC']);
    expect(risValues(risOf(PRESS_2014), 'M3')).toEqual(['Press release']);
    expect(risValues(risOf(WU_2012), 'M3')).toEqual(['Statement']);
    expect(Object.values(RIS_TYPES).every((t) => RIS_SPEC_TYPES.has(t))).toBe(true);
  });

  it('names authors "Family, Given", Chinese names family name first, and the press release’s issuer, not its subject', () => {
    expect(risValues(risOf(SWING_2010), 'AU')).toEqual(['Swing, William Lacy']);
    expect(risValues(risOf(WU_2012), 'AU')).toEqual(['Wu, Haitao']);
    expect(risValues(risOf(CHEN_2023), 'AU')).toEqual(['Chen, Xu']);
    expect(risValues(risOf(PRESS_2014), 'AU')).toEqual(['IOM']);
  });

  it.each([
    [WU_2012, '2012/11/28/', '2012'],
    [PRESS_2014, '2014/05//', '2014'],
    [KE_2021, '2021/03//', '2021'],
    [CHEN_2023, '2023///', '2023'],
  ] as const)('dates %s DA %s, PY %s', (id, da, py) => {
    const record = risOf(id);
    expect(risValues(record, 'DA')).toEqual([da]);
    expect(risValues(record, 'PY')).toEqual([py]);
  });

  it('notes an inferred date with its evidence, and not a stated one', () => {
    const ke = risValues(risOf(KE_2021), 'N1');
    expect(ke).toContain(`Date inferred (March 2021), not stated in the source: ${statement(KE_2021).data.date.evidence}`);
    expect(ke).toContain(`Event inferred, not stated in the source: ${statement(KE_2021).data.event.evidence}`);
    expect(risValues(risOf(WU_2012), 'N1').some((n) => n.startsWith('Date inferred'))).toBe(false);
  });

  it.each(ALL)('gives %s a provenance note that no note label of Zotero’s RIS import swallows', (id) => {
    const s = statement(id);
    const notes = risValues(risOf(id), 'N1');
    const provenance = notes.filter((n) => n.startsWith('Provenance: '));
    expect(provenance).toHaveLength(1);
    expect(provenance[0]).toContain(`${SITE_NAME}, edition ${edition.version} of ${edition.date}`);
    expect(provenance[0]).toContain(s.data.source.file);
    expect(provenance[0]).toContain(s.data.source.sha256);
    if (s.data.source.url) expect(provenance[0]).toContain(s.data.source.url);
    for (const n of notes) expect(n).not.toMatch(PROCITE_LABELS);
    expect(PROCITE_LABELS.test('Edition: Migration Statements')).toBe(true);
  });

  it('gives a talk its meeting (T2), place (CY), the edition as publisher, language and one keyword per theme', () => {
    const s = statement(WU_2012);
    const record = risOf(WU_2012);
    expect(risValues(record, 'T2')).toEqual(['General Debate, 101st Session of the IOM Council']);
    expect(risValues(record, 'CY')).toEqual(['Geneva']);
    expect(risValues(record, 'PB')).toEqual([SITE_NAME]);
    expect(risValues(record, 'LA')).toEqual(['en']);
    expect(risValues(record, 'KW')).toEqual(s.themes.map((t) => t.theme.label));
  });

  it('gives the press release the edition as its website, and what it reports on in notes, not as its event or place', () => {
    const s = statement(PRESS_2014);
    const record = risOf(PRESS_2014);
    expect(risValues(record, 'T2')).toEqual([SITE_NAME]);
    expect(risValues(record, 'CY')).toEqual([]);
    expect(risValues(record, 'PB')).toEqual([]);
    expect(risValues(record, 'N1')).toEqual(
      expect.arrayContaining([
        'Reports on: William Lacy Swing (Director General, IOM)',
        `Reported event: ${s.data.event.value}`,
        'Reported places: Shanghai, Shenzhen and Beijing',
      ]),
    );
  });

  it('keeps every value on one line, so text in the data cannot end the record or add tags', () => {
    const s = statement(WU_2012);
    const injected: StatementView = { ...s, data: { ...s.data, title: 'Title\r\nER  - \r\nTY  - JOUR\nAU  - Someone' } };
    const record = ris(injected, urlOf(WU_2012), edition);
    expect(risValues(record, 'TI')).toEqual(['Title ER - TY - JOUR AU - Someone']);
    expect(risFields(record).filter(([t]) => t === 'TY' || t === 'ER')).toHaveLength(2);
    expect(risValues(record, 'AU')).toEqual(['Wu, Haitao']);
  });
});

// -------------------------------------------------------------- CSL-JSON

// Item types of CSL 1.0.2.
const CSL_SPEC_TYPES = new Set(
  'article article-journal article-magazine article-newspaper bill book broadcast chapter classic collection dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview legal_case legislation manuscript map motion_picture musical_score pamphlet paper-conference patent performance periodical personal_communication post post-weblog regulation report review review-book software song speech standard thesis treaty webpage'.split(
    ' ',
  ),
);

describe('creatorOf', () => {
  it('names the speaker by family and given name, and a press release by the organization that issued it', () => {
    expect(creatorOf(statement(SWING_2010))).toEqual({ family: 'Swing', given: 'William Lacy' });
    expect(creatorOf(statement(WU_2012))).toEqual({ family: 'Wu', given: 'Haitao' });
    expect(statement(PRESS_2014).speaker?.id).toBe('william-lacy-swing');
    expect(creatorOf(statement(PRESS_2014))).toEqual({ organization: 'IOM' });
    expect(invertedName({ family: 'Wu', given: 'Haitao' })).toBe('Wu, Haitao');
  });

  it('falls back to the government spoken for when the speaker is unknown, and names no one for a press release without an issuer', () => {
    const chen = statement(CHEN_2023);
    expect(creatorOf({ ...chen, speaker: null })).toEqual({ organization: 'China' });
    const press = statement(PRESS_2014);
    expect(creatorOf({ ...press, data: { ...press.data, onBehalfOf: { value: null, status: 'unknown', evidence: null } } })).toBeNull();
  });
});

describe('cslDateParts', () => {
  it('gives only the parts the date knows, as numbers', () => {
    expect(cslDateParts('2012-11-28')).toEqual([[2012, 11, 28]]);
    expect(cslDateParts('2021-03')).toEqual([[2021, 3]]);
    expect(cslDateParts('2023')).toEqual([[2023]]);
  });
});

const cslOf = (id: string) => cslJson(statement(id), urlOf(id), edition);

describe('cslJson', () => {
  it.each(ALL)('writes a CSL item for %s that survives JSON unchanged and has a valid CSL type', (id) => {
    const item = cslOf(id);
    expect(JSON.parse(JSON.stringify(item))).toStrictEqual(item);
    expect(CSL_SPEC_TYPES.has(item['type'] as string)).toBe(true);
    expect(item['id']).toBe(id);
    expect(item['citation-key']).toBe(id);
    expect(item['title']).toBe(statement(id).data.title);
    expect(item['URL']).toBe(urlOf(id));
    expect(item['language']).toBe('en');
    expect(item['version']).toBe(edition.version);
    expect(item['note']).toContain(provenanceNote(statement(id), edition));
  });

  it('types statements, speeches and remarks as speech and the press release as a web page of genre "Press release"', () => {
    for (const id of TALKS) expect(cslOf(id), id).toMatchObject({ type: 'speech', publisher: SITE_NAME });
    expect(cslOf(WU_2012)['genre']).toBe('Statement');
    expect(cslOf(KE_2021)['genre']).toBe('Remarks');
    expect(cslOf(PRESS_2014)).toMatchObject({ type: 'webpage', genre: 'Press release', 'container-title': SITE_NAME });
    expect(cslOf(PRESS_2014)['publisher']).toBeUndefined();
    expect(Object.values(CSL_TYPES).every((t) => CSL_SPEC_TYPES.has(t))).toBe(true);
  });

  it('gives one item type per statement type, the same kind in CSL, biblatex and RIS', () => {
    expect(ITEM_TYPES.statement).toEqual(ITEM_TYPES.speech);
    expect(ITEM_TYPES.remarks).toEqual(ITEM_TYPES.speech);
    expect(ITEM_TYPES.speech).toMatchObject({ csl: 'speech', biblatex: 'unpublished', ris: 'SLIDE', zotero: 'presentation' });
    expect(ITEM_TYPES['press-release']).toMatchObject({ csl: 'webpage', biblatex: 'online', ris: 'ELEC', zotero: 'webpage' });
  });

  it('names authors by family and given name, Chinese names family name first, and the press release’s issuer as a literal', () => {
    expect(cslOf(SWING_2010)['author']).toEqual([{ family: 'Swing', given: 'William Lacy' }]);
    expect(cslOf(WU_2012)['author']).toEqual([{ family: 'Wu', given: 'Haitao' }]);
    expect(cslOf(PRESS_2014)['author']).toEqual([{ literal: 'IOM' }]);
  });

  it.each([
    [WU_2012, [[2012, 11, 28]]],
    [PRESS_2014, [[2014, 5]]],
    [KE_2021, [[2021, 3]]],
    [CHEN_2023, [[2023]]],
  ] as const)('gives %s issued date-parts %j, and a talk the same event-date', (id, parts) => {
    expect(cslOf(id)['issued']).toEqual({ 'date-parts': parts });
    expect(cslOf(id)['event-date']).toEqual(id === PRESS_2014 ? undefined : { 'date-parts': parts });
  });

  it('notes an inferred date with its evidence, and not a stated one', () => {
    expect(cslOf(CHEN_2023)['note']).toContain(
      `Date inferred (2023), not stated in the source: ${statement(CHEN_2023).data.date.evidence}`,
    );
    expect(String(cslOf(WU_2012)['note'])).not.toContain('Date inferred');
  });

  it('gives a talk its event and place, and the themes as keywords', () => {
    const s = statement(KE_2021);
    expect(cslOf(KE_2021)).toMatchObject({
      'event-title': s.data.event.value,
      'event-place': 'Bangkok (held largely online)',
      keyword: s.themes.map((t) => t.theme.label).join(', '),
    });
  });

  it('gives the press release no event or place of its own: what it reports on is in the note', () => {
    const item = cslOf(PRESS_2014);
    expect(item['event-title']).toBeUndefined();
    expect(item['event-place']).toBeUndefined();
    expect(item['note']).toContain('Reported places: Shanghai, Shenzhen and Beijing');
  });
});

// ---------------------------------------------------------------- biblatex

/** The entry's type, key and fields (`name = {value}`, one a line, braces balanced). */
function bibEntry(entry: string): { type: string; key: string; fields: Map<string, string> } {
  const m = /^@(\w+)\{([^,]+),\n([\s\S]*)\n\}\n$/u.exec(entry);
  if (!m) throw new Error(`not an entry: ${entry}`);
  const fields = new Map<string, string>();
  let depth = 0;
  let name = '';
  let value = '';
  for (const line of m[3]!.split('\n')) {
    if (depth === 0) {
      const f = /^ {2}([a-z]+) = (.*)$/u.exec(line);
      if (!f) throw new Error(`not a field: ${line}`);
      name = f[1]!;
      value = f[2]!;
    } else value += `\n${line}`;
    depth = [...value].reduce((n, c, i) => (value[i - 1] === '\\' ? n : c === '{' ? n + 1 : c === '}' ? n - 1 : n), 0);
    if (depth === 0) fields.set(name, value.replace(/,$/u, ''));
  }
  expect(depth).toBe(0);
  return { type: m[1]!, key: m[2]!, fields };
}
const bibOf = (id: string) => bibEntry(bibtex(statement(id), urlOf(id), edition));

describe('bibtex (biblatex)', () => {
  it('names a person "Family, Given", braces only what BibTeX would split, and braces an organization whole', () => {
    expect(bibtexName({ family: 'Wu', given: 'Haitao' })).toBe('Wu, Haitao');
    expect(bibtexName({ family: 'Swing', given: 'William Lacy' })).toBe('Swing, William Lacy');
    expect(bibtexName({ organization: 'IOM' })).toBe('{IOM}');
    expect(bibtexName({ organization: 'Food and Agriculture Organization' })).toBe('{Food and Agriculture Organization}');
    expect(bibtexName({ family: 'Smith and Sons', given: 'A' })).toBe('{Smith and Sons}, A');
  });

  it.each(ALL)('writes %s as one entry keyed by its id, of its item type, with genre, full date, edition version and URL', (id) => {
    const s = statement(id);
    const e = bibOf(id);
    expect(e.key).toBe(id);
    expect(e.type).toBe(ITEM_TYPES[s.data.type].biblatex);
    expect(e.fields.get('type')).toBe(`{${TYPE_LABELS[s.data.type]}}`);
    expect(e.fields.get('date')).toBe(`{${s.data.date.value}}`);
    expect(e.fields.get('version')).toBe(`{${edition.version}}`);
    expect(e.fields.get('url')).toBe(`{${urlOf(id)}}`);
    expect(e.fields.get('langid')).toBe('{english}');
    expect(e.fields.has('howpublished') || e.fields.has('organization')).toBe(true);
    expect(e.fields.get('annote')).toContain('Provenance: ');
  });

  it('gives a talk its event title, event date and venue in their own fields, not packed into howpublished', () => {
    const e = bibOf(WU_2012);
    expect(e.type).toBe('unpublished');
    expect(e.fields.get('author')).toBe('{Wu, Haitao}');
    expect(e.fields.get('type')).toBe('{Statement}');
    expect(e.fields.get('eventtitle')).toBe('{General Debate, 101st Session of the IOM Council}');
    expect(e.fields.get('eventdate')).toBe('{2012-11-28}');
    expect(e.fields.get('venue')).toBe('{Geneva}');
    expect(e.fields.get('date')).toBe('{2012-11-28}');
    expect(e.fields.get('howpublished')).toBe(`{${SITE_NAME}}`);
    expect(e.fields.has('month')).toBe(false);
  });

  it('gives the press release its issuer as author and no event of its own', () => {
    const e = bibOf(PRESS_2014);
    expect(e.type).toBe('online');
    expect(e.fields.get('author')).toBe('{{IOM}}');
    expect(e.fields.get('type')).toBe('{Press release}');
    expect(e.fields.get('date')).toBe('{2014-05}');
    expect(e.fields.get('organization')).toBe(`{${SITE_NAME}}`);
    expect(e.fields.has('eventtitle')).toBe(false);
    expect(e.fields.get('annote')).toContain('Reports on: William Lacy Swing (Director General, IOM)');
  });

  it('says in the printed note which facts the editors inferred, with the evidence in the annotation', () => {
    expect(bibOf(KE_2021).fields.get('note')).toBe('{Inferred by the editors, not stated in the source: date (March 2021), event, place}');
    expect(bibOf(KE_2021).fields.get('annote')).toContain(statement(KE_2021).data.date.evidence!);
    expect(bibOf(WU_2012).fields.has('note')).toBe(false);
  });

  it('escapes TeX’s special characters in every field but the URL, keeping braces balanced', () => {
    const h = hostile();
    const e = bibEntry(bibtex({ ...h.s, data: { ...h.s.data, title: 'Costs 50% & {more} #1 a_b ~ ^ \\' } }, urlOf(SWING_2010), edition));
    expect(e.fields.get('title')).toBe(
      '{{Costs 50\\% \\& \\{more\\} \\#1 a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{}}}',
    );
    expect(e.fields.get('eventtitle')).toBe(`{Event <script>alert("x")</script> \\& 'quoted' ]]> <!-- -->}`);
  });
});

// ------------------------------------------------------------------- CSV

/** Runs a Python program on a file; its standard output parsed as JSON. */
function python(program: string, file: string): unknown {
  const r = spawnSync('python3', ['-c', program, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`python3: ${r.stderr}`);
  return JSON.parse(r.stdout) as unknown;
}
/** A Python with pandas: the one on PATH, or Debian's (`python3-pandas`, which .ci/run installs). */
const pandasPython = ['python3', '/usr/bin/python3'].find((py) => spawnSync(py, ['-c', 'import pandas']).status === 0);
const hasRscript = spawnSync('Rscript', ['--version']).status === 0;
// CI installs pandas and R (.ci/run), so there the readers' tests must run, not skip.
if (process.env['CI'] && (!pandasPython || !hasRscript))
  throw new Error('CI: pandas (python3-pandas) and R (r-base-core) must be installed');

describe('splitCsvText', () => {
  it('keeps a text that fits in one part (its example)', () => {
    expect(splitCsvText('aa bb cc', 5)).toEqual(['aa ', 'bb cc']);
    expect(splitCsvText('Thank you.')).toEqual(['Thank you.']);
    expect(splitCsvText('x'.repeat(CSV_TEXT_MAX))).toHaveLength(1);
  });

  it('cuts after the last space that fits, so no word is cut and the parts join back to the text', () => {
    const text = 'one two three four five six';
    const parts = splitCsvText(text, 10);
    expect(parts).toEqual(['one two ', 'three ', 'four five ', 'six']);
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => p.length <= 10)).toBe(true);
  });

  it('never starts a part with a formula character, which the CSV writer would guard with an apostrophe', () => {
    const parts = splitCsvText('aaa bbb -ccc =d', 9);
    expect(parts).toEqual(['aaa ', 'bbb -ccc', ' =d']);
    expect(parts.slice(1).every((p) => !/^[=+\-@]/u.test(p))).toBe(true);
  });

  it('cuts inside a word only when there is no space, never inside a surrogate pair', () => {
    const text = '😀'.repeat(10);
    const parts = splitCsvText(text, 5);
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => p.length <= 5 && p.isWellFormed())).toBe(true);
  });
});

describe('paragraphs.csv with a 50,000-word paragraph', () => {
  const WORDS = ['Migration', 'is', 'a', '“global”', 'issue', '--', 'which', '"calls"', 'for', 'cooperation,', '😀', '-'];
  const long = `${Array.from({ length: 50_000 }, (_x, i) => WORDS[i % WORDS.length]).join(' ')} End of the long paragraph.`;
  const base = statement(WU_2012);
  const texts = ['Mr. President,', long, 'Thank you, Mr. President.'];
  const s: StatementView = {
    ...base,
    blocks: texts.map((text, i) => ({
      id: `p-${i + 1}`,
      n: i + 1,
      hash: blockHash(text),
      kind: 'paragraph',
      text,
      list: null,
      number: null,
    })),
  };
  const dir = mkdtempSync(join(tmpdir(), 'paragraphs-csv-'));
  const file = join(dir, 'paragraphs.csv');
  writeFileSync(file, paragraphsCsv({ ...corpus, statements: [s] }, 'https://example.org/'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a paragraph longer than Python csv reads in one field by default', () => {
    expect(long.length).toBeGreaterThan(131_072);
    const limit = python('import csv,json,sys; print(json.dumps(csv.field_size_limit()))', file);
    expect(limit).toBe(131_072);
    expect(CSV_TEXT_MAX).toBeLessThan(limit as number);
  });

  it('reads back with Python csv defaults: the long paragraph over several rows, each cell within the limits, the text whole when joined', () => {
    const program = [
      'import csv, json, sys',
      'rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))',
      'texts = {}',
      'for r in rows: texts[r["paragraph_id"]] = texts.get(r["paragraph_id"], "") + r["text"]',
      'print(json.dumps({"rows": [[r["paragraph_id"], r["part"], r["parts"], len(r["text"])] for r in rows], "texts": texts}))',
    ].join('\n');
    const got = python(program, file) as { rows: [string, string, string, number][]; texts: Record<string, string> };
    const parts = splitCsvText(long).length;
    expect(parts).toBeGreaterThan(1);
    expect(got.rows.map((r) => r.slice(0, 3))).toEqual([
      ['p-1', '1', '1'],
      ...Array.from({ length: parts }, (_x, i) => ['p-2', String(i + 1), String(parts)]),
      ['p-3', '1', '1'],
    ]);
    expect(Math.max(...got.rows.map((r) => r[3]))).toBeLessThanOrEqual(CSV_TEXT_MAX);
    expect(got.texts).toEqual({ 'p-1': texts[0], 'p-2': long, 'p-3': texts[2] });
  });

  it.skipIf(!pandasPython)('reads back with pandas defaults', () => {
    const program = [
      'import json, sys, pandas as pd',
      'df = pd.read_csv(sys.argv[1])',
      'joined = df.sort_values(["paragraph", "part"]).groupby("paragraph_id", sort=False)["text"].agg("".join)',
      'print(json.dumps(joined.to_dict()))',
    ].join('\n');
    const r = spawnSync(pandasPython!, ['-c', program, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ 'p-1': texts[0], 'p-2': long, 'p-3': texts[2] });
  });

  it.skipIf(!hasRscript)('reads back with R read.csv defaults', () => {
    const r = spawnSync(
      'Rscript',
      ['-e', 'd <- read.csv(commandArgs(TRUE)[1]); cat(nrow(d), nchar(paste(d$text[d$paragraph_id == "p-2"], collapse = "")))', file],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stdout.trim()).toBe(`${splitCsvText(long).length + 2} ${[...long].length}`);
  });

  it('declares part and parts in the data package, and part in the primary key', () => {
    const pkg = dataPackage('https://example.org/', edition) as {
      resources: { name: string; schema: { fields: { name: string }[]; primaryKey: string[] } }[];
    };
    const paragraphs = pkg.resources.find((r) => r.name === 'paragraphs')!;
    expect(paragraphs.schema.fields.map((f) => f.name).slice(-3)).toEqual(['part', 'parts', 'text']);
    expect(paragraphs.schema.primaryKey).toEqual(['statement_id', 'paragraph', 'part']);
  });
});
