/**
 * Invariants of the data downloads, true of any corpus: `corpus.json.gz`,
 * `statements.csv` and `paragraphs.csv.gz` hold exactly the statements of
 * `<content>/statements/`, oldest first, each with the word count, block count
 * and speaker of its frontmatter and the blocks of its Markdown. The CSV files
 * are read by Python's csv module (through its gzip module when gzipped), as
 * a user's tools would read them.
 * Each function returns the problems it finds (an empty list when all holds).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { compareIds, isFile, readEdition } from './read.ts';

/** The rows of a CSV file (gzipped when its name ends in .gz) as Python's csv.DictReader reads them. */
export function csvRows(file: string): Record<string, string>[] {
  const program =
    'import csv,gzip,json,sys; o = gzip.open if sys.argv[1].endswith(".gz") else open; ' +
    'print(json.dumps(list(csv.DictReader(o(sys.argv[1], "rt", newline="", encoding="utf-8")))))';
  const r = spawnSync('python3', ['-c', program, file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`python3 csv on ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, string>[];
}

interface CorpusJson {
  statements: { id: string; words: number; blocks: number; paragraphs: { id: string; text: string }[] }[];
}

export function dataFiles(contentDir: string, distDir: string): string[] {
  const problems: string[] = [];
  const statements = readEdition(contentDir);
  const ids = statements.map((s) => s.id);
  const file = (name: string) => {
    const path = join(distDir, 'data', name);
    if (!isFile(path)) problems.push(`/data/${name}: missing`);
    return isFile(path) ? path : null;
  };

  const corpusFile = file('corpus.json.gz');
  if (corpusFile !== null) {
    const corpus = JSON.parse(gunzipSync(readFileSync(corpusFile)).toString('utf8')) as CorpusJson;
    const diff = compareIds(
      '/data/corpus.json.gz',
      corpus.statements.map((s) => s.id),
      ids,
    );
    if (diff) problems.push(diff);
    for (const s of statements) {
      const c = corpus.statements.find((x) => x.id === s.id);
      if (c === undefined) continue;
      if (c.words !== s.data.words) problems.push(`/data/corpus.json.gz: ${s.id} has ${c.words} words, the frontmatter ${s.data.words}`);
      if (c.blocks !== s.data.blocks)
        problems.push(`/data/corpus.json.gz: ${s.id} has ${c.blocks} blocks, the frontmatter ${s.data.blocks}`);
      const same =
        c.paragraphs.length === s.blocks.length && c.paragraphs.every((p, i) => p.id === s.blocks[i]!.id && p.text === s.blocks[i]!.text);
      if (!same) problems.push(`/data/corpus.json.gz: the paragraphs of ${s.id} are not the blocks of its Markdown`);
    }
  }

  const statementsCsv = file('statements.csv');
  if (statementsCsv !== null) {
    const rows = csvRows(statementsCsv);
    const diff = compareIds(
      '/data/statements.csv',
      rows.map((r) => r['statement_id'] ?? ''),
      ids,
    );
    if (diff) problems.push(diff);
    for (const s of statements) {
      const row = rows.find((r) => r['statement_id'] === s.id);
      if (row === undefined) continue;
      const expected: [string, string][] = [
        ['words', String(s.data.words)],
        ['paragraphs', String(s.data.blocks)],
        ['speaker_id', s.data.speaker.value ?? ''],
        ['speaker_status', s.data.speaker.status],
      ];
      for (const [column, value] of expected) {
        if (row[column] !== value)
          problems.push(`/data/statements.csv: ${s.id}: ${column} is "${row[column] ?? '(no column)'}", the frontmatter says "${value}"`);
      }
    }
  }

  const paragraphsCsv = file('paragraphs.csv.gz');
  if (paragraphsCsv !== null) {
    const rows = csvRows(paragraphsCsv);
    for (const s of statements) {
      // A paragraph longer than a CSV cell may hold is split over rows (part 1 of n, …): one id per paragraph.
      const own = rows.filter((r) => r['statement_id'] === s.id && r['part'] === '1').map((r) => r['paragraph_id']);
      const diff = compareIds(
        `/data/paragraphs.csv.gz (${s.id})`,
        own as string[],
        s.blocks.map((b) => b.id),
      );
      if (diff) problems.push(diff);
    }
    const stray = [...new Set(rows.map((r) => r['statement_id'] ?? ''))].filter((id) => !ids.includes(id));
    if (stray.length > 0) problems.push(`/data/paragraphs.csv.gz: rows of no statement: ${stray.join(', ')}`);
  }
  return problems;
}
