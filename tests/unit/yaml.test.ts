/**
 * The normalizer's YAML reader (scripts/normalize/io/yaml.ts): strict UTF-8,
 * one plain document, no tags, anchors or directives, bounded nesting and
 * size, numbers as written, and every problem with its line or field.
 */
import { describe, expect, it } from 'vitest';
import { FileProblem } from '../../scripts/normalize/io/files.ts';
import { decodeYaml, parseYaml, YAML_MAX_DEPTH, YAML_MAX_VALUES } from '../../scripts/normalize/io/yaml.ts';

/** The problems of parsing `text`, formatted as the normalizer prints them (without the file). */
function problemsOf(text: string): string[] {
  const r = parseYaml(text, 'f.yaml');
  return r.problems.map((p) => (p.where ? `${p.where}: ${p.message}` : p.message));
}

const valueOf = (text: string): unknown => {
  const r = parseYaml(text, 'f.yaml');
  expect(r.problems).toEqual([]);
  return r.value;
};

/** Runs `f` and returns how long it took, in ms. */
function timed(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

describe('decodeYaml', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);

  it('decodes UTF-8 and drops a leading byte-order mark', () => {
    expect(decodeYaml(new TextEncoder().encode('title: Côte d’Ivoire\n'))).toBe('title: Côte d’Ivoire\n');
    expect(decodeYaml(bytes(0xef, 0xbb, 0xbf, 0x61, 0x3a, 0x20, 0x31))).toBe('a: 1');
  });

  it('refuses a Latin-1 byte, naming its offset, instead of decoding it as U+FFFD', () => {
    const latin1 = bytes(...new TextEncoder().encode('title: Statement '), 0xe9, 0x0a);
    expect(() => decodeYaml(latin1)).toThrow(FileProblem);
    expect(() => decodeYaml(latin1)).toThrow('byte 17: invalid UTF-8 (byte 0xE9); the file must be UTF-8 text');
  });

  it('refuses overlong forms and encoded surrogates', () => {
    expect(() => decodeYaml(bytes(0x61, 0xc0, 0xaf))).toThrow('byte 1: invalid UTF-8 (byte 0xC0)');
    expect(() => decodeYaml(bytes(0x61, 0xed, 0xa0, 0x80))).toThrow('byte 1: invalid UTF-8 (byte 0xED)');
  });
});

describe('parseYaml: what it reads', () => {
  it('reads one document of mappings, lists, text, whole numbers, booleans and null', () => {
    expect(valueOf('id: x\nroles:\n  - { title: Ambassador, from: 2012, to: null }\nok: true\nn: -3\n')).toEqual({
      id: 'x',
      roles: [{ title: 'Ambassador', from: 2012, to: null }],
      ok: true,
      n: -3,
    });
  });

  it('reads block scalars, quoted dates and CRLF line ends', () => {
    expect(valueOf("a: |\n  one\n  two\nb: '2015-06-01'\nc: >-\n  folded\n  text\n")).toEqual({
      a: 'one\ntwo\n',
      b: '2015-06-01',
      c: 'folded text',
    });
    expect(valueOf('a: 1\r\nb: "x\r\n  y"\r\n')).toEqual({ a: 1, b: 'x y' });
  });

  it('reads an empty file or one of only comments as null', () => {
    expect(valueOf('')).toBeNull();
    expect(valueOf('# nothing yet\n')).toBeNull();
  });

  it('reads an escaped surrogate pair as the one character it stands for', () => {
    expect(valueOf('a: "\\uD83D\\uDE00"\n')).toEqual({ a: '😀' });
  });
});

describe('parseYaml: syntax', () => {
  it('reports syntax errors and duplicate keys with their line', () => {
    expect(problemsOf('a: 1\na: 2\n')).toEqual(['line 2: YAML: Map keys must be unique']);
    expect(problemsOf('a: [1, 2\nb: 3\n')[0]).toMatch(/^line \d: YAML: /u);
  });

  it('refuses more than one document', () => {
    expect(problemsOf('a: 1\n---\nb: 2\n')).toEqual(['must hold exactly one YAML document']);
  });

  it('refuses directives, which would change how values are read', () => {
    expect(problemsOf('%YAML 1.1\n---\na: 010\n')).toEqual([
      'line 1: YAML directives such as "%YAML" are not allowed: they change how values are read',
    ]);
  });
});

