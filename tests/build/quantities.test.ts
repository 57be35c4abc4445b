/**
 * One number per quantity, over the live site in dist/: a statement's word
 * count is the same on its page, in statements.csv, in corpus.json.gz and in the
 * trends table; a theme term's count on a statement page is what the
 * concordance lists for that statement and what the theme's chart adds up
 * for its year. Every expectation is derived from the built files, so it holds
 * for any corpus.
 */
import { readText } from '../helpers/data-files.ts';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { type CorpusParagraph, type CorpusStatement, concordance } from '../../src/analysis/analysis.ts';

const DIST = join(import.meta.dirname, '../../dist');
const read = (p: string): string => readFileSync(join(DIST, p), 'utf8');
const page = (path: string) => load(read(join(path, 'index.html')));

interface Statement {
  id: string;
  words: number;
  date: { value: string };
  themes: { id: string; how: string; terms: { term: string; count: number }[] }[];
}
const corpus = JSON.parse(readText(join(DIST, 'data/corpus.json.gz'))) as { statements: Statement[] };
const data = JSON.parse(readText(join(DIST, 'data/concordance.json.gz'))) as {
  statements: CorpusStatement[];
  paragraphs: [number, number, string, string][];
};
const paragraphs: CorpusParagraph[] = data.paragraphs.map(([s, n, id, text]) => ({ s, n, id, text }));
const yearOf = (s: Statement): string => s.date.value.slice(0, 4);

/** statements.csv as Python's csv module reads it: id → words. */
function csvWords(): Map<string, number> {
  const program =
    'import csv,json,sys; print(json.dumps({r["statement_id"]: int(r["words"]) for r in csv.DictReader(open(sys.argv[1], newline=""))}))';
  const r = spawnSync('python3', ['-c', program, join(DIST, 'data/statements.csv')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return new Map(Object.entries(JSON.parse(r.stdout) as Record<string, number>));
}

/** A number as the pages print it ("1,031") read back. */
const num = (text: string): number => Number(text.replace(/,/gu, ''));

/** The rows of a TermTrends table: group label → column header → cell text. */
function trendTable($: ReturnType<typeof load>, figureId: string): Map<string, Map<string, string>> {
  const headers = $(`#${figureId} thead th`)
    .toArray()
    .map((th) => $(th).text().trim());
  const rows = new Map<string, Map<string, string>>();
  $(`#${figureId} tbody tr`).each((_, tr) => {
    const cells = $(tr).children().toArray();
    rows.set($(cells[0]).text().trim(), new Map(cells.map((c, i) => [headers[i]!, $(c).text().trim()])));
  });
  return rows;
}

describe('a statement’s word count', () => {
  const csv = csvWords();
  it.each(corpus.statements.map((s) => [s.id, s] as const))('%s: the same on its page, in statements.csv and corpus.json', (id, s) => {
    const length = page(`statements/${id}`)('.facts dt:contains("Length") + dd').text();
    expect(num(/^([\d,]+) words/u.exec(length)![1]!)).toBe(s.words);
    expect(csv.get(id)).toBe(s.words);
  });

  it('adds up, year by year, to the Words column of the trends table', () => {
    const table = trendTable(page('trends'), 'by-year');
    const byYear = new Map<string, number>();
    for (const s of corpus.statements) byYear.set(yearOf(s), (byYear.get(yearOf(s)) ?? 0) + s.words);
    expect(table.size).toBe(byYear.size);
    for (const [year, words] of byYear) expect(num(table.get(year)!.get('Words')!), year).toBe(words);
  });

  it('adds up, speaker by speaker, to the Words column of the by-speaker table', () => {
    const table = trendTable(page('trends'), 'by-speaker');
    const total = [...table.values()].reduce((sum, row) => sum + num(row.get('Words')!), 0);
    expect(total).toBe(corpus.statements.reduce((sum, s) => sum + s.words, 0));
  });
});

describe('a theme term’s count', () => {
  const matched = corpus.statements.flatMap((s) =>
    s.themes.filter((t) => t.how === 'matched').flatMap((t) => t.terms.map((term) => ({ s, theme: t.id, ...term }))),
  );

  it('is listed on the statement page beside the theme', () => {
    for (const m of matched) {
      const terms = page(`statements/${m.s.id}`)(`.facts a[href="/themes/${m.theme}/"] + .theme-terms`).text();
      expect(terms, `${m.s.id} ${m.theme}`).toContain(`“${m.term}” ×${m.count.toLocaleString('en')}`);
    }
  });

  it('equals the concordance’s lines for that term in that statement', () => {
    for (const m of matched) {
      const index = data.statements.findIndex((d) => d.id === m.s.id);
      const lines = concordance(paragraphs, [m.term]).filter((l) => l.s === index);
      expect(lines.length, `${m.s.id} “${m.term}”`).toBe(m.count);
    }
  });

  it('adds up, year by year, to the theme chart’s table', () => {
    const themes = new Set(matched.map((m) => m.theme));
    for (const theme of themes) {
      const table = trendTable(page(`themes/${theme}`), 'theme-trend');
      for (const [year, row] of table) {
        for (const [term, cell] of row) {
          if (term === 'Year' || term === 'Words') continue;
          const inYear = corpus.statements.filter((s) => yearOf(s) === year).map((s) => data.statements.findIndex((d) => d.id === s.id));
          const lines = concordance(paragraphs, [term]).filter((l) => inYear.includes(l.s));
          expect(num(cell.split(' ')[0]!), `${theme} ${year} “${term}”`).toBe(lines.length);
        }
      }
    }
  });
});
