/**
 * Reads `content/editions.yaml`, `content/edition.yaml` and
 * `content/word-reference.json` for the pages, with the same schemas the normalizer uses; a problem stops the build
 * naming the file and the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import type { z } from 'zod';
import { type Edition, editionsSchema } from '../edition/schemas.ts';
import { contentPath } from './paths.ts';
import { type WordReference, wordReferenceSchema } from '../edition/word-reference.ts';
import { type Publication, publicationSchema } from './publication.ts';

let cached: Edition[] | undefined;

/** The current edition, for every page's footer (read once per build). */
export function siteEdition(): Edition {
  cached ??= readEditions();
  return cached.at(-1)!;
}

/** A content file parsed and validated; its first problem, if any, thrown as "<path>: <field>: <message><hint>". */
function readValidated<T>(path: string, parse: (text: string) => unknown, schema: z.ZodType<T>, hint = ''): T {
  const r = schema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}${hint}`);
  }
  return r.data;
}

/** The reference corpus for distinctive words (content/word-reference.json, written by the normalizer). */
export function readWordReference(path = contentPath('word-reference.json')): WordReference {
  return readValidated(path, JSON.parse, wordReferenceSchema, '; run npm run normalize');
}

/** The editions, oldest first. */
export function readEditions(path = contentPath('editions.yaml')): Edition[] {
  return readValidated(path, load, editionsSchema);
}

let publication: Publication | undefined;

/** Who stands behind the edition (content/edition.yaml), for the About page (read once per build). */
export function sitePublication(): Publication {
  publication ??= readPublication();
  return publication;
}

/** `content/edition.yaml`: publisher, editors, contact, repository and licence (see `publicationSchema`). */
export function readPublication(path = contentPath('edition.yaml')): Publication {
  if (!existsSync(path))
    throw new Error(`${path}: missing; it says who publishes and edits the edition (leave a field null when it is not known yet)`);
  return readValidated(path, load, publicationSchema);
}
