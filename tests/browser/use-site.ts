/**
 * For a test file: the built site served on loopback and one Chromium, started
 * before its tests and stopped after them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DIST, launchChromium } from '../../scripts/dev/chromium.ts';
import { type StaticServer, startServer } from '../../scripts/dev/serve.ts';
import { buildSyntheticSite, removeSyntheticSite, type SyntheticSite, type SyntheticSiteOptions } from './synthetic-site.ts';

export interface Site {
  server: StaticServer;
  browser: Browser;
}

/**
 * Registers the start and stop hooks for serving `distDir` (the live site,
 * dist/, unless another is given: tests with exact expectations pass the
 * fixture's, dist-fixture/); the returned object is filled in before the first test.
 */
export function useSite(distDir: string = DIST): Site {
  const site = {} as Site;
  beforeAll(async () => {
    Object.assign(site, await startSite(distDir));
  });
  afterAll(() => stopSite(site));
  return site;
}

/** Serves a built site and starts Chromium (for a test file that builds its own site first). */
export async function startSite(distDir: string): Promise<Site> {
  const [server, browser] = await Promise.all([startServer(distDir), launchChromium()]);
  return { server, browser };
}

/** Stops what `startSite` started (either may be missing when the start failed). */
export async function stopSite(site: Partial<Site> | undefined): Promise<void> {
  await site?.browser?.close();
  await site?.server?.close();
}

/** A synthetic site built for a test file, served, with one Chromium. */
export interface BuiltSite extends Site {
  built: SyntheticSite;
}

/**
 * Registers hooks that build a synthetic site (tests/browser/synthetic-site.ts)
 * before the file's tests, serve it with one Chromium, and stop and remove it
 * after them; the returned object is filled in before the first test.
 */
export function useSyntheticSite(options: SyntheticSiteOptions): BuiltSite {
  const site = {} as BuiltSite;
  beforeAll(async () => {
    site.built = buildSyntheticSite(options);
    Object.assign(site, await startSite(site.built.site));
  }, 240_000);
  afterAll(async () => {
    await stopSite(site);
    removeSyntheticSite(site.built);
  });
  return site;
}
