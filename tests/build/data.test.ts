/**
 * Over the built sites: every download parses in a standard tool (Python's
 * json, csv and xml modules, and a JSON Schema validator) and says what the
 * pages say. The checks derived from the data run over the live site (content/
 * → dist/) and the fixture's (tests/fixtures/content/ → dist-fixture/); the
 * exact figures (five statements, 20 occurrences of "cooperation", the
 * trafficking counts by year) over the fixture's only.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { concordance, termTrends } from '../../src/analysis/analysis.ts';
import { FIXTURE_SITE, LIVE_SITE, type Site, readBlocks, splitStatement } from '../helpers/content.ts';
import { readText } from '../helpers/data-files.ts';

/** A Python with pandas: the one on PATH, or Debian's (`python3-pandas`, which .ci/run installs; CI must have it). */
const pandasPython =
  ['python3', '/usr/bin/python3'].find((py) => spawnSync(py, ['-c', 'import pandas']).status === 0) ?? (process.env['CI'] ? 'python3' : '');

/** What the tests read of one built site: its downloads and the Markdown it was built from. */
function downloadsOf(site: Site) {
  const DIST = site.dist;
  const CONTENT = site.content;
  // The gzipped files decompressed, as a user's tools read them (helpers/data-files.ts).
  const read = (p: string) => readText(join(DIST, p));
  const corpus = JSON.parse(read('data/corpus.json.gz')) as {
    /** The site's address the build was given (http://localhost:4321/ for a local preview). */
    url: string;
    statements: { id: string; title: string; paragraphs: { id: string; n: number; text: string }[] }[];
  };
  const bodies = readdirSync(join(CONTENT, 'statements'))
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => ({
      id: n.replace(/\.md$/u, ''),
      blocks: readBlocks(splitStatement(readFileSync(join(CONTENT, 'statements', n), 'utf8')).body),
    }));
  /** Runs a short Python program on a file and returns its JSON output. */
  const python = (program: string, file: string, interpreter = 'python3'): unknown => {
    const r = spawnSync(interpreter, ['-c', program, join(DIST, file)], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`python3 on ${file}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const concordanceData = () =>
    JSON.parse(read('data/concordance.json.gz')) as {
      statements: { id: string; year: string; date: string; title: string; speaker: string; speakerId: string; dateLabel: string }[];
      paragraphs: [number, number, string, string][];
    };
  return { DIST, CONTENT, read, corpus, bodies, python, concordanceData };
}

describe.each([LIVE_SITE, FIXTURE_SITE])('the downloads of the $name site', (site) => {
  const { DIST, CONTENT, read, corpus, bodies, python, concordanceData } = downloadsOf(site);

  describe('corpus.json.gz', () => {
    it('validates against the generated JSON Schema', () => {
      const schema = JSON.parse(read('data/corpus.schema.json')) as object;
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      const validate = ajv.compile(schema);
      const ok = validate(corpus);
      expect(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
      expect(validate({ ...corpus, statements: [{ id: 'Not A Slug' }] })).toBe(false);
    });

    it('holds every paragraph of every statement, as the Markdown gives it', () => {
      expect(corpus.statements.map((s) => s.id).sort()).toEqual(bodies.map((b) => b.id).sort());
      for (const b of bodies) {
        const s = corpus.statements.find((x) => x.id === b.id)!;
        expect(s.paragraphs.map((p) => [p.id, p.text])).toEqual(b.blocks.map((x) => [x.id, x.text]));
      }
      expect(
        python('import gzip,json,sys; d=json.load(gzip.open(sys.argv[1])); print(json.dumps(len(d["statements"])))', 'data/corpus.json.gz'),
      ).toBe(bodies.length);
    });
  });

  describe('CSV files', () => {
    it('paragraphs.csv.gz parses back (Python gzip and csv) to the same paragraph texts, one row per paragraph', () => {
      const rows = python(
        'import csv,gzip,json,sys; r=list(csv.DictReader(gzip.open(sys.argv[1], "rt", newline="", encoding="utf-8"))); print(json.dumps([[x["statement_id"], x["paragraph_id"], x["text"], x["url"]] for x in r]))',
        'data/paragraphs.csv.gz',
      ) as string[][];
      const expected = corpus.statements.flatMap((s) => s.paragraphs.map((p) => [s.id, p.id, p.text]));
      expect(rows.map((r) => r.slice(0, 3))).toEqual(expected);
      expect(rows[0]![3]).toBe(`${corpus.url}statements/${corpus.statements[0]!.id}/#${corpus.statements[0]!.paragraphs[0]!.id}`);
    });

    it('statements.csv has one row per statement, and both headers are the data package fields', () => {
      const rows = python(
        'import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))))',
        'data/statements.csv',
      ) as string[][];
      expect(rows).toHaveLength(bodies.length + 1);
      const pkg = JSON.parse(read('data/datapackage.json')) as {
        resources: { name: string; path: string; schema: { fields: { name: string }[] } | string }[];
      };
      const fields = (name: string) =>
        (pkg.resources.find((r) => r.name === name)!.schema as { fields: { name: string }[] }).fields.map((f) => f.name);
      expect(rows[0]).toEqual(fields('statements'));
      const header = python(
        'import csv,gzip,json,sys; print(json.dumps(next(csv.reader(gzip.open(sys.argv[1], "rt", newline="", encoding="utf-8")))))',
        'data/paragraphs.csv.gz',
      );
      expect(header).toEqual(fields('paragraphs'));
      for (const r of pkg.resources) expect(existsSync(join(DIST, 'data', r.path)), r.path).toBe(true);
    });

    it.skipIf(!pandasPython)('each trends figure’s CSV reads in pandas as the table on its page; its SVG is a standalone image', () => {
      const figures = [
        ['trends/index.html', '#by-year', 'trends/by-year'],
        ['trends/index.html', '#by-speaker', 'trends/by-speaker'],
        ['themes/trafficking-and-smuggling/index.html', '#theme-trend', 'themes/trafficking-and-smuggling/by-year'],
      ];
      for (const [html, figure, file] of figures) {
        const $ = load(read(html!));
        const terms = $(`${figure} thead th`)
          .toArray()
          .map((th) => $(th).text())
          .slice(1, -1);
        // Each row of the table as the CSV's rows say it: group, term, "count (rate)", words.
        const shown = $(`${figure} tbody tr`)
          .toArray()
          .flatMap((tr) => {
            const cells = $(tr)
              .children()
              .toArray()
              .map((c) => $(c).text());
            return terms.map((t, k) => [cells[0], t, cells[1 + k], cells.at(-1)!.replace(/,/gu, '')]);
          });
        const csv = python(
          'import json,sys,pandas as pd; d=pd.read_csv(sys.argv[1]); print(json.dumps({"columns": list(d.columns), "rows": [[str(r[0]), r[1], f"{r[2]} ({r[3]:.1f})", str(r[4])] for r in d.itertuples(index=False)]}))',
          `${file}.csv`,
          pandasPython,
        ) as { columns: string[]; rows: string[][] };
        expect(csv.columns, file).toEqual([figure === '#by-speaker' ? 'speaker' : 'year', 'term', 'count', 'per_10000_words', 'words']);
        expect(csv.rows, file).toEqual(shown);
        if (figure === '#by-speaker') continue;
        const svg = python(
          'import json,sys,xml.etree.ElementTree as ET; r=ET.parse(sys.argv[1]).getroot(); print(json.dumps([r.tag, r.get("width"), [t.text for t in r.iter("{http://www.w3.org/2000/svg}text")]]))',
          `${file}.svg`,
        ) as [string, string, string[]];
        expect(svg[0]).toBe('{http://www.w3.org/2000/svg}svg');
        expect(Number(svg[1])).toBeGreaterThan(0);
        expect(svg[2]).toContain('Occurrences per 10,000 words');
        for (const t of terms) expect(svg[2].join(' ')).toContain(t);
        expect(read(`${file}.svg`)).not.toContain('var(');
      }
    });
  });

  describe('every statement in other formats (one file per format)', () => {
    it('statements.tei.xml.gz is one well-formed teiCorpus (Python gzip and xml.etree): each statement a TEI with its blocks under unique ids', () => {
      const program = [
        'import gzip, json, sys, xml.etree.ElementTree as ET',
        'T = "{http://www.tei-c.org/ns/1.0}"',
        'X = "{http://www.w3.org/XML/1998/namespace}id"',
        'root = ET.parse(gzip.open(sys.argv[1])).getroot()',
        'ids = [e.get(X) for e in root.iter() if e.get(X)]',
        'docs = {}',
        'for tei in root.findall(f"{T}TEI"):',
        '    body = tei.find(f"{T}text/{T}body")',
        '    title = "".join(tei.find(f"{T}teiHeader/{T}fileDesc/{T}titleStmt/{T}title").itertext())',
        '    blocks = [[e.get(X), e.get("n"), "".join(e.itertext()).strip()] for e in body.iter() if ".p-" in (e.get(X) or "")]',
        '    docs[tei.get(X)] = {"title": title, "blocks": blocks}',
        'print(json.dumps({"root": root.tag, "unique": len(ids) == len(set(ids)), "docs": docs}))',
      ].join('\n');
      const tei = python(program, 'data/statements.tei.xml.gz') as {
        root: string;
        unique: boolean;
        docs: Record<string, { title: string; blocks: string[][] }>;
      };
      expect(tei.root).toBe('{http://www.tei-c.org/ns/1.0}teiCorpus');
      expect(tei.unique).toBe(true);
      expect(Object.keys(tei.docs).sort()).toEqual(bodies.map((b) => `statement-${b.id}`).sort());
      for (const b of bodies) {
        const doc = tei.docs[`statement-${b.id}`]!;
        expect(doc.title).toBe(corpus.statements.find((s) => s.id === b.id)!.title);
        // xml:id carries the block's id for life, n its ¶ number (its place in reading order).
        expect(doc.blocks.map(([bid, n]) => [bid, n])).toEqual(b.blocks.map((x, i) => [`statement-${b.id}.${x.id}`, String(i + 1)]));
        doc.blocks.forEach(([, , text], i) => expect(text!.replace(/^\d+\.\s*/u, '')).toBe(b.blocks[i]!.text));
      }
    });

    it('statements.ris has one RIS record per statement and statements.csl.json one CSL-JSON item per statement', () => {
      const ris = read('data/statements.ris');
      const records = ris.split(/^ER {2}- \r\n/mu).filter((r) => r.trim() !== '');
      expect(records).toHaveLength(bodies.length);
      for (const r of records) expect(r.startsWith('TY  - ')).toBe(true);
      for (const b of bodies) expect(ris).toContain(`UR  - ${corpus.url}statements/${b.id}/\r\n`);
      const csl = python(
        'import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps([[x["id"], x["type"], x["URL"]] for x in d]))',
        'data/statements.csl.json',
      ) as string[][];
      expect(csl.map(([id]) => id).sort()).toEqual(bodies.map((b) => b.id).sort());
      for (const [id, type, url] of csl) {
        // A talk is a CSL speech, a press release a web page (src/downloads/csl.ts).
        expect(type).toMatch(/^(speech|webpage)$/u);
        expect(url).toBe(`${corpus.url}statements/${id}/`);
      }
    });

    it('statements.bib has one biblatex entry per statement (@unpublished for a talk, @online for a press release), keyed by its id', () => {
      const keys = [...read('data/statements.bib').matchAll(/^@(?:unpublished|online)\{([^,]+),\n/gmu)].map((m) => m[1]);
      expect(keys.sort()).toEqual(bodies.map((b) => b.id).sort());
    });

    it('sources.tar.gz (Python tarfile) holds every raw source and its metadata, byte for byte', () => {
      const files = python(
        'import json,sys,tarfile,hashlib; t=tarfile.open(sys.argv[1]); print(json.dumps({m.name: hashlib.sha256(t.extractfile(m).read()).hexdigest() for m in t.getmembers()}))',
        'data/sources.tar.gz',
      ) as Record<string, string>;
      // Every source and metadata file; not the locks beside them (ids for life), which the archive does not publish.
      const sources = readdirSync(join(CONTENT, 'sources'))
        .filter((n) => /\.(?:txt|yaml)$/u.test(n))
        .sort();
      expect(Object.keys(files).sort()).toEqual(sources.map((n) => `sources/${n}`));
      for (const n of sources) {
        expect(files[`sources/${n}`], n).toBe(
          createHash('sha256')
            .update(readFileSync(join(CONTENT, 'sources', n)))
            .digest('hex'),
        );
      }
    });
  });

  describe('analysis', () => {
    it('the concordance of "cooperation" has one line per occurrence in the Markdown, each in the right paragraph', () => {
      const data = concordanceData();
      const paragraphs = data.paragraphs.map(([s, n, id, text]) => ({ s, n, id, text }));
      const lines = concordance(paragraphs, ['cooperation']);
      let inMarkdown = 0;
      for (const b of bodies)
        for (const block of b.blocks)
          inMarkdown += (block.text.match(/(?<![\p{L}\p{N}'’-])cooperation(?![\p{L}\p{N}'’-])/giu) ?? []).length;
      expect(lines).toHaveLength(inMarkdown);
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) {
        const id = data.statements[l.s]!.id;
        const blocks = bodies.find((b) => b.id === id)!.blocks;
        const block = blocks.find((x) => x.id === l.id)!;
        expect(blocks.indexOf(block) + 1, `${id} ${l.id}`).toBe(l.n);
        expect(block.text).toContain(`${l.match}`);
        expect(block.text.replace(/\s+/gu, ' ')).toContain(`${l.left} ${l.match}`.trim());
      }
    });
  });
});

