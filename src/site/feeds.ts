/**
 * RSS feeds of statements: the whole corpus (`/feed.xml`), each speaker's
 * (`/speakers/<id>/feed.xml`) and each theme's (`/themes/<id>/feed.xml`),
 * newest first, all written by one function. Each feed names its language and
 * its own address (an Atom self link, as feed validators ask). A statement
 * dated to the day has that day as its `pubDate`; one dated only to a month or
 * a year has none, since RSS has no way to say "March 2021" and a reader would
 * show "1 March 2021": its date is in its description, as precise as it is known.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import type { StatementView } from './corpus.ts';
import { listItemKey, pageKey } from './page-keys.ts';
import { escapeXml } from '../edition/xml.ts';
import { statementPath } from './routes.ts';
import { SITE_NAME } from './site.ts';

/**
 * A feed: what it is, where it is, and its statements. (A type, not an
 * interface: Astro's route props need an index signature, which a type alias
 * has implicitly.)
 */
export type FeedSpec = {
  /** The feed's title, after the site's name ("Speaker: Chen Xu"), or null for the whole corpus. */
  title: string | null;
  description: string;
  /** The page the feed follows (`/speakers/chen-xu/`): the channel's link. */
  page: string;
  /** The feed's own path (`/speakers/chen-xu/feed.xml`). */
  path: string;
  /** In the corpus's order (oldest first, as every list of the corpus view is). */
  statements: readonly StatementView[];
};

/** The path of a page's feed: `feed.xml` beside it. */
export function feedPath(pagePath: string): string {
  return `${pagePath}feed.xml`;
}

/** The feed's items, newest first (`statements` reversed): title, link, the day when known, and a line with speaker, date and length. */
export function feedItems(statements: readonly StatementView[]): {
  title: string;
  link: string;
  pubDate?: Date;
  description: string;
  categories: string[];
}[] {
  return [...statements].reverse().map((s) => ({
    title: s.data.title,
    link: statementPath(s.data.id),
    ...(s.data.date.precision === 'day' ? { pubDate: new Date(`${s.data.date.value}T00:00:00Z`) } : {}),
    description: `${s.speaker?.name ?? 'Speaker not recorded'}, ${s.dateLabel}${s.data.date.status === 'inferred' ? ' (date inferred)' : ''}. ${s.data.words} words.`,
    categories: s.themes.map((t) => t.theme.label),
  }));
}

/** The feed as RSS 2.0. */
export function feedResponse(spec: FeedSpec, site: URL): Promise<Response> {
  const self = new URL(spec.path, site).href;
  return rss({
    title: spec.title ? `${SITE_NAME}: ${spec.title}` : SITE_NAME,
    description: spec.description,
    site: new URL(spec.page, site).href,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
    items: feedItems(spec.statements),
  });
}

/** A feed's cache key for incremental builds: its channel and what its items show. */
export function feedKey(spec: FeedSpec): string {
  return pageKey(
    'feed',
    [spec.title, spec.description, spec.page, spec.path],
    spec.statements.map((s) => [listItemKey(s), s.data.words]),
  );
}

/** An endpoint that answers with the feed its route's props describe. */
export const feedRoute: APIRoute = (context) => feedResponse(context.props as FeedSpec, context.site!);
