/**
 * One statement's downloads, built from its entry in the per-statement JSON
 * (`/data/statements/<bucket>.json.gz`): TEI P5, plain text, Markdown, JSON and
 * the raw source. The same functions run in the build's tests and in the
 * browser (src/client/downloads.ts, loaded on the first click of "Download
 * this statement"), so a file downloaded from a statement page is exactly what
 * these functions give: one code path per format.
 *
 * Pure and light: no Node modules and nothing from the corpus view or the
 * schemas but types, so that Vite bundles it for the browser with little more
 * than the TEI writer. The entries are made at build time by
 * `statementEntry` (statement-entries.ts).
 */
import type { Speaker } from '../edition/schemas.ts';
import type { TextBlock } from '../edition/statement-text.ts';
import { blockMarker } from '../edition/block-ids.ts';
import { formatDate } from '../edition/dates.ts';
import { SITE_NAME } from '../site/site.ts';
import { type EditionRef, type TeiStatement, teiDocument } from './tei.ts';

/**
 * One statement's entry in its bucket file, and its JSON download as is:
 * the statement's page, the edition, the licence, the frontmatter (every fact
 * with its status and evidence, themes with reasons, the edition report,
 * retired ids and the history of changes), the speaker's entry, labels, its
 * citations, its blocks (id for life, ¶ number, content hash, kind, list,
 * item number, text) and the raw source text.
 */
export interface StatementEntry extends TeiStatement {
  /** The statement's id (its URL slug). */
  id: string;
  /** The statement's page. */
  url: string;
  /** The edition the text, the ¶ numbers and the hashes belong to. */
  edition: EditionRef;
  /** The licence of the edition's data and apparatus, and what it does not cover (the statement's text). */
  licence: { spdx: string; title: string; url: string; note: string };
  /** The speaker's entry (name, family and given names, sort name, affiliation, roles), or null when not recorded. */
  speaker: Speaker | null;
  /** The statement cited as text, BibTeX, RIS and CSL-JSON, as the cite box and the corpus-wide citation files give it. */
  citations: { text: string; bibtex: string; ris: string; csl: Record<string, unknown> };
  /** The text, block by block, in reading order. */
  blocks: TextBlock[];
  /** The raw source as received: its file name in content/sources/ and its bytes as UTF-8 text (SHA-256 in `metadata.source`). */
  source: { file: string; text: string };
}

/** The formats of "Download this statement": label, file name suffix (after the statement id) and media type. */
export const STATEMENT_FORMATS = {
  tei: { label: 'TEI P5 XML', suffix: '.tei.xml', type: 'application/tei+xml' },
  text: { label: 'Plain text', suffix: '.txt', type: 'text/plain;charset=utf-8' },
  markdown: { label: 'Markdown', suffix: '.md', type: 'text/markdown;charset=utf-8' },
  json: { label: 'JSON', suffix: '.json', type: 'application/json' },
  source: { label: 'Raw source', suffix: '.source.txt', type: 'text/plain;charset=utf-8' },
} as const;

export type StatementFormat = keyof typeof STATEMENT_FORMATS;

/** A file to download: its name, media type and text (written as UTF-8). */
export interface StatementFile {
  name: string;
  type: string;
  body: string;
}

/** A fact's value as the text and Markdown show it: in square brackets when the edition inferred it (as citations do). */
function factText(fact: { status: string }, text: string): string {
  return fact.status === 'inferred' ? `[${text}]` : text;
}

/**
 * The metadata line under the title: who (the speaker, or the government or
 * organization when the speaker is not recorded), on whose behalf, type,
 * event, place and date, joined by " · "; a fact the edition inferred is in
 * square brackets; facts not recorded are left out.
 * @example metadataLine(wu2012) // => 'Wu Haitao, on behalf of China · Statement · General Debate, 101st Session of the IOM Council · Geneva · 28 November 2012'
 */
