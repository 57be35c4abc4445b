import type { APIRoute } from 'astro';
import type { StatementView } from '../../lib/corpus.ts';
import { cslJson } from '../../lib/csl.ts';
import { statementFile, statementFilePaths } from '../../lib/statement-files.ts';

export const getStaticPaths = statementFilePaths;
export const GET: APIRoute<{ view: StatementView }> = ({ props, site }) =>
  statementFile(props.view, site, 'application/vnd.citationstyles.csl+json', (v, url) => `${JSON.stringify([cslJson(v, url)], null, 2)}\n`);
