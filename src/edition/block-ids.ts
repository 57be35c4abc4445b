/**
 * The block-id contract, in one place. Every block of a statement (paragraph,
 * heading, list item) has an id, `p-<n>`, where n is its ¶ number in reading
 * order. The normalizer writes it after the block in the Markdown,
 * Pandoc-style (`… text {#p-7}`); the site makes it the element's `id`, so
 * `/statements/<id>/#p-7` opens ¶7; exports carry it (TEI `xml:id`
 * `statement-<id>.p-7`, the paragraphs CSV, corpus.json).
 */

/**
 * The id of the block with ¶ number `n`.
 * @example blockId(7) // => 'p-7'
 */
export function blockId(n: number): string {
  return `p-${n}`;
}

/**
 * The ¶ number of a block id, or null for anything that is not one.
 * @example parseBlockId('p-7') // => 7
 * @example parseBlockId('top') // => null
 */
export function parseBlockId(id: string): number | null {
  const m = /^p-([1-9]\d*)$/u.exec(id);
  return m ? Number(m[1]) : null;
}

/**
 * The link to a block: the statement page's URL (absolute or a path, or empty
 * for the same page) with the block's fragment.
 * @example blockHref('/statements/x/', 7) // => '/statements/x/#p-7'
 */
export function blockHref(pageUrl: string, n: number): string {
  return `${pageUrl}#${blockId(n)}`;
}

/**
 * The marker the normalizer writes after a block's text.
 * @example blockMarker('p-7') // => '{#p-7}'
 */
export function blockMarker(id: string): string {
  return `{#${id}}`;
}

/** A block marker at the end of a block's Markdown, with the spaces before it. */
const TRAILING_MARKER = /\s*\{#p-([1-9]\d*)\}$/u;

/**
 * Takes the marker off the end of a block's text: the text before it, and
 * the block's id and ¶ number; null when the text does not end in one.
 * @example takeBlockMarker('Thank you. {#p-10}') // => { text: 'Thank you.', id: 'p-10', n: 10 }
 */
export function takeBlockMarker(text: string): { text: string; id: string; n: number } | null {
  const m = TRAILING_MARKER.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return { text: text.slice(0, m.index), id: blockId(n), n };
}
