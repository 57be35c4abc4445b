/**
 * Astro integration: the Pagefind search index, built with Pagefind's Node API
 * once Astro has written the site (`astro:build:done`), so that `astro build`
 * alone gives a site whose search works.
 *
 * The index is built in parts, each a run of years (src/search/search-index.ts):
 * the build writes each part's records to `/search/records/<part>.json`
 * (src/pages/search/records/[part].json.ts), and this integration indexes
 * each into its own Pagefind index, `/pagefind/<part>/`, then removes the
 * records from the output. The search page merges the parts it needs at
 * search time (Pagefind's multisite `mergeIndex`; src/client/search/pagefind.ts).
 * `/pagefind/pagefind.js` is Pagefind's browser API; each part keeps its
 * WebAssembly, which the first part a search opens is loaded with. No part
 * keeps Pagefind's worker script: the search page runs Pagefind on the page
 * (`noWorker`, src/client/search/pagefind.ts).
 *
 * A part is indexed again only when its records changed: each indexed part is
 * kept in Astro's cache folder under the SHA-256 of its records (and
 * Pagefind's version), so a build after editing one statement re-indexes one
 * part, and `astro build --force` (build-site's `--clean`) re-indexes all.
 * Parts built elsewhere (a sharded build, README "Very large corpora") are
 * kept: a part whose folder is already in the output and has no records
 * beside it is left as it is.
 *
 * What the API does not do by itself is fail: errors come back as strings in
 * the responses. Here every error, and an index of no statement, fails the build.
 *
 * Timing: the build's log says how long indexing took and how many parts were
 * indexed or taken from the cache. When BENCH_STAGE_LOG names a file (the bench
 * sets it; see scripts/dev/bench/stage-timer.ts), one JSON line
 * `{ "stage": "pagefind", "seconds", "peakMB" }` is appended to it, peakMB
 * being the Pagefind process's peak resident memory (0 when no part was indexed).
 */
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { PART_NAME } from '../search/parts.ts';

/** Where the build writes each part's records, under the output folder. */
export const RECORDS_DIR = join('search', 'records');
/** What a part's folder keeps of what Pagefind writes: its index, and what its first search loads. */
const PART_FILES = /^(?:pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|wasm\.[\w-]+\.pagefind|index|fragment|filter)$/u;

/**
 * At most this many fragment files (what a result loads: one per statement)
 * in the whole index: above 5,000 statements Pagefind packs several
 * statements' fragments into one file (its `maxFragments`), so that a site of
 * 10,000 statements stays under 20,000 deployed files, a static host's usual
 * limit, while a result costs at most that many statements' fragments.
 */
export const FRAGMENT_FILES = 5000;

/**
 * How many statements share a fragment file, for a corpus of `total`: 1 up to
 * `FRAGMENT_FILES` statements, 2 up to twice that, and so on. The same in
 * every part, so a part's files depend on its own records and this number.
 * @example fragmentsPerFile(10000) // => 2
 */
export function fragmentsPerFile(total: number, budget = FRAGMENT_FILES): number {
  return Math.max(1, Math.ceil(total / budget));
}

export interface SearchIndexResult {
  /** Statements indexed, in every part. */
  pages: number;
  /** Parts in the output. */
  parts: number;
  /** Parts indexed by this build (the others came from the cache or another build). */
  indexed: number;
  /** Wall time of the whole step. */
  seconds: number;
  /** Peak resident memory of Pagefind's process in MB: 0 when no part was indexed, null when there is no /proc to read it. */
  peakMB: number | null;
}

