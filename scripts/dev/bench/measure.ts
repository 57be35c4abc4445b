/**
 * Pure helpers of `npm run bench` (scripts/dev/bench.ts): medians, the search
 * queries chosen from a corpus, byte accounting of what a browser downloaded,
 * the stages of a build from its log, the one-statement edit of
 * the rebuild, and the budgets of issue #14 checked against the figures.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { STOPWORDS } from '../../../src/analysis/analysis.ts';
import { blocksFromMarkdown } from '../../../src/edition/statement-text.ts';

/** Time and peak memory of one command (GNU time). */
export interface Stage {
  seconds: number;
  peakMB: number;
}

/** What a page downloaded: requests, bytes as served, bytes after compression. */
export interface Transfer {
  requests: number;
  bytes: number;
  compressed: number;
}

/** Requests of one kind (`partOf`) among those of a page. */
export interface Part extends Transfer {
  part: string;
}

/** A cold search in Chromium. */
export interface SearchFigure extends Transfer {
  kind: 'phrase' | 'word';
  /** The query as typed, quotes included. */
  query: string;
  /** Statements whose text holds the phrase or word. */
  docs: number;
  /** The page's status line once results were shown. */
  status: string;
  timedOut: boolean;
  /** The same requests by kind. */
  parts: Part[];
}

/** What one page type loads by itself, on load, without interaction. */
export interface PageFigure {
  page: string;
  path: string;
  transfer: Transfer;
  jsFiles: number;
  jsBytes: number;
  jsGzip: number;
}

/** Every figure of one corpus (medians of its runs; browser figures from its first run). */
export interface CorpusResult {
  corpus: string;
  count: number;
  runs: number;
  normalize: Stage;
  /** Astro and Pagefind as build-site.ts runs them. */
  astro: Stage;
  pagefind: Stage;
  /** The whole of build-site.ts (cache check, Astro, Pagefind, swap into place). */
  site: Stage;
  files: number;
  bytes: number;
  indexBytes: number;
  /** The output's bytes by part: statement pages, other pages, the search index, data files, the rest. */
  output: OutputParts;
  /** The search page's own HTML (/search/index.html). */
  searchHtmlBytes: number;
  /** Median statement page: HTML plus the CSS it links, gzipped together. */
  page: { htmlCssGzip: number };
  baseline: { astro: Stage; pagefind: Stage };
  rebuild: { normalize: Stage; site: Stage; astro: Stage; pagefind: Stage };
  /** The pipeline run again right after, with nothing changed. */
  noop: { normalize: Stage; site: Stage; astro: Stage; pagefind: Stage };
  search: SearchFigure[];
  /** A second search typed on the page of the first (the word, after the phrase): what it adds. */
  later: Transfer & { query: string; parts: Part[] };
  pages: PageFigure[];
  /** Paragraphs of a statement page with JavaScript on, and with it off. */
  noJs: { withJs: number; withoutJs: number };
}

/** The output's bytes by what they are. */
export interface OutputParts {
  statementPages: number;
  otherPages: number;
  searchIndex: number;
  data: number;
  other: number;
}

/**
 * Which part of the output a file is, by its path under the output folder.
 * @example outputPartOf('statements/a/index.html') // => 'statementPages'
 * @example outputPartOf('pagefind/2019/fragment/en_1.pf_fragment') // => 'searchIndex'
 */
export function outputPartOf(path: string): keyof OutputParts {
  if (/^pagefind\//u.test(path)) return 'searchIndex';
  if (/^data\/.+\.(?!html$)[\w.]+$/u.test(path)) return 'data';
  if (/^statements\/[^/]+\/index\.html$/u.test(path) && !/^statements\/\d+\//u.test(path)) return 'statementPages';
  if (path.endsWith('.html')) return 'otherPages';
  return 'other';
}

/**
 * The median; the mean of the two middle values for an even count.
 * @example median([3, 1, 2]) // => 2
 */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The median of each field of a list of stages. */
export function medianStage(stages: readonly Stage[]): Stage {
  return { seconds: median(stages.map((s) => s.seconds)), peakMB: median(stages.map((s) => s.peakMB)) };
}

/** Seconds per 1,000 statements. */
export function per1k(seconds: number, count: number): number {
  return (seconds * 1000) / count;
}

/** Lower-case words, punctuation marks and line breaks of a text, in order; a mark or a line break breaks a phrase. */
function tokens(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+|[^\p{L} \t]/gu) ?? [];
}

/**
 * The text of a normalized statement (`statements/<id>.md`) as the site shows
 * it: its blocks as the edition reads them (src/edition/statement-text.ts),
 * a blank line between blocks.
 * @example statementText('---\ntitle: x\n---\n\nHello. {#p-1}\n') // => 'Hello.'
 */
export function statementText(markdown: string): string {
  const body = /^---\n[\s\S]*?\n---\n([\s\S]*)$/u.exec(markdown)?.[1] ?? markdown;
  return blocksFromMarkdown(body)
    .map((b) => b.text)
    .join('\n\n');
}

const isContentWord = (t: string): boolean => t.length >= 3 && /^\p{L}+$/u.test(t) && !STOPWORDS.has(t);

/** In how many texts each key occurs (once per text). */
function documentFrequency(texts: readonly string[], keysOf: (tokens: string[]) => string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const text of texts) for (const k of new Set(keysOf(tokens(text)))) df.set(k, (df.get(k) ?? 0) + 1);
  return df;
}

