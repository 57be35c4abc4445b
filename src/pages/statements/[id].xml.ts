import type { APIRoute } from 'astro';
import type { StatementView } from '../../lib/corpus.ts';
import { statementFile, statementFilePaths } from '../../lib/statement-files.ts';
import { teiDocument } from '../../lib/tei.ts';

export const getStaticPaths = statementFilePaths;
export const GET: APIRoute<{ view: StatementView }> = ({ props, site }) =>
  statementFile(props.view, site, 'application/tei+xml; charset=utf-8', (v, url) => teiDocument(v, v.blocks, url));
