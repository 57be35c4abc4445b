import type { z } from 'zod';

/** One thing wrong with the input: which file, where in it, and what. */
export interface Problem {
  /** Path of the file, relative to the content folder where possible. */
  file: string;
  /** A line ("line 12"), a byte offset or a field path ("date.value"); empty when it is the whole file. */
  where: string;
  /** What is wrong, in plain words. */
  message: string;
}

/** Thrown by a step when the input cannot be normalized; carries every problem found. */
export class InputProblems extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputProblems';
    this.problems = problems;
  }
}

/**
 * Formats a problem the way compilers do, so editors can jump to it.
 * @example formatProblem({ file: 'sources/a.yaml', where: 'date.value', message: 'must be a real date' })
 * // => 'sources/a.yaml: date.value: must be a real date'
 */
export function formatProblem(p: Problem): string {
  return p.where ? `${p.file}: ${p.where}: ${p.message}` : `${p.file}: ${p.message}`;
}

/**
 * Turns zod issues into problems naming the field path.
 * @example zodProblems(z.object({ a: z.string() }).safeParse({}).error!, 'f.yaml')[0].where // => 'a'
 */
export function zodProblems(error: z.ZodError, file: string, prefix = ''): Problem[] {
  return error.issues.map((issue) => ({
    file,
    where: prefix + (issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)'),
    message: issue.message,
  }));
}
