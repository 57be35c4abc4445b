/**
 * Press-contact footers ("For more information, please contact …" followed by a
 * name, an office, a telephone number and an e-mail address) belong to the
 * publisher's page, not to the statement.
 */
import type { Removal } from '../../../src/edition/schemas.ts';
import { addRemoval, isChromeLine } from './4-header.ts';
import type { Line } from './1-source-text.ts';

/** How a contact footer begins. */
const FOOTER_START =
  /^(?:for (?:more|further) information\b|for media (?:enquiries|inquiries)\b|media (?:contacts?|enquiries|inquiries)\b|press contacts?\b|contacts?:)/iu;

/**
 * Whether a line opens a contact footer: it begins like one ("For more
 * information, please contact", "Media contacts", "Contact:") and is itself a
 * chrome line (`isChromeLine`: short, no sentence). "For more information,
 * see the report of the Director General." begins like one but is a sentence.
 * @example isFooterOpening('For more information, please contact') // => true
 * @example isFooterOpening('Contacts: we will keep in touch with all partners.') // => false
 */
export function isFooterOpening(text: string): boolean {
  return FOOTER_START.test(text.trim()) && isChromeLine(text);
}

/**
 * Removes a contact footer at the end of the text: from an opening line
 * (`isFooterOpening`) to the end, every non-blank line must be a chrome line
 * (a name, an office, a telephone number, an e-mail address). When several
 * openings end the text ("Media contacts" … "For further information" …), the
 * footer begins at the first of them. Nothing is removed when a line that
 * reads as prose comes after the opening (a closing "Thank you." stays, and so
 * does the footer above it: a footer is only removed whole, at the very end),
 * nor when the opening line is itself a sentence.
 * @example
 * stripContactFooter([{ n: 1, text: 'Text.' }, { n: 2, text: 'For more information, please contact' },
 *   { n: 3, text: 'Jane Doe' }]).lines // => [{ n: 1, text: 'Text.' }]
 */
export function stripContactFooter(lines: Line[]): { lines: Line[]; removals: Removal[] } {
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i]!.text;
    if (text.trim() === '') continue;
    if (!isChromeLine(text)) break;
    if (isFooterOpening(text)) start = i;
  }
  if (start === -1) return { lines, removals: [] };
  const removals: Removal[] = [];
  for (const line of lines.slice(start)) {
    if (line.text.trim() === '') continue;
    addRemoval(removals, line, 'contact-footer', 'press-contact footer of the publishing website, not part of the text');
  }
  return { lines: lines.slice(0, start), removals };
}
