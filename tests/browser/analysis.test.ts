/**
 * The concordance and trends pages in Chromium, with results on screen, over
 * the fixture's site (tests/fixtures/content/ → dist-fixture/): the counts are the five seeds'.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { scrollSettled } from '../../scripts/dev/chromium.ts';
import { useSite } from './use-site.ts';
import { FIXTURE_SITE } from '../helpers/content.ts';

const site = useSite(FIXTURE_SITE.dist);

async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await site.browser.newContext({ colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(site.server.url + path);
  return page;
}

describe('concordance', () => {
  it('lists all 20 occurrences of "cooperation" with working ¶ links, counts and a CSV download', async () => {
    const page = await open('/concordance/?q=cooperation&sort=left');
    await page.waitForFunction(() => /occurrences/u.test(document.getElementById('kwic-status')?.textContent ?? ''));
    expect(await page.locator('#kwic-status').textContent()).toBe('20 occurrences of “cooperation” in 5 statements.');
    const rows = page.locator('#kwic-output tbody tr');
    expect(await rows.count()).toBe(20);
    const counts = await page.locator('#kwic-counts li').allTextContents();
    expect(counts.map((c) => Number(c.split(': ').at(-1))).reduce((a, b) => a + b, 0)).toBe(20);
    // Sorted by the word just before the match.
    const before = (await page.locator('#kwic-output td.left').allTextContents()).map((l) =>
      (l.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? ['']).at(-1)!,
    );
    expect(before).toEqual([...before].sort());
    expect(before[0]).toBe('close');
    const download = page.locator('#kwic-download a');
    expect(await download.getAttribute('download')).toBe('concordance-cooperation.csv');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const csv = await (await file.createReadStream()).toArray();
    expect(Buffer.concat(csv).toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(21);
    expect(await axeViolations(page)).toEqual([]);
    const link = page.locator('#kwic-output td.src a').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await page.waitForURL(`**${href}`);
    await scrollSettled(page);
    const id = href.split('#')[1]!;
    expect(await page.locator(`#${id}`).evaluate((e) => e.matches(':target'))).toBe(true);
    expect(await page.locator(`#${id} mark`).first().textContent()).toMatch(/^cooperation$/iu);
    await page.context().close();
  });

  it('keeps its state in the URL and switches aliases on', async () => {
    const page = await open('/concordance/?q=GCM');
    await page.waitForFunction(() => /occurrence/u.test(document.getElementById('kwic-status')?.textContent ?? ''));
    expect(await page.locator('#kwic-output tbody tr').count()).toBe(4);
    await page.locator('#kwic-aliases').check();
    await page.waitForFunction(() => /or/u.test(document.getElementById('kwic-status')?.textContent ?? ''));
    expect(new URL(page.url()).search).toBe('?q=GCM&aliases=1');
    // GCM ×4, Global Compact on Migration ×2 (the long name occurs only in a title).
    expect(await page.locator('#kwic-output tbody tr').count()).toBe(6);
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('#kwic-output tbody tr').length === 4);
    await page.context().close();
  });
});

describe('trends', () => {
  it('draws the terms asked for in the URL, with a table that matches the texts', async () => {
    const page = await open('/trends/?terms=trafficking,%20%22Global%20Compact%22', 'dark');
    await page.waitForFunction(() => /occurrences in all/u.test(document.getElementById('trends-status')?.textContent ?? ''));
    expect(await page.locator('#trends-status').textContent()).toBe('Showing: trafficking 19, "Global Compact" 2 occurrences in all.');
    expect(await page.locator('#by-year svg polyline').count()).toBe(2);
    const firstRow = await page.locator('#by-year tbody tr').first().locator('td').allTextContents();
    expect(firstRow[0]).toMatch(/^16 \(/u);
    expect(await page.locator('#by-year svg desc').textContent()).toContain('trafficking: 2010 155.2');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript shows the default terms in tables', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/trends/?terms=whatever`);
    expect(await page.locator('#by-year thead th').allTextContents()).toEqual([
      'Year',
      'migration',
      'cooperation',
      'trafficking',
      'development',
      'Words',
    ]);
    await context.close();
  });
});
