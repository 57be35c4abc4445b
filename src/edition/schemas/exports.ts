/**
 * The shape of `/data/corpus.json` (its JSON Schema is generated from these).
 */
import { z } from 'zod';
import { slug } from './primitives.ts';
import { speakerSchema, themeSchema } from './collections.ts';
import { statementFrontmatter } from './statement.ts';

/** A block of a statement in the corpus export. */
export const paragraphExport = z
  .object({
    /** `p-7`: the anchor on the statement page. */
    id: slug,
    /** The ¶ number. */
    n: z.number().int().min(1),
    /** paragraph | heading | ordered-item | bullet-item. */
    kind: z.enum(['paragraph', 'heading', 'ordered-item', 'bullet-item']),
    /** For ordered items, the item number; else null. */
    number: z.number().int().nullable(),
    /** The text as the edition gives it. */
    text: z.string(),
  })
  .strict();

/** `/data/corpus.json`: every statement with its metadata, edition report and paragraphs. */
export const corpusExport = z
  .object({
    /** What this file is. */
    name: z.string(),
    /** The site it comes from. */
    url: z.string(),
    /** The edition's licence (SPDX id, its URL) and what it does not cover. */
    license: z.object({ spdx: z.string(), url: z.string(), note: z.string() }).strict(),
    /** Statements in date order. */
    statements: z.array(
      statementFrontmatter.extend({
        /** The statement's page. */
        url: z.string(),
        /** Its blocks in reading order. */
        paragraphs: z.array(paragraphExport),
      }),
    ),
    /** The speakers. */
    speakers: z.array(speakerSchema),
    /** The themes with their match terms. */
    themes: z.array(themeSchema),
  })
  .strict();
export type CorpusExport = z.infer<typeof corpusExport>;
