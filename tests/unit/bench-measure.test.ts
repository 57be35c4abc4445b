import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { baselineProjectFiles } from '../../scripts/dev/bench/baseline.ts';
import {
  appendToFirstParagraph,
  baselineRatios,
  budgetRows,
  chooseQueries,
  compressedSize,
  type CorpusResult,
  growthRatio,
  inlineScripts,
  isGzipped,
  isJsPath,
  median,
  medianStage,
  partOf,
  parts,
  per1k,
  repetitiveSource,
  stagesFromLog,
  statementText,
  transfer,
  withSourceSha,
} from '../../scripts/dev/bench/measure.ts';
import { growthSection, markdownTable, renderReport } from '../../scripts/dev/bench/report.ts';

/** A corpus result with every figure well within budget; tests change one field at a time. */
function result(over: Partial<CorpusResult> = {}): CorpusResult {
  const stage = (seconds: number, peakMB = 100) => ({ seconds, peakMB });
  return {
    corpus: '10k-6kB',
    count: 10000,
    runs: 1,
    normalize: stage(5),
    astro: stage(20),
    pagefind: stage(10),
    site: stage(30.5),
    files: 15000,
    bytes: 1e8,
    indexBytes: 1e7,
    page: { htmlCssGzip: 10 * 1024 },
    baseline: { astro: stage(20), pagefind: stage(10) },
    rebuild: { normalize: stage(1), site: stage(20), astro: stage(15), pagefind: stage(4) },
    noop: { normalize: stage(0.5), site: stage(10), astro: stage(8), pagefind: stage(0.5) },
    output: { statementPages: 5e7, otherPages: 2e7, searchIndex: 1e7, data: 1.5e7, other: 5e6 },
    searchHtmlBytes: 20_000,
    later: { query: 'b', requests: 4, bytes: 60_000, compressed: 50 * 1024, parts: [] },
    search: [
      {
        kind: 'phrase',
        query: '"a b"',
        docs: 10,
        requests: 8,
        bytes: 300_000,
        compressed: 150 * 1024,
        status: '10 statements',
        timedOut: false,
        parts: [],
      },
      {
        kind: 'word',
        query: 'b',
        docs: 100,
        requests: 8,
        bytes: 300_000,
        compressed: 160 * 1024,
        status: '100 statements',
        timedOut: false,
        parts: [],
      },
    ],
    pages: [
      {
        page: 'statement',
        path: '/statements/x/',
        transfer: { requests: 5, bytes: 40_000, compressed: 12_000 },
        jsFiles: 2,
        jsBytes: 3000,
        jsGzip: 1500,
      },
    ],
    noJs: { withJs: 40, withoutJs: 40 },
    ...over,
  };
}

describe('median and medianStage', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(/no values/u);
  });

  it('takes the median of time and of memory separately', () => {
    expect(
      medianStage([
        { seconds: 3, peakMB: 900 },
        { seconds: 1, peakMB: 1000 },
        { seconds: 2, peakMB: 800 },
      ]),
    ).toEqual({ seconds: 2, peakMB: 900 });
  });

  it('scales seconds to 1,000 statements', () => {
    expect(per1k(30, 10000)).toBe(3);
    expect(per1k(0.6, 60)).toBeCloseTo(10);
  });
});

describe('statementText', () => {
  it('drops the frontmatter, the block ids and the Markdown escapes', () => {
    const md = '---\nid: x\ntitle: "A: b"\n---\n\nMr. President, {#p-1}\n\n1\\. Global Compact here. {#p-2}\n';
    expect(statementText(md)).toBe('Mr. President,\n\n1. Global Compact here.');
  });
});

