/**
 * Step 7: paragraph ids for life. Gives each block of the new text an id,
 * from the statement's lock (the blocks as last published, with their ids):
 *
 * - a block whose text is unchanged keeps its id (blocks are aligned in
 *   reading order first; an unchanged block found elsewhere has "moved");
 * - between unchanged blocks, words are aligned (longest common subsequence):
 *   an old block's id passes to the new block that holds most of its words,
 *   provided that is at least half of them and no other old block gives that
 *   new block more ("edited" if its text changed);
 * - a new block made mostly (at least half its words) of an old block's
 *   words is a part of that block ("split"), otherwise it is "inserted"; both
 *   get the next unused id;
 * - an old block whose id passed to no block is retired, never given again,
 *   with a tombstone naming its successors: the new blocks holding at least a
 *   quarter of its words (at most `MAX_SUCCESSORS`, most of its text first) ("merged" into a block that kept another id, "split"
 *   among several, "replaced" when rewritten), or, when none does, the block
 *   now at its place ("removed").
 *
 * Pure: the lock comes in, the ids, the changes and the new tombstones go out.
 */
import { blockId, parseBlockId } from '../../../src/edition/block-ids.ts';
import { blockHash } from '../../../src/edition/block-hash.ts';
import { formatDate } from '../../../src/edition/dates.ts';
import type { IdChange, Lock, RetiredId, StatementMeta } from '../../../src/edition/schemas.ts';

/** A block as the lock has it: id and text, in reading order. */
export interface LockedBlock {
  id: string;
  text: string;
}

/** What `assignIds` gives. */
export interface IdAssignment {
  /** One id per new block, in reading order. */
  ids: string[];
  /** The next id number to give after these. */
  nextId: number;
  /** What changed, in reading order of the new text (empty when nothing did). */
  changes: IdChange[];
  /** Ids retired now. */
  retired: RetiredId[];
}

/** The most successors a tombstone names (those holding most of its text): enough to find it, however it was cut up. */
export const MAX_SUCCESSORS = 5;

/** The largest word alignment computed in one table (cells); a larger gap is aligned block by block, near the diagonal. */
const LCS_MAX_CELLS = 16_000_000;

/** In a gap too large for one table, how many new blocks either side of an old block's proportional place it is compared with. */
const NEAR = 4;

const words = (text: string): string[] => text.split(/\s+/u).filter(Boolean);

/**
 * Pairs of equal items in order (a longest common subsequence), as index pairs.
 * @example lcsPairs(['a', 'b', 'c'], ['a', 'x', 'c']) // => [[0, 0], [2, 2]]
 */
