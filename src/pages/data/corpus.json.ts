import type { APIRoute } from 'astro';
import { requireSite } from '../../site/address.ts';
import { corpusJson } from '../../downloads/exports.ts';
import { getCorpus } from '../../site/load.ts';

export const GET: APIRoute = async ({ site }) => {
  const corpus = await getCorpus();
  return new Response(`${JSON.stringify(corpusJson(corpus, requireSite(site).href), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