/** Throws when a Pagefind response carries errors. */
function check(part: string, step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not index part ${part}: ${step}: ${errors.join('; ')}`);
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

/** This module's own source: part of a cached part's key, so that a change to how a part is made indexes everything again. */
function ownSource(): string {
  try {
    return readFileSync(fileURLToPath(import.meta.url), 'utf8');
  } catch {
    return '';
  }
}

/** Pagefind's version: part of a cached part's key, so that a new Pagefind indexes everything again. */
function pagefindVersion(): string {
  const pkg = join(fileURLToPath(import.meta.resolve('pagefind')), '..', '..', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** Statements in the whole index, from the list of its parts the build wrote (/search/index.json), or null without it. */
function corpusSize(site: string): number | null {
  const file = join(site, 'search', 'index.json');
  if (!existsSync(file)) return null;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { parts?: { statements?: unknown }[] };
  const counts = (manifest.parts ?? []).map((p) => p.statements);
  return counts.every((n): n is number => typeof n === 'number') ? counts.reduce((a, b) => a + b, 0) : null;
}

/** The records of one part (the bytes of `file`), checked for the shape Pagefind takes. */
function parseRecords(file: string, bytes: Buffer): pagefind.CustomRecord[] {
  const records: unknown = JSON.parse(bytes.toString('utf8'));
  const ok = (r: unknown): r is pagefind.CustomRecord =>
    typeof r === 'object' &&
    r !== null &&
    typeof (r as { url?: unknown }).url === 'string' &&
    typeof (r as { content?: unknown }).content === 'string';
  if (!Array.isArray(records) || records.length === 0 || !records.every(ok)) {
    throw new Error(`Pagefind could not index ${file}: not a non-empty list of records with a url and content`);
  }
  return records;
}

/**
 * Indexes one part's records with Pagefind into `out` (which must not exist),
 * keeping only what a part needs: written beside it, then renamed into place.
 */
async function indexPart(part: string, records: pagefind.CustomRecord[], out: string, perFile: number): Promise<void> {
  const created = await pagefind.createIndex(perFile > 1 ? { maxFragments: Math.ceil(records.length / perFile) } : {});
  check(part, 'createIndex', created.errors);
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not index part ${part}: createIndex returned no index`);
  for (const record of records) {
    const added = await index.addCustomRecord(record);
    check(part, `addCustomRecord ${record.url}`, added.errors);
  }
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: tmp });
  check(part, 'writeFiles', written.errors);
  await index.deleteIndex();
  // The WebAssembly of the records' language only (the entry names it); Pagefind also writes one for pages of no language.
  const entry = JSON.parse(readFileSync(join(tmp, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm?: string }> };
  const wasm = new Set(Object.values(entry.languages).map((l) => `wasm.${l.wasm ?? 'unknown'}.pagefind`));
  for (const name of readdirSync(tmp)) {
    const keep = name.startsWith('wasm.') ? wasm.has(name) : PART_FILES.test(name) || name === 'pagefind.js';
    if (!keep) rmSync(join(tmp, name), { recursive: true, force: true });
  }
  renameSync(tmp, out);
}

/**
 * Builds `<site>/pagefind/`: one index per part of `<site>/search/records/`,
 * taken from `cacheDir` when its records are unchanged (no cache when null;
 * `force` ignores it), and Pagefind's browser API beside them. Removes the
 * records. Throws, with Pagefind's own message, on any error and when there
 * is no statement to index.
 */
