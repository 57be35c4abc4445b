import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../../site/load.ts';
import { pageKey } from '../../../site/page-keys.ts';
import { searchParts, searchRecordOf } from '../../../search/search-index.ts';
import { yearsOfShard } from '../../../site/shards.ts';

/**
 * What Pagefind indexes for one part of the search index (one year): the
 * records of its statements. Build input only: the Pagefind integration
 * (src/integrations/pagefind.ts) indexes these files into /pagefind/<year>/
 * and removes them from the output, so they are never deployed.
 */
export const getStaticPaths = (async () =>
  searchParts(await getCorpus())
    // A sharded build indexes the years of its own statements (src/site/shards.ts).
    .filter((part, _i, all) => yearsOfShard(all.map((p) => [p.id, p.statements.length])).has(part.id))
    .map((part) => {
      const records = part.statements.map(searchRecordOf);
      return { params: { part: part.id }, props: { records }, cacheKey: pageKey('search-records', records) };
    })) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props['records']), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
