/**
 * The block-id contract, in one place. Every block of a statement (paragraph,
 * heading, list item) has an id, `p-<k>`, assigned once and kept for life: it
 * is recorded in the statement's lock (`content/sources/<name>.lock.json`,
 * scripts/normalize/steps/7-ids.ts) and never reused, even after its block is
 * gone. The ¶ number is something else: the block's place in reading order,
 * shown to readers. In the first edition the two agree (p-7 is ¶7); once a
 * paragraph is inserted, split or merged they may not (a paragraph inserted
 * as ¶5 gets the next unused id, say p-11). A citation carries both: the id in
 * the URL (`/statements/<id>/#p-11`), ¶n with the edition in the text.
 *
 * The normalizer writes the id after the block in the Markdown, Pandoc-style
 * (`… text {#p-7}`); the site makes it the element's `id`; exports carry it
 * (TEI `xml:id` `statement-<id>.p-7`, the paragraphs CSV, corpus.json).
 */

/**
 * The id with number `k`.
 * @example blockId(7) // => 'p-7'
 */
export function blockId(k: number): string {
  return `p-${k}`;
}

/**
 * The number of a block id, or null for anything that is not one.
 * @example parseBlockId('p-7') // => 7
 * @example parseBlockId('top') // => null
 */
export function parseBlockId(id: string): number | null {
  const m = /^p-([1-9]\d{0,8})$/u.exec(id);
  return m ? Number(m[1]) : null;
}

/**
 * The link to a block: the statement page's URL (absolute or a path, or empty
 * for the same page) with the block's id as fragment.
 * @example blockHref('/statements/x/', 'p-7') // => '/statements/x/#p-7'
 */
export function blockHref(pageUrl: string, id: string): string {
  return `${pageUrl}#${id}`;
}

/**
 * The marker the normalizer writes after a block's text.
 * @example blockMarker('p-7') // => '{#p-7}'
 */
export function blockMarker(id: string): string {
  return `{#${id}}`;
}

/** A block marker at the end of a block's Markdown, with the spaces before it. */
const TRAILING_MARKER = /\s*\{#(p-[1-9]\d{0,8})\}$/u;

/**
 * Takes the marker off the end of a block's text: the text before it and the
 * block's id; null when the text does not end in one.
 * @example takeBlockMarker('Thank you. {#p-10}') // => { text: 'Thank you.', id: 'p-10' }
 */
export function takeBlockMarker(text: string): { text: string; id: string } | null {
  const m = TRAILING_MARKER.exec(text);
  if (!m) return null;
  return { text: text.slice(0, m.index), id: m[1]! };
}
