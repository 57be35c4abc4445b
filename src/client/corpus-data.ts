/**
 * Loads the compact corpus (`/data/concordance.json`) once, on demand.
 */
import type { CorpusParagraph, CorpusStatement } from '../analysis/analysis.ts';

let loading: Promise<{ statements: CorpusStatement[]; paragraphs: CorpusParagraph[] }> | undefined;

export function loadCorpusData(): Promise<{ statements: CorpusStatement[]; paragraphs: CorpusParagraph[] }> {
  loading ??= fetch('/data/concordance.json')
    .then((r) => {
      if (!r.ok) throw new Error(`concordance.json: ${r.status}`);
      return r.json() as Promise<{ statements: CorpusStatement[]; paragraphs: [number, number, string, string][] }>;
    })
    .then((d) => ({ statements: d.statements, paragraphs: d.paragraphs.map(([s, n, id, text]) => ({ s, n, id, text })) }));
  return loading;
}
