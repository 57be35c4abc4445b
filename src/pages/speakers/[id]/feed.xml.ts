/**
 * RSS feed of one speaker's statements, newest first (src/site/feeds.ts),
 * announced on the speaker's page.
 */
import type { GetStaticPaths } from 'astro';
import { type FeedSpec, feedKey, feedPath, feedRoute } from '../../../site/feeds.ts';
import { getCorpus } from '../../../site/load.ts';
import { speakerPath } from '../../../site/routes.ts';
import { rendersCorpusPages } from '../../../site/shards.ts';

export const getStaticPaths = (async () => {
  // A sharded build writes the lists and their feeds in shard 1 only (src/site/shards.ts).
  if (!rendersCorpusPages()) return [];
  const corpus = await getCorpus();
  return corpus.speakers.map(({ speaker, statements }) => {
    const spec: FeedSpec = {
      title: `Speaker: ${speaker.name}`,
      description: `Statements on migration by ${speaker.name} (${speaker.affiliation}), newest first.`,
      page: speakerPath(speaker.id),
      path: feedPath(speakerPath(speaker.id)),
      statements,
    };
    return { params: { id: speaker.id }, props: spec, cacheKey: feedKey(spec) };
  });
}) satisfies GetStaticPaths;

export const GET = feedRoute;
