/**
 * Over the built site in dist/ (run after `astro build`): every statement's
 * text reaches its page whole, with its block ids, and nothing from the
 * Markdown syntax or the sources' HTML leaks through.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT, ROOT, readBlocks, splitStatement } from '../helpers/content.ts';

const DIST = join(ROOT, 'dist');
const statements = readdirSync(join(CONTENT, 'statements'))
  .filter((n) => n.endsWith('.md'))
  .map((n) => ({ id: n.replace(/\.md$/u, ''), md: readFileSync(join(CONTENT, 'statements', n), 'utf8') }));

/** Text of an HTML fragment as a browser shows it: tags out, the few entities we emit decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/gu, '')
    .replace(/&#x([0-9a-f]+);/giu, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/gu, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/gu, '"')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');
}

describe('statement pages in dist/', () => {
  it('exist for every statement', () => {
    expect(statements).toHaveLength(5);
    for (const s of statements) expect(existsSync(join(DIST, 'statements', s.id, 'index.html'))).toBe(true);
  });

  it.each(statements.map((s) => [s.id, s] as const))('%s shows every block with its id and exact text', (id, s) => {
    const html = readFileSync(join(DIST, 'statements', id, 'index.html'), 'utf8');
    const blocks = readBlocks(splitStatement(s.md).body);
    for (const b of blocks) {
      const tag = b.kind === 'heading' ? 'h2' : b.kind === 'paragraph' ? 'p' : 'li';
      const m = new RegExp(
        `<${tag} id="${b.id}" data-block="${b.id.slice(2)}" data-pagefind-title="¶${b.id.slice(2)}">([\\s\\S]*?)</${tag}>`,
        'u',
      ).exec(html);
      expect(m, `${id} ${b.id}`).not.toBeNull();
      const link = `<a class="block-link" href="#${b.id}" title="Link to paragraph ${b.id.slice(2)}" data-pagefind-ignore="">¶${b.id.slice(2)}</a>`;
      expect(m![1]!.startsWith(link), `${id} ${b.id} starts with its ¶ link`).toBe(true);
      expect(visibleText(m![1]!.slice(link.length))).toBe(b.text);
    }
    expect(html).not.toContain('{#p-');
    expect(html).not.toMatch(/<\/?sup\b/u);
    const ids = [...html.matchAll(/\sid="([^"]+)"/gu)].map((x) => x[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
