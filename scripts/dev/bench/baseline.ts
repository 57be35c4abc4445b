/**
 * The bench's baseline: a bare Astro project over the same normalized
 * statements (a `glob` collection with a permissive schema and one page per
 * statement, `<h1>` and the rendered Markdown in `<main data-pagefind-body>`),
 * indexed by plain Pagefind. What any Astro + Pagefind site of this corpus
 * costs, against which our pipeline's time is reported.
 */
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The files of the bare project (path relative to its root → text), over the `.md` files in `statementsDir`. */
export function baselineProjectFiles(statementsDir: string): Map<string, string> {
  return new Map([
    [
      'astro.config.mjs',
      `import { defineConfig } from 'astro/config';\n\nexport default defineConfig({ site: 'http://localhost:4321' });\n`,
    ],
    [
      'src/content.config.ts',
      [
        `import { defineCollection } from 'astro:content';`,
        `import { glob } from 'astro/loaders';`,
        `import { z } from 'astro/zod';`,
        '',
        'const statements = defineCollection({',
        `  loader: glob({ pattern: '*.md', base: ${JSON.stringify(statementsDir)} }),`,
        '  schema: z.looseObject({ title: z.string() }),',
        '});',
        '',
        'export const collections = { statements };',
        '',
      ].join('\n'),
    ],
    [
      'src/pages/statements/[id].astro',
      [
        '---',
        `import { getCollection, render } from 'astro:content';`,
        '',
        'export async function getStaticPaths() {',
        `  const entries = await getCollection('statements');`,
        '  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));',
        '}',
        'const { entry } = Astro.props;',
        'const { Content } = await render(entry);',
        '---',
        '',
        '<html lang="en">',
        '  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>',
        '  <body>',
        '    <main data-pagefind-body>',
        '      <h1>{entry.data.title}</h1>',
        '      <Content />',
        '    </main>',
        '  </body>',
        '</html>',
        '',
      ].join('\n'),
    ],
  ]);
}

/**
 * Writes the bare project into `dir` and gives it a `node_modules` of its own
 * whose packages are links to `nodeModules` (this repository's): the project
 * runs our Astro, while its caches (`node_modules/.astro`, `.vite`) stay in `dir`.
 */
export function writeBaselineProject(dir: string, statementsDir: string, nodeModules: string): void {
  for (const [path, text] of baselineProjectFiles(statementsDir)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  for (const name of readdirSync(nodeModules).filter((n) => !n.startsWith('.'))) {
    symlinkSync(join(nodeModules, name), join(dir, 'node_modules', name), 'dir');
  }
}
