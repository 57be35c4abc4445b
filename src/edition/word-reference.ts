/**
 * The reference corpus for distinctive words: how often each word occurs in
 * the whole corpus, as the normalizer last counted it (`content/word-reference.json`,
 * committed). A statement's distinctive words are its own counts against this
 * reference, less its own share, so that editing one statement changes its
 * own page and not the distinctive words shown on every other page, which an
 * incremental build would otherwise have to re-render.
 *
 * The normalizer counts the reference anew when it is missing, when a new
 * edition is declared, or when the corpus's size in words has moved by more
 * than `REFERENCE_DRIFT` since it was counted (statements added, removed or
 * rewritten at scale); otherwise it is left as it is.
 */
import { z } from 'zod';
import { editionVersion } from './schemas/editions.ts';
import { tokenize } from './text.ts';

/** How far the corpus's words may move (as a share of the reference's) before the reference is counted again. */
export const REFERENCE_DRIFT = 0.01;

export const wordReferenceSchema = z
  .object({
    /** The edition the reference was counted in. */
    edition: editionVersion,
    /** Statements counted. */
    statements: z.number().int().min(0),
    /** Words counted (the sum of `counts`). */
    words: z.number().int().min(0),
    /** Each word (normalized as src/edition/text.ts does) → occurrences; sorted by word. */
    counts: z.record(z.string(), z.number().int().min(1)),
  })
  .strict();
export type WordReference = z.infer<typeof wordReferenceSchema>;

/**
 * Counts a reference from the statements' texts.
 * @example countReference(['We welcome IOM.', 'IOM helps.'], '1.0').counts // => { helps: 1, iom: 2, we: 1, welcome: 1 }
 */
export function countReference(texts: Iterable<string>, edition: string): WordReference {
  const counts = new Map<string, number>();
  let statements = 0;
  let words = 0;
  for (const text of texts) {
    statements += 1;
    for (const t of tokenize(text)) {
      counts.set(t.norm, (counts.get(t.norm) ?? 0) + 1);
      words += 1;
    }
  }
  const sorted = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { edition, statements, words, counts: Object.fromEntries(sorted) };
}

/**
 * Why the reference must be counted again, or null when it may stay.
 * @example referenceStale({ edition: '1.0', statements: 5, words: 1000, counts: {} }, '1.0', 1005) // => null
 * @example referenceStale({ edition: '1.0', statements: 5, words: 1000, counts: {} }, '1.1', 1000) // => 'edition 1.1 is declared'
 */
export function referenceStale(ref: WordReference | null, edition: string, words: number): string | null {
  if (ref === null) return 'there is none yet';
  if (ref.edition !== edition) return `edition ${edition} is declared`;
  const drift = Math.abs(words - ref.words) / Math.max(ref.words, 1);
  if (drift > REFERENCE_DRIFT)
    return `the corpus has ${words.toLocaleString('en')} words, ${(drift * 100).toFixed(1)}% away from the reference's ${ref.words.toLocaleString('en')}`;
  return null;
}

/** The reference as the normalizer writes it: JSON, one word a line, so a diff shows what moved. */
export function referenceText(ref: WordReference): string {
  const lines = Object.entries(ref.counts).map(([w, n]) => `    ${JSON.stringify(w)}: ${n}`);
  return `{\n  "edition": ${JSON.stringify(ref.edition)},\n  "statements": ${ref.statements},\n  "words": ${ref.words},\n  "counts": {\n${lines.join(',\n')}\n  }\n}\n`;
}
