/**
 * The concordance page: `?q=cooperation&sort=left&aliases=1`. Lines come from
 * the pure functions in src/analysis/analysis.ts over `/data/concordance.json.gz`,
 * loaded only when there is a query.
 */
import { concordance, kwicCsv, sortKwic } from '../analysis/analysis.ts';
import { type AliasGroup, fold } from '../search/query.ts';
import { loadCorpusData } from './corpus-data.ts';
import { el } from './dom.ts';
import { blockHref } from '../edition/block-ids.ts';
import { statementPath } from '../site/routes.ts';

/** The terms to look for: the query, and with aliases on, the other names of its group. */
export function kwicTerms(q: string, aliases: AliasGroup[], withAliases: boolean): string[] {
  const term = q.replace(/["“”]/gu, '').trim();
  if (!term) return [];
  if (!withAliases) return [term];
  const group = aliases.find((g) => g.names.some((n) => fold(n) === fold(term)));
  return group ? [...new Set([term, ...group.names])] : [term];
}

export async function runConcordancePage(): Promise<void> {
  const form = document.getElementById('kwic-form') as HTMLFormElement | null;
  const input = document.getElementById('kwic-q') as HTMLInputElement | null;
  const sort = document.getElementById('kwic-sort') as HTMLSelectElement | null;
  const aliasBox = document.getElementById('kwic-aliases') as HTMLInputElement | null;
  const status = document.getElementById('kwic-status');
  const out = document.getElementById('kwic-output');
  const counts = document.getElementById('kwic-counts');
  const download = document.getElementById('kwic-download');
  const hint = document.getElementById('kwic-hint');
  const configEl = document.getElementById('kwic-config');
  if (!form || !input || !sort || !aliasBox || !status || !out || !counts || !download || !hint || !configEl) return;
  const { aliases } = JSON.parse(configEl.textContent ?? '{}') as { aliases: AliasGroup[] };

  const show = async () => {
    const params = new URLSearchParams(location.search);
    const q = (params.get('q') ?? '').trim();
    const by = (['left', 'right', 'date'] as const).find((s) => s === params.get('sort')) ?? 'date';
    const withAliases = params.get('aliases') === '1';
    input.value = q;
    sort.value = by;
    aliasBox.checked = withAliases;
    const terms = kwicTerms(q, aliases, withAliases);
    if (terms.length === 0) {
      status.textContent = 'Type a word or phrase to see every occurrence in context.';
      out.replaceChildren();
      counts.replaceChildren();
      hint.hidden = true;
      download.hidden = true;
      return;
    }
    status.textContent = 'Looking…';
    const { statements, paragraphs } = await loadCorpusData();
    const lines = sortKwic(concordance(paragraphs, terms), by, statements);
    const perStatement = new Map<number, number>();
    for (const l of lines) perStatement.set(l.s, (perStatement.get(l.s) ?? 0) + 1);
    status.textContent = `${lines.length} occurrence${lines.length === 1 ? '' : 's'} of ${terms.map((t) => `“${t}”`).join(' or ')} in ${perStatement.size} statement${perStatement.size === 1 ? '' : 's'}.`;
    counts.replaceChildren(
      ...(perStatement.size > 0
        ? [
            el('h2', {}, 'By statement'),
            el(
              'ul',
              {},
              ...[...perStatement].map(([s, n]) =>
                el(
                  'li',
                  {},
                  el('a', { href: statementPath(statements[s]!.id) }, `${statements[s]!.speaker}, ${statements[s]!.dateLabel}`),
                  `: ${n}`,
                ),
              ),
            ),
          ]
        : []),
    );
    const rows = lines.map((l) => {
      const s = statements[l.s]!;
      const hl = new URLSearchParams();
      hl.set('hl', l.match);
      const toggle = el('button', { type: 'button', className: 'kw print-text', ariaExpanded: 'false' }, l.match);
      toggle.setAttribute('aria-describedby', 'kwic-hint');
      return el(
        'tr',
        { role: 'row' },
        // The span keeps the left context in its own (left-to-right) order inside the right-to-left cell that cuts it at its start.
        el('td', { className: 'left', role: 'cell' }, el('span', {}, l.left)),
        el('td', { className: 'match', role: 'cell' }, toggle),
        el('td', { className: 'right', role: 'cell' }, l.right),
        el(
          'td',
          { className: 'src', role: 'cell' },
          el('a', { href: blockHref(`${statementPath(s.id)}?${hl.toString()}`, l.id) }, `${s.speaker}, ${s.dateLabel}, ¶${l.n}`),
        ),
      );
    });
    hint.hidden = lines.length === 0;
    // The table is laid out as a CSS grid (every keyword in one column at any width); the roles are
    // said explicitly because some browsers drop a table's semantics when its display changes.
    out.replaceChildren(
      ...(lines.length > 0
        ? [
            el(
              'table',
              { role: 'table' },
              el('caption', { className: 'sr-only' }, 'Occurrences in context'),
              el(
                'thead',
                { role: 'rowgroup' },
                el(
                  'tr',
                  { role: 'row' },
                  el('th', { scope: 'col', role: 'columnheader', className: 'left' }, 'Before'),
                  el('th', { scope: 'col', role: 'columnheader', className: 'match' }, 'Match'),
                  el('th', { scope: 'col', role: 'columnheader', className: 'right' }, 'After'),
                  el('th', { scope: 'col', role: 'columnheader', className: 'src' }, 'Where'),
                ),
              ),
              el('tbody', { role: 'rowgroup' }, ...rows),
            ),
          ]
        : []),
    );
    if (lines.length > 0) {
      const csv = kwicCsv(lines, statements, location.origin);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      download.replaceChildren(
        el(
          'a',
          {
            href: url,
            download: `concordance-${terms[0]!
              .replace(/[^\p{L}\p{N}]+/gu, ' ')
              .trim()
              .replace(/ /gu, '-')
              .toLowerCase()}.csv`,
          },
          `Download these ${lines.length} lines as CSV`,
        ),
      );
      download.hidden = false;
    } else download.hidden = true;
  };

  const navigate = () => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    if (sort.value !== 'date') params.set('sort', sort.value);
    if (aliasBox.checked) params.set('aliases', '1');
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    void show();
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate();
  });
  // A line's keyword shows the whole line (its contexts unclipped) or cuts it again.
  out.addEventListener('click', (e) => {
    const toggle = e.target instanceof Element ? e.target.closest('button.kw') : null;
    if (!(toggle instanceof HTMLButtonElement)) return;
    const open = toggle.ariaExpanded !== 'true';
    toggle.ariaExpanded = String(open);
    toggle.closest('tr')?.classList.toggle('open', open);
  });
  sort.addEventListener('change', navigate);
  aliasBox.addEventListener('change', navigate);
  window.addEventListener('popstate', () => void show());
  void show();
}