describe('chooseQueries', () => {
  const texts = [
    'The Global Compact matters. Migration governance, migration.',
    'Under the Global Compact, migration is safe.',
    'Migration and development. Global\ncompact split by a line.',
    'Safe migration for all.',
  ];

  it('picks the two content words in the most texts but not all, and the content word in the most texts', () => {
    expect(chooseQueries(texts)).toEqual({ phrase: { text: 'global compact', docs: 2 }, word: { text: 'migration', docs: 4 } });
  });

  it('never pairs words across punctuation or a line break, nor takes function words', () => {
    const q = chooseQueries(['alpha, beta gamma delta', 'alpha\nbeta gamma', 'the alpha of beta', 'other words']);
    expect(q.phrase).toEqual({ text: 'beta gamma', docs: 2 });
  });

  it('passes over a phrase found in every text, and breaks ties alphabetically', () => {
    const q = chooseQueries(['red apple green pear', 'red apple green pear', 'red apple blue plum']);
    expect(q.phrase).toEqual({ text: 'apple green', docs: 2 });
    expect(q.word).toEqual({ text: 'apple', docs: 3 });
  });

  it('says so when no phrase fits', () => {
    expect(() => chooseQueries(['the of and', 'a an'])).toThrow(/no two-word phrase/u);
  });
});

describe('byte accounting', () => {
  const text = Buffer.from('migration '.repeat(200));

  it('gzips a body at level 6, and counts a gzipped body as it is', () => {
    const gz = gzipSync(text);
    expect(isGzipped(gz)).toBe(true);
    expect(isGzipped(text)).toBe(false);
    expect(isGzipped(Buffer.from([0x1f]))).toBe(false);
    expect(compressedSize(text)).toBe(gzipSync(text, { level: 6 }).length);
    expect(compressedSize(text)).toBeLessThan(100);
    expect(compressedSize(gz)).toBe(gz.length);
  });

  it('adds up requests, bytes and compressed bytes', () => {
    const gz = gzipSync(text);
    expect(transfer([text, gz, Buffer.alloc(0)])).toEqual({
      requests: 3,
      bytes: text.length + gz.length,
      compressed: gzipSync(text, { level: 6 }).length + gz.length + gzipSync(Buffer.alloc(0)).length,
    });
    expect(transfer([])).toEqual({ requests: 0, bytes: 0, compressed: 0 });
  });

  it('finds the inline code a browser runs, not data or external scripts', () => {
    const html =
      '<script type="module">a()</script><script type="application/ld+json">{"x":1}</script>' +
      '<script>b()</script><script type="module" src="/x.js"></script><script type="application/json" id="c">{}</script>' +
      '<SCRIPT type=text/javascript>c()</SCRIPT><script> </script>';
    expect(inlineScripts(html)).toEqual(['a()', 'b()', 'c()']);
  });

  it('groups requests by kind, in a fixed order', () => {
    expect(partOf('/search/')).toBe('page HTML');
    expect(partOf('/404.html')).toBe('page HTML');
    expect(partOf('/_astro/search.Baicjrbb.js')).toBe('site JS');
    expect(partOf('/pagefind/pagefind-worker.js')).toBe('Pagefind JS');
    expect(partOf('/pagefind/wasm.en.pagefind')).toBe('Pagefind WebAssembly');
    expect(partOf('/pagefind/pagefind.en_382521587f.pf_meta')).toBe('Pagefind entry and metadata');
    expect(partOf('/pagefind/index/en_ffb0584.pf_index')).toBe('Pagefind index chunks');
    expect(partOf('/favicon.svg')).toBe('other');
    const gz = gzipSync('x');
    const served = [
      { path: '/pagefind/fragment/a.pf_fragment', body: gz },
      { path: '/search/', body: Buffer.from('<p>') },
      { path: '/pagefind/fragment/b.pf_fragment', body: gz },
    ];
    expect(parts(served)).toEqual([
      { part: 'page HTML', ...transfer([Buffer.from('<p>')]) },
      { part: 'Pagefind fragments', requests: 2, bytes: 2 * gz.length, compressed: 2 * gz.length },
    ]);
  });

  it('tells JavaScript paths', () => {
    expect(isJsPath('/_astro/x.js')).toBe(true);
    expect(isJsPath('/pagefind/pagefind.js?v=1')).toBe(true);
    expect(isJsPath('/a.mjs')).toBe(true);
    expect(isJsPath('/data/corpus.json')).toBe(false);
    expect(isJsPath('/pagefind/wasm.en.pagefind')).toBe(false);
  });
});

