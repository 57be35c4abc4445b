/**
 * Invariants of the lists and indexes, true of any corpus: every list that
 * promises statements (all of them, a year's, a speaker's, a theme's, a
 * type's, a government's or organization's) shows exactly those, oldest first,
 * across all its pages; every count a reader sees agrees with the data; a
 * statement whose speaker is not recorded is on no speaker's page.
 * Each function returns the problems it finds (an empty list when all holds).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CheerioAPI, load } from 'cheerio';
import { parse } from 'yaml';
import { slugify } from '../../src/edition/slugs.ts';
import { PART_NAME } from '../../src/search/parts.ts';
import { HOME_LATEST } from '../../src/site/paging.ts';
import { type EditionStatement, compareIds, isDirectory, isFile, listedStatements, listing, pageAt, readEdition } from './read.ts';

const plural = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

/** Checks that the list starting at `path` shows exactly `expected` (ids, in order) across its pages. */
function checkListing(distDir: string, path: string, expected: EditionStatement[], problems: string[]): void {
  const found = listing(distDir, path, problems);
  if (found === null) {
    problems.push(`${path}: no such page, though ${plural(expected.length, 'statement')} belong there`);
    return;
  }
  const diff = compareIds(
    path,
    found,
    expected.map((s) => s.id),
  );
  if (diff) problems.push(diff);
}

/** Groups statements by a key (null: in no group), keeping their order. */
function groups(statements: EditionStatement[], key: (s: EditionStatement) => (string | null)[]): Map<string, EditionStatement[]> {
  const out = new Map<string, EditionStatement[]>();
  for (const s of statements) for (const k of key(s)) if (k !== null) out.set(k, [...(out.get(k) ?? []), s]);
  return out;
}

/** The number shown in a home-page count ("5 statements"), or null. */
function homeCount($: CheerioAPI, label: string): number | null {
  const li = $('main .counts li')
    .toArray()
    .find((e) => $(e).text().replace(/\s+/gu, ' ').trim().endsWith(` ${label}`));
  return li === undefined ? null : Number($(li).find('strong').text().replace(/,/gu, ''));
}

/**
 * `/statements/` lists every statement oldest first; the home page the newest
 * (up to its limit) newest first, with counts of statements, speakers, years,
 * themes and words that agree with the data; the feed every statement newest
 * first; the sitemap every statement page; the search index every statement page.
 */
export function statementLists(contentDir: string, distDir: string): string[] {
  const problems: string[] = [];
  const statements = readEdition(contentDir);
  checkListing(distDir, '/statements/', statements, problems);

  const home = pageAt(distDir, '/');
  if (home === null) problems.push('/: no home page');
  else {
    const latest = statements.slice(-HOME_LATEST).reverse();
    const diff = compareIds(
      '/ (latest statements)',
      listedStatements(home),
      latest.map((s) => s.id),
    );
    if (diff) problems.push(diff);
    const yamlLength = (name: string) => (parse(readFileSync(join(contentDir, name), 'utf8')) as unknown[]).length;
    const expected: [string, number][] = [
      ['statements', statements.length],
      ['speakers', yamlLength('speakers.yaml')],
      ['years', new Set(statements.map((s) => s.data.date.value.slice(0, 4))).size],
      ['themes', yamlLength('themes.yaml')],
      ['words', statements.reduce((sum, s) => sum + s.data.words, 0)],
    ];
    for (const [label, n] of expected) {
      const shown = homeCount(home, label);
      if (shown !== n) problems.push(`/: shows ${shown ?? 'no'} ${label}, the data has ${n}`);
    }
  }

  const feedFile = join(distDir, 'feed.xml');
  if (!isFile(feedFile)) problems.push('/feed.xml: missing');
  else {
    const $ = load(readFileSync(feedFile, 'utf8'), { xml: true });
    const links = $('item > link')
      .toArray()
      .map((l) => new URL($(l).text()).pathname);
    const diff = compareIds(
      '/feed.xml (newest first)',
      links,
      [...statements].reverse().map((s) => `/statements/${s.id}/`),
    );
    if (diff) problems.push(diff);
  }

  // The sitemaps the sitemap index lists (sitemap-0.xml, sitemap-1.xml, …).
  const sitemap = new Set(
    (isDirectory(distDir) ? readdirSync(distDir).filter((n) => /^sitemap-\d+\.xml$/u.test(n)) : []).flatMap((n) =>
      [...readFileSync(join(distDir, n), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => new URL(m[1]!).pathname),
    ),
  );
  if (sitemap.size === 0) problems.push('/sitemap-0.xml: missing or empty');
  for (const s of statements) if (!sitemap.has(`/statements/${s.id}/`)) problems.push(`sitemap: no /statements/${s.id}/`);

  // The search index: its parts, runs of years (src/integrations/pagefind.ts), together holding every statement once.
  const partsDir = join(distDir, 'pagefind');
  const parts = isDirectory(partsDir) ? readdirSync(partsDir).filter((n) => PART_NAME.test(n)) : [];
  if (parts.length === 0) problems.push('/pagefind/: no part of the search index: the site has no search');
  let indexed = 0;
  for (const part of parts) {
    const entryFile = join(partsDir, part, 'pagefind-entry.json');
    if (!isFile(entryFile)) {
      problems.push(`/pagefind/${part}/pagefind-entry.json: missing`);
      continue;
    }
    const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { page_count: number }> };
    indexed += Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
  }
  if (indexed !== statements.length) problems.push(`/pagefind/: ${indexed} pages indexed for search, ${statements.length} statements`);
  return problems;
}

