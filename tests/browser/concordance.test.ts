/**
 * The concordance page in Chromium over the fixture's site (tests/fixtures/content/ →
 * dist-fixture/; the counts are the five seeds'): what it lists (counts, order, CSV,
 * ¶ links, aliases) and how it lays the lines out at a desktop's width (1280 px) and a
 * phone's (375 px): every keyword in one column, each line one line tall, nothing wider
 * than the window, and each line whole by keyboard.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { scrollSettled } from '../../scripts/dev/chromium.ts';
import { useSite } from './use-site.ts';
import { FIXTURE_SITE } from '../helpers/content.ts';

const site = useSite(FIXTURE_SITE.dist);

const DESKTOP = 1280;
const PHONE = 375;
/** The main column's width on other pages (`.wrap`: 68ch + 7rem). */
const COLUMN = 770;

interface Options {
  width?: number;
  colorScheme?: 'light' | 'dark';
}

/** Opens a concordance URL and waits for its lines (or its "0 occurrences"). */
async function open(path: string, { width = DESKTOP, colorScheme = 'light' }: Options = {}): Promise<Page> {
  const context = await site.browser.newContext({ colorScheme, acceptDownloads: true, viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.goto(site.server.url + path);
  await page.waitForFunction(() => / occurrences? of /u.test(document.getElementById('kwic-status')?.textContent ?? ''));
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

/** Where the lines are on screen, measured in the page. */
interface Layout {
  /** The left edge of each keyword's text. */
  keywordX: number[];
  /** Each line's height, and the height of one line of its text. */
  rowHeights: number[];
  lineHeight: number;
  /** Lines whose left or right context takes more than one line of text. */
  wrapped: number;
  tableWidth: number;
  /** The document's scroll width and the window's width. */
  scrollWidth: number;
  viewport: number;
  /** Cells (headers included) reaching past either edge of the window: "row 3 .src". */
  offScreen: string[];
}

function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const textBox = (node: Node): DOMRect => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return range.getBoundingClientRect();
    };
    const rows = [...document.querySelectorAll<HTMLTableRowElement>('#kwic-output tbody tr')];
    const lineHeight = parseFloat(getComputedStyle(rows[0]!.querySelector('td')!).lineHeight);
    const viewport = document.documentElement.clientWidth;
    const offScreen: string[] = [];
    document.querySelectorAll('#kwic-output tr').forEach((row, i) => {
      for (const cell of row.children) {
        const box = cell.getBoundingClientRect();
        if (box.left < 0 || box.right > viewport) offScreen.push(`row ${i} .${cell.className} ${box.left}–${box.right}`);
      }
    });
    return {
      keywordX: rows.map((r) => textBox(r.querySelector('.match')!).left),
      rowHeights: rows.map((r) => r.getBoundingClientRect().height),
      lineHeight,
      wrapped: rows.filter((r) => [...r.querySelectorAll('.left, .right')].some((c) => textBox(c).height > 1.5 * lineHeight)).length,
      tableWidth: document.querySelector('#kwic-output table')!.getBoundingClientRect().width,
      scrollWidth: document.scrollingElement!.scrollWidth,
      viewport,
      offScreen,
    };
  });
}

/** How a row's left and right contexts show: is all of each inside its cell, and are the words next to the keyword? */
function contexts(page: Page, row: number) {
  return page.evaluate((index) => {
    const tr = document.querySelectorAll('#kwic-output tbody tr')[index]!;
    const side = (selector: string, nearEnd: boolean) => {
      const cell = tr.querySelector(selector)!;
      const box = cell.getBoundingClientRect();
      const text = [...cell.querySelectorAll('*'), cell].flatMap((e) => [...e.childNodes]).find((n) => n.nodeType === Node.TEXT_NODE)!;
      const inside = (r: DOMRect) => r.width === 0 || (r.left >= box.left - 1 && r.right <= box.right + 1 && r.right <= innerWidth);
      const all = document.createRange();
      all.selectNodeContents(text);
      const near = document.createRange();
      const length = text.textContent!.length;
      near.setStart(text, nearEnd ? length - 1 : 0);
      near.setEnd(text, nearEnd ? length : 1);
      return {
        text: text.textContent!,
        whole: [...all.getClientRects()].every(inside),
        nearKeyword: inside(near.getBoundingClientRect()),
      };
    };
    return { left: side('.left', true), right: side('.right', false) };
  }, row);
}

