/**
 * A statement's text as data: its blocks (paragraphs, headings, list items)
 * read back from the normalized Markdown, with ids, ¶ numbers and plain text.
 * The one parser of statement bodies for exports, analysis and tests.
 */
import type { List, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { takeBlockMarker } from './block-ids.ts';
import { blockHash } from './block-hash.ts';

/** One block of a statement. */
export interface TextBlock {
  /** `p-7`: the block's id for life (see block-ids.ts). */
  id: string;
  /** 7: the ¶ number, the block's place in reading order (1, 2, …). */
  n: number;
  /** Short content hash of `text` (see block-hash.ts). */
  hash: string;
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

/**
 * Reads the blocks of a statement body (the Markdown after the frontmatter).
 * Throws on anything the normalizer never writes (a block without an id).
 * Bodies in the simple shape the normalizer writes (one line a block, only
 * backslash escapes and numeric character references inline) are read line by
 * line; anything else goes through the full CommonMark parser, which gives
 * the same result, ten times slower.
 * @example blocksFromMarkdown('Thank you. {#p-1}\n') // => [{ id: 'p-1', n: 1, hash: '8569efc4ed5a', kind: 'paragraph', text: 'Thank you.', list: null, number: null }]
 */
export function blocksFromMarkdown(body: string): TextBlock[] {
  return simpleBlocks(body) ?? parsedBlocks(body);
}

/**
 * The Markdown body of a statement file (what follows its frontmatter), or
 * null when the file does not open with a frontmatter block. Split by index,
 * not a regular expression, so a frontmatter of megabytes costs nothing.
 * @example statementBody('---\nid: x\n---\n\nThank you. {#p-1}\n') // => '\nThank you. {#p-1}\n'
 */
export function statementBody(file: string): string | null {
  if (!file.startsWith('---\n')) return null;
  const end = file.indexOf('\n---\n', 3);
  return end === -1 ? null : file.slice(end + '\n---\n'.length);
}

/** A list item line: bullet marker, or number and delimiter; then the content. */
const ITEM = /^(?:([-+*])|(\d{1,9})([.)]))[ ](?=\S)(.*)$/u;
const HEADING = /^#{1,6}[ ](?=\S)(.*)$/u;
/** Line starts that would make the content another block (a nested list, a quote, a heading…). */
const BLOCK_START = /^(?:[#>=|+*\- \t]|\d{1,9}[.)](?:\s|$))/u;

/** Undoes backslash escapes and numeric character references; null when any other syntax character remains (`*`, `_`, `[`, `<`, `&`…). */
function inlineText(raw: string): string | null {
  if (BLOCK_START.test(raw)) return null;
  let syntax = false;
  const text = raw.replace(/\\([!-/:-@[-`{-~])|&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));|([`*_[\]<&\\])/gu, (_, esc, hex, dec, bare) => {
    if (esc) return esc as string;
    if (bare) {
      syntax = true;
      return '';
    }
    const code = hex ? parseInt(hex as string, 16) : Number(dec);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      syntax = true;
      return '';
    }
    return String.fromCodePoint(code);
  });
  return syntax ? null : text;
}

/** The fast reader: null as soon as the body is not in the normalizer's simple shape. */
export function simpleBlocks(body: string): TextBlock[] | null {
  const lines = body.split('\n');
  const out: TextBlock[] = [];
  let lists = 0;
  let list: { marker: string; start: number; count: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (/^\s/u.test(line)) return null;
    const next = lines[i + 1] ?? '';
    const item = ITEM.exec(line);
    let kind: TextBlock['kind'];
    let content: string;
    let number: number | null = null;
    if (item) {
      const marker = item[1] ?? item[3]!;
      if (!list || list.marker !== marker) {
        if (list) lists += 1;
        list = { marker, start: item[2] === undefined ? 0 : Number(item[2]), count: 0 };
      }
      kind = item[2] === undefined ? 'bullet-item' : 'ordered-item';
      number = kind === 'ordered-item' ? list.start + list.count : null;
      list.count += 1;
      content = item[4]!;
      // A lazy continuation line would join this item.
      if (next.trim() !== '' && !ITEM.test(next)) return null;
    } else {
      if (list) {
        lists += 1;
        list = null;
      }
      const heading = HEADING.exec(line);
      kind = heading ? 'heading' : 'paragraph';
      content = heading ? heading[1]! : line;
      if (next.trim() !== '') return null;
    }
    const marked = takeBlockMarker(content);
    if (!marked) return null;
    const text = inlineText(marked.text.trim());
    if (text === null || text === '') return null;
    out.push({ id: marked.id, n: out.length + 1, hash: blockHash(text), kind, text, list: list ? lists : null, number });
  }
  return out;
}

/** The full reader, through remark-parse. */
export function parsedBlocks(body: string): TextBlock[] {
  const root = parser.parse(body) as Root;
  const out: TextBlock[] = [];
  let lists = 0;
  const take = (node: RootContent, kind: TextBlock['kind'], list: number | null, number: number | null) => {
    const text = toString(node);
    const marked = takeBlockMarker(text);
    if (!marked) throw new Error(`a block without an id marker: "${text.slice(0, 60)}"`);
    out.push({ id: marked.id, n: out.length + 1, hash: blockHash(marked.text), kind, text: marked.text, list, number });
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
