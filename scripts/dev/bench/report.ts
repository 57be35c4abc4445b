/**
 * BENCHMARKS.md from the bench's figures: pure text, tables in Markdown.
 */
import {
  baselineRatios,
  budgetRows,
  type CorpusResult,
  GROWTH_BUDGET,
  type GrowthFigure,
  growthRatio,
  type Queries,
  per1k,
  type Stage,
} from './measure.ts';

/** What the report says of how and where it was measured. */
export interface ReportContext {
  /** The command as run. */
  command: string;
  /** Machine, Node and tool versions, one phrase. */
  machine: string;
  /** The queries chosen for each corpus. */
  queries: Map<string, Queries>;
  /** Normalize on a repetitive source and on one four times its size. */
  growth?: GrowthFigure;
  /** A hand-written Markdown file appended at the end, if any. */
  notes?: string;
}

/**
 * Normalize's growth on one repetitive source (issue #12: every step linear or
 * near-linear): a table and whether a four times larger source cost less than
 * GROWTH_BUDGET times the time, start-up taken out.
 */
export function growthSection(g: GrowthFigure): string {
  const ratio = growthRatio(g, g.baseSeconds);
  const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
  return [
    'One synthetic statement whose source is a paragraph full of theme terms, aliases and multi-word terms repeated to the size shown (the input that made theme counting quadratic), normalized cold (`--no-cache`) under GNU time; “start-up” is the same content folder with an ordinary 3 kB source, and is taken out of both before the ratio.',
    '',
    markdownTable(
      ['source', 'normalize s', 'peak MB'],
      [
        ['ordinary (start-up)', g.baseSeconds.toFixed(2), '—'],
        [mb(g.bytes[0]), g.seconds[0].toFixed(2), '—'],
        [mb(g.bytes[1]), g.seconds[1].toFixed(2), String(g.peakMB)],
      ],
    ),
    '',
    `Four times the source: ${ratio.toFixed(2)}× the time (budget: under ${GROWTH_BUDGET}×) — ${ratio < GROWTH_BUDGET ? 'met' : 'missed'}.`,
  ].join('\n');
}

