/**
 * Regular-expression helpers shared by the normalizer and the site.
 */

/**
 * Escapes a string for use inside a regular expression.
 * @example escapeRegExp('St. Petersburg (Russia)') // => 'St\\. Petersburg \\(Russia\\)'
 */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
