import { describe, expect, it } from 'vitest';
import { stripContactFooter } from '../../scripts/normalize/steps/5-footer.ts';

const L = (...texts: string[]) => texts.map((text, i) => ({ n: i + 1, text }));
const REASON = 'press-contact footer of the publishing website, not part of the text';
const PROSE =
  'The forum adopted a common Immigration Inspection Standard, which aims to facilitate professional, effective and customer-friendly immigration service.';

describe('stripContactFooter', () => {
  it('removes a press-contact footer with name, office, telephone and e-mail', () => {
    const lines = L(
      PROSE,
      '',
      'For more information, please contact',
      'Pär Liljert',
      'IOM Beijing',
      'Tel. +86 10 597 996 95',
      'Email: pliljert@iom.int',
    );
    expect(stripContactFooter(lines)).toEqual({
      lines: L(PROSE, ''),
      removals: [
        {
          fromLine: 3,
          toLine: 7,
          kind: 'contact-footer',
          reason: REASON,
          text: ['For more information, please contact', 'Pär Liljert', 'IOM Beijing', 'Tel. +86 10 597 996 95', 'Email: pliljert@iom.int'],
        },
      ],
    });
  });

  it('removes the footer together with blank lines inside and after it', () => {
    const lines = L('Text.', 'For further information:', '', 'Jane Doe', '');
    expect(stripContactFooter(lines)).toEqual({
      lines: L('Text.'),
      removals: [{ fromLine: 2, toLine: 4, kind: 'contact-footer', reason: REASON, text: ['For further information:', 'Jane Doe'] }],
    });
  });

  it('recognises other openings: media contacts, press contact, "Contact:"', () => {
    for (const opening of ['Media contacts', 'Press contact', 'Contact:', 'For media enquiries', 'MEDIA INQUIRIES']) {
      const result = stripContactFooter(L('Text.', opening, 'Jane Doe'));
      expect(result.lines, opening).toEqual(L('Text.'));
    }
  });

  it('keeps the text when a long prose line follows the opening line', () => {
    const lines = L('Text.', 'For more information, please contact', PROSE, 'Jane Doe');
    expect(stripContactFooter(lines)).toEqual({ lines, removals: [] });
  });

  it('keeps a long prose line that only begins like a footer', () => {
    const lines = L(
      'Text.',
      'For more information on the Global Compact, the Secretary-General’s report describes what States have done since 2018.',
    );
    expect(stripContactFooter(lines)).toEqual({ lines, removals: [] });
  });

  it('removes a long opening line when it carries contact details', () => {
    const lines = L(
      'Text.',
      'For more information, please contact Pär Liljert at IOM Beijing, Tel. +86 10 597 996 95, or write to pliljert@iom.int',
    );
    const result = stripContactFooter(lines);
    expect(result.lines).toEqual(L('Text.'));
    expect(result.removals.map((r) => [r.fromLine, r.toLine])).toEqual([[2, 2]]);
  });

  it('keeps the text when there is no footer', () => {
    const lines = L('Mr. President,', '', 'Thank you, Mr. President.');
    expect(stripContactFooter(lines)).toEqual({ lines, removals: [] });
  });

  it('does not take "contact" in the middle of a short line for a footer', () => {
    const lines = L('We keep in close contact', 'with our partners.');
    expect(stripContactFooter(lines)).toEqual({ lines, removals: [] });
  });

  it('keeps a contact paragraph that is followed by the rest of the statement', () => {
    const lines = L('For more information, please contact', 'Jane Doe', '', PROSE, '', 'Thank you.');
    expect(stripContactFooter(lines)).toEqual({ lines, removals: [] });
  });
});
