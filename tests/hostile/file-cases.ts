/**
 * Hostile inputs: Files that are not regular files inside content/ (links, pipes, devices, folders), oversized or unportable file names, a tampered cache, stray files in statements/.
 *
 * `{{outside}}` in a link target stands for a file the harness
 * (tests/build/hostile.test.ts) writes outside the content folder, holding
 * `OUTSIDE_SECRET` as a YAML key: a stand-in for `.git/config` with the
 * repository's token. Its text and its SHA-256 must appear nowhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { codeVersion, sha256 } from '../../scripts/normalize/io/cache.ts';
import { MAX_SOURCE_BYTES, MAX_YAML_BYTES } from '../../scripts/normalize/io/files.ts';
import { statementMetaInput } from '../../src/edition/schemas.ts';
import { CONTENT, ROOT, sha256Of } from '../helpers/content.ts';
import { type HostileCase, para } from './case.ts';

/** What the file outside the content folder holds (a YAML key, so a YAML error would name it). */
export const OUTSIDE_SECRET = 'ghp_hostileTokenOutsideTheContentFolder';

const outside = { symlinkTo: '{{outside}}' } as const;

/** A metadata file for `hostile-<name>`, in full (for cases that need its exact text). */
const metaText = (name: string, extra = ''): string =>
  [
    `${extra}id: hostile-${name}`,
    'title: Hostile test statement',
    'type: statement',
    'language: en',
    'speaker: wu-haitao',
    'role: null',
    'onBehalfOf: China',
    'event: null',
    'place: null',
    "date: { value: '2015' }",
    'themes: { add: [{ theme: diaspora, reason: Test. }, { theme: covid-19, reason: Test. }] }',
    'source: { file: {{file}}, sha256: {{sha256}}, url: null }',
    '',
  ].join('\n');

/**
 * A cache as the old normalizer trusted it: the right version and key for this
 * case's source, so the entry is a hit, with the id `../private`. The old code
 * took `statements/../private.md` (a file outside statements/ whose hash the
 * entry gives) as the statement and wrote it back through the same path; the
 * normalizer must ignore the whole cache, normalize the source and touch
 * neither file.
 */
function escapingCache(name: string, source: string, privateText: string): string {
  const raw = metaText(name).replaceAll('{{file}}', `hostile-${name}.txt`).replaceAll('{{sha256}}', sha256Of(source));
  const version = codeVersion(ROOT);
  // The key as scripts/normalize.ts makes it: code, the files every statement depends on, source, metadata, lock (none).
  const shared = sha256(...['themes.yaml', 'editions.yaml', 'speakers.yaml'].map((f) => readFileSync(join(CONTENT, f), 'utf8')));
  const parsed: unknown = parse(raw);
  // Valid metadata, as the old code found it in the cache (left as written if the schema has since changed).
  const meta = statementMetaInput.safeParse(parsed).data ?? parsed;
  const entry = {
    key: sha256(version, shared, new TextEncoder().encode(source), raw, ''),
    output: sha256(privateText),
    id: '../private',
    meta,
    themes: ['diaspora', 'covid-19'],
    warnings: [],
    blocks: 1,
    words: 4,
    removals: 0,
    rejoins: 0,
  };
  return JSON.stringify({ version, entries: { [`sources/hostile-${name}.txt`]: entry } });
}

const PRIVATE = 'PRIVATE-NOTES-NOT-FOR-PUBLICATION\n';
const CACHED_SOURCE = para('The text of the source, normalized afresh.');

