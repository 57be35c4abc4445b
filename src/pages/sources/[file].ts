/**
 * The raw source texts, byte for byte as received, so readers can check the edition.
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../lib/load.ts';
import { contentPath } from '../../lib/paths.ts';

export const getStaticPaths = (async () => {
  const corpus = await getCorpus();
  return corpus.statements.map((s) => ({ params: { file: s.data.source.file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const bytes = readFileSync(contentPath('sources', String(params.file)));
  return new Response(bytes, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
