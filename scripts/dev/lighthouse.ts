/**
 * `npm run lighthouse`: Lighthouse (mobile defaults) in Debian's Chromium on
 * the home page, a statement page and the search page with a query, served
 * from dist/ on loopback. Prints the four scores per page and writes them to
 * dist-reports/lighthouse.json. Fails when accessibility, best practices or
 * SEO is below 100; performance is reported, not enforced (shared machines are
 * too noisy for a timing to be a test).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer } from './serve.ts';

const PAGES = ['/', '/statements/2010-03-02-swing-cbmm-training-beijing/', '/search/?q=%22Global+Compact%22'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const ENFORCED = new Set(['accessibility', 'best-practices', 'seo']);

const server = await startServer(join(process.cwd(), 'dist'));
const chrome = await chromeLauncher.launch({
  chromePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const results: { page: string; scores: Record<string, number> }[] = [];
try {
  for (const path of PAGES) {
    const run = await lighthouse(server.url + path, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((run.lhr.categories[c]?.score ?? 0) * 100)]));
    results.push({ page: path, scores });
    const failing = Object.values(run.lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => `    ${a.id}: ${a.title}`);
    console.log(
      `${path}\n  ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(' · ')}${failing.length ? `\n  not passed:\n${failing.join('\n')}` : ''}`,
    );
  }
} finally {
  chrome.kill();
  await server.close();
}
mkdirSync('dist-reports', { recursive: true });
writeFileSync(join('dist-reports', 'lighthouse.json'), `${JSON.stringify(results, null, 2)}\n`);
const below = results.flatMap((r) =>
  CATEGORIES.filter((c) => ENFORCED.has(c) && r.scores[c]! < 100).map((c) => `${r.page} ${c} ${r.scores[c]}`),
);
if (below.length > 0) {
  console.error(`lighthouse: below 100: ${below.join('; ')}`);
  process.exitCode = 1;
}
