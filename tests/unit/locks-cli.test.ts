/**
 * The locks as `npm run normalize` keeps them, on copies of the fixture's
 * content: ids survive a lost lock, a lock that loses an id is refused, and
 * `--check` fails on a lock out of date, naming what would change.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshCopies, readBlocks, readStatements, runNormalize, splitStatement, writeSource } from '../helpers/content.ts';

const W = '000_ce5e4365aebd8e0f';
const WU = '2012-11-28-wu-haitao-iom-council.md';
const ADDED = 'We also note with appreciation the support IOM has given to returning migrants in the past year.';

const fresh = freshCopies(afterEach);

const lockPath = (dir: string) => join(dir, 'sources', `${W}.lock.json`);
const readLock = (dir: string) =>
  JSON.parse(readFileSync(lockPath(dir), 'utf8')) as { blocks: { id: string; text: string }[]; nextId: number; history: unknown[] };
/** Inserts a paragraph after the one that starts "Secondly". */
function insertParagraph(dir: string): void {
  const raw = readFileSync(join(dir, 'sources', `${W}.txt`), 'utf8');
  writeSource(dir, `${W}.txt`, raw.replace(/(\nSecondly,[^\n]*\n)/u, `$1\n${ADDED}\n`));
}
const idsOf = (dir: string) => readBlocks(splitStatement(readStatements(dir).get(WU)!).body).map((b) => [b.id, b.text.slice(0, 20)]);

describe('locks', () => {
  it('an unchanged corpus leaves every lock as it is, and --check passes', () => {
    const dir = fresh();
    const before = readFileSync(lockPath(dir), 'utf8');
    expect(runNormalize(dir).status).toBe(0);
    expect(readFileSync(lockPath(dir), 'utf8')).toBe(before);
    expect(runNormalize(dir, '--check').status).toBe(0);
  });

  it('an inserted paragraph gets the next id; the lock records it and the statement carries its history', () => {
    const dir = fresh();
    insertParagraph(dir);
    const r = runNormalize(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`sources/${W}.lock.json: inserted p-11 (filed under edition 1.0`);
    const lock = readLock(dir);
    expect(lock.nextId).toBe(12);
    expect(lock.blocks.map((b) => b.id)).toEqual(['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-11', 'p-6', 'p-7', 'p-8', 'p-9', 'p-10']);
    expect(lock.blocks[5]!.text).toBe(ADDED);
    const fm = splitStatement(readStatements(dir).get(WU)!).frontmatter;
    expect(fm).toContain(
      "  - edition: '1.0'\n    changes:\n      - kind: published\n        blocks: 10\n      - kind: inserted\n        id: p-11",
    );
    // Normalizing again changes nothing.
    const again = runNormalize(dir);
    expect(again.stdout).not.toContain('lock.json');
    expect(runNormalize(dir, '--check').status).toBe(0);
  });

  it('--check fails when a source changed and its lock was not updated, naming what would change', () => {
    const dir = fresh();
    insertParagraph(dir);
    const r = runNormalize(dir, '--check');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`sources/${W}.lock.json: would change: inserted p-11`);
  });

  it('a lost lock never renumbers published paragraphs: the ids come from the published Markdown', () => {
    const dir = fresh();
    expect(runNormalize(dir).status).toBe(0);
    rmSync(lockPath(dir));
    insertParagraph(dir);
    const r = runNormalize(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(idsOf(dir).map(([id]) => id)).toEqual(['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-11', 'p-6', 'p-7', 'p-8', 'p-9', 'p-10']);
  });

  it('--check refuses a lock that has lost an id the published Markdown has', () => {
    const dir = fresh();
    expect(runNormalize(dir).status).toBe(0);
    const lock = JSON.parse(readFileSync(lockPath(dir), 'utf8')) as { blocks: { id: string }[] };
    lock.blocks = lock.blocks.filter((b) => b.id !== 'p-9');
    writeFileSync(lockPath(dir), JSON.stringify(lock));
    const r = runNormalize(dir, '--check');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `sources/${W}.lock.json: blocks: does not know p-9, published in statements/2012-11-28-wu-haitao-iom-council.md`,
    );
  });

  it('a metadata correction is recorded with the old and new value', () => {
    const dir = fresh();
    const meta = join(dir, 'sources', `${W}.yaml`);
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('  value: Geneva\n', '  value: Geneva (Palais des Nations)\n'));
    const r = runNormalize(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('place: Geneva (stated) → Geneva (Palais des Nations) (stated)');
  });
});

describe('the word reference for distinctive words', () => {
  const referencePath = (dir: string) => join(dir, 'word-reference.json');
  const words = (dir: string) => (JSON.parse(readFileSync(referencePath(dir), 'utf8')) as { words: number; edition: string }).words;

  it('is counted on the first run, then left alone by an edit that moves the corpus less than 1%', () => {
    const dir = fresh();
    const first = runNormalize(dir);
    expect(first.stdout).toContain('normalize: counted the word reference anew, as there is none yet.');
    const before = readFileSync(referencePath(dir), 'utf8');
    insertParagraph(dir);
    const r = runNormalize(dir);
    expect(r.stdout).not.toContain('word reference');
    expect(readFileSync(referencePath(dir), 'utf8')).toBe(before);
    expect(runNormalize(dir, '--check').status).toBe(0);
  });

  it('is counted anew for a new edition, and --check says when it is out of date', () => {
    const dir = fresh();
    runNormalize(dir);
    const counted = words(dir);
    writeFileSync(
      join(dir, 'editions.yaml'),
      `${readFileSync(join(dir, 'editions.yaml'), 'utf8')}- version: '1.1'\n  date: '2026-12-02'\n  summary: Next.\n`,
    );
    const check = runNormalize(dir, '--check');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('word-reference.json: is out of date (edition 1.1 is declared)');
    expect(runNormalize(dir).stdout).toContain('normalize: counted the word reference anew, as edition 1.1 is declared.');
    expect(words(dir)).toBe(counted);
  });
});
