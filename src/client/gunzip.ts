/**
 * Fetches a gzipped data file (`/data/….json.gz`, src/downloads/gzip.ts) and
 * parses the JSON inside, decompressed by the browser (DecompressionStream).
 * A host that adds `Content-Encoding: gzip` would have the browser decompress
 * it already: the first two bytes tell which.
 */
export async function fetchGzippedJson<T>(href: string): Promise<T> {
  const r = await fetch(href);
  if (!r.ok) throw new Error(`${href}: ${r.status} ${r.statusText}`);
  return parseGzippedJson<T>(new Uint8Array(await r.arrayBuffer()));
}

/** The JSON in a data file's bytes, gzipped or (decompressed already by the browser) not. */
export async function parseGzippedJson<T>(bytes: Uint8Array<ArrayBuffer>): Promise<T> {
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzip
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
    : new TextDecoder().decode(bytes);
  return JSON.parse(text) as T;
}