describe('parseYaml: tags', () => {
  it('refuses !!js/function, naming the line', () => {
    expect(problemsOf("id: x\ntitle: !!js/function 'function () {}'\n")).toEqual([
      'line 2: the tag "!!js/function" is not allowed: write plain values (text, quoted where it could be read as something else, whole numbers, lists and mappings)',
    ]);
  });

  it('refuses a custom tag that would otherwise become text without a word, and even !!str', () => {
    expect(problemsOf('a: !foo bar\n')[0]).toMatch(/^line 1: the tag "!foo" is not allowed/u);
    expect(problemsOf('a: 1\nb: !!str 12\n')[0]).toMatch(/^line 2: the tag "!!str" is not allowed/u);
    expect(problemsOf('a: !<tag:yaml.org,2002:str> x\n')[0]).toMatch(/^line 1: the tag "!<tag:yaml.org,2002:str>" is not allowed/u);
  });
});

describe('parseYaml: anchors and aliases', () => {
  it('refuses anchors and aliases, naming the line of the first', () => {
    expect(problemsOf('a: &x 1\nb: *x\n')).toEqual(['line 1: anchors and aliases ("&x") are not allowed: write each value out in full']);
  });

  it('refuses a billion-laughs alias bomb at once, before expanding anything', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const keys = 'abcdefghijklmnop';
    for (let i = 1; i < keys.length; i++)
      lines.push(
        `${keys[i]}: &${keys[i]} [${Array(9)
          .fill(`*${keys[i - 1]}`)
          .join(',')}]`,
      );
    let problems: string[] = [];
    expect(timed(() => (problems = problemsOf(lines.join('\n'))))).toBeLessThan(1000);
    expect(problems).toEqual(['line 1: anchors and aliases ("&a") are not allowed: write each value out in full']);
  });
});

