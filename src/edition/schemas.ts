/**
 * The one schema module. The normalizer (`scripts/normalize.ts`) validates the
 * human-edited metadata with the `*Input` schemas and writes frontmatter that
 * `src/content.config.ts` validates again with the output schemas below.
 *
 * Loose input is accepted only where it helps a person writing YAML: a fact can
 * be a bare value (meaning "stated in the source") instead of an object.
 */
import { z } from 'zod';

/** A lower-case ASCII slug: letters, digits and single hyphens. */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "wu-haitao"');

/** Text a reader sees: not empty; no control (tab and newline excepted), zero-width or bidi-control characters. */
export const plainText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => !FORBIDDEN_IN_TEXT.test(s), 'contains a control, zero-width or bidi-control character');

// C0/C1 controls (tab and newline excepted), zero-width and bidirectional controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;

/** An absolute http(s) URL; `javascript:`, `data:` and other schemes are refused. */
export const httpUrl = z
  .string()
  .trim()
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'must be an absolute http:// or https:// URL');

/** SHA-256 as 64 lower-case hex digits. */
export const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');

/** Whether a fact is stated in the source, inferred from elsewhere, or unknown. */
export const factStatus = z.enum(['stated', 'inferred', 'unknown']);
export type FactStatus = z.infer<typeof factStatus>;

/** The statement types of the corpus. */
export const statementType = z.enum(['statement', 'remarks', 'speech', 'press-release']);
export type StatementType = z.infer<typeof statementType>;

/** How exact a date is. */
export const datePrecision = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof datePrecision>;

/**
 * A fact with its status and evidence, as written in frontmatter.
 * `value` is null exactly when `status` is "unknown"; inferred facts need evidence.
 */
export function fact<T extends z.ZodType>(value: T) {
  return z
    .object({
      /** The value, or null when not known. */
      value: value.nullable(),
      /** stated (in the source) | inferred (from elsewhere, with evidence) | unknown. */
      status: factStatus,
      /** Where the fact comes from: a quotation from the source or outside evidence. */
      evidence: plainText.nullable(),
    })
    .strict()
    .superRefine((f, ctx) => refineFact(f, ctx));
}

function refineFact(f: { value?: unknown; status: FactStatus; evidence: string | null }, ctx: z.RefinementCtx): void {
  if (f.status === 'unknown' && f.value !== null) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be null when status is "unknown"' });
  }
  if (f.status !== 'unknown' && (f.value === null || f.value === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `is required when status is "${f.status}"` });
  }
  if (f.status === 'inferred' && f.evidence === null) {
    ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'is required when status is "inferred"' });
  }
}

/**
 * Loose input for a fact: a bare value means "stated", `null` means unknown,
 * or the full object with optional status and evidence. The loose forms are
 * turned into the full one first, so errors name the field (`event.value: …`).
 */
export function factInput<T extends z.ZodType>(value: T) {
  return z.preprocess((v) => {
    if (v === null || v === undefined) return { value: null, status: 'unknown', evidence: null };
    if (typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) return { value: null, status: 'stated', evidence: null, ...v };
    return { value: v, status: 'stated', evidence: null };
  }, fact(value));
}

const isoDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when `value` (YYYY, YYYY-MM or YYYY-MM-DD) is a real calendar date. */
export function isRealDate(value: string): boolean {
  const m = isoDate.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= daysInMonth;
}

/** The precision that a YYYY, YYYY-MM or YYYY-MM-DD string has. */
export function precisionOf(value: string): DatePrecision | null {
  const m = isoDate.exec(value);
  if (!m) return null;
  if (m[3] !== undefined) return 'day';
  if (m[2] !== undefined) return 'month';
  return 'year';
}

/** A date as written in frontmatter: ISO text whose length matches its precision. */
export const dateFact = z
  .object({
    /** "2012-11-28", "2021-03" or "2023": only as exact as the precision. */
    value: z.string().refine(isRealDate, 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD'),
    /** day | month | year. */
    precision: datePrecision,
    /** stated | inferred (the date of a statement is never left unknown). */
    status: z.enum(['stated', 'inferred']),
    /** Where the date comes from. */
    evidence: plainText.nullable(),
  })
  .superRefine((d, ctx) => {
    if (isRealDate(d.value) && precisionOf(d.value) !== d.precision) {
      ctx.addIssue({
        code: 'custom',
        path: ['precision'],
        message: `"${d.value}" has ${precisionOf(d.value)} precision, not ${d.precision}`,
      });
    }
    if (d.status === 'inferred' && d.evidence === null) {
      ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'is required when status is "inferred"' });
    }
  });
export type DateFact = z.infer<typeof dateFact>;