export function metadataLine(entry: Pick<StatementEntry, 'metadata' | 'speaker' | 'labels'>): string {
  const d = entry.metadata;
  const behalf = d.onBehalfOf.value === null ? null : factText(d.onBehalfOf, d.onBehalfOf.value);
  const who = entry.speaker
    ? `${factText(d.speaker, entry.speaker.name)}${behalf === null ? '' : `, on behalf of ${behalf}`}`
    : (behalf ?? 'Speaker not recorded');
  const event = d.event.value === null ? null : factText(d.event, d.event.value);
  const place = d.place.value === null ? null : factText(d.place, d.place.value);
  return [who, entry.labels.type, event, place, factText(d.date, formatDate(d.date))].filter((p) => p !== null).join(' · ');
}

/**
 * The line that says where the text comes from: the edition, its version and
 * day, and the statement's page.
 * @example editionLine(wu2012) // => 'Migration Statements, edition 1.0 (1 December 2026): https://example.org/statements/2012-11-28-wu-haitao-iom-council/'
 */
export function editionLine(entry: Pick<StatementEntry, 'edition' | 'url'>): string {
  return `${SITE_NAME}, edition ${entry.edition.version} (${formatDate({ value: entry.edition.date, precision: 'day' })}): ${entry.url}`;
}

/** What a block starts with in the plain text after its ¶ number: an ordered item's number, a bullet, or nothing. */
function itemLabel(b: Pick<TextBlock, 'kind' | 'number'>): string {
  if (b.kind === 'ordered-item') return `${b.number ?? ''}. `;
  if (b.kind === 'bullet-item') return '• ';
  return '';
}

/**
 * The statement as plain text (UTF-8, LF line ends): the title, the metadata
 * line, the edition line, then each block after a blank line, prefixed with
 * its ¶ number ("¶7 "), list items with their number or a bullet after it.
 * @example statementText(wu2012)
 * // => 'Statement by …\nWu Haitao, on behalf of China · Statement · … · 28 November 2012\nMigration Statements, edition 1.0 (1 December 2026): https://…/\n\n¶1 Mr. President,\n\n¶2 …\n'
 */
export function statementText(entry: StatementEntry): string {
  const head = [entry.metadata.title, metadataLine(entry), editionLine(entry)].join('\n');
  const body = entry.blocks.map((b) => `¶${b.n} ${itemLabel(b)}${b.text}`).join('\n\n');
  return `${head}\n\n${body}\n`;
}

/**
 * Escapes text so that Markdown (CommonMark, and GitHub's) reads it back as
 * the same text, never as markup: backslash escapes before `\ ` * _ [ ] < ~`,
 * before `&` that would start an entity, and before whatever at the start
 * would open a heading, quote, list or rule (`#`, `>`, `-`, `+`, `=`, `|`,
 * `1.`, `1)`).
 * @example markdownText('1. Not a list with *stars* & <b>') // => '1\\. Not a list with \\*stars\\* & \\<b>'
 */
