import type { APIRoute, GetStaticPaths } from 'astro';
import { bucketJson, buckets } from '../../../downloads/statement-entries.ts';
import { getCorpus } from '../../../site/load.ts';
import { requireSite } from '../../../site/address.ts';
import { blocksKey, pageKey } from '../../../site/page-keys.ts';
import { gzipResponse } from '../../../downloads/gzip.ts';
import { rendersCorpusPages } from '../../../site/shards.ts';

/**
 * The per-statement JSON, gzipped: at most 1,024 files, each holding the statements
 * whose id's SHA-256 starts with its 10 bits (statement-entries.ts). A
 * statement page's "Download this statement" fetches its bucket.
 */
export const getStaticPaths = (async () =>
  // A sharded build writes the data files in shard 1 only (src/site/shards.ts).
  [...(rendersCorpusPages() ? buckets(await getCorpus()) : [])].map(([bucket, members]) => ({
    params: { bucket },
    // What the entries are made of (their citations, labels and TEI data derive from these): one edit rewrites one bucket.
    cacheKey: pageKey(
      'bucket',
      members.map((s) => [s.data, blocksKey(s), s.speaker, s.themes.map((t) => t.theme)]),
    ),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => gzipResponse(bucketJson(await getCorpus(), params.bucket!, requireSite(site)));
