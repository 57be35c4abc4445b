/**
 * The source view (`/source/?id=…`) in Chromium, over the fixture's site
 * (dist-fixture/, after `npm run build:fixture`), whose statements are known:
 * the 2014 press release's raw source with its website navigation (lines
 * 1–22) struck through with the editor's reason and its kept lines beside
 * their ¶; Wu Haitao's 2012 statement with its two rejoins; a hostile source
 * drawn as text; accessibility (axe, light and dark, 375 and 1280 px wide),
 * nothing wider than a phone's screen, and what the page says without
 * JavaScript.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { open } from '../../scripts/dev/chromium.ts';
import { bucketOf } from '../../src/downloads/statement-entries.ts';
import { sourceViewPath, statementPath } from '../../src/site/routes.ts';
import { documentTitle } from '../../src/site/site.ts';
import { FIXTURE_SITE } from '../helpers/content.ts';
import { axeViolations } from './axe.ts';
import { useSite } from './use-site.ts';

const site = useSite(FIXTURE_SITE.dist);

const PRESS_2014 = '2014-05-iom-swing-migration-governance-china';
const WU_2012 = '2012-11-28-wu-haitao-iom-council';

/** Opens the source view of `id` in a new page and waits until its lines are drawn. */
async function openView(id: string, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await site.browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  await open(page, site.server.url, sourceViewPath(id));
  await page.waitForSelector('#source-rows tr');
  return page;
}

/** Each row's line number, status, block, text (of the source cell) and whether that text is inside <del>. */
function rows(page: Page) {
  return page.$$eval('#source-rows tr', (trs) =>
    trs.map((tr) => {
      const row = tr as HTMLTableRowElement;
      return {
        n: Number(row.dataset['line']),
        status: row.dataset['status'],
        block: row.dataset['block'] ?? null,
        text: row.querySelector('td.text')!.textContent,
        struck: row.querySelector('td.text > del') !== null,
        edition: row.querySelector('td.edition')?.textContent?.replace(/\s+/gu, ' ').trim() ?? null,
        classes: [...row.classList],
      };
    }),
  );
}

describe('the 2014 press release, as received', () => {
  it('strikes through the website navigation, lines 1–22, with the editor’s reason beside it', async () => {
    const page = await openView(PRESS_2014);
    const r = await rows(page);
    expect(r.map((x) => x.n)).toEqual(Array.from({ length: 38 }, (_, i) => i + 1));
    const nav = r.slice(0, 22);
    expect(nav.every((x) => x.status === 'removed' && x.struck)).toBe(true);
    expect(nav.map((x) => x.text).slice(0, 3)).toEqual([
      '-',
      'Who we are',
      expect.stringMatching(/^WHO WE AREThe International Organization/u),
    ]);
    expect(nav[21]!.text).toBe('- 2030 Agenda');
    // One cell beside all 22 lines gives the reason.
    expect(r[0]!.edition).toMatch(/^Removed by the editor \(lines 1–22\): The navigation menu of the iom\.int website/u);
    expect(await page.$eval('tr[data-line="1"] td.reason', (td) => (td as HTMLTableCellElement).rowSpan)).toBe(22);
    // Line 23 (the title) and 34–38 (the press contact) are struck through too, each with its kind.
    expect(r[22]).toMatchObject({ status: 'removed', struck: true, edition: 'Removed title (line 23): title; it is in the metadata.' });
    expect(r.slice(33).every((x) => x.struck)).toBe(true);
    expect(r[33]!.edition).toMatch(/^Removed press-contact footer \(lines 34–38\)/u);
    await page.context().close();
  });

  it('puts each kept line (24–33) beside its ¶, linked to the paragraph on the statement’s page', async () => {
    const page = await openView(PRESS_2014);
    const kept = (await rows(page)).filter((x) => x.status === 'kept');
    expect(kept.map((x) => [x.n, x.block, x.struck])).toEqual(Array.from({ length: 10 }, (_, i) => [24 + i, `p-${i + 1}`, false]));
    expect(kept[0]!.text).toMatch(/^China - IOM Director General William Lacy Swing/u);
    expect(kept.map((x) => x.edition)).toEqual(Array.from({ length: 10 }, (_, i) => `¶${i + 1} (p-${i + 1})`));
    expect(await page.$eval('tr[data-line="24"] td.edition a', (a) => a.getAttribute('href'))).toBe(`${statementPath(PRESS_2014)}#p-1`);
    // The file, its SHA-256 (checked in the browser), the way back.
    expect(await page.textContent('#source-file')).toBe('003_1e0d9a2d3cac57c3.txt');
    expect(await page.textContent('#source-sha256')).toBe('8604585df2c896c0af6cc771145eb927d15de06ccd637712e33459cf3a138786');
    await page.waitForSelector('#source-check:has-text("checked in your browser")');
    expect(await page.getAttribute('#source-back', 'href')).toBe(statementPath(PRESS_2014));
    expect(await page.title()).toBe(documentTitle('Source as received: Director General Discusses Migration Governance in China'));
    expect(await page.textContent('h1')).toBe('Source as received: Director General Discusses Migration Governance in China');
    await page.context().close();
  });
});

