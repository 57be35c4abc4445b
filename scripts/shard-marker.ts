/**
 * What a shard's build holds (src/site/shards.ts), written into its output as
 * `.shard.json` by scripts/build-site.ts and read by scripts/merge-shards.ts:
 * its place among the shards, its statement pages and its parts of the search
 * index. Shard 1 also holds every page and file that is not a statement's.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Shard } from '../src/site/shards.ts';
import { PART_NAME } from '../src/search/parts.ts';

export const SHARD_MARKER = '.shard.json';

export interface ShardMarker extends Shard {
  /** Statement ids whose pages this shard built (`statements/<id>/`). */
  statements: string[];
  /** Parts of the search index this shard built (`pagefind/<part>/`). */
  parts: string[];
}

/** Folders directly under `dir` whose names match. */
const folders = (dir: string, name: RegExp): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && name.test(e.name))
        .map((e) => e.name)
        .sort()
    : [];

/** Writes the marker of a shard's output folder, from what is in it. */
export function writeShardMarker(site: string, shard: Shard): void {
  const marker: ShardMarker = {
    ...shard,
    // Statement pages: /statements/<id>/, not the list's numbered pages (/statements/2/).
    statements: folders(join(site, 'statements'), /^(?!\d+$)[^.]/u).filter((id) => existsSync(join(site, 'statements', id, 'index.html'))),
    parts: folders(join(site, 'pagefind'), PART_NAME),
  };
  writeFileSync(join(site, SHARD_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
}

/** Reads and checks the marker of a shard's output folder. */
export function readShardMarker(site: string): ShardMarker {
  const file = join(site, SHARD_MARKER);
  if (!existsSync(file)) throw new Error(`${site}: no ${SHARD_MARKER}: not the output of build-site.ts --shard K/N`);
  const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<ShardMarker>;
  const names = (xs: unknown): xs is string[] => Array.isArray(xs) && xs.every((x) => typeof x === 'string' && /^[\w-]+$/u.test(x));
  if (!Number.isInteger(m.index) || !Number.isInteger(m.of) || !names(m.statements) || !names(m.parts)) {
    throw new Error(`${file}: not a shard marker (index, of, statements, parts)`);
  }
  return m as ShardMarker;
}
