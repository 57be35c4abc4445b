/**
 * The normalizer's cache: a source whose bytes, metadata file, themes and
 * normalizer code are all unchanged since the last run is not normalized
 * again; its Markdown is taken over from the last run's output (after checking
 * that the file there is still exactly what that run wrote).
 *
 * The cache lives beside the content (`<content>/.normalize-cache.json`, not
 * committed). It is an optimisation, never an input: a cache forced into a
 * commit could otherwise hand the normalizer metadata no schema checked, or
 * an id naming a path outside the content folder. So
 * - its version mixes in a secret kept on this machine, outside the content
 *   folder (`node_modules/.cache/normalize-cache-secret`): a cache made
 *   anywhere else never matches, and a fresh `npm ci` starts a fresh one;
 * - it is read like any input (a regular file, at most `MAX_CACHE_BYTES`) and
 *   validated whole by a zod schema (every id a valid statement id, every
 *   source a plain file name in `sources/`, every metadata entry valid by the
 *   same schema as the metadata files);
 * - anything off (a folder, a link, garbage, a wrong shape) means a full run,
 *   with a one-line note, never a failure.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { moduleGraphHash } from '../../module-graph.ts';
import { sha256 as sha256Hex, slug, type StatementMeta, statementMetaInput } from '../../../src/edition/schemas.ts';
import { displayName, FileProblem, nameProblems, pathProblem, readRegularFile } from './files.ts';

/** What the cache keeps of one normalized source. */
export interface CachedStatement {
  /** Hash of everything the output depends on: code, themes, source bytes, metadata text. */
  key: string;
  /** SHA-256 of the Markdown the run wrote. */
  output: string;
  id: string;
  meta: StatementMeta;
  themes: string[];
  warnings: string[];
  blocks: number;
  /** Words of the statement's text (its frontmatter's `words`). */
  words: number;
  removals: number;
  rejoins: number;
}

export const CACHE_FILE = '.normalize-cache.json';

/** The largest cache read (256 MiB; about 2 kB a statement, so room for 100,000): a bigger one is ignored. */
export const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** Where this machine's cache secret is kept, relative to the project root: never in the content folder, gone with `npm ci`. */
export const CACHE_SECRET_FILE = 'node_modules/.cache/normalize-cache-secret';

export const sha256 = (...parts: (string | Uint8Array)[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
};

/** A statement id as the metadata schema has it: a slug, short enough to name a file, never a path. */
const statementId = statementMetaInput.shape.id;

/** A key of `entries`: `sources/<name>.txt` with a name the normalizer accepts. */
const sourceKey = z
  .string()
  .regex(/^sources\/[^/\\]+\.txt$/u, 'must be sources/<name>.txt')
  .refine((k) => nameProblems(k.slice('sources/'.length)).length === 0, 'must be a plain file name the normalizer accepts');

const count = z.number().int().nonnegative();

const cachedStatement = z
  .object({
    key: sha256Hex,
    output: sha256Hex,
    id: statementId,
    meta: statementMetaInput,
    themes: z.array(slug),
    warnings: z.array(z.string()),
    blocks: count,
    words: count,
    removals: count,
    rejoins: count,
  })
  .strict()
  .refine((e) => e.meta.id === e.id, { path: ['id'], message: 'differs from meta.id' });

/** The cache file, validated like any input. */
export const cacheSchema = z
  .object({
    version: z.string(),
    entries: z.record(sourceKey, cachedStatement),
  })
  .strict()
  .superRefine((data, ctx) => {
    for (const [file, entry] of Object.entries(data.entries)) {
      if (entry.meta.source.file !== file.slice('sources/'.length)) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', file, 'meta', 'source', 'file'],
          message: 'differs from the entry’s source file',
        });
      }
    }
  });

/**
 * This machine's cache secret: 32 random bytes kept in `CACHE_SECRET_FILE`,
 * made on first use. When it cannot be kept, a new one each run (the cache
 * then never matches: every run is a full run).
 */
function cacheSecret(root: string): string {
  const path = join(root, CACHE_SECRET_FILE);
  const kept = (): string | undefined => {
    try {
      const text = readRegularFile(path, 1024, 'the cache secret').toString('utf8').trim();
      return /^[0-9a-f]{64}$/u.test(text) ? text : undefined;
    } catch {
      return undefined;
    }
  };
  const found = kept();
  if (found) return found;
  const secret = randomBytes(32).toString('hex');
  const tmp = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    renameSync(tmp, path); // whole or not at all, for a run starting at the same time
  } catch {
    rmSync(tmp, { force: true }); // a read-only tree: every run is a full run
  }
  return kept() ?? secret;
}

/**
 * The cache's version: a hash of the code that decides what normalization
 * writes (the normalizer and every module it imports, followed through
 * relative imports wherever they sit, and the locked package versions) and of
 * this machine's cache secret. Any change to them invalidates every entry.
 */
export function codeVersion(root: string): string {
  return sha256(moduleGraphHash(root, ['scripts/normalize.ts'], ['package-lock.json']), cacheSecret(root));
}

/** The cache as read: source file → entry, and a one-line note when the file was there but unusable. */
export interface ReadCache {
  entries: Map<string, CachedStatement>;
  note?: string;
}

const ignored = (what: string): ReadCache => ({
  entries: new Map(),
  note: `${CACHE_FILE} ${what}; it is ignored and every source is normalized`,
});

/**
 * Reads the cache for this code version. Missing or of another version: an
 * empty cache. Not a regular file, too big, not JSON or not of the cache's
 * shape: an empty cache and a note saying why. Never throws.
 */
export function readCache(contentDir: string, version: string): ReadCache {
  const path = join(contentDir, CACHE_FILE);
  if (pathProblem(path) === 'missing') return { entries: new Map() };
  let data: unknown;
  try {
    data = JSON.parse(readRegularFile(path, MAX_CACHE_BYTES, 'the cache').toString('utf8'));
  } catch (err) {
    return ignored(err instanceof FileProblem ? err.message : 'is not valid JSON');
  }
  // Another version (other code, another machine): outdated, not wrong; no need to look further.
  const v = (data as { version?: unknown } | null)?.version;
  if (typeof v === 'string' && v !== version) return { entries: new Map() };
  const r = cacheSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    // Keys and values in the message are the file's: shown with control characters escaped.
    return ignored(
      displayName(`does not hold what the normalizer writes (${issue.path.map(String).join('.') || '(top level)'}: ${issue.message})`),
    );
  }
  return { entries: new Map(Object.entries(r.data.entries)) };
}

/**
 * Writes the cache: to a new temporary file first (created exclusively, so a
 * link planted at its name is never followed), then renamed over the cache, so
 * a reader never sees half of it and a link or pipe there is replaced, not
 * followed. A folder in the cache's place is left alone. Never throws:
 * returns a one-line note when the cache could not be written.
 */
export function writeCache(contentDir: string, version: string, entries: Map<string, CachedStatement>): string | undefined {
  const path = join(contentDir, CACHE_FILE);
  const tmp = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  let created = false;
  try {
    if (lstatSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      return `${CACHE_FILE} is a folder, so the cache is not written (remove the folder to have it again)`;
    }
    writeFileSync(tmp, JSON.stringify({ version, entries: Object.fromEntries(entries) }), { flag: 'wx' });
    created = true;
    renameSync(tmp, path);
    return undefined;
  } catch (err) {
    if (created) rmSync(tmp, { force: true });
    return `${CACHE_FILE} could not be written (${(err as NodeJS.ErrnoException).code ?? 'error'}); the next run normalizes every source`;
  }
}
