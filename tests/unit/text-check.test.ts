/**
 * The one text check (`textProblem` in src/edition/schemas/primitives.ts)
 * against the Unicode categories, over every code point: it refuses every
 * control, format (zero-width, bidi, tag…), surrogate, private-use, line or
 * paragraph separator and noncharacter, and of the visible categories exactly
 * the few characters its documentation names.
 */
import { describe, expect, it } from 'vitest';
import { describeCharacter, escapeForbidden, FORBIDDEN_IN_TEXT, textProblem } from '../../src/edition/schemas/primitives.ts';

const oneLine = (s: string) => textProblem(s, { multiline: false });
const multi = (s: string) => textProblem(s, { multiline: true });
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Every code point, as a one-character string (surrogates alone). */
function* codePoints(): Generator<[number, string]> {
  for (let cp = 0; cp <= 0x10ffff; cp++) yield [cp, String.fromCodePoint(cp)];
}

/** The categories that are refused whole. */
const REFUSED_CATEGORIES = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\p{Noncharacter_Code_Point}]/u;

describe('textProblem over the whole code-point range', () => {
  // One pass collects everything the tests below look at.
  const refusedInCategories: number[] = []; // in a refused category but accepted: must stay empty
  const refusedVisible: number[] = []; // assigned, in no refused category, yet refused
  const multilineDiffers: number[] = []; // refused on one line but not over lines
  for (const [cp, ch] of codePoints()) {
    const inCategory = REFUSED_CATEGORIES.test(ch);
    const refused = oneLine(`a${ch}b`) !== null;
    if (inCategory && !refused) refusedInCategories.push(cp);
    if (!inCategory && refused && !/\p{Cn}/u.test(ch)) refusedVisible.push(cp);
    if (refused !== (multi(`a${ch}b`) !== null)) multilineDiffers.push(cp);
  }

  it('refuses every control (Cc), format (Cf), surrogate (Cs), private-use (Co), line or paragraph separator and noncharacter', () => {
    expect(refusedInCategories.map(hex)).toEqual([]);
  });

  it('of the other assigned characters, refuses exactly the invisible fillers and joiners and the replacement characters', () => {
    expect(refusedVisible.map(hex)).toEqual([
      'U+034F', // combining grapheme joiner
      'U+115F', // Hangul choseong filler
      'U+1160', // Hangul jungseong filler
      'U+17B4', // Khmer vowel inherent aq
      'U+17B5', // Khmer vowel inherent aa
      'U+3164', // Hangul filler
      'U+FFA0', // halfwidth Hangul filler
      'U+FFFC', // object replacement character
      'U+FFFD', // replacement character
    ]);
  });

  it('allows tab and line feed only in text over lines', () => {
    expect(multilineDiffers.map(hex)).toEqual(['U+0009', 'U+000A']);
  });

  it('refuses every unassigned default-ignorable code point too, the variation selectors excepted', () => {
    const missed: number[] = [];
    for (const [cp, ch] of codePoints()) {
      if (/\p{Default_Ignorable_Code_Point}/u.test(ch) && !/\p{Variation_Selector}/u.test(ch) && oneLine(ch) === null) missed.push(cp);
      if (/\p{Variation_Selector}/u.test(ch) && oneLine(`a${ch}`) !== null) missed.push(cp);
    }
    expect(missed.map(hex)).toEqual([]);
  });
});

