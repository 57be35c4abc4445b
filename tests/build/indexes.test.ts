/**
 * Over the fixture's site (tests/fixtures/content/ → dist-fixture/, `npm run
 * build:fixture`): every index lists exactly the statements it should, and each
 * statement page carries its metadata, marks and provenance. The exact names,
 * years, counts and citations are the five seeds'; what holds for any corpus
 * is in tests/invariants/indexes.ts, run over the live site too.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type CheerioAPI, load } from 'cheerio';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { StatementFrontmatter } from '../../src/edition/schemas.ts';
import type { SearchManifest } from '../../src/search/parts.ts';
import { FIXTURE_SITE, splitStatement } from '../helpers/content.ts';
import { indexParts, partFragments, partPageCount } from '../helpers/pagefind-files.ts';

const { content: CONTENT, dist: DIST } = FIXTURE_SITE;
const page = (path: string): CheerioAPI => load(readFileSync(join(DIST, path, 'index.html'), 'utf8'));
const statements: StatementFrontmatter[] = readdirSync(join(CONTENT, 'statements'))
  .filter((n) => n.endsWith('.md'))
  .map((n) => parse(splitStatement(readFileSync(join(CONTENT, 'statements', n), 'utf8')).frontmatter) as StatementFrontmatter)
  .sort((a, b) => (a.date.value < b.date.value ? -1 : 1));
const ids = (list: StatementFrontmatter[]) => list.map((s) => s.id);

/** Statement ids linked from the page's main content, in order, without repeats. */
function linkedStatements($: CheerioAPI): string[] {
  const out: string[] = [];
  $('main a[href^="/statements/"]').each((_i, a) => {
    const m = /^\/statements\/([^/#]+)\/$/u.exec($(a).attr('href') ?? '');
    if (m && !out.includes(m[1]!)) out.push(m[1]!);
  });
  return out;
}

describe('index pages', () => {
  it('/speakers/ lists exactly the four speakers, William Lacy Swing with two statements', () => {
    const $ = page('speakers');
    const items = $('main .entries > li')
      .toArray()
      .map((li) => [$(li).find('h2').text().trim(), $(li).find('.muted').text().trim()]);
    expect(items.map((i) => i[0]).sort()).toEqual(['Chen Xu', 'Ke Yousheng', 'William Lacy Swing', 'Wu Haitao']);
    expect(items.find((i) => i[0] === 'William Lacy Swing')![1]).toBe('2 statements');
  });

  it('/years/ lists exactly 2010, 2012, 2014, 2021, 2023', () => {
    const $ = page('years');
    expect(
      $('main .years > li > a')
        .toArray()
        .map((a) => $(a).text()),
    ).toEqual(['2010', '2012', '2014', '2021', '2023']);
  });

  it('each speaker, year, theme, type and on-behalf-of page lists exactly its statements in date order', () => {
    const checks: [string, string[]][] = [];
    for (const sp of new Set(statements.map((s) => s.speaker.value))) {
      checks.push([`speakers/${sp}`, ids(statements.filter((s) => s.speaker.value === sp))]);
    }
    for (const y of new Set(statements.map((s) => s.date.value.slice(0, 4)))) {
      checks.push([`years/${y}`, ids(statements.filter((s) => s.date.value.startsWith(y)))]);
    }
    for (const t of new Set(statements.flatMap((s) => s.themes.map((x) => x.id)))) {
      checks.push([`themes/${t}`, ids(statements.filter((s) => s.themes.some((x) => x.id === t)))]);
    }
    for (const type of new Set(statements.map((s) => s.type))) {
      checks.push([`types/${type}`, ids(statements.filter((s) => s.type === type))]);
    }
    for (const who of new Set(statements.map((s) => s.onBehalfOf.value))) {
      checks.push([`on-behalf-of/${who!.toLowerCase()}`, ids(statements.filter((s) => s.onBehalfOf.value === who))]);
    }
    for (const [path, expected] of checks) expect(linkedStatements(page(path)), path).toEqual(expected);
    expect(checks.length).toBe(4 + 5 + 10 + 4 + 2);
  });

  it('the home page lists the latest statements newest first, and /statements/ every statement in date order, on one page', () => {
    expect(linkedStatements(page(''))).toEqual(ids(statements).reverse());
    expect(linkedStatements(page('statements'))).toEqual(ids(statements));
    // Five statements fit on one page: no pager.
    expect(page('statements')('nav.pager')).toHaveLength(0);
  });

  it('each theme page says why each statement has the theme', () => {
    const $ = page('themes/global-compact');
    expect(
      $('main .why')
        .toArray()
        .map((p) => $(p).text()),
    ).toEqual(['Why: The text mentions “GCM” ×4, “Global Compact” ×1.', 'Why: The text mentions “Global Compact” ×1.']);
  });
});

describe('statement pages', () => {
  it('mark inferred facts and give their evidence in a <details>', () => {
    const chen = page('statements/2023-chen-xu-iom-council');
    const facts = chen('.facts dt')
      .toArray()
      .map((dt) => [chen(dt).text(), chen(dt).next('dd').find('details.inferred p').text()]);
    const inferred = Object.fromEntries(facts.filter(([, ev]) => ev !== ''));
    expect(Object.keys(inferred)).toEqual(['Place', 'Date']);
    expect(inferred['Date']).toContain('Amy Pope');
    expect(chen('.facts time').attr('datetime')).toBe('2023');
    expect(chen('.facts time').text()).toBe('2023');

    const swing = page('statements/2010-03-02-swing-cbmm-training-beijing');
    expect(swing('.facts dt:contains("Speaker") + dd details.inferred p').text()).toContain('former head of MONUC');
    expect(swing('.facts dt:contains("Speaker") + dd a').attr('href')).toBe('/speakers/william-lacy-swing/');
  });

  it('show the date at its precision', () => {
    expect(page('statements/2021-03-ke-yousheng-gcm-review-asia-pacific')('.facts time').text()).toBe('March 2021');
    expect(page('statements/2012-11-28-wu-haitao-iom-council')('.facts time').text()).toBe('28 November 2012');
  });

  it('say "Not recorded" for an unknown role and source URL', () => {
    const $ = page('statements/2021-03-ke-yousheng-gcm-review-asia-pacific');
    expect($('.facts dt:contains("Role at the time") + dd').text().trim()).toBe('Not recorded');
    expect($('.provenance dt:contains("Source") + dd').first().text().trim()).toBe('Not recorded');
  });

  it('cite the statement with its edition, show how to cite a paragraph of substance with its id, and point to the corpus citation files', () => {
    const $ = page('statements/2012-11-28-wu-haitao-iom-council');
    expect($('#cite-plain').text()).toBe(
      'Wu Haitao. “Statement by Ambassador Wu Haitao, Head of the Chinese Delegation, at the General Debate, 101st Session of the Council, IOM”. Statement, General Debate, 101st Session of the IOM Council, Geneva, 28 November 2012. Migration Statements, edition 1.0. https://example.org/statements/2012-11-28-wu-haitao-iom-council/ [accessed …]',
    );
    expect($('#cite-bibtex').text()).toMatch(/^@unpublished\{2012-11-28-wu-haitao-iom-council,\n {2}author = \{Wu, Haitao\},/u);
    // ¶2, the first paragraph of 25 words or more ("Mr. President, Director General Swing," is ¶1).
    expect($('[data-cite-example]').text()).toMatch(
      /, 28 November 2012, ¶2\. Migration Statements, edition 1\.0\. https:\/\/example\.org\/statements\/2012-11-28-wu-haitao-iom-council\/#p-2 \[accessed …\]$/u,
    );
    expect(
      $('.cite .downloads a')
        .toArray()
        .map((a) => $(a).attr('href')),
    ).toEqual(['/data/statements.bib', '/data/statements.ris', '/data/statements.csl.json']);
  });

  it('report what the edition removed and rejoined, with provenance links', () => {
    const $ = page('statements/2014-05-iom-swing-migration-governance-china');
    const changes = $('.changes > li')
      .toArray()
      .map((li) => $(li).text().replace(/\s+/gu, ' ').trim());
    expect(changes[0]).toMatch(/^Removed by the editor \(lines 1–22\): The navigation menu of the iom\.int website/u);
    expect(changes[1]).toMatch(/^Removed title \(line 23\)/u);
    expect(changes[2]).toMatch(/^Removed press-contact footer \(lines 34–38\)/u);
    expect($('.changes pre').eq(2).text()).toContain('pliljert@iom.int');
    expect($('.provenance dt:contains("Original file") + dd').text()).toMatch(
      /^\s*003_1e0d9a2d3cac57c3\.txt \(raw text, as received\), in sources\.tar\.gz/u,
    );
    expect($('.provenance a[href="/data/sources.tar.gz"]')).toHaveLength(1);
    expect($('.provenance a[href="/data/statements.tei.xml.gz"]')).toHaveLength(1);
    expect($('.provenance code.hash').text()).toBe('8604585df2c896c0af6cc771145eb927d15de06ccd637712e33459cf3a138786');

    const wu = page('statements/2012-11-28-wu-haitao-iom-council');
    const rejoins = wu('.changes > li:contains("Rejoined")')
      .toArray()
      .map((li) => wu(li).text().replace(/\s+/gu, ' '));
    expect(rejoins).toHaveLength(2);
    expect(rejoins[0]).toContain('“…and work for common” + “development. All countries should…”, now ¶4');
  });

  it('show the [sic] note on the 2010 speech', () => {
    const $ = page('statements/2010-03-02-swing-cbmm-training-beijing');
    expect($('.report li:contains("[sic]")').text()).toContain('¶8, “Representatives form the European Union”');
  });

  it('link to the previous and next statement by date', () => {
    statements.forEach((s, i) => {
      const $ = page(`statements/${s.id}`);
      expect($('a[rel="prev"]').attr('href') ?? null).toBe(i > 0 ? `/statements/${statements[i - 1]!.id}/` : null);
      expect($('a[rel="next"]').attr('href') ?? null).toBe(i < statements.length - 1 ? `/statements/${statements[i + 1]!.id}/` : null);
    });
  });

  it('give word count and reading time', () => {
    // Hyphens separate words (src/edition/text.ts): "counter-trafficking" and "multi-Ministry" count as two each.
    expect(page('statements/2010-03-02-swing-cbmm-training-beijing')('.facts dt:contains("Length") + dd').text()).toBe(
      '1,031 words · about 5 min to read · ¶1–¶41',
    );
  });

  it('give each theme’s term counts beside it, or say the editors added it', () => {
    const $ = page('statements/2010-03-02-swing-cbmm-training-beijing');
    const themes = $('.facts dt:contains("Themes") + dd');
    expect(themes.find('a[href="/themes/trafficking-and-smuggling/"] + .theme-terms').text()).toBe('(“traffick*” ×16)');
    expect(themes.text()).toContain('International cooperation (“cooperation” ×7, “partnership*” ×3, “dialogue*” ×2)');
  });
});

describe('files for readers and machines', () => {
  it('publish an RSS feed with every statement, newest first', () => {
    const $ = load(readFileSync(join(DIST, 'feed.xml'), 'utf8'), { xml: true });
    expect(
      $('item > link')
        .toArray()
        .map((l) => $(l).text()),
    ).toEqual([...statements].reverse().map((s) => `https://example.org/statements/${s.id}/`));
  });

  it('list every page but the 404 in the sitemap', () => {
    const xml = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1]!.replace('https://example.org', ''));
    for (const s of statements) expect(locs).toContain(`/statements/${s.id}/`);
    for (const p of ['/', '/statements/', '/speakers/', '/years/', '/themes/', '/about/', '/search/']) expect(locs).toContain(p);
    expect(locs.some((l) => l.includes('404'))).toBe(false);
  });

  it('describe each statement page with JSON-LD, OpenGraph and a canonical URL', () => {
    const $ = page('statements/2010-03-02-swing-cbmm-training-beijing');
    const ld = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
    expect(ld).toMatchObject({
      '@type': 'CreativeWork',
      name: 'CBMM China: Training for Immigration and Consular Officials on Risk Profiling for Victims of Trafficking',
      dateCreated: '2010-03-02',
      author: { '@type': 'Person', name: 'William Lacy Swing', jobTitle: 'Director General, IOM' },
      locationCreated: { name: 'Beijing' },
    });
    expect($('link[rel="canonical"]').attr('href')).toBe('https://example.org/statements/2010-03-02-swing-cbmm-training-beijing/');
    expect($('meta[property="og:type"]').attr('content')).toBe('article');
  });
});

describe('the search index', () => {
  it('has one part a year (built with SEARCH_PART_STATEMENTS=1), holding exactly the statements of that year, and nothing else is indexed', () => {
    const years = [...new Set(statements.map((s) => s.date.value.slice(0, 4)))].sort();
    expect(indexParts(DIST)).toEqual(years);
    for (const year of years) {
      const urls = [...partFragments(DIST, year).keys()].sort();
      expect(urls, year).toEqual(
        statements
          .filter((s) => s.date.value.startsWith(year))
          .map((s) => `/statements/${s.id}/`)
          .sort(),
      );
      expect(partPageCount(DIST, year)).toBe(urls.length);
    }
    // The records the parts were built from are build input, never deployed.
    expect(existsSync(join(DIST, 'search', 'records'))).toBe(false);
  });

  it('/search/index.json lists the parts newest first with their sizes, and every filter value with its label', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'search', 'index.json'), 'utf8')) as SearchManifest;
    expect(manifest.parts.map((p) => p.id)).toEqual(indexParts(DIST).reverse());
    expect(manifest.parts.reduce((n, p) => n + p.statements, 0)).toBe(statements.length);
    expect(manifest.first).toBe(500);
    expect(manifest.labels.speaker['ke-yousheng']).toBe('Ke Yousheng');
    expect(Object.keys(manifest.labels.year)).toEqual(indexParts(DIST));
  });

  it("records a statement's title and text, each block's id at its first word, its filters and what a result shows", () => {
    const id = '2021-03-ke-yousheng-gcm-review-asia-pacific';
    const fragment = partFragments(DIST, '2021').get(`/statements/${id}/`)!;
    const $ = page(`statements/${id}`);
    const title = $('h1').text();
    const words = fragment.content.split(' ');
    expect(fragment.content.startsWith(`${title} `)).toBe(true);
    // Each block's words, at the position its record gives, are the paragraph as the page shows it (without its ¶ link).
    const blocks = $('.text [data-block]').toArray();
    expect(blocks).toHaveLength(16);
    const starts = fragment.meta['blocks']!.split(' ').map((b) => b.split(':'));
    expect(starts.map(([blockId]) => blockId)).toEqual(blocks.map((b) => $(b).attr('id')));
    for (const [i, [blockId, first]] of starts.entries()) {
      const el = $(blocks[i]).clone();
      el.find('.block-link, .id-note').remove();
      const shown = el.text().split(/\s+/u).filter(Boolean);
      expect(words.slice(Number(first), Number(first) + shown.length), blockId).toEqual(shown);
    }
    expect(fragment.anchors).toEqual([]);
    expect(fragment.filters).toEqual({
      speaker: ['ke-yousheng'],
      year: ['2021'],
      theme: [
        'global-compact',
        'migrants-rights',
        'development-root-causes',
        'international-cooperation',
        'migration-governance',
        'covid-19',
      ],
      type: ['remarks'],
      behalf: ['china'],
    });
    // The date as lists show it: this one the edition inferred.
    expect([fragment.meta['title'], fragment.meta['speaker'], fragment.meta['date']]).toEqual([
      title,
      'Ke Yousheng',
      'March 2021 (inferred)',
    ]);
  });

  it('leaves no search attribute in the pages: the index is built from records, not from the HTML', () => {
    for (const path of ['', 'statements', 'speakers', 'about', 'search', 'statements/2021-03-ke-yousheng-gcm-review-asia-pacific']) {
      expect(readFileSync(join(DIST, path, 'index.html'), 'utf8'), path).not.toContain('data-pagefind');
    }
  });
});
