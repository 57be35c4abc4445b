import type { APIRoute } from 'astro';
import { requireSite } from '../../site/address.ts';
import { dataPackage } from '../../downloads/exports.ts';
import { getCorpus } from '../../site/load.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(`${JSON.stringify(dataPackage(requireSite(site).href, (await getCorpus()).edition), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
