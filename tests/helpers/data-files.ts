/**
 * Reading and rewriting the site's data files as text, the gzipped ones
 * (`.gz`, src/downloads/gzip.ts) decompressed as a user's tools would.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

/** A file's text, decompressed when its name ends in .gz. */
export function readText(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Writes a file's text, compressed when its name ends in .gz. */
export function writeText(file: string, text: string): void {
  writeFileSync(file, file.endsWith('.gz') ? gzipSync(Buffer.from(text, 'utf8')) : text);
}
