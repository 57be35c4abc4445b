/**
 * The large corpus-wide data files are served gzipped (`.gz`), as researchers'
 * tools read them directly (pandas, R's readr and jsonlite, `zcat`), so that a
 * 10,000-statement site stays within a static host's size limits: a file's
 * text once, compressed, instead of four or five times its size raw. The
 * browser's own pages that load one decompress it with DecompressionStream
 * (src/client/gunzip.ts).
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/**
 * gzip at level 6 (zlib's default: level 9 is three times slower for about 2%
 * less, and these files are written on every build); Node writes no time or
 * name into the header, so the bytes depend on the text alone. Asynchronous:
 * zlib compresses on libuv's thread pool, so that while one file is
 * compressed Astro renders other pages (`build.concurrency`, astro.config.mjs)
 * on the main thread.
 */
export async function gzipped(body: string | Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await gzipAsync(typeof body === 'string' ? Buffer.from(body, 'utf8') : body, { level: 6 }));
}

/** A static endpoint's response for a gzipped file. */
export async function gzipResponse(body: string | Uint8Array): Promise<Response> {
  return new Response(Buffer.from(await gzipped(body)), { headers: { 'Content-Type': 'application/gzip' } });
}
