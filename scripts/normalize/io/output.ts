/**
 * Writing the statements folder all at once, or not at all, and checking
 * whether it is up to date. The folder is the normalizer's own: anything in it
 * the normalizer did not write is refused by name (`foreignFiles`), never
 * deleted without a word.
 */
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { statementMetaInput } from '../../../src/edition/schemas.ts';
import type { Problem } from '../problems.ts';
import { displayName, FileProblem, MAX_STATEMENT_BYTES, readFolder, readHead, readRegularFile } from './files.ts';

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
  for (const name of files.keys()) {
    if (!/^[^/\\]+$/u.test(name) || name === '.' || name === '..')
      throw new Error(`writeFolderAtomically: "${name}" is not a plain file name`);
  }
  mkdirSync(tmp); // new, never one that is already there
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
    if (lstatSync(dir, { throwIfNoEntry: false })) renameSync(dir, old);
    renameSync(tmp, dir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(dir) && existsSync(old)) renameSync(old, dir);
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
}

/** Writes one file through a temporary file beside it, so a failure never leaves half a file. */
export function writeFileAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Compares `dir` with what it should hold; returns one line per difference.
 * @example staleFiles('content/statements', new Map()) // => [] when the folder is empty
 */
export function staleFiles(dir: string, files: Map<string, string>): string[] {
  let present: string[] = [];
  if (lstatSync(dir, { throwIfNoEntry: false })) {
    try {
      present = readFolder(dir).filter((n) => !n.startsWith('.'));
    } catch (err) {
      if (!(err instanceof FileProblem)) throw err;
      return [`${dir}: ${err.message}`];
    }
  }
  const out: string[] = [];
  const names = new Set(present);
  for (const [name, content] of files) {
    if (!names.has(name)) {
      out.push(`${name}: missing`);
      continue;
    }
    try {
      if (readRegularFile(join(dir, name), MAX_STATEMENT_BYTES, 'a statement').toString('utf8') !== content)
        out.push(`${name}: out of date`);
    } catch (err) {
      if (!(err instanceof FileProblem)) throw err;
      out.push(`${name}: ${err.message}`);
    }
  }
  for (const name of present) {
    if (!files.has(name)) out.push(`${displayName(name)}: no source produces it`);
  }
  return out.sort();
}

/** The message for a file in `statements/` that the normalizer did not write. */
export const FOREIGN_FILE = 'is not a statement written by the normalizer; move it out of content/statements/';

/** What a statement the normalizer wrote starts with: its frontmatter, opened by the id (bare or quoted by the YAML writer). */
const STATEMENT_HEAD = /^---\nid: (['"]?)([a-z0-9-]+)\1\n/u;

/** Files the system puts in any folder a person browses, which hold no text of anyone's: replaced without a word. */
const SYSTEM_FILES = new Set(['.DS_Store']);

/** Whether `name` in `dir` is a statement the normalizer wrote: a regular file `<id>.md` whose frontmatter opens with that id. */
function isStatementFile(dir: string, name: string): boolean {
  const id = /^(.+)\.md$/u.exec(name)?.[1];
  if (id === undefined || !statementMetaInput.shape.id.safeParse(id).success) return false;
  try {
    const head = STATEMENT_HEAD.exec(readHead(join(dir, name), 512).toString('utf8'));
    return head?.[2] === id;
  } catch (err) {
    if (err instanceof FileProblem) return false;
    throw err;
  }
}

/**
 * Everything in the statements folder `dir` (`label`, as messages name it)
 * that writing the folder would delete although the normalizer did not write
 * it: a notes file, a folder, a link, a Markdown file without a statement's
 * frontmatter. Each is a problem naming the file; a statements "folder" that
 * is a link or a file is one too. Statements of sources since removed are
 * the normalizer's own, and are replaced.
 * @example foreignFiles('content/statements') // => [{ file: 'statements/notes.txt', where: '', message: FOREIGN_FILE }] when notes.txt is there
 */
export function foreignFiles(dir: string, label = 'statements'): Problem[] {
  if (!lstatSync(dir, { throwIfNoEntry: false })) return [];
  let names: string[];
  try {
    names = readFolder(dir).sort();
  } catch (err) {
    if (!(err instanceof FileProblem)) throw err;
    return [{ file: `${label}/`, where: '', message: `${err.message}; the normalizer writes ${label}/ as a folder of its own` }];
  }
  return names
    .filter((name) => !SYSTEM_FILES.has(name) && !isStatementFile(dir, name))
    .map((name) => ({ file: `${label}/${displayName(name)}`, where: '', message: FOREIGN_FILE }));
}
