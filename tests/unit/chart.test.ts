/**
 * The trends chart's geometry (a time axis, a y axis close above the data),
 * its escaping of terms a reader types, and the CSV of its table as a
 * reader's tools read it (Python's csv module and pandas).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chartGeometry, timeline, trendSvg, wrapText, yAxis } from '../../src/analysis/chart.ts';
import { trendFigureHtml } from '../../src/analysis/trend-figure.ts';
import { type TrendTable, trendCsv, trendTable } from '../../src/analysis/trend-table.ts';
import { droppedMessage, parseTerms, termsSlug } from '../../src/client/trends.ts';

const YEARS = ['2010', '2012', '2014', '2021', '2023'];

/** A table over the fixture's years with the given rates per term (counts and words made up to match). */
function table(series: Record<string, number[]>, labels: string[] = YEARS): TrendTable {
  const groups = labels.map((label) => ({ key: `k${label}`, label }));
  const trends = Object.entries(series).map(([term, rates]) => ({
    term,
    cells: Object.fromEntries(groups.map((g, i) => [g.key, { count: Math.round(rates[i]! / 10), words: 1000 + i, per10k: rates[i]! }])),
  }));
  return trendTable('By year', 'Year', trends, groups);
}

/** The numbers in an attribute of every element matching a tag and class in an SVG string. */
function texts(svg: string): { x: number; y: number; text: string }[] {
  return [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"[^>]*>([^<]*)<\/text>/gu)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    text: m[3]!,
  }));
}

describe('chart geometry', () => {
  it('puts the years on a time axis: x distances proportional to the years between them', () => {
    for (const variant of ['wide', 'narrow', 'standalone'] as const) {
      const g = chartGeometry(table({ a: [1, 2, 3, 4, 5] }), variant);
      const perYear = (g.xs[4]! - g.xs[0]!) / 13;
      expect(g.xs[1]! - g.xs[0]!).toBeCloseTo(2 * perYear, 6);
      expect(g.xs[3]! - g.xs[2]!).toBeCloseTo(7 * perYear, 6);
      expect(g.xs[4]! - g.xs[3]!).toBeCloseTo(2 * perYear, 6);
      expect(g.xs[0]).toBe(g.plot.left);
      expect(g.xs[4]).toBe(g.plot.right);
    }
  });

  it('labels the years where they are on the axis, in the SVG drawn', () => {
    const svg = trendSvg(table({ a: [1, 2, 3, 4, 5] }), { id: 'c', variant: 'wide' });
    const g = chartGeometry(table({ a: [1, 2, 3, 4, 5] }), 'wide');
    const ticks = texts(svg).filter((t) => YEARS.includes(t.text));
    expect(ticks.map((t) => t.text)).toEqual(YEARS);
    ticks.forEach((t, i) => expect(t.x).toBeCloseTo(g.xs[i]!, 0));
  });

  it('marks the years without statements, and draws the lines across them apart', () => {
    expect(timeline(YEARS).gaps).toEqual([
      { after: 0, from: 2011, to: 2011 },
      { after: 1, from: 2013, to: 2013 },
      { after: 2, from: 2015, to: 2020 },
      { after: 3, from: 2022, to: 2022 },
    ]);
    expect(timeline(['2010', '2011', '2012']).gaps).toEqual([]);
    const consecutive = trendSvg(table({ a: [1, 2, 3] }, ['2010', '2011', '2012']), { id: 'c', variant: 'wide' });
    expect(consecutive).not.toContain('no statements');
    expect(consecutive).not.toContain('stroke-opacity');
    const svg = trendSvg(table({ a: [1, 2, 3, 4, 5] }), { id: 'c', variant: 'wide' });
    // 2015–2020 is wide enough to say so; every gap is hatched; the line across a gap is pale.
    expect(svg.match(/>no statements</gu)).toHaveLength(1);
    expect(svg.match(/fill="url\(#c-hatch\)"/gu)).toHaveLength(4);
    expect(svg).toMatch(/stroke-width="1.75" stroke-opacity="0.7"/u);
    expect(svg).toContain('No statements in 2011, 2013, 2015–2020, 2022');
  });

  it('spaces groups that are not years evenly, with no gaps', () => {
    const g = chartGeometry(table({ a: [1, 2, 3] }, ['Wu', 'Chen', 'Ke']), 'wide');
    expect(g.xs[1]! - g.xs[0]!).toBeCloseTo(g.xs[2]! - g.xs[1]!, 6);
    expect(g.gaps).toEqual([]);
  });

  it('ends the y axis close above the data: within a quarter of the maximum, on a round step', () => {
    expect(yAxis(264)).toMatchObject({ max: 300 });
    expect(yAxis(155.2).max).toBe(160);
    expect(yAxis(0).max).toBe(1);
    for (let v = 0.07; v < 5e4; v *= 1.13) {
      const a = yAxis(v);
      expect(a.max, String(v)).toBeGreaterThanOrEqual(v);
      expect(a.max / v, String(v)).toBeLessThanOrEqual(1.25);
      expect(a.ticks.length).toBeGreaterThanOrEqual(4);
      expect(a.ticks.at(-1)).toBe(a.max);
      expect(a.ticks[0]).toBe(0);
    }
  });

  it('labels the y axis with its unit, and writes the ticks', () => {
    const svg = trendSvg(table({ a: [264, 0, 0, 0, 0] }), { id: 'c', variant: 'narrow' });
    const labels = texts(svg).map((t) => t.text);
    expect(labels).toContain('Occurrences per 10,000 words');
    expect(labels).toEqual(expect.arrayContaining(['0', '100', '200', '300']));
  });

  it('thins the year labels where they would overlap, keeping the last', () => {
    const labels = Array.from({ length: 14 }, (_, i) => String(2010 + i));
    const g = chartGeometry(table({ a: labels.map(() => 1) }, labels), 'narrow');
    expect(g.xTicks.length).toBeLessThan(14);
    expect(g.xTicks.at(-1)).toBe(13);
    for (let i = 1; i < g.xTicks.length; i++) expect(g.xs[g.xTicks[i]!]! - g.xs[g.xTicks[i - 1]!]!).toBeGreaterThanOrEqual(30);
  });
});

