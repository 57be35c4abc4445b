/**
 * `npm run normalize` as a user runs it: on a copy of the fixture's content
 * folder (tests/fixtures/content/, the five seeds), with a sixth statement
 * added as data only, and with bad input of every kind.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { afterEach, describe, expect, it } from 'vitest';
import remarkBlockIds from '../../src/markdown/remark-block-ids.ts';
import remarkInertHtml from '../../src/markdown/remark-inert-html.ts';
import {
  freshCopies,
  editMeta,
  readBlocks,
  readStatements,
  removeDir,
  runNormalize,
  runNormalizeLimited,
  sha256Of,
  splitStatement,
  writeSource,
} from '../helpers/content.ts';

const fresh = freshCopies(afterEach);

const W = '000_ce5e4365aebd8e0f';

/** A sixth source with the same kinds of artifacts as the seeds, written for this test. */
const SIXTH = [
  'Home',
  '- About us',
  'News and Media',
  'News and Media',
  '- Press releases',
  'Speeches',
  'Statement by Dr. Jane Example on Labour Mobility',
  '12 June 2019',
  '',
  'Madam Chair,',
  '',
  'Excellencies, ladies and gentlemen,',
  'It is a pleasure to address this meeting on labour mobility and the',
  'protection of migrant workers in the region. Our cooperation with',
  'IOM has grown\u00A0over the years.  ',
  '',
  'We must work together for the common',
  '',
  'good of all migrant workers and their families.',
  '',
  'I. Strengthening regional',
  'cooperation on labour migration',
  '',
  'Three priorities stand out:',
  '',
  '  • Fair recruitment and decent work for all',
  '    migrant workers;',
  '  • Better data on labour migration; and',
  '  • Protection against trafficking and exploitation.',
  '',
  'II. The way forward',
  '',
  'We look forward to continued partnership and cooperation',
  '– with all of you – and to the “',
  'next” meeting.',
  '',
  'Thank you.',
  'For further information, please contact',
  'John Doe',
  'Press Office',
  'Tel. +41 22 000 00 00',
  'Email: jdoe@example.org',
  '',
].join('\n');

function sixthMeta(sha: string, id = '2019-06-12-jane-example-labour-mobility'): string {
  return [
    `id: ${id}`,
    'title: Statement by Dr. Jane Example on Labour Mobility',
    'type: statement',
    'language: en',
    'speaker: jane-example',
    'role: null',
    'onBehalfOf: IOM',
    'event: null',
    'place: Geneva',
    "date: { value: '2019-06-12' }",
    `source: { file: 999_sixth.txt, sha256: ${sha}, url: 'https://example.org/statement' }`,
    '',
  ].join('\n');
}

function addSixth(dir: string): void {
  writeFileSync(join(dir, 'sources/999_sixth.txt'), SIXTH);
  writeFileSync(join(dir, 'sources/999_sixth.yaml'), sixthMeta(sha256Of(SIXTH)));
  const speakers = readFileSync(join(dir, 'speakers.yaml'), 'utf8');
  writeFileSync(
    join(dir, 'speakers.yaml'),
    `${speakers}- id: jane-example\n  name: Jane Example\n  family: Example\n  given: Jane\n  sortName: Example, Jane\n  affiliation: IOM\n`,
  );
}

/** Test texts are short: the editor adds two themes so the two-theme rule holds. */
const ADD_THEMES = 'themes:\n  add:\n    - { theme: diaspora, reason: Test. }\n    - { theme: covid-19, reason: Test. }\n';

/** A statement an earlier run wrote (of a source since removed): the normalizer's own, so a successful run replaces it. */
const SENTINEL = '---\nid: sentinel\ntitle: An earlier statement\n---\n\nOld output. {#p-1}\n';

/** Makes a statements folder with a sentinel, to prove a failed run leaves it alone. */
function withSentinel(dir: string): () => Map<string, string> {
  mkdirSync(join(dir, 'statements'));
  writeFileSync(join(dir, 'statements', 'sentinel.md'), SENTINEL);
  return () => readStatements(dir);
}

