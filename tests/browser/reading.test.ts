/**
 * Reading the edition as a reader does, in Chromium, over the live site
 * (content/ → dist/, the local preview that `npm start` serves): the phone
 * layout (a one-row header with a menu, the facts summed up above ¶1, targets
 * of at least 24 px, one numbering at the start of a list item), the desktop
 * header on one row, the search filters above the results on phones, page
 * titles, and a statement printed to A4. Every expectation comes from the data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { open } from '../../scripts/dev/chromium.ts';
import { LIVE_CONTENT, splitStatement } from '../helpers/content.ts';
import { useSite } from './use-site.ts';

const site = useSite();

const PHONE = { width: 375, height: 667 };
const DESKTOP = { width: 1280, height: 800 };
const SITE_NAME = 'Migration Statements';
/** The sections of the site, as the header lists them. */
const SECTIONS = ['Statements', 'Speakers', 'Years', 'Themes', 'Search', 'Data', 'About'];

interface Fact {
  value: string | null;
  status: string;
  evidence: string | null;
}
interface Statement {
  id: string;
  title: string;
  words: number;
  date: Fact;
  speaker: Fact;
  role: Fact;
  event: Fact;
  place: Fact;
  onBehalfOf: Fact;
}

const statements: Statement[] = readdirSync(join(LIVE_CONTENT, 'statements'))
  .filter((n) => n.endsWith('.md'))
  .sort()
  .map((n) => parse(splitStatement(readFileSync(join(LIVE_CONTENT, 'statements', n), 'utf8')).frontmatter) as Statement);
const path = (s: Statement) => `/statements/${s.id}/`;
/** The issue's example: the 1,022-word speech of 2010. */
const speech2010 = statements.find((s) => s.id.startsWith('2010-'))!;

async function page(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await site.browser.newContext(options);
  return context.newPage();
}

