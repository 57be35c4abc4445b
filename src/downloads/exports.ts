/**
 * The open-data downloads, pure: the whole corpus as JSON, paragraphs and
 * statements as CSV, and a Frictionless data package describing them. Each
 * carries the current edition (corpus.json's `edition`, the data package's
 * `version`), and every paragraph its id for life, its ¶ number in this
 * edition and its content hash, so a reader can tell whether the text they
 * cited is still the same.
 */
import type { CorpusExport, Edition } from '../edition/schemas.ts';
import { csvText } from '../analysis/analysis.ts';
import type { Corpus, StatementView } from '../site/corpus.ts';
import { LICENCE, SITE_DESCRIPTION, SITE_NAME } from '../site/site.ts';
import { statementPath } from '../site/routes.ts';

/**
 * The whole corpus: the edition, then metadata, edition reports and
 * paragraphs (id, ¶ number, content hash, kind, item number, text) of every statement.
 * @example corpusJson(corpus, 'https://example.org/').edition // => { version: '1.0', date: '2026-12-01' }
 */
export function corpusJson(corpus: Corpus, site: string): CorpusExport {
  return {
    name: `${SITE_NAME}: corpus`,
    url: site,
    edition: { version: corpus.edition.version, date: corpus.edition.date },
    license: { spdx: LICENCE.spdx, url: LICENCE.url, note: LICENCE.note },
    statements: corpus.statements.map((s) => ({
      ...s.data,
      url: new URL(statementPath(s.data.id), site).href,
      paragraphs: s.blocks.map((b) => ({ id: b.id, n: b.n, hash: b.hash, kind: b.kind, number: b.number, text: b.text })),
    })),
    speakers: corpus.speakers.map((s) => s.speaker),
    themes: corpus.themes.map((t) => t.theme),
  };
}

/** Statement columns repeated on every paragraph row, with how to read them. */
const STATEMENT_COLUMNS: { name: string; description: string; type: 'string' | 'integer'; value: (s: StatementView) => string }[] = [
  { name: 'statement_id', description: 'Statement id (its URL slug).', type: 'string', value: (s) => s.data.id },
  { name: 'title', description: 'Title.', type: 'string', value: (s) => s.data.title },
  { name: 'type', description: 'statement, remarks, speech or press-release.', type: 'string', value: (s) => s.data.type },
  { name: 'speaker_id', description: 'Speaker id; empty when unknown.', type: 'string', value: (s) => s.speaker?.id ?? '' },
  { name: 'speaker', description: 'Speaker name; empty when unknown.', type: 'string', value: (s) => s.speaker?.name ?? '' },
  { name: 'speaker_status', description: 'stated, inferred or unknown.', type: 'string', value: (s) => s.data.speaker.status },
  { name: 'role', description: 'Role at the time; empty when not recorded.', type: 'string', value: (s) => s.data.role.value ?? '' },
  {
    name: 'on_behalf_of',
    description: 'Government or organization spoken for.',
    type: 'string',
    value: (s) => s.data.onBehalfOf.value ?? '',
  },
  { name: 'event', description: 'Event; empty when not recorded.', type: 'string', value: (s) => s.data.event.value ?? '' },
  { name: 'place', description: 'Place; empty when not recorded.', type: 'string', value: (s) => s.data.place.value ?? '' },
  { name: 'place_status', description: 'stated, inferred or unknown.', type: 'string', value: (s) => s.data.place.status },
  { name: 'date', description: 'ISO date at its precision: YYYY, YYYY-MM or YYYY-MM-DD.', type: 'string', value: (s) => s.data.date.value },
  { name: 'date_precision', description: 'day, month or year.', type: 'string', value: (s) => s.data.date.precision },
  { name: 'date_status', description: 'stated or inferred.', type: 'string', value: (s) => s.data.date.status },
  { name: 'year', description: 'Year.', type: 'integer', value: (s) => s.year },
  { name: 'language', description: 'BCP 47 language tag.', type: 'string', value: (s) => s.data.language },
  {
    name: 'themes',
    description: 'Theme ids, separated by "; ".',
    type: 'string',
    value: (s) => s.themes.map((t) => t.theme.id).join('; '),
  },
  {
    name: 'source_url',
    description: 'Where the source was published; empty when not recorded.',
    type: 'string',
    value: (s) => s.data.source.url ?? '',
  },
  { name: 'source_sha256', description: 'SHA-256 of the raw source file.', type: 'string', value: (s) => s.data.source.sha256 },
];

