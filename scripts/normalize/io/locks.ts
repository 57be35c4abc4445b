/**
 * Reading and writing the locks: `sources/<name>.lock.json` beside each
 * source, committed, written by the normalizer (see steps/7-ids.ts). A lock is
 * an input like any other: read as a regular file of bounded size, parsed as
 * JSON and validated whole by `lockSchema`; a problem names the file and the
 * field. A statement that has no lock yet but was published before (its
 * Markdown is in content/statements/) takes its ids from that Markdown, so a
 * lost lock never renumbers published paragraphs.
 */
import { join } from 'node:path';
import { type Lock, lockSchema } from '../../../src/edition/schemas.ts';
import { blocksFromMarkdown, statementBody } from '../../../src/edition/statement-text.ts';
import { type Problem, zodProblems } from '../problems.ts';
import type { LockedBlock } from '../steps/7-ids.ts';
import { FileProblem, MAX_STATEMENT_BYTES, pathProblem, readRegularFile } from './files.ts';
import { writeFileAtomically } from './output.ts';

/** The largest lock read (16 MiB: the text of a 10 MB source and its ids). */
export const MAX_LOCK_BYTES = 16 * 1024 * 1024;

/** The extension of a lock. */
export const LOCK_SUFFIX = '.lock.json';

/**
 * The lock file beside a source.
 * @example lockFileOf('sources/000_x.txt') // => 'sources/000_x.lock.json'
 */
export function lockFileOf(sourceFile: string): string {
  return sourceFile.replace(/\.txt$/u, LOCK_SUFFIX);
}

/**
 * Reads and validates a lock; undefined when there is none. Problems go to `problems`
 * (then null is returned: the statement is not normalized).
 */
export function readLock(contentDir: string, file: string, problems: Problem[]): { lock: Lock; text: string } | undefined | null {
  const path = join(contentDir, file);
  if (pathProblem(path) === 'missing') return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readRegularFile(path, MAX_LOCK_BYTES, 'a lock'));
  } catch (err) {
    if (!(err instanceof FileProblem) && !(err instanceof TypeError)) throw err;
    problems.push({ file, where: '', message: err instanceof FileProblem ? err.message : 'is not UTF-8 text' });
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    problems.push({ file, where: '', message: `is not valid JSON (${(err as Error).message}); restore it from version control` });
    return null;
  }
  const r = lockSchema.safeParse(value);
  if (!r.success) {
    problems.push(...zodProblems(r.error, file));
    return null;
  }
  return { lock: r.data, text };
}

/**
 * The blocks of a statement as last published (its Markdown in the output
 * folder), for a statement without a lock; undefined when there is none.
 */
export function publishedBlocks(outDir: string, id: string): LockedBlock[] | undefined {
  const path = join(outDir, `${id}.md`);
  if (pathProblem(path) !== undefined) return undefined;
  const body = statementBody(readRegularFile(path, MAX_STATEMENT_BYTES, 'a statement').toString('utf8'));
  if (body === null) return undefined;
  return blocksFromMarkdown(body).map((b) => ({ id: b.id, text: b.text }));
}

/**
 * Ids a lock must know because the published Markdown has them: every id
 * there must be a block or a retired id of the lock.
 * @example lostIds(lock, [{ id: 'p-9', text: '…' }]) // => ['p-9'] when the lock has no p-9
 */
export function lostIds(lock: Lock, published: readonly LockedBlock[]): string[] {
  const known = new Set([...lock.blocks.map((b) => b.id), ...lock.retired.map((r) => r.id)]);
  return published.map((b) => b.id).filter((id) => !known.has(id));
}

/** A lock as the normalizer writes it: JSON, two-space indent, a final newline. */
export function lockText(lock: Lock): string {
  return `${JSON.stringify(lock, null, 2)}\n`;
}

/** Writes a lock through a temporary file beside it, so a failure never leaves half a lock. */
export function writeLock(contentDir: string, file: string, text: string): void {
  writeFileAtomically(join(contentDir, file), text);
}
