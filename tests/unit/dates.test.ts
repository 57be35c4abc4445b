import { describe, expect, it } from 'vitest';
import { dateLine, escapeRegExp, findDate, sameDate } from '../../scripts/normalize/steps/date-lines.ts';
import { dateStatusNote } from '../../src/edition/dates.ts';

describe('findDate', () => {
  it('reads a day-month-year line with an abbreviated month ("02 Mar 2010")', () => {
    expect(findDate('02 Mar 2010')).toEqual({ iso: '2010-03-02', precision: 'day', rest: '' });
  });

  it('looks past a word that is not a month ("Year 2011") to a later date', () => {
    expect(findDate('Year 2011 and March 2012')).toEqual({ iso: '2012-03', precision: 'month', rest: 'Year 2011 and ' });
  });

  it('reads a month-day-year date and keeps the rest of the line', () => {
    expect(findDate('November 28, 2012, Geneva')).toEqual({ iso: '2012-11-28', precision: 'day', rest: ', Geneva' });
  });

  it('reads ordinal days ("28th November 2012", "November 28th, 2012")', () => {
    expect(findDate('28th November 2012')?.iso).toBe('2012-11-28');
    expect(findDate('November 28th, 2012')?.iso).toBe('2012-11-28');
  });

  it('reads abbreviations with a full stop and "Sept"', () => {
    expect(findDate('5 Sept. 2012')?.iso).toBe('2012-09-05');
    expect(findDate('Dec. 1, 2011')?.iso).toBe('2011-12-01');
  });

  it('reads month names in any case', () => {
    expect(findDate('2 MARCH 2010')?.iso).toBe('2010-03-02');
  });

  it('reads an ISO date', () => {
    expect(findDate('Geneva, 2012-11-28')).toEqual({ iso: '2012-11-28', precision: 'day', rest: 'Geneva, ' });
  });

  it('reads a month-only date at month precision', () => {
    expect(findDate('March 2021')).toEqual({ iso: '2021-03', precision: 'month', rest: '' });
  });

  it('finds a date inside a sentence and returns the sentence without it', () => {
    expect(findDate('On 28 November 2012 we met')).toEqual({ iso: '2012-11-28', precision: 'day', rest: 'On  we met' });
  });

  it('returns null for a line without a date', () => {
    expect(findDate('Mr. President, Director General Swing,')).toBeNull();
  });

  it('returns null for a bare year, which is not a date line', () => {
    expect(findDate('In 2011, we received 54.12 million visitors')).toBeNull();
  });

  it('returns null when the word before a year is not a month ("Session 2012")', () => {
    expect(findDate('the 101st Session 2012')).toBeNull();
  });

  it('does not take a longer word starting like a month for the month ("Mayor 2012")', () => {
    expect(findDate('Mayor 2012')).toBeNull();
  });
});

describe('dateLine', () => {
  it('accepts a date followed by the place ("November 28, 2012, Geneva")', () => {
    expect(dateLine('November 28, 2012, Geneva', 'Geneva')).toEqual({ iso: '2012-11-28', precision: 'day', rest: ', Geneva' });
  });

  it('accepts a date alone, with or without a place', () => {
    expect(dateLine('02 Mar 2010', null)?.iso).toBe('2010-03-02');
    expect(dateLine('  02 Mar 2010  ', 'Beijing')?.iso).toBe('2010-03-02');
  });

  it('accepts the place before the date and in a different case', () => {
    expect(dateLine('GENEVA – 28 November 2012', 'Geneva')?.iso).toBe('2012-11-28');
  });

  it('accepts every word of a place with several words', () => {
    expect(dateLine('New York, 18 December 2018.', 'New York')?.iso).toBe('2018-12-18');
  });

  it('refuses a line with a place other than the metadata place', () => {
    expect(dateLine('November 28, 2012, Geneva', 'Beijing')).toBeNull();
  });

  it('refuses a date with a place when no place is known', () => {
    expect(dateLine('November 28, 2012, Geneva', null)).toBeNull();
  });

  it('refuses a sentence that mentions a date', () => {
    expect(dateLine('On 28 November 2012 we met', 'Geneva')).toBeNull();
  });

  it('does not take a place word out of a longer word', () => {
    expect(dateLine('28 November 2012, Genevan', 'Geneva')).toBeNull();
  });

  it('returns null for a line without a date', () => {
    expect(dateLine('Geneva', 'Geneva')).toBeNull();
  });
});

describe('sameDate', () => {
  it('returns true for the same day', () => {
    expect(sameDate('2012-11-28', '2012-11-28')).toBe(true);
  });

  it('returns true when a day falls in a month-precision date', () => {
    expect(sameDate('2010-03-02', '2010-03')).toBe(true);
    expect(sameDate('2010-03', '2010-03-02')).toBe(true);
  });

  it('returns true when a day falls in a year-precision date', () => {
    expect(sameDate('2012-11-28', '2012')).toBe(true);
  });

  it('returns false for another day of the same month', () => {
    expect(sameDate('2012-11-28', '2012-11-29')).toBe(false);
  });

  it('returns false for another month or year', () => {
    expect(sameDate('2010-03-02', '2010-04')).toBe(false);
    expect(sameDate('2011-11-28', '2012')).toBe(false);
  });
});

describe('escapeRegExp', () => {
  it('escapes the characters that have a meaning in a regular expression', () => {
    expect(escapeRegExp('St. Petersburg (Russia)')).toBe('St\\. Petersburg \\(Russia\\)');
  });

  it('gives a pattern that matches the string literally, also with the u flag', () => {
    const s = 'a.b*c+d?e^f$g{1}h(i)j|k[l]m\\n';
    expect(new RegExp(`^${escapeRegExp(s)}$`, 'u').test(s)).toBe(true);
    expect(new RegExp(`^${escapeRegExp(s)}$`, 'u').test('aXb*c+d?e^f$g{1}h(i)j|k[l]m\\n')).toBe(false);
  });

  it('leaves letters, digits and spaces alone', () => {
    expect(escapeRegExp('Geneva 2012')).toBe('Geneva 2012');
  });
});

describe('dateStatusNote', () => {
  it('marks an inferred date, and only an inferred one', () => {
    expect(dateStatusNote({ status: 'inferred' })).toBe(' (inferred)');
    expect(dateStatusNote({ status: 'stated' })).toBe('');
  });
});