function expectFailure(dir: string, ...messages: (string | RegExp)[]): string {
  const before = withSentinel(dir)();
  const r = runNormalize(dir);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/nothing was written/u);
  for (const m of messages) expect(r.stderr).toMatch(m);
  expect(readStatements(dir)).toEqual(before);
  expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  return r.stderr;
}

describe('normalize on the seed corpus', () => {
  it('writes one Markdown file per source and says what it did', () => {
    const dir = fresh();
    const r = runNormalize(dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/wrote 5 statements/u);
    expect([...readStatements(dir).keys()]).toEqual([
      '2010-03-02-swing-cbmm-training-beijing.md',
      '2012-11-28-wu-haitao-iom-council.md',
      '2014-05-iom-swing-migration-governance-china.md',
      '2021-03-ke-yousheng-gcm-review-asia-pacific.md',
      '2023-chen-xu-iom-council.md',
    ]);
  });

  it('gives byte-identical output on a second run, and --check then passes', () => {
    const dir = fresh();
    runNormalize(dir);
    const first = readStatements(dir);
    expect(runNormalize(dir).status).toBe(0);
    expect(readStatements(dir)).toEqual(first);
    const check = runNormalize(dir, '--check');
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/5 statements up to date/u);
  });

  it('--check fails on an edited, missing or extra statement file and writes nothing', () => {
    const dir = fresh();
    runNormalize(dir);
    const file = join(dir, 'statements', '2023-chen-xu-iom-council.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('I thank you.', 'I thank you!'));
    writeFileSync(join(dir, 'statements', 'stray.md'), 'x');
    const r = runNormalize(dir, '--check');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('2023-chen-xu-iom-council.md: out of date');
    expect(r.stderr).toContain('stray.md: no source produces it');
    expect(readFileSync(file, 'utf8')).toContain('I thank you!');
  });
});

