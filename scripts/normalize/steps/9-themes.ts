/**
 * Themes by transparent rules: a theme applies when its match terms occur in
 * the text often enough; the editor can add or remove one with a reason.
 * Terms are found and counted by the edition's one term matcher
 * (`src/edition/text.ts`), so a count here is the count the theme chart and
 * the concordance give for the same term.
 */
import type { StatementMeta, Theme, ThemeAssignment } from '../../../src/edition/schemas.ts';
import { countTerms, tokenize } from '../../../src/edition/text.ts';

/**
 * Why a matched theme applies, as the reader sees it: each term with its
 * count, and the number of places when overlapping terms make the counts add
 * up to more ("climate" inside "climate change").
 * @example matchReason([{ term: 'traffick*', count: 16 }], 16) // => 'The text mentions “traffick*” ×16.'
 */
export function matchReason(terms: { term: string; count: number }[], places: number): string {
  const list = terms.map((t) => `“${t.term}” ×${t.count}`).join(', ');
  const sum = terms.reduce((s, t) => s + t.count, 0);
  if (sum === places) return `The text mentions ${list}.`;
  return `The text mentions ${list} (${places} ${places === 1 ? 'place' : 'places'} in all, as the terms overlap).`;
}

/**
 * Assigns themes to a text: every theme whose terms occur in at least
 * `minMatches` distinct places, plus the editor's additions, minus the
 * editor's removals, each with the reason a reader sees. Sorted by theme order
 * in `themes`; a theme's terms most frequent first. Linear in the text: it is tokenized once and each term is
 * looked up through an index of its words.
 */
export function assignThemes(text: string, themes: Theme[], overrides: StatementMeta['themes']): ThemeAssignment[] {
  const tokens = tokenize(text);
  const removed = new Set(overrides.remove.map((r) => r.theme));
  const out: ThemeAssignment[] = [];
  for (const theme of themes) {
    if (removed.has(theme.id)) continue;
    const added = overrides.add.find((a) => a.theme === theme.id);
    const counted = countTerms(tokens, theme.terms);
    const places = counted.places;
    // Most frequent first; ties in the order themes.yaml lists the terms.
    const terms = counted.terms
      .map((t, i) => ({ t, i }))
      .sort((a, b) => b.t.count - a.t.count || a.i - b.i)
      .map(({ t }) => t);
    if (places >= theme.minMatches) {
      out.push({ id: theme.id, how: 'matched', terms, reason: matchReason(terms, places) });
    } else if (added) {
      out.push({ id: theme.id, how: 'added', terms, reason: added.reason });
    }
  }
  return out;
}
