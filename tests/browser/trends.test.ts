/**
 * The term-trend charts in Chromium, over the fixture's site (tests/fixtures/content/
 * → dist-fixture/, statements in 2010, 2012, 2014, 2021 and 2023): a time
 * axis, a labelled y axis, text legible on a phone, downloads (CSV, SVG, PNG)
 * with and without JavaScript, the message for a fifth term, and axe.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { useSite } from './use-site.ts';
import { FIXTURE_SITE } from '../helpers/content.ts';

const site = useSite(FIXTURE_SITE.dist);
const YEARS = [2010, 2012, 2014, 2021, 2023];
const CUSTOM = '/trends/?terms=trafficking,%20%22Global%20Compact%22';
const THEME = '/themes/trafficking-and-smuggling/';
/** The head of the table by year for the page's default terms (src/site/trends.ts). */
const DEFAULT_HEAD = ['Year', 'migration', 'cooperation', 'trafficking', 'development', 'Words'];

const tmp = mkdtempSync(join(tmpdir(), 'trends-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function open(
  path: string,
  opts: { colorScheme?: 'light' | 'dark'; width?: number; javaScriptEnabled?: boolean } = {},
): Promise<Page> {
  const context = await site.browser.newContext({
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: opts.width ?? 1280, height: 900 },
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(site.server.url + path);
  return page;
}

const counted = (page: Page) =>
  page.waitForFunction(() => /occurrences in all/u.test(document.getElementById('trends-status')?.textContent ?? ''));

/** The chart shown in a figure (the wide or the narrow drawing): its year ticks' centres and every text's drawn font size, in CSS px. */
function shownChart(page: Page, figure: string) {
  return page.locator(`${figure} svg.chart`).evaluateAll((svgs) => {
    const shown = (svgs as SVGSVGElement[]).filter((s) => s.getBoundingClientRect().width > 0);
    if (shown.length !== 1) throw new Error(`${shown.length} charts shown`);
    const svg = shown[0]!;
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')];
    return {
      variant: svg.classList.contains('wide') ? 'wide' : 'narrow',
      right: box.right,
      ticks: texts
        .filter((t) => /^\d{4}$/u.test(t.textContent ?? ''))
        .map((t) => {
          const r = t.getBoundingClientRect();
          return { year: Number(t.textContent), x: r.left + r.width / 2 };
        }),
      sizes: texts.map((t) => ({ text: t.textContent ?? '', px: parseFloat(getComputedStyle(t).fontSize) * scale })),
      axisLabel: texts.some((t) => t.textContent === 'Occurrences per 10,000 words' && t.getBoundingClientRect().width > 0),
    };
  });
}

/** A download's bytes. */
async function bytesOf(download: Download): Promise<Buffer> {
  return Buffer.concat(await (await download.createReadStream()).toArray());
}

/** Clicks a link and returns what it downloaded: the file's suggested name and bytes. */
async function download(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: file.suggestedFilename(), bytes: await bytesOf(file) };
}

/** A CSV as Python's csv module reads it (as a reader's script would). */
function csvRows(bytes: Buffer): string[][] {
  const file = join(tmp, `${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, bytes);
  const r = spawnSync(
    'python3',
    ['-c', 'import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))))', file],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[][];
}

/** The rows of a figure's table as shown: group, then per term "count (rate)". */
async function tableRows(page: Page, figure: string): Promise<string[][]> {
  return page.locator(`${figure} tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
}

describe('the chart', () => {
  it.each([1280, 375])('at %i px puts the years on a time axis: tick centres proportional to the years, within 1 px', async (width) => {
    const page = await open('/trends/', { width });
    for (const figure of ['#by-year']) {
      const chart = await shownChart(page, figure);
      expect(chart.variant).toBe(width >= 1000 ? 'wide' : 'narrow');
      expect(chart.ticks.map((t) => t.year)).toEqual(YEARS);
      const [first, last] = [chart.ticks[0]!, chart.ticks.at(-1)!];
      const perYear = (last.x - first.x) / (last.year - first.year);
      for (const t of chart.ticks)
        expect(Math.abs(t.x - (first.x + (t.year - first.year) * perYear)), String(t.year)).toBeLessThanOrEqual(1);
      // 2014 → 2021 is seven years wide, 2010 → 2012 two.
      expect((chart.ticks[3]!.x - chart.ticks[2]!.x) / (chart.ticks[1]!.x - chart.ticks[0]!.x)).toBeCloseTo(3.5, 1);
      expect(chart.axisLabel, 'the y axis label with its unit is shown').toBe(true);
    }
    // The hatched years without statements are said on the chart and in its legend.
    expect(await page.locator('#by-year svg.chart:visible text', { hasText: 'no statements' }).count()).toBe(1);
    await expect.poll(() => page.locator('#by-year .chart-legend li').last().textContent()).toMatch(/^Hatched: years with no statements/u);
    await page.context().close();
  });

  it('at 375 px draws no text smaller than 12 px and nothing wider than the screen, on the trends page and a theme page', async () => {
    for (const path of ['/trends/', CUSTOM, THEME]) {
      const page = await open(path, { width: 375 });
      if (path === CUSTOM) await counted(page);
      const figure = path === THEME ? '#theme-trend' : '#by-year';
      const chart = await shownChart(page, figure);
      expect(chart.variant).toBe('narrow');
      const smallest = chart.sizes.reduce((a, b) => (b.px < a.px ? b : a));
      expect(smallest.px, `"${smallest.text}" is drawn at ${smallest.px.toFixed(1)} px`).toBeGreaterThanOrEqual(12);
      const legend = await page.locator(`${figure} .chart-legend li`).evaluateAll((lis) =>
        lis.map((li) => ({
          px: parseFloat(getComputedStyle(li).fontSize),
          right: li.getBoundingClientRect().right,
          text: li.textContent,
        })),
      );
      expect(legend.length).toBeGreaterThan(0);
      for (const l of legend) {
        expect(l.px).toBeGreaterThanOrEqual(12);
        expect(l.right).toBeLessThanOrEqual(375);
      }
      expect(chart.right).toBeLessThanOrEqual(375);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.context().close();
    }
  });

  it('draws the terms asked for in the URL, with a legend that gives each term whole and a table that matches the texts', async () => {
    const page = await open(CUSTOM, { colorScheme: 'dark' });
    await counted(page);
    expect(await page.locator('#trends-status').textContent()).toBe('Showing: trafficking 19, "Global Compact" 2 occurrences in all.');
    expect(await page.locator('#by-year svg.chart.wide > g > g[class^="s"]').count()).toBe(2);
    expect(await page.locator('#by-year .chart-legend li').allTextContents()).toEqual([
      'trafficking',
      '"Global Compact"',
      expect.stringMatching(/^Hatched/u),
    ]);
    const firstRow = await page.locator('#by-year tbody tr').first().locator('td').allTextContents();
    expect(firstRow[0]).toMatch(/^16 \(/u);
    expect(await page.locator('#by-year svg.chart.wide desc').textContent()).toContain('trafficking: 2010 155.2');
    await page.context().close();
  });

  it('keeps a hostile term as text', async () => {
    const page = await open(`/trends/?terms=${encodeURIComponent('<img src=x onerror=alert(1)>, trafficking')}`);
    await counted(page);
    expect(await page.locator('#trends-output img').count()).toBe(0);
    expect(await page.locator('#by-year .chart-legend li').first().textContent()).toBe('<img src=x onerror=alert(1)>');
    await page.context().close();
  });
});

describe('a fifth term', () => {
  it('is left out, and the status line says which and why', async () => {
    const page = await open('/trends/?terms=migration,%20cooperation,%20trafficking,%20development,%20Global%20Compact');
    await counted(page);
    const status = page.locator('#trends-status[role="status"]');
    expect(await status.textContent()).toMatch(/occurrences in all\. At most four terms are compared: “Global Compact” was left out\.$/u);
    expect(await page.locator('#by-year thead th').allTextContents()).toEqual(DEFAULT_HEAD);
    await page.context().close();
  });
});

describe('downloads', () => {
  it('with JavaScript are of the chart and table shown: CSV, SVG and PNG named after the terms', async () => {
    const page = await open(CUSTOM);
    await counted(page);
    const shown = await tableRows(page, '#by-year');
    const csv = await download(page, '#by-year a.download-csv');
    expect(csv.name).toBe('trends-by-year-trafficking-global-compact.csv');
    const rows = csvRows(csv.bytes);
    expect(rows[0]).toEqual(['year', 'term', 'count', 'per_10000_words', 'words']);
    expect(rows).toHaveLength(1 + YEARS.length * 2);
    // The CSV is the table: each year's count and rate of each term, and its words.
    for (const [i, row] of shown.entries()) {
      const year = row[0]!;
      for (const [k, term] of ['trafficking', '"Global Compact"'].entries()) {
        const r = rows[1 + i * 2 + k]!;
        expect(r.slice(0, 2)).toEqual([year, term]);
        expect(`${r[2]} (${r[3]})`).toBe(row[1 + k]);
        expect(Number(r[4]).toLocaleString('en')).toBe(row[3]);
      }
    }
    const svg = await download(page, '#by-year a.download-svg');
    expect(svg.name).toBe('trends-by-year-trafficking-global-compact.svg');
    const svgText = svg.bytes.toString('utf8');
    expect(svgText).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/u);
    expect(svgText).toContain('&quot;Global Compact&quot;');
    expect(svgText).not.toContain('var(');
    await page.locator('#by-year a.download-png').waitFor({ state: 'visible' });
    const png = await download(page, '#by-year a.download-png');
    expect(png.name).toBe('trends-by-year-trafficking-global-compact.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Drawn at twice the SVG's size.
    const svgWidth = Number(/width="(\d+)"/u.exec(svgText)![1]);
    expect(png.bytes.readUInt32BE(16)).toBe(2 * svgWidth);
    // The table by speaker has its CSV (no chart, so no SVG or PNG).
    const bySpeaker = await download(page, '#by-speaker a.download-csv');
    expect(csvRows(bySpeaker.bytes)[0]).toEqual(['speaker', 'term', 'count', 'per_10000_words', 'words']);
    expect(await page.locator('#by-speaker a.download-svg, #by-speaker a.download-png').count()).toBe(0);
    await page.context().close();
  });

  it.each(['/trends/?terms=whatever', THEME])(
    'without JavaScript are static files on %s: the CSV and the SVG of the default chart',
    async (path) => {
      const page = await open(path, { javaScriptEnabled: false });
      const figure = path === THEME ? '#theme-trend' : '#by-year';
      if (path !== THEME) expect(await page.locator('#by-year thead th').allTextContents()).toEqual(DEFAULT_HEAD);
      const shown = await tableRows(page, figure);
      const csv = await download(page, `${figure} a.download-csv`);
      expect(csv.name).toMatch(/by-year\.csv$/u);
      const rows = csvRows(csv.bytes);
      expect(rows[0]).toEqual(['year', 'term', 'count', 'per_10000_words', 'words']);
      const terms = (await page.locator(`${figure} thead th`).allTextContents()).slice(1, -1);
      expect(rows).toHaveLength(1 + YEARS.length * terms.length);
      expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual(shown.flatMap((row) => terms.map((t) => [row[0], t])));
      const svg = await download(page, `${figure} a.download-svg`);
      expect(svg.name).toMatch(/by-year\.svg$/u);
      const svgText = svg.bytes.toString('utf8');
      expect(svgText).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/u);
      for (const t of terms) expect(svgText).toContain(`>${t.replace(/"/gu, '&quot;')}<`);
      expect(await page.locator(`${figure} a.download-png`).isVisible()).toBe(false);
      await page.context().close();
    },
  );

  it('with JavaScript add the PNG of the default chart, drawn from its static SVG when asked for', async () => {
    const page = await open(THEME);
    await page.locator('#theme-trend a.download-png').waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');
    // Nothing is fetched or drawn for a reader who does not ask for the PNG.
    const svgFetched = () =>
      page.evaluate(() => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('/by-year.svg')).length);
    expect(await svgFetched()).toBe(0);
    const png = await download(page, '#theme-trend a.download-png');
    expect(png.name).toBe('theme-trafficking-and-smuggling-by-year.png');
    expect(await svgFetched()).toBe(1);
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await page.context().close();
  });
});

describe('axe', () => {
  for (const colorScheme of ['light', 'dark'] as const)
    for (const width of [375, 1280])
      it(`finds nothing on the trends page, with terms asked for, and a theme page (${colorScheme}, ${width} px)`, async () => {
        for (const path of ['/trends/', CUSTOM, THEME]) {
          const page = await open(path, { colorScheme, width });
          if (path === CUSTOM) await counted(page);
          await page.locator('a.download-png').first().waitFor({ state: 'visible' });
          expect(await axeViolations(page), path).toEqual([]);
          await page.context().close();
        }
      });
});
