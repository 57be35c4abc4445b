/**
 * The source view over the built sites (run after `npm run build:site` and
 * `npm run build:fixture`): one page serves every statement, and every
 * statement page links it from "About this text".
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { sourceViewPath } from '../../src/site/routes.ts';
import { FIXTURE_SITE, LIVE_SITE } from '../helpers/content.ts';

describe.each([LIVE_SITE, FIXTURE_SITE])('statement pages of the $name site', (site) => {
  const ids = readdirSync(join(site.dist, 'statements'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !/^\d+$/u.test(d.name))
    .map((d) => d.name);

  it('link their source view from “About this text”', () => {
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const $ = load(readFileSync(join(site.dist, 'statements', id, 'index.html'), 'utf8'));
      const a = $('.report a').filter((_, e) => $(e).attr('href') === sourceViewPath(id));
      expect(a.text(), id).toBe('View the source as received, with the edition’s changes marked');
    }
  });

  it('have one source view page for them all, which without JavaScript links the raw sources', () => {
    const $ = load(readFileSync(join(site.dist, 'source', 'index.html'), 'utf8'));
    expect($('#source-rows').length).toBe(1);
    expect($('noscript').html()).toContain('href="/data/sources.tar.gz"');
  });
});
