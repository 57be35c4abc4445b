/**
 * Over the fixture's site (tests/fixtures/content/ → dist-fixture/, `npm run
 * build:fixture`): every statement's text reaches its page whole, with its
 * block ids, and nothing from the Markdown syntax or the sources' HTML leaks
 * through. The same holds for the live corpus: tests/invariants/statements.ts,
 * run by invariants.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_SITE, readBlocks, splitStatement } from '../helpers/content.ts';
import { visibleText } from '../invariants/statements.ts';

const { content: CONTENT, dist: DIST } = FIXTURE_SITE;
const statements = readdirSync(join(CONTENT, 'statements'))
  .filter((n) => n.endsWith('.md'))
  .sort()
  .map((n) => ({ id: n.replace(/\.md$/u, ''), md: readFileSync(join(CONTENT, 'statements', n), 'utf8') }));

describe('statement pages in dist-fixture/', () => {
  it('exist for every statement: the five seeds', () => {
    expect(statements.map((s) => s.id)).toEqual([
      '2010-03-02-swing-cbmm-training-beijing',
      '2012-11-28-wu-haitao-iom-council',
      '2014-05-iom-swing-migration-governance-china',
      '2021-03-ke-yousheng-gcm-review-asia-pacific',
      '2023-chen-xu-iom-council',
    ]);
    for (const s of statements) expect(existsSync(join(DIST, 'statements', s.id, 'index.html'))).toBe(true);
  });

  it.each(statements.map((s) => [s.id, s] as const))('%s shows every block with its id and exact text', (id, s) => {
    const html = readFileSync(join(DIST, 'statements', id, 'index.html'), 'utf8');
    const blocks = readBlocks(splitStatement(s.md).body);
    blocks.forEach((b, i) => {
      const n = i + 1;
      const tag = b.kind === 'heading' ? 'h2' : b.kind === 'paragraph' ? 'p' : 'li';
      const m = new RegExp(`<${tag} id="${b.id}" data-block="${n}">([\\s\\S]*?)</${tag}>`, 'u').exec(html);
      expect(m, `${id} ${b.id}`).not.toBeNull();
      const link = `<a class="block-link" href="#${b.id}" title="Link to paragraph ${n}">¶${n}</a>`;
      expect(m![1]!.startsWith(link), `${id} ${b.id} starts with its ¶ link`).toBe(true);
      expect(visibleText(m![1]!.slice(link.length))).toBe(b.text);
    });
    expect(html).not.toContain('{#p-');
    expect(html).not.toMatch(/<\/?sup\b/u);
    const ids = [...html.matchAll(/\sid="([^"]+)"/gu)].map((x) => x[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
