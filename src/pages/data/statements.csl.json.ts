import type { APIRoute } from 'astro';
import { bundleResponse } from '../../lib/bundles.ts';
import { getCorpus } from '../../lib/load.ts';

export const GET: APIRoute = async ({ site }) => bundleResponse('csl', await getCorpus(), site);
