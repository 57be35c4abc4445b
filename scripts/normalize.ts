/**
 * `npm run normalize`: turns `content/sources/*.txt` and their metadata into
 * `content/statements/<id>.md`, and keeps each statement's lock
 * (`content/sources/<name>.lock.json`: its paragraph ids for life, see
 * scripts/normalize/steps/7-ids.ts), reporting every id it gives or retires.
 * Validates every input first and reports every problem at once; writes
 * nothing unless all is well. Sources unchanged since
 * the last run (same bytes, metadata, themes and normalizer code) are not
 * normalized again (see scripts/normalize/io/cache.ts). Reads only regular
 * files inside the content folder, and refuses by name anything else, any name
 * another machine cannot check out, and anything in content/statements/ it did
 * not write (see scripts/normalize/io/files.ts and output.ts).
 *
 * Options:
 *   --check          write nothing; fail when content/statements or a lock is not what a run would write
 *   --content DIR    the content folder (default: content)
 *   --no-cache       normalize every source, ignoring and not writing the cache
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type CachedStatement, codeVersion, readCache, type ReadCache, sha256, writeCache } from './normalize/io/cache.ts';
import { MAX_STATEMENT_BYTES, MAX_YAML_BYTES, readRegularFile } from './normalize/io/files.ts';
import { loadContent } from './normalize/io/inputs.ts';
import { lockFileOf, lockText, lostIds, publishedBlocks, writeLock } from './normalize/io/locks.ts';
import type { IdChange } from '../src/edition/schemas.ts';
import { type FileContent, foreignFiles, staleFiles, writeFolderAtomically } from './normalize/io/output.ts';
import { idContextOf, normalizeSource } from './normalize/pipeline.ts';
import { readReference, referenceFor, writeReference } from './normalize/io/reference.ts';
import { formatProblem, InputProblems, type Problem } from './normalize/problems.ts';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    content: { type: 'string', default: 'content' },
    'no-cache': { type: 'boolean', default: false },
  },
});

const contentDir = resolve(values.content);
const outDir = join(contentDir, 'statements');
const started = performance.now();
const useCache = !values['no-cache'] && !values.check;

const version = codeVersion(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
/** A file every statement depends on (themes, editions, speakers), for the cache key: read as `loadContent` reads it, which reports any problem with it. */
function sharedText(name: string): string {
  try {
    return readRegularFile(join(contentDir, name), MAX_YAML_BYTES, 'a YAML file').toString('utf8');
  } catch {
    return '';
  }
}
const cache: ReadCache = useCache ? readCache(contentDir, version) : { entries: new Map() };
if (cache.note) console.log(`normalize: note: ${cache.note}.`);
const cached = cache.entries;
const sharedKey = sha256(...['themes.yaml', 'editions.yaml', 'speakers.yaml'].map(sharedText));
const keyOf = (bytes: Uint8Array, metaText: string, lockText: string) => sha256(version, sharedKey, bytes, metaText, lockText);

const { content, problems } = loadContent(contentDir, {
  keyOf,
  metaFor: (file, key) => (cached.get(file)?.key === key ? cached.get(file)?.meta : undefined),
});
// Writing replaces content/statements/ whole: anything in it the normalizer did not write is refused, not deleted.
if (!values.check) problems.push(...foreignFiles(outDir));

/** The last run's output for a source, if its inputs are unchanged and the file is still what that run wrote. */
function reusable(file: string, key: string | undefined): CachedStatement | undefined {
  const hit = cached.get(file);
  if (!hit || hit.key !== key) return undefined;
  try {
    return sha256(readRegularFile(join(outDir, `${hit.id}.md`), MAX_STATEMENT_BYTES, 'a statement')) === hit.output ? hit : undefined;
  } catch {
    return undefined; // gone, or not a regular file: normalized again
  }
}

