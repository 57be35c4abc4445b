/**
 * The search page in Chromium, as a reader uses it: exact phrases (alone and
 * inside a longer query), aliases, filters, the URL as the whole state, deep
 * links that land on the paragraph with the words marked, and what happens
 * without JavaScript. Also what a first search downloads. Over the fixture's
 * site (tests/fixtures/content/ → dist-fixture/): the expectations are the five seeds'.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { scrollSettled } from '../../scripts/dev/chromium.ts';
import { useSite } from './use-site.ts';
import { FIXTURE_SITE } from '../helpers/content.ts';

const site = useSite(FIXTURE_SITE.dist);
let context: BrowserContext;
let page: Page;

beforeEach(async () => {
  await context?.close();
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

/** Opens the search page with a query string and waits for the results. */
async function search(query: string): Promise<void> {
  await page.goto(`${site.server.url}/search/${query ? `?${query}` : ''}`);
  await settled();
}

async function settled(): Promise<void> {
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status')?.textContent ?? '';
    return s !== '' && !s.startsWith('Searching');
  });
}

/** Results as the reader sees them: statement URL and its paragraph hits (¶ link and text). */
async function results(): Promise<{ url: string; paras: { href: string; text: string }[]; alias: string }[]> {
  return page.$$eval('#search-results > li', (items) =>
    items
      .filter((li) => li.querySelector('h2 a'))
      .map((li) => ({
        // The statement (its link also carries ?hl=, checked on its own).
        url: li.querySelector('h2 a')!.getAttribute('href')!.split('?')[0]!,
        alias: li.querySelector('.alias')?.textContent ?? '',
        paras: [...li.querySelectorAll('.paras > li')].map((p) => ({
          href: p.querySelector('a')!.getAttribute('href')!,
          text: p.textContent ?? '',
        })),
      })),
  );
}

const CHEN = '/statements/2023-chen-xu-iom-council/';
const KE = '/statements/2021-03-ke-yousheng-gcm-review-asia-pacific/';

describe('exact phrases', () => {
  it('"Global Compact" finds exactly the two statements that contain it, each hit a paragraph with the phrase', async () => {
    await search('q=%22Global+Compact%22');
    const r = await results();
    expect(r.map((x) => x.url).sort()).toEqual([CHEN, KE].sort());
    for (const x of r) {
      expect(x.paras.length).toBeGreaterThan(0);
      for (const p of x.paras) expect(p.text.toLowerCase()).toContain('global compact');
    }
    expect(await page.locator('#search-status').textContent()).toMatch(/^2 statements, 2 paragraphs for "Global Compact"\.$/u);
  });

  it('a quoted phrase inside a longer query still has to occur as a phrase', async () => {
    await search('q=%22Global+Compact%22+cooperation');
    expect((await results()).map((x) => x.url).sort()).toEqual([CHEN, KE].sort());
    // Both words occur in the 2010 speech ("Global Forum", "compact" nowhere), so only the phrase check keeps it out:
    await search('q=%22international+cooperation%22+trafficking');
    const urls = (await results()).map((x) => x.url);
    expect(urls).toContain('/statements/2010-03-02-swing-cbmm-training-beijing/');
    for (const x of await results()) for (const p of x.paras) expect(p.text.toLowerCase()).toContain('international cooperation');
    await search('q=%22cooperation+international%22+migration');
    expect(await results()).toEqual([]);
    expect(await page.locator('#search-status').textContent()).toBe('No statements match for "cooperation international" migration.');
  });

  it('finds nothing for words that occur only in removed boilerplate', async () => {
    for (const q of [
      'Liljert',
      'pliljert',
      '%22Take+Action%22',
      '%22Get+involved%22',
      '%22Data+and+Research%22',
      '%22Statements+and+Speeches%22',
    ]) {
      await search(`q=${q}`);
      expect(await results(), q).toEqual([]);
      expect(await page.locator('#search-status').textContent(), q).toMatch(/^No statements match/u);
    }
  });
});

describe('aliases', () => {
  it('an unquoted GCM also finds the Global Compact under its other names, and says which name matched', async () => {
    await search('q=GCM');
    const r = await results();
    expect(r.map((x) => x.url).sort()).toEqual([CHEN, KE].sort());
    const chen = r.find((x) => x.url === CHEN)!;
    expect(chen.alias).toBe('Found as “Global Compact on Migration”: another name for “GCM”.');
    expect(chen.paras.map((p) => p.href)).toEqual([`${CHEN}?hl=GCM&hl=Global+Compact+on+Migration#p-6`]);
    const ke = r.find((x) => x.url === KE)!;
    expect(ke.alias).toMatch(
      /^Found as “GCM” and “Global Compact for Safe, Orderly and Regular Migration”, “Global Compact on Migration”/u,
    );
    expect(ke.paras.map((p) => p.href.split('#')[1])).toEqual(['p-2', 'p-8', 'p-10', 'p-15']);
  });

  it('a quoted name stays exact', async () => {
    await search('q=%22GCM%22');
    const r = await results();
    expect(r.map((x) => x.url)).toEqual([KE]);
    expect(r[0]!.alias).toBe('');
  });

  it('the long name finds the abbreviation too', async () => {
    await search('q=International+Organization+for+Migration');
    const urls = (await results()).map((x) => x.url);
    expect(urls).toHaveLength(5);
  });
});

