/**
 * The one place pages get their data: the collections, turned into the corpus
 * view once per build.
 */
import { getCollection } from 'astro:content';
import { type Corpus, buildCorpus } from './corpus.ts';
import { blocksFromMarkdown } from '../edition/statement-text.ts';
import { readEditions, readWordReference } from './editions.ts';

let cached: Promise<Corpus> | undefined;

/** The corpus view for the pages (computed once, then shared). */
export function getCorpus(): Promise<Corpus> {
  cached ??= (async () => {
    const [statements, speakers, themes] = await Promise.all([
      getCollection('statements'),
      getCollection('speakers'),
      getCollection('themes'),
    ]);
    const data = statements.map((e) => ({
      ...e.data,
      speaker: { ...e.data.speaker, value: e.data.speaker.value?.id ?? null },
    }));
    const blocks = new Map(statements.map((e) => [e.id, blocksFromMarkdown(e.body ?? '')]));
    return buildCorpus(
      data,
      speakers.map((s) => s.data),
      themes.map((t) => t.data),
      blocks,
      readEditions(),
      readWordReference(),
    );
  })();
  return cached;
}
