/**
 * Writing the statements folder all at once, or not at all, and checking
 * whether it is up to date.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file's content, or an existing file to take it from (hard-linked: unchanged files are not rewritten). */
export type FileContent = string | { from: string };

/**
 * Writes `files` (name → content) as the whole of `dir`: first into a fresh
 * temporary folder beside it, then swapped in by renames, so a failure midway
 * leaves the old folder as it was.
 */
export function writeFolderAtomically(dir: string, files: Map<string, FileContent>): void {
  const parent = dirname(dir);
  const base = dir.slice(parent.length + 1);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = join(parent, `.${base}-new-${stamp}`);
  const old = join(parent, `.${base}-old-${stamp}`);
  mkdirSync(tmp, { recursive: true });
  try {
    for (const [name, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (typeof content === 'string') writeFileSync(join(tmp, name), content);
      else {
        try {
          linkSync(content.from, join(tmp, name));
        } catch {
          copyFileSync(content.from, join(tmp, name));
        }
      }
    }
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(tmp, dir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(dir) && existsSync(old)) renameSync(old, dir);
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
}

/**
 * Compares `dir` with what it should hold; returns one line per difference.
 * @example staleFiles('content/statements', new Map()) // => [] when the folder is empty
 */
export function staleFiles(dir: string, files: Map<string, string>): string[] {
  const present = existsSync(dir) ? readdirSync(dir).filter((n) => !n.startsWith('.')) : [];
  const out: string[] = [];
  for (const [name, content] of files) {
    if (!present.includes(name)) out.push(`${name}: missing`);
    else if (readFileSync(join(dir, name), 'utf8') !== content) out.push(`${name}: out of date`);
  }
  for (const name of present) {
    if (!files.has(name)) out.push(`${name}: no source produces it`);
  }
  return out.sort();
}
