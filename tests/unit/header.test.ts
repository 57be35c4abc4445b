import { describe, expect, it } from 'vitest';
import { type Removal, editorRemovals, statementMetaInput } from '../../src/edition/schemas.ts';
import {
  CHROME_MAX_WORDS,
  HEADER_MAX_LINES,
  addRemoval,
  findTitle,
  findTitleAtLine,
  isAbbreviation,
  isChromeLine,
  removeListedLines,
  stripHeaderMatter,
  words,
} from '../../scripts/normalize/steps/4-header.ts';
import { listedRemovalProblems } from '../../scripts/normalize/pipeline.ts';

const L = (...texts: string[]) => texts.map((text, i) => ({ n: i + 1, text }));
const NAV = 'website navigation or section label before the title';
const TITLE = 'title; it is in the metadata';
const DATE = 'date line; the date is in the metadata';

describe('isChromeLine', () => {
  it('takes menu items, section labels, names, offices and contact lines for chrome', () => {
    for (const line of [
      '-',
      'Who we are',
      'What We Do',
      '- 2030 Agenda',
      'Statements and Speeches',
      'Pär Liljert',
      'IOM Beijing',
      'Tel. +86 10 597 996 95',
      'Email: pliljert@iom.int',
      'For more information, please contact',
      'For further information:',
      'Director General Discusses Migration Governance in China',
      '**Statement by H.E. Ambassador Chen Xu',
    ]) {
      expect(isChromeLine(line), line).toBe(true);
    }
  });

  it('is not blank', () => {
    expect(isChromeLine('')).toBe(false);
    expect(isChromeLine('   ')).toBe(false);
  });

  it(`allows at most ${CHROME_MAX_WORDS} words; "-" and "•" are not words`, () => {
    const w = (n: number) => Array.from({ length: n }, (_x, i) => `w${i}`).join(' ');
    expect(isChromeLine(w(CHROME_MAX_WORDS))).toBe(true);
    expect(isChromeLine(w(CHROME_MAX_WORDS + 1))).toBe(false);
    expect(isChromeLine(`- • ${w(CHROME_MAX_WORDS)} -`)).toBe(true);
  });

  it('refuses a line that ends a sentence, even behind closing quotes, brackets or emphasis', () => {
    for (const line of ['Thank you.', 'Why now?', 'Never again!', 'He said “enough.”', '(See the report.)', '**Thank you.**']) {
      expect(isChromeLine(line), line).toBe(false);
    }
  });

  it('refuses a line that leaves a clause open: a salutation or a wrapped sentence', () => {
    for (const line of ['Mr. President,', 'Excellencies, ladies and gentlemen,', 'from the Ministry of Foreign Affairs;']) {
      expect(isChromeLine(line), line).toBe(false);
    }
  });

  it('refuses a short line holding a sentence of several words', () => {
    expect(isChromeLine('We met in Geneva. It was a good day')).toBe(false);
    expect(isChromeLine('Is it true? Some say so')).toBe(false);
  });

  it('takes a stop after an abbreviation, an initial or fewer than three words for no sentence', () => {
    for (const line of [
      'Statement by H.E. Ambassador Chen Xu',
      'Speech by W. L. Swing',
      'Remarks by Mr. Ke',
      'Read more. Share this',
      'Contact: Dr. Jane Doe',
    ]) {
      expect(isChromeLine(line), line).toBe(true);
    }
  });

  it('refuses the long lines of the 2014 navigation and of prose', () => {
    expect(
      isChromeLine(
        'WHO WE AREThe International Organization for Migration (IOM) is part of the United Nations System as the leading inter-governmental organization',
      ),
    ).toBe(false);
  });
});

describe('isAbbreviation', () => {
  it('recognises initials, dotted abbreviations and listed titles', () => {
    for (const t of ['W.', 'H.E.', 'e.g.', 'Mr.', 'Tel.', 'No.', '(Dr.', 'etc.”']) expect(isAbbreviation(t), t).toBe(true);
  });

  it('does not take an ordinary word for one', () => {
    for (const t of ['China.', 'here.', 'IOM.', 'you.']) expect(isAbbreviation(t), t).toBe(false);
  });
});

