/**
 * citation.js (`@citation-js/core` with its BibTeX, RIS and CSL plugins) as
 * the tests use it: a real consumer reading our citation files into CSL-JSON
 * items.
 */
import { createRequire } from 'node:module';

/** A CSL-JSON item as the consumers hand it back (the fields the tests read). */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: { family?: string; given?: string; literal?: string }[];
  issued?: { 'date-parts': number[][] };
  'event-date'?: { 'date-parts': number[][] };
  'event-title'?: string;
  'event-place'?: string;
  'publisher-place'?: string;
  publisher?: string;
  'container-title'?: string;
  'collection-title'?: string;
  genre?: string;
  medium?: string;
  URL?: string;
  language?: string;
  keyword?: string;
  version?: string;
  edition?: string;
  note?: string | string[];
  annote?: string;
  'citation-key'?: string;
}

const require = createRequire(import.meta.url);
const citationJs = require('@citation-js/core') as {
  plugins: { input: { chain(data: unknown, options: { forceType: string; generateGraph: boolean }): CslItem[] } };
};
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');
require('@citation-js/plugin-csl');

/**
 * Items read by citation.js from data of a given type (`@biblatex/text`,
 * `@ris/file`, `@csl/list+object`, …).
 */
export function citationJsItems(data: unknown, forceType: string): CslItem[] {
  return citationJs.plugins.input.chain(data, { forceType, generateGraph: false });
}
