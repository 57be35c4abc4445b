/**
 * Reading and validating every input before anything is normalized:
 * source files, their metadata, speakers and themes. All problems are
 * collected so that one run shows every one of them.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  type Edition,
  editionsSchema,
  type Lock,
  type Speaker,
  type StatementMeta,
  type Theme,
  speakerSchema,
  statementMetaInput,
  themeSchema,
} from '../../../src/edition/schemas.ts';
import { LOCK_SUFFIX, lockFileOf, readLock } from './locks.ts';
import { type Problem, zodProblems } from '../problems.ts';
import { checkBuildNeeds } from './build-checks.ts';
import { decodeYaml, parseYaml } from './yaml.ts';
import {
  caseCollisions,
  displayName,
  FileProblem,
  MAX_SOURCE_BYTES,
  MAX_YAML_BYTES,
  nameProblems,
  pathProblem,
  readFolder,
  readRegularFile,
} from './files.ts';

/** A source with its validated metadata. */
export interface SourceEntry {
  /** Path relative to the content folder, e.g. `sources/000_x.txt`. */
  file: string;
  /** The raw bytes. */
  bytes: Uint8Array;
  /** Validated metadata. */
  meta: StatementMeta;
  /** The cache key of this source, its metadata and its lock (see `LoadCache`), when loaded with a cache. */
  key?: string;
  /** Its lock (`sources/<name>.lock.json`), or null when it has none yet. */
  lock: Lock | null;
  /** The cache key with another lock text: the key the next run will compute once this run has written the lock (with a cache). */
  keyWithLock?: (lockText: string) => string;
}

/**
 * Lets `loadContent` skip parsing a metadata file whose source and text are
 * unchanged since a run that validated them: `keyOf` hashes them, `metaFor`
 * gives the metadata that run validated for that key, if any. Checks across
 * files (hashes, speakers, themes, duplicate ids) still run on it.
 */
export interface LoadCache {
  keyOf(bytes: Uint8Array, metaText: string, lockText: string): string;
  metaFor(file: string, key: string): StatementMeta | undefined;
}

/** Everything the normalizer needs, validated. */
export interface Content {
  sources: SourceEntry[];
  speakers: Speaker[];
  themes: Theme[];
  /** content/editions.yaml: the last is the current edition. */
  editions: Edition[];
}

/** A `FileProblem`'s message; anything else thrown while reading is a bug and goes on up. */
function fileMessage(err: unknown): string {
  if (err instanceof FileProblem) return err.message;
  throw err;
}

/**
 * Reads a YAML list of entries with ids (`speakers.yaml`, `themes.yaml`,
 * `aliases.yaml`) as every input is read, validating each entry and refusing
 * duplicate ids; problems are added to `problems`. An `optional` file may be
 * missing.
 */
export function readYamlList<T>(path: string, file: string, schema: z.ZodType<T>, problems: Problem[], optional = false): T[] {
  if (optional && pathProblem(path) === 'missing') return [];
  let text: string;
  try {
    text = decodeYaml(readRegularFile(path, MAX_YAML_BYTES, 'a YAML file'));
  } catch (err) {
    problems.push({ file, where: '', message: fileMessage(err) });
    return [];
  }
  const parsed = parseYaml(text, file);
  problems.push(...parsed.problems);
  if (parsed.problems.length > 0) return [];
  if (!Array.isArray(parsed.value)) {
    problems.push({ file, where: '(top level)', message: 'must be a list of entries' });
    return [];
  }
  const out: T[] = [];
  const seen = new Set<string>();
  parsed.value.forEach((entry: unknown, i: number) => {
    const r = schema.safeParse(entry);
    if (!r.success) {
      problems.push(...zodProblems(r.error, file, `${i}.`));
      return;
    }
    const id = (r.data as { id: string }).id;
    if (seen.has(id)) problems.push({ file, where: `${i}.id`, message: `duplicate id "${id}"` });
    seen.add(id);
    out.push(r.data);
  });
  return out;
}

