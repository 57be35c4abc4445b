/**
 * Hostile inputs: Text that header and footer rules must not remove without the metadata saying so, and text the data exports must keep readable.
 */
import { type HostileCase, para } from './case.ts';

/** A source with no title line at the top: prose, then a body line that equals the metadata title ("Hostile test statement"). */
const TITLE_BELOW_PROSE = [
  'Mr. President,',
  '',
  'Migration is a shared responsibility, and no country can manage it alone.',
  '',
  'Hostile test statement',
  '',
  'We thank the Council for its work on the protection of migrants.',
  '',
  'Thank you.',
  '',
].join('\n');

/** A source ending in a closing paragraph: the text, then `closing`. */
const closing = (...paragraphs: string[]): string =>
  [
    'Hostile test statement',
    '',
    'Mr. President,',
    '',
    'We thank the Council for its work on migration.',
    '',
    ...paragraphs.flatMap((p) => [p, '']),
  ].join('\n');

export const PROSE_CASES: HostileCase[] = [
  // Prose above a line that equals the title is not navigation: the normalizer stops and says which lines and why.
  {
    name: 'title-below-prose',
    source: TITLE_BELOW_PROSE,
    outcome: 'error',
    message:
      /txt: lines 1–3: would be removed as website navigation above the title \(line 5\), but line 1 reads as prose \("Mr\. President,"\).*list it under removals in sources\/hostile-title-below-prose\.yaml with a reason/u,
  },
  // The same source, once the metadata says it has no title line: every line is kept.
  {
    name: 'title-below-prose-no-title-line',
    source: TITLE_BELOW_PROSE,
    meta: { sourceTitleLine: 'none' },
    outcome: 'inert',
    visible: ['Mr. President,', 'Migration is a shared responsibility, and no country can manage it alone.'],
  },
  // Navigation with long blurbs goes only when the metadata lists it, and the page says the editor removed it and why.
  {
    name: 'navigation-listed-under-removals',
    source: [
      'About us',
      'ABOUT USThe organization works with governments and partners on migration issues around the world.',
      '- News',
      'Hostile test statement',
      '',
      'Mr. President,',
      '',
      'Migration is a shared responsibility.',
      '',
      'Thank you.',
      '',
    ].join('\n'),
    meta: { removals: "[{ from: 1, to: 3, reason: 'The navigation menu of the publishing website, with its blurb.' }]" },
    outcome: 'inert',
    visible: [
      'Migration is a shared responsibility.',
      'Removed by the editor',
      'The navigation menu of the publishing website, with its blurb.',
    ],
  },
  {
    name: 'removals-past-the-end',
    source: para('Text.'),
    meta: { removals: "[{ from: 1, to: 99, reason: 'Menu.' }]" },
    outcome: 'error',
    message: /yaml: removals\.0\.to: line 99 is past the end of sources\/hostile-removals-past-the-end\.txt, which has 7 lines/u,
  },
  {
    name: 'removals-overlapping',
    source: para('Text.'),
    meta: { removals: "[{ from: 1, to: 3, reason: 'Menu.' }, { from: 3, to: 4, reason: 'More menu.' }]" },
    outcome: 'error',
    message: /yaml: removals\.1\.from: lines 3–4 overlap removals\.0 \(lines 1–3\)/u,
  },
  {
    name: 'removals-without-reason',
    source: para('Text.'),
    meta: { removals: '[{ from: 1, to: 1 }]' },
    outcome: 'error',
    message: /yaml: removals\.0\.reason: /u,
  },
  {
    name: 'source-title-line-elsewhere',
    source: para('Text.'),
    meta: { sourceTitleLine: '3' },
    outcome: 'error',
    message:
      /yaml: sourceTitleLine: the title "Hostile test statement" does not begin on line 3 of sources\/hostile-source-title-line-elsewhere\.txt/u,
  },
  {
    name: 'source-title-and-no-title-line',
    source: para('Text.'),
    meta: { sourceTitle: "'Hostile test statement'", sourceTitleLine: 'none' },
    outcome: 'error',
    message: /yaml: sourceTitle: gives the source's title line, but sourceTitleLine says the source has none/u,
  },

  // A closing paragraph that merely starts like a contact footer is text, and so is what follows it.
  {
    name: 'footer-like-sentence',
    source: closing('For more information, see the report of the Director General.', 'Thank you.'),
    outcome: 'inert',
    visible: ['For more information, see the report of the Director General.', 'Thank you.'],
  },
  {
    name: 'contacts-sentence',
    source: closing('Contacts: we will keep in touch with all partners.'),
    outcome: 'inert',
    visible: ['Contacts: we will keep in touch with all partners.'],
  },
  // A real contact footer followed by prose: the footer is removed only whole, at the very end, so the closing stays.
  {
    name: 'footer-then-thank-you',
    source: closing('For more information, please contact\nJane Doe\nPress Office\nEmail: jdoe@example.org', 'Thank you.'),
    outcome: 'inert',
    visible: ['We thank the Council for its work on migration.', 'Thank you.'],
  },

  // A 50,000-word paragraph: published whole; paragraphs.csv splits it over rows that Python's csv reads with its defaults.
  {
    name: 'fifty-thousand-word-paragraph',
    source: para(
      `${'Migration is a global issue which calls for our cooperation. '.repeat(5_000)}End of the fifty-thousand-word paragraph.`,
    ),
    outcome: 'inert',
    visible: ['End of the fifty-thousand-word paragraph.'],
  },
];
