/**
 * The data collections: `content/speakers.yaml`, `content/themes.yaml`, `content/aliases.yaml`.
 */
import { z } from 'zod';
import { lineText, paragraphText, slug, yearProblem } from './primitives.ts';

/** A year of a role: a whole number from 1945 to next year (see `yearProblem`). */
const roleYear = z
  .number()
  .int('must be a whole year such as 2012')
  .superRefine((y, ctx) => {
    const problem = yearProblem(y);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .nullable()
  .default(null);

/** A role a speaker held. */
export const speakerRole = z
  .object({
    /** The role, e.g. "Director General, IOM". */
    title: lineText,
    /** First year in the role as far as the corpus shows, or null. */
    from: roleYear,
    /** Last year in the role as far as the corpus shows, or null (not before `from`). */
    to: roleYear,
  })
  .strict()
  .refine((r) => r.from === null || r.to === null || r.from <= r.to, { message: 'must not be before from', path: ['to'] });

/** An entry of `content/speakers.yaml`. */
export const speakerSchema = z
  .object({
    /** Slug used in URLs and references. */
    id: slug,
    /** Name as usually written. */
    name: lineText,
    /** Name for sorting, e.g. "Swing, William Lacy" or "Wu Haitao" (family name first). */
    sortName: lineText,
    /** Organization or government. */
    affiliation: lineText,
    /** Roles with years; empty when the sources state none. */
    roles: z.array(speakerRole).default([]),
    /** A short note for readers, e.g. "role not stated in the source". */
    note: paragraphText.nullable().default(null),
  })
  .strict();
export type Speaker = z.output<typeof speakerSchema>;

/** An entry of `content/themes.yaml`. */
export const themeSchema = z
  .object({
    /** Slug used in URLs. */
    id: slug,
    /** Label shown to readers. */
    label: lineText,
    /** One or two sentences on what the theme covers. */
    description: paragraphText,
    /**
     * Terms whose occurrence assigns the theme: case-insensitive, whole words;
     * a trailing `*` matches any word ending (`traffick*`).
     */
    terms: z
      .array(lineText)
      .min(1, 'needs at least one match term')
      .refine((ts) => new Set(ts.map((t) => t.toLowerCase())).size === ts.length, 'lists a term twice'),
    /** Occurrences of the terms (added up) needed to assign the theme. */
    minMatches: z.number().int().min(1).default(1),
    /** Other names for the theme, for search. */
    aliases: z.array(lineText).default([]),
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
      .array(lineText)
      .min(2, 'needs at least two names')
      .refine((ns) => new Set(ns.map((n) => n.toLowerCase())).size === ns.length, 'lists a name twice'),
  })
  .strict();
export type AliasGroupEntry = z.output<typeof aliasGroupSchema>;
