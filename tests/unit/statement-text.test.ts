/**
 * The fast line reader of statement bodies must give exactly what the full
 * CommonMark parser gives, or step aside: checked on the five seed statements
 * (tests/fixtures/content/) and the live corpus (content/), on
 * bodies the normalizer writes for a synthetic corpus with every artifact, and
 * on Markdown the normalizer never writes.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../scripts/normalize/io/inputs.ts';
import { idContextOf, normalizeSource } from '../../scripts/normalize/pipeline.ts';
import { syntheticCorpus } from '../../scripts/dev/synthetic/corpus.ts';
import { statementBody, blocksFromMarkdown, parsedBlocks, simpleBlocks } from '../../src/edition/statement-text.ts';
import { CONTENT, LIVE_CONTENT, copyContent, removeDir, splitStatement } from '../helpers/content.ts';

/** [label, body] of every statement in a content folder. */
const bodiesOf = (dir: string, label: string) =>
  readdirSync(join(dir, 'statements'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => [`${label}/${n}`, splitStatement(readFileSync(join(dir, 'statements', n), 'utf8')).body] as const);
const seedBodies = bodiesOf(CONTENT, 'fixture');
const liveBodies = bodiesOf(LIVE_CONTENT, 'content');

describe('blocksFromMarkdown', () => {
  it.each(seedBodies)('reads %s with the fast reader, exactly as the CommonMark parser does', (_, body) => {
    const fast = simpleBlocks(body);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(parsedBlocks(body));
  });

  it.each(liveBodies)('reads %s of the live corpus exactly as the CommonMark parser does', (_, body) => {
    const fast = simpleBlocks(body);
    if (fast) expect(fast).toEqual(parsedBlocks(body));
    expect(blocksFromMarkdown(body).length).toBeGreaterThan(0);
  });

  it('agrees with the CommonMark parser on 150 synthetic statements with hard wraps, lists, headings and escapes', () => {
    const vocab = ['migration', 'cooperation', '*emphasis*', '[sic]', 'a_b', '<b>', 'AT&T', '1986.', '#tag', 'rights', 'the', 'and'];
    const themes = [{ id: 'global-compact', terms: ['Global Compact', 'GCM'] }];
    const dir = copyContent();
    try {
      const files = syntheticCorpus({ count: 150, bytes: 1500, speakers: 5, years: [2000, 2020], seed: 11, artifacts: 1 }, vocab, themes);
      for (const [path, text] of files) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const { content } = loadContent(dir);
      let fastCount = 0;
      for (const s of content.sources) {
        const body = splitStatement(normalizeSource(s.bytes, s.meta, content.themes, s.file, idContextOf(content, s)).markdown).body;
        const fast = simpleBlocks(body);
        if (fast) fastCount += 1;
        if (fast) expect(fast).toEqual(parsedBlocks(body));
      }
      // The fast reader must actually be used, not always step aside.
      expect(fastCount).toBeGreaterThan(0);
    } finally {
      removeDir(dir);
    }
  });

  it.each([
    ['emphasis', 'Some *emphasis* here. {#p-1}\n'],
    ['a nested list', '- 1. nested {#p-1}\n'],
    ['a lazy continuation', '- item {#p-1}\ncontinued\n'],
    ['an indented line', '    code {#p-1}\n'],
    ['a named entity', 'Fish &amp; chips. {#p-1}\n'],
    ['a link', 'See [here](http://x.org). {#p-1}\n'],
  ])('leaves %s to the CommonMark parser (the fast reader steps aside)', (_, body) => {
    expect(simpleBlocks(body)).toBeNull();
  });

  it.each([
    ['two lists with different markers', '- a {#p-1}\n* b {#p-2}\n\n1. c {#p-3}\n1) d {#p-4}\n'],
    ['a loose list and a paragraph after it', '3. a {#p-1}\n\n4. b {#p-2}\n\nAfter. {#p-3}\n'],
    ['escapes and numeric references', '1986\\. Was \\*not\\* emphasis &#x20;and &#169; here. {#p-1}\n'],
    ['a heading', '## II. A heading {#p-1}\n\nText. {#p-2}\n'],
  ])('reads %s itself, exactly as the CommonMark parser does', (_, body) => {
    const fast = simpleBlocks(body);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(parsedBlocks(body));
  });
});

describe('statementBody', () => {
  it('gives what follows the frontmatter, however long the frontmatter, and null for a file without one', () => {
    expect(statementBody('---\nid: x\n---\n\nThank you. {#p-1}\n')).toBe('\nThank you. {#p-1}\n');
    expect(statementBody(`---\n${'rejoins: x\n'.repeat(500_000)}---\n\nText. {#p-1}\n`)).toBe('\nText. {#p-1}\n');
    expect(statementBody('Text without frontmatter. {#p-1}\n')).toBeNull();
  });
});