const edition = content.editions.at(-1)?.version ?? '';
/** A lock this run changes: where, its new text, and what changed. */
interface LockUpdate {
  file: string;
  text: string;
  changes: IdChange[];
}
const results: { entry: CachedStatement; content: FileContent; file: string; lock?: LockUpdate }[] = [];
let reused = 0;
// Every source whose own metadata is valid is normalized, even when other files
// have problems, so that one run reports the problems of all files.
// Without a valid editions.yaml (its problem is reported) no change can be filed: nothing is normalized.
for (const source of edition === '' ? [] : content.sources) {
  const key = source.key ?? keyOf(source.bytes, '', '');
  const hit = reusable(source.file, key);
  if (hit) {
    reused += 1;
    results.push({ entry: hit, content: { from: join(outDir, `${hit.id}.md`) }, file: source.file });
    continue;
  }
  const lockFile = lockFileOf(source.file);
  // A statement without a lock takes its ids from its published Markdown; --check also makes sure the lock knows every id published.
  const published = source.lock === null || values.check ? publishedBlocks(outDir, source.meta.id) : undefined;
  if (source.lock && published) {
    const lost = lostIds(source.lock, published);
    if (lost.length > 0) {
      problems.push({
        file: lockFile,
        where: 'blocks',
        message: `does not know ${lost.join(', ')}, published in statements/${source.meta.id}.md: a lock never loses an id; restore the lock from version control`,
      });
      continue;
    }
  }
  try {
    const r = normalizeSource(source.bytes, source.meta, content.themes, source.file, idContextOf(content, source, published));
    const e = r.frontmatter.edition;
    const newLock = lockText(r.lock);
    const changed = source.lock === null || lockText(source.lock) !== newLock;
    results.push({
      file: source.file,
      ...(changed ? { lock: { file: lockFile, text: newLock, changes: source.lock ? r.idChanges : [] } } : {}),
      content: r.markdown,
      entry: {
        // A lock this run writes is the next run's input: the entry is kept under the key it will have then.
        key: changed && source.keyWithLock ? source.keyWithLock(newLock) : key,
        output: sha256(r.markdown),
        id: r.id,
        meta: source.meta,
        themes: r.frontmatter.themes.map((t) => t.id),
        warnings: r.warnings,
        blocks: r.blocks.length,
        words: r.frontmatter.words,
        removals: e.removals.length,
        rejoins: e.rejoins.length,
      },
    });
  } catch (err) {
    if (err instanceof InputProblems) problems.push(...err.problems);
    else throw err;
  }
}
if (problems.length === 0) problems.push(...corpusProblems(results.map((r) => r.entry)));

// The word reference for distinctive words (src/edition/word-reference.ts): counted anew only when stale.
const reference =
  problems.length === 0
    ? referenceFor(
        readReference(contentDir),
        edition,
        results.map((r) => ({
          words: r.entry.words,
          markdown: () => (typeof r.content === 'string' ? r.content : readStatementFile(r.content.from)),
        })),
      )
    : null;