describe('words', () => {
  it('returns lower-cased words without Markdown or punctuation', () => {
    expect(words('**Statement by H.E. Ambassador')).toEqual(['statement', 'by', 'h', 'e', 'ambassador']);
  });

  it('keeps digits and non-Latin letters as words', () => {
    expect(words('101st Session, 中国')).toEqual(['101st', 'session', '中国']);
  });

  it('splits on apostrophes and hyphens', () => {
    expect(words('China’s multi-Ministry')).toEqual(['china', 's', 'multi', 'ministry']);
  });

  it('returns no words for a line of punctuation', () => {
    expect(words('- – **')).toEqual([]);
  });
});

describe('findTitle', () => {
  it('finds a one-line title regardless of case', () => {
    expect(findTitle(L('A Title', 'Text.'), 'A title')).toEqual([0, 1]);
  });

  it('finds a Markdown bold title wrapped over two lines', () => {
    const lines = L(
      '',
      '',
      '**Statement by H.E. Ambassador Chen Xu',
      'at the 114th Session of the Council of IOM**',
      '',
      'Mr. Chairperson,',
    );
    expect(findTitle(lines, 'Statement by H.E. Ambassador Chen Xu at the 114th Session of the Council of IOM')).toEqual([2, 4]);
  });

  it('finds a title whose punctuation differs from the metadata', () => {
    const lines = L(
      'Statement by Ambassador Wu Haitao',
      'Head of the Chinese Delegation at the',
      'General Debate, 101st Session of the Council, IOM',
      '',
    );
    const title =
      'Statement by Ambassador Wu Haitao, Head of the Chinese Delegation, at the General Debate, 101st Session of the Council, IOM';
    expect(findTitle(lines, title)).toEqual([0, 3]);
  });

  it('finds the title after website navigation lines', () => {
    const lines = L(
      '-',
      'Who we are',
      'What We Do',
      'What We Do',
      '- 2030 Agenda',
      'Director General Discusses Migration Governance in China',
      'China - IOM Director General',
    );
    expect(findTitle(lines, 'Director General Discusses Migration Governance in China')).toEqual([5, 6]);
  });

  it('does not find a title split by a blank line', () => {
    expect(findTitle(L('Statement by', '', 'the Ambassador'), 'Statement by the Ambassador')).toBeNull();
  });

  it('does not find a title that only begins a longer line', () => {
    expect(findTitle(L('My Title and more words', 'Text.'), 'My Title')).toBeNull();
  });

  it('does not find a title that starts in the middle of a line', () => {
    expect(findTitle(L('Welcome to My Title', 'Text.'), 'My Title')).toBeNull();
  });

  it('does not find a title missing a word', () => {
    expect(findTitle(L('Statement by Ambassador', 'Text.'), 'Statement by the Ambassador')).toBeNull();
  });

  it('returns null for a title without words', () => {
    expect(findTitle(L('–', 'Text.'), '–')).toBeNull();
  });

  it('looks only at the first HEADER_MAX_LINES lines', () => {
    const filler = Array.from({ length: HEADER_MAX_LINES }, () => 'Menu');
    expect(findTitle(L(...filler.slice(1), 'My Title'), 'My Title')).toEqual([HEADER_MAX_LINES - 1, HEADER_MAX_LINES]);
    expect(findTitle(L(...filler, 'My Title'), 'My Title')).toBeNull();
  });
});

describe('findTitleAtLine', () => {
  it('finds the title beginning on the given source line, anywhere in the source', () => {
    const lines = L(...Array.from({ length: HEADER_MAX_LINES + 5 }, () => 'Menu'), 'My', 'Title', 'Body.');
    expect(findTitleAtLine(lines, 'My Title', HEADER_MAX_LINES + 6)).toEqual([HEADER_MAX_LINES + 5, HEADER_MAX_LINES + 7]);
  });

  it('returns null when the title does not begin on that line, or the line is gone', () => {
    expect(findTitleAtLine(L('Home', 'My Title'), 'My Title', 1)).toBeNull();
    expect(findTitleAtLine([{ n: 3, text: 'My Title' }], 'My Title', 2)).toBeNull();
  });
});

