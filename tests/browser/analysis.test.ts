/**
 * The concordance page in Chromium, with results on screen, over the fixture's
 * site (tests/fixtures/content/ → dist-fixture/): the counts are the five seeds'.
 * The trends page's tests are in trends.test.ts.
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
