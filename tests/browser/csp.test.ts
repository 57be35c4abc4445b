/**
 * The Content-Security-Policy: present on every page of the live site (dist/),
 * and nothing the site does — reading, searching, the concordance, the trends —
 * trips it (those are tried on the fixture's site, dist-fixture/, whose
 * statements and search results are known).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, launchChromium, pagesFromSitemap } from '../../scripts/dev/chromium.ts';
import { type StaticServer, startServer } from '../../scripts/dev/serve.ts';
import { FIXTURE_SITE } from '../helpers/content.ts';

let server: StaticServer;
let fixtureServer: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [server, fixtureServer, browser] = await Promise.all([startServer(DIST), startServer(FIXTURE_SITE.dist), launchChromium()]);
  context = await browser.newContext();
  // Record every violation the page reports, from before any of its scripts run.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixtureServer?.close();
});

/** Opens a page (of the live site unless another server is given) and returns a function that lists its CSP violations and CSP console errors so far. */
async function visit(path: string, on: StaticServer = server): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/iu.test(m.text())) consoleErrors.push(m.text());
  });
  await page.goto(on.url + path);
  return {
    page,
    violations: async () => [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...consoleErrors],
  };
}

describe('Content-Security-Policy', () => {
  it.each(pagesFromSitemap(DIST))(
    '%s has a strict policy and reports no violation',
    async (path) => {
      const { page, violations } = await visit(path);
      const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(csp).toMatch(/default-src 'self'/u);
      expect(csp).toMatch(/object-src 'none'/u);
      // Pagefind runs on the search page, not in a worker (src/client/search/pagefind.ts): a page that
      // started one would trip this policy (the search below would report it).
      expect(csp).toMatch(/worker-src 'none'/u);
      expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/u);
      await page.waitForLoadState('networkidle');
      expect(await violations()).toEqual([]);
      await page.close();
    },
    30_000,
  );

  it('lets search, the concordance, the trends, highlighting and the source view work with no violation', async () => {
    const checks: [string, (p: Page) => Promise<void>][] = [
      ['/search/?q=%22Global+Compact%22', (p) => p.waitForSelector('#search-results li h2').then(() => undefined)],
      ['/search/?q=GCM&speaker=chen-xu', (p) => p.waitForSelector('#search-results li h2').then(() => undefined)],
      ['/concordance/?q=cooperation', (p) => p.waitForSelector('#kwic-output tbody tr').then(() => undefined)],
      ['/trends/?terms=trafficking', (p) => p.waitForSelector('#trends-status:has-text("in all")').then(() => undefined)],
      ['/statements/2023-chen-xu-iom-council/?hl=Global+Compact#p-6', (p) => p.waitForSelector('.text mark').then(() => undefined)],
      [
        '/source/?id=2014-05-iom-swing-migration-governance-china',
        (p) => p.waitForSelector('#source-check:has-text("checked")').then(() => undefined),
      ],
    ];
    for (const [path, ready] of checks) {
      const { page, violations } = await visit(path, fixtureServer);
      await ready(page);
      await page.waitForLoadState('networkidle');
      expect(await violations(), path).toEqual([]);
      await page.close();
    }
  }, 60_000);
});
