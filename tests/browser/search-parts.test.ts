/**
 * Search over an index in parts, on a synthetic site of 120 statements built
 * with parts of at most 12 statements (SEARCH_PART_STATEMENTS), runs of
 * consecutive years, and to search 30 statements at first
 * (SEARCH_FIRST_STATEMENTS): a search covers the newest parts that hold them,
 * says which years, downloads only those parts, and widens to every statement
 * on request; "oldest first" starts from the oldest parts; a year filter
 * searches exactly the part holding that year. (Slow: it builds a site, about 10 s.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { useSyntheticSite } from './use-site.ts';
import type { SearchManifest } from '../../src/search/parts.ts';

const FIRST = 30;
const PART = 12;
const COUNT = 120;

const site = useSyntheticSite({ count: COUNT, env: { SEARCH_FIRST_STATEMENTS: String(FIRST), SEARCH_PART_STATEMENTS: String(PART) } });
let context: BrowserContext;
let page: Page;
/** Parts whose metadata the page has downloaded since it opened. */
let partsLoaded: Set<string>;
const manifest = (): SearchManifest => JSON.parse(readFileSync(join(site.built.site, 'search', 'index.json'), 'utf8')) as SearchManifest;

beforeEach(async () => {
  await context?.close();
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  partsLoaded = new Set();
  page.on('request', (r) => {
    const m = /\/pagefind\/([\d-]+)\/[^/]+\.pf_meta$/u.exec(new URL(r.url()).pathname);
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

/** The newest (or oldest) parts that together hold at least FIRST statements, sorted by name. */
function firstParts(from: 'newest' | 'oldest'): string[] {
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

/** The years of these parts, sorted. */
const yearsOf = (ids: readonly string[]): string[] =>
  manifest()
    .parts.filter((p) => ids.includes(p.id))
    .flatMap((p) => p.years)
    .sort();

describe('a search over the index in parts', () => {
  it('lists the parts newest first, runs of consecutive years of at most PART statements, every statement in one of them', () => {
    const { parts } = manifest();
    const names = parts.map((p) => p.id);
    expect(names).toEqual([...names].sort().reverse());
    expect(parts.map((p) => p.id)).toEqual(parts.map((p) => (p.years.length === 1 ? p.years[0] : `${p.years[0]}-${p.years.at(-1)}`)));
    const years = parts.flatMap((p) => [...p.years].reverse());
    expect(years).toEqual([...new Set(years)].sort().reverse());
    expect(parts.some((p) => p.years.length > 1)).toBe(true);
    // A part takes the next year whenever the two together hold no more than PART statements.
    for (const [i, p] of parts.entries()) {
      expect(p.statements <= PART || p.years.length === 1, p.id).toBe(true);
      const older = parts[i + 1];
      if (older) expect(older.statements + p.statements, p.id).toBeGreaterThan(PART);
    }
    expect(parts.reduce((n, p) => n + p.statements, 0)).toBe(COUNT);
    expect(manifest().first).toBe(FIRST);
  });

  it('searches the newest parts first, says which years, and downloads only those parts', async () => {
    await search('q=migration');
    const parts = firstParts('newest');
    const years = yearsOf(parts);
    expect([...partsLoaded].sort()).toEqual(parts);
    const held = manifest()
      .parts.filter((p) => parts.includes(p.id))
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

  it('with "oldest first", starts from the oldest parts, oldest result first', async () => {
    await search('q=migration&sort=oldest');
    const parts = firstParts('oldest');
    const years = yearsOf(parts);
    expect([...partsLoaded].sort()).toEqual(parts);
    expect(await scopeText()).toContain(`, the oldest of ${COUNT}.`);
    const shown = await shownYears();
    expect(shown).toEqual([...shown].sort());
    expect(shown[0]).toBe(years[0]);
  });

  it('filtered to a year, searches the part holding it, whole, and shows that year only', async () => {
    const part = manifest().parts.find((p) => p.years.length > 1)!;
    const year = part.years.at(-1)!;
    await search(`q=migration&year=${year}`);
    expect([...partsLoaded]).toEqual([part.id]);
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