if (problems.length > 0) {
  console.error(`normalize: ${problems.length} problem(s) in ${contentDir}; nothing was written.`);
  for (const p of problems) console.error(`  ${formatProblem(p)}`);
  process.exitCode = 1;
} else {
  for (const r of results) for (const w of r.entry.warnings) console.warn(`normalize: warning: ${w}`);
  const ms = () => Math.round(performance.now() - started);
  if (values.check) {
    const files = new Map(results.map((r) => [`${r.entry.id}.md`, r.content as string]));
    const stale = staleFiles(outDir, files);
    if (reference?.reason) stale.push(`word-reference.json: is out of date (${reference.reason})`);
    for (const r of results) {
      if (r.lock)
        stale.push(
          `${r.lock.file}: ${r.lock.changes.length > 0 ? `would change: ${describeChanges(r.lock.changes)}` : 'is missing or out of date'}`,
        );
    }
    if (stale.length > 0) {
      console.error(`normalize --check: content/statements or a lock is stale (run npm run normalize):`);
      for (const s of stale) console.error(`  ${s}`);
      process.exitCode = 1;
    } else {
      console.log(`normalize --check: ${files.size} statements up to date (${ms()} ms).`);
    }
  } else {
    try {
      writeFolderAtomically(outDir, new Map(results.map((r) => [`${r.entry.id}.md`, r.content])));
    } catch (err) {
      console.error(`normalize: could not write ${outDir} (${(err as NodeJS.ErrnoException).code ?? String(err)}); nothing was written.`);
      process.exit(1);
    }
    if (reference?.reason) {
      try {
        writeReference(contentDir, reference.text);
      } catch (err) {
        console.error(`normalize: could not write word-reference.json (${(err as NodeJS.ErrnoException).code ?? String(err)}); run again.`);
        process.exit(1);
      }
      console.log(`normalize: counted the word reference anew, as ${reference.reason}.`);
    }
    const updates = results.flatMap((r) => (r.lock ? [r.lock] : []));
    try {
      for (const u of updates) writeLock(contentDir, u.file, u.text);
    } catch (err) {
      console.error(`normalize: could not write a lock (${(err as NodeJS.ErrnoException).code ?? String(err)}); run again.`);
      process.exit(1);
    }
    for (const u of updates) {
      console.log(
        u.changes.length > 0
          ? `normalize: ${u.file}: ${describeChanges(u.changes)} (filed under edition ${edition}; if ${edition} is already published, add the next edition to editions.yaml and run again)`
          : `normalize: ${u.file}: written`,
      );
    }
    const note = useCache ? writeCache(contentDir, version, new Map(results.map((r) => [r.file, r.entry]))) : undefined;
    if (note && !cache.note) console.log(`normalize: note: ${note}.`); // one note about the cache is enough
    const sum = (f: (e: CachedStatement) => number) => results.reduce((s, r) => s + f(r.entry), 0);
    console.log(
      `normalize: wrote ${results.length} statements (${sum((e) => e.blocks)} blocks; ${sum((e) => e.removals)} removals, ${sum((e) => e.rejoins)} rejoins; ${reused} unchanged since the last run) to ${outDir} in ${ms()} ms.`,
    );
  }
}

/** Checks across statements: unique ids were checked on load; every theme must be used. */
function corpusProblems(statements: CachedStatement[]): Problem[] {
  const used = new Set(statements.flatMap((s) => s.themes));
  return content.themes
    .filter((t) => !used.has(t.id))
    .map((t) => ({
      file: 'themes.yaml',
      where: t.id,
      message: 'no statement has this theme; adjust its terms or remove it',
    }));
}

/**
 * Changes to ids as one line for the terminal.
 * @example describeChanges([{ kind: 'inserted', id: 'p-11' }]) // => 'inserted p-11'
 */
function describeChanges(changes: IdChange[]): string {
  return changes
    .map((c) => {
      switch (c.kind) {
        case 'published':
          return `published with ${c.blocks} blocks`;
        case 'inserted':
          return `inserted ${c.id}${c.through ? ` to ${c.through}` : ''}`;
        case 'edited':
        case 'moved':
          return `${c.kind} ${c.id}`;
        case 'split':
          return `split ${c.id} into ${c.into.join(', ')}`;
        case 'merged':
          return `merged ${c.ids.join(', ')} into ${c.into} (retired)`;
        case 'replaced':
          return `replaced ${c.id} by ${c.by.join(', ')} (retired)`;
        case 'removed':
          return `removed ${c.id} (retired${c.successor ? `; old links land on ${c.successor}` : ''})`;
        case 'metadata':
          return `${c.field}: ${c.from ?? 'not recorded'} → ${c.to ?? 'not recorded'}`;
      }
    })
    .join('; ');
}

/** A statement the last run wrote, as text. */
function readStatementFile(path: string): string {
  return readRegularFile(path, MAX_STATEMENT_BYTES, 'a statement').toString('utf8');
}
