/**
 * Sharded builds, for corpora one machine cannot build at once (README "Very
 * large corpora"). `SITE_SHARD=K/N` (build-site's `--shard K/N`) makes a build
 * render one shard's share of the site: the statement pages and search parts
 * of its years, and — shard 1 only — every other page and data file. The
 * parts of the search index (runs of consecutive years, computed from the
 * whole corpus) are split into N runs of consecutive parts holding about as
 * many statements each, so every shard's build computes the same split, and
 * a part is built whole by one shard. The shards' outputs are merged into one site by
 * scripts/merge-shards.ts; the merged search index is the parts of every
 * shard, which the search page merges at search time as always.
 */

import type { APIRoute } from 'astro';
import type { PartInfo } from '../search/parts.ts';

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
 * The parts of the search index each shard builds (and so the statements whose
 * pages it renders): consecutive parts, in order, each shard holding about an
 * Nth of the statements (a part is never split). Shards may be empty when
 * there are fewer parts than shards.
 * @example shardParts([['2010', 1], ['2012', 1], ['2014', 1], ['2021', 1]], 2) // => [['2010', '2012'], ['2014', '2021']]
 */
export function shardParts(counts: readonly (readonly [part: string, statements: number])[], of: number): string[][] {
  const total = counts.reduce((n, [, c]) => n + c, 0);
  const out: string[][] = Array.from({ length: of }, () => []);
  let before = 0;
  for (const [part, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    // The shard in whose share the part's middle statement falls.
    const k = Math.min(of - 1, Math.floor(((before + count / 2) * of) / Math.max(total, 1)));
    out[k]!.push(part);
    before += count;
  }
  return out;
}

/** Which parts of the search index (by name) and which years this build renders (all when not sharded). */
export function ofShard(parts: readonly PartInfo[], shard: Shard | null = siteShard()): { parts: Set<string>; years: Set<string> } {
  const ids = new Set(
    shard
      ? shardParts(
          parts.map((p) => [p.id, p.statements]),
          shard.of,
        )[shard.index - 1]
      : parts.map((p) => p.id),
  );
  return { parts: ids, years: new Set(parts.filter((p) => ids.has(p.id)).flatMap((p) => p.years)) };
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
