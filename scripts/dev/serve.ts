/**
 * A tiny static file server for the built site (dist/), for the browser tests
 * and the screenshot script. Loopback only, on a free port chosen by the OS.
 *
 * It behaves like the static hosts the site is deployed to: a URL ending in
 * `/` serves that folder's index.html, a folder without the slash redirects
 * to it, and anything missing is a 404 with the site's own 404.html.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export interface StaticServer {
  /** The server's origin, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  close(): Promise<void>;
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
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
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

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Serves `dir` (normally dist/) on 127.0.0.1 until `close()` is called. */
export function startServer(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  if (!isDirectory(root)) {
    return Promise.reject(new Error(`${root} is not a folder: build the site first (npx astro build)`));
  }

  function notFound(res: ServerResponse, head: boolean): void {
    const page = join(root, '404.html');
    const html = isFile(page);
    const body = html ? readFileSync(page) : Buffer.from('404 Not Found\n');
    res.writeHead(404, {
      'Content-Type': html ? CONTENT_TYPES['.html']! : CONTENT_TYPES['.txt']!,
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(head ? undefined : body);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    // Never leave the served folder (`..`, encoded slashes, NUL bytes).
    const target = resolve(root, `.${pathname}`);
    if (pathname.includes('\0') || (target !== root && !target.startsWith(root + sep))) {
      notFound(res, head);
      return;
    }

    let file = target;
    if (isDirectory(file)) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}`, 'Cache-Control': 'no-store' });
        res.end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!isFile(file)) {
      notFound(res, head);
      return;
    }

    res.writeHead(200, {
      'Content-Type': contentType(file),
      'Content-Length': statSync(file).size,
      'Cache-Control': 'no-store',
    });
    if (head) {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  return new Promise((resolvePromise, reject) => {
    const server = createServer(handle);
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            // Browsers keep connections alive; drop them so close() returns now.
            server.closeAllConnections();
          }),
      });
    });
  });
}
