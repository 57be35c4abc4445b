/**
 * The RSS feeds (src/site/feeds.ts) over the built sites, as feed readers read
 * them: Python's feedparser (Debian's `python3-feedparser`, which .ci/run
 * installs) parses every feed without error; each speaker's and each theme's
 * feed holds exactly their statements, newest first, and is announced on its
 * pages; every feed names its language and its own address; a date known only
 * to the month or the year is not given as a day.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { StatementFrontmatter } from '../../src/edition/schemas.ts';
import { FIXTURE_SITE, LIVE_SITE, splitStatement } from '../helpers/content.ts';

/** A Python with feedparser: the one on PATH, or Debian's. */
const python = ['python3', '/usr/bin/python3'].find((py) => spawnSync(py, ['-c', 'import feedparser']).status === 0);

interface Feed {
  bozo: boolean;
  problem: string;
  language: string;
  self: string;
  link: string;
  entries: { link: string; published: string | null; published_parsed: number[] | null }[];
}

/** A feed as feedparser reads it. */
function readFeed(file: string): Feed {
  expect(python, 'no Python with feedparser: install python3-feedparser (bash .ci/run does)').toBeDefined();
  const program = `
import feedparser, json, sys
d = feedparser.parse(sys.argv[1])
print(json.dumps({
  "bozo": bool(d.bozo), "problem": str(d.get("bozo_exception", "")),
  "language": d.feed.get("language", ""), "link": d.feed.get("link", ""),
  "self": next((l["href"] for l in d.feed.get("links", []) if l.get("rel") == "self"), ""),
  "entries": [{"link": e.link, "published": e.get("published"), "published_parsed": list(e.published_parsed[:3]) if e.get("published_parsed") else None} for e in d.entries],
}))`;
  const r = spawnSync(python!, ['-c', program, file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Feed;
}

describe.each([LIVE_SITE, FIXTURE_SITE])('feeds of the $name site', (site) => {
  const statements = readdirSync(join(site.content, 'statements'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => parse(splitStatement(readFileSync(join(site.content, 'statements', n), 'utf8')).frontmatter) as StatementFrontmatter);
  const origin = (url: string) => new URL(url).origin;
  const speakers = [...new Set(statements.map((s) => s.speaker.value).filter((v): v is string => v !== null))];
  const themes = [...new Set(statements.flatMap((s) => s.themes.map((t) => t.id)))];
  const feeds = [
    { page: '/', feed: '/feed.xml', of: statements },
    ...speakers.map((id) => ({
      page: `/speakers/${id}/`,
      feed: `/speakers/${id}/feed.xml`,
      of: statements.filter((s) => s.speaker.value === id),
    })),
    ...themes.map((id) => ({
      page: `/themes/${id}/`,
      feed: `/themes/${id}/feed.xml`,
      of: statements.filter((s) => s.themes.some((t) => t.id === id)),
    })),
  ];

  it.each(feeds.map((f) => [f.feed, f] as const))(
    '%s parses, names its language and itself, and holds its statements newest first',
    (path, f) => {
      const file = join(site.dist, path);
      expect(existsSync(file), `${path} was not built`).toBe(true);
      const feed = readFeed(file);
      expect(feed.bozo, feed.problem).toBe(false);
      expect(feed.language).toBe('en');
      expect(new URL(feed.self).pathname).toBe(path);
      expect(new URL(feed.link).pathname).toBe(f.page);
      const ids = feed.entries.map((e) => /\/statements\/([^/]+)\/$/u.exec(new URL(e.link).pathname)![1]!);
      expect([...ids].sort()).toEqual(f.of.map((s) => s.id).sort());
      const dates = ids.map((id) => statements.find((s) => s.id === id)!.date);
      for (let i = 1; i < dates.length; i++) expect(dates[i - 1]!.value >= dates[i]!.value, `${ids[i - 1]} before ${ids[i]}`).toBe(true);
      // A day when the day is known; no made-up "1 January" or "1 March" otherwise.
      feed.entries.forEach((e, i) => {
        const d = dates[i]!;
        if (d.precision === 'day') expect(e.published_parsed).toEqual(d.value.split('-').map(Number));
        else expect(e.published, `${ids[i]} is dated to the ${d.precision}`).toBeNull();
      });
      expect(new Set(feed.entries.map((e) => origin(e.link))).size).toBe(1);
    },
  );

  it.each(feeds.filter((f) => f.page !== '/').map((f) => [f.page, f] as const))('%s announces its feed and links it', (page, f) => {
    const $ = load(readFileSync(join(site.dist, page, 'index.html'), 'utf8'));
    expect(
      $('link[rel="alternate"][type="application/rss+xml"]')
        .toArray()
        .map((l) => $(l).attr('href')),
    ).toContain(f.feed);
    expect($(`main a[href="${f.feed}"]`).length).toBe(1);
  });
});
