/**
 * What the site's build needs of the content, checked by the normalizer first
 * across all files, so that a pull request is refused with the file and field
 * named instead of passing normalize and failing `astro build` later:
 *
 * - every grouped field gives each group page a slug that is not empty, not
 *   too long, and not shared by two different values (`China`, `CHINA` and
 *   `China.` would be one page, /on-behalf-of/china/, and the build stops);
 * - `aliases.yaml`, which the site reads and the rest of the normalizer does
 *   not, decodes and validates as the other YAML files do.
 *
 * Each file's own checks (its schema, its title, its years) run where it is read
 * (scripts/normalize/io/inputs.ts).
 */
import { join } from 'node:path';
import { aliasGroupSchema, type Speaker, type StatementMeta, type Theme } from '../../../src/edition/schemas.ts';
import { slugClashes, slugProblem } from '../../../src/edition/slugs.ts';
import type { Problem } from '../problems.ts';
import { readYamlList } from './inputs.ts';

/** What `checkBuildNeeds` looks at: the validated sources, speakers and themes. */
export interface BuildInputs {
  sources: { file: string; meta: StatementMeta }[];
  speakers: Speaker[];
  themes: Theme[];
}

/** One value of a grouped field, where it was written. */
interface GroupValue {
  text: string;
  file: string;
  where: string;
}

/** The metadata file beside a source: `sources/x.txt` → `sources/x.yaml`. */
const metaFileOf = (sourceFile: string): string => sourceFile.replace(/\.txt$/u, '.yaml');

/** At most 60 characters of a value, for a message. */
const short = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** The fields the site groups statements by, each with the page its values name. */
function groupedFields({ sources, speakers, themes }: BuildInputs): { page: string; values: GroupValue[] }[] {
  const perSource = (where: string, get: (m: StatementMeta) => string | null): GroupValue[] =>
    sources.flatMap((s) => {
      const text = get(s.meta);
      return text === null ? [] : [{ text, file: metaFileOf(s.file), where }];
    });
  return [
    { page: '/speakers/<slug>/', values: speakers.map((s, i) => ({ text: s.id, file: 'speakers.yaml', where: `${i}.id` })) },
    { page: '/on-behalf-of/<slug>/', values: perSource('onBehalfOf.value', (m) => m.onBehalfOf.value) },
    { page: '/types/<slug>/', values: perSource('type', (m) => m.type) },
    { page: '/themes/<slug>/', values: themes.map((t, i) => ({ text: t.id, file: 'themes.yaml', where: `${i}.id` })) },
    { page: '/years/<slug>/', values: perSource('date.value', (m) => m.date.value.slice(0, 4)) },
  ];
}

/**
 * Slugs of every grouped field (speaker, on behalf of, type, theme, year):
 * each value must give one (`***` gives none), at most `SLUG_MAX_BYTES` long,
 * and two different values must not give the same one. The first value seen (in
 * file order) stands; each later value that differs from it is the problem.
 */
export function slugProblems(inputs: BuildInputs): Problem[] {
  const problems: Problem[] = [];
  for (const { page, values } of groupedFields(inputs)) {
    const named = values.filter((v) => {
      const problem = slugProblem(v.text);
      if (problem) problems.push({ file: v.file, where: v.where, message: `${problem}; the slug names the page ${page}` });
      return problem === null;
    });
    for (const { item, slug, first } of slugClashes(named)) {
      problems.push({
        file: item.file,
        where: item.where,
        message: `"${short(item.text)}" and "${short(first.text)}" (${first.file}) give the same slug "${slug}", so ${page.replace('<slug>', slug)} would be one page for both: write the same name the same way everywhere`,
      });
    }
  }
  return problems;
}

/** Validates `aliases.yaml` (optional) as `speakers.yaml` and `themes.yaml` are: the site reads it, and it comes in the same pull requests. */
export function aliasProblems(contentDir: string): Problem[] {
  const problems: Problem[] = [];
  readYamlList(join(contentDir, 'aliases.yaml'), 'aliases.yaml', aliasGroupSchema, problems, true);
  return problems;
}

/**
 * Everything `astro build` needs that no single file shows: group slugs
 * (`slugProblems`) and `aliases.yaml` (`aliasProblems`). Called once at the end
 * of `loadContent`.
 */
export function checkBuildNeeds(contentDir: string, inputs: BuildInputs): Problem[] {
  return [...slugProblems(inputs), ...aliasProblems(contentDir)];
}
