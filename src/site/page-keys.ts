/**
 * Cache keys for Astro's incremental static builds (`experimental.incrementalBuild`):
 * a page whose key and code are unchanged since the last build is not
 * rendered again. A key covers everything the page shows: its own data and
 * what it shows of others (a statement page: its neighbours' titles and
 * dates; a list: each listed statement's title, speaker, date, type, themes),
 * and what every page shows (the edition in the footer, the site's address).
 * So an edit to one statement's text re-renders its own page, and the lists
 * only if the edit changed what they show.
 */
import { createHash } from 'node:crypto';
import type { StatementView } from './corpus.ts';
import { siteAddress } from './address.ts';
import { siteEdition } from './editions.ts';

/** A key from the parts a page shows, with what every page shows. */
export function pageKey(...parts: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify([siteEdition(), siteAddress(), ...parts]))
    .digest('hex');
}

/** What a list of statements shows of one without its themes (src/components/StatementList.astro with `themes={false}`, a theme's list). */
export function listItemKeyWithoutThemes(s: StatementView): unknown {
  return [s.data.id, s.data.title, s.speaker ? [s.speaker.id, s.speaker.name] : null, s.data.date, s.data.type, s.data.onBehalfOf.value];
}

/** What a list of statements shows of one (src/components/StatementList.astro). */
export function listItemKey(s: StatementView): unknown {
  return [listItemKeyWithoutThemes(s), s.themes.map((t) => [t.theme.id, t.theme.label])];
}

/** A statement's text as a key: each block's id, content hash and place in a list. */
export function blocksKey(view: StatementView): unknown {
  return view.blocks.map((b) => [b.id, b.hash, b.kind, b.list, b.number]);
}

/** What a statement's page shows: all of its own data and text, and its neighbours' titles and dates. */
export function statementPageKey(view: StatementView): string {
  const neighbour = (s: StatementView | null) => (s ? [s.data.id, s.data.title, s.dateLabel] : null);
  return pageKey(
    'statement',
    view.data,
    blocksKey(view),
    view.speaker,
    view.themes.map((t) => [t.theme, t.assignment]),
    // Its distinctive words: a function of its blocks (above) and the reference corpus.
    view.referenceId,
    neighbour(view.prev),
    neighbour(view.next),
  );
}

/** What a page of a list shows: its heading's data, its items, and where it is among the list's pages. */
export function listPageKey(
  kind: string,
  group: unknown,
  page: { data: StatementView[]; currentPage: number; lastPage: number; total: number },
  why?: Map<string, string>,
): string {
  return pageKey(
    kind,
    group,
    page.currentPage,
    page.lastPage,
    page.total,
    page.data.map((s) => [listItemKey(s), why?.get(s.data.id) ?? null]),
  );
}
