/**
 * A statement added to the live corpus exactly as README.md "Adding a
 * statement" says: a copy of content/'s inputs, plus a raw `.txt` and its
 * `.yaml` whose speaker is unknown (`speaker: null`), with a `themes.add`
 * entry and no new entry in speakers.yaml. The normalizer takes it, the site
 * builds, and every invariant of tests/invariants/ holds over the result; the
 * statement's page says its speaker is not recorded, and nothing links to a
 * page for a "null" speaker. (Slow: it builds a site.)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LIVE_CONTENT, copyContent, removeDir, runBuild, runNormalize, sha256Of, splitStatement } from '../helpers/content.ts';
import { csvRows } from '../invariants/data.ts';
import { ALL_INVARIANTS } from '../invariants/index.ts';
import { isDirectory, readEdition, walk } from '../invariants/read.ts';

const ID = '2016-unrecorded-speaker-labour-migration';
const FILE = '900_added_statement';
const TITLE = 'Statement on Labour Migration and Regional Cooperation';
const TEXT = [
  TITLE,
  '',
  'Distinguished delegates,',
  '',
  'Labour migration is a defining feature of our region. Millions of workers',
  'cross borders each year in search of decent work, and the money they send',
  'home supports families and communities.',
  '',
  'We believe that cooperation between countries of origin, transit and',
  'destination is essential. No country can manage labour migration alone, and',
  'partnership with IOM and other organizations helps us protect the rights of',
  'migrant workers and fight discrimination against them.',
  '',
  'We will continue to strengthen dialogue, to improve migration governance and',
  'border management, and to share experience, so that migration benefits all.',
  '',
  'Thank you.',
  '',
].join('\n');

let dir = '';
let site = '';
/** The theme the metadata adds, one the text's words do not give it. */
let added = '';
const REASON = 'Given by hand for this test: the text does not use the theme’s terms.';
let normalized: { status: number | null; stdout: string; stderr: string };
let built: { status: number | null; output: string };

beforeAll(() => {
  dir = copyContent(LIVE_CONTENT);
  site = join(dir, 'site');
  const themes = parse(readFileSync(join(dir, 'themes.yaml'), 'utf8')) as { id: string; terms: string[] }[];
  const text = TEXT.toLowerCase();
  added = themes.find((t) => t.terms.every((term) => !text.includes(term.replace(/\*$/u, '').toLowerCase())))?.id ?? '';
  expect(added, 'a theme in content/themes.yaml whose terms the added text does not use').not.toBe('');
  writeFileSync(join(dir, 'sources', `${FILE}.txt`), TEXT);
  writeFileSync(
    join(dir, 'sources', `${FILE}.yaml`),
    [
      `# Metadata for ${FILE}.txt (written by tests/build/sixth-statement.test.ts).`,
      `id: ${ID}`,
      `title: ${TITLE}`,
      'type: statement',
      'language: en',
      'speaker: null',
      'role: null',
      'onBehalfOf: China',
      'event: null',
      'place: null',
      "date: { value: '2016', precision: year, status: inferred, evidence: 'A test statement: the year is assumed.' }",
      `source: { file: ${FILE}.txt, sha256: ${sha256Of(TEXT)}, url: null }`,
      'themes:',
      '  add:',
      `    - { theme: ${added}, reason: '${REASON.replace(/'/gu, "''")}' }`,
      '',
    ].join('\n'),
  );
  normalized = runNormalize(dir);
  built = normalized.status === 0 ? runBuild(dir, site) : { status: null, output: 'not built: normalize failed' };
}, 240_000);
afterAll(() => removeDir(dir));

describe('a sixth statement added as the README says, with speaker: null', () => {
  it('is taken by the normalizer, and the site builds', () => {
    expect(normalized.stderr).toBe('');
    expect(normalized.status).toBe(0);
    expect(built.status, built.output).toBe(0);
  });

  it('adds one statement to the live corpus, unknown speaker and added theme recorded with the reason', () => {
    expect(readEdition(dir).map((s) => s.id)).toEqual(expect.arrayContaining([...readEdition(LIVE_CONTENT).map((s) => s.id), ID]));
    expect(readEdition(dir)).toHaveLength(readEdition(LIVE_CONTENT).length + 1);
    const sixth = readEdition(dir).find((s) => s.id === ID)!;
    expect(sixth.data.speaker).toEqual({ value: null, status: 'unknown', evidence: null });
    expect(sixth.data.themes).toContainEqual(expect.objectContaining({ id: added, reason: REASON }));
    expect(sixth.blocks.map((b) => b.text.slice(0, 20))).toEqual([
      'Distinguished delega',
      'Labour migration is ',
      'We believe that coop',
      'We will continue to ',
      'Thank you.',
    ]);
    // Nothing beside the statement: no speaker was added.
    expect(readFileSync(join(dir, 'speakers.yaml'), 'utf8')).toBe(readFileSync(join(LIVE_CONTENT, 'speakers.yaml'), 'utf8'));
  });

  it.each(Object.entries(ALL_INVARIANTS))('keeps the invariant: %s', (_name, invariant) => {
    expect(built.status).toBe(0);
    const problems = invariant(dir, site);
    expect(problems, `${problems.length} problem(s):\n${problems.join('\n')}`).toEqual([]);
  });

  it('has a page that says the speaker is not recorded and links to no speaker', () => {
    const $ = load(readFileSync(join(site, 'statements', ID, 'index.html'), 'utf8'));
    const speaker = $('.facts dt')
      .filter((_i, dt) => $(dt).text().trim() === 'Speaker')
      .next('dd');
    expect(speaker.text().trim()).toBe('Not recorded');
    expect(speaker.find('a')).toHaveLength(0);
    expect($('main a[href^="/speakers/"]')).toHaveLength(0);
    const shown = $('main').text();
    expect(shown).not.toMatch(/\b(?:null|undefined|NaN)\b/u);
    expect($('#cite-plain').text()).toMatch(new RegExp(`^China\\. “${TITLE}”\\. Statement, \\[2016\\]\\. `, 'u'));
  });

  it('gets no /speakers/null/ page, and no page links to one', () => {
    expect(isDirectory(join(site, 'speakers', 'null'))).toBe(false);
    expect(readdirSync(join(site, 'speakers')).filter((n) => !/^[a-z0-9-]+$/u.test(n) && n !== 'index.html')).toEqual([]);
    const linking = walk(site)
      .filter((f) => f.endsWith('.html') && /href="[^"]*\/speakers\/(?:null|undefined)\//u.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(site.length));
    expect(linking).toEqual([]);
  });

  it('is listed under its year and its added theme, with the editor’s reason', () => {
    const year = load(readFileSync(join(site, 'years', '2016', 'index.html'), 'utf8'));
    expect(year(`main a[href="/statements/${ID}/"]`).length).toBeGreaterThan(0);
    const theme = load(readFileSync(join(site, 'themes', added, 'index.html'), 'utf8'));
    const item = theme(`main li:has(a[href="/statements/${ID}/"])`);
    expect(item.find('.why').text()).toBe(`Added by the editors: ${REASON}`);
  });

  it('is in the downloads with an empty speaker marked unknown', () => {
    const row = csvRows(join(site, 'data', 'statements.csv')).find((r) => r['statement_id'] === ID);
    expect(row).toMatchObject({ speaker_id: '', speaker: '', speaker_status: 'unknown', year: '2016' });
    const md = readFileSync(join(dir, 'statements', `${ID}.md`), 'utf8');
    expect(splitStatement(md).frontmatter).toMatch(/^speaker:\n {2}value: null\n {2}status: unknown\n/mu);
  });
});
