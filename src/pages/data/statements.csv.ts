import type { APIRoute } from 'astro';
import { corpusFile } from '../../site/shards.ts';
import { statementsCsv } from '../../downloads/exports.ts';
import { getCorpus } from '../../site/load.ts';

// Shard 1 of a sharded build writes it; the others write nothing (src/site/shards.ts).
export const GET: APIRoute = corpusFile(
  async ({ site }) =>
    new Response(statementsCsv(await getCorpus(), String(site)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } }),
);
