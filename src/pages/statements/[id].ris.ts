import type { APIRoute } from 'astro';
import type { StatementView } from '../../lib/corpus.ts';
import { ris } from '../../lib/ris.ts';
import { statementFile, statementFilePaths } from '../../lib/statement-files.ts';

export const getStaticPaths = statementFilePaths;
export const GET: APIRoute<{ view: StatementView }> = ({ props, site }) =>
  statementFile(props.view, site, 'application/x-research-info-systems; charset=utf-8', (v, url) => ris(v, url));
