import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchServer, serveLogged } from '../../scripts/dev/bench/server.ts';

let dir: string;
let server: BenchServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bench-server-'));
  mkdirSync(join(dir, 'search'));
  writeFileSync(join(dir, 'search', 'index.html'), '<p>search</p>');
  writeFileSync(join(dir, '404.html'), '<p>missing</p>');
  writeFileSync(join(dir, 'wasm.en.pagefind'), Buffer.from([0x1f, 0x8b, 1, 2]));
  writeFileSync(join(dir, 'x.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  server = await serveLogged(dir);
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serveLogged', () => {
  it('serves a folder index, redirects a folder without its slash, and answers 404 with the site page', async () => {
    const page = await fetch(`${server.url}/search/?q=a`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/u);
    expect(await page.text()).toBe('<p>search</p>');
    const redirect = await fetch(`${server.url}/search?q=a`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/search/?q=a');
    const missing = await fetch(`${server.url}/nope/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<p>missing</p>');
  });

  it('gives WebAssembly its type, and logs every body it sent, once', async () => {
    server.take();
    const wasm = await fetch(`${server.url}/x.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    await wasm.arrayBuffer();
    await (await fetch(`${server.url}/wasm.en.pagefind`)).arrayBuffer();
    await server.idle(50);
    const log = server.take();
    expect(log.map((r) => [r.path, r.status, r.body.length])).toEqual([
      ['/x.wasm', 200, 4],
      ['/wasm.en.pagefind', 200, 4],
    ]);
    expect(server.take()).toEqual([]);
  });

  it('never serves a file outside its folder', async () => {
    // A raw request line: fetch() would resolve the dots before sending.
    const status = await new Promise<number | undefined>((done, fail) => {
      request(`${server.url}/`, { path: '/../../etc/passwd' }, (res) => {
        res.resume();
        done(res.statusCode);
      })
        .on('error', fail)
        .end();
    });
    expect(status).toBe(404);
  });
});