describe('stagesFromLog', () => {
  const line = (argv: string[], seconds: number, peakMB: number) => JSON.stringify({ argv, seconds, peakMB });
  const pagefindStage = (seconds: number, peakMB: number | null) => JSON.stringify({ stage: 'pagefind', seconds, peakMB });
  const node = '/usr/bin/node';

  it("takes Pagefind from the stage the integration logged inside Astro's build, and Astro as the build less that time", () => {
    const log = [
      line([node, 'scripts/content-cache.ts'], 0.1, 40),
      pagefindStage(4.03, 500),
      line([node, '/r/node_modules/astro/bin/astro.mjs', 'build', '--outDir', '/t'], 34.05, 1500),
      '',
    ].join('\n');
    expect(stagesFromLog(log)).toEqual({
      astro: { seconds: 30.02, peakMB: 1500 },
      pagefind: { seconds: 4.03, peakMB: 500 },
      other: { seconds: 0.1, peakMB: 40 },
    });
  });

  it('still counts a Pagefind command (the CLI) as Pagefind, apart from the Astro build', () => {
    const log = [
      line([node, '/r/node_modules/astro/bin/astro.mjs', 'build', '--outDir', '/t'], 30, 1500),
      line([node, '/r/node_modules/pagefind/lib/runner/bin.cjs', '--site', '/t', '--max-fragments', '5000'], 4, 500),
    ].join('\n');
    expect(stagesFromLog(log)).toEqual({
      astro: { seconds: 30, peakMB: 1500 },
      pagefind: { seconds: 4, peakMB: 500 },
      other: { seconds: 0, peakMB: 0 },
    });
  });

  it('adds up a stage run twice, and fails loudly when one is missing or Pagefind has no memory figure', () => {
    const log = [line(['astro', 'build'], 2, 100), pagefindStage(0.5, 50), line(['astro', 'build'], 3, 300), pagefindStage(1, 60)].join(
      '\n',
    );
    expect(stagesFromLog(log)).toEqual({
      astro: { seconds: 3.5, peakMB: 300 },
      pagefind: { seconds: 1.5, peakMB: 60 },
      other: { seconds: 0, peakMB: 0 },
    });
    expect(() => stagesFromLog(line(['astro', 'build'], 2, 100))).toThrow(/no astro build, or no pagefind/u);
    expect(() => stagesFromLog(pagefindStage(1, 50))).toThrow(/no astro build, or no pagefind/u);
    expect(() => stagesFromLog([line(['astro', 'build'], 2, 100), pagefindStage(1, null)].join('\n'))).toThrow(/peak memory/u);
  });
});

describe('the rebuild edit', () => {
  const source = `Title\n\nMr. President,\n\n${'word '.repeat(50).trim()}.\n\n${'more '.repeat(50).trim()}.\n`;

  it('adds a sentence at the end of the first long paragraph only', () => {
    const edited = appendToFirstParagraph(source, 'Added.');
    expect(edited).toBe(source.replace('word.\n', 'word. Added.\n'));
    expect(() => appendToFirstParagraph('Short.\n\nText.', 'Added.')).toThrow(/no paragraph/u);
  });

  it('puts the new SHA-256 into the metadata', () => {
    const yaml = `id: x\nsource: { file: x.txt, sha256: ${'0'.repeat(64)}, url: null }\n`;
    const sha = createHash('sha256').update('new text').digest('hex');
    expect(withSourceSha(yaml, 'new text')).toBe(yaml.replace('0'.repeat(64), sha));
    expect(() => withSourceSha('id: x\n', 'new text')).toThrow(/no sha256/u);
  });
});

