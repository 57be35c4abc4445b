/**
 * Keeps Astro's content cache honest. Astro caches each statement's rendered
 * HTML in node_modules/.astro/data-store.json and reuses it while the Markdown
 * is unchanged, but it does not notice changes to our remark/rehype plugins.
 * This drops the cache when the plugins (or the Astro config) differ from the
 * last build, so a changed rule reaches every page.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = process.cwd();
const cacheDir = resolve(root, process.env['ASTRO_CACHE_DIR'] ?? 'node_modules/.astro');
const stampFile = join(cacheDir, 'markdown-plugins.sha256');

const inputs = [
  'astro.config.mjs',
  ...readdirSync(join(root, 'src/lib'))
    .filter((n) => /^(remark|rehype)-.*\.ts$/u.test(n))
    .sort()
    .map((n) => `src/lib/${n}`),
];
const hash = createHash('sha256');
for (const file of inputs)
  hash
    .update(file)
    .update('\0')
    .update(readFileSync(join(root, file)))
    .update('\0');
const digest = hash.digest('hex');

const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (previous !== digest) {
  rmSync(join(cacheDir, 'data-store.json'), { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(stampFile, digest);
  if (previous) console.log('content-cache: Markdown plugins changed; the rendered-content cache was cleared.');
}