describe('filters, order and the URL', () => {
  it('narrows by speaker, shows counts, combines facets and clears them all', async () => {
    await search('q=migration');
    const all = (await results()).length;
    expect(all).toBe(5);
    await page.getByRole('checkbox', { name: /^Chen Xu/u }).check();
    await settled();
    expect((await results()).map((x) => x.url)).toEqual([CHEN]);
    expect(new URL(page.url()).search).toBe('?q=migration&speaker=chen-xu');
    await expect.poll(() => page.locator('label[for="f-speaker-william-lacy-swing"] .count').textContent()).toBe('(2)');
    await page.getByRole('checkbox', { name: /^Ke Yousheng/u }).check();
    await settled();
    expect((await results()).map((x) => x.url).sort()).toEqual([CHEN, KE].sort());
    await page.getByRole('checkbox', { name: /^2023/u }).check();
    await settled();
    expect((await results()).map((x) => x.url)).toEqual([CHEN]);
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await settled();
    expect((await results()).length).toBe(all);
    expect(new URL(page.url()).search).toBe('?q=migration');
  });

  it('offers to drop filters when nothing matches', async () => {
    await search('q=%22Global+Compact%22&year=2010');
    expect(await page.locator('#search-status').textContent()).toBe('No statements match for "Global Compact" with these filters.');
    await page.getByRole('button', { name: 'Search without filters' }).click();
    await settled();
    expect((await results()).length).toBe(2);
  });

  it('restores query, filters and order on reload, back and forward, and in a fresh tab', async () => {
    await search('q=%22Global+Compact%22');
    await page.getByRole('checkbox', { name: /^Chen Xu/u }).check();
    await settled();
    await page.locator('#search-q').fill('trafficking');
    await page.locator('#search-q').press('Enter');
    await settled();
    await page.selectOption('#search-sort', 'oldest');
    await settled();
    const url = page.url();
    expect(new URL(url).search).toBe('?q=trafficking&speaker=chen-xu&sort=oldest');
    await page.goBack();
    await settled();
    expect(new URL(page.url()).search).toBe('?q=trafficking&speaker=chen-xu');
    await page.goBack();
    await settled();
    expect(await page.locator('#search-q').inputValue()).toBe('"Global Compact"');
    expect(await page.getByRole('checkbox', { name: /^Chen Xu/u }).isChecked()).toBe(true);
    expect((await results()).map((x) => x.url)).toEqual([CHEN]);
    await page.goForward();
    await page.goForward();
    await settled();
    expect(await page.locator('#search-sort').inputValue()).toBe('oldest');
    const fresh = await context.newPage();
    await fresh.goto(url);
    await fresh.waitForFunction(() => /statement/u.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await fresh.locator('#search-q').inputValue()).toBe('trafficking');
    expect(await fresh.locator('#search-results > li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      `${CHEN}?hl=trafficking`,
    ]);
  });

  it('sorts by date when asked', async () => {
    await search('q=migration&sort=oldest');
    const oldest = (await results()).map((x) => x.url);
    expect(oldest[0]).toBe('/statements/2010-03-02-swing-cbmm-training-beijing/');
    expect(oldest.at(-1)).toBe(CHEN);
    await search('q=migration&sort=newest');
    expect((await results()).map((x) => x.url)).toEqual([...oldest].reverse());
  });

  it('lists every statement with the facets for an empty query (browse mode)', async () => {
    await search('');
    expect(await page.locator('#search-status').textContent()).toBe('Type words or a "quoted phrase", or browse all statements.');
    await page.getByRole('button', { name: 'Browse all statements' }).click();
    await settled();
    expect((await results()).length).toBe(5);
    await search('type=speech');
    expect((await results()).map((x) => x.url)).toEqual(['/statements/2010-03-02-swing-cbmm-training-beijing/']);
  });

  it('comes from the header search box on any page', async () => {
    await page.goto(`${site.server.url}/speakers/`);
    await page.locator('#site-search').fill('"Global Compact"');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/\/search\/\?q=/u);
    await settled();
    expect((await results()).length).toBe(2);
  });
});

