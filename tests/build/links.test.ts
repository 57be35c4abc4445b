/**
 * Over the built sites (run after `npm run build:site` and `npm run
 * build:fixture`), without a browser: every link and resource inside the site
 * leads to a file that exists, and every #fragment to an element that exists,
 * so no reader meets a 404 or a paragraph link that goes nowhere. Run over the
 * live site (content/ → dist/) and the fixture's (tests/fixtures/content/ →
 * dist-fixture/); the checks are tests/invariants/links.ts.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_SITE, LIVE_SITE } from '../helpers/content.ts';
import { SiteLinks } from '../invariants/links.ts';

describe.each([LIVE_SITE, FIXTURE_SITE])('links in the $name site', (site) => {
  const links = new SiteLinks(site.dist);

  it('the built site has pages with links to check', () => {
    expect(links.htmlFiles.length, `no HTML in ${site.dist}: build the site first`).toBeGreaterThan(0);
    expect(links.references.length).toBeGreaterThan(0);
  });

  it('every internal link and resource points to a file of the site', () => {
    const broken = links.brokenLinks();
    expect(broken, `${broken.length} broken link(s):\n${broken.join('\n')}`).toEqual([]);
  });

  it('every #fragment points to an element with that id on its page', () => {
    const broken = links.brokenFragments();
    expect(broken, `${broken.length} link(s) to a missing #fragment:\n${broken.join('\n')}`).toEqual([]);
  });

  // Astro drops a line break between text and an element on the next line of a template: "in all;" + "<a>how words…</a>" read "in all;how words".
  it('no word runs into the link or code after it, and no count into what it counts', () => {
    const glued = links.htmlFiles.flatMap((file) => {
      const html = readFileSync(file, 'utf8');
      return [
        // A word, then a link or code ("in all;how words…").
        ...html.matchAll(/[\p{L}\p{N};,:]<(?:a|code)\b[^>]*>[^<]{0,30}/gu),
        // A count, then the thing counted ("1statement").
        ...html.matchAll(/[^<>]{0,30}\b\d+(?:statements?|paragraphs?|words?|occurrences?)\b/gu),
      ].map((m) => `${relative(site.dist, file)}: …${m[0]}`);
    });
    expect(glued, glued.join('\n')).toEqual([]);
  });

  it('no page gives the same id to two elements', () => {
    const repeated = links.repeatedIds();
    expect(repeated, `${repeated.length} repeated id(s):\n${repeated.join('\n')}`).toEqual([]);
  });
});
