/**
 * How a speaker's roles read on the page.
 */
import type { Speaker } from './schemas.ts';

/**
 * A role with its years: "Director General, IOM (2008–2018)", "Ambassador (2023)".
 * @example roleLabel({ title: 'Ambassador', from: 2023, to: 2023 }) // => 'Ambassador (2023)'
 */
export function roleLabel(role: Speaker['roles'][number]): string {
  const { title, from, to } = role;
  if (from === null && to === null) return title;
  if (from !== null && to !== null) return from === to ? `${title} (${from})` : `${title} (${from}–${to})`;
  return from !== null ? `${title} (from ${from})` : `${title} (until ${to})`;
}
