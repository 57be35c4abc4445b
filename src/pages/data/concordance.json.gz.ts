import type { APIRoute } from 'astro';
import { corpusFile } from '../../site/shards.ts';
import { getCorpus } from '../../site/load.ts';
import { gzipResponse } from '../../downloads/gzip.ts';

/**
 * The compact corpus the concordance and trends pages load on demand (gzipped):
 * statements once, then [statement index, ¶ number, block id, text] per paragraph.
 */
// Shard 1 of a sharded build writes it; the others write nothing (src/site/shards.ts).
export const GET: APIRoute = corpusFile(async () => {
  const { analysis } = await getCorpus();
  const body = {
    statements: analysis.statements,
    paragraphs: analysis.paragraphs.map((p) => [p.s, p.n, p.id, p.text]),
  };
  return gzipResponse(JSON.stringify(body));
});
