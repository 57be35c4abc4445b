/**
 * The one YAML reader of the normalizer: metadata, `speakers.yaml`,
 * `themes.yaml` and `aliases.yaml`. These files come in pull requests, so they
 * are read as strictly as sources, and only the plain YAML the edition needs
 * is accepted:
 *
 * - UTF-8 only: an invalid byte is an error naming its offset (`decodeYaml`);
 * - one document, no directives (`%YAML 1.1` would change what values mean);
 * - no tags (`!!js/function`, `!foo`, even `!!str`): an unknown tag would
 *   otherwise become a string without a word;
 * - no anchors or aliases (`&a`, `*a`): an alias bomb ("billion laughs")
 *   expands a few lines into gigabytes, and nothing here needs them;
 * - at most `YAML_MAX_DEPTH` levels of nesting and `YAML_MAX_VALUES` values,
 *   checked on the tokens before anything is built, so that deep nesting is a
 *   message and not a stack overflow;
 * - numbers only in plain decimal digits (`0x7DF` and `2015.0` are not read as
 *   2015), and no unquoted value that the site's YAML reader (js-yaml, used by
 *   Astro for speakers, themes and aliases) reads otherwise (`2012-11-28` is a
 *   date there and text here: quote it);
 * - every key and comment passes the edition's text check (`textProblem`:
 *   no controls, bidirectional controls or invisible characters), and no
 *   string holds a lone surrogate (`"\uD800"`). String values get the same
 *   text check from the schemas, which name the field.
 *
 * Every failure is a `Problem`: `file: line N: what` or `file: field: what`.
 */
import { load as loadJsYaml } from 'js-yaml';
import { Composer, CST, type Document, isPair, isScalar, Lexer, Parser, Scalar, visit } from 'yaml';
import { describeCharacter, escapeForbidden, textProblem } from '../../../src/edition/schemas/primitives.ts';
import { firstInvalidUtf8Offset } from '../steps/1-source-text.ts';
import type { Problem } from '../problems.ts';
import { FileProblem } from './files.ts';

/** The deepest nesting of lists and mappings (the edition's files need 4). */
export const YAML_MAX_DEPTH = 20;

/** The most values (scalars, lists, mappings) in one file: far beyond `speakers.yaml` at 10,000 statements, far below what parses slowly. */
export const YAML_MAX_VALUES = 100_000;

/** The longest key (the edition's keys are words such as `onBehalfOf`). */
export const YAML_MAX_KEY_LENGTH = 100;

/**
 * Decodes a YAML file's bytes strictly: invalid UTF-8 (a Latin-1 "é", a lone
 * byte) is an error naming the byte offset, never a U+FFFD in a published
 * title. Throws `FileProblem` (its message completes "<file>: ").
 * @example decodeYaml(new TextEncoder().encode('id: x\n')) // => 'id: x\n'
 */
export function decodeYaml(bytes: Uint8Array): string {
  const bad = firstInvalidUtf8Offset(bytes);
  if (bad !== -1) {
    const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    throw new FileProblem(`byte ${bad}: invalid UTF-8 (byte 0x${hex}); the file must be UTF-8 text`);
  }
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
}

/** 1-based line and column of a UTF-16 offset in `text`. */
class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1 };
  }
  line(offset: number): string {
    return `line ${this.at(offset).line}`;
  }
}

// The lexer's marks that stand for no source text (yaml's CST.DOCUMENT, FLOW_END, SCALAR).
const NOT_IN_SOURCE = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/** Opens a nesting level on the line it is on, outside flow collections. */
const BLOCK_INDICATORS = new Set(['seq-item-ind', 'explicit-key-ind', 'map-value-ind']);

/** A value in the file: counted against `YAML_MAX_VALUES`. */
const VALUE_TOKENS = new Set([
  'single-quoted-scalar',
  'double-quoted-scalar',
  'block-scalar-header',
  'flow-seq-start',
  'flow-map-start',
  'seq-item-ind',
]);

/** Shows a tag or similar source text in a message: at most 40 characters, forbidden characters escaped. */
function quoted(source: string): string {
  const short = source.length > 40 ? `${source.slice(0, 40)}…` : source;
  return `"${escapeForbidden(short)}"`;
}