describe('parseYaml: nesting and size', () => {
  const tooDeep = `nested more than ${YAML_MAX_DEPTH} levels deep; the edition's files need 4`;

  it(`reads ${YAML_MAX_DEPTH} levels and refuses ${YAML_MAX_DEPTH + 1}`, () => {
    expect(problemsOf(`a: ${'['.repeat(YAML_MAX_DEPTH - 1)}${']'.repeat(YAML_MAX_DEPTH - 1)}\n`)).toEqual([]);
    expect(problemsOf(`a: ${'['.repeat(YAML_MAX_DEPTH)}${']'.repeat(YAML_MAX_DEPTH)}\n`)).toEqual([`line 1: ${tooDeep}`]);
  });

  it('refuses 3,000 and 1,000,000 levels of flow nesting with a message, quickly, not a stack overflow', () => {
    for (const n of [3000, 1_000_000]) {
      let problems: string[] = [];
      expect(timed(() => (problems = problemsOf(`id: x\nnotes: ${'['.repeat(n)}${']'.repeat(n)}\n`)))).toBeLessThan(2000);
      expect(problems).toEqual([`line 2: ${tooDeep}`]);
    }
  });

  it('refuses deep nesting on one line of list items, and by indentation', () => {
    expect(problemsOf(`a:\n  ${'- '.repeat(100_000)}x\n`)).toEqual([`line 2: ${tooDeep}`]);
    const indented = Array.from({ length: 500 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    expect(problemsOf(indented)).toEqual([`line ${YAML_MAX_DEPTH + 1}: ${tooDeep}`]);
  });

  it(`refuses more than ${YAML_MAX_VALUES.toLocaleString('en')} values before parsing them`, () => {
    let problems: string[] = [];
    expect(timed(() => (problems = problemsOf(`a: [${'x,'.repeat(1_000_000)}]\n`)))).toBeLessThan(3000);
    expect(problems).toEqual([
      `line 1: holds more than ${YAML_MAX_VALUES.toLocaleString('en')} values; a file of this edition holds far fewer`,
    ]);
  });
});

describe('parseYaml: numbers and dates never change silently', () => {
  it('reads whole numbers written in decimal digits', () => {
    expect(valueOf('a: 2015\nb: 0\nc: -1\n')).toEqual({ a: 2015, b: 0, c: -1 });
  });

  it('refuses a number written any other way: hexadecimal, octal, with a fraction or an exponent, a sign, leading zeros, infinity', () => {
    expect(problemsOf('value: 0x7DF\n')).toEqual([
      `line 1: "0x7DF" is read as the number 2015: write whole numbers in decimal digits, and dates and years as text in quotes ('2015', '2012-11-28')`,
    ]);
    for (const [written, read] of [
      ['0o3737', '2015'],
      ['2015.0', '2015'],
      ['2.015e3', '2015'],
      ['+2015', '2015'],
      ['02015', '2015'],
      ['.inf', 'Infinity'],
      ['99999999999999999999', '100000000000000000000'],
    ]) {
      expect(problemsOf(`value: ${written}\n`), written).toEqual([expect.stringContaining(`"${written}" is read as the number ${read}`)]);
    }
  });

  it('refuses an unquoted value that js-yaml (the site build’s reader) reads otherwise: dates, date-times, binary numbers', () => {
    expect(problemsOf('value: 2015-06-01\n')).toEqual([
      `line 1: "2015-06-01" is text here but a date (2015-06-01T00:00:00.000Z) to other YAML readers (js-yaml, which the site's build uses): put it in quotes`,
    ]);
    expect(problemsOf('a: 0b11111011111\n')[0]).toMatch(/"0b11111011111" is text here but the number 2015 to other YAML readers/u);
    expect(problemsOf('a: 2015-06-01 09:30:00\n')[0]).toMatch(
      /"2015-06-01 09:30:00" is text here but a date \(2015-06-01T09:30:00\.000Z\)/u,
    );
  });

  it('accepts the same values quoted', () => {
    expect(valueOf("a: '2015-06-01'\nb: '0x7DF'\nc: \"2_015\"\n")).toEqual({ a: '2015-06-01', b: '0x7DF', c: '2_015' });
  });
});

describe('parseYaml: keys, comments and strings', () => {
  it('refuses a key with a bidi control, escaping it in the message', () => {
    expect(problemsOf('no\u202Etes: []\n')).toEqual([
      '(top level): the key "no\\u{202e}tes" contains a control, zero-width or bidi-control character: U+202E (a bidirectional control, which can make text read in another order) at character 3',
    ]);
  });

  it('refuses a key longer than 100 characters, and a key that is a list or a mapping', () => {
    expect(problemsOf(`a:\n  ${'k'.repeat(101)}: 1\n`)).toEqual([`a: the key "${'k'.repeat(40)}…" is longer than 100 characters`]);
    expect(problemsOf('? [a, b]\n: c\n')).toEqual(['line 1: a key must be a word, not a list or a mapping']);
  });

  it('refuses a comment with a bidi control (it can reorder what a reviewer sees), naming line and column', () => {
    expect(problemsOf('id: x # ok\ntitle: y # \u2066z\n')).toEqual([
      'line 2, column 10: the comment contains a control, zero-width or bidi-control character: U+2066 (a bidirectional control, which can make text read in another order) at character 3',
    ]);
  });

  it('refuses a lone surrogate in any string, naming the field', () => {
    expect(problemsOf('themes:\n  add:\n    - { theme: x, reason: "a\\uDC00" }\n')).toEqual([
      'themes.add.0.reason: contains a control, zero-width or bidi-control character: U+DC00 (a lone surrogate, half of a UTF-16 pair and no character) at character 2 (a "\\u" escape of half a character)',
    ]);
  });

  it('leaves other characters in values to the schemas, which name the field the way they read it', () => {
    expect(valueOf('event: "Coun\\u200Bcil"\n')).toEqual({ event: 'Coun\u200Bcil' });
  });
});
