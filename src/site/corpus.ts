/**
 * The corpus as the pages need it, computed once from the collections:
 * statements in date order with their neighbours, and every grouping the
 * indexes show (speaker, year, theme, type, on behalf of). Pure: no Astro here.
 */
import { createHash } from 'node:crypto';
import {
  currentEdition,
  type Edition,
  type Speaker,
  type StatementFrontmatter,
  type StatementType,
  type Theme,
  type ThemeAssignment,
} from '../edition/schemas.ts';
import { type CorpusParagraph, type CorpusStatement, distinctiveFromCounts, type KeyWord, wordFrequencies } from '../analysis/analysis.ts';
import { compareDates, formatDate } from '../edition/dates.ts';
import { assertUniqueSlugs, slugify } from '../edition/slugs.ts';
import type { TextBlock } from '../edition/statement-text.ts';
import { tokenize } from '../edition/text.ts';
import type { WordReference } from '../edition/word-reference.ts';

/** The speaker key of statements whose speaker is not recorded (no speaker id can be it: ids are slugs). */
export const UNKNOWN_SPEAKER = '(not recorded)';

/**
 * The years the corpus covers, as readers see them: "2010–2023", or one year.
 * @example yearSpan([{ label: '2010' }, { label: '2023' }]) // => '2010–2023'
 */
export function yearSpan(years: readonly { label: string }[]): string {
  const first = years[0]?.label ?? '';
  const last = years.at(-1)?.label ?? '';
  return first === last ? first : `${first}–${last}`;
}

/** Words per minute assumed for reading time. */
export const WORDS_PER_MINUTE = 200;

/** A statement with what pages show beside its frontmatter. */
export interface StatementView {
  /** The frontmatter as written by the normalizer. */
  data: StatementFrontmatter;
  /** Its speaker's entry, or null when the speaker is unknown. */
  speaker: Speaker | null;
  /** The year of its date. */
  year: string;
  /** The date as shown ("March 2021"). */
  dateLabel: string;
  /** Estimated minutes to read. */
  readingMinutes: number;
  /** Its themes, each with the theme entry and why it applies. */
  themes: { theme: Theme; assignment: ThemeAssignment }[];
  /** The statement before and after it in date order. */
  prev: StatementView | null;
  next: StatementView | null;
  /** Its text, block by block (empty when not given to `buildCorpus`). */
  blocks: TextBlock[];
  /** Its most distinctive words against the rest of the corpus (counted when first read). */
  distinctive: KeyWord[];
  /** Which reference corpus `distinctive` is counted against (a hash of it), for cache keys. */
  referenceId: string;
}

/** A named group of statements with a URL slug. */
export interface Group {
  /** URL segment. */
  slug: string;
  /** Label shown to readers. */
  label: string;
  /** Statements in date order. */
  statements: StatementView[];
}

/** Everything the pages show. */
export interface Corpus {
  /** The current edition (content/editions.yaml's last entry): shown on every page, carried by every citation and export. */
  edition: Edition;
  /** Every edition, oldest first. */
  editions: Edition[];
  /** All statements, oldest first. */
  statements: StatementView[];
  /** Speakers by sort name, each with their statements. */
  speakers: { speaker: Speaker; statements: StatementView[] }[];
  /** Years, oldest first. */
  years: Group[];
  /** Themes by label, each statement with why the theme applies. */
  themes: { theme: Theme; statements: { statement: StatementView; assignment: ThemeAssignment }[] }[];
  /** Statement types. */
  types: Group[];
  /** Governments and organizations spoken for. */
  onBehalfOf: Group[];
  /** Total words. */
  words: number;
  /** Statements and paragraphs in the compact form the analysis functions take. */
  analysis: { statements: CorpusStatement[]; paragraphs: CorpusParagraph[] };
}

/** Reader-facing labels of the statement types. */
export const TYPE_LABELS: Record<StatementType, string> = {
  statement: 'Statement',
  remarks: 'Remarks',
  speech: 'Speech',
  'press-release': 'Press release',
};

/**
 * Minutes to read a number of words, at least one.
 * @example readingMinutes(912) // => 5
 */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

