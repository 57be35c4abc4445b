import type { Paragraph } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkBlockIds, { takeMarker } from '../../src/markdown/remark-block-ids.ts';
import remarkInertHtml from '../../src/markdown/remark-inert-html.ts';

async function html(markdown: string, plugins: unknown[]): Promise<string> {
  // The plugin list is dynamic, so the processor's precise type cannot follow it.
  let p = unified().use(remarkParse) as unknown as ReturnType<typeof unified>;
  for (const plugin of plugins) {
    p = Array.isArray(plugin) ? p.use(plugin[0] as never, plugin[1] as never) : p.use(plugin as never);
  }
  const file = await p.use(remarkRehype).use(rehypeStringify).process(markdown);
  return String(file);
}

describe('takeMarker', () => {
  it('removes the trailing marker and returns the id', () => {
    const node: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: 'Thank you. {#p-12}' }] };
    expect(takeMarker(node)).toBe('p-12');
    expect(node.children).toEqual([{ type: 'text', value: 'Thank you.' }]);
  });

  it('returns null for a paragraph without a marker, leaving it alone', () => {
    const node: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: 'Braces {#p-1} mid-text stay.' }] };
    expect(takeMarker(node)).toBeNull();
    expect(node.children).toEqual([{ type: 'text', value: 'Braces {#p-1} mid-text stay.' }]);
  });
});

describe('remarkBlockIds', () => {
  it('gives paragraphs and headings their ids and ¶ numbers', async () => {
    expect(await html('## II. Point {#p-1}\n\nText. {#p-2}\n', [remarkBlockIds])).toBe(
      '<h2 id="p-1" data-block="1">II. Point</h2>\n<p id="p-2" data-block="2">Text.</p>',
    );
  });

  it('puts a list item’s id on the <li>, numbering blocks in reading order', async () => {
    expect(await html('3. Third. {#p-4}\n4. Fourth. {#p-5}\n', [remarkBlockIds])).toBe(
      '<ol start="3">\n<li id="p-4" data-block="1">Third.</li>\n<li id="p-5" data-block="2">Fourth.</li>\n</ol>',
    );
  });

  it('strips only the last marker when the text itself ends with one', async () => {
    expect(await html('Odd {#p-9} {#p-3}\n', [remarkBlockIds])).toBe('<p id="p-3" data-block="1">Odd {#p-9}</p>');
  });
});

describe('remarkInertHtml', () => {
  it('turns raw HTML blocks and inline HTML into visible text', async () => {
    const out = await html('<script>alert(1)</script>\n\nA <b onclick="x()">bold</b> word.\n', [remarkInertHtml]);
    expect(out).not.toMatch(/<script|<b /u);
    expect(out).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(out).toContain('A &#x3C;b onclick="x()">bold&#x3C;/b> word.');
  });
});
