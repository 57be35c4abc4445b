/**
 * Paragraph ids for life: the lock the normalizer keeps per statement
 * (`content/sources/<name>.lock.json`, committed), and the part of it a
 * statement's frontmatter carries (retired ids and the history of id changes
 * by edition), from which the site makes anchors for old links and the
 * changes page. The rules that assign ids are scripts/normalize/steps/7-ids.ts's.
 */
import { z } from 'zod';
import { parseBlockId } from '../block-ids.ts';
import { editionVersion } from './editions.ts';
import { slug } from './primitives.ts';

/** A block id, `p-<k>`. */
export const blockIdSchema = z.string().refine((s) => parseBlockId(s) !== null, 'must be a block id such as p-7');

/** A short content hash (see src/edition/block-hash.ts). */
export const blockHashSchema = z.string().regex(/^[0-9a-f]{12}$/u, 'must be 12 lower-case hex digits');

/** One change to a statement's paragraphs or metadata in an edition. */
export const idChange = z.discriminatedUnion('kind', [
  /** The statement was first published in this edition, with this many blocks (ids p-1 … p-n). */
  z.object({ kind: z.literal('published'), blocks: z.number().int().min(1) }).strict(),
  /** A new block, not made from an earlier one; `through`: the last of a run of new blocks in a row (their ids in a row too). */
  z.object({ kind: z.literal('inserted'), id: blockIdSchema, through: blockIdSchema.optional() }).strict(),
  /** A block whose text changed; it keeps its id. */
  z.object({ kind: z.literal('edited'), id: blockIdSchema }).strict(),
  /** A block whose text is unchanged but whose place in the reading order moved. */
  z.object({ kind: z.literal('moved'), id: blockIdSchema }).strict(),
  /** A block divided into several: `id` stays with the part that keeps most of its text; `into` lists all parts in reading order. */
  z.object({ kind: z.literal('split'), id: blockIdSchema, into: z.array(blockIdSchema).min(2) }).strict(),
  /** Blocks joined into one: `into` is the block that kept its id; `ids` the retired ones now in it. */
  z.object({ kind: z.literal('merged'), ids: z.array(blockIdSchema).min(1), into: blockIdSchema }).strict(),
  /** A block rewritten so that less than half of its words remain: a new id for the new text; `by` holds what remains. */
  z.object({ kind: z.literal('replaced'), id: blockIdSchema, by: z.array(blockIdSchema).min(1) }).strict(),
  /** A block taken out; `successor` is the block now at its place (null if none is left). */
  z.object({ kind: z.literal('removed'), id: blockIdSchema, successor: blockIdSchema.nullable() }).strict(),
  /** A metadata field changed (values as readers see them; null when not recorded). */
  z.object({ kind: z.literal('metadata'), field: z.string().min(1), from: z.string().nullable(), to: z.string().nullable() }).strict(),
]);
export type IdChange = z.infer<typeof idChange>;

/** What changed in one edition. */
export const historyEntry = z.object({ edition: editionVersion, changes: z.array(idChange).min(1) }).strict();
export type HistoryEntry = z.infer<typeof historyEntry>;

/** An id whose block is gone: where an old link to it now lands. */
export const retiredId = z
  .object({
    id: blockIdSchema,
    /** Its ¶ number in the last edition that had it. */
    n: z.number().int().min(1),
    /** The edition that retired it. */
    edition: editionVersion,
    /**
     * merged: its text is now part of `successors[0]`, which kept another id;
     * split: its text is divided among `successors`, none keeping most of it;
     * replaced: rewritten, less than half its words remain, in `successors`;
     * removed: its text is gone, `successors[0]` is at its place.
     */
    change: z.enum(['merged', 'split', 'replaced', 'removed']),
    /** Blocks that hold its text (merged) or follow its place (removed), most of its text first. */
    successors: z.array(blockIdSchema),
  })
  .strict();
export type RetiredId = z.infer<typeof retiredId>;

/** A live block as the lock records it. */
export const lockBlock = z.object({ id: blockIdSchema, hash: blockHashSchema, text: z.string().min(1) }).strict();
export type LockBlock = z.infer<typeof lockBlock>;

/** The lock of one statement. */
export const lockSchema = z
  .object({
    /** The lock format. */
    lock: z.literal(1),
    /** The statement's id. */
    statement: slug,
    /** The next id number to give; every id ever given is below it. */
    nextId: z.number().int().min(2),
    /** The blocks, in reading order. */
    blocks: z.array(lockBlock).min(1),
    /** Ids whose blocks are gone, never given again. */
    retired: z.array(retiredId),
    /** Metadata as last published (field: value as readers see it), to tell what changed. */
    metadata: z.record(z.string(), z.string().nullable()),
    /** What changed, by edition, oldest first. */
    history: z.array(historyEntry).min(1),
  })
  .strict()
  .superRefine((lock, ctx) => {
    const seen = new Map<string, string>();
    const note = (id: string, where: (string | number)[]) => {
      const k = parseBlockId(id)!;
      if (k >= lock.nextId)
        ctx.addIssue({ code: 'custom', path: where, message: `${id} is not below nextId (${lock.nextId}): ids are given in order` });
      const other = seen.get(id);
      if (other) ctx.addIssue({ code: 'custom', path: where, message: `${id} is also ${other}: an id names one block for life` });
      seen.set(id, where.join('.'));
    };
    lock.blocks.forEach((b, i) => note(b.id, ['blocks', i, 'id']));
    lock.retired.forEach((r, i) => note(r.id, ['retired', i, 'id']));
    lock.retired.forEach((r, i) =>
      r.successors.forEach((s, j) => {
        if (!seen.has(s)) ctx.addIssue({ code: 'custom', path: ['retired', i, 'successors', j], message: `${s} is no block of this lock` });
      }),
    );
  });
export type Lock = z.infer<typeof lockSchema>;

/**
 * Where a retired id lands today: follows successors until a live block.
 * Null when no block is left to land on.
 * @example landingOf('p-3', [{ id: 'p-3', n: 3, edition: '1.1', change: 'merged', successors: ['p-2'] }], new Set(['p-2'])) // => 'p-2'
 */
export function landingOf(id: string, retired: readonly RetiredId[], live: ReadonlySet<string>): string | null {
  const byId = new Map(retired.map((r) => [r.id, r]));
  let at: string | undefined = id;
  for (let hops = 0; at !== undefined && hops <= retired.length; hops++) {
    if (live.has(at)) return at;
    at = byId.get(at)?.successors[0];
  }
  return null;
}
