/**
 * The trends page in Chromium, with results on screen, over
 * the fixture's site (tests/fixtures/content/ → dist-fixture/): the counts are the five seeds'.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { useSite } from './use-site.ts';
import { FIXTURE_SITE } from '../helpers/content.ts';

const site = useSite(FIXTURE_SITE.dist);

async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await site.browser.newContext({ colorScheme });
  const page = await context.newPage();
  await page.goto(site.server.url + path);
  return page;
}

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
