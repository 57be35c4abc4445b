/**
 * A statement as a TEI P5 XML document: the header carries the edition
 * (`editionStmt`), the metadata (with the status and evidence of every fact),
 * the source's provenance and every intervention of the edition; the body
 * carries the blocks, each with its id for life (`xml:id`) and its ¶ number (`n`).
 *
 * The document is built as a small tree and serialized in one place, so every
 * string that comes from data goes through `escapeXml` (text and attribute
 * values alike). Output is deterministic: no generation dates.
 *
 * It takes plain data (`TeiStatement`), the same the per-statement JSON
 * carries, and imports nothing that needs Node or the corpus view: the
 * statement page's "Download this statement" builds the same document in the
 * browser from `/data/statements/<bucket>.json.gz` (src/downloads/statement-files.ts).
 *
 * The blocks' content hashes are not in the TEI: TEI has no attribute for a
 * checksum of an element's text, and putting one in `ana` or `corresp` would
 * misuse them. They are in the JSON and CSV downloads, under the same ids.
 */
import type { Edition, EditionReport, StatementFrontmatter } from '../edition/schemas.ts';
import { formatDate } from '../edition/dates.ts';
import { LICENCE, SITE_NAME } from '../site/site.ts';
import type { TextBlock } from '../edition/statement-text.ts';
import { escapeXml } from '../edition/xml.ts';

/** The edition a document belongs to: its version and the day it was published. */
export type EditionRef = Pick<Edition, 'version' | 'date'>;

/** A block as the TEI needs it. */
export type TeiBlock = Pick<TextBlock, 'id' | 'n' | 'kind' | 'text' | 'list' | 'number'>;

/**
 * Everything a statement's TEI is made from, as plain data (what the
 * per-statement JSON carries; `statementDocument` in statement-entries.ts makes
 * it from the corpus view at build time).
 */
export interface TeiStatement {
  /** The statement's frontmatter: facts with status and evidence, source, themes, edition report. */
  metadata: StatementFrontmatter;
  /** The speaker's entry, or null when the speaker is not recorded. */
  speaker: { name: string; affiliation: string } | null;
  /** Reader-facing labels: the statement's type ("Statement") and its themes by id. */
  labels: { type: string; themes: Record<string, string> };
  /** The statement's page. */
  url: string;
  /** The edition the text and its ids are cited from. */
  edition: EditionRef;
  /** The text, block by block, in reading order. */
  blocks: TeiBlock[];
}

/** The TEI namespace. */
export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** An element of the document tree; strings among its children are text. */
interface Node {
  name: string;
  attrs: [string, string][];
  children: (Node | string)[];
}

type Attrs = Record<string, string | number | null | undefined>;
type Child = Node | string | null | undefined | false | Child[];

/** An element; attributes with null or undefined values are left out, as are empty children. */
function el(name: string, attrs: Attrs = {}, ...children: Child[]): Node {
  const flat: (Node | string)[] = [];
  const add = (c: Child): void => {
    if (c === null || c === undefined || c === false || c === '') return;
    if (Array.isArray(c)) c.forEach(add);
    else flat.push(c);
  };
  children.forEach(add);
  const list = Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== null && e[1] !== undefined)
    .map(([k, v]): [string, string] => [k, String(v)]);
  return { name, attrs: list, children: flat };
}

/**
 * Serializes a node. An element with only element children is laid out one
 * child a line; an element with any text, and everything inside it, is written
 * on one line, so no indentation ever enters mixed content (the text of `<p>`,
 * `<item>`, `<head>`, `<note>`).
 */
function serialize(node: Node, depth = 0, inMixed = false): string {
  const attrs = node.attrs.map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  if (node.children.length === 0) return `<${node.name}${attrs}/>`;
  if (inMixed || node.children.some((c) => typeof c === 'string')) {
    const inner = node.children.map((c) => (typeof c === 'string' ? escapeXml(c) : serialize(c, 0, true))).join('');
    return `<${node.name}${attrs}>${inner}</${node.name}>`;
  }
  const pad = '  '.repeat(depth + 1);
  const inner = node.children.map((c) => `${pad}${serialize(c as Node, depth + 1)}`).join('\n');
  return `<${node.name}${attrs}>\n${inner}\n${'  '.repeat(depth)}</${node.name}>`;
}

