import type { APIRoute } from 'astro';
import { z } from 'zod';
import { corpusExport } from '../../edition/schemas.ts';

/** The JSON Schema of corpus.json, generated from the zod schemas the edition itself is validated with. */
export const GET: APIRoute = () => {
  const schema = { ...z.toJSONSchema(corpusExport, { io: 'output' }), title: 'Migration Statements corpus.json' };
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
};
