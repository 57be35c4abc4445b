/**
 * The editions of the corpus: `content/editions.yaml`, oldest first; the last
 * entry is the current edition. The version is the one place an edition is
 * named: every page shows it, every citation and export carries it, and the
 * normalizer files the changes it makes to paragraph ids under it.
 */
import { z } from 'zod';
import { paragraphText } from './primitives.ts';

/** An edition version: major.minor, e.g. "1.0", "1.1", "2.0". */
export const editionVersion = z.string().regex(/^(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})$/u, 'must be a version such as 1.0 or 1.12');

/**
 * The numbers of an edition version, to compare two.
 * @example versionParts('1.12') // => [1, 12]
 */
export function versionParts(version: string): [number, number] {
  const [major, minor] = version.split('.').map(Number);
  return [major ?? 0, minor ?? 0];
}

/** A calendar day, YYYY-MM-DD (a YAML date, which js-yaml may hand over as a Date, is taken as its UTC day). */
const day = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/u, 'must be a date YYYY-MM-DD')
    .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a calendar date'),
);

/** An entry of `content/editions.yaml`. */
export const editionSchema = z
  .object({
    /** The version readers cite, e.g. "1.1". */
    version: editionVersion,
    /** The day it was published. */
    date: day,
    /** What the edition is, in a sentence or two, for the changes page. */
    summary: paragraphText,
  })
  .strict();
export type Edition = z.output<typeof editionSchema>;

/** The whole file: at least one edition, versions rising, dates not going back. */
export const editionsSchema = z
  .array(editionSchema)
  .min(1, 'must list at least one edition')
  .superRefine((list, ctx) => {
    list.forEach((e, i) => {
      if (i === 0) return;
      const prev = list[i - 1]!;
      const [a, b] = [versionParts(prev.version), versionParts(e.version)];
      if (b[0] < a[0] || (b[0] === a[0] && b[1] <= a[1])) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'version'],
          message: `must come after ${prev.version}: list editions oldest first, each version once`,
        });
      }
      if (e.date < prev.date)
        ctx.addIssue({ code: 'custom', path: [i, 'date'], message: `must not be before ${prev.date}, the date of ${prev.version}` });
    });
  });

/** The current edition: the last listed. */
export function currentEdition(editions: readonly Edition[]): Edition {
  const last = editions.at(-1);
  if (!last) throw new Error('editions.yaml lists no edition');
  return last;
}
