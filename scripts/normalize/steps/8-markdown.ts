/**
 * Writing the edition as Markdown through remark (mdast → Markdown), so that
 * prose which merely looks like Markdown or HTML is escaped, never markup.
 */
import type { Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { BlockKind } from './6-blocks.ts';
import { blockMarker } from '../../../src/edition/block-ids.ts';

/** A block of the edition with its id. */
export interface EditionBlock {
  /** `p-1` … `p-n`, in reading order. */
  id: string;
  /** paragraph | heading | ordered-item | bullet-item. */
  kind: BlockKind;
  /** The text, on one line. */
  text: string;
  /** Source lines the block comes from. */
  lines: number[];
  /** Item number (ordered items), else null. */
  number: number | null;
}

function textParagraph(block: EditionBlock): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: `${block.text} ${blockMarker(block.id)}` }] };
}

/**
 * Builds the mdast tree: headings at depth 2 (the page title is the h1),
 * consecutive list items in one list, an ordered list starting at its first
 * item's number, tight lists.
 */
export function toMdast(blocks: EditionBlock[]): Root {
  const children: RootContent[] = [];
  let list: List | null = null;
  let lastNumber: number | null = null;
  for (const block of blocks) {
    if (block.kind === 'ordered-item' || block.kind === 'bullet-item') {
      const ordered = block.kind === 'ordered-item';
      const continues = list !== null && list.ordered === ordered && (!ordered || (lastNumber !== null && block.number === lastNumber + 1));
      if (!continues) {
        list = { type: 'list', ordered, start: ordered ? block.number : null, spread: false, children: [] };
        children.push(list);
      }
      const item: ListItem = { type: 'listItem', spread: false, children: [textParagraph(block)] };
      list!.children.push(item);
      lastNumber = block.number;
      continue;
    }
    list = null;
    lastNumber = null;
    if (block.kind === 'heading') {
      const heading: Heading = { type: 'heading', depth: 2, children: textParagraph(block).children };
      children.push(heading);
    } else {
      children.push(textParagraph(block));
    }
  }
  return { type: 'root', children };
}

const processor = unified().use(remarkStringify, {
  bullet: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
  emphasis: '_',
  strong: '*',
  fences: true,
  rule: '-',
});

/**
 * Serializes blocks to Markdown with every block on one line.
 * @example blocksToMarkdown([{ id: 'p-1', kind: 'paragraph', text: '1. Not a list', lines: [1], number: null }])
 * // => '1\\. Not a list {#p-1}\n'
 */
export function blocksToMarkdown(blocks: EditionBlock[]): string {
  return processor.stringify(toMdast(blocks));
}

/**
 * Groups the blocks into lists the same way `toMdast` does, for the edition report.
 */
export function listsOf(blocks: EditionBlock[]): { kind: 'ordered' | 'bullet'; start: number | null; items: number; firstBlock: string }[] {
  const root = toMdast(blocks);
  const lists: { kind: 'ordered' | 'bullet'; start: number | null; items: number; firstBlock: string }[] = [];
  let index = 0;
  for (const node of root.children) {
    if (node.type === 'list') {
      lists.push({
        kind: node.ordered ? 'ordered' : 'bullet',
        start: node.ordered ? (node.start ?? 1) : null,
        items: node.children.length,
        firstBlock: blocks[index]!.id,
      });
      index += node.children.length;
    } else {
      index += 1;
    }
  }
  return lists;
}
