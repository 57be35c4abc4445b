import type { APIRoute } from 'astro';
import { requireSite } from '../../site/address.ts';
import { corpusJson } from '../../downloads/exports.ts';
import { getCorpus } from '../../site/load.ts';
import { gzipResponse } from '../../downloads/gzip.ts';

export const GET: APIRoute = async ({ site }) => {
  const corpus = await getCorpus();
  return gzipResponse(`${JSON.stringify(corpusJson(corpus, requireSite(site).href), null, 2)}\n`);
};
