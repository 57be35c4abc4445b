import { describe, expect, it } from 'vitest';
import type { Removal } from '../../src/edition/schemas.ts';
import { HEADER_MAX_LINES, addRemoval, findTitle, stripHeaderMatter, words } from '../../scripts/normalize/steps/4-header.ts';

const L = (...texts: string[]) => texts.map((text, i) => ({ n: i + 1, text }));
const NAV = 'website navigation or section label before the title';
const TITLE = 'title; it is in the metadata';
const DATE = 'date line; the date is in the metadata';

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
