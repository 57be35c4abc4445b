/**
 * A statement's text as data: its blocks (paragraphs, headings, list items)
 * read back from the normalized Markdown, with ids, ¶ numbers and plain text.
 * The one parser of statement bodies for exports, analysis and tests.
 */
import type { List, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** One block of a statement. */
export interface TextBlock {
  /** `p-7`. */
  id: string;
  /** 7 (the ¶ number). */
  n: number;
  /** paragraph | heading | ordered-item | bullet-item. */
  kind: 'paragraph' | 'heading' | 'ordered-item' | 'bullet-item';
  /** The text as a reader sees it (Markdown escapes undone, no id marker). */
  text: string;
  /** For list items: which list of the statement (0, 1, …); else null. */
  list: number | null;
  /** For ordered items: the item's number; else null. */
  number: number | null;
}

const parser = unified().use(remarkParse);
const MARKER = /\s*\{#(p-(\d+))\}$/u;

/**
 * Reads the blocks of a statement body (the Markdown after the frontmatter).
 * Throws on anything the normalizer never writes (a block without an id).
 * @example blocksFromMarkdown('Thank you. {#p-1}\n') // => [{ id: 'p-1', n: 1, kind: 'paragraph', text: 'Thank you.', list: null, number: null }]
 */
export function blocksFromMarkdown(body: string): TextBlock[] {
  const root = parser.parse(body) as Root;
  const out: TextBlock[] = [];
  let lists = 0;
  const take = (node: RootContent, kind: TextBlock['kind'], list: number | null, number: number | null) => {
    const text = toString(node);
    const m = MARKER.exec(text);
    if (!m) throw new Error(`a block without an id marker: "${text.slice(0, 60)}"`);
    out.push({ id: m[1]!, n: Number(m[2]), kind, text: text.slice(0, m.index), list, number });
  };
  for (const node of root.children) {
    if (node.type === 'list') {
      const l = node as List;
      l.children.forEach((item, i) => take(item, l.ordered ? 'ordered-item' : 'bullet-item', lists, l.ordered ? (l.start ?? 1) + i : null));
      lists += 1;
    } else if (node.type === 'heading') take(node, 'heading', null, null);
    else if (node.type === 'paragraph') take(node, 'paragraph', null, null);
    else throw new Error(`unexpected ${node.type} in a statement body`);
  }
  return out;
}

/**
 * The statement as plain text: one block per paragraph, list items with their
 * number or a bullet, blank lines between blocks.
 * @example blocksToPlainText([{ id: 'p-1', n: 1, kind: 'ordered-item', text: 'First.', list: 0, number: 1 }]) // => '1. First.\n'
 */
export function blocksToPlainText(blocks: TextBlock[]): string {
  return `${blocks
    .map((b) => (b.kind === 'ordered-item' ? `${b.number}. ${b.text}` : b.kind === 'bullet-item' ? `• ${b.text}` : b.text))
    .join('\n\n')}\n`;
}
