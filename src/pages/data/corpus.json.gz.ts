import type { APIRoute } from 'astro';
import { corpusFile } from '../../site/shards.ts';
import { requireSite } from '../../site/address.ts';
import { corpusJson } from '../../downloads/exports.ts';
import { getCorpus } from '../../site/load.ts';
import { gzipResponse } from '../../downloads/gzip.ts';

// Shard 1 of a sharded build writes it; the others write nothing (src/site/shards.ts).
export const GET: APIRoute = corpusFile(async ({ site }) => {
  const corpus = await getCorpus();
  return gzipResponse(`${JSON.stringify(corpusJson(corpus, requireSite(site).href), null, 2)}\n`);
});
