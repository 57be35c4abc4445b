/**
 * The per-statement JSON, made at build time: every statement's entry
 * (`StatementEntry`, statement-files.ts), packed into at most 1,024 bucket
 * files `/data/statements/<bucket>.json.gz`, where the bucket is the first 10 bits
 * of the SHA-256 of the statement's id as 3 hex digits (`2f1`). A statement
 * page's "Download this statement" fetches its bucket (one request) and builds
 * each format in the browser.
 *
 * Why buckets: a file per statement would add 10,000 files at 10,000
 * statements, past a static host's budget (see BENCHMARKS.md: about 17,400
 * files today, 20,000 allowed); buckets add at most 1,024 whatever the corpus,
 * about 10 statements each at 10,000. A statement's bucket depends only on its
 * id, and its entry only on the statement itself, its speaker and theme
 * labels and the edition (no neighbours, no corpus-wide counts), so editing
 * one statement rewrites one file.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import type { Edition } from '../edition/schemas.ts';
import { type Corpus, type StatementView, TYPE_LABELS } from '../site/corpus.ts';
import { contentPath } from '../site/paths.ts';
import { statementPath } from '../site/routes.ts';
import { LICENCE, absoluteUrl } from '../site/site.ts';
import { bibtex } from './bibtex.ts';
import { citeStatement } from './citations.ts';
import { cslJson } from './csl.ts';
import { ris } from './ris.ts';
import type { Bucket, StatementEntry } from './statement-files.ts';
import { bucketFromDigest } from './buckets.ts';
import type { TeiStatement } from './tei.ts';

export { BUCKET_BITS, bucketPath } from './buckets.ts';

/**
 * A statement's bucket: the first `BUCKET_BITS` bits of the SHA-256 of its id
 * (UTF-8), as 3 lower-case hex digits, `000` to `3ff` (see `bucketFromDigest`).
 * @example bucketOf('2012-11-28-wu-haitao-iom-council') // => three hex digits from '000' to '3ff'
 */
export function bucketOf(id: string): string {
  return bucketFromDigest(createHash('sha256').update(id, 'utf8').digest());
}

/** A file's bytes, only when it is a regular file (not a link, pipe or device): the downloads publish nothing else. */
export function readRegular(path: string): Buffer {
  if (!lstatSync(path).isFile())
    throw new Error(
      `${path}: is not a regular file; the downloads (sources.tar.gz, the per-statement JSON) publish only regular files inside content/`,
    );
  return readFileSync(path);
}

/**
 * A statement's raw source as text: its bytes decoded as UTF-8 with nothing
 * dropped (a byte-order mark stays), checked against the SHA-256 its metadata
 * records, so that the text written back as UTF-8 gives the same bytes.
 */
export function sourceText(s: Pick<StatementView, 'data'>): string {
  const bytes = readRegular(contentPath('sources', s.data.source.file));
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== s.data.source.sha256)
    throw new Error(`sources/${s.data.source.file}: its SHA-256 is ${digest}, the metadata of ${s.data.id} says ${s.data.source.sha256}`);
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}

/**
 * What every per-statement format is made from, from the corpus view: the
 * frontmatter, the speaker, the labels of its type and themes, its page, the
 * edition and its blocks. The corpus TEI (`teiCorpus`) is made from these too.
 * @example statementDocument(wu, corpus.edition, 'https://example.org/').url // => 'https://example.org/statements/2012-11-28-wu-haitao-iom-council/'
 */
export function statementDocument(s: StatementView, edition: Pick<Edition, 'version' | 'date'>, site: URL | string): TeiStatement {
  return {
    metadata: s.data,
    speaker: s.speaker,
    labels: { type: TYPE_LABELS[s.data.type], themes: Object.fromEntries(s.themes.map((t) => [t.theme.id, t.theme.label])) },
    url: absoluteUrl(statementPath(s.data.id), site),
    edition: { version: edition.version, date: edition.date },
    blocks: s.blocks,
  };
}

/**
 * A statement's entry in its bucket (and its JSON download): the keys in the
 * order a reader meets them, the raw source last.
 */
export function statementEntry(s: StatementView, edition: Edition, site: URL | string): StatementEntry {
  const doc = statementDocument(s, edition, site);
  return {
    id: s.data.id,
    url: doc.url,
    edition: doc.edition,
    licence: { spdx: LICENCE.spdx, title: LICENCE.title, url: LICENCE.url, note: LICENCE.note },
    metadata: s.data,
    speaker: s.speaker,
    labels: doc.labels,
    citations: {
      text: citeStatement({ data: s.data, speaker: s.speaker }, doc.url, edition.version),
      bibtex: bibtex(s, doc.url, edition),
      ris: ris(s, doc.url, edition),
      csl: cslJson(s, doc.url, edition),
    },
    blocks: s.blocks,
    source: { file: s.data.source.file, text: sourceText(s) },
  };
}

const groups = new WeakMap<Corpus, Map<string, StatementView[]>>();

/** The corpus's statements by bucket, buckets in order (computed once per corpus). */
export function buckets(corpus: Corpus): Map<string, StatementView[]> {
  let map = groups.get(corpus);
  if (!map) {
    map = new Map();
    for (const s of corpus.statements) {
      const b = bucketOf(s.data.id);
      const list = map.get(b);
      if (list) list.push(s);
      else map.set(b, [s]);
    }
    map = new Map([...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
    groups.set(corpus, map);
  }
  return map;
}

/**
 * A bucket file: statement id → entry, ids in code-point order, as compact
 * JSON with a final newline. Throws for a bucket that holds no statement.
 */
export function bucketJson(corpus: Corpus, bucket: string, site: URL | string): string {
  const members = buckets(corpus).get(bucket);
  if (!members) throw new Error(`no statement is in bucket ${bucket}`);
  const body: Bucket = {};
  for (const s of [...members].sort((a, b) => (a.data.id < b.data.id ? -1 : 1))) body[s.data.id] = statementEntry(s, corpus.edition, site);
  return `${JSON.stringify(body)}\n`;
}
