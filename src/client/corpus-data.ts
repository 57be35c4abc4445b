/**
 * Loads the compact corpus (`/data/concordance.json.gz`) once, on demand.
 */
import type { CorpusParagraph, CorpusStatement } from '../analysis/analysis.ts';
import { fetchGzippedJson } from './gunzip.ts';

let loading: Promise<{ statements: CorpusStatement[]; paragraphs: CorpusParagraph[] }> | undefined;

export function loadCorpusData(): Promise<{ statements: CorpusStatement[]; paragraphs: CorpusParagraph[] }> {
  loading ??= fetchGzippedJson<{ statements: CorpusStatement[]; paragraphs: [number, number, string, string][] }>(
    '/data/concordance.json.gz',
  ).then((d) => ({ statements: d.statements, paragraphs: d.paragraphs.map(([s, n, id, text]) => ({ s, n, id, text })) }));
  return loading;
}
