/**
 * The edition's schemas, one module per concern under `schemas/`, gathered
 * here. The normalizer (`scripts/normalize.ts`) validates the human-edited
 * metadata with the `*Input` schemas and writes frontmatter that
 * `src/content.config.ts` validates again with the output schemas.
 *
 * Loose input is accepted only where it helps a person writing YAML: a fact can
 * be a bare value (meaning "stated in the source") instead of an object.
 */
export * from './schemas/primitives.ts';
export * from './schemas/facts.ts';
export * from './schemas/metadata.ts';
export * from './schemas/collections.ts';
export * from './schemas/statement.ts';
export * from './schemas/exports.ts';
export * from './schemas/editions.ts';
export * from './schemas/ids.ts';
