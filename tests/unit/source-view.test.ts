/**
 * The source view's model (src/downloads/source-view.ts): each line of a
 * source classified as removed (with its reason), kept or blank, kept lines
 * aligned to the block they went into, rejoins and undone line breaks marked;
 * over the five seed statements of the frozen fixture, and on made-up
 * sources for the cases they lack (hostile text, invisible characters, list
 * markers, inline HTML in a kept line).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type SourceViewInput, comparable, lineParts, sourceLines, sourceView } from '../../src/downloads/source-view.ts';
import { statementFrontmatter } from '../../src/edition/schemas.ts';
import { blocksFromMarkdown } from '../../src/edition/statement-text.ts';
import { CONTENT, splitStatement } from '../helpers/content.ts';

/** The fixture's statements as the view gets them from their entries: source text, frontmatter, blocks. */
const fixture = new Map(
  readdirSync(join(CONTENT, 'statements'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const { frontmatter, body } = splitStatement(readFileSync(join(CONTENT, 'statements', f), 'utf8'));
      const metadata = statementFrontmatter.parse(parseYaml(frontmatter));
      const bytes = readFileSync(join(CONTENT, 'sources', metadata.source.file));
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      return [metadata.id, { source: { text }, metadata, blocks: blocksFromMarkdown(body) }] as const;
    }),
);
const view = (id: string) => sourceView(fixture.get(id)!);

/** Lines `from` to `to`. */
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** What the view reads of an edition report, with nothing in it, for made-up sources. */
const EMPTY_REPORT: SourceViewInput['metadata']['edition'] = { removals: [], rejoins: [], joinedWithoutSpace: [], inlineHtml: [] };
const made = (text: string, blocks: string[], report: Partial<SourceViewInput['metadata']['edition']> = {}): SourceViewInput => ({
  source: { text },
  metadata: { edition: { ...EMPTY_REPORT, ...report } },
  blocks: blocks.map((t, i) => ({ id: `p-${i + 1}`, n: i + 1, text: t })),
});

describe('the 2014 press release: website navigation above the title', () => {
  const v = view('2014-05-iom-swing-migration-governance-china');

  it('has the source’s 38 lines, numbered from 1', () => {
    expect(v.lines.map((l) => l.n)).toEqual(range(1, 38));
    expect(v.lines[0]!.text).toBe('-');
    expect(v.lines[37]!.text).toBe('Email: pliljert@iom.int');
  });

  it('marks lines 1–22 removed by the editor, with the reason, as one removal', () => {
    for (const l of v.lines.slice(0, 22)) {
      expect(l.status, `line ${l.n}`).toBe('removed');
      expect(l.removal).toMatchObject({
        index: 0,
        kind: 'editor',
        label: 'Removed by the editor',
        fromLine: 1,
        toLine: 22,
        first: l.n === 1,
      });
      expect(l.removal!.reason).toMatch(/^The navigation menu of the iom\.int website/u);
    }
  });

  it('marks the title (23) and the press-contact footer (34–38) removed, each with its kind', () => {
    expect(v.lines[22]!.removal).toMatchObject({ kind: 'title', label: 'Removed title', first: true });
    expect(v.lines.slice(33).map((l) => l.removal?.kind)).toEqual(Array(5).fill('contact-footer'));
  });

  it('aligns each kept line (24–33) to its own paragraph, ¶1 to ¶10', () => {
    const kept = v.lines.filter((l) => l.status === 'kept');
    expect(kept.map((l) => l.n)).toEqual(range(24, 33));
    expect(kept.map((l) => l.block)).toEqual(range(1, 10).map((n) => ({ id: `p-${n}`, n, first: true })));
    expect(kept.every((l) => l.marks.length === 0)).toBe(true);
    expect(v.unlocated).toEqual([]);
  });
});

