/**
 * A sharded build (README "Very large corpora"): the fixture's content built
 * as two shards, each its own build process with its own cache (as a CI
 * matrix runs them), merged by scripts/merge-shards.ts, is the whole build
 * (dist-fixture/) byte for byte: every page, the search index's parts, the
 * sitemap. The merge refuses shards that do not make one whole. (Slow: two builds.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_SITE, ROOT, tempFolders } from '../helpers/content.ts';

const folder = tempFolders('shards-', afterAll);
const work = folder();
const shard = (k: number) => join(work, `shard-${k}`);

function node(args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, output: r.stdout + r.stderr };
}
const merge = (out: string, ...dirs: string[]) => node(['scripts/merge-shards.ts', '--out', out, ...dirs]);

/** Every file under a folder, by path, as bytes. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)));
  }
  return out;
}

beforeAll(() => {
  for (const k of [1, 2]) {
    const r = node(['scripts/build-site.ts', '--shard', `${k}/2`, '--out', shard(k)], {
      SITE_URL: 'https://example.org',
      // As npm run build:fixture builds dist-fixture: a part of the search index a year.
      SEARCH_PART_STATEMENTS: '1',
      CONTENT_DIR: FIXTURE_SITE.content,
      ASTRO_CACHE_DIR: join(work, `cache-${k}`),
      ASTRO_TELEMETRY_DISABLED: '1',
    });
    expect(r.status, r.output).toBe(0);
  }
}, 240_000);

describe('a build in two shards', () => {
  it('splits the statements by parts of the search index, the first shard also holding every other page', () => {
    const one = JSON.parse(readFileSync(join(shard(1), '.shard.json'), 'utf8')) as { statements: string[]; parts: string[] };
    const two = JSON.parse(readFileSync(join(shard(2), '.shard.json'), 'utf8')) as { statements: string[]; parts: string[] };
    expect([one.parts, two.parts]).toEqual([
      ['2010', '2012'],
      ['2014', '2021', '2023'],
    ]);
    expect(one.statements.length + two.statements.length).toBe(5);
    // The lists are shard 1's: shard 2 has its statement pages, not the list of statements or a speaker's page.
    expect(existsSync(join(shard(2), 'statements', 'index.html'))).toBe(false);
    expect(existsSync(join(shard(2), 'speakers', 'chen-xu'))).toBe(false);
    expect(existsSync(join(shard(1), 'speakers', 'chen-xu', 'index.html'))).toBe(true);
  });

  it('merges into the whole build, byte for byte', () => {
    const out = join(work, 'merged');
    const r = merge(out, shard(2), shard(1));
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain('merge-shards: 2 shards, 5 statement pages and 5 parts of the search index');
    const merged = tree(out);
    const whole = tree(FIXTURE_SITE.dist);
    expect([...merged.keys()].sort()).toEqual([...whole.keys()].sort());
    for (const [path, bytes] of whole) expect(merged.get(path)?.equals(bytes), path).toBe(true);
  });

  it('refuses a shard missing or given twice, and a statement in two shards, and leaves --out as it was', () => {
    const out = join(work, 'refused');
    writeFileSync(join(work, 'keep'), 'x');
    expect(merge(out, shard(1)).output).toContain('every shard from 1/2 to 2/2 is needed, once');
    expect(merge(out, shard(1), shard(1)).output).toContain('every shard from 1/2 to 2/2 is needed, once');
    const twice = join(work, 'shard-2-twice');
    cpSync(shard(2), twice, { recursive: true });
    const marker = JSON.parse(readFileSync(join(twice, '.shard.json'), 'utf8')) as { statements: string[] };
    const taken = (JSON.parse(readFileSync(join(shard(1), '.shard.json'), 'utf8')) as { statements: string[] }).statements[0]!;
    cpSync(join(shard(1), 'statements', taken), join(twice, 'statements', taken), { recursive: true });
    writeFileSync(join(twice, '.shard.json'), JSON.stringify({ ...marker, statements: [...marker.statements, taken] }));
    const r = merge(out, shard(1), twice);
    expect(r.status).toBe(1);
    expect(r.output).toContain(`/statements/${taken}/ is in shard 1 and in shard 2`);
    expect(readdirSync(work)).not.toContain('refused');
    rmSync(twice, { recursive: true, force: true });
  });
});
