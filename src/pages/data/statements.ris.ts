import type { APIRoute } from 'astro';
import { corpusFile } from '../../site/shards.ts';
import { requireSite } from '../../site/address.ts';
import { bundleResponse } from '../../downloads/bundles.ts';
import { getCorpus } from '../../site/load.ts';

// Shard 1 of a sharded build writes it; the others write nothing (src/site/shards.ts).
export const GET: APIRoute = corpusFile(async ({ site }) => bundleResponse('ris', await getCorpus(), requireSite(site)));
