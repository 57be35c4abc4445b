/**
 * Astro integration: the Pagefind search index, built with Pagefind's Node API
 * once Astro has written the site (`astro:build:done`), so that `astro build`
 * alone gives a site whose search works. The index goes to `<outDir>/pagefind/`,
 * byte for byte what `pagefind --site <outDir> --max-fragments 5000` writes.
 *
 * Every option the build needs is reachable through the Node API: the CLI's
 * `--max-fragments N` is `createIndex({ maxFragments: N })` (Pagefind 1.6's
 * service honours it; checked by building both ways and comparing the bytes).
 * The CLI's `--quiet` has no counterpart and needs none: the service prints
 * nothing. What the API does not do by itself is fail: an empty folder is
 * "indexed" without an error (0 pages) and errors come back as strings in the
 * responses. Here every error, and an index of no page, fails the build.
 *
 * Timing: the build's log says how long indexing took. When BENCH_STAGE_LOG
 * names a file (the bench sets it; see scripts/dev/bench/stage-timer.ts), one
 * JSON line `{ "stage": "pagefind", "seconds", "peakMB" }` is appended to it,
 * peakMB being the Pagefind process's peak resident memory.
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Pagefind writes one result fragment per page; above this many pages it packs
 * them into shared files. 5,000 keeps a 10,000-statement site under 20,000
 * deployed files (a static host's usual limit) while a result costs at most two
 * pages' fragments to download. Smaller corpora are unaffected.
 */
export const PAGEFIND_MAX_FRAGMENTS = 5000;

export interface PagefindIndexOptions {
  /** Pagefind's `maxFragments` (the CLI's `--max-fragments`). */
  maxFragments?: number;
}

export interface PagefindIndexResult {
  /** HTML files Pagefind read (pages without `data-pagefind-body` are read, then left out). */
  pages: number;
  /** Wall time from starting Pagefind to its index written and the process stopped. */
  seconds: number;
  /** Peak resident memory of Pagefind's process in MB, or null where it cannot be read (no /proc). */
  peakMB: number | null;
}

/** Throws when a Pagefind response carries errors. */
function check(step: string, site: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${step}: ${errors.join('; ')}`);
}

/**
 * The peak resident memory (VmHWM, what GNU time reports as %M) of the Pagefind
 * process this process started, in MB; null when there is no /proc to read.
 */
function pagefindPeakMB(): number | null {
  try {
    for (const pid of readdirSync('/proc').filter((n) => /^\d+$/u.test(n))) {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid || !comm.startsWith('pagefind')) continue;
      const hwm = /^VmHWM:\s+(\d+) kB$/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) return Math.round(Number(hwm[1]) / 1024);
    }
  } catch {
    // No /proc (not Linux), or the process went away while being read.
  }
  return null;
}

/**
 * Builds the Pagefind index of the HTML files under `site` into `site/pagefind/`.
 * Throws, with Pagefind's own message, on any error and when no page was found.
 */
export async function buildPagefindIndex(site: string, options: PagefindIndexOptions = {}): Promise<PagefindIndexResult> {
  const start = performance.now();
  const fail = (why: string) => new Error(`Pagefind could not index ${site}: ${why}`);
  // When Pagefind's process dies during a request, the API's promise never
  // settles and Node would exit as if all went well: fail instead.
  let stalled = (): void => {};
  const stall = new Promise<never>((_, reject) => {
    stalled = () => reject(fail('its process stopped without answering (killed, or out of memory?)'));
  });
  process.once('beforeExit', stalled);
  const answer = <T>(request: Promise<T>): Promise<T> => Promise.race([request, stall]);
  try {
    const created = await answer(
      pagefind.createIndex({ ...(options.maxFragments === undefined ? {} : { maxFragments: options.maxFragments }) }),
    );
    check('createIndex', site, created.errors);
    const index = created.index;
    if (!index) throw fail('createIndex returned no index');
    const added = await answer(index.addDirectory({ path: site }));
    check('addDirectory', site, added.errors);
    if (added.page_count === 0) throw fail('the folder holds no HTML page');
    const written = await answer(index.writeFiles({ outputPath: join(site, 'pagefind') }));
    check('writeFiles', site, written.errors);
    return { pages: added.page_count, seconds: Math.round(performance.now() - start) / 1000, peakMB: pagefindPeakMB() };
  } catch (e) {
    // The API also rejects with plain strings or its own errors (an unexpected reply, its process gone).
    throw e instanceof Error && e.message.startsWith('Pagefind could not index')
      ? e
      : new Error(`Pagefind could not index ${site}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  } finally {
    process.off('beforeExit', stalled);
    await pagefind.close();
  }
}

/** The integration: after `astro build`, the Pagefind index of the output folder (maxFragments: PAGEFIND_MAX_FRAGMENTS unless given). */
export default function pagefindIntegration(options: PagefindIndexOptions = {}): AstroIntegration {
  const maxFragments = options.maxFragments ?? PAGEFIND_MAX_FRAGMENTS;
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const result = await buildPagefindIndex(site, { maxFragments });
        logger.info(`Indexed ${result.pages} HTML files in ${result.seconds.toFixed(2)} s into ${join(site, 'pagefind')}`);
        const stageLog = process.env['BENCH_STAGE_LOG'];
        if (stageLog) {
          appendFileSync(stageLog, `${JSON.stringify({ stage: 'pagefind', seconds: result.seconds, peakMB: result.peakMB })}\n`);
        }
      },
    },
  };
}
