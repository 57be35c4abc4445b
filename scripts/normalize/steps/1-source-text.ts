/**
 * Steps that turn a source file's bytes into checked lines of text.
 */
import { INVISIBLE_CHARACTERS } from '../../../src/edition/text.ts';
import { InputProblems } from '../problems.ts';

/** A line of the source, with its 1-based line number kept for the edition report. */
export interface Line {
  /** 1-based line number in the source file. */
  n: number;
  /** The text of the line, without its line ending. */
  text: string;
}

/**
 * Returns the byte offset of the first byte that is not part of a well-formed
 * UTF-8 sequence (overlongs, surrogates and code points above U+10FFFF included),
 * or -1 when the whole buffer is valid.
 * @see https://www.unicode.org/versions/Unicode15.0.0/ch03.pdf Table 3-7
 * @example firstInvalidUtf8Offset(new Uint8Array([0x61, 0xff])) // => 1
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c < min || c > max) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes UTF-8 strictly: invalid bytes, an empty file or a file of only
 * whitespace are errors naming the file (and the byte offset).
 * @example decodeUtf8Strict(new TextEncoder().encode('Thank you.'), 'a.txt') // => 'Thank you.'
 */
export function decodeUtf8Strict(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) {
    throw new InputProblems([{ file, where: '', message: 'the file is empty' }]);
  }
  const bad = firstInvalidUtf8Offset(bytes);
  if (bad !== -1) {
    const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    throw new InputProblems([
      {
        file,
        where: `byte ${bad}`,
        message: `invalid UTF-8 (byte 0x${hex}); the file must be UTF-8 text`,
      },
    ]);
  }
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  if (text.trim() === '') {
    throw new InputProblems([{ file, where: '', message: 'the file has no text (only whitespace)' }]);
  }
  return text;
}

/** Zero-width characters, the byte-order mark and bidirectional controls (one definition, src/edition/text.ts). */
const INVISIBLE = new RegExp(INVISIBLE_CHARACTERS.source, 'gu');

/**
 * Removes invisible characters (zero-width space, word joiner, byte-order mark,
 * bidirectional controls) and counts them by code point for the edition report.
 * Zero-width (non-)joiners are kept: they can change how a word is written.
 * @example stripInvisibleCharacters('a\u200Bb').text // => 'ab'
 */
export function stripInvisibleCharacters(text: string): { text: string; removed: { codePoint: string; count: number }[] } {
  const counts = new Map<string, number>();
  const out = text.replace(INVISIBLE, (ch) => {
    const cp = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    counts.set(cp, (counts.get(cp) ?? 0) + 1);
    return '';
  });
  const removed = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([codePoint, count]) => ({ codePoint, count }));
  return { text: out, removed };
}

/**
 * Splits text into numbered lines on LF, CRLF or CR.
 * @example splitLines('a\r\nb') // => [{ n: 1, text: 'a' }, { n: 2, text: 'b' }]
 */
export function splitLines(text: string): Line[] {
  return text.split(/\r\n|\r|\n/u).map((t, i) => ({ n: i + 1, text: t }));
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/**
 * Refuses control characters (a sign of binary data or a broken export),
 * naming each line and column; tabs and line endings are allowed.
 * @example assertNoControlCharacters([{ n: 1, text: 'ok' }], 'a.txt') // no error
 */
export function assertNoControlCharacters(lines: Line[], file: string): void {
  const problems = [];
  for (const line of lines) {
    const m = CONTROL.exec(line.text);
    if (m) {
      const cp = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      problems.push({
        file,
        where: `line ${line.n}, column ${m.index + 1}`,
        message: `control character U+${cp}; the file looks binary or damaged`,
      });
      if (problems.length >= 5) break;
    }
  }
  if (problems.length > 0) throw new InputProblems(problems);
}