export async function buildSearchIndex(site: string, cacheDir: string | null, force = false): Promise<SearchIndexResult> {
  const start = performance.now();
  const recordsDir = join(site, RECORDS_DIR);
  const outDir = join(site, 'pagefind');
  const files = existsSync(recordsDir)
    ? readdirSync(recordsDir)
        .filter((n) => n.endsWith('.json'))
        .sort()
    : [];
  const partsCache = cacheDir ? join(cacheDir, 'pagefind-parts') : null;
  const version = pagefindVersion();
  const code = ownSource();
  const used = new Set<string>();
  let pages = 0;
  let indexed = 0;
  let peakMB: number | null;
  // When Pagefind's process dies during a request, the API's promise never
  // settles and Node would exit as if all went well: fail instead.
  const stalled = (): void => {
    throw new Error(`Pagefind could not index ${site}: its process stopped without answering (killed, or out of memory?)`);
  };
  process.once('beforeExit', stalled);
  try {
    mkdirSync(outDir, { recursive: true });
    const inputs = files.map((file) => {
      const part = file.slice(0, -'.json'.length);
      if (!PART_NAME.test(part))
        throw new Error(
          `Pagefind could not index ${join(recordsDir, file)}: "${part}" is not a part's name (a year, or two joined by "-")`,
        );
      const bytes = readFileSync(join(recordsDir, file));
      return { part, bytes, records: parseRecords(join(recordsDir, file), bytes) };
    });
    // Packing depends on the whole corpus: a shard's build (src/site/shards.ts) has only its own records, but the list of every part.
    const perFile = fragmentsPerFile(corpusSize(site) ?? inputs.reduce((n, p) => n + p.records.length, 0));
    for (const { part, bytes, records } of inputs) {
      pages += records.length;
      const key = createHash('sha256')
        .update(`pagefind ${version}, ${perFile} a fragment file\n`)
        .update(code)
        .update(bytes)
        .digest('hex')
        .slice(0, 20);
      const target = join(outDir, part);
      rmSync(target, { recursive: true, force: true });
      if (!partsCache) {
        await indexPart(part, records, target, perFile);
        indexed += 1;
        continue;
      }
      const cached = join(partsCache, `${part}-${key}`);
      used.add(`${part}-${key}`);
      if (force || !existsSync(cached)) {
        mkdirSync(partsCache, { recursive: true });
        rmSync(cached, { recursive: true, force: true });
        await indexPart(part, records, cached, perFile);
        indexed += 1;
      }
      cpSync(cached, target, { recursive: true });
    }
    // No part indexed: Pagefind's process did nothing to speak of.
    peakMB = indexed > 0 ? pagefindPeakMB() : 0;
  } catch (e) {
    throw e instanceof Error && e.message.startsWith('Pagefind could not index')
      ? e
      : new Error(`Pagefind could not index ${site}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  } finally {
    process.off('beforeExit', stalled);
    await pagefind.close();
  }
  rmSync(recordsDir, { recursive: true, force: true });
  // Parts built by this build or before it (another shard's build), each with its index.
  const parts = readdirSync(outDir).filter((n) => PART_NAME.test(n) && existsSync(join(outDir, n, 'pagefind-entry.json')));
  if (parts.length === 0) throw new Error(`Pagefind could not index ${site}: no statement to index (no ${RECORDS_DIR}/*.json)`);
  // The browser API, from a part (each has it), then only at the top.
  for (const part of parts) {
    const api = join(outDir, part, 'pagefind.js');
    if (existsSync(api)) {
      cpSync(api, join(outDir, 'pagefind.js'));
      rmSync(api);
    }
  }
  if (!existsSync(join(outDir, 'pagefind.js'))) throw new Error(`Pagefind could not index ${site}: no part left Pagefind's pagefind.js`);
  if (partsCache && existsSync(partsCache)) {
    for (const name of readdirSync(partsCache)) if (!used.has(name)) rmSync(join(partsCache, name), { recursive: true, force: true });
  }
  return { pages, parts: parts.length, indexed, seconds: Math.round(performance.now() - start) / 1000, peakMB };
}

/** The integration: after `astro build`, the search index of the output folder, in parts. */
export default function pagefindIntegration(): AstroIntegration {
  let cacheDir: string | null = null;
  return {
    name: 'pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const result = await buildSearchIndex(site, cacheDir, process.argv.includes('--force'));
        logger.info(
          `Indexed ${result.pages} statements in ${result.parts} parts (${result.indexed} indexed, ${result.parts - result.indexed} unchanged) ` +
            `in ${result.seconds.toFixed(2)} s into ${join(site, 'pagefind')}`,
        );
        const stageLog = process.env['BENCH_STAGE_LOG'];
        if (stageLog) {
          appendFileSync(stageLog, `${JSON.stringify({ stage: 'pagefind', seconds: result.seconds, peakMB: result.peakMB })}\n`);
        }
      },
    },
  };
}
