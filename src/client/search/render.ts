/**
 * Drawing a search on the page: result items, facet counts and the status
 * line. Text only ever goes in as text (`el`), never as HTML.
 */
import { type Facet, fold, highlightTerms, type ParsedQuery, searchStatus } from '../../search/query.ts';
import { el } from '../dom.ts';
import type { StatementHit } from './excerpt.ts';
import type { FacetCounts, Session } from './session.ts';

/** Paragraph hits shown per statement before "and N more". */
export const HITS_PER_STATEMENT = 5;

/**
 * The button under a result that shows the paragraph hits it does not show yet.
 * @example moreParagraphsLabel(1) // => 'Show 1 more paragraph of this statement'
 * @example moreParagraphsLabel(3) // => 'Show 3 more paragraphs of this statement'
 */
export function moreParagraphsLabel(n: number): string {
  return `Show ${n} more ${n === 1 ? 'paragraph' : 'paragraphs'} of this statement`;
}

/**
 * One result: the statement's title (a link, with the searched words to
 * highlight there), speaker and date, which alias
 * names found it, and its first paragraph hits, each linked to its paragraph
 * with the searched words to highlight there; a button shows the rest.
 */
export function renderHit(hit: StatementHit, q: ParsedQuery, typed: string | null): HTMLLIElement {
  const hl = new URLSearchParams();
  for (const t of [...highlightTerms(q), ...hit.names]) hl.append('hl', t);
  const base = hit.url;
  const li = el('li');
  // The statement's own link carries the words too: the page opens with them marked.
  const marked = hl.toString() ? `${base}?${hl.toString()}` : base;
  li.append(el('h2', {}, el('a', { href: marked }, hit.data.meta['title'] ?? base)));
  li.append(el('p', { className: 'meta' }, `${hit.data.meta['speaker'] ?? ''} · ${hit.data.meta['date'] ?? ''}`));
  const others = typed ? hit.names.filter((n) => fold(n) !== fold(typed)) : [];
  if (others.length > 0) {
    const also = hit.names.length > others.length ? `“${typed}” and ` : '';
    li.append(
      el(
        'p',
        { className: 'alias' },
        `Found as ${also}${others.map((n) => `“${n}”`).join(', ')}: ${others.length === 1 ? 'another name' : 'other names'} for “${typed}”.`,
      ),
    );
  }
  if (hit.paragraphs.length > 0) {
    const item = (p: StatementHit['paragraphs'][number]) => {
      const out = el('li');
      out.append(el('a', { className: 'pnum', href: `${base}?${hl.toString()}#${p.id}` }, `¶${p.n}`), ' ');
      for (const [text, marked] of p.pieces) out.append(marked ? el('mark', {}, text) : text);
      return out;
    };
    const list = el('ol', { className: 'paras' }, ...hit.paragraphs.slice(0, HITS_PER_STATEMENT).map(item));
    li.append(list);
    // The rest open in place, each linked and highlighted like the first; focus moves to the first of them.
    const rest = hit.paragraphs.slice(HITS_PER_STATEMENT);
    if (rest.length > 0) {
      const button = el('button', { type: 'button', className: 'more-paras' }, moreParagraphsLabel(rest.length));
      const box = el('p', { className: 'more' }, button);
      button.addEventListener('click', () => {
        const items = rest.map(item);
        list.append(...items);
        box.remove();
        items[0]?.querySelector('a')?.focus();
      });
      li.append(box);
    }
  }
  return li;
}

/** The status line, and whether "Show more results" is offered. */
export function renderStatus(status: HTMLElement, moreBox: HTMLElement, s: Session): void {
  status.textContent = searchStatus(s.statusFacts());
  moreBox.hidden = !s.hasMore;
}

/** Writes each filter value's count (dimming values with none), and says when they are upper bounds. */
export function renderCounts(controls: HTMLElement, countsNote: HTMLElement, s: Session, fc: FacetCounts): void {
  for (const c of controls.querySelectorAll<HTMLElement>('.count')) {
    const key = c.dataset['countFor'] ?? '';
    const n = fc.counts.get(key) ?? 0;
    const facet = key.split(':')[0] as Facet;
    c.textContent = fc.atMost.has(facet) && n > 0 ? `(up to ${n.toLocaleString('en-US')})` : `(${n.toLocaleString('en-US')})`;
    c.closest('li')?.classList.toggle('empty', n === 0);
  }
  countsNote.hidden = fc.atMost.size === 0;
  countsNote.textContent =
    s.runs.length > 1
      ? "“Up to”: Pagefind's counts for each name, matching word stems, added up (a statement found under two names counts twice), before the check for the exact names."
      : "“Up to”: Pagefind's count, matching word stems, before the check for the exact phrase.";
}

/** Empties every filter value's count and hides the note about them. */
export function clearCounts(controls: HTMLElement, countsNote: HTMLElement): void {
  for (const c of controls.querySelectorAll('.count')) c.textContent = '';
  countsNote.hidden = true;
}
