/**
 * The normalization of one source: bytes in, Markdown with frontmatter out.
 * Every step is a small pure function from the modules beside this one; this
 * file only runs them in order and gathers what they report.
 */
import { dump } from 'js-yaml';
import {
  type EditionReport,
  type IdChange,
  type Lock,
  type StatementFrontmatter,
  type StatementMeta,
  type Theme,
  statementFrontmatter,
} from '../../src/edition/schemas.ts';
import { classifyBlocks, rejoinSplitParagraphs, splitBlocks, splitOffSalutations, unwrapLines } from './steps/6-blocks.ts';
import { stripContactFooter } from './steps/5-footer.ts';
import { HEADER_MAX_LINES, removeListedLines, stripHeaderMatter } from './steps/4-header.ts';
import { unwrapInlineHtml } from './steps/3-inline-html.ts';
import { assignIds, highestId, metadataSnapshot, nextLock, type Previous } from './steps/7-ids.ts';
import { blocksToMarkdown, type EditionBlock, listsOf } from './steps/8-markdown.ts';
import { InputProblems, type Problem } from './problems.ts';
import { assertNoControlCharacters, decodeUtf8Strict, splitLines, stripInvisibleCharacters } from './steps/1-source-text.ts';
import { assignThemes } from './steps/9-themes.ts';
import { normalizeWhitespace } from './steps/2-whitespace.ts';
import { wordCount } from '../../src/edition/text.ts';

/** The fewest themes a statement may have. */
export const MIN_THEMES = 2;

/** What normalizing one source gives. */
export interface NormalizedStatement {
  /** The statement's id (its file name without `.md`). */
  id: string;
  /** The whole file: frontmatter and Markdown body. */
  markdown: string;
  /** The frontmatter as data. */
  frontmatter: StatementFrontmatter;
  /** The blocks, for tests and reports. */
  blocks: EditionBlock[];
  /** The statement's lock after this run (ids, retired ids, history). */
  lock: Lock;
  /** What this run changed in the ids and the metadata (empty when nothing; for a new lock, "published"). */
  idChanges: IdChange[];
  /** Things worth a look that are not errors. */
  warnings: string[];
}

/** What ids depend on: the statement before this run, the current edition, and speakers' names for the metadata record. */
export interface IdContext {
  previous: Previous;
  edition: string;
  speakerName: (id: string) => string;
}

/** Speakers' names by id, made once per list of speakers. */
const speakerNames = new WeakMap<readonly { id: string; name: string }[], Map<string, string>>();

/**
 * The id context of a loaded source: its lock (or, without one, the blocks
 * published before, if given), the current edition, speakers' names.
 */
export function idContextOf(
  content: { editions: readonly { version: string }[]; speakers: readonly { id: string; name: string }[] },
  source: { lock: Lock | null },
  published?: { id: string; text: string }[],
): IdContext {
  let names = speakerNames.get(content.speakers);
  if (!names) speakerNames.set(content.speakers, (names = new Map(content.speakers.map((s) => [s.id, s.name]))));
  const byId = names;
  return {
    previous: source.lock ? { lock: source.lock } : published ? { published } : null,
    edition: content.editions.at(-1)?.version ?? '',
    speakerName: (id) => byId.get(id) ?? id,
  };
}

/**
 * Normalizes one source. Throws `InputProblems` naming the file and line for
 * anything it cannot handle faithfully.
 */
