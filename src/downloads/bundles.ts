/**
 * The corpus-wide files: every statement's citation (BibTeX, RIS, CSL-JSON),
 * its TEI, and the raw sources, one file per format, each carrying the
 * edition. They serve readers without JavaScript and tools that want the whole
 * corpus; a statement page builds its own files in the browser from the
 * per-statement JSON (statement-entries.ts), which packs statements into at
 * most 1,024 files, so that a 10,000-statement site stays within a static
 * host's file limits (see BENCHMARKS.md).
 */
import { readdirSync } from 'node:fs';
import { bibtex } from './bibtex.ts';
import type { Corpus, StatementView } from '../site/corpus.ts';
import { cslJson } from './csl.ts';
import { contentPath } from '../site/paths.ts';
import { ris } from './ris.ts';
import { LICENCE, SITE_NAME, absoluteUrl } from '../site/site.ts';
import { statementPath } from '../site/routes.ts';
import { readRegular, statementDocument } from './statement-entries.ts';
import { gzipped } from './gzip.ts';
import { gzippedTar } from './tar.ts';
import { teiCorpus } from './tei.ts';

/** The corpus-wide downloads: path under the site, file name, and what it holds. */
export const BUNDLES = {
  bibtex: { href: '/data/statements.bib', name: 'statements.bib', type: 'application/x-bibtex; charset=utf-8' },
  ris: { href: '/data/statements.ris', name: 'statements.ris', type: 'application/x-research-info-systems; charset=utf-8' },
  csl: { href: '/data/statements.csl.json', name: 'statements.csl.json', type: 'application/vnd.citationstyles.csl+json' },
  tei: { href: '/data/statements.tei.xml.gz', name: 'statements.tei.xml.gz', type: 'application/gzip' },
  sources: { href: '/data/sources.tar.gz', name: 'sources.tar.gz', type: 'application/gzip' },
} as const;

export type BundleKey = keyof typeof BUNDLES;

function urlOf(site: URL | string): (s: StatementView) => string {
  return (s) => absoluteUrl(statementPath(s.data.id), site);
}

/** The body of a bundle, from the corpus; the citations and the TEI carry the current edition. */
export async function bundleBody(key: BundleKey, corpus: Corpus, site: URL | string): Promise<string | Uint8Array> {
  const url = urlOf(site);
  const all = corpus.statements;
  const edition = corpus.edition;
  switch (key) {
    case 'bibtex':
      // BibTeX and biber skip text outside entries: the licence heads the file as a comment.
      return `% ${SITE_NAME}. Data and apparatus: ${LICENCE.title} (${LICENCE.spdx}), ${LICENCE.url}\n\n${all
        .map((s) => bibtex(s, url(s), edition))
        .join('\n')}`;
    case 'ris':
      return all.map((s) => ris(s, url(s), edition)).join('');
    case 'csl':
      return `${JSON.stringify(
        all.map((s) => cslJson(s, url(s), edition)),
        null,
        2,
      )}\n`;
    case 'tei':
      // Gzipped, as every large corpus-wide file (gzip.ts).
      return gzipped(
        teiCorpus(
          all.map((s) => statementDocument(s, edition, site)),
          absoluteUrl('/', site),
          edition,
        ),
      );
    case 'sources': {
      // The normalizer reads only regular files inside content/ and refuses anything else by name;
      // the archive holds the same bytes, so it follows no link either (a build run without normalize).
      // Each source with its metadata file, byte for byte, under sources/. (Not the locks beside them: a lock's
      // name, <name>.lock.json, may be 5 bytes longer than a ustar name field holds; see tar.ts.)
      const names = new Set(all.flatMap((s) => [s.data.source.file, s.data.source.file.replace(/\.txt$/u, '.yaml')]));
      const present = readdirSync(contentPath('sources'))
        .filter((n) => names.has(n))
        .sort();
      return gzippedTar(present.map((n) => [`sources/${n}`, readRegular(contentPath('sources', n))]));
    }
  }
}

/** A static endpoint's response for a bundle. */
export async function bundleResponse(key: BundleKey, corpus: Corpus, site: URL | string): Promise<Response> {
  const body = await bundleBody(key, corpus, site);
  return new Response(typeof body === 'string' ? body : Buffer.from(body), { headers: { 'Content-Type': BUNDLES[key].type } });
}
