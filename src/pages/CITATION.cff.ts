/**
 * The repository's CITATION.cff, served from the site byte for byte (the About
 * page links it under "How to cite"), as plain UTF-8 text: a CFF file is YAML,
 * which browsers show rather than download only as text.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { APIRoute } from 'astro';

/** The file at the root of the repository (builds run there, as `content/` is found). */
const CITATION_FILE = resolve('CITATION.cff');

export const GET: APIRoute = () => new Response(readFileSync(CITATION_FILE), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