type FactKey = 'speaker' | 'role' | 'onBehalfOf' | 'event' | 'place';

/** `cert="medium"` for an inferred fact, nothing for a stated one. */
function cert(status: string): string | null {
  return status === 'inferred' ? 'medium' : null;
}

/** A date element with `when` at the date's precision, and `cert` when inferred. */
function dateEl(d: StatementFrontmatter['date']): Node {
  return el('date', { when: d.value, cert: cert(d.status) }, formatDate(d));
}

/**
 * The document's xml:id, which also prefixes every xml:id inside it (blocks
 * `statement-<id>.p-7`, the speaker `statement-<id>.speaker`), so that ids stay
 * unique when documents are gathered in a teiCorpus.
 */
function docIdOf(s: TeiStatement): string {
  return `statement-${s.metadata.id}`;
}

/** The author: the speaker's name, or the government or organization when there is no speaker. */
function authorEl(s: TeiStatement): Node | null {
  if (s.speaker) {
    return el('author', {}, el('persName', { ref: `#${docIdOf(s)}.speaker`, cert: cert(s.metadata.speaker.status) }, s.speaker.name));
  }
  if (s.metadata.onBehalfOf.value !== null) {
    return el('author', {}, el('orgName', { cert: cert(s.metadata.onBehalfOf.status) }, s.metadata.onBehalfOf.value));
  }
  return null;
}

/**
 * The edition, as TEI's `editionStmt` says it: the version in `n` and in
 * words, with the day it was published.
 */
function editionStmt(edition: EditionRef): Node {
  return el(
    'editionStmt',
    {},
    el(
      'edition',
      { n: edition.version },
      `Edition ${edition.version}, `,
      el('date', { when: edition.date }, formatDate({ value: edition.date, precision: 'day' })),
    ),
  );
}

const FACT_LABELS: Record<FactKey | 'date', string> = {
  speaker: 'Speaker',
  role: 'Role',
  onBehalfOf: 'On behalf of',
  event: 'Event',
  place: 'Place',
  date: 'Date',
};

/** One evidence note per fact that has evidence: "Date (inferred): …". */
function evidenceNotes(data: StatementFrontmatter): Node[] {
  const facts: [FactKey | 'date', { status: string; evidence: string | null }][] = [
    ['speaker', data.speaker],
    ['role', data.role],
    ['onBehalfOf', data.onBehalfOf],
    ['event', data.event],
    ['place', data.place],
    ['date', data.date],
  ];
  return facts
    .filter(([, f]) => f.evidence !== null)
    .map(([key, f]) => el('note', { type: 'evidence', subtype: key }, `${FACT_LABELS[key]} (${f.status}): ${f.evidence}`));
}

function lines(from: number, to: number): string {
  return from === to ? `Line ${from}` : `Lines ${from}–${to}`;
}

/** How the edition report's references to blocks (by id) are written: a link to the block, labelled with its ¶ number. */
type BlockRef = (block: string) => Node;

/**
 * Links to blocks by id, labelled ¶n with each block's ¶ number (an id is not
 * a ¶ number: p-11 may be ¶5); an id that is no block of the text keeps its id
 * as label.
 */
function blockRefs(docId: string, blocks: readonly TeiBlock[]): BlockRef {
  const numbers = new Map(blocks.map((b) => [b.id, b.n]));
  return (block) => {
    const n = numbers.get(block);
    return el('ref', { target: `#${docId}.${block}` }, n === undefined ? block : `¶${n}`);
  };
}

/** A `<p>` with a lead-in and a list of items, or "none" when there are none. */
function listedP(lead: string, type: string, items: Child[][]): Node {
  if (items.length === 0) return el('p', {}, `${lead} None.`);
  return el(
    'p',
    {},
    lead,
    el(
      'list',
      { type },
      items.map((content) => el('item', {}, ...content)),
    ),
  );
}

