import { describe, expect, it } from 'vitest';
import {
  HEADING_MAX_WORDS,
  classifyBlocks,
  rejoinSplitParagraphs,
  romanValue,
  splitBlocks,
  splitOffSalutations,
  unwrapLines,
} from '../../scripts/normalize/steps/6-blocks.ts';
import type { Line } from '../../scripts/normalize/steps/1-source-text.ts';

const L = (...texts: string[]) => texts.map((text, i) => ({ n: i + 1, text }));
/** Blocks of one line each, numbered as if separated by blank lines (1, 3, 5, …). */
const B = (...texts: string[]): Line[][] => texts.map((text, i) => [{ n: 2 * i + 1, text }]);
/** Each block's text, with its lines joined by " / ". */
const textsOf = (blocks: Line[][]) => blocks.map((b) => b.map((l) => l.text).join(' / '));

describe('splitBlocks', () => {
  it('splits on blank lines and reports the blank-line separator', () => {
    const result = splitBlocks(L('Mr. President,', '', 'The Chinese delegation', 'has listened.', '', 'Thank you.'));
    expect(result).toEqual({
      blocks: [
        [{ n: 1, text: 'Mr. President,' }],
        [
          { n: 3, text: 'The Chinese delegation' },
          { n: 4, text: 'has listened.' },
        ],
        [{ n: 6, text: 'Thank you.' }],
      ],
      separator: 'blank-line',
      blankLinesDropped: 0,
    });
  });

  it('makes each line a paragraph when the text has no blank lines between paragraphs', () => {
    const result = splitBlocks(
      L(
        'China - IOM Director General William Lacy Swing …',
        'Addressing the fourth Conference …',
        '"Only by recognizing migrants’ rights …"',
      ),
    );
    expect(result).toEqual({
      blocks: [
        [{ n: 1, text: 'China - IOM Director General William Lacy Swing …' }],
        [{ n: 2, text: 'Addressing the fourth Conference …' }],
        [{ n: 3, text: '"Only by recognizing migrants’ rights …"' }],
      ],
      separator: 'line-break',
      blankLinesDropped: 0,
    });
  });

  it('still splits on line breaks when the only blank lines are at the start and end', () => {
    const result = splitBlocks(L('', 'First paragraph.', 'Second paragraph.', ''));
    expect(result.separator).toBe('line-break');
    expect(textsOf(result.blocks)).toEqual(['First paragraph.', 'Second paragraph.']);
    expect(result.blankLinesDropped).toBe(2);
  });

  it('counts leading, trailing and extra blank lines as dropped, but not single separators', () => {
    const result = splitBlocks(L('', '', 'a', '', '', '', 'b', '', 'c', ''));
    expect(textsOf(result.blocks)).toEqual(['a', 'b', 'c']);
    // 2 leading + 2 extra between a and b + 0 between b and c + 1 trailing.
    expect(result.blankLinesDropped).toBe(5);
  });

  it('treats a line of spaces as blank', () => {
    const result = splitBlocks(L('a', '   ', 'b'));
    expect(result).toEqual({ blocks: [[{ n: 1, text: 'a' }], [{ n: 3, text: 'b' }]], separator: 'blank-line', blankLinesDropped: 0 });
  });

  it('returns no blocks for blank text and counts every line dropped', () => {
    expect(splitBlocks(L('', '', ''))).toEqual({ blocks: [], separator: 'blank-line', blankLinesDropped: 3 });
  });

  it('returns one block for a one-line text', () => {
    expect(splitBlocks(L('Thank you.'))).toEqual({
      blocks: [[{ n: 1, text: 'Thank you.' }]],
      separator: 'blank-line',
      blankLinesDropped: 0,
    });
  });
});