/**
 * The most characters (UTF-16 code units) one CSV cell holds. Spreadsheets
 * refuse longer cells (Excel: 32,767 characters) and Python's csv module reads
 * at most 131,072 characters in a field unless told otherwise; pandas and R's
 * read.csv have no such limit. A longer paragraph is split over rows (`part`).
 */
export const CSV_TEXT_MAX = 32_000;

const PARAGRAPH_COLUMNS: { name: string; description: string; type: 'string' | 'integer' }[] = [
  {
    name: 'paragraph',
    description:
      'The ¶ number in this edition: the paragraph’s place in reading order (1-based). It may change in a later edition when a paragraph before it is inserted, split, merged or removed.',
    type: 'integer',
  },
  {
    name: 'paragraph_id',
    description:
      'The paragraph’s id for life, e.g. p-7: its anchor on the statement page (#p-7), never changed and never given to another paragraph. It is not the ¶ number: the two agree in the first edition, and may differ after.',
    type: 'string',
  },
  {
    name: 'hash',
    description:
      'Content hash of the whole paragraph’s text (not of this row’s part): the first 12 hex digits of the SHA-256 of the text in UTF-8. The same hash means the same text.',
    type: 'string',
  },
  { name: 'kind', description: 'paragraph, heading, ordered-item or bullet-item.', type: 'string' },
  { name: 'item_number', description: 'Number of an ordered list item; empty otherwise.', type: 'integer' },
  { name: 'url', description: 'The paragraph on the site: the statement page with #paragraph_id.', type: 'string' },
  {
    name: 'part',
    description: `Which part of the paragraph's text the row holds, from 1. A text longer than ${CSV_TEXT_MAX.toLocaleString('en')} characters is split over consecutive rows, after a space where there is one; joined in order with nothing between them, the parts give the text back.`,
    type: 'integer',
  },
  { name: 'parts', description: 'How many rows the paragraph takes: 1 unless its text is longer than a cell may be.', type: 'integer' },
  {
    name: 'text',
    description: 'The text as the edition gives it; for a paragraph over several rows, this row’s part of it.',
    type: 'string',
  },
];

/** Characters that make a spreadsheet read a cell as a formula: `csvField` puts an apostrophe before them at the start of a cell. */
const FORMULA_START = /^[=+\-@]/u;

/** Whether a part of a text may begin at `i`: not inside a surrogate pair, and not with a formula character. */
const goodStart = (text: string, i: number): boolean => {
  const unit = text.charCodeAt(i);
  return !(unit >= 0xdc00 && unit <= 0xdfff) && !FORMULA_START.test(text[i]!);
};

/**
 * A paragraph's text in parts of at most `max` characters (UTF-16 code units),
 * which joined with nothing between them give the text back. Each part but
 * the last ends after a space where its stretch has one (no word is cut), never
 * inside a surrogate pair, and the next part does not begin with =, +, - or @
 * (which `csvField` would protect with an apostrophe, adding to the text).
 * @example splitCsvText('aa bb cc', 5) // => ['aa ', 'bb cc']
 */
