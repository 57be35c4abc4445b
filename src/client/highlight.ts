/**
 * On a statement page reached from a search hit (`?hl=Global+Compact#p-5`):
 * marks the searched words and phrases in the text. The ¶ links are left as
 * they are; text is only ever split into text nodes and <mark> elements.
 */
import { highlightRanges } from '../search/query.ts';

export function highlightFromUrl(): void {
  const terms = new URLSearchParams(location.search)
    .getAll('hl')
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(0, 10);
  if (terms.length === 0) return;
  const phrases = terms.filter((t) => /\s/u.test(t));
  const words = terms.filter((t) => !/\s/u.test(t));
  let count = 0;
  for (const block of document.querySelectorAll<HTMLElement>('.text [data-block]')) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        n.parentElement?.closest('.block-link, .id-note, .block-tools, mark') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    for (const node of nodes) {
      const text = node.data;
      const ranges = highlightRanges(text, phrases, words);
      if (ranges.length === 0) continue;
      const frag = document.createDocumentFragment();
      let at = 0;
      for (const [a, b] of ranges) {
        frag.append(text.slice(at, a));
        const mark = document.createElement('mark');
        mark.textContent = text.slice(a, b);
        frag.append(mark);
        at = b;
        count += 1;
      }
      frag.append(text.slice(at));
      node.replaceWith(frag);
    }
  }
  document.documentElement.dataset['highlights'] = String(count);
}
