/**
 * remark plugin: raw HTML in Markdown becomes plain text, so that no HTML from
 * a source can reach a page even if it slipped past the normalizer's escaping.
 */
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/** Default-exported factory, as unified plugins are. */
export default function remarkInertHtml() {
  return (tree: Root): void => {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const text: Text = { type: 'text', value: node.value };
      parent.children.splice(index, 1, text as never);
    });
  };
}