describe('Wu Haitao, 2012: paragraphs split by a blank line, rejoined', () => {
  it('marks the rejoins at lines 19 and 29, in ¶4 and ¶8, and the blank lines that split them', async () => {
    const page = await openView(WU_2012);
    const r = await rows(page);
    const at = (n: number) => r[n - 1]!;
    expect([at(17).block, at(19).block, at(27).block, at(29).block]).toEqual(['p-4', 'p-4', 'p-8', 'p-8']);
    for (const n of [19, 29]) {
      expect(at(n).classes, `line ${n}`).toContain('mark-rejoin');
      expect(at(n).edition).toMatch(/continued: rejoined to the paragraph above, which a blank line had split mid-sentence$/u);
    }
    expect(r.filter((x) => x.classes.includes('mark-split')).map((x) => x.n)).toEqual([18, 28]);
    expect(at(18).edition).toBe('Blank line that split a paragraph mid-sentence: dropped, the paragraph rejoined');
    // The title with its <sup>, struck through as received.
    expect(at(7)).toMatchObject({ struck: true, text: 'General Debate, 101<sup>st</sup> Session of the Council, IOM' });
    await page.context().close();
  });
});

describe('a hostile source', () => {
  it('is drawn as text: no element, script or dialog of its own', async () => {
    const id = 'hostile-source-test';
    const text = 'Title\n\n<script>window.__pwned = 1</script>\n<img src=x onerror="window.__pwned = 2">\u202Eevil\n';
    const entry = {
      id,
      source: { file: 'hostile.txt', text },
      metadata: {
        title: '<b>Hostile</b> title',
        source: { sha256: '0'.repeat(64) },
        edition: {
          paragraphSeparator: 'blank-line',
          removals: [{ fromLine: 1, toLine: 1, kind: 'title', reason: '<i>reason</i>', text: ['Title'] }],
          rejoins: [],
          unwrappedLines: 1,
          joinedWithoutSpace: [],
          inlineHtml: [],
          invisibleCharacters: [{ codePoint: 'U+202E', count: 1 }],
        },
      },
      blocks: [{ id: 'p-1', n: 1, text: '<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">evil' }],
    };
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.route(`**/data/statements/${bucketOf(id)}.json.gz`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ [id]: entry }) }),
    );
    await open(page, site.server.url, sourceViewPath(id));
    await page.waitForSelector('#source-rows tr');
    const r = await rows(page);
    expect(r.map((x) => [x.n, x.status, x.block])).toEqual([
      [1, 'removed', null],
      [2, 'blank', null],
      [3, 'kept', 'p-1'],
      [4, 'kept', 'p-1'],
    ]);
    expect(r[2]!.text).toBe('<script>window.__pwned = 1</script>');
    expect(r[3]!.text).toBe('<img src=x onerror="window.__pwned = 2">U+202Eevil');
    expect(r[0]!.edition).toBe('Removed title (line 1): <i>reason</i>.');
    expect(await page.$$eval('#source-view script, #source-view img, #source-view b, #source-view i', (els) => els.length)).toBe(0);
    expect(await page.textContent('#source-heading')).toBe('Source as received: <b>Hostile</b> title');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await context.close();
  });
});

describe('the page itself', () => {
  it.each([375, 1280])(
    'has no accessibility violations, light or dark, at %i px wide',
    async (width) => {
      for (const id of [PRESS_2014, WU_2012]) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const page = await openView(id, { width, colorScheme });
          expect(await axeViolations(page), `${id}, ${colorScheme}, ${width} px`).toEqual([]);
          await page.context().close();
        }
      }
    },
    60_000,
  );

  it('is no wider than a 375 px screen', async () => {
    for (const id of [PRESS_2014, WU_2012, '2010-03-02-swing-cbmm-training-beijing']) {
      const page = await openView(id, { width: 375 });
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(widths.page, id).toBeLessThanOrEqual(widths.viewport);
      await page.context().close();
    }
  });

  it('says what is wrong when no statement, or no such statement, is given', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    for (const [query, message] of [
      ['', 'No statement given.'],
      ['?id=Not%20an%20id', 'This address names no statement'],
      ['?id=no-such-statement', 'No statement has the id “no-such-statement”.'],
    ] as const) {
      await open(page, site.server.url, `/source/${query}`);
      await page.waitForSelector(`#source-status:has-text("${message}")`);
      expect(await page.isHidden('#source-view')).toBe(true);
    }
    await context.close();
  });

  it('without JavaScript, says it needs it and links the raw sources', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await open(page, site.server.url, sourceViewPath(PRESS_2014));
    const notice = page.locator('.notice');
    expect(await notice.textContent()).toMatch(/needs JavaScript/u);
    expect(await notice.locator('a').getAttribute('href')).toBe('/data/sources.tar.gz');
    expect(await page.isHidden('#source-view')).toBe(true);
    await context.close();
  });
});