/** The key with the highest count that passes `keep`; ties go to the first in alphabetical order. */
function mostFrequent(df: Map<string, number>, keep: (n: number) => boolean): [string, number] | undefined {
  return [...df]
    .filter(([, n]) => keep(n))
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .at(0);
}

/** The queries of the cold searches, chosen from the corpus itself. */
export interface Queries {
  phrase: { text: string; docs: number };
  word: { text: string; docs: number };
}

/**
 * Chooses the benchmark's two queries, deterministically: the two-word
 * sequence of content words (no function words, no punctuation between) that
 * occurs in the most texts but not in all of them, and the content word that
 * occurs in the most texts.
 * @example chooseQueries(['global compact x', 'global compact', 'migration']).phrase // => { text: 'global compact', docs: 2 }
 */
export function chooseQueries(texts: readonly string[]): Queries {
  const bigrams = documentFrequency(texts, (ts) =>
    ts.slice(1).flatMap((t, i) => (isContentWord(ts[i]!) && isContentWord(t) ? [`${ts[i]!} ${t}`] : [])),
  );
  const words = documentFrequency(texts, (ts) => ts.filter(isContentWord));
  const phrase = mostFrequent(bigrams, (n) => n < texts.length);
  const word = mostFrequent(words, () => true);
  if (!phrase || !word) throw new Error('bench: the corpus has no two-word phrase of content words in some but not all texts');
  return { phrase: { text: phrase[0], docs: phrase[1] }, word: { text: word[0], docs: word[1] } };
}

/** Whether a body is gzip data already (magic bytes 1f 8b), as Pagefind's `pf_*` files are. */
export function isGzipped(body: Uint8Array): boolean {
  return body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b;
}

/** The gzip size (level 6) of a body, or its own size when it is compressed already. */
export function compressedSize(body: Uint8Array): number {
  return isGzipped(body) ? body.length : gzipSync(body, { level: 6 }).length;
}

/** Requests, bytes and compressed bytes of a list of response bodies. */
export function transfer(bodies: readonly Uint8Array[]): Transfer {
  return {
    requests: bodies.length,
    bytes: bodies.reduce((s, b) => s + b.length, 0),
    compressed: bodies.reduce((s, b) => s + compressedSize(b), 0),
  };
}

/** Kinds of request, in the order reports list them, each with the URL paths it covers. */
const PARTS: readonly [string, RegExp][] = [
  ['search index list', /^\/search\/index\.json$/u],
  ['page HTML', /(\/|\.html)$/u],
  ['CSS', /\.css$/u],
  ['site JS', /^\/_astro\/.*\.m?js$/u],
  ['Pagefind JS', /^\/pagefind\/.*\.m?js$/u],
  ['Pagefind WebAssembly', /\.pagefind$/u],
  ['Pagefind entry and metadata', /(pagefind-entry\.json|\.pf_meta)$/u],
  ['Pagefind index chunks', /\.pf_index$/u],
  ['Pagefind filters', /\.pf_filter$/u],
  ['Pagefind fragments', /\.pf_fragment$/u],
];

/**
 * The kind of a request by its URL path: one of PARTS, or "other".
 * @example partOf('/pagefind/fragment/en_1e16aef.pf_fragment') // => 'Pagefind fragments'
 */
export function partOf(path: string): string {
  return PARTS.find(([, re]) => re.test(path))?.[0] ?? 'other';
}