describe('a sixth statement added as data only', () => {
  it('is normalized by the same rules: navigation, title, date, footer removed; wraps, splits, heading and bullets repaired', () => {
    const dir = fresh();
    addSixth(dir);
    const r = runNormalize(dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const md = readStatements(dir).get('2019-06-12-jane-example-labour-mobility.md')!;
    const { body } = splitStatement(md);
    const blocks = readBlocks(body);
    expect(blocks.map((b) => [b.kind, b.marker + b.text])).toEqual([
      ['paragraph', 'Madam Chair,'],
      ['paragraph', 'Excellencies, ladies and gentlemen,'],
      [
        'paragraph',
        'It is a pleasure to address this meeting on labour mobility and the protection of migrant workers in the region. Our cooperation with IOM has grown over the years.',
      ],
      ['paragraph', 'We must work together for the common good of all migrant workers and their families.'],
      ['heading', 'I. Strengthening regional cooperation on labour migration'],
      ['paragraph', 'Three priorities stand out:'],
      ['bullet-item', '•Fair recruitment and decent work for all migrant workers;'],
      ['bullet-item', '•Better data on labour migration; and'],
      ['bullet-item', '•Protection against trafficking and exploitation.'],
      ['heading', 'II. The way forward'],
      ['paragraph', 'We look forward to continued partnership and cooperation – with all of you – and to the “next” meeting.'],
      ['paragraph', 'Thank you.'],
    ]);
    for (const gone of [
      'Home',
      'About us',
      'News and Media',
      'Press releases',
      'Speeches',
      '12 June 2019',
      'John Doe',
      'jdoe@example.org',
      'further information',
    ]) {
      expect(body).not.toContain(gone);
    }
    expect(md).toMatch(/kind: navigation\n\s+reason: .*\n\s+text:\n\s+- Home/u);
    expect(md).toContain('kind: date-line');
    expect(md).toContain('kind: contact-footer');
    expect(md).toMatch(/rejoins:\n\s+- line: 19/u);
    expect(md).toContain('specialSpaces: 1');
  });
});

describe('bad input: a clear error naming the file and place, and nothing written', () => {
  it('refuses an empty source', () => {
    const dir = fresh();
    writeSource(dir, `${W}.txt`, '');
    expectFailure(dir, `sources/${W}.txt: the file is empty`);
  });

  it('refuses a source of only invisible characters', () => {
    const dir = fresh();
    writeSource(dir, `${W}.txt`, '\u200B\uFEFF\n\u200B\n');
    expectFailure(dir, `sources/${W}.txt: the file has no visible text`);
  });

  it('refuses invalid UTF-8, naming the byte offset', () => {
    const dir = fresh();
    writeSource(dir, `${W}.txt`, Buffer.from([0x4d, 0x72, 0x2e, 0x20, 0xe9, 0x74, 0xe9]));
    expectFailure(dir, `sources/${W}.txt: byte 4: invalid UTF-8 (byte 0xE9)`);
  });

  it('refuses a binary file', () => {
    const dir = fresh();
    writeSource(dir, `${W}.txt`, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expectFailure(dir, `sources/${W}.txt`, /invalid UTF-8|control character/u);
  });

  it('refuses a text with control characters, naming line and column', () => {
    const dir = fresh();
    writeSource(dir, `${W}.txt`, 'Title\n\nMr. President,\n\nA bell\u0007 rings.\n');
    expectFailure(dir, `sources/${W}.txt: line 5, column 7: control character U+0007`);
  });

  it('reports a missing required field', () => {
    const dir = fresh();
    editMeta(dir, `${W}.yaml`, /^title: .*\n/mu, '');
    expectFailure(dir, `sources/${W}.yaml: title:`);
  });

  it('reports an unknown speaker', () => {
    const dir = fresh();
    editMeta(dir, `${W}.yaml`, 'value: wu-haitao', 'value: nobody-known');
    expectFailure(dir, `sources/${W}.yaml: speaker.value: unknown speaker "nobody-known"`);
  });

  it('reports an impossible date', () => {
    const dir = fresh();
    editMeta(dir, `${W}.yaml`, "value: '2012-11-28'", "value: '2012-02-30'");
    expectFailure(dir, `sources/${W}.yaml: date.value: must be a real date`);
  });

  it('reports a date line that contradicts the metadata', () => {
    const dir = fresh();
    editMeta(dir, `${W}.yaml`, "value: '2012-11-28'", "value: '2012-11-27'");
    expectFailure(
      dir,
      `sources/${W}.txt: line 9: the date line "November 28, 2012, Geneva" says 2012-11-28 but the metadata date is 2012-11-27`,
    );
  });

  it('reports a duplicate id', () => {
    const dir = fresh();
    editMeta(dir, '001_f183e13d353718c8.yaml', 'id: 2023-chen-xu-iom-council', 'id: 2012-11-28-wu-haitao-iom-council');
    expectFailure(dir, 'sources/001_f183e13d353718c8.yaml: id: duplicate id "2012-11-28-wu-haitao-iom-council"');
  });

  it('refuses a javascript: source URL', () => {
    const dir = fresh();
    editMeta(dir, `${W}.yaml`, 'url: null', "url: 'javascript:alert(1)'");
    expectFailure(dir, `sources/${W}.yaml: source.url: must be an absolute http:// or https:// URL`);
  });

  it('refuses a source whose bytes no longer match the recorded SHA-256', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'sources', `${W}.txt`), 'Changed.\n');
    expectFailure(dir, `sources/${W}.yaml: source.sha256: does not match the source`);
  });

  it('reports a source without metadata and metadata without a source', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'sources', 'orphan.txt'), 'Text.\n');
    writeFileSync(join(dir, 'sources', 'lonely.yaml'), 'id: x\n');
    expectFailure(dir, 'sources/orphan.txt: has no metadata file', 'sources/lonely.yaml: has no source text beside it');
  });

  it('reports every problem at once, across files', () => {
    const dir = fresh();
    editMeta(dir, `${W}.yaml`, 'value: wu-haitao', 'value: nobody-known');
    editMeta(dir, '001_f183e13d353718c8.yaml', "value: '2023'", "value: '2023-13'");
    editMeta(dir, '003_1e0d9a2d3cac57c3.yaml', 'type: press-release', 'type: blog');
    const err = expectFailure(dir, /3 problem\(s\)/u);
    expect(err).toContain(`sources/${W}.yaml: speaker.value`);
    expect(err).toContain('sources/001_f183e13d353718c8.yaml: date.value');
    expect(err).toContain('sources/003_1e0d9a2d3cac57c3.yaml: type');
  });

  it('reports problems in the texts and in the metadata of other files in the same run', () => {
    const dir = fresh();
    writeSource(dir, `${W}.txt`, Buffer.from([0x61, 0xff]));
    editMeta(dir, '001_f183e13d353718c8.yaml', 'value: chen-xu', 'value: nobody-known');
    const err = expectFailure(dir, /2 problem\(s\)/u);
    expect(err).toContain(`sources/${W}.txt: byte 1: invalid UTF-8`);
    expect(err).toContain('sources/001_f183e13d353718c8.yaml: speaker.value: unknown speaker');
  });

  it('reports YAML syntax errors with their line', () => {
    const dir = fresh();
    editMeta(dir, `${W}.yaml`, 'type: statement', 'type: [statement');
    expectFailure(dir, new RegExp(`sources/${W}\\.yaml: line \\d+: YAML:`, 'u'));
  });
});

