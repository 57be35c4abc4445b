/**
 * `npm run bench`: builds synthetic corpora of 1,000 and 10,000 statements and
 * measures each stage of the pipeline (time and peak memory from GNU time),
 * the output, and the page and index sizes; writes BENCHMARKS.md.
 *
 * Options:
 *   --only NAMES  run these corpora only, comma-separated (1k-6kB, 10k-6kB, 1k-17kB)
 *   --runs N      runs per corpus; medians are reported (default 3; 1 for 10k)
 *   --out FILE    where to write the report (default BENCHMARKS.md)
 *
 * Needs /usr/bin/time (Debian package `time`). Figures, not assertions.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { tokenize } from '../src/lib/analysis.ts';
import { syntheticCorpus, type SyntheticTheme } from './lib/synthetic.ts';

const CORPORA = [
  { name: '1k-6kB', count: 1000, bytes: 6000, speakers: 300 },
  { name: '10k-6kB', count: 10000, bytes: 6000, speakers: 600 },
  { name: '1k-17kB', count: 1000, bytes: 17000, speakers: 300 },
] as const;

const { values } = parseArgs({
  options: { only: { type: 'string' }, runs: { type: 'string' }, out: { type: 'string', default: 'BENCHMARKS.md' } },
});
const ROOT = process.cwd();
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) {
  console.error('bench: /usr/bin/time is missing (Debian package "time"); it measures peak memory.');
  process.exit(1);
}

/** Runs a command under GNU time: wall seconds and peak resident memory (MB). */
function measure(args: string[], env: Record<string, string>): { seconds: number; peakMB: number } {
  const r = spawnSync(TIME, ['-f', '%e %M', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const m = /^([\d.]+) (\d+)$/u.exec(last);
  if (r.status !== 0 || !m) throw new Error(`bench: ${args.join(' ')} failed:\n${r.stderr.slice(-2000)}`);
  return { seconds: Number(m[1]), peakMB: Math.round(Number(m[2]) / 1024) };
}

function filesUnder(dir: string): { count: number; bytes: number; paths: string[] } {
  let count = 0;
  let bytes = 0;
  const paths: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else {
        count += 1;
        bytes += s.size;
        paths.push(p);
      }
    }
  };
  walk(dir);
  return { count, bytes, paths };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** gzip size of a statement page's HTML plus the CSS it links. */
function pageWeight(site: string, html: string): { htmlCssGzip: number; jsBytes: number } {
  const text = readFileSync(html, 'utf8');
  const css = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/gu)].map((m) => readFileSync(join(site, m[1]!), 'utf8')).join('');
  const inlineJs = [...text.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/gu)].reduce((s, m) => s + m[1]!.length, 0);
  const externalJs = [...text.matchAll(/<script[^>]+src="([^"]+)"/gu)].reduce((s, m) => s + statSync(join(site, m[1]!)).size, 0);
  return { htmlCssGzip: gzipSync(text + css).length, jsBytes: inlineJs + externalJs };
}

