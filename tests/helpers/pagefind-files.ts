/**
 * Reading a built search index as files: its parts (a Pagefind index each,
 * a run of years, src/integrations/pagefind.ts) and their fragments (what a result
 * loads), as Pagefind writes them: gzip, then a 12-byte signature
 * (`pagefind_dcd`), then JSON.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PART_NAME } from '../../src/search/parts.ts';

/** A fragment as Pagefind stores it. */
export interface StoredFragment {
  url: string;
  content: string;
  word_count: number;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: unknown[];
}

/** The part folders of a site's index (`/pagefind/<part>/`), sorted. */
export function indexParts(site: string): string[] {
  const dir = join(site, 'pagefind');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => PART_NAME.test(n))
        .sort()
    : [];
}

/** How many pages a part says it holds (its pagefind-entry.json). */
export function partPageCount(site: string, part: string): number {
  const entry = JSON.parse(readFileSync(join(site, 'pagefind', part, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((s, l) => s + l.page_count, 0);
}

/** Decodes one Pagefind file (gzip, signature, JSON). */
function decode(file: string): unknown {
  const raw = gunzipSync(readFileSync(file));
  const signature = 'pagefind_dcd';
  if (raw.subarray(0, signature.length).toString() !== signature) throw new Error(`${file}: not a Pagefind file`);
  return JSON.parse(raw.subarray(signature.length).toString('utf8'));
}

/** Every fragment of a part, by URL. */
export function partFragments(site: string, part: string): Map<string, StoredFragment> {
  const dir = join(site, 'pagefind', part, 'fragment');
  const out = new Map<string, StoredFragment>();
  for (const name of readdirSync(dir)) {
    const f = decode(join(dir, name)) as StoredFragment;
    out.set(f.url, f);
  }
  return out;
}
