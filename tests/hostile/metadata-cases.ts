/**
 * Hostile inputs: Metadata decoded and checked as strictly as sources: encodings, YAML features (tags, aliases, nesting), text checks on every field (source.url included), and everything the build needs checked before it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT, sha256Of } from '../helpers/content.ts';
import { defaultMetaFields, type HostileCase, para } from './case.ts';

const SOURCE = para('Text.');

/**
 * The default metadata of `hostile-<name>` as the harness writes it, with
 * `fields` put in place of the lines with the same key (or added), in full.
 */
function metaLines(name: string, fields: Record<string, string> = {}, sha = '{{sha256}}', file = '{{file}}'): string {
  const all: Record<string, string> = {
    ...defaultMetaFields(name),
    source: `{ file: ${file}, sha256: ${sha}, url: null }`,
    ...fields,
  };
  return Object.entries(all)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}

/** The metadata of `hostile-<name>` as bytes, with one line's value given as bytes (an encoding the text cannot hold). */
function metaBytes(name: string, key: string, value: Uint8Array): Uint8Array {
  const text = metaLines(name, { [key]: '\u0000' }, sha256Of(SOURCE), `hostile-${name}.txt`) + '\n';
  const [before, after] = text.split('\u0000') as [string, string];
  const enc = new TextEncoder();
  return Uint8Array.from([...enc.encode(before), ...value, ...enc.encode(after)]);
}

/** A fixture collection file with one text replaced (fails loudly if the text is not there). */
function fixtureWith(file: string, from: string, to: string): string {
  const text = readFileSync(join(CONTENT, file), 'utf8');
  if (!text.includes(from)) throw new Error(`metadata-cases: "${from}" not in ${file}`);
  return text.replace(from, to);
}

/** "Billion laughs": nine levels of nine aliases, a few hundred bytes that expand to 9⁹ strings. */
const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((k, i) => {
    const prev = 'abcdefghi'[i]!;
    return `${k}: &${k} [${Array.from({ length: 9 }, () => `*${prev}`).join(',')}]`;
  }),
].join('\n');

/** `n` levels of mappings, each indented one space more than the last. */
const indented = (n: number): string => Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n') + ' deep';

