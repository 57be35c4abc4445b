/**
 * Helpers for tests that run the normalizer on a copy of a content folder.
 *
 * Tests with exact expectations (five statements, their years, their texts)
 * read the frozen fixture in tests/fixtures/content/, never content/: the live
 * corpus grows, the fixture does not. What must hold for the live corpus is
 * checked by the invariants in tests/invariants/.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { blocksFromMarkdown, type TextBlock } from '../../src/edition/statement-text.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The frozen test corpus: the five seed statements, their inputs and their reviewed output (the golden files). */
export const CONTENT = join(ROOT, 'tests', 'fixtures', 'content');
/** The live corpus, which grows: only invariants may be asserted over it. */
export const LIVE_CONTENT = join(ROOT, 'content');

/** The inputs of a content folder, as `npm run normalize` and the build read them (everything but the statements the normalizer writes). */
export const CONTENT_INPUTS = ['sources', 'speakers.yaml', 'themes.yaml', 'aliases.yaml', 'editions.yaml', 'edition.yaml'] as const;

/** A fresh copy of a content folder's inputs (no statements) in a temporary folder: the fixture's unless `from` is given. */
export function copyContent(from: string = CONTENT): string {
  const dir = mkdtempSync(join(tmpdir(), 'edition-'));
  for (const name of CONTENT_INPUTS) cpSync(join(from, name), join(dir, name), { recursive: true });
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Writes a source file and puts its SHA-256 into the metadata file beside it (when there is one). */
export function writeSource(dir: string, name: string, bytes: Uint8Array | string): void {
  const path = join(dir, 'sources', name);
  writeFileSync(path, bytes);
  const metaPath = path.replace(/\.txt$/u, '.yaml');
  const digest = createHash('sha256').update(readFileSync(path)).digest('hex');
  try {
    const meta = readFileSync(metaPath, 'utf8');
    writeFileSync(metaPath, meta.replace(/sha256: [0-9a-f]{64}/u, `sha256: ${digest}`));
  } catch {
    // no metadata yet: the caller writes it
  }
}

export function sha256Of(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Edits a metadata file with a text replacement; fails loudly if the text is not there. */
export function editMeta(dir: string, name: string, from: string | RegExp, to: string): void {
  const path = join(dir, 'sources', name);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`editMeta: ${String(from)} not found in ${name}`);
  writeFileSync(path, after);
}

/**
 * Runs `scripts/normalize.ts` on a content folder as the hostile-input tests
 * do: killed after `timeoutMs` (an input that stalls it must not stall the
 * tests) and with the JavaScript heap capped at 6 GB.
 */
export function runNormalizeLimited(
  dir: string,
  timeoutMs: number,
  ...args: string[]
): { status: number | null; stdout: string; stderr: string; timedOut: boolean } {
  const r = spawnSync(process.execPath, ['--max-old-space-size=6144', join(ROOT, 'scripts/normalize.ts'), '--content', dir, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: r.status,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    timedOut: (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT',
  };
}

/** Runs `scripts/normalize.ts` on a content folder. */
export function runNormalize(dir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/normalize.ts'), '--content', dir, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The statements folder's files as name → content. */
export function readStatements(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const folder = join(dir, 'statements');
  for (const name of readdirSync(folder).sort()) out.set(name, readFileSync(join(folder, name), 'utf8'));
  return out;
}

/** Splits a statement file into its frontmatter text and Markdown body. */
export function splitStatement(markdown: string): { frontmatter: string; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/u.exec(markdown);
  if (!m) throw new Error('not a statement file');
  return { frontmatter: m[1]!, body: m[2]! };
}

/** A block as a reader sees it: kind, id, text (Markdown escapes undone), and its list marker. */
export interface ReadBlock {
  kind: TextBlock['kind'];
  id: string;
  text: string;
  /** "3." for the third item of an ordered list, "•" for a bullet, "" otherwise. */
  marker: string;
  /** Index of the list the item is in (counting lists from 0), or -1. */
  list: number;
}

/** Parses a statement body as the site does and returns its blocks in order, with list markers. */
export function readBlocks(body: string): ReadBlock[] {
  return blocksFromMarkdown(body).map((b) => ({
    kind: b.kind,
    id: b.id,
    text: b.text,
    marker: b.kind === 'ordered-item' ? `${b.number}.` : b.kind === 'bullet-item' ? '•' : '',
    list: b.list ?? -1,
  }));
}

/** A content folder and the site built from it. */
export interface Site {
  /** For test names: "live" or "fixture". */
  name: string;
  content: string;
  dist: string;
}

/** The live corpus and its site (`npm run build:site`): only invariants hold over it. */
export const LIVE_SITE: Site = { name: 'live', content: LIVE_CONTENT, dist: join(ROOT, 'dist') };
/** The frozen fixture and its site (`npm run build:fixture`): the tests with exact expectations run over it. */
export const FIXTURE_SITE: Site = { name: 'fixture', content: CONTENT, dist: join(ROOT, 'dist-fixture') };

/**
 * Builds the site of a content folder into `out` as `npm run build:site` does
 * (Astro, then Pagefind), with an Astro cache of its own beside the content;
 * `clean: false` keeps that cache, for an incremental build; `env` adds to the
 * build's environment.
 */
export function runBuild(
  contentDir: string,
  out: string,
  { clean = true, env = {} }: { clean?: boolean; env?: Record<string, string> } = {},
): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, ['scripts/build-site.ts', ...(clean ? ['--clean'] : []), '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    // A local preview, as the live test build (npm test) is: the site is served here, at localhost.
    env: {
      ...process.env,
      LOCAL_PREVIEW: '1',
      CONTENT_DIR: contentDir,
      ASTRO_CACHE_DIR: join(contentDir, '.astro-cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
    },
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

/**
 * Fresh empty folders for the tests of one file, under one temporary folder
 * removed after them: call the returned function once per test.
 */
export function tempFolders(prefix: string, cleanUp: (fn: () => void) => void): () => string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  cleanUp(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  return () => {
    const dir = join(root, String(n++));
    mkdirSync(dir);
    return dir;
  };
}

/**
 * Fresh copies of the fixture's content inputs for a test file's tests, each
 * removed after its test: register with `freshCopies(afterEach)`, then call the
 * returned function in a test.
 */
export function freshCopies(afterEachTest: (fn: () => void) => void): () => string {
  const dirs: string[] = [];
  afterEachTest(() => {
    for (const d of dirs.splice(0)) removeDir(d);
  });
  return () => {
    const dir = copyContent();
    dirs.push(dir);
    return dir;
  };
}