export const FILE_CASES: HostileCase[] = [
  // Links: refused by name, whatever they point to; nothing of the target is read.
  {
    name: 'symlink-txt-outside',
    source: '',
    sourceKind: outside,
    secret: OUTSIDE_SECRET,
    outcome: 'error',
    message: /txt: is a symbolic link; only regular files inside the content folder are read/u,
  },
  {
    name: 'symlink-txt-etc-passwd',
    source: '',
    sourceKind: { symlinkTo: '../../../../../../../../../../etc/passwd' },
    secret: 'root:x:0:0',
    outcome: 'error',
    message: /txt: is a symbolic link/u,
  },
  {
    name: 'symlink-txt-inside',
    source: '',
    sourceKind: { symlinkTo: '000_ce5e4365aebd8e0f.txt' },
    outcome: 'error',
    message: /txt: is a symbolic link/u,
  },
  {
    name: 'symlink-yaml-outside',
    source: para('Text.'),
    metaKind: outside,
    secret: OUTSIDE_SECRET,
    outcome: 'error',
    message: /yaml: is a symbolic link/u,
  },
  {
    name: 'symlink-dev-zero',
    source: '',
    sourceKind: { symlinkTo: '/dev/zero' },
    outcome: 'error',
    message: /txt: is a symbolic link/u,
  },
  {
    name: 'dangling-link',
    source: '',
    sourceKind: { symlinkTo: 'no-such-file.txt' },
    outcome: 'error',
    message: /txt: is a symbolic link/u,
  },
  {
    name: 'speakers-symlink',
    source: para('Text.'),
    files: { 'speakers.yaml': outside },
    secret: OUTSIDE_SECRET,
    outcome: 'error',
    messageFile: 'speakers.yaml',
    message: /^\s*speakers\.yaml: is a symbolic link/u,
  },
  {
    name: 'aliases-dev-zero',
    source: para('Text.'),
    files: { 'aliases.yaml': { symlinkTo: '/dev/zero' } },
    outcome: 'error',
    messageFile: 'aliases.yaml',
    message: /^\s*aliases\.yaml: is a symbolic link/u,
  },

  // Pipes and folders: refused by name, never opened (a pipe would block forever).
  { name: 'fifo-txt', source: '', sourceKind: 'fifo', outcome: 'error', message: /txt: is a named pipe \(FIFO\), not a regular file/u },
  { name: 'fifo-yaml', source: para('Text.'), metaKind: 'fifo', outcome: 'error', message: /yaml: is a named pipe \(FIFO\)/u },
  {
    name: 'themes-fifo',
    source: para('Text.'),
    files: { 'themes.yaml': 'fifo' },
    outcome: 'error',
    messageFile: 'themes.yaml',
    message: /^\s*themes\.yaml: is a named pipe \(FIFO\)/u,
  },
  { name: 'directory-txt', source: '', sourceKind: 'directory', outcome: 'error', message: /txt: is a folder, not a regular file/u },
  {
    name: 'directory-yaml',
    source: para('Text.'),
    metaKind: 'directory',
    outcome: 'error',
    message: /yaml: is a folder, not a regular file/u,
  },

  // Size caps: read no further than the cap.
  {
    name: 'oversize-source',
    source: new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x61),
    outcome: 'error',
    message: /txt: is larger than 10 MiB \(10,485,760 bytes\), the limit for a source/u,
  },
  {
    name: 'oversize-yaml',
    source: para('Text.'),
    metaRaw: metaText('oversize-yaml', `# ${'x'.repeat(MAX_YAML_BYTES)}\n`),
    outcome: 'error',
    message: /yaml: is larger than 1 MiB \(1,048,576 bytes\), the limit for a metadata file/u,
  },

  // Names: too long for the file system, the source archive, or other machines.
  {
    name: 'id-300-characters',
    source: para('Text.'),
    meta: { id: `hostile-${'x'.repeat(292)}` },
    outcome: 'error',
    message: /yaml: id: .*at most 100/u,
  },
  {
    name: 'name-250-characters',
    fileName: 'n'.repeat(250),
    source: para('Text.'),
    outcome: 'error',
    message: /txt: the name before \.txt\/\.yaml is 250 bytes long; at most 87/u,
  },
  {
    name: 'name-88-characters',
    fileName: `hostile-${'n'.repeat(80)}`,
    source: para('Text.'),
    outcome: 'error',
    message: /txt: the name before \.txt\/\.yaml is 88 bytes long; at most 87 \(sources\.tar\.gz/u,
  },
  {
    name: 'case-collision',
    fileName: 'hostile-Case-Collision',
    source: para('Text.'),
    files: { 'sources/hostile-case-collision.txt': para('Other text.') },
    outcome: 'error',
    message: /txt: differs only in case from sources\/hostile-case-collision\.txt; macOS and Windows cannot hold both/u,
  },
  {
    name: 'windows-con',
    fileName: 'CON',
    source: para('Text.'),
    outcome: 'error',
    message: /txt: "CON" is a device name reserved by Windows/u,
  },
  {
    name: 'windows-nul-with-extensions',
    fileName: 'nul.2015.draft',
    source: para('Text.'),
    outcome: 'error',
    message: /txt: "nul" is a device name reserved by Windows \(with any extension\)/u,
  },
  {
    name: 'windows-colon',
    fileName: 'hostile-a:b',
    source: para('Text.'),
    outcome: 'error',
    message: /txt: the file name contains ":", which Windows does not allow/u,
  },
  {
    name: 'trailing-dot',
    source: para('Text.'),
    files: { 'sources/hostile-trailing.txt.': para('Text.') },
    outcome: 'error',
    messageFile: 'sources/hostile-trailing.txt.',
    message: /txt\.: the file name ends in a dot or a space, which Windows drops/u,
  },
  {
    name: 'escape-in-name',
    fileName: 'hostile-\u001b[31m',
    source: para('Text.'),
    secret: '\u001b',
    outcome: 'error',
    messageFile: 'sources/hostile-\\u{1b}[31m.',
    message: /txt: the file name contains a control character/u,
  },

  // The statements folder is the normalizer's own: nothing else in it is deleted without a word.
  {
    name: 'stray-notes',
    source: para('Text.'),
    files: { 'statements/notes.txt': 'Notes a contributor keeps beside the statements.\n' },
    outcome: 'error',
    messageFile: 'statements/notes.txt',
    message: /statements\/notes\.txt: is not a statement written by the normalizer; move it out of content\/statements\//u,
  },
  {
    name: 'stray-markdown',
    source: para('Text.'),
    files: { 'statements/draft.md': '# A draft\n\nNot written by the normalizer.\n' },
    outcome: 'error',
    messageFile: 'statements/draft.md',
    message: /statements\/draft\.md: is not a statement written by the normalizer/u,
  },

  // Published as text: the longest name the source archive holds, and a tampered cache that is ignored.
  {
    name: 'name-87-characters',
    fileName: `hostile-${'n'.repeat(79)}`,
    source: para('A source whose name is as long as the source archive allows.'),
    outcome: 'inert',
    visible: ['A source whose name is as long as the source archive allows.'],
  },
  {
    name: 'cache-escaping-id',
    source: CACHED_SOURCE,
    metaRaw: metaText('cache-escaping-id'),
    files: {
      'private.md': PRIVATE,
      '.normalize-cache.json': escapingCache('cache-escaping-id', CACHED_SOURCE, PRIVATE),
    },
    secret: 'PRIVATE-NOTES',
    outcome: 'inert',
    visible: ['The text of the source, normalized afresh.'],
  },

  // Locks (sources/<name>.lock.json): inputs like the others, read with the same care.
  {
    name: 'lock-not-json',
    source: para('Text.'),
    files: { 'sources/hostile-lock-not-json.lock.json': '{"lock": 1, "blocks": [' },
    outcome: 'error',
    messageFile: 'sources/hostile-lock-not-json.lock.json',
    message: /lock-not-json\.lock\.json: is not valid JSON \(.*\); restore it from version control/u,
  },
  {
    name: 'lock-symlink',
    source: para('Text.'),
    files: { 'sources/hostile-lock-symlink.lock.json': outside },
    secret: OUTSIDE_SECRET,
    outcome: 'error',
    messageFile: 'sources/hostile-lock-symlink.lock.json',
    message: /lock-symlink\.lock\.json: is a symbolic link/u,
  },
  {
    name: 'lock-id-twice',
    source: para('Text.'),
    files: { 'sources/hostile-lock-id-twice.lock.json': lockJson('hostile-lock-id-twice', ['p-1', 'p-1']) },
    outcome: 'error',
    messageFile: 'sources/hostile-lock-id-twice.lock.json',
    message: /lock-id-twice\.lock\.json: blocks\.1\.id: p-1 is also blocks\.0\.id: an id names one block for life/u,
  },
  {
    name: 'lock-other-statement',
    source: para('Text.'),
    files: { 'sources/hostile-lock-other-statement.lock.json': lockJson('someone-else', ['p-1']) },
    outcome: 'error',
    messageFile: 'sources/hostile-lock-other-statement.lock.json',
    message:
      /lock-other-statement\.lock\.json: statement: is "someone-else" but the metadata beside it gives the id "hostile-lock-other-statement"/u,
  },
  {
    name: 'lock-without-source',
    source: para('Text.'),
    files: { 'sources/orphan.lock.json': lockJson('orphan', ['p-1']) },
    outcome: 'error',
    messageFile: 'sources/orphan.lock.json',
    message: /orphan\.lock\.json: has no source text beside it/u,
  },
  {
    name: 'editions-out-of-order',
    source: para('Text.'),
    files: {
      'editions.yaml':
        "- version: '1.1'\n  date: '2026-12-01'\n  summary: Later.\n- version: '1.0'\n  date: '2026-12-02'\n  summary: Earlier.\n",
    },
    outcome: 'error',
    messageFile: 'editions.yaml',
    message: /^\s*editions\.yaml: 1\.version: must come after 1\.1/u,
  },
];

/** A lock for `statement` with blocks of these ids (hashes and texts placeholders), as JSON. */
function lockJson(statement: string, ids: string[]): string {
  return JSON.stringify({
    lock: 1,
    statement,
    nextId: ids.length + 1,
    blocks: ids.map((id, i) => ({ id, hash: '0'.repeat(12), text: `Block ${i + 1}.` })),
    retired: [],
    metadata: {},
    history: [{ edition: '1.0', changes: [{ kind: 'published', blocks: ids.length }] }],
  });
}
