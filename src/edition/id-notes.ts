/**
 * What readers are told about paragraph ids that changed: the note an old
 * link lands on, and the lines of the changes page. One wording, used by the
 * statement page (src/markdown/rehype-retired-ids.ts) and /changes/.
 */
import type { IdChange, RetiredId } from './schemas.ts';

/** The ¶ number of a live block id, if it is one. */
export type ParagraphNumber = (id: string) => number | undefined;

/**
 * "¶4 (p-11)", or the bare id for a block no longer in the text.
 * @example paragraphLabel('p-11', () => 4) // => '¶4 (p-11)'
 */
export function paragraphLabel(id: string, n: ParagraphNumber): string {
  const k = n(id);
  return k === undefined ? id : `¶${k} (${id})`;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The note shown where an old link to a retired id lands.
 * @example retiredNote({ id: 'p-3', n: 3, edition: '1.1', change: 'merged', successors: ['p-2'] }, () => 2)
 * // => '¶3 (p-3) of an earlier edition was merged into ¶2 (p-2) in edition 1.1.'
 */
export function retiredNote(r: RetiredId, n: ParagraphNumber): string {
  const old = `¶${r.n} (${r.id}) of an earlier edition`;
  const to = list(r.successors.map((s) => paragraphLabel(s, n)));
  switch (r.change) {
    case 'merged':
      return `${old} was merged into ${to} in edition ${r.edition}.`;
    case 'split':
      return `${old} was split into ${to} in edition ${r.edition}.`;
    case 'replaced':
      return `${old} was rewritten in edition ${r.edition}; what remains of it is in ${to}.`;
    case 'removed':
      return r.successors.length > 0
        ? `${old} was removed in edition ${r.edition}; the text continues here, at ${to}.`
        : `${old} was removed in edition ${r.edition}.`;
  }
}

/**
 * The note shown on a paragraph that kept its id when it was split, when a
 * link to it is followed.
 * @example splitNote({ kind: 'split', id: 'p-4', into: ['p-4', 'p-12'] }, '1.1', (id) => (id === 'p-4' ? 4 : 5))
 * // => '¶4 (p-4) was split in edition 1.1: its text continues in ¶5 (p-12).'
 */
export function splitNote(c: Extract<IdChange, { kind: 'split' }>, edition: string, n: ParagraphNumber): string {
  const rest = c.into.filter((id) => id !== c.id).map((id) => paragraphLabel(id, n));
  return `${paragraphLabel(c.id, n)} was split in edition ${edition}: its text continues in ${list(rest)}.`;
}

/**
 * One change, as a line of the changes page.
 * @example changeLine({ kind: 'inserted', id: 'p-11' }, () => 5) // => 'New paragraph ¶5 (p-11).'
 */
export function changeLine(c: IdChange, n: ParagraphNumber): string {
  const p = (id: string) => paragraphLabel(id, n);
  switch (c.kind) {
    case 'published':
      return `First published, with ${c.blocks} paragraph${c.blocks === 1 ? '' : 's'} (ids p-1 to p-${c.blocks}).`;
    case 'inserted':
      return c.through ? `New paragraphs ${p(c.id)} to ${p(c.through)}.` : `New paragraph ${p(c.id)}.`;
    case 'edited':
      return `Text of ${p(c.id)} corrected; it keeps its id.`;
    case 'moved':
      return `${p(c.id)} moved, its text unchanged.`;
    case 'split':
      return `${c.id} split into ${list(c.into.map(p))}${c.into.includes(c.id) ? `; ${c.id} stays with the part that keeps most of its text` : '; no part keeps most of its text, so the id is retired'}.`;
    case 'merged':
      return `${list(c.ids)} merged into ${p(c.into)}; ${c.ids.length === 1 ? 'its id is' : 'their ids are'} retired and old links land on ${p(c.into)}.`;
    case 'replaced':
      return `${c.id} rewritten; the new text is ${list(c.by.map(p))}, and old links to ${c.id} land there.`;
    case 'removed':
      return `${c.id} removed${c.successor ? `; old links land on ${p(c.successor)}, at its place` : ''}.`;
    case 'metadata':
      return `${c.field}: ${c.from ?? 'not recorded'} → ${c.to ?? 'not recorded'}.`;
  }
}
