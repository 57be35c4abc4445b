/**
 * Invariants of a built site's links, true of any corpus: every link and
 * resource inside the site leads to a file that exists, every #fragment to an
 * element that exists, no page gives one id to two elements, and no page or
 * link is named after a missing value (`/speakers/null/`).
 * Each function returns the problems it finds (an empty list when all holds).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CheerioAPI, load } from 'cheerio';
import { fileFor, isDirectory, isFile, urlPathOf, walk } from './read.ts';

export interface Reference {
  page: string;
  /** How it appears in the page, e.g. `<a href="/x/">`. */
  where: string;
  url: URL;
}

/** A built site's HTML pages, parsed once, and the links between them. */
export class SiteLinks {
  readonly distDir: string;
  readonly htmlFiles: string[];
  readonly references: Reference[] = [];
  /** Links that are not even valid URLs. */
  readonly invalid: string[] = [];
  private readonly parsed = new Map<string, CheerioAPI>();

  constructor(distDir: string) {
    this.distDir = distDir;
    this.htmlFiles = isDirectory(distDir) ? walk(distDir).filter((f) => f.endsWith('.html')) : [];
    this.collect();
  }

  /** Parsed documents (HTML pages, and SVG files that fragments point into), each parsed once. */
  documentOf(file: string): CheerioAPI {
    let $ = this.parsed.get(file);
    if ($ === undefined) {
      $ = load(readFileSync(file, 'utf8'), file.endsWith('.svg') ? { xml: true } : {});
      this.parsed.set(file, $);
    }
    return $;
  }

  private idsOf(file: string): Set<string> {
    const $ = this.documentOf(file);
    return new Set(
      $('[id]')
        .map((_i, el) => $(el).attr('id')!)
        .get(),
    );
  }

  /**
   * The origins the site's own absolute URLs use: the one `astro.config.mjs`
   * takes from SITE_URL, and the one the site was actually built with (its
   * canonical links), in case the two differ.
   */
  private origins(): Set<string> {
    const origins = new Set([new URL(process.env['SITE_URL'] ?? 'http://localhost:4321').origin]);
    const home = join(this.distDir, 'index.html');
    if (isFile(home)) {
      const canonical = this.documentOf(home)('link[rel="canonical"]').attr('href');
      if (canonical) origins.add(new URL(canonical).origin);
    }
    return origins;
  }

  /** Every URL in an `href`, `src`, `srcset` or form `action` of every page that points inside the site. */
  private collect(): void {
    const origins = this.origins();
    const [origin] = origins;
    for (const file of this.htmlFiles) {
      const page = urlPathOf(this.distDir, file);
      const $ = this.documentOf(file);
      const base = new URL($('base[href]').attr('href') ?? page, origin + page);
      const add = (tag: string, rel: string | undefined, attr: string, value: string) => {
        const where = `<${tag}${rel === undefined ? '' : ` rel="${rel}"`} ${attr}="${value}">`;
        let url: URL;
        try {
          url = new URL(value.trim(), base);
        } catch {
          this.invalid.push(`${page}: ${where}: not a valid URL`);
          return;
        }
        if ((url.protocol === 'http:' || url.protocol === 'https:') && origins.has(url.origin)) this.references.push({ page, where, url });
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
  }

  /** Every internal link and resource that points to no file of the site. */
  brokenLinks(): string[] {
    const broken = [...this.invalid];
    if (this.htmlFiles.length === 0) broken.push(`${this.distDir}: no HTML pages: build the site first`);
    for (const { page, where, url } of this.references) {
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        broken.push(`${page}: ${where}: bad percent-encoding`);
        continue;
      }
      if (fileFor(this.distDir, pathname) === null) broken.push(`${page}: ${where}: no file for ${pathname}`);
    }
    return broken;
  }

  /** Every #fragment that names no element of its page (a missing page is brokenLinks's to report). */
  brokenFragments(): string[] {
    const broken: string[] = [];
    for (const { page, where, url } of this.references) {
      if (url.hash.length <= 1) continue;
      let pathname: string;
      let fragment: string;
      try {
        pathname = decodeURIComponent(url.pathname);
        fragment = decodeURIComponent(url.hash.slice(1));
      } catch {
        continue; // reported by brokenLinks
      }
      if (fragment.startsWith(':~:')) continue; // a text fragment, not an id
      const target = fileFor(this.distDir, pathname);
      if (target === null || !/\.(html|svg)$/u.test(target)) continue; // other files have no ids
      // HTML scrolls to the top for #top when no element has that id.
      if (!this.idsOf(target).has(fragment) && fragment.toLowerCase() !== 'top') {
        broken.push(`${page}: ${where}: ${urlPathOf(this.distDir, target)} has no element with id="${fragment}"`);
      }
    }
    return broken;
  }

  /** Ids given to more than one element of a page. */
  repeatedIds(): string[] {
    const repeated: string[] = [];
    for (const file of this.htmlFiles) {
      const $ = this.documentOf(file);
      const counts = new Map<string, number>();
      $('[id]').each((_i, el) => {
        const id = $(el).attr('id')!;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      });
      for (const [id, n] of counts) if (n > 1) repeated.push(`${urlPathOf(this.distDir, file)}: id="${id}" ×${n}`);
    }
    return repeated;
  }
}

/** Path segments that only a missing value turns into: `/speakers/null/`, `/years/undefined/`. */
const MISSING_VALUE = /^(?:null|undefined|nan|\[object object\]|)$/iu;

/**
 * No file of the site, and no link inside it, has a path segment that is a
 * missing value printed (`/speakers/null/`): a statement whose speaker, year
 * or theme is unknown must not get, or link to, a page for "null".
 */
export function missingValuePaths(_contentDir: string, distDir: string): string[] {
  const problems: string[] = [];
  if (!isDirectory(distDir)) return [`${distDir}: no site`];
  const bad = (path: string) =>
    path
      .split('/')
      .slice(1, -1)
      .some((segment) => MISSING_VALUE.test(segment));
  for (const file of walk(distDir)) {
    const path = urlPathOf(distDir, file).replace(/[^/]*$/u, '');
    if (bad(path)) problems.push(`${urlPathOf(distDir, file)}: a file under a path named after a missing value`);
  }
  for (const { page, where, url } of new SiteLinks(distDir).references) {
    if (bad(url.pathname.replace(/[^/]*$/u, ''))) problems.push(`${page}: ${where}: a link to a path named after a missing value`);
  }
  return problems;
}

/** All three link invariants of `SiteLinks`, as one invariant. */
export function links(_contentDir: string, distDir: string): string[] {
  const site = new SiteLinks(distDir);
  return [...site.brokenLinks(), ...site.brokenFragments(), ...site.repeatedIds()];
}
