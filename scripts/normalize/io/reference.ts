/**
 * Reading and writing `content/word-reference.json`, the reference corpus for
 * distinctive words (src/edition/word-reference.ts). It is the normalizer's
 * output, like the statements: a missing or unreadable one is counted anew.
 */
import { join } from 'node:path';
import { blocksFromMarkdown, statementBody } from '../../../src/edition/statement-text.ts';
import {
  countReference,
  referenceStale,
  referenceText,
  type WordReference,
  wordReferenceSchema,
} from '../../../src/edition/word-reference.ts';
import { pathProblem, readRegularFile } from './files.ts';
import { writeFileAtomically } from './output.ts';

export const REFERENCE_FILE = 'word-reference.json';

/** The largest reference read (64 MiB: a vocabulary of a million words). */
const MAX_REFERENCE_BYTES = 64 * 1024 * 1024;

/** The reference on disk, or null when there is none or it is not one (then it is counted anew). */
export function readReference(contentDir: string): WordReference | null {
  const path = join(contentDir, REFERENCE_FILE);
  if (pathProblem(path) !== undefined) return null;
  try {
    return wordReferenceSchema.parse(JSON.parse(readRegularFile(path, MAX_REFERENCE_BYTES, 'a JSON file').toString('utf8')));
  } catch {
    return null;
  }
}

/**
 * The reference this run should have: the previous one when it is not stale,
 * else one counted from every statement's text (`reason` says why).
 */
export function referenceFor(
  previous: WordReference | null,
  edition: string,
  statements: { words: number; markdown: () => string }[],
): { reference: WordReference; text: string; reason: string | null } {
  const words = statements.reduce((n, s) => n + s.words, 0);
  const reason = referenceStale(previous, edition, words);
  if (previous !== null && reason === null) return { reference: previous, text: referenceText(previous), reason };
  const texts = statements.map((s) => {
    return blocksFromMarkdown(statementBody(s.markdown()) ?? '')
      .map((b) => b.text)
      .join('\n');
  });
  const reference = countReference(texts, edition);
  return { reference, text: referenceText(reference), reason };
}

/** Writes the reference through a temporary file beside it. */
export function writeReference(contentDir: string, text: string): void {
  writeFileAtomically(join(contentDir, REFERENCE_FILE), text);
}
