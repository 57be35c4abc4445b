/**
 * RSS feed of every statement, newest first (src/site/feeds.ts).
 */
import type { APIRoute } from 'astro';
import { feedResponse } from '../site/feeds.ts';
import { getCorpus } from '../site/load.ts';
import { corpusFile } from '../site/shards.ts';
import { SITE_DESCRIPTION } from '../site/site.ts';

// Shard 1 of a sharded build writes it; the others write nothing (src/site/shards.ts).
export const GET: APIRoute = corpusFile(async (context) => {
  const corpus = await getCorpus();
  return feedResponse(
    { title: null, description: SITE_DESCRIPTION, page: '/', path: '/feed.xml', statements: corpus.statements },
    context.site!,
  );
});
