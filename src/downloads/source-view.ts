/**
 * A statement's source as received, line by line, beside the edition: which
 * lines the edition removed (and why), which it kept and in which block (¶)
 * each kept line ended up, where it rejoined a paragraph split by a blank
 * line, where it undid a hard line break (with or without a space), where it
 * removed HTML markup or invisible characters. The source view page
 * (`/source/?id=…`, src/client/source-view.ts) draws this; the edition report
 * ("About this text") lists the same changes.
 *
 * Pure: no DOM, no Node. Everything comes from the statement's entry in the
 * per-statement JSON: the raw text, the edition report in its frontmatter and
 * its blocks. Line numbers are the normalizer's: 1-based lines of the source
 * file, split at CR LF, CR or LF, as every line number of the edition report
 * counts them.
 *
 * Alignment is one rule for every source: each kept line, with its whitespace
 * normalized as the normalizer normalizes it (and, failing that, without the
 * HTML tags the report says were removed on that line, or without a list
 * marker), is looked for in the blocks' text in reading order, from where the
 * previous kept line was found; the block it is found in is its ¶.
 */
import type { EditionReport, RemovalKind } from '../edition/schemas.ts';
import type { TextBlock } from '../edition/statement-text.ts';
import { INVISIBLE_CHARACTERS } from '../edition/text.ts';

/** How each kind of removal is introduced to readers; `editor` removals give the editor's reason after it. */
export const REMOVAL_LABELS: Record<RemovalKind, string> = {
  navigation: 'Removed website navigation',
  title: 'Removed title',
  'date-line': 'Removed date line',
  'contact-footer': 'Removed press-contact footer',
  editor: 'Removed by the editor',
};

/**
 * A reason as a sentence: with a full stop unless it ends with one already.
 * @example sentence('title; it is in the metadata') // => 'title; it is in the metadata.'
 */
export function sentence(reason: string): string {
  return /[.!?]$/u.test(reason) ? reason : `${reason}.`;
}

/**
 * Characters that would show as nothing, or reorder the line, if drawn as they
 * are: every format character (Cf, bidirectional controls included), line and
 * paragraph separators, and controls but tab. The view shows each as its code point.
 */
const SHOWN_AS_CODE = /(?!\t)[\p{Cf}\p{Cc}\u2028\u2029]/gu;

/** A piece of a line: text as it is, or a character shown as its code point (`U+200B`). */
export type LinePart = { text: string } | { code: string; removed: boolean };

/** What the edition did with a line. */
export type LineStatus = 'kept' | 'removed' | 'blank';

/**
 * What else the view says about a line:
 * - `rejoin`: the line continues a paragraph that a blank line split mid-sentence;
 *   the edition rejoined them;
 * - `split`: a blank line that split a paragraph mid-sentence, dropped by the rejoin;
 * - `unwrapped`: joined to the line above with a space (a hard line break undone);
 * - `joined-without-space`: joined to the line above without a space (after an
 *   opening quotation mark or a hyphen);
 * - `inline-html`: HTML markup removed from the line, its text kept;
 * - `invisible`: invisible characters removed from the line.
 */
export type LineMark = 'rejoin' | 'split' | 'unwrapped' | 'joined-without-space' | 'inline-html' | 'invisible';

/** One line of the source, as the view shows it. */
export interface SourceLine {
  /** 1-based line number in the source file. */
  n: number;
  /** The line exactly as received (without its line break). */
  text: string;
  /** `text` in pieces, the invisible characters picked out. */
  parts: LinePart[];
  status: LineStatus;
  /** For a removed line: which removal (its index in the report), what it was, why, and whether this is its first line. */
  removal: { index: number; kind: RemovalKind; label: string; reason: string; fromLine: number; toLine: number; first: boolean } | null;
  /** For a kept line: the block it went into, and whether this is the first line of it; null when it was not found (`unlocated`). */
  block: { id: string; n: number; first: boolean } | null;
  marks: LineMark[];
  /** For `inline-html`: the tags removed (`sup`). */
  tags: string[];
}

/** The view of a source. */
export interface SourceView {
  lines: SourceLine[];
  /** Kept lines whose text was not found in the blocks (none, unless the edition changed text in a way the rule does not know). */
  unlocated: number[];
}

/** What the view needs of a statement's entry: the raw text, what the edition report says of lines, the blocks. */
export interface SourceViewInput {
  source: { text: string };
  metadata: { edition: Pick<EditionReport, 'removals' | 'rejoins' | 'joinedWithoutSpace' | 'inlineHtml'> };
  blocks: readonly Pick<TextBlock, 'id' | 'n' | 'text'>[];
}

/**
 * The source's lines as the normalizer numbers them: split at CR LF, CR or
 * LF; the line break that ends the last line starts no line of its own.
 * @example sourceLines('a\r\nb\n') // => ['a', 'b']
 */
export function sourceLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/u);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * A line in pieces: runs of text, and each invisible or control character
 * (tab excepted) as its code point, so that nothing in the source can hide or
 * reorder what is shown.
 * @example lineParts('a\u200Bb') // => [{ text: 'a' }, { code: 'U+200B', removed: true }, { text: 'b' }]
 */
