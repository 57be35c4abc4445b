/**
 * Facts about the site itself, used in citations, feeds and structured data.
 */

/** The site's name as readers see it and cite it. */
export const SITE_NAME = 'Migration Statements';

/** One-sentence description of the site. */
export const SITE_DESCRIPTION =
  'Statements on migration by China and the International Organization for Migration (IOM): full texts, citable to the paragraph, with the evidence for every date and speaker.';

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
