/**
 * Long lists are split into pages of this many statements, so that no page of
 * the site grows with the corpus (a 10,000-statement archive gives 100 pages of
 * all statements, not one page of 10,000).
 */
export const PAGE_SIZE = 100;

/** How many of the newest statements the home page lists. */
export const HOME_LATEST = 20;
