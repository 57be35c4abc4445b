/**
 * Building blocks of every schema: slugs, reader-visible text, URLs, hashes, and the enumerations (fact status, statement type, date precision).
 */
import { z } from 'zod';

/** The longest slug (an id in a URL and a file name: `statements/<id>.md`, `/statements/<id>/`), well inside a file name's 255 bytes. */
export const SLUG_MAX = 100;

/** A lower-case ASCII slug: letters, digits and single hyphens, at most `SLUG_MAX` characters. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "wu-haitao"')
  .max(SLUG_MAX, `must be at most ${SLUG_MAX} characters (it names a file and a URL)`);

/**
 * Characters no text of the edition may hold, by Unicode category, so the list
 * is complete for whatever Unicode version the engine knows:
 * - controls (Cc), tab and line feed excepted where text may run over lines;
 * - format characters (Cf): zero-width spaces and joiners, the byte-order mark,
 *   the soft hyphen, every bidirectional control (U+061C, U+200E/F,
 *   U+202A–E, U+2066–9), the tag characters (U+E0001, U+E0020–7F);
 * - lone surrogates (Cs), which are no character at all;
 * - private-use characters (Co), which mean nothing outside one font;
 * - line and paragraph separators (Zl, Zp), line breaks that are not a newline;
 * - noncharacters (U+FDD0–FDEF, U+xFFFE/F);
 * - the other default-ignorable code points (Hangul fillers, the combining
 *   grapheme joiner…), which render as nothing, variation selectors excepted
 *   (emoji and CJK variants need them);
 * - U+FFFC and U+FFFD, which stand for text lost in an earlier conversion.
 */
const FORBIDDEN = String.raw`[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\p{Noncharacter_Code_Point}\uFFFC\uFFFD]|(?!\p{Variation_Selector})\p{Default_Ignorable_Code_Point}`;

/** Matches a character that text may not hold (tab and newline included: see `textProblem`). */
export const FORBIDDEN_IN_TEXT = new RegExp(FORBIDDEN, 'u');
const FORBIDDEN_GLOBAL = new RegExp(FORBIDDEN, 'gu');

/** What a forbidden character is, for the message: the first class that matches. */
const KINDS: [RegExp, string][] = [
  [/\p{Cc}/u, 'a control character'],
  [/\p{Cs}/u, 'a lone surrogate, half of a UTF-16 pair and no character'],
  [/\p{Bidi_Control}/u, 'a bidirectional control, which can make text read in another order'],
  [/[\p{Zl}\p{Zp}]/u, 'a line or paragraph separator'],
  [/\p{Co}/u, 'a private-use character'],
  [/\p{Noncharacter_Code_Point}/u, 'a noncharacter'],
  [/[\uFFFC\uFFFD]/u, 'a replacement character, which stands for text lost in an earlier conversion'],
  [/[\u{E0000}-\u{E007F}]/u, 'an invisible tag character'],
];

/**
 * U+XXXX and what kind of forbidden character it is.
 * @example describeCharacter(0x202e) // => 'U+202E (a bidirectional control, which can make text read in another order)'
 */
