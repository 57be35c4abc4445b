/**
 * remark plugin: turns the normalizer's block markers (`… text {#p-7}` at the
 * end of a paragraph or heading) into `id` attributes. A marker in a list
 * item's paragraph gives the id to the `<li>`. Ids already set are kept. Each
 * marked element also gets `data-block`, its ¶ number: its place among the
 * marked blocks in reading order (rehype-block-links turns it into the visible
 * ¶ link). The marker's syntax is
 * src/edition/block-ids.ts's.
 */
import type { Heading, ListItem, Paragraph, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { takeBlockMarker } from '../edition/block-ids.ts';

interface HData {
  hProperties?: Record<string, unknown>;
}

/**
 * Takes the trailing `{#id}` marker off a paragraph or heading.
 * Returns the id, or null when there is none.
 * @example takeMarker({ type: 'paragraph', children: [{ type: 'text', value: 'Hi {#p-2}' }] }) // => 'p-2'
 */
export function takeMarker(node: Paragraph | Heading): string | null {
  const last = node.children.at(-1);
  if (!last || last.type !== 'text') return null;
  const marked = takeBlockMarker((last as Text).value);
  if (!marked) return null;
  (last as Text).value = marked.text;
  if (marked.text === '') node.children.pop();
  return marked.id;
}

function setId(node: { data?: unknown }, id: string, n: number): void {
  const data = (node.data ??= {}) as HData;
  const props = (data.hProperties ??= {});
  props['id'] ??= id;
  props['dataBlock'] ??= String(n);
}

/** Default-exported factory, as unified plugins are. */
export default function remarkBlockIds() {
  return (tree: Root): void => {
    let n = 0;
    visit(tree, (node, _index, parent) => {
      if (node.type !== 'paragraph' && node.type !== 'heading') return;
      const id = takeMarker(node);
      if (!id) return;
      const target = node.type === 'paragraph' && parent?.type === 'listItem' ? (parent as ListItem) : node;
      n += 1;
      setId(target, id, n);
    });
  };
}
