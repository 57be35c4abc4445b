/**
 * The normalized Markdown of each statement, served as a file beside its page.
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../lib/load.ts';
import { contentPath } from '../../lib/paths.ts';

export const getStaticPaths = (async () => {
  const corpus = await getCorpus();
  return corpus.statements.map((s) => ({ params: { id: s.data.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const text = readFileSync(contentPath('statements', `${params.id}.md`));
  return new Response(text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