export function normalizeSource(
  bytes: Uint8Array,
  meta: StatementMeta,
  themes: Theme[],
  file: string,
  idContext: IdContext,
): NormalizedStatement {
  const problems: Problem[] = [];
  const warnings: string[] = [];

  const decoded = stripInvisibleCharacters(decodeUtf8Strict(bytes, file));
  if (decoded.text.trim() === '') {
    throw new InputProblems([{ file, where: '', message: 'the file has no visible text (only invisible characters and whitespace)' }]);
  }
  const rawLines = splitLines(decoded.text);
  assertNoControlCharacters(rawLines, file);
  const spaced = normalizeWhitespace(rawLines);
  const html = unwrapInlineHtml(spaced.lines);

  problems.push(...listedRemovalProblems(meta, rawLines, file));
  if (problems.length > 0) throw new InputProblems(problems);
  const listed = removeListedLines(html.lines, meta.removals ?? []);

  const title = meta.sourceTitle ?? meta.title;
  const header = stripHeaderMatter(
    listed.lines,
    { title, date: meta.date.value, place: meta.place.value, titleLine: meta.sourceTitleLine, metaFile: metaFileOf(file) },
    file,
  );
  problems.push(...header.problems);
  if (meta.sourceTitleLine === 'none' && meta.sourceTitle) {
    problems.push({
      file: metaFileOf(file),
      where: 'sourceTitle',
      message: "gives the source's title line, but sourceTitleLine says the source has none: remove one of the two",
    });
  } else if (!header.titleFound && meta.sourceTitle && meta.sourceTitleLine === undefined) {
    problems.push({
      file: metaFileOf(file),
      where: 'sourceTitle',
      message: `is not found in the first ${HEADER_MAX_LINES} lines of the source`,
    });
  } else if (!header.titleFound && meta.sourceTitleLine === undefined) {
    warnings.push(`${file}: the title does not appear in the source, so nothing above it was removed`);
  }
  const footer = stripContactFooter(header.lines);

  const split = splitBlocks(footer.lines);
  if (split.blocks.length === 0) {
    throw new InputProblems([
      ...problems,
      { file, where: '', message: 'no text is left once the header, the footer and the lines listed under removals are removed' },
    ]);
  }
  const rejoined = rejoinSplitParagraphs(split.blocks);
  const classified = classifyBlocks(splitOffSalutations(rejoined.blocks));

  let unwrappedLines = 0;
  const joinedWithoutSpace: EditionReport['joinedWithoutSpace'] = [];
  const unwrapped = classified.map((block) => ({ block, u: unwrapLines(block.lines) }));
  const { previous } = idContext;
  const locked =
    previous === null ? null : 'lock' in previous ? previous.lock : { blocks: previous.published, nextId: nextIdAfter(previous.published) };
  const assignment = assignIds(
    locked,
    unwrapped.map((x) => x.u.text),
  );
  const blocks: EditionBlock[] = unwrapped.map(({ block, u }, i) => {
    const id = assignment.ids[i]!;
    unwrappedLines += u.joins;
    joinedWithoutSpace.push(...u.noSpace.map((j) => ({ line: j.line, block: id, text: j.text })));
    return { id, kind: block.kind, text: u.text, lines: block.lines.map((l) => l.n), number: block.number };
  });
  const blockByLine = new Map(blocks.flatMap((b) => b.lines.map((n) => [n, b.id] as const)));
  const blockOfLine = (n: number): string => blockByLine.get(n)!;

  const notes: EditionReport['notes'] = [];
  meta.notes.forEach((note, i) => {
    const hits = blocks.filter((b) => b.text.includes(note.quote));
    const occurrences = hits.reduce((s, b) => s + b.text.split(note.quote).length - 1, 0);
    if (occurrences !== 1) {
      problems.push({
        file: metaFileOf(file),
        where: `notes.${i}.quote`,
        message: `"${note.quote}" occurs ${occurrences} times in the text; it must occur exactly once`,
      });
      return;
    }
    notes.push({ block: hits[0]!.id, quote: note.quote, note: note.note });
  });

  const fullText = blocks.map((b) => b.text).join('\n');
  const assigned = assignThemes(fullText, themes, meta.themes);
  if (assigned.length < MIN_THEMES) {
    problems.push({
      file: metaFileOf(file),
      where: 'themes',
      message: `only ${assigned.length} theme(s) apply (${assigned.map((t) => t.id).join(', ') || 'none'}); every statement needs at least ${MIN_THEMES}: add match terms in themes.yaml or a themes.add entry with a reason`,
    });
  }
  if (problems.length > 0) throw new InputProblems(problems);

  const edition: EditionReport = {
    paragraphSeparator: split.separator,
    removals: [...listed.removals, ...header.removals, ...footer.removals].sort((a, b) => a.fromLine - b.fromLine),
    rejoins: rejoined.rejoins.map((r) => ({ line: r.line, block: blockOfLine(r.joinedLine), before: r.before, after: r.after })),
    unwrappedLines,
    joinedWithoutSpace,
    inlineHtml: html.removed,
    invisibleCharacters: decoded.removed,
    whitespace: { ...spaced.stats, blankLinesDropped: listed.blankLines + header.blankLines + split.blankLinesDropped },
    headings: blocks.filter((b) => b.kind === 'heading').map((b) => ({ block: b.id, text: b.text })),
    lists: listsOf(blocks),
    notes,
  };
  const { lock, changes } = nextLock(
    previous,
    meta.id,
    blocks,
    assignment,
    metadataSnapshot(meta, idContext.speakerName),
    idContext.edition,
  );
  const frontmatter = statementFrontmatter.parse({
    id: meta.id,
    title: meta.title,
    type: meta.type,
    language: meta.language,
    speaker: meta.speaker,
    role: meta.role,
    onBehalfOf: meta.onBehalfOf,
    event: meta.event,
    place: meta.place,
    date: meta.date,
    source: meta.source,
    themes: assigned,
    blocks: blocks.length,
    words: wordCount(fullText),
    edition,
    retired: lock.retired,
    history: lock.history,
  });
  // js-yaml writes this frontmatter 4.5 times faster than the yaml package (measured on 1,000
  // synthetic statements: 171 ms against 783 ms); Astro reads it back with js-yaml. Its default
  // compatibility mode quotes what YAML 1.1 would read as booleans (yes, no, on, off).
  const yaml = dump(frontmatter, { lineWidth: -1, noRefs: true });
  const markdown = `---\n${yaml}---\n\n${blocksToMarkdown(blocks)}`;
  return { id: meta.id, markdown, frontmatter, blocks, warnings, lock, idChanges: changes };
}

