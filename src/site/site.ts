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

/** The longest `<title>` that search results and browser tabs show whole. */
export const TITLE_MAX = 70;

/**
 * The document title: the page title with the site name when that fits in
 * `max` characters, else the page title alone, cut at a word with "…" if need be.
 * @example documentTitle('Years') // => 'Years · Migration Statements'
 * @example documentTitle('Remarks by Mr. Ke Yousheng on the Review of progress and challenges with regard to implementing the Global Compact')
 * // => 'Remarks by Mr. Ke Yousheng on the Review of progress and challenges…'
 */
export function documentTitle(title: string, max = TITLE_MAX): string {
  if (title === SITE_NAME) return title;
  const withSite = `${title} · ${SITE_NAME}`;
  if (withSite.length <= max) return withSite;
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[\s,;:.–—-]+$/u, '');
  return `${atWord}…`;
}

/** The absolute URL of a site path, for citations and canonical links. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}
