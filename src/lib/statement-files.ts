/**
 * The files served beside each statement page (`/statements/<id>.txt`, `.bib`,
 * …): one `getStaticPaths` for all of them, and a response helper.
 */
import type { StatementView } from './corpus.ts';
import { getCorpus } from './load.ts';
import { absoluteUrl, statementPath } from './site.ts';

/** getStaticPaths for a per-statement file: the view as a prop. */
export async function statementFilePaths() {
  const corpus = await getCorpus();
  return corpus.statements.map((view) => ({ params: { id: view.data.id }, props: { view } }));
}

/** A response for one statement's file, built by `render` from the view and the page's absolute URL. */
export function statementFile(
  view: StatementView,
  site: URL | undefined,
  contentType: string,
  render: (view: StatementView, url: string) => string,
): Response {
  const url = absoluteUrl(statementPath(view.data.id), site ?? 'http://localhost:4321');
  return new Response(render(view, url), { headers: { 'Content-Type': contentType } });
}