describe('concordance', () => {
  it('lists all 20 occurrences of "cooperation" with working ¶ links, counts and a CSV download', async () => {
    const page = await open('/concordance/?q=cooperation&sort=left');
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

  it('says what it found with the words spaced, and names its CSV by the word, for a wildcard term', async () => {
    const page = await open('/concordance/?q=migrant*');
    const status = (await page.locator('#kwic-status').textContent())!;
    expect(status).toMatch(/^\d+ occurrences of “migrant\*” in \d+ statements\.$/u);
    expect(await page.locator('#kwic-download a').getAttribute('download')).toBe('concordance-migrant.csv');
    // Read as the page shows it, the status, the download link and the counts stay apart.
    const shown = await page.locator('main').innerText();
    expect(shown).toContain(status);
    expect(shown).not.toMatch(/\*[\p{L}\p{N}]/u);
    await page.context().close();
  });
});

describe('concordance lines (keyword in context)', () => {
  it('at 1280 px, puts every keyword in one column, each line on one line, across the window', async () => {
    const page = await open('/concordance/?q=cooperation', { width: DESKTOP });
    const l = await layout(page);
    expect(l.keywordX).toHaveLength(20);
    const spread = Math.max(...l.keywordX) - Math.min(...l.keywordX);
    expect(spread, `keywords start between x=${Math.min(...l.keywordX)} and ${Math.max(...l.keywordX)}`).toBeLessThanOrEqual(2);
    expect(l.wrapped, 'lines whose context wraps').toBe(0);
    for (const h of l.rowHeights) expect(h).toBeLessThan(2 * l.lineHeight);
    expect(l.tableWidth).toBeGreaterThan(COLUMN);
    expect(l.scrollWidth).toBeLessThanOrEqual(l.viewport);
    await page.context().close();
  });

  it('lines up keywords of different lengths (GCM and Global Compact on Migration)', async () => {
    const page = await open('/concordance/?q=GCM&aliases=1', { width: DESKTOP });
    const l = await layout(page);
    expect(l.keywordX).toHaveLength(6);
    expect(Math.max(...l.keywordX) - Math.min(...l.keywordX)).toBeLessThanOrEqual(2);
    expect(l.wrapped).toBe(0);
    await page.context().close();
  });

  it('at 375 px, stacks each line over its link and keeps every cell on screen', async () => {
    const page = await open('/concordance/?q=cooperation', { width: PHONE });
    const l = await layout(page);
    expect(l.scrollWidth, 'the document is wider than the window').toBeLessThanOrEqual(l.viewport);
    expect(l.offScreen).toEqual([]);
    expect(l.wrapped, 'lines whose context wraps').toBe(0);
    expect(Math.max(...l.keywordX) - Math.min(...l.keywordX)).toBeLessThanOrEqual(2);
    // The ¶ link is below the keyword's line, not beside it.
    const first = page.locator('#kwic-output tbody tr').first();
    const [match, src] = await Promise.all(['.match', '.src'].map((c) => first.locator(c).boundingBox()));
    expect(src!.y).toBeGreaterThanOrEqual(match!.y + match!.height - 1);
    await page.context().close();
  });

  it('cuts a context far from the keyword, and shows the whole line by keyboard', async () => {
    const page = await open('/concordance/?q=cooperation', { width: PHONE });
    const rows = await page.locator('#kwic-output tbody tr').count();
    let row = -1;
    for (let i = 0; i < rows && row < 0; i++) {
      const c = await contexts(page, i);
      if (!c.left.whole && !c.right.whole) row = i;
    }
    expect(row, 'no line is cut on both sides at 375 px').toBeGreaterThanOrEqual(0);
    const cut = await contexts(page, row);
    expect(cut.left.nearKeyword, 'the word before the keyword is hidden').toBe(true);
    expect(cut.right.nearKeyword, 'the word after the keyword is hidden').toBe(true);

    // Tab from the query field to that line's keyword, and open it.
    const toggle = page.locator('#kwic-output tbody tr').nth(row).locator('.match button');
    await page.locator('#kwic-q').focus();
    for (let i = 0; i < 80 && !(await toggle.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await toggle.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const whole = await contexts(page, row);
    expect(whole.left).toEqual({ text: cut.left.text, whole: true, nearKeyword: true });
    expect(whole.right).toEqual({ text: cut.right.text, whole: true, nearKeyword: true });
    expect((await layout(page)).scrollWidth).toBeLessThanOrEqual(PHONE);
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect((await contexts(page, row)).left.whole).toBe(false);
    await page.context().close();
  });

  it('prints every line whole, with its keyword', async () => {
    const page = await open('/concordance/?q=cooperation', { width: PHONE });
    const cut = await Promise.all(Array.from({ length: 20 }, (_, i) => contexts(page, i)));
    expect(cut.some((c) => !c.left.whole || !c.right.whole)).toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (let i = 0; i < 20; i++) {
      const c = await contexts(page, i);
      expect([c.left.whole, c.right.whole], `line ${i}`).toEqual([true, true]);
    }
    expect(await page.locator('#kwic-output tbody .match').allInnerTexts()).toEqual(
      Array.from({ length: 20 }, () => expect.stringMatching(/^cooperation$/iu)),
    );
    await page.context().close();
  });

  it('gives screen readers a table with column headers and each context whole (Chromium’s accessibility tree)', async () => {
    const page = await open('/concordance/?q=cooperation&sort=left', { width: PHONE });
    const cut = await contexts(page, 0);
    expect(cut.left.whole && cut.right.whole, 'the first line is not cut at 375 px').toBe(false);
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored: boolean; role?: { value: unknown }; name?: { value: unknown } }[];
    };
    const named = (role: string) => nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => String(n.name?.value ?? ''));
    expect(named('table')).toEqual(['Occurrences in context']);
    expect(named('columnheader')).toEqual(['Before', 'Match', 'After', 'Where']);
    expect(named('row')).toHaveLength(21);
    expect(named('cell')).toContain(cut.left.text);
    expect(named('cell')).toContain(cut.right.text);
    await page.context().close();
  });

  it.each([
    [DESKTOP, 'light'],
    [DESKTOP, 'dark'],
    [PHONE, 'light'],
    [PHONE, 'dark'],
  ] as const)('has no accessibility violations at %i px in the %s color scheme, with a line open', async (width, colorScheme) => {
    const page = await open('/concordance/?q=cooperation', { width, colorScheme });
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#kwic-output tbody tr .match button').nth(1).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
