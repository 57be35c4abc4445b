/**
 * Citations that survive a new edition. On a copy of the fixture's content
 * (with its locks), a new edition 1.1 is declared and one source is edited as
 * an editor would correct it: a paragraph found in the delivered version is
 * inserted in the middle, one paragraph is split in two, and the last two are
 * merged. Then `npm run normalize` and the site build run as a user runs them,
 * and in Chromium, with and without JavaScript:
 * - every link to a paragraph of edition 1.0 still lands on its text, or on
 *   its successor with a visible note;
 * - unchanged paragraphs keep their ids (and their text);
 * - /changes/ lists the insertion, the split and the merge under edition 1.1.
 * (Slow: it builds a site.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, scrollSettled } from '../../scripts/dev/chromium.ts';
import type { StaticServer } from '../../scripts/dev/serve.ts';
import { startSite, stopSite } from './use-site.ts';
import { copyContent, removeDir, runBuild, runNormalize, writeSource } from '../helpers/content.ts';

const SOURCE = '000_ce5e4365aebd8e0f';
const ID = '2012-11-28-wu-haitao-iom-council';
const PAGE = `/statements/${ID}/`;
const INSERTED = 'Fourthly, dialogue among countries of origin, transit and destination should be deepened, with IOM at its centre.';
const SPLIT_AT = ' All countries must protect';

interface LockBlock {
  id: string;
  text: string;
}
let dir = '';
let site = '';
let before: LockBlock[] = [];
let normalized: ReturnType<typeof runNormalize>;
let server: StaticServer;
let browser: Browser;
let html = '';

beforeAll(async () => {
  dir = copyContent();
  site = join(dir, 'site');
  const lockPath = join(dir, 'sources', `${SOURCE}.lock.json`);
  before = (JSON.parse(readFileSync(lockPath, 'utf8')) as { blocks: LockBlock[] }).blocks;
  writeFileSync(
    join(dir, 'editions.yaml'),
    `${readFileSync(join(dir, 'editions.yaml'), 'utf8')}- version: '1.1'\n  date: '2026-12-02'\n  summary: A paragraph restored, one split and two merged, for this test.\n`,
  );
  const raw = readFileSync(join(dir, 'sources', `${SOURCE}.txt`), 'utf8');
  const edited = raw
    // A paragraph inserted after "Secondly, …".
    .replace(/(\nSecondly,[^\n]*\n)/u, `$1\n${INSERTED}\n`)
    // "Thirdly, …" split in two at a sentence.
    .replace(SPLIT_AT, `\n\n${SPLIT_AT.trim()}`)
    // The closing thanks joined to the paragraph before it.
    .replace(/(migrants\.)\s*\n\s*\nThank you, Mr\. President\./u, '$1 Thank you, Mr. President.');
  expect(edited).not.toBe(raw);
  writeSource(dir, `${SOURCE}.txt`, edited);
  normalized = runNormalize(dir);
  expect(normalized.stderr).toBe('');
  expect(normalized.status).toBe(0);
  const built = runBuild(dir, site);
  expect(built.status, built.output).toBe(0);
  html = readFileSync(join(site, 'statements', ID, 'index.html'), 'utf8');
  ({ server, browser } = await startSite(site));
}, 300_000);

afterAll(async () => {
  await stopSite({ server, browser });
  removeDir(dir);
});

const textOf = (id: string) => before.find((b) => b.id === id)!.text;

describe('a new edition with an insertion, a split and a merge', () => {
  it('the normalizer reports what it did to the ids, filed under the new edition', () => {
    expect(normalized.stdout).toContain('inserted p-11');
    expect(normalized.stdout).toContain('split p-6 into p-6, p-12');
    expect(normalized.stdout).toContain('merged p-10 into p-9 (retired)');
    expect(normalized.stdout).toContain('filed under edition 1.1');
  });

  it('keeps the id and the text of every unchanged paragraph', () => {
    const $ = load(html);
    for (const id of ['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-7', 'p-8']) {
      const el = $(`#${id}`);
      el.find('.block-link, .id-note').remove();
      expect(el.text().trim(), id).toBe(textOf(id));
    }
  });

  it('numbers paragraphs in reading order and gives new ones new ids', () => {
    const $ = load(html);
    const order = $('.text [data-block]')
      .toArray()
      .map((e) => [$(e).attr('data-block'), $(e).attr('id')]);
    expect(order).toEqual([
      ['1', 'p-1'],
      ['2', 'p-2'],
      ['3', 'p-3'],
      ['4', 'p-4'],
      ['5', 'p-5'],
      ['6', 'p-11'],
      ['7', 'p-6'],
      ['8', 'p-12'],
      ['9', 'p-7'],
      ['10', 'p-8'],
      ['11', 'p-9'],
    ]);
    expect($('#p-11').text()).toContain(INSERTED);
    expect($('#p-12').text()).toContain(SPLIT_AT.trim());
  });

  it('lands every link of edition 1.0 on its paragraph or its successor, with JavaScript and without', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      for (const { id } of before) {
        // A fresh page each time: following a link from elsewhere, not moving within the page.
        const page = await context.newPage();
        await open(page, server.url, `${PAGE}#${id}`);
        await scrollSettled(page);
        const target = page.locator(`[id="${id}"]`);
        await expect.poll(() => target.isVisible(), { message: `${id} (JavaScript ${javaScriptEnabled})` }).toBe(true);
        const box = (await target.boundingBox())!;
        const viewport = page.viewportSize()!;
        expect(box.y, `${id} is scrolled into view`).toBeGreaterThanOrEqual(-1);
        expect(box.y, `${id} is scrolled into view`).toBeLessThan(viewport.height);
        await page.close();
      }
      await context.close();
    }
    // 20 fresh pages, each waited on until its scroll settles: a minute on a busy two-core machine.
  }, 120_000);

  it('says on arrival where a retired id went, and where a split paragraph continues', async () => {
    const context = await browser.newContext();
    const arrive = async (id: string) => {
      const p = await context.newPage();
      await open(p, server.url, `${PAGE}#${id}`);
      return p;
    };
    let page = await arrive('p-10');
    await expect
      .poll(() => page.locator('#p-10').innerText())
      .toBe('¶10 (p-10) of an earlier edition was merged into ¶11 (p-9) in edition 1.1.');
    expect(await page.locator('#p-9').innerText()).toContain('Thank you, Mr. President.');
    page = await arrive('p-6');
    await expect
      .poll(() => page.locator('#p-6 .split-note').innerText())
      .toBe('¶7 (p-6) was split in edition 1.1: its text continues in ¶8 (p-12).');
    // Notes are for arrivals only: not shown, not searchable, not copied with the text otherwise.
    page = await arrive('p-2');
    expect(await page.locator('#p-6 .split-note').isVisible()).toBe(false);
    expect(await page.locator('#p-10').isVisible()).toBe(false);
    await context.close();
  });

  it('lists the insertion, the split and the merge on /changes/ under edition 1.1, each linking to the paragraph', () => {
    const $ = load(readFileSync(join(site, 'changes', 'index.html'), 'utf8'));
    const section = $('#edition-1-1').parent();
    const lines = section
      .find('li')
      .toArray()
      .map((li) => [$(li).text().trim(), $(li).find('a').attr('href')]);
    expect(lines).toEqual([
      ['New paragraph ¶6 (p-11).', `${PAGE}#p-11`],
      ['p-6 split into ¶7 (p-6) and ¶8 (p-12); p-6 stays with the part that keeps most of its text.', `${PAGE}#p-6`],
      ['p-10 merged into ¶11 (p-9); its id is retired and old links land on ¶11 (p-9).', `${PAGE}#p-9`],
    ]);
    expect(section.find('h3').text()).toContain('Statement by Ambassador Wu Haitao');
    // Edition 1.0 is still listed, below.
    expect($('#edition-1-0').length).toBe(1);
  });

  it('shows the new edition on every page and in the citation', () => {
    const $ = load(html);
    expect($('footer .edition').text()).toContain('Edition 1.1');
    expect($('#cite-plain').text()).toContain('Migration Statements, edition 1.1.');
  });
});