describe('stripHeaderMatter', () => {
  it('drops a line before the title, the title, and keeps the body (its example)', () => {
    const result = stripHeaderMatter(L('Home', 'My Title', 'Body.'), { title: 'My Title', date: '2010', place: null }, 'a.txt');
    expect(result).toEqual({
      lines: [{ n: 3, text: 'Body.' }],
      removals: [
        { fromLine: 1, toLine: 1, kind: 'navigation', reason: NAV, text: ['Home'] },
        { fromLine: 2, toLine: 2, kind: 'title', reason: TITLE, text: ['My Title'] },
      ],
      problems: [],
      titleFound: true,
      blankLines: 0,
    });
  });

  it('removes website navigation before the title as one navigation removal', () => {
    const lines = L(
      '-',
      'Who we are',
      'What We Do',
      'What We Do',
      '- 2030 Agenda',
      'Director General Discusses Migration Governance in China',
      'China - IOM Director General William Lacy Swing …',
    );
    const result = stripHeaderMatter(
      lines,
      { title: 'Director General Discusses Migration Governance in China', date: '2014-05', place: 'Shanghai' },
      'a.txt',
    );
    expect(result.removals).toEqual([
      { fromLine: 1, toLine: 5, kind: 'navigation', reason: NAV, text: ['-', 'Who we are', 'What We Do', 'What We Do', '- 2030 Agenda'] },
      { fromLine: 6, toLine: 6, kind: 'title', reason: TITLE, text: ['Director General Discusses Migration Governance in China'] },
    ]);
    expect(result.lines).toEqual([{ n: 7, text: 'China - IOM Director General William Lacy Swing …' }]);
    expect(result.problems).toEqual([]);
  });

  it('removes a date line before the title as a date line, apart from the navigation', () => {
    const lines = L(
      'Statements and Speeches',
      '02 Mar 2010',
      '',
      'CBMM China: Training for Immigration',
      '',
      'Your Excellency, Counsellor QI Xiaoxia,',
    );
    const result = stripHeaderMatter(
      lines,
      { title: 'CBMM China: Training for Immigration', date: '2010-03-02', place: 'Beijing' },
      'a.txt',
    );
    expect(result.removals).toEqual([
      { fromLine: 1, toLine: 1, kind: 'navigation', reason: NAV, text: ['Statements and Speeches'] },
      { fromLine: 2, toLine: 2, kind: 'date-line', reason: DATE, text: ['02 Mar 2010'] },
      { fromLine: 4, toLine: 4, kind: 'title', reason: TITLE, text: ['CBMM China: Training for Immigration'] },
    ]);
    expect(result.lines).toEqual([{ n: 6, text: 'Your Excellency, Counsellor QI Xiaoxia,' }]);
    expect(result.blankLines).toBe(2);
    expect(result.problems).toEqual([]);
  });

  it('removes "date, Geneva" after the title when the place is Geneva, with the blank lines around it', () => {
    const lines = L(
      '',
      '',
      'Statement by Ambassador Wu Haitao',
      'Head of the Chinese Delegation',
      '',
      'November 28, 2012, Geneva',
      '',
      'Mr. President, Director General Swing,',
      '',
      'The Chinese delegation …',
    );
    const result = stripHeaderMatter(
      lines,
      { title: 'Statement by Ambassador Wu Haitao, Head of the Chinese Delegation', date: '2012-11-28', place: 'Geneva' },
      'a.txt',
    );
    expect(result).toEqual({
      lines: [
        { n: 8, text: 'Mr. President, Director General Swing,' },
        { n: 9, text: '' },
        { n: 10, text: 'The Chinese delegation …' },
      ],
      removals: [
        {
          fromLine: 3,
          toLine: 4,
          kind: 'title',
          reason: TITLE,
          text: ['Statement by Ambassador Wu Haitao', 'Head of the Chinese Delegation'],
        },
        { fromLine: 6, toLine: 6, kind: 'date-line', reason: DATE, text: ['November 28, 2012, Geneva'] },
      ],
      problems: [],
      titleFound: true,
      blankLines: 4,
    });
  });

  it('keeps a "date, place" line after the title when the place is another one', () => {
    const lines = L('My Title', 'November 28, 2012, Geneva', 'Body.');
    const result = stripHeaderMatter(lines, { title: 'My Title', date: '2012-11-28', place: 'Beijing' }, 'a.txt');
    expect(result.lines).toEqual([
      { n: 2, text: 'November 28, 2012, Geneva' },
      { n: 3, text: 'Body.' },
    ]);
    expect(result.removals.map((r) => r.kind)).toEqual(['title']);
  });

  it('reports a date line that contradicts the metadata date, naming the line', () => {
    const lines = L('My Title', '', 'November 28, 2011, Geneva', 'Body.');
    const result = stripHeaderMatter(lines, { title: 'My Title', date: '2012-11-28', place: 'Geneva' }, 'sources/a.txt');
    expect(result.problems).toEqual([
      {
        file: 'sources/a.txt',
        where: 'line 3',
        message: 'the date line "November 28, 2011, Geneva" says 2011-11-28 but the metadata date is 2012-11-28',
      },
    ]);
  });

  it('reports a contradicting date line before the title too', () => {
    const lines = L('03 Mar 2010', 'My Title', 'Body.');
    const result = stripHeaderMatter(lines, { title: 'My Title', date: '2010-03-02', place: null }, 'a.txt');
    expect(result.problems.map((p) => p.where)).toEqual(['line 1']);
  });

  it('accepts a date line that agrees with a month-precision metadata date', () => {
    const lines = L('My Title', '15 March 2021', 'Body.');
    const result = stripHeaderMatter(lines, { title: 'My Title', date: '2021-03', place: null }, 'a.txt');
    expect(result.problems).toEqual([]);
    expect(result.lines).toEqual([{ n: 3, text: 'Body.' }]);
  });

  it('keeps a body sentence that mentions a date right after the title', () => {
    const lines = L('My Title', 'On 28 November 2012 we met in Geneva.');
    const result = stripHeaderMatter(lines, { title: 'My Title', date: '2012-11-28', place: 'Geneva' }, 'a.txt');
    expect(result.lines).toEqual([{ n: 2, text: 'On 28 November 2012 we met in Geneva.' }]);
  });

  it('drops only leading date lines and blank lines when the title is not in the source', () => {
    const lines = L('', '02 Mar 2010', '', 'Home', 'Body.');
    const result = stripHeaderMatter(lines, { title: 'Not in the Source', date: '2010-03-02', place: null }, 'a.txt');
    expect(result).toEqual({
      lines: [
        { n: 4, text: 'Home' },
        { n: 5, text: 'Body.' },
      ],
      removals: [{ fromLine: 2, toLine: 2, kind: 'date-line', reason: DATE, text: ['02 Mar 2010'] }],
      problems: [],
      titleFound: false,
      blankLines: 2,
    });
  });

  it('keeps everything when there is neither a title nor a date line', () => {
    const lines = L('Dear Chair,', 'Thank you.');
    const result = stripHeaderMatter(lines, { title: 'Remarks by Mr. Ke Yousheng', date: '2021-03', place: null }, 'a.txt');
    expect(result.lines).toEqual(lines);
    expect(result.removals).toEqual([]);
    expect(result.titleFound).toBe(false);
  });
});

