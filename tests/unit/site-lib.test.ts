import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { escapeBibtex } from '../../src/downloads/bibtex.ts';
import { type CitableStatement, citeParagraph, citeStatement, exampleBlock } from '../../src/downloads/citations.ts';
import { buildCorpus, readingMinutes } from '../../src/site/corpus.ts';
import { countReference } from '../../src/edition/word-reference.ts';
import { compareDates, formatDate } from '../../src/edition/dates.ts';
import rehypeBlockLinks from '../../src/markdown/rehype-block-links.ts';
import remarkBlockIds from '../../src/markdown/remark-block-ids.ts';
import { documentTitle } from '../../src/site/site.ts';
import { assertUniqueSlugs, slugify } from '../../src/edition/slugs.ts';
import { roleLabel } from '../../src/edition/speakers.ts';
import type { Speaker, StatementFrontmatter, Theme } from '../../src/edition/schemas.ts';

const URL_ = 'https://example.org/statements/x/';

function statement(over: Partial<StatementFrontmatter> & { id: string }): StatementFrontmatter {
  return {
    title: 'A title',
    type: 'statement',
    language: 'en',
    speaker: { value: 'wu-haitao', status: 'stated', evidence: null },
    role: { value: 'Ambassador', status: 'stated', evidence: null },
    onBehalfOf: { value: 'China', status: 'stated', evidence: null },
    event: { value: 'IOM Council', status: 'stated', evidence: null },
    place: { value: 'Geneva', status: 'stated', evidence: null },
    date: { value: '2012-11-28', precision: 'day', status: 'stated', evidence: null },
    source: { file: 'a.txt', sha256: 'a'.repeat(64), url: null },
    themes: [
      { id: 'cooperation', how: 'matched', terms: [{ term: 'cooperation', count: 2 }], reason: 'The text mentions “cooperation” ×2.' },
    ],
    blocks: 3,
    words: 450,
    edition: {
      paragraphSeparator: 'blank-line',
      removals: [],
      rejoins: [],
      unwrappedLines: 0,
      joinedWithoutSpace: [],
      inlineHtml: [],
      invisibleCharacters: [],
      whitespace: { specialSpaces: 0, trailingTrimmed: 0, spaceRunsCollapsed: 0, blankLinesDropped: 0 },
      headings: [],
      lists: [],
      notes: [],
    },
    retired: [],
    history: [{ edition: '1.0', changes: [{ kind: 'published', blocks: 3 }] }],
    ...over,
  };
}
const speakers: Speaker[] = [
  {
    id: 'wu-haitao',
    name: 'Wu Haitao',
    family: 'Wu',
    given: 'Haitao',
    sortName: 'Wu Haitao',
    affiliation: 'Government of China',
    roles: [],
    note: null,
  },
  {
    id: 'swing',
    name: 'William Lacy Swing',
    family: 'Swing',
    given: 'William Lacy',
    sortName: 'Swing, William Lacy',
    affiliation: 'IOM',
    roles: [],
    note: null,
  },
];
const themes: Theme[] = [
  { id: 'cooperation', label: 'Cooperation', description: 'd', terms: ['cooperation'], minMatches: 1, aliases: [] },
  { id: 'unused', label: 'Unused', description: 'd', terms: ['nothing'], minMatches: 1, aliases: [] },
];

describe('formatDate', () => {
  it('shows a date only as exactly as it is known', () => {
    expect(formatDate({ value: '2012-11-28', precision: 'day' })).toBe('28 November 2012');
    expect(formatDate({ value: '2010-03-02', precision: 'day' })).toBe('2 March 2010');
    expect(formatDate({ value: '2021-03', precision: 'month' })).toBe('March 2021');
    expect(formatDate({ value: '2023', precision: 'year' })).toBe('2023');
  });
});

describe('compareDates', () => {
  it('sorts oldest first, a year before the months and days within it', () => {
    expect(['2023', '2010-03-02', '2021-03', '2021', '2014-05'].sort(compareDates)).toEqual([
      '2010-03-02',
      '2014-05',
      '2021',
      '2021-03',
      '2023',
    ]);
  });
});

describe('readingMinutes', () => {
  it('rounds words at 200 a minute, never below one minute', () => {
    expect([1, 300, 912, 1022].map(readingMinutes)).toEqual([1, 2, 5, 5]);
  });
});

describe('slugify', () => {
  it('lower-cases, strips accents and joins words with hyphens', () => {
    expect(slugify('China')).toBe('china');
    expect(slugify('IOM')).toBe('iom');
    expect(slugify('Côte d’Ivoire (Gov.)')).toBe('cote-d-ivoire-gov');
    expect(slugify('Ｆｕｌｌｗｉｄｔｈ')).toBe('fullwidth');
  });
});

