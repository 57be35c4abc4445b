/**
 * "Download this statement" in Chromium, on the fixture's site
 * (tests/fixtures/content/ → dist-fixture/): each button gives the file a
 * reader expects, named after the statement; nothing is fetched before the
 * first click and the statement's bucket only once; the Content-Security-Policy
 * is not tripped; without JavaScript the buttons stay hidden and the links remain.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { useSite } from './use-site.ts';
import { FIXTURE_SITE, splitStatement } from '../helpers/content.ts';

const site = useSite(FIXTURE_SITE.dist);
const WU_2012 = '2012-11-28-wu-haitao-iom-council';
const KE_2021 = '2021-03-ke-yousheng-gcm-review-asia-pacific';

async function bytes(download: Download): Promise<Buffer> {
  const chunks = await (await download.createReadStream()).toArray();
  return Buffer.concat(chunks as Buffer[]);
}

/** Opens a statement page, recording the requests it makes and the CSP violations it reports. */
async function open(id: string): Promise<{ page: Page; requests: string[]; violations: () => Promise<string[]> }> {
  const context = await site.browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${site.server.url}/statements/${id}/`);
  await page.waitForLoadState('networkidle');
  return { page, requests, violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

/** Clicks a format's button and returns the download and its text, once the page says it is done. */
async function download(page: Page, label: string): Promise<{ name: string; body: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label, exact: true }).click()]);
  await page.waitForFunction(() => /^Downloaded /u.test(document.querySelector('[data-downloads-status]')?.textContent ?? ''));
  const raw = await bytes(file);
  return { name: file.suggestedFilename(), body: raw.toString('utf8'), bytes: raw };
}

describe('Download this statement', () => {
  it('gives the statement as TEI, plain text, Markdown, JSON and its raw source, fetching one file once, and only on the first click', async () => {
    const { page, requests, violations } = await open(WU_2012);
    const section = page.locator('section[data-statement-downloads]');
    expect(await section.getByRole('button').allTextContents()).toEqual(['TEI P5 XML', 'Plain text', 'Markdown', 'JSON', 'Raw source']);
    // The page has loaded: neither the statement's data nor the code that builds the files.
    expect(requests.filter((p) => p.startsWith('/data/'))).toEqual([]);
    const beforeClick = requests.length;
    const bucket = (await section.getAttribute('data-bucket'))!;

    const tei = await download(page, 'TEI P5 XML');
    expect(tei.name).toBe(`${WU_2012}.tei.xml`);
    const corpusTei = gunzipSync(await (await page.request.get(`${site.server.url}/data/statements.tei.xml.gz`)).body()).toString('utf8');
    const start = corpusTei.indexOf(`<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="statement-${WU_2012}"`);
    expect(tei.body).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n${corpusTei.slice(start, corpusTei.indexOf('</TEI>', start) + 6)}\n`);
    expect(await section.locator('[role="status"]').textContent()).toBe(`Downloaded ${WU_2012}.tei.xml.`);

    const plain = await download(page, 'Plain text');
    expect(plain.name).toBe(`${WU_2012}.txt`);
    const title = (await page.locator('h1').textContent())!;
    expect(plain.body.split('\n')[0]).toBe(title);
    expect(plain.body).toContain('\n\n¶1 Mr. President, Director General Swing,\n\n¶2 The Chinese delegation has carefully listened');
    const paragraphs = await page.locator('.text [data-block]').count();
    expect(plain.body.match(/^¶\d+ /gmu)).toHaveLength(paragraphs);

    const md = await download(page, 'Markdown');
    expect(md.name).toBe(`${WU_2012}.md`);
    expect(md.body.startsWith(`# ${title}\n\n`)).toBe(true);
    // The text is the edition's own Markdown, with each block's id.
    const edition = splitStatement(readFileSync(join(FIXTURE_SITE.content, 'statements', `${WU_2012}.md`), 'utf8')).body;
    expect(md.body.endsWith(`\n\n---\n\n${edition}`)).toBe(true);

    const json = await download(page, 'JSON');
    expect(json.name).toBe(`${WU_2012}.json`);
    const entry = JSON.parse(json.body) as {
      id: string;
      edition: { version: string };
      blocks: { id: string; n: number; hash: string; text: string }[];
    };
    expect(entry.id).toBe(WU_2012);
    expect(entry.edition.version).toBe('1.0');
    expect(entry.blocks).toHaveLength(paragraphs);
    const corpus = JSON.parse(
      gunzipSync(await (await page.request.get(`${site.server.url}/data/corpus.json.gz`)).body()).toString('utf8'),
    ) as {
      statements: { id: string; paragraphs: { id: string; hash: string }[] }[];
    };
    expect(entry.blocks.map((b) => [b.id, b.hash])).toEqual(
      corpus.statements.find((s) => s.id === WU_2012)!.paragraphs.map((p) => [p.id, p.hash]),
    );

    const source = await download(page, 'Raw source');
    expect(source.name).toBe(`${WU_2012}.source.txt`);
    // The file received, byte for byte: its SHA-256 is the one "About this text" shows.
    const shown = (await page.locator('code.hash').first().textContent())!.trim();
    expect(createHash('sha256').update(source.bytes).digest('hex')).toBe(shown);

    const after = requests.slice(beforeClick);
    expect(after.filter((p) => p.startsWith('/data/statements/'))).toEqual([bucket]);
    expect(after.some((p) => /^\/_astro\/downloads\.[\w-]+\.js$/u.test(p))).toBe(true);
    expect(requests.slice(0, beforeClick).some((p) => /^\/_astro\/downloads\./u.test(p))).toBe(false);
    expect(await violations()).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps list items’ numbers in the plain text and Markdown', async () => {
    const { page } = await open(KE_2021);
    const plain = await download(page, 'Plain text');
    expect(plain.body).toMatch(/\n¶5 1\. Resolutely oppose discrimination and hatred against immigrants\./u);
    const md = await download(page, 'Markdown');
    expect(md.body).toMatch(/\n1\. Resolutely oppose discrimination and hatred against immigrants\. [^\n]* \{#p-5\}\n2\. /u);
    await page.context().close();
  });

  it('without JavaScript shows no buttons, and links the files that hold the statement', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/statements/${WU_2012}/`);
    const section = page.locator('section[data-statement-downloads]');
    expect(await section.getByRole('button').count()).toBe(0);
    const links = await section.getByRole('link').allTextContents();
    expect(links).toEqual(expect.arrayContaining(['statements.tei.xml.gz', 'corpus.json.gz', 'paragraphs.csv.gz', 'sources.tar.gz']));
    const bucket = (await section.getAttribute('data-bucket'))!;
    const json = JSON.parse(gunzipSync(await (await page.request.get(site.server.url + bucket)).body()).toString('utf8')) as Record<
      string,
      { id: string }
    >;
    expect(json[WU_2012]!.id).toBe(WU_2012);
    await context.close();
  });
});
