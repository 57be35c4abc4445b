/**
 * The hostile-input corpus (tests/hostile/cases.ts), end to end: each case is
 * refused by the normalizer with a clear error and nothing written, or is
 * normalized, built into a real site and shown in Chromium as inert text.
 * Each case is added to a copy of the fixture's content (tests/fixtures/content/).
 * (Slow: it builds a site.)
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/dev/chromium.ts';
import { type StaticServer, startServer } from '../../scripts/dev/serve.ts';
import { copyContent, readStatements, removeDir, runBuild, runNormalizeLimited, sha256Of } from '../helpers/content.ts';
import { defaultMetaFields } from '../hostile/case.ts';
import { type FileKind, type HostileCase, HOSTILE_CASES } from '../hostile/cases.ts';
import { OUTSIDE_SECRET } from '../hostile/file-cases.ts';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** A refusal must come within seconds: an input that stalls the normalizer fails its case. */
const NORMALIZE_TIMEOUT_MS = 30_000;

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

/**
 * The file `{{outside}}` stands for in a link target: beside the content
 * folder `dir`, not in it, holding `OUTSIDE_SECRET` (as a YAML key, as in a
 * config file with a token).
 */
function outsideFile(dir: string): string {
  const path = `${dir}-outside/config.yaml`;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${OUTSIDE_SECRET}: 1\n`);
  if (!dirs.includes(dirname(path))) dirs.push(dirname(path));
  return path;
}

/** A link target with `{{outside}}` replaced for the content folder `dir`. */
const linkTarget = (dir: string, target: string): string =>
  target.includes('{{outside}}') ? target.replaceAll('{{outside}}', outsideFile(dir)) : target;

/** Makes `path` what `kind` says (replacing what is there), with `content` for a regular file. */
function place(dir: string, path: string, kind: FileKind, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  rmSync(path, { recursive: true, force: true });
  if (kind === 'file') writeFileSync(path, content);
  else if (kind === 'directory') mkdirSync(path, { recursive: true });
  else if (kind === 'fifo') execFileSync('mkfifo', [path]);
  else symlinkSync(linkTarget(dir, kind.symlinkTo), path);
}

/** Every link a case makes, as [link path relative to the content folder, target]. */
function caseLinks(c: HostileCase): [string, string][] {
  const name = baseName(c);
  const kinds: [string, FileKind | string | Uint8Array | undefined][] = [
    [`sources/${name}.txt`, c.sourceKind],
    [`sources/${name}.yaml`, c.metaKind],
    ...Object.entries(c.files ?? {}),
  ];
  return kinds.flatMap(([path, k]) => (k && typeof k === 'object' && 'symlinkTo' in k ? [[path, k.symlinkTo] as [string, string]] : []));
}

/**
 * The SHA-256 of each regular file a case's links point to (under 1 MB): a
 * message must never give it (the hash of a file nobody provided is a leak).
 */
function linkTargetHashes(dir: string, c: HostileCase): string[] {
  return caseLinks(c).flatMap(([path, target]) => {
    const resolved = resolve(dirname(join(dir, path)), linkTarget(dir, target));
    try {
      const st = statSync(resolved);
      return st.isFile() && st.size < 1_000_000 ? [sha256Of(readFileSync(resolved))] : [];
    } catch {
      return [];
    }
  });
}

/** Files a case puts into statements/ (which a refused run must leave as they are). */
const caseStatementFiles = (c: HostileCase): string[] =>
  Object.keys(c.files ?? {})
    .filter((p) => p.startsWith('statements/'))
    .map((p) => p.slice('statements/'.length));

/** A statement as an earlier run wrote it: a failed run must leave it. */
const SENTINEL = '---\nid: sentinel\ntitle: An earlier statement\n---\n\nOld output. {#p-1}\n';

/** Whether a `files` value is a kind of path ('fifo', 'directory', a link) rather than a regular file's content. */
const isKind = (what: string | Uint8Array | Exclude<FileKind, 'file'>): what is Exclude<FileKind, 'file'> =>
  what === 'fifo' || what === 'directory' || (typeof what === 'object' && !(what instanceof Uint8Array));

/** The base name of a case's source and metadata files. */
const baseName = (c: HostileCase): string => c.fileName ?? `hostile-${c.name}`;

/** Writes a hostile case as a sixth source with its metadata into a content folder. */
function addCase(dir: string, c: HostileCase): void {
  const name = baseName(c);
  place(dir, join(dir, 'sources', `${name}.txt`), c.sourceKind ?? 'file', c.source);
  for (const [path, what] of Object.entries(c.files ?? {})) {
    if (isKind(what)) place(dir, join(dir, path), what, '');
    else place(dir, join(dir, path), 'file', what);
  }
  if (c.metaRaw !== undefined) {
    const raw =
      typeof c.metaRaw === 'string'
        ? c.metaRaw.replaceAll('{{sha256}}', sha256Of(c.source)).replaceAll('{{file}}', `${name}.txt`)
        : c.metaRaw;
    place(dir, join(dir, 'sources', `${name}.yaml`), c.metaKind ?? 'file', raw);
    return;
  }
  const m = c.meta ?? {};
  const fields: Record<string, string> = {
    ...defaultMetaFields(c.name),
    ...Object.fromEntries(Object.entries(m).filter(([k]) => k !== 'url')),
    source: `{ file: ${name}.txt, sha256: ${sha256Of(c.source)}, url: ${m['url'] ?? 'null'} }`,
  };
  place(
    dir,
    join(dir, 'sources', `${name}.yaml`),
    c.metaKind ?? 'file',
    Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n') + '\n',
  );
}

/** A case's extra regular files outside statements/ (the normalizer's cache aside) as [path, content]: inputs no run may change. */
function inputFiles(dir: string, c: HostileCase): [string, string][] {
  return Object.entries(c.files ?? {})
    .filter(([p, what]) => !isKind(what) && p !== '.normalize-cache.json' && !p.startsWith('statements/'))
    .map(([p]) => [p, readFileSync(join(dir, p), 'utf8')]);
}

const errors = HOSTILE_CASES.filter((c) => c.outcome === 'error');
const inert = HOSTILE_CASES.filter((c) => c.outcome === 'inert');

describe('hostile input refused with a clear error, nothing written', () => {
  it.each(errors.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const dir = copyContent();
    dirs.push(dir);
    addCase(dir, c);
    mkdirSync(join(dir, 'statements'), { recursive: true });
    writeFileSync(join(dir, 'statements', 'sentinel.md'), SENTINEL);
    const r = runNormalizeLimited(dir, NORMALIZE_TIMEOUT_MS);
    expect(r.timedOut, `normalize still ran after ${NORMALIZE_TIMEOUT_MS / 1000} s`).toBe(false);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/nothing was written/u);
    const named = c.messageFile ?? `sources/${baseName(c)}.`;
    const line = r.stderr.split('\n').find((l) => l.includes(named));
    expect(line, r.stderr).toBeDefined();
    expect(line).toMatch(c.message!);
    expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/mu); // a message, never a stack trace
    if (c.secret) expect(`${r.stdout}\n${r.stderr}`).not.toContain(c.secret);
    for (const hash of linkTargetHashes(dir, c)) expect(`${r.stdout}\n${r.stderr}`).not.toContain(hash);
    expect([...readStatements(dir).keys()]).toEqual(['sentinel.md', ...caseStatementFiles(c)].sort());
    expect(readStatements(dir).get('sentinel.md')).toBe(SENTINEL);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.startsWith('.statements-'))).toEqual([]);
  });
});

describe('hostile input published as inert text', () => {
  let site: string;
  let server: StaticServer;
  let browser: Browser;
  /** The scripts of an ordinary statement page of the same build. */
  let siteScripts: string[] = [];

  beforeAll(async () => {
    const dir = copyContent();
    dirs.push(dir);
    for (const c of inert) addCase(dir, c);
    const before = new Map(inert.flatMap((c) => inputFiles(dir, c)));
    const n = runNormalizeLimited(dir, NORMALIZE_TIMEOUT_MS);
    expect(n.stderr).toBe('');
    // Nothing a case provided is changed, and no secret of a case reaches the output.
    expect(new Map([...before.keys()].map((p) => [p, readFileSync(join(dir, p), 'utf8')]))).toEqual(before);
    const written = [...readStatements(dir).values()].join('\n');
    for (const c of inert) if (c.secret) expect(`${n.stdout}\n${written}`).not.toContain(c.secret);
    site = join(dir, 'dist');
    const b = runBuild(dir, site);
    expect(b.status, b.output).toBe(0);
    [server, browser] = await Promise.all([startServer(site), launchChromium()]);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/statements/2023-chen-xu-iom-council/`);
    siteScripts = await page.evaluate(() => [...document.querySelectorAll('script')].map((e) => e.textContent ?? ''));
    await context.close();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(inert.map((c) => [c.name, c] as const))(
    '%s shows as text, runs nothing and adds no element',
    async (_name, c) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${server.url}/statements/hostile-${c.name}/`);
      await page.waitForLoadState('networkidle');
      const text = await page.locator('main').innerText();
      for (const v of c.visible ?? []) expect(text).toContain(v);
      expect(dialogs).toEqual([]);
      const injected = await page.evaluate(() => {
        const main = document.querySelector('main')!;
        const onAttrs = [...main.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on')));
        return {
          tags: [...main.querySelectorAll('iframe, img, object, embed, svg:not(.chart), b, [href^="javascript:"]')].map((e) =>
            e.outerHTML.slice(0, 80),
          ),
          onAttrs: onAttrs.map((e) => e.tagName),
          scripts: [...document.querySelectorAll('script')].map((e) => e.textContent ?? ''),
        };
      });
      expect({ tags: injected.tags, onAttrs: injected.onAttrs }).toEqual({ tags: [], onAttrs: [] });
      // The only scripts are the site's own, as on any statement page (JSON-LD, which is data, aside).
      const own = injected.scripts.filter((t) => !t.startsWith('{"@context"'));
      expect(
        own.every((t) => siteScripts.includes(t)),
        own.join('\n---\n'),
      ).toBe(true);
      await context.close();
    },
    30_000,
  );

  it('reports the count', () => {
    console.log(
      `Hostile inputs: ${HOSTILE_CASES.length} cases — ${errors.length} refused with a clear error, ${inert.length} published as inert text.`,
    );
    expect(errors.length + inert.length).toBe(HOSTILE_CASES.length);
  });
});
