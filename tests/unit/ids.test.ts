import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { assignIds, lcsPairs } from '../../scripts/normalize/steps/7-ids.ts';
import { changeLine, retiredNote, splitNote } from '../../src/edition/id-notes.ts';
import { landingOf, type RetiredId } from '../../src/edition/schemas.ts';
import { countReference, referenceStale } from '../../src/edition/word-reference.ts';
import rehypeBlockLinks from '../../src/markdown/rehype-block-links.ts';
import remarkBlockIds from '../../src/markdown/remark-block-ids.ts';
import rehypeRetiredIds from '../../src/markdown/rehype-retired-ids.ts';

const P = [
  'Mr. President, Director General Swing,',
  'The Chinese delegation has carefully listened to the report of the Director General on the situation of international migration.',
  'Firstly, we should seek to narrow the gaps between the rich and the poor among countries and regions. All countries should include migration into their strategic plans.',
  'Secondly, legal channels for migration should remain open and illegal ones should be shut. A proper balance should be struck.',
  'Thank you, Mr. President.',
];
const lock = { blocks: P.map((text, i) => ({ id: `p-${i + 1}`, text })), nextId: P.length + 1 };

describe('lcsPairs', () => {
  it('pairs equal items in order', () => {
    expect(lcsPairs(['a', 'b', 'c', 'd'], ['a', 'c', 'x', 'd'])).toEqual([
      [0, 0],
      [2, 1],
      [3, 3],
    ]);
  });
});

describe('assignIds: ids for life', () => {
  it('numbers a new statement p-1 … p-n and says it was published', () => {
    expect(assignIds(null, ['a', 'b'])).toEqual({
      ids: ['p-1', 'p-2'],
      nextId: 3,
      changes: [{ kind: 'published', blocks: 2 }],
      retired: [],
    });
  });

  it('keeps every id when nothing changed, and reports nothing', () => {
    expect(assignIds(lock, P)).toEqual({ ids: ['p-1', 'p-2', 'p-3', 'p-4', 'p-5'], nextId: 6, changes: [], retired: [] });
  });

  it('gives an inserted paragraph the next unused id; the later paragraphs keep theirs', () => {
    const texts = [...P.slice(0, 2), 'We also welcome the new Global Compact on migration adopted this year.', ...P.slice(2)];
    const r = assignIds(lock, texts);
    expect(r.ids).toEqual(['p-1', 'p-2', 'p-6', 'p-3', 'p-4', 'p-5']);
    expect(r.changes).toEqual([{ kind: 'inserted', id: 'p-6' }]);
    expect(r.nextId).toBe(7);
  });

  it('keeps the id with the larger part of a split paragraph and records the split', () => {
    const [first, second] = P[2]!.split('. All ');
    const texts = [...P.slice(0, 2), `${first}.`, `All ${second}`, ...P.slice(3)];
    const r = assignIds(lock, texts);
    expect(r.ids).toEqual(['p-1', 'p-2', 'p-3', 'p-6', 'p-4', 'p-5']);
    expect(r.changes).toEqual([{ kind: 'split', id: 'p-3', into: ['p-3', 'p-6'] }]);
    expect(r.retired).toEqual([]);
  });

  it('retires the smaller of two merged paragraphs with a tombstone naming the merged one', () => {
    const texts = [P[0]!, `${P[1]} ${P[2]}`, ...P.slice(3)];
    const r = assignIds(lock, texts);
    expect(r.ids).toEqual(['p-1', 'p-3', 'p-4', 'p-5']);
    expect(r.retired).toEqual([{ id: 'p-2', n: 2, edition: '', change: 'merged', successors: ['p-3'] }]);
    expect(r.changes).toEqual([{ kind: 'merged', ids: ['p-2'], into: 'p-3' }]);
  });

  it('keeps the id of a paragraph with a repaired word', () => {
    const texts = P.map((t, i) => (i === 3 ? t.replace('shut', 'closed') : t));
    const r = assignIds(lock, texts);
    expect(r.ids).toEqual(['p-1', 'p-2', 'p-3', 'p-4', 'p-5']);
    expect(r.changes).toEqual([{ kind: 'edited', id: 'p-4' }]);
  });

  it('gives rewritten text a new id and retires the old one, never moving an id to other text', () => {
    const texts = P.map((t, i) => (i === 1 ? 'Our delegation fully supports every recommendation made in this report today.' : t));
    const r = assignIds(lock, texts);
    expect(r.ids).toEqual(['p-1', 'p-6', 'p-3', 'p-4', 'p-5']);
    expect(r.retired).toEqual([{ id: 'p-2', n: 2, edition: '', change: 'removed', successors: ['p-6'] }]);
    expect(r.changes).toEqual([
      { kind: 'removed', id: 'p-2', successor: 'p-6' },
      { kind: 'inserted', id: 'p-6' },
    ]);
  });

  it('calls a paragraph "replaced" when a rewrite keeps between a quarter and half of its words', () => {
    const texts = P.map((t, i) =>
      i === 1 ? 'The Chinese delegation welcomes the report of the Director General and supports it fully.' : t,
    );
    const r = assignIds(lock, texts);
    expect(r.ids).toEqual(['p-1', 'p-6', 'p-3', 'p-4', 'p-5']);
    expect(r.retired).toEqual([{ id: 'p-2', n: 2, edition: '', change: 'replaced', successors: ['p-6'] }]);
    expect(r.changes).toEqual([{ kind: 'replaced', id: 'p-2', by: ['p-6'] }]);
  });

  it('retires a removed paragraph, naming the paragraph now at its place', () => {
    const texts = [P[0]!, P[1]!, P[3]!, P[4]!];
    const r = assignIds(lock, texts);
    expect(r.ids).toEqual(['p-1', 'p-2', 'p-4', 'p-5']);
    expect(r.retired).toEqual([{ id: 'p-3', n: 3, edition: '', change: 'removed', successors: ['p-4'] }]);
    expect(r.changes).toEqual([{ kind: 'removed', id: 'p-3', successor: 'p-4' }]);
  });

  it('keeps the id of an unchanged paragraph moved elsewhere', () => {
    const texts = [P[0]!, P[2]!, P[1]!, P[3]!, P[4]!];
    const r = assignIds(lock, texts);
    expect(r.ids).toEqual(['p-1', 'p-3', 'p-2', 'p-4', 'p-5']);
    expect(r.changes).toEqual([{ kind: 'moved', id: 'p-2' }]);
  });

  it('never gives an id twice: new ids start at nextId even when higher ids were retired', () => {
    const r = assignIds({ blocks: lock.blocks, nextId: 40 }, [...P, 'A closing word of thanks to all delegations present.']);
    expect(r.ids.at(-1)).toBe('p-40');
    expect(r.nextId).toBe(41);
  });
});

