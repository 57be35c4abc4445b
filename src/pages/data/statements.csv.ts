import type { APIRoute } from 'astro';
import { statementsCsv } from '../../downloads/exports.ts';
import { getCorpus } from '../../site/load.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(statementsCsv(await getCorpus(), String(site)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