describe('rejoinSplitParagraphs', () => {
  it('rejoins a paragraph split mid-sentence ("work for common" | "development.")', () => {
    expect(rejoinSplitParagraphs([[{ n: 1, text: 'work for common' }], [{ n: 3, text: 'development.' }]])).toEqual({
      blocks: [[{ n: 1, text: 'work for common development.' }]],
      rejoins: [{ line: 3, joinedLine: 1, before: 'work for common', after: 'development.' }],
    });
  });

  it('rejoins "year-on-year increase" | "of 3.8%." and records the last and first four words', () => {
    const blocks = [
      [{ n: 23, text: '1. Persist in promoting openness. In 2019, entries reached 670 million, a year-on-year increase' }],
      [{ n: 25, text: 'of 3.8%.' }],
      [{ n: 27, text: '2. Adhere to the principle of "people-oriented" …' }],
    ];
    expect(rejoinSplitParagraphs(blocks)).toEqual({
      blocks: [
        [{ n: 23, text: '1. Persist in promoting openness. In 2019, entries reached 670 million, a year-on-year increase of 3.8%.' }],
        [{ n: 27, text: '2. Adhere to the principle of "people-oriented" …' }],
      ],
      rejoins: [{ line: 25, joinedLine: 23, before: 'million, a year-on-year increase', after: 'of 3.8%.' }],
    });
  });

  it('joins the last line of a wrapped block to the first line of the next and keeps the other lines', () => {
    const blocks = [
      [
        { n: 16, text: 'Firstly, we should seek to narrow the gaps' },
        { n: 17, text: 'and work for common' },
      ],
      [
        { n: 19, text: 'development. All countries should' },
        { n: 20, text: 'include migration into their plans.' },
      ],
    ];
    expect(rejoinSplitParagraphs(blocks).blocks).toEqual([
      [
        { n: 16, text: 'Firstly, we should seek to narrow the gaps' },
        { n: 17, text: 'and work for common development. All countries should' },
        { n: 20, text: 'include migration into their plans.' },
      ],
    ]);
  });

  it('rejoins a sentence split over three blocks into one', () => {
    const result = rejoinSplitParagraphs(B('We welcome all member states', 'to implement the Global Compact', 'on Migration.'));
    expect(textsOf(result.blocks)).toEqual(['We welcome all member states to implement the Global Compact on Migration.']);
    expect(result.rejoins.map((r) => [r.line, r.joinedLine])).toEqual([
      [3, 1],
      [5, 1],
    ]);
  });

  it('keeps a salutation ending with a comma apart from the next line', () => {
    const blocks = B('Your Excellency, Counsellor QI Xiaoxia,', 'from the Ministry of Foreign Affairs;');
    expect(rejoinSplitParagraphs(blocks)).toEqual({ blocks, rejoins: [] });
  });

  it('keeps a line ending with a colon apart from the next', () => {
    const blocks = B('these include:', 'provincial action plans.');
    expect(rejoinSplitParagraphs(blocks)).toEqual({ blocks, rejoins: [] });
  });

  it('keeps a block apart from a following block that starts with a digit', () => {
    const blocks = B('… representing a year-on-year increase', '2. Adhere to the principle of "people-oriented" …');
    expect(rejoinSplitParagraphs(blocks)).toEqual({ blocks, rejoins: [] });
  });

  it('keeps a block apart from a following block that starts in upper case', () => {
    const blocks = B('III. The importance of partnership in migration', 'My third and final point is …');
    expect(rejoinSplitParagraphs(blocks)).toEqual({ blocks, rejoins: [] });
  });

  it('keeps a finished sentence apart from a following block in lower case', () => {
    const blocks = B('Thank you.', 'and then …');
    expect(rejoinSplitParagraphs(blocks)).toEqual({ blocks, rejoins: [] });
  });

  it('keeps a block ending with a closing quotation mark apart', () => {
    const blocks = B('the issue “Risk Profiling for Victims of Trafficking”', 'is a critical one.');
    expect(rejoinSplitParagraphs(blocks)).toEqual({ blocks, rejoins: [] });
  });

  it('ignores trailing spaces on the open line and leading spaces on the next', () => {
    const result = rejoinSplitParagraphs([[{ n: 1, text: 'work for common  ' }], [{ n: 3, text: '  development.' }]]);
    expect(result.blocks).toEqual([[{ n: 1, text: 'work for common development.' }]]);
  });
});