describe('hostile text in a source', () => {
  it('keeps <script> and other tags as literal text that cannot become markup', async () => {
    const dir = fresh();
    const text =
      'Title\n\nBefore <script>alert(1)</script> and <img src=x onerror="alert(2)"> and <a href="javascript:x()">link</a>.\n\n<iframe src="//evil"></iframe>\n';
    writeSource(dir, `${W}.txt`, text);
    editMeta(dir, `${W}.yaml`, /^title: .*\n/mu, `title: Title\n${ADD_THEMES}`);
    expect(runNormalize(dir).stderr).toBe('');
    const md = readStatements(dir).get('2012-11-28-wu-haitao-iom-council.md')!;
    const { body } = splitStatement(md);
    expect(readBlocks(body).map((b) => b.text)).toEqual([
      'Before <script>alert(1)</script> and <img src=x onerror="alert(2)"> and <a href="javascript:x()">link</a>.',
      '<iframe src="//evil"></iframe>',
    ]);
    const html = String(
      await unified().use(remarkParse).use(remarkInertHtml).use(remarkBlockIds).use(remarkRehype).use(rehypeStringify).process(body),
    );
    expect(html).not.toMatch(/<(script|img|a|iframe)\b/u);
  });

  it('handles a 5 MB source', () => {
    const dir = fresh();
    const para =
      'Migration is a global issue which calls for strengthened international cooperation as no country can\ncome to grip with it single-handedly, and';
    const parts = ['Title', ''];
    let size = 0;
    for (let i = 0; size < 5_000_000; i++) {
      const p = `${i + 1}. ${para}\n\nmore text follows here in lower case.`;
      parts.push(p, '');
      size += p.length + 2;
    }
    writeSource(dir, `${W}.txt`, parts.join('\n'));
    editMeta(dir, `${W}.yaml`, /^title: .*\n/mu, `title: Title\n${ADD_THEMES}`);
    const r = runNormalize(dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const md = readStatements(dir).get('2012-11-28-wu-haitao-iom-council.md')!;
    expect(md.length).toBeGreaterThan(5_000_000);
    const { body } = splitStatement(md);
    // A wholly new text in place of the statement's: none of its ten locked ids passes to it; new ids start after them.
    expect(body.split('\n')[0]).toBe(`1. ${para.replace('\n', ' ')} more text follows here in lower case. {#p-11}`);
  }, 120_000);
});

describe('writing', () => {
  it('replaces the statements folder as a whole and leaves no temporary folder', () => {
    const dir = fresh();
    withSentinel(dir);
    expect(runNormalize(dir).status).toBe(0);
    expect(existsSync(join(dir, 'statements', 'sentinel.md'))).toBe(false);
    // Only the normalizer's cache is left beside the content.
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual(['.normalize-cache.json']);
  });
});

describe('the cache of unchanged sources', () => {
  const unchanged = (stdout: string) => Number(/; (\d+) unchanged since the last run\)/u.exec(stdout)?.[1]);

  it('reuses every unchanged statement on a second run and writes exactly the same files', () => {
    const dir = fresh();
    const first = runNormalize(dir);
    expect(unchanged(first.stdout)).toBe(0);
    const before = readStatements(dir);
    const second = runNormalize(dir);
    expect(second.status).toBe(0);
    expect(unchanged(second.stdout)).toBe(5);
    expect(readStatements(dir)).toEqual(before);
  });

  it('normalizes again only the statement whose metadata changed, and the change shows', () => {
    const dir = fresh();
    runNormalize(dir);
    editMeta(dir, `${W}.yaml`, /^title: .*$/mu, 'title: A changed title');
    const r = runNormalize(dir);
    expect(r.status).toBe(0);
    expect(unchanged(r.stdout)).toBe(4);
    expect(readStatements(dir).get(`2012-11-28-wu-haitao-iom-council.md`)).toContain('\ntitle: A changed title\n');
  });

  it('writes again an output file edited by hand, and everything after a change to themes.yaml', () => {
    const dir = fresh();
    runNormalize(dir);
    const file = join(dir, 'statements', '2012-11-28-wu-haitao-iom-council.md');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, `${good}Tampered.\n`);
    const r = runNormalize(dir);
    expect(unchanged(r.stdout)).toBe(4);
    expect(readFileSync(file, 'utf8')).toBe(good);
    writeFileSync(join(dir, 'themes.yaml'), `${readFileSync(join(dir, 'themes.yaml'), 'utf8')}\n`);
    expect(unchanged(runNormalize(dir).stdout)).toBe(0);
  });

  it('is neither read nor written with --no-cache', () => {
    const dir = fresh();
    runNormalize(dir);
    expect(unchanged(runNormalize(dir, '--no-cache').stdout)).toBe(0);
  });
});

