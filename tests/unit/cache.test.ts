/**
 * The normalizer's cache (scripts/normalize/io/cache.ts) is an optimisation,
 * never an input: read like any input, validated whole, ignored (a full run,
 * with a note) when anything about it is off, and never naming a path outside
 * the content folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CACHE_FILE,
  CACHE_SECRET_FILE,
  type CachedStatement,
  codeVersion,
  readCache,
  sha256,
  writeCache,
} from '../../scripts/normalize/io/cache.ts';
import { loadContent } from '../../scripts/normalize/io/inputs.ts';
import { CONTENT, ROOT, tempFolders } from '../helpers/content.ts';

/** A fresh folder for one test. */
const folder = tempFolders('cache-test-', afterAll);

const VERSION = 'v1';
const source = loadContent(CONTENT).content.sources[0]!;
const FILE = source.file;

/** A valid entry, as a run writes it. */
function entry(): CachedStatement {
  return {
    key: sha256('key'),
    output: sha256('output'),
    id: source.meta.id,
    meta: structuredClone(source.meta),
    themes: ['diaspora', 'covid-19'],
    warnings: [],
    blocks: 3,
    words: 450,
    removals: 1,
    rejoins: 0,
  };
}

/** A cache file's text with `edit` applied to a valid one. */
function cacheText(edit: (data: { version: string; entries: Record<string, Record<string, unknown>> }) => void = () => {}): string {
  const data = { version: VERSION, entries: { [FILE]: entry() as unknown as Record<string, unknown> } };
  edit(data);
  return JSON.stringify(data);
}

const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('reading and writing', () => {
  it('gives back what was written, and leaves no temporary file', () => {
    const dir = folder();
    expect(writeCache(dir, VERSION, new Map([[FILE, entry()]]))).toBeUndefined();
    expect(readCache(dir, VERSION)).toEqual({ entries: new Map([[FILE, entry()]]) });
    expect(leftovers(dir)).toEqual([]);
  });

  it('is empty, without a note, when missing or of another version', () => {
    const dir = folder();
    expect(readCache(dir, VERSION)).toEqual({ entries: new Map() });
    writeFileSync(join(dir, CACHE_FILE), cacheText());
    expect(readCache(dir, 'another version')).toEqual({ entries: new Map() });
  });
});

describe('a cache that is not a regular file: a full run with a note', () => {
  it('a folder is ignored and left alone, and writing leaves no temporary file', () => {
    const dir = folder();
    mkdirSync(join(dir, CACHE_FILE));
    const r = readCache(dir, VERSION);
    expect(r.entries.size).toBe(0);
    expect(r.note).toBe(`${CACHE_FILE} is a folder, not a regular file; it is ignored and every source is normalized`);
    expect(writeCache(dir, VERSION, new Map([[FILE, entry()]]))).toMatch(/is a folder, so the cache is not written/u);
    expect(lstatSync(join(dir, CACHE_FILE)).isDirectory()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a link is not followed, even to a valid cache, and writing replaces the link, not its target', () => {
    const dir = folder();
    const target = join(folder(), 'elsewhere.json');
    writeFileSync(target, cacheText());
    symlinkSync(target, join(dir, CACHE_FILE));
    const r = readCache(dir, VERSION);
    expect(r.entries.size).toBe(0);
    expect(r.note).toMatch(/is a symbolic link; .*it is ignored and every source is normalized$/u);
    expect(writeCache(dir, VERSION, new Map())).toBeUndefined();
    expect(lstatSync(join(dir, CACHE_FILE)).isFile()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(cacheText());
  });

  it('a named pipe is not opened', () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, CACHE_FILE)]);
    expect(readCache(dir, VERSION).note).toMatch(/is a named pipe \(FIFO\)/u);
  });

  it('garbage is ignored', () => {
    const dir = folder();
    writeFileSync(join(dir, CACHE_FILE), '{"version": "v1", "entries": {');
    expect(readCache(dir, VERSION)).toEqual({
      entries: new Map(),
      note: `${CACHE_FILE} is not valid JSON; it is ignored and every source is normalized`,
    });
  });
});

