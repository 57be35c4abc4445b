import type { APIRoute } from 'astro';
import { bibtex } from '../../lib/citations.ts';
import type { StatementView } from '../../lib/corpus.ts';
import { statementFile, statementFilePaths } from '../../lib/statement-files.ts';

export const getStaticPaths = statementFilePaths;
export const GET: APIRoute<{ view: StatementView }> = ({ props, site }) =>
  statementFile(props.view, site, 'application/x-bibtex; charset=utf-8', (v, url) => bibtex({ data: v.data, speaker: v.speaker }, url));