describe('trendSvg', () => {
  it('is an image with a title and a description that gives every number', () => {
    const svg = trendSvg(table({ trafficking: [145.8, 21.1] }, ['2010', '2011']), { id: 't', variant: 'wide' });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="t-title t-desc"/u);
    expect(svg).toContain('<title id="t-title">By year</title>');
    expect(svg).toContain('<desc id="t-desc">Occurrences per 10,000 words. trafficking: 2010 145.8, 2011 21.1.</desc>');
  });

  it('escapes terms typed by a reader, in the chart, its legend, the table and the downloads', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const t = table({ [hostile]: [1, 2, 3, 4, 5], '"&\'': [0, 0, 0, 0, 1] });
    for (const out of [
      trendSvg(t, { id: 'c', variant: 'wide' }),
      trendSvg(t, { id: 'c', variant: 'standalone' }),
      trendFigureHtml(t, { id: 'f', chart: true, files: { csv: '/a.csv', svg: '/a.svg', name: 'x' } }),
    ]) {
      expect(out).not.toContain('<img');
      expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(out).not.toContain('"&\'');
    }
  });

  it('as a file stands alone: namespace, size, colours and font written in, the legend wrapped and whole', () => {
    const long = 'human trafficking and the smuggling of migrants by sea';
    const svg = trendSvg(table({ [long]: [1, 2, 3, 4, 5], b: [5, 4, 3, 2, 1] }), { id: 'c', variant: 'standalone' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 640 (\d+)" width="640" height="\1"/u);
    expect(svg).not.toContain('var(');
    expect(svg).not.toMatch(/class="s\d"/u);
    expect(svg).toContain('font-family=');
    expect(svg).toMatch(/fill="#ffffff"/u);
    expect(texts(svg).map((x) => x.text)).toEqual(expect.arrayContaining(['By year', 'Occurrences per 10,000 words']));
    // The legend is the term whole, maybe over several lines, never cut with an ellipsis.
    expect(svg).not.toContain('…');
    const legend = texts(svg).filter((x) => x.x === 52);
    expect(legend.map((x) => x.text).join(' ')).toContain(long);
  });

  it('wraps text at spaces, cutting only a word longer than a line', () => {
    expect(wrapText('human trafficking and smuggling', 13)).toEqual(['human', 'trafficking', 'and smuggling']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('trendCsv', () => {
  const t = table({ 'Global Compact, "GCM"': [155.2, 0, 3, 0, 12.5], '=SUM(A1)': [0, 1, 0, 0, 0] });
  const csv = trendCsv(t);
  const dir = mkdtempSync(join(tmpdir(), 'trend-csv-'));
  const file = join(dir, 'by-year.csv');
  writeFileSync(file, csv);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has a header row and one row per year and term, quoted as RFC 4180 says, CRLF line ends', () => {
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('year,term,count,per_10000_words,words');
    expect(lines).toHaveLength(1 + 5 * 2 + 1);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toBe('2010,"Global Compact, ""GCM""",16,155.2,1000');
    // A formula-like term is kept from running in a spreadsheet.
    expect(lines[2]).toBe("2010,'=SUM(A1),0,0.0,1000");
    expect(csv).not.toMatch(/[^\r]\n/u);
  });

  it('reads back in Python’s csv module', () => {
    const r = spawnSync(
      'python3',
      ['-c', 'import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))))', file],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as string[][];
    expect(rows[1]).toEqual(['2010', 'Global Compact, "GCM"', '16', '155.2', '1000']);
  });

  const pandasPython = ['python3', '/usr/bin/python3'].find((py) => spawnSync(py, ['-c', 'import pandas']).status === 0);
  it.skipIf(!pandasPython && !process.env['CI'])(
    'reads back with pandas defaults: the columns, the terms whole, the numbers as numbers',
    () => {
      const program = [
        'import json, sys, pandas as pd',
        'df = pd.read_csv(sys.argv[1])',
        'print(json.dumps({"columns": list(df.columns), "dtypes": [str(d) for d in df.dtypes], "rows": len(df), "terms": sorted(set(df["term"])), "total": float(df["per_10000_words"].sum())}))',
      ].join('\n');
      const r = spawnSync(pandasPython ?? 'python3', ['-c', program, file], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({
        columns: ['year', 'term', 'count', 'per_10000_words', 'words'],
        dtypes: ['int64', 'object', 'int64', 'float64', 'int64'],
        rows: 10,
        terms: ["'=SUM(A1)", 'Global Compact, "GCM"'],
        total: 155.2 + 3 + 12.5 + 1,
      });
    },
  );
});

describe('parseTerms', () => {
  it('keeps the first four different terms and says which were left out', () => {
    expect(parseTerms(' GCM, Global Compact ,, x')).toEqual({ terms: ['GCM', 'Global Compact', 'x'], dropped: [] });
    const five = parseTerms('a, b, a, c, d, e');
    expect(five).toEqual({ terms: ['a', 'b', 'c', 'd'], dropped: ['e'] });
    expect(droppedMessage(five.dropped)).toBe(' At most four terms are compared: “e” was left out.');
    expect(droppedMessage(['e', 'f'])).toBe(' At most four terms are compared: “e”, “f” were left out.');
    expect(droppedMessage([])).toBe('');
  });

  it('names files after the terms', () => {
    expect(termsSlug(['Global Compact', '<img src=x>'])).toBe('global-compact-img-src-x');
    expect(termsSlug(['***'])).toBe('terms');
  });
});
