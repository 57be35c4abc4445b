/**
 * The TEI download as TEI's own tools read it: `statements.tei.xml.gz` of the
 * live site, decompressed as `gunzip` would, validated with jing (Debian's `jing`, which .ci/run installs)
 * against the TEI P5 `tei_all` schema kept in ../shared/reference/tei/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText } from '../helpers/data-files.ts';

const ROOT = join(import.meta.dirname, '../..');
const SCHEMA = join(ROOT, '../shared/reference/tei/tei_all.rng');
const hasJing = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;
// CI installs jing (.ci/run) and has the schema beside the clone: there the check must run, not skip.
if (process.env['CI'] && (!hasJing || !existsSync(SCHEMA))) throw new Error(`CI: jing and ${SCHEMA} must be present`);

describe('statements.tei.xml.gz', () => {
  it.skipIf(!hasJing || !existsSync(SCHEMA))(
    'is valid TEI P5 (tei_all) for jing',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'tei-'));
      const file = join(dir, 'statements.tei.xml');
      writeFileSync(file, readText(join(ROOT, 'dist/data/statements.tei.xml.gz')));
      const r = spawnSync('jing', [SCHEMA, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
      rmSync(dir, { recursive: true, force: true });
      // jing prints one line per error on standard output; its warnings about optional Java libraries go to standard error.
      expect(r.stdout.trim(), r.stdout.slice(0, 4000)).toBe('');
      expect(r.status).toBe(0);
    },
    120_000,
  );
});