describe('stripHeaderMatter: no prose removed by a heuristic', () => {
  const FACTS = { title: 'Hostile test statement', date: '2015', place: null };
  const PROSE_ABOVE = L(
    'Mr. President,',
    '',
    'Migration is a shared responsibility, and no country can manage it alone.',
    '',
    'Hostile test statement',
    '',
    'Thank you.',
  );

  it('stops, naming the lines, the first prose line and what to do, when a body line equals the title below prose', () => {
    const result = stripHeaderMatter(PROSE_ABOVE, FACTS, 'sources/x.txt');
    expect(result.lines).toEqual(PROSE_ABOVE);
    expect(result.removals).toEqual([]);
    expect(result.problems).toEqual([
      {
        file: 'sources/x.txt',
        where: 'lines 1–3',
        message:
          'would be removed as website navigation above the title (line 5), but line 1 reads as prose ("Mr. President,") (and 1 other line); ' +
          'if it is not part of the statement, list it under removals in sources/x.yaml with a reason; ' +
          "if it is, the title is not there: give sourceTitleLine in sources/x.yaml (the title's line, or none)",
      },
    ]);
  });

  it('quotes a long prose line cut after 60 characters', () => {
    const long = 'WHO WE AREThe International Organization for Migration (IOM) is part of the United Nations System.';
    const result = stripHeaderMatter(L('-', 'Who we are', long, 'A Title', 'Body.'), { ...FACTS, title: 'A Title' }, 'sources/x.txt');
    expect(result.problems[0]!.where).toBe('lines 1–3');
    expect(result.problems[0]!.message).toContain(
      'line 3 reads as prose ("WHO WE AREThe International Organization for Migration (IOM)…")',
    );
  });

  it('with sourceTitleLine: none, finds no title and keeps the body line that equals it', () => {
    const result = stripHeaderMatter(PROSE_ABOVE, { ...FACTS, titleLine: 'none' }, 'sources/x.txt');
    expect(result).toEqual({ lines: PROSE_ABOVE, removals: [], problems: [], titleFound: false, blankLines: 0 });
  });

  it('with sourceTitleLine, takes the title there rather than the first match', () => {
    const lines = L('Breadcrumb', 'My Title', 'Home', 'My Title', 'Body.');
    const result = stripHeaderMatter(lines, { title: 'My Title', date: '2010', place: null, titleLine: 4 }, 'sources/x.txt');
    expect(result.lines).toEqual([{ n: 5, text: 'Body.' }]);
    expect(result.removals.map((r) => [r.kind, r.fromLine, r.toLine])).toEqual([
      ['navigation', 1, 3],
      ['title', 4, 4],
    ]);
  });

  it('with sourceTitleLine below prose, stops too, and says the line may be wrong', () => {
    const result = stripHeaderMatter(PROSE_ABOVE, { ...FACTS, titleLine: 5 }, 'sources/x.txt');
    expect(result.removals).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/; if it is, sourceTitleLine in sources\/x\.yaml does not point at the title$/u),
    ]);
  });

  it('with sourceTitleLine on a line where the title is not, reports it in the metadata file', () => {
    const result = stripHeaderMatter(
      L('Home', 'My Title'),
      { title: 'My Title', date: '2010', place: null, titleLine: 1 },
      'sources/x.txt',
    );
    expect(result.problems).toEqual([
      {
        file: 'sources/x.yaml',
        where: 'sourceTitleLine',
        message:
          'the title "My Title" does not begin on line 1 of sources/x.txt (its words must fill that line and the lines right after it)',
      },
    ]);
    expect(result.titleFound).toBe(false);
  });

  it('still removes chrome and date lines above the title', () => {
    const lines = L('Home', '- News', '02 Mar 2010', '', 'My Title', 'Body.');
    const result = stripHeaderMatter(lines, { title: 'My Title', date: '2010-03-02', place: null }, 'a.txt');
    expect(result.problems).toEqual([]);
    expect(result.removals.map((r) => r.kind)).toEqual(['navigation', 'date-line', 'title']);
  });
});