describe('Wu Haitao 2012: two paragraphs rejoined', () => {
  const v = view('2012-11-28-wu-haitao-iom-council');
  const at = (n: number) => v.lines[n - 1]!;

  it('marks the rejoined lines (19, 29), each in the paragraph of the line above the blank line that split it', () => {
    expect(at(17).block).toEqual({ id: 'p-4', n: 4, first: true });
    expect(at(19).block).toEqual({ id: 'p-4', n: 4, first: false });
    expect(at(19).marks).toEqual(['rejoin']);
    expect(at(27).block).toEqual({ id: 'p-8', n: 8, first: true });
    expect(at(29).block).toEqual({ id: 'p-8', n: 8, first: false });
    expect(at(29).marks).toEqual(['rejoin']);
  });

  it('marks the blank lines that split them (18, 28), and no other', () => {
    expect(v.lines.filter((l) => l.marks.includes('split')).map((l) => l.n)).toEqual([18, 28]);
    expect([at(18).status, at(28).status]).toEqual(['blank', 'blank']);
  });

  it('marks the title (5–7, with its <sup>) and the date line (9) removed, and the leading blank lines blank', () => {
    expect(range(5, 7).map((n) => at(n).removal?.kind)).toEqual(['title', 'title', 'title']);
    expect(at(7).marks).toEqual(['inline-html']);
    expect(at(7).tags).toEqual(['sup']);
    expect(at(9).removal?.kind).toBe('date-line');
    expect(range(1, 4).map((n) => at(n).status)).toEqual(['blank', 'blank', 'blank', 'blank']);
  });

  it('aligns the other kept lines to ¶1–¶10 in order', () => {
    const firsts = v.lines.filter((l) => l.block?.first).map((l) => [l.n, l.block!.n]);
    expect(firsts).toEqual([
      [11, 1],
      [13, 2],
      [15, 3],
      [17, 4],
      [21, 5],
      [23, 6],
      [25, 7],
      [27, 8],
      [31, 9],
      [33, 10],
    ]);
    expect(v.unlocated).toEqual([]);
  });
});

describe('every statement of the fixture', () => {
  it.each([...fixture.keys()])(
    '%s: every kept line is in a block, every block has a line, in reading order, and the report’s counts agree',
    (id) => {
      const entry = fixture.get(id)!;
      const v = sourceView(entry);
      const report = entry.metadata.edition;
      expect(v.unlocated).toEqual([]);
      const kept = v.lines.filter((l) => l.status === 'kept');
      expect(kept.every((l) => l.block !== null)).toBe(true);
      // Blocks in reading order, each reached once and first at its first line.
      expect(kept.filter((l) => l.block!.first).map((l) => l.block!.n)).toEqual(entry.blocks.map((b) => b.n));
      const ns = kept.map((l) => l.block!.n);
      expect(ns).toEqual([...ns].sort((a, b) => a - b));
      // Each removal covers its lines; every line joined onto the line above is a line break the report says it undid.
      for (const r of report.removals)
        for (const n of range(r.fromLine, r.toLine)) expect(v.lines[n - 1]!.removal?.fromLine).toBe(r.fromLine);
      const joins = v.lines.filter((l) => l.marks.includes('unwrapped') || l.marks.includes('joined-without-space')).length;
      expect(joins).toBe(report.unwrappedLines);
      expect(v.lines.filter((l) => l.marks.includes('joined-without-space')).map((l) => l.n)).toEqual(
        report.joinedWithoutSpace.map((j) => j.line),
      );
      expect(v.lines.filter((l) => l.marks.includes('rejoin')).map((l) => l.n)).toEqual(report.rejoins.map((r) => r.line));
      // The lines give back the source: joined with its line breaks, the text is the file's.
      expect(v.lines.map((l) => l.text).join('\n')).toBe(sourceLines(entry.source.text).join('\n'));
    },
  );

  it('Swing 2010: its hard-wrapped lines are joined into their paragraphs, and the quotation mark left at a line end joined without a space', () => {
    const v = view('2010-03-02-swing-cbmm-training-beijing');
    const report = fixture.get('2010-03-02-swing-cbmm-training-beijing')!.metadata.edition;
    expect(report.unwrappedLines).toBeGreaterThan(10);
    expect(report.joinedWithoutSpace.length).toBeGreaterThan(0);
    for (const j of report.joinedWithoutSpace) {
      const line = v.lines[j.line - 1]!;
      expect(line.marks).toContain('joined-without-space');
      expect(line.block?.id).toBe(j.block);
    }
  });
});

