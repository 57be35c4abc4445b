/**
 * `npm run normalize`: turns `content/sources/*.txt` and their metadata into
 * `content/statements/<id>.md`. Validates every input first and reports every
 * problem at once; writes nothing unless all is well. Sources unchanged since
 * the last run (same bytes, metadata, themes and normalizer code) are not
 * normalized again (see scripts/normalize/io/cache.ts).
 *
 * Options:
 *   --check          write nothing; fail when content/statements is not what a run would write
 *   --content DIR    the content folder (default: content)
 *   --no-cache       normalize every source, ignoring and not writing the cache
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type CachedStatement, codeVersion, readCache, sha256, writeCache } from './normalize/io/cache.ts';
import { loadContent } from './normalize/io/inputs.ts';
import { type FileContent, staleFiles, writeFolderAtomically } from './normalize/io/output.ts';
import { normalizeSource } from './normalize/pipeline.ts';
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
const themesPath = join(contentDir, 'themes.yaml');
const themesText = existsSync(themesPath) ? readFileSync(themesPath, 'utf8') : '';
const cached = useCache ? readCache(contentDir, version) : new Map<string, CachedStatement>();
const keyOf = (bytes: Uint8Array, metaText: string) => sha256(version, themesText, bytes, metaText);

const { content, problems } = loadContent(contentDir, {
  keyOf,
  metaFor: (file, key) => (cached.get(file)?.key === key ? cached.get(file)?.meta : undefined),
});

/** The last run's output for a source, if its inputs are unchanged and the file is still what that run wrote. */
function reusable(file: string, key: string | undefined): CachedStatement | undefined {
  const hit = cached.get(file);
  if (!hit || hit.key !== key) return undefined;
  const path = join(outDir, `${hit.id}.md`);
  return existsSync(path) && sha256(readFileSync(path)) === hit.output ? hit : undefined;
}

const results: { entry: CachedStatement; content: FileContent; file: string }[] = [];
let reused = 0;
// Every source whose own metadata is valid is normalized, even when other files
// have problems, so that one run reports the problems of all files.
for (const source of content.sources) {
  const key = source.key ?? keyOf(source.bytes, '');
  const hit = reusable(source.file, key);
  if (hit) {
    reused += 1;
    results.push({ entry: hit, content: { from: join(outDir, `${hit.id}.md`) }, file: source.file });
    continue;
  }
  try {
    const r = normalizeSource(source.bytes, source.meta, content.themes, source.file);
    const e = r.frontmatter.edition;
    results.push({
      file: source.file,
      content: r.markdown,
      entry: {
        key,
        output: sha256(r.markdown),
        id: r.id,
        meta: source.meta,
        themes: r.frontmatter.themes.map((t) => t.id),
        warnings: r.warnings,
        blocks: r.blocks.length,
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
    if (stale.length > 0) {
      console.error(`normalize --check: content/statements is stale (run npm run normalize):`);
      for (const s of stale) console.error(`  ${s}`);
      process.exitCode = 1;
    } else {
      console.log(`normalize --check: ${files.size} statements up to date (${ms()} ms).`);
    }
  } else {
    writeFolderAtomically(outDir, new Map(results.map((r) => [`${r.entry.id}.md`, r.content])));
    if (useCache) writeCache(contentDir, version, new Map(results.map((r) => [r.file, r.entry])));
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
