/**
 * A block's content hash: the first 12 hex digits of the SHA-256 of its text
 * as a reader sees it (UTF-8, NFC as the edition stores it, no id marker).
 * The lock records it, the data exports carry it, so a reader who cited a
 * paragraph can tell whether its text is still the same.
 */
import { createHash } from 'node:crypto';

/** How many hex digits of the SHA-256 a block hash keeps (48 bits). */
export const BLOCK_HASH_LENGTH = 12;

/**
 * The hash of a block's text.
 * @example blockHash('Thank you.') // => '8569efc4ed5a' (first 12 hex digits of its SHA-256)
 */
export function blockHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, BLOCK_HASH_LENGTH);
}