describe('assertUniqueSlugs', () => {
  it('refuses two texts that would share a URL after lower-casing and Unicode normalization', () => {
    expect(() => assertUniqueSlugs(['IOM', 'iom'])).toThrow('"IOM" and "iom" share the slug "iom"');
    expect(() => assertUniqueSlugs(['Cote', 'Côte'])).toThrow('share the slug "cote"');
    expect(() => assertUniqueSlugs(['!!!'])).toThrow('gives an empty slug');
  });

  it('accepts the same text twice', () => {
    expect([...assertUniqueSlugs(['China', 'China', 'IOM']).keys()]).toEqual(['china', 'iom']);
  });
});

describe('roleLabel', () => {
  it('gives a role with its years', () => {
    expect(roleLabel({ title: 'Director General, IOM', from: 2008, to: 2018 })).toBe('Director General, IOM (2008–2018)');
    expect(roleLabel({ title: 'Ambassador', from: 2023, to: 2023 })).toBe('Ambassador (2023)');
    expect(roleLabel({ title: 'Ambassador', from: null, to: null })).toBe('Ambassador');
    expect(roleLabel({ title: 'Envoy', from: 2019, to: null })).toBe('Envoy (from 2019)');
  });
});

describe('buildCorpus', () => {
  const editions = [{ version: '1.0', date: '2026-12-01', summary: 'The first edition.' }];
  const reference = countReference([], '1.0');
  const corpus = buildCorpus(
    [
      statement({
        id: 'c',
        date: { value: '2023', precision: 'year', status: 'inferred', evidence: 'e' },
        speaker: { value: null, status: 'unknown', evidence: null },
      }),
      statement({ id: 'a' }),
      statement({
        id: 'b',
        speaker: { value: 'swing', status: 'inferred', evidence: 'e' },
        onBehalfOf: { value: 'IOM', status: 'stated', evidence: null },
        type: 'speech',
        date: { value: '2012-11', precision: 'month', status: 'stated', evidence: null },
      }),
    ],
    speakers,
    themes,
    new Map(),
    editions,
    reference,
  );

  it('orders statements by date and links each to its neighbours', () => {
    expect(corpus.statements.map((s) => s.data.id)).toEqual(['b', 'a', 'c']);
    expect(corpus.statements.map((s) => [s.prev?.data.id ?? null, s.next?.data.id ?? null])).toEqual([
      [null, 'a'],
      ['b', 'c'],
      ['a', null],
    ]);
  });

  it('groups by speaker (by sort name), year, type and on behalf of', () => {
    expect(corpus.speakers.map((s) => [s.speaker.id, s.statements.map((x) => x.data.id)])).toEqual([
      ['swing', ['b']],
      ['wu-haitao', ['a']],
    ]);
    expect(corpus.years.map((g) => [g.slug, g.statements.map((x) => x.data.id)])).toEqual([
      ['2012', ['b', 'a']],
      ['2023', ['c']],
    ]);
    expect(corpus.types.map((g) => [g.slug, g.label, g.statements.length])).toEqual([
      ['speech', 'Speech', 1],
      ['statement', 'Statement', 2],
    ]);
    expect(corpus.onBehalfOf.map((g) => [g.slug, g.label])).toEqual([
      ['china', 'China'],
      ['iom', 'IOM'],
    ]);
  });

  it('lists each theme with its statements and the reason, also a theme without any', () => {
    expect(corpus.themes.map((t) => [t.theme.id, t.statements.map((s) => `${s.statement.data.id}: ${s.assignment.reason}`)])).toEqual([
      [
        'cooperation',
        ['b: The text mentions “cooperation” ×2.', 'a: The text mentions “cooperation” ×2.', 'c: The text mentions “cooperation” ×2.'],
      ],
      ['unused', []],
    ]);
  });

  it('labels dates at their precision and counts words', () => {
    expect(corpus.statements.map((s) => s.dateLabel)).toEqual(['November 2012', '28 November 2012', '2023']);
    expect(corpus.words).toBe(1350);
  });

  it('refuses a statement whose speaker or theme does not exist', () => {
    expect(() =>
      buildCorpus(
        [statement({ id: 'x', speaker: { value: 'nobody', status: 'stated', evidence: null } })],
        speakers,
        themes,
        new Map(),
        editions,
        reference,
      ),
    ).toThrow('x: unknown speaker "nobody"');
    expect(() =>
      buildCorpus(
        [statement({ id: 'y', themes: [{ id: 'nope', how: 'added', terms: [], reason: 'r' }] })],
        speakers,
        themes,
        new Map(),
        editions,
        reference,
      ),
    ).toThrow('y: unknown theme "nope"');
  });
});