export function markdownText(text: string): string {
  const inline = text.replace(/[\\`*_[\]<~]/gu, (c) => `\\${c}`).replace(/&(?=#?[0-9A-Za-z]+;)/gu, '\\&');
  return inline.replace(/^(\d{1,9})([.)])/u, '$1\\$2').replace(/^([#>+=|-])/u, '\\$1');
}

/**
 * The blocks as the edition's Markdown writes them: each block on one line
 * followed by its id marker (`{#p-7}`), headings at level 2, the items of a
 * list on consecutive lines (an ordered list numbered from its first item),
 * other blocks separated by a blank line. Two lists of one kind that follow
 * each other switch marker (`-` and `*`, `1.` and `1)`) so that they stay two
 * lists. The edition's reader (`blocksFromMarkdown`) gives back the same
 * blocks: ids, kinds, lists, numbers and texts.
 * @example markdownBody([{ id: 'p-1', n: 1, hash: '…', kind: 'paragraph', text: 'Thank you.', list: null, number: null }]) // => 'Thank you. {#p-1}\n'
 */
export function markdownBody(blocks: readonly Pick<TextBlock, 'id' | 'kind' | 'text' | 'list' | 'number'>[]): string {
  let out = '';
  let prev: (typeof blocks)[number] | null = null;
  let marker = { bullet: '-', ordered: '.' };
  for (const b of blocks) {
    const item = b.kind === 'bullet-item' || b.kind === 'ordered-item';
    const prevItem = prev !== null && (prev.kind === 'bullet-item' || prev.kind === 'ordered-item');
    const sameList = item && prevItem && prev!.list === b.list;
    if (item && prevItem && !sameList && prev!.kind === b.kind) {
      // Another list of the same kind right after one: another marker, or Markdown would join them.
      marker =
        b.kind === 'bullet-item'
          ? { ...marker, bullet: marker.bullet === '-' ? '*' : '-' }
          : { ...marker, ordered: marker.ordered === '.' ? ')' : '.' };
    } else if (item && !sameList) {
      marker = { bullet: '-', ordered: '.' };
    }
    const lead =
      b.kind === 'heading'
        ? '## '
        : b.kind === 'bullet-item'
          ? `${marker.bullet} `
          : b.kind === 'ordered-item'
            ? `${b.number ?? 1}${marker.ordered} `
            : '';
    if (prev !== null) out += sameList ? '\n' : '\n\n';
    out += `${lead}${markdownText(b.text)} ${blockMarker(b.id)}`;
    prev = b;
  }
  return out === '' ? out : `${out}\n`;
}

/**
 * The statement as Markdown: a header without YAML (the title as a level-1
 * heading, the metadata line, the edition line, a note on the id markers, a
 * rule), then the blocks as `markdownBody` writes them, so every block keeps
 * its id (`{#p-7}`, Pandoc's attribute syntax), the anchor of its paragraph
 * on the page.
 * @example statementMarkdown(wu2012) // => '# Statement by …\n\nWu Haitao, on behalf of China · …\n\nMigration Statements, edition 1.0 (1 December 2026): <https://…/>\n\n…\n\n---\n\nMr. President, {#p-1}\n\n…'
 */
export function statementMarkdown(entry: StatementEntry): string {
  const where = `${markdownText(`${SITE_NAME}, edition ${entry.edition.version} (${formatDate({ value: entry.edition.date, precision: 'day' })})`)}: <${entry.url}>`;
  const head = [
    // A heading's closing #s are not part of it: escape a final # of the title.
    `# ${markdownText(entry.metadata.title).replace(/#$/u, '\\#')}`,
    markdownText(metadataLine(entry)),
    where,
    'Each block ends with its id for life in braces, `{#p-7}`: the anchor of its paragraph on the page (the URL above with `#p-7`). The ¶ numbers are the blocks’ order.',
    '---',
  ].join('\n\n');
  return `${head}\n\n${markdownBody(entry.blocks)}`;
}

/**
 * The statement as JSON: its entry, exactly as its bucket file holds it,
 * indented by two spaces.
 * @example statementJson(wu2012) // => '{\n  "id": "2012-11-28-wu-haitao-iom-council",\n  "url": "https://…",\n  …\n}\n'
 */
export function statementJson(entry: StatementEntry): string {
  return `${JSON.stringify(entry, null, 2)}\n`;
}

/**
 * One download of a statement: the file's name (`<statement id><suffix>`),
 * media type and text.
 * @example statementFile(wu2012, 'tei').name // => '2012-11-28-wu-haitao-iom-council.tei.xml'
 */
export function statementFile(entry: StatementEntry, format: StatementFormat): StatementFile {
  const { suffix, type } = STATEMENT_FORMATS[format];
  const body = {
    tei: () => teiDocument(entry),
    text: () => statementText(entry),
    markdown: () => statementMarkdown(entry),
    json: () => statementJson(entry),
    source: () => entry.source.text,
  }[format]();
  return { name: `${entry.id}${suffix}`, type, body };
}

/** The JSON of a bucket file: statement id → entry. */
export type Bucket = Record<string, StatementEntry>;
