/**
 * The human-edited metadata file beside each source (`content/sources/<name>.yaml`), validated by the normalizer with these `*Input` schemas.
 */
import { z } from 'zod';
import { httpUrl, plainText, sha256, slug, statementType } from './primitives.ts';
import { dateFactInput, factInput } from './facts.ts';

/** An editorial note anchored to an exact quotation in the text, e.g. a [sic]. */
export const editorialNoteInput = z
  .object({
    /** The exact words in the normalized text that the note is about (must occur once). */
    quote: plainText,
    /** The note shown to readers. */
    note: plainText,
  })
  .strict();

/** A theme added or removed by the editor, with the reason shown to readers. */
export const themeOverride = z
  .object({
    /** Theme id from the themes collection. */
    theme: slug,
    /** Why the editor added or removed it. */
    reason: plainText,
  })
  .strict();

/** The human-edited metadata file beside each source (`content/sources/<name>.yaml`). */
export const statementMetaInput = z
  .object({
    /** Readable, unique id used in URLs, e.g. `2012-11-28-wu-haitao-iom-council`. */
    id: slug.refine((v) => !/^\d+$/u.test(v), {
      message: 'must not be only digits: /statements/2/ is the second page of the list of all statements',
    }),
    /** The title of the statement, as the source gives it where it gives one. */
    title: plainText,
    /** The title exactly as written in the source, when it differs from `title` beyond markup. */
    sourceTitle: plainText.optional(),
    /** statement | remarks | speech | press-release. */
    type: statementType,
    /** BCP 47 language tag of the text. */
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en"'),
    /** Speaker id in the speakers collection. */
    speaker: factInput(slug),
    /** The speaker's role at the time. */
    role: factInput(plainText),
    /** Who the speaker speaks for (a government or organization). */
    onBehalfOf: factInput(plainText),
    /** The meeting or occasion. */
    event: factInput(plainText),
    /** Where it was delivered or issued. */
    place: factInput(plainText),
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
  })
  .strict();
export type StatementMetaInput = z.input<typeof statementMetaInput>;
export type StatementMeta = z.output<typeof statementMetaInput>;
