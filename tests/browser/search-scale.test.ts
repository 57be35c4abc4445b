/**
 * Search on a larger site (200 synthetic statements, built in a temporary
 * folder): results come a page at a time, only the statements shown are
 * downloaded, the counts come from Pagefind and say so when they are its
 * word-stem counts, and a phrase still shows only statements that contain it.
 * (Slow: it builds a site, about 15 s.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launchChromium } from '../../scripts/dev/chromium.ts';
import { type StaticServer, startServer } from '../../scripts/dev/serve.ts';
import { buildSyntheticSite, removeSyntheticSite, type SyntheticSite } from './synthetic-site.ts';

/** 40 statements hold the phrase, 40 others only its word stems ("corridor"); 5 and 5 the same for a rarer one. */
const PHRASE = 'We spoke of the zephyrine corridors of the region.';
const STEMS = 'Every zephyrine corridor was open.';
const RARE = 'The velvet harbours stood quiet.';
const RARE_STEMS = 'A velvet harbour stood quiet.';

let built: SyntheticSite | undefined;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Fragment files (one per statement) the page has asked for since it opened. */
let fragments: Set<string>;
/** Filter index files requested since the page opened. */
let filterFiles: Set<string>;

beforeAll(async () => {
  built = buildSyntheticSite({
    count: 200,
    plant: (i) => (i % 5 === 0 ? PHRASE : i % 5 === 1 ? STEMS : i % 40 === 2 ? RARE : i % 40 === 3 ? RARE_STEMS : null),
  });
  [server, browser] = await Promise.all([startServer(built.site), launchChromium()]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeSyntheticSite(built);
});

beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  fragments = new Set();
  filterFiles = new Set();
  page.on('request', (r) => {
    if (r.url().includes('.pf_fragment')) fragments.add(r.url());
    if (r.url().includes('.pf_filter')) filterFiles.add(r.url());
  });
});

async function search(query: string): Promise<void> {
  await page.goto(`${server.url}/search/?${query}`);
  await settled();
}

/** Asks for the facet counts of a search with many matches, and waits for them. */
async function askCounts(): Promise<void> {
  await page.getByRole('button', { name: 'Count the matches per filter' }).click();
  await settled();
}

/** Waits for the status line to report, and for the facet counts to be drawn. */
async function settled(): Promise<void> {
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status')?.textContent ?? '';
    return s !== '' && !s.startsWith('Searching') && !s.startsWith('Loading') && !document.getElementById('search-controls')?.ariaBusy;
  });
}

const status = () => page.locator('#search-status').textContent();
const shownUrls = () => page.locator('#search-results > li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
const idOf = (url: string) => /\/statements\/([^/]+)\//u.exec(url)![1]!;

/**
 * The ids of the statements Pagefind itself finds for a query: the page's own
 * Pagefind over every part of the index (each part's own results, as the page
 * asks for them), asked directly (ids only: no fragment is loaded). A string,
 * so that the test's bundler leaves the browser's dynamic import alone.
 */
async function pagefindIds(query: string, filters: Record<string, string[]> = {}): Promise<string[]> {
  const any = Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, { any: v }]));
  return (await page.evaluate(`(async () => {
    const parts = (await (await fetch('/search/index.json')).json()).parts.map((p) => p.id);
    const pf = await import('/pagefind/pagefind.js');
    const one = pf.createInstance({ basePath: '/pagefind/' + parts[0] + '/', mergeFilter: { part: parts[0] } });
    await Promise.all(parts.slice(1).map((p) => one.mergeIndex('/pagefind/' + p + '/', { mergeFilter: { part: p } })));
    const ids = [];
    for (const p of parts) {
      const r = await one.search(${JSON.stringify(query)}, { filters: { ...${JSON.stringify(any)}, part: { any: [p] } } });
      ids.push(...r.results.map((x) => p + '/' + x.id));
    }
    return ids;
  })()`)) as string[];
}
const pagefindCount = async (query: string, filters: Record<string, string[]> = {}) => (await pagefindIds(query, filters)).length;

/** The facet counts on screen for one facet: value → text of its count. */
function facetCounts(facet: string): Promise<Record<string, string>> {
  return page
    .locator(`fieldset[data-facet="${facet}"] .count`)
    .evaluateAll((cs) => Object.fromEntries(cs.map((c) => [(c as HTMLElement).dataset['countFor']!.split(':')[1]!, c.textContent ?? ''])));
}
const numberIn = (text: string) => Number(/\d[\d,]*/u.exec(text)?.[0].replace(/,/gu, '') ?? NaN);
const sum = (counts: Record<string, string>) => Object.values(counts).reduce((s, c) => s + numberIn(c), 0);

async function showMore(): Promise<void> {
  await page.getByRole('button', { name: 'Show more results' }).click();
  await settled();
}