/**
 * Problems with the line numbers of the metadata's `removals` and
 * `sourceTitleLine`: each must be a line of the source (a final line break
 * does not start another line).
 * @example listedRemovalProblems({ removals: [{ from: 1, to: 9, reason: 'r' }] }, [{ n: 1, text: 'a' }], 'sources/a.txt')[0]?.where
 * // => 'removals.0.to'
 */
export function listedRemovalProblems(
  meta: Partial<Pick<StatementMeta, 'removals' | 'sourceTitleLine'>>,
  rawLines: readonly { n: number; text: string }[],
  file: string,
): Problem[] {
  const count = rawLines.length > 1 && rawLines.at(-1)!.text === '' ? rawLines.length - 1 : rawLines.length;
  const past = (n: number) => `line ${n} is past the end of ${file}, which has ${count} line${count === 1 ? '' : 's'}`;
  const problems: Problem[] = [];
  (meta.removals ?? []).forEach((r, i) => {
    if (r.from > count) problems.push({ file: metaFileOf(file), where: `removals.${i}.from`, message: past(r.from) });
    else if (r.to > count) problems.push({ file: metaFileOf(file), where: `removals.${i}.to`, message: past(r.to) });
  });
  const t = meta.sourceTitleLine;
  if (typeof t === 'number' && t > count) problems.push({ file: metaFileOf(file), where: 'sourceTitleLine', message: past(t) });
  return problems;
}

/**
 * The metadata file that belongs to a source file.
 * @example metaFileOf('sources/000_x.txt') // => 'sources/000_x.yaml'
 */
export function metaFileOf(sourceFile: string): string {
  return sourceFile.replace(/\.txt$/u, '.yaml');
}

/** The next id after a published statement's blocks (one above the highest). */
function nextIdAfter(blocks: readonly { id: string }[]): number {
  return highestId(blocks.map((b) => b.id)) + 1;
}