export function lcsPairs<T>(a: readonly T[], b: readonly T[]): [number, number][] {
  const m = b.length + 1;
  const table = new Uint32Array((a.length + 1) * m);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * m + j] = a[i] === b[j] ? table[(i + 1) * m + j + 1]! + 1 : Math.max(table[(i + 1) * m + j]!, table[i * m + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[(i + 1) * m + j]! >= table[i * m + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Words shared by old and new blocks, sparse: old → new → count. */
type Shared = Map<number, Map<number, number>>;

function add(shared: Shared, o: number, n: number, count: number): void {
  if (count === 0) return;
  let row = shared.get(o);
  if (!row) shared.set(o, (row = new Map()));
  row.set(n, (row.get(n) ?? 0) + count);
}

/**
 * How many words each old block shares with each new block, by aligning the
 * words of the old blocks with those of the new in order. A gap too large
 * for one table (a wholesale rewrite of a long text) is aligned block by
 * block, each old block with the new blocks near its proportional place.
 */
function sharedWords(oldTexts: string[], newTexts: string[]): Shared {
  const shared: Shared = new Map();
  const oldWords = oldTexts.flatMap((t, o) => words(t).map((w) => [w, o] as const));
  const newWords = newTexts.flatMap((t, n) => words(t).map((w) => [w, n] as const));
  if (oldWords.length * newWords.length <= LCS_MAX_CELLS) {
    const pairs = lcsPairs(
      oldWords.map(([w]) => w),
      newWords.map(([w]) => w),
    );
    for (const [i, j] of pairs) add(shared, oldWords[i]![1], newWords[j]![1], 1);
    return shared;
  }
  oldTexts.forEach((t, o) => {
    const a = words(t);
    const centre = Math.floor(((o + 0.5) * newTexts.length) / oldTexts.length);
    for (let n = Math.max(0, centre - NEAR); n <= Math.min(newTexts.length - 1, centre + NEAR); n++) {
      const b = words(newTexts[n]!);
      if (a.length * b.length <= LCS_MAX_CELLS) add(shared, o, n, lcsPairs(a, b).length);
    }
  });
  return shared;
}

/**
 * Assigns ids to the blocks of a statement's new text. Without a lock (a new
 * statement) the blocks get p-1 … p-n in reading order.
 * @example assignIds(null, ['Hello.', 'Thank you.']).ids // => ['p-1', 'p-2']
 * @example assignIds({ blocks: [{ id: 'p-1', text: 'A b c.' }, { id: 'p-2', text: 'D e.' }], nextId: 3 }, ['New.', 'A b c.', 'D e.']).ids
 * // => ['p-3', 'p-1', 'p-2']
 */
export function assignIds(locked: { blocks: readonly LockedBlock[]; nextId: number } | null, texts: readonly string[]): IdAssignment {
  if (locked === null) {
    return {
      ids: texts.map((_t, i) => blockId(i + 1)),
      nextId: texts.length + 1,
      changes: [{ kind: 'published', blocks: texts.length }],
      retired: [],
    };
  }
  const old = locked.blocks;
  const ids: (string | null)[] = texts.map(() => null);
  const oldTaken: boolean[] = old.map(() => false);
  const moved = new Set<number>();

  // Unchanged blocks, in order.
  const anchors = lcsPairs(
    old.map((b) => b.text),
    texts,
  );
  for (const [o, n] of anchors) {
    ids[n] = old[o]!.id;
    oldTaken[o] = true;
  }
  // Unchanged blocks found out of order.
  for (let n = 0; n < texts.length; n++) {
    if (ids[n] !== null) continue;
    const o = old.findIndex((b, i) => !oldTaken[i] && b.text === texts[n]);
    if (o === -1) continue;
    ids[n] = old[o]!.id;
    oldTaken[o] = true;
    moved.add(n);
  }

  const oldLeft = old.map((_b, i) => i).filter((i) => !oldTaken[i]);
  const newLeft = texts.map((_t, i) => i).filter((i) => ids[i] === null);
  const shared = sharedWords(
    oldLeft.map((o) => old[o]!.text),
    newLeft.map((n) => texts[n]!),
  );
  const oldSize = oldLeft.map((o) => words(old[o]!.text).length);
  const newSize = newLeft.map((n) => words(texts[n]!).length);

  // An old block's id passes to the new block holding most of its words, if at least half.
  const sh = (a: number, b: number): number => shared.get(a)?.get(b) ?? 0;
  const pairs = [...shared].flatMap(([a, row]) => [...row].map(([b, s]) => [a, b, s] as const));
  pairs.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  const keptBy = new Map<number, number>(); // new (index in newLeft) → old (index in oldLeft)
  const keptOld = new Set<number>();
  for (const [a, b, s] of pairs) {
    if (keptOld.has(a) || keptBy.has(b) || s * 2 < oldSize[a]!) continue;
    keptBy.set(b, a);
    keptOld.add(a);
    ids[newLeft[b]!] = old[oldLeft[a]!]!.id;
  }

  // New ids, in reading order.
  let next = locked.nextId;
  const mainSource = new Map<number, number>(); // new (index in newLeft) → old (index in oldLeft) it was mostly made of
  newLeft.forEach((n, b) => {
    if (keptBy.has(b)) return;
    ids[n] = blockId(next++);
    let best = -1;
    for (const [a, row] of shared) {
      const s = row.get(b) ?? 0;
      if (s > 0 && (best === -1 || s > sh(best, b) || (s === sh(best, b) && a < best))) best = a;
    }
    if (best !== -1 && sh(best, b) * 2 >= newSize[b]!) mainSource.set(b, best);
  });
  const finalIds = ids as string[];

  // Which new blocks were made mostly of which old block.
  const partsOf = new Map<number, number[]>(); // old (index in oldLeft) → new positions made of it, its own first if it kept its id
  for (const [b, a] of keptBy) partsOf.set(a, [newLeft[b]!]);
  for (const [b, a] of mainSource) partsOf.set(a, [...(partsOf.get(a) ?? []), newLeft[b]!]);

  // Tombstones for the ids that passed to no block.
  const retired: RetiredId[] = [];
  const at: [number, IdChange][] = []; // each change at the new position it concerns
  const explained = new Set<number>(); // new positions a change already accounts for
  oldLeft.forEach((o, a) => {
    if (keptOld.has(a)) return;
    const id = old[o]!.id;
    const parts = partsOf.get(a) ?? [];
    const holders = [...(shared.get(a) ?? [])]
      .map(([b, s]) => ({ n: newLeft[b]!, b, s }))
      .filter((h) => h.s > 0 && (h.s * 4 >= oldSize[a]! || parts.includes(h.n)))
      .sort((x, y) => y.s - x.s || x.n - y.n)
      .slice(0, MAX_SUCCESSORS);
    if (holders.length === 0) {
      const place = placeOf(o, finalIds, anchors);
      retired.push({ id, n: o + 1, edition: '', change: 'removed', successors: place === null ? [] : [finalIds[place]!] });
      at.push([place ?? texts.length, { kind: 'removed', id, successor: place === null ? null : finalIds[place]! }]);
      return;
    }
    const main = holders[0]!;
    const successors = holders.map((h) => finalIds[h.n]!);
    if (keptBy.has(main.b)) {
      retired.push({ id, n: o + 1, edition: '', change: 'merged', successors });
    } else if (parts.length >= 2) {
      retired.push({ id, n: o + 1, edition: '', change: 'split', successors });
    } else {
      retired.push({ id, n: o + 1, edition: '', change: 'replaced', successors });
      at.push([main.n, { kind: 'replaced', id, by: successors }]);
      for (const h of holders) if (!keptBy.has(h.b)) explained.add(h.n);
    }
  });

  // Merges, listed at the block that kept its id.
  const merges = new Map<number, string[]>();
  for (const r of retired) {
    if (r.change !== 'merged') continue;
    const pos = finalIds.indexOf(r.successors[0]!);
    merges.set(pos, [...(merges.get(pos) ?? []), r.id]);
  }
  for (const [pos, merged] of merges) {
    at.push([pos, { kind: 'merged', ids: merged, into: finalIds[pos]! }]);
    explained.add(pos);
  }
  // Splits, listed at their first part.
  for (const [a, positions] of partsOf) {
    if (positions.length < 2) continue;
    const sorted = [...positions].sort((x, y) => x - y);
    at.push([sorted[0]!, { kind: 'split', id: old[oldLeft[a]!]!.id, into: sorted.map((p) => finalIds[p]!) }]);
    for (const p of sorted) explained.add(p);
  }
  // Edited, inserted and moved blocks.
  newLeft.forEach((n, b) => {
    const a = keptBy.get(b);
    if (a !== undefined && texts[n] !== old[oldLeft[a]!]!.text && !explained.has(n)) at.push([n, { kind: 'edited', id: finalIds[n]! }]);
    else if (a === undefined && !explained.has(n)) at.push([n, { kind: 'inserted', id: finalIds[n]! }]);
  });
  for (const n of moved) at.push([n, { kind: 'moved', id: finalIds[n]! }]);
  at.sort((x, y) => x[0] - y[0]);
  // New blocks in a row are one change (a whole new text is one line, not thousands).
  const changes: IdChange[] = [];
  let last: { pos: number; change: Extract<IdChange, { kind: 'inserted' }> } | null = null;
  for (const [pos, c] of at) {
    if (c.kind === 'inserted' && last !== null && pos === last.pos + 1) {
      last.change.through = c.id;
      last.pos = pos;
      continue;
    }
    changes.push(c);
    last = c.kind === 'inserted' ? { pos, change: c } : null;
  }
  return { ids: finalIds, nextId: next, changes, retired };
}

/**
 * The new block now at the place of a removed old block: the first new block
 * after the last unchanged block before it, or, at the end, the last block.
 */
function placeOf(o: number, ids: readonly string[], anchors: readonly [number, number][]): number | null {
  if (ids.length === 0) return null;
  const before = anchors.filter(([a]) => a < o).at(-1);
  const pos = before ? before[1] + 1 : 0;
  return pos < ids.length ? pos : ids.length - 1;
}

/** The highest id number a lock has given. */
export function highestId(ids: readonly string[]): number {
  return ids.reduce((m, id) => Math.max(m, parseBlockId(id) ?? 0), 0);
}

/**
 * The metadata a lock keeps, to tell readers what changed between editions:
 * each field as readers see it (null when not recorded), with its status.
 * @example metadataSnapshot(wu2012).date // => '28 November 2012 (stated)'
 */
export function metadataSnapshot(meta: StatementMeta, speakerName: (id: string) => string): Record<string, string | null> {
  const fact = (f: { value: string | null; status: string }, show: (v: string) => string = (v) => v) =>
    f.value === null ? null : `${show(f.value)} (${f.status})`;
  return {
    title: meta.title,
    type: meta.type,
    language: meta.language,
    speaker: fact(meta.speaker, speakerName),
    role: fact(meta.role),
    onBehalfOf: fact(meta.onBehalfOf),
    event: fact(meta.event),
    place: fact(meta.place),
    date: `${formatDate(meta.date)} (${meta.date.status})`,
    sourceUrl: meta.source.url,
  };
}

/** What a statement had before this run: its lock, or, for a statement without one, the blocks its published Markdown has. */
export type Previous = { lock: Lock } | { published: LockedBlock[] } | null;

/**
 * The statement's lock after this run: the new blocks with their ids and
 * hashes, every retired id kept, the metadata, and this run's changes filed
 * under `edition` (added to its entry if the lock already has one); and this
 * run's changes, metadata included.
 */
export function nextLock(
  previous: Previous,
  statement: string,
  blocks: readonly { id: string; text: string }[],
  assignment: IdAssignment,
  metadata: Record<string, string | null>,
  edition: string,
): { lock: Lock; changes: IdChange[] } {
  const before = previous !== null && 'lock' in previous ? previous.lock : null;
  const metaChanges: IdChange[] = before
    ? Object.keys({ ...before.metadata, ...metadata })
        .filter((k) => (before.metadata[k] ?? null) !== (metadata[k] ?? null))
        .map((field) => ({ kind: 'metadata', field, from: before.metadata[field] ?? null, to: metadata[field] ?? null }))
    : [];
  const changes: IdChange[] = before
    ? [...assignment.changes, ...metaChanges]
    : [{ kind: 'published', blocks: blocks.length }, ...assignment.changes.filter((c) => c.kind !== 'published')];
  const history = before ? [...before.history] : [];
  if (changes.length > 0) {
    const last = history.at(-1);
    if (last?.edition === edition) history[history.length - 1] = { edition, changes: [...last.changes, ...changes] };
    else history.push({ edition, changes });
  }
  const lock: Lock = {
    lock: 1,
    statement,
    nextId: assignment.nextId,
    blocks: blocks.map((b) => ({ id: b.id, hash: blockHash(b.text), text: b.text })),
    retired: [...(before?.retired ?? []), ...assignment.retired.map((r) => ({ ...r, edition }))],
    metadata,
    history,
  };
  return { lock, changes };
}
