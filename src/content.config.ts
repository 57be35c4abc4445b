/**
 * Content collections. The schemas come from `src/edition/schemas.ts`, the same module
 * the normalizer validates with; here the speaker becomes a collection reference.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { contentPath } from './site/paths.ts';
import { aliasGroupSchema, fact, speakerSchema, statementFrontmatter, themeSchema } from './edition/schemas.ts';

const statements = defineCollection({
  loader: glob({ pattern: '*.md', base: contentPath('statements') }),
  schema: statementFrontmatter.extend({ speaker: fact(reference('speakers')) }),
});

const speakers = defineCollection({
  loader: file(contentPath('speakers.yaml')),
  schema: speakerSchema,
});

const themes = defineCollection({
  loader: file(contentPath('themes.yaml')),
  schema: themeSchema,
});

const aliases = defineCollection({
  loader: file(contentPath('aliases.yaml')),
  schema: aliasGroupSchema,
});

export const collections = { statements, speakers, themes, aliases };
