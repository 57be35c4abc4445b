/**
 * Invariants of the statement pages, true of any corpus: every statement in
 * `<content>/statements/` has its page, and nothing else claims to be one;
 * every block of its Markdown is on the page under its anchor `#p-n` with
 * exactly its text; the facts a reader sees are the frontmatter's.
 * Each function returns the problems it finds (an empty list when all holds).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { fileFor, isDirectory, readEdition, textOf } from './read.ts';

/** Text of an HTML fragment as a browser shows it: tags out, the few entities we emit decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/gu, '')
    .replace(/&#x([0-9a-f]+);/giu, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/gu, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/gu, '"')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');
}

/**
 * Every statement has its page at `/statements/<id>/`, every page there (list
 * pages `/statements/2/` aside) is a statement's, and each page shows the
 * statement's speaker (a link to the speaker's page, or "Not recorded"), its
 * length in words and blocks as the frontmatter gives them, and one element
 * per block.
 */
export function statementPages(contentDir: string, distDir: string): string[] {
  const problems: string[] = [];
  const statements = readEdition(contentDir);
  if (statements.length === 0) problems.push(`${contentDir}/statements/: no statements`);
  const ids = new Set(statements.map((s) => s.id));
  const folder = join(distDir, 'statements');
  if (isDirectory(folder)) {
    for (const name of readdirSync(folder)) {
      if (/^\d+$/u.test(name) || !isDirectory(join(folder, name))) continue; // a page of the list of all statements
      if (!ids.has(name)) problems.push(`/statements/${name}/: a statement page for no statement in ${contentDir}/statements/`);
    }
  }
  for (const s of statements) {
    const path = `/statements/${s.id}/`;
    const file = fileFor(distDir, path);
    if (file === null) {
      problems.push(`${s.file}: no page ${path}`);
      continue;
    }
    const $ = load(readFileSync(file, 'utf8'));
    const fact = (label: string) =>
      $('.facts dt')
        .filter((_i, dt) => $(dt).text().trim() === label)
        .first()
        .next('dd');
    const speaker = fact('Speaker');
    const speakerLinks = speaker
      .find('a')
      .toArray()
      .map((a) => $(a).attr('href'));
    if (s.data.speaker.value === null) {
      const shown = speaker.clone().children('details').remove().end().text().replace(/\s+/gu, ' ').trim();
      if (shown !== 'Not recorded') problems.push(`${path}: the unknown speaker is shown as "${shown}", not "Not recorded"`);
      if (speakerLinks.length > 0) problems.push(`${path}: the unknown speaker links to ${speakerLinks.join(', ')}`);
    } else if (!speakerLinks.includes(`/speakers/${s.data.speaker.value}/`)) {
      problems.push(
        `${path}: the speaker does not link to /speakers/${s.data.speaker.value}/ (links: ${speakerLinks.join(', ') || 'none'})`,
      );
    }
    const length = fact('Length').text().replace(/\s+/gu, ' ').trim();
    const words = `${s.data.words.toLocaleString('en')} words`;
    const blocks = `¶1–¶${s.data.blocks}`;
    if (!length.startsWith(words) || !length.endsWith(blocks)) {
      problems.push(`${path}: the length reads "${length}", not ${words} … ${blocks} as the frontmatter says`);
    }
    const shownBlocks = $('.text [data-block]').length;
    if (shownBlocks !== s.data.blocks) problems.push(`${path}: ${shownBlocks} blocks on the page, ${s.data.blocks} in the frontmatter`);
    if (textOf($, 'h1') !== s.data.title.replace(/\s+/gu, ' ').trim()) problems.push(`${path}: the <h1> is not the title`);
  }
  return problems;
}

/**
 * Every block of every statement's Markdown is on its page as the element
 * with the block's id (`p-7`), `data-block` and Pagefind title, opening with
 * its ¶ link and holding exactly the block's text; every retired id has an
 * anchor; no block marker or source HTML leaks through, and no id is used twice.
 */
export function blockAnchors(contentDir: string, distDir: string): string[] {
  const problems: string[] = [];
  for (const s of readEdition(contentDir)) {
    const path = `/statements/${s.id}/`;
    const file = fileFor(distDir, path);
    if (file === null) {
      problems.push(`${s.file}: no page ${path}`);
      continue;
    }
    const html = readFileSync(file, 'utf8');
    s.blocks.forEach((b, i) => {
      const n = i + 1; // the ¶ number is the block's place in reading order, whatever its id
      const tag = b.kind === 'heading' ? 'h2' : b.kind === 'paragraph' ? 'p' : 'li';
      const m = new RegExp(`<${tag} id="${b.id}" data-block="${n}">([\\s\\S]*?)</${tag}>`, 'u').exec(html);
      if (m === null) {
        problems.push(`${path}: no <${tag} id="${b.id}"> for ¶${n}`);
        return;
      }
      const link = `<a class="block-link" href="#${b.id}" title="Link to paragraph ${n}">¶${n}</a>`;
      if (!m[1]!.startsWith(link)) problems.push(`${path}#${b.id}: does not open with its ¶ link`);
      // Notes on ids (where old links land) are apparatus inside the block, not its text.
      else if (visibleText(m[1]!.slice(link.length).replace(/<span [^>]*class="id-note[^"]*"[^>]*>[^<]*<\/span>/gu, '')) !== b.text) {
        problems.push(`${path}#${b.id}: the text differs from the Markdown's`);
      }
    });
    // Every retired id still has an anchor on the page, so an old link lands.
    for (const r of s.data.retired) {
      if (!html.includes(` id="${r.id}"`)) problems.push(`${path}: no anchor for the retired id ${r.id}; links to it land nowhere`);
    }
    if (html.includes('{#p-')) problems.push(`${path}: a {#p-n} marker is shown as text`);
    if (/<\/?sup\b/u.test(html)) problems.push(`${path}: source HTML (<sup>) reached the page`);
    const ids = [...html.matchAll(/\sid="([^"]+)"/gu)].map((x) => x[1]!);
    const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    if (repeated.length > 0) problems.push(`${path}: repeated ids ${repeated.join(', ')}`);
  }
  return problems;
}
