/**
 * The edition's licence, over the live site in dist/: CC BY 4.0 for the
 * data and apparatus, said the same way on the About and Data pages and in
 * every file that has a place for it, and never claimed for the statements'
 * texts. (CITATION.cff, in the repository, is checked here too.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readText } from '../helpers/data-files.ts';

const ROOT = join(import.meta.dirname, '../..');
const read = (p: string): string => readFileSync(join(ROOT, 'dist', p), 'utf8');
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

describe('the licence', () => {
  it.each(['about/index.html', 'data/index.html'])('%s names CC BY 4.0, links it, and says the texts are not covered', (page) => {
    const $ = load(read(page));
    const link = $('a[rel="license"]');
    expect(link.attr('href')).toBe(CC_BY);
    const p = link.closest('p').text();
    expect(p).toContain('CC-BY-4.0');
    expect(p).toMatch(/statements’ texts are not/u);
  });

  it('is in the data package as its SPDX id with the licence URL', () => {
    const pkg = JSON.parse(read('data/datapackage.json')) as { licenses: { name: string; path: string }[] };
    expect(pkg.licenses).toEqual([expect.objectContaining({ name: 'CC-BY-4.0', path: CC_BY })]);
  });

  it('is in corpus.json.gz, with what it does not cover', () => {
    const corpus = JSON.parse(readText(join(ROOT, 'dist', 'data/corpus.json.gz'))) as {
      license: { spdx: string; url: string; note: string };
    };
    expect(corpus.license.spdx).toBe('CC-BY-4.0');
    expect(corpus.license.url).toBe(CC_BY);
    expect(corpus.license.note).toMatch(/texts are not/u);
  });

  it('is in every TEI header, for the apparatus only', () => {
    const tei = readText(join(ROOT, 'dist', 'data/statements.tei.xml.gz'));
    const headers = tei.match(/<teiHeader>/gu)!.length;
    expect(tei.match(new RegExp(`<licence target="${CC_BY}">`, 'gu'))!.length).toBe(headers);
    expect(tei.match(/<availability status="restricted">/gu)!.length).toBe(headers);
  });

  it('heads statements.bib as a comment BibTeX skips', () => {
    expect(read('data/statements.bib').split('\n')[0]).toMatch(/^% .*CC-BY-4\.0.*creativecommons\.org\/licenses\/by\/4\.0\//u);
  });

  it('is the license of CITATION.cff', () => {
    expect((parse(readFileSync(join(ROOT, 'CITATION.cff'), 'utf8')) as { license: string }).license).toBe('CC-BY-4.0');
  });
});
