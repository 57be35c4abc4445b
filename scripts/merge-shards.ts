/**
 * Merges the output folders of a sharded build (README "Very large corpora")
 * into one site:
 *
 *   node scripts/merge-shards.ts --out dist shard-1 shard-2 …
 *
 * Each folder is the output of `node scripts/build-site.ts --shard K/N`
 * (its `.shard.json` says which shard and what it holds). The merged site is
 * shard 1's folder (every page and file that is not a statement's, and its own
 * statements) with every other shard's statement pages and parts of the search
 * index added; the search page merges the parts at search time as it does for
 * any build. Refuses shards that do not make one whole: a shard missing or
 * given twice, a statement page or part in two shards, a part the site's list
 * of parts names that no shard built, a statement of the sitemap without a
 * page. Like build-site, it writes into a temporary folder and swaps it in as
 * --out only when all is well.
 */
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readShardMarker, SHARD_MARKER, type ShardMarker } from './shard-marker.ts';

const { values, positionals } = parseArgs({ options: { out: { type: 'string', default: 'dist' } }, allowPositionals: true });
const started = performance.now();
const out = resolve(values.out);
const stamp = `${process.pid}-${Date.now().toString(36)}`;
const tmp = join(dirname(out), `.${basename(out)}-merging-${stamp}`);
const old = join(dirname(out), `.${basename(out)}-old-${stamp}`);

function fail(why: string): never {
  rmSync(tmp, { recursive: true, force: true });
  console.error(`merge-shards: ${why}; ${basename(out)}/ is unchanged.`);
  process.exit(1);
}

if (positionals.length === 0) fail('no shard folders given (node scripts/merge-shards.ts --out dist shard-1 shard-2 …)');
let shards: (ShardMarker & { dir: string })[] = [];
try {
  shards = positionals.map((d) => ({ ...readShardMarker(resolve(d)), dir: resolve(d) }));
} catch (e) {
  fail((e as Error).message);
}
const of = shards[0]!.of;
const indices = shards.map((s) => s.index).sort((a, b) => a - b);
if (shards.some((s) => s.of !== of) || indices.join() !== Array.from({ length: of }, (_, i) => i + 1).join()) {
  fail(
    `the folders are shards ${shards.map((s) => `${s.index}/${s.of}`).join(', ')}: every shard from 1/${of} to ${of}/${of} is needed, once`,
  );
}
const first = shards.find((s) => s.index === 1)!;

cpSync(first.dir, tmp, { recursive: true });
rmSync(join(tmp, SHARD_MARKER));
const owner = new Map<string, number>();
for (const s of [...shards].sort((a, b) => a.index - b.index)) {
  for (const item of [...s.statements.map((id) => `statements/${id}`), ...s.parts.map((y) => `pagefind/${y}`)]) {
    const before = owner.get(item);
    if (before !== undefined) fail(`/${item}/ is in shard ${before} and in shard ${s.index}`);
    owner.set(item, s.index);
    if (s.index !== 1) cpSync(join(s.dir, item), join(tmp, item), { recursive: true });
  }
}

// One sitemap of every shard's pages, as a whole build writes it: each <url> once, in order of address.
mergeSitemaps(
  tmp,
  shards.map((s) => s.dir),
);

// The merged site is whole: every part the search page lists, and a page for every statement the sitemap lists.
const manifest = JSON.parse(readFileSync(join(tmp, 'search', 'index.json'), 'utf8')) as { parts: { id: string }[] };
const missingParts = manifest.parts.filter((p) => !existsSync(join(tmp, 'pagefind', p.id, 'pagefind-entry.json'))).map((p) => p.id);
if (missingParts.length > 0) fail(`no shard built the search index of ${missingParts.join(', ')}`);
const listed = readdirSync(tmp)
  .filter((n) => /^sitemap-\d+\.xml$/u.test(n))
  .flatMap((n) => [...readFileSync(join(tmp, n), 'utf8').matchAll(/<loc>[^<]*?\/statements\/([^/<]+)\/<\/loc>/gu)].map((m) => m[1]!))
  .filter((id) => !/^\d+$/u.test(id));
const missingPages = listed.filter((id) => !existsSync(join(tmp, 'statements', id, 'index.html')));
if (missingPages.length > 0)
  fail(`no shard built the page of ${missingPages.slice(0, 5).join(', ')}${missingPages.length > 5 ? ', …' : ''}`);

if (existsSync(out)) renameSync(out, old);
renameSync(tmp, out);
rmSync(old, { recursive: true, force: true });
console.log(
  `merge-shards: ${of} shards, ${listed.length} statement pages and ${manifest.parts.length} parts of the search index, into ${basename(out)}/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);

/**
 * Rewrites the sitemap of `site` (`sitemap-index.xml` and its `sitemap-N.xml`)
 * with the pages of every shard: each shard's build lists only its own.
 * At most 45,000 addresses a file, as @astrojs/sitemap writes them.
 */
function mergeSitemaps(site: string, dirs: string[]): void {
  const files = (dir: string) => readdirSync(dir).filter((n) => /^sitemap-\d+\.xml$/u.test(n));
  const head = /^[\s\S]*?<urlset[^>]*>/u.exec(readFileSync(join(site, files(site)[0] ?? 'sitemap-0.xml'), 'utf8'))?.[0];
  if (!head) fail(`${site}: no sitemap-0.xml to merge into`);
  const urls = new Map<string, string>();
  for (const dir of dirs) {
    for (const n of files(dir)) {
      for (const m of readFileSync(join(dir, n), 'utf8').matchAll(/<url><loc>([^<]+)<\/loc>[\s\S]*?<\/url>/gu)) urls.set(m[1]!, m[0]);
    }
  }
  const sorted = [...urls.keys()].sort().map((loc) => urls.get(loc)!);
  for (const n of files(site)) rmSync(join(site, n));
  const chunks = Array.from({ length: Math.max(1, Math.ceil(sorted.length / 45000)) }, (_, i) => sorted.slice(i * 45000, (i + 1) * 45000));
  chunks.forEach((chunk, i) => writeFileSync(join(site, `sitemap-${i}.xml`), `${head}${chunk.join('')}</urlset>`));
  const index = readFileSync(join(site, 'sitemap-index.xml'), 'utf8');
  const entry = /<sitemap><loc>([^<]*?)sitemap-\d+\.xml<\/loc>(?:<lastmod>[^<]*<\/lastmod>)?<\/sitemap>/u.exec(index);
  if (!entry) fail(`${site}: sitemap-index.xml lists no sitemap-N.xml`);
  const entries = chunks.map((_, i) => entry[0].replace(/sitemap-\d+\.xml/u, `sitemap-${i}.xml`)).join('');
  writeFileSync(join(site, 'sitemap-index.xml'), index.replace(/(<sitemap>[\s\S]*<\/sitemap>)/u, entries));
}
