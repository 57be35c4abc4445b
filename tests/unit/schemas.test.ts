import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  dateFact,
  dateFactInput,
  fact,
  factInput,
  FIRST_YEAR,
  httpUrl,
  isRealDate,
  lastYear,
  lineText,
  paragraphText,
  plainText,
  precisionOf,
  slug,
  speakerSchema,
  statementMetaInput,
  themeSchema,
  yearProblem,
} from '../../src/edition/schemas.ts';

/** The messages of a failed parse, each prefixed with its path. */
function issuesOf(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeParse(input);
  if (r.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('slug', () => {
  it('accepts lower-case words joined by single hyphens', () => {
    expect(slug.parse('2012-11-28-wu-haitao-iom-council')).toBe('2012-11-28-wu-haitao-iom-council');
  });

  it('refuses upper case, spaces, double, leading and trailing hyphens and the empty string', () => {
    for (const bad of ['Wu-Haitao', 'wu haitao', 'wu--haitao', '-wu', 'wu-', '', 'wu_haitao', 'café']) {
      expect(slug.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('explains what a slug looks like', () => {
    expect(issuesOf(slug, 'Wu Haitao')).toEqual([': must be a lower-case slug such as "wu-haitao"']);
  });

  it('accepts 100 characters and refuses 101: a slug names a file and a URL', () => {
    expect(slug.parse('a'.repeat(100))).toBe('a'.repeat(100));
    expect(issuesOf(slug, 'a'.repeat(101))).toEqual([': must be at most 100 characters (it names a file and a URL)']);
  });
});

describe('plainText', () => {
  it('accepts text with typographic punctuation and non-Latin letters', () => {
    expect(plainText.parse('China’s “whole of government” approach — 中国')).toBe('China’s “whole of government” approach — 中国');
  });

  it('trims the text', () => {
    expect(plainText.parse('  Geneva \n')).toBe('Geneva');
  });

  it('accepts tabs and line breaks inside the text', () => {
    expect(plainText.parse('a\tb\nc')).toBe('a\tb\nc');
  });

  it('refuses empty and whitespace-only text', () => {
    expect(issuesOf(plainText, '')).toEqual([': must not be empty']);
    expect(issuesOf(plainText, '  \n ')).toEqual([': must not be empty']);
  });

  it('refuses a right-to-left override, which can disguise text, naming it and where it is', () => {
    expect(issuesOf(plainText, 'Geneva\u202Eavenue')).toEqual([
      ': contains a control, zero-width or bidi-control character: U+202E (a bidirectional control, which can make text read in another order) at character 7',
    ]);
  });

  it('refuses the Arabic letter mark and tag characters, which the earlier list missed', () => {
    expect(plainText.safeParse('a\u061Cb').success).toBe(false);
    expect(plainText.safeParse('a\u{E0041}b').success).toBe(false);
  });

  it('refuses a byte-order mark before trimming could hide it', () => {
    expect(plainText.safeParse('\uFEFFGeneva').success).toBe(false);
  });

  it('has no length limit (it is also the frontmatter schema)', () => {
    expect(plainText.parse('x'.repeat(100_000))).toHaveLength(100_000);
  });

  it('refuses other bidi controls, zero-width characters and a byte-order mark', () => {
    for (const ch of ['\u202A', '\u2066', '\u2069', '\u200E', '\u200B', '\u2060', '\uFEFF']) {
      expect(plainText.safeParse(`a${ch}b`).success, `U+${ch.codePointAt(0)!.toString(16)}`).toBe(false);
    }
  });

  it('refuses control characters', () => {
    for (const ch of ['\u0000', '\u0007', '\u000B', '\u001B', '\u007F', '\u0085']) {
      expect(plainText.safeParse(`a${ch}b`).success, `U+${ch.codePointAt(0)!.toString(16)}`).toBe(false);
    }
  });

  it('refuses non-strings', () => {
    expect(plainText.safeParse(42).success).toBe(false);
  });
});

describe('lineText', () => {
  it('accepts one line of up to 300 characters, trimmed', () => {
    expect(lineText.parse('  General Debate \n')).toBe('General Debate');
    expect(lineText.parse('x'.repeat(300))).toHaveLength(300);
  });

  it('refuses a line break or a tab inside the text', () => {
    expect(issuesOf(lineText, 'Statement\n<h1>x</h1>')).toEqual([': must be one line (it has a line break at character 10)']);
    expect(issuesOf(lineText, 'a\tb')).toEqual([': must be one line (it has a tab at character 2; write a space)']);
  });

  it('refuses 301 characters: a title longer than that is a paragraph', () => {
    expect(issuesOf(lineText, 'x'.repeat(301))).toEqual([': must be at most 300 characters']);
  });

  it('refuses what plainText refuses', () => {
    expect(lineText.safeParse('a\u200Bb').success).toBe(false);
    expect(issuesOf(lineText, ' ')).toEqual([': must not be empty']);
  });
});

describe('paragraphText', () => {
  it('accepts line breaks and tabs, up to 5,000 characters', () => {
    expect(paragraphText.parse('one\n\ttwo')).toBe('one\n\ttwo');
    expect(paragraphText.parse('x'.repeat(5000))).toHaveLength(5000);
  });

  it('refuses 5,001 characters', () => {
    expect(issuesOf(paragraphText, 'x'.repeat(5001))).toEqual([': must be at most 5,000 characters']);
  });
});

describe('httpUrl', () => {
  it('accepts https and http URLs', () => {
    expect(httpUrl.parse('https://www.iom.int/news/director-general-discusses-migration-governance-china')).toBe(
      'https://www.iom.int/news/director-general-discusses-migration-governance-china',
    );
    expect(httpUrl.parse('http://www.china-un.ch/eng/')).toBe('http://www.china-un.ch/eng/');
  });

  it('trims surrounding spaces', () => {
    expect(httpUrl.parse(' https://www.iom.int/ ')).toBe('https://www.iom.int/');
  });

  it('refuses a javascript: URL', () => {
    expect(issuesOf(httpUrl, 'javascript:alert(1)')).toEqual([': must be an absolute http:// or https:// URL']);
  });

  it('refuses a javascript: URL in mixed case with leading spaces', () => {
    expect(httpUrl.safeParse('  JavaScript:alert(1)').success).toBe(false);
  });

  it('refuses a data: URL', () => {
    expect(httpUrl.safeParse('data:text/html,x').success).toBe(false);
  });

  it('refuses a URL with a user name or password', () => {
    expect(issuesOf(httpUrl, 'https://user:pass@www.iom.int/')).toEqual([': must not contain a user name or password (…@)']);
    expect(httpUrl.safeParse('https://user@www.iom.int/').success).toBe(false);
  });

  it('refuses a right-to-left override that makes "…/\u202Egnp.exe" read as "…/exe.png"', () => {
    expect(issuesOf(httpUrl, 'https://www.iom.int/\u202Egnp.exe')).toEqual([
      ': contains a control, zero-width or bidi-control character: U+202E (a bidirectional control, which can make text read in another order) at character 21',
    ]);
  });

  it('refuses NUL, backspace, a line break, a tab and inner spaces', () => {
    for (const bad of [
      'https://www.iom.int/a\u0000b',
      'https://www.iom.int/a\bb',
      'https://www.iom.int/a\nb',
      'https://www.iom.int/a\tb',
    ]) {
      expect(httpUrl.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(issuesOf(httpUrl, 'https://www.iom.int/a b')).toEqual([': must not contain spaces or other whitespace (write %20)']);
    expect(httpUrl.safeParse('https://www.iom.int/a\u00A0b').success).toBe(false);
  });

  it('accepts 2,000 characters and refuses 2,001, and a 2 MB URL at once', () => {
    const base = 'https://www.iom.int/';
    expect(httpUrl.safeParse(base + 'a'.repeat(2000 - base.length)).success).toBe(true);
    expect(issuesOf(httpUrl, base + 'a'.repeat(2001 - base.length))).toEqual([': must be at most 2,000 characters (it has 2,001)']);
    expect(issuesOf(httpUrl, base + 'a'.repeat(2 * 1024 * 1024))).toEqual([': must be at most 2,000 characters (it has 2,097,172)']);
  });

  it('accepts international domain names and percent-encoded paths', () => {
    expect(httpUrl.safeParse('https://例子.测试/路径?q=%E2%80%AE').success).toBe(true);
  });

  it('refuses other schemes, relative URLs and non-URLs', () => {
    for (const bad of [
      'ftp://iom.int/a',
      'file:///etc/passwd',
      'mailto:pliljert@iom.int',
      '//www.iom.int/',
      '/speeches/x',
      'www.iom.int',
      'https://',
      '',
    ]) {
      expect(httpUrl.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('yearProblem', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('accepts 1945 (the founding of the United Nations) to next year', () => {
    expect([1945, 2012, 2026, 2027].map((y) => yearProblem(y, now))).toEqual([null, null, null, null]);
    expect(FIRST_YEAR).toBe(1945);
    expect(lastYear(now)).toBe(2027);
  });

  it('refuses earlier and later years, saying the range', () => {
    expect(yearProblem(0, now)).toBe('year 0000 is outside 1945–2027 (from the founding of the United Nations to next year)');
    expect(yearProblem(1944, now)).toMatch(/^year 1944 is outside/u);
    expect(yearProblem(2028, now)).toMatch(/^year 2028 is outside/u);
    expect(yearProblem(9999, now)).toMatch(/^year 9999 is outside/u);
  });
});

describe('factInput', () => {
  const speaker = factInput(slug);

  it('reads a bare value as stated in the source', () => {
    expect(speaker.parse('wu-haitao')).toEqual({ value: 'wu-haitao', status: 'stated', evidence: null });
  });

  it('reads null as unknown', () => {
    expect(speaker.parse(null)).toEqual({ value: null, status: 'unknown', evidence: null });
  });

  it('reads an object with a value and evidence as stated', () => {
    expect(speaker.parse({ value: 'wu-haitao', evidence: 'Title: "Statement by Ambassador Wu Haitao".' })).toEqual({
      value: 'wu-haitao',
      status: 'stated',
      evidence: 'Title: "Statement by Ambassador Wu Haitao".',
    });
  });

  it('accepts an inferred fact with evidence', () => {
    const input = { value: 'william-lacy-swing', status: 'inferred', evidence: 'He led MONUC and became IOM Director General in 2008.' };
    expect(speaker.parse(input)).toEqual(input);
  });

  it('requires evidence for an inferred fact', () => {
    expect(issuesOf(speaker, { value: 'william-lacy-swing', status: 'inferred' })).toEqual([
      'evidence: is required when status is "inferred"',
    ]);
  });

  it('reads an object with status unknown and no value as unknown', () => {
    expect(speaker.parse({ status: 'unknown' })).toEqual({ value: null, status: 'unknown', evidence: null });
  });

  it('refuses a value with status unknown', () => {
    expect(issuesOf(speaker, { value: 'wu-haitao', status: 'unknown' })).toEqual(['value: must be null when status is "unknown"']);
  });

  it('refuses a stated fact without a value', () => {
    expect(issuesOf(speaker, { evidence: 'The title.' })).toEqual(['value: is required when status is "stated"']);
  });

  it('refuses a bare value that the value schema refuses', () => {
    expect(speaker.safeParse('Wu Haitao').success).toBe(false);
  });

  it('refuses an unknown key in the object form', () => {
    expect(speaker.safeParse({ value: 'wu-haitao', source: 'title' }).success).toBe(false);
  });

  it('refuses an unknown status', () => {
    expect(speaker.safeParse({ value: 'wu-haitao', status: 'guessed', evidence: 'x' }).success).toBe(false);
  });

  it('refuses evidence with a bidi override', () => {
    expect(speaker.safeParse({ value: 'wu-haitao', evidence: 'Title\u202E' }).success).toBe(false);
  });

  it('trims a bare plain-text value', () => {
    expect(factInput(plainText).parse('  Geneva ')).toEqual({ value: 'Geneva', status: 'stated', evidence: null });
  });
});

describe('fact', () => {
  const place = fact(plainText);

  it('accepts a stated fact with its value', () => {
    expect(place.parse({ value: 'Geneva', status: 'stated', evidence: null })).toEqual({
      value: 'Geneva',
      status: 'stated',
      evidence: null,
    });
  });

  it('accepts an unknown fact with a null value', () => {
    expect(place.parse({ value: null, status: 'unknown', evidence: null })).toEqual({ value: null, status: 'unknown', evidence: null });
  });

  it('refuses a value with status unknown', () => {
    expect(issuesOf(place, { value: 'Geneva', status: 'unknown', evidence: null })).toEqual([
      'value: must be null when status is "unknown"',
    ]);
  });

  it('refuses a null value with status stated or inferred', () => {
    expect(issuesOf(place, { value: null, status: 'stated', evidence: null })).toEqual(['value: is required when status is "stated"']);
    expect(issuesOf(place, { value: null, status: 'inferred', evidence: 'x' })).toEqual(['value: is required when status is "inferred"']);
  });

  it('refuses an inferred fact without evidence', () => {
    expect(issuesOf(place, { value: 'Geneva', status: 'inferred', evidence: null })).toEqual([
      'evidence: is required when status is "inferred"',
    ]);
  });

  it('refuses a bare value, which only the input form accepts', () => {
    expect(place.safeParse('Geneva').success).toBe(false);
  });
});

describe('themeSchema', () => {
  const theme = { id: 'rights', label: 'Rights', description: 'Rights of migrants.', terms: ['rights'] };

  it('fills in the defaults for a minimal theme', () => {
    expect(themeSchema.parse(theme)).toEqual({ ...theme, minMatches: 1, aliases: [] });
  });

  it('refuses a term listed twice, which would count the same words twice', () => {
    expect(issuesOf(themeSchema, { ...theme, terms: ['rights', 'Rights'] })).toEqual(['terms: lists a term twice']);
  });

  it('refuses a theme without terms', () => {
    expect(issuesOf(themeSchema, { ...theme, terms: [] })).toEqual(['terms: needs at least one match term']);
  });
});

describe('isRealDate', () => {
  it('knows leap years in every century, year 0 included', () => {
    expect(['0000-02-29', '0400-02-29', '0100-02-29'].map(isRealDate)).toEqual([true, true, false]);
  });

  it('accepts real dates at day, month and year precision', () => {
    expect(['2012-11-28', '2021-03', '2023', '2024-02-29', '2000-02-29'].map(isRealDate)).toEqual([true, true, true, true, true]);
  });

  it('refuses days that do not exist', () => {
    expect(['2023-02-30', '2023-02-29', '1900-02-29', '2021-04-31', '2021-01-00', '2021-01-32'].filter(isRealDate)).toEqual([]);
  });

  it('refuses months that do not exist', () => {
    expect(['2021-13', '2021-00', '2021-13-01'].map(isRealDate)).toEqual([false, false, false]);
  });

  it('refuses other ways of writing a date', () => {
    expect(['2021-3', '2021-03-5', '28.11.2012', '2012/11/28', '2012-11-28T00:00', '12', '', 'March 2021'].filter(isRealDate)).toEqual([]);
  });
});

describe('precisionOf', () => {
  it('returns day, month or year from the length of an ISO date', () => {
    expect([precisionOf('2012-11-28'), precisionOf('2021-03'), precisionOf('2023')]).toEqual(['day', 'month', 'year']);
  });

  it('returns null for text that is not written YYYY, YYYY-MM or YYYY-MM-DD', () => {
    expect([precisionOf('2012/11/28'), precisionOf('March 2021'), precisionOf('')]).toEqual([null, null, null]);
  });
});

describe('dateFact', () => {
  const stated = (value: string, precision: string) => ({ value, precision, status: 'stated', evidence: null });

  it('accepts a date whose precision matches its length', () => {
    expect(dateFact.parse(stated('2012-11-28', 'day'))).toEqual(stated('2012-11-28', 'day'));
    expect(dateFact.parse(stated('2021-03', 'month'))).toEqual(stated('2021-03', 'month'));
    expect(dateFact.parse(stated('2023', 'year'))).toEqual(stated('2023', 'year'));
  });

  it('refuses "2023-02-30", which is not a real date', () => {
    expect(issuesOf(dateFact, stated('2023-02-30', 'day'))).toEqual(['value: must be a real date written YYYY, YYYY-MM or YYYY-MM-DD']);
  });

  it('refuses "2021-13", which has no such month', () => {
    expect(issuesOf(dateFact, stated('2021-13', 'month'))).toEqual(['value: must be a real date written YYYY, YYYY-MM or YYYY-MM-DD']);
  });

  it('refuses a precision that does not match the value', () => {
    expect(issuesOf(dateFact, stated('2012-11-28', 'month'))).toEqual(['precision: "2012-11-28" has day precision, not month']);
    expect(issuesOf(dateFact, stated('2021-03', 'day'))).toEqual(['precision: "2021-03" has month precision, not day']);
  });

  it('refuses an inferred date without evidence', () => {
    expect(issuesOf(dateFact, { value: '2014-05', precision: 'month', status: 'inferred', evidence: null })).toEqual([
      'evidence: is required when status is "inferred"',
    ]);
  });

  it('refuses an unknown date', () => {
    expect(dateFact.safeParse({ value: '2014', precision: 'year', status: 'unknown', evidence: null }).success).toBe(false);
  });
});

describe('dateFactInput', () => {
  it('takes the precision from the string and defaults to stated without evidence', () => {
    expect(dateFactInput.parse({ value: '2012-11-28' })).toEqual({
      value: '2012-11-28',
      precision: 'day',
      status: 'stated',
      evidence: null,
    });
    expect(dateFactInput.parse({ value: '2021-03' })).toEqual({ value: '2021-03', precision: 'month', status: 'stated', evidence: null });
  });

  it('reads an unquoted YAML year (a number) as a year', () => {
    expect(dateFactInput.parse({ value: 2023 })).toEqual({ value: '2023', precision: 'year', status: 'stated', evidence: null });
  });

  it('reads an unquoted YAML date (a Date) as a day', () => {
    expect(dateFactInput.parse({ value: new Date('2012-11-28T00:00:00Z') })).toEqual({
      value: '2012-11-28',
      precision: 'day',
      status: 'stated',
      evidence: null,
    });
  });

  it('accepts an inferred date with evidence', () => {
    const input = { value: '2014-05', status: 'inferred', evidence: 'The CICA summit was held in Shanghai on 20–21 May 2014.' };
    expect(dateFactInput.parse(input)).toEqual({ ...input, precision: 'month' });
  });

  it('refuses "2023-02-30"', () => {
    expect(dateFactInput.safeParse({ value: '2023-02-30' }).success).toBe(false);
  });

  it('refuses "2021-13"', () => {
    expect(dateFactInput.safeParse({ value: '2021-13' }).success).toBe(false);
  });

  it('refuses a precision given that does not match the value', () => {
    expect(issuesOf(dateFactInput, { value: '2021-03', precision: 'day' })).toEqual(['precision: "2021-03" has month precision, not day']);
  });

  it('refuses a date written another way', () => {
    expect(dateFactInput.safeParse({ value: '28 November 2012' }).success).toBe(false);
  });

  it('refuses an unknown key', () => {
    expect(dateFactInput.safeParse({ value: '2012-11-28', exact: true }).success).toBe(false);
  });

  it('refuses years outside 1945 to next year', () => {
    expect(issuesOf(dateFactInput, { value: '0000' })).toEqual([
      `value: year 0000 is outside 1945–${lastYear()} (from the founding of the United Nations to next year)`,
    ]);
    expect(dateFactInput.safeParse({ value: '9999-12-31' }).success).toBe(false);
    expect(dateFactInput.safeParse({ value: '1944' }).success).toBe(false);
    expect(dateFactInput.safeParse({ value: '1945' }).success).toBe(true);
    expect(dateFactInput.safeParse({ value: `${lastYear()}-12-31` }).success).toBe(true);
    expect(dateFactInput.safeParse({ value: `${lastYear() + 1}` }).success).toBe(false);
  });

  it('reads a number only as a whole year', () => {
    expect(issuesOf(dateFactInput, { value: 2015.5 })).toEqual([
      "value: must be a date written as text, e.g. '2012-11-28' (a number is read only as a whole year)",
    ]);
    expect(dateFactInput.safeParse({ value: 20151128 }).success).toBe(false);
  });

  it('caps the evidence at 5,000 characters', () => {
    expect(dateFactInput.safeParse({ value: '2015', status: 'inferred', evidence: 'x'.repeat(5001) }).success).toBe(false);
  });
});

describe('speakerSchema', () => {
  const speaker = {
    id: 'wu-haitao',
    name: 'Wu Haitao',
    family: 'Wu',
    given: 'Haitao',
    sortName: 'Wu Haitao',
    affiliation: 'Government of China',
  };
  const swing = {
    id: 'swing',
    name: 'William Lacy Swing',
    family: 'Swing',
    given: 'William Lacy',
    sortName: 'Swing, William Lacy',
    affiliation: 'IOM',
  };

  it('needs a family and a given name, each one line', () => {
    expect(issuesOf(speakerSchema, { ...speaker, family: undefined })).toEqual([
      'family: Invalid input: expected string, received undefined',
    ]);
    expect(issuesOf(speakerSchema, { ...speaker, given: 'Hai\ntao' })).toEqual([
      'given: must be one line (it has a line break at character 4)',
    ]);
  });

  it('takes the sort name of a name written family name first as "Family Given", and of any other as "Family, Given"', () => {
    expect(speakerSchema.parse(speaker).sortName).toBe('Wu Haitao');
    expect(speakerSchema.parse(swing).sortName).toBe('Swing, William Lacy');
    expect(issuesOf(speakerSchema, { ...speaker, sortName: 'Wu, Haitao' })).toEqual([
      'sortName: must be "Wu Haitao", from family "Wu" and given "Haitao"',
    ]);
    expect(issuesOf(speakerSchema, { ...swing, sortName: 'Swing William Lacy' })).toEqual([
      'sortName: must be "Swing, William Lacy", from family "Swing" and given "William Lacy"',
    ]);
  });

  it('refuses a family name that is not a whole part of the name', () => {
    expect(issuesOf(speakerSchema, { ...speaker, family: 'Hai', given: 'Wu' })).toEqual(['family: must be part of the name "Wu Haitao"']);
    expect(issuesOf(speakerSchema, { ...swing, family: 'Lacy Swing', given: 'William', sortName: 'Swing, William Lacy' })).toEqual([
      'sortName: must be "Lacy Swing, William", from family "Lacy Swing" and given "William"',
    ]);
  });

  it('accepts role years from 1945 to next year, the first not after the last', () => {
    expect(speakerSchema.parse({ ...speaker, roles: [{ title: 'Ambassador', from: 2012, to: 2012 }] }).roles).toEqual([
      { title: 'Ambassador', from: 2012, to: 2012 },
    ]);
  });

  it('refuses role years out of range, in reverse order, or not whole', () => {
    expect(issuesOf(speakerSchema, { ...speaker, roles: [{ title: 'Ambassador', from: 1900 }] })).toEqual([
      `roles.0.from: year 1900 is outside 1945–${lastYear()} (from the founding of the United Nations to next year)`,
    ]);
    expect(issuesOf(speakerSchema, { ...speaker, roles: [{ title: 'Ambassador', from: 2014, to: 2012 }] })).toEqual([
      'roles.0.to: must not be before from',
    ]);
    expect(speakerSchema.safeParse({ ...speaker, roles: [{ title: 'Ambassador', from: 2012.5 }] }).success).toBe(false);
  });

  it('refuses a name over two lines or with a bidi control', () => {
    expect(issuesOf(speakerSchema, { ...speaker, name: 'Wu\nHaitao' })).toEqual([
      'name: must be one line (it has a line break at character 3)',
    ]);
    expect(speakerSchema.safeParse({ ...speaker, affiliation: 'Government of \u202EChina' }).success).toBe(false);
  });
});

describe('statementMetaInput', () => {
  const meta = {
    id: '2012-11-28-wu-haitao-iom-council',
    title: 'Statement by Ambassador Wu Haitao, Head of the Chinese Delegation, at the General Debate, 101st Session of the Council, IOM',
    type: 'statement',
    language: 'en',
    speaker: { value: 'wu-haitao', evidence: 'Title: "Statement by Ambassador Wu Haitao".' },
    role: 'Ambassador, Head of the Chinese Delegation',
    onBehalfOf: 'China',
    event: 'General Debate, 101st Session of the IOM Council',
    place: 'Geneva',
    date: { value: '2012-11-28', evidence: 'Date line: "November 28, 2012, Geneva".' },
    source: {
      file: '000_ce5e4365aebd8e0f.txt',
      sha256: '9c8955815a687ebb45623d9f389bff644e3b83c2c65167342a57c64e87004d9d',
      url: null,
    },
  };

  it('accepts complete metadata and fills in defaults', () => {
    expect(statementMetaInput.parse(meta)).toEqual({
      ...meta,
      speaker: { value: 'wu-haitao', status: 'stated', evidence: 'Title: "Statement by Ambassador Wu Haitao".' },
      role: { value: 'Ambassador, Head of the Chinese Delegation', status: 'stated', evidence: null },
      onBehalfOf: { value: 'China', status: 'stated', evidence: null },
      event: { value: 'General Debate, 101st Session of the IOM Council', status: 'stated', evidence: null },
      place: { value: 'Geneva', status: 'stated', evidence: null },
      date: { value: '2012-11-28', precision: 'day', status: 'stated', evidence: 'Date line: "November 28, 2012, Geneva".' },
      themes: { add: [], remove: [] },
      notes: [],
    });
  });

  it('accepts an unknown place given as null', () => {
    expect(statementMetaInput.parse({ ...meta, place: null }).place).toEqual({ value: null, status: 'unknown', evidence: null });
  });

  it('refuses an unknown key at the top level', () => {
    expect(issuesOf(statementMetaInput, { ...meta, author: 'someone' })).toEqual([': Unrecognized key: "author"']);
    expect(issuesOf(statementMetaInput, { ...meta, id: '2' })).toEqual([
      'id: must not be only digits: /statements/2/ is the second page of the list of all statements',
    ]);
  });

  it('refuses an unknown key in the source', () => {
    expect(statementMetaInput.safeParse({ ...meta, source: { ...meta.source, mirror: 'x' } }).success).toBe(false);
  });

  it('refuses an unknown key in a theme override', () => {
    const themes = { add: [{ theme: 'diaspora', reason: 'It is about Chinese abroad.', by: 'editor' }] };
    expect(statementMetaInput.safeParse({ ...meta, themes }).success).toBe(false);
  });

  it('refuses a missing required field, naming it', () => {
    const { title: _title, ...withoutTitle } = meta;
    expect(issuesOf(statementMetaInput, withoutTitle).map((m) => m.split(':')[0])).toEqual(['title']);
  });

  it('refuses a source file name with a folder or another extension', () => {
    for (const file of ['../000_x.txt', 'sources/000_x.txt', '000_x.md']) {
      expect(issuesOf(statementMetaInput, { ...meta, source: { ...meta.source, file } })).toEqual([
        'source.file: must be a .txt file name without folders',
      ]);
    }
  });

  it('refuses a javascript: source URL', () => {
    expect(issuesOf(statementMetaInput, { ...meta, source: { ...meta.source, url: 'javascript:alert(1)' } })).toEqual([
      'source.url: must be an absolute http:// or https:// URL',
    ]);
  });

  it('refuses a SHA-256 in upper case', () => {
    expect(statementMetaInput.safeParse({ ...meta, source: { ...meta.source, sha256: meta.source.sha256.toUpperCase() } }).success).toBe(
      false,
    );
  });

  it('refuses a type outside the corpus types', () => {
    expect(statementMetaInput.safeParse({ ...meta, type: 'interview' }).success).toBe(false);
  });

  it('refuses a language that is not a language tag', () => {
    expect(statementMetaInput.safeParse({ ...meta, language: 'English' }).success).toBe(false);
  });

  it('refuses a title with a bidi override', () => {
    expect(statementMetaInput.safeParse({ ...meta, title: 'Statement\u202E' }).success).toBe(false);
  });

  it('refuses an id of more than 100 characters', () => {
    expect(issuesOf(statementMetaInput, { ...meta, id: `a-${'b'.repeat(99)}` })).toEqual([
      'id: must be at most 100 characters (it names a file and a URL)',
    ]);
  });

  it('refuses a title over two lines or longer than 300 characters', () => {
    expect(issuesOf(statementMetaInput, { ...meta, title: 'Statement\nby' })).toEqual([
      'title: must be one line (it has a line break at character 10)',
    ]);
    expect(issuesOf(statementMetaInput, { ...meta, title: '<'.repeat(301) })).toEqual(['title: must be at most 300 characters']);
    expect(statementMetaInput.safeParse({ ...meta, title: '<'.repeat(300) }).success).toBe(true);
  });

  it('checks the text of every field: facts, evidence, notes, reasons and the URL', () => {
    const rlo = 'x\u202Ey';
    const cases: [string, object][] = [
      ['role.value', { role: rlo }],
      ['onBehalfOf.value', { onBehalfOf: rlo }],
      ['event.evidence', { event: { value: 'Council', evidence: rlo } }],
      ['place.value', { place: rlo }],
      ['date.evidence', { date: { value: '2012-11-28', evidence: rlo } }],
      ['notes.0.note', { notes: [{ quote: 'Council', note: rlo }] }],
      ['themes.add.0.reason', { themes: { add: [{ theme: 'diaspora', reason: rlo }] } }],
      ['source.url', { source: { ...meta.source, url: `https://www.iom.int/${rlo}` } }],
    ];
    for (const [path, change] of cases) {
      expect(
        issuesOf(statementMetaInput, { ...meta, ...change }).map((i) => i.split(':')[0]),
        path,
      ).toEqual([path]);
    }
  });

  it('refuses a source URL with a user name and password', () => {
    expect(issuesOf(statementMetaInput, { ...meta, source: { ...meta.source, url: 'https://a:b@www.iom.int/' } })).toEqual([
      'source.url: must not contain a user name or password (…@)',
    ]);
  });

  it('refuses an impossible date, naming the field', () => {
    expect(issuesOf(statementMetaInput, { ...meta, date: { value: '2012-02-30' } })).toEqual([
      'date.value: must be a real date written YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });
});
