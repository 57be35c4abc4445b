/**
 * Incremental builds are never stale. On a copy of the fixture's content, the
 * site is built, one statement's source is edited (a sentence with a word
 * found nowhere else), and `npm run normalize` and the site build run again
 * with Astro's cache, as a user rebuilds. The edited statement's page shows
 * the new text and the search finds it, in Chromium; the pages the edit does
 * not touch were taken from the cache, byte for byte, and only the edited
 * statement's part of the search index was indexed again (built a part a
 * year, SEARCH_PART_STATEMENTS=1, so that there are parts to leave alone).
 * (Slow: two builds.)
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open } from '../../scripts/dev/chromium.ts';
import type { StaticServer } from '../../scripts/dev/serve.ts';
import { startSite, stopSite } from './use-site.ts';
import { copyContent, removeDir, runBuild, runNormalize, writeSource } from '../helpers/content.ts';
import { bucketOf } from '../../src/downloads/statement-entries.ts';
import { PART_NAME } from '../../src/search/parts.ts';

/** A part of the search index a year. */
const ENV = { SEARCH_PART_STATEMENTS: '1' };

const SOURCE = '000_ce5e4365aebd8e0f';
const EDITED = '2012-11-28-wu-haitao-iom-council';
const UNTOUCHED = '2023-chen-xu-iom-council';
const WORD = 'zanzibarian';
const SENTENCE = `We also thank the ${WORD} delegation for its support.`;

let dir = '';
let site = '';
let second = { status: 0 as number | null, output: '' };
let untouchedBefore = '';
/** The search index's parts before the edit, as a hash of their files. */
let partsBefore = new Map<string, string>();

/** Each part of the search index under `site`, as one hash of its files' names and bytes. */
function partHashes(): Map<string, string> {
  const dir = join(site, 'pagefind');
  const out = new Map<string, string>();
  for (const part of readdirSync(dir).filter((n) => PART_NAME.test(n))) {
    const h = createHash('sha256');
    for (const f of readdirSync(join(dir, part), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      const path = join(f.parentPath, f.name);
      h.update(path.slice(dir.length)).update(readFileSync(path));
    }
    out.set(part, h.digest('hex'));
  }
  return out;
}
let server: StaticServer;
let browser: Browser;

/**
 * What the second build's log says of one output file: 'cached' when it was
 * taken from Astro's cache ("(restored)" or "(cached)" after its path),
 * 'rendered' otherwise. Astro renders two pages at a time (astro.config.mjs),
 * so one line of its log may hold two entries: each is read from its own
 * "├─ <path>" up to the next entry's time. Throws when the log lists no such file.
 */
function logged(file: string): 'cached' | 'rendered' {
  // Colours off (Astro colours its log when CI is set).
  const entries = stripVTControlCharacters(second.output).split(/(?=\d\d:\d\d:\d\d\s+[├└]─ )/u);
  const entry = entries.find((e) => new RegExp(`[├└]─ ${file.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?:\\s|$)`, 'u').test(e));
  if (entry === undefined) throw new Error(`the build's log lists no ${file}`);
  return /\((restored|cached)\)/u.test(entry) ? 'cached' : 'rendered';
}

beforeAll(async () => {
  dir = copyContent();
  site = join(dir, 'site');
  expect(runNormalize(dir).status).toBe(0);
  const first = runBuild(dir, site, { env: ENV });
  expect(first.status, first.output).toBe(0);
  untouchedBefore = readFileSync(join(site, 'statements', UNTOUCHED, 'index.html'), 'utf8');
  partsBefore = partHashes();
  const raw = readFileSync(join(dir, 'sources', `${SOURCE}.txt`), 'utf8');
  writeSource(dir, `${SOURCE}.txt`, raw.replace('Thank you, Mr. President.', `${SENTENCE}\n\nThank you, Mr. President.`));
  expect(runNormalize(dir).status).toBe(0);
  second = runBuild(dir, site, { clean: false, env: ENV });
  expect(second.status, second.output).toBe(0);
  ({ server, browser } = await startSite(site));
}, 300_000);

afterAll(async () => {
  await stopSite({ server, browser });
  removeDir(dir);
});

describe('a rebuild after editing one statement', () => {
  it('renders the edited page again and takes the pages the edit does not touch from the cache', () => {
    expect(logged(`/statements/${EDITED}/index.html`)).toBe('rendered');
    expect(logged(`/statements/${UNTOUCHED}/index.html`)).toBe('cached');
    expect(readFileSync(join(site, 'statements', UNTOUCHED, 'index.html'), 'utf8')).toBe(untouchedBefore);
  });

  it('rewrites the edited statement’s download file, whose blocks carry the new text', () => {
    const bucket = bucketOf(EDITED);
    expect(logged(`/data/statements/${bucket}.json.gz`)).toBe('rendered');
    const entry = (
      JSON.parse(gunzipSync(readFileSync(join(site, 'data', 'statements', `${bucket}.json.gz`))).toString('utf8')) as Record<
        string,
        { blocks: { id: string; text: string }[] }
      >
    )[EDITED]!;
    expect(entry.blocks.find((b) => b.id === 'p-11')?.text).toBe(SENTENCE);
  });

  it("indexes only the edited statement's year again; the other parts of the search index are as they were", () => {
    expect(second.output).toMatch(/Indexed 5 statements in 5 parts \(1 indexed, 4 unchanged\)/u);
    const after = partHashes();
    expect([...after.keys()].sort()).toEqual([...partsBefore.keys()].sort());
    const changed = [...after].filter(([part, hash]) => partsBefore.get(part) !== hash).map(([part]) => part);
    expect(changed).toEqual([EDITED.slice(0, 4)]);
  });

  it('shows the new text on the edited page, with its new paragraph id', async () => {
    const page = await browser.newPage();
    await open(page, server.url, `/statements/${EDITED}/`);
    const p = page.locator('.text [data-block]', { hasText: SENTENCE });
    expect(await p.count()).toBe(1);
    expect(await p.getAttribute('id')).toBe('p-11');
    await page.close();
  });

  it('finds the new word in search, at the new paragraph', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/?q=${WORD}`);
    await page.waitForFunction(() => {
      const s = document.getElementById('search-status')?.textContent ?? '';
      return s !== '' && !s.startsWith('Searching');
    });
    const hits = await page.$$eval('#search-results > li', (items) =>
      items.map((li) => ({
        url: (li.querySelector('h2 a')?.getAttribute('href') ?? '').split('?')[0],
        paras: [...li.querySelectorAll('.paras > li a')].map((a) => a.getAttribute('href') ?? ''),
      })),
    );
    expect(hits.map((h) => h.url)).toEqual([`/statements/${EDITED}/`]);
    expect(hits[0]!.paras.some((href) => href.endsWith('#p-11'))).toBe(true);
    await page.close();
  });
});