describe('removeListedLines', () => {
  it('removes each listed range as one editor removal with its reason, blank lines counted apart', () => {
    const lines = L('Menu blurb. It is long.', '', 'More menu.', 'My Title', 'Body.', 'Share this page.');
    const result = removeListedLines(lines, [
      { from: 6, to: 6, reason: 'A share button.' },
      { from: 1, to: 3, reason: 'the website menu' },
    ]);
    expect(result).toEqual({
      lines: [
        { n: 4, text: 'My Title' },
        { n: 5, text: 'Body.' },
      ],
      removals: [
        { fromLine: 1, toLine: 3, kind: 'editor', reason: 'the website menu', text: ['Menu blurb. It is long.', 'More menu.'] },
        { fromLine: 6, toLine: 6, kind: 'editor', reason: 'A share button', text: ['Share this page.'] },
      ],
      blankLines: 1,
    });
  });

  it('removes nothing when nothing is listed', () => {
    const lines = L('Body.');
    expect(removeListedLines(lines, [])).toEqual({ lines, removals: [], blankLines: 0 });
  });
});

describe("the metadata's removals and sourceTitleLine", () => {
  it('accepts ranges with reasons, and sourceTitleLine as a line or none', () => {
    expect(editorRemovals.parse([{ from: 1, to: 22, reason: 'Menu.' }])).toEqual([{ from: 1, to: 22, reason: 'Menu.' }]);
    const shape = statementMetaInput.shape;
    expect(shape.sourceTitleLine.safeParse(3).success).toBe(true);
    expect(shape.sourceTitleLine.safeParse('none').success).toBe(true);
    expect(shape.sourceTitleLine.safeParse(0).success).toBe(false);
    expect(shape.sourceTitleLine.safeParse('3').success).toBe(false);
  });

  it('refuses a range without a reason, ending before it starts, or at line 0', () => {
    const issues = (v: unknown) => editorRemovals.safeParse(v).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues([{ from: 1, to: 2 }])![0]![0]).toBe('0.reason');
    expect(issues([{ from: 1, to: 2, reason: ' ' }])).toEqual([['0.reason', 'must not be empty']]);
    expect(issues([{ from: 5, to: 2, reason: 'r' }])).toEqual([['0.to', 'must not be before from']]);
    expect(issues([{ from: 0, to: 2, reason: 'r' }])![0]![0]).toBe('0.from');
    expect(issues([{ from: 1, to: 2, reason: 'r', kind: 'x' }])![0]![1]).toMatch(/Unrecognized key/u);
  });

  it('refuses overlapping ranges, naming both', () => {
    const r = editorRemovals.safeParse([
      { from: 10, to: 12, reason: 'r' },
      { from: 1, to: 5, reason: 'r' },
      { from: 5, to: 6, reason: 'r' },
    ]);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['2.from', 'lines 5–6 overlap removals.1 (lines 1–5); each line may be listed once'],
    ]);
  });

  it('refuses line numbers past the end of the source (a final line break starts no line)', () => {
    const lines = L('a', 'b', '');
    expect(listedRemovalProblems({ removals: [{ from: 1, to: 2, reason: 'r' }], sourceTitleLine: 2 }, lines, 'sources/x.txt')).toEqual([]);
    expect(
      listedRemovalProblems(
        {
          removals: [
            { from: 1, to: 3, reason: 'r' },
            { from: 4, to: 4, reason: 'r' },
          ],
          sourceTitleLine: 9,
        },
        lines,
        'sources/x.txt',
      ),
    ).toEqual([
      { file: 'sources/x.yaml', where: 'removals.0.to', message: 'line 3 is past the end of sources/x.txt, which has 2 lines' },
      { file: 'sources/x.yaml', where: 'removals.1.from', message: 'line 4 is past the end of sources/x.txt, which has 2 lines' },
      { file: 'sources/x.yaml', where: 'sourceTitleLine', message: 'line 9 is past the end of sources/x.txt, which has 2 lines' },
    ]);
  });
});

