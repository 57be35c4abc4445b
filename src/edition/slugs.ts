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
 * Throws when two different texts would share a slug, naming both.
 * @example assertUniqueSlugs(['China', 'IOM']) // => Map { 'china' => 'China', 'iom' => 'IOM' }
 */
export function assertUniqueSlugs(texts: Iterable<string>): Map<string, string> {
  const bySlug = new Map<string, string>();
  for (const text of texts) {
    const slug = slugify(text);
    if (slug === '') throw new Error(`"${text}" gives an empty slug`);
    const other = bySlug.get(slug);
    if (other !== undefined && other !== text) throw new Error(`"${other}" and "${text}" share the slug "${slug}"`);
    bySlug.set(slug, text);
  }
  return bySlug;
}