const vocab = [
  ...new Set(
    readdirSync(join(ROOT, 'content/statements'))
      .map((n) => readFileSync(join(ROOT, 'content/statements', n), 'utf8').split('\n---\n')[1] ?? '')
      .flatMap((body) => tokenize(body.replace(/\{#p-\d+\}/gu, '')).map((t) => t.norm)),
  ),
].filter((w) => /^[\p{L}][\p{L}'-]*$/u.test(w));
const themes = (parse(readFileSync(join(ROOT, 'content/themes.yaml'), 'utf8')) as SyntheticTheme[]).map((t) => ({
  id: t.id,
  terms: t.terms,
}));

interface Row {
  corpus: string;
  runs: number;
  normalize: { seconds: number; peakMB: number };
  astro: { seconds: number; peakMB: number };
  pagefind: { seconds: number; peakMB: number };
  files: number;
  bytes: number;
  indexBytes: number;
  page: { htmlCssGzip: number; jsBytes: number };
}
const rows: Row[] = [];

const only = values.only?.split(',').map((n) => n.trim());
for (const c of CORPORA.filter((x) => !only || only.includes(x.name))) {
  const runs = Number(values.runs ?? (c.count >= 10000 ? 1 : 3));
  const work = join(tmpdir(), `bench-${c.name}`);
  rmSync(work, { recursive: true, force: true });
  const content = join(work, 'content');
  const files = syntheticCorpus(
    { count: c.count, bytes: c.bytes, speakers: c.speakers, years: [1994, 2023], seed: 20261122, artifacts: 0.2 },
    vocab,
    themes,
  );
  for (const [path, text] of files) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  cpSync(join(ROOT, 'content/themes.yaml'), join(content, 'themes.yaml'));
  cpSync(join(ROOT, 'content/aliases.yaml'), join(content, 'aliases.yaml'));
  console.log(`bench: ${c.name}: generated ${c.count} sources in ${content}`);

  const samples: Omit<Row, 'corpus' | 'runs'>[] = [];
  for (let run = 0; run < runs; run++) {
    const env = { CONTENT_DIR: content, ASTRO_CACHE_DIR: join(work, `cache-${run}`), ASTRO_TELEMETRY_DISABLED: '1' };
    rmSync(join(content, 'statements'), { recursive: true, force: true });
    const site = join(work, `dist-${run}`);
    rmSync(site, { recursive: true, force: true });
    const normalize = measure([process.execPath, 'scripts/normalize.ts', '--content', content], env);
    const astro = measure([process.execPath, 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', site], env);
    const pagefind = measure([process.execPath, 'node_modules/pagefind/lib/runner/bin.cjs', '--site', site, '--quiet'], env);
    const all = filesUnder(site);
    const index = filesUnder(join(site, 'pagefind'));
    const pages = readdirSync(join(site, 'statements'))
      .filter((n) => !n.includes('.'))
      .map((n) => pageWeight(site, join(site, 'statements', n, 'index.html')));
    samples.push({
      normalize,
      astro,
      pagefind,
      files: all.count,
      bytes: all.bytes,
      indexBytes: index.bytes,
      page: { htmlCssGzip: median(pages.map((p) => p.htmlCssGzip)), jsBytes: median(pages.map((p) => p.jsBytes)) },
    });
    console.log(
      `bench: ${c.name} run ${run + 1}/${runs}: normalize ${normalize.seconds} s, astro ${astro.seconds} s, pagefind ${pagefind.seconds} s`,
    );
    rmSync(site, { recursive: true, force: true });
  }
  const med = (f: (s: Omit<Row, 'corpus' | 'runs'>) => number) => median(samples.map(f));
  rows.push({
    corpus: c.name,
    runs,
    normalize: { seconds: med((s) => s.normalize.seconds), peakMB: med((s) => s.normalize.peakMB) },
    astro: { seconds: med((s) => s.astro.seconds), peakMB: med((s) => s.astro.peakMB) },
    pagefind: { seconds: med((s) => s.pagefind.seconds), peakMB: med((s) => s.pagefind.peakMB) },
    files: med((s) => s.files),
    bytes: med((s) => s.bytes),
    indexBytes: med((s) => s.indexBytes),
    page: { htmlCssGzip: med((s) => s.page.htmlCssGzip), jsBytes: med((s) => s.page.jsBytes) },
  });
  rmSync(work, { recursive: true, force: true });
}

const per1k = (r: Row, s: number) => ((s * 1000) / Number(r.corpus.startsWith('10k') ? 10000 : 1000)).toFixed(1);
const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;
const report = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` (\`node scripts/bench.ts${values.only ? ` --only ${values.only}` : ''}\`). Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Medians of the runs shown; time and peak memory from GNU time.`,
  '',
  'Synthetic corpora (scripts/lib/synthetic.ts): words drawn from the five real statements, 20% of the sources with website chrome, hard wraps, a mid-sentence split, a wrapped Roman-numeral heading, a bullet list and a contact footer; speakers and dates spread over 30 years; every statement with at least two themes.',
  '',
  '| corpus | runs | normalize s (per 1k) | normalize peak MB | astro s (per 1k) | astro peak MB | pagefind s | pagefind peak MB | files | output | index | statement page HTML+CSS gzip | JS per statement page |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.corpus} | ${r.runs} | ${r.normalize.seconds} (${per1k(r, r.normalize.seconds)}) | ${r.normalize.peakMB} | ${r.astro.seconds} (${per1k(r, r.astro.seconds)}) | ${r.astro.peakMB} | ${r.pagefind.seconds} | ${r.pagefind.peakMB} | ${r.files} | ${(r.bytes / 2 ** 20).toFixed(1)} MB | ${(r.indexBytes / 2 ** 20).toFixed(1)} MB | ${kb(r.page.htmlCssGzip)} | ${kb(r.page.jsBytes)} |`,
  ),
  '',
  `Corpora run: ${rows.map((r) => r.corpus).join(', ')}. Not yet measured by this script: cold search bytes and requests in Chromium, the bare Astro + Pagefind baseline, and a rebuild after editing one statement.`,
  '',
].join('\n');
writeFileSync(resolve(ROOT, values.out), report);
console.log(report);
