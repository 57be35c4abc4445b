/**
 * The search page: reads `q` from the URL, asks Pagefind, and lists the hits.
 * Nothing is downloaded until there is a query.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  // A URL in a variable: the bundler must leave this import to the browser.
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
  return pagefind;
}

/**
 * Appends Pagefind's excerpt to `el` as text, with only its <mark> highlights
 * kept as elements: nothing from the index is ever parsed as HTML.
 */
export function appendExcerpt(el: HTMLElement, excerpt: string): void {
  const parts = excerpt.split(/(<mark>|<\/mark>)/u);
  let inMark = false;
  for (const part of parts) {
    if (part === '<mark>') inMark = true;
    else if (part === '</mark>') inMark = false;
    else if (part) {
      const text = document.createTextNode(decodeEntities(part));
      if (inMark) {
        const mark = document.createElement('mark');
        mark.append(text);
        el.append(mark);
      } else el.append(text);
    }
  }
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&amp;/gu, '&');
}

/** Wires up the search page. */
export async function runSearchPage(): Promise<void> {
  const input = document.getElementById('search-q') as HTMLInputElement | null;
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  if (!input || !status || !list) return;
  const q = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  input.value = q;
  if (!q) {
    status.textContent = 'Type words or a "quoted phrase" and press Search.';
    return;
  }
  status.textContent = 'Searching…';
  try {
    const pf = await loadPagefind();
    const search = await pf.search(q);
    const data = await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
    list.replaceChildren();
    for (const d of data) {
      const li = document.createElement('li');
      const h = document.createElement('h2');
      const a = document.createElement('a');
      a.href = d.url;
      a.textContent = d.meta['title'] ?? d.url;
      h.append(a);
      const p = document.createElement('p');
      appendExcerpt(p, d.excerpt);
      li.append(h, p);
      list.append(li);
    }
    const n = search.results.length;
    status.textContent = n === 0 ? `No statements match “${q}”.` : `${n} statement${n === 1 ? '' : 's'} match “${q}”.`;
  } catch {
    status.textContent = 'Search could not load. Browse the statements by speaker, year or theme instead.';
  }
}
