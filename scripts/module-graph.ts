/**
 * The files a module depends on: the module itself and, recursively, every
 * file it imports by a relative path (`./x.ts`, `../y/z.ts`), wherever in the
 * tree it sits. Caches key on these files' bytes, so code moved into a new
 * folder is still part of the key. Package imports (`astro`, `node:fs`) are not
 * followed; the lockfile stands for them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, relative, resolve } from 'node:path';

/** Relative import specifiers in a module's text: static, dynamic, re-exports and side-effect imports. */
const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*(['"])(\.{1,2}\/[^'"]+)\1/gu;

/**
 * Every file reached from the entry files through relative imports, as paths
 * relative to `root`, sorted.
 * @example moduleGraph('/repo', ['scripts/normalize.ts']) // => ['scripts/normalize.ts', 'scripts/normalize/pipeline.ts', …]
 */
export function moduleGraph(root: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const stack = entries.map((e) => resolve(root, e));
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(file)) throw new Error(`module-graph: ${relative(root, file)} is imported but does not exist`);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) stack.push(resolve(dirname(file), m[2]!));
  }
  return [...seen].map((f) => relative(root, f).split('\\').join('/')).sort();
}

/** SHA-256 over the paths and bytes of every file in the module graph of `entries`, plus `extra` files. */
export function moduleGraphHash(root: string, entries: string[], extra: string[] = []): string {
  const h = createHash('sha256');
  for (const file of [...new Set([...moduleGraph(root, entries), ...extra])].sort()) {
    h.update(file).update('\0');
    const path = resolve(root, file);
    h.update(existsSync(path) ? readFileSync(path) : '(missing)').update('\0');
  }
  return h.digest('hex');
}