describe('budgets', () => {
  it('gives our time over the baseline, without and with normalize', () => {
    expect(baselineRatios(result())).toEqual({ build: 1, pipeline: 35 / 30 });
  });

  it('meets every budget with figures inside them', () => {
    const rows = budgetRows([result()]);
    expect(rows).toHaveLength(14);
    expect(rows.filter((r) => r.status !== 'met')).toEqual([]);
  });

  it('says which budgets a figure misses', () => {
    const stage = (seconds: number, peakMB = 100) => ({ seconds, peakMB });
    const missed = (over: Partial<CorpusResult>) =>
      budgetRows([result(over)])
        .filter((r) => r.status === 'missed')
        .map((r) => r.budget.split(' ').slice(0, 2).join(' '));
    expect(missed({ page: { htmlCssGzip: 15 * 1024 } })).toEqual(['statement page']);
    expect(missed({ noJs: { withJs: 40, withoutJs: 0 } })).toEqual(['statement page']);
    expect(missed({ astro: stage(31) })).toEqual(['whole pipeline']);
    expect(missed({ normalize: stage(11) })).toEqual(['normalize ≤']);
    expect(missed({ normalize: stage(20) })).toEqual(['whole pipeline', 'normalize ≤']);
    expect(missed({ rebuild: { ...result().rebuild, normalize: stage(3) } })).toEqual(['unchanged sources']);
    expect(missed({ rebuild: { ...result().rebuild, site: stage(30) } })).toEqual(['rebuild after']);
    expect(missed({ noop: { ...result().noop, site: stage(15) } })).toEqual(['rebuild after']);
    expect(missed({ pagefind: stage(10, 6000) })).toEqual(['peak memory']);
    expect(missed({ files: 20001 })).toEqual(['≤ 20,000']);
    expect(missed({ bytes: 401 * 2 ** 20 })).toEqual(['output ≤']);
    expect(missed({ later: { ...result().later, compressed: 81 * 1024 } })).toEqual(['a later']);
    const slow = result().search.map((x) => ({ ...x, compressed: 201 * 1024 }));
    expect(missed({ search: slow })).toEqual(['cold two-word', 'cold common']);
  });

  it('checks the budgets at 10,000 on that corpus only, and says when it was not run', () => {
    const rows = budgetRows([result({ corpus: '1k-6kB', count: 1000, files: 99999 })]);
    expect(rows.filter((r) => r.status === 'not run').map((r) => r.budget)).toEqual([
      'rebuild after editing one statement ≤ 30 s, at 10,000',
      'rebuild after changing nothing ≤ 15 s, at 10,000',
      'cold two-word phrase search ≤ 200 kB compressed, at 10,000',
      'cold common word search ≤ 200 kB compressed, at 10,000',
      'a later query on the same page ≤ 80 kB compressed, at 10,000',
      '≤ 20,000 deployed files, at 10,000',
      'peak memory ≤ 5 GB, at 10,000',
    ]);
    // The output budget scales: 40 MB per 1,000 statements.
    expect(rows.find((r) => r.budget.startsWith('output'))).toMatchObject({
      corpus: '1k-6kB',
      measured: '95.4 MB (95.4 MB per 1,000)',
      status: 'missed',
    });
  });

  it('finds the search page’s HTML grown with the corpus, when it has', () => {
    const small = result({ corpus: '1k-6kB', count: 1000 });
    const status = (bytes: number) =>
      budgetRows([small, result({ searchHtmlBytes: bytes })])
        .filter((r) => r.budget.startsWith('the search page'))
        .map((r) => r.status);
    expect(status(20_100)).toEqual(['met', 'met']);
    expect(status(30_000)).toEqual(['met', 'missed']);
  });
});

const smoke = result({
  corpus: 'smoke',
  count: 60,
  normalize: { seconds: 0.6, peakMB: 100 },
  astro: { seconds: 6, peakMB: 700 },
  pagefind: { seconds: 0.4, peakMB: 50 },
  site: { seconds: 6.6, peakMB: 700 },
  files: 239,
  bytes: 7.2 * 2 ** 20,
  indexBytes: 2 ** 20,
  page: { htmlCssGzip: 11 * 1024 },
  baseline: { astro: { seconds: 3.5, peakMB: 100 }, pagefind: { seconds: 0.5, peakMB: 100 } },
  search: [
    {
      kind: 'phrase',
      query: '"global compact"',
      docs: 12,
      requests: 9,
      bytes: 200 * 1024,
      compressed: 100 * 1024,
      status: '12 statements.',
      timedOut: false,
      parts: [{ part: 'Pagefind fragments', requests: 2, bytes: 3000, compressed: 3000 }],
    },
  ],
  pages: [
    { page: 'home', path: '/', transfer: { requests: 3, bytes: 45 * 1024, compressed: 7 * 1024 }, jsFiles: 0, jsBytes: 300, jsGzip: 200 },
  ],
  noJs: { withJs: 11, withoutJs: 11 },
});
const queries = new Map([['smoke', { phrase: { text: 'global compact', docs: 12 }, word: { text: 'migration', docs: 60 } }]]);

