/**
 * Deterministic synthetic corpora for benchmarks: raw sources and metadata
 * files like the real ones (so the whole pipeline runs, normalize included),
 * with words drawn from the real statements and, in some sources, the
 * artifacts the normalizer undoes.
 */
import { createHash } from 'node:crypto';

/**
 * A small, fast seeded pseudo-random generator (mulberry32): the same seed
 * gives the same corpus on every machine.
 * @example const r = mulberry32(1); r() === mulberry32(1)() // => true
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What to generate. */
export interface SyntheticOptions {
  /** Number of statements. */
  count: number;
  /** Approximate size of each source in bytes. */
  bytes: number;
  /** Number of distinct speakers. */
  speakers: number;
  /** First and last year. */
  years: [number, number];
  /** Seed of the generator. */
  seed: number;
  /** Share of sources (0–1) that carry website chrome, hard wraps, splits, headings, bullets and a footer. */
  artifacts: number;
}

/** A theme as the generator needs it: id and match terms. */
export interface SyntheticTheme {
  id: string;
  terms: string[];
}

/** The files of a content folder: relative path → content. */
export type ContentFiles = Map<string, string>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

function sentence(r: () => number, vocab: string[], extra: string | null): string {
  const n = 12 + Math.floor(r() * 16);
  const words = Array.from({ length: n }, () => pick(r, vocab));
  if (extra) words.splice(Math.floor(r() * words.length), 0, extra);
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

/** Wraps text at about `width` characters, breaking at spaces. */
function hardWrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Generates a content folder: `sources/*.txt` and `*.yaml`, `speakers.yaml`;
 * the caller adds `themes.yaml` and `aliases.yaml`. Every statement mentions
 * the terms of at least two themes, and every theme is used.
 */
export function syntheticCorpus(opts: SyntheticOptions, vocab: string[], themes: SyntheticTheme[]): ContentFiles {
  const r = mulberry32(opts.seed);
  const files: ContentFiles = new Map();
  const speakerIds = Array.from({ length: opts.speakers }, (_, i) => `speaker-${String(i + 1).padStart(4, '0')}`);
  files.set(
    'speakers.yaml',
    speakerIds
      .map(
        (id, i) =>
          `- id: ${id}\n  name: Speaker ${i + 1}\n  family: Speaker\n  given: '${String(i + 1).padStart(4, '0')}'\n  sortName: Speaker ${String(i + 1).padStart(4, '0')}\n  affiliation: ${i % 3 === 0 ? 'IOM' : 'Government of China'}\n`,
      )
      .join(''),
  );
  for (let i = 0; i < opts.count; i++) {
    const id = `bench-${String(i + 1).padStart(6, '0')}`;
    const year = opts.years[0] + Math.floor(r() * (opts.years[1] - opts.years[0] + 1));
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 28);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const speaker = pick(r, speakerIds);
    const chosen = [themes[i % themes.length]!, themes[(i * 7 + 3) % themes.length]!];
    const terms = chosen.flatMap((t) => t.terms.map((term) => term.replace(/\*$/u, '')));
    const title = `Statement ${i + 1} on ${chosen[0]!.id.replace(/-/gu, ' ')}`;
    const withArtifacts = r() < opts.artifacts;

    const paragraphs: string[] = [];
    let size = 0;
    let termAt = 0;
    // At least four paragraphs where the artifacts go in (heading, split and list need them).
    while (size < opts.bytes || (withArtifacts && paragraphs.length < 4)) {
      const n = 3 + Math.floor(r() * 4);
      const p = Array.from({ length: n }, (_, k) => sentence(r, vocab, k === 0 ? terms[termAt++ % terms.length]! : null)).join(' ');
      paragraphs.push(p);
      size += p.length + 2;
    }

    const lines: string[] = [];
    if (withArtifacts)
      lines.push(
        '-',
        'Who we are',
        'What We Do',
        'What We Do',
        '- Data and Research',
        `${String(day).padStart(2, '0')} ${MONTHS[month - 1]} ${year}`,
        '',
      );
    lines.push(title, '', 'Mr. President,', '');
    paragraphs.forEach((p, k) => {
      if (withArtifacts && k === 1) lines.push('I. The first point of this', 'statement on migration', '');
      if (withArtifacts && k === 2) {
        const words = p.split(' ');
        const cut = Math.floor(words.length / 2);
        // A blank line in mid-sentence, before a lower-case word.
        lines.push(
          words
            .slice(0, cut)
            .join(' ')
            .replace(/[.,;:]$/u, ''),
          '',
          `${words[cut]!.toLowerCase()} ${words.slice(cut + 1).join(' ')}`,
          '',
        );
        return;
      }
      if (withArtifacts && k === 3)
        lines.push('  • First item of a list;', '  • Second item, which is wrapped', '    over two lines; and', '  • Third item.', '');
      lines.push(...(withArtifacts ? hardWrap(p, 65) : [p]), '');
    });
    lines.push('Thank you.');
    if (withArtifacts)
      lines.push('For more information, please contact', 'Press Office', 'Tel. +41 22 000 00 00', 'Email: press@example.org');
    const source = `${lines.join('\n')}\n`;
    const sha = createHash('sha256').update(source).digest('hex');
    files.set(`sources/${id}.txt`, source);
    files.set(
      `sources/${id}.yaml`,
      [
        `id: ${id}`,
        `title: '${title}'`,
        'type: statement',
        'language: en',
        `speaker: ${speaker}`,
        'role: null',
        `onBehalfOf: ${speakerIds.indexOf(speaker) % 3 === 0 ? 'IOM' : 'China'}`,
        'event: null',
        'place: Geneva',
        `date: { value: '${date}' }`,
        `source: { file: ${id}.txt, sha256: ${sha}, url: null }`,
        '',
      ].join('\n'),
    );
  }
  return files;
}