describe('addRemoval', () => {
  it('starts a removal with the trimmed line', () => {
    const removals: Removal[] = [];
    addRemoval(removals, { n: 4, text: '  Who we are ' }, 'navigation', NAV);
    expect(removals).toEqual([{ fromLine: 4, toLine: 4, kind: 'navigation', reason: NAV, text: ['Who we are'] }]);
  });

  it('extends the previous removal of the same kind and reason', () => {
    const removals: Removal[] = [];
    addRemoval(removals, { n: 1, text: '-' }, 'navigation', NAV);
    addRemoval(removals, { n: 3, text: 'Who we are' }, 'navigation', NAV);
    expect(removals).toEqual([{ fromLine: 1, toLine: 3, kind: 'navigation', reason: NAV, text: ['-', 'Who we are'] }]);
  });

  it('starts a new removal for another kind', () => {
    const removals: Removal[] = [];
    addRemoval(removals, { n: 1, text: 'Home' }, 'navigation', NAV);
    addRemoval(removals, { n: 2, text: '02 Mar 2010' }, 'date-line', DATE);
    addRemoval(removals, { n: 3, text: 'Menu' }, 'navigation', NAV);
    expect(removals.map((r) => [r.kind, r.fromLine, r.toLine])).toEqual([
      ['navigation', 1, 1],
      ['date-line', 2, 2],
      ['navigation', 3, 3],
    ]);
  });

  it('starts a new removal for the same kind with another reason', () => {
    const removals: Removal[] = [];
    addRemoval(removals, { n: 1, text: 'a' }, 'navigation', 'one reason');
    addRemoval(removals, { n: 2, text: 'b' }, 'navigation', 'another reason');
    expect(removals).toHaveLength(2);
  });
});