/**
 * `/years/` lists every year that has statements, in order, each with its
 * number of statements, and each year's pages list exactly its statements.
 */
export function yearIndexes(contentDir: string, distDir: string): string[] {
  const problems: string[] = [];
  const byYear = groups(readEdition(contentDir), (s) => [s.data.date.value.slice(0, 4)]);
  const years = [...byYear.keys()].sort();
  const $ = pageAt(distDir, '/years/');
  if ($ === null) return ['/years/: no such page'];
  const entries = $('main .years > li')
    .toArray()
    .map((li) => ({ href: $(li).children('a').attr('href') ?? '', text: $(li).text().replace(/\s+/gu, ' ').trim() }));
  const diff = compareIds(
    '/years/',
    entries.map((e) => e.href),
    years.map((y) => `/years/${y}/`),
  );
  if (diff) problems.push(diff);
  for (const y of years) {
    const list = byYear.get(y)!;
    const entry = entries.find((e) => e.href === `/years/${y}/`);
    if (entry && !entry.text.startsWith(`${y} — ${plural(list.length, 'statement')}`)) {
      problems.push(`/years/: "${entry.text}" does not count ${plural(list.length, 'statement')} for ${y}`);
    }
    checkListing(distDir, `/years/${y}/`, list, problems);
  }
  return problems;
}

/**
 * `/speakers/` lists every speaker of a statement with their number of
 * statements; each speaker's page lists exactly their statements; a statement
 * whose speaker is not recorded is on no speaker's page.
 */
export function speakerIndexes(contentDir: string, distDir: string): string[] {
  const problems: string[] = [];
  const statements = readEdition(contentDir);
  const bySpeaker = groups(statements, (s) => [s.data.speaker.value]);
  const $ = pageAt(distDir, '/speakers/');
  if ($ === null) return ['/speakers/: no such page'];
  const entries = $('main .entries > li')
    .toArray()
    .map((li) => ({ href: $(li).find('h2 a').attr('href') ?? '', count: $(li).find('.muted').text().replace(/\s+/gu, ' ').trim() }));
  for (const [id, list] of bySpeaker) {
    const path = `/speakers/${id}/`;
    const entry = entries.find((e) => e.href === path);
    if (entry === undefined) problems.push(`/speakers/: no entry for ${path}`);
    else if (entry.count !== plural(list.length, 'statement')) {
      problems.push(`/speakers/: ${path} says "${entry.count}", the data has ${plural(list.length, 'statement')}`);
    }
    checkListing(distDir, path, list, problems);
  }
  const unknown = statements.filter((s) => s.data.speaker.value === null).map((s) => s.id);
  const folder = join(distDir, 'speakers');
  if (unknown.length > 0 && isDirectory(folder)) {
    for (const name of readdirSync(folder)) {
      const page = pageAt(distDir, `/speakers/${name}/`);
      if (page === null) continue;
      const listed = listedStatements(page).filter((id) => unknown.includes(id));
      if (listed.length > 0) problems.push(`/speakers/${name}/: lists ${listed.join(', ')}, whose speaker is not recorded`);
    }
  }
  return problems;
}

/** Each theme's, type's and government's or organization's pages list exactly their statements. */
export function groupIndexes(contentDir: string, distDir: string): string[] {
  const problems: string[] = [];
  const statements = readEdition(contentDir);
  const kinds: [string, (s: EditionStatement) => (string | null)[]][] = [
    ['themes', (s) => s.data.themes.map((t) => t.id)],
    ['types', (s) => [s.data.type]],
    ['on-behalf-of', (s) => [s.data.onBehalfOf.value === null ? null : slugify(s.data.onBehalfOf.value)]],
  ];
  for (const [kind, key] of kinds) {
    for (const [slug, list] of groups(statements, key)) checkListing(distDir, `/${kind}/${slug}/`, list, problems);
  }
  return problems;
}
