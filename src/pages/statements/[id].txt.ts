/**
 * Each statement as plain text: title, speaker and date, then its blocks.
 */
import type { APIRoute } from 'astro';
import type { StatementView } from '../../lib/corpus.ts';
import { statementFile, statementFilePaths } from '../../lib/statement-files.ts';
import { blocksToPlainText } from '../../lib/statement-text.ts';

export const getStaticPaths = statementFilePaths;
export const GET: APIRoute<{ view: StatementView }> = ({ props, site }) =>
  statementFile(props.view, site, 'text/plain; charset=utf-8', (v, url) => {
    const inferred = v.data.date.status === 'inferred' ? ' (date inferred)' : '';
    return `${v.data.title}\n${v.speaker?.name ?? 'Speaker not recorded'}, ${v.dateLabel}${inferred}\n${url}\n\n${blocksToPlainText(v.blocks)}`;
  });
