/**
 * Shared by the browser tests and scripts/screenshots.ts: Debian's Chromium
 * through playwright-core, the list of pages to visit, and page loading.
 *
 * Plain Node imports this file too (type stripping), so: erasable TypeScript
 * only, `import type` for types, and nothing from Vitest.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');

/** Debian's Chromium; no browser download is possible on the build machines. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

function decodeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/giu, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/gu, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');
}

/** The `<loc>` URLs of a sitemap or sitemap index. */
function locs(xml: string): URL[] {
  return [...xml.matchAll(/<loc>\s*(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?\s*<\/loc>/gu)].map((m) => new URL(decodeXml(m[1]!)));
}

/** A URL path that names an HTML page: a folder (`/x/`), `.html`, or no extension at all. */
function isPagePath(pathname: string): boolean {
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return last === '' || last.endsWith('.html') || !last.includes('.');
}

/** Every `index.html` under `distDir`, as URL paths (`/`, `/statements/x/`). */
function indexPages(distDir: string): string[] {
  const paths: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.html') {
        const folder = relative(distDir, dir).split(sep).join('/');
        paths.push(folder === '' ? '/' : `/${folder}/`);
      }
    }
  };
  walk(distDir);
  return paths.sort();
}

/**
 * The site's HTML pages as URL paths (`/`, `/statements/x/`, …), in the
 * sitemap's order and re-based onto any origin (the sitemap carries the
 * deployed one), followed by `/404.html`. Without a sitemap in `distDir`,
 * every `index.html` in it.
 */
export function pagesFromSitemap(distDir: string = DIST): string[] {
  if (!statSync(distDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`${distDir} does not exist: build the site first (npx astro build)`);
  }
  let paths: string[];
  const indexFile = join(distDir, 'sitemap-index.xml');
  if (statSync(indexFile, { throwIfNoEntry: false })?.isFile()) {
    paths = [];
    for (const sitemap of locs(readFileSync(indexFile, 'utf8'))) {
      const file = join(distDir, decodeURIComponent(sitemap.pathname));
      const xml = readFileSync(file, 'utf8'); // a sitemap the index names but dist/ lacks is an error
      for (const url of locs(xml)) if (isPagePath(url.pathname)) paths.push(url.pathname);
    }
  } else {
    paths = indexPages(distDir);
  }
  return [...new Set([...paths.filter((p) => p !== '/404.html'), '/404.html'])];
}

/** `/statements/<id>/` pages among `paths`. */
export function statementPaths(paths: readonly string[]): string[] {
  return paths.filter((p) => /^\/statements\/[^/]+\/$/u.test(p));
}

/** Opens `baseUrl + path` and throws unless the server answered 200. */
export async function open(page: Page, baseUrl: string, path: string): Promise<void> {
  const response = await page.goto(baseUrl + path, { waitUntil: 'load' });
  if (response === null || response.status() !== 200) {
    throw new Error(`GET ${path} answered ${response?.status() ?? 'nothing'}, not 200: the page is missing from dist/`);
  }
  // Layout (and so contrast, scroll positions and screenshots) settles once the fonts have loaded.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Waits until the page stops scrolling (smooth scrolling to a #fragment takes
 * most of a second): scrollY unchanged for 200 ms, or 5 s at most. Works with
 * JavaScript disabled, since it only reads the page.
 */
export async function scrollSettled(page: Page): Promise<void> {
  let last = -1;
  let still = 0;
  for (const start = Date.now(); Date.now() - start < 5000 && still < 4;) {
    const y = await page.evaluate(() => scrollY);
    still = y === last ? still + 1 : 0;
    last = y;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
