import { describe, expect, it } from 'vitest';
import { InputProblems, type Problem } from '../../scripts/normalize/problems.ts';
import {
  assertNoControlCharacters,
  decodeUtf8Strict,
  firstInvalidUtf8Offset,
  splitLines,
  stripInvisibleCharacters,
} from '../../scripts/normalize/steps/1-source-text.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (text: string) => new TextEncoder().encode(text);
const L = (...texts: string[]) => texts.map((text, i) => ({ n: i + 1, text }));

/** Runs `fn`, expects it to throw InputProblems and returns the problems. */
function problemsOf(fn: () => unknown): Problem[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputProblems);
    return (err as InputProblems).problems;
  }
  throw new Error('expected InputProblems to be thrown');
}

describe('firstInvalidUtf8Offset', () => {
  it('returns -1 for plain ASCII', () => {
    expect(firstInvalidUtf8Offset(utf8('Mr. President,'))).toBe(-1);
  });

  it('returns -1 for an empty buffer', () => {
    expect(firstInvalidUtf8Offset(bytes())).toBe(-1);
  });

  it('returns -1 for valid two-, three- and four-byte sequences', () => {
    expect(firstInvalidUtf8Offset(utf8('“Palermo” China’s — é 中 😀'))).toBe(-1);
  });

  it('returns -1 for the highest code point U+10FFFF', () => {
    expect(firstInvalidUtf8Offset(bytes(0xf4, 0x8f, 0xbf, 0xbf))).toBe(-1);
  });

  it('returns the offset of a byte that cannot start a sequence', () => {
    expect(firstInvalidUtf8Offset(bytes(0x61, 0xff))).toBe(1);
  });

  it('returns the offset of a lone continuation byte', () => {
    expect(firstInvalidUtf8Offset(bytes(0x61, 0x62, 0x80))).toBe(2);
  });

  it('returns the offset of the lead byte when its continuation is not one', () => {
    expect(firstInvalidUtf8Offset(bytes(0x61, 0x62, 0xc3, 0x28))).toBe(2);
  });

  it('refuses the overlong two-byte encoding of "/" (0xC0 0xAF)', () => {
    expect(firstInvalidUtf8Offset(bytes(0xc0, 0xaf))).toBe(0);
  });

  it('refuses overlong three- and four-byte encodings', () => {
    expect(firstInvalidUtf8Offset(bytes(0xe0, 0x80, 0xaf))).toBe(0);
    expect(firstInvalidUtf8Offset(bytes(0xf0, 0x80, 0x80, 0xaf))).toBe(0);
  });

  it('refuses an encoded UTF-16 surrogate (0xED 0xA0 0x80)', () => {
    expect(firstInvalidUtf8Offset(bytes(0x41, 0xed, 0xa0, 0x80))).toBe(1);
  });

  it('refuses code points above U+10FFFF', () => {
    expect(firstInvalidUtf8Offset(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8Offset(bytes(0xf5, 0x80, 0x80, 0x80))).toBe(0);
  });

  it('refuses a sequence truncated by the end of the file', () => {
    // "中" is E4 B8 AD; the last byte is missing.
    expect(firstInvalidUtf8Offset(bytes(0x61, 0xe4, 0xb8))).toBe(1);
  });

  it('refuses a sequence cut short by an ASCII byte', () => {
    expect(firstInvalidUtf8Offset(bytes(0xe4, 0xb8, 0x61))).toBe(0);
  });
});

describe('decodeUtf8Strict', () => {
  it('returns the text of a valid file', () => {
    expect(decodeUtf8Strict(utf8('Thank you.'), 'a.txt')).toBe('Thank you.');
  });

  it('decodes multi-byte punctuation and letters unchanged', () => {
    const text = 'the “whole of government approach” — China’s café 中国';
    expect(decodeUtf8Strict(utf8(text), 'a.txt')).toBe(text);
  });

  it('keeps a byte-order mark for the next step to count and remove', () => {
    expect(decodeUtf8Strict(bytes(0xef, 0xbb, 0xbf, 0x61), 'a.txt')).toBe('\uFEFFa');
  });

  it('refuses an empty file, naming the file', () => {
    expect(problemsOf(() => decodeUtf8Strict(bytes(), 'sources/a.txt'))).toEqual([
      { file: 'sources/a.txt', where: '', message: 'the file is empty' },
    ]);
  });

  it('refuses a file of only whitespace', () => {
    expect(problemsOf(() => decodeUtf8Strict(utf8(' \n\t\r\n  \n'), 'sources/a.txt'))).toEqual([
      { file: 'sources/a.txt', where: '', message: 'the file has no text (only whitespace)' },
    ]);
  });

  it('refuses invalid UTF-8, naming the byte offset and the byte', () => {
    expect(problemsOf(() => decodeUtf8Strict(bytes(0x61, 0x62, 0xc3, 0x28), 'sources/a.txt'))).toEqual([
      { file: 'sources/a.txt', where: 'byte 2', message: 'invalid UTF-8 (byte 0xC3); the file must be UTF-8 text' },
    ]);
  });

  it('refuses a Latin-1 file (an "é" saved as the single byte 0xE9)', () => {
    const [problem] = problemsOf(() => decodeUtf8Strict(bytes(0x63, 0x61, 0x66, 0xe9, 0x0a), 'b.txt'));
    expect(problem).toMatchObject({ file: 'b.txt', where: 'byte 3' });
  });

  it('refuses an overlong sequence', () => {
    const [problem] = problemsOf(() => decodeUtf8Strict(bytes(0x61, 0xc0, 0xaf), 'a.txt'));
    expect(problem!.where).toBe('byte 1');
  });

  it('refuses an encoded surrogate', () => {
    const [problem] = problemsOf(() => decodeUtf8Strict(bytes(0xed, 0xa0, 0x80), 'a.txt'));
    expect(problem!.where).toBe('byte 0');
  });

  it('refuses a multi-byte sequence truncated at the end of the file', () => {
    const [problem] = problemsOf(() => decodeUtf8Strict(bytes(0x61, 0x62, 0xe2, 0x80), 'a.txt'));
    expect(problem!.where).toBe('byte 2');
  });

  it('puts file and offset in the error message, like a compiler', () => {
    expect(() => decodeUtf8Strict(bytes(0x61, 0xff), 'sources/a.txt')).toThrow(
      'sources/a.txt: byte 1: invalid UTF-8 (byte 0xFF); the file must be UTF-8 text',
    );
  });
});

describe('stripInvisibleCharacters', () => {
  it('removes a zero-width space and counts it by code point', () => {
    expect(stripInvisibleCharacters('a\u200Bb')).toEqual({ text: 'ab', removed: [{ codePoint: 'U+200B', count: 1 }] });
  });

  it('removes a byte-order mark, word joiners and bidirectional controls, sorted by code point', () => {
    expect(stripInvisibleCharacters('\uFEFFMigration\u2060 and \u202Edevelopment\u202C\u2066x\u2069\u200E\u200F')).toEqual({
      text: 'Migration and developmentx',
      removed: [
        { codePoint: 'U+200E', count: 1 },
        { codePoint: 'U+200F', count: 1 },
        { codePoint: 'U+202C', count: 1 },
        { codePoint: 'U+202E', count: 1 },
        { codePoint: 'U+2060', count: 1 },
        { codePoint: 'U+2066', count: 1 },
        { codePoint: 'U+2069', count: 1 },
        { codePoint: 'U+FEFF', count: 1 },
      ],
    });
  });

  it('counts repeated characters together', () => {
    expect(stripInvisibleCharacters('\u200Bone\u200B two\u200B').removed).toEqual([{ codePoint: 'U+200B', count: 3 }]);
  });

  it('keeps zero-width joiners and non-joiners, which can change how a word is written', () => {
    const text = 'می\u200Cخواهم 👩\u200D💻';
    expect(stripInvisibleCharacters(text)).toEqual({ text, removed: [] });
  });

  it('leaves ordinary text and non-breaking spaces alone', () => {
    const text = 'Mr.\u00A0President, “Palermo”';
    expect(stripInvisibleCharacters(text)).toEqual({ text, removed: [] });
  });
});

describe('splitLines', () => {
  it('splits on CRLF, numbering lines from 1', () => {
    expect(splitLines('a\r\nb')).toEqual([
      { n: 1, text: 'a' },
      { n: 2, text: 'b' },
    ]);
  });

  it('splits on LF, CR and CRLF in the same text', () => {
    expect(splitLines('one\ntwo\rthree\r\nfour')).toEqual(L('one', 'two', 'three', 'four'));
  });

  it('keeps blank lines so that line numbers match the source', () => {
    expect(splitLines('Mr. President,\n\nThank you.')).toEqual(L('Mr. President,', '', 'Thank you.'));
  });

  it('treats CR LF as one line break, not two', () => {
    expect(splitLines('a\r\n\r\nb')).toEqual(L('a', '', 'b'));
  });

  it('gives a final empty line after a trailing line break', () => {
    expect(splitLines('a\n')).toEqual(L('a', ''));
  });

  it('keeps leading spaces and tabs on a line', () => {
    expect(splitLines('  • item\n\tmore')).toEqual(L('  • item', '\tmore'));
  });
});

describe('assertNoControlCharacters', () => {
  it('accepts ordinary text, tabs and non-ASCII letters', () => {
    expect(() => assertNoControlCharacters(L('ok', '\tindented', 'China’s — 中国'), 'a.txt')).not.toThrow();
  });

  it('refuses a NUL byte, naming line and column', () => {
    expect(problemsOf(() => assertNoControlCharacters(L('fine', 'ab\u0000c'), 'sources/a.txt'))).toEqual([
      { file: 'sources/a.txt', where: 'line 2, column 3', message: 'control character U+0000; the file looks binary or damaged' },
    ]);
  });

  it('refuses form feed, vertical tab, DEL and C1 controls', () => {
    const problems = problemsOf(() => assertNoControlCharacters(L('\u000Ca', 'b\u000B', 'c\u007F', 'd\u0085'), 'a.txt'));
    const damaged = '; the file looks binary or damaged';
    expect(problems.map((p) => [p.where, p.message])).toEqual([
      ['line 1, column 1', `control character U+000C${damaged}`],
      ['line 2, column 2', `control character U+000B${damaged}`],
      ['line 3, column 2', `control character U+007F${damaged}`],
      ['line 4, column 2', `control character U+0085${damaged}`],
    ]);
  });

  it('reports only the first control character of a line', () => {
    const problems = problemsOf(() => assertNoControlCharacters(L('a\u0001b\u0002'), 'a.txt'));
    expect(problems.map((p) => p.where)).toEqual(['line 1, column 2']);
  });

  it('stops after five problems', () => {
    const lines = L(...Array.from({ length: 8 }, () => 'x\u0007'));
    const problems = problemsOf(() => assertNoControlCharacters(lines, 'a.txt'));
    expect(problems.map((p) => p.where)).toEqual([
      'line 1, column 2',
      'line 2, column 2',
      'line 3, column 2',
      'line 4, column 2',
      'line 5, column 2',
    ]);
  });

  it('uses the line numbers it is given, not the positions in the array', () => {
    const problems = problemsOf(() => assertNoControlCharacters([{ n: 42, text: '\u001B[0m' }], 'a.txt'));
    expect(problems[0]!.where).toBe('line 42, column 1');
  });
});
