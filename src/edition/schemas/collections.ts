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

/**
 * The sort name that `family` and `given` imply for a speaker called `name`:
 * "Family Given" when the name is written family name first (Chinese names:
 * "Wu Haitao"), else "Family, Given".
 * @example expectedSortName({ name: 'Wu Haitao', family: 'Wu', given: 'Haitao' }) // => 'Wu Haitao'
 * @example expectedSortName({ name: 'William Lacy Swing', family: 'Swing', given: 'William Lacy' }) // => 'Swing, William Lacy'
 */
export function expectedSortName({ name, family, given }: { name: string; family: string; given: string }): string {
  return name.startsWith(`${family} `) ? `${family} ${given}` : `${family}, ${given}`;
}

/** An entry of `content/speakers.yaml`. */
export const speakerSchema = z
  .object({
    /** Slug used in URLs and references. */
    id: slug,
    /** Name as usually written. */
    name: lineText,
    /**
     * Family name, as citations invert it: "Swing", and "Wu" for Wu Haitao
     * (Chinese names are written family name first). Reference managers read
     * an author as "Family, Given", so this is what they file the speaker under.
     */
    family: lineText,
    /** Given name(s): "William Lacy", "Haitao". */
    given: lineText,
    /**
     * Name for sorting: "Family, Given" ("Swing, William Lacy"), or "Family
     * Given" when the name is written family name first ("Wu Haitao"). It must
     * agree with `family` and `given` (see `expectedSortName`).
     */
    sortName: lineText,
    /** Organization or government. */
    affiliation: lineText,
    /** Roles with years; empty when the sources state none. */
    roles: z.array(speakerRole).default([]),
    /** A short note for readers, e.g. "role not stated in the source". */
    note: paragraphText.nullable().default(null),
  })
  .strict()
  .superRefine((s, ctx) => {
    // Only names that are themselves acceptable are compared (their own issues are reported already).
    if (![s.name, s.family, s.given, s.sortName].every((t) => lineText.safeParse(t).success)) return;
    if (!` ${s.name} `.includes(` ${s.family} `)) {
      ctx.addIssue({ code: 'custom', path: ['family'], message: `must be part of the name "${s.name}"` });
      return;
    }
    const sortName = expectedSortName(s);
    if (s.sortName !== sortName) {
      ctx.addIssue({
        code: 'custom',
        path: ['sortName'],
        message: `must be "${sortName}", from family "${s.family}" and given "${s.given}"`,
      });
    }
  });
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
