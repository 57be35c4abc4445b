/**
 * Who stands behind the edition, over the built sites (run after `npm run
 * build:site` and `npm run build:fixture`): the About page shows what
 * content/edition.yaml gives — "Not yet given" for every field left empty,
 * never a made-up value — the licence, the edition's version and date, a
 * "Report an error" link only where an address was given, and CITATION.cff,
 * served byte for byte. The live site's edition.yaml is the owner's (checked
 * against whatever it says); the fixture's is filled with fixture values
 * (checked exactly).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/edition/dates.ts';
import { readEditions, readPublication } from '../../src/site/editions.ts';
import { reportLink } from '../../src/site/publication.ts';
import { FIXTURE_SITE, LIVE_SITE, ROOT, type Site } from '../helpers/content.ts';

const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

const about = (site: Site) => load(readFileSync(join(site.dist, 'about', 'index.html'), 'utf8'));
const field = (site: Site, name: string) => about(site)(`dd[data-field="${name}"]`);

describe.each([LIVE_SITE, FIXTURE_SITE])('the About page of the $name site', (site) => {
  const pub = readPublication(join(site.content, 'edition.yaml'));
  const edition = readEditions(join(site.content, 'editions.yaml')).at(-1)!;

  it('names the licence, CC BY 4.0, and links it', () => {
    const dd = field(site, 'licence');
    expect(dd.find(`a[href="${CC_BY}"]`).text()).toBe('CC BY 4.0');
    expect(dd.text()).toContain('Creative Commons Attribution 4.0 International');
  });

  it('gives the edition’s version and date, from editions.yaml', () => {
    expect(field(site, 'edition').text()).toContain(`${edition.version}, ${formatDate({ value: edition.date, precision: 'day' })}`);
  });

  it('links /CITATION.cff, which is the repository’s CITATION.cff byte for byte', () => {
    const $ = about(site);
    expect($('dd[data-field="cite"] a[href="/CITATION.cff"]').length).toBe(1);
    expect($('#cite').nextUntil('h2').find('a[href="/CITATION.cff"]').length).toBe(1);
    expect(readFileSync(join(site.dist, 'CITATION.cff')).equals(readFileSync(join(ROOT, 'CITATION.cff')))).toBe(true);
  });

  it('says "Not yet given" for each field edition.yaml leaves empty, and shows each value given', () => {
    const expectField = (name: string, given: string | null) => {
      const text = field(site, name).text().trim();
      if (given === null) expect(text, name).toBe('Not yet given');
      else expect(text, name).toContain(given);
    };
    expectField('publisher', pub.publisher);
    if (pub.editors.length === 0) expectField('editors', null);
    for (const e of pub.editors) expectField('editors', e.name);
    expectField('contact', pub.contact?.value ?? null);
    expectField('repository', pub.repository);
    if (pub.repository !== null) expect(field(site, 'repository').find('a').attr('href')).toBe(pub.repository);
  });

  it('links "Report an error" as the rule says, or says plainly that no address has been given', () => {
    const report = about(site)('[data-report]');
    const link = reportLink(pub, { title: 'About the edition', url: new URL('/about/', 'http://localhost:4321/').href });
    if (link === null) {
      expect(report.find('a').length).toBe(0);
      expect(report.text()).toContain('No address for reports has been given yet');
    } else {
      // The e-mail's body names the page's URL, which depends on the address the site was built for.
      const noBody = (href: string | undefined) => href?.replace(/&body=.*$/u, '');
      expect(noBody(report.find('a').attr('href'))).toBe(noBody(link.href));
      expect(report.find('a').text()).toBe('Report an error');
    }
  });
});

describe('the About page of the fixture, whose edition.yaml is filled with fixture values', () => {
  const $ = about(FIXTURE_SITE);
  const text = (name: string) => $(`dd[data-field="${name}"]`).text().replace(/\s+/gu, ' ').trim();

  it('names the publisher and the editors, with affiliation and ORCID iD', () => {
    expect(text('publisher')).toBe('Example Publisher (test fixture)');
    expect(
      $('dd[data-field="editors"] li')
        .map((_, li) => $(li).text().replace(/\s+/gu, ' ').trim())
        .get(),
    ).toEqual(['Fixture Editor One', 'Fixture Editor Two, Example University (test fixture) (ORCID 0000-0002-1825-0097)']);
    expect($('dd[data-field="editors"] a').attr('href')).toBe('https://orcid.org/0000-0002-1825-0097');
  });

  it('links the contact and the repository', () => {
    expect($('dd[data-field="contact"] a').attr('href')).toBe('mailto:fixture-editors@example.org');
    expect($('dd[data-field="repository"] a').attr('href')).toBe('https://git.example.org/fixture/migration-statements');
  });

  it('links "Report an error" to an e-mail to the contact, its subject naming the page (the repository’s tracker is not known)', () => {
    const a = $('[data-report] a');
    expect(a.text()).toBe('Report an error');
    expect(a.attr('href')).toBe(
      'mailto:fixture-editors@example.org?subject=Error%20on%20%E2%80%9CAbout%20the%20edition%E2%80%9D&body=Page%3A%20https%3A%2F%2Fexample.org%2Fabout%2F%0A%0A',
    );
    expect($('[data-report]').text()).toContain('writes an e-mail to fixture-editors@example.org');
  });
});
