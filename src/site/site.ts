/**
 * Facts about the site itself, used in citations, feeds and structured data.
 */

/** The site's name as readers see it and cite it. */
export const SITE_NAME = 'Migration Statements';

/** One-sentence description of the site. */
export const SITE_DESCRIPTION =
  'Statements on migration by China and the International Organization for Migration (IOM): full texts, citable to the paragraph, with the evidence for every date and speaker.';

/**
 * The edition's licence: its data and apparatus (metadata with its evidence,
 * edition reports, themes, paragraph ids and numbering, the software's
 * output) are CC BY 4.0; the statements' texts remain their authors' and
 * publishers'. Every page, file and export that states a licence takes it from here.
 */
export const LICENCE = {
  spdx: 'CC-BY-4.0',
  title: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  /** The whole statement, as readers see it on /about/ and /data/ and in the data package. */
  note: 'The edition’s data and apparatus — metadata and its evidence, edition reports, themes, paragraph ids and numbering — are licensed under CC BY 4.0 (Creative Commons Attribution 4.0 International): reuse them with attribution to Migration Statements. The statements’ texts are not: they are public speeches, statements and news releases whose rights remain with their authors and publishers (the Government of China, IOM).',
} as const;

/**
 * The document title: the page title, whole, then the site name (a tab, a
 * bookmark or a search engine's result then says whose page it is; a
 * statement's title is never cut, since it is what a reader cites).
 * @example documentTitle('Years') // => 'Years · Migration Statements'
 * @example documentTitle('Migration Statements') // => 'Migration Statements'
 */
export function documentTitle(title: string): string {
  return title === SITE_NAME ? title : `${title} · ${SITE_NAME}`;
}

/** The absolute URL of a site path, for citations and canonical links. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}
