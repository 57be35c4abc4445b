/**
 * The hostile-input corpus: sources and metadata a careless export or an
 * attacker could produce. Each case must end either in a clear error (file,
 * field or line, and why) with nothing written, or as inert text on the page.
 * Big and binary inputs are generated here rather than kept as files.
 */

import { type HostileCase, para } from './case.ts';
import { FILE_CASES } from './file-cases.ts';
import { METADATA_CASES } from './metadata-cases.ts';
import { PROSE_CASES } from './prose-cases.ts';

export type { FileKind, HostileCase } from './case.ts';

const BASE_CASES: HostileCase[] = [
  // Refused with a clear error.
  { name: 'empty-file', source: '', outcome: 'error', message: /txt: the file is empty/u },
  {
    name: 'invalid-utf8',
    source: Uint8Array.from([0x4d, 0x72, 0x2e, 0x20, 0xc3, 0x28, 0x0a]),
    outcome: 'error',
    message: /txt: byte 4: invalid UTF-8/u,
  },
  {
    name: 'binary-file',
    source: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    outcome: 'error',
    message: /txt: (byte \d+: invalid UTF-8|line \d+, column \d+: control character)/u,
  },
  {
    name: 'control-characters',
    source: para('A bell\u0007 and an escape\u001b[31m.'),
    outcome: 'error',
    message: /txt: line 5, column 7: control character U\+0007/u,
  },
  { name: 'only-invisible', source: '\u200B\u200B\n\uFEFF\n', outcome: 'error', message: /txt: the file has no visible text/u },
  {
    name: 'javascript-url',
    source: para('Text.'),
    meta: { url: "'javascript:alert(1)'" },
    outcome: 'error',
    message: /yaml: source\.url: must be an absolute http/u,
  },
  {
    name: 'data-url',
    source: para('Text.'),
    meta: { url: "'data:text/html,<script>alert(1)</script>'" },
    outcome: 'error',
    message: /yaml: source\.url: must be an absolute http/u,
  },
  {
    name: 'bidi-in-title',
    source: para('Text.'),
    meta: { title: "'Statement \u202Egnp.exe'" },
    outcome: 'error',
    message: /yaml: title: contains a control, zero-width or bidi-control character/u,
  },
  {
    name: 'zero-width-in-event',
    source: para('Text.'),
    meta: { event: "'Coun\u200Bcil'" },
    outcome: 'error',
    message: /yaml: event\.value: contains a control, zero-width or bidi-control character/u,
  },
  {
    name: 'unknown-speaker',
    source: para('Text.'),
    meta: { speaker: 'no-such-speaker' },
    outcome: 'error',
    message: /yaml: speaker\.value: unknown speaker "no-such-speaker"/u,
  },
  {
    name: 'duplicate-id',
    source: para('Text.'),
    meta: { id: '2012-11-28-wu-haitao-iom-council' },
    outcome: 'error',
    message: /yaml: id: duplicate id "2012-11-28-wu-haitao-iom-council"/u,
  },
  {
    name: 'unknown-theme',
    source: para('Text.'),
    meta: { themes: '{ add: [{ theme: no-such-theme, reason: r }] }' },
    outcome: 'error',
    message: /yaml: themes\.add\.0\.theme: unknown theme "no-such-theme"/u,
  },
  {
    name: 'unknown-field',
    source: para('Text.'),
    meta: { onclick: "'alert(1)'" },
    outcome: 'error',
    message: /yaml: \(top level\): Unrecognized key: "onclick"/u,
  },
  {
    name: 'impossible-date',
    source: para('Text.'),
    meta: { date: "{ value: '2021-02-29' }" },
    outcome: 'error',
    message: /yaml: date\.value: must be a real date/u,
  },

  // Published as inert text.
  {
    name: 'script-and-tags',
    source: para(
      'Before <script>alert(1)</script> middle <iframe src="https://evil.example/"></iframe> <img src=x onerror="alert(2)"> after.',
    ),
    outcome: 'inert',
    visible: ['<script>alert(1)</script>', '<img src=x onerror="alert(2)">'],
  },
  {
    name: 'markdown-injection',
    source: para('[click](javascript:alert(3)) and ![x](https://evil.example/x.png) and <!-- hidden --> and {#p-1} and *not emphasis*'),
    outcome: 'inert',
    visible: ['[click](javascript:alert(3))', '<!-- hidden -->', '*not emphasis*'],
  },
  {
    name: 'event-handlers',
    source: para('<a href="#" onclick="alert(4)">x</a> <svg onload="alert(5)"></svg> <b onmouseover="alert(6)">bold</b>'),
    outcome: 'inert',
    visible: ['onclick="alert(4)"', '<svg onload="alert(5)">'],
  },
  {
    name: 'invisible-and-bidi',
    source: para('Safe\u200B text with \u202Ereversed\u202C and a \uFEFFmark.'),
    outcome: 'inert',
    visible: ['Safe text with reversed and a mark.'],
  },
  {
    name: 'html-in-title',
    source: para('Text.'),
    meta: { title: "'<script>alert(7)</script> & <b>bold</b> title'", sourceTitle: "'Hostile test statement'" },
    outcome: 'inert',
    visible: ['<script>alert(7)</script> & <b>bold</b> title'],
  },
  {
    name: 'five-megabyte-line',
    source: para(`${'Migration is a global issue which calls for cooperation. '.repeat(87_000)}End of the long line.`),
    outcome: 'inert',
    visible: ['End of the long line.'],
  },
];

/** Every case: the base corpus above, then one file of cases for each class of input. */
export const HOSTILE_CASES: HostileCase[] = [...BASE_CASES, ...FILE_CASES, ...METADATA_CASES, ...PROSE_CASES];
