/**
 * schema.org JSON-LD for a statement page.
 * @see https://schema.org/CreativeWork
 */
import type { StatementView } from './corpus.ts';
import { SITE_NAME } from './site.ts';
import { creatorOf } from '../downloads/csl.ts';

/**
 * The statement as a schema.org CreativeWork (an Article for a press release):
 * who said it, when, where, on what occasion, and where the text comes from.
 * Its author is the one every citation export names (`creatorOf`): the speaker,
 * with family and given name, or for a press release the organization that
 * issued it, the person it reports on being named in `mentions`.
 * @example statementJsonLd(wu2012, url, 'https://example.org/')['author'] // => { '@type': 'Person', name: 'Wu Haitao', familyName: 'Wu', givenName: 'Haitao', … }
 */
export function statementJsonLd(s: StatementView, url: string, siteUrl: string): Record<string, unknown> {
  const d = s.data;
  const person = s.speaker
    ? {
        '@type': 'Person',
        name: s.speaker.name,
        familyName: s.speaker.family,
        givenName: s.speaker.given,
        ...(d.role.value ? { jobTitle: d.role.value } : {}),
        affiliation: { '@type': 'Organization', name: s.speaker.affiliation },
      }
    : null;
  const creator = creatorOf(s);
  const author = creator && 'organization' in creator ? { '@type': 'Organization', name: creator.organization } : person;
  return {
    '@context': 'https://schema.org',
    '@type': d.type === 'press-release' ? 'Article' : 'CreativeWork',
    genre: d.type,
    name: d.title,
    headline: d.title,
    url,
    inLanguage: d.language,
    dateCreated: d.date.value,
    ...(author ? { author } : {}),
    ...(person && author !== person ? { mentions: person } : {}),
    ...(d.onBehalfOf.value ? { sourceOrganization: { '@type': 'Organization', name: d.onBehalfOf.value } } : {}),
    ...(d.event.value
      ? {
          recordedAt: {
            '@type': 'Event',
            name: d.event.value,
            ...(d.place.value ? { location: { '@type': 'Place', name: d.place.value } } : {}),
          },
        }
      : {}),
    ...(d.place.value ? { locationCreated: { '@type': 'Place', name: d.place.value } } : {}),
    ...(d.source.url ? { isBasedOn: d.source.url } : {}),
    about: s.themes.map((t) => ({ '@type': 'Thing', name: t.theme.label })),
    wordCount: d.words,
    publisher: { '@type': 'Organization', name: SITE_NAME, url: siteUrl },
  };
}