export function lineParts(line: string): LinePart[] {
  const parts: LinePart[] = [];
  let last = 0;
  for (const m of line.matchAll(SHOWN_AS_CODE)) {
    if (m.index > last) parts.push({ text: line.slice(last, m.index) });
    const c = m[0];
    parts.push({ code: `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, removed: INVISIBLE_CHARACTERS.test(c) });
    last = m.index + c.length;
  }
  if (last < line.length || parts.length === 0) parts.push({ text: line.slice(last) });
  return parts;
}

/**
 * Text as the comparison sees it: without the invisible characters the
 * normalizer removes, every run of whitespace (tabs, non-breaking and other
 * special spaces) one space, trimmed.
 * @example comparable('  a\u00A0\u00A0b\u200B ') // => 'a b'
 */
export function comparable(text: string): string {
  return text
    .replace(new RegExp(INVISIBLE_CHARACTERS.source, 'gu'), '')
    .replace(/[\s\p{Zs}]+/gu, ' ')
    .trim();
}

/** A list item's marker at the start of a line: a bullet, or a number with "." or ")" (the markers the normalizer takes off items). */
const LIST_MARKER = /^(?:[•●▪■◦‣►➢·]|[-*+]|\d{1,3}[.)])\s+(?=\S)/u;

/** Escapes text for a regular expression. */
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * The texts a kept line may have in the blocks, most literal first: as it
 * is; without the HTML tags the report says were removed on it; each of
 * those without a list marker.
 */
function candidates(line: string, tags: readonly { tag: string; text: string }[]): string[] {
  const plain = comparable(line);
  let unwrapped = line;
  for (const { tag, text } of tags) {
    unwrapped = unwrapped.replace(new RegExp(`<${escapeRe(tag)}(?:\\s[^<>]*)?>${escapeRe(text)}</${escapeRe(tag)}\\s*>`, 'iu'), text);
  }
  const texts = [plain, comparable(unwrapped)];
  for (const t of [...texts]) texts.push(t.replace(LIST_MARKER, ''));
  return [...new Set(texts)].filter((t) => t !== '');
}

/** How many blocks ahead of the last one found a kept line is looked for. */
const LOOKAHEAD = 25;

/**
 * The view of a statement's source: every line with what the edition did
 * with it, kept lines aligned to their blocks.
 * @example sourceView(entry).lines[0] // => { n: 1, text: '-', status: 'removed', removal: { kind: 'editor', … }, block: null, … }
 */
export function sourceView(entry: SourceViewInput): SourceView {
  const report = entry.metadata.edition;
  const texts = sourceLines(entry.source.text);
  const blocks = entry.blocks.map((b) => ({ id: b.id, n: b.n, text: comparable(b.text) }));

  const removedAt = new Map<number, number>();
  report.removals.forEach((r, i) => {
    for (let n = r.fromLine; n <= r.toLine; n++) removedAt.set(n, i);
  });
  const rejoinLines = new Set(report.rejoins.map((r) => r.line));
  const noSpaceLines = new Set(report.joinedWithoutSpace.map((j) => j.line));
  const tagsAt = new Map<number, { tag: string; text: string }[]>();
  for (const h of report.inlineHtml) tagsAt.set(h.line, [...(tagsAt.get(h.line) ?? []), { tag: h.tag, text: h.text }]);

  const lines: SourceLine[] = [];
  const unlocated: number[] = [];
  const seenBlocks = new Set<string>();
  let cursor = { block: 0, offset: 0 };
  /** The last non-blank line: its index in `lines`, and whether blank lines have come since. */
  let previous: { index: number; blankSince: boolean } | null = null;

  texts.forEach((text, i) => {
    const n = i + 1;
    const tags = tagsAt.get(n) ?? [];
    const marks: LineMark[] = [];
    if (tags.length > 0) marks.push('inline-html');
    if (INVISIBLE_CHARACTERS.test(text)) marks.push('invisible');
    const line: SourceLine = {
      n,
      text,
      parts: lineParts(text),
      status: 'kept',
      removal: null,
      block: null,
      marks,
      tags: tags.map((t) => t.tag),
    };
    const r = removedAt.get(n);
    if (r !== undefined) {
      const removal = report.removals[r]!;
      line.status = 'removed';
      line.removal = {
        index: r,
        kind: removal.kind,
        label: REMOVAL_LABELS[removal.kind],
        reason: removal.reason,
        fromLine: removal.fromLine,
        toLine: removal.toLine,
        first: n === removal.fromLine,
      };
    } else if (comparable(text) === '') {
      line.status = 'blank';
    } else {
      const found = locate(candidates(text, tags), blocks, cursor);
      if (found === null) unlocated.push(n);
      else {
        const b = blocks[found.block]!;
        line.block = { id: b.id, n: b.n, first: !seenBlocks.has(b.id) };
        seenBlocks.add(b.id);
        cursor = found;
      }
      if (rejoinLines.has(n)) {
        marks.unshift('rejoin');
        // The blank lines between the two parts are what split the paragraph.
        for (let k = lines.length - 1; k >= 0 && lines[k]!.status === 'blank'; k--) lines[k]!.marks.push('split');
      } else if (previous !== null && !previous.blankSince && line.block !== null && lines[previous.index]!.block?.id === line.block.id) {
        marks.unshift(noSpaceLines.has(n) ? 'joined-without-space' : 'unwrapped');
      }
    }
    if (line.status === 'blank') {
      if (previous) previous.blankSince = true;
    } else previous = { index: lines.length, blankSince: false };
    lines.push(line);
  });
  return { lines, unlocated };
}

/** Where the first of `texts` is found in the blocks, from `from` on, at most `LOOKAHEAD` blocks ahead; its end becomes the next start. */
function locate(
  texts: readonly string[],
  blocks: readonly { text: string }[],
  from: { block: number; offset: number },
): { block: number; offset: number } | null {
  const last = Math.min(blocks.length - 1, from.block + LOOKAHEAD);
  for (let b = from.block; b <= last; b++) {
    for (const t of texts) {
      const at = blocks[b]!.text.indexOf(t, b === from.block ? from.offset : 0);
      if (at !== -1) return { block: b, offset: at + t.length };
    }
  }
  return null;
}