/**
 * Loads and validates the content folder: `sources/*.txt` each with a
 * `sources/*.yaml` beside it, `speakers.yaml` and `themes.yaml`. Checks the
 * SHA-256 of each source, references to speakers and themes, and duplicate ids.
 * Every file is read as scripts/normalize/io/files.ts says: only regular files
 * inside the content folder (links, pipes, devices and folders are refused by
 * name before anything is read), at most `MAX_SOURCE_BYTES` for a source and
 * `MAX_YAML_BYTES` for a YAML file, and only names every machine can check out.
 */
export function loadContent(contentDir: string, cache?: LoadCache): { content: Content; problems: Problem[] } {
  const problems: Problem[] = [];
  const speakers = readYamlList(join(contentDir, 'speakers.yaml'), 'speakers.yaml', speakerSchema, problems);
  const themes = readYamlList(join(contentDir, 'themes.yaml'), 'themes.yaml', themeSchema, problems);
  const editions = readEditionsFile(join(contentDir, 'editions.yaml'), problems);
  const speakerIds = new Set(speakers.map((s) => s.id));
  const themeIds = new Set(themes.map((t) => t.id));

  const sourcesDir = join(contentDir, 'sources');
  let names: string[] = [];
  try {
    names = readFolder(sourcesDir).sort();
  } catch (err) {
    problems.push({ file: 'sources/', where: '', message: fileMessage(err) });
  }
  const texts = names.filter((n) => n.endsWith('.txt'));
  const metas = names.filter((n) => n.endsWith('.yaml'));
  const locks = names.filter((n) => n.endsWith(LOCK_SUFFIX));
  // Refused by name before anything is read: names other machines cannot check
  // out or the source archive cannot hold, and paths that are not regular files.
  const refused = new Set<string>();
  const collisions = caseCollisions(names);
  for (const name of names) {
    const file = `sources/${displayName(name)}`;
    const messages = nameProblems(name);
    for (const other of collisions.get(name) ?? []) {
      messages.push(`differs only in case from sources/${displayName(other)}; macOS and Windows cannot hold both in one folder`);
    }
    if (!name.endsWith('.txt') && !name.endsWith('.yaml') && !name.endsWith(LOCK_SUFFIX)) {
      messages.push(`is neither a source (.txt), metadata (.yaml) nor a lock (${LOCK_SUFFIX})`);
    } else if (messages.length === 0) {
      const kind = pathProblem(join(sourcesDir, name));
      if (kind) messages.push(kind === 'missing' ? 'is missing' : kind);
    }
    if (messages.length > 0) refused.add(name);
    for (const message of messages) problems.push({ file, where: '', message });
  }
  for (const m of [...metas, ...locks]) {
    if (!texts.includes(m.replace(/\.yaml$|\.lock\.json$/u, '.txt'))) {
      problems.push({ file: `sources/${m}`, where: '', message: 'has no source text beside it (same name, .txt)' });
    }
  }

  const sources: SourceEntry[] = [];
  const ids = new Map<string, string>();
  for (const t of texts) {
    const file = `sources/${t}`;
    const metaName = t.replace(/\.txt$/u, '.yaml');
    const metaFile = `sources/${metaName}`;
    if (!metas.includes(metaName)) {
      problems.push({ file, where: '', message: `has no metadata file beside it (${metaFile})` });
      continue;
    }
    if (refused.has(t) || refused.has(metaName)) continue;
    let bytes: Buffer | undefined;
    let metaText: string | undefined;
    try {
      bytes = readRegularFile(join(sourcesDir, t), MAX_SOURCE_BYTES, 'a source');
    } catch (err) {
      problems.push({ file, where: '', message: fileMessage(err) });
    }
    try {
      metaText = decodeYaml(readRegularFile(join(sourcesDir, metaName), MAX_YAML_BYTES, 'a metadata file'));
    } catch (err) {
      problems.push({ file: metaFile, where: '', message: fileMessage(err) });
    }
    const lockFile = lockFileOf(file);
    const locked = refused.has(lockFile.slice('sources/'.length)) ? null : readLock(contentDir, lockFile, problems);
    if (bytes === undefined || metaText === undefined || locked === null) continue;
    const key = cache?.keyOf(bytes, metaText, locked?.text ?? '');
    let meta = key === undefined ? undefined : cache?.metaFor(file, key);
    if (!meta) {
      const parsed = parseYaml(metaText, metaFile);
      problems.push(...parsed.problems);
      if (parsed.problems.length > 0) continue;
      const r = statementMetaInput.safeParse(parsed.value);
      if (!r.success) {
        problems.push(...zodProblems(r.error, metaFile));
        continue;
      }
      meta = r.data;
    }
    if (meta.source.file !== t) {
      problems.push({ file: metaFile, where: 'source.file', message: `is "${meta.source.file}" but the source beside it is "${t}"` });
    }
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (meta.source.sha256 !== digest) {
      problems.push({
        file: metaFile,
        where: 'source.sha256',
        message: `does not match the source (its SHA-256 is ${digest}); sources are kept byte for byte, so either the file changed or the hash is wrong`,
      });
    }
    if (meta.speaker.value !== null && !speakerIds.has(meta.speaker.value)) {
      problems.push({ file: metaFile, where: 'speaker.value', message: `unknown speaker "${meta.speaker.value}" (not in speakers.yaml)` });
    }
    for (const [kind, list] of [
      ['add', meta.themes.add],
      ['remove', meta.themes.remove],
    ] as const) {
      list.forEach((o, i) => {
        if (!themeIds.has(o.theme)) {
          problems.push({ file: metaFile, where: `themes.${kind}.${i}.theme`, message: `unknown theme "${o.theme}" (not in themes.yaml)` });
        }
      });
    }
    const other = ids.get(meta.id);
    if (other) {
      problems.push({ file: metaFile, where: 'id', message: `duplicate id "${meta.id}" (also in ${other})` });
    }
    ids.set(meta.id, metaFile);
    if (locked && locked.lock.statement !== meta.id) {
      problems.push({
        file: lockFile,
        where: 'statement',
        message: `is "${locked.lock.statement}" but the metadata beside it gives the id "${meta.id}": a statement's id is in every link to it; restore the id (or the lock)`,
      });
    }
    const keyed = bytes;
    const metaSource = metaText;
    sources.push({
      file,
      bytes,
      meta,
      lock: locked?.lock ?? null,
      ...(key === undefined || !cache ? {} : { key, keyWithLock: (lockText: string) => cache.keyOf(keyed, metaSource, lockText) }),
    });
  }
  problems.push(...checkBuildNeeds(contentDir, { sources, speakers, themes }));
  const known = new Set(editions.map((e) => e.version));
  for (const src of known.size === 0 ? [] : sources) {
    src.lock?.history.forEach((h, i) => {
      if (!known.has(h.edition)) {
        problems.push({
          file: lockFileOf(src.file),
          where: `history.${i}.edition`,
          message: `edition "${h.edition}" is not in editions.yaml`,
        });
      }
    });
  }
  return { content: { sources, speakers, themes, editions }, problems };
}

/** Reads `editions.yaml`: a list of editions, oldest first (see `editionsSchema`). */
export function readEditionsFile(path: string, problems: Problem[]): Edition[] {
  let text: string;
  try {
    text = decodeYaml(readRegularFile(path, MAX_YAML_BYTES, 'a YAML file'));
  } catch (err) {
    problems.push({ file: 'editions.yaml', where: '', message: fileMessage(err) });
    return [];
  }
  const parsed = parseYaml(text, 'editions.yaml');
  problems.push(...parsed.problems);
  if (parsed.problems.length > 0) return [];
  const r = editionsSchema.safeParse(parsed.value);
  if (!r.success) {
    problems.push(...zodProblems(r.error, 'editions.yaml'));
    return [];
  }
  return r.data;
}