/** A Markdown table; cells must not hold `|`. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const kB = (bytes: number): string => (bytes / 1024).toFixed(1);
const MB = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
const sec = (x: number): string => x.toFixed(1);
const stage = (st: Stage, count: number): string[] => [`${sec(st.seconds)} (${sec(per1k(st.seconds, count))})`, String(st.peakMB)];

function pipelineTable(results: readonly CorpusResult[]): string {
  return markdownTable(
    [
      'corpus',
      'statements',
      'runs',
      'normalize s (per 1k)',
      'normalize peak MB',
      'astro s (per 1k)',
      'astro peak MB',
      'pagefind s (per 1k)',
      'pagefind peak MB',
      'build-site s (whole)',
      'files',
      'output MB',
      'index MB',
      'statement page HTML+CSS gzip kB',
    ],
    results.map((r) => [
      r.corpus,
      r.count.toLocaleString('en'),
      String(r.runs),
      ...stage(r.normalize, r.count),
      ...stage(r.astro, r.count),
      ...stage(r.pagefind, r.count),
      sec(r.site.seconds),
      r.files.toLocaleString('en'),
      MB(r.bytes),
      MB(r.indexBytes),
      kB(r.page.htmlCssGzip),
    ]),
  );
}

function baselineTable(results: readonly CorpusResult[]): string {
  return markdownTable(
    [
      'corpus',
      'baseline astro s',
      'baseline astro peak MB',
      'baseline pagefind s',
      'baseline pagefind peak MB',
      'ours astro + pagefind s',
      'ratio',
      'ours normalize + astro + pagefind s',
      'ratio',
    ],
    results.map((r) => {
      const ratios = baselineRatios(r);
      return [
        r.corpus,
        sec(r.baseline.astro.seconds),
        String(r.baseline.astro.peakMB),
        sec(r.baseline.pagefind.seconds),
        String(r.baseline.pagefind.peakMB),
        sec(r.astro.seconds + r.pagefind.seconds),
        `${ratios.build.toFixed(2)}×`,
        sec(r.normalize.seconds + r.astro.seconds + r.pagefind.seconds),
        `${ratios.pipeline.toFixed(2)}×`,
      ];
    }),
  );
}

function rebuildTable(results: readonly CorpusResult[]): string {
  return markdownTable(
    [
      'corpus',
      'change',
      'normalize s',
      'normalize peak MB',
      'build-site s',
      'build-site peak MB',
      'of which astro s',
      'of which pagefind s',
      'total s',
    ],
    results.flatMap((r) =>
      (
        [
          ['one statement edited', r.rebuild],
          ['nothing', r.noop],
        ] as const
      ).map(([change, x]) => [
        r.corpus,
        change,
        sec(x.normalize.seconds),
        String(x.normalize.peakMB),
        sec(x.site.seconds),
        String(x.site.peakMB),
        sec(x.astro.seconds),
        sec(x.pagefind.seconds),
        sec(x.normalize.seconds + x.site.seconds),
      ]),
    ),
  );
}

function outputTable(results: readonly CorpusResult[]): string {
  return markdownTable(
    [
      'corpus',
      'files',
      'all MB',
      'statement pages MB',
      'other pages MB',
      'search index MB',
      'data files MB',
      'other MB',
      'search page HTML kB',
    ],
    results.map((r) => [
      r.corpus,
      r.files.toLocaleString('en'),
      MB(r.bytes),
      MB(r.output.statementPages),
      MB(r.output.otherPages),
      MB(r.output.searchIndex),
      MB(r.output.data),
      MB(r.output.other),
      kB(r.searchHtmlBytes),
    ]),
  );
}

function laterTable(results: readonly CorpusResult[]): string {
  return markdownTable(
    ['corpus', 'second query', 'requests', 'served kB', 'compressed kB', 'of which'],
    results.map((r) => [
      r.corpus,
      `\`${r.later.query}\``,
      String(r.later.requests),
      kB(r.later.bytes),
      kB(r.later.compressed),
      r.later.parts.map((p) => `${p.part} ${kB(p.compressed)}`).join('; '),
    ]),
  );
}

function searchTable(results: readonly CorpusResult[]): string {
  return markdownTable(
    ['corpus', 'query', 'statements with it', 'requests', 'served kB', 'compressed kB', 'page said'],
    results.flatMap((r) =>
      r.search.map((q) => [
        r.corpus,
        `${q.kind}: \`${q.query}\``,
        `${q.docs.toLocaleString('en')} of ${r.count.toLocaleString('en')}`,
        String(q.requests),
        kB(q.bytes),
        kB(q.compressed),
        q.timedOut ? `timed out: ${q.status}` : q.status,
      ]),
    ),
  );
}

function searchPartsTable(results: readonly CorpusResult[]): string {
  return markdownTable(
    ['corpus', 'query', 'part', 'requests', 'served kB', 'compressed kB'],
    results.flatMap((r) =>
      r.search.flatMap((q) => q.parts.map((p) => [r.corpus, `\`${q.query}\``, p.part, String(p.requests), kB(p.bytes), kB(p.compressed)])),
    ),
  );
}

function pagesTable(results: readonly CorpusResult[]): string {
  return markdownTable(
    ['corpus', 'page', 'path', 'requests', 'all kB', 'all compressed kB', 'JS files', 'JS kB', 'JS gzip kB'],
    results.flatMap((r) =>
      r.pages.map((p) => [
        r.corpus,
        p.page,
        `\`${p.path}\``,
        String(p.transfer.requests),
        kB(p.transfer.bytes),
        kB(p.transfer.compressed),
        String(p.jsFiles),
        kB(p.jsBytes),
        kB(p.jsGzip),
      ]),
    ),
  );
}

function budgetTable(results: readonly CorpusResult[]): string {
  return markdownTable(
    ['budget', 'corpus', 'measured', 'status'],
    budgetRows(results).map((b) => [b.budget, b.corpus, b.measured, b.status]),
  );
}

/** The whole report. */
export function renderReport(results: readonly CorpusResult[], ctx: ReportContext): string {
  const queries = [...ctx.queries].map(
    ([corpus, q]) =>
      `- ${corpus}: phrase \`"${q.phrase.text}"\` (in ${q.phrase.docs.toLocaleString('en')} statements), word \`${q.word.text}\` (in ${q.word.docs.toLocaleString('en')})`,
  );
  return [
    '# Benchmarks',
    '',
    `Written by \`${ctx.command}\` (\`npm run bench\` runs every corpus but the smoke one). ${ctx.machine}. Figures are medians of the runs shown; time and peak memory (resident, of the largest process) from GNU time; browser figures from the first run of each corpus (the builds are byte for byte reproducible).`,
    '',
    'Synthetic corpora (scripts/dev/synthetic/corpus.ts): words drawn from the five real statements, 20% of the sources with website chrome, hard wraps, a mid-sentence split, a wrapped Roman-numeral heading, a bullet list and a contact footer; speakers and dates spread over 30 years; every statement with at least two themes. Each run starts cold: a fresh content folder (so no normalizer cache, which lives in it) and a fresh Astro cache.',
    '',
    '## Pipeline',
    '',
    'The pipeline as `npm run build` runs it: `node scripts/normalize.ts --content DIR`, then `node scripts/build-site.ts --out DIR`, which runs `astro build` with its own flags; each command it starts is timed under GNU time by a preloaded hook (scripts/dev/bench/stage-timer.ts). Pagefind runs inside `astro build`, through its Node API from an Astro integration (src/integrations/pagefind.ts), which logs its own wall time and the peak resident memory of Pagefind’s process: “pagefind” is that, and “astro” is the `astro build` command less Pagefind’s time (its peak memory is that of the command’s largest process, Pagefind’s included). “build-site s (whole)” adds its cache check and the swap into place.',
    '',
    pipelineTable(results),
    '',
    'What the output is made of: statement pages (`/statements/<id>/`), every other page, the search index (`/pagefind/`), the data files (`/data/`, gzipped where large), the rest (scripts, styles, feed, sitemaps):',
    '',
    outputTable(results),
    '',
    '## Against a bare Astro + Pagefind site',
    '',
    'The baseline is a project the bench writes in a temporary folder: `site` in its config, a `glob` collection over the same normalized `statements/*.md` with a permissive schema, one page per statement (`<h1>` and the rendered Markdown in `<main data-pagefind-body>`), built with the same Astro, then plain `pagefind --site`. Ratio: our time over the baseline’s Astro + Pagefind time.',
    '',
    baselineTable(results),
    '',
    '## Rebuild after editing one statement',
    '',
    'After a full build, one sentence is added to the first paragraph of one source (its metadata’s SHA-256 updated), then the pipeline runs as `npm run build` does (`node scripts/normalize.ts`, then `node scripts/build-site.ts`), with the caches a user would have: the normalized statements, Astro’s cache of the full build and the indexed parts of the search index. Then it runs once more with nothing changed.',
    '',
    rebuildTable(results),
    '',
    '## Cold search in Chromium',
    '',
    'Debian’s Chromium (headless, through playwright-core), a fresh context per search, `/search/?q=…` opened until a result is listed (or the page says none matched), then until the network has been idle for 1 s. Every request the page made is counted, the page itself included: bytes as served, and compressed bytes (each body gzipped at level 6, except files already gzipped, such as Pagefind’s index chunks and fragments, counted as they are). Queries chosen from each corpus: the two-word sequence of content words in the most statements but not all, and the content word in the most statements.',
    '',
    ...queries,
    '',
    searchTable(results),
    '',
    'Where those bytes go:',
    '',
    searchPartsTable(results),
    '',
    'A second query typed into the search page of the first (the common word after the phrase), counted from its submission until the network is idle:',
    '',
    laterTable(results),
    '',
    '## What each page type loads',
    '',
    'The same Chromium, a fresh context per page, loaded without interaction until the network is idle. JS: inline scripts the browser runs plus JavaScript files requested (module imports included); gzip as above.',
    '',
    pagesTable(results),
    '',
    ...(ctx.growth ? ['## Normalize on a repetitive source', '', growthSection(ctx.growth), ''] : []),
    '## Budgets (issue #14)',
    '',
    budgetTable(results),
    '',
    ...(ctx.notes ? [ctx.notes.trimEnd(), ''] : []),
  ].join('\n');
}
