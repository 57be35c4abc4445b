/**
 * The `_headers` file the built site ships for static hosts (Netlify,
 * Cloudflare Pages): what a host sends with every page, and long cache
 * lifetimes only for files whose names carry their content's hash.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '../../dist');

/** `_headers` as rules: path pattern → header name (lower case) → value. */
function rules(text: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/u.test(line)) {
      current = new Map();
      out.set(line.trim(), current);
      continue;
    }
    const m = /^\s+([A-Za-z-]+):\s*(.+)$/u.exec(line);
    if (!m || !current) throw new Error(`_headers: cannot read "${line}"`);
    current.set(m[1]!.toLowerCase(), m[2]!.trim());
  }
  return out;
}

const headers = rules(readFileSync(join(DIST, '_headers'), 'utf8'));

describe('_headers', () => {
  it('forbids framing and sniffing, and sets a referrer policy, on every page', () => {
    const all = headers.get('/*')!;
    expect(all.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(all.get('x-frame-options')).toBe('DENY');
    expect(all.get('x-content-type-options')).toBe('nosniff');
    expect(all.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(all.has('cache-control')).toBe(false);
  });

  it('caches for a year only the files whose names carry a content hash', () => {
    const long = [...headers].filter(([, h]) => /max-age=31536000/u.test(h.get('cache-control') ?? ''));
    expect(long.map(([path]) => path)).toEqual(['/_astro/*']);
    const names = readdirSync(join(DIST, '_astro'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name, `${name} has no content hash`).toMatch(/\.[A-Za-z0-9_-]{8}\.(?:js|css)$/u);
  });

  it('leaves the page’s own policy (with its script and style hashes) in the page', () => {
    const home = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(home).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*default-src 'self'/u);
  });
});
