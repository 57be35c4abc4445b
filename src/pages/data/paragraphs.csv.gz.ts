import type { APIRoute } from 'astro';
import { requireSite } from '../../site/address.ts';
import { paragraphsCsv } from '../../downloads/exports.ts';
import { getCorpus } from '../../site/load.ts';
import { gzipResponse } from '../../downloads/gzip.ts';

export const GET: APIRoute = async ({ site }) => gzipResponse(paragraphsCsv(await getCorpus(), requireSite(site).href));
