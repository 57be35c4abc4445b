import type { APIRoute } from 'astro';
import { requireSite } from '../../site/address.ts';
import { paragraphsCsv } from '../../downloads/exports.ts';
import { getCorpus } from '../../site/load.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(paragraphsCsv(await getCorpus(), requireSite(site).href), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