describe('the cache is an optimisation, never an input: when anything about it is off, a full run', () => {
  const unchanged = (stdout: string) => Number(/; (\d+) unchanged since the last run\)/u.exec(stdout)?.[1]);
  const cachePath = (dir: string) => join(dir, '.normalize-cache.json');

  it('a cache that is a folder: every source normalized, a note, the folder left, no temporary file', () => {
    const dir = fresh();
    mkdirSync(cachePath(dir));
    const r = runNormalize(dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^normalize: note: \.normalize-cache\.json is a folder, not a regular file; it is ignored and every source is normalized\.$/mu,
    );
    expect(r.stdout.split('\n').filter((l) => l.includes('note:'))).toHaveLength(1);
    expect(r.stdout).toMatch(/wrote 5 statements/u);
    expect(lstatSync(cachePath(dir)).isDirectory()).toBe(true);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual(['.normalize-cache.json']);
  });

  it('a cache that is a link: not followed, and replaced by a regular file (the target left as it was)', () => {
    const dir = fresh();
    runNormalize(dir);
    const target = join(dir, 'sources-backup.json');
    writeFileSync(target, readFileSync(cachePath(dir)));
    const before = readFileSync(target, 'utf8');
    removeDir(cachePath(dir));
    symlinkSync(target, cachePath(dir));
    const r = runNormalize(dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/note: \.normalize-cache\.json is a symbolic link/u);
    expect(unchanged(r.stdout)).toBe(0);
    expect(lstatSync(cachePath(dir)).isFile()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect(unchanged(runNormalize(dir).stdout)).toBe(5);
  });

  it('garbage: every source normalized, with a note, and a good cache written', () => {
    const dir = fresh();
    writeFileSync(cachePath(dir), '\u0000\u0001 not JSON');
    const r = runNormalize(dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/note: \.normalize-cache\.json is not valid JSON; it is ignored/u);
    expect(unchanged(runNormalize(dir).stdout)).toBe(5);
  });

  it('an entry whose id leads out of statements/ is never followed: the file there is neither published nor written', () => {
    const dir = fresh();
    runNormalize(dir);
    const privateText = 'PRIVATE: not for publication\n';
    writeFileSync(join(dir, 'private.md'), privateText);
    const data = JSON.parse(readFileSync(cachePath(dir), 'utf8')) as { entries: Record<string, { id: string; output: string }> };
    const file = `sources/${W}.txt`;
    data.entries[file]!.id = '../private';
    data.entries[file]!.output = createHash('sha256').update(privateText).update('\u0000').digest('hex');
    writeFileSync(cachePath(dir), JSON.stringify(data));
    const r = runNormalize(dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/note: \.normalize-cache\.json does not hold what the normalizer writes \(entries\.sources\/[^ ]+\.id: /u);
    expect(unchanged(r.stdout)).toBe(0);
    expect(readFileSync(join(dir, 'private.md'), 'utf8')).toBe(privateText);
    const statements = readStatements(dir);
    expect([...statements.keys()]).toContain('2012-11-28-wu-haitao-iom-council.md');
    expect([...statements.values()].join('\n')).not.toContain('PRIVATE');
  });

  it('a cache made on another machine (or by other code) is not used', () => {
    const dir = fresh();
    runNormalize(dir);
    const data = JSON.parse(readFileSync(cachePath(dir), 'utf8')) as { version: string };
    data.version = sha256Of('another machine');
    writeFileSync(cachePath(dir), JSON.stringify(data));
    const r = runNormalize(dir);
    expect(r.stdout).not.toContain('note:');
    expect(unchanged(r.stdout)).toBe(0);
  });
});

describe('the statements folder is the normalizer’s own: nothing else in it is deleted without a word', () => {
  it('refuses a stray file, a folder, a Markdown file without a statement’s frontmatter and a link, each by name', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'statements', 'drafts'), { recursive: true });
    writeFileSync(join(dir, 'statements', 'notes.txt'), 'Notes.\n');
    writeFileSync(join(dir, 'statements', 'draft.md'), '# Draft\n');
    symlinkSync('../speakers.yaml', join(dir, 'statements', 'linked.md'));
    writeFileSync(join(dir, 'statements', 'sentinel.md'), SENTINEL);
    const r = runNormalize(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/4 problem\(s\).*nothing was written/u);
    for (const name of ['notes.txt', 'drafts', 'draft.md', 'linked.md']) {
      expect(r.stderr).toContain(`statements/${name}: is not a statement written by the normalizer; move it out of content/statements/`);
    }
    expect(readFileSync(join(dir, 'statements', 'notes.txt'), 'utf8')).toBe('Notes.\n');
    expect(readFileSync(join(dir, 'statements', 'sentinel.md'), 'utf8')).toBe(SENTINEL);
  });

  it('replaces its own statements, quoted ids included, and a .DS_Store', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'statements'));
    writeFileSync(join(dir, 'statements', '2010-03-02.md'), "---\nid: '2010-03-02'\n---\n\nOld. {#p-1}\n");
    writeFileSync(join(dir, 'statements', '.DS_Store'), '');
    const r = runNormalize(dir);
    expect(r.stderr).toBe('');
    expect(readStatements(dir).size).toBe(5);
  });

  it('refuses a statements folder that is a link', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync('elsewhere', join(dir, 'statements'));
    const r = runNormalize(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('statements/: is a symbolic link; it must be a folder inside the content folder');
    expect(lstatSync(join(dir, 'statements')).isSymbolicLink()).toBe(true);
  });

  it('--check names a pipe where a statement should be, without blocking on it', () => {
    const dir = fresh();
    runNormalize(dir);
    const file = join(dir, 'statements', '2023-chen-xu-iom-council.md');
    removeDir(file);
    execFileSync('mkfifo', [file]);
    const r = runNormalizeLimited(dir, 30_000, '--check');
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('2023-chen-xu-iom-council.md: is a named pipe (FIFO), not a regular file');
    const again = runNormalizeLimited(dir, 30_000);
    expect(again.timedOut).toBe(false);
    expect(again.stderr).toContain('statements/2023-chen-xu-iom-council.md: is not a statement written by the normalizer');
  });
});

describe('the sources folder', () => {
  it('refuses a sources folder that is a link, reading nothing through it', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere', 'secret.txt'), 'secret\n');
    removeDir(join(dir, 'sources'));
    symlinkSync('elsewhere', join(dir, 'sources'));
    const r = runNormalize(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('sources/: is a symbolic link; it must be a folder inside the content folder');
    expect(r.stderr).not.toContain('secret');
  });
});