export const METADATA_CASES: HostileCase[] = [
  // Encodings: decoded as strictly as sources.
  {
    name: 'meta-latin1-byte',
    source: SOURCE,
    metaRaw: metaBytes('meta-latin1-byte', 'title', Uint8Array.from([0x53, 0x74, 0x61, 0x74, 0x65, 0x6d, 0x65, 0x6e, 0x74, 0x20, 0xe9])),
    outcome: 'error',
    message: /yaml: byte \d+: invalid UTF-8 \(byte 0xE9\)/u,
  },
  {
    name: 'meta-lone-surrogate',
    source: SOURCE,
    metaRaw: metaLines('meta-lone-surrogate', { title: '"Hostile \\uD800 statement"' }) + '\n',
    outcome: 'error',
    message: /yaml: title: contains a control, zero-width or bidi-control character: U\+D800 \(a lone surrogate/u,
  },

  // One text check for every field: source.url included.
  {
    name: 'meta-url-rlo',
    source: SOURCE,
    meta: { url: "'https://www.iom.int/files/\u202Egnp.exe'" },
    outcome: 'error',
    message: /yaml: source\.url: contains a control, zero-width or bidi-control character: U\+202E \(a bidirectional control/u,
  },
  {
    name: 'meta-url-nul',
    source: SOURCE,
    meta: { url: '"https://www.iom.int/a\\0b"' },
    outcome: 'error',
    message: /yaml: source\.url: contains a control, zero-width or bidi-control character: U\+0000 \(a control character\)/u,
  },
  {
    name: 'meta-url-backspace',
    source: SOURCE,
    meta: { url: '"https://www.iom.int/a\\bb"' },
    outcome: 'error',
    message: /yaml: source\.url: contains a control, zero-width or bidi-control character: U\+0008/u,
  },
  {
    name: 'meta-url-newline',
    source: SOURCE,
    meta: { url: '"https://www.iom.int/a\\n<script>alert(1)</script>"' },
    outcome: 'error',
    message: /yaml: source\.url: must be one line/u,
  },
  {
    name: 'meta-url-userinfo',
    source: SOURCE,
    meta: { url: "'https://user:secret@www.iom.int/'" },
    outcome: 'error',
    message: /yaml: source\.url: must not contain a user name or password/u,
  },
  {
    name: 'meta-url-2001-chars',
    source: SOURCE,
    meta: { url: `'https://www.iom.int/${'a'.repeat(1981)}'` },
    outcome: 'error',
    message: /yaml: source\.url: must be at most 2,000 characters \(it has 2,001\)/u,
  },
  {
    // Over the metadata file's size cap too: refused for one or the other, quickly.
    name: 'meta-url-2mb',
    source: SOURCE,
    meta: { url: `'https://www.iom.int/${'a'.repeat(2 * 1024 * 1024)}'` },
    outcome: 'error',
    message: /yaml: (is larger than|source\.url: must be at most 2,000 characters)/u,
  },
  {
    name: 'meta-title-arabic-letter-mark',
    source: SOURCE,
    meta: { title: "'Hostile \u061C test statement'" },
    outcome: 'error',
    message: /yaml: title: contains a control, zero-width or bidi-control character: U\+061C \(a bidirectional control/u,
  },
  {
    name: 'meta-title-tag-character',
    source: SOURCE,
    meta: { title: "'Hostile test statement\u{E0041}\u{E007F}'" },
    outcome: 'error',
    message: /yaml: title: contains a control, zero-width or bidi-control character: U\+E0041 \(an invisible tag character\)/u,
  },
  {
    name: 'meta-key-rlo',
    source: SOURCE,
    metaRaw: metaLines('meta-key-rlo') + '\nno\u202Etes: []\n',
    outcome: 'error',
    message: /yaml: \(top level\): the key "no\\u\{202e\}tes" contains a control, zero-width or bidi-control character: U\+202E/u,
  },
  {
    name: 'meta-comment-rlo',
    source: SOURCE,
    metaRaw: '# Reviewed \u202E:eltit\n' + metaLines('meta-comment-rlo') + '\n',
    outcome: 'error',
    message: /yaml: line 1, column 1: the comment contains a control, zero-width or bidi-control character: U\+202E/u,
  },

  // YAML: no tags, no aliases, bounded nesting, numbers as written.
  {
    name: 'meta-js-function-tag',
    source: SOURCE,
    metaRaw: metaLines('meta-js-function-tag', { title: "!!js/function 'function () { return process.env }'" }) + '\n',
    outcome: 'error',
    message: /yaml: line 2: the tag "!!js\/function" is not allowed/u,
  },
  {
    name: 'meta-custom-tag',
    source: SOURCE,
    metaRaw: metaLines('meta-custom-tag', { event: '!foo General Debate' }) + '\n',
    outcome: 'error',
    message: /yaml: line 8: the tag "!foo" is not allowed/u,
  },
  {
    name: 'meta-yaml-directive',
    source: SOURCE,
    metaRaw: '%YAML 1.1\n---\n' + metaLines('meta-yaml-directive') + '\n',
    outcome: 'error',
    message: /yaml: line 1: YAML directives such as "%YAML" are not allowed/u,
  },
  {
    name: 'meta-alias-bomb',
    source: SOURCE,
    metaRaw: `${ALIAS_BOMB}\n${metaLines('meta-alias-bomb')}\n`,
    outcome: 'error',
    message: /yaml: line 1: anchors and aliases \("&a"\) are not allowed/u,
  },
  {
    name: 'meta-deep-flow-nesting',
    source: SOURCE,
    metaRaw: `${metaLines('meta-deep-flow-nesting')}\nnotes: ${'['.repeat(3000)}${']'.repeat(3000)}\n`,
    outcome: 'error',
    message: /yaml: line 13: nested more than 20 levels deep/u,
  },
  {
    name: 'meta-deep-block-nesting',
    source: SOURCE,
    metaRaw: `${metaLines('meta-deep-block-nesting')}\nnotes:\n  ${'- '.repeat(3000)}x\n`,
    outcome: 'error',
    message: /yaml: line 14: nested more than 20 levels deep/u,
  },
  {
    name: 'meta-deep-indented-nesting',
    source: SOURCE,
    metaRaw: `${metaLines('meta-deep-indented-nesting')}\nnotes:\n${indented(200)}\n`,
    outcome: 'error',
    message: /yaml: line \d+: nested more than 20 levels deep/u,
  },
  {
    name: 'meta-year-hex',
    source: SOURCE,
    meta: { date: '{ value: 0x7DF }' },
    outcome: 'error',
    message: /yaml: line 10: "0x7DF" is read as the number 2015/u,
  },
  {
    name: 'meta-year-float',
    source: SOURCE,
    meta: { date: '{ value: 2015.0 }' },
    outcome: 'error',
    message: /yaml: line 10: "2015\.0" is read as the number 2015/u,
  },
  {
    name: 'meta-unquoted-date',
    source: SOURCE,
    meta: { date: '{ value: 2015-06-01 }' },
    outcome: 'error',
    message: /yaml: line 10: "2015-06-01" is text here but a date .* put it in quotes/u,
  },

  // What the build needs, checked by normalize first.
  {
    name: 'meta-on-behalf-of-case-collision',
    source: SOURCE,
    meta: { onBehalfOf: 'CHINA' },
    outcome: 'error',
    message: /yaml: onBehalfOf\.value: "CHINA" and "China" \(sources\/000_[0-9a-f]+\.yaml\) give the same slug "china"/u,
  },
  {
    name: 'meta-on-behalf-of-trailing-dot',
    source: SOURCE,
    meta: { onBehalfOf: "'China.'" },
    outcome: 'error',
    message: /yaml: onBehalfOf\.value: "China\." and "China" \(sources\/000_[0-9a-f]+\.yaml\) give the same slug "china"/u,
  },
  {
    name: 'meta-on-behalf-of-no-slug',
    source: SOURCE,
    meta: { onBehalfOf: "'***'" },
    outcome: 'error',
    message: /yaml: onBehalfOf\.value: "\*\*\*" gives an empty slug/u,
  },
  {
    name: 'meta-on-behalf-of-long-slug',
    source: SOURCE,
    meta: { onBehalfOf: `'${'中'.repeat(40)}'` },
    outcome: 'error',
    message: /yaml: onBehalfOf\.value: "中{40}" gives a slug of 120 bytes; at most 100/u,
  },
  {
    name: 'meta-title-newline',
    source: SOURCE,
    meta: { title: '"Hostile test statement\\n<h1>Second line</h1>"' },
    outcome: 'error',
    message: /yaml: title: must be one line \(it has a line break at character 23\)/u,
  },
  {
    name: 'meta-title-301-chars',
    source: SOURCE,
    meta: { title: `'Hostile test statement ${'x'.repeat(301 - 23)}'` },
    outcome: 'error',
    message: /yaml: title: must be at most 300 characters/u,
  },
  {
    name: 'meta-title-many-lt-long',
    source: SOURCE,
    meta: { title: `'${'<'.repeat(5000)}'` },
    outcome: 'error',
    message: /yaml: title: must be at most 300 characters/u,
  },
  {
    // Over the metadata file's size cap too: refused for one or the other, quickly.
    name: 'meta-title-10mb',
    source: SOURCE,
    meta: { title: `'${'Migration '.repeat(1024 * 1024)}'` },
    outcome: 'error',
    message: /yaml: (is larger than|title: must be at most 300 characters)/u,
  },
  {
    name: 'meta-year-0000',
    source: SOURCE,
    meta: { date: "{ value: '0000' }" },
    outcome: 'error',
    message: /yaml: date\.value: year 0000 is outside 1945–\d{4}/u,
  },
  {
    name: 'meta-year-9999',
    source: SOURCE,
    meta: { date: "{ value: '9999-12-31' }" },
    outcome: 'error',
    message: /yaml: date\.value: year 9999 is outside 1945–\d{4}/u,
  },
  {
    name: 'meta-id-300-chars',
    source: SOURCE,
    meta: { id: `hostile-${'a'.repeat(292)}` },
    outcome: 'error',
    message: /yaml: id: must be at most 100 characters/u,
  },

  // The collections (speakers.yaml, themes.yaml, aliases.yaml): the same rules.
  {
    name: 'meta-aliases-latin1',
    source: SOURCE,
    files: {
      'aliases.yaml': Uint8Array.from([...new TextEncoder().encode('- id: gcm\n  names: [GCM, "Global Compact'), 0xe9, 0x22, 0x5d, 0x0a]),
    },
    outcome: 'error',
    messageFile: 'aliases.yaml',
    message: /aliases\.yaml: byte 40: invalid UTF-8 \(byte 0xE9\)/u,
  },
  {
    name: 'meta-aliases-bidi-name',
    source: SOURCE,
    files: { 'aliases.yaml': '- id: gcm\n  names: [GCM, "Global \u202ECompact"]\n' },
    outcome: 'error',
    messageFile: 'aliases.yaml',
    message: /aliases\.yaml: 0\.names\.1: contains a control, zero-width or bidi-control character: U\+202E/u,
  },
  {
    name: 'meta-speakers-year-hex',
    source: SOURCE,
    files: { 'speakers.yaml': fixtureWith('speakers.yaml', 'from: 2012', 'from: 0x7DC') },
    outcome: 'error',
    messageFile: 'speakers.yaml',
    message: /speakers\.yaml: line \d+: "0x7DC" is read as the number 2012/u,
  },
  {
    name: 'meta-themes-newline-in-label',
    source: SOURCE,
    files: { 'themes.yaml': fixtureWith('themes.yaml', 'label: ', 'label: "Line\\nbreak" # was: ') },
    outcome: 'error',
    messageFile: 'themes.yaml',
    message: /themes\.yaml: 0\.label: must be one line/u,
  },

  // Published as inert text: a title of "<" renders escaped and valid.
  {
    name: 'meta-title-many-lt',
    source: SOURCE,
    meta: { title: `'${'<'.repeat(250)}'`, sourceTitle: "'Hostile test statement'" },
    outcome: 'inert',
    visible: ['<'.repeat(250)],
  },
];