function dateOf(id: string): string {
  const yaml = readFileSync(join(built!.dir, 'content', 'sources', `${id}.yaml`), 'utf8');
  return /date: \{ value: '([^']+)' \}/u.exec(yaml)![1]!;
}

describe('a common word', () => {
  it('shows 10 statements and a "Show more results" button, and downloads only those 10', async () => {
    await search('q=migration');
    const matched = await pagefindCount('migration');
    expect(matched).toBeGreaterThan(100);
    expect(await status()).toBe(`${matched.toLocaleString('en-US')} statements for “migration”. Showing 10.`);
    expect(await shownUrls()).toHaveLength(10);
    expect(await page.getByRole('button', { name: 'Show more results' }).isVisible()).toBe(true);
    expect(fragments.size).toBe(10);
  });

  it('downloads no filter index until the reader asks for counts; then every later search counts at once', async () => {
    await search('q=migration');
    expect(filterFiles.size).toBe(0);
    expect(Object.values(await facetCounts('year')).every((c) => c === '')).toBe(true);
    await askCounts();
    expect(filterFiles.size).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Count the matches per filter' }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('checkbox');
    await page.locator('#search-q').fill('cooperation');
    await page.locator('#search-q').press('Enter');
    await settled();
    expect(sum(await facetCounts('year'))).toBe(await pagefindCount('cooperation'));
  });

  it('counts facets over every statement Pagefind matched, not over the page shown', async () => {
    await search('q=migration');
    await askCounts();
    const matched = await pagefindCount('migration');
    // Every statement has one speaker and one year.
    expect(sum(await facetCounts('speaker'))).toBe(matched);
    expect(sum(await facetCounts('year'))).toBe(matched);
    expect(Object.values(await facetCounts('speaker')).every((c) => /^\(\d+\)$/u.test(c))).toBe(true);
    expect(await page.locator('#search-counts-note').isVisible()).toBe(false);
    expect(fragments.size).toBe(10);
  });

  it('"Show more results" (here from the keyboard) appends the next 10, moves focus to the first new one, and says so', async () => {
    await search('q=migration');
    const first = await shownUrls();
    await page.getByRole('button', { name: 'Show more results' }).focus();
    await page.keyboard.press('Enter');
    await settled();
    const all = await shownUrls();
    expect(all).toHaveLength(20);
    expect(all.slice(0, 10)).toEqual(first);
    expect(new Set(all).size).toBe(20);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(all[10]);
    expect(await status()).toMatch(/^[\d,]+ statements for “migration”\. Showing 20\.$/u);
    expect(fragments.size).toBe(20);
    // The URL holds the search, not how far down it was read.
    expect(new URL(page.url()).search).toBe('?q=migration');
  });

  it('pages in date order when asked', async () => {
    await search('q=migration&sort=newest');
    await showMore();
    const dates = (await shownUrls()).map((u) => dateOf(idOf(u)));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(fragments.size).toBe(20);
  });

  it('counts a facet with a selection as if that selection were off (any of its values)', async () => {
    await search('q=migration&behalf=china');
    const all = await pagefindCount('migration');
    const china = await pagefindCount('migration', { behalf: ['china'] });
    expect(china).toBeGreaterThan(20);
    expect(await status()).toBe(`${china} statements for “migration”, filtered. Showing 10.`);
    await askCounts();
    const behalf = await facetCounts('behalf');
    expect(numberIn(behalf['china']!)).toBe(china);
    expect(sum(behalf)).toBe(all);
    expect(sum(await facetCounts('speaker'))).toBe(china);
    expect(fragments.size).toBe(10);
  });
});

