/**
 * The five seeds of the frozen fixture (tests/fixtures/content/), normalized:
 * golden files (reviewed line by line against the sources) and the promises
 * the edition makes to readers.
 *
 * The golden files are the fixture's own statements/: normalizing the fixture's
 * sources must give exactly them. After an intended change to the normalizer's
 * output, regenerate them with
 * `UPDATE_GOLDEN=1 npx vitest run tests/unit/corpus.test.ts` and review
 * `git diff tests/fixtures/content/statements`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../scripts/normalize/io/inputs.ts';
import { idContextOf, normalizeSource } from '../../scripts/normalize/pipeline.ts';
import { CONTENT, readBlocks, splitStatement } from '../helpers/content.ts';

const GOLDEN = join(CONTENT, 'statements');
const { content, problems } = loadContent(CONTENT);
const results = content.sources.map((s) => ({
  source: s,
  out: normalizeSource(s.bytes, s.meta, content.themes, s.file, idContextOf(content, s)),
}));
const byFile = (prefix: string) => {
  const r = results.find((x) => x.source.file.startsWith(`sources/${prefix}`));
  if (!r) throw new Error(`no source ${prefix}`);
  const { body } = splitStatement(r.out.markdown);
  return {
    ...r,
    body,
    blocks: readBlocks(body),
    text: readBlocks(body)
      .map((b) => b.text)
      .join('\n'),
  };
};

describe('the seed corpus', () => {
  it('loads without problems', () => {
    expect(problems).toEqual([]);
    expect(results).toHaveLength(5);
  });

  it.each(results.map((r) => [r.out.id, r] as const))('matches the reviewed golden file for %s', (id, r) => {
    const golden = join(GOLDEN, `${id}.md`);
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden, r.out.markdown);
    expect(r.out.markdown).toBe(readFileSync(golden, 'utf8'));
  });

  it('has a golden file for exactly the statements the sources give, and no other', () => {
    const names = readdirSync(GOLDEN).sort();
    expect(names).toEqual(results.map((r) => `${r.out.id}.md`).sort());
  });

  it.each(results.map((r) => [r.source.file, r] as const))(
    'keeps every character of %s but whitespace, listed removals and unwrapped inline tags',
    (_file, r) => {
      const report = r.out.frontmatter.edition;
      const removed = new Set<number>();
      for (const rm of report.removals) for (let n = rm.fromLine; n <= rm.toLine; n++) removed.add(n);
      const tags = new Set(report.inlineHtml.map((h) => h.tag));
      const tagRe = new RegExp(`</?(?:${[...tags].join('|') || '(?!)'})(?:\\s[^<>]*)?>`, 'giu');
      const kept = new TextDecoder()
        .decode(r.source.bytes)
        .split(/\r\n|\r|\n/u)
        .filter((_line, i) => !removed.has(i + 1))
        .join('\n')
        .replace(tagRe, '');
      const { body } = splitStatement(r.out.markdown);
      const edition = readBlocks(body)
        .map((b) => b.marker + b.text)
        .join('\n');
      const squash = (s: string) => s.replace(/[\s\u00A0\u200B\uFEFF]+/gu, '');
      expect(squash(edition)).toBe(squash(kept));
    },
  );

  it('rejoins the paragraphs split mid-sentence', () => {
    expect(byFile('000').text).toContain('work for common development.');
    expect(byFile('000').text).toContain('opportunities for exchanges between China');
    expect(byFile('001').text).toContain('reconciliation, and to reduce');
    expect(byFile('001').text).toContain('the Global Compact on Migration');
    expect(byFile('002').text).toContain('year-on-year increase of 3.8%.');
    for (const r of results) {
      for (const rj of r.out.frontmatter.edition.rejoins) {
        const block = readBlocks(splitStatement(r.out.markdown).body).find((b) => b.id === rj.block)!;
        expect(block.text).toContain(`${rj.before} ${rj.after}`);
      }
    }
  });

  it('keeps no website navigation and no contact block in the press release', () => {
    const press = byFile('003');
    for (const words of [
      'Who we are',
      'WHO WE ARE',
      'Our Work',
      'What We Do',
      'Partnerships',
      'Highlights',
      'Where we work',
      'Take Action',
      'Work with us',
      'Get involved',
      'Data and Research',
      '2030 Agenda',
    ]) {
      expect(press.body).not.toContain(words);
    }
    for (const words of ['For more information', 'Liljert', 'IOM Beijing', '+86', 'pliljert@iom.int']) {
      expect(press.body).not.toContain(words);
    }
    expect(press.blocks[0]!.text).toMatch(/^China - IOM Director General William Lacy Swing/u);
    expect(press.blocks.at(-1)!.text).toMatch(/broaden areas of cooperation\.$/u);
  });

  it('gives the 2010 speech three headings, one bullet list of three items and no line breaks inside blocks', () => {
    const speech = byFile('004');
    expect(speech.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      'I. The first is to recognize and applaud China’s important role as a major player in world migration.',
      'II. The importance of adopting a “High Road” Migration Scenario.',
      'III. The importance of partnership in migration',
    ]);
    const bullets = speech.blocks.filter((b) => b.kind === 'bullet-item');
    expect(bullets.map((b) => b.text)).toEqual([
      'Provincial and Ministerial Action Plans.',
      'A national multi-Ministry Coordinating Mechanism on Combating Trafficking; and the',
      'Establishment of a Special Office to Combat Trafficking of Women and Children, located in the Ministry of Public Security.',
    ]);
    expect(new Set(bullets.map((b) => b.list)).size).toBe(1);
    expect(speech.blocks.every((b) => !b.text.includes('\n'))).toBe(true);
    expect(speech.text).toContain('the United Nations “Palermo” Trafficking protocol');
    expect(speech.text).toContain('Representatives form the European Union');
    expect(speech.out.frontmatter.edition.notes).toEqual([
      expect.objectContaining({ block: 'p-8', quote: 'Representatives form the European Union' }),
    ]);
  });

  it('gives the 2021 remarks two ordered lists of four items, each numbered from 1', () => {
    const items = byFile('002').blocks.filter((b) => b.kind === 'ordered-item');
    expect(items.map((b) => `${b.list}:${b.marker}`)).toEqual(['0:1.', '0:2.', '0:3.', '0:4.', '1:1.', '1:2.', '1:3.', '1:4.']);
  });

  it('keeps salutations as paragraphs of their own', () => {
    expect(byFile('000').blocks.map((b) => b.text)).toContain('Mr. President, Director General Swing,');
    expect(byFile('000').blocks.map((b) => b.text)).toContain('Mr. President,');
    expect(byFile('002').blocks[0]!.text).toBe('Dear Chair, Distinguished delegates, Ladies and gentlemen,');
    expect(
      byFile('004')
        .blocks.slice(0, 2)
        .map((b) => b.text),
    ).toEqual(['Your Excellency, Counsellor QI Xiaoxia,', 'from the Ministry of Foreign Affairs;']);
  });

  it('keeps quotes and dashes as the sources write them', () => {
    expect(byFile('002').text).toContain('the implementation of the “GCM":');
    expect(byFile('002').text).toContain('the principle of "people-oriented"');
    expect(byFile('004').text).toContain('Chinese peacekeepers -- engineers');
    expect(byFile('004').text).toContain('all migrants --- an issue');
    expect(byFile('004').text).toContain('44—48 million');
  });

  it('leaves no HTML tag and reads "101st"', () => {
    for (const r of results) expect(r.out.markdown).not.toMatch(/<\/?sup/iu);
    const wu = byFile('000');
    expect(wu.out.frontmatter.title).toContain('101st Session');
    expect(wu.out.frontmatter.edition.inlineHtml).toEqual([{ line: 7, tag: 'sup', text: 'st' }]);
  });

  it('numbers blocks p-1 … p-n in order on every statement', () => {
    for (const r of results) {
      const ids = readBlocks(splitStatement(r.out.markdown).body).map((b) => b.id);
      expect(ids).toEqual(ids.map((_id, i) => `p-${i + 1}`));
      expect(r.out.frontmatter.blocks).toBe(ids.length);
    }
  });

  it('gives every statement at least two themes and every theme a statement, each with its reason', () => {
    for (const r of results) {
      expect(r.out.frontmatter.themes.length).toBeGreaterThanOrEqual(2);
      for (const t of r.out.frontmatter.themes) expect(t.reason.length).toBeGreaterThan(0);
    }
    const used = new Set(results.flatMap((r) => r.out.frontmatter.themes.map((t) => t.id)));
    expect([...used].sort()).toEqual(content.themes.map((t) => t.id).sort());
    const compact = results.filter((r) => r.out.frontmatter.themes.some((t) => t.id === 'global-compact'));
    expect(compact.map((r) => r.source.file).sort()).toEqual(['sources/001_f183e13d353718c8.txt', 'sources/002_8a576e5bea65ab85.txt']);
  });

  it('records the stated and inferred metadata of CORPUS.md', () => {
    const meta = (p: string) => byFile(p).out.frontmatter;
    expect(meta('000').date).toMatchObject({ value: '2012-11-28', precision: 'day', status: 'stated' });
    expect(meta('001').date).toMatchObject({ value: '2023', precision: 'year', status: 'inferred' });
    expect(meta('001').place).toMatchObject({ value: 'Geneva', status: 'inferred' });
    expect(meta('002').date).toMatchObject({ value: '2021-03', precision: 'month', status: 'inferred' });
    expect(meta('002').role).toEqual({ value: null, status: 'unknown', evidence: null });
    expect(meta('003').type).toBe('press-release');
    expect(meta('003').date).toMatchObject({ value: '2014-05', precision: 'month', status: 'inferred' });
    expect(meta('004').speaker).toMatchObject({ value: 'william-lacy-swing', status: 'inferred' });
    expect(meta('004').date).toMatchObject({ value: '2010-03-02', precision: 'day', status: 'stated' });
    for (const r of results) {
      expect(r.out.frontmatter.source.sha256.slice(0, 12)).toMatch(/^(9c8955815a68|f67f525ef7c3|c0d80796849b|8604585df2c8|3d9af78371a7)$/u);
    }
  });

  it('is deterministic: normalizing again gives the same bytes', () => {
    for (const r of results) {
      expect(normalizeSource(r.source.bytes, r.source.meta, content.themes, r.source.file, idContextOf(content, r.source)).markdown).toBe(
        r.out.markdown,
      );
    }
  });
});
