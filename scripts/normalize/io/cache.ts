/**
 * The normalizer's cache: a source whose bytes, metadata file, themes and
 * normalizer code are all unchanged since the last run is not normalized
 * again; its Markdown is taken over from the last run's output (after checking
 * that the file there is still exactly what that run wrote).
 *
 * The cache lives beside the content (`<content>/.normalize-cache.json`, not
 * committed). A missing, unreadable or outdated cache only means a full run.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { moduleGraphHash } from '../../module-graph.ts';
import type { StatementMeta } from '../../../src/edition/schemas.ts';

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
  removals: number;
  rejoins: number;
}

export const CACHE_FILE = '.normalize-cache.json';

export const sha256 = (...parts: (string | Uint8Array)[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
};

/**
 * A hash of the code that decides what normalization writes: the normalizer
 * and every module it imports, followed through relative imports wherever they
 * sit (so moved code stays in the key), and the locked package versions. Any
 * change to them invalidates every cached entry.
 */
export function codeVersion(root: string): string {
  return moduleGraphHash(root, ['scripts/normalize.ts'], ['package-lock.json']);
}

/** Reads the cache for this code version: source file → entry. Anything unreadable gives an empty cache. */
export function readCache(contentDir: string, version: string): Map<string, CachedStatement> {
  try {
    const data = JSON.parse(readFileSync(join(contentDir, CACHE_FILE), 'utf8')) as {
      version: string;
      entries: Record<string, CachedStatement>;
    };
    return data.version === version ? new Map(Object.entries(data.entries)) : new Map();
  } catch {
    return new Map();
  }
}

/** Writes the cache (to a temporary file first, so a reader never sees half of it). */
export function writeCache(contentDir: string, version: string, entries: Map<string, CachedStatement>): void {
  const path = join(contentDir, CACHE_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ version, entries: Object.fromEntries(entries) }));
  renameSync(tmp, path);
}