function groupBy(statements: StatementView[], key: (s: StatementView) => string | null, label: (k: string) => string): Group[] {
  const groups = new Map<string, StatementView[]>();
  for (const s of statements) {
    const k = key(s);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  return [...groups.entries()].map(([k, list]) => ({ slug: slugify(k), label: label(k), statements: list }));
}

/**
 * Builds the corpus view. Throws when a statement names a speaker or theme that
 * does not exist (the normalizer checks this too) or when two groups share a slug.
 */
export function buildCorpus(
  data: StatementFrontmatter[],
  speakers: Speaker[],
  themes: Theme[],
  blocksById: Map<string, TextBlock[]>,
  editions: Edition[],
  reference: WordReference,
): Corpus {
  const speakerById = new Map(speakers.map((s) => [s.id, s]));
  const themeById = new Map(themes.map((t) => [t.id, t]));
  const statements: StatementView[] = [...data]
    .sort((a, b) => compareDates(a.date.value, b.date.value) || (a.id < b.id ? -1 : 1))
    .map((d) => {
      const speaker = d.speaker.value === null ? null : (speakerById.get(d.speaker.value) ?? null);
      if (d.speaker.value !== null && speaker === null) throw new Error(`${d.id}: unknown speaker "${d.speaker.value}"`);
      return {
        data: d,
        speaker,
        year: d.date.value.slice(0, 4),
        dateLabel: formatDate(d.date),
        readingMinutes: readingMinutes(d.words),
        themes: d.themes.map((assignment) => {
          const theme = themeById.get(assignment.id);
          if (!theme) throw new Error(`${d.id}: unknown theme "${assignment.id}"`);
          return { theme, assignment };
        }),
        prev: null,
        next: null,
        blocks: blocksById.get(d.id) ?? [],
        distinctive: [],
        referenceId: '',
      };
    });
  statements.forEach((s, i) => {
    s.prev = statements[i - 1] ?? null;
    s.next = statements[i + 1] ?? null;
  });
  // Each statement against the reference corpus (src/edition/word-reference.ts) less its own
  // words: one edit moves its own distinctive words, not every page's. Counted when first asked
  // for (by a page that is rendered), not for every statement of every build: a page's cache key
  // has what they are made of instead (its blocks and `referenceId`).
  const referenceId = createHash('sha256').update(JSON.stringify(reference)).digest('hex').slice(0, 16);
  for (const s of statements) {
    let counted: KeyWord[] | undefined;
    s.referenceId = referenceId;
    Object.defineProperty(s, 'distinctive', {
      get: () => (counted ??= distinctiveAgainst(s.blocks, reference)),
      enumerable: true,
      configurable: true,
    });
  }

  const onBehalfOfValues = statements.map((s) => s.data.onBehalfOf.value).filter((v): v is string => v !== null);
  assertUniqueSlugs(onBehalfOfValues);

  return {
    edition: currentEdition(editions),
    editions,
    statements,
    speakers: [...speakers]
      .sort((a, b) => a.sortName.localeCompare(b.sortName, 'en'))
      .map((speaker) => ({ speaker, statements: statements.filter((s) => s.speaker?.id === speaker.id) })),
    years: groupBy(
      statements,
      (s) => s.year,
      (y) => y,
    ),
    themes: [...themes]
      .sort((a, b) => a.label.localeCompare(b.label, 'en'))
      .map((theme) => ({
        theme,
        statements: statements.flatMap((statement) =>
          statement.themes.filter((t) => t.theme.id === theme.id).map((t) => ({ statement, assignment: t.assignment })),
        ),
      })),
    types: groupBy(
      statements,
      (s) => s.data.type,
      (t) => TYPE_LABELS[t as StatementType],
    ).sort((a, b) => a.label.localeCompare(b.label, 'en')),
    onBehalfOf: groupBy(
      statements,
      (s) => s.data.onBehalfOf.value,
      (v) => v,
    ).sort((a, b) => a.label.localeCompare(b.label, 'en')),
    words: statements.reduce((sum, s) => sum + s.data.words, 0),
    analysis: {
      statements: statements.map((s) => ({
        id: s.data.id,
        title: s.data.title,
        speaker: s.speaker?.name ?? 'Speaker not recorded',
        speakerId: s.speaker?.id ?? UNKNOWN_SPEAKER,
        year: s.year,
        date: s.data.date.value,
        dateLabel: s.dateLabel,
      })),
      paragraphs: statements.flatMap((s, i) => s.blocks.map((b) => ({ s: i, n: b.n, id: b.id, text: b.text }))),
    },
  };
}

/**
 * A statement's distinctive words against the reference corpus less the
 * statement's own words (a statement added after the reference was counted
 * is compared with the whole reference; a count below zero is taken as zero).
 */
export function distinctiveAgainst(blocks: readonly { text: string }[], reference: WordReference): KeyWord[] {
  const own = wordFrequencies(blocks.flatMap((b) => tokenize(b.text).map((t) => t.norm)));
  const size = [...own.values()].reduce((x, y) => x + y, 0);
  const restOf = new Map<string, number>();
  for (const [w, n] of own) restOf.set(w, Math.max((reference.counts[w] ?? 0) - n, 0));
  return distinctiveFromCounts(own, size, restOf, Math.max(reference.words - size, 0));
}