describe('made-up sources', () => {
  it('keeps a hostile line as text, aligned to its block: no markup is made of it', () => {
    const v = sourceView(
      made(
        'Title\n\n<script>alert(1)</script>\n<img src=x onerror=alert(2)>\n',
        ['<script>alert(1)</script> <img src=x onerror=alert(2)>'],
        {
          removals: [{ fromLine: 1, toLine: 1, kind: 'title', reason: 'title; it is in the metadata', text: ['Title'] }],
        },
      ),
    );
    expect(v.lines.map((l) => l.status)).toEqual(['removed', 'blank', 'kept', 'kept']);
    expect(v.lines[2]!.parts).toEqual([{ text: '<script>alert(1)</script>' }]);
    expect(v.lines[3]!.parts).toEqual([{ text: '<img src=x onerror=alert(2)>' }]);
    expect(v.lines[3]!.block).toEqual({ id: 'p-1', n: 1, first: false });
    expect(v.lines[3]!.marks).toEqual(['unwrapped']);
  });

  it('shows invisible characters and direction controls by their code points, so none can hide or reorder the line', () => {
    expect(lineParts('a\u200Bb\u202Ec\u00ADd')).toEqual([
      { text: 'a' },
      { code: 'U+200B', removed: true },
      { text: 'b' },
      { code: 'U+202E', removed: true },
      { text: 'c' },
      { code: 'U+00AD', removed: false },
      { text: 'd' },
    ]);
    expect(lineParts('')).toEqual([{ text: '' }]);
    const v = sourceView(made('\uFEFFGood\u200B morning.\n', ['Good morning.']));
    expect(v.lines[0]!.block?.id).toBe('p-1');
    expect(v.lines[0]!.marks).toEqual(['invisible']);
  });

  it('compares lines with their whitespace normalized as the normalizer does', () => {
    expect(comparable('  a\u00A0\u00A0b\t c  ')).toBe('a b c');
  });

  it('finds list items without their markers, and a line without the HTML tags the report says were removed', () => {
    const v = sourceView(
      made(
        'Points:\n\n1. First point\n2. Second\npoint\n\nThe 101<sup>st</sup> Session.\n',
        ['Points:', 'First point', 'Second point', 'The 101st Session.'],
        {
          inlineHtml: [{ line: 7, tag: 'sup', text: 'st' }],
        },
      ),
    );
    expect(v.lines.map((l) => l.block?.id ?? null)).toEqual(['p-1', null, 'p-2', 'p-3', 'p-3', null, 'p-4']);
    expect(v.lines[3]!.marks).toEqual([]);
    expect(v.lines[4]!.marks).toEqual(['unwrapped']);
    expect(v.lines[6]!.marks).toEqual(['inline-html']);
    expect(v.unlocated).toEqual([]);
  });

  it('numbers lines as the normalizer does: CR LF, CR and LF each end a line; a final line break starts none', () => {
    expect(sourceLines('a\r\nb\rc\nd\n')).toEqual(['a', 'b', 'c', 'd']);
    expect(sourceLines('a\n\n')).toEqual(['a', '']);
    expect(sourceLines('')).toEqual(['']);
  });

  it('says which kept lines it could not place, rather than guess', () => {
    const v = sourceView(made('Kept.\nChanged beyond recognition.\n', ['Kept.']));
    expect(v.unlocated).toEqual([2]);
    expect(v.lines[1]!.block).toBeNull();
  });
});
