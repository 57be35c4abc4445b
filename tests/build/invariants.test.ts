/**
 * The invariants of tests/invariants/ over the live corpus (content/ → dist/,
 * built by `npm run build:site`) and over the frozen fixture
 * (tests/fixtures/content/ → dist-fixture/, `npm run build:fixture`); then each
 * invariant over a copy of the fixture's site broken the way it looks for, to
 * show that it fails when it should (a check that cannot fail checks nothing).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_INVARIANTS, LINK_INVARIANTS } from '../invariants/index.ts';
import { dataFiles } from '../invariants/data.ts';
import { groupIndexes, speakerIndexes, statementLists, yearIndexes } from '../invariants/indexes.ts';
import { links, missingValuePaths } from '../invariants/links.ts';
import { readEdition } from '../invariants/read.ts';
import { blockAnchors, statementPages } from '../invariants/statements.ts';
import { FIXTURE_SITE, LIVE_SITE } from '../helpers/content.ts';
import { readText, writeText } from '../helpers/data-files.ts';

describe.each([LIVE_SITE, FIXTURE_SITE])('the $name site', (site) => {
  it('has statements to check', () => {
    expect(readEdition(site.content).length).toBeGreaterThan(0);
  });

  it.each(Object.entries(CONTENT_INVARIANTS))('%s', (_name, invariant) => {
    const problems = invariant(site.content, site.dist);
    expect(problems, `${problems.length} problem(s):\n${problems.join('\n')}`).toEqual([]);
  });
});

describe('each invariant fails on a site broken the way it looks for', () => {
  const work = mkdtempSync(join(tmpdir(), 'invariants-'));
  let dist = '';
  let n = 0;
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  beforeEach(() => {
    dist = join(work, `site-${(n += 1)}`);
    cpSync(FIXTURE_SITE.dist, dist, { recursive: true });
  });

  const content = FIXTURE_SITE.content;
  const [first, second] = readEdition(content);
  const page = (path: string) => join(dist, path, 'index.html');
  /** Replaces text in a file of the copy (inside the gzip of a .gz); fails if the text is not there, so a mutation cannot silently do nothing. */
  function edit(file: string, from: string | RegExp, to: string): void {
    const before = readText(file);
    const after = before.replace(from, to);
    expect(after, `${String(from)} not found in ${file}`).not.toBe(before);
    writeText(file, after);
  }
  /** The problems an invariant reports on the copy (over the fixture's content unless another is given), joined. */
  const report = (invariant: (c: string, d: string) => string[], c = content) => invariant(c, dist).join('\n');

  it('the unbroken copy passes every invariant', () => {
    for (const [name, invariant] of Object.entries({ ...CONTENT_INVARIANTS, ...LINK_INVARIANTS })) {
      expect(invariant(content, dist), name).toEqual([]);
    }
  });

  it('statementPages: a missing page, a page of no statement, a wrong length, a lost block', () => {
    rmSync(join(dist, 'statements', first!.id), { recursive: true });
    mkdirSync(join(dist, 'statements', 'not-a-statement'));
    writeFileSync(page('statements/not-a-statement'), '<!doctype html><title>x</title>');
    edit(page(`statements/${second!.id}`), /(<dt[^>]*>Length<\/dt><dd[^>]*>)[\d,]+ words/u, '$110 words');
    const problems = report(statementPages);
    expect(problems).toContain(`statements/${first!.id}.md: no page /statements/${first!.id}/`);
    expect(problems).toContain('/statements/not-a-statement/: a statement page for no statement');
    expect(problems).toContain(`/statements/${second!.id}/: the length reads "10 words`);
  });

  it('statementPages and speakerIndexes: a statement whose speaker is unknown but which links to a speaker page', () => {
    const edited = join(work, `content-${n}`);
    cpSync(content, edited, { recursive: true });
    edit(
      join(edited, 'statements', `${first!.id}.md`),
      /^speaker:\n {2}value: .*\n {2}status: .*\n {2}evidence: .*\n/mu,
      'speaker:\n  value: null\n  status: unknown\n  evidence: null\n',
    );
    expect(report(statementPages, edited)).toMatch(
      new RegExp(`/statements/${first!.id}/: the unknown speaker is shown as .*, not "Not recorded"`, 'u'),
    );
    expect(report(statementPages, edited)).toContain(`/statements/${first!.id}/: the unknown speaker links to /speakers/`);
    expect(report(speakerIndexes, edited)).toContain(`lists ${first!.id}, whose speaker is not recorded`);
  });

  it('blockAnchors: a block without its anchor, a block whose text changed', () => {
    edit(page(`statements/${first!.id}`), ' id="p-2" ', ' ');
    edit(page(`statements/${second!.id}`), /(id="p-1"[^>]*><a class="block-link"[^>]*>¶1<\/a>)(\S)/u, '$1X$2');
    const problems = report(blockAnchors);
    expect(problems).toContain(`/statements/${first!.id}/: no <`);
    expect(problems).toContain(`id="p-2"> for ¶2`);
    expect(problems).toContain(`/statements/${second!.id}/#p-1: the text differs from the Markdown's`);
  });

  it("statementLists: a statement left out of /statements/ and the feed, a wrong count on the home page, the search index's page count, the sitemap", () => {
    edit(page('statements'), `<a href="/statements/${first!.id}/"`, '<a href="/about/"');
    edit(page(''), /<strong([^>]*)>[\d,]+<\/strong> words/u, '<strong$1>1</strong> words');
    edit(join(dist, 'feed.xml'), new RegExp(`/statements/${second!.id}/</link>`, 'u'), '/about/</link>');
    const part = first!.data.date.value.slice(0, 4);
    edit(join(dist, 'pagefind', part, 'pagefind-entry.json'), /"page_count":\d+/u, '"page_count":0');
    edit(join(dist, 'sitemap-0.xml'), `/statements/${first!.id}/</loc>`, '/about/</loc>');
    const problems = report(statementLists);
    expect(problems).toContain(`/statements/: missing ${first!.id}`);
    expect(problems).toContain('/: shows 1 words, the data has');
    expect(problems).toContain(`/feed.xml (newest first): missing /statements/${second!.id}/`);
    const edition = readEdition(content);
    const left = edition.length - edition.filter((s) => s.data.date.value.startsWith(part)).length;
    expect(problems).toContain(`/pagefind/: ${left} pages indexed for search, ${edition.length} statements`);
    expect(problems).toContain(`sitemap: no /statements/${first!.id}/`);
  });

  it('yearIndexes: a year page that lost a statement, a wrong count on /years/', () => {
    const year = first!.data.date.value.slice(0, 4);
    edit(page(`years/${year}`), `<a href="/statements/${first!.id}/"`, '<a href="/about/"');
    edit(page('years'), new RegExp(`(<a href="/years/${year}/"[^>]*>${year}</a><span[^>]*> — )\\d+ statements?`, 'u'), '$199 statements');
    const problems = report(yearIndexes);
    expect(problems).toContain(`/years/${year}/: missing ${first!.id}`);
    expect(problems).toContain(`does not count`);
  });

  it('speakerIndexes and groupIndexes: a wrong count on /speakers/, a theme page that lost a statement', () => {
    edit(page('speakers'), /<p class="muted"[^>]*>\d+ statements?<\/p>/u, '<p class="muted">99 statements</p>');
    const theme = first!.data.themes[0]!.id;
    edit(page(`themes/${theme}`), `<a href="/statements/${first!.id}/"`, '<a href="/about/"');
    expect(report(speakerIndexes)).toContain('says "99 statements"');
    expect(report(groupIndexes)).toContain(`/themes/${theme}/: missing ${first!.id}`);
  });

  it('dataFiles: a wrong word count in corpus.json.gz, a statement missing from statements.csv', () => {
    edit(join(dist, 'data', 'corpus.json.gz'), new RegExp(`"words":\\s*${first!.data.words}\\b`, 'u'), '"words": 1');
    const csv = join(dist, 'data', 'statements.csv');
    writeFileSync(
      csv,
      readFileSync(csv, 'utf8')
        .split('\r\n')
        .filter((row) => !row.startsWith(`${second!.id},`))
        .join('\r\n'),
    );
    const problems = report(dataFiles);
    expect(problems).toContain(`/data/corpus.json.gz: ${first!.id} has 1 words, the frontmatter ${first!.data.words}`);
    expect(problems).toContain(`/data/statements.csv: missing ${second!.id}`);
  });

  it('missingValuePaths and links: a page /speakers/null/, a link to it, a link to no page, a missing #fragment, a repeated id', () => {
    mkdirSync(join(dist, 'speakers', 'null'));
    writeFileSync(page('speakers/null'), '<!doctype html><title>null</title>');
    edit(page('about'), '</main>', '<a href="/speakers/null/">x</a><a href="/nowhere/">y</a><a href="/about/#no-such-id">z</a></main>');
    edit(page('years'), '<h1', '<h1 id="main"');
    expect(report(missingValuePaths)).toContain('/speakers/null/: a file under a path named after a missing value');
    expect(report(missingValuePaths)).toContain('/about/: <a href="/speakers/null/">: a link to a path named after a missing value');
    const problems = report(links);
    expect(problems).toContain('/about/: <a href="/nowhere/">: no file for /nowhere/');
    expect(problems).toContain('/about/: <a href="/about/#no-such-id">: /about/ has no element with id="no-such-id"');
    expect(problems).toContain('/years/: id="main" ×2');
  });
});
