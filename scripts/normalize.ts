/**
 * `npm run normalize`: turns `content/sources/*.txt` and their metadata into
 * `content/statements/<id>.md`. Validates every input first and reports every
 * problem at once; writes nothing unless all is well.
 *
 * Options:
 *   --check          write nothing; fail when content/statements is not what a run would write
 *   --content DIR    the content folder (default: content)
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from './lib/content.ts';
import { staleFiles, writeFolderAtomically } from './lib/output.ts';
import { type NormalizedStatement, normalizeSource } from './lib/pipeline.ts';
import { formatProblem, InputProblems, type Problem } from './lib/problems.ts';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    content: { type: 'string', default: 'content' },
  },
});

const contentDir = resolve(values.content);
const outDir = join(contentDir, 'statements');
const started = performance.now();

const { content, problems } = loadContent(contentDir);
const results: NormalizedStatement[] = [];
// Every source whose own metadata is valid is normalized, even when other files
// have problems, so that one run reports the problems of all files.
for (const source of content.sources) {
  try {
    results.push(normalizeSource(source.bytes, source.meta, content.themes, source.file));
  } catch (err) {
    if (err instanceof InputProblems) problems.push(...err.problems);
    else throw err;
  }
}
if (problems.length === 0) problems.push(...corpusProblems(results));

if (problems.length > 0) {
  console.error(`normalize: ${problems.length} problem(s) in ${contentDir}; nothing was written.`);
  for (const p of problems) console.error(`  ${formatProblem(p)}`);
  process.exitCode = 1;
} else {
  for (const r of results) for (const w of r.warnings) console.warn(`normalize: warning: ${w}`);
  const files = new Map(results.map((r) => [`${r.id}.md`, r.markdown]));
  const ms = Math.round(performance.now() - started);
  if (values.check) {
    const stale = staleFiles(outDir, files);
    if (stale.length > 0) {
      console.error(`normalize --check: content/statements is stale (run npm run normalize):`);
      for (const s of stale) console.error(`  ${s}`);
      process.exitCode = 1;
    } else {
      console.log(`normalize --check: ${files.size} statements up to date (${ms} ms).`);
    }
  } else {
    writeFolderAtomically(outDir, files);
    const blocks = results.reduce((s, r) => s + r.blocks.length, 0);
    const removed = results.reduce((s, r) => s + r.frontmatter.edition.removals.length, 0);
    const rejoins = results.reduce((s, r) => s + r.frontmatter.edition.rejoins.length, 0);
    console.log(
      `normalize: wrote ${files.size} statements (${blocks} blocks; ${removed} removals, ${rejoins} rejoins) to ${outDir} in ${ms} ms.`,
    );
  }
}

/** Checks across statements: unique ids were checked on load; every theme must be used. */
function corpusProblems(statements: NormalizedStatement[]): Problem[] {
  const used = new Set(statements.flatMap((s) => s.frontmatter.themes.map((t) => t.id)));
  return content.themes
    .filter((t) => !used.has(t.id))
    .map((t) => ({
      file: 'themes.yaml',
      where: t.id,
      message: 'no statement has this theme; adjust its terms or remove it',
    }));
}
