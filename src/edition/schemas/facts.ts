/**
 * Facts with their status and evidence (stated, inferred, unknown), and dates at their precision: as written in frontmatter, and the looser input a person may write in metadata YAML.
 */
import { z } from 'zod';
import { datePrecision, factStatus, paragraphText, plainText, yearProblem, type DatePrecision, type FactStatus } from './primitives.ts';

/**
 * A fact with its status and evidence, as written in frontmatter.
 * `value` is null exactly when `status` is "unknown"; inferred facts need evidence.
 * `evidence` is the schema of the evidence text (the input schemas cap its length).
 */
export function fact<T extends z.ZodType>(value: T, evidence: z.ZodType<string, string> = plainText) {
  return z
    .object({
      /** The value, or null when not known. */
      value: value.nullable(),
      /** stated (in the source) | inferred (from elsewhere, with evidence) | unknown. */
      status: factStatus,
      /** Where the fact comes from: a quotation from the source or outside evidence. */
      evidence: evidence.nullable(),
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
  return z.preprocess(
    (v) => {
      if (v === null || v === undefined) return { value: null, status: 'unknown', evidence: null };
      if (typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date))
        return { value: null, status: 'stated', evidence: null, ...v };
      return { value: v, status: 'stated', evidence: null };
    },
    fact(value, paragraphText),
  );
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

/**
 * Date input: YAML may give a string, a whole number (an unquoted year) or a
 * JS Date; precision defaults from the string. The year must be plausible
 * (`yearProblem`: 1945 to next year). The YAML reader (scripts/normalize/io/yaml.ts)
 * refuses numbers not written in plain decimal digits, so `0x7DF` or `2015.0`
 * never becomes 2015.
 */
export const dateFactInput = z
  .object({
    value: z.unknown().transform((v, ctx) => {
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
      if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
      ctx.addIssue({
        code: 'custom',
        message: "must be a date written as text, e.g. '2012-11-28' (a number is read only as a whole year)",
      });
      return z.NEVER;
    }),
    precision: datePrecision.optional(),
    status: z.enum(['stated', 'inferred']).default('stated'),
    evidence: paragraphText.nullable().default(null),
  })
  .strict()
  .transform((d) => ({ ...d, precision: d.precision ?? precisionOf(d.value) ?? 'day' }))
  .pipe(dateFact)
  .superRefine((d, ctx) => {
    const problem = yearProblem(Number(d.value.slice(0, 4)));
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });
