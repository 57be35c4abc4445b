/**
 * `npm run bench`: builds synthetic corpora of 1,000 and 10,000 statements and
 * measures, for each: every stage of the pipeline (time and peak memory from
 * GNU time), the output, page and index sizes, a bare Astro + Pagefind
 * baseline on the same statements, a rebuild after editing one statement, and
 * in Chromium a cold search and the JavaScript of each page type. Writes
 * BENCHMARKS.md.
 *
 * Options:
 *   --only NAMES  run these corpora only, comma-separated (1k-6kB, 10k-6kB, 1k-17kB; smoke: 60 statements, for checking this script)
 *   --runs N      runs per corpus; medians are reported (default 3; 1 for 10k and smoke)
 *   --out FILE    where to write the report (default BENCHMARKS.md)
 *   --growth-bytes N  the smaller repetitive source of the growth measurement (default 1,250,000; smoke 250,000)
 *   --notes FILE  a Markdown file appended to the report, so explanations survive re-runs
 *                 (default scripts/dev/bench-notes.md); a file that does not exist yet is
 *                 left out of the report, with a warning, and can be written afterwards
 *
 * Needs /usr/bin/time (Debian package `time`) and /usr/bin/chromium. Figures, not assertions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem, type } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { writeBaselineProject } from './bench/baseline.ts';
import { coldSearch, laterSearch, pageLoad, paragraphsWithoutJs } from './bench/browser.ts';
import {
  appendToFirstParagraph,
  type CorpusResult,
  median,
  medianStage,
  type Queries,
  chooseQueries,
  type GrowthFigure,
  type OutputParts,
  outputPartOf,
  repetitiveSource,
  type Stage,
  stagesFromLog,
  statementText,
  withSourceSha,
} from './bench/measure.ts';
import { renderReport } from './bench/report.ts';
import { startServer } from './serve.ts';
import { syntheticCorpus } from './synthetic/corpus.ts';
import { seedThemes, seedVocabulary, writeSyntheticContent } from './synthetic/content.ts';

/** A run of build-site.ts: as a whole, its Astro build, and Pagefind inside that build. */
type SiteBuild = Omit<CorpusResult['rebuild'], 'normalize'>;

interface Corpus {
  name: string;
  count: number;
  bytes: number;
  speakers: number;
  runs: number;
  byDefault: boolean;
}

const CORPORA: readonly Corpus[] = [
  { name: 'smoke', count: 60, bytes: 6000, speakers: 20, runs: 1, byDefault: false },
  { name: '1k-6kB', count: 1000, bytes: 6000, speakers: 300, runs: 3, byDefault: true },
  { name: '10k-6kB', count: 10000, bytes: 6000, speakers: 600, runs: 1, byDefault: true },
  { name: '1k-17kB', count: 1000, bytes: 17000, speakers: 300, runs: 3, byDefault: true },
];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string' },
    out: { type: 'string', default: 'BENCHMARKS.md' },
    notes: { type: 'string' },
    'growth-bytes': { type: 'string' },
  },
});
const ROOT = process.cwd();
const TIME = '/usr/bin/time';
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const STAGE_TIMER = pathToFileURL(join(ROOT, 'scripts/dev/bench/stage-timer.ts')).href;
const PAGEFIND = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
/** How long a cold search may take before it is reported as timed out: 1 minute, plus 50 ms a statement. */
const searchTimeoutMs = (count: number): number => 60_000 + 50 * count;
const DEFAULT_NOTES = join(ROOT, 'scripts/dev/bench-notes.md');
const EDIT = 'This sentence was added to measure a rebuild.';
if (!existsSync(TIME)) {
  console.error('bench: /usr/bin/time is missing (Debian package "time"); it measures peak memory.');
  process.exit(1);
}
/** The notes file: --notes FILE, or the default. */
const NOTES = values.notes === undefined ? DEFAULT_NOTES : resolve(ROOT, values.notes);
if (!existsSync(NOTES)) {
  console.warn(`bench: the notes file ${NOTES} does not exist (yet): the report will have no notes; write it and re-run to add them.`);
}

/** The notes appended to the report, read when the report is written (they may have been written meanwhile); none when the file does not exist. */
function readNotes(): string | undefined {
  if (existsSync(NOTES)) return readFileSync(NOTES, 'utf8');
  console.warn(`bench: no notes: ${NOTES} does not exist.`);
  return undefined;
}

/** Runs a command under GNU time: wall seconds and peak resident memory (MB). */
function measure(args: string[], env: Record<string, string>, cwd = ROOT): Stage {
  // Built as for deployment (src/site/address.ts): an address the machine's own SITE_URL may override.
  const r = spawnSync(TIME, ['-f', '%e %M', ...args], {
    cwd,
    encoding: 'utf8',
    env: { SITE_URL: 'https://bench.example.org', ...process.env, ...env },
    maxBuffer: 1 << 28,
  });
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const m = /^([\d.]+) (\d+)$/u.exec(last);
  if (r.status !== 0 || !m) throw new Error(`bench: ${args.join(' ')} failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return { seconds: Number(m[1]), peakMB: Math.round(Number(m[2]) / 1024) };
}

function filesUnder(dir: string): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    count += 1;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { count, bytes };
}

/** Folders (pages) directly under `dir`, sorted. */
const pageFolders = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

/** gzip size of a statement page's HTML plus the CSS it links. */
function htmlCssGzip(site: string, html: string): number {
  const text = readFileSync(html, 'utf8');
  const css = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/gu)].map((m) => readFileSync(join(site, m[1]!), 'utf8')).join('');
  return gzipSync(text + css).length;
}

const vocab = seedVocabulary(ROOT);
const themes = seedThemes(ROOT);

/**
 * `node scripts/build-site.ts --out SITE` as `npm run build` runs it, timed as
 * a whole and, through scripts/dev/bench/stage-timer.ts, each command it runs;
 * Pagefind, which runs inside `astro build`, logs its own stage to the same
 * file (src/integrations/pagefind.ts, BENCH_STAGE_LOG).
 */
function buildSite(site: string, env: Record<string, string>): SiteBuild {
  const log = `${site}.stages.jsonl`;
  rmSync(log, { force: true });
  const whole = measure([process.execPath, '--import', STAGE_TIMER, 'scripts/build-site.ts', '--out', site], {
    ...env,
    BENCH_STAGE_LOG: log,
  });
  const { astro, pagefind } = stagesFromLog(readFileSync(log, 'utf8'));
  rmSync(log, { force: true });
  return { site: whole, astro, pagefind };
}

/** A full cold build as `npm run build` runs it: normalize, then build-site. */
function buildOurs(content: string, site: string, env: Record<string, string>): { normalize: Stage } & SiteBuild {
  const normalize = measure([process.execPath, 'scripts/normalize.ts', '--content', content], env);
  return { normalize, ...buildSite(site, env) };
}

/** The statement ids of a content folder (the pages under /statements/ also include the list's numbered pages). */
function statementIds(content: string): string[] {
  return readdirSync(join(content, 'statements'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => n.slice(0, -'.md'.length))
    .sort();
}

/** Output size, index size and the median statement page. */
function outputFigures(
  site: string,
  content: string,
): Pick<CorpusResult, 'files' | 'bytes' | 'indexBytes' | 'page' | 'output' | 'searchHtmlBytes'> {
  const all = filesUnder(site);
  const pages = statementIds(content).map((id) => htmlCssGzip(site, join(site, 'statements', id, 'index.html')));
  const output: OutputParts = { statementPages: 0, otherPages: 0, searchIndex: 0, data: 0, other: 0 };
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    output[outputPartOf(relative(site, path))] += statSync(path).size;
  }
  return {
    files: all.count,
    bytes: all.bytes,
    indexBytes: filesUnder(join(site, 'pagefind')).bytes,
    page: { htmlCssGzip: median(pages) },
    output,
    searchHtmlBytes: statSync(join(site, 'search', 'index.html')).size,
  };
}

/** The bare Astro + Pagefind site over the same statements. */
function buildBaseline(statements: string, dir: string, count: number): CorpusResult['baseline'] {
  writeBaselineProject(dir, statements, join(ROOT, 'node_modules'));
  const env = { ASTRO_TELEMETRY_DISABLED: '1' };
  const astro = measure([process.execPath, ASTRO, 'build'], env, dir);
  const pagefind = measure([process.execPath, PAGEFIND, '--site', join(dir, 'dist'), '--quiet'], env, dir);
  const built = pageFolders(join(dir, 'dist', 'statements')).length;
  if (built !== count) throw new Error(`bench: the baseline built ${built} statement pages, not ${count}`);
  return { astro, pagefind };
}

/** Edits the first statement's source (and its hash), then rebuilds as `npm run build` does, keeping the caches. */
function rebuild(content: string, site: string, env: Record<string, string>): CorpusResult['rebuild'] {
  const name = readdirSync(join(content, 'sources'))
    .filter((n) => n.endsWith('.txt'))
    .sort()[0]!;
  const txt = join(content, 'sources', name);
  const yml = txt.replace(/\.txt$/u, '.yaml');
  const edited = appendToFirstParagraph(readFileSync(txt, 'utf8'), EDIT);
  writeFileSync(txt, edited);
  writeFileSync(yml, withSourceSha(readFileSync(yml, 'utf8'), edited));
  const normalize = measure([process.execPath, 'scripts/normalize.ts', '--content', content], env);
  return { normalize, ...buildSite(site, env) };
}

/** The pipeline again, nothing changed since the last run: what a rebuild costs at the least. */
function noopRebuild(content: string, site: string, env: Record<string, string>): CorpusResult['noop'] {
  const normalize = measure([process.execPath, 'scripts/normalize.ts', '--content', content], env);
  return { normalize, ...buildSite(site, env) };
}

/** The page types whose JavaScript is measured: name → URL path, the first of each kind. */
function pageTypes(site: string, content: string): [string, string][] {
  const first = (dir: string) => `/${dir}/${pageFolders(join(site, dir))[0]}/`;
  return [
    ['home', '/'],
    ['statement', `/statements/${statementIds(content)[0]}/`],
    ['search', '/search/'],
    ['concordance', '/concordance/'],
    ['trends', '/trends/'],
    ['speaker', first('speakers')],
    ['year', first('years')],
    ['theme', first('themes')],
    ['data', '/data/'],
  ];
}

/** The cold searches' queries, chosen from the normalized statements' text (what the site shows and indexes). */
function queriesOf(statements: string): Queries {
  const texts = readdirSync(statements)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => statementText(readFileSync(join(statements, n), 'utf8')));
  const q = chooseQueries(texts);
  console.log(`bench: queries: phrase "${q.phrase.text}" (in ${q.phrase.docs} statements), word "${q.word.text}" (in ${q.word.docs})`);
  return q;
}

let chromium: Browser | undefined;

/** Cold searches, each page type's load, and the statement page without JavaScript. */
async function browserFigures(
  site: string,
  content: string,
  queries: Queries,
  count: number,
): Promise<Pick<CorpusResult, 'search' | 'later' | 'pages' | 'noJs'>> {
  chromium ??= await launchChromium();
  const browser = chromium;
  const server = await startServer(site, { log: true });
  try {
    const search = [
      await coldSearch(
        browser,
        server,
        { kind: 'phrase', query: `"${queries.phrase.text}"`, docs: queries.phrase.docs },
        searchTimeoutMs(count),
      ),
      await coldSearch(browser, server, { kind: 'word', query: queries.word.text, docs: queries.word.docs }, searchTimeoutMs(count)),
    ];
    const later = await laterSearch(browser, server, `"${queries.phrase.text}"`, queries.word.text, searchTimeoutMs(count));
    const types = pageTypes(site, content);
    const pages = [];
    for (const [name, path] of types) pages.push(await pageLoad(browser, server, name, path));
    const noJs = await paragraphsWithoutJs(browser, server, types.find(([n]) => n === 'statement')![1]);
    return { search, later, pages, noJs };
  } finally {
    await server.close();
  }
}

type Sample = Omit<CorpusResult, 'corpus' | 'count' | 'runs' | 'search' | 'later' | 'pages' | 'noJs'>;

/** Medians of the runs' samples. */
function mergeSamples(samples: Sample[]): Sample {
  const st = (f: (s: Sample) => Stage) => medianStage(samples.map(f));
  const med = (f: (s: Sample) => number) => median(samples.map(f));
  return {
    normalize: st((s) => s.normalize),
    astro: st((s) => s.astro),
    pagefind: st((s) => s.pagefind),
    site: st((s) => s.site),
    files: med((s) => s.files),
    bytes: med((s) => s.bytes),
    indexBytes: med((s) => s.indexBytes),
    page: { htmlCssGzip: med((s) => s.page.htmlCssGzip) },
    baseline: { astro: st((s) => s.baseline.astro), pagefind: st((s) => s.baseline.pagefind) },
    rebuild: {
      normalize: st((s) => s.rebuild.normalize),
      site: st((s) => s.rebuild.site),
      astro: st((s) => s.rebuild.astro),
      pagefind: st((s) => s.rebuild.pagefind),
    },
    noop: {
      normalize: st((s) => s.noop.normalize),
      site: st((s) => s.noop.site),
      astro: st((s) => s.noop.astro),
      pagefind: st((s) => s.noop.pagefind),
    },
    output: {
      statementPages: med((s) => s.output.statementPages),
      otherPages: med((s) => s.output.otherPages),
      searchIndex: med((s) => s.output.searchIndex),
      data: med((s) => s.output.data),
      other: med((s) => s.output.other),
    },
    searchHtmlBytes: med((s) => s.searchHtmlBytes),
  };
}

/** Every run of one corpus, each from a fresh content folder and Astro cache. */
async function benchCorpus(c: Corpus, runs: number): Promise<{ result: CorpusResult; queries: Queries }> {
  const work = join(tmpdir(), `bench-${c.name}`);
  rmSync(work, { recursive: true, force: true });
  const files = syntheticCorpus(
    { count: c.count, bytes: c.bytes, speakers: c.speakers, years: [1994, 2023], seed: 20261122, artifacts: 0.2 },
    vocab,
    themes,
  );
  console.log(`bench: ${c.name}: ${c.count} sources generated`);
  let queries: Queries | undefined;
  const samples: Sample[] = [];
  let browser: Pick<CorpusResult, 'search' | 'later' | 'pages' | 'noJs'> | undefined;
  for (let run = 0; run < runs; run++) {
    const dir = join(work, `run-${run}`);
    const content = join(dir, 'content');
    const site = join(dir, 'dist');
    writeSyntheticContent(files, content, ROOT);
    const env = { CONTENT_DIR: content, ASTRO_CACHE_DIR: join(dir, 'astro-cache'), ASTRO_TELEMETRY_DISABLED: '1' };
    const stages = buildOurs(content, site, env);
    const output = outputFigures(site, content);
    queries ??= queriesOf(join(content, 'statements'));
    browser ??= await browserFigures(site, content, queries, c.count);
    const baseline = buildBaseline(join(content, 'statements'), join(dir, 'baseline'), c.count);
    const again = rebuild(content, site, env);
    const noop = noopRebuild(content, site, env);
    samples.push({ ...stages, ...output, baseline, rebuild: again, noop });
    const t = (x: Stage) => `${x.seconds} s`;
    console.log(
      `bench: ${c.name} run ${run + 1}/${runs}: normalize ${t(stages.normalize)}, astro ${t(stages.astro)}, pagefind ${t(stages.pagefind)}; ` +
        `baseline astro ${t(baseline.astro)}, pagefind ${t(baseline.pagefind)}; rebuild normalize ${t(again.normalize)}, site ${t(again.site)}`,
    );
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(work, { recursive: true, force: true });
  return { result: { corpus: c.name, count: c.count, runs, ...mergeSamples(samples), ...browser! }, queries: queries! };
}

function versionOf(pkg: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

const only = values.only?.split(',').map((n) => n.trim());
const unknown = only?.filter((n) => !CORPORA.some((c) => c.name === n)) ?? [];
if (unknown.length > 0) {
  console.error(`bench: no corpus named ${unknown.join(', ')}; known: ${CORPORA.map((c) => c.name).join(', ')}`);
  process.exit(1);
}
/**
 * Normalize on one repetitive source of `bytes` and of four times that, each
 * in place of one source of a small synthetic content folder, cold
 * (`--no-cache`), and on the same folder with the ordinary source (start-up
 * and everything that does not grow with the source).
 */
function growth(bytes: number): GrowthFigure {
  // Sixty ordinary statements (so that every theme has one, as the normalizer requires), one of them then replaced.
  const files = syntheticCorpus({ count: 60, bytes: 3000, speakers: 20, years: [2000, 2020], seed: 7, artifacts: 0 }, vocab, themes);
  // The source replaced: the first, and its metadata (for the title the header rule looks for).
  const replaced = [...files.keys()].filter((p) => p.startsWith('sources/') && p.endsWith('.txt')).sort()[0]!;
  const meta = files.get(replaced.replace(/\.txt$/u, '.yaml'))!;
  const run = (source: string | null, label: string): Stage => {
    const dir = join(tmpdir(), `bench-growth-${label}`);
    rmSync(dir, { recursive: true, force: true });
    const content = join(dir, 'content');
    writeSyntheticContent(files, content, ROOT);
    const txt = join(content, replaced);
    const yml = txt.replace(/\.txt$/u, '.yaml');
    if (source !== null) {
      writeFileSync(txt, source);
      writeFileSync(yml, withSourceSha(readFileSync(yml, 'utf8'), source));
    }
    const stage = measure([process.execPath, 'scripts/normalize.ts', '--content', content, '--no-cache'], {});
    rmSync(dir, { recursive: true, force: true });
    return stage;
  };
  const title = /^title: '(.*)'$/mu.exec(meta)![1]!.replace(/''/gu, "'");
  const small = repetitiveSource(title, bytes);
  const large = repetitiveSource(title, bytes * 4);
  const base = run(null, 'base');
  const one = run(small, 'small');
  const four = run(large, 'large');
  const figure: GrowthFigure = {
    bytes: [Buffer.byteLength(small), Buffer.byteLength(large)],
    seconds: [one.seconds, four.seconds],
    baseSeconds: base.seconds,
    peakMB: four.peakMB,
  };
  console.log(`bench: growth: ${figure.bytes.join(' / ')} bytes: ${figure.seconds.join(' / ')} s (start-up ${figure.baseSeconds} s)`);
  return figure;
}

const runsOption = values.runs === undefined ? undefined : Number(values.runs);
if (runsOption !== undefined && !(Number.isInteger(runsOption) && runsOption > 0)) {
  console.error(`bench: --runs takes a whole number from 1, not "${values.runs}"`);
  process.exit(1);
}
const results: CorpusResult[] = [];
const queries = new Map<string, Queries>();
/** 1.25 MB and 5 MB (the smoke run: 0.25 and 1 MB; --growth-bytes N: N and 4N). */
const growthBytes = values['growth-bytes'] === undefined ? undefined : Number(values['growth-bytes']);
if (growthBytes !== undefined && !(Number.isInteger(growthBytes) && growthBytes > 0)) {
  console.error(`bench: --growth-bytes takes a whole number of bytes, not "${values['growth-bytes']}"`);
  process.exit(1);
}
const growthFigure = growth(growthBytes ?? (only?.length === 1 && only[0] === 'smoke' ? 250_000 : 1_250_000));
let chromiumVersion = '?';
try {
  for (const c of CORPORA.filter((x) => (only ? only.includes(x.name) : x.byDefault))) {
    const done = await benchCorpus(c, runsOption ?? c.runs);
    results.push(done.result);
    queries.set(c.name, done.queries);
  }
} finally {
  chromiumVersion = chromium?.version() ?? chromiumVersion;
  await chromium?.close();
}

const machine =
  `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${type()} ${release()}; ` +
  `Node ${process.version}, Astro ${versionOf('astro')}, Pagefind ${versionOf('pagefind')}, Chromium ${chromiumVersion}`;
const notes = readNotes();
const report = renderReport(results, {
  command: ['node scripts/dev/bench.ts', ...process.argv.slice(2)].join(' '),
  machine,
  queries,
  growth: growthFigure,
  ...(notes === undefined ? {} : { notes }),
});
writeFileSync(resolve(ROOT, values.out), report);
console.log(report);
