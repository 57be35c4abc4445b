/**
 * Where the content is: `content/` unless CONTENT_DIR names another folder
 * (the hostile-input tests build a site from a copy).
 */
import { join, resolve } from 'node:path';

/** The content folder, absolute. */
export const CONTENT_DIR = resolve(process.env['CONTENT_DIR'] ?? 'content');

/** A path inside the content folder. */
export function contentPath(...parts: string[]): string {
  return join(CONTENT_DIR, ...parts);
}
