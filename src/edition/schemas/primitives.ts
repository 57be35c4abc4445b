/**
 * Building blocks of every schema: slugs, reader-visible text, URLs, hashes, and the enumerations (fact status, statement type, date precision).
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