describe('unwrapLines', () => {
  it('joins hard-wrapped lines with one space', () => {
    expect(
      unwrapLines(L('It is an honor to be here in Beijing on my first official visit', 'to China. I am pleased, in particular,')),
    ).toEqual({
      text: 'It is an honor to be here in Beijing on my first official visit to China. I am pleased, in particular,',
      joins: 1,
      noSpace: [],
    });
  });

  it('joins an opening quotation mark at a line end to the quoted word without a space', () => {
    expect(
      unwrapLines([
        { n: 162, text: 'China’s ratification of the United Nations “' },
        { n: 163, text: 'Palermo” Trafficking protocol in late 2009' },
      ]),
    ).toEqual({
      text: 'China’s ratification of the United Nations “Palermo” Trafficking protocol in late 2009',
      joins: 1,
      noSpace: [{ line: 163, text: 'Nations “Palermo”' }],
    });
  });

  it('joins a word broken with a hyphen when the next line goes on in lower case', () => {
    expect(unwrapLines(L('a whole-of-', 'government approach'))).toEqual({
      text: 'a whole-of-government approach',
      joins: 1,
      noSpace: [{ line: 2, text: 'a whole-of-government' }],
    });
  });

  it('keeps a space after a dash standing between spaces', () => {
    expect(unwrapLines(L('approach –', 'to address migration')).text).toBe('approach – to address migration');
  });

  it('does not treat a closing quotation mark at a line end as an opening one', () => {
    expect(unwrapLines(L('Consular Officials”.', 'And the issue')).text).toBe('Consular Officials”. And the issue');
  });

  it('trims the indentation and trailing spaces of each line', () => {
    expect(unwrapLines(L('  A national multi-Ministry Coordinating Mechanism on Combating ', '    Trafficking; and the'))).toEqual({
      text: 'A national multi-Ministry Coordinating Mechanism on Combating Trafficking; and the',
      joins: 1,
      noSpace: [],
    });
  });

  it('returns a single line trimmed, with no joins', () => {
    expect(unwrapLines(L('  Thank you.'))).toEqual({ text: 'Thank you.', joins: 0, noSpace: [] });
  });

  it('counts every line break removed', () => {
    expect(unwrapLines(L('a', 'b', 'c', 'd')).joins).toBe(3);
  });
});

describe('romanValue', () => {
  it('returns the value of well-formed numerals', () => {
    expect(['I', 'II', 'III', 'IV', 'V', 'IX', 'XIV', 'XL', 'MCMXCIV'].map(romanValue)).toEqual([1, 2, 3, 4, 5, 9, 14, 40, 1994]);
  });

  it('returns null for malformed numerals', () => {
    expect(['IIII', 'VV', 'IL', 'VX', 'IIV', 'XXXX'].map(romanValue)).toEqual([null, null, null, null, null, null]);
  });

  it('returns null for an empty string', () => {
    expect(romanValue('')).toBeNull();
  });
});

