/**
 * Keeps Astro's content cache honest. Astro caches each statement's rendered
 * HTML in node_modules/.astro/data-store.json and reuses it while the Markdown
 * is unchanged, but it does not notice changes to our remark/rehype plugins.
 * This drops the cache, and the incremental build's record of pages
 * (src/site/page-keys.ts), when the plugins (or the Astro config, or anything
 * they import) differ from the last build, so a changed rule reaches every page.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { moduleGraphHash } from './module-graph.ts';

const root = process.cwd();
const cacheDir = resolve(root, process.env['ASTRO_CACHE_DIR'] ?? 'node_modules/.astro');
const stampFile = join(cacheDir, 'markdown-plugins.sha256');

// The Astro config and every module it imports (the Markdown plugins and what they import), followed
// recursively, plus the lockfile for the packages' versions.
const digest = moduleGraphHash(root, ['astro.config.mjs'], ['package-lock.json']);

const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (previous !== digest) {
  rmSync(join(cacheDir, 'data-store.json'), { force: true });
  // The incremental build's record of rendered pages too: a page's key does not cover the plugins.
  rmSync(join(cacheDir, 'incremental-build.json'), { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(stampFile, digest);
  if (previous) console.log('content-cache: Markdown plugins changed; the rendered-content cache was cleared.');
}