export function splitCsvText(text: string, max = CSV_TEXT_MAX): string[] {
  const parts: string[] = [];
  let start = 0;
  while (text.length - start > max) {
    let cut = -1;
    for (let p = text.lastIndexOf(' ', start + max - 1); p >= start; p = p === 0 ? -1 : text.lastIndexOf(' ', p - 1)) {
      if (goodStart(text, p + 1)) {
        cut = p + 1;
        break;
      }
    }
    if (cut === -1) {
      // No space to cut after: cut inside the word, at the last place a part may begin.
      cut = start + max;
      while (cut > start + 1 && !goodStart(text, cut)) cut -= 1;
    }
    parts.push(text.slice(start, cut));
    start = cut;
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * One row per paragraph, with the statement's metadata columns (RFC 4180,
 * UTF-8, CRLF); a paragraph longer than `CSV_TEXT_MAX` characters takes
 * several rows, its text split by `splitCsvText` (columns `part`, `parts`).
 */
export function paragraphsCsv(corpus: Corpus, site: string): string {
  const rows = [[...STATEMENT_COLUMNS.map((c) => c.name), ...PARAGRAPH_COLUMNS.map((c) => c.name)]];
  for (const s of corpus.statements) {
    const meta = STATEMENT_COLUMNS.map((c) => c.value(s));
    for (const b of s.blocks) {
      const url = new URL(`${statementPath(s.data.id)}#${b.id}`, site).href;
      const parts = splitCsvText(b.text);
      parts.forEach((text, i) => {
        rows.push([
          ...meta,
          String(b.n),
          b.id,
          b.hash,
          b.kind,
          b.number === null ? '' : String(b.number),
          url,
          String(i + 1),
          String(parts.length),
          text,
        ]);
      });
    }
  }
  return csvText(rows);
}

const STATEMENT_EXTRA: { name: string; description: string; type: 'string' | 'integer' }[] = [
  { name: 'words', description: 'Words in the edition’s text.', type: 'integer' },
  { name: 'paragraphs', description: 'Blocks (¶1…¶n).', type: 'integer' },
  { name: 'url', description: 'The statement’s page.', type: 'string' },
];

/** One row per statement (RFC 4180, UTF-8, CRLF). */
export function statementsCsv(corpus: Corpus, site: string): string {
  const rows = [[...STATEMENT_COLUMNS.map((c) => c.name), ...STATEMENT_EXTRA.map((c) => c.name)]];
  for (const s of corpus.statements) {
    rows.push([
      ...STATEMENT_COLUMNS.map((c) => c.value(s)),
      String(s.data.words),
      String(s.data.blocks),
      new URL(statementPath(s.data.id), site).href,
    ]);
  }
  return csvText(rows);
}

/**
 * A Frictionless data package (v1) describing the CSV and JSON downloads; its
 * `version` is the edition's.
 * @example dataPackage('https://example.org/', { version: '1.0', date: '2026-12-01' }).version // => '1.0'
 */
export function dataPackage(site: string, edition: Pick<Edition, 'version' | 'date'>): Record<string, unknown> {
  const field = (c: { name: string; description: string; type: string }) => ({ name: c.name, description: c.description, type: c.type });
  return {
    profile: 'data-package',
    name: 'migration-statements',
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    homepage: site,
    version: edition.version,
    licenses: [{ name: LICENCE.spdx, path: LICENCE.url, title: LICENCE.title }],
    // The data package's own words on what the licence does not cover: the statements' texts.
    rights: LICENCE.note,
    resources: [
      {
        name: 'paragraphs',
        path: 'paragraphs.csv.gz',
        profile: 'tabular-data-resource',
        format: 'csv',
        // Frictionless's property for a compressed file (frictionless-py reads it; pandas and R read .gz by its name).
        compression: 'gz',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', header: true },
        schema: {
          fields: [...STATEMENT_COLUMNS, ...PARAGRAPH_COLUMNS].map(field),
          primaryKey: ['statement_id', 'paragraph', 'part'],
        },
      },
      {
        name: 'statements',
        path: 'statements.csv',
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', header: true },
        schema: { fields: [...STATEMENT_COLUMNS, ...STATEMENT_EXTRA].map(field), primaryKey: ['statement_id'] },
      },
      {
        name: 'corpus',
        path: 'corpus.json.gz',
        profile: 'data-resource',
        format: 'json',
        compression: 'gz',
        mediatype: 'application/json',
        encoding: 'utf-8',
        schema: 'corpus.schema.json',
        description:
          'The edition’s version and date, then every statement with metadata, edition report, retired paragraph ids, history and paragraphs (id, ¶ number, content hash, text); validates against corpus.schema.json.',
      },
    ],
  };
}
