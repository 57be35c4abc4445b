/**
 * What the invariants read: a content folder's statements (the normalizer's
 * output, the data the site is built from) and the pages of a built site.
 * Nothing here knows how many statements there are or what they say.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type CheerioAPI, load } from 'cheerio';
import { parse } from 'yaml';
import { type StatementFrontmatter, statementFrontmatter } from '../../src/edition/schemas.ts';
import { type ReadBlock, readBlocks, splitStatement } from '../helpers/content.ts';

export interface EditionStatement {
  id: string;
  /** `statements/<id>.md`, for messages. */
  file: string;
  data: StatementFrontmatter;
  blocks: ReadBlock[];
}

/**
 * Every statement in `<contentDir>/statements/`, oldest first (ties by id), the
 * order every list of the site promises.
 */
export function readEdition(contentDir: string): EditionStatement[] {
  const folder = join(contentDir, 'statements');
  return readdirSync(folder)
    .filter((n) => n.endsWith('.md'))
    .map((n) => {
      const { frontmatter, body } = splitStatement(readFileSync(join(folder, n), 'utf8'));
      const data = statementFrontmatter.parse(parse(frontmatter));
      return { id: n.replace(/\.md$/u, ''), file: `statements/${n}`, data, blocks: readBlocks(body) };
    })
    .sort((a, b) => (a.data.date.value < b.data.date.value ? -1 : a.data.date.value > b.data.date.value ? 1 : a.id < b.id ? -1 : 1));
}

export const isFile = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
export const isDirectory = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** Every file under a folder, sorted. */
export function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** `<dist>/a/b/index.html` → `/a/b/`; `<dist>/404.html` → `/404.html`. */
export function urlPathOf(distDir: string, file: string): string {
  const rel = relative(distDir, file).split(sep).join('/');
  return `/${rel.replace(/(^|\/)index\.html$/u, '$1')}`;
}

/** The file a URL path is served from (a folder serves its index.html), or null. */
export function fileFor(distDir: string, pathname: string): string | null {
  const path = join(distDir, pathname);
  if (!path.startsWith(distDir)) return null;
  if (pathname.endsWith('/')) return isFile(join(path, 'index.html')) ? join(path, 'index.html') : null;
  if (isFile(path)) return path;
  if (isDirectory(path) && isFile(join(path, 'index.html'))) return join(path, 'index.html');
  return null;
}

/** A page of the built site by its URL path (`/years/2010/`), parsed; null when there is no such page. */
export function pageAt(distDir: string, urlPath: string): CheerioAPI | null {
  const file = fileFor(distDir, urlPath);
  return file === null ? null : load(readFileSync(file, 'utf8'));
}

/** Statement ids linked from a page's main content (navigation aside), in order, without repeats. */
export function listedStatements($: CheerioAPI): string[] {
  const out: string[] = [];
  $('main a[href^="/statements/"]').each((_i, a) => {
    if ($(a).closest('nav').length > 0) return;
    const m = /^\/statements\/([^/#?]+)\/$/u.exec($(a).attr('href') ?? '');
    if (m && !out.includes(m[1]!)) out.push(m[1]!);
  });
  return out;
}

/**
 * The statements a list shows across all its pages (`/years/2010/`,
 * `/years/2010/2/`, …), following each page's `rel="next"` link. Null when the
 * first page is missing; a missing later page is reported in `problems`.
 */
export function listing(distDir: string, firstPath: string, problems: string[]): string[] | null {
  let $ = pageAt(distDir, firstPath);
  if ($ === null) return null;
  const out: string[] = [];
  const seen = new Set<string>([firstPath]);
  for (;;) {
    for (const id of listedStatements($)) if (!out.includes(id)) out.push(id);
    const next = $('main nav a[rel="next"]').first().attr('href');
    if (next === undefined) return out;
    if (seen.has(next)) {
      problems.push(`${firstPath}: the pages of the list loop back to ${next}`);
      return out;
    }
    seen.add(next);
    const page = pageAt(distDir, next);
    if (page === null) {
      problems.push(`${firstPath}: the next page of the list, ${next}, does not exist`);
      return out;
    }
    $ = page;
  }
}

/** The visible text of an element, whitespace collapsed. */
export function textOf($: CheerioAPI, selector: string): string {
  return $(selector).text().replace(/\s+/gu, ' ').trim();
}

/** Says how two lists of ids differ, or '' when they are equal (order included). */
export function compareIds(what: string, found: readonly string[], expected: readonly string[]): string {
  if (found.length === expected.length && found.every((x, i) => x === expected[i])) return '';
  const missing = expected.filter((x) => !found.includes(x));
  const extra = found.filter((x) => !expected.includes(x));
  const parts = [
    missing.length > 0 ? `missing ${missing.join(', ')}` : '',
    extra.length > 0 ? `not expected ${extra.join(', ')}` : '',
    missing.length === 0 && extra.length === 0 ? `out of order: ${found.join(', ')}` : '',
  ].filter(Boolean);
  return `${what}: ${parts.join('; ')}`;
}
