/**
 * The raw source texts, byte for byte as received, so readers can check the edition.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../lib/load.ts';

export const getStaticPaths = (async () => {
  const corpus = await getCorpus();
  return corpus.statements.map((s) => ({ params: { file: s.data.source.file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const bytes = readFileSync(join(process.cwd(), 'content/sources', String(params.file)));
  return new Response(bytes, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
