/**
 * rehype plugin: gives every numbered block (an element with `data-block`, set
 * by remark-block-ids) a visible link to itself, "¶7", placed first in the
 * block. The link is left out of the search index and of text selection (CSS),
 * so quoting a paragraph copies only its words. Blocks that already start with
 * such a link are left alone.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The class of the ¶ link (styled in src/styles/global.css). */
const className = 'block-link';

/** Default-exported factory, as unified plugins are. */
export default function rehypeBlockLinks() {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element) => {
      const n = node.properties['dataBlock'];
      const id = node.properties['id'];
      if (n === undefined || typeof id !== 'string') return;
      const first = node.children[0];
      if (first?.type === 'element' && first.tagName === 'a' && String(first.properties['className'] ?? '').includes(className)) return;
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: [className], href: `#${id}`, title: `Link to paragraph ${String(n)}` },
        children: [{ type: 'text', value: `¶${String(n)}` }],
      };
      node.children.unshift(link);
    });
  };
}
