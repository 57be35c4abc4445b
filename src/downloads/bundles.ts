/**
 * The corpus-wide files that stand in for per-statement ones: every
 * statement's citation (BibTeX, RIS, CSL-JSON), its TEI, and the raw sources.
 * One file per format, not per statement, so that a 10,000-statement site stays
 * within a static host's file limits (see BENCHMARKS.md).
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { bibtex } from './citations.ts';
import type { Corpus, StatementView } from '../site/corpus.ts';
import { cslJson } from './csl.ts';
import { contentPath } from '../site/paths.ts';
import { ris } from './ris.ts';
import { LICENCE, SITE_NAME, absoluteUrl } from '../site/site.ts';
import { statementPath } from '../site/routes.ts';
import { gzippedTar } from './tar.ts';
import { teiCorpus } from './tei.ts';

/** The corpus-wide downloads: path under the site, file name, and what it holds. */
/** A file's bytes, only when it is a regular file (not a link, pipe or device): the archive publishes nothing else. */
function readRegular(path: string): Buffer {
  if (!lstatSync(path).isFile())
    throw new Error(`${path}: is not a regular file; the source archive publishes only regular files inside content/`);
  return readFileSync(path);
}

export const BUNDLES = {
  bibtex: { href: '/data/statements.bib', name: 'statements.bib', type: 'application/x-bibtex; charset=utf-8' },
  ris: { href: '/data/statements.ris', name: 'statements.ris', type: 'application/x-research-info-systems; charset=utf-8' },
  csl: { href: '/data/statements.csl.json', name: 'statements.csl.json', type: 'application/vnd.citationstyles.csl+json' },
  tei: { href: '/data/statements.tei.xml', name: 'statements.tei.xml', type: 'application/tei+xml; charset=utf-8' },
  sources: { href: '/data/sources.tar.gz', name: 'sources.tar.gz', type: 'application/gzip' },
} as const;

export type BundleKey = keyof typeof BUNDLES;

function urlOf(site: URL | string | undefined): (s: StatementView) => string {
  return (s) => absoluteUrl(statementPath(s.data.id), site ?? 'http://localhost:4321');
}

/** The body of a bundle, from the corpus. */
export function bundleBody(key: BundleKey, corpus: Corpus, site: URL | string | undefined): string | Uint8Array {
  const url = urlOf(site);
  const all = corpus.statements;
  switch (key) {
    case 'bibtex':
      // BibTeX and biber skip text outside entries: the licence heads the file as a comment.
      return `% ${SITE_NAME}. Data and apparatus: ${LICENCE.title} (${LICENCE.spdx}), ${LICENCE.url}\n\n${all
        .map((s) => bibtex({ data: s.data, speaker: s.speaker }, url(s)))
        .join('\n')}`;
    case 'ris':
      return all.map((s) => ris(s, url(s))).join('');
    case 'csl':
      return `${JSON.stringify(
        all.map((s) => cslJson(s, url(s))),
        null,
        2,
      )}\n`;
    case 'tei':
      return teiCorpus(
        all.map((view) => ({ view, blocks: view.blocks })),
        url,
        absoluteUrl('/', site ?? 'http://localhost:4321'),
      );
    case 'sources': {
      // The normalizer reads only regular files inside content/ and refuses anything else by name;
      // the archive holds the same bytes, so it follows no link either (a build run without normalize).
      // Each source with its metadata file, byte for byte, under sources/.
      const names = new Set(all.flatMap((s) => [s.data.source.file, s.data.source.file.replace(/\.txt$/u, '.yaml')]));
      const present = readdirSync(contentPath('sources'))
        .filter((n) => names.has(n))
        .sort();
      return gzippedTar(present.map((n) => [`sources/${n}`, readRegular(contentPath('sources', n))]));
    }
  }
}

/** A static endpoint's response for a bundle. */
export function bundleResponse(key: BundleKey, corpus: Corpus, site: URL | undefined): Response {
  const body = bundleBody(key, corpus, site);
  return new Response(typeof body === 'string' ? body : Buffer.from(body), { headers: { 'Content-Type': BUNDLES[key].type } });
}
