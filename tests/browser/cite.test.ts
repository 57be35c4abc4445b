/**
 * One-click ¶ citations, in Chromium, over the fixture site (dist-fixture/,
 * built with SITE_URL=https://example.org): "Copy link" and "Cite ¶n" beside
 * every paragraph, on hover and keyboard focus on desktop and always on a
 * phone; the citation carries ¶n, the edition, the URL with the id and today's
 * date; without JavaScript the cite box shows "[accessed …]"; a paragraph
 * reached by a link is highlighted without styling its text.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { accessDate } from '../../src/edition/cite-text.ts';
import { open } from '../../scripts/dev/chromium.ts';
import { FIXTURE_SITE } from '../helpers/content.ts';
import { axeViolations } from './axe.ts';
import { useSite } from './use-site.ts';

const site = useSite(FIXTURE_SITE.dist);
const ID = '2012-11-28-wu-haitao-iom-council';
const PAGE = `/statements/${ID}/`;
const URL_ = `https://example.org${PAGE}`;
const LEAD =
  'Wu Haitao. “Statement by Ambassador Wu Haitao, Head of the Chinese Delegation, at the General Debate, 101st Session of the Council, IOM”. Statement, General Debate, 101st Session of the IOM Council, Geneva, 28 November 2012';

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function page(options: Parameters<NonNullable<typeof site.browser>['newContext']>[0] = {}, path = PAGE): Promise<Page> {
  context = await site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], ...options });
  const p = await context.newPage();
  await open(p, site.server.url, path);
  return p;
}

const today = () => accessDate(new Date());

describe('citing one paragraph', () => {
  it('shows "Copy link" and "Cite ¶n" on hover, and cites ¶n with the edition, the id and today', async () => {
    const p = await page({ viewport: { width: 1280, height: 900 } });
    const tools = p.locator('#p-2 .block-tools');
    expect(await tools.evaluate((e) => getComputedStyle(e).opacity)).toBe('0');
    await p.locator('#p-2').hover();
    await expect.poll(() => tools.evaluate((e) => getComputedStyle(e).opacity)).toBe('1');
    await p.getByRole('button', { name: 'Cite ¶2', exact: true }).click();
    const dialog = p.getByRole('dialog', { name: 'Cite ¶2' });
    expect(await dialog.isVisible()).toBe(true);
    const text = `${LEAD}, ¶2. Migration Statements, edition 1.0. ${URL_}#p-2 [accessed ${today()}]`;
    expect(await dialog.locator('.citation').textContent()).toBe(text);
    expect(await axeViolations(p)).toEqual([]);
    await dialog.getByRole('button', { name: 'Copy citation' }).click();
    expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await p.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    // Focus goes back to the button that opened it.
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Cite ¶2');
  });

  it('copies the paragraph’s link and says so', async () => {
    const p = await page();
    await p.locator('#p-8').hover();
    await p.locator('#p-8').getByRole('button', { name: 'Copy link' }).click();
    expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(`${URL_}#p-8`);
    await expect.poll(() => p.locator('p.sr-only[role="status"]').textContent()).toBe(`Link to ¶8 copied: ${URL_}#p-8`);
  });

  it('shows the buttons when the keyboard reaches them', async () => {
    const p = await page({ viewport: { width: 1280, height: 900 } });
    await p.locator('#p-3 .block-link').focus();
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Copy link');
    expect(await p.locator('#p-3 .block-tools').evaluate((e) => getComputedStyle(e).opacity)).toBe('1');
  });

  it('on a phone the buttons are always there, each a target of at least 24 × 24 px', async () => {
    const p = await page({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    expect(await axeViolations(p)).toEqual([]);
    const buttons = p.locator('#p-2 .tool');
    expect(await buttons.count()).toBe(2);
    for (const b of await buttons.all()) {
      expect(await b.evaluate((e) => getComputedStyle(e.parentElement!).opacity)).toBe('1');
      const box = (await b.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(24);
      expect(box.width).toBeGreaterThanOrEqual(24);
    }
  });

  it('fills in today as the access date in the cite box; without JavaScript it shows the pattern', async () => {
    const p = await page();
    expect(await p.locator('#cite-plain').textContent()).toBe(`${LEAD}. Migration Statements, edition 1.0. ${URL_} [accessed ${today()}]`);
    expect(await p.locator('[data-cite-example]').textContent()).toContain(
      `, ¶2. Migration Statements, edition 1.0. ${URL_}#p-2 [accessed ${today()}]`,
    );
    await context!.close();
    const q = await page({ javaScriptEnabled: false });
    expect(await q.locator('#cite-plain').textContent()).toBe(`${LEAD}. Migration Statements, edition 1.0. ${URL_} [accessed …]`);
    expect(await q.getByText('Put the day you read the page in place of “…”').isVisible()).toBe(true);
    expect(await q.locator('.block-tools').count()).toBe(0);
  });

  it('highlights a paragraph reached by a link beside its text, not on it, so a copy carries no highlight', async () => {
    const p = await page({}, `${PAGE}#p-8`);
    const styles = await p.locator('#p-8').evaluate((e) => ({
      own: getComputedStyle(e).backgroundColor,
      outline: getComputedStyle(e).outlineStyle,
      box: getComputedStyle(e, '::before').backgroundColor,
    }));
    expect(styles.own).toBe('rgba(0, 0, 0, 0)');
    expect(styles.outline).toBe('none');
    expect(styles.box).not.toBe('rgba(0, 0, 0, 0)');
  });
});
