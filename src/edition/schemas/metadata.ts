/**
 * The human-edited metadata file beside each source (`content/sources/<name>.yaml`), validated by the normalizer with these `*Input` schemas.
 */
import { z } from 'zod';
import { httpUrl, lineText, paragraphText, sha256, slug, statementType } from './primitives.ts';
import { dateFactInput, factInput } from './facts.ts';

/** An editorial note anchored to an exact quotation in the text, e.g. a [sic]. */
export const editorialNoteInput = z
  .object({
    /** The exact words in the normalized text that the note is about (must occur once). */
    quote: paragraphText,
    /** The note shown to readers. */
    note: paragraphText,
  })
  .strict();

/** A theme added or removed by the editor, with the reason shown to readers. */
export const themeOverride = z
  .object({
    /** Theme id from the themes collection. */
    theme: slug,
    /** Why the editor added or removed it. */
    reason: paragraphText,
  })
  .strict();

/**
 * Source lines the editor leaves out of the edition, with the reason shown to
 * readers: text the normalizer's rules will not remove on their own because it
 * does not look like website chrome (e.g. navigation with long blurbs above the
 * title). Line numbers are 1-based and inclusive; the normalizer checks that
 * they are within the source file.
 */
export const editorRemovalInput = z
  .object({
    /** First source line removed (1-based). */
    from: z.number().int().min(1),
    /** Last source line removed (1-based, inclusive; not before `from`). */
    to: z.number().int().min(1),
    /** Why these lines are not part of the statement (shown to readers). */
    reason: paragraphText,
  })
  .strict()
  .refine((r) => r.to >= r.from, { message: 'must not be before from', path: ['to'] });

/**
 * The editor's removals: no two may share a line.
 * @example editorRemovals.safeParse([{ from: 1, to: 3, reason: 'r' }, { from: 3, to: 4, reason: 'r' }]).success // => false
 */
export const editorRemovals = z.array(editorRemovalInput).superRefine((list, ctx) => {
  const order = list.map((_r, i) => i).sort((a, b) => list[a]!.from - list[b]!.from || a - b);
  let reach = -1; // the entry reaching furthest down among those starting earlier
  for (const i of order) {
    const a = list[i]!;
    const b = reach === -1 ? undefined : list[reach];
    if (b && a.from <= b.to) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'from'],
        message: `lines ${a.from}–${a.to} overlap removals.${reach} (lines ${b.from}–${b.to}); each line may be listed once`,
      });
    }
    if (!b || a.to > b.to) reach = i;
  }
});

/** The human-edited metadata file beside each source (`content/sources/<name>.yaml`). */
export const statementMetaInput = z
  .object({
    /** Readable, unique id used in URLs, e.g. `2012-11-28-wu-haitao-iom-council`; at most 100 characters (`SLUG_MAX`). */
    id: slug.refine((v) => !/^\d+$/u.test(v), {
      message: 'must not be only digits: /statements/2/ is the second page of the list of all statements',
    }),
    /** The title of the statement, as the source gives it where it gives one: one line, at most 300 characters (`LINE_MAX`). */
    title: lineText,
    /** The title exactly as written in the source, when it differs from `title` beyond markup. */
    sourceTitle: lineText.optional(),
    /**
     * Where the source's title line begins (1-based), when the normalizer should not look for it
     * in the first lines on its own; `none` when the source has no title line (nothing is then
     * removed as a title, nor anything above it).
     */
    sourceTitleLine: z.union([z.number().int().min(1), z.literal('none')]).optional(),
    /** statement | remarks | speech | press-release. */
    type: statementType,
    /** BCP 47 language tag of the text. */
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en"'),
    /** Speaker id in the speakers collection. */
    speaker: factInput(slug),
    /** The speaker's role at the time. */
    role: factInput(lineText),
    /** Who the speaker speaks for (a government or organization); it names a page, /on-behalf-of/<slug>/. */
    onBehalfOf: factInput(lineText),
    /** The meeting or occasion. */
    event: factInput(lineText),
    /** Where it was delivered or issued. */
    place: factInput(lineText),
    /** When, with precision and status. */
    date: dateFactInput,
    /** The raw source file. */
    source: z
      .object({
        /** File name in `content/sources/`. */
        file: z.string().regex(/^[A-Za-z0-9._-]+\.txt$/, 'must be a .txt file name without folders'),
        /** SHA-256 of the file's bytes. */
        sha256,
        /** Where the text was published, or null when not recorded. */
        url: httpUrl.nullable(),
      })
      .strict(),
    /** Editor's theme changes on top of the term rules. */
    themes: z
      .object({
        add: z.array(themeOverride).default([]),
        remove: z.array(themeOverride).default([]),
      })
      .strict()
      .default({ add: [], remove: [] }),
    /** Editorial notes such as [sic], anchored to quotations. */
    notes: z.array(editorialNoteInput).default([]),
    /** Source lines the editor leaves out, each range with its reason (see `editorRemovalInput`). */
    removals: editorRemovals.optional(),
  })
  .strict();
export type StatementMetaInput = z.input<typeof statementMetaInput>;
export type StatementMeta = z.output<typeof statementMetaInput>;
