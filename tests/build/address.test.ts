/**
 * The site's address: the real one, or a clear stop. Over the fixture site
 * (dist-fixture/, built as for deployment with SITE_URL=https://example.org by
 * `npm run build:fixture`), the live site (dist/, a local preview built with
 * LOCAL_PREVIEW=1 by `npm test`), and build-site run without an address.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { siteAddress } from '../../src/site/address.ts';
import { ROOT } from '../helpers/content.ts';

/** Every file under a folder, as text (gzipped files unzipped). */
function* files(dir: string): Generator<[string, string]> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else {
      const bytes = readFileSync(p);
      yield [relative(dir, p), (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('latin1')];
    }
  }
}

describe('a deployment build (SITE_URL set)', () => {
  it('has no "localhost" in any file, compressed ones included', () => {
    const offending = [...files(join(ROOT, 'dist-fixture'))].filter(([, text]) => /localhost|127\.0\.0\.1/u.test(text)).map(([p]) => p);
    expect(offending).toEqual([]);
  });

  it('carries the address in citations, canonical links and data', () => {
    const $ = load(readFileSync(join(ROOT, 'dist-fixture/statements/2012-11-28-wu-haitao-iom-council/index.html'), 'utf8'));
    expect($('link[rel="canonical"]').attr('href')).toBe('https://example.org/statements/2012-11-28-wu-haitao-iom-council/');
    expect($('#cite-plain').text()).toContain('https://example.org/statements/2012-11-28-wu-haitao-iom-council/');
    expect($('.preview-note').length).toBe(0);
  });
});

describe('a local preview (LOCAL_PREVIEW=1)', () => {
  it('says on every page that its addresses are this machine’s', () => {
    const $ = load(readFileSync(join(ROOT, 'dist/index.html'), 'utf8'));
    expect($('.preview-note').text()).toContain('Local preview');
    expect($('.preview-note').text()).toContain('http://localhost:4321/');
  });
});

describe('a build without an address', () => {
  it('stops before building, naming SITE_URL and the way to a preview', () => {
    const env = { ...process.env };
    delete env['SITE_URL'];
    delete env['LOCAL_PREVIEW'];
    const r = spawnSync(process.execPath, ['scripts/build-site.ts', '--out', join(ROOT, 'node_modules/.never-built')], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('SITE_URL is not set');
    expect(r.stderr).toContain('npm start');
    expect(r.stderr).toContain('The build failed; .never-built/ is unchanged.');
  });

  it.each([
    [{ SITE_URL: 'http://localhost:4321' }, /SITE_URL is a local address \(localhost:4321\)/u],
    [{ SITE_URL: 'https://127.0.0.1/' }, /SITE_URL is a local address/u],
    [{ SITE_URL: 'not a url' }, /SITE_URL is not a URL: "not a url"/u],
    [{ SITE_URL: 'ftp://example.org/' }, /SITE_URL must be an http\(s\) address/u],
    [{}, /SITE_URL is not set/u],
  ])('refuses %o', (env, message) => {
    expect(() => siteAddress(env)).toThrow(message);
  });

  it('takes a public origin, ending it in a slash; a preview may be local', () => {
    expect(siteAddress({ SITE_URL: 'https://example.org' })).toEqual({ url: 'https://example.org/', preview: false });
    expect(() => siteAddress({ SITE_URL: 'https://example.org/statements' })).toThrow(/must be the site's origin, with no path/u);
    expect(siteAddress({ LOCAL_PREVIEW: '1' })).toEqual({ url: 'http://localhost:4321/', preview: true });
    expect(siteAddress({ LOCAL_PREVIEW: '1', SITE_URL: 'http://localhost:8080' })).toEqual({
      url: 'http://localhost:8080/',
      preview: true,
    });
  });
});
