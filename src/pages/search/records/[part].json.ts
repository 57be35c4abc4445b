import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../../site/load.ts';
import { pageKey } from '../../../site/page-keys.ts';
import { partInfo, searchParts, searchRecordOf } from '../../../search/search-index.ts';
import { ofShard } from '../../../site/shards.ts';

/**
 * What Pagefind indexes for one part of the search index (a run of years): the
 * records of its statements. Build input only: the Pagefind integration
 * (src/integrations/pagefind.ts) indexes these files into /pagefind/<part>/
 * and removes them from the output, so they are never deployed.
 */
export const getStaticPaths = (async () => {
  const parts = searchParts(await getCorpus());
  // A sharded build indexes its own parts (src/site/shards.ts).
  const mine = ofShard(parts.map(partInfo)).parts;
  return parts
    .filter((part) => mine.has(part.id))
    .map((part) => {
      const records = part.statements.map(searchRecordOf);
      return { params: { part: part.id }, props: { records }, cacheKey: pageKey('search-records', records) };
    });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props['records']), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