describe('a cache that does not hold what the normalizer writes is ignored whole', () => {
  type Data = { version: string; entries: Record<string, Record<string, unknown>> };
  const e = (d: Data) => d.entries[FILE]!;
  const meta = (d: Data) => e(d)['meta'] as Record<string, unknown>;
  const cases: [string, (d: Data) => void][] = [
    ['an id with ../', (d) => Object.assign(e(d), { id: '../private' })],
    ['an id leaving the content folder', (d) => Object.assign(e(d), { id: '../../../../tmp/x' })],
    ['an absolute id', (d) => Object.assign(e(d), { id: '/etc/passwd' })],
    ['an id that is not a slug', (d) => Object.assign(e(d), { id: 'Not A Slug' })],
    ['an id of digits only', (d) => Object.assign(e(d), { id: '2' })],
    ['an id too long to name a file', (d) => Object.assign(e(d), { id: 'x'.repeat(300) })],
    ['an id other than its metadata’s', (d) => Object.assign(e(d), { id: '2099-someone-else' })],
    [
      'a source path with ../',
      (d) => {
        d.entries['sources/../../x.txt'] = e(d);
        delete d.entries[FILE];
      },
    ],
    [
      'a source path outside sources/',
      (d) => {
        d.entries['x.txt'] = e(d);
        delete d.entries[FILE];
      },
    ],
    [
      'a source name Windows cannot check out',
      (d) => {
        d.entries['sources/CON.txt'] = e(d);
        delete d.entries[FILE];
      },
    ],
    ['metadata naming another source file', (d) => Object.assign(meta(d)['source'] as object, { file: 'other.txt' })],
    ['metadata the schema refuses (a javascript: URL)', (d) => Object.assign(meta(d)['source'] as object, { url: 'javascript:alert(1)' })],
    ['metadata with a key the schema does not know', (d) => Object.assign(meta(d), { onclick: 'alert(1)' })],
    ['a hash that is not one', (d) => Object.assign(e(d), { output: '../x' })],
    ['a negative count', (d) => Object.assign(e(d), { blocks: -1 })],
    ['a field the cache does not have', (d) => Object.assign(e(d), { path: '/etc/passwd' })],
    ['a top-level field the cache does not have', (d) => Object.assign(d, { statementsDir: '/etc' })],
    ['entries that are not a map', (d) => Object.assign(d, { entries: [] })],
  ];
  it.each(cases)('%s', (_name, edit) => {
    const dir = folder();
    writeFileSync(join(dir, CACHE_FILE), cacheText(edit));
    const r = readCache(dir, VERSION);
    expect(r.entries).toEqual(new Map());
    expect(r.note).toMatch(
      /^\.normalize-cache\.json does not hold what the normalizer writes \(.+\); it is ignored and every source is normalized$/u,
    );
  });

  it('the note shows the file’s own keys with control characters escaped', () => {
    const dir = folder();
    writeFileSync(
      join(dir, CACHE_FILE),
      cacheText((d) => Object.assign(d, { '\u001b[2J': 1 })),
    );
    const note = readCache(dir, VERSION).note!;
    expect(note).toContain('\\u{1b}[2J');
    expect(note).not.toContain('\u001b');
  });

  it('a cache that is not an object at all is ignored', () => {
    const dir = folder();
    for (const text of ['null', '[]', '"text"', '42']) {
      writeFileSync(join(dir, CACHE_FILE), text);
      expect(readCache(dir, VERSION).note, text).toMatch(/does not hold what the normalizer writes/u);
    }
  });
});

describe('the version', () => {
  it('is stable, and mixes in a secret kept outside any content folder', () => {
    expect(codeVersion(ROOT)).toBe(codeVersion(ROOT));
    expect(CACHE_SECRET_FILE.startsWith('node_modules/')).toBe(true);
    expect(existsSync(join(ROOT, CACHE_SECRET_FILE))).toBe(true);
    expect(lstatSync(join(ROOT, CACHE_SECRET_FILE)).mode & 0o077).toBe(0);
  });
});
