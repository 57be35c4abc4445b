/**
 * Press-contact footers ("For more information, please contact …" followed by a
 * name, an office, a telephone number and an e-mail address) belong to the
 * publisher's page, not to the statement.
 */
import type { Removal } from '../../../src/edition/schemas.ts';
import { addRemoval } from './4-header.ts';
import type { Line } from './1-source-text.ts';

/** How a contact footer begins. */
const FOOTER_START =
  /^(?:for (?:more|further) information\b|for media (?:enquiries|inquiries)\b|media (?:contacts?|enquiries|inquiries)\b|press contacts?\b|contacts?:)/iu;

/** The longest line (in words) that can still be a name, office, phone or e-mail line. */
export const CONTACT_LINE_MAX_WORDS = 12;

/** Signs of contact details, which let a longer opening line count as a footer. */
const CONTACT_MARK = /@|\b(?:tel|phone|mobile|e-?mail|fax)\b/iu;

const wordCount = (text: string): number => text.split(/\s+/u).filter(Boolean).length;

/**
 * Removes a contact footer at the end of the text: a line that begins like one
 * ("For more information, please contact") followed only by short lines.
 * Nothing is removed when prose follows the opening line, or when the opening
 * line is itself long prose without contact details.
 * @example
 * stripContactFooter([{ n: 1, text: 'Text.' }, { n: 2, text: 'For more information, please contact' },
 *   { n: 3, text: 'Jane Doe' }]).lines // => [{ n: 1, text: 'Text.' }]
 */
export function stripContactFooter(lines: Line[]): { lines: Line[]; removals: Removal[] } {
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i]!.text.trim();
    if (FOOTER_START.test(text)) {
      if (wordCount(text) > CONTACT_LINE_MAX_WORDS && !CONTACT_MARK.test(text)) return { lines, removals: [] };
      start = i;
      break;
    }
    if (wordCount(text) > CONTACT_LINE_MAX_WORDS) return { lines, removals: [] };
  }
  if (start === -1) return { lines, removals: [] };
  const removals: Removal[] = [];
  for (const line of lines.slice(start)) {
    if (line.text.trim() === '') continue;
    addRemoval(removals, line, 'contact-footer', 'press-contact footer of the publishing website, not part of the text');
  }
  return { lines: lines.slice(0, start), removals };
}