/**
 * The first pass, over the lexer's tokens and before anything is built:
 * directives, tags, anchors and aliases, comments, nesting within a line and
 * flow collections, and the number of values. Stops at the first problem that
 * makes the rest pointless (too deep, too many values).
 */
function scanTokens(text: string, file: string, lines: Lines): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const once = (kind: string, offset: number, message: string): void => {
    if (seen.has(kind)) return;
    seen.add(kind);
    problems.push({ file, where: lines.line(offset), message });
  };
  let offset = 0;
  let flowDepth = 0;
  let lineIndicators = 0;
  let values = 0;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    if (NOT_IN_SOURCE.has(token)) {
      if (token === CST.SCALAR) {
        scalarNext = true;
        values += 1;
      }
      continue;
    }
    const start = offset;
    offset += token.length;
    if (scalarNext) {
      scalarNext = false;
      continue; // a plain or block scalar's text: its first character is no indicator
    }
    const type = CST.tokenType(token);
    if (type !== null && VALUE_TOKENS.has(type)) values += 1;
    switch (type) {
      case 'directive-line':
        once(
          'directive',
          start,
          `YAML directives such as ${quoted(token.split(/\s/u)[0]!)} are not allowed: they change how values are read`,
        );
        break;
      case 'tag':
        once(
          'tag',
          start,
          `the tag ${quoted(token)} is not allowed: write plain values (text, quoted where it could be read as something else, whole numbers, lists and mappings)`,
        );
        break;
      case 'anchor':
      case 'alias':
        once('alias', start, `anchors and aliases (${quoted(token)}) are not allowed: write each value out in full`);
        break;
      case 'comment': {
        const problem = textProblem(token, { multiline: true });
        if (problem) {
          const { line, col } = lines.at(start);
          problems.push({ file, where: `line ${line}, column ${col}`, message: `the comment ${problem}` });
        }
        break;
      }
      case 'flow-seq-start':
      case 'flow-map-start':
        flowDepth += 1;
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        flowDepth = Math.max(0, flowDepth - 1);
        break;
      case 'newline':
        lineIndicators = 0;
        break;
      default:
        if (type !== null && flowDepth === 0 && BLOCK_INDICATORS.has(type)) lineIndicators += 1;
    }
    if (flowDepth + lineIndicators > YAML_MAX_DEPTH) {
      problems.push({
        file,
        where: lines.line(start),
        message: `nested more than ${YAML_MAX_DEPTH} levels deep; the edition's files need 4`,
      });
      return problems;
    }
    if (values > YAML_MAX_VALUES) {
      problems.push({
        file,
        where: lines.line(start),
        message: `holds more than ${YAML_MAX_VALUES.toLocaleString('en')} values; a file of this edition holds far fewer`,
      });
      return problems;
    }
  }
  return problems;
}

type CstToken = CST.Token;

/** The nesting of the parsed (not yet composed) tokens, walked without recursion: the line of the first node deeper than the limit, if any. */
function tooDeep(tokens: CstToken[]): number | undefined {
  const stack: [CstToken, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > YAML_MAX_DEPTH) return token.offset;
        for (const item of token.items as { key?: CstToken | null; value?: CstToken }[]) {
          if (item.key) stack.push([item.key, depth + 1]);
          if (item.value) stack.push([item.value, depth + 1]);
        }
        break;
      }
      default:
    }
  }
  return undefined;
}

/** A number written anything but in plain decimal digits (`0x7DF`, `2015.0`, `1e3`, `.inf`) reads as a number nobody typed. */
const DECIMAL_INTEGER = /^-?(?:0|[1-9][0-9]*)$/u;

/** What a value is, for a message. */
function describeValue(v: unknown): string {
  if (v instanceof Date) return `a date (${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()})`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'string') return 'text';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'a list or mapping' : String(v);
}

