/**
 * Reads `content/editions.yaml` for the pages: the same schema the normalizer
 * validates it with; a problem stops the build naming the file and the field.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { type Edition, editionsSchema } from '../edition/schemas.ts';
import { contentPath } from './paths.ts';
import { type WordReference, wordReferenceSchema } from '../edition/word-reference.ts';

let cached: Edition[] | undefined;

/** The current edition, for every page's footer (read once per build). */
export function siteEdition(): Edition {
  cached ??= readEditions();
  return cached.at(-1)!;
}

/** The reference corpus for distinctive words (content/word-reference.json, written by the normalizer). */
export function readWordReference(path = contentPath('word-reference.json')): WordReference {
  const r = wordReferenceSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}; run npm run normalize`);
  }
  return r.data;
}

/** The editions, oldest first. */
export function readEditions(path = contentPath('editions.yaml')): Edition[] {
  const r = editionsSchema.safeParse(load(readFileSync(path, 'utf8')));
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`);
  }
  return r.data;
}
