/**
 * A statement's fragment as Pagefind's `data()` returns it for the search
 * page's tests: built the way `searchRecordOf` (src/search/search-index.ts)
 * builds the record — the title's words, then each paragraph's, with each
 * block's id and first word in `meta.blocks` — and with Pagefind's word
 * positions of the words that begin with one searched for (Pagefind matches
 * word stems; the fake, any word that starts with the searched word).
 */
import type { PagefindData } from '../../src/client/search/pagefind.ts';
import { wordsOf } from '../../src/search/query.ts';

export function fakeFragment(
  url: string,
  title: string,
  paragraphs: string[],
  searched: string[],
  extra: { meta?: Record<string, string>; filters?: Record<string, string[]> } = {},
): PagefindData {
  const words = wordsOf(title);
  const starts: string[] = [];
  paragraphs.forEach((text, i) => {
    starts.push(`p-${i + 1}:${words.length}`);
    words.push(...wordsOf(text));
  });
  const bare = (w: string) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '');
  const locations = words.flatMap((w, i) => (searched.some((q) => bare(w).startsWith(q.toLowerCase())) ? [i] : []));
  return {
    url,
    content: words.join(' '),
    locations,
    meta: { title, ...extra.meta, blocks: starts.join(' ') },
    filters: extra.filters ?? {},
  };
}
