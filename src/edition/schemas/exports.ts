/**
 * The shape of `/data/corpus.json.gz` (gzipped) (its JSON Schema is generated from these).
 */
import { z } from 'zod';
import { slug } from './primitives.ts';
import { speakerSchema, themeSchema } from './collections.ts';
import { statementFrontmatter } from './statement.ts';
import { editionVersion } from './editions.ts';
import { blockHashSchema } from './ids.ts';

/** A block of a statement in the corpus export. */
export const paragraphExport = z
  .object({
    /** `p-7`: the block's id for life, its anchor on the statement page; not its ¶ number (the two may differ after the first edition). */
    id: slug,
    /** The ¶ number in this edition: the block's place in reading order. */
    n: z.number().int().min(1),
    /** Content hash of `text`: the first 12 hex digits of its SHA-256 (UTF-8). The same hash, the same text. */
    hash: blockHashSchema,
    /** paragraph | heading | ordered-item | bullet-item. */
    kind: z.enum(['paragraph', 'heading', 'ordered-item', 'bullet-item']),
    /** For ordered items, the item number; else null. */
    number: z.number().int().nullable(),
    /** The text as the edition gives it. */
    text: z.string(),
  })
  .strict();

/** `/data/corpus.json.gz` (gzipped): every statement with its metadata, edition report and paragraphs. */
export const corpusExport = z
  .object({
    /** What this file is. */
    name: z.string(),
    /** The site it comes from. */
    url: z.string(),
    /** The edition this file is: its version (which citations give) and the day it was published. */
    edition: z
      .object({
        version: editionVersion,
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
      })
      .strict(),
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
