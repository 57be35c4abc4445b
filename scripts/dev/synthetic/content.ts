/**
 * Synthetic corpora as content folders, the same for the benchmarks and the
 * browser tests: the vocabulary and themes come from the real content, and a
 * generated corpus is written with the real themes and aliases beside it.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { tokenize } from '../../../src/edition/text.ts';
import { statementText } from '../bench/measure.ts';
import type { ContentFiles, SyntheticTheme } from './corpus.ts';

/** The words of the real statements (in `root/content/statements`), each once, in a fixed order. */
export function seedVocabulary(root: string): string[] {
  const dir = join(root, 'content/statements');
  return [
    ...new Set(
      readdirSync(dir)
        .filter((n) => n.endsWith('.md'))
        .sort()
        .flatMap((n) => tokenize(statementText(readFileSync(join(dir, n), 'utf8'))).map((t) => t.norm)),
    ),
  ].filter((w) => /^[\p{L}][\p{L}'-]*$/u.test(w));
}

/** The real themes' ids and match terms. */
export function seedThemes(root: string): SyntheticTheme[] {
  return (parse(readFileSync(join(root, 'content/themes.yaml'), 'utf8')) as SyntheticTheme[]).map((t) => ({ id: t.id, terms: t.terms }));
}

/** Writes a generated corpus as a content folder, with the real themes, aliases, editions and edition.yaml. */
export function writeSyntheticContent(files: ContentFiles, content: string, root: string): void {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  cpSync(join(root, 'content/themes.yaml'), join(content, 'themes.yaml'));
  cpSync(join(root, 'content/aliases.yaml'), join(content, 'aliases.yaml'));
  cpSync(join(root, 'content/editions.yaml'), join(content, 'editions.yaml'));
  cpSync(join(root, 'content/edition.yaml'), join(content, 'edition.yaml'));
}
