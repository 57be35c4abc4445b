import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../scripts/normalize/io/inputs.ts';
import { idContextOf, normalizeSource } from '../../scripts/normalize/pipeline.ts';
import { mulberry32, syntheticCorpus } from '../../scripts/dev/synthetic/corpus.ts';
import { copyContent, removeDir } from '../helpers/content.ts';
import { rmSync } from 'node:fs';

const vocab = ['migration', 'cooperation', 'countries', 'the', 'and', 'of', 'development', 'rights', 'people', 'border'];
const themes = [
  { id: 'global-compact', terms: ['Global Compact', 'GCM'] },
  { id: 'trafficking-and-smuggling', terms: ['traffick*', 'smuggl*'] },
];
const options = { count: 12, bytes: 1500, speakers: 5, years: [1994, 2023] as [number, number], seed: 7, artifacts: 1 };

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect(mulberry32(43)()).not.toBe(seqA[0]);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('syntheticCorpus', () => {
  it('is deterministic and writes a source and a metadata file per statement, and the speakers', () => {
    const a = syntheticCorpus(options, vocab, themes);
    expect(syntheticCorpus(options, vocab, themes)).toEqual(a);
    expect([...a.keys()].filter((k) => k.endsWith('.txt'))).toHaveLength(12);
    expect([...a.keys()].filter((k) => k.endsWith('.yaml'))).toHaveLength(13);
    expect(a.get('speakers.yaml')).toMatch(/^- id: speaker-0001\n/u);
  });

  it('produces sources the normalizer takes, with the artifacts it undoes', () => {
    const dir = copyContent();
    try {
      rmSync(join(dir, 'sources'), { recursive: true });
      for (const [path, text] of syntheticCorpus(options, vocab, themes)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const { content, problems } = loadContent(dir);
      expect(problems).toEqual([]);
      const out = content.sources.map((s) => normalizeSource(s.bytes, s.meta, content.themes, s.file, idContextOf(content, s)));
      expect(out).toHaveLength(12);
      for (const o of out) {
        const e = o.frontmatter.edition;
        expect(e.removals.map((r) => r.kind)).toEqual(['navigation', 'date-line', 'title', 'contact-footer']);
        expect(e.rejoins).toHaveLength(1);
        expect(e.headings).toHaveLength(1);
        expect(e.lists).toEqual([expect.objectContaining({ kind: 'bullet', items: 3 })]);
        expect(e.unwrappedLines).toBeGreaterThan(0);
        expect(o.frontmatter.themes.length).toBeGreaterThanOrEqual(2);
      }
    } finally {
      removeDir(dir);
    }
  });
});
