/**
 * What the search index records for each statement, and the labels the
 * search page shows for filter values. Filter values are slugs so that they
 * can stand in URLs (`/search/?speaker=chen-xu`).
 */
import type { Corpus, StatementView } from '../site/corpus.ts';
import { slugify } from '../edition/slugs.ts';
import { FACET_KEYS, type Facet } from './query.ts';

/** Each facet's heading on the search page. */
const FACET_LABELS: Record<Facet, string> = {
  speaker: 'Speaker',
  year: 'Year',
  theme: 'Theme',
  type: 'Type',
  behalf: 'On behalf of',
};

/** The facets, in the order the search page shows them (that of `FACET_KEYS`), with their heading. */
export const FACETS: readonly { key: Facet; label: string }[] = FACET_KEYS.map((key) => ({ key, label: FACET_LABELS[key] }));

/**
 * Filter values, metadata and sort key of a statement for Pagefind.
 * @example searchFacetsOf(wu).filters // => [['speaker', 'wu-haitao'], ['year', '2012'], ['theme', 'international-cooperation'], …]
 */
export function searchFacetsOf(s: StatementView): {
  filters: [Facet, string][];
  meta: [string, string][];
  sort: string;
} {
  const filters: [Facet, string][] = [];
  if (s.speaker) filters.push(['speaker', s.speaker.id]);
  filters.push(['year', s.year]);
  for (const t of s.themes) filters.push(['theme', t.theme.id]);
  filters.push(['type', s.data.type]);
  if (s.data.onBehalfOf.value) filters.push(['behalf', slugify(s.data.onBehalfOf.value)]);
  // Shown with each result (src/client/search/render.ts); the title is the page's h1.
  const meta: [string, string][] = [
    ['speaker', s.speaker?.name ?? 'Speaker not recorded'],
    ['date', s.dateLabel],
  ];
  return { filters, meta, sort: s.data.date.value };
}

/** Labels of every facet value, for the search page: facet → value → label. */
export function facetLabels(corpus: Corpus): Record<Facet, Record<string, string>> {
  return {
    speaker: Object.fromEntries(corpus.speakers.map((s) => [s.speaker.id, s.speaker.name])),
    year: Object.fromEntries(corpus.years.map((g) => [g.slug, g.label])),
    theme: Object.fromEntries(corpus.themes.map((t) => [t.theme.id, t.theme.label])),
    type: Object.fromEntries(corpus.types.map((g) => [g.slug, g.label])),
    behalf: Object.fromEntries(corpus.onBehalfOf.map((g) => [g.slug, g.label])),
  };
}