/** Date input: YAML may give a string or (unquoted) a JS Date; precision defaults from the string. */
export const dateFactInput = z
  .object({
    value: z.union([z.string(), z.number().transform(String), z.date().transform((d) => d.toISOString().slice(0, 10))]),
    precision: datePrecision.optional(),
    status: z.enum(['stated', 'inferred']).default('stated'),
    evidence: plainText.nullable().default(null),
  })
  .strict()
  .transform((d) => ({ ...d, precision: d.precision ?? precisionOf(d.value) ?? 'day' }))
  .pipe(dateFact);

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

/** A role a speaker held. */
export const speakerRole = z
  .object({
    /** The role, e.g. "Director General, IOM". */
    title: plainText,
    /** First year in the role as far as the corpus shows, or null. */
    from: z.number().int().min(1900).max(2100).nullable().default(null),
    /** Last year in the role as far as the corpus shows, or null. */
    to: z.number().int().min(1900).max(2100).nullable().default(null),
  })
  .strict();

/** An entry of `content/speakers.yaml`. */
export const speakerSchema = z
  .object({
    /** Slug used in URLs and references. */
    id: slug,
    /** Name as usually written. */
    name: plainText,
    /** Name for sorting, e.g. "Swing, William Lacy" or "Wu Haitao" (family name first). */
    sortName: plainText,
    /** Organization or government. */
    affiliation: plainText,
    /** Roles with years; empty when the sources state none. */
    roles: z.array(speakerRole).default([]),
    /** A short note for readers, e.g. "role not stated in the source". */
    note: plainText.nullable().default(null),
  })
  .strict();
export type Speaker = z.output<typeof speakerSchema>;

/** An entry of `content/themes.yaml`. */
export const themeSchema = z
  .object({
    /** Slug used in URLs. */
    id: slug,
    /** Label shown to readers. */
    label: plainText,
    /** One or two sentences on what the theme covers. */
    description: plainText,
    /**
     * Terms whose occurrence assigns the theme: case-insensitive, whole words;
     * a trailing `*` matches any word ending (`traffick*`).
     */
    terms: z
      .array(plainText)
      .min(1, 'needs at least one match term')
      .refine((ts) => new Set(ts.map((t) => t.toLowerCase())).size === ts.length, 'lists a term twice'),
    /** Occurrences of the terms (added up) needed to assign the theme. */
    minMatches: z.number().int().min(1).default(1),
    /** Other names for the theme, for search. */
    aliases: z.array(plainText).default([]),
  })
  .strict();
export type Theme = z.output<typeof themeSchema>;

/** An entry of `content/aliases.yaml`: names that search treats as one. */
export const aliasGroupSchema = z
  .object({
    /** Slug of the group. */
    id: slug,
    /** The names, as readers write them; an unquoted search for one finds them all. */
    names: z
      .array(plainText)
      .min(2, 'needs at least two names')
      .refine((ns) => new Set(ns.map((n) => n.toLowerCase())).size === ns.length, 'lists a name twice'),
  })
  .strict();
export type AliasGroupEntry = z.output<typeof aliasGroupSchema>;

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

/** A stretch of source lines the edition left out, and why. */
export const removal = z
  .object({
    /** First source line (1-based). */
    fromLine: z.number().int().min(1),
    /** Last source line (1-based, inclusive). */
    toLine: z.number().int().min(1),
    /** What kind of text it was. */
    kind: z.enum(['navigation', 'title', 'date-line', 'contact-footer']),
    /** Reader-facing reason. */
    reason: plainText,
    /** The removed lines, as in the source (whitespace normalized). */
    text: z.array(z.string()),
  })
  .strict();
export type Removal = z.infer<typeof removal>;

/** A paragraph split mid-sentence by a blank line that the edition rejoined. */
export const rejoin = z
  .object({
    /** Source line of the blank line that split it. */
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
    /** Lines left out, with reasons. */
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
  })
  .strict();
export type StatementFrontmatter = z.infer<typeof statementFrontmatter>;

/** A block of a statement in the corpus export. */
export const paragraphExport = z
  .object({
    /** `p-7`: the anchor on the statement page. */
    id: slug,
    /** The ¶ number. */
    n: z.number().int().min(1),
    /** paragraph | heading | ordered-item | bullet-item. */
    kind: z.enum(['paragraph', 'heading', 'ordered-item', 'bullet-item']),
    /** For ordered items, the item number; else null. */
    number: z.number().int().nullable(),
    /** The text as the edition gives it. */
    text: z.string(),
  })
  .strict();

/** `/data/corpus.json`: every statement with its metadata, edition report and paragraphs. */
export const corpusExport = z
  .object({
    /** What this file is. */
    name: z.string(),
    /** The site it comes from. */
    url: z.string(),
    /** Statements in date order. */
    statements: z.array(
      statementFrontmatter.extend({
        /** The statement's page. */
        url: z.string(),
        /** Its blocks in reading order. */
        paragraphs: z.array(paragraphExport),
      }),
    ),
    /** The speakers. */
    speakers: z.array(speakerSchema),
    /** The themes with their match terms. */
    themes: z.array(themeSchema),
  })
  .strict();
export type CorpusExport = z.infer<typeof corpusExport>;
