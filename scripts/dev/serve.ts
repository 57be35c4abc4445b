/**
 * The one static file server for the built site (dist/): the browser tests,
 * screenshots and Lighthouse serve it with `startServer(dir)`, the bench with
 * `startServer(dir, { log: true })`, which also keeps every response body it
 * sends (so the bench counts what a page downloaded, requests from Pagefind's
 * worker included) and can wait for the network to go quiet. Loopback only, on
 * a free port chosen by the OS; no compression.
 *
 * It behaves like the static hosts the site is deployed to: a URL ending in
 * `/` serves that folder's index.html, a folder without the slash redirects
 * to it, and anything missing is a 404 with the site's own 404.html. Every
 * answer says `Cache-Control: no-store`.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export interface StaticServer {
  /** The server's origin, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

/** One response as served: the URL path as requested, the status, the body sent. */
export interface Served {
  path: string;
  status: number;
  body: Buffer;
}

/** A server started with `{ log: true }`. */
export interface LoggingServer extends StaticServer {
  /** The responses sent since the last call (oldest first), and a fresh log. */
  take(): Served[];
  /** Resolves once no request has been open or new for `quietMs`. */
  idle(quietMs: number): Promise<void>;
}

export interface ServeOptions {
  /** Keep every response (path, status, body) for `take()`. */
  log?: boolean;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
  // Served as files, as a static host serves them: no Content-Encoding, the client decompresses (src/client/gunzip.ts).
  '.gz': 'application/gzip',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

const kind = (path: string): 'file' | 'dir' | undefined => {
  const st = statSync(path, { throwIfNoEntry: false });
  return st?.isFile() ? 'file' : st?.isDirectory() ? 'dir' : undefined;
};

const EMPTY = Buffer.alloc(0);

/** An answer: status, headers and body (empty for HEAD). */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** What to answer for a request under `root`, as a static host would. */
function answer(root: string, method: string | undefined, url: URL): Answer {
  const head = method === 'HEAD';
  if (method !== 'GET' && !head) return { status: 405, headers: { Allow: 'GET, HEAD' }, body: EMPTY };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400, headers: {}, body: EMPTY };
  }
  // For HEAD, the length of the body GET would send, and no body.
  const file = (status: number, path: string): Answer => ({
    status,
    headers: { 'Content-Type': contentType(path), 'Content-Length': String(statSync(path).size) },
    body: head ? EMPTY : readFileSync(path),
  });
  // Never leave the served folder (`..`, encoded slashes, NUL bytes).
  const target = resolve(root, `.${pathname}`);
  const inside = !pathname.includes('\0') && (target === root || target.startsWith(root + sep));
  const found = inside ? kind(target) : undefined;
  if (found === 'dir' && !pathname.endsWith('/')) {
    return { status: 301, headers: { Location: `${url.pathname}/${url.search}` }, body: EMPTY };
  }
  const path = found === 'dir' ? join(target, 'index.html') : target;
  if (found && kind(path) === 'file') return file(200, path);
  const page = join(root, '404.html');
  if (kind(page) === 'file') return file(404, page);
  const text = Buffer.from('404 Not Found\n');
  return {
    status: 404,
    headers: { 'Content-Type': contentType('.txt'), 'Content-Length': String(text.length) },
    body: head ? EMPTY : text,
  };
}

/** Serves `dir` (normally dist/) on 127.0.0.1 until `close()` is called; with `{ log: true }`, logs every response. */
export function startServer(dir: string): Promise<StaticServer>;
export function startServer(dir: string, options: ServeOptions & { log: true }): Promise<LoggingServer>;
export function startServer(dir: string, options?: ServeOptions): Promise<StaticServer>;
export function startServer(dir: string, options: ServeOptions = {}): Promise<StaticServer | LoggingServer> {
  const root = resolve(dir);
  if (kind(root) !== 'dir') {
    return Promise.reject(new Error(`${root} is not a folder: build the site first (npx astro build)`));
  }
  let log: Served[] = [];
  let open = 0;
  let lastActivity = Date.now();

  function handle(req: IncomingMessage, res: ServerResponse): void {
    open += 1;
    lastActivity = Date.now();
    res.on('close', () => {
      open -= 1;
      lastActivity = Date.now();
    });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let a: Answer;
    try {
      a = answer(root, req.method, url);
    } catch {
      // The file went away or could not be read between the check and the read.
      a = { status: 500, headers: {}, body: EMPTY };
    }
    if (options.log) log.push({ path: url.pathname, status: a.status, body: a.body });
    res.writeHead(a.status, { 'Content-Length': String(a.body.length), ...a.headers, 'Cache-Control': 'no-store' });
    res.end(a.body);
  }

  return new Promise((resolvePromise, reject) => {
    const server = createServer(handle);
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const started: StaticServer = {
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            // Browsers keep connections alive; drop them so close() returns now.
            server.closeAllConnections();
          }),
      };
      if (!options.log) {
        resolvePromise(started);
        return;
      }
      const logging: LoggingServer = {
        ...started,
        take: () => {
          const taken = log;
          log = [];
          return taken;
        },
        idle: async (quietMs) => {
          while (open > 0 || Date.now() - lastActivity < quietMs) await new Promise((r) => setTimeout(r, 50));
        },
      };
      resolvePromise(logging);
    });
  });
}
