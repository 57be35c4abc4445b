/**
 * Facts about the site itself, used in citations, feeds and structured data.
 */

/** The site's name as readers see it and cite it. */
export const SITE_NAME = 'Migration Statements';

/** One-sentence description of the site. */
export const SITE_DESCRIPTION =
  'Statements on migration by China and the International Organization for Migration (IOM), 2010–2023: full texts, citable to the paragraph, with the evidence for every date and speaker.';

/** The absolute URL of a site path, for citations and canonical links. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

/** The path of a statement page. */
export function statementPath(id: string): string {
  return `/statements/${id}/`;
}
