/**
 * A larger site for the browser tests: a deterministic synthetic corpus
 * (scripts/dev/synthetic/corpus.ts, as `npm run bench` makes it) normalized and built
 * into a temporary folder, the real pipeline end to end.
 *
 * Some statements get a planted sentence, so that a test knows exactly which
 * statements hold a phrase and which hold only its word stems.
 *
 * Plain Node imports this file too (type stripping): erasable TypeScript only,
 * and nothing from Vitest.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticCorpus } from '../../scripts/dev/synthetic/corpus.ts';
import { seedThemes, seedVocabulary, writeSyntheticContent } from '../../scripts/dev/synthetic/content.ts';
import { ROOT } from '../../scripts/dev/chromium.ts';

export interface SyntheticSiteOptions {
  /** Number of statements. */
  count: number;
  /** Approximate size of each source in bytes (6,000 as in the benchmarks). */
  bytes?: number;
  /** Distinct speakers. */
  speakers?: number;
  /** Sentences planted into statements: statement index (0-based) → sentence. */
  plant?: (index: number) => string | null;
  /** Where to build; a fresh temporary folder when absent. */
  dir?: string;
  /** More environment for the build (SEARCH_FIRST_STATEMENTS, …). */
  env?: Record<string, string>;
}

export interface SyntheticSite {
  /** The work folder (content and site); remove it with `removeSyntheticSite`. */
  dir: string;
  /** The built site. */
  site: string;
  /** Statement ids with a planted sentence, by sentence. */
  planted: Map<string, string[]>;
}

function run(args: string[], env: Record<string, string>): void {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-4000)}`);
}

/**
 * Generates, normalizes and builds a synthetic site (a few seconds per 100
 * statements). On failure, a temporary folder it made is removed.
 */
export function buildSyntheticSite(opts: SyntheticSiteOptions): SyntheticSite {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'search-scale-'));
  try {
    return build(dir, opts);
  } catch (e) {
    if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Where the seeds' vocabulary, themes and aliases come from: the frozen fixture
 * (tests/fixtures/content/), so that the synthetic site, and what the tests
 * expect of it, do not change when the live corpus grows.
 */
const SEEDS = join(ROOT, 'tests', 'fixtures');

function build(dir: string, opts: SyntheticSiteOptions): SyntheticSite {
  const content = join(dir, 'content');
  const files = syntheticCorpus(
    {
      count: opts.count,
      bytes: opts.bytes ?? 6000,
      speakers: opts.speakers ?? 12,
      years: [1994, 2023],
      seed: 20261122,
      artifacts: 0.2,
    },
    seedVocabulary(SEEDS),
    seedThemes(SEEDS),
  );
  const planted = new Map<string, string[]>();
  for (let i = 0; i < opts.count; i++) {
    const sentence = opts.plant?.(i);
    if (!sentence) continue;
    const id = `bench-${String(i + 1).padStart(6, '0')}`;
    const txt = `sources/${id}.txt`;
    // A paragraph of its own right after the salutation.
    const source = files.get(txt)!.replace('\nMr. President,\n\n', `\nMr. President,\n\n${sentence}\n\n`);
    files.set(txt, source);
    const sha = createHash('sha256').update(source).digest('hex');
    files.set(`sources/${id}.yaml`, files.get(`sources/${id}.yaml`)!.replace(/sha256: [0-9a-f]{64}/u, `sha256: ${sha}`));
    planted.set(sentence, [...(planted.get(sentence) ?? []), id]);
  }
  writeSyntheticContent(files, content, SEEDS);
  const env = {
    LOCAL_PREVIEW: '1',
    CONTENT_DIR: content,
    ASTRO_CACHE_DIR: join(dir, 'astro-cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
    ...opts.env,
  };
  run([join(ROOT, 'scripts/normalize.ts'), '--content', content], env);
  const site = join(dir, 'dist');
  run([join(ROOT, 'scripts/build-site.ts'), '--out', site], env);
  return { dir, site, planted };
}

export function removeSyntheticSite(site: SyntheticSite | undefined): void {
  if (site) rmSync(site.dir, { recursive: true, force: true });
}
