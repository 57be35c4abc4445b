/**
 * What the build needs, checked by the normalizer first
 * (scripts/normalize/io/build-checks.ts), and the slug rules it shares with
 * the build (src/edition/slugs.ts).
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aliasProblems, type BuildInputs, checkBuildNeeds, slugProblems } from '../../scripts/normalize/io/build-checks.ts';
import { formatProblem, type Problem } from '../../scripts/normalize/problems.ts';
import { type StatementMeta, statementMetaInput } from '../../src/edition/schemas.ts';
import { assertUniqueSlugs, slugClashes, slugProblem, SLUG_MAX_BYTES } from '../../src/edition/slugs.ts';

const base = {
  id: 'a',
  title: 'A statement',
  type: 'statement',
  language: 'en',
  speaker: 'wu-haitao',
  role: null,
  onBehalfOf: 'China',
  event: null,
  place: null,
  date: { value: '2015' },
  source: { file: 'a.txt', sha256: '0'.repeat(64), url: null },
};

/** Validated metadata for `sources/<file>.txt` with some fields changed. */
const source = (file: string, change: Record<string, unknown> = {}): { file: string; meta: StatementMeta } => ({
  file: `sources/${file}.txt`,
  meta: statementMetaInput.parse({ ...base, id: file, ...change }),
});

const inputs = (...sources: { file: string; meta: StatementMeta }[]): BuildInputs => ({ sources, speakers: [], themes: [] });

const format = (ps: Problem[]) => ps.map(formatProblem);

describe('slugProblem, slugClashes, assertUniqueSlugs', () => {
  it('refuses a text with no letter or digit, and a slug of more than 100 bytes (non-Latin letters count 3)', () => {
    expect(slugProblem('***')).toBe('"***" gives an empty slug: it has no letter or digit');
    expect(slugProblem('a'.repeat(SLUG_MAX_BYTES))).toBeNull();
    expect(slugProblem('中'.repeat(33))).toBeNull();
    expect(slugProblem('中'.repeat(34))).toMatch(/gives a slug of 102 bytes; at most 100/u);
  });

  it('finds each later text whose slug an earlier, different text has', () => {
    const clashes = slugClashes([{ text: 'China' }, { text: 'IOM' }, { text: 'CHINA' }, { text: 'China.' }, { text: 'China' }]);
    expect(clashes.map((c) => [c.item.text, c.first.text, c.slug])).toEqual([
      ['CHINA', 'China', 'china'],
      ['China.', 'China', 'china'],
    ]);
  });

  it('makes the build throw on the same problems', () => {
    expect(() => assertUniqueSlugs(['China', 'CHINA'])).toThrow('"China" and "CHINA" share the slug "china"');
    expect(() => assertUniqueSlugs(['***'])).toThrow('gives an empty slug');
    expect(() => assertUniqueSlugs(['a'.repeat(101)])).toThrow('at most 100');
  });
});

describe('slugProblems', () => {
  it('passes distinct names, and the same name written the same way in many files', () => {
    expect(slugProblems(inputs(source('a'), source('b'), source('c', { onBehalfOf: 'IOM' })))).toEqual([]);
  });

  it('names the later file and the earlier one when two spellings give one slug', () => {
    expect(format(slugProblems(inputs(source('a'), source('b', { onBehalfOf: 'CHINA' }))))).toEqual([
      'sources/b.yaml: onBehalfOf.value: "CHINA" and "China" (sources/a.yaml) give the same slug "china", so /on-behalf-of/china/ would be one page for both: write the same name the same way everywhere',
    ]);
  });

  it('refuses a value that gives no slug, naming the page it would name', () => {
    expect(format(slugProblems(inputs(source('a', { onBehalfOf: '***' }))))).toEqual([
      'sources/a.yaml: onBehalfOf.value: "***" gives an empty slug: it has no letter or digit; the slug names the page /on-behalf-of/<slug>/',
    ]);
  });

  it('ignores an unknown "on behalf of"', () => {
    expect(slugProblems(inputs(source('a', { onBehalfOf: null })))).toEqual([]);
  });
});

describe('aliasProblems', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const withAliases = (content: string | Uint8Array | null): string => {
    const dir = mkdtempSync(join(tmpdir(), 'build-checks-'));
    dirs.push(dir);
    if (content !== null) writeFileSync(join(dir, 'aliases.yaml'), content);
    return dir;
  };

  it('passes good aliases and a missing file', () => {
    expect(aliasProblems(withAliases('- id: gcm\n  names: [GCM, Global Compact on Migration]\n'))).toEqual([]);
    expect(aliasProblems(withAliases(null))).toEqual([]);
  });

  it('refuses invalid UTF-8, naming the byte', () => {
    expect(format(aliasProblems(withAliases(Uint8Array.from([0x2d, 0x20, 0xff]))))).toEqual([
      'aliases.yaml: byte 2: invalid UTF-8 (byte 0xFF); the file must be UTF-8 text',
    ]);
  });

  it('refuses a name with a bidi control, a duplicate id and a YAML tag', () => {
    expect(format(aliasProblems(withAliases('- id: gcm\n  names: [GCM, "Global \\u202ECompact"]\n')))).toEqual([
      'aliases.yaml: 0.names.1: contains a control, zero-width or bidi-control character: U+202E (a bidirectional control, which can make text read in another order) at character 8',
    ]);
    expect(format(aliasProblems(withAliases('- { id: a, names: [x, y] }\n- { id: a, names: [z, w] }\n')))).toEqual([
      'aliases.yaml: 1.id: duplicate id "a"',
    ]);
    expect(format(aliasProblems(withAliases('- !!js/function x\n')))[0]).toMatch(
      /^aliases\.yaml: line 1: the tag "!!js\/function" is not allowed/u,
    );
  });

  it('refuses a file that is not a regular file by name, without reading it', () => {
    const dir = withAliases(null);
    symlinkSync('/etc/passwd', join(dir, 'aliases.yaml'));
    const problems = format(aliasProblems(dir));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^aliases\.yaml: .*link/u);
    expect(problems[0]).not.toMatch(/root/u);
  });

  it('checkBuildNeeds gives both', () => {
    const dir = withAliases('- { id: a, names: [x] }\n');
    expect(format(checkBuildNeeds(dir, inputs(source('a', { onBehalfOf: '***' })))).map((l) => l.split(':').slice(0, 2).join(':'))).toEqual(
      ['sources/a.yaml: onBehalfOf.value', 'aliases.yaml: 0.names'],
    );
  });
});