/** Requests grouped by kind (`partOf`), in a fixed order, kinds without requests left out. */
export function parts(served: readonly { path: string; body: Uint8Array }[]): Part[] {
  return [...PARTS.map(([name]) => name), 'other'].flatMap((part) => {
    const bodies = served.filter((r) => partOf(r.path) === part).map((r) => r.body);
    return bodies.length > 0 ? [{ part, ...transfer(bodies) }] : [];
  });
}

/**
 * The code of the inline scripts of an HTML page that a browser runs (no
 * `src`; no type, or a JavaScript or module type), in order.
 */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/giu)]
    .filter(([, attrs]) => !/\ssrc\s*=/iu.test(attrs!))
    .filter(([, attrs]) => {
      const type = /\stype\s*=\s*["']?([^"'\s>]+)/iu.exec(attrs!)?.[1]?.toLowerCase();
      return type === undefined || type === 'module' || type === 'text/javascript' || type === 'application/javascript';
    })
    .map(([, , code]) => code!)
    .filter((code) => code.trim() !== '');
}

/** Whether a URL path names a JavaScript file. */
export function isJsPath(path: string): boolean {
  return /\.m?js$/iu.test(path.replace(/[?#].*$/u, ''));
}

/** A command build-site.ts ran, as scripts/dev/bench/stage-timer.ts logs it. */
type LoggedCommand = Stage & { argv: string[] };

/**
 * One line of a build's stage log (JSON): a command (`argv`), or a stage timed
 * inside one, as the Pagefind integration (src/integrations/pagefind.ts) logs
 * it from inside `astro build` (`stage`; peakMB null where it could not be read).
 */
type LogLine = LoggedCommand | StageLine;
type StageLine = { stage: string; seconds: number; peakMB: number | null };

/** Rounded to hundredths, as GNU time gives seconds. */
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Stages added up: seconds summed, the largest peak. */
function combine(stages: readonly Stage[]): Stage {
  return { seconds: stages.reduce((t, x) => t + x.seconds, 0), peakMB: Math.max(0, ...stages.map((x) => x.peakMB)) };
}

/**
 * The Astro and Pagefind stages of a build from its stage log (JSON lines).
 * Pagefind runs inside `astro build` (an Astro integration through Pagefind's
 * Node API) and logs its own time and peak memory; the Astro stage is the
 * `astro build` command less that time, with the command's peak (GNU time: its
 * largest process, Pagefind's included). A Pagefind command (the CLI, as
 * build-site once ran it) still counts as Pagefind. Any other command (the
 * cache check) is "other". Throws when Astro or Pagefind is missing, or
 * Pagefind's memory could not be read: the bench must then learn how the
 * build runs them.
 */
export function stagesFromLog(text: string): { astro: Stage; pagefind: Stage; other: Stage } {
  const lines = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LogLine);
  const commands = lines.filter((l): l is LoggedCommand => 'argv' in l);
  const inside = lines.filter((l): l is StageLine => 'stage' in l && l.stage === 'pagefind');
  const isAstro = (c: LoggedCommand) => c.argv.some((a) => /(^|\/)astro(\.mjs)?$/u.test(a)) && c.argv.includes('build');
  const isPagefind = (c: LoggedCommand) => c.argv.some((a) => /(^|\/)pagefind(\/lib\/runner\/bin\.cjs)?$/u.test(a));
  const astro = commands.filter(isAstro);
  const pagefindCommands = commands.filter(isPagefind);
  if (astro.length === 0 || inside.length + pagefindCommands.length === 0) {
    throw new Error(
      'bench: scripts/build-site.ts ran no astro build, or no pagefind the bench could time (no "pagefind" stage logged by the integration, no pagefind command)',
    );
  }
  const pagefindInside = inside.map((l): Stage => {
    if (l.peakMB === null) throw new Error("bench: the Pagefind integration could not read Pagefind's peak memory (no /proc?)");
    return { seconds: l.seconds, peakMB: l.peakMB };
  });
  const astroCommands = combine(astro);
  const insideSeconds = pagefindInside.reduce((t, x) => t + x.seconds, 0);
  return {
    astro: { seconds: Math.max(0, round2(astroCommands.seconds - insideSeconds)), peakMB: astroCommands.peakMB },
    pagefind: combine([...pagefindInside, ...pagefindCommands]),
    other: combine(commands.filter((c) => !isAstro(c) && !isPagefind(c))),
  };
}

/**
 * A source with `sentence` added at the end of its first paragraph of prose
 * (the first block of at least 200 characters): the edit of the rebuild.
 */
export function appendToFirstParagraph(source: string, sentence: string): string {
  const blocks = source.split('\n\n');
  const i = blocks.findIndex((b) => b.trim().length >= 200);
  if (i < 0) throw new Error('bench: no paragraph of 200 characters or more to edit');
  blocks[i] = `${blocks[i]!.trimEnd()} ${sentence}`;
  return blocks.join('\n\n');
}

/** A metadata file with the source's SHA-256 replaced by that of `source`. */
export function withSourceSha(yaml: string, source: string): string {
  const sha = createHash('sha256').update(source).digest('hex');
  if (!/sha256: [0-9a-f]{64}/u.test(yaml)) throw new Error('bench: no sha256 in the metadata file');
  return yaml.replace(/sha256: [0-9a-f]{64}/u, `sha256: ${sha}`);
}

/** Our time over the bare baseline's (Astro + Pagefind), without and with normalize. */
export function baselineRatios(r: CorpusResult): { build: number; pipeline: number } {
  const base = r.baseline.astro.seconds + r.baseline.pagefind.seconds;
  const build = r.astro.seconds + r.pagefind.seconds;
  return { build: build / base, pipeline: (r.normalize.seconds + build) / base };
}

/** One line of the budget table. */
export interface BudgetRow {
  budget: string;
  corpus: string;
  measured: string;
  status: 'met' | 'missed' | 'not run';
}

const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
const s = (seconds: number): string => `${seconds.toFixed(1)} s`;
const MB = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

/** A budget checked on every corpus run. */
interface PerCorpusBudget {
  budget: string;
  check: (r: CorpusResult) => { measured: string; met: boolean };
}

/** A budget stated at 10,000 statements: checked on the corpus of that size only. */
interface At10kBudget extends PerCorpusBudget {
  at10k: true;
}

const BUDGETS: readonly (PerCorpusBudget | At10kBudget)[] = [
  {
    budget: 'rebuild after editing one statement ≤ 30 s, at 10,000',
    at10k: true,
    check: (r) => {
      const total = r.rebuild.normalize.seconds + r.rebuild.site.seconds;
      return { measured: s(total), met: total <= 30 };
    },
  },
  {
    budget: 'rebuild after changing nothing ≤ 15 s, at 10,000',
    at10k: true,
    check: (r) => {
      const total = r.noop.normalize.seconds + r.noop.site.seconds;
      return { measured: s(total), met: total <= 15 };
    },
  },
  {
    budget: 'whole pipeline (normalize + astro + pagefind) ≤ 1.5× bare Astro + Pagefind',
    check: (r) => ({ measured: `${baselineRatios(r).pipeline.toFixed(2)}×`, met: baselineRatios(r).pipeline <= 1.5 }),
  },
  ...(['phrase', 'word'] as const).map((kind) => ({
    budget: `cold ${kind === 'phrase' ? 'two-word phrase' : 'common word'} search ≤ 200 kB compressed, at 10,000`,
    at10k: true as const,
    check: (r: CorpusResult) => {
      const q = r.search.find((x) => x.kind === kind);
      return {
        measured: q ? `${kB(q.compressed)} in ${q.requests} requests${q.timedOut ? ' (timed out)' : ''}` : '—',
        met: q !== undefined && !q.timedOut && q.compressed <= 200 * 1024,
      };
    },
  })),
  {
    budget: 'a later query on the same page ≤ 80 kB compressed, at 10,000',
    at10k: true,
    check: (r) => ({ measured: `${kB(r.later.compressed)} in ${r.later.requests} requests`, met: r.later.compressed <= 80 * 1024 }),
  },
  {
    budget: 'output ≤ 400 MB at 10,000 statements of 6 kB (≤ 40 MB per 1,000)',
    check: (r) => {
      const budget = (40 * 2 ** 20 * r.count) / 1000;
      return { measured: `${MB(r.bytes)} MB (${MB((r.bytes * 1000) / r.count)} MB per 1,000)`, met: r.bytes <= budget };
    },
  },
  {
    budget: '≤ 20,000 deployed files, at 10,000',
    at10k: true,
    check: (r) => ({ measured: r.files.toLocaleString('en'), met: r.files <= 20000 }),
  },
  {
    budget: 'peak memory ≤ 5 GB, at 10,000',
    at10k: true,
    check: (r) => {
      const peak = Math.max(r.normalize.peakMB, r.astro.peakMB, r.pagefind.peakMB, r.rebuild.normalize.peakMB, r.rebuild.site.peakMB);
      return { measured: `${(peak / 1024).toFixed(2)} GB`, met: peak <= 5 * 1024 };
    },
  },
  {
    budget: 'statement page ≤ 14 kB gzip (HTML + CSS, median statement)',
    check: (r) => ({ measured: kB(r.page.htmlCssGzip), met: r.page.htmlCssGzip <= 14 * 1024 }),
  },
  {
    budget: 'statement page needs 0 kB JS (every paragraph there without JavaScript)',
    check: (r) => {
      const js = r.pages.find((p) => p.page === 'statement');
      return {
        measured: `${r.noJs.withoutJs} of ${r.noJs.withJs} paragraphs without JS; ${js ? kB(js.jsBytes) : '?'} JS loaded (enhancements)`,
        met: r.noJs.withJs > 0 && r.noJs.withoutJs === r.noJs.withJs,
      };
    },
  },
  {
    budget: 'normalize ≤ 1 s per 1,000 statements, cold',
    check: (r) => ({ measured: `${s(per1k(r.normalize.seconds, r.count))} per 1,000`, met: per1k(r.normalize.seconds, r.count) <= 1 }),
  },
  {
    budget: 'unchanged sources not reprocessed (normalize after editing one source ≤ ½ of a full normalize)',
    check: (r) => ({
      measured: `${s(r.rebuild.normalize.seconds)} vs ${s(r.normalize.seconds)} full`,
      met: r.rebuild.normalize.seconds <= r.normalize.seconds / 2,
    }),
  },
];

/**
 * The budgets of issue #14 against the figures: a per-corpus budget for every
 * corpus run, a budget "at 10,000" for the 10,000-statement corpus only ("not
 * run" when it was not).
 */
export function budgetRows(results: readonly CorpusResult[]): BudgetRow[] {
  const rows = BUDGETS.flatMap((b): BudgetRow[] => {
    const targets = 'at10k' in b ? results.filter((r) => r.count === 10000) : results;
    if (targets.length === 0) return [{ budget: b.budget, corpus: '10,000 statements', measured: '—', status: 'not run' }];
    return targets.map((r) => {
      const { measured, met } = b.check(r);
      return { budget: b.budget, corpus: r.corpus, measured, status: met ? 'met' : 'missed' };
    });
  });
  // Across corpora: the search page's HTML does not grow with the corpus (within 1% of the smallest corpus's).
  const smallest = [...results].sort((a, b) => a.count - b.count)[0];
  for (const r of results) {
    rows.push({
      budget: 'the search page’s HTML the same size whatever the corpus',
      corpus: r.corpus,
      measured: `${kB(r.searchHtmlBytes)} (${smallest!.corpus}: ${kB(smallest!.searchHtmlBytes)})`,
      status: Math.abs(r.searchHtmlBytes - smallest!.searchHtmlBytes) <= smallest!.searchHtmlBytes / 100 ? 'met' : 'missed',
    });
  }
  return rows;
}

/** Normalize on one repetitive source, and on one four times its size. */
export interface GrowthFigure {
  /** Source sizes in bytes: the smaller, then the larger. */
  bytes: [number, number];
  /** Normalize's wall time for each, cold (no cache). */
  seconds: [number, number];
  /** Normalize's wall time for the same content folder with an ordinary source instead (start-up and the rest). */
  baseSeconds: number;
  /** Peak memory of the larger run, MB. */
  peakMB: number;
}

/** The most normalize's time may grow when its input grows four times: near-linear steps only. */
export const GROWTH_BUDGET = 5;

/**
 * The larger run's time over the smaller's (with the time of normalizing the
 * rest of the content folder taken out of both by `baseSeconds`).
 * @example growthRatio({ seconds: [3, 10] }, 1) // => 4.5
 */
export function growthRatio(g: Pick<GrowthFigure, 'seconds'>, baseSeconds = 0): number {
  const small = Math.max(g.seconds[0] - baseSeconds, 0.001);
  return (g.seconds[1] - baseSeconds) / small;
}

/**
 * A source of about `bytes` bytes that repeats the words theme terms,
 * aliases and the header and footer rules look for, in paragraphs: the kind
 * of input that made theme counting quadratic. Starts with `title`.
 */
export function repetitiveSource(title: string, bytes: number): string {
  const paragraph =
    'Data and Big Data on human trafficking, smuggling and the rights of migrants call for migration management, border control, ' +
    'entry and exit, and cooperation on climate change and natural disasters, the Global Compact and the GCM.';
  const count = Math.max(1, Math.round(bytes / (paragraph.length + 2)));
  return `${title}\n\n${Array.from({ length: count }, () => paragraph).join('\n\n')}\n\nThank you.\n`;
}
