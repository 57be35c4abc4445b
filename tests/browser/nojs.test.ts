/**
 * The site without JavaScript, in Chromium, run after `npm run build:site`:
 * every statement, list and navigation link is in the HTML itself, and
 * paragraph links (`#p-3`) work with the browser's own fragment scrolling.
 * Over the live site (content/ → dist/): every expectation comes from the data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitStatement } from '../helpers/content.ts';
import { DIST, ROOT, launchChromium, open, pagesFromSitemap, scrollSettled, statementPaths } from '../../scripts/dev/chromium.ts';
import { startServer } from '../../scripts/dev/serve.ts';
import type { StaticServer } from '../../scripts/dev/serve.ts';

const SECTIONS = ['/statements/', '/speakers/', '/years/', '/themes/', '/about/'];
const STATEMENTS_DIR = join(ROOT, 'content', 'statements');

/** Every statement of the edition, from content/statements/, with its title and number of blocks. */
const statements = readdirSync(STATEMENTS_DIR)
  .filter((n) => n.endsWith('.md'))
  .sort()
  .map((n) => {
    const data = parse(splitStatement(readFileSync(join(STATEMENTS_DIR, n), 'utf8')).frontmatter) as {
      id: string;
      title: string;
      blocks: number;
    };
    return { id: data.id, title: data.title, blocks: data.blocks };
  });

const ids = statements.map((s) => s.id);

const pages = pagesFromSitemap(DIST);
const under = (section: string) => pages.filter((p) => p.startsWith(section) && p !== section && /^\/[^/]+\/[^/]+\/$/u.test(p));
const speakerPages = under('/speakers/');
const yearPages = under('/years/');
const themePages = under('/themes/');

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
/** One tab reused from page to page; the #fragment tests open their own. */
let tab: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(DIST), launchChromium()]);
  context = await browser.newContext({ javaScriptEnabled: false });
  tab = await context.newPage();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function withPage<T>(path: string, fn: (page: Page) => Promise<T>): Promise<T> {
  await open(tab, server.url, path);
  return fn(tab);
}

/** Opens `path` (with a #fragment) in a new tab, as when following a link from elsewhere. */
async function inNewTab<T>(path: string, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await context.newPage();
  try {
    await open(page, server.url, path);
    return await fn(page);
  } finally {
    await page.close();
  }
}

/** URL paths of the visible links inside `selector` (all matches), resolved against the page. */
function visibleLinks(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll(sel)].flatMap((root) =>
        [...root.querySelectorAll('a[href]')]
          .filter((a) => a.checkVisibility())
          .map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      ),
    selector,
  );
}

/** `target`'s place in the viewport: present, :target, its top on screen, and not under a sticky header. */
async function targetState(page: Page, id: string) {
  await scrollSettled(page);
  return page.evaluate((targetId) => {
    const el = document.getElementById(targetId);
    if (el === null) return null;
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + Math.min(4, box.width / 2), Math.max(box.top, 0) + Math.min(4, box.height / 2));
    return {
      visible: el.checkVisibility(),
      isTarget: el.matches(':target'),
      top: Math.round(box.top),
      viewportHeight: innerHeight,
      uncovered: hit !== null && (el === hit || el.contains(hit)),
      covering: hit === null || el.contains(hit) ? '' : hit.outerHTML.slice(0, 100),
    };
  }, id);
}

