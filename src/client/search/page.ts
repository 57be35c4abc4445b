/**
 * The search page. The whole state (query, filters, order) lives in the URL;
 * the form, the result list and the facet counts are drawn from it. Pagefind
 * finds pages; the session (`session.ts`) checks quoted phrases against each
 * paragraph's text, expands aliases, and groups paragraph hits by statement.
 * Nothing from the index is ever parsed as HTML. Before a search, the page
 * loads only the list of the index's parts and the filters' labels
 * (`/search/index.json`); a search loads the parts it covers (`parts.ts`).
 * This module wires the page: the form, the URL and its history, the buttons.
 */
import { type Facet, hasFilters, noFilters, paramsFromState, type SearchState, stateFromParams } from '../../search/query.ts';
import { type SearchManifest, scopeNote, searchScope } from '../../search/parts.ts';
import { el } from '../dom.ts';
import { loadPagefind } from './pagefind.ts';
import { clearCounts, renderCounts, renderHit, renderStatus } from './render.ts';
import { Session } from './session.ts';

/** Wires up the search page. */
export function runSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  const input = document.getElementById('search-q') as HTMLInputElement | null;
  const sortSelect = document.getElementById('search-sort') as HTMLSelectElement | null;
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const controls = document.getElementById('search-controls');
  const browse = document.getElementById('search-browse');
  const moreBox = document.getElementById('search-more');
  const more = document.getElementById('search-more-button') as HTMLButtonElement | null;
  const countsNote = document.getElementById('search-counts-note');
  const countsAsk = document.getElementById('search-counts-ask');
  const countsButton = document.getElementById('search-counts-button');
  const scopeBox = document.getElementById('search-scope');
  const scopeInput = document.getElementById('search-scope-input') as HTMLInputElement | null;
  if (
    !form ||
    !input ||
    !sortSelect ||
    !status ||
    !list ||
    !controls ||
    !browse ||
    !moreBox ||
    !more ||
    !countsNote ||
    !countsAsk ||
    !countsButton ||
    !scopeBox ||
    !scopeInput
  )
    return;
  /** The index's parts, the filters' labels and the aliases: loaded once, before the first search is drawn. */
  const manifest: Promise<SearchManifest> = fetch('/search/index.json').then((r) => {
    if (!r.ok) throw new Error(`/search/index.json: ${r.status}`);
    return r.json() as Promise<SearchManifest>;
  });
  const facetsDrawn = manifest.then((m) => drawFacets(controls, m.labels));
  // The filters are open beside the results on wide screens, and one tap away above them on narrow ones (the page's CSS hides the summary when wide).
  const filtersBox = document.getElementById('search-filters') as HTMLDetailsElement | null;
  const wide = matchMedia('(min-width: 52rem)');
  const fitFilters = () => {
    if (filtersBox) filtersBox.open = wide.matches;
  };
  fitFilters();
  wide.addEventListener('change', fitFilters);
  /** Each search has a number; an older one that finishes late draws nothing. */
  let generation = 0;
  /** The search on screen, which "Show more" continues. */
  let current: Session | null = null;
  let loadingMore = false;
  /**
   * Whether the reader asked for facet counts over many matches. They need
   * Pagefind's whole filter index (about 160 kB at 10,000 statements), so a
   * search that finds many statements shows them only on request; once asked,
   * every later search counts at once.
   */
  let countsWanted = false;

  const readForm = (): SearchState => stateFromParams(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
  const writeForm = (state: SearchState) => {
    input.value = state.q;
    sortSelect.value = state.sort;
    // The reader's choice to search every statement holds for the searches that follow.
    scopeInput.disabled = !state.all;
    for (const box of controls.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      box.checked = state.filters[box.name as Facet]?.includes(box.value) ?? false;
    }
    // Closed, the filters still say how many are in force.
    const chosen = Object.values(state.filters).reduce((n, values) => n + values.length, 0);
    const summary = filtersBox?.querySelector('summary');
    if (summary) summary.textContent = chosen > 0 ? `Order and filters (${chosen} chosen)` : 'Order and filters';
  };

  const show = async (state: SearchState, browseAll = false) => {
    const mine = ++generation;
    current = null;
    document.title = state.q ? `“${state.q}” · Search · Migration Statements` : 'Search · Migration Statements';
    moreBox.hidden = true;
    countsAsk.hidden = true;
    scopeBox.hidden = true;
    controls.removeAttribute('aria-busy');
    if (!state.q && !hasFilters(state) && !browseAll) {
      list.replaceChildren();
      status.textContent = 'Type words or a "quoted phrase", or browse all statements.';
      browse.hidden = false;
      clearCounts(controls, countsNote);
      controls.hidden = false;
      return;
    }
    browse.hidden = true;
    status.textContent = 'Searching…';
    try {
      const m = await manifest;
      await facetsDrawn;
      if (mine !== generation) return;
      writeForm(state);
      const scope = searchScope(m.parts, state, m.first);
      if (scope.parts.length === 0) {
        list.replaceChildren();
        status.textContent = 'No statement is from the years chosen.';
        controls.hidden = false;
        return;
      }
      const s = new Session(state, await loadPagefind(scope.parts.map((p) => p.id)), m.aliases);
      // Exact: facets are counted from the statements just loaded. Otherwise from Pagefind, once the results are on screen.
      const counts = await s.start();
      if (mine !== generation) return;
      current = s;
      list.replaceChildren(...s.showFirst().map((h) => renderHit(h, s.parsed, s.typed)));
      // Shown with the first results, not before: appearing below them moves nothing.
      controls.hidden = false;
      if (counts) renderCounts(controls, countsNote, s, counts);
      else {
        clearCounts(controls, countsNote);
        if (countsWanted) controls.setAttribute('aria-busy', 'true');
        else countsAsk.hidden = false;
      }
      renderStatus(status, moreBox, s);
      renderScope(
        scopeBox,
        scopeNote(scope, state.sort),
        `${location.pathname}?${paramsFromState({ ...state, all: true }).toString()}`,
        scope.total,
      );
      if (s.passed.length === 0 && s.complete && hasFilters(state)) {
        const retry = el('button', { type: 'button', className: 'button secondary' }, 'Search without filters');
        retry.addEventListener('click', () => go({ ...state, filters: noFilters() }, 'push'));
        list.replaceChildren(el('li', {}, retry));
      }
      if (!counts && countsWanted) await countLater(s, mine);
    } catch {
      if (mine === generation) {
        status.textContent = 'Search could not load. Browse the statements by speaker, year or theme instead.';
        controls.hidden = false;
        controls.removeAttribute('aria-busy');
      }
    }
  };

  /** Draws the facet counts of a search with many matches, unless another search has started since. */
  const countLater = async (s: Session, mine: number) => {
    controls.setAttribute('aria-busy', 'true');
    const later = await s.facetCounts();
    if (mine !== generation) return;
    renderCounts(controls, countsNote, s, later);
    controls.removeAttribute('aria-busy');
  };

  countsButton.addEventListener('click', () => {
    const s = current;
    countsWanted = true;
    countsAsk.hidden = true;
    if (!s) return;
    // Focus stays in the filters, on the first of them, where the counts appear.
    controls.querySelector<HTMLInputElement>('input[type=checkbox]')?.focus();
    void countLater(s, generation).catch(() => {
      controls.removeAttribute('aria-busy');
      countsNote.hidden = false;
      countsNote.textContent = 'The counts could not load.';
    });
  });

  const showMore = async () => {
    const s = current;
    if (!s || loadingMore) return;
    loadingMore = true;
    more.setAttribute('aria-disabled', 'true');
    status.textContent = 'Loading more results…';
    try {
      await s.loadMore();
      if (current !== s) return;
      const items = s.showNext().map((h) => renderHit(h, s.parsed, s.typed));
      list.append(...items);
      renderStatus(status, moreBox, s);
      // Keyboard and screen-reader users go on reading at the first new result; if none
      // came and the button is gone, at the last result.
      const next = items[0] ?? (moreBox.hidden ? list.lastElementChild : null);
      next?.querySelector<HTMLElement>('h2 a')?.focus();
    } catch {
      if (current === s) status.textContent = 'More results could not load. Try again.';
    } finally {
      loadingMore = false;
      more.removeAttribute('aria-disabled');
    }
  };

  const go = (state: SearchState, history: 'push' | 'replace' | 'none', browseAll = false) => {
    const params = paramsFromState(state).toString();
    const url = `${location.pathname}${params ? `?${params}` : ''}`;
    if (history === 'push' && url !== `${location.pathname}${location.search}`) window.history.pushState(null, '', url);
    if (history === 'replace') window.history.replaceState(null, '', url);
    writeForm(state);
    void show(state, browseAll);
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(readForm(), 'push');
  });
  controls.addEventListener('change', () => go(readForm(), 'push'));
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => go(readForm(), 'replace'), 350);
  });
  document.getElementById('search-clear')?.addEventListener('click', () => {
    go({ ...readForm(), filters: noFilters() }, 'push');
  });
  document.getElementById('search-browse-all')?.addEventListener('click', () => go(readForm(), 'none', true));
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => go(stateFromParams(new URLSearchParams(location.search)), 'none'));

  scopeBox.addEventListener('click', (e) => {
    const link = (e.target as HTMLElement).closest('a');
    if (!link) return;
    e.preventDefault();
    go(stateFromParams(new URL(link.href).searchParams), 'push');
  });

  go(stateFromParams(new URLSearchParams(location.search)), 'none');
}

/** Fills each filter's list with its values (from /search/index.json), each with a place for its count. */
function drawFacets(controls: HTMLElement, labels: Record<Facet, Record<string, string>>): void {
  for (const fieldset of controls.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')) {
    const facet = fieldset.dataset['facet'] as Facet;
    const items = Object.entries(labels[facet] ?? {}).map(([value, label]) => {
      const id = `f-${facet}-${value}`;
      const box = el('input', { type: 'checkbox', id, name: facet, value });
      box.setAttribute('form', 'search-form');
      const count = el('span', { className: 'count' });
      count.dataset['countFor'] = `${facet}:${value}`;
      return el('li', {}, box, el('label', { htmlFor: id }, `${label} `, count));
    });
    fieldset.querySelector('ul')?.replaceChildren(...items);
  }
}

/** Says which statements a search covered when it left some out, with a link to search them all. */
function renderScope(box: HTMLElement, note: string | null, allUrl: string, total: number): void {
  if (!note) return;
  box.replaceChildren(`${note} `, el('a', { href: allUrl }, `Search all ${total.toLocaleString('en-US')} statements`));
  box.hidden = false;
}
