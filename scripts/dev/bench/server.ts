/**
 * The bench's static file server: serves a built site on a loopback port like
 * a static host (`/x/` serves x/index.html, a folder without its slash
 * redirects, anything missing is the site's 404.html) and logs every response
 * body it sends, so that the bench counts what a page downloaded, requests
 * from Pagefind's worker included. No compression, no caching headers.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { contentType } from '../serve.ts';

/** One response as served. */
export interface Served {
  path: string;
  status: number;
  body: Buffer;
}

export interface BenchServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The responses logged since the last call, and a fresh log. */
  take(): Served[];
  /** Resolves once no request has been open or new for `quietMs`. */
  idle(quietMs: number): Promise<void>;
  close(): Promise<void>;
}

const kind = (path: string): 'file' | 'dir' | undefined => {
  const s = statSync(path, { throwIfNoEntry: false });
  return s?.isFile() ? 'file' : s?.isDirectory() ? 'dir' : undefined;
};

/** What to answer for a URL path under `root`: status, headers and body. */
function answer(root: string, rawPath: string, search: string): { status: number; headers: Record<string, string>; body: Buffer } {
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    return { status: 400, headers: {}, body: Buffer.alloc(0) };
  }
  const target = resolve(root, `.${pathname}`);
  const inside = !pathname.includes('\0') && (target === root || target.startsWith(root + sep));
  const found = inside ? kind(target) : undefined;
  if (found === 'dir' && !pathname.endsWith('/'))
    return { status: 301, headers: { Location: `${rawPath}/${search}` }, body: Buffer.alloc(0) };
  const file = found === 'dir' ? join(target, 'index.html') : target;
  if (found && kind(file) === 'file') return { status: 200, headers: { 'Content-Type': contentType(file) }, body: readFileSync(file) };
  const page = join(root, '404.html');
  const body = kind(page) === 'file' ? readFileSync(page) : Buffer.from('404 Not Found\n');
  return { status: 404, headers: { 'Content-Type': contentType(kind(page) === 'file' ? page : 'x.txt') }, body };
}

/** Serves `dir` on 127.0.0.1, on a port the OS chooses, logging every response. */
export function serveLogged(dir: string): Promise<BenchServer> {
  const root = resolve(dir);
  let log: Served[] = [];
  let open = 0;
  let lastActivity = Date.now();
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    open += 1;
    lastActivity = Date.now();
    res.on('close', () => {
      open -= 1;
      lastActivity = Date.now();
    });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { status, headers, body } =
      req.method === 'GET' ? answer(root, url.pathname, url.search) : { status: 405, headers: {}, body: Buffer.alloc(0) };
    log.push({ path: url.pathname, status, body });
    res.writeHead(status, { ...headers, 'Content-Length': String(body.length) });
    res.end(body);
  };
  return new Promise((done, fail) => {
    const server = createServer(handle);
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({
        url: `http://127.0.0.1:${port}`,
        take: () => {
          const taken = log;
          log = [];
          return taken;
        },
        idle: async (quietMs) => {
          while (open > 0 || Date.now() - lastActivity < quietMs) await new Promise((r) => setTimeout(r, 50));
        },
        close: () =>
          new Promise<void>((closed, failed) => {
            server.close((err) => (err ? failed(err) : closed()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
