import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggingServer, type StaticServer, startServer } from '../../scripts/dev/serve.ts';

let dir: string;
let plain: StaticServer;
let logged: LoggingServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-'));
  mkdirSync(join(dir, 'search'));
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'search', 'index.html'), '<p>search</p>');
  writeFileSync(join(dir, '404.html'), '<p>missing</p>');
  writeFileSync(join(dir, 'wasm.en.pagefind'), Buffer.from([0x1f, 0x8b, 1, 2]));
  writeFileSync(join(dir, 'x.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  [plain, logged] = await Promise.all([startServer(dir), startServer(dir, { log: true })]);
});

afterAll(async () => {
  await Promise.all([plain.close(), logged.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request: fetch() would resolve dots and refuse some methods before sending. */
function raw(server: StaticServer, path: string, method = 'GET'): Promise<{ status: number | undefined; body: string }> {
  return new Promise((done, fail) => {
    request(`${server.url}/`, { path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode, body }));
    })
      .on('error', fail)
      .end();
  });
}

describe.each([
  ['startServer(dir)', () => plain],
  ['startServer(dir, { log: true })', () => logged],
])('%s, like a static host', (_name, server) => {
  it('serves a folder index, redirects a folder without its slash, and answers 404 with the site page', async () => {
    const page = await fetch(`${server().url}/search/?q=a`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/u);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toBe('<p>search</p>');
    const redirect = await fetch(`${server().url}/search?q=a`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/search/?q=a');
    for (const path of ['/nope/', '/empty/', '/search/index.html/x']) {
      const missing = await fetch(server().url + path);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe('<p>missing</p>');
    }
  });

  it('gives WebAssembly its type, answers HEAD without a body, and refuses other methods', async () => {
    const wasm = await fetch(`${server().url}/x.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d]));
    const head = await fetch(`${server().url}/search/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('<p>search</p>'.length));
    expect(await head.text()).toBe('');
    const post = await fetch(`${server().url}/search/`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('never serves a file outside its folder, and refuses a path that is not valid percent-encoding', async () => {
    writeFileSync(join(dir, '..', 'serve-outside.txt'), 'secret');
    try {
      for (const path of ['/../serve-outside.txt', '/%2e%2e/serve-outside.txt', '/..%2fserve-outside.txt', '/x%00.html']) {
        const r = await raw(server(), path);
        expect(r.status).toBe(404);
        expect(r.body).not.toContain('secret');
      }
    } finally {
      rmSync(join(dir, '..', 'serve-outside.txt'), { force: true });
    }
    expect((await raw(server(), '/%E0%A4%A')).status).toBe(400);
  });
});

describe('startServer(dir, { log: true })', () => {
  it('logs every response it sent, once, with its status and body', async () => {
    logged.take();
    await (await fetch(`${logged.url}/x.wasm`)).arrayBuffer();
    await (await fetch(`${logged.url}/wasm.en.pagefind`)).arrayBuffer();
    await (await fetch(`${logged.url}/search`, { redirect: 'manual' })).arrayBuffer();
    await (await fetch(`${logged.url}/nope/`)).arrayBuffer();
    await logged.idle(50);
    const log = logged.take();
    expect(log.map((r) => [r.path, r.status, r.body.length])).toEqual([
      ['/x.wasm', 200, 4],
      ['/wasm.en.pagefind', 200, 4],
      ['/search', 301, 0],
      ['/nope/', 404, '<p>missing</p>'.length],
    ]);
    expect(log[1]!.body).toEqual(Buffer.from([0x1f, 0x8b, 1, 2]));
    expect(logged.take()).toEqual([]);
  });

  it('waits for the network to be quiet: no request open or new for the time asked', async () => {
    logged.take();
    expect(await (await fetch(`${logged.url}/search/`)).text()).toBe('<p>search</p>');
    const answered = Date.now();
    await logged.idle(200);
    // The server saw the response end a moment before the client read it.
    expect(Date.now() - answered).toBeGreaterThanOrEqual(150);
    expect(logged.take().map((r) => r.path)).toEqual(['/search/']);
  });
});

describe('startServer(dir) without logging', () => {
  it('keeps no log, and refuses a folder that does not exist', async () => {
    expect('take' in plain).toBe(false);
    await expect(startServer(join(dir, 'no-such-folder'))).rejects.toThrow(/is not a folder: build the site first/u);
  });
});
