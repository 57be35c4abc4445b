/**
 * The TEI download as TEI's own tools read it: `statements.tei.xml` of the
 * live site validated with jing (Debian's `jing`, which .ci/run installs)
 * against the TEI P5 `tei_all` schema kept in ../shared/reference/tei/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SCHEMA = join(ROOT, '../shared/reference/tei/tei_all.rng');
const hasJing = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;
// CI installs jing (.ci/run) and has the schema beside the clone: there the check must run, not skip.
if (process.env['CI'] && (!hasJing || !existsSync(SCHEMA))) throw new Error(`CI: jing and ${SCHEMA} must be present`);

describe('statements.tei.xml', () => {
  it.skipIf(!hasJing || !existsSync(SCHEMA))(
    'is valid TEI P5 (tei_all) for jing',
    () => {
      const r = spawnSync('jing', [SCHEMA, join(ROOT, 'dist/data/statements.tei.xml')], { encoding: 'utf8', maxBuffer: 1 << 26 });
      // jing prints one line per error on standard output; its warnings about optional Java libraries go to standard error.
      expect(r.stdout.trim(), r.stdout.slice(0, 4000)).toBe('');
      expect(r.status).toBe(0);
    },
    120_000,
  );
});