describe('textProblem on the characters hostile input uses', () => {
  it('refuses the bidirectional controls, U+061C (Arabic letter mark) included', () => {
    for (const cp of [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(oneLine(`a${String.fromCodePoint(cp)}b`), hex(cp)).toMatch(/a bidirectional control/u);
    }
  });

  it('refuses every tag character, U+E0000 to U+E007F', () => {
    for (let cp = 0xe0000; cp <= 0xe007f; cp++) {
      expect(oneLine(`a${String.fromCodePoint(cp)}b`), hex(cp)).toMatch(/an invisible tag character/u);
    }
  });

  it('refuses zero-width characters, the byte-order mark and the soft hyphen', () => {
    for (const cp of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e]) {
      expect(oneLine(`a${String.fromCodePoint(cp)}b`), hex(cp)).toMatch(/an invisible formatting character/u);
    }
  });

  it('refuses everything the earlier hand-written list refused', () => {
    const ranges: [number, number][] = [
      [0x00, 0x08],
      [0x0b, 0x0c],
      [0x0e, 0x1f],
      [0x7f, 0x9f],
      [0x200b, 0x200f],
      [0x202a, 0x202e],
      [0x2060, 0x2069],
      [0xfeff, 0xfeff],
    ];
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) expect(multi(`a${String.fromCodePoint(cp)}b`), hex(cp)).not.toBeNull();
    }
  });

  it('refuses a carriage return, NEL and the Unicode line separators even over lines', () => {
    for (const ch of ['\r', '\u0085', '\u2028', '\u2029']) expect(multi(`a${ch}b`)).not.toBeNull();
  });

  it('accepts letters, marks, digits, punctuation, symbols, emoji with their selectors and joiner-free sequences, and spaces', () => {
    for (const ok of [
      'China’s “whole of government” approach — 中国',
      'Côte d’Ivoire, São Tomé, Ελλάδα, Россия, العربية, עברית, हिन्दी',
      'e\u0301', // e + combining acute
      '❤️ 👍🏽 🇨🇳', // variation selector, skin tone, regional indicators
      '葛\u{E0100}', // ideographic variation selector
      'a\u00A0b\u3000c', // no-break and ideographic spaces
      '¶ § © ™ € ¥ ½ ∑',
    ]) {
      expect(oneLine(ok), ok).toBeNull();
    }
  });

  it('names the character, what kind it is and where it is (in characters, astral ones counted once)', () => {
    expect(oneLine('😀\u202Eb')).toBe(
      'contains a control, zero-width or bidi-control character: U+202E (a bidirectional control, which can make text read in another order) at character 2',
    );
    expect(oneLine('a\uD800')).toMatch(/U\+D800 \(a lone surrogate, half of a UTF-16 pair and no character\) at character 2$/u);
    expect(oneLine('\u0000')).toMatch(/U\+0000 \(a control character\) at character 1$/u);
    expect(oneLine('a\uE000')).toMatch(/U\+E000 \(a private-use character\)/u);
    expect(oneLine('a\uFDD0')).toMatch(/U\+FDD0 \(a noncharacter\)/u);
    expect(oneLine('a\uFFFD')).toMatch(/U\+FFFD \(a replacement character/u);
    expect(oneLine('a\u2028')).toMatch(/U\+2028 \(a line or paragraph separator\)/u);
  });

  it('on one line: refuses an inner line break or tab, and lets surrounding ones be trimmed', () => {
    expect(oneLine('one\ntwo')).toBe('must be one line (it has a line break at character 4)');
    expect(oneLine('one\ttwo')).toBe('must be one line (it has a tab at character 4; write a space)');
    expect(oneLine('\n  Title\n')).toBeNull();
    expect(oneLine('\tTitle\t')).toBeNull();
    expect(multi('one\ntwo\tthree')).toBeNull();
  });

  it('is not slowed down by long text', () => {
    const long = 'Migration is a global issue. '.repeat(350_000); // 10 MB
    const t0 = performance.now();
    expect(multi(long)).toBeNull();
    expect(oneLine(`${long}\u202E`)).toMatch(/at character 10150001$/u);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('FORBIDDEN_IN_TEXT, describeCharacter and escapeForbidden', () => {
  it('FORBIDDEN_IN_TEXT matches what textProblem refuses in text over lines, tab and line feed aside', () => {
    expect(FORBIDDEN_IN_TEXT.test('a\u202Eb')).toBe(true);
    expect(FORBIDDEN_IN_TEXT.test('a\u{E0041}b')).toBe(true);
    expect(FORBIDDEN_IN_TEXT.test('China')).toBe(false);
  });

  it('describeCharacter writes the code point in upper-case hex, at least four digits', () => {
    expect(describeCharacter(0x7)).toBe('U+0007 (a control character)');
    expect(describeCharacter(0xe0041)).toBe('U+E0041 (an invisible tag character)');
  });

  it('escapeForbidden writes every refused character as \\u{…} and leaves the rest', () => {
    expect(escapeForbidden('a\u202Eb\u0000c\nd é')).toBe('a\\u{202e}b\\u{0}c\\u{a}d é');
    expect(escapeForbidden('\uD800')).toBe('\\u{d800}');
  });
});
