/**
 * rehype plugin: gives every numbered block (an element with `data-block`, set
 * by remark-block-ids) a visible link to itself, "¶7", placed first in the
 * block. The link is left out of the search index and of text selection (CSS),
 * so quoting a paragraph copies only its words. Blocks that already start with
 * such a link are left alone.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Options for `rehypeBlockLinks`. */
export interface Options {
  /** Class of the link. Default `block-link`. */
  className?: string;
}

/** Default-exported factory, as unified plugins are. */
export default function rehypeBlockLinks(options: Options = {}) {
  const className = options.className ?? 'block-link';
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
        properties: { className: [className], href: `#${id}`, title: `Link to paragraph ${String(n)}`, dataPagefindIgnore: '' },
        children: [{ type: 'text', value: `¶${String(n)}` }],
      };
      node.children.unshift(link);
    });
  };
}
