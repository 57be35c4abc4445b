/**
 * Sharded builds, for corpora one machine cannot build at once (README "Very
 * large corpora"). `SITE_SHARD=K/N` (build-site's `--shard K/N`) makes a build
 * render one shard's share of the site: the statement pages and search parts
 * of its years, and — shard 1 only — every other page and data file. The
 * years are split into N runs of consecutive years holding about as many
 * statements each, from the whole corpus's counts, so every shard's build
 * computes the same split. The shards' outputs are merged into one site by
 * scripts/merge-shards.ts; the merged search index is the parts of every
 * shard, which the search page merges at search time as always.
 */

import type { APIRoute } from 'astro';

/** This build's shard: `index` from 1 to `of`, or null for a whole build. */
export interface Shard {
  index: number;
  of: number;
}

/**
 * The shard a build renders, from SITE_SHARD ("K/N"), or null when unset.
 * @example siteShard({ SITE_SHARD: '2/3' }) // => { index: 2, of: 3 }
 */
export function siteShard(env: Record<string, string | undefined> = process.env): Shard | null {
  const raw = env['SITE_SHARD'];
  if (raw === undefined || raw === '') return null;
  const m = /^([1-9]\d{0,3})\/([1-9]\d{0,3})$/u.exec(raw);
  if (!m || Number(m[1]) > Number(m[2])) throw new Error(`SITE_SHARD: "${raw}" is not K/N with 1 ≤ K ≤ N (e.g. 2/3)`);
  return { index: Number(m[1]), of: Number(m[2]) };
}

/**
 * The years of each shard: consecutive years, in order, each shard holding
 * about an Nth of the statements (a year is never split). Shards may be empty
 * when there are fewer years than shards.
 * @example shardYears([['2010', 1], ['2012', 1], ['2014', 1], ['2021', 1]], 2) // => [['2010', '2012'], ['2014', '2021']]
 */
export function shardYears(counts: readonly (readonly [year: string, statements: number])[], of: number): string[][] {
  const total = counts.reduce((n, [, c]) => n + c, 0);
  const out: string[][] = Array.from({ length: of }, () => []);
  let before = 0;
  for (const [year, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    // The shard in whose share the year's middle statement falls.
    const k = Math.min(of - 1, Math.floor(((before + count / 2) * of) / Math.max(total, 1)));
    out[k]!.push(year);
    before += count;
  }
  return out;
}

/** Which of a corpus's years this build renders statement pages and search parts for (all when not sharded). */
export function yearsOfShard(counts: readonly (readonly [string, number])[], shard: Shard | null = siteShard()): Set<string> {
  return new Set(shard ? shardYears(counts, shard.of)[shard.index - 1] : counts.map(([y]) => y));
}

/** Whether this build renders the pages and files that are not a statement's: every build but shards 2 to N. */
export function rendersCorpusPages(shard: Shard | null = siteShard()): boolean {
  return shard === null || shard.index === 1;
}

/**
 * A corpus-wide file's endpoint, written by a whole build and by shard 1 only:
 * the other shards would spend as long on it (the data files take seconds
 * per 1,000 statements), and the merge takes shard 1's. They write an empty file.
 */
export function corpusFile(handler: APIRoute): APIRoute {
  return (context) => (rendersCorpusPages() ? handler(context) : new Response(''));
}
