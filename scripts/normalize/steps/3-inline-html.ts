/**
 * Inline HTML in a source: formatting tags are removed and their text kept;
 * anything else (a <script>, an <img>) is left as literal text, which the
 * Markdown writer escapes so it can never become live HTML.
 */
import type { Line } from './1-source-text.ts';

/** Tags that only format a few words; their text is all that matters. */
const FORMATTING_TAGS = ['sup', 'sub', 'b', 'i', 'em', 'strong', 'u', 'small', 'span'];

const PAIRED = new RegExp(`<(${FORMATTING_TAGS.join('|')})(?:\\s[^<>]*)?>([^<>]*)</\\1\\s*>`, 'giu');

export interface InlineHtmlRemoval {
  /** Source line. */
  line: number;
  /** The tag name, lower case. */
  tag: string;
  /** The text the tag wrapped, which stays. */
  text: string;
}

/**
 * Unwraps simple formatting tags (`101<sup>st</sup>` → `101st`), repeatedly so
 * nested ones go too, and records each. Tags with attributes are unwrapped the
 * same way; the attributes are dropped with the tag.
 * @example unwrapInlineHtml([{ n: 3, text: '101<sup>st</sup> Session' }]).lines[0].text // => '101st Session'
 */
export function unwrapInlineHtml(lines: Line[]): { lines: Line[]; removed: InlineHtmlRemoval[] } {
  const removed: InlineHtmlRemoval[] = [];
  const out = lines.map((line) => {
    let text = line.text;
    for (;;) {
      const next = text.replace(PAIRED, (_m, tag: string, inner: string) => {
        removed.push({ line: line.n, tag: tag.toLowerCase(), text: inner });
        return inner;
      });
      if (next === text) break;
      text = next;
    }
    return { n: line.n, text };
  });
  return { lines: out, removed };
}
