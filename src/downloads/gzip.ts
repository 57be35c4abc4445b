/**
 * The large corpus-wide data files are served gzipped (`.gz`), as researchers'
 * tools read them directly (pandas, R's readr and jsonlite, `zcat`), so that a
 * 10,000-statement site stays within a static host's size limits: a file's
 * text once, compressed, instead of four or five times its size raw. The
 * browser's own pages that load one decompress it with DecompressionStream
 * (src/client/gunzip.ts).
 */
import { gzipSync } from 'node:zlib';

/**
 * gzip at level 6 (zlib's default: level 9 is three times slower for about 2%
 * less, and these files are written on every build); Node writes no time or
 * name into the header, so the bytes depend on the text alone.
 */
export function gzipped(body: string | Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(typeof body === 'string' ? Buffer.from(body, 'utf8') : body, { level: 6 }));
}

/** A static endpoint's response for a gzipped file. */
export function gzipResponse(body: string | Uint8Array): Response {
  return new Response(Buffer.from(gzipped(body)), { headers: { 'Content-Type': 'application/gzip' } });
}
