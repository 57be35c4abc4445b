/**
 * `npm run build:site`: builds the site into a fresh temporary folder (`astro
 * build`, whose Pagefind integration, src/integrations/pagefind.ts, writes the
 * search index) and only when every step has succeeded swaps it in as dist/. A
 * failed build, a failed index included, leaves dist/ as it was and no
 * half-written output beside it that could be deployed by mistake.
 *
 * The site's address comes from SITE_URL (src/site/address.ts): a build
 * without it stops before anything is built, unless LOCAL_PREVIEW=1 (npm start).
 *
 * Options: --out DIR (default dist); --clean to rebuild without Astro's caches;
 * --shard K/N to build one shard of a sharded build (src/site/shards.ts; merge
 * the shards' folders with scripts/merge-shards.ts, README "Very large corpora").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { siteAddress } from '../src/site/address.ts';
import { siteShard } from '../src/site/shards.ts';
import { writeShardMarker } from './shard-marker.ts';

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'dist' }, clean: { type: 'boolean', default: false }, shard: { type: 'string' } },
});
if (values.shard !== undefined) process.env['SITE_SHARD'] = values.shard;
const out = resolve(values.out);
const stamp = `${process.pid}-${Date.now().toString(36)}`;
const tmp = join(dirname(out), `.${basename(out)}-building-${stamp}`);
const old = join(dirname(out), `.${basename(out)}-old-${stamp}`);
// Astro's JavaScript entry point, run on this Node (not whatever `node` is first on PATH).
const ASTRO = join(process.cwd(), 'node_modules', 'astro', 'bin', 'astro.mjs');

try {
  const address = siteAddress();
  const shard = siteShard();
  if (shard) console.log(`build-site: shard ${shard.index} of ${shard.of} (src/site/shards.ts).`);
  if (address.preview) console.log(`build-site: a local preview at ${address.url} (LOCAL_PREVIEW=1); pages say so.`);
} catch (err) {
  console.error(`build-site: ${(err as Error).message}\nThe build failed; ${basename(out)}/ is unchanged.`);
  process.exit(1);
}

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    console.error(`build-site: "${args.map((a) => basename(a)).join(' ')}" failed; ${basename(out)}/ is unchanged.`);
    process.exit(r.status ?? 1);
  }
}

run(process.execPath, ['scripts/content-cache.ts']);
run(process.execPath, [ASTRO, 'build', '--outDir', tmp, ...(values.clean ? ['--force'] : [])]);
// A site without its search index is not deployable (the integration was left out of astro.config.mjs?).
if (!existsSync(join(tmp, 'pagefind', 'pagefind.js'))) {
  rmSync(tmp, { recursive: true, force: true });
  console.error(`build-site: astro build wrote no Pagefind index (pagefind/pagefind.js); ${basename(out)}/ is unchanged.`);
  process.exit(1);
}
// A shard's build says what it holds, for scripts/merge-shards.ts (which leaves this file out of the merged site).
const shard = siteShard();
if (shard) writeShardMarker(tmp, shard);
if (existsSync(out)) renameSync(out, old);
renameSync(tmp, out);
rmSync(old, { recursive: true, force: true });
console.log(`build-site: ${basename(out)}/ is ready.`);
