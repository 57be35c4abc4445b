/**
 * Reproducibility and safe output: two clean builds of the same sources give
 * byte-identical sites, and a failed build leaves the old output untouched.
 * (Slow: it builds the site twice.)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/content.ts';

const work = mkdtempSync(join(tmpdir(), 'builds-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(out: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, ['scripts/build-site.ts', '--clean', '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    // A deployment build: the address given, as `npm run build` needs it.
    env: { ...process.env, SITE_URL: 'https://example.org', ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** path → SHA-256 of every file under a folder. */
function digest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

describe('builds', () => {
  it('two clean builds are byte-identical', () => {
    const a = join(work, 'a');
    const b = join(work, 'b');
    expect(build(a).status).toBe(0);
    expect(build(b).status).toBe(0);
    const da = digest(a);
    const db = digest(b);
    expect(da.size).toBeGreaterThan(50);
    const differing = [...new Set([...da.keys(), ...db.keys()])].filter((k) => da.get(k) !== db.get(k));
    expect(differing).toEqual([]);
  }, 240_000);

  it('a failed build leaves the previous output as it was and nothing half-written beside it', () => {
    const out = join(work, 'site');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous build\n');
    const r = build(out, { SITE_URL: 'not a URL' });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/failed; site\/ is unchanged/u);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous build\n');
    expect(readdirSync(work).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 120_000);
});
