/**
 * Over the built site in dist/ (run after `astro build`): every HTML file is
 * valid, accessible-by-construction HTML by html-validate's recommended rules
 * (the root .htmlvalidate.json), so browsers and assistive technology get the
 * document structure the pages mean.
 *
 * Rules switched off: `long-title`, html-validate's advice (for search
 * engines' result pages) to keep a `<title>` within 70 characters. A
 * statement's title is what readers cite and find it by, so its tab and
 * bookmark carry it whole, then the site's name (`documentTitle`,
 * src/site/site.ts); cutting it at 70 characters left "…" and no site name.
 * Astro's output itself passes the recommended rules (it writes
 * `<!DOCTYPE html>` upper-case whatever the source says, which
 * `doctype-style` accepts). If a future Astro emits something a rule rejects
 * and the pages cannot avoid, turn off only that rule in .htmlvalidate.json
 * and say here which rule, and what Astro emits that it rejects.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const files = statSync(DIST, { throwIfNoEntry: false })?.isDirectory()
  ? walk(DIST)
      .filter((f) => f.endsWith('.html'))
      .sort()
  : [];

// Reads the configuration from .htmlvalidate.json, as the html-validate CLI and editors do.
const htmlvalidate = new HtmlValidate(new FileSystemConfigLoader());

describe('HTML in dist/', () => {
  it('the built site has HTML files', () => {
    expect(files.length, 'no HTML in dist/: build the site first (npx astro build)').toBeGreaterThan(0);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s is valid HTML', async (name, file) => {
    const report = await htmlvalidate.validateFile(file);
    const errors = report.results.flatMap((r) =>
      r.messages
        .filter((m) => m.severity === 2)
        .map((m) => `${name}:${m.line}:${m.column}:${m.ruleId}: ${m.message}${m.selector ? ` (at ${m.selector})` : ''}`),
    );
    expect(errors, `${errors.length} HTML error(s):\n${errors.join('\n')}`).toEqual([]);
  });
});
