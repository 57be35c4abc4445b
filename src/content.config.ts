/**
 * Content collections. The schemas come from `src/schemas.ts`, the same module
 * the normalizer validates with; here the speaker becomes a collection reference.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { aliasGroupSchema, fact, speakerSchema, statementFrontmatter, themeSchema } from './schemas.ts';

const statements = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/statements' }),
  schema: statementFrontmatter.extend({ speaker: fact(reference('speakers')) }),
});

const speakers = defineCollection({
  loader: file('./content/speakers.yaml'),
  schema: speakerSchema,
});

const themes = defineCollection({
  loader: file('./content/themes.yaml'),
  schema: themeSchema,
});

const aliases = defineCollection({
  loader: file('./content/aliases.yaml'),
  schema: aliasGroupSchema,
});

export const collections = { statements, speakers, themes, aliases };
