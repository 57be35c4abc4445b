import { describe, expect, it } from 'vitest';
import { normalizeWhitespace } from '../../scripts/normalize/steps/2-whitespace.ts';

const L = (...texts: string[]) => texts.map((text, i) => ({ n: i + 1, text }));
const textsOf = (lines: { text: string }[]) => lines.map((l) => l.text);

describe('normalizeWhitespace', () => {
  it('turns a non-breaking space into a space and counts it', () => {
    expect(normalizeWhitespace(L('Mr.\u00A0President,'))).toEqual({
      lines: L('Mr. President,'),
      stats: { specialSpaces: 1, trailingTrimmed: 0, spaceRunsCollapsed: 0 },
    });
  });

  it('collapses a non-breaking space next to a space into one space ("and\\u00A0 countries")', () => {
    expect(normalizeWhitespace(L('regions and\u00A0 countries'))).toEqual({
      lines: L('regions and countries'),
      stats: { specialSpaces: 1, trailingTrimmed: 0, spaceRunsCollapsed: 1 },
    });
  });

  it('does the repairs of its example in one line', () => {
    expect(normalizeWhitespace(L('a\u00A0 b  '))).toEqual({
      lines: L('a b'),
      stats: { specialSpaces: 1, trailingTrimmed: 1, spaceRunsCollapsed: 1 },
    });
  });

  it('trims trailing spaces and counts each line trimmed once', () => {
    const { lines, stats } = normalizeWhitespace(
      L('Statement by Ambassador Wu Haitao  ', 'Head of the Chinese Delegation at the  ', 'IOM'),
    );
    expect(textsOf(lines)).toEqual(['Statement by Ambassador Wu Haitao', 'Head of the Chinese Delegation at the', 'IOM']);
    expect(stats.trailingTrimmed).toBe(2);
  });

  it('trims a trailing non-breaking space, counting it as a special space too', () => {
    expect(normalizeWhitespace(L('Thank you.\u00A0'))).toEqual({
      lines: L('Thank you.'),
      stats: { specialSpaces: 1, trailingTrimmed: 1, spaceRunsCollapsed: 0 },
    });
  });

  it('keeps leading indentation, which marks list continuation lines', () => {
    const { lines, stats } = normalizeWhitespace(
      L('  • A national multi-Ministry Coordinating Mechanism on Combating', '    Trafficking; and the'),
    );
    expect(textsOf(lines)).toEqual(['  • A national multi-Ministry Coordinating Mechanism on Combating', '    Trafficking; and the']);
    expect(stats).toEqual({ specialSpaces: 0, trailingTrimmed: 0, spaceRunsCollapsed: 0 });
  });

  it('collapses runs of spaces after the indentation but not the indentation itself', () => {
    expect(textsOf(normalizeWhitespace(L('    Women  and   Children')).lines)).toEqual(['    Women and Children']);
  });

  it('turns a leading tab into indentation and an inner tab into a single space', () => {
    const { lines, stats } = normalizeWhitespace(L('\tTrafficking;\tand the'));
    expect(textsOf(lines)).toEqual(['    Trafficking; and the']);
    expect(stats.spaceRunsCollapsed).toBe(1);
  });

  it('replaces thin, narrow and ideographic spaces as well', () => {
    const { lines, stats } = normalizeWhitespace(L('3\u2009000 km', '10\u202F%', '中国\u3000北京'));
    expect(textsOf(lines)).toEqual(['3 000 km', '10 %', '中国 北京']);
    expect(stats.specialSpaces).toBe(3);
  });

  it('turns a line of only spaces into an empty line without counting it as trimmed', () => {
    expect(normalizeWhitespace(L('   ', '\u00A0'))).toEqual({
      lines: L('', ''),
      stats: { specialSpaces: 1, trailingTrimmed: 0, spaceRunsCollapsed: 0 },
    });
  });

  it('changes no other character and keeps line numbers', () => {
    const input = [{ n: 7, text: '“Palermo” — China’s 3.8%.' }];
    expect(normalizeWhitespace(input)).toEqual({
      lines: [{ n: 7, text: '“Palermo” — China’s 3.8%.' }],
      stats: { specialSpaces: 0, trailingTrimmed: 0, spaceRunsCollapsed: 0 },
    });
  });

  it('does not change the lines it is given', () => {
    const input = L('a\u00A0b ');
    normalizeWhitespace(input);
    expect(input).toEqual(L('a\u00A0b '));
  });
});