/** The edition's interventions, from the edition report. */
function editorialDecl(report: EditionReport, docId: string, blockRef: BlockRef): Node {
  const ws = report.whitespace;
  return el(
    'editorialDecl',
    {},
    el(
      'normalization',
      {},
      el(
        'p',
        {},
        `The text is the source file’s text, normalized for reading and citation: the lines listed below were left out, hard line breaks inside paragraphs were unwrapped, inline HTML tags were removed (their text kept), invisible characters were removed and whitespace was regularized. The words themselves are kept as the source has them.`,
      ),
      listedP(
        'Left out of the source (source line numbers):',
        'removals',
        report.removals.map((r) => [
          `${lines(r.fromLine, r.toLine)} (${r.kind}): ${r.reason}.`,
          r.text.length > 0 &&
            el(
              'list',
              { type: 'removed-lines' },
              r.text.map((t) => el('item', {}, el('quote', {}, t))),
            ),
        ]),
      ),
      el('p', {}, `Hard line breaks unwrapped inside paragraphs, headings and list items: ${report.unwrappedLines}.`),
      listedP(
        'Line breaks joined without a space (after an opening quotation mark or a hyphen):',
        'joined-without-space',
        report.joinedWithoutSpace.map((j) => [`Line ${j.line}, in `, blockRef(j.block), ': ', el('quote', {}, j.text)]),
      ),
      listedP(
        'Inline HTML tags removed, their text kept:',
        'inline-html',
        report.inlineHtml.map((h) => [`Line ${h.line}: <${h.tag}> around `, el('quote', {}, h.text)]),
      ),
      listedP(
        'Invisible characters removed:',
        'invisible-characters',
        report.invisibleCharacters.map((c) => [`${c.codePoint} × ${c.count}`]),
      ),
      el(
        'p',
        {},
        'Whitespace repairs:',
        el(
          'list',
          { type: 'whitespace' },
          el('item', {}, `Special spaces (such as no-break spaces) made plain spaces: ${ws.specialSpaces}.`),
          el('item', {}, `Lines whose trailing whitespace was removed: ${ws.trailingTrimmed}.`),
          el('item', {}, `Runs of several spaces collapsed to one: ${ws.spaceRunsCollapsed}.`),
          el('item', {}, `Blank lines dropped at the start, at the end and in runs: ${ws.blankLinesDropped}.`),
        ),
      ),
    ),
    el(
      'segmentation',
      {},
      el(
        'p',
        {},
        `Paragraphs are separated in the source by ${report.paragraphSeparator === 'blank-line' ? 'blank lines' : 'line breaks'}. Every block of the text (paragraph, heading or list item) has an id for life, p-k, never changed or reused, which is its anchor on the site and gives its xml:id, ${docId}.p-k; its n attribute is its ¶ number in this edition, its place in reading order (¶1…¶n). In the first edition the two agree; once a block is inserted, split or merged they may not. Each block's content hash is in the edition's JSON and CSV downloads, under the same id.`,
      ),
      listedP(
        'Paragraphs split mid-sentence by a blank line in the source, rejoined:',
        'rejoins',
        report.rejoins.map((r) => [
          `Blank line ${r.line}, now in `,
          blockRef(r.block),
          ': ',
          el('quote', {}, r.before),
          ' | ',
          el('quote', {}, r.after),
        ]),
      ),
      listedP(
        'Section headings recognised:',
        'headings',
        report.headings.map((h) => [blockRef(h.block), ': ', el('quote', {}, h.text)]),
      ),
      listedP(
        'Lists recognised:',
        'lists',
        report.lists.map((l) => [
          `${l.kind === 'ordered' ? 'Ordered' : 'Bulleted'} list of ${l.items} item${l.items === 1 ? '' : 's'}${l.start !== null && l.start !== 1 ? `, numbered from ${l.start}` : ''}, from `,
          blockRef(l.firstBlock),
        ]),
      ),
    ),
    el(
      'correction',
      {},
      listedP(
        'Nothing in the text is corrected. Editorial notes (also given in the text, after the block they concern):',
        'notes',
        report.notes.map((n) => [blockRef(n.block), ': ', el('quote', {}, n.quote), ` — ${n.note}`]),
      ),
    ),
  );
}

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The text's blocks: headings open `<div>` sections, consecutive items of one list form a `<list>`. */
function bodyEl(blocks: readonly TeiBlock[], notes: EditionReport['notes'], docId: string): Node {
  const body = el('body');
  let container = body;
  let list: { index: number; node: Node } | null = null;
  for (const b of blocks) {
    const attrs = { 'xml:id': `${docId}.${b.id}`, n: b.n };
    let target = container;
    if (b.kind === 'heading') {
      container = el('div', { type: 'section' });
      body.children.push(container);
      container.children.push(el('head', attrs, b.text));
      target = container;
      list = null;
    } else if (b.kind === 'paragraph') {
      container.children.push(el('p', attrs, b.text));
      list = null;
    } else {
      if (list === null || list.index !== b.list) {
        list = { index: b.list ?? -1, node: el('list', { type: b.kind === 'ordered-item' ? 'ordered' : 'bulleted' }) };
        container.children.push(list.node);
      }
      if (b.kind === 'ordered-item' && b.number !== null) list.node.children.push(el('label', {}, `${b.number}.`));
      list.node.children.push(el('item', attrs, b.text));
      target = list.node;
    }
    for (const n of notes.filter((x) => x.block === b.id)) {
      target.children.push(el('note', { type: 'editorial', target: `#${docId}.${b.id}` }, el('quote', {}, n.quote), ` ${n.note}`));
    }
  }
  return body;
}

