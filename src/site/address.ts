/**
 * The site's address: the one place it is set. Every citation, canonical
 * link, Open Graph and JSON-LD url, the feed, the sitemap, the data files and
 * the TEI take it from here (through Astro's `site`).
 *
 * - A build meant for deployment (`npm run build`) needs `SITE_URL`, the
 *   public address (e.g. `https://statements.example.org/`); without it, or
 *   with a local address, the build stops and says so: nothing is published
 *   pointing at localhost.
 * - A local preview (`npm start`, which sets `LOCAL_PREVIEW=1`) may leave it
 *   out: the site then uses http://localhost:4321/ and every page says it is a
 *   local preview.
 */

/** Where `npm start` serves the site. */
export const PREVIEW_ADDRESS = 'http://localhost:4321/';

/** What a printed page of a local preview gives in place of its address (paper never carries a localhost address). */
export const PREVIEW_NO_ADDRESS = '(a local preview: no published address)';

/** Host names that only mean "this machine". */
const LOCAL_HOSTS = /^(?:localhost|.*\.localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/iu;

/** The address, and whether this is a local preview. */
export interface SiteAddress {
  /** Absolute, ending in a slash. */
  url: string;
  preview: boolean;
}

/**
 * The site's address from the environment; throws an Error naming SITE_URL
 * when a deployment build has none, or one that is not a public http(s) URL.
 * @example siteAddress({ SITE_URL: 'https://example.org' }) // => { url: 'https://example.org/', preview: false }
 * @example siteAddress({ LOCAL_PREVIEW: '1' }) // => { url: 'http://localhost:4321/', preview: true }
 */
export function siteAddress(env: Record<string, string | undefined> = process.env): SiteAddress {
  const preview = env['LOCAL_PREVIEW'] === '1';
  const raw = env['SITE_URL']?.trim() ?? '';
  if (raw === '') {
    if (preview) return { url: PREVIEW_ADDRESS, preview };
    throw new Error(
      "SITE_URL is not set. A build meant for deployment writes the site's public address into every citation, canonical link, feed, sitemap and data file: set it, e.g. `SITE_URL=https://statements.example.org npm run build`. For a local preview, run `npm start`.",
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL is not a URL: "${raw}". Give the site's public address, e.g. https://statements.example.org/.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL must be an http(s) address, not "${url.protocol}".`);
  if (url.search || url.hash || url.pathname !== '/') {
    throw new Error(`SITE_URL must be the site's origin, with no path, query or fragment: "${raw}" (the site's links all start at /).`);
  }
  if (!preview && LOCAL_HOSTS.test(url.hostname)) {
    throw new Error(
      `SITE_URL is a local address (${url.host}): a deployment build needs the public address. For a local preview, run \`npm start\`.`,
    );
  }
  return { url: url.href, preview };
}

/**
 * Astro's `site`, which astro.config.mjs always sets from `siteAddress()`;
 * a page or endpoint given none is a bug, not a reason to invent an address.
 */
export function requireSite(site: URL | undefined): URL {
  if (!site) throw new Error("Astro's site is not set: astro.config.mjs takes it from siteAddress() (src/site/address.ts)");
  return site;
}