describe('markdownTable', () => {
  it('writes a header, a rule and a row per line', () => {
    expect(markdownTable(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});

describe('renderReport', () => {
  const report = renderReport([smoke], {
    command: 'node scripts/bench.ts --only smoke',
    machine: 'Machine: test',
    queries,
    notes: '## Notes\n\nWhy.\n',
  });

  it('names the command and the machine, and has every table', () => {
    expect(report).toContain('`node scripts/bench.ts --only smoke`');
    expect(report).toContain('Machine: test');
    for (const h of ['## Pipeline', '## Against a bare', '## Rebuild', '## Cold search', '## What each page type loads', '## Budgets'])
      expect(report).toContain(h);
  });

  it('gives the figures, per 1,000 statements where asked, and the ratios to the baseline', () => {
    expect(report).toContain('| smoke | 60 | 1 | 0.6 (10.0) | 100 | 6.0 (100.0) | 700 | 0.4 (6.7) | 50 | 6.6 | 239 | 7.2 | 1.0 | 11.0 |');
    expect(report).toContain('| smoke | 3.5 | 100 | 0.5 | 100 | 6.4 | 1.60× | 7.0 | 1.75× |');
    expect(report).toContain('| smoke | phrase: `"global compact"` | 12 of 60 | 9 | 200.0 | 100.0 | 12 statements. |');
    expect(report).toContain('phrase `"global compact"` (in 12 statements), word `migration` (in 60)');
    expect(report).toContain('| smoke | `"global compact"` | Pagefind fragments | 2 | 2.9 | 2.9 |');
    expect(report).toContain('| normalize ≤ 1 s per 1,000 statements, cold | smoke | 10.0 s per 1,000 | missed |');
  });

  it('ends with the notes, when given', () => {
    expect(report.trimEnd().endsWith('## Notes\n\nWhy.')).toBe(true);
    expect(renderReport([smoke], { command: 'x', machine: 'y', queries })).not.toContain('## Notes');
  });
});

describe('baselineProjectFiles', () => {
  const files = baselineProjectFiles('/tmp/c/statements');

  it('is a config with the site only, a glob collection over the statements and one page', () => {
    expect([...files.keys()]).toEqual(['astro.config.mjs', 'src/content.config.ts', 'src/pages/statements/[id].astro']);
    expect(files.get('astro.config.mjs')).toMatch(/defineConfig\(\{ site: '[^']+' \}\)/u);
    expect(files.get('src/content.config.ts')).toContain(`glob({ pattern: '*.md', base: "/tmp/c/statements" })`);
    expect(files.get('src/content.config.ts')).toContain(`import { z } from 'astro/zod';`);
    const page = files.get('src/pages/statements/[id].astro')!;
    expect(page).toMatch(/<main data-pagefind-body>\s*<h1>\{entry\.data\.title\}<\/h1>\s*<Content \/>\s*<\/main>/u);
    expect(page).toContain('<html lang="en">');
    expect(page).not.toContain('<script');
  });
});

describe('normalize growth on a repetitive source', () => {
  it('writes a source of about the size asked for, starting with the title and full of theme terms', () => {
    const s = repetitiveSource('A title', 100_000);
    expect(s.startsWith('A title\n\n')).toBe(true);
    expect(Math.abs(Buffer.byteLength(s) - 100_000)).toBeLessThan(400);
    expect(s).toContain('human trafficking');
    expect(s.trimEnd().endsWith('Thank you.')).toBe(true);
  });

  it('gives the larger run’s time over the smaller’s, start-up taken out', () => {
    expect(growthRatio({ seconds: [3, 10] }, 1)).toBe(4.5);
    expect(growthRatio({ seconds: [2, 8] })).toBe(4);
  });

  it('reports the ratio against the budget of five times', () => {
    const met = growthSection({ bytes: [1_250_000, 5_000_000], seconds: [2, 6], baseSeconds: 1, peakMB: 300 });
    expect(met).toContain('| 5.00 MB | 6.00 | 300 |');
    expect(met).toContain('Four times the source: 5.00× the time (budget: under 5×) — missed.');
    const fast = growthSection({ bytes: [1_250_000, 5_000_000], seconds: [2, 5], baseSeconds: 1, peakMB: 300 });
    expect(fast).toContain('4.00× the time (budget: under 5×) — met.');
  });
});
