/**
 * RSS feed of the statements, newest first.
 */
import rss from '@astrojs/rss';
import { corpusFile } from '../site/shards.ts';
import type { APIRoute } from 'astro';
import { getCorpus } from '../site/load.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../site/site.ts';
import { statementPath } from '../site/routes.ts';

// Shard 1 of a sharded build writes it; the others write nothing (src/site/shards.ts).
export const GET: APIRoute = corpusFile(async (context) => {
  const corpus = await getCorpus();
  return rss({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    site: context.site!,
    trailingSlash: true,
    items: [...corpus.statements].reverse().map((s) => ({
      title: s.data.title,
      link: statementPath(s.data.id),
      pubDate: new Date(
        `${s.data.date.value}${s.data.date.precision === 'year' ? '-01-01' : s.data.date.precision === 'month' ? '-01' : ''}T00:00:00Z`,
      ),
      description: `${s.speaker?.name ?? 'Speaker not recorded'}, ${s.dateLabel}${s.data.date.status === 'inferred' ? ' (date inferred)' : ''}. ${s.data.words} words.`,
      categories: s.themes.map((t) => t.theme.label),
    })),
  });
});