/** Checks on the composed document: numbers, unquoted values read otherwise by js-yaml, keys that are not text. */
function nodeProblems(doc: Document, file: string, lines: Lines): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Pair(_key, pair) {
      if (isPair(pair) && pair.key !== null && !isScalar(pair.key)) {
        const offset = (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
        problems.push({ file, where: lines.line(offset), message: 'a key must be a word, not a list or a mapping' });
      }
    },
    Scalar(_key, node) {
      const offset = node.range?.[0] ?? 0;
      const source = typeof node.source === 'string' ? node.source : '';
      if (typeof node.value === 'number' || typeof node.value === 'bigint') {
        const written = node.type === Scalar.PLAIN ? source : String(node.value);
        if (!DECIMAL_INTEGER.test(written) || !Number.isSafeInteger(Number(node.value))) {
          problems.push({
            file,
            where: lines.line(offset),
            message: `${quoted(written)} is read as the number ${String(node.value)}: write whole numbers in decimal digits, and dates and years as text in quotes ('2015', '2012-11-28')`,
          });
        }
        return;
      }
      // Only an unquoted value starting like a number or a date can mean something else to js-yaml.
      if (node.type !== Scalar.PLAIN || !/^[-+.0-9]/u.test(source) || source.includes('\n')) return;
      let other: unknown;
      try {
        other = loadJsYaml(source);
      } catch {
        other = undefined;
      }
      if (!Object.is(other, node.value)) {
        problems.push({
          file,
          where: lines.line(offset),
          message: `${quoted(source)} is ${describeValue(node.value)} here but ${describeValue(other)} to other YAML readers (js-yaml, which the site's build uses): put it in quotes`,
        });
      }
    },
  });
  return problems;
}

/** Joins a path the way schema problems are named (`themes.add.0.theme`). */
const pathText = (path: (string | number)[]): string => (path.length > 0 ? path.join('.') : '(top level)');

/** Keys (the text check, at most `YAML_MAX_KEY_LENGTH`) and lone surrogates in any string, with the field path. */
function valueProblems(value: unknown, file: string): Problem[] {
  const problems: Problem[] = [];
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (typeof v === 'string') {
      if (!v.isWellFormed()) {
        const at = [...v].findIndex((c) => /\p{Cs}/u.test(c));
        const c = [...v][at]!;
        problems.push({
          file,
          where: pathText(path),
          message: `contains a control, zero-width or bidi-control character: ${describeCharacter(c.charCodeAt(0))} at character ${at + 1} (a "\\u" escape of half a character)`,
        });
      }
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i]));
      return;
    }
    if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
      for (const [k, x] of Object.entries(v)) {
        const problem =
          k.length > YAML_MAX_KEY_LENGTH ? `is longer than ${YAML_MAX_KEY_LENGTH} characters` : textProblem(k, { multiline: false });
        if (problem) {
          problems.push({ file, where: pathText(path), message: `the key ${quoted(k)} ${problem}` });
          continue;
        }
        walk(x, [...path, k]);
      }
    }
  };
  walk(value, []);
  return problems;
}

/**
 * Parses one YAML document as the module comment says. Returns the value, or
 * the problems (with line numbers or field paths) and no value.
 * @example parseYaml('id: x\n', 'a.yaml').value // => { id: 'x' }
 */
export function parseYaml(text: string, file: string): { value: unknown; problems: Problem[] } {
  const lines = new Lines(text);
  const fail = (problems: Problem[]) => ({ value: undefined, problems });
  const scanned = scanTokens(text, file, lines);
  if (scanned.length > 0) return fail(scanned);

  const tokens = [...new Parser().parse(text)];
  const deep = tooDeep(tokens);
  if (deep !== undefined) {
    return fail([{ file, where: lines.line(deep), message: `nested more than ${YAML_MAX_DEPTH} levels deep; the edition's files need 4` }]);
  }
  const docs = [...new Composer({ uniqueKeys: true, strict: true }).compose(tokens)];
  const problems: Problem[] = [];
  for (const doc of docs) {
    for (const err of [...doc.errors, ...doc.warnings]) {
      problems.push({ file, where: lines.line(err.pos[0]), message: `YAML: ${err.message.split('\n')[0]!}` });
    }
  }
  if (docs.length > 1) problems.push({ file, where: '', message: 'must hold exactly one YAML document' });
  if (problems.length > 0) return fail(problems);
  const doc = docs[0];
  if (doc === undefined) return { value: null, problems };
  problems.push(...nodeProblems(doc, file, lines));
  if (problems.length > 0) return fail(problems);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (err) {
    return fail([{ file, where: '', message: `YAML: ${(err as Error).message.split('\n')[0]!}` }]);
  }
  problems.push(...valueProblems(value, file));
  return problems.length > 0 ? fail(problems) : { value, problems };
}
