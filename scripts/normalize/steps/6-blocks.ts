/**
 * From lines to blocks: paragraphs, section headings and list items, with the
 * source's hard wraps and mid-sentence splits undone.
 */
import type { Line } from './1-source-text.ts';

/** How the source separates paragraphs. */
export type Separator = 'blank-line' | 'line-break';

/**
 * Splits lines into raw blocks. When the text has blank lines between
 * paragraphs, a block is a run of non-blank lines (its single line breaks are
 * hard wraps). When it has none, every line is a paragraph of its own.
 * Counts the blank lines that separate nothing (leading, trailing, runs).
 * @example splitBlocks([{ n: 1, text: 'a' }, { n: 2, text: '' }, { n: 3, text: 'b' }]).blocks.length // => 2
 */
export function splitBlocks(lines: Line[]): { blocks: Line[][]; separator: Separator; blankLinesDropped: number } {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  let blankLinesDropped = 0;
  let blanksInRun = 0;
  for (const line of lines) {
    if (line.text.trim() === '') {
      blanksInRun += 1;
      if (current.length > 0) blocks.push(current);
      current = [];
      continue;
    }
    // Every blank line but one between two blocks separates nothing.
    blankLinesDropped += blocks.length === 0 && current.length === 0 ? blanksInRun : Math.max(0, blanksInRun - 1);
    blanksInRun = 0;
    current.push(line);
  }
  if (current.length > 0) blocks.push(current);
  blankLinesDropped += blanksInRun;
  if (blocks.length === 1 && blocks[0]!.length > 1) {
    return { blocks: blocks[0]!.map((l) => [l]), separator: 'line-break', blankLinesDropped };
  }
  return { blocks, separator: 'blank-line', blankLinesDropped };
}

/** A mid-sentence split that was rejoined. */
export interface RejoinRecord {
  /** Source line where the second part begins. */
  line: number;
  /** Source line that now holds the join. */
  joinedLine: number;
  /** Last words before the split. */
  before: string;
  /** First words after the split. */
  after: string;
}

/** A block that stops mid-sentence: its last character is a letter or digit, no punctuation. */
const ENDS_OPEN = /[\p{L}\p{N}]$/u;
/** A block that carries on a sentence: it begins with a lower-case letter. */
const STARTS_LOWER = /^\p{Ll}/u;

/**
 * Rejoins a block that stops without punctuation with the next block when that
 * one begins in lower case: a paragraph split mid-sentence ("work for common" |
 * "development."). Salutations and addresses end in a comma or colon and stay apart.
 * @example rejoinSplitParagraphs([[{ n: 1, text: 'work for common' }], [{ n: 3, text: 'development.' }]]).blocks
 * // => [[{ n: 1, text: 'work for common development.' }]]
 */
export function rejoinSplitParagraphs(blocks: Line[][]): { blocks: Line[][]; rejoins: RejoinRecord[] } {
  const out: Line[][] = [];
  const rejoins: RejoinRecord[] = [];
  for (const block of blocks) {
    const prev = out.at(-1);
    const last = prev?.at(-1);
    const first = block[0]!;
    if (prev && last && ENDS_OPEN.test(last.text.trim()) && STARTS_LOWER.test(first.text.trim())) {
      const joined: Line = { n: last.n, text: `${last.text.trimEnd()} ${first.text.trim()}` };
      rejoins.push({
        line: first.n,
        joinedLine: last.n,
        before: lastWords(last.text, 4),
        after: firstWords(first.text, 4),
      });
      out[out.length - 1] = [...prev.slice(0, -1), joined, ...block.slice(1)];
      continue;
    }
    out.push(block);
  }
  return { blocks: out, rejoins };
}

function lastWords(text: string, n: number): string {
  return text.trim().split(/\s+/u).slice(-n).join(' ');
}

function firstWords(text: string, n: number): string {
  return text.trim().split(/\s+/u).slice(0, n).join(' ');
}

/** How a salutation or form of address begins. */
const SALUTATION =
  /^(?:mr\.?|mrs\.?|ms\.?|madam|madame|dear|your (?:excellency|excellencies|majesty|highness)|excellenc(?:y|ies)|distinguished|ladies|honou?rable|colleagues|friends|good (?:morning|afternoon|evening))\b/iu;

/** The longest line (in words) that can be a salutation. */
export const SALUTATION_MAX_WORDS = 10;

/**
 * In a hard-wrapped block, a salutation on the first line ("Mr. President,")
 * followed by the speech on the next lines is a paragraph of its own: the
 * source broke the line there, and a salutation never runs on into the text.
 * @example splitOffSalutations([[{ n: 1, text: 'Mr. President,' }, { n: 2, text: 'It is an honour.' }]]).length // => 2
 */
export function splitOffSalutations(blocks: Line[][]): Line[][] {
  return blocks.flatMap((lines) => {
    const first = lines[0]!.text.trim();
    const isSalutation =
      lines.length > 1 &&
      SALUTATION.test(first) &&
      /[,:]$/u.test(first) &&
      first.split(/\s+/u).length <= SALUTATION_MAX_WORDS &&
      /^\p{Lu}/u.test(lines[1]!.text.trim());
    return isSalutation ? [[lines[0]!], lines.slice(1)] : [lines];
  });
}

/** Result of unwrapping a block's lines into one line of text. */
export interface Unwrapped {
  /** The text on one line. */
  text: string;
  /** Line breaks removed. */
  joins: number;
  /** Lines joined to the previous one without a space. */
  noSpace: { line: number; text: string }[];
}