describe('the downloads of the fixture site: the five seeds’ exact figures', () => {
  const { read, corpus, python, concordanceData } = downloadsOf(FIXTURE_SITE);

  it('corpus.json.gz and statements.csv hold the five statements', () => {
    expect(corpus.statements).toHaveLength(5);
    expect(
      python('import gzip,json,sys; d=json.load(gzip.open(sys.argv[1])); print(json.dumps(len(d["statements"])))', 'data/corpus.json.gz'),
    ).toBe(5);
    const rows = python(
      'import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))))',
      'data/statements.csv',
    ) as string[][];
    expect(rows).toHaveLength(6);
  });

  it('the concordance of "cooperation" has its 20 lines', () => {
    const paragraphs = concordanceData().paragraphs.map(([s, n, id, text]) => ({ s, n, id, text }));
    expect(concordance(paragraphs, ['cooperation'])).toHaveLength(20);
  });

  it('the trend of "trafficking" by year matches a hand count of the texts', () => {
    const data = concordanceData();
    const paragraphs = data.paragraphs.map(([s, n, id, text]) => ({ s, n, id, text }));
    const years = ['2010', '2012', '2014', '2021', '2023'];
    const [t] = termTrends(paragraphs, ['trafficking'], (i) => data.statements[i]!.year, years);
    // Counted by hand in the five texts: 15 times "trafficking" in 2010 and once "counter-trafficking",
    // whose second word is "trafficking" (hyphens separate words: src/edition/text.ts).
    expect(years.map((y) => t!.cells[y]!.count)).toEqual([16, 1, 1, 0, 1]);
    const $ = load(read('trends/index.html'));
    const row2010 = $('#by-year tbody tr').first();
    expect(row2010.find('th').text()).toBe('2010');
    expect(row2010.find('td').eq(2).text()).toMatch(/^16 \(/u);
  });

  it('each statement page lists distinctive words linking to the concordance, and each theme page its terms by year', () => {
    const $ = load(read('statements/2010-03-02-swing-cbmm-training-beijing/index.html'));
    const words = $('.distinctive li a')
      .toArray()
      .map((a) => $(a).attr('href'));
    expect(words.length).toBeGreaterThan(3);
    expect(words).toContain('/concordance/?q=trafficking');
    const theme = load(read('themes/trafficking-and-smuggling/index.html'));
    expect(theme('#theme-trend svg.chart.wide[role="img"] title').text()).toBe('Terms of “Trafficking and smuggling” by year');
    expect(theme('#theme-trend svg.chart.narrow[role="img"] title').text()).toBe('Terms of “Trafficking and smuggling” by year');
    expect(theme('#theme-trend tbody tr').length).toBe(5);
  });
});
