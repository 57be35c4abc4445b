/**
 * One statement's downloads (TEI, plain text, Markdown, JSON, raw source) as
 * the statement page builds them from its bucket entry, over the five seed
 * statements of the frozen fixture; the buckets; and the edition version that
 * CITATION.cff carries.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { currentEdition, speakerSchema, statementFrontmatter, themeSchema } from '../../src/edition/schemas.ts';
import { blockHash } from '../../src/edition/block-hash.ts';
import { blocksFromMarkdown, parsedBlocks } from '../../src/edition/statement-text.ts';
import { buildCorpus } from '../../src/site/corpus.ts';
import { readEditions, readWordReference } from '../../src/site/editions.ts';
import { teiCorpus, teiDocument, teiMember } from '../../src/downloads/tei.ts';
import {
  STATEMENT_FORMATS,
  type StatementEntry,
  type StatementFormat,
  markdownBody,
  markdownText,
  metadataLine,
  statementFile,
  statementMarkdown,
  statementText,
} from '../../src/downloads/statement-files.ts';
import { CONTENT, ROOT, splitStatement } from '../helpers/content.ts';

// The entries read the raw sources from the content folder: the fixture's. (paths.ts reads CONTENT_DIR when first imported;
// it is put back afterwards so that no other test file sharing this worker sees it.)
const contentDirBefore = process.env['CONTENT_DIR'];
process.env['CONTENT_DIR'] = CONTENT;
const { BUCKET_BITS, bucketJson, bucketOf, bucketPath, buckets, statementDocument, statementEntry } =
  await import('../../src/downloads/statement-entries.ts');
afterAll(() => {
  if (contentDirBefore === undefined) delete process.env['CONTENT_DIR'];
  else process.env['CONTENT_DIR'] = contentDirBefore;
});

const SITE = 'https://example.org/';
const files = readdirSync(join(CONTENT, 'statements'))
  .filter((f) => f.endsWith('.md'))
  .sort();
const parsed = files.map((f) => {
  const { frontmatter, body } = splitStatement(readFileSync(join(CONTENT, 'statements', f), 'utf8'));
  return { data: statementFrontmatter.parse(parseYaml(frontmatter)), body };
});
const editions = readEditions(join(CONTENT, 'editions.yaml'));
const corpus = buildCorpus(
  parsed.map((p) => p.data),
  z.array(speakerSchema).parse(parseYaml(readFileSync(join(CONTENT, 'speakers.yaml'), 'utf8'))),
  z.array(themeSchema).parse(parseYaml(readFileSync(join(CONTENT, 'themes.yaml'), 'utf8'))),
  new Map(parsed.map((p) => [p.data.id, blocksFromMarkdown(p.body)])),
  editions,
  readWordReference(join(CONTENT, 'word-reference.json')),
);
const entries = corpus.statements.map((s) => statementEntry(s, corpus.edition, SITE));
const entry = (id: string): StatementEntry => entries.find((e) => e.id === id)!;
const bodyOf = (id: string): string => parsed.find((p) => p.data.id === id)!.body;

const WU_2012 = '2012-11-28-wu-haitao-iom-council';
const PRESS_2014 = '2014-05-iom-swing-migration-governance-china';
const KE_2021 = '2021-03-ke-yousheng-gcm-review-asia-pacific';
const FORMATS = Object.keys(STATEMENT_FORMATS) as StatementFormat[];

describe('CITATION.cff', () => {
  it('carries the current edition of content/editions.yaml: its version and the day it was released', () => {
    const cff = load(readFileSync(join(ROOT, 'CITATION.cff'), 'utf8')) as Record<string, unknown>;
    const current = currentEdition(readEditions(join(ROOT, 'content', 'editions.yaml')));
    expect(cff['version']).toBe(current.version);
    expect(cff['date-released']).toBe(current.date);
  });
});

describe('buckets', () => {
  it('name a statement by the first 10 bits of the SHA-256 of its id, as 3 hex digits', () => {
    expect(BUCKET_BITS).toBe(10);
    for (const s of corpus.statements) {
      const hex = createHash('sha256').update(s.data.id).digest('hex');
      expect(bucketOf(s.data.id)).toBe((parseInt(hex.slice(0, 3), 16) >> 2).toString(16).padStart(3, '0'));
      expect(bucketPath(bucketOf(s.data.id))).toMatch(/^\/data\/statements\/[0-3][0-9a-f]{2}\.json\.gz$/u);
    }
  });

  it('are at most 1,024 however many statements there are: 10,000 ids fill them about evenly', () => {
    const sizes = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const b = bucketOf(`2020-01-01-statement-${i}`);
      sizes.set(b, (sizes.get(b) ?? 0) + 1);
    }
    expect(sizes.size).toBeLessThanOrEqual(1024);
    expect(sizes.size).toBeGreaterThan(1000);
    // About 10 statements a bucket; none much fuller, so no bucket costs a reader much more than another.
    expect(Math.max(...sizes.values())).toBeLessThan(30);
  });

  it('hold each statement once, under its id, and only their own statements', () => {
    const all = [...buckets(corpus).entries()];
    expect(all.flatMap(([, list]) => list.map((s) => s.data.id)).sort()).toEqual(corpus.statements.map((s) => s.data.id).sort());
    for (const [bucket, list] of all) {
      const json = JSON.parse(bucketJson(corpus, bucket, SITE)) as Record<string, StatementEntry>;
      expect(Object.keys(json)).toEqual(list.map((s) => s.data.id).sort());
      for (const id of Object.keys(json)) expect(json[id]).toEqual(JSON.parse(JSON.stringify(entry(id))));
    }
  });
});

describe('a statement entry', () => {
  it('carries the edition, the licence, the page, the frontmatter, and blocks with ids, ¶ numbers and content hashes', () => {
    const e = entry(WU_2012);
    expect(e.edition).toEqual({ version: '1.0', date: '2026-12-01' });
    expect(e.url).toBe(`${SITE}statements/${WU_2012}/`);
    expect(e.licence.spdx).toBe('CC-BY-4.0');
    expect(e.metadata.history[0]!.edition).toBe('1.0');
    expect(e.speaker?.name).toBe('Wu Haitao');
    expect(e.labels.type).toBe('Statement');
    expect(e.blocks.map((b) => b.n)).toEqual(e.blocks.map((_, i) => i + 1));
    for (const b of e.blocks) expect(b.hash).toBe(blockHash(b.text));
    expect(e.citations.text).toContain('Migration Statements, edition 1.0');
    expect(e.citations.bibtex).toMatch(/^@[a-z]+\{2012-11-28-wu-haitao-iom-council,/u);
    expect(e.citations.ris).toMatch(/^TY {2}- /u);
    expect(e.citations.csl['id']).toBe(WU_2012);
  });

  it('holds the raw source whose UTF-8 bytes are the file received, byte for byte (its SHA-256 is the metadata’s)', () => {
    for (const e of entries) {
      const bytes = Buffer.from(e.source.text, 'utf8');
      expect(bytes.equals(readFileSync(join(CONTENT, 'sources', e.source.file))), e.id).toBe(true);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(e.metadata.source.sha256);
    }
  });
});

describe('the downloads of a statement', () => {
  it('are named after the statement id, one per format', () => {
    expect(FORMATS.map((f) => statementFile(entry(WU_2012), f).name)).toEqual([
      `${WU_2012}.tei.xml`,
      `${WU_2012}.txt`,
      `${WU_2012}.md`,
      `${WU_2012}.json`,
      `${WU_2012}.source.txt`,
    ]);
  });

  it('TEI: the same document as the statement’s TEI element in the corpus file, with the edition in editionStmt', () => {
    const corpusTei = teiCorpus(
      corpus.statements.map((s) => statementDocument(s, corpus.edition, SITE)),
      SITE,
      corpus.edition,
    );
    for (const e of entries) {
      const doc = statementFile(e, 'tei').body;
      expect(doc).toBe(
        teiDocument(
          statementDocument(
            corpus.statements.find((s) => s.data.id === e.id)!,
            corpus.edition,
            SITE,
          ),
        ),
      );
      expect(corpusTei).toContain(`\n${teiMember(doc)}\n`);
      expect(doc).toContain(
        '<editionStmt>\n        <edition n="1.0">Edition 1.0, <date when="2026-12-01">1 December 2026</date></edition>',
      );
      // Every block: its id for life in xml:id, its ¶ number in n.
      for (const b of e.blocks) expect(doc).toContain(`xml:id="statement-${e.id}.${b.id}" n="${b.n}"`);
    }
    expect(corpusTei).toContain('<editionStmt>\n        <edition n="1.0">');
  });

  it('TEI: the edition report names blocks by their ¶ number, found from their id (an id is not a ¶ number)', () => {
    const e = entry(KE_2021);
    const list = e.metadata.edition.lists[0]!;
    // The same statement, its blocks renumbered as if a paragraph had been inserted before them: ids stay, ¶ numbers move.
    const moved = { ...e, blocks: e.blocks.map((b) => ({ ...b, n: b.n + 1 })) };
    const n = e.blocks.find((b) => b.id === list.firstBlock)!.n;
    expect(teiDocument(e)).toContain(`<ref target="#statement-${e.id}.${list.firstBlock}">¶${n}</ref>`);
    expect(teiDocument(moved)).toContain(`<ref target="#statement-${e.id}.${list.firstBlock}">¶${n + 1}</ref>`);
  });

  it('plain text: title, metadata line, edition line, then each block after a blank line as “¶n text”', () => {
    const text = statementText(entry(WU_2012));
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'Statement by Ambassador Wu Haitao, Head of the Chinese Delegation, at the General Debate, 101st Session of the Council, IOM',
      'Wu Haitao, on behalf of China · Statement · General Debate, 101st Session of the IOM Council · Geneva · 28 November 2012',
      `Migration Statements, edition 1.0 (1 December 2026): ${SITE}statements/${WU_2012}/`,
      '',
      '¶1 Mr. President, Director General Swing,',
    ]);
    expect(text.endsWith('\n')).toBe(true);
    const blocks = text.split('\n\n').slice(1);
    expect(blocks).toHaveLength(entry(WU_2012).blocks.length);
    blocks.forEach((b, i) => expect(b.trimEnd()).toBe(`¶${i + 1} ${entry(WU_2012).blocks[i]!.text}`));
  });

  it('plain text: list items keep their number or bullet; facts the edition inferred are in square brackets', () => {
    const e = entry(KE_2021);
    const text = statementText(e);
    const item = e.blocks.find((b) => b.kind === 'ordered-item')!;
    expect(text).toContain(`\n¶${item.n} ${item.number}. ${item.text}\n`);
    expect(metadataLine(entry(PRESS_2014))).toBe(
      'William Lacy Swing, on behalf of IOM · Press release · Visit to China, including the fourth CICA summit (Shanghai), the International Forum of Immigration Inspection (Shenzhen) and the launch of the Chinese edition of the World Migration Report (Beijing) · Shanghai, Shenzhen and Beijing · [May 2014]',
    );
  });

  it('Markdown: after a header without YAML, the blocks are the edition’s own Markdown, byte for byte, with their {#id} markers', () => {
    for (const e of entries) {
      const md = statementMarkdown(e);
      expect(md.startsWith(`# ${markdownText(e.metadata.title)}\n\n`)).toBe(true);
      const [head, body] = md.split('\n\n---\n\n');
      expect(head).toContain(`<${e.url}>`);
      expect(body).toBe(bodyOf(e.id));
      expect(blocksFromMarkdown(body!)).toEqual(e.blocks);
    }
  });

  it('Markdown: text that looks like Markdown or HTML is escaped, and reads back as the same blocks', () => {
    const texts = [
      '1. Not a list',
      '2) Nor this',
      '# Not a heading',
      '- not an item',
      '+ nor this',
      '> not a quote',
      '--- not a rule',
      '=== nor a heading underline',
      '| not a table |',
      'Stars *here* and __there__, `code`, [a link](https://example.org) and ![an image](x.png)',
      '<b>tags</b> <!-- comments --> and <https://example.org>',
      'Entities: &amp; &#169; &#x1F600; stay as written, & so does R&D',
      'A backslash \\ and one at the end \\',
      'Tildes ~~struck~~ and braces {#p-3}',
      'Text ending in a marker {#p-9}',
    ];
    const blocks = texts.map((text, i) => ({
      id: `p-${i + 1}`,
      n: i + 1,
      hash: blockHash(text),
      kind: 'paragraph' as const,
      text,
      list: null,
      number: null,
    }));
    const md = markdownBody(blocks);
    expect(blocksFromMarkdown(md)).toEqual(blocks);
    expect(parsedBlocks(md)).toEqual(blocks);
    // Headings and items too, and two lists of one kind one after the other stay two lists.
    const mixed = [
      { id: 'p-1', n: 1, kind: 'heading' as const, text: '# I. Heading', list: null, number: null },
      { id: 'p-2', n: 2, kind: 'ordered-item' as const, text: '1. nested?', list: 0, number: 3 },
      { id: 'p-3', n: 3, kind: 'ordered-item' as const, text: 'four', list: 0, number: 4 },
      { id: 'p-4', n: 4, kind: 'ordered-item' as const, text: 'again one', list: 1, number: 1 },
      { id: 'p-5', n: 5, kind: 'bullet-item' as const, text: '- a bullet', list: 2, number: null },
      { id: 'p-6', n: 6, kind: 'bullet-item' as const, text: 'another list', list: 3, number: null },
      { id: 'p-7', n: 7, kind: 'paragraph' as const, text: 'After the lists.', list: null, number: null },
    ].map((b) => ({ ...b, hash: blockHash(b.text) }));
    expect(parsedBlocks(markdownBody(mixed))).toEqual(mixed);
    expect(blocksFromMarkdown(markdownBody(mixed))).toEqual(mixed);
  });

  it('JSON: the statement’s entry as its bucket file holds it', () => {
    const e = entry(WU_2012);
    const file = statementFile(e, 'json');
    expect(file.type).toBe('application/json');
    expect(JSON.parse(file.body)).toEqual(JSON.parse(JSON.stringify(e)));
    expect(Object.keys(JSON.parse(file.body) as object)).toEqual([
      'id',
      'url',
      'edition',
      'licence',
      'metadata',
      'speaker',
      'labels',
      'citations',
      'blocks',
      'source',
    ]);
  });

  it('raw source: the file as received', () => {
    for (const e of entries) expect(statementFile(e, 'source').body).toBe(readFileSync(join(CONTENT, 'sources', e.source.file), 'utf8'));
  });
});

describe('the module the browser loads', () => {
  /** The modules statement-files.ts imports for their values (type-only imports are erased), recursively. */
  function valueImports(entry: string): string[] {
    const seen = new Set<string>();
    const specifiers = new Set<string>();
    const stack = [resolve(ROOT, entry)];
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import (?!type\b)([^;]*?) from '([^']+)';/gmu)) {
        const names = m[1]!.replace(/[{}\s]/gu, '').split(',');
        if (names.every((n) => n.startsWith('type'))) continue;
        const spec = m[2]!;
        if (spec.startsWith('.')) {
          const path = resolve(dirname(file), spec);
          specifiers.add(path.slice(ROOT.length + 1));
          stack.push(path);
        } else specifiers.add(spec);
      }
    }
    return [...specifiers].sort();
  }

  it('imports nothing that needs Node, the corpus view or the schemas (zod): Vite bundles it small for the browser', () => {
    const imports = valueImports('src/client/downloads.ts');
    expect(imports).toEqual([
      'src/client/gunzip.ts',
      'src/downloads/statement-files.ts',
      'src/downloads/tei.ts',
      'src/edition/block-ids.ts',
      'src/edition/dates.ts',
      'src/edition/xml.ts',
      'src/site/site.ts',
    ]);
  });
});