describe('a phrase among many statements', () => {
  it("shows only statements with the exact phrase, says the count is Pagefind's, and loads far fewer than it matched", async () => {
    await search('q=%22zephyrine+corridors%22');
    const matched = await pagefindCount('"zephyrine corridors"');
    expect(matched).toBe(80);
    expect(await status()).toMatch(
      /^About 80 statements for "zephyrine corridors" \(Pagefind's count, matching word stems\); showing those with the exact phrase: 10 of the first \d+ checked\.$/u,
    );
    const exact = new Set(built!.planted.get(PHRASE));
    const shown = (await shownUrls()).map(idOf);
    expect(shown).toHaveLength(10);
    for (const id of shown) expect(exact.has(id), id).toBe(true);
    for (const text of await page.locator('#search-results .paras > li').allTextContents()) expect(text).toContain('zephyrine corridors');
    expect(fragments.size).toBeLessThanOrEqual(30);
    // Facet counts are Pagefind's, before the phrase check, and say so.
    await askCounts();
    expect(sum(await facetCounts('year'))).toBe(80);
    expect(Object.values(await facetCounts('year')).some((c) => c.startsWith('(up to '))).toBe(true);
    expect(await page.locator('#search-counts-note').textContent()).toMatch(/^“Up to”: Pagefind's count, matching word stems/u);
  });

  it('"Show more results" goes on until every match is checked, and then the count is exact', async () => {
    await search('q=%22zephyrine+corridors%22');
    for (let i = 0; i < 10 && (await page.locator('#search-more').isVisible()); i++) await showMore();
    const shown = (await shownUrls()).map(idOf);
    expect(shown.sort()).toEqual([...built!.planted.get(PHRASE)!].sort());
    expect(await status()).toBe('40 statements, 40 paragraphs for "zephyrine corridors". Showing all 40.');
    expect(fragments.size).toBe(80);
  });

  it('a phrase inside a longer query is checked the same way', async () => {
    await search('q=%22zephyrine+corridors%22+migration');
    const exact = new Set(built!.planted.get(PHRASE));
    const shown = (await shownUrls()).map(idOf);
    expect(shown.length).toBeGreaterThan(0);
    for (const id of shown) expect(exact.has(id), id).toBe(true);
    expect(await status()).toMatch(/^About \d+ statements for "zephyrine corridors" migration \(Pagefind's count/u);
    expect(fragments.size).toBeLessThanOrEqual(30);
  });

  it('a rarer phrase is checked in every statement found: exact counts, and no filter index downloaded', async () => {
    await search('q=%22velvet+harbours%22');
    expect(await pagefindCount('"velvet harbours"')).toBe(10);
    expect(await status()).toBe('5 statements, 5 paragraphs for "velvet harbours".');
    expect((await shownUrls()).map(idOf).sort()).toEqual([...built!.planted.get(RARE)!].sort());
    expect(sum(await facetCounts('year'))).toBe(5);
    expect(Object.values(await facetCounts('year')).every((c) => /^\(\d+\)$/u.test(c))).toBe(true);
    expect(await page.locator('#search-more').isVisible()).toBe(false);
    expect(fragments.size).toBe(10);
    expect(filterFiles.size).toBe(0);
  });
});

describe('aliases among many statements', () => {
  it("merges the names' matches by statement, and labels the facet counts as upper bounds", async () => {
    await search('q=IOM');
    const ids = [...(await pagefindIds('"IOM"')), ...(await pagefindIds('"International Organization for Migration"'))];
    const union = new Set(ids).size;
    expect(union).toBeGreaterThan(20);
    expect(await status()).toMatch(
      new RegExp(
        `^About ${union} statements for “IOM” \\(Pagefind's count, matching word stems\\); showing those with one of the names exactly: `,
        'u',
      ),
    );
    expect(await shownUrls()).toHaveLength(10);
    // Upper bounds: never below the true number of statements found.
    await askCounts();
    expect(await page.locator('#search-counts-note').textContent()).toMatch(/added up \(a statement found under two names counts twice\)/u);
    expect(sum(await facetCounts('year'))).toBeGreaterThanOrEqual(union);
  });
});

describe('accessibility with a page of results and "Show more"', () => {
  it('has no axe violations, light and dark, with counts labelled "up to"', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const ctx = await browser.newContext({ colorScheme });
      const p = await ctx.newPage();
      await p.goto(`${server.url}/search/?q=%22zephyrine+corridors%22`);
      await p.getByRole('button', { name: 'Count the matches per filter' }).click();
      await p.waitForFunction(() => !document.getElementById('search-counts-note')?.hidden);
      await p.getByRole('button', { name: 'Show more results' }).click();
      await p.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 20);
      expect(await axeViolations(p), colorScheme).toEqual([]);
      await ctx.close();
    }
  });
});

describe('long lists on a 200-statement site', () => {
  it('/statements/ shows 100 statements and a pager; page 2 the other 100; the pager links resolve', async () => {
    await page.goto(`${server.url}/statements/`);
    const items = () => page.locator('ol.statements > li').count();
    expect(await items()).toBe(100);
    const pager = page.getByRole('navigation', { name: 'Pages of all statements', exact: true });
    expect(await pager.locator('p').textContent()).toBe('Page 1 of 2: statements 1–100 of 200.');
    expect(await pager.locator('a[aria-current="page"]').getAttribute('href')).toBe('/statements/');
    const firstPage = await page.locator('ol.statements > li h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    await pager.getByRole('link', { name: 'Next' }).click();
    await page.waitForURL(/\/statements\/2\/$/u);
    expect(await items()).toBe(100);
    expect(await page.title()).toMatch(/^All statements \(page 2\)/u);
    const secondPage = await page.locator('ol.statements > li h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set([...firstPage, ...secondPage]).size).toBe(200);
    const back = page.getByRole('navigation', { name: 'Pages of all statements', exact: true }).getByRole('link', { name: 'Previous' });
    expect(await back.getAttribute('href')).toBe('/statements/');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the home page lists the 20 newest statements, newest first, and links to all of them', async () => {
    await page.goto(`${server.url}/`);
    expect(await page.locator('ol.statements > li').count()).toBe(20);
    expect(await page.getByRole('link', { name: 'All 200 statements, oldest first' }).getAttribute('href')).toBe('/statements/');
  });
});
