/**
 * Over the built sites (content/ → dist/, tests/fixtures/content/ →
 * dist-fixture/): the per-statement JSON that "Download this statement"
 * builds its files from. Every statement is in its bucket and only there; its
 * paragraphs have the ids, ¶ numbers and hashes of corpus.json.gz and
 * paragraphs.csv.gz; the TEI the page builds from it is the statement's TEI
 * element in statements.tei.xml.gz and valid TEI P5 for jing; its source is the
 * file received; its citations are those of the citation files; and every
 * export names the current edition.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load as loadHtml } from 'cheerio';
import { load as loadYaml } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLES } from '../../src/downloads/bundles.ts';
import { readText } from '../helpers/data-files.ts';
import { bucketOf, bucketPath } from '../../src/downloads/statement-entries.ts';
import { type Bucket, statementFile } from '../../src/downloads/statement-files.ts';
import { teiMember } from '../../src/downloads/tei.ts';
import { FIXTURE_SITE, LIVE_SITE, ROOT, type Site } from '../helpers/content.ts';
import { csvRows } from '../invariants/data.ts';

const SCHEMA = join(ROOT, '../shared/reference/tei/tei_all.rng');
const hasJing = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;
// CI installs jing (.ci/run) and has the schema beside the clone: there the check must run, not skip.
if (process.env['CI'] && (!hasJing || !existsSync(SCHEMA))) throw new Error(`CI: jing and ${SCHEMA} must be present`);

const temp = mkdtempSync(join(tmpdir(), 'statement-downloads-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface CorpusJson {
  edition: { version: string; date: string };
  statements: ({
    id: string;
    url: string;
    paragraphs: { id: string; n: number; hash: string; kind: string; number: number | null; text: string }[];
  } & Record<string, unknown>)[];
}

/** What the tests read of one built site, read when a test first asks. */
function downloadsOf(site: Site) {
  // The gzipped files decompressed, as a user's tools read them (helpers/data-files.ts).
  const read = (p: string) => readText(join(site.dist, p));
  const ids = readdirSync(join(site.content, 'statements'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => n.replace(/\.md$/u, ''))
    .sort();
  const bucketFiles = readdirSync(join(site.dist, 'data', 'statements')).sort();
  const buckets = new Map(bucketFiles.map((f) => [f.replace(/\.json\.gz$/u, ''), JSON.parse(read(`data/statements/${f}`)) as Bucket]));
  const entryOf = (id: string) => buckets.get(bucketOf(id))![id]!;
  const corpus = JSON.parse(read('data/corpus.json.gz')) as CorpusJson;
  const editions = loadYaml(readFileSync(join(site.content, 'editions.yaml'), 'utf8')) as { version: string; date: string }[];
  return { read, ids, bucketFiles, buckets, entryOf, corpus, current: editions.at(-1)! };
}

describe.each([LIVE_SITE, FIXTURE_SITE])('the per-statement downloads of the $name site', (site) => {
  let cached: ReturnType<typeof downloadsOf> | undefined;
  const got = () => (cached ??= downloadsOf(site));

  it('puts every statement in its bucket file, once, and nothing else in any: at most 1,024 files', () => {
    const { ids, bucketFiles, buckets } = got();
    expect(bucketFiles.length).toBeLessThanOrEqual(1024);
    expect(bucketFiles.every((f) => /^[0-3][0-9a-f]{2}\.json\.gz$/u.test(f))).toBe(true);
    expect(bucketFiles).toEqual([...new Set(ids.map((id) => `${bucketOf(id)}.json.gz`))].sort());
    for (const [bucket, members] of buckets) {
      expect(Object.keys(members).sort()).toEqual(ids.filter((id) => bucketOf(id) === bucket));
      for (const [id, e] of Object.entries(members)) expect(e.id).toBe(id);
    }
  });

  it('gives each statement the paragraphs of corpus.json and paragraphs.csv: ids, ¶ numbers, hashes of their texts', () => {
    const { ids, entryOf, corpus } = got();
    const rows = csvRows(join(site.dist, 'data', 'paragraphs.csv.gz')).filter((r) => r['part'] === '1');
    for (const id of ids) {
      const e = entryOf(id);
      const c = corpus.statements.find((s) => s.id === id)!;
      expect(e.url).toBe(c.url);
      expect(e.blocks.map(({ id: bid, n, hash, kind, number, text }) => ({ id: bid, n, hash, kind, number, text }))).toEqual(c.paragraphs);
      expect(rows.filter((r) => r['statement_id'] === id).map((r) => [r['paragraph_id'], r['paragraph'], r['hash']])).toEqual(
        e.blocks.map((b) => [b.id, String(b.n), b.hash]),
      );
      for (const b of e.blocks)
        expect(b.hash, `${id} ${b.id}`).toBe(createHash('sha256').update(b.text, 'utf8').digest('hex').slice(0, 12));
      const { url: _url, paragraphs: _paragraphs, ...metadata } = c;
      expect(e.metadata).toEqual(metadata);
    }
  });

  it('builds from each entry the TEI element that statements.tei.xml.gz holds for the statement, byte for byte', () => {
    const { read, ids, entryOf } = got();
    const corpusTei = read('data/statements.tei.xml.gz');
    for (const id of ids) {
      const start = corpusTei.indexOf(`<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="statement-${id}"`);
      expect(start, id).toBeGreaterThan(0);
      const member = corpusTei.slice(start, corpusTei.indexOf('</TEI>', start) + '</TEI>'.length);
      expect(teiMember(statementFile(entryOf(id), 'tei').body)).toBe(member);
    }
  });

  it.skipIf(!hasJing || !existsSync(SCHEMA))(
    'builds from each entry a TEI document that is valid TEI P5 (tei_all) for jing',
    () => {
      const { ids, entryOf } = got();
      const files = ids.map((id) => {
        const file = statementFile(entryOf(id), 'tei');
        const path = join(temp, `${site.name}-${file.name}`);
        writeFileSync(path, file.body);
        return path;
      });
      const r = spawnSync('jing', [SCHEMA, ...files], { encoding: 'utf8', maxBuffer: 1 << 26 });
      expect(r.stdout.trim(), r.stdout.slice(0, 4000)).toBe('');
      expect(r.status).toBe(0);
    },
    120_000,
  );

  it('holds each raw source as received, and the citations of the corpus-wide citation files', () => {
    const { read, ids, entryOf } = got();
    const bib = read('data/statements.bib');
    const ris = read('data/statements.ris');
    const csl = JSON.parse(read('data/statements.csl.json')) as { id: string }[];
    for (const id of ids) {
      const e = entryOf(id);
      const bytes = Buffer.from(statementFile(e, 'source').body, 'utf8');
      expect(bytes.equals(readFileSync(join(site.content, 'sources', e.source.file))), id).toBe(true);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(e.metadata.source.sha256);
      expect(bib).toContain(e.citations.bibtex);
      expect(ris).toContain(e.citations.ris);
      expect(e.citations.csl).toEqual(csl.find((item) => item.id === id));
    }
  });

  it('names the current edition of editions.yaml in every export: corpus.json, datapackage.json, the TEI and each entry', () => {
    const { read, ids, entryOf, corpus, current } = got();
    expect(corpus.edition).toEqual({ version: current.version, date: current.date });
    expect((JSON.parse(read('data/datapackage.json')) as { version: string }).version).toBe(current.version);
    const tei = read('data/statements.tei.xml.gz');
    // The corpus header's and every statement's editionStmt.
    const stated = [...tei.matchAll(/<editionStmt>\s*<edition n="([^"]+)">Edition ([^,]+), <date when="([^"]+)">/gu)].map((m) =>
      m.slice(1),
    );
    expect(stated).toEqual(Array.from({ length: ids.length + 1 }, () => [current.version, current.version, current.date]));
    for (const id of ids) expect(entryOf(id).edition).toEqual({ version: current.version, date: current.date });
  });

  it('links each statement page to its bucket, and without JavaScript to the corpus-wide files that hold it', () => {
    const { read, ids } = got();
    for (const id of ids) {
      const $ = loadHtml(read(`statements/${id}/index.html`));
      const section = $('section[data-statement-downloads]');
      expect(section.find('h2').text()).toBe('Download this statement');
      expect(section.attr('data-bucket')).toBe(bucketPath(bucketOf(id)));
      expect(section.attr('data-statement')).toBe(id);
      // The buttons wait for the script; the links are there for everyone.
      expect(section.find('.built').attr('hidden')).toBeDefined();
      expect(section.find('button[data-format]').length).toBe(5);
      const hrefs = section
        .find('a')
        .toArray()
        .map((a) => $(a).attr('href'));
      expect(hrefs).toEqual(
        expect.arrayContaining([
          bucketPath(bucketOf(id)),
          BUNDLES.tei.href,
          BUNDLES.sources.href,
          '/data/corpus.json.gz',
          '/data/paragraphs.csv.gz',
        ]),
      );
      for (const href of hrefs) expect(existsSync(join(site.dist, new URL(href!, 'https://x/').pathname)), href).toBe(true);
    }
  });
});

describe('the per-statement downloads of the fixture site: the five seeds', () => {
  it('take five bucket files, one statement each', () => {
    const files = readdirSync(join(FIXTURE_SITE.dist, 'data', 'statements'));
    expect(files).toHaveLength(5);
    for (const f of files)
      expect(Object.keys(JSON.parse(readText(join(FIXTURE_SITE.dist, 'data', 'statements', f))) as object)).toHaveLength(1);
  });
});