const wu: CitableStatement = {
  data: statement({
    id: 'x',
    title: 'Statement by Ambassador Wu Haitao',
    event: { value: 'General Debate, 101st Session of the IOM Council', status: 'stated', evidence: null },
  }),
  speaker: { name: 'Wu Haitao', sortName: 'Wu Haitao' },
};
const chen: CitableStatement = {
  data: statement({
    id: 'y',
    title: 'Statement by H.E. Ambassador Chen Xu',
    date: { value: '2023', precision: 'year', status: 'inferred', evidence: 'e' },
    place: { value: 'Geneva', status: 'inferred', evidence: 'e' },
  }),
  speaker: { name: 'Chen Xu', sortName: 'Chen Xu' },
};

describe('citeStatement', () => {
  it('gives speaker, title, type, event, place, date, site with its edition, URL, and a place for the access date', () => {
    expect(citeStatement(wu, URL_, '1.0')).toBe(
      'Wu Haitao. “Statement by Ambassador Wu Haitao”. Statement, General Debate, 101st Session of the IOM Council, Geneva, 28 November 2012. Migration Statements, edition 1.0. https://example.org/statements/x/ [accessed …]',
    );
    expect(citeStatement(wu, URL_, '1.1', '2 December 2026')).toMatch(
      /Migration Statements, edition 1\.1\. https:\/\/example\.org\/statements\/x\/ \[accessed 2 December 2026\]$/u,
    );
  });

  it('puts an inferred date in square brackets', () => {
    expect(citeStatement(chen, URL_, '1.0')).toContain(', Geneva, [2023]. Migration Statements, edition 1.0.');
  });

  it('falls back to the government or organization when the speaker is unknown', () => {
    expect(citeStatement({ ...wu, speaker: null }, URL_, '1.0')).toMatch(/^China\. “Statement by/u);
  });

  it('names the organisation, not the person it reports on, for a press release', () => {
    const release = {
      ...wu,
      data: { ...wu.data, type: 'press-release' as const, onBehalfOf: { value: 'IOM', status: 'stated' as const, evidence: null } },
    };
    expect(citeStatement(release, URL_, '1.0')).toMatch(/^IOM\. “Statement by/u);
  });
});

describe('citeParagraph', () => {
  it('adds the paragraph number in reading order and its id in the URL', () => {
    expect(citeParagraph(wu, { n: 7, id: 'p-12' }, URL_, '1.1', '2 December 2026')).toBe(
      'Wu Haitao. “Statement by Ambassador Wu Haitao”. Statement, General Debate, 101st Session of the IOM Council, Geneva, 28 November 2012, ¶7. Migration Statements, edition 1.1. https://example.org/statements/x/#p-12 [accessed 2 December 2026]',
    );
  });
});

describe('exampleBlock', () => {
  it('takes the first paragraph of substance, not a salutation', () => {
    const blocks = [{ text: 'Mr. Chairperson,' }, { text: 'Thank you.' }, { text: Array.from({ length: 30 }, () => 'word').join(' ') }];
    expect(exampleBlock(blocks)).toBe(blocks[2]);
    expect(exampleBlock(blocks.slice(0, 2))).toBe(blocks[0]);
  });
});

describe('escapeBibtex', () => {
  it('escapes every TeX special character', () => {
    expect(escapeBibtex('50% & $5 #1 a_b {x} ~ ^ \\')).toBe(
      '50\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
  });
});

describe('rehypeBlockLinks', () => {
  const render = async (md: string) =>
    String(await unified().use(remarkParse).use(remarkBlockIds).use(remarkRehype).use(rehypeBlockLinks).use(rehypeStringify).process(md));

  it('puts a ¶ link to the block first in every numbered block: ¶ in reading order, linking to the id', async () => {
    expect(await render('Thank you. {#p-3}\n\nGoodbye. {#p-1}\n')).toBe(
      '<p id="p-3" data-block="1"><a class="block-link" href="#p-3" title="Link to paragraph 1">¶1</a>Thank you.</p>\n<p id="p-1" data-block="2"><a class="block-link" href="#p-1" title="Link to paragraph 2">¶2</a>Goodbye.</p>',
    );
  });

  it('leaves elements without a block number alone', async () => {
    expect(await render('Plain.\n')).toBe('<p>Plain.</p>');
  });
});

describe('documentTitle', () => {
  it('gives the page title, then the site name', () => {
    expect(documentTitle('Years')).toBe('Years · Migration Statements');
    expect(documentTitle('Migration Statements')).toBe('Migration Statements');
  });

  it('never cuts a long title, and still names the site', () => {
    const title =
      'Remarks by Mr. Ke Yousheng on the Review of progress and challenges with regard to implementing the Global Compact for Safe, Orderly and Regular Migration in Asia and the Pacific';
    expect(documentTitle(title)).toBe(`${title} · Migration Statements`);
  });
});
