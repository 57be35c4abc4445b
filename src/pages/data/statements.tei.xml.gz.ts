import type { APIRoute } from 'astro';
import { requireSite } from '../../site/address.ts';
import { bundleResponse } from '../../downloads/bundles.ts';
import { getCorpus } from '../../site/load.ts';

export const GET: APIRoute = async ({ site }) => bundleResponse('tei', await getCorpus(), requireSite(site));
