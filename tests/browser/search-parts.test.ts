/**
 * Search over an index in parts (one a year), on a synthetic site of 120
 * statements built to search 30 statements at first (SEARCH_FIRST_STATEMENTS):
 * a search covers the newest years that hold them, says so, downloads only
 * those years' parts, and widens to every statement on request; "oldest
 * first" starts from the oldest years; a year filter searches exactly its
 * years. (Slow: it builds a site, about 10 s.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { useSyntheticSite } from './use-site.ts';
import type { SearchManifest } from '../../src/search/parts.ts';

const FIRST = 30;
const COUNT = 120;

const site = useSyntheticSite({ count: COUNT, env: { SEARCH_FIRST_STATEMENTS: String(FIRST) } });
let context: BrowserContext;
let page: Page;
/** Years whose part metadata the page has downloaded since it opened. */
let partsLoaded: Set<string>;
const manifest = (): SearchManifest => JSON.parse(readFileSync(join(site.built.site, 'search', 'index.json'), 'utf8')) as SearchManifest;

beforeEach(async () => {
  await context?.close();
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  partsLoaded = new Set();
  page.on('request', (r) => {
    const m = /\/pagefind\/(\d{4})\/[^/]+\.pf_meta$/u.exec(new URL(r.url()).pathname);
    if (m) partsLoaded.add(m[1]!);
  });
});

async function search(query: string): Promise<void> {
  await page.goto(`${site.server.url}/search/?${query}`);
  await settled();
}

async function settled(): Promise<void> {
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status')?.textContent ?? '';
    return s !== '' && !s.startsWith('Searching') && !s.startsWith('Loading');
  });
}

const scopeText = () => page.locator('#search-scope').textContent();
const scopeShown = () => page.locator('#search-scope').isVisible();
const shownYears = async () =>
  (await page.locator('#search-results > li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).map((href) => {
    const id = /\/statements\/([^/]+)\//u.exec(href)![1]!;
    return /date: \{ value: '(\d{4})/u.exec(readFileSync(join(site.built.dir, 'content', 'sources', `${id}.yaml`), 'utf8'))![1]!;
  });

/** The newest (or oldest) years that together hold at least FIRST statements. */
function firstYears(from: 'newest' | 'oldest'): string[] {
  const parts = from === 'newest' ? manifest().parts : [...manifest().parts].reverse();
  const out: string[] = [];
  let held = 0;
  for (const p of parts) {
    if (held >= FIRST) break;
    out.push(p.id);
    held += p.statements;
  }
  return out.sort();
}

describe('a search over the index in parts', () => {
  it('lists the parts newest first, every statement in one of them', () => {
    const years = manifest().parts.map((p) => p.id);
    expect(years).toEqual([...years].sort().reverse());
    expect(manifest().parts.reduce((n, p) => n + p.statements, 0)).toBe(COUNT);
    expect(manifest().first).toBe(FIRST);
  });

  it('searches the newest years first, says which, and downloads only their parts', async () => {
    await search('q=migration');
    const years = firstYears('newest');
    expect([...partsLoaded].sort()).toEqual(years);
    const held = manifest()
      .parts.filter((p) => years.includes(p.id))
      .reduce((n, p) => n + p.statements, 0);
    expect(await scopeText()).toBe(
      `Searched the ${held} statements of ${years[0]}–${years.at(-1)}, the newest of ${COUNT}. Search all ${COUNT} statements`,
    );
    expect((await shownYears()).every((y) => years.includes(y))).toBe(true);
  });

  it('widens to every statement when asked, in the URL, and keeps it for the next search', async () => {
    await search('q=migration');
    const before = Number(/^([\d,]+) statements/u.exec((await page.locator('#search-status').textContent()) ?? '')?.[1]);
    await page.getByRole('link', { name: `Search all ${COUNT} statements` }).click();
    await settled();
    expect(new URL(page.url()).searchParams.get('scope')).toBe('all');
    expect(await scopeShown()).toBe(false);
    expect([...partsLoaded].sort()).toEqual(
      manifest()
        .parts.map((p) => p.id)
        .sort(),
    );
    const after = Number(/^([\d,]+) statements/u.exec((await page.locator('#search-status').textContent()) ?? '')?.[1]);
    expect(after).toBeGreaterThan(before);
    await page.locator('#search-q').fill('cooperation');
    await page.locator('#search-q').press('Enter');
    await settled();
    expect(new URL(page.url()).searchParams.get('scope')).toBe('all');
    expect(await scopeShown()).toBe(false);
  });

  it('with "oldest first", starts from the oldest years, oldest result first', async () => {
    await search('q=migration&sort=oldest');
    const years = firstYears('oldest');
    expect([...partsLoaded].sort()).toEqual(years);
    expect(await scopeText()).toContain(`, the oldest of ${COUNT}.`);
    const shown = await shownYears();
    expect(shown).toEqual([...shown].sort());
    expect(shown[0]).toBe(years[0]);
  });

  it('filtered to a year, searches exactly that year, whole', async () => {
    const year = manifest().parts.at(-1)!.id;
    await search(`q=migration&year=${year}`);
    expect([...partsLoaded]).toEqual([year]);
    expect(await scopeShown()).toBe(false);
    expect(new Set(await shownYears())).toEqual(new Set([year]));
  });

  it('has no axe violations with the note on screen, on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await search('q=migration');
    expect(await scopeShown()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