describe('what readers are told', () => {
  const nOf = (id: string) => ({ 'p-2': 2, 'p-6': 7, 'p-12': 8, 'p-11': 6 })[id];

  it('words each kind of tombstone', () => {
    const r = (change: RetiredId['change'], successors: string[]): RetiredId => ({ id: 'p-3', n: 3, edition: '1.1', change, successors });
    expect(retiredNote(r('merged', ['p-2']), nOf)).toBe('¶3 (p-3) of an earlier edition was merged into ¶2 (p-2) in edition 1.1.');
    expect(retiredNote(r('split', ['p-6', 'p-12']), nOf)).toBe(
      '¶3 (p-3) of an earlier edition was split into ¶7 (p-6) and ¶8 (p-12) in edition 1.1.',
    );
    expect(retiredNote(r('replaced', ['p-11']), nOf)).toBe(
      '¶3 (p-3) of an earlier edition was rewritten in edition 1.1; what remains of it is in ¶6 (p-11).',
    );
    expect(retiredNote(r('removed', ['p-6']), nOf)).toBe(
      '¶3 (p-3) of an earlier edition was removed in edition 1.1; the text continues here, at ¶7 (p-6).',
    );
  });

  it('words each change on the changes page', () => {
    expect(changeLine({ kind: 'inserted', id: 'p-11' }, nOf)).toBe('New paragraph ¶6 (p-11).');
    expect(changeLine({ kind: 'split', id: 'p-6', into: ['p-6', 'p-12'] }, nOf)).toBe(
      'p-6 split into ¶7 (p-6) and ¶8 (p-12); p-6 stays with the part that keeps most of its text.',
    );
    expect(changeLine({ kind: 'removed', id: 'p-9', successor: 'p-6' }, nOf)).toBe(
      'p-9 removed; old links land on ¶7 (p-6), at its place.',
    );
    expect(changeLine({ kind: 'metadata', field: 'date', from: 'March 2021 (inferred)', to: '10 March 2021 (stated)' }, nOf)).toBe(
      'date: March 2021 (inferred) → 10 March 2021 (stated).',
    );
    expect(splitNote({ kind: 'split', id: 'p-6', into: ['p-6', 'p-12'] }, '1.1', nOf)).toBe(
      '¶7 (p-6) was split in edition 1.1: its text continues in ¶8 (p-12).',
    );
  });

  it('follows successors to a paragraph still in the text', () => {
    const retired: RetiredId[] = [
      { id: 'p-3', n: 3, edition: '1.1', change: 'merged', successors: ['p-4'] },
      { id: 'p-4', n: 3, edition: '1.2', change: 'removed', successors: ['p-5'] },
    ];
    expect(landingOf('p-3', retired, new Set(['p-5']))).toBe('p-5');
    expect(landingOf('p-3', retired, new Set(['p-1']))).toBeNull();
  });
});

