/**
 * A POSIX ustar archive, gzipped: how the raw sources are offered as one
 * download. Deterministic (every date is 0, owner root, mode 0644), so two
 * builds of the same sources give the same bytes.
 */
import { gzipped } from './gzip.ts';

const BLOCK = 512;

/** Writes `value` as a NUL-terminated octal field of `width` bytes. */
function octal(header: Uint8Array, offset: number, width: number, value: number): void {
  const text = value.toString(8).padStart(width - 1, '0');
  if (text.length > width - 1) throw new Error(`tar: ${value} does not fit in a ${width}-byte field`);
  header.set(new TextEncoder().encode(text), offset);
}

/** The 512-byte ustar header of a regular file. */
function header(name: string, size: number): Uint8Array {
  const bytes = new TextEncoder().encode(name);
  if (bytes.length > 100) throw new Error(`tar: the name "${name}" is longer than 100 bytes`);
  const h = new Uint8Array(BLOCK);
  h.set(bytes, 0);
  octal(h, 100, 8, 0o644); // mode
  octal(h, 108, 8, 0); // uid
  octal(h, 116, 8, 0); // gid
  octal(h, 124, 12, size);
  octal(h, 136, 12, 0); // mtime
  h.fill(0x20, 148, 156); // checksum is computed with its own field as spaces
  h[156] = 0x30; // '0': a regular file
  h.set(new TextEncoder().encode('ustar\u000000'), 257);
  const sum = h.reduce((s, b) => s + b, 0);
  h.set(new TextEncoder().encode(`${sum.toString(8).padStart(6, '0')}\u0000 `), 148);
  return h;
}

/**
 * A tar of the files, in the order given; throws on a name a ustar header cannot hold.
 * @example tarArchive([['sources/a.txt', new TextEncoder().encode('text')]]).length // => 2048
 */
export function tarArchive(files: [name: string, content: Uint8Array][]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const [name, content] of files) {
    parts.push(header(name, content.length), content);
    const pad = (BLOCK - (content.length % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * A gzipped tar of the files, in the order given (gzip.ts).
 * @example await gzippedTar([['sources/a.txt', new TextEncoder().encode('text')]]) // => Uint8Array starting 0x1f 0x8b
 */
export async function gzippedTar(files: [name: string, content: Uint8Array][]): Promise<Uint8Array> {
  return gzipped(tarArchive(files));
}