describe('classifyBlocks', () => {
  it('classifies a short block opening with "I." as a heading (its example)', () => {
    expect(classifyBlocks([[{ n: 1, text: 'I. Introduction' }]])).toEqual([
      { kind: 'heading', lines: [{ n: 1, text: 'I. Introduction' }], number: null },
    ]);
  });

  it('recognises a heading wrapped over two lines', () => {
    const block = [
      { n: 36, text: 'I. The first is to recognize and applaud China’s' },
      { n: 37, text: 'important role as a major player in world migration.' },
    ];
    expect(classifyBlocks([block])).toEqual([{ kind: 'heading', lines: block, number: null }]);
  });

  it('recognises I., II., III. in sequence as headings with paragraphs between', () => {
    const blocks = B(
      'I. The first is to recognize and applaud China’s role.',
      'Not only is China the world’s most populous nation …',
      'II. The importance of adopting a “High Road” Migration Scenario.',
      'China is developing such a comprehensive approach …',
      'III. The importance of partnership in migration',
    );
    expect(classifyBlocks(blocks).map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'heading']);
  });

  it('classifies a Roman numeral out of sequence as a paragraph', () => {
    expect(classifyBlocks(B('II. The importance of adopting a “High Road”')).map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('does not count a repeated numeral as the next heading', () => {
    expect(classifyBlocks(B('I. First', 'I. First again', 'II. Second')).map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading']);
  });

  it('classifies a block over HEADING_MAX_WORDS words starting "I." as a paragraph', () => {
    const long = `I. ${Array.from({ length: HEADING_MAX_WORDS }, () => 'word').join(' ')}`;
    expect(long.split(' ')).toHaveLength(HEADING_MAX_WORDS + 1);
    expect(classifyBlocks(B(long)).map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('keeps counting headings from I. after a long "I." paragraph', () => {
    const long = `I. ${Array.from({ length: 40 }, () => 'word').join(' ')}`;
    expect(classifyBlocks(B(long, 'I. Introduction', 'II. Next')).map((b) => b.kind)).toEqual(['paragraph', 'heading', 'heading']);
  });

  it('classifies a block of exactly HEADING_MAX_WORDS words starting "I." as a heading', () => {
    const text = `I. ${Array.from({ length: HEADING_MAX_WORDS - 1 }, () => 'word').join(' ')}`;
    expect(classifyBlocks(B(text)).map((b) => b.kind)).toEqual(['heading']);
  });

  it('does not take "I would like" for a Roman numeral', () => {
    expect(classifyBlocks(B('I would like to make three points:')).map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('classifies numbered blocks as ordered items with their numbers, taking the marker off', () => {
    const blocks = B(
      '1. Resolutely oppose discrimination and hatred against immigrants.',
      '2. Give full play to the positive role of migrants.',
    );
    expect(classifyBlocks(blocks)).toEqual([
      { kind: 'ordered-item', lines: [{ n: 1, text: 'Resolutely oppose discrimination and hatred against immigrants.' }], number: 1 },
      { kind: 'ordered-item', lines: [{ n: 3, text: 'Give full play to the positive role of migrants.' }], number: 2 },
    ]);
  });

  it('accepts "1)" as a number marker', () => {
    expect(classifyBlocks(B('1) Openness.'))).toEqual([{ kind: 'ordered-item', lines: [{ n: 1, text: 'Openness.' }], number: 1 }]);
  });

  it('splits a wrapped block into numbered items that follow each other, the rest continuing an item', () => {
    const block = L(
      '3. Strengthen cooperation to jointly',
      '   deal with migration issues.',
      '4. Continuously improve',
      '6. not the next number',
    );
    expect(classifyBlocks([block])).toEqual([
      {
        kind: 'ordered-item',
        lines: [
          { n: 1, text: 'Strengthen cooperation to jointly' },
          { n: 2, text: '   deal with migration issues.' },
        ],
        number: 3,
      },
      {
        kind: 'ordered-item',
        lines: [
          { n: 3, text: 'Continuously improve' },
          { n: 4, text: '6. not the next number' },
        ],
        number: 4,
      },
    ]);
  });

  it('does not take a year or a decimal at the start of a paragraph for a number', () => {
    expect(classifyBlocks(B('2018. That year the Compact was adopted.', '3.8% more people crossed.')).map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
    ]);
  });

  it('gives one bullet item per bullet line, with an indented continuation line kept with its item', () => {
    const block = [
      { n: 100, text: '  • Provincial and Ministerial Action Plans.' },
      { n: 101, text: '  • A national multi-Ministry Coordinating Mechanism on Combating' },
      { n: 102, text: '    Trafficking; and the' },
      { n: 103, text: '  • Establishment of a Special Office to Combat Trafficking of' },
    ];
    expect(classifyBlocks([block])).toEqual([
      { kind: 'bullet-item', lines: [{ n: 100, text: 'Provincial and Ministerial Action Plans.' }], number: null },
      {
        kind: 'bullet-item',
        lines: [
          { n: 101, text: 'A national multi-Ministry Coordinating Mechanism on Combating' },
          { n: 102, text: '    Trafficking; and the' },
        ],
        number: null,
      },
      { kind: 'bullet-item', lines: [{ n: 103, text: 'Establishment of a Special Office to Combat Trafficking of' }], number: null },
    ]);
  });

  it('gives the continuation line joined to its bullet item once unwrapped', () => {
    const block = L(
      '  • Provincial and Ministerial Action Plans.',
      '  • A national multi-Ministry Coordinating Mechanism on Combating',
      '    Trafficking; and the',
      '  • Establishment …',
    );
    expect(classifyBlocks([block]).map((b) => unwrapLines(b.lines).text)).toEqual([
      'Provincial and Ministerial Action Plans.',
      'A national multi-Ministry Coordinating Mechanism on Combating Trafficking; and the',
      'Establishment …',
    ]);
  });

  it('gives bullet items for an ASCII dash list, lines with the same dash starting items', () => {
    const block = L('- Where we work', '- Data and Research', '- 2030 Agenda');
    expect(classifyBlocks([block])).toEqual([
      { kind: 'bullet-item', lines: [{ n: 1, text: 'Where we work' }], number: null },
      { kind: 'bullet-item', lines: [{ n: 2, text: 'Data and Research' }], number: null },
      { kind: 'bullet-item', lines: [{ n: 3, text: '2030 Agenda' }], number: null },
    ]);
  });

  it('keeps a line with another ASCII bullet as a continuation of a dash item', () => {
    const block = L('- first item', '* not a new item');
    expect(classifyBlocks([block])).toEqual([
      {
        kind: 'bullet-item',
        lines: [
          { n: 1, text: 'first item' },
          { n: 2, text: '* not a new item' },
        ],
        number: null,
      },
    ]);
  });

  it('does not start a list at a line beginning with an en dash inside a paragraph', () => {
    const block = [
      { n: 155, text: 'approach – a “whole of government approach”' },
      { n: 156, text: '– to address migration management, particularly with respect' },
      { n: 157, text: 'to counter trafficking.' },
    ];
    expect(classifyBlocks([block])).toEqual([{ kind: 'paragraph', lines: block, number: null }]);
  });

  it('does not take a block opening with an en dash for a list', () => {
    expect(classifyBlocks(B('– to address migration management')).map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('does not take Markdown bold at the start of a block for a bullet', () => {
    expect(classifyBlocks(B('**Statement by H.E. Ambassador Chen Xu**')).map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('classifies ordinary text as paragraphs, keeping the lines as they are', () => {
    const blocks = B('Mr. President,', 'Thank you.');
    expect(classifyBlocks(blocks)).toEqual([
      { kind: 'paragraph', lines: blocks[0], number: null },
      { kind: 'paragraph', lines: blocks[1], number: null },
    ]);
  });
});

describe('splitOffSalutations', () => {
  it('makes a salutation on the first line of a wrapped block a paragraph of its own', () => {
    expect(textsOf(splitOffSalutations([L('Mr. President,', 'It is an honour to speak', 'here today.')]))).toEqual([
      'Mr. President,',
      'It is an honour to speak / here today.',
    ]);
    expect(textsOf(splitOffSalutations([L('Excellencies, ladies and gentlemen,', 'Welcome.')]))).toEqual([
      'Excellencies, ladies and gentlemen,',
      'Welcome.',
    ]);
  });

  it('leaves a salutation that is already alone, and wrapped prose that only starts like one', () => {
    expect(textsOf(splitOffSalutations([L('Mr. President,')]))).toEqual(['Mr. President,']);
    expect(
      textsOf(splitOffSalutations([L('Dear colleagues from the ministries of labour and of foreign affairs, we', 'Meet today.')])),
    ).toEqual(['Dear colleagues from the ministries of labour and of foreign affairs, we / Meet today.']);
    expect(textsOf(splitOffSalutations([L('Distinguished delegates,', 'and partners from the region:')]))).toEqual([
      'Distinguished delegates, / and partners from the region:',
    ]);
    expect(textsOf(splitOffSalutations([L('We thank Mr. Swing,', 'Director General.')]))).toEqual([
      'We thank Mr. Swing, / Director General.',
    ]);
  });
});
