/**
 * The bench's measurements in Chromium (Debian's, launched as the browser
 * tests launch it): what a cold search downloads, what each page type loads
 * on its own, and whether a statement page has its text without JavaScript.
 * Every measurement uses a fresh browser context, so nothing is cached.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import {
  compressedSize,
  inlineScripts,
  isJsPath,
  type PageFigure,
  type Part,
  parts,
  type SearchFigure,
  type Transfer,
  transfer,
} from './measure.ts';
import type { LoggingServer, Served } from '../serve.ts';

/** Quiet time that counts as "network idle", in ms. */
const QUIET_MS = 1000;

/** Opens `path` in a fresh context, runs `until` on it, waits for network idle; returns its result and every response. */
async function visit<T>(
  browser: Browser,
  server: LoggingServer,
  path: string,
  until: (page: Page) => Promise<T>,
  javaScriptEnabled = true,
): Promise<{ value: T; served: Served[] }> {
  server.take();
  const context = await browser.newContext({ javaScriptEnabled });
  try {
    const page = await context.newPage();
    await page.goto(server.url + path, { waitUntil: 'load' });
    const value = await until(page);
    await server.idle(QUIET_MS);
    return { value, served: server.take() };
  } finally {
    await context.close();
  }
}

/**
 * A cold search: opens `/search/?q=…` and waits until a result is listed or
 * the status has its final word (none matched, or an error), at most
 * `timeoutMs`, then for network idle.
 */
export async function coldSearch(
  browser: Browser,
  server: LoggingServer,
  search: { kind: SearchFigure['kind']; query: string; docs: number },
  timeoutMs: number,
): Promise<SearchFigure> {
  const { value, served } = await visit(browser, server, `/search/?q=${encodeURIComponent(search.query)}`, async (page) => {
    const timedOut = await page
      .waitForFunction(
        () => {
          const status = document.querySelector('#search-status')?.textContent?.trim() ?? '';
          return document.querySelector('#search-results li') !== null || (status !== '' && !/^Searching/u.test(status));
        },
        undefined,
        { timeout: timeoutMs, polling: 100 },
      )
      .then(
        () => false,
        () => true,
      );
    return { timedOut, status: (await page.textContent('#search-status')) ?? '' };
  });
  return { ...search, ...transfer(served.map((r) => r.body)), ...value, parts: parts(served) };
}

/**
 * A later search: opens `/search/?q=<first>`, waits for its results and for
 * network idle, then types `second` into the search box and submits it; what
 * that second search downloads, until its results and network idle.
 */
export async function laterSearch(
  browser: Browser,
  server: LoggingServer,
  first: string,
  second: string,
  timeoutMs: number,
): Promise<Transfer & { query: string; parts: Part[] }> {
  const listed = (page: Page) =>
    page.waitForFunction(
      () => {
        const status = document.querySelector('#search-status')?.textContent?.trim() ?? '';
        return status !== '' && !/^Searching/u.test(status);
      },
      undefined,
      { timeout: timeoutMs, polling: 100 },
    );
  server.take();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(first)}`, { waitUntil: 'load' });
    await listed(page);
    await server.idle(QUIET_MS);
    server.take();
    await page.fill('#search-q', second);
    await page.press('#search-q', 'Enter');
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, second, { timeout: timeoutMs });
    await listed(page);
    await server.idle(QUIET_MS);
    const served = server.take();
    return { query: second, ...transfer(served.map((r) => r.body)), parts: parts(served) };
  } finally {
    await context.close();
  }
}

/** What a page loads by itself on load: every request, and its JavaScript (files and inline code). */
export async function pageLoad(browser: Browser, server: LoggingServer, name: string, path: string): Promise<PageFigure> {
  const { served } = await visit(browser, server, path, () => Promise.resolve());
  const html = served.find((r) => r.path === path && r.status === 200);
  if (!html) throw new Error(`bench: ${path} was not served`);
  const inline = inlineScripts(html.body.toString('utf8'));
  const files = served.filter((r) => isJsPath(r.path)).map((r) => r.body);
  const inlineBytes = Buffer.byteLength(inline.join(''));
  return {
    page: name,
    path,
    transfer: transfer(served.map((r) => r.body)),
    jsFiles: files.length,
    jsBytes: files.reduce((s, b) => s + b.length, 0) + inlineBytes,
    jsGzip: files.reduce((s, b) => s + compressedSize(b), 0) + (inline.length > 0 ? gzipSync(inline.join('\n'), { level: 6 }).length : 0),
  };
}

/** Paragraphs (`[data-block]`) of a statement page with JavaScript on, and off. */
export async function paragraphsWithoutJs(
  browser: Browser,
  server: LoggingServer,
  path: string,
): Promise<{ withJs: number; withoutJs: number }> {
  const count = (page: Page) => page.locator('main [data-block]').count();
  const on = await visit(browser, server, path, count, true);
  const off = await visit(browser, server, path, count, false);
  return { withJs: on.value, withoutJs: off.value };
}