describe('without JavaScript', () => {
  it('the edition has statements to show', () => {
    expect(statements.length).toBeGreaterThan(0);
  });

  it.each(statements.map((s) => [s.id, s.title, s.blocks] as const))(
    'the statement page of %s shows its title, its text and the site navigation',
    async (id, title, blockCount) => {
      await withPage(`/statements/${id}/`, async (page) => {
        const shown = await page.evaluate(() => {
          const h1 = [...document.querySelectorAll('h1')].filter((h) => h.checkVisibility());
          const blocks = [...document.querySelectorAll<HTMLElement>('[data-block]')].filter(
            (b) => b.checkVisibility() && b.innerText.trim() !== '',
          );
          return { h1: h1.map((h) => h.innerText.replace(/\s+/gu, ' ').trim()), blocks: blocks.length };
        });
        expect(shown.h1, 'the visible <h1> headings').toEqual([title]);
        expect(shown.blocks, 'visible [data-block] elements with text, one per block of the Markdown').toBe(blockCount);

        const nav = await visibleLinks(page, 'nav');
        expect(
          SECTIONS.filter((s) => !nav.includes(s)),
          `sections with no visible link in a <nav> (nav links: ${nav.join(' ') || 'none'})`,
        ).toEqual([]);
      });
    },
  );

  // Each waits most of a second for smooth scrolling to end, so they run side by side.
  describe.concurrent('paragraph links', () => {
    // ¶3, or the last paragraph of a statement shorter than that.
    const third = statements.map((s) => [s.id, `p-${Math.min(3, s.blocks)}`] as const);
    it.for(third)('/statements/%s/#%s opens scrolled to that paragraph, as the :target', async ([id, anchor], { expect }) => {
      await inNewTab(`/statements/${id}/#${anchor}`, async (page) => {
        const state = await targetState(page, anchor);
        expect(state, `no element with id="${anchor}"`).not.toBeNull();
        expect(state!.visible, `#${anchor} is not visible`).toBe(true);
        expect(state!.isTarget, `#${anchor} does not match :target`).toBe(true);
        expect(state!.top, `#${anchor}'s top is at ${state!.top}px, above the viewport`).toBeGreaterThanOrEqual(0);
        expect(state!.top, `#${anchor}'s top is at ${state!.top}px, below the ${state!.viewportHeight}px viewport`).toBeLessThan(
          state!.viewportHeight,
        );
        expect(state!.uncovered, `#${anchor} is covered by ${state!.covering}`).toBe(true);
      });
    });

    it.for(ids)('/statements/%s/ opened at its last paragraph scrolls down to it, as the :target', async (id, { expect }) => {
      const blocks = await inNewTab(`/statements/${id}/`, (page) =>
        page.evaluate(() => [...document.querySelectorAll('[data-block][id]')].map((b) => b.id)),
      );
      const last = blocks.at(-1);
      expect(last, 'no [data-block] element with an id').toBeDefined();
      await inNewTab(`/statements/${id}/#${last}`, async (page) => {
        const state = await targetState(page, last!);
        expect(state, `no element with id="${last}"`).not.toBeNull();
        expect(state!.visible, `#${last} is not visible`).toBe(true);
        expect(state!.isTarget, `#${last} does not match :target`).toBe(true);
        expect(state!.top, `#${last}'s top is at ${state!.top}px, above the viewport`).toBeGreaterThanOrEqual(0);
        expect(state!.top, `#${last}'s top is at ${state!.top}px, below the ${state!.viewportHeight}px viewport`).toBeLessThan(
          state!.viewportHeight,
        );
        expect(state!.uncovered, `#${last} is covered by ${state!.covering}`).toBe(true);
      });
    });
  });

  describe('list pages show their lists', () => {
    it('the home page links to statements', async () => {
      const links = await withPage('/', (page) => visibleLinks(page, 'main'));
      expect(statementPaths(links).length, `statement links in <main> (links: ${links.join(' ') || 'none'})`).toBeGreaterThan(0);
    });

    it('/statements/ links to every statement', async () => {
      const links = await withPage('/statements/', (page) => visibleLinks(page, 'main'));
      const missing = statements.map((s) => `/statements/${s.id}/`).filter((p) => !links.includes(p));
      expect(missing, 'statements with no visible link in <main>').toEqual([]);
    });

    it.each([
      ['/speakers/', speakerPages],
      ['/years/', yearPages],
      ['/themes/', themePages],
    ])('%s links to each of its pages in the sitemap', async (path, detailPages) => {
      expect(detailPages.length, `the sitemap lists no ${path}<…>/ pages`).toBeGreaterThan(0);
      const links = await withPage(path, (page) => visibleLinks(page, 'main'));
      expect(
        detailPages.filter((p) => !links.includes(p)),
        `pages with no visible link in <main> of ${path}`,
      ).toEqual([]);
    });

    it.each([...speakerPages, ...yearPages, ...themePages])('%s links to its statements', async (path) => {
      const links = await withPage(path, (page) => visibleLinks(page, 'main'));
      expect(statementPaths(links).length, `statement links in <main> (links: ${links.join(' ') || 'none'})`).toBeGreaterThan(0);
    });
  });
});