describe('rehype-retired-ids', () => {
  it('puts a note with each retired id into the block it lands on, after the ¶ link, and a note on a split paragraph', async () => {
    const file = new VFile({ value: 'Kept. {#p-1}\n\nMerged text. {#p-2}\n\nSecond part. {#p-4}\n' });
    file.data = {
      astro: {
        frontmatter: {
          retired: [{ id: 'p-3', n: 3, edition: '1.1', change: 'merged', successors: ['p-2'] }],
          history: [{ edition: '1.1', changes: [{ kind: 'split', id: 'p-1', into: ['p-1', 'p-4'] }] }],
        },
      },
    };
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkBlockIds)
        .use(remarkRehype)
        .use(rehypeBlockLinks)
        .use(rehypeRetiredIds)
        .use(rehypeStringify)
        .process(file),
    );
    expect(html).toContain(
      '<p id="p-2" data-block="2"><a class="block-link" href="#p-2" title="Link to paragraph 2">¶2</a><span id="p-3" class="id-note retired-id" role="note">¶3 (p-3) of an earlier edition was merged into ¶2 (p-2) in edition 1.1.</span>Merged text.</p>',
    );
    expect(html).toContain(
      '<span class="id-note split-note" role="note">¶1 (p-1) was split in edition 1.1: its text continues in ¶3 (p-4).</span>Kept.',
    );
  });
});

describe('assignIds: many new paragraphs', () => {
  it('lists new paragraphs in a row as one change', () => {
    const texts = [P[0]!, 'One new paragraph here.', 'Another new paragraph here.', 'A third new one.', ...P.slice(1)];
    const r = assignIds(lock, texts);
    expect(r.ids.slice(0, 4)).toEqual(['p-1', 'p-6', 'p-7', 'p-8']);
    expect(r.changes).toEqual([{ kind: 'inserted', id: 'p-6', through: 'p-8' }]);
  });
});

describe('the word reference', () => {
  it('counts words as the corpus tools do, sorted', () => {
    expect(countReference(['We welcome IOM.', 'IOM helps.'], '1.0')).toEqual({
      edition: '1.0',
      statements: 2,
      words: 5,
      counts: { helps: 1, iom: 2, we: 1, welcome: 1 },
    });
  });

  it('is stale when missing, for a new edition, or when the corpus moved more than 1%', () => {
    const ref = countReference(['one two three'], '1.0');
    expect(referenceStale(null, '1.0', 3)).toBe('there is none yet');
    expect(referenceStale({ ...ref, words: 1000 }, '1.0', 1010)).toBeNull();
    expect(referenceStale({ ...ref, words: 1000 }, '1.0', 1011)).toBe("the corpus has 1,011 words, 1.1% away from the reference's 1,000");
    expect(referenceStale(ref, '1.1', 3)).toBe('edition 1.1 is declared');
  });
});
