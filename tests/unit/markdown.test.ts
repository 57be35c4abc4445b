import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { blocksToMarkdown, type EditionBlock, listsOf, toMdast } from '../../scripts/normalize/steps/8-markdown.ts';
import { blockHref, blockId, blockMarker, parseBlockId, takeBlockMarker } from '../../src/edition/block-ids.ts';
import remarkBlockIds from '../../src/markdown/remark-block-ids.ts';
import remarkInertHtml from '../../src/markdown/remark-inert-html.ts';

const para = (n: number, text: string): EditionBlock => ({ id: blockId(n), kind: 'paragraph', text, lines: [n], number: null });
const item = (n: number, kind: 'ordered-item' | 'bullet-item', text: string, number: number | null = null): EditionBlock => ({
  id: blockId(n),
  kind,
  text,
  lines: [n],
  number,
});

/** Renders Markdown the way the site does (remark → rehype), with the edition's plugins. */
async function render(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkInertHtml)
    .use(remarkBlockIds)
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

describe('the block-id contract', () => {
  it('names blocks p-1, p-2, … p-10', () => {
    expect([1, 2, 10].map(blockId)).toEqual(['p-1', 'p-2', 'p-10']);
  });

  it('reads an id number back only from a well-formed id', () => {
    expect(['p-7', 'p-10', 'p-0', 'p-07', 'p-', 'top', 'p-7x'].map(parseBlockId)).toEqual([7, 10, null, null, null, null, null]);
  });

  it('links a block on its page', () => {
    expect(blockHref('/statements/x/', 'p-7')).toBe('/statements/x/#p-7');
    expect(blockHref('', 'p-3')).toBe('#p-3');
  });

  it('writes the marker after the text and takes it back off', () => {
    expect(blockMarker('p-7')).toBe('{#p-7}');
    expect(takeBlockMarker(`Thank you, Mr. President. ${blockMarker('p-10')}`)).toEqual({
      text: 'Thank you, Mr. President.',
      id: 'p-10',
    });
    expect(takeBlockMarker('A {#p-2} in the middle')).toBeNull();
    expect(takeBlockMarker('Written {#x-2}')).toBeNull();
  });
});

describe('blocksToMarkdown', () => {
  it('escapes prose that only looks like Markdown, so it renders as the same text', async () => {
    const texts = [
      '1. Not a list but a sentence starting with a number.',
      '- Not a bullet either.',
      '# Not a heading.',
      'An *asterisk* and an _underscore_ and a `backtick`.',
      'A [bracket](link) and ![image](x.png) and <http://example.org>.',
      '> Not a quotation block.',
      'Character references stay literal: &amp; &#60; &lt;',
    ];
    const md = blocksToMarkdown(texts.map((t, i) => para(i + 1, t)));
    const html = await render(md);
    expect(html).not.toMatch(/<(ol|ul|h1|em|code|a|img|blockquote)\b/u);
    expect(html).toContain('<p id="p-1" data-block="1">1. Not a list but a sentence starting with a number.</p>');
    expect(html).toContain('An *asterisk* and an _underscore_ and a `backtick`.');
    expect(html).toContain('Character references stay literal: &#x26;amp; &#x26;#60; &#x26;lt;');
  });

  it('keeps HTML from a source as literal text, never as markup', async () => {
    const md = blocksToMarkdown([para(1, 'Before <script>alert(1)</script> and <img src=x onerror=alert(1)> after.')]);
    const html = await render(md);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });

  it('writes one block per line with its id marker', () => {
    expect(blocksToMarkdown([para(1, 'Mr. President,'), para(2, 'Thank you.')])).toBe('Mr. President, {#p-1}\n\nThank you. {#p-2}\n');
  });

  it('writes each numbered list with its own numbering and headings at level 2', () => {
    const md = blocksToMarkdown([
      { id: 'p-1', kind: 'heading', text: 'I. The first point', lines: [1], number: null },
      item(2, 'ordered-item', 'One.', 1),
      item(3, 'ordered-item', 'Two.', 2),
      para(4, 'Between the lists.'),
      item(5, 'ordered-item', 'One again.', 1),
      item(6, 'bullet-item', 'A bullet.'),
    ]);
    expect(md).toBe(
      '## I. The first point {#p-1}\n\n1. One. {#p-2}\n2. Two. {#p-3}\n\nBetween the lists. {#p-4}\n\n1. One again. {#p-5}\n\n- A bullet. {#p-6}\n',
    );
  });
});

describe('toMdast', () => {
  it('starts a new ordered list when the numbering restarts', () => {
    const root = toMdast([item(1, 'ordered-item', 'a', 1), item(2, 'ordered-item', 'b', 2), item(3, 'ordered-item', 'c', 1)]);
    expect(root.children.map((c) => (c.type === 'list' ? [c.start, c.children.length] : c.type))).toEqual([
      [1, 2],
      [1, 1],
    ]);
  });
});

describe('listsOf', () => {
  it('reports each list with its kind, start, item count and first block', () => {
    const blocks = [para(1, 'x'), item(2, 'bullet-item', 'a'), item(3, 'bullet-item', 'b'), item(4, 'ordered-item', 'c', 3)];
    expect(listsOf(blocks)).toEqual([
      { kind: 'bullet', start: null, items: 2, firstBlock: 'p-2' },
      { kind: 'ordered', start: 3, items: 1, firstBlock: 'p-4' },
    ]);
  });
});
