/**
 * The shape of a hostile-input case (tests/hostile/cases.ts and the files it
 * gathers): data only, read by tests/build/hostile.test.ts.
 */

/**
 * What a path in the content folder is on disk: a regular file (the default),
 * a symbolic link to a target (absolute, or relative to the link's folder;
 * `{{outside}}` in it stands for a secret file the harness writes beside the
 * content folder, whose text and SHA-256 must appear nowhere in the output),
 * a named pipe, or a directory.
 */
export type FileKind = 'file' | 'fifo' | 'directory' | { symlinkTo: string };

/** A source text (or bytes) with metadata edits, and what must come of it. */
export interface HostileCase {
  /** Short name, used in file names and reports. */
  name: string;
  /** The source file's content (ignored when `sourceKind` is not a file). */
  source: string | Uint8Array;
  /** Extra metadata lines (YAML) replacing the defaults with the same key. */
  meta?: Record<string, string>;
  /**
   * The metadata file's exact content, instead of the fields above (for
   * encodings and YAML-level input). In a string, `{{sha256}}` stands for the
   * source's SHA-256 and `{{file}}` for the source's file name.
   */
  metaRaw?: string | Uint8Array;
  /** The source's file name without `.txt`/`.yaml` (default `hostile-<name>`). */
  fileName?: string;
  /** What the source path is (default a regular file holding `source`). */
  sourceKind?: FileKind;
  /** What the metadata path is (default a regular file). */
  metaKind?: FileKind;
  /** More paths in the content folder (relative to it), written before the run: content (a string or bytes), or a kind (`'fifo'`, `'directory'`, a link). */
  files?: Record<string, string | Uint8Array | Exclude<FileKind, 'file'>>;
  /** Text that must appear nowhere in the normalizer's output or messages (e.g. a secret outside content/). */
  secret?: string;
  /** 'error': the normalizer refuses it; 'inert': it is published as text. */
  outcome: 'error' | 'inert';
  /** For errors: what the message must say (after "<file>: " on the line naming the case's file). */
  message?: RegExp;
  /** For errors: the file the message names, relative to the content folder (default the case's `.txt` or `.yaml`). */
  messageFile?: string;
  /** For inert cases: text that must be visible on the statement page. */
  visible?: string[];
}

/** A short source: a title, a salutation, `text` and a closing. */
export const para = (text: string): string => `Hostile test statement\n\nMr. President,\n\n${text}\n\nThank you.\n`;

/**
 * The metadata fields the harness writes for a case's source (`id` from the
 * case's name), before the case's own `meta` replaces lines with the same key;
 * `source` comes last, naming the file and its hash.
 */
export function defaultMetaFields(name: string): Record<string, string> {
  return {
    id: `hostile-${name}`,
    title: 'Hostile test statement',
    type: 'statement',
    language: 'en',
    speaker: 'wu-haitao',
    role: 'null',
    onBehalfOf: 'China',
    event: 'null',
    place: 'null',
    date: "{ value: '2015' }",
    themes: '{ add: [{ theme: diaspora, reason: Test. }, { theme: covid-19, reason: Test. }] }',
  };
}