/**
 * The statement as a TEI P5 document. `s.url` is the statement's page in the
 * edition (its `idno type="URL"`); `s.edition` its `editionStmt`; `s.blocks`
 * its blocks from `blocksFromMarkdown`. Inferred facts carry `cert="medium"`
 * and an evidence note; the date's `when` is only as exact as the date
 * ("2021-03", "2023").
 * @example
 * teiDocument(statementDocument(wu, corpus.edition, 'https://example.org/'))
 * // => '<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="statement-2012-11-28-wu-haitao-iom-council" xml:lang="en">…'
 */
export function teiDocument(s: TeiStatement): string {
  const d = s.metadata;
  const blocks = s.blocks;
  const url = s.url;
  const author = authorEl(s);
  const source = d.source;

  const fileDesc = el(
    'fileDesc',
    {},
    el(
      'titleStmt',
      {},
      el('title', {}, d.title),
      author,
      el(
        'respStmt',
        {},
        el('resp', {}, 'Digital edition: normalized text, paragraph numbering, metadata with evidence'),
        el('orgName', {}, SITE_NAME),
      ),
    ),
    editionStmt(s.edition),
    el('publicationStmt', {}, el('publisher', {}, SITE_NAME), el('idno', { type: 'URL' }, url), availability()),
    el(
      'sourceDesc',
      {},
      el(
        'bibl',
        {},
        el('title', {}, d.title),
        author,
        d.onBehalfOf.value !== null &&
          el('respStmt', {}, el('resp', {}, 'on behalf of'), el('orgName', { cert: cert(d.onBehalfOf.status) }, d.onBehalfOf.value)),
        el('note', { type: 'genre' }, s.labels.type),
        dateEl(d.date),
        evidenceNotes(d),
        el('idno', { type: 'filename' }, source.file),
        el('idno', { type: 'sha256' }, source.sha256),
        source.url !== null ? el('ref', { target: source.url }, source.url) : el('note', { type: 'url' }, 'Source URL not recorded.'),
      ),
    ),
  );

  const profileDesc = el(
    'profileDesc',
    {},
    el('langUsage', {}, el('language', { ident: d.language }, languageName(d.language))),
    el('creation', {}, dateEl(d.date), d.place.value !== null && [', ', el('placeName', { cert: cert(d.place.status) }, d.place.value)]),
    (s.speaker !== null || d.onBehalfOf.value !== null) &&
      el(
        'particDesc',
        {},
        s.speaker !== null &&
          el(
            'listPerson',
            {},
            el(
              'person',
              { 'xml:id': `${docIdOf(s)}.speaker`, role: 'speaker', cert: cert(d.speaker.status) },
              el('persName', {}, s.speaker.name),
              el('affiliation', {}, s.speaker.affiliation),
              d.role.value !== null && el('occupation', { cert: cert(d.role.status) }, d.role.value),
            ),
          ),
        d.onBehalfOf.value !== null &&
          el('listOrg', { type: 'onBehalfOf' }, el('org', {}, el('orgName', { cert: cert(d.onBehalfOf.status) }, d.onBehalfOf.value))),
      ),
    d.event.value !== null &&
      el('settingDesc', {}, el('setting', {}, el('name', { type: 'event', cert: cert(d.event.status) }, d.event.value))),
    d.themes.length > 0 &&
      el(
        'textClass',
        {},
        el(
          'keywords',
          {},
          d.themes.map((t) => el('term', { key: t.id }, s.labels.themes[t.id] ?? t.id)),
        ),
      ),
  );

  const tei = el(
    'TEI',
    { xmlns: TEI_NS, 'xml:id': docIdOf(s), 'xml:lang': d.language },
    el('teiHeader', {}, fileDesc, el('encodingDesc', {}, editorialDecl(d.edition, docIdOf(s), blockRefs(docIdOf(s), blocks))), profileDesc),
    el('text', {}, bodyEl(blocks, d.edition.notes, docIdOf(s))),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(tei)}\n`;
}

/**
 * The licence, as TEI says it: the edition's apparatus under CC BY 4.0
 * (`licence` with its URL); the statement's text, reproduced for reference and
 * citation, remains its author's or publisher's.
 */
function availability(): Node {
  return el(
    'availability',
    { status: 'restricted' },
    el(
      'licence',
      { target: LICENCE.url },
      `The edition’s data and apparatus (metadata, edition report, paragraph ids and numbering) by ${SITE_NAME}: ${LICENCE.title} (${LICENCE.spdx}).`,
    ),
    el(
      'p',
      {},
      'The text of the statement is not covered by that licence: it is reproduced from the source described below for reference and citation, and the rights in it remain with its author or publisher.',
    ),
  );
}

/**
 * Every statement in one TEI P5 `teiCorpus`: a short corpus header with the
 * edition, then each statement's `TEI` element as `teiDocument` writes it (its
 * `xml:id` is `statement-<id>`). `site` is the edition's URL.
 * @example teiCorpus([statementDocument(wu, corpus.edition, 'https://example.org/')], 'https://example.org/', corpus.edition)
 * // => '<?xml version="1.0" encoding="UTF-8"?>\n<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">…'
 */
export function teiCorpus(statements: readonly TeiStatement[], site: string, edition: EditionRef): string {
  const header = el(
    'teiHeader',
    {},
    el(
      'fileDesc',
      {},
      el('titleStmt', {}, el('title', {}, `${SITE_NAME}: the corpus`)),
      editionStmt(edition),
      el('publicationStmt', {}, el('publisher', {}, SITE_NAME), el('idno', { type: 'URL' }, site), availability()),
      el('sourceDesc', {}, el('p', {}, `${statements.length} statements, each described in its own teiHeader below.`)),
    ),
  );
  const members = statements.map((s) => teiMember(teiDocument(s)));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<teiCorpus xmlns="${TEI_NS}" xml:lang="en">\n${serialize(header)}\n${members.join('\n')}\n</teiCorpus>\n`;
}

/**
 * A statement's document as it stands inside the `teiCorpus`: without its XML
 * declaration and final newline. The `TEI` element is the same, byte for byte.
 * @example teiMember('<?xml version="1.0" encoding="UTF-8"?>\n<TEI/>\n') // => '<TEI/>'
 */
export function teiMember(document: string): string {
  return document.replace(/^<\?xml[^>]*\?>\n/u, '').trimEnd();
}
