/**
 * rehype plugin: makes old links land. For each retired id in the statement's
 * frontmatter (`retired`, from its lock), a note with that id is put into the
 * block the id now lands on (its successor, followed to a block still in the
 * text): "¶3 (p-3) of an earlier edition was merged into ¶2 (p-2) in edition
 * 1.1." A paragraph that kept its id when it was split gets a note saying
 * where its text continues. The notes are hidden until their link is followed
 * (CSS `:target`, so no JavaScript is needed) and left out of the search
 * index and of text selection. Runs after rehype-block-links.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { retiredNote, splitNote } from '../edition/id-notes.ts';
import { type HistoryEntry, landingOf, type RetiredId } from '../edition/schemas.ts';

function note(className: string, text: string, id?: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { ...(id ? { id } : {}), className: ['id-note', className], role: 'note' },
    children: [{ type: 'text', value: text }],
  };
}

/** Puts a note into a block, after its ¶ link. */
function insert(block: Element, child: ElementContent): void {
  const first = block.children[0];
  const afterLink = first?.type === 'element' && String(first.properties['className'] ?? '').includes('block-link') ? 1 : 0;
  block.children.splice(afterLink, 0, child);
}

/** Default-exported factory, as unified plugins are. */
export default function rehypeRetiredIds() {
  return (tree: Root, file: VFile): void => {
    const fm = (file.data as { astro?: { frontmatter?: { retired?: RetiredId[]; history?: HistoryEntry[] } } }).astro?.frontmatter;
    const retired = fm?.retired ?? [];
    const splits = (fm?.history ?? []).flatMap((h) =>
      h.changes.flatMap((c) => (c.kind === 'split' && c.into.includes(c.id) ? [{ c, edition: h.edition }] : [])),
    );
    if (retired.length === 0 && splits.length === 0) return;
    const blocks = new Map<string, Element>();
    const numbers = new Map<string, number>();
    visit(tree, 'element', (node: Element) => {
      const n = node.properties['dataBlock'];
      const id = node.properties['id'];
      if (n === undefined || typeof id !== 'string') return;
      blocks.set(id, node);
      numbers.set(id, Number(n));
    });
    const nOf = (id: string) => numbers.get(id);
    const live = new Set(blocks.keys());
    // Later splits first in the block, so the notes read oldest first.
    for (const { c, edition } of splits.reverse()) {
      const block = blocks.get(c.id);
      if (block) insert(block, note('split-note', splitNote(c, edition, nOf)));
    }
    for (const r of [...retired].reverse()) {
      const land = landingOf(r.id, retired, live);
      const block = land === null ? undefined : blocks.get(land);
      if (block) insert(block, note('retired-id', retiredNote(r, nOf), r.id));
    }
  };
}
