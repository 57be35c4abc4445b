/**
 * Themes by transparent rules: a theme applies when its match terms occur in
 * the text often enough; the editor can add or remove one with a reason.
 */
import type { StatementMeta, Theme, ThemeAssignment } from '../../../src/edition/schemas.ts';
import { escapeRegExp } from '../../../src/edition/regexp.ts';

/** Folds what should not matter for matching: case and curly vs straight apostrophes. */
function fold(text: string): string {
  return text.toLowerCase().replace(/[’‘]/gu, "'");
}

/**
 * The regular expression source for a match term: whole words, case-folded,
 * any run of spaces for a space, and a trailing `*` for any word ending.
 * @example termPattern('traffick*') // => "traffick[\\p{L}\\p{N}]*"
 */
export function termPattern(term: string): string {
  const wildcard = term.endsWith('*');
  const base = fold(wildcard ? term.slice(0, -1) : term).trim();
  const body = base
    .split(/\s+/u)
    .map((w) => escapeRegExp(w))
    .join(String.raw`\s+`);
  return wildcard ? `${body}[\\p{L}\\p{N}]*` : body;
}

/**
 * Counts the terms in a text without counting any stretch twice: where matches
 * overlap, the longer one wins ("Big Data" is not also "data"; in "illegal entry
 * and exit", "entry and exit" beats "illegal entry"), then the earlier one.
 * A term listed twice counts once. Results are sorted longest term first.
 * @example countTerms('Big Data and data', ['data', 'Big Data'])
 * // => [{ term: 'Big Data', count: 1 }, { term: 'data', count: 1 }]
 */
export function countTerms(text: string, terms: string[]): { term: string; count: number }[] {
  const unique = [...new Map(terms.map((t) => [fold(t).trim(), t])).values()];
  const ordered = unique.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const folded = fold(text);
  const matches: { term: string; start: number; end: number }[] = [];
  for (const term of ordered) {
    // A cheap test first: the term's first word (up to any wildcard) must occur as a string at all.
    const head = fold(term).trim().replace(/\*$/u, '').split(/\s+/u)[0]!;
    if (!folded.includes(head)) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${termPattern(term)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of folded.matchAll(re)) matches.push({ term, start: m.index, end: m.index + m[0].length });
  }
  matches.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: { start: number; end: number }[] = [];
  const counts = new Map<string, number>();
  for (const m of matches) {
    if (taken.some((t) => m.start < t.end && t.start < m.end)) continue;
    taken.push(m);
    counts.set(m.term, (counts.get(m.term) ?? 0) + 1);
  }
  return ordered.filter((t) => counts.has(t)).map((term) => ({ term, count: counts.get(term)! }));
}

/**
 * Assigns themes to a text: every theme whose terms occur at least
 * `minMatches` times, plus the editor's additions, minus the editor's removals,
 * each with the reason a reader sees. Sorted by theme order in `themes`.
 */
export function assignThemes(text: string, themes: Theme[], overrides: StatementMeta['themes']): ThemeAssignment[] {
  const removed = new Set(overrides.remove.map((r) => r.theme));
  const out: ThemeAssignment[] = [];
  for (const theme of themes) {
    if (removed.has(theme.id)) continue;
    const added = overrides.add.find((a) => a.theme === theme.id);
    const terms = countTerms(text, theme.terms);
    const total = terms.reduce((s, t) => s + t.count, 0);
    if (total >= theme.minMatches) {
      const list = terms.map((t) => `“${t.term}” ×${t.count}`).join(', ');
      out.push({ id: theme.id, how: 'matched', terms, reason: `The text mentions ${list}.` });
    } else if (added) {
      out.push({ id: theme.id, how: 'added', terms, reason: added.reason });
    }
  }
  return out;
}