/** An opening quotation mark left alone at a line end: the quotation starts on the next line. */
const OPENING_QUOTE_AT_END = /(?:^|\s)[“‘«„]$/u;
/** A word broken with a hyphen at the line end, carried on in lower case. */
const HYPHEN_AT_END = /\p{L}-$/u;

/**
 * Joins hard-wrapped lines with single spaces. Two exceptions keep words
 * whole: after an opening quotation mark at a line end ("“" | "Palermo”" →
 * "“Palermo”") and after a hyphen when the next line begins in lower case.
 * @example unwrapLines([{ n: 1, text: 'the United Nations “' }, { n: 2, text: 'Palermo” Protocol' }]).text
 * // => 'the United Nations “Palermo” Protocol'
 */
export function unwrapLines(lines: Line[]): Unwrapped {
  let text = lines[0]!.text.trim();
  const noSpace: { line: number; text: string }[] = [];
  for (const line of lines.slice(1)) {
    const next = line.text.trim();
    if (OPENING_QUOTE_AT_END.test(text) || (HYPHEN_AT_END.test(text) && STARTS_LOWER.test(next))) {
      noSpace.push({ line: line.n, text: `${lastWords(text, 2)}${firstWords(next, 1)}` });
      text += next;
    } else {
      text += ` ${next}`;
    }
  }
  return { text, joins: lines.length - 1, noSpace };
}

/** The kinds of block the edition knows. */
export type BlockKind = 'paragraph' | 'heading' | 'ordered-item' | 'bullet-item';

/** A classified block, before it gets its id. */
export interface Block {
  /** paragraph | heading | ordered-item | bullet-item. */
  kind: BlockKind;
  /** The block's lines, markers already taken off list items. */
  lines: Line[];
  /** The item number of an ordered item, else null. */
  number: number | null;
}

/** Bullets that only ever mark list items. */
const STRONG_BULLET = /^[•●▪■◦‣►➢·]\s+(?=\S)/u;
/** ASCII bullets: list markers only when they open a block (elsewhere they may be dashes). */
const WEAK_BULLET = /^[-*+]\s+(?=\S)/u;
const NUMBERED = /^(\d{1,3})[.)]\s+(?=\S)/u;
const ROMAN = /^([IVXLCDM]+)\.\s+(?=\S)/u;

/** The longest block (in words) that can be a section heading. */
export const HEADING_MAX_WORDS = 30;

/**
 * The value of a Roman numeral, or null for a malformed one.
 * @example romanValue('III') // => 3
 * @example romanValue('IIII') // => null
 */
export function romanValue(s: string): number | null {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = values[s[i]!]!;
    const next = i + 1 < s.length ? values[s[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total > 0 && toRoman(total) === s ? total : null;
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, r] of table) {
    while (n >= v) {
      out += r;
      n -= v;
    }
  }
  return out;
}

/**
 * Classifies raw blocks:
 * - a block opening with a bullet ("•", or "-", "*", "+") is a bullet list, one
 *   item per marked line, unmarked lines continuing the item;
 * - a block opening with "1." or "1)" is a numbered item (a wrapped block may
 *   hold several, each numbered one more than the last);
 * - a short block opening with a Roman numeral ("II.") is a section heading when
 *   the numerals run I, II, III… through the text;
 * - anything else is a paragraph.
 * @example classifyBlocks([[{ n: 1, text: 'I. Introduction' }]])[0].kind // => 'heading'
 */
export function classifyBlocks(blocks: Line[][]): Block[] {
  const out: Block[] = [];
  let nextRoman = 1;
  for (const lines of blocks) {
    const first = lines[0]!.text.trim();
    const strong = STRONG_BULLET.test(first);
    const weak = WEAK_BULLET.exec(first);
    if (strong || weak) {
      // Later items take a strong bullet, or the same ASCII bullet as the first.
      const opener = weak ? weak[0].trim() : '';
      const marker = (t: string) => (strong ? STRONG_BULLET.exec(t) : t.startsWith(opener) ? WEAK_BULLET.exec(t) : null);
      out.push(...splitItems(lines, 'bullet-item', marker));
      continue;
    }
    const numbered = NUMBERED.exec(first);
    if (numbered) {
      let expected = Number(numbered[1]);
      out.push(
        ...splitItems(lines, 'ordered-item', (t) => {
          const m = NUMBERED.exec(t);
          if (m && Number(m[1]) === expected) {
            expected += 1;
            return m;
          }
          return null;
        }),
      );
      continue;
    }
    const roman = ROMAN.exec(first);
    const wordCount = lines.reduce((sum, l) => sum + l.text.trim().split(/\s+/u).length, 0);
    if (roman && romanValue(roman[1]!) === nextRoman && wordCount <= HEADING_MAX_WORDS) {
      nextRoman += 1;
      out.push({ kind: 'heading', lines, number: null });
      continue;
    }
    out.push({ kind: 'paragraph', lines, number: null });
  }
  return out;
}

/** Splits a list block into items at the lines `marker` accepts, taking the marker off. */
function splitItems(lines: Line[], kind: 'bullet-item' | 'ordered-item', marker: (text: string) => RegExpExecArray | null): Block[] {
  const items: Block[] = [];
  for (const line of lines) {
    const text = line.text.trim();
    const m = marker(text);
    if (m) {
      items.push({
        kind,
        lines: [{ n: line.n, text: text.slice(m[0].length) }],
        number: kind === 'ordered-item' ? Number(m[1]) : null,
      });
    } else {
      items.at(-1)!.lines.push(line);
    }
  }
  return items;
}