async function box(p: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await p.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not on screen`);
  return b;
}

describe('the header', () => {
  it('is one row no taller than 80 px at 375 px, and its "Menu" opens every section', async () => {
    const p = await page({ viewport: PHONE });
    for (const at of ['/', path(speech2010), '/search/']) {
      await open(p, site.server.url, at);
      expect((await box(p, 'header.site')).height, at).toBeLessThanOrEqual(80);
      expect(await p.locator('header.site nav.wide').isVisible(), at).toBe(false);
    }
    const menu = p.locator('header.site .menu');
    await menu.locator('summary').click();
    const links = menu.locator('nav a');
    expect(await links.allTextContents()).toEqual(SECTIONS);
    for (const link of await links.all()) {
      expect(await link.isVisible()).toBe(true);
      expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    }
    await links.filter({ hasText: 'About' }).click();
    await p.waitForURL(/\/about\/$/u);
    await p.context().close();
  });

  it('opens its menu without JavaScript too', async () => {
    const p = await page({ viewport: PHONE, javaScriptEnabled: false });
    await open(p, site.server.url, path(speech2010));
    await p.locator('header.site .menu summary').click();
    expect(await p.locator('header.site .menu nav a').filter({ hasText: 'Themes' }).isVisible()).toBe(true);
    await p.context().close();
  });

  it('holds the site name, the sections and the search box on one row at 1280 px', async () => {
    const p = await page({ viewport: DESKTOP });
    await open(p, site.server.url, path(speech2010));
    const brand = await box(p, 'header.site .brand');
    const nav = await box(p, 'header.site nav.wide');
    const search = await box(p, 'header.site form.search');
    const middle = (b: { y: number; height: number }) => b.y + b.height / 2;
    expect(Math.abs(middle(nav) - middle(brand))).toBeLessThanOrEqual(6);
    expect(Math.abs(middle(search) - middle(brand))).toBeLessThanOrEqual(6);
    expect(await p.locator('header.site .menu').isVisible()).toBe(false);
    expect((await box(p, 'header.site')).height).toBeLessThanOrEqual(64);
    await p.context().close();
  });
});

describe('a statement page on a phone (375 px)', () => {
  it.each(statements.map((s) => [s.id, s] as const))(
    '%s: ¶1 starts within two screens, under a summary of the facts that expands',
    async (_id, s) => {
      const p = await page({ viewport: PHONE });
      await open(p, site.server.url, path(s));
      const first = await p.locator('#p-1').evaluate((e) => e.getBoundingClientRect().top + scrollY);
      expect(first).toBeLessThan(2 * PHONE.height);
      // Two lines at most: who, when, where.
      const byline = p.locator('.statement .byline');
      const lines = await byline.evaluate((e) => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight));
      expect(lines).toBeLessThanOrEqual(2.05);
      expect(await byline.textContent()).toContain(s.date.status === 'inferred' ? '(inferred)' : '');
      // Every fact, with its evidence, one tap away.
      const facts = p.locator('.statement .facts');
      expect(await facts.isVisible()).toBe(false);
      await p.locator('.statement .facts-box > summary').click();
      expect(await facts.isVisible()).toBe(true);
      for (const label of ['Speaker', 'Role at the time', 'On behalf of', 'Event', 'Place', 'Date']) {
        expect(await facts.locator('dt', { hasText: label }).isVisible(), label).toBe(true);
      }
      await p.context().close();
    },
  );

  it('gives every ¶ link a target of at least 24 × 24 px, on phones and desktops', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const p = await page({ viewport });
      await open(p, site.server.url, path(speech2010));
      const sizes = await p.locator('.statement .text .block-link').evaluateAll((links) =>
        links.map((l) => {
          const r = l.getBoundingClientRect();
          return { text: l.textContent, width: r.width, height: r.height };
        }),
      );
      expect(sizes.length).toBeGreaterThan(0);
      for (const size of sizes) {
        expect(size.width, `${size.text} at ${viewport.width} px`).toBeGreaterThanOrEqual(24);
        expect(size.height, `${size.text} at ${viewport.width} px`).toBeGreaterThanOrEqual(24);
      }
      await p.context().close();
    }
  });

  it('shows one numbering at the start of a list item: its own, with the ¶ number at the end of the line', async () => {
    const p = await page({ viewport: PHONE });
    let checked = 0;
    for (const s of statements) {
      await open(p, site.server.url, path(s));
      for (const item of await p.locator('.statement .text ol > li[data-block]').all()) {
        const [li, link] = await Promise.all([item.boundingBox(), item.locator('> .block-link').boundingBox()]);
        expect(link!.x, `${s.id}: the ¶ link of a list item`).toBeGreaterThan(li!.x + li!.width / 2);
        checked++;
      }
    }
    expect(checked, 'no statement has a numbered list').toBeGreaterThan(0);
    await p.context().close();
  });
});

describe('a statement page on a desktop (1280 px)', () => {
  it('keeps the two columns of distinctive words apart, with room for the numbers', async () => {
    const p = await page({ viewport: DESKTOP });
    let checked = 0;
    for (const s of statements) {
      await open(p, site.server.url, path(s));
      const items = await p.locator('.statement .words li').evaluateAll((lis) =>
        lis.map((li) => {
          const range = document.createRange();
          range.selectNodeContents(li);
          const text = range.getBoundingClientRect();
          return { left: li.getBoundingClientRect().left, textRight: text.right };
        }),
      );
      const columns = [...new Set(items.map((i) => Math.round(i.left)))].sort((a, b) => a - b);
      if (columns.length < 2) continue;
      const firstRight = Math.max(...items.filter((i) => Math.round(i.left) === columns[0]).map((i) => i.textRight));
      // The second column's numbers ("10.") stand left of its items: about 2 em that the first column's text must leave free.
      expect(columns[1]! - firstRight, s.id).toBeGreaterThanOrEqual(32);
      checked++;
    }
    expect(checked, 'no statement has two columns of distinctive words').toBeGreaterThan(0);
    await p.context().close();
  });

  it('never glues a word to the code beside it ("the TEI element statement-…")', async () => {
    const p = await page({ viewport: DESKTOP });
    for (const s of statements) {
      await open(p, site.server.url, path(s));
      const glued = await p.locator('main code').evaluateAll((codes) =>
        codes
          .filter((c) => {
            const before = c.previousSibling?.textContent ?? '';
            const after = c.nextSibling?.textContent ?? '';
            return /[\p{L}\p{N}]$/u.test(before) || /^[\p{L}\p{N}]/u.test(after);
          })
          .map((c) => `${c.previousSibling?.textContent?.slice(-20)}|${c.textContent}|${c.nextSibling?.textContent?.slice(0, 20)}`),
      );
      expect(glued, s.id).toEqual([]);
    }
    await p.context().close();
  });

  it('names the whole title and the site in the tab', async () => {
    const p = await page({ viewport: DESKTOP });
    for (const s of statements) {
      await open(p, site.server.url, path(s));
      expect(await p.title()).toBe(`${s.title} · ${SITE_NAME}`);
    }
    await p.context().close();
  });
});

describe('search on a phone', () => {
  it('puts "Order and filters" closed above the results, next after the search box for Tab; open beside them on a desktop', async () => {
    const p = await page({ viewport: PHONE });
    await open(p, site.server.url, '/search/?q=migration');
    await p.locator('#search-results > li').first().waitFor();
    const summary = p.locator('#search-filters > summary');
    expect((await summary.boundingBox())!.y).toBeLessThan((await box(p, '#search-results > li')).y);
    expect(await p.locator('#search-filters').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await p.locator('#search-q').focus();
    await p.keyboard.press('Tab'); // the Search button
    await p.keyboard.press('Tab');
    expect(await summary.evaluate((e) => e === document.activeElement)).toBe(true);
    await p.keyboard.press('Enter');
    expect(await p.locator('#search-controls fieldset').first().isVisible()).toBe(true);
    await p.context().close();

    const wide = await page({ viewport: DESKTOP });
    await open(wide, site.server.url, '/search/?q=migration');
    await wide.locator('#search-results > li').first().waitFor();
    expect(await wide.locator('#search-filters > summary').isVisible()).toBe(false);
    expect(await wide.locator('#search-controls fieldset').first().isVisible()).toBe(true);
    await wide.context().close();
  });

  it('marks an inferred date in the results, as the lists do', async () => {
    const inferred = statements.find((s) => s.date.status === 'inferred')!;
    const p = await page({ viewport: DESKTOP });
    await open(p, site.server.url, `/search/?q=${encodeURIComponent(`"${inferred.title}"`)}`);
    const hit = p.locator('#search-results > li', { has: p.locator(`h2 a[href^="${path(inferred)}"]`) });
    await hit.waitFor();
    expect(await hit.locator('.meta').textContent()).toMatch(/\(inferred\)$/u);
    await p.context().close();
  });
});

describe('a statement printed to A4', () => {
  it(`prints ${speech2010.id} on at most three pages, with no disclosure arrow and no localhost address`, async () => {
    const p = await page({ viewport: DESKTOP });
    await open(p, site.server.url, path(speech2010));
    const pdf = await p.pdf({ format: 'A4', printBackground: false });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/gu)?.length ?? 0;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(3);
    await p.emulateMedia({ media: 'print' });
    const text = await p.locator('body').innerText();
    expect(text).not.toMatch(/▶|►|localhost|127\.0\.0\.1/u);
    expect(text).toContain(speech2010.title);
    // The text with its ¶ numbers, and a short citation with the edition.
    expect(await p.locator('#p-1 > .block-link').isVisible()).toBe(true);
    expect(text).toMatch(/Migration Statements, edition \d/u);
    // No empty disclosure and no arrow: a summary still printed (an "inferred" mark) has no disclosure marker, and its content is printed.
    const summaries = await p.locator('summary').evaluateAll((all) =>
      all
        .filter((s) => s.getClientRects().length > 0)
        .map((s) => {
          const style = getComputedStyle(s);
          const content = [...s.parentElement!.children].filter((c) => c !== s);
          return {
            text: s.textContent?.trim(),
            marker: style.display === 'list-item' && style.listStyleType !== 'none',
            contentShown: content.length > 0 && content.every((c) => c.getClientRects().length > 0),
          };
        }),
    );
    for (const summary of summaries) expect(summary, summary.text).toMatchObject({ marker: false, contentShown: true });
    expect(await p.getByText('Show the removed text').filter({ visible: true }).count()).toBe(0);
    await p.context().close();
  });

  it('prints the evidence of every inferred fact', async () => {
    const p = await page({ viewport: DESKTOP });
    let checked = 0;
    for (const s of statements) {
      const inferred = [s.speaker, s.role, s.onBehalfOf, s.event, s.place, s.date].filter((f) => f.status === 'inferred' && f.evidence);
      if (inferred.length === 0) continue;
      await open(p, site.server.url, path(s));
      await p.emulateMedia({ media: 'print' });
      const text = (await p.locator('body').innerText()).replace(/\s+/gu, ' ');
      for (const f of inferred) expect(text, s.id).toContain(f.evidence!.replace(/\s+/gu, ' '));
      await p.emulateMedia({ media: 'screen' });
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    await p.context().close();
  });
});
