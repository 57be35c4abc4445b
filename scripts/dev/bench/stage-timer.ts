/**
 * Preloaded by the bench into scripts/build-site.ts (`node --import <this>
 * scripts/build-site.ts …`): runs every command that build-site starts with
 * `spawnSync` under GNU time, and appends one JSON line per command to the
 * file named by BENCH_STAGE_LOG: `{ argv, seconds, peakMB }`. The bench thus
 * times Astro and Pagefind exactly as `npm run build` runs them, with the
 * flags build-site gives them, whatever those are.
 *
 * Changes nothing else: the command, its options and its exit status are as
 * build-site asked (GNU time writes to its own file, not to stderr).
 */
import childProcess, { type SpawnSyncOptions, type SpawnSyncReturns } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const log = process.env['BENCH_STAGE_LOG'];
if (!log) throw new Error('bench-stage-timer: BENCH_STAGE_LOG is not set');
const timeFile = `${log}.time`;
const original = childProcess.spawnSync;

function timed(command: string, args: readonly string[] = [], options: SpawnSyncOptions = {}): SpawnSyncReturns<string | Buffer> {
  const r = original('/usr/bin/time', ['-o', timeFile, '-f', '%e %M', command, ...args], options);
  const m = /^([\d.]+) (\d+)$/mu.exec(readFileSync(timeFile, 'utf8'));
  rmSync(timeFile, { force: true });
  if (m)
    appendFileSync(
      log!,
      `${JSON.stringify({ argv: [command, ...args], seconds: Number(m[1]), peakMB: Math.round(Number(m[2]) / 1024) })}\n`,
    );
  return r;
}

childProcess.spawnSync = timed as typeof childProcess.spawnSync;
// Makes `import { spawnSync } from 'node:child_process'` in build-site.ts see the timed one.
syncBuiltinESMExports();
