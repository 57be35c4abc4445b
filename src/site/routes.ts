/**
 * The site's routes as URL builders: the one place a page's path is spelled.
 * Pages, components, feeds, exports and client scripts link through these, so
 * a route that moves moves everywhere. Paths end in a slash (the site's
 * `trailingSlash: 'always'`).
 */

/** A statement's page. */
export function statementPath(id: string): string {
  return `/statements/${id}/`;
}

/** A speaker's page. */
export function speakerPath(id: string): string {
  return `/speakers/${id}/`;
}

/** A theme's page. */
export function themePath(id: string): string {
  return `/themes/${id}/`;
}

/** A year's page (the year's slug is the year). */
export function yearPath(year: string): string {
  return `/years/${year}/`;
}

/** The page of a type of statement. */
export function typePath(type: string): string {
  return `/types/${type}/`;
}

/** The page of statements made on behalf of one party, by its slug. */
export function onBehalfOfPath(slug: string): string {
  return `/on-behalf-of/${slug}/`;
}

/** The changes page: what changed in each edition. */
export const CHANGES_PATH = '/changes/';

/**
 * Where an edition's changes are listed on the changes page.
 * @example editionChangesPath('1.1') // => '/changes/#edition-1-1'
 */
export function editionChangesPath(version: string): string {
  return `${CHANGES_PATH}#edition-${version.replace(/\./gu, '-')}`;
}

/** The source view: one page for every statement, which draws the statement given in its query. */
export const SOURCE_VIEW_PATH = '/source/';

/**
 * The page that shows a statement's source as received, with the edition's
 * changes marked (src/pages/source/index.astro).
 * @example sourceViewPath('2012-11-28-wu-haitao-iom-council') // => '/source/?id=2012-11-28-wu-haitao-iom-council'
 */
export function sourceViewPath(id: string): string {
  return `${SOURCE_VIEW_PATH}?id=${encodeURIComponent(id)}`;
}