describe('deep links and keyboard', () => {
  it('a hit lands on its paragraph, marked as target, with the searched words highlighted', async () => {
    await search('q=%22Global+Compact%22');
    const href = (await results()).find((x) => x.url === CHEN)!.paras[0]!.href;
    expect(href).toBe(`${CHEN}?hl=Global+Compact#p-6`);
    await page.locator(`a[href="${href}"]`).click();
    await page.waitForURL(`**${href}`);
    await scrollSettled(page);
    const target = page.locator('#p-6');
    expect(await target.evaluate((e) => e.matches(':target'))).toBe(true);
    expect(await target.isVisible()).toBe(true);
    expect(
      await target.evaluate((e) => {
        const r = e.getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight;
      }),
    ).toBe(true);
    expect(await target.locator('mark').allTextContents()).toEqual(['Global Compact']);
    expect(await page.locator('.text mark').count()).toBe(1);
  });

  it('"/" focuses the search box; everything is reachable by Tab', async () => {
    await search('q=GCM');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      reached.add(
        await page.evaluate(() => {
          const a = document.activeElement as HTMLElement | null;
          return a ? (a.getAttribute('href') ?? a.id ?? a.tagName) : '';
        }),
      );
    }
    expect(reached).toContain('f-speaker-chen-xu');
    expect(reached).toContain('search-clear');
    expect(reached).toContain(`${CHEN}?hl=GCM&hl=Global+Compact+on+Migration#p-6`);
  });
});

describe('without JavaScript', () => {
  it('says search needs it and links to the indexes', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${site.server.url}/search/?q=GCM`);
    const notice = p.locator('p.notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(/need JavaScript/u);
    expect(await notice.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/speakers/',
      '/years/',
      '/themes/',
      '/statements/',
    ]);
    expect(await p.locator('#search-controls').isVisible()).toBe(false);
    await noJs.close();
  });
});

describe('accessibility with results on screen', () => {
  it('has no axe violations, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const ctx = await site.browser.newContext({ colorScheme });
      const p = await ctx.newPage();
      await p.goto(`${site.server.url}/search/?q=GCM&speaker=ke-yousheng`);
      await p.waitForFunction(() => /statement/u.test(document.getElementById('search-status')?.textContent ?? ''));
      expect(await axeViolations(p), colorScheme).toEqual([]);
      await ctx.close();
    }
  });
});

describe("a result's title", () => {
  it('links the statement with the searched words, which its page then marks', async () => {
    await search('q=%22Global+Compact%22');
    const titles = await page.locator('#search-results > li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(titles.length).toBeGreaterThan(0);
    for (const href of titles) expect(href).toMatch(/^\/statements\/[^/?]+\/\?hl=Global\+Compact$/u);
    await page.locator('#search-results > li h2 a').first().click();
    await page.waitForFunction(() => document.documentElement.dataset['highlights'] !== undefined);
    expect(await page.locator('.text mark').first().textContent()).toBe('Global Compact');
  });
});

describe('paragraph hits beyond the first five', () => {
  it('open in place, each linked to its paragraph with the words to mark, and focus moves to the first of them', async () => {
    await search('q=migration');
    // The first result with more than five hits (pinned by its place: it loses the button when opened).
    const at = await page.locator('#search-results > li').evaluateAll((items) => items.findIndex((li) => li.querySelector('.more-paras')));
    expect(at).toBeGreaterThanOrEqual(0);
    const hit = page.locator('#search-results > li').nth(at);
    const label = (await hit.locator('.more-paras').textContent())!;
    const more = Number(/^Show (\d+) more paragraphs? of this statement$/u.exec(label)![1]);
    const paras = hit.locator('.paras > li');
    const shown = await paras.count();
    await hit.locator('.more-paras').click();
    expect(await paras.count()).toBe(shown + more);
    expect(await hit.locator('.more-paras').count()).toBe(0);
    const added = await paras.evaluateAll(
      (items, from) =>
        items.slice(from).map((li) => ({ href: li.querySelector('a')!.getAttribute('href')!, marked: li.querySelectorAll('mark').length })),
      shown,
    );
    for (const p of added) {
      expect(p.href).toMatch(/\?hl=migration#p-\d+$/u);
      expect(p.marked).toBeGreaterThan(0);
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(added[0]!.href);
  });
});

describe('what search downloads', () => {
  it('fetches no index bytes before a query, and reports what a first phrase search costs', async () => {
    const requests: { url: string; bytes: number }[] = [];
    page.on('requestfinished', async (req) => {
      const sizes = await req.sizes();
      requests.push({ url: req.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
    });
    await page.goto(`${site.server.url}/search/`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((r) => r.url.includes('/pagefind/'))).toEqual([]);
    await page.locator('#search-q').fill('"Global Compact"');
    await page.locator('#search-q').press('Enter');
    await settled();
    await page.waitForLoadState('networkidle');
    const index = requests.filter((r) => r.url.includes('/pagefind/'));
    expect(index.length).toBeGreaterThan(0);
    // Few statements found: all are loaded and counted exactly, so Pagefind's filter index is not needed.
    expect(index.filter((r) => r.url.includes('.pf_filter'))).toEqual([]);
    expect(await page.locator('#search-more').isVisible()).toBe(false);
    const total = index.reduce((s, r) => s + r.bytes, 0);
    // A figure to report, not a limit: see README "Performance".
    console.log(
      `First search for "Global Compact": ${index.length} requests, ${total} bytes:\n${index.map((r) => `  ${r.url.replace(site.server.url, '')} ${r.bytes}`).join('\n')}`,
    );
  });
});