export function describeCharacter(codePoint: number): string {
  const ch = String.fromCodePoint(codePoint);
  const kind = KINDS.find(([re]) => re.test(ch))?.[1] ?? 'an invisible formatting character';
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} (${kind})`;
}

/**
 * Writes every character text may not hold (tab and line feed included) as `\u{…}`, so that a message
 * quoting a value cannot rewrite the terminal or reorder the line.
 * @example escapeForbidden('a\u202Eb') // => 'a\\u{202e}b'
 */
export function escapeForbidden(text: string): string {
  return text.replace(FORBIDDEN_GLOBAL, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/**
 * The one check of every string a contributor writes (titles, facts, evidence,
 * reasons, notes, URLs, speakers, themes, aliases, YAML keys and comments):
 * why `text` cannot be published, or null. `multiline` allows tab and line
 * feed inside the text (evidence, notes, reasons, descriptions); a one-line
 * field (a title, a name, a URL) allows neither once trimmed.
 * @example textProblem('Geneva', { multiline: false }) // => null
 * @example textProblem('a\nb', { multiline: false }) // => 'must be one line (it has a line break at character 2)'
 */
export function textProblem(text: string, { multiline }: { multiline: boolean }): string | null {
  FORBIDDEN_GLOBAL.lastIndex = 0;
  for (let m = FORBIDDEN_GLOBAL.exec(text); m !== null; m = FORBIDDEN_GLOBAL.exec(text)) {
    const c = m[0];
    if (c === '\t' || c === '\n') {
      if (multiline) continue;
      const inner = text.trim();
      if (!inner.includes(c)) continue; // surrounding whitespace is trimmed
      const at = characterIndex(text, text.indexOf(inner) + inner.indexOf(c));
      return c === '\n'
        ? `must be one line (it has a line break at character ${at})`
        : `must be one line (it has a tab at character ${at}; write a space)`;
    }
    return `contains a control, zero-width or bidi-control character: ${describeCharacter(c.codePointAt(0)!)} at character ${characterIndex(text, m.index)}`;
  }
  return null;
}

/** The 1-based position in characters (code points) of a UTF-16 offset. */
function characterIndex(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < offset) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const checkText = (multiline: boolean) => (s: string, ctx: z.RefinementCtx) => {
  const problem = textProblem(s, { multiline });
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

/** The longest one-line text (a title, a name, a fact): a title longer than this is a paragraph, and every list shows titles. */
export const LINE_MAX = 300;

/** The longest multi-line text (evidence, a reason, a note, a description): about a page. */
export const PARAGRAPH_MAX = 5000;

const tooLong = (max: number) => `must be at most ${max.toLocaleString('en')} characters`;

/**
 * Text a reader sees, as the normalizer writes it: trimmed, not empty, tabs
 * and line breaks allowed, nothing `textProblem` refuses. No length limit
 * (the input schemas below have theirs).
 */
export const plainText = z.string().superRefine(checkText(true)).trim().min(1, 'must not be empty');

/** One line a contributor writes (a title, a name, a fact's value): as `plainText`, on one line, at most `LINE_MAX` characters. */
export const lineText = z.string().superRefine(checkText(false)).trim().min(1, 'must not be empty').max(LINE_MAX, tooLong(LINE_MAX));

/** Text a contributor writes over lines (evidence, a reason, a note): as `plainText`, at most `PARAGRAPH_MAX` characters. */
export const paragraphText = plainText.max(PARAGRAPH_MAX, tooLong(PARAGRAPH_MAX));

/** The longest URL: what every browser, server and search engine handles. */
export const URL_MAX = 2000;

/**
 * Why `url` is not an acceptable link to a source, or null: http(s) only, with
 * a host, no user name or password, no whitespace, controls or invisible
 * characters, at most `URL_MAX` characters. Surrounding spaces are allowed (trimmed).
 * @example urlProblem('https://user:pw@example.org/') // => 'must not contain a user name or password (…@)'
 */
export function urlProblem(url: string): string | null {
  const s = url.replace(/^ +| +$/gu, '');
  if (s.length > URL_MAX) return `${tooLong(URL_MAX)} (it has ${s.length.toLocaleString('en')})`;
  const chars = textProblem(s, { multiline: false });
  if (chars) return chars;
  if (/[\s\p{Z}]/u.test(s)) return 'must not contain spaces or other whitespace (write %20)';
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return 'must be an absolute http:// or https:// URL';
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname.length === 0) return 'must be an absolute http:// or https:// URL';
  if (u.username !== '' || u.password !== '') return 'must not contain a user name or password (…@)';
  return null;
}

/** An absolute http(s) URL (see `urlProblem`); `javascript:`, `data:` and other schemes are refused. */
export const httpUrl = z
  .string()
  .superRefine((s, ctx) => {
    const problem = urlProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .trim();

/**
 * The earliest year a statement or a role may carry: 1945, when the United
 * Nations was founded (IOM's forerunner followed in 1951). Nothing this edition
 * gathers is older; a year such as 0000 or 0201 is a typo.
 */
export const FIRST_YEAR = 1945;

/**
 * The latest year a statement or a role may carry: next year, since a statement
 * may be dated ahead (prepared for a meeting early in the new year, or dated in
 * a time zone where the year has turned). A later year (9999) is a typo.
 */
export function lastYear(now: Date = new Date()): number {
  return now.getUTCFullYear() + 1;
}

/**
 * Why `year` is not a plausible year for the edition, or null.
 * @example yearProblem(9999, new Date('2026-06-01')) // => 'year 9999 is outside 1945–2027 (from the founding of the United Nations to next year)'
 */
export function yearProblem(year: number, now: Date = new Date()): string | null {
  if (Number.isInteger(year) && year >= FIRST_YEAR && year <= lastYear(now)) return null;
  return `year ${String(year).padStart(4, '0')} is outside ${FIRST_YEAR}–${lastYear(now)} (from the founding of the United Nations to next year)`;
}

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
