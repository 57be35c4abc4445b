import { describe, expect, it } from 'vitest';
import { isFooterOpening, stripContactFooter } from '../../scripts/normalize/steps/5-footer.ts';

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

  it('keeps a long opening line, even with contact details: only chrome lines are removed by the rule', () => {
    const lines = L(
      'Text.',
      'For more information, please contact Pär Liljert at IOM Beijing, Tel. +86 10 597 996 95, or write to pliljert@iom.int',
    );
    expect(stripContactFooter(lines)).toEqual({ lines, removals: [] });
  });

  it('keeps a closing paragraph that only starts like a footer, and the "Thank you." after it', () => {
    const lines = L(PROSE, '', 'For more information, see the report of the Director General.', '', 'Thank you.');
    expect(stripContactFooter(lines)).toEqual({ lines, removals: [] });
    const alone = L(PROSE, '', 'For more information, see the report of the Director General.');
    expect(stripContactFooter(alone)).toEqual({ lines: alone, removals: [] });
  });

  it('keeps "Contacts:" opening a sentence', () => {
    const lines = L(PROSE, '', 'Contacts: we will keep in touch with all partners.');
    expect(stripContactFooter(lines)).toEqual({ lines, removals: [] });
  });

  it('does not take the "Thank you." after a real footer: the footer is removed only whole, at the very end', () => {
    const lines = L(PROSE, '', 'For more information, please contact', 'Jane Doe', 'Email: jdoe@example.org', '', 'Thank you.');
    expect(stripContactFooter(lines)).toEqual({ lines, removals: [] });
  });

  it('keeps a footer holding a line that reads as prose', () => {
    const lines = L(PROSE, 'For more information, please contact', 'Jane Doe, who will be glad to help.', 'Email: jdoe@example.org');
    expect(stripContactFooter(lines)).toEqual({ lines, removals: [] });
  });

  it('begins at the first of several openings that end the text, and keeps chrome lines above it', () => {
    const lines = L(PROSE, 'Share this page', 'Media contacts', 'Jane Doe', 'For further information:', 'John Doe');
    const result = stripContactFooter(lines);
    expect(result.lines).toEqual(L(PROSE, 'Share this page'));
    expect(result.removals.map((r) => [r.fromLine, r.toLine])).toEqual([[3, 6]]);
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

describe('isFooterOpening', () => {
  it('takes a short line that begins like a contact footer', () => {
    for (const t of ['For more information, please contact', 'For further information:', 'Media contacts', 'Press contact', 'Contact:']) {
      expect(isFooterOpening(t), t).toBe(true);
    }
  });

  it('refuses a sentence that begins like one, and a line that does not begin like one', () => {
    for (const t of [
      'For more information, see the report of the Director General.',
      'Contacts: we will keep in touch with all partners.',
      'For more information on the Global Compact, the Secretary-General’s report describes what States have done',
      'Jane Doe',
      'We keep in close contact',
    ]) {
      expect(isFooterOpening(t), t).toBe(false);
    }
  });
});
