/**
 * Full-page screenshots of the built site, for reviewing the design:
 *
 *   node scripts/screenshots.ts [outDir=screenshots]
 *
 * Serves dist/ (build it first: npx astro build) on a loopback port and saves
 * the home page, /statements/, the first statement in the sitemap, /speakers/,
 * /themes/ and /about/, at 375 and 1280 px wide, in the light and the dark
 * color scheme, as <page>-<width>-<scheme>.png (e.g. home-375-light.png).
 * Prints each file written; exits non-zero if a page could not be captured.
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { DIST, launchChromium, open, pagesFromSitemap, statementPaths } from './chromium.ts';
import { startServer } from './serve.ts';

const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1280, height: 800 },
];
const SCHEMES = ['light', 'dark'] as const;

const outDir = resolve(process.argv[2] ?? 'screenshots');
const statement = statementPaths(pagesFromSitemap(DIST))[0];
const targets: Array<[name: string, path: string | undefined]> = [
  ['home', '/'],
  ['statements', '/statements/'],
  ['statement', statement],
  ['speakers', '/speakers/'],
  ['themes', '/themes/'],
  ['about', '/about/'],
];

async function capture(browser: Browser, baseUrl: string, scheme: (typeof SCHEMES)[number]): Promise<string[]> {
  const written: string[] = [];
  for (const viewport of WIDTHS) {
    // Reduced motion: no smooth scrolling or transitions caught half-way.
    const context = await browser.newContext({ viewport, colorScheme: scheme, reducedMotion: 'reduce' });
    const page = await context.newPage();
    try {
      for (const [name, path] of targets) {
        const file = join(outDir, `${name}-${viewport.width}-${scheme}.png`);
        if (path === undefined) {
          console.error(`${relative(process.cwd(), file)}: skipped, the sitemap lists no /statements/<id>/ page`);
          process.exitCode = 1;
          continue;
        }
        try {
          await open(page, baseUrl, path);
          await page.screenshot({ path: file, fullPage: true });
          written.push(file);
          console.log(relative(process.cwd(), file));
        } catch (error) {
          console.error(`${relative(process.cwd(), file)}: skipped, ${error instanceof Error ? error.message : String(error)}`);
          process.exitCode = 1;
        }
      }
    } finally {
      await context.close();
    }
  }
  return written;
}

mkdirSync(outDir, { recursive: true });
const [server, browser] = await Promise.all([startServer(DIST), launchChromium()]);
try {
  // The two schemes side by side: one renderer each, on two cores.
  const written = (await Promise.all(SCHEMES.map((scheme) => capture(browser, server.url, scheme)))).flat();
  console.log(`${written.length} screenshot(s) in ${relative(process.cwd(), outDir) || '.'}`);
} finally {
  await browser.close();
  await server.close();
}
