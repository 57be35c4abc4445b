/**
 * The names of the per-statement JSON's bucket files, without Node: the build
 * (statement-entries.ts, with node:crypto) and the browser (the source view,
 * with Web Crypto) name a statement's bucket with the same function.
 */

/** How many leading bits of the id's SHA-256 name its bucket: 2^10 = 1,024 buckets at most. */
export const BUCKET_BITS = 10;

/**
 * A bucket's name from the SHA-256 of a statement's id: its first
 * `BUCKET_BITS` bits as 3 lower-case hex digits, `000` to `3ff`.
 * @example bucketFromDigest(new Uint8Array([0xbc, 0x45])) // => '2f1'
 */
export function bucketFromDigest(digest: Uint8Array): string {
  const bits = (digest[0]! << 8) | digest[1]!;
  return (bits >> (16 - BUCKET_BITS)).toString(16).padStart(3, '0');
}

/**
 * The path of a bucket file on the site.
 * @example bucketPath('2f1') // => '/data/statements/2f1.json.gz'
 */
export function bucketPath(bucket: string): string {
  return `/data/statements/${bucket}.json.gz`;
}
