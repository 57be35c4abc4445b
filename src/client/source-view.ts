/**
 * The source view (`/source/?id=<statement id>`): fetches the statement's
 * entry from its bucket of the per-statement JSON, and draws its source line
 * by line as `sourceView` (src/downloads/source-view.ts) describes it. The
 * source is untrusted text: it only ever becomes text nodes (`el`), never HTML.
 */
import { bucketFromDigest, bucketPath } from '../downloads/buckets.ts';
import { type SourceLine, type SourceView, sentence, sourceView } from '../downloads/source-view.ts';
import type { Bucket, StatementEntry } from '../downloads/statement-files.ts';
import { statementPath } from '../site/routes.ts';
import { documentTitle } from '../site/site.ts';
import { el } from './dom.ts';
import { parseGzippedJson } from './gunzip.ts';

/** A statement id: a lower-case slug (the schemas' `slug`, not imported so that zod stays out of the page). */
const STATEMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** The SHA-256 of `bytes`, by the browser's Web Crypto. */
async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The entry of statement `id`, from its bucket; undefined when there is no such statement (nor its bucket). */
async function loadEntry(id: string): Promise<StatementEntry | undefined> {
  const href = bucketPath(bucketFromDigest(await sha256(new TextEncoder().encode(id))));
  const r = await fetch(href);
  if (r.status === 404) return undefined;
  if (!r.ok) throw new Error(`${href}: ${r.status} ${r.statusText}`);
  const entries = await parseGzippedJson<Bucket>(new Uint8Array(await r.arrayBuffer()));
  return Object.hasOwn(entries, id) ? entries[id] : undefined;
}

const lineRange = (from: number, to: number) => (from === to ? `line ${from}` : `lines ${from}–${to}`);

/** The line's text: its pieces as text nodes, invisible characters as their code points; struck through when removed. */
function textCell(line: SourceLine): HTMLTableCellElement {
  const pieces = line.parts.map((p) =>
    'text' in p
      ? p.text
      : el(
          'span',
          { className: 'code-point', title: p.removed ? 'Invisible character, removed by the edition' : 'Invisible character' },
          p.code,
        ),
  );
  const inner = line.status === 'removed' ? el('del', {}, ...pieces) : el('span', {}, ...pieces);
  return el('td', { className: 'text' }, inner);
}

/** What the edition did with a kept or blank line, in words. */
function editionNote(line: SourceLine, id: string): (Node | string)[] {
  if (line.status === 'blank') {
    return line.marks.includes('split')
      ? ['Blank line that split a paragraph mid-sentence: dropped, the paragraph rejoined']
      : [el('span', { className: 'muted' }, 'Blank line')];
  }
  const out: (Node | string)[] = [];
  if (line.block === null) out.push('Not found in the edition’s text');
  else if (line.block.first)
    out.push(el('a', { href: `${statementPath(id)}#${line.block.id}` }, `¶${line.block.n}`), ` (${line.block.id})`);
  else out.push(`¶${line.block.n}, continued`);
  const notes: Record<string, string> = {
    rejoin: 'rejoined to the paragraph above, which a blank line had split mid-sentence',
    unwrapped: 'joined to the line above with a space',
    'joined-without-space': 'joined to the line above without a space',
    invisible: 'invisible characters removed',
  };
  for (const m of line.marks) {
    if (m === 'inline-html') out.push(`: HTML markup removed (${line.tags.map((t) => `<${t}>`).join(', ')}), its text kept`);
    else if (notes[m]) out.push(`: ${notes[m]}`);
  }
  return out;
}

/** One table row a line; a removal's reason in one cell beside all its lines. */
function drawRows(view: SourceView, id: string): HTMLTableRowElement[] {
  return view.lines.map((line) => {
    const row = el('tr', { id: `L${line.n}`, className: line.status });
    row.dataset['line'] = String(line.n);
    row.dataset['status'] = line.status;
    if (line.block) row.dataset['block'] = line.block.id;
    for (const m of line.marks) row.classList.add(`mark-${m}`);
    row.append(el('th', { scope: 'row', className: 'n' }, String(line.n)), textCell(line));
    const r = line.removal;
    if (r === null) row.append(el('td', { className: 'edition' }, ...editionNote(line, id)));
    else if (r.first) {
      const cell = el('td', { className: 'edition reason', rowSpan: r.toLine - r.fromLine + 1 });
      cell.append(el('strong', {}, r.label), ` (${lineRange(r.fromLine, r.toLine)}): ${sentence(r.reason)}`);
      row.append(cell);
    }
    return row;
  });
}

/** Draws the view of statement `id` into the page, or says why it cannot. */
async function main(): Promise<void> {
  const status = document.getElementById('source-status');
  const root = document.getElementById('source-view');
  const rows = document.getElementById('source-rows');
  if (!status || !root || !rows) return;
  const id = new URLSearchParams(location.search).get('id');
  if (id === null || id === '') {
    status.textContent = 'No statement given. Open this page from “About this text” on a statement’s page.';
    return;
  }
  if (!STATEMENT_ID.test(id) || id.length > 100) {
    status.textContent = 'This address names no statement: a statement’s id is a lower-case slug such as 2012-11-28-wu-haitao-iom-council.';
    return;
  }
  status.textContent = 'Loading the source…';
  let entry: StatementEntry | undefined;
  try {
    if (!globalThis.crypto?.subtle) throw new Error('this page needs a secure (https) address to find the statement’s file');
    entry = await loadEntry(id);
  } catch (error) {
    status.textContent = `The source could not be loaded (${error instanceof Error ? error.message : String(error)}).`;
    return;
  }
  if (entry === undefined) {
    status.textContent = `No statement has the id “${id}”.`;
    return;
  }
  const view = sourceView(entry);
  const title = entry.metadata.title;
  document.title = documentTitle(`Source as received: ${title}`);
  document.getElementById('source-heading')!.textContent = `Source as received: ${title}`;
  const page = statementPath(entry.id);
  const back = document.getElementById('source-back') as HTMLAnchorElement;
  back.href = page;
  back.textContent = `Back to the statement: ${title}`;
  document.getElementById('source-file')!.textContent = entry.source.file;
  document.getElementById('source-sha256')!.textContent = entry.metadata.source.sha256;
  const lines = view.lines.length;
  document.getElementById('source-counts')!.textContent =
    `${lines} line${lines === 1 ? '' : 's'}: ${view.lines.filter((l) => l.status === 'removed').length} removed, ` +
    `${view.lines.filter((l) => l.status === 'kept').length} kept in ${entry.blocks.length} block${entry.blocks.length === 1 ? '' : 's'}, ` +
    `${view.lines.filter((l) => l.status === 'blank').length} blank.`;
  rows.replaceChildren(...drawRows(view, entry.id));
  root.hidden = false;
  status.textContent =
    view.unlocated.length === 0
      ? ''
      : `${view.unlocated.length} kept line(s) could not be matched to a block: ${view.unlocated.join(', ')}.`;
  // The hash of the text shown, worked out here: the same as the edition records for the file.
  const digest = hex(await sha256(new TextEncoder().encode(entry.source.text)));
  document.getElementById('source-check')!.textContent =
    digest === entry.metadata.source.sha256
      ? '(checked in your browser: the text below has this SHA-256)'
      : `(the text below has the SHA-256 ${digest}, not the one recorded)`;
}

void main();
