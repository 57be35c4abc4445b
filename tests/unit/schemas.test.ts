import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  dateFact,
  dateFactInput,
  fact,
  factInput,
  httpUrl,
  isRealDate,
  plainText,
  precisionOf,
  slug,
  statementMetaInput,
  themeSchema,
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

  it('refuses a right-to-left override, which can disguise text', () => {
    expect(issuesOf(plainText, 'Geneva\u202Eavenue')).toEqual([': contains a control, zero-width or bidi-control character']);
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

  it('refuses an impossible date, naming the field', () => {
    expect(issuesOf(statementMetaInput, { ...meta, date: { value: '2012-02-30' } })).toEqual([
      'date.value: must be a real date written YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });
});
