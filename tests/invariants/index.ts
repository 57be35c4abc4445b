/**
 * What must hold for any corpus and the site built from it: the checks the
 * live corpus (content/ → dist/) is held to, whatever statements it gains.
 * Each takes the content folder the site was built from and the site's
 * folder, and returns the problems it finds: an empty list when all holds.
 * None carries a number or a name from the corpus: exact expectations belong
 * to the tests over the frozen fixture (tests/fixtures/content/).
 *
 * tests/build/invariants.test.ts breaks a copy of a built site in each of the
 * ways these look for, to show that each can fail.
 */
import { dataFiles } from './data.ts';
import { groupIndexes, speakerIndexes, statementLists, yearIndexes } from './indexes.ts';
import { links, missingValuePaths } from './links.ts';
import { blockAnchors, statementPages } from './statements.ts';

export type Invariant = (contentDir: string, distDir: string) => string[];

/** The invariants over the data and the pages (the links have their own, below). */
export const CONTENT_INVARIANTS: Readonly<Record<string, Invariant>> = {
  'every statement has its page, showing its speaker (or "Not recorded"), length and blocks': statementPages,
  'every block of the Markdown is on its page under its anchor #p-n, with its exact text': blockAnchors,
  'the list of all statements, the home page, the feed, the sitemap and the search index hold every statement': statementLists,
  'the years index and each year list every statement of that year, with counts that agree': yearIndexes,
  'the speakers index and each speaker list every statement of that speaker, and no unknown speaker': speakerIndexes,
  'each theme, type and government or organization lists exactly its statements': groupIndexes,
  'corpus.json.gz, statements.csv and paragraphs.csv.gz hold exactly the statements, word and block counts of the data': dataFiles,
  'no page or link is named after a missing value (/speakers/null/)': missingValuePaths,
};

/** Every internal link, resource and #fragment resolves; no id is repeated on a page. */
export const LINK_INVARIANTS: Readonly<Record<string, Invariant>> = {
  'every internal link, resource and #fragment resolves, and no page repeats an id': links,
};

export const ALL_INVARIANTS: Readonly<Record<string, Invariant>> = { ...CONTENT_INVARIANTS, ...LINK_INVARIANTS };
