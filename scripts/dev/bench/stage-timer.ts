/**
 * Preloaded by the bench into scripts/build-site.ts (`node --import <this>
 * scripts/build-site.ts …`): runs every command that build-site starts with
 * `spawnSync` under GNU time, and appends one JSON line per command to the
 * file named by BENCH_STAGE_LOG: `{ argv, seconds, peakMB }`. The bench thus
 * times `astro build` exactly as `npm run build` runs it, with the flags
 * build-site gives it, whatever those are.
 *
 * Pagefind runs inside `astro build` (src/integrations/pagefind.ts), so no
 * command of its own is timed here: the integration sees BENCH_STAGE_LOG in its
 * environment and appends its own line to the same file, `{ stage: "pagefind",
 * seconds, peakMB }` (see stagesFromLog in measure.ts for how they combine).
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
