/**
 * RSS feed of the statements with one theme, newest first
 * (src/site/feeds.ts), announced on the theme's pages.
 */
import type { GetStaticPaths } from 'astro';
import { type FeedSpec, feedKey, feedPath, feedRoute } from '../../../site/feeds.ts';
import { getCorpus } from '../../../site/load.ts';
import { themePath } from '../../../site/routes.ts';
import { rendersCorpusPages } from '../../../site/shards.ts';

export const getStaticPaths = (async () => {
  // A sharded build writes the lists and their feeds in shard 1 only (src/site/shards.ts).
  if (!rendersCorpusPages()) return [];
  const corpus = await getCorpus();
  return corpus.themes.map(({ theme, statements }) => {
    const spec: FeedSpec = {
      title: `Theme: ${theme.label}`,
      description: `Statements on migration with the theme “${theme.label}”, newest first.`,
      page: themePath(theme.id),
      path: feedPath(themePath(theme.id)),
      statements: statements.map((s) => s.statement),
    };
    return { params: { id: theme.id }, props: spec, cacheKey: feedKey(spec) };
  });
}) satisfies GetStaticPaths;

export const GET = feedRoute;
