/**
 * Slugs for URL segments made from free text (e.g. "on behalf of" values).
 */

/**
 * Lower-cases, strips accents (after Unicode NFKD), and joins runs of other
 * characters with single hyphens.
 * @example slugify('Government of China') // => 'government-of-china'
 * @example slugify('Organisation Internationale pour les Migrations (OIM)') // => 'organisation-internationale-pour-les-migrations-oim'
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

/**
 * The longest slug made from free text, in UTF-8 bytes: it names a folder of
 * the built site (`on-behalf-of/<slug>/`), and a file name holds 255 bytes.
 * Non-Latin letters are kept, at 2 to 4 bytes each.
 */
export const SLUG_MAX_BYTES = 100;

/**
 * Why `text` cannot name a page, or null: its slug is empty (no letter or digit)
 * or longer than `SLUG_MAX_BYTES`.
 * @example slugProblem('***') // => '"***" gives an empty slug: it has no letter or digit'
 */
export function slugProblem(text: string): string | null {
  const slug = slugify(text);
  if (slug === '') return `"${text}" gives an empty slug: it has no letter or digit`;
  const bytes = new TextEncoder().encode(slug).length;
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (bytes > SLUG_MAX_BYTES)
    return `"${shown}" gives a slug of ${bytes} bytes; at most ${SLUG_MAX_BYTES} (a folder name of the site, and a file name holds 255)`;
  return null;
}

/**
 * The items whose text gives the same slug as an earlier item with a different
 * text (`CHINA` after `China`): each with that slug and the first item that had it.
 * Items whose slug is empty are left out (see `slugProblem`).
 * @example slugClashes([{ text: 'China' }, { text: 'CHINA' }, { text: 'China' }]).map((c) => c.item.text) // => ['CHINA']
 */
export function slugClashes<T extends { text: string }>(items: Iterable<T>): { item: T; slug: string; first: T }[] {
  const bySlug = new Map<string, T>();
  const out: { item: T; slug: string; first: T }[] = [];
  for (const item of items) {
    const slug = slugify(item.text);
    if (slug === '') continue;
    const first = bySlug.get(slug);
    if (first === undefined) bySlug.set(slug, item);
    else if (first.text !== item.text) out.push({ item, slug, first });
  }
  return out;
}

/**
 * Throws when a text gives no slug or too long a one (`slugProblem`), or when
 * two different texts would share a slug, naming both. The normalizer checks
 * the same first (scripts/normalize/io/build-checks.ts), naming the files.
 * @example assertUniqueSlugs(['China', 'IOM']) // => Map { 'china' => 'China', 'iom' => 'IOM' }
 */
export function assertUniqueSlugs(texts: Iterable<string>): Map<string, string> {
  const list = [...texts];
  for (const text of list) {
    const problem = slugProblem(text);
    if (problem !== null) throw new Error(problem);
  }
  const clash = slugClashes(list.map((text) => ({ text })))[0];
  if (clash) throw new Error(`"${clash.first.text}" and "${clash.item.text}" share the slug "${clash.slug}"`);
  return new Map(list.map((text) => [slugify(text), text]));
}
