/**
 * The frontmatter the normalizer writes to `content/statements/<id>.md` (themes with their reasons, the edition report), validated again by the content collections.
 */
import { z } from 'zod';
import { httpUrl, plainText, sha256, slug, statementType } from './primitives.ts';
import { dateFact, fact } from './facts.ts';
import { historyEntry, retiredId } from './ids.ts';

/** Why a theme was assigned to a statement. */
export const themeAssignment = z
  .object({
    /** Theme id. */
    id: slug,
    /** matched (term rule) | added (editor override). */
    how: z.enum(['matched', 'added']),
    /** Terms that matched, with counts (for an added theme, those that fell short of the threshold). */
    terms: z.array(z.object({ term: plainText, count: z.number().int().min(1) }).strict()),
    /** Reader-facing reason. */
    reason: plainText,
  })
  .strict();
export type ThemeAssignment = z.infer<typeof themeAssignment>;

/**
 * Why a stretch of lines was removed. The normalizer's rules remove only lines
 * that look like website chrome (short, no sentence): `navigation` (above the
 * title), `title`, `date-line` and `contact-footer`. `editor`: lines the
 * metadata's `removals` lists, with the editor's reason.
 */
export const removalKind = z.enum(['navigation', 'title', 'date-line', 'contact-footer', 'editor']);
export type RemovalKind = z.infer<typeof removalKind>;

/** A stretch of source lines the edition left out, and why. */
export const removal = z
  .object({
    /** First source line (1-based). */
    fromLine: z.number().int().min(1),
    /** Last source line (1-based, inclusive). */
    toLine: z.number().int().min(1),
    /** What kind of text it was, or `editor` when the metadata's `removals` listed it. */
    kind: removalKind,
    /** Reader-facing reason: the rule's, or for `editor` the reason given in the metadata. */
    reason: plainText,
    /** The removed lines, as in the source (whitespace normalized; blank lines left out). */
    text: z.array(z.string()),
  })
  .strict();
export type Removal = z.infer<typeof removal>;

/** A paragraph split mid-sentence by a blank line that the edition rejoined. */
export const rejoin = z
  .object({
    /** Source line where the second part begins: the line after the blank line(s) that split it. */
    line: z.number().int().min(1),
    /** The block it now belongs to. */
    block: slug,
    /** Last words before the split. */
    before: z.string(),
    /** First words after the split. */
    after: z.string(),
  })
  .strict();
export type Rejoin = z.infer<typeof rejoin>;

/** Everything the edition did to the source text, shown to readers. */
export const editionReport = z
  .object({
    /** How paragraphs were separated in the source. */
    paragraphSeparator: z.enum(['blank-line', 'line-break']),
    /** Lines left out, with reasons, in source order. */
    removals: z.array(removal),
    /** Paragraphs rejoined. */
    rejoins: z.array(rejoin),
    /** Hard line breaks inside paragraphs, headings and list items that were unwrapped. */
    unwrappedLines: z.number().int().min(0),
    /** Line breaks joined without a space (after an opening quote or a hyphen). */
    joinedWithoutSpace: z.array(z.object({ line: z.number().int().min(1), block: slug, text: z.string() }).strict()),
    /** Inline HTML tags removed, keeping their text. */
    inlineHtml: z.array(z.object({ line: z.number().int().min(1), tag: z.string(), text: z.string() }).strict()),
    /** Invisible characters removed (zero-width, byte-order mark, bidi controls), by code point. */
    invisibleCharacters: z.array(z.object({ codePoint: z.string(), count: z.number().int().min(1) }).strict()),
    /** Whitespace repairs. */
    whitespace: z
      .object({
        /** Non-breaking and other special spaces turned into plain spaces. */
        specialSpaces: z.number().int().min(0),
        /** Lines whose trailing whitespace was removed. */
        trailingTrimmed: z.number().int().min(0),
        /** Runs of several spaces collapsed to one. */
        spaceRunsCollapsed: z.number().int().min(0),
        /** Blank lines dropped at the start and end and in runs. */
        blankLinesDropped: z.number().int().min(0),
      })
      .strict(),
    /** Section headings recognised. */
    headings: z.array(z.object({ block: slug, text: z.string() }).strict()),
    /** Lists recognised. */
    lists: z.array(
      z
        .object({
          kind: z.enum(['ordered', 'bullet']),
          /** Number of the first item (ordered lists). */
          start: z.number().int().min(0).nullable(),
          items: z.number().int().min(1),
          /** Block id of the first item. */
          firstBlock: slug,
        })
        .strict(),
    ),
    /** Editorial notes (e.g. [sic]) with the block they are in. */
    notes: z.array(z.object({ block: slug, quote: z.string(), note: z.string() }).strict()),
  })
  .strict();
export type EditionReport = z.infer<typeof editionReport>;

/** Frontmatter of `content/statements/<id>.md`, written by the normalizer. */
export const statementFrontmatter = z
  .object({
    /** Same as the file name. */
    id: slug,
    /** Title. */
    title: plainText,
    /** statement | remarks | speech | press-release. */
    type: statementType,
    /** BCP 47 language tag. */
    language: z.string(),
    /** Speaker id, with status and evidence. */
    speaker: fact(slug),
    /** Role at the time. */
    role: fact(plainText),
    /** Government or organization spoken for. */
    onBehalfOf: fact(plainText),
    /** Meeting or occasion. */
    event: fact(plainText),
    /** Place. */
    place: fact(plainText),
    /** Date with precision. */
    date: dateFact,
    /** Provenance of the raw text. */
    source: z
      .object({
        /** Raw file name in `content/sources/`. */
        file: z.string(),
        /** SHA-256 of the raw bytes. */
        sha256,
        /** Where it was published, or null. */
        url: httpUrl.nullable(),
      })
      .strict(),
    /** Themes with the reason each applies. */
    themes: z.array(themeAssignment).min(1),
    /** Number of blocks (¶1…¶n). */
    blocks: z.number().int().min(1),
    /** Words in the normalized text. */
    words: z.number().int().min(1),
    /** What the edition did. */
    edition: editionReport,
    /** Ids whose blocks are gone, and where old links to them land (from the statement's lock). */
    retired: z.array(retiredId),
    /** What changed in the statement, by edition, oldest first (from its lock). */
    history: z.array(historyEntry).min(1),
  })
  .strict();
export type StatementFrontmatter = z.infer<typeof statementFrontmatter>;
