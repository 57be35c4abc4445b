/**
 * Over the built site in dist/ (run after `astro build`), without a browser:
 * every link and resource inside the site leads to a file that exists, and
 * every #fragment to an element that exists, so no reader meets a 404 or a
 * paragraph link that goes nowhere.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { load } from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
const isDirectory = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** `dist/a/b/index.html` → `/a/b/`; `dist/404.html` → `/404.html`. */
function urlPathOf(file: string): string {
  const rel = relative(DIST, file).split(sep).join('/');
  return `/${rel.replace(/(^|\/)index\.html$/u, '$1')}`;
}

/** The file a URL path is served from (a folder serves its index.html), or null. */
function fileFor(pathname: string): string | null {
  const path = join(DIST, pathname);
  if (!path.startsWith(DIST)) return null;
  if (pathname.endsWith('/')) return isFile(join(path, 'index.html')) ? join(path, 'index.html') : null;
  if (isFile(path)) return path;
  if (isDirectory(path) && isFile(join(path, 'index.html'))) return join(path, 'index.html');
  return null;
}

const htmlFiles = isDirectory(DIST)
  ? walk(DIST)
      .filter((f) => f.endsWith('.html'))
      .sort()
  : [];

/** Parsed documents (HTML pages, and SVG files that fragments point into), each parsed once. */
const parsed = new Map<string, CheerioAPI>();
function documentOf(file: string): CheerioAPI {
  let $ = parsed.get(file);
  if ($ === undefined) {
    $ = load(readFileSync(file, 'utf8'), file.endsWith('.svg') ? { xml: true } : {});
    parsed.set(file, $);
  }
  return $;
}

function idsOf(file: string): Set<string> {
  const $ = documentOf(file);
  return new Set(
    $('[id]')
      .map((_i, el) => $(el).attr('id')!)
      .get(),
  );
}

/**
 * The origins the site's own absolute URLs use: the one `astro.config.mjs`
 * takes from SITE_URL, and the one dist/ was actually built with (its
 * canonical links), in case the two differ.
 */
function siteOrigins(): Set<string> {
  const origins = new Set([new URL(process.env['SITE_URL'] ?? 'http://localhost:4321').origin]);
  const home = join(DIST, 'index.html');
  if (isFile(home)) {
    const canonical = documentOf(home)('link[rel="canonical"]').attr('href');
    if (canonical) origins.add(new URL(canonical).origin);
  }
  return origins;
}

interface Reference {
  page: string;
  /** How it appears in the page, e.g. `<a href="/x/">`. */
  where: string;
  url: URL;
}

/** Every URL in an `href`, `src`, `srcset` or form `action` of every page that points inside the site. */
function internalReferences(): { references: Reference[]; problems: string[] } {
  const origins = siteOrigins();
  const [origin] = origins;
  const references: Reference[] = [];
  const problems: string[] = [];
  for (const file of htmlFiles) {
    const page = urlPathOf(file);
    const $ = documentOf(file);
    const base = new URL($('base[href]').attr('href') ?? page, origin + page);
    const add = (tag: string, rel: string | undefined, attr: string, value: string) => {
      const where = `<${tag}${rel === undefined ? '' : ` rel="${rel}"`} ${attr}="${value}">`;
      let url: URL;
      try {
        url = new URL(value.trim(), base);
      } catch {
        problems.push(`${page}: ${where}: not a valid URL`);
        return;
      }
      if ((url.protocol === 'http:' || url.protocol === 'https:') && origins.has(url.origin)) references.push({ page, where, url });
    };
    $('[href]:not(base), [src], [srcset], form[action]').each((_i, el) => {
      const tag = el.tagName.toLowerCase();
      const rel = tag === 'link' ? $(el).attr('rel') : undefined;
      for (const attr of ['href', 'src', 'action'] as const) {
        const value = $(el).attr(attr);
        if (value !== undefined) add(tag, rel, attr, value);
      }
      const srcset = $(el).attr('srcset');
      if (srcset !== undefined) {
        for (const candidate of srcset.split(',')) {
          const value = candidate.trim().split(/\s+/u)[0];
          if (value) add(tag, rel, 'srcset', value);
        }
      }
    });
  }
  return { references, problems };
}

describe('links in dist/', () => {
  const { references, problems } = internalReferences();

  it('the built site has pages with links to check', () => {
    expect(htmlFiles.length, 'no HTML in dist/: build the site first (npx astro build)').toBeGreaterThan(0);
    expect(references.length).toBeGreaterThan(0);
  });

  it('every internal link and resource points to a file in dist/', () => {
    const broken = [...problems];
    for (const { page, where, url } of references) {
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        broken.push(`${page}: ${where}: bad percent-encoding`);
        continue;
      }
      if (fileFor(pathname) === null) broken.push(`${page}: ${where}: no file for ${pathname} in dist/`);
    }
    expect(broken, `${broken.length} broken link(s):\n${broken.join('\n')}`).toEqual([]);
  });

  it('every #fragment points to an element with that id on its page', () => {
    const broken: string[] = [];
    for (const { page, where, url } of references) {
      if (url.hash.length <= 1) continue;
      let pathname: string;
      let fragment: string;
      try {
        pathname = decodeURIComponent(url.pathname);
        fragment = decodeURIComponent(url.hash.slice(1));
      } catch {
        continue; // reported by the test above
      }
      if (fragment.startsWith(':~:')) continue; // a text fragment, not an id
      const target = fileFor(pathname);
      if (target === null || !/\.(html|svg)$/u.test(target)) continue; // a missing file is the test above's; other files have no ids
      // HTML scrolls to the top for #top when no element has that id.
      if (!idsOf(target).has(fragment) && fragment.toLowerCase() !== 'top') {
        broken.push(`${page}: ${where}: ${urlPathOf(target)} has no element with id="${fragment}"`);
      }
    }
    expect(broken, `${broken.length} link(s) to a missing #fragment:\n${broken.join('\n')}`).toEqual([]);
  });

  it('no page gives the same id to two elements', () => {
    const repeated: string[] = [];
    for (const file of htmlFiles) {
      const $ = documentOf(file);
      const counts = new Map<string, number>();
      $('[id]').each((_i, el) => {
        const id = $(el).attr('id')!;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      });
      for (const [id, n] of counts) if (n > 1) repeated.push(`${urlPathOf(file)}: id="${id}" ×${n}`);
    }
    expect(repeated, `${repeated.length} repeated id(s):\n${repeated.join('\n')}`).toEqual([]);
  });
});
