import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getCorpus } from '../../site/load.ts';
import { facetLabels, firstSearchStatements, searchPartInfos } from '../../search/search-index.ts';
import type { SearchManifest } from '../../search/parts.ts';

/**
 * What the search page loads before its first search: the parts of the index
 * (runs of years, newest first, with their years and statement counts), how many
 * statements a search covers at first, every filter value's label, and the
 * alias groups. Kept out of the page so that its HTML stays the same size
 * however large the corpus.
 */
async function manifest(): Promise<SearchManifest> {
  const corpus = await getCorpus();
  return {
    parts: searchPartInfos(corpus),
    first: firstSearchStatements(),
    labels: facetLabels(corpus),
    aliases: (await getCollection('aliases')).map((a) => a.data),
  };
}

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await manifest()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
